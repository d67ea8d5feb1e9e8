"""The grammar that finds figures in text and reads them into `Quantity`s.

One compiled master regex finds anchors (digits, number words, month names,
quarters, weekdays, a currency sign before digits) and the things that are
never quantities (URLs, phone numbers, times, scores, names like G20 or
Covid-19). From each anchor the grammar reads backwards (hedge words,
relation prepositions, "minus") and forwards (scale word, range, currency,
percent, unit, counted noun, month and year). All words come from the
language table (claimcheck/lang/<lang>/quantities.toml).
"""
from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
import threading
from typing import Any, Optional

from claimcheck.types import Quantity

from . import dates
from .ages import AGE, AgeCues, mark_ages
from .changes import ChangeCues, mark_changes
from .numbers import WordNumerals, parse_digits
from .patterns import alternation as _alt

Day = dt.date


_PERIOD_THIRDS = {"early": 0, "mid": 1, "late": 2}  # which third of a quarter or half year a part names
_HAS_WORD = re.compile(r"[^\W\d_]")


NO_CURRENCY = "XXX"  # ISO 4217's code for "no currency": cents the text's context must name (_cents_currency)
_CLOCK_UNITS = frozenset({"second", "minute", "hour"})  # durations shorter than the day a deadline resolves to


def _clean(x: Optional[float]) -> Optional[float]:
    """A figure to 12 significant digits: binary floating point makes 8,54 Milliarden 8539999999.999999."""
    return None if x is None else float(f"{x:.12g}")


# Brackets and quotation marks that may open a word before a figure ("(rund 100", "‚mehr als 1.200‘")
_OPENING_MARKS = "([„‚“‘«»‹›\"'"


class _PhraseTable(dict):
    """A table of phrases whose lookups pass over how the text spaced them: the patterns match "mehr⏎als"
    and "bis  zum" (a line break, a double space) as "mehr als" and "bis zum"."""

    def get(self, phrase, default=None):
        return super().get(" ".join(phrase.split()) if isinstance(phrase, str) else phrase, default)


# units that are rates of time themselves ("60 Kilometern pro Stunde" counts no period of its own)
_SPEED_UNITS = frozenset({"km/h", "m/s", "mph"})
# a participle and a capitalised noun after a date: "ergangenen HG-Urteil", "entwickelten Verfahren"
_ATTRIBUTE_AFTER = re.compile(r"\s+[a-zäöüß]+(?:en|ten)\s+[A-ZÄÖÜ]")
_OPEN_SPAN_WORDS = re.compile(r"\S+\s+dem\s+")


# "Waren es 21.570 Terabyte, so waren es 76.200": a bare number takes the unit of the figure before
# it only when the two are of a size (within this factor), as two readings of one measure are.
ELLIPSIS_SIZE = 10.0
# "um 60 beziehungsweise 46 Prozent": a figure shares the unit of the one after it only when it is at most this
# many times larger ("605.000 oder 14 Prozent" is a count and its share).
SHARED_UNIT_SIZE = 100.0
# a figure, and at most a noun after it, right before a period: "155 Wahlgänge in zehn Wochen"
_COUNT_BEFORE = re.compile(r"(?<![\w.,])(?!(?:1\d|20)\d\d\s)\d[\d.,]*\s+(?:[^\W\d_][\w-]*\s+)?\Z")  # not a year
_NOUN_RIGHT_AFTER = re.compile(r"[ \t]+[A-ZÄÖÜ][a-zäöüß]")  # a noun right after a duration ("in zehn Jahren Krieg")
# Between a figure in brackets and a figure after the bracket closes: "(Vater, Erstfrau und vier Kinder) wurden nun 12"
_ASIDE_CLOSED = re.compile(r"[^()]*\)[^()]*")
# Between two figures of which the second carries the noun of both: "von 50 auf 40 Teilnehmer", "19 vertikalen und 19"
_JOINED_TO_NEXT = re.compile(r"(?:\s+[a-zäöüß]+)?\s+(?:auf|bis|oder|und|bzw\.|beziehungsweise|statt|anstatt)"
                             r"(?:\s+(?:bisher|derzeit|zuletzt))?\s+")  # "80 statt bisher 40 Polizisten" (audit 29)
# A noun after a figure, up to two lowercase words before it: " aktive User"
_NOUN_AFTER_ADJECTIVES = re.compile(r"(?:\s+[a-zäöüß]+){0,2}\s+(\S+?)(?=[\s,.;:!?)]|$)")
_YEAR_DIGITS = re.compile(r"\d{4}")
# The noun after a capitalised "-er" word before it ("26 Duisburger Schulen"): another capitalised word, then no
# capitalised word or figure
_PLACE_ADJECTIVE_NOUN = re.compile(r"\s([A-ZÄÖÜ][a-zäöüß]+[\wäöüß-]*)(?=[\s,.;:!?)]+(?:[a-zäöüß]|$))")
# Between the two levels of a change: "von 200.000 auf 500.000"
_CHANGE_TO = re.compile(r"\s+auf\s+")
# Cents after a currency: "CHF 25.50", not "Fr. 25.05." (Friday, 25 May)
_PRICE_CENTS = re.compile(r"\.(?:[2-9]\d|1[3-9])(?!\d)|\.(?:0\d|1[0-2])(?![\d.])")
_SWISS_GROUPS = re.compile(r"\d['’]\d{3}")
_GLUED_COMPOUND = re.compile(r"-(\d{1,3})([^\W\d_]+)")  # "-35jähriger", the second number of a range compound


def _year_before(iso: Optional[str]) -> Optional[str]:
    """An ISO date ("2016-04", "2016-04-30") a year earlier; 29 February goes to the 28th."""
    if not iso:
        return iso
    shifted = str(int(iso[:4]) - 1) + iso[4:]
    return shifted.replace("-02-29", "-02-28") if len(iso) == 10 else shifted


# A duration unit and the next smaller one, with how many of it make one: "303 Stunden und 13 Minuten".
SUBUNITS = {("year", "month"): 12, ("week", "day"): 7, ("day", "hour"): 24, ("hour", "minute"): 60, ("minute", "second"): 60}
# How far back (characters) a bare amount in millions looks for the currency of the amount before it.
CARRIED_CURRENCY_REACH = 400
_PERIOD_SHARED = re.compile(r"(?:\s+[A-ZÄÖÜ][\w-]*)?\s+(?:und|sowie)\s+")  # "70.000 Zelte und " before the next figure
_HEAD_LEFT_OUT = re.compile(r"-\s+(?:und|oder|bis)\s")  # "200- und 500-Euro-Scheine": the first compound's head left out
_INITIALS_AFTER = re.compile(r"\.\s?[A-ZÄÖÜ]\.")  # a letter and a full stop before an initial: "m. T."
_ROUND_POWERS = frozenset({100.0, 1000.0, 10_000.0, 100_000.0})  # "hundert" ... "hunderttausend"
_TIME_UNITS = ("second", "minute", "hour", "day", "week", "month", "quarter", "year")  # a duration is a rate of a longer period
# "vor rund einer Woche": how far an approximate "ago" date may lie either way (a share of the span).
AGO_APPROX = 0.5
AGO_LOOSE_UNITS = ("week", "month", "year")  # "vor zwei Jahren" stands for half a year either way
# a quotation may close it ("erleben.» Nadals"); an initial does not ("soll Mahmut A. den Mann angegriffen haben")
_SENTENCE_END = re.compile(r"(?<!\d)(?<!\b[A-ZÄÖÜ])[.!?][»«“”\"']?(?:\s+|$)|\n|\+\+\+")  # "+++": a news ticker's items
_NUMBER_AFTER = re.compile(r"\s+\d[\d.,]*(?=\s)")
_WORD_AFTER = re.compile(r"\s+([a-zäöüß]+)(?=\s)")


def _subunits(unit: Optional[str], smaller: Optional[str]) -> Optional[float]:
    """How many of `smaller` make one `unit` when it is a smaller duration unit down the SUBUNITS chain ("3 Tagen
    14 Stunden und 44 Minuten": a day is 1,440 minutes); None otherwise."""
    factor = 1.0
    while unit != smaller:
        step = next(((small, n) for (big, small), n in SUBUNITS.items() if big == unit), None)
        if step is None:
            return None
        unit, factor = step[0], factor * step[1]
    return factor if factor != 1.0 else None


_CLAUSE_MARK = re.compile(r"[,;:–—]")


_BRACKET_OPEN = re.compile(r"\s*\(\s*\Z")
_BRACKET_CLOSE = re.compile(r"[^()]{0,12}\)")


def _restated_in_brackets(text: str, first: "Quantity", then: "Quantity") -> None:
    """A sum restated in brackets right after it ("bis zu 46 Mrd. Dollar (41,2 Mrd. Euro)", "jährlich neun Milliarden
    Pfund (11,8 Milliarden Euro)") is bounded as it is and counted per the same period, where it says nothing of its own."""
    if first.kind != "money" or then.kind != "money" or not first.value or then.value is None or then.hedge \
            or not _BRACKET_OPEN.search(text, first.end, then.start) or not _BRACKET_CLOSE.match(text, then.end):
        return
    ratio = then.value / first.value
    then.hedge = first.hedge
    then.low = None if first.low is None else _clean(first.low * ratio)
    then.high = None if first.high is None else _clean(first.high * ratio)
    then.per = then.per or first.per


def _joined_next(text: str, out: list["Quantity"], i: int) -> Optional["Quantity"]:
    """The figure after out[i] where the two are joined ("von 50 auf 40 Teilnehmer", "19 vertikalen und 19 horizontalen
    Linien", "um rund acht Milliarden auf 127,5 Milliarden Euro"), so that the second's noun or unit serves both."""
    if i + 1 < len(out) and _JOINED_TO_NEXT.fullmatch(text, out[i].end, out[i + 1].start):
        return out[i + 1]
    return None


def _between(text: str, m: re.Match[str], start: int, end: int) -> str:
    """The text between a match and the figure at text[start:end]; empty where the match holds the figure."""
    if m.end() <= start:
        return text[m.end():start]
    return text[end:m.start()] if m.start() >= end else ""


def _as_threshold(text: str, q: Quantity, start: int) -> Quantity:
    """`q` as a threshold whose "ab" opens at `start` ("ab 739 Euro"): its figure exact, relation "from"."""
    q.start, q.text, q.relation = start, text[start:q.end], "from"
    return q


def _noun_follows(text: str, end: int, noun: Optional[str]) -> bool:
    """Whether the counted noun stands right after the figure ending at `end` ("an die 10.000 Menschen")."""
    return bool(noun) and re.compile(r"\s+" + re.escape(noun) + r"\b").match(text, end) is not None


def _bare_number(q: Quantity) -> bool:
    """A figure in digits with no unit, counted noun or bound: a number whose unit the text may give elsewhere."""
    return (q.kind in ("count", "quantity") and not q.unit and not q.noun and q.unbounded
            and q.value is not None and any(ch.isdigit() for ch in q.text))


# The unit of a multiple ("doppelt so hoch", "das Dreifache", "twice"): a ratio, never compared with a count.
MULTIPLE_UNIT = "times"
SHARE_STEP = 100 / 12  # a share in words ("zwei Drittel", "jeder Dritte") is as precise as a twelfth
# the other end of a span of years in brackets, a lifespan: "(1720-1778)", "(1895–1944)"
_YEAR_SPAN_BEFORE = re.compile(r"\((1\d{3}|20\d\d)\s?[-–]\s?$")
_YEAR_SPAN_AFTER = re.compile(r"\s?[-–]\s?(1\d{3}|20\d\d)\)")
_YEAR = re.compile(r"(?<![\d.,])(1[89]\d\d|20\d\d)(?![\d.,]\d)")  # a year in digits within a sentence
_DIGITS_ONLY = re.compile(r"\d[\d.,]*")  # a figure written as a bare number
_CLAUSE_END = re.compile(r"[,;]|\s[–-]\s")  # where a clause ends after a figure
_STOP_ADJECTIVES = frozenset(
    "die der das den dem des aber oder einer eine einen einem eines seien haben werden wurden sollen "
    "können müssen gegen unter über wieder immer hinter wegen sowie ohne seine seiner seinen ihre "
    "ihren ihrer diese dieser diesen alle allen jeder jeden jede keine keinen mehr sehr bereits "
    "laut seit pro je wie weil wenn dass denn dann sogar mehrere weniger insgesamt außer andere "
    "anderen beide beiden hatte hatten sind waren habe hätte wäre wären sein euro dollar".split()
)
_ADJECTIVE = r"(?:[a-zäöüß][\wäöüß-]*(?:e|en|er|es|em|lich|ig|isch|weit))"
_CAPS_ADJECTIVE = re.compile(r"[a-zäöüß]+(?:e|en|er|es|em)")
# Match minutes in brackets before the last: "(7., 12., 83., 88.)"
_ORDINAL_LIST_BEFORE = re.compile(r"\(\s*(?:\d{1,3}\.,?\s*(?:und\s+)?)+$")
_ORDINAL_JOINED_BEFORE = re.compile(r"(?<![\d.,])\d{1,3}\.\s*(?:und|bis|oder|sowie)\s+$")  # "5. und" before "6. Klassen"
# A figure opening a line after a line that ended a sentence or opened a list (not a hard-wrapped line,
# "Nordrhein-Westfalen 79 und Sachsen⏎69. Damit ...")
_LINE_START = re.compile(r"(?:^|[.:!?)][ \t]*\n)[ \t]*$")
# A party's name in capitals: "FDP", "AfD", "CDU/CSU", "ÖVP" (two capitals or more, short)
_ACRONYM = re.compile(r"(?=(?:\w*[A-ZÄÖÜ]){2})[A-ZÄÖÜ][\wÄÖÜ]{1,5}(?:/[A-ZÄÖÜ][\wÄÖÜ]{1,5})?")
# "(83)": a number alone in brackets, and what joins two such brackets of a list ("), FDP (" or ") und Linke (")
_BRACKETED_NUMBER = re.compile(r"\((\d[\d.,]*)\)")
_LIST_GAP = re.compile(r"\s*(?:,|und|sowie)\s*(?:[\w/-]+\s+){0,2}[\w/-]+\s*")
# The comma of a list of figures: "7,68, 3,84 und 1,92 TB"
_LIST_COMMA = re.compile(r",\s+(?=\d)")
# A date's relation decides which of its years or days is meant ("bis Mitte September": the coming one;
# "ab Juli" follows its clause's tense).
_RELATION_MODES = {"until": "future", "since": "past"}
# Two capitalised words right before a number: a name it may end ("Grand Theft Auto 5"; not a
# hyphenated place in a list of counts, "Straßlach-Dingharting 11").
_NAME_BEFORE = re.compile(r"\b[A-ZÄÖÜ][\wäöüß]*\s[A-ZÄÖÜ][\wäöüß]*\s$")
# ... unless it is an item of a list of counts ("Taufkirchen 68, Bad Tölz 12.").
_COUNT_LIST_BEFORE = re.compile(r"\d\s*[,;]\s+(?:[A-ZÄÖÜ][\wäöüß-]*\s){1,3}$")
# " MU69", " TB145": capitals glued to digits after a year make a catalogue name ("2014 MU69")
_DESIGNATION_AFTER = re.compile(r" [A-Z]{1,3}[0-9]{1,4}\b")
# A leading-zero area code and the digit groups after it: a phone number ("08131 / 87 87 2", "0201/829-0",
# "01/7909-111", "0641 – 7006 2555").
_PHONE_BEFORE = re.compile(r"(?:^|[\s:])0\d{1,5}\s*[/–-]?\s*(?:\d{1,4}[\s/–-]+)*$")


class Grammar:
    """The reader for one language, built once from its quantities table."""

    def __init__(self, table: dict[str, Any], lang: str, places: frozenset[str] = frozenset()) -> None:
        """`places`: names of places (the subjects table's), after which a bracketed number counts ("Bayern (8)")."""
        self.lang = lang
        self.places = places
        num = table["numerals"]
        self.decimal_mark: str = num["decimal_mark"]
        self.group_marks = frozenset(num["group_marks"])
        self.zero_decimals = tuple(sorted(num.get("zero_decimals", ()), key=len, reverse=True))
        self.words = WordNumerals(
            units=num["units"], teens=num["teens"], tens=num["tens"],
            multipliers=num["multipliers"], words={k: float(v) for k, v in num["words"].items()},
            joiner="und" if lang == "de" else "-",
        )
        self.article_words = frozenset(table["numeral_rules"]["article_words"])
        self.part_of_before = frozenset(table["numeral_rules"].get("part_of_before", []))
        self.ordinal_before = frozenset(table["numeral_rules"].get("ordinal_before", []))
        self.ordinal_nouns = frozenset(table["numeral_rules"].get("ordinal_nouns", []))
        self.fractions: dict[str, int] = table["fractions"]
        self.scales: dict[str, float] = {k: float(v) for k, v in table["scales"].items()}
        self.glued_scales = [w for w in table["numeral_rules"].get("glued_scales", []) if w in self.scales]
        self.glued_million: str = table["numeral_rules"].get("glued_million", "")
        plus_half = table["numeral_rules"].get("plus_half", [])
        self.re_plus_half = re.compile(r"\s+" + _alt(plus_half)) if plus_half else None
        self.glued_million_before: list[str] = table["numeral_rules"].get("glued_million_before", [])
        self.glued_million_between: list[str] = table["numeral_rules"].get("glued_million_between", [])
        self.currencies: dict[str, str] = table["currencies"]
        self.whole_price_prefixes: dict[str, str] = table.get("whole_price", {}).get("prefixes", {})
        self.minor: dict[str, tuple[str, float]] = {k: (v[0], float(v[1])) for k, v in table["currency_minor"].items()}
        self.re_minor_inside = re.compile(r"(?<![\w])(" + _alt(self.minor) + r")") if self.minor else None
        cents = table.get("cents_currency", {})
        self.cents_default: Optional[str] = cents.get("default")
        self.re_cents_places = [(code, re.compile(r"(?<![\w])(?:" + _alt(words) + r")(?![\w])", re.I))
                                for code, words in cents.get("places", {}).items()]
        pct = table["percent"]
        self.percent_words = frozenset(pct["percent"])
        self.point_words = frozenset(pct["points"])
        self.basis_points = frozenset(pct["basis_points"])
        # "0,1 Punkte auf 5,7 Prozent": points before "auf" and a rate (table [percent] rate_points)
        self.re_rate_points = re.compile(rf"\s*(?P<points>{_alt(pct['rate_points'])})\s+(?:auf|to)\s+") \
            if pct.get("rate_points") else None
        self.permille = frozenset(pct.get("permille", []))
        self.units: dict[str, str] = table["units"]
        self.durations: dict[str, tuple[str, float]] = {k: (v[0], float(v[1])) for k, v in table["durations"].items()}
        # a hedge opening a sentence is capitalised ("Rund 100", "Some 800 million"), one in a headline may be
        # all capitals ("ÜBER 100 JUNGEN Frauen")
        self.hedges: dict[str, str] = _PhraseTable({**{k.upper(): v for k, v in table["hedges"].items()},
                                                    **{k[:1].upper() + k[1:]: v for k, v in table["hedges"].items()},
                                                    **table["hedges"]})
        exceptions = table.get("hedge_exceptions", {})
        self.not_before_durations = frozenset(exceptions.get("not_before_durations", []))
        self.amount_prepositions = frozenset(exceptions.get("amount_prepositions", []))
        self.noun_hedges = frozenset(exceptions.get("noun_hedges", []))
        self.amount_bounds: dict[str, str] = exceptions.get("amount_bounds", {})
        self.among_hedges = frozenset(exceptions.get("among_hedges", []))
        self.survey_nouns = tuple(exceptions.get("survey_nouns", []))
        self.amount_noun_endings = tuple(exceptions.get("amount_noun_endings", []))
        self.preposition_verbs = frozenset(exceptions.get("preposition_verbs", []))
        stems = exceptions.get("preposition_verb_stems", [])
        self.re_preposition_verb = re.compile(r"\b(?i:" + "|".join(map(re.escape, stems)) + r")\w*") if stems else None
        self.vague_quantifiers = frozenset(table["numeral_rules"].get("vague_quantifiers", []))
        money_nouns = table.get("money_nouns", {}).get("endings", [])
        self.re_money_noun = re.compile(r"\w*(?:" + "|".join(map(re.escape, money_nouns)) + r")\w*", re.I) if money_nouns else None
        self.hedges_after: dict[str, str] = table.get("hedges_after", {})
        # relation -> (the words before the date, the word after it as a pattern that allows a time of day between)
        self.relation_frames = {rel: (frozenset(f["before"]), re.compile(
            rf"\s+(?:\d{{1,2}}(?:[.:]\d{{2}})?\s+Uhr\s+)?{re.escape(f['after'])}(?![\w])"))
            for rel, f in table.get("relation_frames", {}).items()}
        self.relation_events = {rel: re.compile(
            rf"(?<![\w]){_alt(e['words'])}\s+{_alt(e['articles'])}(?:\s+[^\W\d][\w-]*){{1,4}}\s+{_alt(e['joiners'])}\s+\Z")
            for rel, e in table.get("relation_events", {}).items()}
        # not "40 Prozent und mehr Geld" (a comparative before a noun), nor "113 Euro und darüber 168 Euro", nor
        # "500 Menschen und mehr als 20 Polizisten" (a bound of the next figure)
        # ... but "oder mehr" before a noun still bounds the figure: "2.500 oder mehr Menschen" (at least 2,500)
        before_noun = [h for h in exceptions.get("bounds_before_noun", []) if h in self.hedges_after]
        others = [h for h in self.hedges_after if h not in before_noun]
        alternatives = ([r"(?:" + _alt(others) + r")(?![\w-])(?!\s+(?:[A-ZÄÖÜ\d]|als\b))"] if others else []) + (
            [r"(?:" + _alt(before_noun) + r")(?![\w-])(?!\s+(?:\d|als\b))"] if before_noun else [])
        self.re_hedge_after = re.compile(r"\s+(" + "|".join(alternatives) + r")") if alternatives else None
        self.relations: dict[str, str] = _PhraseTable(table["relations"])
        self.re_hedge_ahead = re.compile(r"(?:" + _alt(table["hedges"]) + r")\s+")
        d = table["dates"]
        self.months: dict[str, int] = {**d["months_full"], **d["months_abbr"]}
        # months of another language a text may quote a date in, read only as "21 March 2016" (day, month, year)
        self.quoted_months: dict[str, int] = d.get("quoted_months", {})
        angle_words = table.get("angles", {}).get("after", [])
        self.re_angle_after = re.compile(r"\s*(?:" + _alt(angle_words) + r")") if angle_words else None
        self.angle_idioms = frozenset(float(v) for v in table.get("angles", {}).get("idioms", []))
        self.month_cues = frozenset(d["month_cues"])
        self.numeric_date_cues = frozenset(d.get("numeric_date_cues", []))
        self.parts: dict[str, str] = d["parts"]
        # the words that join a period's two dates (table [dates] period_joiners, period_and)
        self.re_period_join = re.compile(rf"\s*(?:{_alt(d.get('period_joiners', []))})?\s*")
        self.point_prepositions = frozenset(d.get("point_prepositions", []))
        self.re_period_and = re.compile(rf"\s*{_alt(d.get('period_and', []))}\s*")
        # "Anfang der", "Ende des", "the early", "mid-" right before a decade, a quarter or a half year
        period_parts = [w for w, p in self.parts.items() if p in ("early", "mid", "late")]
        self.re_part_before_period = re.compile(rf"(?<![\w])(?P<part>{_alt(period_parts)})\s*$") if period_parts else None
        q = d["quarters"]
        self.quarter_ordinals: dict[str, int] = q["ordinals"]
        self.quarter_words = frozenset(q["quarter_words"])
        self.half_words = frozenset(q["half_words"])
        # "in der zweiten Hälfte 2025", "H2 2025": a half year only with its year ("die zweite Hälfte des Spiels")
        self.half_words_with_year = frozenset(q.get("half_words_with_year", []))
        wd = d["weekdays"]
        self.weekdays: dict[str, int] = {k: v for k, v in wd.items() if isinstance(v, int)}
        self.future_cues = frozenset(wd["future_cues"])
        self.past_cues = frozenset(wd["past_cues"])
        self.this_year_cues = frozenset(wd.get("this_year_cues", []))
        self.effective_cues = frozenset(wd.get("effective_cues", []))
        effective_verbs = wd.get("effective_verbs", [])
        self.re_effective_verb = re.compile(r"(?<![\w])" + _alt(effective_verbs) + r"(?![\w])") if effective_verbs else None
        tenseless, joiners = wd.get("tenseless_cues", []), wd.get("list_joiners", [])
        tenseless = tenseless + [w[:1].upper() + w[1:] for w in tenseless]  # also opening a sentence: "Für Mittwoch"
        # "für Mittwoch", "für Mittwoch und Donnerstag": the cue, then weekdays joined, right before the weekday
        self.re_tenseless = re.compile(
            rf"(?<![\w]){_alt(tenseless)}\s+(?:{_alt(self.weekdays)}\w*\s*(?:{_alt(joiners)})\s*)*$") if tenseless else None
        # "für den 3. Januar", "für 1., 2. und 3. Januar": the cue, then days joined, right before the day
        articles = wd.get("apposition_joiners", [])
        self.re_tenseless_day = re.compile(
            rf"(?<![\w]){_alt(tenseless)}\s+(?:{_alt(articles)}\s+)?(?:\d{{1,2}}\.\s*(?:{_alt(joiners)})\s*)*$"
        ) if tenseless and articles else None
        self.year_cues = frozenset(d["year_cues"]["words"])
        # "findet statt" also with the clause between its parts ("findet Anfang November statt")
        schedule = ["\\s(?:[^.!?]*?\\s)?".join(map(re.escape, verb.split())) for verb in d["weekdays"].get("schedule_verbs", [])]
        self.re_schedule_verb = re.compile(r"(?<![\w])(?:" + "|".join(schedule) + r")(?![\w])") if schedule else None
        self.named_days: dict[str, tuple[int, int]] = {k: (int(v[0]), int(v[1])) for k, v in d.get("named_days", {}).items()}
        self.re_named_day_before = re.compile(r"(?<![\w-])(" + _alt(self.named_days) + r")\s+\Z") if self.named_days else None
        self.year_period_nouns = frozenset(d["year_cues"].get("period_nouns", []))
        count_adjectives = d["year_cues"].get("count_adjectives", [])
        self.re_count_adjective = re.compile(r"\s+" + _alt(count_adjectives) + r"\s+[A-ZÄÖÜ]") if count_adjectives else None
        self.factor_words = frozenset(table.get("times", {}).get("factor_words", []))
        eras = d["year_cues"].get("eras", {})
        self.eras_before = frozenset(eras.get("before", []))
        era_words = [*self.eras_before, *eras.get("after", [])]
        self.re_era_after = re.compile(rf"\s*({_alt(era_words)})(?![\w])") if era_words else None
        after = d["year_cues"].get("after", [])
        self.re_year_cue_after = re.compile(rf"\s+{_alt(after)}(?![\w])") if after else None
        self.older_year_count_words = frozenset(d["year_cues"].get("count_words_before", []))
        whole = d["year_cues"].get("count_whole_after", {})
        self.re_whole_after_year = re.compile(
            rf"\s+{_alt(whole['words'])}\s+(?:{_alt(whole['pronouns'])}|\w+{_alt_prefix(whole['endings'])}\b)"
        ) if whole else None
        self.weekday_suffixes = wd.get("suffixes", [])
        weeks: dict[str, int] = d.get("week_after_weekday", {})
        self.weeks_after_weekday = weeks
        self.re_week_after = re.compile(r"\s+" + _alt(weeks)) if weeks else None
        self.future_tense = wd.get("future_tense", [])
        self.past_tense = wd.get("past_tense", [])
        # "binnen drei Monaten" is a deadline only where words of its sentence look ahead (table [deadlines]);
        # a language without the table reads every such span as a deadline.
        deadlines = table.get("deadlines", {})
        self.span_prepositions = frozenset(deadlines.get("spans", []))
        self.re_looks_ahead = re.compile(r"(?<![\w])" + _alt(self.future_tense + deadlines["cues"])) if deadlines else None
        marker, perfect = wd.get("infinitive_marker"), wd.get("perfect_infinitives", [])
        # "hat ... vergewaltigt", "soll ... angegriffen haben": an auxiliary or modal, a participle in its clause
        # (the participle closes the clause: a lowercase word ending in -t or -en, not after "zu")
        # "Mahmut A." and "gegen 0.45 Uhr" go on
        participle = r"(?:[^,;:.!?–—]|(?<=\b[A-ZÄÖÜ])\.|(?<=\d)[.:](?=\d)){0,160}?(?<!\bzu )\b[a-zäöüß]{3,}(?:t|en)"
        aux, modals = wd.get("perfect_auxiliaries", []), wd.get("reported_perfect_modals", [])
        self.re_perfect = re.compile(rf"(?<![\w]){_alt(aux)}{participle}(?=\s*(?:[,;:.!?)]|$))") if aux else None
        self.re_reported_perfect = (re.compile(rf"(?<![\w]){_alt(modals)}{participle}\s+{_alt(perfect)}(?![\w])")
                                    if modals and perfect else None)
        # a perfect infinitive looks back too ("wird beschuldigt, am Mittwoch ein Mädchen erstochen zu haben"), its
        # participle marked by "ge" or a prefix (not "parat zu haben")
        self.re_perfect_infinitive = (re.compile(rf"(?<![\w])(?=[a-zäöüß]*(?:ge|be|er|ent|emp|miss))[a-zäöüß]{{3,}}(?:t|en)"
                                                 rf"\s+{re.escape(marker)}\s+{_alt(perfect)}(?![\w])")
                                      if marker and perfect else None)
        # up to ten words, then the marker and an infinitive ("zu überprüfen") or a separable verb with the
        # marker inside ("wieder zuzulassen", "vorzubereiten"), before any comma or clause end
        self.separable_prefixes = wd.get("separable_prefixes", [])
        self.perfect_infinitives = frozenset(perfect)
        fused = _alt_prefix(self.separable_prefixes) + re.escape(marker or "") + r"[^\W\d_]+en\b"
        self.re_intention_after = re.compile(
            rf"(?:\s+[^\s,;:.!?–]+){{0,10}}?\s+(?:{re.escape(marker)}\s+(?!{_alt(perfect)}\b)[^\W\d_]+en\b|{fused})"
        ) if marker else None
        noun_joiners = wd.get("noun_date_joiners", [])
        # a capitalised word that does not open the sentence, then the joiner, right before the date
        self.re_noun_date = (re.compile(r"(?<=[^\W\d_])\s+[A-ZÄÖÜ][^\W\d_]+\s+" + _alt(noun_joiners) + r"\s+$")
                             if noun_joiners else None)
        self.weekday_not_after = frozenset(wd.get("not_after", []))
        self.weekday_in_names = tuple(wd.get("in_names", []))
        # "Mittwoch, den 30. Dezember 2020", "Saturday, 29 August", "Dienstag (5.9.)": the weekday only names the
        # date after it
        self.re_year_in = re.compile(r"(?<!\d)\d{4}(?!\d)")
        self.re_weekday_apposed = re.compile(  # also in brackets: "Am Dienstag (5.9.) beginnt der Prozess"
            rf"\s*[,(]?\s*(?:{_alt(articles)}\s+)?(?=\d{{1,2}}\.\s?(?:\d{{1,2}}\.|{_alt(self.months)})"
            rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_alt(self.months)}|{_alt(self.months)}\s+\d{{1,2}}(?!\d))")
        ago = d.get("ago", {})
        self.ago_before = frozenset(ago.get("before", []))
        self.ago_after = ago.get("after", [])
        relative = d.get("relative_years", {})
        self.relative_years: dict[str, int] = relative.get("phrases", {})
        self.relative_after_part: Optional[str] = relative.get("after_part")
        self.from_named_year = frozenset(relative.get("from_named_year", []))
        self.year_compounds: dict[str, tuple[str, int]] = {k: (v[0], int(v[1])) for k, v in relative.get("compounds", {}).items()}
        # "Nächstes Jahr soll das Fest vom 5. bis 7. Juli stattfinden": the phrases ending in this word date a
        # day or month written without a year anywhere in their sentence
        sentence_wide = [p for p in self.relative_years if p.split()[-1] == relative.get("sentence_wide_word")]
        self.re_sentence_year = (re.compile(r"(?<![\w])(" + _alt(sentence_wide + [p[:1].upper() + p[1:] for p in sentence_wide])
                                            + r")(?![\w])") if sentence_wide else None)
        self.framing_phrases = {k.lower(): int(v) for k, v in relative.get("framing_phrases", {}).items()}
        self.re_framing_year = (re.compile(r"(?<![\w])(?i:(" + _alt(self.framing_phrases) + r"))(?![\w])")
                                if self.framing_phrases else None)
        dec = d.get("decades", {})
        self.decade_suffixes = dec.get("suffixes", [])
        self.decade_words: dict[str, int] = {stem + suffix: year for stem, year in dec.get("word_stems", {}).items()
                                             for suffix in dec.get("word_suffixes", [])}
        # "90er-Jahre": two digits only before these suffixes ("ein 50er" is a banknote); first two-digit
        # decade of the 1900s ("20er-Jahre" 1920s, "10er-Jahre" 2010s)
        self.two_digit_suffixes = dec.get("two_digit_suffixes", [])
        self.two_digit_from = int(dec.get("two_digit_1900s_from", 20))
        self.century_words = frozenset(dec.get("century_words", []))
        self.compounds: dict[str, tuple[str, str]] = {k: (v[0], v[1]) for k, v in table.get("compounds", {}).items()}
        self.denomination_nouns = frozenset(table.get("denominations", {}).get("nouns", []))
        self.compound_suffixes = sorted(self.compounds, key=len, reverse=True)  # longest first
        shares = dict(table.get("shares", {}))
        self.share_articles = shares.pop("share_articles", [])
        self.share_not_after = frozenset(shares.pop("share_not_after", []))
        self.shares: dict[str, float] = {}
        for phrase, v in shares.items():  # "jeder zweite" also as "Jeder zweite", "jeder Zweite", "Jeder Zweite"
            for words in itertools.product(*({w, w[:1].upper() + w[1:]} for w in phrase.split())):
                self.shares[" ".join(words)] = float(v)
        self.multiples: dict[str, float] = {k: float(v) for k, v in table.get("multiples", {}).items()}
        frequencies = table.get("frequency_shares", {})
        self.frequency_joiners: list[str] = frequencies.get("joiners", [])
        self.frequency_denominators: dict[str, int] = {k: int(v) for k, v in frequencies.get("denominators", {}).items()}
        self.frequency_numerators: dict[str, int] = {k: int(v) for k, v in frequencies.get("numerators", {}).items()}
        self.frequency_numerators_not_after = frozenset(frequencies.get("numerators_not_after", []))
        times = table.get("times", {})
        self.times_suffix: Optional[str] = times.get("suffix")
        self.times_multiple_before = frozenset(times.get("multiple_before", ()))
        self.multiple_prefix: str = times.get("multiple_prefix", "")
        self.multiple_verb_endings = frozenset(times.get("multiple_verb_endings", ()))
        self.multiple_noun_endings = frozenset(times.get("multiple_noun_endings", ()))
        self.multiple_noun_articles = frozenset(times.get("multiple_noun_articles", ()))
        # the compound suffix of a multiple ("fach"), whose word may open with multiple_prefix ("verfünffacht")
        self.multiple_suffix = next((k for k, (kind, unit) in self.compounds.items() if unit == MULTIPLE_UNIT), None)
        # "2,5-mal so hoch", "three times as many": a number, its times word, a word of comparison
        times_word = times.get("word", self.times_suffix)
        self.re_times_multiple = re.compile(
            rf"(?:-|\s+)(?i:{re.escape(times_word)})(?=\s+(?:{_alt(self.times_multiple_before)}))"
        ) if times_word and self.times_multiple_before else None
        self.count_nouns: dict[str, str] = table["count_nouns"]
        cn = table.get("counted_nouns", {})  # English: nouns outside count_nouns
        self.noun_stop_words = frozenset(cn.get("stop_words", []))
        self.irregular_plurals = frozenset(cn.get("irregular_plurals", []))
        self.not_plural_endings = tuple(cn.get("not_plural_endings", []))
        self.not_nouns = frozenset(cn.get("not_nouns", []))
        self.group_compounds = frozenset(cn.get("group_compounds", []))
        self.partitive_words = frozenset(cn.get("partitive_words", []))
        self.genitive_partitives = table["numeral_rules"].get("partitive_articles", [])  # German
        self.parts_of_whole = table["numeral_rules"].get("part_of_whole", [])
        nq = table["not_quantities"]
        self.name_words = frozenset(nq["name_words"])
        # "Windows 7 und 8", "Staffel 3, 4 und 5": the numbers listed after a name's are names too (audit 23)
        self.re_name_list_before = re.compile(
            r"(?<![\w])" + _alt(nq["name_words"]) + r"\s+\d+(?:\s*,\s*\d+)*\s*(?:,|und|oder|bis|bzw\.|/)\s*$")
        ages = table.get("ages", {})
        self.party_collectives = frozenset(ages.get("party_collectives", []))
        self.re_age_after = re.compile(r"\s+" + _alt(ages["after"]) + r"\s*[.,;!?)]") if ages.get("after") else None
        self.re_age_before = re.compile(r"(?<![\w])" + _alt(ages.get("before", [])) + r"\s+$")
        self.age_cues = AgeCues.from_table(ages)
        self.change_cues = ChangeCues.from_table(table.get("changes", {}))
        # "20 Minuten", "Stuttgart 21": a name's number, found from the number by the words around it
        self.names_by_number: dict[str, list[tuple[str, str, frozenset[str]]]] = {}
        conditional = nq.get("names_after", {})
        for name in list(nq.get("names", [])) + list(conditional):
            m = re.search(r"\d+", name)
            self.names_by_number.setdefault(m.group(), []).append(
                (name[:m.start()], name[m.end():], frozenset(conditional.get(name, []))))
        self.time_words = frozenset(nq["time_words"])
        streets = nq.get("street_endings", [])
        self.street_endings = tuple(streets)
        self.re_postal_before = re.compile(r"(?i)" + _alt_prefix(streets) + r"\s+\d+[a-z]?,\s*$") if streets else None
        pronouns = nq.get("pronoun_phrases", [])
        self.re_pronoun_number = re.compile(r"(?i)" + _alt(pronouns) + r"\b") if pronouns else None
        self.rate_words = table["rates"]["words"]
        self.range_joiners = [j for j in table["ranges"]["joiners"] if j not in ("und", "and")]
        shared = table["ranges"].get("shared_unit_joiners", [])
        # an exclamation in brackets between is no break: "im Alter von 15 (!) und 18 Jahren" (audit 38)
        self.re_shared_unit = re.compile(r"(?:\s*\(!\))?\s+" + _alt(shared) + r"\s+(?=\d)") if shared else None
        self.change_by = frozenset(table["ranges"].get("change_by", ()))
        self.change_levels = frozenset(table["ranges"].get("change_levels", ()))
        self.level_adverbs = frozenset(table["ranges"].get("level_adverbs", ()))
        number_of = table.get("number_of")
        self.re_number_of = re.compile(
            rf"(?<![\w]){_alt(number_of['words'])}\s+{_alt(number_of['joiners'])}\s+(?:[a-zäöüß-]+\s+){{0,2}}([A-ZÄÖÜ][\w-]*)"
        ) if number_of else None
        self.rate_periods = table["rates"]["periods"]
        per = table["rates"].get("per", {})
        per_after = dict(table["rates"].get("per_after", {}))
        not_before = per_after.pop("not_before", [])
        self.per_periods: dict[str, str] = _PhraseTable({**per, **per_after})
        # "341 Euro im Monat", not "im Jahr 2015" or "am Tag der Wahl": the phrases of per_after before no number or
        # listed word
        stop = r"(?!\s+(?:\d|" + _alt(not_before) + r"))" if not_before else ""
        # "7,9 Milliarden Euro im Jahr" is per year, "im Jahr zuvor" and "im Jahr 2023" a point in time (as per_after)
        openers = {phrase.split()[0] for phrase in per_after}
        plain = [w for w in self.rate_words if w not in openers]
        timed = [w for w in self.rate_words if w in openers]
        periods = _alt(self.rate_periods)
        self.re_rate = re.compile(r"\s+(?:" + _alt(plain) + r"\s+" + periods
                                  + (r"|" + _alt(timed) + r"\s+" + periods + stop if timed else "") + ")")
        after = r"(?:" + _alt(per) + (r"|(?:" + _alt(per_after) + r")" + stop if per_after else "") + r")"
        self.re_per_after = re.compile(r"\s+(" + after + r")") if per else None
        self.re_per_before = re.compile(r"(?<![\w])(" + _alt(per) + r")\s+\Z") if per else None
        self.re_per_end = re.compile(r"\s(" + after + r")\Z") if per else None
        # "Jährlich werden in Wien rund 70.000 Tonnen ... vernichtet": a period opening the sentence (audit 28)
        # ... in either case ("Pro Jahr werden ...", audit 30)
        per_slash = table["rates"].get("per_slash", {})
        self.per_periods.update(per_slash)
        self.re_per_slash = re.compile(r"\s?/\s?(" + _alt(per_slash) + r")(?!\w)") if per_slash else None  # "31 ct/kWh"
        self.per_openers = {w[:1].upper() + w[1:]: v for w, v in per.items()}
        self.re_per_opening = re.compile(r"\s*(" + _alt(self.per_openers) + r")\s") if per else None
        per_noun = table["rates"].get("per_noun")
        self.per_noun_periods = {**per_noun["adjectives"], **per_noun["compounds"]} if per_noun else {}
        # "eine monatliche Abschlagszahlung von ", "ein Jahresgehalt von ", ending where the figure starts
        self.re_per_noun = re.compile(
            r"(?<![\w-])(?:(?P<adjective>" + _alt_prefix(per_noun["adjectives"]) + r")" + _alt(per_noun["endings"])
            + r"\s+[A-ZÄÖÜ][\w-]*|(?P<compound>" + _alt_prefix(per_noun["compounds"]) + r")[a-zäöü][\w-]*)\s+(?:"
            + _alt(per_noun["links"]) + r"\s+)?\Z") if per_noun else None
        fc = table["forecast"]
        self._compile(fc)

    # -- regexes ---------------------------------------------------------
    def _compile(self, fc: dict[str, list[str]]) -> None:
        de = self.lang == "de"
        months = _alt(self.months)
        groups = "".join(re.escape(g) for g in self.group_marks)
        dm = re.escape(self.decimal_mark)
        zero = "|" + _alt(self.zero_decimals) + r"(?![\d-])" if self.zero_decimals else ""
        digits = rf"[-−]?(?:\d{{1,3}}(?:[{groups}]\d{{3}})+(?!\d)|\d+)(?:{dm}\d+{zero})?"
        number_words = set(self.words.units) | set(self.words.teens) | set(self.words.tens) | set(self.words.multipliers)
        stems = "|".join(sorted(map(re.escape, number_words | {"und" if de else "-"}), key=len, reverse=True))
        standalone = "(?i:" + _alt(set(self.words.words) | self.article_words) + ")"
        quarter_ords = _alt(self.quarter_ordinals)
        period_words = _alt(self.quarter_words | self.half_words | self.half_words_with_year)
        prefix_cur = _alt([c for c in self.currencies if not c[0].isalpha() or c.isupper()])
        part_words = _alt(self.parts)

        comp_suffix = _alt_prefix(self.compounds)
        prefix = f"(?:{re.escape(self.multiple_prefix)})?" if self.multiple_prefix else ""
        adjective_suffix = _alt_prefix([k for k, (kind, _) in self.compounds.items() if kind != "count"])
        glued = _alt(self.glued_scales)  # "3bn" is a number and its scale, not a name like "5G"
        if self.glued_million:  # "1.5m people": the number and its scale; "100m long" stays a name
            between = rf"(?:{_alt(self.glued_million_between)}\s+)?" if self.glued_million_between else ""
            glued += rf"|{re.escape(self.glued_million)}\s+{between}{_alt(self.glued_million_before)}(?!\w)"
        # "USD3bn": a currency code glued to its amount, not a name like "A380"
        codes = "|".join(c for c in self.currencies if c.isalpha() and c.isupper() and len(c) == 3)
        not_code = rf"(?!(?:{codes})\d)" if codes else ""
        after_code = rf"(?<=(?<![\w])(?:{codes}))" if codes else "(?!x)x"  # one width: a lookbehind needs it
        code_glued = rf"(?<![\w])(?:{codes})(?=\d)" if codes else "(?!x)x"
        # "mid-1990s": a part of a period joined to its figure, not a name like "COVID-19"
        hyphen_parts = "|".join(re.escape(w) for w in self.parts if w.endswith("-"))
        not_hyphen_part = rf"(?!(?:{hyphen_parts})\d)" if hyphen_parts else ""
        weekday = "(?:" + "|".join(map(re.escape, self.weekdays)) + ")(?:" + "|".join(self.weekday_suffixes) + r")?(?![\w])"
        # "the 29th of August": an English ordinal day before its month is a date, not a name like "5G"
        not_ordinal_day = "" if de else rf"(?!\d{{1,2}}(?:st|nd|rd|th)\s+(?:of\s+)?(?:{months}))"
        # between the two days of a German day range ("vom 24. bis 28.8.", "24.–28. August")
        day_range_join = r"(?:bis(?:\s+(?:zum|einschließlich))?|[-–])"
        def suffixes(words) -> str:  # longest first, a space in one matching any one space
            return "|".join(re.escape(x).replace(r"\ ", r"\s") for x in sorted(words, key=len, reverse=True))
        decade_suffix, two_digit = suffixes(self.decade_suffixes), suffixes(self.two_digit_suffixes)
        two_digit_decade = rf"|(?<![\w.,])\d0(?:{two_digit})(?![\w])" if two_digit else ""
        master = [
            self._frequency_pattern(),
            self._relative_year_pattern(),
            rf"(?P<decade>(?<![\w.,])(?:1\d|20)\d0(?:{decade_suffix})(?![\w]){two_digit_decade}|{_alt(self.decade_words)})"
            if decade_suffix else r"(?P<decade>(?!x)x)",
            # two years in a row, a season or school year: "2015/2016", "2015/16" (audit 36; else skipped as a ratio)
            r"(?P<yearpair>(?<![\w.,/])(?P<yp1>1[89]\d\d|20\d\d)/(?P<yp2>(?:1[89]|20)?\d\d)(?![\w/]))",
            rf"(?P<compound>(?<![\w.,])(?<![^\W\d_]-)\d+(?:[.,]\d+)*(?:-[^\W\d_][\w]*)+|(?<![\w-])(?i:{prefix}(?:{stems})+){comp_suffix}[\w]*)",
            # "1400 jährige", "22- jährige", "59 – Jährige": an adjective compound typed apart; "206mal": digits glued to the suffix
            rf"(?P<spaced>(?<![\w.,])\d+(?:[.,]\d+)*(?:(?:\s*[-–]\s+|\s+)(?-i:{adjective_suffix})|(?-i:{comp_suffix}))\w*)",
            rf"(?P<share>(?<![\w]){_alt(self.shares)})",
            rf"(?P<multiple>(?<![\w]){_alt(self.multiples)})",
            # a court's file number ("9 AZR 519/05", "1 BvR 123/20") and a copyright year ("©2017"; audit 34) are no figures
            r"(?P<skip>(?<![\w.,])\d{1,2}\s+[A-Z][A-Za-z]{0,2}\s+\d{1,5}/\d{2}(?!\d)|(?:(?<=©)|(?<=© )|(?<=\([cC]\))|(?<=\([cC]\) ))\d{4}(?!\d)|"
            r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]{1,64}@[\w-]+\.[\w.]+|(?<![\w.])(?:pic\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|de|at|ch|org|net|eu|io|ly|tv|fm)(?:/\S*)?"
            r"|(?<![\w.,])\+\d{1,3}[ ]?(?:\(0\)[ ]?)?\d{2,5}[ /-]?\d{3,}(?:[ -]\d{2,})*"
            r"|(?<![\w.,])0\d{2,5}[ ]?/[ ]?\d{3,}(?:[ -]\d{2,})*"
            r"|\(0\d{2,5}\)\s*\d{2,}(?:[ -]\d{2,})*|(?<![\w.,])0\d{3,}(?:[ /-]\d{2,})*"
            r"|(?<![\w.,])\d+[:/]\d+(?:[:/]\d+)?"
            rf"|(?<![\w-])(?!Q[1-4](?!\w)|H[12]\s+\d{{4}}(?!\d)){not_code}{not_hyphen_part}[^\W\d_]\w*(?:-[^\W\d_]\w*)*-?\d[\w-]*(?:\.\d+)*"
            rf"|(?<![\w.,]){not_ordinal_day}\d+(?:[.,]\d+)*(?!(?:{glued})(?![\w]))-?[^\W\d_][\w-]*(?<!\d))",
            r"(?P<isodate>(?<![\w.,-])(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?!\d))",
            r"(?P<numdate>(?<![\w.,])(?P<nd>\d{1,2})\.\s?(?P<nm>\d{1,2})\.\s?(?P<ny>\d{4}|\d{2})(?![\d]))" if de else r"(?P<numdate>(?!x)x)",
            # "vom 24. bis 28.8.", "24.–28.8.2020": days of one month written in digits
            (r"(?P<numrange>(?<![\w.,])(?P<nr1>\d{1,2})\.?\s*" + day_range_join + r"\s*"
             r"(?P<nr2>\d{1,2})\.\s?(?P<nrm>\d{1,2})\.(?:\s?(?P<nry>\d{4})(?!\d))?(?!\s?\d))") if de else r"(?P<numrange>(?!x)x)",
            # "am 29.8.", "bis 27. 9.": a day and month in digits without a year (after a cue word only)
            r"(?P<numday>(?<![\w.,])(?P<dd>\d{1,2})\.\s?(?P<dm>\d{1,2})\.(?!\s?\d))" if de else r"(?P<numday>(?!x)x)",
            (rf"(?P<dayrange>(?<![\w.,])(?P<rd1>\d{{1,2}})\.?\s*(?:{day_range_join}|(?P<rand>und(?:\s+dem)?))\s*(?P<rd2>\d{{1,2}})\.\s*(?P<rmon>{months})(?:\s+(?P<ry>\d{{4}})(?!\d))?)"
             if de else
             rf"(?P<dayrange>(?<![\w.,])(?P<rd1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:to|until|and|[-–])\s*(?P<rd2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<rmon>{months})(?:,?\s+(?P<ry>\d{{4}})(?!\d))?)"),
            rf"(?P<quarter>(?<![\w])(?:{quarter_ords}\s+{period_words}|Q[1-4](?!\w)|H[12](?=\s+\d{{4}}(?!\d))))",
            rf"(?P<part>(?<![\w-]){part_words}(?:\s+(?:des|der))?\s*(?=(?:{months})|\d{{4}}(?![\d\w])))",
            rf"(?P<month>(?<![\w]){months})",
            rf"(?P<weekday>(?<![\w]){weekday})",
            rf"(?P<cur>(?<![\w]){prefix_cur}\s?(?=[-−]?\d)|{code_glued})",
            rf"(?P<num>(?:(?<![\w.,/])|{after_code})(?<![^\W\d_]-){digits})",
            rf"(?P<word>(?<![\w-])(?:(?i:(?:{stems})+(?![\w-]))|{standalone}))",
        ]
        self.re_master = re.compile("|".join(master))
        self.re_token = re.compile(rf"{code_glued}|\w+|[$€£¥+(−-](?=\s?\d)")
        self.re_numstart = re.compile(prefix + "(?:" + stems + ")")  # "verfünffacht" too
        first_words = lambda keys: {re.split(r"[\s.]", k)[0] for k in keys}  # noqa: E731
        self.trigger_words = frozenset(
            first_words(self.months) | first_words(self.parts) | first_words(self.quarter_ordinals) | first_words(self.shares)
            | set(self.multiples) | first_words(self.decade_words) | {"Q1", "Q2", "Q3", "Q4", "H1", "H2", "http", "https", "www"}
            | {w + sfx for w in self.weekdays for sfx in [""] + list(self.weekday_suffixes)}
            | {re.match(r"[A-Za-z]*", c).group() for c in self.currencies if c[:1].isalpha() and c.isupper()}
            | first_words(self.relative_years) | {w[:1].upper() + w[1:] for w in first_words(self.relative_years)}
            | set(self.year_compounds)
        ) - {""}
        self.share_first_words = frozenset(first_words(self.shares))
        self._trigger_cache: dict[str, int] = {}
        self._state = threading.local()
        self.article_follow = frozenset(
            set(self.scales) | {k.rstrip(".") for k in self.scales} | set(self.fractions) | set(self.durations)
            | set(self.percent_words) | {c.split()[0] for c in self.currencies} | set(self.minor) | set(self.words.words)
            | set(self.words.multipliers)  # "a hundred", "ein hundert"
            | set(self.range_joiners) | {"und", "and"}  # "ein bis eineinhalb Jahre", "zwischen einem und drei Jahren"
        )
        self.re_digits = re.compile(r"\s?" + digits)
        # English also hyphenates a scale word before the noun it measures: "a $3-billion deal"
        self.re_scale = re.compile((r"\s*" if de else r"(?:\s*|-)") + _alt(self.scales))
        self.re_scale_inside = re.compile(r"(?<!\w)" + _alt(self.scales))
        self.re_space_word = re.compile(r"\s+([\wäöüÄÖÜß-]+\.?)")
        self.re_range = re.compile(r"\s*" + _alt(self.range_joiners) + r"\s*")
        self.re_and = re.compile(r"\s+(?:und|and)\s+")
        unit_words = {**{w: "cur" for w in self.currencies}, **{w: "minor" for w in self.minor},
                      **{w: "pct" for w in self.percent_words}, **{w: "pp" for w in self.point_words},
                      **{w: "permille" for w in self.permille},
                      **{w: "dur" for w in self.durations}, **{w: "unit" for w in self.units}}
        self.unit_kind = unit_words
        self.re_unit = re.compile(r"\s?(?:(?<=\d)|(?<=\s))\s*" + _alt(unit_words))
        # German adjectives end in a case ending; English ones cannot be told from nouns this way.
        self.re_time_adjective = re.compile(r"\s+[a-zäöüß]{2,}(?:e|en|er|es|em)(?=\s)") if self.lang == "de" else None
        self.re_month_after_day = re.compile(
            (r"\.\s*" if de else r"(?:(?:st|nd|rd|th)\s+of\s+|(?:st|nd|rd|th)?\s+)") + rf"({months})(?:\s+(\d{{4}})(?!\d))?"
        )
        # a German day written without its full stop before a month and a year: "Expressen 29 Nov. 2017"
        # ... or an English source's date quoted in German text: "Deutsche Welle 21 March 2016" (audit 20)
        bare_months = _alt({**self.months, **self.quoted_months})
        self.re_month_year_after_bare_day = re.compile(rf"\s+({bare_months})\s+(1\d{{3}}|2[01]\d{{2}})(?!\d)") if de else None
        # a month's year: 1000-2199 ("zwischen Januar und Ende September 6081 Flüchtlinge" counts refugees)
        self.re_year_after = re.compile(r"(?:,)?\s+(1\d{3}|2[01]\d{2})(?![\d\w])")
        self.re_relative_year_after = (re.compile(r"\s+(" + _alt(self.relative_years) + r")(?![\w])")
                                       if self.relative_years else None)
        self.re_en_day = re.compile(r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(\d{4})(?![\d\w])|\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d\w])")
        self.re_en_dayrange_after = re.compile(r"\s+(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to)\s*(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?(?![\d\w])")
        self.re_period_year = re.compile(r"(?:\s+(?:des\s+Jahres|of))?\s+(\d{4})(?!\d)")
        self.re_ord_dot = re.compile(r"\.\s+(\S+)")
        # German nouns are capitalised, but for brands with an inner capital ("10 Millionen iPhones", audit 24)
        # a compound's head left out before "und" ("4.500 Wohn- und Schlafplätze", audit 28) is part of the noun
        noun = (r"([A-ZÄÖÜ][\wäöüÄÖÜß]*-\s+(?:und|oder)\s+[A-ZÄÖÜ][\wäöüÄÖÜß-]*|[A-ZÄÖÜ][\wäöüÄÖÜß-]*"
                r"|[a-z]+[A-Z][\wäöüÄÖÜß-]*)") if de else r"([a-z][\w-]*)"
        # two adjectives may be joined ("fünf christlichen und evangelischen Kindergärten", "acht gegenwärtigen oder
        # früheren Mitgliedern", "5 dunkelhäutigen, jungen Männern"; audits 27, 28 and 30)
        self.re_noun = re.compile(
            rf"\s+((?:{_ADJECTIVE}(?:,(?=\s+{_ADJECTIVE}\s))?\s+(?:(?:und|oder)\s+)?){{0,2}}){noun}")
        hundred = next((k for k, v in self.words.multipliers.items() if v == 100), None)
        # English writes "two hundred (and) fifty" apart; German glues "zweihundertfünfzig" into one word
        self.re_hundreds = re.compile(
            rf"\s+(?P<h>(?i:{hundred}))(?![\w-])(?:\s+(?:and\s+)?(?P<tail>[A-Za-z]+(?:-[A-Za-z]+)?)(?![\w-]))?"
        ) if hundred and not de else None
        self.re_partitive = re.compile(r"\s+" + _alt(self.genitive_partitives) + r"(?=\s)") if self.genitive_partitives else None
        # "132 von 181 Bewohnern": the whole that a part is of, counted (quantities.toml part_of_whole)
        whole = self.parts_of_whole
        self.re_part_of_number = re.compile(r"\s+" + _alt(whole) + _NUMBER_AFTER.pattern) if whole else None
        self.re_en_words = re.compile(r"((?:[ \t]+[A-Za-z][\w'-]*){1,4})")
        hedges = _alt(self.hedges)
        rels = _alt(self.relations)
        minus = "minus" if de else "minus"
        self.re_back = re.compile(
            rf"(?:(?<![\w])(?P<rel>{rels}|[Zz]wischen|[Bb]etween)\s+)?(?:(?<![\w])(?P<hedge>{hedges})\s+)?(?:(?<![\w])(?P<minus>{minus})\s+)?(?P<cur>{prefix_cur}\s?)?\Z"
        )
        self.re_cue_before = re.compile(r"(\S+)\s+\Z")
        self.back_words = frozenset(
            k.split()[0] for k in list(self.hedges) + list(self.relations) + ["zwischen", "Zwischen", "between", "Between", "minus"]
        ) | {c for c in self.currencies if not c[0].isalpha() or c.isupper()}
        self.re_hyphen_range = re.compile(r"-\s+(?:bis|und|oder|to|and|or)\s+")
        self.re_word_start = re.compile(r"(?<![\w$€£¥])(?=[\w$€£¥])")
        self.re_next_word = re.compile(r"\s+(\w+)")
        self.re_future_tense = re.compile(r"(?<![\w])" + _alt(self.future_tense))
        self.re_past_tense = re.compile(r"(?<![\w])" + _alt(self.past_tense))
        self.re_time = re.compile(r"\s*" + _alt(self.time_words))
        self.re_change_to = re.compile(r"\s+(?:auf|zu|to)\s+(?=[-−]?\d|[^\W\d_])")
        self.re_ago_after = re.compile(r"\s+" + _alt(self.ago_after))
        # "4.9 Milliarden", and the Swiss decimal point of a price or rate: "19.99 Franken", "2.5 Prozent"
        self.re_en_decimal = re.compile(r"\.\d{1,2}(?=\s*" + _alt(list(self.scales) + list(self.currencies) + ["Prozent"]) + ")")
        # "19.– Franken", "Fr. 20.–": a whole amount of a Swiss price
        self.re_whole_price = re.compile(r"\.[–-](?=\s*" + _alt(self.currencies) + r"|\s*[.,;]?(?:\s|$))")
        # a cue is a word of its own: "unerwartet" is no "erwartet", "ausgerechnet" no "gerechnet"
        # the modal's reach goes on over the dots of "200.000" and "2.5", and of a scale's abbreviation ("werde ... bei
        # 30 Mio. Barrel pro Tag belassen", audit 27)
        scale_dots = "".join(rf"|(?<=\b{re.escape(k[:-1])})\." for k in self.scales if k.endswith("."))
        dotted = [k[:-1] for k in self.scales if k.endswith(".")]
        self.re_scale_dot_before = re.compile(r"\d\s*(?:" + _alt(dotted) + r")\Z") if dotted else None
        self.re_forecast = re.compile(
            r"(?<![\w])(?:" + _alt(fc["cues"]) + r")|(?<![\w])" + _alt(fc["modals"])
            + rf"\b(?:[^.!?]|(?<=\d)\.(?=\d){scale_dots})*?\b" + _alt(fc["verbs"])
        )
        self.forecast_cues = frozenset(fc["cues"])
        level_before = fc.get("level_before", [])
        self.re_level_before = re.compile(r"\(\s*" + _alt(level_before) + r"\s*:?\s*\Z") if level_before else None
        compared = fc.get("comparison_before", [])  # "wie erwartet", "Wie erwartet", "als ursprünglich erwartet"
        self.re_expectation_compared = (re.compile(r"(?<![\w])(?i:" + _alt(compared) + r")\s+(?:\w+\s+)?\Z")
                                        if compared else None)
        # a modal and an infinitive ending its clause: "soll ... auf 55 Euro angehoben werden"; not a perfect
        # infinitive after a participle, which reports ("soll ... angegriffen haben")
        future_modals = fc.get("future_modals", [])
        self.re_modal_infinitive = (re.compile(r"(?<![\w])" + _alt(future_modals) + rf"\s(?:[^.!?,;:()]|(?<=\d)[.,](?=\d){scale_dots})*?(\S+)\s+([a-zäöüß]+(?:en|ern|eln)|sein)"
                                               r"(?=\s*(?:[.!?,;:)\"“”]|$))") if future_modals else None)
        # ... and in a subordinate clause the other way round: "dass die Bahn fünf Milliarden Euro erhalten solle"
        # (not "sollte": "die Fregatte, die Piraten stellen sollte", what was to be)
        later_modals = [m for m in future_modals if m not in fc.get("past_modals", [])]
        self.re_infinitive_modal = (re.compile(r"(?<![\w])([a-zäöüß]+(?:en|ern|eln))\s+" + _alt(later_modals)
                                               + r"(?=\s*(?:[.!?,;:)\"“”]|$))") if later_modals else None)
        prefixes = self.separable_prefixes
        self.re_participle = re.compile(rf"{_alt_prefix(prefixes)}?(ge[a-zäöüß]{{3,}})$" if prefixes else r"(ge[a-zäöüß]{3,})$")
        self.ge_infinitives = frozenset(fc.get("ge_infinitives", []))
        continues = fc.get("dash_continues", [])
        self.re_forecast_scope_end = re.compile(r"\s[–—-]\s" + (rf"(?!{_alt(continues)}\b)" if continues else ""))

    # -- reading ---------------------------------------------------------
    def read(self, text: str, published: Optional[Day]) -> list[Quantity]:
        # per-call memo (sentence ends, forecast sentences), per thread: one Grammar serves all
        self._state.ends, self._state.forecast, self._state.floor = None, {}, 0
        out: list[Quantity] = []
        pos = floor = 0
        # Speed: the master regex is tried only where a token can start a figure
        # (a digit, a sign or symbol before a digit, or a trigger word).
        master, triggers = self.re_master, self._trigger_cache
        for t in self.re_token.finditer(text):
            start = t.start()
            if start < pos:
                continue
            tok, hit = t.group(), 0
            if not tok[0].isdigit():
                hit = triggers.get(tok)
                if hit is None:
                    hit = self._is_trigger(tok)
                if not hit:
                    continue
                if hit == 2:  # an article ("eine"): a figure only before a scale, fraction, unit...
                    nxt = self.re_next_word.match(text, t.end())
                    if nxt is None or nxt.group(1) not in self.article_follow:
                        hit = 3 if tok in self.frequency_numerators else 0  # ... or as "einer von drei"
                        if not hit:
                            continue
            m = master.match(text, start)
            if m is None or (hit == 3 and m.lastgroup != "frequency"):
                continue
            kind = m.lastgroup
            if kind == "skip":
                pos = floor = m.end()
                continue
            self._state.floor = floor  # backward context may not reach into the figure before
            try:
                found = getattr(self, "_read_" + kind)(text, m, published)
            except (ValueError, OverflowError):  # a date beyond the calendar (year 0, 10000): no figure
                found = m.end()
            if found is None:
                continue
            if isinstance(found, int):  # consumed without a quantity (an ordinal, a time)
                if any(ch.isdigit() for ch in text[start:found]):  # a word ("nicht einmal 24") stays context
                    floor = found
                pos = found
                continue
            out.append(found)
            pos = floor = found.end
        # a turn joined to a noun ("360°-Angebot") is no figure, nor does it give a figure after it its unit; nor is
        # the first number of two compounds that share their head where the compound was read as none ("Die 200- und
        # 500-Euro-Scheine", notes by their face value)
        out = [q for q in out if not (q.unit in ("°C", "°") and q.value in self.angle_idioms and text[q.end:q.end + 1] == "-")
               and not (q.kind == "count" and not q.noun and not q.unit and _HEAD_LEFT_OUT.match(text, q.end))]
        if self.part_of_before:
            for before, q in zip(out, out[1:]):
                self._inherit_scale_and_unit(text, before, q)
        for i in range(len(out)):
            self._unit_after_bracket(text, out, i, published)
        for first, then in reversed(list(zip(out, out[1:]))):  # backwards: a list's unit comes last
            self._unit_of_next_bracket(text, first, then)
            self._dimension_of(text, first, then)
        for i in range(len(out)):
            self._unit_left_out(text, out, i)
        self._cents_currency(text, out)
        self._article_currency(text, out)
        for first, then in zip(out, out[1:]):
            self._year_left_out(text, first, then)
            self._points_of_a_rate(text, first, then)
            self._period_start(text, first, then)
            self._level_now(text, first, then)
        for i, q in enumerate(out):
            self._number_of(text, out, i)
            self._framed_relation(text, q, published)
            self._bound_after(text, q)
            self._dated_attribute(text, q)
            self._rate_period(text, q)
            if q.unit == "°C" and self.re_angle_after is not None and self.re_angle_after.match(text, q.end):
                q.unit = "°"  # "ein etwa 35 Grad steiler Hang", "48° nördlicher Breite": an angle
        for first, then in zip(out, out[1:]):
            _restated_in_brackets(text, first, then)
            self._noun_after_age(text, first, then)
            self._period_shared(text, first, then)
            self._unit_price_shared(text, first, then)
        return mark_changes(text, mark_ages(text, self._joined_figures(text, out), self.age_cues), self.change_cues)

    def _period_shared(self, text: str, first: Quantity, then: Quantity) -> None:
        """A period written before a figure counts the figure joined to it by "und" too: "verteilt jedes Jahr 70.000
        Zelte und zwei Millionen Planen" (audit 37); not one written after the first ("500 Euro pro Monat und 300 Euro")."""
        if (first.per and not then.per and then.kind in ("count", "money", "quantity") and then.value is not None
                and _PERIOD_SHARED.fullmatch(text, first.end, then.start)
                and self.re_per_before.search(text, max(0, first.start - 24), first.start)):
            then.per = first.per

    def _unit_price_shared(self, text: str, first: Quantity, then: Quantity) -> None:
        """A price per a unit lends that unit to a price of the same currency and size later in its sentence: "bei 40
        Cent je Kilowattstunde gedeckelt, der Gaspreis bei 12 Cent" (probe H, session 40). Not a period ("500 Euro pro
        Monat und 300 Euro" may be a one-off sum), nor a sum of another size ("... Kosten von 20 Milliarden Euro")."""
        if (first.kind == then.kind == "money" and first.unit == then.unit and then.per is None
                and first.per is not None and first.per not in _TIME_UNITS
                and first.value and then.value and 0.1 <= then.value / first.value <= 10
                and self._sentence_bounds(text, then.start)[0] <= first.start):
            then.per = first.per

    def _noun_after_age(self, text: str, first: Quantity, then: Quantity) -> None:
        """A count right before an age adjective counts the noun after it ("Zwei 17-jährige Mädchen", "Zwei „14-jährige“
        Zwillingsbrüder", audit 30)."""
        if first.kind != "count" or first.noun or first.unit or then.kind != "duration" or "jährig" not in then.text.lower() \
                or text[first.end:then.start].strip(" " + _OPENING_MARKS):
            return
        nm = self.re_noun.match(text, then.end + (1 if text[then.end:then.end + 1] in "“”\"'»«" else 0))
        if nm and self._is_noun(nm):
            first.noun = nm.group(2)
            first.unit = self._count_unit(first.noun)

    def _number_of(self, text: str, out: list[Quantity], i: int) -> None:
        """A bare count after "die Zahl der Todesopfer" in its sentence counts that noun ([number_of]), where no count of
        something else stands between ("Die Zahl der Arbeitslosen sank um 20.000 auf 2,3 Millionen")."""
        q = out[i]
        if self.re_number_of is None or q.kind != "count" or q.noun or q.unit:
            return
        start = self._sentence_bounds(text, q.start)[0]
        named = None
        for named in self.re_number_of.finditer(text, start, q.start):
            pass
        if named is None or any(o.kind == "count" and named.end() <= o.start < q.start and o.noun != named.group(1)
                                for o in out[:i]):
            return  # another count between counts something else ("Die Zahl der Toten stieg auf 12, 30 Verletzte ...")
        q.noun = named.group(1)
        q.unit = self._count_unit(q.noun)

    def _framed_relation(self, text: str, q: Quantity, published: Optional[Day]) -> None:
        """A date framed by the words of a relation ([relation_frames]: "von Samstag an" opens a period), or dating
        the event a relation word names ([relation_events]: "Seit dem Match im Oktober")."""
        if q.kind != "date" or q.relation is not None:
            return
        for relation, event in self.relation_events.items():
            if event.search(text, max(0, q.start - 80), q.start):
                q.relation = relation
                if relation == "since" and published is not None and not _YEAR_DIGITS.search(q.text) \
                        and q.date_low and q.date_low[:1].isdigit() and Day.fromisoformat(q.date_low) > published:
                    # a month without its year that a past event dates lies before the publication
                    q.date, q.date_low, q.date_high = (_year_before(iso) for iso in (q.date, q.date_low, q.date_high))
                return
        word = self._word_before(text, q.start)
        for relation, (before, after) in self.relation_frames.items():
            m = after.match(text, q.end) if word in before else None
            if m is not None:
                q.start = text.rfind(word, 0, q.start)
                q.end, q.text, q.relation = m.end(), text[q.start:m.end()], relation
                return

    def _rate_period(self, text: str, q: Quantity) -> None:
        """The period a figure is counted per ([rates.per]), written after it or its noun ("500 Euro pro Monat", "743
        Straftaten pro Tag") or right before it ("jährlich 24 Millionen Euro", "jeden Tag 743 Straftaten")."""
        if self.re_per_after is None or q.kind not in ("count", "money", "quantity", "percent", "duration") or q.value is None \
                or q.unit == MULTIPLE_UNIT or q.unit in _SPEED_UNITS or (q.kind == "duration" and q.relation):
            return  # "60 Kilometern pro Stunde": the unit is the rate; a duration as a rate only without a relation
            # ("acht Stunden täglich", "48 Stunden pro Woche", audit 34; not "binnen 24 Stunden")
        # after the noun, also where adjectives stand before it ("300 Millionen aktive User pro Monat")
        noun = _NOUN_AFTER_ADJECTIVES.match(text, q.end) if q.noun else None
        after = noun.end() if noun and noun.group(1) == q.noun else q.end
        m = (self.re_per_end.search(q.text) or self.re_per_after.match(text, q.end)
             or (self.re_per_slash is not None and self.re_per_slash.match(text, q.end))
             or (after != q.end and self.re_per_after.match(text, after))
             or self.re_per_before.search(text, max(0, q.start - 24), q.start))
        if m is None and self.re_per_opening is not None:
            m = self.re_per_opening.match(text, self._sentence_bounds(text, q.start)[0])
            if m is not None and (m.end() > q.start or _CLAUSE_MARK.search(text, m.end(), q.start)):
                m = None  # the period opens another clause than the figure's
        if m is None and self.re_per_noun is not None and q.kind in ("count", "money", "quantity"):
            noun = self.re_per_noun.search(text, max(0, q.start - 60), q.start)
            if noun is not None:
                q.per = self.per_noun_periods[noun.group("adjective") or noun.group("compound")]
                return
        if m is not None:
            per = self.per_periods.get(m.group(1)) or self.per_openers.get(m.group(1))
            if q.kind == "duration" and not (q.unit in _TIME_UNITS and per in _TIME_UNITS
                                             and _TIME_UNITS.index(q.unit) < _TIME_UNITS.index(per)):
                return  # "über 3 Monate täglich zum Sex einbestellt": the period word goes with the verb
            q.per = per

    @staticmethod
    def _dated_attribute(text: str, q: Quantity) -> None:
        """ "Nach dem Ende August ergangenen Urteil", "vor dem 1. März beschlossenen Gesetz": the date dates the noun
        its participle leads to, whose article "dem" is; no open span before or after it."""
        words = _OPEN_SPAN_WORDS.match(q.text) if q.relation in ("before", "after") else None
        if words and _ATTRIBUTE_AFTER.match(text, q.end):  # not "die vor 2015 gegründeten Firmen": before 2015
            q.start += words.end()
            q.text, q.relation = q.text[words.end():], None

    def _bound_after(self, text: str, q: Quantity) -> None:
        """A bound written after the figure: "40 Prozent und mehr", "14 Tage oder länger" (the words join the span)."""
        if self.re_hedge_after is None or not q.unbounded or q.value is None or q.kind == "date":
            return
        m = self.re_hedge_after.match(text, q.end)
        joined = m is not None  # right after the figure the words join its span; after its noun they do not
        if m is None and q.noun and text.startswith(" " + q.noun, q.end):
            m = self.re_hedge_after.match(text, q.end + 1 + len(q.noun))  # "100.000 Unterschriften oder mehr"
        if m is None:
            return
        rule = self.hedges_after[" ".join(m.group(1).split())]
        q.low, q.high = (q.value, None) if rule == "min" else (None, q.value)
        q.hedge = rule
        if joined:
            q.end, q.text = m.end(), text[q.start:m.end()]

    def _joined_figures(self, text: str, out: list[Quantity]) -> list[Quantity]:
        """Figures that say one amount in two parts: a spoken price, "ein Spritz für 6 Euro 50" (6,50 Euro; not
        "6 Euro 50 Gramm"), a duration in two units, "303 Stunden und 13 Minuten" (303,22 hours), and a spoken
        range of two neighbouring number words, "fünf, sechs Leute" (5 to 6; not a list, "drei, vier, fünf")."""
        merged: list[Quantity] = []
        for i, q in enumerate(out):
            first = merged[-1] if merged else None
            full_range = first is not None and self._full_range(text, first, q)  # its second end may be a bound
            # "Der Spritz soll 6 Euro 50 kosten" is still one price
            if not full_range and (first is None or not first.unbounded or not q.unbounded
                                   or first.value is None or q.value is None):
                merged.append(q)
                continue
            between = text[first.end:q.start]
            if full_range or self._spoken_range(text, out, i):
                if not full_range:  # a spoken range's bare first number takes the second's unit and noun
                    first.kind, first.unit, first.noun = q.kind, q.unit, q.noun
                first.low, first.high, first.value, first.hedge = first.value, q.value, (first.value + q.value) / 2, "range"
            elif (first.kind == "money" and float(first.value).is_integer() and text[first.end - 1:first.end].isalpha()
                    and between == " " and re.fullmatch(r"\d\d", q.text)
                    and re.match(r"\s+[a-zäöüß]|\s*(?:[.,;:!?)]|$)", text[q.end:q.end + 2])):
                first.value = first.low = first.high = first.value + int(q.text) / 100
            elif (first.kind == q.kind == "duration" and (per := _subunits(first.unit, q.unit)) and q.relation is None
                    and first.date is None  # a deadline's resolved date stays the one its text reads
                    and re.fullmatch(r"\s+(?:und\s+)?", between)):
                first.value = first.low = first.high = first.value + q.value / per
            else:
                merged.append(q)
                continue
            first.end, first.text = q.end, text[first.start:q.end]
        return merged

    def _full_range(self, text: str, first: Quantity, then: Quantity) -> bool:
        """Are two figures, each with its unit, one range: "€1.40 billion to €1.50 billion", "zwischen 10 Millionen
        Euro und 12 Millionen Euro", "1,40 Milliarden Euro bis 1,50 Milliarden Euro" (the second read as a bound)?
        Not a change's two levels ("from $1.4 billion to $1.5 billion", "von 1,4 auf 1,5 Milliarden")."""
        if not (first.kind == then.kind and first.kind in ("money", "count", "percent", "quantity")
                and first.unit == then.unit and then.per in (None, first.per) and first.relation is None
                and then.relation is None and first.unbounded and first.value is not None and then.value is not None
                and first.value < then.value):
            return False
        between = text[first.end:then.start]
        before = self._word_before(text, first.start).lower()
        if before in ("zwischen", "between"):
            return then.unbounded and re.fullmatch(r"\s+(?:und|and)\s+", between) is not None
        if before in self.change_levels and before not in ("von",):
            return False  # "from $1.4 billion to $1.5 billion": two levels of a change
        if then.hedge == "max" and between.isspace():
            return re.match(r"bis\s", then.text) is not None  # "1,40 Milliarden Euro bis 1,50 Milliarden Euro"
        return then.unbounded and re.fullmatch(r"\s*(?:to|[-–—])\s*", between) is not None

    @staticmethod
    def _spoken_range(text: str, out: list[Quantity], i: int) -> bool:
        """Are out[i-1] and out[i] a spoken range, "fünf, sechs Leute": two number words one apart, joined by a
        comma alone, the first bare, neither part of a longer comma list?"""
        first, q = out[i - 1], out[i]
        if not (first.text.isalpha() and q.text.split()[0].isalpha() and text[first.end:q.start] == ", "
                and q.value == first.value + 1 < 100 and not (first.unit or first.noun) and q.kind in ("count", "duration")):
            return False
        before = out[i - 2] if i >= 2 else None
        after = out[i + 1] if i + 1 < len(out) else None
        return not ((before and text[before.end:first.start].strip() == ",")
                    or (after and text[q.end:after.start].strip() == ","))

    def _points_of_a_rate(self, text: str, first: Quantity, then: Quantity) -> None:
        """Points that change a rate are percentage points: "sank um 0,1 Punkte auf 5,7 Prozent" (an index's
        "um 120 Punkte auf 15.100 Punkte" stays a count)."""
        if first.kind != "count" or first.unit or then.kind != "percent" or then.unit != "percent":
            return
        m = self.re_rate_points.match(text, first.end) if self.re_rate_points else None
        if m and m.end() == then.start:
            first.end = m.end("points")
            first.text, first.kind, first.unit, first.noun = text[first.start:first.end], "percent", "pp", None

    def _minor_factor(self, q: Quantity) -> float:
        """What an amount written in a minor unit or a multiple of its currency is of the currency: 0.01 for "34,5
        Cent", 1000 for "400 TEUR"; 1 for anything else."""
        m = self.re_minor_inside.search(q.text) if q.kind == "money" and self.re_minor_inside is not None else None
        return self.minor[m.group(1)][1] if m else 1.0

    def _opens_a_change(self, text: str, start: int) -> bool:
        """Whether the figure at `start` is the first level of a change: "von 9,1 auf ...", "von derzeit 0,5 auf ..."."""
        word = self._word_before(text, start)
        if word in self.level_adverbs:
            word = self._word_before(text, start - len(word) - 1)
        return word in ("von", "Von", "from")

    def _level_now(self, text: str, first: Quantity, then: Quantity) -> None:
        """In a forecast change "von 200.000 auf 500.000" the first level is where it stands, no forecast (audit 24)."""
        if first.hedge == "forecast" and _CHANGE_TO.fullmatch(text, first.end, then.start) \
                and self._opens_a_change(text, first.start):
            first.hedge = None

    def _period_start(self, text: str, first: Quantity, then: Quantity) -> None:
        """The first date of a period is where it starts: "vom 30. Jänner bis 3. April", "In den Jahren 2009 bis
        2014" (the second carries "until"), "zwischen 1961 und 1990" (both without a word of their own)."""
        if first.kind != "date" or then.kind != "date" or first.relation is not None or self._point_before_year(text, first, then):
            return
        between = text[first.end:then.start]
        if then.relation == "until" and re.fullmatch(r"\s*[-–]?\s*", between):
            first.relation = "from"
        elif (then.relation is None and re.fullmatch(r"\s+und\s+", between)
              and self._word_before(text, first.start).lower() == "zwischen"):
            first.relation, then.relation = "from", "until"

    def _point_before_year(self, text: str, first: Quantity, then: Quantity) -> bool:
        """Whether a month or day after "im"/"am" stands before "bis" and a bare year, which ends what happened then
        ("im Juni bis 2019 verlängert"), not the period the month opens."""
        return (then.relation == "until" and len(then.date or "") == 4 and len(first.date or "") >= 4
                and first.date[-3:-2] == "-" and self._word_before(text, first.start) in self.point_prepositions)

    def _year_left_out(self, text: str, first: Quantity, then: Quantity) -> None:
        """A date without a year that opens a period takes the year of the date that closes it: "von
        September bis Jahresende 2015" -> September 2015 ("von Dezember bis März 2016": December 2015), also
        where the publication date had given it one ("im März und April 2020" told in 2021)."""
        if first.kind != "date" or then.kind != "date" or not first.date or len(first.date) < 4 \
                or self._point_before_year(text, first, then):
            return
        yearless = first.date.startswith("--")
        if not yearless and (len(first.date) < 7 or re.search(r"\d{4}", first.text)
                             or (self.re_relative_year_after and self.re_relative_year_after.search(first.text))):
            return  # its year is written ("März 2019 und April 2020"), or it is a year
        year_text = (then.date or "")[:4]
        if not year_text.isdigit() or then.start - first.end > 25:
            return
        joined = (self.re_period_join.fullmatch(text, first.end, then.start)
                  and (then.relation == "until" or text[first.end:then.start].strip())
                  or self.re_period_and.fullmatch(text, first.end, then.start) and len(then.date) >= 7)
        if not joined:
            return
        month_day = first.date[2:] if yearless else first.date[5:]  # "MM" or "MM-DD"
        month, day = int(month_day[:2]), int(month_day[3:5]) if len(month_day) > 2 else None
        year = int(year_text) - (1 if len(then.date) >= 7 and month > int(then.date[5:7]) else 0)
        try:
            lo, hi = (Day(year, month, day),) * 2 if day else dates.month_interval(year, month)
        except ValueError:  # 29 February of a common year
            return
        first.date = lo.isoformat() if day else f"{year:04d}-{month:02d}"
        first.date_low, first.date_high = lo.isoformat(), hi.isoformat()

    def _unit_after_bracket(self, text: str, out: list[Quantity], i: int, published: Optional[Day]) -> None:
        """The unit after a bracket belongs to the bare number before it, and to a bare number of its size
        that closes the bracket: "ein Bilanzgewinn von 6,31 (2014: 4,86) Millionen Euro", "5,2 (Vorjahr: 4,9)
        Prozent"; in "128.442 (ebenfalls 154,4) Menschen" the incidence is another measure. Spans stay."""
        q = out[i]
        if not _bare_number(q) or not re.match(r"\s*\(", text[q.end:q.end + 3]):
            return
        closing = text.find(")", q.end, q.end + 40)
        if closing < 0:
            return
        tail = text[closing + 1:closing + 41]
        inside = [f for f in out[i + 1:] if f.end <= closing]
        if not inside:
            return  # a bracket of words only ("1553 (Bairische Lanndtsordnung) verwendeten") compares nothing
        last = inside[-1]
        same_measure = (_bare_number(last) and last.value and not text[last.end:closing].strip()
                        and 1 / ELLIPSIS_SIZE <= q.value / last.value <= ELLIPSIS_SIZE)
        for figure in (q, last) if same_measure else (q,):
            read = self._figure_at(f"{figure.text}{tail}", 0, published, words=False)
            if read is None or not (read.unit or read.noun) or read.kind == "date":
                return
            figure.kind, figure.unit, figure.noun = read.kind, read.unit, read.noun
            figure.value, figure.low, figure.high = read.value, read.low, read.high

    def _dimension_of(self, text: str, first: Quantity, then: Quantity) -> None:
        """The sides of a size share the unit written after the last: "274 x 172 x 10,5 Millimeter", "1152 x 1920
        Pixel" (numbers of four digits there are no years)."""
        if not (then.kind == "quantity" and then.unit and re.fullmatch(r"\s*[x×]\s*", text[first.end:then.start])):
            return
        parsed = parse_digits(first.text, self.decimal_mark, self.group_marks) if _DIGITS_ONLY.fullmatch(first.text) else None
        if parsed is None:
            return
        first.kind, first.unit, first.noun, first.hedge, first.relation = "quantity", then.unit, None, None, None
        first.value = first.low = first.high = parsed[0]
        first.date = first.date_low = first.date_high = None

    def _unit_of_next_bracket(self, text: str, first: Quantity, then: Quantity) -> None:
        """A bare number alone in brackets takes the unit of the next bracketed figure of its size in a list:
        "Salzburg (22,5) und Vorarlberg (21,0 Prozent)"."""
        if not (_bare_number(first) and first.value and then.unit and then.kind in ("percent", "money", "quantity")
                and then.value and 1 / ELLIPSIS_SIZE <= first.value / then.value <= ELLIPSIS_SIZE):
            return
        if not (text[first.start - 1:first.start] == "(" and text[first.end:first.end + 1] == ")"
                and text[then.start - 1:then.start] == "(" and text[then.end:then.end + 1] == ")"):
            return
        if re.fullmatch(r"\)(?:\s*(?:,|und|sowie|oder)?\s*[A-ZÄÖÜ][\w.-]*){1,3}\s*\(", text[first.end:then.start]):
            first.kind, first.unit = then.kind, then.unit

    def _cents_currency(self, text: str, out: list[Quantity]) -> None:
        """Cents read without a currency ("XXX", English "17.9 cents") in the currency of the text's other amounts
        where they are all in one, else of the place the text names (table [cents_currency]), else the default."""
        if not any(q.unit == NO_CURRENCY for q in out):
            return
        named = {q.unit for q in out if q.kind == "money" and q.unit != NO_CURRENCY}
        code = named.pop() if len(named) == 1 else next(
            (code for code, places in self.re_cents_places if places.search(text)), self.cents_default)
        for q in out:
            if q.unit == NO_CURRENCY:
                q.unit = code

    def _article_currency(self, text: str, out: list[Quantity]) -> None:
        """A bare amount in millions in a sentence about money ("Die Überschuldung beläuft sich auf 18,1 Millionen")
        is in the currency of the article's amounts, where they are all in one; one that repeats an amount of
        money the article named before, with an article ("750 Milliarden Euro" ... "die 750 Milliarden"), is that
        amount ("In der Region leben 2 Millionen" after "2 Millionen Euro" is not)."""
        named: dict[float, str] = {}
        for q in out:
            if q.kind == "money" and q.value and q.unbounded and self.re_scale_inside.search(q.text):
                named.setdefault(q.value, q.unit)
            elif (q.kind == "count" and q.noun is None and q.unit is None and q.value in named
                  and self.re_scale_inside.search(q.text) and self._word_before(text, q.start) in self.share_articles):
                q.kind, q.unit = "money", named[q.value]
        if self.re_money_noun is None:
            return
        currencies = {q.unit for q in out if q.kind == "money"}
        if len(currencies) != 1:
            return
        currency = currencies.pop()
        for q in out:
            if q.kind == "count" and q.noun is None and q.unit is None and self.re_scale_inside.search(q.text) \
                    and self.re_money_noun.search(text, *self._sentence_bounds(text, q.start)):
                q.kind, q.unit = "money", currency

    def _unit_left_out(self, text: str, out: list[Quantity], i: int) -> None:
        """A bare number after a figure of the same size with a unit, in the same sentence, leaves
        that unit out: "Waren es 21.570 Terabyte, so waren es Ende 2015 76.200" -> 76.200 TB,
        "unter die 5-Milliarden-Minuten-Marke - konkret auf 4.9 Milliarden" -> minutes. Dates
        between are passed over; a deadline ("binnen 24 Stunden 625") names no unit of the count."""
        q = out[i]
        scaled = bool(self.re_scale_inside.search(q.text))
        # a range only in millions: "2,5 Millionen Euro ... der genannten drei bis vier Millionen" (audit 19)
        if q.kind not in ("count", "quantity") or q.noun or q.unit or not q.value or q.hedge == "range" and not scaled:
            return
        if not any(ch.isdigit() for ch in q.text) and not scaled:
            return  # a bare number word ("drei") rarely leaves a unit out; "knapp vier Millionen" does
        sentence_start = self._sentence_bounds(text, q.start)[0]
        then = _joined_next(text, out, i)
        # the noun comes after the next figure ("von derzeit 50 auf 40 Teilnehmer", "kletterte um 0,5 auf 54,1 Punkte")
        joined_to_next = q.kind in ("count", "quantity") and then is not None and then.kind == "count"
        if joined_to_next and then.noun:
            q.kind, q.unit, q.noun = "count", then.unit, then.noun
            return
        if (then is not None and then.kind in ("money", "quantity") and then.unit and then.value
                and scaled == bool(self.re_scale_inside.search(then.text))
                and 1 / SHARED_UNIT_SIZE <= q.value / then.value <= SHARED_UNIT_SIZE):
            q.kind, q.unit = then.kind, then.unit  # "um rund acht Milliarden auf 127,5 Milliarden Euro" (audit 29)
            return
        # "33,4 Millionen Euro Gewerbesteuer ein. Das Ergebnis 2019 belief sich auf 5,27 Millionen": a bare
        # amount in millions goes on in the currency of the amount in millions before it, also across a
        # sentence of the same paragraph
        for before in reversed(out[:i]):
            if before.start < sentence_start and not (
                    scaled and q.start - before.end <= CARRIED_CURRENCY_REACH and "\n\n" not in text[before.end:q.start]):
                return
            if before.kind == "date":
                continue
            if before.start < sentence_start and not (before.kind == "money" and self.re_scale_inside.search(before.text)):
                return
            if before.kind == "percent" and self._word_before(text, before.start) in self.change_by \
                    and self._word_before(text, q.start) in self.change_levels:
                return  # "um 600 Prozent ... – von rund 550 ... auf fast 4.000": the levels of the change
            # two amounts with scale words are of one order of magnitude's talk: "2,9 Billionen Dollar - 282 Milliarden mehr"
            size = SHARED_UNIT_SIZE if scaled and self.re_scale_inside.search(before.text) else ELLIPSIS_SIZE
            if (before.kind in ("money", "percent", "quantity", "duration") and before.unit and before.value
                    and before.relation is None and 1 / size <= q.value / before.value <= size):
                q.kind, q.unit = before.kind, before.unit
            elif (q.kind == "count" and before.kind == "count" and before.noun and before.value
                  and before.start >= sentence_start and 1 / size <= q.value / before.value <= size
                  and not _ASIDE_CLOSED.fullmatch(text, before.end, q.start) and not joined_to_next):
                # "davon 16.000 in Duisburg und 2.500 vor dem Kanzleramt": the count goes on counting the noun; not
                # from inside brackets ("6 Flüchtlingen (Vater, Erstfrau und vier Kinder) wurden nun 12"), nor where
                # the noun comes after the next figure ("von derzeit 50 auf 40 Teilnehmer")
                q.unit, q.noun = before.unit, before.noun
            return  # the nearest figure decides

    def _inherit_scale_and_unit(self, text: str, before: Quantity, q: Quantity) -> None:
        """A bare number that is a part of the figure before it takes that figure's scale and
        unit: "200 Milliarden Euro, davon 50 bei der Mutter" (or "50 davon") -> 50 Milliarden Euro,
        "3 Millionen Nutzer, darunter 2 in Europa" -> 2 Millionen users. The span stays "50"."""
        if q.kind != "count" or q.noun is not None or q.unit is not None or self.re_scale_inside.search(q.text):
            return
        after = re.match(r"\s+(\w+)", text[q.end:q.end + 20])
        if (self._word_before(text, q.start).lower() not in self.part_of_before
                and not (after and after.group(1).lower() in self.part_of_before)):  # "50 davon entfallen auf"
            return
        if before.start < self._sentence_bounds(text, q.start)[0]:
            return  # the figure before stands in another sentence
        scale_word = self.re_scale_inside.search(before.text)
        factor = self.scales[scale_word.group()] if scale_word else 1.0
        if before.kind != "money" and not (before.kind == "count" and (scale_word or before.noun)):
            return  # "500 Tests, 400 davon positiv": tests; a bare count lends nothing
        q.kind, q.unit, q.noun = before.kind, before.unit, before.noun
        q.value, q.low, q.high = (None if x is None else x * factor for x in (q.value, q.low, q.high))

    def _is_trigger(self, tok: str) -> bool:
        if len(tok) == 1 and not tok.isalpha():
            hit = True  # a sign or symbol: the token regex only yields those before a digit
        else:
            low = tok.lower()
            hit = tok in self.trigger_words or low in self.words.words or self.re_numstart.match(low) is not None
            if (hit and low in self.article_words and low not in ("halb", "halbe", "halben", "halbes", "halber")
                    and tok not in self.share_first_words):  # "half the votes" is a share
                hit = 2
        if len(self._trigger_cache) > 200_000:  # bounded memory on unbounded input
            self._trigger_cache.clear()
        self._trigger_cache[tok] = hit
        return hit

    # Backward context: relation preposition, hedge, "minus", currency sign.
    def _back(self, text: str, start: int) -> Optional[re.Match[str]]:
        if start == 0 or not text[start - 1].isspace() and text[start - 1] not in "$€£¥":
            return None
        # Speed: try the backward pattern only at the starts of words that can begin it
        # (leftmost wins, as a search would); most figures have none before them.
        lo = max(0, start - 48, self._state.floor)
        if not any(w.lstrip(_OPENING_MARKS) in self.back_words for w in text[lo:start].split()):
            if text[start - 1] not in "$€£¥":
                return None
        for w in self.re_word_start.finditer(text, lo, start):
            m = self.re_back.match(text, w.start(), start)
            if m is not None:
                return m
        return None

    def _hedge_before(self, text: str, start: int) -> tuple[Optional[str], int]:
        """The hedge word right before a figure (or None) and where the span then starts."""
        back = self._back(text, start)
        if back is None or not back.group("hedge"):
            return None, start
        return back.group("hedge"), back.start("hedge")

    def _not_a_figure(self, text: str, start: int, end: int, word_before: str) -> bool:
        """Numbers that only label or locate: a house number ("Bruckerstraße 47"), a postal code
        ("47, 85221 Dachau"), the digit groups of a phone number ("08131 / 87 87 2"), a list item
        ("1) Lauda-Air-Absturz", a closing bracket nothing opened), a name joined by "&" ("1&1"), a
        number before a catalogue designation ("2014 MU69", an object's name)."""
        if "&" in (text[start - 1:start], text[end:end + 1]):
            return True
        if text[end:end + 1] == "." and text[end + 1:end + 2].islower():
            return True  # "sowie zu wissen 2.wer die Drahtzieher sind": a list item glued to its text
        if re.fullmatch(r"0\d", text[start:end]) and word_before[:1].isupper() \
                and not self.re_month_after_day.match(text, end):  # "Am 04. Juli 2020" is a day
            return True  # "Schalke 04": a leading zero after a name labels
        if end - start == 4 and _DESIGNATION_AFTER.match(text, end):  # not "20 A380": twenty planes
            return True
        if self.street_endings and word_before.lower().endswith(self.street_endings) \
                and not re.match(r"\s+[A-ZÄÖÜ]", text[end:end + 2]):  # not "in der Straniakstraße 246 Asylwerber"
            return True
        before = text[max(0, start - 40):start]
        if self.re_postal_before and self.re_postal_before.search(before):
            return True
        if _PHONE_BEFORE.search(before):
            return True
        if text[end:end + 1] == ")":
            earlier = text[max(0, start - 300):start]  # a bracket may open a long way back
            return earlier.rfind("(") <= earlier.rfind(")")
        return False

    def _figure_at(self, text: str, pos: int, published: Optional[Day], words: bool) -> Optional[Quantity]:
        """The figure whose number starts at `pos` (in digits, or with `words` also in words), whose unit
        a bare number before it may take; None where none is read there."""
        m = self.re_master.match(text, pos)
        if not m or m.lastgroup not in (("num", "word") if words else ("num",)):
            return None
        if m.lastgroup == "num":
            found = self._read_number(text, m.start(), m.group(), m.end(), published)
        else:
            w = self.words.parse(m.group()) or 0.0
            found = self._read_number(text, m.start(), None, m.end(), published, word_value=(w, word_step(w)))
        return found if isinstance(found, Quantity) else None

    def _bracketed_counts(self, text: str, start: int, end: int) -> bool:
        """Whether the bracketed number at text[start:end] counts for the name before it rather than giving its age:
        after an acronym ("FDP (79)", "CDU/CSU (306)"), or in a list of such brackets where one holds no age or
        follows an acronym ("CDU/CSU (306), SPD (153), FDP (56)", "AfD (83) und Linke (58)"), or after a place,
        which has no age ("Nordrhein-Westfalen (17), Baden-Württemberg (10) und Bayern (8)", "Berlin (42)")."""
        if self._after_acronym(text, start - 1) or self._after_place(text, start - 1):
            return True
        a, b = max(0, start - 200), min(len(text), end + 200)
        listed = [m for m in _BRACKETED_NUMBER.finditer(text, a, b)]
        i = next((k for k, m in enumerate(listed) if m.start(1) == start), None)
        if i is None:
            return False
        run = [listed[i]]  # the brackets joined to this one by ", " or "und" after a word or two
        for step in (-1, 1):
            k = i
            while 0 <= k + step < len(listed):
                left, right = (listed[k + step], listed[k]) if step < 0 else (listed[k], listed[k + step])
                if not _LIST_GAP.fullmatch(text, left.end(), right.start()):
                    break
                k += step
                run.append(listed[k])
        return len(run) >= 2 and any(not 1 <= float(m.group(1).replace(".", "").replace(",", ".")) <= 120
                                     or self._after_acronym(text, m.start()) for m in run)

    def _after_place(self, text: str, bracket: int) -> bool:
        """Whether the bracket at `bracket` follows the name of a place."""
        name = re.search(r"([\wÄÖÜäöüß-]+)\s*$", text[max(0, bracket - 40):bracket])
        return bool(name and name.group(1) in self.places)

    def _after_acronym(self, text: str, bracket: int) -> bool:
        """Whether the bracket at `bracket` follows a party's acronym ("FDP (79)", "AfD-Fraktion (83)"; not
        "ÖVP-Mandatarin (34)", a person)."""
        name = re.search(r"([\wÄÖÜäöüß/]+)(?:-([\wÄÖÜäöüß]+))?\s*$", text[max(0, bracket - 40):bracket])
        return bool(name and _ACRONYM.fullmatch(name.group(1))
                    and (name.group(2) is None or name.group(2) in self.party_collectives))

    def _verb_of_preposition_before(self, text: str, start: int) -> bool:
        """A verb that takes the preposition at `start` earlier in its clause: "Insgesamt verfügen die
        US-Streitkräfte über 180" (has 180, not more than)."""
        clause = re.split(r"[,;:.!?()]", text[max(0, start - 80):start])[-1]
        return self.re_preposition_verb is not None and self.re_preposition_verb.search(clause) is not None

    def _word_before(self, text: str, start: int) -> str:
        seg = text[max(0, start - 40):start]
        if not seg[-1:].isspace():
            return ""
        words = seg.split()
        return words[-1].lstrip(_OPENING_MARKS) if words else ""

    # -- numbers -----------------------------------------------------------
    def _read_cur(self, text: str, m: re.Match[str], published: Optional[Day]) -> Optional[Quantity]:
        sym = m.group("cur").strip()
        n = self.re_digits.match(text, m.end())
        if not n:
            return None
        return self._read_number(text, m.start(), n.group().strip(), n.end(), published, prefix_currency=sym)

    def _read_num(self, text: str, m: re.Match[str], published: Optional[Day]):
        return self._read_number(text, m.start(), m.group(), m.end(), published)

    def _read_word(self, text: str, m: re.Match[str], published: Optional[Day]):
        w = m.group("word")
        value = self.words.parse(w)
        if value is None:
            return None
        start, end = m.start(), m.end()
        # "mehrere hundert Millionen", "mehrere hunderttausend Argentinier" (audit 35): no figure, its scale word neither
        if (w.lower() in self.words.multipliers or value in _ROUND_POWERS) \
                and self._word_before(text, start).lower() in self.vague_quantifiers:
            scale = self.re_scale.match(text, end)
            return scale.end() if scale else end
        if w[0].isupper() and w not in self.words.words and not self._sentence_start(text, start):
            nxt = self.re_space_word.match(text, m.end())
            if not (nxt and (nxt.group(1) in self.durations or nxt.group(1) in self.scales or nxt.group(1) in self.percent_words)):
                return None  # "die Elf" (a team), "Acht geben"
        lower = w.lower() if not w[0].isupper() or w.lower() in self.article_words else w
        if lower in self.article_words or w in self.article_words:
            # an article or "halb": a figure only before a scale, fraction, "Dutzend" or duration
            nxt = self.re_space_word.match(text, end)
            if not nxt:
                return None
            follow = nxt.group(1)
            if follow.endswith(".") and follow not in self.scales:
                follow = follow[:-1]
            half = self.words.words.get(follow)
            if follow in self.fractions:
                value = value / self.fractions[follow]
                end = nxt.end()
                return self._finish_fraction(text, start, end, value)
            if half == 0.5 and follow in self.article_words:  # "ein halbes Jahr"
                value, end = 0.5, nxt.end()
            elif value == 0.5 and half == 1:  # "half a million", "half a year"
                after = self.re_space_word.match(text, nxt.end())
                word = after.group(1) if after else ""
                if not (word in self.scales or word.rstrip(".") in self.scales or word.rstrip(".") in self.durations):
                    return None
                end = nxt.end()
            elif follow in self.words.multipliers:  # "a hundred", "a thousand"
                value, end = value * self.words.multipliers[follow], nxt.end()
            elif follow in self.scales or follow.rstrip(".") + "." in self.scales or follow in ("Dutzend", "dozen"):
                pass
            elif follow in self.range_joiners or follow in ("und", "and"):
                # "von ein bis eineinhalb Jahren", "zwischen einem und drei Jahren": the first number of a range
                # of figures with a unit; otherwise an article ("ein bis dahin unbekannter Mann")
                back = self._back(text, start)
                if back and self.hedges.get(back.group("hedge") or "") in ("min", "max"):
                    return None  # "nicht mehr als ein oder zwei Autos": at most two, as the second figure reads
                ranged = self._read_number(text, start, None, end, published, word_value=(value, word_step(value)))
                return ranged if isinstance(ranged, Quantity) and ranged.hedge == "range" else None
            elif follow not in self.durations and follow not in self.percent_words and follow not in self.currencies:
                return None
            return self._read_number(text, start, None, end, published, word_value=(value, word_step(value)))
        nxt = self.re_space_word.match(text, end)
        fraction = nxt.group(1).rstrip(".") if nxt else None  # "um zwei Drittel." ends a sentence
        if fraction in self.fractions:
            return self._finish_fraction(text, start, nxt.start(1) + len(fraction), value / self.fractions[fraction])
        if self.re_hundreds is not None and value in range(1, 10):
            value, end = self._hundreds(text, value, end)
        half = self.re_plus_half.match(text, end) if self.re_plus_half else None
        if half:  # "two and a half million"
            value, end = value + 0.5, half.end()
        return self._read_number(text, start, None, end, published, word_value=(value, word_step(value)))

    def _hundreds(self, text: str, value: float, end: int) -> tuple[float, int]:
        """"two hundred", "one hundred and twenty", "nine hundred ninety-nine": value and end."""
        h = self.re_hundreds.match(text, end)
        if h is None:
            return value, end
        tail = h.group("tail")
        rest = self.words.parse(tail) if tail and tail.lower() not in self.words.words else None
        if rest is not None and 1 <= rest <= 99:
            return value * 100 + rest, h.end()
        return value * 100, h.end("h")

    def _finish_fraction(self, text: str, start: int, end: int, value: float) -> Quantity:
        # "ein Drittel" is read as a share: 33.33 percent
        hedge_rule, start = self._hedge_before(text, start)
        v = value * 100
        low, high, hedge = _apply_hedge(self.hedges.get(hedge_rule), v, SHARE_STEP)
        return Quantity(text[start:end], start, end, "percent", v, low, high, "percent", hedge=hedge)

    def _sentence_start(self, text: str, start: int) -> bool:
        """Whether a word at `start` opens a sentence, also after a dateline's dash ("Wien – Zwei Manager") or a news
        ticker's "+++" ("+++ Sechs Syrer festgenommen +++", audit 36)."""
        i = start - 1
        while i >= 0 and text[i] in " \t\"„'(«»“‚":
            i -= 1
        return i < 0 or text[i] in ".!?:\n–—" or (text[i] == "-" and text[i - 1:i] == " " and i < start - 1) \
            or text[max(0, i - 2):i + 1] == "+++"

    def _read_number(self, text: str, start: int, token: Optional[str], end: int, published: Optional[Day],
                     prefix_currency: Optional[str] = None, word_value: Optional[tuple[float, float]] = None):
        from_words = word_value is not None
        if token is not None and token.endswith(self.zero_decimals):
            token = token[:token.rindex(self.decimal_mark)]  # "250.000,-": a whole number
            word = self._word_before(text, start)
            if prefix_currency is None and word in self.currencies:  # "Euro 30,-": a price, its currency before it
                prefix_currency, start = word, text.rfind(word, 0, start)
        if word_value is None:
            parsed = parse_digits(token, self.decimal_mark, self.group_marks)
            if parsed is None:
                return None
            value, step = parsed
            plain = token.isdigit()
        else:
            value, step = word_value
            plain = False
        lw = self._word_before(text, start)
        if lw in self.name_words or text[start - 1:start] == "§" or text[max(0, start - 2):start] == "§ " \
                or (plain and self.re_name_list_before.search(text, max(0, start - 60), start)):
            return end
        for before, after, only_after in self.names_by_number.get(text[start:end], ()):
            if text[max(0, start - len(before)):start] == before and text.startswith(after, end) \
                    and not text[end + len(after):end + len(after) + 1].isalnum() and (not only_after or lw in only_after):
                return end + len(after)
        if from_words and self.re_pronoun_number and self.re_pronoun_number.match(text, start) \
                and lw not in self.relations:  # not "binnen eines Tages"
            return end
        if plain and self._not_a_figure(text, start, end, lw):
            return end
        if plain and text[start - 1:start] == "[" and text[end:end + 1] == "]":
            return end + 1  # "[34]": a footnote mark
        if plain and self.re_era_after is not None and (era := self.re_era_after.match(text, end)):
            # "300 v. Chr." is a year before the calendar's first, no figure; "991 n. Chr." is a year
            if era.group(1) in self.eras_before or not 1 <= value <= 2099:
                return era.end()
            return self._year(text, start, era.end(), int(value), None, self._back(text, start), published)
        nxt = text[end:end + 1]
        if nxt == "." and plain and self.lang == "de" and self.re_en_decimal.match(text, end):
            # "4.9 Milliarden", "19.99 Franken": a decimal point before a scale word, a currency or "Prozent"
            d = self.re_en_decimal.match(text, end)
            value, step = float(token + d.group()), 10.0 ** -(len(d.group()) - 1)
            end, plain, nxt = d.end(), False, ""
        elif nxt == "." and plain and (prefix_currency or lw in self.whole_price_prefixes) \
                and (d := _PRICE_CENTS.match(text, end)):
            # "CHF 25.50", "Fr. 25.50": a price written after its currency keeps a Swiss or English decimal point
            value, step = float(token + d.group()), 0.01
            end, plain, nxt = d.end(), False, ""
            if prefix_currency is None:
                prefix_currency, start = lw, text.rfind(lw, 0, start)
        elif prefix_currency is None and lw in self.whole_price_prefixes and token and _SWISS_GROUPS.search(token):
            prefix_currency, start = lw, text.rfind(lw, 0, start)  # "Fr. 1'200": francs, as the apostrophe tells
        elif nxt == "." and plain and self.lang == "de" and self.re_whole_price.match(text, end):
            end, plain, nxt = end + 2, False, ""  # "19.– Franken"
            if lw in self.whole_price_prefixes:  # "Fr. 20.–"
                return self._make(text, text.rfind(lw, 0, start), end, "money", value, None, None, step, 1.0,
                                  self.whole_price_prefixes[lw], None)
        if nxt == "-" and plain:  # "14- bis 29-Jährige": a range of compounds
            hy = self.re_hyphen_range.match(text, end)
            m2 = self.re_master.match(text, hy.end()) if hy else None
            if m2 is not None and m2.lastgroup == "compound":
                later = self._read_compound(text, m2, published)
                if isinstance(later, Quantity) and later.kind != "count" and later.value is not None and later.value > value:
                    return Quantity(text[start:later.end], start, later.end, later.kind, (value + later.value) / 2, value,
                                    later.value, later.unit, hedge="range")
            glued = _GLUED_COMPOUND.match(text, end)  # "ein 26-35jähriger Mann": the suffix glued to the digits
            if glued:
                suffix = self._compound_suffix(glued.group(2))
                kind, unit = self.compounds[suffix] if suffix else (None, None)
                high = float(glued.group(1))
                if kind not in (None, "count") and high > value:
                    return Quantity(text[start:glued.end()], start, glued.end(), kind, (value + high) / 2, value, high,
                                    unit, hedge="range")
                return glued.end()
        if nxt == "." and not from_words:
            # "3. Dezember 2020", "1. Quartal", ordinals ("3. Platz"), or a sentence end
            if plain and text[end + 1:end + 2] == ")" and (text[start - 1:start] == "(" or _ORDINAL_LIST_BEFORE.search(
                    text, max(0, start - 40), start)):
                return end + 1  # "Joseph Boyamba (49.)", "(7., 12., 83., 88.)": minutes or ranks in brackets
            if plain and value < 100 and text[end + 1:end + 2] == ")":
                earlier = text[max(0, start - 300):start]
                if earlier.rfind("(") <= earlier.rfind(")"):
                    return end + 1  # "erfüllt sein: 1.) die Tat ... 2.) die Medien" (audit 28): items of a list
            if plain and value < 100 and _LINE_START.search(text, max(0, start - 8), start) \
                    and re.match(r"\.[ \t]+[A-ZÄÖÜ„\"]", text[end:end + 3]):
                return end + 1  # "1. Die Masken ...": an item of a numbered list
            md = self.re_month_after_day.match(text, end)
            if md and plain and 1 <= value <= 31:
                return self._day_month(text, start, md, int(value), published)
            if plain and text[end + 1:end + 2] in (",", "/"):
                return end + 1  # "1./2. Weltkrieg", "1., 2. und 3. Januar"
            if plain and value < 1000 and _ORDINAL_JOINED_BEFORE.search(text, max(0, start - 20), start):
                return end + 1  # "die 5. und 6. Klassen", "in der 3. und 4. Unterrichtsstunde" (audit 28)
            od = self.re_ord_dot.match(text, end)
            if od and plain and od.group(1).rstrip(".,;") in self.century_words:
                c = int(value)
                return Quantity(text[start:od.end()].rstrip(".,;"), start, start + len(text[start:od.end()].rstrip(".,;")),
                                "date", date=None, date_low=Day(max(1, (c - 1) * 100 + 1), 1, 1).isoformat() if 1 <= c <= 21 else None,
                                date_high=Day(c * 100, 12, 31).isoformat() if 1 <= c <= 21 else None)
            if od:
                w = od.group(1)
                w = w.rstrip(".,;:!?)")  # "75. Minute: Der Ball ..."
                ordinal_place = value < 1000 and (lw in self.ordinal_before or text[start - 1:start] == "(")
                if (w[:1].islower() or w in self.ordinal_nouns or w in self.durations or ordinal_place) and plain and self.lang == "de":
                    return od.start(1)
            if text[end + 1:end + 2].isdigit():
                return end + 1
        if self.lang == "en" and plain and 1 <= value <= 31:
            md = self.re_month_after_day.match(text, end)
            if md:
                return self._day_month(text, start, md, int(value), published)
        if self.re_month_year_after_bare_day and plain and 1 <= value <= 31:
            md = self.re_month_year_after_bare_day.match(text, end)
            if md:
                return self._day_month(text, start, md, int(value), published)
        scale = 1.0
        s = self.re_scale.match(text, end)
        if s:
            scale = self.scales[s.group().strip().lstrip("-")]
            end = s.end()
        elif from_words:
            nxt_w = self.re_space_word.match(text, end)
            if nxt_w and nxt_w.group(1) in ("Dutzend", "dozen"):
                value, end = value * 12, nxt_w.end()
        back = self._back(text, start)
        rel = back.group("rel") if back else None
        if rel in ("Zwischen", "Between"):  # at a sentence's start
            rel = rel.lower()
        hedge_word = back.group("hedge") if back else None
        word_before_hedge = self._word_before(text, back.start("hedge")).lower() if hedge_word else ""
        if hedge_word in self.amount_prepositions and (word_before_hedge.endswith(self.amount_noun_endings)
                                                       or word_before_hedge in self.preposition_verbs
                                                       or self._verb_of_preposition_before(text, back.start("hedge"))):
            hedge_word = None  # "eine Kapitalerhöhung über 1,5 Mrd. Euro" = of 1,5 Mrd., not more than
        low = high = None
        second = self._second_of_range(text, end, rel)
        if (second is not None and plain and scale == 1.0 and 1900 <= value <= 2099 and lw in self.year_cues
                and not value < second[0] <= 10 * value):
            second = None  # "rose 140 percent in 2024 to 18 million euros": a year, then the level reached
        range_end = end
        t = self.re_time.match(text, second[1] if second is not None else end)
        if t:
            return t.end()  # "9 Uhr", "zwischen 6 und 22 Uhr": times of day
        if text[start - 1:start] == "(" and text[end:end + 1] == ")" and plain and 1 <= value <= 120 and \
                (text[max(0, start - 3):start - 1].strip()[-1:].isalpha() or text[start - 3:start - 1] == ". ") \
                and not self._bracketed_counts(text, start, end):
            # "Prinz William (32)": an age after a name
            age = self._make(text, start, end, "duration", value, None, None, 1.0, 1.0, "year", None)
            age.relation = AGE
            return age
        if second is not None:
            v2, e2 = second
            s2 = self.re_scale.match(text, e2)
            scale2 = scale
            if s2:
                scale2 = self.scales[s2.group().strip().lstrip("-")]
                if not s and value < 1000:  # "zwischen 10 und 12 Millionen", not "zwischen 600.000 und einer Million"
                    scale = scale2
                e2 = s2.end()
            if v2 * scale2 > value * scale:
                low, high = value * scale, v2 * scale2
                range_end = e2
            elif v2 * scale2 < value * scale and rel in ("zwischen", "between"):
                low, high = v2 * scale2, value * scale  # "zwischen 64 und 50 Prozent", written high to low (audit 23)
                range_end = e2
        unit_end = range_end
        u = self.re_unit.match(text, unit_end)
        if u and _unit_name(u) in self.currencies and re.match(r"-[A-ZÄÖÜ]", text[u.end():u.end() + 2]):
            u = None  # "18 Euro-Finanzminister": the currency opens the counted noun
        if u and len(_unit_name(u)) == 1 and _INITIALS_AFTER.match(text, u.end()):
            u = None  # "17 m. T." (mutmaßliche Täter, audit 38): initials, no metres
        if u is None and self.re_time_adjective is not None:
            # "zwei magere Jahre", "drei lange Monate": one adjective between a number and a time unit
            adjective = self.re_time_adjective.match(text, unit_end)
            if adjective and adjective.group().strip() in self.rate_words:
                adjective = None  # "300 jeden Monat": a count a month, no 300 months
            after = self.re_unit.match(text, adjective.end()) if adjective else None
            if after and self.unit_kind.get(_unit_name(after)) == "dur":
                u = after
        if u is None and low is None and self._opens_a_change(text, start):
            # "von 9,1 auf 9,5 Prozent": the first figure takes the unit of the second, and its scale where it
            # has none ("von 3,2 auf 3,5 Milliarden Euro")
            ch = self.re_change_to.match(text, end)
            # past a hedge of the second level: "von 37 auf über 70 Milliarden Euro" (audit 36)
            hedged = self.re_hedge_ahead.match(text, ch.end()) if ch else None
            later = self._figure_at(text, hedged.end() if hedged else ch.end(), published, words=True) if ch else None
            if later is not None and later.kind in ("percent", "money", "quantity") and later.unit:
                scale_word = self.re_scale_inside.search(later.text) if scale == 1.0 and value < 1000 else None
                if scale_word:
                    scale = self.scales[scale_word.group()]
                scale *= self._minor_factor(later)  # "von 38,9 auf 34,5 Cent": 38,9 cents
                return self._make(text, start, end, later.kind, value * scale, None, None, step * scale, 1.0,
                                  later.unit, hedge_word)
            if later is not None and later.kind == "count" and from_words:
                return self._make(text, start, end, "count", value * scale, None, None, step * scale, 1.0, later.unit, hedge_word)
        if u is None and low is None and self.re_shared_unit is not None and rel not in ("zwischen", "between") \
                and not (plain and 1000 <= value <= 2100):
            # "um 60 beziehungsweise 46 Prozent": a bare number takes the unit of the coordinated figure after it
            co = self.re_shared_unit.match(text, end)
            later = self._figure_at(text, co.end(), published, words=False) if co else None
            if later is None and (co := _LIST_COMMA.match(text, end)):
                # "7,68, 3,84 und 1,92 TB": a list's first item takes the unit the next item took from the last
                later = self._figure_at(text, co.end(), published, words=False)
                if later is not None and (not _DIGITS_ONLY.fullmatch(later.text) or later.kind == "count"):
                    later = None
            if later is not None:
                scale *= self._minor_factor(later)  # "um 60 beziehungsweise 46 Cent": 60 cents
            if later is not None and later.value and value * scale / later.value > SHARED_UNIT_SIZE:
                later = None  # "knapp 1,7 Millionen bzw. 38 Prozent": a count and its share, no two shares
            shared_start = back.start("hedge") if hedge_word and back is not None else start  # "etwa 32 statt 17 Jahre"
            if later is not None and later.kind in ("percent", "money", "quantity", "duration") and later.unit \
                    and later.relation is None:  # "im Alter von 19 und 20 Jahren", "etwa 32 statt 17 Jahre alt"
                return self._make(text, shared_start, end, later.kind, value * scale, None, None, step * scale, 1.0,
                                  later.unit, hedge_word)
            if later is not None and later.kind == "count" and later.noun:  # "64 und 50 neue Sterbefälle"
                q = self._make(text, shared_start, end, "count", value * scale, None, None, step * scale, 1.0, later.unit,
                               hedge_word)
                q.noun = later.noun
                return q
        unit_word = u.group().strip() if u else None
        if unit_word and unit_word in self.time_words:
            return u.end()
        after = text[unit_end:unit_end + 1]
        if after.isalpha() and not u:  # "5G", glued letters
            return None
        # a range of two bare years with nothing after is two years, not a range
        if low is not None and plain and 1000 <= value <= 2100 and float(int(value)) == value and not u and scale == 1.0:
            low = high = None
            unit_end = end
        elif low is not None:
            end = unit_end
        if rel in ("zwischen", "between") and low is None:
            rel = None
        range_start = back.start("rel") if rel in ("zwischen", "between") else None
        if text[end:end + 1].isalpha() and u is None:
            return None
        uw = _unit_name(u) if unit_word else None
        ukind = self.unit_kind.get(uw) if uw else None
        if hedge_word in self.among_hedges and back is not None \
                and any(n in self._word_before(text, back.start("hedge")).lower() for n in self.survey_nouns):
            hedge_word = None  # "eine Umfrage unter 1300 Handelsunternehmen": among them, no bound (audit 21)
        if (hedge_word or "").lower() in self.noun_hedges and u is not None:
            hedge_word = None  # "eine Erinnerung an die acht Monate": to the eight months; a count's only (below)
        if prefix_currency is None and back is not None and back.group("cur"):
            prefix_currency = back.group("cur").strip()
            start = back.start("cur")
        times = self.re_times_multiple.match(text, end) if u is None and self.re_times_multiple else None
        # Now decide the kind.
        span_start = start
        if hedge_word:
            span_start = back.start("hedge")
        elif rel is not None and rel.lower() in self.amount_bounds and low is None and ukind != "dur" and not (
                u is None and prefix_currency is None and plain and scale == 1.0 and 1000 <= value <= 2099) \
                and not self._ends_a_range(text, back.start("rel")):
            # "bis 500.000 Menschen", "Gewinne bis 5.000 Euro": "bis" alone before an amount bounds it as "bis zu"
            # does; before a year ("bis 2030") or a duration ("bis drei Tage") it stays the relation it is
            hedge_word, span_start = self.amount_bounds[rel.lower()], back.start("rel")
        if range_start is not None:
            span_start = range_start
        if back is not None and back.group("minus"):
            value = -value
            span_start = min(span_start, back.start("minus"))
        v = value * scale
        st = step * scale
        # "ab 739 Euro", "Versicherte ab 55 Jahren": a threshold (a starting price, an age limit), its figure exact
        # and its relation "from", as "ab 2018" (no bound: "ab 55 Jahren" does contradict "ab 50 Jahren")
        from_bound = hedge_word is None and low is None and rel is not None and self.relations.get(rel) == "from"
        if times is not None and prefix_currency is None:
            return self._make(text, span_start, times.end(), "quantity", v, low, high, st, 1.0, MULTIPLE_UNIT, hedge_word)
        if u is None and prefix_currency is None and self._word_before(text, start) in self.factor_words:
            return self._make(text, span_start, end, "quantity", v, low, high, st, 1.0, MULTIPLE_UNIT, hedge_word)  # "Faktor 10"
        if prefix_currency is not None or ukind in ("cur", "minor"):
            code = self.currencies.get(prefix_currency) if prefix_currency else None
            factor = 1.0
            end = u.end() if ukind in ("cur", "minor") else end
            if ukind == "cur":
                code = self.currencies[uw]
            elif ukind == "minor":
                code, factor = self.minor[uw]
            if code is None:
                return None
            rate = self.re_rate.match(text, end)
            if rate:
                end = rate.end()
            q = self._make(text, span_start, end, "money", v * factor, low, high, st * factor, factor, code, hedge_word)
            return _as_threshold(text, q, back.start("rel")) if from_bound else q
        if ukind in ("pct", "pp", "permille"):
            unit = "percent" if ukind in ("pct", "permille") else "pp"
            f = 0.1 if ukind == "permille" else (0.01 if uw in self.basis_points else 1.0)
            q = self._make(text, span_start, u.end(), "percent", v * f, low, high, st * f, f, unit, hedge_word)
            return _as_threshold(text, q, back.start("rel")) if from_bound else q
        if ukind == "dur" and hedge_word in self.not_before_durations:
            hedge_word, span_start = None, start  # "over three years" = during
        if ukind == "dur":
            dunit, mult = self.durations[uw]
            relation = self.relations.get(rel) if rel else None
            if (relation == "until" and hedge_word is None or relation == "from" and not from_bound
                    or relation in ("before", "after", "compared")):
                # "bis drei Tage" is rare, "bis zu" is a hedge; "ab 12 Jahren" an age limit (from); "vor drei
                # Tagen" a point counted back (below, given the publication date)
                relation = None
            lw = self._word_before(text, span_start)
            after = self.re_ago_after.match(text, u.end())
            if after and lw in self.share_articles:
                after = None  # "in den sieben Tagen zuvor" is a period, not a point in time
            if after and hedge_word is not None and self.hedges.get(hedge_word) in ("min", "max"):
                # "um 6,3 Prozent mehr als ein Jahr zuvor": a comparison's "than" before a point in time,
                # no bound of a duration (read as the point; "mehr als ein Jahr zuvor hatte er" so too)
                hedge_word, span_start = None, start
            rule = self.hedges.get(hedge_word) if hedge_word is not None else None
            if published is not None and lw in self.ago_before and low is None and rule in ("min", "max"):
                # "vor über einer Woche", "vor etwas mehr als zwei Wochen" (audit 27): before (after) that day
                a_start = text.rfind(lw, 0, span_start)
                day = dates.shift(published, v * mult, dunit, -1)
                if day is not None:
                    return Quantity(text[a_start:u.end()], a_start, u.end(), "date", date=day.isoformat(),
                                    date_low=day.isoformat(), date_high=day.isoformat(),
                                    relation="before" if rule == "min" else "after")
            if published is not None and (lw in self.ago_before or after) and low is None and (
                    rule in (None, "approx", "over", "under")):
                # "vor zwei Wochen", "einen Monat zuvor": a date counted back from publication; "vor rund
                # einer Woche" widens it by AGO_APPROX either way, "vor gut einer Woche" further back only,
                # "vor knapp einer Woche" nearer only.
                a_start = text.rfind(lw, 0, span_start) if lw in self.ago_before else span_start
                a_end = u.end() if lw in self.ago_before else after.end()
                day = dates.shift(published, v * mult, dunit, -1)
                if day is not None:
                    # "vor zwei Jahren" is no day: half its unit either way (audit 21), as a number written to its
                    # last digit stands for half a unit of it; days stay exact
                    half = 0.5 * mult if dunit in AGO_LOOSE_UNITS and rule is None else 0.0
                    early = dates.shift(published, v * mult * (1 + AGO_APPROX), dunit, -1) if rule in ("approx", "over") \
                        else dates.shift(published, v * mult + half, dunit, -1)
                    late = dates.shift(published, v * mult * (1 - AGO_APPROX), dunit, -1) if rule in ("approx", "under") \
                        else dates.shift(published, v * mult - half, dunit, -1)
                    return Quantity(text[a_start:a_end], a_start, a_end, "date", date=day.isoformat(),
                                    date_low=(early or day).isoformat(), date_high=(late or day).isoformat(),
                                    hedge=rule)
            q_start = back.start("rel") if relation else span_start
            q = self._make(text, q_start, u.end(), "duration", v * mult, low, high, st * mult, mult, dunit, hedge_word)
            if relation == "deadline" and (" ".join(rel.split()) in self.span_prepositions
                                           or _COUNT_BEFORE.search(text, max(0, q_start - 40), q_start)) \
                    and not self._looks_ahead(text, q_start, u.end()):
                # "binnen eines Tages registriert", "155 Wahlgänge in zehn Wochen", "50 Neuinfektionen pro 100.000
                # Einwohnern in sieben Tagen": the period a figure was counted in
                relation = "within"
            elif relation == "deadline" and rel.lower() == "in" and _NOUN_RIGHT_AFTER.match(text, u.end()):
                relation = "within"  # "in zehn Jahren Irakkrieg", "in zwei Jahren Bauzeit": a period of that noun
            elif relation == "deadline" and self._clause_looks_back(text, q_start, u.end()):
                relation = "within"  # "In 30 Jahren hat Blairmore niemals ... gezahlt" (audit 27): a period looked back on
            elif relation == "deadline" and dunit in _CLOCK_UNITS:
                relation = None  # "binnen 30 Minuten mit dem Auto erreichen": a time it takes, not a day it falls due on
            q.relation = relation
            if published is not None and relation in ("deadline", "since"):
                self._resolve_duration(q, published)
            return q
        if ukind == "unit":
            return self._make(text, span_start, u.end(), "quantity", v, low, high, st, 1.0, self.units[uw], hedge_word)
        # "2015 der Flüchtlinge" stays a year: a bare year takes no noun through a genitive
        noun = self._counted_noun(text, end, partitive=not (plain and scale == 1.0 and 1000 <= value <= 2099))
        if (hedge_word or "").lower() in self.noun_hedges and not _noun_follows(text, end, noun):
            hedge_word, span_start = None, start  # "erinnern an die 20 Millionen heutigen Stalinisten": to the 20 million
        # a bare year: "2017", "seit 2015", "bis 2030", "mehr als 2019" (= than in 2019)
        bound = hedge_word is not None and self.hedges.get(hedge_word) in ("min", "max") and noun is None
        if plain and scale == 1.0 and low is None and (hedge_word is None or bound) and float(int(value)) == value and (
            1900 <= value <= 2099 or (1000 <= value <= 2099 and hedge_word is None  # "mit mindestens 1790" counts
                                      and self._older_year(text, start, end, lw, int(value), noun))
        ):
            # "Im Jahr 2015 kamen Flüchtlinge": a year after a period noun, its noun further on; not "im Jahr
            # 2000 Besucher" (a yearly count, its noun right after the number)
            dated = (lw in self.year_period_nouns and not _noun_follows(text, end, noun)
                     # "das 2019 gegründete Unternehmen": the participle dates the noun, no count of companies
                     or (self.re_year_cue_after is not None and self.re_year_cue_after.match(text, end) is not None))
            # a round number only: "2015 weitere Richter" is as likely the year
            counted = (noun is not None and value % 100 == 0 and lw.lower() not in self.year_cues
                       and self.re_count_adjective is not None and self.re_count_adjective.match(text, end))
            if (self._count_unit(noun) is None and not counted) or dated:
                return self._year(text, start, end, int(value), None, back, published)
        # "Internet Explorer 6", "Silent Hill 2": a small number right after a name of
        # several words, counting nothing, is part of the name
        name_before = text[max(0, start - 60):start]
        if noun is None and plain and scale == 1.0 and value <= 20 and hedge_word is None and low is None \
                and _NAME_BEFORE.search(name_before) and not _COUNT_LIST_BEFORE.search(name_before) \
                and text[end:end + 1] not in (",", ";"):  # "In Bad Tölz 12, in Taufkirchen 68"
            return end
        if (noun is None and plain and scale == 1.0 and low is None and 1 <= value <= 120 and self.re_age_after
                and (self.re_age_after.match(text, end) or self.re_age_before.search(text, max(0, start - 20), start))):
            # "ist 71 geworden", "sein Alter mit 17": an age, as "71 Jahre" reads
            age = self._make(text, span_start, end, "duration", v, low, high, st, 1.0, "year", hedge_word)
            age.relation = AGE
            return age
        # a count, with its noun where one follows
        unit = self._count_unit(noun)
        if from_words and noun is None and scale == 1.0 and value < 2:
            return None  # "einer", "eins" alone are not figures
        # a bare decimal ("R-Wert 1,29", "Inzidenz 154,4") is a measure, not a count
        kind = "quantity" if noun is None and token is not None and self.decimal_mark in token and scale == 1.0 else "count"
        q = self._make(text, span_start, end, kind, v, low, high, st, 1.0, unit, hedge_word)
        q.noun = noun
        return q

    def _second_of_range(self, text: str, end: int, rel: Optional[str]) -> Optional[tuple[float, int]]:
        """The upper number of a range and where it ends: "10 bis 12", "10-12", "zwischen 10 und 12"."""
        r = self.re_and.match(text, end) if rel in ("zwischen", "between") else self.re_range.match(text, end)
        if r is None:
            return None
        n2 = self.re_digits.match(text, r.end())
        if n2 and n2.group()[0].isspace() and not r.group()[-1].isspace():
            n2 = None
        if n2:
            p2 = parse_digits(n2.group().strip(), self.decimal_mark, self.group_marks)
            if p2 and not text[n2.end():n2.end() + 1].isalpha():
                return p2[0], n2.end()
            return None
        wm = self.re_space_word.match(" " + text[r.end():r.end() + 40])
        if wm:
            word = wm.group(1).rstrip(".")
            v2 = self.words.parse(word)
            if v2 is not None and word not in self.article_words:
                return v2, r.end() + len(word)
            if word in self.article_words and self.re_scale.match(text, r.end() + len(word)):
                return 1.0, r.end() + len(word)  # "zwischen 600.000 und einer Million"
        return None

    def _counted_noun(self, text: str, end: int, partitive: bool = True) -> Optional[str]:
        """The noun a count counts. German: any capitalised noun after at most two adjectives
        ("1.188 neue Todesfälle"), also after a genitive article ("drei der Nachbarländer") unless
        `partitive` is False. English: a noun of the table, else the first plural noun before a
        function word ("thirty Palestinians at"); "of the" is passed over ("two of the users")."""
        if self.lang == "en":
            words = self.re_en_words.match(text, end)
            if not words:
                return None
            seq, phrase = [], words.group(1).split()
            if phrase[0].lower() in self.partitive_words:  # "two of the users" counts users
                phrase = phrase[2:] if len(phrase) > 1 and phrase[1].lower() in self.noun_stop_words else phrase[1:]
            for w in phrase:
                if w.lower() in self.noun_stop_words:
                    break  # the noun phrase ends: "thirty Palestinians at", "fifty declarations of"
                seq.append(w)
            for i in range(len(seq)):  # a noun of the table first, longer before shorter
                for n in (3, 2, 1):
                    cand = " ".join(seq[i:i + n])
                    if cand in self.count_nouns:
                        return cand
            return next((w for w in seq if self._english_plural(w)), None)
        of = self.re_partitive.match(text, end) if self.re_partitive and partitive else None
        if of and (total := _NUMBER_AFTER.match(text, of.end()) or self._number_word_after(text, of.end())):
            of = total  # "134 der 217 Abgeordneten", "drei der sechs Pavillons" (audit 37): a part of a counted whole
        elif partitive and self.re_part_of_number and (whole := self.re_part_of_number.match(text, end)):
            of = whole  # "132 von 181 Bewohnern"
        nm = self.re_noun.match(text, of.end() if of else end)  # "drei der Nachbarländer"
        if nm and len(nm.group(2)) > 2 and nm.group(2).isupper() and _CAPS_ADJECTIVE.fullmatch(nm.group(2).lower()):
            after = self.re_noun.match(text, nm.end())  # "24 NEUE Siedlungen" (audit 32): an adjective in capitals
            nm = after if after and not after.group(1) and not after.group(2).isupper() else nm
        if nm and nm.group(2).endswith("er"):
            # "26 Duisburger Schulen" (audit 26): a place's adjective before the noun it qualifies
            after = _PLACE_ADJECTIVE_NOUN.match(text, nm.end())
            if after:
                return after.group(1)
        return nm.group(2) if nm and self._is_noun(nm) else None

    def _number_word_after(self, text: str, pos: int) -> Optional[re.Match[str]]:
        """A number word of two or more right after `pos` ("sechs" in "drei der sechs Pavillons"), else None."""
        m = _WORD_AFTER.match(text, pos)
        value = self.words.parse(m.group(1)) if m else None
        return m if value is not None and value >= 2 else None

    def _older_year(self, text: str, start: int, end: int, word_before: str, year: int, noun: Optional[str]) -> bool:
        """Whether a number from 1000 to 1899 is a year: after a year cue ("im 1722"), before one ("1722
        geboren"), as either end of a span of years in brackets ("(1720-1778)", a lifespan), or written as
        years are and counting nothing ("fand 1415 statt"; not "1415 Tische"). A noun after it counts
        ("die Zahlengrenze von 1000 Angehörigen") but after a year cue other than "von" ("seit 1570 bestehende")."""
        if self.re_year_cue_after is not None and self.re_year_cue_after.match(text, end):
            return True  # "die 1722 geborene Malerin"
        if word_before in self.year_cues and (noun is None or word_before.lower() != "von"):
            return True  # "Der seit 1570 bestehende Weihnachtsmarkt"; not "die Zahlengrenze von 1000 Angehörigen"
        if noun is not None and not word_before.startswith("Jahr"):
            return False
        if (year % 100 and noun is None and text[start:end].isdigit() and len(text[start:end]) == 4
                and word_before.lower() not in self.older_year_count_words
                and not ((after := re.match(r"\s+(\w+)", text[end:end + 20]))  # "1164 davon gelten als genesen"
                         and after.group(1).lower() in self.part_of_before)
                and not (self.re_whole_after_year and self.re_whole_after_year.match(text, end))):
            return True
        before = _YEAR_SPAN_BEFORE.search(text, max(0, start - 9), start)
        after = _YEAR_SPAN_AFTER.match(text, end)
        return bool((before and int(before.group(1)) < year) or (after and year < int(after.group(1))))

    def _count_unit(self, noun: Optional[str]) -> Optional[str]:
        """The unit a counted noun names, a hyphenated compound's by its last part, which is its head
        ("Corona-Neuinfektionen", "Facebook-Nutzer"); None for a noun the table does not know."""
        if not noun:
            return None
        return self.count_nouns.get(noun) or self.count_nouns.get(noun.rsplit("-", 1)[-1])

    def _english_plural(self, word: str) -> bool:
        """Whether an English word reads as a plural noun: "Palestinians", "clauses", "SMS", "people"."""
        low = word.lower()
        if low in self.irregular_plurals:
            return True
        return (len(low) >= 3 and low.endswith("s") and not low.endswith(self.not_plural_endings)
                and low not in self.not_nouns)

    def _is_noun(self, nm: re.Match[str]) -> bool:
        words = nm.group(1).split()
        if any(w.endswith(",") and w[-3:-1] != after[-2:] for w, after in zip(words, words[1:])):
            return False  # adjectives in a row agree ("dunkelhäutigen, jungen"); "gewesen, bedauerte" are verbs
        adjectives = [a.rstrip(",") for a in words]
        # a joiner between two adjectives ("gegenwärtigen oder früheren") is no adjective of its own
        adjectives = [a for k, a in enumerate(adjectives) if not (0 < k < len(adjectives) - 1 and a in ("und", "oder"))]
        if any(a in _STOP_ADJECTIVES for a in adjectives):
            return False
        word = nm.group(2)
        if self.lang == "en":
            return word in self.count_nouns
        return not (word in self.months or word in self.weekdays or word in self.units or word in self.scales)

    def _ends_a_range(self, text: str, word_start: int) -> bool:
        """Whether the word at `word_start` joins a figure to the one before it ("Seiten 17 bis 21", "0,04 % bis 0,08
        %", "ein bis zwei") or a clause after a comma ("dauerte 98 Tage, bis eine Million ... registriert waren")."""
        before = text[max(0, word_start - 30):word_start].rstrip()
        if before.endswith((",", ";", ":")):
            return True
        last = before.split()[-2:]
        return any(any(ch.isdigit() for ch in w) for w in last) or bool(last) and self.words.parse(last[-1].lower()) is not None

    def _make(self, text: str, start: int, end: int, kind: str, v: float, low, high, step: float, factor: float,
              unit: Optional[str], hedge_word: Optional[str]) -> Quantity:
        if low is not None:
            lo, hi = _clean(low * factor), _clean(high * factor)
            q = Quantity(text[start:end], start, end, kind, _clean((lo + hi) / 2), lo, hi, unit, hedge="range")
            if hedge_word:  # "rund 10 bis 12": the range is the bound
                q.start = start
            return q
        rule = self.hedges.get(hedge_word) if hedge_word else None
        v = _clean(v)
        lo, hi, hedge = _apply_hedge(rule, v, step)
        if hedge is None and self._is_forecast(text, start, end) and not (
                self.re_level_before and self.re_level_before.search(text, max(0, start - 30), start)):
            hedge = "forecast"
        return Quantity(text[start:end], start, end, kind, v, _clean(lo), _clean(hi), unit, hedge=hedge)

    def _is_forecast(self, text: str, start: int, end: int) -> bool:
        a, b = self._sentence_bounds(text, start)
        while b < len(text) and text[b - 1] == "\n" and re.match(r"[ \t]*[a-zäöüß]", text[b:b + 20]):
            b = self._sentence_bounds(text, b)[1]  # a hard-wrapped line goes on: "auf 96,4 Prozent\nansteigen"
        for dash in self.re_forecast_scope_end.finditer(text, a, b):  # the part of the sentence the figure is in
            if dash.end() <= start:
                a = dash.end()
            elif dash.start() >= end:
                b = dash.start()
                break
        bounds = (a, b)
        memo = self._state.forecast
        if bounds not in memo:
            memo[bounds] = any(not self._compares_with_expectation(text, m) for m in self.re_forecast.finditer(text, *bounds))
        if memo[bounds]:
            return True
        # the figure's own clause (between commas): "Er werde die Saison beenden, sagte der Fahrer, der heuer bereits
        # drei Rennen gewonnen hat" plans nothing for the three
        clause = (max(text.rfind(",", a, start), text.rfind(";", a, start), a - 1) + 1,
                  min([i for i in (text.find(",", end, b), text.find(";", end, b)) if i >= 0] or [b]))
        if ("modal", clause) not in memo:
            memo["modal", clause] = self._modal_infinitive(text, *clause)
        return memo["modal", clause]

    def _modal_infinitive(self, text: str, a: int, b: int) -> bool:
        """Whether text[a:b] states what shall or will be: a modal and an infinitive ending its clause."""
        if self.re_modal_infinitive is None:
            return False
        for m in self.re_modal_infinitive.finditer(text, a, b):
            before, verb = m.group(1), m.group(2)
            if verb in self.perfect_infinitives and before[:1].islower() and before.endswith(("t", "en")):
                continue  # "soll ... angegriffen haben", "soll gewesen sein": reported, not to come
            if self._passive_participle(verb):
                continue  # "wird ... ausgetragen": a present passive, its participle ends as an infinitive does
            return True
        for m in self.re_infinitive_modal.finditer(text, a, b) if self.re_infinitive_modal else ():
            verb = m.group(1)
            if verb in self.perfect_infinitives:
                continue  # "dass er ... angegriffen haben soll": reported
            if self._passive_participle(verb):
                continue  # "dass die Spiele jährlich ausgetragen werden": a present passive
            return True
        return False

    def _passive_participle(self, verb: str) -> bool:
        """A participle that ends as an infinitive does ("ausgetragen"), not one of ge_infinitives ("ausgeben")."""
        participle = self.re_participle.match(verb)
        return bool(participle) and participle.group(1) not in self.ge_infinitives

    def _compares_with_expectation(self, text: str, cue: re.Match[str]) -> bool:
        """Whether a forecast cue compares a reported figure with what was expected ("stieg wie erwartet",
        "höher als erwartet"), which is no forecast."""
        return (self.re_expectation_compared is not None and cue.group() in self.forecast_cues
                and self.re_expectation_compared.search(text, max(0, cue.start() - 30), cue.start()) is not None)

    def _read_compound(self, text: str, m: re.Match[str], published: Optional[Day]):
        """"72-jährige", "viertägige", "zehnmal", "100-prozentiges", "60.000-Einwohner-Stadt",
        "5-Milliarden-Minuten-Marke"; other compounds ("2-Zimmer-Wohnung") are no figure."""
        word = m.group("compound")
        start = m.start()
        head, sep, rest = word.partition("-")
        if not sep:  # a number word glued to its suffix
            for suffix in self.compound_suffixes:
                i = word.lower().find(suffix.lower())
                if i <= 0:
                    continue
                number = word[:i].lower()
                if suffix == self.multiple_suffix and word in self.multiples:
                    return self._listed_multiple(text, start, m.end(), word)  # as listed, whatever its form
                if suffix == self.multiple_suffix:  # "auf das Achtfache", "verfünffacht"; not "der dreifache Weltmeister"
                    verb = bool(self.multiple_prefix) and number.startswith(self.multiple_prefix)
                    if verb:
                        number = number[len(self.multiple_prefix):]
                    if not self._multiple_form(text, start, m.end(), word[i + len(suffix):], verb):
                        return m.end()
                elif word[0].isupper() and not self._sentence_start(text, start):
                    return m.end()  # "im Dreißigjährigen Krieg": a name
                return self._suffixed(text, start, m.end(), self.words.parse(number), 1.0, suffix)
            return m.end()
        parsed = parse_digits(head, self.decimal_mark, self.group_marks)
        if parsed is None:
            return m.end()
        value, step = parsed
        if self.re_times_multiple is not None and (times := self.re_times_multiple.match(text, start + len(head))):
            return self._compound(text, start, times.end(), value, step, "quantity", MULTIPLE_UNIT)  # "2,5-mal so"
        parts = rest.split("-")
        pos = start + len(head) + 1
        if parts[0] in self.scales:
            value, step = value * self.scales[parts[0]], step * self.scales[parts[0]]
            pos += len(parts[0]) + 1
            parts = parts[1:]
        if not parts:
            return m.end()
        first = parts[0]
        end = pos + len(first)
        if first in self.currencies:
            if len(parts) > 1 and parts[1] in self.denomination_nouns:
                return m.end()  # "ein 500-Euro-Schein" (audit 37): a note's face value, no sum
            return self._compound(text, start, end, value, step, "money", self.currencies[first])
        if first in self.percent_words:
            return self._compound(text, start, end, value, step, "percent", "percent")
        if first in self.durations and end < m.end():  # "5-Milliarden-Minuten-Marke", not "3-Tage-Woche"
            dunit, mult = self.durations[first]
            return self._compound(text, start, end, value * mult, step * mult, "duration", dunit)
        if first in self.units:
            return self._compound(text, start, end, value, step, "quantity", self.units[first])
        suffix = self._compound_suffix(first)
        if suffix and suffix == self.multiple_suffix and not self._multiple_form(
                text, start, start + len(head) + 1 + len(first), first[len(suffix):], False):
            return m.end()  # "des 27-fachen Cupsiegers"; "um das 24-Fache", "fast 11-facht" are multiples
        if suffix and self.compounds[suffix][0] != "count":
            kind, unit = self.compounds[suffix]
            return self._compound(text, start, start + len(head) + 1 + len(first), value, step, kind, unit)
        if suffix and first.lower() == suffix and suffix == self.times_suffix:
            # "13-mal novelliert" (audit 29) counts as "dreizehnmal" does
            return self._compound(text, start, end, value, step, "count", self.compounds[suffix][1])
        if self.lang == "en" and first not in self.count_nouns and first + "s" in self.count_nouns:
            # English compounds name the noun in the singular: "a 3,000-seat arena"
            q = self._compound(text, start, start + len(head), value, step, "count", self.count_nouns[first + "s"])
            q.noun = first
            return q
        if first in self.group_compounds:  # "a 1,500-strong workforce": a count of the group named next
            q = self._compound(text, start, end, value, step, "count", "")
            group = self.re_en_words.match(text, end)
            word = group.group(1).split()[0] if group else None
            q.noun = word if word and word.lower() not in self.noun_stop_words else None
            return q
        if first in self.count_nouns:  # "60.000-Einwohner-Stadt": the noun stays out of the span
            q = self._compound(text, start, start + len(head), value, step, "count", self.count_nouns[first])
            q.noun = first
            return q
        return m.end()

    def _multiple_form(self, text: str, start: int, end: int, ending: str, verb: bool) -> bool:
        """Whether a multiple made with "fach" (ending `ending` after it, the word ending at `end`) is a verb
        ("verfünffacht", "11-facht") or a noun after its article ("um das 24-Fache über der Norm"), not an adjective
        or adverb ("des 27-fachen Cupsiegers", "der dreifache Weltmeister")."""
        ending = ending.lower()
        if ending in self.multiple_verb_endings and (verb or ending != "en"):
            return True
        after = self.re_space_word.match(text, end)
        return (ending in self.multiple_noun_endings and self._word_before(text, start) in self.multiple_noun_articles
                and not (after and after.group(1)[:1].isupper()))

    def _compound_suffix(self, word: str) -> Optional[str]:
        """The longest compound suffix (self.compounds) that `word` opens with ("jährigen": "jährig"), or None."""
        word = word.lower()
        return next((x for x in self.compound_suffixes if word.startswith(x.lower())), None)

    def _suffixed(self, text: str, start: int, end: int, value: Optional[float], step: float, suffix: str):
        """The figure of a number and a compound suffix (self.compounds: "jährig", "mal") at text[start:end]."""
        kind, unit = self.compounds[suffix]
        if value is None or (kind == "count" or suffix == self.multiple_suffix) and value < 2:
            return end  # "einmal", "einfach"
        after = self.re_space_word.match(text, end)
        if suffix == self.times_suffix and after and after.group(1).rstrip(".") in self.times_multiple_before:
            kind, unit = "quantity", MULTIPLE_UNIT  # "fünfmal so viel": a multiple, not how often
        return self._compound(text, start, end, value, step, kind, unit)

    def _read_spaced(self, text: str, m: re.Match[str], published: Optional[Day]):
        """Digits and a compound suffix typed apart ("1400 jährige", "22- jährige", "59 – Jährige") or glued ("206mal")."""
        digits = re.match(r"\d+(?:[.,]\d+)*", m.group()).group()
        parsed = parse_digits(digits, self.decimal_mark, self.group_marks)
        rest = m.group()[len(digits):].lstrip("-– \t\n")
        suffix = self._compound_suffix(rest)
        if parsed is None or suffix is None:
            return m.end()
        return self._suffixed(text, m.start(), m.end(), parsed[0], parsed[1], suffix)

    def _compound(self, text: str, start: int, end: int, value: float, step: float, kind: str, unit: str) -> Quantity:
        hedge_word, span_start = self._hedge_before(text, start)
        return self._make(text, span_start, end, kind, value, None, None, step, 1.0, unit or None, hedge_word)

    def _relative_year_pattern(self) -> str:
        """ "nächstes Jahr", "Anfang nächsten Jahres", "Ende des Jahres", "Jahresende" (dates.relative_years),
        not before a year in digits ("Jahresende 2015", read as that year)."""
        if not (self.relative_years or self.year_compounds):
            return r"(?P<relyear>(?!x)x)"
        parts = _alt(self.parts)
        phrases = _alt(list(self.relative_years) + [p[:1].upper() + p[1:] for p in self.relative_years])
        alone = rf"|(?P<rpart2>{parts})\s+{re.escape(self.relative_after_part)}" if self.relative_after_part else ""
        compounds = _alt(self.year_compounds) if self.year_compounds else "(?!x)x"
        return (rf"(?P<relyear>(?<![\w])(?:(?:(?P<rpart>{parts})\s+)?(?P<rphrase>{phrases}){alone}"
                rf"|(?P<rcomp>{compounds}))(?!\s*\d{{4}}(?![\d.,]))(?![\w]))")

    def _read_relyear(self, text: str, m: re.Match[str], published: Optional[Day]):
        """A deadline named from the time of writing ("bis Ende des Jahres", "bis Jahresende"): that year,
        narrowed by its part. Elsewhere such a phrase only frames a figure ("in diesem Jahr", "zu
        Jahresbeginn"), which annotators do not count as one of its own: no figure."""
        back = self._back(text, m.start())
        if published is None or self._relation_start(back, m.start())[0] != "until":
            return m.end()
        if m.group("rcomp"):
            part, offset = self.year_compounds[m.group("rcomp")]
        else:
            part_word = m.group("rpart") or m.group("rpart2")
            part = self.parts.get(re.sub(r"\s+", " ", part_word)) if part_word else None
            offset = self._relative_offset(m.group("rphrase") or "", 0)
        return self._year(text, m.start(), m.end(), published.year + offset, part, back, published)

    def _frequency_pattern(self) -> str:
        """ "neun von zehn", "2 von 3": a numerator below its denominator (table frequency_shares)."""
        if not self.frequency_joiners:
            return r"(?P<frequency>(?!x)x)"
        words = {w: v for w, v in self.words.units.items() if w not in self.article_words}  # "ein" is an article
        words.update(self.frequency_numerators)
        joiners = _alt(self.frequency_joiners)
        alternatives = []
        for den, d in self.frequency_denominators.items():
            below = [w for w, v in words.items() if v < d] + [w.capitalize() for w, v in words.items() if v < d]
            digits = r"[1-9]\d?" if d > 10 else f"[1-{d - 1}]"
            alternatives.append(rf"(?P<fn{len(alternatives)}>{digits}|{_alt(below)})\s+{joiners}\s+(?P<fd{len(alternatives)}>{_alt([den])})")
        return rf"(?P<frequency>(?<![\w.,])(?:{'|'.join(alternatives)})(?![\w.,]))"

    def _read_frequency(self, text: str, m: re.Match[str], published: Optional[Day]):
        """ "neun von zehn Deutschen": percent, as precise as one in the denominator."""
        word_before = self._word_before(text, m.start())
        if word_before in self.name_words:
            return m.end()  # "Seite 3 von 10": a reference, no figure
        k = next(i for i in range(len(self.frequency_denominators)) if m.group(f"fn{i}"))
        numerator, denominator = m.group(f"fn{k}"), m.group(f"fd{k}")
        if numerator in self.frequency_numerators and word_before in self.frequency_numerators_not_after:
            return None  # "ist eine von vier Institutionen": the count stays
        n = int(numerator) if numerator.isdigit() else self.frequency_numerators.get(numerator) or self.words.units[numerator.lower()]
        d = self.frequency_denominators[denominator]
        hedge_word, start = self._hedge_before(text, m.start())
        step = min(100 / d, SHARE_STEP)
        return self._make(text, start, m.end(), "percent", 100 * n / d, None, None, step, 1.0, "percent", hedge_word)

    def _read_share(self, text: str, m: re.Match[str], published: Optional[Day]):
        """"die Hälfte", "etwa die Hälfte", "Jeder zweite", "Zweidrittelmehrheit": percent."""
        start = m.start()
        lw = self._word_before(text, start)
        if lw in self.share_not_after:
            return m.end()
        if lw in self.share_articles:
            start = text.rfind(lw, 0, start)
        nxt = self.re_space_word.match(text, m.end())
        if nxt and nxt.group(1) in self.weekdays:
            return m.end()  # "an jedem vierten Dienstag im Monat": a schedule, no share
        hedge_word, start = self._hedge_before(text, start)
        v = self.shares[re.sub(r"\s+", " ", m.group("share"))]
        return self._make(text, start, m.end(), "percent", v, None, None, SHARE_STEP, 1.0, "percent", hedge_word)

    def _read_multiple(self, text: str, m: re.Match[str], published: Optional[Day]):
        """"doppelt so hoch", "mehr als doppelt": kind quantity, unit MULTIPLE_UNIT."""
        return self._listed_multiple(text, m.start(), m.end(), m.group("multiple"))

    def _listed_multiple(self, text: str, start: int, end: int, word: str) -> Quantity:
        """A multiple of the [multiples] table ("doppelt", "dreifache"), its hedge before it ("mehr als doppelt")."""
        return self._compound(text, start, end, self.multiples[word], 1.0, "quantity", MULTIPLE_UNIT)

    def _read_yearpair(self, text: str, m: re.Match[str], published: Optional[Day]):
        """ "2015/2016", "Saison 2015/16": the two years, a date with no single ISO form (date None); other pairs
        ("2015/18", a ratio) are no figure."""
        first, second = int(m.group("yp1")), m.group("yp2")
        last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if last != first + 1:
            return m.end()
        return Quantity(m.group(), m.start(), m.end(), "date", date=None, date_low=Day(first, 1, 1).isoformat(),
                        date_high=Day(last, 12, 31).isoformat())

    def _read_decade(self, text: str, m: re.Match[str], published: Optional[Day]):
        """"1930er-Jahre", "in den Siebzigern": a date with no single ISO form (date None)."""
        word = m.group("decade")
        digits = re.match(r"\d+", word)
        year = self.decade_words.get(word) or int(digits.group())
        if digits and len(digits.group()) == 2:  # "90er-Jahre"
            year += 1900 if year >= self.two_digit_from else 2000
        start, part = m.start(), None
        before = self.re_part_before_period.search(text, max(0, start - 20), start) if self.re_part_before_period else None
        if before:  # "Anfang der 1990er Jahre": its first years
            start, part = before.start(), self.parts[" ".join(before.group("part").split())]
        low, high = dates.decade_interval(year, part)
        return Quantity(text[start:m.end()], start, m.end(), "date", date=None, date_low=low.isoformat(),
                        date_high=high.isoformat())

    def _tense(self, text: str, start: int, end: Optional[int] = None, clause: bool = False) -> Optional[str]:
        """"future" or "past" where the sentence around `start` says so by its words, else None; `clause`:
        its words up to the end of the clause that goes on after the figure."""
        a, b = self._sentence_bounds(text, start)
        if clause:
            m = _CLAUSE_END.search(text, start if end is None else end, b)
            b = m.start() if m else b
        end = start if end is None else end
        best: Optional[tuple[int, str]] = None  # the tense word nearest to the figure decides
        reported = list(self.re_reported_perfect.finditer(text, a, b)) if self.re_reported_perfect else []
        perfects = list(self.re_perfect.finditer(text, a, b)) if self.re_perfect else []
        if self.re_perfect_infinitive:
            perfects += self.re_perfect_infinitive.finditer(text, a, b)
        for tense, matches in (("future", self.re_future_tense.finditer(text, a, b)),
                               ("past", self.re_past_tense.finditer(text, a, b)), ("perfect", perfects + reported)):
            for m in matches:
                if tense == "future" and any(r.start() <= m.start() < r.end() for r in reported):
                    continue  # the modal of "soll ... angegriffen haben" reports a past act
                if tense == "perfect" and _CLAUSE_MARK.search(_between(text, m, start, end)):
                    continue  # a perfect tells the tense of its own clause only ("hat ... verfügt: Am Freitag ist ...")
                # the gap between word and figure ("war für Ende September terminiert": terminiert); a perfect
                # around the figure ("hat am Samstag ... vergewaltigt") is its clause's own tense
                d = start - m.end() if m.start() < start else m.start() - end
                # a word of the figure's own clause comes before any of another ("wird beschuldigt, am Mittwoch
                # ... erstochen zu haben": the perfect infinitive, not the passive's "wird")
                key = (bool(_CLAUSE_MARK.search(_between(text, m, start, end))), d)
                if best is None or key < best[0]:
                    best = (key, "past" if tense == "perfect" else tense)
        return best[1] if best else None

    def _clause_looks_back(self, text: str, start: int, end: int) -> bool:
        """Whether the clause of the figure at start:end is told in the past, with no future word in it."""
        a, b = self._sentence_bounds(text, start)
        a = max(a, *(text.rfind(mark, a, start) + 1 for mark in ",;:"))
        close = _CLAUSE_END.search(text, end, b)
        b = close.start() if close else b
        past = self.re_past_tense.search(text, a, b) or (self.re_perfect and self.re_perfect.search(text, a, b))
        return bool(past) and not self.re_future_tense.search(text, a, b) and not self._states_intention(text, end)

    def _has_future_word(self, text: str, start: int) -> bool:
        """Whether the sentence around `start` has a future word ("Bis Montag soll das Gesetz verabschiedet sein")."""
        a, b = self._sentence_bounds(text, start)
        return self.re_future_tense.search(text, a, b) is not None

    def _states_intention(self, text: str, end: int) -> bool:
        """Whether "zu" and an infinitive follow the date ending at `end` in its clause ("hatten angekündigt, diese
        Entscheidung im März zu überprüfen"): an intention looks ahead of the past clause it is told in."""
        return self.re_intention_after is not None and self.re_intention_after.match(text, end) is not None

    def _looks_ahead(self, text: str, start: int, end: int) -> bool:
        """Whether the period at text[start:end] ("binnen drei Monaten") sets a deadline: its sentence has a
        future or modal word ("muss", "soll", "will", table [deadlines]), or it stands alone."""
        a, b = self._sentence_bounds(text, start)
        if not _HAS_WORD.search(text[a:start]) and not _HAS_WORD.search(text[end:b]):
            return True
        # a language without deadline cues (English) keeps every period a deadline
        return self.re_looks_ahead is None or self.re_looks_ahead.search(text, a, b) is not None

    def _dates_a_noun(self, text: str, start: int) -> bool:
        """Whether the date at `start` is joined to a noun ("die Wahl am 3. November")."""
        return self.re_noun_date is not None and self.re_noun_date.search(text, max(0, start - 60), start) is not None

    def _takes_effect(self, text: str, start: int, relation: Optional[str]) -> bool:
        """Whether the date at `start` is when something takes effect: after "zum" or "ab", in a sentence with a
        present verb of taking effect ("Das Kindergeld steigt zum 1. Januar", "Ab 1. Januar gilt die Regel")."""
        if relation != "from" and self._word_before(text, start) not in self.effective_cues:
            return False
        return self.re_effective_verb is not None and self.re_effective_verb.search(text, *self._sentence_bounds(text, start)) is not None

    def _is_target(self, text: str, start: int) -> bool:
        """Whether the date at `start` is what something is set for ("für den 3. Januar ausgebucht", "war für
        Ende September terminiert", "findet Anfang November statt")."""
        if self.re_schedule_verb is not None and self.re_schedule_verb.search(text, *self._sentence_bounds(text, start)):
            return True
        return self.re_tenseless_day is not None and self.re_tenseless_day.search(text, max(0, start - 60), start) is not None

    def _sentence_bounds(self, text: str, start: int) -> tuple[int, int]:
        """Start and end of the sentence around `start` (a full stop after a digit is an ordinal),
        at most 400 characters back and 600 ahead, so that text without full stops stays linear."""
        state = self._state
        if state.ends is None:  # sentence ends of this text, found once per read()
            # a scale's abbreviation after a number ends no sentence: "bei 30 Mio. Barrel pro Tag belassen"
            state.ends = [m.start() + 1 for m in _SENTENCE_END.finditer(text)
                          if not (self.re_scale_dot_before and self.re_scale_dot_before.search(text, max(0, m.start() - 12), m.start()))]
        i = bisect.bisect_right(state.ends, start)
        a = state.ends[i - 1] if i else 0
        b = state.ends[i] if i < len(state.ends) else len(text)
        if start - a > 400 or b - start > 600:  # a run-on "sentence": fixed 500-character blocks
            block = start - start % 500
            a, b = max(a, block - 250), min(b, block + 750)
        return a, b

    # -- dates -------------------------------------------------------------
    def _resolve_duration(self, q: Quantity, published: Day) -> None:
        if q.value is None:
            return
        if q.relation == "deadline":
            target = dates.shift(published, q.high if q.high is not None else q.value, q.unit)
            if target:
                q.date, q.date_low, q.date_high = target.isoformat(), published.isoformat(), target.isoformat()
        elif q.relation == "since":
            target = dates.shift(published, q.value, q.unit, -1)
            if target:
                q.date = q.date_low = q.date_high = target.isoformat()

    def _relation_start(self, back: Optional[re.Match[str]], start: int) -> tuple[Optional[str], int]:
        if back is not None and back.group("rel"):
            relation = self.relations.get(back.group("rel"))
            if relation in ("until", "from", "since", "before", "after"):
                return relation, back.start("rel")
            if relation == "compared":  # the span stays the date's: the comparison is the figure's, not the date's
                return relation, start
        return None, start

    def _year(self, text, start, end, year, part, back, published, part_start=None) -> Quantity:
        named = (self.re_named_day_before.search(text, max(0, start - 20), start)
                 if part_start is None and self.re_named_day_before is not None else None)
        if named is not None:  # "Silvester 2015": that day of the year
            day = Day(year, *self.named_days[named.group(1)]).isoformat()
            relation, s = self._relation_start(self._back(text, named.start(1)), named.start(1))
            return Quantity(text[s:end], s, end, "date", date=day, date_low=day, date_high=day, relation=relation)
        origin = part_start if part_start is not None else start
        relation, s = self._relation_start(back, origin)
        if relation == "after":  # "nach dem 1991 entwickelten Verfahren": the year itself
            relation, s = None, origin
        lo, hi = dates.year_interval(year, part)
        return Quantity(text[s:end], s, end, "date", date=f"{year:04d}", date_low=lo.isoformat(),
                        date_high=hi.isoformat(), relation=relation)

    def _month_date(self, text, start, end, month, year, day, part, back, published) -> Quantity:
        relation, s = self._relation_start(back, start)
        if year is None and published is not None and self._word_before(text, start) in self.this_year_cues:
            year = published.year  # "für diesen November geplant", whatever the tense
        if year is None:
            year = self.year_of_sentence(text, start, end, published)
        if year is None and published is not None:
            # "bis Mitte November ... ist ... gestiegen" in December: in a past clause an end date is the
            # coming one only when it is near ("hatten aufgefordert, sich bis Ende Oktober vorzubereiten")
            tense = self._tense(text, start, end)
            past_until = relation == "until" and tense == "past"
            # "im vergangenen Oktober eine Regierung zu bilden": a past cue before the date still rules
            intended = (tense == "past" and self._word_before(text, start) not in self.past_cues
                        and self._states_intention(text, end))
            # "steigt zum 1. Januar", "ab 1. Januar gilt": when a change takes effect, a target where no tense word says more
            effective = tense is None and self._takes_effect(text, start, relation)
            mode = ("nearest" if past_until or intended else _RELATION_MODES.get(relation or "")) or (
                "target" if effective or self._is_target(text, start) else
                None if self._dates_a_noun(text, start) else tense) or "nearest"
            year = dates.resolve_year(month, day, published, mode)
        if year is None:  # no year and no publication date: ISO 8601 "--MM" / "--MM-DD"
            iso = f"--{month:02d}" + (f"-{day:02d}" if day else "")
            return Quantity(text[s:end], s, end, "date", date=iso, relation=relation)
        try:
            if day:
                lo = hi = Day(year, month, day)
                iso = lo.isoformat()
            else:
                lo, hi = dates.month_interval(year, month, part)
                iso = f"{year:04d}-{month:02d}"
        except ValueError:
            return None
        return Quantity(text[s:end], s, end, "date", date=iso, date_low=lo.isoformat(), date_high=hi.isoformat(),
                        relation=relation)

    def _day_month(self, text, start, md: re.Match[str], day: int, published):
        name = re.sub(r"\s+", " ", md.group(1))
        month = self.months.get(name) or self.quoted_months[name]
        year, end = (int(md.group(2)), md.end()) if md.group(2) else self._relative_year_after(text, md.end(), published)
        return self._month_date(text, start, end, month, year, day, None, self._back(text, start), published)

    def _read_dayrange(self, text, m, published):
        """Days of one month: "22. bis 25. September 2020", "zwischen dem 24. und 26. Juni", "22 to 25 September
        2020", "September 22-25, 2020" ("am 1. und 15. Mai" are two days, no range)."""
        if m.groupdict().get("rand") and not re.search(r"[Zz]wischen\s+(?:dem\s+)?$", text[max(0, m.start() - 14):m.start()]):
            return None
        month = self.months[re.sub(r"\s+", " ", m.group("rmon"))]
        year = int(m.group("ry")) if m.group("ry") else None
        return self._day_range(text, m.start(), m.end(), int(m.group("rd1")), int(m.group("rd2")), month, year,
                               published) or m.end()

    def _day_range(self, text, start, end, first, last, month, year, published) -> Optional[Quantity]:
        if not 1 <= first < last <= 31:
            return None
        if year is None:  # "vom 1. bis zum 12. November kommenden Jahres"
            year, end = self._relative_year_after(text, end, published)
        if year is None:
            year = self.year_of_sentence(text, start, end, published)
        if year is None and published is not None:
            year = dates.resolve_year(month, first, published, self._tense(text, start, end) or "nearest")
        if year is None:  # no year and no publication date: ISO 8601 "--MM", days left open
            return Quantity(text[start:end], start, end, "date", date=f"--{month:02d}")
        lo, hi = Day(year, month, first), Day(year, month, last)  # ValueError (31 February) -> no figure
        return Quantity(text[start:end], start, end, "date", date=f"{year:04d}-{month:02d}",
                        date_low=lo.isoformat(), date_high=hi.isoformat())

    def _read_numdate(self, text, m, published):
        d, mo, y = int(m.group("nd")), int(m.group("nm")), m.group("ny")
        year = int(y) if len(y) == 4 else 2000 + int(y)
        if not (1 <= mo <= 12):
            return m.end()
        return self._month_date(text, m.start(), m.end(), mo, year, d, None, self._back(text, m.start()), published) or m.end()

    def _read_numrange(self, text, m, published):
        month = int(m.group("nrm"))
        if not 1 <= month <= 12:
            return None
        year = int(m.group("nry")) if m.group("nry") else None
        return self._day_range(text, m.start(), m.end(), int(m.group("nr1")), int(m.group("nr2")), month, year, published)

    def _read_numday(self, text, m, published):
        """"am 29.8.", "Samstag, 29.8.", "Dienstag (5.9.)": only after a cue word or a weekday, so that a numbered section
        ("Absatz 2.3.") stays unread."""
        day, month = int(m.group("dd")), int(m.group("dm"))
        bracket = text[m.start() - 1:m.start()] == "("  # "Am Dienstag (5.9.)": the weekday before the bracket
        before = self._word_before(text, m.start() - bracket)
        if not 1 <= month <= 12 and before in self.whole_price_prefixes:  # "Fr. 25.50.": a price at a sentence's end
            return self._read_number(text, m.start(), m.group("dd"), m.end("dd"), published)
        if not 1 <= month <= 12 or not (before in self.numeric_date_cues or before.rstrip(",") in self.weekdays):
            return None
        return self._month_date(text, m.start(), m.end(), month, None, day, None, self._back(text, m.start()), published)

    def _read_isodate(self, text, m, published):
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
        if not (1 <= mo <= 12):
            return m.end()
        return self._month_date(text, m.start(), m.end(), mo, y, d, None, self._back(text, m.start()), published) or m.end()

    def _read_month(self, text, m, published, part=None, start=None):
        name = re.sub(r"\s+", " ", m.group("month") if part is None else m.group())
        month = self.months[name]
        start = m.start() if start is None else start
        end = m.end()
        year = day = None
        if self.lang == "en" and part is None:
            rm = self.re_en_dayrange_after.match(text, end)
            if rm:  # "September 22-25, 2020"
                return self._day_range(text, start, rm.end(), int(rm.group(1)), int(rm.group(2)), month,
                                       int(rm.group(3)) if rm.group(3) else None, published)
            dm = self.re_en_day.match(text, end)
            if dm and (dm.group(2) or dm.group(3)):
                day = int(dm.group(1) or dm.group(3))
                year = int(dm.group(2)) if dm.group(2) else None
                if not 1 <= day <= 31:
                    day = None
                else:
                    end = dm.end()
        if year is None:
            y = self.re_year_after.match(text, end)
            if y and (day is None or self.lang == "en") and not text[end:end + 1] == ",":
                year, end = int(y.group(1)), y.end()
        if year is None:
            year, end = self._relative_year_after(text, end, published)
        if year is None and part is None and day is None:
            if self._word_before(text, start) not in self.month_cues:
                return None  # "August" may be a first name
        return self._month_date(text, start, end, month, year, day, part, self._back(text, start), published)

    def _read_part(self, text, m, published):
        word = re.sub(r"\s+", " ", m.group().strip())
        base = re.sub(r"\s+(des|der)$", "", word)
        part = self.parts.get(word) or self.parts.get(base)
        if part is None:
            return None
        end = m.end()
        month_m = re.compile(r"\s*" + _alt(self.months)).match(text, end)
        back = self._back(text, m.start())
        if month_m:
            q = self._read_month_at(text, m.start(), month_m, part, published)
            return q
        y = re.match(r"\s*(\d{4})(?!\d)", text[end:end + 8])
        if y:
            return self._year(text, m.start(), end + y.end(), int(y.group(1)), part, back, published)
        return None

    def _read_month_at(self, text, start, month_m, part, published):
        name = re.sub(r"\s+", " ", month_m.group().strip())
        month = self.months[name]
        end = month_m.end()
        year = None
        y = self.re_year_after.match(text, end)
        if y:
            year, end = int(y.group(1)), y.end()
        else:
            year, end = self._relative_year_after(text, end, published)
        return self._month_date(text, start, end, month, year, None, part, self._back(text, start), published)

    def year_of_sentence(self, text: str, start: int, end: int, published: Optional[Day]) -> Optional[int]:
        """The year that a relative phrase elsewhere in the date's sentence names ("Letztes Jahr kamen am 24.
        Dezember rund 500 Gäste": last year), where the sentence names one such year and the tense of the
        date's own clause does not say otherwise ("Im vergangenen Jahr stieg der Umsatz, am 3. März wird ..."
        is the coming March; a reporting verb in another clause, "..., teilte die Stadt mit", says nothing)."""
        if self.re_sentence_year is None or published is None:
            return None
        a, b = self._sentence_bounds(text, start)
        offsets = {self._relative_offset(m.group(1)) for m in self.re_sentence_year.finditer(text, a, b)}
        if len(offsets) != 1:
            return None
        offset = offsets.pop()
        tense = self._tense(text, start, end, clause=True)
        if (offset < 0 and tense == "future") or (offset > 0 and tense == "past"):
            return None
        return published.year + offset

    def framing_year(self, text: str, start: int, end: int, published: Optional[Day]) -> Optional[int]:
        """year_of_sentence, or else the year a phrase of [dates.relative_years] `framing_phrases` names ("Die
        Betriebskosten sind im Vorjahr um 8 Prozent gestiegen": last year) where the sentence writes no year of its
        own (from which "im Vorjahr" would count) and the figure's clause does not look ahead. Such a phrase dates no
        month of its sentence (year_of_sentence): "im Vorjahr" there is as often the year before a date's."""
        # called from outside read(), on a text of its own: the per-call memo (sentence ends) must be this text's
        self._state.ends, self._state.forecast, self._state.floor = None, {}, 0
        year = self.year_of_sentence(text, start, end, published)
        if year is not None or self.re_framing_year is None or published is None:
            return year
        a, b = self._sentence_bounds(text, start)
        found = {self.framing_phrases[re.sub(r"\s+", " ", m.group(1)).lower()] for m in self.re_framing_year.finditer(text, a, b)}
        if len(found) != 1 or _YEAR.search(text, a, b) or self._tense(text, start, end, clause=True) == "future":
            return None
        return published.year + found.pop()

    def _relative_year_after(self, text: str, end: int, published: Optional[Day]) -> tuple[Optional[int], int]:
        """ "November vergangenen Jahres", "Ende Oktober nächsten Jahres": the year a relative phrase after
        a month names, and where the phrase ends; (None, end) without one or without a publication date."""
        r = self.re_relative_year_after.match(text, end) if self.re_relative_year_after and published else None
        if r is None:
            return None, end
        base = published.year
        if re.sub(r"\s+", " ", r.group(1)) in self.from_named_year:  # "im März 2015 ... als im März des Vorjahres": 2014
            a, _ = self._sentence_bounds(text, end)
            named = _YEAR.findall(text, a, end)
            base = int(named[-1]) if named else base
        return base + self._relative_offset(r.group(1)), r.end()

    def _relative_offset(self, phrase: str, default: Optional[int] = None) -> int:
        """Years from the publication's that a matched [dates.relative_years] phrase names, its spacing
        collapsed and a capital opening a sentence ("Nächstes Jahr") read as lower case; `default` for an
        unlisted phrase (KeyError without one)."""
        phrase = re.sub(r"\s+", " ", phrase)
        for key in (phrase, phrase[:1].lower() + phrase[1:]):
            if key in self.relative_years:
                return self.relative_years[key]
        if default is None:
            raise KeyError(phrase)
        return default

    def _read_quarter(self, text, m, published):
        g = m.group("quarter")
        start, end = m.start(), m.end()
        year_only = False  # a half year that is one only with its year written after it
        if g[0] in "QH" and g[1:].isdigit():
            n, half, year_only = int(g[1]), g[0] == "H", g[0] == "H"
        else:
            first, word = g.split(None, 1)
            n = self.quarter_ordinals.get(first)
            word = re.sub(r"\s+", " ", word)
            year_only = word in self.half_words_with_year
            half = year_only or word in self.half_words
            if n is None or (half and n > 2):
                return None
        months = 6 if half else 3
        first_month = (n - 1) * months + 1
        last_month = first_month + months - 1
        y = self.re_period_year.match(text, end)
        year = None
        year_before = re.search(r"(?<![\d.,])(1[89]\d\d|20\d\d)\s+(?:im|in)\s+$", text[max(0, start - 12):start])
        if y:
            year, end = int(y.group(1)), y.end()
        elif year_only:
            return None
        elif year_before:  # "die Kinos 2019 im ersten Halbjahr"
            year = int(year_before.group(1))
        elif published is not None:
            year = self._quarter_year(text, start, end, first_month, last_month, published)
        before = self.re_part_before_period.search(text, max(0, start - 20), start) if self.re_part_before_period else None
        part = self.parts[" ".join(before.group("part").split())] if before else None
        if before:  # "Ende des ersten Quartals": its last month
            start = before.start()
        relation, s = self._relation_start(self._back(text, start), start)
        if year is None:  # "im 4. Quartal" with no year known
            return Quantity(text[s:end], s, end, "date", relation=relation)
        if part in _PERIOD_THIRDS:  # a quarter's first, middle or last month; a half year's two
            third = months // 3
            first_month += _PERIOD_THIRDS[part] * third
            last_month = first_month + third - 1
        lo = Day(year, first_month, 1)
        hi = Day(year, last_month, dates.last_day(year, last_month))
        iso = f"{year:04d}"  # ISO has no quarters: year precision, the quarter in date_low/date_high
        return Quantity(text[s:end], s, end, "date", date=iso, date_low=lo.isoformat(), date_high=hi.isoformat(),
                        relation=relation)

    def _quarter_year(self, text: str, start: int, end: int, first_month: int, last_month: int, published: Day) -> int:
        """The year of "im vierten Quartal" written without one: the publication's, unless the clause's tense
        puts the period on the other side of the publication ("stieg im vierten Quartal" in September: last year's)."""
        tense = self._tense(text, start, end)
        if tense == "past" and Day(published.year, first_month, 1) > published:
            return published.year - 1
        if tense == "future" and Day(published.year, last_month, dates.last_day(published.year, last_month)) < published:
            return published.year + 1
        return published.year

    def _read_weekday(self, text, m, published):
        if published is None:
            return None
        cue = self._word_before(text, m.start())
        if cue in self.weekday_not_after:
            return m.end()  # "jeden Donnerstag": a habit, not a date
        if self.weekday_in_names and text[max(0, m.start() - 12):m.start()].rstrip().endswith(self.weekday_in_names):
            return m.end()  # "der Welt am Sonntag": a newspaper
        back = self._back(text, m.start())
        relation, s = self._relation_start(back, m.start())
        name = m.group("weekday")
        base = next(w for w in self.weekdays if name.startswith(w))
        end = m.end()
        apposed = self.re_weekday_apposed.match(text, end)
        if apposed:  # the date after it is the figure, with the weekday's relation ("bis Freitag, 22. Januar")
            dm = self.re_master.match(text, apposed.end())
            found = getattr(self, "_read_" + dm.lastgroup)(text, dm, published) if dm and dm.lastgroup != "skip" else None
            if isinstance(found, Quantity) and found.kind == "date":
                found.text, found.start, found.relation = text[s:found.end], s, found.relation or relation
                if found.date_low and found.date_low == found.date_high and not self.re_year_in.search(found.text):
                    iso = dates.on_weekday(Day.fromisoformat(found.date_low), self.weekdays[base], published).isoformat()
                    found.date = found.date_low = found.date_high = iso
                return found
            return end
        week = self.re_week_after.match(text, end) if self.re_week_after else None
        if week:  # "Dienstag vergangener Woche": that week's Tuesday, whatever the tense
            end = week.end()
            day = dates.weekday_in_week(self.weekdays[base], published, self.weeks_after_weekday[" ".join(week.group().split())])
        else:
            day = dates.weekday_date(self.weekdays[base], published, self._weekday_mode(text, m.start(), end, cue, relation))
        iso = day.isoformat()
        return Quantity(text[s:end], s, end, "date", date=iso, date_low=iso, date_high=iso, relation=relation)

    def _weekday_mode(self, text: str, start: int, end: int, cue: str, relation: Optional[str]) -> str:
        """Which of its days a weekday written alone means (dates.weekday_date's mode): its cue word,
        a target ("für Mittwoch"), its relation, else the tense of its clause."""
        if cue in self.future_cues:
            return "next"
        if cue in self.past_cues:
            return "last"  # "am vergangenen Dienstag" told on a Tuesday: a week before
        if self.re_tenseless is not None and self.re_tenseless.search(text, max(0, start - 80), start):
            return "nearest"
        if relation in ("from", "until"):
            # "Ab Montag gilt die Regel", "bis Freitag soll ...": a coming day, unless told in the past tense ("Bis
            # Donnerstagabend gab es ... Infektionen"; not an intention, "hatte aufgefordert, bis Montag zu ...")
            looks_ahead = relation == "until" and (self._states_intention(text, end) or self._has_future_word(text, start))
            return "past" if self._tense(text, start, end) == "past" and not looks_ahead else "future"
        return _RELATION_MODES.get(relation or "") or self._tense(text, start, end) or "nearest"


def _unit_name(unit: re.Match[str]) -> str:
    """A matched unit word as Grammar.unit_kind knows it: "Millionen  Euro" -> "Millionen Euro"."""
    return re.sub(r"\s+", " ", unit.group().strip())


def word_step(value: float) -> float:
    """The unit of the last written place of a number word: "zwei" 1, "eineinhalb" a half ("etwa
    eineinhalb Wochen" is 1.25-1.75 weeks, not 1-2)."""
    return 1.0 if value == int(value) else 0.5 if value * 2 == int(value * 2) else 0.25


def _alt_prefix(words) -> str:
    """An alternation of word parts that may run on ("jährig" in "72-jährigen")."""
    return "(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")" if words else "(?!x)x"


HEDGE_SHARE = 0.05  # how far "rund", "knapp", "gut" reach: 5 % of the figure, but no more than ...
HEDGE_LAST_DIGITS = {"approx": 2, "under": 1, "over": 1}  # ... so many units of its last non-zero digit


def _last_digit_unit(v: float) -> float:
    """The unit of a figure's last non-zero digit: 44100000 -> 100000, 3500 -> 100, 2.5 -> 0.1; 0 for 0."""
    if v == 0:
        return 0.0
    digits = f"{abs(v):.6f}".rstrip("0").rstrip(".")
    if "." in digits:
        return 10.0 ** -len(digits.split(".")[1])
    return 10.0 ** (len(digits) - len(digits.rstrip("0")))


def _hedge_reach(rule: str, v: float, step: float) -> float:
    """How far a hedge word moves a figure: 5 %, but a figure written to three digits or more is rounded in its
    last one ("rund 44,1 Millionen" is 43.9-44.3 million, not 41.9-46.3; "knapp 46 Millionen" 45-46).
    `step`: the unit of its last written digit, or of its number word ("sechseinhalb": a half)."""
    return min(HEDGE_SHARE * abs(v), HEDGE_LAST_DIGITS[rule] * max(step, _last_digit_unit(v)))


def _apply_hedge(rule: Optional[str], v: float, step: float) -> tuple[Optional[float], Optional[float], Optional[str]]:
    """low, high and hedge name for one hedge rule (see the package docstring)."""
    if rule is None:
        return v, v, None
    if rule == "approx":
        d = max(_hedge_reach(rule, v, step), min(step / 2, abs(v) / 5))  # "rund 1 Milliarde": not 0.5-1.5 billion (audit 24)
        return v - d, v + d, "approx"
    if rule == "under":
        return v - _hedge_reach(rule, v, step), v, "approx"
    if rule == "over":
        return v, v + _hedge_reach(rule, v, step), "approx"
    if rule == "min":
        return v, None, "min"
    if rule == "max":
        return None, v, "max"
    raise ValueError(f"unknown hedge rule {rule!r} in the quantities table")
