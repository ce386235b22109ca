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

import pyqtgraph as pg
from PySide6.QtCore import QObject, QPointF, Signal, Slot

__all__ = ["TimeAxis", "AxisLinkedPlot", "PickingViewBox"]

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


class PickingViewBox(pg.ViewBox):
    """The plot area of a key editor: clicks and drags go to the editor first (``on_click(ev)`` and
    ``on_drag(ev)`` return True when they took the event: key picking, key drags, the rubber band);
    what they leave is pyqtgraph's (pan, zoom). No context menu."""

    def __init__(self, on_click: Callable[[object], bool], on_drag: Callable[[object], bool]) -> None:
        super().__init__(enableMenu=False)
        self._take_click = on_click
        self._take_drag = on_drag

    def mouseClickEvent(self, ev) -> None:
        if not self._take_click(ev):
            super().mouseClickEvent(ev)

    def mouseDragEvent(self, ev, axis=None) -> None:
        if axis is not None or not self._take_drag(ev):
            super().mouseDragEvent(ev, axis)


class AxisLinkedPlot:
    """What a plot widget needs to share a :class:`TimeAxis` (a mixin for the curve editor and the dope
    sheet, put before ``QWidget`` in the bases): it zooms and pans in time with the axis, reports its
    plot area as a pixel reference while shown, and maps times to global pixels.

    The widget has a pyqtgraph ``plot`` (``PlotWidget``/``GraphicsView``) and ``view`` (its
    ``ViewBox``, time on x) and calls ``self._init_axis_link()`` in its ``__init__``.
    """

    plot: object
    view: object
    #: True: the plot's own range becomes the axis's range when linked (else the plot takes the axis's)
    leads_axis = False

    def _init_axis_link(self) -> None:
        self.axis: TimeAxis | None = None
        self._following = False

    def link_axis(self, axis: TimeAxis) -> None:
        """Zoom and pan in time with ``axis`` (see :attr:`leads_axis` for the first range)."""
        self.axis = axis
        axis.changed.connect(self._follow_axis)
        axis.add_reference(self.plot_extent)
        self.view.sigXRangeChanged.connect(self._push_axis)
        self.view.sigResized.connect(lambda *_: axis.geometry_changed())
        if self.leads_axis:
            self._push_axis()
        else:
            self._follow_axis()

    def plot_extent(self) -> tuple[float, float] | None:
        """The plot area's left and right edges in global x pixels (None while hidden)."""
        if not self.isVisible() or self.visibleRegion().isEmpty() or self.view.width() <= 0:
            return None
        rect = self.view.sceneBoundingRect()
        to_viewport = self.plot.viewportTransform()
        origin = self.plot.viewport().mapToGlobal(QPointF(0, 0)).x()
        return origin + to_viewport.map(rect.topLeft()).x(), origin + to_viewport.map(rect.topRight()).x()

    def global_x(self, t: float) -> float:
        """The global x pixel (sub-pixel) where time ``t`` is drawn — for tests and alignment."""
        scene = self.view.mapViewToScene(QPointF(float(t), 0.0))
        return self.plot.viewport().mapToGlobal(QPointF(0, 0)).x() + self.plot.viewportTransform().map(scene).x()

    @Slot()
    def _follow_axis(self) -> None:
        if self.axis is None:
            return
        t0, t1 = self.axis.range
        if tuple(self.view.viewRange()[0]) != (t0, t1):
            self._following = True
            self.view.setXRange(t0, t1, padding=0)
            self._following = False

    def _push_axis(self, *_args) -> None:
        if self.axis is not None and not self._following:
            self.axis.set_range(*self.view.viewRange()[0])

    def showEvent(self, event) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self.axis is not None:
            self.axis.geometry_changed()  # the timeline may now map onto this plot

    def hideEvent(self, event) -> None:
        super().hideEvent(event)  # type: ignore[misc]
        if self.axis is not None:
            self.axis.geometry_changed()
