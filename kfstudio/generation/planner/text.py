"""Text handling for the planner: tokens, clauses, lemmas, and the offline word-expansion table.

Lemmas come first from the generated table ``kfstudio/resources/planner/expansion.json`` (built offline by
``models/build_expansion.py``: irregular and regular inflections of the vocabulary, and unknown words mapped
to the nearest lexicon word by a sentence encoder), then from suffix rules checked against the known
vocabulary. Nothing here needs more than the standard library.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kfstudio.resources import resource_path

__all__ = ["Token", "ExpansionTableError", "Expansion", "load_expansion", "tokenize", "split_clauses", "Lemmatizer"]

DATA_DIR = resource_path("planner")
EXPANSION_FILE = DATA_DIR / "expansion.json"

_WORD_RE = re.compile(r"[a-z]+(?:'[a-z]+)?|[.,;:!?()]")
#: Words and punctuation that end a clause (modifiers do not reach across them).
CLAUSE_BREAKS = frozenset(
    {".", ",", ";", ":", "!", "?", "(", ")", "while", "whereas", "but", "then", "before", "after", "until", "yet", "though", "although", "meanwhile", "whilst", "as", "so"}
)
#: Words ignored when looking up an unknown word (never expanded).
STOP_WORDS = frozenset(
    """a an the of to in on at by for from with and or her his their its my your our he she they it i you we
    him them this that these those is are be been being was were has have had do does did doing will would
    shall should can could may might must into onto over under there here who whom which what when where
    how than too also just only very own other such some any each few most all both either neither own
    same so s t now ever toward towards around about across through up down out off again once per like
    slowly quickly""".split()
)

#: Determiners and pronouns skipped by phrase matching ("rolls his eyes" matches "roll eye").
FILLER = frozenset("the her his their its my your our him them she he they it i you we own this that these those".split())

_CONTRACTIONS = {"n't": " not", "'s": "", "'re": "", "'ve": "", "'ll": "", "'d": "", "'m": ""}
_IRREGULAR = {
    "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall", "bitten": "bite",
    "drew": "draw", "drawn": "draw", "threw": "throw", "thrown": "throw", "shook": "shake", "shaken": "shake",
    "hung": "hang", "swung": "swing", "sank": "sink", "sunk": "sink", "stuck": "stick", "wept": "weep",
    "held": "hold", "kept": "keep", "grew": "grow", "grown": "grow", "blew": "blow", "blown": "blow",
    "went": "go", "began": "begin", "begun": "begin", "teeth": "teeth", "lit": "light", "froze": "freeze",
    "frozen": "freeze", "spread": "spread", "shut": "shut", "set": "set", "slid": "slide", "stood": "stand",
    "broke": "break", "broken": "break", "gritted": "grit", "came": "come", "got": "get", "gave": "give",
    "saw": "see", "seen": "see", "left": "left", "was": "be", "were": "be", "is": "be", "are": "be",
    "does": "do", "did": "do", "has": "have", "had": "have", "leaves": "leave", "eyes": "eye",
    "wider": "wider", "widest": "wide", "bigger": "bigger", "biggest": "big", "lips": "lip",
    "brows": "brow", "cheeks": "cheek", "corners": "corner", "nostrils": "nostril", "lids": "lid", "eyelids": "eyelid",
}


class ExpansionTableError(ValueError):
    """The generated expansion table is unreadable (names the file and the field)."""


@dataclass(frozen=True)
class Token:
    text: str  # the word as written (lower case)
    lemma: str  # base form, after expansion to a lexicon word when the word was unknown
    position: int
    expanded_from: str = ""  # the original lemma when ``lemma`` came from the expansion table
    similarity: float = 0.0


@dataclass(frozen=True)
class Expansion:
    """The offline-built tables: inflected form -> lemma, and unknown lemma -> (lexicon word, similarity)."""

    lemmas: dict[str, str]
    synonyms: dict[str, tuple[str, float]]
    source: str = ""


def _parse_expansion(obj: object, path: Path) -> Expansion:
    if not isinstance(obj, dict):
        raise ExpansionTableError(f"{path}: top level must be a JSON object")
    lemmas = obj.get("lemmas", {})
    synonyms = obj.get("synonyms", {})
    if not isinstance(lemmas, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in lemmas.items()):
        raise ExpansionTableError(f"{path}: field 'lemmas' must map strings to strings")
    if not isinstance(synonyms, dict):
        raise ExpansionTableError(f"{path}: field 'synonyms' must be an object")
    syn: dict[str, tuple[str, float]] = {}
    for word, entry in synonyms.items():
        if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], str) and isinstance(entry[1], (int, float))):
            raise ExpansionTableError(f"{path}: field 'synonyms.{word}' must be [word, similarity]")
        syn[word] = (entry[0], float(entry[1]))
    return Expansion(dict(lemmas), syn, str(obj.get("source", "")))


@lru_cache(maxsize=4)
def load_expansion(path: Path | None = None) -> Expansion:
    """Read the expansion table; an absent file gives empty tables (rules alone still work)."""
    path = Path(path) if path is not None else EXPANSION_FILE
    if not path.exists():
        return Expansion({}, {}, "")
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ExpansionTableError(f"{path}: line {exc.lineno}: invalid JSON ({exc.msg})") from None
    return _parse_expansion(obj, path)


def tokenize(text: str) -> list[str]:
    """Lower-case words and clause punctuation; contractions are expanded ("doesn't" -> "does not")."""
    s = text.lower().replace("\u2019", "'").replace("-", " ").replace("_", " ")
    for short, long in _CONTRACTIONS.items():
        s = s.replace(short, long)
    s = s.replace("can not", "cannot").replace("cannot", "can not")
    return _WORD_RE.findall(s)


def split_clauses(tokens: list[Token]) -> list[list[Token]]:
    """Split a token list at clause breaks (punctuation and conjunctions such as "while"), dropping fillers."""
    clauses: list[list[Token]] = [[]]
    for tok in tokens:
        if tok.text in CLAUSE_BREAKS:
            if clauses[-1]:
                clauses.append([])
        elif tok.lemma not in FILLER:
            clauses[-1].append(tok)
    return [c for c in clauses if c]


class Lemmatizer:
    """Maps a written word to its base form, preferring forms the lexicon knows."""

    def __init__(self, known: set[str], expansion: Expansion):
        self.known = frozenset(known)
        self.expansion = expansion
        self._cache: dict[str, tuple[str, str, float]] = {}

    def _candidates(self, w: str) -> list[str]:
        out = []
        if w.endswith("ies") and len(w) > 4:
            out.append(w[:-3] + "y")
        if w.endswith("ied") and len(w) > 4:
            out.append(w[:-3] + "y")
        if w.endswith("ily") and len(w) > 4:
            out.append(w[:-3] + "y")
        for suffix in ("ing", "ed", "es", "s", "ly", "er", "est", "en", "d"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 2:
                stem = w[: -len(suffix)]
                out.append(stem)
                if suffix in ("ing", "ed", "er", "est", "en"):
                    out.append(stem + "e")
                    if len(stem) > 2 and stem[-1] == stem[-2]:
                        out.append(stem[:-1])  # grinning -> grin, dropped -> drop
        return out

    def base(self, word: str) -> str:
        """Base form of ``word`` (the table first, then suffix rules that land on a known word)."""
        if word in self.known:
            return word
        if word in _IRREGULAR:
            return _IRREGULAR[word]
        table = self.expansion.lemmas.get(word)
        if table:
            return table
        found = [c for c in self._candidates(word) if c in self.known or c in self.expansion.synonyms]
        return max(found, key=len) if found else word  # the longest known stem: "bites" -> "bite", not "bit"

    def lemma(self, word: str) -> tuple[str, str, float]:
        """(lemma, original lemma if expanded else "", similarity) for one written word."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        base = self.base(word)
        result = (base, "", 0.0)
        if base not in self.known and base not in STOP_WORDS:
            syn = self.expansion.synonyms.get(base) or self.expansion.synonyms.get(word)
            if syn is not None:
                result = (syn[0], base, syn[1])
        self._cache[word] = result
        return result

    def tokens(self, text: str) -> list[Token]:
        out = []
        for i, w in enumerate(tokenize(text)):
            lem, orig, sim = self.lemma(w)
            out.append(Token(w, lem, i, orig, sim))
        return out

    def phrase(self, phrase: str) -> tuple[str, ...]:
        """Lemmas of a lexicon phrase (no expansion: lexicon phrases are made of known words)."""
        return tuple(b for b in (self.base(w) for w in tokenize(phrase)) if b not in FILLER)
