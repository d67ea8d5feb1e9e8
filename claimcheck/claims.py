"""Claims: every checkable figure of a German article, in its sentence, with its subject.

    extract_claims(text, *, published=None, sentences=None, sentence_vectors=None, scorer=None)
    read_published(text) -> date | None

The quantity reader finds the figures (read once over the whole text); each is
placed in its sentence by offset, kept or dropped by the rules below, given a
subject (claimcheck.subjects) and a self-contained `claim_text` for retrieval.
Where the rules run out, a learned check-worthiness scorer over the sentence
vectors (claimcheck.checkworthiness) drops sentences that state no fact; it
only runs when the caller passes the sentence vectors it already computed.

Not a claim (each rule returns the reason, kept in `uncheckable_reason`):
- the dateline or byline date (the publication date itself);
- a figure in a question;
- a figure in a hypothetical: a condition ("Wenn ..., ") around it, or quoted
  speech with a conditional ("könnte", "würde") around it;
- sports results (a score such as 3:1, or a sentence full of sports words);
- a reference number ("Seite 12", "Artikel 5", "Platz 3");
- a weekday or year-less date the reader could not place (no publication date),
  and decades ("1930er-Jahre");
- an age in an apposition ("Nicole Solarz (34)") or of a person named by the
  age ("ein 16-Jähriger", "der 37-jährige Verkäufer");
- figures that count nothing checkable: rates ("pro 100.000 Einwohner"),
  "dreimal", "ein Dutzend", "100-prozentig", back-references ("die 27, die"),
  and timing relative to an event ("zwei Wochen vor Beginn der EM").
A figure keeps its claim where the text names no subject at all (a claim pasted alone:
"wurden 33 Polizisten und ein Passant verletzt"); its subject is then None.
"""
from __future__ import annotations

import bisect
import datetime as dt
import math
import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any, Optional, Sequence

import numpy as np

from .sentences import split_sentences
from .subjects import SubjectFinder, generic_noun, is_finite_singular_verb, is_product_name
from .types import Claim, Quantity, Sentence

CLAIM_KINDS = ("count", "money", "percent", "date", "duration", "quantity")


@lru_cache(maxsize=1)
def _table() -> dict:
    return tomllib.loads(resources.files("claimcheck.lang.de").joinpath("claims.toml").read_text("utf-8"))


# --- the publication date --------------------------------------------------------

_NUMERIC_DATE = r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})"


def _month_number(word: str) -> Optional[int]:
    table = _table()["dateline"]
    low = word.lower().rstrip(".")
    if low in table["months"]:
        return table["months"].index(low) + 1
    return table["month_aliases"].get(low)


# A publication date outside these years is a typo ("(APA, 30.9.3015)", audit 29), not the article's date.
PUBLISHED_YEARS = (1900, 2199)


def _make_date(year: str, month: int | str | None, day: str) -> Optional[dt.date]:
    if not PUBLISHED_YEARS[0] <= int(year) <= PUBLISHED_YEARS[1]:
        return None
    try:
        return dt.date(int(year), int(month), int(day)) if month else None
    except ValueError:
        return None


# The date of a dateline on one of the first lines: "17.08.2020 - ...", "17. August 2020 – ...", "2020-08-17",
# also after the place it was written in ("Hamburg, 22. Oktober 2025 – ...", "Wien, am 3.5.2016: ...").
_DATELINE_PLACE = r"(?:[A-ZÄÖÜ][^\d\n,.;:!?–—|]{0,50},\s*(?:am\s+|den\s+)?)?"
_DATELINE = re.compile(
    r"(?m)^[ \t]*" + _DATELINE_PLACE
    + r"(?P<date>(?P<nd>\d{1,2})\.\s?(?P<nm>\d{1,2})\.\s?(?P<ny>\d{4})"
    + r"|(?P<wd>\d{1,2})\.\s?(?P<wm>[A-Za-zÄÖÜäöü]+\.?)\s(?P<wy>\d{4})"
    + r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})\b)"
    + r"(?(id)|(?:\s*\([^()\n\d]{1,30}\))?\s*[-–—|,:])"  # a dash after all but ISO; "20.03.2025 (dpa) –"
)


def _dateline(text: str) -> Optional[tuple[dt.date, tuple[int, int]]]:
    """The dateline's date on the first three lines of the first 300 characters, and where it stands."""
    head = text[:300]
    for line in list(re.finditer(r"[^\n]*\S[^\n]*", head))[:3]:
        m = _DATELINE.match(head, line.start(), line.end())
        if not m:
            continue
        if m["nd"]:
            day = _make_date(m["ny"], m["nm"], m["nd"])
        elif m["wd"]:
            month = _month_number(m["wm"])
            day = _make_date(m["wy"], month, m["wd"]) if month else None
        else:
            day = _make_date(m["iy"], m["im"], m["id"])
        return (day, m.span("date")) if day else None
    return None


def read_published(text: str) -> Optional[dt.date]:
    """The publication date an article states about itself, or None.

    A dateline on the first lines ("17.08.2020 - ...", "17. August 2020 – ...",
    "Hamburg, 22. Oktober 2025 – ...", "2020-08-17") or, failing that, a byline in
    brackets as derStandard signs its articles ("(red, 31. 7. 2015)", "(Zsolt Wilhelm, 5.11.2015)").
    """
    if not isinstance(text, str):
        raise ValueError(f"read_published needs a str, not {type(text).__name__}.")
    if dateline := _dateline(text):
        return dateline[0]
    for m in _bylines(text):
        return _make_date(m.group(4), m.group(3), m.group(2))
    return None


# derStandard's byline, "(Zsolt Wilhelm, 5.11.2015)" anywhere, and at the very end also without a name, a
# comma or the closing bracket: "(1.3.2016)", "(APA 4.9.2015)", "(APA/red – 8.8. 2015)", "(Renate Graber, 23.11.2015"
_BYLINE = re.compile(r"\([^()\n]{1,60}?[,;]\s*(" + _NUMERIC_DATE + r")\)")
_LAST_BYLINE = re.compile(r"\((?:[^()\n]{0,60}?[\s,;–-])?\s*(" + _NUMERIC_DATE + r")\s*\)?\s*\Z")


def _bylines(text: str) -> list[re.Match[str]]:
    """The bylines of an article, in order; group 1 is the date, groups 2-4 its day, month and year."""
    found = list(_BYLINE.finditer(text))
    last = _LAST_BYLINE.search(text, max(0, len(text) - 200))
    if last and not any(m.start(1) == last.start(1) for m in found):
        found.append(last)
    return found


def _publication_date_spans(text: str) -> list[tuple[int, int]]:
    """Where the dateline or byline date stands: figures there are no claims."""
    spans = [dateline[1]] if (dateline := _dateline(text)) else []
    spans.extend(m.span(1) for m in _bylines(text))
    return spans


# --- rules: what is not a claim ----------------------------------------------------

_WORD = re.compile(r"\w+(?:-\w+)*")
# A score ("3:1"); not a running time ("7:57 Minuten") nor a time of day ("10:30 Uhr"; "zwischen 06:00 und
# 08:00 Uhr": a zero-padded hour is a clock's).
_SCORE = re.compile(r"(?<![\d:.])(?!0\d:\d\d)\d{1,2}:\d{1,2}(?![\d:])(?!\s*(?:Minuten|Min\.|Stunden|Std\.|Uhr|h\b))")
_QUOTE_SPANS = re.compile(r"„[^“”\"]*[“”\"]|\"[^\"]*\"|»[^«]*«|“[^”]*”")
_DECADE = re.compile(r"\d0er")
_AGE_COMPOUND = re.compile(r"-?[Jj]ährig")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _is_hypothetical(sentence: Sentence, q: Quantity) -> bool:
    markers = set(_table()["checkability"]["hypothetical_markers"])
    rel_start, rel_end = q.start - sentence.start, q.end - sentence.start
    for m in _QUOTE_SPANS.finditer(sentence.text):
        if m.start() <= rel_start and rel_end <= m.end() and markers & set(_words(m.group())):
            return True
    # A figure inside a conditional clause: "Wenn ... bis Mitte Mai ..., dann ..." (not "Auch wenn ...", a concession)
    concessive = tuple(w + " " for w in _table()["checkability"]["concessive_before_wenn"])
    for m in re.finditer(r"\b(?:[Ww]enn|[Ff]alls|[Ss]ofern)\b[^,;:.()]*", sentence.text):  # not into a bracket
        if m.start() <= rel_start and rel_end <= m.end() and not sentence.text[:m.start()].endswith(concessive):
            return True
    # ... also one that opens with its verb, the main clause after it too: "Liegt er für längere Zeit
    # unter 1, flaut das Infektionsgeschehen ab."
    verb_first = re.match(r"([A-ZÄÖÜ][a-zäöüß]+)\s[^,;:.?!]*(,)\s+([a-zäöüß]+)\s", sentence.text)
    return bool(verb_first) and rel_end <= verb_first.start(2) and is_finite_singular_verb(verb_first.group(1).lower()) \
        and is_finite_singular_verb(verb_first.group(3))


def _is_offer(sentence: Sentence) -> bool:
    """ "30 Tage kostenlos ausprobieren: Hier erfahren Sie mehr": web debris that addresses the reader
    (the polite "Sie" inside the sentence: at its start it may be "they", "Sie testen seit 2019")."""
    table = _table()["checkability"]
    words = _WORD.findall(sentence.text)
    return any(w in table["reader_words"] for w in words[1:]) and any(
        w.lower().startswith(tuple(table["offer_words"])) for w in words)


def _is_sports_result(sentence: Sentence) -> bool:
    """A score ("3:1"), or two different sports words: "um 1,5 Punkte auf 100,4 Punkte" is an index, and so
    is a poll's "mit zwölf Punkten ... (elf Punkte)": the forms of one word (a group of the table) count once."""
    words = set(_words(sentence.text))
    found = sum(1 for forms in _table()["checkability"]["sports_words"] if words.intersection(forms))
    return bool(_SCORE.search(sentence.text)) or found >= 2


def _is_sports_statistic(q: Quantity) -> bool:
    """A count of a match's or career's statistic ("45 Asse", "250 ATP-Punkte"; [checkability] sports_statistics)."""
    if q.kind != "count" or not q.noun:
        return False
    table = _table()["checkability"]
    noun = q.noun.lower()
    prefix, _, head = noun.rpartition("-")
    return noun in table["sports_statistics"] or (prefix in table["sports_statistic_prefixes"] and head.startswith("punkte"))


def _is_model_number(text: str, q: Quantity) -> bool:
    """A bare number right after a product's or brand's name is part of that name: "iWork 11", "Miix 310",
    "CM 13" (a name with an inner capital, a coined word the dictionaries do not know, or a short acronym;
    not a listed place or organisation: "in Wien 1.200" is Vienna's count)."""
    if q.kind != "count" or q.noun or q.unit or not q.unbounded or not re.fullmatch(r"\d{1,4}", q.text):
        return False
    before = re.search(r"(?<![\w.-])([A-Za-zÄÖÜäöüß][\w-]*) $", text[max(0, q.start - 40) : q.start])
    if not before or not is_product_name(before.group(1)):
        return False
    # a list of names and their counts ("Aschheim 32, Aying 26, Baierbrunn 14") counts, whatever the names
    listed = r"\s*[,;]\s*(?:und\s+)?[A-ZÄÖÜ][\w-]*\s+\d"
    return not (re.match(listed, text[q.end : q.end + 60])
                or re.search(r"\d\s*[,;]\s*(?:und\s+)?[A-ZÄÖÜ][\w-]*\s+$", text[max(0, q.start - 60) : q.start]))


# Numbers of a list before a figure: "§§ 28, 32", "Seiten 17, 21 und 39"
_NUMBER_LIST_BEFORE = re.compile(r"(?:\d+[a-z]?\s*(?:,|und|bis|–|-)\s*)+$")
# A bracket of two or more numbers alone is a set of footnote marks: "(3, 4)", "(9, 6)"; not "(22,5)"
_FOOTNOTE_MARKS = re.compile(r"\(\s*\d{1,3}(?:\s*,\s+\d{1,3})+\s*\)")


def _is_reference(text: str, q: Quantity) -> bool:
    """A page, paragraph or file number, also in a list after the first: "Seite 12", "§§ 28, 32", "AZ: 13"."""
    before = text[max(0, q.start - 60):q.start]
    listed = _NUMBER_LIST_BEFORE.search(before)
    if listed:
        before = before[:listed.start()]
    return before.rstrip().endswith("§") or _word_before(before, len(before)) in _table()["checkability"]["reference_words"]


def _bracket_around(text: str, q: Quantity) -> tuple[int, int]:
    """Start and end of the bracket that holds figure `q`, or an empty span where none does."""
    opening, closing = text.rfind("(", max(0, q.start - 20), q.start), text.find(")", q.end, q.end + 20)
    if opening < 0 or closing < 0 or ")" in text[opening:q.start] or "(" in text[q.end:closing]:
        return q.start, q.start
    return opening, closing + 1


def _word_before(text: str, start: int) -> str:
    m = re.search(r"(\w+)\W*$", text[max(0, start - 40) : start])
    return m.group(1).lower() if m else ""


def _age_reason(text: str, q: Quantity) -> Optional[str]:
    """Why an age is not a claim, or None (also None when the figure is no age).

    Ages in appositions ("Nicole Solarz (34)", "Tarik Mete, 28 Jahre alt") and of
    people named by their age ("ein 16-Jähriger", "der 37-jährige Verkäufer") are
    no claims; "der 74 Jahre alte US-Präsident" and "starb mit 64 Jahren" are.
    """
    before = text[max(0, q.start - 40) : q.start]
    after = text[q.end : q.end + 30]
    if q.kind == "count" and q.noun is None and q.unit is None and 10 <= (q.value or 0) <= 120 \
            and re.search(r"\b(?:" + "|".join(_table()["checkability"]["age_parts"]) + r")\s+$", before):
        return "age of an unnamed person"  # "eine Frau Anfang 90"
    if q.kind == "count" and re.match(r"\s+[Jj]ährig", after):
        return "age of a person named by the age"  # "eine 25 jährige Frau", "ein 9 Jähriger" (a hyphen left out)
    if q.kind != "duration" or q.unit != "year":
        return None
    if re.search(r"\(\s*$", before) and re.match(r"\s*\)", after):
        return "age in an apposition"
    if _AGE_COMPOUND.search(q.text) or re.match(r"-?[Jj]ährig", after):
        noun = re.match(r"-?[Jj]ährig\w*\s+([A-ZÄÖÜ]\w*)|\w*\s+([A-ZÄÖÜ]\w*)", after)
        word = (noun.group(1) or noun.group(2)).lower() if noun else ""
        if re.sub(r"(?:es|s)$", "", word).endswith(tuple(_table()["checkability"]["period_nouns"])) \
                or word.endswith(tuple(_table()["checkability"]["period_nouns"])):  # "Bestehens", "Bestehen"
            return None  # the length of a period ("nach zehnjähriger Bauzeit", "das 800-jährige Bestehen"), not an age
        return "age of a person named by the age"
    if re.match(r"\s+alt(?:e|er|en|es)?\b", after) and re.search(r",\s*$", before) \
            and not q.text.lower().startswith("zwischen"):
        return "age in an apposition"  # not a group's ages: "..., zwischen 31 und 40 Jahren alt"
    if re.search(r"\bAlter\s+von\s+$", before):
        return "age of an unnamed person"
    return None


def _date_reason(q: Quantity) -> Optional[str]:
    if q.kind != "date":
        return None
    if _DECADE.search(q.text) or re.search(r"Jahrhundert|zigern?\b|ziger\s?[Jj]ahre", q.text):
        return "decade or century"
    weekday = any(w in _table()["checkability"]["weekdays"] for w in _words(q.text))
    if weekday and (q.date is None or q.date.startswith("--")):
        return "weekday without a publication date"
    return None


def _vague_reason(text: str, q: Quantity) -> Optional[str]:
    """Figures that count no checkable thing: "pro 100.000 Einwohner", "dreimal", "die 27, die ..."."""
    before = text[max(0, q.start - 40) : q.start]
    after = text[q.end : q.end + 30]
    if re.search(r"\bpro\s+$", before):
        return "rate definition"
    # the base of a rate: "609 Pensionisten auf 1.000 Erwerbstätige", "wie viele von 100 000 Einwohnern",
    # "bezogen auf 100 000 Einwohner", "247 Dollar für 1000 Kubikmeter"
    # (not a change: "von 500 Fällen auf 1.000"; but "von 80,4 Infektionen bei 100.000 Einwohnern" is a rate)
    if q.value and q.value >= 10 and math.log10(q.value).is_integer() and q.unbounded:
        words = _table()["checkability"]
        counted = re.search(r"(\w+)\s+\d\S*\s+[A-ZÄÖÜ]\S*\s+(" + "|".join(words["rate_base_after_count"]) + r")\s+$", before)
        if (counted and not (counted.group(1).lower() in words["change_prepositions"]
                             and counted.group(2) in words["change_targets"])) \
                or re.search(r"\b(?:" + "|".join(words["rate_base_phrases"]) + r")\s+$", before) \
                or re.search(r"\d\S*\s+(?:" + "|".join(words["rate_base_after_price"]) + r")\s+$", before):
            return "rate definition"
    if q.kind == "count" and re.search(r"mal$", q.text) or "Dutzend" in q.text:
        return "vague count"
    if q.kind == "percent" and re.match(r"\d+-prozentig|hundertprozentig", q.text):
        return "figure of speech"
    if q.kind == "count" and q.noun is None and re.search(r"\b(?:die|der|den|dem)\s+$", before) and re.match(r"\s*[,.;:]|\s+(?:nun|sich|dass)\b", after):
        return "back-reference to a count"
    if q.kind == "duration" and q.relation is None:
        if re.match(r"\s+(?:vor|nach)\s+(?:dem|der|den|Beginn)\b", after):
            return "timing relative to an event"
    return None


def _in_quoted_question(sentence: Sentence, q: Quantity) -> bool:
    rel_start, rel_end = q.start - sentence.start, q.end - sentence.start
    return any(
        m.start() <= rel_start and rel_end <= m.end() and m.group().rstrip("“”\"«»").endswith("?")
        for m in _QUOTE_SPANS.finditer(sentence.text)
    )


def uncheckable_reason(
    text: str,
    sentence: Sentence,
    q: Quantity,
    *,
    published: Optional[dt.date] = None,
    publication_spans: Sequence[tuple[int, int]] = (),
) -> Optional[str]:
    """Why the figure `q` in `sentence` is not a checkable claim, or None when it is one."""
    if any(s < q.end and q.start < e for s, e in publication_spans):
        return "publication date"
    if sentence.text.rstrip().rstrip("\"“”«»).").endswith("?") or _in_quoted_question(sentence, q):  # also "?."
        return "question"
    if _is_hypothetical(sentence, q):
        return "hypothetical"
    if _is_sports_result(sentence) or _is_sports_statistic(q):
        return "sports result"
    if _is_offer(sentence):
        return "offer to the reader"
    if q.kind in ("count", "quantity") and _is_reference(text, q):
        return "reference number"
    if _FOOTNOTE_MARKS.fullmatch(text, *_bracket_around(text, q)):
        return "footnote marks"
    if _is_model_number(text, q):
        return "model number"
    return _date_reason(q) or _age_reason(text, q) or _vague_reason(text, q)


# --- claims ----------------------------------------------------------------------

def sentence_of(sentences: Sequence[Sentence], starts: list[int], q: Quantity) -> Optional[int]:
    """The index of the sentence holding figure `q` (`starts`: the sentences' start offsets)."""
    k = bisect.bisect_right(starts, q.start) - 1
    if k >= 0 and q.start < sentences[k].end:
        return k
    return None


_ARTICLE_PHRASE = re.compile(r"\b(?:[Dd](?:er|ie|as|en|em|es))\s+(?:[a-zäöüß]\w*\s+)*([A-ZÄÖÜ][\w-]*)")


def _claim_text(sentence: Sentence, subject: Optional[str]) -> str:
    """The sentence with web debris collapsed and the subject named beside the generic noun
    that stands for it: "Die Videoplattform hat ..." -> "TikTok (Die Videoplattform) hat ...".

    On the worked example's facts this form gave the right fact a higher cosine and a wider
    margin than a prefix ("TikTok: ...") or the bare sentence. A sentence without such a noun
    stays as it is: a subject taken from the article's topic is a guess, and a guess in the
    retrieval text pulls in facts about the guess.
    """
    clean = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"[\s\u00a0]+", " ", sentence.text)).strip()
    if not subject or subject.lower() in clean.lower():
        return clean
    for m in _ARTICLE_PHRASE.finditer(clean):
        if generic_noun(m.group(1)):
            return f"{clean[: m.start()]}{subject} ({m.group()}){clean[m.end():]}"
    return clean


def extract_claims(
    text: str,
    *,
    published: Optional[dt.date] = None,
    sentences: Optional[Sequence[Sentence]] = None,
    sentence_vectors: Optional[np.ndarray] = None,
    scorer: Any = None,
    quantities: Optional[Sequence[Quantity]] = None,
) -> list[Claim]:
    """The checkable claims of `text`, in text order, with ids "c1", "c2", ...

    `published` resolves deadlines and year-less dates (read from the dateline when
    None). `sentences` and `sentence_vectors` (one row per sentence, as the pipeline
    computes them once per article) are reused when given. The learned
    check-worthiness scorer runs only on those vectors: `scorer=None` uses the
    packaged one when vectors are given, `scorer=False` turns it off, or pass a
    `CheckworthinessScorer`. `quantities` are the article's figures when the caller
    has read them already (`read_quantities(text, published=published)`).
    """
    from .quantities import read_quantities

    if not isinstance(text, str):
        raise ValueError(f"extract_claims needs the article as a str, not {type(text).__name__}.")
    if published is not None and not isinstance(published, dt.date):
        raise ValueError(f"published must be a datetime.date, not {published!r}.")
    sentences = list(sentences) if sentences is not None else split_sentences(text)
    if sentence_vectors is not None and len(sentence_vectors) != len(sentences):
        raise ValueError(
            f"sentence_vectors has {len(sentence_vectors)} rows for {len(sentences)} sentences: "
            "pass the vectors of exactly these sentences."
        )
    if published is None:
        published = read_published(text)
    if quantities is None:
        quantities = read_quantities(text, published=published)
    quantities = [q for q in quantities if q.kind in CLAIM_KINDS]
    starts = [s.start for s in sentences]
    publication_spans = _publication_date_spans(text)
    finder = SubjectFinder(text, sentences, [(q.start, q.end) for q in quantities])

    candidates: list[tuple[int, Quantity, Optional[str]]] = []
    for q in quantities:
        k = sentence_of(sentences, starts, q)
        if k is None:
            continue
        if uncheckable_reason(text, sentences[k], q, published=published, publication_spans=publication_spans):
            continue
        # None where the text names nothing at all, as a claim pasted alone often does ("Derzeit sind weltweit
        # 1,09 Milliarden Menschen Judenhasser."): still a claim, its verdict resting on the figure and its words
        candidates.append((k, q, finder.subject_of(k, q.start, q.end)))

    scores, threshold = _checkworthiness(scorer, sentence_vectors, sorted({k for k, _, _ in candidates}))
    claims: list[Claim] = []
    for k, q, subject in candidates:
        score = scores.get(k)
        if score is not None and score < threshold:
            continue  # the scorer finds that the sentence states no checkable fact
        s = sentences[k]
        claims.append(
            Claim(
                id=f"c{len(claims) + 1}",
                sentence=s.text,
                sentence_start=s.start,
                sentence_end=s.end,
                quantity=q,
                subject=subject,
                subject_in_sentence=finder.named_in_sentence(k, subject),
                claim_text=_claim_text(s, subject),
                checkworthiness=1.0 if score is None else score,
            )
        )
    return claims


def _checkworthiness(scorer: Any, vectors: Optional[np.ndarray], rows: list[int]) -> tuple[dict[int, float], float]:
    """Sentence index -> check-worthiness in [0, 1] for the candidate rows, and the threshold."""
    if scorer is False or vectors is None or not rows:
        return {}, 0.0
    if scorer is None:
        from .checkworthiness import packaged_scorer

        scorer = packaged_scorer()
        # The packaged weights fit the packaged encoder; vectors of another one get no score.
        if scorer is None or np.asarray(vectors).shape[-1] != scorer.dim:
            return {}, 0.0
    probabilities = scorer.score(np.asarray(vectors)[rows])
    return {k: float(p) for k, p in zip(rows, probabilities)}, scorer.threshold
