#!/usr/bin/env python3
"""Build the train/dev/test splits of the annotated corpus, with programmatic variants.

    python3 models/corpus/build_corpus.py [--src models/corpus/src] [--out models/corpus] [--strict]

Reads every ``*.jsonl`` under ``--src`` (hand-written lines, see README.md), checks each line, adds
deterministic variants of the description lines and writes ``train.jsonl``, ``dev.jsonl`` and
``test.jsonl`` under ``--out``. The split is by family: ``zlib.crc32(family) % 10`` in 0..5 = train,
6..7 = dev, 8..9 = test, so the paraphrases and variants of one item always sit in the same split.

Variants (each line gets ``"variant"``; hand-written lines have none):

* ``side``     — a description naming a side ("left"/"right") of an asymmetric face is mirrored: the
  words swapped, Left/Right channels swapped, yaw and roll negated;
* ``weaker`` / ``stronger`` — an intensity phrase is added and the targets scaled (x0.45 / x1.35,
  clamped), and an intensity pair line (weaker < stronger) ties them to the original;
* ``negation`` — "no <description>" with a neutral face: nothing moves, the key channels stay low;
* ``typo``, ``caps``, ``lower`` — one or two typing slips, ALL CAPS, lower case without punctuation.

Bad lines are reported as ``FILE:LINE: message`` on stderr and skipped (``--strict``: exit status 1).
Deterministic: the same sources give byte-identical outputs.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kfstudio import channels as ch  # noqa: E402

STYLES = {
    "terse", "keyframeface", "prose", "idiom", "speech", "intensity", "negation", "subtext",
    "body", "change", "informal", "gaze", "context",
}
SPLITS = ("train", "dev", "test")
_NAMES = set(ch.NAMES)
_POSE = {c.name for c in ch.CHANNELS if c.is_pose}
_FLIP = {"HeadYaw", "HeadRoll", "LeftEyeYaw", "RightEyeYaw", "LeftEyeRoll", "RightEyeRoll"}


def split_of(family: str) -> str:
    r = zlib.crc32(family.encode("utf-8")) % 10
    return "train" if r <= 5 else "dev" if r <= 7 else "test"


class LineError(ValueError):
    pass


def _check_values(mapping, field: str, pose_ok: bool = True) -> dict[str, float]:
    if not isinstance(mapping, dict):
        raise LineError(f"'{field}' must be an object")
    out = {}
    for name, value in mapping.items():
        if name not in _NAMES:
            raise LineError(f"'{field}': unknown channel {name!r}")
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise LineError(f"'{field}.{name}' must be a number")
        c = ch.lookup(name)
        if not (c.lower - 1e-9 <= value <= c.upper + 1e-9):
            raise LineError(f"'{field}.{name}' = {value} is outside [{c.lower}, {c.upper}]")
        out[name] = round(float(value), 4)
    return out


def check_line(obj) -> dict:
    """A validated copy of one source line (raises LineError)."""
    if not isinstance(obj, dict):
        raise LineError("a line must be a JSON object")
    for field in ("family", "style"):
        if not isinstance(obj.get(field), str) or not obj[field].strip():
            raise LineError(f"'{field}' must be a non-empty string")
    if obj["style"] not in STYLES:
        raise LineError(f"'style' {obj['style']!r} is not one of {sorted(STYLES)}")
    if "pair" in obj:
        pair = obj["pair"]
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) and p.strip() for p in pair)):
            raise LineError("'pair' must be two non-empty descriptions")
        if obj.get("channel") not in _NAMES:
            raise LineError(f"'channel': unknown channel {obj.get('channel')!r}")
        out = {"family": obj["family"], "style": obj["style"], "pair": pair, "channel": obj["channel"]}
        for field in ("background", "emotion"):
            if obj.get(field):
                out[field] = str(obj[field])
        return out
    if not isinstance(obj.get("description"), str) or not obj["description"].strip():
        raise LineError("'description' must be a non-empty string")
    if "context_pair" in obj:  # the same line in a milder and a stronger context (milder first)
        pair = obj["context_pair"]
        if not (isinstance(pair, list) and len(pair) == 2 and all(
                isinstance(p, dict) and all(isinstance(p.get(f, ""), str) for f in ("background", "emotion")) for p in pair)):
            raise LineError("'context_pair' must be two objects {background, emotion}")
        if obj.get("channel") not in _NAMES:
            raise LineError(f"'channel': unknown channel {obj.get('channel')!r}")
        return {"family": obj["family"], "style": obj["style"], "description": obj["description"],
                "context_pair": [{"background": p.get("background", ""), "emotion": p.get("emotion", "")} for p in pair],
                "channel": obj["channel"]}
    targets = _check_values(obj.get("targets", {}), "targets")
    key = obj.get("key", [])
    if not isinstance(key, list) or not all(isinstance(k, str) for k in key):
        raise LineError("'key' must be a list of channel names")
    for k in key:
        if k not in targets:
            raise LineError(f"'key': {k!r} is not in targets")
    low = _check_values(obj.get("low", {}), "low")
    for name, value in low.items():
        if value < 0:
            raise LineError(f"'low.{name}' = {value}: a limit is on the size of the value, give it as a number >= 0")
    asym = obj.get("asym", [])
    if not isinstance(asym, list) or not all(
        isinstance(a, list) and len(a) == 3 and a[0] in _NAMES and a[1] in _NAMES and isinstance(a[2], (int, float))
        for a in asym
    ):
        raise LineError("'asym' must be a list of [channel, channel, difference]")
    return {
        "family": obj["family"], "style": obj["style"], "description": obj["description"].strip(),
        "background": str(obj.get("background") or ""), "emotion": str(obj.get("emotion") or ""),
        "targets": targets, "key": list(key), "low": low, **({"asym": asym} if asym else {}),
    }


def read_sources(src: Path, strict: bool) -> list[dict]:
    lines, bad = [], 0
    files = sorted(src.glob("*.jsonl"))
    if not files:
        raise SystemExit(f"build_corpus: error: no *.jsonl file under {src}")
    for path in files:
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not text.strip():
                continue
            try:
                line = check_line(json.loads(text))
            except (json.JSONDecodeError, LineError) as exc:
                bad += 1
                print(f"{path}:{number}: {exc}", file=sys.stderr)
                continue
            line["source"] = f"{path.name}:{number}"
            lines.append(line)
    if bad and strict:
        raise SystemExit(f"build_corpus: error: {bad} bad line(s)")
    return lines


# ---------------------------------------------------------------------------- variants
def _mirror_name(name: str) -> str:
    return ch.lookup(name).mirror


def _mirror_map(values: dict[str, float]) -> dict[str, float]:
    out = {}
    for name, v in values.items():
        out[_mirror_name(name)] = -v if name in _FLIP else v
    return out


_SIDE_RE = re.compile(r"\b(left|right|Left|Right|LEFT|RIGHT)\b")
_NOT_A_SIDE = re.compile(r"\b(all right|alright|right (away|now|then|there|here|back|after|before|on|off|into|at|in|up|down|as)|that'?s right|the right to|right answer|right thing|you'?re right|left (over|behind|alone|out|unsaid|hanging)|is left|was left|were left|has left|had left|have left)\b", re.I)
_SWAP = {"left": "right", "right": "left", "Left": "Right", "Right": "Left", "LEFT": "RIGHT", "RIGHT": "LEFT"}


def _asymmetric(targets: dict[str, float]) -> bool:
    for name, v in targets.items():
        if name in _FLIP and abs(v) >= 0.05:
            return True
        m = _mirror_name(name)
        if m != name and abs(v - targets.get(m, 0.0)) >= 0.1:
            return True
    return False


def side_variant(line: dict) -> dict | None:
    d = line["description"]
    if not _SIDE_RE.search(d) or _NOT_A_SIDE.search(d) or not _asymmetric(line["targets"]):
        return None
    out = dict(line)
    out["description"] = _SIDE_RE.sub(lambda m: _SWAP[m.group(1)], d)
    out["targets"] = _mirror_map(line["targets"])
    out["low"] = {_mirror_name(k): v for k, v in line["low"].items()}  # limits on |value|: mirrored, not negated
    out["key"] = [_mirror_name(k) for k in line["key"]]
    if line.get("asym"):
        out["asym"] = [[_mirror_name(a), _mirror_name(b), v] for a, b, v in line["asym"]]
    return out


_WEAKER = [", just barely.", " (subtle, barely there)", " - but only a trace of it.", ", very faintly.", " (tiny version)"]
_STRONGER = [" - hugely exaggerated!", " (big, full strength)", ", as strongly as possible.", " - way over the top.", " (extreme version)"]
_INTENSITY_WORDS = re.compile(
    r"\b(slight|slightly|faint|faintly|barely|little|tiny|hint|subtle|small|big|huge|wide|hard|very|extreme|full|broad|strong|massive)\w*\b",
    re.I,
)


def _scaled(targets: dict[str, float], factor: float, caps: dict[str, float] | None = None) -> dict[str, float]:
    """Targets times ``factor``, clamped to the channel ranges and never above the line's own ``low`` caps
    (a smile the line holds at 0.3 stays at most 0.3 in its stronger variant)."""
    out = {}
    for name, v in targets.items():
        c = ch.lookup(name)
        s = min(c.upper, max(c.lower, v * factor))
        if caps and name in caps and not c.is_pose:
            s = min(s, max(v, caps[name]))
        out[name] = round(s, 2)
    return out


def _bare(description: str) -> str:
    return description.rstrip(" .!?;:")


def intensity_variants(line: dict, rng: random.Random) -> list[dict]:
    d = line["description"]
    if _INTENSITY_WORDS.search(d) or not line["key"] or len(d) > 160:
        return []
    key = [k for k in line["key"] if k not in _POSE]
    if not key or max(line["targets"][k] for k in key) < 0.25:
        return []
    out = []
    weak = dict(line, description=_bare(d) + rng.choice(_WEAKER), targets=_scaled(line["targets"], 0.45), variant="weaker")
    weak["low"] = dict(line["low"])
    out.append(weak)
    if max(line["targets"][k] for k in key) <= 0.7:
        strong = dict(line, description=_bare(d) + rng.choice(_STRONGER), targets=_scaled(line["targets"], 1.35, line["low"]), variant="stronger")
        out.append(strong)
    return out


_NEGATION = ["No {x} - the face stays neutral.", "Not {x}; keep a blank, still face.", "{X}? No. Neutral face."]


def negation_variant(line: dict, rng: random.Random) -> dict | None:
    d = _bare(line["description"])
    key = [k for k in line["key"] if k not in _POSE and line["targets"][k] >= 0.25]
    if not key or len(d.split()) > 8 or line.get("background") or line.get("emotion") or re.search(r"[.;:!?\"'\u2014()]", d):
        return None
    x = d[0].lower() + d[1:] if not d[:2].isupper() else d
    text = rng.choice(_NEGATION).format(x=x, X=d)
    low = {k: 0.1 for k in key}
    return {
        "family": line["family"], "style": line["style"], "description": text, "background": "", "emotion": "",
        "targets": {}, "key": [], "low": low, "variant": "negation",
    }


def _typo_word(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:  # swap two neighbours
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:  # drop one letter
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]  # double one letter


def typo_variant(line: dict, rng: random.Random) -> dict | None:
    if re.search(r"(?:^|[\s(])['\"\u2018\u201c]\w", line["description"]):
        return None  # a quoted sound or word ("mouths 'why'") is spoken as written: no slip inside it
    words = line["description"].split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha() and w.lower() not in ("left", "right")]
    if not candidates:
        return None
    for i in rng.sample(candidates, min(len(candidates), rng.choice((1, 2)))):
        words[i] = _typo_word(words[i], rng)
    return dict(line, description=" ".join(words), variant="typo")


def case_variants(line: dict, rng: random.Random) -> list[dict]:
    d = line["description"]
    r = rng.random()
    if r < 0.2 and len(d) < 120:
        return [dict(line, description=d.upper(), variant="caps")]
    if r < 0.45:
        lower = re.sub(r"[.,;:!?]+", "", d.lower()).strip()
        if lower and lower != d:
            return [dict(line, description=lower, variant="lower")]
    return []


def variants(line: dict) -> tuple[list[dict], list[dict]]:
    """(description variants, intensity pair lines) of one hand-written description line."""
    rng = random.Random(zlib.crc32(line["description"].encode("utf-8")))
    out: list[dict] = []
    pairs: list[dict] = []
    side = side_variant(line)
    if side is not None:
        out.append(dict(side, variant="side"))
    if rng.random() < 0.5:
        inten = intensity_variants(line, rng)
        out.extend(inten)
        key = max((k for k in line["key"] if k not in _POSE), key=lambda k: line["targets"][k], default=None)
        for v in inten:
            if key is None:
                break
            weak, strong = (v["description"], line["description"]) if v["variant"] == "weaker" else (line["description"], v["description"])
            pair = {"family": line["family"], "style": line["style"], "pair": [weak, strong], "channel": key, "variant": v["variant"]}
            for field in ("background", "emotion"):
                if line.get(field):
                    pair[field] = line[field]
            pairs.append(pair)
    if rng.random() < 0.15:
        neg = negation_variant(line, rng)
        if neg is not None:
            out.append(neg)
    if rng.random() < 0.35:
        typo = typo_variant(line, rng)
        if typo is not None:
            out.append(typo)
    out.extend(case_variants(line, rng))
    return out, pairs


def build(src: Path, out_dir: Path, strict: bool = False) -> dict:
    lines = read_sources(src, strict)
    seen: set[tuple[str, str, str]] = set()
    split_lines: dict[str, list[dict]] = {s: [] for s in SPLITS}
    counts = {s: {"lines": 0, "variants": 0, "pairs": 0, "families": set()} for s in SPLITS}
    for line in lines:
        split = split_of(line["family"])
        todo = [line]
        if "pair" not in line and "context_pair" not in line:
            extra, pairs = variants(line)
            todo += extra + pairs
        for item in todo:
            key = (item.get("description") or json.dumps(item.get("pair")), item.get("background", ""), item.get("emotion", ""),
                   json.dumps(item.get("context_pair")))
            if key in seen:
                continue
            seen.add(key)
            item = {k: v for k, v in item.items() if k != "source" or item is line}
            item["split"] = split
            split_lines[split].append(item)
            c = counts[split]
            c["families"].add(item["family"])
            if "pair" in item or "context_pair" in item:
                c["pairs"] += 1
            elif "variant" in item:
                c["variants"] += 1
            else:
                c["lines"] += 1
    out_dir.mkdir(parents=True, exist_ok=True)
    for split in SPLITS:
        path = out_dir / f"{split}.jsonl"
        text = "".join(json.dumps(x, ensure_ascii=False, sort_keys=True) + "\n" for x in split_lines[split])
        path.write_text(text, encoding="utf-8")
    return {s: {k: (len(v) if isinstance(v, set) else v) for k, v in c.items()} for s, c in counts.items()}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--src", type=Path, default=ROOT / "models" / "corpus" / "src")
    p.add_argument("--out", type=Path, default=ROOT / "models" / "corpus")
    p.add_argument("--strict", action="store_true", help="exit with status 1 on any bad line")
    args = p.parse_args(argv)
    counts = build(args.src, args.out, args.strict)
    for split, c in counts.items():
        print(f"{split}: {c['lines']} written lines, {c['variants']} variants, {c['pairs']} pairs, {c['families']} families")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
