"""Extractive summaries from sentence vectors: pick the article's own sentences.

A sentence scores by how central it is to the article (cosine to the article's
centroid, plus a LexRank-style PageRank over the sentence-similarity graph) and
by a position prior (news put the gist in the lead). Sentences are then chosen
greedily with MMR, so a second sentence that repeats the first loses to one that
adds something, until the budget (sentences and/or characters) is spent. The
chosen sentences are returned in article order.

Only the vectors the pipeline already computed are used (one encoder pass per
article); nothing here calls a model.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional, Sequence

import numpy as np

from ..types import Sentence


@dataclass(frozen=True)
class ExtractiveWeights:
    """How the sentence score is put together; the defaults were tuned on the dev rows
    (eval/eval_summaries.py --tune prints the search)."""

    centrality: float = 0.0  # weight of the standardised cosine to the article centroid
    pagerank: float = 0.5  # weight of the standardised PageRank over the similarity graph
    position: float = 2.5  # weight of the lead prior exp(-i / position_decay), i = candidate rank
    position_decay: float = 8.0
    redundancy: float = 0.5  # MMR: penalty per unit of standardised similarity to a chosen sentence


DEFAULT_WEIGHTS = ExtractiveWeights()


@dataclass(frozen=True)
class _DebrisRules:
    prefixes: tuple[str, ...]
    credit: re.Pattern
    min_words: int


@lru_cache(maxsize=1)
def _debris_rules() -> _DebrisRules:
    text = resources.files("claimcheck.lang.de").joinpath("summaries.toml").read_text("utf-8")
    debris = tomllib.loads(text)["debris"]
    return _DebrisRules(
        prefixes=tuple(debris["prefixes"]),
        credit=re.compile(debris["credit_pattern"]),
        min_words=int(debris["min_words"]),
    )


_WORD = re.compile(r"[^\W\d_]+")


def is_summary_candidate(sentence: Sentence) -> bool:
    """False for headings, credits, link lines and fragments too short to stand alone."""
    rules = _debris_rules()
    text = sentence.text.strip()
    if not text or text.startswith(rules.prefixes) or rules.credit.match(text):
        return False
    if len(_WORD.findall(text)) < rules.min_words:
        return False
    # A line without closing punctuation that is also short is a headline or caption.
    if text[-1] not in ".!?:;\"'“”»«)" and len(_WORD.findall(text)) < 8:
        return False
    return True


def _standardise(x: np.ndarray) -> np.ndarray:
    # e5 cosines crowd between 0.8 and 0.99, so only their spread within the article carries signal.
    std = float(x.std())
    return (x - x.mean()) / std if std > 1e-9 else np.zeros_like(x)


def _pagerank(similarity: np.ndarray, damping: float = 0.85, iterations: int = 50) -> np.ndarray:
    """PageRank over the graph whose edges are the similarities above the article's median."""
    n = similarity.shape[0]
    off_diagonal = similarity[~np.eye(n, dtype=bool)]
    edges = np.clip(similarity - np.median(off_diagonal), 0.0, None)
    np.fill_diagonal(edges, 0.0)
    row_sums = edges.sum(axis=1, keepdims=True)
    transition = np.where(row_sums > 0, edges / np.where(row_sums > 0, row_sums, 1.0), 1.0 / n)
    rank = np.full(n, 1.0 / n)
    for _ in range(iterations):
        rank = (1 - damping) / n + damping * transition.T @ rank
    return rank


def score_sentences(vectors: np.ndarray, weights: ExtractiveWeights = DEFAULT_WEIGHTS) -> np.ndarray:
    """One score per row of `vectors` (candidate sentences in article order)."""
    n = vectors.shape[0]
    if n == 1:
        return np.ones(1)
    centroid = vectors.mean(axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    score = weights.centrality * _standardise(vectors @ centroid)
    if weights.pagerank:
        score = score + weights.pagerank * _standardise(_pagerank(vectors @ vectors.T))
    position = np.exp(-np.arange(n) / max(weights.position_decay, 1e-6))
    return score + weights.position * position


def _check_inputs(sentences: Sequence[Sentence], vectors: np.ndarray, max_sentences: int, max_chars: Optional[int]) -> None:
    if max_sentences is None or int(max_sentences) < 1:
        raise ValueError(f"max_sentences must be at least 1, not {max_sentences!r}.")
    if max_chars is not None and int(max_chars) < 1:
        raise ValueError(f"max_chars must be at least 1 (or None for no limit), not {max_chars!r}.")
    if vectors.ndim != 2 or vectors.shape[0] != len(sentences):
        raise ValueError(
            f"sentence_vectors must have one row per sentence: got shape {vectors.shape} for {len(sentences)} sentences."
        )


def select_sentences(
    sentences: Sequence[Sentence],
    vectors: np.ndarray,
    *,
    max_sentences: int = 3,
    max_chars: Optional[int] = None,
    weights: ExtractiveWeights = DEFAULT_WEIGHTS,
) -> list[int]:
    """Indices (into `sentences`, ascending) of the sentences that make the summary.

    At most `max_sentences` sentences, and when `max_chars` is given at most that
    many characters joined by single spaces; a sentence that would overflow the
    character budget is skipped for a shorter one. Empty when no sentence fits.
    """
    vectors = np.asarray(vectors, dtype=np.float32)
    _check_inputs(sentences, vectors, max_sentences, max_chars)
    if not sentences:
        return []
    candidates = [i for i, s in enumerate(sentences) if is_summary_candidate(s)]
    if not candidates:  # a text of fragments only: better some fragment than nothing
        candidates = [i for i, s in enumerate(sentences) if s.text.strip()]
    # Web pages repeat a teaser verbatim; the second copy is never a candidate.
    first_of_text: dict[str, int] = {}
    for i in candidates:
        first_of_text.setdefault(_key(sentences[i].text), i)
    candidates = sorted(first_of_text.values())
    if not candidates:
        return []
    cand_vectors = vectors[candidates]
    score = score_sentences(cand_vectors, weights)
    similarity = cand_vectors @ cand_vectors.T
    n = len(candidates)
    off_diagonal = similarity[~np.eye(n, dtype=bool)] if n > 1 else np.zeros(1)
    sim_mean, sim_std = float(off_diagonal.mean()), float(off_diagonal.std()) or 1.0
    lengths = [len(" ".join(sentences[i].text.split())) for i in candidates]

    chosen: list[int] = []  # positions in `candidates`
    used_chars = 0
    while len(chosen) < max_sentences:
        best, best_value = None, -np.inf
        for j in range(n):
            if j in chosen:
                continue
            extra = lengths[j] + (1 if chosen else 0)
            if max_chars is not None and used_chars + extra > max_chars:
                continue
            value = score[j]
            if chosen:
                value -= weights.redundancy * (max(similarity[j, k] for k in chosen) - sim_mean) / sim_std
            if value > best_value:
                best, best_value = j, value
        if best is None:
            break
        used_chars += lengths[best] + (1 if chosen else 0)
        chosen.append(best)
    return sorted(candidates[j] for j in chosen)


def _key(text: str) -> str:
    return " ".join(text.split()).lower()


def join_sentences(sentences: Sequence[Sentence], indices: Sequence[int]) -> str:
    """The summary text: the chosen sentences in order, whitespace inside each collapsed."""
    return " ".join(" ".join(sentences[i].text.split()) for i in indices)
