"""models/corpus/build_corpus.py: validation, programmatic variants and the split by family."""

from __future__ import annotations

import json
import subprocess
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "models" / "corpus" / "build_corpus.py"


def line(family, description, targets, key, low=None, style="prose", **extra):
    return {"family": family, "style": style, "description": description, "background": "", "emotion": "",
            "targets": targets, "key": key, "low": low or {}, **extra}


def run(src: Path, out: Path, *args: str):
    return subprocess.run([sys.executable, str(SCRIPT), "--src", str(src), "--out", str(out), *args],
                          capture_output=True, text=True, timeout=120)


def read(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def make_src(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    lines = []
    for i in range(30):
        fam = f"prose-smile-{i}"
        lines.append(line(fam, f"She smiles at stranger number {i}.", {"MouthSmileLeft": 0.5, "MouthSmileRight": 0.5},
                          ["MouthSmileLeft", "MouthSmileRight"], {"MouthFrownLeft": 0.05}))
        lines.append(line(fam, f"A polite little grin for visitor {i}", {"MouthSmileLeft": 0.5, "MouthSmileRight": 0.5},
                          ["MouthSmileLeft"]))
        lines.append(line(f"gaze-left-{i}", f"He glances to his left, case {i}.",
                          {"HeadYaw": -0.2, "LeftEyeYaw": -0.3, "RightEyeYaw": -0.3, "EyeLookOutLeft": 0.4, "EyeLookInRight": 0.4},
                          ["EyeLookOutLeft", "LeftEyeYaw"], style="gaze"))
        lines.append({"family": fam, "style": "prose", "pair": [f"a faint smile {i}", f"a huge grin {i}"], "channel": "MouthSmileLeft"})
    (src / "a.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return src


def test_split_by_family_with_variants_and_pairs(tmp_path):
    src = make_src(tmp_path)
    out = tmp_path / "out"
    r = run(src, out, "--strict")
    assert r.returncode == 0, r.stderr
    seen: dict[str, str] = {}
    variants = set()
    for split in ("train", "dev", "test"):
        for obj in read(out / f"{split}.jsonl"):
            fam = obj["family"]
            r10 = zlib.crc32(fam.encode()) % 10
            assert split == ("train" if r10 <= 5 else "dev" if r10 <= 7 else "test")
            assert seen.setdefault(fam, split) == split  # a family never crosses splits
            variants.add(obj.get("variant", ""))
            if obj.get("variant") == "side":
                assert "right" in obj["description"]
                assert obj["targets"]["HeadYaw"] == 0.2 and obj["targets"]["EyeLookOutRight"] == 0.4
                assert obj["key"] == ["EyeLookOutRight", "RightEyeYaw"]
            if obj.get("variant") == "weaker" and "targets" in obj and obj["family"].startswith("prose-smile"):
                assert obj["targets"]["MouthSmileLeft"] < 0.5
    assert {"", "side", "weaker", "typo"} <= variants
    # deterministic
    first = {s: (out / f"{s}.jsonl").read_bytes() for s in ("train", "dev", "test")}
    run(src, out)
    assert first == {s: (out / f"{s}.jsonl").read_bytes() for s in ("train", "dev", "test")}


def test_context_pair_lines_reach_the_splits_and_are_scored_not_trained_on(tmp_path):
    """A context pair (one line in a milder and a stronger context) is passed through as such: the
    evaluation scores it, the learned layer's training skips it (it has no targets)."""
    from kfstudio.generation import evaluate as ev
    from kfstudio.generation.semantic.data import read_examples

    src = make_src(tmp_path)
    pair = {"family": "context-pair-letter", "style": "context", "description": "She reads the letter again.",
            "context_pair": [{"background": "A polite rejection from a job she barely wanted.", "emotion": "mild disappointment"},
                             {"background": "The bank is taking the family home.", "emotion": "devastated"}],
            "channel": "BrowInnerUp"}
    (src / "c.jsonl").write_text(json.dumps(pair) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run(src, out, "--strict").returncode == 0
    split = {0: "train", 1: "train", 2: "train", 3: "train", 4: "train", 5: "train", 6: "dev", 7: "dev"}.get(
        zlib.crc32(b"context-pair-letter") % 10, "test")
    path = out / f"{split}.jsonl"
    written = [o for o in read(path) if o["family"] == "context-pair-letter"]
    assert written == [dict(pair, split=split, source="c.jsonl:1")]
    cases = [c for c in ev.load_cases([path]) if c.description == "She reads the letter again."]
    assert len(cases) == 1 and cases[0].weaker is not None  # scored as a pair of contexts
    assert all(e.description != "She reads the letter again." for e in read_examples([path]))


def test_bad_lines_are_named_and_strict_fails(tmp_path):
    src = make_src(tmp_path)
    with (src / "b.jsonl").open("w", encoding="utf-8") as f:
        f.write(json.dumps(line("x-1", "smile", {"Smile": 0.5}, [])) + "\n")
        f.write("{not json\n")
        f.write(json.dumps(line("x-2", "smile", {"MouthSmileLeft": 1.5}, ["MouthSmileLeft"])) + "\n")
        f.write(json.dumps(line("x-3", "smile", {"MouthSmileLeft": 0.5}, ["JawOpen"])) + "\n")
    r = run(src, tmp_path / "out")
    assert r.returncode == 0
    errs = r.stderr.strip().splitlines()
    assert len(errs) == 4 and all(f"b.jsonl:{n}:" in e for n, e in zip(range(1, 5), errs))
    assert "Smile" in errs[0] and "outside" in errs[2] and "JawOpen" in errs[3]
    assert run(src, tmp_path / "out2", "--strict").returncode == 1


def test_build_semantic_script_imports_what_it_runs():
    """models/build_semantic.py (the one command that reproduces the shipped weights) imports the
    corpus builder and the train command at start-up: a module that moved breaks --help here."""
    script = ROOT / "models" / "build_semantic.py"
    r = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert "--test" in r.stdout


def test_variants_keep_the_lines_own_limits(tmp_path):
    """A side variant mirrors a pose limit without negating it (a limit is on |value|), a stronger
    variant never scales a target past the line's own cap, and a negative limit is refused by name."""
    src = tmp_path / "src"
    src.mkdir()
    lines = []
    for i in range(12):
        lines.append(line(f"gaze-still-{i}", f"Eyes flick to her left, head still, take {i}.",
                          {"LeftEyeYaw": -0.3, "RightEyeYaw": -0.3, "EyeLookOutLeft": 0.4, "EyeLookInRight": 0.4},
                          ["EyeLookOutLeft"], {"HeadYaw": 0.03, "HeadRoll": 0.05}, style="gaze"))
        lines.append(line(f"gaze-still-{i}", f"A quick look to the left, the head not moving, take {i}.",
                          {"LeftEyeYaw": -0.3, "RightEyeYaw": -0.3, "EyeLookOutLeft": 0.4, "EyeLookInRight": 0.4},
                          ["EyeLookOutLeft"], {"HeadYaw": 0.03}, style="gaze"))
        lines.append(line(f"held-smile-{i}", f"A wince that cuts the smile short, number {i}",
                          {"BrowDownLeft": 0.4, "BrowDownRight": 0.4, "MouthSmileLeft": 0.25, "MouthSmileRight": 0.25},
                          ["BrowDownLeft", "BrowDownRight"], {"MouthSmileLeft": 0.3, "MouthSmileRight": 0.3}))
        lines.append(line(f"held-smile-{i}", f"The smile stops halfway in a wince, number {i}",
                          {"BrowDownLeft": 0.4, "BrowDownRight": 0.4, "MouthSmileLeft": 0.25, "MouthSmileRight": 0.25},
                          ["BrowDownLeft"], {"MouthSmileLeft": 0.3, "MouthSmileRight": 0.3}))
    (src / "a.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    r = run(src, out, "--strict")
    assert r.returncode == 0, r.stderr
    rows = [o for s in ("train", "dev", "test") for o in read(out / f"{s}.jsonl") if "targets" in o]
    sides = [o for o in rows if o.get("variant") == "side"]
    strong = [o for o in rows if o.get("variant") == "stronger" and o["family"].startswith("held-smile")]
    assert sides and strong
    for o in sides:
        assert "right" in o["description"] and o["low"]["HeadYaw"] == 0.03
        assert o["targets"]["EyeLookOutRight"] == 0.4
    for o in strong:
        assert o["targets"]["BrowDownLeft"] > 0.4  # scaled up ...
        assert o["targets"]["MouthSmileLeft"] <= o["low"]["MouthSmileLeft"]  # ... but never past its own cap
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "b.jsonl").write_text(json.dumps(line("g-1", "Head level.", {"EyeBlinkLeft": 0.2}, ["EyeBlinkLeft"],
                                                 {"HeadRoll": -0.05})) + "\n", encoding="utf-8")
    r = run(bad, tmp_path / "out2", "--strict")
    assert r.returncode == 1 and "b.jsonl:1" in r.stderr + r.stdout and "low.HeadRoll" in r.stderr + r.stdout


def test_the_second_annotation_matches_corpus_lines_and_is_scored():
    """models/corpus/agreement.py finds every line of the blind second annotation in the corpus and
    scores both directions with the evaluation's own expectations."""
    r = subprocess.run([sys.executable, str(ROOT / "models" / "corpus" / "agreement.py")], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("second annotator scored by the corpus: ") and lines[2].startswith("corpus scored by the second annotator: ")
    share = float(lines[0].split(": ")[1].split("%")[0])
    assert 50 < share <= 100
