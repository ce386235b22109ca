"""The Qt editor (PySide6 widgets, vispy viewport, the generation worker thread).

This is the only package that imports Qt or vispy. Start it with :func:`kfstudio.ui.app.run_editor`.
"""
