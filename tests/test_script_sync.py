"""Script ↔ keyframes synchronisation: what the editor's worker relies on."""

import numpy as np
import pytest

from kfstudio import channels as ch
from kfstudio.animation import Animation, UndoStack
from kfstudio.animation import commands as cmd
from kfstudio.generation.backend import create_backend
from kfstudio.script_sync import generate_animation, generation_targets, proposal_edit, sync_keyframes

SCRIPT = """Background: a job interview
Emotion: nervous
0s: eyes look down, lips pressed
1s: a small polite smile
2s: brows lift in surprise
3s: the jaw drops open
"""


def _generated(text=SCRIPT) -> Animation:
    anim, results = generate_animation(text)
    assert len(results) == len(anim.keyframes)
    return anim


def _apply_generation(anim: Animation, stack: UndoStack, uids) -> None:
    """What the editor's worker does: propose the listed keyframes and apply them as one edit."""
    backend = create_backend("embedded")
    kfs, idx, background, emotion, keys = generation_targets(anim, uids)
    descs = [k.description for k in kfs]
    from kfstudio.generation.backend import KeyframeRequest

    reqs = [KeyframeRequest(descs, i, background, emotion) for i in idx]
    proposals = {kfs[i].uid: r.values for i, r in zip(idx, backend.propose(reqs))}
    stack.push(proposal_edit(anim, proposals, {kfs[i].uid: keys[i] for i in idx}))


def test_unchanged_script_regenerates_nothing():
    anim = _generated()
    edit, todo = sync_keyframes(anim, SCRIPT)
    assert todo == []
    assert edit is None


def test_editing_one_line_keeps_ids_and_regenerates_it_and_its_neighbours():
    anim = _generated()
    ids = [k.uid for k in anim.keyframes]
    new = SCRIPT.replace("a small polite smile", "a broad happy grin")
    edit, todo = sync_keyframes(anim, new)
    stack = UndoStack(anim)
    stack.push(edit)
    assert [k.uid for k in anim.keyframes] == ids
    assert set(todo) == {ids[0], ids[1], ids[2]}  # the line and the two whose context it is
    assert anim.keyframes[1].description == "a broad happy grin"
    _apply_generation(anim, stack, todo)
    assert sync_keyframes(anim, new)[1] == []
    smile = ch.channel_index("MouthSmileLeft")
    assert anim.keyframes[1].values[smile] > 0.3


def test_inserted_and_deleted_lines():
    anim = _generated()
    ids = [k.uid for k in anim.keyframes]
    stack = UndoStack(anim)
    # delete a line: its keyframe goes, the others keep their ids
    edit, todo = sync_keyframes(anim, SCRIPT.replace("2s: brows lift in surprise\n", ""))
    stack.push(edit)
    assert [k.uid for k in anim.keyframes] == [ids[0], ids[1], ids[3]]
    assert set(todo) == {ids[1], ids[3]}  # their neighbours changed
    # insert a line: a new keyframe, the others keep their ids
    edit, todo = sync_keyframes(anim, anim.script.replace("3s: the jaw", "2.5s: a wink\n3s: the jaw"))
    stack.push(edit)
    descs = [k.description for k in anim.keyframes]
    assert descs == ["eyes look down, lips pressed", "a small polite smile", "a wink", "the jaw drops open"]
    new_id = anim.keyframes[2].uid
    assert new_id not in ids and new_id in todo
    assert [k.uid for k in anim.keyframes if k.uid != new_id] == [ids[0], ids[1], ids[3]]
    # a line rewritten in place (as typing does) keeps its keyframe and is regenerated
    edit, todo = sync_keyframes(anim, anim.script.replace("a wink", "the left eye winks shut"))
    stack.push(edit)
    assert anim.keyframes[2].uid == new_id and new_id in todo


def test_hand_edits_and_locks_survive_script_edits_and_regeneration():
    anim = _generated()
    stack = UndoStack(anim)
    k = anim.keyframes[1]
    stack.push(cmd.set_values(anim, k.uid, {"JawOpen": 0.77}))
    stack.push(cmd.set_keyframe_lock(anim, k.uid, ["BrowInnerUp"]))
    brow = anim.find(k.uid).values[ch.channel_index("BrowInnerUp")]
    new = SCRIPT.replace("a small polite smile", "a sneer of disgust")
    edit, todo = sync_keyframes(anim, new)
    stack.push(edit)
    _apply_generation(anim, stack, todo)
    after = anim.find(k.uid)
    assert after.values[ch.channel_index("JawOpen")] == 0.77
    assert after.values[ch.channel_index("BrowInnerUp")] == brow
    assert after.values[ch.channel_index("NoseSneerLeft")] > 0.2


def test_keys_without_description_are_never_touched_by_the_script():
    anim = _generated()
    stack = UndoStack(anim)
    stack.push(cmd.key_pose(anim, 0.5))
    manual = anim.keyframe_at(0.5)
    edit, _ = sync_keyframes(anim, "Emotion: calm\n0s: neutral face\n")
    stack.push(edit)
    assert manual.uid in [k.uid for k in anim.keyframes]
    assert len([k for k in anim.keyframes if k.description]) == 1


def test_script_sync_is_one_undo_step():
    anim = _generated()
    before = anim.copy()
    stack = UndoStack(anim)
    edit, _ = sync_keyframes(anim, SCRIPT + "4s: a sigh\n")
    stack.push(edit)
    assert anim.script.endswith("4s: a sigh\n")
    stack.undo()
    assert anim.same_as(before)


def test_generated_animation_is_within_range_and_timed():
    anim = _generated()
    v = anim.evaluate(anim.frame_times())
    assert np.all(v >= ch.LOWER) and np.all(v <= ch.UPPER)
    assert [k.time for k in anim.keyframes] == [0.0, 1.0, 2.0, 3.0]


def test_new_keyframes_hold_their_expression_long_enough_to_read():
    anim = _generated("0s: a big smile\n2s: a deep frown\n2.3s: eyes wide\n")
    smile = ch.channel_index("MouthSmileLeft")
    first, second, third = anim.keyframes
    assert first.hold == pytest.approx(0.3)  # capped by READING_HOLD
    assert second.hold == pytest.approx(0.1)  # a third of the short gap to the next line
    assert anim.evaluate(0.3)[smile] == pytest.approx(first.values[smile])  # still the full smile
    explicit = _generated("0s: a big smile [hold 1.0s]\n3s: neutral\n")
    assert explicit.keyframes[0].hold == pytest.approx(1.0)


def test_each_keyframe_is_proposed_after_the_one_before_it():
    anim = _generated("0s: she smiles slightly\n1s: she smiles more\n2s: she holds it\n")
    smile = ch.channel_index("MouthSmileLeft")
    first, more, held = (k.values[smile] for k in anim.keyframes)
    assert first < more < 0.7  # "more" than the previous keyframe, not a full smile from scratch
    assert held == pytest.approx(more)


def test_keyframes_at_the_same_time_resolve_in_script_order_every_time():
    text = "0s: neutral face\n1s: a big smile\n1s: a deep frown\n2s: neutral face\n"
    frown = ch.channel_index("MouthFrownLeft")
    for _ in range(4):
        anim = _generated(text)
        assert [k.description for k in anim.keyframes][1:3] == ["a big smile", "a deep frown"]
        assert anim.evaluate(1.0)[frown] == pytest.approx(anim.keyframes[2].values[frown])


def test_a_dragged_keyframe_keeps_its_time_until_its_line_time_changes():
    anim = _generated()
    stack = UndoStack(anim)
    k = anim.keyframes[1]  # "1s: a small polite smile"
    stack.push(cmd.set_keyframe_time(anim, k.uid, 1.4))
    edit, _ = sync_keyframes(anim, anim.script.replace("Emotion: nervous", "Emotion: very nervous"))
    stack.push(edit)
    assert anim.find(k.uid).time == 1.4  # an edit elsewhere in the script keeps the drag
    edit, _ = sync_keyframes(anim, anim.script.replace("1s: a small", "1.2s: a small"))
    stack.push(edit)
    assert anim.find(k.uid).time == 1.2  # the line's own time was edited: it wins


def test_a_duplicated_keyframe_survives_script_edits():
    anim = _generated()
    stack = UndoStack(anim)
    stack.push(cmd.duplicate_keyframe(anim, anim.keyframes[1].uid, 5.0))
    copy = anim.keyframe_at(5.0)
    assert copy.description == "" and np.array_equal(copy.values, anim.keyframes[1].values)
    edit, _ = sync_keyframes(anim, anim.script.replace("Emotion: nervous", "Emotion: calm"))
    stack.push(edit)
    assert anim.keyframe_at(5.0) is not None


def test_untimed_lines_land_on_whole_frames():
    anim = _generated("Emotion: sly\n- a slow smirk spreads on the left\n- one eyebrow rises\n- the head tilts to the right\n")
    for k in anim.keyframes:
        assert abs(k.time * anim.fps - round(k.time * anim.fps)) < 1e-9


def test_split_into_beats_keeps_the_time_and_adds_untimed_lines():
    from kfstudio.generation.script import parse_script
    from kfstudio.script_sync.lines import split_into_beats

    text = "0.5s: A calm face.\n2s: Initially he grins -> then the grin fades, finally a scowl.\n4s: Rest.\n"
    assert "narrates a change in 3 beats" in " ".join(parse_script(text).warnings)
    split = split_into_beats(text, 2)
    beats = parse_script(split).beats
    assert [(b.time, b.description) for b in beats][1:4] == [(2.0, "He grins"), (None, "The grin fades"), (None, "A scowl.")]
    assert split_into_beats(text, 1) is None and split_into_beats(text, 7) is None
