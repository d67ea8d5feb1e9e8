"""Changes: the figures that say by how much something rose or fell.

"Die Mieten stiegen um 3,5 Prozent" and "Rents fell by 3.5 percent" state the same number, but opposite facts. A
figure that states the size of a change gets `change` "rise" or "fall", and compare.py finds two changes of
opposite direction apart however near their numbers. A figure with no word of direction keeps change None and is
compared as before: a change's direction is only ever read from words, never guessed. The cues are language data:
[changes] of claimcheck/lang/<lang>/quantities.toml (its comment lists the rules).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from claimcheck.types import Quantity

from .patterns import alternation as _alt

RISE, FALL = "rise", "fall"
CHANGE_KINDS = ("count", "money", "percent", "quantity", "duration")
# A clause ends at a mark of its own, not at a decimal or thousands mark inside a number ("um 3,5 Prozent auf 1.200")
_CLAUSE_END = re.compile(r"(?<!\d)[.,](?!\d)|[;:!?()\[\]–—\"„“”]|\s-\s")
_CLAUSE_REACH = 160  # characters looked at on either side: a clause of news rarely runs longer


@dataclass(frozen=True)
class ChangeCues:
    """The compiled [changes] cues of one language."""
    by: Optional[re.Pattern]            # ends the text before the figure, whose clause then gives the direction: "um"
    words: Optional[re.Pattern]         # a word of direction anywhere in the figure's clause: "stiegen", "gesunken"
    direction: dict[str, str]           # each such word, lower case -> "rise" / "fall"
    separable: tuple[tuple[re.Pattern, re.Pattern, str], ...]  # (verb, particle ending the clause, direction): "nahm ... zu"
    before: Optional[re.Pattern]        # a word of direction right before the figure, past an adverb and one of
    #                                     `direction_before`: "rose 3.5 percent", "rose sharply by 3.5 %", "up 3.5 %"
    noun_before: Optional[re.Pattern]   # a noun of change, or a compound ending in one, and "von"/"um": "Umsatzplus von"
    after: Optional[re.Pattern]         # right after the figure (and its counted noun): "mehr", "Rückgang", "increase"
    levels: Optional[re.Pattern]        # ends the text before a level reached: "auf", "to" (no change)
    level_from: Optional[re.Pattern]    # ends the text before a level left, when "auf"/"to" follows: "von", "from"
    level_after: Optional[re.Pattern]   # right after a level left: "auf", "to"
    reference: Optional[re.Pattern]     # right after the figure, a preposition and an article: the difference from a
    #                                     reference ("um 0,8 Prozentpunkte unter der Inflationsrate", "2 percent above the")
    verbs_before: Optional[re.Pattern]  # a verb of direction earlier in the clause, no figure between: "verlor am
    #                                     Vormittag 3,8 Prozent" (German states most changes with "um")

    @classmethod
    def from_table(cls, table: dict) -> "ChangeCues":
        direction = {w.lower(): d for d in (RISE, FALL) for w in table.get(d, ())}
        nouns = {w.lower(): d for d in (RISE, FALL) for w in table.get("nouns", {}).get(d, ())}
        after = {w.lower(): d for d in (RISE, FALL) for w in table.get("after", {}).get(d, ())}
        verbs_before = {w.lower(): d for d in (RISE, FALL) for w in table.get("verbs_before", {}).get(d, ())}
        reference = {w.lower(): d for d in (RISE, FALL) for w in table.get("reference", {}).get(d, ())}
        return cls(
            by=re.compile(r"(?<!\w)" + _alt(table["by"]) + r"\s+$") if table.get("by") else None,
            words=re.compile(r"(?<!\w)(?i:" + _alt(direction) + ")") if direction else None,
            direction={**direction, **nouns, **after, **verbs_before, **reference},
            separable=tuple((re.compile(r"(?<!\w)(?i:" + _alt(verbs) + ")"),
                             re.compile(r"(?<!\w)" + re.escape(particle) + r"\s*$"), d)
                            for d in (RISE, FALL) for particle, verbs in table.get("separable", {}).get(d, {}).items()),
            before=(re.compile(r"(?<!\w)(?i:(" + _alt(direction) + r"))(?:\s+\w+ly)?(?:\s+"
                               + _alt(table["direction_before"]) + r")?\s+$") if table.get("direction_before") and direction else None),
            noun_before=(re.compile(r"(?i:(" + _alt(nouns) + r"))\s+" + _alt(table["noun_links"]) + r"\s+$")
                         if nouns and table.get("noun_links") else None),
            after=re.compile(r"(?:\s+[A-ZÄÖÜ][\w-]*)?\s+(?i:(" + _alt(after) + "))"
                             + (r"(?!\s+(?:als\s+)?" + _alt(table["after_not_before"]) + ")" if table.get("after_not_before") else ""))
            if after else None,
            verbs_before=re.compile(r"(?<!\w)(?i:(" + _alt(verbs_before) + "))") if verbs_before else None,
            levels=re.compile(r"(?<!\w)" + _alt(table["level_to"]) + r"\s+$") if table.get("level_to") else None,
            level_from=re.compile(r"(?<!\w)" + _alt(table["level_from"]) + r"(?:\s+\w+)?\s+$") if table.get("level_from") else None,
            level_after=re.compile(r"\s+" + _alt(table["level_to"]) + r"\s") if table.get("level_to") else None,
            reference=(re.compile(r"\s+(" + _alt(reference) + r")\s+" + _alt(table["reference_articles"]))
                       if reference and table.get("reference_articles") else None),
        )


def mark_changes(text: str, quantities: list[Quantity], cues: ChangeCues) -> list[Quantity]:
    """Set `change` on the quantities of `text` that state the size of a change (in place; returns the list)."""
    for previous, q, following in zip([None] + quantities[:-1], quantities, quantities[1:] + [None]):
        if q.kind in CHANGE_KINDS and q.relation is None and q.value is not None:
            q.change = _direction(text, q, cues, previous.end if previous is not None else 0,
                                  following.start if following is not None else len(text))
    return quantities


def _direction(text: str, q: Quantity, cues: ChangeCues, previous_end: int, next_start: int) -> Optional[str]:
    before = text[max(0, q.start - 60):q.start]
    if cues.levels is not None and cues.levels.search(before) or (
            cues.level_from is not None and cues.level_from.search(before) and _level_follows(text, q.end, cues)):
        return None  # "ging von 20,9 auf 20,7 Prozent zurück", "um 1,5 Punkte auf 100,4 Punkte verloren": levels
    if cues.noun_before is not None and (m := cues.noun_before.search(before)):
        # "ein Anstieg von 3 auf 5 Prozent" names two levels, no change of 3
        return None if _level_follows(text, q.end, cues) else cues.direction[m.group(1).lower()]
    if cues.reference is not None and (m := cues.reference.match(text, q.end)):
        return cues.direction[m.group(1).lower()]  # "um 0,8 Prozentpunkte unter der Inflationsrate erhöht": below it
    if cues.after is not None and (m := cues.after.match(text, q.end)) and m.start(1) < next_start:
        # "3,5 Prozent mehr als im Vorjahr", "a 3.5 percent decline"; not "137 mehr als 100 Todesfälle", where "mehr
        # als" bounds the next figure
        return cues.direction[m.group(1).lower()]
    if cues.before is not None and (m := cues.before.search(before)):
        return cues.direction[m.group(1).lower()]  # "rose 3.5 percent", "was up 3.5 %"
    if cues.by is not None and cues.by.search(before):
        return _clause_direction(text, q, cues)  # "stiegen im vergangenen Jahr um 3,5 Prozent"
    if q.kind == "duration":
        return None  # "nahmen in den drei Monaten um 608 Anzeigen zu": the period the change took
    # "Die Aktie verlor am Vormittag 3,8 Prozent", "Der Dax legte 1,2 Prozent zu"
    clause_start, clause_end = _clause(text, q)
    start = max(previous_end, clause_start)
    found = [(m.start(), cues.direction[m.group(1).lower()])
             for m in (cues.verbs_before.finditer(text, start, q.start) if cues.verbs_before is not None else ())]
    found += _separable_verbs(text, q, cues, start, clause_end)
    return max(found)[1] if found else None


def _separable_verbs(text: str, q: Quantity, cues: ChangeCues, start: int, clause_end: int) -> list[tuple[int, str]]:
    """(where, direction) of each separable verb before the figure whose particle ends the clause: "nahm ... zu"."""
    return [(m.start(), direction) for verb, particle, direction in cues.separable
            if particle.search(text, q.end, clause_end)
            and (m := verb.search(text, start, q.start))]


def _level_follows(text: str, end: int, cues: ChangeCues) -> bool:
    return cues.level_after is not None and cues.level_after.match(text, end) is not None


def _clause_direction(text: str, q: Quantity, cues: ChangeCues) -> Optional[str]:
    """The direction the word nearest the figure in its clause names; None where the clause names none ("Es geht um
    500 Millionen Euro")."""
    start, end = _clause(text, q)
    best: Optional[tuple[int, str]] = None
    if cues.words is not None:
        for m in cues.words.finditer(text, start, end):
            if q.start <= m.start() < q.end:
                continue
            distance = q.start - m.end() if m.end() <= q.start else m.start() - q.end
            if best is None or distance < best[0]:
                best = (distance, cues.direction[m.group().lower()])
    for where, direction in _separable_verbs(text, q, cues, start, end):  # "nahm im Jahr um 3 Prozent zu"
        distance = q.start - where
        if best is None or distance < best[0]:
            best = (distance, direction)
    return best[1] if best else None


def _clause(text: str, q: Quantity) -> tuple[int, int]:
    lo, hi = max(0, q.start - _CLAUSE_REACH), min(len(text), q.end + _CLAUSE_REACH)
    starts = [m.end() for m in _CLAUSE_END.finditer(text, lo, q.start)]
    end = _CLAUSE_END.search(text, q.end, hi)
    return (starts[-1] if starts else lo), (end.start() if end else hi)
