"""The spaCy pipeline that claimcheck.sentences replaced, kept as the test oracle.

claimcheck/sentences.py re-does spaCy's `blank("de")` tokenizer and rule-based
sentencizer in plain Python (importing spaCy cost about 2 s of every start).
This is the spaCy version it replaced, verbatim but for reading the same
table, so that tests/test_sentences.py can check the port against the real
library on fuzzed text. spaCy is a test dependency only.
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from claimcheck.sentences import _is_hard_wrapped  # a text-level test, not part of the tokenizer port
from claimcheck.types import Sentence

# "3.", "2019.", "76.500.", "Z4.": a token that may be an ordinal or a figure ending a sentence.
_NUMBER_WITH_STOP = re.compile(r"^\w*\d[\d.,/]*\.$")
# A year or a figure with thousands separators or decimals is no ordinal: "seit 2011. Traun"
# and "mehr als 165.000. Normalerweise" end there (ordinals of 1800 and up hardly occur).
_NOT_AN_ORDINAL = re.compile(r"^(?:1[89]\d\d|2[01]\d\d|\d{1,3}(?:\.\d{3})+|\d+,\d+)\.$")


@lru_cache(maxsize=1)
def _table() -> dict:
    return tomllib.loads(resources.files("claimcheck.lang.de").joinpath("sentences.toml").read_text("utf-8"))


def _has_word_char(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _mend_boundaries(doc):
    """spaCy component: adjust `is_sent_start` after the sentencizer (see module docstring)."""
    table = _table()
    openers = set(table["openers"])
    sentence_openers = set(table["sentence_openers"])
    continuers = set(table["line_continuers"])
    hard_wrapped = _is_hard_wrapped(doc.text)
    first_newline = doc.text.find("\n")
    tokens = list(doc)
    n = len(tokens)

    def number_ends_sentence(tok, nxt) -> bool:
        return bool(_NUMBER_WITH_STOP.match(tok.text)) and (
            nxt.text in sentence_openers or (bool(_NOT_AN_ORDINAL.match(tok.text)) and nxt.text[:1].isupper()))
    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if "\n" in tok.text or "\n" in tok.whitespace_:
            # The next real token starts a sentence, unless the line continues a wrapped sentence: it
            # starts in lower case, or the line before ends in a word no sentence ends in (one line break).
            j = i + 1
            while j < n and tokens[j].is_space:
                j += 1
            k = i
            while k >= 0 and tokens[k].is_space:
                k -= 1
            between = doc.text[tokens[k].idx + len(tokens[k].text):tokens[j].idx] if k >= 0 and j < n else ""
            newline = tok.idx + (tok.text + tok.whitespace_).index("\n")
            wrapped = k >= 0 and between.count("\n") == 1 and (
                tokens[k].text in continuers
                or (hard_wrapped and newline != first_newline
                    and not (j < n and number_ends_sentence(tokens[k], tokens[j]))))
            if j < n and not tokens[j].text[:1].islower() and not wrapped:
                tokens[j].is_sent_start = True
        elif number_ends_sentence(tok, nxt):
            nxt.is_sent_start = True
    # An opener at the very end of a sentence belongs to the next one.
    for i in range(1, n):
        if tokens[i].is_sent_start and tokens[i - 1].text in openers and not tokens[i - 1].is_sent_start:
            tokens[i - 1].is_sent_start = True
            tokens[i].is_sent_start = False
    # Debris-only sentences (punctuation and spaces) join the sentence before them.
    starts = [i for i in range(n) if i == 0 or tokens[i].is_sent_start]
    for k, s in enumerate(starts):
        if s == 0:
            continue
        e = starts[k + 1] if k + 1 < len(starts) else n
        piece = "".join(t.text_with_ws for t in tokens[s:e])
        if not _has_word_char(piece):
            tokens[s].is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def _nlp():
    """The German pipeline, built once per process (no model download: blank + rules)."""
    import spacy
    from spacy.language import Language
    from spacy.symbols import ORTH

    if not Language.has_factory("claimcheck_mend_sentences"):
        Language.component("claimcheck_mend_sentences", func=_mend_boundaries)
    nlp = spacy.blank("de")
    for abbreviation in _table()["abbreviations"]:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("claimcheck_mend_sentences")
    return nlp


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of `text`; `text[s.start:s.end] == s.text`, surrounding whitespace excluded."""
    if not isinstance(text, str):
        raise ValueError(f"split_sentences needs a str, not {type(text).__name__}.")
    if not text.strip():
        return []
    doc = _nlp()(text)
    sentences: list[Sentence] = []
    for span in doc.sents:
        start, end = span.start_char, span.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            sentences.append(Sentence(text=text[start:end], start=start, end=end))
    return sentences
