"""Benchmarks of script parsing and KeyframeFace prompt/response handling (for ``kfstudio bench``).

Each ``bench_*`` function returns a list of dicts with ``name``, ``unit`` ("ms"), ``median``,
``min``, ``max``, ``target`` and ``passed`` (median within target), timed by
:func:`kfstudio.bench.util.measure` (one warm-up call, then the repeats). Inputs are generated here. The targets are shares of the design's budgets:
re-proposing an 8-keyframe script after an edit within 250 ms (the script is re-parsed and timed
on every edit), and one proposal within 30 ms (a prompt is built and a response parsed per keyframe).
"""

from __future__ import annotations

import numpy as np

from kfstudio import channels as ch
from kfstudio.bench.util import is_quick, measure
from kfstudio.generation import keyframeface as kf
from kfstudio.generation.script import assign_times, parse_script

__all__ = ["bench_script", "bench_keyframeface", "script_text"]

_BEATS = [
    "The gaze is lowered, the inner brows lift slightly, and the lips press together with visible tension.",
    "The gaze rises and both mouth corners form a small restrained smile while the brows remain worried.",
    "The eyes close for a moment. (hold 0.4s)",
    "One mouth corner twitches upward and the cheeks begin to lift.",
    "The jaw drops into a full laugh, the head tips back and the brows lift.",
    "The inner brows pull together and up, the mouth stretches sideways in fear.",
    "The left mouth corner pulls up into a one-sided smirk and the head tilts toward the right shoulder.",
    "The mouth closes and the eyes blink open slowly, still heavy.",
]


def script_text(n_beats: int) -> str:
    """A script of ``n_beats`` beats (half with explicit times) under a background and emotion header."""
    lines = ["Background: A student waits outside an interview room.", "Emotion: Anxiety.", ""]
    for i in range(n_beats):
        text = _BEATS[i % len(_BEATS)]
        lines.append(f"{i * 0.8:.1f}s: {text}" if i % 2 == 0 else text)
    return "\n".join(lines) + "\n"


def bench_script(repeats: int | None = None) -> list[dict]:
    """Parse and time an 8-keyframe script (every edit) and a 200-keyframe one."""
    repeats = repeats or (10 if is_quick() else 50)
    out = []
    for beats, target in ((8, 5.0), (200, 50.0)):
        text = script_text(beats)
        out.append(measure(f"parse_script + assign_times, {beats} keyframes",
                           lambda: assign_times(parse_script(text)), target_ms=target, repeats=repeats))
    prose = " Then ".join(b.rstrip(".") for b in _BEATS) + "."
    out.append(measure("parse_script, prose of 8 beats", lambda: parse_script(prose), target_ms=5.0, repeats=repeats))
    return out


def bench_keyframeface(repeats: int | None = None) -> list[dict]:
    """Build one request line, and parse a clean, a damaged and a 200 kB response."""
    repeats = repeats or (40 if is_quick() else 200)
    rng = np.random.default_rng(0)
    values, _ = kf.reconcile_gaze(np.round(rng.uniform(ch.LOWER, ch.UPPER), 2))
    clean = kf.format_response(values, 3)
    damaged = "<think>The brows lift.</think>\n```json\n" + clean.replace('"', "'")[:-40] + "\n```"
    huge = clean + "x" * kf.MAX_RESPONSE_CHARS
    descriptions = [_BEATS[i % len(_BEATS)] for i in range(8)]
    return [
        measure("build_request_line, 8 keyframes",
                lambda: kf.build_request_line(descriptions, 5, "A room.", "Anxiety."), target_ms=1.0, repeats=repeats),
        measure("parse_response, clean", lambda: kf.parse_response(clean, index=3), target_ms=2.0, repeats=repeats),
        measure("parse_response, damaged and truncated", lambda: kf.parse_response(damaged, values, index=3),
                target_ms=5.0, repeats=repeats),
        measure("parse_response, 200 kB of trailing text", lambda: kf.parse_response(huge), target_ms=50.0,
                repeats=max(5, repeats // 20)),
    ]


if __name__ == "__main__":  # pragma: no cover
    for row in bench_script() + bench_keyframeface():
        print(f"{row['name']:<48} median {row['median']:7.3f} ms  target {row['target']:6.1f}  "
              f"{'ok' if row['passed'] else 'SLOW'}")
