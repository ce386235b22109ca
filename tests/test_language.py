"""A description in another language gets a clear notice from the embedded backend (it reads English
only); English in every style the corpus holds never does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kfstudio.generation.backend import KeyframeRequest, create_backend
from kfstudio.generation.language import language_notice, looks_english

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("text", [
    "ella sonríe con tristeza", "la sonrisa se borra de su cara", "er runzelt die Stirn und schaut weg",
    "sie lächelt traurig", "Ze fronst en kijkt weg", "il sourit avec les yeux", "Madame Rousseau regarde la fenêtre",
    "她微笑着看着他", "Он улыбается", "彼女は微笑む",
])
def test_other_languages_are_recognised(text):
    assert not looks_english(text)
    assert "does not look like English" in language_notice(text)


@pytest.mark.parametrize("text", [
    "hes dying lmaooo mouth wide open", "He chhecks the results.", "smirkin n glancin ovr", "😬", "ok", "jawOpen 0.6",
    "AU9+10 right side only", "la la la — jaw bouncing open on each A", "'Ooh la la,' he says, eyebrows dancing.",
    "El Niño hits the town and she smiles", 'she says "de nada" with a smile', "Sheeeesh, big ol grin", "",
])
def test_english_in_any_style_is_never_flagged(text):
    assert looks_english(text) and language_notice(text) is None


def test_no_line_of_the_corpus_is_flagged():
    """Thousands of English descriptions in every style (typos, shorthand, emoji, names): none flagged."""
    lines = []
    for path in sorted((ROOT / "models" / "corpus" / "src").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                description = json.loads(line).get("description")
                if description:
                    lines.append(description)
    assert len(lines) > 3000
    flagged = [d for d in lines if not looks_english(d)]
    assert flagged == []


def test_the_backend_explains_and_the_cli_warns():
    backend = create_backend("embedded", semantic=False)
    res = next(iter(backend.propose([KeyframeRequest(["ella sonríe con tristeza"], 0)])))
    assert res.explanation[0].startswith("warning: this description does not look like English")
    assert "does not look like English" in res.info["language"]
    res = next(iter(backend.propose([KeyframeRequest(["she smiles sadly"], 0)])))
    assert "language" not in res.info
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""), KFSTUDIO_SEMANTIC="off")
    proc = subprocess.run([sys.executable, "-m", "kfstudio", "keyframe", "la sonrisa se borra de su cara", "--compact"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0 and len(json.loads(proc.stdout)) == 61
    assert "warning: this description does not look like English" in proc.stderr


def test_kaomoji_are_not_a_language_but_short_foreign_sentences_are():
    for text in ("ಠ_ಠ", "¯\\_(ツ)_/¯", "ಠ_ಠ at the bill"):
        assert looks_english(text), text
    for text in ("彼女は悲しそうに微笑む", "она улыбается"):
        assert not looks_english(text), text
