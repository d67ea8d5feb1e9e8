"""Train the check-worthiness scorer and write claimcheck/resources/checkworthiness.json.

    python eval/train_checkworthiness.py [--data data/checkworthiness/train.jsonl]
                                         [--out claimcheck/resources/checkworthiness.json]
                                         [--min-recall 0.97] [--seed 0]

Encodes the labelled sentences with the packaged encoder (query vectors, as the
pipeline encodes article sentences), holds out a seeded stratified quarter,
fits a logistic regression on the rest (choosing C by cross-validation), and
prints held-out accuracy, precision, recall and the share of non-checkable
sentences removed at the threshold that keeps --min-recall of the checkable ones.

The shipped threshold is then fitted on held-out real text: the candidate claims
that the rules keep in the project's annotated articles (data/annotations, read
by id and offset from --corpus), each labelled by whether it matches a gold
checkable figure. The threshold is the one that maximises claim F1 there (ties
go to the lower one), so the scorer removes sentences only where that helps on
real news; a threshold of 0 means it only ranks (Claim.checkworthiness).
Finally the weights are refitted on all written sentences and saved with that threshold.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claimcheck.checkworthiness import fit  # noqa: E402


def choose_threshold(probabilities: np.ndarray, labels: np.ndarray, min_recall: float) -> float:
    """The highest threshold at which recall on label 1 stays >= min_recall."""
    positives = np.sort(probabilities[labels == 1])
    if len(positives) == 0:
        return 0.5
    allowed_misses = int(np.floor((1.0 - min_recall) * len(positives)))
    return float(positives[allowed_misses]) - 1e-6


def report(name: str, probabilities: np.ndarray, labels: np.ndarray, threshold: float) -> None:
    keep = probabilities >= threshold
    tp = int(np.sum(keep & (labels == 1)))
    precision = tp / max(1, int(keep.sum()))
    recall = tp / max(1, int(np.sum(labels == 1)))
    removed = int(np.sum(~keep & (labels == 0))) / max(1, int(np.sum(labels == 0)))
    accuracy = float(np.mean(keep == (labels == 1)))
    print(f"{name}: n={len(labels)} accuracy {accuracy:.3f}  precision {precision:.3f}  recall {recall:.3f}  "
          f"non-checkable removed {removed:.3f}  (threshold {threshold:.3f})")


def threshold_on_annotated_articles(scorer, encoder, corpus: Path | None) -> float:
    """The threshold that maximises claim F1 over the rules' candidate claims in the annotated articles."""
    import datetime as dt

    from claimcheck.claims import extract_claims
    from claimcheck.sentences import split_sentences
    from eval.annotations import DEFAULT_CORPUS, load_gold, overlaps

    sentences, is_claim = [], []
    for article in load_gold(corpus or DEFAULT_CORPUS):
        published = dt.date.fromisoformat(article.published) if article.published else None
        for c in extract_claims(article.text, published=published, sentences=split_sentences(article.text), scorer=False):
            q = c.quantity
            sentences.append(c.sentence)
            is_claim.append(any(
                g.checkable and g.kind == q.kind and overlaps(q.start, q.end, g.start, g.end) for g in article.figures
            ))
    unique = sorted(set(sentences))
    by_text = dict(zip(unique, scorer.score(encoder.encode_queries(unique))))
    scores = np.array([by_text[s] for s in sentences])
    truth = np.array(is_claim)
    n_gold = int(truth.sum())  # relative recall: the claims the rules found
    best = (-1.0, 0.0)
    print(f"annotated articles: {len(truth)} candidate claims, {n_gold} match a gold checkable figure")
    for t in (0.0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5):
        keep = scores >= t
        tp = int(np.sum(keep & truth))
        precision, recall = tp / max(1, int(keep.sum())), tp / max(1, n_gold)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"  threshold {t:.3f}: kept {int(keep.sum())}, precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f}")
        if f1 > best[0] + 1e-9:
            best = (f1, t)
    print(f"chosen threshold {best[1]:.3f} (claim F1 {best[0]:.3f} among the candidates)")
    return best[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT / "data" / "checkworthiness" / "train.jsonl")
    ap.add_argument("--out", type=Path, default=ROOT / "claimcheck" / "resources" / "checkworthiness.json")
    ap.add_argument("--min-recall", type=float, default=0.97)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--corpus", type=Path, default=None, help="articles for the annotations (default: ../shared/data/news_de_dev.jsonl)")
    args = ap.parse_args()

    from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
    from sklearn.linear_model import LogisticRegression

    from claimcheck.models import get_encoder

    rows = [json.loads(line) for line in open(args.data, encoding="utf-8") if line.strip()]
    texts = [r["text"] for r in rows]
    labels = np.array([int(r["label"]) for r in rows])
    encoder = get_encoder()
    vectors = encoder.encode_queries(texts)
    print(f"{len(rows)} sentences ({int(labels.sum())} checkable), encoder {encoder.name}")

    idx_train, idx_test = train_test_split(
        np.arange(len(rows)), test_size=0.25, random_state=args.seed, stratify=labels
    )
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed)
    best_c = max(
        (1.0, 4.0, 16.0, 64.0),
        key=lambda c: cross_val_score(
            LogisticRegression(C=c, max_iter=2000, class_weight="balanced"),
            vectors[idx_train], labels[idx_train], cv=folds,
        ).mean(),
    )
    scorer = fit(vectors[idx_train], labels[idx_train], encoder=encoder.name, c=best_c)
    held_out = scorer.score(vectors[idx_test])
    threshold = choose_threshold(held_out, labels[idx_test], args.min_recall)
    print(f"C = {best_c}")
    report("held-out (threshold 0.5)", held_out, labels[idx_test], 0.5)
    report("held-out (chosen threshold)", held_out, labels[idx_test], threshold)

    final = fit(vectors, labels, encoder=encoder.name, c=best_c)
    threshold = threshold_on_annotated_articles(final, encoder, args.corpus)
    final = fit(vectors, labels, encoder=encoder.name, c=best_c, threshold=threshold)
    final.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
