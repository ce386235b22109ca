"""Small readers of channel values shared by the tests (planner plans on probe sentences, value vectors)."""

from __future__ import annotations

from kfstudio import channels as ch


def v(plan, name: str) -> float:
    """The value of one channel in a plan."""
    return float(plan.values[ch.channel_index(name)])


def both(plan, stem: str) -> float:
    """The larger of a channel's two sides ("MouthSmile": MouthSmileLeft / MouthSmileRight)."""
    return max(v(plan, f"{stem}Left"), v(plan, f"{stem}Right"))


def value(values, name: str) -> float:
    """The value of one channel in a (61,) vector."""
    return float(values[ch.channel_index(name)])
