"""The embedded default planner: offline, CPU-only, numpy and the standard library at run time.

``EmbeddedPlanner().plan(description, background=, emotion=, context=, index=, previous=)`` turns one
keyframe description into the 61 channel values with an explanation of which words set which channels.
The tables it reads are :mod:`.lexicon` (words), :mod:`.facs` (FACS action units and emotion prototypes)
and ``data/expansion.json`` (built offline by ``models/build_expansion.py``).
"""

from . import phrases  # noqa: F401  (first: it fingerprints the sources this process is about to import)
from .planner import EmbeddedPlanner, Plan, explain  # noqa: E402

__all__ = ["EmbeddedPlanner", "Plan", "explain"]
