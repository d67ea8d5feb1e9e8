"""The store of trusted reference facts: LanceDB, embedded and persisted, searchable across languages.

A store is a LanceDB database (a directory, or any URI `lancedb.connect` accepts:
`s3://bucket/facts`, `gs://...`, `db://name` for LanceDB Cloud/Enterprise) holding
two tables:

- `facts`: one row per fact: id, text, source, as_of (+ its first/last day), lang,
  subject (+ lowercased key), kinds of its figures, quantities (JSON), a content
  hash and the passage vector;
- `claimcheck_meta`: the encoder's name and dimension, so that a store is never
  searched with vectors from another encoder.

Writes go through `merge_insert("id")`: ids are stable, re-adding an unchanged fact
rewrites nothing, a changed text replaces the old row. Each LanceDB commit is
atomic, and `add()` returns only after its commit: an acknowledged fact survives a
killed process (not a power cut: LanceDB does not fsync).

Search is exact up to `INDEX_MIN_ROWS` facts; from there an IVF_HNSW_SQ cosine
index is built and queried with `refine_factor(REFINE_FACTOR)` (IVF_PQ, LanceDB's
default, returns wrong neighbours on these vectors). Rows added later are searched
unindexed until `optimize()` folds them in; `add()` calls it once
`OPTIMIZE_UNINDEXED_ROWS` rows are unindexed or small files pile up.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
import tomllib
import weakref
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Optional, Sequence

import numpy as np
import pyarrow as pa

from claimcheck.facts_io import as_of_interval, facts_from_records, normalise_as_of, read_facts
from claimcheck.textio import german_function_words
from claimcheck.types import KINDS, Fact, Quantity

FACTS_TABLE = "facts"
META_TABLE = "claimcheck_meta"
SCHEMA_VERSION = "1"

# Below this many facts exact search is fast enough (about 2 ms at 10k, 384 dims);
# from here on an ANN index keeps a top-5 query in single-digit milliseconds.
INDEX_MIN_ROWS = 10_000
# HNSW over scalar-quantised vectors, re-ranked on the full vectors: recall 1.0 at 100k/200k.
REFINE_FACTOR = 5
# Unindexed rows are scanned exactly on every query; fold them into the index past this.
OPTIMIZE_UNINDEXED_ROWS = 5_000
# Every merge_insert writes at least one file; compact once this many small ones exist.
OPTIMIZE_SMALL_FRAGMENTS = 32
# Rows per commit (and per encoder call) inside one add().
WRITE_BATCH = 5_000
# Vector hits fetched per requested hit, re-ranked with the lexical score.
CANDIDATES_PER_HIT = 4
MIN_CANDIDATES = 20
# e5 cosines crowd between 0.8 and 0.99, so a shared name or number is worth a few hundredths.
LEXICAL_WEIGHT = 0.05


class StoreError(ValueError):
    """A store that cannot be opened or used as asked, with a message meant for the user."""


@dataclass
class AddResult:
    added: int
    replaced: int
    unchanged: int


@dataclass
class Hit:
    fact: Fact
    score: float  # cosine similarity between query and fact vectors
    lexical: float  # share of the query's names and numbers that the fact also has, 0..1

    @property
    def rank_score(self) -> float:
        """What search results are ordered by."""
        return self.score + LEXICAL_WEIGHT * self.lexical


def _derivers() -> tuple[Optional[Callable], Optional[Callable]]:
    """The quantity reader and the subject reader, where their modules exist yet."""
    try:
        from claimcheck.quantities import read_quantities
    except ImportError:  # during development only: facts get no quantities until the reader lands
        read_quantities = None
    try:
        from claimcheck.subjects import fact_subject
    except ImportError:
        fact_subject = None
    return read_quantities, fact_subject


class ReferenceStore:
    """Trusted facts in LanceDB. Open with `ReferenceStore.open(path_or_uri)` or `.in_memory()`."""

    def __init__(self, db: Any, uri: str, encoder: Any = None, *, temp_dir: Optional[str] = None) -> None:
        self._db = db
        self.uri = uri
        self._encoder = encoder
        self._table = None
        self._meta: Optional[dict[str, str]] = None
        self._closed = False
        self._temp_dir = temp_dir
        self._cleanup = weakref.finalize(self, shutil.rmtree, temp_dir, True) if temp_dir else None
        self._read_quantities, self._fact_subject = _derivers()
        if self._table_exists(FACTS_TABLE):
            self._table = db.open_table(FACTS_TABLE)
        if self._table_exists(META_TABLE):
            rows = db.open_table(META_TABLE).to_arrow().to_pylist()
            self._meta = {r["key"]: r["value"] for r in rows}
        if encoder is not None:
            self._check_encoder(encoder)

    # ---- opening and closing -------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path,
        encoder: Any = None,
        *,
        read_consistency_interval: Optional[dt.timedelta] = dt.timedelta(0),
        **connect_options: Any,
    ) -> "ReferenceStore":
        """Open (or create) the store at a directory or URI.

        A local path is created if missing. A URI (`s3://`, `gs://`, `az://`, `db://`...)
        goes to `lancedb.connect` unchanged with `connect_options` (api_key, region,
        storage_options, host_override...). `read_consistency_interval=timedelta(0)`
        makes every read see the latest commit of other processes; None reads a snapshot.
        """
        import lancedb

        uri = str(path)
        if not uri.strip():
            raise StoreError("The store path is empty.")
        if "://" not in uri:
            p = Path(uri)
            if p.exists() and not p.is_dir():
                raise StoreError(f"{p}: exists and is not a directory; a store is a directory.")
            try:
                p.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"{p}: cannot create the store directory ({e.strerror}).") from None
        if uri.startswith("db://"):
            # LanceDB Cloud/Enterprise: connection settings may come from the environment
            # (lancedb itself reads LANCEDB_API_KEY).
            for option, variable in (("region", "LANCEDB_REGION"), ("host_override", "LANCEDB_HOST_OVERRIDE")):
                if option not in connect_options and os.environ.get(variable):
                    connect_options[option] = os.environ[variable]
        try:
            db = lancedb.connect(uri, read_consistency_interval=read_consistency_interval, **connect_options)
        except Exception as e:
            raise StoreError(f"{uri}: cannot open the store ({e}).") from None
        return cls(db, uri, encoder)

    @classmethod
    def in_memory(cls, encoder: Any = None) -> "ReferenceStore":
        """A throwaway store in a temporary directory, deleted on close (for `--facts FILE`)."""
        import lancedb

        temp_dir = tempfile.mkdtemp(prefix="claimcheck-store-")
        return cls(lancedb.connect(temp_dir), temp_dir, encoder, temp_dir=temp_dir)

    def close(self) -> None:
        self._table = None
        self._db = None
        self._closed = True
        if self._cleanup is not None:
            self._cleanup()

    def __enter__(self) -> "ReferenceStore":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # ---- writing ---------------------------------------------------------------------------

    def add_file(self, path: str | Path) -> AddResult:
        """Add the facts of a JSONL, CSV or Parquet file (see claimcheck.facts_io)."""
        return self.add(read_facts(path))

    def add(
        self,
        facts: Iterable[Fact | Mapping[str, Any]],
        *,
        vectors: Optional[np.ndarray] = None,
    ) -> AddResult:
        """Insert new facts, replace changed ones (same id, other content), skip unchanged ones.

        `vectors` (one passage vector per fact, in order) skips the encoder, e.g. when
        the caller already encoded the texts. Returns only after the data is committed.
        """
        self._check_open()
        facts = facts_from_records(facts)
        if vectors is not None:
            vectors = np.asarray(vectors, dtype=np.float32)
            if vectors.ndim != 2 or vectors.shape[0] != len(facts):
                raise StoreError(f"vectors must have shape ({len(facts)}, dim), not {vectors.shape}.")
        seen: set[str] = set()
        for f in facts:
            if f.id in seen:
                raise StoreError(f"fact id {f.id!r} appears twice in one add().")
            seen.add(f.id)
        total = AddResult(0, 0, 0)
        for start in range(0, len(facts), WRITE_BATCH):
            batch = facts[start : start + WRITE_BATCH]
            batch_vectors = None if vectors is None else vectors[start : start + WRITE_BATCH]
            result = self._add_batch(batch, batch_vectors)
            total = AddResult(
                total.added + result.added, total.replaced + result.replaced, total.unchanged + result.unchanged
            )
        if total.added or total.replaced:
            self._maintain()
        return total

    def _add_batch(self, facts: list[Fact], vectors: Optional[np.ndarray]) -> AddResult:
        hashes = [self._content_hash(f) for f in facts]
        stored = self._stored_hashes([f.id for f in facts])
        todo = [i for i, (f, h) in enumerate(zip(facts, hashes)) if stored.get(f.id) != h]
        replaced = sum(1 for i in todo if facts[i].id in stored)
        result = AddResult(added=len(todo) - replaced, replaced=replaced, unchanged=len(facts) - len(todo))
        if not todo:
            return result
        if vectors is None:
            encoder = self._get_encoder()
            todo_vectors = np.asarray(encoder.encode_passages([facts[i].text for i in todo]), dtype=np.float32)
        else:
            todo_vectors = vectors[todo]
        dim = int(todo_vectors.shape[1])
        self._ensure_tables(dim)
        rows = [self._row(facts[i], hashes[i]) for i in todo]
        self._table.merge_insert("id").when_matched_update_all().when_not_matched_insert_all().execute(
            self._arrow(rows, todo_vectors, dim)
        )
        return result

    def _row(self, fact: Fact, content_hash: str) -> dict[str, Any]:
        lang = fact.lang or detect_lang(fact.text)
        quantities = self._quantities(fact, lang)
        subject = self._subject(fact, lang)
        low, high = as_of_interval(fact.as_of)
        return {
            "id": fact.id,
            "text": fact.text,
            "source": fact.source,
            "as_of": fact.as_of,
            "as_of_low": low,
            "as_of_high": high,
            "lang": lang,
            "subject": subject,
            "subject_key": subject.lower() if subject else None,
            "kinds": sorted({q.kind for q in quantities}),
            "quantities": json.dumps([q.to_dict() for q in quantities], ensure_ascii=False),
            "content_hash": content_hash,
        }

    def _quantities(self, fact: Fact, lang: str) -> list[Quantity]:
        if self._read_quantities is None or lang not in ("de", "en"):
            return []  # the figure reader reads German and English only
        published = None
        if fact.as_of and len(fact.as_of) == 10:  # a full day anchors relative figures ("90 days")
            published = dt.date.fromisoformat(fact.as_of)
        try:
            return list(self._read_quantities(fact.text, published=published, lang=lang))
        except Exception as e:
            raise StoreError(f"fact {fact.id!r}: reading its figures failed ({e}).") from e

    def _subject(self, fact: Fact, lang: str) -> Optional[str]:
        if self._fact_subject is None:
            return None
        try:
            subject = self._fact_subject(fact.text, lang=lang)
        except Exception as e:
            raise StoreError(f"fact {fact.id!r}: finding its subject failed ({e}).") from e
        return subject or None

    def _content_hash(self, fact: Fact) -> str:
        # Which derivers ran is part of the hash: once the figure or subject reader
        # arrives, re-adding a file fills in what earlier adds could not derive.
        derived_by = [self._read_quantities is not None, self._fact_subject is not None]
        payload = json.dumps([fact.text, fact.source, fact.as_of, fact.lang, derived_by], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def _stored_hashes(self, ids: list[str]) -> dict[str, str]:
        if self._table is None:
            return {}
        found: dict[str, str] = {}
        for start in range(0, len(ids), 1000):
            chunk = ids[start : start + 1000]
            where = f"id IN ({', '.join(_sql_str(i) for i in chunk)})"
            table = self._table.search().where(where).select(["id", "content_hash"]).limit(None).to_arrow()
            found.update(zip(table["id"].to_pylist(), table["content_hash"].to_pylist()))
        return found

    def _schema(self, dim: int) -> pa.Schema:
        return pa.schema(
            [
                ("id", pa.string()),
                ("text", pa.string()),
                ("source", pa.string()),
                ("as_of", pa.string()),
                ("as_of_low", pa.string()),
                ("as_of_high", pa.string()),
                ("lang", pa.string()),
                ("subject", pa.string()),
                ("subject_key", pa.string()),
                ("kinds", pa.list_(pa.string())),
                ("quantities", pa.string()),
                ("content_hash", pa.string()),
                ("vector", pa.list_(pa.float32(), dim)),
            ]
        )

    def _arrow(self, rows: list[dict[str, Any]], vectors: np.ndarray, dim: int) -> pa.Table:
        schema = self._schema(dim)
        columns = {name: [r[name] for r in rows] for name in schema.names if name != "vector"}
        flat = pa.array(np.ascontiguousarray(vectors, dtype=np.float32).ravel(), type=pa.float32())
        columns["vector"] = pa.FixedSizeListArray.from_arrays(flat, dim)
        return pa.Table.from_pydict(columns, schema=schema)

    def _ensure_tables(self, dim: int) -> None:
        name = self._encoder_name()
        if self._meta is None:
            meta = {"encoder_name": name, "encoder_dim": str(dim), "schema_version": SCHEMA_VERSION}
            rows = pa.table({"key": list(meta), "value": list(meta.values())})
            self._db.create_table(META_TABLE, rows, exist_ok=True)
            self._meta = {r["key"]: r["value"] for r in self._db.open_table(META_TABLE).to_arrow().to_pylist()}
        if int(self._meta["encoder_dim"]) != dim:
            raise StoreError(
                f"{self.uri}: the store holds {self._meta['encoder_dim']}-dimensional vectors, "
                f"these have {dim} dimensions."
            )
        if self._table is None:
            self._table = self._db.create_table(FACTS_TABLE, schema=self._schema(dim), exist_ok=True)

    def _maintain(self) -> None:
        """Build the index once the store is big enough; fold in new rows and compact files."""
        if self.uri.startswith("db://"):
            return  # LanceDB Cloud/Enterprise index and compact new rows themselves
        rows = self._table.count_rows()
        if not self._has_vector_index():
            if rows >= INDEX_MIN_ROWS:
                self.build_index()
                return
        elif self._unindexed_rows() >= OPTIMIZE_UNINDEXED_ROWS:
            self.optimize()
            return
        small = self._table.stats()["fragment_stats"]["num_small_fragments"]
        if small >= OPTIMIZE_SMALL_FRAGMENTS:
            self.optimize()

    def build_index(self) -> None:
        """(Re)build the cosine IVF_HNSW_SQ vector index and the scalar indexes of the filter columns."""
        from lancedb.index import BTree, HnswSq, LabelList

        self._check_open()
        if self._table is None:
            return
        self._table.optimize()  # compact first: one commit per WRITE_BATCH rows leaves many small files
        self._table.create_index("vector", config=HnswSq(distance_type="cosine"), replace=True)
        self._table.create_index("id", config=BTree(), replace=True)
        self._table.create_index("subject_key", config=BTree(), replace=True)
        self._table.create_index("kinds", config=LabelList(), replace=True)

    def optimize(self) -> None:
        """Compact small files and add unindexed rows to the indexes (LanceDB's optimize())."""
        self._check_open()
        if self._table is not None:
            self._table.optimize()

    # ---- reading ---------------------------------------------------------------------------

    def search(
        self,
        query: str | Sequence[float] | np.ndarray,
        k: int = 10,
        *,
        kind: str | Sequence[str] | None = None,
        subject: Optional[str] = None,
        date_from: str | dt.date | None = None,
        date_to: str | dt.date | None = None,
        query_text: Optional[str] = None,
    ) -> list[Hit]:
        """The k facts nearest to a text (encoded as a query) or a query vector.

        Candidates come from cosine vector search and are re-ranked with a lexical
        score (shared names and numbers; pass `query_text` with a vector to get it).
        Filters: `kind` (one or several of KINDS: facts with such a figure),
        `subject` (case-insensitive, exact), `date_from`/`date_to` (facts whose `as_of`
        overlaps the interval; facts without `as_of` are then left out).
        """
        self._check_open()
        if not isinstance(k, int) or k < 1:
            raise StoreError(f"k must be a positive whole number, not {k!r}.")
        where = self._where(kind, subject, date_from, date_to)
        if isinstance(query, str):
            if not query.strip():
                raise StoreError("The search text is empty.")
            query_text = query
            vector = np.asarray(self._get_encoder().encode_queries([query])[0], dtype=np.float32)
        else:
            vector = np.asarray(query, dtype=np.float32)
            if vector.ndim == 2 and vector.shape[0] == 1:
                vector = vector[0]
        if self._table is None:
            return []
        dim = int(self._meta["encoder_dim"])
        if vector.shape != (dim,):
            raise StoreError(f"The query vector has shape {vector.shape}; this store holds {dim}-dimensional vectors.")
        n = max(k * CANDIDATES_PER_HIT, MIN_CANDIDATES)
        # refine_factor re-ranks ANN results on full vectors; exact (unindexed) search ignores it,
        # so it is always set rather than asking for the index state on every query.
        q = (
            self._table.search(vector, vector_column_name="vector")
            .distance_type("cosine")
            .limit(n)
            .refine_factor(REFINE_FACTOR)
            .select(_RESULT_COLUMNS + ["_distance"])  # naming _distance keeps LanceDB from warning on every search
        )
        if where:
            q = q.where(where, prefilter=True)
        table = q.to_arrow()
        hits = [
            Hit(_fact_from_row(row), score=1.0 - float(row["_distance"]), lexical=lexical_overlap(query_text, row["text"], row["subject"]))
            for row in table.to_pylist()
        ]
        hits.sort(key=lambda h: h.rank_score, reverse=True)
        return hits[:k]

    def get(self, fact_id: str) -> Optional[Fact]:
        """The fact with this id, or None."""
        self._check_open()
        if self._table is None:
            return None
        rows = self._table.search().where(f"id = {_sql_str(fact_id)}").limit(1).to_arrow().to_pylist()
        return _fact_from_row(rows[0]) if rows else None

    def ids(self) -> list[str]:
        """Every fact id in the store (one consistent version of it)."""
        self._check_open()
        if self._table is None:
            return []
        return self._table.search().select(["id"]).limit(None).to_arrow()["id"].to_pylist()

    def __len__(self) -> int:
        self._check_open()
        return 0 if self._table is None else self._table.count_rows()

    def stats(self) -> dict[str, Any]:
        """Count, languages, kinds of figures, location, encoder and index state."""
        self._check_open()
        info: dict[str, Any] = {
            "path": self.uri,
            "count": 0,
            "langs": {},
            "kinds": {},
            "encoder": (self._meta or {}).get("encoder_name"),
            "dim": int(self._meta["encoder_dim"]) if self._meta else None,
            "index": {"vector": "none (exact search)", "indexed_rows": 0, "unindexed_rows": 0},
            "quantities_reader": "claimcheck.quantities" if self._read_quantities else "unavailable",
            "subject_reader": "claimcheck.subjects.fact_subject" if self._fact_subject else "unavailable",
        }
        if self._table is None:
            return info
        table = self._table.search().select(["lang", "kinds"]).limit(None).to_arrow()
        info["count"] = table.num_rows
        info["langs"] = _counts(table["lang"].to_pylist())
        info["kinds"] = _counts(k for kinds in table["kinds"].to_pylist() for k in (kinds or []))
        info["version"] = self._table.version
        if self._has_vector_index():
            s = self._table.index_stats(self._vector_index_name())
            info["index"] = {
                "vector": f"{s.index_type} ({s.distance_type})",
                "indexed_rows": s.num_indexed_rows,
                "unindexed_rows": s.num_unindexed_rows,
            }
        else:
            info["index"]["unindexed_rows"] = table.num_rows
        return info

    # ---- helpers -----------------------------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError("The store is closed.")

    def _table_exists(self, name: str) -> bool:
        return name in self._db.list_tables().tables

    def _vector_index_name(self) -> Optional[str]:
        if self._table is None:
            return None
        for index in self._table.list_indices():
            if list(index.columns) == ["vector"]:
                return index.name
        return None

    def _has_vector_index(self) -> bool:
        return self._vector_index_name() is not None

    def _unindexed_rows(self) -> int:
        name = self._vector_index_name()
        return self._table.index_stats(name).num_unindexed_rows if name else self._table.count_rows()

    def _get_encoder(self) -> Any:
        if self._encoder is None:
            from claimcheck.models import get_encoder

            self._check_encoder(get_encoder())
        return self._encoder

    def _check_encoder(self, encoder: Any) -> None:
        if self._meta is not None:
            stored = (self._meta["encoder_name"], int(self._meta["encoder_dim"]))
            given = (str(encoder.name), int(encoder.dim))
            if stored != given:
                raise StoreError(
                    f"{self.uri}: the store was built with encoder {stored[0]!r} ({stored[1]} dims), "
                    f"but this run uses {given[0]!r} ({given[1]} dims). Use the same encoder "
                    f"(CLAIMCHECK_ENCODER) or build a new store with this one."
                )
        self._encoder = encoder

    def _encoder_name(self) -> str:
        if self._encoder is None:
            return "precomputed-vectors"  # vectors came with add(); no encoder was asked
        return str(self._encoder.name)

    def _where(self, kind: Any, subject: Optional[str], date_from: Any, date_to: Any) -> str:
        clauses: list[str] = []
        if kind is not None:
            kinds = [kind] if isinstance(kind, str) else list(kind)
            unknown = [k for k in kinds if k not in KINDS]
            if unknown or not kinds:
                raise StoreError(f"Unknown kind {unknown or kinds}; use one of {', '.join(KINDS)}.")
            clauses.append(f"array_has_any(kinds, [{', '.join(_sql_str(k) for k in kinds)}])")
        if subject is not None:
            clauses.append(f"subject_key = {_sql_str(subject.strip().lower())}")
        if date_from is not None:
            clauses.append(f"as_of_high >= {_sql_str(_date_bound(date_from, 'date_from', 0))}")
        if date_to is not None:
            clauses.append(f"as_of_low <= {_sql_str(_date_bound(date_to, 'date_to', 1))}")
        return " AND ".join(clauses)


def _date_bound(value: Any, name: str, side: int) -> str:
    try:
        as_of = normalise_as_of(value)
    except ValueError as e:
        raise StoreError(f"{name}: {e}.") from None
    return as_of_interval(as_of)[side]


def _sql_str(value: str) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def _counts(values: Iterable[Optional[str]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        key = v or "unknown"
        out[key] = out.get(key, 0) + 1
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))


_QUANTITY_FIELDS = {f.name for f in fields(Quantity)}
_RESULT_COLUMNS = ["id", "text", "source", "as_of", "lang", "subject", "quantities"]


def _fact_from_row(row: Mapping[str, Any]) -> Fact:
    quantities = [Quantity(**{k: v for k, v in q.items() if k in _QUANTITY_FIELDS}) for q in json.loads(row["quantities"] or "[]")]
    return Fact(
        id=row["id"],
        text=row["text"],
        source=row["source"],
        as_of=row["as_of"],
        lang=row["lang"],
        quantities=quantities,
        subject=row["subject"],
    )


# ---- language and lexical overlap ------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
# Digits with optional separators: "1.500", "1,500", "3,5", "800", "2020".
_NUMBER = re.compile(r"\d+(?:[.,' ]\d+)*")


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Capitalised words that are no names: German function words, English sentence openers."""
    english = tomllib.loads(resources.files("claimcheck.lang.en").joinpath("claims.toml").read_text("utf-8"))
    return german_function_words() | frozenset(english["subjects"]["stopwords"])


def detect_lang(text: str) -> str:
    """'de' or 'en' for a fact given without `lang`: German text is full of German function words."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return "de"
    share = sum(w in german_function_words() for w in words) / len(words)
    # German sentences have 25-45 % words from the table; English ones under 10 % ("in", "an", "die").
    return "de" if share >= 0.15 else "en"


def _normalise_number(digits: str) -> str:
    parts = re.split(r"[.,' ]", digits)
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
        return "".join(parts)  # thousands separators, German or English: 1.500 == 1,500
    if len(parts) == 2:
        return f"{parts[0]}.{parts[1]}"  # a decimal: 3,5 == 3.5
    return "".join(parts)


def lexical_tokens(text: str) -> dict[str, float]:
    """Names (capitalised words, not function words) and numbers, with their weights."""
    tokens: dict[str, float] = {}
    stop = _not_names()
    for word in _WORD.findall(text):
        if len(word) >= 2 and any(ch.isupper() for ch in word) and word.lower() not in stop:
            tokens[word.lower()] = 1.0
    for number in _NUMBER.findall(text):
        tokens["#" + _normalise_number(number)] = 2.0  # a shared figure says more than a shared word
    return tokens


def lexical_overlap(query: Optional[str], fact_text: str, fact_subject: Optional[str] = None) -> float:
    """Weighted share of the query's names and numbers found in the fact (0..1)."""
    if not query:
        return 0.0
    q = lexical_tokens(query)
    if not q:
        return 0.0
    f = lexical_tokens(fact_text)
    if fact_subject:
        f.update(lexical_tokens(fact_subject.title()))
    return sum(w for t, w in q.items() if t in f) / sum(q.values())
