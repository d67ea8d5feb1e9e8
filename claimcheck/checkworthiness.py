"""A learned check-worthiness score for sentences, over the encoder's sentence vectors.

Where the rules in claimcheck.claims run out (anecdotes, opinions, definitions,
trivia that carry a figure), a logistic regression over the packaged encoder's
query vectors says whether a sentence states a checkable fact. It reads the
vectors the pipeline already computed for the article: no second encoder pass.

The weights ship as JSON (no pickle) in claimcheck/resources/checkworthiness.json,
written by eval/train_checkworthiness.py from data/checkworthiness/train.jsonl.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Optional

import numpy as np

RESOURCE = "checkworthiness.json"


@dataclass(frozen=True)
class CheckworthinessScorer:
    """p(checkable | sentence vector) = sigmoid(vector . weights + bias); keep where p >= threshold."""

    weights: np.ndarray  # shape (dim,)
    bias: float
    threshold: float
    encoder: str  # the encoder whose vectors the weights were fitted on

    @property
    def dim(self) -> int:
        return int(self.weights.shape[0])

    def score(self, vectors: np.ndarray) -> np.ndarray:
        """Probabilities in [0, 1], one per row of `vectors` (shape (n, dim))."""
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape[1] != self.dim:
            raise ValueError(
                f"The check-worthiness scorer expects vectors of shape (n, {self.dim}) from {self.encoder}; "
                f"got {vectors.shape}. Use vectors of that encoder, or pass scorer=False."
            )
        logits = vectors @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-logits))

    def to_dict(self) -> dict:
        return {
            "encoder": self.encoder,
            "threshold": float(self.threshold),
            "bias": float(self.bias),
            "weights": [float(w) for w in self.weights],
        }

    @classmethod
    def from_dict(cls, data: dict) -> "CheckworthinessScorer":
        try:
            weights = np.asarray(data["weights"], dtype=np.float32)
            return cls(weights, float(data["bias"]), float(data["threshold"]), str(data["encoder"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"Not a check-worthiness weights file: {exc}") from None

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "CheckworthinessScorer":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise ValueError(f"Cannot read check-worthiness weights from {path}: {exc}") from None
        return cls.from_dict(data)


@lru_cache(maxsize=1)
def packaged_scorer() -> Optional[CheckworthinessScorer]:
    """The scorer shipped with claimcheck, or None when the package carries no weights."""
    resource = resources.files("claimcheck.resources").joinpath(RESOURCE)
    if not resource.is_file():
        return None
    return CheckworthinessScorer.from_dict(json.loads(resource.read_text("utf-8")))


def fit(vectors: np.ndarray, labels: np.ndarray, *, encoder: str, threshold: float = 0.5, c: float = 1.0) -> CheckworthinessScorer:
    """Fit the logistic regression (scikit-learn, L2) on sentence vectors and 0/1 labels."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    model.fit(np.asarray(vectors, dtype=np.float32), np.asarray(labels, dtype=int))
    return CheckworthinessScorer(
        weights=model.coef_[0].astype(np.float32), bias=float(model.intercept_[0]), threshold=threshold, encoder=encoder
    )
