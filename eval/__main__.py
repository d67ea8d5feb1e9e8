"""The evaluation suite: one command per task, each beside its baseline, each with a report folder.

    python -m eval quantities|claims|verify|summaries|all [--out DIR] [--corpus PATH] [--summaries PATH]

Each task prints its table and writes DIR/<task>/ (default reports/<task>/):
metrics.json (figures + versions, encoder, data paths, seed, timestamp),
summary.md (the tables) and PNG plots. The measuring code lives in the task
scripts (eval/eval_quantities.py, eval_claims.py, eval_verify.py,
fit_verifier.py, eval_summaries.py), which stay runnable on their own; this
module runs them on the same rows as their baselines (eval/baselines.py) and
writes the reports (eval/report.py).

- quantities: every annotated figure (checkable or not) against read_quantities
  and the regex baseline; a match is overlap + same kind, one-to-one.
- claims: the annotated checkable figures against extract_claims as check() runs
  it (sentence vectors + check-worthiness scorer; --no-scorer for rules only).
- verify: the rotation set of eval_verify (S/C/N conditions) judged by the
  shipped verifier, by the verifier fitted on the other annotator's articles,
  and by the similarity-only baseline (threshold fitted the same two ways).
- summaries: ROUGE-1/2/L of the extractive summariser, LEAD-k and random-k.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Callable, Optional

from eval.annotations import DEFAULT_CORPUS, REPO, load_gold
from eval.report import (markdown_table, plot_calibration, plot_confusions, plot_precision_recall, plot_rouge,
                         run_footer, run_info, seed_everything, text_table, write_report)

HELDOUT_CLAIMS = REPO / "data" / "annotations" / "heldout"  # claims*/: full gold of unseen articles

TASKS = ("quantities", "claims", "verify", "summaries")
DEFAULT_SUMMARIES = REPO.parent / "shared" / "data" / "summ_de_dev.jsonl"
ALL_KINDS = ("count", "money", "percent", "date", "duration", "quantity")
CORE = ("count", "money", "percent", "date", "duration")


def _encoder_name(encoder) -> Optional[str]:
    return getattr(encoder, "name", None)


def _published(article) -> Optional[dt.date]:
    return dt.date.fromisoformat(article.published) if article.published else None


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "tp": tp, "predicted": n_pred, "gold": n_gold}


class KindTally:
    """Predicted, gold and matched figures per kind, for one system."""

    def __init__(self) -> None:
        self.pred, self.gold, self.hit = Counter(), Counter(), Counter()

    def add(self, pred: list[tuple[int, int, str]], gold: list, pairs: list[tuple[int, int]]) -> None:
        self.pred.update(k for _, _, k in pred)
        self.gold.update(g.kind for g in gold)
        self.hit.update(gold[j].kind for _, j in pairs)

    def scores(self, kinds) -> dict:
        return _prf(sum(self.hit[k] for k in kinds), sum(self.pred[k] for k in kinds), sum(self.gold[k] for k in kinds))


def _kind_rows(systems: dict[str, KindTally], kinds, total_name: str, total_kinds) -> tuple[dict, list[list]]:
    """Per-kind scores of every system, and the table rows (kind, then P/R/F1 per system)."""
    per_kind: dict[str, dict[str, dict]] = {}
    rows = []
    for kind, members in [(k, (k,)) for k in kinds] + [(total_name, total_kinds)]:
        per_kind[kind] = {name: tally.scores(members) for name, tally in systems.items()}
        first = per_kind[kind][next(iter(systems))]
        row = [kind, first["gold"]]
        for name in systems:
            s = per_kind[kind][name]
            row += [s["precision"], s["recall"], s["f1"]]
        rows.append(row)
    return per_kind, rows


def _kind_headers(systems) -> list[str]:
    headers = ["kind", "gold"]
    for name in systems:
        headers += [f"{name} P", f"{name} R", f"{name} F1"]
    return headers


def _figure_tallies(articles, gold_of: Callable, find: Callable) -> tuple[dict[str, KindTally], list[tuple]]:
    """Tallies of claimcheck (`find(article)`: quantities or claims) and of the regex baseline
    against `gold_of(article)`, and the matched (found item, gold figure) pairs."""
    from eval.eval_claims import match, regex_figures

    systems = {"claimcheck": KindTally(), "regex": KindTally()}
    matched = []
    for article in articles:
        gold = gold_of(article)
        found = find(article)
        quantities = [getattr(item, "quantity", item) for item in found]
        pred = [(q.start, q.end, q.kind) for q in quantities]
        pairs = match(pred, gold)
        systems["claimcheck"].add(pred, gold, pairs)
        base = regex_figures(article.text)
        systems["regex"].add(base, gold, match(base, gold))
        matched += [(found[i], gold[j]) for i, j in pairs]
    return systems, matched


def _kind_report(m: dict, out: Path, title: str, intro: str) -> str:
    headers, rows = m.pop("_table")
    plot_precision_recall(m["per_kind"], out / "precision_recall.png", title)
    return intro + "\n\n" + markdown_table(headers, rows)


# --- quantities --------------------------------------------------------------------------

def evaluate_quantities(corpus: Path) -> dict:
    from claimcheck.quantities import read_quantities
    from eval.eval_quantities import value_right

    articles = load_gold(corpus)
    systems, matched = _figure_tallies(
        articles, lambda a: a.figures, lambda a: read_quantities(a.text, published=_published(a)))
    right = sum(value_right(q, asdict(g)) for q, g in matched)
    exact = sum((q.start, q.end) == (g.start, g.end) for q, g in matched)
    per_kind, rows = _kind_rows(systems, ALL_KINDS, "all", ALL_KINDS)
    return {
        "articles": len(articles),
        "gold_figures": sum(len(a.figures) for a in articles),
        "per_kind": per_kind,
        "value_accuracy": right / len(matched) if matched else 0.0,
        "exact_span_share": exact / len(matched) if matched else 0.0,
        "matched": len(matched),
        "_table": (_kind_headers(systems), rows),
    }


def report_quantities(m: dict, out: Path) -> str:
    intro = (f"articles {m['articles']}, gold figures {m['gold_figures']} (all, checkable or not); "
             f"match = overlap + same kind")
    return (_kind_report(m, out, "figures by kind: claimcheck vs regex baseline", intro)
            + f"\n\nvalue accuracy on matched figures: {m['value_accuracy']:.3f} ({m['matched']} matched); "
              f"exact spans among matched: {m['exact_span_share']:.3f}")


# --- claims ----------------------------------------------------------------------------------

def evaluate_claims(corpus: Path, use_scorer: bool = True) -> dict:
    from claimcheck.claims import extract_claims
    from claimcheck.sentences import split_sentences
    from eval.eval_claims import subject_right
    from eval.eval_quantities import value_right

    encoder = None
    if use_scorer:
        from claimcheck.models import get_encoder

        encoder = get_encoder()

    def claims_of(article):
        sentences = split_sentences(article.text)
        vectors = encoder.encode_queries([s.text for s in sentences]) if encoder else None
        return extract_claims(article.text, published=_published(article), sentences=sentences,
                              sentence_vectors=vectors, scorer=None if use_scorer else False)

    def measure(articles) -> dict:
        systems, matched = _figure_tallies(articles, lambda a: [g for g in a.figures if g.checkable], claims_of)
        values = sum(value_right(c.quantity, asdict(g)) for c, g in matched)
        with_subject = [(c, g) for c, g in matched if g.subject]
        subjects = sum(subject_right(c.subject, g.subject) for c, g in with_subject)
        per_kind, rows = _kind_rows(systems, ALL_KINDS, "core5", CORE)
        return {
            "articles": len(articles),
            "gold_checkable": sum(1 for a in articles for g in a.figures if g.checkable),
            "per_kind": per_kind,
            "value_accuracy": values / len(matched) if matched else 0.0,
            "subject_accuracy": subjects / len(with_subject) if with_subject else 0.0,
            "matched": len(matched),
            "subjects_judged": len(with_subject),
            "_table": (_kind_headers(systems), rows),
        }

    result = measure(load_gold(corpus))
    # The same measures on the full gold of articles no rule was written from (data/annotations/heldout/claims*).
    result["heldout"] = {}
    for folder in sorted(HELDOUT_CLAIMS.glob("claims*")):
        held = measure(load_gold(corpus, folder))
        result["heldout"][folder.name] = {"core5": held["per_kind"]["core5"]["claimcheck"],
                                          **{k: v for k, v in held.items() if k not in ("per_kind", "_table")}}
    return {**result, "scorer": use_scorer, "encoder": _encoder_name(encoder)}


def report_claims(m: dict, out: Path) -> str:
    intro = (f"articles {m['articles']}, gold checkable figures {m['gold_checkable']}, check-worthiness scorer "
             f"{'on' if m['scorer'] else 'off'}; core5 = count+money+percent+date+duration (target F1 >= 0.90)")
    return (_kind_report(m, out, "claims by kind: claimcheck vs regex baseline", intro)
            + f"\n\nvalue accuracy on matched claims: {m['value_accuracy']:.3f} ({m['matched']}; target >= 0.97)  \n"
              f"subject accuracy: {m['subject_accuracy']:.3f} ({m['subjects_judged']} with a gold subject; "
              f"target >= 0.85)"
            + "".join(f"  \nheld out, {name} ({h['articles']} unseen articles, {h['gold_checkable']} checkable figures): "
                      f"core5 P {h['core5']['precision']:.3f} R {h['core5']['recall']:.3f} F1 {h['core5']['f1']:.3f}, "
                      f"value accuracy {h['value_accuracy']:.3f}, subject accuracy {h['subject_accuracy']:.3f}"
                      for name, h in m["heldout"].items()))


# --- verify --------------------------------------------------------------------------------

def evaluate_verify(corpus: Path) -> dict:
    from claimcheck.models import get_encoder
    from eval.baselines import fit_similarity_threshold, held_out_similarity, similarity_judgements
    from eval.eval_verify import load_items, metrics, run
    from eval.fit_verifier import held_out

    encoder = get_encoder()
    gold = load_gold(corpus)
    items = load_items(gold)
    judgements = run(gold, items, encoder)
    systems = {"claimcheck (shipped model)": metrics(judgements)}
    systems["claimcheck (fit on other annotator)"] = metrics(held_out(judgements))
    baseline, thresholds = held_out_similarity(judgements)
    systems["similarity only (fit on other annotator)"] = metrics(baseline)
    t_all = fit_similarity_threshold(judgements)
    systems["similarity only (fit on all)"] = metrics(similarity_judgements(judgements, t_all))
    return {
        "items": len(items),
        "judgements": len(judgements),
        "encoder": _encoder_name(encoder),
        "systems": systems,
        "similarity_thresholds": {"held_out": thresholds, "all": t_all},
    }


def report_verify(m: dict, out: Path) -> str:
    from eval.eval_verify import VERDICTS

    systems = m["systems"]
    rows = [[name, s["n"], s["accuracy"], s["macro_f1"], "{:.3f}-{:.3f}".format(*s["macro_f1_interval"])]
            + [s["evidence_language"][lang]["accuracy"] for lang in ("de", "en")] + [s["foreign"]["false_verdict_rate"]]
            for name, s in systems.items()]
    headers = ["system", "n", "accuracy", "macro-F1", "95 % interval (claims resampled)", "acc. S+C, de facts",
               "acc. S+C, en facts", "S or C on other articles' facts (store without the article's)"]
    plot_confusions({name.replace(" (", "\n("): s["confusion"] for name, s in systems.items()}, VERDICTS,
                    out / "confusion.png")
    plot_calibration({name: s["calibration"] for name, s in systems.items() if name.startswith("claimcheck")},
                     out / "calibration.png")
    confusion = systems["claimcheck (shipped model)"]["confusion"]
    conf_rows = [[e] + [confusion[e][p] for p in VERDICTS] for e in VERDICTS]
    return (f"{m['items']} annotated claims with written facts; {m['judgements']} judgements "
            f"(claims extraction found x 3 conditions, and once against a store without their article's facts)\n\n"
            + markdown_table(headers, rows)
            + "\n\nshipped model, expected (rows) x predicted (columns):\n\n"
            + markdown_table(["expected"] + list(VERDICTS), conf_rows)
            + f"\n\nsimilarity thresholds: {m['similarity_thresholds']}")


# --- summaries ------------------------------------------------------------------------------

def evaluate_summaries(path: Path) -> dict:
    import re

    from claimcheck.config import get_settings
    from claimcheck.models import get_encoder
    from claimcheck.summarize.extractive import DEFAULT_WEIGHTS
    from eval.eval_summaries import lead, load_rows, mean_rouge, ours, random_sentences

    encoder = get_encoder()
    safe_name = re.sub(r"[^\w.-]+", "_", encoder.name)
    cache = get_settings().cache_dir / "eval" / f"summ_vectors_{safe_name}.npz"  # shared with eval_summaries.py
    rows = load_rows(path, encoder, cache)
    groups = {"news": [r for r in rows if r.news], "klexikon": [r for r in rows if not r.news]}
    table = []
    for group, members in groups.items():
        for k in (1, 3):
            for name, system in ((f"claimcheck-{k}", ours(DEFAULT_WEIGHTS)), (f"LEAD-{k}", lead),
                                 (f"random-{k}", random_sentences)):
                r1, r2, rl = (float(x) for x in mean_rouge(members, system, k) * 100)
                table.append({"group": group, "n": len(members), "system": name, "r1": r1, "r2": r2, "rl": rl})
    return {"rows": len(rows), "encoder": encoder.name, "weights": asdict(DEFAULT_WEIGHTS), "rouge": table}


def report_summaries(m: dict, out: Path) -> str:
    plot_rouge(m["rouge"], out / "rouge.png")
    rows = [[r["group"], r["n"], r["system"], f"{r['r1']:.2f}", f"{r['r2']:.2f}", f"{r['rl']:.2f}"]
            for r in m["rouge"]]
    return ("ROUGE F1 x 100 (German tokens, no stemmer); news: reference = sub-headline, klexikon: "
            "children's encyclopedia article\n\n"
            + markdown_table(["rows", "n", "system", "R-1", "R-2", "R-L"], rows))


# --- running ----------------------------------------------------------------------------------

def run_task(task: str, args) -> None:
    seed_everything()
    corpus = Path(args.corpus)
    data = {"corpus": str(corpus), "annotations": str(REPO / "data" / "annotations")}
    runners: dict[str, tuple[Callable[[], dict], Callable[[dict, Path], str]]] = {
        "quantities": (lambda: evaluate_quantities(corpus), report_quantities),
        "claims": (lambda: evaluate_claims(corpus, use_scorer=not args.no_scorer), report_claims),
        "verify": (lambda: evaluate_verify(corpus), report_verify),
        "summaries": (lambda: evaluate_summaries(Path(args.summaries)), report_summaries),
    }
    if task == "verify":
        data["verify_facts"] = str(REPO / "data" / "verify")
    if task == "summaries":
        data = {"summaries": str(args.summaries)}
    evaluate, describe = runners[task]
    metrics = evaluate()
    out = Path(args.out) / task
    out.mkdir(parents=True, exist_ok=True)
    summary = describe(metrics, out)
    info = run_info(task, encoder=metrics.get("encoder"), data=data,
                    options={"no_scorer": args.no_scorer} if task == "claims" else {})
    metrics["run"] = info
    write_report(out, metrics, f"# {task}\n\n" + summary + run_footer(info))
    print(f"\n=== {task} ===")
    print(_markdown_to_text(summary))
    print(f"report: {out}/ ({', '.join(sorted(p.name for p in out.iterdir()))})")


def _markdown_to_text(md: str) -> str:
    """The summary for a terminal: tables aligned, Markdown rules dropped."""
    out, block = [], []

    def flush() -> None:
        if block:
            cells = [[c.strip() for c in line.strip("|").split("|")] for line in block if not line.startswith("|---")]
            out.append(text_table(cells[0], cells[1:]))
            block.clear()

    for line in md.splitlines():
        if line.startswith("|"):
            block.append(line)
        else:
            flush()
            out.append(line.rstrip(" "))
    flush()
    return "\n".join(out)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("task", choices=TASKS + ("all",))
    parser.add_argument("--out", default=str(REPO / "reports"), help="report folders go to OUT/<task>/")
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="the articles the annotations index")
    parser.add_argument("--summaries", default=str(DEFAULT_SUMMARIES), help="article/summary pairs (JSONL)")
    parser.add_argument("--no-scorer", action="store_true", help="claims: rules only, no check-worthiness scorer")
    args = parser.parse_args(argv)
    for task in TASKS if args.task == "all" else (args.task,):
        run_task(task, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
