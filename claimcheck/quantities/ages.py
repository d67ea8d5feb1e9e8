"""Ages: the durations in years that say how old someone or something is.

"ab 12 Jahren", "mit 64 Jahren", "Menschen über 80 Jahren", "82 Jahre alt", "der 74-jährige US-Präsident" and
"aged 64" are read as durations in years like any other, but they measure an age, not a period: "Need for Speed
ist ab 12 Jahren erschienen" says nothing of "die Entwicklung dauerte rund zwei Jahre". Such a duration gets
relation "age", and compare.py weighs an age only against another age. The cues are language data: [ages] of
claimcheck/lang/<lang>/quantities.toml (its comment lists the rules).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.types import Quantity

from .patterns import alternation as _alt

AGE = "age"
MAX_AGE = 130  # a bare number after "aged" is an age only up to this
_NOUN_ENDINGS = ("", "s", "es", "n", "en")  # "Bestehens", "Vertrages", "Zeiten"


@dataclass(frozen=True)
class AgeCues:
    """The compiled [ages] cues of one language."""
    after: re.Pattern | None          # right after the span: "alt", "alten", "-old"
    before: re.Pattern | None         # ends the text before the span: "im Alter von", "aged"
    bare: re.Pattern | None           # "ab"/"mit" opening the span or right before it
    holder_prep: re.Pattern | None    # "unter"/"bis" ... opening the span or right before it, after a person
    opener: re.Pattern | None         # opens the span: "älter als"
    clause_noun: re.Pattern | None    # an age noun earlier in the clause: "Das Durchschnittsalter ... lag bei"
    bounds: dict[str, str]            # a word right before an age -> the hedge it makes: "over" -> "min"
    bound_before: re.Pattern | None
    holders: tuple[str, ...]          # endings of person nouns, lower case
    compound: re.Pattern | None       # an age compound's suffix, any case: "-jährig" (capitalised: a noun, "18-Jährige")
    period_nouns: tuple[str, ...]     # endings of nouns such a compound gives a period, not an age

    @classmethod
    def from_table(cls, ages: dict) -> "AgeCues":
        def compiled(key: str, pattern: str):
            return re.compile(pattern.format(_alt(ages[key]))) if ages.get(key) else None
        return cls(
            after=compiled("duration_after", r"[\s-]+{}\b"),
            before=compiled("duration_before", r"\b{}(?:\s+[a-zäöüß]+){{0,2}}\s+$"),
            bare=compiled("bare_prepositions", r"(?:^|\s){}\s+\S*$"),
            holder_prep=compiled("holder_prepositions", r"(\S+)\s+{}\s+\S*$"),
            opener=compiled("span_openers", r"{}\s"),
            clause_noun=re.compile(r"\b(?:" + _alt(ages["duration_before"]) + r"|[A-ZÄÖÜ]\w*" + ages["age_noun_ending"]
                                   + r")\b[^.;:!?,]*$") if ages.get("age_noun_ending") else None,
            bounds=dict(ages.get("bounds_before", {})),
            bound_before=re.compile(r"\b(" + _alt(ages["bounds_before"]) + r")\s+$") if ages.get("bounds_before") else None,
            holders=tuple(ages.get("holders", ())),
            compound=re.compile("(?i:" + "|".join(map(re.escape, ages["compounds"])) + ")") if ages.get("compounds") else None,
            period_nouns=tuple(p + ending for p in ages.get("period_nouns", ()) for ending in _NOUN_ENDINGS),
        )


_NOUN_AFTER = re.compile(r"\s+[A-ZÄÖÜ]")
# the noun a "-jährig" compound qualifies, past one more adjective: "die fünfjährige erfolgreiche Zusammenarbeit"
_QUALIFIED_NOUN = re.compile(r"(?:\s+[a-zäöüß]+(?:e|en|er|es|em))?\s+[„\"]?([A-ZÄÖÜ][\w-]*)")


def mark_ages(text: str, quantities: list[Quantity], cues: AgeCues) -> list[Quantity]:
    """Set relation "age" on the quantities of `text` that state an age (in place; returns the list). A bare number
    after an age word ("aged 64") becomes a duration in years."""
    for previous, q in zip([None] + quantities[:-1], quantities):
        if _is_age(text, q, cues, previous) or _elliptic_age(text, previous, q):
            if q.kind == "count":
                q.kind, q.unit, q.noun = "duration", "year", None
            q.relation = AGE
            bound = cues.bound_before.search(text, max(0, q.start - 20), q.start) if cues.bound_before else None
            if bound is not None and q.hedge is None and q.value is not None:  # "over 70 years old": at least 70
                q.hedge = cues.bounds[re.sub(r"\s+", " ", bound.group(1))]
                q.low, q.high = (q.value, None) if q.hedge == "min" else (None, q.value)
    return quantities


_ELLIPSIS = re.compile(r"(?:\s+\w+)?\s*,\s*(?:[a-zäöüß]+\s+)?(?:[A-ZÄÖÜ][\w-]*\s+){1,2}")


def _elliptic_age(text: str, previous: Quantity | None, q: Quantity) -> bool:
    """A duration in years in an elliptic clause after an age: "30,3 Jahre alt, Väter 33,2 Jahre"."""
    return (previous is not None and previous.relation == AGE and q.kind == "duration" and q.unit == "year"
            and q.relation is None and _ELLIPSIS.fullmatch(text, previous.end, q.start) is not None)


def _is_age(text: str, q: Quantity, cues: AgeCues, previous: Quantity | None = None) -> bool:
    if q.relation not in (None, "from", "until", AGE):
        return False  # "seit 20 Jahren", "binnen zwei Jahren", "vor 20 Jahren": periods
    before = text[max(0, q.start - 40):q.start]
    if q.kind == "count":  # "aged 64", "at the age of 64"
        return (not q.noun and not q.unit and q.value is not None and 0 < q.value <= MAX_AGE
                and cues.before is not None and cues.before.search(before) is not None)
    if q.kind != "duration" or q.unit != "year":
        return False
    # the span with the text before it, so that a preposition opening the span ("ab 12 Jahren") counts as one before it
    lead = before + text[q.start:q.end].split(None, 1)[0] + " " if q.text[:1].isalpha() else before
    if cues.after is not None and cues.after.match(text, q.end):
        return True  # "82 Jahre alt"
    if cues.opener is not None and cues.opener.match(q.text):
        return True  # "älter als 70 Jahre"
    if cues.before is not None and cues.before.search(before):
        return True  # "im Alter von 85 Jahren"
    clause_start = max(0, q.start - 120)
    age_noun = cues.clause_noun.search(text, clause_start, q.start) if cues.clause_noun is not None else None
    if age_noun is not None and not (previous is not None and previous.kind == "duration" and previous.unit == "year"
                                     and previous.start > age_noun.start()):
        return True  # "Das Durchschnittsalter der Mütter ... lag bei 30,3 Jahren"; not "im Alter zwischen 50 und 69
        # Jahren alle zwei Jahre": the nearer years took the noun
    suffix = cues.compound.search(q.text) if cues.compound is not None else None
    if suffix is not None:
        noun = _QUALIFIED_NOUN.match(text, q.end)  # "der 18-Jährige" is a noun itself, "stirbt 64-jährig in" has none
        return suffix.group()[0].isupper() or noun is None or not noun.group(1).lower().endswith(cues.period_nouns)
    noun_follows = _NOUN_AFTER.match(text, q.end) is not None
    if cues.bare is not None and cues.bare.search(lead) and not noun_follows:
        return True  # "ab 12 Jahren für Playstation", "mit 64 Jahren nach"
    holder = cues.holder_prep.search(lead) if cues.holder_prep is not None else None
    return holder is not None and holder.group(1).lower().endswith(cues.holders)  # "Kinder unter 14 Jahren"
