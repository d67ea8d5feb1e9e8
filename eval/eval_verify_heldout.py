"""Verdicts on articles, claims and facts that nothing in claimcheck was tuned on (held out).

    python -m eval.eval_verify_heldout [--corpus PATH] [--dump FILE]
    python -m eval.eval_verify_heldout --facts data/verify/stress   # the stress set (data/README.md)

eval/eval_verify.py measures the verifier on the 30 annotated articles: its model is fitted
held out by annotator, but its features, rules and word tables were written while reading
that set's errors. data/verify/heldout/facts-*.jsonl holds a second set: facts written by
writers who never ran claimcheck, for claims claimcheck found on the articles of the held-out
subject sets (data/annotations/heldout/set2, set3: claims both blind annotators call
checkable, up to 4 an article, every 4th claim's facts in English; data/README.md, verify/).
They are judged as eval_verify judges its set, in the same store: each claim in three
rotations (S: its agree fact, C: its changed-figure fact, N: only its distractor) among all
789 facts of the main set and the other held-out facts, and once against a store without its
article's facts (O), with the shipped model. Printed for the held-out claims alone, and for
the main set from the same run beside it.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from claimcheck.claims import read_published
from eval.annotations import DEFAULT_CORPUS, REPO, GoldArticle, load_gold
from eval.eval_subjects_heldout import load_articles
from eval.eval_verify import (ALL_FACT_FILES, cached_encoder, dump, error_causes, load_items, metrics,
                              print_metrics, run, supported_by_sibling_fact)

HELDOUT_FACTS = REPO / "data" / "verify" / "heldout"


def heldout_articles(corpus: Path, ids: set[str]) -> list[GoldArticle]:
    """The held-out articles, dated as claimcheck dates them (their dateline) when it found the claims."""
    texts = load_articles(corpus, ids)
    missing = ids - texts.keys()
    if missing:
        raise SystemExit(f"articles not in {corpus}: {sorted(missing)}")
    articles = []
    for aid, text in sorted(texts.items()):
        published = read_published(text)
        articles.append(GoldArticle(aid, text, published.isoformat() if published else None, "heldout"))
    return articles


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--facts", type=Path, default=HELDOUT_FACTS, help="the held-out facts' directory")
    parser.add_argument("--dump", help="write one line per held-out judgement (JSONL) for error analysis")
    args = parser.parse_args(argv)

    gold = load_gold(args.corpus)
    main_items = load_items(gold, files=ALL_FACT_FILES)
    ids = set()
    for path in sorted(args.facts.glob("facts-*.jsonl")):
        ids |= {json.loads(line)["article_id"] for line in path.read_text("utf-8").splitlines() if line.strip()}
    if not ids:
        print(f"no facts-*.jsonl in {args.facts}", file=sys.stderr)
        return 2
    articles = heldout_articles(args.corpus, ids)
    new_items = load_items(articles, path=args.facts, files="facts-*.jsonl")
    encoder = cached_encoder()
    judgements = run(gold + articles, main_items + new_items, encoder)
    encoder.save()

    heldout = [j for j in judgements if j.item.key[0] in ids]
    claims = len({j.item.key for j in heldout})
    print(f"held-out claims with facts: {len(new_items)} on {len(articles)} articles; found by extraction and judged: "
          f"{claims}; store: {len(main_items)} main-set claims' facts beside them")
    print_metrics("held-out articles and facts (shipped model)", metrics(heldout))
    print("contradiction errors by cause: " + "; ".join(f"{k}: {v}" for k, v in sorted(error_causes(heldout).items())))
    clear = [j for j in heldout if j.condition not in ("C", "N") or not supported_by_sibling_fact(j)]
    if len(clear) < len(heldout):
        print_metrics(f"held-out, without the {len(heldout) - len(clear)} C and N judgements whose store holds a fact "
                      "written for another claim that agrees with the claim", metrics(clear))
    print_metrics("main set, same run (shipped model)", metrics([j for j in judgements if j.item.key[0] not in ids]))
    if args.dump:
        dump(heldout, args.dump)
    return 0


if __name__ == "__main__":
    sys.exit(main())
