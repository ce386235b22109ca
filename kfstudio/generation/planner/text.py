"""Text handling for the planner: tokens, clauses, lemmas, and the offline word-expansion table.

Lemmas come first from the generated table ``kfstudio/resources/planner/expansion.json`` (built offline by
``models/build_expansion.py``: irregular and regular inflections of the vocabulary, and unknown words mapped
to the nearest lexicon word by a sentence encoder), then from suffix rules checked against the known
vocabulary. Nothing here needs more than the standard library.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kfstudio.generation.pronunciations import english_words
from kfstudio.generation.visemes import OTHERS_REACT_RE, quoted_spans
from kfstudio.resources import resource_path

from .facs import AU_TABLE, EMOTION_WORDS

__all__ = [
    "Token", "ExpansionTableError", "Expansion", "load_expansion", "normalize", "tokenize", "split_clauses",
    "split_change_beats", "Lemmatizer", "FACE_MASK_PATTERN",
]

DATA_DIR = resource_path("planner")
EXPANSION_FILE = DATA_DIR / "expansion.json"

_WORD_RE = re.compile(r"[a-z]+(?:'[a-z]+)?|[.,;:!?()]")
#: Words and punctuation that end a clause (modifiers do not reach across them).
CLAUSE_BREAKS = frozenset(
    {".", ",", ";", ":", "!", "?", "(", ")", "while", "whereas", "but", "then", "before", "after", "until", "yet", "though", "although", "meanwhile", "whilst", "as", "so", "except",
     # "brows up because she not believe": a reason clause's negation is not the movement's
     "because"}
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
    "shot": "shoot", "broke": "break", "broken": "break", "gritted": "grit", "came": "come", "got": "get", "gave": "give",
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


_DASH_BREAK_RE = re.compile(r"\s+-{1,3}\s+|\s*[\u2014\u2013]\s*|\s*-{2,3}\s*")


#: "his eyes are wet", "her eyes were glistening": a part's "is" before its state ("are not" and a feeling stay: "her eyes
#: are murderous" is the feeling's, not a state of the eyes)
_PART_IS_RE = re.compile(r"\b(eyes|eye|lips|lip|brows|brow|eyebrows|eyebrow|cheeks|lids|eyelids|mouth|jaw|nostrils)\s+"
                         r"(?:is|are|was|were)\s+(?!not\b|never\b|no\b)(?=([a-z]+))", re.I)


def _part_states(s: str) -> str:
    """``s`` with a part's "is" dropped before the part's state, so that "his eyes are wet" reads as "eyes wet" (only
    for reading: the words a user sees, such as the beats a line is split into, keep it)."""
    return _PART_IS_RE.sub(lambda m: m.group(0) if _feeling(m.group(2)) else f"{m.group(1)} ", s)


def tokenize(text: str, run_on: bool = False) -> list[str]:
    """Lower-case words and clause punctuation; contractions are expanded ("doesn't" -> "does not").

    The text is normalised first (:func:`normalize`: emoji, emoticons, shorthand, screenplay layout). With
    ``run_on`` (a description, not a lexicon phrase), a line typed without punctuation gets clause breaks where
    its clauses start (:func:`_run_on_breaks`).
    """
    # a spaced dash or an em/en dash separates clauses ("kid pout -- chin bunched"); a hyphen joins a word
    s = _DASH_BREAK_RE.sub(" , ", _part_states(normalize(text))).replace("-", " ").replace("_", " ")
    # a '+' lists the items of a note ("squint + lips rolled in"): a clause break, unless it joins two parts that
    # share what follows ("eyes + head up")
    s = _PLUS_RE.sub(_plus, s)
    for short, long in _CONTRACTIONS.items():
        s = s.replace(short, long)
    s = s.replace("can not", "cannot").replace("cannot", "can not")
    words = _WORD_RE.findall(s)
    return _run_on_breaks(words) if run_on and not _PUNCTUATED_RE.search(text) else words


#: Clause punctuation a writer types; a line without any is read for where its clauses start (:func:`_run_on_breaks`)
_PUNCTUATED_RE = re.compile(r"[,;.:!?()\[\]\u2014\u2013\u2026]|\s-+\s|\s\+\s")
_RUN_ON_PARTS = frozenset(
    "brow brows eyebrow eyebrows eye eyes lid lids eyelid eyelids lashes head face jaw lip lips mouth nose nostril nostrils"
    " chin cheek cheeks forehead teeth tongue gaze corners shoulders".split())
#: Words after which a part noun still belongs to the clause before ("the eyes", "her upper lip", "bottom lip out",
#: "with eyes wide")
_RUN_ON_JOINED = STOP_WORDS | frozenset(
    "upper lower top bottom front inner outer left right both two one each whole half raised lowered and or but with"
    " without of".split())
#: What a part noun starting its own clause is followed by: how it is ("lids heavy", "brows tipped up", "chin not moving")
_RUN_ON_STATES = frozenset(
    "up down wide open shut closed heavy low high level tight half narrow slack soft flat still together apart forward back"
    " not out in raised lowered pressed pinched drawn pulled squeezed crinkled crinkle droopy big small thin huge".split())


#: Words that describe the part after them ("wide eyes", "a firm mouth") unless they follow a part ("lids heavy")
_RUN_ON_ADJECTIVES = frozenset("wide heavy big small huge round firm flat sad tense soft thin narrow low high tight droopy"
                               " hard cold dead bright sharp pale".split())


def _describes_next(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` describes the part noun after it: an adjective or participle that does not itself follow a
    part ("a knotted brow", "wide eyes" against "lids heavy", "lips pressed")."""
    w = words[k]
    return (w in _RUN_ON_ADJECTIVES or w.endswith("ed")) and (k == 0 or words[k - 1] not in _RUN_ON_PARTS)


def _run_on_breaks(words: list[str]) -> list[str]:
    """A line typed without punctuation ("wide toothy grin eyes crinkled right up", "mouth wide open gulping air lids
    heavy brows tipped up") gets a clause break before each part noun that starts a clause of its own: one that follows
    a word no part noun hangs on and is followed by how it is. Words such as "with", "her" or "upper" before the part
    keep it in the clause before ("bites her lip", "with eyes wide")."""
    out: list[str] = []
    for i, w in enumerate(words):
        if 3 < i < len(words) - 1 and w in _RUN_ON_PARTS and words[i - 3 : i] == ["not", "at", "all"]:
            out.append(",")  # "not uncaring not at all brows tented": the denial of the word before ends before the part
            # ("not at all mouth open", with nothing before it, denies the mouth)
        elif (0 < i < len(words) - 1 and w in _RUN_ON_PARTS and words[i - 1] not in _RUN_ON_JOINED
                and words[i - 1] not in _RUN_ON_PARTS and not words[i - 1].endswith("ing")  # "smiling eyes"
                and not _describes_next(words, i - 1)
                and (words[i + 1] in _RUN_ON_STATES or words[i + 1].endswith(("ed", "ing")))):
            out.append(",")
        out.append(w)
    return out


_NEGATORS_BEFORE_AS_MUCH = frozenset({"not", "never", "without", "no", "nor"})
_PLUS_PART = r"(?:head|eyes|eye|brows|brow|eyebrows|lids|lips|mouth|jaw|chin|cheeks|nose|gaze|face)"
_PLUS_RE = re.compile(r"(\w*)\s*\+\s*(?=(\w*))")  # the right item is looked at, not taken: "tilt + squint + mouth" has two
_PLUS_PART_RE = re.compile(_PLUS_PART)


def _plus(m: re.Match) -> str:
    left, right = m.group(1), m.group(2)
    if left.startswith("au") or right.startswith("au") or left.isdigit() or right.isdigit() or not left or not right:
        return m.group(0)  # FACS codes ("aub+auc", "6+12"), a "+" after a number ("90%+"): as written
    joiner = " and " if _PLUS_PART_RE.fullmatch(left) and _PLUS_PART_RE.fullmatch(right) else " , "
    return f"{left}{joiner}"


def _so_much_as(tokens: list[Token], k: int) -> bool:
    """'so much as' (or 'as much as' right after a negator) at ``k``: the emphasis of a negation ("not so
    much as a glance", "without as much as a blink"), not a clause break and a size ("as much as she can")."""
    if k + 2 >= len(tokens) or tokens[k + 1].text != "much" or tokens[k + 2].text != "as":
        return False
    if tokens[k].text == "so":
        return True
    return tokens[k].text == "as" and k > 0 and tokens[k - 1].text in _NEGATORS_BEFORE_AS_MUCH


def split_clauses(tokens: list[Token]) -> list[list[Token]]:
    """Split a token list at clause breaks (punctuation and conjunctions such as "while"), dropping fillers."""
    clauses: list[list[Token]] = [[]]
    skip = 0
    for k, tok in enumerate(tokens):
        if skip:
            skip -= 1
            continue
        if _so_much_as(tokens, k):
            # "never so much as glanced down", "without so much as a blink": an emphasis of the negation, which
            # still reaches the movement after it (no clause break, no size word)
            skip = 2
            continue
        if tok.text == "as" and k + 2 < len(tokens) and tokens[k + 2].text == "as":
            continue  # "eyes as smooth as glass": the first 'as' of a comparison opens no clause (the second does)
        if (tok.text == "so" and k and tokens[k - 1].text in ("not", "never") and k + 1 < len(tokens)
                and tokens[k + 1].text not in CLAUSE_BREAKS and tokens[k + 1].lemma not in FILLER and tokens[k + 1].text not in ("that", "much")):
            continue  # "he's not so happy", "she isn't so pleased": a degree under the negation, which reaches the feeling
        if tok.text == "because" and k and tokens[k - 1].text in ("not", "only", "just", "simply", "partly", "mainly"):
            continue  # "not because he was startled": the negation is of the reason, which stays with it
        if tok.text in CLAUSE_BREAKS:
            if clauses[-1]:
                clauses.append([])
        elif tok.lemma not in FILLER:
            clauses[-1].append(tok)
    return [c for c in clauses if c]


_TYPO_SIMILARITY = 0.8  # reported for a corrected spelling ("read as ...")
#: "his moth falls open", "moth half open", "side of moth pulling down": the mouth mistyped as an English word, which the
#: corrector leaves alone. A moth after a possessive is the mouth; one at a clause's start or after "of", followed by how a
#: mouth is, is too. Not the insect ("like a moth to a flame", "the moth opens its wings", "a tiny moth lands"), nor a name
#: ("Moth smiles at Puck")
_MOTH_RE = re.compile(
    r"\b(?:his|her|their|my|your)\s+(moth)\b(?![\s-]*(?:wings?|flutter\w*|fl(?:y|ies|ew|ying)|land\w*|eaten|balls?|holes?|collection))"
    r"|(?:^|[,;:.!?(\u2014\u2013-]\s*|\b(?:of|and|but|with|then)\s+)(moth)\s+(?=(?:\w+ly\s+|half\s+|a\s+bit\s+|just\s+|still\s+)?"
    r"(?:open\w*|agape|wide|shut|closed|pressed|presses|set|droop\w*|hang\w*|pull\w*|twist\w*|tight\w*|purs\w*|curl\w*"
    r"|corners?|falls?|fell|drop\w*|going|hitched|slack\w*|flat|turned|stretch\w*|is|was|round\w*|clamp\w*|full)\b)", re.I)
_SPELL_WORD_RE = re.compile(r"(?<![\w'])[A-Za-z]{4,}(?![\w'])")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _LETTERS]
    inserts = [a + c + b for a, b in splits for c in _LETTERS]
    return set(deletes + transposes + replaces + inserts)


def _edits1_added(word: str) -> set[str]:
    """The strings one insertion or transposition away (no typed letter dropped)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    return set(transposes + [a + c + b for a, b in splits for c in _LETTERS])


def _edits1_kept(word: str) -> set[str]:
    """The strings one insertion, deletion or transposition away (every letter typed is kept or moved):
    the commonest typos, against a changed letter."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    inserts = [a + c + b for a, b in splits for c in _LETTERS]
    return set(deletes + transposes + inserts)


def _transposed(word: str) -> set[str]:
    """The strings with two neighbouring letters swapped back ("tierd" -> "tired")."""
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}


def _double_restored(word: str) -> set[str]:
    """The strings that put back one letter of a doubled pair ("peled" -> "peeled")."""
    return {word[: i + 1] + word[i] + word[i + 1 :] for i in range(len(word))}


#: words ending in "in" that are no dropped g ("within" is not "withing", "raisin" not "raising")
_WORDS_IN_IN = frozenset({"within", "raisin", "raisins", "bulletin", "basin", "cabin", "robin", "margin", "origin", "cousin", "muffin",
                          "coffin", "aspirin", "satin", "chagrin", "violin", "napkin", "pumpkin", "puffin", "penguin"})
#: English words the CMU dictionary lacks that are one edit from a lexicon word ("curdled" is not "curled")
_ALSO_ENGLISH = frozenset({"curdle", "curdles", "curdled", "curdling"})

#: Words the rules read as written that are no lexicon words: a misspelling of one is put right too ("exccept him",
#: "unitl it passes", "whhile the left one", "the firts AD", not "flirts"), so that a scope, a contrast or a time is not
#: lost to a slip; where a lexicon word is as close, it is the likelier ("whle face": "whole")
_RULE_WORDS = frozenset(
    "except though although until nearly because after anything something nobody either while whilst first last about"
    " above below towards another every those these where which when then onto most least already always finally slowly"
    " quickly anymore".split())


def _english_words() -> frozenset[str] | None:
    """English word list (the CMU Pronouncing Dictionary's headwords) or None without it."""
    return english_words()


#: Nouns that look like a doubled-consonant comparative or agent noun of a known word but are words of their
#: own ("she puts the letter down" is no "let down", "the shutter clicks" no eyes shutting)
_NOT_INFLECTED = frozenset({
    "letter", "letters", "shutter", "shutters", "butter", "matter", "matters", "latter", "litter", "hitter", "cutter",
    "setter", "sitter", "putter", "batter", "chatter", "patter", "clatter", "shatter", "scatter", "gutter", "slipper",
    "slippers", "zipper", "dinner", "winner", "runner", "hammer", "summer", "supper", "manner", "banner", "spanner",
    "copper", "pepper", "kitten", "mitten", "button", "cotton", "glutton",
    # ... and words that look like the comparative of another ("sober" is no more sobbing, "number" no more numb)
    "sober", "number", "numbers",
    # ... and nouns of people and things made from a lexicon verb, whose verb they are not ("weighing the offer" is no
    # turning away, "the archer" no arched brow, "a shower" no show, "bother" no "both"); the FACS names keep theirs
    # ("brow raiser", "lip stretcher", "lip sucker", "dimpler": the action unit's movement)
    "offer", "offers", "keeper", "keepers", "streamer", "streamers", "shower", "showers", "caller", "callers", "jumper",
    "jumpers", "drawer", "drawers", "master", "masters", "bother", "builder", "builders", "locker", "lockers", "archer",
    "archers", "starter", "starters", "walker", "walkers", "killer", "killers", "spoiler", "spoilers", "inhaler", "beer",
    "challenger", "dryer", "freezer", "chewer", "eater", "eaters", "sticker", "stickers", "roller", "rollers", "charter",
    "finder", "hawker", "shaker", "shakers", "sneezer", "dipper", "cleaner", "cleaners", "sparkler", "sparklers",
    "dropper", "sniffer", "climber", "climbers", "chipper", "twitcher", "twister", "lifer", "ticker",
    "clicker", "handler", "breaker", "angler", "pager", "banker", "fighter", "fighters", "sweater", "loser", "losers",
    # ... and words whose stem is a negation ("her notes" are no "not", "noted" no "not")
    "note", "notes", "noted", "noting",
})


#: particles whose "-er" form is a word of its own ("inner", "upper", "outer", "lower"): a mistyped "iner" or "lowwer" is
#: that word (found by :meth:`Lemmatizer.correct`), not a comparative of "in" or "low"
_NO_COMPARATIVE = frozenset({"in", "up", "out", "low"})


def _is_plural(word: str, noun: str) -> bool:
    """``word`` is the plural of ``noun`` ("cakes", "boxes"; not "listes")."""
    return word == noun + "s" or word == noun + "es" and noun.endswith(("s", "x", "z", "ch", "sh", "o"))


class Lemmatizer:
    """Maps a written word to its base form, preferring forms the lexicon knows."""

    def __init__(self, known: set[str], expansion: Expansion, states: Iterable[str] = frozenset(),
                 things: Iterable[str] = frozenset()):
        self.known = frozenset(known)
        self.expansion = expansion
        self.states = frozenset(states)  # words a state noun may be read as ("weariness" -> "weary")
        # nouns of things, reached only from their plural and never by a typo ("reporter" is no report, "bord" no board)
        self.things = frozenset(things)
        self._cache: dict[str, tuple[str, str, float]] = {}
        self._surfaces: dict[str, str] = {}  # misspelling -> the written word meant (:meth:`_surface`)
        self._phrases: dict[str, tuple[str, ...]] = {}  # phrase() results (see :mod:`.phrases`)

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
                if suffix == "er" and (stem in _NO_COMPARATIVE or stem[:-1] in _NO_COMPARATIVE and stem[-1] == stem[-2]):
                    continue  # "iner", "uper", "outter", "lowwer": "inner", "upper", "outer", "lower" mistyped, not "in", "up"
                out.append(stem)
                if suffix in ("ing", "ed", "er", "est", "en"):
                    out.append(stem + "e")
                    if len(stem) > 2 and stem[-1] == stem[-2]:
                        out.append(stem[:-1])  # grinning -> grin, dropped -> drop
        return out

    def _state_candidates(self, w: str) -> list[str]:
        """Nouns of states read as their adjective: weariness -> weary, bitterness -> bitter,
        contentment -> content, desperation -> desperate, incredulity -> incredulous."""
        out = []
        for suffix, repl in (("iness", "y"), ("ness", ""), ("ment", ""), ("ation", "ate"), ("ation", "ated"), ("ation", "e"),
                             ("ition", "e"), ("ulity", "ulous"), ("osity", "ous"), ("ity", "ous"), ("ion", "ed"), ("ism", "")):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                out.append(w[: -len(suffix)] + repl)
        return out

    def base(self, word: str) -> str:
        """Base form of ``word`` (the table first, then suffix rules that land on a known word)."""
        if word in self.known or word in _NOT_INFLECTED:
            return word
        if word in _IRREGULAR:
            return _IRREGULAR[word]
        table = self.expansion.lemmas.get(word)
        if table and (table not in self.things or _is_plural(word, table)):
            return table
        found = [c for c in self._candidates(word) if (c in self.known or c in self.expansion.synonyms)
                 and (c not in self.things or _is_plural(word, c))]
        if not found and self.states:
            found = [c for c in self._state_candidates(word) if c in self.states]
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
            else:
                fixed = self.correct(word)
                if fixed:
                    result = (self.base(fixed), word, _TYPO_SIMILARITY)
        if len(self._cache) < 50_000:
            self._cache[word] = result
        return result

    def correct(self, word: str) -> str:
        """A lexicon word one edit away from a misspelt ``word`` ("smiel" -> "smile"), or "".

        Only words that are not English words themselves are corrected (the CMU dictionary's word
        list, shipped in the package; without it only words of six letters or more),
        and only when exactly one lexicon word is that close (or, of several, exactly one is reached
        without changing a typed letter: "lauh" is "laugh", not "lash"). Dropped final g's come back first
        ("lookin" -> "looking").
        """
        if len(word) < 4 or not word.isalpha() or word in STOP_WORDS:
            return ""
        if re.fullmatch(r"au[a-j]{1,2}", word):  # a FACS code spelled as letters ("AU45" -> "auef") is never another code
            return ""
        if word.endswith("in") and word not in _WORDS_IN_IN and self.base(word + "g") in self.known:
            return word + "g"
        english = _english_words()
        if word in _ALSO_ENGLISH:
            return ""
        if english is None:
            if len(word) < 6:
                return ""
        elif word in english or self.base(word) in english:
            return ""
        hits = set()
        for w in _edits1(word):
            b = self.base(w)
            if w in self.things or b in self.things:
                # a thing's name is never what a typo meant, and a typo as close to one is too unsure to correct at all
                # ("lfowers" is no "lower", "scren" no "screw")
                hits.add(w if w in self.things else b)
                continue
            if w in self.known or w in _RULE_WORDS:
                hits.add(w)
            elif w.endswith(("ing", "ed", "s", "ly", "er")) and b != w and b in self.known and self._is_word(w, b, english):
                hits.add(b)
        hits = {h for h in hits if len(h) >= 4}
        if len(hits) > 1:  # "lauh": "laugh" needs the dropped letter back, "lash" a changed one; the first is likelier
            kept = _edits1_kept(word)
            hits = {h for h in hits if any(self._reaches(word, w, h) for w in kept)}
        if len(hits) > 1:  # "peled": "peeled" (one of a double letter dropped, the commonest slip) before "pled"
            doubled = {h for h in hits if any(self._reaches(word, w, h) for w in _double_restored(word))}
            hits = doubled if len(doubled) == 1 else hits
        if len(hits) > 1:  # "tierd": "tired" (two letters swapped) before "tied" (a letter typed too many)
            swapped = {h for h in hits if any(self._reaches(word, w, h) for w in _transposed(word))}
            hits = swapped if len(swapped) == 1 else hits
        if len(hits) > 1:  # "whle": the lexicon's "whole" before the rules' "while" (a rule word only wins on its own merits)
            lexical = {h for h in hits if h not in _RULE_WORDS}
            hits = lexical if len(lexical) == 1 else hits
        if len(hits) != 1:
            return ""
        hit = next(iter(hits))
        if hit in self.things:
            return ""
        if not any(self._reaches(word, w, hit) for w in _edits1(word) if w != word[1:]):
            return ""  # only by dropping the first letter ("kaching" -> "aching"): a sound or a name, not a slip
        if word.endswith("i") and self._reaches(word, word[:-1] + "y", hit):
            return hit  # "angri", "sorri": a final y typed as it sounds, a commoner slip than any rarer word nearby
        if english is not None and not any(self._reaches(word, w, hit) for w in _edits1_kept(word)):
            # the lexicon word needs a letter changed; an English word that only needs a letter added,
            # dropped or swapped back is the likelier intent ("anwers" is "answers", not "angers")
            if any(w in english and self.base(w) not in self.known for w in _edits1_kept(word)):
                return ""
        undoubled = {word[:i] + word[i + 1:] for i in range(1, len(word)) if word[i] == word[i - 1]}  # "smiile", "brrows"
        if english is not None and not any(self._reaches(word, w, hit) for w in _edits1_added(word) | undoubled):
            # the lexicon word needs a typed letter dropped (not one of a doubled pair: "smiile"); an English word
            # that needs a letter put back or two swapped is the likelier intent: a letter left out is a commoner
            # slip than one typed in ("waches" is "watches", not "aches")
            if any(w in english and self.base(w) not in self.known for w in _edits1_added(word)):
                return ""
        return hit

    def spelling_fixed(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """``text`` with each misspelt word that :meth:`correct` reads with confidence written as the word meant
        ("smiel with teh eyes" -> "smile with the eyes", "he's lughing" -> "he's laughing"), so that every rule
        reads it as written correctly, and the (typed, meant) pairs. Quoted speech is left as typed ("'mmm'")."""
        quoted = quoted_spans(text)  # quoted speech, whose sounds are not misspellings ('mmm', "pfff")
        fixes: list[tuple[str, str]] = []

        def fix(m: re.Match) -> str:
            typed = m.group(0)
            word = typed.lower()
            if (any(a <= m.start() < b for a, b in quoted) or word in SHORTHAND or self.lemma(word)[2] != _TYPO_SIMILARITY
                    or (not typed.isupper() and any(c.isupper() for c in typed[1:]))):  # a rig name: "jawL", "mouthL"
                return typed
            meant = self._surface(word)
            if not meant:
                return typed
            fixes.append((typed, meant))
            return meant.upper() if typed.isupper() and len(typed) > 1 else meant.capitalize() if typed[0].isupper() else meant

        def mouth(m: re.Match) -> str:
            k = 1 if m.group(1) else 2
            typed = m.group(k)
            if any(a <= m.start(k) < b for a, b in quoted) or typed[0].isupper() and not typed.isupper() and m.start(k) > 0:
                return m.group(0)  # (a name: "asks Moth")
            fixes.append((typed, "mouth"))
            meant = "MOUTH" if typed.isupper() else "Mouth" if typed[0].isupper() else "mouth"
            return m.group(0)[: m.start(k) - m.start()] + meant + m.group(0)[m.end(k) - m.start():]

        return _MOTH_RE.sub(mouth, _SPELL_WORD_RE.sub(fix, text)), fixes

    def _surface(self, word: str) -> str:
        """The written word a misspelling stands for (an inflection kept: "lughing" -> "laughing"), or ""."""
        known = self._surfaces.get(word)
        if known is None:
            known = self._surface_of(word)
            if len(self._surfaces) < 50_000:
                self._surfaces[word] = known
        return known

    def _surface_of(self, word: str) -> str:
        hit = self.correct(word)
        if not hit:
            return ""
        if hit.startswith(word):  # a dropped final g put back ("lookin" -> "looking")
            return hit
        english = _english_words()
        candidates = [w for w in _edits1(word) if w == hit or (self.base(w) == hit and self._is_word(w, hit, english))]
        # every typed letter kept (a swap or a letter left out: "cornesr" -> "corners") before one dropped
        return min(candidates, key=lambda w: (len(w) < len(word), w != hit, w)) if candidates else ""

    def _is_word(self, w: str, base: str, english: frozenset[str] | None) -> bool:
        """Whether ``w``, an inflection of ``base``, is a written word: an English headword, or an inflection the lemma
        table lists ("squints", "winces" are no CMU headwords); any, without the word list."""
        return english is None or w in english or self.expansion.lemmas.get(w) == base

    def _reaches(self, word: str, w: str, hit: str) -> bool:
        return w == hit or (w.endswith(("ing", "ed", "s", "ly", "er")) and self.base(w) == hit)

    def tokens(self, text: str) -> list[Token]:
        out = []
        for i, w in enumerate(tokenize(text, run_on=True)):
            lem, orig, sim = self.lemma(w)
            out.append(Token(w, lem, i, orig, sim))
        return out

    def phrase(self, phrase: str) -> tuple[str, ...]:
        """Lemmas of a lexicon phrase (no expansion: lexicon phrases are made of known words)."""
        hit = self._phrases.get(phrase)
        if hit is None:
            hit = tuple(b for b in (self.base(w) for w in tokenize(phrase)) if b not in FILLER)
            if len(self._phrases) < 50_000:  # (a long session's own words are few; the bound is a guard)
                self._phrases[phrase] = hit
        return hit

    def known_phrases(self) -> dict[str, tuple[str, ...]]:
        """The phrases read so far with their lemmas (a copy)."""
        return dict(self._phrases)

    def preload(self, table: dict[str, tuple[str, ...]]) -> None:
        """Take the lemmas of phrases worked out before (:mod:`.phrases`) instead of reading them again."""
        self._phrases.update(table)


# --------------------------------------------------------------------------- normalisation
#
# How people type: emoji and emoticons stand for expressions, internet shorthand for reactions, screen
# directions for sides. Each is rewritten into words the lexicon reads, before tokenising.

#: Emoji -> the expression words an animator would write for it (our own reading of each face).
EMOJI: dict[str, str] = {
    "\U0001F600": "big grin", "\U0001F603": "big open smile", "\U0001F604": "grin with smiling eyes",
    "\U0001F601": "beaming grin", "\U0001F606": "laughing with eyes squeezed shut", "\U0001F605": "smile , nervous",
    "\U0001F602": "laughing hard, eyes squeezed", "\U0001F923": "laughing hard, eyes squeezed", "\U0001F642": "slight smile",
    "\U0001F643": "wry smile", "\U0001F609": "wink", "\U0001F60A": "warm smile", "\U0001F607": "gentle smile",
    "\U0001F970": "loving smile", "\U0001F60D": "loving smile", "\U0001F929": "excited grin", "\U0001F618": "kiss",
    "\U0001F617": "pucker", "\U0001F619": "pucker", "\U0001F61A": "kiss with eyes closed", "\U0001F60B": "lick lips",
    "\U0001F61B": "tongue out", "\U0001F61C": "wink with tongue out", "\U0001F61D": "tongue out with eyes squeezed shut",
    "\U0001F911": "big grin", "\U0001F917": "warm smile", "\U0001F92D": "giggle", "\U0001F92B": "shush",
    "\U0001F914": "puzzled", "\U0001F910": "lips pressed , lips rolled in", "\U0001F928": "raise one eyebrow", "\U0001F610": "lips lightly pressed",
    "\U0001F611": "blank", "\U0001F636": "expressionless", "\U0001F60F": "smirk", "\U0001F612": "unimpressed",
    "\U0001F644": "roll eyes", "\U0001F62C": "grimace", "\U0001F925": "smirk", "\U0001F60C": "relieved",
    "\U0001F614": "dejected looking down", "\U0001F62A": "sleepy", "\U0001F924": "mouth open drooling",
    "\U0001F634": "eyes closed asleep", "\U0001F637": "neutral", "\U0001F912": "sick tired", "\U0001F922": "disgusted",
    "\U0001F92E": "retching disgust", "\U0001F927": "sneeze", "\U0001F975": "hot tired mouth open", "\U0001F976": "cold grimace",
    "\U0001F974": "woozy", "\U0001F635": "dazed", "\U0001F92F": "shocked", "\U0001F926": "facepalm", "\U0001F920": "big grin", "\U0001F973": "excited grin",
    "\U0001F60E": "confident smile", "\U0001F913": "grin", "\U0001F9D0": "squint", "\U0001F615": "confused",
    "\U0001F61F": "worried", "\U0001F641": "frown", "\u2639": "frown", "\U0001F62E": "mouth open surprised",
    "\U0001F62F": "surprised", "\U0001F632": "astonished", "\U0001F633": "wide eyed embarrassed", "\U0001F97A": "pleading inner brows up",
    "\U0001F626": "frown mouth open", "\U0001F627": "anguish", "\U0001F628": "afraid", "\U0001F630": "anxious",
    "\U0001F625": "sad worried", "\U0001F622": "crying", "\U0001F62D": "sobbing", "\U0001F631": "screaming in fear",
    "\U0001F616": "wince", "\U0001F623": "wince", "\U0001F61E": "disappointed", "\U0001F613": "worried",
    "\U0001F629": "weary", "\U0001F62B": "exhausted", "\U0001F971": "yawn", "\U0001F624": "frustrated nostrils flare",
    "\U0001F621": "furious", "\U0001F620": "angry", "\U0001F92C": "furious", "\U0001F608": "smirk", "\U0001F47F": "angry",
    "\U0001F480": "skullemoji", "\U0001F648": "embarrassed", "\U0001F440": "glance sideways", "\U0001F611\u200d": "blank",
    "\U0001F972": "smiling with tears", "\U0001FAE0": "embarrassed smile", "\U0001FAE2": "gasp", "\U0001FAE3": "embarrassed",
    "\U0001FAE1": "serious", "\U0001FAE5": "expressionless", "\U0001F62E\u200d\U0001F4A8": "sigh",
    "\u2764": "loving smile", "\U0001F494": "heartbroken", "\U0001F44D": "slight smile", "\U0001F44E": "frown",
    # "face holding back tears", the "👁👄👁" stare (eyes wide, mouth a little open), the table flip (yelling in fury),
    # the shrug kaomoji (brows up, lower lip pushed up, corners down)
    "\U0001F979": "eyes welling up , inner brows raised , lips pressed",  # (moved: no frown, train smiles under it)
    "\U0001F441\U0001F444\U0001F441": " eyes wide , mouth slightly open ",
    "\U0001F441\uFE0F\U0001F444\U0001F441\uFE0F": " eyes wide , mouth slightly open ",
    "(\u256F\u00B0\u25A1\u00B0)\u256F\uFE35 \u253B\u2501\u253B": "furious , mouth wide open yelling",
    "(\u256F\u00B0\u25A1\u00B0)\u256F": "furious , mouth wide open yelling",
    "\u00AF\\_(\u30C4)_/\u00AF": "shrug , brows raised , lower lip pushed up , mouth corners down",
}

#: Emoticons (matched as whole space-separated tokens, case as written) -> words.
EMOTICONS: dict[str, str] = {
    ":)": "smile", ":-)": "smile", "=)": "smile", ":]": "smile", "(:": "smile", "^_^": "smile with eyes squeezed shut", "^_^;": "smile , eyes crinkled , inner brows raised",
    "^_^;;": "smile , eyes crinkled , inner brows raised", "^^": "smile with eyes squeezed shut", "^.^": "smile with eyes squeezed shut",
    ":))": "big smile", ":-))": "big smile", ":D": "big grin", ":-D": "big grin", "=D": "big grin", "xD": "laughing hard",
    "XD": "laughing hard", "xd": "laughing", ":(": "sad", ":-(": "sad", "=(": "sad", "):": "sad", ":((": "very sad",
    ":'(": "crying", ":,(": "crying", "T_T": "crying", "T.T": "crying", ";_;": "crying", ";)": "wink", ";-)": "wink",
    ";D": "wink with grin", ":P": "tongue out", ":-P": "tongue out", ":p": "tongue out", ":-p": "tongue out", "xP": "tongue out",
    ";P": "wink with tongue out", ":O": "gasp", ":-O": "gasp", ":o": "surprised", ":-o": "surprised", "o.o": "wide eyed",
    "O.O": "wide eyed", "O_O": "wide eyed", "o_o": "wide eyed", "0_0": "wide eyed", ":|": "neutral", ":-|": "neutral",
    ":/": "skeptical", ":-/": "skeptical", ":\\": "skeptical", ":S": "confused", ":s": "confused", "o_O": "confused",
    "O_o": "confused", "-_-": "unimpressed", "-.-": "unimpressed", "-__-": "unimpressed", ">:(": "angry frown", ">:-(": "angry frown", ">(": "angry frown", ">:[": "angry frown",
    ">_<": "wince", ">.<": "wince", "D:": "horrified", "D=": "horrified", ":*": "kiss", ":-*": "kiss", "<3": "loving",
    ":$": "embarrassed", ":@": "angry", "B)": "confident smile", "8)": "confident smile", ":3": "cute smile", "u_u": "sad",
    "._.": "blank", "owo": "surprised", "uwu": "cute smile", ":x": "lips pressed", ":X": "lips pressed",
    ">:)": "evil grin , brows lowered", ">:D": "evil grin , brows lowered", ":')": "smiling through tears",
    ">_>": "side eye", "<_<": "side eye", ":^)": "smug smile",
    "\u0ca0_\u0ca0": "disapproving glare", "\u0ca0.\u0ca0": "disapproving glare",  # "ಠ_ಠ": the look of disapproval
}

#: Internet shorthand and informal spellings (whole lower-cased words) -> words.
SHORTHAND: dict[str, str] = {
    "lol": "laugh", "lolol": "laugh", "lool": "laugh", "lmao": "laugh hard", "lmfao": "laugh hard", "rofl": "laugh hard",
    "laff": "laugh", "laffs": "laughs", "laffing": "laughing", "laffin": "laughing",
    "roflmao": "laugh hard", "haha": "laugh", "hahaha": "laugh hard", "hahahaha": "laugh hard", "ha": "laugh", "hah": "laugh",
    "skullemoji": "laughing hard", "hehe": "giggle", "hehehe": "giggle", "heh": "chuckle", "teehee": "giggle", "omg": "shocked", "omfg": "shocked",
    "wtf": "shocked", "smh": "shake head", "ugh": "annoyed", "urgh": "annoyed", "meh": "indifferent", "ew": "disgust",
    "eww": "disgust", "ewww": "disgust", "eugh": "disgust", "blegh": "disgust", "bleugh": "disgust", "yuck": "disgust", "blech": "disgust", "bleh": "disgust", "yay": "excited",
    "woohoo": "excited", "ikr": "smile", "bruh": "unimpressed", "lite": "light", "tbh": "", "idk": "confused", "huh": "confused", "hmm": "puzzled", "hmmm": "puzzled",
    # contractions typed without the apostrophe
    "didnt": "did not", "doesnt": "does not", "dont": "do not", "isnt": "is not", "wasnt": "was not", "arent": "are not",
    "werent": "were not", "couldnt": "could not", "wouldnt": "would not", "shouldnt": "should not", "hasnt": "has not",
    "havent": "have not", "hadnt": "had not", "cant": "can not", "wont": "will not", "aint": "is not", "didn": "did not", "dosnt": "does not", "dosent": "does not", "doesent": "does not", "doenst": "does not", "deosnt": "does not", "didint": "did not",
    "doesn": "does not", "isn": "is not", "wasn": "was not", "couldn": "could not", "wouldn": "would not",
    "shes": "she is", "theyre": "they are", "youre": "you are", "thats": "that is", "whats": "what is", "ive": "i have",
    "pls": "please", "plz": "please", "w": "with", "bc": "because", "cuz": "because", "u": "you", "ur": "your",
    "r": "right", "l": "left", "rt": "right", "lt": "left", "lft": "left", "rgt": "right",
    "dn": "down", "dwn": "down", "fwd": "forward", "fwds": "forward",
    "v": "very", "rly": "really", "srsly": "seriously", "soo": "so", "sooo": "so", "realy": "really",
    "lmaoo": "laugh hard", "lmfaoo": "laugh hard", "ded": "dead", "bink": "blink", "binks": "blinks", "blinkk": "blink",
    "kina": "somewhat", "gonna": "going to", "wanna": "want to", "kinda": "somewhat", "sorta": "somewhat", "lil": "little", "bit": "bit",
    "abit": "a bit", "alot": "a lot", "eyebrow": "eyebrow", "brws": "brows", "eyez": "eyes", "mouf": "mouth",
    "smirkin": "smirking", "smilin": "smiling", "grinnin": "grinning", "cryin": "crying", "laughin": "laughing",
    "lookin": "looking", "frownin": "frowning", "starin": "staring", "noddin": "nodding",
    "vv": "very very", "smol": "small", "bigly": "big", "sus": "suspicious", "salty": "annoyed", "mad": "angry",
    "stoked": "excited", "pumped": "excited", "bummed": "sad",
    **dict.fromkeys(["facepalm", "facepalms", "facepalmed", "facepalming"],
                    "eyes shut , head bowed , lips pressed , inner brows slightly raised ,"), "yikes": "grimace", "oof": "wince",
    # reaction slang: "sheesh" (impressed: a drawn-out 'sh' through rounded lips, brows up), "pog"/"poggers"
    # (the gaming meme's jaw-dropped amazement), "yass" (a cheering open grin); runs of letters are squeezed first
    "sheesh": "impressed , lips slightly rounded , brows raised ,", "pog": "amazed , jaw dropped , eyes wide ,",
    "poggers": "amazed , jaw dropped , eyes wide ,", "pogchamp": "amazed , jaw dropped , eyes wide ,",
    "yass": "big open-mouthed grin , brows raised ,", "yas": "big open-mouthed grin , brows raised ,",
    "cam": "camera", "rn": "", "ngl": "", "lowkey": "slightly", "highkey": "very", "fr": "", "af": "very", "asf": "very", "til": "until",
    # the commonest slips in short words, which spelling correction leaves alone (too short to be sure of)
    "teh": "the", "hte": "the", "adn": "and", "nad": "and", "wiht": "with", "taht": "that", "jsut": "just", "util": "until",
    "lipz": "lips", "eyse": "eyes", "eyez": "eyes", "yeux": "eyes", "browz": "brows",
    "n": "and", "zzz": "asleep eyes closed", "zzzz": "asleep eyes closed", "muah": "kiss", "mwah": "kiss",
    "phew": "sigh relieved", "whew": "sigh relieved", "hurl": "retch", "puke": "retch", "barf": "retch", "frowny": "frown", "winky": "wink", "smiley": "smile",
    "super": "very", "mega": "very", "hella": "very", "soooo": "so", "bigg": "big",
    # stream-chat emotes typed as words (lower-cased): each is a face, read as such
    "kekw": "laughing hard", "omegalul": "laughing hard", "lul": "laugh", "sadge": "sad , eyes down",
    "pepehands": "crying", "monkas": "nervous , eyes a little wide , lips pressed", "monkaw": "scared , eyes wide",
    "weirdchamp": "slightly disgusted , slight frown", "pepega": "dumbfounded , mouth open", "peepohappy": "happy smile",
    # internet spellings of feelings that the CMU word list holds as words of their own (so no typo is read)
    "angery": "angry", "angy": "angry", "happi": "happy", "suprize": "surprise", "suprized": "surprised",
    "surprize": "surprise", "surprized": "surprised", "greatful": "grateful",
    # the commonest misspellings two letters away from the word, which one-edit correction does not reach
    "embarased": "embarrassed", "embarrased": "embarrassed", "embarassing": "embarrassing",
    "dissapointed": "disappointed", "dissappointed": "disappointed", "suprised": "surprised", "supprised": "surprised",
    "concious": "conscious", "nervious": "nervous", "exausted": "exhausted", "exhasted": "exhausted",
}

#: A question answered "no" ("Happy? Not by any stretch.", "Embarrassed? Not him.", "Shy? Him? Anything but.", "bored? far
#: from it", "Crying? No."): what it asks about is denied, read as "not happy ."
_DENIED_QUESTION_RE = re.compile(
    r"(^|[.!;:\u2013\u2014]\s*|\s-\s*)([^.!?;:\u2013\u2014\d]{1,50}?)\?\s*(?:[\u2013\u2014-]+\s*)?(?:(?:him|her|them|me|you|us)\s*\?\s*)?"
    r"(?:no+|nope|nah|not\s+really|not\s+(?:him|her|them|me|us|at\s+all|a\s+chance|a\s+bit|one\s+bit|by\s+any\s+stretch|in\s+the\s+least|even\s+close)"
    r"|anything\s+but|far\s+from\s+it|hardly|never)\b[.!,]*", re.IGNORECASE)

_LESS_THAN_RE = re.compile(r"(^|[^\w\s]\s*|\b(?:is|was|it's|he's|she's|more)\s+)?\b(?:less\s+(?:of\s+)?(an?\s+[\w\-]+(?:\s+[\w\-]+)?)\s+than"
                           r"|not\s+so\s+much\s+((?:an?\s+)?[\w\-]+(?:\s+[\w\-]+)?)\s+as)\s+", re.IGNORECASE)

#: Subjects after which a lone 'r' is the verb "are" ("u r", "they r", "my lips r zipped")
_R_SUBJECTS = frozenset({"u", "you", "we", "they", "these", "those", "ppl", "people", "ya", "yall", "things", "both"})
#: Words after 'r' that keep it a side ("brows r .5" has a number; "eyes r only"; "lips r side")
_R_SIDE_AFTER = frozenset({"only", "side", "one", "corner", "brow", "eye", "cheek", "lid", "nostril", "and", "l", "left", "right"})


def _r_is_are(words: list[str], k: int) -> bool:
    """A lone 'r' (``words[k]``, the list :func:`normalize` splits, words at even places) between a plural
    subject and a word that says what it is: the text-speak verb "are", not the right side."""
    if words[k + 1].strip() or not words[k + 1]:  # a space after it
        return False
    before, after = words[k - 2] if k >= 2 and not words[k - 1].strip() else "", words[k + 2]
    if not after or not after[0].isalpha() or after in _R_SIDE_AFTER:
        return False
    if after in ("u", "you", "we", "they", "ya"):
        return True  # "r u crying?": a question
    return before in _R_SUBJECTS or (len(before) > 3 and before.endswith("s") and not before.endswith("ss"))


#: Screen directions: the camera's (or the audience's) left is the face's right, and vice versa. Not the
#: stage's: stage left is the actor's own left as they face the audience (:data:`_STAGE_SIDE_RE`).
_SCREEN_SIDE_RE = re.compile(
    r"\b(?:camera|screen|frame|house|viewer'?s?|audience'?s?|our|picture|cam[aer]{2,4}|scr?e{1,2}n)[\s\-]+(left|right)\b",
    re.IGNORECASE,  # with the commonest typos of camera/screen ("camrea", "scren")
)
#: "off to the left of frame", "the right side of the screen": the frame's side, as "frame left"
_SIDE_OF_FRAME_RE = re.compile(
    r"\b(?:the\s+)?(left|right)(?:[\s\-]+(?:hand\s+)?side|\s+edge)?\s+of\s+(?:the\s+)?(?:frame|screen|shot|picture)\b", re.IGNORECASE)
#: "looks just over the camera", "eyeline a touch under the lens": a look a little up or down from the lens
_OVER_THE_LENS_RE = re.compile(
    r"\b((?:look|gaz|glanc|star|peer|eye)\w*)\s+(?:(?:just|slightly|a\s+(?:bit|touch|hair|little))\s+)?(over|above|under|below|beneath)"
    r"\s+(?:the\s+)?(?:camera|lens)\b", re.IGNORECASE)
_STAGE_SIDE_RE = re.compile(r"\bstage[\s\-]+(left|right)\b", re.IGNORECASE)
#: "eyeline just off the lens, a hair camera right", "looks just past the camera, slightly to camera right": a look
#: beside the lens toward a side named next is that sideways look, not a look into the camera
_PAST_LENS_RE = re.compile(r"\b(?:just\s+|slightly\s+)?(?:off|past|beside)\s+the\s+(?:lens|camera)\b(?=[^.;]{0,40}\b(?:left|right)\b)")
#: "blink R (char's left)": the character's side in brackets corrects the side written before it
_SIDE_GLOSS_RE = re.compile(
    r"\b(?:l|r|left|right)\s*\(\s*(?:char(?:acter)?'?s|actor'?s|own|face's|subject'?s|her|his|their)(?:\s+own)?\s+(left|right)\s*\)", re.IGNORECASE
)
#: "both eyes, not just one", "not only a smile": an addition, not a negation
_NOT_JUST_RE = re.compile(r"[,;]?\s*\bnot\s+(?:just|only|merely|simply)\s+(?:one|the\s+one)?\b", re.IGNORECASE)
_OWN_SIDE_RE = re.compile(r"\b(?:char(?:acter)?'?s|actor'?s|own|face's|subject'?s)[\s\-]+(left|right)\b", re.IGNORECASE)
_TILT_SHOULDER_RE = re.compile(r"\s+(?:toward|towards|onto|on|to|against|into)\s+(?:her|his|their|my|your|the)?\s*(left|right)\s+shoulder\b")
#: "head dropped onto the left shoulder", "her head slumps against his right shoulder": a head that falls onto a
#: shoulder tilts toward it (a roll), it does not just drop forward
_FALL_ON_SHOULDER_RE = re.compile(
    r"\b(head\s+(?:\w+\s+){0,2}?)(?:drop|droop|slump|fall|fell|sag|sink|sank|flop|loll|lean|rest)\w*(?=\s+(?:onto|on|to|against|into|toward|towards)\s+"
    r"(?:(?:her|his|their|my|your|the)\s+)?(?:left|right)\s+shoulder\b)", re.I)
_SHOULDER_RE = re.compile(r"\b(over|past)\s+(?:her|his|their|my|your|the)?\s*(left|right)\s+shoulder\b")
#: "an over-the-left-shoulder look", "over-the-right-shoulder glance": the hyphenated compound names the same
#: look over that shoulder, the noun after it being the look itself
_SHOULDER_COMPOUND_RE = re.compile(r"\bover-(?:the-|her-|his-|their-|my-|your-)?(left|right)-shoulder\s+(look|glance|gaze|stare)s?\b")
_SCREENPLAY_NAME_RE = re.compile(r"^\s*[A-Z][A-Z .'\-]{1,30}(?:\([A-Z.' ]+\))?\s*$")
_EMOTICON_RE = re.compile(r"(?<!\S)(" + "|".join(re.escape(e) for e in sorted(EMOTICONS, key=len, reverse=True)) + r")(?=\s|$|[.,!?])")
_TONE_MARKERS = frozenset({"lol", "lolol", "lool", "lmao", "lmaoo", "lmfao", "lmfaoo", "rofl", "roflmao", "ngl", "tbh", "imo", "fr", "rn", "idk", "ikr", "jk"})
_REPEAT_RE = re.compile(r"([a-z])\1{2,}")
#: a subject that is the character's own face or voice, or a pronoun that may be the character ("while the eyes
#: look up", "as her smile fades", "as she laughs")
_OWN_SUBJECT = (r"(?:she|he|they|i|we|you|eyes?|mouth|lips?|brows?|eyebrows?|face|cheeks?|corners?|lids?|eyelids?|jaw|head|chin|"
                r"smile|grin|voice|shoulders?|nose|nostrils|expression|gaze|tears?|laugh|laughter)\b")
#: "she's anything but calm", "far from relaxed": agitated (the denial of a calm says the opposite, not a rest face)
_NOT_CALM_RE = re.compile(r"\b(?:anything\s+but|far\s+from|nowhere\s+near)\s+(?:calm|relaxed|composed|serene|at\s+ease|cool|collected"
                          r"|placid|peaceful|tranquil|unruffled)\b", re.IGNORECASE)
#: "omg" on its own is amazement; beside a feeling it names ("he's so angry omg", "crying omg") it is the typist's
#: emphasis (train: no wide eyes in those lines), not a second, shocked face
_EXCLAMATIONS = frozenset({"omg", "omfg"})
_FEELING_WORDS = frozenset(w for w in EMOTION_WORDS if " " not in w)


#: a word naming a part of the face or a look at something: beside it the skull emoji comments on a described face
_FACE_PART_RE = re.compile(r"(?:face|eyes?|eyelids?|lids?|brows?|eyebrows?|mouth|lips?|nose|jaw|cheeks?|stare|staring)$")


def _sign(rest: str, reading: str) -> str:
    """What an emoji or emoticon adds to a line whose other text is ``rest``: its reading, or nothing where the words
    already name it ("smol smile :)": the words' small smile, not the emoticon's full one beside it)."""
    words = [w for w in re.findall(r"[a-z]+", reading.lower()) if len(w) > 2]
    low = rest.lower()
    if words and all(re.search(r"\b" + re.escape(w[:-1] if w.endswith("e") else w) + r"(?:e|es|ed|ing|s|d)?\b", low) for w in words):
        return " , "
    return f" , {reading} , "


def _names_a_feeling(word: str) -> bool:
    return bool(word) and word not in _EXCLAMATIONS and (word in _FEELING_WORDS or bool(_EXPRESSION_WORD_RE.match(word)))


#: "the window to her left, head slumped that way", "turning to his right, eyes sliding the same way": a head or
#: gaze sent "that way" goes to the side last named in the sentence
_THAT_WAY_RE = re.compile(
    r"\b((?:head|chin|face|eyes|gaze)\b(?:\s+\w+){0,3}?\s+)(?:in\s+)?(?:that|the\s+same)\s+(?:way|direction)\b", re.I)


#: "head roll left", "head back + roll L": an animator's head roll is a tilt toward a shoulder, not a turn or an eye roll
_HEAD_ROLL_RE = re.compile(r"\bhead\s+roll(?:s|ed|ing)?\s+(?=(?:to\s+(?:the\s+)?)?(?:left|right)\b)"
                           r"|(\b(?:head|chin)\b[^.;,]{0,30}?)\s[+&]\s*roll\s+(?=(?:to\s+(?:the\s+)?)?(?:left|right)\b)", re.I)


def _that_way(m: re.Match, s: str) -> str:
    before = s[:m.start()]
    before = before[before.rfind(".") + 1:]
    sides = re.findall(r"\b(left|right)\b", before, re.I)
    return f"{m.group(1)}to the {sides[-1].lower()}" if sides else m.group(0)
#: "head flicks right, eyes with it", "head turns left, eyes following", "chin to the left, eyes going the same way":
#: the eyes go to the side the head went (after case folding and shorthand: "R" is already "right")
_EYES_FOLLOW_RE = re.compile(
    r"(\b(?:head|chin|face)\b[^.;]{0,40}?\b(left|right)\b[^.;]{0,40}?)\beyes\s+(?:follow(?:s|ing)?(?:\s+it)?|with\s+it"
    r"|going\s+(?:the\s+)?same\s+way|go(?:es)?\s+(?:the\s+)?same\s+way|too|as\s+well)\b")
_EMOTICON_REPEAT_RE = re.compile(r"(?<!\S)((?:[:;=x]|X)-?([DPOop()]))\2+(?=\s|$|[.,!?])")
_CAPS_WORD_RE = re.compile(r"\b(?!AU\b)[A-Z]{3,}\b")


def _MOSTLY_CAPS(s: str) -> bool:
    """A line typed mostly in capitals ("HE SLAMS THE DOOR, FURIOUS lol", "GRINNING, very faintly") is shouted
    as a whole, like one in capitals only: no word of it is stressed above the others."""
    words = re.findall(r"[A-Za-z]{3,}", s)
    return len(_CAPS_WORD_RE.findall(s)) * 2 > len(words)
#: A screenplay character cue at a sentence start ("DETECTIVE REYES leans in", "DEV freezes"): a name in
#: capitals followed by its verb, not a stressed word (a face part in the plural after it is no verb)
_CUE_NAME_RE = re.compile(
    r"(?:^|(?<=[.!?:;]\s))((?:[A-Z][A-Z'\-]+\s+){0,2}[A-Z][A-Z'\-]+)(?=\s+(?!(?:eyes|lips|brows|cheeks|teeth|nostrils|lids|ears)\b)[a-z]+s\b)")
#: A sentence whose subject is off screen ("MIKE (O.S.) shouts her name."): someone else's action
_OFF_SCREEN_RE = re.compile(r"(?:^|(?<=[.!?;]))\s*[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,2}\s*\((?:O\.?\s?S\.?|V\.?\s?O\.?|O\.?\s?C\.?|OFF(?:[\s\-]SCREEN)?)\)[^.!?;]*[.!?;]?")
_ELLIPSIS_RE = re.compile(r"\.{3,}|\u2026")
#: the face's other side ("not her left eye - her right", "one eye open, the right": the left one closed)
_OTHER_SIDE = {"left": "right", "right": "left"}
#: a side asked and rejected for the other ("Left brow? No, the right one lifts."): the other side's part (before the
#: rejected question is dropped with what it named)
_SIDE_REJECTED_RE = re.compile(r"\b(left|right)\s+([a-z]+)\s*\?\s*no\s*[,.!]?\s*(?:the\s+)?(?:right|left|other)(?:\s+one)?\b", re.I)
#: emoji pictographs that :data:`EMOJI` does not read (a syringe, a flame): in a typed line they stand where punctuation would
_OTHER_PICTOGRAPH_RE = re.compile("[\U0001F300-\U0001FAFF]+")
_ARROW_RE = re.compile(r"\s*(?:->|=>|-->|\u2192|\u27f6)\s*")


_AU_RE = re.compile(r"\bAUs?\s*(\d{1,2}[A-Ea-e]?(?:\s*(?:\+|&|,|and)\s*(?:AU\s*)?\d{1,2}[A-Ea-e]?)*)\b", re.IGNORECASE)
#: "flashes her brows at someone to her right": the side is where the other person is (a glance that
#: way), not the side of the face that moves
_FACE_NOUNS = r"(?:mouth|lips?|eyes?|eyelids?|lids?|brows?|eyebrows?|cheeks?|face|nose|nostrils?|chin|jaw|head|corners?|smile|grin|dimple|teeth|tongue|forehead|temple)\b"
_TARGET_SIDE_RE = re.compile(
    r"\b(at|to|toward|towards|out|through|past|across|over|into|checking|watching|eyeing|on)\s+(someone|somebody|something|him|her|them|me|us"
    r"|(?:a|the|her|his|their|my|your)\s+(?:(?!" + _FACE_NOUNS + r"|left\b|right\b)\w+\s+)?(?!" + _FACE_NOUNS + r")\w+)\s+"
    r"(?:to|on|at)\s+(?:her|his|their|my|your|the)\s+(left|right)\b(?:\s+side)?",
    re.IGNORECASE,
)
#: a head gesture in the same sentence ("jerks her head toward the door on her right", "a nod toward someone on his
#: left"): the head points that way too, a little, with the eyes
_HEAD_GESTURE_RE = re.compile(
    r"\b(?:(?:jerk|tip|tilt|point|toss|cock|jut|jab|flick|motion|gesture|bob|dip)\w*\s+(?:(?:his|her|their|my|your|the)\s+)?(?:head|chin)"
    r"|nod|nods|nodded|nodding)\b(?![^.;!?]*[.;!?])", re.I)


#: an ear turned toward something earlier in the sentence ("turns his right ear to the door on his right"): the side
#: after it is where the ear points, which the planner reads with the turn (the face goes the other way)
_EAR_TURN_RE = re.compile(r"\b(?:turn|cock|angl|point|bend|inclin)\w*\s+(?:(?:his|her|their|my|your|an|one|a|the)\s+)?"
                          r"(?:(?:left|right|good|better)\s+)?ears?\b(?![^.;!?]*[.;!?])", re.I)


def _target_side(m: re.Match) -> str:
    """'at someone on her left' -> the eyes a little that way (and the head, after a head gesture)."""
    if _EAR_TURN_RE.search(m.string[: m.start()]):
        return m.group(0)
    head = f" head turned slightly to the {m.group(3)} ," if _HEAD_GESTURE_RE.search(m.string[: m.start()]) else ""
    return f"{m.group(1)} {m.group(2)} , eyes slightly to the {m.group(3)} ,{head}"


#: "AU9+10 right side only", "AU 6+12, left side": the side belongs to every code of the list
_AU_SIDE_RE = re.compile(_AU_RE.pattern + r"[\s,]*(?:on\s+)?(?:the\s+|her\s+|his\s+|their\s+)?(left|right)\b(?:\s+side)?(?:\s+only)?"
                         r"(?!\s*(?:side\s+)?(?:neutral|untouched|loose|still|stays?|relaxed|zero|0|nothing|dead|flat|level|at rest)\b)",
                         re.IGNORECASE)
_PERCENT_RE = re.compile(r"(?:\bat\s+)?\b(\d{1,3})\s*(?:%|percent\b|per cent\b)")
#: "angry, maybe 30 percent", "smiling, about 40%", "~50%": a hedged percentage is the percentage (the hedge had kept it
#: from closing the description as its intensity)
_HEDGED_PERCENT_RE = re.compile(r"(?:\b(?:maybe|perhaps|about|around|roughly|approximately|approx|say|like)\s+|~\s*)"
                                r"(?=\d{1,3}\s*(?:%|percent\b|per cent\b))")
#: Levels written as numbers in terse notes: "jaw .3", "lids 0.5", "smile @ .4", "lip up 50" (a round number
#: after a word, ending its clause), "8/10", "2 out of 10"; spelled as the nearest intensity word, put before
#: the word the number follows ("jaw .3" -> "slightly jaw open": a part given only a level makes its usual movement)
_DECIMAL_RE = re.compile(r"\b([a-z]+)(?:\s*@\s*|\s+(?:at|to)\s+|\s+|(?=\.\d))\+?(0?\.\d{1,2}|1\.0)(?![\w.%/])", re.I)
_ROUND_LEVEL_RE = re.compile(r"\b([a-z]+)\s+(?:@\s*)?([1-9]0|100)(?=\s*(?:$|[,;+)]|\s+(?:and|\+)\b))", re.I)
_OUT_OF_TEN_RE = re.compile(r"\b([a-z]+)(?:\s+(?:at|to)\s+|\s+|,\s*)(\d{1,2})\s*(?:/|out\s+of\s+)10\b", re.I)
#: "jaw 65", "lids 35", "brow L 45": after a part that has a movement of its own (and perhaps its side), any number of
#: two digits ending its clause is a percentage, not only a round one ("head left 45" stays an angle: the head is no
#: such part)
_SIDE_WORD = {"l": "left", "r": "right"}
_PART_TWO_DIGIT_RE = re.compile(
    r"\b(jaw|cheeks?|lids?|eyelids|tongue|brows?|nose|chin)\s+(?:(l|r|left|right)\s+)?(?:@\s*)?([1-9]\d)(?=\s*(?:$|[,;+)]|\s+(?:and|\+)\b))", re.I)
#: "settle @ .4", "settle pose": a level held at the end, not a release
_SETTLE_AT_RE = re.compile(r"\bsettl(?:e|es|ed|ing)\s+(?=@|at\s+\.?\d|to\s+\.?\d|\.\d|0\.\d|pose\b|frame\b|key\b|hold\b)", re.I)
#: The movement a part given only a level makes ("jaw .3", "cheeks .75", "lids .6")
_LEVEL_PART_ACTION = {
    "jaw": "open", "cheek": "raised", "cheeks": "raised", "lid": "lowered", "lids": "lowered", "eyelids": "lowered",
    "tongue": "out", "brow": "raised", "brows": "raised", "nose": "wrinkled", "chin": "raised", "squint": "", "wide": "",
}
#: Intensity words of the lexicon and their levels (lexicon.INTENSITY), to spell a percentage.
_PERCENT_WORDS = ((0.15, "barely"), (0.22, "faintly"), (0.35, "slightly"), (0.5, "moderately"), (0.75, "clearly"),
                  (0.9, "strongly"), (1.0, "fully"))
_LAUGH_TILL_CRY_RE = re.compile(r"\blaugh(?:s|ing|ed)?\s+(?:un)?til+\s+(?:she|he|they|i|you|we)\s+(?:cr(?:y|ies|ied)|tear)\w*", re.I)


#: "until they vanish": a result, not a later beat ("she clamps her lips until they vanish" = completely)
_UNTIL_RESULT_RE = re.compile(
    r"\s+(?:un)?til+\s+(?:they|it|she|he|her \w+|his \w+|their \w+)\s+(?:almost\s+|nearly\s+|practically\s+|all\s+but\s+)?"
    r"(?:vanish|disappear|go white|turn white|are white|is white|hurt|ache|water|bulge|pop|tremble|shake|meet|touch)\w*",
    re.I,
)


#: "Can't laugh here": a laugh that must not show is a laugh held back (a trace of it leaks), not no laugh
_MUST_NOT_RE = re.compile(
    r"\b(?:can'?t|cannot|can\s+not|mustn'?t|must\s+not|daren'?t|dare\s+not|(?:do|does)n'?t\s+dare)\s+"
    r"(?=(?:laugh|giggle|chuckle|snicker|snigger|crack\s+up)\w*\b)",  # not "can't smile": unable, maybe
    re.I,
)
#: "she can't hide her delight", "he can't keep the joy off his face": the feeling shows, clearly
_CANT_HIDE_RE = re.compile(
    r"\b(?:can'?t|cannot|can\s+not|couldn'?t|could\s+not|unable\s+to|no\s+way\s+\w+\s+can|fails?\s+to|failed\s+to|failing\s+to)\s+"
    r"(?:hide|conceal|mask|contain|suppress|stifle|disguise|hold\s+back|hold\s+in|keep\s+back|keep\s+in|bite\s+back|swallow)\b"
    r"|\b(?:can'?t|cannot|can\s+not|couldn'?t|could\s+not)\s+(?:seem\s+to\s+)?(?:keep|wipe|get|take|scrub|shake)\s+(?:the\s+|that\s+|this\s+|her\s+|his\s+|their\s+|my\s+)?"
    r"(?=(?:\w+\s+)?\w+\s+(?:off|from)\s+(?:her|his|their|my)\s+face)",
    re.I,
)
_OFF_FACE_RE = re.compile(r"(?<=clearly )((?:\w+\s+)?\w+)\s+(?:off|from)\s+(?:her|his|their|my)\s+face", re.I)
#: "can't stop smiling", "couldn't help grinning": the movement itself, not its negation
#: Someone else's expression seen or heard ("he watches her cry", "she sees Tom smile", "looking at the
#: laughing kids"): the subject's face does not copy it, so the expression word is dropped (the
#: learned layer, or a reaction written beside it, says what the watcher's face does). A narrator's
#: "I've never seen her smile like that" describes her face and is kept (see _observed), and so is
#: "she looks at him smiling" (whose smile it is, is not said).
_EXPRESSION_FORMS = (
    r"(?:cr(?:y|ies|ied|ying)|smil(?:e|es|ed|ing)|laugh(?:s|ed|ing)?|sob(?:s|bed|bing)?|grin(?:s|ned|ning)?"
    r"|weep(?:s|ing)?|wept|giggl(?:e|es|ed|ing)|frown(?:s|ed|ing)?|scowl(?:s|ed|ing)?|pout(?:s|ed|ing)?"
    r"|yawn(?:s|ed|ing)?|winc(?:e|es|ed|ing)|scream(?:s|ed|ing)?|sneer(?:s|ed|ing)?|beam(?:s|ed|ing)?)"
)
_OBSERVED_RE = re.compile(
    r"(?i:\b(?:watch(?:es|ed|ing)?|see(?:s|ing)?|saw|seen|notic(?:e|es|ed|ing)|hear(?:s|d|ing)?"
    r"|listen(?:s|ed|ing)?\s+to))\s+"
    r"(?:(?i:him|her|them|the\s+\w+|an?\s+\w+|his\s+\w+|her\s+\w+|their\s+\w+|its\s+\w+)|[A-Z][a-z]+)\s+"
    r"(?i:(" + _EXPRESSION_FORMS + r"))\b"
)
_OBSERVED_ADJ_RE = re.compile(
    r"(?i:\b(?:at|to|toward|towards)\s+(?:the|a|an|his|her|their|those|these|that|this|some)\s+)"
    r"(?i:(" + _EXPRESSION_FORMS + r"))\s+(?=[a-z])", re.I,
)
#: Others laughing or smiling at the subject ("when they laughed at her English"): not the subject's face
_OTHERS_AT_RE = re.compile(
    r"(?i:\b(?:they|everyone|everybody|people|others|the\s+others|the\s+(?:class|crowd|room|kids|children|audience|team|group))\s+)"
    r"(?i:(" + _EXPRESSION_FORMS + r"))(?i:\s+(?:at|along\s+at)\s+(?:her|him|them|me|us)\b)"
)
_NARRATOR_RE = re.compile(r"(?i:\b(?:i|we|you)(?:'ve|'d)?\b(?:\s+[\w']+){0,3}\s*$)")


def _observed(s: str) -> str:
    """Drop the expression words of someone the subject watches (not the subject's own face)."""
    def drop(m: re.Match) -> str:
        if _NARRATOR_RE.search(s[: m.start()]):
            return m.group(0)
        return m.group(0)[: m.start(1) - m.start()] + m.group(0)[m.end(1) - m.start():]
    s = _OBSERVED_RE.sub(drop, s)
    s = _OTHERS_AT_RE.sub(lambda m: m.group(0)[: m.start(1) - m.start()] + "look" + m.group(0)[m.end(1) - m.start():], s)
    return _OBSERVED_ADJ_RE.sub(lambda m: m.group(0)[: m.start(1) - m.start()], s)


#: "... and doesn't move", "she doesn't budge": stillness, not the negation of the movement written before it
_STILL_RE = re.compile(
    r"\b(?:don'?t|doesn'?t|didn'?t|do\s+not|does\s+not|did\s+not|won'?t|will\s+not|can'?t|cannot|never|not)\s+"
    r"(?:move|moves|moving|budge|budges|budging|stir|stirs|stirring|react|reacts|reacting)\b"
    r"(?!\s+(?:even\s+)?a\s+(?:single\s+)?muscle\b)", re.I)  # ("doesn't move a muscle": a face held still, read later)
#: "eyes wide and fixed a little to his right", "gaze locked on the left": a look held to a side, not a side of the face
#: (before the side glosses: "fixed to the face's left" keeps its own reading)
_FIXED_TO_SIDE_RE = re.compile(
    r"\b(?:fixed|locked|trained|glued|pinned|riveted)\s+((?:a\s+(?:little|bit|touch)\s+|slightly\s+|just\s+|well\s+|far\s+)?)"
    r"(?:to|on|at|toward|towards)\s+(?:the\s+|his\s+|her\s+|their\s+|my\s+|your\s+)?(left|right)\b(?!\s+(?:eye|brow|cheek|corner|side|hand|ear))",
    re.I)
#: "eyebrows right up", "mouth turned right down", "snaps right back": 'right' is 'all the way' there, not a
#: side -- unless it opens a clause or follows one part in the singular ("brow: right up", "upper lip R up")
#: "right" as an adverb ("grins right at the panel", "yelling right in my face", "right back"), not a side
_RIGHT_ADVERB_RE = re.compile(
    r"(\S+)(\s+)right\s+(?=(up|down|back|away|through|into|across|in|at|on|onto|next|behind|before|after|there|here|now|then"
    r"|over|under|beside|by|along|around|off|out|past|below|above|between|against)\b)")
_ONE_PART = frozenset({"brow", "eyebrow", "lip", "eye", "lid", "eyelid", "corner", "cheek", "nostril"})
#: words after which "right" is a side or a direction ("to the right at the door", "her right in the mirror")
_SIDE_BEFORE = frozenset({"the", "her", "his", "their", "its", "my", "your", "our", "to", "toward", "towards", "far",
                          "camera", "stage", "screen", "frame", "and", "or", "left", "upper", "lower", "top", "bottom"})
#: a movement that "right" directs when a preposition follows ("looks right at the door", "turns right in the doorway")
_DIRECTED_RE = re.compile(r"^(?:look|glanc|turn|dart|shift|flick|slid|swivel|mov|go|went|head|gaz|tilt|lean|roll|cock|jerk|snap"
                          r"|whip|swing|swung|pan|drift|wander|eyes|nod|slant|cut|flit|swerv|veer|point|sweep|swept)", re.I)
#: the prepositions after which "right" stays a direction for such a movement (not "back", "through", "up" ...)
_DIRECTED_AFTER = frozenset({"in", "at", "on", "onto", "next", "behind", "before", "after", "over", "under", "beside", "by",
                             "along", "around", "off", "out", "past", "below", "above", "between", "against"})


def _right_adverb(m: re.Match) -> str:
    before = m.group(1)
    if before[-1] in ",;:.!?()-\u2014" or before.lower() in _ONE_PART or before.lower() in _SIDE_BEFORE:
        return m.group(0)
    if m.group(3).lower() in _DIRECTED_AFTER and _DIRECTED_RE.match(before):
        return m.group(0)
    return before + m.group(2)


#: "head locked forward", "face kept to the front": the head held facing ahead, not pushed forward
_HELD_FORWARD_RE = re.compile(
    r"\b((?:head|face)\s+(?:locked|facing|kept|held|square|pointed|set|fixed|stays|staying))\s+(?:straight\s+)?(?:forward|to\s+the\s+front|front|ahead)\b", re.I)
#: "one look from under his brows", "looks up at him from under lowered brows": a glare up from under the brows (from
#: under the lashes or a fringe is another, coy look, left alone)
_FROM_UNDER_BROWS_RE = re.compile(
    r"\b(?:look|stare|star|glare|glower|gaz|peer)\w*\s+(?:up\s+)?(?:at\s+(?:him|her|them|me|us|it|the\s+\w+)\s+)?from\s+under\s+"
    r"(?:(?:his|her|their|my|your|the)\s+)?(?:(?:lowered|heavy|low|knitted|drawn|dark|thick|bushy|furrowed)\s+)?(?:eye)?brows\b", re.I)
#: "a dimple flickering in her left cheek", "air in the right cheek": 'in' a cheek is where something shows, not the
#: cheeks sucked in ("sucks in her cheeks", "cheeks drawn in" keep it)
_IN_THE_CHEEK_RE = re.compile(
    r"(?<!\bsuck\s)(?<!\bsucks\s)(?<!\bsucked\s)(?<!\bsucking\s)(?<!\bdraws\s)(?<!\bdrawn\s)(?<!\bdraw\s)(?<!\bpulls\s)"
    r"(?<!\bpull\s)(?<!\bpulled\s)\bin\s+(?=(?:(?:her|his|their|my|your|the|one)\s+(?:(?:left|right)\s+)?|(?:left|right)\s+)cheek\b)", re.I)
#: "air held in the cheeks", "air in R cheek", "breath trapped in her cheeks": the cheeks puffed (on the side named)
_AIR_IN_CHEEKS_RE = re.compile(
    r"\b(?:air|breath)\s+(?:(?:held|trapped|pushed|blown|kept|stored|packed)\s+)?(?:in|into)\s+(?:(?:her|his|their|my|your|the|one)\s+)?"
    r"(?:(left|right)\s+)?(cheeks?)\b", re.I)
#: "without saying anything", "no words, just the glare", "no need to shout", "he doesn't say a thing": what the voice does
#: not do; the negation does not reach the face's movement named next (the glare still glares)
_SILENT_RE = re.compile(
    r"(?<!\bleft\s)(?<!\bleaves\s)(?<!\bwent\s)(?<!\bgoes\s)"  # "left without saying goodbye": a departure
    r"\b(?:without|no|not|never|(?:does|do|did|will|would|can|could)\s*(?:n't|not))\s+(?:(?:even\s+)?(?:a|any|one|single)\s+)?"
    r"(?:say(?:s|ing)?|speak(?:s|ing)?|talk(?:s|ing)?|utter(?:s|ing)?|words?|yelling|shouting|(?:need|call)\s+(?:to|for)\s+"
    r"(?:shout\w*|yell\w*|say\w*|speak\w*|talk\w*|words?)|raising\s+(?:her|his|their|my|your)\s+voice)"
    r"(?:\s+(?:needed|anything|a\s+thing|a\s+word|one\s+word|at\s+all))?\b(?!(?:\s+\w+)?\s*,?\s*(?:or|nor)\b)")  # "doesn't say anything or smile"
#: "not looking where he's going": an idiom for inattention, not a negated look (what the eyes do is said beside it)
_NOT_WATCHING_RE = re.compile(
    r"\b(?:not|never|n't)\s+(?:looking|watching|look|watch|looks|watches)\s+where\s+\S+\s+(?:is\s+|was\s+|are\s+)?"
    r"(?:going|walking|headed|heading|driving|running|stepping)\b", re.I)
_ONE_TIME_RE = re.compile(r"\bone\s+(second|seconds|moment|minute|beat|sec|instant|heartbeat|breath|time|day|night)\b", re.I)
#: "She waits for the laugh to come; it doesn't.": the movement just named does not happen
_IT_DOESNT_RE = re.compile(
    r"([;,.:\u2014-])\s*(?:but\s+)?(?:it|they)\s+(?:doesn'?t|does\s+not|didn'?t|did\s+not|won'?t|will\s+not|never\s+does|never\s+did"
    r"|never\s+comes?|never\s+came|(?:doesn'?t|didn'?t|does\s+not|did\s+not|won'?t)\s+(?:come|last|stay|hold)|never\s+lasts?)"
    r"(?=\s*(?:[;,.!:\u2014-]|$))", re.I)
_CANT_STOP_RE = re.compile(r"\b(?:can'?t|cannot|can\s+not|couldn'?t|could\s+not)\s+(?:stop|help)\s+(?:but\s+)?"
                           # "he hasn't stopped frowning since breakfast": still frowning
                           r"|\b(?:hasn'?t|haven'?t|hadn'?t|has\s+not|have\s+not|had\s+not|never)\s+(?:once\s+|yet\s+)?stopped\s+(?=[a-z]+ing\b)", re.I)
#: Two negations that cancel (litotes): "I can't say I didn't laugh", "I wouldn't pretend she wasn't annoyed" -- a
#: claim denied that something did not happen says it did
_NEG_AUX = r"(?:can'?t|cannot|can\s+not|couldn'?t|could\s+not|won'?t|will\s+not|wouldn'?t|would\s+not|don'?t|do\s+not|didn'?t|did\s+not)"
_NOT_SAY_NOT_RE = re.compile(
    _NEG_AUX + r"\s+(?:honestly\s+|really\s+)?(?:say|pretend|claim|tell\s+you)\s+(?:that\s+)?"
    r"(i|she|he|we|they|you|it|\w+)\s+(?:didn'?t|did\s+not|wasn'?t|was\s+not|isn'?t|is\s+not|doesn'?t|does\s+not|don'?t|do\s+not"
    r"|weren'?t|were\s+not|hadn'?t|had\s+not|wouldn'?t|would\s+not)\s+", re.I)
#: "can't deny she smiled", "couldn't deny that he was pleased": what is not denied is so
_CANT_DENY_RE = re.compile(_NEG_AUX + r"\s+deny\s+(?:that\s+)?", re.I)
_TRY_NOT_RE = re.compile(r"\btr(?:y|ies|ying|ied)\s+(?:(?:very|really|so|so very|extremely|desperately)\s+)?(?:hard\s+)?not\s+to\b", re.I)
#: "tries not to laugh and fails", "tried not to cry but failed miserably", "tries and fails not to grin": the attempt
#: did not hold, so what it was against shows (the try is dropped, "completely" kept)
_FAILED_TRY_RE = re.compile(
    r"\btr(?:y|ies|ying|ied)\s+(?:(?:very|really|so|desperately)\s+)?(?:hard\s+)?(?:(?:her|his|their|my)\s+best\s+)?not\s+to\s+"
    r"([a-z' ]{2,40}?)\s*,?\s+(?:and|but)\s+(?:(?:she|he|they|i|we|you)\s+)?(?:fails?|failed|failing)\b"
    r"|\btr(?:y|ies|ied)\s+and\s+fail(?:s|ed)?\s+not\s+to\s+([a-z']+)", re.I)
#: "his brow clears", "the frown cleared": the look smooths out (not 'clear' the intensity word of "a clear smile")
_LOOK_CLEARS_RE = re.compile(r"\b(brows?|eyebrows?|forehead|face|frown|scowl|expression|look)\s+(?:slowly\s+|quickly\s+|suddenly\s+)?"
                             r"(?:clears|cleared|clearing|clear)\b(?!\s+(?:of|from|as|that)\b)", re.I)
#: "nothing about her face says happy", "nothing in his eyes suggested fear": the feeling is denied
_NOTHING_SAYS_RE = re.compile(r"\bnothing\s+(?:about|in|on)\s+(?:her|his|their|the|my|your)\s+(?:face|expression|look|eyes|features|manner|smile)\s+"
                              r"(?:says|said|reads|read|suggests|suggested|looks|looked|screams|screamed|shows|showed)\s+", re.I)
#: "she isn't crying, but she's close", "he's not laughing yet, but he's close": near to it
_BUT_CLOSE_RE = re.compile(
    r"\b(?:isn'?t|is\s+not|wasn'?t|was\s+not|aren'?t|are\s+not|not)\s+([a-z]+ing)(?:\s+yet)?\s*,?\s+but\s+(?:(?:she|he|they|i|you|we|it)"
    r"(?:'s|\s+is|\s+was|'re|\s+are|'m|\s+am)|(?:she|he|they|it)s)\s+(?:so\s+|very\s+|really\s+|pretty\s+|dangerously\s+)?close\b", re.I)
#: "She looks thrilled. Not.", "he's SO happy... NOT": a trailing "not" takes the feeling back (sarcasm)
_SARCASTIC_NOT_RE = re.compile(
    r"\b(look|looks|looked|is|are|am|was|were|seem|seems|seemed|feel|feels|felt|'s|'re|'m)\s+((?:so\s+|very\s+|really\s+|totally\s+|super\s+)?"
    r"[a-z]+)\s*(?:[.!,\u2026]+|\s-+|\s\u2014)\s*not\s*[.!]*\s*$", re.I)
#: "she doesn't smile, but her eyes do", "he isn't laughing, but his eyes are": the eyes do what the mouth does not
_EYES_DO_RE = re.compile(
    r"\b((?:doesn'?t|does\s+not|didn'?t|did\s+not|isn'?t|is\s+not|wasn'?t|was\s+not|won'?t|will\s+not|not)\s+(smil|laugh|grin)\w*"
    r"\s*,?\s+but\s+(?:(?:her|his|their|my|your|the)\s+)?eyes)\s+(?:do|does|did|are|were|is|was|will)\b(?=\s*(?:[.,;:!?)\u2014-]|$)|\s+(?:and|though|too|instead|anyway)\b)", re.I)
#: "tries her best not to laugh", "doing his hardest not to smile": held back, as "trying not to"
_BEST_NOT_RE = re.compile(
    r"\b(?:tr(?:y|ies|ying|ied)|do|does|doing|did)\s+(?:(?:her|his|their|my|your|our)\s+)?(?:very\s+|level\s+|absolute\s+)?"
    r"(?:best|hardest|utmost)\s+not\s+to\b",
    re.I,
)
#: "as surprised as a person can possibly be", "as happy as anyone could be", "as angry as humanly possible":
#: the feeling at its most
_AS_MUCH_AS_ONE_CAN_RE = re.compile(
    r"\bas\s+([a-z]+)\s+as\s+(?:(?:a\s+(?:person|human(?:\s+being)?|face|man|woman|body)|anyone|anybody|one|someone|somebody"
    r"|(?:she|he|they|i|you|we|it))\s+(?:can|could|will\s+ever|would\s+ever)\s+(?:possibly\s+|ever\s+)?(?:be|get|look|go)\b"
    r"|(?:is\s+)?humanly\s+possible\b|can\s+be\b|it\s+gets\b|they\s+come\b)",
    re.I,
)
#: "a mock-offended gasp", "faux-surprised", "in mock horror": a feeling played, read as the feeling (not as mockery)
_MOCK_RE = re.compile(r"\b(?:mock|faux|pretend|fake)[\s-]+(?=(?:offended|outraged|horror|horrified|surprise|surprised|shock|shocked"
                      r"|indignant|indignation|innocent|innocence|anger|angry|fear|afraid|terror|terrified|sad|sadness|dismay|hurt)\b)", re.I)
#: "a hundred percent", "one hundred per cent": all of it
_HUNDRED_PERCENT_RE = re.compile(r"\b(?:a|one)\s+hundred\s+(?:percent|per\s+cent)\b", re.I)
#: "as wide as they go", "as far as it will go", "as hard as possible": the most there is
#: "brows all the way up", "tips his head all the way back", "jaw all the way down": as far as it goes, in that direction
#: (the direction is the movement; "all the way" alone only says how far)
_ALL_THE_WAY_RE = re.compile(r"\ball\s+(?:the\s+)?way\s+(up|down|back|forward|open|out|in|over|left|right|round|around)\b", re.I)
#: "a smile all the way up to the eyes": how far it reaches, not a look up
_UP_TO_THE_EYES_RE = re.compile(r"\ball\s+(?:the\s+)?way\s+up\s+(?=to\s+(?:the|her|his|their|my|your)\s+(?:eyes|ears)\b)", re.I)
#: "looking straight down", "eyes straight up", "head straight back": 'straight' only sharpens the direction (the
#: gaze is not on the camera, as in "straight ahead", "straight at the lens")
_STRAIGHT_DIRECTION_RE = re.compile(
    r"\b((?:look|stare|star|gaz|glanc|peer|peek|eye|gaze|head|chin|face)\w*)\s+straight\s+(?=(?:up|down|left|right|back|sideways|over)\b)", re.I)
_AS_FAR_AS_RE = re.compile(
    r"\bas\s+(far|wide|big|hard|high|much|tight|tightly|long|open|low|deep|deeply|widely)\s+as\s+"
    r"(?:possible|(?:they|it|she|he|i|you|we)(?:'ll|\s+will|\s+would|\s+can|\s+could)?\s+(?:go|goes|went|get|gets|can|could|will|would|manage)\w*)",
    re.I,
)


#: An option asked and turned down ("Shark smile? No. Neutral face."): the question is not the face.
_REJECTED_RE = re.compile(
    r"(?:^|(?<=[.!?;]))[^.!?;]*\?\s*(?:no+|nope|nah|not really|not quite|not that|no way)\s*(?:[.!,;:\-\u2014]+|$)", re.I
)


#: Feelings ranked against each other: "not so much angry as hurt", "less anger than hurt", "less than
#: thrilled", "more hurt than angry": the feeling ranked lower is not the face's (read as negated)
_NOT_SO_MUCH_RE = re.compile(r"\bnot\s+so\s+much\s+((?:a|an|the)\s+)?([a-z]+)\s+as\b", re.I)
#: (not a feeling less than it was: "less happy than before" is the same feeling, smaller; see round 6's rewrites)
#: "than before", "than a minute ago", "than at the party", "than usual", "than she was": another time or occasion
_THAN_BEFORE = (r"(?:before|earlier|usual|normal|expected|yesterday|(?:the\s+)?last\s+(?:time|scene|shot|take|night|week|one)"
                r"|(?:a|an|one|two|three|a\s+few|few|some|several)\s+(?:moments?|seconds?|minutes?|hours?|days?|weeks?|while|bit|beat)\s+ago"
                r"|(?:when|while|during|after|at|in)\s"
                r"|(?:she|he|they|i|we|you)(?:\s+(?:was|were|used\s+to\s+be|expected|thought|had\s+been|did)|'d\s+(?:been|expected|thought)))\b")
_LESS_X_THAN_RE = re.compile(r"\bless\s+([a-z]+)\s+than\b(?!\s+" + _THAN_BEFORE + ")", re.I)
_LESS_THAN_X_RE = re.compile(r"(?<!nothing\s)(?<!no\s)\bless\s+than\s+([a-z]+)\b", re.I)
_MORE_X_THAN_Y_RE = re.compile(r"(?:\b(slightly|a\s+(?:little|bit|touch|tad|shade)|somewhat|marginally|just)\s+)?\bmore\s+([a-z]+)\s+than\s+([a-z]+)\b",
                               re.I)


def _feeling(word: str) -> bool:
    from .facs import EMOTION_WORDS

    return word.lower() in EMOTION_WORDS


def _ranked_feelings(s: str) -> str:
    # the feeling ranked lower is negated as "not at all": a plain "not amused" would be read later as understatement
    # (displeasure kept in check), which "more surprised than amused" does not say
    s = _NOT_SO_MUCH_RE.sub(lambda m: f"not at all {m.group(1) or ''}{m.group(2)} , ", s)
    s = _LESS_X_THAN_RE.sub(lambda m: f"not at all {m.group(1)} , " if _feeling(m.group(1)) else m.group(0), s)
    s = _LESS_THAN_X_RE.sub(lambda m: f"not {m.group(1)}" if _feeling(m.group(1)) else m.group(0), s)
    return _MORE_X_THAN_Y_RE.sub(_ranked_pair, s)


def _ranked_pair(m: re.Match) -> str:
    """"more hurt than angry": the first feeling, not the second; "slightly more surprised than amused": both show,
    the second a little (the small degree measures the gap between them, not the first feeling)."""
    small, first, second = m.group(1), m.group(2), m.group(3)
    if not (_feeling(first) and _feeling(second)):
        return m.group(0)
    return f"{first} , a little {second}" if small else f"{first} , not at all {second}"


def _level_word(x: float) -> str:
    return " " + min(_PERCENT_WORDS, key=lambda lw: abs(lw[0] - x))[1] + " "


#: "i'm dying", "i'm dead", "literally crying" beside a laugh cue: internet laughter, laughing hard
_LAUGH_CUE_RE = re.compile(r"\b(?:lo+l|lmf?a+o+|rofl|(?:ha){2,}|(?:he){2,}|ja(?:ja)+)\b|[\U0001F602\U0001F923\U0001F480\U0001F639]", re.I)
_DYING_RE = re.compile(r"\b(?:i'?m|i\s+am|im|i\s+was|we'?re|literally)\s+(?:literally\s+|actually\s+|so\s+)?"
                       r"(?:dying|dead|ded|deceased|screaming|wheezing|crying|weak|on\s+the\s+floor)\b", re.I)
#: wheezing beside a laugh cue ("wheezing so hard nothing comes out lmaooo"): the cue says it is laughter
_WHEEZE_RE = re.compile(r"\bwhe+z\w*", re.I)  # (a slip as typed: "whezeing")
#: ... unless the line gives the body a reason to wheeze
_EXERTION_RE = re.compile(r"\b(?:stairs|steps|hill|climb\w*|run|runs|ran|running|jog\w*|sprint\w*|race|marathon|gym|workout|"
                          r"exert\w*|asthma\w*|inhaler|smoke|smoky|cough\w*|cold|flu|allerg\w*|dust)\b", re.I)
#: "she almost smiles", "nearly a grin": a trace of it
_ALMOST_RE = re.compile(r"\b(?:almost|nearly|all\s+but)\s+(?:a\s+|an\s+)?(?=(?:smil|grin|laugh|smirk|frown|winc|cr(?:y|ie)|sob|giggl|chuckl)\w*)", re.I)
#: "she looks almost amused", "nearly angry": the feeling short of itself, somewhat
_ALMOST_FEELING_RE = re.compile(r"\b(?:almost|nearly)\s+(?=([a-z]+)\b)", re.I)
#: "he'd normally crack up at that, but ...", "she wanted to laugh but ...": a movement that does not happen
_WOULD_HAVE_RE = re.compile(
    r"\b(?:would\s+have|would've|'d\s+have|could\s+have|could've|might\s+have|might've|wanted\s+to|wants\s+to|want\s+to|would\s+normally|'d\s+normally|normally\s+would|"
    r"used\s+to|is\s+about\s+to|was\s+about\s+to)\s+(?=[a-z]+[^.;]*?\bbut\b)", re.I)
#: "too many times to be shocked anymore", "too tired to smile": what follows does not happen
_TOO_TO_RE = re.compile(r"\b(too\s+[^,.;:]{1,30}?\s+to)\s+(?:even\s+)?(?:(?:be|get|feel|look)\s+(?=[a-z]+)|(?=(?:smil|grin|laugh|cr(?:y|ie)|frown|giggl|chuckl|sob)))", re.I)
#: "a kind of tired emptiness", "the ugly kind", "sort of": a hedge or a noun, not the feeling "kind" (tender)
#: "kind of happy" hedges; "the kind of smile you give a dentist", "that sort of look" names a type of thing
_KIND_OF_RE = re.compile(r"\b(?:kind|sort)\s+of\b", re.I)
_THE_KIND_RE = re.compile(r"\b(the|that|this|same|what|which)\s+kind\b(?=\s+(?:of|you|one|people|we|they|i|he|she|that|which)\b)", re.I)
_KIND_NOUN_RE = re.compile(r"\b(?:the|that|this|a|an|same|other|wrong|right)\s+(?:[a-z]+\s+)?kind\b(?=\s*(?:[,.;:!?)\u2014-]|$))", re.I)
#: "she looks him dead in the eye", "looks the invigilator straight in the eyes": a steady look straight
#: at the other person ('dead' is not the eyes' life; train: gaze held, lids open)
_IN_THE_EYE_RE = re.compile(
    r"\b(look|stare|star|gaz|glar)(\w*)\s+((?:(?:him|her|them|me|you|us|it)|(?:the|his|her|their|my|your|a|an)\s+[a-z]+)\s+)"
    r"(?:(?:dead|straight|square|squarely|right|directly|full)\s+)?in\s+the\s+eyes?\b", re.I)
#: "squinting way off to the right", "staring off to her left": the side is where the eyes look
_EYES_TO_SIDE_RE = re.compile(
    r"\b((?:squint|glar|peer)\w*)\b([^,.;:]{0,20}?)\s+(?:off\s+)?(?:to|toward|towards)\s+(?:the|her|his|their|my)\s+(left|right)\b", re.I)


#: "L brow 80%", "lids 40%, nothing else": a part given only a percentage makes its usual movement, as with "brow .8"
_PART_PERCENT_RE = re.compile(
    r"\b(" + "|".join(k for k, a in _LEVEL_PART_ACTION.items() if a) + r")\s+(?:@\s*|at\s+)?(\d{1,3})\s*(?:%|percent\b|per\s+cent\b)"
    r"(?=\s*(?:$|[,;+)/.!]|\s+(?:and|only)\b))", re.I)


def _percent_words(m: re.Match) -> str:
    """"smile 30%" -> "smile slightly": the intensity word nearest the percentage."""
    return _level_word(min(int(m.group(1)), 100) / 100.0)


def _leveled(word: str, x: float) -> str:
    """``word`` (the word a level follows) with its movement, if it is a part that has one, and the level's intensity
    word after both ("jaw .3" -> "jaw open slightly", "brow R up 40" -> "brow R up slightly": not between a side and
    its part, where the side was lost); a side letter keeps the level before it ("squint eyes r .5")."""
    action = _LEVEL_PART_ACTION.get(word.lower(), "")
    if word.lower() in ("l", "r", "left", "right"):
        return f"{_level_word(x).strip()} {word}"
    return f"{word}{' ' + action if action else ''} {_level_word(x).strip()}"


def _number_levels(s: str) -> str:
    """Levels written as numbers ("jaw .3", "lip up 50", "8/10") -> the nearest intensity word."""
    s = _SETTLE_AT_RE.sub("", s)
    s = _OUT_OF_TEN_RE.sub(lambda m: _leveled(m.group(1), int(m.group(2)) / 10.0) if int(m.group(2)) <= 10 else m.group(0), s)
    s = _DECIMAL_RE.sub(lambda m: _leveled(m.group(1), float(m.group(2))), s)
    s = _PART_TWO_DIGIT_RE.sub(lambda m: _leveled(m.group(1), int(m.group(3)) / 100.0) if not m.group(2) else
                               f"{m.group(1)} {_SIDE_WORD.get(m.group(2).lower(), m.group(2))} {_LEVEL_PART_ACTION.get(m.group(1).lower(), '')} "
                               f"{_level_word(int(m.group(3)) / 100.0).strip()}", s)
    return _ROUND_LEVEL_RE.sub(lambda m: _leveled(m.group(1), int(m.group(2)) / 100.0), s)


#: FACS codes written without "AU", as coders write them: a list joined by "+" ("1+2+5B", "6+12"), a
#: unilateral code ("L12", "R14A"), or a note made only of codes and sides ("43E L only", "12C R"). A lone
#: number is never a code, nor one in prose ("a 2D look"), nor a number FACS does not define.
_BARE_AU_LIST_RE = re.compile(r"(?<![\w.+])(\d{1,2}[A-E]?(?:\s*\+\s*\d{1,2}[A-E]?)+)(?![\w.+])")
_BARE_AU_SIDED_RE = re.compile(r"(?<![\w.+])([LR])(\d{1,2}[A-E]?)(?![\w.+])")
_BARE_AU_LEVEL_RE = re.compile(r"(?<![\w.+])(\d{1,2}[A-Ea-e])(?![\w.+])")
_CODE_NOTE_RE = re.compile(r"^(?:\s|[,;:+/()\-]|\b(?:AUs?|[LR]?\d{1,2}[A-Ea-e]?|l|r|left|right|only|side|both|bilateral|and)\b)*[.!]?\s*$",
                           re.IGNORECASE)
#: A code in a longer note, known by its intensity letter or its side letter ("1E — inner brows up", "7C R, L eye
#: open", "24L + 14L, R side loose", "l10c + l9b"); the side letter after a number is a capital ("24L"), and a
#: number alone never reads as a code here
_BARE_AU_CODED_RE = re.compile(
    r"(?<![\w.+/@~\-'])(?P<pre>[LRlr])?(?P<n>\d{1,2})(?P<lvl>[A-Ea-e])?(?P<post>[LR])?(?![\w.+%/'\-])")
#: A note that opens on a code, then its side, "only" or a level ("10 only - upper teeth", "9 on L only",
#: "43 L @ .5", "18 @ 100%", "28 upper only")
_BARE_AU_LEAD_RE = re.compile(
    r"^\s*(\d{1,2})(?=\s*(?:only\b|@|\+\s*\d|w/o\b|bilat|both\b|(?:on\s+)?[LR]\b|(?:upper|lower)\s+only\b))", re.IGNORECASE)
#: "AU9L only", "AU12R + AU14R": a code written with "AU" and a side letter after it, as FACS coders mark a
#: unilateral action
_AU_SIDE_SUFFIX_RE = re.compile(r"\b(AU\s*\d{1,2}[A-Ea-e]?)([LRlr])\b", re.IGNORECASE)
_BARE_AU_DENIED_RE = re.compile(r"\b(no|w/o|without|not)\s+(\d{1,2})\b(?![.%/]\d|\s*(?:%|percent|/))", re.IGNORECASE)


def _bare_au(s: str) -> str:
    """Bare FACS codes ("1+2+5B", "L12", "43E L only") written as "AU" codes for :data:`_AU_RE`."""
    if not any(c.isdigit() for c in s):  # every code has a number: most descriptions stop here
        return s

    def known(codes: str) -> bool:
        return all(int(n) in AU_TABLE for n in re.findall(r"\d{1,2}", codes))

    s = _AU_SIDE_SUFFIX_RE.sub(
        lambda m: f"{m.group(1)} {'left' if m.group(2) in 'Ll' else 'right'} ," if known(m.group(1)) else m.group(0), s)
    s = _BARE_AU_LIST_RE.sub(lambda m: f"AU{m.group(1)}" if known(m.group(1)) else m.group(0), s)
    s = _BARE_AU_SIDED_RE.sub(
        lambda m: f"AU{m.group(2)} {'left' if m.group(1) == 'L' else 'right'}" if known(m.group(2)) else m.group(0), s)
    if _CODE_NOTE_RE.match(s):
        s = _BARE_AU_LEVEL_RE.sub(lambda m: f"AU{m.group(1)}" if known(m.group(1)) else m.group(0), s)
    before = s

    def coded(m: re.Match) -> str:
        side = (m.group("pre") or m.group("post") or "").upper()
        number, level = m.group("n"), m.group("lvl") or ""
        if not known(number) or (not level and not side) or (level.upper() == "D" and number in ("2", "3") and not side):
            return m.group(0)  # "a 2D look", "3D glasses": a dimension, not a code
        return f"AU{number}{level}" + {"L": " left", "R": " right"}.get(side, "")

    s = _BARE_AU_CODED_RE.sub(coded, s)
    s = re.sub(r"(AU\d{1,2}[A-Ea-e]? (?:left|right))\s*\+", r"\1 ,", s)  # "24L + 14L": each code keeps its side
    s = _BARE_AU_LEAD_RE.sub(lambda m: f"AU{m.group(1)}" if known(m.group(1)) else m.group(0), s)
    if s != before:  # a note written in codes: "no 12", "w/o 25" deny a code too
        s = _BARE_AU_DENIED_RE.sub(lambda m: f"{'without' if m.group(1).lower() == 'w/o' else m.group(1)} AU{m.group(2)}" if known(m.group(2)) else m.group(0), s)
    return s


_AU_LEVEL = {"a": "trace", "b": "slight", "c": "clearly", "d": "strongly", "e": "fully"}


def _au_words(m: re.Match) -> str:
    """"AU1+2+26" -> " aub auc auca " (FACS codes spelled as letters the lexicon knows, a=0 ... j=9);
    an intensity letter A-E becomes an intensity word before its code."""
    out = []
    for code in re.findall(r"(\d{1,2})([A-Ea-e]?)", m.group(1)):
        number, level = code
        word = "au" + "".join(chr(ord("a") + int(d)) for d in str(int(number)))
        out.append(f"{_AU_LEVEL[level.lower()]} {word}" if level else word)
    return " " + " , ".join(out) + " "


def _au_side_words(m: re.Match) -> str:
    """"AU9+10 right side only" -> each code with the side after it ("auj right , auba right")."""
    side = m.group(2).lower()
    return " , ".join(f"{w.strip()} {side}" for w in _au_words(m).split(" , ")) + " "


#: One line of a screenplay: an optional CHARACTER NAME, a parenthetical, then what is said ("(deadpan) I
#: love it."). Spoken when it opens as speech does (I, you, we, yes, oh ...) and names no part of the face.
_PAREN_LINE_RE = re.compile(
    r"^\s*(?P<name>[A-Z][A-Z'\-]+(?:\s+[A-Z][A-Z'\-]+){0,2}\s*:?\s*)?(\([^()]{0,80}[A-Za-z]{2}[^()]{0,80}\))\s*(?P<line>[^()]+?)\s*$")
#: a pronoun in capitals is no character's name ("SHE (QUIETLY) LAUGHS" is a description typed in capitals)
_CAPS_PRONOUN_RE = re.compile(r"^\s*(?:HE|SHE|THEY|I|WE|YOU|IT|HIS|HER|THEIR)\b")
#: what makes the words after a name in capitals stage directions, not dialogue ("EEEEE (feedback) flinch → laugh")
_STAGEY_RE = re.compile(r"\b" + _EXPRESSION_FORMS + r"\b|\b(?:flinch|gasp|sigh|grimac|shrug)\w*|\u2192|->|=>", re.IGNORECASE)
#: (a parenthetical has words: "(⊙_⊙) what did I just watch" is an emoticon and a reaction, both read)
_SPOKEN_RE = re.compile(
    r"^[\"'\u201c]?(?:i|i'm|i'll|i've|i'd|you|you're|you've|we|we're|we'll|me|my|your|our|it's|that's|this|don't|can't|"
    r"yes|yeah|no|nope|oh|ah|well|please|thanks|thank|sorry|hey|hi|hello|okay|ok|sure|fine|really|what|why|how|who|where|"
    r"great|good|nice|lovely|perfect|wonderful|brilliant|fantastic|whatever|right|wow|huh|hmm|um|uh|mm|listen|look|come|"
    r"let's|he's|she's|they're|there's|here's|of\s+course|never\s+mind)\b",
    re.IGNORECASE)
_BODY_WORD_RE = re.compile(r"\b(?:face|head|brows?|eyebrows?|eyes?|lids?|gaze|mouth|lips?|jaw|chin|cheeks?|nose|teeth|tongue|"
                           r"smiles?|smiling|frowns?|frowning|looks?|looking|glances?|nods?|shakes?|winks?)\b", re.IGNORECASE)


def _reads_as_dialogue(line: str) -> bool:
    """Whether the words after a character's name and a parenthetical are a line of dialogue: they start as a sentence
    does (a capital or a quote), are not in capitals throughout, and are no stage direction ("smirks", "she swallows
    hard", "Glares at her", "flinch → laugh")."""
    first = re.match(r"[\"'\u201c\u2018]?([A-Za-z'-]+)", line)
    if not first or not line.lstrip("\"'\u201c\u2018")[:1].isupper() or not re.search(r"[a-z]", line) or _STAGEY_RE.search(line):
        return False
    word = first.group(1).lower()
    if word in ("she", "he", "they", "it", "his", "her", "their", "then"):
        return False
    vocabulary = _lexicon_words()
    return not (word.endswith("s") and (word[:-1] in vocabulary or (word.endswith("es") and word[:-2] in vocabulary)))


def screenplay(text: str) -> str:
    """A screenplay block (CHARACTER NAME, a parenthetical, a line of dialogue): the parentheticals
    describe the face; the name and the dialogue (whose words are not stage directions) are dropped.
    The same on one line: "SARAH (deadpan) I love it." reads as "(deadpan)"."""
    if "\n" not in text:
        m = _PAREN_LINE_RE.match(text)
        # after a character's name in capitals ("JOHN (through a mouthful of cake) Mmm-hmm."), a line in lower case is
        # the dialogue whatever its first word; without a name, the line must start as speech does
        # (a word in capitals before the parenthetical may be a description's own: "CONTEMPT (max), L side")
        named = bool(m and m.group("name") and not _CAPS_PRONOUN_RE.match(text) and not re.search(r"(.)\1\1", m.group("name")))
        if m and (named and _reads_as_dialogue(m.group("line")) or _SPOKEN_RE.match(m.group("line"))) and not _BODY_WORD_RE.search(m.group("line")):
            return m.group(2)
        return text
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) < 2 or not _SCREENPLAY_NAME_RE.match(lines[0]):
        return text
    out = [ln.strip() for ln in lines[1:] if ln.strip().startswith("(")]
    return " , ".join(out) if out else text


_UP_ARROW_RE = re.compile("(?:[\u2191\u2b06\u21e7\u25b2]\ufe0f?\\s*)+")  # "\u2191\u2191": one "up"
_DOWN_ARROW_RE = re.compile("(?:[\u2193\u2b07\u21e9\u25bc]\ufe0f?\\s*)+")


def vertical_arrows(s: str) -> str:
    """An animator's up and down arrows as the words ("brows \u2191\u2191", "R brow \u2193 .5", "lip corners \u2193"); a
    sideways arrow stays a sequence ("A -> B": then)."""
    return _DOWN_ARROW_RE.sub(" down ", _UP_ARROW_RE.sub(" up ", s))


#: A rig channel's name typed without a value ("JawForward to the stop", "mouthFunnel, big", "rollLower"): its words
_RIG_WORD_RE = re.compile(r"\b(?:[Ee]ye|[Jj]aw|[Mm]outh|[Bb]row|[Cc]heek|[Nn]ose|[Tt]ongue|[Hh]ead|[Rr]oll)(?:[A-Z][a-z]+)+\b")


def _rig_words(m: re.Match) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", m.group(0)).lower()


@lru_cache(maxsize=4096)  # the planner reads a text's normalised form twice (its tokens, its phrase checks)
def normalize(text: str) -> str:
    """Typed text -> plain lower-case words the planner reads.

    Emoji and emoticons become expression words (:data:`EMOJI`, :data:`EMOTICONS`); internet shorthand
    and informal spellings are spelled out (:data:`SHORTHAND`); letters repeated three times or more are
    squeezed ("sooo" -> "so", "happyyy" -> "happy"); screen directions are turned into the face's own
    sides ("camera left" -> "right"); ellipses and arrows become clause breaks; the text is case-folded.
    """
    s = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = _RIG_WORD_RE.sub(_rig_words, s)
    if "(" in s:
        s = screenplay(s)
    if any(ord(c) > 0x2000 for c in s):
        for emo in sorted((e for e in EMOJI if e in s), key=len, reverse=True):
            s = re.sub(r"\b(?:not|no|never|without)\s+" + re.escape(emo), " , ", s, flags=re.I)  # "not 😂": denied, dropped
            s = s.replace(emo, _sign(s.replace(emo, " "), EMOJI[emo]))
        s = re.sub("[\ufe0f\u200d\U0001F3FB-\U0001F3FF]", "", s)
        s = _OTHER_PICTOGRAPH_RE.sub(" , ", s)  # "didnt flinch <syringe> ok my eye twitched": an emoji with no reading ends a clause
        s = vertical_arrows(s)
    s = _SIDE_REJECTED_RE.sub(lambda m: f" the {_OTHER_SIDE[m.group(1).lower()]} {m.group(2)} ", s)
    s = _REJECTED_RE.sub(" , ", s)
    s = _TARGET_SIDE_RE.sub(_target_side, s)
    s = _bare_au(s)
    s = _AU_SIDE_RE.sub(_au_side_words, s)
    s = _AU_RE.sub(_au_words, s)
    if _LAUGH_CUE_RE.search(s):
        s = _DYING_RE.sub(" laughing hard ", s)
        if not _EXERTION_RE.search(s):  # "wheezing after the stairs lol": out of breath, the "lol" the typist's
            s = _WHEEZE_RE.sub(" laughing hard ", s)  # "wheezing so hard nothing comes out lmaooo": laughing past sound
    s = _ALMOST_RE.sub("barely ", s)
    s = _ALMOST_FEELING_RE.sub(lambda m: "somewhat " if _feeling(m.group(1)) else m.group(0), s)
    s = _WOULD_HAVE_RE.sub(" not ", s)
    s = _TOO_TO_RE.sub(lambda m: f"{m.group(1)} not ", s)
    s = _THE_KIND_RE.sub(r"\1 type", s)  # "the kind of smile you give a dentist": a type of thing, not a hedge or kindness
    s = _KIND_OF_RE.sub("somewhat", s)
    s = _KIND_NOUN_RE.sub(lambda m: m.group(0)[: -len("kind")], s)
    s = _IN_THE_EYE_RE.sub(lambda m: f"{m.group(1)}{m.group(2)} steadily at {m.group(3)}, eye contact", s)
    s = _EYES_TO_SIDE_RE.sub(lambda m: f"{m.group(1)}{m.group(2)} , eyes to the {m.group(3)}", s)
    s = _MOCK_RE.sub("", s)
    s = _HEDGED_PERCENT_RE.sub("", s)
    s = _HUNDRED_PERCENT_RE.sub("fully", s)
    s = _PART_PERCENT_RE.sub(lambda m: _leveled(m.group(1), min(int(m.group(2)), 100) / 100.0), s)
    s = _PERCENT_RE.sub(_percent_words, s)
    s = _number_levels(s)
    s = _ranked_feelings(s)
    s = _LAUGH_TILL_CRY_RE.sub("laughing so hard", s)
    s = _UNTIL_RESULT_RE.sub(" completely", s)
    s = _NOTHING_SAYS_RE.sub(" not ", s)
    s = _BUT_CLOSE_RE.sub(lambda m: f" on the verge of {m.group(1)}", s)
    s = _LOOK_CLEARS_RE.sub(r"\1 smooths out", s)
    s = _SARCASTIC_NOT_RE.sub(lambda m: f"{m.group(1)} not {m.group(2)} .", s)
    s = _FAILED_TRY_RE.sub(lambda m: f" {m.group(1) or m.group(2)} ", s)
    s = _EYES_DO_RE.sub(lambda m: f"{m.group(1)} {m.group(2).lower()}{'e' if m.group(2).lower() == 'smil' else ''}", s)
    s = _TRY_NOT_RE.sub("trying not to", s)
    s = _BEST_NOT_RE.sub("trying not to", s)
    s = _STRAIGHT_DIRECTION_RE.sub(r"\1 ", s)
    s = _ALL_THE_WAY_RE.sub(r"\1 completely", _UP_TO_THE_EYES_RE.sub("all the way ", s))
    s = _AS_FAR_AS_RE.sub(lambda m: f" fully {'' if m.group(1).lower() in ('far', 'much') else m.group(1)} ", s)
    s = _AS_MUCH_AS_ONE_CAN_RE.sub(lambda m: f" fully {m.group(1)} ", s)
    s = _EMOTICON_REPEAT_RE.sub(lambda m: m.group(1), s)  # ":DDD" -> ":D", ":(((" -> ":("
    if _EMOTICON_RE.search(s):
        rest = _EMOTICON_RE.sub(" ", s)  # the words beside the emoticons, read once
        s = _EMOTICON_RE.sub(lambda m: _sign(rest, EMOTICONS[m.group(1)]), s)
    if re.search("[a-z]", s) and not _MOSTLY_CAPS(s):  # a word in capitals among lower-case ones is stressed: "a BIG smile"
        s = _OFF_SCREEN_RE.sub(" ", s)  # "MIKE (O.S.) shouts her name.": another character's line, not this face
        s = _CUE_NAME_RE.sub(lambda m: m.group(1).title(), s)  # "DETECTIVE REYES leans in": a name, not stress
        # (not a state switched in a note: "smile OFF", "brow furrow OUT")
        s = _CAPS_WORD_RE.sub(lambda m: m.group(0) if m.group(0) in ("OFF", "OUT") else f"very {m.group(0)}", s)
    s = _observed(s)
    s = _DENIED_QUESTION_RE.sub(lambda m: f"{m.group(1)}not {m.group(2)} . ", s)
    s = _NOT_CALM_RE.sub(" agitated ", s)  # before 'anything but' becomes 'not'
    s = re.sub(r"\banything\s+but\b", "not", s, flags=re.I)  # "anything but surprised", "Anything but pleased": not
    # "less a frown than a squint", "not so much laughing as wheezing": the second is what the face does, not the first
    # "she doesn't so much smile as bare her teeth" (a laugh that is "more a bark" is still a laugh: train keeps its smile)
    s = re.sub(r"n['\u2019]t\s+so\s+much\b(?!\s+(?:laugh|chuckl|giggl|cackl|snicker|titter))", " not so much", s, flags=re.I)
    s = _LESS_THAN_RE.sub(lambda m: f"{m.group(1) or ''}not {m.group(2) or m.group(3)} , ", s)
    # "grinning like mad", "blinking like crazy": how much, not a feeling
    s = re.sub(r"\blike\s+(?:mad|crazy|hell|anything|nobody'?s\s+business)\b", " extremely ", s, flags=re.I)
    s = _NOT_WATCHING_RE.sub(" , ", s)
    s = _STILL_RE.sub(" ", s)
    s = _FIXED_TO_SIDE_RE.sub(lambda m: f", eyes {m.group(1)}to the {m.group(2).lower()}", s)
    s = _IT_DOESNT_RE.sub(r"\1 it is gone", s)
    s = _ONE_TIME_RE.sub(r"a \1", s)  # "one second", "for one beat": a time, not one side
    s = _ARROW_RE.sub(" , then ", s)
    s = _ELLIPSIS_RE.sub(" , then ", s)
    s = s.casefold()
    s = _MUST_NOT_RE.sub("trying not to ", s)  # after case folding: "CAN'T LAUGH" is not a word in capitals among others
    s = _CANT_STOP_RE.sub("", s)
    s = _NOT_SAY_NOT_RE.sub(r"\1 ", s)  # "can't say I didn't laugh": I laughed
    s = _CANT_DENY_RE.sub("", s)  # "can't deny she smiled": she smiled
    s = _CANT_HIDE_RE.sub(" clearly ", s)
    s = _OFF_FACE_RE.sub(r"\1", s)
    s = _REPEAT_RE.sub(lambda m: m.group(1) * 2 if m.group(1) in "eost" else m.group(1), s)
    words = re.split(r"([^\w']+)", s)
    if sum(1 for w in words if w and w[0].isalpha()) > 1:  # "tongue out lol": a tone marker, not a laugh
        words = ["" if w in _TONE_MARKERS else w for w in words]
    if any(w in _EXCLAMATIONS for w in words) and any(_names_a_feeling(w) for w in words):
        words = ["" if w in _EXCLAMATIONS else w for w in words]  # "so angry omg": emphasis, not a second feeling
    if "skullemoji" in words and any(_names_a_feeling(w) or _FACE_PART_RE.match(w) for w in words):
        # the skull emoji is the typist's "I'm dead": laughter on its own ("i'm dead 💀"), a comment beside a face
        # the line describes ("bro is SEETHING 💀", "who farted 💀 nose all wrinkled": train keeps no laugh there)
        words = ["" if w == "skullemoji" else w for w in words]
    for k in range(0, len(words) - 2, 2):
        if words[k] == "r" and _r_is_are(words, k):
            words[k] = "are"  # "my lips r zipped", "u r so dramatic": the verb, not the right side
    s = "".join(SHORTHAND.get(w, w) if w and w[0].isalpha() else w for w in words)
    s = _OVER_THE_LENS_RE.sub(lambda m: f"{m.group(1)} slightly {'up' if m.group(2).lower() in ('over', 'above') else 'down'}", s)
    s = _SIDE_OF_FRAME_RE.sub(lambda m: f"frame {m.group(1)}", s)
    s = _SCREEN_SIDE_RE.sub(lambda m: " right" if m.group(1) == "left" else " left", s)
    s = _STAGE_SIDE_RE.sub(r" \1", s)  # after case folding: the side is already in lower case
    s = _PAST_LENS_RE.sub(" ", s)
    s = _SIDE_GLOSS_RE.sub(lambda m: " " + m.group(1), s)
    s = _OWN_SIDE_RE.sub(lambda m: " " + m.group(1), s)
    s = _EYES_FOLLOW_RE.sub(lambda m: f"{m.group(1)}eyes {m.group(2)}", s)
    s = _THAT_WAY_RE.sub(lambda m: _that_way(m, s), s)
    s = _HEAD_ROLL_RE.sub(lambda m: f"{m.group(1)} , head tilt " if m.group(1) else "head tilt ", s)
    s = _NOT_JUST_RE.sub(" , ", s)
    s = _SHOULDER_COMPOUND_RE.sub(lambda m: f"{m.group(2)} over {m.group(1)} shoulder", s)
    s = _SHOULDER_RE.sub(lambda m: f"{m.group(1)} shoulder to the {m.group(2)}", s)
    s = _FALL_ON_SHOULDER_RE.sub(r"\1tilted", s)
    s = _TILT_SHOULDER_RE.sub(lambda m: f" tilt to the {m.group(1)}", s)
    s = _RIGHT_ADVERB_RE.sub(_right_adverb, s)
    s = _HELD_FORWARD_RE.sub(r"\1", s)
    s = _SILENT_RE.sub(" , ", s)
    s = _AIR_IN_CHEEKS_RE.sub(lambda m: f"{m.group(1) or ''} {m.group(2)} puffed", s)
    s = _IN_THE_CHEEK_RE.sub("on ", s)
    s = _FROM_UNDER_BROWS_RE.sub(" glare up ", s)
    s = round5_rewrites(s)
    s = round6_rewrites(s)
    s = round15b_rewrites(s)
    s = _listed_looks(s)
    return re.sub(r"[ \t]+", " ", s).strip()


# --------------------------------------------------------------------------- looks listed without commas

_LIST_PART = r"(?:eyes|eye|lids|lid|eyelids|eyelid|brows|brow|eyebrows|eyebrow|mouth|lips|lip|jaw|nose|nostrils|cheeks|chin|gaze)"
#: Words that stand before a part ("wide eyes", "pursed lips", "droopy lids") as well as after one ("eyes wide")
_LIST_ADJ = (r"(?:wide|wide-open|big|huge|narrowed|squinted|squinting|pursed|pressed|furrowed|knitted|raised|lowered"
             r"|droopy|drooping|heavy|hooded|lidded|half-closed|half-shut|half-open|closed|shut|open|parted|clenched|tight"
             r"|tense|teary|watery|glassy|puffed|flared|flaring|wrinkled|scrunched|crinkled|sleepy|slack|sad|worried)")
#: ... and words of size that stand before a look ("big frown", "tiny smile")
_LIST_SIZE = r"(?:big|huge|large|enormous|massive|small|tiny|little|slight|faint|soft|sad|crooked|lopsided|wry|thin)"
_LIST_LOOK = r"(?:smile|grin|frown|smirk|pout|scowl|sneer|grimace|yawn)"
_LIST_NEXT = rf"(?:{_LIST_ADJ}|{_LIST_SIZE})\s+(?:{_LIST_PART}|{_LIST_LOOK})s?\b"
#: "pressed lips wide eyes tiny smile": a line listing looks, each word before its part, without commas. A part with its
#: word before it ends a clause where the next such pair follows and that one ends the line, a clause, or is followed by
#: a third ("lips pressed chin tucks" is not such a list: its words come after their parts)
_LISTED_LOOKS_RE = re.compile(
    rf"\b((?:{_LIST_ADJ}|{_LIST_SIZE})\s+{_LIST_PART})(?=\s+{_LIST_NEXT}"
    rf"(?:\s*(?:$|[,.;:!?)\u2014]|-\s|(?:and|but|while|with|as)\b)|\s+{_LIST_NEXT}))")


def _listed_looks(s: str) -> str:
    """``s`` with a comma put where a line that lists looks without commas, each word before its part, goes on to the
    next ("droopy lids big frown" -> "droopy lids , big frown"; see :data:`_LISTED_LOOKS_RE`), so that the word
    between two parts is read with the part it stands before (not "lids .. big", wide eyes)."""
    return _LISTED_LOOKS_RE.sub(r"\1 ,", s)


# --------------------------------------------------------------------------- round 5 rewrites

_POSS = r"(?:her|his|their|my|your|one's|the)"
_OBJ = r"(?:him|her|them|me|us|you|it|each\s+other|the\s+\w+)"

#: Body parts that hurt: physical pain, not a person hurt inside
_HURTING_PARTS = frozenset({
    "ear", "ears", "tooth", "teeth", "molar", "head", "throat", "back", "neck", "eye", "eyes", "knee", "jaw", "ribs", "rib",
    "stomach", "tummy", "foot", "feet", "leg", "arm", "skin", "hand", "finger", "fingers", "toe", "shoulder", "chest", "lip",
    "lips", "nose", "forehead", "gum", "gums", "wrist", "ankle",
    # (and what is wrong with them: "the cut hurts", "the burn still hurts")
    "wound", "cut", "burn", "bruise", "blister", "graze", "scrape", "splinter", "sting", "injury", "stitches", "sprain",
})


def _physical_hurt(m: re.Match) -> str:
    """"Swallowing hurts", "my ear hurts", "turning it hurts", "it hurts to laugh": a body part or a movement that
    hurts is physical pain; "a laugh that hurts", "you could see it hurt" stay the hurt feelings they are."""
    subject, verb = m.group(1), m.group(2)
    before = m.string[: m.start()]
    after = m.string[m.end() :]
    gerund = subject.endswith("ing") and len(subject) > 4
    if subject == "it":
        gerund = bool(re.search(r"\b\w{2,}ing\s+$", before)) or (verb == "hurts" and bool(re.match(
            r"\s+to\s+(?!(?:see|watch|hear|think|say|admit|know|remember|look|leave|lose|let|tell|read|talk|lie|be|even|love|care|hope|go"
            r"|miss|feel)\b)\w", after)))
    if not (gerund or subject in _HURTING_PARTS):
        return m.group(0)
    if re.match(r"\s+(?:his|her|their|my|your|our|its|him|them|me|us)\b", after) or (
            subject in ("cut", "burn") and re.search(r"\b(?:pay|price|tax|budget|funding|job|wage|salary|spending|rate)\s+$", before)):
        return m.group(0)  # "that burn hurt his pride", "the pay cut hurts": no wound of the speaker's
    if re.search(r"\bso\s+\w+(?:\s+\w+){0,3}\s*$", before):
        return m.group(0)  # "smiling so hard it hurts", "so wide my cheeks hurt": a size, not pain
    return f"{subject} {'is' if verb == 'hurts' or subject not in ('it',) else 'was'} painful"


_EFFORT_PART_BEFORE_RE = re.compile(r"\b(?:eyes|eye|jaw|brows|brow|forehead|face|neck|voice|smile|grin|mouth|lips|gaze|ears|muscles|tendons)\s+$")
_EFFORT_NOT_AFTER_RE = re.compile(r"\s+(?:to\s+(?:hear|see|listen|catch|make|read|look|follow|keep\s+(?:her|his|their|my|your)\s+eyes)|upward|up\b|forward|toward|towards)")


def _bodily_effort(m: re.Match) -> str:
    """"He strains against the door", "Straining.": a face of effort, unless the straining is a part's
    own ("eyes straining upward") or the senses' ("straining to hear")."""
    before = m.string[max(0, m.start() - 20) : m.start()]
    if m.string.strip() == m.group(0):
        return m.group(0)  # the lexicon's own word ('strain' is a word of intensity there), read alone
    if (_EFFORT_PART_BEFORE_RE.search(before) or _EFFORT_NOT_AFTER_RE.match(m.string, m.end())
            or re.search(r"\b(?:with|\w+ing)\s+$", before)):  # "chewing strain", "with strain": how a movement goes
        return m.group(0)
    return " face screwed up , lips clamped , "


def _through_the_teeth(m: re.Match) -> str:
    """"(sweetly, through her teeth)", "she hisses through her teeth": said with the teeth clenched; "sucks air in
    through his teeth" and "whistles through his teeth" keep their own reading."""
    if re.search(r"\b(?:air|breath|in|whistl\w*|suck\w*|spit\w*|inhal\w*|draw\w*|drew)\s+(?:\w+\s+)?$", m.string[max(0, m.start() - 30) : m.start()]):
        return m.group(0)
    return "through gritted teeth"


def _hard_eyes(m: re.Match) -> str:
    """"eyes hard", "a hard stare": the eyes hardened; "shuts his eyes hard" stays a squeeze."""
    if re.search(r"\b(?:shut|shuts|shutting|close|closes|closed|closing|squeez\w*|screw\w*|scrunch\w*|clench\w*|rub\w*|press\w*|blink\w*)"
                 r"\s+(?:\w+\s+)?$", m.string[max(0, m.start() - 30) : m.start()]):
        return m.group(0)
    return " eyes slightly narrowed , brows slightly lowered "


def _side_of_face(m: re.Match) -> str:
    """"the left side of her face scrunches": that side of the face ("the left face", which the planner reads as the
    face's movement on that side); after a path word ("a grin creeps up the right side of his face") only the side,
    so the path's "up" does not lift the face."""
    if re.search(r"\b(?:up|down|across|along|over)\s+$", m.string[max(0, m.start() - 12) : m.start()]):
        return f" the {m.group(1)} "
    return f" the {m.group(1)} face "


#: Work of the hands or body that can go "furiously" (typing, scribbling, scrubbing ...): a pace, not a feeling
_BUSY_WORK = (r"(?:typ|scribbl|writ|pedal|work|scrub|knit|sew|paddl|dig|sketch|stir|whisk|row|pump|text|tap|click|hammer|saw|sand|polish"
              r"|wip|chop|tidy|tidi|clean|scrawl|draw|edit|cod|search|rummag|flip|leaf|swip|scroll|jott?|not|calculat|count|chew|knead"
              r"|sweep|paint)\w*")


def _other_side(m: re.Match) -> str:
    """"squints his left eye and raises the other eyebrow": the other side than the last one named before it."""
    before = re.findall(r"\b(left|right)\b", m.string[: m.start()])
    if not before:
        return m.group(0)
    return f"the {'right' if before[-1] == 'left' else 'left'} {m.group(1)}"


def _their_time_clause(m: re.Match) -> str:
    """"she lets the smile drop the second he turns away": a time clause whose subject is the other pronoun than the
    description's own is the other person's movement, not hers."""
    own = re.search(r"\b(she|he)\b", m.string[: m.start()])
    return " , " if own and own.group(1) != m.group(1) else m.group(0)


def _pucker_up(m: re.Match) -> str:
    """"she puckers up (for a kiss)": the lips; "her brows pucker up" keeps the knit."""
    if not m.string[: m.start()].strip() or re.search(r"\b(?:brows?|eyebrows?|forehead|face|skin|nose|chin)\b[^,;.]*$",
                                                      m.string[max(0, m.start() - 40) : m.start()]):
        return m.group(0)  # (the lexicon's own phrase "pucker up" is read as written)
    return f"{m.group(1)} lips"


class _Rewrite:
    """One rewrite rule (case-insensitive ``source`` -> ``repl``): it runs only when ``gate`` (a word it needs, or a
    tuple of alternatives; "" = always) is in the text, and its pattern is compiled the first time it runs (speed:
    most of the several hundred rules never meet a given script, and compiling them all cost a cold start 0.2 s)."""

    __slots__ = ("gate", "source", "repl", "_pattern")

    def __init__(self, gate: str | tuple[str, ...], source: str, repl: str | Callable[[re.Match], str]):
        self.gate = gate
        self.source = source
        self.repl = repl
        self._pattern: re.Pattern | None = None

    @property
    def pattern(self) -> re.Pattern:
        if self._pattern is None:
            self._pattern = re.compile(self.source, re.I)
        return self._pattern

    def applies(self, s: str) -> bool:
        return self.gate in s if isinstance(self.gate, str) else any(g in s for g in self.gate)


def _over_the_glasses(m: re.Match) -> str:
    """The look over the rims keeps its own verb where the verb is a look of its own ("glares", "squints")."""
    verb = m.group(1).lower()
    own = verb if verb.startswith(("glar", "squint", "star")) else "looks"
    return f" eyes raised , chin lowered a little , {own} "


#: The words a cold look is read as ("a cold stare", "a cold, unblinking gaze", "regarded him coolly")
_COLD_LOOK = "steady look , eyes slightly narrowed"
#: The words a nervous swallow is read as ("he gulps", "his Adam's apple bobbed")
_NERVOUS_SWALLOW = " lips pressed , inner brows slightly raised , eyes slightly wide "


#: Phrasings a QA animator found read word by word (issue 11, round 5), rewritten to what they mean on a
#: face: (gate, pattern, replacement). Each is a general pattern (an idiom, a word sense, a scope), checked
#: on the lower-cased text; the gate is a word the pattern needs, so that absent rules are skipped.
_ROUND5_REWRITES: tuple[_Rewrite, ...] = tuple(_Rewrite(g, p, r) for g, p, r in (
    # "an amusement that never reached his mouth": the feeling shows, in the eyes only; the mouth stays still
    ("reach", r"\b(?:(?:cold|icy|dry|wry|quiet|private|faint|grim|bitter|secret)\s+)?[a-z]+\s+that\s+(?:never|doesn'?t|does\s+not|did\s+not|didn'?t|won'?t|would\s+not)\s+(?:quite\s+)?reach(?:es|ed)?\s+(?:her|his|their|the|my)\s+(?:mouth|lips)\b",
     " , cheeks slightly raised , eyes slightly narrowed , mouth still"),
    # idioms read literally: "bit his tongue" holds words back (pressed lips), "blows a kiss" is no cheek puff,
    # "stares him down" looks at him hard (not down), "as the words sank in" is no head movement
    ("tongue", rf"\b(?:bit|bite|bites|biting|bitten)\s+{_POSS}\s+tongue\b", "presses lips together"),
    ("kiss", rf"\b(?:blow|blows|blew|blowing|blown)\s+(?:{_OBJ}\s+)?(?:a\s+|an\s+)?(?:little\s+|quick\s+|big\s+)?kiss(?:es)?\b", "kisses the air"),
    (" down", rf"\b(star|glar)(e|es|ed|ing)\s+({_OBJ})\s+down\b", r"glar\2 at \3"),
    (" in", r"\b(words?|news|it|this|that|reality|truth|reali[sz]ation|meaning|fact|message|information)\s+(?:had\s+)?(?:sank|sink|sinks|sinking|sunk)\s+in\b(?!\s*to\b)", r"\1"),
    # "the colour drains from her face": shock (wide eyes, inner brows), not every region undone
    ("colo", rf"\b(?:the\s+|all\s+the\s+)?colou?r\s+(?:drain\w*|drop\w*|leave\w*|left|fade\w*)\s+(?:from|out\s+of)\s+(?:{_POSS}\s+)?(?:face|cheeks|it)\b",
     "slightly shocked"),
    # "she blanches" (goes pale with shock), not blanched almonds
    ("blanch", r"\bblanch(?:es|ed|ing)?\b(?!\s+(?:the\s+|some\s+)?(?:almonds?|vegetables?|beans?|peas?|them|it)\b)", "slightly shocked"),
    # "shakes her head no", "nods yes": the word is what the gesture says, not a negation of it
    ("head", rf"\b(shak\w*\s+{_POSS}\s+head|nod\w*)\s+(?:no|yes)\b(?=\s*(?:[,.;:!?\u2014\-]|$))", r"\1"),
    # "the grin drops from her face": the expression goes (not the head)
    (" face", rf"\b(?:drop|drops|dropped|dropping|fall|falls|fell|falling|slide|slides|slid|sliding|slip|slips|slipped|slipping)\s+(?:from|off)\s+{_POSS}\s+face\b",
     "fades"),
    # "his eyes, which had been closed, snap open": a past-perfect clause is an earlier state, not this one
    ("had", r",\s*(?:which|that|who)\s+had\s+[^,.;]*,", " "),
    ("had been", r"\b(?:which|that)\s+had\s+been\s+[a-z]+\b", " "),
    # "goes from laughing to crying": a narrated change; the state it ends in is the keyframe's
    (" from ", r"\b(?:go|goes|went|going|gone|shift\w*|switch\w*|swing\w*|swung|flip\w*)\s+from\s+([^,.;]+?)\s+(?:to|into)\s+", r"\1 , then "),
    # "she can't keep a straight face", "couldn't keep a straight face any longer": the laugh wins (train: smile 0.55,
    # cheeks 0.3-0.4); "struggling to keep a straight face" is still the smile held in (below)
    ("straight face", r"\b(?:can'?t|can\s+not|cannot|couldn'?t|could\s+not|fail(?:s|ed|ing)?\s+to|unable\s+to|no\s+longer)\s+"
     r"(?:keep|hold|maintain|manage)\s+(?:a\s+)?straight\s+face\b", " smiles "),
    # "keeps a straight face": no smile, lips held lightly together
    ("straight face", r"\b(?:a|with|keeps?|kept|keeping|holds?|held|holding|maintain\w*|wears?|wore|wearing)\s+(?:a\s+)?straight\s+face\b", "no smile"),
    # "cross-eyed", "crosses her eyes": both eyes turn in
    ("cross", rf"\bcross(?:es|ed|ing)?[\s-]?eye[sd]?\b|\bcross(?:es|ed|ing)?\s+{_POSS}\s+eyes\b", " crosseyed "),
    # "the left side of the mouth pulls up": that corner (a one-sided smile)
    ("side of", rf"\b(left|right|one)\s+side\s+of\s+{_POSS}\s+mouth\b", r"\1 corner of the mouth"),
    # a sad-type word on a smile modulates that smile (small, inner brows up), it adds no frown of its own
    ("", r"\b(?:sad|wistful|rueful|melancholy|bittersweet|sorrowful|mournful|tearful|regretful|forlorn|doleful|heartbroken|resigned)"
     r"\s+(?:little\s+|small\s+|half[\s-])?(smile|smiles|smiled|smiling|grin|grins)\b", r"small \1 , inner brows raised"),
    # "happy for him, sad for himself", "proud but sad", "a happy-sad look": joy and sorrow at once is bittersweet (the
    # sorrow in the inner brows over the smile, no frown against it)
    ("sad", r"\b(happy|glad|proud|pleased|joyful|delighted|relieved|grateful|thrilled)\b([^.;:!?]{0,30}?(?:\bbut|\band|\byet|,|-)\s*"
     r"(?:also\s+|a\s+bit\s+|a\s+little\s+|kind\s+of\s+|quietly\s+|secretly\s+)?)(sad|sorrowful|melancholy|heartbroken|gutted)\b",
     r"\1\2wistful"),
    ("happy", r"\b(sad|sorrowful|melancholy|heartbroken|gutted)\b([^.;:!?]{0,30}?(?:\bbut|\band|\byet|,|-)\s*(?:also\s+|still\s+)?)"
     r"(happy|glad|proud|pleased|joyful|grateful)\b", r"wistful\2\3"),
    ("smil", r"\b(smile|smiles|smiled|smiling)\s+(?:sadly|wistfully|ruefully|tearfully|mournfully|sorrowfully|regretfully)\b",
     r"\1 slightly , inner brows raised"),
    # masking: a happiness pretended is a polite smile; a hurt hidden leaks a little behind pressed lips
    ("", r"\b(?:pretend\w*|feign\w*|fak(?:e|es|ed|ing)|act\w*|play\w*)\s+(?:to\s+be\s+|being\s+)?(?:so\s+|very\s+|really\s+|all\s+)?"
     r"(?:happy|glad|pleased|delighted|thrilled|fine|okay|ok|cheerful|excited|interested|amused|content|grateful|impressed|enthusiastic|interest|delight|enthusiasm|happiness|joy|pleasure)\b"
     r"(?:\s+for\s+(?:her|him|them|you|me|us))?", "a polite smile"),
    ("how ", r"\b(?:hid\w*|hides|mask\w*|conceal\w*|cover\w*|swallow\w*)\s+how\s+(?:much|badly|deeply|hard|bad)\s+(?:that\s+|it\s+|this\s+|the\s+\w+\s+|\w+\s+)?"
     r"(?:hurt|hurts|stung|stings|wounded|wounds|upset|upsets|scared|scares|frightened|frightens|terrified)\b",
     "barely hurt , lips pressed together"),
    # "cold" of a look, a voice or an amusement is no shiver: a flat, hard look; a small smile with cold eyes
    ("", r"\b(?:cold|icy|frosty|chilly|steely|stony)\s+(?:little\s+)?(?:amusement|smile|smirk|grin|humou?r)\b", "small smile that does not reach the eyes"),
    ("", r"\b(?:cold|icy|frosty|chilly|steely|stony)\s+(?:hard\s+)?(?:stare|look|gaze|glance|eyes)\b", _COLD_LOOK),
    ("", r"\b(?:cold|icy|frosty|chilly|steely|stony)\s+(glare|scowl)\b", r"\1"),
    # "his eyes, usually so warm, were flint", "her normally cheerful face": what is usual is not what shows now
    (("usually", "normally", "ordinarily", "typically"), r",\s*(?:usually|normally|ordinarily|typically)\s+(?:so\s+|very\s+|quite\s+|such\s+)?"
     r"(?:an?\s+)?[a-z-]+(?:\s+(?:and|or)\s+[a-z-]+)?\s*,", " "),
    (("usually", "normally", "ordinarily", "typically"), r"\b(?:usually|normally|ordinarily|typically)\s+(?:so\s+)?[a-z-]+\s+"
     r"(?=(?:face|expression|smile|eyes|features|demeanou?r|mouth|grin|look|brow|brows)\b)", ""),
    # "her eyes were ice / stone / flint": cold eyes (a metaphor, no temperature)
    # (as eyes that "turn to flint" are, below: train squint 0.3, brows down 0.35; glass eyes see nothing)
    ("eye", r"\b(eyes?\s+(?:were|are|is|was|stay|stays|stayed|remain|remains|remained|turn|turned|go|went)\s+)(?:pure\s+)?"
     r"(ice|stone|steel|flint|glass|granite)\b(?![\s-]*(?:grey|gray|blue|green|cold|hard|coloured|colored)\b|-)", lambda m: f"{m.group(1)}flat" if m.group(2) == "glass" else " eyes slightly narrowed , lips slightly pressed "),
    # "it amuses her", "she finds it amusing": a private amusement, slight
    ("amuses", r"\b(?:it|this|that|which)\s+amuses\s+(?:her|him|them|me)\b", "slightly amused"),
    # "looks up without moving her head": the head stays (the planner's head lock reads the raw text); the
    # look itself is not negated
    ("without", r"\bwithout\s+(?:moving|turning|lifting|raising|tilting|lowering)\s+(?:her|his|their|the|my|your)\s+head\b", " "),
    # "lips curl into a faint, lopsided grin": the lips form the expression named; its own words qualify it
    ("into", r"\b(?:lips|mouth)\s+(?:\w+\s+)?(?:curl\w*|twist\w*|form\w*|quirk\w*|tug\w*)"
     r"\s+(?:up\s+)?into\s+(?=(?:a|an)\s+(?:\w+,?\s+){0,3}(?:smile|grin|smirk|sneer|grimace|snarl|pout|frown)\b)", " "),
    (",", r"\b((?:a|an)\s+(?:faint|slight|small|tiny|little|thin|weak|big|broad|huge|wide))\s*,\s+(?=\w+\s+(?:smile|grin|smirk|frown|pout|sneer)\b)", r"\1 "),
    # "swallows hard": a dry, nervous gulp (lips pressed, inner brows up), not "hard" on the next movement
    ("swallow", r"\bswallow(?:s|ed|ing)?\s+hard\b", "lips pressed , inner brows slightly raised"),
    # "she presses her lips together and swallows", "stopped, swallowed, chin wobbling": the gulp itself (train: lips
    # pressed 0.3-0.4, inner brows 0.3-0.45), not "swallow" the holding back of whatever comes next ("swallows a laugh"
    # keeps that reading: there the word has its object). Never at the start of the text: the lexicon's own phrase
    # "swallow" (holding back) is read through this pipeline too
    ("swallow", r"(?<=[a-z,]\s)(?<!\bnot\s)(?<!n't\s)(?<!\bto\s)(?<!n't\seven\s)(?<!\bnot\seven\s)(?<!\bnot\sa\s)(?<!\bno\s)\bswallow(?:s|ed|ing)?(?=\s*(?:[,.;!?)]|$|\s+(?:and|then|but|as|while|nervously"
     r"|again|once|twice|dryly|visibly|audibly|thickly|slowly|quickly)\b))", " lips pressed , inner brows slightly raised "),
    # "rolls her eyes in exasperation": the roll is the annoyance; no glare of its own on top
    ("roll", r"\b((?:roll\w*(?:\s+(?:her|his|their|my|the))?\s+eyes?|eyes?\s+roll\w*)(?:\s+(?:up|upward|skyward|back|heavenward))?)"
     r"\s+(?:in|with)\s+(?:pure\s+|utter\s+|mild\s+)?(?:exasperation|annoyance|irritation|frustration|impatience|boredom)\b", r"\1"),
    # "she whispers something in his ear": speech, softly (lips a little apart), not the intensity "a whisper of"
    ("whisper", r"\bwhisper(?:s|ed|ing)(?:\s+(?:something|a\s+word|words|a\s+secret|it))?(?:\s+(?:in|into)\s+(?:her|his|their|my|your|the)\s+ear)?(?![\w'])",
     " , lips slightly parted , lips very slightly rounded , "),  # a clause of its own: "turns to her left and whispers" turns the head, not the lips
    # "cross as two sticks", "she's been cross all day", "don't get cross": the adjective (angry), not arms or eyes crossed
    ("cross", r"\b(as|so|very|really|too|is|was|were|are|be|been|being|get|gets|got|getting|look|looks|looked|seem|seems|seemed|s)\s+cross\b(?![-\s]*eyed)",
     r"\1 angry"),
    # "ever so slightly": as "very slightly" (further toward small, not stronger)
    ("ever so", r"\bever\s+so\s+(?=slight|faint|subtl|gentl|soft|light)", "very "),
    # "a very small smile", "an extremely tiny frown": "very" pushes a diminutive further toward small
    # (after an article: a word in capitals is also read "very", and "VERY SOFT SMILE" is no diminutive pushed)
    ("", r"\b(a|an|the|her|his|their)\s+(?:very|really|extremely|incredibly|super)\s+(?:small|little|light|gentle|soft|mild|weak)\b(?!\s+(?:bit|while)\b)", r"\1 faint"),
    ("", r"\b(a|an|the|her|his|their)\s+(?:very|really|extremely|incredibly|super)\s+(?:tiny|minimal|minute)\b", r"\1 barely"),
    # "she couldn't be happier", "he couldn't have looked more shocked": the most there is, not a negation
    # ("couldn't care less" and "couldn't look less interested" keep theirs)
    ("", r"\b(?:couldn'?t|could\s+not|can'?t|can\s*not)\s+(?:have\s+)?(?:be|been|look|looked|feel|felt|seem|seemed|get|got|sound|sounded)"
     r"\s+(?:any\s+)?(?:more\s+(?=[a-z])|(?=[a-z]+(?:ier|er)\b))", "extremely "),
    # "he forces a smile": a forced smile (a social one, the cheeks out), not a strong one
    ("forc", r"\bforc(?:e|es|ed|ing)\s+(?:out\s+|up\s+)?(?:a|an|her|his|their|my|your)\s+((?:\w+\s+)?)(smile|grin|laugh|chuckle)",
     r"a forced \1\2"),
    # "tears open the envelope", "tears up the contract": ripping, not tears
    ("tear", r"\btear(?:s|ing)?\s+(?=(?:open|apart|off|into|through)\b|up\s+(?:the|a|an|his|her|their|my|your|it|them)\b)", "rips "),
    # "the smile didn't falter", "his grin never wavered": the expression stays; no negation of it
    ("", r"\b(?:did\s*n[o']?t|does\s*n[o']?t|do\s*n[o']?t|never|not|without)\s+(?:once\s+|even\s+)?(?:falter|waver|slip|fade|dim)(?:s|ed|ped|ing|ping)?\b", " , "),
    # "she smiles with her eyes (only)": a Duchenne smile in the eyes, the mouth barely in it
    ("smil", r"\bsmil(?:e|es|ed|ing)\s+with\s+(?:her|his|their|my|your|the)\s+eyes\s+(?:only|alone)\b", " cheeks lift a little "),
    ("smil", r"\bsmil(?:e|es|ed|ing)\s+with\s+(?:her|his|their|my|your|the)\s+eyes(?=\s*(?:[,.;!:)\u2014-]|$|and\b|but\b|as\b|while\b))",
     " cheeks lift a little , a faint smile "),
    # "the right eye open normally", "lids open as usual": the eye at rest, not widened
    ("open", r"\b(eyes?|lids?|eyelids?)\s+(?:(?:stays?|stayed|is|are|was|were|kept|remains?|remained)\s+)?open\s+"
     r"(?:normally|as\s+(?:normal|usual|ever)|like\s+normal)\b", r"\1 normal"),
    # "half her face crumples", "half of his face winces": one side of the face moves, not the whole face at half strength
    ("half", r"(?<!\bone\s)(?<!\bupper\s)(?<!\blower\s)(?<!\btop\s)(?<!\bbottom\s)\bhalf\s+(?:of\s+)?(her|his|their|my|your|the)\s+face\b", r"one side of \1 face"),
    # "her eyes are smiling", "smiling eyes", "the eyes smile, the mouth barely": the smile is in the eyes (AU6,
    # the cheeks lift and the eye corners crinkle), not a mouth smile
    ("smil", r"(?<!\bclosed\s)(?<!\bshut\s)\beyes\s+(?:(?:are|were|is|was|still|all|already|clearly|both)\s+)*smil(?:e|es|ed|ing)\b"
     r"(?!\s+and\s+(?:the\s+|her\s+|his\s+)?mouth)|(?:^|\b(?:with|her|his|their|my|your|the|and|but)|,)\s*smiling\s+eyes\b(?!\s+(?!and\b|but\b|as\b|while\b|only\b|alone\b)[a-z])",
     " eye corners crinkle "),
    # "her eyes laugh; the mouth doesn't", "laughing eyes": the same, a laugh in the eyes
    ("laugh", r"(?<!\bclosed\s)(?<!\bshut\s)\beyes\s+(?:(?:are|were|is|was|still|all|already|clearly|both)\s+)*laugh(?:s|ed|ing)?\b"
     r"(?!\s+and\s+(?:the\s+|her\s+|his\s+)?mouth)|(?:^|\b(?:with|her|his|their|my|your|the|and|but)|,)\s*laughing\s+eyes\b"
     r"(?!\s+(?!and\b|but\b|as\b|while\b)[a-z])",
     " eye corners crinkle "),
    # "a glare which screams 'get out'", "a face that yelled guilty": what the look says, no scream or shout of its own
    ("", r"\b(that|which)\s+(?:screams?|screamed|shouts?|shouted|yells?|yelled)\b", r"\1 says"),
    # "raises an eyebrow so high it nearly leaves his face", "eyes so wide they almost pop out of her head":
    # as far as it goes (hyperbole), not the movement leaving the face
    ("so ", r"\bso\s+(high|far|wide|hard|much|big)\s+(?:that\s+)?(?:it|they)\s+(?:(?:nearly|almost|practically|all\s+but|could\s+have|might\s+have|threatens?\s+to|threatened\s+to)\s+)?"
     r"(?:leaves?|left|leave|fl(?:y|ies|ew)(?:\s+off)?|jump(?:s|ed)?(?:\s+off)?|pop(?:s|ped)?(?:\s+out)?|f(?:all|alls|ell)(?:\s+off|\s+out)?|disappear(?:s|ed)?(?:\s+into)?)"
     r"\s+(?:of\s+)?(?:his|her|their|my|your|the)\s+(?:face|head|hairline|skull|forehead)\b", r" extremely \1 "),
    # "the grin never left his face", "he smiled and left the room", "they nearly left her forehead": 'left' there
    # is the verb leave, not a side
    ("left", r"\b(?:never|not\s+once)\s+left(?=\s+(?:his|her|their|my|your|the)\s+(?:face|lips|mouth|eyes)\b)", "stayed on"),
    ("left", r"(?<!\bup\s)(?<!\bdown\s)(?<!\bright\s)(?<!\bback\s)"
     r"\b(nearly|almost|just|had|has|have|he|she|they|we|who|and|then|finally|quickly|slowly|soon"
     r"|smile|grin|smirk|frown|scowl|laugh|expression|look|colou?r)\s+left"
     r"(?=\s+(?:the|his|her|their|my|your|its|him|them|me|us|it|a|an)\b(?!\s+(?:eye|eyes|brow|brows|eyebrow|eyebrows|corner|cheek|lip|side|nostril|lid|ear)\b))",
     r"\1 leaves"),
    # "closed his left eye tight", "eyes shut tightly": one movement, the lids squeezed shut (not a shut eye beside a squint)
    ("tight", r"\b(?:clos(?:e|es|ed|ing)|shut(?:s|ting)?)\s+((?:her|his|their|my|your|the|one|both)\s+)?((?:left|right|l|r)\s+)?(eyes?|lids?|eyelids?)\s+tight(?:ly)?\b",
     r" squeezes \1\2\3 "),
    ("tight", r"\b((?:left|right|l|r)\s+)?(eyes?|lids?|eyelids?)\s+(?:(?:is|are|was|were|stay|stays|stayed|kept|held)\s+)?(?:clos(?:e|ed)|shut)\s+tight(?:ly)?\b",
     r" \1\2 squeezed shut "),
    ("tight", r"\btight(?:ly)?[\s-]+(?:clos(?:e|ed)|shut)\s+((?:left|right|l|r)\s+)?(eyes?|lids?|eyelids?)\b", r" \1\2 squeezed shut "),
    # "her face went slack", "slack-faced": the muscles let go, the face at rest with the lids sunk a little (corpus
    # train: lids 0.3-0.45 in such lines, nothing else raised)
    ("slack", r"\b(face|features)\s+(?:(?:has|had|have)\s+)?(?:(?:go|goes|went|gone|going|is|was|hung|hangs|fell|falls|stays?|stayed)\s+)?(?:(?:completely|totally|perfectly|utterly|all|a\s+little)\s+)?slack\b|\bslack(?:\s+|-)(face|faced|features)\b",
     " face relaxes , lids a little heavy "),
    # "head resting to the left", "head drooping to one side": the head leans over (a roll), not a turn
    ("head", r"\bhead\s+(?:is\s+|was\s+)?(?:rest|resting|rests|rested)\s+(?:over\s+)?to\s+(?:the\s+|her\s+|his\s+|their\s+)?(left|right|one\s+side|the\s+side|side)\b",
     r"head tilted to the \1"),
    ("head", r"\bhead\s+(?:is\s+|was\s+)?(?:droop|sag|flop|drop|fall|hang|slump)(?:s|ed|ped|ing|ping)?\s+(?:over\s+)?to\s+(?:the\s+|her\s+|his\s+|their\s+)?(left|right|one\s+side|the\s+side|side)\b",
     r"head tilted to the \1 , head down a little"),
    # "a sideways jerk of the chin to his left", "points with his chin to the right": a gesture that way, the head
    # and eyes both turn to it
    ("chin", r"\b(?:(?:jerk|point|gesture|motion|flick|jab|thrust|jut)\w*\s+(?:(?:of|with)\s+)?(?:the\s+|his\s+|her\s+|their\s+|my\s+|a\s+)?chin"
     r"|chin\s+(?:jerk|point|gesture|motion|flick|jab|jut)\w*)\s+(?:(?:over\s+)?(?:to|toward|towards|at)\s+(?:the\s+|his\s+|her\s+|their\s+|my\s+)?)?(left|right)\b",
     r" head turns \1 , eyes \1 "),
    # "eyes screwed up", "screws up her face": squeezed tight, not looking up
    ("screw", r"\b(eyes?|lids?|eyelids?|face)\s+((?:is\s+|are\s+|was\s+|all\s+)?screw(?:s|ed|ing)?)[\s-]+up\b", r"\1 \2"),
    ("screw", r"\b(screw(?:s|ed|ing)?)[\s-]+up\s+((?:her|his|their|my|your|the)\s+)?(eyes?|lids?|eyelids?|face)\b", r"\1 \2\3"),
    ("screw", r"\b(screw(?:s|ed|ing)?)-up\s+(eyes?|lids?|eyelids?|face)\b", r"\1 \2"),
    # "rolls his eyes so hard they nearly vanish": as far as it goes, not the eyes gone
    ("so ", r"\bso\s+(high|far|wide|hard|much|big)\s+(?:that\s+)?(?:it|they)\s+(?:(?:nearly|almost|practically|all\s+but|could\s+have|might\s+have)\s+)?"
     r"(?:vanish(?:es|ed)?|disappear(?:s|ed)?)\b", r" extremely \1 "),
    # "peers over her glasses at the boy": the eyes lift above the rims under a lowered head
    ("over", r"\b((?:peer|peek|look|glare|stare|squint|gaze)(?:s|ed|ing)?)\s+(?:(?:up|at\s+(?:him|her|them|me|you|us|it|the\s+\w+))\s+)*over\s+"
     r"(?:the\s+(?:top|tops|rims?|edges?)\s+of\s+)?(?:her|his|their|my|your|the|a\s+pair\s+of)\s+"
     r"(?:(?:reading|half-moon|half\s+moon|wire-rimmed|horn-rimmed|thick|little|tiny|bifocal)\s+)?(?:glasses|spectacles|specs|bifocals|lenses|rims|frames|half-moons|sunglasses|shades)\b",
     _over_the_glasses),
    # "her eyes turn away", "the gaze turned away from him": the eyes look away; the head stays
    ("away", r"\b(eyes|gaze|eyeline|glance)\s+(?:turn|turns|turned|turning|slide|slides|slid|sliding)\s+away\b", r"\1 look away"),
    # "the mouth settles into a neutral line": that part at rest, beside the rest of the list; not a change
    ("settl", r"\bsettl(?:e|es|ed|ing)\s+(?:back\s+)?into\s+(?:a|an|its|her|his|their)?\s*(neutral|relaxed|resting|calm|natural)\b"
     r"(?:\s+(?:line|position|shape|expression|state|pose|set))?", r" is \1 "),
    # "the brows lift on the inner edges", "brows raised at the outer ends": those parts of the brows
    ("brow", r"\b(brows?|eyebrows?)\s+(\w+(?:\s+\w+)?)\s+(?:on|at|along)\s+(?:the|their|its|her|his)\s+(inner|outer)\s+(?:edges?|ends?|corners?|sides?|tips?|halves|half|parts?)\b", r"\3 \1 \2"),
    # "lips blue", "her lips turning blue", "blue with cold": a colour of the cold, not the blues
    ("blue", r"\b(lips?|mouth|face|skin|fingers|nose|cheeks?|ears)\s+(?:(?:have|has|had)\s+)?(?:(?:are|is|was|were|turning|turned|turns?|going|gone|went|goes|go|been)\s+)?(?:blue|purple|grey|gray)\b", r"\1 , "),
    ("blue", r"\b(?:blue|purple|grey|gray)(?:\s+|-)(lips?|mouth|face|skin|fingers|nose|cheeks?|ears)\b", r"\1"),
    ("blue", r"\b(?:blue|purple)\s+(?:with|from)\s+(?:the\s+)?cold\b|\b(?:blue|purple)(?:\s+|-)lipped\b", " cold "),
    # "swallowing hurts", "my ear hurts", "it hurt": a thing or a body part that hurts is physical pain, not the
    # hurt feelings of "she looks hurt" (but "smiling so hard it hurts" is only how hard)
    ("hurt", r"\b(\w+)\s+(?:still\s+|really\s+|badly\s+|kinda\s+)?(hurts|hurt)\b", _physical_hurt),
    # "he doesn't look up from the map", "without looking up from her book", "she won't lift her eyes from the screen":
    # the eyes stay down on what is read (corpus train: EyeLookDown 0.45, HeadPitch 0.1-0.2 in such lines)
    ("up", r"\b(?:do\s+not|does\s+not|did\s+not|don'?t|doesn'?t|didn'?t|won'?t|will\s+not|wouldn'?t|can'?t|cannot|never|not|without"
           r"|refuses?\s+to|refused\s+to)\s+(?:even\s+)?"
           r"(?:look|looks|looked|looking|glance|glances|glanced|glancing)\s+up\b", " eyes down , head lowered a little "),
    (("lift", "rais"), rf"\b(?:do\s+not|does\s+not|did\s+not|don'?t|doesn'?t|didn'?t|won'?t|will\s+not|wouldn'?t|never|not|without)\s+"
           rf"(?:lift|lifts|lifted|lifting|raise|raises|raised|raising)\s+{_POSS}\s+(eyes|gaze|head)\b",
     lambda m: " eyes down " if m.group(1) != "head" else " head lowered a little , eyes down "),
    # "can't breathe", "can barely breathe" after a run, "winded" (not "long-winded"): out of breath
    ("breath", r"\bcan(?:'?t|not|\s+not|\s+barely|\s+hardly)\s+(?:even\s+)?(?:breathe|catch\s+(?:her|his|their|my|your)\s+breath)\b",
     " out of breath "),
    ("winded", r"(?<!long-)(?<!long\s)\bwinded\b", " out of breath "),
    # a smile or laugh kept in by what the face does: "lips pressed against a laugh", "bites his lip to keep from
    # laughing", "so she won't laugh", "to kill the smile", "to keep the grin down": the laugh held back
    (("against", "keep", "kill", "won't", "wont", "will not"),
     r"\b(?:against\s+(?:a|an|the)|to\s+(?:kill|stop|smother)\s+(?:a|an|the|his|her|their|my)"
     r"|to\s+keep\s+(?:a|an|the|his|her|their|my)|so\s+(?:that\s+)?(?:she|he|they|i|we|you)\s+(?:won'?t|will\s+not|wouldn'?t|doesn'?t|don'?t))"
     r"\s+(laugh|laughter|smile|grin|giggle|snigger|snicker)(?:s|ing|ed)?(?:\s+(?:down|in|back|away))?\b",
     r" , holding back a \1 "),
    (("keep from", "stop from"), r"\b(?:to\s+)?(?:keep|stop)\s+(?:herself\s+|himself\s+|themselves\s+|myself\s+)?from\s+"
     r"(laugh|smil|grinn|giggl)(?:ing)\b", lambda m: f" , holding back a {dict(laugh='laugh', smil='smile', grinn='grin', giggl='giggle')[m.group(1)]} "),
    # "only the mouth moves: a small smile", "only her jaw moves, working gum", "nothing moves but her lips": which part
    # moves, said before how; the mouth or jaw does not shift sideways (corpus train: MouthLeft/Right 0 in such lines)
    # (in capitals each word comes with its "very": "very only very the very mouth very moves")
    ("mov", r"\b(only|just)\s+(?:very\s+)?((?:the|her|his|their|its|my)\s+(?:very\s+)?)?(mouth|lips|jaw)\s+(?:very\s+)?(?:moves?|moved|moving)\b"
            r"(?![^.;]*\b(?:left|right|side|sideways)\b)", r"\1 \2\3"),  # ("only the mouth moves, pushed to the right": it does)
    ("mov", r"\bnothing\s+(?:else\s+)?(?:moves?|moved|moving)\s+(?:but|except)\s+((?:the|her|his|their|its|my)\s+)?(mouth|lips|jaw)\b",
     r"only \1\2"),
    # "her brows met", "his eyebrows meet in the middle": brows that meet are drawn together
    ("me", r"\b(brows|eyebrows)\s+(?:meet|meets|met|meeting)\b", r"\1 draw together"),
    # "mouths 'awkward' to no one in particular", "says it to no-one": a person (nobody), not a negation
    ("no", r"\b(?:to|at|for|with)\s+no(?:\s+|-)one(?:\s+in\s+particular)?\b", " , "),
    # "hopes nobody notices", "wants to leave": wishing is no expression of its own
    ("", r"\b(?:hopes|hoped|hoping|wants|wanted|wanting|wishes|wished|wishing)\s+(?=(?:that|nobody|no\s+one|someone|somebody|to|he|she|they|it|this|we|i|you|him|her|them|the)\b)", " "),
))




def round5_rewrites(s: str) -> str:
    """``s`` (lower-cased, normalised) with the idioms and scopes of :data:`_ROUND5_REWRITES` rewritten."""
    for rule in _ROUND5_REWRITES:
        if rule.applies(s):
            s = rule.pattern.sub(rule.repl, s)
    return s


# --------------------------------------------------------------------------- round 6 rewrites

_EXPRESSION_WORD_RE = re.compile(_EXPRESSION_FORMS + r"$")
_HIDDEN_EXTRA = frozenset({"panicking", "panicked", "dying", "screaming", "boiling", "fuming", "cringing", "squirming", "gloating", "glowing"})


def _followed_look(m: re.Match) -> str:
    """"tracks the balloon up to her left" -> "tracks up to her left , looking up to her left , the balloon ,": the eyes look where
    what they follow goes ("down + left" is "down and left"). With the head named beside the eyes the head turns too;
    with the eyes alone, only they do; what one watches going up or down ("watches his kids grow up") is not followed."""
    # "off to her left" is to her left; "up and back down" ends down; "up and up" is up
    where = re.sub(r"^(?:off|over|away|up\s+and\s+back|down\s+and\s+back)\s+", "", re.sub(r"\s*[+&]\s*", " and ", m.group(3)))
    where = re.sub(r"\b(up|down)\s+and\s+\1\b", r"\1", where)  # "up and up"
    side = re.search(r"\b(?:left|right)\b", where)
    if m.group(1).lower().startswith("watch") and not side:
        return m.group(0)  # "watches his kids grow up", "watches the lights go down": what it does, not where it goes
    clause = re.split(r"[,.;:!?\u2014\u2013]", m.string[: m.start()])[-1]
    if side and re.search(r"\b(?:head\s+and\s+(?:the\s+)?(?:eyes|gaze)|(?:eyes|gaze)\s+and\s+(?:the\s+)?head)\b", clause):
        # "eyes and head following the treat down to the left": the head turns that way too
        vertical = re.match(r"up|down", where)
        eyes = f"{vertical.group(0)} and to the {side.group(0)}" if vertical else f"to the {side.group(0)}"
        return f"{m.group(1)} {where} , head turned to the {side.group(0)} , eyes {eyes} , {m.group(2)} ,"
    if re.search(r"\b(?:eyes?|gaze)\b", clause):  # "only her eyes track the waiter off to her left": the eyes alone
        return f"{m.group(1)} {where} , eyes {where} , {m.group(2)} ,"
    return f"{m.group(1)} {where} , looking {where} , {m.group(2)} ,"


def _above_below_look(m: re.Match) -> str:
    """"eyes on the camera above the door", "stares at the street below": the eyes look up or down to it, unless the
    writer said which way they look ("looks up at the man below")."""
    if m.group(1):
        return m.group(0)
    return f"eyes {'up' if m.group(3).lower() in ('above', 'overhead') else 'down'} , {m.group(0)}"


def _hidden_feeling(m: re.Match) -> str:
    """A feeling held inside ("seething inside", "secretly pleased"): lips lightly pressed, the feeling faint."""
    word = m.group(1)
    if not (_feeling(word) or _EXPRESSION_WORD_RE.match(word) or word in _HIDDEN_EXTRA):
        return m.group(0)
    return f" lips slightly pressed , faintly {word} "


_WORRY_WORDS = ("worr", "panic", "fret", "upset", "scared", "afraid", "frightened", "sad", "cry", "alarmed", "concerned", "fear")


def _put_on_for_someone(m: re.Match) -> str:
    """"smiles so the kids won't worry": a social smile, and a faint worry behind it."""
    smile, middle = m.group(1), m.group(2) or ""
    why = m.group(0)[m.start(3) - m.start():]
    head = f"{smile} politely{middle}" if smile else ""
    if re.search(r"\b(?:" + "|".join(_WORRY_WORDS) + ")", why):
        return head + " , faintly worried"
    # "so nobody sees he's welling up": what is hidden is named; it leaks faintly
    hidden = re.sub(r"^[a-z]+(?:\s+out)?\s+(?:that\s+)?(?:(?:she|he|they|i|we|you)(?:'s|'re|'m|\s+is|\s+was|\s+are|\s+were)?\s+)?", "", why)
    return head + (f" , faintly {hidden}" if hidden != why and hidden.strip() else " ")


#: Someone or something other than the subject ("the furious boss", "a shocking scandal"; a plural s is dropped)
_OTHER_NOUNS = frozenset("""boss man woman kid child baby girl boy guy crowd stranger customer waiter waitress driver teacher mother
    father mom mum dad brother sister friend neighbour neighbor dog cat audience fan people couple team player clown officer cop
    guard student children toddler puppy passenger colleague coworker manager client patient nurse doctor parent family bride
    groom opponent rival villain monster husband wife son daughter grandma grandpa grandmother grandfather aunt uncle cousin
    boyfriend girlfriend partner kitten horse lady gentleman old crew soldier officer judge witness suspect detective actor
    singer host guest visitor tourist child teen teenager twin stranger mob protester protestor referee umpire coach captain
    king queen prince princess president politician reporter journalist salesman saleswoman clerk cashier bartender landlord
    tenant priest lawyer thief robber burglar bully infant newborn grandson granddaughter niece nephew classmate teammate
    roommate flatmate ex toddler pupil lecturer professor boss's interviewer interviewee contestant winner loser
    news scandal story headline letter message text email photo picture video movie film scene sight joke result bill report
    article note rumour rumor review verdict announcement diagnosis accident crash""".split())
#: Adjectives of what causes a feeling ("a shocking scandal"): the subject reacts, mildly (the feeling they name)
_STIMULUS_FEELINGS = {
    "shocking": "shocked", "disgusting": "disgusted", "revolting": "disgusted", "gross": "disgusted", "terrifying": "scared",
    "frightening": "scared", "scary": "scared", "horrifying": "horrified", "surprising": "surprised", "astonishing": "surprised",
    "hilarious": "amused", "amusing": "amused", "funny": "amused", "boring": "bored", "infuriating": "annoyed", "annoying": "annoyed",
    "irritating": "annoyed", "depressing": "sad", "heartbreaking": "sad", "tragic": "sad", "sad": None, "upsetting": "upset",
    "worrying": "worried", "alarming": "worried", "embarrassing": "embarrassed", "confusing": "confused", "puzzling": "puzzled",
    "mortifying": "embarrassed", "humiliating": "embarrassed", "frustrating": "annoyed", "enraging": "annoyed",
    "maddening": "annoyed", "vexing": "annoyed", "petrifying": "scared", "exciting": "excited", "thrilling": "excited",
    "fascinating": "interested", "intriguing": "interested", "baffling": "puzzled", "bewildering": "puzzled",
    "mystifying": "puzzled", "devastating": "sad", "disheartening": "sad", "discouraging": "sad", "demoralizing": "sad",
    "demoralising": "sad", "troubling": "worried", "distressing": "worried", "unnerving": "worried", "unsettling": "worried",
    "disconcerting": "worried", "sickening": "disgusted", "appalling": "disgusted", "tiring": "tired", "exhausting": "tired",
}
_OTHER_NOUN_RE = re.compile(
    r"\b(at|to|toward|towards|with|about|of|from|over|past|behind|beside|near|for|sees?|saw|seeing|watch(?:es|ed|ing)?|hears?|heard|hearing"
    r"|notic(?:e|es|ed|ing)|reads?|reading|meets?|met|greets?|greeted|pass(?:es|ed)?|avoids?|avoided|ignores?|ignored|spots?|spotted"
    r"|comforts?|comforted|hugs?|hugged|approach(?:es|ed)?|calms?|calmed|eyes|eyed|imagines?|imagined|remembers?|remembered|pictures?|pictured)"
    r"\s+(the|a|an|his|her|their|its|that|this|those|these|some|my|your|our)\s+([a-z]+)\s+([a-z]+)\b(?!-)")


def _other_nouns_feeling(m: re.Match) -> str:
    """"sees the furious boss", "looks at his disgusted face", "reads about a shocking scandal": the feeling
    belongs to someone or something else; the subject's face does not copy it (a stimulus gets a mild reaction)."""
    before, det, adj, noun = m.groups()
    if not (_feeling(adj) or _EXPRESSION_WORD_RE.match(adj) or adj in _STIMULUS_FEELINGS):
        return m.group(0)
    if noun not in _OTHER_NOUNS and noun.rstrip("s") not in _OTHER_NOUNS:
        if not (before == "at" and det in ("his", "her", "their", "the") and noun in ("face", "expression", "eyes")):
            return m.group(0)
    felt = _STIMULUS_FEELINGS.get(adj)
    return f"{before} {det} {noun}" + (f" , slightly {felt} ," if felt else "")


_MEASURE_NOUNS = frozenset("bit while more less trace hint touch amount degree way extent part one ones sip dose".split())


@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    from .lexicon import vocabulary

    return frozenset(vocabulary())


def _size_of_a_thing(m: re.Match) -> str:
    """"the small print": a size word on a thing the lexicon does not know is that thing's size, not an intensity."""
    det, noun, after = m.group(1), m.group(2), m.group(3) or ""
    known = _lexicon_words()
    nxt = after.strip()
    if noun in known or noun in _MEASURE_NOUNS or _feeling(noun) or _EXPRESSION_WORD_RE.match(noun) or (nxt and nxt not in STOP_WORDS and (nxt in known or _feeling(nxt))):
        return m.group(0)
    return f"{det} {noun}{after}"


def _slang_intensifier(m: re.Match) -> str:
    word = m.group(1)
    return "extremely " if _feeling(word) or _EXPRESSION_WORD_RE.match(word) else m.group(0)


_SUPPRESSION_CUE_RE = re.compile(
    r"\b(?:hold\w*\s+back|held\s+back|stifl\w*|suppress\w*|bit(?:e|es|ing)?\s+back|fight\w*\s+back|fought\s+back|try\w*\s+not\s+to|tries\s+not\s+to"
    r"|tried\s+not\s+to|swallow\w*|smother\w*|keep\w*\s+(?:a\s+)?straight\s+face|press\w*\s+(?:her|his|their|my)?\s*lips)\b")


#: what a blank face is "without a flicker of" (any other word is a feeling denied)
_BLANK_FLICKER = frozenset({"emotion", "expression", "feeling", "anything", "reaction", "interest", "smile", "grin", "amusement",
                            "humour", "humor", "mirth", "life", "warmth", "recognition"})


def _flicker_of(m: re.Match) -> str:
    """"not a flicker of a smile" -> "deadpan"; "without a flicker of fear" -> "without a trace of fear"."""
    word = m.group(3)
    if not word or word in _BLANK_FLICKER:
        return " deadpan "
    return f" {m.group(1)} a trace of {m.group(2) or ''}{word} "


def _figured_out(m: re.Match) -> str:
    """"works it out" -> "figures it out", "working out" -> "figuring out": the inflection and the object kept."""
    ending = {"s": "es", "ed": "ed", "ing": "ing"}.get(m.group(1) or "", "e")
    return f"figur{ending}{' ' + m.group(2) if m.group(2) else ''} out"


#: bodily states that a pretence covers by overdoing the opposite ("pretending not to be tipsy": eyes held wide open), not
#: by holding a feeling in check
_PRETENDED_STATES = frozenset({"tipsy", "drunk", "tired", "sleepy", "exhausted", "high", "sick", "ill", "hungover", "dizzy", "cold"})


#: The end of a clause after a phrase, as a lookahead: punctuation, the end of the text, or "and"/"but" starting the next
#: ("angry, hiding it, and ...", "hurt but plays it cool."); :data:`CLAUSE_OR_BRACKET_END` also ends at a closing bracket
CLAUSE_END = r"(?=\s*(?:[,.;:!?\u2014]|$|and\b|but\b))"
CLAUSE_OR_BRACKET_END = r"(?=\s*(?:[,.;:!?)\u2014]|$|and\b|but\b))"
#: How a feeling is said to be hidden, before the word that hides it ("is well hidden", "totally masked", "was very
#: carefully buried"): read here in a description's held-in rewrite, and by planner.py where a masking phrase closes a line
HIDDEN_HOW = (r"(?:(?:is|was|are|were)\s+)?"
              r"(?:(?:very\s+|so\s+|really\s+)?(?:totally|completely|entirely|fully|well|carefully|perfectly|expertly)\s+)?")
#: composure said of a face after its feeling ("but composed", "yet she stays composed", "but outwardly stoic"): read here
#: in a description, and by planner.py in a scene's feeling; group ``composure``, the word itself
COMPOSURE = (r"(?:(?:stays?|staying|stayed|remains?|remaining|remained|is|are|was|were|looks?|looking|looked)\s+)?(?:outwardly\s+)?"
             r"(?P<composure>composed|collected|stoic)")
#: composure or a cover said after a feeling ("but composed", "but plays it cool", "yet keeps it together", "but puts on a
#: brave face"): the description rewrite below holds the feeling in check; planner.py reads the same words after a scene's
#: feeling as the feeling in full, held in by pressed lips
COVER = (rf"(?:{COMPOSURE}|(?:plays?|playing|played)\s+it\s+(?:cool|down)|(?:keeps?|keeping|kept|holds?|holding|held)\s+"
         r"(?:it\s+together|a\s+lid\s+on\s+it|(?:his|her|their|my|your)\s+cool|(?:a\s+)?(?:straight|poker|brave)\s+face)"
         r"|(?:puts?|putting)\s+on\s+a\s+(?:brave|straight|poker)\s+face)")


def calm_state(word: str) -> bool:
    """A calm, neutral or contented state ("calm and composed", "content, yet composed"), or a state of the body
    ("tired but composed", "freezing under it"): nothing to hold in."""
    return word.lower() in _PRETENDED_STATES or EMOTION_WORDS.get(word.lower(), ("",))[0] in (
        "calm", "neutral", "contentment", "cold", "tiredness", "dizziness", "hangover", "spiciness")


def _held_in_check(m: re.Match) -> str:
    """"angry, hiding it" -> "angry held in check": the feeling word of group 1 held in check (other words are left)."""
    return f"{m.group(1)} held in check" if _feeling(m.group(1)) else m.group(0)


def _one_eye(m: re.Match) -> str:
    """"one eye open, the right" -> "left eye closed, right eye open"; "one eye (L) shut" -> "left eye closed"."""
    state = (m.group(1) or m.group(4)).lower()
    said = (m.group(2) or m.group(3)).lower()
    side = _SIDE_WORD.get(said, said)
    if state == "open":  # (the open eye is left as it is: "open" alone would read as widened)
        return f" {_OTHER_SIDE[side]} eye closed "
    return f" {side} eye closed "


#: parts and looks a description names for itself: a savoured smell or taste adds no reading of its own beside them
_FACE_SAID_RE = re.compile(r"\b(?:nose|nostrils?|wrinkl\w*|eyes?|lids?|mouth|lips?|smil\w*|grin\w*|brows?|frown\w*|grimac\w*|face)\b", re.I)


def _savoured(m: re.Match) -> str:
    """"she smells the roses", "he savours it": the lids lowered in pleasure over a small smile, unless the
    description says what the face does itself ("her nose wrinkles ...; she's smelling the rose")."""
    return m.group(0) if _FACE_SAID_RE.search(m.string) else " eyes half closed in pleasure , a small smile "


def _eyes_sparkle(m: re.Match) -> str:
    return " cheeks slightly raised " if _SUPPRESSION_CUE_RE.search(m.string) else m.group(0)


_SMILE_WORD_RE = re.compile(r"\b(?:smil|grin|beam|laugh|smirk)\w*")


#: what follows "but" when an attempted look gives way ("tries to look stern but can't help grinning")
_GIVES_WAY_RE = re.compile(r"\s*(?:(?:he|she|they|i|we|you)\s+)?(?:can't|cannot|can\s+not|couldn't|could\s+not)\s+help"
                           r"|\s*(?:(?:he|she|they|i|we|you)\s+)?(?:ends?|ended|ending|winds?|wound)\b"
                           r"|\s*[a-z]+ing\b"  # "... but grinning": "can't help" is gone by then
                           r"|\s*(?:(?:he|she|they|i|we|you)\s+)?(?:fails?|failed|failing|breaks?|broke|bursts?|cracks?|cracked|caves?|caved"
                           r"|gives?\s+in|gave\s+in|loses?\s+it|lost\s+it|collapses?|collapsed|dissolves?|dissolved)\b")


def _attempted_look(m: re.Match) -> str:
    """"tries to look stern but can't help grinning": the look tried for gives way and is gone (train: no brows
    down); "tries to look stern, but his cheeks twitch up": it holds, weakened (train: brows 0.3 down)."""
    if _GIVES_WAY_RE.match(m.string, m.end()):
        return " "
    return f" slightly {m.group(1)}{m.group(2)} , but "


#: words around teeth shown in joy: the cheeks lifted, the eyes creased, a laugh or smile named
_JOY_CUE_RE = re.compile(r"\b(?:cheeks?\s+(?:up|raised|lifted|bunched|high|round)|eyes?\s+(?:creas|crinkl|twinkl|sparkl|shining)\w*"
                         r"|crinkl\w*|laugh\w*|smil\w*|grin\w*|beam\w*|sunshine|delight\w*|joy\w*|happ\w*|thrill\w*|elat\w*)")
#: ... and words of a face that bares them in anger, pain or effort
_BARED_CUE_RE = re.compile(r"\b(?:snarl\w*|growl\w*|angr\w*|fur\w*|rage|enrag\w*|pain\w*|hurt\w*|grimac\w*|strain\w*|effort|clench\w*"
                           r"|grit\w*|disgust\w*|sneer\w*|wince\w*|bar(?:e|es|ed|ing))\b")


def _teeth_in_joy(m: re.Match) -> str:
    """"her whole face broke into sunshine: cheeks up, teeth showing, eyes creased": teeth shown in joy are a toothy
    smile, not bared teeth (which stretch the lips and lift the upper lip alone)."""
    if _JOY_CUE_RE.search(m.string) and not _BARED_CUE_RE.search(m.string):
        return " a toothy grin "
    return m.group(0)


def _cold_look(m: re.Match) -> str:
    """A cold face, voice or manner: a flat, hard look. Cold eyes are flat (beside a smile: the eyes stay out of
    it, the planner's own reading; alone: the brows barely lowered)."""
    if m.group(0).startswith(("eyes", "gaze")):
        return " eyes flat " if _SMILE_WORD_RE.search(m.string) else " eyes flat , brows barely lowered "
    return " eyes slightly narrowed , lips slightly pressed "


#: Phrasings a second QA animator found misread (issue 11, round 6), rewritten to what they mean on a face:
#: (gate, pattern, replacement), as :data:`_ROUND5_REWRITES`. General patterns: word senses and motion
#: verbs, masking, someone else's feelings, mouth interiors, intensity scope, negation scope, time cues.
def _goes_pale(m: re.Match) -> str:
    before = re.search(r"\b(lips?|mouth|knuckles?|fingers?|hands?|skin)\b[^,.;:!?]{0,30}$", m.string[: m.start()])
    if before or re.match(r"\s+(?:about|around|at)\s+(?:the\s+)?(?:mouth|lips)", m.string[m.end():]):
        # "gone white about the mouth" is lips pressed hard; lips pressed till they go white say the press already,
        # and white knuckles are the hands', not the face's
        return " lips pressed hard " if not before else " "
    return " , inner brows raised , lips pressed , "


def _from_side_to_side(m: re.Match) -> str:
    if m.group(1) == m.group(2) or re.search(r"\b(?:shak|shook|wag|rock|sway|swing|swung|waggl)\w*\b[^,.;:!?]*$", m.string[: m.start()]):
        return m.group(0)
    return f"to the {m.group(2)}"


#: the verbs and places of a muscle's tell in the jaw (round 6's rewrites, stop 26; "in his cheek" reads "on his cheek"
#: by then, see _IN_THE_CHEEK_RE)
_MUSCLE_VERB = (r"(?:jumps?|jumped|jumping|twitch(?:es|ed|ing)?|ticks?|ticked|ticking|works?|worked|working|flickers?|flickered|"
                r"flickering|pulses?|pulsed|pulsing|tightens?|tightened|tightening|jerks?|jerked|bunches|bunched|leaps?|leapt|leaped)")
_MUSCLE_PLACE = r"(?:in|on|at|along)\s+(?:his|her|their|my|your|the)\s+(?:jaw|cheek|temple|jawline)"

#: what keeps a face that reddens from being a blush: "flushes with anger", "red from the effort"
_NOT_RED_WITH_ANGER = (r"(?!\s+(?:\w+\s+)?(?:with|from|in)\s+(?:anger|rage|fury|fuming|temper|exertion|effort|the\s+(?:cold|heat|effort|strain))\b)")

#: Where a twisting face turns, not screws up ("twisted (slightly) to the left", "twists away", "twists up into a grin")
_TWIST_AWAY = (r"\s+(?:(?:slightly|a\s+little|a\s+bit|sharply|quickly|suddenly|briefly|hard)\s+)?(?:away|aside|round|around|to|toward|towards|back"
               r"|left|right|sideways|upward|upwards)\b|\s+into\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:grin|smile|smirk|beam)")


#: Something that stings or lodges in one eye or both ("grit in her right eye", "shampoo runs into his eyes")
_IRRITANT_RE = (
    r"\b(?P<what>something|grit|dust|sand|sawdust|soap|shampoo|smoke|sweat|spray|chlorine|salt\s+water|sun\s*(?:cream|screen|block)"
    r"|(?:lemon|lime|onion|orange|grapefruit)(?:\s+juice)?|juice|chill?i(?:\s+(?:juice|oil|seeds?))?|chile|pepper(?:\s+spray)?"
    r"|an?\s+(?:eyelash|lash|speck|fly|bug|gnat|hair|grain\s+of\s+sand)|eyelash|lash|speck)"
    r"\s+(?:(?:gets?|got|getting|runs?|ran|running|flies|flew|flying|blows?|blew|blowing|goes|went|going|drips?|dripped|dripping"
    r"|squirts?|squirted|squirting|sprays?|sprayed|splash(?:es|ed)?|stuck|lodged|caught|stinging|stings?)\s+(?:right\s+|straight\s+)?)?"
    r"(?:in|into)\s+(?:(?:her|his|their|my|your|the|one|both)\s+)?(?:(?P<side>left|right|l|r)\s+)?(?P<eye>eyes?)\b"
    r"(?![\s-]*(?:drops?|wash|mask|patch|shadow|liner|contact|of\b))"
    r"(?![^.;!?]*(?:\bnot|n't|\bnever|\bwithout|\bno)\s+(?:even\s+)?(?:a\s+)?(?:blink|flinch))"
    r"(?![^.;!?]*(?<!\bto\s)(?<!n't\s)(?<!\bnot\s)\b(?:keeps?|kept|keeping|stays?|stayed|staying|holds?|held)\s+(?:them\s+|her\s+eyes\s+|his\s+eyes\s+)?"
    r"(?:wide\s+)?open\b)")  # (not "tries to keep them open", "can't keep them open")


def _irritant(m: re.Match[str]) -> str:
    """The face of an irritant in one eye (that eye mostly shut and narrowed) or in both (screwed up)."""
    side = _SIDE_WORD.get(m["side"].lower(), m["side"].lower()) if m["side"] else ""
    if m["eye"].lower() == "eyes" and not side:
        if re.match(r"something|an?\s|eyelash|lash|speck|grit", m.group("what"), re.I):
            return m.group(0)  # "something in her eyes softens", "a hair in his eyes", "grit in her eyes" (resolve): no sting
        return " eyes screwed shut , "
    return f" {side} eye mostly shut , {side} eye narrowed , " if side else " one eye mostly shut , "


#: What ends a clause after a smile said to go ("smile off, pursed lips", "the smile goes -- eyes narrow", "smile off)"):
#: punctuation, the end of the line, a dash
_CLAUSE_ENDS = r"[,;:.)!?]|$|--?\s|[\u2013\u2014]"

#: Before a look and "out": it is let out or produced ("she lets a smile out", "coaxes a grin out", "to squint out")
_LET_OUT_BEFORE_RE = re.compile(
    r"(?:\b(?:let|lets|letting|pull\w*|squeez\w*|coax\w*|forc\w*|spit\w*|crack\w*|bring\w*|brought|get|gets|got|getting"
    r"|work\w*|ek\w*|manag\w*|wring\w*|wrung|drag\w*|teas\w*|draw\w*|drew|push\w*|give|gives|gave|giving|put\w*|fake\w*"
    r"|try|tries|tried|trying)\s+(?:(?:a|an|his|her|the|their|my|your|that|this|one|some)\s+)?(?:[a-z]+\s+)?|\bto\s+)$")


def _switched_off(m: re.Match) -> str:
    """"frown off", "brow furrow OUT": the look fades, unless it is let out or produced (:data:`_LET_OUT_BEFORE_RE`)."""
    if m.group(2) == "out" and _LET_OUT_BEFORE_RE.search(m.string, max(0, m.start() - 60), m.start()):
        return m.group(0)
    return f"{m.group(1)} fades"


_ROUND6_REWRITES: tuple[_Rewrite, ...] = tuple(_Rewrite(g, p, r) for g, p, r in (
    # "happy not by any stretch", "pleased? not by a long shot": the word before is denied, as "not happy", where the phrase
    # ends its clause ("smiles, not by any means warmly" denies the warmth, not the smile) and the word is not denied
    # already ("not happy, not by any stretch")
    ((" by any", " by a long"), r"(?<!\bnot\s)(?<!n't\s)(?<!\bnever\s)\b([a-z]+)\s*[,:?]?\s+not\s+by\s+"
     r"(?:any\s+(?:stretch(?:\s+of\s+the\s+imagination)?|means)|a\s+long\s+(?:shot|way|chalk))\b(?=\s*(?:[,.;:!?)\-\u2013\u2014]|$|(?:he|she|they|i|his|her|their|but|and)\b))",
     r"not \1 , "),
    # "everyone laughs except him", "the room chuckles and his face stays stony": see :data:`..visemes.OTHERS_REACT_RE`
    (("everyone", "everybody", "room", "crowd", "audience", "class", "table", "others", "kids", "children", "jury", "guests",
      "students", "fans"), OTHERS_REACT_RE.pattern, " , "),
    # "warming up backstage", "the singer warms up": getting ready (a voice, a body), not warmth; "warms up to him" is
    # liking, "her face warms up" a face softening and "death warmed up" the idiom, all kept
    ("warm", r"(?<!death\s)(?<!face\s)(?<!eyes\s)(?<!gaze\s)(?<!look\s)(?<!smile\s)(?<!expression\s)(?<!features\s)"
     r"\bwarm(?:s|ed|ing)?\s+up\b(?!\s+to\b)", " , "),
    # word senses: "her eyes lock onto his", "locks eyes with him": a fixed gaze at someone, not eyes locked shut
    ("lock", r"\beyes?\s+(?:lock|locks|locked|locking|fix|fixes|fixed|fixing|latch\w*|glue\w*|rivet\w*)\s+(?:on|onto|upon|to|with)\b",
     "looks straight at"),
    ("lock", r"\b(?:lock|locks|locked|locking)\s+eyes\s+(?:with|on)\b", "looks straight at"),
    # "a cold, unblinking glare": cold of a look with other words between is no shiver either
    (("cold", "icy", "frost", "chill", "steely", "stony"), r"\b(?:cold|icy|frosty|chilly|steely|stony)\s*,?\s+(?:(?:hard|unblinking|unwavering|flat|dead|blank|level|long|steady|narrow)\s*,?\s+){1,2}"
     r"(glare|scowl|stare|look|gaze|eyes)\b", lambda m: m.group(1) if m.group(1) in ("glare", "scowl") else _COLD_LOOK),
    # cold of a face, eyes, voice or manner ("his voice went cold", "cold and distant"): an emotional coldness
    # (a flat, hard look; cold eyes are flat: no smile reaches them), not the shiver of cold weather
    (("cold", "icy", "frost", "chill", "aloof"), r"\b(?:(?:eyes|face|expression|gaze|voice|tone|look|features|manner|smile)\s+(?:is|are|was|were|went|go|goes|turn\w*|grew|grow\w*|became|becomes|stays?|stayed|remain\w*)\s+"
     r"(?:very\s+|so\s+|ice\s+|stone\s+)?(?:cold|icy|frosty|chilly)(?!\s+and\b)"
     r"|(?:cold|icy|frosty|chilly)\s+(?:expression|face|voice|tone|manner|features)"
     r"|(?:eyes|gaze)\s+(?:cold|icy|frosty|steely)(?!\s+and\b)"  # "polite nod, eyes cold"
     r"|(?:cold|icy|frosty|chilly|aloof)\s+and\s+(?:distant|aloof|detached|unfriendly|remote|hard|unreadable|flat|dismissive)"
     r"|(?:distant|aloof|detached|unfriendly|remote|hard|unreadable|flat|dismissive)\s+and\s+(?:cold|icy|frosty|chilly))\b",
     _cold_look),
    # "hardened like water turning to ice", "her face turned to stone": a feeling going cold and flat, no head turn
    ("to", r"\b(?:like\s+)?(?:water\s+)?(?:turn\w*|freez\w*|froze|frozen|harden\w*)\s+(?:to|into)\s+(?:ice|stone|steel|granite|marble|flint)\b",
     " eyes slightly narrowed , lips slightly pressed "),
    ("harden", r"\b(?:expression|face|features|eyes|gaze|look|jaw|mouth)\s+(?:\w+\s+)?(?:harden\w*)\b",
     " eyes slightly narrowed , lips slightly pressed "),
    # "leans in", "leans toward him": the head comes forward, not a tilt
    ("lean", r"\b(lean|leans|leaned|leant|leaning)\s+(?:in|into\s+(?:him|her|them|it|the\s+\w+)|in\s+close(?:r)?|closer|toward\w*\s+(?:him|her|them|it|the\s+\w+))\b",
     r"\1 forward ,"),
    # "head tips sideways to the right": a tilt (roll), no turn
    ("sideways", rf"\b((?:tip\w*|tilt\w*|cock\w*|lean\w*|lol\w*|loll\w*|drop\w*|slump\w*|fall\w*|fell)(?:\s+(?:{_POSS}|its)\s+head)?)\s+sideways\b", r"\1"),
    # "gives way to understanding", "dawning understanding": comprehension (a small lift of the brows), not sympathy
    ("understanding", r"\b(?:(?<=to\s)|(?<=into\s)|(?<=dawning\s)|(?<=of\s))understanding\b(?!\s+(?:smile|look|nod|glance|expression))",
     "slightly raised brows"),
    # someone else's feeling ("sees the furious boss", "at his disgusted face"); a stimulus's ("a shocking scandal")
    ("", _OTHER_NOUN_RE.pattern, _other_nouns_feeling),
    # "she glares at Tom, who grins back": a relative clause on someone else (after a verb or preposition) is
    # their face, not the subject's (each verb binds to its own character)
    ("who", r"(\b(?:at|to|toward|towards|with|beside|behind|from|sees?|saw|watch(?:es|ed|ing)?|hugs?|hugged|kiss(?:es|ed)?|greets?|greeted"
     r"|meets?|met|pass(?:es|ed)?|thanks?|thanked|tells?|told|asks?|asked|answers?|answered)\s+(?:the\s+|her\s+|his\s+|their\s+|my\s+|a\s+|an\s+)?[a-z]+)"
     r"\s*,\s*who\s+[^,.;]*", r"\1"),
    # ... and without the comma ("glaring at the clown who grins at him", "smiles at the little boy who waves"): the
    # clause from 'who' to the next break is still the other person's face (one or two words name them; a clause that
    # starts the subject's own "who" after a name at the start is not touched: it needs the verb or preposition before)
    ("who", r"(\b(?:at|to|toward|towards|with|beside|behind|from|sees?|saw|watch(?:es|ed|ing)?|hugs?|hugged|kiss(?:es|ed)?|greets?|greeted"
     r"|meets?|met|pass(?:es|ed)?|thanks?|thanked|tells?|told|asks?|asked|answers?|answered|eyes|eyed|glares?\s+at|stares?\s+at)"
     r"\s+(?:the\s+|her\s+|his\s+|their\s+|my\s+|a\s+|an\s+|that\s+|this\s+)(?:[a-z]+\s+)?[a-z]+)"
     r"\s+who\s+(?!(?:is|was|are|were)\s+(?:not\s+)?(?:me|her|him|them)\b)"
     r"(?:(?!\b(?:then|but|while|until|when|before|after|so|as|now|finally)\b)[^,.;:!?\u2014])*", r"\1 "),
    # "she keeps a straight face while the kids giggle", "stone-faced as the audience laughs": a time clause whose subject is
    # someone else is their face, not the subject's (a pronoun subject may be the character's own: "as she laughs")
    (("while", "whilst", "as ", "when"), r"\b(?:while|whilst|as|when)\s+(?:(?:the|her|his|their|my|your|all\s+the|some)\s+"
     r"(?:(?!" + _OWN_SUBJECT + r")[a-z'-]+\s+)?(?!" + _OWN_SUBJECT + r")[a-z'-]+"
     r"|everyone|everybody|others|people|nobody\s+else|everyone\s+else)\s+(?:" + _EXPRESSION_FORMS + r"|sneez\w*|cheer(?:s|ed|ing)?"
     r"|gasp(?:s|ed|ing)?|shout(?:s|ed|ing)?|yell(?:s|ed|ing)?|snort(?:s|ed|ing)?|sigh(?:s|ed|ing)?|grimac\w*|cough(?:s|ed|ing)?"
     r"|glar(?:e|es|ed|ing)|snicker\w*|sniggers?|chuckl\w*|howl(?:s|ed|ing)?)\b"
     r"(?:\s+(?:at|with|about|along|together|loudly|softly|quietly|hard|nearby|around|too|behind|in|over)\b"
     r"(?:\s+(?:him|her|them|it|me|us|each\s+other|the\s+\w+))?)*", " "),
    # masking (a feeling hidden "inside", "secretly", "deep down"): a composed front, lips lightly pressed,
    # and the feeling leaking through faintly (~0.15-0.25 of it)
    ("inside", r"\b([a-z]+)\s+(?:on\s+the\s+)?inside\b(?!\s+(?:the|a|an|her|his|their|of|my|your|its|it|out|and\s+out)\b)", _hidden_feeling),
    ("ly", r"\b(?:secretly|privately|inwardly)\s+([a-z]+)\b", _hidden_feeling),
    (("deep down", "inside", "inwardly"), r"\b(?:deep\s+down\s*,?|(?:on\s+the\s+)?inside\s*,|inwardly\s*,)\s+(?:(?:she|he|they|i|you|we)(?:'s|'re|'m|\s+is|\s+was|\s+are|\s+were|\s+feels?|\s+felt)?\s+)?([a-z]+)\b", _hidden_feeling),
    # ("but inside he laugh", "inside she's screaming": no comma, a pronoun after it)
    ("inside", r"\b(?:on\s+the\s+)?inside\s+(?:she|he|they|i|you|we)(?:'s|'re|'m|\s+is|\s+was|\s+are|\s+were|\s+feels?|\s+felt)?\s+([a-z]+)\b", _hidden_feeling),
    # "poker face, leaking fear", "calm on the surface, panic seeping through": the feeling shows, slightly (dev: "the
    # fear leaks through around the eyes" asks for more than "faintly" gives)
    (("leak", "seep", "bleed", "through", "creep"),
     r"\b(?:leaking|seeping|bleeding)\s+(?:out\s+|through\s+)?(?:a\s+(?:little|bit|touch)\s+(?:of\s+)?)?([a-z]+)\b"
     r"|\b([a-z]+)\s+(?:leaking|leaks|leaked|seeping|seeps|bleeding|bleeds|showing|shows|peeking|peeks|creeping|creeps)\s+(?:through|out)\b",
     lambda m: f" slightly {m.group(1) or m.group(2)} " if _feeling(m.group(1) or m.group(2)) else m.group(0)),
    # a feeling said first and then to be hidden ("disappointed, hiding it", "a pang of hurt, masked", "grief pushed
    # down", "glee held in", "bitter, holding a neutral face"): the feeling held in check, as "hides her disappointment"
    # reads (the lips pressed on it, the feeling itself a little; corpus train, emotion fields 'rage held in', 'stung,
    # swallowing it': MouthPress 0.3 beside the feeling at about a third)
    (("hid", "mask", "held", "push", "swallow", "bottled", "kept in", "buri", "holding"),
     r"\b([a-z]+)(?:\s*[,:\u2014\u2013]\s*|\s+-{1,2}\s+|\s+)(?:(?:and|but)\s+)?" + HIDDEN_HOW +
     r"(?:hiding|masking|swallowing|burying|hidden|masked|swallowed|buried|held\s+in|held\s+down"
     r"|kept\s+in|pushed\s+down|pushing\s+it\s+down|bottled\s+up"
     r"|holding\s+(?:a\s+|her\s+|his\s+|their\s+|my\s+)?(?:neutral|straight|blank|calm|flat|poker|brave)\s+face)"
     r"(?:\s+it)?(?:\s+(?:away|deep|well|down))?(?=\s*(?:[,.;:!?\u2014]|$|and\b|but\b|behind\b|under\b))",
     _held_in_check),
    # ... or said and then kept off the face in a clause of its own ("angry but doesn't show it", "impressed but won't
    # show it", "scared, though she hides it", "she very angry but not show it"): the same feeling held in check
    (("show", "hides", "masks", "conceals", "swallows", "buries"),
     r"\b([a-z]+)\s*,?\s+(?:and|but|yet|though|although)\s+(?:(?:she|he|they|i|we|you)(?:'s|'re|'m)?\s+)?"
     r"(?:(?:does\s+not|doesn'?t|do\s+not|don'?t|won'?t|will\s+not|didn'?t|did\s+not|not|never|refuses?\s+to|tries\s+not\s+to|try\s+not\s+to)"
     r"\s+(?:let(?:s|ting)?\s+it\s+)?show(?:s|ing)?(?:\s+it)?|(?:hides|masks|conceals|swallows|buries)\s+it)"
     r"(?:\s+(?:well|away|down|at\s+all|much))?" + CLAUSE_END,
     _held_in_check),
    # ... or pretended away ("still hurt, pretending not to be", "scared but pretending she isn't", "he pretends not to be
    # scared"): held in check as well
    ("pretend", r"\b([a-z]+)\s*,?\s+(?:(?:and|but|yet|though)\s+)?(?:(?:she|he|they|i|we|you)(?:'s|'re|'m|\s+is|\s+are)?\s+)?"
     r"pretend(?:s|ed|ing)?\s+(?:not\s+to\s+be|(?:that\s+)?(?:she|he|they|i|we|you)(?:'s|'re|'m|\s+is|\s+are)\s+not|(?:she|he|they|i|we|you)\s+(?:isn'?t|aren'?t|wasn'?t|weren'?t|'m\s+not))\b"
     + CLAUSE_END, lambda m: m.group(0) if m.group(1) in _PRETENDED_STATES else _held_in_check(m)),
    ("pretend", r"\bpretend(?:s|ed|ing)?\s+not\s+to\s+be\s+(?:(?:at\s+all|remotely|even\s+slightly|the\s+least\s+bit)\s+)?([a-z]+)\b",
     lambda m: f" {m.group(1)} held in check " if _feeling(m.group(1)) and m.group(1) not in _PRETENDED_STATES else m.group(0)),
    # ... or covered by composure in a clause of its own ("hurt but plays it cool", "sad but composed", "terrified, but
    # she keeps it together", "furious, yet he keeps his cool", "scared but puts on a brave face"): held in check as well
    (("cool", "together", "lid on", "brave face", "straight face", "poker face", "composed", "collected", "stoic"),
     r"\b([a-z]+)\s*,?\s+(?:(?P<against>but|yet|though|although)|and)\s+(?:(?:she|he|they|i|we|you)(?:'s|'re|'m)?\s+)?"
     rf"{COVER}{CLAUSE_END}",
     # composure said with "and" is one more word for the face ("happy and composed"), not a feeling covered
     lambda m: m.group(0) if calm_state(m.group(1)) or (m.group("composure") and not m.group("against"))
     else _held_in_check(m)),
    # ... or not admitted ("not going to admit she's impressed", "he won't admit he's scared"): held in check as well
    ("admit", r"\b(?:not\s+going\s+to|(?:is|are|was|'s|'re)\s+not\s+about\s+to|won'?t|will\s+not|refuses?\s+to|refusing\s+to|never)\s+admit\s+"
     r"(?:that\s+|it\s*,?\s+)?(?:(?:she|he|they|i|we|you)(?:'s|'re|'m|\s+is|\s+are|\s+was|\s+were|\s+feels?)\s+)?(?:a\s+(?:little|bit)\s+)?([a-z]+)\b",
     lambda m: f" {m.group(1)} held in check " if _feeling(m.group(1)) else m.group(0)),
    # an oath that something is so ("I swear I'm fine", "she swears she didn't touch it", "swears to god", "the landlord
    # swears the boiler will be fixed"): a claim, not cursing ("swears under his breath", "swears at the printer")
    # ("i swear to god." on its own is exasperation; "you'd swear she'd been robbed" says how she looks)
    (("swear", "swore"), r"(?<!'d\s)(?<!would\s)\b(?:i\s+swear|swears?|swore|swearing)(?:\s+to\s+god)?\s+"
     r"(?=(?:that|he|she|i|they|we|you|it|there|this|the|his|her|my|their|nothing|blind|on)\b|(?:he|she|it|i|they|you|we)')", " claims "),
    ("swear", r"\bi\s+swear(?=\s*(?:[,.!?;]|$))", " , "),  # "didnt flinch i swear, ok maybe a bit": an oath tag, no cursing
    # "at the screech of the speakers", "over the roar of the crowd": a sound something else makes, not this face's ("hears
    # the scream of her child" is left to the startle rule below)
    (("screech", "scream", "shriek", "roar", "howl", "wail", "squeal", "squeak", "crash", "bang", "boom", "hiss", "whine", "growl"),
     r"\b(at|to|by|over|from|through|above|despite|ignor(?:es|ed|ing|e))\s+the\s+"
     r"(?:(?:sudden|loud|distant|first|deafening|piercing|shrill|high-pitched|constant|endless)\s+)?"
     r"(?:screech|scream|shriek|roar|howl|wail|squeal|squeak|crash|bang|boom|hiss|whin|growl)(?:e|es|s|ing)?\s+of\b", r"\1 the sound of"),
    # "the smoke alarm", "her alarm clock", "the alarm goes off": a device, not alarm felt ("alarm bells ring in her head",
    # "alarm goes off in her eyes", "her alarm sounds genuine" are the feeling)
    ("alarm", r"\b(?:(smoke|fire|car|burglar|security|house|phone|wake-up|intruder|engine|cockpit|emergency|proximity|carbon\s+monoxide)\s+alarms?\b"
     r"|alarm(?=\s+clocks?\b)"
     r"|\b(the|her|his|my|their|your|an)\s+alarms?(?=\s+(?:clocks?|goes\s+off|went\s+off|going\s+off|beeps|beeped|beeping|blares|blared"
     r"|blaring|buzzes|buzzed|buzzing)\b|\s+(?:rings|rang|sounds|sounded)(?=\s*(?:[,.;:!?\u2014]|$|and\b|as\b|again\b))))",
     lambda m: f" {m.group(1) or m.group(2) or ''} buzzer"),
    # "not me crying at a cat video": the internet's way of owning up to it (she is crying), not a denial
    ("not ", r"(?:^|(?<=[.!?;,]))\s*not\s+(?:me|him|her|them|us)\s+(?=[a-z]+ing\b)", " me "),
    # "realising she's serious", "seeing he's upset": someone else's state, what this face takes in (not its own look)
    (("realis", "realiz", "seeing", "noticing", "sensing"),
     r"\b(reali[sz](?:es|ed|ing)|seeing|noticing|sensing)\s+(?:that\s+)?(?:she|he|they)(?:'s|'re|\s+is|\s+are|\s+was|\s+were)\s+"
     r"(?:(?:really|actually|dead|deadly|completely|quite|so|very|not)\s+)?([a-z]+)\b(?!\s+(?:to|at|of|with|about|by)\b)",
     lambda m: f"{m.group(1)} ," if _feeling(m.group(2)) else m.group(0)),
    # "works it out", "working out what he means": figuring something out, not the jaw working
    ("work", r"\bwork(s|ed|ing)?\s+(?:(it|things|that|this|something|everything|them)\s+)?out\b(?!\s+(?:at|in|on)\b)",
     _figured_out),
    # "she sobers", "he sobers up": the face straightens (not the adjective, "a sober look")
    ("sober", r"\b(?:sober(?:s|ed)\b(?:\s+up\b)?|sober(?:s|ed|ing)?\s+up\b)(?:\s+(?:completely|entirely|fully|totally|instantly|immediately|at\s+once))?",
     " face straightens "),
    # "a smile that starts in the eyes and never reaches the mouth": the eyes smile, the mouth does not
    ("reach", r"\b(?:(?:a|an|the|her|his|their|my)\s+)?(?:smile|grin)\s+(?:that\s+|which\s+)?(?:starts|begins|lives|stays|sits)\s+in\s+(?:the|her|his|their|my)\s+eyes\s+(?:and|but)\s+"
     r"(?:never|doesn'?t|does\s+not|didn'?t|did\s+not)\s+(?:quite\s+|even\s+)?reach(?:es)?\s+(?:the|her|his|their|my)\s+(?:mouth|lips)\b",
     " eye corners crinkle , mouth neutral "),
    # "laughs along with a joke he doesn't find funny": the laugh is put on (a forced laugh), not denied
    (("find", "finds", "found"), r"\b(laugh\w*)\b([^.;!?]*?)\s*\b(?:that\s+|which\s+)?(?:he|she|they|i|you|we)\s+(?:doesn'?t|does\s+not|don'?t|do\s+not"
     r"|didn'?t|did\s+not|never)\s+(?:even\s+|really\s+)?find\s+(?:very\s+|particularly\s+|remotely\s+|at\s+all\s+|that\s+|it\s+)?(?:funny|amusing)\b(?:\s+at\s+all)?",
     lambda m: f" forced {m.group(1)} {m.group(2)} "),
    # ... or said to lie beneath a still face ("nothing shown; fear underneath", "dread beneath the surface", "rage
    # inside"; not a second feeling beside the first, "joy with worry underneath", which shows), or to be one the person dare not show ("relief he doesn't dare show"): held in check as well
    (("underneath", "beneath", "surface", "inside", "within"),
     r"(?<!\bwith\s)\b([a-z]+)\s+(?:underneath|beneath(?:\s+(?:the\s+surface|it\s+all|the\s+calm|the\s+mask))?|(?:below|under)\s+the\s+surface|inside|within)"
     r"(?=\s*(?:[,.;:!?\u2014]|$))",
     _held_in_check),
    # ... or under a show put on over it ("scared under it", "fear under bravado", "resentment under a toast"; a smile or
    # a grin it is under stays on the face, "bitter under a sweet smile"; not "nervous under scrutiny", "calm under
    # pressure", which say what weighs on the face, nor "cold under it", a state of the body)
    ("under", r"\b([a-z]+)\s+under\s+(?:it(?:\s+all)?|that|this|(?:(?:the|a|an|his|her|their|my)\s+)?"
     r"(?:(?:polite|sweet|calm|brave|cheerful|friendly|practised|practiced|fixed|pleasant|bright|big|easy|smooth|thin|tight|forced|fake|wide"
     r"|broad|jolly|professional|cool|bland|genial|gracious)\s+)?"
     r"(?P<cover>smile|grin|bravado|mask|toast|act|front|fa[cç]ade|veneer|exterior|politeness|courtesy|jokes?|cheer|cheerfulness|composure))"
     + CLAUSE_END,
     lambda m: m.group(0) if not _feeling(m.group(1)) or calm_state(m.group(1))
     else _held_in_check(m) + (f" , {m.group(0).split(' under ', 1)[1]}" if m.group("cover") in ("smile", "grin") else "")),
    ("show", r"\b([a-z]+)\s+(?:that\s+)?(?:she|he|they|i|we|you)\s+(?:doesn'?t|does\s+not|don'?t|do\s+not|won'?t|will\s+not|can'?t|cannot|daren'?t"
     r"|dare\s+not|mustn'?t|must\s+not)\s+(?:dare\s+(?:to\s+)?)?(?:let\s+)?show\b",
     _held_in_check),
    # "she smells the roses", "breathes in the sea air", "sniffs the fresh bread": a smell savoured (train: the lids
    # closing, 0.65, a small smile, 0.3), not a bad smell's wrinkled nose
    (("smell", "smelt", "sniff", "breath", "inhal"),
     r"\b(?:smell|smells|smelled|smelt|smelling|sniff|sniffs|sniffed|sniffing|breathes?\s+in|breathed\s+in|breathing\s+in|inhales?|inhaled"
     r"|inhaling)\s+(?:in\s+)?(?:deeply\s+)?(?:the\s+|a\s+|some\s+|her\s+|his\s+|their\s+|my\s+)?(?:(?:smell|scent|aroma)\s+of\s+(?:the\s+)?)?"
     r"(?:(?:fresh|freshly\s+[a-z]+|sweet|warm|lovely|wonderful|delicious|clean|spring|morning|hot|new|baking)\s+)*"
     r"(?:roses?|flowers?|blossoms?|perfume|bread|coffee|cookies|cake|pie|lavender|jasmine|lilac|pine|cut\s+grass|grass|hay|rain|tea"
     r"|(?:sea|fresh|spring|morning|mountain|country|salt|salty|pine|clean)\s+air)\b(?!\s+(?:and|but|then)?\s*(?:gags?|retch|recoil|wince|grimace|frown))",
     _savoured),
    # "left lid clamped down", "eyes clamped shut": squeezed shut (it had read as a lid drooping, 0.45)
    ("clamp", r"\b(lids?|eyelids?|eyes?)\s+(?:clamped|clamps|clamp|clamping)(?:\s+(?:down|shut|closed|tight|tightly))?\b(?!\s+(?:wide|open))",
     r"\1 squeezed shut"),
    # "he squeezes his left eye shut", "screws her right eye shut": that eye squeezed shut (the 'shut' had closed both)
    (("squeez", "screw", "scrunch"), r"\b(?:squeez|screw|scrunch)\w*\s+(?:up\s+)?(?:her|his|their|my|your|the)\s+(left|right)\s+(eye|lid|eyelid)\s+"
     r"(?:up\s+)?(?:shut|closed|tight|tightly)\b", r"\1 \2 squeezed shut"),
    # "one eye open, the right", "one eye (R) open", "one eye shut - the left": the eye named is the one said open or
    # shut, and the other the opposite (the side had read as a look that way)
    ("one eye", r"\bone\s+eye\s+(open|shut|closed)\s*[,:(\-\u2014]\s*(?:the\s+)?(left|right|l|r)\b(?:\s+one)?\s*\)?"
     r"|\bone\s+eye\s*\(?\s*(?:the\s+)?(left|right|l|r)\s*\)?\s+(open|shut|closed)\b", _one_eye),
    # "his head snaps round at the noise", "she spins round": a quick turn, as "whips around" (they had been empty)
    (("round", "around"), r"\b(?:snap|snaps|snapped|snapping|spin|spins|spun|spinning|jerk|jerks|jerked|jerking)\s+(?:round|around)\b",
     " whips around"),
    # "he squares his jaw", "jaw squared": the jaw set (clenched and firm), not opened
    ("squar", r"\bsquar(?:e|es|ed|ing)\s+(?:up\s+)?(?:her|his|their|my|your|the)\s+(?:jaw|chin)\b|\b(?:jaw|chin)\s+squared\b", " sets her jaw "),
    # "he takes a sip and savours it", "it's delicious", "tastes something delicious": a taste savoured (train: lids
    # lowered, 0.6, a small smile, 0.35)
    (("savo", "delicious", "tasty", "yummy", "scrumptious"),
     r"\bsavou?r(?:s|ed|ing)?\b|\b(?:is|it's|its|tastes?|tasted|tasting|so|very|really|absolutely|something|utterly)\s+(?:so\s+|very\s+|really\s+)?"
     r"(?:delicious|tasty|yummy|scrumptious)\b",
     _savoured),
    # a purpose clause "smiles so her dad won't worry": the smile is put on for someone (social), and the
    # worry it hides leaks faintly
    (" so ", r"\b(?:(smil(?:e|es|ed|ing)|grin(?:s|ned|ning)?|laugh(?:s|ed|ing)?|chuckl(?:e|es|ed|ing)|giggl(?:e|es|ed|ing)|beam(?:s|ed|ing)?)\b([^,.;]{0,40}?))?\s*\bso\s+(?:that\s+)?"
     r"(?:(?:[a-z']+\s+){0,4}?(?:won'?t|wouldn'?t|doesn'?t|don'?t|didn'?t|can'?t|couldn'?t|will\s+not|would\s+not|does\s+not|do\s+not|did\s+not|never)\s+(?:be\s+|get\s+|feel\s+|have\s+to\s+)?"
     r"|(?:nobody|no\s+one|none\s+of\s+them)\s+(?:will\s+|would\s+|can\s+|could\s+)?)"
     r"(worr\w*|notice\w*|see|sees|know|knows|suspect\w*|panic\w*|fret|guess\w*|reali[sz]e\w*|find\w*\s+out|upset|scared|afraid|frightened|sad|cry|alarmed|concerned|fear"
     r"|think\w*|tell\w*|ask\w*|wonder\w*|freak\w*\s+out)\b"
     # (to the clause's end: a dash, 'and', 'but' or a face part ends it: "... won't worry her eyelids are heavy")
     r"(?:(?!\s+(?:and|but|while|yet)\b|\s+(?:(?:her|his|their|my|the|its)\s+)?(?:eyes?|eyelids?|lids?|brows?|eyebrows?|mouth|lips?"
     r"|jaw|face|cheeks?|chin|head|nose|gaze|forehead)\b)(?:[^,.;\u2013\u2014-]|-(?=\w)))*",
     _put_on_for_someone),
    # "a puzzled tilt to the left", "a curious little tilt of the head": the feeling, and a head tilt of its own that
    # takes the side named (the feeling word does not swallow the tilt and its side)
    (("tilt", "cock"), r"\b(a|an|the|one|her|his|their|my|that|this)\s+([a-z]+)\s+((?:little\s+|small\s+|slight\s+|slow\s+|quick\s+)?(?:tilt|cock))\b",
     lambda m: f"{m.group(2)} , {m.group(1)} {m.group(3)}" if _feeling(m.group(2)) else m.group(0)),
    # negation stays in its clause: "she smiles and he doesn't look at her" (a new subject starts a clause)
    (" and ", r"(?<![,;])\s+and\s+(?=(?:she|he|they|i|we|you)\s+(?:[a-z]+\s+)?(?:[a-z]+n'?t|not|never|cannot)\s+[a-z])", " , and "),
    # "so angry he can't speak": a result clause with its own subject and negation does not negate the feeling
    ("so ", r"\b(so\s+[a-z]+)\s+(?:that\s+)?(?=(?:she|he|they|i|we|you)\s+(?:[a-z]+\s+)?(?:[a-z]+n'?t|not|never|cannot)\s+[a-z])",
     lambda m: f"{m.group(1)} , " if _feeling(m.group(1).split()[-1]) else m.group(0)),
    # "could not meet her eyes", "won't look at him": the eyes avoid someone's (down and away), not a negated look
    (("n't", "not", "never"), rf"\b(?:can'?t|cannot|can\s+not|couldn'?t|could\s+not|won'?t|will\s+not|wouldn'?t|would\s+not|doesn'?t|does\s+not|didn'?t|did\s+not|never)\s+"
     rf"(?:quite\s+|even\s+)?(?:meet|hold|look\s+(?:at|into))\s+(?:{_POSS}\s+(?:eyes|gaze|face)\b|(?:him|her|them|me|us|anyone|anybody)"
     r"(?=\s*(?:[,.;:!?]|$)|\s+(?:and|but|or|as|while|when|then|now|anymore|again|directly|properly|straight|yet)\b))", " gaze drops , looking away "),
    ("avoid", rf"\bavoid(?:s|ed|ing)?\s+(?:{_POSS}|any)\s+(?:eyes|gaze|eye\s+contact)\b", " gaze drops , looking away "),
    # time cues: "was smiling a moment ago; now worried": the earlier state is an earlier beat, the keyframe is now
    ("now", r"(\b(?:ago|earlier|before|previously|at\s+first|used\s+to|had\s+been|was\s+[a-z]+ing|were\s+[a-z]+ing)\b[^.;!?]*?)\s*[;,.!\u2014\-]+\s*(?:but\s+|and\s+)?now\b",
     r"\1 , then now"),
    # "long before the smile reached his lips": at this moment the smile is not there yet (a trace at most)
    ("before", r"\b(?:long\s+|well\s+|just\s+|even\s+)?before\s+(?:the|a|an|her|his|their|any)\s+([a-z]+)\s+(?:(?:ever|even|finally)\s+)?"
     r"(?:reach\w*|hit\w*|touch\w*|spread\w*\s+to|got\s+to|gets\s+to|made\s+it\s+to|makes\s+it\s+to|arriv\w*\s+at|show\w*\s+(?:on|in))\s+(?:her|his|their|the|my)\s+(?:lips|mouth|face|eyes)\b",
     r" , a trace of \1"),
    # "about to sneeze": the anticipation, about half of the movement
    ("about to", r"\b(?:just\s+)?about\s+to\s+(?=[a-z])", "half "),
    # "blinks rapidly", "blinking several times": repeated blinks are motion; the keyframe holds the eyes mostly
    # open (lids a little lowered, as the corpus's "blinking fast" keys have them), not shut
    ("blink", r"\b(?:blink\w*)\s+(?:(?:very\s+)?(?:rapidly|repeatedly|quickly|fast|furiously|hard\s+and\s+fast)(?:\s+several\s+times)?|(?:several|a\s+few|many|three|multiple|a\s+couple\s+of)\s+times|twice|over\s+and\s+over|again\s+and\s+again)\b"
     r"|\b(?:rapid|repeated|fast|quick\s+succession\s+of|several|a\s+flurry\s+of|multiple)\s+blinks\b", " eyelids slightly lowered "),
    # an anger-type word on a smile modulates that smile: small, one-sided, lips pressed (no full anger of its own)
    (("bitter", "sour", "acid", "acerbic", "sardonic", "cynical", "scorn", "contempt", "mocking", "caustic", "resent", "jaded", "venom", "spite"), r"\b(?:bitter|bitterly|sour|acid|acerbic|sardonic|cynical|scornful|contemptuous|mocking|caustic|resentful|jaded|venomous|spiteful)"
     r"\s+(?:little\s+|small\s+|thin\s+|half[\s-])?(smile|smiles|smiled|smiling|grin|grins|grinned|grinning|smirk|smirks)\b", r"small lopsided \1 , lips slightly pressed"),
    ("smil", r"\b(smile|smiles|smiled|smiling)\s+(?:bitterly|sardonically|cynically|scornfully|mockingly|sourly|acidly|spitefully)\b",
     r"\1 slightly lopsided , lips slightly pressed"),
    # "watches him frown, amused": an onlooker's amusement is a slight smile
    (("amused", "entertained"), r"\b((?:watch|observ|listen|look\w*\s+(?:at|on)|eye[sd]?\b|regard|stud(?:y|ies|ied|ying)|see|sees|saw)[^.;]*?,\s*)(?:quietly\s+|privately\s+)?(amused|entertained)\b",
     r"\1slightly \2"),
    # "a slow smile spread across her lips": the smile itself (not a lip stretch)
    (("spread", "broaden", "widen", "stretch", "creep", "crept"), rf"\b(smile|smiles|grin|grins|smirk)\s+(?:\w+\s+){{0,2}}?(?:spread\w*|broaden\w*|widen\w*|stretch\w*|creep\w*|crept)\s+(?:slowly\s+)?(?:across|over|on|onto)\s+{_POSS}\s+(?:lips|face|mouth)\b", r"\1"),
    # "holds back a giggle ..., eyes sparkling": with a suppression cue, sparkling eyes are the cheeks' share of the
    # smile held back, not a full smile added back
    (("sparkl", "twinkl", "danc", "shin", "glint", "glitter", "gleam"), r"\beyes\s+(?:sparkl\w*|twinkl\w*|danc\w*|shin\w*|glint\w*|glitter\w*|gleam\w*)(?:\s+with\s+(?:mischief|amusement|glee|laughter|delight|fun|mirth|humou?r))?\b",
     _eyes_sparkle),
    # "head down-left", "head up and to the right": both the pitch and the turn
    (("left", "right"), r"\b(head|chin|face)\s+((?:tilted\s+|tipped\s+|angled\s+|turns\s+|turned\s+|goes\s+|went\s+|go\s+|drops\s+|dropped\s+|dips\s+|dipped\s+"
     r"|swings\s+|swung\s+|moves\s+|moved\s+|tilts\s+|tips\s+)?(?:up|down))(?:[\s-]+|\s+and\s+(?:to\s+(?:the\s+|her\s+|his\s+)?)?)(left|right)\b(?!\s+(?:eye|brow|corner|side|cheek|lip))",
     r"\1 \2 , head turned to the \3"),
    # the tongue inside the mouth: "tongue in cheek", "pokes her tongue into her cheek" (a small bulge, mouth
    # shut), "runs his tongue over his teeth" (lips closed); no tongue out
    ("cheek", rf"\b(?:(?:push|poke|press|stick|jam|shove)\w*\s+{_POSS}\s+tongue\s+(?:into|in|on|against)\s+(?:{_POSS}\s+|one\s+)?(?:(?:left|right|inner)\s+)?cheek"
     rf"|tongue\s+(?:\w+\s+)?(?:in|on|into|against)\s+(?:{_POSS}\s+|one\s+)?(?:(?:left|right|inner)\s+)?cheek)\b", "lips closed , cheek barely puffed"),
    ("teeth", rf"\b(?:(?:run|runs|ran|running|slide|slides|slid|sliding|drag|drags|dragged|dragging|move|moves|moved|moving)\s+{_POSS}\s+tongue"
     rf"|tongue\s+(?:run|runs|ran|running|slide|slides|slid|sliding|moves|moved|moving)|lick(?:s|ed|ing)?)"
     rf"\s+(?:over|along|across|around|behind|against)?\s*(?:{_POSS}\s+)?(?:(?:top|upper|bottom|lower|front|back)\s+)?teeth\b", "lips closed"),
    # a blush ("colour rose in his cheeks", "she blushes", "cheeks flush red"): embarrassment, no cheek suck
    (("colo", "red", "heat", "pink", "flush", "blush", "crimson", "scarlet", "burn"), rf"\b(?:(?:the\s+)?(?:colou?r|red|redness|heat|pink|a\s+flush|a\s+blush)\s+(?:rose|rises|rising|creeps|crept|creeping|spreads|spread|spreading|floods|flooded|flooding|climbs|climbed|climbing|rushes|rushed)"
     rf"\s+(?:up\s+)?(?:in|into|to|across|over|up)\s+(?:{_POSS}\s+)?(?:cheeks|face|neck)"
     rf"|(?:{_POSS}\s+)?(?:cheeks|face)\s+(?:flush\w*|redden\w*|burn\w*|(?:go|goes|went|turn\w*)\s+(?:bright\s+)?(?:red|pink|crimson|scarlet))(?:\s+(?:red|pink|crimson|scarlet))?"
     rf"|(?:she|he|they|i|we)\s+(?:\w+ly\s+)?(?:flush(?:es|ed)?|(?:is|was|are|were)\s+flushing)"
     rf"(?!\s+(?:the|a|an|it|them|his|her|their|my|your|its|out|away|down|through)\b)"
     rf"|blush(?:es|ed|ing)?)\b{_NOT_RED_WITH_ANGER}", "embarrassed"),
    # a person who turns or goes red (not with anger: "red with rage" stays anger) blushes; the face's own colour is no head turn
    (("red", "pink", "crimson", "scarlet", "beetroot"), r"\b(?:turn|turns|turned|turning|go|goes|went|gone|going)\s+(?:bright\s+|beet\s+)?(?:red|pink|crimson|scarlet|beetroot)\b"
     + _NOT_RED_WITH_ANGER, " embarrassed "),
    # "she turned white as a sheet", "he went pale": blood draining with dread, the inner brows up and the lips pressed
    # (train: "He went pale as a sheet and swallowed"); lips or knuckles that go white are pressed or gripped, left alone
    (("white", "pale", "ashen", "grey", "gray"), r"\b(?:turn|turns|turned|turning|go|goes|went|gone|going)\s+(?:as\s+)?(?:deathly\s+|ghostly\s+|chalk\s+|bone\s+|very\s+)?"
     r"(?:white|pale|ashen|grey|gray)\b(?:\s+as\s+(?:a\s+)?(?:sheet|ghost|chalk|paper|snow|death|milk))?", _goes_pale),
    # "out of the corner of his right eye": the eyes turn hard to that side, the head stays
    ("corner of", rf"\b(?:(?:out\s+)?(?:of|from)\s+)?the\s+corner\s+of\s+{_POSS}\s+(left|right)\s+eyes?\b", r" , eyes hard to the \1 ,"),
    ("corner of", rf"\b(?:(?:out\s+)?(?:of|from)\s+)?the\s+corners?\s+of\s+{_POSS}\s+eyes?\b(?!\s+(?:crinkl|wrinkl|crease|tighten|lift|rais|narrow|droop))", " , side-eye ,"),
    # FACS action unit names the lexicon has no phrase for, read as their codes
    ("dimpler", r"\bdimplers?\b", " aube "),
    ("puller", r"\blip\s+corner\s+pullers?\b", " aubc "),
    ("depressor", r"\blip\s+corner\s+depressors?\b", " aubf "),
    ("depressor", r"\blower\s+lip\s+depressors?\b", " aubg "),
    ("raiser", r"\bchin\s+raisers?\b", " aubh "),
    ("press", r"\blip\s+pressors?\b|\blip\s+pressers?\b", " auce "),
    ("thrust", r"\bjaw\s+thrust\b", " aucj "),
    ("puffer", r"\bcheek\s+puffers?\b", " cheeks puffed "),
    # "the departures board", "the big screen", "the cinema screen": a display up high or far off, no thing held below
    (("screen", "board"), r"\b(departures?|arrivals|notice|cinema|big|overhead|tv|television|giant|flight|information|projector"
     r"|movie|jumbo|stadium|score|results|wall)\s+(?:screens?|boards?)\b", r"\1 display"),
    # intensity words stay in their own noun phrase: "squints at the small print", "hugs a little girl"
    (("small", "tiny", "little", "big", "huge", "large", "giant", "enormous", "massive"), r"\b(the|a|an|his|her|their|its|this|that|some|my|your)\s+(?:small|tiny|little|big|huge|large|giant|enormous|massive)\s+([a-z]+)\b(?!-)(\s+[a-z]+)?",
     _size_of_a_thing),
    # ... and before a name's possessive: "Tiny Oskar's lip trembled", "big Jim's grin" (the size of Oskar, not of the movement)
    (("small", "tiny", "little", "big", "huge", "large", "giant", "wee"),
     r"\b(?:small|tiny|little|big|huge|large|giant|wee)\s+(?=[a-z]+'s\b)(?!(?:bit|one|smile|grin|frown|laugh)'s\b)", ""),
    # manner idioms: "little by little", "bit by bit" are a pace, not a small movement
    ("by", r"\b(?:little|bit|inch|step|degree)\s+by\s+(?:little|bit|inch|step|degree)\b|\bby\s+degrees\b", " slowly "),
    # "over the top" only as the whole idiom: "over the top of the wall", "over her top teeth" are places
    ("top", r"\bover\s+the\s+top\s+of\b", " above "),
    ("top", rf"\bover\s+(?!the\b){_POSS}\s+top\b", lambda m: m.group(0)[: -len("top")] + "upper"),
    # slang intensifiers before a feeling: "insanely surprised", "crazy happy", "stupidly proud"
    (("insanely", "ridiculously", "stupidly", "absurdly", "unbelievably", "crazy", "mad", "wicked", "hella", "per"), r"\b(?:insanely|ridiculously|stupidly|absurdly|unbelievably|crazy|mad|wicked|hella|sooo*per|soo+\s+per)\s+(?=([a-z]+))", _slang_intensifier),
    # "a huge, jaw-dropping gasp": an intensity word before a comma still qualifies the noun after it
    (",", r"\b((?:a|an)\s+(?:big|huge|enormous|massive|giant|wide|broad|great|small|tiny|little|slight|faint))\s*,\s+(?=[a-z]+-(?:dropping|popping|splitting|cracking|stopping|wrenching|shattering|busting)\b)", r"\1 "),    # round 10: speech that dies or trails off is not a face movement undone ("her lips part, but whatever she
    # meant to say dies there", "his voice fades"): the fading word has its own subject
    (("die", "fade", "trail"), r"\b(?:what(?:ever)?\s+(?:she|he|they|i|you|we)\s+(?:had\s+)?(?:(?:meant|wanted|was\s+going|were\s+going|was\s+about|were\s+about|tried)\s+)?to\s+say"
     r"|(?:the|her|his|their|my|your)\s+(?:words?|voice|protest|reply|answer|question|sentence|objection|retort|sentence))"
     r"\s+(?:died|dies|die|dying|fades?|faded|fading|trails?\s+off|trailed\s+off|trailing\s+off)\b", " "),    # a tongue bitten down on by accident hurts ("chomps down on his tongue"); the idiom "bites her tongue" is
    # rewritten to pressed lips above
    ("tongue", rf"\b(?:chomp\w*|bit|bite|bites|biting|bitten|clamp\w*)\s+(?:right\s+|hard\s+|straight\s+)?down\s+(?:hard\s+)?on\s+{_POSS}\s+(?:own\s+)?tongue\b",
     "winces in pain"),    # "omg no way!": an exclamation of amazement, not a negation of the feeling before it (but "there's no way ...")
    ("no way", r"(?<!there\s)(?<!there's\s)(?<!there\u2019s\s)(?<!is\s)(?<!was\s)\bno\s+way\b(?!\s+(?:is|am|are|was|were|will|would|do|does|did|can|could|i|im)\b)", "amazed ,"),    # idioms of a feeling read literally: "steam whistling from his ears" is fury (not a whistle), "looks like
    # butter wouldn't melt" is innocence, "a face like a wet weekend" is glum
    ("steam", rf"\bsteam\b[^,.;:!?]{{0,40}}?\b(?:from|out\s+of)\s+(?:{_POSS}\s+)?ears?\b", "fuming"),
    ("butter", r"\bbutter\s+(?:would\s+not|wouldn'?t|wouldn\u2019t|would\s+never|could\s+not|couldn'?t)\s+melt(?:\s+in\s+\w+\s+mouth)?\b",
     "eyes slightly wide , inner brows slightly raised , a faint smile"),
    ("wet", r"\bface\s+like\s+a\s+wet\s+(?:weekend|week|tuesday|monday|wednesday|thursday|friday|saturday|sunday|sunday\s+afternoon|bank\s+holiday|lettuce|blanket)\b", "glum face"),    # a movement on its way, not at its peak: "on the verge of tears", "a sneeze is building" (as "about to")
    (("verge", "brink"), r"\b(?:on\s+the\s+|at\s+the\s+)?(?:verge|brink)\s+of\s+(?=[a-z])", "half "),
    (("building", "coming"), r"\b(?:a\s+)?(sneeze|cough|yawn|laugh|scream|sob|smile|grin)\s+(?:is\s+|was\s+)?(?:building|coming\s+on)\b", r"half \1"),
    # "he just freezes", "Old Mr. Finch froze": caught still by a fright (train: EyeWide 0.3, BrowInnerUp 0.26), not a hold
    (("freezes", "froze"), r"\b(?:freezes|froze)\b(?!\s+(?:the|a|an|her|his|their|my|your|it|them|him|over|solid|up|out|to\s+death)\b)",
     "freezes , a little startled ,"),
    # "she went green", "turns green": queasy, the lips pressed (not envy: "green with envy" stays envy)
    ("green", r"\b(?:turn|turns|turned|turning|go|goes|went|gone|going|looks?|looking)\s+(?:a\s+(?:bit|little)\s+|slightly\s+|very\s+)?green\b(?!\s+with\b)",
     "queasy , lips pressed"),
    # "bricking it" (British): terrified
    ("bricking", r"\bbricking\s+it\b", "terrified"),
    # "his face darkened", "her expression darkens at his name": a cloud over the face, brows down and lips set
    ("darken", r"\b(?:face|expression|look|features|brow|eyes|he|she|they)\s+(?:\w+\s+)?darken(?:s|ed|ing)?\b", "brows lowered , lips pressed a little"),
    # "her face clouds over": the same cloud, a little softer (worry more than anger)
    ("cloud", r"\b(?:face|expression|look|features|brow|eyes|he|she|they)\s+(?:\w+\s+)?cloud(?:s|ed|ing)?(?:\s+over)?\b",
     "brows lowered a little , lips pressed a little"),
    # "not a flicker of emotion crosses her face", "without a flicker of expression", "not a flicker of a smile": a face
    # kept blank; "without a flicker of surprise": that feeling denied, as "without a trace of surprise" is
    ("flicker", r"\b(not|without|never)\s+(?:a|one|the\s+slightest|the\s+smallest)\s+flicker(?:\s+of\s+((?:a|an)\s+)?([a-z]+))?"
     r"(?:\s+(?:crosses|crossed|on|in|shows|showed)\s+(?:her|his|their|the)\s+face)?", _flicker_of),
    # "jaw loose", "the jaw hangs loose", "his jaw loosens": a slack jaw (train: JawOpen 0.1-0.3 on "jaw loose")
    ("loose", r"\bjaw\s+(?:(?:hangs?|hanging|hung|goes|going|went|is|was|'s)\s+)?(?:loose(?:ly)?|loosens|loosened|loosening)\b(?!\s+(?:open|up)\b)",
     "jaw goes slack"),
    # "a bitter laugh", "laughs bitterly": a short laugh with no joy in it, not anger at full size beside a full laugh;
    # "her laugh comes out brittle", "the smile was strained": the quality said after the laugh or smile
    ("bitter", r"\b(?:a\s+)?bitter\s+(laugh|chuckle|smile)\b", r"a hollow \1"),
    ("bitterly", r"\b(laugh|chuckle|smile)(s|ed)?\s+bitterly\b", lambda m: f"gives a hollow {m.group(1)}"),
    (("laugh", "smile"), r"\b(laugh|smile)\s+(?:comes|came|sounds|sounded|is|was|looks|looked)\s+(?:out\s+)?(?:a\s+(?:little|bit)\s+)?"
     r"(brittle|hollow|forced|strained|thin|mirthless|tinny|fake|stiff|tight)\b", r"\2 \1"),
    # "her whole face scrunches up", "his whole face crumples": the face as the subject of its movement (read as "her
    # face ..."; 'whole face' had been taken for a size word, leaving the movement without its part); not "smiles with
    # his whole face", a size
    ("whole face", r"(?<!\bwith\s)\b(her|his|their|my|your|the)\s+whole\s+face\s+(?=(?:just\s+|slowly\s+|suddenly\s+)?[a-z]+(?:s|ed)\b)(?!lights\b|lit\b)",
     r"\1 face "),
    # a side corrected: "it's not her left eye that twitches, it's her right", "the smile isn't on the left side; it's on
    # the right": the other side, and only it (the side denied had been read as a look that way, or both sides moved)
    (("left", "right"), r"\b(?:it'?s\s+|it\s+(?:is|was)\s+)?not\s+(?:the\s+|her\s+|his\s+|their\s+|my\s+)?(left|right)\s+([a-z]+)"
     r"(?:\s+that\s+([a-z]+))?\s*[,;:\u2014-]+\s*(?:but\s+)?(?:it'?s\s+|it\s+(?:is|was)\s+)?(?:the\s+|her\s+|his\s+|their\s+|my\s+)?"
     r"(?:right|left|other)(?:\s+(?:one|side))?(?=\s*(?:[,.;:!?\u2014]|$))",
     lambda m: f" the {_OTHER_SIDE[m.group(1)]} {m.group(2)} {m.group(3) or ''} "),
    (("left", "right"), r"\b([a-z]+)\s+(?:isn'?t|is\s+not|wasn'?t|was\s+not)\s+on\s+the\s+(left|right)(?:\s+side)?\s*[,;:\u2014-]+\s*(?:but\s+)?"
     r"(?:it'?s|it\s+(?:is|was))\s+on\s+the\s+(?:right|left|other)(?:\s+side)?\b",
     lambda m: f" {m.group(1)} on the {_OTHER_SIDE[m.group(2)]} side only "),
    # "laughing one minute and sobbing the next" ('one' already read as 'a' time): a change, ending in the second
    ("the next", r"\b(\w+)\s+(?:one|a)\s+(?:minute|moment|second)\s*,?\s+(?:and\s+|but\s+)?([^.;!?]*?)\s+the\s+next\b", r"\1 , then \2"),
    # "looks straight down the lens": into the camera, not down
    ("down the", r"\b(?:straight\s+|right\s+|directly\s+)?down\s+the\s+(?:lens|camera)\b", "into the lens"),
    # "a smile, but only just": barely a smile (the size said after it, in a clause of its own)
    ("only just", r"\b(?:a|an)\s+([a-z]+)\s*,?\s+(?:but\s+)?only\s+just\b", r"barely a \1"),
    # "running on fumes / on empty": worn out, not a smell; "in a world of her own": absorbed, the look far away
    ("running on", r"\brunning\s+on\s+(?:fumes|empty)\b", "exhausted"),
    ("world of", r"\bin\s+a\s+(?:little\s+)?world\s+of\s+(?:his|her|their|my|your)\s+own\b", "daydreaming"),
    # "she's miles away", "mind elsewhere": daydreaming (not "two miles away from home"); "deep in thought": thinking
    ("miles away", r"((?:^|[,;:.!?\u2014-]|\b(?:looks?|looking|looked|seems?|seemed|is|was|'s|are|were|already|just|totally|completely)\b)\s*)"
     r"miles\s+away\b(?!\s+(?:from|to)\b)", r"\1 daydreaming"),
    (("mind", "thought"), r"\b(?:mind|thoughts?)\s+(?:(?:is|are|was|were|'s|'re)\s+)?(?:elsewhere|far\s+away|somewhere\s+else|adrift)\b", "daydreaming"),
    ("deep in thought", r"\bdeep\s+in\s+thought\b", "thinking"),
    # "game face on", "put her game face on": set and determined; "choked up": sad, fighting the tears
    ("game face", r"\bgame\s+face\b", "determined face"),
    ("chok", r"\b(?:got\s+|gets\s+|all\s+)*chok(?:ed|es|ing|e)\s+up\b", "sad , lips pressed"),  # ("BEN (choking up)")
    # "smth smells so bad in here": a smell that disgusts
    ("smell", r"\bsmell(?:s|ed|ing)?\s+(?:so\s+|really\s+|very\s+|absolutely\s+|pretty\s+)?(?:bad|awful|terrible|gross|disgusting|horrible|rank|foul|rotten|vile|nasty)\b",
     "disgusted"),
    # "the stench hits her", "a whiff of the bins", "it reeks in here": a bad smell, the nose wrinkled (train: sneer
    # 0.4-0.6, upper lip 0.3-0.45); a whiff or smell of something good ("a whiff of her perfume") is not this
    (("stench", "stink", "reek", "whiff", "pong", "rotten", "putrid", "rancid"),
     r"\b(?:stench|stink(?:s|ing|y)?|stank|reek(?:s|ed|ing)?|(?<!ping\s)(?<!ping-)pong(?:s|ed|ing|y)?|putrid|rancid)\b"
     r"(?![\s-]+(?:at|rich|drunk|eye|eyes|of\s+(?:fear|desperation|money|success|privilege)))"
     r"|\b(?:whiff|smell|odou?r)\s+of\s+(?:the\s+|some\s+|something\s+)?(?:bins?|rubbish|garbage|trash|sewage|sewer|drains?|rot\w*"
     r"|sour\w*|vomit|sick|puke|dead\s+\w+|gone[\s-]off\s+\w+|off\s+milk|rotten\s+\w+|bad\s+eggs?|feet|armpits?|fish\w*|farts?|dung|manure|poo\w*)\b",
     " disgusted , nose wrinkled "),
    # "gives him the stink-eye", "a dirty look": a glare under narrowed eyes, not a smell
    (("stink", "dirty", "black look"), r"\bstink[\s-]*eye\b|\b(?:dirty|black)\s+looks?\b", "glare , eyes narrowed"),
    # "he dont understand", "she doesn't understand a word": confused
    # ("he not understand", "she no understand" as a learner types it); "doesn't get the joke",
    # "can't make sense of the letter", "none the wiser", "looks lost": the same (not "has no idea where they are",
    # which a face may well hide)
    ("understand", r"\b(?:do\s*n['\u2019]?t|doesn['\u2019]?t|didn['\u2019]?t|does\s+not|do\s+not|did\s+not|can['\u2019]?t|cannot|can\s+not"
     r"|not|no|never)\s+understand\b", "confused"),
    (("get", "sense", "wiser", "lost"),
     r"\b(?:do\s*n['\u2019]?t|doesn['\u2019]?t|didn['\u2019]?t|does\s+not|do\s+not|did\s+not|can['\u2019]?t|cannot|not)\s+get\s+"
     r"(?:it|the\s+(?:joke|point|reference|question|pun)|what\b)"
     r"|\b(?:can['\u2019]?t|cannot|could\s*n['\u2019]?t|could\s+not)\s+make\s+(?:any\s+)?sense\s+of\b"
     r"|\bnone\s+the\s+wiser\b"
     r"|\blook(?:s|ed|ing)?\s+(?:totally\s+|completely\s+|utterly\s+|a\s+bit\s+|a\s+little\s+|so\s+)?lost\b(?!\s+(?:in|for))", " confused "),
    # "she can't believe her eyes", "he couldn't believe what he was seeing": disbelief, the surprised face (train: "he
    # looks like he can't believe it": brows up 0.45, eyes wide 0.2, jaw 0.2); not believing someone is no one face
    # (train: a skeptic's pressed lips, a coach's worried brows, a tongue in the cheek)
    ("believe", r"\b(?:can['\u2019]?t|cannot|can\s+not|could\s*n['\u2019]?t|could\s+not)\s+(?:quite\s+|really\s+)?believe\s+"
     r"(?:(?:her|his|their|my|your|its)\s+(?:eyes|ears|luck)|it|this|that|what)\b", " in disbelief "),
    # "she's barely holding it together", "keeping it together for the guests": tears held back (train: inner brows
    # 0.35-0.5, lips pressed 0.3-0.4, chin up)
    (("hold", "keep", "together"), r"\b(?:(?:barely|only\s+just|just\s+about|hardly|just)\s+)?(?:hold|holds|held|holding|keep|keeps|kept|keeping)\s+it\s+together\b",
     " fighting back tears "),  # ("barely" is how near the tears are, not how little they show)
    # "she refuses to cry", "trying so hard not to cry", "he won't let himself cry": the same tears held back
    ("cry", r"\b(?:refus\w*|determined|promis\w*|tr(?:y|ies|ied|ying)(?:\s+(?:so\s+|very\s+)?hard)?|fight\w*|struggl\w*|swore|swear\w*|vow\w*)"
     r"\s+not\s+to\s+(?:cry|weep|break\s+down|tear\s+up)\b|\brefus\w*\s+to\s+(?:cry|weep|break\s+down)\b"
     r"|\b(?:won['\u2019]?t|will\s+not|wouldn['\u2019]?t|would\s+not)\s+let\s+(?:herself|himself|themselves|myself|yourself)\s+(?:cry|weep)\b"
     # "she will not cry", "he won't cry": a resolve, said of the one whose face it is (train: "she will NOT cry. chin
     # up, lips pressed" gives inner brows 0.4, lips pressed 0.45)
     r"|\b(?:she|he|they|i|we)\s+(?:won['\u2019]?t|wont|will\s+not|shall\s+not)\s+(?:cry|weep|break\s+down)\b(?!\s+(?:at|over|when|if|because|for)\b)",
     " fighting back tears "),
    # "like a deer caught in the headlights": the frozen, wide-eyed fright of "a deer in headlights"
    ("headlight", r"\b(deer|rabbit)\s+(?:caught|frozen|stuck|trapped|transfixed)\s+in\s+(?:the\s+|a\s+|some\s+)?headlights?\b", r"\1 in headlights"),
    # "like a kid in a candy store / sweet shop": wide-eyed delight (train: smile 0.6, eyes wide 0.4, brows up 0.45,
    # jaw 0.3)
    (("kid", "child"), r"\b(?:kid|child)\s+in\s+an?\s+(?:candy\s*store|candy\s*shop|sweet\s*shop|toy\s*shop|toy\s*store)\b",
     " delighted , eyes a little wide , mouth open "),
    # "pinches the bridge of his nose": fingers on the nose, eyes shut against a headache or exasperation, not a
    # wrinkled nose
    ("bridge", r"\b(?:pinch|pinches|pinched|pinching|squeezes|squeezed|squeezing|rubs|rubbed|rubbing)\s+(?:the\s+)?bridge\s+of\s+"
     r"(?:her|his|their|my|your|the)\s+nose\b", " eyes closed , brows slightly drawn together "),
    # "buries her face in her hands": despair, the head down, the eyes shut, the inner brows up
    ("bur", r"\b(?:bury|buries|buried|burying)\s+(?:her|his|their|my|your)\s+(?:face|head)\s+in\s+(?:her|his|their|my|your)\s+hands\b",
     " head down , eyes closed , inner brows up "),
    # "scratches his head": puzzled
    ("scratch", r"\b(?:scratch|scratches|scratched|scratching)\s+(?:her|his|their|my|your)\s+head\b", " puzzled "),
    # "his eyes soften", "soft eyes": the lids a little lower (train: EyeBlink 0.15-0.2)
    ("soft", r"\beyes\s+(?:soften|softens|softened|softening|go\s+soft|went\s+soft|grow\s+soft|grew\s+soft|turn\s+soft|turned\s+soft)\b"
     r"|\bsoften(?:s|ed|ing)?\s+(?:her|his|their|my|your)\s+eyes\b|\bsoft\s+eyes\b", " lids slightly lowered "),
    # "he's so done with this", "done with it all": fed up past arguing, exasperated (train: lips clamped, brows a little
    # down, eyes shut a moment); "done with the last sprint" is finished, not this
    ("done", r"\b(?:so\s+|totally\s+|completely\s+|utterly\s+|just\s+|sooo+\s+)?done\s+with\s+(?:this|that|it|him|her|them|you|me|everything|everyone"
     r"|life|today|people|all\s+of\s+(?:this|it|them|you))\b(?!\s+(?:now|and)\b)", " exasperated "),
    # "vibing", "lowkey vibin'": enjoying it, content; "welp": the resigned "oh well"
    ("vib", r"\bvib(?:ing|in['\u2019]?|es\s+out|ed\s+out)(?=\W|$)", " content "),
    ("welp", r"\bwelp\b", " resigned "),
    # "chin pushed up", "the chin pushes up": the chin raiser (AU17) bunching the chin under the lower lip (train, 6 lines:
    # MouthShrugLower 0.2-0.45, no head movement), not the head tipped up ("pushes his chin up" is still the head)
    ("chin", r"\bchin\s+(?:is\s+|was\s+)?(?:push(?:es|ed|ing)?|press(?:es|ed|ing)?|bunch(?:es|ed|ing)?)\s+up(?:ward|wards)?\b", " chin puckers "),
    # "a smile, but only half as big as before": half the size, not "big"; "twice as sad as before": much more of it
    ("half", r"\b(?:only\s+|just\s+|about\s+|roughly\s+)?half\s+as\s+(?:big|wide|broad|strong|large|intense|bright|deep|high|open|wide-eyed)\b"
     r"(?:\s+as\s+(?:before|earlier|a\s+moment\s+ago|it\s+was|the\s+last\s+one|the\s+first\s+one))?", " at half strength "),
    ("twice", r"\btwice\s+as\s+(?!much\b|many\b|long\b|fast\b|often\b|hard\s+to\b)([a-z-]+)(?:\s+as\s+(?:before|earlier|a\s+moment\s+ago|it\s+was))?",
     r" much more \1 "),
    # "the smile slips", "he goes quiet, the smile slipping": the smile falters and goes (train: smile 0.1 left, the
    # feeling under it showing); "a smile slips out", "slips into something warmer" are not this
    ("slip", r"\b(smile|grin|smirk)\s+(?:is\s+|was\s+)?(?:slips|slipped|slipping|slip)\b(?!\s+(?:out|through|in|into|onto|across|back|on|off|past|free|away))",
     r"\1 fades"),
    # "he's got something in his eye", "an eyelash in her left eye", "chilli in L eye!!", "lemon juice squirts into her
    # left eye": that eye mostly shut and narrowed, blinking it out (train: blink 0.7-0.8, squint 0.4, the brow a little
    # down, the cheek out of it); smoke, soap or spray in both eyes screws them up (train: blink >= 0.475, squint 0.3, the
    # brows down); not where the line says the eyes stay open ("sweat ran into his eyes but he did not blink")
    ("eye", _IRRITANT_RE, _irritant),
    # "she smells burning toast", "smells smoke": a sniff, the nose wrinkled (not the pain of a burn)
    ("smel", r"\b(?:smell|smells|smelled|smelt|smelling)\s+(?:something\s+)?(?:burning|burnt|smoke|gas)\b(?:\s+(?:toast|food|rubber|hair|plastic|wood))?",
     " sniffs , nose wrinkled "),
    # "he steals a glance at her", "stealing looks at the new guy": a furtive sideways glance (the way it goes, where the
    # line names it)
    (("steal", "stole"), r"\b(?:steal|steals|stole|stolen|stealing)\s+(?:a\s+|another\s+)?(?:quick\s+|sly\s+|sneaky\s+|furtive\s+|little\s+)?"
     r"(?:glance|glances|look|looks|peek|peeks)\b(\s+(?:off\s+)?(?:to|toward|towards)\s+(?:the|her|his|their|my|your)\s+(?:left|right)\b)?",
     lambda m: f" glances{m.group(1)} " if m.group(1) else " glances sideways "),
    # "stars in her eyes", "starry-eyed": wide-eyed delight; "like a bear with a sore head": grumpy, not in pain
    ("star", r"\bstars\s+in\s+(?:her|his|their|my|your|the)\s+eyes\b|\bstarry[\s-]*eyed\b", " delighted , eyes a little wide "),
    ("sore head", r"\b(?:like\s+)?a\s+bear\s+with\s+a\s+sore\s+head\b", " grumpy "),
    # "lower lip under top teeth": the lip bitten
    ("under", r"\blower\s+lip\s+(?:tucked\s+|caught\s+|pulled\s+)?under\s+(?:the\s+|her\s+|his\s+|their\s+|my\s+)?(?:top|upper|front)\s+teeth\b", "bites lower lip"),
    # "I had to crane my neck back to meet his eyes": the head tips back
    # ("cranes his neck to see over the crowd": up, unless a side or a turn is named)
    ("cran", r"\bcran(?:e|es|ed|ing)\s+(?:(?:her|his|their|my|your|the)\s+)?neck\s+(?:back|up(?:ward)?s?)\b", "head tips back"),
    ("cran", r"\bcran(?:e|es|ed|ing)\s+(?:(?:her|his|their|my|your|the)\s+)?neck\b(?!\s+(?:to\s+(?:the|her|his|their|my|your)\s+(?:left|right|side)"
     r"|toward|towards|round|around|left|right|sideways|forward|to\s+(?:look|peer|glance|see)\s+(?:round|around|behind|back|left|right|down)))",
     "head tilts up"),
    ("cran", r"\bcran(?:e|es|ed|ing)\s+(?:(?:her|his|their|my|your|the)\s+)?neck\s+(to\s+(?:the|her|his|their|my|your)\s+(?:left|right))\b",
     r"head turns \1"),
    # "her eyes ... come to rest on the door at her far left": the look stops there (it arrives), the face is not at rest
    ("rest", r"\b(?:come|comes|came|coming)\s+to\s+(?:a\s+)?rest\s+(on|upon|at|against)\b", r"settles \1"),
    # "unsmiling": no smile, the lips lightly together (train: MouthPress 0.23)
    ("unsmiling", r"\bunsmiling\b", "not smiling"),
    # "his chin bunches up to keep the grin down": a grin kept down is held back
    (("keep", "kept"), r"\b(?:keep|keeps|kept|keeping)\s+(?:the|her|his|their|a|that|my)\s+(grins?|smiles?|laugh|laughter|giggles?|smirk)\s+(?:down|in\s+check|under\s+control)\b",
     r"holding back the \1"),
    # "his eyelids flutter and open halfway", "her eyes open only a crack": half open is the lids half closed
    ("open", r"\b((?:eyes|eyelids|lids)\b(?:\s+\w+){0,3}?\s+)open(?:s|ed)?\s+(?:only\s+|just\s+)?(?:halfway|half\s+way|partway|part\s+way|a\s+crack)\b",
     r"\1half closed"),
    # "her eyelids came halfway down", "lids drift partway down": the size word between the verb and its particle
    (("halfway", "half way", "partway", "part way"), r"\b(come|comes|came|coming|go|goes|went|going|slide|slides|slid|drop|drops|dropped|drift|drifts|drifted|sink|sinks|sank)"
     r"\s+(halfway|half\s+way|partway|part\s+way)\s+(down|up|open|shut|closed)\b", r"\1 \3 \2"),
    # "the mouth hangs slightly open": the hanging is the opening ("hang open"), not corners that hang down
    (("hang", "hung"), r"\b(hang|hangs|hung|hanging)\s+((?:slightly|a\s+little|a\s+bit|a\s+touch|a\s+fraction|wide|half|partly|partially|loosely|just)\s+)open\b",
     r"\1 open \2"),
    # "as wide as her eyes will go", "as high as his brows can get": that part as far as it goes
    ("as ", r"\bas\s+(wide|far|high|big|hard|tight|open|round|low)\s+as\s+(?:(?:her|his|their|my|your|the)\s+)?"
     r"(eyes|eyebrows|brows|mouth|jaw|lips|cheeks|lids|eyelids)\s+(?:will|would|can|could)\s+(?:go|get|open|manage)\b", r"\2 extremely \1"),
    # round 15a, idioms built on "as ... as" or on a verb phrase ('as' ends a clause, so the lexicon cannot hold them):
    # "a face as long as a fiddle / a Lurgan spade / a wet week" is a long face; "sick as a parrot" is gutted (British:
    # bitterly disappointed); "looked like she'd smelled something dead" is disgust; "as if she'd won the lottery" is
    # a lottery winner's delight; "didn't dare breathe", "not breathing" hold the breath (not "can't breathe": out of breath)
    ("long", r"\b(?:as\s+)?long\s+as\s+(?:a|an)\s+(?:lurgan\s+spade|fiddle|wet\s+week(?:end)?|month\s+of\s+sundays|horse'?s?(?:\s+face)?|donkey'?s?(?:\s+face)?)\b",
     " long face "),
    ("parrot", r"\b(?:as\s+)?sick\s+as\s+a\s+parrot\b", " gutted "),
    # "beetle-browed" (heavy brows drawn down: a scowl); "wet behind the ears" (green: the innocent look)
    ("beetle", r"\bbeetle[\s-]+brow(?:s|ed)?\b", " scowling "),
    ("behind the ear", r"\bwet\s+behind\s+the\s+ears?\b", " innocent "),
    # "the suspect's head", "a suspect answers": a person (the noun), not suspicion (the verb "she suspects" keeps it)
    ("suspect", r"\b(the|a|an|our|their|his|her|my|your|that|this|prime|main|chief|only|second|first)\s+suspect(?=\b|'s\b)", r"\1 man"),
    # "his empty hand", "the empty chair", "an empty mailbox": a thing that is empty, not an empty (blank) face
    ("empty", r"\bempty\s+(?!(?:face|faced|faces|eyes?|eyed|stare|stares|look|looks|expression|gaze|smile|smiles|grin|features|mask)\b)(?=[a-z])", ""),
    # Australian "dark on someone": cross with them (not a dark colour or a darkened room)
    ("dark", r"\b(?:been\s+|is\s+|was\s+|'s\s+|s\s+|go\s+|went\s+|gone\s+|getting\s+|get\s+|real\s+|really\s+|so\s+)dark\s+on\s+(?:me|him|her|them|us|you|everyone|everybody|dad|mum|mom|mam|gran|nan|(?:his|her|their|my|your)\s+\w+)\b",
     " angry "),
    ("small", r"\b(face\s+(?:went|goes|go|going|became|becomes|become|got|gets|grew|grows))\s+(?:so|very|really|all|suddenly|very\s+very)\s+small\b", r"\1 small"),
    ("smel", r"\bsmel(?:led|lt|ls|l|ling)\s+(?:something|a\s+rat)\s+(?:dead|bad|off|rotten|nasty|foul|awful|vile|disgusting|funny|horrible)\b",
     " disgusted "),
    (("lottery", "jackpot", "pools"), r"\b(?:won|win|wins|winning|had\s+won|'d\s+won)\s+the\s+(?:lottery|jackpot|pools)\b", " lottery winner "),
    ("breath", r"\b(?:did\s*n[o']?t|does\s*n[o']?t|do\s*n[o']?t|dare\s*n[o']?t|daren'?t|dared\s+not|not|never)\s+(?:dare\s+(?:to\s+)?|even\s+)?"
               r"(?:breathe|breathes|breathing)\b|\b(?:nobody|no\s+one|none\s+of\s+(?:us|them))\s+(?:dare|dares|dared)\s+(?:to\s+)?breathe\b",
     " holding breath "),
    # "her eyes follow the ball from left to right", "scans the room left to right": the look ends on the second side
    # (a head shaken, wagged or rocked "from left to right" goes both ways and ends nowhere)
    ("to", r"\b(?:from\s+)?(?:the\s+|her\s+|his\s+|their\s+)?(left|right)\s+to\s+(?:the\s+|her\s+|his\s+|their\s+)?(left|right)\b",
     _from_side_to_side),
    # stop 26, from fresh probes: the burn of spicy food ("the hot sauce kicks in", "the chilli kicks in": phrases whose
    # words the lexicon keeps out, 'sauce' and 'kick' would shadow "saucer" and "kicked")
    (("sauce", "chil"), r"\bhot\s+sauce\b|\bchil+i(?:e?s)?\s+(?:kicks?|kicked|kicking)\s+in\b", " spicy "),
    # "glances at his watch": the watch on a wrist (below the eyes), not the verb "watch"
    ("watch", r"\b(his|her|their|my|your)\s+watch\b", r"\1 wristwatch"),
    # "she ends up staring at the floor", "her eyes caught up", "he gives up": the 'up' of a phrasal verb, no direction
    ("up", r"\b(end|ends|ended|ending|wind|winds|wound|winding|catch|catches|caught|catching|give|gives|gave|giving|given|"
     r"own|owns|owned|owning)\s+up\b", r"\1"),
    # "puffy-eyed", "puffy eyes", "her eyes red and puffy": lids swollen from crying or sleep (heavy), not puffed cheeks
    ("puffy", r"\bpuffy[\s-]+eyed\b|\bpuffy\s+(?:red\s+|swollen\s+)?(?=(?:eyes|eyelids|lids)\b)",
     lambda m: "a little sad , heavy lids" if m.group(0).rstrip().endswith("eyed") else "a little sad , heavy "),
    ("puffy", r"\b((?:eyes|eyelids|lids)\b(?:\s+(?!puffy\b)[\w']+){0,4}?)\s+puffy\b", r"\1 heavy , a little sad"),
    # "a muscle jumps in his cheek", "a muscle in her jaw ticks", "a muscle working in his temple": a clenched jaw's
    # tell (not a cheek that rises)
    ("muscle", r"\b(?:a|the|one)\s+(?:small\s+|tiny\s+|little\s+)?muscle\s+(?:" + _MUSCLE_PLACE + r"\s+" + _MUSCLE_VERB + r"|"
     + _MUSCLE_VERB + r"\s+" + _MUSCLE_PLACE + r")\b", " , jaw clenched , "),
    # a beam of light or timber, not a smile: "eyes on full beam" (headlights: wide open), "a tractor-beam stare"
    # (fixed), "a light beam in his eye", "eyes raised to the beams" ("she beams", "a huge beam" are smiles)
    ("beam", r"\b(?:on\s+|to\s+)?(?:full|high|main)[\s-]+beams?\b", " wide open "),
    ("beam", r"\btractor[\s-]+beams?\b", " fixed "),
    ("beam", r"\b(?:light|laser|sun|torch|flashlight|head|the|wooden|ceiling|roof|steel)[\s-]+beams\b|"
     r"\b(?:light|laser|sun|torch|flashlight|steel|wooden)[\s-]+beam\b", " light "),
    # stop 27: the tip of the tongue, a tongue that peeks or just shows, is a small showing (train: 0.15-0.35), not
    # the tongue stuck out
    ("tongue", r"\b(?:the\s+)?(?:very\s+)?tip\s+of\s+(?:his|her|their|my|your|its|the)\s+tongue\b|\btongue[\s-]+tip\b",
     " tongue a little "),
    ("tongue", r"\btongue\s+(?:a\s+little\s+)?(?:just\s+)?(?:peek|peep)(?:s|ed|ing)?\b(?:\s+out\b)?|"
     r"\btongue\s+(?:a\s+little\s+)?just\s+(?:out|show(?:s|ing)?)\b", " tongue out a little "),
    # "smiling so big my cheeks hurt", "grinning till his face ached": the size of the smile, not a puffed cheek or
    # a pain (the line must name the smile or the laugh)
    (("smil", "grin", "beam", "laugh"), r"\s*\b(?:so\s+(?:much|hard|big|wide)\s+(?:that\s+)?|(?:till|until)\s+)"
     r"(?:my|his|her|their|your|our)\s+(?:cheeks|face|jaw)\s+(?:hurts?|hurting|aches?|ached|aching|was\s+sore|were\s+sore|sore)\b",
     " very big "),
    # "losing the chilli challenge", "lost the bet": a contest lost, not a movement let go ("losing his smile")
    ("los", r"\b(?:lose|loses|losing|lost)\s+((?:the|a|an|this|that|his|her|their|my|our|your)\s+(?:[\w'-]+\s+){0,3}?"
     r"(?:challenge|game|match|bet|argument|race|contest|fight|round|battle|war|debate|toss|vote|case|election|competition|"
     r"tournament|final|point|set|hand|staring\s+contest))\b", r" in \1"),
    # "her habitual scowl is missing today", "the grin was nowhere to be seen": gone
    (("missing", "absent", "nowhere"), r"\b(?:is|was|are|were|'s)\s+(?:(?:completely|totally|entirely|strangely|oddly)\s+)?"
     r"(?:missing|absent|nowhere\s+to\s+be\s+(?:seen|found))\b", " is gone "),
    # the corner of a thing, not of the mouth: "folds the corner of the page", "creases the last corner" of a flag,
    # "tucks in the corners" of a sheet (a word in m, l or e after "of" is left alone: typing slips of "mouth", "lips",
    # "eye" are corrected later)
    ("corner", r"\bcorners?(\s+of\s+(?:the|a|an|this|that|his|her|their|my|your|its)\s+)(?!(?:own\s+)?(?:[mle]\w*|smile|face|grin)\b)",
     r"edge\1"),
    ("corner", r"\b((?:crease|creases|creased|creasing|fold|folds|folded|folding|tuck|tucks|tucked|tucking|smooth|smooths|smoothed|"
     r"smoothing|pinch|pinches|pinched|pinching|dog-ear\w*|staple\w*|tape|tapes|taped|taping)\s+(?:in\s+|down\s+|over\s+)?"
     r"(?:the|a|each|every|one|another)\s+(?:\w+\s+)?)corners?\b", r"\1edge"),
    # "his right brow goes up and the left one down": the other side's 'one' is the part named before
    ("one", r"\b(left|right)\s+(brow|eyebrow|eye|eyelid|lid|corner|cheek|nostril)\b([^.;]{0,40}?)\b(?:the\s+)?(left|right)\s+one\b",
     lambda m: m.group(0) if m.group(1) == m.group(4) else f"{m.group(1)} {m.group(2)}{m.group(3)}the {m.group(4)} {m.group(2)}"),
    # "he scrunched up his whole face", "a screwed-up face": the 'up' of the phrasal verb is no head lift, and the whole
    # face is the face
    (("scrunch", "screw"), r"\b(scrunch\w*|screw\w*)[\s-]+up(\s+(?:(?:his|her|their|my|your|the|a)\s+)?)(?:little\s+)?"
     r"(?=(?:whole\s+|entire\s+)?face\b)", r"\1\2"),
    (("scrunch", "screw"), r"\b(scrunch\w*|screw\w*)(\s+(?:his|her|their|my|your|the)\s+)(?:whole|entire)\s+face\b", r"\1\2face"),
    (("scrunch", "screw"), r"\b(?:(?:his|her|their|my|your|the)\s+)?(?:whole|entire)\s+face\s+(scrunch\w*|screw\w*)\b(?!\s+up\b)", r"face \1"),
    (("scrunch", "screw"), r"\b(scrunch\w*|screw\w*)(\s+(?:his|her|their|my|your|the)\s+(?:whole\s+|entire\s+)?face)\s+up\b", r"\1\2"),
    # the lid of a jar or a box, not an eyelid: "screws the lid back on", "lifts the lid of the piano"
    ("lid", r"\b(?<=the\s|its\s)lid(?=\s+(?:back\s+)?(?:on|off)\b)|\blids?(?=\s+of\s+(?:the|a|an|this|that|his|her|their)\s+"
     r"(?!(?:left\s+|right\s+)?eyes?\b))", "cap"),
    # "the smell of the drains", "a blocked drain": the pipe, not a feeling draining away
    ("drain", r"\b(the|a|blocked|open|storm)\s+drains?\b(?!\s+(?:from|out|away))", r"\1 sewer"),
    # "she exhales hard through her nose", "a big sigh through the nose": the breath goes out of the nose, the lips stay
    # shut (train: MouthPress 0.2-0.45, NoseSneer 0.15-0.2), not the open, rounded mouth of a sigh
    ("nose", r"\b(?:(?:a|one)\s+)?(?:(?:big|long|heavy|sharp|short|quick|loud|deep|small|little|hard)\s+)?(?:exhal\w*|breath\w*\s+out|sigh\w*|huff\w*|blow\w*\s+out|puff\w*\s+out)(?:\s+(?!through\b)[\w']+){0,2}?\s+"
     r"(?:out\s+)?through\s+(?:his|her|their|my|your|the)\s+nose\b", " lips pressed , nostrils flare "),
    # "he laughs through his nose", "a snicker through the nose": a laugh kept behind closed lips (train: smile 0.2-0.4)
    ("nose", r"\b(?:laugh\w*|chuckl\w*|snicker\w*|snigger\w*|giggl\w*)(?:\s+(?!through\b)[\w']+){0,2}?\s+"
     r"(?:out\s+)?through\s+(?:his|her|their|my|your|the)\s+nose\b", " smiles a little , lips closed "),
    # "she looks right through him", "stares straight through me": eyes that do not see him (unfocused), not a look
    # to the right
    ("through", r"\b(look|looks|looked|looking|stare|stares|stared|staring|gaze|gazes|gazed|gazing)\s+(?:(?:right|straight|clean)\s+)?"
     r"through\s+(him|her|me|them|you|us|it|people|everyone|everybody)\b", r"\1 at \2 , eyes unfocused"),
    # "stares through me like I'm not there", "as if he didn't exist": the denial is the other person's presence in a
    # simile, not a movement of the face
    (("there", "exist", "room"), r"\b(?:like|as\s+if|as\s+though)\s+(?:i|he|she|they|we|you|it)(?:'m|'re|'s|\s+am|\s+is|\s+are|\s+was|\s+were"
     r"|\s+did|\s+does|\s+do)?(?:\s+not|n't|\s+isn't|\s+wasn't|\s+aren't|\s+weren't|\s+didn't|\s+doesn't|\s+don't)\s+(?:even\s+)?"
     r"(?:there|here|in\s+the\s+room|exists?)\b", " "),
    # "looks like he's been slapped", "as if she'd been punched": stunned by a blow (not the sulk of "a face like a
    # slapped backside", nor the daze of "hit by a truck")
    ("been", r"\b(?:like|as\s+if|as\s+though)\s+(?:i|he|she|they|we|you)(?:'d|'s|'ve|\s+had|\s+has|\s+have)?\s+(?:just\s+)?been\s+"
     r"(?:slapped|punched|struck|smacked|kicked|sucker-punched|gut-punched|hit)\b(?!\s+(?:by|with)\b)", " stunned "),
    # "his brows pull in", "brows draw slightly inward": drawn toward each other, knit (not "up in the middle")
    ("in", r"\b((?:eye)?brows?\s+(?:pull|pulls|pulled|pulling|draw|draws|drew|drawn|drawing|pinch\w*|tug\w*|squeeze\w*|knit\w*)"
     r"(?:\s+(?:slightly|a\s+little|a\s+bit|hard|tight|tightly|sharply|gently))?)\s+(?:in|inward|inwards)\b(?!\s+(?:the|a|an|at|to|toward|towards)\b)",
     r"\1 together"),
    # "she bats her eyelashes at him": a flirt (train: lids 0.55, brows 0.3 up, smile 0.3), not a frown
    ("lash", r"\b(?:bat|bats|batted|batting|flutter|flutters|fluttered|fluttering)\s+(?:(?:her|his|their|my|your|the)\s+)?(?:eye)?lashes\b",
     " lids half lowered , brows slightly raised , a small smile "),
    # "turns her nose up at the offer": disdain, the chin lifted and the nose a little wrinkled (not a turn, nor a smirk)
    ("nose", r"\b(?:turn|turns|turned|turning)\s+(?:(?:her|his|their|my|your)\s+nose\s+up|up\s+(?:her|his|their|my|your)\s+nose)\b",
     " chin lifted , nose slightly wrinkled , lids lowered "),
    # "as the cards are turned", "when the page is flipped": a thing moved by someone, not the character's head
    (("turned", "flipped", "tilted", "raised", "lowered", "lifted", "rolled", "dropped"),
     r"\b((?:the|a|an|his|her|their|its|my|your|this|that)\s+(?!" + _OWN_SUBJECT + r")[a-z]+)\s+(?:is|are|was|were|gets|get|got|being)\s+"
     r"(?:turned|flipped|tilted|raised|lowered|lifted|rolled|dropped)\b(?!\s+(?:to|toward|towards)\s+(?:her|him|them|me|the\s+camera)\b)", r"\1 , "),
    # "a nervous laugh", "she giggles awkwardly": a small laugh, put on (train: smile about 0.3, jaw under 0.15), not a
    # full one; a size the words give ("a big nervous laugh") is kept
    (("nervous", "awkward", "uneasy", "uncomfortabl", "sheepish"),
     r"\b(?:(big|huge|loud|long|hearty|booming|full|wild|hysterical|uncontrollable)\s+)?(nervous|awkward|uneasy|uncomfortable|sheepish)"
     r"\s+(?:little\s+)?(laugh|giggle|chuckle|titter)",
     lambda m: m.group(0) if m.group(1) else f"{m.group(2)} small {m.group(3)}"),
    (("nervous", "awkward", "uneasi", "uncomfortabl", "sheepish"),
     r"\b(laugh|giggle|chuckle|titter)(?:s|ed|ing)?\s+(nervously|awkwardly|uneasily|uncomfortably|sheepishly)\b",
     r"gives a small \1 \2"),
    # slang "shook" ("bro is SHOOK", "lowkey shook", "kinda shook rn"): shaken, shocked; not "shook his head" or "shook hands"
    ("shook", r"((?:^\s*|\b(?:is|am|are|was|were|be|been|so|lowkey|highkey|totally|literally|still|fully|proper|absolutely|i'm|im|he's"
     r"|she's|hes|shes|they're|we're|get|got|looks|look|looking|looked|feeling|feels|felt)\s+)"
     r"(?:(?:very|so|slightly|somewhat|really|kinda|quite|a\s+bit|a\s+little|totally|lowkey|highkey|literally)\s+)*)shook\b"
     r"(?!\s+(?:his|her|their|my|your|the|a|an|it|its|off|up|out|hands?|head|him|them|me|us|with|from|by|as|loose|free)\b)",
     r"\1shocked"),
    # "she bit down on her lower lip": a lip bitten (rolled in under the teeth), the 'down' is the bite's, not the lip's
    ("down", r"\b(bit|bite|bites|biting|bitten|chomp\w*|clamp\w*)\s+down\s+(hard\s+|firmly\s+|gently\s+)?on\s+"
     r"((?:her|his|their|my|your|the)\s+(?:(?:lower|bottom|upper|top)\s+)?lips?)\b", r"\1 \2\3"),
    # "she bit her lip": the past of bite, not "a bit"
    ("bit", r"\bbit\s+(?=(?:her|his|their|my|your)\s+(?:(?:lower|bottom|upper|top|own)\s+)?lips?\b)", "bites "),
    # "her grin wavers and is gone", "the smile falters, then dies": it goes (a faltering that ends is no small smile)
    # ("his smile flickers, falters, and dies": the same, after a list of such verbs)
    (("falter", "waver", "flicker", "wobbl", "trembl", "twitch"), r"\b(smile|grin|laugh|frown|scowl|smirk)s?\s+(?:(?:falter\w*|waver\w*|flicker\w*|wobbl\w*|trembl\w*|"
     r"twitch\w*)\s*,\s*){0,3}(?:falter\w*|waver\w*|flicker\w*|wobbl\w*|trembl\w*|twitch\w*)\s*,?\s+"
     r"(?:and\s+|then\s+|and\s+then\s+)(?:is\s+gone|was\s+gone|vanish\w*|disappear\w*|di(?:es|ed)|fad(?:es|ed)(?:\s+away)?)\b", r"\1 vanishes"),
    # "his smile falters", "her grin wavers": a smile that cannot hold, small, under a worried brow (train: "his smile
    # flickered": smile 0.25, inner brows 0.35, press 0.15), not a smile at full size
    (("falter", "waver", "flicker", "crack"),
     r"\b(?:(?:her|his|their|my|your|the|a)\s+)?(?:(?:polite|brave|bright|big|wide|fixed|forced|little|small|happy)\s+)?(?:smile|grin)s?\s+"
     r"(?:falter\w*|waver\w*|flicker\w*|cracks|cracked|cracking)\b(?!\s+(?:into|out|back|on|across|onto|through|to)\b)",
     " a small smile , inner brows slightly raised , lips lightly pressed "),
    # "a little less happy than before": still happy, a little less (it read as "not happy")
    # (the size word stays with "less": "a little less" is a small change, see the planner's comparatives)
    ("less", r"\b((?:a\s+(?:little|bit|touch)\s+|slightly\s+|somewhat\s+|much\s+|far\s+|a\s+lot\s+)?)less\s+([a-z]+)\s+than\s+(?=" + _THAN_BEFORE + ")",
     r"\1less \2 , "),
    # "the smile drops", "his grin fell": the smile goes (as "fades"), not a smile that stays
    (("drop", "fall", "fell"), r"\b(smile|grin|smirk|beam)s?\s+(?:drops|dropped|dropping|falls|fell|falling)\b"
     r"(?!\s+(?:to|into|onto|a\s+notch|a\s+touch|slightly|a\s+little|a\s+bit|somewhat|for|on|at|when|as|over)\b)", r"\1 fades"),
    # "the grin slides off", "her smile slipped away", "the smile is wiped off": the smile goes (as "fades"; "slides off
    # his face" already did)
    (("slid", "slip", "fall", "fell", "drop", "wipe"),
     r"\b(smile|grin|smirk|beam)s?\s+(?:slides|slid|sliding|slips|slipped|slipping|falls|fell|falling|drops|dropped|dropping"
     r"|(?:is\s+|was\s+|gets\s+|got\s+)?wiped)\s+(?:off|away)\b(?!\s+(?:into|to|onto|and\s+on)\b)", r"\1 fades"),
    # ... and a look an animator's note switches off or takes out ("(smile off, pursed lips)", "brow furrow OUT, small smile
    # stays", "frown off, soft eyes"): the look goes, not one that stays ("she smiles off", a look off screen; "a smile off
    # and on"), nor "the lips pout out", lips pushed forward, "squints out at the sea", or a look let out or produced:
    # "she lets a smile out", "to squint out", see :func:`_switched_off`
    ((" off", " out"), r"\b(frown|scowl|furrow|squint|sneer|snarl|grimace|smile|grin|smirk)\s+(off|out)\b"
     r"(?=\s*(?:" + _CLAUSE_ENDS + r"|and\b(?!\s+on\b)))", _switched_off),
    # "the smile goes, eyes wide", "and the grin went": a smile that goes where its clause ends goes (as "fades"; "the
    # smile goes wide" is its size, and so is "goes, well, huge" or "went as wide as his face"), and one that collapses or
    # crumbles (not "collapses into tears": what it becomes); "goes and comes back", "goes and goes" keep it
    (("go", "went", "gone", "collaps", "crumbl"),
     r"\b(smile|grin|smirk|beam)s?\s+(?:goes|went|has\s+gone|had\s+gone|collapses|collapsed|crumbles|crumbled)"
     r"(?=\s*(?:" + _CLAUSE_ENDS + r"|(?:and|when|while|but)\b|as\b(?!\s+(?!soon\b)\w+\s+as\b)))"
     r"(?!\s*[,;:.(]?\s*(?:like|well|uh|um|er|just|so|very|really|huge|wide|big|all|a\s+(?:hint|touch|little|bit|lot)"
     r"|and\s+(?:goes|went|comes|came|grows|grew|on|back)|as\s+(?!soon\b)\w+\s+as)\b)",
     r"\1 fades"),
    # "smile burnt out", "the grin snuffed out", "his smile went out like a light": the smile goes (as "fades"; not "goes
    # out of", which the fading words read, nor "beams out at")
    (" out", r"\b(smile|grin|smirk|beam)s?\s+(?:is\s+|was\s+|gets\s+|got\s+)?(?:burns|burnt|burned|burning|blows|blew|blown|snuffs|"
     r"snuffed|goes|went|gone|flickers|flickered|winks|winked|switches|switched|clicks|clicked)\s+out\b(?!\s+(?:of|into|to|at|across|over|from)\b)",
     r"\1 fades"),
    # "her lips bunched up tight", "the mouth puckered up", "he clams up": "up" is the verb's, not corners going up
    (" up", r"\b((?:lips?|mouth)\s+(?:\w+\s+)?(?:bunch|scrunch|pucker|purs|knott?|tens|tighten|clamm?|pinch|crumpl)\w*)\s+up\b"
     r"(?!\s+(?:at|to|toward|towards|into)\b)", r"\1"),
    # "he wasn't, shall we say, overjoyed": an aside between a negation and what it denies is not there
    (("say", "speak", "mildly", "fair"), r"\s*,\s*(?:shall\s+we\s+say|let'?s\s+say|so\s+to\s+speak|to\s+put\s+it\s+mildly|to\s+be\s+fair|"
     r"it\s+must\s+be\s+said|i'?d\s+say|you\s+could\s+say|you\s+might\s+say|one\s+might\s+say)\s*,\s*", " "),
    # "her smile falls into a frown": the smile becomes the frown (as "melts into")
    (("drop", "fall", "fell", "sink", "sank"), r"\b(smile|grin|smirk|beam)s?\s+(?:drops|dropped|dropping|falls|fell|falling|sinks|sank|sinking)\s+into\b",
     r"\1 turns into"),
    # an attempted look and what happens to it (see _attempted_look)
    (("tries", "tried", "trying", "attempt"), r"\b(?:tries|tried|trying|attempts?|attempted|attempting)\s+(?:hard\s+|(?:her|his|their|my)\s+best\s+)?"
     r"to\s+(?:look|seem|appear|stay|keep|be|act|remain)\s+((?:very\s+|so\s+|all\s+)?[a-z]+)((?:\s+(?!but\b)[a-z']+){0,5}?)\s*,?\s+but\s+",
     _attempted_look),
    # "a withering look": a scornful glare (the look that shrivels its target), not an empty face
    ("wither", r"\bwithering\s+(?:look|stare|gaze|glance|glare)\b", "scornful glare"),
    # "a look that could curdle milk", "a glare that could strip paint", "a stare that could drill through steel", "a look
    # that could kill": a hard glare (corpus train: BrowDown 0.65-0.8, EyeSquint 0.5, MouthPress 0.35-0.4, NoseSneer 0.2);
    # not a look that could melt a heart
    (("could", "would", "might", " can "),
     r"(?<!\bnot\sa\s)(?<!\bhardly\sa\s)(?<!\bno\s)(?<!\bnever\sa\s)"
     r"\b(?:look|stare|glare|glower|glance|gaze)s?\s+(?:that|which)\s+(?:could|would|might|can)\s+"
     r"(?:kill|curdle|strip|sour|freeze|wither|peel|scorch|fry|flay|shrivel|drill|bore|burn|cut|slice"
     r"|melt\s+(?:steel|iron|glass|metal|paint))\b(?:\s+(?:through\s+)?(?:milk|paint|steel|glass|iron|wood|stone|wallpaper|holes?"
     r"|(?:a|the)\s+[a-z]+|him|her|them|you|me|us))?", "furious glare"),
    # "chomping at the bit": eager, impatient to start
    (("chomp", "champ"), r"\b(?:chomp|champ)(?:s|ed|ing)?\s+at\s+the\s+bit\b", "eager and impatient"),
    # "head and eyes go down and to his right": both turn that way (the side was read for the eyes alone)
    (("left", "right"), r"\bhead\s+and\s+eyes\s+(?:both\s+)?([a-z]+)\s+(up|down)\s+and\s+(?:to\s+(?:the|his|her|their|my|your)\s+)?(left|right)\b",
     r"head \1 \2 , head turned to the \3 , eyes \1 \2 and to the \3"),
    # "head and eyes both go down": 'both' between the parts and their verb kept the verb from them
    ("both", r"\b((?:head|eyes|brows|eyebrows|lids|eyelids|corners|cheeks|lips|nostrils)\s+)both\s+(?=[a-z]+)", r"\1"),
    # "eyes tracking the hawk down and right", "following the bird up", "tracks the balloon drifting up to her left",
    # "watches the plane climb up and right", "following the treat down + left": the direction is the eyes', after their
    # object; the eyes look there whether or not they are named
    (("track", "follow", "trail", "chas", "watch"),
     r"\b((?:track|follow|trail|chas|watch)\w*)\s+((?:the|a|an|his|her|their|its|my|your)\s+(?:(?!(?:up|down|and)\b)[a-z'-]+\s+){0,2}?[a-z'-]+)\s+"
     r"((?:(?:up|down)\s+and\s+back\s+)?(down|up)(?:\s+and\s+\4\b)?(?:\s*(?:and|\+|&)?\s*(?:to\s+(?:the|his|her|their|my|your)\s+)?(?:left|right)\b)?"
     r"|(?:(?:off|over|away)\s+)?(?:to\s+(?:the|his|her|their|my|your)\s+)(?:left|right)\b)"
     r"(?=\s*(?:[,.;:!?()\u2014\u2013]|$|and\b(?!\s+(?:back\s+)?(?:up|down)\b)|then\b|as\b|with\b|again\b|like\b|into\b|towards?\b|onto\b"
     r"|(?:very|so|really|quite)\s+[a-z]+ly\b|[a-z]+ly\b"
     r"|to\s+(?:the|his|her|their|my|your)\s+(?:floor|ground|ceiling|sky|table|feet|lap|turf|grass|water|rafters)\b))",
     _followed_look),
    # "eyes on the stain above", "keeps her eyes on the camera above the door", "stares at the street below": the eyes
    # look up or down to it (corpus train and dev: all 13 such lines key EyeLookUp for "above")
    (("above", "overhead", "below", "beneath", "underneath"),
     r"\b(?:(?:eyes|gaze|look(?:s|ed|ing)?|glanc(?:e|es|ed|ing)|star(?:e|es|ed|ing)|peer(?:s|ed|ing)?|squint(?:s|ed|ing)?)\s+(up\s+|down\s+)?"
     r"(?:at|on|to|toward|towards|into)|watch(?:es|ed|ing)?)\s+(?:the|a|an|his|her|their|my|your|its)\s+"
     r"((?:(?!as\b|like\b)[a-z'-]+\s+){1,3}?)(above|overhead|below|beneath|underneath)\b"
     r"(?=\s*(?:[,.;:!?()\u2014\u2013]|$|and\b|then\b|(?:the|a|an)\s+(?!(?:eyes?|lips?|nose|mouth|chin|brows?|eyebrows?|ears?|cheeks?|jaw|neck"
     r"|belt|surface|average|line|fold)\b)[a-z]))", _above_below_look),
    # "turns his right hand over", "twists the lid": a thing the hands turn, not the head (its side word read as a turn)
    (("turn", "twist", "rotat", "flip"), r"\b(?:turn|turns|turned|turning|twist\w*|rotat\w*|flip|flips|flipped|flipping)\s+"
     r"((?:his|her|their|my|your|the|a|an)\s+)(?:(?:left|right)\s+)?((?:hands?|arms?|wrists?|palms?|foot|feet|ankles?|rings?|cups?|mugs?|glass|pages?|cards?"
     r"|keys?|knobs?|dials?|handles?|lids?(?=\s+(?:off|of|on|back))|caps?|bottles?|phones?|coins?|pens?|wheel|steering\s+wheel|paper|photo|photograph)\b)",
     r"holds \1\2"),
    # "studies the palm", "examines the cut", "pores over the map": a look at it
    (("stud", "examin", "inspect", "scrutini", "perus", "pore", "poring"),
     r"\b(?:stud(?:y|ies|ied|ying)|examin(?:e|es|ed|ing)|inspect(?:s|ed|ing)?|scrutini[sz](?:e|es|ed|ing)|perus(?:e|es|ed|ing)"
     r"|pore[sd]?\s+over|poring\s+over)\s+(?=(?:the|his|her|their|my|your|a|an|its)\b)", "looks at "),
    # "has no idea where they are": not knowing is no denial of the movement after it
    (("idea", "clue"), r"\b(?:has|had|have|having)\s+(?:absolutely\s+)?no\s+(?:idea|clue)\b", " , "),
    # teeth shown in joy (see _teeth_in_joy)
    ("teeth", r"\bteeth\s+(?:showing|out|on\s+show|flashing|gleaming|visible)\b", _teeth_in_joy),
    # British "buzzing" ("the lads are buzzin"): thrilled
    ("buzz", r"\b((?:is|are|am|was|were|so|proper|absolutely|well|dead|still|i'm|im|we're|they're|he's|she's)\s+)buzz(?:in|ing|in')\b", r"\1thrilled"),
    # "eyes stretch wide", "eyes round", "eyes out like organ stops", "eyes on stalks": wide open
    (("stretch", "round", "organ", "stalk"), r"\beyes\s+(?:stretch(?:ed|es|ing)?\s+wide|(?:went\s+|go\s+|goes\s+|gone\s+)?round(?!\s+(?:the|a|an|to|at|her|his)\b)"
     r"|(?:stood\s+|standing\s+|stand\s+|stands\s+|sticking\s+|stuck\s+)?out\s+like\s+organ[\s-]+stops|(?:out\s+)?on\s+stalks)", "eyes wide"),
    # "brows drawn", "brows set": knit, set low and firm (train: 0.15-0.3 down)
    ("drawn", r"\b((?:eye)?brows?)\s+(?:drawn|drawing)\b(?!\s+(?:up|upward|high|back|apart|in|inward|together|down|tight|into|level))",
     r"\1 lowered"),
    ("set", r"\b((?:eye)?brows?)\s+set\b(?!\s+(?:high|low|apart|wide|up|down|in|level|into|against))", r"\1 slightly lowered"),
    # "then his face broke", "her composure cracked": the face gives way to tears
    (("broke", "break", "crack", "collaps", "crumbl"),
     r"\b(?:face|expression|composure|features)\s+(?:(?:just|simply|suddenly|completely|visibly|utterly|totally)\s+)?"
     r"(?:broke|breaks|cracked|cracks|collapsed|collapses|crumbled|crumbles)\b(?!\s+(?:into|open|out|a\s|the\s))",
     "face crumples"),
    # "she lowered her lids", "lowering his eyelids": the lids come down ("lowered lids" read as the lower lids, with no
    # movement); the noun "lower lids" (the lower eyelids) is kept
    ("lower", r"\blower(?:s|ed|ing)\s+(?:(?:her|his|their|my|your|the)\s+)?((?:eye)?lids)\b", r"\1 lowered"),
    # "L lid half", "lids half": the lids half closed
    ("half", r"\b((?:(?:left|right|l|r)\s+)?(?:eye)?lids?)\s+half\b(?!\s+(?:down|shut|closed|open|lowered|way|close|a\b))", r"\1 half closed"),
    # "a narrow sideways look", "a narrowed glance": the eyes narrow as they look
    ("narrow", r"\bnarrow(?:ed)?\s+((?:(?:sideways|side|sidelong|suspicious|cold|hard|long)\s+)?(?:look|glance|stare|gaze|squint))\b", r"eyes narrowed , \1"),
    # "turns her head and eyes to her right": both turn there, as "head and eyes turn to her right" reads
    (("turn", "swing", "swivel", "whip"), r"\b(?:turns|turned|turning|turn|swings|swung|swinging|swivels|swivelled|swiveled|swivelling|swiveling"
     r"|whips|whipped|whipping)\s+(?:(?:her|his|their|my|your)\s+)?head\s+and\s+(?:(?:her|his|their|my|your)\s+)?eyes\b", "head and eyes turn"),
    # "eyes crossed to watch it grow", "eyes go crossed": cross-eyed
    ("cross", r"\beyes\s+(?:are\s+|go\s+|went\s+|gone\s+|all\s+)?crossed\b", " crosseyed "),
    # "squints at the little map": the size is the map's, not the squint's
    (("little", "tiny", "small", "big", "huge", "large", "giant", "wee"),
     r"\b(?:(the|a|an|his|her|their|my|your|this|that)\s+)?(?:little|tiny|small|big|huge|large|giant|wee)\s+(?=(?:map|phone|book|page|menu|notepad"
     r"|screen|table|desk|plate|shoe|laptop|keyboard|clipboard|ledger|crossword|paperwork|photo|photograph|letter|note|card|sign|print|text"
     r"|label|dog|cat|bird|child|kid|boy|girl|baby)s?\b)", r"\1 "),
    # "does a double take to the right": the second look turns the head that way, it is not one eye's
    ("take", r"\b(double[\s-]?takes?)\s+((?:to|toward|towards)\s+(?:the\s+|her\s+|his\s+|their\s+|my\s+|your\s+)?(?:left|right))\b",
     r"\1 , head turns \2"),
    # "a sharp intake of breath through the nose", "breathes out hard through her nose", "a big sigh through the nose": the
    # breath goes by the nose, the lips stay together (train: MouthPress 0.2-0.45, NoseSneer 0.15-0.25), no gasp's open jaw
    ("nose",
     r"\b(?:(?:a|one|another)\s+)?(?:(?:sharp|quick|sudden|deep|long|slow|big|hard|short|loud|heavy|audible)\s+)?(?:(?:intake|draw)\s+of\s+breath"
     r"|breath|gasp|sigh|inhal(?:e|es|ed|ing)|exhal(?:e|es|ed|ing)|breath(?:e|es|ed|ing)|sigh(?:s|ed|ing)|gasp(?:s|ed|ing))"
     r"\s+(?:(?:sharply|hard|slowly|deeply|loudly|heavily|audibly)\s+)?(?:(?:in|out)\s+)?(?:(?:sharply|hard|slowly|deeply)\s+)?"
     r"through\s+(?:the|her|his|their|my|your)\s+nose\b", " lips pressed , nostrils flare "),
    # "checks his watch", "checking her phone": a glance down at what the hand holds
    ("check", r"\b(?:check|checks|checked|checking)\s+(?:(?:his|her|their|my|your|the)\s+)?(?:wrist\s*)?watch\b", " glances at the wristwatch "),
    ("check", r"\b(?:check|checks|checked|checking)\s+(?:(?:his|her|their|my|your|the)\s+)?phone\b", " glances at the phone "),
    # "he burns his tongue on the coffee", "it scalds her tongue": a wince with the mouth open and the tongue a little
    # out to cool (train: tongue 0.35, jaw 0.4, squint 0.4), not a tongue stuck out in full
    (("burn", "scald"), r"\b(?:burn|burns|burned|burnt|burning|scald|scalds|scalded|scalding)\s+(?:her|his|their|my|your|the)\s+tongue\b",
     " winces , mouth open , tongue slightly out "),
    # "a shrug of the mouth", "a little mouth shrug": the lower lip pushed up (train: shrug 0.45, with a little frown in
    # one line of two), a "meh"
    ("shrug", r"\b(?:shrug\s+of\s+(?:the|her|his|their|my|your)\s+mouth|mouth\s+shrug(?:s|ged|ging)?|shrugs?\s+with\s+(?:the|her|his|their|my|your)\s+mouth)\b",
     " lower lip pushed up "),
    # "she blinks back tears": wet eyes held back, the lids a little down and the inner brows up (train: blink 0.2-0.25,
    # inner brows 0.45-0.5), not a full blink
    (("blink", "tears"), r"\b(?:blinks|blinked|blinking|blink)\s+back\s+(?:the\s+|her\s+|his\s+|their\s+|my\s+|your\s+)?tears\b",
     " eyes welling up , lids slightly lowered "),
    # "typing furiously", "furiously scribbling notes": the work's pace and focus, not fury at someone
    ("furious", rf"\b(?:furiously\s+({_BUSY_WORK})|({_BUSY_WORK}(?:\s+(?:away|on|notes|down|at\s+(?:the|a|her|his|their|my|your)\s+\w+))?)\s+furiously)\b",
     lambda m: f"{m.group(1) or m.group(2)} intently"),
    # "nods furiously": eager agreement, not anger
    ("furious", r"\b(nod(?:s|ded|ding)?)\s+furiously\b|\bfuriously\s+(nod(?:s|ded|ding)?)\b", lambda m: f"{m.group(1) or m.group(2)} eagerly"),
    # "smiles without much behind it": 'much' is the missing thing's amount, not the smile's size
    ("without", r"\bwithout\s+(?:much|a\s+lot\s+of|a\s+lot|many)\b", "without"),
    # "not not smiling": a double negation is the thing itself
    ("not", r"\bnot\s+not\b", " "),
    # "l side smiles r side sags" (no comma): the second side begins a clause of its own, not the first verb's side
    ("side", r"\b((?:left|right)\s+side\s+[a-z]+)\s+(?=(?:left|right)\s+side\b)", r"\1 , "),
    # "showing all thirty-two (teeth)": the widest grin there is
    (("thirty", "32"), r"\b(?:(?:showing|shows|showed|show|flashing|flashes|flashed|flash)\s+(?:all\s+|every\s+one\s+of\s+)?(?:(?:his|her|their|my|your)\s+)?"
     r"(?:thirty[\s-]*two|32)|(?:all|every\s+one\s+of)\s+(?:(?:his|her|their|my|your)\s+)?(?:thirty[\s-]*two|32)|(?:thirty[\s-]*two|32)\s+teeth)(?:\s+teeth)?\b",
     " a huge toothy grin "),
    # "pressing her lips down on a smile that won't stay down": a smile held back, not a frown
    ("lips", r"\b(?:press|presses|pressed|pressing|clamp|clamps|clamped|clamping)\s+(?:her|his|their|my|your|the)\s+lips\s+(?:down\s+|together\s+|tight\s+|shut\s+)?"
     r"(?:on|over)\s+(?:a|the|her|his|their|my|your)\s+(?:\w+\s+)?(smile|grin|laugh|giggle|smirk)\b",
     lambda m: "lips pressed , suppresses a laugh" if m.group(1) in ("laugh", "giggle") else "lips pressed , suppresses a smile"),
    # "grinning non-stop", "organ-stop eyes", "a pit-stop": a compound, not 'stop' denying the movement
    ("-stop", r"\b([a-z]+)-stop(s?)\b", lambda m: "constantly" if m.group(1) == "non" else f"{m.group(1)}stop{m.group(2)}"),
    # "bug eyes": bug-eyed (the lexicon's phrase); "the whites showing all around his eyes": eyes wide
    ("bug", r"\bbug[\s-]*eyes\b", "bug eyed"),
    ("whites", r"\b(?:the\s+)?whites\s+(?:of\s+(?:her|his|their|my|your|the)\s+eyes\s+)?(?:were\s+|are\s+|was\s+|is\s+)?"
     r"(?:showing|show|shows|showed|visible)(?:\s+all\s+(?:a)?round(?:\s+(?:her|his|their|my|your|the)\s+eyes)?)?\b", " eyes wide "),
    # "an open smile", "a wide open-mouthed grin": the smile with the lips apart (train: jaw 0.2-0.3)
    ("open", r"\bopen[\s-]*(?:mouthed\s+)?(smile|grin|smiles|grins)\b", r"\1 , mouth open"),
    # "yada yada, mouth going", "lips moving on nothing": talking, the mouth open on the words (train: jaw 0.25-0.45),
    # not the lips shifted sideways ("mouth moving a little to one side" keeps its side)
    (("going", "moving"), r"\b(?:mouth|lips|jaw)\s+(?:going|moving)\b(?!\s+(?:to|dry|slack|tight|thin|flat|still|wide|round|soft|hard|slightly|a\b|into"
     r"|up|down|white|numb|side|sideways|left|right|over|across|around|toward|towards|back|forward|away|in\b|out\b))", " mouth open "),
    # "he tips his head back to gargle": the mouth open at the sky
    ("gargl", r"\bgargl(?:e|es|ed|ing)\b", "mouth open"),
    # "his brows had come down", "her brows slowly came down": the auxiliary and the adverb between a part and its
    # movement kept the direction out of the part's reach
    (("had", "has", "have", "slowly", "quickly", "gradually", "suddenly", "finally"),
     r"\b((?:eye)?brows?|(?:eye)?lids|eyes|corners|mouth|jaw|lips|head|chin)\s+(?:(?:had|has|have)\s+)?(?:(?:slowly|quickly|gradually|suddenly|finally|then|just)\s+)?"
     r"(?=(?:come|came|comes|gone|go|goes|went|drawn|drew|sunk|sank|crept|creep|creeps|risen|rose|rises|moved|move|moves|dropped|drop|drops|lifted|lift|lifts)\s+(?:up|down|together|in|apart|back|open|shut)\b)",
     r"\1 "),
    # "brows locked low", "jaw locked shut": held in that place, not held at rest
    ("locked", r"\b((?:eye)?brows?|jaw|lips|mouth|eyes|gaze|stare|smile|grin)\s+locked\s+(?=(?:low|down|up|high|together|tight|shut|open|wide|forward|in\s+a)\b)",
     r"\1 "),
    # "without a flicker apart from one slow blink": what is excepted is not denied with the rest
    (("apart", "except", "save for", "but for"), r"\s*,?\s*\b(?:apart\s+from|except(?:\s+for)?|save\s+for|but\s+for)\b", " , but "),
    # "eyelids fluttering", "eyes flutter": the lids half drop and lift (train: blink 0.3-0.45), not nothing
    ("flutter", r"\b((?:eye)?lids|eyes)\s+(?:flutter|flutters|fluttering|fluttered)\b(?!\s+(?:shut|closed|open|half|up|down|and\s+(?:open|close|shut|then|half)|,?\s*then))", "lids slightly lowered"),
    # "lids half down": half closed (not the gaze half down)
    ("half", r"\b((?:eye)?lids)\s+half\s+(?:down|lowered|dropped)\b", r"\1 half closed"),
    # "no cap", "stop the cap" (slang: no lie, stop lying): emphasis, not a denial of the face after it
    ("cap", r"\b(?:stop\s+the\s+cap|stop\s+capping|no\s+cap)\b", " "),
    # "head drawn back", "pulls her head back", "chin tilted back": the head goes back (train: pitch -0.05 to -0.12 on a
    # recoil), not nothing, and a chin tilted back is no sideways tilt
    (("back",), r"\b(?:head\s+(?:drawn|pulled|pulling|pulls|drawing|draws|drew|jerks|jerked|jerking|snaps|snapped|rears|reared|rearing)"
     r"|(?:draws|drew|drawn|drawing|pulls|pulled|pulling|jerks|jerked|rears|reared)\s+(?:her|his|their|my|your|the)\s+head"
     r"|chin\s+(?:tilted|tipped|tilts|tips|tilting|tipping|angled|cocked))\s+back\b", " head back "),
    # "nose up", "nose lifted", "nose in the air": the nose wrinkled and the head tipped back a little (train: sneer
    # 0.55, pitch -0.08 to -0.2)
    (("nose",), r"(?<!turn\s)(?<!turns\s)(?<!turned\s)(?<!turning\s)\bnose\s+(?:up|lifted|raised)\b(?!\s+(?:and|to|at)\b)",
     " nose wrinkled , head back "),
    # "puffs his chest out": pride in the body, not the cheeks puffed
    ("chest", r"\bpuff(?:s|ed|ing)?\s+(?:out\s+)?(?:her|his|their|my|your|the)\s+chest(?:\s+out)?\b", " proud "),
    # "she scoffs": a dismissive, scornful snort
    ("scoff", r"\bscoff(?:s|ed|ing)?\b", " scornful snort "),
    # "lips pursed and pulled left", "pursed lips to the left", "mouth shoved over to her left", "mouth goes to the
    # side": the lips shift that way (train: 0.45), kept with the pucker; a side read for the pucker alone was lost
    # "purses his lips to the right", "puckers her mouth to one side" (the verb) likewise
    (("left", "right", "side"), r"\b(?:(pursed|puckered|pouted)\s+(?:lips|mouth)|(?:lips|mouth|gob)\s+(?:all\s+)?(pursed|puckered|pouted|pushed\s+out"
     r"|screwed|shoved|scrunched|squashed|squished|dragged|pulled|drawn|pushed|twisted|goes|went|slides|slid|shifts|shifted)"
     r"|(?:purs|puck|pout)(?:e|es|er|ers|ed|ered|ing|ering|s)?\s+(?:her|his|their|my|your|the)\s+(?:lips|mouth))"
     r"(?:\s+(?:and\s+)?(?:pulled|dragged|pushed|drawn|shoved))?\s+(?:over\s+|off\s+)?(?:to\s+)?(?:the\s+|her\s+|his\s+|their\s+|my\s+|your\s+)?"
     r"(left|right|side)(?:\s+side)?\b",
     lambda m: ("lips pursed , " if not (m.group(1) or m.group(2)) or (m.group(1) or m.group(2)).split()[0] in ("pursed", "puckered", "pouted", "pushed")
                else "")
     + f"mouth pulled to the {m.group(3) if m.group(3) in ('left', 'right') else 'left'}"),
    # "a mouth like a cat's bum", "like a hen's bottom": the lips pursed tight in disapproval
    (("bum", "bottom", "arse", "backside"), r"\b(?:mouth|lips)\s+(?:went\s+|goes\s+|go\s+|was\s+|were\s+|is\s+|are\s+|pursed\s+|puckered\s+)?like\s+(?:a\s+)?"
     r"(?:cat|cats|cat's|hen|hens|hen's|chicken's|dog's)\s+(?:bum|bottom|arse|backside|bumhole|bum\s+hole)\b", " cat's bum mouth "),
    # "eyes a bit down", "head a touch back": the size between a part and its direction kept them apart
    (("little", "bit", "touch", "tad", "fraction", "shade", "hair"),
     r"\b((?:eye)?brows?|eyes|gaze|(?:eye)?lids|head|chin|jaw|lips|mouth|corners)\s+(a\s+(?:little|bit|touch|tad|fraction|shade|hair)(?:\s+bit)?)"
     r"\s+(down|up|back|forward|together|apart|low|high|wide)\b", r"\1 \3 \2"),
    # "lips pressed and pulled thin", "pulled thin and wide": stretched thin, not only pressed
    ("thin", r"\b(?:pulled|drawn|dragged|tugged)\s+thin\b", "stretched thin"),
    # "an oh-no teeth-clench": the teeth clenched
    ("clench", r"\bteeth[\s-]+clench(?:es)?\b", "teeth clenched"),
    # "an oh-no face", "oh no, teeth clenched": alarm, not 'no' denying what follows (a quoted "'oh no'" is speech)
    (("oh", "uh"), r"(?<!['\"])\b(?:oh|uh)[\s-]+(?:no|oh)\b(?!['\"])", " alarmed , "),
    # "lips rolled tightly inward": rolled in, whatever the adverb between
    (("inward", "tightly", "tight", "firmly"), r"\b(lips|lip|mouth)\s+(rolled|rolls|rolling|roll|tucked|tucks|sucked|drawn)\s+(?:(?:tightly|tight|firmly|hard|right)\s+)?"
     r"(?:inward|inwards|in)\b", r"\1 \2 in"),
    # "lips zipped", "he zipped his lips": pressed and rolled in (train: press 0.35-0.6, roll 0.3-0.45)
    ("zip", r"\b(?:(?:lips|mouth)\s+(?:are\s+|r\s+|is\s+|was\s+|were\s+|now\s+)?zipped(?:\s+shut)?|zip(?:s|ped|ping)?\s+(?:her|his|their|my|your|the)\s+(?:lips|mouth)(?:\s+shut)?)\b",
     " lips pressed , lips rolled in "),
    # "lower lip caught under the teeth", "chewing her lip", "lower lip gnawed": the lower lip bitten (rolled in)
    (("lip",), r"\b(?:(?:lower|bottom)\s+lip\s+(?:is\s+|was\s+)?(?:caught|trapped|pinned|held)\s+(?:under|between|in)\s+(?:her|his|their|my|your|the)\s+"
     r"(?:upper\s+|top\s+|front\s+)?teeth|(?:(?:lower|bottom)\s+)?lip\s+(?:gnawed|chewed|chewing|gnawing)|(?:gnaw|gnaws|gnawed|gnawing|chews|chewed|chewing|chew)"
     r"\s+(?:on\s+|at\s+)?(?:her|his|their|my|your|the)\s+(?:lower\s+|bottom\s+)?lip)\b", " bites her lower lip "),
    # "he strains against the stuck door", "Straining.": a body's effort shows as a screwed-up
    # face with the lips clamped (train: brows down 0.5, squint 0.6, press 0.7); not "eyes straining upward" (a part's
    # own word), "straining to hear" (listening) or "a strained smile" (forced)
    (("strain", "exertion"), r"\b(?:strain|strains|straining|exertion)\b", _bodily_effort),
    # "strain for the high note", "the top shelf": a thing's height, not a movement up
    (("high", "top"), r"\b(?:high|top|highest)\s+(note|notes|pitch|register|shelf|shelves|c)\b", r"\1"),
    # "Press, squint, flare.": a bare movement word as an item of a terse list names its usual part
    (("press", "flare", "purse"), r"(?:^|(?<=[,;:.+]))\s*(press|flare|purse)\s*(?=[,;.+]|$)",
     lambda m: m.group(0) if m.string.strip() == m.group(1) else {"press": " lips pressed ", "flare": " nostrils flared ", "purse": " lips pursed "}[m.group(1)]),
    # "(sweetly, through her teeth)": words said through the teeth are said with them clenched (not air sucked in
    # through them, nor a whistle)
    ("teeth", r"\bthrough\s+(?:her|his|their|my|your)\s+teeth\b", _through_the_teeth),
    # "sour as a lemon", "sour as a crab apple": the lips puckered on a sour face
    ("sour", r"\bsour\s+as\s+(?:a\s+|an\s+)?(?:lemon|lemons|crab\s+apple|crabapple|vinegar|pickling\s+vinegar|a\s+pickle|pickle)\b", " sour , lips puckered "),
    # "her lip trembled like a jelly that hadn't set": a denial inside a simile's relative clause is the thing
    # compared, not the face
    ("like", r"\blike\s+(?:a|an|the|some)\s+[a-z'-]+(?:\s+[a-z'-]+)?\s+(?:that|which|who)\s+(?:[a-z'-]+\s+){0,3}?"
     r"(?:hadn't|hasn't|haven't|didn't|doesn't|don't|won't|wasn't|isn't|weren't|aren't|couldn't|can't|had\s+not|has\s+not|did\s+not|never|not)\b[^,.;:!?]*",
     " "),
    # "cream crackered": rhyming slang for knackered
    ("cracker", r"\bcream[\s-]+crackered\b", "knackered"),
    # "in a right strop", "a right state" (British: a real one): no side
    ("right", r"\b(a|in\s+a)\s+right\s+(?=(?:strop|state|mess|laugh|pickle|muppet|nightmare|pain|moan|grump|mood|huff|tizzy|sulk|old|proper|misery|face)\b)", r"\1 real "),
    # "the smile doesn't quite make it to the left side of his face": the movement on the other side only
    (("make it", "reach", "get to", "spread"), r"\b(?:does\s*n[o']?t|did\s*n[o']?t|do\s*n[o']?t|never|won't|can't|cannot)\s+(?:quite\s+|really\s+|fully\s+|even\s+)?"
     r"(?:(?:make|makes|made)\s+it|reach(?:es|ed)?|get|gets|got|spread(?:s)?|climb(?:s|ed)?|go|goes|went)\s+(?:up\s+)?(?:to|into|across|over)?\s*(?:the|his|her|their|its|my|your)\s+(left|right)"
     r"(?:\s+(?:side|half|corner))?(?:\s+of\s+(?:the|his|her|their|its|my|your)\s+(?:face|mouth))?\b",
     lambda m: " only on the " + ("right" if m.group(1) == "left" else "left") + " "),
    # "a grin creeps up the right side of his face", "the left half of her face jerks": where on the face the movement
    # is, not the face turned to that side (train and dev: none of the 20-odd such lines turns the head)
    (("side of", "half of"), r"\b(?:the\s+|his\s+|her\s+|their\s+|its\s+|my\s+|your\s+)?(?:whole\s+|entire\s+)?(left|right)\s+(?:side|half)"
     r"\s+of\s+(?:the|his|her|their|its|my|your)\s+face\b", _side_of_face),
    # "his mouth drops into a round O": the jaw drops, the lips round (train: jaw 0.35-0.5, funnel 0.2-0.4); not the
    # corners dropping into a frown
    ("into", r"\b(?:mouth|lips)\s+(drops?|dropped|dropping|falls?|fell|falling)\s+(?=into\s+(?:an?\s+)?(?:(?:round|little|perfect|small|big|wide|silent)\s+)*"
     r"(?:o|oh|oval|circle)\b)", r"jaw \1 "),
    # "chin down, eyes hard", "a hard stare": eyes hardened (train: brows down 0.15-0.45, squint 0.2-0.3), not a wide
    # stare; "eyes hard left" is a look, "shuts his eyes hard" a squeeze
    ("hard", r"\b(?:(?:a|the|his|her|their|my|your|one)\s+)?(?:cold\s+|long\s+)?hard\s+(?:stare|look|glare|gaze)\b(?!\s*,?\s*wide)"
     r"|\beyes\s+(?:are\s+|were\s+|is\s+|go\s+|gone\s+|goes\s+|turn\s+|turns\s+|turned\s+|went\s+|become\s+|becomes\s+|became\s+|grow\s+|grew\s+)?"
     r"(?:(?:small|narrow|cold|flat)\s+(?:and\s+)?)?hard\b(?!\s*,?\s*(?:to|toward|towards|at|on|left|right|l|r|up|down|sideways|forward|ahead|front|over)\b)",
     _hard_eyes),
    # "lips pressed, nothing else moves", "eye roll, nothing else moving": the rest of the face still, not the part
    # before it moving (it had shifted the lips to one side, or the eyes); "not a muscle moves" too
    (("nothing", "muscle"), r"\b(?:nothing|not\s+(?:a|one)\s+(?:single\s+)?muscle)\s+(?:else\s+)?(?:at\s+all\s+)?(?:is\s+|was\s+|even\s+)?"
     r"(?:moves|moving|moved|move|stirs|stirring|stirred|budges|budging|budged)\b", " nothing else "),
    # "her face scrunches up", "the left side of her face screws up": the particle of the verb, not the face lifted
    # (the nose "screwed up", the cheeks "bunched up" keep it: their own movement reads it)
    ("up", r"\b(face\s+(?:(?:is|was|all|gets|got|goes|went)\s+|[a-z]+\s+and\s+)?(?:scrunch|crumpl|bunch|crinkl|screw|knot|seiz|tens|tighten)[a-z]*)\s+up\b", r"\1"),
    # "angrier than I've ever seen him", "happier than ever": the feeling at its most, not the plain word
    ("ever", r"\b(?:more\s+)?([a-z]+)\s+than\s+(?:(?:i|we|you|anyone|anybody|she|he|they)(?:'ve|'d|\s+have|\s+has|\s+had)?\s+ever\s+"
     r"(?:seen|saw|known|heard|been)(?:\s+(?:him|her|them|it|me|you|us))?|ever(?:\s+before)?)\b", r"extremely \1"),
    # "never seen him happier": happier than ever, not a happiness denied; "I've never seen her smile like that": a
    # smile like no other (whose face it is, is the narrator's subject)
    ("never", r"\b(?:(?:i|we)(?:'ve|\s+have)?\s+)?never\s+(?:seen|known|heard)\s+(?:him|her|them|you|anyone|anybody)\s+(?:look\s+)?"
     r"(?:more\s+[a-z]+|[a-z]+ier|[a-z]+er|" + _EXPRESSION_FORMS + r"(?=\s+(?:like\s+(?:that|this)|so\b|that\s+(?:hard|wide|much))))\b",
     lambda m: "extremely " + m.group(0).split()[-1]),
    # "his head tilts slightly back", "leans a little forward": the size said before the verb, so that the verb and its
    # direction stay together ("tilts back" is the head tipped back, "tilts" alone a roll)
    # (and how it moves: "the corners pull sharply down", "lips pull tightly back", "eyes slide slowly away")
    # (not after an object: "yanks her sharply back" keeps "her back" whole; "stares hard down" keeps its stare)
    (("slightly", "little", "bit", "gently", "just", "sharply", "slowly", "quickly", "suddenly", "firmly", "tightly",
      "abruptly", "softly", "gradually", "steadily", "briefly", "swiftly"),
     r"\b((?!(?:head|eyes?|gaze|brows?|eyebrows?|lids?|chin|mouth|lips?|corners?|jaw|face|and|but|or|then|is|are|was|were|it"
     r"|her|him|them|his|its|their|you|our)\b)[a-z]{3,})\s+"
     r"(slightly|a\s+little|a\s+bit|a\s+touch|gently|just|sharply|slowly|quickly|suddenly|firmly|tightly|abruptly|softly|gradually"
     r"|steadily|briefly|swiftly)\s+(back|backward|backwards|forward|forwards|up|down|sideways|away)\b",
     r"\2 \1 \3"),
    # "she puckers up", "puckered up for the kiss": the lips pushed forward (a knit only of brows or a forehead)
    ("pucker", r"\b(pucker(?:s|ed|ing)?)\s+up\b(?!\s+(?:her|his|their|the)?\s*(?:brows?|eyebrows?|forehead|face))", _pucker_up),
    # "tries to frown but can't stop grinning" (by now "... but grinning"), "tries to look stern but can't help smiling":
    # what wins is the face
    ("but", r"\btr(?:y|ies|ied|ying)\s+(?:hard\s+|so\s+hard\s+)?to\s+(?:look\s+|be\s+|keep\s+(?:a\s+)?)?[a-z]+(?:\s+face)?\s+but\s+"
     r"(?=(?:(?:can'?t|cannot|can\s+not|couldn'?t|could\s+not)\s+(?:stop|help|keep\s+from|hold\s+back)\b|[a-z]+ing\b))", ""),
    # "From a smirk to a full belly laugh": the change, ending in the second ("from ear to ear" is no change)
    ("from", r"^\s*from\s+((?:a|an|the|her|his|their)\s+[^,;:.!?]+?)\s+(?:to|into)\s+(?=(?:a|an|the|her|his|their)\s)", r"\1 , then "),
    # "he squints one eye, the left": that eye, not a look to the left
    ("one", r"\bone\s+(eye|eyebrow|brow|lid|eyelid|corner|cheek|nostril|side)\s*,\s*the\s+(left|right)(?:\s+one)?\b", r"the \2 \1"),
    # "squints his left eye and raises the other eyebrow", "left corner up, the opposite one down": the other side
    (("other", "opposite"), r"\b(?:the|his|her|their|its)\s+(?:other|opposite)\s+(eye|eyebrow|brow|lid|eyelid|corner|cheek|nostril|side|one)\b",
     _other_side),
    # "looks left and down": both directions, as "looks down and left" reads them (the second word lost its part)
    # "head turns left and up" too: the head turns one way and tips the other
    (("and down", "and up"), r"\b((?:head|chin)\s+[a-z]+\s+)?(left|right)\s+and\s+(down|up)(?:wards?)?\b",
     lambda m: f"{m.group(1)}{m.group(3)} , head turned to the {m.group(2)}" if m.group(1) else f"{m.group(3)} and {m.group(2)}"),
    # "she lets the smile drop the second he turns away", "she winces as he pulls the splinter": his movement
    ("he ", r"\b(?:the\s+(?:second|moment|minute|instant)|as\s+soon\s+as|once|when|whenever|while|whilst|as|after|before)\s+(she|he)\b"
     r"(?:(?!\b(?:she|he|and|but|then|so)\b)[^,.;:!?\u2014])*", _their_time_clause),
    # "the frown melts", "his scowl thaws": it goes (as "fades"; "melts into a smile" is a change, "her heart melts" no face)
    (("melt", "thaw"), r"\b(frown|scowl|glare|smile|grin|smirk|sneer|grimace|pout|furrow|knit)s?\s+(?:melt|thaw)(?:s|ed|ing)?\b"
     r"(?!\s+(?:slowly\s+|gradually\s+)?(?:into|to|over|across|onto|on|through)\b)",
     r"\1 fades"),
    # "sad eyes", "the eyes stay sad", "her eyes look sorrowful": the sorrow is in the eyes and brows (train: inner
    # brows 0.3-0.45, the gaze a little down, no frown), not a sad mouth
    ("eyes", r"\b(?:(?:her|his|their|the|my|your)\s+)?eyes\s+(?:(?:are|stay|stayed|remain|remained|look|looked|seem|seemed|go|went|turn|turned"
     r"|grow|grew|still|so|very|a\s+bit|a\s+little|kind\s+of)\s+){1,2}(?:sad|sorrowful|mournful|melancholy|grieving)\b"
     r"|(?<!\bnot\s)(?<!\bno\s)\b(?:sad|sorrowful|mournful|melancholy)\s+eyes\b",
     " inner brows slightly raised , gaze slightly lowered "),
    # "smiling but not with her eyes", "she smiles with her mouth only": a smile that does not reach the eyes
    ("eyes", r"\b(?:smil|grin)\w*\s*,?\s+(?:(?:but|yet|though|although|if)\s+)?(?:not|never)\s+(?:with\s+|in\s+)?(?:her|his|their|the|my|your)\s+eyes\b"
     r"|\b(?:smil|grin)\w*\s+with\s+(?:her|his|their|the|my|your)\s+mouth\s+(?:only|alone|but\s+not\s+(?:with\s+)?(?:her|his|their|the|my|your)\s+eyes)\b",
     " a smile that does not reach the eyes "),
    # "she lets the smile drop", "he lets his grin slip": the smile goes (as "fades")
    ("let", r"\blet(?:s|ting)?\s+(?:the|her|his|their|my|your|that)\s+(?:[a-z]+\s+)?(smile|grin|smirk|beam|frown|scowl|mask)\s+"
     r"(?:drop|fall|slip|fade|die|go|vanish)\b", r"\1 fades"),
    # "his eyes, crinkling at the corners", "it reaches the eyes, crinkling their corners": the eyes' corners (crow's
    # feet), not the mouth's, when the eyes were the last part named
    ("crinkl", r"\b(eyes?|lids?|eyelids?)\b((?:(?!\b(?:mouth|lips?|smile|grin)\b)[^.;!?]){0,40}?)\b(crinkl\w*|wrinkl\w*)"
     r"(?:\s+(?:at|in|by)\s+(?:the|their|its)|\s+(?:their|its))\s+corners\b", r"\1\2eyes \3"),
    # "he catches himself and straightens his face", "her face straightens": the face put straight again (a straight face)
    ("straighten", r"\bstraighten(?:s|ed|ing)?\s+(?:up\s+)?(?:her|his|their|my|your|the)\s+(?:face|expression)\b"
     r"|\b(?:face|expression)\s+straighten(?:s|ed|ing)?\b", " straight face "),
    # "she's drained", "emotionally drained": worn out (colour or a smile that drains away, out or from a face is not)
    ("drained", r"\bdrained\b(?!\s+(?:away|out|from|of|off|the|her|his|their)\b)", " worn out "),
    # "pleasantly surprised": a small surprise over a smile (train: smile 0.45-0.55, brows up 0.3-0.45, eyes 0.3), not
    # surprise alone
    ("pleasant", r"\bpleasantly\s+(surprised|startled|shocked|astonished|amazed)\b", r" slightly \1 , happy "),
    # "overwhelming relief", "an overwhelming joy": a degree (very), not being overwhelmed (worry); said alone ("it's all
    # overwhelming") it stays the feeling
    ("overwhelming", r"\boverwhelming(?:ly)?\s+(?=(?:sense\s+of\s+|feeling\s+of\s+|wave\s+of\s+)?[a-z])", " very "),
    # "are you serious", "you can't be serious": incredulity (train: both brows up 0.4-0.45, eyes a little wide)
    ("serious", r"\b(?:are\s+you|you\s+can'?t\s+be|you\s+cannot\s+be)\s+serious\b", " incredulous "),
    # "she holds her tongue": she says nothing, the lips kept together (not a tongue held out: "holds her tongue out")
    ("tongue", r"\bhold(?:s|ing)?\s+(?:her|his|their|my|your)\s+tongue\b(?!\s+(?:out|between|against|in\s+(?:the|her|his)\s+cheek))",
     " lips pressed "),
    # "she nods off in her chair", "he dozes off": falling asleep, the lids nearly shut and the head dropping (a nod that
    # goes off is no nod)
    # (a person drifts off; eyes that drift off to the left, or a boat, do not sleep)
    (" off", r"\b(?:nod(?:s|ded|ding)?|doz(?:e|es|ed|ing)|(she|he|they|we|you|i)\s+drift(?:s|ed|ing)?)\s+off\b"
     r"(?!\s+(?:to|toward|towards|into)\s+(?!sleep\b))(?:\s+to\s+sleep\b)?",
     lambda m: f" {m.group(1) or ''} eyes drooping nearly shut , head dropping "),
    # "he jerks awake", "wakes with a start": startled awake, the eyes wide (a later beat: the sleep before it is over)
    ("awake", r"\b(?:jerk(?:s|ed|ing)?|snap(?:s|ped|ping)?|start(?:s|ed|ing)?|jolt(?:s|ed|ing)?|bolt(?:s|ed|ing)?)\s+(?:up\s+)?awake\b",
     " , then startled , eyes wide "),
    ("start", r"\bwak(?:e|es|ing)\s+(?:up\s+)?with\s+a\s+start\b|\bwoke\s+(?:up\s+)?with\s+a\s+start\b", " , then startled , eyes wide "),
    # "she looks anywhere but at him": the look kept away from him
    (("anywhere", "everywhere"), r"\blook(?:s|ed|ing)?\s+(?:anywhere|everywhere)\s*,?\s+(?:but|except|apart\s+from|other\s+than)\s+(?:at\s+)?", " looks away from "),
    # "he does a cat impression", "first impressions": an imitation or an opinion, not the feeling "impressed"
    ("impression", r"\bimpressions?\b", " imitation "),
    # "the corners relax into a faint downward curve", "her mouth curves down": the corners turned down, not a curve
    # (up) and a downturn at once
    ("curv", r"\b(?:downward|down-?turned|downturned)\s+curve\b|\bcurv(?:e|es|ed|ing)\s+(?:down|downwards?)\b", " downward "),
    # "cool as a cucumber", "cucumber-cool": calm (the simile's "as" would end the clause before "cucumber"); the
    # startled cat of "a cat that spotted a cucumber" is no simile of this kind
    ("cucumber", r"\b(?:as\s+)?cool\s+as\s+(?:a\s+)?cucumber\b|\bcucumber[\s-]+cool\b", " calm "),
))


def round6_rewrites(s: str) -> str:
    """``s`` (lower-cased, normalised) with the phrasings of :data:`_ROUND6_REWRITES` rewritten."""
    for rule in _ROUND6_REWRITES:
        if rule.applies(s):
            s = rule.pattern.sub(rule.repl, s)
    return s


# --------------------------------------------------------------------------- round 15b rewrites

_NEARLY_NOUN_RE = re.compile(r"(?:grimac|smirk|snarl|glar|pout|wink|squint|gasp|snort|chuckl|shrug)\w*$")


def _nearly_an_expression(m: re.Match) -> str:
    """"not quite a smile", "almost, but not quite, crying": nearly the movement, so a slight one of it (the
    negation is of its completeness, not of the movement)."""
    if not (_EXPRESSION_WORD_RE.match(m.group(2)) or _NEARLY_NOUN_RE.match(m.group(2))):
        return m.group(0)
    word = m.group(2)
    if word.startswith(("frown", "scowl")):
        return " brows slightly lowered "  # the brows begin it; a frown's mouth is not reached
    if word.startswith(("laugh", "giggl", "chuckl")):
        return " a suppressed laugh "  # a laugh that does not break out: a smile behind pressed lips
    return f" {'a faint' if m.group(1) else 'a slight'} {word} "


def _hardly_a_feeling(m: re.Match) -> str:
    """"he's hardly surprised", "hardly shocked.": a feeling said to be all but absent is denied (not a small
    dose of it); "hardly lifts his lids", "brows hardly raised" keep their small movement."""
    return f"{m.group(1)}not " if _feeling(m.group(2)) else m.group(0)


_FACE_NOUN_RE = re.compile(r"(?:mouth|lips?|eyes?|eyelids?|lids?|brows?|eyebrows?|forehead|cheeks?|nose|nostrils?|chin|jaw|head|gaze|face"
                           r"|expression|look|glare|stare|tears?|twitch|tremble|quiver|wobble|smirk|grimace|scowl|pout|wince)$")


def _someone_else_stops(m: re.Match) -> str:
    """"one look from under his brows and the kids stop": the stop is the new subject's (they fall quiet), not the
    end of the look; "and the grin stops", "and her lips stop" still end the movement."""
    noun = m.group(1) or ""
    if noun and _FACE_NOUN_RE.match(noun) or _EXPRESSION_WORD_RE.match(noun):
        return m.group(0)
    return " , "


#: A look already said to be small ("a flicker of sadness", "the merest hint of a smile"): a fleeting one keeps that size
_SMALL_ALREADY_RE = re.compile(r"\b(?:flicker|merest|hint|trace|faint\w*|slight\w*|ghost|tiny|little|barely|wisp|touch|shadow)\b")
#: "her eyes say run", "his eyes say 'help me'", "eyes begging: get me out of here": fear in the eyes; the eyes say it,
#: so no word is spoken and no speech shape made
_EYES_SAY_FEAR = (r"\b(eyes?|look|face|expression|stare|gaze)\s+(?:that\s+|which\s+)?(?:say|says|said|saying|beg|begs|begged|begging|plead|pleads|pleaded|pleading)\s*:?\s*,?\s*"
                  r"['\"\u2018\u201c]?\s*(?:run|help(?:\s+me)?|get\s+(?:me\s+)?out(?:\s+of\s+here)?|save\s+me|let\s+me\s+go)\b\s*[!.]*\s*"
                  r"['\"\u2019\u201d]?")
_EYES_SAY_FEAR_RE = re.compile(_EYES_SAY_FEAR, re.I)
_EYES_SCREAM_RE = re.compile(r"(?<!lower\s)(?<!upper\s)\b(eyes?|face|look|expression|glare|stare)\s+(?:that\s+|which\s+)?(?:is\s+|are\s+|was\s+|were\s+)?(?:scream|shout|yell)(?:s|ed|ing)?\b"
                             # (something said: "her eyes are screaming" alone is alarm, as the corpus reads it)
                             r"(?=\s*[:,]?\s*['\"\u2018\u201c]|\s+(?!(?:and|but|as|while|with|at|in|for|silently|now|too|again)\b)[a-z])", re.I)


def eyes_say_fear(text: str) -> str:
    """``text`` with eyes (or a face) that scream or shout made to say it (no sound: "her eyes scream murder"), and
    eyes that say "run" or "help me" read as frightened eyes, quotes and all (:data:`_EYES_SAY_FEAR`)."""
    low = text.lower()
    if "scream" in low or "shout" in low or "yell" in low:
        text = _EYES_SCREAM_RE.sub(r"\1 say", text)
    return _EYES_SAY_FEAR_RE.sub(r"\1 frightened ", text)


#: an exception said after a face held still ("not a single muscle moves, except his jaw")
_EXCEPTION_AFTER_RE = re.compile(r"\s*,?\s*(?:except|but|save|apart\s+from|other\s+than)\b")


def _still_face(m: re.Match) -> str:
    """A face where not a muscle moves: read at rest ("neutral": not the lightly set lips of "expressionless" alone), or
    nothing when an exception follows (only the exception shows)."""
    return " " if _EXCEPTION_AFTER_RE.match(m.string, m.end()) else " neutral "


#: A head turned away in the same description ("turns her face away", "head angled away", "averts his head")
_HEAD_AWAY_RE = re.compile(r"(?i)\b(?:head|face|chin)\b[^.;!?]{0,40}?\b(?:away|aside)\b|\b(?:turns?|turned|turning|faces?|faced|facing)\s+away\b"
                           r"|\baverts?\b|\baverted\b")


#: Eyes kept on someone: "keeps watching him (out of the corner of her eye)", "eyes still on her", "kept his eyes on
#: her" (a pronoun, not "eyes on her lips")
_EYES_KEPT_ON = (
    r"\b(?:keeps?|kept|keeping|still)\s+(?:watching|looking\s+at|eyeing)\s+(?:him|her|them|me|you|us)\b"
    r"(?:\s+(?:out\s+of|from)\s+the\s+corners?\s+of\s+(?:her|his|their|my|your)\s+(?:(?:left|right)\s+)?eyes?)?(?!\s+(?!and\b|but\b|while\b|as\b)[a-z])"
    r"|\b(?:(?:keeps?|kept|keeping)\s+)?(?:her|his|their|my|your|the)?\s*eyes\s+(?:(?:stay|stays|stayed|remain|remains|remained|still|held|kept)\s+)?"
    r"(?:(?:fixed|locked|glued|trained)\s+)?on\s+(?:him|her|them|me|you|us)\b(?!\s+(?!and\b|but\b|while\b|as\b|the\s+whole\b|all\b)[a-z])")
_EYES_KEPT_ON_RE = re.compile(_EYES_KEPT_ON, re.I)


def eyes_kept_on_someone(text: str) -> bool:
    """True when ``text`` keeps the eyes on someone while the head turns away (the eyes turn back against the head)."""
    return bool(_HEAD_AWAY_RE.search(text) and _EYES_KEPT_ON_RE.search(text))


#: The mouth named or moved by the text itself
_MOUTH_NAMED_RE = re.compile(r"\b(?:mouth|lips?|smil\w*|grin\w*|smirk\w*|corners?)\b")


def _overdone_smile(m: re.Match) -> str:
    """A smile "too wide", "too bright", "smiling too eagerly": overdone, so put on (train: "smile a bit too wide"
    MouthSmile 0.4, cheeks <= 0.15); one too bright, eager or sweet lifts the brows with it (dev: "a too-bright smile"
    BrowOuterUp 0.3)."""
    lively = re.search(r"bright|eager|sweet", m.group(0))
    return f" fake {m.group(1)} " + (", brows slightly raised , " if lively else "")


def _eyes_kept_on(m: re.Match) -> str:
    """Eyes kept on someone ("keeps watching him out of the corner of her eye", "eyes still on her") while the head turns
    away: the eyes turn back against the head, as eyes kept on the camera do; without a turn away the words stay."""
    return " eyes on the camera " if _HEAD_AWAY_RE.search(m.string) else m.group(0)


#: a verb holding an eye open just before it ("stretches his left eye open", "holds the right eye open")
_HELD_OPEN_RE = re.compile(r"\b(?:stretch|hold|held|force|forc|pr[iy]|prie|prop|pull|peel|tug|keep|kept)\w*\s+(?:(?:his|her|their|my|your|the)\s+)?$")
#: a part just before "is left" ("his head is left", "gaze is left"): a direction after all
_PART_BEFORE_LEFT_RE = re.compile(r"\b(?:head|gaze|eyes?|face|chin|jaw|mouth|nose|brows?|eyebrows?|corners?|lips?|pupils?|irises)\s+$")
#: out of breath: a gasp beside it is for air ("out of breath, gasping", "winded", "after the sprint")
_BREATHLESS_RE = re.compile(r"\bout\s+of\s+breath\b|\bbreathless\w*|\bwinded\b|\bpant(?:s|ed|ing)?\b|\bpuffing\b|\bafter\s+(?:the|a|his|her)\s+"
                            r"(?:sprint|run|race|climb|marathon|workout|dash)\b|\bfor\s+(?:air|breath)\b")
_SIDE_OR_OTHER_RE = re.compile(r"\b(?:left|right|l|r|other)\b")
#: a verb of turning or looking just before "left": a direction after all ("turning left her nose crinkling")
_TURN_BEFORE_LEFT_RE = re.compile(r"\b(?:turn|look|glanc|swivel|veer|head|go|goes|went|steer|swing|swung|tilt|roll|lean|shift|mov|flick|dart|slid|"
                                  r"twist|pivot|jerk|snap|whip|cut|drift|wander|slip)\w*\s+(?:(?:sharply|slowly|quickly|slightly|hard|away|back|off|up|down|to|the|her|his|their|its)\s+)*$")
#: sinking, and how far ("her stomach dropped to her feet")
_SINKS = r"(?:drops|dropped|dropping|sinks|sank|sinking|plummets|plummeted)"
_TO_THE_FEET = r"\s+to\s+(?:his|her|their|my|your|the)\s+(?:feet|shoes|boots|knees)"
#: A face said to be a mask, the words the planner reads as a face at rest and the learned layer as a face kept
#: blank: "her face was a mask", "his face a blank mask", "her features became a frozen mask" (not "a face mask", the
#: kind one wears, nor "a mask of fury", which names the look)
FACE_MASK_PATTERN = (r"\b(?:face|expression|features)\s+(?:(?:is|was|are|were|becomes|became|had\s+become|has\s+become|turns\s+into|turned\s+into|"
                     r"goes|went|sets\s+into|set\s+in(?:to)?|like)\s+(?:just\s+)?(?:a\s+)?|a\s+)"
                     r"(?:(?:blank|stone|stony|expressionless|careful|polite|perfect|smooth|frozen)\s+)?mask\b(?!\s+of\b)")

#: what a mouthful of which is no food ("grins with a mouthful of teeth", "a mouthful of sarcasm")
_NOT_FOOD = (r"(?:teeth|words?|sarcasm|abuse|insults?|swear\w*|curses?|cheek|lip|attitude|questions?|complaints?|apolog\w*|"
             r"excuses?|nonsense|rubbish|names?|jargon|vowels?|consonants?|syllables?)\b")

#: a movement or an expression right before "so hard it hurts" ("she misses him so much it hurts" is the feeling's)
_MOVES_BEFORE_RE = re.compile(r"\b(?:smil|grin|laugh|beam|roll|squeez|clench|squint|scrunch|frown|scowl|glar|star|wide|widen|grimac|pout|"
                              r"pucker|purs|press|bit|clamp|grit|giggl|chuckl|cackl|howl|cr[yi]|sob|scream|yell|shout|wink|blink|raise|"
                              r"rais|arch|furrow|knit|shut|clos|open|tens|tighten|strain|push|pull|bulg)\w*\s+(?:[\w']+\s+){0,3}$")

#: the eyes or the gaze sent somewhere in the words that follow ("..., eyes dropping to his pocket", "then his gaze slides left")
_GAZE_LATER_RE = re.compile(
    r"\b(?:eyes?|gaze|glanc\w*|look\w*|peek\w*|peer\w*|head)\b(?P<between>[^.;,]{0,20}?)\b(?:down|up|drop\w*|lower\w*|rais\w*|lift\w*"
    r"|left|right|away|aside|sideways|dart\w*|flick\w*|slid\w*|slide\w*)\b")
#: ... not eyes that light up, well up or crinkle up
_NOT_A_LOOK_RE = re.compile(r"\b(?:light\w*|lit|well\w*|screw\w*|crinkl\w*|fill\w*|tear\w*|brighten\w*|scrunch\w*)\b")


def _gaze_later(s: str, pos: int) -> bool:
    """Whether the words after ``pos`` send the eyes or the head somewhere ("..., glancing up at him", "and looks up")."""
    return any(not _NOT_A_LOOK_RE.search(m.group("between")) and not _NOT_A_LOOK_RE.match(s, m.end("between"))
               for m in _GAZE_LATER_RE.finditer(s, pos))


#: a negation just before a verb ("without smiling down at the kid", "never grins up at anyone")
_DENIED_BEFORE_RE = re.compile(r"(?:\bwithout|\bnot|\bnever|n't|\bno)\s+(?:\w+\s+)?$")
#: stems of the faces one makes at something ("glares", "smiling", "a squint"), which the two look rules below share
_FACE_MADE = "glar|glower|scowl|squint|smil|grin|beam|frown|smirk|sneer|grimac|pout|leer|simper"


def _looked_there(m: re.Match, looked: str) -> str:
    """``looked`` for a face made at something, unless the words after it send the eyes elsewhere or the verb is
    denied (then the match stays as it was)."""
    if _gaze_later(m.string, m.end()) or _DENIED_BEFORE_RE.search(m.string[: m.start()]):
        return m.group(0)
    return looked
_ROUND15B_REWRITES: tuple[_Rewrite, ...] = tuple(_Rewrite(g, p, r) for g, p, r in (
    # a relative clause with a subject and a negation of its own ("smiles at a joke she doesn't get", "grins at the chart
    # he can't read", "the tears she can't hold back") says nothing against the movement before it: the noun is kept
    (("n't", "not", "never", "cannot"),
     r"\b((?:the|a|an|that|this|those|these|some|his|her|their|my|your)\s+(?:[a-z'-]+\s+){0,2}?[a-z'-]+)\s+(?:she|he|they|i|we|you)\s+"
     r"(?:can'?t|cannot|can\s+not|doesn'?t|does\s+not|didn'?t|did\s+not|won'?t|will\s+not|wouldn'?t|would\s+not|couldn'?t|could\s+not"
     r"|don'?t|do\s+not|never)\s+(?:quite\s+|really\s+|even\s+|fully\s+)?([a-z]+)(?:\s+(?:back|in|out|off|up|down|away|again))?\b"
     # (the clause's object is the noun before it: nothing but its end, or a preposition, follows the verb; "at the
     # funeral she doesn't shed a tear" and "in my country we don't smile" are not such clauses)
     r"(?=\s*(?:[,.;:!?)\u2013\u2014]|$)|\s+(?:and|but|while|as|with|at|to|for|of|in|on|from|about|because|so|then|anymore|yet)\b)",
     lambda m: m.group(0) if _EXPRESSION_WORD_RE.match(m.group(2)) or _feeling(m.group(2)) else f"{m.group(1)} ,"),
    # "a flicker of a frown, less than a frown really": not quite one, barely one (not a comparison with the keyframe
    # before); "slightly less than a full laugh" is nearly a full one, left to the comparison
    ("less than", r"(?<!slightly\s)(?<!a\sbit\s)(?<!a\slittle\s)(?<!just\s)(?<!only\s)(?<!much\s)\bless\s+than\s+(an?)\s+"
     r"(?!(?:full|real|proper|complete|whole|total|genuine|true)\b)([a-z]+)(?:\s+really\b)?",
     lambda m: f"barely {m.group(1)} {m.group(2)}" if _EXPRESSION_WORD_RE.match(m.group(2)) else m.group(0)),
    # a feeling that passes, lifts, recedes or wears off is gone, as when it fades ("the panic passes and his breathing
    # slows"; not "she passes the salt": the feeling is named right before it)
    (("pass", "lift", "recede", "wear", "wore", "worn"),
     r"\b(pain|ache|panic|fear|anger|rage|fury|worry|nausea|terror|dread|grief|sadness|shock|irritation|annoyance|tension|sting|cramp"
     r"|dizziness|alarm|fright|embarrassment|surprise|excitement|giddiness|euphoria|adrenaline|moment)\s+(?:finally\s+|slowly\s+|soon\s+"
     r"|quickly\s+|gradually\s+)?(?:passes|passed|has\s+passed|lifts|lifted|has\s+lifted|recedes|receded|wears\s+off|wore\s+off"
     r"|has\s+worn\s+off)\b(?!\s+(?:over|across|through|behind)\b)", r"\1 fades"),  # (not "fear passes over his face")
    # eyes "like dinner plates", "the size of golf balls": as wide as saucers
    ("eye", r"\b(eyes?)\s+(?:like|as\s+(?:big|wide|round|large)\s+as|the\s+size\s+of)\s+(?:(?:a\s+pair\s+of|two|a)\s+)?(?:dinner[\s-]+plates?"
     r"|plates|golf[\s-]+balls|headlights|ping[\s-]?pong\s+balls|tennis\s+balls|(?:full\s+)?moons|billiard\s+balls|pool\s+balls|marbles)\b",
     r"\1 wide as saucers"),
    # a look that crosses the face and is gone at once ("a frown flickers across his face and vanishes", "anger flashes
    # in her eyes, then it's gone", "a grimace, there and gone"): a faint trace of it, not none (train: "a flicker of
    # sadness crosses her face, gone almost at once" keeps inner brows 0.2; "gone in a frame" keeps eyes wider 0.15)
    (("gone", "vanish", "disappear"),
     r"^(?=.*\b(?:flicker\w*|flash\w*|flit\w*|cross(?:es|ed)?\s+(?:her|his|their|my|the)\s+(?:face|features)|pass(?:es|ed)\s+(?:over|across)"
     r"|there\s+and\s+gone|fleeting\w*|momentar\w*|brief\w*)\b)(.*?\w.*?)(?:\s*[,;:\u2013\u2014-]\s*(?:(?:and|then|but)\s+)?|\s+(?:and|then|but)\s+)"
     r"(?:there\s+and\s+)?"
     r"(?:(?:it'?s|it\s+is|it\s+was|is|was|they'?re|they\s+are)\s+)?(?:(?:just\s+as\s+|as\s+)?(?:quickly|soon|instantly|immediately|fast)\s+)?"
     r"(?:gone|vanish(?:es|ed)?|disappear(?:s|ed)?)(?:\s+(?:again|almost\s+at\s+once|at\s+once|almost\s+instantly|instantly|immediately"
     r"|as\s+(?:quickly|fast)(?:\s+as\s+it\s+came)?|just\s+as\s+(?:quickly|fast)(?:\s+as\s+it\s+came)?|in\s+an?\s+(?:frame|flash|second|heartbeat"
     r"|moment|blink|instant)|a\s+(?:moment|second|beat|heartbeat)\s+later))?\s*[.!]*\s*$",
     lambda m: m.group(1) if _SMALL_ALREADY_RE.search(m.group(1)) else f"faintly , {m.group(1)}"),
    # understatement (litotes): "not amused", "he isn't exactly thrilled", "not best pleased", "less than impressed":
    # displeasure kept in check (lips pressed, lids a little heavy), not a smile that is merely missing ("kind if
    # not thrilled" is a concession; "not pleased, not upset" a neutral pair: both left alone)
    (("amused", "impressed", "thrilled", "chuffed", "delighted", "moon", "pleased"),
     r"(?<!\bif\s)(?<!\bnothing\s)(?<!\bno\s)(?:\bnot|n't|\bnever|\bhardly|\bscarcely|\bless\s+than)\s+(?:exactly\s+|particularly\s+|remotely\s+|terribly\s+|too\s+"
     r"|very\s+|all\s+that\s+|that\s+|entirely\s+|what\s+you\s+(?:would|'d)\s+call\s+)?"
     r"(?:amused|impressed|thrilled|chuffed|delighted|over\s+the\s+moon|best\s+pleased)\b"
     r"(?!\s*,?\s*(?:not(?!\s+(?:even|at\s+all|one\s+bit|a\s+bit|in\s+the\s+least|remotely))|nor|neither)\b)",  # "not even a little" stresses it
     " unimpressed "),
    # "his eyes never quite close", "the lids don't quite shut": heavy lids, partly closed (train and dev: at most 0.7)
    ("quite", r"(\b(?:eyes?|eyelids?|lids?)\b[^,.;:!?]{0,30}?)\b(?:never|not|n't|doesn'?t|does\s+not|don'?t|do\s+not|didn'?t|did\s+not)\s+quite\s+"
     r"(?:shut|close|closes|closed|meet|meets)\b", r"\1 half closed "),
    # "eyelids almost meet", "the lids meet": the eyes (almost) closed
    (("meet", "met"), r"\b(?:eye)?lids\s+(almost\s+|nearly\s+|all\s+but\s+)?(?:meet|meets|met|meeting)\b(?!\s+(?:his|her|their|my|your)\b)",
     lambda m: f" eyes {m.group(1) or ''}closed "),
    # "eyes nearly shut", "lids almost closed", "her eyes almost close": most of the way, not all of it (train: about 0.8)
    # (eyes that a smile or a squint crinkles nearly shut are half shut under the raised cheeks: train, "eyes crinkled
    # nearly shut" beside a grin or a laugh, blink 0.2 to 0.45)
    (("almost", "nearly", "all but", "practically"), r"\b(crinkl(?:e|es|ed|ing)|squint(?:s|ed|ing)?|scrunch(?:es|ed|ing)?)\s+"
     r"(?:up\s+)?(?:almost|nearly|all\s+but|practically)\s+(?:shut|closed)\b", r"\1 , eyes half shut"),
    (("almost", "nearly", "all but", "practically"), r"\b(?:almost|nearly|all\s+but|practically)\s+(shut|closed|closing|close|closes)\b", r"strongly \1"),
    # a face's colour in a simile: "as pale as a sheet", "white as a ghost" (dread: the blood drains), "as red as a
    # beetroot" (a blush, unless it is anger's); a verb before it ("went pale as a sheet") was read in round 6
    (("sheet", "ghost", "chalk", "paper", "death", "corpse"),
     r"\b(?:as\s+)?(?:white|pale|ashen|grey|gray)\s+as\s+(?:a\s+)?(?:sheet|ghost|chalk|paper|death|corpse)\b", _goes_pale),
    (("beet", "tomato", "lobster", "cherry", "postbox"),
     r"\b(?:as\s+)?(?:red|pink|crimson|scarlet)\s+as\s+(?:a\s+)?(?:beet|beetroot|tomato|lobster|cherry|postbox)\b"
     r"(?!\s+(?:with|from)\s+(?:anger|rage|fury|temper|exertion|effort|the\s+(?:cold|heat|effort|strain)))", " embarrassed "),
    # "not quite a smile", "almost but not quite a grin", "not quite a grin, not quite a grimace": nearly that
    # movement, a slight one of it (a faint one after "almost but"), not none
    ("quite", r"(almost\s*,?\s*but\s+)?\bnot\s+quite\s*,?\s+(?:a\s+|an\s+)?([a-z]+)\b", _nearly_an_expression),
    # "JawForward to the stop", "brows up against the stops": as far as the rig (or the face) goes, the most there is
    ("stop", r"\b(?:to|against|at)\s+(?:the|its|their)\s+stops?\b(?!\s+(?:sign|light|button))", " to the max "),
    # a feeling "hardly" there after a copula or opening a sentence: denied ("he's hardly surprised", "Hardly amused.")
    ("hardly", r"((?:\b(?:is|was|are|were|be|been|look|looks|looked|seem|seems|seemed|feel|feels|felt)|'s|^|[.!?;:,\-\u2014])\s*)hardly\s+(?=([a-z]+)\b)",
     _hardly_a_feeling),
    # "one brow.", "one eyebrow, barely": the brow named alone, with no verb, is the one raised (a sceptic's brow)
    ("brow", r"(?:^|(?<=[.!?;:,\-\u2014]))\s*(?:just\s+|only\s+)?one\s+(?:eye)?brow\b(?=\s*(?:[,.;:!?\-\u2014]|$))", " one brow raised "),
    # "... and the kids stop", "and everyone stops talking": another subject's stop ends nothing on this face
    ("stop", r"\band\s+(?:the\s+([a-z]+)|everyone|everybody|they)\s+(?:stop|stops|stopped)\b(?:\s+(?:talking|laughing|chattering|dead))?", _someone_else_stops),
    # "THE look" a parent gives: the stern, warning look ("my mum gives me the look", "just THE LOOK", "the look
    # teachers give"): brows down, lids narrowed, lips pressed
    ("look", r"\b(?:give|gives|gave|giving|given|shoots?|shot|flash(?:es|ed)?)\s+(?:(?:him|her|them|me|us|you|u|the\s+\w+)\s+)?(?:very\s+)?the\s+(?:very\s+)?look\b(?!\s+(?:of|that|on|in)\b)"
     r"|\bthe\s+look\s+(?:\w+\s+){1,3}(?:gives?|gave)\b|\bjust\s+(?:very\s+)?the\s+(?:very\s+)?look\b(?=\s*(?:[.!,;]|$))", " glaring , lips pressed "),
    # "wiggles his eyebrows", "an eyebrow wiggle", "brows bouncing": the brows jump up and down; a keyframe holds them up
    (("wiggl", "waggl", "bounc", "wag"), rf"\b(?:(?:wiggl|waggl|bounc|wagg?)\w*\s+(?:{_POSS}\s+|the\s+)?(?:eye)?brows?|(?:eye)?brows?\s+(?:wiggl|waggl|bounc|wagg?)\w*)\b",
     " brows raised "),
    # "an audible gulp", "*gulp*", "he gulps": a nervous swallow (lips pressed, inner brows up, eyes a little wide);
    # gulping down a drink or gulping air is no nerves
    ("gulp", r"\bgulp(?:s|ed|ing)?\b(?!\s+(?:down|back|for|of|air|water|at|the|a|an|his|her|their|my|some|it|in\s+(?:air|breath|a\s+breath|oxygen))\b)",
     _NERVOUS_SWALLOW),
    # "more a twitch than a smile", "more of a grimace than a grin": the face is the first, and of the second it shows a
    # trace at most (train: "more a twitch than a smile, at the left corner" keeps the corner at 0.12); the word 'more'
    # is no comparison with the keyframe before
    ("more", r"\bmore\s+(?:of\s+)?(an?\s+[a-z'-]+(?:\s+of\s+(?:the|her|his|their|my)\s+[a-z]+)?)\s+than\s+(an?\s+(?:[a-z'-]+\s+)?[a-z'-]+)\b",
     lambda m: f"{m.group(1)} , barely {m.group(2)}" if _EXPRESSION_WORD_RE.match(m.group(2).split()[-1]) else m.group(0)),
    # "looks him up and down", "eyes her up and down", "gives him the once-over": an appraising look that ends low
    # (train: "she looks him up and down, and her eyes finish on his muddy shoes": eyes down 0.5); the word 'up' is
    # no upward look, and the head is left where it is (dev tilts it up or leaves it)
    (("up and down", "once"), r"\b((?:look|eye|gaze|glance|stare|peer)[a-z]*\s+(?:[a-z'-]+\s+){0,3}?)up\s+and\s+down\b"
     r"|\b(?:give|gives|gave|giving|given|get|gets|got)\s+(?:(?:him|her|them|me|us|you|the\s+\w+)\s+)?(?:a|the)\s+(?:slow\s+|quick\s+|long\s+)?"
     r"once[\s-]+over\b|\b(?:a|the)\s+(?:slow\s+|quick\s+|long\s+)?once[\s-]+over\b",
     lambda m: f"{m.group(1)}, eyes down" if m.group(1) else " eyes down "),
    # "the high wears off", "the buzz fades": a high that passes is no look held high (it had paired with the lids)
    (("high", "buzz", "rush"), r"\b(?:the\s+|his\s+|her\s+|their\s+|my\s+)?(?:sugar\s+)?(?:high|buzz|rush)\s+(?:finally\s+|slowly\s+)?"
     r"(?:wears\s+off|wore\s+off|has\s+worn\s+off|fades|faded|passes|passed|is\s+gone|ebbs|dies\s+down)\b", " it fades "),
    # "the side of his mouth curls up", "the sides of her mouth lift": the corner (or corners) of the mouth (it had
    # read as a side named with no part, and nothing moved)
    # (a word before it: the lexicon's own phrase "side of the mouth", read through normalize, stays one-sided; "that
    # side of her mouth" keeps the side named before it; "out of the side of his mouth" is where words or breath come from)
    ("side", r"(?<=[a-z]\s)(?<!\bfrom\sthe\s)(?<!\bof\sthe\s)(?<!\bthat\s)(?<!\bthis\s)(?<!\bsame\s)(?<!\bother\s)\b(side|sides)\s+of\s+(his|her|their|my|your|the)\s+(mouth|lips)\b",
     lambda m: f"{'corners' if m.group(1) == 'sides' else 'corner'} of {m.group(2)} mouth"),
    # "her eyes scream", "his face is yelling": what the eyes or face say (no sound is made; a scream is one)
    (("scream", "shout", "yell"), _EYES_SCREAM_RE.pattern, r"\1 say"),
    # "her eyes say run", "his eyes scream 'help me'", "eyes begging get me out of here": fear in the eyes (see
    # eyes_say_fear, which reads it before the quotes are taken as speech)
    (("run", "help", "out", "save", "go"), _EYES_SAY_FEAR, r"\1 frightened "),
    # "her heart is in her mouth": the heart in the throat (fear), not a mouth part
    ("heart", r"\bheart\s+(?:is\s+|was\s+|leaps\s+|leapt\s+|jumps\s+|jumped\s+)?(?:in|into|up\s+in)\s+(his|her|their|my|your)\s+mouth\b",
     r"heart in \1 throat"),
    # "her face is a mask", "his face a blank mask": a face at rest (FACE_MASK_PATTERN; the learned layer keeps its
    # expression still)
    ("mask", FACE_MASK_PATTERN, " neutral "),
    # "her eyes glazed", "glazed eyes": eyes that see nothing, as when glazed over
    ("glazed", r"\b(?:(eyes?)\s+(?:are\s+|is\s+|go\s+|goes\s+|went\s+|gone\s+|all\s+)?glazed|glazed\s+(eyes?))\b(?!\s+over)",
     lambda m: f"{m.group(1) or m.group(2)} glazed over"),
    # "her chin isn't steady", "her voice is steady; her chin isn't": it trembles
    ("n't", r"\b(?:steady|still|calm|firm|even)\b([^.;!?]*?[;,.]\s*(?:but\s+)?(?:her|his|their|my|the)\s+(?:chin|lips?|lower\s+lip|mouth|jaw))\s+"
     r"(?:is|are|was|were)\s*n'?t\s*(?=[.!;,]|$)", r"steady\1 trembles "),
    (("n't", "not"), r"\b(chin|lips?|lower\s+lip|mouth|jaw)\s+(?:is|are|was|were)\s*(?:n'?t|\s+not)\s+(?:quite\s+|so\s+|entirely\s+|very\s+)?"
     r"(?:steady|still|firm)\b", r"\1 trembles"),
    # one verb for a feeling, which the tables read only in another form ("he seethes" beside "seething", "she frets"
    # beside "worried", "he wilts" beside "deflates"): the form that is read (an object or an object-like noun after
    # "stew" is a dish; "beside herself" needs a word before it, so that the lexicon's own intensity phrase "beside
    # herself" (with rage, with joy), read through this normalisation, stays as it is)
    (("seeth", "stew", "stiffen", "wilt", "fret", "squirm", "uncomfortabl", "recoil", "beside"),
     r"\b(?:(seethes|seethed)|(stews|stewed|stewing)(?!\s+(?:the|a|some|beef|meat|it|them|lamb|chicken|vegetables|apples)\b)"
     r"|(stiffens|stiffened|stiffening)|(wilts|wilted|wilting)|(frets|fretted|fretting)"
     # (squirming, or uncomfortable, said of someone: "a squirming grin" is the grin's, "an uncomfortable stretched
     # mouth" the mouth's)
     r"|(squirms|squirmed|squirming(?!\s+(?:grin|smile|laugh|giggle))|\b(?:is|am|are|was|were|looks?|looked|looking|feels?|felt|feeling"
     r"|seems?|seemed|very|so|quite|clearly|visibly|'s)\s+uncomfortabl[ey])"
     r"|(recoils|recoiled|recoiling)|((?<=[a-z]\s)beside\s+(?:herself|himself|themselves|myself|yourself))(?!\s+with\b))\b",
     lambda m: (" seething ", " simmering ", " tenses ", " deflates ", " worried ", " awkward ", " flinches back ", " distraught ")[m.lastindex - 1]
     if m.lastindex != 6 or "uncomfortabl" not in m.group(6) else f"{m.group(6).rsplit(' ', 1)[0]} awkward "),
    # "dead eyes", "her eyes go empty", "dead inside", "he looks numb": eyes that see nothing, the lids a little heavy
    # (train: "stares at the kettle with dead eyes" EyeBlink 0.5, "dead eyes, staring down" 0.35; the lexicon reads
    # "dead eyes" itself, and "eyes dead" above a smile are eyes that take no part in it); a numb lip is the dentist's
    (("dead", "empty", "hollow", "vacant", "lifeless", "numb"),
     r"\b(?:dead-eyed|(?:empty|hollow|vacant|lifeless)[\s-]+eye[sd]?)\b|\beyes?\s+(?:are\s+|look\s+|go\s+|goes\s+|went\s+|gone\s+)?(?:empty|hollow|vacant|lifeless)\b"
     r"|\bdead\s+inside\b|(?<!lip\s)(?<!lips\s)(?<!jaw\s)(?<!mouth\s)(?<!cheek\s)(?<!tongue\s)\b(?:looks?|looked|looking|feels?|felt|feeling|goes|went|gone|seems?|seemed|emotionally|just|totally|completely|is|was|'s)\s+numb\b"
     r"(?!\s+(?:lip|lips|mouth|jaw|cheek|cheeks|tongue|gums)\b)", " eyes glazed over "),
    # "he smiles -- or tries to", "she laughs, or tries to": an attempt that barely comes, forced (not the full smile)
    (("tries", "tried", "attempt"), r"\b(smiles?|smiled|grins?|grinned|laughs?|laughed)\s*[,;:\u2014\u2013-]+\s*(?:or|well)\s+(?:at\s+least\s+)?"
     r"(?:tries|tried|attempts|attempted)(?:\s+to)?\b", r"\1 faintly , forced "),
    # "not far from a smile", "she's not far from laughing": nearly there (not a denial)
    ("far from", r"\bnot\s+(?:too\s+|that\s+|so\s+|very\s+|all\s+that\s+)?far\s+from\b", " almost "),
    # "she's far from happy": not happy (displeasure kept in check), as "far from calm" is agitation
    ("far from", r"\bfar\s+from\s+(happy|pleased|glad|content|contented|satisfied|cheerful|joyful|delighted|thrilled|amused|impressed)\b",
     r"not \1"),
    # "he wasn't expecting that", "she didn't see that coming": taken by surprise
    (("expect", "coming"), r"\b(?:was\s*n'?t|was\s+not|were\s*n'?t|were\s+not|did\s*n'?t|did\s+not|never)\s+(?:expecting|expect|expected"
     r"|(?:see|saw)\s+(?:that|this|it)\s+coming)\b(?:\s+(?:that|this|it)\b)?", " surprised "),
    # "a smile, but smaller", "the same frown, only deeper": the size word said after the expression it measures
    (("smaller", "bigger", "larger", "deeper", "wider", "broader", "stronger", "weaker", "softer", "fainter", "harder"),
     r"\b(?:(?:an?|the)\s+)?(?:same\s+)?([a-z]+)\s*,?\s*(?:but|only|just)?\s*(smaller|bigger|larger|deeper|wider|broader|stronger|weaker|softer"
     r"|fainter|harder)\b(?=\s*(?:[.,;!?]|$))",
     lambda m: f"a {m.group(2)} {m.group(1)}" if _EXPRESSION_WORD_RE.match(m.group(1)) else m.group(0)),
    # "she sucks on a straw", "sipping through the straw": lips puckered, eyes down on the cup (train: pucker 0.7)
    ("straw", r"\b(?:suck|sucks|sucked|sucking|sip|sips|sipped|sipping|drink|drinks|drinking|drank)\s+(?:hard\s+)?(?:on|through|from|at)\s+"
     r"(?:a|the|her|his|their|my|your)\s+(?:\w+\s+)?straw\b", " lips puckered , eyes down "),
    # "he laughs, then stops", "her lip trembles, then steadies": the last beat ends the movement before it, and
    # the face settles (it had kept the laugh, the beat naming nothing to stop)
    (("then", "and"), r"(?:,|;|\band)\s*(?:(?:and|but)\s+)?then\s+(?:(?:it|she|he|they|her\s+\w+|his\s+\w+)\s+)?(?:suddenly\s+|slowly\s+|abruptly\s+)?"
     r"(?:stops|stopped|steadies|steadied|stills|stilled|goes\s+still|went\s+still|falls\s+still|fell\s+still|subsides|subsided|quiets|quietens)"
     r"\s*[.!]*\s*$", " , then the face settles "),
    # "the smile curdles", "his grin sours": a trace of the smile is left over pressed lips (train: "a held smile
    # souring: ... lips tight" keeps the corners 0.1-0.18; "curdles into a cold stare" names what it becomes)
    (("curdl", "sour"), r"\b(smile|grin|smirk|laugh|look|expression)\s+(?:curdles|curdled|curdling|sours|soured|souring|turns\s+sour|turned\s+sour"
     r"|goes\s+sour|went\s+sour)\b(?!\s+(?:into|to|in)\b)", r"faint \1 , lips pressed "),
    # "a smile tugs at her mouth, and she bites it back": a smile held down (lips pressed over a trace of it)
    (("back", "down"), r"\b(smile|grin|laugh|smirk)\b([^.;!?]{0,60}?)[,;]?\s*\b(?:and|but)\s+(?:she|he|they|i|we)\s+(?:bites|bit|swallows|swallowed"
     r"|fights|fought|presses|pressed|holds|held|forces|forced|tamps|tamped|stifles|stifled|smothers|smothered|squashes|squashed|reins|reined)"
     r"\s+it\s+(?:back|down|in)\b", r"a suppressed \1 \2"),
    # head movements the tables did not read: "he ducks his head" (down: train "ducks his head to look under the
    # table" HeadPitch 0.35), "she tosses her head" (a toss back, chin up); "looks her dead in the eye" is a look
    # straight at someone
    (("duck", "toss", "dead in the eye"),
     r"\b(?:(ducks|ducked|ducking)\s+(?:his|her|their|my|your)\s+head|(tosses|tossed|tossing)\s+(?:his|her|their|my|your)\s+(?:head|hair))\b"
     r"|\b(?:looks?|looked|looking|stares?|stared|staring)\s+(?:him|her|them|me|you|us)\s+(?:dead|straight|right)\s+in\s+the\s+eyes?\b",
     lambda m: " head down " if m.group(1) else " head tilts back " if m.group(2) else " looks straight at them "),
    # "the mouth falls slightly open", "his jaw drops a little open": the size word inside "falls open" (the bare
    # "falls" had been read as the corners falling: MouthFrown 0.6)
    (("open", "ajar", "apart", "slack"), r"\b(?:fall|falls|fell|fallen|falling|drop|drops|dropped|dropping|hang|hangs|hung|hanging|sag|sags|sagged"
     r"|sagging|slide|slides|slid|sliding)\s+(slightly|a\s+little|a\s+bit|a\s+touch|partly|partially|half|just|wide|fully|further|farther|right)"
     r"\s+(open|ajar|apart|slack)\b", r"\1 \2"),
    # prose the tables did not read: "she bit the inside of her cheek" (a laugh or a word held in: train presses the lips
    # 0.35 with the mouth pulled to one side 0.2), "his mouth worked, but no words came" (lost for words, not the jaw
    # clenching), "his Adam's apple bobbed" (a nervous swallow, as "gulps"), "she regarded him coolly" (cold, narrowed
    # eyes; not the cold of a winter's day)
    (("inside of", "worked", "working", "works", "adam", "coolly", "icily", "frostily"),
     r"\b(?:(bites|bit|biting|chews|chewed|chewing)\s+(?:on\s+)?the\s+inside\s+of\s+(?:her|his|their|my|your)\s+(?:cheek|mouth|lip)"
     # (an earlier rewrite may have taken "no words" out already: "his mouth worked, but , came")
     r"|((?:mouth|lips|jaw)\s+(?:works|worked|working|moves|moved|moving)\s*,?\s*but\b[^.;!?]{0,20}?\b(?:come|comes|came|coming))"
     r"|(adam'?s\s+apple\s+(?:bobs|bobbed|bobbing|jumps|jumped|jumping|moves|moved|rises|rose|works|worked))"
     r"|(coolly|icily|frostily))\b",
     lambda m: " lips pressed , mouth pulled slightly to one side " if m.group(1) else " lips parted , speechless " if m.group(2)
     else _NERVOUS_SWALLOW if m.group(3) else f" , {_COLD_LOOK} , "),
    # "she looks left and slightly up", "looks to the right and a little down": the second direction is the eyes' own,
    # with its own size (the part had paired with the first direction only, and the second was dropped)
    (("up", "down"), r"\b(look|looks|looked|looking|glance|glances|glanced|glancing|gaze|gazes|gazed|gazing|peer|peers|peered|peering)"
     r"\s+((?:to\s+(?:(?:the|her|his|their|my)\s+)?)?(?:left|right))\s+(?:side\s+)?and\s+((?:very\s+)?slightly|(?:a\s+)?(?:little\s+)?bit|a\s+little"
     r"|(?:a\s+)?touch|just|somewhat|a\s+lot|far|well|way)?\s*(up|down|upward|upwards|downward|downwards)\b",
     lambda m: f"{m.group(1)} {m.group(2)} , gaze {'' if not m.group(3) else 'far ' if m.group(3) in ('a lot', 'far', 'well', 'way') else 'slightly '}{m.group(4)}"),
    # "he closes one eye - the right", "one brow, the left one, goes up": the side named after "one" is that part's
    # (it had been read as a look to that side, and the default side closed)
    (("left", "right"), r"\bone\s+(eye|eyebrow|brow|corner|cheek|nostril|lid|eyelid)\s*(?:[,:;\u2014\u2013]|\s-{1,2})\s*(?:the|her|his|their|my)\s+(left|right)"
     r"(?:\s+one)?\b", r"the \2 \1"),
    # "she gets it", "he finally gets it": it dawns, with a smile (train: brows up 0.3, smile 0.45); "she does the math":
    # thinking it through (not "gets it down", "gets it wrong", "gets it over with")
    (("gets it", "got it", "the math", "the maths", "the sums"),
     r"\b(?:she|he|they|i|we|you)\s+(?:finally\s+|suddenly\s+|slowly\s+)?(?:gets|got|get)\s+it\b(?=\s*(?:[.!,;\u2014\u2013]|$|now\b|at\s+last\b))"
     r"|\b(does|did|doing|do)\s+the\s+(?:math|maths|sums)\b",
     lambda m: " thinking " if m.group(1) else " realization dawns , a smile "),
    # "gazes at the stars", "looks at the clouds": things overhead, a look up as at the sky (dev: "gazes at the
    # stars" EyeLookUp 0.35)
    (("star", "moon", "cloud", "treetop", "rooftop"), r"\b(at|to|toward|towards|into)\s+the\s+(?:night\s+|starry\s+|full\s+|dark\s+)?"
     r"(?:stars|moon|clouds|treetops|rooftops)\b", r"\1 the sky"),
    # ... and a look toward the heavens (train: "a Hail Mary look toward the heavens" EyeLookUp 0.35); the lexicon's "to
    # the heavens" alone is a size ("brows shoot to the heavens"), so only after a look
    ("heaven", r"\b((?:look|gaz|glanc|star|peer|eye|turn)\w*(?:\s+(?:his|her|their|my|your)\s+(?:eyes|gaze|face))?(?:\s+up)?"
     r"\s+(?:at|to|toward|towards|into|up\s+to|up\s+at))\s+the\s+heavens\b", r"\1 the sky"),
    # "peers into the cot", "looks under the bed", "peeks over the edge", "she looks in": a look into something below, under
    # it or over an edge goes down (train and dev keep EyeLookDown >= 0.09 on such lines, and no look up); not a look
    # into someone's eyes, a mirror, the distance or the light, one up from under the lashes or a hat's brim, one over
    # the edge of a cup or a book, nor one that looks in on someone (a visit) or in through a window
    (("look", "peer", "peek", "gaz", "star", "glanc"),
     r"\b((?:look|peer|peek|gaz|star|glanc)(?:s|ed|ing|e|es)?)\s+(?:(under|underneath|beneath)\b"
     r"(?!\s+(?:(?:her|his|their|my|your|the|a)\s+)?(?:[a-z'-]+\s+)?(?:lashes|eyelashes|brows?|eyebrows?|fringe|bangs|hat|brim|cap|hood|visor|hair)\b)"
     r"(?!\s+(?:(?:the|a|an|some|so\s+much|a\s+lot\s+of|great|huge|real|enormous|intense|heavy)\s+)?(?:weather|pressure|strain|stress|siege|par"
     r"|surface|influence|impression|spell|cloud|threat|duress|attack|fire|orders|control|scrutiny)\b)"
     r"|(over\s+the\s+(?:edge|side|rail|railing|parapet|banister|balcony|cliff|brink|ledge)\b)(?!\s+of\s+(?:(?:her|his|their|my|your|the|a)\s+)?"
     r"(?:[a-z'-]+\s+)?(?:cup|mug|glass|book|paper|newspaper|menu|glasses|specs|spectacles|laptop|screen|magazine|fan|drink)\b)"
     r"|(in|into|inside)(?=\s+(?:the|a|an|his|her|their|my|your|its)\s+(?:[a-z'-]+\s+)?(?:cot|crib|pram|cradle|cage|tank|box|bag|drawer"
     r"|fridge|freezer|well|pit|bucket|bowl|cup|mug|pot|pan|oven|sink|pool|pond|puddle|grave|coffin|basket|bin|microscope"
     r"|envelope|wallet|purse|handbag|suitcase|boot|trunk|hamper|pushchair|buggy|nest|hutch|crate|tin|jar|bath|tub)s?\b)"
     r"|(in)(?=\s*(?:[,.;:!?()\u2014\u2013]|$)))", r"\1 down \2\3\4\5"),
    # "she's on board with the plan": she agrees, no board to look down at
    ("board", r"\bon\s+board\b", "aboard"),
    # "up to her eyeballs in work", "up to his eyes in debt": swamped, no look up
    (("eyeball", "eyes", "neck", "ears"), r"\bup\s+to\s+(?:her|his|their|my|your|our)\s+(?:eyeballs|eyes|ears|neck)\s+in\b", "swamped with"),
    # "looks at the photograph", "stares at her hands", "glances at the notification": things held or lying below the
    # eyes, as a page is (dev: "the suspect looks at the photograph" EyeLookDown 0.35; train: "he looks at the letter"
    # 0.2); not one "on the wall" or "held up"
    (("photo", "picture", "snapshot", "polaroid", "letter", "note", "notification", "message", "receipt", "bill", "envelope",
      "newspaper", "magazine", "document", "report", "results", "card", "hands", "lap", "palms", "ticket", "scan", "ultrasound"),
     r"\b(at|over|to|toward|towards)\s+(?:the|a|an|his|her|their|my|your)\s+(?:[a-z'-]+\s+)?(?:photograph|photo|photos|picture|snapshot|polaroid|letter"
     r"|note|notification|message|receipt|bill|envelope|newspaper|magazine|document|documents|report|results|card|cards|hands|lap|palms"
     r"|ticket|scan|ultrasound)\b(?!\s+(?:on\s+the\s+wall|held\s+up|on\s+the\s+screen|projected|above|overhead|pinned))", r"\1 the page"),
    # "she glares at him sideways, he's on her left": the one looked at is on that side, and the look goes there
    (("left", "right"), r"^(?=.*\b(?:glar|glanc|look|stare|star|peer|eye|gaz|watch|sideways|side-eye)\w*)(.*?)\b(?:he|she|they)(?:'s|\s+is|'re|\s+are|\s+was|\s+were)"
     r"\s+(?:on|to|at)\s+(?:her|his|their|my)\s+(left|right)\b", r"\1 , eyes to the \2 "),
    # "it's not as if she didn't roll her eyes": two denials, so she did
    (("as if", "as though", "like"), r"\b(?:it'?s|it\s+is|it\s+was|it\s+wasn'?t|'?twas)\s+(?:not\s+)?(?:as\s+if|as\s+though|like)\s+(she|he|they|i|we|you)\s+"
     r"(?:did\s*n'?t|did\s+not|does\s*n'?t|does\s+not|do\s*n'?t|do\s+not)\s+(?=[a-z])(?<=\s)",
     lambda m: m.group(0) if not re.match(r"(?:it'?s|it\s+is|it\s+was)\s+not|it\s+wasn'?t", m.group(0)) else f"{m.group(1)} "),
    # moods named in British and internet idiom: "in a huff", "in a strop", "got the hump", "in one of her moods" (a
    # sulk); "throwing shade" (a smirk and a look aside)
    (("huff", "strop", "snit", "sulk", "hump", "mood", "shade"),
     r"\b(?:in\s+(?:a\s+(?:bit\s+of\s+a\s+)?(?:huff|strop|snit|sulk|mood|paddy|tizzy)|one\s+of\s+(?:her|his|their|my|your)\s+moods)"
     r"|(?:got|has|have|had|having)\s+the\s+hump)\b|\b((?:throw|throws|threw|throwing|thrown)\s+(?:some\s+)?shade)\b",
     lambda m: " smirking , side eye " if m.group(1) else " sulking "),
    # "she studies him", "he studies her face": scrutiny, the eyes a little narrowed (train: EyeSquint 0.2); a map or a
    # page studied is read as a look down
    ("stud", r"\b(stud(?:y|ies|ied|ying))\s+(him|her|them|me|you|us|(?:his|her|their|my|your)\s+(?:face|faces|expression|eyes))\b",
     r"\1 \2 , eyes slightly narrowed ,"),
    # bodily states the tables missed: "boiling hot and sweaty", "sweltering" (heat: heavy lids, the mouth a little
    # open, as train reads "kitchen heat - lids heavy, slow breath out"), "brain fog", "can't focus" (eyes that see
    # nothing), "jet-lagged" (exhausted), "hears a loud bang" (startled)
    (("boiling", "roasting", "baking", "swelter", "sweaty", "fog", "focus", "jet", "bang", "crash", "shot", "explosion", "thud", "scream",
      "slam"),
     r"\b(?:(boiling\s+hot|roasting\s+hot|baking\s+hot|sweltering|hot\s+and\s+sweaty|sweaty\s+and\s+hot)"
     r"|(brain\s+fog|(?:can'?t|cannot|can\s+not|could\s*n'?t|could\s+not)\s+focus)"
     r"|(jet[\s-]?lagged)"
     r"|((?:hears?|heard|hearing)\s+(?:a|the|an)\s+(?:sudden\s+|loud\s+|distant\s+)*(?:(?:car\s+|front\s+|back\s+)?door\s+)?(?:bang|crash|gunshot|shot|explosion|thud|scream|slam)))\b",
     lambda m: " lids slightly heavy , mouth slightly open " if m.group(1) else " eyes glazed over " if m.group(2) else " exhausted " if m.group(3)
     else " startled "),
    # "her eyes flash", "eyes flashing": anger in the eyes (train: "eyes flashing under a hard brow"); "her eyes bore
    # into him": a hard, narrowed glare ("eyes flash with amusement" names its own feeling and is left)
    (("flash", "bore", "boring"), r"\b(eyes?)\s+(?:flash|flashes|flashed|flashing)\b(?!\s+(?:with|in|of)\b)(?!\s+(?:to|toward|towards|up|down|left|right|over|across|around)\b)"
     r"|\b(eyes?)\s+(?:bore|bores|boring|bored)\s+into\b",
     lambda m: f"{m.group(1)} flashing with anger" if m.group(1) else f"{m.group(2)} glaring into"),
    # "he holds her gaze", "meets his eyes", "won't look away", "refuses to look away": the eyes stay on the other's,
    # straight ahead (not a look away denied to nothing)
    (("gaze", "eyes", "away"), r"\b(?:(?:holds?|held|holding)\s+(?:his|her|their|my|your)\s+(?:gaze|stare)|(?:meets?|met|meeting)\s+(?:his|her|their|my|your)\s+(?:gaze|eyes|stare))\b"
     r"(?!\s+(?:there|on|to|at|down|up|away|in|fixed|low|high)\b)"
     r"|\b(?:won'?t|will\s+not|doesn'?t|does\s+not|didn'?t|did\s+not|never|refuses?\s+to|refused\s+to|refusing\s+to)\s+"
     r"(?:look|looks|glance|turn)\s+away\b(?!\s+from\s+(?:the|a|his|her|their)\s+(?:screen|window|page|book|phone))", " looks straight at them "),
    # "he sucks his teeth": air drawn in through the teeth, a wince at a cost or a fault (train: "sucked his teeth and
    # squinted at the boiler" MouthStretch 0.45, EyeSquint 0.35)
    ("teeth", r"\b(suck(?:s|ed|ing)?)\s+(?:his|her|their|my|your)\s+teeth\b", r"\1 air through teeth"),
    # "even as her eyes fill", "his eyes filled": with tears, welling (train: "her eyes well up" BrowInnerUp 0.25-0.3)
    ("fill", r"\b(eyes?)\s+(?:fill|fills|filled|filling)(?:\s+up)?\b(?!\s+(?:with|up\s+with)\b)", r"\1 welling up"),
    # "about as happy as a wet cat": the irony of 'about as' puts the feeling out of reach, a sulk (not "as happy as
    # a lark", which is happy)
    (("about as", "roughly as"), r"\b(?:about|roughly)\s+as\s+(?:happy|pleased|thrilled|delighted|cheerful|excited|keen|chuffed|glad|jolly|"
     r"merry|amused|enthusiastic|impressed)\s+as\s+(?:a|an|the|someone|somebody)\b(?:\s+(?!(?:and|but|while|as|when)\b)[a-z'-]+){1,4}",
     " sulking "),
    # "looks like he's been hit by a bus": the daze after a blow, not the sting of "like he'd been slapped"
    ("hit by", r"\b(?:like|as\s+if|as\s+though)\s+(?:i|he|she|they|we|you)(?:'d|'s|'ve|\s+had|\s+has|\s+have)?\s+(?:just\s+)?been\s+"
     r"(?:hit|run\s+over|knocked\s+down|flattened)\s+by\s+(?:a|an|the)\s+(?:bus|truck|train|lorry|car|tram|steamroller|ton\s+of\s+bricks)\b",
     " dazed "),
    # "his face closed like a door", "her expression shut down": the feeling put away, a blank face with the lips set;
    # "keeps his cards close to his chest": nothing given away
    (("clos", "shut", "cards"), r"\b(?:face|expression|features)\s+(?:closes|closed|closing|shuts|shut|shutting)(?:\s+(?:off|down|up|over))?"
     r"(?:\s+like\s+(?:a|an|the)\s+(?:door|shutter|shutters|book|gate|trap|fist|window))?\b"
     r"|\b(?:keeps?|kept|keeping|plays?|played|playing|holds?|held|holding)\s+(?:his|her|their|my|your|the)\s+cards\s+close\s+to\s+"
     r"(?:his|her|their|my|your|the)\s+(?:chest|vest)\b", " deadpan , lips pressed a little "),
    # a line that is only a refusal typed as said ("nope", "nah fam", "hell no!", "not a chance"): lips pressed, brows a
    # little down (dev: "nope noise through closed lips" MouthPress 0.4, BrowDown 0.2); "no" alone may be a word spoken
    (("nope", "nah", "hell no", "not a chance"), r"^\s*(?:(?:nope|nah|hell\s+no|not\s+a\s+chance)(?:\s+(?:fam|mate|bro|thanks))?\s*[.!,]*\s*)+$",
     " lips pressed , brows lowered a touch "),
    # "he's so done lol", "she is sooo over it": fed up, as "done with this" is; "his stomach growls": a sound of hunger,
    # not the face's growl (the face is in what follows: "and he looks sheepish")
    (("done", "over it"), r"(?:\b(?:i\s*'?\s*m|he\s*'?\s*s|she\s*'?\s*s|they\s*'?\s*re|we\s*'?\s*re|you\s*'?\s*re)\s+(?:so+|totally|completely|utterly|"
     r"just|officially|sooo+)|\b(?:is|am|are|was|were)\s+(?:so+|totally|completely|utterly|officially|sooo+))\s+(?:done|over\s+it)\b(?!\s+(?:with|by|in|at|for|to)\b)", " exasperated "),
    (("stomach", "belly", "tummy", "gut"), r"\b(?:stomach|belly|tummy|gut)\s+(?:growls?|growled|growling|rumbles?|rumbled|rumbling|gurgles?|gurgled|gurgling)\b",
     " stomach noise "),
    # "hanging on her every word", "riveted": listening rapt, as "spellbound" is
    (("word", "riveted"), r"\bhang(?:s|ing|ed)?\s+on\s+(?:(?:his|her|their|my|your|the\s+\w+'s)\s+)?every\s+word\b"
     r"|\b(?:hung|hangs|hanging)\s+on\s+(?:(?:his|her|their|my|your)\s+)?(?:every\s+)?words?\b|\briveted\b(?!\s+(?:to|on)\s+(?:the|a)\s+(?:spot|floor|ground))",
     " rapt "),
    # "before he says something he'll regret", "anything she'd regret": a thing not yet said, not a regret on the face
    ("regret", r"\b(?:something|anything|things?|words?)\s+(?:(?:that|which)\s+)?(?:i|he|she|they|we|you)\s*(?:'ll|'d|\s+will|\s+would|\s+might|\s+may)\s+"
     r"(?:later\s+)?regret\b", " something "),
    # "her nostrils pinch": the nostrils drawn in (AU39), which ARKit has no shape for; read as the nose wrinkled a touch
    # (dev: "nostrils pinching" NoseSneer >= 0.125), or left to the nose's own movement where the text names one
    (("nostril",), r"\bnostrils?\s+(?:pinch|pinches|pinched|pinching|narrow|narrows|narrowed|narrowing|thin|thins|thinned|compress|compresses|compressed)\b",
     lambda m: " " if re.search(r"\bnose\b", m.string) else " nose wrinkles slightly "),
    # "the look of a man who has just stepped in something", "like she'd trodden in dog mess": disgust
    (("stepped in", "trodden in", "trod in", "step in"), r"\b(?:has|had|'s|'d|just|who)\s+(?:just\s+)?(?:stepped|trodden|trod)\s+in\s+"
     r"(?:something|dog\s+\w+|it|poo|poop|muck|mess)\b", " disgusted "),
    # "a face like a slapped arse", "face like a slapped fish": sulky, put out
    ("slapped", r"\bface\s+like\s+a\s+slapped\s+(?:arse|ass|bum|backside|fish|haddock|kipper|cod)\b", " sulking "),
    # the head turned away while the eyes stay on someone: the eyes turn back against the head
    (("watching", "looking at", "eyeing", "eyes on", "eyes still on", "eyes stay", "eyes remain", "eyes fixed on", "eyes locked on"),
     _EYES_KEPT_ON,
     _eyes_kept_on),
    # a smile "too wide", "a too-bright grin", "smiling too brightly": overdone, so put on
    ("too", r"\b(?:a\s+(?:bit|little|touch)\s+|just\s+|much\s+|far\s+|way\s+)?too[\s-]+(?:wide|big|broad|bright|toothy|eager|sweet|quick|ready|fixed)\s+"
     r"(smile|grin)\b", _overdone_smile),
    ("too", r"\b(smile|grin|smiles|grins)\s+(?:(?:that\s*'?s|that\s+is|which\s+is|is|was|a|gone|goes|going)\s+)?(?:a\s+(?:bit|little|touch)\s+|just\s+|much\s+|far\s+|way\s+)?too\s+"
     r"(?:wide|big|broad|bright|toothy|eager|sweet|fixed)\b", _overdone_smile),
    ("too", r"\b(smil(?:e|es|ed|ing)|grin(?:s|ned|ning)?)\s+(?:a\s+(?:bit|little|touch)\s+|just\s+|much\s+|far\s+|way\s+)?too\s+(?:widely|broadly|brightly|hard|eagerly|sweetly)\b",
     _overdone_smile),
    # "the eyes keep a normal opening": the lids at rest, not an opening to read
    ("normal", r"\b(eyes|lids|eyelids)\s+(?:keep|keeps|kept|stay|stays|stayed|remain|remains|remained|at|with)\s+(?:a\s+|their\s+)?"
     r"(?:normal|natural|neutral|regular|ordinary|resting)\s+(?:opening|size|width|aperture)\b", r" \1 stay still "),
    # "the cheeks stay flat", "cheeks flat": the cheeks kept out of it, as "the cheeks stay still" reads
    ("flat", r"\bcheeks?\s+(?:(?:stay|stays|stayed|remain|remains|remained|are|were|kept|held|staying|remaining)\s+)?(?:quite\s+|completely\s+|dead\s+)?"
     r"(?:flat|unmoved|unraised|unlifted)\b", " cheeks stay still "),
    # "she tears up": the verb, welling (the lexicon's "tear up"), not the noun "tears" (sadness); "tears up the letter" is paper
    ("tears up", r"\btears\s+up\b(?!\s+(?:the|a|an|his|her|their|my|your|its|it|them|this|that|some|every|each)\b)", " tearing up "),
    # "she simpers": an affected, coy smile; "he leers": a sly smile with narrowed eyes; "he harrumphs": a disgruntled
    # closed mouth, brows a little down
    ("simper", r"\bsimper(?:s|ed|ing)?\b", " coy smile "),
    ("leer", r"\bleer(?:s|ed|ing|ingly)?\b", " sly smile , eyes slightly narrowed "),
    ("harrumph", r"\bharrumph(?:s|ed|ing)?\b", " lips pressed , brows lowered a touch "),
    # "a shadow crosses her face", "a cloud passes over his face": a passing trouble, a hint of worry
    (("shadow", "cloud"), r"\b(?:a\s+)?(?:shadow|cloud)\s+(?:crosses|crossed|crossing|passes|passed|passing|flits|flitted|falls|fell|moves|moved|flickers|flickered)"
     r"\s+(?:over|across)?\s*(?:her|his|their|my|your|the)\s+(?:face|features|brow|expression)\b", " a hint of worry "),
    # "puffs up with pride": proud, not puffed cheeks
    ("pride", r"\bpuff(?:s|ed|ing)?\s+(?:up\s+|out\s+)?with\s+pride\b", " proud "),
    # "draws her lips back from her teeth": the teeth bared, a snarl (lips "pulled back off the teeth" stay a stretch:
    # train, a wince and a fright read so)
    ("teeth", r"\b(?:draws?|drew|drawing)\s+(?:(?:her|his|their|my|your|the)\s+)?lips?\s+back\s+(?:from|off)\s+(?:her|his|their|my|your|the)\s+teeth\b",
     " bares teeth "),
    # "bored to tears", "bored to death", "bored stiff": very bored (not the tears of sadness)
    ("bored", r"\bbored\s+(?:to\s+(?:tears|death|distraction)|stiff|silly|rigid|senseless|witless|out\s+of\s+(?:his|her|their|my|your)\s+(?:mind|skull|head))\b",
     " very bored "),
    # "at the end of his rope", "at the end of her tether": exasperated
    ("end of", r"\b(?:at|reached|reaching|reaches)\s+(?:the\s+)?end\s+of\s+(?:his|her|their|my|your|the)\s+(?:rope|tether)\b", " exasperated "),
    # "cool as a cucumber": calm and relaxed; "like a kid on Christmas morning": excited
    ("cucumber", r"\b(?:as\s+)?cool\s+as\s+a\s+cucumber\b", " calm , relaxed "),
    ("christmas", r"\blike\s+a\s+(?:kid|child|little\s+kid|little\s+girl|little\s+boy)\s+(?:on|at)\s+christmas(?:\s+(?:morning|day|eve))?\b", " excited "),
    # "... and went back to reading", "then goes back to her book": a later beat, the eyes down on the page again;
    # "goes back to sleep": the eyes shut
    ("back to", r"[,;]?\s*\b(?:and\s+|then\s+)?(?:goes|went|going|gets|got|getting|returns?|returned|returning)\s+back\s+to\s+"
     r"(?:reading|writing|(?:(?:her|his|their|my|your|the)\s+)?(?:book|paper|newspaper|phone|screen|laptop|notes|magazine|knitting|crossword"
     r"|homework|paperwork|sewing|menu|letter|report|reading|writing))\b", " , then eyes down , "),
    ("back to", r"[,;]?\s*\b(?:and\s+|then\s+)?(?:goes|went|going|drifts?|drifted|drifting|falls?|fell|falling)\s+back\s+to\s+sleep\b",
     " , then asleep , "),
    # "eyes screwed shut, then open again": the eyes back at rest, not widened
    ("again", r"\b(eyes|lids|eyelids)\s+(?:re)?open(?:s|ed|ing)?\s+again\b", r" \1 stay still "),
    # "mouth smiling, eyes not", "she smiles but her eyes don't": the smile stops short of the eyes, as "eyes cold" reads
    ("eyes", r"\b((?:smil|grinn|laugh)\w*)\s*[,;]?\s*(?:but\s+|while\s+|yet\s+)?(?:(?:her|his|their|my|your|the)\s+)?eyes\s+"
     r"(?:not|aren'?t|are\s+not|don'?t|do\s+not|never|won'?t|didn'?t|did\s+not)(?:\s+(?:so\s+much|at\s+all|really|quite))?(?=\s*(?:[.,;!]|$))",
     r" \1 , eyes cold "),
    # "everyone laughs except him": the others' laughter, not his face
    (("except", "but "), r"\b(?:everyone|everybody|the\s+(?:others|rest|room|crowd|class|audience|table|whole\s+room)|they\s+all|all\s+the\s+others)\s+"
     r"(?:laughs?|laughed|laughing|smiles?|smiled|smiling|grins?|grinned|grinning|cheers?|cheered|giggles?|giggled|roars?|roared|claps?|clapped)"
     r"\s*,?\s*(?:except|but)\s+(?:for\s+)?(?:him|her|them|me|one)\b", " "),
    # "(wry)", "says it wryly", "a wry look": a wry half smile, unless the text moves the mouth itself ("his mouth
    # twists wryly to the right"); the lexicon's one-sided "wry" is left as it is
    ("wry", r"\(\s*wry\s*\)|\bwryly\b|\bwry\s+(?:look|expression|face|glance|air|note|tone)\b",
     lambda m: m.group(0) if _MOUTH_NAMED_RE.search(m.string) else " wry smile "),
    # "not a muscle in his face moves", "he doesn't move a muscle", "her face doesn't so much as twitch": a face held
    # still, as "not a flicker of emotion" is (train: lips a little firm, nothing else); with an exception after it
    # ("not a single muscle moves except his jaw, which drops") only the exception shows
    ("muscle", r"\b(?:not|nor)\s+(?:a|one)\s+(?:single\s+)?muscle(?:\s+(?:in|of|on)\s+(?:his|her|their|the|my|your)\s+face)?\s+"
     r"(?:moves?|moved|moving|twitch(?:es|ed)?|stirs?|stirred|flicker(?:s|ed)?|shifts?|shifted|changes?|changed)\b"
     r"|\b(?:does\s*n'?t|does\s+not|did\s*n'?t|did\s+not|never|wo\s*n'?t|will\s+not|not)\s+(?:even\s+)?(?:move|moving|moves|moved)\s+a\s+(?:single\s+)?"
     r"muscle(?:\s+(?:in|of|on)\s+(?:his|her|their|the|my|your)\s+face)?\b",
     _still_face),
    (("so much as", "twitch", "face"), r"\b(?:(?:his|her|their|my|your|the)(?:\s+whole)?\s+face\s+(?:does\s*n'?t|does\s+not|did\s*n'?t|did\s+not|never)\s+"
     r"(?:so\s+much\s+as\s+)?(?:twitch|move|flicker|change)"
     r"|nothing(?:\s+else)?\s+(?:on|in)\s+(?:his|her|their|my|your|the)\s+face\s+(?:so\s+much\s+as\s+)?(?:twitch(?:es|ed)|moves|moved|flicker(?:s|ed)|changes|changed))"
     r"\b(?!\s+(?:into|to|as|with)\b)",
     _still_face),
    # "left brow lower than the right", "the right corner higher than the left one": the side compared with is not the
    # side that moves
    ("than", r"\bthan\s+(?:the|his|her|their|my|your)\s+(?:left|right)(?:\s+(?:one|side|brow|eyebrow|eye|corner|cheek|lid|nostril))?\b",
     " than the other "),
    # "the left corner higher than the other", "right brow sits lower than the other": that one raised (lowered)
    ("than the other", r"\b(corners?|brows?|eyebrows?)\s+(?:(?:sits?|sitting|rides?|riding|is|was|now|stays?)\s+)?(?:(?:a\s+)?(?:bit|touch|little|lot|much|slightly|clearly)\s+)?"
     r"(higher|lower)\s+than\s+the\s+other\b", lambda m: f" {m.group(1)} {'raised' if m.group(2) == 'higher' else 'lowered'} "),
    # "left eye blinks shut, right eye open the whole time": the other eye open as it was, not widened
    # (beside a wink, the other eye is the one that winks: "she winks, right eye open")
    # (not one held open: "stretches his left eye open" to put a lens in)
    ("open", r"\b(left|right)\s+(?:eye\s+(?:(?:stays|stayed|remains|remained|kept|is|was|still)\s+)?|(?:one\s+)?(?:stays|stayed|remains|remained|kept)\s+)"
     r"open\b(?!\s+(?:wide|wider|up|round)\b)",
     lambda m: m.group(0) if _HELD_OPEN_RE.search(m.string, 0, m.start()) else
     f" {'left' if m.group(1) == 'right' else 'right'} eye shut " if "wink" in m.string else f" {m.group(1)} eye stays still "),
    # "left" that is no side: what remains ("a warm grin is all that's left", "nothing was left of her smile"), someone
    # leaving ("the taxi left me"), a part let be ("mouth left alone", "jaw left hanging"); "brows nearly left her forehead"
    (("left", "leav"), r"\b(?:eye)?brows\s+(?:nearly|almost|practically|all\s+but|just\s+about)\s+(?:left|leaves|leave|leaving)\s+(?:her|his|their|my|your|the)\s+(?:forehead|face|head)\b",
     " brows shoot up fully "),
    ("left", r"\b(?:(that'?s|that\s+is|that\s+was|what'?s|what\s+is|what\s+was|nothing|anything|something|there'?s\s+\w+|was|were|is|are)\s+)left\b"
     r"(?=\s*(?:$|[.,;:!?)]|of\b|at\s+all\b|now\b|to\s+(?:him|her|them|me|show)\b|in\s+(?:him|her|them|me|it)\b|over\b|behind\b))",
     lambda m: m.group(0) if _PART_BEFORE_LEFT_RE.search(m.string, 0, m.start()) else f" {m.group(1)} remaining "),
    # (not a turn: "turning left her nose crinkling", "glances left him a wink"; "her" only as the one left, not "left her nose")
    ("left", r"\bleft\s+(?=(?:me|him|them|us|you)\b|her\b\s*(?:$|[.,;:!?)—-]|(?:in|at|on|alone|behind|standing|there|with|for|to|outside|waiting|"
     r"speechless|cold|hanging|be)\b))",
     lambda m: m.group(0) if _TURN_BEFORE_LEFT_RE.search(m.string, 0, m.start()) else " leaves "),
    ("left", r"\b(mouth|jaw|lips|face|brows|eyebrows|eyes|head)\s+left\s+(alone|hanging|open|standing|as\s+it\s+was|be)\b", r" \1 \2 "),
    # "mad as a hatter", "barking mad", "a mad scientist": crazed, the eyes wide (not the anger of "mad"; "mad as a cut
    # snake" is angry); "wild-eyed", "crazed", "a manic grin": the eyes wide
    # (the shorthand table has made "mad" "angry" by now)
    (("mad", "angry", "crazy", "nuts", "bonkers", "loopy"),
     r"\b(?:mad|angry|crazy|nuts|bonkers|potty|loopy)\s+as\s+a\s+(?:hatter|march\s+hare|box\s+of\s+frogs|bag\s+of\s+(?:cats|ferrets|hammers)|bedbug|loon|"
     r"coot|fruitcake|fruit\s+bat)\b|\bstark\s+raving\s+(?:mad|angry)\b|\bbarking\s+(?:mad|angry)\b|\b(?:mad|angry)\s+scientist\b|\bmadcap\b",
     " wide-eyed "),
    (("wild", "crazed", "unhinged", "deranged", "manic", "maniac"),
     r"\bwild[\s-]+eyed\b|\bwild\s+eyes\b|\b(?:crazed|unhinged|deranged|manic|maniacal|maniacally|manically)\b", " wide-eyed "),
    # the body's insides, not the face's parts: "his stomach turns" (queasy, not a head turn), "her stomach drops" (dread),
    # "his heart races" (anxious), "her blood runs cold" (frightened, not a shiver)
    (("stomach", "gut", "belly", "tummy"), r"\b(?:(?:his|her|their|my|your|the)\s+)?(?:stomach|gut|belly|tummy|insides)\s+"
     r"(?:turns|turned|turning|churns|churned|churning|lurches|lurched|lurching|heaves|heaved|heaving|twists|twisted|twisting|flips|flipped|"
     r"rolls|rolled|knots|knotted|clenches|clenched|roils|roiled)\b(?:\s+over)?", " queasy "),
    # (a heart only when it sinks to the feet: "his heart sinks" stays the lexicon's sadness)
    (("stomach", "gut", "belly", "heart"), rf"\b(?:(?:his|her|their|my|your|the)\s+)?(?:(?:stomach|gut|belly)\s+{_SINKS}(?:{_TO_THE_FEET})?"
     rf"|heart\s+{_SINKS}{_TO_THE_FEET})\b", " dread "),
    ("heart", r"\b(?:(?:his|her|their|my|your|the)\s+)?heart\s+(?:races|raced|racing|pounds|pounded|pounding|hammers|hammered|hammering|thumps|thumped|"
     r"thumping|thuds|thudded|is\s+racing|was\s+racing)\b", " anxious "),
    ("blood", r"\b(?:(?:his|her|their|my|your|the)\s+)?blood\s+(?:runs|ran|running|turns|turned|goes|went)\s+(?:cold|to\s+ice)\b", " frightened "),
    # "out of breath, gasping", "winded and gasping": gasping for air, not a gasp of surprise
    ("gasp", r"\bgasp(?:s|ed|ing)?\b(?!\s+(?:of|in|for)\b)",  # ("gasps for air" is the lexicon's)
     lambda m: " panting " if _BREATHLESS_RE.search(m.string) else m.group(0)),
    # "she peers", "he peers closely", "looks closer": eyes narrowed to see (not "peers down at her", "peers up over his
    # glasses", "peers round the door": a look in that direction; nor "peers into the cage", curious)
    # ("peers at" is the lexicon's)
    ("peer", r"\bpeer(?:s|ed|ing)?\b(?=\s*(?:$|[.,;:!?)]|(?:closely|intently|hard)\b))", " squints "),
    (("closer", "more closely"), r"\b(?:looks?|looked|looking|peeks?|peeked|peeking|squints?|squinted|squinting)\s+(?:a\s+(?:bit|little)\s+)?(?:closer|more\s+closely)\b"
     r"|\b(?:takes?|took|taking|gets?|got|getting|has|had|having)\s+a\s+closer\s+look\b", " squints "),
    # "a sight for sore eyes": delighted to see (not sore eyes); "pardon my French": a sheepish smile at one's own swearing
    ("sore eyes", r"\b(?:a\s+)?sight\s+for\s+sore\s+eyes\b", " delighted "),
    ("french", r"\b(?:pardon|excuse)\s+my\s+french\b", " sheepish smile "),
    # "her whole face went on edge", "it sets my teeth on edge": a cringe
    ("on edge", r"\b(?:(?:his|her|their|my|your|the)\s+(?:whole\s+)?(?:face|teeth)\s+(?:go|goes|went|going|gone|is|are|was|were)\s+on\s+edge"
     r"|(?:sets?|setting)\s+(?:his|her|their|my|your|the)\s+teeth\s+on\s+edge)\b", " cringe "),
    # "he stops dead upper lip curling", "stopped in her tracks": a halt, not a stop to the movement after it
    # ("stops short of showing teeth" is a negation, read as such)
    ("stop", r"\bstop(?:s|ped|ping)?\s+(?:dead|short(?!\s+of\b)|cold|in\s+(?:his|her|their|my|your)\s+tracks)\b\s*,?", " pauses , "),
    # a look that "stops under a raised eyebrow", "her eyes stopped on him": where it lingers, not a movement stopped
    ("stop", r"\b((?:it|eyes?|gaze|look|glance)\s+)stop(?:s|ped)?\s+(?=(?:under|beneath|below|above|at|on|upon)\s)", r"\1lingers "),
    # "his eyes come back up to her face", "the gaze went down to his boots and back up to his face": back to the person,
    # level (the "up" is from the boots), not a look upward
    ("back up", r"\bback\s+up\s+(?=to\s+(?:his|her|their|my|your|the)\s+(?:[a-z]+'s\s+)?(?:face|eyes)\b(?!\s+of\b))", "back "),
    # "she raised a skeptical eyebrow", "arches a perfectly plucked eyebrow": one brow, whatever is said of it
    ("brow", r"\b(rais(?:e|es|ed|ing)|lift(?:s|ed|ing)?|arch(?:es|ed|ing)?|cock(?:s|ed|ing)?|quirk(?:s|ed|ing)?)\s+(?:a|an|one)\s+((?:[a-z]+\s+){1,2}?)"
     r"(?:eye)?brow\b(?!s)", lambda m: f" {m.group(1)} one eyebrow , {m.group(2).strip()} "
     if not _SIDE_OR_OTHER_RE.search(m.group(2)) else m.group(0)),
    # "with a raised eyebrow", "gives him an arched eyebrow": the one brow of the idiom
    ("brow", r"\b(?:a|an)\s+((?:slightly|faintly|perfectly|quizzically|sceptically|skeptically)\s+)?(raised|arched|cocked|quirked)\s+(?:eye)?brow\b(?!s)",
     lambda m: f" one eyebrow {m.group(1) or ''}{m.group(2)} "),
    # "he tries to smile but can't", "tried to laugh but couldn't": the failed attempt shows as a weak, forced smile under sad
    # inner brows (train, "trying to smile" beside tears: smile 0.2-0.3, inner brows up), not the smile or laugh itself
    (("tries to", "tried to", "trying to", "try to"),
     r"\b(?:tries|tried|trying|try)\s+(?:hard\s+|bravely\s+)?to\s+(?:smile|grin|laugh)\s*,?\s*(?:but|and)\s+(?:can'?t|cannot|fails?|failed|couldn'?t|"
     r"could\s+not|does\s*n'?t|did\s*n'?t)\b(?:\s+(?:quite\s+)?(?:manage|manages|managed)(?:\s+it)?)?", " a weak forced smile , inner brows slightly raised "),
    # "mouth folded away", "folds her lips in": the lips rolled in out of sight
    ("fold", r"\b(?:(?:her|his|their|my|your|the)\s+)?(?:mouth|lips)\s+(?:folded|folds|folding|fold)\s+(?:away|in|inwards?|shut)\b"
     r"|\b(?:folds|folded|folding|fold)\s+(?:(?:her|his|their|my|your|the|both)\s+)*lips\s+(?:away|in|inwards?|into\s+(?:her|his|their|my|your|the)\s+mouth)\b",
     " lips rolled in "),
    # "his face twists in rage", "her features twisting with pain": the face contorted by the feeling, not a turn of the head
    ("twist", r"\b(face|features|expression)\s+twist(?:s|ed|ing)?\s+(?=(?:in|with)\s)", r"\1 contorts "),
    # "rubs his temples", "presses two fingers to her temple", "his temples throb": a headache
    ("temple", r"\b(?:rub(?:s|bed|bing)?|massag(?:e|es|ed|ing)|press(?:es|ed|ing)?|kneads?|kneaded|kneading)\s+(?:(?:his|her|their|my|your|the|both)\s+)?"
     r"(?:(?:two\s+|three\s+)?fingers?\s+(?:to|into|against|on)\s+(?:(?:his|her|their|my|your|the|one)\s+)?)?temples?\b"
     r"|\btemples?\s+(?:throb|throbs|throbbed|throbbing|pound|pounds|pounded|pounding|ache|aches|ached|aching)\b", " headache "),
    # "he's so over it", "i'm over it", "she's had it up to here": fed up (not "bent over it", "a scowl over it")
    ("over it", r"\b(?:(?:i|he|she|they|we|you)(?:'s|'m|'re|\s+(?:is|am|are|was|were))|im)\s+"
     r"(?:(?:so|totally|completely|just|soo+|absolutely|well|really)\s+)*over\s+it\b(?=\s*(?:[,.;:!?)]|$|\s+(?:and|but|lol|tbh|already|now)\b))",
     " fed up "),
    ("up to here", r"\bhad\s+it\s+up\s+to\s+here\b", " fed up "),
    # "blinks himself awake", "blinked the sleep away": the eyes open (the lexicon's "blinks awake"), not shut in a blink
    ("blink", r"\bblink(s|ed|ing)?\s+(?:(?:himself|herself|themselves|myself|yourself)\s+awake|(?:the\s+)?sleep\s+(?:away|from\s+"
     r"(?:his|her|their|my|your)\s+eyes|out\s+of\s+(?:his|her|their|my|your)\s+eyes))\b", r"blink\1 awake"),
    # "wipes a tear from his cheek", "wiping her eyes": the tears are there (not a tear wiped away as a smile is wiped off)
    ("wip", r"\bwip(?:e|es|ed|ing)\s+(?:away\s+)?(?:(?:(?:a|the|her|his|their|my|your|one|some)\s+)?(?:(?:stray|lone|single|quick)\s+)?(tears?)"
     r"|(?:her|his|their|my|your)\s+eyes)\b", lambda m: f" {m.group(1)} " if m.group(1) else " eyes wet "),
    # "no reaction", "she shows no emotion": expressionless (the lexicon's straight face); not "no reaction to her smile",
    # "no expression of surprise", where the "no" denies what follows
    (("reaction", "expression", "emotion"), r"\b(?:no|zero)\s+(?:(?:visible|real|outward)\s+)?(?:reaction|expression|emotion)s?\b"
     r"(?!\s+(?:to|of|at(?!\s+all\b)|when|as|while|from|on|in|for|change)\b)", " , expressionless , "),
    # "her eyes cross", "eyes crossed, goofy face": cross-eyed (not eyes that cross the room)
    ("cross", r"\beyes\s+(?:cross|crossed|crossing|go\s+crossed|went\s+crossed|going\s+crossed)\b"
     r"(?!\s+(?:the|a|an|his|her|their|my|your|over|paths?|to|from)\b)", " crosseyed "),
    # "she turns to face the camera", "turns back towards the lens": the head ends facing front, not turned
    ("turn", r"\bturn(?:s|ed|ing)?\s+(?:(?:back|round|around)\s+)?(?:to\s+face|toward|towards|to)\s+(?:the\s+)?"
     r"(?:camera|lens|audience|viewer|us|front)\b", " looks straight at the camera "),
    # "a blank stare", "stares blankly at the wall": eyes that see nothing, the lids a little low (tests/planner_eval.jsonl:
    # "stares blankly into the lens" keeps them under 0.2), not a wide-eyed stare
    ("blank", r"\b(?:a\s+)?blank\s+stare\b|\bstar(?:e|es|ed|ing)\s+blankly\b", " slightly staring into space "),
    # "he steps on a Lego", "treads on a plug": the sharp pain of it (before, nothing was read)
    (("step", "tread", "trod"), r"\b(?:step|steps|stepped|stepping|tread|treads|trod|treading)\s+(?:barefoot\s+)?on\s+(?:a|an|some|the)\s+"
     r"(?:(?:stray|loose|tiny|little|sharp|upturned|rusty)\s+)?(?:lego|legos|lego\s+brick|plug|pin|drawing\s+pin|tack|thumbtack|nail|thorn|bee|wasp|"
     r"shard|piece\s+of\s+glass|broken\s+glass|glass|urchin|sea\s+urchin)\b", " sharp pain "),
    # "she let out a breath she hadn't known she was holding": the exhale of relief (before, nothing was read)
    ("breath", r"\b(?:let|lets|letting)\s+out\s+(?:a|the)\s+(?:(?:long|shaky|slow|deep|big|ragged)\s+)?breath\s+(?:that\s+)?"
     r"(?:she|he|they|i|you|we)\s*(?:had\s*n'?t|hadn'?t|did\s*n'?t|didn'?t|had\s+not|did\s+not)\s+(?:known|know|realised|realized|realise|realize)"
     r"\s+(?:she|he|they|i|you|we)\s*(?:'d\s+been|had\s+been|was|were)\s+holding\b", " exhales in relief "),
    # "BOSS (flat) You're late.", "(monotone)": a line delivered without feeling, as "(deadpan)" is (train: "(deadpan)
    # Great." lids 0.25, lips lightly pressed); before, nothing was read
    (("flat", "monoton", "toneless"), r"\(\s*(?:flat|flatly|monotone|in\s+a\s+monotone|toneless|tonelessly)\s*\)", " (deadpan) "),
    # "(through a mouthful of cake)", "his mouth stuffed with crisps": speaking or sitting with the mouth full, the cheeks
    # a little puffed, chewing (before, nothing was read)
    (("mouthful", "mouth full", "mouth stuffed", "mouth crammed"),
     r"\b(?:through|with|around|past)\s+(?:a|his|her|their|my|your)\s+mouthfuls?\s+of\s+(?!" + _NOT_FOOD + r")[a-z'-]+"
     r"|\b(?:his|her|their|my|your)\s+mouth\s+(?:full|stuffed|crammed)\s+(?:of|with)\s+(?!" + _NOT_FOOD + r")[a-z'-]+",
     " cheeks slightly puffed , chewing , "),
    # "drooling over that burger", "his mouth was watering": craving the food (train: "🤤 that pizza" jaw 0.3, a smile
    # 0.3, the tongue showing); before, nothing was read
    (("drool", "water"), r"\bdrool(?:s|ed|ing)?\s+over\b|\b(?:mouth|mouths)\s+(?:(?:is|was|are|were|starts?|started|begins?|began)\s+(?:to\s+)?)?"
     r"water(?:s|ed|ing)?\b", " jaw slightly open , a slight smile , tongue slightly out , "),
    # "brows way, way up", "brows very very up": a doubled intensifier before a direction goes after it ("brows up way
    # way"), where it is read (before, the two words cut the direction from its part)
    (("way", "very", "really", "super"), r"\b((?:very|way|really|super)\s*,?\s+(?:very|way|really|super))\s+(up|down|back|out)\b"
     r"(?=\s*(?:[,.;:!?)]|$|\s+(?:and|then)\b))",
     lambda m: f"{m.group(2)} {m.group(1).replace(',', ' ')}"),
    # "her brows couldn't go any higher if she tried", "his eyes could not be any wider": as far as they go
    (("higher", "wider", "bigger"), r"\b(brows?|eyebrows?|eyes)\s+(?:could\s*n'?t|couldnt|could\s+not|can'?t|cannot|could\s+never)\s+"
     r"(?:go|get|be|have\s+gone|have\s+been)\s+any\s+(?:higher|wider|bigger)\b(?:\s+if\s+(?:she|he|they|i|you|we)\s+tried)?",
     lambda m: " brows raised to the max " if "brow" in m.group(1) else " eyes wide to the max "),
    # "his mouth lifts by a fraction of a fraction at the corners": a very small lift (the size had cut the verb from
    # its corners)
    (("fraction", "hair", "whisker", "millimet", "notch", "touch"), r"\b(lift|lifts|lifted|lifting|rise|rises|rose|rising|curl|curls|curled|curling|turn|turns|turned|turning|drop|drops|"
     r"dropped|dropping|tighten|tightens|tightened|tightening)\s+(?:up\s+)?by\s+(?:only\s+|just\s+)?a\s+(fraction|hair|whisker|"
     r"millimet(?:re|er)|notch|touch)(?:\s+of\s+an?\s+(?:fraction|hair|whisker|millimet(?:re|er)))*\b", r"\1 very slightly"),
    # "a slow knit", "a slight knit": the brows knit
    ("knit", r"\b(?:a\s+)?(?:slow|slight|small|deep|little|quick|faint|brief)\s+knit\b(?!\s+(?:of|in|on|between|smile|group|family|community)\b)", " brows knit "),
    # "doesn't raise a brow, lowers both": both brows
    ("brow", r"\b(lower|lowers|lowered|lowering|raise|raises|raised|raising|lift|lifts|lifted|lifting|knit|knits|knitted)\s+both\b"
     r"(?=\s*(?:[,.;:!?)]|$|\s+(?:and|then|slowly|slightly|a\s+little)\b))", r"\1 both brows"),
    # "face palm", "face-palms": the facepalm (as the shorthand reads "facepalm")
    ("palm", r"\bface[\s-]+palm(?:s|ed|ing)?\b", " " + SHORTHAND["facepalm"] + " "),
    # "he doesn't bother to hide his disgust", "makes no attempt to mask her glee": the feeling shows
    (("hide", "hiding", "mask", "conceal", "disguis"),
     r"\b(?:(?:does|did|do)\s*n'?t|(?:does|did|do)\s+not|never|won'?t|will\s+not)\s+(?:even\s+)?(?:bother|try|attempt)\s+to\s+"
     r"(?:hide|mask|conceal|disguise)\s+(?:his|her|their|my|your|its)\s+(?=[a-z]+\b)"
     r"|\b(?:(?:does|did|do)\s*n'?t|(?:does|did|do)\s+not|never)\s+(?:even\s+)?bother\s+(?:hiding|masking|concealing|disguising)\s+"
     r"(?:his|her|their|my|your|its)\s+(?=[a-z]+\b)"
     r"|\bmak(?:e|es|ing)\s+no\s+(?:attempt|effort)\s+to\s+(?:hide|mask|conceal|disguise)\s+(?:his|her|their|my|your|its)\s+(?=[a-z]+\b)",
     " visible "),
    # "none too pleased", "none too chuffed": not pleased at all (before, "pleased" was read as a smile)
    ("none too", r"\bnone\s+too\s+(?=[a-z]+)", " not "),
    # "a tic under his right eye", "a twitch of the lower lid on her right side", "his left lower lid twitches": that lower
    # lid tightens a little (the rest of the face may be blank: "expressionless except for ...")
    (("tic", "twitch", "flicker"),
     r"\b(?:a\s+)?(?:tic|twitch|flicker|jump)\s+(?:under|beneath|below)\s+(?:his|her|their|my|your|the|one)\s+(?:(left|right)\s+)?eye\b"
     r"|\b(?:a\s+)?(?:tic|twitch|flicker)\s+(?:of|in)\s+(?:the|his|her|their|my|your|one)\s+(?:(left|right)\s+)?lower\s+(?:eye)?lid"
     r"(?:\s+on\s+(?:his|her|their|my|your|the)\s+(left|right)(?:\s+side)?)?\b"
     r"|\b(?:(?:his|her|their|my|your|the|one)\s+)?(?:(left|right)\s+)?lower\s+(?:eye)?lid\s+(?:twitches|twitched|twitching|tics|ticks|jumps|jumped)\b",
     lambda m: f" {next((g for g in m.groups() if g), '')} lower lid raised slightly "),
    # English idioms of a face read as nothing before: "sick to his stomach" (nauseated), "her face sank" (fell), "made his
    # flesh creep" (revulsion), "all the air went out of her" (deflated), "face balled up like a fist"
    # (scrunched), "looked like he could chew nails" (furious), "loaded for bear" (spoiling for a fight), "having
    # kittens" (in a state of anxiety)
    ("stomach", r"\bsick\s+to\s+(?:his|her|their|my|your|the)\s+stomach\b", " nauseous "),
    (("sank", "sink"), r"\b(face|heart)\s+(?:sank|sinks|sinking|sunk)\b(?!\s+(?:into|in|onto|down|behind|below|under|beneath|back)\b)", lambda m: " face fell " if m.group(1) == "face" else " dismayed "),
    # (only what a thing "makes" creep: "the skin crawling" of a seance is eerie, not revolted)
    (("creep", "crawl"), r"\b(?:make|makes|made|making)\s+(?:his|her|their|my|your)\s+(?:flesh|skin)\s+(?:creep|crawl)\b", " disgusted , nose wrinkled "),
    ("out of", r"\b(?:all\s+)?the\s+(?:air|wind)\s+(?:went|goes|going|gone)\s+out\s+of\s+(?:him|her|them|me|you|his\s+sails|her\s+sails|their\s+sails)\b",
     " deflated "),
    (("balled", "balls up", "balling"), r"\bface\s+(?:balled|balls|balling)\s+up\b", " face scrunched up "),
    ("chew nails", r"\b(?:could|would|ready\s+to|about\s+to)\s+chew\s+(?:nails|iron|rocks|glass)\b", " furious "),
    ("loaded for bear", r"\bloaded\s+for\s+bear\b", " angry , determined "),
    # (not a cat that "has kittens")
    ("kittens", r"(\b(?:cat|cats|queen|tabby|moggy)(?:'s)?\s+(?:(?:is|was|just|has|had|will|'ll)\s+)*)?\b(?:having|had|have|has)\s+kittens\b",
     lambda m: m.group(0) if m.group(1) else " anxious "),
    # "a full-blown sneer": the size of the sneer, not a blow of air; "blown away", "mind blown": amazed ("cheeks blown out"
    # and "a blown kiss" stay the lexicon's)
    ("blown", r"\bfull[\s-]+blown\b", " full "),
    ("blown", r"\bmind\s+(?:(?:is|was|totally|completely|utterly|just|so)\s+)*blown\b|\b(?:mind[\s-]+)?blown\s+away\b"
     r"(?!\s+by\s+(?:the|a)\s+(?:wind|gust|breeze|storm|gale|blast)\b)", " amazed "),
    # "her eyes well", "eyes welling": the eyes welling up (the lexicon's "well up"), not yet crying; not "eyes well open"
    ("well", r"\b(eyes?)\s+(wells?|welled|welling)\b(?=\s*(?:$|[,.;:!?)\u2014\u2013]|\s+-\s|\s+(?:with|but|as|again|slightly|a\s+little)\b))",
     r"\1 \2 up"),
    # "a vein throbs in his temple", "the vein in his neck pulsing": rage held in (not the temples' headache; veins that
    # bulge or pop may be effort)
    ("vein", r"\b(?:a|the|one)?\s*veins?\s+(?:(?:in|on|at)\s+(?:his|her|their|my|your|the)\s+(?:temple|neck|forehead|jaw|brow)s?\s+)?"
     r"(?:(?:is|was|are|were|starts?|started|begins?|began)\s+(?:to\s+)?)?(?:throb|throbs|throbbed|throbbing|pulse|pulses|pulsed|pulsing|pound|pounds|pounding)\b"
     r"|\b(?:throbbing|pulsing)\s+veins?\b", " seething "),
    # "not as angry as before", "not quite as happy as a moment ago": less of the feeling, not none of it ("not nearly
    # as cross as her words" stays hardly any of it: dev, a dip of the brow and nothing else; "not so much as a twitch"
    # stays nothing)
    (("not", "n't"), r"(?:\bnot|n't)\s+(?:(?:look|seem|feel|sound|appear)s?\s+)?(?:quite\s+)?(?:as|so)\s+([a-z]+)\s+as\b",
     lambda m: f" less {m.group(1)} , " if _feeling(m.group(1)) or _EXPRESSION_WORD_RE.match(m.group(1)) else m.group(0)),
    # "face set", "his expression set": set firm, the lips a little pressed (train: lips pressed 0.25 to 0.35, the brows
    # down 0.25 in one line and held below 0.1 in another); not a face set up like rain or set in a scowl
    # ("her face sets hard"; not the noun "the face set is complete", a set of shapes)
    ("set", r"\b(?:face|expression|features)\s+(?:(?:is|was|stays?|stayed|remains?|remained)\s+)?set(?:s|ting)?\b"
     r"(?!\s+(?:up|in|into|on|to|off|out|aside|down|like|for|against|the|a|an|her|his|their|is|was|are|were|of|file|from|with)\b)",
     " lips slightly pressed "),
    # "he is polite", "she's ever so polite": the polite face, a small social smile ("too polite to spit it out" is a
    # reason, not a face: train keeps its smile below 0.05)
    ("polite", r"\b(?:he|she|they|i|you|we)\s*(?:is|was|are|were|'s|'re|seems?|seemed|looks?|looked|stays?|stayed|remains?|remained)\s+(?:being\s+)?"
     r"(?:(?:so|too|very|terribly|awfully|ever\s+so|perfectly|scrupulously|unfailingly|always)\s+)?polite\b(?!\s+(?:to|about|with|enough|for)\b)",
     " a polite smile "),
    # "hopping mad" (and its common misspelling "hoping mad"): furious, not hoping (the shorthand table has made "mad"
    # "angry" by now)
    # ("hoping" only where the words end there: "he's hoping angry fans won't notice" hopes)
    (("mad", "angry"), r"\bhopping\s+(?:mad|angry)\b|\bhoping\s+(?:mad|angry)\b(?=\s*(?:[,.;:!?)\u2014\u2013]|$)|\s+(?:at|with|about|and|but|because|now)\b)",
     " furious "),
    # a verdict of guilty ("the jury found her guilty", "the verdict was guilty", "pleads guilty") is no feeling of guilt;
    # appalled by a taste or a smell is disgust, not shock
    # (one who is found guilty is the object: "she finds herself feeling guilty" feels it)
    ("guilty", r"\b(?:(?:the\s+)?verdict\s+(?:was|is|came\s+back|comes\s+back)\s+|(?:found|finds|find|declared|pronounced)\s+"
     r"(?:him|her|them|me|us|you|(?:the|his|her|their|my|your)\s+[a-z]+|(?!(?:herself|himself|themselves|myself|yourself|itself|feeling|looking"
     r"|so|very|really|quite|a|an|it)\b)[a-z]+)\s+|pleads?\s+|pleaded\s+|pled\s+)(?:not\s+)?guilty\b", " the verdict "),
    ("appalled", r"\bappalled\s+(?:by|at)\s+(?:(?:the|its|his|her|their|that|this|a|an)\s+)?(?:taste|smell|stench|stink|flavou?r|texture)\b",
     " disgusted by the taste "),
    # "wry" said on its own ("resigned, wry", "she's wry about it"): a faint wry smile (train, 15 scenes feeling wry:
    # MouthSmile 0.18, BrowInnerUp 0.22), not nothing ("a wry smile", "a wry look" keep their own noun)
    # (after a comma or a verb of being only: the bare lexicon word "wry" marks a one-sided movement)
    ("wry", r"(?:(?<=[,;]\s)|(?<=[,;])|\b(?:is|was|are|were|'s|looks?|looked|seems?|seemed|feels?|felt|sounds?)\s+)wry\b"
     r"(?=\s*(?:[,.;:!?)\u2014\u2013]|$)|\s+(?:and|but|then|about|at|as)\b)",
     lambda m: m.group(0) if re.search(r"\b(?:voice|tone|humou?r|wit|remark|comment|note|words?|reply|answer|line|joke)\s+(?:\w+\s+)?$",
                                        m.string[: m.end() - len("wry")]) else " a faint wry smile "),
    # "smiling so hard it hurts", "rolls her eyes so hard it almost hurts", "laughs until his sides ache": the size of
    # the movement, not pain or hurt feelings
    (("hurt", "ache", "aching", "sting", "stung", "sore"),
     r"\b(?:so\s+(hard|much|wide|widely|broadly|big|bright|brightly|loud|loudly|fiercely|tight|tightly)|until|till|til)\s+"
     r"(?:that\s+)?(?:it|(?:his|her|their|my|your|the)\s+(?:face|cheeks?|jaw|sides?|stomach|belly|tummy|ribs|eyes?|mouth|head|muscles?|lips?))\s+"
     r"(?:almost\s+|nearly\s+|actually\s+|practically\s+|literally\s+|kind\s+of\s+|kinda\s+|basically\s+|just\s+about\s+|start(?:s|ed)?\s+to\s+)?"
     r"(?:hurts?|hurting|aches?|ached|aching|stings?|stung|(?:is|are|was|were)\s+sore)\b",
     lambda m: (f" so {m.group(1)} " if m.group(1) else " very hard ") if _MOVES_BEFORE_RE.search(m.string[: m.start()]) else m.group(0)),
    # "she glares down at it", "squinting down at the fine print", "he smiled down at the bundle", "she smiles down to her
    # left at the child": a face made down (or up) at something is made with the eyes turned there (train: EyeLookDown
    # 0.2-0.45 on every such line); the verb keeps its own reading, and eyes sent elsewhere later in the line go there
    # ("beams up at his mother, eyes dropping to his pocket")
    (("down", "up"),
     rf"\b((?:{_FACE_MADE}|wink)\w*)\s+(down|up)"
     r"(?=(?:\s+to\s+(?:her|his|their|my|your|the)\s+(?:left|right))?\s+(?:at|into|toward|towards|on)\b)",
     lambda m: _looked_there(m, f"{m.group(1)} , eyes {m.group(2)} ,")),
    # ... and one made at a thing that lies below the eyes ("squinting at my phone", "a confused squint at the map", "she
    # grinned at her shoes"): the eyes go down to it, as "glances at the phone" has them (train: EyeLookDown 0.2-0.45)
    ("at",
     rf"\b(?:{_FACE_MADE}|peer)\w*\s+at\s+"
     r"(?:the|her|his|their|my|your|a|an)\s+(?:[a-z]+\s+)?(?:table|desk|plate|knees?|pages?|phone|book|keyboard|watch|wristwatch|notepad"
     r"|clipboard|menu|laptop|crossword|paperwork|map|ledger|chessboard|palms?|notes|label|letter|contract|receipt|newspaper"
     r"|magazine|notebook|floor|ground|shoes|feet|lap|hands|print)\b"
     # (not a person the noun names a job of, nor a thing on a wall: "the floor manager", "the page boy", "the map on the wall")
     r"(?!\s+(?:[a-z]+(?:er|or|ist|ant)|man|woman|men|women|boy|girl|clerk|crew|staff|lady|guy|kid)s?\b|\s+on\s+the\s+wall)",
     lambda m: _looked_there(m, f"{m.group(0)} , eyes down ,")),
    # "kept her gaze to her right and never glanced left", "eyes front, didn't look left or right": a look denied goes nowhere
    # (the side word would otherwise join the look said before it)
    (("never", "n't", "not", "without"),
     r"\b(?:and\s+|but\s+)?(?:never|not\s+once|didn'?t|did\s+not|doesn'?t|does\s+not|won'?t|will\s+not|without)\s+"
     r"(?:once\s+|even\s+|ever\s+|so\s+much\s+as\s+)?(?:glanc|look|turn|peek|peep|dart|stray|drift|wander)\w*\s+"
     r"(?:(?:over\s+)?to(?:ward|wards)?\s+(?:the|her|his|their|my|your)\s+)?(?:left|right)\b(?:\s+or\s+(?:left|right)\b)?"
     r"(?:\s+(?:again|once|even\s+once|at\s+all))?" + CLAUSE_OR_BRACKET_END, " , "),
    # "chewing hard on the left", "jaw chewing off to his right", "chews on her left side": the jaw and the lips shift to
    # the side the food is on (train and dev, 15 such lines: JawLeft/Right and MouthLeft/Right 0.2 where keyed), which
    # a chew with no side does not (104 lines: 0.02)
    ("chew", r"\b(chew(?:s|ed|ing)?)\s+(?:hard\s+|slowly\s+|slow\s+|away\s+|steadily\s+)?(?:on|off\s+to|over\s+on|to)\s+"
     r"(?:the|his|her|their|my|your)\s+(left|right)(?:\s+side)?(?=\s*(?:[,.;:!?)\u2014]|$|and\b|but\b|while\b|as\b|with\b))",
     r"\1 , jaw a touch \2 , mouth a touch \2 ,"),
    # "he won't give the bully the satisfaction of a wince", "refuses to give them the satisfaction of seeing her cry":
    # the movement is denied (it had read as made), the face held in check over it
    ("satisfaction", r"\b(?:won'?t|will\s+not|wouldn'?t|would\s+not|doesn'?t|does\s+not|didn'?t|did\s+not|refus(?:es|ed|ing|e)\s+to"
     r"|not\s+going\s+to|never)\s+give\s+(?:[a-z']+\s+){1,2}?the\s+satisfaction\s+of\s+(?:seeing\s+(?:her|him|them|me)\s+)?"
     r"(?:a\s+|an\s+|any\s+|so\s+much\s+as\s+a\s+)?", " lips pressed a little , not "),
    # "it isn't her left eye that twitches, it's the right", "it wasn't her left brow that shot up - it was the right":
    # the movement is the second side's, the first side stays still (train and dev: the first side <= 0.05); "the wink
    # wasn't with her left eye - it was the right": the same correction said of where a movement is
    (("isn't", "wasn't", " not "),
     r"\bit\s*(?:isn'?t|wasn'?t|is\s+not|was\s+not|'s\s+not)\s+(?:with\s+|on\s+)?(the|her|his|their|my|your)\s+(?:(?:very\s+)?(left|right))\s+"
     r"((?:mouth\s+)?[a-z]+)\s+(?:that|which)\s+([^,;:.!?\u2014\u2013]+?)\s*(?:[,;:\u2014\u2013]|\s-+)\s*(?:but\s+|no,?\s+)?"
     r"it(?:'s|\s+is|\s+was)\s+(?:the|her|his|their|my|your)\s+(left|right)(?:\s+one|\s+(?:mouth\s+)?[a-z]+(?=\s*(?:[,;:.!?\u2014\u2013]|$)))?\b"
     r"(?:\s+(high|higher|sharp|sharply|hard|tight|tightly|wide|fast))?",  # "... it was the right high the left flat": its size
     lambda m: f" {m.group(1)} {m.group(5)} {m.group(3)} {m.group(4)} {m.group(6) or ''} , " if m.group(2) != m.group(5) else m.group(0)),
    (("isn't", "wasn't", " not "),
     r"\b(is|was)(?:n't|\s+not)\s+(with|on|in|from)\s+(the|her|his|their|my|your)\s+(left|right)\s+((?:mouth\s+)?[a-z]+)"
     r"\s*(?:[,;:\u2014\u2013]|\s-+)\s*(?:but\s+|no,?\s+)?it(?:'s|\s+is|\s+was)\s+(?:(?:with|on|in|from)\s+)?(?:the|her|his|their|my|your)\s+"
     r"(left|right)(?:\s+one|\s+(?:mouth\s+)?[a-z]+(?=\s*(?:[,;:.!?\u2014\u2013]|$)))?\b",
     lambda m: f" {m.group(1)} {m.group(2)} {m.group(3)} {m.group(6)} {m.group(5)} " if m.group(4) != m.group(6) else m.group(0)),
    # "her face twisted up like a kid fed castor oil", "face twisted.", "her face twists: eyes half clenched": the face
    # screwed up (train, 4 families: brows down, eyes narrowed, the nose and the mouth pulled), not a head turn;
    # "face twisted in disgust" keeps its feeling, "face twisting away to the left" its turn
    (("twist",),
     r"\b(face|features)\s+(?:is\s+|was\s+|all\s+|suddenly\s+)?(?:twists|twisted|twisting|twist)\b"
     r"(?:\s+up\b(?!" + _TWIST_AWAY + r")|(?!\s+(?:in|with|into|from|off|over|up|upward|upwards)\b|" + _TWIST_AWAY + r"))",
     r"\1 scrunched "),
    # "tearing her hair out": exasperated (not tears); "tears the letter up", "tearing open the envelope": the hands rip
    # something, no crying
    (("tear", "tore"), r"\b(?:tear|tears|tearing|tore|torn)\s+(?:her|his|my|their|your|our)\s+hair\s+out\b",
     " exasperated , inner brows raised , "),  # (train: BrowInnerUp >= 0.225 where the full size is meant)
    (("tear", "tore"), r"\b(?:tears|tearing|tore)\s+((?!a\s+strip\b)(?:it|them|this|that|(?:the|a|an|her|his|their|my|your)\s+[\w-]+)\s+"
     r"(?:up|apart|open|off|in\s+half|to\s+pieces|into\s+pieces)"
     r"|open\s+(?:the|a|an|her|his|their|my|your)\s+[\w-]+)\b", r" rips \1"),
    # "tears stream down her face", "sweat running down his cheeks": what runs down the face, not the head going down
    (("down",), r"\b((?:tears?|teardrops?|sweat|beads\s+of\s+sweat|drops\s+of\s+sweat|rain|rainwater|water|blood|mascara|snot|droplets?)"
     r"(?:\s+(?:are|were|is|was|keep|keeps|kept|start|starts|started|begin|begins|began|\w+ly))?\s+"
     r"(?:(?:stream|roll|trickl|slid|pour|drip|spill|cours|flow|leak)(?:s|es|ed|ing|e|ped|ping)?|run|runs|running|ran|slide|slides))\s+down\s+"
     r"((?:her|his|their|my|your|the)\s+(?:face|cheeks?|chin|nose|temples?|forehead))\b", r"\1 over \2"),
    # "half-lid eye roll", "heavy lid stare": the lids half lowered, as "half-lidded" (an animator's clipped form)
    (("lid",), r"\b(half|heavy)[\s-]+lid\b(?!\s+(?:open|opens|closed|closes|shut|down|up|lowered|raised|drops?|lifts?))", r" \1-lidded "),
    # "his jaw shoved over to the left", "chin pushed off to her right": the jaw shifted to that side, not thrust forward
    (("jaw", "chin"), r"\b(jaw|chin)\s+(?:is\s+|was\s+)?(?:shoved|pushed|thrust|shoves|pushes|thrusts|shoving|pushing|thrusting)\s+"
     r"(?:over\s+|off\s+|across\s+|out\s+)?(?:to|towards?)\s+(?:the|his|her|their|my|your)\s+(left|right)\b", r" jaw shifts \2"),
    # "the left eye doesn't wink, the right one does": the movement is the second side's, said once
    (("doesn't", "didn't", "does not", "did not"),
     r"\b(the|her|his|their|my|your)\s+(left|right)\s+((?:mouth\s+)?[a-z]+(?:\s+of\s+(?:the|her|his|their|my|your)\s+mouth)?)\s+"
     r"(?:doesn'?t|does\s+not|didn'?t|did\s+not)\s+([a-z]+(?:\s+(?:up|down|in|out|shut|open))?)"
     r"\s*(?:[,;:\u2014\u2013]|\s-+)\s*(?:but\s+)?(?:the|her|his|their|my|your)\s+(left|right)(?:\s+one|\s+(?:mouth\s+)?[a-z]+)?\s+(?:does|did)\b",
     lambda m: f" {m.group(1)} {m.group(5)} {m.group(3)} {m.group(4)} " if m.group(2) != m.group(5) else m.group(0)),
    # "lowered brows and gaze", "raised brows and chin": the movement said once is the second part's as well (the gaze
    # had been left where it was); not a second part with words of its own ("raised brows and eyes wide")
    (("lowered", "raised", "lifted", "dropped"),
     r"\b(lowered|raised|lifted|dropped)\s+((?:eye)?brows?|lids|eyelids|head|chin|eyes|gaze)\s+and\s+(gaze|eyes|head|chin)"
     r"(?=\s*(?:[,.;:!?)\u2014]|$|and\b|but\b|while\b|as\b))",
     lambda m: f"{m.group(1)} {m.group(2)} and {m.group(1)} {m.group(3)}" if m.group(2) != m.group(3) else m.group(0)),
))


def round15b_rewrites(s: str) -> str:
    """``s`` (lower-cased, normalised) with the phrasings of :data:`_ROUND15B_REWRITES` rewritten."""
    for rule in _ROUND15B_REWRITES:
        if rule.applies(s):
            s = rule.pattern.sub(rule.repl, s)
    if "wheez" in s and re.search(r"\blaugh", s):
        # "not so much laughing as wheezing", "not a laugh anymore, a helpless wheeze": a laugh gone past its sound is
        # still a laugh on the face (the smile and the cheeks), not breathlessness
        s = re.sub(r"\b(?:a\s+)?(?:helpless\s+|silent\s+)?wheez(?:e|es|ed|ing)\b", " laughing hard ", s)
    return s


# --------------------------------------------------------------------------- change narration

#: Feelings and looks a face can change to ("turns to horror", "shifts to a grin")
_FEELINGS = (
    r"delight|joy|glee|horror|anger|fury|rage|relief|dread|fear|panic|despair|disgust|amusement|laughter|tears|sadness|grief"
    r"|disbelief|confusion|understanding|smile|grin|frown|scowl|grimace|glare|sneer|smirk|worry|concern|shock|surprise|happiness"
    r"|embarrassment|shame|annoyance|irritation|contempt|pride|determination|resignation|acceptance|recognition|reali[sz]ation"
    r"|suspicion|boredom|excitement|interest|curiosity|alarm|terror|awe|wonder|dismay|hurt|betrayal|envy|jealousy|love|tenderness"
    r"|pity|sympathy"
)
#: Words that name a state of the face or a feeling ("a coughing fit", "shame", "a wide grin", "laughing"): what "X
#: turning into Y" turns into, and what "from X to Y" starts from, in a line that narrates a change ("turning into a
#: side street", "from nine to five", "from Paris to London" are no change)
_CHANGE_STATE = (
    r"(?:" + _FEELINGS + r"|laugh|laughs|smiles|grins|frowns|scowls|grimaces|glares|sneers|smirks|squint|stare|pout|giggles?"
    r"|chuckles?|sobs?|sobbing|calm|neutral|blank|pain|agony|yawns?|beam|wince|snarl|sulk|bliss|sneezes?|coughs?|coughing|hiccups?"
    r"|gasp|zero|misery|gloom|ease|composure|serenity|hope|heartbreak|elation|smiling|grinning|frowning|laughing|crying|scowling"
    r"|glaring|beaming|giggling|sulking|pouting|squinting|wincing|yawning)"
)

#: Phrases that start a later beat of a description narrating a change (the text after them is a new
#: state). Checked on the normalised, lower-cased text.
_BEAT_START = re.compile(
    r"""(?:^|(?<=[\s,;:.!?]))(?:
        (?:and\s+|but\s+|,\s*)?then\b
      | until\b | till\b
      | by\s+the\s+(?:end|time|finish|last|second|third|close|closing|punchline|punch\s+line|final\s+\w+)\b(?:\s+of\s+it)?
      | (?:and\s+)?finally\b | eventually\b | in\s+the\s+end\b | at\s+the\s+end\b(?!\s+of\b)(?!\s*(?:[,;:.!?]|$))
      | afterwards?\b | after\s+a\s+(?:beat|moment|while|second|pause)\b | a\s+(?:beat|moment)\s+later\b
      | ends?\s+(?:up|on|with|in|as)\b | (?:it|she|he|they|i|we|you|and|that|which|face|expression)\s+ends?\b
      | (?<=[,;.\-\u2014]\s)ends?\b | ending\s+(?:on|with|in|up)\b
      | lands?\s+on\b | settles?\s+(?:into(?!\s+the\b)|on|back\s+into)\b | final\s+(?:frame|state|beat|pose)\s*:?
      | (?:before\s+)?settl(?:ed|ing)\s+(?:into(?!\s+the\b)|on|back\s+into)\b | after\s+that\b
      | (?:closes?|closed|closing)\s+up\s+into\b | (?:winds?|wound|winding)\s+down\s+into\b
      | (?:gives?|giving)\s+way\s+to\b | turns?\s+into\b | turning\s+into\b(?=\s+(?:a\s+|an\s+)?(?:[a-z'-]+\s+){0,2}""" + _CHANGE_STATE + r"""\b) | becomes?\b | becoming\b
      | (?:turns?|turned|turning|shifts?|shifted|shifting|changes?|changed|changing)\s+to\b(?=\s+(?:a\s+|an\s+|pure\s+|open\s+|quiet\s+|sheer\s+)?
        (?:""" + _FEELINGS + r""")\b)
      | instead\b(?!\s+of\b)
      | (?:recovers?|recovering|(?:composes?|collects?|gathers?|catch(?:es)?|caught|checks?|checked|stops?|stopped)\s+(?:herself|himself|themselves|myself)\b(?!\s+from\b))
      | (?:pulls?|pulled|pulling)\s+(?:herself|himself|themselves|myself)\s+together\b
      | (?:trails?|trailed|trailing|tails?|tailed|tailing)\s+off\s+into\b
      | (?:(?:quickly|soon|instantly|swiftly|hastily|immediately|just\s+as\s+quickly)\s+)?(?:replaced|masked|covered|papered\s+over|smoothed\s+over)\s+(?:by|with)\b
      | (?:relax(?:es)?|eases?|loosens?|warms?|brightens?|blossoms?|blooms?|ripens?|grows?)\s+(?:slowly\s+|back\s+)?into\b(?!\s+the\b)
      | (?<!heart\s)(?<!stomach\s)(?:thaw(?:s|ed)?|fade[sd]?|melt(?:s|ed)?|shift(?:s|ed)?|change[sd]?|morph(?:s|ed)?|slides?|slid|curdle[sd]?
         |sour(?:s|ed)?|crumple[sd]?|collapse[sd]?|harden(?:s|ed)?|soften(?:s|ed)?|twist(?:s|ed)?|crack(?:s|ed)?|flip(?:s|ped)?|sinks?|sank|sunk
         |drift(?:s|ed)?)\s+(?:off\s+|away\s+|slowly\s+)?into\b(?!\s+the\b)
      | (?:(?<=smile\s)|(?<=smiles\s)|(?<=grin\s)|(?<=face\s)|(?<=mask\s)|(?<=look\s)|(?<=expression\s)|(?<=frown\s)|(?<=smirk\s)
         |(?<=laugh\s)|(?<=mouth\s)|(?<=scowl\s)|(?<=composure\s)|(?<=glare\s)|(?<=pout\s))
        (?:slips?|slipped|slipping|crumble[sd]?|crumbling)\s+(?:slowly\s+)?into\b(?!\s+(?:the|place|position)\b)
      | (?:dissolves?|breaks?|bursts?)\s+(?:off\s+|away\s+|slowly\s+)?into\b(?!\s+the\b)(?!\s+(?:floods\s+of\s+)?tears\b)
    )""",
    re.VERBOSE,
)
#: "From a hard squint to eyes wide open", "from zero to furious: brows slam down": a line that opens on the state a
#: change starts from (a word of :data:`_CHANGE_STATE`) and where it goes; what follows "to" is the state it ends in
#: ("from the wings she watches", "from ear to ear", "from nine to five", "from laughing too hard to breathe" start none)
_FROM_TO_RE = re.compile(
    r"^\s*from\s+((?:a\s+|an\s+)?(?:[a-z'-]+\s+){0,2}?" + _CHANGE_STATE + r")\s+to\s+"
    r"(?!(?:the|his|her|their|my|your|its|him|them|me|us|left|right|one|each|side|face|ear|be|see|look|keep|breathe|talk|speak|say"
    r"|stop|move|think|go|get|do|make|hold|hide|care|sleep|eat|stand|sit|notice|answer|reply|continue|carry|finish|focus|read|listen"
    r"|hear|feel|know|function|cope|walk|run|even)\b)(?=([a-z'-]+))")


def _from_to(m: re.Match) -> str:
    """The beat break of :data:`_FROM_TO_RE`, unless the same word stands on both sides ("from shelf to shelf")."""
    if m.group(1).split()[-1] == m.group(2):
        return m.group(0)
    return m.group(1) + " \x00 "
_INSTEAD_END_RE = re.compile(r"[,;]\s*(?:and\s+|but\s+|then\s+)?(?=[^,;\x00]*\binstead\s*[.!]*\s*$)")
#: Phrases that close the *first* beat ("surprised at first, he ...").
_BEAT_END = re.compile(r"\b(?:at\s+first|initially|to\s+begin\s+with|for\s+a\s+(?:moment|second|beat|while)|at\s+the\s+start)\b\s*[,;:]?")
_LATER_BEAT_RE = re.compile(r"(?<=[,;.:])\s*(?:and\s+|but\s+)?(?:gradually|slowly|little\s+by\s+little|bit\s+by\s+bit|over\s+time"
                            r"|soon|later|moments?\s+later|seconds?\s+later|now)\b")
#: A movement checked at the end of the line ("she laughs, then stops herself", "a grin; he catches himself",
#: "starts to smile and thinks better of it"): it is cut short, and the keyframe is the face pulled back to rest,
#: the lips lightly pressed on what was held in (corpus train: "giggles, catches herself, and snaps back to a straight
#: face": MouthPress 0.25 and nothing of the giggle)
_CHECKED_END_RE = re.compile(
    r"(?:\b(?:stops?|stopped|stopping|catch(?:es|ing)?|caught|checks?|checked|checking|pulls?|pulled|pulling)\s+"
    r"(?:herself|himself|themselves|myself|yourself)(?:\s+(?:short|in\s+time|just\s+in\s+time|quickly|fast|at\s+once))?"
    r"|\b(?:cuts?|cutting)\s+(?:it|herself|himself|themselves|myself)\s+short|\b(?:thinks?|thought|thinking)\s+better\s+of\s+it"
    # "her face crumples, then she composes herself / pulls herself together": the face brought back to rest
    r"|\b(?:compos|collect|gather)(?:es|s|ed|ing)?\s+(?:herself|himself|themselves|myself|yourself)"
    r"|\b(?:pulls?|pulled|pulling)\s+(?:herself|himself|themselves|myself|yourself)\s+together)"
    r"(?=\s*[.!]*\s*(?:$|\))|\s*,?\s+and\s+(?!then\b))")  # ("thinks better of it and shrugs": what follows is the end too;
    # "(beaming, then catching herself)": the end of a parenthetical)
#: One part of the face, said to ease into a state ("the corners of the mouth relax into a neutral expression"): the
#: part's own change, not a new beat for the whole face (the gaze and lids said before it stay)
_EASING_PART_RE = re.compile(r"\b(?:mouth|lips?|corners?|brows?|eyebrows?|eyes?|lids?|eyelids?|jaw|cheeks?|nose|nostrils?|gaze|head|chin)\s*$")
_EASING_RE = re.compile(r"(?:relax(?:es)?|eases?|loosens?|softens?|settles?|drifts?|sinks?)\b")


#: Words before "turning into" that keep the change from happening or make it a habit ("short of", "from", "never",
#: "without", "risks", "keeps"): no later state
_NOT_TURNING_RE = re.compile(r"\b(?:of|from|never|without|not|risk(?:s|ed|ing)?|keeps?|kept|keeping|avoid\w*|prevent\w*|stop(?:s|ped|ping)?)"
                             r"\s+(?:[a-z']+\s+)?$")


def _starts_no_beat(s: str, m: re.Match) -> bool:
    """Whether the beat start ``m`` starts no later state of the whole face after all: a part of the face (named right
    before it, after the clause's last comma) easing into a state ("..., and the corners of the mouth relax into a
    neutral expression"); a part becoming one ("while the eyes become glossy": the part's own state beside the others);
    or how far a movement grows ("the smile spreads slowly until it reaches the eyes": the smile is still there)."""
    word = m.group(0).strip()
    before = s[: m.start()]
    if word in ("until", "till"):
        return bool(_GROWS_BEFORE_RE.search(before) and _GROWS_UNTIL_WHAT_RE.match(s, m.end()))
    clause = re.split(r"[,;:.!?\x00]", before)[-1]
    if word.startswith("turning"):  # "stopping short of turning into a grin", "keeps turning into a grimace and back"
        return bool(_NOT_TURNING_RE.search(clause) or re.match(r"[^,;:.!?\x00]*\band\s+back\b", s[m.end():]))
    if re.match(r"becom(?:e|es|ing)\b", word):
        return bool(_EASING_PART_RE.search(clause))
    return bool(_EASING_RE.match(word) and _EASING_PART_RE.search(clause)) and "," in before


#: "the head turns left as the eyes follow a moment later": a part lagging behind the movement (follow-through), no
#: later beat ("a moment later, she smiles" still starts one)
_LAG_RE = re.compile(r"(?i)\b((?:follow|trail|lag|catch\s+up|catches\s+up|caught\s+up)\w*)\s+(?:a\s+(?:beat|moment|second|split\s+second|frame"
                     r"|few\s+frames|touch|little|bit)|(?:a\s+)?(?:few\s+)?(?:moments?|seconds?|frames?|beats?))\s+(?:later|behind)\b")
_FINAL_FRAME_RE = re.compile(r"[\s,;:.\-]*\b(?:end|final|last)\s+(?:frame|pose|state|beat)\s*[.!]?\s*$")
#: "the smile spreads slowly until it reaches the eyes": how far a movement grows, not a later state (the smile is still
#: there at the end); its "until" starts no beat (see :func:`_starts_no_beat`)
#: ("cheeks rising until the eyes crinkle almost shut": cheeks that a smile pushes up until they close the eyes)
_GROWS_BEFORE_RE = re.compile(r"\b(?:(?:spread|grow|widen|broaden|deepen|build|swell|creep|climb|stretch|lift|push|bunch)(?:s|es|ed|ing)?"
                              r"|rise|rises|rising|rose)\s+(?:[a-z]+\s+){0,2}$")
_GROWS_UNTIL_WHAT_RE = re.compile(r"\s+(?:it|they|(?:the|her|his|their|my|your)\s+eyes?\s+(?:are\s+|is\s+|almost\s+|nearly\s+|all\s+but\s+"
                                  r"|practically\s+)?(?:crinkl|squint|narrow|close|shut|disappear|vanish|slits|half)\w*)\b")
_BEAT_TRIM = re.compile(r"^[\s,;:.!?\-]+|[\s,;:\-]+$")


#: "she was grinning; now she's not", "he was smiling, but not any more": what was is over by the end (a beat of its
#: own, then the look no longer there)
_NOT_ANY_MORE_RE = re.compile(
    r"\b((?:was|were|had\s+been|used\s+to\s+be)\s+)([a-z]+ing)\b([^.;!?\x00]{0,40}?)\s*[,;.]?\s*(?:but\s+|and\s+)?"
    r"(?:now\s+(?:she|he|they|it|i|you|we)(?:(?:'s|\s+is|\s+are|'re|'m|\s+am)\s+not|\s+(?:isn'?t|aren'?t))|(?:not|no)\s+any\s*more|no\s+longer|not\s+now)\b(?=\s*(?:[.,;:!?\x00]|$))", re.I)


def split_change_beats(text: str) -> list[str]:
    """The beats of a description that narrates a change, in order; ``[]`` for a single state.

    "At first she beams, then the smile fades; by the end her mouth is a thin line" ->
    ``["she beams", "the smile fades", "her mouth is a thin line"]``. Beats start at "then", "until", "by the end", "finally", "ends with", "gives way to", "fades into",
    "turning into (a state)" ..., and end at "at first", "initially" ...; a line that opens "From (a state) to ..." is two
    beats; arrows and ellipses separate beats too. The last beat is the state the description
    ends in (what one keyframe shows); a script can offer the earlier beats as keyframes before it.
    """
    s = _FINAL_FRAME_RE.sub("", normalize(_LAG_RE.sub(r"\1", text)))
    s = _CHECKED_END_RE.sub(" , then lips slightly pressed ,", s)
    s = _NOT_ANY_MORE_RE.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)} , then no longer {m.group(2)}", s)
    s = _FROM_TO_RE.sub(_from_to, s)
    s = _BEAT_END.sub(lambda m: m.group(0) + " \x00", s)
    s = _INSTEAD_END_RE.sub("\x00", s)  # "opens her mouth, hesitates, and bites her lip instead": what she does in the end
    s = _BEAT_START.sub(lambda m: "\x00" if m.group(0).strip() and not _starts_no_beat(s, m) else m.group(0), s)
    if "\x00" in s:  # "at first he grins; gradually the smile ...": after a first beat, these start the next one
        s = _LATER_BEAT_RE.sub("\x00", s)
    s = re.sub(r"\s*,\s*then\s*,\s*", "\x00", s)
    parts = [_BEAT_TRIM.sub("", _BEAT_END.sub("", p)) for p in s.split("\x00")]
    parts = [p for p in parts if re.search(r"[a-z]", p)]
    return parts if len(parts) >= 2 else []
