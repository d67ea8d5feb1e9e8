"""The project's gold annotations (data/annotations/) joined with the articles they index.

Annotations hold article ids and character offsets only; the article text is read
by path from the shared corpus (default ../shared/data/news_de_dev.jsonl).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parent.parent
ANNOTATIONS = REPO / "data" / "annotations"
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "news_de_dev.jsonl"


@dataclass
class GoldFigure:
    article_id: str
    start: int
    end: int
    text: str
    kind: str
    value: Optional[float]
    low: Optional[float]
    high: Optional[float]
    unit: Optional[str]
    date: Optional[str]
    hedge: Optional[str]
    relation: Optional[str]
    checkable: bool
    subject: Optional[str]


@dataclass
class GoldArticle:
    id: str
    text: str
    published: Optional[str]
    annotator: str
    figures: list[GoldFigure] = field(default_factory=list)


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_corpus(path: str | Path = DEFAULT_CORPUS) -> dict[str, dict]:
    """Articles by id, read through `datasets` as the evaluation suite does everywhere."""
    from datasets import load_dataset

    rows = load_dataset("json", data_files=str(path), split="train")
    return {row["id"]: row for row in rows}


def load_gold(corpus: str | Path = DEFAULT_CORPUS, annotations: Path = ANNOTATIONS) -> list[GoldArticle]:
    """Every annotated article with its figures; offsets are checked against the article text."""
    texts = load_corpus(corpus)
    articles: dict[str, GoldArticle] = {}
    for path in sorted(annotations.glob("articles-*.jsonl")):
        annotator = path.stem.split("-", 1)[1]
        for row in _jsonl(path):
            text = texts[row["article_id"]]["text"]
            articles[row["article_id"]] = GoldArticle(row["article_id"], text, row.get("published"), annotator)
    for path in sorted(annotations.glob("figures-*.jsonl")):
        for row in _jsonl(path):
            article = articles[row["article_id"]]
            figure = GoldFigure(**{k: row.get(k) for k in GoldFigure.__dataclass_fields__})
            if article.text[figure.start:figure.end] != figure.text:
                raise ValueError(f"{path.name}: span {figure.start}-{figure.end} is not {figure.text!r}")
            article.figures.append(figure)
    for article in articles.values():
        article.figures.sort(key=lambda f: f.start)
    return sorted(articles.values(), key=lambda a: a.id)


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end
