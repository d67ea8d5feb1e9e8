"""Validate annotator b's gold figures: schema, allowed labels, and that every span's text matches the article.

Usage: python data/annotations/check_b.py [--data ../shared/data/news_de_dev.jsonl]
"""
import argparse
import json
import re
from pathlib import Path

HERE = Path(__file__).parent
KINDS = {"count", "money", "percent", "date", "duration", "quantity"}
HEDGES = {None, "approx", "min", "max", "range", "forecast"}
RELATIONS = {None, "deadline", "until", "since"}
DATE_FORMAT = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check(data_path: Path) -> list[str]:
    texts = {}
    with open(data_path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            texts[row["id"]] = row["text"]
    problems = []
    articles = [json.loads(l) for l in open(HERE / "articles-b.jsonl", encoding="utf-8")]
    annotated = {a["article_id"] for a in articles}
    for a in articles:
        if a["article_id"] not in texts:
            problems.append(f"unknown article {a['article_id']}")
        if a["published"] is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", a["published"]):
            problems.append(f"bad published date {a}")
    last_end = {}
    for n, line in enumerate(open(HERE / "figures-b.jsonl", encoding="utf-8"), 1):
        fig = json.loads(line)
        where = f"line {n} ({fig.get('article_id')} {fig.get('start')})"
        text = texts.get(fig["article_id"])
        if fig["article_id"] not in annotated or text is None:
            problems.append(f"{where}: article not listed in articles-b.jsonl")
            continue
        if text[fig["start"]:fig["end"]] != fig["text"]:
            problems.append(f"{where}: span text {text[fig['start']:fig['end']]!r} != {fig['text']!r}")
        if fig["start"] < last_end.get(fig["article_id"], 0):
            problems.append(f"{where}: overlaps or is out of order")
        last_end[fig["article_id"]] = fig["end"]
        if fig["kind"] not in KINDS or fig["hedge"] not in HEDGES or fig["relation"] not in RELATIONS:
            problems.append(f"{where}: unknown kind, hedge or relation")
        if fig["date"] is not None and not DATE_FORMAT.match(fig["date"]):
            problems.append(f"{where}: bad date {fig['date']!r}")
        if fig["hedge"] == "range" and (fig["low"] is None or fig["high"] is None):
            problems.append(f"{where}: a range needs low and high")
        if not isinstance(fig["checkable"], bool):
            problems.append(f"{where}: checkable must be true or false")
        also = fig.get("subject_also", [])
        if not (isinstance(also, list) and all(isinstance(x, str) and x for x in also)) or (also and not fig.get("subject")):
            problems.append(f"{where}: subject_also must be a list of names beside a subject")
    return problems


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE.parents[2] / "shared/data/news_de_dev.jsonl")
    args = parser.parse_args()
    found = check(args.data)
    print("\n".join(found) if found else "ok")
    raise SystemExit(1 if found else 0)
