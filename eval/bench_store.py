"""Benchmark of the reference store: ingest rate, top-5 search latency with recall@5, the throwaway store.

    python eval/bench_store.py                       # real encoder on 300 facts; 10k and 100k facts
    python eval/bench_store.py --sizes 10000,100000,1000000   # adds the 1M part (builds for a long while)
    python eval/bench_store.py --real 0 --sizes 10000         # quick
    python eval/bench_store.py --real 0 --sizes 100000 --workdir /tmp/stores   # keeps the store; a rerun reuses it

Parts:
1. Ingest with the packaged encoder (`claimcheck.models.get_encoder()`): facts the
   script writes from templates (German and English), with quantity and subject
   derivation: facts a second, end to end.
2. Derivation alone (figures + subject per fact, no encoder, no database): facts a second.
3. Vector-only ingest at scale: precomputed clustered 384-dim unit vectors (synthetic:
   latency and recall do not depend on what the vectors mean) passed to
   `ReferenceStore.add(vectors=...)` with derivation switched off: facts a second,
   including the commits and the index build that `add()` triggers; disk size.
4. The search snapshot (claimcheck/search_snapshot.py): its build time (wall and CPU),
   disk size, and the resident memory of a fresh process that opened the store and
   searched, with and without it.
5. Top-5 search latency at each size, on both paths: LanceDB (the store opened with
   search_snapshot=False) and the snapshot (median, p95 of wall time, and CPU time a
   query: the machine is shared, so wall time includes waiting for a core;
   `ReferenceStore.search` with a query vector and a query text, so query encoding is
   excluded; the returned Fact objects are built) and recall@5 against exact (numpy)
   cosine search. Then the same queries through `search_many()`, 10 and 50 at a time:
   wall and CPU time a query, amortised over the batch; and how many queries get the
   same top-5 ids from both paths.
6. The throwaway store behind `--facts FILE` (`ReferenceStore.in_memory()`, numpy,
   exact) against a LanceDB store in a temporary directory: import, add and search times.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import claimcheck.search_snapshot as snapshots  # noqa: E402
import claimcheck.store as store_module  # noqa: E402
from claimcheck.store import ReferenceStore  # noqa: E402

DIM = 384
QUERIES = 200

_COMPANIES = ["Nordwerk", "Kestrel", "Brightline", "Acme", "Lindqvist", "Orbis", "Talvera", "Meridian"]
_TEMPLATES_DE = [
    "{c} meldete für {y} einen Umsatz von {n} Millionen Euro.",
    "{c} beschäftigte Ende {y} rund {k}.{m:03d} Mitarbeiter.",
    "Die App von {c} hatte im März {y} etwa {n} Millionen Nutzer.",
    "{c} will bis {y} insgesamt {n} neue Filialen eröffnen.",
]
_TEMPLATES_EN = [
    "{c} reported revenue of {n} million euros for {y}.",
    "{c} employed about {k},{m:03d} people at the end of {y}.",
    "{c}'s app had around {n} million users in March {y}.",
]


def synthetic_facts(n: int, seed: int = 1, prefix: str = "bench") -> list[dict]:
    """Fact-like records with figures, a quarter of them English."""
    rng = random.Random(seed)
    facts = []
    for i in range(n):
        english = i % 4 == 3
        template = rng.choice(_TEMPLATES_EN if english else _TEMPLATES_DE)
        text = template.format(c=rng.choice(_COMPANIES), y=rng.randint(2010, 2024), n=rng.randint(2, 900),
                               k=rng.randint(1, 40), m=rng.randint(0, 999))
        facts.append({"id": f"{prefix}-{i}", "text": text, "lang": "en" if english else "de", "as_of": str(rng.randint(2010, 2024))})
    return facts


def clustered_vectors(n: int, dim: int = DIM, centres: int = 2000, seed: int = 0) -> np.ndarray:
    """Unit vectors around `centres` random centres (facts cluster by topic)."""
    rng = np.random.default_rng(seed)
    c = rng.normal(size=(centres, dim)).astype(np.float32)
    c /= np.linalg.norm(c, axis=1, keepdims=True)
    out = np.empty((n, dim), dtype=np.float32)
    step = 100_000
    for start in range(0, n, step):
        m = min(step, n - start)
        v = c[rng.integers(0, centres, size=m)] + rng.normal(scale=0.04, size=(m, dim)).astype(np.float32)
        out[start : start + m] = v / np.linalg.norm(v, axis=1, keepdims=True)
    return out


def percentile(values: list[float], p: float) -> float:
    return float(np.percentile(np.asarray(values), p))


def bench_real_encoder(n: int) -> None:
    from claimcheck.models import get_encoder

    encoder = get_encoder()
    facts = synthetic_facts(n)
    with ReferenceStore.in_memory(encoder) as store:
        store.add(synthetic_facts(8, seed=99, prefix="warm-up"))  # warm-up: model, readers, table creation
        t = time.perf_counter()
        result = store.add(facts)
        took = time.perf_counter() - t
    print(f"ingest, packaged encoder {encoder.name}: {n} facts in {took:.1f} s = {n / took:.1f} facts/s ({result})")


def bench_derivation(n: int) -> None:
    read_quantities, fact_subject = store_module._derivers()
    facts = synthetic_facts(n, seed=7)
    t = time.perf_counter()
    for f in facts:
        if read_quantities:
            read_quantities(f["text"], lang=f["lang"])
        if fact_subject:
            fact_subject(f["text"], lang=f["lang"])
    took = time.perf_counter() - t
    print(f"derivation only (figures {'on' if read_quantities else 'missing'}, subject {'on' if fact_subject else 'missing'}): "
          f"{n / took:.1f} facts/s")


def directory_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def bench_scale(size: int, workdir: Path, batch: int, keep: bool) -> None:
    vectors = clustered_vectors(size)
    facts = [{"id": f"v{i}", "text": f"Synthetischer Fakt {i}."} for i in range(size)]
    path = workdir / f"store-{size}"
    saved = store_module._derivers
    store_module._derivers = lambda: (None, None)  # vector-only: no figure or subject reading
    try:
        build_vector_store(path, facts, vectors, batch)
        with ReferenceStore.open(path) as store:
            print(f"{size:,} facts: index {store.stats()['index']}; {directory_size(path) / 2**20:,.0f} MiB on disk")
            t, cpu = time.perf_counter(), time.process_time()
            manifest = store.build_snapshot()
            took, cpu = time.perf_counter() - t, time.process_time() - cpu
            print(f"{size:,} facts: search snapshot build {took:.1f} s wall, {cpu:.1f} s CPU (faiss {manifest.index_params.description}); "
                  f"{snapshots.disk_size(path) / 2**20:,.0f} MiB on disk ({load()})")
            print(f"{size:,} facts: process memory after opening the store and 20 searches: "
                  f"{rss_after_searches(path, snapshot=True)} with the snapshot, {rss_after_searches(path, snapshot=False)} without")

            rng = np.random.default_rng(1)
            picks = rng.integers(0, size, size=QUERIES)
            queries = vectors[picks] + rng.normal(scale=0.03, size=(QUERIES, DIM)).astype(np.float32)
            queries /= np.linalg.norm(queries, axis=1, keepdims=True)
            exact = [set(np.argpartition(-(vectors @ q), 5)[:5].tolist()) for q in queries]
            with ReferenceStore.open(path, search_snapshot=False) as lance_only:
                for name, searched in (("LanceDB", lance_only), ("snapshot", store)):
                    bench_single(searched, name, queries, exact, size)
                    for many in (10, 50):
                        bench_batched(searched, name, queries, exact, many, size)
                same = sum([h.fact.id for h in store.search(q, k=5)] == [h.fact.id for h in lance_only.search(q, k=5)]
                           for q in queries)
                print(f"{size:,} facts: snapshot and LanceDB give the same top-5 ids, in order, for {same} of {QUERIES} queries")
    finally:
        store_module._derivers = saved
        if not keep:
            shutil.rmtree(path, ignore_errors=True)


def build_vector_store(path: Path, facts: list[dict], vectors: np.ndarray, batch: int) -> None:
    """Ingest facts with precomputed vectors through `ReferenceStore.add(vectors=...)`, printing the rate;
    a store at `path` that already holds len(facts) rows is reused. The caller switches derivation off."""
    size = len(facts)
    with ReferenceStore.open(path) as store:
        if len(store) == size:
            print(f"\n{size:,} facts: reusing {path} (ingest not measured)")
            return
        t, cpu = time.perf_counter(), time.process_time()
        for start in range(0, size, batch):
            store.add(facts[start : start + batch], vectors=vectors[start : start + batch])
        index = store.stats()["index"]
        if index["indexed_rows"] and index["unindexed_rows"]:
            store.optimize()  # fold the last batch into the index, as add() does past its threshold
        took, cpu = time.perf_counter() - t, time.process_time() - cpu
        print(f"\n{size:,} facts: vector-only ingest {size / took:,.0f} facts/s ({took:.1f} s wall, {cpu:.1f} s CPU, "
              f"incl. the index and search snapshot builds that add() triggers; {load()})")


def bench_single(store, name: str, queries: np.ndarray, exact: list[set], size: int) -> None:
    """search() one query at a time: median and p95 wall, CPU a query, recall@5 against exact search."""
    for q in queries[:5]:
        store.search(q, k=5, query_text="Synthetischer Fakt")  # warm the index caches
    latencies, recalls = [], []
    cpu = time.process_time()
    for q, best in zip(queries, exact):
        t = time.perf_counter()
        hits = store.search(q, k=5, query_text="Synthetischer Fakt")
        latencies.append((time.perf_counter() - t) * 1000)
        recalls.append(len({h.fact.id for h in hits} & {f"v{i}" for i in best}) / 5)
    cpu = (time.process_time() - cpu) * 1000 / QUERIES
    print(f"{size:,} facts, {name}: top-5 search median {statistics.median(latencies):.2f} ms, "
          f"p95 {percentile(latencies, 95):.2f} ms, CPU {cpu:.2f} ms a query, recall@5 {np.mean(recalls):.3f} "
          f"({QUERIES} queries, query encoding excluded; {load()})")


def rss_after_searches(path: Path, snapshot: bool) -> str:
    """Resident memory of a fresh process that opened the store and searched 20 times (anonymous / file-backed)."""
    code = (
        "import sys, numpy as np; sys.path.insert(0, sys.argv[1])\n"
        "from claimcheck.store import ReferenceStore\n"
        "s = ReferenceStore.open(sys.argv[2], search_snapshot=sys.argv[3] == '1')\n"
        "rng = np.random.default_rng(0)\n"
        "for _ in range(20): s.search(rng.normal(size=int(s._meta['encoder_dim'])).astype(np.float32), k=5)\n"
        "status = dict(l.split(':', 1) for l in open('/proc/self/status'))\n"
        "print(*(int(status[k].split()[0]) // 1024 for k in ('VmRSS', 'RssAnon', 'RssFile')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(Path(__file__).resolve().parents[1]), str(path), str(int(snapshot))],
                         capture_output=True, text=True, check=True, env=dict(os.environ, RUST_LOG="error")).stdout.split()
    return f"RSS {out[0]} MiB ({out[1]} anonymous, {out[2]} file-backed)"


def bench_batched(store, name: str, queries: np.ndarray, exact: list[set], batch: int, size: int) -> None:
    """search_many() over the same queries, `batch` at a time: amortised cost a query; the hits must be search()'s."""
    texts = ["Synthetischer Fakt"] * batch
    store.search_many(queries[:batch], k=5, query_texts=texts)  # warm
    latencies, recalls = [], []
    cpu = time.process_time()
    for start in range(0, len(queries) - batch + 1, batch):
        t = time.perf_counter()
        found = store.search_many(queries[start : start + batch], k=5, query_texts=texts)
        latencies.append((time.perf_counter() - t) * 1000 / batch)
        for hits, best in zip(found, exact[start : start + batch]):
            recalls.append(len({h.fact.id for h in hits} & {f"v{i}" for i in best}) / 5)
    cpu = (time.process_time() - cpu) * 1000 / (len(latencies) * batch)
    together = store.search_many(queries[:batch], k=5, query_texts=texts)
    same = [[h.fact.id for h in hits] for hits in together] == \
        [[h.fact.id for h in store.search(q, k=5, query_text=texts[0])] for q in queries[:batch]]
    print(f"{size:,} facts, {name}: search_many of {batch} top-5 queries: {statistics.median(latencies):.2f} ms wall and "
          f"{cpu:.2f} ms CPU a query (amortised), recall@5 {np.mean(recalls):.3f}, "
          f"{'same hits as search()' if same else 'HITS DIFFER FROM search()'} ({load()})")


def bench_throwaway(n: int = 2_000) -> None:
    """What `--facts FILE` pays for its store: LanceDB in a temp dir before, numpy in memory now."""
    import_code = "import time; t = time.perf_counter(); import lancedb; print(time.perf_counter() - t)"
    took = float(subprocess.run([sys.executable, "-c", import_code], capture_output=True, text=True, check=True).stdout)
    print(f"\nthrowaway store: `import lancedb` takes {took:.2f} s in a fresh process ({load()}); the memory store imports no database")
    vectors = clustered_vectors(n, centres=200)
    facts = synthetic_facts(n)
    saved = store_module._derivers
    store_module._derivers = lambda: (None, None)
    try:
        tmp = tempfile.mkdtemp(prefix="claimcheck-throwaway-")
        for name, opener in (("LanceDB in a temp dir", lambda: ReferenceStore.open(tmp)), ("memory (numpy)", ReferenceStore.in_memory)):
            t = time.perf_counter()
            with opener() as store:
                store.add(facts, vectors=vectors)
                added = time.perf_counter() - t
                latencies = []
                for i in range(0, n, n // 100):
                    t = time.perf_counter()
                    store.search(vectors[i], k=20, query_text=facts[i]["text"])  # as the verifier asks
                    latencies.append((time.perf_counter() - t) * 1000)
            print(f"throwaway store, {name}: open + add {n:,} facts {added * 1000:.0f} ms, "
                  f"top-20 search median {statistics.median(latencies):.2f} ms ({load()})")
        shutil.rmtree(tmp, ignore_errors=True)
    finally:
        store_module._derivers = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--real", type=int, default=300, help="facts to ingest with the packaged encoder (0: skip)")
    parser.add_argument("--sizes", default="10000,100000", help="store sizes for the vector-only part")
    parser.add_argument("--batch", type=int, default=50_000, help="facts per add() in the vector-only part")
    parser.add_argument("--workdir", default=None, help="where to build the stores (kept there, and reused by a rerun; "
                        "default: a temp dir, deleted)")
    parser.add_argument("--throwaway", type=int, default=1, help="1: compare the throwaway stores (part 6); 0: skip")
    args = parser.parse_args()

    if args.real:
        bench_real_encoder(args.real)
        bench_derivation(args.real)
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="claimcheck-bench-"))
    try:
        for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
            bench_scale(size, workdir, args.batch, keep=args.workdir is not None)
        if args.throwaway:
            bench_throwaway()
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
