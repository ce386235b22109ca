"""The editor's panels on a real window: description edits in the inspector reach the script, the
inspector says why a keyframe has its values and forgets the previous document, the curve editor opens
on the channels that move, and "Load head" reads real glTF/npz heads (errors and missing shapes shown)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("pytestqt")
pytest.importorskip("PySide6")

from PySide6.QtWidgets import QMessageBox  # noqa: E402

from kfstudio.animation import commands as cmd  # noqa: E402
from kfstudio.generation.script import parse_script  # noqa: E402
from kfstudio.io.gltf_head import save_gltf_head  # noqa: E402
from kfstudio.rig.head import default_head  # noqa: E402
from kfstudio.ui.main_window import moving_channels  # noqa: E402
from kfstudio.ui.viewport import load_head_file  # noqa: E402

SCRIPT = """Background: A nurse hears good news after a long shift.
Emotion: Tired relief.

0.0s: The eyes close slowly and the shoulders drop.
1.0s: A wide smile spreads and the brows lift.
2.0s: The jaw drops open in a surprised laugh.
"""


@pytest.fixture
def window(qtbot, editor_window):
    w = editor_window
    w.script_panel.editor.setPlainText(SCRIPT)
    w.script_panel.commit_text()
    qtbot.waitUntil(lambda: not w.controller.busy and len(w.session.anim.keyframes) == 3, timeout=10000)
    return w


def test_description_edit_in_inspector_rewrites_the_script_line_as_one_undo_step(qtbot, window):
    anim = window.session.anim
    middle = sorted(anim.keyframes, key=lambda k: k.time)[1]
    window.session.select_keyframes([middle.uid])
    window.inspector.description.setText("A crooked grin and one raised brow.")
    window.inspector.description.editingFinished.emit()
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=10000)
    anim = window.session.anim
    beats = parse_script(anim.script).beats
    assert [b.description for b in beats] == [
        "The eyes close slowly and the shoulders drop.",
        "A crooked grin and one raised brow.",
        "The jaw drops open in a surprised laugh.",
    ]
    assert anim.find(middle.uid).description == "A crooked grin and one raised brow."  # same keyframe
    assert window.script_panel.editor.toPlainText() == anim.script
    # A later script edit elsewhere keeps the new description (the old bug put the old text back).
    window.script_panel.editor.setPlainText(anim.script.replace("surprised laugh", "silent laugh"))
    window.script_panel.commit_text()
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=10000)
    assert window.session.anim.find(middle.uid).description == "A crooked grin and one raised brow."
    # Undo the script edit, the regeneration and the description edit: the original text is back.
    while window.session.anim.script != SCRIPT and window.session.undo():
        pass
    assert window.session.anim.script == SCRIPT
    assert window.session.anim.find(middle.uid).description == "A wide smile spreads and the brows lift."


def test_describing_a_hand_made_key_adds_a_script_line_at_its_time(qtbot, window):
    window.session.set_time(1.5)
    window.timeline.add_keyframe()
    key = window.session.anim.keyframe_at(1.5)
    assert key is not None and not key.description
    assert window.edit_description(key.uid, "The smile fades.")
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=10000)
    beats = parse_script(window.session.anim.script).beats
    assert [b.description for b in beats][1:3] == ["A wide smile spreads and the brows lift.", "The smile fades."]
    assert window.session.anim.find(key.uid).description == "The smile fades."
    assert len(window.session.anim.keyframes) == 4  # no duplicate keyframe from the new line


def test_curve_editor_opens_on_the_channels_that_move(window):
    anim = window.session.anim
    shown = window.session.visible_channels
    assert shown == moving_channels(anim) and 0 < len(shown) <= 8
    values = np.stack([k.values for k in anim.keyframes])
    span = values.max(axis=0) - values.min(axis=0)
    hidden = np.setdiff1d(np.arange(values.shape[1]), shown)
    assert span[shown].min() >= span[hidden].max()
    assert span[shown].min() > 0


class _FakeViewport:
    """Records the head handed to the viewport (the vispy viewport cannot run offscreen)."""

    def __init__(self):
        self.heads = []

    def set_head(self, head):
        self.heads.append(head)


def test_load_head_reads_glb_and_npz_and_reports_problems(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(("warning", a[2])))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(("error", a[2])))
    window.viewport = _FakeViewport()
    head = default_head()
    full = tmp_path / "head.glb"
    save_gltf_head(head, full)
    assert window.load_head(full) and not shown
    loaded = window.viewport.heads[-1]
    assert loaded.vertices.shape == head.vertices.shape and not loaded.missing

    idx, deltas = list(head.shape_indices), list(head.shape_deltas)
    for i in (0, 7):  # eyeBlinkLeft, eyeBlinkRight
        idx[i], deltas[i] = idx[i][:0], deltas[i][:0]
    partial = tmp_path / "partial.glb"
    save_gltf_head(dataclasses.replace(head, shape_indices=idx, shape_deltas=deltas), partial)
    assert window.load_head(partial)
    assert shown[-1][0] == "warning" and "eyeBlinkLeft" in shown[-1][1] and "eyeBlinkRight" in shown[-1][1]
    assert load_head_file(partial)[1]  # the same warning, from the loader

    bad = tmp_path / "broken.glb"
    bad.write_bytes(b"glTF\x02\x00\x00\x00garbage")
    count = len(window.viewport.heads)
    assert not window.load_head(bad)
    assert shown[-1][0] == "error" and "broken.glb" in shown[-1][1]
    assert len(window.viewport.heads) == count


def _fbx_names(node, out):
    out.append(node.name)
    for child in getattr(node, "children", []):
        _fbx_names(child, out)
    return out


@pytest.mark.parametrize("kind", ["fbx", "glb"])
def test_export_menu_writes_a_file_that_reads_back(window, tmp_path, monkeypatch, kind):
    from PySide6.QtWidgets import QFileDialog

    from kfstudio.ui.export_dialog import ExportDialog

    target = tmp_path / f"take.{kind}"
    monkeypatch.setattr(ExportDialog, "exec", lambda self: 1)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "take"), ""))
    errors = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: errors.append(a[2]))
    window.action_map["export_fbx" if kind == "fbx" else "export_gltf"].trigger()
    assert not errors and target.exists()
    if kind == "glb":
        pygltflib = pytest.importorskip("pygltflib")
        gltf = pygltflib.GLTF2().load(str(target))
        paths = {c.target.path for a in gltf.animations for c in a.channels}
        assert "weights" in paths
    else:
        from kfstudio.io.fbx import read_fbx

        names = _fbx_names(read_fbx(target.read_bytes()), [])
        assert "AnimationCurve" in names and "Geometry" in names


def test_export_error_is_shown_not_raised(window, tmp_path, monkeypatch):
    from kfstudio.ui.export_dialog import ExportOptions

    errors = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: errors.append(a[2]))
    assert not window.export_model(tmp_path / "missing-folder" / "take.fbx", ExportOptions())
    assert errors and "take.fbx" in errors[0]


def test_opening_another_script_shows_its_own_moving_channels(qtbot, window):
    first = list(window.session.visible_channels)
    window.open_script("0.0s: Neutral.\n1.0s: The jaw drops wide open and the tongue sticks out.\n")
    qtbot.waitUntil(lambda: not window.controller.busy and len(window.session.anim.keyframes) == 2, timeout=10000)
    shown = window.session.visible_channels
    assert shown == moving_channels(window.session.anim) and shown != first


def test_inspector_forgets_the_previous_document(qtbot, window, tmp_path):
    inspector = window.inspector
    second = window.session.anim.keyframes[1]
    window.session.select_keyframes([second.uid])
    assert inspector.description.text() == second.description and inspector.time.value() == pytest.approx(second.time)
    saved = tmp_path / "other.kfs"
    assert window.save_to(saved)
    window.new_document()
    assert window.session.anim.keyframes == [] and window.session.current_keyframe is None
    assert inspector.description.text() == "" and not inspector.description.isEnabled()
    assert inspector.time.value() == 0.0 and inspector.hold.value() == 0.0
    assert inspector.title.text() == "No keyframe selected" and inspector.flags.text() == ""
    # Opening a project shows that project's keyframe, not the one selected before.
    assert window.open_path(saved, confirm=False)
    current = window.session.current_keyframe
    assert current is not None and inspector.uid == current.uid
    assert inspector.description.text() == current.description


def test_save_as_proposes_the_script_name_outside_the_program(qtbot, editor_window, tmp_path, monkeypatch):
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog

    from kfstudio.resources import EXAMPLES, resource_path

    w = editor_window
    proposed = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda _parent, _title, start, _filter: proposed.append(Path(start)) or ("", "")))
    example = EXAMPLES / "sly_smirk.txt"
    assert w.open_path(example, confirm=False)
    qtbot.waitUntil(lambda: not w.controller.busy, timeout=10000)
    assert not w.save()  # the dialog is cancelled
    documents = Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or Path.home())
    assert proposed[-1] == documents / "sly_smirk.kfs"
    assert not proposed[-1].resolve().is_relative_to(resource_path())
    # After the user worked in a folder, that folder is proposed (still with the script's name).
    work = tmp_path / "shots"
    work.mkdir()
    (work / "notes.txt").write_text("0.0s: She looks up.\n1.0s: A sly smirk.\n", encoding="utf-8")
    assert w.open_path(work / "notes.txt", confirm=False)
    qtbot.waitUntil(lambda: not w.controller.busy, timeout=10000)
    w.save_as()
    assert proposed[-1] == work / "notes.kfs"
    # A saved project proposes its own file; a new document is untitled in the last folder.
    assert w.save_to(work / "final.kfs")
    w.save_as()
    assert proposed[-1] == work / "final.kfs"
    w.new_document()
    w.save_as()
    assert proposed[-1] == work / "untitled.kfs"


def test_inspector_says_why_the_proposal_has_its_values(qtbot, window):
    """The last proposal's explanation (planner readings, learned-layer fills) is shown for the keyframe
    selected, and a keyframe that was never proposed shows none."""
    k = window.session.anim.keyframes[1]
    window.session.select_keyframes([k.uid])
    qtbot.waitUntil(lambda: window.inspector.uid == k.uid, timeout=5000)
    why = window.inspector.why.toPlainText()
    assert why == "\n".join(window.session.explanations[k.uid]) and why.strip()
    assert "smile" in why.lower() and "MouthSmileLeft" in why  # the words read and the channels they set
    # a keyframe keyed by hand has no proposal: nothing is claimed for it
    assert window.session.push(cmd.key_pose(window.session.anim, 2.5))
    made = next(kf for kf in window.session.anim.keyframes if abs(kf.time - 2.5) < 1e-9)
    window.session.select_keyframes([made.uid])
    qtbot.waitUntil(lambda: window.inspector.uid == made.uid, timeout=5000)
    assert window.inspector.why.toPlainText() == ""


def test_a_line_that_narrates_a_change_is_offered_as_beats_and_split_in_one_step(qtbot, editor_window):
    w = editor_window
    text = ("Emotion: Mixed.\n\n0.0s: A calm face.\n"
            "1.0s: At first she beams, then the smile fades; by the end her mouth is a thin line.\n3.0s: She sighs.\n")
    w.script_panel.editor.setPlainText(text)
    w.script_panel.commit_text()
    qtbot.waitUntil(lambda: not w.controller.busy and len(w.session.anim.keyframes) == 3, timeout=10000)
    assert "narrates a change in 3 beats" in w.script_panel.hints.text()
    cursor = w.script_panel.editor.textCursor()
    cursor.setPosition(text.index("At first"))
    w.script_panel.editor.setTextCursor(cursor)
    assert w.split_line_into_beats()
    qtbot.waitUntil(lambda: not w.controller.busy and len(w.session.anim.keyframes) == 5, timeout=10000)
    descriptions = [k.description for k in w.session.anim.keyframes]
    assert descriptions[1:4] == ["She beams", "The smile fades", "Her mouth is a thin line."]
    assert "narrates a change" not in w.script_panel.hints.text()
    w.session.undo()  # one step: the split and the keyframes it made
    qtbot.waitUntil(lambda: len(w.session.anim.keyframes) == 3, timeout=10000)
    assert w.script_panel.editor.toPlainText() == text
    # a line that narrates nothing is left alone
    cursor.setPosition(text.index("She sighs"))
    w.script_panel.editor.setTextCursor(cursor)
    assert not w.split_line_into_beats()
