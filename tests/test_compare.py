"""Numbers compared as numbers, dates as dates, with the hedges of both sides."""
import datetime as dt

import pytest

from claimcheck.compare import compare, comparable, format_quantity
from claimcheck.quantities import read_quantities

PUBLISHED = dt.date(2020, 8, 17)


def one(text: str, lang: str = "de", published=PUBLISHED):
    found = read_quantities(text, lang=lang, published=published)
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.parametrize("claim, fact, lang, agree", [
    ("rund 100 Millionen Nutzer", "100 million users", "en", True),
    ("mehr als 140 Mio. Nutzer", "150 Millionen Nutzer", "de", True),
    ("mehr als 140 Mio. Nutzer", "130 Millionen Nutzer", "de", False),
    ("800 Mio. Dollar", "1,2 Mrd. Dollar", "de", False),
    ("800 Millionen Dollar", "about $800 million", "en", True),
    ("80 Millionen Nutzer", "rund 100 Millionen Nutzer", "de", False),
    ("bis zu 12 Prozent", "10 Prozent", "de", True),
    ("bis zu 12 Prozent", "15 Prozent", "de", False),
    ("zwischen 10 und 12 Tonnen", "11 Tonnen", "de", True),
    ("1500 Mitarbeiter", "etwa 1.500 Mitarbeiter", "de", True),
    ("1500 Mitarbeiter", "1,488 employees", "en", True),  # news rounds: within the stated tolerance
    ("1500 Mitarbeiter", "1,200 employees", "en", False),
    # a hedge states its own rounding: no tolerance on top, on either side
    ("rund 36 Milliarden Euro", "34,1 Milliarden Euro", "de", False),
    ("rund 36 Milliarden Euro", "35,5 Milliarden Euro", "de", True),
    ("3.636 Fälle", "rund 3.900 Fälle", "de", False),
    ("bis zu 50.000 Euro", "51.000 Euro", "de", False),
    ("zwischen 10 und 12 Tonnen", "12,2 Tonnen", "de", False),
    ("1,5 Milliarden Euro", "1,52 Milliarden Euro", "de", True),  # two exact figures keep the tolerance
    # ... up to half a unit of their last non-zero digit: a figure written to its last digit is not rounded
    ("1257 Gewerbebetriebe", "1275 Gewerbebetriebe", "de", False),
    ("9,85 Euro", "9,60 Euro", "de", False),
    ("130 Stimmen", "135 Stimmen", "de", False),
    ("1.700 Stellen", "1.680 Stellen", "de", True),
    ("2.430 Bewerbungen", "2.429 Bewerbungen", "de", True),
    # a hedged figure written to three digits is rounded in its last one, not by 5 % (a probe of labour news)
    ("knapp 46 Millionen Erwerbstätige", "Rund 44,1 Millionen Erwerbstätige", "de", False),
    ("knapp 46 Millionen Erwerbstätige", "about 45.8 million people in work", "en", True),
    ("knapp 46 Millionen Erwerbstätige", "44.9 million people in work", "en", False),
    ("rund 83,2 Millionen Einwohner", "80 million inhabitants", "en", False),
    ("rund 83,2 Millionen Einwohner", "83.1 million inhabitants", "en", True),
    ("rund 3500 Mitarbeiter", "3,650 employees", "en", True),  # two digits keep the 5 %
    # of two exact figures only the coarser stands for rounding (a probe of budget news: child benefit)
    ("255 Euro im Monat", "250 euros per month", "en", False),
    ("254 Euro im Monat", "250 euros per month", "en", True),
    ("2,55 Millionen Euro", "2,5 Millionen Euro", "de", False),
])
def test_numbers_agree_or_disagree_honouring_hedges(claim, fact, lang, agree):
    result = compare(one(claim), one(fact, lang))
    assert result is not None and result.agree is agree


@pytest.mark.parametrize("claim, fact, lang, agree", [
    ("5,77 Milliarden Minuten", "about 5.77 billion minutes", "en", True),  # minutes and seconds are durations too
    ("5,77 Milliarden Minuten", "about 8.5 billion minutes", "en", False),
    ("90 Sekunden", "1.5 minutes", "en", True),
    ("bei 155,6", "155,6 Neuinfektionen", "de", True),  # a bare decimal is a number like a count without its noun
    ("bei 155,6", "215,6 Neuinfektionen", "de", False),
])
def test_minutes_and_bare_numbers_are_compared(claim, fact, lang, agree):
    result = compare(one(claim), one(fact, lang))
    assert result is not None and result.agree is agree


@pytest.mark.parametrize("claim, fact, agree", [
    ("bis zu 50.000 Euro", "höchstens 100.000 Euro", False),  # two caps: as open intervals they overlapped
    ("bis zu 50.000 Euro", "höchstens 50.000 Euro", True),
    ("mehr als 140 Mio. Nutzer", "mehr als 100 Millionen Nutzer", False),
    ("bis zu 50.000 Euro", "rund 40.000 Euro", True),  # a figure within the cap still agrees
])
def test_two_bounds_of_one_direction_compare_their_bounds(claim, fact, agree):
    result = compare(one(claim), one(fact))
    assert result.agree is agree
    assert (result.distance > 0) is (not agree)
    assert result.claim_text.startswith(("≤", "≥"))  # the reason still shows the hedge


@pytest.mark.parametrize("claim, fact, lang, agree", [
    # a percentage is stated to its last decimal place: neighbours there are other rates
    ("5,7 Prozent", "5.9 percent", "en", False),   # 3 % apart: the relative tolerance of counts let it agree
    ("75 Prozent", "77 percent", "en", False),
    ("1,5 Prozent", "1,6 Prozent", "de", False),
    ("40 Prozent", "41 Prozent", "de", False),
    ("5,7 Prozent", "5.72 percent", "en", True),   # the same rate, stated more precisely
    ("5,7 Prozent", "5,75 Prozent", "de", False),  # ... which rounds to 5,8
    ("40 Prozent", "40,4 Prozent", "de", True),
    ("rund 6 Prozent", "5,8 Prozent", "de", True),  # a hedge still widens it
    ("zwei von drei", "67 percent", "en", True),
    # a written zero after the decimal mark states the tenth too (a probe of inflation news: 3,4 % had agreed with 3,0 %)
    ("3,4 Prozent", "3,0 Prozent", "de", False),
    ("2,0 Prozent", "2.4 percent", "en", False),
    ("3,0 Prozent", "3,04 Prozent", "de", True),
    ("3 Prozent", "3,4 Prozent", "de", True),  # a whole rate may stand for 3,4
])
def test_percentages_agree_to_their_last_decimal_place(claim, fact, lang, agree):
    result = compare(one(claim), one(fact, lang))
    assert result is not None and result.agree is agree


def test_nights_compare_with_nights_only():
    # a probe of tourism statistics: "4,3 Nächte" had found no comparable figure in "4.3 nights"
    stay = one("Die Gäste blieben im Schnitt 4,3 Nächte.")
    assert compare(stay, one("Guests stayed 4.3 nights on average.", "en")).agree
    assert not compare(stay, one("Guests stayed 3.4 nights on average.", "en")).agree
    assert compare(stay, one("Die Gäste blieben im Schnitt 4,3 Tage.")) is None  # a stay's nights are not its days
    assert format_quantity(stay) == "4,3 nights"
    price = one("A room costs 120 euros a night.", "en")  # a rate, not a night of its own
    assert price.text == "120 euros a night" and price.per == "night"


def test_minutes_are_not_restated_in_days():
    assert format_quantity(one("90 Minuten")) == "90 minutes"
    assert format_quantity(one("drei Monate")).endswith("(≈91 days)")


@pytest.mark.parametrize("claim, fact, lang, agree", [
    ("binnen drei Monaten", "90 days", "en", True),
    ("binnen sechs Monaten", "90 days", "en", False),
    ("bis Mitte September", "20 September 2020", "en", True),
    ("bis Mitte September", "30 September 2020", "en", False),
    ("im November 2019", "November 2019", "en", True),
    ("im November 2019", "November 2017", "en", False),
    ("2017", "in November 2017", "en", True),
    ("am 3. Dezember 2020", "3 December 2020", "en", True),
    # a duration rounds by 5 %, but no further than half a unit of its last non-zero digit in its own unit
    ("77 Jahre", "74 years", "en", False),
    ("drei Monate", "90 days", "en", True),
    ("20 Jahre", "21 years", "en", True),
])
def test_durations_and_dates(claim, fact, lang, agree):
    result = compare(one(claim), one(fact, lang))
    assert result is not None and result.agree is agree


def test_a_deadline_compares_as_a_duration_not_with_dates():
    deadline = one("binnen drei Monaten")  # from 2020-08-17: about 2020-11-17
    assert deadline.date == "2020-11-17"
    assert compare(deadline, one("12 November 2020", "en")) is None
    assert compare(deadline, one("within 90 days", "en")).agree


@pytest.mark.parametrize("claim, fact, lang", [
    ("800 Millionen Dollar", "800 Millionen Euro", "de"),  # no exchange rates: never comparable
    ("100 Millionen Nutzer", "100 Millionen Mitarbeiter", "de"),  # users are not employees
    ("3,5 Prozent", "3,5 Millionen Euro", "de"),
    ("seit zehn Jahren", "2010", "en"),
])
def test_other_units_and_measures_are_not_compared(claim, fact, lang):
    assert compare(one(claim), one(fact, lang)) is None


def test_an_age_is_compared_only_with_an_age():
    # "ab 12 Jahren erschienen" is an age limit, "dauerte rund zwei Jahre" a development time (verification set)
    limit = one("Need for Speed ist ab 12 Jahren erschienen.")
    assert compare(limit, one("Die Entwicklung dauerte rund zwei Jahre.")) is None
    assert not compare(limit, one("Need for Speed ist erst ab 18 Jahren freigegeben.")).agree
    assert compare(one("Er starb mit 64 Jahren."), one("Hal Willner died aged 64.", "en")).agree
    assert compare(one("Der 74-jährige US-Präsident sprach."), one("Donald Trump was 74 years old.", "en")).agree
    assert compare(one("Er starb mit 64 Jahren."), one("Er produzierte 40 Jahre lang die Show.")) is None
    # a "-jährig" compound of a period stays a period: "das 800-jährige Bestehen" agrees with "seit 800 Jahren"
    assert compare(one("Sie feierten das 800-jährige Bestehen."), one("Die Urkunde gilt seit 800 Jahren.")).agree
    assert format_quantity(one("Er starb mit 64 Jahren.")) == "aged 64"
    # an elliptic clause after an age is an age too (a probe of population news: the fathers' age met the mothers')
    mothers, fathers = read_quantities("Mütter waren im Schnitt 30,3 Jahre alt, Väter 33,2 Jahre.")
    assert fathers.relation == "age"
    assert compare(fathers, one("Fathers were on average 33.2 years old.", "en")).agree
    assert compare(mothers, one("Das Durchschnittsalter der Mütter lag bei 30,3 Jahren.")).agree


def test_a_span_since_is_compared_with_a_date_since_as_the_date_it_names():
    # a probe of company news: "der das Unternehmen seit fünf Jahren führt" against "leads ... since 2019"
    published = dt.date(2024, 11, 14)
    five, eight = one("seit fünf Jahren", published=published), one("seit acht Jahren", published=published)
    since = one("Karsten Rogall leads the company since 2019.", "en", published=published)
    assert compare(five, since).agree and compare(since, five).agree
    assert not compare(eight, since).agree
    assert compare(five, one("Er ist seit Juni 2019 Chef.", published=published)).agree  # half a year either way
    assert compare(five, one("Er wurde 2019 Chef.", published=published)) is None  # only a date with "seit"
    assert compare(one("seit über 20 Jahren", published=published), one("seit 1999", published=published)) is None


def test_comparable_allows_a_count_without_noun():
    assert comparable(one("100 Millionen Nutzer"), one("100 Millionen"))


@pytest.mark.parametrize("claim, fact, lang, same", [
    ("250 Millionen Dosen", "250 Mio. Impfdosen", "de", True),  # vaccine doses are doses
    ("625 Neuinfektionen", "625 new cases", "en", True),  # new infections are infections, infections cases
    ("100 Fälle", "100 Neuinfektionen", "de", True),
    ("625 Neuinfektionen", "625 deaths", "en", False),  # never sideways
    ("250 Millionen Dosen", "250 Millionen Nutzer", "de", False),
    ("24.694 Infizierte", "24,694 infections", "en", True),  # the infected are infections counted by person
    ("223.453 Menschen", "rund 223.500 Infektionen", "de", True),  # people: any persons, cases too
    ("625 Neuinfektionen", "625 Infizierte", "de", False),  # new ones are not all of them
])
def test_a_count_unit_is_comparable_with_the_more_general_one(claim, fact, lang, same):
    assert comparable(one(claim), one(fact, lang)) is same


def test_exact_specific_agreement_is_more_telling_than_a_round_one():
    specific = compare(one("160.725 Wahlkarten"), one("160 725 Wahlkarten"))
    round_ = compare(one("rund 100 Millionen Nutzer"), one("100 Millionen Nutzer"))
    assert specific.specificity > round_.specificity > 0


def test_agreeing_with_a_loose_bound_tells_little():
    # "bis zu 10.000" holds for any smaller count and "über 16,3 Millionen" for any larger sum: such
    # a fact is consistent with the claim but does not state its figure.
    near = compare(one("mehr als 140 Millionen Nutzer"), one("150 Millionen Nutzer"))
    loose = compare(one("2.429 Menschen"), one("bis zu 10.000 Menschen"))
    beyond = compare(one("750 Milliarden Euro"), one("über 16,3 Millionen Euro"))
    assert near.agree and loose.agree and beyond.agree
    assert near.specificity > loose.specificity > beyond.specificity
    assert loose.specificity < 0.15 and beyond.specificity < 0.01


def test_two_bounds_of_opposite_directions_agree_as_loosely_as_they_lie_apart():
    # "at least 8" and "at most 10,000" both hold for any count between them.
    loose = compare(one("mindestens acht Menschen"), one("bis zu 10.000 Menschen"))
    near = compare(one("mindestens 9.000 Menschen"), one("bis zu 10.000 Menschen"))
    assert loose.agree and near.agree
    assert loose.specificity < 0.01 < near.specificity


def test_a_loose_duration_bound_tells_little():
    loose = compare(one("mehr als eine Minute"), one("ein Jahr"))
    assert loose.agree and loose.specificity < 0.01
    assert compare(one("drei Monate"), one("90 days", "en")).specificity == 0.3


def test_a_simple_share_in_words_is_no_specific_figure():
    # "ein Drittel" reads as 33,3333 %: its repeating decimals do not make it a telling figure.
    third = compare(one("ein Drittel der Stimmen"), one("33,3 Prozent der Stimmen"))
    written = compare(one("33,3 Prozent der Stimmen"), one("33,3 Prozent der Stimmen"))
    eighth = compare(one("12,5 Prozent der Stimmen"), one("12,5 Prozent der Stimmen"))
    assert third.agree and third.specificity == 0.25
    assert written.specificity == eighth.specificity == 0.75


def test_reason_formatting():
    assert format_quantity(one("rund 100 Millionen Nutzer")) == "~100 Mio. users"
    assert format_quantity(one("1,2 Milliarden Dollar")) == "1,2 Mrd. USD"
    # a reason names the days a date means where the ISO date says more: a quarter is no whole year
    assert format_quantity(one("im dritten Quartal 2023")) == "2023-07-01..2023-09-30"
    assert format_quantity(one("im November 2019")) == "2019-11"
    assert format_quantity(one("90 Tage", published=None)) == "90 days"
    # a bound on a date is named: the latest and the earliest day it allows
    assert format_quantity(one("spätestens 2020")) == "until 2020"
    assert format_quantity(one("frühestens 2017")) == "from 2017"
    assert format_quantity(one("vor 2015")) == "before 2015"
    assert format_quantity(one("nach dem 18. Februar 2020")) == "after 2020-02-18"


@pytest.mark.parametrize("claim, fact, lang, agree", [
    ("vor 2015 gegründet", "gegründet 2015", "de", False),  # before 2015: any day up to its eve
    ("vor 2015 gegründet", "founded in 2016", "en", False),
    ("am 3. März 2020", "vor dem 1. März 2020", "de", False),
    ("vor 2015 gegründet", "founded before 2015", "en", True),
    ("vor 2015 gegründet", "vor 2010 gegründet", "de", False),  # two limits of one direction: the limits compared
    # a date within the open span is no evidence either way (None): "Mitte April" against a fact framed
    # "Vor dem 25. November 2020 lag der Höchstwert bei 315"
    ("vor 2015 gegründet", "founded in 2012", "en", None),
    ("Mitte April 2020", "Vor dem 25. November 2020", "de", None),
    # and after a date likewise: "nach dem 18. Februar 2020" is any day from the 19th on
    ("nach dem 18. Februar 2020", "am 18. Februar 2020", "de", False),
    ("nach dem 18. Februar 2020", "am 25. Februar 2020", "de", None),
    ("nach dem 18. Februar 2020", "nach dem 20. Februar 2020", "de", False),
])
def test_a_date_before_another_disagrees_with_a_date_past_it(claim, fact, lang, agree):
    result = compare(one(claim), one(fact, lang))
    assert (result if result is None else result.agree) is agree


def test_a_reason_counts_two_years_apart_by_their_numbers_and_other_dates_by_days():
    assert compare(one("im Jahr 2007"), one("im Jahr 2006")).detail == "1 year apart"  # a day lies between them
    assert compare(one("im Jahr 2015"), one("im Jahr 2009")).detail == "6 years apart"
    assert compare(one("am 3. April 2016"), one("am 4. April 2016")).detail == "1 day apart"
    assert compare(one("im November 2019"), one("am 20. Oktober 2019")).detail == "12 days apart"


def test_date_span_days_orders_precision():
    from claimcheck.compare import date_span_days
    from claimcheck.types import Quantity

    day = Quantity("3. April 2016", 0, 13, "date", date="2016-04-03")
    yearless_day = Quantity("3. Mai", 0, 6, "date", date="--05-03")
    month = Quantity("November 2019", 0, 13, "date", date="2019-11")
    year = Quantity("2016", 0, 4, "date", date="2016")
    assert date_span_days(day) == date_span_days(yearless_day) == 1
    assert date_span_days(month) == 30 and date_span_days(year) == 366
    assert date_span_days(Quantity("100", 0, 3, "count", 100.0)) is None


def test_dates_agree_only_as_specifically_as_the_coarser_date():
    from claimcheck.types import Quantity

    day = Quantity("9. Juni 2015", 0, 12, "date", date="2015-06-09")
    yearless_day = Quantity("9. Juni", 0, 7, "date", date="--06-09")
    year = Quantity("1998", 0, 4, "date", date="1998")
    decade = Quantity("1930er-Jahre", 0, 12, "date", date_low="1930-01-01", date_high="1939-12-31")
    in_the_decade = Quantity("1931", 0, 4, "date", date="1931")
    assert compare(yearless_day, day).specificity == 1.0  # the same day
    # '9. Juni' would be read in the year of '1998' and so agree by construction: not comparable
    assert compare(yearless_day, year) is None and compare(year, yearless_day) is None
    assert compare(yearless_day, decade) is None
    assert 0 < compare(decade, in_the_decade).specificity < compare(year, year).specificity


def test_yearless_dates_compare_by_day_and_month_and_borrow_only_a_finer_dates_year():
    from claimcheck.types import Quantity

    deadline = Quantity("Bis 4. September", 0, 16, "date", date="--09-04", relation="until")
    assert compare(deadline, Quantity("bis zum 4. September", 0, 20, "date", date="--09-04")).specificity == 1.0
    assert not compare(deadline, Quantity("bis zum 4. April", 0, 16, "date", date="--04-04")).agree
    month = compare(deadline, Quantity("September 2015", 0, 14, "date", date="2015-09"))
    assert month.agree and month.claim_figure.date == "2015-09-04" and month.specificity == 0.6
    leap = Quantity("29. Februar", 0, 11, "date", date="--02-29")
    assert compare(leap, leap).agree


def test_a_date_whose_year_the_text_never_writes_is_not_compared_with_a_year():
    from claimcheck.types import Quantity

    # "Wie der Konzern am Dienstag mitteilte" (read in the publication's year) against "Umsatz 2023": that
    # year dates another figure, and the weekday's year was never stated (it had been CONTRADICTED at 0.84)
    tuesday = Quantity("Dienstag", 0, 8, "date", date="2024-03-19")
    year = Quantity("2023", 0, 4, "date", date="2023")
    assert compare(tuesday, year) is None and compare(year, tuesday) is None
    assert compare(Quantity("im Mai", 3, 6, "date", date="2024-05"), year) is None
    assert compare(tuesday, Quantity("19. März 2024", 0, 13, "date", date="2024-03-19")).agree  # a day still answers it
    assert not compare(Quantity("3. Mai 2022", 0, 11, "date", date="2022-05-03"), year).agree  # its year is written
    assert compare(Quantity("Mai 2023", 0, 8, "date", date="2023-05"), year).agree
    assert not compare(Quantity("Mai ’22", 0, 7, "date", date="2022-05"), year).agree


def test_a_multiple_compares_with_multiples_never_with_counts():
    assert compare(one("Der Preis ist doppelt so hoch."), one("The price is twice as high.", "en")).agree
    assert compare(one("Die Kosten reichen bis zum Doppelten."), one("Es kamen 25.000 Menschen.")) is None


def test_dates_lie_decades_apart_not_years():
    # A date changed by mistake lies a few years off, another event of the same subject often decades:
    # the verifier caps the distance at 3, so it is counted in decades to keep the two apart.
    mistaken = compare(one("1925"), one("1931"))
    other_event = compare(one("2001"), one("1982"))
    assert not mistaken.agree and not other_event.agree
    assert 0 < mistaken.distance < 1.0 < other_event.distance < 3.0


@pytest.mark.parametrize("claim, fact, lang, agree", [
    ("zwischen 20 und 40 Jahren", "40 bis 60 Jahre", "de", False),  # two brackets that only touch
    ("20 bis 40 Jahre", "30 bis 50 Jahre", "de", False),
    ("zwischen 12.000 und 29.000 Neuinfektionen", "between 12,000 and 29,000 infections", "en", True),
    ("8 bis 16 Tage", "10 bis 14 Tage", "de", True),  # one range holds the other
    ("zwischen 20 und 40 Jahren", "25 Jahre", "de", True),
])
def test_two_ranges_agree_where_one_holds_the_other(claim, fact, lang, agree):
    assert compare(one(claim), one(fact, lang)).agree is agree


@pytest.mark.parametrize("claim, fact, lang, agree, detail", [
    # two rates of different periods compare in the claim's period: 6,000 a year is 500 a month
    ("500 Euro pro Monat", "6,000 euros a year", "en", True, "same"),
    ("500 Euro pro Monat", "9,000 euros a year", "en", False, "differs by 33 %"),
    ("500 Euro pro Monat", "500 Euro pro Woche", "de", False, "differs by 77 %"),
    ("500 Euro pro Monat", "500 Euro", "de", True, "same"),  # a figure without a period may be a month's
])
def test_rates_of_different_periods_are_compared_in_one(claim, fact, lang, agree, detail):
    result = compare(one(claim), one(fact, lang))
    assert result.agree is agree and result.detail == detail
    assert format_quantity(one(claim)) == "500 EUR per month"


def test_a_period_named_before_the_noun_is_compared_as_a_rate():
    # session 40: "monatliche Abschlagszahlung" had read as a plain 154 euros, which 1,848 euros a year contradicted
    claim = one("Eine monatliche Abschlagszahlung von 154 Euro.")
    assert compare(claim, one("Instalments came to 1,848 euros a year.", "en")).agree
    assert not compare(claim, one("Instalments came to 2,400 euros a year.", "en")).agree


def test_the_time_a_figure_is_compared_with_is_compared_only_with_such_a_time():
    # "Unemployment was up by 178,000 compared with January 2024" had CONTRADICTED "am Freitag" (31 January 2025),
    # the day the agency reported, by 366 days (a probe of labour news)
    base = [q for q in read_quantities("Unemployment was up by 178,000 compared with January 2024.", lang="en")
            if q.kind == "date"][0]
    assert (base.text, base.relation) == ("January 2024", "compared")
    friday = one("Wie die Bundesagentur am Freitag mitteilte.", published=dt.date(2025, 1, 31))
    assert compare(friday, base) is None and compare(base, friday) is None
    german_base = [q for q in read_quantities("Die Zahl stieg im Vergleich zum Januar 2024 um 178.000.")
                   if q.kind == "date"][0]
    assert german_base.relation == "compared" and compare(german_base, base).agree
    assert not compare(one("gegenüber 2019 gestiegen"), base).agree


def test_a_date_finer_than_a_year_after_a_since_date_is_not_compared_with_it():
    # "Wie die Bundesagentur am Freitag mitteilte" against "Andrea Nahles ist seit August 2022 Vorstandsvorsitzende":
    # the state holds on every later day, so the report day is neither confirmed nor denied (it had been CONTRADICTED
    # at 0.86 on a probe of labour news)
    friday = one("Wie die Bundesagentur am Freitag mitteilte.", published=dt.date(2025, 1, 31))
    since = one("Nahles ist seit August 2022 Chefin der Bundesagentur.", published=dt.date(2025, 1, 31))
    assert since.relation == "since" and compare(friday, since) is None
    window = one("vom 1. bis einschließlich 27. Januar gemeldet", published=dt.date(2025, 1, 31))
    assert compare(window, since) is None and compare(one("im Mai 2024 gemeldet"), since) is None
    assert compare(one("bis Ende Dezember informieren", published=dt.date(2024, 11, 6)), since) is None
    assert not compare(one("2021 angetreten"), since).agree  # a year may date the state's start: still compared
    assert not compare(one("am 3. Mai 2021 angetreten"), since).agree  # a day before it still disagrees
    assert compare(one("seit 2014 verheiratet"), one("2016 heirateten sie")) is not None  # a since claim is compared


@pytest.mark.parametrize("claim, fact, lang, agree, detail", [
    # two changes of opposite direction disagree however near their numbers (Quantity.change)
    ("Die Mieten stiegen um 3,5 Prozent.", "Rents fell by 3.5 percent.", "en", False, "one rose, the other fell"),
    ("Die Mieten sanken um 3,5 Prozent.", "Rents fell by 3.5 percent.", "en", True, "same"),
    ("Die Mieten sanken um 3,5 Prozent.", "Rents fell by 5 percent.", "en", False, "differs by 30 %"),
    # a change against a figure that names no direction is compared as numbers, as before
    ("Die Mieten stiegen um 3,5 Prozent.", "Die Mieten: 3,5 Prozent.", "de", True, "same"),
])
def test_changes_of_opposite_direction_disagree(claim, fact, lang, agree, detail):
    result = compare(one(claim), one(fact, lang))
    assert result.agree is agree and result.detail == detail


def test_a_reason_shows_the_direction_of_a_change():
    assert format_quantity(one("Die Mieten stiegen um rund 3,5 Prozent.")) == "up ~3,5 %"
    assert format_quantity(one("Rents fell by 3.5 percent.", "en")) == "down 3,5 %"


@pytest.mark.parametrize("claim, fact, lang, agree", [
    # a figure counted per a unit compares only with one counted per the same unit, or one it converts into
    ("31 Cent je Kilowattstunde", "310 euros per MWh", "en", True),
    ("31 Cent je Kilowattstunde", "35 ct/kWh", "de", False),
    ("31 Cent je Kilowattstunde", "30.000 Euro", "de", None),  # a kWh price is no grant
    ("17,80 Euro pro Quadratmeter", "17,80 Euro je Kilowattstunde", "de", None),
    ("45.000 Euro pro Kopf", "45,000 euros per capita", "en", True),
])
def test_a_price_per_unit_compares_only_per_the_same_unit(claim, fact, lang, agree):
    result = compare(one(claim), one(fact, lang))
    assert (result.agree if result is not None else None) is agree
