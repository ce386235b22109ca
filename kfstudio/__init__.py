"""KeyframeFace Studio: a script-driven facial keyframe editor.

The model layer (``channels``, ``animation``, ``generation``, ``rig``, ``io``, ``script_sync``) has no Qt
dependency and is used from the command line and the tests; ``render`` is the only non-UI package that
imports vispy, and only :mod:`kfstudio.ui` imports Qt. ``docs/architecture.md`` draws the layers.
"""

__version__ = "0.1.0"
