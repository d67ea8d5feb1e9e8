"""ROUGE of claimcheck's extractive summaries against LEAD and random baselines.

    python eval/eval_summaries.py --data ../shared/data/summ_de_dev.jsonl
    python eval/eval_summaries.py --data ../shared/data/summ_de_dev.jsonl --tune

Rows whose `source` starts with "10kGNAD" are news (reference = the editorial
sub-headline, one sentence); the others are Klexikon (reference = a children's
encyclopedia article, several sentences). ROUGE-1/2/L F1 use German
tokenisation: lowercase, words are runs of word characters (umlauts and ß kept),
no stemmer. Every system uses the same sentence split and the same budget.

The sentence vectors are computed once (encoder.encode_queries, as check()
does) and cached in the claimcheck cache dir, keyed by encoder and text.
`--tune` runs a small grid over ExtractiveWeights on the news rows, chosen on the
even-numbered rows and reported on the odd-numbered ones, so the printed gain is
not only fitted. The last part runs the faithfulness check over every default
summary and prints how many fail.
"""
from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimcheck.summarize.extractive import DEFAULT_WEIGHTS, ExtractiveWeights, join_sentences, select_sentences  # noqa: E402
from claimcheck.types import Sentence  # noqa: E402

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _f1(overlap: int, n_candidate: int, n_reference: int) -> float:
    if overlap == 0 or n_candidate == 0 or n_reference == 0:
        return 0.0
    p, r = overlap / n_candidate, overlap / n_reference
    return 2 * p * r / (p + r)


def rouge_n(candidate: list[str], reference: list[str], n: int) -> float:
    cand = Counter(tuple(candidate[i : i + n]) for i in range(len(candidate) - n + 1))
    ref = Counter(tuple(reference[i : i + n]) for i in range(len(reference) - n + 1))
    return _f1(sum((cand & ref).values()), sum(cand.values()), sum(ref.values()))


def lcs_length(a: list[str], b: list[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def rouge_scores(candidate: str, reference: str) -> tuple[float, float, float]:
    """(ROUGE-1, ROUGE-2, ROUGE-L) F1 of one candidate against one reference."""
    c, r = tokens(candidate), tokens(reference)
    return rouge_n(c, r, 1), rouge_n(c, r, 2), _f1(lcs_length(c, r), len(c), len(r))


@dataclass
class Row:
    id: str
    text: str
    summary: str
    news: bool
    sentences: list[Sentence]
    vectors: np.ndarray


def load_rows(path: Path, encoder, cache: Optional[Path]) -> list[Row]:
    from claimcheck.sentences import split_sentences

    raw = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    stored: dict[str, np.ndarray] = dict(np.load(cache)) if cache and cache.exists() else {}
    rows, changed = [], False
    for item in raw:
        sentences = split_sentences(item["text"])
        texts = [s.text for s in sentences]
        key = hashlib.sha1((encoder.name + "\x00" + "\x01".join(texts)).encode("utf-8")).hexdigest()
        if key not in stored:
            stored[key] = encoder.encode_queries(texts)
            changed = True
        rows.append(Row(item["id"], item["text"], item["summary"], item["source"].startswith("10kGNAD"), sentences, stored[key]))
    if cache and changed:
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache, **stored)
    return rows


# A system maps (row, budget in sentences) to the summary's sentence indices.
System = Callable[[Row, int], list[int]]


def lead(row: Row, k: int) -> list[int]:
    return list(range(min(k, len(row.sentences))))


def random_sentences(row: Row, k: int) -> list[int]:
    rng = random.Random(f"{row.id}:{k}")  # fixed seed per row and budget
    return sorted(rng.sample(range(len(row.sentences)), min(k, len(row.sentences))))


def ours(weights: ExtractiveWeights) -> System:
    return lambda row, k: select_sentences(row.sentences, row.vectors, max_sentences=k, weights=weights)


def mean_rouge(rows: list[Row], system: System, k: int) -> np.ndarray:
    scores = [rouge_scores(join_sentences(r.sentences, system(r, k)), r.summary) for r in rows]
    return np.mean(scores, axis=0) if scores else np.zeros(3)


def print_table(groups: dict[str, list[Row]], weights: ExtractiveWeights) -> None:
    systems: list[tuple[str, System, int]] = []
    for k in (1, 3):
        systems += [(f"ours-{k}", ours(weights), k), (f"LEAD-{k}", lead, k), (f"random-{k}", random_sentences, k)]
    print(f"{'rows':<10} {'n':>4} {'system':<10} {'R-1':>6} {'R-2':>6} {'R-L':>6}")
    for group, rows in groups.items():
        for name, system, k in systems:
            r1, r2, rl = mean_rouge(rows, system, k) * 100
            print(f"{group:<10} {len(rows):>4} {name:<10} {r1:6.2f} {r2:6.2f} {rl:6.2f}")
        print()


def tune(news: list[Row]) -> ExtractiveWeights:
    """Grid search on even rows (mean ROUGE-1 + ROUGE-L at 1 and 3 sentences); reported on odd rows."""
    fit, held = news[0::2], news[1::2]

    def objective(rows: list[Row], w: ExtractiveWeights) -> float:
        return sum(float(mean_rouge(rows, ours(w), k)[[0, 2]].sum()) for k in (1, 3))

    grid = itertools.product((0.0, 0.25, 0.5, 1.0), (0.0, 0.5, 1.0, 2.0), (1.0, 1.5, 2.5), (3.0, 5.0, 8.0), (0.25, 0.5))
    results = []
    for centrality, pagerank, position, decay, redundancy in grid:
        if centrality == pagerank == 0.0 and position == 0.0:
            continue
        w = ExtractiveWeights(centrality, pagerank, position, decay, redundancy)
        results.append((objective(fit, w), w))
    results.sort(key=lambda t: -t[0])
    print("top settings on the even news rows (objective = R-1 + R-L at 1 and 3 sentences, F1 sums):")
    for value, w in results[:8]:
        print(f"  fit {value:.4f}  held-out {objective(held, w):.4f}  {w}")
    print(f"  default          fit {objective(fit, DEFAULT_WEIGHTS):.4f}  held-out {objective(held, DEFAULT_WEIGHTS):.4f}")
    for k in (1, 3):
        print(f"  LEAD-{k} alone      fit {float(mean_rouge(fit, lead, k)[[0, 2]].sum()):.4f}"
              f"  held-out {float(mean_rouge(held, lead, k)[[0, 2]].sum()):.4f}")
    return results[0][1]


def faithfulness_failures(rows: list[Row], k: int) -> int:
    from claimcheck.summarize import summarize

    failures = 0
    for row in rows:
        summary = summarize(row.text, max_sentences=k, sentences=row.sentences, sentence_vectors=row.vectors)
        if not summary.faithful:
            failures += 1
            print(f"  {row.id}: {summary.notes}")
    return failures


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/summ_de_dev.jsonl")
    parser.add_argument("--encoder", default=None, help="encoder id or path (default: the configured one)")
    parser.add_argument("--cache", type=Path, default=None, help="where to keep the sentence vectors (.npz)")
    parser.add_argument("--tune", action="store_true", help="grid-search the weights on the news rows first")
    args = parser.parse_args(argv)

    from claimcheck.config import get_settings
    from claimcheck.models import get_encoder

    encoder = get_encoder(args.encoder)
    safe_name = re.sub(r"[^\w.-]+", "_", encoder.name)
    cache = args.cache or get_settings().cache_dir / "eval" / f"summ_vectors_{safe_name}.npz"
    rows = load_rows(args.data, encoder, cache)
    groups = {"news": [r for r in rows if r.news], "klexikon": [r for r in rows if not r.news]}
    print(f"{args.data}: {len(rows)} rows, encoder {encoder.name}\n")

    weights = DEFAULT_WEIGHTS
    if args.tune:
        weights = tune(groups["news"])
        print(f"\nthe table below uses the best setting: {weights}\n")
    print_table(groups, weights)

    for k in (1, 3):
        failures = faithfulness_failures(rows, k)
        print(f"faithfulness: {failures} of {len(rows)} default summaries at {k} sentence(s) fail")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
