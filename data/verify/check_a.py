"""Validate facts-a.jsonl against annotator a's gold figures.

Usage: python data/verify/check_a.py
Checks that every fact points at a checkable gold figure (claim_start/claim_end equal its
span), that each figure has exactly one agree, disagree and distractor fact in one
language, that every 4th figure is English, at most 7 figures an article, unique ids of
the form <article_id>-<start>-<role>, and well-formed as_of values.
"""
import json
import re
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent
GOLD = HERE.parent / "annotations"
ROLES = ("agree", "disagree", "distractor")
AS_OF = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def main() -> int:
    figures = {(r["article_id"], r["start"]): r for r in map(json.loads, open(GOLD / "figures-a.jsonl", encoding="utf-8"))}
    facts = [json.loads(line) for line in open(HERE / "facts-a.jsonl", encoding="utf-8") if line.strip()]
    errors, ids = [], set()
    by_figure = defaultdict(dict)  # (article, start) -> role -> fact, in file order
    for n, fact in enumerate(facts, 1):
        key = (fact["article_id"], fact["claim_start"])
        gold = figures.get(key)
        if gold is None or gold["end"] != fact["claim_end"]:
            errors.append(f"line {n}: {key} {fact['claim_end']} is no gold figure span")
        elif not gold["checkable"]:
            errors.append(f"line {n}: gold figure {key} is not checkable")
        if fact["id"] != f"{fact['article_id']}-{fact['claim_start']}-{fact['role']}" or fact["id"] in ids:
            errors.append(f"line {n}: bad or repeated id {fact['id']!r}")
        ids.add(fact["id"])
        if fact["role"] not in ROLES or fact["role"] in by_figure[key]:
            errors.append(f"line {n}: bad or repeated role {fact['role']!r} for {key}")
        if fact["lang"] not in ("de", "en") or not fact["text"].strip():
            errors.append(f"line {n}: bad lang or empty text")
        if fact["as_of"] is not None and not AS_OF.match(fact["as_of"]):
            errors.append(f"line {n}: bad as_of {fact['as_of']!r}")
        by_figure[key][fact["role"]] = fact
    per_article = defaultdict(int)
    for i, (key, roles) in enumerate(by_figure.items(), 1):
        per_article[key[0]] += 1
        langs = {f["lang"] for f in roles.values()}
        if set(roles) != set(ROLES) or len(langs) != 1:
            errors.append(f"{key}: needs one fact per role in one language, has {sorted(roles)} {sorted(langs)}")
        if langs and langs != {"en" if i % 4 == 0 else "de"}:
            errors.append(f"{key}: figure {i} should be {'en' if i % 4 == 0 else 'de'}")
    errors += [f"{a}: {n} figures (at most 7)" for a, n in per_article.items() if n > 7]
    for e in errors:
        print(e)
    print(f"{len(per_article)} articles, {len(by_figure)} figures, {len(facts)} facts, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
