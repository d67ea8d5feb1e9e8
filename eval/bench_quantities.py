"""Speed of the quantity reader: sentences per second on one core.

    python eval/bench_quantities.py [--data ../shared/data/news_de_dev.jsonl] [--rounds 3]

Splits the articles into sentences with a plain regex (the benchmark measures
the reader, not the splitter), reads each sentence once per round, and prints
the best round. Target: >= 5,000 sentences a second on one core. Python runs
the reader on one thread; the headline figure divides by the process's CPU
time (one core's work, fair on a shared, busy machine), the wall-clock figure
is printed beside it.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claimcheck.quantities import read_quantities  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "news_de_dev.jsonl")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    with open(args.data, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])", t) if s.strip()]
    read_quantities("Aufwärmen: 100 Millionen Nutzer im November 2019.")  # compile the grammar outside the timing
    best_cpu = best_wall = float("inf")
    found = 0
    for _ in range(args.rounds):
        c0, w0 = time.process_time(), time.perf_counter()
        found = sum(len(read_quantities(s)) for s in sentences)
        best_cpu = min(best_cpu, time.process_time() - c0)
        best_wall = min(best_wall, time.perf_counter() - w0)
    chars = sum(map(len, sentences))
    print(f"sentences {len(sentences)}, characters {chars}, quantities {found}")
    print(f"best of {args.rounds} rounds, one core (CPU time): {best_cpu:.3f} s -> {len(sentences) / best_cpu:,.0f} sentences/s "
          f"({chars / best_cpu / 1e6:.2f} M chars/s)   (target >= 5,000 sentences/s)")
    print(f"wall clock: {best_wall:.3f} s -> {len(sentences) / best_wall:,.0f} sentences/s (lower when the machine is busy)")


if __name__ == "__main__":
    main()
