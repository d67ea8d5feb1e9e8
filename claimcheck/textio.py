"""Turning what a user hands us (bytes, a file, pasted text, HTML) into article text.

Every problem becomes an `InputError` with a message a user can act on; nothing
here raises anything else for bad input.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path

# Longest article we accept (characters). A long feature is about 30,000 characters;
# the limit keeps one request from occupying the machine for minutes.
MAX_CHARS = 200_000


class InputError(ValueError):
    """Bad input, with a message meant for the user."""


_HTML_HINT = re.compile(r"<\s*(html|body|p|div|article|span|br|h[1-6]|!doctype)\b", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT.search(text[:5000]))


_BLOCK_TAGS = ["p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th",
               "section", "article", "header", "aside", "blockquote", "pre", "figure", "figcaption", "dl", "dt", "dd",
               "main", "hr", "title"]


def html_to_text(html: str) -> str:
    """The readable text of an HTML page: scripts and styles dropped, blocks on their own lines."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head", "nav", "footer"]):
        tag.decompose()
    # Blocks on their own lines, inline elements ("<a>TikTok</a>", "<strong>rund 80</strong>") inside theirs.
    for tag in soup("br"):
        tag.replace_with("\n")
    for tag in soup(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = soup.get_text()
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Decode an uploaded file; binary data is refused, HTML is reduced to its text."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: this looks like a binary file, not text. Give a .txt, .md or .html file.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(f"{name}: the file is not UTF-8 text.") from None
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 100):
        raise InputError(f"{name}: this looks like a binary file, not text.")
    return html_to_text(text) if looks_like_html(text) else text


def csv_row_too_long(text: str) -> str | None:
    """Where a CSV row has more fields than its header ("a,b,c," under "id,text,source"), which pandas
    would read with its columns shifted (the first one taken as an index): a message naming the row."""
    import csv
    import io

    rows = csv.reader(io.StringIO(text))
    header = next(rows, [])
    for row in rows:
        if len(row) > len(header):
            return (f"line {rows.line_num} has {len(row)} fields but the header has {len(header)} (a trailing comma, "
                    "or a comma in a text that is not in quotes?)")
    return None


def read_article(path: str | Path) -> str:
    """Read an article file (UTF-8 text, Markdown or HTML)."""
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{p}: is a folder; give an article file (.txt, .md or .html).")
    if not p.is_file():
        raise InputError(f"{p}: no such file.")
    return validate_text(decode_bytes(p.read_bytes(), name=str(p)))


NFC_WARNING = ("The text had decomposed letters (an umlaut as a letter plus a combining mark, as text copied on "
               "macOS may have); it was read in Unicode NFC form, so character offsets refer to that form.")


def validate_text(text: str) -> str:
    """Refuse empty and oversized articles; return the text unchanged otherwise."""
    if text is not None and not isinstance(text, str):
        raise InputError(f"The article must be text (a str), not {type(text).__name__}.")
    if text is None or not str(text).strip():
        raise InputError("The article is empty.")
    if len(text) > MAX_CHARS:
        raise InputError(
            f"The article has {len(text):,} characters; the limit is {MAX_CHARS:,}. Split it into parts."
        )
    return text


INVISIBLE_WARNING = ("The text had invisible characters or hyphenation marks inside words or numbers (soft hyphens, "
                     "zero-width spaces, NUL bytes, \"¬\"); they were removed before reading, so character offsets refer "
                     "to the text without them.")
# Invisible in a page, but they split words and numbers for the reader: "57 Mil&shy;liarden" would be 57,
# "290\u200b.000" 290. Soft hyphen, zero-width space, non-joiner and joiner, word joiner, a byte-order mark, NUL;
# and the hyphenation mark of scanned text between two letters ("5 Pro¬zent", "Kon¬zerngiganten"; audit 32).
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\x00]|(?<=[^\\W\\d_])\u00ac(?=[^\\W\\d_])")


def composed(text: str) -> str:
    """The text in Unicode NFC form: the word tables hold composed letters, and a decomposed "März"
    or "für" would not be read (text copied on macOS may be decomposed)."""
    return unicodedata.normalize("NFC", text)


def readable(text: str) -> str:
    """The text as claimcheck reads it: in NFC form (composed()) and without invisible characters."""
    return _INVISIBLE.sub("", composed(text))


@lru_cache(maxsize=None)
def function_words(lang: str) -> frozenset[str]:
    """The frequent function words of `lang` ("de", "en"): claimcheck/lang/<lang>/language.toml."""
    data = tomllib.loads(resources.files(f"claimcheck.lang.{lang}").joinpath("language.toml").read_text("utf-8"))
    return frozenset(data["function_words"])


def language_warning(text: str) -> str | None:
    """A warning when the text does not look German; None when it does (or is too short to tell)."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < 20:
        return None
    share = sum(w in function_words("de") for w in words) / len(words)
    # German news prose has 30-45 % function words from the table; English or French text has < 8 %.
    if share < 0.12:
        return (
            "The text does not look German: claimcheck reads German figures and may miss or misread claims."
        )
    return None
