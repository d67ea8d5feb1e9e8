"""The verification set: the project's annotated claims judged against facts the project wrote.

For every annotated checkable claim that has written facts (data/verify/facts-*.jsonl:
an `agree` paraphrase, a `disagree` copy with a changed figure, a `distractor` about
the same subject but another measure), the claim is judged three times, once in
each condition of a rotation:
  S: the store holds its agree fact       -> expected SUPPORTED
  C: the store holds its disagree fact    -> expected CONTRADICTED
  N: the store holds only its distractor  -> expected NOT_ENOUGH_INFO
The store always holds every other claim's facts of that rotation and all
distractors, so each judgement is made among hundreds of near-miss facts.
A fourth condition asks what a store that knows nothing of the article does:
  O: the store holds every fact of the other articles only -> expected NOT_ENOUGH_INFO
(in real use most claims have no fact in the store, and a year or a small number agrees with
some fact by chance). Its judgements are fitted on like the others, but reported apart: the
macro-F1, confusion and calibration are those of S, C and N; O gives the share of claims judged
SUPPORTED or CONTRADICTED on another article's facts.
Only claims that extraction found (span overlap with the gold figure) count.
The facts were written in two rounds: facts-a/b.jsonl (176 claims) and facts-a2/b2.jsonl (87
more claims of the same articles, whose facts also make the store denser for the first ones);
--first-facts judges the first round alone, as measured before the second existed.

    python -m eval.eval_verify [--corpus PATH] [--first-facts] [--dump FILE]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import numpy as np

from eval.annotations import DEFAULT_CORPUS, REPO, GoldArticle, load_gold, overlaps

VERDICTS = ("SUPPORTED", "CONTRADICTED", "NOT_ENOUGH_INFO")
CONDITIONS = {"S": "SUPPORTED", "C": "CONTRADICTED", "N": "NOT_ENOUGH_INFO"}
FOREIGN = "O"  # the condition whose store holds only other articles' facts (expected NOT_ENOUGH_INFO)
VERIFY_FACTS = REPO / "data" / "verify"
ALL_FACT_FILES = "facts-*.jsonl"
# The first writing (176 claims, session 3); facts-a2/b2 (87 more claims of the same articles) came later.
FIRST_FACT_FILES = "facts-[ab].jsonl"


@dataclass
class Item:
    """One annotated claim with the facts written for it."""
    key: tuple[str, int, int]  # article id, start, end
    annotator: str
    agree: dict
    disagree: dict
    distractor: Optional[dict]
    first_round: bool = True  # written in the first round (facts-a/b.jsonl), not later


@dataclass
class Judgement:
    item: Item
    condition: str
    expected: str
    predicted: str
    confidence: float
    evidence_lang: str  # language of the fact written for the claim
    claim: object  # the judged claims.Claim
    candidates: list  # verify.Candidate, for fitting
    # The article's other claims with their candidates (Verifier.set_aside_rivals), for fitting.
    rivals: list = field(default_factory=list)


def load_items(gold: list[GoldArticle], path: Path = VERIFY_FACTS, files: str = ALL_FACT_FILES) -> list[Item]:
    by_claim: dict[tuple, dict[str, dict]] = defaultdict(dict)
    first_round = {file.name for file in path.glob(FIRST_FACT_FILES)}
    later: set[tuple] = set()
    for file in sorted(path.glob(files)):
        for line in open(file, encoding="utf-8"):
            if line.strip():
                row = json.loads(line)
                key = (row["article_id"], row["claim_start"], row["claim_end"])
                by_claim[key][row["role"]] = row
                if file.name not in first_round:
                    later.add(key)
    annotator = {a.id: a.annotator for a in gold}
    items = []
    for key, roles in sorted(by_claim.items()):
        if "agree" in roles and "disagree" in roles:
            items.append(Item(key, annotator.get(key[0], "?"), roles["agree"], roles["disagree"], roles.get("distractor"),
                              first_round=key not in later))
    return items


def condition_of(index: int, rotation: int) -> str:
    return "SCN"[(index + rotation) % 3]


def _fact(row: dict) -> dict:
    return {k: row.get(k) for k in ("id", "text", "lang", "source", "as_of")}


def store_facts(items: list[Item], rotation: int) -> list[dict]:
    facts = []
    for i, item in enumerate(items):
        condition = condition_of(i, rotation)
        if condition == "S":
            facts.append(_fact(item.agree))
        elif condition == "C":
            facts.append(_fact(item.disagree))
        if item.distractor:
            facts.append(_fact(item.distractor))
    return facts


class CachedEncoder:
    """The encoder with its vectors kept on disk (the cache directory's eval/), so that a rerun of the
    evaluation or the fit encodes only texts it has not seen (113 -> 15 s CPU); vectors are the
    encoder's own. The file is named after the encoder and holds the vectors of a probe text: when the
    encoder gives that text other vectors now (its weights, its conversion or the context code changed),
    the whole file is stale and is not read. (Session 25: on a cache grown over earlier sessions held out read
    0.835, on a fresh machine 0.815 with the same code; noise of 1e-6 on the vectors moved it as far.)"""

    PROBE = "Bytedance hat binnen drei Monaten rund 100 Millionen Nutzer in den USA gewonnen."
    PROBE_SPAN = (34, 52)  # "rund 100 Millionen"
    PROBE_TOLERANCE = 1e-4  # float noise of another batch or CPU stays far below; a changed model does not

    def __init__(self, encoder, path: Path):
        self.encoder, self.path = encoder, path
        self.name, self.dim = encoder.name, encoder.dim
        self._vectors: dict[str, np.ndarray] = {}
        self._probe = self._probe_vectors()
        if path.exists():
            with np.load(path, allow_pickle=False) as data:
                probe = data["probe"] if "probe" in data.files else None
                if probe is not None and probe.shape == self._probe.shape and np.allclose(
                        probe, self._probe, atol=self.PROBE_TOLERANCE, equal_nan=True):
                    self._vectors = dict(zip(data["keys"].tolist(), data["vectors"]))
                else:
                    print(f"{path.name}: written by another encoder or context code; encoding afresh")
        self._used: set[str] = set()
        self._added = False

    def _probe_vectors(self) -> np.ndarray:
        """The probe's passage vector and its figure's context from the query pass (NaN where none)."""
        from claimcheck.models.encoder import encode_with_contexts

        vector, contexts = encode_with_contexts(self.encoder, [self.PROBE], [[self.PROBE_SPAN]])
        context = contexts[0][0] if contexts[0][0] is not None else np.full(self.dim, np.nan, np.float32)
        return np.concatenate([np.asarray(self.encoder.encode_passages([self.PROBE]))[0], vector[0], context]
                              ).astype(np.float32)

    def encode_queries(self, texts):
        return self._encode(texts, "query", self.encoder.encode_queries)

    def encode_passages(self, texts):
        return self._encode(texts, "passage", self.encoder.encode_passages)

    def encode_with_contexts(self, texts, spans, passages: bool = False):
        """As Encoder.encode_with_contexts, each span's context kept under its text, role and span
        (a missing context as a row of NaN)."""
        role = "passage" if passages else "query"
        keys = [f"{role}\t{t}" for t in texts]
        span_keys = [[f"context\t{role}\t{a}:{b}\t{t}" for a, b in text_spans] for t, text_spans in zip(texts, spans)]
        self._used.update(keys)
        self._used.update(k for row in span_keys for k in row)
        todo = [i for i, (k, row) in enumerate(zip(keys, span_keys)) if k not in self._vectors
                or any(sk not in self._vectors for sk in row)]
        if todo:
            vectors, contexts = self.encoder.encode_with_contexts([texts[i] for i in todo], [spans[i] for i in todo],
                                                                  passages=passages)
            for i, vector, row in zip(todo, vectors, contexts):
                self._vectors[keys[i]] = vector
                for key, context in zip(span_keys[i], row):
                    self._vectors[key] = np.full(self.dim, np.nan, np.float32) if context is None else context
            self._added = True
        vectors = np.array([self._vectors[k] for k in keys], dtype=np.float32).reshape(len(keys), self.dim)
        contexts = [[None if np.isnan(self._vectors[k][0]) else self._vectors[k] for k in row] for row in span_keys]
        return vectors, contexts

    def _encode(self, texts, role: str, encode) -> np.ndarray:
        keys = [f"{role}\t{t}" for t in texts]
        self._used.update(keys)
        todo = list(dict.fromkeys(k for k in keys if k not in self._vectors))
        if todo:
            for key, vector in zip(todo, encode([k.split("\t", 1)[1] for k in todo])):
                self._vectors[key] = vector
            self._added = True
        return np.array([self._vectors[k] for k in keys], dtype=np.float32).reshape(len(keys), self.dim)

    def save(self) -> None:
        """Write the vectors this run used (those of texts no longer judged are dropped)."""
        if self._added or len(self._used) < len(self._vectors):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            keys = [k for k in self._vectors if k in self._used]
            tmp = self.path.with_suffix(".tmp.npz")
            np.savez(tmp, keys=np.array(keys), vectors=np.array([self._vectors[k] for k in keys], dtype=np.float32),
                     probe=self._probe)
            tmp.replace(self.path)
            self._added = False


def cached_encoder():
    """The packaged encoder behind a vector cache (claimcheck's cache directory, eval/verify_vectors_*.npz)."""
    import re

    from claimcheck.config import get_settings
    from claimcheck.models import get_encoder

    encoder = get_encoder()
    safe = re.sub(r"[^\w.-]+", "_", encoder.name)
    return CachedEncoder(encoder, get_settings().cache_dir / "eval" / f"verify_vectors_{safe}.npz")


class ArticleCache:
    """Sentences, vectors and claims of each article, computed once for all rotations."""

    def __init__(self, encoder):
        self.encoder = encoder
        self._docs = {}

    def get(self, article: GoldArticle):
        if article.id not in self._docs:
            from claimcheck.pipeline import Document, encode_sentences, find_claims, split_into_sentences
            doc = Document(article.text, dt.date.fromisoformat(article.published) if article.published else None)
            split_into_sentences(doc)
            encode_sentences(doc, self.encoder)
            find_claims(doc)
            self._docs[article.id] = doc
        return self._docs[article.id]


class RotationView:
    """The store of all verification facts, seen with only some of them (one rotation's facts, or the
    other articles' facts).

    Every fact is encoded once instead of once per view; searching deeper and dropping the
    facts outside the view gives the same top-k as a store that holds only those facts
    (`depth`: how many times k to search; an article has up to 42 facts of its own, which the
    foreign view drops, so it searches 8 x 20 deep).
    """

    def __init__(self, store, allowed: set[str], depth: int = 4):
        self.store, self.allowed, self.depth = store, allowed, depth

    def search(self, query, k: int = 10, **filters):
        hits = self.store.search(query, k=k * self.depth, **filters)
        return [h for h in hits if h.fact.id in self.allowed][:k]


def run(gold: list[GoldArticle], items: list[Item], encoder, model=None, rotations=(0, 1, 2)) -> list[Judgement]:
    """Judge every found claim of every item in each condition (S, C, N of each rotation, and O)."""
    import copy

    from claimcheck.store import ReferenceStore
    from claimcheck.verify import ArticleFigures, Verifier

    model = model or features_model()
    articles = {a.id: a for a in gold}
    cache = ArticleCache(encoder)
    figures: dict[str, ArticleFigures] = {}  # an article's claimed figures, asked once per fact for all its items
    judgements = []
    everything = {f["id"]: f for r in rotations for f in store_facts(items, r)}
    with ReferenceStore.in_memory(encoder=encoder) as store:
        store.add(list(everything.values()))
        in_rotation = {rotation: frozenset(f["id"] for f in store_facts(items, rotation)) for rotation in rotations}

        def allowed_for(rotation: Optional[int], article_id: str) -> set[str]:
            """The facts a view holds: one rotation's, or (None, the O condition) every fact but the
            article's own (verification fact ids start with their article id)."""
            if rotation is not None:
                return in_rotation[rotation]
            return {i for i in everything if not i.startswith(article_id + "-")}

        for rotation in [*rotations, None]:
            verifiers: dict[str, Verifier] = {}
            found_for: dict[tuple[str, int], list] = {}  # (article, claim start) -> its candidates in this view

            def candidates_of(article_id: str, doc, claim) -> list:
                key = (article_id, claim.quantity.start)
                if key not in found_for:
                    index = max(k for k, s in enumerate(doc.sentences) if s.start <= claim.sentence_start)
                    if article_id not in figures:
                        figures[article_id] = ArticleFigures([c.quantity for c in doc.claims])
                    if article_id not in verifiers:
                        verifiers[article_id] = Verifier(RotationView(store, allowed_for(rotation, article_id),
                                                                      depth=4 if rotation is not None else 8), model=model)
                    found_for[key] = verifiers[article_id].candidates(copy.deepcopy(claim), doc.sentence_vectors[index],
                                                                      doc.published, figures[article_id],
                                                                      context=doc.figure_contexts.get(claim.quantity.start))
                return found_for[key]

            for i, item in enumerate(items):
                doc = cache.get(articles[item.key[0]])
                found = [c for c in doc.claims if overlaps(c.quantity.start, c.quantity.end, item.key[1], item.key[2])]
                if not found:
                    continue
                claim = copy.deepcopy(found[0])
                candidates = candidates_of(item.key[0], doc, found[0])
                rivals = [(other, candidates_of(item.key[0], doc, other)) for other in doc.claims
                          if other.quantity.start != claim.quantity.start]
                verifiers[item.key[0]].decide(claim, *set_aside_rivals(claim, candidates, rivals, model.rival_margin))
                condition = condition_of(i, rotation) if rotation is not None else FOREIGN
                judgements.append(Judgement(item, condition, CONDITIONS.get(condition, "NOT_ENOUGH_INFO"), claim.verdict,
                                            claim.confidence, item.agree.get("lang") or "de", claim, candidates, rivals))
    return judgements


def set_aside_rivals(claim, candidates: list, rivals: list, margin) -> tuple[list, list]:
    """One claim's candidates as Verifier.judge weighs them beside its article's other claims (`rivals`:
    (claim, candidates) pairs), and the facts it sets aside as theirs."""
    from claimcheck.verify import Verifier

    return Verifier.set_aside_rivals([claim] + [c for c, _ in rivals], [candidates] + [f for _, f in rivals], margin,
                                     which=[0])[0]


def features_model():
    """The shipped model, or, when FEATURES changed since it was fitted, a neutral stand-in (every
    fact related with p=0.5) so that the features can still be computed for refitting it."""
    from claimcheck.verify import FEATURES, VerifierModel, default_model

    model = default_model()
    if len(model.weights) == len(FEATURES):
        return model
    print(f"the shipped verifier model has {len(model.weights)} weights for {len(FEATURES)} features: "
          "judging with a neutral stand-in; refit with `python -m eval.fit_verifier`", file=sys.stderr)
    return VerifierModel([0.0] * len(FEATURES), 0.0, 0.5, 0.5, dict(model.calibration), "stand-in", 1.0)


def dump(judgements: list[Judgement], path: str) -> None:
    """One line per judgement for error analysis: the claim, the fact written for it, what the verifier saw."""
    with open(path, "w", encoding="utf-8") as out:
        for j in judgements:
            own = {"S": j.item.agree, "C": j.item.disagree, "N": j.item.distractor or {}}.get(j.condition, {})
            rank = next((r for r, c in enumerate(j.candidates) if c.fact.id == own.get("id")), None)
            row = {
                "expected": j.expected, "predicted": j.predicted, "confidence": round(j.confidence, 3),
                "claim": j.claim.quantity.text, "kind": j.claim.quantity.kind, "subject": j.claim.subject,
                "sentence": j.claim.sentence[:300], "fact_id": own.get("id"), "fact": own.get("text"),
                "fact_lang": own.get("lang"),
                "own_rank_among_comparable": rank,
                "candidates": [{"id": c.fact.id, "p": round(c.relatedness, 3), "agree": c.comparison.agree,
                                "cmp": f"{c.comparison.claim_text} vs {c.comparison.fact_text}",
                                "features": [round(float(x), 3) for x in c.features]} for c in j.candidates[:4]],
                "reason": j.claim.reason,
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def supported_by_sibling_fact(judgement: Judgement) -> bool:
    """Whether a candidate written for another claim of the same article agrees with this claim (it states
    this claim's figure, "Das RKI meldete am 26. September 2507 Neuinfektionen" for "am Samstag"): where a
    C or N judgement has one, the store does support the claim and the expected verdict is in doubt. The
    main set's writers avoided such facts; the stress set's did not (data/README.md)."""
    article = judgement.item.key[0]
    own = {judgement.item.agree["id"], judgement.item.disagree["id"], (judgement.item.distractor or {}).get("id")}
    return any(c.comparison.agree and c.fact.id.startswith(article + "-") and c.fact.id not in own
               for c in judgement.candidates)


def error_causes(judgements: list[Judgement]) -> Counter:
    """Where the "same measure, other number" vs "other measure" decision went wrong, by what the
    verifier saw: for a missed contradiction, where the changed-figure fact ranked; for a false one,
    which fact it rested on (the distractor, a fact written for another claim of the same article,
    or one of another article; verification fact ids start with their article id)."""
    causes = Counter()
    for j in judgements:
        if j.condition == FOREIGN:
            continue  # counted apart (foreign_false_rate)
        if (j.expected, j.predicted) == ("CONTRADICTED", "NOT_ENOUGH_INFO"):
            rank = next((r for r, c in enumerate(j.candidates) if c.fact.id == j.item.disagree["id"]), None)
            causes["C->N: " + ("fact not retrieved or no comparable figure" if rank is None else
                               "fact ranked first, not called a contradiction by the verdict layer or vetoed" if rank == 0 else
                               "another fact ranked above it")] += 1
        elif (j.expected, j.predicted) == ("NOT_ENOUGH_INFO", "CONTRADICTED"):
            used = j.claim.evidence[0].id if j.claim.evidence else None
            causes["N->C: " + ("the distractor judged about the same measure"
                               if used == (j.item.distractor or {}).get("id") else
                               "a fact written for another claim of the same article"
                               if used and used.startswith(j.item.key[0] + "-") else
                               "a fact of another article")] += 1
    return causes


# --- metrics -------------------------------------------------------------------------

def macro_f1(pairs: list[tuple[str, str]]) -> float:
    scores = []
    for label in VERDICTS:
        tp = sum(1 for e, p in pairs if e == label and p == label)
        fp = sum(1 for e, p in pairs if e != label and p == label)
        fn = sum(1 for e, p in pairs if e == label and p != label)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(scores))


def macro_f1_interval(judgements: list[Judgement], rounds: int = 1000, seed: int = 0) -> tuple[float, float]:
    """95 % bootstrap interval of macro-F1, resampling claims (a claim's three judgements together):
    how far the figure could move on another set of claims like these."""
    index = {v: i for i, v in enumerate(VERDICTS)}
    by_item: dict[tuple, list[int]] = defaultdict(list)  # claim -> its judgements as expected * 3 + predicted
    for j in judgements:
        by_item[j.item.key].append(index[j.expected] * 3 + index[j.predicted])
    if not by_item:
        return 0.0, 0.0
    groups = list(by_item.values())
    rng = np.random.default_rng(seed)
    scores = []
    for _ in range(rounds):
        cells = np.concatenate([groups[i] for i in rng.integers(0, len(groups), len(groups))])
        confusion = np.bincount(cells, minlength=9).reshape(3, 3)
        tp = np.diag(confusion)
        denominator = confusion.sum(axis=0) + confusion.sum(axis=1)  # 2tp + fp + fn
        scores.append(float(np.mean(np.where(tp > 0, 2 * tp / np.maximum(denominator, 1), 0.0))))
    low, high = np.percentile(scores, [2.5, 97.5])
    return float(low), float(high)


def foreign_false_rate(judgements: list[Judgement]) -> Optional[float]:
    """The share of the foreign condition's judgements (a store without the article's facts) called
    SUPPORTED or CONTRADICTED: verdicts resting on another article's facts. None without such judgements."""
    foreign = [j for j in judgements if j.condition == FOREIGN]
    return sum(j.predicted != "NOT_ENOUGH_INFO" for j in foreign) / len(foreign) if foreign else None


def metrics(judgements: list[Judgement]) -> dict:
    """Accuracy, macro-F1, confusion, evidence language and calibration over the S, C and N conditions, and
    the foreign condition's false verdicts apart."""
    foreign = foreign_false_rate(judgements)
    n_foreign = sum(j.condition == FOREIGN for j in judgements)
    judgements = [j for j in judgements if j.condition != FOREIGN]
    pairs = [(j.expected, j.predicted) for j in judgements]
    confusion = {e: {p: sum(1 for x, y in pairs if x == e and y == p) for p in VERDICTS} for e in VERDICTS}
    by_lang = {}
    for lang in ("de", "en"):
        sub = [(j.expected, j.predicted) for j in judgements if j.evidence_lang == lang and j.condition != "N"]
        by_lang[lang] = {"n": len(sub), "accuracy": float(np.mean([e == p for e, p in sub])) if sub else None}
    bins = []
    edges = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001]
    for lo, hi in zip(edges, edges[1:]):
        sub = [j for j in judgements if lo <= j.confidence < hi]
        if sub:
            bins.append({"bin": f"{lo:.1f}-{min(hi, 1):.1f}", "n": len(sub),
                         "mean_confidence": float(np.mean([j.confidence for j in sub])),
                         "accuracy": float(np.mean([j.expected == j.predicted for j in sub]))})
    return {
        "n": len(pairs),
        "accuracy": float(np.mean([e == p for e, p in pairs])) if pairs else 0.0,
        "macro_f1": macro_f1(pairs),
        "macro_f1_interval": macro_f1_interval(judgements),
        "confusion": confusion,
        "evidence_language": by_lang,
        "calibration": bins,
        "foreign": {"n": n_foreign, "false_verdict_rate": foreign},
    }


def print_metrics(name: str, m: dict, out=sys.stdout) -> None:
    low, high = m["macro_f1_interval"]
    print(f"\n## {name}: n={m['n']}  accuracy={m['accuracy']:.3f}  macro-F1={m['macro_f1']:.3f} "
          f"(95 % bootstrap interval over claims {low:.3f}-{high:.3f})", file=out)
    print("expected \\ predicted  " + "  ".join(f"{v[:12]:>12}" for v in VERDICTS), file=out)
    for e in VERDICTS:
        print(f"{e:<20} " + "  ".join(f"{m['confusion'][e][p]:>12}" for p in VERDICTS), file=out)
    for lang, v in m["evidence_language"].items():
        acc = "-" if v["accuracy"] is None else f"{v['accuracy']:.3f}"
        print(f"evidence written in {lang}: n={v['n']} accuracy (S+C conditions)={acc}", file=out)
    print("calibration: " + "; ".join(f"{b['bin']}: n={b['n']} conf={b['mean_confidence']:.2f} acc={b['accuracy']:.2f}"
                                      for b in m["calibration"]), file=out)
    if m["foreign"]["n"]:
        print(f"store without the article's facts (O): n={m['foreign']['n']} judged SUPPORTED or CONTRADICTED on "
              f"another article's facts: {m['foreign']['false_verdict_rate']:.3f}", file=out)


def judge_corpus(corpus: str | Path = DEFAULT_CORPUS, model=None, files: str = ALL_FACT_FILES
                 ) -> tuple[list[Item], list[Judgement]]:
    """The verification set's items (from the fact files matching `files`) and every judgement of them,
    with the packaged encoder."""
    gold = load_gold(corpus)
    items = load_items(gold, files=files)
    encoder = cached_encoder()
    judgements = run(gold, items, encoder, model=model)
    encoder.save()
    foreign = sum(j.condition == FOREIGN for j in judgements)
    print(f"items (annotated claims with written facts): {len(items)}; judgements on claims that extraction "
          f"found: {len(judgements) - foreign}, and {foreign} against a store without their article's facts")
    return items, judgements


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--dump", help="write one line per judgement (JSONL) for error analysis")
    parser.add_argument("--first-facts", action="store_true",
                        help="only the first fact files (facts-a/b.jsonl, 176 claims), as measured before facts-a2/b2")
    args = parser.parse_args(argv)
    _, judgements = judge_corpus(args.corpus, files=FIRST_FACT_FILES if args.first_facts else ALL_FACT_FILES)
    print_metrics("verify", metrics(judgements))
    for name, first in (("first round of facts (facts-a/b)", True), ("second round (facts-a2/b2)", False)):
        part = [j for j in judgements if j.item.first_round is first]
        if part and len(part) < len(judgements):
            m = metrics(part)
            print(f"claims of the {name}: n={m['n']} macro-F1={m['macro_f1']:.3f} "
                  "(95 % interval {:.3f}-{:.3f})".format(*m["macro_f1_interval"]))
    print("contradiction errors by cause: " + "; ".join(f"{k}: {v}" for k, v in sorted(error_causes(judgements).items())))
    if args.dump:
        dump(judgements, args.dump)
    return 0


if __name__ == "__main__":
    sys.exit(main())
