"""The learned semantic layer beside the embedded planner.

A pretrained sentence encoder (all-MiniLM-L6-v2, run by ONNX Runtime or numpy: :mod:`.encoder`) and a small trained
head (:mod:`.model`) read what the planner's word tables do not; :mod:`.layer` combines both so that
what the planner reads with confidence stays exact and explainable. :mod:`.train` fits the head
(``kfstudio train``).

The layer is optional: :func:`shared_layer` returns None, and :func:`notice` says why in one line,
when the encoder's package or a reader is missing (``KFSTUDIO_SEMANTIC=off`` turns it off too).
Nothing here imports torch or Qt.
"""

from __future__ import annotations

import os
import threading

__all__ = ["shared_layer", "notice", "disabled_by_env"]

_lock = threading.Lock()
_layer = None
_notice: str | None = None
_tried = False


def disabled_by_env() -> bool:
    return os.environ.get("KFSTUDIO_SEMANTIC", "").strip().lower() in ("0", "off", "no", "false")


def shared_layer():
    """The process-wide :class:`~.layer.SemanticLayer` (loaded on first use), or None when unavailable."""
    global _layer, _notice, _tried
    if _tried:
        return _layer
    with _lock:
        if _tried:
            return _layer
        if disabled_by_env():
            _notice = "the learned semantic layer is off (KFSTUDIO_SEMANTIC=off); the planner works alone"
        else:
            from .encoder import EncoderUnavailable
            from .model import ModelFileError

            try:
                from .layer import SemanticLayer

                _layer = SemanticLayer.load()
            except EncoderUnavailable as exc:
                _notice = f"the learned semantic layer is off: {exc}; the planner works alone"
            except ModelFileError as exc:
                _notice = f"the learned semantic layer is off: {exc}; the planner works alone"
            except ImportError as exc:
                _notice = f"the learned semantic layer is off: {exc.name or exc} is not installed; the planner works alone"
        _tried = True
        if _notice and not disabled_by_env():
            import sys

            print(f"kfstudio: note: {_notice}", file=sys.stderr)
        return _layer


def notice() -> str | None:
    """One line saying why the layer is off (None when it is on or not tried yet)."""
    return _notice


def _reset_for_tests() -> None:
    global _layer, _notice, _tried
    with _lock:
        _layer, _notice, _tried = None, None, False
