"""check(): one Document flows through the components, as a spaCy Doc does.

    sentences -> published date -> sentence vectors -> claims -> verdicts -> summary

Each component reads the fields named in its docstring and fills its own. The
sentence vectors are computed once per article and reused by the claim scorer,
the evidence search and the summariser.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence

import numpy as np

from .textio import INVISIBLE_WARNING, NFC_WARNING, InputError, composed, language_warning, readable, validate_text
from .types import Claim, Fact, Quantity, Report, Sentence


@dataclass
class Document:
    text: str
    published: Optional[dt.date] = None
    sentences: list[Sentence] = field(default_factory=list)
    sentence_vectors: Optional[np.ndarray] = None
    encoded: Optional[list[int]] = None  # sentences that have a vector (None: all); the others hold zeros
    # The context vector of each claimable figure of the encoded sentences, by its start offset in the text
    # (Encoder.encode_with_contexts: the verifier compares it with a fact's figure's).
    figure_contexts: dict[int, np.ndarray] = field(default_factory=dict)
    quantities: Optional[list[Quantity]] = None  # every figure of the text, read once (see figures())
    claims: list[Claim] = field(default_factory=list)
    summary: Any = None  # claimcheck.summarize.Summary
    warnings: list[str] = field(default_factory=list)

    def report(self) -> Report:
        return Report(
            published=self.published.isoformat() if self.published else None,
            summary=self.summary.text if self.summary is not None else "",
            claims=self.claims,
            warnings=self.warnings + list(getattr(self.summary, "notes", []) or []),
        )


def parse_published(value: str | dt.date | None) -> Optional[dt.date]:
    """A publication date from an ISO string or a date; None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"published date {value!r} is not a date of the form YYYY-MM-DD.") from None


# --- components -------------------------------------------------------------

def split_into_sentences(doc: Document) -> None:
    """reads text; writes sentences."""
    from .sentences import split_sentences

    doc.sentences = split_sentences(doc.text)


def find_published(doc: Document) -> None:
    """reads text, published; writes published (from the dateline when the caller gave none)."""
    if doc.published is None:
        from .claims import read_published

        doc.published = read_published(doc.text)


# The summariser weighs position heavily (news put the gist in the lead): past the first few
# candidates a sentence is rarely chosen. Sentences without figures beyond these are read by
# nothing, so they are not encoded: 28 -> ~14 sentences for a 3,500-character article. On the
# summary dev rows (`python -m eval.bench_check --summaries`, news, R-1 at 3 / 1 sentences)
# a pool of 6 gives 16.30 / 16.20 against 16.43 / 16.80 with every sentence encoded and
# 16.44 / 17.08 with 12 (LEAD-3 15.36, LEAD-1 12.33); it encodes a fifth fewer sentences than 12.
SUMMARY_POOL = 6


def figures(doc: Document) -> list[Quantity]:
    """reads text, published; writes quantities: every figure of the text, read on first use.
    Choosing the sentences to encode and finding the claims both need them."""
    from .quantities import read_quantities

    if doc.quantities is None:
        doc.quantities = read_quantities(doc.text, published=doc.published)
    return doc.quantities


def sentences_to_encode(doc: Document) -> list[int]:
    """reads text, published, sentences, quantities; the indices of the sentences that need a vector:
    those holding a figure a claim can be made of, and the first SUMMARY_POOL summary candidates."""
    from .summarize.extractive import is_summary_candidate

    needed = set(claimable_figures(doc))
    candidates = [i for i, s in enumerate(doc.sentences) if is_summary_candidate(s)]
    if not candidates:  # the summariser then falls back to every sentence
        return list(range(len(doc.sentences)))
    return sorted(needed | set(candidates[:SUMMARY_POOL]))


def set_sentence_vectors(doc: Document, rows: list[int], vectors: np.ndarray,
                         contexts: Optional[list[list[Optional[np.ndarray]]]] = None) -> None:
    """writes sentence_vectors, encoded and figure_contexts: `vectors` of the sentences `rows`, zeros
    elsewhere, and `contexts`, per row the context vectors of its figure_spans()."""
    full = np.zeros((len(doc.sentences), vectors.shape[1]), dtype=np.float32)
    full[rows] = vectors
    doc.sentence_vectors, doc.encoded = full, rows
    doc.figure_contexts = {}
    by_sentence = claimable_figures(doc)
    for i, row_contexts in zip(rows, contexts or []):
        for figure, context in zip(by_sentence.get(i, []), row_contexts):
            if context is not None:
                doc.figure_contexts[figure.start] = context


def claimable_figures(doc: Document) -> dict[int, list[Quantity]]:
    """reads sentences, quantities; the figures a claim can be made of, by the index of their sentence (as
    the claims assign them: claims.sentence_of)."""
    from .claims import CLAIM_KINDS, sentence_of

    starts = [s.start for s in doc.sentences]
    out: dict[int, list[Quantity]] = {}
    for q in figures(doc):
        if q.kind in CLAIM_KINDS and (k := sentence_of(doc.sentences, starts, q)) is not None:
            out.setdefault(k, []).append(q)
    return out


def figure_spans(doc: Document, rows: list[int]) -> list[list[tuple[int, int]]]:
    """reads sentences, quantities; per sentence of `rows`, its claimable figures' spans within it."""
    by_sentence = claimable_figures(doc)
    return [[(q.start - doc.sentences[i].start, q.end - doc.sentences[i].start) for q in by_sentence.get(i, [])]
            for i in rows]


def encode_sentences(doc: Document, encoder) -> None:
    """reads text, published, sentences; writes sentence_vectors, figure_contexts (one encoder pass per article)."""
    from .models.encoder import encode_with_contexts

    rows = sentences_to_encode(doc)
    set_sentence_vectors(doc, rows, *encode_with_contexts(encoder, [doc.sentences[i].text for i in rows],
                                                          figure_spans(doc, rows)))


def find_claims(doc: Document) -> None:
    """reads text, published, sentences, sentence_vectors, quantities; writes claims."""
    from .claims import extract_claims

    doc.claims = extract_claims(doc.text, published=doc.published, sentences=doc.sentences,
                                sentence_vectors=doc.sentence_vectors, quantities=figures(doc))


def judge_claims(doc: Document, store, min_confidence: Optional[float] = None) -> None:
    """reads claims, sentences, sentence_vectors, figure_contexts, published; writes each claim's verdict (verdicts below
    `min_confidence`, else the verifier model's fitted floor, are withheld)."""
    from .verify import Verifier

    Verifier(store, min_confidence=min_confidence).judge(doc.claims, doc.sentences, doc.sentence_vectors,
                                                         published=doc.published, contexts=doc.figure_contexts)


def summarise(doc: Document, max_sentences: int, backend: str, model: Optional[str]) -> None:
    """reads text, sentences, sentence_vectors, encoded, quantities; writes summary (from the encoded sentences)."""
    import dataclasses

    from .summarize import summarize as summarize_text

    rows = doc.encoded if doc.encoded is not None else list(range(len(doc.sentences)))
    vectors = doc.sentence_vectors[rows] if doc.sentence_vectors is not None else None
    if backend != "extractive" and len(rows) < len(doc.sentences):
        # a summarisation model reads the whole article; summarize() encodes what is missing
        rows, vectors = list(range(len(doc.sentences))), None
    summary = summarize_text(
        doc.text,
        max_sentences=max_sentences,
        backend=backend,
        model=model,
        sentences=[doc.sentences[i] for i in rows],
        sentence_vectors=vectors,
        published=doc.published,
        article_figures=figures(doc),
    )
    # indices into the article's sentences, not into the encoded ones
    doc.summary = dataclasses.replace(summary, sentence_indices=[rows[i] for i in summary.sentence_indices])


# --- the public entry points -------------------------------------------------

def open_facts(facts: str | Path | Iterable[dict | Fact], encoder) -> "ReferenceStore":  # noqa: F821
    """A throwaway in-memory store holding `facts` (a fact file or an iterable of facts)."""
    from .store import ReferenceStore

    if isinstance(facts, str) and facts.lstrip()[:1] in ("{", "["):
        raise InputError("facts is the path of a fact file or a list of facts, not JSON text: parse it first "
                         "(json.loads) or write it to a .jsonl file.")
    if isinstance(facts, Mapping):
        raise InputError("facts is one fact (a dict); give a list of facts: facts=[fact].")
    if hasattr(facts, "to_dict") and hasattr(facts, "columns"):  # a pandas DataFrame, one fact a row
        facts = facts.to_dict("records")
    store = ReferenceStore.in_memory(encoder=encoder)
    if isinstance(facts, (str, Path)):
        store.add_file(facts)
    else:
        store.add(list(facts))
    return store


def readable_article(text: str) -> str:
    """The article as claimcheck reads it (textio.readable), refused when empty, too long or no text, also
    when it held only invisible characters."""
    read = readable(validate_text(text))
    if not read.strip():
        raise InputError("The article is empty.")
    return read


def start_document(text: str, published: str | dt.date | None) -> Document:
    """The Document of an article's text as claimcheck reads it (textio.readable: NFC form, no invisible
    characters), with the warnings the text calls for (decomposed letters, invisible characters, not German)."""
    doc = Document(text=readable_article(text), published=parse_published(published))
    nfc = composed(text)
    if nfc != text:
        doc.warnings.append(NFC_WARNING)
    if doc.text != nfc:
        doc.warnings.append(INVISIBLE_WARNING)
    warning = language_warning(doc.text)
    if warning:
        doc.warnings.append(warning)
    return doc


def check(
    text: str,
    *,
    store=None,
    facts: str | Path | Sequence[dict | Fact] | None = None,
    published: str | dt.date | None = None,
    encoder=None,
    max_summary_sentences: int = 3,
    summary_backend: str = "extractive",
    summary_model: Optional[str] = None,
    min_confidence: Optional[float] = None,
) -> Report:
    """Summarise `text`, extract its checkable claims and judge each against the facts.

    `store` is a ReferenceStore; `facts` (a JSONL/CSV/Parquet path or a list of
    facts) builds a throwaway one. Without either every verdict is NOT_ENOUGH_INFO.
    A SUPPORTED or CONTRADICTED verdict with a confidence below `min_confidence` (default: the
    floor fitted with the verifier model; 0 withholds none) is reported NOT_ENOUGH_INFO, and its
    reason names the fact and the withheld verdict.
    """
    from .models import get_encoder
    from .verify import valid_floor

    if store is not None and facts is not None:
        raise InputError("Give either a store or facts, not both.")
    if isinstance(store, (str, Path)):
        raise InputError(f"store must be an open store, ReferenceStore.open({str(store)!r}), or pass a fact file as facts=.")
    valid_floor(min_confidence)
    doc = start_document(text, published)
    encoder = encoder or get_encoder()

    split_into_sentences(doc)
    find_published(doc)
    encode_sentences(doc, encoder)
    find_claims(doc)
    owned_store = open_facts(facts, encoder) if facts is not None else None
    try:
        if owned_store is not None or store is not None:
            judge_claims(doc, owned_store if owned_store is not None else store, min_confidence)
    finally:
        if owned_store is not None:
            owned_store.close()
    summarise(doc, max_summary_sentences, summary_backend, summary_model)
    return doc.report()


def extract_claims(text: str, *, published: str | dt.date | None = None) -> list[Claim]:
    """The checkable claims of `text` (no verdicts), without loading an encoder."""
    from .claims import extract_claims as _extract

    return _extract(readable_article(text), published=parse_published(published))


def summarize(text: str, *, max_sentences: int = 3, backend: str = "extractive", model: Optional[str] = None,
              notes: Optional[list[str]] = None) -> str:
    """A short summary of `text` (extractive by default; see claimcheck.summarize).

    Pass a list as `notes` to receive what the faithfulness check did (repairs, fallbacks).
    """
    from .summarize import summarize as _summarize

    summary = _summarize(readable_article(text), max_sentences=max_sentences, backend=backend, model=model)
    if notes is not None:
        notes.extend(summary.notes)
    return summary.text
