"""Reading and writing Live Link Face CSV files (Epic's iOS capture app, Unreal's LiveLinkFaceImporter).

Format:

* header ``Timecode,BlendShapeCount,`` then the 61 channel names of :data:`kfstudio.channels.NAMES`;
* one row per captured frame, every row with as many columns as the header, the count column 61;
* the timecode is ``HH:MM:SS:FF.fff`` where the frame field ``FF.fff`` counts *sixtieths of a second*
  whatever the capture rate, and starts at the wall-clock time of the capture;
* values are written with 10 decimals.

Reading is lenient where real files differ: a UTF-8 byte-order mark, ``BlendshapeCount`` spelt with
a small ``s``, columns in any order and any spelling that :func:`kfstudio.channels.lookup` knows,
rows whose count is 0 and that carry no values (skipped and reported), extra columns (ignored and
reported), missing channels (read as 0 and reported), CRLF line endings and blank lines, and a
capture that runs past midnight (the timecode wrapping from 23:59 to 00:00). Anything else that is
wrong raises :class:`CSVFormatError`, which names the file, the 1-based line and the column.
Timecodes must increase from row to row; a file whose timecodes repeat or go backwards is rejected
rather than silently re-ordered, since that means rows were lost or pasted together.

Writing is vectorised (no per-value Python formatting) and atomic (temporary file, fsync, rename).
"""

from __future__ import annotations

import itertools
import operator
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from kfstudio.io.atomic import atomic_write_bytes
from kfstudio.channels import LOWER, NAMES, NUM_CHANNELS, UPPER, UnknownChannelError, lookup

__all__ = [
    "CSVFormatError",
    "Capture",
    "HEADER",
    "format_timecode",
    "parse_timecode",
    "read_csv",
    "write_csv",
]

#: The exact header line Live Link Face writes (without the line break).
HEADER = ",".join(("Timecode", "BlendShapeCount") + NAMES)

_DECIMALS = 10
_MAX_ABS_VALUE = 1e8  # keeps round(|v| * 10**10) inside int64
_UNITS_PER_SECOND = 60_000  # a timecode resolves thousandths of a sixtieth of a second
_SECONDS_PER_DAY = 86_400
_TIMECODE_WIDTH = len("HH:MM:SS:FF.fff")
_TIMECODE_RE = re.compile(r"^\s*(\d+):(\d{1,2}):(\d{1,2})[:;](\d{1,2}(?:\.\d*)?)\s*$")
_COMMON_FPS = (23.976, 24.0, 25.0, 29.97, 30.0, 48.0, 50.0, 59.94, 60.0, 72.0, 90.0, 100.0, 119.88, 120.0, 240.0)
_FPS_SNAP_RELATIVE = 4e-4  # 29.97 and 30 differ by 1e-3 relative; snap only when clearly one of them
_DEFAULT_FPS = 60.0
_ROWS_PER_CHUNK = 16_384  # rows formatted at a time when writing (about 14 MB of buffers)  # used when a file has a single row and no step to measure


class CSVFormatError(ValueError):
    """A Live Link Face CSV file that cannot be read; the message names the file, line and column.

    ``line`` is 1-based (the header is line 1) and ``column`` is the column's name as written in the
    header, or its 1-based number where the header gives no name; either is ``None`` when the
    problem is not tied to one line or column.
    """

    def __init__(self, path: str | os.PathLike, line: int | None, column: str | None, message: str):
        self.path = str(path)
        self.line = line
        self.column = column
        self.reason = message
        where = [self.path]
        if line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column}")
        super().__init__(f"{', '.join(where)}: {message}")


@dataclass
class Capture:
    """The contents of a Live Link Face CSV file.

    ``times`` are seconds from the first row (``times[0] == 0``); ``start`` is the first row's
    timecode in seconds since midnight; ``values`` holds the 61 channels in :data:`NAMES` order,
    as read (not clamped: real captures overshoot a little). Channels absent from the file are 0
    and named in ``missing``; ``extra_columns`` are header names that are not channels;
    ``skipped_rows`` counts rows with a ``BlendShapeCount`` of 0; ``fps`` is estimated from the
    timecode steps (60 for a single-row file); ``warnings`` are readable sentences about all of
    these and about values outside the channels' ranges.
    """

    times: np.ndarray
    values: np.ndarray
    start: float
    fps: float
    missing: list[str] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)
    skipped_rows: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def duration(self) -> float:
        """Seconds from the first to the last row."""
        return float(self.times[-1]) if len(self.times) else 0.0


# --------------------------------------------------------------------------------------------
# Timecodes


def _timecode_chars(seconds: np.ndarray) -> np.ndarray:
    """``HH:MM:SS:FF.fff`` for each time as an ``(N, 15)`` uint8 array of ASCII codes.

    Times are rounded to a thousandth of a sixtieth of a second first, so the fields roll over
    (59.9999 s becomes the next minute, never ``60.000``); hours wrap at 24.
    """
    units = np.rint(np.asarray(seconds, dtype=np.float64) * _UNITS_PER_SECOND).astype(np.int64)
    units %= _SECONDS_PER_DAY * _UNITS_PER_SECOND
    hours, units = np.divmod(units, 3600 * _UNITS_PER_SECOND)
    minutes, units = np.divmod(units, 60 * _UNITS_PER_SECOND)
    secs, units = np.divmod(units, _UNITS_PER_SECOND)
    frames, millis = np.divmod(units, 1000)
    out = np.empty((len(units), _TIMECODE_WIDTH), dtype=np.uint8)
    out[:, [2, 5, 8]] = ord(":")
    out[:, 11] = ord(".")
    for start, width, part in ((0, 2, hours), (3, 2, minutes), (6, 2, secs), (9, 2, frames), (12, 3, millis)):
        for k in range(width):
            out[:, start + width - 1 - k] = ord("0") + (part // 10**k) % 10
    return out


def _check_time(seconds: float, what: str) -> float:
    value = float(seconds)
    if not np.isfinite(value) or value < 0:
        raise ValueError(f"{what} must be a finite number of seconds >= 0, got {seconds!r}")
    return value


def format_timecode(seconds: float) -> str:
    """Format seconds since midnight as a Live Link Face timecode ``HH:MM:SS:FF.fff``.

    ``FF.fff`` is in sixtieths of a second (``1.5`` s is ``00:00:01:30.000``). The time is rounded to
    a thousandth of a sixtieth, fields roll over at 60/60/24 (``86400`` s is ``00:00:00:00.000``).
    Raises ``ValueError`` for a negative or non-finite time.
    """
    value = _check_time(seconds, "a timecode")
    return _timecode_chars(np.array([value]))[0].tobytes().decode("ascii")


def parse_timecode(text: str) -> float:
    """Seconds since midnight of a Live Link Face timecode ``HH:MM:SS:FF.fff`` (inverse of
    :func:`format_timecode`).

    The frame field counts sixtieths of a second and may omit its decimals (``HH:MM:SS:FF``); a ``;``
    before it is accepted too. Raises ``ValueError`` naming the problem for anything else, or for
    minutes, seconds or frames of 60 and more.
    """
    match = _TIMECODE_RE.match(str(text))
    if not match:
        raise ValueError(f"timecode {text!r} is not of the form HH:MM:SS:FF.fff")
    hours, minutes, secs = (int(g) for g in match.group(1, 2, 3))
    frames = float(match.group(4))
    for name, part in (("minutes", minutes), ("seconds", secs), ("frame field (sixtieths)", frames)):
        if part >= 60:
            raise ValueError(f"timecode {text!r}: {name} must be below 60")
    return hours * 3600 + minutes * 60 + secs + frames / 60.0


# --------------------------------------------------------------------------------------------
# Writing


def _digit_table(width: int) -> np.ndarray:
    """ASCII digits of 0 .. 10**width - 1, zero-padded: shape ``(10**width, width)``."""
    numbers = np.arange(10**width)
    powers = 10 ** np.arange(width - 1, -1, -1)
    return (ord("0") + (numbers[:, None] // powers) % 10).astype(np.uint8)


_FIVE_DIGITS = _digit_table(5)


def _value_fields(values: np.ndarray) -> np.ndarray:
    """Each value as ``[-]I.FFFFFFFFFF`` followed by a separator slot, as ``(N, C, W)`` uint8.

    Fields are right-aligned in a fixed width; the unused leading slots hold 0 bytes, which the
    caller removes. The separator slot (last) is left 0 for the caller to fill.
    """
    magnitude = np.rint(np.abs(values) * 10.0**_DECIMALS).astype(np.int64)
    negative = (values < 0) & (magnitude != 0)  # never "-0.0000000000"
    integer, fraction = np.divmod(magnitude, 10**_DECIMALS)
    int_width = len(str(int(integer.max()))) if integer.size else 1
    # slots: sign + int_width digits, '.', 10 decimals, separator
    width = 1 + int_width + 1 + _DECIMALS + 1
    out = np.zeros(values.shape + (width,), dtype=np.uint8)
    n_digits = np.ones(integer.shape, dtype=np.int64)
    for k in range(1, int_width):
        n_digits += integer >= 10**k
    for k in range(int_width):  # k-th digit from the units
        slot = int_width - k
        digit = (ord("0") + (integer // 10**k) % 10).astype(np.uint8)
        out[..., slot] = np.where(k < n_digits, digit, 0)
    sign_slot = int_width - n_digits  # just left of the first digit
    np.put_along_axis(out, sign_slot[..., None], np.where(negative, ord("-"), 0).astype(np.uint8)[..., None], -1)
    point = int_width + 1
    out[..., point] = ord(".")
    high, low = np.divmod(fraction, 10**5)
    out[..., point + 1 : point + 6] = np.take(_FIVE_DIGITS, high, axis=0)
    out[..., point + 6 : point + 11] = np.take(_FIVE_DIGITS, low, axis=0)
    return out


def _csv_body(seconds: np.ndarray, values: np.ndarray) -> bytes:
    """The data rows (timecode, count 61, values) as ASCII bytes, one ``\\n``-terminated line each."""
    n_rows = values.shape[0]
    fields = _value_fields(values)
    fields[..., -1] = ord(",")
    fields[:, -1, -1] = ord("\n")
    prefix = f",{NUM_CHANNELS},".encode("ascii")
    lead = _TIMECODE_WIDTH + len(prefix)
    rows = np.empty((n_rows, lead + fields.shape[1] * fields.shape[2]), dtype=np.uint8)
    rows[:, :_TIMECODE_WIDTH] = _timecode_chars(seconds)
    rows[:, _TIMECODE_WIDTH:lead] = np.frombuffer(prefix, dtype=np.uint8)
    rows[:, lead:] = fields.reshape(n_rows, -1)
    return rows[rows != 0].tobytes()


def _check_values(values: np.ndarray) -> np.ndarray:
    array = np.asarray(values, dtype=np.float64)
    if array.ndim != 2 or array.shape[1] != NUM_CHANNELS:
        raise ValueError(f"values must have shape (frames, {NUM_CHANNELS}), got {array.shape}")
    if array.shape[0] == 0:
        raise ValueError("values has no frames; a Live Link Face file needs at least one row")
    bad = ~np.isfinite(array)
    if bad.any():
        row, col = np.argwhere(bad)[0]
        raise ValueError(f"values[{row}, {col}] ({NAMES[col]}) is {array[row, col]}; values must be finite")
    too_big = np.abs(array) >= _MAX_ABS_VALUE
    if too_big.any():
        row, col = np.argwhere(too_big)[0]
        raise ValueError(
            f"values[{row}, {col}] ({NAMES[col]}) is {array[row, col]:g}; "
            f"channel values must be below {_MAX_ABS_VALUE:g} in magnitude"
        )
    return array


def _row_seconds(n_rows: int, fps: float, start: float | str, times: np.ndarray | None) -> np.ndarray:
    fps_value = float(fps)
    if not np.isfinite(fps_value) or fps_value <= 0:
        raise ValueError(f"fps must be a finite number > 0, got {fps!r}")
    start_seconds = parse_timecode(start) if isinstance(start, str) else _check_time(start, "start")
    if times is None:
        return start_seconds + np.arange(n_rows, dtype=np.float64) / fps_value
    offsets = np.asarray(times, dtype=np.float64)
    if offsets.shape != (n_rows,):
        raise ValueError(f"times must have shape ({n_rows},) to match values, got {offsets.shape}")
    if not np.all(np.isfinite(offsets)) or np.any(offsets < 0) or np.any(np.diff(offsets) <= 0):
        raise ValueError("times must be finite, >= 0 and strictly increasing")
    return start_seconds + offsets


def write_csv(
    path: str | os.PathLike,
    values: np.ndarray,
    fps: float,
    start: float | str = 0.0,
    *,
    times: np.ndarray | None = None,
) -> None:
    """Write ``values`` (frames x 61, channel order) as a Live Link Face CSV file.

    Row ``i`` gets the timecode ``start + i / fps`` (``start`` in seconds since midnight or as a
    timecode string), or ``start + times[i]`` when ``times`` (seconds, increasing) is given, e.g. to
    keep the dropped frames of a capture. Values are written as read, with 10 decimals; clamp them
    first if the target needs channel ranges. Raises ``ValueError`` for a wrong shape, no frames,
    non-finite values, ``fps <= 0`` or a bad start. The file is replaced atomically.
    """
    array = _check_values(values)
    seconds = _row_seconds(array.shape[0], fps, start, times)
    blocks = range(0, len(array), _ROWS_PER_CHUNK)  # bounds the formatting buffers for long takes
    chunks = [(HEADER + "\n").encode("ascii")]
    chunks += [_csv_body(seconds[i : i + _ROWS_PER_CHUNK], array[i : i + _ROWS_PER_CHUNK]) for i in blocks]
    atomic_write_bytes(path, b"".join(chunks))


# --------------------------------------------------------------------------------------------
# Reading


@dataclass
class _Columns:
    """Where things are in a file's header."""

    names: list[str]  # as written, stripped
    timecode: int
    count: int | None
    channel_columns: list[int]  # file columns holding channels ...
    channel_indices: list[int]  # ... and the channel index of each
    extra: list[str]
    unnamed: list[int]  # 1-based numbers of columns with an empty name

    @property
    def block_start(self) -> int | None:
        """First column of the channels when they are the header's last columns, else ``None``."""
        first = len(self.names) - len(self.channel_columns)
        if self.channel_columns and self.channel_columns == list(range(first, len(self.names))):
            return first
        return None

    def label(self, column: int) -> str:
        """How an error message names a 0-based column: its header name or its 1-based number."""
        if column < len(self.names) and self.names[column]:
            return self.names[column]
        return str(column + 1)


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CSVFormatError(path, None, None, f"cannot read the file ({exc.strerror or exc})") from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise CSVFormatError(path, line, None, "the file is not UTF-8 text") from exc


def _parse_header(path: Path, line: str) -> _Columns:
    names = [name.strip().strip('"').strip() for name in line.split(",")]
    timecode: int | None = None
    count: int | None = None
    channel_of_column: dict[int, int] = {}
    column_of_channel: dict[int, int] = {}
    extra, unnamed = [], []
    for col, name in enumerate(names):
        key = name.lower()
        if key in ("timecode", "blendshapecount"):
            previous = timecode if key == "timecode" else count
            if previous is not None:
                raise CSVFormatError(path, 1, name, f"duplicate column (also column {previous + 1})")
            if key == "timecode":
                timecode = col
            else:
                count = col
            continue
        if not name:
            unnamed.append(col + 1)
            continue
        try:
            channel = lookup(name).index
        except UnknownChannelError:
            extra.append(name)
            continue
        if channel in column_of_channel:
            first = column_of_channel[channel]
            raise CSVFormatError(
                path, 1, name, f"duplicate column for channel {NAMES[channel]} (also column {first + 1}, {names[first]!r})"
            )
        column_of_channel[channel] = col
        channel_of_column[col] = channel
    if timecode is None:
        raise CSVFormatError(path, 1, None, f"the header has no Timecode column (header starts {line[:60]!r})")
    return _Columns(
        names=names,
        timecode=timecode,
        count=count,
        channel_columns=list(channel_of_column),
        channel_indices=list(channel_of_column.values()),
        extra=extra,
        unnamed=unnamed,
    )


def _split_rows(path: Path, lines: list[str], columns: _Columns) -> tuple[list[int], list[list[str]], list[int]]:
    """Split the data lines into fields; returns (line numbers, rows, line numbers of skipped rows).

    Blank lines are ignored; rows whose count column is 0 are skipped; every other row must have as
    many fields as the header and an integer count. When the channels are the last columns (the
    usual layout), a row's channel fields stay joined as its last element, for :func:`_parse_values`.
    """
    n_cols = len(columns.names)
    maxsplit = -1 if columns.block_start is None else columns.block_start
    count_column = columns.count
    usual_count = str(NUM_CHANNELS)
    line_numbers, rows, skipped = [], [], []
    for number, line in enumerate(lines, start=2):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        fields = line.split(",", maxsplit)
        if count_column is not None and count_column < len(fields):
            count_text = fields[count_column].strip()
            if count_text != usual_count and _count_is_zero(path, number, count_text, columns, count_column):
                skipped.append(number)
                continue
        n_fields = line.count(",") + 1
        if n_fields != n_cols:
            raise CSVFormatError(
                path, number, str(min(n_fields, n_cols) + 1), f"the row has {n_fields} columns but the header has {n_cols}"
            )
        line_numbers.append(number)
        rows.append(fields)
    return line_numbers, rows, skipped


def _count_is_zero(path: Path, line: int, text: str, columns: _Columns, column: int) -> bool:
    try:
        return int(text) == 0
    except ValueError:
        raise CSVFormatError(path, line, columns.label(column), f"count {text!r} is not a whole number") from None


def _canonical_timecodes(texts: list[str]) -> np.ndarray | None:
    """Seconds of timecodes all written exactly ``HH:MM:SS:FF.fff`` with fields in range, computed
    vectorised and equal to :func:`parse_timecode`'s; ``None`` when any is written otherwise."""
    if any(len(text) != _TIMECODE_WIDTH for text in texts):
        return None
    try:
        joined = "".join(texts).encode("ascii")
    except UnicodeEncodeError:
        return None
    codes = np.frombuffer(joined, dtype=np.uint8).reshape(len(texts), _TIMECODE_WIDTH)
    if not (np.all(codes[:, [2, 5, 8]] == ord(":")) and np.all(codes[:, 11] == ord("."))):
        return None
    digits = codes[:, [0, 1, 3, 4, 6, 7, 9, 10, 12, 13, 14]].astype(np.int64) - ord("0")
    if np.any((digits < 0) | (digits > 9)):
        return None
    hours, minutes, secs, frames = (digits[:, 2 * i] * 10 + digits[:, 2 * i + 1] for i in range(4))
    if np.any(minutes >= 60) or np.any(secs >= 60) or np.any(frames >= 60):
        return None
    thousandths = frames * 1000 + digits[:, 8] * 100 + digits[:, 9] * 10 + digits[:, 10]
    # int / 1000 is the double nearest the decimal, as float("FF.fff") is
    return (hours * 3600 + minutes * 60 + secs) + (thousandths / 1000) / 60.0


def _parse_times(path: Path, line_numbers: list[int], rows: list[list[str]], columns: _Columns) -> np.ndarray:
    """Timecodes in seconds since the first row's midnight, unwrapped across midnight, increasing."""
    column = columns.timecode
    seconds = _canonical_timecodes([row[column] for row in rows])
    if seconds is None:
        seconds = np.empty(len(rows), dtype=np.float64)
        for i, row in enumerate(rows):
            try:
                seconds[i] = parse_timecode(row[column])
            except ValueError as exc:
                raise CSVFormatError(path, line_numbers[i], columns.label(column), str(exc)) from None
    steps = np.diff(seconds)
    wrapped = steps < -_SECONDS_PER_DAY / 2  # 23:59:59 -> 00:00:00
    if wrapped.any():
        seconds[1:] += _SECONDS_PER_DAY * np.cumsum(wrapped)
        steps = np.diff(seconds)
    bad = np.flatnonzero(steps <= 0)
    if bad.size:
        i = int(bad[0])
        problem = "repeats" if steps[i] == 0 else "goes backwards from"
        raise CSVFormatError(
            path,
            line_numbers[i + 1],
            columns.label(column),
            f"timecode {rows[i + 1][column].strip()!r} {problem} {rows[i][column].strip()!r} on line "
            f"{line_numbers[i]}; timecodes must increase",
        )
    return seconds


def _parse_fixed_decimals(text: str, expected: int) -> np.ndarray | None:
    """Parse comma-separated numbers that all have the form ``[-]I.F`` with the same number of
    decimals and at most 15 digits (what Live Link Face and :func:`write_csv` write), vectorised.

    The digits are summed into an exact integer and divided by an exact power of ten, which rounds
    once, to the same double as ``float(text)``. Returns ``None`` for anything else.
    """
    try:
        raw = text.encode("ascii")
    except UnicodeEncodeError:
        return None
    chars = np.frombuffer(raw, dtype=np.uint8)
    ends = np.append(np.flatnonzero(chars == ord(",")), chars.size)  # one past each field
    first_dot = raw.find(b".", 0, int(ends[0]))
    if ends.size != expected or first_dot < 0:
        return None
    decimals = int(ends[0]) - first_dot - 1
    starts = np.concatenate(([0], ends[:-1] + 1))
    negative = chars[np.minimum(starts, chars.size - 1)] == ord("-")
    int_digits = ends - decimals - 1 - (starts + negative)
    if decimals < 1 or int_digits.min() < 1 or int_digits.max() + decimals > 15:
        return None
    if not np.all(chars[ends - decimals - 1] == ord(".")):
        return None
    # Sums of at most 15 digits are integers below 2**53, exact in float64.
    mantissa = np.zeros(ends.size, dtype=np.float64)
    not_digit = np.zeros(ends.size, dtype=bool)
    for k in range(decimals):  # every field has these
        digit = chars[ends - 1 - k] - np.uint8(ord("0"))  # wraps above 9 for non-digits
        not_digit |= digit > 9
        mantissa += digit * 10.0**k
    for j in range(int(int_digits.max())):  # j-th digit left of the dot, where the field has it
        present = j < int_digits
        digit = chars[np.where(present, ends - decimals - 2 - j, 0)] - np.uint8(ord("0"))
        not_digit |= present & (digit > 9)
        mantissa += np.where(present, digit, 0) * 10.0 ** (decimals + j)
    if not_digit.any():
        return None
    values = mantissa / 10.0**decimals
    return np.where(negative, -values, values)


def _parse_joined_block(rows: list[list[str]], expected: int) -> np.ndarray | None:
    """All rows' joined channel fields parsed vectorised or in C; ``None`` if any field is not a
    plain number."""
    text = ",".join(row[-1] for row in rows)
    block = _parse_fixed_decimals(text, expected)
    if block is not None:
        return block
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", DeprecationWarning)  # older numpy only warns on bad data
            block = np.fromstring(text, dtype=np.float64, sep=",")
    except (ValueError, DeprecationWarning):
        return None
    return block if block.size == expected else None


def _picker(columns: list[int]):
    """A function returning a row's fields at ``columns`` as a tuple (itemgetter, also for one)."""
    if len(columns) == 1:
        only = columns[0]
        return lambda row: (row[only],)
    return operator.itemgetter(*columns)


def _parse_values(path: Path, line_numbers: list[int], rows: list[list[str]], columns: _Columns) -> np.ndarray:
    """The channel columns as an ``(N, 61)`` float64 array (0 for channels the file lacks)."""
    file_columns = columns.channel_columns
    values = np.zeros((len(rows), NUM_CHANNELS), dtype=np.float64)
    if not file_columns:
        return values
    expected = len(rows) * len(file_columns)
    block = None
    if columns.block_start is not None:
        block = _parse_joined_block(rows, expected)
        if block is None:  # split the channel fields too, to parse them one by one below
            rows = [row[:-1] + row[-1].split(",") for row in rows]
    if block is None:
        texts = itertools.chain.from_iterable(map(_picker(file_columns), rows))
        try:
            block = np.fromiter(map(float, texts), dtype=np.float64, count=expected)
        except ValueError:
            _raise_first_bad_value(path, line_numbers, rows, columns)
            raise  # unreachable: the search above always finds the culprit
    block = block.reshape(len(rows), len(file_columns))
    not_finite = ~np.isfinite(block)
    if not_finite.any():
        i, j = np.argwhere(not_finite)[0]
        raise CSVFormatError(
            path, line_numbers[i], columns.label(file_columns[j]), f"value {block[i, j]!r} is not a finite number"
        )
    values[:, columns.channel_indices] = block
    return values


def _raise_first_bad_value(path: Path, line_numbers: list[int], rows: list[list[str]], columns: _Columns) -> None:
    for number, row in zip(line_numbers, rows):
        for column in columns.channel_columns:
            try:
                float(row[column])
            except ValueError:
                raise CSVFormatError(
                    path, number, columns.label(column), f"value {row[column].strip()!r} is not a number"
                ) from None


def _estimate_fps(seconds: np.ndarray) -> float:
    """Frames per second from the timecode steps, ignoring dropped frames, snapped to a common rate
    when within 0.04 % of one, otherwise rounded to 3 decimals."""
    steps = np.diff(seconds)
    if steps.size == 0:
        return _DEFAULT_FPS
    median = float(np.median(steps))
    regular = steps[(steps > 0.5 * median) & (steps < 1.5 * median)]
    fps = 1.0 / float(regular.mean())
    nearest = min(_COMMON_FPS, key=lambda rate: abs(rate - fps))
    if abs(nearest - fps) <= _FPS_SNAP_RELATIVE * nearest:
        return nearest
    return round(fps, 3)


def _range_warning(values: np.ndarray) -> str | None:
    outside = (values < LOWER) | (values > UPPER)
    if not outside.any():
        return None
    per_channel = outside.sum(axis=0)
    worst = np.argsort(per_channel)[::-1][: min(3, int(np.count_nonzero(per_channel)))]
    names = ", ".join(f"{NAMES[c]} ({per_channel[c]})" for c in worst)
    return (
        f"{int(outside.sum())} values lie outside their channel's range (kept as read); most in {names}"
    )


def _line_list(numbers: list[int], limit: int = 5) -> str:
    shown = ", ".join(str(n) for n in numbers[:limit])
    return shown + (f" and {len(numbers) - limit} more" if len(numbers) > limit else "")


def read_csv(path: str | os.PathLike) -> Capture:
    """Read a Live Link Face CSV file into a :class:`Capture`.

    Columns are matched by name (any case, any order, rig spellings too); see the module docstring
    for what is tolerated. Raises :class:`CSVFormatError` (a ``ValueError``) naming the file, line
    and column when the header has no Timecode column or a channel twice, a row has the wrong
    number of columns, a timecode, count or value is malformed or not finite, timecodes repeat or
    go backwards, or no data row remains.
    """
    path = Path(path)
    lines = _read_text(path).split("\n")
    header = lines[0].rstrip("\r")
    if not header.strip():
        raise CSVFormatError(path, 1, None, "the file is empty or its first line is blank; expected the header")
    columns = _parse_header(path, header)
    line_numbers, rows, skipped = _split_rows(path, lines[1:], columns)
    if not rows:
        detail = f" ({len(skipped)} rows with BlendShapeCount 0 skipped)" if skipped else ""
        raise CSVFormatError(path, None, None, f"the file has no data rows{detail}")
    seconds = _parse_times(path, line_numbers, rows, columns)
    values = _parse_values(path, line_numbers, rows, columns)

    present = set(columns.channel_indices)
    missing = [name for i, name in enumerate(NAMES) if i not in present]
    notes = []
    if skipped:
        notes.append(f"skipped {len(skipped)} rows with BlendShapeCount 0 (lines {_line_list(skipped)})")
    if missing:
        notes.append(f"{len(missing)} channels are missing and read as 0: {', '.join(missing)}")
    if columns.extra:
        notes.append(f"ignored {len(columns.extra)} columns that are not channels: {', '.join(columns.extra)}")
    if columns.unnamed:
        notes.append(f"ignored {len(columns.unnamed)} unnamed columns (numbers {_line_list(columns.unnamed)})")
    if len(rows) == 1:
        notes.append(f"the file has a single row, so its frame rate is unknown; assuming {_DEFAULT_FPS:g} fps")
    range_warning = _range_warning(values)
    if range_warning:
        notes.append(range_warning)
    return Capture(
        times=seconds - seconds[0],
        values=values,
        start=float(seconds[0]),
        fps=_estimate_fps(seconds),
        missing=missing,
        extra_columns=list(columns.extra),
        skipped_rows=len(skipped),
        warnings=notes,
    )
