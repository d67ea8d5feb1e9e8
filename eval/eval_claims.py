"""Measure claim extraction against the project's hand-annotated articles.

    python eval/eval_claims.py [--data ../shared/data/news_de_dev.jsonl]
                               [--annotations data/annotations] [--scorer] [--show]

Gold: every data/annotations/figures-*.jsonl and articles-*.jsonl (article ids
and offsets; the articles are read by path from --data). A predicted claim
matches a gold *checkable* figure when the spans overlap and the kinds agree
(one-to-one, largest overlap first); a claim on a figure the annotators marked
not checkable, or on no annotated figure, is a false alarm.

Prints claim precision, recall and F1 by kind and over count + money + percent
+ date + duration together (target F1 >= 0.90), value accuracy on matched
claims (target >= 0.97), subject accuracy on matched claims with a gold subject
(case-insensitive, whitespace and punctuation normalised; right when equal, when
one contains the other, when one's words are a run of the other's up to German
case endings, or when one is the acronym of the other; target >= 85 %; also by
annotator, so one half can serve as held-out; a second line also accepts the
alternatives a figure's `subject_also` lists where its annotator's guideline names
another defensible subject, README-b.md "Unsure"), and the same precision/recall for
a regex-only figure finder as a baseline. --scorer also runs the packaged
check-worthiness scorer on the packaged encoder's sentence vectors.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claimcheck.claims import extract_claims  # noqa: E402
from claimcheck.sentences import split_sentences  # noqa: E402
from eval.annotations import DEFAULT_CORPUS, ANNOTATIONS, GoldFigure, load_gold, overlaps  # noqa: E402
from eval.eval_quantities import prf, value_right  # noqa: E402

CORE = ("count", "money", "percent", "date", "duration")


def normalise_subject(name: str | None) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", (name or "").casefold())).strip()


# German case and number endings a name takes in running text: "Österreichs",
# "des Innenministeriums", "den Grünen". Two words are one name when they are equal
# after removing one of these from the longer (and at least four letters remain).
_CASE_ENDINGS = ("es", "en", "ns", "s", "n", "e")


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and any(long_ == short + e for e in _CASE_ENDINGS)


def _words_within(part: list[str], whole: list[str]) -> bool:
    """Is `part` a run of consecutive words of `whole`, word by word up to case endings?"""
    n = len(part)
    return any(all(_same_word(p, w) for p, w in zip(part, whole[i : i + n])) for i in range(len(whole) - n + 1))


def _initials(name: str) -> str:
    """The initials of a name's capitalised words and hyphen parts ("Robert Koch-Institut" -> "rki")."""
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w[:1].isupper()).casefold()


def _is_acronym_of(short: str, name: str) -> bool:
    """ "MPS" for "Monte dei Paschi di Siena", "RKI" for "Robert Koch-Institut"."""
    return bool(re.fullmatch(r"[A-ZÄÖÜ]{2,8}", short)) and len(name.split()) + name.count("-") >= 2 and short.casefold() == _initials(name)


def subject_right(predicted: str | None, gold: str | None, substrings: bool = True) -> bool:
    """Equal or one contained in the other after case/punctuation normalising, also word by
    word up to German case endings ("Österreichs" ~ "Österreich"), or an acronym of the other.
    substrings=False asks for whole words ("Land" is then not "Deutschland")."""
    p, g = normalise_subject(predicted), normalise_subject(gold)
    if not (p and g):
        return False
    if p == g or substrings and (p in g or g in p):
        return True
    pw, gw = p.split(), g.split()
    if _words_within(pw, gw) or _words_within(gw, pw):
        return True
    return _is_acronym_of(predicted.strip(), gold) or _is_acronym_of(gold.strip(), predicted)


def subject_alternatives(annotations: Path) -> dict[tuple[str, int, int], list[str]]:
    """(article id, start, end) -> the other subjects a gold figure's `subject_also` accepts."""
    found = {}
    for path in sorted(annotations.glob("figures-*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            if row.get("subject_also"):
                found[row["article_id"], row["start"], row["end"]] = list(row["subject_also"])
    return found


def match(pred: list[tuple[int, int, str]], gold: list[GoldFigure]) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs: overlap and same kind, largest overlap first."""
    candidates = []
    for i, (start, end, kind) in enumerate(pred):
        for j, g in enumerate(gold):
            if kind == g.kind and overlaps(start, end, g.start, g.end):
                candidates.append((-(min(end, g.end) - max(start, g.start)), i, j))
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


# The baseline: figures a regular expression finds, each taken for a claim.
_BASELINE = re.compile(
    r"\d[\d.,]*(?:\s?(?:Millionen|Milliarden|Mio\.|Mrd\.))?(?:\s?(?P<unit>Prozent|%|Euro|Dollar|€|\$))?"
)


def regex_figures(text: str) -> list[tuple[int, int, str]]:
    found = []
    for m in _BASELINE.finditer(text):
        unit = m.group("unit")
        if unit in ("Prozent", "%"):
            kind = "percent"
        elif unit:
            kind = "money"
        elif re.fullmatch(r"(?:19|20)\d\d", m.group().rstrip(".,")):
            kind = "date"
        else:
            kind = "count"
        found.append((m.start(), m.end(), kind))
    return found


class Tally:
    def __init__(self) -> None:
        self.pred: Counter = Counter()
        self.gold: Counter = Counter()
        self.hit: Counter = Counter()

    def add(self, pred_kinds: list[str], gold_kinds: list[str], hit_kinds: list[str]) -> None:
        self.pred.update(pred_kinds)
        self.gold.update(gold_kinds)
        self.hit.update(hit_kinds)

    def prf(self, kinds) -> tuple[float, float, float, int, int, int]:
        tp = sum(self.hit[k] for k in kinds)
        n_pred = sum(self.pred[k] for k in kinds)
        n_gold = sum(self.gold[k] for k in kinds)
        return (*prf(tp, n_pred, n_gold), tp, n_pred, n_gold)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--annotations", type=Path, default=ANNOTATIONS)
    ap.add_argument("--scorer", action="store_true", help="use the learned check-worthiness scorer (loads the encoder)")
    ap.add_argument("--show", action="store_true", help="print every miss, false alarm, wrong value and wrong subject")
    args = ap.parse_args()

    articles = load_gold(args.data, args.annotations)
    if not articles:
        sys.exit(f"no annotated articles under {args.annotations}")
    encoder = None
    if args.scorer:
        from claimcheck.models import get_encoder

        encoder = get_encoder()

    alternatives = subject_alternatives(args.annotations)
    ours, baseline = Tally(), Tally()
    values_right = 0
    subjects: Counter = Counter()  # (annotator, "right" | "total") -> claims
    matched = 0
    for article in articles:
        published = dt.date.fromisoformat(article.published) if article.published else None
        gold = [g for g in article.figures if g.checkable]
        sentences = split_sentences(article.text)
        vectors = encoder.encode_queries([s.text for s in sentences]) if encoder else None
        claims = extract_claims(
            article.text, published=published, sentences=sentences, sentence_vectors=vectors,
            scorer=None if args.scorer else False,
        )
        pred = [(c.quantity.start, c.quantity.end, c.quantity.kind) for c in claims]
        pairs = match(pred, gold)
        ours.add([k for _, _, k in pred], [g.kind for g in gold], [gold[j].kind for _, j in pairs])
        base = regex_figures(article.text)
        base_pairs = match(base, gold)
        baseline.add([k for _, _, k in base], [g.kind for g in gold], [gold[j].kind for _, j in base_pairs])

        for i, j in pairs:
            c, g = claims[i], gold[j]
            matched += 1
            ok_value = value_right(c.quantity, asdict(g))
            values_right += ok_value
            if g.subject:
                ok_subject = subject_right(c.subject, g.subject)
                subjects[article.annotator, "total"] += 1
                subjects[article.annotator, "right"] += ok_subject
                also = alternatives.get((article.id, g.start, g.end), [])
                subjects[article.annotator, "right_also"] += ok_subject or any(subject_right(c.subject, x) for x in also)
                if args.show and not ok_subject:
                    print(f"SUBJECT {article.id} {g.text!r}: gold {g.subject!r} / ours {c.subject!r}   …{c.sentence[:110]}…")
            if args.show and not ok_value:
                gv = g.date if g.kind == "date" else g.value
                qv = c.quantity.date if g.kind == "date" else c.quantity.value
                print(f"VALUE   {article.id} {g.text!r}: gold {gv} [{g.low}, {g.high}] / ours {c.quantity.text!r} {qv} [{c.quantity.low}, {c.quantity.high}]")
        if args.show:
            hit_p, hit_g = {i for i, _ in pairs}, {j for _, j in pairs}
            for j, g in enumerate(gold):
                if j not in hit_g:
                    ctx = article.text[max(0, g.start - 50) : g.end + 30].replace("\n", " ")
                    print(f"MISS    {article.id} {g.kind:8} {g.text!r}   …{ctx}…")
            for i, c in enumerate(claims):
                if i not in hit_p:
                    q = c.quantity
                    note = next(
                        (f"gold {g.kind}, checkable={g.checkable}" for g in article.figures if overlaps(q.start, q.end, g.start, g.end)),
                        "no gold figure",
                    )
                    ctx = article.text[max(0, q.start - 50) : q.end + 30].replace("\n", " ")
                    print(f"EXTRA   {article.id} {q.kind:8} {q.text!r} ({note})   …{ctx}…")

    n_gold = sum(1 for a in articles for g in a.figures if g.checkable)
    print(f"articles {len(articles)}, gold checkable figures {n_gold}, claims {sum(ours.pred.values())}")
    print(f"{'kind':10} {'P':>6} {'R':>6} {'F1':>6}   tp/pred/gold   | regex baseline P R F1")
    for kind in CORE + ("quantity",):
        p, r, f, tp, n_p, n_g = ours.prf([kind])
        bp, br, bf, *_ = baseline.prf([kind])
        print(f"{kind:10} {p:6.3f} {r:6.3f} {f:6.3f}   {tp}/{n_p}/{n_g}   | {bp:.3f} {br:.3f} {bf:.3f}")
    p, r, f, tp, n_p, n_g = ours.prf(CORE)
    bp, br, bf, *_ = baseline.prf(CORE)
    print(f"{'core5':10} {p:6.3f} {r:6.3f} {f:6.3f}   {tp}/{n_p}/{n_g}   | {bp:.3f} {br:.3f} {bf:.3f}"
          "   (count+money+percent+date+duration; target F1 >= 0.90)")
    print(f"value accuracy on matched claims: {values_right / matched if matched else 0:.3f} ({values_right}/{matched})   (target >= 0.97)")
    annotators = sorted({a.annotator for a in articles})
    total = sum(subjects[a, "total"] for a in annotators)

    def share(key: str) -> str:
        """Subjects right under `key` overall and by annotator."""
        right = sum(subjects[a, key] for a in annotators)
        by_annotator = ", ".join(
            f"{a} {subjects[a, key] / subjects[a, 'total']:.3f} ({subjects[a, key]}/{subjects[a, 'total']})"
            for a in annotators if subjects[a, "total"]
        )
        return f"{right / total if total else 0:.3f} ({right}/{total}); by annotator: {by_annotator}"

    print(f"subject accuracy on matched claims (target >= 0.85): {share('right')}")
    print(f"  also accepting the guideline's alternatives ({len(alternatives)} figures' subject_also): {share('right_also')}")

if __name__ == "__main__":
    main()
