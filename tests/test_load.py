"""Load (issue 7), fast versions: a 500-keyframe script and a 30-minute, 500-keyframe document.

These check completion and correctness at full size; the timings against targets are the
``bench_robustness`` rows (``kfstudio bench``), not assertions here.
"""

from __future__ import annotations

import numpy as np
import pytest

from kfstudio import channels as ch
from kfstudio.animation import commands as cmd
from kfstudio.bench.robustness import batch_peak_rss, long_animation
from kfstudio.generation.script import assign_times, parse_script
from kfstudio.io.llf_csv import read_csv
from kfstudio.io.project import load_project, save_project
from kfstudio.io.capture import export_csv
from kfstudio.script_sync import generate_animation, sync_keyframes

WORDS = ["the brows lift", "a wide smile spreads", "the eyes close", "the jaw drops open", "the lips press together",
         "the gaze turns left", "the nose wrinkles in a sneer", "the cheeks puff out", "the head tilts down"]


def long_script(n: int = 500) -> str:
    lines = ["Background: a long take.", "Emotion: calm.", ""]
    for i in range(n):
        timed = i % 5 == 0
        lines.append(f"{i * 0.5:.1f}s: {WORDS[i % len(WORDS)]} ({i})" if timed else f"- {WORDS[i % len(WORDS)]} ({i})")
    return "\n".join(lines)


def test_500_keyframe_script_parses_syncs_and_generates():
    text = long_script()
    script = parse_script(text)
    assert len(script.beats) == 500
    times = assign_times(script)
    assert len(times) == 500 and all(b >= a for a, b in zip(times, times[1:]))
    assert times[5] == 2.5 and times[495] == 247.5  # explicit times kept exactly

    anim, results = generate_animation(text)
    assert len(anim.keyframes) == 500 and len(results) == 500 and all(r.ok for r in results)
    # explicit times exactly, the others on the nearest whole frame
    expected = [t if b.time is not None else round(t * anim.fps) / anim.fps for t, b in zip(times, script.beats)]
    np.testing.assert_allclose([k.time for k in anim.keyframes], expected)
    values = np.array([k.values for k in anim.keyframes])
    assert np.isfinite(values).all() and (values >= ch.LOWER).all() and (values <= ch.UPPER).all()
    assert len({tuple(np.round(v, 6)) for v in values}) >= len(WORDS)  # each distinct description gets its own pose

    # Editing one line in the middle regenerates that line and its neighbours only, in one undo step.
    edited = text.replace("a wide smile spreads (244)", "a sad frown (244)")
    assert edited != text
    edit, uids = sync_keyframes(anim, edited)
    assert edit is not None and 1 <= len(uids) <= 3
    ids_before = [k.uid for k in anim.keyframes]
    edit.redo(anim)
    assert [k.uid for k in anim.keyframes] == ids_before
    assert anim.keyframes[244].description == "a sad frown (244)"
    edit.undo(anim)
    assert anim.keyframes[244].description == "a wide smile spreads (244)"


@pytest.fixture(scope="module")
def long_doc():
    return long_animation(500, 1800.0)


def test_30_minute_document_open_edit_undo(long_doc, tmp_path):
    path = tmp_path / "long.kfs"
    save_project(long_doc, path)
    doc = load_project(path)
    assert doc.same_as(long_doc)
    stack = cmd.UndoStack(doc)
    original = doc.copy()
    uids = [k.uid for k in doc.keyframes]
    for i in range(100):
        uid = uids[(i * 37) % len(uids)]
        assert stack.push(cmd.set_values(doc, uid, {"JawOpen": (i % 9 + 1) / 10.0}))
    assert not doc.same_as(original)
    while stack.undo():
        pass
    assert doc.same_as(original)


def test_30_minute_document_evaluate_and_export_round_trip(long_doc, tmp_path):
    """Sampling 30 minutes at 60 fps and writing them as CSV reads back the same curves."""
    times, values = long_doc.sample(60.0)
    assert len(times) >= 1800 * 60 and values.shape == (len(times), ch.NUM_CHANNELS)
    assert np.isfinite(values).all()
    keys = np.array([k.time for k in long_doc.keyframes])
    at_keys = long_doc.evaluate(keys)
    np.testing.assert_allclose(at_keys, np.array([k.values for k in long_doc.keyframes]), atol=1e-9)

    path = tmp_path / "long.csv"
    rows = export_csv(long_doc, path, fps=60.0)
    assert rows == len(times)
    capture = read_csv(path)
    assert len(capture.times) == rows
    np.testing.assert_allclose(capture.times - capture.times[0], times - times[0], atol=1e-3)
    np.testing.assert_allclose(capture.values, values, atol=1e-9)


def test_batch_of_descriptions_in_a_subprocess(tmp_path):
    """A small batch through the real command; the 10,000-line figure is kfstudio.bench.batch_memory."""
    small = batch_peak_rss(50, tmp_path)
    assert small["returncode"] == 0 and small["lines"] == 50
    assert 0 < small["peak_rss_mb"] < 1024
