"""Measure the quantity reader against the project's hand-annotated figures.

    python eval/eval_quantities.py [--data ../shared/data/news_de_dev.jsonl]
                                   [--annotations data/annotations] [--show]

Gold: every figures*.jsonl / articles*.jsonl under --annotations (one JSON
line per figure: article_id, start, end, text, kind, value, low, high, unit,
date, hedge, relation, checkable, subject; one line per article with its
`published` date). Articles are read by path from --data (never copied).

Prints span precision/recall/F1 (a predicted span matches a gold span when
the two overlap and the kinds agree, one-to-one), exact-span F1, and value
accuracy on matched spans (targets: span F1 >= 0.95, value accuracy >= 0.98).
A value is right when the number (or, for a range, low and high; for a date,
the ISO date) equals the gold one; a gold date of null (no year known)
accepts the reader's year-less "--MM" form or None.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claimcheck.quantities import read_quantities  # noqa: E402
from claimcheck.types import Quantity  # noqa: E402


def load_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_gold(folder: Path) -> tuple[dict[str, list[dict]], dict[str, str | None]]:
    figures: dict[str, list[dict]] = defaultdict(list)
    published: dict[str, str | None] = {}
    for path in sorted(folder.glob("articles*.jsonl")):
        for row in load_jsonl(path):
            published[row["article_id"]] = row.get("published")
    for path in sorted(folder.glob("figures*.jsonl")):
        for row in load_jsonl(path):
            figures[row["article_id"]].append(row)
    return figures, published


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def value_right(pred: Quantity, gold: dict) -> bool:
    if gold["kind"] == "date":
        if gold["date"] is None:
            return pred.date is None or pred.date.startswith("--")
        return pred.date == gold["date"]
    if gold["kind"] == "duration" and (pred.relation == "deadline") != (gold.get("relation") == "deadline"):
        return False  # "binnen 24 Stunden registriert" is a period, not a deadline resolved to a date
    if gold["value"] is None:  # a range: compare its bounds
        return _close(pred.low, gold["low"]) and _close(pred.high, gold["high"])
    return _close(pred.value, gold["value"])


def match(pred: list[Quantity], gold: list[dict], exact: bool) -> list[tuple[Quantity, dict]]:
    """One-to-one pairs, greedily by the largest overlap."""
    candidates = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if exact:
                ok = p.start == g["start"] and p.end == g["end"]
            else:
                ok = p.start < g["end"] and g["start"] < p.end and p.kind == g["kind"]
            if ok:
                overlap = min(p.end, g["end"]) - max(p.start, g["start"])
                candidates.append((-overlap, i, j))
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((pred[i], gold[j]))
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "news_de_dev.jsonl")
    ap.add_argument("--annotations", type=Path, default=ROOT / "data" / "annotations")
    ap.add_argument("--show", action="store_true", help="print every miss, false alarm and wrong value")
    args = ap.parse_args()

    figures, published = load_gold(args.annotations)
    if not figures:
        sys.exit(f"no figures*.jsonl under {args.annotations}")
    articles = {row["id"]: row["text"] for row in load_jsonl(args.data)}
    missing = sorted(set(figures) - set(articles))
    if missing:
        sys.exit(f"articles not in {args.data}: {', '.join(missing)}")

    n_pred = n_gold = tp = tp_exact = right = 0
    per_kind: Counter = Counter()
    per_kind_gold: Counter = Counter()
    per_kind_right: Counter = Counter()
    for aid, gold in sorted(figures.items()):
        text = articles[aid]
        pub = published.get(aid)
        pred = read_quantities(text, published=dt.date.fromisoformat(pub) if pub else None)
        pairs = match(pred, gold, exact=False)
        n_pred += len(pred)
        n_gold += len(gold)
        tp += len(pairs)
        tp_exact += len(match(pred, gold, exact=True))
        for g in gold:
            per_kind_gold[g["kind"]] += 1
        for p, g in pairs:
            per_kind[g["kind"]] += 1
            ok = value_right(p, g)
            right += ok
            per_kind_right[g["kind"]] += ok
            if args.show and not ok:
                print(f"VALUE {aid} {g['text']!r}: gold {g['value'] if g['kind'] != 'date' else g['date']} "
                      f"[{g['low']}, {g['high']}] / read {p.text!r} {p.value if p.kind != 'date' else p.date} [{p.low}, {p.high}]")
        if args.show:
            matched_p = {id(p) for p, _ in pairs}
            matched_g = {id(g) for _, g in pairs}
            for g in gold:
                if id(g) not in matched_g:
                    ctx = text[max(0, g["start"] - 30):g["end"] + 30].replace("\n", " ")
                    print(f"MISS  {aid} {g['kind']:8} {g['text']!r}  …{ctx}…")
            for p in pred:
                if id(p) not in matched_p:
                    ctx = text[max(0, p.start - 30):p.end + 30].replace("\n", " ")
                    print(f"EXTRA {aid} {p.kind:8} {p.text!r}  …{ctx}…")

    p, r, f = prf(tp, n_pred, n_gold)
    pe, re_, fe = prf(tp_exact, n_pred, n_gold)
    print(f"articles {len(figures)}, gold figures {n_gold}, read {n_pred}")
    print(f"span (overlap + kind): precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}   (target F1 >= 0.95)")
    print(f"span (exact):          precision {pe:.3f}  recall {re_:.3f}  F1 {fe:.3f}")
    print(f"value accuracy on matched spans: {right / tp if tp else 0:.3f} ({right}/{tp})   (target >= 0.98)")
    for kind in sorted(per_kind_gold):
        print(f"  {kind:9} gold {per_kind_gold[kind]:4}  matched {per_kind[kind]:4}  value right {per_kind_right[kind]:4}")


if __name__ == "__main__":
    main()
