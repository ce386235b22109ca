"""Build the planner's table of lexicon phrases and their lemmas: ``kfstudio/resources/planner/phrases.json``.

Run after changing the planner's sources (``kfstudio/generation/planner/``, ``visemes.py``,
``pronunciations.py``) or the expansion table::

    python3 models/build_phrases.py

The table only saves start-up time (see :mod:`kfstudio.generation.planner.phrases`): a planner whose sources
no longer match it reads every phrase itself, as before, and keeps the result in the user's cache folder.
``tests/test_planner_phrases.py`` says when the shipped table is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kfstudio.generation.planner import EmbeddedPlanner, phrases  # noqa: E402
from kfstudio.generation.planner.text import EXPANSION_FILE  # noqa: E402


def main() -> int:
    table = EmbeddedPlanner(cache=False).lemmatizer_phrases()
    phrases.write_shipped(table, EXPANSION_FILE)
    print(f"{phrases.SHIPPED}: {len(table)} phrases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
