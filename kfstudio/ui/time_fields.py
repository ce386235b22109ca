"""Qt widgets for time as animators type and read it (seconds, frames, timecodes).

:class:`TimeSpinBox` is a spin box that reads any form :func:`kfstudio.animation.timefmt.parse_time`
accepts (``1.5``, ``1,5s``, ``45f``, ``frame 45``, ``00:00:01:12`` ...) and shows its value in the
session's display mode; text that is not a time is never taken: the field says why
(``invalidTime``). :func:`install_time_axis` makes a pyqtgraph axis label its ticks the same way.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox

from ..animation import timefmt
from .session import EditorSession

__all__ = ["TimeSpinBox", "install_time_axis"]


class TimeSpinBox(QDoubleSpinBox):
    """A time field in the session's display mode that accepts every typed time form."""

    #: the text typed and why it is not a time (shown by the owner, e.g. as a tooltip or status)
    invalidTime = Signal(str)

    def __init__(self, session: EditorSession, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.setRange(0.0, 36000.0)
        self.setDecimals(6)  # the value keeps its precision; the text is formatted by the mode
        self.setKeyboardTracking(False)
        self.setSingleStep(1.0 / 30.0)
        self.setToolTip(f"A time: {timefmt.HINT}")
        session.timeDisplayChanged.connect(self._refresh_text)
        session.documentChanged.connect(self._on_fps)
        self.lineEdit().editingFinished.connect(self._check_text)
        self._on_fps()

    def _on_fps(self) -> None:
        self.setSingleStep(1.0 / self.session.fps)

    def _refresh_text(self, *_args) -> None:
        blocked = self.blockSignals(True)
        try:
            self.setValue(self.value())
            self.lineEdit().setText(self.textFromValue(self.value()))
        finally:
            self.blockSignals(blocked)

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt's name)
        return self.session.format_time(value, decimals=3)

    def valueFromText(self, text: str) -> float:  # noqa: N802
        try:
            return timefmt.parse_time(text, self.session.fps)
        except timefmt.TimeFormatError:
            return self.value()

    def validate(self, text: str, pos: int):
        try:
            t = timefmt.parse_time(text, self.session.fps)
        except timefmt.TimeFormatError:
            return QValidator.Intermediate, text, pos  # still typing, or wrong: never taken as is
        state = QValidator.Acceptable if self.minimum() <= t <= self.maximum() else QValidator.Intermediate
        return state, text, pos

    def fixup(self, text: str) -> str:
        return text

    def _check_text(self) -> None:
        text = self.lineEdit().text()
        try:
            timefmt.parse_time(text, self.session.fps)
        except timefmt.TimeFormatError as exc:
            self.invalidTime.emit(str(exc))
            self.setToolTip(str(exc))
            return
        self.setToolTip(f"A time: {timefmt.HINT}")


def install_time_axis(plot_item, session: EditorSession, axis: str = "bottom") -> None:
    """Label ``plot_item``'s time axis in the session's display mode (seconds, frames, timecode)."""
    ax = plot_item.getAxis(axis)

    def tick_strings(values, _scale, spacing):
        decimals = 0 if spacing >= 1 else 2 if spacing >= 0.01 else 3
        return [session.format_time(v, decimals=decimals, unit=False) if v >= -1e-9 else "" for v in values]

    def relabel(mode: str) -> None:
        plot_item.setLabel(axis, {"seconds": "time (s)", "frames": "time (frames)", "timecode": "time (timecode)"}[mode])
        ax.picture = None  # pyqtgraph caches the drawn ticks
        ax.update()

    ax.tickStrings = tick_strings
    session.timeDisplayChanged.connect(relabel)
    relabel(session.time_display)
