"""Keyframes, curves and undoable edits of the 61 channels (no Qt)."""

from .commands import Command, Edit, UndoStack
from .curves import Interp, Tangent
from .document import Animation, CurveGroup, Keyframe, new_uid

__all__ = ["Animation", "CurveGroup", "Keyframe", "Interp", "Tangent", "Command", "Edit", "UndoStack", "new_uid"]
