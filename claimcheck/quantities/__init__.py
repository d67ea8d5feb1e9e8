"""claimcheck.quantities: read every figure of a German (or English) text.

    read_quantities(text, *, published=None, lang="de") -> list[Quantity]

Each `Quantity` has exact character offsets into `text`. The span covers
hedge words + number + scale word + currency/percent/unit ("rund 100
Millionen", "800 Millionen Dollar", "mehr als 140 Mio. Euro", "3,5 Prozent"),
not the counted noun of a count ("100 Millionen" in "100 Millionen Nutzer";
noun="Nutzer", unit="users"). Dates exclude "im"/"am" ("November 2019",
"3. Dezember"); deadlines and bounded dates include their preposition
("binnen drei Monaten", "bis Mitte September", "seit zehn Jahren").

Hedge rules (table: claimcheck/lang/<lang>/quantities.toml, [hedges]); v is
the value, step the unit of the last written digit times the scale
("rund 100 Millionen": step 1 Million; "etwa 3,5": step 0.1; number words: 1):
- no hedge:                          low = high = value
- approx ("rund", "etwa", "ca."):    value ± max(r, min(step / 2, v / 5))   hedge "approx"
  (half a step never stretches past a fifth of the figure: "rund 1 Milliarde" is 0.8-1.2
  billion, not 0.5-1.5; "etwa eineinhalb Wochen" keeps its quarter week)
- under ("knapp", "fast", "nahezu"): [v - r, v]                       hedge "approx"
- over ("gut", "gute"):              [v, v + r]                       hedge "approx"
  where the reach r is 5 % of v, but no more than two units (approx) or one unit (under,
  over) of the figure's last non-zero digit: "rund 44,1 Millionen" is 43.9-44.3 million,
  "knapp 46 Millionen" 45-46 million, "rund 3500" still 3325-3675
- min ("mehr als", "über", "mindestens"): [v, None]                   hedge "min"
- max ("bis zu", "weniger als", "höchstens", "unter"): [None, v]      hedge "max"
- ranges ("10 bis 12", "10-12", "zwischen 10 und 12 Millionen"): low, high as
  written (a shared scale word applies to both), value = midpoint, hedge "range"
- forecast: an unhedged figure in a sentence with a forecast cue
  ("voraussichtlich", "erwartet", "soll/wird ... erreichen/steigen"):
  low = high = value, hedge "forecast"

Dates carry `date` at the text's precision ("2017", "2019-11", "2020-08-17";
ISO has no quarters: "im ersten Quartal 2020" is "2020") and `date_low`/`date_high`
as full days:
- Quarters and half years: their months ("2020-01-01".."2020-03-31"); a part
  before them takes a third ("Ende des ersten Quartals": March); without a
  year the publication's, moved a year by the clause's tense ("stieg im
  vierten Quartal" in September: last year's). "Hälfte" and "H1"/"H2" are a half
  year only with their year ("zweiten Hälfte 2025", "H2 2025"; not "die zweite
  Hälfte des Spiels", "H2-Tankstellen").
- Decades: "1930er-Jahre", "in den Siebzigern", "90er-Jahre" (two digits from
  20 on the 1900s), with a part: "Anfang der 1990er Jahre" 1990-1993.
- Anfang / Mitte / Ende of a month: days 1-10 / 11-20 / 21-last (thirds).
- Anfang / Mitte / Ende of a year: January-April / May-August / September-
  December; Frühjahr/Sommer/Herbst/Winter are meteorological seasons.
- A date without a year ("im November", "am 3. Dezember") takes its year from
  `published`: after "bis" the next such date on or after publication, after
  "seit" the last one on or before it; otherwise the tense word nearest to it
  in its sentence decides (future: "wird", "soll", "angekündigt"...; past:
  "hatte", "wurde", "sagte"...; table [dates.weekdays]); with neither, the
  coming one if at most 122 days ahead, else the last one; 270 days where it is
  when something takes effect ("zum"/"ab" and a present verb of taking effect:
  "Das Kindergeld steigt zum 1. Januar") or is scheduled. In a past clause a
  date that an intention follows ("hatten angekündigt, die Entscheidung im März
  zu überprüfen") is the nearer of the two, unless a past cue stands right
  before it ("im vergangenen Oktober eine Regierung zu bilden"). Without
  `published` it keeps ISO 8601's year-less form "--11" / "--12-03" and no
  date_low/date_high.
- Weekdays ("am Montag", "Dienstagabend") are read only when `published`
  anchors them: "kommenden"/"nächsten" -> the next one after publication;
  "vergangenen" or a past tense -> the last on or before it; "bis" or a
  future tense -> the first on or after it; otherwise the nearer one.
- "vor zwei Wochen", "einen Monat zuvor": with `published` a date (the day
  that far back, its days half a week, month or year either way: "vor zwei
  Jahren" is no day); without it a duration. "vor" before a date is relation
  "before" ("vor 2015 gegründet", "vor dem 1. März 2020"), "nach dem" before a
  day or month "after": the date stays the one named, and compare.py reads it
  as the days before or after it.
- Dates with no numeral or month name ("Ende des Jahres", "heute", "bis
  dahin") are not read (the project's annotators list them neither).

Durations: kind "duration", value in unit "second"/"minute"/"hour"/"day"/
"week"/"month"/"year" (Jahrzehnt = 10 years). relation "deadline" ("binnen",
"innerhalb von", "in") where the sentence looks ahead ("muss binnen drei
Monaten"), else "within" (the period a figure was counted in: "binnen eines
Tages registriert"), "since" ("seit"); with `published` a deadline gets
date = published + duration, date_low = published, date_high = date; "seit
zehn Jahren" gets date = date_low = date_high = published - duration.
Relative references with no figure ("bis dahin") are left alone.
A duration in years that says how old someone or something is ("ab 12 Jahren", "mit 64 Jahren", "Kinder unter
14 Jahren", "82 Jahre alt", "der 74-jährige US-Präsident", "aged 64") gets relation "age" (ages.py): an age is
compared only with an age, never with a period ("die Entwicklung dauerte zwei Jahre").

Money: value in the currency (minor units and thousands converted: "50 Cent" -> 0.5 EUR,
"300 TEUR" -> 300000 EUR),
unit the ISO 4217 code; "pro Monat" after the currency joins the span.
A threshold after "ab" ("ab 739 Euro", "Versicherte ab 55 Jahren", "ab drei Prozent")
keeps its figure exact and gets relation "from", as "ab 2018" does. "bis" alone
before an amount is a bound as "bis zu" is ("bis 500.000 Menschen": at most), not
where it ends a range ("Seiten 17 bis 21", "ein bis zwei") or opens a clause
("98 Tage, bis eine Million ... registriert waren"), nor before a year or duration.
A bare number right after "davon"/"darunter" (table [numeral_rules]
part_of_before) in the sentence of a money or scaled count figure takes that
figure's scale and unit: "200 Milliarden Euro, davon 50" -> 50e9 EUR (span "50").
Percent: unit "percent"; "Prozentpunkte" -> "pp" (Basispunkte -> pp / 100);
fractions ("ein Drittel", "zwei Drittel") read as shares in percent.

Never quantities: numbers glued to letters or after a name word (Windows 10,
Formel 1, G20, Covid-19, A380, Paragraf 3, Seite 12), phone numbers, times
of day (14.30 Uhr, 9 Uhr, 14:30), scores and ratios (2:1), URLs, e-mail
addresses, ordinals that are not dates ("3. Platz").
"""
from __future__ import annotations

import datetime as dt
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Optional

from claimcheck.types import Quantity

from .reader import Grammar

__all__ = ["read_quantities", "framing_year", "LANGUAGES", "READER_VERSION"]

LANGUAGES = ("de", "en")
# Raised when a release reads some texts differently (1: ages, session 35; 2: changes, session 37; 3: "im Jahr
# zuvor" after money, 4: nights, ranges of two full figures, session 38; 5: English cents in the currency their text
# names, hours and minutes no deadline, session 39; 6: a period before the noun a figure is the amount of, a unit
# price's unit lent to the next price of its sentence, session 40). A reference store keeps each fact's figures as
# read when it was added; the version is part of the fact's content hash, so adding a fact file again after an
# upgrade reads its facts afresh (ReferenceStore).
READER_VERSION = 6
_LANG_DIR = Path(__file__).resolve().parent.parent / "lang"


@lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar:
    """The compiled reader for one language (built once per process)."""
    with open(_LANG_DIR / lang / "quantities.toml", "rb") as f:
        table = tomllib.load(f)
    subjects = _LANG_DIR / lang / "claims.toml"  # its place names: a bracket after a place counts, it gives no age
    places = tomllib.loads(subjects.read_text("utf-8")).get("subjects", {}).get("places", []) if subjects.exists() else []
    return Grammar(table, lang, frozenset(places))


def read_quantities(text: str, *, published: Optional[dt.date] = None, lang: str = "de") -> list[Quantity]:
    """Every figure in `text` with exact character spans, in text order."""
    if not isinstance(text, str):
        raise ValueError(f"read_quantities needs the text as a str, not {type(text).__name__}")
    if published is not None and not isinstance(published, dt.date):
        raise ValueError(f"published must be a datetime.date or None, not {published!r}")
    if isinstance(published, dt.datetime):
        published = published.date()
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    return grammar(lang).read(text, published)


@lru_cache(maxsize=4096)  # asked once per candidate fact of a claim
def framing_year(text: str, start: int, end: int, published: Optional[dt.date], lang: str = "de") -> Optional[int]:
    """The year a phrase of the sentence around text[start:end] names from the time of writing ("Im vergangenen
    Jahr wurden 14,8 Millionen Passagiere abgefertigt": the publication's year minus one), where the sentence
    names one such year and the figure's clause does not say otherwise by its tense ("im Vorjahr" too, where the
    sentence writes no year); None otherwise. The reader
    gives such a phrase no figure of its own (it only frames one), so this is how a caller learns its year."""
    return grammar(lang).framing_year(text, start, end, published)
