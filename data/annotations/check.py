"""Validate every annotator's gold figures (figures-*.jsonl with its articles-*.jsonl): schema, allowed
labels, every span's text equal to article[start:end], no overlapping spans.

Usage: python data/annotations/check.py [--data ../shared/data/news_de_dev.jsonl] [--dir DIR]
(DIR: a directory of articles-NAME.jsonl and figures-NAME.jsonl; this one by default)
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
DAY_FORMAT = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def check_annotator(name: str, texts: dict[str, str], folder: Path = HERE) -> list[str]:
    """The problems of one annotator's files (articles-NAME.jsonl, figures-NAME.jsonl in `folder`)."""
    problems = []
    articles = _lines(folder / f"articles-{name}.jsonl")
    annotated = {a["article_id"] for a in articles}
    for a in articles:
        if a["article_id"] not in texts:
            problems.append(f"articles-{name}: unknown article {a['article_id']}")
        if a["published"] is not None and not DAY_FORMAT.match(a["published"]):
            problems.append(f"articles-{name}: bad published date {a}")
    last_end: dict[str, int] = {}
    for n, fig in enumerate(_lines(folder / f"figures-{name}.jsonl"), 1):
        where = f"figures-{name} line {n} ({fig.get('article_id')} {fig.get('start')}:{fig.get('end')})"
        text = texts.get(fig["article_id"])
        if fig["article_id"] not in annotated or text is None:
            problems.append(f"{where}: article not listed in articles-{name}.jsonl or not in the corpus")
            continue
        if text[fig["start"]:fig["end"]] != fig["text"]:
            problems.append(f"{where}: span reads {text[fig['start']:fig['end']]!r}, not {fig['text']!r}")
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


def check(data_path: Path, folder: Path = HERE) -> list[str]:
    """The problems of every annotator's files in `folder`."""
    texts = {row["id"]: row["text"] for row in _lines(data_path)}
    names = sorted(p.stem.split("-", 1)[1] for p in folder.glob("figures-*.jsonl"))
    if not names:
        return [f"{folder}: no figures-*.jsonl"]
    return [problem for name in names for problem in check_annotator(name, texts, folder)]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE.parents[2] / "shared/data/news_de_dev.jsonl")
    parser.add_argument("--dir", type=Path, default=HERE, help="a directory of articles-NAME / figures-NAME files")
    args = parser.parse_args()
    found = check(args.data, args.dir)
    print("\n".join(found) if found else "ok")
    raise SystemExit(1 if found else 0)
