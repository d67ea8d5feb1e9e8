"""Does a summary state only figures and names that its article states?

Every quantity in the summary (read with the German quantity reader) must have a
twin in the article: same kind and value, the same unit where both name one,
the same date or date interval. A twin may differ in hedge ("rund 800 Millionen
Dollar" for "800 Millionen Dollar"); a quantity written exactly as in the
article also passes, since a copied figure may read differently out of its
context. Every name in the summary (claimcheck.subjects' mentions, plus
acronyms, CamelCase words, runs of capitalised words and words after a title,
listed in claimcheck/lang/de/summaries.toml) must occur in the article.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Optional, Sequence

from ..types import Quantity


@dataclass
class Faithfulness:
    ok: bool
    problems: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _names_table() -> dict:
    text = resources.files("claimcheck.lang.de").joinpath("summaries.toml").read_text("utf-8")
    names = tomllib.loads(text)["names"]
    return {"not_names": frozenset(names["not_names"]), "titles": frozenset(names["titles"])}


# --- figures -----------------------------------------------------------------

def _same_number(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def same_reading(summary_q: Quantity, article_q: Quantity) -> bool:
    """Do two quantities state the same figure (hedge aside)?"""
    if summary_q.kind != article_q.kind or not _same_number(summary_q.value, article_q.value):
        return False
    if summary_q.unit and article_q.unit and summary_q.unit != article_q.unit:
        return False
    if summary_q.kind == "date":
        return summary_q.date == article_q.date or (
            summary_q.date_low is not None
            and (summary_q.date_low, summary_q.date_high) == (article_q.date_low, article_q.date_high)
        )
    return summary_q.kind == "duration" or summary_q.date == article_q.date or summary_q.date is None


def _normalised(text: str) -> str:
    return " ".join(text.split())


def article_figures_of(article: str, published: Optional[dt.date],
                       given: Optional[Sequence[Quantity]] = None) -> Sequence[Quantity]:
    """The article's figures: `given` when the caller read them already, else read now."""
    if given is not None:
        return given
    from ..quantities import read_quantities

    return read_quantities(article, published=published)


def figure_problems(
    summary_qs: list[Quantity], article: str, *, published: Optional[dt.date] = None,
    article_figures: Optional[Sequence[Quantity]] = None,
) -> list[str]:
    """One message per summary figure that the article does not state (`article_figures`: the
    article's figures when the caller has read them already)."""
    article_qs = article_figures_of(article, published, article_figures)
    article_texts = {_normalised(q.text).lower() for q in article_qs}
    problems = []
    for q in summary_qs:
        if any(same_reading(q, a) for a in article_qs) or _normalised(q.text).lower() in article_texts:
            continue
        problems.append(f"The figure '{q.text}' is not stated in the article.")
    return problems


# --- names -------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*")
_INTERNAL_CAPITAL = re.compile(r"[a-zäöüß][A-ZÄÖÜ]")
_ACRONYM = re.compile(r"^[A-ZÄÖÜ]{2,}")


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _name_like_words(text: str) -> list[str]:
    """Names by shape: acronyms, CamelCase, runs of capitalised words, a word after a title."""
    table = _names_table()
    found: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        words = _WORD.findall(sentence)
        for i, word in enumerate(words):
            if not _capitalised(word) or word in table["not_names"]:
                continue
            head = word.split("-")[0]
            neighbours = [w for w in (words[i - 1] if i > 0 else "", words[i + 1] if i + 1 < len(words) else "")]
            in_run = any(
                _capitalised(w) and w not in table["not_names"] and w not in table["titles"] for w in neighbours
            )
            after_title = i > 0 and words[i - 1] in table["titles"]
            if _INTERNAL_CAPITAL.search(head) or _ACRONYM.match(head) or after_title or (in_run and word not in table["titles"]):
                found.append(word)
    return found


def _subject_mentions(text: str) -> list[str]:
    """The names claimcheck.subjects finds in `text` (the claim extractor's notion of a subject)."""
    from ..sentences import split_sentences
    from ..subjects import SubjectFinder

    finder = SubjectFinder(text, split_sentences(text))
    return [m.name for sentence in finder.mentions for m in sentence]


def _occurs(name: str, article: str) -> bool:
    """Is `name` written in the article, allowing a genitive -s either way ("Trumps" ~ "Trump") and a place's
    adjective ("Hamburger Flughafen", "Wiener Mieten": the subject rules name the place "Hamburg", "Wien")?"""
    forms = {name, name + "s", name + "er", name + "ern"}
    if name.endswith(("s", "’", "'")) and len(name) > 3:
        forms.add(name[:-1])
    return any(re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", article) for form in forms)


def name_problems(summary: str, article: str, figure_spans: list[tuple[int, int]] = ()) -> list[str]:
    """One message per name in the summary that the article does not contain.

    `figure_spans` are the summary's figures: their words ("1,2 Milliarden Dollar") are no names.
    """
    masked = list(summary)
    for start, end in figure_spans:
        masked[start:end] = " " * (end - start)
    masked_summary = "".join(masked)
    flat_article = _normalised(article)
    problems: list[str] = []
    reported: set[str] = set()
    for name in _subject_mentions(masked_summary) + _name_like_words(masked_summary):
        name = _normalised(name)
        if name in reported or any(name in r.split() for r in reported):
            continue
        # A multi-word name passes when the article has it whole or each capitalised part of it
        # ("Donald Trump" for an article that writes "Donald J. Trump").
        parts = [w for w in name.split() if _capitalised(w)] or [name]
        if _occurs(name, flat_article) or all(_occurs(p, flat_article) for p in parts):
            continue
        reported.add(name)
        problems.append(f"The name '{name}' does not occur in the article.")
    return problems


def check_faithfulness(summary: str, article: str, *, published: Optional[dt.date] = None,
                       article_figures: Optional[Sequence[Quantity]] = None) -> Faithfulness:
    """Check that every figure and name in `summary` is stated by `article` (`article_figures`:
    `read_quantities(article, published=published)` when the caller has it already)."""
    if not isinstance(summary, str) or not isinstance(article, str):
        raise ValueError("check_faithfulness needs the summary and the article as text (str).")
    from ..quantities import read_quantities

    summary_qs = read_quantities(summary, published=published)
    problems = figure_problems(summary_qs, article, published=published, article_figures=article_figures) + name_problems(
        summary, article, [(q.start, q.end) for q in summary_qs]
    )
    return Faithfulness(ok=not problems, problems=problems)
