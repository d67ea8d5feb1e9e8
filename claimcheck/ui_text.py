"""The words claimcheck shows people (claimcheck/lang/ui.toml), shared by the page and the command line."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

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
