"""Check a corpus: one report per article, resumable, with a progress bar.

    claimcheck batch IN OUT [--store DIR | --facts FILE] [--workers N]

IN is JSONL, CSV or Parquet (read with `datasets`, never from the hub) with a text
column and optionally an id and a publication date. OUT gets one JSON line per
row: {"row", "id", "report": Report.to_dict()} or {"row", "id", "error"}.
An OUT ending in .parquet is written as JSONL to OUT + ".progress.jsonl" first and
converted when the run is complete (report stored as a JSON string column).

Resuming: rows whose id (or, for rows without id, whose row number) is already in
OUT are skipped. Every line is written whole, flushed and fsynced, so a killed run
loses at most the article it was working on; a half line left by a kill is cut
off before appending.

The publication date of a row: `published_column` when given; otherwise a
"published" column when the corpus has one; otherwise an ISO date in the
"source" column (news_de_dev's FANG-COVID rows: "FANG-COVID (zeit.de, 2020-06-16)");
otherwise the article's dateline (claimcheck.claims.read_published).

Parallelism: articles are checked in chunks; the sentences of a whole chunk go
through the encoder in one call (sorted by length, in the encoder's batches). With
workers > 1 chunks go to spawned worker processes, each with its own encoder and its
own read-only handle on the store; the calling process then loads no encoder (unless
it must encode a --facts file) and only writes what comes back. eval/bench_batch.py
measures both: two workers were faster on 2 cores, so workers are the default (default_workers).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional

from .facts_io import quiet_datasets
from .textio import MAX_CHARS, InputError, csv_row_too_long

# Measured with eval/bench_batch.py on 2 cores (48 articles, 100k-fact store, load ~2.5): two worker
# processes of one torch thread each 3.1 articles/s once started, one process with batched
# encoding and two torch threads 2.2: the Python stages (figures, claims, verdicts, summary) run
# in parallel too. The whole news_de_dev corpus (373 articles) with 2 workers: 2.8 articles/s.
# Small runs stay in one process: starting a worker (imports, encoder, ~10 s) costs more than a chunk.
def default_workers(chunks: int) -> int:
    return max(1, min(os.cpu_count() or 1, chunks // 2))

# Articles per encoder call: large enough to batch sentences of similar length, small
# enough that an interruption loses little and the progress bar moves.
CHUNK_SIZE = 8
INPUT_FORMATS = {".jsonl": "json", ".json": "json", ".csv": "csv", ".parquet": "parquet"}
_ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


@dataclass
class Row:
    """One article to check: its row number in the input, id, text and date (ISO or None)."""

    row: int
    id: Optional[str]
    text: Any
    published: Optional[str]


@dataclass
class BatchResult:
    output: Path
    rows: int  # rows in the input
    checked: int  # reports written in this run
    failed: int  # error lines written in this run
    skipped: int  # rows already in OUT from an earlier run
    seconds: float
    errors: list[tuple[Optional[str], str]] = field(default_factory=list)  # (id, message) of this run

    @property
    def articles_per_second(self) -> float:
        done = self.checked + self.failed
        return done / self.seconds if self.seconds > 0 else 0.0


# --- reading the corpus ------------------------------------------------------------------

def read_corpus(
    input_path: str | Path,
    *,
    text_column: str = "text",
    id_column: str = "id",
    published_column: Optional[str] = None,
) -> list[Row]:
    """The rows of a JSONL, CSV or Parquet corpus, read through `datasets` (local files only)."""
    path = Path(input_path)
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a corpus file (.jsonl, .csv or .parquet).")
    if not path.is_file():
        raise InputError(f"{path}: no such file.")
    builder = INPUT_FORMATS.get(path.suffix.lower())
    if builder is None:
        raise InputError(f"{path}: unknown corpus format {path.suffix!r}; give a .jsonl, .csv or .parquet file.")
    from datasets import load_dataset

    if path.stat().st_size == 0:
        raise InputError(f"{path}: the corpus is empty.")
    if builder == "csv":
        too_long = csv_row_too_long(path.read_text("utf-8-sig", errors="replace"))
        if too_long:
            raise InputError(f"{path}: {too_long}")
    if path.suffix.lower() == ".jsonl":  # datasets names no line of a malformed one, and loads bad UTF-8
        _check_jsonl(path)
    quiet_datasets()
    try:
        # Keep the datasets cache out of the user's home: a corpus is read once per run.
        with tempfile.TemporaryDirectory(prefix="claimcheck-corpus-") as cache:
            table = load_dataset(builder, data_files=str(path), split="train", cache_dir=cache, keep_in_memory=True)
    except Exception as e:  # datasets wraps parse errors in several types
        raise InputError(f"{path}: cannot read the corpus ({' '.join(str(e).split())[:300]}).") from None
    columns = set(table.column_names)
    if text_column not in columns:
        raise InputError(f"{path}: no column {text_column!r} (columns: {', '.join(sorted(columns))}); "
                         "name the text column with text_column=.")
    if published_column is not None and published_column not in columns:
        raise InputError(f"{path}: no column {published_column!r} for the publication date.")
    if published_column is None and "published" in columns:
        published_column = "published"
    rows = []
    for i, record in enumerate(table):
        ident = record.get(id_column) if id_column in columns else None
        ident = None if ident is None or str(ident).strip() == "" else str(ident).strip()
        if id_column not in columns:
            ident = f"row-{i}"  # a corpus without ids: the row number names the article
        rows.append(Row(i, ident, record[text_column], _published_of(record, published_column)))
    return rows


def _published_of(record: dict, published_column: Optional[str]) -> Optional[str]:
    if published_column is not None:
        value = record.get(published_column)
        if isinstance(value, (dt.date, dt.datetime)):
            return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
        return str(value).strip() or None if value is not None else None
    match = _ISO_DATE.search(str(record.get("source") or ""))
    return match.group(1) if match else None


def _check_jsonl(path: Path) -> None:
    """Refuse a JSONL corpus with a line that is no JSON object or no UTF-8, naming the line."""
    with open(path, "rb") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
            except UnicodeDecodeError:
                raise InputError(f"{path} line {number}: not UTF-8 text; save the corpus as UTF-8.") from None
            except json.JSONDecodeError as e:
                raise InputError(f"{path} line {number}: not valid JSON ({e.msg}).") from None
            if not isinstance(record, dict):
                raise InputError(f"{path} line {number}: an article must be a JSON object, not {type(record).__name__}.")


def row_problem(row: Row, seen_ids: set[str]) -> Optional[str]:
    """Why a row cannot be checked, or None."""
    if row.id is None:
        return "the row has no id"
    if row.id in seen_ids:
        return f"id {row.id!r} appears more than once in the corpus; only its first row is checked"
    if not isinstance(row.text, str) or not row.text.strip():
        return "the article text is empty"
    if len(row.text) > MAX_CHARS:
        return f"the article has {len(row.text):,} characters; the limit is {MAX_CHARS:,}"
    return None


# --- the output file -----------------------------------------------------------------------

def _key(record: dict) -> str:
    return f"id:{record['id']}" if record.get("id") is not None else f"row:{record['row']}"


class ReportWriter:
    """Appends whole JSON lines to a JSONL file, each flushed and fsynced; knows what is done."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.done: set[str] = set()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._repair_and_scan()
        self._file = open(path, "a", encoding="utf-8")

    def _repair_and_scan(self) -> None:
        """Note the rows an earlier run finished and cut off the half line a kill may have left; refuse a
        file that is not such a run's output (an article, a corpus, notes), which resuming would erase."""
        if not self.path.exists():
            return
        if self.path.is_dir():
            raise InputError(f"{self.path}: is a folder; give a file name for the output (.jsonl or .parquet).")
        data = self.path.read_bytes()
        keep = 0  # bytes of whole, parseable lines
        for number, line in enumerate(data.splitlines(keepends=True), 1):
            if not line.endswith(b"\n"):
                break  # a half line from a killed run
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError):
                record = None
            if not (isinstance(record, dict) and isinstance(record.get("row"), int)):
                raise InputError(f"{self.path}: line {number} is not a claimcheck batch result, so this file is not "
                                 "the output of an earlier run; give another output file (an earlier run's output "
                                 "is resumed, any other file would be overwritten).")
            self.done.add(_key(record))
            keep += len(line)
        if keep < len(data):
            with open(self.path, "r+b") as f:
                f.truncate(keep)
                os.fsync(f.fileno())

    def write(self, record: dict) -> None:
        self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._file.flush()
        os.fsync(self._file.fileno())
        self.done.add(_key(record))

    def close(self) -> None:
        self._file.close()


def _jsonl_to_parquet(jsonl: Path, parquet: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [json.loads(line) for line in jsonl.read_text("utf-8").splitlines() if line.strip()]
    table = pa.table({
        "row": pa.array([r["row"] for r in rows], pa.int64()),
        "id": pa.array([r.get("id") for r in rows], pa.string()),
        "report": pa.array([json.dumps(r["report"], ensure_ascii=False) if "report" in r else None for r in rows],
                           pa.string()),
        "error": pa.array([r.get("error") for r in rows], pa.string()),
    })
    temp = parquet.with_name(parquet.name + ".tmp")
    pq.write_table(table, temp)
    os.replace(temp, parquet)  # the Parquet file appears whole or not at all


def _parquet_to_jsonl(parquet: Path, jsonl: Path) -> None:
    """Seed the progress file from a finished Parquet output (a rerun over a grown corpus)."""
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(parquet)
    except Exception as e:  # pyarrow raises several types for a file that is no Parquet
        raise InputError(f"{parquet}: cannot read this Parquet file ({' '.join(str(e).split())[:200]}).") from None
    if not {"row", "id", "report", "error"} <= set(table.column_names):
        raise InputError(f"{parquet}: is not the output of an earlier claimcheck batch run (its columns are "
                         f"{', '.join(table.column_names)}); give another output file.")
    with open(jsonl, "w", encoding="utf-8") as f:
        for r in table.to_pylist():
            record = {"row": r["row"], "id": r["id"]}
            if r["report"] is not None:
                record["report"] = json.loads(r["report"])
            else:
                record["error"] = r["error"]
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


# --- checking ------------------------------------------------------------------------------

def check_articles(rows: list[Row], encoder, store, min_confidence: Optional[float] = None) -> list[dict]:
    """Output records for a chunk of rows; the sentences of all of them are encoded in one call
    (`min_confidence`: as check()'s)."""
    from .models.encoder import encode_with_contexts
    from .pipeline import (figure_spans, find_claims, find_published, judge_claims, sentences_to_encode,
                           set_sentence_vectors, split_into_sentences, start_document, summarise)

    records: list[dict] = []
    docs: list[tuple[Row, Any, list[int]]] = []  # (row, document, its sentences to encode)
    for row in rows:
        try:
            doc = start_document(row.text, row.published)
            split_into_sentences(doc)
            find_published(doc)
            docs.append((row, doc, sentences_to_encode(doc)))
        except Exception as e:  # noqa: BLE001 - one bad article must not end the run
            records.append(_error(row, e))
    vectors, contexts = encode_with_contexts(encoder, [doc.sentences[i].text for _, doc, encoded in docs for i in encoded],
                                             [spans for _, doc, encoded in docs for spans in figure_spans(doc, encoded)])
    offset = 0
    for row, doc, encoded in docs:
        set_sentence_vectors(doc, encoded, vectors[offset : offset + len(encoded)], contexts[offset : offset + len(encoded)])
        offset += len(encoded)
        try:
            find_claims(doc)
            if store is not None:
                judge_claims(doc, store, min_confidence)
            summarise(doc, max_sentences=3, backend="extractive", model=None)
            records.append({"row": row.row, "id": row.id, "report": doc.report().to_dict()})
        except Exception as e:  # noqa: BLE001 - one bad article must not end the run
            records.append(_error(row, e))
    return sorted(records, key=lambda r: r["row"])


def _error(row: Row, error: BaseException) -> dict:
    message = " ".join(str(error).split())
    if isinstance(error, ValueError):  # bad input, with a message meant for the user
        return {"row": row.row, "id": row.id, "error": message}
    # a failure of claimcheck itself on this article: named for the bug report
    return {"row": row.row, "id": row.id, "error": f"{type(error).__name__}: {message}", "internal": True}


def _chunks(rows: list[Row], size: int) -> Iterator[list[Row]]:
    """Chunks by position in the corpus (row // size), not in the to-do list: a resumed run
    encodes the same batches as an unbroken one, so it writes the same floats."""
    chunk: list[Row] = []
    for row in rows:
        if chunk and row.row // size != chunk[0].row // size:
            yield chunk
            chunk = []
        chunk.append(row)
    if chunk:
        yield chunk


# Worker processes: each loads its own encoder and opens the store read-only once. A worker
# that cannot start says why on its first chunk (an exception in a Pool initializer would
# only make the pool start new workers forever).
_worker: dict[str, Any] = {}


def _init_worker(store_uri: Optional[str], threads: int, min_confidence: Optional[float] = None) -> None:
    _worker["min_confidence"] = min_confidence
    try:
        import torch

        from .models import get_encoder
        from .store import ReferenceStore

        torch.set_num_threads(threads)
        _worker["encoder"] = get_encoder()
        _worker["store"] = ReferenceStore.open(store_uri, _worker["encoder"], read_consistency_interval=None) \
            if store_uri else None
    except Exception as e:  # noqa: BLE001 - reported by _work
        _worker["failed"] = f"{type(e).__name__}: {' '.join(str(e).split())}"


def _work(rows: list[Row]) -> list[dict]:
    if "failed" in _worker:
        raise WorkerError(f"a worker process could not start: {_worker['failed']}")
    return check_articles(rows, _worker["encoder"], _worker["store"], _worker["min_confidence"])


class WorkerError(RuntimeError):
    """A worker could not load the encoder or open the store: the run stops, resumable once mended."""


def _open_store(store: Any, facts: Any, encoder, temp_dir: str) -> tuple[Any, Optional[str]]:
    """(store object, its URI for workers) from a store directory, a store object or a fact file.

    With encoder None (workers do the checking) a store directory is only looked at, not opened:
    each worker opens it with its own encoder, which is also when a wrong encoder is refused."""
    from .store import FactStore, ReferenceStore, existing_store

    if store is not None and facts is not None:
        raise InputError("Give either a store or facts, not both.")
    if facts is not None:
        opened = ReferenceStore.open(Path(temp_dir) / "facts", encoder)
        opened.add_file(facts)
        return opened, opened.uri
    if store is None:
        return None, None
    if isinstance(store, ReferenceStore):
        return store, store.uri
    if isinstance(store, FactStore):  # an in-memory store lives in this process only
        return store, None
    if not isinstance(store, (str, Path)):
        raise InputError(f"store must be a store directory, a URI or a ReferenceStore, not {type(store).__name__}.")
    existing_store(store)
    if encoder is None:
        return None, str(store)
    opened = ReferenceStore.open(store, encoder)
    return opened, opened.uri


def _held_in_memory(store: Any) -> bool:
    """Whether `store` is an in-memory store, which lives in this process only (workers cannot open it)."""
    from .store import FactStore, ReferenceStore

    return isinstance(store, FactStore) and not isinstance(store, ReferenceStore)


def run_batch(
    input_path: str | Path,
    output_path: str | Path,
    *,
    store: Any = None,
    facts: str | Path | None = None,
    workers: Optional[int] = None,
    text_column: str = "text",
    id_column: str = "id",
    published_column: Optional[str] = None,
    chunk_size: int = CHUNK_SIZE,
    progress: bool = True,
    min_confidence: Optional[float] = None,
) -> BatchResult:
    """Check every row of a corpus into OUT (JSONL, or Parquet when OUT ends in .parquet).

    `store` is a store directory/URI or a ReferenceStore; `facts` a fact file for this run.
    Without either every verdict is NOT_ENOUGH_INFO. Rows already in OUT are skipped.
    `min_confidence` replaces the fitted floor under which verdicts are withheld (see check()).
    """
    from tqdm import tqdm

    from .models import get_encoder
    from .verify import valid_floor

    started = time.perf_counter()
    if workers is not None and workers < 1:
        raise InputError(f"workers must be at least 1, not {workers}.")
    if chunk_size < 1:
        raise InputError(f"chunk_size must be at least 1, not {chunk_size}.")
    valid_floor(min_confidence)
    output = Path(output_path)
    if output.exists() and Path(input_path).exists() and output.resolve() == Path(input_path).resolve():
        raise InputError(f"{output}: the output file is the corpus itself; give another output file.")
    parquet = output.suffix.lower() == ".parquet"
    progress_file = output.with_name(output.name + ".progress.jsonl") if parquet else output
    if parquet and output.exists() and not progress_file.exists():
        _parquet_to_jsonl(output, progress_file)
    rows = read_corpus(input_path, text_column=text_column, id_column=id_column, published_column=published_column)

    writer = ReportWriter(progress_file)
    result = BatchResult(output, len(rows), 0, 0, 0, 0.0)
    todo: list[Row] = []
    seen: set[str] = set()
    for row in rows:
        key = f"id:{row.id}" if row.id is not None else f"row:{row.row}"
        problem = row_problem(row, seen)
        if row.id is not None:
            seen.add(row.id)
        if row.id is not None and problem and problem.startswith("id "):
            # reported, not written: the id's line in OUT belongs to its first row (nor is it "already done")
            result.errors.append((row.id, f"row {row.row}: {problem}"))
        elif key in writer.done:
            result.skipped += 1
        elif problem:
            _record(writer, result, {"row": row.row, "id": row.id, "error": problem})
        else:
            todo.append(row)
    if workers is None:
        workers = default_workers(len(list(_chunks(todo, chunk_size))))
    if _held_in_memory(store):
        workers = 1

    # The encoder is loaded here only when this process encodes: the articles, or a --facts file.
    encoder = get_encoder() if todo and (workers == 1 or facts is not None) else None
    with tempfile.TemporaryDirectory(prefix="claimcheck-batch-") as temp_dir:
        opened, store_uri = _open_store(store, facts, encoder, temp_dir)
        bar = tqdm(total=len(todo), unit="article", disable=not progress, file=sys.stderr, dynamic_ncols=True)
        try:
            for records in _checked_chunks(todo, encoder, opened, store_uri, workers, chunk_size, min_confidence):
                _stop_if_broken(records, result)
                for record in records:
                    _record(writer, result, record)
                bar.update(len(records))
        finally:
            bar.close()
            writer.close()
            if opened is not None and opened is not store:
                opened.close()
    if parquet:
        _jsonl_to_parquet(progress_file, output)
        progress_file.unlink()
    result.seconds = time.perf_counter() - started
    if progress:
        print(f"{result.checked} checked, {result.failed} failed, {result.skipped} already done "
              f"({result.seconds:.1f} s, {result.articles_per_second:.2f} articles/s) -> {output}", file=sys.stderr)
        for ident, message in result.errors[:10]:
            print(f"  {ident}: {message}", file=sys.stderr)
    return result


def _stop_if_broken(records: list[dict], result: BatchResult) -> None:
    """Stop (writing nothing) when the first chunk fails whole with internal errors: a broken
    installation, not bad rows; the run resumes once it is mended."""
    if result.checked == 0 and records and all(r.get("internal") for r in records):
        raise RuntimeError(f"every article of the first chunk failed, e.g. {records[0]['id']}: {records[0]['error']}")


def _record(writer: ReportWriter, result: BatchResult, record: dict) -> None:
    writer.write(record)
    if "error" in record:
        result.failed += 1
        result.errors.append((record["id"], record["error"]))
    else:
        result.checked += 1


def _checked_chunks(todo: list[Row], encoder, store, store_uri: Optional[str], workers: int,
                    chunk_size: int, min_confidence: Optional[float] = None) -> Iterator[list[dict]]:
    """Records chunk by chunk, in corpus order (so that a resumed run writes what an unbroken one would)."""
    if not todo:
        return
    if workers == 1:
        for chunk in _chunks(todo, chunk_size):
            yield check_articles(chunk, encoder, store, min_confidence)
        return
    import multiprocessing as mp

    threads = max(1, (os.cpu_count() or 1) // workers)
    # spawn: no forked copy of torch's thread pools or of LanceDB's handles.
    with mp.get_context("spawn").Pool(workers, initializer=_init_worker, initargs=(store_uri, threads, min_confidence)) as pool:
        yield from pool.imap(_work, _chunks(todo, chunk_size))
        # Let the workers finish on their own: the with's terminate() kills them mid-teardown,
        # which leaks their semaphores (a resource_tracker warning at exit).
        pool.close()
        pool.join()
