"""Generate the default head and write it to ``resources/head/default_head.npz``.

Run ``python -m models.procedural_head.build`` (add ``--preview OUT.png`` for a numpy-rendered contact
sheet of the neutral head and all 52 shapes at weight 1). Everything is made by the project's own code:
see :mod:`models.procedural_head.sculpt` for the mesh and :mod:`models.procedural_head.shapes` for
the blendshapes.
"""

from __future__ import annotations

import argparse
import sys

import numpy as np

from models.procedural_head.sculpt import JAW_PIVOT, NECK_PIVOT, build_sculpt
from models.procedural_head.shapes import build_shapes
from kfstudio.rig.head import DEFAULT_HEAD_PATH, PARTS, Head, save_head_npz

CM = 0.01  # the generator works in centimetres; heads are in metres

#: Part names of the default head (the shared list, which ends with its short hair cap).
HEAD_PARTS: tuple[str, ...] = PARTS

#: Base colour (RGBA, linear-ish sRGB values in 0..1) of each part of the default head.
PART_COLORS: dict[str, tuple[float, float, float, float]] = {
    "skin": (0.87, 0.67, 0.56, 1.0),
    "lips": (0.74, 0.40, 0.40, 1.0),
    "brow_l": (0.33, 0.22, 0.15, 1.0),
    "brow_r": (0.33, 0.22, 0.15, 1.0),
    "nostril": (0.52, 0.31, 0.26, 1.0),  # a soft shadow tone: the opening is small next to the grid
    "lash_l": (0.12, 0.08, 0.07, 1.0),
    "lash_r": (0.12, 0.08, 0.07, 1.0),
    "eye_white_l": (0.95, 0.94, 0.92, 1.0),
    "iris_l": (0.28, 0.47, 0.62, 1.0),
    "pupil_l": (0.03, 0.03, 0.04, 1.0),
    "eye_white_r": (0.95, 0.94, 0.92, 1.0),
    "iris_r": (0.28, 0.47, 0.62, 1.0),
    "pupil_r": (0.03, 0.03, 0.04, 1.0),
    "teeth_upper": (0.96, 0.94, 0.87, 1.0),
    "teeth_lower": (0.96, 0.94, 0.87, 1.0),
    "tongue": (0.78, 0.36, 0.38, 1.0),
    "inner_mouth": (0.32, 0.09, 0.10, 1.0),
    "hair": (0.17, 0.11, 0.08, 1.0),
}


def build_default_head() -> Head:
    """Generate the default head (takes a few seconds)."""
    s = build_sculpt(HEAD_PARTS)
    indices, deltas = build_shapes(s)
    eye_l = s.groups["eye_l"].astype(np.int32)
    eye_r = s.groups["eye_r"].astype(np.int32)
    return Head(
        name="default",
        vertices=s.verts * CM,
        faces=s.faces,
        part=s.part,
        part_names=HEAD_PARTS,
        colors=np.array([PART_COLORS[p] for p in HEAD_PARTS], dtype=np.float32),
        shape_indices=indices,
        shape_deltas=[d * CM for d in deltas],
        neck_pivot=NECK_PIVOT * CM,
        eye_centers=s.eye_centers * CM,
        eye_vertices=(eye_l, eye_r),
        jaw_pivot=JAW_PIVOT * CM,
        missing=[],
    )


def preview_sheet(head: Head, path, size: int = 220) -> None:
    """Numpy-rendered contact sheet: neutral + the 52 shapes at weight 1 (front view of the face)."""
    from kfstudio.channels import NUM_CHANNELS
    from kfstudio.rig.evaluate import Rig
    from models.procedural_head.preview import contact_sheet, rasterise, write_png

    rig = Rig(head)
    colors = head.vertex_colors()
    bounds = (0.0, -0.025, 0.075)
    images = []
    for i in range(-1, 52):
        values = np.zeros(NUM_CHANNELS)
        if i >= 0:
            values[i] = 1.0
        pos, nrm = rig.evaluate(values)
        images.append(rasterise(pos, nrm, head.faces, colors, size=size, bounds=bounds))
    write_png(path, contact_sheet(images, 9))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m models.procedural_head.build", description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", default=str(DEFAULT_HEAD_PATH), help="where to write the .npz head")
    ap.add_argument("--preview", metavar="PNG", help="also write a contact sheet of all shapes")
    args = ap.parse_args(argv)
    head = build_default_head()
    save_head_npz(head, args.output)
    print(f"wrote {args.output}: {head.num_vertices} vertices, {len(head.faces)} faces")
    if args.preview:
        preview_sheet(head, args.preview)
        print(f"wrote {args.preview}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
