"""The lemmas of the lexicon's phrases, worked out once and kept: the planner's start-up.

Building an :class:`~kfstudio.generation.planner.EmbeddedPlanner` reads each of the lexicon's ~2,300 phrases
through the whole text pipeline (:func:`~.text.tokenize`, then :meth:`~.text.Lemmatizer.base`), so that a phrase
matches the words of a description exactly as they will be read. That is most of the planner's start-up (about a
second on a two-core machine). What it gives depends only on the planner's source files and the expansion table,
so it is kept in a JSON table under a fingerprint of those:

1. the copy shipped in the package (``resources/planner/phrases.json``), which a new install starts with;
2. otherwise the user's cache folder (``$XDG_CACHE_HOME/kfstudio/planner/``), written on the first start after the
   sources changed (a checkout being edited, an expansion table of one's own).

A table whose fingerprint differs is never read, so a stale one costs only the time it was meant to save. Rebuild
the shipped copy after changing the planner with ``python3 models/build_phrases.py`` (a test says when it is
stale).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

from kfstudio.resources import cache_dir, resource_path

__all__ = ["fingerprint", "load", "save", "write_shipped", "SHIPPED"]

#: The table shipped in the package.
SHIPPED = resource_path("planner", "phrases.json")
_VERSION = 1
_HERE = Path(__file__).resolve().parent
#: The modules a phrase's reading depends on: the planner package and what its text pipeline imports.
_SOURCES = (*sorted(_HERE.glob("*.py")), _HERE.parent / "visemes.py", _HERE.parent / "pronunciations.py")


def _sources_digest() -> str:
    h = hashlib.sha256(f"phrases {_VERSION} {sys.version_info[0]}.{sys.version_info[1]}".encode())
    try:
        for path in _SOURCES:
            h.update(path.name.encode())
            h.update(path.read_bytes().replace(b"\r\n", b"\n"))
    except OSError:
        return ""
    return h.hexdigest()


#: The sources' digest, taken when the planner package is imported (this module is imported first: see
#: ``__init__.py``), so that it describes the code this process runs even if the files are edited while it runs (a
#: table worked out by the old code must not be kept under the new code's name)
_SOURCES_DIGEST = _sources_digest()


def fingerprint(expansion_path: str | os.PathLike | None) -> str:
    """A digest of the planner's sources as this process imported them, the expansion table (``expansion_path``;
    None: none) and the Python version (its regular expressions are part of the pipeline); "" where a source could
    not be read (an install without its ``.py`` files): no table is then read or kept."""
    if not _SOURCES_DIGEST:
        return ""
    h = hashlib.sha256(_SOURCES_DIGEST.encode())
    try:
        if expansion_path is not None and Path(expansion_path).is_file():
            h.update(b"expansion")
            h.update(Path(expansion_path).read_bytes())
    except OSError:
        return ""
    return h.hexdigest()


def _user_path(digest: str) -> Path:
    return cache_dir() / "planner" / f"phrases-{digest[:16]}.json"


def _read(path: Path, digest: str) -> dict[str, tuple[str, ...]] | None:
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
        if obj.get("fingerprint") != digest:
            return None
        return {str(k): tuple(str(w) for w in v) for k, v in obj["phrases"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # absent, unreadable or of another shape: worked out again


def load(digest: str) -> dict[str, tuple[str, ...]] | None:
    """The kept table for ``digest``: the shipped one, else the user's cache; None when neither matches."""
    if not digest:
        return None
    return _read(SHIPPED, digest) or _read(_user_path(digest), digest)


def _dump(path: Path, digest: str, table: dict[str, tuple[str, ...]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"fingerprint": digest, "phrases": {k: list(v) for k, v in sorted(table.items())}},
                      ensure_ascii=False, separators=(",", ":"))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text + "\n")
        os.chmod(tmp, 0o644)  # (mkstemp makes it private; the table is no secret, and the shipped one is read by all)
        os.replace(tmp, path)  # whole or not at all: another process may be reading it
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save(digest: str, table: dict[str, tuple[str, ...]], keep: int = 8) -> None:
    """Keep ``table`` in the user's cache folder (quietly not, where that folder cannot be written), with at most
    ``keep`` tables there (the oldest go: each edit of the planner's sources makes another)."""
    if not digest:
        return
    path = _user_path(digest)
    try:
        _dump(path, digest, table)
        for old in sorted(path.parent.glob("phrases-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def write_shipped(table: dict[str, tuple[str, ...]], expansion_path: str | os.PathLike) -> None:
    """Write the package's own table (``models/build_phrases.py``)."""
    _dump(SHIPPED, fingerprint(expansion_path), table)
