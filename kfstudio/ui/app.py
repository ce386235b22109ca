"""Entry point of the editor: ``run_editor(path)`` (called by ``kfstudio`` and ``kfstudio edit FILE``).

Only Qt (and numpy) is imported before the window first paints; pyqtgraph, vispy, the head and the
document come right after (see :func:`create_window`), torch only if a backend needs it, inside the
worker thread.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

__all__ = ["run_editor", "create_window", "configure_threads", "GIL_SWITCH_S"]

#: How long a thread may hold the GIL while another waits (Python's default is 5 ms). Qt calls and
#: larger numpy operations release and re-take the GIL, so with a Python-heavy worker (a decoding loop)
#: each of them can make the GUI thread wait a whole interval: measured with bench_main_thread_stall,
#: a 1 ms interval still gave 0.5 s stalls while the curve editor re-sampled; 0.2 ms keeps p99 < 5 ms.
GIL_SWITCH_S = 0.0002


def configure_threads() -> None:
    """Thread settings of the editor process (see :data:`GIL_SWITCH_S`)."""
    sys.setswitchinterval(GIL_SWITCH_S)


def create_window(path: str | None = None, *, viewport: bool | None = None, recovery_dir=None, fast_start: bool = True):
    """Build the main window on ``path`` (a ``.kfs`` project, a ``.csv`` capture or a script), or on the
    bundled example script when ``path`` is None. A QApplication must exist.

    With ``fast_start`` the heavy panels and the document are filled in right after the window's first
    paint (see :class:`~kfstudio.ui.main_window.MainWindow`), so the window shows before pyqtgraph,
    vispy, the head and the generation backend load.

    A recovery copy left in the recovery folder by an editor that did not close normally is offered
    (:meth:`~kfstudio.ui.main_window.MainWindow.offer_recovery`) right after the document loaded, so a
    restore wins; until it is answered, nothing removes or overwrites it.
    """
    from .main_window import EXAMPLE_SCRIPT, MainWindow

    window = MainWindow(viewport=viewport, recovery_dir=recovery_dir, defer_panels=fast_start)
    if path is not None:
        load = lambda: window.open_path(Path(path), confirm=False)  # noqa: E731
    elif EXAMPLE_SCRIPT.exists():
        load = lambda: window.open_script(EXAMPLE_SCRIPT.read_text(encoding="utf-8"))  # noqa: E731
    else:
        load = lambda: None  # noqa: E731
    if fast_start:
        window.after_first_paint(load)
        window.after_first_paint(window.offer_recovery)
    else:
        load()
        window.offer_recovery()
    return window


def run_editor(path: str | None = None) -> int:
    """Show the editor and run the Qt event loop; returns the exit code."""
    start = time.perf_counter()
    from PySide6.QtWidgets import QApplication

    from .preferences import APPLICATION, ORGANISATION

    configure_threads()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setStyle("Fusion")
    _dark_palette(app)
    if path is not None and not Path(path).exists():
        print(f"kfstudio: {path}: no such file", file=sys.stderr)
        return 2
    window = create_window(path)
    window.show()
    window.after_first_paint(lambda: window.statusBar().showMessage(f"Shown in {window.first_paint_at - start:.2f} s", 5000))
    return app.exec()


def _dark_palette(app) -> None:
    """A dark theme, as animation tools use, so the head and curves stand out."""
    from PySide6.QtGui import QColor, QPalette

    p = QPalette()
    base, window, text = QColor(35, 37, 41), QColor(48, 50, 55), QColor(215, 218, 224)
    for role, color in (
        (QPalette.Window, window), (QPalette.WindowText, text), (QPalette.Base, base),
        (QPalette.AlternateBase, window), (QPalette.ToolTipBase, QColor(60, 62, 68)), (QPalette.ToolTipText, text),
        (QPalette.Text, text), (QPalette.Button, window), (QPalette.ButtonText, text),
        (QPalette.Highlight, QColor(70, 120, 200)), (QPalette.HighlightedText, QColor(255, 255, 255)),
        (QPalette.PlaceholderText, QColor(130, 134, 142)),
    ):
        p.setColor(role, color)
    p.setColor(QPalette.Disabled, QPalette.Text, QColor(110, 112, 118))
    p.setColor(QPalette.Disabled, QPalette.ButtonText, QColor(110, 112, 118))
    app.setPalette(p)
