"""Offscreen rendering of the head (vispy on EGL, OSMesa or Xvfb) and the head visual the viewport
shares: the only package outside :mod:`kfstudio.ui` that imports vispy, always lazily."""
