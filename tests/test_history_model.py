"""The model side of one undo history (no Qt): UndoStack.amend folds a consequence into the step on
top without changing a recorded step, stale keyframes are found from their provenance, and the one
keyframe-chaining function serves a whole script and a part of one."""

from __future__ import annotations

import numpy as np
import pytest

from kfstudio import channels as ch
from kfstudio.animation import Animation, Keyframe
from kfstudio.animation import commands as cmd
from kfstudio.generation.backend import KeyframeResult, create_backend, propose_script
from kfstudio.script_sync import PROVENANCE, proposal_edit, stale_keyframes, sync_keyframes
from kfstudio.script_sync.sync import generation_targets

JAW = ch.channel_index("JawOpen")


def _doc():
    anim = Animation([Keyframe(0.0, "a"), Keyframe(1.0, "b")], fps=30.0)
    return anim, cmd.UndoStack(anim)


def test_amend_folds_into_the_top_step_as_a_new_step_and_undoes_both():
    anim, stack = _doc()
    a, b = anim.keyframes
    step = cmd.set_values(anim, a.uid, {JAW: 0.5})
    stack.push(step)
    seen = []
    stack.subscribe(lambda s: seen.append(s.index))
    merged = stack.amend(step, cmd.set_values(anim, b.uid, {JAW: 0.7}))
    assert merged is not step and merged is stack.top and stack.index == 1 and seen == [1]
    assert isinstance(step, cmd.Edit)  # the recorded step itself was not changed
    assert anim.find(b.uid).values[JAW] == 0.7
    merged2 = stack.amend(merged, cmd.set_values(anim, b.uid, {JAW: 0.9}))
    assert len(merged2.commands) == 3 and len(merged.commands) == 2
    assert stack.undo() and anim.find(a.uid).values[JAW] == 0 and anim.find(b.uid).values[JAW] == 0
    assert stack.redo() and anim.find(b.uid).values[JAW] == 0.9


def test_amend_refuses_a_step_not_on_top_and_applies_nothing():
    anim, stack = _doc()
    a, b = anim.keyframes
    step = cmd.set_values(anim, a.uid, {JAW: 0.5})
    stack.push(step)
    stack.push(cmd.set_values(anim, a.uid, {JAW: 0.6}))
    assert stack.amend(step, cmd.set_values(anim, b.uid, {JAW: 0.7})) is None
    assert anim.find(b.uid).values[JAW] == 0
    stack.undo()  # step on top again, but with a redo branch: still refused
    assert stack.amend(step, cmd.set_values(anim, b.uid, {JAW: 0.7})) is None
    assert stack.is_undone(stack._undone[-1]) and not stack.is_undone(step)


def test_amend_after_a_save_makes_the_document_modified():
    anim, stack = _doc()
    step = cmd.set_values(anim, anim.keyframes[0].uid, {JAW: 0.5})
    stack.push(step)
    stack.set_clean()
    stack.amend(step, cmd.set_values(anim, anim.keyframes[1].uid, {JAW: 0.7}))
    assert not stack.is_clean  # the saved file lacks the amendment


def test_stale_keyframes_follow_provenance():
    anim = Animation(fps=30.0)
    edit, uids = sync_keyframes(anim, "1s: she smiles\n2s: she laughs\n")
    edit.redo(anim)
    assert sorted(stale_keyframes(anim)) == sorted(uids)  # not generated yet
    kfs, idx, bg, em, keys = generation_targets(anim)
    proposal_edit(anim, {k.uid: np.full(61, 0.1) for k in kfs}, dict(zip([k.uid for k in kfs], keys))).redo(anim)
    assert stale_keyframes(anim) == []
    edit, _ = sync_keyframes(anim, "1s: she smiles\n2s: she laughs hard\n")
    edit.redo(anim)
    assert stale_keyframes(anim) == [k.uid for k in kfs]  # a neighbour's text is context too
    anim.settings = dict(anim.settings, **{PROVENANCE: {}})
    assert len(stale_keyframes(anim)) == 2


class Recording:
    name, device = "recording", "cpu"

    def __init__(self, chains: bool):
        self.chains_previous = chains
        self.requests = []

    def propose(self, requests, cancel=None):
        for r in requests:
            self.requests.append(r)
            yield KeyframeResult(values=np.full(61, 0.1 * (r.index + 1)), repairs=[], explanation=[], index=r.index)

    def close(self):
        pass


@pytest.mark.parametrize("chains", [True, False])
def test_propose_script_proposes_a_part_chained_on_current_values(chains):
    backend = Recording(chains)
    current = [np.full(61, 0.5 + 0.01 * i) for i in range(5)]
    results = list(propose_script(backend, list("abcde"), indices=[1, 2, 4], current=current))
    assert [r.index for r in backend.requests] == [1, 2, 4] and len(results) == 3
    prev = [r.previous for r in backend.requests]
    np.testing.assert_array_equal(prev[0], current[0])  # keyframe 0 is not proposed: its values
    if chains:
        np.testing.assert_array_equal(prev[1], results[0].values)  # 1 was just proposed: its result
    else:
        assert prev[1] is None  # batched: 1 is proposed in the same call
    np.testing.assert_array_equal(prev[2], current[3])


def test_the_whole_script_is_the_same_through_indices():
    backend = create_backend("embedded")
    descs = ["she smiles", "a little more", "she frowns"]
    whole = [r.values for r in propose_script(backend, descs, "a room", "joy")]
    part = [r.values for r in propose_script(backend, descs, "a room", "joy", indices=[0, 1, 2], current=[None] * 3)]
    for a, b in zip(whole, part):
        np.testing.assert_array_equal(a, b)
    with pytest.raises(ValueError, match="indices"):
        list(propose_script(backend, descs, indices=[3]))
