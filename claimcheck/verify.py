"""Verdicts: for each claim, find facts about the same subject and measure, then compare.

1. Retrieve candidate facts with the claim's sentence vector (cross-lingual e5).
2. Relatedness: a logistic model over a few features (cosine, lexical overlap,
   subject named in the fact, regions, time gap) gives P(the fact is about the
   same subject and measure). Facts naming other regions (US vs worldwide) or
   measuring other units (users vs employees, USD vs EUR) are never compared.
3. Compare figures as numbers and dates (claimcheck.compare).
4. The verdict layer, a three-way logistic model over the best agreeing and the best
   disagreeing fact (their relatedness, how telling the agreement, how far apart the
   disagreeing figures, whether the counted nouns match), picks SUPPORTED, CONTRADICTED
   or NOT_ENOUGH_INFO; a disagreeing fact whose figure is another figure of the claim's
   sentence is never weighed, nor is one that another claim of the article is clearly more
   related to. A model without that layer (hand-built ones) decides by
   thresholds instead: SUPPORTED when a related fact agrees (P >= support threshold),
   CONTRADICTED when one disagrees (P >= contradict threshold), else NOT_ENOUGH_INFO.
The weights, the verdict layer, the thresholds and the confidence calibration are fitted
on the project's verification set (eval/fit_verifier.py) and shipped in
claimcheck/resources/verifier.json.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Optional, Sequence

import numpy as np

from .compare import (Comparison, compare, comparable, date_span_days, generic_people_unit, same_count_unit,
                      year_written)
from .facts_io import as_of_interval
from .quantities import framing_year, read_quantities
from .textio import InputError
from .types import Claim, Evidence, Fact, Quantity, Sentence

FEATURES = ("cosine", "lexical", "subject", "region", "unit", "age", "cosine_margin", "agreement",
            "distance", "is_date", "fact_figures", "cross_lingual", "measure_words", "measure_in_fact",
            "sibling", "article_figure", "counted_noun", "figure_context", "clause_words")
# cosine_margin: how far the fact's cosine lies above the best other comparable fact that is not about
# another figure of the claim's sentence (the one fact written about this very figure usually stands
# out); agreement: the comparison's specificity when the figures agree (an exact match of a specific
# number is evidence of being about the same thing), 0 when they disagree; distance: how far apart disagreeing
# figures lie (a figure of the same measure is rarely orders of magnitude away); is_date:
# dates and deadlines (many events share a subject); fact_figures: 1 / the fact's comparable figures;
# cross_lingual: the fact is not German (cosines and shared words run lower across languages);
# measure_words: share of the words next to the claim's figure ("Bewerbungen", "geboren") that
# stand next to the fact's figure too; measure_in_fact: the same share over the whole fact;
# sibling: how tellingly the fact's figure agrees with another figure of the claim's sentence ("zwei
# Milliarden ... davon 1,6 Milliarden"; a year inside a decade barely), so that the fact is about that
# figure, not the claim's (from SIBLING_VETO on it never contradicts the claim); article_figure: the same
# for the article's other claims, as the specificity of that agreement (a year matches by chance);
# counted_noun: whether two counts count the same thing ("vier Israelis" vs "5 Palästinenser": 0);
# figure_context: the cosine of the encoder's token states around the claim's figure and around the
# fact's (Encoder.encode_with_contexts; "150 Termine angesetzt" vs "300 Impftermine angesetzt"), NaN
# where either has none (VerifierModel.missing_features stands in); clause_words: measure_words over the
# words of the claim's own clause only (clause_measure_words: "56 Prozent über eine mittlere Ausbildung"
# after "33,47 Prozent ... über einen Pflichtschulabschluss,"), measure_words where that clause has none.
CANDIDATES = 20  # facts retrieved per claim before the relatedness model
TIME_VARYING_KINDS = ("count", "percent", "quantity")  # figures that go stale; events and prices do not
# Years from which a reason names a fact's distance in time: the closest fact of a NOT_ENOUGH_INFO from about
# five weeks (the fitted model weighs age heavily), the fact a verdict rests on from a year (weaker evidence)
AGE_NOTED = 0.1
AGE_WEAKER = 1.0


@dataclass
class VerifierModel:
    weights: list[float]
    bias: float
    support_threshold: float
    contradict_threshold: float
    calibration: dict[str, list[float]]  # verdict -> Platt [a, b]: confidence = sigmoid(a * p + b)
    fitted_on: str
    # A contradiction stands only if no agreeing fact comes within this much relatedness of it:
    # facts that disagree among themselves are not enough to call a claim wrong.
    conflict_margin: float = 1.0
    # The verdict layer: {"verdicts": [3 names], "weights": [3 rows over VERDICT_FEATURES], "bias": [3]};
    # the verdict is the most probable one. None: the thresholds above decide.
    verdict_layer: Optional[dict] = None
    # A disagreeing fact that another claim of the article relates to more than this much above this
    # claim, in log-odds, is about that claim and never weighed against this one (Verifier.judge). None:
    # not applied.
    rival_margin: Optional[float] = None
    # A SUPPORTED or CONTRADICTED verdict whose confidence is below this floor is withheld
    # (NOT_ENOUGH_INFO, the reason names the fact): weak evidence is mostly a fact of another story
    # whose year or small number matches by chance.
    min_confidence: float = 0.0
    # The value a feature takes where it cannot be computed (its mean over the training pairs): a fact
    # stored without context vectors, an encoder without token states.
    missing_features: dict[str, float] = field(default_factory=dict)

    @classmethod
    def load(cls, path=None) -> "VerifierModel":
        text = (open(path, encoding="utf-8").read() if path else
                resources.files("claimcheck.resources").joinpath("verifier.json").read_text("utf-8"))
        data = json.loads(text)
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})

    def relatedness(self, features: np.ndarray) -> np.ndarray:
        """P(the facts whose features are given are about the claim's subject and measure)."""
        if features.shape[-1] != len(self.weights):
            raise ValueError(f"the verifier model has {len(self.weights)} weights for {features.shape[-1]} features: "
                             "refit it with `python -m eval.fit_verifier`")
        return _sigmoid(with_stand_ins(features, self.missing_features) @ np.asarray(self.weights) + self.bias)

    def verdict_probabilities(self, features: np.ndarray) -> dict[str, float]:
        """P(each verdict) from the verdict layer, for a claim's verdict_features()."""
        layer = self.verdict_layer
        if len(layer["weights"][0]) != len(features):
            raise ValueError(f"the verdict layer has {len(layer['weights'][0])} weights for {len(features)} features: "
                             "refit it with `python -m eval.fit_verifier`")
        scores = np.asarray(layer["weights"]) @ features + np.asarray(layer["bias"])
        exp = np.exp(scores - scores.max())
        return dict(zip(layer["verdicts"], (exp / exp.sum()).tolist()))

    def confidence(self, verdict: str, p: float) -> float:
        a, b = self.calibration[verdict]
        return float(_sigmoid(a * p + b))


def with_stand_ins(features: np.ndarray, missing: dict[str, float]) -> np.ndarray:
    """`features` (columns over FEATURES) with each NaN replaced by its feature's value in `missing` (0 where none)."""
    features = np.asarray(features, dtype=float)
    if not np.isnan(features).any():
        return features
    return np.where(np.isnan(features), np.array([missing.get(name, 0.0) for name in FEATURES]), features)


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=float)))


# --- features -------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+", re.U)


def normalise_name(text: str) -> str:
    """'Musical.ly' -> 'musically', 'ByteDance' -> 'bytedance': names compared without case and punctuation."""
    return "".join(_TOKEN.findall(text.lower()))


@lru_cache(maxsize=1)
def _region_patterns() -> dict[str, re.Pattern]:
    data = tomllib.loads(resources.files("claimcheck.lang").joinpath("regions.toml").read_text("utf-8"))
    return {
        code: re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                         + r")(?![\w])", re.I)
        for code, forms in data["regions"].items()
    }


@lru_cache(maxsize=4096)  # a claim's sentence is matched against every candidate fact
def regions(text: str) -> frozenset[str]:
    """The regions a text names (US, GLOBAL, DE, ...): 'US-Nutzer' and 'in den USA' both give US."""
    return frozenset(code for code, pattern in _region_patterns().items() if pattern.search(text))


@dataclass(frozen=True)
class StateTable:
    """The [states] of regions.toml: one pattern over every state's and country's forms, longest first."""
    pattern: re.Pattern
    states: dict[str, str]  # form -> state code ("bayern" -> "DE-BY")
    countries: dict[str, str]  # form naming the country as a place -> its code ("deutschland" -> "DE")


@lru_cache(maxsize=1)
def _state_table() -> StateTable:
    data = tomllib.loads(resources.files("claimcheck.lang").joinpath("regions.toml").read_text("utf-8"))
    states, countries = {}, {}
    for country, table in data["states"].items():
        for code, forms in table.items():
            for form in forms:
                if code == "country":
                    countries[form] = country
                else:
                    states[form] = f"{country}-{code}"
    alternatives = "|".join(re.escape(f) for f in sorted({**states, **countries}, key=len, reverse=True))
    return StateTable(re.compile(r"(?<![\w-])(" + alternatives + r")s?(?![\w])", re.I), states, countries)


@lru_cache(maxsize=4096)
def places(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The states a text names ("DE-BY") and the countries with states it names as places ("DE")."""
    table = _state_table()
    found = [m.group(1).lower() for m in table.pattern.finditer(text)]
    return (frozenset(table.states[f] for f in found if f in table.states),
            frozenset(table.countries[f] for f in found if f in table.countries))


def another_state(claim_clause: str, fact_text: str) -> bool:
    """Whether the figure's clause and the fact name different states, or one names a country and the other
    only a state of it ("In Deutschland ... 410 neue Todesfälle" against "für Sachsen 62 neue Todesfälle")."""
    claim_states, claim_countries = places(claim_clause)
    fact_states, fact_countries = places(fact_text)
    if claim_states and fact_states:
        return not (claim_states & fact_states)

    def state_only(states, countries, other_countries):
        return any(s.split("-")[0] in other_countries - countries for s in states)
    return (state_only(fact_states, fact_countries, claim_countries)
            or state_only(claim_states, claim_countries, fact_countries))


def subject_named(subject: Optional[str], fact: Fact) -> float:
    if not subject:
        return 0.5
    name = normalise_name(subject)
    if not name:
        return 0.5
    if fact.subject and normalise_name(fact.subject) == name:
        return 1.0
    # a short name ("TK", "EU") only as a word of its own: as part of the text's letters it is everywhere
    if (name in _TOKEN.findall(fact.text.lower())) if len(name) <= 3 else (name in normalise_name(fact.text)):
        return 1.0
    # "TK" and "Techniker Krankenkasse", "RKI" and "Robert Koch Institute": a name and its initials
    return 1.0 if (subject in initials(fact.text)) or (initials(subject) & set(_ACRONYM.findall(fact.text))) else 0.0


_ACRONYM = re.compile(r"\b[A-ZÄÖÜ]{2,5}\b")
_CAPITALISED_RUN = re.compile(r"[A-ZÄÖÜ][\w]+(?:[ -][A-ZÄÖÜ][\w]+)+")


def initials(text: str) -> set[str]:
    """The initials of two to five capitalised words in a row ("Das Robert Koch-Institut" -> "RKI", among others)."""
    out = set()
    for run in _CAPITALISED_RUN.findall(text):
        letters = [w[0] for w in re.split(r"[ -]", run)]
        out.update("".join(letters[i:j]) for i in range(len(letters)) for j in range(i + 2, min(i + 5, len(letters)) + 1))
    return out


def age_years(claim: Claim, fact: Fact, published: Optional[dt.date]) -> float:
    """How far the days the fact's `as_of` stands for lie from the claim's time (its publication day, or a date its
    sentence writes with a year), in years:
    0 where they hold that day, and for figures that do not go stale. An `as_of` of a year stands for all its
    days, so last year's annual figure reported in March is a quarter of a year off, not most of one (from the
    year's middle it was 0.72 years, and the model's weight of about -14 a year then hid the fact)."""
    if claim.quantity.kind not in TIME_VARYING_KINDS or published is None or not fact.as_of:
        return 0.0
    try:
        first, last = (dt.date.fromisoformat(day) for day in as_of_interval(fact.as_of))
    except (TypeError, ValueError):
        return 0.0
    # A figure its sentence dates ("nach 75,6 Prozent im Jahr 2019") is of that time too: a fact dated then is
    # as fresh for it as one dated on the publication day
    times = [(published, published)] + sentence_years(claim, published)
    days = min((lo - last).days if last < lo else (first - hi).days if hi < first else 0 for lo, hi in times)
    return min(5.0, days / 365.25)


def sentence_years(claim: Claim, published: Optional[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """The days of the dates the claim's sentence writes with their year (not a time a figure is compared with),
    and of the year a phrase such as "im vergangenen Jahr" names for the claim's figure (framing_year)."""
    start = claim.quantity.start - claim.sentence_start
    year = framing_year(claim.sentence, start, start + len(claim.quantity.text), published)
    out = [(dt.date(year, 1, 1), dt.date(year, 12, 31))] if year is not None and dt.MINYEAR <= year <= dt.MAXYEAR else []
    for q in _sentence_figures(claim.sentence, published):
        if q.kind == "date" and q.relation != "compared" and q.date_low and q.date_high and year_written(q):
            try:
                out.append((dt.date.fromisoformat(q.date_low), dt.date.fromisoformat(q.date_high)))
            except ValueError:
                continue
    return out


# A time-varying figure of a sentence that names one day is that day's ("625 Neuinfektionen am Sonntag"); a
# fact that names one other day, more than this many days away, is about another day's figure ("32.195
# Neuinfektionen am 24. Dezember") and neither supports nor contradicts it. A day apart is allowed: a figure
# reported on Monday is often Sunday's. Measured as a veto (session 19): held out 0.810 -> 0.817, shipped
# 0.806 -> 0.809, unseen articles 0.815 either way; with the stress facts in the store 0.577 -> 0.578 and the
# main set's false verdicts without its article's facts 11.9 % -> 11.1 %.
OTHER_DAY_GAP = 1


def named_day(figures: Sequence[Quantity]) -> Optional[dt.date]:
    """The day `figures` name when their only date is one plain day (no "bis", "seit"); None where they name
    no date or several ("vom 1. Jänner bis 30. März" is a period, not its first day)."""
    dates = [q for q in figures if q.kind == "date"]
    if len(dates) != 1 or dates[0].relation is not None or not dates[0].date_low or dates[0].date_low != dates[0].date_high:
        return None
    return dt.date.fromisoformat(dates[0].date_low)


def figure_day(claim: Claim, published: Optional[dt.date]) -> Optional[dt.date]:
    """The day a time-varying figure of the claim is of: the one plain day its sentence names, else None."""
    if claim.quantity.kind not in TIME_VARYING_KINDS:
        return None
    return named_day(_sentence_figures(claim.sentence, published))


def about_another_day(day: Optional[dt.date], fact: Fact) -> bool:
    """Whether the fact names one day more than OTHER_DAY_GAP from `day` (the claim's figure_day)."""
    fact_day = named_day(fact.quantities) if day else None
    return fact_day is not None and abs((fact_day - day).days) > OTHER_DAY_GAP


VALUE_KINDS = ("count", "money", "percent", "quantity")


def dates_another_figure(claim: Claim, fact: Fact, published: Optional[dt.date]) -> bool:
    """Whether a date claim and a fact date different figures: both state figures besides their dates, and none
    of the fact's agrees with one of the claim's sentence ("den Zusatzbeitrag für 2025 auf 2,5 Prozent festgelegt"
    against "lag 2024 bei 1,7 Prozent": the fact's 2024 dates its 1,7 %, another year's figure, and neither
    confirms nor denies the 2025; so too against "steigt zum 1. Januar 2025 um 0,8 Prozentpunkte", a change where
    the fact has a level, which cannot be compared at all). The mirror of about_another_day: there a figure of
    another day, here a day of another figure."""
    if claim.quantity.kind != "date":
        return False
    mine = [q for q in other_sentence_figures(claim, published) if q.kind in VALUE_KINDS]
    theirs = [q for q in fact.quantities if q.kind in VALUE_KINDS]
    return bool(mine) and bool(theirs) and not any(c.agree for a in mine for b in theirs if (c := compare(a, b)) is not None)


def _one_year(figures: Sequence[Quantity]) -> Optional[int]:
    """The one year that the points in time among `figures` write (no span such as "seit 2011", no time a figure
    is compared with); None where they write none or several."""
    years = {int(q.date_low[:4]) for q in figures
             if q.kind == "date" and q.relation is None and q.date_low and q.date_high
             and q.date_low[:4] == q.date_high[:4] and year_written(q)}
    return years.pop() if len(years) == 1 else None


def figure_year(claim: Claim, published: Optional[dt.date]) -> Optional[int]:
    """The one year a value's clause dates it by: a written year ("Der Umsatz stieg 2024 auf 8,9 Milliarden Euro"),
    else a phrase such as "im Vorjahr" (framing_year); None for dates and durations, and where it names none."""
    if claim.quantity.kind not in VALUE_KINDS:
        return None
    start = claim.quantity.start - claim.sentence_start
    end = start + len(claim.quantity.text)
    left, right, text = _figure_clause_span(claim.sentence, start, end)
    year = _one_year([q for q in _sentence_figures(claim.sentence, published)
                      if left <= q.start and q.end <= right and text[q.start:q.end].strip()])  # not in left-out brackets
    return year if year is not None else framing_year(claim.sentence, start, end, published)


def about_another_year(year: Optional[int], fact: Fact) -> bool:
    """Whether the fact writes one year other than `year` (the claim's figure_year): "Für 2025 erwartet der Konzern
    8,7 bis 9,1 Milliarden Euro" is another year's figure than the 2024 revenue, and neither supports nor contradicts
    it. A fact that writes no year is not judged by its `as_of`, which often dates the report rather than the figure."""
    theirs = _one_year(fact.quantities) if year is not None else None
    return theirs is not None and theirs != year


# --- what a figure measures: the words next to it ---------------------------------------

MEASURE_WINDOW = 4  # content words on each side of a figure that may say what it counts
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.U)


@dataclass(frozen=True)
class MeasureWords:
    """claimcheck/lang/measures.toml, read once: stem endings, words that name no measure, concepts,
    and where a figure's clause ends."""
    endings: dict[str, tuple[str, ...]]
    stopwords: dict[str, frozenset[str]]
    concepts: tuple[tuple[str, str], ...]  # (stem, concept), German and English words alike
    clause_punctuation: re.Pattern
    clause_conjunctions: re.Pattern


@lru_cache(maxsize=1)
def _measure_table() -> MeasureWords:
    from .textio import function_words

    data = tomllib.loads(resources.files("claimcheck.lang").joinpath("measures.toml").read_text("utf-8"))
    endings = {lang: tuple(sorted(data["stems"][f"{lang}_endings"], key=len, reverse=True)) for lang in ("de", "en")}
    stopwords = {"de": frozenset(data["stopwords"]["de"]) | function_words("de"),
                 "en": frozenset(data["stopwords"]["en"])}
    clauses = data["clauses"]
    punctuation = re.compile("|".join(re.escape(p) for p in clauses["punctuation"]))
    conjunctions = re.compile(r"\b(?:" + "|".join(map(re.escape, clauses["de_conjunctions"])) + r")\b")
    table = MeasureWords(endings, stopwords, (), punctuation, conjunctions)
    concepts = tuple((_stem(word, "de", table), concept) for concept, words in data["concepts"].items()
                     for word in words)
    return dataclasses.replace(table, concepts=concepts)


def _stem(word: str, lang: str, table: MeasureWords) -> str:
    word = word.lower()
    for ending in table.endings["en" if lang == "en" else "de"]:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _same_stem(a: str, b: str) -> bool:
    """Equal stems, or a compound and its part ('sozialleistung' ~ 'leistung', 'wahlkart' ~ 'wahlkarte')."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return (len(short) >= 4 and long.endswith(short)) or (len(short) >= 5 and long.startswith(short))


@lru_cache(maxsize=65536)
def _measure_word(word: str, lang: str) -> Optional[tuple[str, Optional[str]]]:
    """(stem, concept) of a content word; None for words that name no measure."""
    table = _measure_table()
    if len(word) < 3 or word.lower() in table.stopwords["en" if lang == "en" else "de"]:
        return None
    stem = _stem(word, lang, table)
    concept = next((c for s, c in table.concepts if _names_concept(stem, s)), None)
    return stem, concept


def _names_concept(stem: str, concept_stem: str) -> bool:
    """Whether a word is the concept's word or a compound of it ('neuinfektion' names 'infektion');
    not the other way round: 'fäll' (Fälle) is no 'todesfäll'."""
    return stem == concept_stem or (len(concept_stem) >= 4 and stem.endswith(concept_stem)) or (
        len(concept_stem) >= 5 and stem.startswith(concept_stem))


@lru_cache(maxsize=8192)  # a claim's words are asked once per candidate fact, a fact's once per claim that finds it
def measure_words(text: str, start: int, end: int, lang: str, window: Optional[int] = MEASURE_WINDOW
                  ) -> tuple[tuple[str, Optional[str]], ...]:
    """The content words within `window` words of text[start:end] (all of the text's with window=None)."""
    def content(matches):
        return [w for m in matches if (w := _measure_word(m.group(), lang)) is not None]
    if window is None:
        return tuple(content(_WORD.finditer(text)))
    before = content(_WORD.finditer(text, 0, start))[-window:]
    after = content(_WORD.finditer(text, end))[:window]
    return tuple(before + after)


@lru_cache(maxsize=4096)  # asked once per candidate fact of the claim
def clause_measure_words(sentence: str, start: int, end: int, others: tuple[tuple[int, int], ...]
                         ) -> tuple[tuple[str, Optional[str]], ...]:
    """measure_words of sentence[start:end] within its own clause: not past a clause boundary, another
    figure of the sentence (`others`, their spans) or a conjunction that stands between the figure and
    another figure ("zwei Palästinenser getötet und vier Israelis verletzt": "Palästinenser getötet" for
    the two, "Israelis verletzt" for the four)."""
    table = _measure_table()
    between = [m.span() for m in table.clause_conjunctions.finditer(sentence)
               if (m.end() <= start and any(e <= m.start() for _, e in others))
               or (m.start() >= end and any(s >= m.end() for s, _ in others))]
    cuts = [m.span() for m in table.clause_punctuation.finditer(sentence)] + list(others) + between
    left, right = _between_cuts(sentence, start, end, cuts)
    return measure_words(sentence[left:right], start - left, end - left, "de")


def _between_cuts(sentence: str, start: int, end: int, cuts: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The span around sentence[start:end] that no cut crosses."""
    left = max((e for s, e in cuts if e <= start), default=0)
    right = min((s for s, e in cuts if s >= end), default=len(sentence))
    return left, right


_BRACKETED = re.compile(r"\([^()]*\)")


@lru_cache(maxsize=4096)  # asked once per candidate fact of the claim
def figure_clause(sentence: str, start: int, end: int) -> str:
    """The clause of sentence[start:end], between the clause punctuation around it (a dateline's dash too).
    Brackets are no clause ends: one that holds the figure belongs to what it follows ("Wien (plus 10,5
    Prozent)"); the others are left out ("dem Robert Koch-Institut (RKI) binnen 24 Stunden 410")."""
    left, right, text = _figure_clause_span(sentence, start, end)
    return text[left:right]


def _figure_clause_span(sentence: str, start: int, end: int) -> tuple[int, int, str]:
    """figure_clause()'s bounds in the sentence, and the sentence with the brackets it leaves out blanked."""
    text = _BRACKETED.sub(lambda m: m.group() if m.start() <= start and end <= m.end() else " " * len(m.group()),
                          sentence)
    cuts = [m.span() for m in _measure_table().clause_punctuation.finditer(text) if m.group() not in "()"]
    left, right = _between_cuts(text, start, end, cuts)
    return left, right, text


def measure_overlap(claim_words, fact_words) -> float:
    """Share of the claim's measure words that the fact has too (by stem, compound part or concept)."""
    if not claim_words:
        return 0.0
    found = sum(1 for stem, concept in claim_words
                if any(_same_stem(stem, s) or (concept is not None and concept == c) for s, c in fact_words))
    return found / len(claim_words)


def counted_noun(claim: Quantity, figure: Quantity, fact_lang: str) -> float:
    """Whether two counts count the same noun (by stem, compound head or concept): 1 the same, 0 another
    noun, 0.5 when a side names none or the languages differ and no concept links the nouns."""
    if claim.kind != "count" or not claim.noun or not figure.noun:
        return 0.5
    if claim.unit and figure.unit and same_count_unit(claim.unit, figure.unit):
        return 1.0  # the units table names both alike ("Personen" / "people", "Impfdosen" / "doses")
    a, b = _measure_word(claim.noun, "de"), _measure_word(figure.noun, fact_lang)
    if a is None or b is None:
        return 0.5
    if _same_stem(a[0], b[0]) or (a[1] is not None and a[1] == b[1]):
        return 1.0
    if generic_people_unit() in (claim.unit, figure.unit):
        return 0.5  # "Menschen" / "people" may be any persons the other side names
    return 0.0 if fact_lang == "de" or (a[1] is not None and b[1] is not None) else 0.5


@lru_cache(maxsize=4096)
def _sentence_figures(sentence: str, published: Optional[dt.date]) -> tuple[Quantity, ...]:
    return tuple(read_quantities(sentence, published=published))


def other_sentence_figures(claim: Claim, published: Optional[dt.date]) -> tuple[Quantity, ...]:
    """The figures of the claim's sentence other than its own (spans relative to the sentence)."""
    own_start = claim.quantity.start - claim.sentence_start
    own_end = claim.quantity.end - claim.sentence_start
    return tuple(q for q in _sentence_figures(claim.sentence, published) if q.end <= own_start or q.start >= own_end)


def sibling_figure(claim: Claim, figure: Quantity, comparison: Comparison, published: Optional[dt.date]) -> float:
    """How tellingly the fact's figure, disagreeing with the claim's, agrees with another figure of its
    sentence (the specificity of the best such agreement: a decade agrees with any of its years
    by chance, '4 Israelis' with 'vier Israelis' hardly); 0 when none."""
    if comparison.agree:
        return 0.0
    best = 0.0
    for other in other_sentence_figures(claim, published):
        match = compare(other, figure)
        if match is not None and match.agree:
            best = max(best, match.specificity)
    return best


class ArticleFigures:
    """The article's claimed figures, asked which of them a fact's figure agrees with.

    The answer for one fact figure is worked out once per article: the same facts come back
    for many of its claims, and comparing each with every figure of a claim-dense article
    was most of the verdicts' time."""

    def __init__(self, figures: Sequence[Quantity]):
        self.figures = list(figures)
        self._agreeing: dict[tuple[str, int, int], list[tuple[int, float]]] = {}

    def best_agreement(self, fact_id: str, figure: Quantity, skip_start: int) -> float:
        """The specificity of the best agreement of the fact's figure with an article figure other
        than the one starting at `skip_start` (0 when none)."""
        key = (fact_id, figure.start, figure.end)
        agreeing = self._agreeing.get(key)
        if agreeing is None:
            agreeing = self._agreeing[key] = [(other.start, match.specificity) for other in self.figures
                                              if (match := compare(other, figure)) is not None and match.agree]
        return max((specificity for start, specificity in agreeing if start != skip_start), default=0.0)


def other_figure_match(claim: Claim, fact: Fact, figure: Quantity, comparison: Comparison,
                       others: ArticleFigures) -> float:
    """How tellingly the fact's figure, disagreeing with the claim's, agrees with another figure of the
    article (the specificity of the best such agreement; 0 when none)."""
    if comparison.agree:
        return 0.0
    return others.best_agreement(fact.id, figure, claim.quantity.start)


def pair_features(claim: Claim, hit, comparison: Comparison, published: Optional[dt.date],
                  figure: Optional[Quantity] = None, others: Optional[ArticleFigures] = None,
                  sibling: Optional[float] = None, claim_context: Optional[np.ndarray] = None) -> Optional[np.ndarray]:
    """Features of a claim and a store hit, but cosine_margin (set by the caller, who sees all hits);
    `figure` is the fact's figure the comparison was made with, `sibling` its sibling_figure() when
    the caller worked it out already, `claim_context` the context vector of the claim's figure.
    None when the fact cannot be about the claim's measure (other regions, or other states)."""
    fact = hit.fact
    claim_regions, fact_regions = regions(claim.sentence), regions(fact.text)
    if claim_regions and fact_regions and not (claim_regions & fact_regions):
        return None
    own_start = claim.quantity.start - claim.sentence_start
    own_end = own_start + len(claim.quantity.text)
    # States from the figure's clause only: a sentence names places its other figures are about
    # ("Zwei Kuriere wurden ... festgenommen, ... ein Komplize in Hamburg geschnappt").
    if another_state(figure_clause(claim.sentence, own_start, own_end), fact.text):
        return None
    # Comparable money, percentages, durations and dates share their unit by construction;
    # only a count's noun says more (users = users is telling, a bare count is not).
    fact_lang = "de" if (fact.lang or "de") == "de" else "en"
    claim_words = measure_words(claim.sentence, own_start, own_end, "de")
    siblings = tuple((q.start, q.end) for q in other_sentence_figures(claim, published))
    clause_words = clause_measure_words(claim.sentence, own_start, own_end, siblings)
    fact_words = (measure_words(fact.text, figure.start, figure.end, fact_lang) if figure is not None else ())
    same_unit = claim.quantity.kind != "count" or (
        claim.quantity.unit and any(q.unit == claim.quantity.unit for q in fact.quantities))
    return np.array([
        hit.score,
        hit.lexical,
        subject_named(claim.subject, fact),
        1.0 if claim_regions & fact_regions else 0.5,
        1.0 if same_unit else 0.5,
        age_years(claim, fact, published),
        0.0,
        comparison.specificity,
        min(comparison.distance, 3.0),
        1.0 if claim.quantity.kind == "date" or claim.quantity.relation == "deadline" else 0.0,
        1.0 / max(1, sum(1 for q in fact.quantities if comparable(claim.quantity, q))),
        0.0 if fact_lang == "de" else 1.0,
        measure_overlap(claim_words, fact_words),
        measure_overlap(claim_words, measure_words(fact.text, 0, 0, fact_lang, window=None)),
        sibling if sibling is not None else sibling_figure(claim, figure, comparison, published) if figure is not None else 0.0,
        other_figure_match(claim, fact, figure, comparison, others) if figure is not None and others else 0.0,
        counted_noun(claim.quantity, figure, fact_lang) if figure is not None else 0.5,
        context_similarity(claim_context, fact, figure),
        measure_overlap(clause_words or claim_words, fact_words),
    ])


def context_similarity(claim_context: Optional[np.ndarray], fact: Fact, figure: Optional[Quantity]) -> float:
    """The cosine of the claim's figure context and the fact's figure's (unit vectors); NaN where either is missing."""
    fact_context = next((c for q, c in zip(fact.quantities, fact.figure_contexts) if q is figure), None)
    if claim_context is None or fact_context is None:
        return float("nan")
    return float(np.dot(claim_context, fact_context))


MARGIN_CAP = 0.1  # cosine margins beyond this say nothing more
# A disagreeing fact whose figure agrees with another figure of the claim's sentence at least this
# tellingly (a year 0.3, one significant digit 0.25; a decade's year 0.1) is about that figure and
# never evidence against the claim ("zwei Palästinenser getötet und vier Israelis verletzt": a fact
# about 4 Israelis does not contradict the 2). Held out, as a veto 0.773 -> 0.786 (b->a 0.797 ->
# 0.818, a->b 0.749 -> 0.753, with the date specificity of compare.py); as a feature alone the
# linear model let cosine outweigh it.
SIBLING_VETO = 0.2


VERDICT_FEATURES = ("agreeing_logit", "disagreeing_logit", "agreeing_p", "disagreeing_p", "agreeing_ahead",
                    "agreement", "distance", "counted_noun", "best_logit")
# The verdict layer weighs the best agreeing and the best disagreeing candidate against each
# other (as log-odds and as probabilities: the layer is linear), how telling the agreement is,
# how far apart the disagreeing figures lie and whether the disagreeing fact counts the same
# noun; 0 / neutral values stand for a missing side. Held out (fit on one annotator, judged on
# the other), this layer instead of the two thresholds: macro-F1 0.794 -> 0.809
# (b->a 0.821 -> 0.832, a->b 0.768 -> 0.786).


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return float(np.log(p / (1 - p)))


def verdict_features(weighed: Sequence["Candidate"]) -> np.ndarray:
    """VERDICT_FEATURES of a claim's weighed candidates (Verifier.weighed, most related first): its most
    related agreeing and disagreeing candidates and its most related one."""
    agreeing = next((c for c in weighed if c.comparison.agree), None)
    disagreeing = next((c for c in weighed if not c.comparison.agree), None)
    best = weighed[0] if weighed else None
    pa = agreeing.relatedness if agreeing else 0.0
    pd = disagreeing.relatedness if disagreeing else 0.0
    return np.array([
        _logit(pa), _logit(pd), pa, pd, 1.0 if pa > pd else 0.0,
        float(agreeing.features[FEATURES.index("agreement")]) if agreeing else 0.0,
        min(disagreeing.comparison.distance, 3.0) if disagreeing else 0.0,
        float(disagreeing.features[FEATURES.index("counted_noun")]) if disagreeing else 0.5,
        _logit(best.relatedness if best else 0.0),
    ])


def _repeats(one: Quantity, other: Quantity) -> bool:
    """Whether two figures of an article agree (the same figure stated twice)."""
    match = compare(one, other)
    return match is not None and match.agree


def _coarser(figure: Quantity, claim: Quantity) -> bool:
    """Whether a fact's date spans more days than the claim's (a year cannot confirm a day)."""
    fact_days, claim_days = date_span_days(figure), date_span_days(claim)
    return fact_days is not None and claim_days is not None and fact_days > claim_days


# --- the verifier -----------------------------------------------------------------

def _compared_figure(candidate: "Candidate") -> tuple[str, int, int]:
    """The fact and the span of its figure that the candidate's comparison used."""
    figure = candidate.comparison.fact_figure
    return candidate.fact.id, figure.start, figure.end


@dataclass
class Candidate:
    fact: Fact
    cosine: float
    relatedness: float
    comparison: Comparison  # the best comparison of the claim with one of the fact's figures
    features: np.ndarray  # pair_features(), kept for fitting the model (eval/fit_verifier.py)

    @property
    def age(self) -> float:
        return float(self.features[FEATURES.index("age")])

    @property
    def about_sibling_figure(self) -> bool:
        """Whether the fact's figure is another figure of the claim's sentence (SIBLING_VETO)."""
        return float(self.features[FEATURES.index("sibling")]) >= SIBLING_VETO


@dataclass
class Choice:
    """A verdict and what it rests on (Verifier.choose)."""
    verdict: str
    score: float  # what its confidence is calibrated on: the verdict layer's probability, else the relatedness
    evidence: list[Candidate]  # facts of the verdict's side, the deciding one first; [] for NOT_ENOUGH_INFO
    conflict: Optional[tuple[Candidate, Candidate]]  # (agreeing, disagreeing) when facts about the claim conflict
    best: Optional[Candidate]  # the most related candidate weighed
    # (verdict, its confidence, its deciding fact) when that verdict fell below the model's min_confidence
    withheld: Optional[tuple[str, float, Candidate]] = None


def valid_floor(min_confidence: Optional[float]) -> Optional[float]:
    """`min_confidence` as given by a caller, refused unless None or between 0 and 1."""
    if min_confidence is not None and not (isinstance(min_confidence, (int, float)) and 0.0 <= min_confidence <= 1.0):
        raise InputError(f"min_confidence must lie between 0 and 1, not {min_confidence!r}.")
    return min_confidence


class Verifier:
    """Judges claims against a ReferenceStore."""

    def __init__(self, store, model: Optional[VerifierModel] = None, min_confidence: Optional[float] = None):
        """`min_confidence` replaces the model's fitted confidence floor (0 withholds no verdict)."""
        self.store = store
        self.model = model or default_model()
        if valid_floor(min_confidence) is not None:
            self.model = dataclasses.replace(self.model, min_confidence=float(min_confidence))

    def candidates(self, claim: Claim, vector: np.ndarray, published: Optional[dt.date],
                   others: Sequence[Quantity] | ArticleFigures = (), hits: Optional[Sequence] = None,
                   context: Optional[np.ndarray] = None) -> list[Candidate]:
        """The comparable facts found for `claim`, most related first; `others` are the article's
        other claimed figures (a fact about one of them is not about this claim); `hits`: the
        store's search results for the claim, when the caller fetched them already (judge() does);
        `context`: the context vector of the claim's figure (Encoder.encode_with_contexts)."""
        if hits is None:
            hits = self.store.search(vector, k=CANDIDATES, query_text=query_text(claim))
        article = others if isinstance(others, ArticleFigures) else ArticleFigures(others)
        found = []
        # Cosines of facts set aside for dating another figure of the sentence: they still count against the
        # others' cosine margin, since leaving out the facts about that figure makes no other fact stand out more.
        dating_another = []
        day, year = figure_day(claim, published), figure_year(claim, published)  # the claim's, asked once for all its hits
        for hit in hits:
            if about_another_day(day, hit.fact) or about_another_year(year, hit.fact):
                continue
            comparisons = [(q, c) for q in hit.fact.quantities if (c := compare(claim.quantity, q)) is not None]
            if not comparisons:
                continue
            # The fact's figure that plays the claim's role speaks: for a date, one at least as precise
            # ("vor dem 3. April 2016" answers "vor dem 3. Mai", the "2016" of "Wahl 2016" does not);
            # among those, the most telling agreeing one, else the first that is not another figure of
            # the claim's sentence ("von 19 auf 12 %" answers "von 19 auf sieben Prozent" with its 12).
            scored = [(q, c, sibling_figure(claim, q, c, published)) for q, c in comparisons]
            figure, best, sibling = max(scored, key=lambda qcs: (
                not _coarser(qcs[0], claim.quantity), qcs[1].agree, qcs[1].agree or qcs[2] < SIBLING_VETO,
                qcs[1].specificity))
            if best.agree and _coarser(figure, claim.quantity):
                continue  # "2011" is no evidence for "Mai 2011" (a later year would be evidence against it)
            if not best.agree and dates_another_figure(claim, hit.fact, published):
                dating_another.append(float(hit.score))
                continue  # "lag 2024 bei 1,7 Prozent" dates another figure than "für 2025 auf 2,5 Prozent"
            features = pair_features(claim, hit, best, published, figure, article, sibling=sibling, claim_context=context)
            if features is not None:
                found.append(Candidate(hit.fact, float(hit.score), 0.0, best, features))
        margin = FEATURES.index("cosine_margin")
        for c in found:
            # a fact about another figure of the sentence is no rival: a sentence of several figures is nearer
            # to the fact that names more of them ("117 Weichen, 152 Kilometer Oberleitung" for "70 Kilometer")
            others = [o.cosine for o in found if o is not c and not o.about_sibling_figure] + dating_another
            c.features[margin] = float(np.clip(c.cosine - max(others), -MARGIN_CAP, MARGIN_CAP)) if others else MARGIN_CAP
            c.relatedness = float(self.model.relatedness(c.features[None, :])[0])
        return sorted(found, key=lambda c: -c.relatedness)

    @staticmethod
    def weighed(candidates: Sequence[Candidate]) -> list[Candidate]:
        """The candidates a verdict may rest on: all but disagreeing facts about a sibling figure."""
        return [c for c in candidates if c.comparison.agree or not c.about_sibling_figure]

    @staticmethod
    def rivals_facts(claims: Sequence[Claim], candidates: Sequence[Sequence[Candidate]], margin: Optional[float],
                     which: Optional[Sequence[int]] = None) -> list[dict[str, int]]:
        """For each claim at `which` (all by default) of one article's `claims`, its disagreeing facts that
        another of its claims relates to more than `margin` above it, each with the index of that claim:
        "vier Israelis verletzt" beside "zwei Palästinenser getötet" is answered by a fact about injured
        Israelis, which says nothing about the dead. Agreeing facts stay (their figure already says which
        claim they are about), and a claim that repeats the figure (a teaser and its body) is no rival.
        Relatedness is compared in log-odds: two claims of one sentence often both relate to a fact at
        0.95 and more, and 0.999 against 0.95 is a clear difference that probabilities hide."""
        which = range(len(claims)) if which is None else which
        if margin is None or len(candidates) < 2:
            return [{} for _ in which]
        # A fact's figure -> (claim index, its relatedness), by index. Claims compete for a fact's figure, not
        # for the fact: "R stood at 1.25 on 24 November" is about the R value and about the day ("Dienstag").
        holders: dict[tuple[str, int, int], list[tuple[int, float]]] = {}
        for k, found in enumerate(candidates):
            for c in found:
                holders.setdefault(_compared_figure(c), []).append((k, c.relatedness))
        out = []
        for i in which:
            taken = {}
            repeats: dict[int, bool] = {}  # claim index -> whether it repeats claim i's figure (asked once per pair)

            def is_rival(k: int) -> bool:
                if k == i:
                    return False
                if k not in repeats:
                    repeats[k] = _repeats(claims[k].quantity, claims[i].quantity)
                return not repeats[k]
            for c in candidates[i]:
                if c.comparison.agree:
                    continue
                rivals = [(k, r) for k, r in holders[_compared_figure(c)] if is_rival(k)]
                k, r = max(rivals, key=lambda kr: kr[1], default=(None, 0.0))
                if _logit(r) > _logit(c.relatedness) + margin:
                    taken[c.fact.id] = k
            out.append(taken)
        return out

    @classmethod
    def set_aside_rivals(cls, claims: Sequence[Claim], candidates: Sequence[Sequence[Candidate]], margin: Optional[float],
                         which: Optional[Sequence[int]] = None) -> list[tuple[list[Candidate], list[tuple[Candidate, Claim]]]]:
        """Each claim's (at `which`) candidates without its rivals_facts(), and those facts, each with the
        claim it is about."""
        which = range(len(claims)) if which is None else which
        return [([c for c in candidates[i] if c.fact.id not in taken],
                 [(c, claims[taken[c.fact.id]]) for c in candidates[i] if c.fact.id in taken])
                for i, taken in zip(which, cls.rivals_facts(claims, candidates, margin, which))]

    def choose(self, candidates: Sequence[Candidate]) -> "Choice":
        """The verdict for a claim's candidates (most related first) and what it rests on."""
        model = self.model
        candidates = self.weighed(candidates)
        agreeing = [c for c in candidates if c.comparison.agree]
        disagreeing = [c for c in candidates if not c.comparison.agree]
        best = candidates[0] if candidates else None
        if model.verdict_layer:
            probabilities = model.verdict_probabilities(verdict_features(candidates))
            verdict = max(probabilities, key=probabilities.get)
            if (verdict == "SUPPORTED" and not agreeing) or (verdict == "CONTRADICTED" and not disagreeing):
                verdict = "NOT_ENOUGH_INFO"  # the layer cannot rest a verdict on a fact that is not there
            score = probabilities[verdict]
            # Facts about the claim were found (S or C more likely together than N) but none won.
            conflict = (verdict == "NOT_ENOUGH_INFO" and agreeing and disagreeing
                        and probabilities["SUPPORTED"] + probabilities["CONTRADICTED"] > probabilities[verdict])
        else:
            score = best.relatedness if best else 0.0
            verdict, conflict = "NOT_ENOUGH_INFO", False
            related_disagreeing = [c for c in disagreeing if c.relatedness >= model.contradict_threshold]
            if agreeing and agreeing[0].relatedness >= model.support_threshold:
                verdict, score = "SUPPORTED", agreeing[0].relatedness
            elif related_disagreeing and agreeing and (
                    agreeing[0].relatedness >= related_disagreeing[0].relatedness - model.conflict_margin):
                conflict = True  # facts that disagree among themselves are not enough to call a claim wrong
            elif related_disagreeing:
                verdict, score = "CONTRADICTED", related_disagreeing[0].relatedness
        evidence = agreeing if verdict == "SUPPORTED" else disagreeing if verdict == "CONTRADICTED" else []
        # Evidence: the deciding fact, and up to two more of its side that are about as related.
        evidence = evidence[:1] + [c for c in evidence[1:3] if c.relatedness >= 0.5]
        withheld = None
        if evidence and model.verdict_layer and (confidence := model.confidence(verdict, score)) < model.min_confidence:
            withheld = (verdict, confidence, evidence[0])
            verdict, score, evidence = "NOT_ENOUGH_INFO", probabilities["NOT_ENOUGH_INFO"], []
        return Choice(verdict, score, evidence, (agreeing[0], disagreeing[0]) if conflict else None, best, withheld)

    def decide(self, claim: Claim, candidates: Sequence[Candidate],
               set_aside: Sequence[tuple[Candidate, Claim]] = ()) -> None:
        """Set the claim's verdict, confidence, evidence and reason from its candidates; `set_aside`: the
        rivals' facts left out of them (rivals_facts()), each with the claim it is about, most related first."""
        choice = self.choose(candidates)
        claim.verdict = choice.verdict
        claim.confidence = self.model.confidence(choice.verdict, choice.score)
        claim.evidence = [Evidence(c.fact.id, c.fact.text, round(c.relatedness, 4), c.fact.source)
                          for c in choice.evidence]
        if choice.evidence:
            claim.reason = reason_line(choice.evidence[0], choice.verdict)
        elif choice.withheld:
            verdict, confidence, fact = choice.withheld
            claim.reason = withheld_line(verdict, confidence, self.model.min_confidence) + reason_line(fact, verdict)
        elif choice.conflict:
            agrees, disagrees = choice.conflict
            claim.reason = (f"facts conflict: {agrees.fact.id} agrees ({agrees.comparison.fact_text}), "
                            f"{disagrees.fact.id} disagrees ({disagrees.comparison.fact_text})")
        elif set_aside and (choice.best is None or set_aside[0][0].relatedness > choice.best.relatedness):
            fact, other = set_aside[0]
            claim.reason = (f"fact {fact.fact.id} disagrees ({fact.comparison.fact_text}) but is about another "
                            f"figure of the article, {other.quantity.text!r}, not this one")
        elif choice.best:
            claim.reason = (f"closest fact {choice.best.fact.id} is not clearly about the same measure "
                            f"(relatedness {choice.best.relatedness:.2f})")
            if choice.best.age >= AGE_NOTED:
                # the fitted model weighs a fact's distance in time heavily: say so, or "not the same measure"
                # misleads where only the as_of is far (a target stated a year before the article)
                claim.reason += f"; it is {choice.best.age:.1f} years from the article's time"
        else:
            claim.reason = f"no fact about {claim.subject or 'this subject'} with a comparable figure"

    def judge(self, claims: list[Claim], sentences: Sequence[Sentence], sentence_vectors: np.ndarray,
              published: Optional[dt.date] = None, contexts: Optional[dict[int, np.ndarray]] = None) -> None:
        """Each claim's verdict; `contexts`: the context vectors of the article's figures by their start offset."""
        starts = [s.start for s in sentences]
        contexts = contexts or {}
        figures = ArticleFigures([c.quantity for c in claims])
        vectors = [sentence_vectors[_sentence_index(starts, c.sentence_start)] for c in claims]
        # One store query for all claims (claims of one sentence share its vector: searched once).
        hits = self.store.search_many(vectors, k=CANDIDATES, query_texts=[query_text(c) for c in claims]) if claims else []
        found = [self.candidates(claim, vector, published, figures, hits=claim_hits,
                                 context=contexts.get(claim.quantity.start))
                 for claim, vector, claim_hits in zip(claims, vectors, hits)]
        for claim, (weighed, set_aside) in zip(claims, self.set_aside_rivals(claims, found, self.model.rival_margin)):
            self.decide(claim, weighed, set_aside)


def query_text(claim: Claim) -> str:
    """What the store's lexical score compares a fact with."""
    return claim.claim_text or claim.sentence


def _sentence_index(starts: list[int], offset: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(starts, offset) - 1)


def withheld_line(verdict: str, confidence: float, floor: float) -> str:
    """The opening of a withheld verdict's reason. The confidence is rounded down: 0.597 under a floor of 0.6
    reads 0.59, not "0.60, below 0.60"."""
    return f"withheld {verdict} (confidence {math.floor(confidence * 100) / 100:.2f}, below {floor:.2f}): "


def reason_line(candidate: Candidate, verdict: str) -> str:
    c = candidate.comparison
    as_of = f" ({candidate.fact.as_of})" if candidate.fact.as_of else ""
    outcome = "agree" if verdict == "SUPPORTED" else f"disagree, {c.detail}"
    line = f"fact {candidate.fact.id}: {c.fact_text}{as_of} vs claim {c.claim_text}: {outcome}"
    if candidate.age >= AGE_WEAKER:
        line += f"; the fact is {candidate.age:.1f} years from the article's time: weaker evidence"
    return line


@lru_cache(maxsize=1)
def default_model() -> VerifierModel:
    return VerifierModel.load()
