"""The words claimcheck shows people (claimcheck/lang/ui.toml), shared by the page and the command line."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

from .quantities.dates import shown_date

LANGUAGES = ("de", "en")


@lru_cache(maxsize=None)
def ui_strings(lang: str) -> dict[str, Any]:
    """The words in `lang` ("de" or "en"), from claimcheck/lang/ui.toml."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown page language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    table = tomllib.loads(resources.files("claimcheck.lang").joinpath("ui.toml").read_text("utf-8"))
    return table[lang]


def subject_text(claim: dict, words: dict) -> str:
    """A report claim's subject, marked where its sentence does not name it (taken from the context:
    a reader should check those)."""
    subject = claim.get("subject")
    if not subject:
        return words["no_subject"]
    return subject if claim.get("subject_in_sentence", True) else words["subject_from_context"].format(subject=subject)


def date_text(claim: dict) -> str:
    """A report claim's date as people read it (dates.shown_date); a deadline shows the day it falls on."""
    date = claim.get("date")
    if not date and claim.get("kind") == "date" and claim.get("date_low") and claim.get("date_high"):
        return f"{claim['date_low']}..{claim['date_high']}"  # no single ISO form: "2015/2016", a decade
    if not date or claim.get("kind") != "date":
        return date or ""
    return shown_date(date, claim.get("date_low"), claim.get("date_high"))


def format_number(value: float, lang: str) -> str:
    """1500000.0 -> "1.500.000" (de) or "1,500,000" (en); fractions keep up to 2 places."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    if lang == "de":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def format_value(claim: dict, lang: str) -> str:
    """The claim's normalised value for people: "etwa 100.000.000", "2019-11", "3 Monate (2020-11-17)"."""
    words = ui_strings(lang)
    unit = words["units"].get(claim.get("unit") or "", claim.get("unit") or "")
    number = ""
    if claim.get("hedge") == "range" and claim.get("low") is not None and claim.get("high") is not None:
        number = f"{format_number(claim['low'], lang)}–{format_number(claim['high'], lang)}"
    elif claim.get("value") is not None:
        number = format_number(claim["value"], lang)
    text = f"{number} {unit}".strip() if number else ""
    if text and claim.get("per"):
        text = f"{text} {words['per'].get(claim['per'], claim['per'])}"  # "743 pro Tag"
    hedge = words["hedges"].get(claim.get("hedge") or "")
    if hedge and text:
        text = f"{hedge} {text}"
    change = words["change"].get(claim.get("change") or "")
    if change and text:
        text = f"{change} {text}"  # "up about 3,5 %": "stiegen um rund 3,5 Prozent"
    date = date_text(claim)
    if date:
        text = f"{text} ({date})" if text else date
    return text or "?"
