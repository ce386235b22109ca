"""KeyframeFace Studio: a script-driven facial keyframe editor.

The model layer (``channels``, ``animation``, ``generation``, ``rig``, ``io``) has no Qt dependency and
is used from the command line and the tests; only :mod:`kfstudio.ui` imports Qt and vispy.
"""

__version__ = "0.1.0"

from pathlib import Path as _Path

#: Folder of bundled resources (example scripts, the default head, icons).
RESOURCES = _Path(__file__).resolve().parent.parent / "resources"
