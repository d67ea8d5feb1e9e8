"""How long an extractive summary takes, warm, for a ~3,500-character article.

    python eval/bench_summaries.py --data ../shared/data/summ_de_dev.jsonl

Takes the news rows of the dev file whose text is 3,000 to 4,000 characters
(or --article FILE), and prints the median and worst time over --repeat runs of:
- summary given the sentence vectors (what check() does: its one encoder pass is reused),
  including the faithfulness check;
- sentence selection alone;
- split + encode + summary (summarize(text) on its own).
The encoder and the German tables are loaded and warmed before timing. Target:
the first line <= 0.5 s on 2 cores.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Callable, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimcheck.models import get_encoder  # noqa: E402
from claimcheck.sentences import split_sentences  # noqa: E402
from claimcheck.summarize import summarize  # noqa: E402
from claimcheck.summarize.extractive import select_sentences  # noqa: E402


def timed(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    run()  # warm
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def articles(args) -> list[str]:
    if args.article:
        return [Path(args.article).read_text("utf-8")]
    rows = [json.loads(line) for line in args.data.read_text("utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in rows if r["source"].startswith("10kGNAD") and 3000 <= len(r["text"]) <= 4000]
    return texts[: args.articles]


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/summ_de_dev.jsonl")
    parser.add_argument("--article", default=None, help="a text file to time instead of the dev rows")
    parser.add_argument("--articles", type=int, default=5, help="how many dev articles (default 5)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    encoder = get_encoder()
    texts = articles(args)
    if not texts:
        raise SystemExit("no article of 3,000 to 4,000 characters found; give --article FILE")
    print(f"encoder {encoder.name}; {len(texts)} article(s), {statistics.mean(map(len, texts)):.0f} characters "
          f"on average; median / worst of {args.repeat} warm runs each\n")
    rows = []
    for text in texts:
        sentences = split_sentences(text)
        vectors = encoder.encode_queries([s.text for s in sentences])
        given = timed(lambda: summarize(text, max_sentences=3, sentences=sentences, sentence_vectors=vectors), args.repeat)
        select = timed(lambda: select_sentences(sentences, vectors, max_sentences=3), args.repeat)
        full = timed(lambda: summarize(text, max_sentences=3), max(1, args.repeat // 2))
        rows.append((len(text), len(sentences), given, select, full))
    print(f"{'chars':>6} {'sents':>5}  {'given vectors':>15}  {'selection only':>15}  {'split+encode+summary':>21}")
    for chars, n, given, select, full in rows:
        print(f"{chars:>6} {n:>5}  {given[0]:7.3f} /{given[1]:6.3f}  {select[0]:7.4f} /{select[1]:6.4f}  "
              f"{full[0]:11.3f} /{full[1]:6.3f} s")
    worst_given = max(r[2][1] for r in rows)
    print(f"\nworst warm summary given the vectors: {worst_given:.3f} s (target <= 0.5 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
