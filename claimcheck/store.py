"""The store of trusted reference facts, searchable across languages.

Two stores, one behaviour (same rows, same filters, same ranking):

- `ReferenceStore`: LanceDB, embedded and persisted. A store is a LanceDB database
  (a directory, or any URI `lancedb.connect` accepts: `s3://bucket/facts`, `gs://...`,
  `db://name` for LanceDB Cloud/Enterprise) holding two tables:
  - `facts`: one row per fact: id, text, source, as_of (+ its first/last day), lang,
    subject (+ lowercased key), kinds of its figures, quantities (JSON), a content
    hash and the passage vector;
  - `claimcheck_meta`: the encoder's name and dimension, so that a store is never
    searched with vectors from another encoder.
- `MemoryStore` (what `ReferenceStore.in_memory()` returns, behind `--facts FILE`):
  the same rows in a Python list and the vectors in a numpy matrix, searched exactly.
  A throwaway store of a few thousand facts needs no database, and not importing
  lancedb saves seconds of start-up.

Writes: ids are stable, re-adding an unchanged fact rewrites nothing, a changed text
replaces the old row. LanceDB writes go through `merge_insert("id")`; each commit is
atomic and `add()` returns only after it: an acknowledged fact survives a killed
process (not a power cut: LanceDB does not fsync).

Search: cosine nearest neighbours, over-fetched and re-ranked with a lexical score
(shared names and numbers). `search_many()` gives each of many query vectors the hits
`search()` would, from one LanceDB query (identical vectors searched once): an
article's claims are looked up together. LanceDB searches exactly up to `INDEX_MIN_ROWS` facts;
from there a cosine index is built (IVF_HNSW_SQ; IVF_SQ past `LARGE_INDEX_ROWS`). Its
candidates come back with their full vectors, and the exact cosine is computed here
for those few rows (cheaper than LanceDB's `refine_factor`, which reads the vectors a
second time and four to five times as many of them). Rows added after
the index was built are searched unindexed until `optimize()` folds them in; `add()`
calls it once `OPTIMIZE_UNINDEXED_ROWS` rows are unindexed or small files pile up.

Search snapshot (claimcheck/search_snapshot.py): a local store of at least
`INDEX_MIN_ROWS` facts also keeps a read-optimised copy of its `facts` table at one
table version in `<store>/claimcheck_snapshot/` (a faiss index: HNSW, IVF past 250k
facts; the vectors and the result columns memory-mapped): a 100k-fact top-5 search in
2-3 ms instead of 8-15. Its rules:
- `search()`/`search_many()` use it when it exists, mirrors the table's current
  version and the query has no filter (kind/subject/date filters go to LanceDB and
  its scalar indexes). Otherwise they ask LanceDB exactly as without it. The
  candidates' exact cosines and the ranking are the same code on both paths, so where
  both find the same candidates the hits, scores and order are the same.
- `build_index()` and `optimize()` rebuild it (so does `add()`, which calls them once
  enough rows are new). Any other write makes it stale: a table version it does not
  mirror, so it is ignored until the next rebuild; never a wrong hit. It is written in
  a temporary directory and renamed into place: a killed build leaves the old one or
  none; a damaged one is ignored.
- Remote stores (s3://, gs://, az://, db://) and stores under `INDEX_MIN_ROWS` facts
  never get one; `ReferenceStore.open(..., search_snapshot=False)` or the setting
  CLAIMCHECK_SEARCH_SNAPSHOT=0 switches it off
  (no snapshot read, none built). `stats()` says whether it is fresh.
- faiss is imported only when a snapshot is built or opened.
"""
from __future__ import annotations

import asyncio
import base64
import datetime as dt
import hashlib
import json
import os
import re
import threading
import time
import tomllib
import warnings
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, Optional, Sequence

import numpy as np

from claimcheck import search_snapshot as snapshots
from claimcheck.config import get_settings
from claimcheck.facts_io import READ_LANGUAGES, as_of_interval, facts_from_records, normalise_as_of, read_facts
from claimcheck.quantities import READER_VERSION
from claimcheck.textio import InputError, function_words
from claimcheck.types import KINDS, Fact, Quantity

if TYPE_CHECKING:
    import pyarrow as pa

FACTS_TABLE = "facts"
META_TABLE = "claimcheck_meta"
SCHEMA_VERSION = "1"
# Part of each fact's content hash: facts stored before their figures' context vectors were kept
# are derived afresh when their file is added again.
CONTEXTS_VERSION = "figure-contexts-1"

# Below this many facts exact search is fast enough (about 2 ms at 10k, 384 dims);
# from here on an ANN index keeps a top-5 query in single-digit milliseconds.
INDEX_MIN_ROWS = 10_000
# From this many rows the vector index is IVF_SQ, cheap to build, instead of HNSW (see vector_index_config).
LARGE_INDEX_ROWS = 250_000
# HNSW's search breadth: at 10k facts recall@5 0.991 with LanceDB's default, 0.998 with 160, at the same CPU time.
# Real e5 vectors (eval/bench_recall.py, 100k rows of which 11k real passages): recall@5 0.994-0.996 with 160,
# 0.999-1.000 with 320 at about 0.5 ms more CPU a query (8-10 ms); 160 is kept, well above the 0.95 wanted.
HNSW_EF = 160
# IVF partitions searched a query (None: LanceDB's default, at least 20). An HnswSq table under
# LARGE_INDEX_ROWS has a single partition, so this matters to IVF_SQ tables only.
NPROBES: Optional[int] = None
# LanceDB's refine_factor (None: off): it fetches this many times the candidates from the index and
# keeps the nearest by exact distance.
REFINE_FACTOR: Optional[int] = None
# Unindexed rows are scanned exactly on every query; fold them into the index past this.
OPTIMIZE_UNINDEXED_ROWS = 5_000
# Every merge_insert writes at least one file; compact once this many small ones exist.
OPTIMIZE_SMALL_FRAGMENTS = 32
# A store without a usable snapshot looks for a newly built one at most this often (another process may build it).
SNAPSHOT_RECHECK_SECONDS = 2.0
# Rows per commit (and per encoder call) inside one add().
WRITE_BATCH = 5_000
# Vector hits fetched per requested hit, re-ranked with the exact cosine and the lexical score.
CANDIDATES_PER_HIT = 4
MIN_CANDIDATES = 20
# e5 cosines crowd between 0.8 and 0.99, so a shared name or number is worth a few hundredths.
LEXICAL_WEIGHT = 0.05


class StoreError(InputError):
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


@dataclass(frozen=True)
class SearchFilter:
    """Which facts a search may return; one rule, written as SQL for LanceDB and as a test for the memory store."""

    kinds: Optional[tuple[str, ...]] = None  # facts with a figure of one of these kinds
    subject_key: Optional[str] = None  # lowercased subject, exact
    first_day: Optional[str] = None  # facts whose as_of interval ends on or after this ISO day
    last_day: Optional[str] = None  # ... and starts on or before this one

    @classmethod
    def of(cls, kind: Any = None, subject: Optional[str] = None, date_from: Any = None, date_to: Any = None) -> "SearchFilter":
        kinds = None
        if kind is not None:
            kinds = (kind,) if isinstance(kind, str) else tuple(kind)
            unknown = [k for k in kinds if k not in KINDS]
            if unknown or not kinds:
                raise StoreError(f"Unknown kind {unknown or list(kinds)}; use one of {', '.join(KINDS)}.")
        return cls(
            kinds=kinds,
            subject_key=subject.strip().lower() if subject is not None else None,
            first_day=_date_bound(date_from, "date_from", 0) if date_from is not None else None,
            last_day=_date_bound(date_to, "date_to", 1) if date_to is not None else None,
        )

    def sql(self) -> str:
        clauses: list[str] = []
        if self.kinds is not None:
            clauses.append(f"array_has_any(kinds, [{', '.join(_sql_str(k) for k in self.kinds)}])")
        if self.subject_key is not None:
            clauses.append(f"subject_key = {_sql_str(self.subject_key)}")
        if self.first_day is not None:
            clauses.append(f"as_of_high >= {_sql_str(self.first_day)}")
        if self.last_day is not None:
            clauses.append(f"as_of_low <= {_sql_str(self.last_day)}")
        return " AND ".join(clauses)

    def accepts(self, row: Mapping[str, Any]) -> bool:
        """The rule of `sql()` for one stored row (a missing value fails its clause, as NULL does in SQL)."""
        if self.kinds is not None and not set(self.kinds) & set(row["kinds"] or ()):
            return False
        if self.subject_key is not None and row["subject_key"] != self.subject_key:
            return False
        if self.first_day is not None and (row["as_of_high"] is None or row["as_of_high"] < self.first_day):
            return False
        if self.last_day is not None and (row["as_of_low"] is None or row["as_of_low"] > self.last_day):
            return False
        return True

    def __bool__(self) -> bool:
        return any(v is not None for v in (self.kinds, self.subject_key, self.first_day, self.last_day))


@dataclass
class Candidates:
    """Nearest facts of one query, as a store returns them, before ranking."""

    scores: np.ndarray  # exact cosine of each candidate
    texts: list[str]
    subjects: list[Optional[str]]
    row: Callable[[int], Mapping[str, Any]]  # the stored row of candidate i (read only for the hits returned)


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


class FactStore:
    """What both stores share: validating and deriving facts on ingest, searching and ranking.

    A subclass keeps the rows: `_stored_hashes`, `_write`, `_nearest` or `_nearest_many`,
    `_prepare`, `get`, `ids`, `__len__`, `stats`, `close`.
    """

    uri: str

    def __init__(self, encoder: Any = None) -> None:
        self._encoder = encoder
        self._meta: Optional[dict[str, str]] = None  # encoder_name, encoder_dim, schema_version
        self._closed = False
        self._read_quantities, self._fact_subject = _derivers()

    def __enter__(self) -> "FactStore":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self._closed = True

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
        langs = {i: facts[i].lang or detect_lang(facts[i].text) for i in todo}
        quantities = {i: self._quantities(facts[i], langs[i]) for i in todo}
        if vectors is None:
            from claimcheck.models.encoder import encode_with_contexts

            todo_vectors, contexts = encode_with_contexts(self._get_encoder(), [facts[i].text for i in todo],
                                                          [[(q.start, q.end) for q in quantities[i]] for i in todo],
                                                          passages=True)
            todo_vectors = np.asarray(todo_vectors, dtype=np.float32)
        else:  # the caller's vectors: no token states to take the figures' contexts from
            todo_vectors, contexts = vectors[todo], [[None] * len(quantities[i]) for i in todo]
        dim = int(todo_vectors.shape[1])
        self._prepare(dim)
        if int(self._meta["encoder_dim"]) != dim:
            raise StoreError(
                f"{self.uri}: the store holds {self._meta['encoder_dim']}-dimensional vectors, "
                f"these have {dim} dimensions."
            )
        self._write([self._row(facts[i], hashes[i], langs[i], quantities[i], context)
                     for i, context in zip(todo, contexts)], todo_vectors)
        return result

    def _row(self, fact: Fact, content_hash: str, lang: str, quantities: list[Quantity],
             contexts: Sequence[Optional[np.ndarray]]) -> dict[str, Any]:
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
            "quantities": json.dumps([_quantity_record(q, c) for q, c in zip(quantities, contexts)], ensure_ascii=False),
            "content_hash": content_hash,
        }

    def _quantities(self, fact: Fact, lang: str) -> list[Quantity]:
        lang = lang.split("-")[0]  # "de-AT", "en-US": the figure reader's German and English grammars
        if self._read_quantities is None or lang not in READ_LANGUAGES:
            return []
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
            subject = self._fact_subject(fact.text, lang=lang.split("-")[0])  # "en-US" reads as English
        except Exception as e:
            raise StoreError(f"fact {fact.id!r}: finding its subject failed ({e}).") from e
        return subject or None

    def _content_hash(self, fact: Fact) -> str:
        # Which derivers ran, and the reader's version, are part of the hash: re-adding a file fills in
        # what earlier adds could not derive, and reads afresh what an older reader read.
        derived_by = [self._read_quantities is not None, self._fact_subject is not None, CONTEXTS_VERSION, READER_VERSION]
        payload = json.dumps([fact.text, fact.source, fact.as_of, fact.lang, derived_by], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def _new_meta(self, dim: int) -> dict[str, str]:
        return {"encoder_name": self._encoder_name(), "encoder_dim": str(dim), "schema_version": SCHEMA_VERSION}

    def _maintain(self) -> None:
        """Housekeeping after a write that changed something (indexes, compaction)."""

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
        _check_k(k)
        where = SearchFilter.of(kind, subject, date_from, date_to)
        if isinstance(query, str):
            if not query.strip():
                raise StoreError("The search text is empty.")
            query_text = query
            vector = np.asarray(self._get_encoder().encode_queries([query])[0], dtype=np.float32)
        else:
            vector = np.asarray(query, dtype=np.float32)
            if vector.ndim == 2 and vector.shape[0] == 1:
                vector = vector[0]
        if self._meta is None:
            return []  # nothing was ever added
        dim = int(self._meta["encoder_dim"])
        if vector.shape != (dim,):
            raise StoreError(f"The query vector has shape {vector.shape}; this store holds {dim}-dimensional vectors.")
        return self._search_unit(_unit_rows(vector[None, :]), k, [query_text], where)[0]

    def search_many(
        self,
        vectors: Sequence[Sequence[float]] | np.ndarray,
        k: int = 10,
        *,
        query_texts: Optional[Sequence[Optional[str]]] = None,
        kind: str | Sequence[str] | None = None,
        subject: Optional[str] = None,
        date_from: str | dt.date | None = None,
        date_to: str | dt.date | None = None,
    ) -> list[list[Hit]]:
        """`search()` for many query vectors at once: the i-th list holds exactly the hits
        `search(vectors[i], k, query_text=query_texts[i], ...)` gives.

        The vector searches run as one database query, and identical vectors are searched
        once (a sentence's claims share its vector; their query texts still rank apart).
        """
        self._check_open()
        _check_k(k)
        where = SearchFilter.of(kind, subject, date_from, date_to)
        matrix = np.asarray(vectors, dtype=np.float32)
        if matrix.size == 0:
            return []
        texts = list(query_texts) if query_texts is not None else [None] * len(matrix)
        if len(texts) != len(matrix):
            raise StoreError(f"query_texts has {len(texts)} entries for {len(matrix)} query vectors.")
        if self._meta is None:
            return [[] for _ in texts]
        dim = int(self._meta["encoder_dim"])
        if matrix.ndim != 2 or matrix.shape[1] != dim:
            raise StoreError(f"The query vectors have shape {matrix.shape}; this store holds {dim}-dimensional vectors "
                             f"(give one row per query).")
        return self._search_unit(_unit_rows(matrix), k, texts, where)

    def _search_unit(self, unit: np.ndarray, k: int, texts: Sequence[Optional[str]], where: SearchFilter) -> list[list[Hit]]:
        """Rank the candidates of each unit query vector; each distinct vector is searched once."""
        slot: dict[bytes, int] = {}  # a vector's bytes -> its row in `distinct`
        first_rows: list[int] = []  # the row of `unit` where each distinct vector first appears
        position = []
        for row, vector in enumerate(unit):
            key = vector.tobytes()
            if key not in slot:
                slot[key] = len(first_rows)
                first_rows.append(row)
            position.append(slot[key])
        distinct = unit[first_rows]
        candidates = self._nearest_many(distinct, max(k * CANDIDATES_PER_HIT, MIN_CANDIDATES), where)
        return [_rank(candidates[p], text, k) for p, text in zip(position, texts)]

    # ---- helpers -----------------------------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError("The store is closed.")

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

    def _info(self, count: int, langs: Iterable[Optional[str]], kinds: Iterable[Optional[list[str]]]) -> dict[str, Any]:
        return {
            "path": self.uri,
            "count": count,
            "langs": _counts(langs),
            "kinds": _counts(k for row_kinds in kinds for k in (row_kinds or [])),
            "encoder": (self._meta or {}).get("encoder_name"),
            "dim": int(self._meta["encoder_dim"]) if self._meta else None,
            "index": {"vector": "none (exact search)", "indexed_rows": 0, "unindexed_rows": count},
            "quantities_reader": "claimcheck.quantities" if self._read_quantities else "unavailable",
            "subject_reader": "claimcheck.subjects.fact_subject" if self._fact_subject else "unavailable",
        }

    # ---- kept by the subclass -------------------------------------------------------------------

    def _stored_hashes(self, ids: list[str]) -> dict[str, str]:
        raise NotImplementedError

    def _prepare(self, dim: int) -> None:
        """Set `self._meta` and create storage before the first write."""
        raise NotImplementedError

    def _write(self, rows: list[dict[str, Any]], vectors: np.ndarray) -> None:
        raise NotImplementedError

    def _nearest(self, vector: np.ndarray, n: int, where: SearchFilter) -> Candidates:
        """The n facts nearest to a unit query vector that pass the filter, with exact cosines."""
        raise NotImplementedError

    def _nearest_many(self, vectors: np.ndarray, n: int, where: SearchFilter) -> list[Candidates]:
        """`_nearest` for each row of a matrix of unit query vectors (a subclass may search them together)."""
        return [self._nearest(vector, n, where) for vector in vectors]

    def get(self, fact_id: str) -> Optional[Fact]:
        raise NotImplementedError

    def ids(self) -> list[str]:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def stats(self) -> dict[str, Any]:
        raise NotImplementedError


class ReferenceStore(FactStore):
    """Trusted facts in LanceDB. Open with `ReferenceStore.open(path_or_uri)`; `.in_memory()` gives a MemoryStore."""

    def __init__(self, db: Any, uri: str, encoder: Any = None, *, search_snapshot: Optional[bool] = None) -> None:
        super().__init__(encoder)
        self._db = db
        self.uri = uri
        self._table = None
        wanted = get_settings().search_snapshot if search_snapshot is None else search_snapshot
        self._snapshot_home = Path(uri) if wanted and "://" not in uri else None  # local stores only
        # (table version, the snapshot that mirrors it or None, when that was found out)
        self._snapshot_state: Optional[tuple[int, Optional[snapshots.SearchSnapshot], float]] = None
        self._snapshot_lock = threading.Lock()
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
        search_snapshot: Optional[bool] = None,
        **connect_options: Any,
    ) -> "ReferenceStore":
        """Open (or create) the store at a directory or URI.

        A local path is created if missing. A URI (`s3://`, `gs://`, `az://`, `db://`...)
        goes to `lancedb.connect` unchanged with `connect_options` (api_key, region,
        storage_options, host_override...). `read_consistency_interval=timedelta(0)`
        makes every read see the latest commit of other processes; None reads a snapshot.
        `search_snapshot=False` neither uses nor builds the search snapshot (default: the
        CLAIMCHECK_SEARCH_SNAPSHOT setting, on; remote stores never have one).
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
        return cls(db, uri, encoder, search_snapshot=search_snapshot)

    @staticmethod
    def in_memory(encoder: Any = None) -> "MemoryStore":
        """A throwaway store held in memory (for `--facts FILE`); it imports no database."""
        return MemoryStore(encoder)

    def close(self) -> None:
        self._table = None
        self._db = None
        self._snapshot_state = None
        super().close()

    # ---- writing ---------------------------------------------------------------------------

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

    def _write(self, rows: list[dict[str, Any]], vectors: np.ndarray) -> None:
        self._table.merge_insert("id").when_matched_update_all().when_not_matched_insert_all().execute(
            self._arrow(rows, vectors)
        )

    def _schema(self, dim: int) -> "pa.Schema":
        import pyarrow as pa

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

    def _arrow(self, rows: list[dict[str, Any]], vectors: np.ndarray) -> "pa.Table":
        import pyarrow as pa

        dim = int(vectors.shape[1])
        schema = self._schema(dim)
        columns = {name: [r[name] for r in rows] for name in schema.names if name != "vector"}
        flat = pa.array(np.ascontiguousarray(vectors, dtype=np.float32).ravel(), type=pa.float32())
        columns["vector"] = pa.FixedSizeListArray.from_arrays(flat, dim)
        return pa.Table.from_pydict(columns, schema=schema)

    def _prepare(self, dim: int) -> None:
        import pyarrow as pa

        if self._meta is None:
            meta = self._new_meta(dim)
            rows = pa.table({"key": list(meta), "value": list(meta.values())})
            self._db.create_table(META_TABLE, rows, exist_ok=True)
            # Another process may have created it first: what is stored wins.
            self._meta = {r["key"]: r["value"] for r in self._db.open_table(META_TABLE).to_arrow().to_pylist()}
        if self._table is None and int(self._meta["encoder_dim"]) == dim:
            self._table = self._db.create_table(FACTS_TABLE, schema=self._schema(dim), exist_ok=True)

    def _maintain(self) -> None:
        """Build the index once the store is big enough; fold in new rows and compact files."""
        if self.uri.startswith("db://"):
            return  # LanceDB Cloud/Enterprise index and compact new rows themselves
        rows = self._table.count_rows()
        name = self._vector_index_name()
        if name is None:
            if rows >= INDEX_MIN_ROWS:
                self.build_index()
                return
        elif rows >= LARGE_INDEX_ROWS and self._table.index_stats(name).index_type != "IVF_SQ":
            self.build_index()  # grown past HNSW's size: rebuilt once as IVF_SQ, whose deltas build fast
            return
        elif self._unindexed_rows() >= OPTIMIZE_UNINDEXED_ROWS:
            self.optimize()
            return
        small = self._table.stats()["fragment_stats"]["num_small_fragments"]
        if small >= OPTIMIZE_SMALL_FRAGMENTS:
            self.optimize()

    def build_index(self) -> None:
        """(Re)build the cosine vector index and the scalar indexes of the filter columns."""
        from lancedb.index import BTree, LabelList

        self._check_open()
        if self._table is None:
            return
        self._table.optimize()  # compact first: one commit per WRITE_BATCH rows leaves many small files
        self._table.create_index("vector", config=vector_index_config(self._table.count_rows()), replace=True)
        self._table.create_index("id", config=BTree(), replace=True)
        self._table.create_index("subject_key", config=BTree(), replace=True)
        self._table.create_index("kinds", config=LabelList(), replace=True)
        # The date filter's columns: a 100k-fact search with date_from/date_to 20 -> 14 ms CPU.
        self._table.create_index("as_of_low", config=BTree(), replace=True)
        self._table.create_index("as_of_high", config=BTree(), replace=True)
        self._refresh_snapshot()

    def optimize(self) -> None:
        """Compact small files and add unindexed rows to the indexes (LanceDB's optimize()); refresh the search snapshot."""
        self._check_open()
        if self._table is not None:
            self._table.optimize()
            self._refresh_snapshot()

    def build_snapshot(self) -> Optional[snapshots.Manifest]:
        """Write the search snapshot of the table's current version (local stores of INDEX_MIN_ROWS facts or more).

        Returns its manifest, or None where the store gets none (remote, small, switched off).
        """
        self._check_open()
        if self._snapshot_home is None or self._table is None:
            return None
        table = self._db.open_table(FACTS_TABLE)  # a handle of its own, held at one version while it is read
        version = table.version
        table.checkout(version)
        if table.count_rows() < INDEX_MIN_ROWS:
            return None
        manifest = snapshots.build_snapshot(
            self._snapshot_home, table, table_version=version, encoder_name=self._meta["encoder_name"],
            encoder_dim=int(self._meta["encoder_dim"]), columns=_RESULT_COLUMNS,
        )
        self._snapshot_state = None  # look again at the next search
        return manifest

    def _refresh_snapshot(self) -> None:
        """build_snapshot() after an index build or optimize: a failure leaves a stale snapshot (ignored), not a failed write."""
        try:
            self.build_snapshot()
        except Exception as e:
            warnings.warn(f"{self.uri}: the search snapshot was not rebuilt ({e}); searches ask LanceDB until it is.",
                          RuntimeWarning, stacklevel=3)

    def _fresh_snapshot(self) -> Optional[snapshots.SearchSnapshot]:
        """The search snapshot if it mirrors the table's current version, else None."""
        if self._snapshot_home is None or self._table is None:
            return None
        version = _table_version(self._table)
        state = self._snapshot_state
        if state is not None and state[0] == version and (state[1] is not None or time.monotonic() - state[2] < SNAPSHOT_RECHECK_SECONDS):
            return state[1]
        with self._snapshot_lock:  # one thread opens it; the others wait and take the same one
            state = self._snapshot_state
            if state is None or state[0] != version or (state[1] is None and time.monotonic() - state[2] >= SNAPSHOT_RECHECK_SECONDS):
                found = snapshots.open_snapshot(
                    self._snapshot_home, table_version=version, encoder_name=self._meta["encoder_name"],
                    encoder_dim=int(self._meta["encoder_dim"]), columns=_RESULT_COLUMNS,
                )
                state = self._snapshot_state = (version, found, time.monotonic())
        return state[1]

    # ---- reading ---------------------------------------------------------------------------

    def _nearest_many(self, vectors: np.ndarray, n: int, where: SearchFilter) -> list[Candidates]:
        """One LanceDB query for all the vectors (LanceDB's multi-vector search: a `query_index`
        column says which query each row answers)."""
        if self._table is None:
            return _no_candidates(vectors)
        snapshot = None if where else self._fresh_snapshot()
        if snapshot is not None:
            return [_snapshot_candidates(snapshot, positions, vector) for positions, vector in zip(snapshot.nearest(vectors, n), vectors)]
        table = _run_query(self._table, vectors if len(vectors) > 1 else vectors[0], n, where)
        if table.num_rows == 0:  # a filter that no fact passes
            return _no_candidates(vectors)
        found = table["vector"].combine_chunks().flatten().to_numpy(zero_copy_only=False).reshape(table.num_rows, -1)
        query_of = table["query_index"].to_numpy() if "query_index" in table.column_names else np.zeros(table.num_rows, int)
        columns = {name: table[name].to_pylist() for name in _RESULT_COLUMNS}  # one conversion, not one per value
        texts, subjects = columns["text"], columns["subject"]
        out = []
        for q, vector in enumerate(vectors):
            mine = np.flatnonzero(query_of == q)  # in LanceDB's order, nearest first
            out.append(Candidates(
                scores=_cosines(found[mine], vector),
                texts=[texts[i] for i in mine],
                subjects=[subjects[i] for i in mine],
                row=lambda i, mine=mine: {name: column[mine[i]] for name, column in columns.items()},
            ))
        return out

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
        if self._table is None:
            return self._info(0, [], [])
        table = self._table.search().select(["lang", "kinds"]).limit(None).to_arrow()
        info = self._info(table.num_rows, table["lang"].to_pylist(), table["kinds"].to_pylist())
        info["version"] = self._table.version
        name = self._vector_index_name()
        if name:
            s = self._table.index_stats(name)
            info["index"] = {
                "vector": f"{s.index_type} ({s.distance_type})",
                "indexed_rows": s.num_indexed_rows,
                "unindexed_rows": s.num_unindexed_rows,
                "segments": s.num_indices,
            }
        info["search_snapshot"] = self._snapshot_stats(info["version"])
        return info

    def _snapshot_stats(self, version: int) -> dict[str, Any]:
        """Whether searches use the snapshot: 'fresh' (mirrors this version), 'stale', 'none' or 'off'."""
        if self._snapshot_home is None:
            return {"state": "off" if "://" not in self.uri else "off (remote store)"}
        manifest = snapshots.read_manifest(self._snapshot_home)
        if manifest is None:
            return {"state": "none"}
        fresh = self._fresh_snapshot() is not None
        return {
            "state": "fresh" if fresh else "stale",
            "table_version": manifest.table_version,
            "rows": manifest.rows,
            "index": f"faiss {manifest.index_params.description}",
            "disk_mib": round(snapshots.disk_size(self._snapshot_home) / 2**20, 1),
        }

    # ---- helpers -----------------------------------------------------------------------------

    def _table_exists(self, name: str) -> bool:
        return name in self._db.list_tables().tables

    def _vector_index_name(self) -> Optional[str]:
        if self._table is None:
            return None
        for index in self._table.list_indices():
            if list(index.columns) == ["vector"]:
                return index.name
        return None

    def _unindexed_rows(self) -> int:
        name = self._vector_index_name()
        return self._table.index_stats(name).num_unindexed_rows if name else self._table.count_rows()


class MemoryStore(FactStore):
    """Trusted facts held in this process only, searched exactly; gone on close.

    The rows are the ones ReferenceStore writes (same derivation, same filters, same
    ranking). Meant for a fact file given per run: a few thousand facts search in
    about a millisecond, and no database is imported or written.
    """

    def __init__(self, encoder: Any = None) -> None:
        super().__init__(encoder)
        self.uri = "(in memory)"
        self._rows: list[dict[str, Any]] = []
        self._position: dict[str, int] = {}  # fact id -> index into _rows and _vectors
        self._vectors = np.zeros((0, 0), dtype=np.float32)  # unit vectors, one row per fact
        if encoder is not None:
            self._check_encoder(encoder)

    def close(self) -> None:
        self._rows, self._position = [], {}
        self._vectors = np.zeros((0, 0), dtype=np.float32)
        super().close()

    def _stored_hashes(self, ids: list[str]) -> dict[str, str]:
        return {i: self._rows[self._position[i]]["content_hash"] for i in ids if i in self._position}

    def _prepare(self, dim: int) -> None:
        if self._meta is None:
            self._meta = self._new_meta(dim)
            self._vectors = np.zeros((0, dim), dtype=np.float32)

    def _write(self, rows: list[dict[str, Any]], vectors: np.ndarray) -> None:
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        unit = (vectors / np.where(norms > 0, norms, 1.0)).astype(np.float32)
        new = []
        for row, vector in zip(rows, unit):
            at = self._position.get(row["id"])
            if at is None:
                new.append(vector)
                self._position[row["id"]] = len(self._rows)
                self._rows.append(row)
            else:  # a changed fact replaces the old row in place
                self._rows[at] = row
                self._vectors[at] = vector
        if new:
            self._vectors = np.concatenate([self._vectors, np.stack(new)])

    def _nearest(self, vector: np.ndarray, n: int, where: SearchFilter) -> Candidates:
        scores = _dot(self._vectors, vector)
        positions = np.arange(len(self._rows))
        if where:
            positions = np.array([i for i in positions if where.accepts(self._rows[i])], dtype=np.int64)
            scores = scores[positions]
        if len(positions) > n:
            best = np.argpartition(-scores, n - 1)[:n]
            positions, scores = positions[best], scores[best]
        order = np.argsort(-scores, kind="stable")
        positions, scores = positions[order], scores[order]
        rows = [self._rows[i] for i in positions]
        return Candidates(
            scores=scores.astype(np.float32),
            texts=[r["text"] for r in rows],
            subjects=[r["subject"] for r in rows],
            row=lambda i: rows[i],
        )

    def get(self, fact_id: str) -> Optional[Fact]:
        """The fact with this id, or None."""
        self._check_open()
        at = self._position.get(fact_id)
        return None if at is None else _fact_from_row(self._rows[at])

    def ids(self) -> list[str]:
        self._check_open()
        return [r["id"] for r in self._rows]

    def __len__(self) -> int:
        self._check_open()
        return len(self._rows)

    def stats(self) -> dict[str, Any]:
        """Count, languages, kinds of figures, encoder; the index is always exact search."""
        self._check_open()
        info = self._info(len(self._rows), (r["lang"] for r in self._rows), (r["kinds"] for r in self._rows))
        info["index"]["vector"] = "none (exact search in memory)"
        return info


def _run_query(table: Any, vectors: np.ndarray, n: int, where: SearchFilter) -> "pa.Table":
    """The n nearest rows of `table` to each query vector (one vector, or a matrix of them), with their vectors.

    The rows come with their vectors (one read): the caller computes exact cosines,
    so the index's approximate distances only choose the candidates. Naming _distance
    keeps LanceDB from warning on every search.

    A local table is queried through LanceDB's async API on an event loop of this thread:
    the sync query builder re-reads the table schema three times a query and hops to
    LanceDB's background thread and back six times: 2-4 ms CPU of a 100k-fact search
    (A/B on eval/bench_store.py's 100k store, 2 busy cores). Tables without the async
    handle (LanceDB Cloud) and callers inside a running event loop take the sync builder.
    """
    columns = _RESULT_COLUMNS + ["vector", "_distance"]

    def index_settings(query: Any) -> Any:
        """The index's search parameters, the same on the sync and the async builder."""
        # HNSW's search breadth (other indexes ignore it); LanceDB needs ef >= the rows it asks the index for
        query = query.ef(max(HNSW_EF, n * (REFINE_FACTOR or 1)))
        if NPROBES:
            query = query.nprobes(NPROBES)
        if REFINE_FACTOR:
            query = query.refine_factor(REFINE_FACTOR)
        return query

    async_table = _async_table(table)
    if async_table is None or _in_event_loop():
        several = list(vectors) if vectors.ndim == 2 else vectors  # the sync builder takes several as a list
        query = index_settings(table.search(several, vector_column_name="vector").distance_type("cosine").limit(n).select(columns))
        if where:
            query = query.where(where.sql(), prefilter=True)
        return query.to_arrow()

    async def run() -> "pa.Table":
        query = index_settings(async_table.query().nearest_to(vectors).distance_type("cosine").limit(n).select(columns))
        if where:
            query = query.where(where.sql())  # the async API prefilters unless told otherwise
        return await query.to_arrow()

    return _thread_loop().run_until_complete(run())


def _snapshot_candidates(snapshot: snapshots.SearchSnapshot, positions: np.ndarray, vector: np.ndarray) -> Candidates:
    """One query's candidates from the snapshot, in its index's order, with exact cosines as `_nearest_many` computes them."""
    columns = snapshot.columns(positions, _RESULT_COLUMNS)
    return Candidates(
        scores=_cosines(snapshot.vectors(positions), vector),
        texts=columns["text"],
        subjects=columns["subject"],
        row=lambda i: {name: column[i] for name, column in columns.items()},
    )


def _table_version(table: Any) -> int:
    """The table's current version (the latest commit, read_consistency_interval permitting).

    Through the async handle on this thread's loop where there is one: 0.47 ms CPU, not 0.79.
    """
    async_table = _async_table(table)
    if async_table is None or _in_event_loop():
        return int(table.version)
    return int(_thread_loop().run_until_complete(async_table.version()))


def _async_table(table: Any) -> Any:
    """LanceDB's AsyncTable behind a local LanceTable (the sync table keeps it as `_table`), or None."""
    from lancedb.table import AsyncTable

    inner = getattr(table, "_table", None)
    return inner if isinstance(inner, AsyncTable) else None


_LOOPS = threading.local()


def _thread_loop() -> asyncio.AbstractEventLoop:
    """An event loop owned by the calling thread (one per thread: the page runs requests on several)."""
    loop = getattr(_LOOPS, "loop", None)
    if loop is None or loop.is_closed():
        loop = _LOOPS.loop = asyncio.new_event_loop()
    return loop


def _in_event_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def vector_index_config(rows: int) -> Any:
    """The LanceDB vector index for a table of this many rows (figures: eval/bench_store.py, 2 busy cores).

    HNSW over scalar-quantised vectors answers fastest (100k facts: about 11 ms CPU a query,
    recall@5 1.0) but its graph takes long to build (100k: 150 s CPU; 1M: far too long).
    IVF_SQ builds in seconds (1M: 31 s CPU) and still answers in about 26 ms CPU at 1M
    facts with recall@5 0.99, so large tables get that.
    """
    from lancedb.index import HnswSq, IvfSq

    if rows >= LARGE_INDEX_ROWS:
        return IvfSq(distance_type="cosine")
    return HnswSq(distance_type="cosine")


def _check_k(k: Any) -> None:
    if not isinstance(k, int) or k < 1:
        raise StoreError(f"k must be a positive whole number, not {k!r}.")


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    """Each query vector scaled to length 1; a zero or non-finite one is an error."""
    # Row by row as one vector's norm: norm(axis=1) sums in another order, and a cosine one
    # float step off could reorder near-ties between search() and search_many().
    norms = np.array([np.linalg.norm(vector) for vector in matrix], dtype=np.float32)
    bad = np.flatnonzero(~np.isfinite(norms) | (norms == 0.0))
    if len(bad):
        which = "The query vector" if len(matrix) == 1 else f"Query vector {int(bad[0])}"
        raise StoreError(f"{which} is zero or not finite; it points nowhere.")
    return np.stack([vector / float(norm) for vector, norm in zip(matrix, norms)]).astype(np.float32, copy=False)


def _dot(vectors: np.ndarray, query: np.ndarray) -> np.ndarray:
    """Each row's dot product with the query, on this thread.

    `vectors @ query` hands a matrix-vector product to OpenBLAS's threads, which on 2
    busy cores made 2,000 x 384 take 21 ms; einsum's plain loop takes 1 ms.
    """
    return np.einsum("ij,j->i", vectors, query)


def _cosines(vectors: np.ndarray, unit_query: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1)
    return (_dot(vectors, unit_query) / np.where(norms > 0, norms, 1.0)).astype(np.float32)


def _rank(candidates: Candidates, query_text: Optional[str], k: int) -> list[Hit]:
    """The k best candidates by cosine plus the weighted lexical score; Fact rows are built for those k only."""
    query_tokens = lexical_tokens(query_text) if query_text else {}
    if query_tokens:
        lexical = np.array([_overlap(query_tokens, _fact_tokens(t, s)) for t, s in zip(candidates.texts, candidates.subjects)])
    else:
        lexical = np.zeros(len(candidates.texts))
    order = np.argsort(-(candidates.scores + LEXICAL_WEIGHT * lexical), kind="stable")[:k]
    return [
        Hit(_fact_from_row(candidates.row(int(i))), score=float(candidates.scores[i]), lexical=float(lexical[i]))
        for i in order
    ]


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
    records = json.loads(row["quantities"] or "[]")
    return Fact(
        id=row["id"],
        text=row["text"],
        source=row["source"],
        as_of=row["as_of"],
        lang=row["lang"],
        quantities=[Quantity(**{k: v for k, v in q.items() if k in _QUANTITY_FIELDS}) for q in records],
        subject=row["subject"],
        figure_contexts=[_context_from_text(q.get("context")) for q in records],
    )


def _quantity_record(quantity: Quantity, context: Optional[np.ndarray]) -> dict[str, Any]:
    """A fact's figure as stored: its fields, and its context vector as base64 float16 (768 bytes for e5-small)."""
    record = quantity.to_dict()
    if context is not None:
        record["context"] = base64.b64encode(np.asarray(context, dtype=np.float16).tobytes()).decode("ascii")
    return record


def _context_from_text(text: Optional[str]) -> Optional[np.ndarray]:
    if not text:
        return None  # a fact stored before contexts were kept, or by an encoder without token states
    return np.frombuffer(base64.b64decode(text), dtype=np.float16).astype(np.float32)


# ---- language and lexical overlap ------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
# Digits with optional separators: "1.500", "1,500", "3,5", "800", "2020".
_NUMBER = re.compile(r"\d+(?:[.,' ]\d+)*")


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Capitalised words that are no names: German function words, English sentence openers."""
    english = tomllib.loads(resources.files("claimcheck.lang.en").joinpath("claims.toml").read_text("utf-8"))
    return function_words("de") | frozenset(english["subjects"]["stopwords"])


def is_store_folder(path: str | Path) -> bool:
    """Whether a local path holds a store with facts added: a folder with the facts table in it. A mistyped
    path or some other folder would open as an empty store, and every claim would quietly get
    NOT_ENOUGH_INFO. URIs are taken as given."""
    return "://" in str(path) or (Path(path) / f"{FACTS_TABLE}.lance").is_dir()


def existing_store(path: str | Path) -> str:
    """`path` as a store to read from, refused where it holds no store (`is_store_folder`)."""
    path = str(path)
    if not is_store_folder(path):
        what = "no reference store there" if not Path(path).is_dir() else "a folder, but no facts were ever added to it"
        raise StoreError(f"{path}: {what} (create a store with `claimcheck store add FILE --store {path}`).")
    return path


def is_store_failure(error: BaseException) -> bool:
    """Whether an error is LanceDB's for a store folder that is damaged or cannot be written (a RuntimeError
    naming lance), not a bug of claimcheck's."""
    return isinstance(error, RuntimeError) and "lance" in str(error).lower()


def _no_candidates(vectors) -> list["Candidates"]:
    """No fact for any of the query vectors (an empty store, a filter no fact passes)."""
    return [Candidates(np.zeros(0, dtype=np.float32), [], [], lambda i: {}) for _ in vectors]


def detect_lang(text: str) -> str:
    """'de' or 'en' for a fact given without `lang`: whichever language's function words it has more of,
    German where neither or both alike. A share threshold misread short German facts that are mostly
    nouns ("Netflix' Nettogewinn im dritten Quartal 2023 betrug 1,68 Mrd. US-Dollar": 1 word in 9)."""
    words = [w.lower() for w in _WORD.findall(text)]
    # words both tables hold ("in", "an", "so") tell nothing
    german_words, english_words = function_words("de"), function_words("en")
    german = sum(w in german_words and w not in english_words for w in words)
    english = sum(w in english_words and w not in german_words for w in words)
    return "en" if english > german else "de"


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


@lru_cache(maxsize=65_536)
def _fact_tokens(text: str, subject: Optional[str]) -> frozenset[str]:
    """A fact's names and numbers (its subject's too); cached, since the same facts come back query after query."""
    tokens = set(lexical_tokens(text))
    if subject:
        tokens.update(lexical_tokens(subject.title()))
    return frozenset(tokens)


def _overlap(query_tokens: Mapping[str, float], fact_tokens: frozenset[str]) -> float:
    total = sum(query_tokens.values())
    return sum(w for t, w in query_tokens.items() if t in fact_tokens) / total if total else 0.0


def lexical_overlap(query: Optional[str], fact_text: str, fact_subject: Optional[str] = None) -> float:
    """Weighted share of the query's names and numbers found in the fact (0..1)."""
    if not query:
        return 0.0
    return _overlap(lexical_tokens(query), _fact_tokens(fact_text, fact_subject))
