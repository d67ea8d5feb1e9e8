"""German sentence splitting with exact character offsets.

The splitter does what spaCy's `blank("de")` tokenizer and rule-based
sentencizer did for claimcheck, in plain Python: importing spaCy cost about
2 s of every start. It gives the same sentences as that pipeline on every
text in ../shared/data (1,466 texts; tests/test_sentences.py holds the cases).

1. Tokens: the text is cut at whitespace; a run of whitespace other than one
   plain space is a token of its own. Each word then loses its leading and
   trailing punctuation piece by piece (tables `prefixes`, `suffixes`; a full
   stop only after a lower-case letter, punctuation, a quote or two capitals,
   so "2019." and "3." stay whole), unless what is left is an abbreviation
   ("Mio.", "z.B."); inside a word, "lower.Upper" and "Wort!Wort" split too.
2. Sentencizer: a token that is a sentence-final character (. ! ?) ends the
   sentence after the punctuation tokens that follow it (closing quotes,
   brackets).
3. Mending what news text needs:
   - a line break ends a sentence (headlines and teasers have no full stop),
     unless the next line starts in lower case (a hard-wrapped sentence); in a
     text wrapped at a fixed width (at least three lines go on in lower case), a
     single line break after the first line ends none: a capital there is mostly a
     noun ("von fast 6,5\nBillionen Euro");
   - "92." followed by a word that cannot follow an ordinal ("Die", "Danach"),
     and a year or a figure with separators followed by a capitalised word
     ("seit 2011. Traun"), end a sentence; "am 3. Dezember" does not;
   - an opening bracket or quote left at a sentence end moves to the next one;
   - a piece without a letter or digit (web debris such as "\u00a0 .") joins
     the sentence before it.

Abbreviations, word lists and punctuation tables live in
claimcheck/lang/de/sentences.toml.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .types import Sentence

# "3.", "2019.", "76.500.", "Z4.": a token that may be an ordinal or a figure ending a sentence.
_NUMBER_WITH_STOP = re.compile(r"^\w*\d[\d.,/]*\.$")
# A year or a figure with thousands separators or decimals is no ordinal: "seit 2011. Traun"
# and "mehr als 165.000. Normalerweise" end there (ordinals of 1800 and up hardly occur).
_NOT_AN_ORDINAL = re.compile(r"^(?:1[89]\d\d|2[01]\d\d|\d{1,3}(?:\.\d{3})+|\d+,\d+)\.$")
# A web address or e-mail address stays whole (no split at "lower.Upper" inside it):
# an optional scheme, host labels, a lower-case top-level domain, an optional path.
_URL = re.compile(r"^(?:[\w+.-]{2,}://)?(?:\S+@)?"
                  r"(?:(?:[A-Za-z0-9\u00a1-\uffff][A-Za-z0-9\u00a1-\uffff_-]{0,62})?[A-Za-z0-9\u00a1-\uffff]\.)+"
                  r"[^\W\d_A-Z]{2,63}(?::\d{2,5})?(?:[/?#]\S*)?$")
# Characters that split a word between two letters (spaCy's German infixes, besides the full stop).
_BETWEEN_LETTERS = set(",!?:<>=") | set("\"”“`‘´’‚„»«「」『』（）〔〕【】《》〈〉〈〉⟦⟧)]([")
_DIGITS = frozenset("0123456789")


@dataclass(frozen=True)
class _Rules:
    specials: dict[str, tuple[str, ...]]  # a word that is tokenized in a fixed way -> its tokens
    sentence_openers: frozenset[str]
    openers: frozenset[str]
    sentence_final: frozenset[str]
    prefixes: dict[str, tuple[str, ...]]  # first character -> prefixes, in the table's order
    suffixes: dict[str, tuple[str, ...]]  # last character -> suffixes
    stop_follows: frozenset[str]
    line_continuers: frozenset[str]


def _index(pieces: list[str], key) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for piece in pieces:
        index.setdefault(key(piece), []).append(piece)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    table = tomllib.loads(resources.files("claimcheck.lang.de").joinpath("sentences.toml").read_text("utf-8"))
    return _Rules(
        specials={**{word: (word,) for word in table["abbreviations"] + table["kept_whole"]},
                  **{word: tuple(parts) for word, parts in table["fixed_splits"].items()}},
        sentence_openers=frozenset(table["sentence_openers"]),
        openers=frozenset(table["openers"]),
        sentence_final=frozenset(table["sentence_final"]),
        prefixes=_index(table["prefixes"], key=lambda piece: piece[0]),
        suffixes=_index(table["suffixes"], key=lambda piece: piece[-1]),
        stop_follows=frozenset(table["stop_follows"]),
        line_continuers=frozenset(table["line_continuers"]),
    )


@dataclass
class _Token:
    text: str
    start: int
    end: int
    is_sent_start: bool = False

    @property
    def is_space(self) -> bool:
        return self.text.isspace()

    @property
    def is_punct(self) -> bool:
        return all(unicodedata.category(ch).startswith("P") for ch in self.text)


def _is_symbol(ch: str) -> bool:
    return unicodedata.category(ch) == "So"


def _prefix_length(word: str, rules: _Rules) -> int:
    """Length of the piece that splits off the front of `word` (0: none)."""
    for prefix in rules.prefixes.get(word[0], ()):
        if word.startswith(prefix):
            return len(prefix)
    if word.startswith("+") and not word[1:2].isdigit():
        return 1
    if word.startswith(".."):
        return len(word) - len(word.lstrip("."))
    if _is_symbol(word[0]):
        return 1
    return 0


def _suffix_length(word: str, rules: _Rules) -> int:
    """Length of the piece that splits off the end of `word` (0: none); the longest-reaching wins."""
    best = 0
    for suffix in rules.suffixes.get(word[-1], ()):
        if word.endswith(suffix):
            best = max(best, len(suffix))
    if word.endswith(".."):
        best = max(best, len(word) - len(word.rstrip(".")))
    elif word.endswith(".") and len(word) > 1:
        before = word[-2]
        if before.islower() or before in rules.stop_follows or (
                len(word) > 2 and before.isupper() and word[-3].isupper()):
            best = max(best, 1)
    if _is_symbol(word[-1]):
        best = max(best, 1)
    return best


def _infix_cuts(word: str) -> list[tuple[int, int]]:
    """(start, end) of each piece that splits a word inside, left to right."""
    cuts = []
    i, n = 0, len(word)
    while i < n:
        ch = word[i]
        before = word[i - 1] if i else ""
        after = word[i + 1] if i + 1 < n else ""
        end = 0
        if ch == "." and after == ".":
            end = i + len(word[i:]) - len(word[i:].lstrip("."))
        elif ch == "…" or _is_symbol(ch):
            end = i + 1
        elif ch == "." and before.islower() and after.isupper():
            end = i + 1
        elif before.isalpha() and after.isalpha() and ch in _BETWEEN_LETTERS:
            end = i + 1
        elif ch == "-" and after == "-" and before.isalpha() and word[i + 2:i + 3].isalpha():
            end = i + 2
        elif ch == "/" and (before.isalpha() or before in _DIGITS) and (after.isalpha() or after in _DIGITS):
            end = i + 1
        elif ch == "-" and before in _DIGITS and after in _DIGITS:
            end = i + 1
        if end:
            cuts.append((i, end))
            i = end
        else:
            i += 1
    return cuts


def _split_word(word: str, rules: _Rules) -> list[str]:
    """The tokens of one whitespace-free piece of text (spaCy's affix loop)."""
    if word.isalnum():  # most words: nothing to split off
        return [word]
    specials = rules.specials
    prefixes: list[str] = []
    suffixes: list[str] = []
    last_size = -1
    while word and len(word) != last_size and word not in specials:
        last_size = len(word)
        pre = _prefix_length(word, rules)
        if pre and word[pre:] in specials:
            prefixes.append(word[:pre])
            word = word[pre:]
            break
        suf = _suffix_length(word[pre:], rules) if word[pre:] else 0
        if suf and word[:-suf] in specials:
            suffixes.append(word[-suf:])
            word = word[:-suf]
            break
        if pre and suf and pre + suf <= len(word):
            prefixes.append(word[:pre])
            suffixes.append(word[-suf:])
            word = word[pre:-suf]
        elif pre:
            prefixes.append(word[:pre])
            word = word[pre:]
        elif suf:
            suffixes.append(word[-suf:])
            word = word[:-suf]
    middle: list[str] = []
    if word in specials:
        middle = list(specials[word])
    elif _URL.match(word):
        middle = [word]
    elif word:
        start = 0
        for cut_start, cut_end in _infix_cuts(word):
            if cut_start == 0:
                continue
            if cut_start != start:
                middle.append(word[start:cut_start])
            middle.append(word[cut_start:cut_end])
            start = cut_end
        if word[start:]:
            middle.append(word[start:])
    return _rejoin_abbreviations(prefixes + middle + suffixes[::-1], specials)


def _rejoin_abbreviations(parts: list[str], specials: dict[str, tuple[str, ...]]) -> list[str]:
    """Join pieces that spell an abbreviation again: "Wien/St." -> Wien / St. (not St .).

    Longest first, then the later one; a piece joins at most one abbreviation.
    """
    found = [(j - i, i, j) for i in range(len(parts)) for j in range(i + 2, len(parts) + 1)
             if "".join(parts[i:j]) in specials]
    if not found:
        return parts
    taken: set[int] = set()
    chosen = []
    for _, i, j in sorted(found, reverse=True):
        if i not in taken and j - 1 not in taken:
            chosen.append((i, j))
        taken.update(range(i, j))
    for i, j in sorted(chosen, reverse=True):
        parts[i:j] = specials["".join(parts[i:j])]
    return parts


def _tokens(text: str, rules: _Rules) -> list[_Token]:
    """Tokens with offsets; whitespace other than one plain space after a word is a token."""
    tokens: list[_Token] = []
    for match in re.finditer(r"\S+|\s+", text):
        piece, start = match.group(), match.start()
        if piece.isspace():
            if tokens and piece[0] == " ":  # one plain space belongs to the word before it
                piece, start = piece[1:], start + 1
            if piece:
                tokens.append(_Token(piece, start, start + len(piece)))
            continue
        for part in _split_word(piece, rules):
            tokens.append(_Token(part, start, start + len(part)))
            start += len(part)
    return tokens


def _mark_sentence_ends(tokens: list[_Token], rules: _Rules) -> None:
    """A sentence-final character starts a new sentence at the next token that is not punctuation."""
    start, seen_final = 0, False
    for i, tok in enumerate(tokens):
        is_final = tok.text in rules.sentence_final
        if seen_final and not is_final and not tok.is_punct:
            tokens[start].is_sent_start = True
            start, seen_final = i, False
        elif is_final:
            seen_final = True
    tokens[start].is_sent_start = True


def _number_ends_sentence(tok: _Token, nxt: _Token, rules: _Rules) -> bool:
    """ "92." before a word that cannot follow an ordinal ("Die"), or a year or a figure with
    separators before a capitalised word ("seit 2011. Traun"), ends a sentence."""
    return bool(_NUMBER_WITH_STOP.match(tok.text)) and (
        nxt.text in rules.sentence_openers or (bool(_NOT_AN_ORDINAL.match(tok.text)) and nxt.text[:1].isupper()))


HARD_WRAP_EVIDENCE = 3  # lines going on in lower case that show a text was wrapped at a fixed width


def _is_hard_wrapped(text: str) -> bool:
    """Whether the text was wrapped at a fixed width (copied from a PDF, a mail or a feed): at least
    HARD_WRAP_EVIDENCE of its lines go on in lower case on the next line. There a capital after a
    single line break is mostly a noun that goes on with the sentence ("von fast 6,5\nBillionen Euro")."""
    lines = text.split("\n")
    return sum(1 for line, after in zip(lines, lines[1:])
               if line.strip() and after.lstrip()[:1].islower()) >= HARD_WRAP_EVIDENCE


def _mend_boundaries(tokens: list[_Token], rules: _Rules, hard_wrapped: bool = False) -> None:
    """Adjust the sentence starts for news text (see the module docstring)."""
    n = len(tokens)
    first_newline = next((t.start + t.text.index("\n") for t in tokens if "\n" in t.text), None)
    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if "\n" in tok.text:
            # The next real token starts a sentence, unless the line continues a wrapped sentence: it
            # starts in lower case, or the line before ends in a word no sentence ends in ("in\nDeutschland"),
            # or the text is hard-wrapped and this is a single line break after the first line (a title or
            # teaser); a full stop before the break still ends the sentence.
            j = i + 1
            while j < n and tokens[j].is_space:
                j += 1
            k = i - 1
            while k >= 0 and tokens[k].is_space:
                k -= 1
            single = sum(t.text.count("\n") for t in tokens[k + 1:j]) == 1
            wrapped = single and k >= 0 and (
                tokens[k].text in rules.line_continuers
                or (hard_wrapped and tok.start + tok.text.index("\n") != first_newline
                    and not (j < n and _number_ends_sentence(tokens[k], tokens[j], rules))))
            if j < n and not tokens[j].text[:1].islower() and not wrapped:
                tokens[j].is_sent_start = True
        elif _number_ends_sentence(tok, nxt, rules):
            nxt.is_sent_start = True
    # An opener at the very end of a sentence belongs to the next one.
    for i in range(1, n):
        if tokens[i].is_sent_start and tokens[i - 1].text in rules.openers and not tokens[i - 1].is_sent_start:
            tokens[i - 1].is_sent_start = True
            tokens[i].is_sent_start = False
    # Debris-only sentences (punctuation and spaces) join the sentence before them.
    starts = [i for i in range(n) if i == 0 or tokens[i].is_sent_start]
    for k, s in enumerate(starts):
        if s == 0:
            continue
        e = starts[k + 1] if k + 1 < len(starts) else n
        if not any(ch.isalnum() for t in tokens[s:e] for ch in t.text):
            tokens[s].is_sent_start = False


# A "sentence" longer than this many tokens (a real one has rarely 100) is a list, a table or text without
# full stops; it is cut into pieces, at a comma, semicolon or line break where one is near, because later
# stages look at a figure's whole sentence for each figure in it and would take minutes over one such piece.
MAX_SENTENCE_TOKENS = 300
_CUT_BACK = 100  # how far back from the limit a piece may end at a comma, semicolon or line break


def _capped(starts: list[int], tokens: list[_Token]) -> list[int]:
    """The sentence starts with extra ones inside sentences longer than MAX_SENTENCE_TOKENS."""
    out: list[int] = []
    for k, first in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(tokens)
        out.append(first)
        while end - out[-1] > MAX_SENTENCE_TOKENS:
            limit = out[-1] + MAX_SENTENCE_TOKENS
            cut = next((i + 1 for i in range(limit - 1, limit - _CUT_BACK, -1)
                        if tokens[i].text in (",", ";") or "\n" in tokens[i].text), limit)
            out.append(cut)
    return out


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of `text`; `text[s.start:s.end] == s.text`, surrounding whitespace excluded."""
    if not isinstance(text, str):
        raise ValueError(f"split_sentences needs a str, not {type(text).__name__}.")
    if not text.strip():
        return []
    rules = _rules()
    tokens = _tokens(text, rules)
    _mark_sentence_ends(tokens, rules)
    _mend_boundaries(tokens, rules, _is_hard_wrapped(text))
    starts = _capped([i for i, tok in enumerate(tokens) if i == 0 or tok.is_sent_start], tokens)
    sentences: list[Sentence] = []
    for k, first in enumerate(starts):
        last = (starts[k + 1] if k + 1 < len(starts) else len(tokens)) - 1
        start, end = tokens[first].start, tokens[last].end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            sentences.append(Sentence(text=text[start:end], start=start, end=end))
    return sentences
