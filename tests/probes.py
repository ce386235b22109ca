"""Small readers of a planner's values shared by the planner-round tests (probe sentences, real planner)."""

from __future__ import annotations

from kfstudio import channels as ch


def v(plan, name: str) -> float:
    """The value of one channel in a plan."""
    return float(plan.values[ch.channel_index(name)])


def both(plan, stem: str) -> float:
    """The larger of a channel's two sides ("MouthSmile": MouthSmileLeft / MouthSmileRight)."""
    return max(v(plan, f"{stem}Left"), v(plan, f"{stem}Right"))
