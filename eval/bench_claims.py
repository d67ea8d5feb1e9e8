"""How fast claim extraction runs: articles per second on 3,500-character articles.

    python eval/bench_claims.py [--data ../shared/data/news_de_dev.jsonl] [--articles 60]
                                [--chars 3500] [--encoder]

Takes the first --articles articles of --data that have at least --chars
characters, cut to --chars, warms up on the next 20 (loading the splitter tables, the
reader's grammar and the lemma table, and filling the per-word caches as a
running service has them), then times:
- extract_claims without the learned scorer (target >= 20 articles/s on 2 cores),
  by the wall clock and by the process's CPU time (the wall clock counts other
  work on a shared machine; the load average is printed), and its parts:
  sentence splitting, the quantity reader, the rest (rules, subjects);
- the scorer's own cost on the sentence vectors the pipeline already has (a dot
  product per candidate sentence: no encoder pass of its own);
- with --encoder, the one encoder pass over an article's sentences that the
  pipeline makes anyway (shared by claims, retrieval and summary), for scale.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claimcheck.checkworthiness import packaged_scorer  # noqa: E402
from claimcheck.claims import extract_claims, read_published  # noqa: E402
from claimcheck.quantities import read_quantities  # noqa: E402
from claimcheck.sentences import split_sentences  # noqa: E402


def load_articles(path: Path, n: int, chars: int) -> list[str]:
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            if len(text) >= chars:
                texts.append(text[:chars])
            if len(texts) == n:
                break
    return texts


def timed(fn, texts, cpu: list | None = None) -> float:
    """Wall seconds for fn over texts; appends the process's CPU seconds to `cpu` when given."""
    start, start_cpu = time.perf_counter(), time.process_time()
    for text in texts:
        fn(text)
    if cpu is not None:
        cpu.append(time.process_time() - start_cpu)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "news_de_dev.jsonl")
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--chars", type=int, default=3500)
    ap.add_argument("--encoder", action="store_true", help="also time the pipeline's encoder pass for scale")
    args = ap.parse_args()

    loaded = load_articles(args.data, args.articles + 20, args.chars)
    texts, warm_up = loaded[: args.articles], loaded[args.articles :]
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (figures scale with other work running)")
    if not texts:
        sys.exit(f"no article of {args.chars} characters in {args.data}")
    start = time.perf_counter()
    for text in warm_up or texts[:1]:
        extract_claims(text, scorer=False)
    print(f"warm-up on {len(warm_up)} other articles (loading included) {time.perf_counter() - start:.2f} s")

    cpu: list[float] = []
    total = timed(lambda t: extract_claims(t, scorer=False), texts, cpu)
    repeat = timed(lambda t: extract_claims(t, scorer=False), texts)
    n_claims = sum(len(extract_claims(t, scorer=False)) for t in texts)
    split = timed(split_sentences, texts)
    read = timed(lambda t: read_quantities(t, published=read_published(t)), texts)
    print(f"{len(texts)} articles of {args.chars} characters, {n_claims / len(texts):.1f} claims each")
    print(f"extract_claims without scorer: {len(texts) / total:.1f} articles/s "
          f"({1000 * total / len(texts):.1f} ms each; target >= 20 articles/s)")
    print(f"  CPU time {1000 * cpu[0] / len(texts):.1f} ms per article = {len(texts) / cpu[0]:.1f} articles/s "
          "per core when no other work competes for it")
    print(f"  the same articles again (every cache warm): "
          f"{len(texts) / repeat:.1f} articles/s")
    print(f"  sentence splitting {1000 * split / len(texts):.1f} ms, quantity reader {1000 * read / len(texts):.1f} ms, "
          f"rules + subjects {1000 * max(0.0, total - split - read) / len(texts):.1f} ms per article")

    scorer = packaged_scorer()
    sentences = [split_sentences(t) for t in texts]
    rng = np.random.default_rng(0)
    vectors = []
    for s in sentences:
        v = rng.standard_normal((len(s), scorer.dim)).astype(np.float32)
        vectors.append(v / np.linalg.norm(v, axis=1, keepdims=True))
    start = time.perf_counter()
    for t, s, v in zip(texts, sentences, vectors):
        extract_claims(t, sentences=s, sentence_vectors=v, scorer=scorer)
    with_scorer = time.perf_counter() - start
    start = time.perf_counter()
    for v in vectors:
        scorer.score(v)
    score_only = time.perf_counter() - start
    print(f"with the scorer on given vectors: {len(texts) / with_scorer:.1f} articles/s; "
          f"the scorer itself {1e6 * score_only / len(texts):.0f} µs per article "
          f"({statistics.mean(len(s) for s in sentences):.0f} sentences), no encoder pass of its own")

    if args.encoder:
        from claimcheck.models import get_encoder

        encoder = get_encoder()
        encoder.encode_queries([s.text for s in sentences[0]])
        few = sentences[: min(5, len(sentences))]
        start = time.perf_counter()
        for s in few:
            encoder.encode_queries([x.text for x in s])
        spent = (time.perf_counter() - start) / len(few)
        print(f"for scale: the pipeline's one encoder pass over an article's sentences takes {spent:.2f} s")


if __name__ == "__main__":
    main()
