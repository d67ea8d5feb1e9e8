"""The typed data that flows between claimcheck's stages.

One `Document` flows through the pipeline (sentences -> quantities -> claims ->
verdicts -> summary), as one spaCy `Doc` does; every stage reads and writes the
dataclasses below. Character offsets are Python string indices into the exact
text the caller gave.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional

KINDS = ("count", "money", "percent", "date", "duration", "quantity")
HEDGES = (None, "approx", "min", "max", "range", "forecast")
# Hedges whose figure states its own bounds ("rund", "20 bis 40", "mehr als", "bis zu"); "forecast" is said of
# the figure's sentence and states none: such a figure is as exact as one with no hedge.
STATED_BOUNDS = ("approx", "range", "min", "max")
VERDICTS = ("SUPPORTED", "CONTRADICTED", "NOT_ENOUGH_INFO")


@dataclass
class Quantity:
    """One figure read from text: a number with its unit, a date, or a duration.

    `value` is the normalised number (800 Millionen Dollar -> 800000000.0,
    3,5 Prozent -> 3.5, drei Monate -> 3.0 with unit "month"); `low`/`high`
    bound it when a hedge or range widens it (None = unbounded on that side).
    Dates carry `date` at the precision the text gives ("2020-09", "2017",
    "2020-11-17") and `date_low`/`date_high` as full ISO days of the interval
    the text means ("Mitte September 2020" -> 2020-09-11 .. 2020-09-20).
    A deadline ("binnen drei Monaten") is kind "duration" with
    `relation="deadline"`; given a publication date it also carries the
    resolved `date`/`date_low`/`date_high`. The same words in a sentence that
    does not look ahead name the period a figure was counted in ("binnen eines
    Tages registriert"): `relation="within"`, no date.
    """

    text: str
    start: int
    end: int
    kind: str
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    noun: Optional[str] = None  # the counted noun as written ("Nutzer", "Mitarbeiter")
    date: Optional[str] = None
    date_low: Optional[str] = None
    date_high: Optional[str] = None
    hedge: Optional[str] = None
    # "deadline", "within", "until", "from", "since", "before", "after", "in", "compared" (the time a figure is
    # compared with: "gegenüber dem Vorjahresmonat"), "age" (a duration in years that says how old someone is:
    # "mit 64 Jahren", "ab 12 Jahren"; quantities/ages.py), or None
    relation: Optional[str] = None
    # the period a rate is counted per: "day", "week", "month", "quarter", "year", "hour"; or the unit a price or
    # amount is counted per: "kWh", "MWh", "m²", "l", "kg", "t", "barrel", "share", "person", "night"
    per: Optional[str] = None
    # "rise" or "fall" where the figure is the size of a change ("stiegen um 3,5 Prozent", "a decline of 3.5
    # percent"; quantities/changes.py), else None
    change: Optional[str] = None

    @property
    def unbounded(self) -> bool:
        """No hedge states its bounds (STATED_BOUNDS): it has none, or "forecast"."""
        return self.hedge not in STATED_BOUNDS

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Sentence:
    text: str
    start: int
    end: int


@dataclass
class Evidence:
    id: str
    text: str
    score: float
    source: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Fact:
    """A trusted reference fact. `quantities` and `subject` are derived on ingest."""

    id: str
    text: str
    source: Optional[str] = None
    as_of: Optional[str] = None
    lang: Optional[str] = None
    quantities: list[Quantity] = field(default_factory=list)
    subject: Optional[str] = None
    # One unit vector (or None) per quantity: what the words around that figure say, from the encoder's
    # token states (Encoder.encode_with_contexts), compared with the claim's figure by the verifier.
    figure_contexts: list[Optional[Any]] = field(default_factory=list, repr=False)


@dataclass
class Claim:
    """A checkable figure in its sentence, about a subject, with its verdict."""

    id: str
    sentence: str
    sentence_start: int
    sentence_end: int
    quantity: Quantity
    subject: Optional[str] = None
    # The sentence names the subject itself; False: it was taken from the context (a pronoun, an
    # earlier sentence, the article's topic), which is right far less often.
    subject_in_sentence: bool = False
    claim_text: str = ""  # self-contained text for retrieval (subject made explicit)
    checkworthiness: float = 1.0
    verdict: str = "NOT_ENOUGH_INFO"
    confidence: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The claim as in the report JSON contract (README, "Report JSON")."""
        q = self.quantity
        return {
            "id": self.id,
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "text": q.text,
            "start": q.start,
            "end": q.end,
            "kind": q.kind,
            "value": q.value,
            "low": q.low,
            "high": q.high,
            "unit": q.unit,
            "per": q.per,
            "change": q.change,
            "date": q.date,
            "date_low": q.date_low,
            "date_high": q.date_high,
            "relation": q.relation,
            "hedge": q.hedge,
            "subject": self.subject,
            "subject_in_sentence": self.subject_in_sentence,
            "verdict": self.verdict,
            "confidence": round(float(self.confidence), 4),
            "evidence": [e.to_dict() for e in self.evidence],
            "reason": self.reason,
        }


@dataclass
class Report:
    published: Optional[str]
    summary: str
    claims: list[Claim] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "published": self.published,
            "summary": self.summary,
            "claims": [c.to_dict() for c in self.claims],
            "warnings": list(self.warnings),
        }
