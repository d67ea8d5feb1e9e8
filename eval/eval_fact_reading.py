"""How well the quantity reader reads the verification set's reference facts.

For every fact of data/verify/facts-*.jsonl the claim figure is read from its
article with read_quantities(article, published=...) (the figure overlapping
the gold span; the gold row itself when the reader finds none there), then
compared with every figure read from the fact (claimcheck.compare.compare):
- agree:      some comparable figure agrees                     -> pass
- disagree:   some comparable figure, and none agrees           -> pass
- distractor: no comparable figure agrees                       -> pass
Prints pass rates by role, language and gold kind, then the failures.

    python eval/eval_fact_reading.py [--failures N] [--lang en|de]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimcheck.compare import compare, format_quantity  # noqa: E402
from claimcheck.quantities import read_quantities  # noqa: E402
from claimcheck.types import Quantity  # noqa: E402
from eval.annotations import REPO, GoldFigure, load_gold, overlaps  # noqa: E402

FACTS = sorted((REPO / "data" / "verify").glob("facts-*.jsonl"))


def gold_quantity(figure: GoldFigure) -> Quantity:
    """The annotators' reading of the claim figure as a Quantity (nothing resolved)."""
    return Quantity(figure.text, figure.start, figure.end, figure.kind, value=figure.value,
                    low=figure.low, high=figure.high, unit=figure.unit, date=figure.date,
                    hedge=figure.hedge, relation=figure.relation)


def claim_quantity(text: str, published: dt.date | None, figure: GoldFigure) -> Quantity:
    read = [q for q in read_quantities(text, published=published)
            if overlaps(q.start, q.end, figure.start, figure.end)]
    return read[0] if read else gold_quantity(figure)


def judge(role: str, claim: Quantity, fact_quantities: list[Quantity]) -> bool:
    results = [c for c in (compare(claim, q) for q in fact_quantities) if c is not None]
    agrees = any(c.agree for c in results)
    if role == "agree":
        return agrees
    if role == "disagree":
        return bool(results) and not agrees
    return not agrees


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", type=int, default=60, help="how many failures to list")
    parser.add_argument("--lang", choices=["de", "en"], help="only facts in this language")
    args = parser.parse_args()

    articles = {a.id: a for a in load_gold()}
    claims: dict[tuple[str, int], tuple[Quantity, GoldFigure]] = {}
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    failures = []
    for path in FACTS:
        for line in open(path, encoding="utf-8"):
            fact = json.loads(line)
            if args.lang and fact["lang"] != args.lang:
                continue
            article = articles[fact["article_id"]]
            key = (article.id, fact["claim_start"])
            if key not in claims:
                figure = next(f for f in article.figures
                              if (f.start, f.end) == (fact["claim_start"], fact["claim_end"]))
                published = dt.date.fromisoformat(article.published) if article.published else None
                claims[key] = (claim_quantity(article.text, published, figure), figure)
            claim, figure = claims[key]
            read = read_quantities(fact["text"], lang=fact["lang"])
            ok = judge(fact["role"], claim, read)
            for group in (("role", fact["role"]), ("lang", fact["lang"]), ("kind", figure.kind),
                          ("role x lang", f"{fact['role']}/{fact['lang']}")):
                totals[group][0] += ok
                totals[group][1] += 1
            totals[("all", "")][0] += ok
            totals[("all", "")][1] += 1
            if not ok:
                failures.append((fact, claim, read))

    print(f"{'group':<12} {'value':<16} {'pass':>6} {'n':>5}")
    for (group, value), (ok, n) in sorted(totals.items()):
        print(f"{group:<12} {value:<16} {ok / n:6.3f} {n:5d}")
    print(f"\nfailures ({len(failures)}, first {args.failures}):")
    for fact, claim, read in failures[:args.failures]:
        figures = "; ".join(f"{q.text!r}={format_quantity(q)} [{q.kind} {q.unit or ''}]" for q in read) or "nothing"
        print(f"- {fact['role']}/{fact['lang']} claim {claim.text!r}={format_quantity(claim)} "
              f"[{claim.kind} {claim.unit or ''}]\n    fact: {fact['text']}\n    read: {figures}")


if __name__ == "__main__":
    main()
