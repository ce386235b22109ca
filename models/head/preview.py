"""Quick looks while tuning the head: ``python -m models.head.preview HEAD.npz OUT.png [NAME=W ...]``
draws front / three-quarter / side of the neutral head and of the given pose."""

from __future__ import annotations

import sys

import numpy as np

from kfstudio.channels import NUM_CHANNELS, channel_index
from kfstudio.render.offscreen import Renderer, write_png
from kfstudio.rig.head import load_head_npz


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    head = load_head_npz(argv[0])
    pose = np.zeros(NUM_CHANNELS)
    for item in argv[2:]:
        k, w = item.split("=")
        pose[channel_index(k)] = float(w)
    r = Renderer(head, size=(320, 360))
    images = [r.render(v, view=view) for v in (np.zeros(NUM_CHANNELS), pose) for view in ("front", "three-quarter", "side")]
    top = np.concatenate(images[:3], axis=1)
    bottom = np.concatenate(images[3:], axis=1)
    write_png(argv[1], np.concatenate([top, bottom], axis=0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
