"""The learned layer of the support check: weighs the rule checks' outcomes instead of obeying each one.

The rules in assistant/support.py were written on one labelled split and fit it far better than new pairs
(docs/benchmarks.md, "Citations"): a single check that misfires on an honest paraphrase removes it, and a
contradiction no rule names passes. Here every check's outcome is a feature (a failing check is evidence,
not a veto), together with how much of the claim the passage covers, mismatch counts (also against the
single passage clause closest to the claim) and the MiniLM cosine between the sentence and the passage's
closest sentence and aligned units, and (for answers that reword heavily) the cosine of each clause with its
closest window of one or two passage sentences, the share of the claim's words the best window holds (also
by word prefix), numbers the passage never states and hedges the claim drops. Hashed words the sentence adds
or drops, and MiniLM difference vectors, were tried and made the out-of-fold figures worse (too few pairs),
so they are not used. A logistic regression over them (the triage model's style, assistant/triage.py) gives
the chance a sentence is NOT supported; the threshold is chosen out-of-fold so that few bad sentences pass.
Fitted by `python benchmarks/citations.py --fit` on assistant/data/support_train.jsonl plus the dev split;
weights in assistant/data/support_model.json.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).resolve().parent / "data" / "support_model.json"
Embed = Callable[[list[str]], np.ndarray]


@dataclass
class SupportModel:
    """Logistic regression over the support features; `threshold` is on the chance of NOT supported."""

    names: list[str]
    weights: np.ndarray
    bias: float
    mean: np.ndarray
    scale: np.ndarray
    threshold: float
    trained_on: str = ""
    uses_embeddings: bool = True

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> SupportModel | None:
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            names=list(data["names"]),
            weights=np.asarray(data["weights"], dtype=np.float64),
            bias=float(data["bias"]),
            mean=np.asarray(data["mean"], dtype=np.float64),
            scale=np.asarray(data["scale"], dtype=np.float64),
            threshold=float(data["threshold"]),
            trained_on=data.get("trained_on", ""),
            uses_embeddings=bool(data.get("uses_embeddings", True)),
        )

    def save(self, path: Path = MODEL_PATH) -> None:
        payload = {
            "about": "Support check linear model (assistant/support_model.py); "
            "regenerate: python benchmarks/citations.py --fit",
            "trained_on": self.trained_on,
            "uses_embeddings": self.uses_embeddings,
            "threshold": round(self.threshold, 6),
            "bias": round(self.bias, 6),
            "names": self.names,
            "mean": [round(float(v), 5) for v in self.mean],
            "scale": [round(float(v), 5) for v in self.scale],
            "weights": [round(float(w), 5) for w in self.weights],
        }
        path.write_text(json.dumps(payload) + "\n", encoding="utf-8")

    def probability(self, x: np.ndarray) -> float:
        """Chance the sentence is not supported by its passage."""
        z = float(((x - self.mean) / self.scale) @ self.weights + self.bias)
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Column means and scales (1 for a constant column), so one L2 penalty treats counts and flags alike."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    return mean, scale
