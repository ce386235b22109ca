"""Key tools shared by the dope sheet and the curve editor: G/S transforms with numeric entry, the
clipboard (keys and poses, between documents), and the frame-rate dialog.

:class:`KeyTransform` is a modal grab (G) or scale (S) of the selected keys, as in Blender: the keys
follow the mouse from where it was when the key was pressed; typing a number sets the amount instead
(G: frames, S: a factor — "12 Enter" moves the keys 12 frames later), Backspace edits it, "-" flips its
sign; Enter or a left click confirms, Esc or a right click cancels. Grab moves in time (and in value,
in the curve editor); scale scales times about the playhead. The whole transform is one undo step:
every update re-applies :func:`commands.move_keys` / :func:`commands.scale_keys` from the keys' start.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QMimeData, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..animation import clipboard, commands

__all__ = ["KeyTransform", "copy_to_clipboard", "clipboard_payload", "FpsDialog", "KEY_HELP"]

#: (key, what it does) while the dope sheet or the curve editor has the focus.
KEY_HELP = [
    ("G", "Dope sheet / curves: grab the selected keys (type frames, Enter confirms, Esc cancels)"),
    ("S", "Dope sheet / curves: scale the selected keys' times about the playhead (type a factor)"),
]

_DIGITS = {getattr(Qt.Key, f"Key_{i}"): str(i) for i in range(10)}


class KeyTransform(QObject):
    """A modal grab / scale of the session's selected keys, driven from ``widget``'s events.

    ``to_data(QPointF widget pos) -> (time, value)`` maps the mouse into the view; ``keys()`` gives the
    editable selected keys; ``use_value`` lets a grab change values too (the curve editor).
    """

    #: what the transform is doing now ("" when it ends), for the status bar
    statusChanged = Signal(str)

    def __init__(self, session, widget: QWidget, to_data: Callable, keys: Callable, *, use_value: bool = False,
                 snap: Callable[[], bool] = lambda: True, parent: QObject | None = None) -> None:
        super().__init__(parent or widget)
        self.session = session
        self.widget = widget
        self.to_data = to_data
        self.keys = keys
        self.use_value = use_value
        self.snap = snap
        self.mode: str | None = None  # "grab" / "scale" while active
        self.typed = ""
        self._state: dict = {}
        widget.installEventFilter(self)
        self._viewport = getattr(widget, "viewport", lambda: widget)()
        if self._viewport is not widget:
            self._viewport.installEventFilter(self)

    @property
    def active(self) -> bool:
        return self.mode is not None

    # ------------------------------------------------------------------ life cycle
    def start(self, mode: str, cursor: QPointF | None = None) -> bool:
        """Start a "grab" or "scale" of the selected keys (False when none can be edited)."""
        keys = self.keys()
        if self.active or not keys:
            return False
        if cursor is None:
            cursor = QPointF(self._viewport.mapFromGlobal(self._viewport.cursor().pos()))
        t, v = self.to_data(cursor)
        label = ("Grab" if mode == "grab" else "Scale") + (f" {len(keys)} keys" if len(keys) != 1 else " key")
        self.mode, self.typed = mode, ""
        self._state = {"keys": keys, "base": self.session.anim.copy(), "origin": (t, v), "label": label,
                       "pivot": self.session.time, "applied": None, "last": (t, v)}
        self.session.begin_drag(label)
        self._viewport.setMouseTracking(True)
        self._update()
        return True

    def confirm(self) -> None:
        if self.active:
            self.mode = None
            self.session.end_drag()
            self.statusChanged.emit("")

    def cancel(self) -> None:
        if self.active:
            self.mode = None
            self.session.cancel_drag()
            self.session.select_keys(self._state["keys"])
            self.statusChanged.emit("")

    # ------------------------------------------------------------------ the amount
    def amount(self) -> tuple[float, float] | float:
        """Grab: (dt seconds, dv); scale: the factor — from the typed number, else the mouse."""
        st = self._state
        fps = self.session.fps
        if self.typed not in ("", "-", ".", "-."):
            n = float(self.typed)
            return (n / fps, 0.0) if self.mode == "grab" else n
        (t0, v0), (t1, v1) = st["origin"], st["last"]
        if self.mode == "grab":
            return (t1 - t0, (v1 - v0) if self.use_value else 0.0)
        start = t0 - st["pivot"]
        return (t1 - st["pivot"]) / start if abs(start) > 1e-9 else 1.0

    def _update(self) -> None:
        st = self._state
        base, keys = st["base"], st["keys"]
        snap = self.snap()
        amount = self.amount()
        if self.mode == "grab":
            dt, dv = amount
            edit = commands.move_keys(base, keys, dt, dv, snap=snap, label=st["label"])
            frames = round(dt * self.session.fps) if snap else dt * self.session.fps
            text = f"Grab: {frames:g} frames" + (f", value {dv:+.3f}" if dv else "")
        else:
            edit = commands.scale_keys(base, keys, time_factor=amount, pivot_time=st["pivot"], snap=snap, label=st["label"])
            text = f"Scale: x{amount:.3g} about frame {round(st['pivot'] * self.session.fps)}"
        if self.typed:
            text += f"  [typed {self.typed}]"
        self.statusChanged.emit(text + "  — Enter confirms, Esc cancels")
        key = None if edit is None else (tuple(sorted(edit.after)), tuple((k.time, k.values.tobytes()) if k else None for k in edit.after.values()))
        if key == st["applied"]:
            return
        if st["applied"] is not None:
            self.session.cancel_drag()
            self.session.begin_drag(st["label"])
        st["applied"] = key
        if edit is not None and self.session.push(edit):
            self.session.select_keys(edit.keys_after)
        else:
            self.session.select_keys(keys)

    # ------------------------------------------------------------------ events
    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:
        et = ev.type()
        if obj is self.widget and et in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return self._key(ev, et == QEvent.Type.KeyPress)
        if not self.active or obj is not self._viewport:
            return False
        if et == QEvent.Type.MouseMove:
            self._state["last"] = self.to_data(ev.position())
            self._update()
            return True
        if et == QEvent.Type.MouseButtonPress:
            if ev.button() == Qt.MouseButton.LeftButton:
                self.confirm()
            else:
                self.cancel()
            return True
        if et in (QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick):
            return True
        return False

    def _key(self, ev, press: bool) -> bool:
        key, mods = ev.key(), ev.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if not self.active:
            if mods == Qt.KeyboardModifier.NoModifier and key in (Qt.Key.Key_G, Qt.Key.Key_S) and self.keys():
                ev.accept()
                if press:
                    self.start("grab" if key == Qt.Key.Key_G else "scale")
                return True
            return False
        ev.accept()  # while transforming, every key is ours (no window shortcut fires)
        if not press:
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm()
        elif key == Qt.Key.Key_Escape:
            self.cancel()
        elif key in _DIGITS or key == Qt.Key.Key_Period:
            self.typed += _DIGITS.get(key, ".")
            self._safe_update()
        elif key == Qt.Key.Key_Minus:
            self.typed = self.typed[1:] if self.typed.startswith("-") else "-" + self.typed
            self._safe_update()
        elif key == Qt.Key.Key_Backspace:
            self.typed = self.typed[:-1]
            self._safe_update()
        return True

    def _safe_update(self) -> None:
        try:
            float(self.typed or "0")
        except ValueError:  # "1.2." — drop the last character
            self.typed = self.typed[:-1]
        self._update()


# ---------------------------------------------------------------------------- clipboard
def copy_to_clipboard(payload: dict) -> None:
    """Put a payload on the system clipboard: its own MIME type, and the JSON as text."""
    text = clipboard.dumps(payload)
    data = QMimeData()
    data.setData(clipboard.MIME_TYPE, text.encode("utf-8"))
    data.setText(text)
    QGuiApplication.clipboard().setMimeData(data)


def clipboard_payload() -> dict:
    """The parsed payload on the system clipboard (``ClipboardError`` when there is none)."""
    data = QGuiApplication.clipboard().mimeData()
    if data is None:
        raise clipboard.ClipboardError("the clipboard is empty")
    if data.hasFormat(clipboard.MIME_TYPE):
        return clipboard.parse(bytes(data.data(clipboard.MIME_TYPE)).decode("utf-8"))
    return clipboard.parse(data.text())


# ---------------------------------------------------------------------------- frame rate
class FpsDialog(QDialog):
    """Edit › Frame rate: a new fps, keeping key times (seconds) or their frame numbers."""

    def __init__(self, fps: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Frame rate")
        self.fps_box = QDoubleSpinBox()
        self.fps_box.setRange(1.0, 240.0)
        self.fps_box.setDecimals(3)
        self.fps_box.setValue(float(fps))
        self.keep_times = QRadioButton("Keep key times (seconds); frames change")
        self.keep_frames = QRadioButton("Keep key frame numbers; times change")
        self.keep_times.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.keep_times)
        group.addButton(self.keep_frames)
        form = QFormLayout()
        form.addRow("Frames per second", self.fps_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(f"Now {fps:g} fps."))
        layout.addWidget(self.keep_times)
        layout.addWidget(self.keep_frames)
        layout.addWidget(buttons)

    def choice(self) -> tuple[float, str]:
        return self.fps_box.value(), ("frames" if self.keep_frames.isChecked() else "times")
