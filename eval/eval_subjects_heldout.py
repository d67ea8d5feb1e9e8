"""Subject accuracy on articles the subject rules were never written against (held out).

    python eval/eval_subjects_heldout.py [--data ../shared/data/news_de_dev.jsonl]
                                         [--annotations data/annotations/heldout] [--show]

The 30 annotated articles of eval/eval_claims.py were read while the subject rules were
written, so their subject accuracy is no held-out figure. data/annotations/heldout/ holds
sets of other corpus articles (set1/, set2/, ...) whose claims, as claimcheck found them, two
annotators judged blind (subjects-a.jsonl, subjects-b.jsonl: checkable or not, and the subject
under data/annotations/README-a.md's definition), never seeing claimcheck's subjects; see
data/annotations/heldout/README.md for when each set was read. Claims are matched to the gold
by span overlap, so the figures stay comparable when the reader changes.

Prints, per set and annotator: the share of claimcheck's claims that it marks checkable (claim
precision on unseen text) and subject accuracy on those (eval_claims.subject_right), also apart
for subjects the sentence names and those taken from the context (Claim.subject_in_sentence); how often
the two annotators agree with each other on a subject (a ceiling for any finder); and subject
accuracy where both agree.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claimcheck.claims import extract_claims, read_published  # noqa: E402
from eval.annotations import ANNOTATIONS, DEFAULT_CORPUS, load_corpus, overlaps  # noqa: E402
from eval.eval_claims import subject_right  # noqa: E402

HELDOUT = ANNOTATIONS / "heldout"


def load_judgements(directory: Path) -> dict[str, list[dict]]:
    """annotator -> its judged figures (subjects-<annotator>.jsonl)."""
    found = {}
    for path in sorted(directory.glob("subjects-*.jsonl")):
        rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
        found[path.stem.removeprefix("subjects-")] = rows
    return found


def load_articles(corpus: Path, ids: set[str]) -> dict[str, str]:
    """The texts of the corpus articles with these ids (those the corpus has)."""
    return {aid: row["text"] for aid, row in load_corpus(corpus).items() if aid in ids}


def judged(rows: list[dict], article_id: str, start: int, end: int) -> dict | None:
    """The gold row whose span overlaps a claim's, the largest overlap first."""
    best, best_overlap = None, 0
    for row in rows:
        if row["article_id"] == article_id and overlaps(start, end, row["start"], row["end"]):
            overlap = min(end, row["end"]) - max(start, row["start"])
            if overlap > best_overlap:
                best, best_overlap = row, overlap
    return best


def share(right: int, total: int) -> str:
    return f"{right / total:.3f} ({right}/{total})" if total else "n/a (0)"


def evaluate(directory: Path, corpus: Path, show: bool) -> bool:
    """Print one set's figures; False when its articles are missing from the corpus."""
    gold = load_judgements(directory)
    ids = {row["article_id"] for rows in gold.values() for row in rows}
    texts = load_articles(corpus, ids)
    missing = ids - texts.keys()
    if missing:
        print(f"articles not in {corpus}: {sorted(missing)}", file=sys.stderr)
        return False

    claims = {aid: extract_claims(text, published=read_published(text)) for aid, text in sorted(texts.items())}
    total_claims = sum(len(found) for found in claims.values())
    print(f"{directory.name}: articles {len(texts)}, claims found {total_claims}, annotators {', '.join(sorted(gold))}")

    per_claim = []  # (article id, claim, {annotator: gold row or None})
    for aid, found in claims.items():
        for claim in found:
            q = claim.quantity
            per_claim.append((aid, claim, {name: judged(rows, aid, q.start, q.end) for name, rows in gold.items()}))

    for name in sorted(gold):
        rows = [(aid, claim, by[name]) for aid, claim, by in per_claim if by[name] is not None]
        checkable = [(aid, claim, row) for aid, claim, row in rows if row["checkable"] and row.get("subject")]
        right = [subject_right(claim.subject, row["subject"]) for _, claim, row in checkable]
        print(f"  annotator {name}: claims judged {len(rows)}, checkable {share(len(checkable), len(rows))}; "
              f"subject right {share(sum(right), len(checkable))}")
        named = [ok for (_, claim, _), ok in zip(checkable, right) if claim.subject_in_sentence]
        context = [ok for (_, claim, _), ok in zip(checkable, right) if not claim.subject_in_sentence]
        print(f"    named in its sentence {share(sum(named), len(named))}, taken from the context "
              f"{share(sum(context), len(context))}")
        if show:
            for (aid, claim, row), ok in zip(checkable, right):
                if not ok:
                    print(f"    {name} {aid} {claim.quantity.text!r}: gold {row['subject']!r} / ours {claim.subject!r}")

    names = sorted(gold)
    if len(names) >= 2:
        a, b = names[:2]
        both = [(claim, by[a], by[b]) for _, claim, by in per_claim
                if by[a] and by[b] and by[a]["checkable"] and by[b]["checkable"]
                and by[a].get("subject") and by[b].get("subject")]
        agree = [(claim, ga) for claim, ga, gb in both if subject_right(ga["subject"], gb["subject"])]
        print(f"  annotators {a} and {b} agree on the subject of {share(len(agree), len(both))} claims both mark checkable")
        right = sum(subject_right(claim.subject, ga["subject"]) for claim, ga in agree)
        print(f"  subject right where they agree: {share(right, len(agree))}")
    return True


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--annotations", type=Path, default=HELDOUT,
                        help="a set's directory, or a directory of sets")
    parser.add_argument("--show", action="store_true", help="print every subject an annotator disagrees with")
    args = parser.parse_args(argv)

    sets = [args.annotations] if any(args.annotations.glob("subjects-*.jsonl")) else \
        sorted(d for d in args.annotations.glob("*/") if any(d.glob("subjects-*.jsonl")))
    if not sets:
        print(f"no subjects-*.jsonl in {args.annotations} or its subdirectories", file=sys.stderr)
        return 2
    return 0 if all([evaluate(directory, args.data, args.show) for directory in sets]) else 2


if __name__ == "__main__":
    raise SystemExit(main())
