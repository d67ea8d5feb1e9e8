"""How well the quantity reader reads the verification set's reference facts.

For every fact of data/verify/facts-*.jsonl the claim figure is read from its
article with read_quantities(article, published=...) (the figure overlapping
the gold span; the gold row itself when the reader finds none there), then
compared with every figure read from the fact (claimcheck.compare.compare):
- agree:      some comparable figure agrees                     -> pass
- disagree:   some comparable figure, and none agrees           -> pass
- distractor: no comparable figure agrees                       -> pass
Prints pass rates by role, language and gold kind, then the failures.

Counted nouns: for a count claim, an agreeing or disagreeing fact counts the same
thing (a paraphrase, or the same sentence with another figure). Its count figure
(the agreeing one, else the first comparable one) is judged with
claimcheck.verify.counted_noun against the claim's: "same" (1: stem or concept
links the nouns), "unknown" (0.5: a side names no noun, or the languages differ and
no concept links them) or "other" (0: the nouns differ). Also prints how many count
figures of all facts get a noun at all, by language.

    python eval/eval_fact_reading.py [--failures N] [--lang en|de] [--nouns N]
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
from claimcheck.verify import counted_noun  # noqa: E402
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


def fact_count(claim: Quantity, fact_quantities: list[Quantity]) -> Quantity | None:
    """The fact's figure that stands for the claim's count: the agreeing one, else the first comparable one."""
    compared = [(q, c) for q in fact_quantities if q.kind == "count"
                for c in [compare(claim, q)] if c is not None]
    agreeing = [q for q, c in compared if c.agree]
    if agreeing:
        return agreeing[0]
    return compared[0][0] if compared else None


NOUN_JUDGEMENT = {1.0: "same", 0.5: "unknown", 0.0: "other"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", type=int, default=60, help="how many failures to list")
    parser.add_argument("--lang", choices=["de", "en"], help="only facts in this language")
    parser.add_argument("--nouns", type=int, default=40, help="how many count facts without the same noun to list")
    args = parser.parse_args()

    articles = {a.id: a for a in load_gold()}
    claims: dict[tuple[str, int], tuple[Quantity, GoldFigure]] = {}
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    failures = []
    noun_totals: dict[tuple[str, str], int] = defaultdict(int)  # (lang, judgement) -> facts
    noun_misses = []
    figures_with_noun: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # lang -> [with noun, counts]
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
            for q in read:
                if q.kind == "count":
                    figures_with_noun[fact["lang"]][0] += q.noun is not None
                    figures_with_noun[fact["lang"]][1] += 1
            if claim.kind == "count" and fact["role"] in ("agree", "disagree"):
                figure = fact_count(claim, read)
                judgement = "no figure" if figure is None else NOUN_JUDGEMENT[counted_noun(claim, figure, fact["lang"])]
                noun_totals[(fact["lang"], judgement)] += 1
                if judgement != "same":
                    noun_misses.append((fact, claim, figure, judgement))

    print(f"{'group':<12} {'value':<16} {'pass':>6} {'n':>5}")
    for (group, value), (ok, n) in sorted(totals.items()):
        print(f"{group:<12} {value:<16} {ok / n:6.3f} {n:5d}")
    print("\ncounted nouns of agree/disagree facts of count claims (claimcheck.verify.counted_noun):")
    print(f"{'lang':<5} {'same':>5} {'unknown':>8} {'other':>6} {'no figure':>10} {'n':>5}")
    for lang in sorted({lang for lang, _ in noun_totals}):
        row = [noun_totals[(lang, j)] for j in ("same", "unknown", "other", "no figure")]
        print(f"{lang:<5} {row[0]:5d} {row[1]:8d} {row[2]:6d} {row[3]:10d} {sum(row):5d}")
    print("count figures of all facts with a noun read: " + ", ".join(
        f"{lang} {w}/{n}" for lang, (w, n) in sorted(figures_with_noun.items())))
    print(f"\ncount facts without the same noun ({len(noun_misses)}, first {args.nouns}):")
    for fact, claim, figure, judgement in noun_misses[:args.nouns]:
        fact_figure = f"{figure.text!r} noun {figure.noun!r}" if figure is not None else "no comparable count"
        print(f"- {judgement} {fact['role']}/{fact['lang']} claim {claim.text!r} noun {claim.noun!r}; "
              f"fact {fact_figure}\n    fact: {fact['text']}")
    print(f"\nfailures ({len(failures)}, first {args.failures}):")
    for fact, claim, read in failures[:args.failures]:
        figures = "; ".join(f"{q.text!r}={format_quantity(q)} [{q.kind} {q.unit or ''}]" for q in read) or "nothing"
        print(f"- {fact['role']}/{fact['lang']} claim {claim.text!r}={format_quantity(claim)} "
              f"[{claim.kind} {claim.unit or ''}]\n    fact: {fact['text']}\n    read: {figures}")


if __name__ == "__main__":
    main()
