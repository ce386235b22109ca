"""A Python with Blender as a module (the ``bpy`` wheel), for tests and benchmarks that check exports.

The ``bpy`` wheel needs CPython 3.11 and numpy < 2, so it lives in its own virtual environment:
``$KFSTUDIO_BPY_PYTHON`` when set (a Python that can ``import bpy``), else
``~/.cache/kfstudio/bpy-venv`` (or ``$XDG_CACHE_HOME/kfstudio/bpy-venv``), made on first use with
``python -m venv`` and ``pip install "numpy<2" "bpy>=5,<6"`` (about 370 MB, once) and reused.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

from kfstudio.bench.export import default_bpy_venv

__all__ = ["BpyUnavailable", "bpy_python", "run_in_blender"]

REQUIREMENTS = ("numpy<2", "bpy>=5,<6")
INSTALL_TIMEOUT_S = 1800


class BpyUnavailable(RuntimeError):
    """Blender's Python module cannot be had here (the message says why)."""


def _works(python: Path) -> bool:
    try:
        r = subprocess.run([str(python), "-c", "import bpy"], capture_output=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return r.returncode == 0


def _base_python() -> str:
    if sys.version_info[:2] == (3, 11):
        return sys.executable
    return "python3.11"


def bpy_python() -> Path:
    """The path of a Python that imports ``bpy``, installing it on first use (see the module
    docstring). Raises :class:`BpyUnavailable` when it cannot be installed (e.g. no network)."""
    override = os.environ.get("KFSTUDIO_BPY_PYTHON")
    if override:
        if not _works(Path(override)):
            raise BpyUnavailable(f"KFSTUDIO_BPY_PYTHON={override} cannot import bpy")
        return Path(override)
    venv = default_bpy_venv()
    python = venv / "bin" / "python"
    venv.parent.mkdir(parents=True, exist_ok=True)
    with open(venv.parent / "bpy-venv.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one installer at a time (parallel test runs)
        if python.exists() and _works(python):
            return python
        log = venv.parent / "bpy-venv-install.log"
        try:
            with open(log, "w") as out:
                subprocess.run([_base_python(), "-m", "venv", "--clear", str(venv)], check=True,
                               stdout=out, stderr=subprocess.STDOUT, timeout=300)
                subprocess.run([str(python), "-m", "pip", "install", "--disable-pip-version-check", *REQUIREMENTS],
                               check=True, stdout=out, stderr=subprocess.STDOUT, timeout=INSTALL_TIMEOUT_S)
        except (OSError, subprocess.SubprocessError) as exc:
            tail = log.read_text(errors="replace")[-600:] if log.exists() else ""
            raise BpyUnavailable(f"could not install the bpy wheel into {venv} ({exc}); pip said: {tail}") from None
        if not _works(python):
            raise BpyUnavailable(f"bpy was installed into {venv} but does not import")
        return python


def run_in_blender(script: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run ``script`` with Blender's Python; raises ``AssertionError`` with Blender's output on failure."""
    r = subprocess.run([str(bpy_python()), str(script), *map(str, args)], capture_output=True, text=True,
                       timeout=timeout)
    if r.returncode != 0:
        raise AssertionError(f"{script.name} failed in Blender ({r.returncode}):\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}")
    return r
