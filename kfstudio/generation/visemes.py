"""Speech and sound shapes: quoted words, sounds and letters -> the mouth shape a keyframe shows.

A description such as "she mouths 'why'", "a long 'mmm' of approval", "he goes 'shh'" or "the 'm' in
'mother'" names a sound. One keyframe shows the most characteristic mouth shape of it:

1. **Pronunciation.** A word is looked up in the CMU Pronouncing Dictionary (ARPAbet phonemes with
   stress), shipped in the package (``resources/speech``, the CMU licence beside it); for words the
   dictionary lacks, a small set of English letter rules gives the phonemes.
   Interjections and held sounds ("mmm", "shh", "psst", "ooh", "fff") have their own table, since
   dictionaries spell them inconsistently.
2. **Viseme.** Each phoneme maps to one of the 15 visemes of the Oculus/Meta OVR LipSync set
   (sil, PP, FF, TH, DD, kk, CH, SS, nn, RR, aa, E, I, O, U), the set also used by several engines'
   lip-sync tools. The mapping follows that set's published phoneme groups (PP = p b m, FF = f v,
   TH = th dh, DD = t d, kk = k g ng, CH = ch jh sh zh, SS = s z, nn = n l, RR = r er, aa = aa ah ay,
   E = eh ey ae, I = ih iy y, O = ao ow oy aw, U = uw uh w). ARPAbet's diphthongs take the viseme of
   their most visible part (AW "wow" and OY "oi" are rounded: O).
3. **The characteristic phoneme** of a word is the most visible one: a rounded onset (W: "why",
   "wait") or a rounded stressed vowel first, else a lip closure or lip-teeth contact that ends or
   begins a short word ("mmm", "stop"), else the stressed vowel. A quoted single letter or digraph
   ("the 'm' in 'mother'", "on the EE") names the shape itself and wins.
4. **ARKit values** of each viseme (:data:`VISEME_SHAPES`) are our own, set against how animators
   annotate the same sounds in the project's corpus (e.g. an "oh": JawOpen 0.35, MouthFunnel 0.5,
   MouthPucker 0.2). Loud sounds (shouted, all capitals, "!") open wider; whispered or mouthed ones
   a little less.

:func:`find_speech` reads a description; :func:`blend` lays the shape over the expression around it
(brows, eyes and cheeks keep the expression; the mouth takes the shape, and what the shape cannot
coexist with -- a wide smile in an "oo", an open jaw on an "m" -- is reduced). Standard library and
numpy only; nothing is downloaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from kfstudio import channels as ch
from kfstudio.generation.pronunciations import dictionary_text

__all__ = [
    "VISEMES",
    "PHONEME_VISEME",
    "VISEME_SHAPES",
    "SOUND_WORDS",
    "SpeechShape",
    "pronounce",
    "dictionary_available",
    "word_viseme",
    "find_speech",
    "strip_quotes",
    "quoted_spans",
    "INTERJECTIONS",
    "interjection_words",
    "OTHERS_REACT_RE",
    "shape_values",
    "blend",
    "captions_the_look",
    "says_the_look",
]

VISEMES = ("sil", "PP", "FF", "TH", "DD", "kk", "CH", "SS", "nn", "RR", "aa", "E", "I", "O", "U")

#: ARPAbet phoneme (stress removed) -> viseme (Oculus/Meta OVR LipSync groups, see the module text).
PHONEME_VISEME: dict[str, str] = {
    "P": "PP", "B": "PP", "M": "PP",
    "F": "FF", "V": "FF",
    "TH": "TH", "DH": "TH",
    "T": "DD", "D": "DD",
    "K": "kk", "G": "kk", "NG": "kk", "HH": "sil",
    "CH": "CH", "JH": "CH", "SH": "CH", "ZH": "CH",
    "S": "SS", "Z": "SS",
    "N": "nn", "L": "nn",
    "R": "RR", "ER": "RR",
    "AA": "aa", "AH": "aa", "AY": "aa",
    "EH": "E", "EY": "E", "AE": "E",
    "IH": "I", "IY": "I", "Y": "I",
    "AO": "O", "OW": "O", "OY": "O", "AW": "O",
    "UW": "U", "UH": "U", "W": "U",
}
_VOWELS = frozenset({"AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"})

#: Viseme -> ARKit channel values at a normal speaking strength ({S} = both sides). Our own values.
VISEME_SHAPES: dict[str, dict[str, float]] = {
    "sil": {},
    "PP": {"MouthPress{S}": 0.45, "MouthClose": 0.1, "JawOpen": 0.1, "MouthRollLower": 0.1, "MouthRollUpper": 0.05},
    "FF": {"MouthRollLower": 0.45, "MouthUpperUp{S}": 0.2, "JawOpen": 0.06, "MouthClose": 0.04},
    "TH": {"TongueOut": 0.3, "JawOpen": 0.15, "MouthLowerDown{S}": 0.1},
    "DD": {"JawOpen": 0.15, "MouthStretch{S}": 0.15, "MouthLowerDown{S}": 0.1, "MouthUpperUp{S}": 0.05},
    "kk": {"JawOpen": 0.25, "MouthStretch{S}": 0.15, "MouthLowerDown{S}": 0.1},
    "CH": {"MouthFunnel": 0.4, "MouthPucker": 0.35, "JawOpen": 0.06, "MouthUpperUp{S}": 0.1},
    "SS": {"MouthStretch{S}": 0.35, "MouthUpperUp{S}": 0.2, "MouthLowerDown{S}": 0.2, "JawOpen": 0.03},
    "nn": {"JawOpen": 0.15, "MouthLowerDown{S}": 0.1, "MouthStretch{S}": 0.05},
    "RR": {"MouthFunnel": 0.35, "MouthPucker": 0.3, "JawOpen": 0.15},
    "aa": {"JawOpen": 0.45, "MouthLowerDown{S}": 0.2, "MouthUpperUp{S}": 0.05},
    "E": {"JawOpen": 0.3, "MouthStretch{S}": 0.25, "MouthLowerDown{S}": 0.15},
    "I": {"MouthStretch{S}": 0.35, "MouthSmile{S}": 0.15, "JawOpen": 0.1, "MouthUpperUp{S}": 0.05},
    "O": {"JawOpen": 0.35, "MouthFunnel": 0.5, "MouthPucker": 0.2, "MouthLowerDown{S}": 0.05},
    "U": {"MouthPucker": 0.55, "MouthFunnel": 0.45, "JawOpen": 0.08},
}

#: Held sounds and interjections -> viseme (their spelling says more than any dictionary entry).
#: Keys are squeezed forms (runs of one letter reduced to one: "mmmm" -> "m", "shhh" -> "sh").
SOUND_WORDS: dict[str, str] = {
    "m": "PP", "hm": "PP", "hmph": "PP", "mhm": "PP", "mmhm": "PP", "mhmm": "PP", "um": "PP", "hum": "PP",
    "om": "PP", "mm hm": "PP", "m hm": "PP", "uh uh": "PP", "mm mm": "PP", "m m": "PP", "ahem": "PP", "b": "PP",
    "p": "PP", "mwah": "U", "pf": "PP", "pft": "PP", "pfft": "PP", "phft": "PP",
    "br": "PP",  # "brrrr": a lip trill (a singer warming up, a shiver), the lips together and fluttering
    "sh": "CH", "shush": "CH", "hush": "CH", "ch": "CH",
    "tch": "SS", "tut": "SS", "tut tut": "SS",  # a tongue click (the tip on the teeth ridge), not the rounded CH
    "s": "SS", "ps": "SS", "pst": "SS", "psst": "SS", "ts": "SS", "tsk": "SS", "tsk tsk": "SS", "z": "SS", "hiss": "SS",
    "f": "FF", "v": "FF", "th": "TH",
    "o": "O", "oh": "O", "ow": "O", "oi": "O", "whoa": "O", "wo": "O", "ho": "O",
    "u": "U", "oo": "U", "ooh": "U", "oh la la": "U", "ooh la la": "U", "wo ho": "U", "woo": "U", "woo hoo": "U", "boo": "U",
    "whew": "U", "phew": "U", "ew": "U", "eew": "U", "ptoo": "U", "ptu": "U", "shoo": "U",
    "a": "aa", "ah": "aa", "aah": "aa", "ha": "aa", "hah": "aa", "aw": "aa", "awh": "aa", "uh": "aa", "duh": "aa", "ugh": "aa",
    "ta da": "aa", "aha": "aa", "la": "aa", "blah": "aa", "ya": "aa", "yay": "aa", "hoah": "aa", "hoa": "aa",
    "e": "I", "ee": "I", "eek": "I", "i": "I", "eh": "E", "meh": "E", "hey": "E", "heh": "E",
    "r": "RR", "gr": "RR", "er": "RR", "k": "kk", "kh": "kk", "kh kh": "kk", "hic": "kk", "ack": "kk", "ak": "kk",
    "n": "nn", "l": "nn", "d": "DD", "t": "DD", "g": "kk",
}

#: Letters and digraphs named on their own ("the 'm' in 'mother'", "on the EE").
LETTER_VISEME: dict[str, str] = {
    "m": "PP", "b": "PP", "p": "PP", "f": "FF", "v": "FF", "th": "TH", "w": "U", "wh": "U", "oo": "U", "u": "U",
    "ee": "I", "e": "E", "i": "I", "s": "SS", "z": "SS", "sh": "CH", "ch": "CH", "j": "CH", "l": "nn", "n": "nn",
    "t": "DD", "d": "DD", "r": "RR", "k": "kk", "g": "kk", "c": "kk", "a": "aa", "ah": "aa", "aa": "aa", "o": "O", "oh": "O",
    "mm": "PP",
}

# Letter rules for words the dictionary lacks: longest grapheme first -> ARPAbet (the vowel gets stress 1).
_GRAPHEMES: list[tuple[str, list[str]]] = sorted(
    {
        "tch": ["CH"], "sch": ["SH"], "igh": ["AY1"], "ough": ["AO1"], "eigh": ["EY1"],
        "th": ["TH"], "sh": ["SH"], "ch": ["CH"], "ph": ["F"], "wh": ["W"], "ng": ["NG"], "ck": ["K"], "qu": ["K", "W"],
        "ee": ["IY1"], "ea": ["IY1"], "oo": ["UW1"], "ou": ["AW1"], "ow": ["OW1"], "oa": ["OW1"], "oi": ["OY1"],
        "oy": ["OY1"], "ai": ["EY1"], "ay": ["EY1"], "au": ["AO1"], "aw": ["AO1"], "ew": ["UW1"], "ie": ["IY1"],
        "a": ["AE1"], "e": ["EH1"], "i": ["IH1"], "o": ["AA1"], "u": ["AH1"], "y": ["IY1"],
        "b": ["B"], "c": ["K"], "d": ["D"], "f": ["F"], "g": ["G"], "h": ["HH"], "j": ["JH"], "k": ["K"], "l": ["L"],
        "m": ["M"], "n": ["N"], "p": ["P"], "q": ["K"], "r": ["R"], "s": ["S"], "t": ["T"], "v": ["V"], "w": ["W"],
        "x": ["K", "S"], "z": ["Z"],
    }.items(),
    key=lambda kv: -len(kv[0]),
)

# Quoted text: '...' or "..." (an apostrophe inside a word does not close it), or curly quotes.
_QUOTE_RE = re.compile(
    r"""(?<![A-Za-z0-9])'((?:[^'\n]|'(?=[A-Za-z]))+?)'(?![A-Za-z])|"([^"\n]+)"|\u2018([^\u2019\n]+)\u2019|\u201c([^\u201d\n]+)\u201d"""
)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted passage of ``text``, quote marks included (an apostrophe inside a word does not
    close a quote: "'don't'")."""
    return [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]


_LOUD_RE = re.compile(r"\b(?:shout|shouts|shouted|shouting|yell|yells|yelled|yelling|scream|screams|screamed|screaming|bellow\w*|roar\w*|holler\w*|cries out|calls out|belts?)\b", re.I)
_SOFT_RE = re.compile(r"\b(?:mouth|mouths|mouthed|mouthing|whisper\w*|murmur\w*|breathes?|under (?:her|his|their|my) breath|silently|soundless\w*|mutter\w*)\b", re.I)
_LONG_RE = re.compile(r"\b(?:long|drawn[- ]out|stretched|held|hums?|chants?)\b", re.I)
#: Sound verbs written without quotes -> viseme ("she hums", "he hisses").
_VERB_SOUNDS: dict[str, str] = {
    "hum": "PP", "hums": "PP", "humming": "PP", "hummed": "PP", "hiss": "SS", "hisses": "SS", "hissing": "SS", "hissed": "SS",
    "shush": "CH", "shushes": "CH", "shushing": "CH", "shushed": "CH",
    "boo": "U", "boos": "U", "booed": "U", "booing": "U", "hoot": "U", "hoots": "U", "hooting": "U", "hooted": "U",
}


@dataclass(frozen=True)
class SpeechShape:
    """The mouth shape one keyframe shows for a sound in a description."""

    viseme: str
    text: str  # the quoted sound or word as written
    phoneme: str  # the ARPAbet phoneme (or letter) the shape comes from
    scale: float  # 1.0 normal; > 1 loud or held; < 1 mouthed or whispered
    source: str  # "dictionary", "letter rules", "sound table", "letter", "verb"

    def describe(self) -> str:
        return f"sound '{self.text}' -> {self.phoneme} -> viseme {self.viseme} ({self.source}, x{self.scale:.2f})"


# --------------------------------------------------------------------------- pronunciation


@lru_cache(maxsize=1)
def _dictionary_text() -> str | None:
    """The shipped CMU Pronouncing Dictionary, lower-cased, behind a newline (for line searches)."""
    text = dictionary_text()
    return None if text is None else "\n" + text.lower()


def dictionary_available() -> bool:
    """True when the CMU Pronouncing Dictionary shipped in the package can be read."""
    return _dictionary_text() is not None


def _letter_rules(word: str) -> list[str]:
    out: list[str] = []
    i, w = 0, word.lower()
    while i < len(w):
        for g, ph in _GRAPHEMES:
            if w.startswith(g, i):
                if g == "e" and i == len(w) - 1 and out:  # silent final e
                    ph = []
                out.extend(ph)
                i += len(g)
                break
        else:
            i += 1
    if out and not any(p[-1].isdigit() for p in out):
        out.append("AH1")
    return out


@lru_cache(maxsize=2048)
def pronounce(word: str) -> tuple[tuple[str, ...], str]:
    """ARPAbet phonemes of ``word`` (with stress digits) and where they came from."""
    w = word.lower().strip("'-")
    text = _dictionary_text()
    if text is not None and w:
        at = text.find(f"\n{w} ")
        if at >= 0:
            end = text.find("\n", at + 1)
            return tuple(text[at + len(w) + 2 : end].upper().split()), "dictionary"
    return tuple(_letter_rules(w)), "letter rules"


def _squeeze(s: str) -> str:
    return re.sub(r"([a-z])\1+", r"\1", s)


def word_viseme(word: str) -> tuple[str, str, str] | None:
    """(viseme, phoneme, source) of the most characteristic shape of one word, or None."""
    w = re.sub(r"[^a-z' ]", " ", word.lower()).strip()
    w = re.sub(r"\s+", " ", w)
    if not w:
        return None
    sq = _squeeze(w)
    for key in (w, sq, sq.replace(" ", "")):
        if key in SOUND_WORDS:
            return SOUND_WORDS[key], key, "sound table"
    if re.fullmatch(r"[a-z]{1,2}", w) and w in LETTER_VISEME:
        return LETTER_VISEME[w], w, "letter"
    phones, source = pronounce(w.replace(" ", ""))
    if not phones:
        return None
    bare = [p.rstrip("012") for p in phones]
    stressed = next((k for k, p in enumerate(phones) if p.endswith("1")), None)
    if stressed is None:
        stressed = next((k for k, p in enumerate(bare) if p in _VOWELS), 0)
    vowel = bare[stressed]
    # 1. a rounded onset or a rounded stressed vowel: the most visible shape
    if bare[0] == "W" or (len(bare) > 1 and bare[0] in ("HH", "K", "S") and bare[1] == "W"):
        return "U", "W", source
    if PHONEME_VISEME.get(vowel) in ("O", "U"):
        return PHONEME_VISEME[vowel], vowel, source
    # 2. a word without a vowel is a held consonant ("mm", "shh", "pst" spelled as words)
    if not any(p in _VOWELS for p in bare):
        first = next((p for p in bare if PHONEME_VISEME.get(p, "sil") != "sil"), bare[0])
        return PHONEME_VISEME.get(first, "sil"), first, source
    return PHONEME_VISEME.get(vowel, "aa"), vowel, source


def _stressed(word: str) -> str:
    phones, _ = pronounce(word)
    return next((p.rstrip("012") for p in phones if p.endswith("1")), "")


#: Interjections (squeezed spelling) -> the feeling they voice, in words the planner reads. The mouth shape
#: comes from the sound; these words colour the rest of the face ("an 'ew' face": disgust). A quoted 'no' voices no
#: feeling of its own (a refusal, an answer, a cry: the words around it say which).
INTERJECTIONS: dict[str, str] = {
    "ew": "disgust", "eew": "disgust", "ugh": "disgust", "yuck": "disgust", "blech": "disgust", "gross": "disgust",
    "yay": "excited", "wo": "excited", "wo ho": "excited", "woo": "excited", "woo ho": "excited", "yes": "excited", "yess": "excited",
    "wow": "amazed", "whoa": "amazed", "oh": "surprised", "o": "surprised", "ooh": "impressed surprise", "ah": "surprised",
    "aha": "excited", "ta da": "happy", "ha": "laugh", "haha": "laugh", "hah": "surprised",
    "aw": "tender", "aww": "tender", "awh": "tender", "oh no": "worried", "uh oh": "worried", "oops": "embarrassed",
    "yikes": "afraid", "eek": "afraid", "phew": "relieved", "whew": "relieved",
    "pf": "disdain , slightly puffed cheeks", "pft": "disdain , slightly puffed cheeks", "pfft": "disdain , slightly puffed cheeks", "tsk": "disapproving", "tsk tsk": "disapproving", "tch": "disapproving", "tut": "disapproving", "tut tut": "disapproving", "hmph": "disdain",
    "hm": "thoughtful", "um": "hesitant", "uh": "hesitant", "er": "hesitant", "meh": "indifferent", "duh": "unimpressed",
    "huh": "confused", "what": "shocked", "please": "pleading", "sorry": "sorry",
    "boo": "angry", "gr": "angry", "shh": "slightly stern", "sh": "slightly stern", "shush": "slightly stern", "ow": "pain", "ouch": "pain", "oof": "pain",
}


#: A quote that names a sound inside a word ("on the 'ow'", "for the 'oo'", "lips rounding on its 'o'")
_SOUND_OF_WORD_RE = re.compile(r"\b(?:on|for|of|at|into|through|in)\s+(?:the|its|an?|that|this|each|every)\s*$", re.I)


def interjection_words(text: str) -> str:
    """Feeling words for the interjections quoted in ``text`` ("An 'ew' face" -> "disgust"), or ""."""
    out = []
    for m in _QUOTE_RE.finditer(text):
        if _is_cue(text, m):
            continue  # "she jumps at 'boo!'", "blinks at 'ew'": a word heard, whose feeling is the speaker's
        if _SOUND_OF_WORD_RE.search(text, 0, m.start()):
            continue  # "jaw dropped on the 'ow'": a sound inside a word said, not an interjection of its own
        q = next(g for g in m.groups() if g is not None)
        key = _squeeze(re.sub(r"\s+", " ", re.sub(r"[^a-z ]", " ", q.lower())).strip())
        first = key.split(" ")[0] if key else ""
        # the first word alone speaks for a short quote ("oh wow"), not for a sentence said ("oh, what a shame")
        raw = re.sub(r"\s+", " ", re.sub(r"[^a-z ]", " ", q.lower())).strip()  # "oops" squeezes to "ops"
        word = INTERJECTIONS.get(key) or INTERJECTIONS.get(key.replace(" ", "")) or INTERJECTIONS.get(raw) or (
            INTERJECTIONS.get(first) if len(set(key.split())) <= 2 else None)  # 'ha ha ha' is one sound repeated
        if word and word not in out:
            out.append(word)
    return " , ".join(out)


def strip_quotes(text: str) -> str:
    """``text`` with quoted passages replaced by a clause break (so their words are not read as
    directions: "'Stop.'" is a word said, not a negation)."""
    def passage(m: re.Match) -> str:
        inner = next(g for g in m.groups() if g is not None)
        if len(inner.split()) >= 3 and _LOOK_AFTER_RE.match(text, m.end()) and not interjection_words(m.group(0)):
            # "her 'not angry, just disappointed' look": a look named by a phrase that describes the face (a single
            # sound, "her 'bleh' face", stays a sound)
            return " , " + inner + " "
        return " , "

    return _QUOTE_RE.sub(passage, text)


_NAMED_LETTER_RE = re.compile(r"\b(?i:the|on|its|his|her)\s+(?i:final\s+|first\s+|last\s+|initial\s+|opening\s+)?([A-Z]{1,2})\b(?!')")


#: (not the s of a possessive, "the captain's mouth falls open", nor "I mouth the words")
_SHAPE_RE = re.compile(r"(?<!['\u2019])\b(?:(ee|oo|oh|ah|aa|o|m|mm|f|v|th|w|u|e|i|sh|s)[\s-]+(?:shape|sound|position)"
                       r"|(ee|oo|oh|ah|aa|o|m|mm|f|v|th|w|u|e|sh|s)[\s-]+mouth)\b", re.I)
#: A viseme named in an animator's note ("FF/V viseme", "viseme F", "AA viseme", "the SH viseme"): its shape.
#: The name is one of the set's own (PP, FF, TH, DD, kk, CH, SS, nn, RR, aa, E, I, O, U, any case), a letter
#: or digraph of :data:`LETTER_VISEME`, or the first of two written with a slash ("FF/V", "SH/CH").
_VISEME_NAMED_RE = re.compile(
    r"\bvisemes?\s*[:\-]?\s*['\"]?([A-Za-z]{1,3})(?:/[A-Za-z]{1,3})?\b(?!['\w])"
    r"|(?<![\w'])['\"]?([A-Za-z]{1,3})(?:/[A-Za-z]{1,3})?['\"]?[\s-]+visemes?\b", re.I)
_VISEME_BY_NAME = {v.lower(): v for v in VISEMES if v != "sil"} | {"fv": "FF", "ff": "FF"}


#: A vowel's shape named without quotes in a note: "on the EE", "bigger on the O", "rounder OH", "AH vowel", "ee frame"
_VOWEL_NAMED_RE = re.compile(
    r"(?:\b(?i:on\s+(?:the\s+)?(?:long\s+|short\s+|final\s+|last\s+)?)"
    r"|\b(?P<more>(?i:bigger|rounder|wider|larger|more|smaller|less|tighter))\s+(?i:on\s+the\s+)?)(?P<v>EE|OO|OH|AH|AA|O)\b(?!['\w])"
    r"|\b(?P<v2>(?i:ee|oo|oh|ah|aa))\s+(?i:vowel|frame|pose)\b")


def _named_vowel(text: str) -> SpeechShape | None:
    m = _VOWEL_NAMED_RE.search(text)
    if not m:
        return None
    name = (m.group("v") or m.group("v2")).lower()
    vis = LETTER_VISEME.get(name) or SOUND_WORDS.get(name)
    if not vis:
        return None
    more = (m.group("more") or "").lower()
    scale = 0.75 if more in ("smaller", "less", "tighter") else 1.35 if more else 1.0
    return SpeechShape(vis, m.group(0).strip(), name.upper(), scale, "letter")


def _named_viseme(text: str) -> SpeechShape | None:
    for m in _VISEME_NAMED_RE.finditer(text):
        name = (m.group(1) or m.group(2)).lower()
        vis = _VISEME_BY_NAME.get(name) or LETTER_VISEME.get(name)
        if vis:
            return SpeechShape(vis, m.group(0).strip(), name.upper(), 1.0, "viseme")
    return None


_SAID_RE = re.compile(r"\b(?:mouths|mouthing|mouthed|says|saying|whispers|whispering|said)\s*:\s*([A-Za-z][A-Za-z' -]{0,30})", re.I)


#: "(mouthing sorry)", "he mouths NO without a sound": a word mouthed without quotes (written in capitals,
#: or ending the phrase)
_MOUTHED_RE = re.compile(r"\b(?:mouths|mouthing|mouthed)\s+([A-Za-z]+(?:'[a-z]+)?)(?=\s*(?:[).,;!?\]\u2014-]|$))|"
                         r"\b(?:mouths|mouthing|mouthed)\s+([A-Z]{2,})\b")
_NOT_MOUTHED = frozenset({"the", "a", "an", "her", "his", "their", "my", "your", "something", "words", "word", "it", "off",
                          "silently", "back", "to", "at", "along", "open", "closed", "wordlessly", "them", "him", "this", "that"})


_LOOK_AFTER_RE = re.compile(r"[\s,.!?]*(?:face|look|expression|vibe|energy|moment)\b", re.I)


#: Words that say a quote is voiced: speech, a sound made, a word shaped by the lips.
_VOICING_RE = re.compile(
    r"\b(?:say|says|said|saying|ask|asks|asked|asking|mouths|mouthed|mouthing|whisper\w*|mutter\w*|murmur\w*|mumbl\w*|"
    r"go|goes|went|going|shout\w*|yell\w*|scream\w*|call\w*|cr(?:y|ies|ied)|repl(?:y|ies|ied)|answer\w*|speak\w*|spoke|"
    r"exclaim\w*|hiss\w*|gasp\w*|blurt\w*|sing|sings|sang|hum|hums|hummed|humming|chant\w*|pronounc\w*|sound\w*|"
    r"voice\w*|utter\w*|breath\w*|sigh\w*|groan\w*|moan\w*|grunt\w*|squeal\w*|shriek\w*|giggl\w*|laugh\w*|whistl\w*|"
    r"lip[- ]?sync\w*|word|words|tells?|told|talk\w*|greet\w*|begs?|begged|pleads?|pleaded|snaps?|snapped|"
    r"bark\w*|growl\w*|roar\w*|howl\w*|wail\w*|sob\w*|whimper\w*|cheer\w*)\b",
    re.I,
)
_CAPTION_RE = re.compile(r"(?:[:\u2014\u2013]|\s-{1,2})\s*$")


#: "a smile that says 'not now'", "a look which screamed 'help'", "her eyes say 'help me'": what the face says, never voiced
_SAYS_THE_LOOK_RE = re.compile(
    r"(?:\b(?:that|which)|\b(?:eyes?|face|look|expression|smile|grin|glare|glance|stare|gaze|eyebrows?|brows?)(?:\s+(?:all|just|clearly|plainly))?)"
    r"\s+(?:says|said|say|saying|screams?|screamed|screaming|shouts?|shouted|yells?|yelled|reads?|spells?|spelled|spelt)\s*:?\s*$", re.I)


def _last_quote(text: str) -> re.Match | None:
    """The description's last quoted passage, or None."""
    last = None
    for last in _QUOTE_RE.finditer(text):
        pass
    return last


def says_the_look(text: str) -> bool:
    """The description's last quote is what the face says ("a tight smile that says 'not now'"): a
    meaning, not a sound, whatever the words say of the mouth."""
    last = _last_quote(text)
    return last is not None and bool(_SAYS_THE_LOOK_RE.search(text[: last.start()]))


def captions_the_look(text: str) -> bool:
    """The description ends on a quote that captions the look rather than voicing it: a colon or a
    dash before it, nothing after it, and no word that says it is spoken ("brows up, lips pursed:
    'really?'" -- the look says it; "she mouths: 'really?'" is said). Annotators keep the mouth the
    words describe there (a pressed mouth: "...: 'wow, impressive.'")."""
    last = _last_quote(text)
    if last is None or text[last.end():].strip(" .!?,;") or not _CAPTION_RE.search(text[: last.start()]):
        return False
    return not _VOICING_RE.search(_QUOTE_RE.sub(" ", text))


#: what before a quote makes it a cue the face reacts to, heard or read, not a sound it makes: "blinks twice at 'pass'",
#: "hatchet-faced at the word 'overtime'", "listening to 'my kid is a genius'", "hearing 'we need to talk'"
_CUE_BEFORE_RE = re.compile(
    r"(?:\bat|\b(?:listen(?:s|ed|ing)?|react(?:s|ed|ing)?)\s+to|\b(?:over)?hear(?:s|d|ing)?)"
    r"\s+(?:the\s+(?:word|words|name|line|phrase|mention\s+of)\s+)?$", re.I)
#: ... unless the clause before the cue says the quote is voiced ("mouths along at 'amen'", "her voice breaks at
#: 'goodbye'", "belts at 'FREE'", "chimes in at 'hallelujah'"; a reaction, "laughs at 'knock knock'", is no voicing), or
#: it comes from the character ("we hear 'mmhm' from her")
_VOICED_AT_RE = re.compile(r"\b(?:says?|said|saying|mouth(?:s|ed|ing)|sings?|sang|singing|chant\w*|voice|belt\w*|chim\w*\s+in"
                           r"|joins?\s+in|along|repeat\w*|stumbl\w*|falter\w*)\b", re.I)
_FROM_THEM_RE = re.compile(r"\s*,?\s*from\s+(?:her|him|them|me|us)\b", re.I)


def _is_cue(text: str, m: re.Match) -> bool:
    """The quote ``m`` of ``text`` is a cue the face reacts to (see :data:`_CUE_BEFORE_RE`)."""
    cue = _CUE_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
    if cue is None:
        return False
    clause = re.split(r"[.;:!?,\u2014\u2013]", text[max(0, cue.start() - 200) : cue.start()])[-1]
    return not (_VOICED_AT_RE.search(clause) or _FROM_THEM_RE.match(text, m.end()))


#: A group's reaction that is not the face's: "everyone laughs except him", "the room chuckles and his face stays stony",
#: "the crowd boos; she smiles", "the whole class is giggling, but the teacher frowns". The others' laughter or booing is
#: heard, not worn, where the group opens a clause and the sentence goes on to someone of its own or sets something
#: against it ("everyone grinning, eyes crinkling" is the group the face belongs to, and keeps its grin; so does
#: "everyone laughs, her too"; "she video-calls the kids smiling broadly" smiles herself).
OTHERS_REACT_RE = re.compile(
    r"(?:^|(?<=[,;:.!?(\u2014\u2013])|\b(?:and|but|while|as|when|then|until|because|so)\s)\s*"
    r"(?:everyone|everybody|the\s+(?:whole\s+|entire\s+|rest\s+of\s+the\s+)?(?:room|crowd|audience|class|table|others"
    r"|kids|children|jury|guests|students|fans)|all\s+the\s+others)(?:['\u2019]s\s+|\s+(?:(?:is|are|was|were)\s+)?)(?:all\s+)?"
    r"(?:laugh|chuckl|giggl|cheer|snicker|titter|howl|applaud|roar|boo|jeer|gasp|cr(?:y|ies|ied)\b|sob|grin|smil)\w*"
    r"(?:\s+with\s+laughter)?"
    # ... where the rest of the sentence turns to someone (or sets something against them) ...
    r"(?=[^.!?\n]{0,240}?\b(?:he|she|his|her|him|but|except|while|whereas)\b)"
    # ... who does not join in: "everyone laughs, her too", "including him", "and so does she", "with them"
    r"(?![^.!?\n]{0,240}?\b(?:too|including|included|even|as\s+well|so\s+(?:does|do|did|is|was)|join\w*|along"
    r"|with\s+(?:her|him|them)|most\s+of\s+all|loudest|hardest)\b)", re.I)


def find_speech(text: str) -> SpeechShape | None:
    """The sound a description names (quoted words or letters, a viseme named, or a sound verb), or None."""
    named_viseme = _named_viseme(text) if "visem" in text.lower() else None
    if named_viseme is not None:
        return named_viseme
    read = [(m, _is_cue(text, m)) for m in _QUOTE_RE.finditer(text)]
    cues = [m for m, cue in read if cue]
    matches = [m for m, cue in read if not cue]
    quotes = [next(g for g in m.groups() if g is not None) for m in matches
              if not (_LOOK_AFTER_RE.match(text, m.end()) and not interjection_words(m.group(0)))]
    # "his 'bruh' face": a look named, not a word said (a known interjection, "an 'ew' face", is still voiced); where
    # every quote is a cue ("hearing 'Jingle Bells', she hums along"), the words around them may still name a sound
    if not quotes and matches:
        return None
    if cues:  # ... but never the cue's own words ("she jumps at 'boo!'" makes no 'oo')
        pieces, last = [], 0
        for m in cues:
            pieces += [text[last : m.start()], " , "]
            last = m.end()
        text = "".join(pieces) + text[last:]
    if not quotes:
        said = _SAID_RE.search(text)  # "(mouthing: sorry)"
        if said:
            quotes = [said.group(1).strip()]
        else:
            mouthed = _MOUTHED_RE.search(text)
            word = (mouthed.group(1) or mouthed.group(2)) if mouthed else ""
            if word and word.lower() not in _NOT_MOUTHED:
                quotes = [word]
    shape = _SHAPE_RE.search(text)  # "an EE shape", "lips in an O shape"
    if shape and not quotes:
        key = (shape.group(1) or shape.group(2)).lower()
        vis = LETTER_VISEME.get(key) or SOUND_WORDS.get(key)
        if vis:
            return SpeechShape(vis, shape.group(0), key.upper(), 1.0, "letter")
    vowel = _named_vowel(text) if not quotes else None
    if vowel is not None:
        return vowel
    loud = bool(_LOUD_RE.search(text))
    soft = bool(_SOFT_RE.search(text)) and not loud
    named = _NAMED_LETTER_RE.search(text)
    if named and named.group(1).lower() in LETTER_VISEME and quotes:
        letter = named.group(1).lower()
        return SpeechShape(LETTER_VISEME[letter], named.group(1), letter.upper(), 1.0, "letter")
    best: SpeechShape | None = None
    for q in quotes:
        words = re.findall(r"[A-Za-z]+(?:'[a-z]+)?", q)
        if not words:
            continue
        scale = 1.0
        if loud or (q.isupper() and len(q) > 1 and not soft) or "!" in q:  # "mouths NO": capitals name the word
            scale = 1.35
        elif soft:
            scale = 0.85
        if re.search(r"([A-Za-z])\1\1", q) or _LONG_RE.search(text):
            scale = min(1.4, scale * 1.1)
        letter = q.strip(" .,!?-\u2014").lower()
        if letter in LETTER_VISEME and len(letter) <= 2 and not (letter in SOUND_WORDS and len(quotes) == 1):
            # a letter named on its own wins over the word around it
            return SpeechShape(LETTER_VISEME[letter], q, letter.upper(), scale, "letter")
        if best is not None:
            continue
        joined = " ".join(w.lower() for w in words)
        hit = word_viseme(joined) if _squeeze(joined) in SOUND_WORDS or joined in SOUND_WORDS else None
        if hit is None:
            distinct = list(dict.fromkeys(w.lower() for w in words))[:2]
            hits = [h for h in (word_viseme(w) for w in distinct) if h is not None]
            if scale > 1.2:  # shouted: an open vowel ('WHAT!') shows, not the rounded onset; before a
                # closer vowel ('wait!') the lips still push forward on the W
                hits = [(PHONEME_VISEME[_stressed(w)], _stressed(w), h[2])
                        if h[1] == "W" and PHONEME_VISEME.get(_stressed(w)) == "aa" else h
                        for w, h in zip(distinct, hits)]
            if scale > 1.2 and len(hits) > 1:  # a shouted phrase ('GET OUT!'): the open vowels carry it, not a rounded one
                stressed = {w.lower() for w in words if w.isupper() and len(w) > 1}
                if stressed and len(stressed) < len({w.lower() for w in words}):  # 'do it NOW': the word in capitals
                    loud_hits = [h for h in (word_viseme(w) for w in sorted(stressed)) if h is not None]
                    hits = loud_hits or hits
                hits = sorted(hits, key=lambda h: h[0] in ("O", "U") and not stressed)
                hit = next((h for h in hits if h[2] == "sound table"), None) or hits[0]
            else:
                hit = None
            hit = hit or next((h for h in hits if h[2] == "sound table"), None) or next(
                (h for h in hits if h[0] in ("O", "U")), hits[0] if hits else None)
        if hit is not None:
            best = SpeechShape(hit[0], q, hit[1], scale, hit[2])
    if best is None and not quotes:
        for word in re.findall(r"[a-z]+", OTHERS_REACT_RE.sub(" , ", text).lower()):
            if word in _VERB_SOUNDS:
                return SpeechShape(_VERB_SOUNDS[word], word, word, 1.0, "verb")
    return best


# --------------------------------------------------------------------------- values


def _expand(targets: dict[str, float]) -> dict[int, float]:
    out: dict[int, float] = {}
    for key, value in targets.items():
        names = [key.replace("{S}", "Left"), key.replace("{S}", "Right")] if "{S}" in key else [key]
        for name in names:
            out[ch.channel_index(name)] = float(value)
    return out


_SHAPE_VECTORS: dict[str, np.ndarray] = {}
for _v, _targets in VISEME_SHAPES.items():
    _vec = np.zeros(ch.NUM_CHANNELS)
    for _i, _x in _expand(_targets).items():
        _vec[_i] = _x
    _SHAPE_VECTORS[_v] = _vec

_I = ch.channel_index
_SMILE = [_I("MouthSmileLeft"), _I("MouthSmileRight")]
_STRETCH = [_I("MouthStretchLeft"), _I("MouthStretchRight")]
_OPENERS = [_I("JawOpen"), _I("MouthLowerDownLeft"), _I("MouthLowerDownRight"), _I("MouthUpperUpLeft"), _I("MouthUpperUpRight")]
_CLOSERS = [_I("MouthPressLeft"), _I("MouthPressRight"), _I("MouthClose"), _I("MouthRollLower"), _I("MouthRollUpper")]
_ROUND = [_I("MouthPucker"), _I("MouthFunnel")]


def shape_values(shape: SpeechShape) -> np.ndarray:
    """The 61 values of the shape alone (clamped)."""
    return ch.clamp(_SHAPE_VECTORS[shape.viseme] * shape.scale)


def blend(values: np.ndarray, shape: SpeechShape) -> np.ndarray:
    """Lay the sound's mouth shape over an expression (returns a new array).

    Brows, eyes, cheeks, nose and pose keep the expression. Mouth channels take the larger of the two,
    then what the sound cannot coexist with is reduced: a lip closure (PP, FF) keeps the jaw nearly
    shut and the lips together; rounded sounds (O, U, CH, RR) halve a smile and a stretch; spread
    sounds (I, E, SS) halve a pucker or funnel; open vowels release pressed lips.
    """
    out = np.array(values, dtype=np.float64, copy=True)
    s = shape_values(shape)
    mouth = np.abs(s) > 0
    out[mouth] = np.maximum(out[mouth], s[mouth])
    v = shape.viseme
    if v in ("PP", "FF", "SS"):
        limit = s[_I("JawOpen")] + 0.05
        for i in _OPENERS:
            if s[i] == 0 or i == _I("JawOpen"):
                out[i] = min(out[i], limit if i == _I("JawOpen") else max(s[i], 0.1))
        if v != "SS":
            out[_ROUND] = np.minimum(out[_ROUND], 0.15)
    if v in ("O", "U", "CH", "RR"):
        out[_SMILE] *= 0.5
        out[_STRETCH] = np.minimum(out[_STRETCH], 0.15)
        out[[_I("MouthPressLeft"), _I("MouthPressRight")]] *= 0.3
    if v in ("I", "E", "SS"):
        out[_ROUND] = np.minimum(out[_ROUND], 0.1)
    if v in ("aa", "E", "O", "kk"):
        out[_CLOSERS] = np.minimum(out[_CLOSERS], 0.1)
    out[_I("MouthClose")] = min(out[_I("MouthClose")], out[_I("JawOpen")])
    return ch.clamp(out)
