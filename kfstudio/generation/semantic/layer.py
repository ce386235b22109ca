"""The learned semantic layer and how it is combined with the planner's reading.

What the planner reads with confidence (explicit movements, sides, negation, intensity words, head
and gaze: the regions in ``Plan.understood``) stays exactly as the planner set it, with its
explanation. The regions it did not read are filled by the learned head from the sentence vector of
the description (and of the script's background and emotion). When neither reads anything in a
description that asks for movement, the closest annotated training description is proposed and the
explanation says so. Words that keep a region or a side still ("head locked", "only the left eye",
"nothing else moves") are never overridden by the learned values.
"""

from __future__ import annotations

import copy
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from kfstudio import channels as ch
from kfstudio.generation.planner.planner import said_flatly, still_halves  # the planner's readings of "top half off", "flatly"
from kfstudio.generation.planner.text import FACE_MASK_PATTERN

from .encoder import readable
from .gate import _NEGATION, CHOICES, Gate, region_features
from .model import REGIONS, SemanticModel, channel_stem_mask, settings_problem

__all__ = ["SemanticLayer", "Reading", "REGION_MASKS", "combine", "gate_inputs", "stillness", "apply_presence", "DEFAULT_COMBINE"]


def _region_of(c: ch.Channel) -> str:
    """The face region of a channel (the planner's regions: brows, eyes, gaze, head, cheeks, nose, mouth)."""
    n = c.name
    if n.startswith("Brow"):
        return "brows"
    if n.startswith(("EyeBlink", "EyeSquint", "EyeWide")):
        return "eyes"
    if n.startswith("EyeLook") or c.group == "eye pose":
        return "gaze"
    if c.group == "head pose":
        return "head"
    if n.startswith("Cheek"):
        return "cheeks"
    if n.startswith("Nose"):
        return "nose"
    return "mouth"


REGION_MASKS: dict[str, np.ndarray] = {
    r: np.array([_region_of(c) == r for c in ch.CHANNELS]) for r in REGIONS
}
_IDX = {name: i for i, name in enumerate(ch.NAMES)}

#: Combination settings (tuned on the dev split; the shipped model card may override them).
DEFAULT_COMBINE = {
    "gain": 1.0,  # learned values are multiplied by this
    "floor": 0.03,  # learned values below this (in magnitude) are dropped as noise
    "mode": "replace",  # regions the planner did not read: "replace" its colouring, or keep the "max"
    "fill": 0.0,  # > 0: inside regions the planner read, learned values above this add channels it left at 0
    # (never a channel whose other side the planner set, nor one that the description's negated words drive:
    # the planner's values themselves are never changed)
    "closest_min": 0.05,  # a face whose largest value is below this counts as empty
    "intensity": 0.25,  # |log factor| above which an overall intensity phrase scales the planner's regions
    "read_all": 1.0,  # weight of the learned values when the planner read every word of a description
    "vague": 1.0,  # ... when it read no movement but coloured the face from the script's emotion/background
    "confident": 0.45,  # below this similarity to the closest corpus line, a reading the planner did not share is a guess
    "stillness": 1.0,  # 0: the words that keep a region or a side still ("head locked", "left only") are not read
    # a head with presence networks: a learned value whose channel moves with a probability below this is
    # read as 0 (0: off, but for the per-region and per-channel thresholds below, which apply on their own);
    # "presence_regions" may set another threshold per region ({"mouth": 0.4, ...})
    "presence": 0.1,
    "presence_regions": {},
    # ... and per channel: a channel's name, or the stem of a left/right pair ("MouthSmile"), to a threshold that
    # replaces the overall and the region's one where it is higher (it applies with "presence" 0 too). Off here, so
    # that a card written before it reads as it did; `kfstudio train` writes TRAINED_PRESENCE_CHANNELS into the cards
    # it makes, and the shipped card has them
    "presence_channels": {},
    # ... and with magnitude networks: in the regions the planner did not read, a channel that moves with a
    # probability of at least "raise_from" is raised this share of the way to its value when it moves (0: off)
    # (a blind A/B on 150 fresh lines preferred no raise at all to raising from 0.1: bold stray channels,
    # brows up and down at once; raising from 0.3, the gaze and head left as read and the less likely of two
    # antagonists dropped was preferred to no raise, 26 lines to 13, and keeps most of what raising gains on dev)
    "raise": 1.0,
    "raise_from": 0.3,
    "raise_pose": False,  # False: the head and the gaze are not raised
    # > 0: of two antagonists that both move after that, the one whose presence is below this share of the
    # other's goes (brows up and down, eyes wide and squinting at once)
    "antagonist_presence": 0.7,
    # where the gate gives a region the planner read to the learned values (or the larger of the two), a smile the
    # planner did not read is taken only from this size on (0: any): a fainter one is the head's blend of a face that
    # smiles and one that does not, and a smile held low is the annotations' most common limit ("'Ugh,' she groans":
    # smile <= 0.1). Stop 44, on dev with the shipped head: 0.2 met 211 more expectations and 23 fewer (7 of them high
    # priority) than 0; 0.25, and 0.2 on the jaw too, met about as many more but lost more high-priority ones (10, 9);
    # 0.2 on every channel lost 32
    "gate_smile_floor": 0.2,
}

#: The per-channel presence thresholds of the cards `kfstudio train` writes (see DEFAULT_COMBINE): a smile and a brow
#: lowering are the learned layer's most common stray movements, held at rest by the annotations where the head, out
#: of sample, half believes in one. Stop 54, on dev with a head fit on train alone (the model card's "combine_tuning")
TRAINED_PRESENCE_CHANNELS = {"MouthSmile": 0.4, "BrowDown": 0.45}

_POSE_OR_GAZE = REGION_MASKS["head"] | REGION_MASKS["gaze"]
_REST_TEMPLATE = re.compile(r"\(calm\) ->")  # a planner explanation line for the face-at-rest template
_INTENSITY_READ = re.compile(r"^'[^']+' x\d")  # a planner explanation line for an intensity word


@dataclass
class Reading:
    """What the learned layer made of one description."""

    values: np.ndarray  # (61,) learned values (before the combination)
    confidence: float  # cosine similarity to the nearest training description (0..1)
    nearest_text: str
    nearest_values: np.ndarray
    intensity: float = 0.0  # log of the overall intensity factor the description states (0 = plain)
    spread: np.ndarray | None = None  # (61,) standard deviation between the head's networks
    description: str = ""  # what was read, in its context (the gate's features)
    background: str = ""
    emotion: str = ""
    presence: np.ndarray | None = None  # (61,) probability that each channel moves (a head with presence networks)


def presence_thresholds(settings: dict) -> np.ndarray:
    """(61,) the presence threshold of each channel (its region's, else the overall one; raised to the channel's own,
    ``settings["presence_channels"]``, where that is higher; see :func:`~.model.settings_problem`)."""
    thr = np.full(ch.NUM_CHANNELS, float(settings.get("presence") or 0.0))
    for r, t in (settings.get("presence_regions") or {}).items():
        thr[REGION_MASKS[r]] = float(t)
    for name, t in (settings.get("presence_channels") or {}).items():
        mask = channel_stem_mask(name)
        thr[mask] = np.maximum(thr[mask], float(t))
    return thr


def apply_presence(values: np.ndarray, presence: np.ndarray | None, settings: dict, magnitude: np.ndarray | None = None,
                   open_: np.ndarray | None = None) -> np.ndarray:
    """``values`` (n, 61) with the channels that the presence networks say do not move set to 0, and,
    given the ``magnitude`` networks' values (n, 61), those that probably move raised towards their
    value when they move (``settings["raise"]``, a share of the way; never past it nor to the other
    sign), where ``open_`` (n, 61) is True: the regions the planner did not read. Squared error alone
    averages "this channel moves" and "it stays at rest" into small values everywhere (mush where an
    annotator keeps 0, a key channel too weak); the two outputs answer "does it move" and "how much"."""
    if presence is None:
        return values
    out = values
    beta = float(settings.get("raise") or 0.0)
    if magnitude is not None and beta > 0:
        up = ((presence >= float(settings.get("raise_from") or 0.0)) & (np.abs(magnitude) > np.abs(values))
              & (np.sign(magnitude) * np.sign(values) >= 0))
        if open_ is not None:
            up &= open_
        if not settings.get("raise_pose", True):  # a turn or a glance the words do not ask is not made bolder
            up &= ~_POSE_OR_GAZE
        out = np.where(up, values + beta * (magnitude - values), values)
    thr = presence_thresholds(settings)
    if thr.any():
        out = np.where(presence < thr, 0.0, out)
    share = float(settings.get("antagonist_presence") or 0.0)
    if share > 0:  # of two movements that work against each other, the less likely one goes (brows up and down)
        out = np.array(out, dtype=np.float64, copy=True)
        a, b = ANTAGONISTS[:, 0], ANTAGONISTS[:, 1]
        both = (np.abs(out[:, a]) > 0) & (np.abs(out[:, b]) > 0)
        # zeroed through the pairs' indices (a channel in two pairs, like EyeWide, is dropped by either)
        for drop, cols in ((both & (presence[:, a] < share * presence[:, b]), a),
                           (both & (presence[:, b] < share * presence[:, a]), b)):
            rows, k = np.nonzero(drop)
            out[rows, cols[k]] = 0.0
    return out


@dataclass
class Combined:
    values: np.ndarray
    explanation: list[str] = field(default_factory=list)
    info: dict = field(default_factory=dict)


def _shown(values: np.ndarray, mask: np.ndarray, limit: int = 6) -> str:
    idx = [i for i in np.argsort(-np.abs(values)) if mask[i] and abs(values[i]) >= 0.005][:limit]
    return ", ".join(f"{ch.NAMES[i]} {values[i]:.2f}" for i in idx) or "rest"


def _antagonist_pairs() -> np.ndarray:
    pairs = [("JawOpen", "CheekPuff"), ("MouthFunnel", "MouthPressLeft"), ("MouthFunnel", "MouthPressRight"),
             ("TongueOut", "MouthPressLeft"), ("TongueOut", "MouthPressRight")]
    for s in ("Left", "Right"):
        pairs += [(f"EyeWide{s}", f"EyeSquint{s}"), (f"EyeWide{s}", f"EyeBlink{s}"), (f"BrowDown{s}", f"BrowOuterUp{s}"), (f"MouthSmile{s}", f"MouthFrown{s}"),
                  (f"MouthPress{s}", "JawOpen"), (f"MouthPress{s}", f"MouthLowerDown{s}"), ("MouthPucker", f"MouthStretch{s}")]
    return np.array([(_IDX[a], _IDX[b]) for a, b in pairs])


#: Movements that work against each other (on one side of the face): the upper lid raiser and the lid
#: tightener or the lid closing, the brow lowerer and the outer brow raiser, the lip corner puller and depressor, lips
#: pressed and lips parted (jaw dropped, lower lip down, tongue out, lips funnelled), a pucker and a
#: stretch, puffed cheeks and an open jaw.
ANTAGONISTS = _antagonist_pairs()
ANTAGONIST_RATIO = 0.5  # of two learned antagonists, the one at or below this share of the other is dropped
#: a learned value this much lower than in the reading without the description's negations is driven
#: by a negated word, and dropped
NEGATED_DRIVE = 0.1


def _kept_mask(plan) -> np.ndarray:
    """The channels of the regions the planner read (``Plan.understood``), which keep its values."""
    kept = np.zeros(ch.NUM_CHANNELS, dtype=bool)
    for r in set(getattr(plan, "understood", ())) & set(REGIONS):
        kept |= REGION_MASKS[r]
    return kept


def _without_held(learned: np.ndarray, plan) -> np.ndarray:
    """``learned`` with the channels the description holds at rest (``Plan.held``) at 0, in place."""
    held = getattr(plan, "held", None)
    if held is not None:
        learned[held] = 0.0
    return learned


def settle_antagonists(learned: np.ndarray, planned: np.ndarray | None = None, kept: np.ndarray | None = None) -> np.ndarray:
    """The learned values without the weaker of two antagonists (at most :data:`ANTAGONIST_RATIO` of
    the other: the head's blend of two readings, not a movement), and without a movement that works
    against one the planner set in the regions it read (``kept``): lips pressed beside the planner's
    open jaw, a squint beside its wide eyes."""
    v = learned.copy()
    a, b = ANTAGONISTS[:, 0], ANTAGONISTS[:, 1]
    x, y = np.abs(v[a]), np.abs(v[b])
    both = (x > 0) & (y > 0)
    v[a[both & (x <= ANTAGONIST_RATIO * y)]] = 0.0
    v[b[both & (y <= ANTAGONIST_RATIO * x) & (x > ANTAGONIST_RATIO * y)]] = 0.0
    if planned is not None and kept is not None:
        set_ = kept & (np.abs(planned) >= 0.1)
        v[a[set_[b] & ~set_[a]]] = 0.0
        v[b[set_[a] & ~set_[b]]] = 0.0
    return v


_YAW_RATIO, _PITCH_RATIO = 0.85, 0.6  # eye rotation (rad) at which eyeLook* reach 1 (the planner's capture ratios)


def _coherent(v: np.ndarray) -> np.ndarray:
    """Both eyes look the same way (unless they are crossed: each turned in toward the nose); eye
    rotations and eyeLook* agree (a missing one is derived from the other, a contradicting rotation
    follows the blendshapes); blinks cancel wide eyes; mouthClose never exceeds jawOpen."""
    crossed = v[_IDX["LeftEyeYaw"]] > 0.05 and v[_IDX["RightEyeYaw"]] < -0.05  # both eyes turned in: they differ
    for axis in ("Pitch",) if crossed else ("Yaw", "Pitch"):
        li, ri = _IDX[f"LeftEye{axis}"], _IDX[f"RightEye{axis}"]
        v[li] = v[ri] = 0.5 * (v[li] + v[ri])
    pairs = (
        ("Pitch", _PITCH_RATIO, ("EyeLookDownLeft", "EyeLookDownRight"), ("EyeLookUpLeft", "EyeLookUpRight")),
        ("Yaw", _YAW_RATIO, ("EyeLookOutRight", "EyeLookInLeft"), ("EyeLookOutLeft", "EyeLookInRight")),
    )
    for axis, ratio, plus, minus in pairs[:1] if crossed else pairs:
        rot = v[_IDX[f"LeftEye{axis}"]]
        look = 0.5 * (v[_IDX[plus[0]]] + v[_IDX[plus[1]]]) - 0.5 * (v[_IDX[minus[0]]] + v[_IDX[minus[1]]])
        if abs(look) >= 0.05 and (abs(rot) < 0.02 or rot * look < 0):
            rot = look * ratio
        elif abs(rot) >= 0.02 and abs(look) < 0.05:
            for name in plus if rot > 0 else minus:
                v[_IDX[name]] = min(1.0, abs(rot) / ratio)
        for name in (f"LeftEye{axis}", f"RightEye{axis}"):
            v[_IDX[name]] = rot
    for side in ("Left", "Right"):
        blink, wide = _IDX[f"EyeBlink{side}"], _IDX[f"EyeWide{side}"]
        if v[blink] > 0.5:
            v[wide] = 0.0
        v[wide] = min(v[wide], 1.0 - v[blink])
    v[_IDX["MouthClose"]] = min(v[_IDX["MouthClose"]], v[_IDX["JawOpen"]])
    return ch.clamp(v)


_MASKS = np.array([REGION_MASKS[r] for r in REGIONS])


def _intensity_factor(plan, reading: Reading, s: dict) -> float:
    """The overall intensity factor the learned layer reads in the description (1 when the planner
    read an intensity word itself, or when it is too small to act on)."""
    if s["intensity"] > 0 and abs(reading.intensity) >= s["intensity"] and not getattr(plan, "exact", None) and not any(
        _INTENSITY_READ.match(e) for e in plan.explanation
    ) and not getattr(plan, "beats", None):
        # typed values ("jawOpen 0.6") state the level themselves; a line that narrates a change ("starts mildly
        # irritated, ends livid") mixes the levels of its beats, and the planner read the last one
        return float(np.exp(np.clip(reading.intensity, np.log(0.4), np.log(1.5))))
    return 1.0


def gate_inputs(plan, reading: Reading, settings: dict, unnegated: np.ndarray | None,
                rule_values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The gate's proposals (4, 61) — the rule's combination ``rule_values``, the planner's values
    (scaled by the stated intensity), the learned values (gain and floor applied), per channel the
    larger of those two — and its features (7, F) (see :mod:`.gate`)."""
    s = dict(DEFAULT_COMBINE, **(settings or {}))
    planned = ch.clamp(np.asarray(plan.values, dtype=np.float64) * _intensity_factor(plan, reading, s))
    learned = reading.values * s["gain"]
    learned = _without_held(settle_antagonists(np.where(np.abs(learned) >= s["floor"], learned, 0.0)), plan)
    beside = settle_antagonists(learned, planned, _kept_mask(plan))
    if _NAMES_A_SIDE.search(reading.description):  # a movement the words put on one side is not made symmetric
        beside[_one_sided(planned)] = 0.0
    larger = np.where(np.abs(planned) >= np.abs(beside), planned, beside)
    options = np.stack([np.asarray(rule_values, dtype=np.float64), _coherent(planned), _coherent(learned), _coherent(larger)])
    x = region_features(plan, reading, options, reading.description, reading.background, reading.emotion,
                        unnegated is not None, _MASKS)
    return options, x


# ---------------------------------------------------------------------------- what the words keep still
_PART_REGIONS = {
    "head": ("head",), "brow": ("brows",), "brows": ("brows",), "eyebrow": ("brows",), "eyebrows": ("brows",),
    "forehead": ("brows",), "mouth": ("mouth",), "lips": ("mouth",), "jaw": ("mouth",), "eye": ("eyes", "gaze"),
    "eyes": ("eyes", "gaze"), "face": tuple(r for r in REGIONS if r not in ("head", "gaze")),  # the expression:
}  # "face neutral, eyes on the cards" still moves the gaze
_STILL = (r"(?:locked|level|steady|fixed|frozen|motionless|static|unmoving|immobile|neutral|still|at rest|expressionless|"
          r"impassive|untouched|stone)")
_PARTS = r"(?:head|brows?|eyebrows?|forehead|mouth|lips|face)"  # not the eyes: "eyes fixed" is a stare
#: "head locked", "head and face locked", "the head stays perfectly still", "brows neutral" (the lock word
#: closes the clause: "head still turned left" is a head that stays turned)
_LOCKED = re.compile(
    r"\b(" + _PARTS + r")\b((?:\s*(?:,|and|&|\+)?\s*(?:the\s+)?" + _PARTS + r"\b)*)"
    r"(?:\s+(?:is|are|stays?|remains?|kept|held|keeps?|perfectly|completely|totally|dead|stock|absolutely|entirely|otherwise))*"
    r"\s+" + _STILL + r"(?=\s*(?:[,.;:!?)\u2014\u2013]|-\s|$|\band\b|\bbut\b|\bwhile\b|\bthroughout\b))",
    re.IGNORECASE,
)
_DOES_NOT_MOVE = re.compile(
    r"\b(head|brows?|eyebrows?|forehead|mouth|lips|face)\b\s+(?:does\s*n[o']t|doesnt|does\s+not|never|won'?t|don'?t|do\s+not)\s+(?:move|budge|shift)"
    r"|\bwithout\s+moving\s+(?:(?:his|her|their|the|its)\s+)?(head|brows?|eyebrows?|forehead|mouth|lips|face)\b"
    r"|\bno\s+(head)\s+(?:movement|motion|turn|tilt)"
    # "eyes to frame left only, no head, no brows", "pucker mid, no jaw"
    r"|\bno\s+(head|brows?|eyebrows?|mouth|jaw)\b(?=\s*(?:[,.;:!?)\u2014\u2013]|$|\band\b))",
    re.IGNORECASE,
)
#: "nothing else moves", "the rest of her face stays neutral", "brows up, that's it": nothing the words did not name
_NOTHING_ELSE = re.compile(
    r"\bnothing\s+else\b|\beverything\s+else\b|\brest\s+of\s+(?:the|his|her|their|my|your)\s+face\b|\bthat'?s\s+(?:it|all)\b"
    r"|\bthats\s+(?:it|all)\b|\bnothing\s+more\b|\bno\s+other\s+movement|\bno\s+more\b(?=\s*(?:[,.;:!?)]|$))"
    r"|\bnothing\s+(?:else\s+)?moves\s+(?:except|but|apart)\b|\botherwise\s+(?:untouched|still|blank|neutral|at\s+rest|unmoved)\b"
    # "chin up .45, rest zero", "rest dead": the animator's "rest" is the rest of the face
    r"|\brest\s+(?:is\s+|stays\s+|at\s+)?(?:zero(?:ed)?|0|dead|neutral|still|untouched|blank)\b"
    # "apart from her nose wrinkling, she shows nothing", "he gives nothing away"
    r"|\b(?:shows?|showing|showed|betrays?|betraying|betrayed)\s+nothing\b|\b(?:gives?|giving|gave)\s+nothing\s+away\b"
    # "brows up, and that was the whole reaction", "nothing from the neck up except the left nostril"
    r"|\b(?:that|this|it)\s+(?:was|is|'s)\s+(?:the\s+)?(?:whole|entire|only|full)\s+(?:reaction|response|expression|movement|tell)\b"
    r"|\bnothing\s+(?:(?:from|above)\s+the\s+neck\s+up|above\s+the\s+neck)\b"
    # "not a single muscle moves except his jaw", "no other muscle stirs"
    r"|\b(?:not\s+(?:a|one)\s+(?:single\s+)?(?:other\s+)?|no\s+other\s+)muscle(?:\s+else)?\s+(?:\w+\s+)?(?:moves?|moved|stirs?|stirred|twitch\w*|flinch\w*)\b",
    re.IGNORECASE,
)
_PART = r"(?:head|brows?|eyebrows?|forehead|eyes?|lids?|eyelids?|gaze|mouth|lips?|corners?|cheeks?|nose|nostrils?|jaw|chin|dimples?)"
_SIDE = r"(?:left|right|l|r)"
#: "only the left eye opens", "just the eyes", "squint L only", "dimple only on the left cheek"
_ONLY = re.compile(
    r"\b(?:only|just|solely)\s+(?:(?:the|his|her|their|one|a|on\s+the)\s+)?(?:(" + _SIDE + r")\s+)?(?:side\s+(?:of\s+)?(?:the\s+)?)?" + _PART + r"\b"
    r"|\b(?:(" + _SIDE + r")\b[\s-]+(?:side\s+)?|" + _PART + r"\s+|\w+\s+(" + _SIDE + r")\s+)only\b(?=\s*(?:[,.;:!?)]|$))"
    r"|\bonly\s+on\s+(?:the\s+)?(" + _SIDE + r")\b"
    # "AU9L only", "jaw fwd, that only": any movement closed by "only" ("if only", "the only", "not only" are no such)
    r"|(?<![\w'])(?!(?:if|the|and|not|one|he|she|they|i|we|you|it)\b)[\w+.%-]+\s+only\b(?=\s*(?:[,.;:!?)]|$))",
    re.IGNORECASE,
)
_NO_EMOTION = re.compile(
    r"\b(?:not\s+(?:a|one)\s+(?:hint|trace|flicker|shred|sign|bit)\s+of|no|without(?:\s+(?:a|any))?|zero)\s+(?:(?:visible|real|outward)\s+)?"
    r"(?:emotion|expression|feeling|reaction)s?\b(?!\s+(?:of|but|except))"
    # "(deadpan)", "poker-faced", "expressionless": a face kept straight on purpose (the planner's light press stays)
    r"|(?:\b(?:deadpan|poker[\s-]+face(?:d)?|po[\s-]+faced|ston(?:e|y)[\s-]+faced|expressionless|impassive|emotionless)\b"
    # "her face was a mask", "his face a blank mask": what the planner reads as a face at rest (not "a mask of fury")
    r"|" + FACE_MASK_PATTERN + ")"
    r"(?![\s,]*(?:but|until|except|save|then|gives?\s+way|cracks?|breaks?|slips?)\b)",
    re.IGNORECASE,
)
#: the regions a part named after "only" may move in (a head that turns takes the eyes with it; an eye
#: that opens or narrows does not look anywhere new unless the planner read a glance)
_ONLY_PART_REGIONS = {
    "head": ("head", "gaze"), "brow": ("brows",), "eyebrow": ("brows",), "forehead": ("brows",), "eye": ("eyes",),
    "lid": ("eyes",), "eyelid": ("eyes",), "gaze": ("gaze",), "mouth": ("mouth",), "lip": ("mouth",), "corner": ("mouth",),
    "cheek": ("cheeks",), "nose": ("nose",), "nostril": ("nose",), "jaw": ("mouth",), "chin": ("mouth", "head"),
    "dimple": ("mouth",),
}
_CHANGE_AFTER = re.compile(r"\b(?:then|until|till|suddenly|before|turns?\s+into|gives?\s+way|cracks?|breaks?|finally|at\s+last)\b|\u2192|->",
                           re.IGNORECASE)
_SIDE_WORD = {"left": "left", "l": "left", "right": "right", "r": "right"}
#: each side's channels that a one-sided movement moves (not the pose, not the gaze), and the other side's
_SIDED = {side: np.array([c.side == side and not c.is_pose and not c.name.startswith("EyeLook") for c in ch.CHANNELS])
          for side in ("left", "right")}
_OTHER_SIDE_CHANNELS = {"left": _SIDED["right"], "right": _SIDED["left"]}


#: "one brow lifts while the other stays level", "left lid droops, the other one doesn't move": the other
#: side of a one-sided movement stays at rest (not "the other stays shut": a state of its own)
_OTHER_STAYS = re.compile(
    r"\b(?:the|his|her|their)\s+other(?:\s+(?:one|side|brow|eyebrow|eye|lid|eyelid|corner|cheek|nostril)s?)?\s+"
    r"(?:(?:stays|remains|keeps|stay|remain|is\s+kept|is\s+left|holds)\s+(?:perfectly\s+|completely\s+|dead\s+)?"
    r"(?:level|put|still|flat|neutral|relaxed|at\s+rest|where\s+it\s+(?:is|was)|unmoved|motionless|in\s+place|down|steady|quiet)\b"
    r"|(?:does\s*n[o']t|doesnt|does\s+not|never|won'?t)\s+(?:move|budge|follow|react|join\s+in))",
    re.IGNORECASE,
)
#: the face's expression, which "no expression" keeps still (not the head or the gaze: a nod, a look at the camera)
_EXPRESSION = ~(REGION_MASKS["head"] | REGION_MASKS["gaze"])
_SMILE = np.isin(np.arange(ch.NUM_CHANNELS), [ch.channel_index("MouthSmileLeft"), ch.channel_index("MouthSmileRight")])


#: words of a mouth shape asked for on its own (lip-sync notes)
_LIP_SYNC = re.compile(r"\b(?:lip[\s-]?sync\w*|visemes?|phonemes?|mouth\s+shapes?)\b", re.I)


def _regions_but(kept: set[str]) -> np.ndarray:
    """The channels of every region not in ``kept`` (the regions the planner did not read, less those the words name)."""
    mask = np.zeros(ch.NUM_CHANNELS, dtype=bool)
    for r in REGIONS:
        if r not in kept:
            mask |= REGION_MASKS[r]
    return mask


def _locked(text: str) -> tuple[np.ndarray, list[str]]:
    """The regions that lock words name ("head locked", "the brows don't move", "top half off"), and why."""
    mask = np.zeros(ch.NUM_CHANNELS, dtype=bool)
    why: list[str] = []
    for words, (start, end), half in still_halves(text):
        for r in half:
            mask |= REGION_MASKS[r]
        why.append(f"'{words.strip()}'")
        text = text[:start] + " " * (end - start) + text[end:]  # "lower half of the face neutral": not the face
    for m in list(_LOCKED.finditer(text)) + list(_DOES_NOT_MOVE.finditer(text)):
        if _CHANGE_AFTER.search(text, m.end()):
            continue  # "his face stays still, then the chin wobbles": a beat before the change
        parts = re.findall(r"head|eyebrows?|brows?|forehead|mouth|lips|jaw|eyes?|face", m.group(0), re.IGNORECASE)
        for part in parts:
            for r in _PART_REGIONS[part.lower()]:
                mask |= REGION_MASKS[r]
        why.append(f"'{m.group(0).strip()}'")
    return mask, why


def _part_regions(text: str) -> set[str]:
    """The regions of the face parts ``text`` names ("her mouth", "the left brow")."""
    return {r for part in re.findall(_PART, text, re.IGNORECASE) for r in _ONLY_PART_REGIONS.get(part.lower().rstrip("s"), ())}


def stillness(plan, text: str) -> tuple[np.ndarray, list[str]]:
    """The channels the words keep still, which the learned layer may not move: the regions a lock word
    names ("head locked", "the head doesn't move"), the regions the planner did not read when the words
    say nothing else moves ("nothing else moves", "only the left eye opens", "squint L only") and, beside
    "nothing else", the channels the planner left at rest in the regions it read, the
    other side's channels for a movement on one side only, the regions the planner did not read beside a
    mouth shape asked for in a lip-sync note ("lip sync: 'mama'", "viseme FV"), and the whole expression (not the head
    or the gaze: "a nod and no expression at all") for "not a hint of emotion". Read on the last beat of a narrated change. Returns the mask and a reason per rule."""
    mask, why, _ = _stillness(plan, text)
    return mask, why


def _stillness(plan, text: str) -> tuple[np.ndarray, list[str], np.ndarray]:
    """:func:`stillness`, and the part of its mask that lock words name (:func:`_locked`)."""
    beats = getattr(plan, "beats", None)
    text = beats[-1] if beats else text
    locked, why = _locked(text)
    mask = locked.copy()
    understood = set(getattr(plan, "understood", ())) & set(REGIONS)
    only = list(_ONLY.finditer(text))
    nothing_else = _NOTHING_ELSE.search(text)
    # where the planner read none of the movement, the parts the words name beside "nothing else moves" are
    # those that move ("she clams up, mouth folded away, the rest of her face blank": the mouth, which the
    # learned layer reads)
    said = _part_regions(text) if nothing_else and not understood else set()
    if (nothing_else or only) and (understood or said):
        named = set(said)  # "only her mouth showed the pressure": the part named is not kept still
        for m in only:
            named |= _part_regions(m.group(0))
        mask |= _regions_but(understood | named)
        if nothing_else:  # nor a channel the planner left at rest in the regions it read ("cheeks up, nothing else":
            # not the mouth press or the blink the learned layer reads beside them)
            mask |= _kept_mask(plan) & (np.asarray(plan.values) == 0) & _regions_but(named)
        why.append(f"'{(nothing_else or only[0]).group(0).strip()}'")
    for m in only:
        side = next((g for g in m.groups() if g), None)
        if side:
            mask |= _OTHER_SIDE_CHANNELS[_SIDE_WORD[side.lower()]]
            if f"'{m.group(0).strip()}'" not in why:
                why.append(f"'{m.group(0).strip()}'")
    other = _OTHER_STAYS.search(text)
    if other:  # the side the planner moved less, in the regions where it moved one side more than the other
        planned = np.abs(np.asarray(plan.values, dtype=np.float64))
        for r in REGIONS:
            left, right = planned[REGION_MASKS[r] & _SIDED["left"]].sum(), planned[REGION_MASKS[r] & _SIDED["right"]].sum()
            if max(left, right) >= 0.1 and min(left, right) <= 0.5 * max(left, right):
                mask |= REGION_MASKS[r] & _OTHER_SIDE_CHANNELS["left" if left > right else "right"]
                if f"'{other.group(0).strip()}'" not in why:
                    why.append(f"'{other.group(0).strip()}'")
    lip = _LIP_SYNC.search(text)
    if lip and "mouth" in understood:
        # "lip sync: 'mama'", "viseme FV", "mouth shape for 'ee'": a mouth shape asked for; the parts the planner did
        # not read are not the learned layer's to fill (it had put a surprised brow on 'mama')
        mask |= _regions_but(understood)
        why.append(f"'{lip.group(0).strip()}'")
    blank = _NO_EMOTION.search(text) or said_flatly(text)
    if blank:  # "no expression at all", "says 'wow' flatly": the face's expression; a nod or a look at the camera still moves
        mask |= _EXPRESSION
        why.append(f"'{blank.group(0).strip()}'")
    return mask, why, locked


def _keep_still(res: "Combined", plan, reading: Reading, s: dict) -> "Combined":
    """``res`` with what the words keep still (:func:`stillness`) back at the planner's values."""
    if not s.get("stillness", 1.0):
        return res
    mask, why, locked = _stillness(plan, reading.description)
    planned = np.asarray(plan.values, dtype=np.float64)
    # the planner's own values (read from the words) stay, the learned ones go; in a part that lock words name
    # and whose words the planner did not read, what its readings of other parts carried there goes too
    # ("lids wide, brows locked": not the brows that wide eyes bring; but "nose wrinkle, nothing else" keeps
    # the upper lip that a wrinkled nose lifts)
    kept = np.where(locked & ~_kept_mask(plan), 0.0, planned)
    if not mask.any() or np.abs(res.values[mask] - kept[mask]).max() < 0.005:
        return res
    out = res.values.copy()
    out[mask] = kept[mask]
    if np.abs(out).max() < s["closest_min"] <= np.abs(res.values).max():
        return res  # never an empty face from this: "no reaction" to a look at the camera still shows a face
    dropped = _shown(res.values, mask & (np.abs(res.values - kept) >= 0.005))
    res.values = _coherent(out)
    res.explanation.append(f"semantic: {', '.join(why)} keeps still what the learned layer moved there ({dropped})")
    res.info["learned_regions"] = [r for r in res.info.get("learned_regions", [])
                                   if np.abs(res.values[REGION_MASKS[r] & (planned == 0)]).max(initial=0.0) >= 0.005]
    res.info["still"] = why
    return res


def combine(plan, reading: Reading, settings: dict | None = None, unnegated: np.ndarray | None = None,
            gate: Gate | None = None) -> Combined:
    """Planner values in the regions it read; learned values elsewhere; the closest reading for an
    otherwise empty face. ``plan`` is a :class:`~kfstudio.generation.planner.Plan`; ``unnegated``: the
    learned values of the description read without its negation words (see :func:`strip_negations`).

    With a ``gate`` (fit by ``kfstudio train``), each region may then take the planner's own values
    or the learned values instead, where the gate trusts them more; the regions the planner read in a
    description it read every word of always stay the planner's. Values the description typed
    (``Plan.exact``: "jawOpen 0.6") and those a hold word carried over from the keyframe before (``Plan.carried``:
    "she holds it") are kept exactly whatever the rule or the gate chose. What the
    words keep still ("head locked", "only the left eye", "nothing else moves": :func:`stillness`)
    stays at the planner's values whatever the learned layer read there."""
    res = _keep_still(_gated(plan, reading, settings, unnegated, gate), plan, reading, dict(DEFAULT_COMBINE, **(settings or {})))
    carried = getattr(plan, "carried", None)
    if carried is not None:  # "she holds it": what a hold word carried over from the keyframe before stays as it was
        res.values = res.values.copy()
        res.values[carried] = np.asarray(plan.values, dtype=np.float64)[carried]
    exact = getattr(plan, "exact", None)
    if exact:
        res.values = _coherent(res.values.copy())
        res.values[list(exact)] = list(exact.values())
    return res


def _gated(plan, reading: Reading, settings: dict | None, unnegated: np.ndarray | None, gate: Gate | None) -> Combined:
    """The rule's combination, then the gate's choices (see :func:`combine`)."""
    res = _rule(plan, reading, settings, unnegated)
    if gate is None:
        return res
    s = dict(DEFAULT_COMBINE, **(settings or {}))
    options, x = gate_inputs(plan, reading, s, unnegated, res.values)
    choice, prob = gate.choose(x)
    understood = set(getattr(plan, "understood", ()))
    if (getattr(plan, "found_movement", False) and not getattr(plan, "unknown_words", None)) or _reads_rest(
            plan, np.asarray(plan.values, dtype=np.float64), s):  # a face read at rest stays at rest where it was read
        choice[[r in understood for r in REGIONS]] = 0
    carried = getattr(plan, "carried", None)
    if carried is not None:  # "she holds it": the regions a hold word carried over stay as the keyframe before had them
        choice[(_MASKS & carried).any(axis=1)] = 0
    if res.info["neutral_face"]:  # "neutral face": the expression stays where the rule left it
        choice[[r not in ("head", "gaze") for r in REGIONS]] = 0
    # a movement the planner read on one side ("a wink", ";P", "left corner up") is not replaced by the learned
    # reading of the region, which knows the side less well (it reads ";P" as both eyes half closed), nor evened
    # out by taking the larger of the two readings channel by channel
    sided = _one_sided(np.asarray(plan.values, dtype=np.float64))
    choice[((choice == 2) | (choice == 3)) & (_MASKS & sided).any(axis=1)] = 0
    out = res.values.copy()
    # a faint learned smile where the planner read the mouth and the rule kept none (see DEFAULT_COMBINE)
    faint = _SMILE & (np.asarray(plan.values, dtype=np.float64) == 0) & (res.values == 0)
    dropped = np.zeros(ch.NUM_CHANNELS, dtype=bool)
    for k in np.flatnonzero(choice):
        opt = options[choice[k]]
        if choice[k] in (2, 3) and np.abs(opt[_SMILE]).max() < s["gate_smile_floor"]:  # the larger side: no lopsided rest
            drop = _MASKS[k] & faint & (opt != 0)
            dropped |= drop
            opt = np.where(drop, 0.0, opt)
        out[_MASKS[k]] = opt[_MASKS[k]]
    out = _coherent(out)
    if np.abs(out).max() < s["closest_min"] <= np.abs(res.values).max():
        return res  # never an empty face where the rule gave one
    changed = {r: int(choice[k]) for k, r in enumerate(REGIONS)
               if choice[k] and np.abs(out - res.values)[_MASKS[k]].max() >= 0.005}
    res.info["gate"] = {r: CHOICES[c] for r, c in changed.items()}
    smile_note = (f"semantic: a faint learned smile (below {s['gate_smile_floor']:.2f}) beside the planner's reading of the "
                  "mouth is left out")
    if not changed:
        if dropped.any():
            res.explanation.append(smile_note)
        return res
    res.values = out
    learned = [r for r, c in changed.items() if c == 2]
    planner = [r for r, c in changed.items() if c == 1]
    larger = [r for r, c in changed.items() if c == 3]
    res.info["planner_regions"] = sorted((set(res.info["planner_regions"]) - set(learned)) | set(planner) & understood)
    res.info["learned_regions"] = [r for r in REGIONS
                                   if (r in res.info["learned_regions"] or r in learned or r in larger) and r not in planner]
    p = {r: float(prob[REGIONS.index(r)]) for r in changed}
    for regions, what in ((learned, "trusts the learned layer over the rule in"), (planner, "keeps the planner's own values in"),
                          (larger, "takes the larger of the planner's and the learned value of each channel in")):
        if regions:
            shown = _shown(out, np.asarray(_MASKS[[r in regions for r in REGIONS]].any(axis=0), dtype=bool))
            res.explanation.append(f"semantic: the gate {what} " + ", ".join(f"{r} ({p[r]:.2f})" for r in regions)
                                   + (f" -> {shown}" if shown != "rest" else " -> no movement there"))
    if dropped.any():
        res.explanation.append(smile_note)
    return res


#: words that put a movement on one side ("left brow", "R only", "one corner", "a wink", "lopsided")
_NAMES_A_SIDE = re.compile(r"\b(?:left|right|l|r|one|single|wink\w*|unilat\w*|lopsided|crooked|one-sided|half-smile)\b", re.IGNORECASE)
_SIDED_ANY = _SIDED["left"] | _SIDED["right"]


def symmetric(rows: np.ndarray) -> np.ndarray:
    """``rows`` (n, 61) with each sided expression channel (not the gaze or the pose) and its mirror at
    their mean: the head's outputs for words that name no side. Its networks learned one-sided lines too,
    and on a plain "neutral face" or "a sneer" they may lean to one side (BrowDownLeft 0.35, its mirror
    0.02), and a presence threshold between a channel's two sides kept one and dropped the other."""
    out = np.array(rows, dtype=np.float64, copy=True)
    out[:, _MIRRORED] = 0.5 * (out[:, _MIRRORED] + out[:, ch.MIRROR_INDEX][:, _MIRRORED])
    return out


#: the sided channels whose two sides move together (not a jaw or mouth shifted to one side: a direction)
_MIRRORED = _SIDED_ANY & ~np.isin(np.arange(ch.NUM_CHANNELS), [_IDX[n] for n in ("JawLeft", "JawRight", "MouthLeft", "MouthRight")])
#: words that may put a movement on one side without naming it: a smirk, "an eyebrow", "the corner of her mouth"
_MAY_BE_ONE_SIDED = re.compile(r"\b(?:smirk\w*|sneer\w*|wry|quizzical\w*|skew\w*|wonky|askew|an\s+(?:eye)?brow|a\s+brow|"
                               r"(?:a|the)\s+corner\s+of|side\s+of\s+(?:his|her|their|the)\s+mouth|asymmetr\w*)\b", re.IGNORECASE)


_LEFT_RIGHT = re.compile(r"\b(?:left|right|l|r)\b", re.IGNORECASE)


def _names_a_side(plan, text: str) -> bool:
    """The words may put a movement on one side of the face: a side word the planner read as a side
    ("left brow", "R only"), one it did not read as a direction of the head or the gaze, or a word for a
    one-sided movement ("one corner", "a wink", "a smirk", "an eyebrow"). "The head turns to the right"
    names a direction: the face moves both sides alike."""
    if _MAY_BE_ONE_SIDED.search(text) or any(not _LEFT_RIGHT.fullmatch(m.group(0)) for m in _NAMES_A_SIDE.finditer(text)):
        return True  # a one-sided word that is not left or right
    if not _LEFT_RIGHT.search(text):
        return False
    for e in getattr(plan, "explanation", ()):
        if e.startswith("one-sided") or "names a side" in e or (e.startswith("side '") and not _DIRECTION_READ.search(e)):
            return True  # the planner read a side of the face
    # "left brow ...", "the right corner", "left only", "smile, L": a side the planner did not read
    return bool(_SIDE_PART.search(text) or _TERSE_SIDE.search(text))


_TERSE_SIDE = re.compile(r"(?-i:(?<![\w'])[LR](?![\w']))|\b(?:left|right)\s+only\b|\bonly\s+(?:on\s+)?(?:the\s+)?(?:left|right)\b", re.IGNORECASE)
_DIRECTION_READ = re.compile(r"\((?:head|gaze|eyes? (?:turn|look|glance|roll))[^)]*\)")
_SIDE_PART = re.compile(r"\b(?:left|right|l|r)\b[\s-]+(?:side\s+of\s+(?:the|his|her|their)\s+)?(?:eye)?(?:brows?|eyes?|lids?|eyelids?|"
                        r"corners?|cheeks?|nostrils?|dimples?|lips?|mouth|side|half)\b", re.IGNORECASE)


def _one_sided(planned: np.ndarray) -> np.ndarray:
    """The channels whose mirror the planner moved while it left them at rest: the other side of a
    one-sided movement ("the left corner pulls up": MouthSmileRight)."""
    return _SIDED_ANY & (planned == 0) & (np.abs(planned[ch.MIRROR_INDEX]) >= 0.05)


def _reads_rest(plan, planned: np.ndarray, s: dict) -> bool:
    """The planner read a face at rest and nothing else that shows: "the face is calm", "relaxed, gaze
    ahead". Its values are a trace (the 'calm' template's soft lids); the learned layer neither adds
    channels beside it nor replaces it as a reading "too faint to show": a calm face stays calm,
    whatever the script's emotion colours the learned reading with."""
    return (bool(getattr(plan, "found_movement", False)) and np.abs(planned).max() < s["closest_min"]
            and any(_REST_TEMPLATE.search(e) for e in plan.explanation))


def _rule(plan, reading: Reading, settings: dict | None, unnegated: np.ndarray | None) -> Combined:
    """The fixed combination rule (see :func:`combine`)."""
    s = dict(DEFAULT_COMBINE, **(settings or {}))
    planned = np.asarray(plan.values, dtype=np.float64)
    understood = set(getattr(plan, "understood", set())) & set(REGIONS)
    found_movement = bool(getattr(plan, "found_movement", False))
    if found_movement and not getattr(plan, "unknown_words", None):
        weight = s["read_all"]
    elif not found_movement and np.abs(planned).max() >= s["closest_min"]:
        weight = s["vague"]
    else:
        weight = 1.0
    learned = reading.values * (s["gain"] * weight)
    learned = np.where(np.abs(learned) >= s["floor"], learned, 0.0)
    out = planned.copy()
    kept = _kept_mask(plan)
    learned = settle_antagonists(learned, planned, kept)
    raw = learned.copy()  # a face the planner only negated is proposed from this (below)
    # what the description holds at rest ("she stops frowning": the brows) ...
    learned = _without_held(learned, plan)
    if unnegated is not None:  # ... and what its negated words would drive in the learned reading
        learned[(np.abs(unnegated * s["gain"]) - np.abs(learned)) > NEGATED_DRIVE] = 0.0
    lines = []
    factor = _intensity_factor(plan, reading, s) if kept.any() else 1.0
    if factor != 1.0:
        out[kept] = ch.clamp(out * factor)[kept]
        lines.append(f"semantic: the description reads as {'weaker' if factor < 1 else 'stronger'} overall "
                     f"(learned intensity x{factor:.2f}) -> the planner's regions scaled")
    open_ = ~kept
    if s["mode"] == "max":
        take = open_ & (np.abs(learned) > np.abs(planned))
    else:
        take = open_.copy()
    added = np.zeros(ch.NUM_CHANNELS, dtype=bool)
    at_rest = _reads_rest(plan, planned, s)
    neutral = _neutral_face(plan, reading.description)
    if neutral:  # "neutral face", "back to neutral, eyes on the door": no learned expression beside it
        take &= ~_EXPRESSION
        lines.append("semantic: the words ask for a neutral face: the learned layer adds no expression")
    if s["fill"] > 0 and not at_rest:
        added = kept & (planned == 0) & (planned[ch.MIRROR_INDEX] == 0) & (np.abs(learned) >= s["fill"])
        if neutral:
            added &= ~_EXPRESSION
        if unnegated is not None:
            added &= ~((np.abs(unnegated * s["gain"]) - np.abs(learned)) > 0.05)
        take |= added
    out[take] = learned[take]
    out = _coherent(out)
    filled = [r for r in REGIONS if r not in understood and (take & REGION_MASKS[r]).any()
              and np.abs(out[REGION_MASKS[r]]).max() >= 0.005]
    conf = float(reading.confidence)
    info = {
        "planner_regions": sorted(understood),
        "learned_regions": filled,
        "confidence": round(conf, 3),
        "nearest": reading.nearest_text,
        "closest_reading": False,
        "intensity": round(factor, 3),
        "neutral_face": neutral,
    }
    if understood:
        lines.append(f"semantic: planner keeps {', '.join(sorted(understood))} (read from the words, exact)")
    if added.any():
        lines.append(f"semantic: beside the planner's reading the learned layer adds {_shown(out, added)}")
    if filled:
        mask = np.zeros(ch.NUM_CHANNELS, dtype=bool)
        for r in filled:
            mask |= REGION_MASKS[r] & take
        lines.append(
            f"semantic: learned layer fills {', '.join(filled)} (confidence {conf:.2f}; closest corpus line "
            f"{reading.nearest_text[:70]!r}) -> {_shown(out, mask)}"
        )
    found = bool(getattr(plan, "found_movement", False))
    if (found and unnegated is None and 0 < np.abs(planned).max() < s["closest_min"] <= np.abs(learned).max()
            and not any("'neutral'" in e for e in plan.explanation)):
        # the planner read a movement too faint to show ("... until it's calm and soft": a trace of a
        # smile scaled down again) and nothing negated or neutral: the learned layer proposes the face;
        # for a face at rest only on the channels the planner's trace moved (the learned reading of
        # "the face is calm" in a frightening scene still carries the scene's fear: not shown)
        faint = float(np.abs(planned).max())
        stronger = np.abs(learned) > np.abs(out)
        if at_rest:
            stronger &= planned != 0
        out = _coherent(np.where(stronger, learned, out))
        info["learned_regions"] = [r for r in REGIONS if np.abs(out[REGION_MASKS[r]]).max() >= 0.005]
        lines.append(f"semantic: the planner's reading is too faint to show (largest value {faint:.2f}); the learned "
                     f"layer proposes {'the face at rest' if at_rest else 'the face'} (confidence {conf:.2f}) -> "
                     f"{_shown(out, np.ones(ch.NUM_CHANNELS, bool))}")
    if found and np.abs(out).max() < s["closest_min"] and np.abs(raw).max() >= s["closest_min"] and unnegated is not None:
        # the planner read only negations ("isn't surprised at all; he just looks at her flatly"): the
        # learned layer proposes the rest, except the channels that the negated words drive (those
        # that rise when the description is read without its negations)
        driven = (np.abs(unnegated * s["gain"]) - np.abs(raw)) > 0.05
        rest = ~take & ~driven
        out[rest] = raw[rest]
        out = _coherent(out)
        info["learned_regions"] = [r for r in REGIONS if np.abs(out[REGION_MASKS[r]]).max() >= 0.005]
        if info["learned_regions"]:
            lines.append(f"semantic: the planner read only negations; the learned layer proposes the rest "
                         f"(confidence {conf:.2f}) -> {_shown(out, np.ones(ch.NUM_CHANNELS, bool))}")
    if found and np.abs(out).max() < s["closest_min"] and unnegated is not None:
        # still nothing: the closest annotated line, without what the negated words drive
        driven = (np.abs(unnegated * s["gain"]) - np.abs(raw)) > 0.05
        near = np.where(driven | (np.abs(reading.nearest_values) < s["floor"]), 0.0, reading.nearest_values)
        if np.abs(near).max() >= s["closest_min"]:
            out = _coherent(np.array(near, dtype=np.float64))
            info["closest_reading"] = True
            lines.append(f"semantic: the planner read only negations; closest corpus line {reading.nearest_text[:70]!r} "
                         f"(similarity {conf:.2f}) without the negated channels -> {_shown(out, np.ones(ch.NUM_CHANNELS, bool))}")
    if ((found or _said_neutral(plan)) and np.abs(out).max() < s["closest_min"] and not at_rest and not neutral
            and not _asks_rest(reading.description) and not _NO_EMOTION.search(reading.description)):
        # the planner read words (a hold, a part kept still, a negation) but nothing that shows, and the
        # words do not ask for a face at rest: the learned reading proposes the face, without what the
        # words hold at rest and what their negated words drive ("right brow hoisted like a flag, left
        # brow staying put": the hoisted brow the planner did not read; "the expression settles" in a
        # scene of grief: no keyframe before it to settle from)
        cand = _without_held(raw.copy(), plan)
        driven = np.zeros(ch.NUM_CHANNELS, dtype=bool) if unnegated is None else (np.abs(unnegated * s["gain"]) - np.abs(cand)) > 0.05
        cand[driven] = 0.0
        what = "the learned layer proposes the face"
        if np.abs(cand).max() < s["closest_min"]:  # nothing learned beside what is held: the closest annotated line
            cand = _without_held(np.where(driven | (np.abs(reading.nearest_values) < s["floor"]), 0.0, reading.nearest_values), plan)
            what = f"proposing the closest corpus line {reading.nearest_text[:70]!r}"
        if np.abs(cand).max() >= s["closest_min"]:
            out = _coherent(np.where(np.abs(cand) > np.abs(out), cand, out))
            info["learned_regions"] = [r for r in REGIONS if np.abs(out[REGION_MASKS[r]]).max() >= 0.005]
            info["closest_reading"] = conf < s["confident"]
            lines.append(f"semantic: the planner's reading leaves the face at rest and the words do not ask for "
                         f"that; {what} (confidence {conf:.2f}) -> "
                         f"{_shown(out, np.ones(ch.NUM_CHANNELS, bool))}")
    asks_neutral = found or any("'neutral'" in e for e in plan.explanation)
    if np.abs(out).max() < s["closest_min"] and not asks_neutral and np.abs(reading.nearest_values).max() >= s["closest_min"]:
        out = _coherent(np.array(reading.nearest_values, dtype=np.float64))
        info["closest_reading"] = True
        lines.append(
            f"semantic: nothing in this description was understood with confidence; proposing the closest "
            f"reading, corpus line {reading.nearest_text[:70]!r} (similarity {conf:.2f}) -> {_shown(out, np.ones(ch.NUM_CHANNELS, bool))}"
        )
    if not understood and not info["closest_reading"] and conf < s["confident"] and np.abs(out).max() >= s["closest_min"]:
        info["closest_reading"] = True
        lines.append(f"semantic: nothing in this description was understood with confidence (closest corpus line "
                     f"{reading.nearest_text[:70]!r}, similarity {conf:.2f}); the proposal is the learned layer's closest reading")
    return Combined(out, lines, info)


#: words that ask for the whole face at rest ("neutral face", "back to neutral", "goes blank", "expressionless");
#: not a part kept neutral ("mouth neutral", "brows at rest"), which says what does not move
_REST_WORD = re.compile(r"\b(?:neutral|blank|expressionless|impassive|deadpan|poker[- ]?faced?|at\s+rest|resting\s+face|relaxed|relaxes|"
                        r"slack|empty|still|motionless|flat)\b", re.IGNORECASE)
#: the face parts and the linking words between a part and the state said of it ("mouth stays neutral")
_FACE_PARTS = r"brows?|eyebrows?|forehead|eyes?|lids?|mouth|lips?|jaw|chin|cheeks?|nose|corners?"
_LINKING = (r"is|are|stays?|stayed|remains?|remained|kept|keeps?|held|perfectly|completely|totally|dead|staying|still|stock|"
            r"absolutely|entirely|goes|went")
#: a part just before a rest word makes it that part's ("mouth stays neutral"), one half of the face too ("keep the top half neutral")
_PART_BEFORE = re.compile(rf"\b(?:head|gaze|{_FACE_PARTS}|(?:upper|lower|top|bottom)\s+(?:half|face|part)(?:\s+of\s+(?:the|his|her|their|my)\s+face)?)"
                          rf"(?:\s+(?:otherwise|{_LINKING}))*\s*$", re.IGNORECASE)


def _asks_rest(text: str) -> bool:
    """The words ask for the whole face at rest: a rest word ("neutral", "blank", "relaxed") that is not
    said of one part only ("mouth neutral", "brows still")."""
    return _unbound(text, _REST_WORD, _PART_BEFORE)


def _neutral_face(plan, text: str) -> bool:
    """The words ask for a neutral face, alone or beside what the planner read: "neutral face", "back to
    neutral, eyes on the door", "'all rise' -- open jaw, neutral face" (not "mouth neutral", "lower face neutral",
    "R neutral", "the rest of her face neutral", which say what does not move beside a movement; not "blank" or
    "unmoved", which the corpus reads as a flat face with lids and lips a little pressed). Beside a movement, the
    face around it stays at rest (stop 55, dev with a head fit on train alone: 16 expectations more met, 2 fewer;
    the learned layer had raised the brows of "open jaw, neutral face" to 0.6)."""
    if not _said_neutral(plan):
        return False
    beats = getattr(plan, "beats", None)
    return _unbound(beats[-1] if beats else text, _NEUTRAL, _NOT_WHOLE)


def _said_neutral(plan) -> bool:
    """The planner read the words as a neutral start ("'neutral' -> all channels start from rest")."""
    return any(e.startswith("'neutral' ->") for e in plan.explanation)


def _unbound(text: str, word: re.Pattern, bound: re.Pattern) -> bool:
    """Some match of ``word`` in ``text`` is not bound by what comes just before it (``bound`` matches the
    40 characters before: "mouth neutral" is the mouth's, not the face's)."""
    return any(not bound.search(text[max(0, m.start() - 40): m.start()]) for m in word.finditer(text))


_NEUTRAL = re.compile(r"\bneutral\b", re.IGNORECASE)
#: what before "neutral" makes it one part's or one side's: "mouth neutral", "lower face neutral", "R neutral"
_NOT_WHOLE = re.compile(
    rf"(?:\b(?:{_FACE_PARTS}|upper|lower|top|bottom|half|otherwise|other|rest\s+of\s+(?:the|his|her|their|my|your)\s+face|"
    rf"left|right|(?-i:[LR]))\b(?:\s+(?:face|half|{_LINKING}))*\s*)$", re.IGNORECASE)


def strip_negations(text: str) -> str | None:
    """The text without its negation words (None when it has none)."""
    stripped, n = _NEGATION.subn(" ", text)
    return re.sub(r"\s+", " ", stripped).strip() if n else None


class SemanticLayer:
    """The encoder and the learned head, loaded once; ``read`` is thread-safe."""

    def __init__(self, model: SemanticModel, encoder=None, combine_settings: dict | None = None):
        from .encoder import MiniLMEncoder

        self.model = model
        self.encoder = encoder if encoder is not None else MiniLMEncoder()
        self.settings = copy.deepcopy({**DEFAULT_COMBINE, **(model.card.get("combine") or {}), **(combine_settings or {})})
        wrong = settings_problem(self.settings)
        if wrong:
            raise ValueError(f"combination settings: {wrong}")
        self._lock = threading.Lock()

    @classmethod
    def load(cls, folder: str | Path | None = None, encoder=None) -> "SemanticLayer":
        from .resources import default_model_dir

        return cls(SemanticModel.load(folder or default_model_dir()), encoder)

    def prefetch(self, descriptions, backgrounds, emotions) -> None:
        """Encode a batch of descriptions and contexts at once (one forward pass; later reads hit the cache)."""
        contexts = [f"{b} {e}".strip() for b, e in zip(backgrounds, emotions)]
        texts = [t for t in dict.fromkeys(readable(t) for t in list(descriptions) + contexts) if not self._has(t)]
        if texts:
            self.encoder.encode(texts)

    def is_cached(self, text: str) -> bool:
        return self._has(readable(text))

    def _has(self, encoded_text: str) -> bool:
        has = getattr(self.encoder, "has", None)
        return bool(has(encoded_text)) if has is not None else False

    def read_many(self, plans, descriptions, backgrounds, emotions) -> list[Reading]:
        # a face the planner reads at rest ("the face is calm") is read without the script's context: a
        # calm face stays calm, whatever the scene's emotion would colour the learned reading with (a
        # forest-path fright read a faint smile into "the face is calm": "surprise" is often pleasant)
        contexts = ["" if _reads_rest(p, np.asarray(p.values, dtype=np.float64), self.settings) else f"{b} {e}".strip()
                    for p, b, e in zip(plans, backgrounds, emotions)]
        vecs = self.encoder.encode([readable(t) for t in list(descriptions) + contexts])
        d, c = vecs[: len(descriptions)], vecs[len(descriptions):]
        if self.model.uses_plan:
            x = self.model.feature_rows(d, c, np.array([p.values for p in plans]), [set(getattr(p, "understood", ())) for p in plans])
        else:
            x = self.model.feature_rows(d, c, None, None)
        values, spread = self.model.predict_spread(x)
        presence = self.model.presence(x)
        magnitude = self.model.magnitude(x)
        both = np.array([not _names_a_side(p, t) for p, t in zip(plans, descriptions)])
        if both.any():  # words that name no side move both sides alike (see :func:`symmetric`)
            values[both] = symmetric(values[both])
            if presence is not None:
                presence[both] = symmetric(presence[both])
            if magnitude is not None:
                magnitude[both] = symmetric(magnitude[both])
        if presence is not None:
            open_ = np.array([~_kept_mask(p) for p in plans]) if self.model.uses_plan else None
            values = apply_presence(values, presence, self.settings, magnitude, open_)
        idx, sims = self.model.nearest(d)
        inten = self.model.intensity(d)
        return [
            Reading(values[i], float(max(0.0, sims[i, 0])), self.model.anchor_texts[idx[i, 0]], self.model.anchor_values[idx[i, 0]],
                    float(inten[i]), spread[i], descriptions[i], backgrounds[i], emotions[i],
                    None if presence is None else presence[i])
            for i in range(len(descriptions))
        ]

    def refine(self, plan, description: str, background: str = "", emotion: str = "") -> Combined:
        from .encoder import single_threaded

        with single_threaded():  # small products: synchronising BLAS threads costs more than it saves
            reading = self.read_many([plan], [description], [background], [emotion])[0]
            return combine(plan, reading, self.settings, self.unnegated(plan, description, background, emotion, reading),
                           self.model.gate)

    def unnegated(self, plan, description: str, background: str, emotion: str, reading: Reading,
                  always: bool = False) -> np.ndarray | None:
        """Learned values of the description without its negations, when :func:`combine` needs them
        (the planner's face is empty, or the learned layer may add channels beside it); else None."""
        if not always and np.abs(plan.values).max() >= self.settings["closest_min"] and self.settings["fill"] <= 0:
            return None
        stripped = strip_negations(description)
        if not stripped:
            return None
        return self.read_many([plan], [stripped], [background], [emotion])[0].values
