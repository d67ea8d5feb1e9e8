"""Baselines that every evaluation figure is set beside, on the same rows.

- figures: eval/eval_claims.regex_figures (a regular expression, every match a claim);
- summaries: LEAD-k (eval/eval_summaries.lead);
- verify (here): similarity only. A claim is SUPPORTED when the closest candidate
  fact has a cosine of at least t, else NOT_ENOUGH_INFO; numbers are never
  compared, so it cannot say CONTRADICTED. Candidates are the verifier's own (the
  store's nearest facts that carry a figure of the claim's kind), so the only
  difference from claimcheck is the number comparison and the learned relatedness.
  t is fitted as the verifier's thresholds are (eval/fit_verifier.py): the grid value
  with the best macro-F1 over the three verdicts, held out by annotator.
"""
from __future__ import annotations

import copy
from typing import Sequence

import numpy as np

from eval.eval_verify import Judgement, macro_f1

COSINE_GRID = np.round(np.arange(0.70, 1.0, 0.005), 3)


def closest_cosine(judgement: Judgement) -> float:
    return max((c.cosine for c in judgement.candidates), default=0.0)


def similarity_verdict(cosine: float, threshold: float) -> str:
    return "SUPPORTED" if cosine >= threshold else "NOT_ENOUGH_INFO"


def fit_similarity_threshold(judgements: Sequence[Judgement]) -> float:
    """The grid threshold with the best macro-F1 (the lowest of equals)."""
    cosines = [closest_cosine(j) for j in judgements]
    best_t, best_f1 = float(COSINE_GRID[0]), -1.0
    for t in COSINE_GRID:
        f1 = macro_f1([(j.expected, similarity_verdict(c, t)) for j, c in zip(judgements, cosines)])
        if f1 > best_f1 + 1e-9:
            best_t, best_f1 = float(t), f1
    return best_t


def similarity_judgements(judgements: Sequence[Judgement], threshold: float) -> list[Judgement]:
    """Copies of the judgements with the baseline's verdict; confidence is the cosine."""
    out = []
    for j in judgements:
        k = copy.copy(j)
        k.confidence = closest_cosine(j)
        k.predicted = similarity_verdict(k.confidence, threshold)
        out.append(k)
    return out


def held_out_similarity(judgements: Sequence[Judgement]) -> tuple[list[Judgement], dict[str, float]]:
    """Baseline verdicts with t fitted on the other annotator's articles; the thresholds used."""
    out, thresholds = [], {}
    annotators = sorted({j.item.annotator for j in judgements})
    for test in annotators:
        t = fit_similarity_threshold([j for j in judgements if j.item.annotator != test])
        thresholds[test] = t
        out += similarity_judgements([j for j in judgements if j.item.annotator == test], t)
    return out, thresholds
