"""Reading trusted reference facts from files (JSONL, CSV, Parquet) and from Python.

Every problem with a file becomes a `FactFileError` whose message names the file,
the line (JSONL) or row (CSV, Parquet) and what is wrong, e.g.
"facts.jsonl line 3: not valid JSON (Expecting ',' delimiter at column 12)".

A fact needs a non-empty string `id` and `text`; `source`, `as_of` (YYYY, YYYY-MM
or YYYY-MM-DD) and `lang` (e.g. "de", "en") are optional. Other columns are ignored;
`quantities` and `subject` are derived by the store on ingest, never read from files.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any, Iterable, Mapping

from claimcheck.quantities import LANGUAGES as READ_LANGUAGES  # whose figures the reader reads
from claimcheck.quantities.dates import iso_interval
from claimcheck.textio import InputError, csv_row_too_long
from claimcheck.types import Fact

# A fact states one thing: a longer text is a document, and reading one of 990,000 characters took minutes.
MAX_FACT_CHARS = 5000
FACT_FIELDS = ("id", "text", "source", "as_of", "lang")
OPTIONAL_FIELDS = ("source", "as_of", "lang")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
CSV_SUFFIXES = (".csv",)
PARQUET_SUFFIXES = (".parquet", ".pq")
_PARQUET_MAGIC = b"PAR1"

_AS_OF = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_LANG = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$")


class FactFileError(InputError):
    """A fact file or record that cannot be used, with a message meant for the user."""


def normalise_as_of(value: Any) -> str | None:
    """`as_of` as "YYYY", "YYYY-MM" or "YYYY-MM-DD"; dates become ISO days. Raises ValueError."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # a CSV or JSON year written as a number
    if not isinstance(value, str):
        raise ValueError(f"'as_of' must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    text = value.strip()
    m = _AS_OF.match(text)
    if not m:
        raise ValueError(f"'as_of' must be written YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"'as_of' {value!r} is not a calendar date") from None
    return text


def as_of_interval(as_of: str | None) -> tuple[str | None, str | None]:
    """The first and last ISO day an `as_of` stands for ("2020-08" -> 2020-08-01 .. 2020-08-31)."""
    if not as_of:
        return None, None
    first, last = iso_interval(as_of)
    return first.isoformat(), last.isoformat()


def fact_from_record(record: Mapping[str, Any] | Fact) -> Fact:
    """One validated `Fact` from a dict or Fact. Raises ValueError naming the field at fault."""
    if isinstance(record, Fact):
        record = asdict(record)
    if not isinstance(record, Mapping):
        raise ValueError(f"a fact must be an object with 'id' and 'text', not {type(record).__name__}")
    values: dict[str, Any] = {}
    for name in ("id", "text"):
        value = record.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ValueError(f"missing '{name}'")
        if not isinstance(value, str):
            raise ValueError(f"'{name}' must be a string, not {type(value).__name__} {value!r}")
        values[name] = value.strip() if name == "id" else value
    if len(values["text"]) > MAX_FACT_CHARS:
        raise ValueError(f"'text' has {len(values['text']):,} characters; a fact is one statement of at most "
                         f"{MAX_FACT_CHARS:,} (split a longer text into facts)")
    source = record.get("source")
    if source is not None and not isinstance(source, str):
        raise ValueError(f"'source' must be a string, not {type(source).__name__}")
    values["source"] = source or None
    values["as_of"] = normalise_as_of(record.get("as_of"))
    lang = record.get("lang")
    if lang in (None, ""):
        values["lang"] = None
    elif not isinstance(lang, str) or not _LANG.match(lang.strip().lower()):
        raise ValueError(f"'lang' must be a language code such as \"de\" or \"en\", not {lang!r}")
    elif lang.strip().lower().split("-")[0] not in READ_LANGUAGES:
        raise ValueError(f"'lang' is {lang!r}, but claimcheck reads figures in German (\"de\") and English (\"en\") "
                         "only; a fact in another language could never support or contradict a claim")
    else:
        values["lang"] = lang.strip().lower()
    return Fact(**values)


def facts_from_records(records: Iterable[Mapping[str, Any] | Fact], *, origin: str = "facts") -> list[Fact]:
    """Validated facts from Python dicts or Fact objects; errors name the item's position (1-based)."""
    return _validated(((i, r) for i, r in enumerate(records, start=1)), origin, "item", allow_empty=True)


def read_facts(path: str | Path) -> list[Fact]:
    """All facts in a JSONL, CSV or Parquet file, validated. Raises FactFileError."""
    p = Path(path)
    if not p.exists():
        raise FactFileError(f"{p}: no such file.")
    if not p.is_file():
        raise FactFileError(f"{p}: not a file.")
    data = p.read_bytes()
    if not data.strip():
        raise FactFileError(f"{p}: the file is empty; it holds no facts.")
    suffix = p.suffix.lower()
    if suffix in PARQUET_SUFFIXES or data[:4] == _PARQUET_MAGIC:
        return _read_parquet(p, data)
    if b"\x00" in data[:8192]:
        raise FactFileError(
            f"{p}: this looks like a binary file; give facts as JSONL (.jsonl), CSV (.csv) or Parquet (.parquet)."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise FactFileError(f"{p} line {line}: not UTF-8 text; save the file as UTF-8.") from None
    if suffix in CSV_SUFFIXES:
        return _read_csv(p, text)
    if suffix in JSONL_SUFFIXES or text.lstrip()[:1] in ("{", "["):
        return _read_jsonl(p, text)
    raise FactFileError(
        f"{p}: unknown fact file format {suffix or '(no suffix)'!r}; use .jsonl, .csv or .parquet."
    )


def _read_jsonl(p: Path, text: str) -> list[Fact]:
    # Plain json per line rather than `datasets`: it can say which line is wrong.
    if text.lstrip().startswith("["):  # maybe a .json file holding one array of facts
        try:
            items = json.loads(text)
        except json.JSONDecodeError:
            items = None  # not one array: read it line by line, which names the bad line
        if isinstance(items, list):
            return _validated(((i, r) for i, r in enumerate(items, start=1)), str(p), "item")

    def numbered() -> Iterable[tuple[int, Any]]:
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                yield lineno, json.loads(line)
            except json.JSONDecodeError as e:
                raise FactFileError(f"{p} line {lineno}: not valid JSON ({e.msg} at column {e.colno}).") from None

    return _validated(numbered(), str(p), "line")


def quiet_datasets() -> None:
    """Keep `datasets` from writing progress bars and log lines to stderr, so that an error stays one line."""
    from datasets.utils import logging as datasets_logging

    datasets_logging.set_verbosity_error()
    datasets_logging.disable_progress_bar()


def _read_csv(p: Path, text: str) -> list[Fact]:
    import csv

    import datasets

    header = next(csv.reader(text.splitlines()[:1]), [])
    columns = [c.strip() for c in header]
    for name in ("id", "text"):
        if name not in columns:
            raise FactFileError(f"{p} line 1: the header has no '{name}' column (found: {', '.join(columns) or 'nothing'}).")
    if len(set(columns)) != len(columns):
        raise FactFileError(f"{p} line 1: the header repeats a column name ({', '.join(columns)}).")
    too_long = csv_row_too_long(text)
    if too_long:
        raise FactFileError(f"{p}: {too_long}")
    if not any(line.strip() for line in text.splitlines()[1:]):
        raise FactFileError(f"{p}: the file has a header but no facts.")
    # Every column as a string: pandas would otherwise turn ids like 007 into 7 and years into ints.
    quiet_datasets()
    features = datasets.Features({c: datasets.Value("string") for c in header})
    with tempfile.TemporaryDirectory(prefix="claimcheck-csv-") as cache:
        try:
            ds = datasets.Dataset.from_csv(
                str(p), features=features, na_filter=False, keep_in_memory=True, cache_dir=cache
            )
        except Exception as e:  # pandas' parser error sits in the cause chain and names the line
            cause = e.__cause__ or e
            raise FactFileError(f"{p}: not a valid CSV file ({_one_line(cause)}).") from None
        rows = [{k.strip(): v for k, v in row.items()} for row in ds]
    return _validated(((i, r) for i, r in enumerate(rows, start=1)), str(p), "row")


def _read_parquet(p: Path, data: bytes) -> list[Fact]:
    import datasets

    quiet_datasets()
    if data[:4] != _PARQUET_MAGIC or data[-4:] != _PARQUET_MAGIC:
        raise FactFileError(f"{p}: not a Parquet file (it lacks Parquet's PAR1 markers).")
    import pyarrow.parquet as pq

    try:
        if pq.ParquetFile(p).metadata.num_rows == 0:
            raise FactFileError(f"{p}: the Parquet file holds no facts.")
    except FactFileError:
        raise
    except Exception:  # a damaged file: datasets below says what is wrong with it
        pass
    with tempfile.TemporaryDirectory(prefix="claimcheck-parquet-") as cache:
        try:
            ds = datasets.Dataset.from_parquet(str(p), keep_in_memory=True, cache_dir=cache)
        except Exception as e:
            raise FactFileError(f"{p}: the Parquet file cannot be read ({_one_line(e.__cause__ or e)}).") from None
        for name in ("id", "text"):
            if name not in ds.column_names:
                raise FactFileError(
                    f"{p}: the Parquet file has no '{name}' column (found: {', '.join(ds.column_names)})."
                )
        rows = list(ds)
    return _validated(((i, r) for i, r in enumerate(rows, start=1)), str(p), "row")


def _validated(
    numbered: Iterable[tuple[int, Any]], origin: str, unit: str, *, allow_empty: bool = False
) -> list[Fact]:
    facts: list[Fact] = []
    first_seen: dict[str, int] = {}
    for number, record in numbered:
        try:
            fact = fact_from_record(record)
        except ValueError as e:
            raise FactFileError(f"{origin} {unit} {number}: {e}.") from None
        if fact.id in first_seen:
            raise FactFileError(
                f"{origin} {unit} {number}: duplicate id {fact.id!r} (first at {unit} {first_seen[fact.id]})."
            )
        first_seen[fact.id] = number
        facts.append(fact)
    if not facts and not allow_empty:
        raise FactFileError(f"{origin}: no facts found.")
    return facts


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())[:300] or type(error).__name__
