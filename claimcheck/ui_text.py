"""The words claimcheck shows people (claimcheck/lang/ui.toml), shared by the page and the command line."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

from .quantities.dates import iso_interval

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
    """A report claim's date as people read it: its ISO date, or the days it means where those are fewer
    than the ISO date says ("im dritten Quartal 2023": 2023-07-01..2023-09-30, not all of 2023;
    "Mitte September 2020": 2020-09-11..2020-09-20). A deadline shows the day it falls on."""
    date, low, high = claim.get("date"), claim.get("date_low"), claim.get("date_high")
    if not date or claim.get("kind") != "date" or not (low and high) or date.startswith("--"):
        return date or ""
    try:
        whole = iso_interval(date)
    except ValueError:
        return date
    if (low, high) == (whole[0].isoformat(), whole[1].isoformat()):
        return date
    return low if low == high else f"{low}..{high}"
