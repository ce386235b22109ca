"""Benchmarks of the curve editor: redrawing 52 visible curves over a 60 s animation.

``bench_curve_redraw()`` returns a list of result dicts (``name``, ``unit`` "ms", ``median``, ``min``,
``max``, ``target``, ``passed``) for

* an edit that changes all 52 curves (re-sample + new data for every curve and the keys),
* the same followed by a synchronous repaint of the plot (what the animator waits for),
* an edit of one key of one channel (only that curve gets new data).

Runs offscreen when there is no display. Qt is imported inside the function, so importing this module
costs nothing.
"""

from __future__ import annotations

import os
import time

import numpy as np

from kfstudio import channels as ch
from kfstudio.bench.util import result

__all__ = ["bench_curve_redraw"]

DURATION_S = 60.0
FPS = 30.0
KEY_EVERY_S = 0.5


def _animation():
    from kfstudio.animation.document import Animation, Keyframe

    rng = np.random.default_rng(5)
    times = np.arange(0.0, DURATION_S + 1e-9, KEY_EVERY_S)
    values = rng.uniform(ch.LOWER, ch.UPPER, size=(times.size, ch.NUM_CHANNELS)) * 0.5
    return Animation([Keyframe(t, f"key {i}", v) for i, (t, v) in enumerate(zip(times, values))], fps=FPS, duration=DURATION_S)


def bench_curve_redraw(repeats: int = 15) -> list[dict]:
    """Time curve-editor redraws with the 52 blendshape curves of a 60 s, 30 fps animation visible."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from kfstudio.animation import commands
    from kfstudio.ui.curve_editor import CurveEditor
    from kfstudio.ui.session import EditorSession

    app = QApplication.instance() or QApplication([])
    session = EditorSession(_animation())
    session.set_visible_channels(range(ch.NUM_BLENDSHAPES))
    editor = CurveEditor(session)
    editor.resize(1400, 700)
    editor.show()
    app.processEvents()
    editor.frame_all()
    app.processEvents()

    anim = session.anim
    middle = anim.keyframes[len(anim.keyframes) // 2].uid
    all_edit, one_edit, all_paint = [], [], []
    for i in range(repeats):
        scale = 0.3 + 0.4 * (i % 2)
        session.push(commands.set_values(anim, middle, np.full(ch.NUM_BLENDSHAPES, scale)))
        t0 = time.perf_counter()
        editor.refresh()
        all_edit.append(time.perf_counter() - t0)

        session.push(commands.set_values(anim, middle, np.full(ch.NUM_BLENDSHAPES, 1.0 - scale)))
        t0 = time.perf_counter()
        editor.refresh()
        editor.plot.viewport().repaint()
        all_paint.append(time.perf_counter() - t0)

        session.push(commands.set_values(anim, middle, {ch.channel_index("JawOpen"): 0.15 + 0.1 * (i % 3)}))
        t0 = time.perf_counter()
        editor.refresh()
        one_edit.append(time.perf_counter() - t0)
    app.processEvents()
    editor.close()
    editor.deleteLater()
    app.processEvents()
    return [
        result("curve editor: redraw 52 curves x 60 s after an edit (data)", [1e3 * x for x in all_edit], 16.0),
        result("curve editor: redraw 52 curves x 60 s after an edit (data + paint)", [1e3 * x for x in all_paint], 50.0),
        result("curve editor: redraw after a one-key edit (data)", [1e3 * x for x in one_edit], 8.0),
    ]


if __name__ == "__main__":  # pragma: no cover - manual run
    for r in bench_curve_redraw():
        print(f"{r['name']}: median {r['median']:.2f} ms (min {r['min']:.2f}, max {r['max']:.2f}; target {r['target']}) {'ok' if r['passed'] else 'SLOW'}")
