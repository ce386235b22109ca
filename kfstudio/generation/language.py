"""Does a description look like English? The embedded backend (planner and learned layer) reads English
only; a description in another language gets a proposal that is a guess, and the user is told so.

The test is deliberately cautious (a typo, an emoji, shorthand or a name must never trigger it): a
description is *not English* when most of its letters are outside the Latin script (Chinese, Cyrillic,
Arabic ...); when it has at least two function words of another language written in the Latin script
(Spanish, French, German, Italian, Portuguese, Dutch: "con", "avec", "und" ...) and more of those than
English ones; or when it has one such word and most of its words are neither English words (the CMU
Pronouncing Dictionary's headwords, shipped with the project) nor one typing slip away from one.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["looks_english", "language_notice"]

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@functools.lru_cache(maxsize=1)
def _english() -> frozenset[str] | None:
    from .pronunciations import english_words

    return english_words()


def _near(word: str, english: frozenset[str]) -> bool:
    """``word`` is English or one deletion, transposition, substitution or insertion from a word of 4+ letters."""
    if word in english:
        return True
    if len(word) < 4 or not word.isascii():
        return False
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    for a, b in splits:
        if b and a + b[1:] in english:
            return True
        if len(b) > 1 and a + b[1] + b[0] + b[2:] in english:
            return True
        for c in _LETTERS:
            if (b and a + c + b[1:] in english) or a + c + b in english:
                return True
    return False


#: Function words of other languages written in the Latin script (Spanish, French, German, Italian,
#: Portuguese, Dutch), leaving out those that are also common English words ("a", "in", "die", "son").
_FOREIGN = frozenset("""
el él ella ellos la los las una unos unas con del que y en se su sus por para es está están muy pero sin mira ojos boca cara
le les une des et est avec du sur dans il elle ils elles ses sa leurs mais sans très yeux bouche visage regarde
der das und ist mit sie er ein eine einen nicht sich den dem zu auf aus aber sehr ohne augen mund gesicht
il lo gli un di che è sul nella nel della gli ma senza molto occhi bocca viso guarda
os um uma com em seu sua mas sem muito olhos rosto olha
het een en met ze hij zij niet maar zonder heel ogen mond gezicht kijkt
""".split())
#: Common English function words (the other side of the vote).
_ENGLISH = frozenset("""
the a an and or but with without of to in on at by for from her his their its my your our he she they it i you we
is are was were be been being has have had do does did not no very so just then as while into onto over under up down
this that these those who whom which what when where why how
""".split())


def looks_english(text: str) -> bool:
    """False when ``text`` is most likely written in another language (see the module docstring)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) <= 3:  # too little to tell; kaomoji borrow letters from other scripts: ಠ_ಠ, ¯\_(ツ)_/¯
        return True
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    if latin < 0.5 * len(letters):
        return False
    words = [w.lower() for w in _WORD.findall(text)]
    words = [w.split("'", 1)[0] for w in words]
    foreign = len({w for w in words if w in _FOREIGN})  # distinct: "la la la" is a song, not French
    english_votes = sum(1 for w in words if w in _ENGLISH)
    if foreign >= 2 and foreign > english_votes:
        return False
    if len(words) < 3 or not foreign:
        return True
    english = _english()  # (loaded only here: reading the dictionary costs a cold start a tenth of a second)
    if english is None:
        return True
    unknown = sum(1 for w in words if not _near(w, english))
    return unknown < 0.5 * len(words)


def language_notice(text: str) -> str | None:
    """A one-line notice for a description that does not look like English, else None."""
    if looks_english(text):
        return None
    return ("this description does not look like English: the embedded backend reads English only, so this "
            "proposal is a guess (the transformers and openai backends read other languages)")
