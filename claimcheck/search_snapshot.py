"""A read-optimised copy of a local store's `facts` table at one table version: top-5 search in about a millisecond.

LanceDB's own query costs 5-7 ms CPU on a 100k-fact table before a row is fetched,
and fetching the candidates' columns about 5 ms more. A snapshot answers the same
question from three files in `<store>/claimcheck_snapshot/`:

- `index.faiss`: a faiss index over the unit vectors (inner product = cosine), its
  vectors scalar-quantised to 8 bits: HNSW up to `HNSW_MAX_ROWS` facts, IVF above,
  where an HNSW graph builds too slowly (`index_params` chooses);
- `vectors.npy`: the float32 vectors as the table stores them, one row per fact,
  memory-mapped: the candidates' exact cosines come from these, computed as on the
  LanceDB path, so the scores are the same to the bit (the index only chooses the
  candidates). One contiguous matrix rather than an Arrow column: 80 candidates are
  one fancy index, not a gather across record batches;
- `rows.arrow`: the result columns (id, text, source, as_of, lang, subject,
  quantities), an Arrow IPC file, memory-mapped: taking 80 candidate rows costs
  microseconds, not a database query;
- `manifest.json` (written last): the LanceDB table version it mirrors, the row
  count, the encoder's name and dimension, the faiss parameters, the format version.

A snapshot is used only while it mirrors the table's current version: any write makes
it stale, and a stale, foreign or damaged snapshot is ignored (`open_snapshot` returns
None and the store asks LanceDB), so it can make search faster but never different.
It is built in a temporary directory beside it and renamed into place, so a killed
build leaves the old snapshot or none. faiss.read_index reads faiss's own binary
format (no pickle), numpy loads without pickle, and only files claimcheck wrote into
the store directory are read. faiss is imported only here, when a snapshot is built
or opened.
"""
from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Optional, Sequence

import numpy as np

SNAPSHOT_DIR = "claimcheck_snapshot"
_BUILDING_PREFIX = SNAPSHOT_DIR + ".building-"
_RETIRED_PREFIX = SNAPSHOT_DIR + ".retired-"
FORMAT_VERSION = 2  # 2: HNSW below HNSW_MAX_ROWS (1 was IVF only)
MANIFEST = "manifest.json"
INDEX_FILE = "index.faiss"
VECTORS_FILE = "vectors.npy"
ROWS_FILE = "rows.arrow"
# Rows per Arrow record batch (and per read from LanceDB while building): bounds the build's memory.
BATCH_ROWS = 131_072
# k-means training points per IVF list (faiss warns below 39); more buys little on clustered text vectors.
TRAIN_POINTS_PER_LIST = 64
# A query scans at least this many rows (see index_params): small tables are sparse and need a larger share.
MIN_SCANNED_ROWS = 8_000
# Up to this many facts the index is an HNSW graph (as LanceDB's own index, store.LARGE_INDEX_ROWS);
# its build grows faster than linearly (100k facts: about 40 s CPU), so larger tables get IVF.
HNSW_MAX_ROWS = 250_000
# HNSW: links per node, and the search breadth (as store.HNSW_EF on the LanceDB path).
HNSW_LINKS = 32
HNSW_EF_SEARCH = 160
# Rows that train the 8-bit quantiser of an HNSW index (its value ranges per dimension).
SQ_TRAIN_ROWS = 20_000


@dataclass(frozen=True)
class IndexParams:
    factory: str  # faiss index_factory string, e.g. "HNSW32_SQ8", "IVF316,SQ8"
    nlist: int = 0  # IVF: inverted lists (k-means centroids)
    nprobe: int = 0  # IVF: lists scanned a query
    ef_search: int = 0  # HNSW: candidates kept while searching the graph

    @property
    def search_parameter(self) -> tuple[str, int]:
        """The faiss ParameterSpace setting a query depends on."""
        return ("efSearch", self.ef_search) if self.ef_search else ("nprobe", self.nprobe)

    @property
    def description(self) -> str:
        """'HNSW32_SQ8, efSearch 160', 'IVF1000,SQ8, nprobe 200'."""
        name, value = self.search_parameter
        return f"{self.factory}, {name} {value}"


def index_params(rows: int) -> IndexParams:
    """HNSW up to HNSW_MAX_ROWS facts; IVF above it.

    Why HNSW: with e5 vectors (eval/bench_recall.py: 10.9k real news and verification
    facts filled to 100k rows with e5-like blends, 300 held-out sentences and 456 claims
    as queries, faiss alone on one thread, recall@5 after the exact re-rank of 20):
    IVF316,SQ8 with 31 probes 0.963-0.967 at 3.6 ms, 63 probes 0.993 at 6 ms;
    HNSW32_SQ8 with efSearch 64 0.967 at 0.5 ms, 128 0.987-0.989 at 0.8-1.0 ms. IVF cells
    of text vectors are crowded, so IVF has to scan many rows; the graph does not.
    The IVF part below holds for the tables past HNSW_MAX_ROWS.
    """
    if rows < HNSW_MAX_ROWS:
        return IndexParams(factory=f"HNSW{HNSW_LINKS}_SQ8", ef_search=HNSW_EF_SEARCH)
    return ivf_params(rows)


def ivf_params(rows: int) -> IndexParams:
    """About sqrt(rows) lists; a query scans a fifth of them, and at least MIN_SCANNED_ROWS rows.

    Synthetic clustered vectors (eval/bench_store.py, recall@5 after the exact re-rank,
    faiss alone on one thread): 10k facts, 100 lists: 10 probes 0.84, 40 probes 0.95,
    80 probes 0.989 (0.7 ms); 30k, 173 lists: 17 probes 0.964, 47 probes 0.987; 100k,
    316 lists: 31 probes 0.992 (1.2 ms); 1M, 1000 lists: 25 probes 1.0 (2.3 ms), 100
    probes 8.5 ms. Real text vectors cluster less neatly: with e5-like rows at 100k, a
    tenth of the lists gave recall@5 0.95, a fifth 0.99 (eval/bench_recall.py). Small
    tables get fewer lists: k-means wants 39 training points a list.
    """
    nlist = max(1, min(int(round(np.sqrt(rows))), rows // 39))
    list_rows = rows / nlist
    nprobe = min(nlist, max(nlist // 5, int(np.ceil(MIN_SCANNED_ROWS / list_rows))))
    return IndexParams(factory=f"IVF{nlist},SQ8", nlist=nlist, nprobe=nprobe)


@dataclass(frozen=True)
class Manifest:
    format_version: int
    table_version: int
    rows: int
    encoder_name: str
    encoder_dim: int
    index: str  # faiss factory string, e.g. "HNSW32_SQ8", "IVF1000,SQ8"
    nlist: int
    nprobe: int
    ef_search: int
    columns: tuple[str, ...]
    build_seconds: float

    @property
    def index_params(self) -> IndexParams:
        return IndexParams(self.index, self.nlist, self.nprobe, self.ef_search)

    @classmethod
    def read(cls, directory: Path) -> "Manifest":
        raw = json.loads((directory / MANIFEST).read_text("utf-8"))
        raw["columns"] = tuple(raw["columns"])
        return cls(**raw)


def snapshot_dir(store_dir: str | Path) -> Path:
    return Path(store_dir) / SNAPSHOT_DIR


def read_manifest(store_dir: str | Path) -> Optional[Manifest]:
    """The manifest of the store's snapshot, or None where there is none or it cannot be read."""
    try:
        return Manifest.read(snapshot_dir(store_dir))
    except (OSError, ValueError, TypeError, KeyError):
        return None


class SearchSnapshot:
    """An opened snapshot: the faiss index in memory, vectors and rows memory-mapped."""

    def __init__(self, directory: Path, manifest: Manifest, index: Any, vectors: np.ndarray, batches: list[Any]) -> None:
        self.directory = directory
        self.manifest = manifest
        self._index = index
        self._vectors = vectors
        self._batches = batches
        self._starts = np.cumsum([0] + [b.num_rows for b in batches])[:-1]

    def nearest(self, unit_queries: np.ndarray, n: int) -> list[np.ndarray]:
        """For each unit query vector, the positions of its n approximate nearest rows, nearest first.

        On one OpenMP thread: a query's scan takes about a millisecond, and waiting for a
        second thread on a busy 2-core machine costs more (ENVIRONMENT.md: 1.5 vs 24 ms).
        faiss and torch share one OpenMP runtime, and its thread count is a per-thread
        setting, so it is set for this call and given back: the encoder keeps its threads.
        """
        import faiss

        threads = faiss.omp_get_max_threads()
        faiss.omp_set_num_threads(1)
        try:
            _, found = self._index.search(np.ascontiguousarray(unit_queries, dtype=np.float32), n)
        finally:
            faiss.omp_set_num_threads(threads)
        return [row[row >= 0] for row in found]  # -1: fewer than n rows in the probed lists

    def vectors(self, positions: np.ndarray) -> np.ndarray:
        return np.asarray(self._vectors[positions])

    def columns(self, positions: np.ndarray, names: Sequence[str]) -> dict[str, list[Any]]:
        """The named columns of the rows at these positions, in the order given."""
        import pyarrow as pa

        out: dict[str, list[Any]] = {name: [None] * len(positions) for name in names}
        if not len(positions):
            return out
        batch_of = np.searchsorted(self._starts, positions, side="right") - 1
        for b in np.unique(batch_of):
            mine = np.flatnonzero(batch_of == b)
            part = self._batches[b].select(list(names)).take(pa.array(positions[mine] - self._starts[b])).to_pydict()
            for name in names:
                column = out[name]
                for j, value in zip(mine, part[name]):
                    column[j] = value
        return out


def open_snapshot(store_dir: str | Path, *, table_version: int, encoder_name: str, encoder_dim: int,
                  columns: Sequence[str]) -> Optional[SearchSnapshot]:
    """The store's snapshot if it mirrors exactly this table version and encoder; None otherwise (stale, absent, damaged)."""
    directory = snapshot_dir(store_dir)
    manifest = read_manifest(store_dir)
    if manifest is None or manifest.format_version != FORMAT_VERSION or manifest.table_version != table_version \
            or manifest.encoder_name != encoder_name or manifest.encoder_dim != encoder_dim \
            or not set(columns) <= set(manifest.columns):
        return None
    try:
        import faiss
        import pyarrow as pa

        vectors = np.load(directory / VECTORS_FILE, mmap_mode="r", allow_pickle=False)
        reader = pa.ipc.open_file(pa.memory_map(str(directory / ROWS_FILE)))
        batches = [reader.get_batch(i) for i in range(reader.num_record_batches)]
        index = faiss.read_index(str(directory / INDEX_FILE))
    except Exception:  # a damaged snapshot (a file cut short, removed by hand): LanceDB answers instead
        return None
    rows = sum(b.num_rows for b in batches)
    if vectors.shape != (manifest.rows, encoder_dim) or rows != manifest.rows or index.ntotal != manifest.rows \
            or index.d != encoder_dim:
        return None
    name, value = manifest.index_params.search_parameter
    faiss.ParameterSpace().set_index_parameter(index, name, value)
    return SearchSnapshot(directory, manifest, index, vectors, batches)


def build_snapshot(store_dir: str | Path, table: Any, *, table_version: int, encoder_name: str, encoder_dim: int,
                   columns: Sequence[str], params: Optional[IndexParams] = None) -> Manifest:
    """Write a snapshot of `table` (a LanceDB table checked out at `table_version`) into the store directory.

    Rows are read in batches of BATCH_ROWS. The index gets the vectors scaled to unit
    length (the store keeps them as given), so that its inner product is the cosine.
    """
    import faiss
    import pyarrow as pa

    started = time.perf_counter()
    store_dir = Path(store_dir)
    _remove_leftovers(store_dir)
    building = store_dir / f"{_BUILDING_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}"
    building.mkdir()
    try:
        rows = table.count_rows()
        params = params or index_params(rows)
        vectors = np.lib.format.open_memmap(building / VECTORS_FILE, mode="w+", dtype=np.float32, shape=(rows, encoder_dim))
        schema = pa.schema([(name, pa.large_string()) for name in columns])
        written = 0
        with pa.OSFile(str(building / ROWS_FILE), "wb") as sink, pa.ipc.new_file(sink, schema) as writer:
            reader = table.search().select(list(columns) + ["vector"]).limit(None).to_batches(BATCH_ROWS)
            pending: list[Any] = []
            for batch in reader:
                if written + batch.num_rows > rows:
                    raise RuntimeError(f"the table has more rows than the {rows} it counted at version {table_version}")
                flat = batch["vector"].flatten().to_numpy(zero_copy_only=False).reshape(batch.num_rows, encoder_dim)
                vectors[written : written + batch.num_rows] = flat
                written += batch.num_rows
                pending.append(pa.RecordBatch.from_arrays([batch[name].cast(pa.large_string()) for name in columns],
                                                          schema=schema))
                if sum(p.num_rows for p in pending) >= BATCH_ROWS:
                    writer.write_table(pa.Table.from_batches(pending).combine_chunks(), max_chunksize=BATCH_ROWS)
                    pending = []
            if pending:
                writer.write_table(pa.Table.from_batches(pending).combine_chunks(), max_chunksize=BATCH_ROWS)
        if written != rows:
            raise RuntimeError(f"read {written} rows of the {rows} the table counted at version {table_version}")
        vectors.flush()

        index = faiss.index_factory(encoder_dim, params.factory, faiss.METRIC_INNER_PRODUCT)
        train_rows = params.nlist * TRAIN_POINTS_PER_LIST if params.nlist else SQ_TRAIN_ROWS
        sample = np.random.default_rng(0).choice(rows, size=min(rows, train_rows), replace=False)
        index.train(_unit(vectors[np.sort(sample)]))
        for start in range(0, rows, BATCH_ROWS):
            index.add(_unit(vectors[start : start + BATCH_ROWS]))
        faiss.write_index(index, str(building / INDEX_FILE))
        del vectors

        manifest = Manifest(
            format_version=FORMAT_VERSION, table_version=int(table_version), rows=rows, encoder_name=encoder_name,
            encoder_dim=encoder_dim, index=params.factory, nlist=params.nlist, nprobe=params.nprobe, ef_search=params.ef_search,
            columns=tuple(columns), build_seconds=round(time.perf_counter() - started, 3),
        )
        (building / MANIFEST).write_text(json.dumps(asdict(manifest), indent=1), "utf-8")
        for name in (VECTORS_FILE, ROWS_FILE, INDEX_FILE, MANIFEST):
            _fsync(building / name)
        _swap_in(building, snapshot_dir(store_dir))
        return manifest
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.ascontiguousarray(matrix / np.where(norms > 0, norms, 1.0), dtype=np.float32)


def disk_size(store_dir: str | Path) -> int:
    """Bytes the store's snapshot takes on disk (0 where there is none)."""
    directory = snapshot_dir(store_dir)
    return sum(f.stat().st_size for f in directory.iterdir() if f.is_file()) if directory.is_dir() else 0


def remove_snapshot(store_dir: str | Path) -> None:
    """Drop the store's snapshot (atomically: renamed away first, then deleted)."""
    target = snapshot_dir(store_dir)
    if target.exists():
        retired = target.with_name(f"{_RETIRED_PREFIX}{uuid.uuid4().hex[:8]}")
        os.rename(target, retired)
        shutil.rmtree(retired, ignore_errors=True)


def _swap_in(building: Path, target: Path) -> None:
    """Put the finished snapshot in place: the old one is renamed away first, so a reader finds old, none or new, whole.

    Where another process swaps its own snapshot in at the same moment, one of the two
    stays and the other build is dropped: both are whole.
    """
    retired = target.with_name(f"{_RETIRED_PREFIX}{uuid.uuid4().hex[:8]}")
    try:
        os.rename(target, retired)  # open snapshots keep reading their mapped files
    except FileNotFoundError:
        pass
    try:
        os.rename(building, target)
    except OSError:  # another builder's snapshot took the place first (ENOTEMPTY)
        shutil.rmtree(building, ignore_errors=True)
    shutil.rmtree(retired, ignore_errors=True)
    _fsync(target.parent)


def _remove_leftovers(store_dir: Path) -> None:
    """Directories of builds that were killed (their process is gone) and of swaps cut short."""
    for path in store_dir.glob(SNAPSHOT_DIR + ".*"):
        if path.name.startswith(_RETIRED_PREFIX):
            shutil.rmtree(path, ignore_errors=True)
        elif path.name.startswith(_BUILDING_PREFIX):
            pid = path.name[len(_BUILDING_PREFIX):].split("-")[0]
            if pid.isdigit() and not _process_alive(int(pid)):
                shutil.rmtree(path, ignore_errors=True)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
