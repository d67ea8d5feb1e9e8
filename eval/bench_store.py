"""Benchmark of the reference store: ingest rate and top-5 search latency with recall@5.

    python eval/bench_store.py                       # real encoder on 300 facts; 10k and 100k facts
    python eval/bench_store.py --sizes 10000,100000,1000000   # adds the 1M part (builds for a long while)
    python eval/bench_store.py --real 0 --sizes 10000         # quick

Parts:
1. Ingest with the packaged encoder (`claimcheck.models.get_encoder()`): facts the
   script writes from templates (German and English), with quantity and subject
   derivation: facts a second, end to end.
2. Derivation alone (figures + subject per fact, no encoder, no database): facts a second.
3. Vector-only ingest at scale: precomputed clustered 384-dim unit vectors passed to
   `ReferenceStore.add(vectors=...)` with derivation switched off: facts a second,
   including the commits and the index build that `add()` triggers.
4. Top-5 search latency at each size (median, p95; `ReferenceStore.search` with a
   query vector, so query encoding is excluded; the returned Fact objects are built)
   and recall@5 against exact (numpy) cosine search over the same vectors.
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

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


def bench_scale(size: int, workdir: Path, batch: int) -> None:
    vectors = clustered_vectors(size)
    facts = [{"id": f"v{i}", "text": f"Synthetischer Fakt {i}."} for i in range(size)]
    saved = store_module._derivers
    store_module._derivers = lambda: (None, None)  # vector-only: no figure or subject reading
    try:
        with ReferenceStore.open(workdir / f"store-{size}") as store:
            t = time.perf_counter()
            for start in range(0, size, batch):
                store.add(facts[start : start + batch], vectors=vectors[start : start + batch])
            index = store.stats()["index"]
            if index["indexed_rows"] and index["unindexed_rows"]:
                store.optimize()  # fold the last batch into the index, as add() does past its threshold
            took = time.perf_counter() - t
            index = store.stats()["index"]
            print(f"\n{size:,} facts: vector-only ingest {size / took:,.0f} facts/s ({took:.1f} s incl. index build); index: {index}")

            rng = np.random.default_rng(1)
            picks = rng.integers(0, size, size=QUERIES)
            queries = vectors[picks] + rng.normal(scale=0.03, size=(QUERIES, DIM)).astype(np.float32)
            queries /= np.linalg.norm(queries, axis=1, keepdims=True)
            for q in queries[:5]:
                store.search(q, k=5)  # warm the index caches
            latencies, recalls = [], []
            for q in queries:
                t = time.perf_counter()
                hits = store.search(q, k=5)
                latencies.append((time.perf_counter() - t) * 1000)
                exact = np.argpartition(-(vectors @ q), 5)[:5]
                recalls.append(len({h.fact.id for h in hits} & {f"v{i}" for i in exact}) / 5)
            print(f"{size:,} facts: top-5 search median {statistics.median(latencies):.2f} ms, "
                  f"p95 {percentile(latencies, 95):.2f} ms, recall@5 {np.mean(recalls):.3f} "
                  f"({QUERIES} queries, query encoding excluded)")
    finally:
        store_module._derivers = saved
        shutil.rmtree(workdir / f"store-{size}", ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--real", type=int, default=300, help="facts to ingest with the packaged encoder (0: skip)")
    parser.add_argument("--sizes", default="10000,100000", help="store sizes for the vector-only part")
    parser.add_argument("--batch", type=int, default=50_000, help="facts per add() in the vector-only part")
    parser.add_argument("--workdir", default=None, help="where to build the stores (default: a temp dir)")
    args = parser.parse_args()

    if args.real:
        bench_real_encoder(args.real)
        bench_derivation(args.real)
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="claimcheck-bench-"))
    try:
        for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
            bench_scale(size, workdir, args.batch)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
