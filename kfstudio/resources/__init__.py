"""Data the program reads at run time, shipped inside the package.

``examples/`` holds the bundled example scripts, ``head/`` the default head, ``planner/`` the embedded
planner's word-expansion table and the lemmas of its lexicon phrases (start-up time: see
:mod:`kfstudio.generation.planner.phrases`), ``semantic/`` the learned layer's head, ``speech/`` the
pronouncing dictionary. Everything is read through :mod:`importlib.resources`, so an installed
wheel finds the same files as the checkout. Nothing is ever written here at run time: caches live under
the user's cache folder (:func:`cache_dir`).
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

__all__ = ["resource_path", "cache_dir", "EXAMPLES", "EXAMPLE_SCRIPT"]


def resource_path(*parts: str) -> Path:
    """Filesystem path of a bundled resource (``resource_path("head", "default_head.npz")``).

    The package is installed as plain files (a wheel or an editable install), so the traversable that
    :func:`importlib.resources.files` returns is a real path.
    """
    return Path(str(files(__name__).joinpath(*parts)))


def cache_dir() -> Path:
    """The user's cache folder for kfstudio (``$XDG_CACHE_HOME/kfstudio`` or ``~/.cache/kfstudio``),
    for files the program derives at run time; created on first use by the caller."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kfstudio"


#: The bundled example scripts.
EXAMPLES = resource_path("examples")
#: The script the editor opens when no file is given.
EXAMPLE_SCRIPT = EXAMPLES / "interview_anxiety.txt"
