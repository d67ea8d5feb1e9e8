"""Check data/verify/facts-b.jsonl against the gold figures of annotator b.

    python data/verify/check_b.py

Every fact must point at a checkable gold figure (same article, start, end), carry the
agreed fields, and come as one agree/disagree/distractor triple per figure; every 4th
figure's triple is in English.
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FACTS = HERE / "facts-b.jsonl"
FIGURES = HERE.parent / "annotations" / "figures-b.jsonl"
FIELDS = {"id", "text", "lang", "source", "as_of", "article_id", "claim_start", "claim_end", "role"}
ROLES = ("agree", "disagree", "distractor")


def main() -> int:
    gold = {(f["article_id"], f["start"], f["end"]): f for f in map(json.loads, open(FIGURES, encoding="utf-8"))}
    rows = [json.loads(line) for line in open(FACTS, encoding="utf-8") if line.strip()]
    errors, ids, triples = [], set(), {}
    for n, row in enumerate(rows, 1):
        key = (row.get("article_id"), row.get("claim_start"), row.get("claim_end"))
        if set(row) != FIELDS:
            errors.append(f"line {n}: fields {sorted(set(row) ^ FIELDS)} wrong")
        if key not in gold:
            errors.append(f"line {n}: {key} is no gold figure")
        elif not gold[key]["checkable"]:
            errors.append(f"line {n}: {key} is not checkable")
        if row.get("id") != f"{key[0]}-{key[1]}-{row.get('role')}" or row.get("id") in ids:
            errors.append(f"line {n}: bad or repeated id {row.get('id')}")
        ids.add(row.get("id"))
        if row.get("role") not in ROLES or row.get("lang") not in ("de", "en") or not row.get("text", "").strip():
            errors.append(f"line {n}: bad role, lang or empty text")
        triples.setdefault(key, []).append(row)
    for i, (key, group) in enumerate(triples.items()):
        if sorted(r["role"] for r in group) != list(ROLES):
            errors.append(f"{key}: roles {[r['role'] for r in group]}")
        want = "en" if i % 4 == 3 else "de"
        if {r["lang"] for r in group} != {want}:
            errors.append(f"{key}: figure {i} should be all {want}")
    langs = [g[0]["lang"] for g in triples.values()]
    print(f"{len(triples)} figures, {len(rows)} facts; figures en {langs.count('en')}, de {langs.count('de')}")
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
