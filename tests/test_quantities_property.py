"""Property tests: German renderings of random values read back to the same value,
and no input (random unicode, HTML, long digit runs, empty) crashes the reader."""
from __future__ import annotations

import datetime as dt
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.quantities import read_quantities

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
UNITS = ["", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
TEENS = ["zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"]
TENS = ["", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]


def german_words(n: int) -> str:
    """1 <= n < 1,000,000 as one German number word (written here, independent of the reader)."""
    def below_100(k: int) -> str:
        if k < 10:
            return UNITS[k]
        if k < 20:
            return TEENS[k - 10]
        unit = "ein" if k % 10 == 1 else UNITS[k % 10]
        return (unit + "und" if unit else "") + TENS[k // 10]

    def below_1000(k: int) -> str:
        hundreds, rest = divmod(k, 100)
        head = ("ein" if hundreds == 1 else UNITS[hundreds]) + "hundert" if hundreds else ""
        return head + (below_100(rest) if rest else "")

    thousands, rest = divmod(n, 1000)
    head = ("ein" if thousands == 1 else below_1000(thousands)) + "tausend" if thousands else ""
    return head + (below_1000(rest) if rest else "")


def grouped(n: int, mark: str) -> str:
    return f"{n:,}".replace(",", mark)


def german_decimal(x: float, places: int) -> str:
    return f"{x:.{places}f}".replace(".", ",")


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


@SETTINGS
@given(n=st.integers(min_value=2, max_value=10**9), mark=st.sampled_from([".", " ", "'", ""]))
def test_grouped_counts_read_back(n: int, mark: str) -> None:
    text = f"Die Behörde zählte {grouped(n, mark)} Einwohner."
    (q,) = read_quantities(text)
    assert (q.kind, q.value, q.unit, q.noun) == ("count", float(n), "inhabitants", "Einwohner")


@SETTINGS
@given(cents=st.integers(min_value=1, max_value=10**7), places=st.sampled_from([1, 2]),
       cur=st.sampled_from([("Euro", "EUR"), ("Dollar", "USD"), ("Franken", "CHF"), ("€", "EUR"), ("Pfund", "GBP")]))
def test_decimal_money_reads_back(cents: int, places: int, cur: tuple[str, str]) -> None:
    x = round(cents / 100, places)
    (q,) = read_quantities(f"Der Preis lag bei {german_decimal(x, places)} {cur[0]} am Ende.")
    assert q.kind == "money" and q.unit == cur[1] and close(q.value, x)


@SETTINGS
@given(whole=st.integers(min_value=1, max_value=999), frac=st.integers(min_value=0, max_value=9),
       scale=st.sampled_from([("Tsd.", 1e3), ("Millionen", 1e6), ("Mio.", 1e6), ("Milliarden", 1e9), ("Mrd.", 1e9), ("Billionen", 1e12)]))
def test_scaled_amounts_read_back(whole: int, frac: int, scale: tuple[str, float]) -> None:
    written = f"{whole},{frac}" if frac else str(whole)
    (q,) = read_quantities(f"Der Konzern investiert {written} {scale[0]} Euro.")
    assert q.kind == "money" and q.unit == "EUR"
    assert close(q.value, (whole + frac / 10) * scale[1])


@SETTINGS
@given(n=st.integers(min_value=2, max_value=999_999))
def test_number_words_read_back(n: int) -> None:
    word = german_words(n)
    (q,) = read_quantities(f"Das Verfahren dauerte {word} Tage.")
    assert (q.text, q.kind, q.value, q.unit) == (f"{word} Tage", "duration", float(n), "day")


@SETTINGS
@given(x=st.integers(min_value=0, max_value=10000), places=st.sampled_from([0, 1, 2]),
       sign=st.sampled_from(["Prozent", "%", "Prozentpunkte"]))
def test_percentages_read_back(x: int, places: int, sign: str) -> None:
    value = x / 10**places
    (q,) = read_quantities(f"Der Anteil stieg um {german_decimal(value, places)} {sign} im Jahresvergleich.")
    assert q.kind == "percent" and close(q.value, value)
    assert q.unit == ("pp" if sign == "Prozentpunkte" else "percent")


@SETTINGS
@given(day=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)),
       form=st.sampled_from(["long", "numeric", "month"]))
def test_dates_read_back(day: dt.date, form: str) -> None:
    if form == "long":
        written, want = f"{day.day}. {MONTHS[day.month - 1]} {day.year}", day.isoformat()
    elif form == "numeric":
        written, want = f"{day.day:02d}.{day.month:02d}.{day.year}", day.isoformat()
    else:
        written, want = f"{MONTHS[day.month - 1]} {day.year}", f"{day.year}-{day.month:02d}"
    (q,) = read_quantities(f"Die Entscheidung fiel am {written} in Berlin.")
    assert (q.text, q.kind, q.date) == (written, "date", want)
    assert q.date_low <= day.isoformat() <= q.date_high


@SETTINGS
@given(n=st.integers(min_value=1, max_value=500), unit=st.sampled_from([("Tagen", "day"), ("Wochen", "week"), ("Monaten", "month")]),
       published=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 12, 31)))
def test_deadlines_resolve_after_publication(n: int, unit: tuple[str, str], published: dt.date) -> None:
    (q,) = read_quantities(f"Die Firma muss binnen {n} {unit[0]} verkaufen.", published=published)
    assert (q.kind, q.relation, q.value, q.unit) == ("duration", "deadline", float(n), unit[1])
    assert q.date_low == published.isoformat() and q.date > published.isoformat() and q.date == q.date_high


@SETTINGS
@given(n=st.integers(min_value=2, max_value=10**6), hedge=st.sampled_from(["rund", "etwa", "mehr als", "bis zu", "knapp", "mindestens"]))
def test_hedged_values_keep_the_value_inside_their_bounds(n: int, hedge: str) -> None:
    (q,) = read_quantities(f"Es kamen {hedge} {grouped(n, '.')} Menschen.")
    assert q.value == float(n) and q.hedge in ("approx", "min", "max")
    assert (q.low is None or q.low <= n) and (q.high is None or n <= q.high)


def _check_spans(text: str, found) -> None:
    assert isinstance(found, list)
    last = 0
    for q in found:
        assert 0 <= q.start < q.end <= len(text) and text[q.start:q.end] == q.text
        assert q.start >= last
        last = q.end


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=400), lang=st.sampled_from(["de", "en"]), published=st.none() | st.dates())
def test_random_unicode_never_crashes(text: str, lang: str, published) -> None:
    _check_spans(text, read_quantities(text, published=published, lang=lang))


FIGURE_BITS = ["100", "1.500", "3,5", "Mio.", "Euro", "€", "$", "Prozent", "%", "rund", "mehr als", "bis", "-", "zwischen", "und",
               "November", "2019", "17.", "Mitte", "binnen", "drei", "Monaten", "seit", "Tage", "ein", "Drittel", "(", ")", ":",
               "Uhr", "Windows", "10", "G20", "Covid-19", " ", "\n", ".", ",", "<p>", "&nbsp;", "1./2.", "0800", "+49"]


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from(FIGURE_BITS), max_size=40), published=st.none() | st.dates())
def test_figure_fragments_in_any_order_never_crash(parts: list[str], published) -> None:
    text = " ".join(parts)
    _check_spans(text, read_quantities(text, published=published))


@settings(max_examples=50, deadline=None)
@given(tags=st.lists(st.sampled_from(["<div>", "</div>", "<p class='x'>", "<br/>", "<script>var a = 2020;</script>", "&amp;",
                                      "<a href='https://example.com/2020/05/artikel-100'>", "</a>", "Umsatz: 1.500&nbsp;Euro"]),
                     max_size=60))
def test_html_never_crashes(tags: list[str]) -> None:
    text = "".join(tags)
    _check_spans(text, read_quantities(text))


def test_a_megabyte_of_digits_and_empty_input_do_not_crash() -> None:
    digits = "0123456789" * 100_000
    assert read_quantities(digits) == []
    spaced = "12 " * 20_000  # many small figures, one after the other
    _check_spans(spaced, read_quantities(spaced))
    assert read_quantities("") == []
    assert read_quantities(" \n\t ") == []


@settings(max_examples=200, deadline=None)
@given(text=st.sampled_from(["im November", "am 3. Dezember", "am Montag", "kommenden Freitag", "binnen 3 Monaten",
                             "seit 10 Jahren", "vor 2 Wochen", "im ersten Quartal", "bis Mitte September", "Mitte 0000",
                             "17.08.0000", "Ende 9999", "31.02.2020", "29. Februar 2021", "binnen 9999 Jahren"]),
       published=st.sampled_from([dt.date.min, dt.date.max]) | st.dates())
def test_dates_at_the_ends_of_the_calendar_never_crash(text: str, published: dt.date) -> None:
    _check_spans(text, read_quantities(text, published=published))
