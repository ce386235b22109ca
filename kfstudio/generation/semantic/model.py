"""The learned head: sentence vectors (+ what the planner read) -> 61 channel values.

A small ensemble of one-hidden-layer networks (tanh), trained in numpy (:func:`fit`), plus *anchors*:
the sentence vectors of the training descriptions with their annotated values, used for the
confidence of a reading (cosine similarity to the nearest training description) and for the
closest reading when nothing else is understood.

Stored as ``semantic_head.safetensors`` (weights and anchors, float32/float16) beside
``model_card.json`` (what it was trained on, data hash, split sizes, dev/test figures, the anchor
texts). No pickle.
"""

from __future__ import annotations

import functools
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import numpy as np

from kfstudio import channels as ch

from .regions import REGIONS

if TYPE_CHECKING:
    from .gate import Gate

__all__ = ["SemanticModel", "REGIONS", "WEIGHTS_FILE", "CARD_FILE", "fit", "fit_presence", "fit_magnitude", "ModelFileError",
           "channel_stem_mask", "settings_problem"]

WEIGHTS_FILE = "semantic_head.safetensors"
CARD_FILE = "model_card.json"
FORMAT = 1


class ModelFileError(ValueError):
    """The weights or the model card cannot be read (message names the file and the field)."""


@functools.lru_cache(maxsize=None)
def channel_stem_mask(name: str) -> np.ndarray:
    """(61,) the channel called ``name``, or the two of a left/right pair called ``name`` + "Left"/"Right"
    ("MouthSmile"; "Mouth" is the pair MouthLeft/MouthRight, not the region); all False for a name that is neither.
    Read-only: one array per name, kept (each proposal reads the card's thresholds)."""
    mask = np.array([n == name or n in (name + "Left", name + "Right") for n in ch.NAMES])
    mask.flags.writeable = False
    return mask


def _threshold_problem(field: str, t: object) -> str | None:
    """What is wrong with ``t`` as a presence threshold (a number from 0 to 1) in ``field``, or None."""
    if isinstance(t, bool) or not isinstance(t, (int, float)) or not 0.0 <= float(t) <= 1.0:
        return f"field 'combine.{field}': expected a number from 0 to 1, got {t!r}"
    return None


def settings_problem(settings: dict) -> str | None:
    """What is wrong with the presence thresholds of the combination ``settings`` (a model card's "combine":
    ``presence``, ``raise_from``, ``antagonist_presence``, ``presence_regions``, ``presence_channels``), in words
    naming the field, or None."""
    for key in ("presence", "raise_from", "antagonist_presence"):
        wrong = None if settings.get(key) is None else _threshold_problem(key, settings[key])
        if wrong:
            return wrong
    for key in ("presence_regions", "presence_channels"):
        value = settings.get(key) or {}
        if not isinstance(value, dict):
            return f"field 'combine.{key}': expected an object of names to thresholds, got {type(value).__name__}"
        for k, t in value.items():
            if key == "presence_regions" and k not in REGIONS:
                return f"field 'combine.{key}': {k!r} is not a region ({', '.join(REGIONS)})"
            if key == "presence_channels" and not channel_stem_mask(k).any():
                return f"field 'combine.{key}': {k!r} is not a channel, nor the stem of a left/right pair"
            wrong = _threshold_problem(f"{key}.{k}", t)
            if wrong:
                return wrong
    return None


@dataclass
class SemanticModel:
    w1: np.ndarray  # (E, F, H)
    b1: np.ndarray  # (E, H)
    w2: np.ndarray  # (E, H, 61)
    b2: np.ndarray  # (E, 61)
    anchors: np.ndarray  # (N, D) unit sentence vectors of training descriptions
    anchor_values: np.ndarray  # (N, 61)
    anchor_texts: list[str]
    uses_plan: bool = True  # features include the planner's values and regions
    card: dict = field(default_factory=dict)
    intensity_w: np.ndarray | None = None  # (D+1,) sentence vector -> log intensity factor (ridge)
    gate: Gate | None = None  # the per-region gate between planner and head (None: the fixed rule)
    #: the presence networks (w1, b1, w2, b2), whose outputs are the logits of "this channel moves"
    #: (None: a head written without them, which reads every channel's value as it is)
    presence_w: tuple[np.ndarray, ...] | None = None
    #: the magnitude networks (w1, b1, w2, b2): each channel's value when it moves (fit on the moving
    #: cases alone), towards which a channel that probably moves is raised (None: not stored)
    magnitude_w: tuple[np.ndarray, ...] | None = None
    #: the anchors transposed (D, N), float32, made by :meth:`nearest` on first use
    _anchors_t: np.ndarray | None = field(default=None, init=False, repr=False, compare=False)

    def intensity(self, vecs: np.ndarray) -> np.ndarray:
        """Log of the overall intensity factor a description states ("..., very faintly"): 0 = plain."""
        if self.intensity_w is None:
            return np.zeros(len(vecs))
        return np.asarray(vecs, dtype=np.float32) @ self.intensity_w[:-1] + self.intensity_w[-1]

    @property
    def n_features(self) -> int:
        return int(self.w1.shape[1])

    # ------------------------------------------------------------------ features and prediction
    @staticmethod
    def feature_rows(desc_vecs: np.ndarray, ctx_vecs: np.ndarray, plan_values: np.ndarray | None,
                     understood: list[set[str]] | None) -> np.ndarray:
        parts = [desc_vecs.astype(np.float32), ctx_vecs.astype(np.float32)]
        if plan_values is not None:
            if understood is None:
                raise TypeError("feature_rows: the planner's understood regions are needed with its values")
            parts.append(np.asarray(plan_values, dtype=np.float32))
            parts.append(np.array([[r in u for r in REGIONS] for u in understood], dtype=np.float32))
        return np.hstack(parts)

    def predict(self, x: np.ndarray) -> np.ndarray:
        """(n, F) features -> (n, 61) values (mean of the ensemble, clamped to the channel ranges)."""
        return self.predict_spread(x)[0]

    def predict_spread(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(n, F) features -> the ensemble's mean (n, 61), clamped to the channel ranges, and the
        standard deviation (n, 61) between its networks' clamped values (how much they disagree)."""
        x = np.asarray(x, dtype=np.float32)
        if x.shape[1] != self.n_features:
            raise ValueError(f"expected {self.n_features} features, got {x.shape[1]}")
        raw = _outputs(x, (self.w1, self.b1, self.w2, self.b2))
        mean = ch.clamp(_mean(raw))
        spread = np.std([ch.clamp(o) for o in raw], axis=0)
        return mean, spread

    def presence(self, x: np.ndarray) -> np.ndarray | None:
        """(n, F) features -> (n, 61) probability that each channel moves (the mean of the presence
        networks' probabilities), or None for a head without presence networks."""
        if self.presence_w is None:
            return None
        probs = [1.0 / (1.0 + np.exp(-np.clip(o, -30.0, 30.0))) for o in _outputs(x, self.presence_w)]
        return _mean(probs)

    def magnitude(self, x: np.ndarray) -> np.ndarray | None:
        """(n, F) features -> (n, 61) each channel's value if it moves (the mean of the magnitude
        networks, clamped to the channel ranges), or None for a head without them."""
        if self.magnitude_w is None:
            return None
        return ch.clamp(_mean(_outputs(x, self.magnitude_w)))

    def nearest(self, vecs: np.ndarray, k: int = 1) -> tuple[np.ndarray, np.ndarray]:
        """Indices (n, k) and cosine similarities (n, k) of the closest training descriptions."""
        anchors_t = self._anchors_t
        if anchors_t is None or anchors_t.shape[1] != self.anchors.shape[0]:
            anchors_t = self._anchors_t = np.ascontiguousarray(self.anchors.T, dtype=np.float32)
        sims = np.asarray(vecs, dtype=np.float32) @ anchors_t
        if k == 1:
            idx = np.argmax(sims, axis=1)[:, None]
        else:
            idx = np.argsort(-sims, axis=1)[:, :k]
        return idx, np.take_along_axis(sims, idx, axis=1)

    # ------------------------------------------------------------------ files
    def save(self, folder: str | Path, card: dict | None = None) -> Path:
        from safetensors.numpy import save_file

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        tensors = {
            "w1": self.w1.astype(np.float32), "b1": self.b1.astype(np.float32),
            "w2": self.w2.astype(np.float32), "b2": self.b2.astype(np.float32),
            "anchors": self.anchors.astype(np.float16), "anchor_values": self.anchor_values.astype(np.float16),
        }
        for names, nets in ((PRESENCE_TENSORS, self.presence_w), (MAGNITUDE_TENSORS, self.magnitude_w)):
            if nets is not None:
                tensors.update(zip(names, (np.asarray(a, dtype=np.float32) for a in nets)))
        if self.intensity_w is not None:
            tensors["intensity_w"] = self.intensity_w.astype(np.float32)
        card = dict(card if card is not None else self.card)
        if self.gate is not None:
            tensors.update(gate_w=self.gate.w.astype(np.float32), gate_mu=self.gate.mu.astype(np.float32),
                           gate_sd=self.gate.sd.astype(np.float32))
            card["gate"] = dict(card.get("gate") or {}, margin=float(self.gate.margin))
        card["format"] = FORMAT
        card["uses_plan"] = self.uses_plan
        card["features"] = self.n_features
        card["anchor_texts"] = list(self.anchor_texts)
        tmp = folder / (WEIGHTS_FILE + ".tmp")
        save_file({k: np.ascontiguousarray(v) for k, v in tensors.items()}, str(tmp), metadata={"format": str(FORMAT)})
        tmp.replace(folder / WEIGHTS_FILE)
        texts = card.pop("anchor_texts")
        body = json.dumps(card, indent=1, ensure_ascii=False)
        # the anchor texts last, one per line, so that the card's figures stay readable at the top
        lines = ",\n  ".join(json.dumps(t, ensure_ascii=False) for t in texts)
        body = body[: body.rindex("}")].rstrip() + ',\n "anchor_texts": [\n  ' + lines + "\n ]\n}"
        card["anchor_texts"] = texts
        (folder / CARD_FILE).write_text(body + "\n", encoding="utf-8")
        self.card = card
        return folder

    @classmethod
    def load(cls, folder: str | Path) -> "SemanticModel":
        from safetensors import SafetensorError
        from safetensors.numpy import load_file

        folder = Path(folder)
        wpath, cpath = folder / WEIGHTS_FILE, folder / CARD_FILE
        try:
            card = json.loads(cpath.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ModelFileError(f"{cpath}: no such file") from None
        except json.JSONDecodeError as exc:
            raise ModelFileError(f"{cpath}: invalid JSON at line {exc.lineno} ({exc.msg})") from None
        if not isinstance(card, dict) or card.get("format") != FORMAT:
            raise ModelFileError(f"{cpath}: field 'format': expected {FORMAT}")
        combine = card.get("combine") or {}
        wrong = settings_problem(combine) if isinstance(combine, dict) else "field 'combine': expected an object"
        if wrong:
            raise ModelFileError(f"{cpath}: {wrong}")
        try:
            t = load_file(str(wpath))
        except FileNotFoundError:
            raise ModelFileError(f"{wpath}: no such file") from None
        except (SafetensorError, OSError, ValueError) as exc:
            raise ModelFileError(f"{wpath}: not a safetensors file ({exc})") from None
        for name in ("w1", "b1", "w2", "b2", "anchors", "anchor_values"):
            if name not in t:
                raise ModelFileError(f"{wpath}: tensor '{name}' is missing")
        texts = card.get("anchor_texts")
        if not isinstance(texts, list) or len(texts) != t["anchors"].shape[0]:
            raise ModelFileError(f"{cpath}: field 'anchor_texts': expected {t['anchors'].shape[0]} texts")
        w1 = t["w1"]
        if w1.ndim != 3 or t["w2"].shape[-1] != ch.NUM_CHANNELS or w1.shape[1] != int(card.get("features", -1)):
            raise ModelFileError(f"{wpath}: tensor shapes do not match the model card")
        return cls(w1, t["b1"], t["w2"], t["b2"], t["anchors"].astype(np.float32),
                   t["anchor_values"].astype(np.float64), [str(s) for s in texts], bool(card.get("uses_plan", True)), card,
                   t.get("intensity_w"), _load_gate(t, card, wpath, cpath), _load_nets(t, PRESENCE_TENSORS, w1.shape, wpath),
                   _load_nets(t, MAGNITUDE_TENSORS, w1.shape, wpath))


def _outputs(x: np.ndarray, nets: tuple[np.ndarray, ...]) -> list[np.ndarray]:
    """Each network's (n, 61) outputs, as float64, for the features ``x`` (n, F) and an ensemble's
    stacked (w1, b1, w2, b2)."""
    x = np.asarray(x, dtype=np.float32)
    return [(np.tanh(x @ w1 + b1) @ w2 + b2).astype(np.float64) for w1, b1, w2, b2 in zip(*nets)]


def _mean(outputs: list[np.ndarray]) -> np.ndarray:
    """The ensemble's mean of :func:`_outputs` (summed in the networks' order)."""
    return np.asarray(sum(outputs) / len(outputs))


#: the presence networks' tensors in the weights file (absent in a file written before they existed)
PRESENCE_TENSORS = ("presence_w1", "presence_b1", "presence_w2", "presence_b2")
#: the magnitude networks' tensors (likewise optional)
MAGNITUDE_TENSORS = ("magnitude_w1", "magnitude_b1", "magnitude_w2", "magnitude_b2")


def _load_nets(t: dict, names: tuple[str, ...], w1_shape: tuple, wpath: Path) -> tuple[np.ndarray, ...] | None:
    """Optional networks stored beside the head (``names``: their 4 tensors), or None for a file written without them."""
    if not any(k in t for k in names):
        return None
    missing = [k for k in names if k not in t]
    if missing:
        raise ModelFileError(f"{wpath}: tensor '{missing[0]}' is missing (the networks {names[0][:-3]}* are incomplete)")
    w1, b1, w2, b2 = (t[k] for k in names)
    e, h = w1.shape[0], w1.shape[2] if w1.ndim == 3 else -1
    if (w1.ndim != 3 or w1.shape[1] != w1_shape[1] or b1.shape != (e, h) or w2.shape != (e, h, ch.NUM_CHANNELS)
            or b2.shape != (e, ch.NUM_CHANNELS)):
        raise ModelFileError(f"{wpath}: tensors '{names[0][:-3]}*': shapes do not match the head's {w1_shape[1]} features")
    return (w1, b1, w2, b2)


def _load_gate(t: dict, card: dict, wpath: Path, cpath: Path) -> Gate | None:
    """The gate stored beside the head, or None for a file written before there was one."""
    from .gate import CHOICES, N_FEATURES, Gate

    if "gate_w" not in t:
        return None
    w, mu, sd = t["gate_w"], t.get("gate_mu"), t.get("gate_sd")
    shape = (len(REGIONS), N_FEATURES, len(CHOICES))
    if w.shape != shape or mu is None or sd is None or mu.shape != (N_FEATURES,) or sd.shape != (N_FEATURES,):
        raise ModelFileError(f"{wpath}: tensors 'gate_w'/'gate_mu'/'gate_sd': expected shapes {shape}, ({N_FEATURES},), ({N_FEATURES},)")
    margin = (card.get("gate") or {}).get("margin", 0.5)
    if not isinstance(margin, (int, float)) or isinstance(margin, bool):
        raise ModelFileError(f"{cpath}: field 'gate.margin': expected a number")
    return Gate(w.astype(np.float64), mu.astype(np.float64), sd.astype(np.float64), float(margin))


# ---------------------------------------------------------------------------- training
def _progress_bar(label: str) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        if not sys.stderr.isatty() and done not in (0, total):
            return
        width = 30
        filled = int(width * done / max(total, 1))
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def fit(x: np.ndarray, y: np.ndarray, *, low: np.ndarray | None = None, key_min: np.ndarray | None = None,
        hidden: int = 256, steps: int = 3000, batch: int = 64, lr: float = 2e-3, weight_decay: float = 1e-4,
        key_weight: float = 3.0, hinge_weight: float = 8.0, ensemble: int = 3, seed: int = 0,
        progress: Callable[[int, int], None] | None = None) -> tuple[np.ndarray, ...]:
    """Fit ``ensemble`` one-hidden-layer tanh networks with Adam.

    Loss: squared error, where channels that move in a target (|value| > 0.05) weigh
    ``1 + key_weight``; plus ``hinge_weight`` x the squared excess over each annotated ``low`` limit
    (``(n, 61)``, +inf where none) and the squared shortfall below each key channel's minimum
    (``key_min`` ``(n, 61)``, signed for pose channels, 0 where none): the annotations' own
    expectations. Deterministic for a given seed. Returns (w1, b1, w2, b2) stacked over the ensemble.
    """
    x = np.asarray(x, dtype=np.float32)
    y = np.asarray(y, dtype=np.float32)
    low = np.full_like(y, np.inf) if low is None else np.asarray(low, dtype=np.float32)
    key_min = np.zeros_like(y) if key_min is None else np.asarray(key_min, dtype=np.float32)
    key_sign = np.sign(key_min)
    key_abs = np.abs(key_min)
    weights = (1.0 + key_weight * (np.abs(y) > 0.05)).astype(np.float32)

    def grad(b: np.ndarray, o: np.ndarray) -> np.ndarray:
        g = 2.0 * weights[b] * (o - y[b])
        over = np.where(np.isfinite(low[b]), np.maximum(o - (low[b] - 0.02), 0.0), 0.0)  # 0.02 inside the limit
        short = np.where(key_abs[b] > 0, np.maximum(key_abs[b] + 0.05 - key_sign[b] * o, 0.0), 0.0)
        g += hinge_weight * 2.0 * (over - key_sign[b] * short)
        return g

    return _fit_networks(x, grad, hidden=hidden, steps=steps, batch=batch, lr=lr, weight_decay=weight_decay,
                         ensemble=ensemble, seed=seed, progress=progress)


#: a channel whose target's magnitude is above this "moves" (the presence output's positive class)
MOVES = 0.05


def fit_presence(x: np.ndarray, y: np.ndarray, *, hidden: int = 256, steps: int = 3000, batch: int = 64, lr: float = 2e-3,
                 weight_decay: float = 1e-4, pos_weight: float = 1.0, ensemble: int = 3, seed: int = 100,
                 progress: Callable[[int, int], None] | None = None) -> tuple[np.ndarray, ...]:
    """Fit ``ensemble`` one-hidden-layer tanh networks whose 61 outputs are the logits of "this
    channel moves" (|target| > :data:`MOVES`), by binary cross-entropy, the moving cases weighing
    ``pos_weight`` (the others 1). Same features as the value head; returns (w1, b1, w2, b2)."""
    x = np.asarray(x, dtype=np.float32)
    t = (np.abs(np.asarray(y)) > MOVES).astype(np.float32)
    w = np.where(t > 0, pos_weight, 1.0).astype(np.float32)

    def grad(b: np.ndarray, o: np.ndarray) -> np.ndarray:
        p = 1.0 / (1.0 + np.exp(-np.clip(o, -30.0, 30.0)))
        return w[b] * (p - t[b])

    return _fit_networks(x, grad, hidden=hidden, steps=steps, batch=batch, lr=lr, weight_decay=weight_decay,
                         ensemble=ensemble, seed=seed, progress=progress)


def fit_magnitude(x: np.ndarray, y: np.ndarray, *, hidden: int = 256, steps: int = 3000, batch: int = 64, lr: float = 2e-3,
                  weight_decay: float = 1e-4, ensemble: int = 3, seed: int = 200,
                  progress: Callable[[int, int], None] | None = None) -> tuple[np.ndarray, ...]:
    """Fit ``ensemble`` one-hidden-layer tanh networks to each channel's value *when it moves*: squared
    error on the moving cases (|target| > :data:`MOVES`) alone, so that ambiguous readings are not
    averaged with the cases where the channel stays at rest. Returns (w1, b1, w2, b2)."""
    x = np.asarray(x, dtype=np.float32)
    y = np.asarray(y, dtype=np.float32)
    moves = (np.abs(y) > MOVES).astype(np.float32)

    def grad(b: np.ndarray, o: np.ndarray) -> np.ndarray:
        return 2.0 * moves[b] * (o - y[b])

    return _fit_networks(x, grad, hidden=hidden, steps=steps, batch=batch, lr=lr, weight_decay=weight_decay,
                         ensemble=ensemble, seed=seed, progress=progress)


def _fit_networks(x: np.ndarray, grad: Callable[[np.ndarray, np.ndarray], np.ndarray], *, hidden: int, steps: int, batch: int,
                  lr: float, weight_decay: float, ensemble: int, seed: int,
                  progress: Callable[[int, int], None] | None) -> tuple[np.ndarray, ...]:
    """Adam on ``ensemble`` one-hidden-layer tanh networks (n, F) -> (n, 61); ``grad(rows, outputs)``
    is the loss's gradient with respect to the outputs of a minibatch (summed over it, before the mean)."""
    n, f = x.shape
    out: list[list[np.ndarray]] = [[], [], [], []]
    total = steps * ensemble
    for e in range(ensemble):
        rng = np.random.default_rng(seed + 1000 * e)
        w1 = rng.normal(0, 1 / np.sqrt(f), (f, hidden)).astype(np.float32)
        b1 = np.zeros(hidden, np.float32)
        w2 = (rng.normal(0, 1 / np.sqrt(hidden), (hidden, ch.NUM_CHANNELS)) * 0.1).astype(np.float32)
        b2 = np.zeros(ch.NUM_CHANNELS, np.float32)
        params = [w1, b1, w2, b2]
        m = [np.zeros_like(p) for p in params]
        v = [np.zeros_like(p) for p in params]
        order = rng.permutation(n)
        pos = 0
        for t in range(1, steps + 1):
            if pos + batch > n:
                order, pos = rng.permutation(n), 0
            b = order[pos : pos + batch]
            pos += batch
            xb = x[b]
            h = np.tanh(xb @ w1 + b1)
            o = h @ w2 + b2
            g = grad(b, o)
            g /= len(b)
            gh = (g @ w2.T) * (1.0 - h * h)
            grads = [xb.T @ gh + weight_decay * w1, gh.sum(0), h.T @ g + weight_decay * w2, g.sum(0)]
            for i, (p, gr) in enumerate(zip(params, grads)):
                m[i] = 0.9 * m[i] + 0.1 * gr
                v[i] = 0.999 * v[i] + 0.001 * gr * gr
                p -= lr * (m[i] / (1 - 0.9**t)) / (np.sqrt(v[i] / (1 - 0.999**t)) + 1e-8)
            if progress is not None and (t % 100 == 0 or t == steps):
                progress(e * steps + t, total)
        for i, p in enumerate(params):
            out[i].append(p)
    return tuple(np.stack(o) for o in out)
