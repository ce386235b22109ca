"""kfstudio.generation.evaluate and `kfstudio eval`: constraint files (both formats) and KeyframeFace pairs."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from conftest import shared_file
from kfstudio import channels as ch
from kfstudio.cli import main
from kfstudio.generation import evaluate as ev

REPO = Path(__file__).resolve().parent.parent

SMILE = {
    "family": "prose-smile-01", "style": "prose", "description": "His face lights up with a broad smile.",
    "targets": {"MouthSmileLeft": 0.6, "MouthSmileRight": 0.6, "CheekSquintLeft": 0.35, "CheekSquintRight": 0.35,
                "EyeSquintLeft": 0.1, "HeadPitch": -0.2},
    "key": ["MouthSmileLeft", "MouthSmileRight", "HeadPitch"], "low": {"MouthFrownLeft": 0.05, "HeadRoll": 0.1},
}


def _values(**named: float) -> np.ndarray:
    v = ch.NEUTRAL.copy()
    for name, x in named.items():
        v[ch.channel_index(name)] = x
    return v


def test_corpus_line_expectations_follow_the_rules():
    case = ev.case_from_line(SMILE, "f:1")
    got = {(e.kind, e.channel): (round(e.threshold, 3), e.priority) for e in case.expectations}
    assert got == {
        ("ge", "MouthSmileLeft"): (0.3, "high"), ("ge", "MouthSmileRight"): (0.3, "high"),
        ("sign_ge", "HeadPitch"): (-0.1, "high"),  # pose key: same sign, half the magnitude
        ("ge", "CheekSquintLeft"): (0.105, "normal"), ("ge", "CheekSquintRight"): (0.105, "normal"),
        ("le", "MouthFrownLeft"): (0.05, "normal"), ("abs_le", "HeadRoll"): (0.1, "normal"),
    }  # EyeSquintLeft (0.1 < 0.3, not key) gives no expectation
    assert case.asks_movement and case.style == "prose"
    good = _values(MouthSmileLeft=0.5, MouthSmileRight=0.5, CheekSquintLeft=0.2, CheekSquintRight=0.2, HeadPitch=-0.15, HeadRoll=-0.05)
    assert all(e.check(good)[0] for e in case.expectations)
    wrong_way = good.copy()
    wrong_way[ch.channel_index("HeadPitch")] = 0.15  # nods down instead of up
    wrong_way[ch.channel_index("HeadRoll")] = -0.3  # |roll| too large, whatever its sign
    failed = {e.channel for e in case.expectations if not e.check(wrong_way)[0]}
    assert failed == {"HeadPitch", "HeadRoll"}


def test_report_counts_styles_priorities_empty_faces_and_pairs(tmp_path):
    f = tmp_path / "c.jsonl"
    lines = [
        SMILE,
        {**SMILE, "family": "speech-x", "style": "speech", "description": "She mouths 'no'."},
        {"family": "int-1", "style": "intensity", "pair": ["a little smile", "a huge grin"], "channel": "MouthSmileLeft"},
        {"description": "rests", "low": {"JawOpen": 0.1}},  # planner format, asks for no movement
    ]
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    cases = ev.load_cases(f)
    assert [c.style for c in cases] == ["prose", "speech", "intensity", ""]

    def predict(queries):
        out = []
        for q in queries:
            if "mouths" in q.description:
                out.append(ch.NEUTRAL.copy())  # an empty face
            elif "huge" in q.description:
                out.append(_values(MouthSmileLeft=0.9))
            elif "little" in q.description:
                out.append(_values(MouthSmileLeft=0.2))
            else:
                out.append(_values(MouthSmileLeft=0.5, MouthSmileRight=0.5, CheekSquintLeft=0.2, CheekSquintRight=0.2, HeadPitch=-0.2))
        return out

    rep = ev.evaluate_constraints(cases, predict, label="fake")
    assert rep.styles["prose"].share == 1.0
    assert rep.styles["speech"].high_met == 0 and rep.styles["speech"].high_total == 3
    assert rep.styles["intensity"].met == 1
    assert rep.overall.empty == 1 and rep.overall.movement_cases == 3
    assert rep.empty[0].startswith(f"{f}:2")
    assert rep.failures[0].priority == "high" and rep.failures[0].source == f"{f}:2"
    # the pair inverted fails
    inverted = ev.evaluate_constraints(cases[2:3], lambda qs: [_values(MouthSmileLeft=1.0 - 0.5 * ("huge" in q.description)) for q in qs])
    assert inverted.overall.met == 0


def test_planner_format_matches_the_planner_eval_checker():
    from test_planner_eval import evaluate as old_evaluate

    from kfstudio.generation.planner import EmbeddedPlanner

    share_old, failures_old = old_evaluate()
    planner = EmbeddedPlanner()

    def plan(q):
        prev = None if q.previous is None else np.array(q.previous)
        return planner.plan(q.description, background=q.background, emotion=q.emotion, previous=prev).values

    rep = ev.evaluate_constraints(ev.load_cases(REPO / "tests" / "planner_eval.jsonl"), ev.function_predictor(plan))
    assert rep.overall.total - rep.overall.met == len(failures_old)
    assert abs(rep.overall.share - share_old) < 1e-9


@pytest.mark.parametrize("line, message", [
    ('{"description": "x", "high": {"Smile": 0.2}}', "c.jsonl:1: field 'high': unknown channel 'Smile'"),
    ('{"family": "a", "description": "x", "targets": {"JawOpen": 0.5}, "key": ["MouthClose"]}', "c.jsonl:1: field 'key': MouthClose has no target"),
    ('{"description": "x"}', "c.jsonl:1: no expectation"),
    ('{"description": 3, "high": {"JawOpen": 0.2}}', "c.jsonl:1: field 'description' must be a string"),
    ('{"pair": ["a"], "channel": "JawOpen"}', "c.jsonl:1: field 'pair' must be [weaker description, stronger description]"),
    ('{"description": "x", "high": {"JawOpen": "big"}}', "c.jsonl:1: field 'high.JawOpen': expected a number"),
    ('{"description": "x", "high": ', "c.jsonl:1: invalid JSON"),
])
def test_bad_constraint_lines_are_named(tmp_path, line, message):
    f = tmp_path / "c.jsonl"
    f.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ev.EvalFileError) as info:
        ev.load_cases(f)
    assert message in str(info.value)


def test_family_split_is_crc32_mod_10():
    import zlib

    for fam in ("prose-lights-up-01", "idiom-lemon-02", "speech-mmm-03", "x"):
        r = zlib.crc32(fam.encode()) % 10
        assert ev.family_split(fam) == ("train" if r < 6 else "dev" if r < 8 else "test")


def test_keyframeface_pairs_score_reference_against_itself_and_neutral():
    req = shared_file("keyframeface", "example_request.jsonl")
    items = ev.load_keyframeface_pairs(req, shared_file("keyframeface", "example_response.jsonl"))
    assert len(items) == 2 and items[0].query.description.startswith("The gaze is lowered")
    ref = {it.query.description: it.reference for it in items}
    # Live Link Face convention after reading: a lowered gaze has a positive eye pitch
    assert ref[items[0].query.description][ch.channel_index("LeftEyePitch")] == pytest.approx(0.2)
    perfect = ev.evaluate_pairs(items, lambda qs: [ref[q.description] for q in qs], label="ref")
    assert perfect.mae == 0 and perfect.within == 1.0
    zero = ev.evaluate_pairs(items, ev.zero_predictor)
    expected = float(np.mean([np.abs(it.reference).mean() for it in items]))
    assert zero.mae == pytest.approx(expected)
    assert zero.group_mae["tongue"] == 0 and zero.group_mae["brows"] > 0


def test_keyframeface_pairs_from_assistant_messages(tmp_path):
    from kfstudio.generation.keyframeface import build_request_line, format_response

    target = _values(JawOpen=0.5)
    obj = json.loads(build_request_line(["mouth falls open"], 0, "", ""))
    obj["messages"].append({"role": "assistant", "content": format_response(target, 0)})
    f = tmp_path / "train.jsonl"
    f.write_text(json.dumps(obj) + "\n", encoding="utf-8")
    items = ev.load_keyframeface_pairs(f)
    assert np.allclose(items[0].reference, target)
    rep = ev.evaluate_pairs(items, ev.zero_predictor)
    assert rep.channel_mae["JawOpen"] == pytest.approx(0.5)


def test_eval_cli_constraints_json_and_table(tmp_path, capsys):
    assert main(["eval", str(REPO / "tests" / "planner_eval.jsonl"), "--json", "--baseline", "--failures", "2"]) == 0
    out = json.loads(capsys.readouterr().out)
    zero, planner = out["reports"]
    assert zero["label"] == "all-zero" and planner["label"] == "embedded"
    assert zero["overall"]["empty_faces"] == zero["overall"]["movement_cases"] > 50
    assert planner["overall"]["share"] > zero["overall"]["share"] + 0.3 and len(planner["failures"]) <= 2
    assert planner["overall"]["empty_faces"] < zero["overall"]["empty_faces"]
    assert main(["eval", str(REPO / "tests" / "planner_eval.jsonl"), "--min-share", "1.01"]) == 1
    text = capsys.readouterr().out
    assert "overall" in text and "high-priority" in text and "embedded:" in text


def test_eval_cli_keyframeface_finds_the_responses(capsys):
    req = shared_file("keyframeface", "example_request.jsonl")
    assert main(["eval", str(req), "--json"]) == 0
    rep = json.loads(capsys.readouterr().out)["reports"][0]
    assert rep["keyframes"] == 2 and 0 < rep["mae"] < 0.2 and set(rep["group_mae"]) == set(ch.GROUPS)


def test_eval_cli_errors_are_one_line(tmp_path, capsys):
    f = tmp_path / "bad.jsonl"
    f.write_text('{"description": "x", "high": {"Nope": 1}}\n', encoding="utf-8")
    assert main(["eval", str(f)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kfstudio: error: ") and "bad.jsonl:1" in err and "Traceback" not in err
    assert main(["eval", str(tmp_path / "missing.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["eval", str(REPO / "tests" / "planner_eval.jsonl"), "--model", "m"]) == 2


def test_margins_and_context_pairs(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text(
        '{"description": "a smirk", "margins": [["MouthSmileLeft", "MouthSmileRight", 0.2]]}\n'
        '{"description": "He looks at her.", "context_pair": [{"emotion": "calm"}, {"emotion": "furious"}], "channel": "BrowDownLeft"}\n',
        encoding="utf-8",
    )
    cases = ev.load_cases(f)
    assert cases[0].asks_movement and cases[0].expectations[0].kind == "margin"
    assert cases[1].weaker_context == ("", "calm") and cases[1].emotion == "furious"

    def predict(queries):
        out = []
        for q in queries:
            x = _values(MouthSmileLeft=0.6, MouthSmileRight=0.1) if "smirk" in q.description else ch.NEUTRAL.copy()
            if q.emotion == "furious":
                x[ch.channel_index("BrowDownLeft")] = 0.5
            out.append(x)
        return out

    assert ev.evaluate_constraints(cases, predict).overall.share == 1.0
    mirrored = ev.evaluate_constraints(cases, lambda qs: [ch.mirror_values(v) if "smirk" in q.description else v
                                                          for q, v in zip(qs, predict(qs))])
    assert mirrored.overall.met == 1 and "MouthSmileLeft - MouthSmileRight" in mirrored.failures[0].expectation
    flat = ev.evaluate_constraints(cases[1:], lambda qs: [ch.NEUTRAL.copy() for _ in qs])
    assert flat.overall.met == 0 and "context" in flat.failures[0].description
