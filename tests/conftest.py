"""Shared test set-up: Qt runs offscreen, slow tests run only with --run-slow, ../shared is located."""

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def pytest_addoption(parser):
    parser.addoption("--run-slow", action="store_true", default=False, help="also run tests marked slow (long fuzz and fault runs)")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def skip_without_learned_layer() -> None:
    """Skip the calling test module when the learned layer's encoder package (or what reads it) is
    missing; call at module level."""
    encoder = pytest.importorskip("kfstudio.generation.semantic.encoder")
    try:
        encoder.find_model_dir()
        import safetensors  # noqa: F401
        import tokenizers  # noqa: F401
    except Exception as exc:  # pragma: no cover - the layer's package is missing
        pytest.skip(f"the learned layer is not installed: {exc}", allow_module_level=True)


def shared_file(*parts: str) -> Path:
    """A file of ../shared, or skip the test with a clear message when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent (the shared fixtures sit beside the checkout)")
    return p


@pytest.fixture(scope="session")
def shared():
    """``shared("fixtures", "livelinkface_capture.csv")``: a file of ../shared (the real Live Link Face
    capture, KeyframeFace's example request/response/result), or the test skips naming the file."""
    return shared_file


@pytest.fixture(scope="session")
def encoder():
    """The learned layer's sentence encoder (the tests that ask for it skip without its package first)."""
    from kfstudio.generation.semantic.encoder import MiniLMEncoder

    return MiniLMEncoder()


@pytest.fixture(scope="module")
def head():
    """The bundled default head (one per test module: tests may pose its rig)."""
    from kfstudio.rig.head import default_head

    return default_head()


@pytest.fixture(scope="module")
def rig(head):
    from kfstudio.rig.evaluate import Rig

    return Rig(head)


@pytest.fixture
def editor_window(qtbot, tmp_path):
    """The editor's main window without the 3D viewport (offscreen Qt cannot host it), with its
    settings and recovery files in ``tmp_path``; at teardown it closes clean and no worker thread
    may be left running."""
    from PySide6.QtCore import QSettings

    from kfstudio.ui.main_window import MainWindow

    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    w = MainWindow(viewport=False, recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    yield w
    w.session.stack.set_clean()
    w.close()
    assert not w.controller.thread_running


@pytest.fixture
def capture_csv() -> Path:
    return shared_file("fixtures", "livelinkface_capture.csv")


@pytest.fixture(autouse=True)
def _no_blocking_message_boxes(request, monkeypatch):
    """A modal message box must never block a test run (CI has nobody to click it).

    QMessageBox's static dialogs answer at once: ``question`` picks Discard, else No, else Cancel
    (what lets a window with unsaved changes close at teardown); the others return Ok. The calls are
    recorded in ``request.node.message_boxes``. Tests that need another answer patch it themselves.
    """
    if "PySide6" not in sys.modules:  # only tests that use Qt can show one
        yield
        return
    from PySide6.QtWidgets import QMessageBox

    calls = []
    request.node.message_boxes = calls

    def question(parent, title, text, buttons=QMessageBox.Yes | QMessageBox.No, default=QMessageBox.NoButton):
        calls.append(("question", title, text))
        for answer in (QMessageBox.Discard, QMessageBox.No, QMessageBox.Cancel):
            if buttons & answer:
                return answer
        return QMessageBox.NoButton

    def informative(kind):
        def show(parent, title, text, *args, **kwargs):
            calls.append((kind, title, text))
            return QMessageBox.Ok

        return show

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    for kind in ("warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(informative(kind)))
    yield
