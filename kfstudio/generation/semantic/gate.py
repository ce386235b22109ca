"""A per-region gate between the planner and the learned head, learned from data.

The fixed rule of :func:`~.layer.combine` keeps the planner's values in the regions it read and
fills the others from the learned head. The gate decides, per face region and per description,
which of three proposals to keep for that region:

0. the rule's combination (the default),
1. the planner's own values (scaled by the overall intensity the description states, as the rule
   scales them),
2. the learned head's values,
3. per channel, the larger (in magnitude) of the planner's and the learned values.

It is a multinomial logistic regression per region over features available at run time: how much
of the description the planner read and whether it read this region, the planner's and the learned
head's magnitudes in the region and their disagreement, the spread between the head's networks,
the similarity to the closest corpus line, the stated intensity, the length and number of clauses
of the description, negation, and whether a background or an emotion is given.

It is fit (:func:`fit_gate`) on *out-of-fold* readings of the training split (the learned head
fit on the other folds), because the head's readings of its own training lines are too good to
learn when to distrust it from. The objective is the expected number of the annotations'
expectations met in the region (a softmax over the three choices), with a small L2 penalty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .regions import REGIONS

__all__ = ["Gate", "CHOICES", "N_FEATURES", "region_features", "fit_gate"]

CHOICES = ("combined", "planner", "learned", "larger")
_CLAUSE = re.compile(r"[,;:]|\band\b|\bthen\b|\bbut\b|\bwhile\b", re.IGNORECASE)
_NEGATION = re.compile(
    r"\b(?:not|never|no|without|nor|neither|hardly|barely|isn't|aren't|wasn't|weren't|doesn't|don't|didn't|won't|can't|"
    r"cannot|isnt|doesnt|dont|didnt|wont|cant|stops|stopped|stopping|ceases|ceased|quits)\b|n't\b",
    re.IGNORECASE,
)
N_FEATURES = 30


@dataclass
class Gate:
    """Weights (7 regions, F features, 4 choices), feature centring and scale (F,), and the margin the
    rule's combination is given before another choice replaces it."""

    w: np.ndarray
    mu: np.ndarray
    sd: np.ndarray
    margin: float = 0.5

    def logits(self, x: np.ndarray) -> np.ndarray:
        """(7, F) raw features -> (7, 4) logits (the margin added to the rule's choice)."""
        z = np.einsum("rf,rfo->ro", (np.asarray(x, dtype=np.float64) - self.mu) / self.sd, self.w)
        z[:, 0] += self.margin
        return z

    def choose(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Choice per region (7,) and its probability (7,)."""
        z = self.logits(x)
        p = np.exp(z - z.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        c = z.argmax(1)
        return c, p[np.arange(len(c)), c]


def region_features(plan, reading, options: np.ndarray, description: str, background: str, emotion: str,
                    has_unnegated: bool, masks: np.ndarray) -> np.ndarray:
    """(7, N_FEATURES) features of one description: shared ones, then those of each region.
    ``options``: (4, 61) the proposals (:data:`CHOICES`); ``masks``: (7, 61) the regions."""
    values = np.asarray(plan.values, dtype=np.float64)
    words = description.split()
    nw = max(1, len(words))
    understood = set(getattr(plan, "understood", ()))
    found = bool(getattr(plan, "found_movement", False))
    unknown = list(getattr(plan, "unknown_words", ()) or ())
    spread = reading.spread if getattr(reading, "spread", None) is not None else np.zeros(values.shape[0])
    shared = [1.0, float(found), float(found and not unknown), float(not found and np.abs(values).max() >= 0.05),
              len(unknown) / nw, np.log1p(nw) / 4, min(len(_CLAUSE.findall(description)), 8) / 4,
              float(bool(_NEGATION.search(description))), float(bool(background)), float(bool(emotion)),
              float(reading.confidence), abs(float(reading.intensity)), float(reading.intensity), len(understood & set(REGIONS)) / 7,
              float(has_unnegated), float(bool(getattr(plan, "beats", None)))]
    rows = []
    for k, r in enumerate(REGIONS):
        m = masks[k]
        c, p, l = np.abs(options[0][m]), np.abs(options[1][m]), np.abs(options[2][m])
        dif = np.abs(options[1][m] - options[2][m])
        rows.append(shared + [float(r in understood), p.max(), p.mean(), l.max(), l.mean(), c.max(), dif.max(), dif.mean(),
                              spread[m].mean(), spread[m].max(), np.abs(reading.values[m]).max(), float((l > 0.1).sum()) / m.sum(),
                              float(np.abs(options[0][m] - options[1][m]).max()), float(np.abs(options[0][m] - options[2][m]).max())])
    return np.array(rows, dtype=np.float64)


def fit_gate(x: np.ndarray, met: np.ndarray, *, lam: float = 1e-4, steps: int = 600, lr: float = 0.05,
             margin: float = 0.5, progress=None) -> Gate:
    """Fit the gate: ``x`` (N, 7, F) features, ``met`` (N, 7, 4) expectations met in each region by
    each choice. Maximises the mean expected number met under a softmax per region (full-batch Adam)."""
    x = np.asarray(x, dtype=np.float64)
    n, r, f = x.shape
    flat = x.reshape(-1, f)
    mu, sd = flat.mean(0), flat.std(0) + 1e-6
    mu[0], sd[0] = 0.0, 1.0  # the constant feature stays a bias
    xs = (x - mu) / sd
    met = np.asarray(met, dtype=np.float64)
    reward = met / max(1.0, float(np.asarray(met).max(2).sum()) / max(n, 1))
    w = np.zeros((r, f, met.shape[2]))
    m1, m2 = np.zeros_like(w), np.zeros_like(w)
    for t in range(1, steps + 1):
        z = np.einsum("nrf,rfo->nro", xs, w)
        z -= z.max(2, keepdims=True)
        p = np.exp(z)
        p /= p.sum(2, keepdims=True)
        expected = (p * reward).sum(2, keepdims=True)
        gz = -p * (reward - expected) / n
        g = np.einsum("nrf,nro->rfo", xs, gz) + lam * w
        m1 = 0.9 * m1 + 0.1 * g
        m2 = 0.999 * m2 + 0.001 * g * g
        w -= lr * (m1 / (1 - 0.9**t)) / (np.sqrt(m2 / (1 - 0.999**t)) + 1e-8)
        if progress is not None and (t % 50 == 0 or t == steps):
            progress(t, steps)
    return Gate(w, mu, sd, margin)
