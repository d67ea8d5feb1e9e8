"""Comparing two quantities as numbers and dates as dates.

A claim and a fact agree when the intervals their figures stand for overlap
after a stated tolerance:
- numbers: each side is [low, high] (a hedge such as "mehr als" leaves one side
  open); exact figures are widened by NUMBER_TOLERANCE (relative), because news
  rounds ("1.500" for 1,488), but by no more than (nearly) half a unit of their last
  non-zero digit ("1257" is not "1275"); percentages by (nearly) half a unit of their last
  decimal place as written (5,7 % is 5.65-5.75 %: a rate 3 % higher, 5,9 %, is another rate;
  "3,0 %" is 2.95-3.05 %, "3 %" 2.5-3.5 %); of two
  exact figures only the coarser is widened ("250 Euro" may stand for 254, but "255 Euro" is 255);
- durations are compared in days, with DURATION_TOLERANCE ("drei Monate" = 91.3
  days agrees with "90 days"); a deadline ("binnen drei Monaten") is compared as the
  duration it states, never with a dated fact: the article's date is rarely the day
  the clock started, and facts carry many dates of other events; an age ("ab 12
  Jahren", "82 Jahre alt") only with another age;
- dates are compared as day intervals ("Mitte September" = 11-20 September
  agrees with "20 September"; "2017" agrees with "November 2017"); a day or month
  after a "seit" date is not compared with it (the state holds on), nor the time a
  figure is compared with ("gegenüber dem Vorjahr") with any other time; "seit fünf
  Jahren", counted back from the publication date, is compared with a "seit" date
  ("since 2019") as the date it names, half a year either way.
Two sizes of change of opposite direction disagree however near their numbers ("stiegen um 3,5 Prozent" against
"a decline of 3.5 percent"; Quantity.change); a change against a figure that states none is compared as numbers.
Units and currencies must match or convert; there is no exchange-rate
conversion, so a Dollar figure never supports a Euro figure.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Optional

from .quantities.ages import AGE
from .quantities.dates import iso_interval, shown_date
from .types import Quantity

NUMBER_TOLERANCE = 0.02
APPROX_TOLERANCE = 0.10  # used only when a hedged figure arrives without low/high
DURATION_TOLERANCE = 0.05
# Percentages are widened by this much of a unit of their last decimal place, a little under half, so
# that neighbours stated to the same place differ (1,5 % and 1,6 % are two forecasts, not one rounded).
HALF_UNIT = 0.49
DAYS_PER = {"day": 1.0, "week": 7.0, "month": 30.4375, "year": 365.25, "hour": 1 / 24, "minute": 1 / 1440,
            "second": 1 / 86400}
# The periods a rate is counted per (Quantity.per), in days: "pro Monat" against "a year" compares twelve months.
PERIOD_DAYS = {**DAYS_PER, "quarter": 91.3125}
NIGHT = "night"  # a stay's length ("4,3 Nächte"), a duration of its own unit
# The units a price or amount is counted per (Quantity.per beyond periods) that UNIT_FACTORS below does not convert
# already ("pro Kilo", "je Tonne", "pro Liter" do), as (base unit, factor): "12 Cent pro Kilowattstunde" is 120 euros
# per MWh. Such a figure is compared only with one counted per the same base unit (_per_unit).
PER_UNITS = {"kWh": ("kWh", 1.0), "MWh": ("kWh", 1000.0), "m²": ("m²", 1.0), "barrel": ("barrel", 1.0),
             "share": ("share", 1.0), "person": ("person", 1.0), NIGHT: (NIGHT, 1.0)}
# Units that convert into one another (factor to the first unit of the group).
UNIT_FACTORS = {
    "t": ("kg", 1000.0), "kg": ("kg", 1.0), "g": ("kg", 0.001),
    "km": ("m", 1000.0), "m": ("m", 1.0), "cm": ("m", 0.01),
    "GW": ("MW", 1000.0), "MW": ("MW", 1.0), "kW": ("MW", 0.001), "W": ("MW", 1e-6),
    "GHz": ("MHz", 1000.0), "MHz": ("MHz", 1.0),
    "l": ("l", 1.0), "hl": ("l", 100.0), "ml": ("l", 0.001),
}


@dataclass
class Comparison:
    agree: bool
    claim_figure: Quantity  # the two figures as compared (a yearless date read in the other's year)
    fact_figure: Quantity
    specificity: float = 0.0  # for an agreement: how unlikely it is by chance, 0..1 (see agreement_specificity)

    # The rest is worked out only when asked: the verifier compares each fact's figures with
    # every figure of the article (tens of thousands of comparisons), needs the distance of
    # one per fact and shows the texts of a handful.
    @property
    def detail(self) -> str:
        """"same", "differs by 20 %", "14 days apart", "1 year apart"."""
        if self.agree:
            return "same"
        if opposite_changes(self.claim_figure, self.fact_figure):
            return "one rose, the other fell"
        if self._dated:
            return self._apart()
        return _difference(self.claim_figure, self.fact_figure)

    @property
    def distance(self) -> float:
        """For a disagreement: how far apart, |log10 ratio| of the numbers or decades between the dates
        (the verifier caps both at 3: a thousandfold, thirty years). Decades, not years: a date changed by
        mistake lies a few years off ("1925" / "1931"), another event of the same subject often decades
        ("Nobelpreis 2001" / "Entdeckung 1982"); held out, years capped at 3 told them apart worse."""
        if self.agree:
            return 0.0
        if self._dated:
            return self._days_apart() / 365.25 / 10.0
        return _log_distance(*_compared_intervals(self.claim_figure, self.fact_figure))

    @property
    def claim_text(self) -> str:
        return format_quantity(self.claim_figure)

    @property
    def fact_text(self) -> str:
        return format_quantity(self.fact_figure)

    @property
    def _dated(self) -> bool:
        return _measure(self.fact_figure)[0] == "date"

    def _apart(self) -> str:
        """How far apart the two dates lie as a reader counts: two whole years (or longer spans) by their years
        ("2006" and "2007" are a year apart, though a day lies between them), other dates by the days between."""
        a, b = date_interval(self.claim_figure), date_interval(self.fact_figure)
        years = abs(a[0].year - b[0].year)
        if (a[1] - a[0]).days >= 364 and (b[1] - b[0]).days >= 364 and years:  # "vor 2015" / "2015": a day apart
            return f"{years} year{'' if years == 1 else 's'} apart"
        days = self._days_apart()
        return f"{days} day{'' if days == 1 else 's'} apart"

    def _days_apart(self) -> int:
        a, b = compared_dates(self.claim_figure, self.fact_figure)
        return min(abs((a[0] - b[1]).days), abs((b[0] - a[1]).days))


def _measure(q: Quantity) -> Optional[tuple[str, str]]:
    """What a quantity measures, as (family, unit); None when it cannot be compared."""
    if q.kind == "date" or (q.kind == "duration" and q.value is None and q.date_low):
        return ("date", "day")
    if q.kind == "duration":
        # nights only with nights: a stay of 4,3 nights is not one of 4,3 days, nor of 5,3
        return ("duration", "day") if q.unit in DAYS_PER else ("duration", NIGHT) if q.unit == NIGHT else None
    if q.kind == "quantity" and q.unit in UNIT_FACTORS:
        return ("quantity", UNIT_FACTORS[q.unit][0])
    if q.kind == "quantity" and not q.unit:
        return ("count", "")  # a bare number ("liegt bei 155,6") is a count of nothing named
    return (q.kind, q.unit or "")


def comparable(claim: Quantity, fact: Quantity) -> bool:
    """Whether two figures measure the same kind of thing in the same unit."""
    a, b = _measure(claim), _measure(fact)
    if a is None or b is None or a[0] != b[0]:
        return False
    if (claim.relation == AGE) != (fact.relation == AGE):
        return False  # "ab 12 Jahren" is an age limit, "dauerte zwei Jahre" a period (quantities/ages.py)
    if _per_unit_base(claim) != _per_unit_base(fact):
        return False  # "31 Cent je Kilowattstunde" is no 30.000-Euro grant, nor a price per square metre
    if a[0] == "count":
        # Users are not employees; a count without a noun matches any noun, "people" any person noun, a
        # noun the more general one it is a kind of ("vaccine doses" and "doses").
        return not (a[1] and b[1]) or same_count_unit(a[1], b[1]) or _people_and_persons(a[1], b[1])
    return a[1] == b[1]


def same_count_unit(a: str, b: str) -> bool:
    """Whether two count units name one thing, the one a kind of the other ("vaccine doses", "doses")."""
    return a == b or a in _general_units(b) or b in _general_units(a)


@lru_cache(maxsize=1)
def _units_table() -> dict:
    """claimcheck/lang/units.toml, read once."""
    return tomllib.loads(resources.files("claimcheck.lang").joinpath("units.toml").read_text("utf-8"))


@lru_cache(maxsize=None)
def _general_units(unit: str) -> frozenset[str]:
    """The more general count units `unit` is a kind of, up the chain of units.toml [general]."""
    general = _units_table()["general"]
    found: list[str] = []
    while unit in general and general[unit] not in found:
        unit = general[unit]
        found.append(unit)
    return frozenset(found)


@lru_cache(maxsize=1)
def _people_units() -> tuple[str, frozenset[str]]:
    data = _units_table()["people"]
    return data["generic"], frozenset(data["persons"])


def generic_people_unit() -> str:
    """The unit of a count of persons of no named kind ("Menschen", "people")."""
    return _people_units()[0]


def _people_and_persons(a: str, b: str) -> bool:
    """Whether one unit is "people" and the other persons of a kind, or a kind of those ("new infections")."""
    generic, persons = _people_units()
    return (a == generic and _persons(b, persons)) or (b == generic and _persons(a, persons))


def _persons(unit: str, persons: frozenset[str]) -> bool:
    return unit in persons or bool(_general_units(unit) & persons)


# --- intervals ---------------------------------------------------------------

def number_interval(q: Quantity, widen: bool = True) -> tuple[float, float]:
    """[low, high] of a numeric figure in base units, hedges applied, widened by the tolerance when `widen`."""
    scale = DAYS_PER.get(q.unit, 1.0) if q.kind == "duration" else UNIT_FACTORS.get(q.unit or "", ("", 1.0))[1]
    tol = DURATION_TOLERANCE if q.kind == "duration" else NUMBER_TOLERANCE
    value = q.value
    low, high = q.low, q.high
    if low is None and high is None and q.hedge == "approx" and value is not None:
        low, high = value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE)
    if low is None:
        low = -math.inf if q.hedge == "max" or value is None else value
    if high is None:
        high = math.inf if q.hedge == "min" or value is None else value
    low, high = low * scale, high * scale
    if not widen:
        return low, high
    if q.kind == "percent":  # a rate is stated to its last decimal: 5,7 % is not 5,9 %, though 3 % apart
        written = HALF_UNIT * 10.0 ** -_written_decimals(q)  # "3,0 Prozent" is stated to a tenth, as 3,4 is
        return low - min(_half_unit(low), written), high + min(_half_unit(high), written)
    if q.kind == "duration":
        # durations round by 5 % ("drei Monate" is 90 days), but no further than half a unit of the last non-zero
        # digit in their own unit: "77 Jahre" is not "74 years"
        return (low - min(abs(low) * tol, _half_digit(low / scale) * scale),
                high + min(abs(high) * tol, _half_digit(high / scale) * scale))
    # A figure written to its last digit is no rounded one ("1257" is not "1275", "9,85 Euro" not "9,60"):
    # the tolerance stops at (nearly) half a unit of its last non-zero digit; "1.700" keeps the 2 %.
    return low - min(abs(low) * tol, _half_digit(low)), high + min(abs(high) * tol, _half_digit(high))


_DECIMALS = re.compile(r"\d[.,](\d{1,2})(?!\d)")  # three digits after the mark are a thousands group


def _written_decimals(q: Quantity) -> int:
    """The decimal places a figure's text writes, its trailing zeros included ("3,0 Prozent", "3.0 percent": 1)."""
    return max((len(d) for d in _DECIMALS.findall(q.text)), default=0)


def _half_unit(value: float) -> float:
    """(Nearly) half a unit of the last decimal place a figure has: 5.7 -> 0.049, 40 -> 0.49; 0 for an open bound."""
    return _half_place(value, whole_zeros=False)


def _half_digit(value: float) -> float:
    """(Nearly) half a unit of a figure's last non-zero digit: 1257 -> 0.49, 1700 -> 49, 9.85 -> 0.0049; 0 for 0
    and for an open bound."""
    return _half_place(value, whole_zeros=True) if value != 0 else 0.0


def _half_place(value: float, whole_zeros: bool) -> float:
    """(Nearly) half a unit of a figure's last written place: its last decimal, else its units or, with
    `whole_zeros`, the place of its last non-zero digit; 0 for an open bound."""
    if not math.isfinite(value):
        return 0.0
    digits = f"{abs(value):.6f}".rstrip("0").rstrip(".")
    if "." in digits:
        return HALF_UNIT * 10.0 ** -len(digits.split(".")[1])
    return HALF_UNIT * 10.0 ** ((len(digits) - len(digits.rstrip("0"))) if whole_zeros else 0)


def date_interval(q: Quantity) -> Optional[tuple[dt.date, dt.date]]:
    """The days a dated figure stands for; None when it has no date."""
    try:
        if q.date_low and q.date_high:
            return dt.date.fromisoformat(q.date_low), dt.date.fromisoformat(q.date_high)
        if q.date:
            return iso_interval(q.date)
    except ValueError:
        return None
    return None


def date_span_days(q: Quantity) -> Optional[int]:
    """How many days a dated figure spans (1 for a day, ~30 for a month, 365 for a year); None without a date."""
    if _yearless(q):  # '9. Juni' spans a day in any year
        q = _with_year_of(q, _ANY_YEAR)
    interval = date_interval(q)
    return (interval[1] - interval[0]).days + 1 if interval else None


# --- comparing ---------------------------------------------------------------

_ANY_YEAR = Quantity("", 0, 0, "date", date="2000")  # a leap year: '29. Februar' exists in it


def _yearless(q: Quantity) -> bool:
    return (q.date or q.date_low or "").startswith("--")


_YEAR_WRITTEN = re.compile(r"\d{4}|['’]\d{2}\b")


def _date_days(q: Quantity) -> Optional[int]:
    return date_span_days(q) if q.kind == "date" else None


def year_written(q: Quantity) -> bool:
    """Whether a figure's text writes a year ("2019", "Mai ’22"), where "Dienstag" or "im Mai" leave it to be assumed."""
    return _YEAR_WRITTEN.search(q.text) is not None


def _year_assumed(q: Quantity) -> bool:
    """A date finer than a year whose text writes no year ("Dienstag", "Mitte Mai"): its year is the
    publication's, an assumption the text never states."""
    span = _date_days(q)
    return span is not None and span < 365 and not year_written(q)


def _spans_years(q: Quantity) -> bool:
    span = _date_days(q)
    return span is not None and span >= 365


def _day_after_since(claim: Quantity, fact: Quantity) -> bool:
    """Whether a date of the claim finer than a year (a day, a week's days, a month; "bis Ende Dezember" too) lies
    after the start of a state the fact dates with "seit". A year is still compared: "2016 heirateten sie" may date
    that start, and so is another "seit" date."""
    span = _date_days(claim)
    if claim.relation == "since" or fact.relation != "since" or span is None or span >= 365:
        return False
    day, since = date_interval(claim), date_interval(fact)
    return day is not None and since is not None and day[0] > since[1]


def _with_year_of(yearless: Quantity, other: Quantity) -> Quantity:
    """'9. Juni' (no year: '--06-09') read in the year of the figure it is compared with."""
    year = (other.date or other.date_low or "")[:4]
    if not year.isdigit():
        return yearless
    fill = lambda iso: year + iso[1:] if iso and iso.startswith("--") else iso  # noqa: E731
    return replace(yearless, date=fill(yearless.date), date_low=fill(yearless.date_low),
                   date_high=fill(yearless.date_high))


def _since_as_date(q: Quantity, other: Quantity) -> Quantity:
    """ "seit fünf Jahren" (read from the publication date: 2019-11-14) as the date it names, when `other` is a date
    with "seit" ("since 2019"): the day counted back, half its unit either way, as "vor zwei Jahren" reads. Unhedged
    or approximate spans only: "seit über 20 Jahren" names no such window. `q` itself otherwise."""
    if not (q.kind == "duration" and q.relation == "since" and q.date and q.value is not None
            and q.hedge in (None, "approx") and other.kind == "date" and other.relation == "since"):
        return q
    day, half = dt.date.fromisoformat(q.date), dt.timedelta(days=DAYS_PER.get(q.unit or "", 0.0) * 0.5)
    return replace(q, kind="date", value=None, low=None, high=None, unit=None,
                   date_low=(day - half).isoformat(), date_high=min(day + half, dt.date.max).isoformat())


def compare(claim: Quantity, fact: Quantity) -> Optional[Comparison]:
    """Compare two figures; None when they are not comparable."""
    claim, fact = _since_as_date(claim, fact), _since_as_date(fact, claim)
    if not comparable(claim, fact):
        return None
    if _yearless(claim) and _yearless(fact):  # '4. September' vs 'bis zum 4. September': day and month alone
        claim, fact = _with_year_of(claim, _ANY_YEAR), _with_year_of(fact, _ANY_YEAR)
    elif _yearless(claim) or _yearless(fact):
        dated = fact if _yearless(claim) else claim
        span = date_span_days(dated)
        if span is not None and span >= 365:
            return None  # '11. Oktober' read in the year of '1996' agrees by construction: it says nothing
        claim, fact = (_with_year_of(claim, fact), fact) if _yearless(claim) else (claim, _with_year_of(fact, claim))
    elif _year_assumed(claim) and _spans_years(fact) or _year_assumed(fact) and _spans_years(claim):
        return None  # "am Dienstag" is dated in the publication's year, which "Umsatz 2023" then only seems to deny
    if (claim.relation == "compared") != (fact.relation == "compared"):
        return None  # "compared with January 2024" names the base of a change, not the day "am Freitag" names
    if _day_after_since(claim, fact):
        return None  # "seit August 2022 Chefin" holds on any later day: it neither confirms nor denies "am Freitag"
    if _measure(fact)[0] == "date":
        if (intervals := compared_dates(claim, fact)) is None:
            return None
        a, b = intervals
        agree = a[0] <= b[1] and b[0] <= a[1]
        if agree and _open_span(claim) != _open_span(fact):
            # "Mitte April" lies before "vor dem 25. November": an open span holds most dates a text names and
            # says nothing of them (facts name such a limit to frame another figure); only a date past it disagrees
            return None
        return Comparison(agree, claim, fact, agreement_specificity(claim, fact) if agree else 0.0)
    if claim.value is None and claim.low is None and claim.high is None:
        return None
    if fact.value is None and fact.low is None and fact.high is None:
        return None
    if opposite_changes(claim, fact):
        return Comparison(False, claim, fact)  # "stiegen um 3,5 Prozent" against "fell 3.5 percent"
    a, b = _compared_intervals(claim, fact)
    if claim.hedge == fact.hedge == "range":
        # Two stated ranges agree where one holds the other: "zwischen 20 und 40 Jahren" and "40 bis 60
        # Jahre" name two brackets that only touch, "8 bis 16 Tage" and "8-16 days" the same one.
        agree = (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])
    else:
        agree = a[0] <= b[1] and b[0] <= a[1]
    return Comparison(agree, claim, fact, agreement_specificity(claim, fact) if agree else 0.0)


def opposite_changes(claim: Quantity, fact: Quantity) -> bool:
    """Whether both figures are sizes of changes (Quantity.change) and one rose where the other fell."""
    return bool(claim.change and fact.change and claim.change != fact.change)


def compared_dates(claim: Quantity, fact: Quantity) -> Optional[tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date]]]:
    """The day intervals two dated figures are compared by; None where either has no date. "vor 2015" stands
    for the days before 2015, "nach dem 18. Februar" for those after it; two figures open to one side state the
    date itself ("vor 2015" and "vor 2010" name different limits, as two bounds of one direction do for numbers)."""
    a, b = date_interval(claim), date_interval(fact)
    if a is None or b is None:
        return None
    if _open_span(claim) is not None and _open_span(claim) == _open_span(fact):
        return a, b
    return _days_open(claim, a), _days_open(fact, b)


def _open_span(q: Quantity) -> Optional[str]:
    """ "before" or "after" where a dated figure stands for the days on one side of its date, else None."""
    return q.relation if q.relation in ("before", "after") else None


def _days_open(q: Quantity, interval: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    if q.relation == "before":
        return dt.date.min, interval[0] - dt.timedelta(days=1)
    if q.relation == "after":
        return interval[1] + dt.timedelta(days=1), dt.date.max
    return interval


def _compared_intervals(claim: Quantity, fact: Quantity) -> tuple[tuple[float, float], tuple[float, float]]:
    """The number intervals two figures are compared by. Two bounds of one direction state the bound
    itself: "bis zu 50.000 Euro" and "höchstens 100.000 Euro" name different caps (as open intervals
    they would overlap and agree by construction), so their bounds are compared as figures."""
    if claim.hedge == fact.hedge and claim.hedge in ("min", "max"):
        claim, fact = replace(claim, hedge=None), replace(fact, hedge=None)
    # The tolerance stands for rounding. A hedged figure ("rund 36 Milliarden": 34.2-37.8) states its own
    # (types.STATED_BOUNDS; a forecast states none), so against one neither side is widened again: "rund 36
    # Milliarden" is not 34,1 Milliarden.
    widen = claim.unbounded and fact.unbounded
    a, b = number_interval(claim, widen), number_interval(fact, widen)
    if widen:
        # Only the coarser figure stands for rounding: "250 Euro" may be 245-255, but "255 Euro" is 255, so the two
        # disagree, where both widened they met at 254.9 (a probe of budget news: child benefit of 250 against 255).
        raw_a, raw_b = number_interval(claim, False), number_interval(fact, False)
        if a[1] - a[0] - (raw_a[1] - raw_a[0]) >= b[1] - b[0] - (raw_b[1] - raw_b[0]):
            b = raw_b
        else:
            a = raw_a
    factor = _per_factor(claim, fact)
    return a, (b[0] * factor, b[1] * factor)


def _per_unit(per: Optional[str]) -> Optional[tuple[str, float]]:
    """(base unit, factor) of the unit a figure is counted per (("kWh", 1000.0) for "pro Megawattstunde", ("kg",
    1000.0) for "je Tonne"); None for a period or none."""
    if per is None or per in PERIOD_DAYS:
        return None
    return PER_UNITS.get(per) or UNIT_FACTORS.get(per)


def _per_unit_base(q: Quantity) -> Optional[str]:
    """The base unit a figure is counted per ("kWh" for "120 Euro pro Megawattstunde"); None for a period or none."""
    unit = _per_unit(q.per)
    return unit[0] if unit else None


def _per_factor(claim: Quantity, fact: Quantity) -> float:
    """What the fact's rate is multiplied by to count it per the claim's period or unit ("500 Euro pro Monat" against
    "6,000 euros a year": 1/12; "12 Cent pro Kilowattstunde" against "120 euros per MWh": 1/1000); 1 where either is
    no rate or both count per the same period."""
    if claim.per and fact.per and claim.per != fact.per:
        if (unit := _per_unit(claim.per)) is not None:  # comparable() let through only units of one base
            return unit[1] / _per_unit(fact.per)[1]
        return PERIOD_DAYS[claim.per] / PERIOD_DAYS[fact.per]
    return 1.0


def _log_distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Orders of magnitude between two disjoint intervals (0 when a side is open or not positive)."""
    lo, hi = (a[1], b[0]) if a[1] < b[0] else (b[1], a[0])
    if not (math.isfinite(lo) and math.isfinite(hi)) or lo <= 0 or hi <= 0:
        return 0.0
    return abs(math.log10(hi / lo))


def _significant_digits(value: float) -> int:
    mantissa = f"{abs(value):.6e}".split("e")[0]  # 160725 -> "1.607250", 1e8 -> "1.000000"
    return max(1, len(mantissa.replace(".", "").rstrip("0")))


SIMPLE_SHARE_DENOMINATORS = range(2, 13)


def _simple_share(q: Quantity) -> bool:
    """Whether a percentage is a simple fraction read from words ("ein Drittel", "zwei von drei": 33,3333 %,
    66,6667 %), whose repeating decimals say nothing about how telling it is; "33,3 Prozent" and "12,5
    Prozent" are written to their digits."""
    if q.kind != "percent" or q.value is None or abs(q.value * 100 - round(q.value * 100)) < 1e-6:
        return False
    return any(abs(q.value - 100.0 * round(q.value * d / 100.0) / d) < 1e-3 for d in SIMPLE_SHARE_DENOMINATORS)


def agreement_specificity(claim: Quantity, fact: Quantity) -> float:
    """How telling an agreement is: 160.725 = 160,725 rarely happens by chance, 2015 = 2015 often does.

    Numbers: significant digits of the claim (capped at 4, scaled to 0..1), halved when
    the two figures only overlap as intervals instead of being equal. Dates: day 1.0,
    month 0.6, year 0.3, a decade or other span of years 0.1, the coarser of the two dates
    counting. Durations: 0.3.
    """
    if claim.kind == "duration":  # "mehr als einer Minute" agrees with a year, and says nothing of it
        return 0.3 * _bound_tightness(claim, fact)
    if claim.kind == "date" or (claim.value is None and claim.date):
        # Two dates agree only as far as the coarser of them goes: '9. Juni' (read in the
        # other's year) and '1998' agree on nothing but that the day lies in some year.
        return min(_date_specificity(claim), _date_specificity(fact))
    if claim.value is None or fact.value is None:
        return 0.25
    exact = abs(claim.value - fact.value) <= 0.005 * max(abs(claim.value), abs(fact.value))
    digits = 1 if _simple_share(claim) else min(_significant_digits(claim.value), 4)
    return digits / 4 * (1.0 if exact else 0.5 * _bound_tightness(claim, fact))


def _days_scale(q: Quantity) -> float:
    """What a figure's value is multiplied by to compare it across units: days for a duration, else 1."""
    return DAYS_PER.get(q.unit or "", 1.0) if q.kind == "duration" else 1.0


def _bound_tightness(claim: Quantity, fact: Quantity) -> float:
    """How close a figure lies to the open bound it agrees with: 1 for "mehr als 140 Mio." vs 150
    Mio., 0.24 for 2.429 vs "bis zu 10.000", near 0 for 750 Mrd. vs "über 16,3 Mio." (any large
    number lies beyond it); "mindestens acht" vs "bis zu 10.000" overlap as loosely as 8 and 10.000 lie
    apart. Two bounds of one direction, or none, are as tight as the numbers go."""
    bounds = [q for q in (claim, fact) if q.hedge in ("min", "max") and (q.low is None or q.high is None)]
    if not bounds or claim.hedge == fact.hedge:
        return 1.0
    a, b = abs(claim.value * _days_scale(claim)), abs(fact.value * _days_scale(fact))
    return min(a, b) / max(a, b) if max(a, b) > 0 else 1.0


def _date_specificity(q: Quantity) -> float:
    """Day 1.0, month 0.6, year 0.3, a decade or other span of years 0.1 ("1930er-Jahre")."""
    days = date_span_days(q)
    if days is None:
        return 0.3
    return 1.0 if days <= 1 else 0.6 if days <= 31 else 0.3 if days <= 366 else 0.1


def _difference(claim: Quantity, fact: Quantity) -> str:
    if claim.value and fact.value:
        ratio = (claim.value * _days_scale(claim)) / (fact.value * _days_scale(fact) * _per_factor(claim, fact))
        return f"differs by {abs(ratio - 1) * 100:.0f} %"
    return "differs"


# --- formatting for reasons ----------------------------------------------------

_HEDGE_MARK = {"approx": "~", "min": "≥", "max": "≤", "forecast": "forecast "}
_CHANGE_MARK = {"rise": "up ", "fall": "down "}


def format_number(value: float) -> str:
    """German-style short form: 100000000 -> '100 Mio.', 1.2e9 -> '1,2 Mrd.', 1500 -> '1.500'."""
    for size, word in ((1e12, "Bio."), (1e9, "Mrd."), (1e6, "Mio.")):
        if abs(value) >= size:
            return f"{value / size:.4g}".replace(".", ",") + f" {word}"
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:g}".replace(".", ",")


def format_quantity(q: Quantity) -> str:
    if q.kind == "date" or (q.value is None and q.date):
        text = shown_date(q.date, q.date_low, q.date_high) if q.date else \
            (f"{q.date_low}..{q.date_high}" if q.date_low else q.text)
        return f"{q.relation} {text}" if q.relation in ("until", "from", "before", "after") else text
    if q.hedge == "range" and q.low is not None and q.high is not None:
        number = f"{format_number(q.low)}-{format_number(q.high)}"
    elif q.value is not None:
        number = _HEDGE_MARK.get(q.hedge or "", "") + format_number(q.value)
    else:
        bound = q.low if q.low is not None else q.high
        number = _HEDGE_MARK.get(q.hedge or "", "") + (format_number(bound) if bound is not None else "?")
    if q.relation == AGE:
        return f"aged {number}"  # "aged 64", "aged ≥80": an age is no period, its days say nothing
    unit = {"percent": "%", "pp": "pp"}.get(q.unit or "", q.unit or "")
    if q.kind == "duration" and (q.unit in DAYS_PER or q.unit == NIGHT) and q.value != 1:
        unit += "s"  # "3 months", "90 days"
    text = _CHANGE_MARK.get(q.change or "", "") + f"{number} {unit}".strip() + (f" per {q.per}" if q.per else "")
    if q.kind == "duration" and q.value is not None and DAYS_PER.get(q.unit or "", 0) > 1:
        text += f" (≈{q.value * DAYS_PER[q.unit]:.0f} days)"  # "3 months (≈91 days)"; not for hours or minutes
    return text
