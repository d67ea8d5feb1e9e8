"""Validate annotator a's gold figures against the articles they point into.

Usage: python data/annotations/check_a.py [--data ../shared/data/news_de_dev.jsonl]
Checks that every span's text equals article[start:end], that fields hold
allowed values, and that spans of one article do not overlap.
"""
import argparse
import json
import re
from pathlib import Path

HERE = Path(__file__).parent
KINDS = {"count", "money", "percent", "date", "duration", "quantity"}
HEDGES = {None, "approx", "min", "max", "range", "forecast"}
RELATIONS = {None, "deadline", "until", "since"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(HERE.parents[2] / "shared/data/news_de_dev.jsonl"))
    args = parser.parse_args()
    texts = {}
    with open(args.data, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            texts[row["id"]] = row["text"]
    articles = [json.loads(l) for l in open(HERE / "articles-a.jsonl", encoding="utf-8")]
    figures = [json.loads(l) for l in open(HERE / "figures-a.jsonl", encoding="utf-8")]
    known = {a["article_id"] for a in articles}
    errors = []
    last_end = {}
    for n, fig in enumerate(figures, 1):
        aid = fig["article_id"]
        where = f"line {n} ({aid} {fig['start']}:{fig['end']})"
        if aid not in known:
            errors.append(f"{where}: article missing from articles-a.jsonl")
        text = texts.get(aid)
        if text is None:
            errors.append(f"{where}: article id not in {args.data}")
            continue
        if text[fig["start"]:fig["end"]] != fig["text"]:
            errors.append(f"{where}: span reads {text[fig['start']:fig['end']]!r}, not {fig['text']!r}")
        if fig["start"] < last_end.get(aid, 0):
            errors.append(f"{where}: overlaps or is out of order")
        last_end[aid] = fig["end"]
        if fig["kind"] not in KINDS or fig["hedge"] not in HEDGES or fig["relation"] not in RELATIONS:
            errors.append(f"{where}: bad kind/hedge/relation")
        if fig["date"] is not None and not DATE_RE.match(fig["date"]):
            errors.append(f"{where}: bad date {fig['date']!r}")
        if not isinstance(fig["checkable"], bool):
            errors.append(f"{where}: checkable must be true or false")
    for e in errors:
        print(e)
    print(f"{len(articles)} articles, {len(figures)} figures, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
