"""How much each sentence signal counts when choosing the direct answer: learned, not hand-set.

The evidence stage reads every candidate sentence for signals (is it about what was asked, does it have
the shape of the fact asked, is it for the population asked about, how close is it in meaning...). Hand-set
weights for those signals fitted the questions they were tuned on and little else. Here a logistic model
over the same signals is fitted on labelled questions (which sentence states the key fact), so the
weights are whatever separates answering sentences from the rest across hundreds of questions.

The model is a plain weight vector shipped in `assistant/data/ranker.json`; fitting it is
`python benchmarks/answers.py --fit`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.question import ANSWER_INTENTS

MODEL_PATH = Path(__file__).parent / "data" / "ranker.json"

# Intents whose answer has a recognisable shape (assistant/question.py); each gets its own weight when asked
# and present. A new intent there changes the signals, and the shipped model then reads as stale.
SHAPED_INTENTS = tuple(ANSWER_INTENTS)
FEATURES = (
    "prior",
    "topic_share",
    "focus_share",
    "off_focus",
    "no_focus",
    "bigrams",
    "definition_unasked",
    "section_match",
    "shape_specific",
    "shape_general",
    "no_shape_specific",
    "qualifier_match",
    "other_subgroup",
    "exception",
    "dangling",
    "plain_lay",
    "plain_clinical",
    "hard_for_lay",
    "guideline",
    "research",
    "similarity",
    "similarity_gap",
    "first_in_passage",
    "length",
    "has_number",
    "lay_similarity",
    "lay_focus",
    "aspect_similarity",
    *(f"shape_{intent}" for intent in SHAPED_INTENTS),
)
INDEX = {name: i for i, name in enumerate(FEATURES)}


@dataclass(frozen=True)
class RankerModel:
    """Logistic weights over FEATURES; `probability` is the chance a sentence states the fact asked."""

    weights: np.ndarray
    bias: float
    names: tuple[str, ...] = FEATURES

    def logits(self, rows: np.ndarray) -> np.ndarray:
        return rows @ self.weights + self.bias

    def probability(self, rows: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logits(rows)))

    def save(self, path: Path = MODEL_PATH, about: dict | None = None) -> None:
        payload = {
            "features": list(self.names),
            "weights": [round(float(w), 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "about": about or {},
        }
        path.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")

    @staticmethod
    def about(path: Path = MODEL_PATH) -> dict:
        """What the shipped model was fitted on (questions, regularisation, cross-validation)."""
        try:
            return json.loads(path.read_text(encoding="utf-8")).get("about", {})
        except (OSError, ValueError):
            return {}

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> RankerModel | None:
        """The shipped model, or None when there is none or it was fitted on other signals."""
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if tuple(payload.get("features", ())) != FEATURES:
            return None
        return cls(np.asarray(payload["weights"], dtype=np.float64), float(payload["bias"]))


def fit(rows: np.ndarray, labels: np.ndarray, l2: float = 1.0, iterations: int = 30) -> RankerModel:
    """L2-regularised logistic regression by Newton's method (a few dozen features: exact and quick)."""
    x = np.hstack([rows.astype(np.float64), np.ones((len(rows), 1))])
    y = labels.astype(np.float64)
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0  # the intercept is not shrunk
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-7:
            break
    return RankerModel(w[:-1], float(w[-1]))


_SHIPPED: list[RankerModel] = []


def shipped() -> RankerModel:
    """The shipped model, read once per process; a missing or stale file is a packaging error, said plainly."""
    if not _SHIPPED:
        model = RankerModel.load()
        if model is None:
            refit = "python benchmarks/answers.py --fit"
            raise RuntimeError(f"{MODEL_PATH} is missing or was fitted on other signals: {refit}")
        _SHIPPED.append(model)
    return _SHIPPED[0]
