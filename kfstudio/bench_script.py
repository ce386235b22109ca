"""Benchmarks of script parsing and KeyframeFace prompt/response handling (for ``kfstudio bench``).

Each ``bench_*`` function returns a list of dicts with ``name``, ``unit`` ("ms"), ``median``,
``min``, ``max``, ``target`` and ``passed`` (median within target), timed with
``time.perf_counter``. Inputs are generated here. The targets are shares of the design's budgets:
re-proposing an 8-keyframe script after an edit within 250 ms (the script is re-parsed and timed
on every edit), and one proposal within 30 ms (a prompt is built and a response parsed per keyframe).
"""

from __future__ import annotations

import statistics
import time
from typing import Callable

import numpy as np

from kfstudio import channels as ch
from kfstudio.generation import keyframeface as kf
from kfstudio.generation.script import assign_times, parse_script

__all__ = ["bench_script", "bench_keyframeface"]

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


def _script_text(n_beats: int) -> str:
    lines = ["Background: A student waits outside an interview room.", "Emotion: Anxiety.", ""]
    for i in range(n_beats):
        text = _BEATS[i % len(_BEATS)]
        lines.append(f"{i * 0.8:.1f}s: {text}" if i % 2 == 0 else text)
    return "\n".join(lines) + "\n"


def _result(name: str, samples: list[float], target_ms: float) -> dict:
    median = statistics.median(samples)
    return {"name": name, "unit": "ms", "median": median, "min": min(samples), "max": max(samples),
            "target": target_ms, "passed": median <= target_ms}


def _time_ms(action: Callable[[], object], repeats: int) -> list[float]:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000.0)
    return samples


def bench_script(repeats: int = 50) -> list[dict]:
    """Parse and time an 8-keyframe script (every edit) and a 200-keyframe one."""
    out = []
    for beats, target in ((8, 5.0), (200, 50.0)):
        text = _script_text(beats)
        out.append(_result(f"parse_script + assign_times, {beats} keyframes",
                           _time_ms(lambda: assign_times(parse_script(text)), repeats), target))
    prose = " Then ".join(b.rstrip(".") for b in _BEATS) + "."
    out.append(_result("parse_script, prose of 8 beats", _time_ms(lambda: parse_script(prose), repeats), 5.0))
    return out


def bench_keyframeface(repeats: int = 200) -> list[dict]:
    """Build one request line, and parse a clean, a damaged and a 200 kB response."""
    rng = np.random.default_rng(0)
    values, _ = kf.reconcile_gaze(np.round(rng.uniform(ch.LOWER, ch.UPPER), 2))
    clean = kf.format_response(values, 3)
    damaged = "<think>The brows lift.</think>\n```json\n" + clean.replace('"', "'")[:-40] + "\n```"
    huge = clean + "x" * kf.MAX_RESPONSE_CHARS
    descriptions = [_BEATS[i % len(_BEATS)] for i in range(8)]
    return [
        _result("build_request_line, 8 keyframes",
                _time_ms(lambda: kf.build_request_line(descriptions, 5, "A room.", "Anxiety."), repeats), 1.0),
        _result("parse_response, clean", _time_ms(lambda: kf.parse_response(clean, index=3), repeats), 2.0),
        _result("parse_response, damaged and truncated",
                _time_ms(lambda: kf.parse_response(damaged, values, index=3), repeats), 5.0),
        _result("parse_response, 200 kB of trailing text",
                _time_ms(lambda: kf.parse_response(huge), max(5, repeats // 20)), 50.0),
    ]


if __name__ == "__main__":  # pragma: no cover
    for row in bench_script() + bench_keyframeface():
        print(f"{row['name']:<48} median {row['median']:7.3f} ms  target {row['target']:6.1f}  "
              f"{'ok' if row['passed'] else 'SLOW'}")
