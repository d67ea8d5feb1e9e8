"""The quantity reader against the project's phrase table and a short article of its own."""
from __future__ import annotations

import csv
import datetime as dt
import math
from pathlib import Path

import pytest

from claimcheck.quantities import framing_year, read_quantities

TABLE = Path(__file__).with_name("quantity_phrases.tsv")
FLOAT_FIELDS = ("value", "low", "high")
TEXT_FIELDS = ("unit", "noun", "date", "date_low", "date_high", "hedge", "relation")


def _rows() -> list[dict[str, str]]:
    with open(TABLE, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


ROWS = _rows()


def test_table_is_large_and_covers_every_kind() -> None:
    assert len(ROWS) >= 400
    kinds = {r["kind"] for r in ROWS}
    assert {"count", "money", "percent", "date", "duration", "quantity", "NONE"} <= kinds
    assert sum(r["kind"] == "NONE" for r in ROWS) >= 40


def _expected(cell: str):
    return None if cell == "None" else cell


@pytest.mark.parametrize("row", ROWS, ids=[f"{i}:{r['phrase'][:40]}" for i, r in enumerate(ROWS)])
def test_phrase(row: dict[str, str]) -> None:
    published = dt.date.fromisoformat(row["published"]) if row["published"] else None
    found = read_quantities(row["phrase"], published=published, lang=row["lang"])
    if row["kind"] == "NONE":
        assert found == [], f"expected no quantity, read {[q.text for q in found]}"
        return
    assert len(found) == 1, f"expected one quantity, read {[(q.text, q.kind) for q in found]}"
    q = found[0]
    assert row["phrase"][q.start:q.end] == q.text
    assert (q.text, q.kind) == (row["text"], row["kind"])
    for name in FLOAT_FIELDS:
        want, got = _expected(row[name]), getattr(q, name)
        if want is None:
            assert got is None, f"{name}: expected None, read {got}"
        else:
            assert got is not None and math.isclose(got, float(want), rel_tol=1e-9, abs_tol=1e-9), f"{name}: {want} != {got}"
    for name in TEXT_FIELDS:
        if row[name] != "":
            assert getattr(q, name) == _expected(row[name]), name


ARTICLE = (
    "Neue Regeln für Lieferdienste\n\n"
    "12.03.2021 - Die Regierung verlangt von den Lieferdiensten, binnen sechs Monaten alle Fahrer fest anzustellen. "
    "Betroffen sind nach Angaben des Ministeriums rund 40.000 Beschäftigte in 120 Städten. "
    "Der größte Anbieter machte im Jahr 2020 einen Umsatz von 1,2 Milliarden Euro, 35 Prozent mehr als 2019. "
    "Die Übergangsfrist läuft bis Ende Juni; seit Anfang Januar gilt bereits eine Meldepflicht. "
    "Die Hotline ist unter 0800 123456 von 8 bis 18 Uhr erreichbar, Details stehen in Paragraf 12."
)


def test_article_reads_each_figure_once_with_exact_spans() -> None:
    found = read_quantities(ARTICLE, published=dt.date(2021, 3, 12))
    by_text = {q.text: q for q in found}
    assert [q.text for q in found] == [
        "12.03.2021", "binnen sechs Monaten", "rund 40.000", "120", "2020", "1,2 Milliarden Euro",
        "35 Prozent", "2019", "bis Ende Juni", "seit Anfang Januar",
    ]
    for q in found:
        assert ARTICLE[q.start:q.end] == q.text
    deadline = by_text["binnen sechs Monaten"]
    assert (deadline.kind, deadline.relation, deadline.date) == ("duration", "deadline", "2021-09-12")
    staff = by_text["rund 40.000"]
    assert (staff.unit, staff.noun, staff.hedge, staff.low, staff.high) == ("employees", "Beschäftigte", "approx", 38000.0, 42000.0)
    assert by_text["120"].noun == "Städten"
    until = by_text["bis Ende Juni"]
    assert (until.relation, until.date, until.date_low, until.date_high) == ("until", "2021-06", "2021-06-21", "2021-06-30")
    since = by_text["seit Anfang Januar"]
    assert (since.relation, since.date, since.date_low, since.date_high) == ("since", "2021-01", "2021-01-01", "2021-01-10")


def test_quantities_come_in_text_order_without_overlap() -> None:
    found = read_quantities(ARTICLE)
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


def test_datetime_published_is_read_as_its_day() -> None:
    q = read_quantities("binnen drei Monaten", published=dt.datetime(2020, 8, 17, 15, 30))[0]
    assert q.date == "2020-11-17"


@pytest.mark.parametrize(
    "sentence, span, relation, date",
    [
        # a span in a sentence that looks ahead is a deadline counted from publication
        ("Das Unternehmen muss binnen drei Monaten verkaufen.", "binnen drei Monaten", "deadline", "2020-11-17"),
        ("Der Kreistag will innerhalb von zwei Jahren 1.000 weitere genehmigen.", "innerhalb von zwei Jahren",
         "deadline", "2022-08-17"),
        ("Die Regierung verlangt, binnen sechs Monaten alle Fahrer fest anzustellen.", "binnen sechs Monaten",
         "deadline", "2021-02-17"),
        # reported speech looks ahead in the subjunctive
        ("Kurz sagte, er wolle binnen zwei Wochen Gespräche führen.", "binnen zwei Wochen", "deadline", "2020-08-31"),
        # elsewhere it is the period a figure was counted in: no date
        ("Das RKI hat 1.400 Neuinfektionen binnen eines Tages registriert.", "binnen eines Tages", "within", None),
        ("Die Zahl der Syrer verdreifachte sich innerhalb eines Jahres.", "innerhalb eines Jahres", "within", None),
        ("Derzeit verdoppelt sich die Zahl innerhalb von vier Tagen.", "innerhalb von vier Tagen", "within", None),
        # "in" names a point ahead, present tense included
        ("In zwei Jahren sei das Loch geschlossen.", "In zwei Jahren", "deadline", "2022-08-17"),
    ],
)
def test_a_span_is_a_deadline_only_where_its_sentence_looks_ahead(sentence, span, relation, date) -> None:
    q = next(q for q in read_quantities(sentence, published=dt.date(2020, 8, 17)) if q.text == span)
    assert (q.kind, q.relation, q.date) == ("duration", relation, date)


def test_scaled_figures_are_whole_numbers_not_binary_floating_point() -> None:
    # 8.54 * 1e9 is 8539999999.999999 in binary floating point
    (q,) = read_quantities("Der Umsatz lag bei 8,54 Milliarden Dollar.")
    assert (q.value, q.low, q.high) == (8_540_000_000, 8_540_000_000, 8_540_000_000)
    (r,) = read_quantities("Es waren 1,2 bis 1,4 Mio. Besucher.")
    assert (r.low, r.high) == (1_200_000, 1_400_000)


@pytest.mark.parametrize("sentence, first", [
    ("Der Etat steigt von 3,2 auf 3,5 Milliarden Euro.", (3_200_000_000, "EUR")),  # the scale of the second
    ("Der Umsatz stieg von 800 Millionen auf 1,2 Milliarden Euro.", (800_000_000, "EUR")),  # its own scale
    ("Die Miete stieg von 1.500 auf 2 Millionen Euro.", (1_500, "EUR")),  # a number past the scale's mantissas
])
def test_the_first_figure_of_a_change_takes_the_unit_and_scale_of_the_second(sentence, first) -> None:
    q = read_quantities(sentence)[0]
    assert (q.value, q.unit) == first


@pytest.mark.parametrize("sentence, days", [
    ("In den 90er-Jahren war das anders.", ("1990-01-01", "1999-12-31")),
    ("Ende der 80er Jahre begann der Boom.", ("1986-01-01", "1989-12-31")),
    ("In den 10er-Jahren stieg der Umsatz.", ("2010-01-01", "2019-12-31")),
])
def test_two_digit_decades(sentence, days) -> None:
    (q,) = read_quantities(sentence)
    assert (q.kind, (q.date_low, q.date_high)) == ("date", days)


def test_a_two_digit_number_with_er_alone_is_no_decade() -> None:
    assert read_quantities("Er zahlte mit einem 50er.") == []


def test_points_that_change_a_rate_are_percentage_points() -> None:
    points, rate = read_quantities("Die Arbeitslosenquote sank um 0,1 Punkte auf 5,7 Prozent.")
    assert (points.text, points.kind, points.value, points.unit) == ("0,1 Punkte", "percent", 0.1, "pp")
    assert rate.unit == "percent"
    # an index's points stay a count
    assert [q.kind for q in read_quantities("Der DAX fiel um 120 Punkte auf 15.100 Punkte.")] == ["count", "count"]


def test_english_points_are_percentage_points_only_where_they_change_a_rate() -> None:
    points, rate = read_quantities("The unemployment rate fell 0.3 points to 5.7 percent.", lang="en")
    assert (points.text, points.kind, points.unit) == ("0.3 points", "percent", "pp")
    assert [q.kind for q in read_quantities("The index rose 1.5 points to 100.4 points.", lang="en")] == ["count", "count"]
    assert read_quantities("Rates rose by 0.5 percentage points.", lang="en")[0].unit == "pp"


@pytest.mark.parametrize("sentence, span, date", [
    ("Seit dem 1. Januar 2024 gilt das Gesetz.", "Seit dem 1. Januar 2024", "2024-01-01"),
    ("Die Firma besteht seit dem Jahr 2015.", "seit dem Jahr 2015", "2015"),
])
def test_seit_dem_starts_a_since_date(sentence, span, date) -> None:
    (q,) = read_quantities(sentence)
    assert (q.text, q.relation, q.date) == (span, "since", date)


@pytest.mark.parametrize("sentence, span, date", [
    # the date of the event "seit" names (audit 24), a past one where its year is left out
    ("Seit dem Match im Oktober verbesserte sich die Software.", "Oktober", "2015-10"),
    ("Hunderttausende gingen seit der Aufdeckung des Skandals im April auf die Straßen.", "April", "2015-04"),
    ("Seit dem Inkrafttreten des Pakts am 22. März kommen weniger Flüchtlinge.", "22. März", "2015-03-22"),
])
def test_the_date_of_an_event_after_seit_is_a_since_date(sentence, span, date) -> None:
    (q,) = read_quantities(sentence, published=dt.date(2016, 3, 1))
    assert (q.text, q.relation, q.date) == (span, "since", date)


@pytest.mark.parametrize(
    "sentence, span, relation, days",
    [
        ("Der Umsatz stieg im dritten Quartal 2023 um 4 Prozent.", "dritten Quartal 2023", None,
         ("2023-07-01", "2023-09-30")),
        # a part before a quarter or half year narrows it to a third; "bis" before the part is kept
        ("Der Abschluss wird bis Ende des ersten Quartals 2025 erwartet.", "bis Ende des ersten Quartals 2025",
         "until", ("2025-03-01", "2025-03-31")),
        ("Anfang des zweiten Halbjahres 2025 soll es losgehen.", "Anfang des zweiten Halbjahres 2025", None,
         ("2025-07-01", "2025-08-31")),
        # without a year, the clause's tense says which side of the publication (2024-09-16) it lies on
        ("Der Umsatz stieg im vierten Quartal um 5 Prozent.", "vierten Quartal", None, ("2023-10-01", "2023-12-31")),
        ("Der Umsatz wird im ersten Quartal um 5 Prozent steigen.", "ersten Quartal", None, ("2025-01-01", "2025-03-31")),
        ("Im dritten Quartal legte der Umsatz zu.", "dritten Quartal", None, ("2024-07-01", "2024-09-30")),
        # "Hälfte" is a half year only with its year after it; "H1"/"H2" likewise (a probe of deal news)
        ("Die Übernahme soll in der zweiten Hälfte des Jahres 2025 abgeschlossen werden.",
         "zweiten Hälfte des Jahres 2025", None, ("2025-07-01", "2025-12-31")),
        ("Der Abschluss wird in der ersten Hälfte 2026 erwartet.", "ersten Hälfte 2026", None,
         ("2026-01-01", "2026-06-30")),
        ("Der Abschluss wird für H2 2025 erwartet.", "H2 2025", None, ("2025-07-01", "2025-12-31")),
    ],
)
def test_quarters_and_half_years(sentence, span, relation, days) -> None:
    q = next(q for q in read_quantities(sentence, published=dt.date(2024, 9, 16)) if q.kind == "date")
    assert (q.text, q.relation, (q.date_low, q.date_high)) == (span, relation, days)


@pytest.mark.parametrize("text, low, high", [
    ("rund 44,1 Millionen", 43.9e6, 44.3e6),  # two units of the last digit: 0,2 Millionen, not 5 % (2,2)
    ("knapp 46 Millionen", 45e6, 46e6),  # "just under": one unit
    ("gut 220.500", 220_500, 220_600),
    ("gut 220.000", 220_000, 230_000),  # one unit of its last non-zero digit (10.000) is less than 5 %
    ("rund 3500", 3325, 3675),  # 5 % is less than two units of its last non-zero digit (200)
    ("rund 1 Milliarde", 0.8e9, 1.2e9),
    ("rund sechseinhalb Stunden", 6.175, 6.825),  # a number word's step is a half, not a tenth
])
def test_a_hedge_reaches_five_percent_but_not_past_the_last_digit(text, low, high) -> None:
    (q,) = read_quantities(text)
    assert math.isclose(q.low, low) and math.isclose(q.high, high)


def test_english_half_years_read_as_german_ones_do() -> None:
    (q,) = read_quantities("The transaction is expected to close in H2 2025.", lang="en")
    assert (q.text, q.date_low, q.date_high) == ("H2 2025", "2025-07-01", "2025-12-31")


@pytest.mark.parametrize("sentence", [
    "In der zweiten Hälfte drehte Bayern das Spiel.",  # a match's half: no year, no date
    "Die erste Hälfte der Befragten stimmte zu.",
    "H2-Tankstellen gibt es in 90 Städten.",  # hydrogen
])
def test_a_half_without_its_year_is_no_date(sentence) -> None:
    assert [q for q in read_quantities(sentence, published=dt.date(2024, 9, 16)) if q.kind == "date"] == []


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"text": b"100 Euro"}, "str"),
        ({"text": "100 Euro", "published": "2020-08-17"}, "datetime.date"),
        ({"text": "100 Euro", "lang": "fr"}, "lang"),
    ],
)
def test_bad_input_is_a_clear_value_error(kwargs, message) -> None:
    text = kwargs.pop("text")
    with pytest.raises(ValueError, match=message):
        read_quantities(text, **kwargs)


@pytest.mark.parametrize("text, first_text, first_value, second_text, second_value", [
    ("Die Arbeitslosigkeit soll von 9,1 auf 9,5 Prozent steigen.", "9,1", 9.1, "9,5 Prozent", 9.5),
    # a word of time between "von" and the first level (audit 25)
    ("Die Ausgaben sollen von derzeit 0,5 auf ein Prozent steigen.", "0,5", 0.5, "ein Prozent", 1.0),
])
def test_first_figure_of_a_change_takes_the_unit_of_the_second(text, first_text, first_value, second_text, second_value):
    first, second = read_quantities(text)
    assert (first.text, first.kind, first.value, first.unit) == (first_text, "percent", first_value, "percent")
    assert (second.text, second.kind, second.value, second.unit) == (second_text, "percent", second_value, "percent")


def test_weekdays_follow_the_tense_of_their_sentence() -> None:
    monday = dt.date(2020, 8, 24)
    (past,) = read_quantities("Am Mittwoch hatte die Behörde neue Zahlen gemeldet.", published=monday)
    (future,) = read_quantities("Am Mittwoch wird die Behörde neue Zahlen melden.", published=monday)
    assert (past.date, future.date) == ("2020-08-19", "2020-08-26")


def test_a_bare_number_after_davon_takes_the_scale_and_unit_of_the_figure_before() -> None:
    _, part = read_quantities("Die Bank hat faule Kredite im Volumen von 200 Milliarden Euro, davon 50 bei ihrer Tochter in Polen.")
    assert (part.text, part.kind, part.value, part.low, part.high, part.unit) == ("50", "money", 50e9, 50e9, 50e9, "EUR")
    _, users = read_quantities("Der Dienst hat 3 Millionen Nutzer, darunter rund 2 in Europa.")
    assert (users.text, users.kind, users.value, users.unit, users.hedge) == ("rund 2", "count", 2e6, "users", "approx")
    assert users.low < 2e6 < users.high
    _, after = read_quantities("Die Banken haben 200 Milliarden Euro faule Kredite, 50 davon entfallen auf eine Bank.")
    assert (after.text, after.kind, after.value, after.unit) == ("50", "money", 50e9, "EUR")


def test_a_bare_number_after_davon_counts_the_noun_of_an_unscaled_count_before() -> None:
    _, staff = read_quantities("Die Firma hat 200 Mitarbeiter, davon 50 in Wien.")
    assert (staff.kind, staff.value, staff.unit, staff.noun) == ("count", 50.0, "employees", "Mitarbeiter")
    _, tests = read_quantities("500 Tests wurden ausgewertet, 400 davon waren positiv.")
    assert (tests.value, tests.unit) == (400.0, "tests")
    _, bare = read_quantities("Es waren 200, davon 50 in Wien.")  # a bare count lends nothing
    assert (bare.value, bare.unit, bare.noun) == (50.0, None, None)
    _, later = read_quantities("Die Bank verlor 2 Milliarden Euro. Davon 30 Filialen sind betroffen.")
    assert (later.kind, later.value, later.noun) == ("count", 30.0, "Filialen")


def _count(text: str, lang: str):
    (q,) = [q for q in read_quantities(text, lang=lang) if q.kind == "count"]
    return q


@pytest.mark.parametrize("german, english, same", [
    ("Im Gazastreifen wurden 30 Palästinenser verletzt.", "Gunfire wounded thirty Palestinians.", 1.0),
    ("Dabei wurden vier Israelis verletzt.", "Gunfire wounded thirty Palestinians.", 0.0),
    ("Das RKI meldete 625 neue Corona-Infektionen.", "The institute reported 625 new infections.", 1.0),
    ("Verschickt wurden 857 Millionen SMS.", "Operators sent 857 million text messages.", 1.0),
    ("Es einigten sich 27 europäische Regierungschefs.", "Twenty-seven EU heads of state agreed.", 1.0),
    ("Festgenommen wurden zwei Kuriere.", "Police arrested two couriers.", 1.0),
    ("Gemeldet wurden 12 Todesfälle.", "The ministry reported 12 deaths.", 1.0),
    ("In Berlin gibt es 19.500 Betriebe.", "Berlin has 19,500 businesses.", 1.0),
])
def test_counted_nouns_of_english_facts_meet_the_german_ones(german: str, english: str, same: float) -> None:
    # The verifier asks whether a claim and a fact count the same thing; the nouns the reader
    # attaches and the concepts of claimcheck/lang/measures.toml must link the two languages.
    from claimcheck.verify import counted_noun

    assert counted_noun(_count(german, "de"), _count(english, "en"), "en") == same


@pytest.mark.parametrize("text, kind, unit", [
    ("Im Vorjahr waren es 21.570 Terabyte, 2015 dann 76.200.", "quantity", "TB"),
    ("Die Quote lag bei 5,1 Prozent, im Vorjahr bei 4,8.", "percent", "percent"),
    ("Sie fiel unter die 5-Milliarden-Minuten-Marke, konkret auf 4,9 Milliarden.", "duration", "minute"),
    ("Binnen 24 Stunden meldete das Amt 18.633.", "count", None),  # a deadline names no unit
    ("Der Umsatz stieg um 5 Prozent auf 300.", "count", None),  # not of a size with 5 percent
    ("Es sollen zwei Prozent des BIP sein, doppelt so viel.", "quantity", "times"),  # a multiple
    ("Nach 33,4 Millionen Euro 2019 rechnet die Gemeinde 2020 mit knapp vier Millionen.", "money", "EUR"),
    ("Der Umsatz stieg um 5 Prozent auf drei.", "count", None),  # a bare number word leaves none out
    # two scaled amounts talk of one order of magnitude, though 282 billion is under a tenth of 2.9 trillion
    ("Diese Klasse besaß 2,9 Billionen Dollar, 282 Milliarden mehr als im Vorjahr.", "money", "USD"),
])
def test_a_bare_number_leaves_out_the_unit_of_the_figure_of_its_size_before(text: str, kind: str, unit) -> None:
    last = read_quantities(text)[-1]
    assert (last.kind, last.unit) == (kind, unit)


@pytest.mark.parametrize("word, concept", [
    ("killed", "killed"), ("died", "killed"), ("wounded", "injured"), ("detained", "arrested"), ("established", "founded"),
    ("infected", "infections"), ("published", "published"),
])
def test_english_words_name_their_concept(word: str, concept: str) -> None:
    # concept words are stemmed with German endings; English ones must still name their concept
    from claimcheck.verify import _measure_word

    assert _measure_word(word, "en")[1] == concept


@pytest.mark.parametrize("text, first", [
    ("Das Ministerium hat von September bis Jahresende 2015 rund 300.000 Euro ausgegeben.", "2015-09"),
    ("von September bis Dezember 2015", "2015-09"),
    ("von Dezember bis März 2016", "2015-12"),  # a period over the turn of the year
    ("Zwischen 1. Jänner und dem 30. März 2016 trafen 18.234 Migranten ein.", "2016-01-01"),
    ("Im September und 2015 nicht", "--09"),  # "und" joins a period only before a month
    ("am 11. Oktober. 2015 war das anders", "--10-11"),
])
def test_a_date_opening_a_period_takes_the_year_that_closes_it(text: str, first: str) -> None:
    assert read_quantities(text)[0].date == first


def test_a_weekday_of_a_named_week_reads_across_a_line_break():
    found = read_quantities("Am Dienstag vergangener\nWoche hatten sich weniger angesteckt.", published=dt.date(2020, 11, 25))
    assert [(q.text, q.date) for q in found] == [("Dienstag vergangener\nWoche", "2020-11-17")]


def test_a_small_number_after_a_name_of_two_words_is_part_of_the_name_but_not_in_a_list_of_counts():
    assert read_quantities("Nur der Internet Explorer 6 versteht es.") == []
    assert [q.value for q in read_quantities("Fälle: Taufkirchen 68, Bad Tölz 12.")] == [68, 12]
    assert [q.value for q in read_quantities("In Bad Tölz 12, in Taufkirchen 68.")] == [12, 68]


def test_a_bare_number_takes_the_unit_of_the_coordinated_figure_after_it():
    def read(text):
        return [(q.text, q.kind, q.value, q.unit) for q in read_quantities(text)]

    assert read("Die Zahl stieg um 60 beziehungsweise 46 Prozent.") == [
        ("60", "percent", 60.0, "percent"), ("46 Prozent", "percent", 46.0, "percent")]
    assert read("Abgeschöpft werden 600.000 bzw. 960.000 Euro.") == [
        ("600.000", "money", 600000.0, "EUR"), ("960.000 Euro", "money", 960000.0, "EUR")]
    # A count keeps its own reading, a year stays a year, and "zwischen ... und" is still a range.
    assert read("Es gab 2 und 3 Kinder.")[0][:2] == ("2", "count")
    assert read("Im Jahr 2019 und 46 Prozent.")[0][:2] == ("2019", "date")
    assert read("Es waren zwischen 20 und 40 Prozent.") == [("zwischen 20 und 40 Prozent", "percent", 30.0, "percent")]


def test_natural_frequencies_need_a_numerator_below_a_listed_denominator() -> None:
    # "68 von 70 Mitgliedern" counts members; only "x von zehn/hundert" and "zwei von drei" ... are shares.
    assert [(q.text, q.kind) for q in read_quantities("68 von 70 Mitgliedern stimmten zu.")] == [("68", "count"), ("70", "count")]
    shares = read_quantities("Fast neun von zehn Deutschen und zwei von drei Österreichern sind dafür.")
    assert [(q.text, q.kind, round(q.value, 1), q.hedge) for q in shares] == [
        ("Fast neun von zehn", "percent", 90.0, "approx"), ("zwei von drei", "percent", 66.7, None)]


def test_a_deadline_named_from_the_time_of_writing_before_a_figure() -> None:
    # "Jahres" before a count is no year in digits ("bis Jahresende 2015" is 2015, read as such)
    found = read_quantities("Die Lufthansa streicht bis Ende des Jahres 22.000 Stellen.", published=dt.date(2020, 8, 17))
    assert [(q.text, q.kind, q.date, q.relation) for q in found] == [
        ("bis Ende des Jahres", "date", "2020", "until"), ("22.000", "count", None, None)]


def test_desselben_jahres_is_the_year_its_sentence_names() -> None:
    found = read_quantities("Er kam 2011 und beantragte am 21. Dezember desselben Jahres Asyl.", published=dt.date(2017, 12, 20))
    assert [(q.text, q.date) for q in found] == [("2011", "2011"), ("21. Dezember desselben Jahres", "2011-12-21")]


def test_des_vorjahres_counts_from_the_year_its_sentence_names():
    text = "Im Jahr 2015 gab es deutlich mehr Arbeitslose als im März des Vorjahres."
    dates = [q for q in read_quantities(text, published=dt.date(2016, 2, 1)) if q.text == "März des Vorjahres"]
    assert [q.date for q in dates] == ["2014-03"]  # not the publication's year before, 2015


def test_a_lifespan_in_brackets_is_two_years() -> None:
    found = read_quantities("Giovanni Battista Piranesi, ital. Kupferstecher (1720-1778), Buster Keaton (1895–1966)")
    assert [(q.text, q.kind, q.date) for q in found] == [
        ("1720", "date", "1720"), ("1778", "date", "1778"), ("1895", "date", "1895"), ("1966", "date", "1966")]
    # a range of counts stays counts
    assert [q.kind for q in read_quantities("Es kamen (1500-1800 Besucher).")] == ["count", "count"]


@pytest.mark.parametrize("text, read", [
    ("Unterm Strich blieb ein Bilanzgewinn von 6,31 (2014: 4,86) Millionen Euro.",
     [("6,31", "money", 6310000.0), ("2014", "date", None), ("4,86", "money", 4860000.0)]),
    ("Die Quote lag bei 5,2 (Vorjahr: 4,9) Prozent.", [("5,2", "percent", 5.2), ("4,9", "percent", 4.9)]),
    ("Sie schicken 4,2 Milliarden (4200 Mio) Euro in die Heimat.",
     [("4,2 Milliarden", "money", 4.2e9), ("4200 Mio", "money", 4.2e9)]),
    ("Es kamen 300 (2014: 250) Besucher.", [("300", "count", 300.0), ("2014", "date", None), ("250", "count", 250.0)]),
])
def test_a_number_and_its_bracketed_comparison_share_the_unit_after_the_bracket(text, read) -> None:
    found = read_quantities(text)
    assert [(q.text, q.kind, q.value) for q in found] == read
    assert found[0].unit == found[-1].unit is not None


def test_a_bracketed_figure_of_another_size_is_another_measure() -> None:
    count, incidence = read_quantities("In der Woche zuvor hatten sich 128.442 (ebenfalls 154,4) Menschen angesteckt.")
    assert (count.unit, incidence.unit, incidence.value) == ("people", None, 154.4)
    assert [q.unit for q in read_quantities("Die Quote lag bei 5 (Vorjahr: 0) Prozent.")] == ["percent", None]


def test_a_part_of_a_counted_whole_counts_the_wholes_noun() -> None:
    found = read_quantities("Nach einer 15-stündigen Sitzung erhielt er die Stimmen von 134 der 217 Abgeordneten.")
    assert [(q.text, q.kind, q.noun) for q in found] == [
        ("15-stündigen", "duration", None), ("134", "count", "Abgeordneten"), ("217", "count", "Abgeordneten")]


@pytest.mark.parametrize("text, noun", [
    ("Insgesamt wurden bisher 132 von 181 Bewohnern positiv getestet.", "Bewohnern"),  # a part of a counted whole
    ("In Baden-Württemberg und Berlin haben sich 1.972 und 1.615 Menschen angesteckt.", "Menschen"),  # coordinated
])
def test_the_first_of_two_counts_takes_the_noun_after_the_second(text: str, noun: str) -> None:
    first, second = read_quantities(text)
    assert first.noun == second.noun == noun


@pytest.mark.parametrize("text, nouns", [
    # a bare count goes on counting the noun of the count before it in its sentence (audit 24)
    ("Die IG Metall sprach von 45.000 Teilnehmern, davon 16.000 in Duisburg und 2.500 in Berlin.",
     [("45.000", "Teilnehmern"), ("16.000", "Teilnehmern"), ("2.500", "Teilnehmern")]),
    ("Im vergangenen Jahr seien 173 Fälle gezählt worden, zuvor seien es 28 gewesen.", [("173", "Fälle"), ("28", "Fälle")]),
    # ... or the noun after the next figure where the two are joined
    ("Man könne bei 35 Fällen von derzeit 50 auf 40 Teilnehmer runtergehen.",
     [("35", "Fällen"), ("50", "Teilnehmer"), ("40", "Teilnehmer")]),
    ("Es gibt ein Raster von 19 vertikalen und 19 horizontalen Linien.", [("19", "Linien"), ("19", "Linien")]),
    # ... but not from inside brackets
    ("Aus 6 Flüchtlingen (Vater, Mutter und vier Kinder) wurden nun 12.",
     [("6", "Flüchtlingen"), ("vier", "Kinder"), ("12", None)]),
    # ... or the noun "die Zahl der" names before it, unless a count of something else stands between
    ("Die Zahl der Todesopfer ist auf 158 gestiegen.", [("158", "Todesopfer")]),
    ("Die Zahl der Arbeitslosen sank um 20.000 auf 2,3 Millionen.",
     [("20.000", "Arbeitslosen"), ("2,3 Millionen", "Arbeitslosen")]),
    ("Die Zahl der Toten stieg auf 12, 30 Menschen wurden verletzt.", [("12", "Toten"), ("30", "Menschen")]),
    # "statt" joins two counts of one noun (audit 29); verbs in a row are no adjectives before a noun
    ("Er bot 80 statt bisher 40 Polizisten an.", [("80", "Polizisten"), ("40", "Polizisten")]),
    # audit 37: a bare decimal joined to a count takes its noun
    ("Der Index kletterte um 0,5 auf 54,1 Punkte.", [("0,5", "Punkte"), ("54,1", "Punkte")]),
    # audit 37: a part of a whole written in words ("drei der sechs Pavillons", as "134 der 217 Abgeordneten")
    ("Sie verkaufte drei der sechs Pavillons auf dem Areal.", [("drei", "Pavillons"), ("sechs", "Pavillons")]),
    ("Dort hielten sich drei ihrer sechs Kinder auf.", [("drei", "Kinder"), ("sechs", "Kinder")]),
    ("2013 seien es nur 137 gewesen, bedauerte Deutsch die Entwicklung.", [("2013", None), ("137", None)]),
    # a count right before an age adjective counts the noun after it (audit 30)
    ("Zwei 17-jährige Mädchen wurden verletzt.", [("Zwei", "Mädchen"), ("17-jährige", None)]),
    ("Zwei „14-jährige“ Zwillingsbrüder wurden verdächtigt.", [("Zwei", "Zwillingsbrüder"), ("14-jährige", None)]),
])
def test_a_bare_count_counts_the_noun_its_sentence_gives_it(text: str, nouns: list) -> None:
    assert [(q.text, q.noun) for q in read_quantities(text)] == nouns


@pytest.mark.parametrize("text, read", [
    ("Das BIP legte um 0,5 statt 0,4 Prozent zu.", [("0,5", "percent", "percent"), ("0,4 Prozent", "percent", "percent")]),
    ("Mehr Eltern fahren mit dem Auto (26 gegenüber 20 Prozent).", [("26", "percent", "percent"), ("20 Prozent", "percent", "percent")]),
    # a bare amount in millions goes on in the currency of the amount in millions before it, also in the next sentence
    ("Die Gemeinde nahm 33,4 Millionen Euro Gewerbesteuer ein. Das Ergebnis 2019 belief sich auf 5,27 Millionen.",
     [("33,4 Millionen Euro", "money", "EUR"), ("2019", "date", None), ("5,27 Millionen", "money", "EUR")]),
    # ... but the levels of a change by a percentage are counts (audit 22)
    ("Die Zahl stieg um 600 Prozent – von rund 550 im Jahr 2013 auf fast 4.000.",
     [("600 Prozent", "percent", "percent"), ("rund 550", "count", None), ("2013", "date", None), ("fast 4.000", "count", None)]),
    # ... and so does a range in millions, and the amounts after it (audit 19)
    ("Er schlägt 2,5 Millionen Euro vor. Das liegt zwischen den genannten drei bis vier Millionen und einer Million.",
     [("2,5 Millionen Euro", "money", "EUR"), ("drei bis vier Millionen", "money", "EUR"), ("einer Million", "money", "EUR")]),
    # a bare amount in millions in a sentence about money is in the currency of the article's amounts
    ("Die Firma meldete 2 Millionen Euro Gewinn.\n\nDie Überschuldung beläuft sich auf 18,1 Millionen.",
     [("2 Millionen Euro", "money", "EUR"), ("18,1 Millionen", "money", "EUR")]),
    # ... but not across a paragraph, nor from a count
    ("Die Stadt investiert 30 Millionen Euro.\n\nIn der Region leben 25 Millionen.",
     [("30 Millionen Euro", "money", "EUR"), ("25 Millionen", "count", None)]),
    ("Die Firma hat 5 Millionen Kunden. Zuletzt waren es 4 Millionen.",
     [("5 Millionen", "count", "customers"), ("4 Millionen", "count", None)]),
    # a comma list's first item takes the unit its next item took from the last
    ("Die Modelle gibt es mit 7,68, 3,84 und 1,92 TB Speicher.",
     [("7,68", "quantity", "TB"), ("3,84", "quantity", "TB"), ("1,92 TB", "quantity", "TB")]),
    ("Entschädigungen können 250, 400 und 600 Euro betragen.",
     [("250", "money", "EUR"), ("400", "money", "EUR"), ("600 Euro", "money", "EUR")]),
    # "und mehr" before another figure's "als" bounds that figure, not this one
    ("Es kamen 500 Menschen und mehr als 20 Polizisten.", [("500", "count", "people"), ("mehr als 20", "count", "police officers")]),
    # ... not a count and its share
    ("Das waren 605.000 bzw. 14 Prozent der Bevölkerung.", [("605.000", "count", None), ("14 Prozent", "percent", "percent")]),
    # an amount of money named again with an article is that amount, also in another paragraph
    ("Die EU beschloss einen Fonds von 750 Milliarden Euro.\n\nDie 750 Milliarden sollen verteilt werden.",
     [("750 Milliarden Euro", "money", "EUR"), ("750 Milliarden", "money", "EUR")]),
    # "eines Tages" is an idiom ("one day"), "binnen eines Tages" a period
    ("Das RKI hat eines Tages 24.694 Neuinfektionen binnen eines Tages registriert.",
     [("24.694", "count", "new infections"), ("binnen eines Tages", "duration", "day")]),
])
def test_a_unit_written_once_serves_the_figures_that_leave_it_out(text, read) -> None:
    assert [(q.text, q.kind, q.unit) for q in read_quantities(text)] == read


@pytest.mark.parametrize("text, published, read", [
    ("Spitzenreiter sind Salzburg (22,5) und Vorarlberg (21,0 Prozent).", None,
     [("22,5", "percent", None), ("21,0 Prozent", "percent", None)]),
    # "zwischen" is a month's cue, and the month before the year's month takes its year
    ("Zwischen Juli und Oktober 2015 seien keine Waffen exportiert worden.", None,
     [("Juli", "date", "2015-07"), ("Oktober 2015", "date", "2015-10")]),
    # a year right before a half year or quarter is its year, not the publication's
    ("Die Kinos verkauften 2019 im ersten Halbjahr 53,6 Millionen Tickets.", dt.date(2020, 10, 21),
     [("2019", "date", "2019"), ("ersten Halbjahr", "date", "2019"), ("53,6 Millionen", "count", None)]),
    # ... also where the publication date would have given it another
    ("Die im März und April 2020 erzwungene Absenkung wurde beendet.", dt.date(2021, 6, 1),
     [("März", "date", "2020-03"), ("April 2020", "date", "2020-04")]),
    # a weekday after a reported "müsse" lies ahead, though the report is past
    ("Die Strafkammer müsse am Donnerstag entscheiden, berichtete der Sender.", dt.date(2020, 11, 23),
     [("Donnerstag", "date", "2020-11-26")]),
    # two days joined by "und" without "zwischen" are two days, not a range
    ("Die Wahl findet am 1. und 15. Mai 2020 statt.", None, [("15. Mai 2020", "date", "2020-05-15")]),
])
def test_dates_and_units_read_from_their_neighbours(text, published, read) -> None:
    assert [(q.text, q.kind, q.date) for q in read_quantities(text, published=published)] == read


@pytest.mark.parametrize("text, read", [
    # the sides of a size share the unit after the last (four digits there are no year)
    ("Der Bildschirm bietet eine Auflösung von 1152 x 1920 Pixel.", [("1152", "quantity", "px"), ("1920 Pixel", "quantity", "px")]),
    ("274 x 172 x 10,5 Millimeter misst das Tablet.",
     [("274", "quantity", "mm"), ("172", "quantity", "mm"), ("10,5 Millimeter", "quantity", "mm")]),
    # "und darüber" before another figure is "above that", no bound
    ("Bis 60 Kilometer sind es 113 Euro und darüber 168 Euro.",
     [("Bis 60 Kilometer", "quantity", "km"), ("113 Euro", "money", "EUR"), ("168 Euro", "money", "EUR")]),
])
def test_sizes_and_bounds_after_a_figure(text, read) -> None:
    assert [(q.text, q.kind, q.unit) for q in read_quantities(text)] == read


@pytest.mark.parametrize("text, read", [
    # a list of number words is no spoken range, nor are two numbers in digits
    ("Die Zahlen lauten: drei, vier, fünf.", [("drei", None), ("vier", None), ("fünf", None)]),
    ("Er traf 5, 6 Leute.", [("5", None), ("6", None)]),
    # a year-like number that a "davon" or its whole makes a part of a count counts
    ("Insgesamt waren 1240 Fälle gemeldet, 1164 davon gelten als genesen.", [("1240", None), ("1164", None)]),
    ("Von den Bewerbungen stammten 1812 von Männern.", [("1812", None)]),
])
def test_neighbouring_numbers_that_stay_apart(text, read) -> None:
    assert [(q.text, q.hedge) for q in read_quantities(text) if q.kind == "count"] == read


def test_the_numbers_of_a_numbered_list_are_no_figures() -> None:
    text = "Die Kritik der Autoren:\n1. Die Masken helfen nicht.\n2. Die 40 Tests sind falsch."
    assert [q.text for q in read_quantities(text)] == ["40"]
    # ... but a hard-wrapped line may begin with a figure
    wrapped = "Bayern verzeichnete 98 Todesfälle und Sachsen\n69. Damit steigt die Zahl."
    assert [q.text for q in read_quantities(wrapped)] == ["98", "69"]


@pytest.mark.parametrize("text, kinds", [
    # a party's seats in brackets are counts; a person's bracket gives an age
    ("Die Fraktionen AfD (83) und Linke (58) stimmten dagegen.", ["count", "count"]),
    ("Im Bundestag sitzen CDU/CSU (306), SPD (153) und Linke (58).", ["count", "count", "count"]),
    ("Die ÖVP-Mandatarin (34) und Prinz William (32) kamen.", ["duration", "duration"]),
    ("Die Eltern Peter (45) und Maria (42) waren da.", ["duration", "duration"]),
])
def test_numbers_in_brackets_after_names(text, kinds) -> None:
    assert [q.kind for q in read_quantities(text)] == kinds


@pytest.mark.parametrize("text, readings", [
    # the first of two coordinated ages takes the unit of the second, and keeps its hedge in its span
    ("Die Täter im Alter von 19 und 20 Jahren wurden gefasst.", [("19", "duration", "year"), ("20 Jahren", "duration", "year")]),
    ("Der Mann, der etwa 32 statt 17 Jahre alt ist, kam 2015.",
     [("etwa 32", "duration", "year"), ("17 Jahre", "duration", "year"), ("2015", "date", None)]),
])
def test_a_coordinated_figure_shares_the_duration_unit_after_it(text, readings) -> None:
    assert [(q.text, q.kind, q.unit) for q in read_quantities(text)] == readings


@pytest.mark.parametrize("text, relations", [
    # a period right after a counted figure is the period it was counted in, unless the sentence looks ahead
    ("Es gab 155 Wahlgänge in zehn Wochen.", [("155", None), ("in zehn Wochen", "within")]),
    ("Das klingt nicht so viel wie 600.000 in 5 Jahren.", [("600.000", None), ("in 5 Jahren", "within")]),
    ("Die Firma muss 500 Stellen in drei Jahren abbauen.", [("500", None), ("in drei Jahren", "deadline")]),
    ("Bytedance muss das Geschäft in drei Monaten verkaufen.", [("in drei Monaten", "deadline")]),
    # hours and minutes are no deadline: the day they would fall due on is the publication day itself
    ("The institute reported 1,100 new infections within 24 hours.", [("1,100", None), ("within 24 hours", None)]),
    ("Ein Krankenhaus soll binnen 30 Minuten erreichbar sein.", [("binnen 30 Minuten", None)]),
    ("Die Regierung muss binnen drei Tagen entscheiden.", [("binnen drei Tagen", "deadline")]),
])
def test_a_period_after_a_count_is_the_period_it_was_counted_in(text, relations) -> None:
    lang = "en" if text.startswith("The ") else "de"
    found = read_quantities(text, published=dt.date(2020, 8, 17), lang=lang)
    assert [(q.text, q.relation) for q in found] == relations


def test_a_hedge_broken_over_a_line_is_one_hedge() -> None:
    # pasted text keeps its hard line breaks: "mehr⏎als 120.000" is "mehr als 120.000"
    (q,) = read_quantities("In den USA starben bereits mehr\nals 120.000 Menschen.")
    assert (q.text, q.hedge, q.low, q.high) == ("mehr\nals 120.000", "min", 120000.0, None)


def test_a_forecast_goes_on_over_a_hard_line_break() -> None:
    (year, share) = read_quantities("Dieser Wert dürfte laut IWF 2020 auf 96,4 Prozent\nansteigen.")
    assert share.hedge == "forecast"


@pytest.mark.parametrize("text, hedges", [
    ("Der Preis soll von 10 auf 12 Euro steigen.", [None, "forecast"]),  # the first level is where it stands (audit 24)
    ("Die Zahl der Drucker wird von 200.000 auf 500.000 steigen.", [None, "forecast"]),
])
def test_a_forecast_change_starts_at_the_level_now(text: str, hedges: list) -> None:
    assert [q.hedge for q in read_quantities(text)] == hedges


@pytest.mark.parametrize("text, relations", [
    ("Die Ausstellung läuft vom 30. Jänner bis 3. April.", ["from", "until"]),
    ("Zwischen 1961 und 1990 gab es in Wien rund 9,6 Hitzetage pro Jahr.", ["from", "until"]),
    ("In den Jahren 2009 bis 2014 kamen 813.000 Menschen.", ["from", "until"]),
    ("Im März und April 2020 kamen 500 Menschen.", [None, None]),  # two months, no period
])
def test_the_first_date_of_a_period_is_where_it_starts(text: str, relations: list) -> None:
    dates = [q for q in read_quantities(text, published=dt.date(2015, 7, 1)) if q.kind == "date"]
    assert [q.relation for q in dates] == relations


def test_a_month_takes_no_year_past_2199_as_its_own() -> None:
    # "zwischen Januar und Ende September 6081 Flüchtlinge": a count of refugees, not the year 6081
    read = read_quantities("Bis Ende September 6081 Flüchtlinge kamen an.", published=dt.date(2020, 10, 11))
    assert [(q.text, q.kind, q.date) for q in read] == [("Bis Ende September", "date", "2021-09"), ("6081", "count", None)]


@pytest.mark.parametrize("text, read", [
    # audit 20: a multiple made with "fach" as a verb or as a noun after its article, and "-mal" before a comparative
    ("Die Zahl hat sich 2016 verfünffacht.", [("2016", "date", None), ("verfünffacht", "quantity", "times")]),
    ("Der Lohn hat sich fast 11-facht.", [("fast 11-facht", "quantity", "times")]),
    ("Der Wert ist um das 24-Fache gestiegen.", [("24-Fache", "quantity", "times")]),
    ("Die Rate liegt zehnmal höher.", [("zehnmal", "quantity", "times")]),
    ("Der Rechner ist 100 Mal schneller.", [("100 Mal", "quantity", "times")]),
    # ... not an adjective before a noun, nor one ("einfach"), nor a compound noun
    ("An der Favoritenrolle des 27-fachen Cupsiegers ändert sich nichts.", []),
    ("Das ist ganz einfach.", []),
    ("Die Dreifachimpfung kommt.", []),
    ("Wir versuchten es dreimal.", [("dreimal", "count", None)]),
])
def test_multiples_made_with_fach_and_mal(text, read) -> None:
    assert [(q.text, q.kind, q.unit) for q in read_quantities(text)] == read


@pytest.mark.parametrize("text, lang, read", [
    # audit 20: the period a figure is counted per, after it, after its noun, or right before it
    ("Flüchtlinge begehen jeden Tag 743 Straftaten.", "de", [("743", "day")]),
    ("Hierfür standen jährlich 24 Millionen Euro zur Verfügung.", "de", [("24 Millionen Euro", "year")]),
    ("Die Miete beträgt 500 Euro pro Monat.", "de", [("500 Euro pro Monat", "month")]),
    ("Es kamen 500 Menschen täglich.", "de", [("500", "day")]),
    ("Merkel warned of 19,200 daily infections.", "en", [("19,200", "day")]),
    ("Das Einkommen lag bei 341 Euro im Monat.", "de", [("341 Euro im Monat", "month")]),
    ("Merkel warnt vor 19.200 Corona-Neuinfektionen am Tag.", "de", [("19.200", "day")]),
    # audit 24: an adjective of the period before the noun, adjectives between the figure and its noun
    ("Facebook hat rund 1 Milliarde monatliche User.", "de", [("rund 1 Milliarde", "month")]),
    ("Skype hat 300 Millionen aktive User pro Monat.", "de", [("300 Millionen", "month")]),
    # ... not a point in time, nor a speed, whose unit is the rate
    ("Am Tag der Wahl kamen 500 Menschen.", "de", [("500", None)]),
    ("Es kamen 500 Menschen am Tag der Wahl.", "de", [("500", None)]),
    ("Es waren 500 Menschen im Jahr zuvor.", "de", [("500", None)]),
    # a probe of company results: money as the other figures ("7,9 Milliarden Euro im Jahr" had been per year)
    ("Der Umsatz stieg auf 8,4 Milliarden Euro, nach 7,9 Milliarden Euro im Jahr zuvor.", "de",
     [("8,4 Milliarden Euro", None), ("7,9 Milliarden Euro", None)]),
    ("Die Kosten stiegen von 442 Millionen Euro im Jahr 2014 auf 757 Millionen Euro.", "de",
     [("442 Millionen Euro", None), ("2014", None), ("757 Millionen Euro", None)]),
    ("Er fuhr mit 60 Kilometern pro Stunde.", "de", [("60 Kilometern pro Stunde", None)]),
    # audit 28: a period opening the sentence counts the figures of its clause, not those of the next one
    ("Jährlich werden in Wien rund 70.000 Tonnen Lebensmittel vernichtet.", "de", [("rund 70.000 Tonnen", "year")]),
    ("Jährlich kommen 300 Besucher, seit 2015 insgesamt 5000.", "de", [("300", "year"), ("seit 2015", None), ("5000", None)]),
    ("Pro Jahr spenden die Gates vier Milliarden Dollar.", "de", [("vier Milliarden Dollar", "year")]),
    # audit 34: a duration counted per a longer period; not a period word that goes with the verb
    ("Er arbeitet 48 Stunden pro Woche.", "de", [("48 Stunden", "week")]),
    ("Sie sind mindestens einen Monat im Jahr betroffen.", "de", [("mindestens einen Monat", "year")]),
    ("Er wurde über 3 Monate täglich einbestellt.", "de", [("über 3 Monate", None)]),
    # audit 37: a period written before a figure counts the figure joined to it by "und", not one written after it
    ("Das UNHCR verteilt jedes Jahr 70.000 Zelte und zwei Millionen Planen.", "de",
     [("70.000", "year"), ("zwei Millionen", "year")]),
    ("Er verdient 500 Euro pro Monat und seine Frau 300 Euro.", "de", [("500 Euro pro Monat", "month"), ("300 Euro", None)]),
    # session 40: the period named before the noun the figure is the amount of, as an adjective or a compound's first part
    ("Das bedeutet eine monatliche Abschlagszahlung von rund 154 Euro.", "de", [("rund 154 Euro", "month")]),
    ("Der jährliche Zuschuss beträgt 500 Euro.", "de", [("500 Euro", "year")]),
    ("Bei einem Jahresverbrauch von 4000 Kilowattstunden steigen die Kosten.", "de", [("4000 Kilowattstunden", "year")]),
    ("Er bekam ein Jahresgehalt von 60.000 Euro.", "de", [("60.000 Euro", "year")]),
    # ... not a percentage (an annual rate is no twelve monthly ones), nor a noun that is no amount of the figure
    ("Die jährliche Inflationsrate lag bei 2,2 Prozent.", "de", [("2,2 Prozent", None)]),
    ("Zum Jahresende lag der Kurs bei 120 Euro.", "de", [("120 Euro", None)]),
    ("Die Tageszeitung hat 100.000 Leser.", "de", [("100.000", None)]),
])
def test_a_rate_knows_its_period(text, lang, read) -> None:
    assert [(q.text, q.per) for q in read_quantities(text, lang=lang)] == read


@pytest.mark.parametrize("text, read", [
    # audit 27: a sum restated in brackets is bounded as the sum it restates ...
    ("Der Konzern wurde auf bis zu 46 Mrd. Dollar (41,2 Mrd. Euro) verklagt.",
     [("bis zu 46 Mrd. Dollar", "max", None, 46e9), ("41,2 Mrd. Euro", "max", None, 41.2e9)]),
    ("SanDisk ist an der Börse rund 14,6 Mrd. Dollar (12,9 Mrd. Euro) wert.",
     [("rund 14,6 Mrd. Dollar", "approx", 14.4e9, 14.8e9),
      ("12,9 Mrd. Euro", "approx", 12.9e9 * 14.4 / 14.6, 12.9e9 * 14.8 / 14.6)]),
    # ... where it says nothing of its own
    ("Es kostet rund 100 Millionen Dollar (mehr als 90 Millionen Euro).",
     [("rund 100 Millionen Dollar", "approx", 95e6, 105e6), ("mehr als 90 Millionen Euro", "min", 90e6, None)]),
])
def test_a_sum_restated_in_brackets_keeps_its_bounds(text, read) -> None:
    found = [(q.text, q.hedge, q.low, q.high) for q in read_quantities(text)]
    assert len(found) == len(read)
    for (t, h, lo, hi), want in zip(found, read):
        assert (t, h) == want[:2]
        for got, expected in ((lo, want[2]), (hi, want[3])):
            assert (got is None) == (expected is None) and (got is None or math.isclose(got, expected, rel_tol=1e-9))


def test_the_level_before_a_forecast_in_brackets_is_none() -> None:
    # "(Vorjahr: ...)" states last year's level beside a forecast: no forecast of its own
    read = read_quantities("Der Umsatz solle 2016 auf circa 4 Mrd. Euro zulegen (Vorjahr: 3,716 Mrd. Euro).")
    assert [(q.text, q.hedge) for q in read] == [("2016", None), ("circa 4 Mrd. Euro", "approx"), ("3,716 Mrd. Euro", None)]


@pytest.mark.parametrize("text, read", [
    # audit 29: "um rund acht Milliarden auf 127,5 Milliarden Euro" are both euros
    ("Sie schrumpften um rund acht Milliarden auf 127,5 Milliarden Euro.",
     [("rund acht Milliarden", "money", "EUR", 8e9), ("127,5 Milliarden Euro", "money", "EUR", 127.5e9)]),
    # audit 36: also past a hedge of the second level, whose scale the first takes
    ("Die Kosten stiegen von 37 auf über 70 Milliarden Euro.",
     [("37", "money", "EUR", 37e9), ("über 70 Milliarden Euro", "money", "EUR", 70e9)]),
])
def test_a_change_by_an_amount_to_a_sum_shares_its_currency(text, read) -> None:
    assert [(q.text, q.kind, q.unit, q.value) for q in read_quantities(text)] == read


def test_a_month_after_im_before_bis_and_a_year_is_its_own_month() -> None:
    # audit 31: "im Juni bis 2019 verlängert" was read as a period from June 2019
    read = read_quantities("Der Vertrag wurde im Juni bis 2019 verlängert.", published=dt.date(2015, 10, 5))
    assert [(q.text, q.date, q.relation) for q in read] == [("Juni", "2015-06", None), ("bis 2019", "2019", "until")]
    read = read_quantities("Von Juni bis 2019 lief das.", published=dt.date(2015, 10, 5))
    assert [(q.text, q.date, q.relation) for q in read] == [("Juni", "2019-06", "from"), ("bis 2019", "2019", "until")]


def test_an_exclamation_in_brackets_does_not_part_two_coordinated_figures() -> None:
    # audit 38: "15 (!) und 18 Jahren" had left the 15 a bare count
    read = read_quantities("Die Täter waren im Alter von 15 (!) und 18 Jahren.")
    assert [(q.text, q.kind, q.unit) for q in read] == [("15", "duration", "year"), ("18 Jahren", "duration", "year")]


def test_a_news_tickers_items_open_with_their_number_words() -> None:
    # audit 36: "+++ Sechs Syrer festgenommen +++" had read no figure (a capitalised number word inside a sentence is
    # no figure, "die Elf"); each item is a sentence of its own, so a modal in one plans nothing in another
    read = read_quantities("+++ Sechs Syrer festgenommen +++ Anschlag soll geplant gewesen sein +++ Vier Verdächtige in Haft +++")
    assert [(q.text, q.noun, q.hedge) for q in read] == [("Sechs", "Syrer", None), ("Vier", "Verdächtige", None)]
    assert read_quantities("Die Elf spielte gut.") == []


@pytest.mark.parametrize("sentence, year", [
    ("Im vergangenen Jahr wurden 14,8 Millionen Passagiere abgefertigt.", 2024),
    ("Letztes Jahr kamen 500 Gäste.", 2024),
    ("Nächstes Jahr sollen 600 Gäste kommen.", 2026),
    ("In diesem Jahr kamen 500 Gäste.", 2025),
    ("Der Flughafen fertigte 14,8 Millionen Passagiere ab.", None),
])
def test_the_year_a_phrase_of_the_sentence_names_for_its_figure(sentence, year):
    from claimcheck.quantities import framing_year

    figure = next(q for q in read_quantities(sentence, published=dt.date(2025, 10, 22)) if q.kind == "count")
    assert framing_year(sentence, figure.start, figure.end, dt.date(2025, 10, 22)) == year
    assert framing_year(sentence, figure.start, figure.end, None) is None  # no publication date, no year


@pytest.mark.parametrize("text, lang, changes", [
    # the size of a change carries its direction (quantities/changes.py): "um" and the nearest word of its clause
    ("Die Mieten stiegen im vergangenen Jahr um 3,5 Prozent.", "de", ["rise"]),
    ("Der Umsatz stieg um rund 5 Prozent und der Gewinn sank um 3 Prozent.", "de", ["rise", "fall"]),
    ("dass der Umsatz um 5 Prozent gestiegen ist und der Gewinn um 3 Prozent gesunken", "de", ["rise", "fall"]),
    ("Die Zahl nahm im Jahr um 3 Prozent zu.", "de", ["rise"]),  # a separable verb: its particle ends the clause
    ("Der Umsatz ging um 200 Millionen Euro auf 1,2 Milliarden Euro zurück.", "de", ["fall", None]),  # "auf": the level
    ("Es geht um 500 Millionen Euro.", "de", [None]),  # "um" without a word of direction
    # a noun of change, also as a compound's tail, and "von"/"um"
    ("Das Umsatzplus von 14 Prozent überraschte.", "de", ["rise"]),
    ("Der Rückgang um 3,5 % war stark.", "de", ["fall"]),
    ("Ein Anstieg von 3 auf 5 Prozent.", "de", [None, None]),  # two levels
    # a word of direction after the figure and its noun, unless it bounds the next figure or an idiom follows
    ("Es gab 200 Beschwerden mehr als im Vorjahr.", "de", ["rise"]),
    ("Das sind 274 Fälle weniger als vor einer Woche.", "de", ["fall", None]),
    ("Es waren jeweils 144 und 137 mehr als 100 Todesfälle.", "de", [None, None, None]),
    ("Die Quote von 1,5 Prozent wurde mehr als erfüllt.", "de", [None]),
    # English: a word of direction right before the figure (past an adverb and "by") or after it, a noun and "of"
    ("Rents fell by 3.5 percent in 2024.", "en", ["fall", None]),
    ("Sales rose sharply by 4 percent to 1.2 billion dollars.", "en", ["rise", None]),
    ("Revenue was up 3.5 percent, a 2 percent decline in costs.", "en", ["rise", "fall"]),
    ("They reported an increase of 12 percent.", "en", ["rise"]),
    ("The platform was staffed by more than 300 volunteers.", "en", [None]),  # "by" of an agent
])
def test_the_size_of_a_change_carries_its_direction(text: str, lang: str, changes: list) -> None:
    assert [q.change for q in read_quantities(text, lang=lang)] == changes


@pytest.mark.parametrize("text, lang, read", [
    # the unit a price or amount is counted per is its `per`, as a period is ([rates.per], [rates.per_slash])
    ("Strom kostet 31 ct/kWh.", "de", ("31 ct", 0.31, "EUR", "kWh")),
    ("Gas kostet 12 Cent pro Kilowattstunde.", "de", ("12 Cent pro Kilowattstunde", 0.12, "EUR", "kWh")),
    ("Die Miete: 17,80 €/m².", "de", ("17,80 €", 17.8, "EUR", "m²")),
    ("Die Dividende steigt auf 70 Cent je Aktie.", "de", ("70 Cent je Aktie", 0.7, "EUR", "share")),
    ("Electricity costs 31 euro cents per kilowatt hour.", "en", ("31 euro cents", 0.31, "EUR", "kWh")),
    ("Oil traded at 80 dollars a barrel.", "en", ("80 dollars a barrel", 80.0, "USD", "barrel")),
    ("Er arbeitete acht Stunden pro Person.", "de", ("acht Stunden", 8.0, "hour", None)),  # a duration per no unit
])
def test_a_price_carries_the_unit_it_is_counted_per(text: str, lang: str, read: tuple) -> None:
    (q,) = read_quantities(text, lang=lang)
    assert (q.text, q.value, q.unit, q.per) == read


@pytest.mark.parametrize("text, lang, pers", [
    # session 40: a price per a unit lends the unit to a later price of its sentence in its currency and of its size
    ("Der Strompreis wird bei 40 Cent je Kilowattstunde gedeckelt, der Gaspreis bei 12 Cent.", "de", ["kWh", "kWh"]),
    ("Electricity is capped at 40 cents per kilowatt hour and gas at 12 cents.", "en", ["kWh", "kWh"]),
    # ... not to a sum of another size, another currency, or a price of the next sentence; nor does a period lend itself
    ("Die Bremse deckelt 40 Cent je Kilowattstunde und kostet 20 Milliarden Euro.", "de", ["kWh", None]),
    ("Die Miete liegt bei 12 Euro pro Quadratmeter, in Zürich bei 30 Franken.", "de", ["m²", None]),
    ("Strom kostet 40 Cent je Kilowattstunde. Gas kostet 12 Cent.", "de", ["kWh", None]),
    ("Er verdient 500 Euro pro Monat, seine Frau 300 Euro.", "de", ["month", None]),
])
def test_a_unit_price_lends_its_unit_to_the_next_price(text: str, lang: str, pers: list) -> None:
    assert [q.per for q in read_quantities(text, lang=lang)] == pers


@pytest.mark.parametrize("text, currencies", [
    # English "cents" name no currency: the text's other amounts do, else the place it speaks of, else the dollar
    ("A ticket costs 2 euros, a stamp 50 cents.", ["EUR", "EUR"]),
    ("A ticket costs 2 dollars, a stamp 50 cents.", ["USD", "USD"]),
    ("Households in Austria paid 31 cents per kilowatt hour.", ["EUR"]),
    ("A stamp costs 50 cents.", ["USD"]),
])
def test_cents_are_in_the_currency_their_text_names(text: str, currencies: list) -> None:
    assert [q.unit for q in read_quantities(text, lang="en")] == currencies


@pytest.mark.parametrize("text, lang, changes", [
    # German changes without "um": a verb earlier in the clause, or a separable verb whose particle ends it
    ("Die Aktie verlor am Vormittag 3,8 Prozent auf 24,60 Euro.", "de", ["fall", None]),
    ("Der Dax legte 1,2 Prozent zu.", "de", ["rise"]),
    ("Die Aktie hat rund 11 Prozent an Wert verloren.", "de", ["fall"]),
    ("Die Firma gab 500 Millionen Euro für Werbung aus.", "de", [None]),
    ("Kiezkasse raised 45 million euros.", "en", [None]),  # money raised is no rise
])
def test_a_change_without_um_carries_its_direction(text: str, lang: str, changes: list) -> None:
    assert [q.change for q in read_quantities(text, lang=lang)] == changes


@pytest.mark.parametrize("text, lang, read", [
    # a year and a participle that dates the noun after it: no count of that noun (probe of session 37)
    ("Die Geldgeber bewerten das 2019 gegründete Unternehmen mit 320 Millionen Euro.", "de", ("2019", "date")),
    # a year after "in" and a level after "to" make no range from 2,024 to 18 million
    ("Kiezkasse's revenue rose 140 percent in 2024 to 18 million euros.", "en", ("2024", "date")),
])
def test_a_year_before_a_participle_or_a_level_stays_a_year(text: str, lang: str, read: tuple) -> None:
    assert [(q.text, q.kind) for q in read_quantities(text, lang=lang) if q.text.startswith("20")] == [read]


@pytest.mark.parametrize("text, lang, read", [
    # a probe of company forecasts: a range whose ends each write their unit had been two figures
    ("Nordtal guides for EBITDA of €1.40 billion to €1.50 billion.", "en", [(1.4e9, 1.5e9)]),
    ("Der Konzern erwartet 1,40 Milliarden Euro bis 1,50 Milliarden Euro.", "de", [(1.4e9, 1.5e9)]),
    ("Die Kosten liegen zwischen 10 Millionen Euro und 12 Millionen Euro.", "de", [(1e7, 1.2e7)]),
    ("Growth will be between 2 percent and 3 percent.", "en", [(2.0, 3.0)]),
    # ... but not the two levels of a change, nor two amounts of a list
    ("Revenue rose from $1.4 billion to $1.5 billion.", "en", [(1.4e9, 1.4e9), (1.5e9, 1.5e9)]),
    ("Der Umsatz stieg von 1,4 Milliarden Euro auf 1,5 Milliarden Euro.", "de", [(1.4e9, 1.4e9), (1.5e9, 1.5e9)]),
    ("Er zahlte 5 Euro und 6 Euro.", "de", [(5.0, 5.0), (6.0, 6.0)]),
])
def test_a_range_whose_ends_each_write_their_unit_is_one_range(text: str, lang: str, read: list) -> None:
    assert [(q.low, q.high) for q in read_quantities(text, lang=lang)] == read


def test_im_vorjahr_frames_a_figure_where_its_sentence_writes_no_year() -> None:
    published = dt.date(2025, 6, 12)
    sentence = "Die Betriebskosten in Graz sind im Vorjahr um 8 Prozent gestiegen."
    # asked on its own text, whatever the reader read last in this thread (the reader keeps sentence ends per text)
    read_quantities("Ein anderer Text. Mit Sätzen. Und noch einem.", published=published)
    assert framing_year(sentence, 40, 50, published) == 2024
    assert framing_year("2015 stieg der Umsatz im Vorjahr um 8 Prozent.", 33, 43, published) is None  # from 2015


def test_framing_year_works_in_a_thread_that_read_nothing() -> None:
    import threading
    found = []
    thread = threading.Thread(target=lambda: found.append(
        framing_year("Im vergangenen Jahr stieg der Umsatz um 8 Prozent.", 40, 50, dt.date(2025, 6, 12))))
    thread.start()
    thread.join()
    assert found == [2024]


@pytest.mark.parametrize("text, lang, changes", [
    # a preposition and an article right after the figure: a difference from a reference, whatever the verb says
    ("Die Pensionen wurden um 0,8 Prozentpunkte unter der Inflationsrate erhöht.", "de", ["fall"]),
    ("Pensions were raised by 0.8 percentage points less than the inflation rate.", "en", ["fall"]),
    ("Die Zahl liegt 3 Prozent über dem Vorjahr.", "de", ["rise"]),
    ("Prices were 2 percent below the average.", "en", ["fall"]),
    ("Es gab 500 Menschen über 80 Jahren.", "de", [None, None]),  # a noun between: an age bound, no reference
])
def test_a_difference_from_a_reference_carries_its_direction(text: str, lang: str, changes: list) -> None:
    assert [q.change for q in read_quantities(text, lang=lang)] == changes


@pytest.mark.parametrize("text, lang, values", [
    # the first level of a change takes the minor unit of the second with its currency (probe of session 37)
    ("Der Arbeitspreis sinkt von 38,9 auf 34,5 Cent je Kilowattstunde.", "de", [0.389, 0.345]),
    ("The price fell from 38.9 to 34.5 cents.", "en", [0.389, 0.345]),
    ("Die Preise steigen um 60 beziehungsweise 46 Cent.", "de", [0.6, 0.46]),
    ("Der Verlust stieg von 300 auf 400 TEUR.", "de", [300000.0, 400000.0]),
    ("Der Preis stieg von 3 auf 5 Euro.", "de", [3.0, 5.0]),
])
def test_a_level_written_bare_takes_the_minor_unit_of_the_next(text: str, lang: str, values: list) -> None:
    assert [q.value for q in read_quantities(text, lang=lang)] == pytest.approx(values)


@pytest.mark.parametrize("text, lang, changes", [
    # the levels of a change are no changes themselves, whatever verb ends the clause
    ("In der EU ging sie von 20,9 auf 20,7 Prozent zurück.", "de", [None, None]),
    ("Der Index hatte um 1,5 Punkte auf 100,4 Punkte verloren.", "de", ["fall", None]),
    ("Die Dividende soll um 10 Cent auf 70 Cent je Aktie steigen.", "de", ["rise", None]),
    ("Im Burgenland nahmen die Straftaten in den drei Monaten um 608 Anzeigen zu.", "de", [None, "rise"]),
])
def test_the_levels_of_a_change_state_no_change(text: str, lang: str, changes: list) -> None:
    assert [q.change for q in read_quantities(text, lang=lang)] == changes


@pytest.mark.parametrize("text, read", [
    # a month before "des vergangenen Jahres" is last year's (probe of session 37: "im April des vergangenen Jahres"
    # had been this April)
    ("Es waren 182.000 mehr als im April des vergangenen Jahres.", ("April des vergangenen Jahres", "2024-04")),
    ("Im November des kommenden Jahres wird gewählt.", ("November des kommenden Jahres", "2026-11")),
])
def test_a_month_of_a_year_named_from_the_time_of_writing(text: str, read: tuple) -> None:
    dates = [(q.text, q.date) for q in read_quantities(text, published=dt.date(2025, 4, 30)) if q.kind == "date"]
    assert dates == [read]
