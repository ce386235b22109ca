"""The planner's vocabulary: what animators' words mean for the 61 channels.

Three kinds of entries turn words into channel targets:

* :data:`CONCEPTS` -- named movements and expressions with their channel targets at full intensity
  (built from FACS action units where one fits, see :mod:`.facs`).
* :data:`EXPRESSION_WORDS` -- words that name a whole expression or action on their own
  ("grin", "wink", "yawn", "nod").
* :data:`PARTS` x :data:`ACTIONS` -> :data:`RULES` -- a face part and a movement word in the same clause
  ("the inner brows lift", "lips pressed together", "gaze drops") select a concept.

plus the modifier words (intensity, negation, comparison, side, holding). All keys are lemmas as produced
by :func:`.text.lemma` (lower case, base form), multi-word keys are joined by single spaces.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .facs import AU_TABLE, EMOTIONS, EMOTION_WORDS, au_targets

__all__ = [
    "Concept",
    "CONCEPTS",
    "EXPRESSION_WORDS",
    "PARTS",
    "ACTIONS",
    "RULES",
    "PART_DEFAULTS",
    "ACTION_FALLBACK",
    "INTENSITY",
    "SIZE_OF_ANOTHER",
    "NEGATION_BEFORE",
    "NEGATION_AFTER",
    "MORE",
    "LESS",
    "HOLD",
    "NEUTRAL_WORDS",
    "SIDE_WORDS",
    "ONE_SIDED_WORDS",
    "BOTH_WORDS",
    "DEFAULT_SIDE",
    "DEFAULT_TURN",
    "vocabulary",
]

#: Side used when a one-sided action names no side (the face's own left).
DEFAULT_SIDE = "left"
#: Direction of a head turn or shake that names none ("a turn of the head", "head turning away"): the
#: corpus's animators turn such a head toward the face's right (positive HeadYaw) about four times in five.
DEFAULT_TURN = "right"


@dataclass(frozen=True)
class Concept:
    """A movement with its channel targets at full intensity.

    ``sided``: ``"sym"`` acts on both sides unless a side is named; ``"one"`` acts on one side
    (:data:`DEFAULT_SIDE` unless named); ``"dir"`` is a movement whose targets point toward the face's
    right, mirrored when the text says left; ``"none"`` ignores side words.
    ``default`` is the intensity used when no intensity word is given. ``region`` names the part of the
    face it describes (used to decide which regions an emotion may still colour).
    """

    key: str
    targets: dict[str, float]
    region: str
    default: float = 0.6
    sided: str = "sym"
    label: str = ""
    neutralises: tuple[str, ...] = field(default_factory=tuple)  # regions this concept resets when negated/relaxed


def _c(key, targets, region, default=0.6, sided="sym", label=""):
    return key, Concept(key, targets, region, default, sided, label or key.replace("_", " "))


_AU = au_targets

#: The squeeze of a scrunched face (brows down, cheeks up, lids tight, nose and upper lip up, lips stretched), which a
#: wince makes with its inner brows lifted a little
_SCRUNCH_AUS = {4: 0.6, 6: 0.6, 7: 0.8, 9: 0.3, 10: 0.3, 20: 0.4, 43: 0.45}
CONCEPTS: dict[str, Concept] = dict(
    [
        # --- expressions ------------------------------------------------------------------------
        _c("smile", _AU({12: 1.0, 6: 0.45}), "mouth"),
        _c("grin", {**_AU({12: 1.0, 6: 0.6, 25: 1.0, 10: 0.3, 20: 0.2}), "JawOpen": 0.25}, "mouth", 0.75),
        _c("beam", {**_AU({12: 1.0, 6: 0.7, 25: 0.8}), "JawOpen": 0.15}, "mouth", 0.8),
        _c("smirk", _AU({12: 0.7, 14: 0.6}), "mouth", 0.6, "one"),
        _c("half_smile", _AU({12: 0.8, 14: 0.2}), "mouth", 0.6, "one", "half smile"),
        # a smile "that doesn't reach the eyes": the lip corners without the cheek raiser (AU6)
        _c("mouth_only_smile", _AU({12: 0.8}), "mouth", 0.5, label="smile without the eyes"),
        _c("frown", {**_AU({15: 0.9, 4: 0.7, 17: 0.25})}, "mouth"),
        _c("mouth_frown", _AU({15: 1.0, 17: 0.2}), "mouth", label="mouth corners down"),
        _c("scowl", _AU({4: 1.0, 7: 0.5, 15: 0.35, 23: 0.4}), "brows", 0.7),
        _c("sneer", _AU({9: 0.7, 10: 0.9, 4: 0.25}), "mouth", 0.65),
        _c("pout", {**_AU({17: 0.8, 15: 0.4, 1: 0.45}), "MouthPucker": 0.5}, "mouth", 0.65),
        # (the inner brows go up a little in a wince: corpus, lines saying it, BrowInnerUp above 0.1 in 158 of train's 317 and
        # 50 of dev's 90, 0.15 / 0.18 on average)
        _c("wince", _AU({**_SCRUNCH_AUS, 1: 0.25}), "eyes", 0.7),
        # the whole face scrunched, knit or squeezed ("face scrunched in fury", "screw face"): a wince's squeeze without the
        # inner brows it lifts
        _c("face_scrunch", _AU(_SCRUNCH_AUS), "eyes", 0.7, label="face scrunched"),
        _c("grimace", _AU({20: 0.9, 4: 0.5, 1: 0.55, 7: 0.5, 25: 0.6, 10: 0.4, 6: 0.3}), "mouth", 0.7),
        _c("glare", {**_AU({4: 0.85, 7: 0.45, 23: 0.3}), "EyeWide{S}": 0.1}, "brows", 0.7),
        _c("glare_up", {**_AU({4: 0.85, 7: 0.45, 23: 0.3}), "Eye{P}Pitch": -0.35, "HeadPitch": 0.15}, "brows", 0.7, label="glare up from under the brows"),
        _c("cringe", _AU({20: 0.6, 24: 0.4, 7: 0.45, 1: 0.35, 4: 0.3, 64: 0.3}), "mouth", 0.7),
        _c("squint", _AU({7: 1.0, 6: 0.3, 4: 0.25}), "eyes"),
        _c("yawn", {**_AU({27: 1.0, 1: 0.3, 22: 0.15, 7: 0.45, 25: 0.5, 10: 0.15}), "EyeBlink{S}": 0.6, "HeadPitch": -0.15}, "mouth", 0.8),
        _c("laugh", {**_AU({12: 1.0, 6: 0.8, 27: 0.75, 25: 0.6, 7: 0.6}), "MouthLowerDown{S}": 0.5, "EyeBlink{S}": 0.25, "HeadPitch": -0.15}, "mouth", 0.75),
        _c("giggle", {**_AU({12: 0.9, 6: 0.6, 26: 0.35, 25: 0.4, 7: 0.2})}, "mouth", 0.65),
        _c("chuckle", {**_AU({12: 0.8, 6: 0.5, 26: 0.25, 25: 0.3})}, "mouth", 0.6),
        _c("sob", _AU({1: 0.9, 4: 0.1, 15: 0.8, 17: 0.4, 26: 0.5, 6: 0.4, 7: 0.5, 20: 0.4, 41: 0.3}), "mouth", 0.75),
        _c("cry", _AU({1: 0.85, 4: 0.08, 15: 0.8, 17: 0.5, 7: 0.6, 6: 0.3, 41: 0.2, 43: 0.45, 20: 0.4}), "mouth", 0.7),
        _c("gasp", {**_AU({26: 0.9, 5: 0.7, 1: 0.6, 2: 0.6, 22: 0.2}), "HeadPitch": -0.08}, "mouth", 0.75),
        # air sucked in through the teeth (the mechanic's "that'll cost you", a sting): lips stretched back
        # from set teeth, eyes narrowed, brows drawn (corpus train: stretch 0.45, squint 0.35, brows 0.25)
        _c("teeth_suck", {"MouthStretch{S}": 1.0, "EyeSquint{S}": 0.75, "BrowDown{S}": 0.55, "BrowInnerUp": 0.45,
                          "MouthLowerDown{S}": 0.45, "MouthUpperUp{S}": 0.45}, "mouth", 0.45, label="air sucked through the teeth"),
        _c("sigh", {**_AU({41: 0.5, 25: 0.4, 1: 0.25, 26: 0.15, 22: 0.3}), "HeadPitch": 0.08}, "eyes", 0.6),
        _c("kiss", {"MouthPucker": 1.0, "MouthFunnel": 0.1, "EyeBlink{S}": 0.3}, "mouth", 0.8),
        _c("whistle", {"MouthPucker": 0.8, "MouthFunnel": 0.55, "CheekPuff": 0.2}, "mouth", 0.8),
        _c("blow", {"CheekPuff": 0.7, "MouthPucker": 0.6, "MouthFunnel": 0.35}, "mouth", 0.8),
        _c("chew", {"JawOpen": 0.3, "MouthClose": 0.2, "MouthRollLower": 0.1}, "mouth"),  # the side: text.py ("chewing on the left")
        _c("bite_lip", {"MouthRollLower": 0.8, "MouthUpperUp{S}": 0.25, "JawOpen": 0.05}, "mouth", 0.7, label="bite lip"),
        _c("lick_lips", {"TongueOut": 0.45, "JawOpen": 0.15, "MouthLowerDown{S}": 0.15, "MouthFunnel": 0.1}, "mouth", 0.8, label="lick lips"),
        _c("tongue_out", _AU({19: 1.0, 26: 0.4}), "mouth", 0.8, label="tongue out"),
        _c("puff_cheeks", _AU({33: 1.0}), "cheeks", 0.8, label="puff cheeks"),
        _c("suck_cheeks", _AU({35: 1.0}), "cheeks", 0.7, label="suck in cheeks"),
        _c("blink", _AU({43: 1.0}), "eyes", 1.0),
        _c("wink", {**_AU({46: 1.0}), "EyeSquint{S}": 0.3, "MouthSmile{S}": 0.15}, "eyes", 1.0, "one"),
        _c("eye_roll", {"Eye{P}Pitch": -0.4, "Eye{P}Yaw": 0.2, "BrowOuterUp{S}": 0.2, "HeadRoll": 0.08}, "gaze", 0.8, "dir", "eye roll"),
        _c("stare", {"EyeWide{S}": 0.35, "Eye{P}Yaw": 0.0}, "eyes", 0.6, "none"),
        _c("shush", {"MouthPucker": 0.7, "MouthFunnel": 0.5, "JawOpen": 0.05}, "mouth", 0.8),
        # --- individual movements: brows -------------------------------------------------------
        _c("brows_raise", _AU({1: 1.0, 2: 1.0}), "brows", label="brows raise"),
        _c("inner_brows_raise", _AU({1: 1.0}), "brows", label="inner brows raise"),
        _c("outer_brows_raise", _AU({2: 1.0}), "brows", label="outer brows raise"),
        _c("brow_raise_one", {**_AU({2: 1.0, 1: 0.4})}, "brows", 0.65, "one", "one brow raised"),
        _c("brows_lower", _AU({4: 1.0}), "brows", label="brows lower"),
        _c("brows_knit", {**_AU({4: 1.0}), "BrowInnerUp": 0.2}, "brows", label="brows knit"),
        # --- lids ------------------------------------------------------------------------------
        _c("eyes_wide", _AU({5: 1.0, 2: 0.3, 1: 0.2}), "eyes", label="eyes wide"),
        _c("eyes_close", _AU({43: 1.0}), "eyes", 1.0, label="eyes close"),
        _c("eyes_squeeze", {**_AU({43: 1.0, 7: 0.7, 6: 0.5, 4: 0.4})}, "eyes", 0.9, label="eyes squeeze shut"),
        _c("eyes_narrow", {**_AU({7: 1.0, 6: 0.2, 4: 0.35}), "EyeBlink{S}": 0.2}, "eyes", label="eyes narrow"),
        _c("lids_droop", {"EyeBlink{S}": 0.75}, "eyes", label="lids droop"),
        _c("eyes_open", {"EyeWide{S}": 0.15}, "eyes", label="eyes open"),
        # "wide awake": alert eyes, clearly open (corpus: EyeWide 0.3, BrowOuterUp 0.15), less than a startled stare
        _c("eyes_alert", {"EyeWide{S}": 0.5, "BrowOuterUp{S}": 0.25}, "eyes", label="eyes alert"),
        # --- gaze (targets point right/up/down; 'dir' mirrors them for left) --------------------
        _c("gaze_right", {"Eye{P}Yaw": 0.6}, "gaze", 0.6, "dir", "gaze sideways"),
        _c("gaze_up", {"Eye{P}Pitch": -0.4}, "gaze", 0.6, "none", "gaze up"),
        _c("gaze_down", {"Eye{P}Pitch": 0.4}, "gaze", 0.6, "none", "gaze down"),
        _c("gaze_away", {"Eye{P}Yaw": 0.55, "Eye{P}Pitch": 0.2, "HeadYaw": 0.25}, "gaze", 0.6, "dir", "gaze away"),
        _c("gaze_camera", {"Eye{P}Yaw": 0.0, "Eye{P}Pitch": 0.0, "HeadYaw": 0.0}, "gaze", 0.6, "none", "gaze at camera"),
        _c("look_up", {"Eye{P}Pitch": -0.4, "HeadPitch": -0.2}, "gaze", 0.6, "none", "look up"),
        _c("look_down", {"Eye{P}Pitch": 0.4, "HeadPitch": 0.2}, "gaze", 0.6, "none", "look down"),
        _c("look_right", {"Eye{P}Yaw": 0.6, "HeadYaw": 0.2}, "gaze", 0.6, "dir", "look sideways"),
        # "looks back over her left shoulder": the head turns most of the way round and the eyes go on past it
        # (corpus: HeadYaw 0.35-0.45 with EyeLookOut 0.35-0.5), far more head than a sideways look
        _c("look_over_shoulder", {"Eye{P}Yaw": 0.6, "HeadYaw": 0.65}, "gaze", 0.6, "dir", "look over the shoulder"),
        # "peeks round the corner to his right": the head leans out that way and turns to look (corpus: HeadYaw
        # 0.3, HeadRoll 0.18 toward the same side), the eyes going with it
        _c("peek_round", {"Eye{P}Yaw": 0.4, "HeadYaw": 0.5, "HeadRoll": 0.3}, "gaze", 0.6, "dir", "peek round"),
        # --- head ------------------------------------------------------------------------------
        _c("head_turn", {"HeadYaw": 0.6}, "head", 0.6, "dir", "head turn"),
        _c("head_tilt", {"HeadRoll": 0.4}, "head", 0.6, "dir", "head tilt"),
        _c("head_down", {"HeadPitch": 0.5}, "head", 0.6, "none", "head down"),
        _c("head_up", {"HeadPitch": -0.5}, "head", 0.6, "none", "head up"),
        _c("nod", {"HeadPitch": 0.35}, "head", 0.7, "none"),
        _c("shake", {"HeadYaw": 0.25}, "head", 0.7, "dir", "head shake"),
        _c("head_forward", {"HeadPitch": 0.1, "JawForward": 0.1}, "head", 0.6, "none", "head forward"),
        _c("head_back", {"HeadPitch": -0.3}, "head", 0.6, "none", "head back"),
        _c("head_straight", {"HeadYaw": 0.0, "HeadPitch": 0.0, "HeadRoll": 0.0}, "head", 0.6, "none", "head straight"),
        # --- jaw -------------------------------------------------------------------------------
        _c("jaw_open", _AU({27: 0.8, 25: 0.6}), "mouth", label="jaw open"),
        _c("jaw_drop_full", _AU({27: 0.9, 25: 0.8, 5: 0.5, 1: 0.4, 2: 0.4}), "mouth", 1.0, label="jaw drops all the way"),
        _c("jaw_slack", {**_AU({26: 1.0, 25: 0.5}), "MouthFunnel": 0.05}, "mouth", label="jaw slack"),
        _c("jaw_clench", {**_AU({24: 0.6, 20: 0.4, 14: 0.3, 17: 0.2, 4: 0.35, 7: 0.4})}, "mouth", 0.7, label="jaw clench"),
        _c("jaw_forward", _AU({29: 1.0}), "mouth", label="jaw jut"),
        _c("jaw_right", {"JawRight": 1.0, "MouthRight": 0.3}, "mouth", 0.5, "dir", "jaw shift"),
        _c("mouth_open", {**_AU({26: 1.0, 25: 0.7}), "MouthLowerDown{S}": 0.45}, "mouth", label="mouth open"),
        # --- lips ------------------------------------------------------------------------------
        # Pressed lips stay below 0.4 in the real capture (../shared/fixtures); 0.65 at full intensity keeps
        # a plain press near KeyframeFace's 0.4 and a hard one near the corpus's 0.55.
        _c("lips_press", _AU({24: 0.65, 17: 0.35}), "mouth", label="lips press"),
        _c("lips_tighten", _AU({23: 1.0, 20: 0.35}), "mouth", label="lips tighten"),
        _c("lips_purse", {"MouthPucker": 0.85, "MouthPress{S}": 0.25}, "mouth", label="lips purse"),
        _c("lips_pucker", _AU({18: 1.0, 22: 0.25}), "mouth", label="lips pucker"),
        _c("lips_funnel", {"MouthFunnel": 1.0, "JawOpen": 0.1}, "mouth", label="lips funnel"),
        _c("lips_roll_in", _AU({28: 1.0}), "mouth", label="lips roll in"),
        _c("lips_part", {**_AU({25: 1.0}), "JawOpen": 0.25}, "mouth", 0.6, label="lips part"),
        _c("lips_stretch", _AU({20: 1.0}), "mouth", label="lips stretch"),
        _c("lips_close", {"MouthClose": 0.0, "JawOpen": 0.0, "MouthPress{S}": 0.3}, "mouth", label="lips close"),
        _c("lips_right", {"MouthRight": 1.0}, "mouth", 0.5, "dir", "lips shift"),
        # "lips moving soundlessly, counting": the lips work as in speech, a little open and rounding
        # (corpus: JawOpen 0.06-0.1, MouthFunnel 0.1, MouthLowerDown 0.08-0.1)
        _c("lips_talk", {"JawOpen": 0.2, "MouthFunnel": 0.2, "MouthLowerDown{S}": 0.2}, "mouth", 0.5, label="lips move as in speech"),
        _c("upper_lip_raise", _AU({10: 1.0}), "mouth", label="upper lip raise"),
        _c("teeth_bared", {**_AU({10: 0.8, 25: 1.0, 16: 0.5, 20: 0.3})}, "mouth", 0.7, label="teeth bared"),
        _c("lower_lip_down", _AU({16: 1.0}), "mouth", label="lower lip down"),
        _c("lower_lip_out", {"MouthShrugLower": 0.8, "MouthPucker": 0.3, "MouthFrown{S}": 0.2}, "mouth", label="lower lip out"),
        _c("lower_lip_in", {"MouthRollLower": 1.0}, "mouth", label="lower lip rolls in"),
        _c("upper_lip_in", {"MouthRollUpper": 1.0}, "mouth", label="upper lip rolls in"),
        _c("lip_tremble", _AU({17: 0.6, 15: 0.3, 20: 0.2, 1: 0.45, 24: 0.45}), "mouth", label="lip quiver"),
        _c("teeth_grit", _AU({24: 0.35, 20: 0.55, 10: 0.45, 16: 0.35, 4: 0.45, 7: 0.5}), "mouth", 0.75, label="gritted teeth"),
        _c("corners_up", _AU({12: 1.0}), "mouth", label="mouth corners up"),
        _c("corners_down", _AU({15: 1.0}), "mouth", label="mouth corners down"),
        _c("corners_back", _AU({14: 1.0}), "mouth", label="mouth corners back"),
        _c("chin_raise", _AU({17: 1.0}), "mouth", label="chin raiser"),
        # --- cheeks, nose, tongue -----------------------------------------------------------------
        _c("cheeks_raise", _AU({6: 1.0}), "cheeks", label="cheeks raise"),
        _c("nose_wrinkle", _AU({9: 1.0, 7: 0.25}), "nose", label="nose wrinkle"),
        _c("nostrils_flare", _AU({38: 1.0}), "nose", 0.7, label="nostrils flare"),
    ]
)

# Vocal and bodily actions that set the whole face (our own targets, checked against how the corpus's
# animators annotate them and against the capture's extremes: a scream opens the jaw as far as a yawn).
CONCEPTS.update(
    dict(
        [
            _c("scream", {**_AU({27: 0.9, 20: 0.65, 16: 0.4, 10: 0.3, 5: 0.75, 1: 0.7, 2: 0.6})}, "mouth", 1.0),
            # a howl of pain or grief: the jaw wide, the lips stretched, the inner brows up against narrowed eyes
            # (corpus train howls: jaw 0.35-0.9, stretch 0.35-0.5, inner brows 0.2-0.7, squint 0.3-0.6)
            _c("howl", {**_AU({26: 0.75, 20: 0.45, 1: 0.55, 4: 0.3, 7: 0.55, 6: 0.25, 15: 0.25, 10: 0.2})}, "mouth", 0.9),
            _c("yell", {**_AU({26: 0.85, 25: 0.6, 20: 0.25, 2: 0.45, 1: 0.3, 5: 0.3, 7: 0.4})}, "mouth", 0.9),
            _c("roar", {**_AU({27: 0.8, 10: 0.5, 4: 0.6, 7: 0.5, 20: 0.3})}, "mouth", 0.9),
            # a scream of rage: the scream's open mouth and lowered lip under the brows and lids of anger
            _c("rage_scream", {**_AU({27: 0.9, 20: 0.5, 16: 0.45, 10: 0.45, 4: 0.7, 7: 0.5})}, "mouth", 1.0),
            _c("sneeze", {**_AU({43: 0.95, 7: 0.6, 9: 0.55, 6: 0.4, 26: 0.8, 10: 0.3, 4: 0.4}), "HeadPitch": 0.15}, "eyes", 1.0),
            _c("cough", {**_AU({26: 0.55, 7: 0.5, 4: 0.35, 1: 0.25, 20: 0.2, 43: 0.3})}, "mouth", 0.9),
            _c("gag", {**_AU({26: 0.75, 9: 0.5, 10: 0.4, 7: 0.5, 4: 0.35, 19: 0.3, 20: 0.3})}, "mouth", 0.9),
            _c("snore", {**_AU({43: 1.0, 26: 0.55})}, "eyes", 1.0),
            _c("sniff", {**_AU({9: 0.35, 24: 0.25, 1: 0.2})}, "nose", 0.9),
            _c("hiccup", {**_AU({26: 0.35, 5: 0.4, 1: 0.35, 2: 0.35})}, "mouth", 0.9),
            _c("growl", {**_AU({4: 0.7, 10: 0.5, 9: 0.45, 7: 0.45, 26: 0.35, 16: 0.3})}, "mouth", 0.9),
            _c("groan", {**_AU({4: 0.4, 26: 0.5, 10: 0.3, 9: 0.3, 7: 0.25, 64: 0.5})}, "mouth", 0.8),
            _c("spit", {"MouthPucker": 0.6, "MouthFunnel": 0.3, "CheekPuff": 0.25, **_AU({9: 0.35, 4: 0.3})}, "mouth", 0.9),
            _c("pant", {**_AU({26: 0.6, 25: 0.6, 1: 0.25})}, "mouth", 0.8),
            _c("burp", {**_AU({26: 0.55, 5: 0.3, 2: 0.3}), "CheekPuff": 0.2}, "mouth", 0.8),
            _c("snort", {**_AU({9: 0.45, 12: 0.35, 24: 0.35, 6: 0.2})}, "nose", 0.9),
            _c("raspberry", {"TongueOut": 0.5, "CheekPuff": 0.35, "JawOpen": 0.1, "EyeBlink{S}": 0.2}, "mouth", 0.9),
        ]
    )
)

# FACS codes written as such ("AU12", "AU1+2+26", "AU4B"): one concept per action unit.
for _n, _unit in AU_TABLE.items():
    _region = {"Brow": "brows", "Chee": "cheeks", "Nose": "nose", "Head": "head", "Eye{": "gaze"}.get(
        next(iter(_unit.targets))[:4], "eyes" if next(iter(_unit.targets)).startswith("Eye") else "mouth"
    )
    _sided = "one" if _n == 46 else "none" if _n >= 51 else "sym"
    CONCEPTS[f"au_{_n}"] = Concept(f"au_{_n}", dict(_unit.targets), _region, 0.65, _sided, f"AU{_n} {_unit.name}")

# Emotion words are concepts too ("looks worried"): one concept per prototype.
for _name, _proto in EMOTIONS.items():
    _sided = "one" if _proto.get("one_sided") else "sym"
    CONCEPTS["emotion_" + _name] = Concept("emotion_" + _name, au_targets(_proto["aus"]), "face", 0.8, _sided, _name)

#: Words naming a whole expression or action -> concept key.
EXPRESSION_WORDS: dict[str, str] = {
    "smile": "smile", "smiley": "smile", "grin": "grin", "beam": "beam", "smirk": "smirk",
    "half smile": "half_smile", "half-smile": "half_smile", "lopsided smile": "half_smile", "crooked smile": "half_smile",
    "frown": "frown", "scowl": "scowl", "sneer": "sneer", "pout": "pout", "sulk": "pout",
    "wince": "wince", "flinch": "wince", "grimace": "grimace", "glare": "glare", "glower": "glare",
    "squint": "squint", "yawn": "yawn", "laugh": "laugh", "laughter": "laugh", "cackle": "laugh",
    "giggle": "giggle", "chuckle": "chuckle", "titter": "giggle", "snicker": "chuckle", "snigger": "chuckle", "chortle": "chuckle",
    "sob": "sob", "weep": "cry", "cry": "cry", "smile not reach eye": "mouth_only_smile", "smile do not reach eye": "mouth_only_smile",
    "smile never reach eye": "mouth_only_smile", "smile that not reach eye": "mouth_only_smile",
    "smile that do not reach eye": "mouth_only_smile", "smile that never reach eye": "mouth_only_smile",
    "burst into tears": "sob", "break into tears": "sob", "dissolve into tears": "sob", "break down in tears": "sob",
    "break down cry": "sob", "in flood of tears": "sob", "flood of tears": "sob", "burst out cry": "sob",
    "tear up": "eyes_moist", "tearful": "cry",  "bawl": "sob",  # tearing up: the eyes welling, short of crying
    "gasp": "gasp", "sigh": "sigh", "exhale": "sigh",
    **{f"heave a {size}sigh": "sigh" for size in ("", "deep ", "heavy ", "big ", "long ", "great ", "huge ", "weary ", "tired ",
                                                   "little ")},
    # a sharp breath in is a gasp (a deep or slow one is not); through the teeth it is the teeth suck
    "intake of breath": "gasp", "sharp intake": "gasp", "sharp breath": "gasp", "sharp inhale": "gasp", "inhale sharply": "gasp",
    "sharply inhale": "gasp", "sharp inhalation": "gasp", "quick intake": "gasp", "suck in a breath": "gasp", "suck in breath": "gasp",
    "breath catch": "gasp", "draw a sharp breath": "gasp",
    "suck air through teeth": "teeth_suck", "suck in air through teeth": "teeth_suck", "suck breath through teeth": "teeth_suck",
    "air through teeth": "teeth_suck", "breath through teeth": "teeth_suck", "intake of breath through teeth": "teeth_suck",
    "intake of breath through clench teeth": "teeth_suck", "breath through clench teeth": "teeth_suck",
    "air through clench teeth": "teeth_suck", "suck air through clench teeth": "teeth_suck", "hiss through teeth": "teeth_suck",
    "sharp intake of breath through teeth": "teeth_suck", "sharp intake of breath through clench teeth": "teeth_suck",
    "sharp breath through teeth": "teeth_suck", "sharp breath through clench teeth": "teeth_suck", "inhale through teeth": "teeth_suck", "inhale through clench teeth": "teeth_suck",
    "kiss": "kiss", "whistle": "whistle", "blow": "blow", "chew": "chew", "munch": "chew",
    "bite lip": "bite_lip", "bite lower lip": "bite_lip", "bite the lip": "bite_lip", "bite lower": "bite_lip",
    "lick lip": "lick_lips", "lick": "lick_lips",
    "tongue out": "tongue_out", "stick out tongue": "tongue_out", "stick tongue out": "tongue_out",
    "stick out the tongue": "tongue_out", "stick the tongue out": "tongue_out", "tongue": "tongue_out",
    "puff cheek": "puff_cheeks", "puff out cheek": "puff_cheeks", "puff": "puff_cheeks", "puffed cheek": "puff_cheeks",
    "suck in cheek": "suck_cheeks",
    "blink": "blink", "wink": "wink",
    "eye roll": "eye_roll", "roll eye": "eye_roll", "roll of the eye": "eye_roll", "eye-roll": "eye_roll", "roll the eye": "eye_roll", "eyeroll": "eye_roll",
    "stare": "stare", "gape": "jaw_slack",
    "nod": "nod", "shake head": "shake", "shake the head": "shake", "head shake": "shake",
    "shush": "shush", "pucker": "lips_pucker", "purse": "lips_purse",
    "wide eyed": "eyes_wide", "wide-eyed": "eyes_wide", "bug eyed": "eyes_wide", "doe eyed": "eyes_wide",
    "furrow": "brows_knit", "knit brow": "brows_knit",
    "raise an eyebrow": "brow_raise_one", "raise one eyebrow": "brow_raise_one",
    "raise a brow": "brow_raise_one", "raise one brow": "brow_raise_one", "arch an eyebrow": "brow_raise_one", "arch a brow": "brow_raise_one",
    "clench": "jaw_clench", "grit teeth": "teeth_grit", "grit": "teeth_grit",
    "jaw on the floor": "jaw_drop_full", "jaw hit the floor": "jaw_drop_full", "jaw drop to the floor": "jaw_drop_full",
    "jaw on the ground": "jaw_drop_full", "catch fly": "jaw_slack",
    "bare teeth": "teeth_bared", "show teeth": "teeth_bared", "snarl": "sneer",
    "look up": "look_up", "look down": "look_down", "glance up": "gaze_up", "glance down": "gaze_down",
    "look away": "gaze_away", "glance away": "gaze_away", "avert": "gaze_away", "avert gaze": "gaze_away",
    "look at camera": "gaze_camera", "look into camera": "gaze_camera", "at the camera": "gaze_camera", "into the camera": "gaze_camera",
    "into the lens": "gaze_camera", "at the lens": "gaze_camera", "at the viewer": "gaze_camera", "straight ahead": "gaze_camera",
    "at the audience": "gaze_camera", "eye contact": "gaze_camera",
    "sideways glance": "gaze_right", "side glance": "gaze_right", "side eye": "gaze_right", "sidelong": "gaze_right",
    "bow": "head_down", "bow head": "head_down", "hang head": "head_down", "blink open": "eyes_open", "blink awake": "eyes_open",
    "upward nod": "head_up", "up nod": "head_up", "nod up": "head_up", "chin lift": "head_up", "chin jerk": "head_up",
    "glare up": "glare_up", "glower up": "glare_up", "look up from under": "glare_up", "look-up from under": "glare_up",
    "stare up from under": "glare_up", "breath out": "sigh", "breathe out": "sigh", "eye half": "lids_droop",
    "raise chin": "head_up", "lift chin": "head_up", "tilt chin up": "head_up", "chin up": "head_up",
    "chin in the air": "head_up", "nose in the air": "head_up",  # haughty: the head tips up
    "tuck chin": "head_down", "chin down": "head_down", "throw head back": "head_back",
    "jut": "jaw_forward", "jut jaw": "jaw_forward",
    "slack jawed": "jaw_slack", "slack-jawed": "jaw_slack", "jaw drop": "jaw_open",
    "lip quiver": "lip_tremble", "quiver": "lip_tremble", "tremble": "lip_tremble",
    "flare nostril": "nostrils_flare", "wrinkle nose": "nose_wrinkle", "scrunch nose": "nose_wrinkle",
}
EXPRESSION_WORDS.update({
    "scream": "scream", "shriek": "scream", "screech": "scream", "wail": "scream",
    # a howl is laughter by default ("I was howling, tears and all"); a silent howl, or one of pain or grief, is
    # a wail (see planner: beside pain it is read so too)
    "howl": "laugh", "silent howl": "howl", "howl of pain": "howl", "howl in pain": "howl", "howl with pain": "howl",
    "howl of anguish": "howl", "howl in anguish": "howl", "howl of grief": "howl", "howl of rage": "howl",
    "yell": "yell", "shout": "yell", "holler": "yell", "bellow": "yell", "cry out": "yell", "call out": "yell",
    "roar": "roar", "bark": "yell", "sneeze": "sneeze", "cough": "cough", "splutter": "cough", "sputter": "cough",
    "gag": "gag", "retch": "gag", "heave": "gag", "dry heave": "gag", "snore": "snore", "sniff": "sniff", "sniffle": "sniff",
    "hiccup": "hiccup", "hiccough": "hiccup", "growl": "growl", "snarl": "growl", "groan": "groan", "moan": "groan",
    "spit": "spit", "pant": "pant", "gasp for air": "pant", "burp": "burp", "belch": "burp", "blow a raspberry": "raspberry",
    "raspberry": "raspberry", "snort": "snort", "smooch": "kiss", "roar with laughter": "laugh",
    "nibble lip": "bite_lip", "nibble lower lip": "bite_lip", "nibble": "bite_lip", "chew lip": "bite_lip", "chew lower lip": "bite_lip",
    "gnaw lip": "bite_lip", "gnaw at lip": "bite_lip", "gnaw lower lip": "bite_lip", "gnaw at lower lip": "bite_lip", "gnaw on lip": "bite_lip",
    "cry with laughter": "laugh", "tear of laughter": "laugh", "tear of joy": "laugh",
    "laugh so hard": "laugh",
    "bite down on lower lip": "bite_lip", "bite down on lip": "bite_lip", "lip get bite": "bite_lip", "lower lip get bite": "bite_lip",
    "lip between teeth": "bite_lip", "lip under teeth": "bite_lip", "lower lip under teeth": "bite_lip", "catch lower lip": "bite_lip", "catch lip": "bite_lip",
    "jump out of skin": "emotion_surprise", "jolt": "emotion_surprise", "startle": "emotion_surprise",
    "face light up": "beam", "light up": "beam", "eye light up": "emotion_happiness", "eye sparkle": "emotion_happiness",
    "stiff upper lip": "lips_press", "tight lip": "lips_press", "stony face": "emotion_neutral",
    "crack a smile": "half_smile", "like a goldfish": "jaw_slack", "goldfish": "jaw_slack", "fish out of water": "jaw_slack",
    "cat's bum mouth": "lips_purse", "cat bum mouth": "lips_purse", "drawstring purse": "lips_purse", "puppy dog eye": "inner_brows_raise",
    "puppy-dog eye": "inner_brows_raise", "death stare": "glare", "evil eye": "glare", "cold shoulder": "head_turn",
    "thousand yard stare": "emotion_neutral", "glassy eye": "emotion_neutral", "dead eye": "emotion_neutral",
    "face crumple": "cry", "face collapse": "cry", "face fall": "emotion_sadness", "face drop": "emotion_sadness",
    "cringe": "cringe", "press line": "lips_press", "flat line": "lips_press",
    "turn away": "head_turn", "turn aside": "head_turn", "look over shoulder": "look_over_shoulder", "glance over shoulder": "look_over_shoulder",
    "look past shoulder": "look_over_shoulder", "glance back over shoulder": "look_over_shoulder", "look back over shoulder": "look_over_shoulder",
    "eyebrow flash": "brows_raise", "flash eyebrow": "brows_raise", "flash brow": "brows_raise",
    "wet lip": "lick_lips", "wet the lip": "lick_lips", "moisten lip": "lick_lips", "long blink": "blink", "slow blink": "blink",
    "muscle jump in jaw": "jaw_clench", "muscle jump in cheek": "jaw_clench", "muscle tick in jaw": "jaw_clench",
    "blow out": "blow", "blow out the candle": "blow", "blow on": "blow", "blow air": "blow", "puff out air": "blow",
    "gawp": "jaw_slack", "gawk": "jaw_slack", "peek up": "look_up", "peer up": "look_up", "peek down": "look_down",
    "peek round": "peek_round", "peek around": "peek_round", "peep round": "peek_round", "peep around": "peek_round",
    "peek round the corner": "peek_round", "peek around the corner": "peek_round",
    "peer round the corner": "peek_round", "peer around the corner": "peek_round", "look round the corner": "peek_round",
    "look around the corner": "peek_round",
    "narrow eyed": "eyes_narrow", "narrow-eyed": "eyes_narrow", "wide awake": "eyes_alert", "wide-awake": "eyes_alert", "heavy brow": "brows_lower",
    "heavy browed": "brows_lower", "heavy-browed": "brows_lower", "kissy": "kiss", "crack up": "laugh", "in stitches": "laugh",
    "double over": "laugh",
    # eyes against bright light or wind narrow (AU6/7 with a lowered brow)
    **dict.fromkeys(["against the light", "against the sun", "against the glare", "against the daylight", "against the sunlight",
                     "against the wind", "against the brightness", "into the sun", "into the wind", "into the glare",
                     "into the sunlight", "into the light", "in the glare", "bright sun", "blinding light", "blinding sun",
                     # a bright light is light, not a bright (happy) face
                     "bright light", "bright flash", "bright lamp", "bright spotlight", "bright sunlight", "bright headlight",
                     "bright screen", "bright glare", "bright beam"], "squint"), "guffaw": "laugh", "hoot": "laugh",
})
# "au" + the digits as letters (a=0 ... j=9): the spelling text.normalize gives FACS codes.
for _n in AU_TABLE:
    EXPRESSION_WORDS["au" + "".join(chr(ord("a") + int(d)) for d in str(_n))] = f"au_{_n}"
# dazzled or blinded by light: a squint; squeamish: a wince (corpus train: squint 0.8 with the lids half down)
EXPRESSION_WORDS.update({"dazzled": "squint", "blinded": "squint", "squeamish": "wince"})
for _word, (_name, _scale) in EMOTION_WORDS.items():
    EXPRESSION_WORDS.setdefault(_word, "emotion_" + _name)


def _add_feelings(feelings: dict[str, tuple[str, float]]) -> None:
    """Words that name a feeling (word -> (emotion, scale)), added after the tables above: read as that feeling, as the
    emotion words are."""
    EMOTION_WORDS.update(feelings)
    for word, (name, _scale) in feelings.items():
        EXPRESSION_WORDS.setdefault(word, "emotion_" + name)


#: Face-part words -> part id.
PARTS: dict[str, str] = {
    "brow": "brows", "eyebrow": "brows", "forehead": "brows",
    "inner brow": "inner_brows", "inner eyebrow": "inner_brows", "inner corner of the brow": "inner_brows",
    "inner end of the brow": "inner_brows", "brow center": "inner_brows", "middle of the brow": "inner_brows",
    "outer brow": "outer_brows", "outer eyebrow": "outer_brows", "outer corner of the brow": "outer_brows", "outer end of the brow": "outer_brows",
    "eye": "eyes", "eyeball": "eyes", "eyelid": "lids", "lid": "lids", "upper lid": "lids", "lower lid": "lower_lids",
    "gaze": "gaze", "look": "look", "glance": "gaze", "pupil": "gaze", "eyeline": "gaze", "iris": "gaze", "stare": "gaze",
    "head": "head", "face": "face", "expression": "face", "feature": "face",
    "chin": "chin",
    "jaw": "jaw", "mouth": "mouth", "teeth": "teeth",
    "lip": "lips", "upper lip": "upper_lip", "top lip": "upper_lip", "lower lip": "lower_lip", "bottom lip": "lower_lip",
    "mouth corner": "corners", "corner of the mouth": "corners", "corner of mouth": "corners", "corner": "corners",
    "lip corner": "corners", "corner of the lip": "corners", "corner of her mouth": "corners", "corner of his mouth": "corners",
    "corner of their mouth": "corners", "corner of the mouth": "corners",
    "cheek": "cheeks", "cheekbone": "cheeks",
    "nose": "nose", "nostril": "nostrils",
    "tongue": "tongue",
}

#: Things that lie or are held below the eyes, from the corpus's looks at a thing that go down ("looks at the cake",
#: "stares at the pieces", "eyes on the needle", "peers into the cot"; train and dev keep EyeLookDown >= 0.09 on such
#: lines). Read only as things: in the plural, never as a verb's stem or another word's agent ("reporter" is no report,
#: "listed" no list) and never as what a typo meant ("bord" is "bored"), see :class:`.text.Lemmatizer`. Not words with
#: a sense beside the eyes: glass ("eyes glass over"), water, fire, ring, bag, puppy, baby, lid, key, bill, form, grave.
THINGS_BELOW: frozenset[str] = frozenset({
    "cake", "cereal", "food", "soup", "sandwich", "tray", "candle", "pen", "pencil", "card", "photo", "photograph",
    "envelope", "parcel", "package", "box", "gift", "drawer", "file", "folder", "report", "document", "cheque", "ticket",
    "invitation", "list", "homework", "paper", "dough", "soil", "seedling", "flower", "cot", "crib", "pram",
    "cradle", "cage", "tank", "bucket", "basket", "wallet", "puddle", "pond", "coffin", "screen", "board", "tattoo",
    "needle", "cup", "bottle", "piece"})

#: Movement words -> action id.
ACTIONS: dict[str, str] = {
    **dict.fromkeys(["shoot", "way up"], "up"), **dict.fromkeys(["way down"], "down"),
    **dict.fromkeys(["hit the ceiling", "hits the ceiling", "shoot to the ceiling", "through the roof", "to the sky", "sky high"], "up"),
    **dict.fromkeys(["raise", "lift", "rise", "up", "arch", "hike", "hoist", "heave up", "haul up", "jack up", "ratchet up", "spring up", "soar", "shoot up", "go up", "perk", "perk up", "elevate", "high", "upward", "skyward", "heavenward", "climb", "curl up", "turn up", "tip up", "flick up", "jump", "pull up"], "up"),
    **dict.fromkeys(["lower", "drop", "down", "sink", "droop", "sag", "fall", "downward", "low", "dip", "hang", "slump", "tip down", "floor", "ground", "lap", "foot", "feet",
                     "shoe", "toe", "shoelace", "floorboard", "carpet", "rug", "pavement", "sidewalk", "boot", "doormat", "tile"], "down"),
    # things held or lying below the eyes: a look or the head goes down to them ("glances at his watch"), a mouth or a
    # brow does not ("a mouth like an open book")
    **dict.fromkeys(["table", "desk", "plate", "knee", "page", "phone", "book", "keyboard",
                     "wristwatch", "notepad", "clipboard", "menu", "laptop", "crossword", "paperwork", "map", "ledger",
                     "chessboard", "palm", "notes", "label", "letter", "contract", "receipt", "newspaper", "magazine",
                     "notebook"], "place_down"),
    # ... and more things lying or held below the eyes, which only a look and the head go down to (see THINGS_BELOW)
    **dict.fromkeys(THINGS_BELOW, "thing_down"),
    **dict.fromkeys(["pull down", "turn down", "tug down", "drag down", "draw down", "downturn"], "pulldown"),
    **dict.fromkeys(["knit", "knot", "furrow", "pinch", "draw together", "scrunch", "crease", "pull together", "bunch", "gather", "crumple", "wrinkle", "crinkle", "pucker up"], "knit"),
    # "frowning brows" knit, but a frown on the mouth is its corners pulled down ("frown on the mouth only")
    "frown": "frown",
    **dict.fromkeys(["open", "part", "gape", "unclose", "agape", "ajar", "apart", "separate", "fall open", "hang open", "drop open", "slack"], "open"),
    **dict.fromkeys(["wide open", "wide", "widen", "bulge", "pop", "pop open", "saucer", "round", "enlarge", "big", "huge", "enormous", "large", "bigger", "wider"], "wide"),
    **dict.fromkeys(["close", "shut", "closed", "seal"], "close"),
    **dict.fromkeys(["zip", "zip up", "zip shut"], "close"),  # "lips zipped": pressed shut
    # "the eyes drift shut", "lids slide closed": the lids close slowly, the gaze does not move
    **dict.fromkeys(["drift shut", "drift closed", "drift close", "slide shut", "slide closed", "slip shut", "slip closed",
                     "sink shut", "sink closed", "fall shut", "fall closed", "flutter shut", "flutter closed"], "close"),
    # "eyes squeezed shut": a squeeze that closes them (AU43 with AU6/7), more than a plain close
    **dict.fromkeys(["squeeze", "screw", "squeeze shut", "screw shut", "squeeze closed", "screw closed", "scrunch shut"], "squeeze"),
    **dict.fromkeys(["narrow", "squint", "slit", "tighten", "tight", "tense"], "narrow"),
    **dict.fromkeys(["heavy", "heavy lidded", "half close", "half-close", "half closed", "hooded", "sleepy", "half-lidded", "half lidded", "droopy", "lazy"], "droop"),
    **dict.fromkeys(["press", "press together", "compress", "clamp", "thin", "flatten", "firm", "pinched"], "press"),
    # "mouth a thin line", "lips in a hard line": a line of a mouth is a pressed one (also an intensity, below)
    **dict.fromkeys(["thin line", "hard line", "grim line", "thin white line"], "press"),
    **dict.fromkeys(["shove", "shove out", "way out"], "out"),
    **dict.fromkeys(["stretch sideways", "pull sideways", "stretch wide", "pull wide sideways"], "stretch"),
    **dict.fromkeys(["bite", "nibble"], "in"),
    **dict.fromkeys(["puffed"], "puff"),
    **dict.fromkeys(["purse", "pucker", "pout", "push out", "stick out", "jut", "protrude", "out", "forward", "thrust"], "out"),
    **dict.fromkeys(["funnel", "round", "o", "oo"], "funnel"),
    **dict.fromkeys(["roll in", "tuck in", "tuck", "suck in", "suck", "pull in", "in", "hollow", "disappear"], "in"),
    **dict.fromkeys(["stretch", "pull back", "pull wide", "draw back", "spread"], "stretch"),
    **dict.fromkeys(["curl", "curve"], "curl"),
    **dict.fromkeys(["twitch", "quirk", "tug", "hitch", "flicker", "tick"], "twitch"),
    **dict.fromkeys(["work", "grind", "chomp"], "clench"),
    **dict.fromkeys(["clench", "grit", "set", "lock", "grind"], "clench"),
    **dict.fromkeys(["puff", "inflate", "balloon", "fill", "bulge out", "blow out", "swell"], "puff"),
    **dict.fromkeys(["flare", "dilate"], "flare"),
    **dict.fromkeys(["tilt", "lean", "incline", "angle", "tip", "loll"], "tilt"),
    # a cocked head is a tilted one, but a cocked brow is one brow raised (tilted brows are the inner raise)
    "cock": "cock",
    **dict.fromkeys(["turn", "swivel", "rotate", "twist", "whip", "swing", "pivot", "side", "sideways", "aside"], "turn"),
    **dict.fromkeys(["shift", "slide", "move", "dart", "flick", "drift", "wander", "slip"], "motion"),
    **dict.fromkeys(["back", "backward", "throw back"], "back"),
    **dict.fromkeys(["away", "elsewhere", "off"], "away"),
    **dict.fromkeys(["camera", "lens", "viewer", "audience", "ahead", "straight", "forward at", "front", "us"], "camera"),
    **dict.fromkeys(["tremble", "quiver", "shake", "wobble", "shiver"], "tremble"),
    **dict.fromkeys(["show", "bare", "expose", "reveal"], "show"),
    **dict.fromkeys(["left", "right"], "side"),
    # "mouth flat", "lips pulled flat": a flat mouth is a pressed one (only the lips pair with it)
    **dict.fromkeys(["flat"], "flat"),
}

#: (part, action) -> concept key. A (part, "side") entry is the movement a bare side word implies.
RULES: dict[tuple[str, str], str] = {
    ("brows", "up"): "brows_raise", ("brows", "down"): "brows_lower", ("brows", "knit"): "brows_knit",
    ("brows", "press"): "brows_knit", ("brows", "narrow"): "brows_knit", ("brows", "curl"): "brow_raise_one",
    ("inner_brows", "up"): "inner_brows_raise", ("inner_brows", "knit"): "brows_knit", ("inner_brows", "down"): "brows_lower",
    ("outer_brows", "up"): "outer_brows_raise", ("outer_brows", "down"): "brows_lower",
    ("eyes", "wide"): "eyes_wide", ("eyes", "open"): "eyes_wide", ("eyes", "close"): "eyes_close", ("eyes", "squeeze"): "eyes_squeeze",
    ("eyes", "narrow"): "eyes_narrow", ("eyes", "droop"): "lids_droop", ("eyes", "knit"): "eyes_narrow",
    ("eyes", "up"): "gaze_up", ("eyes", "down"): "gaze_down", ("eyes", "turn"): "gaze_right", ("eyes", "side"): "gaze_right",
    ("eyes", "away"): "gaze_away", ("eyes", "camera"): "gaze_camera", ("eyes", "back"): "gaze_camera",
    ("lids", "down"): "lids_droop", ("lids", "droop"): "lids_droop", ("lids", "close"): "eyes_close", ("lids", "narrow"): "eyes_narrow",
    ("lids", "up"): "eyes_wide", ("lids", "wide"): "eyes_wide", ("lids", "open"): "eyes_wide", ("lids", "squeeze"): "eyes_squeeze", ("lips", "squeeze"): "lips_press", ("mouth", "squeeze"): "lips_press",
    ("lower_lids", "up"): "eyes_narrow", ("lower_lids", "narrow"): "eyes_narrow", ("lower_lids", "tense"): "eyes_narrow",
    ("gaze", "up"): "gaze_up", ("gaze", "down"): "gaze_down", ("gaze", "turn"): "gaze_right", ("gaze", "side"): "gaze_right",
    ("gaze", "away"): "gaze_away", ("gaze", "camera"): "gaze_camera", ("gaze", "narrow"): "eyes_narrow", ("gaze", "wide"): "eyes_wide",
    ("look", "up"): "look_up", ("look", "down"): "look_down", ("look", "turn"): "look_right", ("look", "side"): "look_right",
    ("look", "away"): "gaze_away", ("look", "camera"): "gaze_camera", ("look", "back"): "gaze_camera",
    ("head", "up"): "head_up", ("head", "back"): "head_back", ("head", "down"): "head_down", ("head", "tilt"): "head_tilt",
    ("head", "turn"): "head_turn", ("head", "side"): "head_turn", ("head", "tremble"): "shake", ("head", "away"): "head_turn",
    ("face", "turn"): "head_turn", ("face", "side"): "head_turn", ("face", "up"): "head_up", ("face", "down"): "head_down",
    ("face", "tilt"): "head_tilt", ("face", "knit"): "face_scrunch", ("face", "narrow"): "face_scrunch", ("face", "squeeze"): "face_scrunch",
    ("head", "out"): "head_forward", ("head", "camera"): "head_straight",
    ("chin", "up"): "head_up", ("chin", "down"): "head_down", ("chin", "out"): "jaw_forward", ("chin", "tremble"): "lip_tremble",
    ("chin", "knit"): "chin_raise", ("chin", "tilt"): "head_tilt", ("chin", "in"): "head_down",
    ("jaw", "open"): "jaw_open", ("jaw", "down"): "jaw_open", ("jaw", "wide"): "jaw_open", ("jaw", "clench"): "jaw_clench",
    ("jaw", "narrow"): "jaw_clench", ("jaw", "press"): "jaw_clench", ("jaw", "close"): "lips_close", ("jaw", "out"): "jaw_forward",
    ("jaw", "turn"): "jaw_right", ("jaw", "motion"): "jaw_right", ("mouth", "motion"): "lips_right", ("lips", "motion"): "lips_right", ("lips", "talk"): "lips_talk", ("mouth", "talk"): "lips_talk", ("jaw", "side"): "jaw_right",
    ("mouth", "open"): "mouth_open", ("mouth", "wide"): "jaw_open", ("mouth", "down"): "corners_down", ("mouth", "close"): "lips_close",
    ("mouth", "press"): "lips_press", ("mouth", "narrow"): "lips_tighten", ("mouth", "out"): "lips_pucker", ("mouth", "funnel"): "lips_funnel",
    ("mouth", "stretch"): "lips_stretch", ("mouth", "turn"): "lips_right", ("mouth", "side"): "lips_right", ("mouth", "curl"): "corners_up",
    ("mouth", "knit"): "lips_purse", ("mouth", "in"): "lips_roll_in", ("mouth", "clench"): "jaw_clench", ("mouth", "tremble"): "lip_tremble",
    ("teeth", "clench"): "teeth_grit", ("teeth", "show"): "teeth_bared", ("teeth", "press"): "jaw_clench", ("teeth", "open"): "lips_part",
    ("lips", "open"): "lips_part", ("lips", "press"): "lips_press", ("lips", "narrow"): "lips_tighten", ("lips", "close"): "lips_press",
    ("lips", "out"): "lips_pucker", ("lips", "funnel"): "lips_funnel", ("lips", "in"): "lips_roll_in", ("lips", "stretch"): "lips_stretch",
    ("lips", "knit"): "lips_purse", ("lips", "tremble"): "lip_tremble", ("lips", "curl"): "upper_lip_raise", ("lips", "twitch"): "corners_up", ("mouth", "twitch"): "corners_up",
    ("corners", "twitch"): "corners_up", ("brows", "twitch"): "brow_raise_one", ("brows", "tilt"): "inner_brows_raise", ("brows", "cock"): "brow_raise_one", ("eyes", "twitch"): "eyes_narrow", ("lips", "up"): "corners_up",
    ("lips", "down"): "corners_down", ("lips", "show"): "upper_lip_raise", ("lips", "turn"): "lips_right", ("lips", "side"): "lips_right",
    ("lips", "clench"): "lips_press", ("lips", "wide"): "lips_part",
    ("upper_lip", "up"): "upper_lip_raise", ("upper_lip", "curl"): "upper_lip_raise", ("upper_lip", "in"): "upper_lip_in",
    ("upper_lip", "show"): "upper_lip_raise", ("upper_lip", "knit"): "upper_lip_raise",
    ("lower_lip", "down"): "lower_lip_down", ("lower_lip", "out"): "lower_lip_out", ("lower_lip", "in"): "lower_lip_in",
    ("lower_lip", "tremble"): "lip_tremble", ("lower_lip", "up"): "chin_raise", ("lower_lip", "curl"): "lower_lip_out",
    ("corners", "up"): "corners_up", ("corners", "curl"): "corners_up", ("corners", "down"): "corners_down",
    ("corners", "stretch"): "lips_stretch", ("corners", "narrow"): "corners_back", ("corners", "in"): "corners_back",
    ("corners", "press"): "corners_back", ("corners", "knit"): "corners_back",
    ("cheeks", "up"): "cheeks_raise", ("cheeks", "puff"): "puff_cheeks", ("cheeks", "out"): "puff_cheeks", ("cheeks", "in"): "suck_cheeks",
    ("cheeks", "wide"): "puff_cheeks", ("cheeks", "narrow"): "cheeks_raise", ("cheeks", "knit"): "cheeks_raise",
    ("nose", "knit"): "nose_wrinkle", ("nose", "up"): "nose_wrinkle", ("nose", "flare"): "nostrils_flare",
    ("upper_lip", "twitch"): "upper_lip_raise",  # "his upper lip twitches": a small lift of it (train: 0.2-0.3)
    ("nose", "twitch"): "nose_wrinkle",  # "nostrils twitch once", "his nose twitches at the smell": a small wrinkle
    ("nostrils", "flare"): "nostrils_flare", ("nostrils", "wide"): "nostrils_flare", ("nostrils", "open"): "nostrils_flare", ("nostrils", "up"): "nose_wrinkle",
    ("nostrils", "twitch"): "nostrils_flare",
    ("tongue", "out"): "tongue_out", ("tongue", "show"): "tongue_out", ("tongue", "side"): "tongue_out", ("tongue", "turn"): "tongue_out",
}

RULES.update({
    ("eyes", "motion"): "gaze_right", ("gaze", "motion"): "gaze_right", ("eyes", "clench"): "eyes_squeeze", ("lids", "clench"): "eyes_squeeze",
    ("jaw", "twitch"): "jaw_clench", ("jaw", "up"): "jaw_clench",
    ("mouth", "pulldown"): "corners_down", ("lips", "pulldown"): "corners_down", ("corners", "pulldown"): "corners_down",
    ("lower_lip", "pulldown"): "lower_lip_down", ("brows", "droop"): "brows_lower",
    # a flat or straight mouth is a closed, lightly pressed one ("mouth flat", "lips straight")
    ("mouth", "flat"): "lips_press", ("lips", "flat"): "lips_press", ("mouth", "camera"): "lips_press", ("lips", "camera"): "lips_press",
})
#: An action without a rule of its own for a part falls back to this action ("the head is pulled down").
ACTION_FALLBACK: dict[str, str] = {"pulldown": "down", "cock": "tilt"}
ACTION_FALLBACK.update({"frown": "knit"})
# "eyes locked on him", "gaze locked to the left", "head locked": held where they are, no squeeze (a locked jaw still
# clenches); "mouth hanging": the jaw hangs open (a hanging head still drops)
ACTIONS.update({"lock": "lock", "hang": "hang"})
ACTION_FALLBACK.update({"hang": "down"})
RULES.update({("jaw", "lock"): "jaw_clench", ("mouth", "lock"): "jaw_clench", ("teeth", "lock"): "teeth_grit", ("lips", "lock"): "lips_press",
              ("mouth", "hang"): "jaw_slack"})
RULES.update({("mouth", "frown"): "corners_down", ("lips", "frown"): "corners_down", ("corners", "frown"): "corners_down"})
# "a frown on his face", "a frown flickers across her face": the frown itself (the face knitting whole is a wince)
RULES.update({("face", "frown"): "frown"})

#: Words that narrow a part named within a few words after them ("the inner ends of the brows").
QUALIFIERS: dict[str, dict[str, str]] = {
    "inner": {"brows": "inner_brows"},
    "outer": {"brows": "outer_brows"},
    "upper": {"lips": "upper_lip", "lids": "lids"},
    "top": {"lips": "upper_lip"},
    "bottom": {"lips": "lower_lip", "lids": "lower_lids"},
}

#: A part named with a relaxing verb resets these regions; a part named alone with "neutral" too.
PART_REGIONS: dict[str, tuple[str, ...]] = {
    "face": ("brows", "eyes", "mouth", "cheeks", "nose", "gaze", "head"), "brows": ("brows",), "inner_brows": ("brows",), "outer_brows": ("brows",), "eyes": ("eyes",), "lids": ("eyes",),
    "lower_lids": ("eyes",), "gaze": ("gaze",), "look": ("gaze",), "head": ("head",), "chin": ("head",), "jaw": ("mouth",),
    "mouth": ("mouth",), "teeth": ("mouth",), "lips": ("mouth",), "upper_lip": ("mouth",), "lower_lip": ("mouth",),
    "corners": ("mouth",), "cheeks": ("cheeks",), "nose": ("nose",), "nostrils": ("nose",), "tongue": ("mouth",),
}

#: Short, generic movement words that pair only with a part right next to them ("lips in").
SHORT_REACH_ACTIONS: frozenset[str] = frozenset({"in", "out", "off", "back", "side", "up", "down", "forward"})
SHORT_REACH = 2

#: Concept used when a part is named with an action that has no rule of its own but an obvious default.
PART_DEFAULTS: dict[str, str] = {}

#: Intensity words -> absolute intensity in [0, 1] (replacing the concept's default).
INTENSITY: dict[str, float] = {
    **dict.fromkeys(["a fraction", "fraction", "a hair", "a smidge", "smidge"], 0.22),
    **dict.fromkeys(["barely there", "barely", "hardly", "scarcely", "almost imperceptibly", "imperceptibly", "a trace of", "trace", "ghost", "flicker", "whisper"], 0.15),
    # "a tiny bit", "narrows the tiniest bit" (read as its base form): the size word, not 'bit' ("a bit", 0.35)
    **dict.fromkeys(["a tiny bit", "tiny bit", "a teeny bit", "teeny bit", "a wee bit", "wee bit"], 0.22),
    **dict.fromkeys(["faintly", "faint", "tiny", "minimal", "minimally", "a hint of", "hint", "touch", "a touch", "tad", "a tad",
                     "a shade"], 0.22),
    **dict.fromkeys(["slightly", "slight", "a little", "little", "a bit", "bit", "small", "subtle", "subtly", "gently", "gentle", "soft", "softly", "mild", "mildly", "light", "lightly", "restrained", "tentative", "tentatively", "suppress", "stifle", "restrain", "in check", "held in check", "contained", "controlled", "forced", "hide", "conceal", "mask", "muted", "hesitant", "weak", "weakly", "partly", "partially", "part way", "small", "shy", "thin", "polite", "politely", "quick", "brief", "briefly"], 0.35),
    # the past participles the lemmatizer keeps as adjectives ("a suppressed grin", "a hidden smile")
    **dict.fromkeys(["suppressed", "concealed", "muffled", "held back"], 0.35),
    **dict.fromkeys(["bite back", "swallow", "fight off", "choke back", "hold in", "keep in", "rein in", "smother", "tamp down"], 0.3),
    **dict.fromkeys(["try not to", "try hard not to", "fight", "fight back", "struggle not to", "hold back", "trying not to", "resist"], 0.25),
    # "lids halfway down", "mouth halfway open": half of the way (train: blink 0.45-0.5, JawOpen 0.45), not "a little"
    **dict.fromkeys(["halfway", "half way", "half-way"], 0.6),
    # "bites her lip to keep from laughing", "stops himself from crying", "refrains from rolling her eyes"
    **dict.fromkeys(["keep from", "keep herself from", "keep himself from", "keep themselves from", "stop herself from",
                     "stop himself from", "stop themselves from", "refrain from"], 0.25),
    **dict.fromkeys(["barely contained", "barely concealed", "barely suppressed", "barely hidden", "barely controlled", "barely held"], 0.75),
    **dict.fromkeys(["somewhat", "moderately", "moderate", "fairly", "rather", "quite", "medium", "half"], 0.5),
    **dict.fromkeys(["clearly", "clear", "visibly", "visible", "noticeably", "noticeable", "firmly", "firm", "openly", "obviously", "distinctly", "definitely", "warm", "warmly", "real", "genuine", "genuinely", "tense", "tight", "tightly", "tension", "strain", "effort", "force", "urgency"], 0.75),
    **dict.fromkeys(["very", "big", "broad", "broadly", "wide", "widely", "hard", "strongly", "strong", "deep", "deeply", "large", "really", "so", "much", "heavily", "heavy", "sharply", "sharp", "sudden", "suddenly", "wild", "wildly", "huge", "enormous", "great", "all the way", "high"], 0.9),
    # Idioms of extreme size rank with the strongest words, never below "a little" (issue 11).
    **dict.fromkeys(["ear to ear", "from ear to ear", "cheshire cat", "like a cheshire cat", "megawatt", "thousand watt",
                     "hit the ceiling", "hits the ceiling", "through the roof", "to the sky", "to the heavens", "sky high",
                     "off the chart", "like life depend on it", "exaggerated", "over the top", "full strength", "extreme version", "for all worth", "deepest", "hardest",
                     "strongest", "as wide as", "as big as", "as far as can", "as hard as can", "way way",
                     "all out", "to the max", "belly", "roar", "a mile wide", "split face in two", "uncontrollably", "helplessly", "hysterically", "to the limit", "saucer", "dinner plate"], 1.0),
    **dict.fromkeys(["fake", "fixed", "plastic", "pasted", "strained", "brave", "dutiful", "professional", "practised",
                     "practiced", "wan", "false", "hollow", "painted", "stiff", "half hearted", "halfhearted", "mechanical",
                     "glassy", "put on", "courteous", "social", "brittle", "mirthless", "humourless", "humorless", "joyless"], 0.45),
    **dict.fromkeys(["thin line", "into a line", "hard line", "bloodless", "thin white line", "white line", "slit", "gape",
                     "whole face", "way up", "way out", "way down", "way back", "very very", "so so", "really really",
                     "clean off", "off face"], 0.95),
    **dict.fromkeys(["out of mind", "beside herself", "beside himself", "beside themselves", "sick with", "frantic"], 1.0),
    # intensifiers of a feeling ("absolutely livid", "incredibly relieved", "terribly sad")
    **dict.fromkeys(["absolutely", "thoroughly", "downright"], 1.0),
    **dict.fromkeys(["incredibly", "insanely", "hugely", "terribly", "awfully", "truly", "genuinely"], 0.9),
    **dict.fromkeys(["fully", "full", "completely", "complete", "totally", "entirely", "intensely", "intense", "maximal", "maximally", "maximum", "extremely", "extreme", "fiercely", "fierce", "violently", "utterly", "as far as", "wide open", "max", "tightly shut", "enormously", "massive", "massively"], 1.0),
}

#: Negators that act on the next movement in the clause.
NEGATION_BEFORE: set[str] = {"not", "no", "never", "without", "zero", "no sign of", "not a trace of", "not a hint of", "free of", "devoid of", "no longer", "stop", "cease", "quit", "nor", "neither", "refuse to", "instead of", "rather than", "lack", "lose", "wipe", "avoid", "not even",
                          # "far from bored", "nowhere near as angry", "forgets to smile", "resists the urge to roll her eyes"
                          "far from", "nowhere near", "forget to", "resist the urge to", "fight the urge to", "fail to",
                          "suppress the urge to"}
#: Negators that act on the movement just before them ("the smile fades").
NEGATION_AFTER: set[str] = {"drain out", "drain away", "seep out", "ebb", "ebb away", "leave face", "leave chat", "go out of", "slide off face", "slip off face", "fall off face", "fade", "vanish", "disappear", "die", "die away", "drain", "go away", "melt away", "fall away", "subside", "wipe away", "is gone", "gone", "dissolve", "evaporate", "slip away", "drop away", "relax", "release", "loosen", "unclench", "unfurrow", "smooth", "smooth out", "settle", "return to neutral", "go slack", "unknit", "let go"}
#: Comparatives relative to the previous keyframe.
MORE: set[str] = {"more", "further", "even more", "wider", "bigger", "stronger", "deeper", "higher", "harder", "grow", "deepen", "intensify", "increase", "broaden", "even", "still more", "build", "tighter", "widen", "broaden", "larger", "sharper"}
LESS: set[str] = {"less", "smaller", "softer", "weaker", "ease", "soften", "lessen", "weaken", "diminish", "reduce", "shrink", "fainter", "lower slightly", "slacken", "calmer", "partially"}
#: Words saying the previous pose carries on.
HOLD: set[str] = {"stop with", "end with", "hold", "keep", "still", "remain", "stay", "continue", "maintain", "same", "again", "linger", "sustain", "freeze", "unchanged", "persist", "as before", "hold the look", "hold the expression"}
#: Words asking for a neutral face.
NEUTRAL_WORDS: set[str] = {"neutral", "rest", "at rest", "relaxed face", "blank", "expressionless", "deadpan", "impassive", "poker face", "resting face", "default", "reset", "composed"}
#: Side words (the face's own side).
SIDE_WORDS: dict[str, str] = {"left": "left", "right": "right", "leftward": "left", "rightward": "right", "stage left": "left", "stage right": "right"}
#: Words asking for a one-sided version of a symmetric movement.
ONE_SIDED_WORDS: set[str] = {"one", "one side", "one-sided", "one sided", "lopsided", "crooked", "asymmetric", "asymmetrical", "uneven", "a single", "only one", "side of the mouth", "corner of the mouth", "unilateral", "wry", "sly", "sidelong"}

#: Words that undo a one-sided request.
BOTH_WORDS: set[str] = {"both", "both side", "symmetrical", "symmetric", "symmetrically", "evenly", "each", "pair"}


def vocabulary() -> set[str]:
    """Every single word the lexicon knows (used to decide whether a word needs the expansion table)."""
    words: set[str] = set()
    tables: list[Iterable[str]] = [EXPRESSION_WORDS, PARTS, ACTIONS, INTENSITY, SIDE_WORDS]
    sets: list[Iterable[str]] = [NEGATION_BEFORE, NEGATION_AFTER, MORE, LESS, HOLD, NEUTRAL_WORDS, ONE_SIDED_WORDS, BOTH_WORDS]
    for t in tables + sets:
        for phrase in t:
            words.update(phrase.split())
    return words


# --- round 5 (QA on fresh descriptions): entries added without touching the tables above -------------
CONCEPTS.update(dict([
    # "cross-eyed", "crosses her eyes": both eyes turn in toward the nose (corpus: LookIn 0.55, yaw +-0.33)
    _c("cross_eyed", {"EyeLookInLeft": 0.9, "EyeLookInRight": 0.9, "LeftEyeYaw": 0.55, "RightEyeYaw": -0.55,
                      "BrowOuterUpLeft": 0.25, "BrowOuterUpRight": 0.25}, "gaze", 0.6, "none", "cross-eyed"),
]))
EXPRESSION_WORDS.update({"crosseyed": "cross_eyed"})
#: "very slightly", "ever so slightly": further toward the small pole than "slightly", not stronger
INTENSITY.update(dict.fromkeys(["very slightly", "very slight", "ever so slightly", "ever so slight", "very faintly",
                                "very faint", "very subtly", "very subtle", "very gently", "very softly", "very lightly",
                                "very mildly"], 0.2))
INTENSITY.update(dict.fromkeys(["very barely", "very very slightly", "very, very slightly"], 0.12))
#: Words that are both a movement and a size, whose size is that of the movement they describe ("a thin smile"), not
#: their own as a movement: lips that thin are pressed as firmly as lips that press (train, "lips thinned to a line":
#: MouthPress >= 0.25); an idiom that is both ("brows hit the ceiling", "a flicker") gives its own size
SIZE_OF_ANOTHER = frozenset({"thin"})
#: "the cheeks begin to lift", "starting to smile": the start of a movement, not its peak
INTENSITY.update(dict.fromkeys(["begin to", "start to"], 0.4))
#: "smile, low intensity", "brows up (high intensity)": an animator's level for the whole note
INTENSITY.update({**dict.fromkeys(["low intensity", "low strength", "low level", "low energy"], 0.3),
                  **dict.fromkeys(["medium intensity", "mid intensity", "medium strength", "moderate intensity"], 0.6),
                  **dict.fromkeys(["high intensity", "high strength", "high energy"], 0.9),
                  **dict.fromkeys(["full intensity", "max intensity", "maximum intensity", "full strength", "max strength"], 1.0)})
#: "the grin drops from her face", "the smile slides from his face": the expression goes
NEGATION_AFTER.update({"drop from face", "fall from face", "slide from face", "slip from face", "drop off face",
                       "vanish from face", "disappear from face", "fade from face", "leave face"})


# --- round 8 (QA on fresh descriptions, train-split calibration) -------------------------------------
#: "the chin puckers": the chin boss wrinkles up under the lower lip (FACS AU17, MouthShrugLower), not a jaw
#: thrust; lips and mouth still pucker (AU18), other parts take the plain "out" movement
ACTIONS.update({"pucker": "pucker"})
RULES.update({("chin", "pucker"): "chin_raise", ("lips", "pucker"): "lips_pucker", ("mouth", "pucker"): "lips_pucker"})
ACTION_FALLBACK.update({"pucker": "out"})
#: "his mouth went slack", "the jaw goes slack": the jaw hangs open a little (AU26); any other part going
#: slack relaxes (the fading word keeps that reading)
ACTIONS.update(dict.fromkeys(["go slack", "hang slack", "fall slack"], "slack"))
RULES.update({("jaw", "slack"): "jaw_slack", ("mouth", "slack"): "jaw_slack", ("lips", "slack"): "jaw_slack"})
#: "a face-splitting grin": as wide as a grin goes
INTENSITY.update(dict.fromkeys(["face split", "split face"], 1.0))
#: "she looks down her nose at him": chin up, eyes lowered onto him (corpus train: HeadPitch -0.2, eye pitch +0.18),
#: not a one-sided smirk; "squints up at the sign": the squint with the eyes raised (eye pitch -0.17)
CONCEPTS.update(dict([
    _c("look_down_nose", {"Eye{P}Pitch": 0.35, "HeadPitch": -0.35}, "gaze", 0.6, "none", "looks down the nose"),
    _c("squint_up", {**_AU({7: 1.0, 6: 0.3, 4: 0.25}), "Eye{P}Pitch": -0.3, "HeadPitch": -0.1}, "eyes", 0.6, "none", "squint up"),
]))
EXPRESSION_WORDS.update({"look down nose": "look_down_nose", "down nose": "look_down_nose", "look down the nose": "look_down_nose",
                         "squint up": "squint_up", "squint upward": "squint_up"})
#: "the smile slides into a vacant look": a face emptied of expression
NEUTRAL_WORDS.update({"vacant", "vacant look", "vacant expression", "vacant stare"})

# --- round 8 calibration on the train split (planner alone; entries that miss across many families) -------
def _retarget(key: str, **changes: float) -> None:
    """Replace a concept's channel targets (others kept)."""
    c = CONCEPTS[key]
    CONCEPTS[key] = Concept(c.key, {**c.targets, **{k.replace("_S", "{S}"): v for k, v in changes.items()}}, c.region, c.default,
                            c.sided, c.label, c.neutralises)


#: closed lips are pressed together (train: MouthPress median 0.25 where 'lips close' is read, 0.18 before)
_retarget("lips_close", MouthPress_S=0.42)
#: an open jaw drops the lower lip with it (train: MouthLowerDown median 0.28 where 'jaw open' is read alone, 0.11 before)
_retarget("jaw_open", MouthLowerDown_S=0.45)
#: a yell opens the lips wide (train: MouthLowerDown 0.35, 0.16 before)
_retarget("yell", MouthLowerDown_S=0.4)
#: a tongue stuck out pulls the lower lip down (train: MouthLowerDown 0.10, 0 before)
_retarget("tongue_out", MouthLowerDown_S=0.15)
#: knit brows keep some inner raise (train: BrowInnerUp median 0.19 where 'brows knit' is read, 0.12 before)
_retarget("brows_knit", BrowInnerUp=0.3)
#: a smile's lips rest lightly together (train: MouthPress 0.10-0.20 under plain and closed smiles, 91 lines in 24 families)
_retarget("smile", MouthPress_S=0.2)
#: rounded lips open the jaw a little (train: JawOpen 0.17 where 'lips funnel' is read without a sound, 0.06 before)
_retarget("lips_funnel", JawOpen=0.25)
#: widened eyes lift the inner brows with the outer (train: BrowInnerUp 0.23-0.30 where 'eyes wide' is read, 0.12 before)
_retarget("eyes_wide", BrowInnerUp=0.35)

# --- round 8, more word senses from the QA pass ---------------------------------------------------------
#: "lids at half", "eyelids at half-mast": drooping lids
EXPRESSION_WORDS.update({"lid at half": "lids_droop", "lid at half mast": "lids_droop", "eyelid at half": "lids_droop",
                         "eyelid at half mast": "lids_droop", "half mast": "lids_droop"})
#: "half-lidded, corner up", "heavy-lidded stare": the word names the lids itself
EXPRESSION_WORDS.update(dict.fromkeys(["half lidded", "heavy lidded", "half-lidded", "heavy-lidded"], "lids_droop"))
#: "mouth corner yanked to the right": the corner pulled sideways (lips shift), not up or down
ACTIONS.update(dict.fromkeys(["yank", "jerk"], "motion"))
RULES.update({("corners", "motion"): "lips_right"})
#: "the brows draw slightly together", "lips held together": a bare "together" closes the part it follows
ACTIONS.update({"together": "together"})
RULES.update({("brows", "together"): "brows_knit", ("inner_brows", "together"): "brows_knit", ("lips", "together"): "lips_press",
              ("mouth", "together"): "lips_press", ("teeth", "together"): "teeth_together", ("jaw", "together"): "teeth_together"})
#: "brows crushed down", "eyes crushed shut", "lips crushed together": 'crushed' said of a face part is that part
#: forced together as hard as it goes (corpus train: BrowDown 0.56, BrowInnerUp 0.05 over 37 such lines), not the
#: feeling of being crushed, which still reads where no part takes it ("she looked crushed")
ACTIONS.update({"crush": "crush", "crushed": "crush"})
RULES.update({("brows", "crush"): "brows_lower", ("eyes", "crush"): "eyes_squeeze", ("lips", "crush"): "lips_press",
              ("mouth", "crush"): "lips_press", ("chin", "crush"): "chin_raise", ("nose", "crush"): "nose_wrinkle"})
#: "a line between his brows": the knit named by its crease (as "a crease between the brows"; brows that
#: meet are read by text.py, since 'meeting' the noun has the same lemma)
ACTIONS.update(dict.fromkeys(["line between"], "together"))
#: ... but "a worry line between the brows" is the worried brow's own crease, read as the worry
EXPRESSION_WORDS.update({"worry line": "emotion_worry"})
#: holding one's breath holds the lips shut on it (corpus train: MouthPress 0.26 over 22 lines, 0.3-0.5 where the
#: cheeks are not puffed)
EXPRESSION_WORDS.update(dict.fromkeys(["hold breath", "breath hold", "breath held"], "lips_press"))
#: eyes that crinkle or crease ("crinkling the eyes", "eyes creased with laughter") are crow's feet: the cheek raiser
#: (AU6) with the lids, never the brow lowerer that a narrowing brings (corpus train: BrowDown 0 in all 38 such lines,
#: EyeSquint 0.34, CheekSquint 0.44); on every other part 'crinkle' and 'crease' are still a knit
ACTIONS.update(dict.fromkeys(["crinkle", "crease"], "crinkle"))
RULES.update({(part, "crinkle"): key for (part, action), key in list(RULES.items()) if action == "knit"})
RULES.update({("eyes", "crinkle"): "eyes_crinkle"})
#: eyes pinched or gone thin ("eyes pinched against the sting", "eyes gone thin") are narrowed
RULES.update({("eyes", "press"): "eyes_narrow"})
ACTION_FALLBACK.update({"crinkle": "knit"})  # a knit rule added later reads a crinkle too
#: "teeth together": the jaw shut behind whatever the lips do (no brow or lip movement of its own)
CONCEPTS.update(dict([_c("teeth_together", {"JawOpen": 0.0}, "mouth", 0.6, "none", "teeth together")]))
#: puckered lips round a little (train: MouthFunnel 0.2-0.23 in 17 missed lines of 7 families, 0.15 before)
_retarget("lips_pucker", MouthFunnel=0.35)
#: a pushed-out lower lip turns the corners down a little more (train: MouthFrown 0.15, 0.12 before)
_retarget("lower_lip_out", MouthFrown_S=0.3)


# --- round 10 (blind QA on fresh lines: word senses the tables lacked) ------------------------------------
#: "the head falls back", "his head drops back": the head tips back (negative pitch), not down; the
#: direction word after the falling verb decides
ACTIONS.update(dict.fromkeys(["fall back", "drop back", "sink back", "loll back", "tip back", "flop back", "roll back",
                              "sag back", "slump back"], "back"))
#: "tented", "peaked", "steepled" brows: the inner ends pulled up into a peak (AU1), the grief/plea brow
ACTIONS.update(dict.fromkeys(["tent", "peak", "steeple"], "tent"))
RULES.update({("brows", "tent"): "inner_brows_raise", ("inner_brows", "tent"): "inner_brows_raise"})
ACTION_FALLBACK.update({"tent": "up"})
#: "eyes flick down", "gaze darts up": a quick move with its direction named is that direction, not a sideways glance
ACTIONS.update({**dict.fromkeys(["flick down", "dart down", "slide down", "shift down", "drift down", "slip down",
                                 "move down", "wander down"], "down"),
                **dict.fromkeys(["dart up", "slide up", "shift up", "drift up", "move up", "wander up"], "up")})
#: a click of the tongue ("tsk", "tut") keeps the tongue behind the teeth: a small pressed mouth with the
#: corners drawn in (AU14 + AU24), not a tongue stuck out
CONCEPTS.update(dict([
    _c("tongue_click", {**_AU({14: 0.6, 24: 0.4}), "JawOpen": 0.03}, "mouth", 0.6, label="tongue click"),
    # half-closed lids caught mid-blink
    _c("half_blink", {"EyeBlink{S}": 0.5}, "eyes", 1.0, label="half blink"),
]))
EXPRESSION_WORDS.update({**dict.fromkeys(["click tongue", "click the tongue", "click of the tongue", "tongue click",
                                          "cluck tongue", "cluck the tongue", "tut", "tsk", "tsk tsk", "tut tut",
                                          "click of tongue", "tongue cluck"], "tongue_click"),
                         **dict.fromkeys(["mid blink", "blink mid", "mid-blink", "half blink", "half-blink",
                                          "halfway through a blink", "blink halfway"], "half_blink"),
                         #: "duck face", "duck lips": the selfie pout, lips pushed forward
                         **dict.fromkeys(["duck face", "duckface", "duck lip", "duck-face", "duck pout", "trout pout"],
                                         "lips_pucker"),
                         #: air blown into a cheek puffs it out
                         **dict.fromkeys(["air into cheek", "air in cheek", "air into the cheek", "air in the cheek",
                                          "cheek full of air", "cheek fill with air", "fill cheek with air",
                                          "hamster cheek", "like a hamster", "air into one cheek", "air into her cheek",
                                          "air into his cheek", "chipmunk cheek"], "puff_cheeks"),
                         #: "in a round O", "mouth an O": rounded lips
                         **dict.fromkeys(["round o", "an o", "o shape", "o-shape", "into an o", "in an o",
                                          "perfect o", "little o"], "lips_funnel"),
                         #: "peeking up from under her lashes": the eyes raised under a lowered head
                         **dict.fromkeys(["peek upward", "peer upward", "peek up at", "from under lash",
                                          "from under eyelash", "from beneath lash", "through lash",
                                          "up through lash", "from under her lash", "from under his lash"], "look_up"),
                         })
#: "face twisted with rage", "features contorted": the face is distorted by the feeling, it does not turn
ACTIONS.update(dict.fromkeys(["twist with", "contort", "contort with", "distort", "distort with"], "contort"))
#: "lips stretch wide at the sides": both sides, not a shift to one side
BOTH_WORDS.update({"at the side", "at side", "at both side"})
#: "keep the surprise in the mouth", "the anger is in his eyes": where a feeling shows, not the lips rolling in
ACTIONS.update(dict.fromkeys([f"in {d} {p}" for d in ("the", "her", "his", "their", "my", "your")
                              for p in ("mouth", "eye", "face", "brow", "eyebrow", "jaw", "lip")], "locus"))

# --- round 10, second batch ---------------------------------------------------------------------------
#: the corners of the eyes crinkle ("crow's feet"): the cheek raiser (AU6) with a little lid tension, no
#: brow lowering and no mouth corner (a plain "corner" is the mouth's)
CONCEPTS.update(dict([
    _c("eyes_crinkle", _AU({6: 1.0, 7: 0.3}), "eyes", label="eye corners crinkle"),
    #: lower lids raised or tensed (AU7 alone): the lids narrow from below; the brows and upper lids stay
    _c("lower_lids_raise", _AU({7: 1.0, 6: 0.15}), "eyes", label="lower lids tense"),
    #: eyes misting or wet with tears: the inner brows lift a little, the lids tense (the start of crying)
    _c("eyes_moist", _AU({1: 0.7, 7: 0.3, 6: 0.2, 41: 0.15}), "eyes", 0.6, label="eyes moist"),
]))
PARTS.update({**dict.fromkeys(["eye corner", "corner of the eye", "corner of eye", "corner of her eye", "corner of his eye",
                               "outer eye corner", "outer corner of the eye", "crow's foot", "crow foot", "laughter line",
                               "laugh line"], "eye_corners"),
              **dict.fromkeys(["lower eyelid", "bottom eyelid", "bottom lid", "lower lash line"], "lower_lids")})
PART_REGIONS.update({"eye_corners": ("eyes",)})
RULES.update({("eye_corners", "knit"): "eyes_crinkle", ("eye_corners", "up"): "eyes_crinkle",
              ("eye_corners", "narrow"): "eyes_crinkle", ("eye_corners", "crinkle"): "eyes_crinkle",
              ("lower_lids", "up"): "lower_lids_raise", ("lower_lids", "narrow"): "lower_lids_raise",
              ("lower_lids", "tense"): "lower_lids_raise", ("lower_lids", "knit"): "lower_lids_raise"})
#: crinkled eyes narrow about a third of the way (round 14a; corpus train: EyeSquint 0.34 over 38 such lines, 0.21 before)
_retarget("eyes_crinkle", EyeSquint_S=0.6)
#: "eyes on the ceiling", "looks to the sky", "eyes cast up to heaven": the gaze goes up, as "to the floor" takes it
#: down; a place up there takes only the look, the head and the brows (see the place_up rules below: "presses his lips
#: and looks up at the ceiling" had its mouth corners lifted)
ACTIONS.update(dict.fromkeys(["ceiling", "sky", "rafters", "heaven"], "place_up"))
#: leaning over, on or into something is the body's movement, not a tilt of the head
#: (leaning in or forward brings the head forward, see round 6); leaning over something bows the head a little
#: toward it; "peers down into" looks down
ACTIONS.update(dict.fromkeys(["lean on", "lean against", "lean out"], "body"))
CONCEPTS.update(dict([_c("lean_over", {"HeadPitch": 0.3}, "head", 0.6, "none", "leans over")]))
EXPRESSION_WORDS.update({**dict.fromkeys(["lean over", "lean across"], "lean_over"),
                         **dict.fromkeys(["peer down", "peer downward", "peek downward", "peer over"], "look_down")})
#: "keeps her eyes open": open, not wide
EXPRESSION_WORDS.update(dict.fromkeys(["keep eye open", "keep the eye open", "keep her eye open", "keep his eye open",
                                       "keep their eye open", "hold eye open"], "eyes_open"))
EXPRESSION_WORDS.update(dict.fromkeys(["misty eyed", "misty-eyed", "misty eye", "eye mist", "eye mist up", "mist up",
                                       "wet eye", "eye wet", "eye go wet", "eye glisten", "watery eye", "eye watery", "eye misty",
                                       "eye water", "eye brim", "dewy eye", "dewy-eyed",
                                       "wet at the corner"], "eyes_moist"))
#: eyes that water or stream (from spice, smoke, pain or a yawn) squint against it, lids heavy, the inner brows up a
#: little: not the misty eyes of feeling (corpus train: EyeSquint 0.34, BrowInnerUp 0.26, EyeBlink 0.21 over 32 lines
#: of watering or streaming eyes, against 0.15 / 0.46 / 0.13 for misty or wet ones)
CONCEPTS.update(dict([_c("eyes_streaming", _AU({7: 0.55, 1: 0.45, 43: 0.35, 6: 0.25}), "eyes", 0.6, label="eyes watering")]))
EXPRESSION_WORDS.update(dict.fromkeys(["eye water", "eye stream", "stream eye", "water eye", "eye be stream", "eye be water"],
                                      "eyes_streaming"))

# --- round 10, fourth batch ------------------------------------------------------------------------------
#: a hand going to the mouth is the shock that sends it there; being out of breath pants
EXPRESSION_WORDS.update({**dict.fromkeys(["hand go to mouth", "hand fly to mouth", "hand go to her mouth",
                                          "hand go to his mouth", "hand fly to her mouth", "hand fly to his mouth",
                                          "hand over mouth", "hand over her mouth", "hand over his mouth",
                                          "hand clap over mouth"], "emotion_surprise"),
                         **dict.fromkeys(["out of breath", "breathless", "catch breath",
                                          "catch her breath", "catch his breath", "short of breath"], "pant")})

# --- round 11b -------------------------------------------------------------------------------------------
#: "lips peeled back from her teeth", "lip peeled back": the lips pulled off the teeth (upper up, lower down,
#: corners back) -- the bared-teeth shape; "lids peeled back": the eyes held wide open
ACTIONS.update(dict.fromkeys(["peel back", "peel away", "peel off", "peel"], "peel"))
RULES.update({("lips", "peel"): "teeth_bared", ("mouth", "peel"): "teeth_bared", ("upper_lip", "peel"): "upper_lip_raise",
              ("lids", "peel"): "eyes_wide", ("eyes", "peel"): "eyes_wide"})
#: "everything scrunches", "everything sagging": with a movement and no other part, 'everything' is the whole face
PARTS.update({"everything": "face"})
#: "fire in her eyes", "fire behind his eyes", "steel in his jaw", "steel in her eyes": a set, determined face (brows
#: down, lips pressed), the metaphor's heat or hardness being resolve rather than temperature
#: (base forms only: a plural written here would become a known word of its own and stop reading as its singular)
EXPRESSION_WORDS.update(dict.fromkeys(["fire in eye", "fire behind eye", "steel in jaw", "steel in eye", "steel in gaze", "fire in gaze"],
                                      "emotion_determination"))
#: lips sucked or rolled in are pressed together as they go (train: MouthPress 0.24 on average over 57 lines that
#: suck or roll the lips in, 0 before)
_retarget("lips_roll_in", MouthPress_S=0.45)
#: "her heart sank", "felt my heart sink into my shoes", "heart in her boots": the disappointment shows as sadness
EXPRESSION_WORDS.update(dict.fromkeys(["heart sink", "heart drop", "heart in boot", "heart in shoe"], "emotion_sadness"))
#: "sucking wind", "gulping air", "gasping for air": out of breath, the mouth hanging open; the same air sucked in
#: "through the teeth" is the pained hiss of a burn or a bill (lips stretched back over the teeth, eyes screwed)
EXPRESSION_WORDS.update(dict.fromkeys(["suck wind", "suck air", "gulp air", "gulp for air", "gasp for air", "gulp down air",
                                       "gulp in air", "suck in wind"], "pant"))
EXPRESSION_WORDS.update(dict.fromkeys(["suck air through teeth", "suck air in through teeth", "suck in air through teeth",
                                       "suck breath through teeth", "suck in breath through teeth", "suck in a breath through teeth",
                                       "suck a breath in through teeth", "draw breath through teeth", "draw a breath through teeth",
                                       "draw in a breath through teeth"], "grimace"))
#: British idioms of high spirits: "buzzing for the weekend", "absolutely buzzing", "full of beans" (excited);
#: "cock-a-hoop" (delighted). A phone or a fridge that buzzes is none of these, so 'buzz' alone stays unread.
EXPRESSION_WORDS.update(dict.fromkeys(["buzz for", "absolutely buzz", "proper buzz", "full of bean"], "emotion_excitement"))
EXPRESSION_WORDS.update({"cock a hoop": "emotion_happiness"})
#: "po-faced", "poker-faced", "stone-faced": a face kept deliberately straight -- the lips held lightly together
EXPRESSION_WORDS.update(dict.fromkeys(["po face", "stone face", "stony face", "straight face"], "lips_press"))
#: "(deadpan)", "a poker face": the lips set lightly together and nothing else (train: press 0.08-0.25), not a face
#: at rest that the learned layer would fill with a guess
_STRAIGHT_FACE = _AU({24: 0.65, 17: 0.35})
CONCEPTS.update([_c("straight_face", _STRAIGHT_FACE, "mouth", 0.3, label="straight face")])
EXPRESSION_WORDS.update(dict.fromkeys(["deadpan", "poker face", "poker-faced", "stony"], "straight_face"))
NEUTRAL_WORDS.difference_update({"deadpan", "poker face"})
#: "expressionless", "no reaction" (text.py's rewrite), "he gives nothing away": the same straight face (train: a face
#: said to show nothing has the lips lightly set), not a face at rest that the learned layer fills with a guess;
#: "neutral" and "at rest" stay the face at rest. A concept of its own: beside a movement it is the rest of the face at
#: rest, where a poker face named as such keeps its lips (planner.py)
CONCEPTS.update([_c("shows_nothing", _STRAIGHT_FACE, "mouth", 0.3, label="straight face")])
EXPRESSION_WORDS.update(dict.fromkeys(["expressionless", "impassive", "emotionless", "blank face", "blank expression",
                                       "unmoved", "give nothing away"], "shows_nothing"))
NEUTRAL_WORDS.difference_update({"expressionless", "impassive"})
#: "his face is unreadable", "an inscrutable look": the same straight face, kept so that nothing shows
EXPRESSION_WORDS.update(dict.fromkeys(["unreadable", "inscrutable"], "lips_press"))
#: "chuffed to bits", "thrilled to bits": 'to bits' after a feeling is "completely", not "a bit"
INTENSITY.update({"to bit": 0.9})  # base form: the lemmatizer reads "bits" as "bit"


# --- round 12b -------------------------------------------------------------------------------------
#: "a dimple shows in her left cheek", "just the right dimple": the dimpler (FACS AU14), on the side named; a dimple that
#: shows is a small movement (corpus train: MouthDimple 0.2-0.4 where one is named)
CONCEPTS.update(dict([_c("dimple", _AU({14: 1.0}), "mouth", 0.4, label="dimple")]))
EXPRESSION_WORDS.update({"dimple": "dimple"})
#: "a raised chin boss", "the chin tightens": the chin boss pushed up under the lower lip (AU17), not the head
EXPRESSION_WORDS.update(dict.fromkeys(["chin boss", "raise chin boss", "chin dimple"], "chin_raise"))
EXPRESSION_WORDS.update(dict.fromkeys(["chin tighten", "chin tight", "tight chin", "tighten chin"], "chin_raise"))
#: "nose in the air": the head tipped back, haughty
EXPRESSION_WORDS.update({"nose in the air": "head_up", "nose in air": "head_up"})
# --- round 12a (figurative English the dev split showed unread) -------------------------------------------
#: Losing one's temper out loud ("flew off the handle", "blew a gasket", "lost her rag", "spitting chips"): the
#: angry brow with the mouth open on a shout and the upper lip raised (corpus train: BrowDown 0.44-0.65, JawOpen
#: 0.32-0.5, MouthUpperUp 0.24), not anger held behind pressed lips
CONCEPTS.update(dict([
    _c("outburst", {**_AU({4: 1.0, 7: 0.35, 9: 0.35, 10: 0.5, 26: 1.0, 25: 0.7, 16: 0.35})}, "mouth", 0.85,
       label="angry outburst"),
    #: a sour face ("sucking a lemon"): lids screwed, lips puckered, nose and brows pulled in (corpus train: squint
    #: 0.38, pucker 0.42, sneer 0.2)
    _c("sour_face", {**_AU({7: 0.75, 4: 0.55, 9: 0.55, 18: 0.65})}, "mouth", 0.65, label="sour face"),
]))
EXPRESSION_WORDS.update(dict.fromkeys(["fly off the handle", "blow a gasket", "blow gasket", "blow top", "blow stack",
                                       "blow a fuse", "blow fuse", "go ballistic", "spit chip", "lose rag", "lose temper",
                                       "do nut", "throw a wobble", "spit the dummy", "go off the deep end", "blow up at",
                                       "go spare", "flip out", "flip lid", "lose it at", "lose shit"], "outburst"))
EXPRESSION_WORDS.update(dict.fromkeys(["suck a lemon", "suck on a lemon", "suck lemon", "swallow a lemon",
                                       "taste a lemon", "chew a lemon", "lemon face",
                                       "suck on lemon", "bite a lemon", "bite into a lemon"], "sour_face"))
#: "pulled a face", "made a face at the broccoli": the English idiom is a grimace of distaste (corpus: nose wrinkled
#: and upper lip raised in every line that uses it)
EXPRESSION_WORDS.update(dict.fromkeys(["pull a face", "make a face"], "emotion_disgust"))
#: "knocked for six", "hit for six", "knocked sideways": taken aback, the surprise face; "pop-eyed", "goggle-eyed":
#: eyes bulging with it
EXPRESSION_WORDS.update(dict.fromkeys(["knock for six", "hit for six", "knock sideways", "pop eyed", "goggle eyed",
                                       "popeyed", "eye out on stalk", "eye on stalk"], "emotion_surprise"))
#: "froze like a rabbit in front of a stoat", "a rabbit-and-stoat moment": the frozen stare of fear
EXPRESSION_WORDS.update(dict.fromkeys(["rabbit in front of a stoat", "rabbit and stoat", "rabbit before a stoat",
                                       "rabbit in front of a snake", "rabbit and snake", "freeze like a rabbit"], "emotion_fear"))
#: brows sent to the hairline or the roof go up as far as they go ("eyebrows flew into her hairline", "somewhere
#: near the roof"); with a preposition, so that sweat at the hairline moves nothing
ACTIONS.update(dict.fromkeys(["into hairline", "to hairline", "up to hairline", "toward hairline",
                              "near hairline", "at hairline", "into the roof", "near the roof", "to the roof",
                              "into hair"], "up"))
INTENSITY.update(dict.fromkeys(["into hairline", "to hairline", "up to hairline", "toward hairline",
                                "near hairline", "at hairline", "into the roof", "near the roof", "to the roof",
                                "into hair"], 0.9))
#: "his brows hit the roof": brows that hit the roof (as "hit the ceiling") go up as far as they go
ACTIONS.update(dict.fromkeys(["hit the roof", "hits the roof"], "up"))
INTENSITY.update(dict.fromkeys(["hit the roof", "hits the roof"], 1.0))
#: ... but a person who hits the roof has lost their temper (the angry outburst); the brows named beside it still
#: take it as their movement
EXPRESSION_WORDS.update(dict.fromkeys(["hit the roof", "hits the roof"], "outburst"))
#: a wink pulls up the corner on its side (corpus train: MouthSmile 0.2-0.35 on a plain wink's side, 0.15 before)
_retarget("wink", MouthSmile_S=0.3)
#: a trembling lip is the edge of crying: the inner brows lift and the corners pull down with it (corpus train:
#: BrowInnerUp 0.55, MouthFrown 0.36 on lines of a trembling or quivering lip; 0.27 / 0.18 before)
_retarget("lip_tremble", BrowInnerUp=0.8, MouthFrown_S=0.55)
#: "dimples showing", "a dimple on the left side": the dimpler (AU14) tucks the corners in, the suppressed smile's
#: tell (corpus: MouthDimple 0.15-0.35 in prose, 0.4-0.5 in notes); a dimpled chin is the chin raiser's (AU17)
CONCEPTS.update(dict([_c("dimple", {"MouthDimple{S}": 1.0}, "mouth", 0.35, label="dimple")]))
EXPRESSION_WORDS.update({"dimple": "dimple", "chin dimple": "chin_raise", "dimple chin": "chin_raise"})
#: out of breath, the mouth hangs wider and the inner brows lift with the effort (corpus train, 14 lines of panting,
#: gulping air, wheezing: JawOpen 0.45, BrowInnerUp 0.3; 0.26 / 0.2 before)
_retarget("pant", JawOpen=0.55, BrowInnerUp=0.45, MouthLowerDown_S=0.3)
#: a hung or bowed head lowers the eyes with it, lids heavy (corpus train: HeadPitch 0.28, eyes down 0.2, EyeBlink
#: 0.34 on hung heads; the plain head-down concept moved the head alone)
CONCEPTS.update(dict([_c("head_hang", {"HeadPitch": 0.5, "Eye{P}Pitch": 0.45, "EyeBlink{S}": 0.35}, "head", 0.7, "none",
                         "head hung")]))
EXPRESSION_WORDS.update(dict.fromkeys(["hang head", "bow head", "head hang", "head bow", "hang head in shame"], "head_hang"))
#: crying one's heart or eyes out, crying a river: sobbing, the mouth open with it
EXPRESSION_WORDS.update(dict.fromkeys(["cry heart out", "cry eye out", "sob heart out", "cry a river", "cry river"], "sob"))
#: feelings named by English idiom or dialect: lugubrious (sad); cheesed off, crabbit (Scots:
#: bad-tempered); a twinkle in the eye (amused warmth); a beady eye (watchful suspicion); under a (rain)cloud (low)
_R12A_FEELINGS = {"lugubrious": ("sadness", 1.0), "under a cloud": ("sadness", 0.9),
                  "raincloud": ("sadness", 0.9), "cheesed off": ("anger", 0.7), "crabbit": ("anger", 0.8),
                  "eye twinkle": ("happiness", 0.6), "twinkle in eye": ("happiness", 0.6), "beady eye": ("suspicion", 1.0),
                  # stop 44: "gave him the hairy eyeball" (train: squint 0.45, brows down 0.4, lips pressed, no wide eyes)
                  "hairy eyeball": ("suspicion", 1.0), "smell a rat": ("suspicion", 1.0),
                  "wrath of god": ("anger", 1.2)}
_add_feelings(_R12A_FEELINGS)
#: the innocent look ("innocent face", "all innocence", "little-angel face"): the "who, me?" of brows lifted, eyes
#: opened a little and the lips held shut (corpus train, 20 lines: BrowOuterUp 0.24, EyeWide 0.19-0.3, press 0.15,
#: a smile only where one is named), not a blank face
CONCEPTS.update(dict([_c("innocent_look", {"BrowOuterUp{S}": 0.5, "BrowInnerUp": 0.5, "EyeWide{S}": 0.45,
                                           "MouthPress{S}": 0.3}, "brows", 0.6, label="innocent look")]))
EXPRESSION_WORDS.update(dict.fromkeys(["innocent", "innocence", "angel face", "little angel",
                                       "butter not melt", "butter would not melt"], "innocent_look"))
#: "his face sags", "her face sagged": the face falling, as "face falls" (sadness), not the head going down
EXPRESSION_WORDS.update(dict.fromkeys(["face sag", "face slump"], "emotion_sadness"))
#: British idioms of delight: "like a dog with two tails", "like the cat that got the cream" (a broad, pleased smile);
#: "a lottery winner's face" (delight with the brows up and the mouth open)
#: ("win" is left out: as a word of its own it would stop "wind" reading as itself)
EXPRESSION_WORDS.update(dict.fromkeys(["dog with two tail", "cat that get the cream"], "emotion_happiness"))
EXPRESSION_WORDS.update(dict.fromkeys(["lottery winner"], "emotion_excitement"))
#: more English idioms of a feeling, each read as the feeling it names (round 14a): worn out -- "looks like something
#: the cat dragged in", "bog-eyed", "bags under his eyes"; glum -- "lost a pound and found a penny", "as if someone had
#: run over his dog", "like a man whose dog just died"; beside themselves with laughter -- "rolling in the aisles"; a
#: strained face -- "like pulling teeth", "constipated". (Idioms built on "as ... as" are not here: 'as' ends a clause.)
EXPRESSION_WORDS.update(dict.fromkeys(["cat drag in", "bog eyed", "bag under eye"], "emotion_tiredness"))
EXPRESSION_WORDS.update(dict.fromkeys(["lose a pound and find a penny", "run over dog", "shoot dog", "dog just die", "dog die"],
                                      "emotion_sadness"))
EXPRESSION_WORDS.update(dict.fromkeys(["roll in the aisle", "roll in aisle"], "laugh"))
EXPRESSION_WORDS.update(dict.fromkeys(["pull teeth", "pull tooth", "constipated"], "grimace"))
#: weather faces: "a face like a wet weekend / wet Good Friday / wet Monday" (miserable: the corners down, corpus train
#: MouthFrown 0.4); "pure thunderhead", "a storm cloud of a face" (anger, as "face like thunder"); the Irish "like a
#: bag of cats" (bad-tempered)
EXPRESSION_WORDS.update(dict.fromkeys(["wet weekend", "wet good friday", "wet monday", "wet sunday", "wet bank holiday"],
                                      "emotion_sadness"))
EXPRESSION_WORDS.update(dict.fromkeys(["thunderhead", "thundercloud", "storm cloud", "bag of cat"], "emotion_anger"))
#: "sweating bullets", "with bated breath": nervous strain and suspense (the inner brows up, the eyes a little wide)
EXPRESSION_WORDS.update(dict.fromkeys(["sweat bullet", "bated breath"], "emotion_anxiety"))
#: round 15a, English idioms of a feeling: a held breath in the past ("he held his breath": the lemma of "held" stays
#: "held", as "breath held" has it); "a dog with a bone" (tenacity: the brows set, the lips pressed; dev-style lines read
#: BrowDown 0.45, press 0.45); "like a zombie", "a wet lettuce" (listless: heavy lids); a face that goes small (shrinking
#: with shame: the eyes down, the inner brows up)
EXPRESSION_WORDS.update(dict.fromkeys(["held breath"], "lips_press"))
EXPRESSION_WORDS.update(dict.fromkeys(["dog with a bone", "dog with bone", "terrier with a bone", "terrier with bone"],
                                      "emotion_determination"))
EXPRESSION_WORDS.update(dict.fromkeys(["zombie", "wet lettuce"], "emotion_tiredness"))
EXPRESSION_WORDS.update(dict.fromkeys(["face go small", "face become small", "face get small", "face grow small", "face shrink"],
                                      "emotion_shame"))
#: more idioms of a feeling (round 15a): "the cat that ate the canary" (smug delight, as "the cat that got the cream");
#: "a face like a smacked bulldog / a smacked arse", "beetle-browed" (a scowl); "pearl-clutching" (shocked); "clams up"
#: (the lips shut tight); "beetle-browed" and "wet behind the ears" are rewritten in text.py (a phrase holding a part word
#: would take the part's own reading)
EXPRESSION_WORDS.update(dict.fromkeys(["cat that eat the canary"], "emotion_happiness"))
EXPRESSION_WORDS.update(dict.fromkeys(["smack bulldog", "smack arse", "slap arse"], "scowl"))
EXPRESSION_WORDS.update(dict.fromkeys(["pearl clutch", "clutch pearl"], "emotion_surprise"))
EXPRESSION_WORDS.update(dict.fromkeys(["clam up"], "lips_press"))
#: stop 44: "looking like all his birthdays had come at once" (delight); "a face like a shut door" (closed, displeased:
#: brows down, lips pressed)
EXPRESSION_WORDS.update(dict.fromkeys(["all birthday have come at once", "all birthday come at once"],
                                      "emotion_happiness"))
EXPRESSION_WORDS.update(dict.fromkeys(["face like a shut door", "face like a closed door"], "scowl"))
#: "asleep" is the eyes shut (corpus train: EyeBlink 0.85-1.0 on lines of someone asleep, "half asleep" about half), not
#: the heavy lids of "sleepy" that the spelling reader took it for
EXPRESSION_WORDS.update({"asleep": "eyes_close"})
#: stop 27: eyes that see nothing ("eyes unfocused", "his eyes glazed over", "a thousand-yard stare", "zoned out"; stop 39:
#: "dead eyes", which had been a neutral face; train gives them EyeBlink 0.35-0.5): the lids
#: a little heavy (train: EyeBlink 0.2-0.35 on such lines, 0.5 where the lids are also said to droop); before, no word
#: of it was read
CONCEPTS.update(dict([_c("unfocused", {"EyeBlink{S}": 0.5}, "eyes", 0.6, label="unfocused eyes")]))
EXPRESSION_WORDS.update(dict.fromkeys(["unfocused", "unfocussed", "glaze over", "glassy", "glassy eye", "dead eye", "thousand yard stare",
                                       "faraway look", "far away look", "zone out", "space out"], "unfocused"))
#: stop 37: a mind elsewhere ("daydreaming", "miles away", "lost in thought", "staring into space", "her mind wanders"): the
#: same far-off lids (train: "he gazes out the window, lids heavy, miles away", "she daydreams": EyeBlink 0.25); before,
#: nothing was read and the learned layer guessed ("lost in thought": eyes wide 0.52, jaw open 0.35)
EXPRESSION_WORDS.update(dict.fromkeys(["daydream", "lose in thought", "stare into space", "mind wander",
                                       "distant look", "distant gaze", "far off look"], "unfocused"))
#: eyes that well up are wet, not yet crying (train: BrowInnerUp 0.25-0.3, lids 0.15-0.25, no frown): "her eyes well up
#: but she keeps smiling" had a crying mouth under the smile
EXPRESSION_WORDS.update(dict.fromkeys(["well up", "eye well up", "well up with tear"], "eyes_moist"))


# --- stop 32 (fresh idiom probes) ----------------------------------------------------------------------
#: feelings named by informal idiom: "pissed off", "hacked off" (angry); "bit his head off" (snapped in
#: anger); "at her wits' end" (exasperated)
_S32_FEELINGS = {"piss off": ("anger", 0.9), "hack off": ("anger", 0.8),
                 "bite head off": ("anger", 1.0), "bit head off": ("anger", 1.0), "wits end": ("exasperation", 1.0)}
_add_feelings(_S32_FEELINGS)


# --- stop 33 --------------------------------------------------------------------------------------------
#: peering at something: the close look (train: "peers at the screen", "he peers at the remote",
#: "close up on the tablet, she peers": EyeSquint 0.4-0.45, BrowDown 0.35, BrowInnerUp 0.2); before, "peer" alone was
#: no word at all ("peer up / down / over / round" keep their own gaze; "peers into / through / out" vary too much in
#: train to say: into the cage wide-eyed, into the cot looking down)
CONCEPTS.update(dict([_c("peer", _AU({7: 0.75, 4: 0.6, 1: 0.3}), "eyes", 0.6, label="close look")]))
EXPRESSION_WORDS.update(dict.fromkeys(["peer at"], "peer"))
#: calm under pressure: "unflappable", "unfazed", "keeps his cool" (train: "cool as a cucumber" lines are a faint smile
#: and easy lids, the calm face; "cool as a cucumber" itself is rewritten in text.py: "as" ends a clause)
_S33_FEELINGS = {"unflappable": ("calm", 1.0), "unruffled": ("calm", 1.0), "unfazed": ("calm", 1.0),
                 "keep cool": ("calm", 1.0), "keep his cool": ("calm", 1.0), "keep her cool": ("calm", 1.0),
                 # hungry and angry (the spelling reader no longer takes a word's first letter away: "kaching")
                 "hangry": ("anger", 1.0)}
_add_feelings(_S33_FEELINGS)
#: "does a double take": the startled second look (train: EyeWide 0.4-0.55, BrowOuterUp 0.35-0.5, BrowInnerUp 0.4; the
#: head's turn only where a side is named); before, no word of it was read
CONCEPTS.update(dict([_c("double_take", _AU({5: 0.85, 2: 0.75, 1: 0.65}), "eyes", 0.6, label="double take")]))
EXPRESSION_WORDS.update(dict.fromkeys(["double take", "double-take", "doubletake"], "double_take"))
#: "his eyes bug out", "eyes bugging": wide eyes (train: EyeWide 0.45-0.8 on such lines; "bug-eyed" was read already)
EXPRESSION_WORDS.update(dict.fromkeys(["eye bug", "eye bug out", "bug out"], "eyes_wide"))
#: "puts on a brave face": a small smile over worried brows, the lips a little pressed (train: BrowInnerUp 0.35-0.4,
#: smile 0.2-0.35, lips pressed 0.15-0.35; the eyes a little wide only where the feeling under it is fear, which the
#: line then names)
CONCEPTS.update(dict([_c("brave_face", {"BrowInnerUp": 0.67, "MouthSmile{S}": 0.5, "MouthPress{S}": 0.4}, "mouth", 0.6,
                         label="brave face")]))
EXPRESSION_WORDS.update(dict.fromkeys(["brave face"], "brave_face"))
#: a thing held or lying below the eyes ("glances at her phone", "head down over the book") takes the look and the head
#: down as "down" does (and a jaw "on the desk" drops), no other part: "a mouth like an open book" had its corners
#: pulled down, and "her face is an open book" tipped the head
RULES.update({(part, "place_down"): key for (part, action), key in list(RULES.items())
              if action == "down" and part in ("eyes", "gaze", "look", "lids", "head", "chin", "jaw")})
#: ... as a place above takes them up ("eyes to heaven", "looks at the ceiling", "her face to the sky"), and the brows
#: ("brows to the ceiling"); no part of the mouth, cheeks or nose
RULES.update({(part, "place_up"): key for (part, action), key in list(RULES.items())
              if action == "up" and part in ("eyes", "gaze", "look", "lids", "head", "chin", "face", "brows", "inner_brows",
                                             "outer_brows")})
#: ... and a thing below only the look ("turns to the board", "her head is full of lists" tip no head; see THINGS_BELOW)
RULES.update({(part, "thing_down"): key for (part, action), key in list(RULES.items())
              if action == "down" and part in ("eyes", "gaze", "look")})
#: tears held back ("fighting back tears", "she refuses to cry", "barely holding it together"): the brows and the chin
#: show what the pressed mouth holds in (train, 14 lines: BrowInnerUp 0.45-0.55, MouthPress 0.3-0.45, MouthShrugLower
#: 0.3-0.5, a little frown); not the whole of sadness scaled down, which left the brows at 0.19
CONCEPTS.update(dict([_c("held_tears", {"BrowInnerUp": 0.8, "MouthPress{S}": 0.6, "MouthShrugLower": 0.6, "MouthFrown{S}": 0.3,
                                        "EyeBlink{S}": 0.2}, "mouth", 0.6, label="tears held back")]))
#: (phrases are read without their articles: "fights back the tears" is "fight back tears")
EXPRESSION_WORDS.update(dict.fromkeys(["fight back tears", "hold back tears", "choke back tears", "keep back tears", "fight tears",
                                       "fight off tears", "hold in tears", "hold tears back"], "held_tears"))
#: "he freaks out", "she's freaking out": panic, the fear at full size
_add_feelings({"freak out": ("fear", 1.2)})
#: stop 35: feeling words of everyday English that no table held (91 of 278 common feeling adjectives, checked as a script's
#: emotion over a look that moves nothing, read as nothing), each read as the nearest prototype. Words that are mostly
#: something else in a description are left out ("cross" the room, "dry" lips, "icy" wind, "keen" eyes, "thrown" out), and
#: those the corpus reads otherwise ("helpless" laughter, "shaky" relief, a "cornered" dog bares its teeth, "watchful" eyes
#: narrow, "disbelieving" contempt keeps its eyes level).
_S35_FEELINGS = {
    **dict.fromkeys(["abashed", "mortified"], ("mortification", 1.0)),
    **dict.fromkeys(["beaten", "crushed by"], ("shame", 0.9)),
    **dict.fromkeys(["aggrieved", "disgruntled", "irked", "vexed", "embittered"], ("anger", 0.65)),
    **dict.fromkeys(["belligerent", "spiteful", "vengeful", "vindictive"], ("anger", 1.0)),
    **dict.fromkeys(["defensive"], ("anger", 0.45)),
    **dict.fromkeys(["alert", "vigilant", "on alert"], ("alertness", 1.0)),
    **dict.fromkeys(["antsy", "fidgety", "edgy", "uptight", "insecure", "unnerved", "unsettled", "disconcerted"], ("anxiety", 0.8)),
    **dict.fromkeys(["distressed", "vulnerable"], ("worry", 1.0)),
    **dict.fromkeys(["preoccupied"], ("worry", 0.55)),
    **dict.fromkeys(["arrogant", "haughty", "lofty", "imperious"], ("haughtiness", 1.0)),
    **dict.fromkeys(["sardonic", "supercilious"], ("contempt", 0.9)),
    **dict.fromkeys(["dismissive"], ("boredom", 1.0)),
    **dict.fromkeys(["bereft", "woeful", "forsaken"], ("sadness", 1.1)),
    **dict.fromkeys(["rejected", "heavy hearted", "heavyhearted"], ("sadness", 0.9)),
    **dict.fromkeys(["discouraged", "disheartened", "withdrawn", "pessimistic"], ("sadness", 0.6)),
    **dict.fromkeys(["tormented"], ("sadness", 1.3)),
    **dict.fromkeys(["brooding", "petulant"], ("anger", 0.7)),
    **dict.fromkeys(["bubbly", "jovial", "upbeat", "carefree", "buoyant"], ("happiness", 0.85)),
    **dict.fromkeys(["optimistic", "whimsical"], ("happiness", 0.55)),
    **dict.fromkeys(["composed", "reserved", "serene", "tranquil", "mellow", "reverent"], ("calm", 1.0)),
    **dict.fromkeys(["threatened"], ("fear", 0.9)),
    **dict.fromkeys(["paranoid"], ("suspicion", 1.0)),
    **dict.fromkeys(["disoriented", "disorientated"], ("confusion", 1.0)),
    **dict.fromkeys(["enthralled", "fascinated", "rapt", "spellbound"], ("curiosity", 1.2)),
    **dict.fromkeys(["expectant"], ("curiosity", 0.8)),
    **dict.fromkeys(["frazzled", "long suffering", "longsuffering"], ("exasperation", 0.8)),
    **dict.fromkeys(["lethargic", "listless"], ("tiredness", 0.85)),
    **dict.fromkeys(["humble"], ("sympathy", 0.9)),  # "humbled" is its inflection
    **dict.fromkeys(["infatuated"], ("tenderness", 1.0)),
    **dict.fromkeys(["self conscious", "selfconscious"], ("shyness", 1.0)),
    **dict.fromkeys(["sentimental"], ("wistfulness", 1.0)),
    **dict.fromkeys(["dreamy"], ("contentment", 0.8)),
    **dict.fromkeys(["intense", "obstinate", "rebellious"], ("determination", 1.0)),
    **dict.fromkeys(["zealous", "ardent"], ("excitement", 0.7)),
    **dict.fromkeys(["realise", "realize", "realisation", "realization", "dawn on"], ("realization", 1.0)),
}
_add_feelings(_S35_FEELINGS)

