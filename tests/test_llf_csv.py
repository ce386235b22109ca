"""Live Link Face CSV reading and writing, on real files and on files written here."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kfstudio.channels import ARKIT_NAMES, NAMES, NUM_CHANNELS
from kfstudio.io.llf_csv import CSVFormatError, format_timecode, parse_timecode, read_csv, write_csv

from conftest import SHARED, shared_file

FIXTURE = SHARED / "fixtures" / "livelinkface_capture.csv"


def _need(path: Path) -> Path:
    return shared_file(*path.relative_to(SHARED).parts)


def _rows_with_csv_module(path: Path) -> tuple[list[str], list[list[str]]]:
    """An independent reading of a CSV file with the standard library."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def _write_rows(path: Path, header: list[str], rows: list[list[str]], *, bom: bool = False, eol: str = "\n") -> Path:
    text = eol.join(",".join(r) for r in [header, *rows]) + eol
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def _simple_rows(values: np.ndarray, start: float = 100.0, fps: float = 30.0) -> list[list[str]]:
    """Rows written by hand (repr of each float, timecodes built here) for hand-made files."""
    rows = []
    for i, frame in enumerate(values):
        seconds = start + i / fps
        h, rem = divmod(seconds, 3600)
        m, s = divmod(rem, 60)
        tc = f"{int(h):02d}:{int(m):02d}:{int(s):02d}:{(s - int(s)) * 60:06.3f}"
        rows.append([tc, "61", *(repr(float(x)) for x in frame)])
    return rows


@pytest.fixture
def random_values() -> np.ndarray:
    rng = np.random.default_rng(7)
    values = rng.uniform(0.0, 1.0, (50, NUM_CHANNELS))
    values[:, 52:] = rng.uniform(-1.0, 1.0, (50, 9))
    return values


# ---------------------------------------------------------------- timecodes


def test_format_timecode_examples():
    assert format_timecode(0) == "00:00:00:00.000"
    assert format_timecode(1.5) == "00:00:01:30.000"
    assert format_timecode(13 * 3600 + 13 * 60 + 4 + 31.652 / 60) == "13:13:04:31.652"
    assert format_timecode(3661 + 1 / 30) == "01:01:01:02.000"


def test_format_timecode_rolls_over_instead_of_printing_sixty():
    assert format_timecode(59.9999999) == "00:01:00:00.000"
    assert format_timecode(3599.9999999) == "01:00:00:00.000"
    assert format_timecode(86399.9999999) == "00:00:00:00.000"
    assert format_timecode(86400) == "00:00:00:00.000"
    assert format_timecode(86400 + 2.5) == "00:00:02:30.000"
    assert format_timecode(59.99999) == "00:00:59:59.999"


@pytest.mark.parametrize("bad", [-0.001, float("nan"), float("inf")])
def test_format_timecode_rejects_negative_and_non_finite(bad):
    with pytest.raises(ValueError):
        format_timecode(bad)


def test_parse_timecode_examples():
    assert parse_timecode("13:13:04:31.652") == pytest.approx(13 * 3600 + 13 * 60 + 4 + 31.652 / 60, abs=1e-9)
    assert parse_timecode("00:00:01:30") == pytest.approx(1.5)
    assert parse_timecode(" 00:00:01:30.000 ") == pytest.approx(1.5)
    assert parse_timecode("00:00:01;30.000") == pytest.approx(1.5)


@pytest.mark.parametrize(
    "bad", ["", "12:00:00", "aa:bb:cc:dd", "00:60:00:00.000", "00:00:60:00.000", "00:00:00:60.000", "1.5", "00:00:00:1e3"]
)
def test_parse_timecode_rejects_malformed(bad):
    with pytest.raises(ValueError, match="timecode"):
        parse_timecode(bad)


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=0.0, max_value=3 * 86400.0, allow_nan=False))
def test_timecode_round_trip_and_field_ranges(seconds):
    text = format_timecode(seconds)
    hh, mm, ss, ff = text.split(":")
    assert len(text) == 15 and int(hh) < 24 and int(mm) < 60 and int(ss) < 60 and float(ff) < 60
    back = parse_timecode(text)
    # equal modulo one day within the format's resolution (half a thousandth of a sixtieth)
    difference = (back - seconds) % 86400
    assert min(difference, 86400 - difference) <= 0.5 / 60000 + 1e-9


# ---------------------------------------------------------------- writing


def test_header_is_exactly_the_one_live_link_face_writes(tmp_path, random_values):
    path = tmp_path / "out.csv"
    write_csv(path, random_values, 30.0)
    first_line = path.read_bytes().split(b"\n", 1)[0].decode("ascii")
    assert first_line.startswith("Timecode,BlendShapeCount,EyeBlinkLeft,EyeLookDownLeft,")
    assert first_line.endswith(",RightEyeYaw,RightEyePitch,RightEyeRoll")
    if FIXTURE.exists():
        with open(FIXTURE, encoding="utf-8-sig") as handle:
            assert first_line == handle.readline().rstrip("\r\n")


def test_written_rows_have_header_width_count_61_and_ten_decimals(tmp_path, random_values):
    path = tmp_path / "out.csv"
    values = random_values.copy()
    values[0, 0] = 0.0
    values[0, 52] = -0.0
    values[1, 52] = -0.25
    values[2, 3] = 1.0033375025
    write_csv(path, values, 30.0)
    header, rows = _rows_with_csv_module(path)
    assert len(rows) == len(values)
    assert all(len(row) == len(header) == 63 for row in rows)
    assert {row[1] for row in rows} == {"61"}
    assert rows[0][2] == "0.0000000000" and rows[0][54] == "0.0000000000"
    assert rows[1][54] == "-0.2500000000"
    assert rows[2][5] == "1.0033375025"
    for row in rows:
        for text in row[2:]:
            assert len(text.split(".")[1]) == 10
    assert [row[0] for row in rows[:3]] == ["00:00:00:00.000", "00:00:00:02.000", "00:00:00:04.000"]


def test_random_round_trip_within_1e6(tmp_path, random_values):
    path = tmp_path / "out.csv"
    write_csv(path, random_values, 29.97, start=12 * 3600 + 0.5)
    capture = read_csv(path)
    assert capture.values.shape == random_values.shape
    assert np.abs(capture.values - random_values).max() <= 1e-6
    np.testing.assert_allclose(capture.times, np.arange(len(random_values)) / 29.97, atol=1e-5)
    assert capture.start == pytest.approx(12 * 3600 + 0.5, abs=1e-5)
    assert capture.fps == 29.97
    assert capture.missing == [] and capture.extra_columns == [] and capture.skipped_rows == 0


@settings(max_examples=25, deadline=None)
@given(
    st.integers(min_value=1, max_value=40),
    st.sampled_from([24.0, 25.0, 30.0, 50.0, 60.0, 120.0]),
    st.floats(min_value=0.0, max_value=86399.0),
    st.integers(min_value=0, max_value=2**32 - 1),
)
def test_round_trip_property(tmp_path_factory, n_frames, fps, start, seed):
    rng = np.random.default_rng(seed)
    values = rng.uniform(-3.0, 3.0, (n_frames, NUM_CHANNELS)) * rng.choice([1e-6, 1.0, 100.0])
    path = tmp_path_factory.mktemp("prop") / "p.csv"
    write_csv(path, values, fps, start=start)
    capture = read_csv(path)
    assert np.abs(capture.values - values).max() <= 1e-6
    np.testing.assert_allclose(capture.times, np.arange(n_frames) / fps, atol=2e-5)
    if n_frames > 2:
        assert capture.fps == fps


def test_capture_crossing_midnight_reads_as_one_take(tmp_path, random_values):
    path = tmp_path / "night.csv"
    write_csv(path, random_values, 30.0, start="23:59:59:00.000")
    _, rows = _rows_with_csv_module(path)
    assert rows[0][0] == "23:59:59:00.000" and rows[-1][0].startswith("00:00:00:")
    capture = read_csv(path)
    np.testing.assert_allclose(capture.times, np.arange(len(random_values)) / 30.0, atol=1e-5)


def test_explicit_times_keep_dropped_frames(tmp_path, random_values):
    times = np.arange(len(random_values)) / 30.0
    times[10:] += 1 / 30.0  # one dropped frame
    path = tmp_path / "gap.csv"
    write_csv(path, random_values, 30.0, start=5.0, times=times)
    capture = read_csv(path)
    np.testing.assert_allclose(capture.times, times, atol=1e-5)
    assert capture.fps == 30.0


@pytest.mark.parametrize(
    "values, fps, start, match",
    [
        (np.zeros((5, 60)), 30.0, 0.0, "shape"),
        (np.zeros((0, 61)), 30.0, 0.0, "no frames"),
        (np.full((5, 61), np.nan), 30.0, 0.0, "finite"),
        (np.zeros((5, 61)), 0.0, 0.0, "fps"),
        (np.zeros((5, 61)), float("nan"), 0.0, "fps"),
        (np.zeros((5, 61)), 30.0, -1.0, "start"),
        (np.zeros((5, 61)), 30.0, "noon", "timecode"),
        (np.full((5, 61), 1e9), 30.0, 0.0, "magnitude"),
    ],
)
def test_write_rejects_bad_arguments_and_leaves_the_old_file(tmp_path, values, fps, start, match):
    path = tmp_path / "keep.csv"
    path.write_text("old contents")
    with pytest.raises(ValueError, match=match):
        write_csv(path, values, fps, start=start)
    assert path.read_text() == "old contents"
    assert os.listdir(tmp_path) == ["keep.csv"]


def test_write_replaces_atomically_without_leftovers(tmp_path, random_values):
    path = tmp_path / "take.csv"
    write_csv(path, random_values, 30.0)
    write_csv(path, random_values[:5], 60.0)
    assert os.listdir(tmp_path) == ["take.csv"]
    assert len(read_csv(path).times) == 5


# ---------------------------------------------------------------- reading real files


def test_fixture_reads_with_expected_shape_rate_and_eye_ranges():
    capture = read_csv(_need(FIXTURE))
    header, rows = _rows_with_csv_module(FIXTURE)
    zero_count_rows = sum(row[1].strip() == "0" for row in rows)
    assert capture.values.shape == (4030 - zero_count_rows, NUM_CHANNELS)
    assert capture.skipped_rows == zero_count_rows
    assert capture.fps == 30.0
    assert capture.times[0] == 0.0 and 130 < capture.duration < 140
    assert capture.start == pytest.approx(parse_timecode(rows[0][0]))
    assert capture.missing == [] and capture.extra_columns == []
    # values exactly as the standard library reads them
    expected = np.array([[float(x) for x in row[2:]] for row in rows if row[1].strip() != "0"])
    assert np.array_equal(capture.values, expected)
    index = {name: i for i, name in enumerate(NAMES)}
    yaw = capture.values[:, [index["LeftEyeYaw"], index["RightEyeYaw"]]]
    pitch = capture.values[:, [index["LeftEyePitch"], index["RightEyePitch"]]]
    assert 0.55 < np.abs(yaw).max() < 0.65  # the capture's range of motion: |yaw| up to 0.6
    assert 0.35 < np.abs(pitch).max() < 0.42  # and |pitch| up to 0.39
    assert not capture.values[:, [index["HeadYaw"], index["HeadPitch"], index["HeadRoll"]]].any()
    # Live Link Face conventions: yaw > 0 toward the face's right, pitch > 0 looking down
    look_out_right = capture.values[:, index["EyeLookOutRight"]]
    look_down_left = capture.values[:, index["EyeLookDownLeft"]]
    assert np.corrcoef(yaw[:, 1], look_out_right)[0, 1] > 0.5
    assert np.corrcoef(pitch[:, 0], look_down_left)[0, 1] > 0.5


def test_fixture_round_trip_is_byte_identical(tmp_path):
    capture = read_csv(_need(FIXTURE))
    path = tmp_path / "again.csv"
    write_csv(path, capture.values, capture.fps, start=capture.start, times=capture.times)
    assert path.read_bytes() == FIXTURE.read_bytes().removeprefix(b"\xef\xbb\xbf")
    again = read_csv(path)
    assert np.abs(again.values - capture.values).max() <= 1e-6
    np.testing.assert_allclose(again.times, capture.times, atol=1e-5)


def test_keyframeface_converter_output_with_blendshapecount_spelling():
    path = shared_file("keyframeface", "example_result.csv")
    header, rows = _rows_with_csv_module(path)
    assert header[1] == "BlendshapeCount"
    capture = read_csv(path)
    assert capture.values.shape == (len(rows), NUM_CHANNELS)
    assert capture.missing == []
    positions = [header.index(name) for name in NAMES]
    expected = np.array([[float(row[p]) for p in positions] for row in rows])
    assert np.array_equal(capture.values, expected)
    assert capture.times[-1] == pytest.approx(parse_timecode(rows[-1][0]) - parse_timecode(rows[0][0]))


# ---------------------------------------------------------------- tolerant reading


def test_shuffled_columns_are_matched_by_name(tmp_path, random_values):
    order = np.random.default_rng(3).permutation(NUM_CHANNELS + 2)
    header = ["Timecode", "BlendShapeCount", *NAMES]
    rows = _simple_rows(random_values)
    path = _write_rows(tmp_path / "shuffled.csv", [header[i].upper() for i in order], [[r[i] for i in order] for r in rows])
    capture = read_csv(path)
    assert np.array_equal(capture.values, random_values)
    np.testing.assert_allclose(capture.times, np.arange(len(rows)) / 30.0, atol=1e-5)


@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_bom_and_line_endings(tmp_path, random_values, eol):
    rows = _simple_rows(random_values)
    path = _write_rows(tmp_path / "bom.csv", ["Timecode", "BlendShapeCount", *NAMES], rows, bom=True, eol=eol)
    capture = read_csv(path)
    assert np.array_equal(capture.values, random_values)
    assert capture.missing == [] and capture.extra_columns == []


def test_rig_spelled_names(tmp_path, random_values):
    spelled = list(ARKIT_NAMES)
    spelled[0] = "Face:eyeBlink_L"
    spelled[7] = "blendShape1.eyeBlink_R"
    spelled[17] = "jaw_open"
    path = _write_rows(tmp_path / "rig.csv", ["timecode", "blendshapecount", *spelled], _simple_rows(random_values))
    capture = read_csv(path)
    assert np.array_equal(capture.values, random_values)


def test_count_zero_rows_are_skipped_and_reported(tmp_path, random_values):
    rows = _simple_rows(random_values[:6])
    rows.insert(2, [rows[1][0].replace(":02.000", ":03.000"), "0"])
    rows.insert(5, [rows[4][0].replace(":06.000", ":07.000"), "0", *[""] * NUM_CHANNELS])
    path = _write_rows(tmp_path / "zeros.csv", ["Timecode", "BlendShapeCount", *NAMES], rows)
    capture = read_csv(path)
    assert capture.skipped_rows == 2
    assert np.array_equal(capture.values, random_values[:6])
    assert any("BlendShapeCount 0" in w and "lines 4, 7" in w for w in capture.warnings)


def test_missing_and_extra_columns(tmp_path, random_values):
    dropped = {"TongueOut", "HeadRoll"}
    keep = [i for i, name in enumerate(NAMES) if name not in dropped]
    header = ["Timecode", "BlendShapeCount", *(NAMES[i] for i in keep), "Confidence"]
    rows = [[r[0], r[1], *(r[2 + i] for i in keep), "1"] for r in _simple_rows(random_values)]
    capture = read_csv(_write_rows(tmp_path / "partial.csv", header, rows))
    assert sorted(capture.missing) == sorted(dropped)
    assert capture.extra_columns == ["Confidence"]
    assert not capture.values[:, [NAMES.index(n) for n in dropped]].any()
    assert np.array_equal(capture.values[:, keep], random_values[:, keep])
    assert any("TongueOut" in w for w in capture.warnings) and any("Confidence" in w for w in capture.warnings)


# ---------------------------------------------------------------- errors


def _broken(tmp_path, edit) -> Path:
    """A valid 5-row file with one edit applied to (header, rows)."""
    header = ["Timecode", "BlendShapeCount", *NAMES]
    rows = _simple_rows(np.linspace(0, 1, 5 * NUM_CHANNELS).reshape(5, NUM_CHANNELS))
    edit(header, rows)
    return _write_rows(tmp_path / "broken.csv", header, rows)


def _set(row_index: int, column: int, text: str):
    def edit(header, rows):
        rows[row_index][column] = text

    return edit


@pytest.mark.parametrize(
    "edit, line, column, match",
    [
        (lambda h, r: h.__setitem__(0, "Time"), 1, None, "no Timecode column"),
        (lambda h, r: h.__setitem__(5, "eyeblinkleft"), 1, "eyeblinkleft", "duplicate column for channel EyeBlinkLeft"),
        (lambda h, r: h.__setitem__(1, "timecode"), 1, "timecode", "duplicate column"),
        (_set(2, 0, "12:61:00:00.000"), 4, "Timecode", "minutes"),
        (_set(3, 0, "yesterday"), 5, "Timecode", "HH:MM:SS:FF.fff"),
        (_set(1, 2 + NAMES.index("JawOpen"), "0.2x"), 3, "JawOpen", "not a number"),
        (_set(4, 2 + NAMES.index("HeadYaw"), ""), 6, "HeadYaw", "not a number"),
        (_set(2, 2 + NAMES.index("MouthClose"), "nan"), 4, "MouthClose", "not a finite number"),
        (_set(3, 1, "sixty-one"), 5, "BlendShapeCount", "not a whole number"),
        (lambda h, r: r[2].pop(), 4, "63", "62 columns but the header has 63"),
        (lambda h, r: r[3].append("0.5"), 5, "64", "64 columns"),
        (lambda h, r: r.__setitem__(3, [r[1][0], *r[3][1:]]), 5, "Timecode", "goes backwards"),
        (lambda h, r: r.__setitem__(2, [r[1][0], *r[2][1:]]), 4, "Timecode", "repeats"),
        (lambda h, r: r.clear(), None, None, "no data rows"),
        (lambda h, r: [row.__setitem__(slice(1, None), ["0"]) for row in r], None, None, "5 rows with BlendShapeCount 0"),
    ],
)
def test_bad_files_raise_csv_format_error_with_line_and_column(tmp_path, edit, line, column, match):
    path = _broken(tmp_path, edit)
    with pytest.raises(CSVFormatError, match=match) as info:
        read_csv(path)
    error = info.value
    assert isinstance(error, ValueError)
    assert (error.path, error.line, error.column) == (str(path), line, column)
    assert str(path) in str(error)
    if line is not None:
        assert f"line {line}" in str(error)
    if column is not None:
        assert f"column {column}" in str(error)


def test_unreadable_inputs(tmp_path):
    with pytest.raises(CSVFormatError, match="cannot read"):
        read_csv(tmp_path / "nowhere.csv")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(CSVFormatError, match="empty"):
        read_csv(empty)
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"Timecode,BlendShapeCount\n00:00:00:00.000,61\n\xe9\n")
    with pytest.raises(CSVFormatError, match="UTF-8") as info:
        read_csv(latin)
    assert info.value.line == 3


def test_bench_functions_report_in_the_agreed_shape():
    from kfstudio.bench.csv import bench_csv_write

    result = bench_csv_write(repeats=1)
    assert {"name", "unit", "median", "min", "max", "target", "passed"} <= set(result)
    assert result["unit"] == "ms" and result["rows"] == 36000 and result["min"] <= result["median"] <= result["max"]
    assert result["passed"] == (result["median"] <= result["target"])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.floats(min_value=-1e4, max_value=1e4, allow_nan=False), min_size=1, max_size=40),
    st.integers(min_value=1, max_value=10),
)
def test_vectorised_decimal_parser_agrees_with_float(numbers, decimals):
    from kfstudio.io.llf_csv import _parse_fixed_decimals

    texts = [f"{x:.{decimals}f}" for x in numbers]
    parsed = _parse_fixed_decimals(",".join(texts), len(texts))
    expected = np.array([float(t) for t in texts])
    if max(len(t.lstrip("-")) - 1 for t in texts) <= 15:
        assert parsed is not None
        assert np.array_equal(parsed, expected) and np.array_equal(np.signbit(parsed), np.signbit(expected))
    if len(texts) > 1:  # mixed decimals, exponents and spaces are left to the general parser
        assert _parse_fixed_decimals(",".join(texts[:-1] + [texts[-1] + "5"]), len(texts)) is None
        assert _parse_fixed_decimals(",".join(texts[:-1] + ["1e3"]), len(texts)) is None
        assert _parse_fixed_decimals(",".join(texts[:-1] + [" " + texts[-1]]), len(texts)) is None


def test_single_row_file(tmp_path):
    values = np.full((1, NUM_CHANNELS), 0.25)
    path = tmp_path / "one.csv"
    write_csv(path, values, 24.0, start=7.0)
    capture = read_csv(path)
    assert capture.times.tolist() == [0.0] and capture.start == pytest.approx(7.0)
    assert np.array_equal(capture.values, values)
    assert capture.fps == 60.0 and any("single row" in w for w in capture.warnings)


def test_long_take_written_in_chunks_round_trips(tmp_path):
    n_frames = 20_000  # more rows than the writer formats at a time
    rng = np.random.default_rng(11)
    values = rng.uniform(-1.0, 1.0, (n_frames, NUM_CHANNELS))
    values[-100:] *= 250.0  # a wider integer part in the last chunk only
    path = tmp_path / "long.csv"
    write_csv(path, values, 60.0, start="08:30:00:00.000")
    capture = read_csv(path)
    assert capture.values.shape == values.shape
    assert np.abs(capture.values - values).max() <= 1e-6
    np.testing.assert_allclose(capture.times, np.arange(n_frames) / 60.0, atol=1e-5)
    assert path.read_bytes().count(b"\n") == n_frames + 1
