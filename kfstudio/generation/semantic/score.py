"""Expectations of an annotated corpus line and how well 61 values meet them (for tuning and tests).

A corpus line (see ``models/corpus/README.md``) states ``targets`` (unlisted = 0), ``key`` (the channels
that define the expression), ``low`` (channel -> most allowed) and optional ``asym``; a pair line states
that its first description gives less of ``channel`` than its second. The expectations derived here:

* key (high priority): a blendshape reaches half its target; a pose value has the target's sign and
  half its size;
* low: a blendshape stays at or below its limit (a pose value: its size does);
* asym ``[a, b, d]``: ``|a - b| >= d``;
* pair: weaker < stronger on the channel.

A line that asks for movement (non-empty targets) and gets a face where nothing reaches 0.05 is
an *empty face*.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from kfstudio import channels as ch

__all__ = ["Check", "line_checks", "pair_check", "Tally", "is_empty_face"]

_POSE = np.array([c.is_pose for c in ch.CHANNELS])
EMPTY = 0.05


@dataclass
class Check:
    text: str
    ok: bool
    high: bool  # high priority (a key channel)


def _v(values, name: str) -> float:
    return float(values[ch.channel_index(name)])


def line_checks(line: dict, values: np.ndarray) -> list[Check]:
    out = []
    targets = line.get("targets", {})
    for name in line.get("key", []):
        t, v = float(targets[name]), _v(values, name)
        if ch.lookup(name).is_pose:
            ok = np.sign(v) == np.sign(t) and abs(v) >= 0.5 * abs(t)
        else:
            ok = v >= 0.5 * t
        out.append(Check(f"{name} {v:.2f} ~ {t:.2f}", bool(ok), True))
    for name, limit in line.get("low", {}).items():
        v = _v(values, name)
        ok = abs(v) <= limit + 1e-9 if ch.lookup(name).is_pose else v <= limit + 1e-9
        out.append(Check(f"{name} {v:.2f} <= {limit:.2f}", bool(ok), False))
    for a, b, d in line.get("asym", []):
        va, vb = _v(values, a), _v(values, b)
        out.append(Check(f"|{a} - {b}| = {abs(va - vb):.2f} >= {d}", abs(va - vb) >= d, False))
    return out


def pair_check(line: dict, weak: np.ndarray, strong: np.ndarray) -> Check:
    name = line["channel"]
    a, b = _v(weak, name), _v(strong, name)
    return Check(f"{name}: {a:.2f} < {b:.2f}", a < b, False)


def is_empty_face(line: dict, values: np.ndarray) -> bool:
    return bool(line.get("targets")) and bool(np.all(np.abs(values) < EMPTY))


@dataclass
class Tally:
    met: int = 0
    total: int = 0
    high_met: int = 0
    high_total: int = 0
    empty: int = 0
    failures: list = field(default_factory=list)

    def add(self, checks: list[Check], where: str = "") -> None:
        for c in checks:
            self.total += 1
            self.met += c.ok
            if c.high:
                self.high_total += 1
                self.high_met += c.ok
            if not c.ok:
                self.failures.append((where, c.text))

    @property
    def share(self) -> float:
        return self.met / self.total if self.total else 1.0

    @property
    def high_share(self) -> float:
        return self.high_met / self.high_total if self.high_total else 1.0
