"""Short summaries of German articles that never state a figure or name the article does not.

    from claimcheck.summarize import summarize
    s = summarize(text, max_sentences=3)             # extractive, offline, the default
    s = summarize(text, backend="abstractive", model="path/or/hub-id")
    s.text, s.sentence_indices, s.backend, s.faithful, s.notes

The extractive backend picks article sentences from the sentence vectors that
check() computes anyway (extractive.py). The abstractive backend runs a
transformers summarisation model (abstractive.py). Every summary goes through
the faithfulness check (faithfulness.py); an abstractive summary that fails it
loses its failing sentences, or is replaced by the extractive summary, and
`notes` says which.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Optional, Sequence

import numpy as np

from ..types import Quantity, Sentence
from .extractive import DEFAULT_WEIGHTS, ExtractiveWeights, join_sentences, select_sentences
from .faithfulness import Faithfulness, article_figures_of, check_faithfulness

__all__ = ["Summary", "summarize", "check_faithfulness", "Faithfulness", "ExtractiveWeights", "BACKENDS"]

BACKENDS = ("extractive", "abstractive")


@dataclass
class Summary:
    text: str
    sentence_indices: list[int]  # article sentences used (extractive); empty for model-written text
    backend: str  # the backend that wrote `text`: "extractive" or "abstractive"
    faithful: bool
    notes: list[str] = field(default_factory=list)  # fallbacks, repairs, faithfulness problems

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _check_budget(max_sentences: int, max_chars: Optional[int]) -> None:
    if isinstance(max_sentences, bool) or not isinstance(max_sentences, int) or max_sentences < 1:
        raise ValueError(f"max_sentences must be a whole number of at least 1, not {max_sentences!r}.")
    if max_chars is not None and (isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1):
        raise ValueError(f"max_chars must be a whole number of at least 1 or None, not {max_chars!r}.")


def extractive_summary(
    text: str,
    sentences: Sequence[Sentence],
    vectors: np.ndarray,
    *,
    max_sentences: int = 3,
    max_chars: Optional[int] = None,
    published: Optional[dt.date] = None,
    weights: ExtractiveWeights = DEFAULT_WEIGHTS,
    article_figures: Optional[Sequence[Quantity]] = None,
) -> Summary:
    indices = select_sentences(sentences, vectors, max_sentences=max_sentences, max_chars=max_chars, weights=weights)
    summary_text = join_sentences(sentences, indices)
    notes = []
    if not indices:
        notes.append(
            f"No sentence of the article fits in {max_chars} characters; the summary is empty."
            if max_chars is not None and any(s.text.strip() for s in sentences)
            else "The article has no sentence to summarise; the summary is empty."
        )
    result = check_faithfulness(summary_text, text, published=published, article_figures=article_figures)
    return Summary(summary_text, indices, "extractive", result.ok, notes + result.problems)


def summarize(
    text: str,
    *,
    max_sentences: int = 3,
    max_chars: Optional[int] = None,
    backend: str = "extractive",
    model: Optional[str] = None,
    sentences: Optional[Sequence[Sentence]] = None,
    sentence_vectors: Optional[np.ndarray] = None,
    published: Optional[dt.date] = None,
    article_figures: Optional[Sequence[Quantity]] = None,
) -> Summary:
    """Summarise `text` in at most `max_sentences` sentences (and `max_chars` characters).

    `backend` "extractive" (default) picks article sentences; "abstractive" runs the
    summarisation model `model` (a Hugging Face id or local directory; default: the
    setting `summarizer` / CLAIMCHECK_SUMMARIZER). Pass the article's `sentences` and
    their `sentence_vectors` (encoder.encode_queries) to skip splitting and encoding, and
    `article_figures` (read_quantities(text, published=published)) to skip reading them.
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError("The article to summarise is empty.")
    _check_budget(max_sentences, max_chars)
    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, not {backend!r}.")
    if sentences is None:
        from ..sentences import split_sentences

        sentences = split_sentences(text)
        if sentence_vectors is not None:
            raise ValueError("sentence_vectors were given without the sentences they belong to.")
    if sentence_vectors is None:
        from ..models import get_encoder

        sentence_vectors = get_encoder().encode_queries([s.text for s in sentences])

    article_figures = article_figures_of(text, published, article_figures)  # every check below compares with these
    fallback = extractive_summary(text, sentences, sentence_vectors, max_sentences=max_sentences,
                                  max_chars=max_chars, published=published, article_figures=article_figures)
    if backend == "extractive":
        return fallback

    from ..config import get_settings
    from .abstractive import abstractive_summary

    model_id = get_settings(summarizer=model).summarizer
    if not model_id:
        raise ValueError(
            "The abstractive backend needs a summarisation model: pass model= (a Hugging Face id or a local "
            "directory) or set CLAIMCHECK_SUMMARIZER. Without one, use backend='extractive'."
        )
    # An unloadable model raises ValueError with its reason: a misconfiguration the user should see.
    written = abstractive_summary(text, sentences, model_id, max_sentences=max_sentences, max_chars=max_chars)
    return vet_abstractive(written, text, fallback, published, article_figures)


def _replaced(fallback: Summary, note: str) -> Summary:
    return Summary(fallback.text, fallback.sentence_indices, fallback.backend, fallback.faithful, [note] + fallback.notes)


def vet_abstractive(written: list[str], text: str, fallback: Summary, published: Optional[dt.date],
                    article_figures: Optional[Sequence[Quantity]] = None) -> Summary:
    """Keep the model's sentences that pass the faithfulness check; all failing -> the extractive summary."""
    article_figures = article_figures_of(text, published, article_figures)
    kept, notes = [], []
    for sentence in written:
        result = check_faithfulness(sentence, text, published=published, article_figures=article_figures)
        if result.ok:
            kept.append(sentence)
        else:
            notes.append(f"Dropped a model-written sentence: {' '.join(result.problems)}")
    if not kept:
        reason = "it was empty" if not written else "no sentence of it passed the faithfulness check"
        replaced = _replaced(fallback, f"The abstractive summary was replaced by the extractive one: {reason}.")
        replaced.notes[1:1] = notes  # why each model sentence was dropped, before the extractive notes
        return replaced
    summary_text = " ".join(kept)
    final = check_faithfulness(summary_text, text, published=published, article_figures=article_figures)
    if not final.ok:  # cannot happen sentence by sentence passing, unless a name spans sentences
        return _replaced(fallback, "The abstractive summary was replaced by the extractive one: " + " ".join(final.problems))
    return Summary(summary_text, [], "abstractive", True, notes)
