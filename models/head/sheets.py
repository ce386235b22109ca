"""The head's contact sheets in docs/images/: the seven basic expressions at typical intensities and the
neutral face (``emotions_sheet.png``, 256 px cells) and the 52 shapes at weight 1 (``shapes_sheet.png``, the same
as ``kfstudio render --shapes``).

    python -m models.head.sheets [--out docs/images]

The expressions are FACS prototypes (Ekman & Friesen's action units for each emotion) written as ARKit
weights; they are the head's reference poses, independent of any planner.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from kfstudio.channels import NEUTRAL, channel_index

#: name -> (FACS action units, ARKit weights). L/R pairs are written once with a "*" for the side.
EXPRESSIONS: list[tuple[str, str, dict[str, float]]] = [
    ("Neutral", "for reference", {}),
    ("Happiness", "AU6+12 (+25)", {"MouthSmile*": 0.85, "CheekSquint*": 0.6, "EyeSquint*": 0.35,
                                   "JawOpen": 0.08, "MouthUpperUp*": 0.15, "MouthDimple*": 0.2}),
    ("Sadness", "AU1+4+15 (+17)", {"BrowInnerUp": 1.0, "BrowDown*": 0.3, "MouthFrown*": 0.95,
                                   "MouthShrugLower": 0.55, "EyeLookDown*": 0.3, "EyeBlink*": 0.2,
                                   "MouthPress*": 0.3, "MouthStretch*": 0.15, "HeadPitch": 0.08}),
    ("Surprise", "AU1+2+5+26", {"BrowInnerUp": 0.9, "BrowOuterUp*": 0.9, "EyeWide*": 0.75, "JawOpen": 0.4,
                                "MouthFunnel": 0.1}),
    ("Fear", "AU1+2+4+5+20+26", {"BrowInnerUp": 0.95, "BrowOuterUp*": 0.35, "BrowDown*": 0.35,
                                 "EyeWide*": 0.9, "MouthStretch*": 0.75, "JawOpen": 0.18,
                                 "MouthLowerDown*": 0.3}),
    ("Anger", "AU4+5+7+23+24", {"BrowDown*": 1.0, "EyeSquint*": 0.5, "EyeWide*": 0.35, "NoseSneer*": 0.45,
                                "MouthPress*": 0.85, "MouthRollLower": 0.2, "MouthRollUpper": 0.15,
                                "MouthFrown*": 0.35, "JawForward": 0.15, "HeadPitch": 0.06}),
    ("Disgust", "AU9+10+15 (+4)", {"NoseSneer*": 0.9, "MouthUpperUp*": 0.7, "BrowDown*": 0.55,
                                   "CheekSquint*": 0.45, "MouthFrown*": 0.4, "EyeSquint*": 0.35,
                                   "MouthShrugLower": 0.3}),
    ("Contempt", "R12+R14 (left)", {"MouthDimpleLeft": 0.8, "MouthSmileLeft": 0.45, "MouthLeft": 0.12,
                                     "EyeSquintLeft": 0.2, "MouthPressLeft": 0.2, "HeadRoll": -0.04,
                                     "HeadYaw": 0.06}),
]


def expression_values(weights: dict[str, float]) -> np.ndarray:
    values = NEUTRAL.copy()
    for name, w in weights.items():
        for n in ((name[:-1] + "Left", name[:-1] + "Right") if name.endswith("*") else (name,)):
            values[channel_index(n)] = w
    return values


def emotion_frames():
    return [(expression_values(w), (name, au)) for name, au, w in EXPRESSIONS]


def main(argv=None) -> int:
    from kfstudio.render.offscreen import blendshape_frames, render_sheet, write_png
    from kfstudio.rig.head import default_head

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default="docs/images")
    args = parser.parse_args(argv)
    out = Path(args.out)
    head = default_head()
    write_png(out / "emotions_sheet.png", render_sheet(head, emotion_frames(), columns=4, size_per=(256, 300)))
    write_png(out / "shapes_sheet.png", render_sheet(head, blendshape_frames(1.0), columns=8))
    neutral = NEUTRAL.copy()
    views = [render_sheet(head, [(neutral, (view, ""))], columns=1, size_per=(320, 380), view=view)
             for view in ("front", "three-quarter", "side")]
    write_png(out / "head_views.png", np.concatenate(views, axis=1))
    print(f"wrote {out / 'emotions_sheet.png'}, {out / 'shapes_sheet.png'} and {out / 'head_views.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
