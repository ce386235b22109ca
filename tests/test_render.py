"""Offscreen rendering: views, shading, part maps, contact sheets, PNG files and ``kfstudio render``.

Everything renders for real through vispy's headless OpenGL (EGL or OSMesa); the tests skip, with
the reason, only when this machine has no headless OpenGL at all.
"""

from __future__ import annotations

import argparse
import json
import zlib
from dataclasses import dataclass

import numpy as np
import pytest

from kfstudio import channels
from kfstudio.render import offscreen as render

SIZE = (160, 160)


# --------------------------------------------------------------------------------------------
# A small stand-in head: a skin ball with two protruding eyes (white + iris) and a nose bump


def _sphere(center, radius, n_lon=40, n_lat=24):
    lat = np.linspace(0.0, np.pi, n_lat)
    lon = np.linspace(0.0, 2 * np.pi, n_lon, endpoint=False)
    t, p = np.meshgrid(lat, lon, indexing="ij")
    unit = np.stack([np.sin(t) * np.sin(p), np.cos(t), np.sin(t) * np.cos(p)], axis=-1).reshape(-1, 3)
    a = np.arange(n_lat - 1)[:, None] * n_lon + np.arange(n_lon)[None, :]
    b = np.arange(n_lat - 1)[:, None] * n_lon + (np.arange(n_lon)[None, :] + 1) % n_lon
    faces = np.concatenate([np.stack([a, a + n_lon, b], -1), np.stack([b, a + n_lon, b + n_lon], -1)]).reshape(-1, 3)
    return (unit * radius + center).astype(np.float32), unit.astype(np.float32), faces.astype(np.int32)


@dataclass
class StandInHead:
    vertices: np.ndarray
    faces: np.ndarray
    part: np.ndarray
    part_names: tuple
    colors: np.ndarray


class StandInRig:
    """Skin ball (part 0), left eye at +X (parts 1 white, 2 iris), right eye at -X (parts 3, 4).

    ``JawOpen`` drops the lower front of the ball; ``LeftEyeYaw``/``RightEyeYaw`` turn the eyes
    (positive toward the face's right, -X), as the real rig does.
    """

    EYES = {"left": np.array([0.32, 0.2, 0.98]), "right": np.array([-0.32, 0.2, 0.98])}

    def __init__(self):
        pieces = [(_sphere(np.zeros(3), 1.0), 0, None)]
        for k, (side, c) in enumerate(self.EYES.items()):
            pieces.append((_sphere(c, 0.18), 1 + 2 * k, side))
        vertices, normals, faces, part, self.eye_slices = [], [], [], [], {}
        offset = 0
        for (v, n, f), pid, side in pieces:
            p = np.full(len(v), pid, np.uint8)
            if side:
                p[n[:, 2] > 0.75] = pid + 1  # iris cap facing +Z
                self.eye_slices[side] = slice(offset, offset + len(v))
            vertices.append(v), normals.append(n), faces.append(f + offset), part.append(p)
            offset += len(v)
        self.head = StandInHead(
            np.concatenate(vertices), np.concatenate(faces), np.concatenate(part),
            ("skin", "eye_white_l", "iris_l", "eye_white_r", "iris_r"),
            np.array([[0.8, 0.6, 0.5, 1], [0.95, 0.95, 0.93, 1], [0.2, 0.35, 0.6, 1],
                      [0.95, 0.95, 0.93, 1], [0.2, 0.35, 0.6, 1]], np.float32),
        )
        self._normals = np.concatenate(normals)

    def evaluate(self, values):
        v = self.head.vertices.copy()
        n = self._normals.copy()
        jaw = (self.head.part == 0) & (v[:, 1] < -0.35) & (v[:, 2] > 0.2)
        v[jaw, 1] -= 0.35 * values[channels.channel_index("JawOpen")]
        for side, sl in self.eye_slices.items():
            yaw = values[channels.channel_index(("Left" if side == "left" else "Right") + "EyeYaw")]
            c, s = np.cos(yaw), np.sin(yaw)
            rot = np.array([[c, 0, -s], [0, 1, 0], [s, 0, c]])  # +yaw swings +Z toward -X
            v[sl] = (v[sl] - self.EYES[side]) @ rot.T + self.EYES[side]
            n[sl] = n[sl] @ rot.T
        return v.astype(np.float32), n.astype(np.float32)


@pytest.fixture(scope="module")
def gl():
    try:
        render.select_backend()
    except render.RenderUnavailableError as exc:
        pytest.skip(f"no headless OpenGL on this machine: {exc}")


@pytest.fixture(scope="module")
def standin(gl):
    rig = StandInRig()
    r = render.Renderer(rig, SIZE, supersample=1)
    yield rig, r
    r.close()


def _centroid(mask):
    ys, xs = np.nonzero(mask)
    assert len(xs), "the part is not visible"
    return xs.mean(), ys.mean()


def _pose(**named) -> np.ndarray:
    v = channels.NEUTRAL.copy()
    for name, value in named.items():
        v[channels.channel_index(name)] = value
    return v


# --------------------------------------------------------------------------------------------
# Generic renderer behaviour on the stand-in


def test_image_format_background_and_determinism(standin):
    _, r = standin
    a = r.render(channels.NEUTRAL)
    b = r.render(channels.NEUTRAL)
    assert a.shape == (SIZE[1], SIZE[0], 4) and a.dtype == np.uint8
    assert np.array_equal(a, b)
    background = np.round(np.array(render.BACKGROUND) * 255)
    for corner in (a[0, 0], a[0, -1], a[-1, 0], a[-1, -1]):
        assert np.abs(corner.astype(int) - background).max() <= 1
    # The head fills the middle and is shaded: lit skin is brighter than its shadowed side.
    parts = r.part_map(channels.NEUTRAL)
    skin = a[parts == 0][:, :3].astype(int).sum(axis=1)
    assert (parts >= 0).mean() > 0.3
    assert skin.max() - skin.min() > 120


def test_front_view_puts_the_characters_left_on_image_right(standin):
    rig, r = standin
    parts = r.part_map(channels.NEUTRAL, view="front")
    left_x, left_y = _centroid(parts == rig.head.part_names.index("iris_l"))
    right_x, right_y = _centroid(parts == rig.head.part_names.index("iris_r"))
    assert left_x > SIZE[0] / 2 > right_x
    assert abs(left_y - right_y) < 2 and left_y < SIZE[1] / 2  # eyes level, above the middle (+Y up)


def test_side_and_three_quarter_views_look_from_the_characters_right(standin):
    rig, r = standin
    parts = r.part_map(channels.NEUTRAL, view="side")
    iris_r = parts == rig.head.part_names.index("iris_r")
    x, _ = _centroid(iris_r)
    assert x > SIZE[0] * 0.6  # seen from the character's right (-X), the face (+Z) points to image right
    assert not (parts == rig.head.part_names.index("iris_l")).any()  # the far eye is hidden
    quarter = r.part_map(channels.NEUTRAL, view="three-quarter")
    near = (quarter == rig.head.part_names.index("iris_r")).sum()
    far = (quarter == rig.head.part_names.index("iris_l")).sum()
    assert near > far > 0


def test_eye_yaw_moves_the_iris_toward_the_faces_right(standin):
    rig, r = standin
    iris = rig.head.part_names.index("iris_l")
    x0, _ = _centroid(r.part_map(channels.NEUTRAL) == iris)
    x1, _ = _centroid(r.part_map(_pose(LeftEyeYaw=0.5)) == iris)
    assert x1 < x0 - 2  # toward the face's right = image left


def test_wireframe_draws_darker_edges(standin):
    _, r = standin
    plain = r.render(channels.NEUTRAL).astype(int)
    wire = r.render(channels.NEUTRAL, wireframe=True).astype(int)
    changed = np.abs(wire - plain)[..., :3].sum(axis=-1) > 30
    assert changed.mean() > 0.02
    assert wire[changed][:, :3].sum() < plain[changed][:, :3].sum()


def test_label_is_drawn_under_the_head(standin):
    _, r = standin
    bare = r.render(channels.NEUTRAL)
    labelled = r.render(channels.NEUTRAL, label=("1.25 s", "smile"))
    strip = slice(int(SIZE[1] * 0.85), SIZE[1])

    def whitish(image):  # light grey text pixels: bright in every channel, hardly coloured
        rgb = image[strip, :, :3].astype(int)
        return ((rgb.min(axis=-1) > 150) & (np.ptp(rgb, axis=-1) < 30)).sum()

    assert whitish(labelled) > 20
    assert whitish(bare) < 3


def test_sheet_layout_and_cells(gl):
    rig = StandInRig()
    frames = [(_pose(JawOpen=w), (f"{i:.2f} s", f"jaw {w}")) for i, w in enumerate((0.0, 0.5, 1.0))]
    sheet = render.render_sheet(rig, frames, columns=2, size_per=(96, 112))
    gutter = render._GUTTER
    assert sheet.shape == (2 * 112 + 3 * gutter, 2 * 96 + 3 * gutter, 4)
    cells = [sheet[gutter + r * (112 + gutter):][:112, gutter + c * (96 + gutter):][:, :96]
             for r, c in ((0, 0), (0, 1), (1, 0))]
    assert not np.array_equal(cells[0], cells[2])  # different poses give different cells
    empty = sheet[gutter + 112 + gutter:][:112, gutter + 96 + gutter:][:, :96]
    assert len(np.unique(empty.reshape(-1, 4), axis=0)) == 1  # the unused cell stays blank


def test_bad_requests_are_rejected_clearly(standin):
    _, r = standin
    with pytest.raises(render.RenderRequestError, match="unknown view 'top'"):
        r.render(channels.NEUTRAL, view="top")
    with pytest.raises(render.RenderRequestError, match="61 channel values"):
        r.render(np.zeros(52))
    with pytest.raises(render.RenderRequestError, match="between 16 and 8192"):
        render.Renderer(StandInRig(), (0, 10))
    with pytest.raises(render.RenderRequestError, match="at least one frame"):
        render.render_sheet(StandInRig(), [])


def test_camera_frame_matches_the_named_view(standin):
    from kfstudio.render.visual import camera_frame

    _, r = standin
    for view, (azimuth, elevation) in render.VIEWS.items():
        r.render(channels.NEUTRAL, view=view)
        right, up, toward, eye = camera_frame(r.mesh.transforms.get_transform("visual", "render"))
        exp_right, exp_up, exp_toward = render._camera_axes(azimuth, elevation)
        np.testing.assert_allclose(right, exp_right, atol=1e-3)
        np.testing.assert_allclose(up, exp_up, atol=1e-3)
        np.testing.assert_allclose(toward, exp_toward, atol=1e-3)
        assert eye[3] == 1.0  # perspective camera: a finite eye point in front of the face
        assert np.dot(eye[:3] - r.view.camera.center, exp_toward) > 0


# --------------------------------------------------------------------------------------------
# PNG files


def test_png_round_trip_and_cross_check_with_vispy(tmp_path):
    rng = np.random.default_rng(4)
    for channels_n in (3, 4):
        image = rng.integers(0, 256, size=(37, 53, channels_n), dtype=np.uint8)
        path = render.write_png(tmp_path / f"ours{channels_n}.png", image)
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
        assert np.array_equal(render.read_png(path), image)
    # A PNG from another writer (vispy's) reads back identically.
    from vispy.io import write_png as vispy_write_png

    image = rng.integers(0, 256, size=(20, 31, 4), dtype=np.uint8)
    vispy_write_png(str(tmp_path / "vispy.png"), image)
    assert np.array_equal(render.read_png(tmp_path / "vispy.png"), image)


def test_png_reader_undoes_every_filter(tmp_path):
    """Rows filtered with Sub, Up, Average and Paeth (built here by the PNG rules) decode exactly."""
    rng = np.random.default_rng(7)
    h, w, bpp = 6, 9, 3
    image = rng.integers(0, 256, size=(h, w * bpp)).astype(np.int32)
    raw = bytearray()
    prev = np.zeros(w * bpp, np.int32)
    for y in range(h):
        kind = y % 5
        line = image[y]
        left = np.concatenate([np.zeros(bpp, np.int32), line[:-bpp]])
        upleft = np.concatenate([np.zeros(bpp, np.int32), prev[:-bpp]])
        if kind == 0:
            pred = np.zeros_like(line)
        elif kind == 1:
            pred = left
        elif kind == 2:
            pred = prev
        elif kind == 3:
            pred = (left + prev) // 2
        else:
            p = left + prev - upleft
            pa, pb, pc = np.abs(p - left), np.abs(p - prev), np.abs(p - upleft)
            pred = np.where((pa <= pb) & (pa <= pc), left, np.where(pb <= pc, prev, upleft))
        raw.append(kind)
        raw.extend(((line - pred) % 256).astype(np.uint8).tobytes())
        prev = line
    import struct

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(bytes(raw))) + chunk(b"IEND", b""))
    (tmp_path / "f.png").write_bytes(png)
    assert np.array_equal(render.read_png(tmp_path / "f.png"), image.reshape(h, w, bpp).astype(np.uint8))


def test_png_reader_rejects_other_files(tmp_path):
    (tmp_path / "x.png").write_bytes(b"GIF89a not a png")
    with pytest.raises(render.RenderRequestError, match="not a PNG"):
        render.read_png(tmp_path / "x.png")


# --------------------------------------------------------------------------------------------
# Command-line argument handling


from kfstudio.cli import render as render_cli  # noqa: E402


def test_parse_size():
    assert render_cli.parse_size("640x480") == (640, 480)
    assert render_cli.parse_size(" 64X32 ") == (64, 32)
    for bad in ("640", "640x", "x480", "axb", "8x8", "10000x10"):
        with pytest.raises(render_cli.RenderArgumentError, match="bad size"):
            render_cli.parse_size(bad)


def test_parse_assignment_accepts_any_spelling_and_suggests_names():
    assert render_cli.parse_assignment("jawOpen=0.5") == (channels.channel_index("JawOpen"), 0.5)
    assert render_cli.parse_assignment("HeadYaw=-0.25") == (channels.channel_index("HeadYaw"), -0.25)
    with pytest.raises(render_cli.RenderArgumentError, match="did you mean 'JawOpen'"):
        render_cli.parse_assignment("jawOpn=0.5")
    with pytest.raises(render_cli.RenderArgumentError, match="outside its range"):
        render_cli.parse_assignment("JawOpen=1.5")
    with pytest.raises(render_cli.RenderArgumentError, match="not a number"):
        render_cli.parse_assignment("JawOpen=wide")
    with pytest.raises(render_cli.RenderArgumentError, match="CHANNEL=VALUE"):
        render_cli.parse_assignment("JawOpen")


def test_values_json_errors_name_the_file_and_field(tmp_path):
    good = tmp_path / "pose.json"
    good.write_text(json.dumps({"jawOpen": 0.4, "EyeBlink_L": 1}))
    assert render_cli.load_values_json(good) == {channels.channel_index("JawOpen"): 0.4,
                                                  channels.channel_index("EyeBlinkLeft"): 1.0}
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "JawOpen": 0.4,\n  oops\n}')
    with pytest.raises(render_cli.RenderArgumentError, match=r"broken.json: line 3"):
        render_cli.load_values_json(broken)
    unknown = tmp_path / "unknown.json"
    unknown.write_text(json.dumps({"MouthSmileLeft": 0.2, "mouthSmiel_L": 0.5}))
    with pytest.raises(render_cli.RenderArgumentError, match=r"unknown.json: field 'mouthSmiel_L'.*MouthSmileLeft"):
        render_cli.load_values_json(unknown)
    wrong_type = tmp_path / "list.json"
    wrong_type.write_text("[1, 2]")
    with pytest.raises(render_cli.RenderArgumentError, match="expected a JSON object"):
        render_cli.load_values_json(wrong_type)


def _cli(argv):
    parser = argparse.ArgumentParser(prog="kfstudio")
    render_cli.add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["render", *argv])


def test_cli_reports_bad_view_and_size_without_traceback(tmp_path, capsys):
    out = tmp_path / "x.png"
    assert render_cli.run_render(_cli(["--view", "top", "-o", str(out)])) == 2
    assert "unknown view 'top'" in capsys.readouterr().err
    assert render_cli.run_render(_cli(["--size", "big", "-o", str(out)])) == 2
    assert "bad size 'big'" in capsys.readouterr().err
    assert render_cli.run_render(_cli(["--set", "jawOpn=1", "-o", str(out)])) == 2
    assert "did you mean 'JawOpen'" in capsys.readouterr().err
    assert render_cli.run_render(_cli(["--sheet", "-o", str(out)])) == 2
    assert "need a script or project" in capsys.readouterr().err
    assert not out.exists()


# --------------------------------------------------------------------------------------------
# The default head: every blendshape shows where it should, gaze and head turns go the right way

# Shapes that slide the mouth sideways: the lips' outline moves, rather than one side changing.
_LATERAL = {"JawLeft": +1, "MouthLeft": +1, "JawRight": -1, "MouthRight": -1}


@pytest.fixture(scope="module")
def face(gl):
    from kfstudio.rig.evaluate import Rig
    from kfstudio.rig.head import default_head

    rig = Rig(default_head())
    r = render.Renderer(rig, SIZE, supersample=1)
    parts = r.part_map(channels.NEUTRAL)
    head = rig.head
    iris = [_centroid(parts == head.part_id(name)) for name in ("iris_l", "iris_r")]
    marks = {
        "image": r.render(channels.NEUTRAL).astype(int),
        "parts": parts,
        "eye_y": (iris[0][1] + iris[1][1]) / 2,
        "mid_x": (iris[0][0] + iris[1][0]) / 2,
        "mouth_y": _centroid(parts == head.part_id("lips"))[1],
    }
    yield rig, r, marks
    r.close()


def _change(r, marks, values):
    """Per-pixel amount of change from the neutral face (colour, plus part outlines moving)."""
    image = r.render(values).astype(int)
    diff = np.abs(image - marks["image"])[..., :3].sum(axis=-1).astype(float)
    moved = r.part_map(values) != marks["parts"]
    return np.where(moved, np.maximum(diff, 60.0), diff) * (diff + moved * 60 > 24)


def test_neutral_face_is_framed_with_eyes_above_mouth(face):
    rig, r, marks = face
    parts = marks["parts"]
    ys, xs = np.nonzero(parts >= 0)
    assert xs.min() > 0 and xs.max() < SIZE[0] - 1 and ys.min() > 0  # not cropped (the neck may leave the frame)
    assert (parts >= 0).mean() > 0.25
    assert marks["eye_y"] < marks["mouth_y"]
    assert abs(marks["mid_x"] - SIZE[0] / 2) < SIZE[0] * 0.08


@pytest.mark.parametrize("channel", channels.CHANNELS[: channels.NUM_BLENDSHAPES], ids=lambda c: c.name)
def test_each_blendshape_changes_the_right_region(face, channel):
    rig, r, marks = face
    values = channels.NEUTRAL.copy()
    values[channel.index] = 1.0
    if channel.name == "MouthClose":  # it acts only against JawOpen (ARKit); see the test below
        values[channels.channel_index("JawOpen")] = 1.0
    change = _change(r, marks, values)
    assert (change > 0).sum() >= 8, f"{channel.name} at weight 1 hardly changes the image"
    ys, xs = np.nonzero(change)
    weights = change[ys, xs]
    cy = np.average(ys, weights=weights)
    eye_y, mouth_y = marks["eye_y"], marks["mouth_y"]
    between = (eye_y + mouth_y) / 2
    group = channel.group
    if group == "brows":
        assert cy < eye_y, f"{channel.name} changes the image below the eyes (y {cy:.0f}, eyes {eye_y:.0f})"
    elif group == "eyes":
        assert cy < between, f"{channel.name} changes the lower face (y {cy:.0f})"
    elif group in ("jaw", "mouth", "tongue"):
        assert cy > between, f"{channel.name} changes the upper face (y {cy:.0f}, mouth {mouth_y:.0f})"
    elif group == "cheeks":
        assert cy > eye_y, f"{channel.name} changes the image above the eyes (y {cy:.0f})"
    elif group == "nose":
        # AU9 wrinkles the nose and, through the procerus, also pulls the inner brows down: the change
        # lies between the brows and the mouth, a good part of it below the eyes
        below_eyes = weights[(ys > eye_y) & (ys < mouth_y)].sum()
        assert eye_y - (mouth_y - eye_y) < cy < mouth_y, f"{channel.name} changes outside the nose (y {cy:.0f})"
        assert below_eyes > 0.15 * weights.sum(), f"{channel.name} hardly changes the nose"
    if channel.name in _LATERAL:
        lips = rig.head.part_id("lips")
        x0, _ = _centroid(marks["parts"] == lips)
        x1, _ = _centroid(r.part_map(values) == lips)
        assert (x1 - x0) * _LATERAL[channel.name] > 0.5, f"{channel.name} moves the lips from x {x0:.1f} to {x1:.1f}"
    elif channel.side:
        image_right = weights[xs > marks["mid_x"]].sum()
        image_left = weights[xs < marks["mid_x"]].sum()
        if channel.side == "left":  # the character's left is the image's right in a front view
            assert image_right > 1.5 * image_left, f"{channel.name}: {image_right:.0f} right vs {image_left:.0f} left"
        else:
            assert image_left > 1.5 * image_right, f"{channel.name}: {image_left:.0f} left vs {image_right:.0f} right"


def test_mouth_close_closes_an_open_jaw_and_never_acts_alone(face):
    rig, r, marks = face
    alone = _change(r, marks, _pose(MouthClose=1.0))
    assert not alone.any()
    lips = rig.head.part_id("lips")
    opened = r.part_map(_pose(JawOpen=0.5))
    closed = r.part_map(_pose(JawOpen=0.5, MouthClose=0.5))

    def gap(parts):  # rows without lips between the upper and the lower lip, at the middle column
        column = parts[:, int(round(marks["mid_x"]))] == lips
        rows = np.flatnonzero(column)
        return 0 if rows.size == 0 else int((rows.max() - rows.min() + 1) - rows.size)

    assert gap(opened) >= 2 and gap(closed) < gap(opened) / 2


def _iris_centroids(rig, r, values):
    parts = r.part_map(values)
    return np.array([_centroid(parts == rig.head.part_id(name)) for name in ("iris_l", "iris_r")])


def test_eye_yaw_and_pitch_move_the_irises(face):
    rig, r, _ = face
    neutral = _iris_centroids(rig, r, channels.NEUTRAL)
    yawed = _iris_centroids(rig, r, _pose(LeftEyeYaw=0.4, RightEyeYaw=0.4))
    assert np.all(yawed[:, 0] < neutral[:, 0] - 1.0)  # toward the face's right = image left
    assert np.allclose(yawed[:, 1], neutral[:, 1], atol=1.0)
    pitched = _iris_centroids(rig, r, _pose(LeftEyePitch=0.3, RightEyePitch=0.3))
    # positive pitch looks down (the upper lids follow the gaze and cover the top of the iris, so the
    # visible iris moves less than the eyeball turns)
    assert np.all(pitched[:, 1] > neutral[:, 1] + 0.3)


def test_head_yaw_and_pitch_move_the_face(face):
    rig, r, marks = face
    lips = rig.head.part_id("lips")
    x0, y0 = _centroid(marks["parts"] == lips)
    x1, _ = _centroid(r.part_map(_pose(HeadYaw=0.4)) == lips)
    assert x1 < x0 - 2  # the head turns toward the face's right (image left)
    _, y2 = _centroid(r.part_map(_pose(HeadPitch=0.3)) == lips)
    assert y2 > y0 + 1  # chin toward the chest


def test_views_and_wireframe_of_the_default_head(face):
    rig, r, marks = face
    images = {view: r.render(channels.NEUTRAL, view=view) for view in render.VIEWS}
    assert not np.array_equal(images["front"], images["side"])
    side = r.part_map(channels.NEUTRAL, view="side")
    # in profile the near eye shows little more than its lashes and the edge of the cornea
    near_eye = [rig.head.part_id(n) for n in ("eye_white_r", "iris_r", "lash_r")]
    far_eye = [rig.head.part_id(n) for n in ("eye_white_l", "iris_l", "pupil_l")]
    assert np.isin(side, near_eye).any() and not np.isin(side, far_eye).any()
    wire = r.render(channels.NEUTRAL, wireframe=True).astype(int)
    assert np.abs(wire - marks["image"]).sum() > 0


def test_render_command_writes_a_png(face, tmp_path, capsys):
    pose = tmp_path / "pose.json"
    pose.write_text(json.dumps({"jawOpen": 0.8}))
    out = tmp_path / "jaw.png"
    status = render_cli.run_render(_cli(["--values-json", str(pose), "--set", "EyeBlink_L=1",
                                         "--size", "120x100", "-o", str(out)]))
    assert status == 0, capsys.readouterr().err
    image = render.read_png(out)
    assert image.shape == (100, 120, 4)
    rig, _, _ = face
    expected = render.render_image(rig.head, _pose(JawOpen=0.8, EyeBlinkLeft=1.0), size=(120, 100))
    assert np.abs(image.astype(int) - expected.astype(int)).max() <= 1


def test_render_in_subprocess_matches_in_process(face, tmp_path):
    rig, _, _ = face
    values = _pose(MouthSmileLeft=1.0, MouthSmileRight=1.0)
    out = tmp_path / "smile.png"
    render.render_in_subprocess({"output": str(out), "frames": [[values.tolist(), None]], "size": [96, 96]})
    here = render.render_image(rig.head, values, size=(96, 96))
    assert np.abs(render.read_png(out).astype(int) - here.astype(int)).max() <= 2
    with pytest.raises(render.RenderRequestError, match="unknown view"):
        render.render_in_subprocess({"output": str(out), "frames": [[values.tolist(), None]], "view": "top"})


def test_render_command_draws_a_labelled_sheet_of_a_script(face, tmp_path, capsys):
    from kfstudio.resources import EXAMPLES
    from kfstudio.script_sync import load_animation

    script = EXAMPLES / "sly_smirk.txt"
    if not script.exists():
        pytest.skip(f"{script} is absent")
    keyframes = load_animation(script).keyframes
    out = tmp_path / "sheet.png"
    status = render_cli.run_render(_cli([str(script), "--sheet", "--columns", "3", "--size", "64x80", "-o", str(out)]))
    assert status == 0, capsys.readouterr().err
    rows = -(-len(keyframes) // 3)
    gutter = render._GUTTER
    assert render.read_png(out).shape == (rows * 80 + (rows + 1) * gutter, 3 * 64 + 4 * gutter, 4)
    status = render_cli.run_render(_cli([str(script), "--keyframe", str(len(keyframes)), "-o", str(out)]))
    assert status == 2
    assert f"has {len(keyframes)} keyframes" in capsys.readouterr().err


def test_osmesa_and_xvfb_fallbacks_render_like_egl(gl, tmp_path):
    """Each other headless route (chosen with KFSTUDIO_GL) draws the same image as this process."""
    import os
    import shutil
    import subprocess
    import sys

    code = (
        "import sys, numpy as np\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from test_render import StandInRig\n"
        "from kfstudio.render import offscreen as render\n"
        "from kfstudio import channels\n"
        "print(render.select_backend())\n"
        "r = render.Renderer(StandInRig(), (96, 96), supersample=1)\n"
        "render.write_png(sys.argv[2], r.render(channels.NEUTRAL))\n"
    )
    rig = StandInRig()
    here = render.Renderer(rig, (96, 96), supersample=1).render(channels.NEUTRAL).astype(int)
    routes = [("osmesa", [])]
    if shutil.which("xvfb-run"):
        routes.append(("pyside6", ["xvfb-run", "-a"]))
    tried = 0
    for backend, prefix in routes:
        out = tmp_path / f"{backend}.png"
        env = {**os.environ, "KFSTUDIO_GL": backend, "PYTHONPATH": str(render.Path(render.__file__).parents[2])}
        env.pop("QT_QPA_PLATFORM", None)
        proc = subprocess.run([*prefix, sys.executable, "-c", code, str(render.Path(__file__).parent), str(out)],
                              capture_output=True, text=True, env=env, timeout=120)
        if proc.returncode != 0 and "no offscreen OpenGL" in proc.stderr:
            continue  # that route is not installed here
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert proc.stdout.split()[0] == backend
        assert np.abs(render.read_png(out).astype(int) - here).max() <= 3
        tried += 1
    if not tried:
        pytest.skip("neither OSMesa nor Xvfb is installed; only EGL was checked")
