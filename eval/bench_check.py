"""Time to check one ~3,500-character article against a 100k-fact store, warm (issue 5: <= 1 s on 2 cores).

    python -m eval.bench_check [--repeat 5] [--facts 100000] [--threads 2]
    python -m eval.bench_check --store /tmp/facts-100000-copy   # a copy with a search snapshot: both paths
    python -m eval.bench_check --summaries        # what encoding fewer sentences costs the summaries
    CLAIMCHECK_ENCODER_BACKEND=onnx-int8 python -m eval.bench_check

The store is eval/bench_batch.py's synthetic 100k-fact store (built once, kept per
encoder). The encoder is loaded and one check() run before timing, so the figures are
warm: the median of --repeat runs of check() on each of three news_de_dev articles of
3,000-4,000 characters, as wall and CPU seconds, with the load average (the machine is
shared: CPU seconds say more than wall time when others are busy), then the CPU
milliseconds of each stage of check() for each article (the verdicts stage, where the
store is searched, as the median of three runs). Then each path's recall@5 and @20
against exact cosine search, with the articles' sentence vectors as queries (real
query texts: their cosines to the facts crowd, 0.80 for the nearest and 0.79 for the
20th at the median, unlike eval/bench_store.py's queries that sit near one fact).

Where the store has a fresh search snapshot (claimcheck/search_snapshot.py), both
search paths are timed, LanceDB (the store opened with search_snapshot=False) and the
snapshot, and their reports compared article by article. The kept benchmark store is
never given a snapshot here: copy it, build one on the copy
(`ReferenceStore.open(copy).build_snapshot()`) and pass the copy with --store.

--summaries prints ROUGE on ../shared/data/summ_de_dev.jsonl with vectors for every
sentence against vectors only for the sentences check() encodes
(claimcheck.pipeline.sentences_to_encode), beside LEAD-k.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

from eval.annotations import DEFAULT_CORPUS


def articles(corpus: Path, n: int = 3) -> list[str]:
    from eval.bench_batch import benchmark_rows

    return [r["text"] for r in benchmark_rows(corpus, n)]


def stage_times(text: str, encoder, store) -> dict[str, float]:
    """CPU seconds of each component of check() on one article."""
    from claimcheck import pipeline as p

    doc = p.Document(text=text)
    stages = {
        "split": lambda: p.split_into_sentences(doc),
        "published": lambda: p.find_published(doc),
        "encode": lambda: p.encode_sentences(doc, encoder),
        "claims": lambda: p.find_claims(doc),
        "verdicts": lambda: p.judge_claims(doc, store),
        "summary": lambda: p.summarise(doc, 3, "extractive", None),
    }
    times = {}
    for name, run in stages.items():
        started = time.process_time()
        run()
        times[name] = time.process_time() - started
    # The verdicts again, twice: their median says more on a shared machine (judging is idempotent).
    again = []
    for _ in range(2):
        started = time.process_time()
        stages["verdicts"]()
        again.append(time.process_time() - started)
    times["verdicts"] = statistics.median([times["verdicts"], *again])
    encoded = getattr(doc, "encoded", None)  # None: every sentence (and pipelines before sentences_to_encode)
    times["sentences encoded"] = len(doc.sentences if encoded is None else encoded)
    times["sentences"] = len(doc.sentences)
    return times


def bench_check(args) -> None:
    import torch

    from claimcheck import check
    from claimcheck.models import get_encoder
    from eval.bench_batch import bench_store_path, build_store

    from claimcheck.store import ReferenceStore

    torch.set_num_threads(args.threads)
    encoder = get_encoder()
    path = args.store or bench_store_path(args.facts, encoder)
    build_store(path, args.facts, encoder).close()
    texts = articles(args.corpus)
    queries, exact = exact_neighbours(texts, encoder, path)
    reports = {}
    for name, snapshot in (("LanceDB", False), ("snapshot", True)):
        with ReferenceStore.open(path, encoder, search_snapshot=snapshot) as store:
            state = store.stats()["search_snapshot"]["state"]
            if snapshot and state != "fresh":
                print(f"\nsearch snapshot: {state} in {path}; only the LanceDB path was timed")
                break
            print(f"\nsearch path: {name}")
            reports[name] = time_checks(check, texts, encoder, store, args)
            print("recall against exact cosine search, the articles' sentences as queries: " + ", ".join(
                f"@{k} {recall(store, queries, exact, k):.3f}" for k in (5, 20)) + f" ({len(queries)} queries)")
    if len(reports) == 2:
        same = [json.dumps(a.to_dict(), sort_keys=True) == json.dumps(b.to_dict(), sort_keys=True)
                for a, b in zip(reports["LanceDB"], reports["snapshot"])]
        verdicts = [[c.verdict for c in a.claims] == [c.verdict for c in b.claims]
                    for a, b in zip(reports["LanceDB"], reports["snapshot"])]
        print(f"\nreports identical on both paths: {sum(same)} of {len(same)} articles; verdicts identical: "
              f"{sum(verdicts)} of {len(verdicts)}")


def exact_neighbours(texts: list[str], encoder, path: Path):
    """The articles' sentence vectors (as queries) and, for each, the fact ids in exact cosine order (top 20)."""
    import lancedb
    import numpy as np

    from claimcheck import pipeline as p

    sentences = []
    for text in texts:
        doc = p.Document(text=text)
        p.split_into_sentences(doc)
        sentences += [s.text for s in doc.sentences]
    queries = np.asarray(encoder.encode_queries(sentences), dtype=np.float32)
    table = lancedb.connect(path).open_table("facts").search().select(["id", "vector"]).limit(None).to_arrow()
    ids = table["id"].to_pylist()
    matrix = table["vector"].combine_chunks().flatten().to_numpy().reshape(len(ids), -1)
    matrix = matrix / np.linalg.norm(matrix, axis=1, keepdims=True)
    cosines = (queries / np.linalg.norm(queries, axis=1, keepdims=True)) @ matrix.T
    exact = [[ids[i] for i in np.argsort(-row)[:20]] for row in cosines]
    return queries, exact


def recall(store, queries, exact: list[list[str]], k: int) -> float:
    """Share of the exact top-k facts that store.search (cosine only, no query text) returns in its top k."""
    found = [len({h.fact.id for h in store.search(q, k=k)} & set(best[:k])) / k for q, best in zip(queries, exact)]
    return sum(found) / len(found)


def time_checks(check, texts: list[str], encoder, store, args) -> list:
    """The timing table and the stage times on one store; returns each article's report."""
    check(texts[0], store=store)  # warm: imports, the verifier model, the store's caches
    print(f"encoder {encoder.name}, {args.threads} threads, {len(store):,} facts, cores {os.cpu_count()}")
    print(f"{'article':>7} {'chars':>6} {'claims':>6} {'median wall s':>13} {'median CPU s':>12} {'load':>5}")
    reports = []
    for i, text in enumerate(texts):
        walls, cpus = [], []
        for _ in range(args.repeat):
            w, c = time.perf_counter(), time.process_time()
            report = check(text, store=store)
            walls.append(time.perf_counter() - w)
            cpus.append(time.process_time() - c)
        print(f"{i:>7} {len(text):>6} {len(report.claims):>6} {statistics.median(walls):>13.2f} "
              f"{statistics.median(cpus):>12.2f} {os.getloadavg()[0]:>5.1f}", flush=True)
        reports.append(report)
    print("CPU ms per stage of check() (verdicts: median of 3 runs):")
    for i, text in enumerate(texts):
        times = stage_times(text, encoder, store)
        sentences = f"{times.pop('sentences encoded'):.0f} of {times.pop('sentences'):.0f} sentences encoded"
        print(f"  article {i}: " + ", ".join(f"{k} {v * 1000:.0f}" for k, v in times.items())
              + f"; {sentences} (load {os.getloadavg()[0]:.1f})", flush=True)
    return reports


def bench_summaries(args) -> None:
    import re

    import numpy as np

    from claimcheck.config import get_settings
    from claimcheck.models import get_encoder
    from claimcheck.pipeline import Document, sentences_to_encode
    from eval import eval_summaries as es

    encoder = get_encoder()
    safe = re.sub(r"[^\w.-]+", "_", encoder.name)
    rows = es.load_rows(args.summaries_data, encoder, get_settings().cache_dir / "eval" / f"summ_vectors_{safe}.npz")

    def encoded_only(row, k):
        keep = sentences_to_encode(Document(text=row.text, sentences=list(row.sentences)))
        chosen = es.select_sentences([row.sentences[i] for i in keep], row.vectors[keep], max_sentences=k)
        return [keep[i] for i in chosen]

    print(f"{'rows':<10} {'n':>4} {'system':<22} {'encoded':>7} {'R-1':>6} {'R-2':>6} {'R-L':>6}")
    for group, chosen in (("news", [r for r in rows if r.news]), ("klexikon", [r for r in rows if not r.news])):
        total = sum(len(r.sentences) for r in chosen)
        encoded = sum(len(sentences_to_encode(Document(text=r.text, sentences=list(r.sentences)))) for r in chosen)
        for k in (1, 3):
            for name, system, share in ((f"all sentences-{k}", es.ours(es.DEFAULT_WEIGHTS), 1.0),
                                        (f"check()'s sentences-{k}", encoded_only, encoded / total),
                                        (f"LEAD-{k}", es.lead, 1.0)):
                r1, r2, rl = np.asarray(es.mean_rouge(chosen, system, k)) * 100
                print(f"{group:<10} {len(chosen):>4} {name:<22} {share:>7.2f} {r1:6.2f} {r2:6.2f} {rl:6.2f}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--store", type=Path, default=None,
                        help="the store to check against (default: eval/bench_batch.py's kept store of --facts facts)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--summaries", action="store_true", help="compare summary ROUGE instead of timing")
    parser.add_argument("--summaries-data", type=Path,
                        default=Path(__file__).resolve().parents[2] / "shared/data/summ_de_dev.jsonl")
    args = parser.parse_args(argv)
    print(f"load average: {os.getloadavg()[0]:.1f}")
    (bench_summaries if args.summaries else bench_check)(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
