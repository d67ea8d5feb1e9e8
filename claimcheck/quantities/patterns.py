"""Regex helpers shared by the reader and its passes."""
from __future__ import annotations

import re


def alternation(words) -> str:
    """A longest-first regex alternation; words ending in a letter or digit may not run on."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        p = re.escape(w).replace(r"\ ", r"\s+")
        parts.append(p + r"(?![\w])" if w[-1:].isalnum() else p)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!x)x"
