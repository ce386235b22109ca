"""The embedded planner: keyframe description (in its script's context) -> 61 channel values.

How a description becomes values:

0. Typed text is normalised (:func:`.text.normalize`: emoji, emoticons, shorthand, capitals, FACS codes,
   screen directions, screenplay blocks). Quoted sounds and words become a mouth shape
   (:mod:`kfstudio.generation.visemes`) and are not read as directions, unless the look says them ("a smile
   that says 'not now'", "her eyes say 'help me'": read as the eyes' fear). A description that narrates a
   change is split into beats (:func:`.text.split_change_beats`); the keyframe shows the last one.
1. Words are lemmatised, misspellings corrected and unknown words expanded to lexicon words (:mod:`.text`),
   then split into clauses.
2. In each clause, phrases of the lexicon are matched longest-first. A face part and a movement word
   ("the inner brows lift") select a concept through :data:`.lexicon.RULES`; expression words ("smirk")
   select one directly; emotion words ("worried") select an emotion prototype.
3. Modifier words attach to the nearest movement of their clause: intensity ("slightly"), negation
   ("does not", "fades"), comparison with the previous keyframe ("more", "less"), side ("left",
   "lopsided"). Left and right are the face's own sides; for gaze and head turns they are directions.
4. Movements are combined (the strongest value per channel wins), negated ones force their channels to 0.
   Checks that read a whole phrase (a social smile, a part said to stay still, cold eyes) read the text as
   typed, normalised, and with the misspellings step 1 corrected ("nervious smile", "brows dont mvoe").
5. The script's emotion (read with the same machinery) fills regions the description leaves open, fully
   when the description is vague ("a beat", "reacts"), lightly otherwise. Hold words ("keeps", "still")
   carry the previous keyframe over.
6. Coherence: the eyeLook* blendshapes are derived from the eye rotations, blinks cancel wide eyes,
   mouthClose never exceeds jawOpen, everything is clamped to the channel ranges.

The :class:`Plan` also says what the planner read: the face regions the description set
(``understood``), the words it had no meaning for (``unknown_words``), whether it found any movement
(``found_movement``) and the beats of a narrated change (``beats``); the learned semantic layer fills
what the planner did not read.
"""

from __future__ import annotations

import bisect
import functools
import re

from dataclasses import dataclass, field
from typing import Literal, Sequence, TypedDict

import numpy as np

from ... import channels as ch
from ..visemes import blend, captions_the_look, find_speech, interjection_words, says_the_look, strip_quotes
from . import lexicon as lx
from .facs import EMOTIONS, expand_targets
from .spec import Spec, read_specs
from .text import (CLAUSE_BREAKS, CLAUSE_END, CLAUSE_OR_BRACKET_END, COVER, HIDDEN_HOW, calm_state, EXPANSION_FILE, FILLER, STOP_WORDS, Lemmatizer,
                   Token, eyes_kept_on_someone, eyes_say_fear, load_expansion, normalize, split_change_beats, split_clauses)

__all__ = ["Plan", "EmbeddedPlanner", "explain"]

_PAIR_DISTANCE = 6  # most tokens between a face part and its movement word
#: Words between a movement word and the part it names as its object ("raises the other eyebrow")
_OBJECT_GAP = frozenset("the his her their its my your one both left right other opposite".split())
_COLOUR_WEIGHT = 0.65  # how strongly the script emotion colours regions a specific description leaves open
_VAGUE_WEIGHT = 1.0  # ... and a vague description
#: Each axis of the eye pose (both eyes' channels) and the look shapes of both eyes that follow it (the planner
#: keeps the two eyes together): a look held at rest holds those shapes too
_LOOK_SHAPES_OF_AXIS = [
    ([ch.channel_index(f"{side}Eye{axis}") for side in ("Left", "Right")],
     np.array([n.startswith(tuple(f"EyeLook{d}" for d in dirs)) for n in ch.NAMES]))
    for axis, dirs in (("Pitch", ("Up", "Down")), ("Yaw", ("In", "Out")))
]
_CARRY_VAGUE = 0.5  # share of the previous keyframe kept by a vague description without hold words
_MORE, _LESS = 1.45, 0.55  # comparative factors on the previous intensity
_POSTURE = frozenset({"head", "gaze"})  # regions a narrated change holds from one beat to the next
_MEDIUM_CHANGE = 0.6  # a size word at this intensity ("clearly") leaves a comparative's factor as it is ...
_MIN_FACTOR = 0.15  # ... and "much less" keeps at least this share
#: size words that measure a change when they stand with "more" or "less" ("a bit less", "much more"; not "less wide")
_CHANGE_SIZES = frozenset({"a bit", "a little", "a touch", "a tad", "slightly", "somewhat", "much", "a lot", "noticeably",
                           "very slightly", "ever so slightly", "a little bit", "a tiny bit", "just a bit", "just a little",
                           "bit", "tiny bit", "little bit", "little", "touch", "tad", "fraction", "a fraction", "a shade", "shade"})
# Radians of eye rotation at which the eyeLook* blendshapes reach 1, read off the real capture in
# ../shared/fixtures (median EyeLookDown / eye pitch = 1.64, EyeLookOut / |eye yaw| = 1.17 while looking).
_EYE_YAW_MAX, _EYE_PITCH_MAX = 0.85, 0.6
_VAGUE_ACTIONS = {"curl", "twitch"}
#: actions that are small by what they are, without an intensity word: a twitch, a flicker, a tug is not a full pull
_ACTION_SCALE = {"twitch": 0.6}

_IDX = {name: i for i, name in enumerate(ch.NAMES)}
_REGION_OF_CHANNEL: dict[int, str] = {}
for _c in ch.CHANNELS:
    n = _c.name
    if n.startswith("Brow"):
        r = "brows"
    elif n.startswith(("EyeBlink", "EyeSquint", "EyeWide")):
        r = "eyes"
    elif n.startswith("EyeLook") or _c.group == "eye pose":
        r = "gaze"
    elif _c.group == "head pose":
        r = "head"
    elif n.startswith("Cheek"):
        r = "cheeks"
    elif n.startswith("Nose"):
        r = "nose"
    else:
        r = "mouth"
    _REGION_OF_CHANNEL[_c.index] = r
_REGION_MASKS: dict[str, np.ndarray] = {
    region: np.array([_REGION_OF_CHANNEL[i] == region for i in range(ch.NUM_CHANNELS)]) for region in set(_REGION_OF_CHANNEL.values())
}
#: The regions a denied frown or scowl reads at rest: every region it moves a channel of by 0.3 or more ("not a frown":
#: the brows too, not only the mouth region it is filed under)
_DENIED_FROWN_REGIONS = {
    key: frozenset({lx.CONCEPTS[key].region} | {_REGION_OF_CHANNEL[i] for i, value in expand_targets(lx.CONCEPTS[key].targets).items()
                                                if abs(value) >= 0.3})
    for key in ("frown", "scowl")
}


#: Head movements that set a pitch direction (see :meth:`EmbeddedPlanner._drop_pitch_tilts`).
_PITCH_CONCEPTS = frozenset({"head_back", "head_up", "head_down", "head_forward", "nod"})
#: Brow movements that combine into the AU1+4 brow when a description asks for both.
_BROW_RAISES = frozenset({"brows_raise", "inner_brows_raise"})
_BROW_LOWERS = frozenset({"brows_knit", "brows_lower"})
_WHOLE_BROW_RAISES = frozenset({"brows_raise", "outer_brows_raise"})
_FLAT_MOUTH_RE = re.compile(r"(?i)\b(?:mouth|lips)\b.*\b(?:flat|level|straight)\b|\b(?:flat|level|straight)\b.*\b(?:mouth|lips)\b")
_SMILE_CHANNELS = np.array([n.startswith("MouthSmile") for n in ch.NAMES])
#: a feeling that comes over the face, a change ("face falls", "his face sags")
_FACE_FALLS_RE = re.compile(r"\b(?:fall|falls|fell|falling|fallen|drop|drops|dropped|dropping|sag|sags|sagged|sagging|crumple[sd]?|crumpling|"
                            r"collapse[sd]?|collapsing|cloud(?:s|ed)?\s+over|darken(?:s|ed)?)\b", re.IGNORECASE)
_FROWN_CHANNELS = np.array([_IDX["MouthFrownLeft"], _IDX["MouthFrownRight"]])
_GRIEF_BROW_DOWN = 0.25  # AU4's share in the AU1+4 brow (FACS: the corrugator pulls, the frontalis wins)
_SMILES = frozenset({"smile", "grin", "beam", "half_smile"})
#: a cry, its tears or its quiver named and denied ("no tears", "not crying", "not a quiver in his chin")
_DENIED_CRY_RE = re.compile(r"\b(?:cr(?:y|ies|ied|ying)|tears?|tearful|sob\w*|weep\w*|wept|quiver\w*|wobbl\w*|trembl\w*)\b", re.I)
#: a cry fought back rather than absent ("she will not cry", "refuses to cry", "the tears don't come", "on the edge of
#: tears"): the chin bunching against it is the effort, and stays
_HELD_BACK_CRY_RE = re.compile(
    r"\b(?:will\s+not|won'?t|wont|refus\w*|fight\w*|fought|hold\w*\s+back|held\s+back|(?:do|does|did|would|will)\s*n[o']?t\s+come"
    r"|(?:edge|verge|brink)\s+of\s+tears|tr(?:y|ies|ied|ying)\s+not|keep\w*\s+from|kept\s+from|struggl\w*|determined"
    r"|promis\w*|swor[en]|brave\w*|stoic\w*|stiff\s+upper\s+lip|british)\b", re.I)
_CHIN_MOVES = frozenset({"chin_raise", "lip_tremble", "pout", "sulk"})
_MOUTH_OPENERS = np.array([n in ("JawOpen", "MouthLowerDownLeft", "MouthLowerDownRight", "MouthUpperUpLeft", "MouthUpperUpRight")
                           for n in ch.NAMES])
_CLOSURES = frozenset({"blink", "wink", "eyes_close"})
_DURATION_WORDS = frozenset({"quick", "quickly", "brief", "briefly", "fast", "rapid", "rapidly", "short", "sudden", "suddenly"})
def _emotion_lemmas() -> frozenset[str]:
    from .facs import EMOTION_WORDS

    return frozenset(EMOTION_WORDS) | {"fear", "surprise", "disgust", "horror", "pain", "shock", "anger", "rage", "terror", "delight", "concentration"}


_EMOTION_LEMMAS = _emotion_lemmas()
_LAUGHS = frozenset({"laugh", "giggle", "chuckle", "grin", "beam"})
#: words saying what the other side does ("the other eye streaming", "the left one doesn't follow")
_OTHER_SIDE_NAMED_RE = re.compile(r"\b(?:other|(?:left|right)\s+one)\b", re.IGNORECASE)
#: words comparing the two sides ("the right eye shut tightest", "left eye screwed closed more than the right")
_SIDES_COMPARED_RE = re.compile(r"\b(?:\w+est|most|more|less|higher|lower|further|harder|tighter|wider)\b", re.IGNORECASE)
#: Smiles and laughs are one movement when a later clause says it fades ("she smiles ... the grin fades")
_SMILE_FAMILY = frozenset({"smile", "grin", "beam", "half_smile", "laugh", "giggle", "chuckle", "smirk"})
#: ... and tears beside a smile or a happy feeling ("happy tears", "a trembling smile as tears gather") are
#: tears of joy: the mouth stays the smile's (corpus: MouthFrown <= 0.1-0.15 there)
_HAPPY_TEARS = frozenset({"smile", "emotion_happiness", "emotion_elation", "emotion_excitement", "emotion_tenderness"})
#: A laugh with real tears: "laughing through (the) tears", "laughing and crying (at once)", "crying and laughing"
_MIXED_TEARS_RE = re.compile(r"\bthrough\s+(?:the\s+|her\s+|his\s+|my\s+|their\s+|your\s+)?tears\b"
                             r"|\b(?:laugh|giggl|chuckl)\w*\s+and\s+(?:cry|cries|cried|crying|sob\w*|weep\w*)\b"
                             r"|\b(?:cry|cries|cried|crying|sob\w*|weep\w*)\s+and\s+(?:laugh|giggl|chuckl)\w*", re.I)
_LIP_SEALS = frozenset({"lips_close", "lips_press", "lips_roll_in"})
_CLENCHES = frozenset({"jaw_clench", "teeth_grit", "teeth_together"})
_CLENCHED_JAW = 0.05
_STRAIGHT_FACE_PRESS = 0.35
_OPENINGS = frozenset({"mouth_open", "jaw_open", "lips_part", "jaw_slack"})
_SUPPRESSIBLE = frozenset({"smile", "grin", "beam", "half_smile", "smirk", "laugh", "giggle", "chuckle"})
#: Intensity words that hold an expression back (lexicon.INTENSITY: "bite back", "try not to", "stifle" ...).
_SUPPRESS_WORDS = frozenset({
    "bite back", "swallow", "fight off", "choke back", "hold in", "keep in", "rein in", "smother", "tamp down", "suppress",
    "stifle", "restrain", "hold back", "fight back", "fight", "try not to", "try hard not to", "struggle not to", "trying not to",
    "keep from", "keep herself from", "keep himself from", "keep themselves from", "stop herself from", "stop himself from",
    "stop themselves from", "refrain from",
    "in check", "held in check", "suppressed", "stifled", "restrained", "bites back", "bit back", "biting back",
    "hide", "conceal", "mask", "disguise", "contained", "controlled",
    "concealed", "muffled", "held back", "resist",
})
#: Negating words that can be partial ("fades a little"); with a small intensity they weaken instead.
_FADES = frozenset({"fade", "fades", "faded", "fading", "soften", "softens", "ease", "eases", "drain", "drains", "subside", "subsides",
                    "relax", "relaxes", "loosen", "loosens", "settle", "settles", "dim", "dims"})
#: Qualifiers of a smile without the cheek raise (FACS: AU12 without AU6, the "social" smile).
_SOCIAL_SMILE_WORDS = frozenset({
    "polite", "politely", "forced", "fake", "fixed", "plastic", "pasted", "strained", "thin", "tight", "brave",
    "dutiful", "social", "professional", "practised", "practiced", "wan", "weak", "false", "hollow", "painted", "stiff",
    "half hearted", "half-hearted", "halfhearted", "mechanical", "rigid", "glassy", "put on", "courteous",
})
#: Eye narrowings that a smile or laugh makes its own (see ``_Instance.browless``)
_SMILE_SQUINTS = frozenset({"eyes_narrow", "eyes_squeeze", "squint"})
_DELIBERATE_SQUINT_RE = re.compile(r"\b(?:narrow|slit)[\s-]+eye", re.I)
_BROW_DOWN = np.array([n.startswith("BrowDown") for n in ch.NAMES])
_BROW_OUTER_UP = np.array([n.startswith("BrowOuterUp") for n in ch.NAMES])
_BROW_UP = _REGION_MASKS["brows"] & ~_BROW_DOWN
#: "no one raises an eyebrow", "not a single person", "never one to": the denial is of someone else's brows, or of a habit
_NOBODY_RE = re.compile(r"\b(?:no[\s-]+one|nobody|none\s+of|not\s+a\s+(?:single\s+)?(?:soul|person|one|man|woman)|never\s+one\s+to)\b", re.I)
_HE_RE = re.compile(r"\b(?:he|him|his)\b", re.I)
_SHE_RE = re.compile(r"\b(?:she|her|hers)\b", re.I)
#: a feeling named on the brows: "worried brows", "concerned eyebrows", "sad brows", "puppy-dog brows"
_FEELING_BROWS_RE = re.compile(
    r"\b(?<!no\s)(?<!not\s)(?<!without\s)(?<!never\s)(worried|concerned|sad|pleading|sympathetic|anxious|hopeful|scared|guilty|"
    r"puppy(?:[\s-]dog)?|apologetic|fearful|mournful|sorry|begging|nervous|upset|sorrowful|pitying)[\s-]+(?:eye-?)?brows?\b",
    re.IGNORECASE)
_DUCHENNE = np.array([n.startswith(("CheekSquint", "EyeSquint")) for n in ch.NAMES])
#: A social smile (polite, nervous, forced, tight ...: the lip corners without the cheek raiser, AU12 without
#: AU6; corpus train: cheeks 0.00-0.07 under such smiles against 0.25+ for a warm one)
_SOCIAL_SMILE_RE = re.compile(
    # "a stage smile", "her cabin-crew smile", "a waiter smile", "smile welded on" (train and dev: cheeks 0.2 at most under
    # the 11 such smiles, 7 at 0; a closed-lip smile is as often warm, cheeks bunched, and stays as it was)
    r"(?<!warm\s)(?<!genuine\s)(?<!real\s)(?<!soft\s)(?<!happy\s)(?<!content\s)(?<!contented\s)(?<!fond\s)(?<!tender\s)"
    r"(?<!loving\s)\b(?:stage|cabin[\s-]crew|waiter|waitress|shop|retail|receptionist)\s+"
    r"(?:smile|smiles|grin|grins)\b|\b(?:smile|grin)\s+(?:welded|glued|nailed|stapled|locked|bolted|superglued)\s+on\b"
    r"|\b(?:nervous|awkward|fake|faked|forced|tight|polite|politely|weak|tired|strained|pained|thin|fixed|plastered|pasted"
    r"|wan|brittle|cringe|cringing|sheepish|uncomfortable|apologetic|patient|customer[\s-]service|hollow"
    r"|frozen|stiff|dutiful|obligatory|courteous|tense|grim|rueful|mirthless|humourless|humorless|phony|phoney|practised"
    r"|practiced|painted[\s-]on|pageant|nervously|awkwardly|stiffly|tightly|weakly|tiredly|wanly|patiently|dutifully"
    r"|brave|bravely|gracious|graciously|hostess|thank[\s-]you|sales|plastic|automatic|diplomatic|bitter|joyless)"
    r"(?:,?\s+(?!but\b|and\b)[\w-]+){0,2}?,?\s+(?:smile|smiles|smiled|smiling|grin|grins|grinned|grinning|laugh|laughs|laughed|laughing"
    r"|chuckle|chuckles|chuckled|giggle|giggles|giggled)\b"
    r"|\b(?:smile|smiles|smiled|smiling|grin|grins|grinning|laugh|laughs|laughed|laughing|giggle|giggles|giggled|giggling"
    r"|chuckle|chuckles|chuckled|chuckling)\s+(?:politely|nervously|awkwardly|stiffly|tightly|weakly|thinly|bitterly|hollowly|mirthlessly"
    r"|patiently|dutifully|tiredly|wanly|graciously|bravely|through\s+(?:the|his|her|their|my)\s+pain|thru\s+(?:the\s+)?pain"
    r"|through\s+gritted\s+teeth|through\s+clenched\s+teeth)\b"
    # "smiles for the photo", "grinning for the cameras": a smile put on for a lens (train: no cheek raise), unless
    # it is said to be warm or real
    r"|(?<!warm\s)(?<!genuine\s)(?<!real\s)(?<!broad\s)(?<!beaming\s)(?<!proud\s)(?<!happy\s)(?<!delighted\s)\b(?=smil|grin)[a-z]+\s+"
    r"for\s+(?:the\s+|a\s+)?(?:camera|cameras|photo|photos|photograph|photographers?|picture|pictures|pic|selfie|press|paparazzi)\b"
    # "her laugh comes out brittle", "the smile was strained": the quality said after it
    r"|\b(?:smile|laugh)\s+(?:comes|came|sounds|sounded|is|was|looks|looked)\s+(?:out\s+)?(?:a\s+(?:little|bit)\s+)?"
    r"(?:brittle|hollow|forced|strained|thin|mirthless|tinny|fake|stiff|tight)\b"
    # "he laughs along", "smiling along with the family chat": joining in for the others (train: cheeks 0-0.05 mostly)
    r"|\b(?:laugh|laughs|laughed|laughing|smile|smiles|smiled|smiling|chuckl\w*|giggl\w*)\s+along\b"
    # "he laughs, but there's no joy in it", "laughs without any warmth"
    r"|\b(?:no|without(?:\s+any)?|not\s+a\s+trace\s+of|zero)\s+(?:real\s+)?(?:joy|warmth|humou?r|mirth|amusement)\b"
    # a laugh or smile that comes "a beat too late" is put on to fit in, not felt (corpus train: cheeks 0-0.1 in such lines)
    r"|\b(?:smil|grin|laugh|chuckl|giggl)\w*\b[^.;]{0,40}?\b(?:(?:a|one)\s+(?:beat|second|moment|touch|fraction|half[\s-]second)\s+)?too\s+late\b"
    # "a flat smile", "tiny flat smile", "a flat, sarcastic smile", "laughs flatly", "a dry half-smile" (train and dev: cheeks
    # 0 under all 6 such smiles and laughs written)
    # (after a word that starts the smile's noun phrase, or opening a clause: not "her lips are dry, smile anyway")
    r"|(?:(?:^|[,;:(\u2014])\s*|\b(?:a|an|her|his|their|my|your|that|this|one|tiny|little|small|thin|lil|stretched|tight)\s+)"
    r"(?:flat|dry)(?:,?\s+(?:lil|little|tiny|small|sarcastic|polite|thin|tight))?[\s-]+(?:half[\s-])?"
    r"(?:smile|smiles|grin|grins|laugh|laughs|chuckle|chuckles)\b"
    r"|\b(?:smile|smiles|smiled|smiling|grin|grins|grinned|grinning|laugh|laughs|laughed|laughing|chuckle|chuckles|chuckled"
    r"|chuckling)\s+(?:flatly|dryly|drily)\b"
    # "the (kind of) smile you give a dentist", "a smile one saves for customers": a smile given to someone as a courtesy
    r"|\b(?:smile|smiles|grin|grins|kind|sort|type)\s+(?:that\s+|which\s+)?(?:you|one|people|we|they|everyone|everybody)\s+"
    r"(?:give|gives|put\s+on|puts\s+on|flash|flashes|save|saves|offer|offers|wear|wears)\b",
    re.I,
)
_CHEEKS = np.array([n.startswith("CheekSquint") for n in ch.NAMES])
#: A cheek raise this large in a movement's own targets is that movement's, not a smile's (see ``_own_cheeks``)
_OWN_CHEEKS = 0.3
#: A sad, worried or pleading brow (AU1, the inner brows raised) over a smile: the smile is put on over the
#: feeling the brow shows, AU12 without AU6 (corpus train: cheeks <= 0.1 in 79 of 118 smiles beside such a brow,
#: mean 0.09; the warm exceptions name the cheeks or creased eyes, or laugh)
_SAD_BROW_RE = re.compile(
    r"\b(?:sad|worried|anxious|sympathetic|pleading|tilted|tipped|grieving|lost|frightened|scared|sorry|apologetic)"
    r"\s+(?:inner\s+)?(?:eye)?brows?\b"
    r"|\b(?:eye)?brows?\b(?:\s+(?!but\b|and\b)[\w-]+){0,5}?\s+(?:in|at)\s+the\s+(?:middle|cent(?:re|er))\b"
    r"|\b(?:eye)?brows?\s+(?:are\s+|look\s+|all\s+)?(?:sad|worried|anxious)\b",
    re.I,
)
#: ... unless the description names the cheeks or the eyes creasing with it, tears (of a smile that moves the
#: whole face), or a warm feeling in the smile itself ("a proud smile")
_WARM_CHEEKS_RE = re.compile(
    r"\b(?:cheeks?|crinkl\w*|creas\w*|crow'?s?[\s-]feet|squish\w*|narrow\w*|squint\w*|tears?|teary|cry\w*|cried|weep\w*|sob\w*)\b"
    r"|\b(?:proud|happy|joyful|delighted|warm|loving|tender|fond|glad|thrilled|radiant)\s+(?:little\s+)?(?:smile|grin)", re.I)
#: A smile stretched wide or flat ("a stretched smile", "smile stretched too wide", "a flat smile"): the lips pulled
#: out along the face with no cheek raiser, the put-on smile of a social lie (corpus train: CheekSquint 0.15 over 16
#: stretched smiles, 0 in most; the warm ones name crinkled eyes or a laugh, as _WARM_CHEEKS_RE reads)
_STRETCHED_SMILE_RE = re.compile(
    r"\b(?:stretched|stretchy|flat)\s+(?:little\s+)?(?:smile|smiles|grin|grins)\b"
    r"|\b(?:smile|smiles|grin|grins)\s+(?:is\s+|was\s+|goes\s+|went\s+)?(?:stretch|stretches|stretched|stretching)\b", re.I)
#: ... but a grin stretched "from ear to ear", a Cheshire-cat grin, is as wide and warm as a grin goes
_EAR_TO_EAR_RE = re.compile(r"\bear[\s-]+to[\s-]+ear\b|\bcheshire\b", re.I)
#: The cheeks or eyes said to give a held-back smile away ("but her cheeks gave her away", "his eyes betrayed him")
_GIVE_AWAY_RE = re.compile(r"\b(?:cheeks?|eyes?)\b[^.;]{0,25}?\b(?:gave|give|gives|giving|given)\s+(?:\w+\s+)?away\b"
                           r"|\b(?:cheeks?|eyes?)\b[^.;]{0,15}?\bbetray", re.I)
#: A quote mark (a straight apostrophe only where it does not join two letters, as in "don't")
_QUOTE_CHAR_RE = re.compile("[\"\u201c\u201d\u2018\u2019]|(?<!\\w)'|'(?!\\w)")
#: Brows raised this far (outer brows) bring the upper lids up by this share of it (see _lids_under_high_brows)
_HIGH_BROWS = 0.85
_HIGH_BROW_LIDS = 0.3
_EYES_WIDE = np.array([n.startswith("EyeWide") for n in ch.NAMES])
_HEIGHT_WORD_RE = re.compile(r"hairline|ceiling|roof|sky|heaven|extreme|enormous|far|high|max|all the way|top|limit|possibl|as can", re.I)
_EYES_NAMED_RE = re.compile(r"\b(?:eyes?|lids?|eyelids?)\b", re.I)
_UPPER_LIP = np.array([n.startswith("MouthUpperUp") for n in ch.NAMES])
#: A look's channel this high is part of what it is (its region moves where "nothing else" does: a grin's cheeks,
#: not a smile's 0.45 or a pout's brows)
_DEFINING = 0.5
#: The regions of the face "nothing else moves" leaves at rest (not the head and the look: posture)
_FACE_REGIONS = ("brows", "eyes", "mouth", "cheeks", "nose")
#: The lids and the look count as one region where a movement's own region is asked (see _own_region)
_EYE_REGIONS = {"eyes": "eyes", "gaze": "eyes"}
#: Words of stillness after "the rest of her face stays" or "everything else is"
_STILL_WORDS = (r"(?:still|put|frozen|motionless|unmoved|neutral|blank|at\s+rest|the\s+same|quiet|slack|relaxed|calm|dead\s+still"
                r"|as\s+(?:it\s+was|before)|as\s+if\s+nothing)")
_NOT_MOVING = (r"(?:(?:does|did)\s*n[o']?t|does\s+not|did\s+not|never)\s+(?:so\s+much\s+as\s+)?"
               r"(?:move|moves|moved|twitch|twitches|twitched|budge|budges|budged|stir|stirs|stirred|flicker|react|change)")
_FACE_OF = r"(?:\s+(?:on|in|of)\s+(?:her|his|their|my|your|the)\s+face)?"
#: "... nothing else" as what a verb takes ("she says nothing else", "wants nothing else"): one lookbehind per verb
_NOT_AFTER_VERB = "".join(
    f"(?<!\\b{verb} )" for verb in ("say", "says", "said", "saying", "want", "wants", "wanted", "wanting", "ask", "asks",
                                     "asked", "for", "need", "needs", "needed", "do", "does", "did", "doing", "has", "had",
                                     "have", "having", "is", "was", "there's", "see", "sees", "saw", "hear", "hears",
                                     "heard", "know", "knows", "knew", "feel", "feels", "felt", "eat", "eats", "ate",
                                     "get", "gets", "got", "take", "takes", "took", "of", "to", "about"))
#: "nothing else moves", "hiccup, brows jump. nothing else", "nothing else -- no frown", "the rest of her face stays
#: still", "everything else stays put": the rest of the face at rest. Not "she says nothing else", "nothing else, thanks.
#: he grins", "the rest of her face stays cheerful" (a feeling held, not stillness)
_NOTHING_ELSE_RE = re.compile(
    # ... a verb of moving with nothing after it but the end of its clause ("nothing else moves him" is no stillness)
    rf"\bnothing\s+else\b{_FACE_OF}(?:\s+(?:at\s+all|yet))?\s*(?:moves?|moved|moving|stirs?|stirred|changes?|changed|budges?"
    rf"|budged|twitch\w*|shifts?|shifted){_FACE_OF}(?:\s+(?:at\s+all|yet))?(?=\s*(?:$|[,.;:!?)\u2014-]|(?:but|and|except|save)\b))"
    # ... or "nothing else" opening its clause and ending the line, or followed by a list of what does not move
    # ("lid tighten 30%, nothing else", "nothing else -- no frown"; not "she says nothing else", "wants nothing else, not
    # even cake")
    r"|(?:^|[,.;:!?(\u2014-]\s*|\b(?:and|n|but|with|yet|then)\s+)nothing\s+else\b(?:\s+at\s+all)?"
    r"(?:\s*[.!]*\s*$|\s*[,;:\u2014-]+\s*(?:no|not)\b)"
    # ... or closing a line typed without commas ("eyes got big nothing else"), not as the object of a verb
    rf"|\b(?=nothing\s){_NOT_AFTER_VERB}nothing\s+else\s*[.!]*\s*$"  # (the look-behinds tried only where "nothing" is)
    rf"|\beverything\s+else,?\s+(?:(?:stays?|stayed|remains?|remained|is|was|holds?|held|keeps?|kept)\s+{_STILL_WORDS}|{_NOT_MOVING})\b"
    rf"|\brest\s+of\s+(?:her|his|their|my|your|the)\s+face\s+(?:(?:stays?|stayed|remains?|remained|is|was|holds?|held|keeps?|kept"
    rf"|carries\s+on|carried\s+on)\s+{_STILL_WORDS}|{_NOT_MOVING})", re.I)
#: "nothing else moves", "the rest of her face", "only the brows": a movement said to be alone
_ONLY_THESE_RE = re.compile(r"\b(?:nothing|everything)\s+else\b|\brest\s+of\b|\bonly\b|\balone\b|\bnot\s+a\s+muscle\b|\botherwise\b", re.I)
#: A brow raise that leaves room for a frown beside it: one brow, or the brows up only in the middle
_ONE_OR_MIDDLE_BROW_RE = re.compile(
    r"\b(?:one|single|a)\s+(?:eye)?brow\b|\bother\b|\b(?:in|at)\s+the\s+(?:middle|cent(?:re|er))\b", re.I)
#: Smiles that a sad brow turns social (a laugh, or a beam, keeps its warmth)
_SAD_BROW_SMILES = frozenset({"smile", "grin", "half_smile", "corners_up"})
#: ... keeps this share of the cheek raise a smile brings
_SOCIAL_CHEEKS = 0.15
#: ... and eyes that stay out of a smile keep this share of its cheek and lid movement (corpus: cheeks <= 0.15
#: under "a huge grin, eyes calculating and flat")
_COLD_EYES_SHARE = 0.2
_NO_CHEEKS_AT_ALL_RE = re.compile(r"\b(?:(?:do|does|did)\s*n[o']?t|never|won'?t|will\s+not)\s+join\s+in\b|\bat\s+all\b", re.I)
#: Words that read as a laugh by default but as pain when pain, a cough or crying is said beside them
#: ("a hacking cough doubles him over", "he howls in pain")
_AMBIGUOUS_LAUGH_RE = re.compile(r"^(?:howl\w*|doubl\w*\s+(?:\w+\s+)?over|doubl\w*\s+up)$", re.I)
#: A wince and the scrunched face that is a wince without its lifted inner brows (lexicon.py): wherever one is, the other is
_WINCES = frozenset({"wince", "face_scrunch"})
_PAINFUL = frozenset({"emotion_pain", "cough", "sneeze", "grimace", "cry", "sob", "gag", "emotion_sadness", "emotion_fear"}) | _WINCES
#: Prepositions that introduce what a movement answers ("winces at the pain", "gasps at the scare")
_CAUSE_WORDS = frozenset({"at", "over", "from"})
#: Negating phrases that only reach forward ("far from bored", "nowhere near as angry", "forgets to smile")
_FORWARD_NEGATORS = frozenset({"nowhere near", "far from", "forget to", "forgets to", "forgot to", "fail to", "fails to", "failed to", "resist the", "resists the",
                               "fight the", "fights the", "suppress the", "suppresses the"})
#: A happy feeling that drains out of a face ("the hope drains out of him", "the joy fades from her face") leaves
#: it sad, when nothing else is said (corpus: inner brows up, mouth corners down, eyes lowered)
_HAPPY_FEELINGS = frozenset({"emotion_happiness", "emotion_elation", "emotion_excitement", "emotion_pride", "emotion_relief", "emotion_tenderness", "emotion_hope"})
_DRAINING_WORDS = frozenset({"drain", "drains", "drained", "draining", "fade", "fades", "faded", "fading", "vanish", "vanishes",
                             "die", "dies", "died", "evaporate", "evaporates", "leave", "leaves", "seep", "seeps", "ebb", "ebbs",
                             "melt away", "melts away", "slip away", "slips away", "dissolve", "dissolves", "drain away", "drains away"})
_DRAINED_SADNESS = 0.45
#: ... and words that say a smile is gone ("the smile gone", "the grin disappears")
_GONE_WORDS = frozenset({"gone", "disappear", "disappears", "disappeared", "vanished", "wipe", "wiped", "slide", "slid", "slip", "slipped"})
#: Words of effort that qualify the movement before them instead of naming an emotion.
#: One-sided words that count when they qualify a whole expression right after them ("a single laugh",
#: "one slow blink") and name a side only with a face part ("a single brow lifts", "one eye closes").
_COUNT_WORDS = frozenset({"a single", "single", "one"})
#: Shapes a face has two of, one per side: "one dimple" is one side, not a count ("a single laugh")
_PAIRED_SHAPES = frozenset({"dimple"})
#: Negating verbs that take their movement as an object after them ("loses the smile", "wipes the grin off")
_OBJECT_NEGATORS = frozenset({"lose", "lack", "avoid"})
#: Words of speed that the intensity table reads as small ("a quick smile"); on a look they say how fast, not how far
_SPEED_WORDS = frozenset({"quick", "quickly", "brief", "briefly"})
#: Prepositions after which "her face", "his face" is where something goes, not the face moving
_DESTINATIONS = frozenset({"to", "at", "into", "toward", "towards"})
_LATE_SIZE_MIN = 0.75
_WIDENINGS = frozenset({"eyes_wide"})
#: what keeps its outer brow lift beside brows a feeling is named on (see ``_Instance.brows_elsewhere``): wide eyes, and
#: fear and surprise, whose worried brow is the whole brow up and in
_KEEPS_OUTER_LIFT = _WIDENINGS | {"emotion_fear", "emotion_surprise", "emotion_anxiety"}
_NARROWINGS = frozenset({"eyes_narrow", "squint", "eyes_squeeze"})
#: "way, way", "very, very": one intensifier said twice (see Planner._overall_intensity)
_DOUBLED_INTENSIFIER_RE = re.compile(r"\b(very|way|really|so|super)\s*,\s*(\1)\b", re.IGNORECASE)
#: movements of the lids themselves (their main channel a blink: a blink, a wink, drooping lids; not a feeling's)
_CLOSINGS = frozenset(k for k, c in lx.CONCEPTS.items() if not k.startswith("emotion_")
                      and max(c.targets, key=lambda n: c.targets[n]).startswith("EyeBlink"))
#: Nouns that say how a feeling comes ("a jolt of pain", "a wave of relief"), no expression of their own then
_MEASURE_NOUNS = frozenset({"jolt", "pang", "stab", "surge", "rush", "wave", "spark", "twinge", "burst", "shiver", "ripple", "shock",
                            "spasm", "tremor", "bolt"})
#: Things that light up without a face ("his phone lights up", "the sky lit up")
_GLOWING_THINGS = frozenset({"phone", "screen", "sky", "room", "sign", "display", "monitor", "window", "tree", "city", "stage",
                             "match", "lamp", "light", "dashboard", "firework", "fireworks", "torch", "bulb", "board", "scoreboard"})
_HARDLY_WORDS = frozenset({"hardly", "barely", "scarcely"})
#: Verbs that point an ear at something: the face turns the other way ("turns her left ear to the door")
_EAR_TURNS = frozenset({"turn", "cock", "angle", "point", "bend", "incline", "present", "offer"})
#: A part of the face a negation may name on its own ("no mouth movement", "without a glance"; not "face", "look": the
#: whole expression)
_OWN_PART_RE = re.compile(r"(?i)(?:(?:upper|lower|top|bottom)\s+)?(?:mouth|lips?|eyes?|eyelids?|lids?|brows?|eyebrows?|forehead|cheeks?|nose|"
                          r"nostrils?|chin|jaw|head|gaze|glances?|tongue|teeth)")
#: Plain negations ("doesn't open her eyes"), as opposed to fading words ("the wide eyes relax")
_NOT_WORDS = frozenset({"not", "never", "no", "without", "refuse to", "avoid"})
#: Negating words after which a smile that does not come leaves a straight face (see ``_straight_face``; "nowhere near a
#: smile", "far from a grin" as "no smile")
_STRAIGHT_FACE_NEGATORS = _NOT_WORDS | {"n't", "not even", "fail to", "fails to", "failed to", "nowhere near", "far from"}
#: ... and the verbs of a smile that goes ("her smile dies", "the grin fades", "the smile is gone")
_SMILE_GOES = frozenset({"die", "fade", "drain", "vanish", "disappear", "gone", "go", "evaporate", "falter", "slip", "melt", "dissolve",
                         "stop", "quit", "cease"})
#: A mouth corner written in the singular moves one side ("the corner of her mouth curls up")
_ONE_CORNER = frozenset({"corner"})
#: Eyes that take no part in a smile ("her eyes stay cold", "eyes calculating and flat", "the eyes don't crinkle")
_COLD_WORDS = frozenset({"cold", "flat", "calculate", "calculating", "dead", "empty", "hard", "unsmiling", "icy", "blank", "coldly"})
_COLD_EYES_RE = re.compile(
    # (not "eyes hard to the right", "eyes dead ahead": how far they turn)
    r"\beyes?\b[^,;.]{0,25}?\b(?:cold|flat|calculating|dead|empty|hard|unsmiling|icy|blank|ice|stone|steel|flint|uninvolved)\b"
    r"(?!\s+(?:to\s+(?:the\s+)?(?:left|right|side)|left|right|ahead|front|up|down|over|across|sideways)\b)"
    r"|\beyes?\b[^,;.]{0,15}?\b(?:don'?t|do\s+not|never|doesn'?t|does\s+not)\s+(?:crinkle|smile|join|light\s+up|warm)"
    r"|\beyes?\b[^,;.]{0,15}?\bnot\s+(?:crinkling|smiling|joining\s+in|lighting\s+up)|\bno\s+(?:squint|crinkle|crinkling|crow'?s[\s-]feet)\b"
    # "the eyes did not join in", "his eyes won't smile": the same in the past or the future
    r"|\beyes?\b[^,;.]{0,15}?\b(?:did\s+not|didn'?t|won'?t|will\s+not|would\s+not|wouldn'?t)\s+(?:crinkle|smile|join|light\s+up|warm)"
    # a smile of the mouth alone: "mouth only", "only the mouth", "all mouth", "nothing above the mouth / the nose /
    # the cheekbones" (the cheek raiser and the lids take no part)
    r"|\bmouth[\s-]+only\b|\bonly\s+(?:with\s+)?(?:the|his|her|its|their|my)\s+mouth\b|\ball\s+mouth\b"
    r"|\bnothing\s+above\s+(?:the\s+|his\s+|her\s+|its\s+)?(?:mouth|lips|nose|cheekbones?)\b",
    re.IGNORECASE,
)
#: Words that make a smile a thin, pressed one ("a tight smile", "the smile had gone thin"), its strongest
#: smile and its press (corpus: tight smiles 0.25-0.4 with MouthPress 0.1-0.45)
_TIGHT_SMILE_WORDS = frozenset({"thin", "tight", "tightly", "tense", "thin line"})
_TIGHT_SMILE_MAX = 0.4
_TIGHT_SMILE_PRESS = 0.55
#: Fading words that mean "became" when an adjective follows at once ("gone thin", "gone slack")
_BECOME_WORDS = frozenset({"gone", "go", "goes", "went", "going"})
_MANNER_WORDS = frozenset({"tension", "tense", "strain", "effort", "force", "urgency"})
#: Action words that are bare directions (they continue the gaze or head movement before them).
_DIRECTION_ACTIONS = frozenset({"up", "down", "place_down", "place_up", "thing_down", "side", "away", "turn", "back", "camera"})


#: A whole face said to stay neutral at the end of a description ("- the face stays neutral", "Neutral face.",
#: "keep a blank, still face")
_NEUTRAL_END_RE = re.compile(
    r"(?:^|[-\u2014;:,.!?]\s*)(?:(?:and\s+)?the\s+(?:whole\s+)?face\s+(?:stays|remains|is|stays\s+completely|keeps)\s+"
    r"(?:neutral|blank|still|at\s+rest|expressionless)|(?:keep|hold)\s+(?:a\s+|the\s+)?(?:(?:blank|neutral|still|calm|straight)[,\s]*)+face"
    r"|(?:neutral|blank|expressionless)\s+face)\s*[.!]*\s*$",
    re.IGNORECASE,
)
#: ... after a description that starts by denying what it names ("No ...", "Not ...")
_DENIED_START_RE = re.compile(r"^\s*(?:no|not|never|without|none\s+of)\b", re.IGNORECASE)
#: ... or after an option asked and turned down ("Shark smile? No.")
_REJECTED_Q_RE = re.compile(r"\?\s*(?:no+|nope|nah|not\s+really)\b", re.IGNORECASE)
_ALL_REGIONS = ("brows", "cheeks", "eyes", "gaze", "head", "mouth", "nose")
#: the regions of blocking, which leave the face's expression to the scene's feeling
_BLOCKING_REGIONS = frozenset({"gaze", "head"})
#: the brows' knit and the frown (a denied one leaves the brows level: ``_denied_knit``)
_KNITS = frozenset({"frown", "scowl", "brows_knit"})
#: ... and the movements that lower the brows of their own, which a denied knit beside them leaves as they are
_OWN_BROW_LOWERERS = _KNITS | _WINCES
_DIGIT_RE = re.compile(r"\d")

#: Where a closing phrase can start: a comma, semicolon, colon, bracket or a dash between spaces.
_OVERALL_SPLIT_RE = re.compile(r"\s+[-\u2013\u2014]+\s+|\s*[\u2013\u2014]\s*|\s*[,;:(]\s*")
#: words of the intensity table that are feelings of their own when they close a description ("..., suddenly shy")
_FEELING_NOT_SIZE = frozenset({"shy", "hesitant", "frantic", "tense", "tension", "hollow", "glassy"})
#: Words an overall intensity phrase may hold besides intensity words ("- but only a trace of it",
#: "(tiny version)", ", as strongly as possible", "(big, full strength)")
_OVERALL_GLUE = frozenset("""just only but a an of it there version strength all overall way as possible over the top
    everything throughout whole face thing level amount""".split())
#: Factor on the whole face per intensity level of the phrase (level / this, clipped): a plain
#: movement is at about 0.65, so "very faintly" (0.22) keeps 0.45 of it and "fully" (1.0) adds 40 %
_OVERALL_PLAIN = 0.65
_OVERALL_MIN, _OVERALL_MAX = 0.45, 1.4


@dataclass
class Plan:
    """The planner's proposal: 61 values (Live Link Face order, clamped) and why."""

    values: np.ndarray
    explanation: list[str] = field(default_factory=list)
    #: Face regions the description itself set or cleared (brows, eyes, gaze, head, mouth, cheeks,
    #: nose); regions filled only by the script's emotion or background are not in it.
    understood: set[str] = field(default_factory=set)
    #: Words of the description the planner has no meaning for (as written, in order, no repeats).
    unknown_words: list[str] = field(default_factory=list)
    #: True when the description named at least one movement the planner read.
    found_movement: bool = False
    #: A description that narrates a change ("at first ..., then ..., by the end ...") split into its
    #: beats, in order; ``values`` show the last one. Empty for a single state.
    beats: list[str] = field(default_factory=list)
    #: Channel values the description typed explicitly ("jawOpen 0.6", "smile L 80%"; see
    #: :mod:`.spec`): channel index -> value, kept exactly by whatever combines this plan.
    exact: dict[int, float] = field(default_factory=dict)
    #: Channels the description holds at rest, left at 0: those its negated words hold ("she stops
    #: frowning": the frown's brows and mouth), every untyped one in a line of typed values only.
    #: Whatever combines this plan with another reading does not move them (None: nothing held).
    held: np.ndarray | None = None
    #: Channels a hold word carried over from the keyframe before ("she holds it"): whatever combines this
    #: plan keeps them exactly, as the keyframe before had them (None: nothing carried).
    carried: np.ndarray | None = None


#: A part said to take no part ("brows not moving", "the mouth stays neutral", "the rest of the face stays dead")
_STILL_PARTS = r"(?:eyebrows?|brows?|forehead|eyes|eyelids?|lids|mouth|lips|jaw|cheeks|nose|head)"
#: a smile or laugh named before "never reaches the mouth" (what stays out of the mouth is the smile)
_SMILE_BEFORE_RE = re.compile(r"\b(?:smil\w*|grin\w*|laugh\w*|amusement|mirth|humou?r|warmth)\b", re.IGNORECASE)
_STILL_PART_RE = re.compile(
    r"\b(?:(?P<rest>rest\s+of\s+(?:the\s+|her\s+|his\s+|their\s+|my\s+)?face)|(?P<part>" + _STILL_PARTS +
    # "brows and eyes perfectly still", "the eyes, lids and brows stay unchanged", "lids & brows not moving": every part listed
    # (a comma list only when it ends in 'and': in "wide eyes, mouth relaxed" the eyes belong to the item before)
    r"(?:(?:\s*,\s*(?:the\s+|her\s+|his\s+|their\s+)?" + _STILL_PARTS + r")*(?:\s*,?\s+and\s+|\s*[&+]\s*)"
    r"(?:the\s+|her\s+|his\s+|their\s+)?" + _STILL_PARTS + r")?))\s+"
    r"(?:(?:(?:stay|stays|stayed|staying|remain|remains|remained|remaining|is|are|was|were|kept|held|keep|keeps|hold|holds)\s+)?"
    r"(?:completely\s+|perfectly\s+|totally\s+|entirely\s+|dead\s+|stock\s+|absolutely\s+)?"
    r"(?:neutral|still|relaxed|at\s+rest|unmoved|motionless|unmoving|quiet|dead|frozen|calm|blank|put|unchanged|untouched"
    r"|out\s+of\s+it|inert|expressionless|passive|zeroed\s+out|in\s+place|(?:exactly\s+|right\s+|just\s+)?where\s+(?:they|it)\s+(?:are|were|is|was)"
    r"|(?:at\s+|to\s+)?(?:zero(?:ed)?|0(?:\.0+)?%?)"
    r"|(?:barely|hardly|scarcely)\s+(?:moving|moves|moved|move|involved))"  # "the cheeks barely moving"
    # "mouth relaxed shut": closed at rest (not "eyes still shut", nor "neutral and closed": a light press)
    r"(?:(?<=relaxed)\s+(?:shut|closed))?"
    r"(?=\s*(?:[,.;:!?)\-\u2013\u2014]|$|but\b|while\b|as\b|though\b|although\b|even\b|because\b|since\b|so\b"
    r"|and\s+(?:the|her|his|their|its|a|an|she|he|they|i|only)\b))"
    r"|(?:(?:do|does|did|are|is|were|was)\s*)?(?:n'?t|not|never)\s+(?:move|moving|moved|react|reacting|reacted|change|changing"
    r"|budge|budging|twitch|twitching|join\s+in|joining\s+in|take\s+part|taking\s+part)\b)"
    r"|\bno\s+movement\s+(?:in|from|of)\s+(?:the\s+)?(?P<part2>brows|eyebrows|forehead|eyes|mouth|lips|jaw|head)\b"
    # an imperative negation names the part after its verb: "don't raise the brows", "do not move your head"
    r"|\b(?:(?:do|does|did|wo|would|could|ca)(?:n['\u2019]?t|\s+not)|will\s+not|would\s+not|cannot|can\s+not|never|no)\s+(?:raise|raising|lift|lifting|move|moving|lower|lowering|furrow|furrowing|knit"
    r"|knitting|arch|arching|touch|touching|involve|involving)\s+(?:the\s+|her\s+|his\s+|their\s+|your\s+|my\s+)?"
    r"(?P<part3>eyebrows|brows|forehead|eyes|mouth|lips|jaw|head)\b"
    # "she keeps her eyebrows perfectly still", "holding his mouth still": the part held still on purpose
    r"|\b(?:keep|keeps|kept|keeping|hold|holds|held|holding)\s+(?:the\s+|her\s+|his\s+|their\s+|your\s+|my\s+)?"
    r"(?P<part4>eyebrows|brows|forehead|mouth|lips|jaw|head)\s+(?:completely\s+|perfectly\s+|totally\s+|entirely\s+|dead\s+|absolutely\s+)?"
    r"(?:still|motionless|unmoving|frozen|neutral|at\s+rest)\b"
    # an animator's "no brow lift", "kill all brow motion", "brows locked": the brows stay, whatever lifts the lids
    r"|\b(?:no|zero|kill\s+(?:all\s+)?(?:the\s+)?)\s*(?P<part5>eyebrow|brow|forehead)s?\s+(?:motion|movement|action"
    r"|(?P<way5>lift|raise|lower|lowering|furrow|furrowing|knit|knitting|pinch|down))\b"
    r"|\b(?P<part6>eyebrows|brows|forehead)\s+(?:locked|pinned)\b(?!\s+(?:low|down|up|high|together|in\s+a))"
    # "the left side of her mouth stays flat": that side of a flat mouth is at rest (not "lips pressed flat"; the
    # whole mouth kept flat is a straight, lightly pressed one)
    r"|\b(?P<part8>mouth|lips)\s+(?:stays?|stayed|staying|remains?|remained|remaining|is|was|kept|keeps)\s+(?:completely\s+|perfectly\s+|dead\s+)?flat\b"
    # "her amusement never quite reaches her lips", "a smile that starts in the eyes and never reaches the mouth": the
    # mouth takes no part in it
    r"|\b(?:never|doesn'?t|does\s+not|didn'?t|did\s+not)\s+(?:quite\s+|even\s+)?reach(?:es)?\s+(?:the|her|his|their|my)\s+(?P<part9>mouth|lips)\b"
    # "tighten lids, not the brows", "squint but not with the brows": the part named after the movement takes no part in it
    # (after "with ... eyes" with no comma too, as typed: "smile with your eyes not your mouth"; not "watches his eyes not his lips")
    r"|(?:,\s*|\s+but\s+|(?:(?<=with her eyes)|(?<=with his eyes)|(?<=with your eyes)|(?<=with their eyes)|(?<=with my eyes)"
    r"|(?<=with the eyes))\s+)not\s+(?:with\s+|using\s+|in\s+)?(?:the\s+|her\s+|his\s+|their\s+|my\s+|your\s+)?"
    r"(?P<part7>eyebrows|brows|forehead|mouth|lips|jaw)(?=\s*(?:[,.;:!)]|-\s|\u2013|\u2014|$))",
    re.IGNORECASE,
)
#: Half of the face said to stay at rest ("lower face neutral", "upper half dead", "lower neutral", "top half off",
#: "the upper half of the face stays still")
_STILL_HALF_RE = re.compile(
    r"\b(?P<half>upper|lower|top|bottom)(?:[\s-]+(?:face|half)(?:\s+of\s+(?:the|his|her|their)\s+face)?(?:\s+(?:stays?|is|remains?|kept|held))?"
    r"\s+(?:still|unmoved|motionless|calm|quiet|off)|"
    r"(?:[\s-]+(?:face|half)(?:\s+of\s+(?:the|his|her|their)\s+face)?)?(?:\s+(?:stays?|is|remains?|kept|held))?\s+(?:neutral|relaxed|at\s+rest|zero|zeroed|dead|blank|untouched|"
    r"expressionless|frozen))\b(?!\s+(?:lids?|lips?|lid|lip|teeth|brows?|eyelids?))", re.IGNORECASE)
#: The only part (or half of the face) a line lets move ("upper face only: worried", "brows only", "only the mouth"):
#: an expression named with it shows there alone
_ONLY_PART_RE = re.compile(
    r"\b(?:(?P<half>upper|lower)\s+(?:face|half)|(?P<part>eyebrows|brows|eyes|mouth|lips|jaw|cheeks|nose|forehead))\s+only\b"
    r"|\bonly\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:(?P<half2>upper|lower)\s+(?:face|half)|(?P<part2>eyebrows|brows|eyes|mouth))\b"
    r"(?!\s+(?:and|or|,|\+|&)\s*\w)", re.IGNORECASE)
_HALVES = {"upper": ("brows", "eyes"), "top": ("brows", "eyes"), "lower": ("mouth", "cheeks"), "bottom": ("mouth", "cheeks")}


#: a word of letters (with an apostrophe inside: "don't"), as the tokens' misspellings are put back into a text
_WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def _own_region(concept: lx.Concept) -> bool:
    """Whether a movement moves its own region most (a smile the mouth; not a hiccup, filed under the mouth, which
    widens the eyes most, nor a look of the whole face)."""
    targets = expand_targets(concept.targets)
    if concept.region not in _REGION_MASKS or not targets:
        return False
    region = _REGION_OF_CHANNEL[max(targets, key=lambda i: abs(targets[i]))]
    return _EYE_REGIONS.get(region, region) == _EYE_REGIONS.get(concept.region, concept.region)


def _main_channel(concept: lx.Concept) -> str:
    """The channel a movement moves most, among those it moves on a side where it has any ("brows raise": the outer
    brows, the side a side word gives it)."""
    sided = [n for n in concept.targets if "{S}" in n] or list(concept.targets)
    return max(sided, key=lambda n: concept.targets[n])


def _says(pattern: re.Pattern[str], said: tuple[str, ...]) -> bool:
    """Whether ``pattern`` is found in any of the readings of a text (as typed, normalised, with corrected misspellings)."""
    return any(pattern.search(t) for t in said)


def still_halves(text: str) -> list[tuple[str, tuple[int, int], tuple[str, ...]]]:
    """The halves of the face ``text`` holds at rest ("lower face neutral", "top half off"): for each, the words, their
    span in ``text`` and the regions of that half. The planner and the learned layer read them alike."""
    return [(m.group(0), m.span(), _HALVES[m.group("half").lower()]) for m in _STILL_HALF_RE.finditer(text)]
#: The start of a clause, where a comma list of parts may begin ("...; the eyes, lids and brows stay unchanged")
_LIST_START_RE = re.compile(r"(?:^|[.;:!?(\u2013\u2014]|\s-)\s*(?:the\s+|her\s+|his\s+|their\s+|my\s+)?$", re.IGNORECASE)
#: "left brow staying put", "the left side (corner) of her mouth stays flat": one side of the part
_SIDE_BEFORE_RE = re.compile(r"\b(left|right)\s+(?:(?:side|half|corner)\s+of\s+(?:the\s+|her\s+|his\s+|their\s+|my\s+|your\s+)?)?$", re.IGNORECASE)
_OTHER_THAN_RE = re.compile(r"\b(?:below|above|under|beneath|except|apart\s+from|besides|(?:everything|anything|all|nothing)\s+but|other\s+than|around)"
                            r"\s+(?:the\s+|her\s+|his\s+|their\s+)?$",
                            re.IGNORECASE)
#: Lips said to press, close or tighten while a sound is said keep these channels (the text's), and the sound
#: opens these at most this much
_SEAL_KEEP = np.array([n.startswith(("MouthPress", "MouthRoll", "MouthShrug")) for n in ch.NAMES])
#: What keeps the lips together: those, and the lips closed.
_SEALING_CHANNELS = _SEAL_KEEP | (np.array(ch.NAMES) == "MouthClose")
#: The mouth's own shapes (not the jaw): what words that describe the mouth set.
_MOUTH_SHAPE = np.array([n.startswith("Mouth") and n != "MouthClose" for n in ch.NAMES])
_SEAL_OPENERS = np.array([n == "JawOpen" or n.startswith(("MouthLowerDown", "MouthUpperUp")) for n in ch.NAMES])
_SEALED_OPENING = 0.1
_PRESS = np.array([n.startswith("MouthPress") for n in ch.NAMES])
_FROWN = np.array([n.startswith("MouthFrown") for n in ch.NAMES])
_CHIN = np.array([n.startswith("MouthShrug") for n in ch.NAMES])
_SAD_FEELINGS = frozenset({"emotion_sadness", "emotion_grief", "emotion_disappointment", "emotion_hurt"})
_FROWN_UNDER_SMILE = 0.5
#: A sound said as understanding or approval ("a long 'ooooh' of understanding"): not the sound's stock surprise
_UNDERSTANDING_RE = re.compile(r"\b(?:of|in)\s+(?:sudden\s+|dawning\s+|slow\s+)?(?:understanding|reali[sz]ation|recognition|comprehension"
                               r"|approval|appreciation|agreement|sympathy|acknowledg(?:e)?ment)\b", re.IGNORECASE)
#: "the upper lip lifts on that side", "... on the same side": the side named before
_THAT_SIDE_RE = re.compile(r"\b(on|to|at)\s+(?:that|the\s+same)\s+side\b", re.IGNORECASE)
#: a side word, or an animator's L / R ("R brow up, the lip curls on that side")
_SIDE_WORD_RE = re.compile(r"\b(?:left|right|l|r)\b", re.IGNORECASE)


#: "a one-sided wince ... eye squeezed on that side": a side said before without naming which
_ONE_SIDE_BEFORE_RE = re.compile(r"\bone[\s-]+sided\b|\bon\s+one\s+side\b|\blop[\s-]?sided\b", re.IGNORECASE)


def _that_side(m: re.Match) -> str:
    named = _SIDE_WORD_RE.findall(m.string[: m.start()])
    if not named and _ONE_SIDE_BEFORE_RE.search(m.string[: m.start()]):
        # the one side a one-sided movement takes when none is named (lexicon.DEFAULT_SIDE)
        named = [lx.DEFAULT_SIDE]
    return f"{m.group(1)} the {'left' if named[-1].lower().startswith('l') else 'right'} side" if named else m.group(0)


#: "that eye", "the same brow": the part named before with its side ("rubs her left eye ...: that eye slams shut")
_THAT_PART_RE = re.compile(r"\b(?:that|the\s+same)\s+(eye|eyelid|lid|brow|eyebrow|cheek|nostril|corner)\b", re.IGNORECASE)


#: "the other eye", "the other one", "the other half open": the other side of the part named before with a side
_OTHER_PART_RE = re.compile(
    r"\bthe\s+other\b(?:\s+(eye|eyelid|lid|brow|eyebrow|cheek|nostril|corner|one)\b(?!\s+(?:of|who|that)\b)"
    r"|(?=\s*(?:[,;:.!?)\u2014\u2013]|$|\s+-|\s+(?:half|stays?|stayed|remains?|remained|is|was|does|doesn't|did|didn't|still|open|shut|closed"
    r"|wide|narrows?|narrowed|squints?|squinted|lifts?|lifted|rises|rose|raised|drops?|dropped|droops?|goes|went|flat|level|relaxed|down|up"
    r"|barely|slightly|just|only|not|neutral|twitches|twitched|blinks?|blinking|closes|opens|lower|lowered|higher|normal|fine|unmoved)\b)))",
    re.IGNORECASE)
_ONE_THING_RE = re.compile(r"\bone\s+(?!(?:eye|eyelid|lid|brow|eyebrow|side|corner|cheek|nostril)s?\b)[a-z]+", re.IGNORECASE)
_BEFORE_OTHER_RE = re.compile(r"\b(?:to|then|from|and|or|at|on|with|into)\s*$", re.IGNORECASE)
_SIDED_PART_RE = re.compile(r"\b(left|right)\s+((?:eye)?(?:lid|brow)|eye|cheek|nostril|(?:mouth\s+)?corner)\b", re.IGNORECASE)


def _part_stem(word: str) -> str:
    """"eyelid" -> "lid", "eyebrow" -> "brow", "mouth corner" -> "corner"."""
    word = word.lower().split()[-1]
    return {"eyelid": "lid", "eyebrow": "brow"}.get(word, word)


def _sided_parts(before: str, stem: str) -> list[re.Match]:
    """The parts named with a side in ``before`` that are ``stem`` ("eye" takes "eyelid" too, not "eyebrow"; "" takes
    any)."""
    return [x for x in _SIDED_PART_RE.finditer(before) if not stem or _part_stem(x.group(2)) == stem
            or {_part_stem(x.group(2)), stem} == {"eye", "lid"}]


def _that_part(m: re.Match) -> str:
    """"that eye" -> "left eye" where the text before names the left one ("her left eye", "the left one")."""
    named = _sided_parts(m.string[: m.start()], _part_stem(m.group(1)))
    return f"{named[-1].group(1).lower()} {m.group(1)}" if named else m.group(0)


def _other_part(m: re.Match) -> str:
    """"the other (eye)" -> "the right eye" where the text before names the left eye last (not the other of a pair
    named without a part: "from one guard to the other", "one way, then the other")."""
    stem = "" if (m.group(1) or "one").lower() == "one" else _part_stem(m.group(1))
    if not stem and (_ONE_THING_RE.search(m.string[: m.start()]) or _BEFORE_OTHER_RE.search(m.string[: m.start()])):
        return m.group(0)
    named = _sided_parts(m.string[: m.start()], stem)
    if not named:
        return m.group(0)
    other = "right" if named[-1].group(1).lower() == "left" else "left"
    return f"the {other} {m.group(1) if stem else named[-1].group(2)}"


#: Where a hyperbolic jaw drop lands ("to the floor", "to his knees")
_FLOOR_RE = re.compile(r"\b(?:floor|ground|knees?|feet|chest|table|desk|lap|boots?|shoes?|basement)\b", re.IGNORECASE)
#: Channels that turn the eyes or the head sideways
_SIDEWAYS = np.array([n.startswith(("EyeLookIn", "EyeLookOut")) or n in ("LeftEyeYaw", "RightEyeYaw", "HeadYaw") for n in ch.NAMES])


def _side_mask(side: str) -> np.ndarray:
    """Channels that belong to the other side than ``side`` (those a one-sided movement leaves alone)."""
    other = "right" if side == "left" else "left"
    return np.array([c.side == other and not c.is_pose for c in ch.CHANNELS])


_OTHER_SIDE = {side: _side_mask(side) for side in ("left", "right")}
#: One-sided smiles, and the channels a feeling's smile lifts less on the other side of one (by this factor: the
#: corpus's lopsided grins that are also happy keep the other corner up a little, their smirks keep it near rest)
_LOPSIDED_SMILES = frozenset({"smirk", "half_smile"})
#: A straight face kept on purpose ("deadpan") and a face said to show nothing ("expressionless", "gives nothing away"):
#: the second is a poker face alone, the rest of the face at rest beside a movement
_STRAIGHT_FACES = frozenset({"straight_face", "shows_nothing"})
#: the channels of the straight face (the lips lightly set)
_STRAIGHT_FACE = np.zeros(ch.NUM_CHANNELS, dtype=bool)
_STRAIGHT_FACE[list(expand_targets(lx.CONCEPTS["straight_face"].targets))] = True
#: "expressionless except for a tic", "unmoved apart from the eyes": an exception said right after a face that shows nothing
_NOTHING_EXCEPT_RE = re.compile(r"\b(?:expressionless|impassive|emotionless|unmoved|blank\s+(?:face|expression)|(?:gives?|gave|giving)"
                                r"\s+nothing\s+away)(?:\s+at\s+all)?\s*,?\s*(?:except|apart\s+from|other\s+than|but\s+for|save\s+for|aside\s+from)\b",
                                re.IGNORECASE)
#: Concepts read as another where a clause names both ("half his face screws up in a wince": one wince)
_MERGED_AS = {"face_scrunch": "wince"}
#: Movements of pain that can be one-sided (a wince, a squeezed or narrowed eye, a grimace)
_PAIN_MOVES = frozenset({"grimace", "squint", "eyes_squeeze", "eyes_narrow"}) | _WINCES
_LOPSIDED_OTHER = 0.5
_CONTEMPT_OTHER = 0.75
#: How far "a half smile" with no side named lifts its other corner (see ``_oriented``)
_HALF_SMILE_OTHER = 0.45
#: ... and pain beside a one-sided wince reaches the other side this far (corpus: the other side's brow and lids
#: at about a third of the hurting side's)
_PAIN_OTHER = 0.35
_ONE_SIDED_SMILE = np.isin(np.arange(ch.NUM_CHANNELS), [ch.channel_index(n) for n in (
    "MouthSmileLeft", "MouthSmileRight", "MouthDimpleLeft", "MouthDimpleRight")])
_INNER_BROW = ch.channel_index("BrowInnerUp")
_TILT_WORDS = re.compile(r"\b(tilt|angl|tip|lean|inclin|slant)", re.I)
_OUTER_BROWS = [ch.channel_index("BrowOuterUpLeft"), ch.channel_index("BrowOuterUpRight")]
#: Gaze movements up or down, and the stems of the verbs of a gaze that drifts with no direction of its own
_VERTICAL_GAZE = frozenset({"gaze_up", "gaze_down", "look_up", "look_down"})
_DRIFT_STEMS = ("drift", "wander", "slid", "slide", "shift", "slip", "mov", "dart", "flick", "swing", "swung", "swivel")
#: A one-sided brow raise keeps the (shared) inner raiser at most this share of the outer one.
_ONE_BROW_INNER = 0.2
#: The brow lowerers, left and right: one brow cocked up over a lowered one ("her left eyebrow arches skeptically":
#: train annotates BrowOuterUpLeft 0.6 and BrowDownRight 0.2) is lowered on the other side (its mirror), at this share
_BROW_DOWNS = {"left": ch.channel_index("BrowDownLeft"), "right": ch.channel_index("BrowDownRight")}
_COCKED_BROW_DOWN = 0.6


@dataclass
class _Instance:
    """One movement found in a clause, with the modifiers that attached to it."""

    concept: lx.Concept
    start: int
    end: int
    words: str
    intensity: float | None = None
    intensity_word: str = ""
    negated: bool = False
    negation_word: str = ""
    comparative: float = 0.0  # _MORE, _LESS or 0
    comparative_word: str = ""
    side: str = ""
    one_sided: bool = False
    both: bool = False
    scale: float = 1.0  # emotion word strength
    from_expression: bool = False  # named by an expression word (not a part + movement pair)
    vague: bool = False  # a part + loose shape word ("curl", "twitch")
    mouthless: bool = False  # tears of joy: the brows and eyes of crying, the mouth left to the smile
    unsealed: bool = False  # a feeling beside lips the words part: its pressed or rolled lips are left out
    smile_side: str = ""  # a feeling beside a one-sided smile ("smirks, pleased"): its smile favours that side
    smile_other: float = _LOPSIDED_OTHER  # ... with the other corner this high (a share of its own)
    pain_side: str = ""  # pain beside a one-sided wince or squeezed eye: it shows mostly on that side
    browless: bool = False  # eyes narrowed in a smile or laugh: the lids and cheeks tighten, the brows stay up
    brows_elsewhere: bool = False  # a feeling named on the brows ("worried brows") sets them: no lowering (or outer lift) here
    denied_before: bool = False  # negated by a word before it in its clause ("not one eyebrow lifts", "no brow raise")
    sentence: int = 0  # the sentence of the text it was read in (a full stop, "!" or "?" ends one)
    withheld: np.ndarray | None = None  # a feeling beside a movement denied ("not one eyebrow lifts"): those channels stay out

    def distance(self, pos: int) -> int:
        if pos < self.start:
            return self.start - pos
        if pos > self.end:
            return pos - self.end
        return 0


#: Roles a phrase plays that carry no value of their own (a negation, a hold word, ...).
_FlagRole = Literal["neg_before", "neg_after", "more", "less", "hold", "neutral", "one_sided", "both"]


class _Roles(TypedDict, total=False):
    """What a matched phrase can be: role name -> value (a phrase may play several roles)."""

    expression: str  # concept key
    part: str
    action: str
    intensity: float
    side: str
    neg_before: bool
    neg_after: bool
    more: bool
    less: bool
    hold: bool
    neutral: bool
    one_sided: bool
    both: bool
    face_settles: bool  # "settles" said of the whole face ("the expression settles"): see _Flags.face_settles


def _part_opening(phrase: str) -> str:
    """The face part a phrase opens with ("eye half" -> "eyes"), or ""."""
    first = phrase.lower().split(" ", 1)[0]
    return lx.PARTS.get(first) or (lx.PARTS.get(first[:-1], "") if first.endswith("s") else "")


class _Flags(TypedDict):
    """What :meth:`EmbeddedPlanner._plan_core` found besides the values."""

    hold: bool
    neutral: bool
    specific: bool
    touched: set[str]  # regions the instances moved
    unknown: list[str]
    clenched: bool  # the jaw is held shut ("through clenched teeth"): a sound said through it stays closed
    sealed: bool  # the lips are said to press, close or tighten: a sound said with them keeps them so
    negated: np.ndarray  # channels negated words hold at rest (Plan.held)
    # the regions of the parts named in a clause with a hold word ("the smile stays": mouth; "eyes open,
    # still heavy": the eyes), None when a hold word names no part ("she holds it": everything)
    hold_regions: set[str] | None
    at_rest: bool  # the face-at-rest template is among the movements read ("his face is relaxed")
    #: "the expression settles", "her face settles, very faintly": the whole face settling, said with nothing else
    face_settles: bool
    #: "expressionless", "no reaction": a face said to show nothing takes no colour from the script's emotion
    shows_nothing: bool
    #: ... read alone as a poker face: its lips go if typed values or a look move the face
    poker_lips: bool


@dataclass
class _Span:
    start: int
    end: int
    text: str
    roles: _Roles


#: Words after which a fading word ("drain", "fade") is a noun: "like a drain", "the fade".
_ARTICLES = frozenset({"a", "an", "the"})
#: Words before "lost" that make it an adjective, bewildered ("a lost look", "she looks lost"), not a loss
_LOST_ADJECTIVE_BEFORE = _ARTICLES | {"look", "looks", "looked", "looking", "seem", "seems", "seemed", "so", "very", "bit", "little",
                                      "totally", "completely", "utterly", "all", "slightly", "somewhat", "quite"}
_DETERMINERS = _ARTICLES | {"his", "her", "their", "my", "your", "our", "its", "this", "that"}
_SUBORDINATORS = frozenset({"when", "as", "after", "because", "until", "till", "before", "while", "since", "once", "whenever",
                           "why", "how", "whether", "if"})  # ("explains why the deposit is gone": the deposit goes)
_PRONOUNS = frozenset({"it", "they", "he", "she", "i", "we", "you", "that", "which", "this"})
_NOT_A_SUBJECT_NOUN = _DETERMINERS | _SUBORDINATORS | _PRONOUNS
#: Prepositions after "settle" that make it arrive ("settles on her face", "settles into a scowl") rather than go.
_ONTO = frozenset({"on", "onto", "upon", "over", "across", "into", "in"})
#: Verbs whose "in" is their own particle ("draws in her cheeks", "rolls in his lips"), as the text rewrite of
#: "in her cheek" also leaves them (text._IN_THE_CHEEK_RE)
_IN_PARTICLE_VERBS = frozenset({"suck", "draw", "pull", "tuck", "roll", "bite"})
#: Words after "in" that end its phrase ("lip rolled in and held"): "in" stays the movement's.
_JOINERS = frozenset({"and", "or", "but", "then", "so", "as", "while", "with", "again", "there", "now", "too", "when", "until",
                      "yet", "still", "till", "before", "after", "like"})
#: Words that make moving lips speech ("lips moving soundlessly, counting"; "his mouth moved in prayer").
_SPEAKING = frozenset({"silently", "soundlessly", "soundless", "silent", "count", "counting", "pray", "prayer", "praying", "word",
                       "words", "speech", "speak", "speaking", "talk", "talking", "whisper", "whispering", "murmur", "mutter",
                       "muttering", "mumble", "mumbling", "recite", "reciting", "read", "reading", "rehearse", "rehearsing",
                       "sound", "along", "lyric", "lyrics", "sing", "singing", "name", "chant"})
#: A last beat that denies a feeling or a look ("..., but now she's not angry at all"): it ends in its absence, and is
#: not read with the beat before
_DENYING_BEAT_RE = re.compile(r"\b(?:(?:is|are|was|were|'s|'re|'m|am)\s+(?:not|no\s+longer)|isn'?t|aren'?t|wasn'?t|weren'?t)\s+"
                              r"(?:(?:at\s+all|any\s*more|even|really|the\s+least\s+bit)\s+)?[a-z]+", re.I)
#: A last beat that only says the movement settles ("..., then settle", "... and settles down"), and how much of the
#: movement before it is left once it has
_SETTLE_BEAT_RE = re.compile(r"\s*(?:(?:and\s+)?then\s+|and\s+)?(?:it\s+|they\s+|slowly\s+|gently\s+)*settl(?:e|es|ed|ing)"
                             r"(?:\s+(?:down|back|in|a\s+(?:bit|little)))?\s*[.!]*\s*$", re.I)
_SETTLED = 0.5
#: ... after an accent: a movement that pops, overshoots or spikes
_ACCENT_RE = re.compile(r"\b(?:pop\w*|overshoot\w*|spik\w*|snap\w*|shoot\w*|shot|jump\w*|flick\w*|fl(?:y|ies|ew)|jolt\w*|burst\w*|accent\w*|hit\w*)\b", re.I)
#: A last beat that only says something goes: "..., then drops", "... and then fades away", "..., then it slips"
_FADING_BEAT_RE = re.compile(r"\s*(?:(?:and\s+)?then\s+|but\s+)?(?:it\s+|slowly\s+|quickly\s+|suddenly\s+)*(?:drops?|dropped|fades?|faded|dies|died"
                             r"|vanish(?:es|ed)?|disappears?|disappeared|slips?|slipped|falters?|faltered|falls?(?:\s+away)?|fell(?:\s+away)?"
                             r"|crumbles?|crumbled|melts?(?:\s+away)|evaporates?|evaporated|goes|went|is\s+gone|was\s+gone|wavers?|wavered"
                             r"|clears?|cleared|smooth(?:s|ed)?(?:\s+out)?|relax(?:es|ed)?|eases?|eased|releases?|released|unknits?|unknitted)"
                             r"(?:\s+(?:away|off|completely|entirely|again))?\s*[.!]*\s*$", re.I)
#: ... and the looks such a beat can be said of
_LOOK_NOUN_RE = re.compile(r"\b(smile|grin|smirk|frown|scowl|pout|sneer|glare|grimace|beam|laugh|laughter)s?\b", re.I)
#: Parts that can move "to one side" as a whole: the mouth (lips shift) and the jaw.
_SHIFTING_PARTS = frozenset({"mouth", "lips", "jaw"})


class _Matcher:
    """Longest-first phrase matching of lemma sequences against the lexicon tables."""

    def __init__(self, lemmatizer: Lemmatizer):
        self.table: dict[tuple[str, ...], _Roles] = {}
        self.max_len = 1
        entry = self._entry  # a phrase's roles (the first value given for a role stays)
        for phrase, key in lx.EXPRESSION_WORDS.items():
            if (roles := entry(lemmatizer, phrase)) is not None:
                roles.setdefault("expression", key)
        for phrase, part in lx.PARTS.items():
            if (roles := entry(lemmatizer, phrase)) is not None:
                roles.setdefault("part", part)
        for phrase, action in lx.ACTIONS.items():
            if (roles := entry(lemmatizer, phrase)) is not None:
                roles.setdefault("action", action)
        for phrase, level in lx.INTENSITY.items():
            if (roles := entry(lemmatizer, phrase)) is not None:
                roles.setdefault("intensity", level)
        flag_words: tuple[tuple[_FlagRole, set[str]], ...] = (
            ("neg_before", lx.NEGATION_BEFORE), ("neg_after", lx.NEGATION_AFTER), ("more", lx.MORE), ("less", lx.LESS),
            ("hold", lx.HOLD), ("neutral", lx.NEUTRAL_WORDS), ("one_sided", lx.ONE_SIDED_WORDS), ("both", lx.BOTH_WORDS),
        )
        for role, words in flag_words:
            for phrase in words:
                if (roles := entry(lemmatizer, phrase)) is not None:
                    roles.setdefault(role, True)
        for phrase, side in lx.SIDE_WORDS.items():
            if (roles := entry(lemmatizer, phrase)) is not None:
                roles.setdefault("side", side)

    def _entry(self, lemmatizer: Lemmatizer, phrase: str) -> _Roles | None:
        """The roles of a phrase's lemmas (created empty), or None for a phrase with no lemmas."""
        key = lemmatizer.phrase(phrase)
        if not key:
            return None
        self.max_len = max(self.max_len, len(key))
        return self.table.setdefault(key, {})

    def spans(self, clause: list[Token]) -> list[_Span]:
        lemmas = [t.lemma for t in clause]
        out: list[_Span] = []
        i = 0
        while i < len(lemmas):
            for n in range(min(self.max_len, len(lemmas) - i), 0, -1):
                roles = self.table.get(tuple(lemmas[i : i + n]))
                if roles is not None:
                    text = " ".join(t.text for t in clause[i : i + n])
                    out.append(_Span(i, i + n - 1, text, roles.copy()))
                    i += n
                    break
            else:
                i += 1
        self._qualify(lemmas, out)
        texts = [t.text for t in clause]
        for a, b in zip(out, out[1:]):
            # "not the left eye -- he winks with his right", "right eye, not left": a side denied is neither a
            # movement nor a negation of the movement that follows
            if a.roles.get("neg_before") and a.text.lower() in ("not", "no") and "side" in b.roles and b.start - a.end <= 2:
                del a.roles["neg_before"]
                b.roles.pop("side")
                if b.roles.get("action") == "side":
                    del b.roles["action"]
            # "the corners pull back into a tense half-smile", "into a tight smile": an adjective of the expression
            # after an article, not the corners tensing on their own (it keeps its sense as the expression's size; a
            # shape word stays the mouth's: "mouth drops into a round gasp", "a pressed smile", "a flat smile")
            if (a.start == a.end and b.start == a.end + 1 and "expression" in b.roles and a.roles.get("action") == "narrow"
                    and "part" not in a.roles and a.start > 0 and lemmas[a.start - 1] in ("a", "an")):
                del a.roles["action"]
        for k, s in enumerate(out):
            # "shoots him a look", "shooting her a glance": the look is shot at someone, it does not go up
            if s.roles.get("action") == "up" and lemmas[s.start] == "shoot" and any(
                    o.roles.get("part") in ("look", "gaze") and 0 < o.start - s.end <= 3 for o in out[k + 1 : k + 3]):
                del s.roles["action"]
        for s in out:  # "the lips part in a short gasp", "stretches in fear": a preposition, not a movement
            if s.start == s.end and s.roles.get("action") and s.text in lx.SHORT_REACH_ACTIONS:
                after = texts[s.end + 1] if s.end + 1 < len(texts) else ""
                # ... but "tilts down a bit", "brows go up a touch": the article opens an intensity phrase
                # and the direction stays a movement
                sized = any(o.start == s.end + 1 and "intensity" in o.roles for o in out)
                after_lemma = lemmas[s.end + 1] if s.end + 1 < len(lemmas) else ""
                if (after in ("a", "an") and not sized) or (s.text == "in" and (after in _EMOTION_LEMMAS or after_lemma in _EMOTION_LEMMAS)):
                    del s.roles["action"]
                elif s.text == "in" and s.end + 1 < len(clause):
                    gap = clause[s.end + 1].position - clause[s.end].position  # > 1: a word left out ("his", "the")
                    particle = s.start > 0 and lemmas[s.start - 1] in _IN_PARTICLE_VERBS  # "draws in her cheeks"
                    if not particle and ((gap >= 2 and any(o.start == s.end + 1 and "part" in o.roles for o in out))
                            or (gap == 1 and after.lower() not in _JOINERS and not any(o.start <= s.end + 1 <= o.end for o in out))):
                        # "a muscle twitching in his cheek", "moved in prayer" (a word of no role): "in" is where it
                        # happens, not the cheeks or lips sucked in
                        del s.roles["action"]
        if not any("side" in o.roles or o.roles.get("action") in ("left", "right", "side", "turn") for o in out):
            for s in out:  # "lips moving silently as she counts": the lips move as they talk, not sideways; "his mouth
                # moves but no sound comes" too: lips that just "move", with no side or direction, are talking
                if s.roles.get("action") in ("motion", "clench") and lemmas[s.start] in ("move", "work") and s.start == s.end and any(
                        o.roles.get("part") in ("lips", "mouth") for o in out) and (
                        any(l in _SPEAKING for l in lemmas)
                        or (lemmas[s.start] == "move" and not any(l in ("side", "sideways", "left", "right", "l", "r", "only") for l in lemmas))):
                    s.roles["action"] = "talk"
        for s in out:  # "milk that's on the turn", "the tide on the turn": going off, not a head turn
            if (s.roles.get("action") == "turn" and s.start >= 1 and texts[s.start - 1].lower() == "on"
                    and clause[s.start].position - clause[s.start - 1].position == 2):
                del s.roles["action"]
        for k, b in enumerate(out):
            # "head tipped to the side", "tilts her head sideways": the side is where the tilt goes, not a turn
            if b.roles.get("action") == "turn" and b.text.lower() in ("side", "sideways") and any(
                    a.roles.get("action") in ("tilt", "cock") and b.start - a.end <= 3 for a in out[max(0, k - 2) : k]):
                del b.roles["action"]
        for s in out:
            if not s.roles.get("neg_after"):
                continue
            before = texts[s.start - 1].lower() if s.start > 0 else ""
            after = texts[s.end + 1].lower() if s.end + 1 < len(texts) else ""
            if before in _ARTICLES:
                del s.roles["neg_after"]  # "laughing like a drain", "a slow fade": a noun, not something fading
            elif self._event_subject(texts, out, s.start):
                del s.roles["neg_after"]  # "she cried when the dog died", "as the music stops": an event, not the face
            elif lemmas[s.end] == "settle" and after in _ONTO:
                del s.roles["neg_after"]  # "a smile settles on her face", "settling into a frown": it arrives, not goes
            elif lemmas[s.end] == "settle" and _whole_face_settles(texts, out, s):
                s.roles["face_settles"] = True  # "the expression settles": see _Flags.face_settles
        for k, s in enumerate(out):
            if s.roles.get("one_sided") and s.text.lower() in ("one", "only one") and not (
                    k + 1 < len(out) and out[k + 1].start == s.end + 1 and "part" in out[k + 1].roles):
                # "one" is one side of a part named right after it ("raises one brow", "only one eye opens"); otherwise it
                # is someone: "the only one smiling", "no one smiles back", "smiles at the little one", "one of them smirks"
                del s.roles["one_sided"]
            elif s.roles.get("one_sided") and texts[s.start].lower() in ("corners", "sides"):
                del s.roles["one_sided"]  # "the corners of her mouth pull into a smile": both (the lemma is singular)
        for s in out:
            if (s.roles.get("part") == "face" and "action" not in s.roles and s.start >= 1 and texts[s.start - 1].lower() in _DESTINATIONS
                    and clause[s.start].position - clause[s.start - 1].position == 2):
                del s.roles["part"]  # "his eyes come back up to her face": where the look goes, not his face moving
        for s in out:
            if (s.roles.get("expression") and lemmas[s.start] == "light" and s.start > 0
                    and lemmas[s.start - 1] in _GLOWING_THINGS):
                del s.roles["expression"]  # "where his phone lights up", "the screen lights up": the thing glows, not a face
        for k, s in enumerate(out):
            # "lips pulled to one side", "jaw pushed to one side": the mouth or jaw moves sideways (which way
            # is not said); "one side" is where it goes, not a one-sided version of the movement
            if s.roles.get("one_sided") and s.text.lower() == "one side" and s.start > 0 and texts[s.start - 1].lower() == "to":
                part = next((o for o in reversed(out[:k]) if "part" in o.roles), None)
                if part is not None and part.roles["part"] in _SHIFTING_PARTS:
                    s.roles = {"action": "turn"}
        return self._split_shared_part(lemmas, texts, out)

    def _split_shared_part(self, lemmas: list[str], texts: list[str], out: list[_Span]) -> list[_Span]:
        """"She raises and knits her brows": two verbs share one part, but the second verb and the part are one
        lexicon phrase ("knit brow") that would keep the part to itself and leave the first verb with none. After
        "<movement> and", such a phrase that is a movement word followed by a part is read as those two words, so
        both verbs pair with the part ("raises and furrows her brows" reads the same)."""
        k = 1
        while k < len(out):
            s, prev = out[k], out[k - 1]
            if ("expression" in s.roles and s.end > s.start and "action" in prev.roles and "part" not in prev.roles
                    and s.start - prev.end == 2 and texts[s.start - 1].lower() in ("and", "&")
                    and not any("part" in o.roles and 0 <= prev.start - o.end <= 3 for o in out[:k - 1])):
                # (not "her lip peeled back and his heavy brows ...": the first verb has a part of its own)
                for cut in range(s.start + 1, s.end + 1):
                    verb = self.table.get(tuple(lemmas[s.start:cut]), {})
                    part = self.table.get(tuple(lemmas[cut : s.end + 1]), {})
                    if "action" in verb and "part" in part:
                        out[k : k + 1] = [
                            _Span(s.start, cut - 1, " ".join(texts[s.start:cut]), {"action": verb["action"]}),
                            _Span(cut, s.end, " ".join(texts[cut : s.end + 1]), {"part": part["part"]}),
                        ]
                        break
            k += 1
        return out

    @staticmethod
    def _event_subject(texts: list[str], spans: list[_Span], pos: int) -> bool:
        """The words before ``pos`` are a subordinate clause's subject of no role ("when the dog", "as the old
        music", "after Dad"): what ends there is an event, not a movement of the face."""
        k = pos - 1
        nouns = 0
        while k >= 0 and nouns < 2 and texts[k].isalpha() and texts[k].lower() not in _NOT_A_SUBJECT_NOUN \
                and not any(sp.start <= k <= sp.end for sp in spans):
            k -= 1
            nouns += 1
        if not nouns:
            return False
        if k >= 0 and texts[k].lower() in _DETERMINERS:
            k -= 1
        return k >= 0 and texts[k].lower() in _SUBORDINATORS

    @staticmethod
    def _qualify(lemmas: list[str], spans: list[_Span]) -> None:
        """Narrow a part by a qualifier a few words before it ("inner ends of the brows")."""
        for s in spans:
            part = s.roles.get("part")
            if part is None:
                continue
            for q in lemmas[max(0, s.start - 3) : s.start]:
                narrowed = lx.QUALIFIERS.get(q, {}).get(part)
                if narrowed:
                    s.roles["part"] = narrowed


#: A quoted sound sung, hummed, pronounced or practised (a vowel for the doctor): no interjection feeling of its own
#: Vocal actions whose sound ("she sighs 'ahh'") carries the action's own feeling, not the sound word's stock one
_VOICED_BY_RE = re.compile(r"\b(?:sigh|sighs|sighed|sighing|groan\w*|moan\w*|yawn\w*|exhal\w*|breathes?\s+out|breathing\s+out)\b", re.I)
#: "he says 'wow' flatly", "'great,' she says in a monotone": the word is said without the feeling it usually voices
_FLAT_DELIVERY_RE = re.compile(
    r"\b(?:flatly|tonelessly|dully|woodenly|blankly|unenthusiastically|deadpan|(?:in\s+a|a)\s+(?:flat\s+|dull\s+)?monotone"
    r"|(?:in\s+a\s+)?flat\s+(?:voice|tone)|without\s+(?:any\s+)?(?:enthusiasm|feeling|emotion|inflection|expression))\b", re.I)


def said_flatly(text: str) -> re.Match | None:
    """The words that say a line is delivered without feeling ("says 'wow' flatly", "in a monotone"), if any: a
    quoted interjection then voices no feeling, and the learned layer adds none (see ``semantic.layer``)."""
    return _FLAT_DELIVERY_RE.search(text)


_SUNG_RE = re.compile(
    r"\b(?:sing|sings|sang|sung|singing|hum|hums|hummed|humming|chant\w*|croon\w*|yodel\w*|pronounc\w*|enunciat\w*|articulat\w*"
    r"|practi[cs]\w*|rehears\w*|vocali[sz]\w*|warm\w*\s+up|note|notes|vowel|vowels|syllable|syllables|scale|scales|choir|dentist|doctor"
    # a mouth shape asked for: "makes an 'O' with his mouth", "lip sync 'wow'", "viseme 'oh'"
    r"|(?:mouth|lip)\s+shapes?|shapes?\s+(?:of|for)|visemes?|phonemes?|lip[\s-]?sync\w*"
    r"|mak(?:e|es|ing)\s+(?:an?\s+)?(?:['\"\u2018\u201c]?\w+['\"\u2019\u201d]?\s+|[\s,]+)?(?:shape\s+)?with\s+(?:her|his|their|my|your)\s+(?:mouth|lips))\b",
    re.I,
)


class EmbeddedPlanner:
    """Offline rule-and-lexicon planner; the default backend's engine (numpy only, ~1 ms a keyframe).

    ``plan(description, background=, emotion=, context=, index=, previous=)`` returns a :class:`Plan`.
    Instances are cheap to call repeatedly and hold no per-script state.
    """

    def __init__(self, expansion_path=None, cache: bool = True):
        """``expansion_path``: another expansion table than the shipped one. ``cache``: take the lexicon phrases'
        lemmas from the table kept for these sources (:mod:`.phrases`), and keep them there when none matched."""
        expansion = load_expansion(expansion_path)
        known = lx.vocabulary()
        from . import phrases
        from .facs import EMOTION_WORDS

        self._lemmatizer = Lemmatizer(known, expansion, set(EMOTION_WORDS), lx.THINGS_BELOW)
        digest = phrases.fingerprint(EXPANSION_FILE if expansion_path is None else expansion_path) if cache else ""
        kept = phrases.load(digest)  # (None without a digest)
        if kept is not None:
            self._lemmatizer.preload(kept)
        self._matcher = _Matcher(self._lemmatizer)
        self._targets = {key: self._target_vector(c) for key, c in lx.CONCEPTS.items()}
        self.expansion_source = expansion.source
        self._context_cache: dict[str, tuple[np.ndarray, bool]] = {}
        self._composites: dict[str, lx.Concept] = {}
        self._suppress = {self._lemmatizer.phrase(w) for w in _SUPPRESS_WORDS}
        self._shut = np.zeros(ch.NUM_CHANNELS, dtype=bool)  # channels a negated opening keeps shut (per plan)
        self._social = {self._lemmatizer.phrase(w) for w in _SOCIAL_SMILE_WORDS}
        self._fading = {self._lemmatizer.phrase(w) for w in lx.NEGATION_AFTER} - {self._lemmatizer.phrase(w) for w in ("relax", "release", "loosen", "settle", "smooth", "smooth out", "unclench", "unknit", "unfurrow", "let go")}
        self._overall_words = {w for phrase in lx.INTENSITY for w in self._lemmatizer.phrase(phrase)}
        if digest and kept is None:
            phrases.save(digest, self._lemmatizer.known_phrases())

    def lemmatizer_phrases(self) -> dict[str, tuple[str, ...]]:
        """The lexicon phrases' lemmas this planner was built with (what :mod:`.phrases` keeps)."""
        return self._lemmatizer.known_phrases()

    # ------------------------------------------------------------------ public API
    def plan(
        self,
        description: str,
        *,
        background: str = "",
        emotion: str = "",
        context: Sequence[str] = (),
        index: int | None = None,
        previous: np.ndarray | None = None,
    ) -> Plan:
        """Propose the 61 values for one keyframe description seen in its script's context."""
        explanation: list[str] = []
        # a misspelt word is read as the word meant by every rule, phrases included ("smiel with teh eyes")
        description, fixes = self._lemmatizer.spelling_fixed(description)
        explanation.extend(f"'{typed}' read as '{meant}' (spelling)" for typed, meant in fixes)
        if _NEUTRAL_END_RE.search(description) and (_DENIED_START_RE.search(description) or _REJECTED_Q_RE.search(description)):
            # "No left brow cocked - the face stays neutral", "Shark smile? No. Neutral face.": what is named
            # is denied and the face is said to stay neutral; every region is read (at rest)
            explanation.append("the movements named are denied and the face is said to stay 'neutral' -> all channels at rest")
            values = np.zeros(ch.NUM_CHANNELS)
            return Plan(values, _finish_explanation(explanation, values), set(_ALL_REGIONS), [], False, [])
        typed = read_specs(description) if _DIGIT_RE.search(description) else None
        if typed is not None and typed.specs:
            closing = self._typed_size(description, typed.rest)
            for spec in typed.specs:
                shown = ", ".join(f"{ch.NAMES[i]} = {v:.2f}" for i, v in spec.values.items())
                explanation.append(f"'{spec.text}' -> {shown} (a value typed explicitly, kept exactly)" if closing is None
                                   else f"'{spec.text}' -> {shown} (a value typed explicitly)")
            if closing is not None:
                words, factor, alone = closing
                row = np.zeros(ch.NUM_CHANNELS)
                for i, v in typed.values.items():
                    row[i] = v * factor
                row = ch.clamp(row)
                typed.specs = [Spec(sp.text, {i: float(row[i]) for i in sp.values}) for sp in typed.specs]
                shown = ", ".join(f"{ch.NAMES[i]} = {v:.2f}" for i, v in typed.values.items())
                explanation.append(f"'{words}' closes a line of typed values: x{factor:.2f} -> {shown}, kept exactly")
            if typed.only_values or closing is not None and alone:
                # nothing but values (and the phrase that sizes them): every other channel stays at rest
                values = np.zeros(ch.NUM_CHANNELS)
                for i, v in typed.values.items():
                    values[i] = v
                values = ch.clamp(self._coherent(values, explanation))
                values[list(typed.values)] = list(typed.values.values())
                explanation.append("nothing but typed values: every other channel at rest")
                return Plan(values, _finish_explanation(explanation, values), set(_ALL_REGIONS), [], True, [], typed.values,
                            held=values == 0)
            description = typed.rest
        beside = typed is not None and any(not _STRAIGHT_FACE[i] and v for i, v in typed.values.items())
        plan = self._plan_text(description, explanation, background, emotion, context, index, previous, beside)
        if typed is not None and typed.specs:
            values = plan.values.copy()
            for i, v in typed.values.items():
                values[i] = v
            values = ch.clamp(self._coherent(values, []))
            values[list(typed.values)] = list(typed.values.values())
            plan.values = values
            plan.understood |= {_REGION_OF_CHANNEL[i] for i in typed.values}
            plan.found_movement = True
            plan.exact = typed.values
        return plan

    def _typed_size(self, description: str, rest: str) -> tuple[str, float, bool] | None:
        """The size typed values are given by a phrase of size closing the line ("browOuterUpLeft 0.5, just barely",
        "brows up, jaw .6 (extreme version)"; corpus: such lines are annotated at the typed value times the phrase's
        factor, 0.5 'just barely' -> 0.23), as (the phrase, its factor, whether the values stand alone before it), else
        None. Words of speed, timing or manner ("quickly", "softly") and caps
        ("max", "at most") are no size. ``rest``: the description with the values' text taken out
        (:class:`.spec.SpecReading`), so a value's own words ("up .6") are no phrase."""
        cut, closing = self._overall_intensity(rest, bare=True)
        phrase = closing[0].strip().lower() if closing is not None else ""
        if closing is None or not _TYPED_SIZE_RE.fullmatch(phrase):
            return None
        at = description.lower().rfind(phrase)
        # beside a sentence of their own, only a phrase set off by a dash or a bracket closes the whole line ("jawOpen 0.5;
        # she smiles, barely" sizes the smile alone); beside an animator's notes ("jawL .3 / lips closed, just barely",
        # "brows up, jaw .6 (extreme version)"), a comma does too; "jawOpen 0.5 slightly" has no phrase of its own
        alone = not re.search(r"[A-Za-z]", cut)
        before = r"[,;:(\-\u2013\u2014]\s*$" if alone or _notes(cut) else r"[(\-\u2013\u2014]\s*$"
        if at < 0 or not re.search(before, description[:at]):
            return None
        return closing[0], closing[1], alone

    def _plan_text(self, description: str, explanation: list[str], background: str, emotion: str,
                   context: Sequence[str], index: int | None, previous: np.ndarray | None, beside_typed: bool = False) -> Plan:
        """:meth:`plan` of a description without typed values (``beside_typed``: values typed beside it move the face)."""
        description, overall = self._overall_intensity(description)
        description = eyes_say_fear(description)  # "her eyes say 'help me'": read before the quote is taken as speech
        speech = find_speech(description)
        if speech is not None and says_the_look(description):
            # "a tight-lipped smile that says 'not now'": what the face says, not a sound it makes
            explanation.append(f"'{speech.text}' is what the look says, not a sound: no mouth shape for it")
            speech = None
        if speech is not None:
            said_beats = split_change_beats(description)
            quoted = speech.text.lower()
            if len(said_beats) >= 2 and not _QUOTE_CHAR_RE.search(said_beats[-1]) and any(quoted in b for b in said_beats[:-1]) \
                    and not self._says_hold(said_beats[-1]):
                # "the 'oh!' turns into a shy little laugh", "'wow' -> then a flat stare": the sound belongs to a beat
                # that is over; the keyframe shows the last one, without its mouth shape or its feeling (unless the
                # last beat quotes a sound of its own or holds the one before: "..., she keeps them shut")
                explanation.append(f"'{speech.text}' is said in an earlier beat: no mouth shape or feeling of its own")
                speech = None
                description = strip_quotes(description)
        caption = speech is not None and speech.source in ("dictionary", "letter rules") and captions_the_look(description)
        if caption:  # ... and the words before it describe the mouth themselves ("lips pursed: 'really?'")
            said, _, said_flags = self._plan_core(strip_quotes(description), None, [])
            caption = "mouth" in said_flags["touched"] and np.abs(said[_MOUTH_SHAPE]).max() >= 0.2
        if speech is not None or "'" in description or '"' in description:
            felt = interjection_words(description)  # "an 'ew' face": the sound voices disgust
            if felt and _SUNG_RE.search(strip_quotes(description)):
                # "he sings a long 'aah' note", "she pronounces 'oh' for the coach": a sound made for its own sake
                explanation.append(f"the sound is sung or pronounced: its stock feeling ('{felt}') is not read")
                felt = ""
            if felt and _VOICED_BY_RE.search(strip_quotes(description)):
                # "she sighs 'ahh'", "he groans 'ugh'": the sound is the sigh's or the groan's, which carries its own feeling
                explanation.append(f"the sound is voiced as a sigh, groan or yawn: its stock feeling ('{felt}') is not read")
                felt = ""
            if felt and said_flatly(strip_quotes(description)):
                explanation.append(f"the sound is said flatly: its stock feeling ('{felt}') is not read")
                felt = ""
            if felt and (self._names_feeling(strip_quotes(description)) or _UNDERSTANDING_RE.search(description)):
                # "she says 'shh', smiling at the baby": the smile leads; the sound's stock feeling only tints it
                felt = _mild(felt)
                explanation.append(f"the text names a feeling of its own: the sound's feeling is read mild ('{felt}')")
            if felt and caption and not felt.startswith(_MILD):
                # "brows up, mouth pressed: 'wow, impressive.'": a quote that captions the look tints it mildly
                felt = _mild(felt)
                explanation.append(f"the quote captions the look: its stock feeling is read mild ('{felt}')")
            description = strip_quotes(description) + (f" , {felt}" if felt else "")
        # (before the beats: "left eye twitches, then that eye closes")
        description = _OTHER_PART_RE.sub(_other_part, _THAT_PART_RE.sub(_that_part, description))
        beats = split_change_beats(description)
        if beats:
            explanation.append(
                f"the description narrates a change in {len(beats)} beats; the keyframe shows the last: '{beats[-1][:60]}'"
            )
            description = beats[-1]
            part = self._last_part(" , ".join(beats[:-1])) if self._bare_verb_beat(description) else ""
            if part:
                # "her brows go up at the total, then come down and knot as she wonders": the last beat's verbs move
                # the part named before it
                description = f"{part} {description}"
                explanation.append(f"the last beat's verbs move '{part}', named before it")
        prev = None
        if previous is not None:
            prev = np.asarray(previous, dtype=np.float64).ravel()
            if prev.size != ch.NUM_CHANNELS:
                raise ValueError(f"previous must hold {ch.NUM_CHANNELS} channel values, got {prev.size}")
            prev = ch.clamp(prev)
        if prev is None and index is not None and 0 < index <= len(context) and self._says_hold(description):
            prev = self._plan_core(context[index - 1], None, [])[0]
            explanation.append(f"hold without previous values: reading keyframe {index - 1} of the script")

        read: list[str] = []
        values, forced, flags = self._plan_core(description, prev, read)
        if flags["face_settles"] and (emotion.strip() or prev is not None):
            # "the expression settles" after a keyframe, or in a scene with a feeling: the face comes to rest in
            # what it showed, the feeling it has (a vague line); with neither, it is the face at rest
            settled_read: list[str] = []
            settled = self._plan_core(description, prev, settled_read, settle_in_place=True)
            if not settled[2]["specific"]:
                values, forced, flags = settled
                read = ["'settles' said of the whole face: it rests in the scene's feeling and the keyframe before", *settled_read]
        explanation.extend(read)
        if beats and len(beats) >= 2 and not flags["specific"] and not flags["neutral"] and not _DENYING_BEAT_RE.search(beats[-1]):
            if _SETTLE_BEAT_RE.match(beats[-1]) and _ACCENT_RE.search(beats[-2]):
                # "brows pop up, then settle", "overshoot on the brow raise, then settle": an accent comes to rest part
                # of the way back (train: "brows pop up then settle at .3", "settle to a third"); a plain movement that
                # settles ("a smile, then it settles") goes, as below
                values, forced, flags = self._plan_core(beats[-2], prev, explanation)
                values = values * _SETTLED
                explanation.append(f"the last beat settles the one before it: x{_SETTLED}")
            else:
                fades = _FADING_BEAT_RE.match(beats[-1]) is not None
                # "..., then it drops forward": the last beat moves a part named in the beats before it
                # ("..., then picks up the pen": the particle is the hands', it moves no part named before)
                part = "" if _HANDS_PARTICLE_RE.match(beats[-1]) else self._last_part(" , ".join(beats[:-1]))
                if not part and fades:
                    # "the smile freezes, then drops": the look named before is what goes ("smile drops")
                    part = (_LOOK_NOUN_RE.findall(" , ".join(beats[:-1])) or [""])[-1].lower()
                if part:
                    values, forced, flags = self._plan_core(f"{part} {beats[-1]}", prev, explanation)
                    if flags["specific"]:
                        explanation.append(f"the last beat moves '{part}', named before it")
                if part and fades and not flags["specific"]:  # "his brow furrows and then clears": it ends at rest
                    explanation.append(f"the last beat lets '{part}', named before it, go: it ends at rest")
                elif not flags["specific"]:  # "a tiny grin, but it widens until it's enormous": the grin, enormous
                    values, forced, flags = self._plan_core(f"{beats[-2]} , {beats[-1]}", prev, explanation)
                    explanation.append("the last beat names no movement of its own: read with the beat before it")
        over = np.zeros(ch.NUM_CHANNELS, dtype=bool)
        if beats:
            # the states the description passed through are over: what they moved and the last beat does
            # not set stays at rest (not carried over from the keyframe before, either)
            earlier, earlier_forced, earlier_flags = self._plan_core(" , ".join(beats[:-1]), None, [])
            if not flags["touched"] & _POSTURE:
                # "puffed cheeks -> turn right -> gasp", "the eyes flick over the left shoulder, then a small smile":
                # where the beat just before turned the head or the eyes, they stay while the last beat moves neither
                # (an expression is over when the next beat comes; a posture is held until something moves it)
                # (with two beats the one before is all of the earlier text, read just above)
                before, _, before_flags = (earlier, None, earlier_flags) if len(beats) == 2 else self._plan_core(beats[-2], None, [])
                held_regions = before_flags["touched"] & _POSTURE
                held = np.array([_REGION_OF_CHANNEL.get(i) in held_regions for i in range(ch.NUM_CHANNELS)]) & (
                    before != 0) & (values == 0) & ~forced
                if held.any():
                    values = values.copy()
                    values[held] = before[held]
                    verb = "stay" if len(held_regions) > 1 else "stays"
                    explanation.append(f"the {' and '.join(sorted(held_regions))} {verb} where the beat before put them")
            gone = ((earlier != 0) | earlier_forced) & (values == 0) & ~forced
            over = (earlier != 0) & (values == 0) & ~forced  # moved before (not only negated: "didn't cry, then sobs")
            if gone.any():
                forced |= gone
                explanation.append(f"earlier beats are over: {int(gone.sum())} channels they moved stay at rest")
        if caption and speech is not None:  # "brows up, lips pursed: 'really?'": the quote captions the look
            explanation.append(f"'{speech.text}' captions the look (no word says it is spoken): the mouth keeps what the words describe")
            speech = None
        set_mask = forced | (values != 0.0)
        if speech is not None:
            flags["specific"] = True
            flags["touched"].add("mouth")
        understood = set(flags["touched"])
        found = bool(flags["specific"])
        carried: np.ndarray | None = None

        if flags["neutral"]:
            explanation.append("'neutral' -> all channels start from rest")
        elif flags["hold"] and prev is not None:
            # the keyframe before carries over, except in a region this line moves itself: "the mouth
            # closes and the eyes blink open, still heavy" keeps nothing of the yawn's squeeze or stretch
            moved = {_REGION_OF_CHANNEL[int(i)] for i in np.flatnonzero(values != 0.0)}
            carry = ~set_mask & ~np.array([_REGION_OF_CHANNEL[i] in moved for i in range(ch.NUM_CHANNELS)])
            if moved and flags["hold_regions"]:  # the hold word is said of the parts named with it, not the whole face
                carry &= np.array([_REGION_OF_CHANNEL[i] in flags["hold_regions"] for i in range(ch.NUM_CHANNELS)])
            values[carry] = prev[carry]
            carried = carry.copy()
            # what is held is read: the learned layer does not redo the regions carried over ("she holds it")
            understood |= {_REGION_OF_CHANNEL[int(i)] for i in np.flatnonzero(carry & (prev != 0.0))}
            explanation.append(f"hold word -> previous keyframe carried over on {int(carry.sum())} unset channels" if carry.any()
                               else "hold word said of what this line moves: nothing of the keyframe before is carried over")
        elif prev is not None and not flags["specific"]:
            carry = ~set_mask
            values[carry] = _CARRY_VAGUE * prev[carry]
            explanation.append(f"vague description -> previous keyframe kept at x{_CARRY_VAGUE}")

        if not flags["neutral"] and not flags["at_rest"] and not flags["shows_nothing"]:
            # a face the words put at rest ("his face is relaxed") takes no colour from the script's emotion
            self._colour(values, set_mask, flags["specific"], flags["touched"], emotion, background, explanation)

        if speech is not None:
            said = values.copy()
            values = blend(values, speech)
            explanation.append(speech.describe())
            if flags["sealed"]:
                # "lips clamp together for the final p of 'stop'", "says 'fine' through a tight little mouth": the lips
                # the text presses or tightens stay so, and the sound opens the jaw only a little behind them
                values[_SEAL_KEEP] = np.maximum(values[_SEAL_KEEP], said[_SEAL_KEEP])
                values[_SEAL_OPENERS] = np.minimum(values[_SEAL_OPENERS], _SEALED_OPENING)
                explanation.append(f"the sound is said with the lips pressed or tight: the press stays, the mouth opens <= {_SEALED_OPENING}")
            if flags["clenched"]:
                values[_IDX["JawOpen"]] = min(values[_IDX["JawOpen"]], _CLENCHED_JAW)
                values[_IDX["MouthClose"]] = min(values[_IDX["MouthClose"]], _CLENCHED_JAW)
                explanation.append(f"the sound is said through a clenched jaw: JawOpen <= {_CLENCHED_JAW}")
        if overall is not None:
            words, factor = overall
            values = values * factor
            explanation.append(f"'{words}' x{factor:.2f} on the whole face (an intensity phrase closing the description)")
        read = values.copy()
        values = _round5_post(description, values, understood, explanation, speech is not None, set_mask)
        values = _reading_gaze(description, values, understood, explanation, overall[1] if overall is not None else 1.0)
        values = _eyes_lead_the_turn(description, values, set_mask, understood, explanation)
        values = _angles(description, values, explanation)
        lips = _STRAIGHT_FACE & ~forced & (values != 0)
        if flags["poker_lips"] and lips.any() and (beside_typed or ((set_mask | (values != read)) & (values != 0) & ~_STRAIGHT_FACE).any()):
            # "head pitch +.25, no expression", "expressionless, she reads the letter": a face said to show nothing beside
            # a typed value or a look is the rest of the face at rest, as beside a movement read from the words
            values[lips] = 0.0
            explanation.append("a face said to show nothing beside a movement: the rest of the face stays at rest")
        values = ch.clamp(self._coherent(values, explanation))
        held = flags["negated"] & (values == 0)
        held |= over & (values == 0)  # what the earlier beats moved and the last does not: no other reading brings it back
        # a look held at rest ("not once does he look down") holds the eyes' look shapes of that axis too, which
        # follow the eye pose: nothing fills them where the words deny the look
        for poses, shapes in _LOOK_SHAPES_OF_AXIS:
            if held[poses].any():
                held |= shapes & (values == 0)
        return Plan(values, _finish_explanation(explanation, values), understood, flags["unknown"], found, beats,
                    held=held if held.any() else None, carried=carried if carried is not None and carried.any() else None)

    def _overall_intensity(self, description: str, bare: bool = False) -> tuple[str, tuple[str, float] | None]:
        """A description without the intensity phrase that closes it ("..., very faintly",
        "(subtle, barely there)", "- hugely exaggerated!"), and (that phrase, its factor on the whole face);
        (description, None) when it ends otherwise. The phrase qualifies every movement before it, not
        only the nearest one. A doubled intensifier split by a comma is one ("brows way, way up": not "brows way" closed
        by "way up"). ``bare``: what the phrase closes may be words-less (the rest of a line of typed values)."""
        description = _DOUBLED_INTENSIFIER_RE.sub(r"\1 \2", description)
        body = description.rstrip(" \t.!?)")
        levels: list[float] = []
        cut = None
        while True:
            seps = list(_OVERALL_SPLIT_RE.finditer(body))
            if not seps:
                break
            last = seps[-1]
            segment = body[last.end():].strip(" .!?)")
            if _MASKING_SEGMENT_RE.match(segment) or _STILL_HALF_RE.match(segment):
                break  # "furious, hiding it": the feeling held in check (text.py); "top half off": half of the face held
            tokens = self._lemmatizer.tokens(segment)
            if not tokens or not all(t.lemma in self._overall_words or t.text in _OVERALL_GLUE for t in tokens):
                break
            if any(t.lemma in _FEELING_NOT_SIZE for t in tokens):
                break  # "he ducks his head, suddenly shy": a feeling that closes the line, not its size
            if _PART_STATE_RE.match(segment) and _BARE_PART_END_RE.search(body[: last.start()]):
                break  # "worried eyes, wide", "the mouth, wide open": said of the part just named, not the whole face
            found = [float(sp.roles["intensity"]) for clause in split_clauses(tokens) for sp in self._matcher.spans(clause)
                     if "intensity" in sp.roles and sp.text not in _OVERALL_GLUE]
            if not found:
                break
            levels.extend(found)
            body = body[: last.start()]
            cut = body
        if cut is None or not (bare or re.search(r"[A-Za-z]", cut)) or not levels:
            return description, None
        level = max(levels, key=lambda x: abs(np.log(max(x, 1e-3) / _OVERALL_PLAIN)))
        factor = float(np.clip(level / _OVERALL_PLAIN, _OVERALL_MIN, _OVERALL_MAX))
        if abs(np.log(factor)) < 0.1:
            return description, None
        return cut, (description[len(cut):].strip(" ,;:-\u2013\u2014(.!?)"), factor)

    def _names_feeling(self, text: str) -> bool:
        """Whether ``text`` names an emotion or an expression of its own (a sound's feeling then stays out)."""
        for clause in split_clauses(self._lemmatizer.tokens(text)):
            for sp in self._matcher.spans(clause):
                key = str(sp.roles.get("expression", ""))
                if key.startswith("emotion_") and key != "emotion_neutral" or key in _SMILE_FAMILY | _WINCES | {"frown", "scowl", "sneer", "glare", "grimace", "cry", "sob", "pout"}:
                    return True
        return False

    def explain(self, description: str, **kwargs) -> list[str]:
        """The explanation lines of :meth:`plan` (for the CLI)."""
        return self.plan(description, **kwargs).explanation

    # ------------------------------------------------------------------ core
    def _last_part(self, text: str) -> str:
        """The last face part a text names ("he shakes his head" -> "head"), or ""."""
        words = {k[0] for k, roles in self._matcher.table.items() if len(k) == 1 and "part" in roles}
        found, before = "", ""
        for tok in self._lemmatizer.tokens(text):
            if tok.lemma in words:
                found = f"{before} {tok.text}" if before in lx.SIDE_WORDS else tok.text  # "left eye"
            if tok.lemma not in FILLER:
                before = tok.lemma
        return found

    def _bare_verb_beat(self, text: str) -> bool:
        """A beat that opens with a movement verb and no subject of its own ("come down and knot", "widens into a
        grin"): no pronoun or expression comes before its first verb, and it names no part at all ("narrows his
        eyes" has its own)."""
        if _SUBJECT_START_RE.match(text) or _HANDS_PARTICLE_RE.match(text):
            return False
        clauses = split_clauses(self._lemmatizer.tokens(text))
        spans = [sp for clause in clauses for sp in self._matcher.spans(clause)]
        return (bool(spans) and "action" in spans[0].roles and not {"part", "expression", "intensity"} & set(spans[0].roles)
                and not any("part" in sp.roles for sp in spans))

    def _says_hold(self, text: str) -> bool:
        return any("hold" in s.roles for clause in split_clauses(self._lemmatizer.tokens(text)) for s in self._matcher.spans(clause))

    def _target_vector(self, concept: lx.Concept) -> np.ndarray:
        v = np.zeros(ch.NUM_CHANNELS)
        for i, value in expand_targets(concept.targets).items():
            v[i] = value
        return v

    def _plan_core(self, text: str, prev: np.ndarray | None, explanation: list[str],
                   context: bool = False, settle_in_place: bool = False) -> tuple[np.ndarray, np.ndarray, _Flags]:
        """Values set by the text itself, the mask of channels it forces to zero, and flags (``context``:
        the text is a script's emotion or background, a list of feelings rather than one face;
        ``settle_in_place``: "the expression settles" lets nothing go, see ``_Flags.face_settles``)."""
        values = np.zeros(ch.NUM_CHANNELS)
        forced = np.zeros(ch.NUM_CHANNELS, dtype=bool)
        negated = np.zeros(ch.NUM_CHANNELS, dtype=bool)
        flags: _Flags = {"hold": False, "neutral": False, "specific": False, "touched": set(), "unknown": [], "clenched": False,
                         "sealed": False, "at_rest": False, "face_settles": False, "shows_nothing": False, "poker_lips": False,
                         "negated": np.zeros(ch.NUM_CHANNELS, dtype=bool), "hold_regions": set()}
        text = _THAT_SIDE_RE.sub(_that_side, text)
        text = _OTHER_PART_RE.sub(_other_part, _THAT_PART_RE.sub(_that_part, text))
        tokens = self._lemmatizer.tokens(text)
        # the checks that read whole phrases ("a polite smile", "brows stay neutral") read them as typed, as normalised
        # (:func:`.text.normalize`: "pls", emoji, rewritten idioms) and with the misspellings the tokens correct
        # ("nervus smile", "brows stay nuetral"): a rule need not be said once for each
        plain = normalize(text)
        fixes = {t.expanded_from: t.lemma for t in tokens if t.expanded_from}
        said = tuple(dict.fromkeys((text, plain, _WORD_RE.sub(lambda m: fixes.get(m.group(0), m.group(0)), plain) if fixes else plain)))
        covered: set[int] = set()
        for tok in tokens:
            if tok.expanded_from:
                explanation.append(f"'{tok.text}' read as '{tok.lemma}' (similarity {tok.similarity:.2f})")
        instances: list[_Instance] = []
        sides: list[str] = []
        direction_part = ""  # the part of the last gaze/head movement, for clauses of bare directions
        last_part = ""  # the last face part named, for clauses whose movement refers back to it
        last_side = ""  # ... and the side word right before it ("her left eye")
        previous_clause: list[_Instance] = []
        pending_size: _Span | None = None  # a clause of intensity words alone, for the next clause's movement
        sentence_ends = [t.position for t in tokens if t.text in (".", "!", "?")]
        for clause in split_clauses(tokens):
            spans = self._matcher.spans(clause)
            for sp in spans:
                if sp.roles.get("neg_before") and clause[sp.end].lemma == "stop" and _stops_someone(tokens, clause[sp.end].position):
                    # "the stiff neck stops him halfway with a wince", "before she could stop it, a smile": stopping
                    # someone or something is no movement ceasing ("stops her grinning" still is)
                    del sp.roles["neg_before"]
            spans = _without_hands_particles(tokens, clause, spans)
            for sp in spans:
                covered.update(t.position for t in clause[sp.start : sp.end + 1])
            if (self._part_missing(spans) or self._pronoun_then_action(clause, spans) or _moves_them(tokens, clause, spans)) and not _opens_reason(
                    tokens, clause[0].position):
                # "she glances away, down and to her left": the directions continue the glance;
                # "his eyes don't widen. They narrow." / "the jaw, which drops": the movement is of
                # the part named just before
                part = direction_part if direction_part and self._bare_directions(spans) else last_part
                side_noun = [sp for k, sp in enumerate(spans) if sp.roles.get("action") == "turn" and sp.text.lower() == "side"
                             and k > 0 and "side" in spans[k - 1].roles]
                only = any(t.text == "only" for t in clause) and len(spans) == 2  # "(left side only)"
                if (not part or only) and side_noun and previous_clause and all(
                        i.concept.region not in ("gaze", "head") for i in previous_clause):
                    # "crooked grin, left side hitched higher": the side of the movement before, not a head turn
                    side = str(spans[spans.index(side_noun[0]) - 1].roles["side"])
                    for inst in previous_clause:  # a one-sided movement without a side yet takes it
                        if not inst.side and (inst.one_sided or inst.concept.sided == "one" or (
                                only and inst.concept.sided == "sym" and not inst.both)):
                            # ("squint (right side only)": every movement named before is on that side alone)
                            inst.side = side
                    sides.append(side)
                    explanation.append(f"'{side} side' names a side of '{previous_clause[0].words}', not a head turn")
                    continue
                if (not part and spans and all(set(sp.roles) <= {"side", "action"} and "side" in sp.roles for sp in spans)
                        and len({sp.roles["side"] for sp in spans}) == 1 and previous_clause
                        and all(i.concept.region not in ("gaze", "head") for i in previous_clause)
                        and any(not i.side and (i.one_sided or i.concept.sided == "one") for i in previous_clause)):
                    # "a single dimple, only on the right": a clause of a side alone places the one-sided movement before
                    side = str(spans[0].roles["side"])
                    for inst in previous_clause:
                        if not inst.side and (inst.one_sided or inst.concept.sided == "one"):
                            inst.side = side
                    sides.append(side)
                    explanation.append(f"'{spans[0].text}' names the side of '{previous_clause[0].words}', not a head turn")
                    continue
                if not part and any(sp.roles.get("action") in ("turn", "tilt") for sp in spans):
                    part = "head"  # "turned right a little": a turn with no part named is the head's
                if part:
                    spans = [_Span(-1, -1, f"({part})", {"part": part})] + spans
                    if part == last_part and last_side and not any("side" in sp.roles for sp in spans):
                        # "her left eye ... it snaps shut": the side comes along with the part
                        spans = [_Span(-2, -2, f"({last_side})", {"side": last_side})] + spans
            flags["face_settles"] |= any("face_settles" in s.roles for s in spans)
            if settle_in_place:
                for sp in spans:
                    if sp.roles.pop("face_settles", False):
                        del sp.roles["neg_after"]
            if any("hold" in s.roles for s in spans):
                flags["hold"] = True
                held_parts = {r for s in spans if "part" in s.roles for r in lx.PART_REGIONS.get(str(s.roles["part"]), ())}
                if any(t.text.lower() in ("rest", "everything", "else", "whole", "all") for t in clause):
                    held_parts = set()  # "she holds the rest", "everything else holds": the whole face
                if flags["hold_regions"] is not None:
                    flags["hold_regions"] = flags["hold_regions"] | held_parts if held_parts else None
            flags["neutral"] |= any("neutral" in s.roles for s in spans) and not any(
                "expression" in s.roles and s.roles["expression"] != "emotion_neutral" for s in spans
            )
            found = self._instances(spans, explanation, clause)
            for inst in found:
                inst.sentence = bisect.bisect_left(sentence_ends, clause[0].position)
            if not found and not context and spans and all(
                    "intensity" in sp.roles and not set(sp.roles) & {"part", "expression", "neg_before", "neg_after"}
                    and self._lemmatizer.phrase(sp.text) not in self._suppress for sp in spans) and all(
                    any(sp.start <= k <= sp.end for sp in spans) or t.lemma in STOP_WORDS or t.lemma in FILLER or not t.text[0].isalpha()
                    for k, t in enumerate(clause)):
                # "an absolutely enormous, face-splitting grin": a clause of size words alone sizes the movement
                # the next clause names
                pending_size = max(spans, key=lambda sp: float(sp.roles["intensity"]))
            elif found and pending_size is not None:
                first = min(found, key=lambda i: i.start)
                if first.intensity is None or first.intensity < float(pending_size.roles["intensity"]):
                    first.intensity, first.intensity_word = float(pending_size.roles["intensity"]), pending_size.text
                pending_size = None
            else:
                pending_size = None
            for neg in [i for i in found if i.negated and i.negation_word.lower() not in _FADES]:
                # "doesn't wince at the pain", "instead of gasping at the jump scare": the feeling named as what the
                # negated movement would answer goes with it
                for inst in found:
                    if (not inst.negated and inst.concept.key.startswith("emotion_") and 0 < inst.start - neg.end <= 3
                            and any(t.text.lower() in _CAUSE_WORDS for t in clause[neg.end + 1 : inst.start])):
                        inst.negated, inst.negation_word = True, neg.negation_word
            found = self._drop_measure_words(found, clause, explanation)
            ear = self._turned_ear(clause)
            for inst in found:
                if ear and inst.concept.key == "head_turn" and inst.side and not inst.negated:
                    # "turns his right ear to the door", "an ear to the noise on her left": the ear goes toward
                    # that side, so the face turns away from it
                    inst.side = "left" if inst.side == "right" else "right"
                    explanation.append(f"'{ear}': the ear turns toward the side named, the face away from it ({inst.side})")
            for inst in found:
                # "the right side of her mouth stretches back in a grimace": the expression that names how a
                # one-sided movement looks is on that side too ("her upper lip rises on the right side in a sneer")
                if (inst.from_expression and inst.concept.sided == "sym" and not inst.side and not inst.both
                        and 0 < inst.start < len(clause) and (pos := clause[inst.start].position) >= 2
                        and tokens[pos - 1].text in ("a", "an") and tokens[pos - 2].text in ("in", "into")):
                    sided = [m for m in found if m is not inst and m.side and not m.from_expression and 0 < inst.start - m.end <= 8]
                    if sided:
                        inst.side = sided[-1].side
            for inst in found:
                if not inst.both and inst.concept.sided == "sym" and inst.start >= 0 and any(
                        t.text.lower() in _ONE_CORNER for t in clause[inst.start : inst.end + 1]):
                    inst.one_sided = True  # "the corner of her mouth curls": one corner, one side
                if inst.concept.key == "dimple" and not inst.both and inst.start >= 0 and clause[inst.start].text.lower() == "dimple":
                    inst.one_sided = True  # "a dimple", "one dimple": a face has two, one of them shows
            if not found and previous_clause and _lost_to_laughter(spans, previous_clause):
                # "howling with laughter, totally gone": the one laughing is gone (helpless with it), not the laugh
                for inst in previous_clause:
                    if inst.concept.key in _LAUGHING:
                        inst.intensity, inst.intensity_word = float(spans[0].roles["intensity"]), spans[0].text
                explanation.append(f"'{spans[0].text} {spans[1].text}' after a laugh: lost to the laugh, not the laugh gone")
            elif not found and previous_clause and any("neg_after" in sp.roles for sp in spans) and not any(
                "part" in sp.roles or "expression" in sp.roles for sp in spans
            ):
                # "She smiles. It fades.": the fading is of the movement just described
                for inst in previous_clause:
                    inst.negated, inst.negation_word = True, next(sp.text for sp in spans if "neg_after" in sp.roles)
            if found:
                previous_clause = found
            instances.extend(found)
            for inst in found:
                if inst.concept.region in ("gaze", "head") and not inst.negated:
                    direction_part = "gaze" if inst.concept.region == "gaze" else "head"
            named = [(sp, str(sp.roles["part"])) for sp in spans if "part" in sp.roles and sp.start >= 0] or [
                (sp, part) for sp in spans if sp.start >= 0 and "expression" in sp.roles
                for part in [_part_opening(sp.text)] if part] or [  # "right eye half shut, left wide open": the phrase's eye
                (sp, part) for sp in spans if sp.roles.get("action") == "locus"
                for part in [_part_opening(sp.text.split(" ")[-1])] if part]  # "the anger is in his eyes. They narrow."
            if named:
                last_part = named[-1][1]
                near = [sp for sp in spans if "side" in sp.roles and 0 <= named[-1][0].start - sp.end <= 2]
                last_side = str(near[-1].roles["side"]) if near else ""
            sides.extend(str(s.roles["side"]) for s in spans if "side" in s.roles)
        if pending_size is not None and previous_clause and float(pending_size.roles["intensity"]) >= _LATE_SIZE_MIN:
            # "a tiny grin, it's enormous": a large size said last, with no movement after it, sizes the movement before
            # (a small one said last is an overall intensity phrase, read as such: "..., just barely")
            size = float(pending_size.roles["intensity"])
            for inst in previous_clause:
                if not inst.negated and (inst.intensity is None or inst.intensity < size):
                    inst.intensity, inst.intensity_word = size, pending_size.text
        flags["unknown"] = self._unknown(tokens, covered)
        instances = self._composite_brows(instances, explanation)
        instances = self._faded_earlier(instances, explanation)
        instances = self._directed_drift(instances, sides, explanation)
        if not any(i.concept.key in _LAUGHS and not i.negated for i in instances) and any(
                i.concept.key in _HAPPY_TEARS and not i.negated for i in instances):
            # "happy tears", "smiling and crying at once": the tears lift the inner brows, the mouth stays the smile's
            for i in instances:
                if i.concept.key in ("emotion_sadness", "cry", "sob") and i.words.lower().startswith(("tear", "cry", "weep", "sob")):
                    i.mouthless = True
        if any(i.concept.key in _LAUGHS and not i.negated for i in instances):
            # "roaring with laughter, tears in his eyes": tears of laughter, not of sadness
            # ("cry-laughing", "laughing so hard she's tearing up"): the crying is the laugh's
            # -- but laughing *through* tears, or laughing and crying at once, is both: the crying's brows and eyes
            # with the laugh's mouth, as for happy tears
            mixed = _says(_MIXED_TEARS_RE, said)
            for i in instances:
                if mixed and i.concept.key in ("emotion_sadness", "cry", "sob") and i.words.lower().startswith(("tear", "cry", "sob", "weep")):
                    i.mouthless = True
            instances = [i for i in instances if mixed or i.negated or not (i.concept.key in ("emotion_sadness", "cry")
                                                                             and i.words.lower().startswith(("tear", "cry")))]
        if any(i.concept.key in _PAINFUL and not i.negated for i in instances):
            dropped = [i for i in instances if i.concept.key in _LAUGHS and _AMBIGUOUS_LAUGH_RE.match(i.words)]
            for i in dropped:
                explanation.append(f"'{i.words}' beside pain, a cough or tears is not a laugh")
                if i.words.lower().startswith("howl"):
                    i.concept = lx.CONCEPTS["howl"]  # "he howls in pain": a wail, not a laugh
            instances = [i for i in instances if i not in dropped or i.concept.key == "howl"]
        closed = [i for i in instances if i.concept.key in ("eyes_close", "blink") and i.side and not i.negated]
        for i in instances:
            if i.concept.key == "wink" and not i.side and closed:
                i.side = closed[0].side  # "he winks -- only his right eye closes": the wink is that eye's
        # (as normalised: "higher than the right" is read as that one raised)
        self._sided_elaborations(instances, explanation, _says(_OTHER_SIDE_NAMED_RE, said) or _says(_SIDES_COMPARED_RE, said[1:] or said))
        self._sentence_side(instances, sides)
        if _says(_LOPSIDED_RE, said):
            self._lopsided_smiles(instances)
        if any(i.concept.key in _ANGRY for i in instances if not i.negated) and not any(
                i.concept.key == "emotion_fear" for i in instances if not i.negated):
            for i in instances:
                if i.concept.key == "scream" and not i.negated:
                    # "fortissimo rage: she screamed as hard as she could": a scream of rage (brows down, the
                    # lids narrowed, the mouth still the scream's), not the scream of fright with its lifted brows and wide eyes
                    i.concept = lx.CONCEPTS["rage_scream"]
                    explanation.append(f"'{i.words}' beside anger is a scream of rage: the brows and lids of anger")
        cold_eyes = (_says(_COLD_EYES_RE, said) or any(i.concept.key == "cheeks_raise" and i.negated for i in instances)) and any(
            i.concept.key in _SMILES | _LAUGHS | {"corners_up"} and not i.negated for i in instances)  # ... "cheeks never lift"
        if cold_eyes:
            # "she smiles, but her eyes stay cold": the eyes take no part in the smile; "cold", "flat" there say
            # so, they are not a second emotion
            instances = [i for i in instances if not (i.concept.key.startswith("emotion_") and i.words in _COLD_WORDS)]
        for k, inst in enumerate(instances):
            if inst.negated and (inst.concept.key == "eyes_open" or (inst.concept.key == "eyes_wide" and "open" in inst.words)) \
                    and inst.negation_word in _NOT_WORDS:
                # "she doesn't open her eyes": they stay closed
                instances[k] = _Instance(lx.CONCEPTS["eyes_close"], inst.start, inst.end, inst.words, side=inst.side,
                                         both=inst.both, one_sided=inst.one_sided)
        gone_smiles = [i for i in instances if i.negated and i.concept.key in _SMILE_FAMILY
                       and i.negation_word.lower().split()[:1] in [[w] for w in _DRAINING_WORDS | _GONE_WORDS]]
        if gone_smiles and not any(not i.negated and i.concept.key in _SMILE_FAMILY for i in instances):
            # "her excitement fizzled -- the smile gone, lips pressed": the smile a happy feeling made is the one said
            # to be gone; the feeling goes with it (its smile, cheeks and bright eyes)
            # and, as when a happy feeling drains away, what is left is a sad face, mild
            for i in list(instances):
                if not i.negated and i.concept.key in _HAPPY_FEELINGS:
                    i.negated, i.negation_word = True, gone_smiles[0].negation_word
                    explanation.append(f"'{gone_smiles[0].words}' {gone_smiles[0].negation_word}: the '{i.words}' that smiled "
                                       "goes with it, leaving a sad face")
                    instances.append(_Instance(lx.CONCEPTS["emotion_sadness"], i.start, i.end,
                                               f"{i.words} {i.negation_word}", intensity=_DRAINED_SADNESS))
        if not context and instances and all(i.negated for i in instances) and any(
                i.concept.key in _HAPPY_FEELINGS and i.negation_word.lower().split()[:1] in [[w] for w in _DRAINING_WORDS] for i in instances):
            # "you could watch the hope drain out of him": what is left is a sad face, not a blank one
            gone = next(i for i in instances if i.concept.key in _HAPPY_FEELINGS)
            instances.append(_Instance(lx.CONCEPTS["emotion_sadness"], gone.start, gone.end,
                                       f"{gone.words} {gone.negation_word}", intensity=_DRAINED_SADNESS))
            explanation.append(f"'{gone.words}' {gone.negation_word}: a happy feeling draining away leaves a sad face")
        denied = [i for i in instances if i.negated and i.denied_before and i.concept.region == "brows"
                  and not i.concept.key.startswith(("emotion_", "relax_"))
                  and i.negation_word.lower() in ("not", "no", "never", "nor", "without")]
        if denied and not _NOBODY_RE.search(text) and not (_HE_RE.search(text) and _SHE_RE.search(text)):
            # "shocked, yes, but not one eyebrow lifts; the surprise lives in his widened eyes": the feeling (and the lids
            # that widen or narrow with it) show everywhere in the sentence but where the text denies the brows'
            # movement; a negation otherwise clears only what nothing else sets. A movement that moves the brows of its
            # own keeps them ("no brow raise, just a knit", "she frowns, but no scowl"); a knit denied leaves the inner
            # lift of worry ("worried, but no furrowed brow"); "no one raises an eyebrow", or a line of two people, is no
            # denial of this face's brows
            for d in denied:
                target = self._targets[d.concept.key]
                mask = _BROW_DOWN.copy() if (target[_BROW_DOWN] > 0).any() else (target != 0) & _BROW_UP
                moved = [i for i in instances if not i.negated and i.sentence == d.sentence
                         and (i.concept.key.startswith("emotion_") or i.concept.region == "eyes")]
                for i in moved:
                    i.withheld = mask if i.withheld is None else i.withheld | mask
                if moved:
                    explanation.append(f"'{d.words}' is denied outright ('{d.negation_word}'): the brows move that way "
                                       f"for none of {', '.join(repr(i.words) for i in moved[:3])}")
        if any(i.concept.key in _OPENINGS and not i.negated for i in instances):
            # "eyes narrow with focus, the lips part": the words open the mouth; a feeling named beside them
            # colours the face but does not press the lips they part
            for i in instances:
                if i.concept.key.startswith("emotion_"):
                    i.unsealed = True
        if any(i.concept.region == "gaze" and not i.negated for i in instances):
            # "head bowed, raising only her eyes": a hung head lowers the eyes only when nothing else says where they look
            for i in instances:
                if i.concept.key == "head_hang":
                    i.concept = lx.CONCEPTS["head_down"]
        social = _says(_SOCIAL_SMILE_RE, said)
        if not social and any(self._warm_smile(i) for i in instances):
            # "grinning, eyes crinkled", "laughing, eyes screwed up": eyes narrowed by a warm smile are the cheeks and
            # lids tightening, not a frown (corpus train: BrowDown 0 in 3 of 4 such lines, mean 0.06, against 0.15-0.2
            # without). Eyes narrowed on purpose ("slit eyes", "a narrow-eyed grin") keep their frown.
            for i in instances:
                if i.concept.key in _SMILE_SQUINTS and not _DELIBERATE_SQUINT_RE.search(i.words):
                    i.browless = True
        if not _ONE_OR_MIDDLE_BROW_RE.search(text) and any(
                i.concept.key in _BROW_RAISES and not i.negated and not i.side and not i.one_sided for i in instances):
            # "eyes squeezed shut, brows climbing", "the lids tighten and the inner brows lift": the brows are said to
            # go up, so the lids and cheeks tighten without the frown a squeeze brings alone (corpus train: BrowDown
            # <= 0.1 in 28 of 36 such lines, mean 0.07; the others raise one brow and lower the other). One brow up
            # ("one brow up, the other squints"), or brows up only in the middle (AU1+4 over shut eyes in pain) keep it.
            for i in instances:
                if i.concept.key in _SMILE_SQUINTS and not i.negated:
                    i.browless = True
        feeling_brows = {m.group(1).lower() for m in _FEELING_BROWS_RE.finditer(text)}
        if feeling_brows:
            # "serious nod, concerned brows", "yelling, big round mouth, worried brows": the feeling named on the brows
            # is what they do (the worried brow: the inner ends up); the lowering or the outer lift another feeling or
            # sound brings goes (train: BrowDown <= 0.05-0.1 in the lines that had one from a second feeling), a frown's too
            # ("sad brows, tiny frown", "smile w sad eyebrows ☹️": BrowDown <= 0.15 in all 7 such train lines)
            for i in instances:
                if not i.negated and i.words.lower() not in feeling_brows and i.concept.region != "brows":
                    i.brows_elsewhere = True
        lopsided = [i for i in instances if not i.negated and not i.both and (
            i.concept.key in _LOPSIDED_SMILES or (i.concept.key in _SMILES | {"corners_up"} and (i.one_sided or i.side))
            or (i.concept.key == "emotion_contempt" and i.concept.sided == "one"))]
        if lopsided:
            # "he smirks, pleased with himself": the feeling shows through the smirk, which keeps its one side;
            # the feeling's own smile lifts the other corner only half as far
            side = lopsided[0].side or lx.DEFAULT_SIDE
            # a smug or sly feeling beside it tints the smile less than a smirk does ("impish glee", "smug satisfaction":
            # the other corner three quarters as high)
            other = _CONTEMPT_OTHER if lopsided[0].concept.key == "emotion_contempt" else _LOPSIDED_OTHER
            for inst in instances:
                if inst.concept.key.startswith("emotion_") and inst.concept.sided == "sym" and not inst.side:
                    inst.smile_side, inst.smile_other = side, other
        hurt = [i for i in instances if not i.negated and not i.both and (i.side or i.one_sided) and i.concept.key in _PAIN_MOVES]
        if hurt:
            # "stung, still smiling, his left eye screwed up", "a one-sided wince from a sore tooth": the pain a word
            # names shows mostly on the side the description gives it, not evenly over the whole face
            side = hurt[0].side or lx.DEFAULT_SIDE
            for inst in instances:
                if inst.concept.key == "emotion_pain" and not inst.negated and not inst.side and not inst.both:
                    inst.pain_side = side
        blank = [i for i in instances if i.concept.key == "shows_nothing" and not i.negated]
        if blank:
            flags["shows_nothing"] = True  # (and no colour from the script's emotion: the face shows nothing)
        moving = any(not i.negated and i.concept.key not in _STRAIGHT_FACES for i in instances)
        if blank and (moving or _says(_NOTHING_EXCEPT_RE, said)):
            # "expressionless except for a tic under one eye", "head tilts left, no reaction": beside a movement, a face
            # said to show nothing is the rest of the face at rest, not the lips set of a poker face it is alone
            # (train: MouthPress <= 0.05-0.1 in every such line)
            instances = [i for i in instances if i not in blank]
            explanation.append(f"'{blank[0].words}' beside {'a movement' if moving else 'an exception'}: the rest of the face stays at rest")
        elif blank:
            flags["poker_lips"] = True
        for inst in blank:
            inst.intensity = None  # "totally expressionless" is no harder a press of the lips
        for inst in instances:
            self._apply(inst, values, forced, negated, prev, explanation)
            flags["specific"] = True
            flags["touched"].update(self._regions(inst))
        self._lids_under_high_brows(instances, values, text, explanation)
        self._named_lids_win(instances, values, explanation)
        self._named_brows_win(instances, values, text, explanation)
        self._named_mouth_win(instances, values, explanation)
        self._denied_knit(instances, values, forced, explanation)
        if _NOTHING_ELSE_RE.search(text):
            self._nothing_else(instances, values, forced, explanation, flags)
        if _says(_GIVE_AWAY_RE, said):
            # "he bit his lip to kill the smile, but his cheeks gave him away": the lips hold the smile back, the
            # cheeks and lids named as giving it away show it as it is
            for inst in instances:
                if (not inst.negated and inst.concept.key in _SUPPRESSIBLE
                        and self._lemmatizer.phrase(inst.intensity_word or "") in self._suppress):
                    shown = self._targets[inst.concept.key] * inst.concept.default
                    values[_DUCHENNE] = np.maximum(values[_DUCHENNE], shown[_DUCHENNE])
                    explanation.append("the cheeks and eyes give the held-back smile away: they show it in full")
                    break
        values[forced] = 0.0
        put_on = social or (
            bool(_STRETCHED_SMILE_RE.search(text)) and not _WARM_CHEEKS_RE.search(text) and not _EAR_TO_EAR_RE.search(text)
            and not any(i.concept.key in _LAUGHS - _SMILES and not i.negated for i in instances))
        if not cold_eyes and put_on and any(
                i.concept.key in _SMILES | _LAUGHS and not i.negated for i in instances):
            values[_CHEEKS & ~self._own_cheeks(instances)] *= _SOCIAL_CHEEKS
            explanation.append(f"a social smile (polite, nervous, forced ...): the cheeks stay out of it, x{_SOCIAL_CHEEKS:g}")
            flags["touched"].add("cheeks")
        elif not cold_eyes and self._smile_under_sad_brow(instances, text):
            # "a small smile, brows up in the middle", "smiling for the photo under a worried brow": a smile put on
            # over the feeling the brow gives away
            values[_CHEEKS] *= _SOCIAL_CHEEKS
            explanation.append(f"a smile under a sad or worried brow is put on: the cheeks stay out of it, x{_SOCIAL_CHEEKS:g}")
            flags["touched"].add("cheeks")
        if cold_eyes:
            # eyes narrowed on purpose ("his eyes narrow and stay cold") keep their squint; only the smile's goes
            own_eyes = any(i.concept.region == "eyes" and not i.negated and not i.concept.key.startswith("emotion_") for i in instances)
            # a lift denied in so many words ("no cheek lift", "no crinkle at all", "the eyes don't join in") leaves none
            share = 0.0 if _says(_NO_CHEEKS_AT_ALL_RE, said) or any(
                i.concept.key in ("cheeks_raise", "eyes_crinkle") and i.negated for i in instances) else _COLD_EYES_SHARE
            values[_CHEEKS if own_eyes else _DUCHENNE] *= share
            explanation.append(f"the eyes stay out of the smile (cold, flat or not crinkling): cheeks and lids x{share:g}")
            flags["touched"].update({"eyes", "cheeks"})  # read: the eyes and cheeks stay (mostly) still
        live = {i.concept.key for i in instances if not i.negated}
        if not context and any(i.negated and self._straight_face(i) for i in instances) and not any(
                self._regions(i) & {"mouth"} for i in instances if not i.negated):
            # "no smile", "he never once smiles", "not amused", "her smile dies": a straight face holds the lips lightly
            # together (AU24; train: press >= 0.1 in 57% of smiles that fade or die, 67% of "not amused/pleased")
            press = self._targets["lips_press"] * _STRAIGHT_FACE_PRESS
            take = np.abs(press) > np.abs(values)
            values[take] = press[take]
            forced &= ~take
            flags["touched"].add("mouth")
            explanation.append(f"a smile or laugh that does not come: the lips held lightly together (lips press x{_STRAIGHT_FACE_PRESS})")
        if live & _SMILES and live & _LIP_SEALS:
            self._shut |= _MOUTH_OPENERS  # "he grins with his lips shut": a closed-mouth grin
        elif "lips_close" in live:  # the lips meet even if the jaw drops behind them (MouthClose follows JawOpen)
            values[_IDX["MouthClose"]] = max(values[_IDX["MouthClose"]], values[_IDX["JawOpen"]])
            lips = _MOUTH_OPENERS & ~(np.arange(ch.NUM_CHANNELS) == _IDX["JawOpen"])
            values[lips] = np.minimum(values[lips], 0.03)
        flags["sealed"] = bool(live & (_LIP_SEALS | {"lips_tighten"})) and not live & _OPENINGS
        flags["at_rest"] = "emotion_calm" in live
        if not live & _CHIN_MOVES and not _says(_HELD_BACK_CRY_RE, said) and any(
                i.negated and _DENIED_CRY_RE.search(i.words) for i in instances):
            # "crying? no. lips pressed", "no tears, just a firm press of the lips": the chin that would bunch is the
            # crying chin, and it is denied with the tears; the pressed lips keep no chin raise of their own
            values[_CHIN] = np.minimum(values[_CHIN], 0.03)
            forced[_CHIN] = True
            explanation.append("a cry denied: the chin stays (MouthShrugLower/Upper <= 0.03)")
        if live & _SMILES and live & _SAD_FEELINGS and not live & {"corners_down", "mouth_frown", "frown"}:
            # "a brave smile over obvious heartbreak": the corners cannot go up and down at once; the smile asked holds
            # them and the sadness shows in the brows and eyes
            values[_FROWN] *= _FROWN_UNDER_SMILE
        if live & _SMILES and live & (_OPENINGS | {"teeth_bared"}) and not live & (_LIP_SEALS | {"lips_tighten"}):
            values[_PRESS] = 0.0  # "a smile with the lips apart": the smile's lips do not rest together
        if live & _CLENCHES and not live & _OPENINGS:
            # "through clenched teeth": the jaw stays shut whatever else would open it (the lips may still part)
            values[_IDX["JawOpen"]] = min(values[_IDX["JawOpen"]], _CLENCHED_JAW)
            flags["clenched"] = True
        if self._shut.any():
            values[self._shut] = np.minimum(values[self._shut], 0.03)
            self._shut[:] = False
        if values[_IDX["EyeWideLeft"]] >= 0.3 and any(i.concept.key in _SMILES and not i.negated for i in instances):
            values[_DUCHENNE] *= 0.3  # a smile under widened eyes is the mouth's alone
        looks = [i for i in instances if i.concept.key == "gaze_camera" and not i.negated]
        if looks:
            # "chin up, eyes straight ahead": the eyes look straight out of the tipped face (train: no eye pitch against
            # a lifted chin); only a camera, lens or viewer named holds them on it against the head's pitch
            self._eyes_to_camera(values, explanation, hold_pitch=not all(_STRAIGHT_AHEAD_RE.search(i.words) for i in looks))
        if not context:
            self._still_parts(said, instances, values, forced, negated, flags, explanation)
            self._side_not_gaze(instances, negated, explanation)
        # A negated movement clears only what nothing else in the description sets: in "the laugh
        # fades into a broad smile" the smile named after the negation stays.
        forced |= negated & (values == 0)
        flags["negated"] = negated & (values == 0)
        return values, forced, flags

    def _own_cheeks(self, instances: list[_Instance]) -> np.ndarray:
        """The cheek channels that a movement on one side of the face lifts, other than a smile or laugh ("grinning for
        the kids, only the right side of his face crumples"): a social smile keeps out only its own cheeks."""
        own = np.zeros(ch.NUM_CHANNELS, dtype=bool)
        for i in instances:
            if (not i.negated and i.side and i.concept.key not in _SMILES | _LAUGHS | _HAPPY_FEELINGS
                    and (self._targets[i.concept.key][_CHEEKS] >= _OWN_CHEEKS).any()):
                own |= _CHEEKS & ~_OTHER_SIDE[i.side]
        return own

    def _straight_face(self, inst: _Instance) -> bool:
        """A negated smile, laugh or amusement that leaves a straight face: denied ("no smile", "not amused",
        "doesn't so much as smirk", "fails to smile") or gone ("her smile dies", "the grin fades")."""
        word = inst.negation_word.lower()
        if inst.concept.key in ("emotion_happiness", "emotion_elation"):
            return word in _STRAIGHT_FACE_NEGATORS
        # (the verb of a phrase too: "the smile drains out of him", "the grin melts away", "the smile is gone")
        return inst.concept.key in _SUPPRESSIBLE and (word in _STRAIGHT_FACE_NEGATORS
                                                      or any(self._lemmatizer.base(w) in _SMILE_GOES for w in word.split()))

    def _still_parts(self, said: tuple[str, ...], instances: list[_Instance], values: np.ndarray, forced: np.ndarray, negated: np.ndarray,
                     flags: _Flags, explanation: list[str]) -> None:
        """A part said to stay still ("brows not moving", "the brows stay neutral", "the rest of the face stays
        dead") is held at rest: what an expression elsewhere would add there goes, and nothing fills it. ``said``: the
        readings of the text (as typed, normalised, with corrected misspellings); any of them may say it."""
        regions: set[str] = set()
        mask = np.zeros(ch.NUM_CHANNELS, dtype=bool)
        for text, m in ((t, m) for t in said for m in _STILL_PART_RE.finditer(t)):
            if not (m.group("part3") or m.group("part4") or m.group("part5") or m.group("part7")) and _OTHER_THAN_RE.search(text[max(0, m.start() - 30) : m.start()]):
                # (a match opening on its verb, "but keeps her brows still", has no "everything but" before its part)
                continue  # "everything below the brows stays still": the brows are what moves
            if m.group("part9") and not _SMILE_BEFORE_RE.search(text[max(0, m.start() - 60) : m.start()]):
                continue  # "the yawn never reaches his mouth - lips sealed": the mouth is held shut, not at rest
            one = np.ones(ch.NUM_CHANNELS, dtype=bool)
            if m.group("rest"):
                moving = {r for i in instances if not i.negated for r in self._regions(i)}
                if not moving:
                    continue  # "mouth folded away, the rest of her face blank": what moves was not read here
                named = set(_ALL_REGIONS) - moving - {"gaze", "head"}
            else:
                listed = next(m.group(g) for g in ("part", "part2", "part3", "part4", "part5", "part6", "part7", "part8", "part9")
                              if m.group(g))
                if "," in listed and not _LIST_START_RE.search(text[: m.start()]):
                    listed = listed.rsplit(",", 1)[1]  # "a frown on the mouth, brows and eyes dead": the mouth is the item before
                words = re.findall(_STILL_PARTS, listed, re.I)
                if re.search(r"\b(?:barely|hardly|scarcely)\b", m.group(0), re.I):
                    # "mouth barely moving" as she whispers or smiles: a small movement; only other parts are held
                    words = [w for w in words if w.lower() not in ("mouth", "lips", "jaw")]
                named = {r for w in words for r in lx.PART_REGIONS.get(lx.PARTS.get(self._lemmatizer.base(w.lower()), ""), ())}
                side = _SIDE_BEFORE_RE.search(text[max(0, m.start() - 30) : m.start()])
                if m.group("part8") and not side:
                    continue  # "her mouth stays flat" as a whole is a straight, lightly pressed mouth (train, dev)
                if side:  # "right brow hoisted, left brow staying put": that side of the part only
                    one = np.array([c.side == side.group(1).lower() for c in ch.CHANNELS])
            if m.group("way5"):
                # "no brow raise, just a deep scowl", "glare from the lids, no brow furrow": the brows are held from that
                # way only (a scowl still lowers them; a glare's lowering goes); they count as read
                one = one & (_BROW_UP if m.group("way5").lower() in ("lift", "raise") else _BROW_DOWN)
                regions |= named
            if one.all():  # a part held whole is read; one side held leaves the other side to be read
                regions |= named
            for r in named:
                mask |= _REGION_MASKS[r] & one
        for _, _, half_regions in (h for t in said for h in still_halves(t)):  # "lower face neutral", "upper half dead"
            regions |= set(half_regions)
            for r in half_regions:
                mask |= _REGION_MASKS[r]
        for m in (m for t in said for m in _ONLY_PART_RE.finditer(t)):
            # "upper face only: worried", "only the mouth": every other part of the expression stays at rest
            # (not where the eyes look or the head turns)
            half = (m.group("half") or m.group("half2") or "").lower()
            if half:
                kept = set(_HALVES[half])
            else:
                part = lx.PARTS.get(self._lemmatizer.base((m.group("part") or m.group("part2")).lower()), "")
                kept = set(lx.PART_REGIONS.get(part, ()))
            if "eyes" in kept:
                if any(i.concept.region == "gaze" and not i.negated for i in instances):
                    continue  # "raises only his eyes to her": the look, not the head, moves
                kept.add("cheeks")  # "amusement in the eyes only": the cheeks lift with the eyes' smile
            if not kept or not any(self._regions(i) & kept for i in instances if not i.negated):
                continue  # nothing moves in the part named: 'only' says something else here
            held = set(_ALL_REGIONS) - kept - {"gaze", "head"}
            if any(self._regions(i) & held and not i.concept.key.startswith("emotion_") for i in instances if not i.negated):
                continue  # a part outside it is said to move too ("calm smile, only the eyes wide"): not a restriction
            regions |= held
            for r in held:
                mask |= _REGION_MASKS[r]
        if not mask.any():
            return
        values[mask] = 0.0
        forced |= mask
        negated |= mask
        flags["touched"].update(regions)
        shown = [r if r in regions else f"{r} ({'left' if (mask & _REGION_MASKS[r] & _OTHER_SIDE['right']).any() else 'right'} side)"
                 for r in sorted(_REGION_MASKS) if (mask & _REGION_MASKS[r]).any()]
        explanation.append(f"said to stay still: {', '.join(shown)} held at rest")

    @staticmethod
    def _side_not_gaze(instances: list[_Instance], negated: np.ndarray, explanation: list[str]) -> None:
        """A side word that names the side of a face part ("the left eye narrows", "right corner pulls down")
        is not a direction: with no gaze or head movement read, the eyes and head do not turn that way."""
        sided = [i for i in instances if not i.negated and (i.side or i.one_sided) and i.concept.sided != "dir"
                 and i.concept.region not in ("gaze", "head")]
        if not sided or any(i.concept.region in ("gaze", "head") for i in instances if not i.negated):
            return
        negated |= _SIDEWAYS
        explanation.append(f"'{sided[0].words}' names a side of the face, not a direction: the eyes and head do not turn")

    @staticmethod
    def _directed_drift(instances: list[_Instance], sides: list[str], explanation: list[str]) -> list[_Instance]:
        """"Her gaze drifts downward", "eyes wander to the floor": a drifting gaze whose words name where it goes,
        up or down, goes there; the drift is not also a sideways look on the default side (no side word named)."""
        if sides:
            return instances
        vertical = [i for i in instances if i.concept.key in _VERTICAL_GAZE and not i.negated]
        if not vertical:
            return instances
        kept = []
        for inst in instances:
            if (inst.concept.key == "gaze_right" and not inst.side and not inst.negated
                    and any(w.startswith(_DRIFT_STEMS) for w in inst.words.split())
                    and any(abs(v.start - inst.start) <= 8 for v in vertical)):
                explanation.append(f"'{inst.words}' goes where '{vertical[0].words}' says, not to a side")
                continue
            kept.append(inst)
        return kept

    def _faded_earlier(self, instances: list[_Instance], explanation: list[str]) -> list[_Instance]:
        """"She smiles at the photo ... her smile fades": the movement that fades is the one named before
        it, in an earlier clause too; that earlier mention is dropped (a smile family counts as one)."""
        out = list(instances)
        for k, inst in enumerate(instances):
            faded = inst.negated and self._lemmatizer.phrase(inst.negation_word) in self._fading
            weakened = inst.comparative == _LESS and self._lemmatizer.phrase(inst.comparative_word.split(" ")[0]) in self._fading
            if not (faded or weakened):  # "... the smile fades (a little)"
                continue
            family = _SMILE_FAMILY if inst.concept.key in _SMILE_FAMILY else {inst.concept.key}
            for earlier in instances[:k]:
                if not earlier.negated and earlier.concept.key in family and earlier in out:
                    out.remove(earlier)
                    explanation.append(f"'{inst.words} {inst.negation_word or inst.comparative_word}': the '{earlier.words}' named before is the one that fades")
        return out

    @staticmethod
    def _eyes_to_camera(values: np.ndarray, explanation: list[str], hold_pitch: bool = True) -> None:
        """Eyes on the camera while the head is turned or tipped: the eyes turn back against the head."""
        yaw, pitch = values[_IDX["HeadYaw"]], (values[_IDX["HeadPitch"]] if hold_pitch else 0.0)
        if abs(yaw) < 0.02 and abs(pitch) < 0.02:
            return
        for eye in ("LeftEye", "RightEye"):
            values[_IDX[eye + "Yaw"]] = float(np.clip(-yaw, -0.45, 0.45))
            values[_IDX[eye + "Pitch"]] = float(np.clip(-pitch, -0.35, 0.35))
        explanation.append(f"eyes on the camera with the head turned: eye yaw {-yaw:+.2f}, pitch {-pitch:+.2f} against the head")

    @staticmethod
    def _part_missing(spans: list[_Span]) -> bool:
        """A clause with a movement word but no part and no expression of its own ("they narrow")."""
        return any("action" in s.roles for s in spans) and not any("part" in s.roles or "expression" in s.roles for s in spans)

    @staticmethod
    def _pronoun_then_action(clause: list[Token], spans: list[_Span]) -> bool:
        """A clause that opens with a pronoun and a movement word, with no part named ("the eyes, which widen and don't
        blink", "they narrow, then a glare"): the movement is the part's named before, whatever expression follows."""
        if not clause or clause[0].text.lower() not in ("which", "that", "they", "it") or any("part" in s.roles for s in spans):
            return False
        first = next((s for s in spans if "action" in s.roles or "expression" in s.roles), None)
        return first is not None and "expression" not in first.roles and first.start <= 5 and all(
            set(s.roles) <= {"intensity", "more", "less"} for s in spans if s.start < first.start)

    @staticmethod
    def _bare_directions(spans: list[_Span]) -> bool:
        """A clause made only of direction words ("down and to the left"), no part or expression."""
        if not spans or any("part" in s.roles or "expression" in s.roles for s in spans):
            return False
        return any(s.roles.get("action") in _DIRECTION_ACTIONS or "side" in s.roles for s in spans) and all(
            s.roles.get("action") in _DIRECTION_ACTIONS or set(s.roles) & {"side", "intensity", "both", "one_sided"}
            for s in spans
        )

    def _composite_brows(self, instances: list[_Instance], explanation: list[str]) -> list[_Instance]:
        """Brows that both lift and draw together ("the inner brows pull together and up") make the
        grief/fear brow, FACS AU1+4: the inner brows rise high, the lowering is slight."""
        up = [i for i in instances if i.concept.key in _BROW_RAISES and not i.negated]
        down = [i for i in instances if i.concept.key in _BROW_LOWERS and not i.negated]
        if not up or not down:
            return instances
        r, d = up[0], down[0]
        if r.side and d.side and r.side != d.side:
            return instances  # "left brow up, right brow down": one brow each way, not the grief brow
        key = "brows_grief_" + r.concept.key
        concept = self._composites.get(key)
        if concept is None:
            targets = {**r.concept.targets, "BrowInnerUp": 1.0, "BrowDown{S}": _GRIEF_BROW_DOWN}
            if "BrowOuterUp{S}" in targets:  # the frontalis' outer part lifts less when the corrugator pulls
                targets["BrowOuterUp{S}"] = 0.4 * targets["BrowOuterUp{S}"]
            concept = lx.Concept(key, targets, "brows", r.concept.default, "sym", "inner brows up and together (AU1+4)")
            self._composites[key] = concept
            self._targets[key] = self._target_vector(concept)
        merged = _Instance(concept, min(r.start, d.start), max(r.end, d.end), f"{r.words}, {d.words}")
        for src in (d, r):  # the raise's modifiers win
            for name in ("intensity", "intensity_word", "comparative", "comparative_word", "side", "both"):
                value = getattr(src, name)
                if value:
                    setattr(merged, name, value)
        explanation.append(f"'{r.words}' with '{d.words}': the brows lift and draw together -> AU1+4 brow")
        return [merged] + [i for i in instances if i is not r and i is not d]

    def _unknown(self, tokens: list[Token], covered: set[int]) -> list[str]:
        """Written words that are neither matched, nor known to the lexicon, nor function words."""
        out: list[str] = []
        for tok in tokens:
            if tok.position in covered or tok.expanded_from or not tok.text[0].isalpha():
                continue
            if tok.lemma in self._lemmatizer.known or tok.lemma in STOP_WORDS or tok.lemma in FILLER or tok.text in CLAUSE_BREAKS:
                continue
            if tok.text not in out:
                out.append(tok.text)
        return out

    @staticmethod
    def _sentence_side(instances: list[_Instance], sides: list[str]) -> None:
        """A one-sided movement, or a gaze/head movement with no direction, takes the description's
        only side word ("She winks, right eye shut"; "a sideways glance, eyes sliding to her right")."""
        if len(set(sides)) != 1:
            return
        turns = any(i.concept.sided == "dir" for i in instances)
        for inst in instances:
            if (inst.concept.sided in ("one", "dir") or (inst.one_sided and not inst.both and not turns)) and not inst.side:
                # ... and one made one-sided by its words ("a single dimple, only on the right"), unless a glance or a
                # turn is there to own the side word
                inst.side = sides[0]

    def _lopsided_smiles(self, instances: list[_Instance]) -> None:
        """"'Ha!' -- scornful, lopsided", "a mocking laugh, one corner of the mouth higher": the text says the mouth is
        lopsided, so a smile or laugh read beside the one-sided movement favours its side (the other corner lifts half
        as far). Apart from the later tint of feelings beside a smirk: any one-sided movement of the mouth leads here
        ("a lopsided affectionate smile": the feeling the word made one-sided), but only where the words say lopsided."""
        lop = next((i for i in instances if not i.negated and (i.one_sided or i.concept.sided == "one") and "mouth" in self._regions(i)), None)
        if lop is None:
            return
        for inst in instances:
            if inst is not lop and inst.concept.key in _SMILE_FAMILY and not (inst.side or inst.both or inst.one_sided or inst.negated):
                inst.smile_side = lop.side or lx.DEFAULT_SIDE  # the other corner lifts half as far

    @staticmethod
    def _sided_elaborations(instances: list[_Instance], explanation: list[str], sides_said: bool) -> None:
        """"He sneers, upper lip curling on the left": a movement named on one side beside a movement of both sides
        (or of one side not named) with the same main channel (the sneer's lifted upper lip) says on which side that
        movement is: the sneer is the left one, and "🤨 ... right eyebrow up" raises the right brow. A smile so
        elaborated ("she smiles, left corner up") favours that side, the other corner lower. Not a comparison ("the
        left corner higher", read as the two corners' levels), nor a movement whose main channel is another (a wince
        beside "right eye shut" is the pain of both eyes, one shut), nor where the words say what the other side does
        or compare the sides (``sides_said``: "that eye squeezed shut, the other one blinking", "the right eye shut
        tightest"), unless the movement is one-sided anyway ("🤨 right brow up, the left one down")."""
        for b in instances:
            if b.negated or not b.side or b.comparative or b.from_expression or b.concept.sided != "sym":
                continue
            top = _main_channel(b.concept)
            for a in instances:
                if (a is b or a.negated or a.side or a.both or a.one_sided or a.smile_side
                        or a.concept.region != b.concept.region or a.concept.key == b.concept.key or a.concept.sided not in ("sym", "one")):
                    continue
                if _main_channel(a.concept) != top or (sides_said and a.concept.sided == "sym"):
                    continue
                if a.concept.key in _SMILE_FAMILY and a.concept.sided == "sym":
                    a.smile_side = b.side
                else:
                    a.side = b.side
                explanation.append(f"'{b.words}' on the {b.side} says the side of '{a.words}'")

    def _denied_knit(self, instances: list[_Instance], values: np.ndarray, forced: np.ndarray, explanation: list[str]) -> None:
        """"narrows his eyes without any knitting of the brows", "squinting, but no frown": a knit or a frown denied leaves
        the brows level, whatever lowering another movement brings with it (a squint, a narrowing, a tightened jaw);
        a movement that lowers the brows of its own (a frown, a scowl, a glare, a wince) keeps it (train: BrowDown <= 0.05 on such lines)."""
        if not values[_BROW_DOWN].any():
            return
        denied = [i for i in instances if i.negated and i.concept.key in _KNITS]
        if not denied or any(not i.negated and (i.concept.key in _OWN_BROW_LOWERERS or i.concept.region in ("brows", "face"))
                             for i in instances):
            return
        values[_BROW_DOWN] = 0.0
        forced[_BROW_DOWN] = True
        explanation.append(f"'{denied[0].words}' denied: the brows stay level under the other movements")

    @staticmethod
    def _regions(inst: _Instance) -> set[str]:
        if inst.concept.region == "face":
            return {"brows", "eyes", "mouth", "cheeks", "nose"}
        if inst.negated and inst.concept.key in _DENIED_FROWN_REGIONS:
            # "it isn't a frown", "not scowling": a frown is the brows as much as the mouth, and both are read, at rest
            # (a denied cry or sob is not: "he isn't crying, it's the pollen" leaves the eyes and nose to the rest)
            return set(_DENIED_FROWN_REGIONS[inst.concept.key])
        return {inst.concept.region}

    def _instances(self, spans: list[_Span], explanation: list[str], clause: list[Token] | None = None) -> list[_Instance]:
        """Movements of one clause (part+action pairs and expression words) with their modifiers."""
        used: set[int] = set()
        instances: list[_Instance] = []
        parts = [(k, s) for k, s in enumerate(spans) if "part" in s.roles]
        # Expression words first, unless a nearby part turns the word into a part movement ("brows frown").
        # A bare side word ("eyes left") is a movement only when the clause has no other movement;
        # otherwise it is the side of that movement ("winks the right eye").
        order = [k for k, s in enumerate(spans) if s.roles.get("action") != "side"]
        order += [k for k, s in enumerate(spans) if s.roles.get("action") == "side"]
        paired: dict[int, int] = {}  # action span -> the part span it paired with
        looks = frozenset(sp.start for sp in spans if "expression" in sp.roles and not {"action", "part"} & set(sp.roles)
                          and not str(sp.roles["expression"]).startswith("emotion_"))  # a look, not a feeling ("wide frightened eyes")
        for k in order:
            s = spans[k]
            just_after_part = k > 0 and "part" in spans[k - 1].roles and s.start - spans[k - 1].end == 1 and spans[k - 1].start >= 0
            if "action" in s.roles and not (s.roles["action"] == "side" and instances and not just_after_part):
                # "cocks his left brow and cuts his eyes right": a side word right after a part ("eyes right") is
                # that part's movement even beside another one
                pair = self._nearest_part(s, parts, clause, looks)
                if pair is not None and self._own_subject_verb(spans, k, pair[0]):
                    pair = None
                if pair is None and k > 0 and (k - 1) in paired and s.start - spans[k - 1].end <= 2 and s.roles["action"] != "thing_down":
                    # "the inner brows pull together and up": a second movement word joined to the first
                    pk = paired[k - 1]
                    key = lx.RULES.get((spans[pk].roles["part"], s.roles["action"]))
                    pair = (pk, key) if key else None
                if pair is not None:
                    pk, concept_key = pair
                    p = spans[pk]
                    if concept_key == "corners_up" and p.text.lower() == "lip":
                        concept_key = "upper_lip_raise"  # "lip lifts", "lip curled up": one lip, the upper (AU10), not a smile
                    start, end = min(p.start, s.start), max(p.end, s.end)
                    words = f"{p.text} .. {s.text}" if p.start < s.start else f"{s.text} .. {p.text}"
                    vague = s.roles["action"] in _VAGUE_ACTIONS and p.roles["part"] not in ("upper_lip", "lower_lip")
                    instances.append(_Instance(lx.CONCEPTS[concept_key], start, end, words, vague=vague,
                                               scale=_ACTION_SCALE.get(str(s.roles["action"]), 1.0)))
                    used.update((k, pk))
                    paired[k] = pk
                    joined = self._joined_part(spans, pk, clause)
                    if joined is not None and joined not in used and p.start < s.start:
                        # "head and eyes snap to her left", "her eyes and chin rise": parts joined by 'and' share the verb
                        q = spans[joined]
                        key = lx.RULES.get((q.roles["part"], s.roles["action"])) or lx.RULES.get(
                            (q.roles["part"], lx.ACTION_FALLBACK.get(str(s.roles["action"]), "")))
                        if key is not None and key != concept_key:
                            instances.append(_Instance(lx.CONCEPTS[key], min(q.start, s.start), max(q.end, s.end),
                                                       f"{q.text} .. {s.text}", vague=vague,
                                                       scale=_ACTION_SCALE.get(str(s.roles["action"]), 1.0)))
                            used.add(joined)
                    continue
            if "expression" in s.roles and self._is_modifier_here(spans, k):
                continue
            if "expression" in s.roles and s.roles.get("intensity") is not None and self._manner(s, instances):
                continue  # "the lips press together with visible tension": how, not a second expression
            if "expression" in s.roles:
                key = s.roles["expression"]
                if key == "innocent_look" and s.text.lower().endswith("ly"):
                    continue  # "brows up innocently", "whistling innocently": the manner of another movement, not the look
                inst = _Instance(lx.CONCEPTS[key], s.start, s.end, s.text, from_expression=True)
                if key.startswith("emotion_"):
                    from .facs import EMOTION_WORDS

                    word = self._lemmatizer.base(s.text) if " " not in s.text else s.text
                    inst.scale = EMOTION_WORDS.get(word, EMOTION_WORDS.get(s.text, ("", 1.0)))[1]
                    if key == "emotion_neutral":
                        continue
                instances.append(inst)
                used.add(k)
        instances = self._merge(self._drop_brow_tilts(self._drop_pitch_tilts(self._drop_vague(instances))))
        for inst in instances:
            if inst.concept.key in ("jaw_open", "mouth_open") and _FLOOR_RE.search(inst.words):
                inst.concept = lx.CONCEPTS["jaw_drop_full"]  # "his jaw dropped to his knees": as far as a jaw goes
        if not instances:
            self._reset_parts(spans, parts, instances)
        self._attach_modifiers(spans, used, instances, clause)
        return instances

    @staticmethod
    def _nothing_else(instances: list[_Instance], values: np.ndarray, forced: np.ndarray, explanation: list[str],
                      flags: _Flags) -> None:
        """"hiccup -- brows jump, nothing else moves", "eyes widen and nothing else": only the regions of the face that
        the description moves keep their values: a part named with its movement, the regions a named look moves by
        :data:`_DEFINING` or more (a grin its cheeks, a sneer its nose, a laugh its eyes). What a template adds beyond
        that stays at rest (the brows that widening eyes bring, a pout's brows), and so does a feeling's colour ("guilty.
        eyes close. nothing else", "thinking it over, her jaw slides; nothing else moves": train, the other regions at
        rest in every such line) and a reflex filed under one region that moves another most (a hiccup's jaw and wide
        eyes, see _own_region) beside parts that say what it does. The head and the look are posture, not the face,
        and keep theirs."""
        live = [i for i in instances if not i.negated and not i.concept.key.startswith("emotion_")]
        named = {r for i in live if not i.from_expression for r in EmbeddedPlanner._regions(i)}
        for i in live:
            if i.from_expression and _own_region(i.concept):
                named |= {_REGION_OF_CHANNEL[k] for k, x in expand_targets(i.concept.targets).items() if abs(x) >= _DEFINING}
                named.add(i.concept.region)
        named &= set(_REGION_MASKS)
        if not named:
            return
        flags["touched"].update(_FACE_REGIONS)  # the rest of the face is said to be still: no feeling colours it
        if named & {"eyes", "gaze"}:
            named |= {"eyes", "gaze"}  # the lids follow a look, and a look is the eyes'
        kept = np.any([_REGION_MASKS[r] for r in named | {"head", "gaze"}], axis=0)
        if "nose" in named:
            kept |= _UPPER_LIP  # a wrinkled nose pulls the upper lip up with it (AU9 with AU10)
        still = ~kept
        if not np.any(values[still]):
            return
        values[still] = 0.0
        forced |= still
        explanation.append(f"nothing else moves: only the {', '.join(sorted(named - {'gaze'}))} (the rest of the face at rest)")

    @staticmethod
    def _lids_under_high_brows(instances: list[_Instance], values: np.ndarray, text: str, explanation: list[str]) -> None:
        """Brows raised as far as they go ("to the hairline", "hit the ceiling") lift the upper lids with them,
        AU1+2 at its top pulling AU5 (corpus train: EyeWide >= 0.15 in 29 of 38 such lines, mean 0.38), unless
        the description says what the eyes do, smiles, or says that only the brows move."""
        if _ONLY_THESE_RE.search(text) or _EYES_NAMED_RE.search(text) or not any(
                i.concept.key == "brows_raise" and not i.negated and not i.side and not i.one_sided
                and _HEIGHT_WORD_RE.search(i.intensity_word or "") for i in instances):
            return  # only a height said in words ("to the hairline", "so high"), not a capitalised 'very'
        if any((i.concept.region == "eyes" or i.concept.key in _SMILES | _LAUGHS) and not i.negated for i in instances):
            return  # the eyes' own movement, or a smile's, which keeps the lids to itself
        top = float(min(values[_OUTER_BROWS]))
        if top < _HIGH_BROWS:
            return
        values[_EYES_WIDE] = np.maximum(values[_EYES_WIDE], _HIGH_BROW_LIDS * top)
        explanation.append(f"brows as high as they go lift the upper lids: eyes wide x{_HIGH_BROW_LIDS:g}")

    @staticmethod
    def _smile_under_sad_brow(instances: list[_Instance], text: str) -> bool:
        """A smile beside the inner brows raised (a sad, worried or pleading brow), with no cheeks or creased eyes named."""
        if _WARM_CHEEKS_RE.search(text) or any(i.concept.key in _LAUGHS - _SMILES and not i.negated for i in instances):
            return False
        if not any(i.concept.key in _SAD_BROW_SMILES and not i.negated and not i.one_sided and not i.side for i in instances):
            return False
        if any(i.concept.key in _SMILE_SQUINTS and not i.negated for i in instances):
            return False  # "a wobbly smile, inner brows up, eyes narrowed": the eyes join the smile
        return bool(_SAD_BROW_RE.search(text)) or any(
            (i.concept.key == "inner_brows_raise" or i.concept.key.startswith("brows_grief_")) and not i.negated for i in instances)

    def _warm_smile(self, inst: _Instance) -> bool:
        """A smile or laugh that reaches the eyes: not negated, not one-sided, thin, tight or social."""
        if inst.negated or inst.concept.key not in _SMILES | _LAUGHS | {"corners_up"} or inst.concept.key == "half_smile":
            return False
        qualifier = self._lemmatizer.phrase(inst.intensity_word) if inst.intensity_word else ()
        return inst.intensity_word not in _TIGHT_SMILE_WORDS and qualifier not in self._social and qualifier not in self._suppress

    @staticmethod
    def _own_subject_verb(spans: list[_Span], k: int, pk: int) -> bool:
        """"A smile swells and lifts the cheeks", "the grin widens and lifts the cheeks": the first verb is the
        expression's own (its subject stands right before it); the part after the next verb is that verb's object."""
        s = spans[k]
        before = spans[k - 1] if k > 0 else None
        if pk <= k or before is None or "expression" not in before.roles or "part" in before.roles or s.start - before.end > 1:
            return False
        part = spans[pk].roles["part"]
        return any("action" in b.roles and (part, b.roles["action"]) in lx.RULES and b.start - s.end == 2  # "swells and lifts"
                   for b in spans[k + 1 : pk])

    @staticmethod
    def _manner(s: _Span, instances: list[_Instance]) -> bool:
        """A word of effort or tension ("tension", "strain") after a part movement says how it moves."""
        return s.text in _MANNER_WORDS and any(not i.from_expression and i.end < s.start for i in instances)

    @staticmethod
    def _is_modifier_here(spans: list[_Span], k: int) -> bool:
        """An emotion adjective that is also an intensity word qualifies a following expression
        ("a shy smile", "a warm grin") instead of adding its own emotion."""
        s = spans[k]
        nxt = spans[k + 1] if k + 1 < len(spans) else None
        return "intensity" in s.roles and nxt is not None and "expression" in nxt.roles and nxt.start - s.end <= 2

    def _reset_parts(self, spans, parts, instances) -> None:
        """A part with a relaxing word and no movement ("the brows relax") resets that part's region."""
        if not any("neg_after" in s.roles for s in spans):
            return
        for _, p in parts:
            for region in lx.PART_REGIONS.get(p.roles["part"], ()):
                reset = lx.Concept("relax_" + region, {}, region, 0.0, "none", f"{region} relax")
                inst = _Instance(reset, p.start, p.end, p.text, negated=True, negation_word="relax")
                instances.append(inst)

    @staticmethod
    def _nearest_part(action: _Span, parts: list[tuple[int, _Span]], clause: list[Token] | None = None,
                      looks: frozenset[int] = frozenset()) -> tuple[int, str] | None:
        """The part a movement word moves (the nearest that has a rule with it), as (part span index, concept key).
        A part behind an "and" belongs to the movement before it ("squints his left eye and raises the right
        eyebrow": 'raises' moves the eyebrow, not the eye)."""
        best = None
        # the part right after the movement word, as its object ("raises the right eyebrow")
        part_ends = {q.end for _, q in parts}  # where each part ends, for "... and her brows" (the next clause's subject)
        has_object = clause is not None and any(
            p.start > action.end and all(t.text in _OBJECT_GAP for t in clause[action.end + 1 : p.start]) for _, p in parts)
        act = action.roles["action"]
        # "the photograph on the wall", "the ultrasound on the screen": a thing up high is no look down
        up_high = act == "thing_down" and _thing_up_high(clause, action.start, action.end)
        for pk, p in parts:
            if act == "side" and p.start > action.end:
                continue  # "her left eye": a side word before the part names which one, not a direction
            if act == "thing_down" and (up_high or p.start > action.end or not _looked_at(clause, p.end, action.start)):
                continue  # "open around the sandwich and raised my eyes": a thing is what a look written before it goes to
            key = lx.RULES.get((p.roles["part"], act)) or lx.RULES.get((p.roles["part"], lx.ACTION_FALLBACK.get(act, "")))
            if key is None:
                continue
            d = action.start - p.end if p.end < action.start else p.start - action.end
            reach = lx.SHORT_REACH if action.text in lx.SHORT_REACH_ACTIONS else _PAIR_DISTANCE
            if d > reach:
                continue
            if p.start > action.end and any(action.end < k < p.start for k in looks):
                continue  # "a wide toothy grin, eyes crinkled": the word is the look's size, not the eyes' movement
            if clause is not None and p.start > action.end and _opens_new_subject(clause, action.end + 1, p.start, part_ends):
                continue  # "eyes narrow to slits and her brows lower": the part after 'and' is the next clause's subject
            joined = clause is not None and has_object and p.end < action.start and any(
                t.text == "and" for t in clause[p.end + 1 : action.start])
            rank = (joined, d, 0 if p.end < action.start else 1)  # ties: the part written first
            if best is None or rank < best[0]:
                best = (rank, pk, key)
        return None if best is None else (best[1], best[2])

    @staticmethod
    def _drop_vague(instances: list[_Instance]) -> list[_Instance]:
        """A loose shape word ("lips curl into a sneer", "a smile tugs at her lips") defers to the
        expression it names in the same clause."""
        expression_regions = {i.concept.region for i in instances if i.from_expression}
        return [i for i in instances if not (i.vague and i.concept.region in expression_regions)]

    @staticmethod
    def _drop_pitch_tilts(instances: list[_Instance]) -> list[_Instance]:
        """"Tilts her head back", "tips the head down": a tilt that names a pitch direction is that
        pitch, not a sideways roll (unless the tilt itself carries a side)."""
        pitched = any(i.concept.key in _PITCH_CONCEPTS for i in instances)
        return [i for i in instances if not (pitched and i.concept.key == "head_tilt" and not i.side)]

    @staticmethod
    def _drop_brow_tilts(instances: list[_Instance]) -> list[_Instance]:
        """Brows that tilt are the inner ends raised (the grief brow), and a direction beside the tilt
        says which way: "brows tilt up" is that inner raise alone (not the whole brow up), "brows
        angled down" is a lowered brow (not also the inner raise)."""
        tilts = [i for i in instances if i.concept.key == "inner_brows_raise" and _TILT_WORDS.search(i.words)]
        if not tilts:
            return instances
        keys = {i.concept.key for i in instances}
        if "brows_lower" in keys:
            return [i for i in instances if i not in tilts]
        return [i for i in instances if i.concept.key != "brows_raise"]

    @staticmethod
    def _merge(instances: list[_Instance]) -> list[_Instance]:
        """One instance per concept in a clause (several words may name the same movement; a face scrunched "in a wince"
        is the wince)."""
        merged: dict[str, _Instance] = {}
        for inst in instances:
            key = _MERGED_AS.get(inst.concept.key, inst.concept.key)
            old = merged.get(key)
            if old is None:
                merged[key] = inst
            else:
                if inst.concept.key == key:
                    old.concept = inst.concept
                old.start, old.end = min(old.start, inst.start), max(old.end, inst.end)
                old.words = f"{old.words}, {inst.words}"
                old.scale = min(old.scale, inst.scale)  # "the corner twitches upward": a twitch, however it is said
        return sorted(merged.values(), key=lambda i: i.start)

    def _attach_modifiers(self, spans: list[_Span], used: set[int], instances: list[_Instance],
                          clause: list[Token] | None = None) -> None:
        if not instances:
            return
        for k, s in enumerate(spans):
            if k in used:
                continue
            r = s.roles
            if "neg_before" in r:
                if s.text.lower() == "lost" and clause is not None and s.start > 0 and clause[s.start - 1].text in _LOST_ADJECTIVE_BEFORE:
                    continue  # "a lost, worried brow", "she looks lost": bewildered, not something lost
                inside = next((i for i in instances if i.start < s.start and s.end < i.end and not i.from_expression
                               and ", " not in i.words and self._negates_within(spans, s, i, clause)), None)
                if inside is not None:
                    # "the cheeks do not rise and the eyes stay wide open": a negation between a part and its verb
                    # denies that movement, not the next one
                    inside.negated, inside.negation_word, inside.denied_before = True, s.text, True
                    continue
                after = next((i for i in instances if i.start > s.end), None)
                if after is None and " " not in s.text and self._lemmatizer.base(s.text.lower()) in _OBJECT_NEGATORS:
                    continue  # "his rival losing": 'lose' negates only what it is followed by ("loses the smile")
                if (after is None and s.text.lower() == "without" and all(i.end < s.start for i in instances) and clause is not None
                        and s.end + 1 < len(clause) and not clause[s.end + 1].text.endswith("ing")):
                    # "smiles without much behind it": 'without' denies what follows it, not the smile before ("without
                    # squeezing", "without seeing them" still take the manner or the look out of it)
                    continue
                if after is None and " ".join(s.text.lower().split()[:2]) in _FORWARD_NEGATORS:
                    continue  # "sounds mad, face is nowhere near it": what it compares with is not negated
                if after is None and (any("part" in sp.roles for sp in spans[k + 1 : k + 3])
                                      or k > 0 and "part" in spans[k - 1].roles and "action" not in spans[k - 1].roles
                                      and not any(i.start <= spans[k - 1].start <= i.end for i in instances)):
                    # "eyes slide down without the head following", "her eyes didn't change": it negates the part named
                    # with it, not the movement before
                    continue
                own: list[_Span] = []
                later: list[_Span] = []
                if after is not None:
                    own = [sp for sp in spans[k + 1:] if "part" in sp.roles and s.end < sp.start < after.start
                           and _OWN_PART_RE.fullmatch(sp.text)]
                    later = [sp for sp in spans if "part" in sp.roles and after.start <= sp.start <= after.end] if own else []
                if after is not None and own and later and own[0].roles["part"] != later[0].roles["part"] and not any(
                        "neg_before" in sp.roles for sp in spans if own[0].end < sp.start < after.start):
                    # "humming, no mouth movement, eyes closed": the negation names a part of its own that no movement
                    # here moves; the next movement, of another part named with it, is not denied
                    continue
                if after is not None and clause is not None and self._verb_ends_negation(clause, spans, s, after):
                    continue  # "pretends not to notice him and looks away": the negation ends with its own verb
                target = after or self._nearest(instances, s, prefer_after=True)
                if after is None and target.concept.key.startswith("emotion_"):
                    continue
                target.negated, target.negation_word, target.denied_before = True, s.text, target is after
            elif "neg_after" in r:
                nxt = spans[k + 1] if k + 1 < len(spans) else None
                if s.text in _BECOME_WORDS and nxt is not None and nxt.start - s.end == 1 and (
                        "intensity" in nxt.roles or "action" in nxt.roles or "expression" in nxt.roles):
                    continue  # "the smile had gone thin and tight", "his eyes have gone unfocused": gone = became
                if s.text in _BECOME_WORDS and clause is not None and s.end + 1 < len(clause) and clause[s.end + 1].text.lower() == "all":
                    continue  # "her eyes had gone all watery": became, however it is said after
                before = [i for i in instances if i.end < s.start]
                if not before:  # "the curl is gone and she gazes away": what faded is not a movement read here
                    continue
                target = before[-1]
                target.negated, target.negation_word = True, s.text
            elif "intensity" in r:
                # "her smile goes thin and her eyes close": the size ends its own clause, before the next subject
                target = self._clause_target(spans, instances, s, clause)
                if s.text.lower() in _SPEED_WORDS and target.concept.region == "gaze":
                    continue  # "a quick downward glance", "glances briefly left": a glance is fast, yet reaches where it looks
                if _how_fast(spans, k, clause):
                    continue  # "the jaw drops quickly", "she quickly frowns": how fast it moves, not how far ("a quick smile" is a small one)
                if target.intensity is None or "expression" not in r:
                    target.intensity, target.intensity_word = float(r["intensity"]), s.text
                    if target.concept.key.startswith("emotion_") and self._lemmatizer.phrase(s.text) in self._suppress:
                        # "holding back the proud smile", "fights back a happy grin": the smile the feeling qualifies
                        # is held back with it
                        for inst in instances:
                            if inst.concept.key in _SUPPRESSIBLE and 0 < inst.start - target.end <= 1 and inst.intensity is None:
                                inst.intensity, inst.intensity_word = float(r["intensity"]), s.text
            if "more" in r or "less" in r:
                target = self._nearest(instances, s, prefer_after=False)
                target.comparative = _MORE if "more" in r else _LESS
                target.comparative_word = s.text
            if "side" in r:
                nxt = spans[k + 1] if k + 1 < len(spans) else None
                sided_before = any("side" in sp.roles for sp in spans[:k])
                owned = [i for i in instances if nxt is not None and "part" in nxt.roles and nxt.start - s.end == 1
                         and i.start <= nxt.start <= i.end] if nxt is not None and sided_before else []
                # "left head tilt + right brow up": a second side word right before a part is that part's side,
                # not the direction of the turn before it (which has its own)
                if sided_before and not owned and nxt is not None and "part" in nxt.roles and nxt.start - s.end == 1 and not any(
                        i.start <= nxt.start <= i.end for i in instances):
                    continue  # "left-sided smile, right corner still": the side of a part that does not move
                for target in owned or self._side_targets(instances, s):
                    if target.side and not target.start <= s.start <= target.end and any(
                            "side" in sp.roles and sp is not s and target.start <= sp.start <= target.end for sp in spans):
                        continue  # "squeezes his left eye, kept the right one open": the side inside a movement is its own
                    target.side = str(r["side"])
            if "one_sided" in r:
                # "the upper lip curls on one side and the nose wrinkles": one side of the curl, not of the nose
                target = self._clause_target(spans, instances, s, clause)
                if s.text in _COUNT_WORDS and target.from_expression and target.concept.key not in _PAIRED_SHAPES and 0 < target.start - s.end <= 2:
                    continue  # "a single laugh", "a single tear": how many, not which side
                target.one_sided = True
            if "both" in r:
                self._nearest(instances, s, prefer_after=True).both = True
        # "The smile fades a little": a partial fading weakens the movement instead of clearing it.
        for inst in instances:
            if (inst.negated and inst.negation_word in _FADES and inst.intensity is not None and inst.intensity <= 0.5
                    and not inst.concept.key.startswith("relax_")):  # a part relaxing is a reset, not a movement to weaken
                inst.negated, inst.comparative, inst.comparative_word = False, _LESS, f"{inst.negation_word} {inst.intensity_word}"
                inst.intensity, inst.intensity_word = None, ""
        # A side word that paired as a movement ("looks left") still gives its side; an idiom that is
        # both a movement and a size ("brows hit the ceiling") gives its size (not a size of another: lx.SIZE_OF_ANOTHER).
        for k in used:
            s = spans[k]
            if "intensity" in s.roles and "action" in s.roles and self._lemmatizer.base(s.text.lower()) not in lx.SIZE_OF_ANOTHER:
                for target in instances:
                    if target.start <= s.start <= target.end and target.intensity is None:
                        target.intensity, target.intensity_word = float(s.roles["intensity"]), s.text
            if "side" in s.roles:
                for target in self._side_targets(instances, s):
                    target.side = str(s.roles["side"])

    @staticmethod
    def _named_lids_win(instances: list[_Instance], values: np.ndarray, explanation: list[str]) -> None:
        """Eyes said to widen keep no squint a feeling or grimace adds ("a grimace, the eyes widen"), and eyes said to
        squint or narrow keep no widening ("wtf, squinting"): the lids named win over the expression's."""
        def on(keys: frozenset[str], side: str) -> bool:
            # (eyes only said to be open, "half open", "open just enough", do not speak against a squint; "eyes OPEN" do)
            return any(i.concept.key in keys and not i.negated and not (
                i.concept.key in _WIDENINGS and "open" in i.words.lower() and "wide" not in i.words.lower()
                and (i.intensity is None or i.intensity <= 0.5)) and (
                i.both or (i.side or (lx.DEFAULT_SIDE if i.one_sided else "")) in ("", side)) for i in instances)

        for side, name in (("left", "Left"), ("right", "Right")):
            wide, narrow = on(_WIDENINGS, side), on(_NARROWINGS, side)
            if wide == narrow:
                continue  # the lids of that eye are said neither way, or both ways
            drop = _IDX[f"EyeSquint{name}"] if wide else _IDX[f"EyeWide{name}"]
            if values[drop] > 0:
                values[drop] = 0.0
                explanation.append(f"the {side} eye is said to {'widen' if wide else 'narrow'}: the expression's "
                                   f"{'squint' if wide else 'widening'} goes there")
            blink = _IDX[f"EyeBlink{name}"]
            if wide and values[blink] > 0 and not any(i.concept.key in _CLOSINGS and not i.negated for i in instances) and any(
                    i.concept.key in _WIDENINGS and not i.negated and (i.intensity is None or i.intensity >= 0.5)
                    and re.search(r"\beyes?\b", i.words, re.IGNORECASE) for i in instances):
                # "mid-yawn ... his eyes fly wide open": nor the lids a yawn or a laugh lowers, where no blink is named and
                # the eyes themselves are said to go wide (not "he barely keeps his lids up", "droopy lids big frown")
                values[blink] = 0.0
                explanation.append(f"the {side} eye is said to widen: the expression's lowered lid goes there")

    @staticmethod
    def _named_brows_win(instances: list[_Instance], values: np.ndarray, text: str, explanation: list[str]) -> None:
        """Brows said to go up keep no lowering a feeling or a sound adds ("'HOWZAT!' the bowler roars, brows up", "a
        pained grin, brows hiked"), as the lids said do (:meth:`_named_lids_win`); a brow named on one side keeps no
        movement against it on that side ("right eyebrow up, left one down"). One brow up, the inner brows alone
        or only the middle up, or brows also said to come down or knit keep every brow value (the AU1+4 brow)."""
        for side, name in (("left", "Left"), ("right", "Right")):
            # "right eyebrow up, left one down": a brow named up on one side keeps no lowering a feeling adds there, and
            # one named down keeps no lift
            up = any(not i.negated and not i.from_expression and i.side == side and i.concept.key in _WHOLE_BROW_RAISES | {"brow_raise_one"}
                     for i in instances)
            down = any(not i.negated and not i.from_expression and i.side == side and i.concept.key in _BROW_LOWERS for i in instances)
            if up != down:
                drop = _IDX[f"BrowDown{name}"] if up else _IDX[f"BrowOuterUp{name}"]
                if values[drop] > 0:
                    values[drop] = 0.0
                    explanation.append(f"the {side} brow is said to go {'up' if up else 'down'}: the expression's "
                                       f"{'lowering' if up else 'lift'} goes there")
        if _ONE_OR_MIDDLE_BROW_RE.search(text) or any(i.concept.key in _BROW_LOWERS and not i.negated for i in instances):
            return
        if not any(i.concept.key in _WHOLE_BROW_RAISES and not i.negated and not i.side and not i.one_sided for i in instances):
            return  # (the inner brows alone up over a scowl is the grief brow: "scowls, inner brows twitching up")
        if values[_BROW_DOWN].max() > 0:
            values[_BROW_DOWN] = 0.0
            explanation.append("the brows are said to go up: the expression's lowering goes there")

    @staticmethod
    def _named_mouth_win(instances: list[_Instance], values: np.ndarray, explanation: list[str]) -> None:
        """Corners of the mouth said to lift keep no turned-down corners a feeling before them adds ("stern look, lips
        twitching", "a sheepish grin"); a frown named beside them, or a face that falls after them ("all smiles. doors
        close. face falls."), keeps its corners down. A mouth said to be flat, level or straight keeps no smile a
        feeling adds ("happy, then bored: ..., mouth flat", "big grin fades -> worried brow, mouth flat"; train:
        MouthSmile <= 0.05-0.1 in every such line). A smile named as such beside it ("a flat smile", "smiles, mouth
        flat") is kept."""
        smiles = [k for k, i in enumerate(instances)
                  if not i.negated and i.concept.key in _SMILE_FAMILY | _LOPSIDED_SMILES | {"corners_up"}]
        if smiles and values[_FROWN_CHANNELS].max() > 0 and not any(
                not i.negated and k not in smiles and (not i.concept.key.startswith("emotion_")
                                                       or k > smiles[-1] and _FACE_FALLS_RE.search(i.words))
                and max(i.concept.targets.get("MouthFrown{S}", 0.0), i.concept.targets.get("MouthFrownLeft", 0.0)) >= 0.3
                for k, i in enumerate(instances)):
            # "stern face, mouth twitching": the corners said to lift keep none of the turned-down corners a feeling adds
            # before them (not a named frown, nor a feeling after the smile: "all smiles. doors close. face falls")
            values[_FROWN_CHANNELS] = 0.0
            explanation.append("the corners of the mouth are said to lift: the feeling's turned-down corners go there")
        if not any(not i.negated and _FLAT_MOUTH_RE.search(i.words) for i in instances):
            return
        if smiles:
            return
        if values[_SMILE_CHANNELS].max() > 0:
            values[_SMILE_CHANNELS] = 0.0
            explanation.append("the mouth is said to be flat: the feeling's smile goes there")

    @staticmethod
    def _drop_measure_words(found: list[_Instance], clause: list[Token], explanation: list[str]) -> list[_Instance]:
        """"A jolt of pain", "a wave of relief": an expression word right before 'of' and a feeling names how the
        feeling comes, not an expression of its own."""
        out = []
        for inst in found:
            nxt = [i for i in found if i.concept.key.startswith("emotion_") and i.start == inst.end + 2]
            if (inst.from_expression and not inst.negated and nxt and 0 <= inst.end + 1 < len(clause)
                    and clause[inst.end + 1].text == "of" and clause[inst.end].lemma in _MEASURE_NOUNS):
                explanation.append(f"'{inst.words} of {nxt[0].words}': how the feeling comes, not a '{inst.concept.label}'")
                continue
            out.append(inst)
        return out

    @staticmethod
    def _joined_part(spans: list[_Span], pk: int, clause: list[Token] | None) -> int | None:
        """The part joined to ``spans[pk]`` by 'and' right before it ("head and eyes", "her eyes and chin"), or None."""
        if clause is None or pk < 1:
            return None
        p, q = spans[pk], spans[pk - 1]
        if "part" not in q.roles or q.start < 0 or "action" in q.roles or p.start - q.end != 2 or clause[q.end + 1].text != "and":
            return None
        return pk - 1

    @staticmethod
    def _turned_ear(clause: list[Token]) -> str:
        """The words of an ear turned toward something ("turns his right ear", "turning an ear", "cocks an ear"),
        or ''. A side named with it is where the ear points, not where the face goes."""
        for k, tok in enumerate(clause):
            if tok.lemma in _EAR_TURNS:
                for j in range(k + 1, min(k + 4, len(clause))):
                    if clause[j].lemma in ("ear", "ears"):
                        return " ".join(t.text for t in clause[k : j + 1])
                    if clause[j].text not in ("an", "a", "one", "left", "right", "good", "better"):
                        break
        return ""

    def _clause_target(self, spans: list[_Span], instances: list[_Instance], s: _Span, clause: list[Token] | None) -> _Instance:
        """The movement a modifier qualifies: the nearest, preferring the one after it, unless the modifier ends its
        clause before an 'and' that opens the next subject ("goes thin and her eyes close"): then the one before."""
        target = self._nearest(instances, s, prefer_after=True)
        if clause is not None and target.start > s.end and _opens_new_subject(
                clause, s.end + 1, target.start, {sp.end for sp in spans if "part" in sp.roles}):
            target = next((i for i in reversed(instances) if i.end < s.start), target)
        return target

    @staticmethod
    def _negates_within(spans: list[_Span], neg: _Span, inst: _Instance, clause: list[Token] | None) -> bool:
        """A negation between a part and its verb denies that movement: "the cheeks do not rise", "bares no teeth",
        "eyes bulge wide with no squint" (the word right after it, or the verb after an auxiliary, is the movement's
        last); not a movement that only spans it ("face locked no brow no eye change lips", "the drop she didn't even
        open her mouth", "corners neutral no smile no frown": other parts, verbs or expressions stand between; "no part of him": a noun)."""
        between = [sp for sp in spans if neg.end < sp.start <= inst.end and {"part", "action", "expression"} & set(sp.roles)]
        if not between or any(sp.end != inst.end for sp in between):
            return False
        return clause is None or inst.end + 1 >= len(clause) or clause[inst.end + 1].text.lower() != "of"

    @staticmethod
    def _verb_ends_negation(clause: list[Token], spans: list[_Span], neg: _Span, after: _Instance) -> bool:
        """A negator whose own word (a verb the planner does not read: "not to notice him", "didn't wait")
        comes before an 'and' that leads on to the movement: the negation stays with that word ("doesn't say
        anything or smile" denies both: 'or' under a negation is 'nor')."""
        covered = {k for sp in spans if sp.start >= 0 for k in range(sp.start, sp.end + 1)}
        own_word = False
        for k in range(neg.end + 1, min(after.start, len(clause))):
            tok = clause[k]
            if tok.text == "and":
                if own_word:
                    return True
            elif k not in covered and tok.lemma not in STOP_WORDS and tok.text.isalpha():
                own_word = True
        return False

    def _side_targets(self, instances: list[_Instance], span: _Span) -> list[_Instance]:
        """A side word just after a turn/gaze movement is its direction ("turns to the left");
        otherwise it names the side of the nearest movements ("the left eye twitches shut")."""
        for inst in reversed(instances):
            if inst.concept.sided == "dir" and 0 < span.start - inst.end <= 4:
                return [inst]
        nearest = self._nearest(instances, span, prefer_after=True)
        d = nearest.distance(span.start)
        return [i for i in instances if i.distance(span.start) == d and (i.start > span.end) == (nearest.start > span.end)]

    @staticmethod
    def _nearest(instances: list[_Instance], span: _Span, prefer_after: bool) -> _Instance:
        def rank(inst: _Instance):
            after = inst.start > span.end
            return (inst.distance(span.start if after else span.end), 0 if after == prefer_after else 1)

        return min(instances, key=rank)

    def _apply(self, inst: _Instance, values, forced, negated, prev, explanation: list[str]) -> None:
        """Add one movement: ``values`` take the stronger contribution; ``forced`` collects the
        channels a concept holds at 0 (a smirk's other corner), ``negated`` those a negation clears."""
        concept = inst.concept
        if inst.negated:
            self._negate(inst, negated, explanation)
            return
        if (concept.key == "eyes_open" or (concept.key == "eyes_wide" and (
                "open" in inst.words or inst.intensity_word.lower() in _HARDLY_WORDS))) and (
                inst.intensity is not None and inst.intensity <= 0.5 and not inst.comparative and "wide" not in inst.words):
            # ("he hardly lifts his lids": the lids stay mostly down)
            # "eyes barely open", "eyes half open": the lids are mostly down, not the eyes a little wide
            # (but "eyes open a hair wider" are a little wide)
            inst = _Instance(lx.CONCEPTS["lids_droop"], inst.start, inst.end, inst.words, side=inst.side, both=inst.both,
                             one_sided=inst.one_sided, intensity=min(0.9, 1.0 - inst.intensity), intensity_word=inst.intensity_word)
            concept = inst.concept
        target = self._oriented(inst)
        level = self._level(inst, target, prev)
        contribution = target * level
        if inst.mouthless:
            contribution[_REGION_MASKS["mouth"]] = 0.0
        if inst.unsealed:
            contribution[_SEALING_CHANNELS] = 0.0
        if inst.browless:
            contribution[_BROW_DOWN] = 0.0
        if inst.withheld is not None:
            contribution[inst.withheld] = 0.0
        if inst.brows_elsewhere:
            contribution[_BROW_DOWN if concept.key in _KEEPS_OUTER_LIFT else _BROW_DOWN | _BROW_OUTER_UP] = 0.0
        if inst.smile_side:
            contribution[_OTHER_SIDE[inst.smile_side] & _ONE_SIDED_SMILE] *= inst.smile_other
        if inst.pain_side:
            contribution[_OTHER_SIDE[inst.pain_side]] *= _PAIN_OTHER
        qualifier = self._lemmatizer.phrase(inst.intensity_word) if inst.intensity_word else ()
        if (concept.key in _SUPPRESSIBLE or concept.key.startswith("emotion_")) and qualifier in self._suppress:
            # a smile or laugh held back: the lips press and roll in against it; a feeling held in ("angry but hiding it",
            # "fear underneath") presses them only (train: the 185 such lines that had the lower lip rolled in 0.3 are
            # annotated 0.015 on average, rolled in > 0.1 in 8 % of them)
            held = self._targets["lips_press"] * 0.45
            if concept.key in _SUPPRESSIBLE:
                held = held + self._targets["lower_lip_in"] * 0.3
            contribution = np.maximum(contribution, held)
            contribution[_MOUTH_OPENERS] = np.minimum(contribution[_MOUTH_OPENERS], 0.05)  # ... and the mouth stays shut
        if concept.key in _SMILES and inst.intensity_word in _TIGHT_SMILE_WORDS:
            # a thin, tight or tense smile: the corners rise a little against lips pressed together
            contribution = target * min(level, _TIGHT_SMILE_MAX)
            contribution[_DUCHENNE] *= 0.3
            contribution = np.maximum(contribution, self._targets["lips_press"] * _TIGHT_SMILE_PRESS)
        if concept.key in _SMILES and qualifier in self._social:
            # a polite, forced or fixed smile is the mouth alone: the cheeks and eyes stay out of it
            contribution[_DUCHENNE] *= 0.3
        stronger = np.abs(contribution) > np.abs(values)
        explicit_zero = (target == 0) & np.isin(np.arange(ch.NUM_CHANNELS), list(expand_targets(concept.targets)))
        values[stronger] = contribution[stronger]
        # a concept's own zeros (a wink's other side) hold only what no other movement sets, whichever is named first:
        # "R eye wink, L corner up" keeps the left corner up
        forced[stronger] = False
        forced |= explicit_zero & ~stronger & (values == 0)
        explanation.append(self._describe(inst, level, contribution))

    def _negate(self, inst: _Instance, forced, explanation: list[str]) -> None:
        concept = inst.concept
        if concept.key.startswith("relax_"):
            mask = _REGION_MASKS[concept.region]
        else:
            mask = self._targets[concept.key] != 0
        if concept.key in _OPENINGS:  # "without opening her mouth, she grins": the mouth stays shut whatever opens it
            self._shut |= mask
        forced |= mask
        line = _Negation(f"'{inst.negation_word}' negates '{inst.words}' ({concept.label})")
        line.mask = mask.copy()  # the channels are named once the output is known (_finish_explanation)
        explanation.append(line)

    def _oriented(self, inst: _Instance) -> np.ndarray:
        """The concept's target vector turned toward the named side or direction."""
        concept = inst.concept
        target = self._targets[concept.key].copy()
        if concept.sided == "dir":
            direction = inst.side or (lx.DEFAULT_TURN if concept.region == "head" else lx.DEFAULT_SIDE)
            return ch.mirror_values(target) if direction == "left" else target
        if concept.sided == "none":
            if concept.region == "gaze" and inst.side:  # "looks up and to the left": add the sideways turn
                lateral = self._targets["gaze_right"]
                target = target + (ch.mirror_values(lateral) if inst.side == "left" else lateral)
            return target
        side = inst.side
        if not side and not inst.both and (concept.sided == "one" or inst.one_sided):
            side = lx.DEFAULT_SIDE
        if side and not inst.both:
            # "a half smile", "a knowing half-smile" with no side or corner named: one corner higher, the other up a
            # little (train: the other corner 0.1-0.2 in such lines, |left - right| >= 0.08-0.15); a lopsided or crooked
            # smile, or one given a side, lifts one corner only
            other = target[_OTHER_SIDE[side]] * (_HALF_SMILE_OTHER if concept.key == "half_smile" and not inst.side
                                                 and not inst.one_sided and inst.words.lower().startswith("half") else 0.0)
            target[_OTHER_SIDE[side]] = other
            outer = float(np.max(target[_OUTER_BROWS]))
            if outer > 0.0 and concept.region == "brows":
                # one brow raised is that brow's outer raiser; the shared inner raiser (one channel for
                # both brows) follows it only a little, or the other brow would lift too
                target[_INNER_BROW] = min(float(target[_INNER_BROW]), _ONE_BROW_INNER * outer)
            down = _BROW_DOWNS[side]
            other = ch.MIRROR_INDEX[down]
            if outer > 0.0 and target[down] > 0.0 and inst.side:
                # a brow cannot rise and lower at once: the expression's lowered brow is the other one
                target[other], target[down] = _COCKED_BROW_DOWN * float(target[down]), 0.0
        return target

    def _level(self, inst: _Instance, target: np.ndarray, prev: np.ndarray | None) -> float:
        if inst.concept.key in _CLOSURES and inst.intensity_word in _DURATION_WORDS:
            return inst.concept.default  # "a quick wink" is short, not half shut
        base = inst.intensity if inst.intensity is not None else min(1.0, inst.concept.default * inst.scale)
        if not inst.comparative:
            return base
        factor = inst.comparative
        if inst.intensity is not None and inst.intensity_word.lower() in _CHANGE_SIZES:
            # "a bit less annoyed", "much more": the size word measures the change, not the level ("a bit less"
            # is more annoyed than "less", "much less" is less)
            factor = max(_MIN_FACTOR, 1.0 + (inst.comparative - 1.0) * inst.intensity / _MEDIUM_CHANGE)
            base = min(1.0, inst.concept.default * inst.scale)
        if prev is not None and target.any():
            main = np.flatnonzero(np.abs(target) >= 0.5 * np.abs(target).max())
            if len(main):
                before = float(np.mean(prev[main] / target[main]))
                if before > 0.05:
                    return float(np.clip(before * factor, 0.0, 1.0))
        return float(np.clip(base * factor, 0.0, 1.0))

    @staticmethod
    def _describe(inst: _Instance, level: float, contribution: np.ndarray) -> str:
        mods = []
        if inst.intensity_word:
            mods.append(f"'{inst.intensity_word}' x{level:.2f}")
        if inst.comparative_word:
            mods.append(f"'{inst.comparative_word}' vs previous -> x{level:.2f}")
        if inst.side:
            mods.append(f"side '{inst.side}'")
        elif inst.one_sided or inst.concept.sided == "one":
            mods.append(f"one-sided ({lx.DEFAULT_SIDE})")
        if not mods:
            mods.append(f"default x{level:.2f}")
        order = np.argsort(-np.abs(contribution), kind="stable")
        shown = [f"{ch.NAMES[i]} {contribution[i]:.2f}" for i in order if abs(contribution[i]) >= 0.005]
        return f"{' '.join(mods)} on '{inst.words}' ({inst.concept.label}) -> {_listed(shown) or 'rest'}"

    # ------------------------------------------------------------------ context
    def _colour(self, values, set_mask, specific: bool, touched: set[str], emotion: str, background: str, explanation) -> None:
        """Let the script's emotion (or, for vague keyframes, the background) fill regions left open."""
        sources = [(emotion, "emotion")]
        if not specific:
            sources.append((background, "background"))
        for text, label in sources:
            if not text.strip():
                continue
            said = text
            if label == "emotion":
                # "shocked but composed": held in below (_held_in), the feeling itself in full (not text.py's reading of
                # the same words in a description, a feeling kept to a trace)
                text = _COMPOSED_TAIL_RE.sub(lambda m: f", composed {m.group('composure')}" if m.group("composure") else "",
                                             self._flat_emotion(text))
            base, specific_text = self._context_plan(_scene_feeling(text) if label == "emotion" else text)
            if not specific_text:
                continue
            if label == "emotion" and _SCENE_FEAR_RE.search(said) and not _OPEN_FEAR_RE.search(said) and not _DENIED_FEAR_RE.search(said):
                base = _quieted(base)
                explanation.append(f"emotion '{said.strip()[:60]}': a scene's plain fear is quiet, the jaw shut, the lips pressed")
            if label == "emotion" and self._held_in(said, base):
                held = _restrained(base)
                if not np.array_equal(held, base):
                    base = held
                    explanation.append(f"emotion '{said.strip()[:60]}' is held in: the lips pressed on it, the mouth shut")
            # a line that only turns the head or the eyes ("She looks down at her hands.", "He turns to the door.") is
            # blocking: the face is the scene's feeling in full, as on a vague line
            weight = _VAGUE_WEIGHT if not specific or touched <= _BLOCKING_REGIONS else _COLOUR_WEIGHT
            if label == "background":
                weight *= 0.6
            open_mask = ~set_mask
            if specific:
                for region in touched:
                    open_mask &= ~_REGION_MASKS[region]
            colour = base * weight
            take = open_mask & (np.abs(colour) > np.abs(values))
            values[take] = colour[take]
            if take.any():
                shown = _listed([f"{ch.NAMES[i]} {colour[i]:.2f}" for i in np.flatnonzero(take)])
                explanation.append(f"{label} '{text.strip()[:60]}' x{weight:.2f} colours open channels -> {shown}")
            return

    def _held_in(self, text: str, base: np.ndarray) -> bool:
        """Whether a scene's feeling is said to be held in ("sad, composed", "panicky, holding it in", "suppressed
        fury", "composed"): a restraint named in a segment that does not say it fails (train: the lips are pressed
        even where the feeling is faint, "caught, bluffing calm", "composed, just waiting": 0.15-0.3)."""
        for m in _RESTRAINED_RE.finditer(text):
            start = max(text.rfind(c, 0, m.start()) for c in ",;:\u2014(")
            ends = [i for i in (text.find(c, m.end()) for c in ",;:\u2014)") if i >= 0]
            segment = text[start + 1: min(ends) if ends else len(text)]
            if _UNRESTRAINED_RE.search(segment):
                continue
            if m.group("what") and not self._names_feeling(m.group("what")):
                continue  # "a masked ball", "hidden talents": no feeling held
            if m.group("cover") and _calm_only(text[: m.start()]):
                continue  # "calm, keeping his cool", "relaxed and playing it cool": nothing to hold in
            return True
        return False

    def _flat_emotion(self, text: str) -> str:
        """A scene's emotion given as a flatness ("numb", "hollow", "empty"): alone, the slack, low face of a
        feeling gone dull (inner brows a little up, lids a little heavy, eyes a little down), never a neutral face
        the learned layer may fill with a smile; beside another feeling ("numb shock", "conflicted, numb") that feeling
        leads, as it did (corpus train: 'shocked, numb' a full shock, 'numb grief' a grief)."""
        if not _FLAT_FEELING_RE.search(text):
            return text
        rest = _FLAT_FEELING_RE.sub(" ", text)
        if re.search(r"[a-z]", rest, re.I) and self._names_feeling(rest):
            return text
        return _FLAT_FACE

    def _context_plan(self, text: str) -> tuple[np.ndarray, bool]:
        """Values an emotion/background text asks for (cached: a script repeats them for every keyframe)."""
        hit = self._context_cache.get(text)
        if hit is None:
            base, _, flags = self._plan_core(text, None, [], context=True)
            base.setflags(write=False)
            hit = self._context_cache[text] = (base, bool(flags["specific"]))
            if len(self._context_cache) > 256:
                self._context_cache.pop(next(iter(self._context_cache)))
        return hit

    # ------------------------------------------------------------------ coherence
    @staticmethod
    def _coherent(values: np.ndarray, explanation: list[str]) -> np.ndarray:
        v = values
        if v[_IDX["LeftEyeYaw"]] > 0.05 and v[_IDX["RightEyeYaw"]] < -0.05:
            return _crossed_eyes(v)  # "cross-eyed": the eyes turn toward each other (the one case they differ)
        # Both eyes look the same way: average a one-eye value into both.
        for axis in ("Yaw", "Pitch"):
            li, ri = _IDX[f"LeftEye{axis}"], _IDX[f"RightEye{axis}"]
            m = v[li] if abs(v[li]) >= abs(v[ri]) else v[ri]
            v[li] = v[ri] = m
        yaw, pitch = v[_IDX["LeftEyeYaw"]], v[_IDX["LeftEyePitch"]]
        right = max(yaw, 0.0) / _EYE_YAW_MAX
        left = max(-yaw, 0.0) / _EYE_YAW_MAX
        v[_IDX["EyeLookOutRight"]] = v[_IDX["EyeLookInLeft"]] = right
        v[_IDX["EyeLookOutLeft"]] = v[_IDX["EyeLookInRight"]] = left
        v[_IDX["EyeLookDownLeft"]] = v[_IDX["EyeLookDownRight"]] = max(pitch, 0.0) / _EYE_PITCH_MAX
        v[_IDX["EyeLookUpLeft"]] = v[_IDX["EyeLookUpRight"]] = max(-pitch, 0.0) / _EYE_PITCH_MAX
        for side in ("Left", "Right"):
            blink, wide = _IDX[f"EyeBlink{side}"], _IDX[f"EyeWide{side}"]
            if v[blink] > 0.5 and v[wide] > 0:
                explanation.append(f"coherence: EyeBlink{side} {v[blink]:.2f} cancels EyeWide{side}")
                v[wide] = 0.0
            v[wide] = min(v[wide], 1.0 - v[blink])
        jaw, close = _IDX["JawOpen"], _IDX["MouthClose"]
        v[close] = min(v[close], v[jaw])
        return v


#: Feelings a script's emotion names with words that, in a description, are verbs of the body
#: ("she touched his arm", "he moved left"): read as feelings there only (corpus train, emotion fields: 'moved' and
#: 'touched' a smile with the inner brows up, 0.35 each; 'polite' a small smile on pressed lips)
_CONTEXT_FEELINGS = {"moved": "tender, inner brows up a little", "touched": "tender, inner brows up a little",
                     "polite": "a polite smile", "politeness": "a polite smile", "politely": "a polite smile",
                     # a satisfaction kept to oneself is a lopsided smile (train, scenes 'self-satisfied', 'petty', 'guilty',
                     # 'secret satisfaction': MouthSmile 0.33 on one side, 0.1-0.2 on the other); plain, smug, quiet, grim or
                     # fierce satisfaction stays as it was (the splits disagree on those)
                     **{f"{kind} satisfaction": f"{kind} satisfaction , a lopsided smile ,"
                        for kind in ("petty", "guilty", "secret", "private")},
                     "self-satisfied": "satisfied , a lopsided smile ,",
                     # a feeling typed as what one would say: "shook", "oh no", "ow", "what is this"
                     "shook": "shaken", "oh no": "alarmed", "oh-no": "alarmed", "ow": "pain", "ouch": "pain",
                     "what is this": "confused", "aww": "tender", "awww": "tender", "awwww": "tender"}
#: a scene's ache is the heart's: "aching memory", "wary, aching hope", "gentle, aching" (train and dev, all 5 such scenes:
#: inner brows up 0.4-0.45, a trace of a smile, lids lowered 0.3 in 2, BrowDown <= 0.05-0.1), not a body in pain; a body
#: named anywhere in the scene's feeling, or an ache from something or all over, is ("back aching, exhausted", "sides aching")
_HEART_ACHE_RE = re.compile(r"\b(?:aching|ache|heartache)\b", re.I)
_BODY_ACHE_RE = re.compile(
    r"\b(?:back|feet|foot|head|jaw|legs?|limbs?|muscles?|body|bones|tooth|teeth|joints?|neck|shoulders?|knees?|arms?|hands?|"
    r"stomach|belly|ribs|sides?|eyes?|cheeks?|face|hips?|wrists?|all\s+over|stiff|sore|bruised|hurt\w*|injur\w*|wound\w*|from|in\s+(?:his|her|their|my|the))\b",
    re.I)
#: A scene's tiredness lifts the inner brows a little over the heavy lids (train, 125 scenes feeling it: BrowInnerUp 0.22,
#: above 0.1 in 72 %; dev, 48: 0.17, 67 %); a description's tiredness does not ("not sad, just sleepy": the brows are what
#: tells the two apart). Only the feeling itself: not denied or too much to act on ("not tired at all", "too tired to
#: smile"), not what wore something else out ("the colour drained from her face", "drained the glass", "worn out shoes")
_TIRED_SCENE_RE = re.compile(
    r"(?<!\bnot\s)(?<!\bnever\s)(?<!\btoo\s)(?<!n't\s)(?<!\bhardly\s)(?<!\bbarely\s)(?<!\bless\s)"
    r"\b(?:tired|weary|exhausted|drained|worn\s+out|knackered|fatigued|worn\s+down|bone\s+tired)\b"
    r"(?!\s+(?:to|of|from|by|the|a|an|his|her|their|my|your|its|it|them|him|me|us|shoes|boots|jeans|jacket|coat|sofa|carpet|rug"
    r"|tyres?|tires?|clothes|furniture|[a-z]+s)\b)", re.I)
#: A masking phrase closing a description after a feeling ("furious, hiding it", "envy, masked"): the feeling held in
#: check (text.py's reading), not an intensity phrase on the whole face
_MASKING_SEGMENT_RE = re.compile(
    r"^(?:(?:and|but)\s+)?" + HIDDEN_HOW +
    r"(?:hiding|hidden|masking|masked|swallowing|swallowed|burying|buried|held\s+in|held\s+down|kept\s+in|pushed\s+down"
    r"|pushing\s+it\s+down|bottled\s+up|holding\s+(?:a\s+|her\s+|his\s+|their\s+|my\s+)?[a-z]+\s+face)(?:\s+it)?(?:\s+(?:away|deep|well|down))?$",
    re.I)
#: A scene's feeling said to be held in ("sad, composed", "alarm, kept quiet", "panicky, holding it in", "hurt, refusing to
#: show it", "panic behind a straight face", "grief, trying to be brave"): the face keeps the lips pressed on it and the
#: mouth shut (corpus train, 232 context lines whose feeling says so: MouthPress 0.28 in 91 % of them, the mouth
#: closed), unless the holding fails ("can't keep a straight face", "hidden badly")
_RESTRAINED_RE = re.compile(
    r"\b(?:holding\s+(?:it|back|in|together|down|on)|held\s+(?:in|back|together|down)|in\s+check|under\s+control"
    r"|kept\s+(?:quiet|in|private|professional|together|down|still|calm|civil|hidden|under\s+wraps)"
    r"|keep(?:s|ing)?\s+(?:it\s+|her\s+|his\s+|their\s+|my\s+|a\s+)?(?:together|quiet|professional|civil|calm|still|composed"
    r"|straight\s+face|poker\s+face|blank\s+face|neutral\s+face|face\s+still|face\s+straight|a\s+lid\s+on\s+it)"
    r"|refus(?:es|ing)\s+to\s+(?:show|let\s+it\s+show)|not\s+showing|(?:won'?t|doesn'?t|does\s+not|will\s+not)\s+show(?!\s+up)"
    r"|trying\s+(?:to\s+be\s+brave|not\s+to\s+(?:show|care|cry|react|panic|flinch))"
    r"|composed|composure|poker[\s-]?fac\w*|straight\s+face|brave\s+face|stiff\s+upper\s+lip"
    r"|(?P<cover>(?:plays?|playing|played)\s+it\s+(?:cool|down)|(?:keeps?|keeping|kept|holds?|holding|held)\s+(?:his|her|their|my|your)\s+cool"
    r"|(?:holds?|held)\s+it\s+together|(?:kept|holds?|holding|held)\s+a\s+lid\s+on\s+it)" + CLAUSE_OR_BRACKET_END +
    r"|behind\s+a\s+(?:straight|calm|polite|brave|blank|neutral|smooth)\b|swallow(?:ing|ed)\s+it|pushed\s+down|bluff\w*"
    # hiding, masking, stifling said of the feeling ("hiding it", "fear hidden", "hidden panic"), not of a ball, a
    # gunman, the heat or a place ("a masked ball", "stifling heat", "hiding from the rain")
    r"|(?:hiding|masking|stifling|suppressing|burying|bottling)\s+(?:it|her|his|their|my|the|a|an|what|how)\b"
    r"|(?:hidden|masked|stifled|suppressed|bottled(?:\s+up)?|buried|concealed)"
    r"(?:(?=\s*(?:$|[,.;:!?()\u2014\u2013-]))|\s+(?:well|away|deep|inside|behind|under|as|by|but|and)\b|\s+(?P<what>[a-z]+)))", re.I)
#: ... unless the segment says the holding fails or stops ("can't keep a straight face", "composure cracking", "losing
#: her composure", "stops hiding it", "hidden badly") or what is held is a laugh or a smile (read by its own rule)
_UNRESTRAINED_RE = re.compile(
    r"\b(?:can'?t|cannot|could\s*n'?t|unable|fail\w*|barely|badly|not\s+(?:hiding|masking)|no\s+longer|crack\w*|slipp\w*"
    r"|breaking|giving\s+way|los(?:es|ing|t)|stops?|stopped|laugh\w*|giggl\w*|smil\w*|grin(?:s|ned|ning)?)\b", re.I)
#: A subject said before a verb of its own beside typed values ("Mara smiles", "the actor grins", "Tom's grinning"): a
#: sentence of its own, unless the subject is a face part ("jaw drops": an animator's note)
_NAMED_SUBJECT_RE = re.compile(
    r"^\s*(?:(?:the|a|an|this|that|our)\s+)?(?!(?:brows?|eyebrows?|forehead|eyes?|lids?|eyelids?|gaze|mouth|lips?|corners?|cheeks?"
    r"|nose|nostrils?|jaw|chin|teeth|tongue|head|smile|dimples?|face|left|right|l|r|both|other|rest|everything|all)\b)[a-z]+(?:\s+[a-z]+s\b(?<!ss)|'s\s+[a-z]+ing\b)", re.I)
#: A description part that ends on the eyes or nostrils with nothing said of them yet ("worried eyes"): what a closing
#: size word then says ("..., wide") is said of them (not of a mouth: "a happy mouth, wide" is a wide smile)
_BARE_PART_END_RE = re.compile(r"\b(?:eyes|eye|eyelids|lids|nostrils)\s*$", re.I)
_PART_STATE_RE = re.compile(r"^(?:very\s+|so\s+|really\s+|extremely\s+|incredibly\s+)?(?:wide(?:\s+open)?|open|huge|enormous|round|narrow(?:ed)?|tight|shut)$", re.I)
_PRONOUN_SUBJECT_RE = re.compile(r"\b(?:she|he|they|i|we|you|someone|everyone|nobody)\b", re.I)


#: What "quickly" says of a movement that it hides or takes away ("a smirk, quickly hidden"): the movement is small
_QUICKLY_GONE = frozenset({"hidden", "hide", "hides", "masked", "suppressed", "stifled", "swallowed", "smothered", "wiped", "gone", "fades",
                           "faded", "vanishes", "vanished", "replaced", "covered", "suppresses", "stifles", "swallows", "masks", "dies", "died"})
_QUICKLY_INTENSIFIERS = frozenset({"very", "really", "extremely", "so", "super", "incredibly", "quite"})


def _how_fast(spans: list, k: int, clause: list | None) -> bool:
    """Whether the intensity span ``spans[k]`` is "quickly" (or "very" before it), said of how fast a movement goes rather
    than how far: "the jaw drops (very) quickly". Not where it hides or ends the movement: "a smirk, quickly hidden"."""
    s = spans[k]
    word = s.text.lower()
    if word in _QUICKLY_INTENSIFIERS and k + 1 < len(spans) and spans[k + 1].text.lower() == "quickly" and spans[k + 1].start - s.end <= 1:
        s, word = spans[k + 1], "quickly"
    if word != "quickly":
        return False
    after = clause[s.end + 1].text.lower() if clause is not None and s.end + 1 < len(clause) else ""
    return after not in _QUICKLY_GONE


#: A scene's relief said with something that leaves no joy in it ("shaken relief", "relief, shaking", "relief tangled with
#: guilt", "bitter relief", "relief with a stern edge", "shaky relief, a little cross"): relief without its smile. Not that
#: thing denied ("not guilty", "without guilt", "guilt-free", "no longer bitter"), nor "shaky" alone, "drained" or
#: "exhausted" (train: 'shaky relief' 0.16, 'exhausted relief' 0.38, 'relieved, drained' 0.3)
_SOBERING_RE = re.compile(
    r"(?<!\bnot\s)(?<!\bnot-)(?<!\bno\s)(?<!\bwithout\s)(?<!\blonger\s)(?<!\w)"
    r"(?:shaken|shaking|shakes|stern|sternly|guilt|guilty|guiltily|bitter|bitterly|adrenaline|adrenalin|discipline)\b(?!-free)"
    r"|\ba\s+(?:little|bit)\s+cross\b|\bcross\s+with\b", re.I)
_RELIEF_RE = re.compile(r"\brelie(?:f|ved)\b", re.I)


#: A scene's patience ("patient", "weary patience", "waiting patiently"): heavy lids over lightly pressed lips (train, 41
#: scenes: EyeBlink 0.2-0.3 in 76 %, MouthPress 0.19 in 78 %; dev, 7: EyeBlink 0.29, MouthPress 0.19). Not a patient
#: ("the patient is terrified", "fear for the patient", "out-patient"), nor patience lost or denied ("not patient", "no
#: patience left", "losing patience", "out of patience", "patience snapped"). Patience wearing or running thin is still held
#: (train: 'patience running thin', 'patience wearing through' press the lips 0.2-0.3 over heavy lids)
_PATIENCE_RE = re.compile(
    r"(?<![\w-])(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bher\s)(?<!\bhis\s)(?<!\btheir\s)(?<!\bmy\s)(?<!\bour\s)(?<!\byour\s)"
    r"(?<!\bnot\s)(?<!\bno\s)(?<!\bof\s)(?<!\bvery\s)(?<!\blosing\s)(?<!\blost\s)(?<!\bless\s)(?<!\bthin\s)"
    r"(?:patient|patience|patiently)\b(?!'s|-|\s+(?:is|was|zero|gone|lost|left|snaps?|snapped|exhausted|at\s+an\s+end|evaporat\w*)\b)", re.I)


_RELIEF_DENIED_RE = re.compile(r"\b(?:not|no|never|hardly|barely)\s+(?:\w+\s+)?relie", re.I)


def _sober_relief(text: str) -> str:
    """A scene's feeling with its relief made joyless where the scene says something sobers it (see _SOBERING_RE)."""
    if not _SOBERING_RE.search(text) or _RELIEF_DENIED_RE.search(text):
        return text
    return _RELIEF_RE.sub(lambda m: "JOYLESS RELIEF" if m.group(0).isupper() else "joyless relief", text)


#: A scene's fear, and what makes it sudden, open-mouthed or more than fear (see _quieted): "fear", "scared, under
#: pressure", "frightened, hiding it", "fears for her safety" are quiet; "sudden fear", "terrified", "pure fear", "thrilled
#: and scared", "scared stiff", "fear of heights", "fear and surprise" are not
_FEAR_WORDS = r"(?:fears?|fearful|scared|frightened|afraid)"
_SCENE_FEAR_RE = re.compile(r"\b" + _FEAR_WORDS + r"\b", re.I)
_OPEN_FEAR_RE = re.compile(r"\b(?:sudden\w*|instant\w*|jolt\w*|pure|sheer|abject|raw|overwhelming|extreme\w*|terrif\w*|horror|horrified"
                           r"|scream\w*|shock\w*|startl\w*|surpris\w*|thrill\w*|excit\w*|joy\w*|elat\w*|exhilarat\w*|adrenaline"
                           r"|petrified|gasp\w*|breathless|wild|blind|panic\w*|alarm\w*|dread\w*|stiff|witless|wits|death|heights|dizzy"
                           r"|vertigo)\b", re.I)
#: ... and a fear denied ("not scared, just freezing", "cold, not afraid"): the rest of the scene's face is not fear's
_DENIED_FEAR_RE = re.compile(r"\b(?:not|no|never|without|nothing|n't)\s+(?:[a-z]+\s+)?" + _FEAR_WORDS + r"\b", re.I)
_MOUTH_STRETCHES = np.array([n in ("MouthStretchLeft", "MouthStretchRight") for n in ch.NAMES])
_OUTER_BROWS_UP = np.array([n in ("BrowOuterUpLeft", "BrowOuterUpRight") for n in ch.NAMES])
_EYE_WIDES = np.array([n in ("EyeWideLeft", "EyeWideRight") for n in ch.NAMES])


def _quieted(base: np.ndarray) -> np.ndarray:
    """A scene's fear made quiet, as facs.py's quiet_fear has it (corpus, 127 train and 49 dev scenes feeling a plain fear:
    JawOpen 0.03 / 0.01, MouthPress 0.19 / 0.24, EyeWide 0.26 / 0.16): the jaw shut, the eyes and the outer brows a little
    raised, the lips stretched a little and pressed on it; done on the values the scene's words gave, so that what they say
    of the fear ("the fear passes", "mock fear", "leaking fear") stays as read."""
    out = base.copy()
    wide = float(np.max(out[_EYE_WIDES]))
    out[_JAW_DROP] = 0.0
    out[_EYE_WIDES] *= _QUIET_FEAR_SCALES["wide"]
    out[_OUTER_BROWS_UP] *= _QUIET_FEAR_SCALES["outer"]
    out[_MOUTH_STRETCHES] *= _QUIET_FEAR_SCALES["stretch"]
    out[_INNER_BROW] *= _QUIET_FEAR_SCALES["inner"]
    out[_PRESSES] = np.maximum(out[_PRESSES], _QUIET_FEAR_SCALES["press"] * wide)
    return out


#: quiet_fear's action units against fear's (facs.py; each AU here moves its channels at weight 1): the upper lids (AU5),
#: the outer brows (AU2), the lip stretch (AU20), the inner brows (AU1), and the lips pressed (AU24) for fear's upper lids
_QUIET_FEAR_SCALES = {name: round(EMOTIONS["quiet_fear"]["aus"][quiet] / EMOTIONS["fear"]["aus"][fear], 2)
                      for name, quiet, fear in (("wide", 5, 5), ("outer", 2, 2), ("stretch", 20, 20), ("inner", 1, 1), ("press", 24, 5))}


#: "cold misery", "a cold dread", "cold fear": the feeling's chill, not the body's cold (corpus, scenes 'disbelief and cold
#: misery', 'cold fear': BrowDown held to 0.1, the eyes not narrowed; the cold prototype knits the brows 0.24 and narrows
#: the eyes 0.32); "cold shock", a plunge into cold water, and "a cold surprise" stay the body's cold
_COLD_FEELING_RE = re.compile(r"\bcold\s+(?=(?:misery|disbelief|fear|dread|horror|terror|panic|reali[sz]ation|despair"
                              r"|grief|sorrow|sadness)\b)", re.I)


@functools.lru_cache(maxsize=256)
def _scene_feeling(text: str) -> str:
    """A scene's emotion as the planner reads it: its scene-only words (_CONTEXT_FEELINGS), the heart's ache, a feeling's chill, a sobered
    relief, patience, and a tiredness that lifts the inner brows. Cached: a script repeats its emotion for every keyframe."""
    if not _BODY_ACHE_RE.search(text):
        text = _HEART_ACHE_RE.sub("wistful , lids a little heavy ,", text)
    text = _CONTEXT_FEELING_RE.sub(lambda m: _CONTEXT_FEELINGS[m.group(0).lower()], _COLD_FEELING_RE.sub("", text))
    text = _PATIENCE_RE.sub(", lids a little heavy , lips lightly pressed ,", _sober_relief(text))
    return _TIRED_SCENE_RE.sub(lambda m: f"{m.group(0)} , inner brows up a little ,", text)


def _notes(words: str) -> bool:
    """Whether the words beside typed values are an animator's notes ("jawL .3 / lips closed", "L brow untouched",
    "O shape needs more"), not a sentence of their own ("she smiles", "Mara grins", "the actor smiles", "Tom's grinning")."""
    return not _PRONOUN_SUBJECT_RE.search(words) and not any(
        _NAMED_SUBJECT_RE.search(piece) for piece in re.split(r"[,;:/+()\-\u2013\u2014]|\band\b", words))


#: Words around the feeling that are neither the feeling nor a state of it ("she's calm and ...")
_CALM_FILLER = frozenset({"and", "but", "yet", "though", "although", "she", "he", "they", "i", "we", "you", "s", "re", "m", "is",
                          "are", "very", "quite", "so", "still", "totally", "perfectly", "completely"})


def _calm_only(text: str) -> bool:
    """Whether the words of ``text`` name only calm, neutral or bodily states ("calm,", "relaxed and"): text.py's
    :func:`.text.calm_state`."""
    words = [w for w in re.findall(r"[a-z]+", text.lower()) if w not in _CALM_FILLER]
    return bool(words) and all(calm_state(w) for w in words)


#: A phrase of size that may close a line of typed values ("just barely", "very faintly", "(extreme version)", "- but
#: only a trace of it", "as strongly as possible"): size words only, no speed, manner or cap
_TYPED_SIZE_RE = re.compile(
    r"(?:(?:but|and|just|only|very|a|an|the|as|way|full|big|small|tiny|extreme|subtle|huge|hugely|much|more|less|of|it|there|version"
    r"|faint|faintly|slight|slightly|subtly|barely|little|bit|touch|trace|hint|mild|mildly|exaggerated|strongly|strong|possible"
    r"|strength|over|top|intense|intensely|extremely|bigger|smaller|stronger|weaker)[\s,!.]*)+")
#: "but composed", "yet stays composed", "but plays it cool": composure or a cover said after a scene's feeling (text.py's
#: ``COVER``)
_COMPOSED_TAIL_RE = re.compile(r"\s*,?\s+(?:and|but|yet|though|although)\s+(?:(?:she|he|they|i|we|you)(?:'s|'re|'m)?\s+)?"
                               + COVER + CLAUSE_END, re.I)
_RESTRAINED_PRESS = 0.35
_PRESSES = np.array([n in ("MouthPressLeft", "MouthPressRight") for n in ch.NAMES])
#: the jaw's opening and the lower lip it takes down (a held-in disgust keeps its raised upper lip)
_JAW_DROP = np.array([n in ("JawOpen", "MouthLowerDownLeft", "MouthLowerDownRight") for n in ch.NAMES])


def _restrained(base: np.ndarray) -> np.ndarray:
    """A scene feeling's face held in: the jaw shut and the lips pressed; the rest of the feeling (a raised upper lip, the
    corners' frown) stays as it is (train: damping it by 0.8 broke 36 expectations and fixed none)."""
    out = base.copy()
    out[_JAW_DROP] = np.minimum(out[_JAW_DROP], 0.05)
    out[_PRESSES] = np.maximum(out[_PRESSES], _RESTRAINED_PRESS)
    return out


#: A feeling named by its flatness in a script's emotion ("numb", "hollow", "empty", "emptied out"), and the face it
#: reads as alone (corpus train, emotion fields: 'numb, emptied out', 'hollow, past tears', 'numb grief', 'hollow sorrow':
#: BrowInnerUp 0.2-0.3, lids 0.2-0.25, eyes down 0.3-0.35, no smile)
_FLAT_FEELING_RE = re.compile(r"\b(?:numb(?:ed|ness)?|hollow(?:ness)?|empty|emptiness|emptied(?:\s+out)?)\b", re.I)
_FLAT_FACE = "inner brows slightly raised, lids slightly heavy, eyes slightly down"
_CONTEXT_FEELING_RE = re.compile(r"\b(?:" + "|".join(_CONTEXT_FEELINGS) + r")\b", re.I)
#: "no head move", "without moving her head", "head stays still": the head is locked at rest
_HEAD_LOCK_RE = re.compile(
    r"\b(?:no|without|not?)\s+(?:any\s+|a\s+)?head\s+(?:move\w*|motion|turn\w*)\b"
    r"|\bwithout\s+(?:moving|turning)\s+(?:her|his|their|the|my|your)\s+head\b"
    r"|\bhead\s+(?:stays?|stayed|kept|held|remains?|remained|is|frozen|locked|fixed)\s+(?:perfectly\s+|completely\s+|dead\s+)?(?:still|motionless|fixed|locked|in\s+place)\b"
    r"|\bhead\s+(?:doesn'?t|does\s+not|never)\s+(?:move|turn)\b", re.I)
#: "looks slightly to his left, head square to lens", "glares sideways, head facing front": the head faces ahead,
#: so a sideways look is the eyes alone (no yaw, no tilt); the chin may still be up or down
_HEAD_FRONT_RE = re.compile(
    r"\bhead\s+(?:(?:held|kept|stays?|staying|remains?)\s+)?(?:facing\s+(?:front|forward|the\s+(?:camera|lens|front))"
    r"|square\s+to\s+(?:the\s+)?(?:camera|lens)|straight(?!\s+(?:up|down|back|to|at|ahead\s+and)\b))", re.I)
_AWAY_RE = re.compile(r"\b(?:away|aside|cold\s+shoulder)\b", re.I)
_STRAIGHT_AHEAD_RE = re.compile(r"\b(?:straight|ahead|front|forward)\b", re.I)
_EYES_BACK_RE = re.compile(r"\b(?:back|opposite|other\s+way|other\s+side)\b", re.I)
#: "mouth flat", "lips shut", "mouth a thin line": the jaw stays closed whatever an emotion word would open
_MOUTH_SHUT_RE = re.compile(
    r"\b(?:mouth|lips)\s+(?:(?:is|are|stays?|kept|held|pressed|clamped)\s+)?(?:flat|shut|closed|sealed|straight|a\s+(?:thin\s+|flat\s+|straight\s+)?line)\b", re.I)
#: ... unless the jaw moves behind closed lips ("stifles a yawn, lips sealed", "chews with the mouth shut", "hums")
_JAW_NAMED_RE = re.compile(r"\b(?:jaw\w*|yawn\w*|chew\w*|munch\w*|hum|hums|humm\w*|mm+|chin\s+stretch\w*)\b", re.I)
_ONLY_SIDE_BROW_RE = re.compile(
    r"\bonly\s+(?:the\s+|her\s+|his\s+|their\s+)?(left|right)\s+(?:eye)?brow\b|\b(left|right)\s+(?:eye)?brow\s+only\b", re.I)
_HEAD_CHANNELS = [ch.channel_index(n) for n in ("HeadYaw", "HeadPitch", "HeadRoll")]
_EYE_YAWS = [ch.channel_index("LeftEyeYaw"), ch.channel_index("RightEyeYaw")]
_EYE_PITCHES = [ch.channel_index("LeftEyePitch"), ch.channel_index("RightEyePitch")]
_JAW_OPENERS = [ch.channel_index(n) for n in ("JawOpen", "MouthLowerDownLeft", "MouthLowerDownRight", "MouthUpperUpLeft", "MouthUpperUpRight")]


def _round5_post(text: str, values: np.ndarray, understood: set[str], explanation: list[str], sound: bool,
                 said: np.ndarray) -> np.ndarray:
    """Constraints the text states about whole regions, applied after every word has been read (issue 11,
    QA round 5): a locked head, one 'away' side for head and eyes, a shut mouth, one brow only. ``said``: the
    channels this line's words set; a head and eyes carried over from the keyframe before are kept as they were."""
    head = values[_HEAD_CHANNELS]
    if _HEAD_LOCK_RE.search(text):
        if np.any(head != 0):
            explanation.append("the text keeps the head still: head yaw, pitch and roll at rest")
        values[_HEAD_CHANNELS] = 0.0
        understood.add("head")
    elif _HEAD_FRONT_RE.search(text) and np.any(values[[_HEAD_CHANNELS[0], _HEAD_CHANNELS[2]]] != 0):
        values[[_HEAD_CHANNELS[0], _HEAD_CHANNELS[2]]] = 0.0
        explanation.append("the text keeps the head facing front: head yaw and roll at rest")
    yaw, eyes = float(values[_HEAD_CHANNELS[0]]), float(values[_EYE_YAWS[0]])
    words_turned = bool(said[_HEAD_CHANNELS[0]] and said[_EYE_YAWS[0]])
    if (yaw * eyes < 0 and words_turned and not _SIDE_WORD_RE.search(text) and not eyes_kept_on_someone(text)
            and (_AWAY_RE.search(text) or not _EYES_BACK_RE.search(text))):
        # "gives her the cold shoulder, looking away", "glances sideways, head turning with it": no side named, so
        # head and eyes turn to one side (the head's), unless the eyes come back the other way ("head turned, eyes back on him")
        values[_EYE_YAWS] = np.abs(values[_EYE_YAWS]) * np.sign(yaw)
        explanation.append("head and eyes turn away to the same side (no side is named)")
    if _MOUTH_SHUT_RE.search(text) and not _JAW_NAMED_RE.search(text) and not sound and values[_JAW_OPENERS].max() > 0.05:
        values[_JAW_OPENERS] = np.minimum(values[_JAW_OPENERS], 0.03)
        explanation.append("the text keeps the mouth shut: JawOpen and the lip openers <= 0.03")
    m = _ONLY_SIDE_BROW_RE.search(text)
    if m:
        side = (m.group(1) or m.group(2)).capitalize()
        other = "Right" if side == "Left" else "Left"
        for stem in ("BrowOuterUp", "BrowDown"):
            values[_IDX[f"{stem}{other}"]] = 0.0
        outer = values[_IDX[f"BrowOuterUp{side}"]]
        if outer > 0:
            values[_INNER_BROW] = min(values[_INNER_BROW], _ONE_BROW_INNER * outer)
        explanation.append(f"only the {side.lower()} brow moves: the {other.lower()} brow and the shared inner raiser stay out")
    return values


#: Where a thing is up at the eyes or above them ("the photograph on the wall", "the list taped to the fridge", "the cake
#: he holds up", "the tattoo on his neck"; the clause's words have no articles)
_UP_HIGH_RE = re.compile(r"^(?:up\s+)?(?:on|at)\s+(?:wall|screen|ceiling|shelf|monitor|noticeboard|fridge)\b|^(?:\w+\s+)?(?:holds?|held|holding)\s+up\b"
                         r"|^up\s+high\b|^(?:held\s+)?(?:above|overhead|aloft)\b|^(?:projected|pinned|hung|hanging|taped|stuck|tacked|mounted)\b"
                         r"|^on\s+(?:(?:his|her|their|my|your)\s+)?(?:chest|neck|face|shoulder|back|forehead|cheek)\b", re.I)
#: Between a look and the thing it goes to: words of how the look goes or stays ("eyes fixed on", "gaze drifts to") ...
_LOOK_HOW = frozenset("""fixed glued locked riveted lingering linger lingers resting rest rests stay stays stayed staying still
straight right back again intently briefly quickly slowly hard long down glazed keep keeps kept firmly only just never
slide slides sliding drift drifts drifting go goes went dart darts flick flicks return returns come comes fall falls
drop drops wander wanders travel travels settle settles already track tracks tracking scan scans scanning move moves
moving run runs running skim skims skimming""".split())
#: ... the word that takes the look to the thing ...
_LOOK_TO = frozenset("at on onto upon to toward towards into over in across".split())
#: ... and words after which the thing is not where the look goes ("from the paper to the window", "looks pleased with
#: the gift", "looks at him like a piece of dirt", "then at the cake")
_LOOK_NOT_TO = frozenset("""from past off like as if then than of with and but him them me us you it up above beyond behind he she
they we i""".split())


def _looked_at(clause: list[Token] | None, look_end: int, thing_start: int) -> bool:
    """The thing at ``thing_start`` is what the look ending at ``look_end`` goes to: right after it ("she eyes the
    bottle"), or after words of how it goes and the word that takes it there ("eyes fixed on the needle", "looks at the
    ruined cake"), with nothing that sends it elsewhere ("her eyes drift from the paper", "she looks pleased with the
    gift", "eyes narrowed, she lists her grievances")."""
    if clause is None:
        return True
    if look_end < 0:
        return False  # a look carried over from the clause before ("Eyes on him, she opens the box.")
    between = [t.text.lower() for t in clause[look_end + 1: thing_start]]
    if not between:
        return True
    if len(between) > 5 or any(w in _LOOK_NOT_TO for w in between):
        return False
    if not any(w in _LOOK_TO for w in between):
        return len(between) <= 2  # what is looked at, with its words ("she eyes the last sandwich")
    k = 0
    while k < len(between) and (between[k] in _LOOK_HOW or between[k].endswith("ly")):  # "stares hungrily at"
        k += 1
    if k == len(between) or between[k] not in _LOOK_TO:
        return False
    if between[k] == "over" and k + 1 < len(between) and between[k + 1] in _LOOK_TO:
        k += 1  # "looks over at the cake"
    # a second word that takes the look elsewhere: someone looked at before the thing ("looks at him over her cup"; the
    # clause's words have no pronouns)
    return not any(w in _LOOK_TO for w in between[k + 1:])


def _thing_up_high(clause: list[Token] | None, start: int, end: int) -> bool:
    """The words after a thing (its span from ``start`` to ``end`` in ``clause``) put it up at the eyes or above them,
    or the thing is a screen that shows what a look goes to ("stares at the ultrasound on the screen"). (A screen or a
    board named as one up high, "the departures board", "the big screen", is a display to text.py.)"""
    if clause is None:
        return False
    before = [t.text for t in clause[max(0, start - 2): start]]  # (the clause's words have no articles)
    if clause[start].text.startswith("screen") and len(before) == 2 and before[1] == "on" \
            and not re.fullmatch(_LOOK_WORDS + r"|eyes?|looks?|looking|looked|fixed|glued|locked|stay|stays|kept|keeps", before[0]):
        return True
    after = [t.text.lower() for t in clause[end + 1: end + 5]]
    if after and after[0] in ("members", "member", "meeting", "meetings", "room", "rooms"):
        return True  # the board's members or meeting are no thing below the eyes
    return bool(_UP_HIGH_RE.search(" ".join(after)))


#: Reading, writing, scrolling and handwork, which look down at what the hands hold ("He reads the message again.")
_READING_RE = re.compile(
    r"(?<!\bstops\s)(?<!\bstopped\s)(?<!\bfinishes\s)(?<!\bfinished\s)(?<!\bquits\s)"
    r"\b(?:reads|reading|re-?reads|re-?reading|scroll(?:s|ed|ing)?|swipes|swiped|swiping|texts|texted|texting|types|typed|typing"
    r"|writes|wrote|writing|scribbl(?:es|ed|ing)|sews|sewed|sewing|threads\s+(?:a|the)\s+needle"
    r"|read(?=\s+(?:(?:the|a|an|her|his|their|my|your|this|that)\s+(?:[a-z]+\s+)?(?:letter|note|notes|page|pages|book|message|text"
    r"|email|e-mail|card|menu|paper|newspaper|report|list|label|contract|form|script|lines|verdict|results?|file|memo|chart"
    r"|sheet|headline|verse|poem|story|chapter|article|back|front|print|sign)\b|it\s+(?:again|twice|over|through)\b|through\b|over\b))"
    r"|skims|skimmed|skimming|(?:pores|pored|poring)\s+over"
    # handwork on something held or on a surface ("He sorts the slides.", "she counts the money", "fingers work the knot",
    # "signs the statement", "moves her knight"): verbs with no other sense alone, the others with what they work on
    # (not "knits his brows", "sorts himself out", "signs off", "counts her blessings", "peels back his lips", "in stitches")
    r"|(?<!\bbrows\s)(?<!\bbrow\s)(?<!\beyebrows\s)(?:knits|knitting)\b"
    r"(?!\s+(?:(?:her|his|their|my|your|the|both)\s+)?(?:brows?|eyebrows?|forehead|together|up)\b)"
    r"|(?:whittles|whittling|untangles|untangling|unpicks|unpicking|pipettes|pipetting|solders|soldering|darns|darning"
    r"|embroiders|embroidering)\b(?!\s+(?:him|her|them|my|your)sel(?:f|ves)\b)"
    r"|(?:sorts|sorting)\s+(?!(?:him|her|them|my|your|our)sel(?:f|ves)\b|up\b|out\b|(?:it|things|this|that|them|him|her|me|us|everything)\s+out\b"
    r"|through\s+(?:(?:her|his|their|my|your)\s+)?(?:feelings|thoughts|emotions|options|memories)\b)"
    r"|(?<!\bin\s)(?:stitches|stitching|sews\s+up)\s+(?:up\s+)?(?:the|a|an|her|his|their)\b"
    r"|(?:sharpens|sharpening)\s+(?:the|a|her|his|their|my|your)\s+(?:[a-z]+\s+)?(?:pencils?|knife|knives|blades?|saw|chisel|axe|crayons?|tools?|scissors)\b"
    r"|(?:peels|peeling)\s+(?:the|a|an|her|his|their|my|your)\s+(?:[a-z]+\s+)?(?:potato(?:es)?|apples?|oranges?|bananas?|label|sticker|eggs?"
    r"|carrots?|onions?|fruit|tangerines?|satsumas?|clementines?)\b"
    r"|(?:kneads|kneading)\s+(?:the|a|her|his|their|my|your)\s+(?:[a-z]+\s+)?(?:dough|bread|clay|pastry)\b"
    r"|(?:counts|counting)\s+(?:out\s+)?(?:(?:the|a|her|his|their|my|your|some|its)\s+(?:[a-z]+\s+)?(?:money|coins?|change|cash|notes|pills|tablets"
    r"|stitches|cards|chips|votes|ballots|tickets|receipts|beads|takings|float|till|envelopes?)\b|(?:it|them)\s+(?:again|twice|out|up)\b)"
    r"|(?:signs|signing)\s+(?:the|a|an|her|his|their|my|your)\s+(?:[a-z-]+\s+)?(?:forms?|statement|slip|contract|cheque|check|card|papers"
    r"|documents?|letter|book|register|name|receipt|autograph|waiver|petition|agreement|confession|deed|note|bill|guestbook|cast|lease"
    r"|will|visitors'?\s+book)\b"
    r"|(?:folds|folding)\s+(?:the|a|an|her|his|their|my|your)\s+(?:[a-z-]+\s+)?(?:letter|page|pages|paper|papers|note|napkin|map|sheet"
    r"|sheets|towel|towels|shirt|shirts|clothes|laundry|card|flag|blanket|newspaper|envelope|tea\s+towel|washing)\b"
    r"|(?:labels|labelling|labeling)\s+(?:the|a|an|each|every|another)\b|(?:ticks|ticking)\s+(?:off\s+)?(?:another|the|a|each|every)\s+(?:box|item|name|line)"
    r"|(?:jots|jotting)\s+(?:down\s+)?(?:the|a|an|her|his|their|it|something|some)\b"
    r"|(?:makes|making|takes|taking|scribbles)\s+(?:a\s+(?:quick\s+|short\s+|brief\s+)?note|(?:some\s+)?notes)\b|fingers\s+work\b"
    r"|moves\s+(?:her|his|their|my|the|a)\s+(?:knight|bishop|rook|queen|king|pawn|piece|counter)\b"
    # ... or a look at something held ("checks his watch", "checking the banking app", "checks the ticket")
    r"|check(?:s|ed|ing)?\s+(?:the|his|her|their|my|your|a)\s+(?:[a-z]+\s+)?(?:watch|phone|time|numbers|balance(?!\s+on\b)|page|pass|passport"
    r"|ticket|results?|score|scorecard|app|messages?|texts?|e-?mails?|pager|stopwatch|receipt|bill|list|notes?|label|ingredients"
    r"|map|date|cards|wallet|pockets?|clipboard|chart|figures|sums|readout|dial|gauge|pulse|tag)\b"
    r"|back\s+to\s+(?:(?:her|his|their|my|your|the)\s+)?(?:book|paper|newspaper|phone|screen|laptop|notes|magazine|knitting|crossword"
    r"|homework|paperwork|sewing|menu|letter|report))\b"
    r"(?!\s+(?:the\s+room|(?:her|his|their|my|your)\s+(?:face|faces|lips|mind|expression)|(?:him|her|them|me)\b|aloud|out\b|up\b"
    r"|between|glasses|specs|lamp|light|(?:a\s+|the\s+)?stones?\b|across))", re.I)
#: Things the hands work on below the eyes: the lexicon's things below and places down, and a few more
_HANDLED_THINGS = sorted(lx.THINGS_BELOW | {w for w, a in lx.ACTIONS.items() if a == "place_down" and " " not in w}
                         | {"lid", "letter", "app", "glass", "fork", "spoon", "jar", "tin", "plant", "knot", "lace", "page",
                            "pill", "coin", "stamp", "dish", "pastry", "egg"})
_HANDLED_NOUN = r"(?:" + "|".join(_HANDLED_THINGS) + r")(?:e?s)?\b"
_HANDLED_DET = r"(?:the|a|an|her|his|their|my|your|its|this|that|another|one|some)\s+(?:[a-z'-]+\s+){0,2}?"
#: Handwork on such a thing ("She opens the box.", "He turns the envelope over.", "taps the pen on the grid", "puts it
#: in the drawer", "She refreshes the app."): the eyes go down to it as they do to reading (train and dev keep
#: EyeLookDown >= 0.08 on such lines); not a thing held up, to the lips or close, nor an idiom ("puts her cards on the
#: table", "holds a candle for her", "turns the tables")
_HANDLED_RE = re.compile(
    r"\b(?:(?:open|close|unwrap|unfold|tap|refresh|plant|water|slide|stir|pour|slice|shuffle|wipe|polish)(?:s|es|ed|ing)?"
    r"|opening|closing|tapping|sliding|stirring|slicing|shuffling|wiping|cut|cuts|cutting|butters|buttering|deals|dealing"
    r"|(?:pick|picks|picked|picking)\s+up|lay|lays|laid|laying|(?:put|puts|putting|set|sets|setting)\s+down|put|puts|putting"
    r"|(?:fiddle|fiddles|fiddling|fumble|fumbles|fumbling)\s+with|(?:flick|flicks|flicking|leaf|leafs|leafing|thumb|thumbs"
    r"|thumbing)\s+through|(?:rummage|rummages|rummaging)\s+(?:in|through)|hold|holds|holding)"
    r"\s+(?:up\s+|down\s+|open\s+|(?:it|them)\s+(?:back\s+)?(?:in|into|on|onto)\s+)?" + _HANDLED_DET + _HANDLED_NOUN +
    r"(?!\s+(?:on\s+the\s+table|close|to\b|above|over\s+(?:her|his|their|my|your)\s+head|up\b|aloft|high|for\b|of\s+doubt"
    r"|in\s+the\s+air|of\s+(?:her|his|their|my|your|our)\s+(?:life|lives|heart|mind|past)\b))"
    # ... and a thing turned over, or the page turned ("turns the envelope over"; not "turns the tables")
    r"|\b(?:turn|turns|turned|turning)\s+" + _HANDLED_DET + _HANDLED_NOUN + r"\s+over\b"
    r"|\b(?:turn|turns|turned|turning)\s+(?:over\s+)?(?:the|a|another)\s+pages?\b", re.I)
#: Words of looking, which both the reading gaze and the eyes of a head turn leave to the words that say them
_LOOK_WORDS = r"gaze|glanc\w*|star(?:e|es|ed|ing)|peer\w*|watch\w*"
#: Words that say where the eyes are or go: beside them an activity adds no gaze of its own
#: (a thing put or written down is no look down: "writes something down", "sets it down")
_GAZE_SAID_RE = re.compile(r"\b(?:" + _LOOK_WORDS + r"|looks?|looking|looked|up|left|right"
                           r"|(?<!\bit\s)(?<!\bsomething\s)(?<!\bthem\s)(?<!\bthat\s)(?<!\bthis\s)(?<!\beverything\s)down"
                           r"|eyes\s+(?:on|to|at|fixed|locked|glued))\b", re.I)
#: The eyes' pitch down to what the hands hold (``_coherent`` makes the look-down channels 0.23 of it)
_READING_PITCH = 0.14
#: The gaze channels other than the eyes' pitch (a look aside or up that a feeling gives keeps its eyes)
_GAZE_BUT_PITCH = _REGION_MASKS["gaze"] & ~np.isin(np.arange(ch.NUM_CHANNELS), _EYE_PITCHES)


#: An angle written in degrees: "head R 10deg", "turns her head 30 degrees to the left", "eyes 15° down"
_DEGREES_RE = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*(?:\u00b0|\u00ba|degs?\b|degrees?\b)(?!\s*(?:c|f|celsius|centigrade|fahrenheit|kelvin)\b)", re.I)
#: ... said of a turn (not "it's 40 degrees outside")
_TURN_WORD_RE = re.compile(r"\b(?:head|eyes?|gaze\w*|look\w*|glanc\w*|chin|face|turn\w*|tilt\w*|nod\w*|roll\w*|cock\w*|tip\w*"
                           r"|yaw|pitch|lean\w*|rotat\w*)\b", re.I)
_ROLL_WORD_RE = re.compile(r"\b(?:tilt\w*|roll\w*|cock\w*|lean\w*|cant\w*|shoulder)\b", re.I)
_PITCH_WORD_RE = re.compile(r"\b(?:up|down|upwards?|downwards?|nod\w*|back|forward|raise\w*|lower\w*|chin|bow\w*|dip\w*|drop\w*"
                            r"|pitch\w*|floor|ceiling|sky|ground)\b", re.I)
_EYE_WORD_RE = re.compile(r"\b(?:eyes?|gaze\w*|look\w*|glanc\w*|star\w*|peer\w*|eyeline)\b", re.I)
#: ... not a temperature ("it's 40 degrees outside", "the water is 3 degrees")
_TEMPERATURE_RE = re.compile(r"\b(?:outside|inside|outdoors|shade|heat|hot|cold|warm|water|weather|temperature)\b", re.I)
_HEAD_NAMED_RE = re.compile(r"\b(?:head|face)\b", re.I)
#: the largest eye rotation (radians) an angle may set (the eyes' range in a capture, about 34 and 23 degrees; an eye
#: clause is never read as a roll)
_EYE_ANGLE_MAX = {"Yaw": ch.EYE_LOOK_YAW, "Pitch": ch.EYE_LOOK_PITCH}


def _said_direction(clause: str, axis: str) -> float:
    """-1 / +1 for the one direction a clause names on an axis (yaw and roll: left / right, the face's own sides;
    pitch: up or back / down or forward), 0 when it names none or both."""
    if axis == "Pitch":
        neg, pos = r"\b(?:up|upwards?|back|ceiling|sky)\b", r"\b(?:down|downwards?|forward|floor|ground)\b"
    else:
        neg, pos = r"\b(?:left|l)\b", r"\b(?:right|r)\b"
    n, p = bool(re.search(neg, clause, re.I)), bool(re.search(pos, clause, re.I))
    return -1.0 if n and not p else 1.0 if p and not n else 0.0


def _angles(text: str, values: np.ndarray, explanation: list[str]) -> np.ndarray:
    """Head and eye turns written in degrees take that angle (the pose channels are radians): "head R 10deg" turns the
    head 0.17 rad, not the size of a plain turn. Only a direction the words already turned is set (its sign kept);
    the axis is the clause's: a tilt is a roll, up/down/nod a pitch, else a yaw; the eyes when the clause names the
    eyes or a look and not the head."""
    if not _DEGREES_RE.search(text):
        return values
    values = values.copy()
    for clause in re.split(r"[,;.]|\band\b|\bthen\b|\bwhile\b", text):
        for m in _DEGREES_RE.finditer(clause):
            if not _TURN_WORD_RE.search(clause) or _TEMPERATURE_RE.search(clause):
                continue
            eyes = bool(_EYE_WORD_RE.search(clause)) and not _HEAD_NAMED_RE.search(clause)
            if _ROLL_WORD_RE.search(clause) and not eyes:
                axis = "Roll"
            elif _PITCH_WORD_RE.search(clause):
                axis = "Pitch"
            else:
                axis = "Yaw"
            names = [f"LeftEye{axis}", f"RightEye{axis}"] if eyes else [f"Head{axis}"]
            idx = [_IDX[n] for n in names]
            now = values[idx[0]]
            said = _said_direction(clause, axis)
            if said:
                now = said  # the clause's own side or direction decides the sign ("roll L ~12deg")
            if abs(now) < 1e-6:
                continue  # the words turned nothing that way: the angle has no direction to set
            angle = float(m.group(1)) * np.pi / 180.0
            angle = min(angle, _EYE_ANGLE_MAX[axis] if eyes else 1.0)
            values[idx] = np.copysign(angle, now)
            explanation.append(f"'{m.group(0).strip()}' sets {'/'.join(names)} to {np.copysign(angle, now):+.2f} rad")
    return values


def _reading_gaze(text: str, values: np.ndarray, understood: set[str], explanation: list[str], size: float = 1.0) -> np.ndarray:
    """"He reads the message again.", "she scrolls", "sewing by the window": the eyes go down a little to what the
    hands hold (corpus train: about 0.3 where it is keyed), unless the words say where the eyes are, or the line
    already moves them. Set after the context's colouring, so a vague line stays vague for it; a feeling's own
    glance down, the scene's or the line's ("She reads the card." in a wounded scene, eye pitch 0.04), is the same look,
    no further than reading takes it, while its look up or aside ("He reads the text." in exasperation) keeps the eyes
    where it has them. ``size``: the factor of an intensity phrase closing the line ("- way over the top"), which sizes
    this look as it does the rest of the face."""
    reading = _READING_RE.search(text)
    handled = None if reading else _HANDLED_RE.search(text)
    if reading is None and handled is None:
        return values
    # (the handwork's own "up" or "down" is no look: "she picks up the pen")
    rest = text if handled is None else text[:handled.start()] + " " + text[handled.end():]
    if _GAZE_SAID_RE.search(rest) or "gaze" in understood:
        return values
    pitch = _READING_PITCH * size
    if np.any(values[_GAZE_BUT_PITCH] != 0) or np.min(values[_EYE_PITCHES]) < 0 or np.min(values[_EYE_PITCHES]) >= pitch:
        return values
    values[_EYE_PITCHES] = pitch  # the look channels follow in _coherent
    understood.add("gaze")
    explanation.append(f"reading, writing or handwork looks down at the hands a little: eye pitch {pitch:.2f}")
    return values


#: Words about the eyes: beside them a head turn's eyes are the words' to place (and an ear turned toward a sound
#: points the head, not the eyes: round 14b)
_EYE_WORDS_RE = re.compile(r"\b(?:" + _LOOK_WORDS + r"|eyes?|look\w*|glar\w*|eyeball\w*|ears?)\b", re.I)
#: The eyes named only for their lids ("head turned hard to his left, eyes squeezed half shut", "eyes wide"): they
#: say nothing of where the eyes look, so the eyes still lead the turn (corpus: those lines key the look too)
_EYE_LIDS_ONLY_RE = re.compile(r"\b(?:(?:her|his|their|my|your|the|both)\s+)?eyes\s+(?:(?:are|were|is|go|goes|went|gone|stay|stays|half|slightly|a\s+little|almost"
                               r"|nearly|partly|tightly|hard|squeezed|screwed|scrunched|clamped|closed|closing|close|shut|shutting|lowered|lowering"
                               r"|narrowed|narrowing|narrow|wide|widening|widen|heavy|hooded|watering|watery|wet|glistening|red|tired|puffy|bright"
                               r"|shining|sparkling|crinkled|crinkling|creased|open|opened|lidded|droop\w*)\b\s*)+", re.I)
#: A head turn whose eyes the words leave alone takes the eyes along this share of the turn (corpus train: 213 of
#: 370 such lines key the eyes, at a median 0.6 of the head's yaw; none holds them at rest)
_EYES_WITH_TURN = 0.6


def _eyes_lead_the_turn(text: str, values: np.ndarray, said: np.ndarray, understood: set[str],
                        explanation: list[str]) -> np.ndarray:
    """"She turns to her right.", "turns his head away": the eyes go the way the head turns (an animator leads a
    turn with the eyes), unless the words speak of the eyes themselves or the line already moves them. Only a turn
    the words make (``said``: the channels this line's words set): a turn carried over from the keyframe before,
    or one the script's emotion colours in, keeps its eyes as they were."""
    yaw = float(values[_HEAD_CHANNELS[0]])
    if (abs(yaw) < 0.05 or not said[_HEAD_CHANNELS[0]] or np.any(values[_REGION_MASKS["gaze"]] != 0)
            or _EYE_WORDS_RE.search(_EYE_LIDS_ONLY_RE.sub(" ", text))):
        return values
    eye_yaw = _EYES_WITH_TURN * yaw
    values[_EYE_YAWS] = eye_yaw  # the look-in and look-out channels follow in _coherent
    understood.add("gaze")
    explanation.append(f"the eyes lead the head's turn: eye yaw {eye_yaw:.2f} ({_EYES_WITH_TURN:g} of the head's)")
    return values


#: Laughter proper (not a smile): what someone can be "totally gone" with
_LAUGHING = frozenset({"laugh", "giggle", "chuckle"})
#: Strong intensity words that, with a bare "gone" after a laugh, say how far gone the one laughing is
_LOST_LEVEL = 0.9


_MILD = ("slightly ", "a little ")


def _mild(felt: str) -> str:
    """A sound's stock feelings (" , "-separated) each read mild: "slightly amazed"."""
    return " , ".join(f if f.startswith(_MILD) else f"slightly {f}" for f in felt.split(" , "))


def _whole_face_settles(texts: list[str], spans: list[_Span], s: _Span) -> bool:
    """``s`` ("settles") is said of the whole face and nothing else in its clause: the face, expression or
    features named right before it, no other part or movement up to the clause's end."""
    before = [o for o in spans if o.end < s.start]
    if not before or before[-1].roles.get("part") != "face" or set(before[-1].roles) - {"part"} or any(
            "part" in o.roles or "action" in o.roles or "expression" in o.roles for o in before[:-1]):
        return False
    stop = next((k for k in range(s.end + 1, len(texts)) if texts[k] in (",", ";", ".", "!", "?", ":")), len(texts))
    return not any(("part" in o.roles or "action" in o.roles or "expression" in o.roles) for o in spans if s.end < o.start < stop)


def _lost_to_laughter(spans: list[_Span], previous: list[_Instance]) -> bool:
    """A clause that is only a strong intensity word and "gone" ("totally gone", "completely gone") right after a
    laugh: British slang for being helpless with laughter, not the laugh fading (that needs its subject: "the
    laugh is gone", "it's gone")."""
    return (len(spans) == 2 and "intensity" in spans[0].roles and float(spans[0].roles["intensity"]) >= _LOST_LEVEL
            and set(spans[0].roles) == {"intensity"} and spans[1].text.lower() == "gone" and spans[1].start == spans[0].end + 1
            and spans[0].start == 0 and any(i.concept.key in _LAUGHING and not i.negated for i in previous))


_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us", "you", "it", "himself", "herself", "myself", "themselves"})


def _opens_reason(tokens: list[Token], pos: int) -> bool:
    """Whether the clause starting at ``pos`` is a reason ("... a grin at the edge because he liked us"): it names no
    movement of the part named before it."""
    for tok in reversed(tokens[:pos]):
        if tok.lemma not in FILLER:
            return tok.text == "because"
    return False


#: Verbs of the hands whose particle says where a thing goes ("picks up the pen", "sets the cup down", "writes it down")
_HANDS_VERBS = frozenset({"pick", "put", "set", "lay", "take", "write", "jot", "fold", "pack", "sum", "lock", "tidy",
                          "tidies", "clean", "wipe", "wash", "switch", "zip", "cut", "tear", "tore", "rip", "throw", "toss", "pour",
                          "plug", "button", "tie"})
#: Words that stand for the thing handled ("sets it down") and that can come before a verb of the hands ("she picks up")
_THING_PRONOUNS = ("it", "them", "this", "that", "everything", "something")
_PEOPLE = ("she", "he", "they", "i", "we", "you")
_HANDS_SUBJECTS = (*_PEOPLE, "then", "and", "to", "before", "after", "as", "while", "finally", "quickly")


def _without_hands_particles(tokens: list[Token], clause: list[Token], spans: list[_Span]) -> list[_Span]:
    """The spans less a direction that is a verb of the hands' particle ("picks up the pen", "puts the phone down",
    "sets it down": no look up or down, and "sets" no jaw set); "puts her head down" keeps the head's."""
    dropped: set[int] = set()
    for k, sp in enumerate(spans):
        if sp.roles.get("action") not in ("up", "down") or sp.start != sp.end:
            continue
        pos = clause[sp.start].position
        back = tokens[max(0, pos - 3):pos][::-1]  # the words before the particle, nearest first
        words = [t.text for t in back]
        if words[:1] and words[0] in _THING_PRONOUNS:
            verb = back[1:2]  # "sets it down"
        elif len(back) == 3 and words[1] in _DETERMINERS and words[0].isalpha() and not _part_opening(words[0]):
            verb = back[2:3]  # "puts the phone down" (not "puts her head down")
        else:
            verb = back[:1]  # "picks up"
        before = tokens[verb[0].position - 1] if verb and verb[0].position > 0 else None
        following = [t.text for t in tokens[pos + 1:pos + 3]]
        if following and following[0] in _DETERMINERS:
            following = following[1:]
        if following and following[0] in _HEAD_AND_FACE:
            continue  # "puts up her chin", "puts down his head": the part's own direction
        if not verb:
            continue
        # "by the time she hangs up": the phone (a head "hangs down", a jaw "hangs"); any other verb of the hands is
        # someone's ("she picks up", "then puts it down"; not "face set up like rain", "everything folded down")
        hangs_up = verb[0].lemma == "hang" and sp.roles.get("action") == "up" and before is not None and before.text in _PEOPLE
        handled = verb[0].lemma in _HANDS_VERBS and (before is None or before.text in _HANDS_SUBJECTS or not before.text.isalpha()
                                                     or before.text.endswith("ly"))
        if hangs_up or handled:
            dropped.add(k)  # ... and the verb, where it reads as a movement of its own ("sets": the jaw's)
            dropped.update(j for j, other in enumerate(spans) if clause[other.start].position == verb[0].position)
    return [sp for k, sp in enumerate(spans) if k not in dropped] if dropped else spans


def _moves_them(tokens: list[Token], clause: list[Token], spans: list[_Span]) -> bool:
    """A clause that opens with a movement verb whose object is a pronoun, and names no part ("he squeezes them shut and
    grimaces", "she narrows them at him"): the movement is of the part named before, whatever expression follows."""
    if not spans or spans[0].start != 0 or set(spans[0].roles) != {"action"} or any("part" in s.roles for s in spans):
        return False
    after = clause[0].position + 1
    if after >= len(tokens) or tokens[after].text not in ("them", "it"):
        return False
    # the pronoun is the part only where no thing is named between them ("her eyes narrow at the book. She closes it":
    # the book)
    for j in range(clause[0].position - 1, -1, -1):
        if _part_opening(tokens[j].text):
            return True
        if tokens[j].text in _DETERMINERS and j + 1 < len(tokens) and tokens[j + 1].text.isalpha() and not _part_opening(tokens[j + 1].text):
            return False
    return False


def _stops_someone(tokens: list[Token], pos: int) -> bool:
    """'stop' with an object pronoun after it that is not followed by what they would do ('stops him halfway',
    'could stop it'; not 'stops her grinning')."""
    if pos + 1 >= len(tokens) or tokens[pos + 1].text.lower() not in _OBJECT_PRONOUNS:
        return False
    nxt = tokens[pos + 2].text.lower() if pos + 2 < len(tokens) else ""
    return not nxt.endswith("ing")


#: Parts named by a noun of the face (not a look verb that reads as the eyes: "turns and looks")
_PART_NOUN_RE = re.compile(r"(?i)(?:eye|brow|eyebrow|lid|eyelid|lip|mouth|jaw|chin|cheek|nose|nostril|head|face|forehead|corner|tongue"
                           r"|teeth|tooth|gaze)s?")


#: Angry movements and feelings, beside which a scream is one of rage
_ANGRY = frozenset({"emotion_anger", "glare", "scowl", "growl", "roar"})
#: The mouth said to be lopsided ("lopsided", "crooked", "one corner of the mouth higher")
_LOPSIDED_RE = re.compile(r"\b(?:lopsided|crooked|one[\s-]+sided|one\s+corner(?:\s+of\s+(?:the|her|his|their|my|your)\s+mouth)?\s+(?:higher|up|raised|lifted|pulled)"
                          r"|one\s+side\s+of\s+(?:the|her|his|their|my|your)\s+mouth\s+(?:higher|up|raised|lifted))\b", re.I)
#: A beat that opens with its own subject (a pronoun, a name's article or a possessive)
#: The parts a verb of the hands can move as its object ("puts up her chin", "puts down his head"): its particle is the
#: part's own direction (:func:`_without_hands_particles`, :data:`_HANDS_PARTICLE_RE`)
_HEAD_AND_FACE = frozenset({"chin", "head", "face", "eye", "eyes", "brow", "brows", "eyebrows", "gaze", "lid", "lids", "eyelids", "jaw",
                            "nose"})
_SUBJECT_START_RE = re.compile(r"(?i)^\W*(?:and\s+|but\s+|so\s+)?(?:she|he|they|i|we|you|it|her|his|their|my|your|the|a|an|this|that|its)\b")
#: A beat that opens with a verb of the hands and its particle ("picks up the pen", "puts it down", "then writes it
#: down"): the particle goes with the hands' verb, it moves no part named in an earlier beat
_HANDS_PARTICLE_RE = re.compile(
    r"(?i)^\W*(?:then\s+|and\s+)?(?:(?:she|he|they|i|we|you)\s+)?(?:\w+ly\s+)?(?:(?:hangs?|hung|hanging)(?=\s+up\b)"
    r"|pick|picks|picked|picking|puts?|putting|sets?|setting|lays?|laid|laying|takes?|took|taken|taking|writes?|wrote|written"
    r"|writing|jots?|jotted|jotting|folds?|folded|folding|packs?|packed|packing|sums?|summed|summing|locks?"
    r"|locked|locking|tid(?:y|ies|ied|ying)|cleans?|cleaned|cleaning|wipes?|wiped|wiping|wash(?:es|ed|ing)?|switch(?:es|ed|ing)?|zips?"
    r"|zipped|zipping|cuts?|cutting|tears?|tore|torn|tearing|rips?|ripped|ripping|throws?|threw|thrown|throwing|toss(?:es|ed|ing)?|pours?"
    r"|poured|pouring|holds?|held|holding|plugs?|plugged|plugging|button(?:s|ed|ing)?|ties?|tied|tying)"
    r"\s+(?:(?:it|them|this|that|everything|something|(?:the|a|an|her|his|their|my|your)\s+[\w-]+)\s+)?"
    r"(?:up|down|off|away|over|out|back|in)\b(?!\s+(?:(?:her|his|their|my|your|the)\s+)?(?:" + "|".join(sorted(_HEAD_AND_FACE)) + r")\b)")


def _opens_new_subject(clause: list[Token], start: int, end: int, part_ends: set[int]) -> bool:
    """True when the words ``clause[start:end]`` between a movement word and a part after it end in "and" with only
    determiners after it ("narrow to slits and her brows"): that part is the subject of the next clause, not the
    movement's object ("raises and lowers his brows" keeps its object: a second verb stands between; "left head and
    eyes" joins two parts: ``part_ends``, the token positions where a part ends)."""
    words = [t.text.lower() for t in clause[start:end]]
    if "and" not in words:
        return False
    last = len(words) - 1 - words[::-1].index("and")
    if last == len(words) - 1 and end < len(clause) and not _PART_NOUN_RE.fullmatch(clause[end].text):
        return False  # "turns and looks toward": a second verb of the same subject
    return start + last - 1 not in part_ends and all(w in _OBJECT_GAP for w in words[last + 1 :])


def _crossed_eyes(v: np.ndarray) -> np.ndarray:
    """Values with both eyes turned in (vergence): each eye's yaw kept, looking in toward the nose."""
    inward = min(v[_IDX["LeftEyeYaw"]], -v[_IDX["RightEyeYaw"]]) / _EYE_YAW_MAX
    v[_IDX["LeftEyeYaw"]], v[_IDX["RightEyeYaw"]] = inward * _EYE_YAW_MAX, -inward * _EYE_YAW_MAX
    v[_IDX["EyeLookInLeft"]] = v[_IDX["EyeLookInRight"]] = min(inward * _EYE_YAW_MAX / 0.6, 1.0)  # corpus: yaw 0.33, LookIn 0.55
    v[_IDX["EyeLookOutLeft"]] = v[_IDX["EyeLookOutRight"]] = 0.0
    for axis in ("Pitch",):
        li, ri = _IDX[f"LeftEye{axis}"], _IDX[f"RightEye{axis}"]
        v[li] = v[ri] = v[li] if abs(v[li]) >= abs(v[ri]) else v[ri]
    return v


EXPLAIN_MAX = 12  # channels named per explanation line; the rest are counted ("+N more")


def _listed(items: list[str], limit: int = EXPLAIN_MAX) -> str:
    """``items`` joined by commas, at most ``limit`` of them and "+N more" for the rest."""
    if len(items) <= limit:
        return ", ".join(items)
    return ", ".join(items[:limit]) + f" +{len(items) - limit} more"


class _Negation(str):
    """The explanation line of a negation, finished by :func:`_finish_explanation`."""

    mask: np.ndarray


def _finish_explanation(explanation: list[str], values: np.ndarray) -> list[str]:
    """Name the channels negations really leave at 0 in ``values`` (the output), and those another
    movement of the description keeps (a negation clears only what nothing else sets)."""
    out = []
    for line in explanation:
        if isinstance(line, _Negation):
            idx = np.flatnonzero(line.mask)
            zero = [ch.NAMES[i] for i in idx if values[i] == 0.0]
            kept = [f"{ch.NAMES[i]} {values[i]:.2f}" for i in idx if values[i] != 0.0]
            text = f"{line} -> 0 on {_listed(zero)}" if zero else f"{line} -> nothing left to clear"
            if kept:
                text += f"; kept by the rest of the description: {_listed(kept)}"
            out.append(text)
        else:
            out.append(str(line))
    return out


_DEFAULT: EmbeddedPlanner | None = None


def explain(description: str, **kwargs) -> list[str]:
    """Explanation lines for one description (uses a shared planner; keyword arguments as in ``plan``)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = EmbeddedPlanner()
    return _DEFAULT.explain(description, **kwargs)
