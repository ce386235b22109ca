"""Modules of the default head's builder (``python -m models.build_head``)."""
