"""Where the shipped weights are (``kfstudio/resources/semantic``, read with importlib.resources)."""

from __future__ import annotations

from pathlib import Path

from kfstudio.resources import resource_path

__all__ = ["default_model_dir"]


def default_model_dir() -> Path:
    """The folder of the shipped ``semantic_head.safetensors`` and ``model_card.json``.

    ``$KFSTUDIO_SEMANTIC_MODEL`` (a folder written by ``kfstudio train``) wins when set.
    """
    import os

    env = os.environ.get("KFSTUDIO_SEMANTIC_MODEL")
    if env:
        return Path(env)
    return resource_path("semantic")
