"""Numerals: digit strings with grouping marks and number words, to floats.

Every parser returns (value, step): `step` is the unit of the last written
digit ("1.500" -> 1, "3,5" -> 0.1, "zwei" -> 1), which the hedge rules use to
widen "rund"/"etwa" figures.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


# Longer digit strings are not figures a text states (and would lose precision as floats).
MAX_DIGITS = 18


def parse_digits(token: str, decimal_mark: str, group_marks: frozenset[str]) -> Optional[tuple[float, float]]:
    """Read "1.500", "1 500", "2.300.000", "0,65", "1'500" (German) or "1,500.5" (English)."""
    sign = 1.0
    if token[:1] in "-−":
        sign, token = -1.0, token[1:]
    whole, _, frac = token.partition(decimal_mark)
    digits = "".join(ch for ch in whole if ch not in group_marks)
    if not digits.isdigit() or (frac and not frac.isdigit()):
        return None
    if len(digits) + len(frac) > MAX_DIGITS:  # an ID, a serial number or junk, not a figure
        return None
    if frac:
        return sign * float(f"{digits}.{frac}"), 10.0 ** -len(frac)
    return sign * float(digits), 1.0


@dataclass(frozen=True)
class WordNumerals:
    """Compound number words of one language, from its quantities table."""

    units: dict[str, int]
    teens: dict[str, int]
    tens: dict[str, int]
    multipliers: dict[str, int]
    words: dict[str, float]
    joiner: str  # "und" in "einundzwanzig"; "-" in "twenty-one"

    def parse(self, word: str) -> Optional[float]:
        """The value of one number word ("einundzwanzig" -> 21), or None."""
        if word in self.words:
            return self.words[word]
        low = word.lower()
        if low in self.words:
            return self.words[low]
        value = self._below_million(low)
        return float(value) if value is not None else None

    def _below_million(self, w: str) -> Optional[int]:
        thousand = next((k for k, v in self.multipliers.items() if v == 1000), None)
        if thousand and thousand in w:
            head, _, tail = w.partition(thousand)
            h = self._below_thousand(head) if head else 1
            t = self._below_thousand(tail) if tail else 0
            if h is None or t is None or h == 0:
                return None
            return h * 1000 + t
        return self._below_thousand(w)

    def _below_thousand(self, w: str) -> Optional[int]:
        hundred = next((k for k, v in self.multipliers.items() if v == 100), None)
        if hundred and hundred in w:
            head, _, tail = w.partition(hundred)
            h = self._below_hundred(head.rstrip("-")) if head else 1
            t = self._below_hundred(tail.lstrip("-")) if tail else 0
            if h is None or t is None or not 0 < h < 10:
                return None
            return h * 100 + t
        return self._below_hundred(w)

    def _below_hundred(self, w: str) -> Optional[int]:
        for table in (self.units, self.teens, self.tens):
            if w in table:
                return table[w]
        if self.joiner == "und":  # German: units before tens, "einundzwanzig"
            unit, sep, ten = w.partition("und")
            if sep and unit in self.units and ten in self.tens:
                return self.units[unit] + self.tens[ten]
        else:  # English: "twenty-one"
            ten, sep, unit = w.partition("-")
            if sep and unit in self.units and ten in self.tens:
                return self.units[unit] + self.tens[ten]
        return None
