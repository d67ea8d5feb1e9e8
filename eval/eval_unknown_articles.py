"""Verdicts on articles the store knows nothing about: how often a claim is called SUPPORTED or
CONTRADICTED on a fact of another article.

In real use most claims have no fact in the store, and a year, a small number or a common
percentage agrees (or disagrees) with some fact by chance. This checks corpus articles that no
verification fact was written for (none of them was used to fit the verifier) against the store of
all 789 verification facts, with the shipped model, as `check()` does; every verdict but
NOT_ENOUGH_INFO is false.

    python -m eval.eval_unknown_articles [--articles 120] [--show]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter

from eval.annotations import DEFAULT_CORPUS
from eval.eval_verify import VERIFY_FACTS, ALL_FACT_FILES

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def unknown_articles(corpus, known: set[str], limit: int) -> list[dict]:
    """The first `limit` corpus rows that are none of the `known` articles."""
    rows = [json.loads(line) for line in open(corpus, encoding="utf-8") if line.strip()]
    return [r for r in rows if r["id"] not in known][:limit]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--articles", type=int, default=120, help="how many unknown articles to check")
    parser.add_argument("--show", action="store_true", help="print every false verdict with its reason")
    args = parser.parse_args(argv)

    from claimcheck.facts_io import read_facts
    from claimcheck.models import get_encoder
    from claimcheck.pipeline import check
    from claimcheck.store import ReferenceStore

    facts = [f for path in sorted(VERIFY_FACTS.glob(ALL_FACT_FILES)) for f in read_facts(path)]
    known = {json.loads(line)["article_id"] for path in VERIFY_FACTS.glob(ALL_FACT_FILES)
             for line in open(path, encoding="utf-8") if line.strip()}
    articles = unknown_articles(args.corpus, known, args.articles)
    encoder = get_encoder()
    verdicts, by_kind, false = Counter(), Counter(), []
    with ReferenceStore.in_memory(encoder=encoder) as store:
        store.add(facts)
        for row in articles:
            published = _ISO_DATE.search(row.get("source") or "")  # FANG-COVID rows carry their date
            report = check(row["text"], store=store, encoder=encoder,
                           published=dt.date.fromisoformat(published.group()) if published else None)
            for claim in report.claims:
                verdicts[claim.verdict] += 1
                if claim.verdict != "NOT_ENOUGH_INFO":
                    by_kind[claim.quantity.kind] += 1
                    false.append((row["id"], claim))
    total = sum(verdicts.values())
    print(f"{len(articles)} articles no verification fact is about, {total} claims, against {len(facts)} facts")
    print(f"judged SUPPORTED or CONTRADICTED (all false): {len(false)} = {len(false) / max(total, 1):.3f} "
          f"(SUPPORTED {verdicts['SUPPORTED']}, CONTRADICTED {verdicts['CONTRADICTED']}); by kind: "
          + ", ".join(f"{k} {v}" for k, v in by_kind.most_common()))
    for floor in (0.8, 0.9):
        confident = [c for _, c in false if c.confidence >= floor]
        print(f"of them with confidence {floor} or more: {len(confident)} = {len(confident) / max(total, 1):.3f} of all claims")
    if args.show:
        for article_id, claim in false:
            print(f"{article_id}  {claim.quantity.text!r} {claim.verdict} {claim.confidence:.2f}  {claim.reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
