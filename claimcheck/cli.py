"""The `claimcheck` command: a thin shell over the library API.

Exit codes: 0 on success, 2 on bad usage or bad input (one line on stderr).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Optional, Sequence

from .textio import InputError, decode_bytes, read_article, validate_text
from .types import KINDS
from .ui_text import format_value, subject_text, ui_strings


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    # argparse exits with its own multi-line usage text; we want one line and exit code 2.
    def error(self, message: str):
        raise UsageError(f"{self.prog}: {message}")


def _read_input(path: str) -> str:
    if path == "-":
        return validate_text(decode_bytes(sys.stdin.buffer.read(), name="stdin"))
    return read_article(path)


def _subject(claim: dict) -> str:
    return subject_text(claim, ui_strings("en"))  # the command line speaks English


def _print_report(report: dict) -> None:
    print(f"Published: {report['published'] or 'unknown'}")
    for warning in report.get("warnings", []):
        print(f"Warning: {warning}")
    print(f"\nSummary:\n{report['summary']}\n")
    print(f"Claims ({len(report['claims'])}):")
    for c in report["claims"]:
        print(f"  {c['id']:>4} [{c['verdict']} {c['confidence']:.2f}] {c['text']!r} = {format_value(c, 'en')}"
              f"  subject: {_subject(c)}")
        if c["reason"]:
            print(f"       {c['reason']}")


def _cmd_check(args) -> int:
    from .pipeline import check

    store = None
    if args.store:
        from .store import ReferenceStore, existing_store

        store = ReferenceStore.open(existing_store(args.store))
    try:
        report = check(_read_input(args.file), store=store, facts=args.facts, published=args.published,
                       max_summary_sentences=args.sentences, min_confidence=args.min_confidence).to_dict()
    finally:
        if store is not None:
            store.close()
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print_report(report)
    return 0


def _cmd_claims(args) -> int:
    from .pipeline import extract_claims

    claims = [c.to_dict() for c in extract_claims(_read_input(args.file), published=args.published)]
    if args.json:
        print(json.dumps(claims, ensure_ascii=False, indent=2))
    else:
        for c in claims:
            print(f"{c['id']:>4} {c['kind']:<8} {c['text']!r} = {format_value(c, 'en')}  subject: {_subject(c)}")
    return 0


def _cmd_summarize(args) -> int:
    from .pipeline import summarize

    notes: list[str] = []
    print(summarize(_read_input(args.file), max_sentences=args.sentences, backend=args.backend, model=args.model,
                    notes=notes))
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    return 0


def _cmd_store(args) -> int:
    from .store import ReferenceStore, existing_store

    path = args.store if args.store_command == "add" else existing_store(args.store)
    with ReferenceStore.open(path) as store:
        if args.store_command == "add":
            for path in args.files:
                result = store.add_file(path)
                print(f"{path}: {result}")
        elif args.store_command == "search":
            hits = store.search(args.query, k=args.k, kind=args.kind, subject=args.subject,
                                date_from=args.date_from, date_to=args.date_to)
            for hit in hits:
                print(f"{hit.score:.3f}  {hit.fact.id}: {hit.fact.text}")
            if not hits:
                print("no fact matches", file=sys.stderr)
        elif args.store_command == "stats":
            print(json.dumps(store.stats(), ensure_ascii=False, indent=2, default=str))
    return 0


def _as_of_arg(text: str) -> str:
    from .facts_io import normalise_as_of

    try:
        return normalise_as_of(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _cmd_serve(args) -> int:
    from .web import launch

    launch(host=args.host, port=args.port, store=args.store)
    return 0


def _cmd_batch(args) -> int:
    from .batch import run_batch

    try:
        run_batch(args.input, args.output, store=args.store, facts=args.facts, workers=args.workers,
                  text_column=args.text_column, id_column=args.id_column,
                  published_column=args.published_column, chunk_size=args.chunk_size,
                  min_confidence=args.min_confidence)
    except RuntimeError as exc:  # the whole first chunk failed: a broken install, not bad rows
        raise InputError(str(exc)) from None
    return 0  # run_batch printed the summary line


def _cmd_eval(args) -> int:
    # The evaluation suite lives in the repository's eval/ package, next to the data it reads.
    repo = Path(__file__).resolve().parent.parent
    if not (repo / "eval" / "__main__.py").is_file():
        raise InputError("the evaluation suite (eval/) is not next to this installation: run it from a checkout.")
    sys.path.insert(0, str(repo))
    from eval.__main__ import main as eval_main

    return eval_main(args.eval_args)


MIN_CONFIDENCE_HELP = "withhold SUPPORTED/CONTRADICTED verdicts below this confidence (default: the fitted floor; 0: none)"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="claimcheck", description="Check the figures of German news articles against trusted facts.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("check", help="summary, claims and verdicts of an article")
    p.add_argument("file", help="article file (.txt, .md, .html) or - for standard input")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--facts", help="reference facts (JSONL, CSV or Parquet) for this run only")
    src.add_argument("--store", help="a reference store directory (see `claimcheck store`)")
    p.add_argument("--published", help="publication date YYYY-MM-DD (resolves deadlines)")
    p.add_argument("--sentences", type=int, default=3, help="summary length in sentences")
    p.add_argument("--min-confidence", type=float, default=None, help=MIN_CONFIDENCE_HELP)
    p.add_argument("--json", action="store_true", help="print the report JSON")
    p.set_defaults(run=_cmd_check)

    p = sub.add_parser("claims", help="the checkable claims of an article")
    p.add_argument("file")
    p.add_argument("--published")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_cmd_claims)

    p = sub.add_parser("summarize", help="a short summary of an article")
    p.add_argument("file")
    p.add_argument("--sentences", type=int, default=3)
    p.add_argument("--backend", choices=["extractive", "abstractive"], default="extractive")
    p.add_argument("--model", help="summarisation model id or path (abstractive backend)")
    p.set_defaults(run=_cmd_summarize)

    p = sub.add_parser("store", help="manage a reference store")
    store_sub = p.add_subparsers(dest="store_command", required=True, parser_class=_Parser)
    s = store_sub.add_parser("add", help="add facts from files (JSONL, CSV, Parquet)")
    s.add_argument("files", nargs="+")
    s.add_argument("--store", required=True)
    s = store_sub.add_parser("search", help="search facts")
    s.add_argument("query")
    s.add_argument("--store", required=True)
    s.add_argument("-k", type=int, default=5)
    s.add_argument("--kind", action="append", choices=KINDS,
                   help="only facts with a figure of this kind (repeat for several)")
    s.add_argument("--subject", help="only facts about this subject (case-insensitive, exact)")
    s.add_argument("--from", dest="date_from", metavar="DATE", type=_as_of_arg,
                   help="only facts whose as_of reaches this date or later (YYYY, YYYY-MM or YYYY-MM-DD)")
    s.add_argument("--to", dest="date_to", metavar="DATE", type=_as_of_arg,
                   help="only facts whose as_of starts on or before this date")
    s = store_sub.add_parser("stats", help="what the store holds")
    s.add_argument("--store", required=True)
    p.set_defaults(run=_cmd_store)

    p = sub.add_parser("batch", help="check a corpus (JSONL, CSV, Parquet) into one report per article")
    p.add_argument("input")
    p.add_argument("output")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--store")
    src.add_argument("--facts")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: by corpus size and cores)")
    p.add_argument("--text-column", default="text")
    p.add_argument("--id-column", default="id")
    p.add_argument("--published-column", default=None, help="column with YYYY-MM-DD publication dates")
    p.add_argument("--chunk-size", type=int, default=8, help="articles encoded together")
    p.add_argument("--min-confidence", type=float, default=None, help=MIN_CONFIDENCE_HELP)
    p.set_defaults(run=_cmd_batch)

    p = sub.add_parser("eval", help="the evaluation suite: quantities, claims, verify, summaries, all")
    p.add_argument("eval_args", nargs=argparse.REMAINDER, help="TASK [--out DIR] ... (see python -m eval -h)")
    p.set_defaults(run=_cmd_eval)

    p = sub.add_parser("serve", help="the web page (Gradio)")
    p.add_argument("--host", default="127.0.0.1", help="interface to bind (default: this machine only)")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--store", help="default reference store directory")
    p.set_defaults(run=_cmd_serve)
    return parser


# Commands whose whole result is on stdout when they return: nothing is left to clean up.
_QUICK_EXIT_COMMANDS = ("check", "claims", "summarize")


def _exit_now(code: int) -> None:
    """End the process without tearing the interpreter down.

    Unloading torch, transformers and their thousands of modules at exit took about
    2 s of CPU (4 s of wall time on a busy machine) after the report was printed.
    """
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line `argv` (default: sys.argv[1:]) and return its exit code.

    Run as the program (no `argv`), a check, claims or summarize command ends the
    process as soon as its output is flushed (see _exit_now); with `argv` given
    (tests, other Python code) it returns.
    """
    try:
        args = build_parser().parse_args(argv)
        code = args.run(args)
        if argv is None and args.command in _QUICK_EXIT_COMMANDS:
            _exit_now(code)
        return code
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except (InputError, ValueError, FileNotFoundError) as exc:
        message = " ".join(str(exc).split())
        print(f"claimcheck: {message}", file=sys.stderr)
        return 2
    except OSError as exc:  # a file that cannot be read or written: "permission denied", "is a directory"
        print(f"claimcheck: {exc.filename or ''}: {(exc.strerror or str(exc)).lower()}.", file=sys.stderr)
        return 2
    except RuntimeError as exc:
        from .store import is_store_failure

        if not is_store_failure(exc):
            raise
        print(f"claimcheck: the reference store cannot be read or written ({' '.join(str(exc).split())[:300]}).",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
