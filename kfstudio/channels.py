"""The 61 animation channels of KeyframeFace Studio.

52 Apple ARKit blendshapes (weights in [0, 1]) followed by 9 head/eye pose values (in [-1, 1]),
in the column order of Epic's Live Link Face CSV. Every array of channel values in the project
uses this order (index 0 = EyeBlinkLeft ... index 60 = RightEyeRoll).

"Left" and "Right" are the face's own sides: ``EyeBlinkLeft`` closes the character's left eye,
which is on the right of the image in a front view.

Pose sign conventions (Live Link Face, read off real captures):

* ``HeadYaw``  > 0 turns the head toward the face's right; ``HeadPitch`` > 0 tips the head down
  (chin toward chest); ``HeadRoll`` > 0 tilts the head toward the face's right shoulder.
* ``*EyeYaw`` > 0 turns the gaze toward the face's right (EyeLookOutRight / EyeLookInLeft rise);
  ``*EyePitch`` > 0 turns the gaze down (EyeLookDown rises); ``*EyeRoll`` is a torsion, rarely
  used. Values are radians, |yaw| up to about 0.6 and |pitch| up to about 0.4 in practice.

This module has no dependency beyond numpy and the standard library.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import numpy as np

__all__ = [
    "Channel",
    "CHANNELS",
    "NAMES",
    "ARKIT_NAMES",
    "GROUPS",
    "NUM_CHANNELS",
    "NUM_BLENDSHAPES",
    "NUM_POSE",
    "LOWER",
    "UPPER",
    "NEUTRAL",
    "MIRROR_INDEX",
    "MIRROR_SIGN",
    "UnknownChannelError",
    "channel_index",
    "lookup",
    "clamp",
    "mirror_values",
    "group_indices",
    "EYE_LOOK_YAW",
    "EYE_LOOK_PITCH",
]


@dataclass(frozen=True)
class Channel:
    """One animation channel."""

    index: int
    name: str  # Live Link Face PascalCase, e.g. "EyeBlinkLeft"
    arkit: str  # ARKit camelCase, e.g. "eyeBlinkLeft"
    group: str  # eyes, jaw, mouth, brows, cheeks, nose, tongue, head pose, eye pose
    lower: float
    upper: float
    mirror: str  # name of the left/right counterpart (itself when unpaired)
    mirror_sign: float  # +1, or -1 when mirroring flips the sign (yaw, roll)
    meaning: str

    @property
    def is_pose(self) -> bool:
        return self.group in ("head pose", "eye pose")

    @property
    def side(self) -> str:
        """'left', 'right' or '' (the face's own side)."""
        n = self.name
        if n.endswith("Left") or n.startswith("LeftEye"):
            return "left"
        if n.endswith("Right") or n.startswith("RightEye"):
            return "right"
        return ""


# name, group, meaning  (Live Link Face order)
_TABLE: list[tuple[str, str, str]] = [
    ("EyeBlinkLeft", "eyes", "closes the eyelids of the left eye"),
    ("EyeLookDownLeft", "eyes", "left eyelids follow a downward gaze"),
    ("EyeLookInLeft", "eyes", "left eyelids follow a gaze toward the nose"),
    ("EyeLookOutLeft", "eyes", "left eyelids follow a gaze toward the left ear"),
    ("EyeLookUpLeft", "eyes", "left eyelids follow an upward gaze"),
    ("EyeSquintLeft", "eyes", "narrows the left eye by raising the lower lid and cheek"),
    ("EyeWideLeft", "eyes", "widens the left eye, lifting the upper lid"),
    ("EyeBlinkRight", "eyes", "closes the eyelids of the right eye"),
    ("EyeLookDownRight", "eyes", "right eyelids follow a downward gaze"),
    ("EyeLookInRight", "eyes", "right eyelids follow a gaze toward the nose"),
    ("EyeLookOutRight", "eyes", "right eyelids follow a gaze toward the right ear"),
    ("EyeLookUpRight", "eyes", "right eyelids follow an upward gaze"),
    ("EyeSquintRight", "eyes", "narrows the right eye by raising the lower lid and cheek"),
    ("EyeWideRight", "eyes", "widens the right eye, lifting the upper lid"),
    ("JawForward", "jaw", "juts the jaw forward"),
    ("JawRight", "jaw", "shifts the jaw toward the face's right"),
    ("JawLeft", "jaw", "shifts the jaw toward the face's left"),
    ("JawOpen", "jaw", "opens the jaw, dropping the chin"),
    ("MouthClose", "mouth", "closes the lips while the jaw is open"),
    ("MouthFunnel", "mouth", "flares the lips into an open funnel, as in 'oo' or 'sh'"),
    ("MouthPucker", "mouth", "purses the lips into a tight closed pucker, as for a kiss"),
    ("MouthRight", "mouth", "moves both lips together toward the face's right"),
    ("MouthLeft", "mouth", "moves both lips together toward the face's left"),
    ("MouthSmileLeft", "mouth", "pulls the left mouth corner up and back (smile)"),
    ("MouthSmileRight", "mouth", "pulls the right mouth corner up and back (smile)"),
    ("MouthFrownLeft", "mouth", "pulls the left mouth corner down (frown)"),
    ("MouthFrownRight", "mouth", "pulls the right mouth corner down (frown)"),
    ("MouthDimpleLeft", "mouth", "tightens the left mouth corner back, dimpling the cheek"),
    ("MouthDimpleRight", "mouth", "tightens the right mouth corner back, dimpling the cheek"),
    ("MouthStretchLeft", "mouth", "stretches the left mouth corner sideways and down"),
    ("MouthStretchRight", "mouth", "stretches the right mouth corner sideways and down"),
    ("MouthRollLower", "mouth", "rolls the lower lip in over the teeth"),
    ("MouthRollUpper", "mouth", "rolls the upper lip in over the teeth"),
    ("MouthShrugLower", "mouth", "pushes the lower lip up and out (chin raiser)"),
    ("MouthShrugUpper", "mouth", "pushes the upper lip up and out"),
    ("MouthPressLeft", "mouth", "presses the lips together on the left side"),
    ("MouthPressRight", "mouth", "presses the lips together on the right side"),
    ("MouthLowerDownLeft", "mouth", "pulls the lower lip down on the left side"),
    ("MouthLowerDownRight", "mouth", "pulls the lower lip down on the right side"),
    ("MouthUpperUpLeft", "mouth", "raises the upper lip on the left side"),
    ("MouthUpperUpRight", "mouth", "raises the upper lip on the right side"),
    ("BrowDownLeft", "brows", "lowers and knits the left brow"),
    ("BrowDownRight", "brows", "lowers and knits the right brow"),
    ("BrowInnerUp", "brows", "raises the inner ends of both brows (worry, sadness)"),
    ("BrowOuterUpLeft", "brows", "raises the outer end of the left brow"),
    ("BrowOuterUpRight", "brows", "raises the outer end of the right brow"),
    ("CheekPuff", "cheeks", "puffs both cheeks out with air"),
    ("CheekSquintLeft", "cheeks", "raises the left cheek toward the eye"),
    ("CheekSquintRight", "cheeks", "raises the right cheek toward the eye"),
    ("NoseSneerLeft", "nose", "wrinkles the nose and raises the left nostril (sneer)"),
    ("NoseSneerRight", "nose", "wrinkles the nose and raises the right nostril (sneer)"),
    ("TongueOut", "tongue", "sticks the tongue out of the mouth"),
    ("HeadYaw", "head pose", "turns the head; positive toward the face's right"),
    ("HeadPitch", "head pose", "tips the head; positive down (chin toward chest)"),
    ("HeadRoll", "head pose", "tilts the head; positive toward the face's right shoulder"),
    ("LeftEyeYaw", "eye pose", "turns the left eye; positive toward the face's right (radians)"),
    ("LeftEyePitch", "eye pose", "turns the left eye; positive down (radians)"),
    ("LeftEyeRoll", "eye pose", "rolls the left eye about its gaze axis"),
    ("RightEyeYaw", "eye pose", "turns the right eye; positive toward the face's right (radians)"),
    ("RightEyePitch", "eye pose", "turns the right eye; positive down (radians)"),
    ("RightEyeRoll", "eye pose", "rolls the right eye about its gaze axis"),
]

GROUPS: tuple[str, ...] = (
    "eyes",
    "jaw",
    "mouth",
    "brows",
    "cheeks",
    "nose",
    "tongue",
    "head pose",
    "eye pose",
)

# Mirroring flips the sign of these (a turn to the right becomes a turn to the left).
_SIGN_FLIP = {"HeadYaw", "HeadRoll", "LeftEyeYaw", "RightEyeYaw", "LeftEyeRoll", "RightEyeRoll"}


def _mirror_name(name: str) -> str:
    if name.endswith("Left"):
        return name[: -len("Left")] + "Right"
    if name.endswith("Right"):
        return name[: -len("Right")] + "Left"
    if name.startswith("LeftEye"):
        return "RightEye" + name[len("LeftEye") :]
    if name.startswith("RightEye"):
        return "LeftEye" + name[len("RightEye") :]
    return name


def _arkit_name(name: str) -> str:
    return name[0].lower() + name[1:]


def _build() -> tuple[Channel, ...]:
    out = []
    for i, (name, group, meaning) in enumerate(_TABLE):
        pose = group in ("head pose", "eye pose")
        out.append(
            Channel(
                index=i,
                name=name,
                arkit=_arkit_name(name),
                group=group,
                lower=-1.0 if pose else 0.0,
                upper=1.0,
                mirror=_mirror_name(name),
                mirror_sign=-1.0 if name in _SIGN_FLIP else 1.0,
                meaning=meaning,
            )
        )
    return tuple(out)


CHANNELS: tuple[Channel, ...] = _build()
NAMES: tuple[str, ...] = tuple(c.name for c in CHANNELS)
ARKIT_NAMES: tuple[str, ...] = tuple(c.arkit for c in CHANNELS)
NUM_CHANNELS = 61
NUM_BLENDSHAPES = 52
NUM_POSE = 9
assert len(CHANNELS) == NUM_CHANNELS

LOWER = np.array([c.lower for c in CHANNELS], dtype=np.float64)
UPPER = np.array([c.upper for c in CHANNELS], dtype=np.float64)
NEUTRAL = np.zeros(NUM_CHANNELS, dtype=np.float64)
LOWER.setflags(write=False)
UPPER.setflags(write=False)
NEUTRAL.setflags(write=False)

_BY_NAME = {c.name: c for c in CHANNELS}
MIRROR_INDEX = np.array([_BY_NAME[c.mirror].index for c in CHANNELS], dtype=np.intp)
MIRROR_SIGN = np.array([c.mirror_sign for c in CHANNELS], dtype=np.float64)
MIRROR_INDEX.setflags(write=False)
MIRROR_SIGN.setflags(write=False)


#: Eye rotation (radians) at which the matching ``eyeLook*`` shape reaches 1: yaw toward the ear or
#: the nose, pitch up or down. Every module that converts between the look shapes and the eye
#: rotations (the planner, the rig, secondary motion) uses these, so the two always agree.
EYE_LOOK_YAW = 0.6
EYE_LOOK_PITCH = 0.4


class UnknownChannelError(KeyError):
    """Raised for a name that is not one of the 61 channels (message suggests the nearest)."""

    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        shown = name if len(name) <= 40 else name[:37] + "..."
        msg = f"unknown channel {shown!r}"
        if suggestions:
            msg += f"; did you mean {' or '.join(repr(s) for s in suggestions)}?"
        super().__init__(msg)

    def __str__(self) -> str:  # KeyError quotes its message otherwise
        return self.args[0]


def _key(name: str) -> str:
    """Normalise a rig spelling to a lookup key.

    Handles ``eyeBlinkLeft``, ``EyeBlinkLeft``, ``eyeblinkleft``, ``eyeBlink_L``, ``eyeBlink_R``,
    ``eyeBlinkL``, ``EyeBlink.L``, ``eye_blink_left``, ``Eye Blink Left``, and namespaced names
    such as ``blendShape1.eyeBlinkLeft`` or ``Face:eyeBlinkLeft`` (the namespace is dropped).
    """
    s = name.strip()
    # Drop a namespace prefix ("blendShape1.eyeBlinkLeft", "Head:jawOpen") but keep ".L"/".R" suffixes.
    m = re.match(r"^(.*[.:|/])([^.:|/]{3,})$", s)
    if m:
        s = m.group(2)
    # Side suffixes: "_L", ".L", "-L", " L", or a bare capital L/R after a lower-case letter.
    s = re.sub(r"[_.\-\s]([LlRr])$", lambda m: "Left" if m.group(1) in "Ll" else "Right", s)
    s = re.sub(r"(?<=[a-z])([LR])$", lambda m: "Left" if m.group(1) == "L" else "Right", s)
    key = re.sub(r"[^0-9a-z]", "", s.lower())
    return key


_LOOKUP: dict[str, Channel] = {}
for _c in CHANNELS:
    _LOOKUP[_key(_c.name)] = _c
# A few widespread alternative spellings of the pose channels.
_ALIASES = {
    "headturn": "HeadYaw",
    "headnod": "HeadPitch",
    "headtilt": "HeadRoll",
    "eyeyawleft": "LeftEyeYaw",
    "eyepitchleft": "LeftEyePitch",
    "eyerollleft": "LeftEyeRoll",
    "eyeyawright": "RightEyeYaw",
    "eyepitchright": "RightEyePitch",
    "eyerollright": "RightEyeRoll",
}
for _alias, _target in _ALIASES.items():
    _LOOKUP[_alias] = _BY_NAME[_target]


def lookup(name: str) -> Channel:
    """Return the channel for any common spelling of its name.

    Raises :class:`UnknownChannelError` (a ``KeyError``) naming the closest channels otherwise.
    """
    if isinstance(name, Channel):
        return name
    c = _BY_NAME.get(name)
    if c is not None:
        return c
    c = _LOOKUP.get(_key(str(name)))
    if c is not None:
        return c
    key = _key(str(name))
    close = difflib.get_close_matches(key, list(_LOOKUP), n=2, cutoff=0.6)
    suggestions = []
    for k in close:
        n = _LOOKUP[k].name
        if n not in suggestions:
            suggestions.append(n)
    raise UnknownChannelError(str(name), suggestions)


def channel_index(name: str) -> int:
    """Index (0..60) of a channel given any common spelling of its name."""
    return lookup(name).index


def clamp(values: np.ndarray) -> np.ndarray:
    """Clamp an array whose last axis is the 61 channels to each channel's range (NaN -> 0)."""
    v = np.nan_to_num(np.asarray(values, dtype=np.float64), nan=0.0, posinf=1.0, neginf=-1.0)
    return np.clip(v, LOWER, UPPER)


def mirror_values(values: np.ndarray) -> np.ndarray:
    """Swap left and right (and flip yaw/roll signs) on an array whose last axis is the 61 channels."""
    v = np.asarray(values, dtype=np.float64)
    return v[..., MIRROR_INDEX] * MIRROR_SIGN


def group_indices(group: str) -> list[int]:
    """Indices of the channels of one group (see :data:`GROUPS`)."""
    if group not in GROUPS:
        raise KeyError(f"unknown channel group {group!r}; groups are {', '.join(GROUPS)}")
    return [c.index for c in CHANNELS if c.group == group]
