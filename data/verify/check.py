"""Validate every data/verify/facts-*.jsonl against the gold figures of its annotator.

    python data/verify/check.py

A file's annotator is the letter after "facts-" (facts-a.jsonl and facts-a2.jsonl are a's,
checked against annotations/figures-a.jsonl). Every fact must point at a checkable gold
figure (claim_start/claim_end equal its span) and carry the agreed fields; each figure has
exactly one agree, disagree and distractor fact in one language, in one file only; every
4th figure of a file is English; at most 7 figures an article a file; ids are unique over
all files and of the form <article_id>-<start>-<role>; as_of is YYYY, YYYY-MM or YYYY-MM-DD.
"""
import json
import re
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent / "annotations"
ROLES = ("agree", "disagree", "distractor")
FIELDS = {"id", "text", "lang", "source", "as_of", "article_id", "claim_start", "claim_end", "role"}
AS_OF = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MAX_FIGURES_AN_ARTICLE = 7


def check_file(path: Path, figures: dict, ids: set, covered: dict) -> list[str]:
    """Errors of one facts file; `ids` and `covered` (figure -> file) gather over all files."""
    errors = []
    by_figure = defaultdict(dict)  # (article, start) -> role -> fact, in file order
    lines = [line for line in open(path, encoding="utf-8") if line.strip()]
    for n, line in enumerate(lines, 1):
        where = f"{path.name}:{n}"
        fact = json.loads(line)
        if set(fact) != FIELDS:
            errors.append(f"{where}: fields {sorted(set(fact) ^ FIELDS)} missing or unexpected")
            continue
        key = (fact["article_id"], fact["claim_start"])
        gold = figures.get(key)
        if gold is None or gold["end"] != fact["claim_end"]:
            errors.append(f"{where}: {key} {fact['claim_end']} is no gold figure span")
        elif not gold["checkable"]:
            errors.append(f"{where}: gold figure {key} is not checkable")
        if fact["id"] != f"{fact['article_id']}-{fact['claim_start']}-{fact['role']}" or fact["id"] in ids:
            errors.append(f"{where}: bad or repeated id {fact['id']!r}")
        ids.add(fact["id"])
        if fact["role"] not in ROLES or fact["role"] in by_figure[key]:
            errors.append(f"{where}: bad or repeated role {fact['role']!r} for {key}")
        if fact["lang"] not in ("de", "en") or not fact["text"].strip():
            errors.append(f"{where}: bad lang or empty text")
        if fact["as_of"] is not None and not AS_OF.match(fact["as_of"]):
            errors.append(f"{where}: bad as_of {fact['as_of']!r}")
        by_figure[key][fact["role"]] = fact
    per_article = defaultdict(int)
    for i, (key, roles) in enumerate(by_figure.items(), 1):
        per_article[key[0]] += 1
        if key in covered:
            errors.append(f"{path.name}: {key} already has facts in {covered[key]}")
        covered[key] = path.name
        langs = {f["lang"] for f in roles.values()}
        if set(roles) != set(ROLES) or len(langs) != 1:
            errors.append(f"{path.name}: {key} needs one fact per role in one language, has {sorted(roles)} {sorted(langs)}")
        if langs and langs != {"en" if i % 4 == 0 else "de"}:
            errors.append(f"{path.name}: {key} is figure {i}, should be {'en' if i % 4 == 0 else 'de'}")
    errors += [f"{path.name}: {a} has {n} figures (at most {MAX_FIGURES_AN_ARTICLE})"
               for a, n in per_article.items() if n > MAX_FIGURES_AN_ARTICLE]
    print(f"{path.name}: {len(per_article)} articles, {len(by_figure)} figures, {len(lines)} facts")
    return errors


def main() -> int:
    errors, ids, covered = [], set(), {}
    for path in sorted(HERE.glob("facts-*.jsonl")):
        annotator = path.stem.removeprefix("facts-")[:1]
        figures = {(r["article_id"], r["start"]): r
                   for r in map(json.loads, open(GOLD / f"figures-{annotator}.jsonl", encoding="utf-8"))}
        errors += check_file(path, figures, ids, covered)
    for e in errors:
        print(e)
    print(f"{len(covered)} figures, {len(ids)} facts, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
