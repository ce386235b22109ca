"""Fuzzing every reader of outside data with hypothesis (issue 7, robustness suite).

Readers: project files (:func:`load_project`), Live Link Face CSV (:func:`read_csv`), glTF heads
(:func:`load_gltf_head`), model responses (:func:`parse_response`), script text
(:func:`parse_script` + :func:`assign_times`), KeyframeFace requests (:func:`parse_request`) and the
CLI batch reader (``kfstudio keyframe --batch``).

Inputs are real files mutated at the byte level (flips, deletions, insertions, truncation,
duplicated spans), at the structure level (a JSON node replaced, deleted or given a hostile value;
CSV columns shuffled, duplicated, misspelt, rows cut, numbers garbled) and plain random bytes.

The property for every reader: it either returns a well-formed result or raises *its own documented
error class* (a ``ValueError`` subclass) whose message is short, readable and names the file (and,
where the format has them, the line or field). Nothing else may escape: no ``TypeError``,
``IndexError``, ``RecursionError``, ``OverflowError`` ... A failed load leaves the document being
edited untouched and the file it read unchanged; a failed save leaves the previous file byte-identical.

The default run is a short, derandomised sample (a few hundred cases per reader, reproducible in
CI); ``pytest --run-slow`` runs the long fuzz (tens of thousands of cases in all, random seeds).
"""

from __future__ import annotations

import copy
import io
import json
import math
import re
import struct
import tempfile
import warnings
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kfstudio import channels as ch
from kfstudio.animation import Animation, Interp, Keyframe, Tangent
from kfstudio.animation import commands as cmd
from kfstudio.generation import keyframeface as kf
from kfstudio.generation.script import ScriptError, assign_times, parse_script
from kfstudio.io.llf_csv import CSVFormatError, read_csv
from kfstudio.io.project import ProjectError, load_project, save_project
from kfstudio.resources import EXAMPLES

REPO = Path(__file__).resolve().parents[1]

# ------------------------------------------------------------------------------------------ profiles

_COMMON = dict(deadline=None, suppress_health_check=list(HealthCheck), database=None)
#: the CI sample: reproducible, a few hundred cases per reader
FAST = dict(derandomize=True, **_COMMON)
#: the long fuzz behind --run-slow: random seeds
SLOW = dict(derandomize=False, **_COMMON)

PROFILES = [pytest.param("fast", id="sample"), pytest.param("slow", id="long", marks=pytest.mark.slow)]


def run_fuzz(profile: str, fast_cases: int, slow_cases: int, strategy, check) -> None:
    """Run ``check`` on ``strategy``'s examples under the chosen profile."""
    opts = FAST if profile == "fast" else SLOW
    n = fast_cases if profile == "fast" else slow_cases
    settings(max_examples=n, **opts)(given(strategy)(check))()


MAX_MESSAGE = 600  # characters: an error message is a sentence or two, not a dump of the input


def assert_clear_error(exc: BaseException, cls: type, path: Path | None = None) -> None:
    """``exc`` is the reader's documented error class, with a short message naming ``path``."""
    assert isinstance(exc, cls) and isinstance(exc, ValueError), f"{type(exc).__name__}: {exc}"
    message = str(exc)
    assert message.strip(), "empty error message"
    assert len(message) <= MAX_MESSAGE, f"message of {len(message)} characters: {message[:200]}..."
    assert "Traceback" not in message
    if path is not None:
        assert str(path) in message, f"the message does not name the file: {message}"


# ------------------------------------------------------------------------------------------ mutations

@st.composite
def mutated_bytes(draw, base: bytes, max_ops: int = 4) -> bytes:
    """``base`` with a few random byte-level edits."""
    data = bytearray(base)
    for _ in range(draw(st.integers(1, max_ops))):
        op = draw(st.sampled_from(["flip", "delete", "insert", "truncate", "duplicate", "splice"]))
        n = len(data)
        pos = draw(st.integers(0, max(n - 1, 0)))
        if op == "flip" and n:
            data[pos] = draw(st.integers(0, 255))
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 64))]
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=16))
        elif op == "truncate":
            del data[pos:]
        elif op == "duplicate":
            span = data[pos : pos + draw(st.integers(1, 256))]
            at = draw(st.integers(0, n))
            data[at:at] = span
        elif op == "splice":  # a plausible token dropped in: a number, a quote, a bracket
            token = draw(st.sampled_from([b"\"", b"{", b"}", b"[", b"]", b",", b"-1e999", b"1e400", b"NaN",
                                          b"null", b"\x00", b"\xef\xbb\xbf", b"\r\n", b"9" * 400, b"\xff\xfe"]))
            data[pos:pos] = token
    return bytes(data)


#: hostile JSON values: wrong types, huge or tiny numbers, deep nesting, long strings
json_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.sampled_from([10**400, -(10**400), 2**63, -1, 0]),
    st.floats(allow_nan=False, allow_infinity=False), st.sampled_from([1e308, -1e308, 5e-324, -0.0]),
    st.text(max_size=12), st.sampled_from(["all", "", "EyeBlinkLeft", "jawOpen", "bezier", "free", "NaN", "x" * 5000]),
)
json_value = st.recursive(json_leaf, lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4), max_leaves=10)


_DEEP = re.compile(r'"@@deep-(\d+)@@"')


def deep_nesting(depth: int) -> str:
    """A marker that :func:`dump_json` writes as ``depth`` nested empty lists (kept out of the tree so
    that the fuzzer itself does not recurse)."""
    return f"@@deep-{depth}@@"


def json_paths(node, prefix=()) -> list[tuple]:
    """Every path (tuple of keys / indices) into a JSON tree, the root included."""
    paths = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            paths += json_paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            paths += json_paths(v, prefix + (i,))
    return paths


@st.composite
def mutated_json(draw, base, max_ops: int = 3):
    """A deep copy of the JSON tree ``base`` with a few nodes replaced, deleted or added."""
    tree = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, max_ops))):
        paths = json_paths(tree)
        path = draw(st.sampled_from(paths))
        op = draw(st.sampled_from(["replace", "replace", "delete", "add", "deep"]))
        if not path:
            if op in ("replace", "deep"):
                tree = draw(json_value) if op == "replace" else deep_nesting(draw(st.integers(100, 3000)))
            continue
        parent = tree
        for p in path[:-1]:
            parent = parent[p]
        key = path[-1]
        if op == "replace":
            parent[key] = draw(json_value)
        elif op == "deep":
            parent[key] = deep_nesting(draw(st.integers(100, 3000)))
        elif op == "delete":
            del parent[key]
        elif op == "add":
            if isinstance(parent, list):
                parent.insert(key, draw(json_value))
            else:
                parent[draw(st.text(max_size=10))] = draw(json_value)
    return tree


def dump_json(tree) -> bytes:
    """JSON bytes of a tree, with :func:`deep_nesting` markers expanded."""
    text = json.dumps(tree, indent=1)
    return _DEEP.sub(lambda m: "[" * int(m.group(1)) + "]" * int(m.group(1)), text).encode("utf-8")


@pytest.fixture(scope="module")
def work() -> Path:
    with tempfile.TemporaryDirectory(prefix="kfs-fuzz-") as d:
        yield Path(d)


# ------------------------------------------------------------------------------------------ projects

def sample_animation() -> Animation:
    """A small project that uses every field of the format (free tangents, locks, holds, settings)."""
    rng = np.random.default_rng(7)
    kfs = []
    for i in range(4):
        values = ch.clamp(rng.uniform(ch.LOWER, ch.UPPER))
        keyed = np.ones(ch.NUM_CHANNELS, bool) if i % 2 == 0 else rng.random(ch.NUM_CHANNELS) < 0.5
        tangent = np.full(ch.NUM_CHANNELS, Tangent.AUTO_CLAMPED, np.int8)
        interp = np.full(ch.NUM_CHANNELS, Interp.BEZIER, np.int8)
        if i == 1:
            tangent[:5] = Tangent.FREE
            interp[5:10] = Interp.LINEAR
        kfs.append(Keyframe(0.8 * i, f"beat {i}: the brows lift", values, keyed=keyed, interp=interp, tangent=tangent,
                            in_slope=rng.normal(size=ch.NUM_CHANNELS), out_slope=rng.normal(size=ch.NUM_CHANNELS),
                            locked=rng.random(ch.NUM_CHANNELS) < 0.1, edited=rng.random(ch.NUM_CHANNELS) < 0.1,
                            hold=0.2 * (i % 2)))
    anim = Animation(kfs, fps=30.0, script="Background: a test.\n0.0s: beat 0")
    anim.channel_locked[3] = True
    anim.channel_muted[60] = True
    anim.settings = {"backend": {"backend": "embedded"}, "export": {"fps": 60}}
    return anim


@pytest.fixture(scope="module")
def project_bytes(work) -> bytes:
    path = work / "valid.kfs"
    save_project(sample_animation(), path)
    return path.read_bytes()


def check_project_file(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        anim = load_project(path)
    except ProjectError as exc:
        assert_clear_error(exc, ProjectError, path)
        return
    except Exception as exc:  # noqa: BLE001 - the property under test
        pytest.fail(f"load_project raised {type(exc).__name__}: {exc!r} on {data[:120]!r}...")
    # A file that loads is a usable document: it evaluates and saves again.
    assert isinstance(anim, Animation)
    if anim.keyframes:
        vals = anim.evaluate(np.linspace(anim.start, anim.start + anim.duration, 5))
        assert vals.shape == (5, ch.NUM_CHANNELS)
    save_project(anim, path)
    assert load_project(path).same_as(anim)


@pytest.mark.parametrize("profile", PROFILES)
def test_project_mutated_bytes(profile, work, project_bytes):
    path = work / "bytes.kfs"
    run_fuzz(profile, 250, 6000, mutated_bytes(project_bytes), lambda data: check_project_file(path, data))


@pytest.mark.parametrize("profile", PROFILES)
def test_project_mutated_json(profile, work, project_bytes):
    path = work / "tree.kfs"
    base = json.loads(project_bytes)
    run_fuzz(profile, 200, 8000, mutated_json(base), lambda tree: check_project_file(path, dump_json(tree)))


@pytest.mark.parametrize("profile", PROFILES)
def test_project_random_bytes(profile, work):
    path = work / "random.kfs"
    run_fuzz(profile, 100, 2000, st.binary(max_size=2000), lambda data: check_project_file(path, data))


def test_project_list_where_an_interpolation_name_belongs(work, project_bytes):
    """Regression case found by the fuzz: a list inside the per-channel "interp" list."""
    tree = json.loads(project_bytes)
    tree["keyframes"][0]["interp"] = [["bezier"]] + ["bezier"] * 60
    check_project_file(work / "interp_list.kfs", dump_json(tree))


def test_project_specific_hostile_values(work, project_bytes):
    """Values that broke or could break number checks: huge integers, deep nesting, wrong types."""
    base = json.loads(project_bytes)
    cases = {
        "fps": 10**400, "duration": -(10**400), "version": 10**400,
        "keyframes": [{"id": "a", "time": 10**400, "values": [0] * 61}],
    }
    for key, value in cases.items():
        tree = copy.deepcopy(base)
        tree[key] = value
        check_project_file(work / f"hostile_{key}.kfs", dump_json(tree))
    tree = copy.deepcopy(base)
    tree["keyframes"][0]["values"][0] = 10**400
    check_project_file(work / "hostile_value.kfs", dump_json(tree))


@pytest.mark.parametrize("profile", PROFILES)
def test_failed_load_leaves_the_open_document_and_file_unchanged(profile, work, project_bytes):
    """The editor's open flow (script_sync.load_animation) either returns a whole document or raises;
    the open document, its undo history and the file on disk stay exactly as they were."""
    from kfstudio.script_sync import load_animation

    open_doc = sample_animation()
    stack = cmd.UndoStack(open_doc)
    stack.push(cmd.set_description(open_doc, open_doc.keyframes[0].uid, "edited before the failed open"))
    before, index, undo_text = open_doc.copy(), stack.index, stack.undo_text
    path = work / "open.kfs"

    def check(data: bytes) -> None:
        path.write_bytes(data)
        try:
            loaded = load_animation(path)
        except ProjectError as exc:
            assert_clear_error(exc, ProjectError, path)
        else:
            assert isinstance(loaded, Animation) and loaded is not open_doc
        assert open_doc.same_as(before) and stack.index == index and stack.undo_text == undo_text
        assert path.read_bytes() == data

    run_fuzz(profile, 100, 2000, mutated_bytes(project_bytes), check)


@pytest.mark.parametrize("profile", PROFILES)
def test_save_round_trips_or_fails_leaving_the_old_file(profile, work):
    """Settings and descriptions with arbitrary Python values: save_project either writes a file that
    loads back equal, or raises before touching the previous file (byte-identical, no temp files)."""
    path = work / "save.kfs"
    anim = sample_animation()
    save_project(anim, path)
    hostile = st.one_of(json_value, st.sampled_from([math.nan, math.inf, {1, 2}, b"bytes", object(), {1: "int key"}]))

    def check(args) -> None:
        setting, description = args
        old = path.read_bytes()
        doc = anim.copy()
        doc.settings = {"user": setting}
        doc.keyframes[0].description = description
        try:
            save_project(doc, path)
        except (ValueError, TypeError):
            assert path.read_bytes() == old
        else:
            back = load_project(path)
            assert back.keyframes[0].description == description
            assert back.settings == json.loads(json.dumps(doc.settings))
        assert [p.name for p in work.iterdir() if p.name.startswith(".save.kfs")] == []

    run_fuzz(profile, 150, 3000, st.tuples(hostile, st.text(max_size=40)), check)


# ------------------------------------------------------------------------------------------ CSV

@pytest.fixture(scope="module")
def capture_rows(shared) -> tuple[list[str], list[list[str]]]:
    """The header and the first 24 data rows of the real capture, as fields."""
    path = shared("fixtures", "livelinkface_capture.csv")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    return lines[0].split(","), [line.split(",") for line in lines[1:25]]


def join_csv(header: list[str], rows: list[list[str]], newline: str = "\n") -> str:
    return newline.join(",".join(r) for r in [header] + rows) + newline


@st.composite
def mutated_csv(draw, header: list[str], rows: list[list[str]]) -> bytes:
    """A real-looking capture with structural damage of the kinds met in the wild."""
    header, rows = list(header), [list(r) for r in rows]
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["shuffle", "dup_column", "misspell", "drop_column", "truncate_row", "garbage",
                                   "huge", "count", "timecode", "drop_rows", "blank_lines", "extra_column"]))
        ncol = len(header)
        c = draw(st.integers(0, ncol - 1))
        r = draw(st.integers(0, max(len(rows) - 1, 0)))
        if op == "shuffle":
            order = draw(st.permutations(range(ncol)))
            header = [header[i] for i in order]
            rows = [[row[i] if i < len(row) else "" for i in order] for row in rows]
        elif op == "dup_column":
            header.append(header[c])
            rows = [row + [row[c] if c < len(row) else ""] for row in rows]
        elif op == "misspell":
            header[c] = draw(st.sampled_from([header[c].lower(), header[c].upper(), header[c][:-1], header[c] + "x",
                                              header[c].replace("Left", "_L"), " " + header[c] + " ", ""]))
        elif op == "drop_column":
            del header[c]
            rows = [row[:c] + row[c + 1:] for row in rows]
        elif op == "truncate_row" and rows:
            rows[r] = rows[r][: draw(st.integers(0, len(rows[r])))]
        elif op == "garbage" and rows and c < len(rows[r]):
            rows[r][c] = draw(st.sampled_from(["", "nan", "inf", "-inf", "1e999", "abc", "0x1F", "1,5", "--1",
                                               "0.5.5", "\x00", "½", "1e-400", " 0.5 ", "+0.25", ".5", "5."]))
        elif op == "huge" and rows and c < len(rows[r]):
            rows[r][c] = draw(st.sampled_from(["9" * 400, "1e308", "-1e308", "123456789012345678901234567890"]))
        elif op == "count" and rows and len(rows[r]) > 1:
            rows[r][1] = draw(st.sampled_from(["0", "-1", "61.0", "x", "999999999999999999999", ""]))
        elif op == "timecode" and rows:
            rows[r][0] = draw(st.sampled_from(["", "00:00:00", "99:99:99:99.999", "-1:00:00:00.000",
                                               "23:59:59:59.999", rows[0][0], "00:00:00:00." + "9" * 400]))
        elif op == "drop_rows":
            rows = rows[: draw(st.integers(0, len(rows)))]
        elif op == "blank_lines":
            rows.insert(r, [])
        elif op == "extra_column":
            header.append(draw(st.sampled_from(["Comment", "TongueOut2", "Timecode"])))
            rows = [row + ["1"] for row in rows]
    text = join_csv(header, rows, draw(st.sampled_from(["\n", "\r\n"])))
    prefix = draw(st.sampled_from(["", "\ufeff"]))
    return (prefix + text).encode("utf-8")


def check_csv_file(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            cap = read_csv(path)
    except CSVFormatError as exc:
        assert_clear_error(exc, CSVFormatError, path)
        lines = data.count(b"\n") + 1
        assert exc.line is None or 1 <= exc.line <= lines, f"line {exc.line} of a {lines}-line file: {exc}"
        return
    except Exception as exc:  # noqa: BLE001
        pytest.fail(f"read_csv raised {type(exc).__name__}: {exc!r}")
    times, values = np.asarray(cap.times), np.asarray(cap.values)
    assert values.ndim == 2 and values.shape[1] == ch.NUM_CHANNELS and len(times) == len(values) >= 1
    assert np.isfinite(times).all() and np.isfinite(values).all()
    assert np.all(np.diff(times) > 0)
    assert math.isfinite(cap.fps) and cap.fps > 0


@pytest.mark.parametrize("profile", PROFILES)
def test_csv_mutated_structure(profile, work, capture_rows):
    path = work / "mut.csv"
    run_fuzz(profile, 200, 8000, mutated_csv(*capture_rows), lambda data: check_csv_file(path, data))


@pytest.mark.parametrize("profile", PROFILES)
def test_csv_mutated_bytes(profile, work, capture_rows):
    path = work / "bytes.csv"
    base = join_csv(*capture_rows).encode("utf-8")
    run_fuzz(profile, 200, 5000, mutated_bytes(base), lambda data: check_csv_file(path, data))


@pytest.mark.parametrize("profile", PROFILES)
def test_csv_random_bytes_and_text(profile, work):
    path = work / "random.csv"
    anything = st.one_of(st.binary(max_size=500), st.text(max_size=500).map(lambda s: s.encode("utf-8")),
                         st.sampled_from([b"", b"\xef\xbb\xbf", b"\n\n", b"Timecode\n", b"Timecode,BlendShapeCount\n"]))
    run_fuzz(profile, 100, 2000, anything, lambda data: check_csv_file(path, data))


@pytest.mark.parametrize("newline,bom", [("\r\n", ""), ("\n", "\ufeff"), ("\r\n", "\ufeff")])
def test_csv_harmless_variants_read_the_same(work, capture_rows, newline, bom):
    """CRLF, a byte-order mark and shuffled columns change nothing in what is read."""
    header, rows = capture_rows
    plain = work / "plain.csv"
    plain.write_text(join_csv(header, rows), encoding="utf-8")
    expected = read_csv(plain)
    rng = np.random.default_rng(len(newline) + len(bom))
    order = [0, 1] + list(2 + rng.permutation(len(header) - 2))
    variant = work / "variant.csv"
    variant.write_bytes((bom + join_csv([header[i] for i in order], [[r[i] for i in order] for r in rows], newline)).encode("utf-8"))
    got = read_csv(variant)
    np.testing.assert_array_equal(got.times, expected.times)
    np.testing.assert_array_equal(got.values, expected.values)


# ------------------------------------------------------------------------------------------ glTF heads

@pytest.fixture(scope="module")
def gltf_head():
    return pytest.importorskip("kfstudio.io.gltf_head", reason="kfstudio.io.gltf_head is not there yet")


def tiny_head():
    """A 4 × 4 grid head with every blendshape moving a vertex or two (fast to write and read)."""
    from kfstudio.rig.head import Head

    n = 4
    ys, xs = np.mgrid[0:n, 0:n]
    verts = np.stack([xs.ravel() * 0.01, ys.ravel() * 0.01, np.zeros(n * n)], axis=1)
    q = (ys[:-1, :-1] * n + xs[:-1, :-1]).ravel()
    faces = np.concatenate([np.stack([q, q + 1, q + n], 1), np.stack([q + 1, q + n + 1, q + n], 1)])
    idx = [np.array([i % (n * n), (i * 7) % (n * n)]) for i in range(ch.NUM_BLENDSHAPES)]
    idx = [np.unique(i) for i in idx]
    deltas = [np.full((len(i), 3), 0.001 * (k + 1)) for k, i in enumerate(idx)]
    return Head(name="tiny", vertices=verts, faces=faces, part=np.zeros(n * n), part_names=("skin",),
                colors=[[0.8, 0.6, 0.5, 1.0]], shape_indices=idx, shape_deltas=deltas, neck_pivot=[0, 0, 0],
                eye_centers=[[0, 0, 0], [0, 0, 0]], eye_vertices=(np.array([0]), np.array([1])), jaw_pivot=[0, 0, 0])


@pytest.fixture(scope="module")
def glb(work, gltf_head) -> tuple[bytes, dict, bytes]:
    path = work / "tiny.glb"
    gltf_head.save_gltf_head(tiny_head(), path)
    gltf, buffers = gltf_head.read_gltf(path)
    return path.read_bytes(), gltf, buffers[0]


def check_head_file(path: Path, data: bytes) -> None:
    from kfstudio.io.gltf_head import load_gltf_head
    from kfstudio.rig.head import Head, HeadFormatError

    path.write_bytes(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            head = load_gltf_head(path)
    except HeadFormatError as exc:
        assert_clear_error(exc, HeadFormatError, path)
        return
    except Exception as exc:  # noqa: BLE001
        pytest.fail(f"load_gltf_head raised {type(exc).__name__}: {exc!r}")
    assert isinstance(head, Head)
    assert np.isfinite(head.vertices).all(), "a head with non-finite vertices was accepted"


@pytest.mark.parametrize("profile", PROFILES)
def test_gltf_mutated_bytes(profile, work, glb):
    path = work / "bytes.glb"
    run_fuzz(profile, 200, 5000, mutated_bytes(glb[0]), lambda data: check_head_file(path, data))


@pytest.mark.parametrize("profile", PROFILES)
def test_gltf_mutated_json(profile, work, glb):
    """The JSON chunk mutated and the GLB re-packed validly, so the damage reaches the mesh reader."""
    path = work / "tree.glb"
    _, gltf, blob = glb

    def pack(tree) -> bytes:
        js = dump_json(tree)
        js += b" " * ((-len(js)) % 4)
        total = 12 + 8 + len(js) + 8 + len(blob)
        return b"".join([b"glTF", struct.pack("<II", 2, total), struct.pack("<II", len(js), 0x4E4F534A), js,
                         struct.pack("<II", len(blob), 0x004E4942), blob])

    run_fuzz(profile, 200, 8000, mutated_json(gltf), lambda tree: check_head_file(path, pack(tree)))


@pytest.mark.parametrize("profile", PROFILES)
def test_gltf_random_bytes(profile, work):
    path = work / "random.glb"
    anything = st.one_of(st.binary(max_size=300), st.binary(max_size=300).map(lambda b: b"glTF" + b))
    run_fuzz(profile, 100, 2000, anything, lambda data: check_head_file(path, data))


# ------------------------------------------------------------------------------------------ responses

@pytest.fixture(scope="module")
def example_responses(shared) -> list[str]:
    path = shared("keyframeface", "example_response.jsonl")
    return [json.loads(line)["response"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def check_response(text, index=None) -> None:
    parsed = kf.parse_response(text, index=index)
    v = parsed.values
    assert v.shape == (ch.NUM_CHANNELS,) and np.isfinite(v).all()
    assert (v >= ch.LOWER).all() and (v <= ch.UPPER).all()
    assert not any(r.startswith("internal parser error") for r in parsed.repairs), parsed.repairs


@pytest.mark.parametrize("profile", PROFILES)
def test_response_mutated_real_examples(profile, example_responses):
    base = example_responses[0].encode("utf-8")
    strategy = st.tuples(mutated_bytes(base, max_ops=6).map(lambda b: b.decode("utf-8", errors="replace")),
                         st.one_of(st.none(), st.integers(-2, 5)))
    run_fuzz(profile, 200, 8000, strategy, lambda args: check_response(*args))


# ------------------------------------------------------------------------------------------ scripts

@pytest.fixture(scope="module")
def example_scripts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]


script_text = st.text(
    alphabet=st.one_of(st.sampled_from(list("0123456789.:-@[]()# \n\t\\smhold•*+;,")), st.characters()), max_size=300
)
script_words = st.lists(st.sampled_from(["Background:", "Emotion:", "0.5s:", "@2", "[1.5]", "(hold 0.5s)", "hold",
                                         "-", "1.", "then", "suddenly", "\n", "00:01.5", "9" * 400 + "s:",
                                         "0-" + "9" * 400 + "s:", "-1s:", "1e9s:", "smile", "the brows lift.",
                                         "\\#", "# comment", "\r\n", "\u2028", "0.0s:", "99999999999999999999s:"]),
                        max_size=40).map(" ".join)


def check_script(text: str) -> None:
    try:
        script = parse_script(text, source="fuzz.txt")
    except ScriptError as exc:
        assert_clear_error(exc, ScriptError)
        assert "fuzz.txt" in str(exc)
        return
    except Exception as exc:  # noqa: BLE001
        pytest.fail(f"parse_script raised {type(exc).__name__}: {exc!r} on {text[:100]!r}")
    times = assign_times(script)
    assert len(times) == len(script.beats)
    assert all(math.isfinite(t) and t >= 0 for t in times), f"times {times} from {text[:120]!r}"
    assert all(b >= a for a, b in zip(times, times[1:])), times
    for beat in script.beats:
        assert beat.description.strip()
        assert beat.hold is None or (math.isfinite(beat.hold) and beat.hold >= 0), beat


@pytest.mark.parametrize("profile", PROFILES)
def test_script_random_text(profile):
    run_fuzz(profile, 200, 8000, st.one_of(script_text, script_words), check_script)


@pytest.mark.parametrize("profile", PROFILES)
def test_script_mutated_examples(profile, example_scripts):
    strategy = st.sampled_from(example_scripts).flatmap(
        lambda s: mutated_bytes(s.encode("utf-8"), max_ops=6)).map(lambda b: b.decode("utf-8", errors="replace"))
    run_fuzz(profile, 200, 5000, strategy, check_script)


@pytest.mark.parametrize("text", [
    "9" * 400 + "s: the brows lift\n1.0s: smile",  # a time of inf seconds
    "0-" + "9" * 400 + "s: the brows lift",  # a range: hold of inf seconds
    "0.0s: smile (hold " + "9" * 400 + "s)",
], ids=["time", "range", "hold"])
def test_script_numbers_too_large_are_clear_errors(text):
    """Regression cases found by the fuzz: a time or hold too large for a float must not become inf."""
    check_script(text)


# ------------------------------------------------------------------------------------------ requests

@pytest.fixture(scope="module")
def example_request(shared) -> dict:
    path = shared("keyframeface", "example_request.jsonl")
    return json.loads(path.read_text(encoding="utf-8").splitlines()[0])


def check_request(obj) -> None:
    try:
        descs, index, background, emotion = kf.parse_request(obj)
    except kf.KeyframeFaceFormatError as exc:
        assert_clear_error(exc, kf.KeyframeFaceFormatError)
        return
    except Exception as exc:  # noqa: BLE001
        pytest.fail(f"parse_request raised {type(exc).__name__}: {exc!r}")
    assert descs and all(isinstance(d, str) for d in descs)
    assert 0 <= index < len(descs)
    assert isinstance(background, str) and isinstance(emotion, str)


@st.composite
def mutated_request(draw, base: dict):
    kind = draw(st.sampled_from(["tree", "content", "text"]))
    if kind == "tree":
        return draw(mutated_json(base))
    obj = copy.deepcopy(base)
    user = next(m for m in obj["messages"] if m["role"] == "user")
    content = draw(mutated_bytes(user["content"].encode("utf-8"), max_ops=5)).decode("utf-8", errors="replace")
    if kind == "content":
        user["content"] = content
        return obj
    return draw(mutated_bytes(json.dumps(obj).encode("utf-8"))).decode("utf-8", errors="replace")


@pytest.mark.parametrize("profile", PROFILES)
def test_request_mutated(profile, example_request):
    run_fuzz(profile, 200, 8000, mutated_request(example_request), check_request)


# ------------------------------------------------------------------------------------------ CLI batch

def run_batch(path: Path) -> tuple[int, str, str]:
    """``kfstudio keyframe --batch path`` in this process; (exit status, stdout, stderr)."""
    from kfstudio.cli import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            status = main(["keyframe", "--batch", str(path)])
        except SystemExit as exc:  # argparse
            status = exc.code
    return status, out.getvalue(), err.getvalue()


BATCH_LINES = {
    "valid": '{"description": "the brows lift"}',
    "not_json": "{description: smile",
    "not_object": "[1, 2, 3]",
    "no_description": '{"background": "x"}',
    "bad_sequence": '{"description": "smile", "sequence": [1, 2]}',
    "bad_messages": '{"messages": [{"role": "user", "content": 5}]}',
    "nan": '{"description": NaN}',
    "huge_number": '{"description": "smile", "background": ' + "9" * 5000 + "}",
    "deep": "[" * 100000 + "]" * 100000,
    "bytes": "\udcff",
}


@pytest.mark.parametrize("case", list(BATCH_LINES))
def test_cli_batch_reports_each_bad_line(case, tmp_path):
    """One output line per input line, in order; a bad line is an error line, never a traceback."""
    path = tmp_path / "batch.jsonl"
    lines = [BATCH_LINES["valid"], BATCH_LINES[case], BATCH_LINES["valid"]]
    path.write_bytes("\n".join(lines).encode("utf-8", errors="surrogateescape") + b"\n")
    try:
        status, out, err = run_batch(path)
    except Exception as exc:  # noqa: BLE001
        pytest.fail(f"kfstudio keyframe --batch raised {type(exc).__name__}: {str(exc)[:200]}")
    assert "Traceback" not in err
    if status == 2:  # the whole file refused: the message must name it
        assert str(path) in err
        return
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 3, out[:500]
    assert set(rows[0]) == set(ch.NAMES) and set(rows[2]) == set(ch.NAMES)
    if case == "valid":
        assert status == 0 and rows[1] == rows[0]
    else:
        assert status == 1 and "error" in rows[1] and f"{path}:2" in rows[1]["error"]
