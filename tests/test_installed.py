"""Every command form the README documents, run from an installed wheel (not the checkout).

The wheel is built from this checkout and installed, without its dependencies and not editable, into a
fresh virtual environment that sees the already installed third-party packages. Each command then runs
from a folder outside the checkout, and its output is compared with the checkout's own answer: data
that the checkout reads but the wheel lacks (examples, the head, the planner's tables) would show here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = "interview_anxiety.txt"


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(python of the venv with the wheel installed, a work folder outside the checkout)."""
    base = tmp_path_factory.mktemp("wheel")
    # build from a copy of the sources, so that no build/ folder is left in (or reused from) the checkout
    source = base / "source"
    shutil.copytree(REPO / "kfstudio", source / "kfstudio", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    dist = base / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(dist), str(source)],
        capture_output=True, text=True, timeout=600,
    )
    if build.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{build.stdout[-3000:]}\n{build.stderr[-3000:]}")
    wheel = next(dist.glob("kfstudio-*.whl"))
    env_dir = base / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    # --ignore-installed: the venv sees the checkout's own (editable) kfstudio through the system
    # site-packages; the wheel must be installed into the venv all the same
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "--ignore-installed", str(wheel)],
        capture_output=True, text=True, timeout=600,
    )
    if install.returncode != 0:
        pytest.fail(f"installing the wheel failed:\n{install.stdout[-3000:]}\n{install.stderr[-3000:]}")
    work = base / "work"
    work.mkdir()
    where = subprocess.run([str(python), "-c", "import kfstudio; print(kfstudio.__file__)"], cwd=work,
                           capture_output=True, text=True, timeout=120, env=_clean_env())
    assert Path(where.stdout.strip()).is_relative_to(env_dir), where.stdout + where.stderr
    return python, work


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen", **extra)
    return env


def run_installed(installed, *args: str, ok: bool = True) -> subprocess.CompletedProcess:
    python, work = installed
    out = subprocess.run([str(python), "-m", "kfstudio", *args], cwd=work, capture_output=True, text=True,
                         timeout=600, env=_clean_env())
    if ok:
        assert out.returncode == 0, f"kfstudio {' '.join(args)}: exit {out.returncode}\n{out.stderr[-3000:]}"
    return out


def run_checkout(installed, *args: str) -> subprocess.CompletedProcess:
    _, work = installed
    out = subprocess.run([sys.executable, "-m", "kfstudio", *args], cwd=work, capture_output=True, text=True,
                         timeout=600, env=_clean_env(PYTHONPATH=str(REPO)))
    assert out.returncode == 0, out.stderr[-3000:]
    return out


def example(installed) -> Path:
    """The bundled example script as installed (inside the venv's package)."""
    python, work = installed
    out = subprocess.run([str(python), "-c", "from kfstudio.resources import EXAMPLES; print(EXAMPLES)"], cwd=work,
                         capture_output=True, text=True, timeout=120, env=_clean_env())
    path = Path(out.stdout.strip()) / EXAMPLE
    assert path.is_file(), out.stderr
    return path


def test_the_wheel_ships_its_data(installed):
    python, work = installed
    code = ("from kfstudio.resources import resource_path as r; import sys; "
            "files = [r('examples', 'interview_anxiety.txt'), r('head', 'default_head.npz'), r('planner', 'expansion.json'), "
            "r('semantic', 'semantic_head.safetensors'), r('semantic', 'model_card.json'), r('speech', 'cmudict.dict.gz')]; "
            "missing = [str(f) for f in files if not f.is_file()]; print(missing); sys.exit(1 if missing else 0)")
    out = subprocess.run([str(python), "-c", code], cwd=work, capture_output=True, text=True, timeout=120, env=_clean_env())
    assert out.returncode == 0, out.stdout + out.stderr


@pytest.mark.parametrize("description", [
    "she looks taken aback",
    "The gaze is lowered, the inner brows lift slightly, and the lips press together with visible tension.",
    "a crooked smile on the left",
])
def test_keyframe_answers_equal_the_checkout_byte_for_byte(installed, description):
    args = ("keyframe", description, "--emotion", "surprise", "--compact")
    assert run_installed(installed, *args).stdout == run_checkout(installed, *args).stdout


def test_keyframe_explain_and_batch(installed):
    out = run_installed(installed, "keyframe", "her eyebrows shoot up", "--explain")
    assert json.loads(out.stdout)["BrowOuterUpLeft"] > 0.2 and out.stderr.strip()
    batch = REPO / "resources" / "batch_example.jsonl"
    installed_lines = run_installed(installed, "keyframe", "--batch", str(batch)).stdout.splitlines()
    assert installed_lines == run_checkout(installed, "keyframe", "--batch", str(batch)).stdout.splitlines()
    assert len(installed_lines) == len([line for line in batch.read_text().splitlines() if line.strip()])


def test_channels_and_help(installed):
    lines = run_installed(installed, "channels").stdout.splitlines()
    assert len(lines) == 61 and "EyeBlinkLeft" in lines[0] and "RightEyeRoll" in lines[-1]
    helptext = run_installed(installed, "--help").stdout
    for command in ("edit", "export", "import", "keyframe", "generate", "render", "bench", "channels", "check"):
        assert command in helptext


def test_generate_to_every_format_then_export_import_and_check(installed):
    _, work = installed
    script = example(installed)
    for suffix in (".kfs", ".csv", ".fbx", ".glb"):
        run_installed(installed, "generate", str(script), "-o", str(work / f"gen{suffix}"))
        assert (work / f"gen{suffix}").stat().st_size > 0
    project = json.loads((work / "gen.kfs").read_text())
    assert len(project["keyframes"]) >= 2
    # the same script through the checkout gives the same CSV
    run_checkout(installed, "generate", str(script), "-o", str(work / "checkout.csv"))
    assert (work / "gen.csv").read_text() == (work / "checkout.csv").read_text()
    run_installed(installed, "export", str(work / "gen.kfs"), "-o", str(work / "curves.fbx"), "--mode", "curves",
                  "--no-bake", "--fps", "24", "--start", "1.5")
    run_installed(installed, "export", str(work / "gen.kfs"), "-o", str(work / "sec.glb"), "--secondary")
    run_installed(installed, "export", str(work / "gen.kfs"), "-o", str(work / "tc.csv"), "--start", "00:00:10:00.000")
    run_installed(installed, "import", str(work / "gen.csv"), "-o", str(work / "imported.kfs"), "--tolerance", "0.01")
    assert json.loads((work / "imported.kfs").read_text())["keyframes"]
    for name in ("gen.fbx", "gen.glb", "curves.fbx", "sec.glb", "gen.csv", "gen.kfs"):
        out = run_installed(installed, "check", str(work / name))
        assert "error" not in out.stdout.lower().split("0 errors")[0] or out.returncode == 0


def _png(path: Path) -> np.ndarray:
    import zlib

    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    chunks, pos = b"", 8
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        if data[pos + 4:pos + 8] == b"IDAT":
            chunks += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(chunks)
    channels = (len(raw) // height - 1) // width
    rows = np.frombuffer(raw, np.uint8).reshape(height, 1 + width * channels)
    assert (rows[:, 0] == 0).all(), "expected unfiltered rows"
    return rows[:, 1:].reshape(height, width, channels)


def test_render_default_head_and_a_gltf_head(installed):
    python, work = installed
    script = example(installed)
    out = run_installed(installed, "render", str(script), "--keyframe", "1", "--size", "96x96", "-o", str(work / "k1.png"), ok=False)
    if out.returncode == 1:
        pytest.skip(f"no offscreen OpenGL here: {out.stderr.strip()[:300]}")
    assert out.returncode == 0, out.stderr
    image = _png(work / "k1.png")
    assert image.shape[:2] == (96, 96) and image.std() > 5
    # a glTF head written by the installed package, rendered through --head
    head = work / "head.glb"
    code = ("import sys; from kfstudio.rig.head import default_head; from kfstudio.io.gltf_head import save_gltf_head; "
            "save_gltf_head(default_head(), sys.argv[1])")
    made = subprocess.run([str(python), "-c", code, str(head)], cwd=work, capture_output=True, text=True, timeout=300, env=_clean_env())
    assert made.returncode == 0, made.stderr
    run_installed(installed, "render", "--head", str(head), "--set", "JawOpen=0.8", "--size", "96x96", "-o", str(work / "glb.png"))
    assert _png(work / "glb.png").std() > 5
    run_installed(installed, "render", str(script), "--sheet", "--size", "64x64", "-o", str(work / "sheet.png"))
    run_installed(installed, "render", "--shapes", "--size", "48x48", "-o", str(work / "shapes.png"))
    assert _png(work / "shapes.png").shape[0] > 48


def test_bench_runs_installed(installed):
    # exit status 1 only says a figure missed its target on this (shared, busy) machine: not asserted
    out = run_installed(installed, "bench", "--only", "core.evaluate", "--quick", "--json", ok=False)
    assert out.returncode in (0, 1), out.stderr[-3000:]
    rows = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    assert rows and all(r["median"] > 0 and "error" not in r for r in rows)


def test_the_editor_opens_the_bundled_example_installed(installed):
    python, work = installed
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from kfstudio.ui.app import create_window\n"
        "app = QApplication.instance() or QApplication([])\n"
        "w = create_window(None, viewport=False, recovery_dir=sys.argv[1])\n"
        "w.show()\n"
        "for _ in range(2000):\n"
        "    app.processEvents()\n"
        "    if w.session.anim.keyframes and not w.controller.busy:\n"
        "        break\n"
        "import json; from kfstudio.resources import EXAMPLE_SCRIPT\n"
        "print(json.dumps([len(w.session.anim.keyframes), w.session.anim.script == EXAMPLE_SCRIPT.read_text(encoding='utf-8')]))\n"
        "w.session.stack.set_clean()\n"
        "w.close()\n"
        "sys.exit(1 if w.controller.thread_running else 0)\n"
    )
    out = subprocess.run([str(python), "-c", code, str(work / "recovery")], cwd=work, capture_output=True, text=True,
                         timeout=300, env=_clean_env(XDG_CONFIG_HOME=str(work / "config")))
    assert out.returncode == 0, out.stderr[-3000:]
    count, same_text = json.loads(out.stdout.strip().splitlines()[-1])
    assert count >= 2 and same_text, out.stdout


def test_train_without_a_corpus_says_what_to_pass(installed):
    out = run_installed(installed, "train", ok=False)
    assert out.returncode == 2 and "pass --corpus" in out.stderr and "Traceback" not in out.stderr
