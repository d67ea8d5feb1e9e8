"""Calendar arithmetic for the quantity reader: parts of months and years,
deadlines from a publication date, the year of a date written without one."""
from __future__ import annotations

import calendar
import datetime as dt
from typing import Optional

Day = dt.date

# How far ahead a year-less date written without tense cues may lie ("am
# 3. November" in an August article is this year's, "Mitte April" in a
# November article last year's).
FUTURE_WINDOW_DAYS = 122
# ... and a date something is set for ("für den 3. Januar ausgebucht", "war für Ende September
# terminiert"), whatever the clause's tense: schedules look ahead, so up to about nine months.
TARGET_WINDOW_DAYS = 270
# A date this few days before publication is the one just past, even where the text looks ahead
# ("beide Messen bis 27. 9." in an article dated the 28th): news is often dated a day or two after
# it was written, and a date nearly a year ahead is the less likely reading.
RECENT_PAST_DAYS = 3

# Thirds of a month (days) and of a year (months): "Anfang" = early, "Mitte" =
# mid, "Ende" = late. Seasons are meteorological.
_MONTH_THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_YEAR_PARTS = {
    "early": (1, 4), "mid": (5, 8), "late": (9, 12),
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11),
}


# Years of a decade that "Anfang der", "Mitte der", "Ende der 1990er Jahre" name.
_DECADE_PARTS = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}


def decade_interval(first_year: int, part: Optional[str] = None) -> tuple[Day, Day]:
    """The days of a decade ("1990er Jahre"), or of its early, mid or late years."""
    first, last = _DECADE_PARTS.get(part or "", (0, 9))
    return Day(first_year + first, 1, 1), Day(first_year + last, 12, 31)


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def month_interval(year: int, month: int, part: Optional[str] = None) -> tuple[Day, Day]:
    first, last = _MONTH_THIRDS.get(part or "", (1, 31))
    return Day(year, month, first), Day(year, month, min(last, last_day(year, month)))


def iso_interval(iso: str) -> tuple[Day, Day]:
    """The days an ISO date at its precision stands for: "2020" -> the year, "2020-08" -> the month."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return year_interval(parts[0])
    if len(parts) == 2:
        return month_interval(parts[0], parts[1])
    day = Day(*parts)
    return day, day


def year_interval(year: int, part: Optional[str] = None) -> tuple[Day, Day]:
    if part == "winter":  # December to the end of February of the next year
        return Day(year, 12, 1), Day(year + 1, 2, last_day(year + 1, 2))
    first, last = _YEAR_PARTS.get(part or "", (1, 12))
    return Day(year, first, 1), Day(year, last, last_day(year, last))


def add_months(day: Day, months: int) -> Day:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return Day(year, month, min(day.day, last_day(year, month)))


def shift(day: Day, value: float, unit: str, sign: int = 1) -> Optional[Day]:
    """`day` moved by a duration ("3 month" from 2020-08-17 -> 2020-11-17)."""
    try:
        if unit in ("month", "year"):
            months = value * (12 if unit == "year" else 1)
            if months == int(months):
                return add_months(day, sign * int(months))
            return day + sign * dt.timedelta(days=round(months * 30.44))
        days = {"day": 1, "week": 7}.get(unit)
        if days is None:  # hours, minutes: the deadline is the same day
            return day
        return day + sign * dt.timedelta(days=value * days)
    except (OverflowError, ValueError):
        return None


def resolve_year(month: int, day: Optional[int], published: Day, mode: str) -> int:
    """The year of "im November" / "am 3. Dezember" written without one.

    mode "future" ("bis Mitte September"): the next such date on or after
    publication; "past" ("seit November"): the last one on or before it;
    "nearest": the coming one if it is at most FUTURE_WINDOW_DAYS ahead (news
    announces imminent events), else the last one; "target": the same with
    TARGET_WINDOW_DAYS.
    """
    d = min(day or 1, 28)
    this = Day(published.year, month, d)
    past = this if this <= published else Day(published.year - 1, month, d)
    future = this if this >= published else Day(published.year + 1, month, d)
    if day is None:  # a whole month that contains the publication day is both
        if month == published.month:
            return published.year
    if mode == "future":
        return past.year if (published - past).days <= RECENT_PAST_DAYS else future.year
    if mode == "past":
        return past.year
    window = TARGET_WINDOW_DAYS if mode == "target" else FUTURE_WINDOW_DAYS
    return future.year if (future - published).days <= window else past.year


def on_weekday(day: Day, weekday: int, published: Day) -> Day:
    """A date written without its year but with its weekday ("Freitag, 22. Januar"): the year next to
    the publication's in which it falls on that weekday, the nearest such; `day` as resolved when none does."""
    fits = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = day.replace(year=year)
        except ValueError:  # 29 February
            continue
        if candidate.weekday() == weekday:
            fits.append(candidate)
    return min(fits, key=lambda d: abs((d - published).days), default=day)


def weekday_in_week(weekday: int, published: Day, weeks: int) -> Day:
    """The weekday of the week `weeks` from the publication's ("Dienstag vergangener Woche": -1)."""
    monday = published - dt.timedelta(days=published.weekday())
    return monday + dt.timedelta(weeks=weeks, days=weekday)


def weekday_date(weekday: int, published: Day, mode: str) -> Day:
    """The date of a weekday named without one.

    mode "nearest" (no tense cue): the closer of the two, ties to the past;
    "past" ("am Montag" told in the past tense): the last such day on or
    before publication; "last" ("am vergangenen Montag"): the last before it;
    "future" (future tense, "bis Montag"): the first on or after it; "next"
    ("kommenden Montag"): the first after it.
    """
    if mode == "next":
        return published + dt.timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    if mode == "last":
        return published - dt.timedelta(days=(published.weekday() - weekday - 1) % 7 + 1)
    if mode == "future":
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7)
    if mode == "nearest":  # the closer of the last and the coming one, ties to the past
        back = (published.weekday() - weekday) % 7
        ahead = (weekday - published.weekday()) % 7
        return published + dt.timedelta(days=ahead) if ahead < back else published - dt.timedelta(days=back)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def shown_date(date: str, low: Optional[str], high: Optional[str]) -> str:
    """A date as people read it: its ISO date, or the days it means where those are fewer than the ISO
    date says ("im dritten Quartal 2023": 2023-07-01..2023-09-30, not all of 2023; "Mitte September
    2020": 2020-09-11..2020-09-20)."""
    if not (low and high) or date.startswith("--"):
        return date
    try:
        whole = iso_interval(date)
    except ValueError:
        return date
    if (low, high) == (whole[0].isoformat(), whole[1].isoformat()):
        return date
    return low if low == high else f"{low}..{high}"
