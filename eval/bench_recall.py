"""Search recall with real text vectors: facts and queries both encoded by the packaged encoder.

    python -m eval.bench_recall --size 0                  # the real passages only (about 11.5k rows)
    python -m eval.bench_recall                           # 100k rows: real passages + synthetic filler
    python -m eval.bench_recall --filler blend            # 100k rows: real passages + e5-like filler
    python -m eval.bench_recall --ef 320,640 --nprobes 40,80 --refine 2,5   # other LanceDB settings tried
    python -m eval.bench_recall --filler blend --snapshot-breadth 64,128     # other snapshot search breadths tried

eval/bench_store.py measures recall with synthetic clustered vectors, and
eval/bench_check.py with article sentences searched among synthetic facts: there the
queries have no close neighbours, so neither says how the index treats real text.
Here both sides are e5 vectors of German news:

- passages (the store's facts, encoded with `encode_passages` as ingest does): the
  sentences (6 words or more) of ../shared/data/news_de_dev.jsonl except the held-out
  ones, then those of ../shared/data/summ_de_dev.jsonl (whole articles, up to
  --passages), and the facts eval/eval_verify.py writes (paraphrases of annotated
  claims, a quarter English; taken from its vector cache, so only where that exists);
- queries (`encode_queries`): "held-out sentences", 300 drawn from every fifth sentence
  of each article (not in the store; their article's other sentences are), and
  "claims", the claim sentences of the verification set (same cache), whose
  paraphrases are in the store; a claim sentence is never also a passage.

Vectors are cached in the claimcheck cache directory (eval/recall_vectors_*.npz, keyed
by text, through eval_verify.CachedEncoder): the first run encodes about 11k sentences
(20 minutes on 2 busy cores; it saves every 500, so an interrupted run resumes), reruns
only load them. With `--size N` above the real rows, filler rows fill the table up to
N (FILLERS; the output says which and how many).

The store is built through `ReferenceStore.add(vectors=...)` with derivation off
(bench_store.build_vector_store) in a temporary directory, or in --workdir (kept and
reused). Printed for each path: recall@5 and recall@20 against exact cosine search over
all rows, how often the top-1 differs from exact search's, median wall and CPU ms of a
top-5 query. Paths: LanceDB's index as `search()` uses it with `search_snapshot=False`
(filtered searches and stale snapshots take it) with the store's settings, then with
other HNSW_EF / NPROBES / REFINE_FACTOR values (one changed at a time), and the search
snapshot with the search breadth it was built with, then with others (--snapshot-breadth). `search()` is called without a query text, so its ranking is the cosine alone.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import claimcheck.store as store_module  # noqa: E402
from claimcheck.config import get_settings  # noqa: E402
from claimcheck.store import ReferenceStore  # noqa: E402
from eval.bench_store import build_vector_store, clustered_vectors, load  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
MIN_WORDS = 6
HELD_OUT_EVERY = 5  # every fifth sentence of a news article is a query, not a passage
HELD_OUT_QUERIES = 300


@dataclass
class QuerySet:
    name: str
    texts: list[str]
    vectors: np.ndarray


def article_sentences(path: Path) -> list[list[str]]:
    """Each article's sentences of MIN_WORDS words or more."""
    from claimcheck.sentences import split_sentences

    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            out.append([s.text for s in split_sentences(text) if len(s.text.split()) >= MIN_WORDS])
    return out


def cached_encoder(kind: str):
    """The packaged encoder behind eval_verify's vector cache, kept in <cache>/eval/<kind>_vectors_<encoder>.npz."""
    import re

    from claimcheck.models import get_encoder
    from eval.eval_verify import CachedEncoder

    encoder = get_encoder()
    safe = re.sub(r"[^\w.-]+", "_", encoder.name)
    return CachedEncoder(encoder, get_settings().cache_dir / "eval" / f"{kind}_vectors_{safe}.npz")


def encode_in_chunks(encoder, texts: list[str], chunk: int = 500) -> np.ndarray:
    """encode_passages through the cache, saved after every chunk: an interrupted first run keeps what it encoded."""
    out = []
    for start in range(0, len(texts), chunk):
        t = time.perf_counter()
        out.append(encoder.encode_passages(texts[start : start + chunk]))
        encoder.save()
        if time.perf_counter() - t > 1:  # not when the cache had them all
            print(f"  passages {start + len(out[-1]):,} of {len(texts):,} ({time.perf_counter() - t:.1f} s; {load()})",
                  flush=True)
    return np.concatenate(out) if out else np.zeros((0, encoder.dim), dtype=np.float32)


def real_vectors(max_passages: int) -> tuple[list[str], np.ndarray, list[QuerySet]]:
    """Passage texts and vectors, and the query sets (see the module docstring)."""
    rng = random.Random(5)
    verify = cached_encoder("verify")  # read only: its texts are eval_verify's, never saved from here
    claims = [k.split("\t", 1)[1] for k in verify._vectors if k.startswith("query\t")]
    paraphrases = [k.split("\t", 1)[1] for k in verify._vectors if k.startswith("passage\t")]
    claim_set = set(claims)

    passages, held_out = [], []
    articles = article_sentences(DATA / "news_de_dev.jsonl") + article_sentences(DATA / "summ_de_dev.jsonl")
    for sentences in articles:  # whole articles, in file order, until `max_passages`
        if len(passages) >= max_passages:
            break
        for i, sentence in enumerate(sentences):
            if i % HELD_OUT_EVERY == HELD_OUT_EVERY - 3:
                held_out.append(sentence)
            elif sentence not in claim_set:
                passages.append(sentence)
    passages = list(dict.fromkeys(passages))  # a sentence repeated (a teaser in the body) is one fact
    held_out = rng.sample(held_out, min(HELD_OUT_QUERIES, len(held_out)))

    recall_cache = cached_encoder("recall")
    vectors = encode_in_chunks(recall_cache, passages)
    held_out_vectors = recall_cache.encode_queries(held_out)
    recall_cache.save()
    texts = passages + paraphrases
    vectors = np.concatenate([vectors, verify.encode_passages(paraphrases)]) if paraphrases else vectors
    queries = [QuerySet("held-out sentences", held_out, held_out_vectors)]
    if claims:
        queries.append(QuerySet("claims (paraphrases stored)", claims, verify.encode_queries(claims)))
    return texts, vectors.astype(np.float32), queries


FILLERS = {
    "synthetic": "bench_store.clustered_vectors: random directions, far from every e5 vector",
    "blend": "blends of two random real passages plus noise: e5-like, they compete with the real neighbours",
    "jitter": "real passages plus noise (cosine about 0.9 to the passage): many facts about the same things",
}


def filler_vectors(kind: str, real: np.ndarray, n: int, seed: int = 3) -> np.ndarray:
    """n unit rows that fill the table up to its size (see FILLERS)."""
    if n <= 0:
        return np.zeros((0, real.shape[1]), np.float32)
    if kind == "synthetic":
        return clustered_vectors(n, dim=real.shape[1], seed=seed)
    rng = np.random.default_rng(seed)
    if kind == "jitter":
        rows = real[rng.integers(0, len(real), n)] + rng.normal(scale=0.025, size=(n, real.shape[1])).astype(np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)
    weight = rng.uniform(0.2, 0.8, size=(n, 1)).astype(np.float32)
    rows = weight * real[rng.integers(0, len(real), n)] + (1 - weight) * real[rng.integers(0, len(real), n)]
    rows += rng.normal(scale=0.02, size=rows.shape).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def exact_top(matrix: np.ndarray, queries: np.ndarray, k: int = 20) -> np.ndarray:
    """Row numbers of each query's k nearest rows by cosine, nearest first (the vectors are unit length)."""
    cosines = queries @ matrix.T
    top = np.argpartition(-cosines, k, axis=1)[:, :k]
    order = np.argsort(-np.take_along_axis(cosines, top, axis=1), axis=1, kind="stable")
    return np.take_along_axis(top, order, axis=1)


@dataclass
class PathFigures:
    recall5: float
    recall20: float
    top1_differs: int
    wall_ms: float
    cpu_ms: float


def measure(store: ReferenceStore, queries: np.ndarray, exact: np.ndarray) -> PathFigures:
    """search() each query for k=5 and k=20 (no query text: cosine ranking); recall against `exact`, cost of the k=5 calls."""
    for q in queries[:5]:
        store.search(q, k=5)  # warm the caches
    latencies, recall5, recall20, differs = [], [], [], 0
    cpu = time.process_time()
    for q, best in zip(queries, exact):
        t = time.perf_counter()
        hits = store.search(q, k=5)
        latencies.append((time.perf_counter() - t) * 1000)
        ids = [int(h.fact.id[1:]) for h in hits]
        recall5.append(len(set(ids) & set(best[:5].tolist())) / 5)
        differs += ids[0] != best[0]
    cpu = (time.process_time() - cpu) * 1000 / len(queries)
    for q, best in zip(queries, exact):
        ids = {int(h.fact.id[1:]) for h in store.search(q, k=20)}
        recall20.append(len(ids & set(best.tolist())) / 20)
    return PathFigures(float(np.mean(recall5)), float(np.mean(recall20)), differs, statistics.median(latencies), cpu)


def print_figures(path_name: str, query_set: QuerySet, figures: PathFigures) -> None:
    n = len(query_set.texts)
    print(f"  {path_name:<44} {query_set.name:<28} recall@5 {figures.recall5:.3f}  recall@20 {figures.recall20:.3f}  "
          f"top-1 differs {figures.top1_differs:>3} of {n}  median {figures.wall_ms:6.2f} ms  CPU {figures.cpu_ms:6.2f} ms a query",
          flush=True)


def settings_grid(args) -> list[tuple[str, dict]]:
    """(label, store-module constants) for each LanceDB setting to try; the store's own first."""
    grid = [("LanceDB, the store's settings", {})]
    grid += [(f"LanceDB, HNSW_EF={ef}", {"HNSW_EF": ef}) for ef in _ints(args.ef)]
    grid += [(f"LanceDB, NPROBES={n}", {"NPROBES": n}) for n in _ints(args.nprobes)]
    grid += [(f"LanceDB, REFINE_FACTOR={r}", {"REFINE_FACTOR": r or None}) for r in _ints(args.refine)]
    return grid


def _ints(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000, help="table rows: real passages, then synthetic filler "
                        "up to this many (0: real passages only)")
    parser.add_argument("--passages", type=int, default=12_000, help="real passages at most (whole articles, in file "
                        "order; the first run encodes them: about 20 minutes for all 11k on 2 busy cores)")
    parser.add_argument("--filler", choices=sorted(FILLERS), default="synthetic", help="what fills the table past "
                        "the real passages")
    parser.add_argument("--ef", default="320,640", help="HNSW_EF values to try on the LanceDB path")
    parser.add_argument("--nprobes", default="", help="NPROBES values to try (IVF partitions searched)")
    parser.add_argument("--refine", default="2,5", help="REFINE_FACTOR values to try (0: none)")
    parser.add_argument("--snapshot-breadth", default="",
                        help="other search breadths to try on the search snapshot (HNSW efSearch, or IVF nprobe past 250k rows)")
    parser.add_argument("--workdir", default=None, help="where to build the store (kept, and reused by a rerun)")
    args = parser.parse_args(argv)

    texts, real, query_sets = real_vectors(args.passages)
    size = max(args.size, len(real))
    real = real / np.linalg.norm(real, axis=1, keepdims=True)
    filler = filler_vectors(args.filler, real, size - len(real))
    matrix = np.concatenate([real, filler]).astype(np.float32)
    print(f"store: {len(real):,} real passages (e5, `encode_passages`)"
          + (f" + {len(filler):,} filler rows ({FILLERS[args.filler]})" if len(filler) else "")
          + f" = {size:,} rows; queries: " + ", ".join(f"{len(q.texts)} {q.name}" for q in query_sets))
    facts = [{"id": f"p{i}", "text": texts[i] if i < len(texts) else f"Synthetischer Fakt {i}."} for i in range(size)]
    exact = {q.name: exact_top(matrix, q.vectors / np.linalg.norm(q.vectors, axis=1, keepdims=True)) for q in query_sets}
    for q in query_sets:
        unit = q.vectors / np.linalg.norm(q.vectors, axis=1, keepdims=True)
        first, twentieth = (np.median(np.einsum("ij,ij->i", unit, matrix[exact[q.name][:, r]])) for r in (0, 19))
        print(f"  {q.name}: median cosine of the exact 1st neighbour {first:.3f}, of the 20th {twentieth:.3f}")

    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="claimcheck-recall-"))
    path = workdir / f"recall-{len(real)}-{args.filler}-{size}"
    saved = store_module._derivers
    store_module._derivers = lambda: (None, None)  # vector-only: no figure or subject reading
    try:
        build_vector_store(path, facts, matrix, batch=50_000)
        with ReferenceStore.open(path) as snapshot_store:
            print(f"index: {snapshot_store.stats()['index']}")
            with ReferenceStore.open(path, search_snapshot=False) as lance_only:
                for label, constants in settings_grid(args):
                    before = {name: getattr(store_module, name) for name in constants}
                    for name, value in constants.items():
                        setattr(store_module, name, value)
                    try:
                        for q in query_sets:
                            print_figures(label, q, measure(lance_only, q.vectors, exact[q.name]))
                    finally:
                        for name, value in before.items():
                            setattr(store_module, name, value)
            if snapshot_store._fresh_snapshot() is None:
                print("  (no fresh search snapshot: the snapshot path is not measured)")
            else:
                import faiss

                snapshot = snapshot_store._fresh_snapshot()
                m = snapshot.manifest
                name, built = m.index_params.search_parameter
                for value in [built] + [n for n in _ints(args.snapshot_breadth) if n != built]:
                    # this process's copy only; the manifest keeps what was built
                    faiss.ParameterSpace().set_index_parameter(snapshot._index, name, value)
                    label = f"search snapshot, {m.index} {name} {value}" + (" (built)" if value == built else "")
                    for q in query_sets:
                        print_figures(label, q, measure(snapshot_store, q.vectors, exact[q.name]))
        print(f"({load()} at the end)")
    finally:
        store_module._derivers = saved
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
