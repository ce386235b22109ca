"""One horizontal time axis shared by the timeline, the curve editor and the dope sheet.

:class:`TimeAxis` holds the visible time span; every view linked to it shows that span and sets it
when the user zooms or pans there, so the three zoom and pan together. Views also share the pixels:
a *reference* view (the curve editor's or the dope sheet's plot area, whichever is shown) registers
the horizontal extent of its plot area in global coordinates, and the timeline maps the span onto
that same extent, so that a time is drawn at the same screen x in every panel and the playheads line
up (when the panels are stacked; a panel moved elsewhere keeps the span, on its own width).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal

__all__ = ["TimeAxis"]

Extent = Callable[[], "tuple[float, float] | None"]


class TimeAxis(QObject):
    """The visible time span ``(t0, t1)`` and the reference pixels it maps onto."""

    #: the span or the reference extent changed: views redraw
    changed = Signal()

    def __init__(self, t0: float = 0.0, t1: float = 5.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._range = (float(t0), float(t1))
        self._references: list[Extent] = []

    @property
    def range(self) -> tuple[float, float]:
        return self._range

    def set_range(self, t0: float, t1: float) -> None:
        t0, t1 = float(t0), float(t1)
        if t1 - t0 < 1e-6:
            t1 = t0 + 1e-6
        if (t0, t1) != self._range:
            self._range = (t0, t1)
            self.changed.emit()

    def add_reference(self, extent: Extent) -> None:
        """``extent()`` gives a view's plot area as (left, right) global x pixels, or None when hidden."""
        self._references.append(extent)

    def remove_reference(self, extent: Extent) -> None:
        if extent in self._references:
            self._references.remove(extent)

    def reference_extents(self) -> list[tuple[float, float]]:
        """The global x extents of the shown reference views, in the order they were added."""
        out = []
        for extent in self._references:
            got = extent()
            if got is not None and got[1] - got[0] > 10:
                out.append(got)
        return out

    def geometry_changed(self) -> None:
        """A reference view moved or resized: linked views redraw."""
        self.changed.emit()
