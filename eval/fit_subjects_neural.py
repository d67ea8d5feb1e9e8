"""A neural subject ranker over a wider candidate set, tested on text no rule was written from.

    python eval/fit_subjects_neural.py [--epochs 20] [--hidden 64] [--seed 0]

Why: on unseen text the subject rules (claimcheck/subjects.py) lose most where the right
subject is not among SubjectFinder.candidates() at all (a right candidate exists for only
0.65 of the judgements of sets 1-5 and 0.59 of claims1-2). German capitalises every noun, so the capitalised
words of the figure's window (its sentence, the two before and the first) offer the common
nouns the annotators choose ("Pensionen") too; with the rules' candidates they hold a right
one for 0.89 and 0.88. This script asks whether a ranker over that union,
with the packaged e5 encoder's contextual token vectors, picks better than the rules.

Examples: every matched claim with a gold subject of the 30 annotated articles (455), of
held-out sets 1-5 (1,129 judgements, two annotators each) and of claims1-2 (279).
claims3 is left out: its errors stay unread. Each window ("query: " + first sentence + the
two before + the sentence) is encoded once; a candidate is the mean of its tokens' vectors
where it stands nearest the figure (zeros when it is not in the window), the figure the
mean of its own. The ranker is a small MLP over [cues, candidate, candidate * figure],
fitted listwise (softmax over one claim's candidates); cues are the window position, token
distance, word class before it, counts, whether it is the rules' choice, and the rules'
CANDIDATE_FEATURES. Folds: each held-out set and each claims set, and the 30 articles in 5
folds by article; each is tested with a ranker fitted on all the others. A candidate is
right when eval_claims.subject_right accepts it against the gold; the ranker learns from a
stricter match (whole words, no substring), which a candidate such as "Land" for
"Deutschland" would pass by substring alone.

Measured 2026-11-29 (session 14, rules of 384df3f), seed 0, 20 epochs, hidden 64, 4.4 min:

| judgements | rules | ranker | ranker only where the rules use the context | ceiling: rules' candidates | with the window's words |
|---|---|---|---|---|---|
| the 30 articles (5 folds by article; the rules are in sample) | 0.804 | 0.738 | 0.752 | 0.879 | 0.949 |
| claims1-2 (279) | 0.423 | 0.470 | 0.466 | 0.591 | 0.882 |
| sets 1-5 (1,129) | 0.463 | 0.482 | 0.489 | 0.647 | 0.888 |

Rerun on the session's final rules (94f29e6; the 30 articles' rules 0.807): ranker 0.723 / 0.477 / 0.487
on the 30 articles / claims1-2 / sets 1-5, only where the rules use the context 0.745 / 0.470 / 0.480,
the ceilings unchanged.

Variants (/tmp scripts, not kept): cues alone, no vectors: sets 0.475, claims1-2 0.437; the figure
marked in its window («...», one encoding per claim): sets 0.482, claims1-2 0.477; e5's top four
layers fine-tuned with the ranker, fitted on the 30 articles and claims1-2 only and tested on sets
1-5: 0.463-0.503 over 4-6 epochs, against 0.463-0.469 for frozen vectors fitted on the same data.
With a quarter / half / all of each fold's training judgements (the same ranker, batched, /tmp
script): sets 1-5 0.452 / 0.459 / 0.490, claims1-2 0.473 / 0.459 / 0.470, the 30 articles 0.714 /
0.734 / 0.730: about 0.02 a doubling, so more annotation of the same kind will not close the gap.
Session 11 had tried the same idea with a linear ranker and a bilinear vector score on sets 1-4
(docs/experiments.md). A wider candidate set and e5's contextual vectors gain 0.02-0.05 held out and
lose on the 30 articles, nowhere near the annotators' 0.91-0.97 agreement: not shipped.
"""
from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claimcheck import subjects  # noqa: E402
from claimcheck.claims import extract_claims, read_published  # noqa: E402
from claimcheck.sentences import split_sentences  # noqa: E402
from eval.annotations import ANNOTATIONS, DEFAULT_CORPUS, load_corpus, load_gold  # noqa: E402
from eval.eval_claims import match, subject_right  # noqa: E402
from eval.eval_subjects_heldout import judged, load_judgements  # noqa: E402
from eval.fit_subjects import _candidates  # noqa: E402

HELDOUT = ANNOTATIONS / "heldout"
WORD = re.compile(r"[\wÄÖÜäöüß][\w\-.’']*\w|[\wÄÖÜäöüß]")
# Capitalised words that are no subject: sentence-initial function words, months, units.
NOT_CANDIDATES = set("""Die Der Das Den Dem Des Ein Eine Einen Einem Einer Im In Mit Am An Auf Aus Bei Für Von
Vom Zum Zur Nach Über Unter Es Er Sie Wir Ich Ihr Man Dies Diese Dieser Dieses Doch Und Aber Oder Wenn Als
Wie So Auch Noch Nur Schon Damit Dabei Dazu Denn Da Dort Hier Nun Jetzt Seit Bis Laut Mehr Rund Etwa Knapp
Fast Gut Mindestens Insgesamt Januar Jänner Februar März April Mai Juni Juli August September Oktober
November Dezember Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Prozent Euro Dollar Millionen
Milliarden Jahr Jahre Jahren""".split())
WORD_BEFORE = [set("der die das den dem des".split()),
               set("in im aus nach bei von vom für zu zum zur mit auf an am über unter gegen laut durch ins".split()),
               set("ein eine einen einem einer eines kein keine".split()),
               set("sein seine ihr ihre seinen ihren seiner ihrer".split()), {","}]


@dataclass
class Example:
    """One claim judged by one annotator, with what the ranker needs of its article."""
    fold: str
    article: str
    sentence: int
    start: int
    end: int
    rule: str | None
    rule_from_context: bool
    gold: str
    rule_candidates: dict  # casefolded name -> (name, cues)


def collect() -> tuple[list[Example], dict]:
    """Examples of the 30 articles (5 folds by article), claims1-2 and sets 1-5; article texts and sentences."""
    corpus = load_corpus(DEFAULT_CORPUS)
    examples, articles = [], {}

    def read(aid, text, published):
        sentences = split_sentences(text)
        claims = extract_claims(text, published=published, sentences=sentences, scorer=False)
        finder = subjects.SubjectFinder(text, sentences, [(c.quantity.start, c.quantity.end) for c in claims])
        articles[aid] = (text, [(s.start, s.end) for s in sentences])
        return sentences, claims, finder

    def add(fold, aid, sentences, finder, claim, gold):
        k = next(n for n, s in enumerate(sentences) if s.start <= claim.quantity.start < s.end)
        cands = {x.name.casefold(): (x.name, x.features) for x in _candidates(finder, sentences, claim)}
        examples.append(Example(fold, aid, k, claim.quantity.start, claim.quantity.end, claim.subject,
                                not claim.subject_in_sentence, gold, cands))

    for name, path in (("main", ANNOTATIONS), ("claims1", HELDOUT / "claims1"), ("claims2", HELDOUT / "claims2")):
        gold_articles = load_gold(DEFAULT_CORPUS, path)
        for n, article in enumerate(gold_articles):
            fold = f"main{n % 5}" if name == "main" else name
            published = dt.date.fromisoformat(article.published) if article.published else None
            sentences, claims, finder = read(article.id, article.text, published)
            gold = [g for g in article.figures if g.checkable]
            for i, j in match([(c.quantity.start, c.quantity.end, c.quantity.kind) for c in claims], gold):
                if gold[j].subject:
                    add(fold, article.id, sentences, finder, claims[i], gold[j].subject)
    for s in range(1, 6):
        judgements = load_judgements(HELDOUT / f"set{s}")
        for aid in sorted({r["article_id"] for rows in judgements.values() for r in rows}):
            text = corpus[aid]["text"]
            sentences, claims, finder = read(aid, text, read_published(text))
            for c in claims:
                for rows in judgements.values():
                    g = judged(rows, aid, c.quantity.start, c.quantity.end)
                    if g and g["checkable"] and g.get("subject"):
                        add(f"set{s}", aid, sentences, finder, c, g["subject"])
    return examples, articles


def window_sentences(k: int) -> list[int]:
    return sorted({0, *range(max(0, k - 2), k + 1)})


def encode_windows(examples: list[Example], articles: dict) -> dict:
    """(article, sentence) -> (token vectors, token offsets into the article; -1 for the prefix)."""
    import torch

    from claimcheck.models.encoder import get_encoder

    model = get_encoder().model
    tokenizer, bert = model.tokenizer, model[0].auto_model.eval()
    keys = sorted({(e.article, e.sentence) for e in examples})
    found = {}
    for b in range(0, len(keys), 8):
        batch, texts, pieces = keys[b:b + 8], [], []
        for aid, k in batch:
            text, spans = articles[aid]
            parts, starts, at = [], [], len("query: ")
            for j in window_sentences(k):
                s, e = spans[j]
                starts.append((at, s))
                parts.append(text[s:e])
                at += e - s + 1
            texts.append("query: " + " ".join(parts))
            pieces.append(starts)
        x = tokenizer(texts, return_offsets_mapping=True, padding=True, truncation=True, max_length=512,
                      return_tensors="pt")
        offsets = x.pop("offset_mapping").numpy()
        with torch.no_grad():
            hidden = bert(**x).last_hidden_state.numpy()
        for i, key in enumerate(batch):
            n = int(x["attention_mask"][i].sum())
            at = np.full((n, 2), -1)
            for t, (cs, ce) in enumerate(offsets[i][:n]):
                for window_at, article_at in reversed(pieces[i]):
                    if ce > cs and cs >= window_at:
                        at[t] = (cs - window_at + article_at, ce - window_at + article_at)
                        break
            found[key] = (hidden[i, :n], at)
    return found


def span_vector(vectors: tuple, start: int, end: int) -> np.ndarray | None:
    hidden, at = vectors
    inside = (at[:, 0] >= start) & (at[:, 1] <= end) & (at[:, 0] >= 0)
    if not inside.any():
        inside = (at[:, 0] < end) & (at[:, 1] > start)
    return hidden[inside].mean(0) if inside.any() else None


def word_before_class(text: str, start: int) -> int:
    found = re.search(r"(\S+)\s*$", text[:start])
    if not found or re.search(r"[.!?:]$", found.group(1)):
        return 0
    word = found.group(1).strip("„“\"'(").lower()
    return next((n + 1 for n, words in enumerate(WORD_BEFORE) if word in words), len(WORD_BEFORE) + 1)


def ranking_group(e: Example, articles: dict, vectors: dict) -> dict:
    """One claim's candidates: the capitalised words (1-3) of its window and the rules' candidates."""
    text, spans = articles[e.article]
    tokens = vectors[e.article, e.sentence]
    lower = text.casefold()
    places: dict[str, list] = {}
    for j in window_sentences(e.sentence):
        s0, e0 = spans[j]
        words = [(m.group(), m.start() + s0, m.end() + s0) for m in WORD.finditer(text[s0:e0])]
        capital = [w[:1].isupper() and w not in NOT_CANDIDATES for w, _, _ in words]
        for i in range(len(words)):
            for n in (1, 2, 3):
                if i + n <= len(words) and all(capital[i:i + n]) \
                        and not (words[i][1] < e.end and words[i + n - 1][2] > e.start):
                    name = " ".join(w for w, _, _ in words[i:i + n])
                    places.setdefault(name.casefold(), [name, []])[1].append((words[i][1], words[i + n - 1][2], j))
    names = {key: name for key, (name, _) in places.items()}
    for key, (name, _) in e.rule_candidates.items():
        names.setdefault(key, name)
    figure = span_vector(tokens, e.start, e.end)
    rows, vecs, right = [], [], []
    for key, name in names.items():
        where = places.get(key, [None, []])[1]
        if not where:  # a rules' candidate: find it in the window
            for j in window_sentences(e.sentence):
                p = lower.find(key, *spans[j])
                if p >= 0:
                    where.append((p, p + len(key), j))
        if where:
            s, end, j = min(where, key=lambda w: (e.sentence - w[2], abs(w[0] - e.start)))
            vec = span_vector(tokens, s, end)
            distance = (s - e.start) / 100.0 if j == e.sentence else 0.0
            before = word_before_class(text, s)
            gap = e.sentence - j
            position = [float(gap == 0), float(gap == 1), float(gap == 2), float(gap > 2), 0.0]
        else:
            vec, distance, before, position = None, 0.0, -1, [0.0, 0.0, 0.0, 0.0, 1.0]
        word_class = [0.0] * (len(WORD_BEFORE) + 3)
        word_class[before + 1] = 1.0
        cues = e.rule_candidates.get(key, (None, {}))[1]
        rows.append(position + word_class + [
            max(-3.0, min(3.0, distance)), float(distance < 0), float(distance > 0), len(name.split()) / 3,
            float(name.isupper()), float("-" in name), math.log1p(lower.count(key)), math.log1p(len(where)),
            float(key in e.rule_candidates), float(key == (e.rule or "").casefold()), float(vec is None),
        ] + [float(cues.get(c, 0.0)) for c in subjects.CANDIDATE_FEATURES])
        vecs.append(vec if vec is not None else np.zeros(tokens[0].shape[1], np.float32))
        right.append(subject_right(name, e.gold, substrings=False))
    vecs = np.asarray(vecs, np.float32)
    figure = figure if figure is not None else np.zeros(vecs.shape[1], np.float32)
    return {"x": np.hstack([np.asarray(rows, np.float32), vecs, vecs * figure]),
            "y": np.asarray(right, bool), "names": list(names.values())}


def fit_and_rank(groups: list[dict], train: list[int], test: list[int], epochs: int, hidden: int, seed: int) -> dict:
    """A listwise MLP fitted on `train`; the top candidate of each `test` group."""
    import torch

    torch.manual_seed(seed)
    rng = random.Random(seed)
    x = [torch.tensor(g["x"]) for g in groups]
    net = torch.nn.Sequential(torch.nn.Dropout(0.1), torch.nn.Linear(x[0].shape[1], hidden), torch.nn.ReLU(),
                              torch.nn.Dropout(0.2), torch.nn.Linear(hidden, 1))
    opt = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=1e-3)
    usable = [i for i in train if groups[i]["y"].any()]  # a group without a right candidate teaches nothing
    for _ in range(epochs):
        rng.shuffle(usable)
        net.train()
        for b in range(0, len(usable), 32):
            loss = 0
            for i in usable[b:b + 32]:
                s = net(x[i]).squeeze(-1)
                loss = loss + torch.logsumexp(s, 0) - torch.logsumexp(s[torch.tensor(groups[i]["y"])], 0)
            opt.zero_grad()
            (loss / 32).backward()
            opt.step()
    net.eval()
    with torch.no_grad():
        return {i: groups[i]["names"][int(net(x[i]).squeeze(-1).argmax())] for i in test}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    examples, articles = collect()
    vectors = encode_windows(examples, articles)
    groups = [ranking_group(e, articles, vectors) for e in examples]
    by_fold = defaultdict(list)
    for i, e in enumerate(examples):
        by_fold[e.fold].append(i)
    chosen = {}
    for fold, test in sorted(by_fold.items()):
        train = [i for f, idx in by_fold.items() if f != fold for i in idx]
        chosen.update(fit_and_rank(groups, train, test, args.epochs, args.hidden, args.seed))

    tally = defaultdict(Counter)
    for i, e in enumerate(examples):
        t = tally["30 articles (5-fold)" if e.fold.startswith("main") else "sets 1-5" if e.fold.startswith("set")
                  else "claims1-2"]
        rule, ranked = subject_right(e.rule, e.gold), subject_right(chosen[i], e.gold)
        t["n"] += 1
        t["rules"] += rule
        t["ranker"] += ranked
        t["ranker where the rules use the context"] += ranked if e.rule_from_context else rule
        t["ceiling, rules' candidates"] += any(subject_right(n, e.gold, substrings=False) for n, _ in e.rule_candidates.values())
        t["ceiling, with the window's words"] += bool(groups[i]["y"].any())
    for name, t in tally.items():
        print(f"{name}: {t['n']} judgements; " + ", ".join(f"{k} {v / t['n']:.3f}" for k, v in t.items() if k != "n"))


if __name__ == "__main__":
    main()
