"""The web page (Gradio): a thin shell over `claimcheck.pipeline.check`.

Everything here is presentation: reading the inputs, choosing the reference
facts, and showing the report (summary, the article with each claim marked in
place, a sortable table, JSON/CSV downloads). Claims and verdicts come from the
library alone. The page's words live in claimcheck/lang/ui.toml (German, English).

Privacy and safety: binds 127.0.0.1 unless told otherwise, Gradio analytics off,
no share link, nothing fetched from the internet; facts uploaded by a user go
into a throwaway in-memory store for that one request and are never shared.

The API endpoint `/check` takes (text, published, facts_file, article_file,
source, store_dir, language) and returns, among its outputs, the report dict.
"""
from __future__ import annotations

import os

# Before gradio is imported: it reads this at import time.
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import csv
import html
import json
import logging
import shutil
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import gradio as gr

from .facts_io import FactFileError
from .pipeline import check, parse_published
from .textio import MAX_CHARS, InputError, decode_bytes, html_to_text, language_warning, looks_like_html, readable
from .ui_text import LANGUAGES, format_number, format_value, subject_text, ui_strings

if TYPE_CHECKING:
    import pandas as pd  # noqa: F401

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLES_DIR = REPO_ROOT / "data" / "samples"
SAMPLE_FACTS = SAMPLES_DIR / "tiktok-facts.jsonl"
SAMPLE_ARTICLES = (  # (file, publication date, ui.toml key of its label)
    (SAMPLES_DIR / "tiktok-ultimatum.txt", "2020-08-17", "example_original"),
    (SAMPLES_DIR / "tiktok-ultimatum-doctored.txt", "2020-08-17", "example_doctored"),
)
SOURCES = ("sample", "directory", "upload")
# An uploaded facts file is held in memory and encoded for the one request (about 30 facts a second on 2
# cores): more than this would hold the page, whose requests queue, for minutes. A store takes any number.
MAX_PAGE_FACTS = 1000
VERDICT_STYLE = {  # background, border: green / red / grey, readable on white
    "SUPPORTED": ("#d3f9d8", "#2b8a3e"),
    "CONTRADICTED": ("#ffe3e3", "#c92a2a"),
    "NOT_ENOUGH_INFO": ("#e9ecef", "#868e96"),
}
VERDICT_ICON = {"SUPPORTED": "✓", "CONTRADICTED": "✗", "NOT_ENOUGH_INFO": "?"}
COLUMNS = ("figure", "value", "subject", "verdict", "confidence", "evidence", "reason")
CSV_FIELDS = (
    "id", "text", "start", "end", "kind", "value", "low", "high", "unit", "date", "hedge",
    "subject", "subject_in_sentence", "verdict", "confidence", "evidence_ids", "evidence_text", "reason", "sentence",
)

CSS = """
.cc-article { white-space: pre-wrap; line-height: 1.75; font-size: 1.02rem; padding: 14px 18px;
  border: 1px solid var(--border-color-primary); border-radius: 8px; background: var(--background-fill-primary); }
.cc-mark { padding: 1px 3px; border-radius: 3px; color: #1a1a1a; }
.cc-icon { font-size: 0.8em; font-weight: 700; margin-left: 2px; }
.cc-legend { display: flex; gap: 14px; flex-wrap: wrap; align-items: center; margin: 6px 0 10px; }
.cc-status { min-height: 1.5em; }
#cc-table { --font-mono: var(--font); }  /* the table reads as prose, not code */
"""


# --- the page's words ---------------------------------------------------------

def _lang(value: Optional[str]) -> str:
    return value if value in LANGUAGES else "de"


# --- showing a report -----------------------------------------------------------

def _evidence_text(claim: dict, lang: str) -> str:
    evidence = claim.get("evidence") or []
    if not evidence:
        return ui_strings(lang)["no_evidence"]
    top = evidence[0]
    source = f"; {top['source']}" if top.get("source") else ""
    return f"{top['text']} [{top['id']}{source}]"


def claim_rows(report: dict, lang: str) -> list[list[Any]]:
    """One table row per claim, in the order of COLUMNS."""
    words = ui_strings(lang)
    return [
        [
            c["text"],
            format_value(c, lang),
            subject_text(c, words),
            words["verdicts"].get(c["verdict"], c["verdict"]),
            round(float(c.get("confidence") or 0.0), 2),
            _evidence_text(c, lang),
            c.get("reason") or "",
        ]
        for c in report.get("claims", [])
    ]


def legend_html(lang: str) -> str:
    words = ui_strings(lang)
    items = "".join(
        f'<span>{_mark(words["verdicts"][v], v, title=v)}</span>' for v in VERDICT_STYLE
    )
    return f'<div class="cc-legend"><strong>{html.escape(words["legend_heading"])}</strong>{items}</div>'


def _mark(inner_text: str, verdict: str, *, title: str, claim_id: str = "") -> str:
    background, border = VERDICT_STYLE.get(verdict, VERDICT_STYLE["NOT_ENOUGH_INFO"])
    # Styles inline so that the marks keep their colours in any page or export.
    style = f"background:{background};border-bottom:2px solid {border};padding:1px 3px;border-radius:3px;color:#1a1a1a"
    icon = VERDICT_ICON.get(verdict, "?")  # the icon tells verdicts apart without colour
    claim_attr = f' data-claim-id="{html.escape(claim_id)}"' if claim_id else ""
    return (
        f'<mark class="cc-mark" data-verdict="{html.escape(verdict)}"{claim_attr} '
        f'title="{html.escape(title)}" style="{style}">{html.escape(inner_text)}'
        f'<span class="cc-icon" aria-hidden="true" style="color:{border}">{icon}</span></mark>'
    )


def highlight_html(text: str, report: dict, lang: str) -> str:
    """The article, HTML-escaped, with each claim's figure wrapped in a <mark> coloured by verdict."""
    words = ui_strings(lang)
    claims = sorted(report.get("claims", []), key=lambda c: (c["start"], -(c["end"] - c["start"])))
    parts: list[str] = []
    position = 0
    for c in claims:
        start, end = int(c["start"]), int(c["end"])
        if start < position or not 0 <= start < end <= len(text):
            continue  # overlaps a figure already marked (it stays in the table)
        verdict_name = words["verdicts"].get(c["verdict"], c["verdict"])
        title = f"{verdict_name} ({float(c.get('confidence') or 0):.2f})"
        if c.get("reason"):
            title += f": {c['reason']}"
        parts.append(html.escape(text[position:start]))
        parts.append(_mark(text[start:end], c["verdict"], title=title, claim_id=str(c.get("id", ""))))
        position = end
    parts.append(html.escape(text[position:]))
    body = "".join(parts) if claims else html.escape(text) + "\n\n" + html.escape(words["no_claims_article"])
    return f'<div class="cc-article" lang="de">{body}</div>'


def status_text(report: dict, seconds: float, lang: str) -> str:
    words = ui_strings(lang)
    verdicts = [c["verdict"] for c in report.get("claims", [])]
    shown = format_number(round(seconds, 1), lang)
    if not verdicts:
        return words["status_no_claims"].format(seconds=shown)
    return words["status_done"].format(
        seconds=shown,
        total=len(verdicts),
        supported=verdicts.count("SUPPORTED"),
        contradicted=verdicts.count("CONTRADICTED"),
        nei=verdicts.count("NOT_ENOUGH_INFO"),
    )


DOWNLOADS_KEPT_S = 3600  # report files older than this are removed (Gradio has copied them by then)


def write_downloads(report: dict, directory: Path) -> tuple[str, str]:
    """The report as claimcheck-report.json and .csv in a fresh folder under `directory`."""
    now = time.time()
    for old in directory.iterdir():
        if old.is_dir() and now - old.stat().st_mtime > DOWNLOADS_KEPT_S:
            shutil.rmtree(old, ignore_errors=True)
    folder = directory / uuid.uuid4().hex
    folder.mkdir(parents=True)
    json_path = folder / "claimcheck-report.json"
    json_path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    csv_path = folder / "claimcheck-report.csv"
    with csv_path.open("w", encoding="utf-8-sig", newline="") as f:  # BOM: Excel reads umlauts right
        writer = csv.DictWriter(f, fieldnames=CSV_FIELDS, extrasaction="ignore")
        writer.writeheader()
        for c in report.get("claims", []):
            evidence = c.get("evidence") or []
            writer.writerow({
                **c,
                "evidence_ids": " | ".join(e["id"] for e in evidence),
                "evidence_text": " | ".join(e["text"] for e in evidence),
            })
    return str(json_path), str(csv_path)


# --- choosing the reference facts ------------------------------------------------

class PageError(Exception):
    """Bad input, with the message (already in the page's language) to show the user."""


@dataclass
class FactChoice:
    """Keyword arguments for check(): a store, or a facts file for a throwaway store."""

    store: Any = None
    facts: Optional[str] = None
    owned_store: Any = None  # opened for this request only; closed afterwards


_sample_store = None
_sample_lock = threading.Lock()


def sample_store():
    """The project's sample facts in an in-memory store, built once per process.

    It holds only the project's own sample data and is never written to by a request,
    so sharing it between sessions leaks nothing; it saves encoding the facts per request.
    """
    global _sample_store
    with _sample_lock:
        if _sample_store is None:
            from .models import get_encoder
            from .store import ReferenceStore

            store = ReferenceStore.in_memory(encoder=get_encoder())
            store.add_file(SAMPLE_FACTS)
            _sample_store = store
        return _sample_store


def choose_facts(source: str, store_dir: Optional[str], facts_file: Optional[str], lang: str) -> FactChoice:
    """The reference facts a request asked for. An uploaded facts file wins over the choice."""
    messages = ui_strings(lang)["messages"]
    if source not in SOURCES:
        raise PageError(messages["input_error"].format(detail=f"source must be one of: {', '.join(SOURCES)}"))
    if facts_file:
        from .facts_io import read_facts

        facts = read_facts(facts_file)
        if len(facts) > MAX_PAGE_FACTS:
            raise PageError(messages["too_many_facts"].format(count=format_number(len(facts), lang),
                                                              limit=format_number(MAX_PAGE_FACTS, lang)))
        return FactChoice(facts=facts)
    if source == "upload":
        raise PageError(messages["facts_missing"])
    if source == "directory":
        if not store_dir or not store_dir.strip():
            raise PageError(messages["store_dir_missing"])
        path = Path(store_dir.strip()).expanduser()
        try:
            from .store import ReferenceStore, is_store_folder

            if not path.is_dir():  # ReferenceStore.open would create an empty store there
                raise PageError(messages["store_dir_not_found"].format(path=path))
            if not is_store_folder(path):
                raise PageError(messages["store_dir_empty"].format(path=path))
            store = ReferenceStore.open(path)
        except (OSError, RuntimeError) as e:  # a name too long, no permission; LanceDB on a damaged store
            raise PageError(messages["store_unreadable"].format(path=path, detail=" ".join(str(e).split())[:200])) from None
        return FactChoice(store=store, owned_store=store)
    if not SAMPLE_FACTS.is_file():
        raise PageError(messages["sample_missing"].format(path=SAMPLE_FACTS))
    return FactChoice(store=sample_store())


# --- reading the inputs ------------------------------------------------------------

def read_uploaded_article(path: str, lang: str) -> str:
    """The text of an uploaded .txt/.md/.html file (HTML reduced to its text)."""
    name = Path(path).name
    try:
        return decode_bytes(Path(path).read_bytes(), name=name)
    except (InputError, OSError):  # binary or undecodable, or gone or unreadable by the time it is read
        raise PageError(ui_strings(lang)["messages"]["not_text_file"].format(name=name)) from None


def article_text(text: Optional[str], article_file: Optional[str], lang: str) -> str:
    """The pasted text, or the uploaded file's text when nothing was pasted; refused when empty or too long."""
    messages = ui_strings(lang)["messages"]
    if (not text or not text.strip()) and article_file:
        text = read_uploaded_article(article_file, lang)
    elif text and looks_like_html(text):  # a page's source pasted: its text, as for an uploaded .html file
        text = html_to_text(text)
    if not text or not text.strip():
        raise PageError(messages["empty"])
    if len(text) > MAX_CHARS:
        raise PageError(messages["too_long"].format(
            length=format_number(len(text), lang), limit=format_number(MAX_CHARS, lang)))
    return text


def published_date(value: Optional[str], lang: str) -> Optional[str]:
    if not value or not str(value).strip():
        return None
    try:
        return parse_published(str(value).strip()).isoformat()
    except InputError:
        raise PageError(ui_strings(lang)["messages"]["bad_date"].format(value=value)) from None


def _without_upload_paths(message: str, *paths: Optional[str]) -> str:
    """Library messages name files by their path; for uploads that is a server temp path: show the name."""
    for path in paths:
        if path:
            message = message.replace(str(path), Path(path).name)
    return message


# --- the handlers ----------------------------------------------------------------------

OUTPUT_COUNT = 7  # status, summary, article, table, report JSON, JSON file, CSV file


def claim_table(report: dict, lang: str):
    """The claims table (a styled DataFrame): headers in the page's language, verdict cells coloured."""
    import pandas as pd

    words = ui_strings(lang)
    frame = pd.DataFrame(claim_rows(report, lang), columns=[words["columns"][c] for c in COLUMNS])
    verdicts = [c["verdict"] for c in report.get("claims", [])]

    def colour(column: "pd.Series") -> list[str]:
        return [f"background-color: {VERDICT_STYLE.get(v, VERDICT_STYLE['NOT_ENOUGH_INFO'])[0]}" for v in verdicts]

    confidence = words["columns"]["confidence"]
    return (frame.style.apply(colour, subset=[words["columns"]["verdict"]])
            .format(precision=2, decimal="," if lang == "de" else ".", subset=[confidence]))


def _render(state: dict, lang: str) -> tuple:
    """All result outputs from a finished (or failed) check kept in the session state."""
    words = ui_strings(lang)
    if state.get("error"):
        message = words["status_error"].format(message=state["error"])
        return message, "", "", claim_table({}, lang), {"error": state["error"]}, None, None
    report = state["report"]
    status = status_text(report, state["seconds"], lang)
    notes = []
    if state.get("not_german"):
        notes.append(words["messages"]["not_german"])
    notes += [words["messages"]["warning"].format(detail=w) for w in state.get("other_warnings", [])]
    if notes:
        status += "\n\n" + "\n".join(f"- {n}" for n in notes)
    return (
        status,
        report.get("summary", ""),
        highlight_html(state["text"], report, lang),
        claim_table(report, lang),
        report,
        state["json_path"],
        state["csv_path"],
    )


def make_check_handler(downloads_dir: Path):
    def run_check(
        text: Optional[str],
        published: Optional[str],
        facts_file: Optional[str],
        article_file: Optional[str],
        source: str,
        store_dir: Optional[str],
        language: str,
        min_confidence: Optional[float] = None,
        progress=gr.Progress(),
    ):
        lang = _lang(language)
        words = ui_strings(lang)
        started = time.perf_counter()
        choice: Optional[FactChoice] = None
        try:
            progress(0.05, desc=words["progress_reading"])
            article = article_text(text, article_file, lang)
            date = published_date(published, lang)
            progress(0.15, desc=words["progress_store"])
            choice = choose_facts(source, store_dir, facts_file, lang)
            progress(0.3, desc=words["progress_checking"])
            report = check(article, store=choice.store, facts=choice.facts, published=date,
                           min_confidence=min_confidence).to_dict()
            progress(0.9, desc=words["progress_rendering"])
            json_path, csv_path = write_downloads(report, downloads_dir)
            language_note = language_warning(article)
            if language_note:
                gr.Warning(words["messages"]["not_german"])
            state = {
                "text": readable(article),  # the text the report's offsets refer to
                "report": report,
                "seconds": time.perf_counter() - started,
                "json_path": json_path,
                "csv_path": csv_path,
                "not_german": bool(language_note),
                "other_warnings": [w for w in report.get("warnings", []) if w != language_note],
            }
        except PageError as e:
            state = {"error": str(e)}
        except FactFileError as e:
            detail = _without_upload_paths(str(e), facts_file)
            state = {"error": words["messages"]["facts_file"].format(detail=detail)}
        except (InputError, ValueError) as e:
            detail = _without_upload_paths(str(e), facts_file, article_file)
            state = {"error": words["messages"]["input_error"].format(detail=detail)}
        except RuntimeError as e:  # LanceDB on a store damaged after it was opened
            from .store import is_store_failure

            if not is_store_failure(e):
                log.exception("check failed")
                state = {"error": words["messages"]["internal_error"].format(detail=type(e).__name__)}
            else:
                state = {"error": words["messages"]["store_unreadable"].format(
                    path=store_dir, detail=" ".join(str(e).split())[:200])}
        except Exception as e:  # a bug, not the user's fault: log it, show one line, never a traceback
            log.exception("check failed")
            state = {"error": words["messages"]["internal_error"].format(detail=type(e).__name__)}
        finally:
            if choice is not None and choice.owned_store is not None:
                choice.owned_store.close()
        if state.get("error"):
            gr.Warning(state["error"])
        return (*_render(state, lang), state)

    return run_check


def load_article_file(article_file: Optional[str], language: str):
    """Upload -> the article box (so the user sees and can edit what will be checked)."""
    lang = _lang(language)
    words = ui_strings(lang)
    if not article_file:
        return gr.update(), gr.update()
    try:
        text = read_uploaded_article(article_file, lang)
    except PageError as e:
        gr.Warning(str(e))
        return gr.update(), words["status_error"].format(message=e)
    if not text.strip():  # keep what the box holds
        message = words["messages"]["empty_file"].format(name=Path(article_file).name)
        gr.Warning(message)
        return gr.update(), words["status_error"].format(message=message)
    message = words["messages"]["loaded_file"].format(
        name=Path(article_file).name, length=format_number(len(text), lang))
    return text, message


def _source_choices(lang: str) -> list[tuple[str, str]]:
    words = ui_strings(lang)
    return [(words[f"source_{s}"], s) for s in SOURCES]


def _source_visibility(source: str):
    return gr.update(visible=source == "directory"), gr.update(visible=source == "upload")


# --- the page ------------------------------------------------------------------------------

def build_app(default_store: str | None = None, lang: str = "de") -> gr.Blocks:
    """The page. `default_store`: a store directory to preselect instead of the sample facts."""
    from .verify import default_model  # the fitted confidence floor, the slider's default

    words = ui_strings(_lang(lang))
    downloads_dir = Path(tempfile.mkdtemp(prefix="claimcheck-web-"))
    examples = [
        [path.read_text("utf-8"), date, "sample"] for path, date, _ in SAMPLE_ARTICLES if path.is_file()
    ]
    example_keys = [key for path, _, key in SAMPLE_ARTICLES if path.is_file()]
    initial_source = "directory" if default_store else "sample"

    # delete_cache: uploads and downloads older than an hour are removed every hour.
    with gr.Blocks(title="claimcheck", analytics_enabled=False, delete_cache=(3600, 3600)) as demo:
        state = gr.State({})
        with gr.Row(equal_height=True):
            header = gr.Markdown(f"# {words['title']}\n{words['intro']}")
            language = gr.Radio(
                [(ui_strings(code)["language_name"], code) for code in LANGUAGES],
                value=_lang(lang), label=words["language_label"], scale=0, min_width=200,
            )
        # The right-hand inputs are made first (unrendered) so that the examples, which fill
        # them, can sit under the article box; they are placed in their column below.
        published = gr.Textbox(
            label=words["published_label"], placeholder=words["published_placeholder"],
            info=words["published_info"], max_lines=1, elem_id="cc-published", render=False,
        )
        source = gr.Radio(
            _source_choices(_lang(lang)), value=initial_source, label=words["source_label"], render=False,
        )
        with gr.Row():
            with gr.Column(scale=3):
                article = gr.Textbox(
                    label=words["article_label"], placeholder=words["article_placeholder"],
                    lines=14, max_lines=30, elem_id="cc-article-input",
                )
                with gr.Row():
                    article_file = gr.UploadButton(
                        words["upload_label"], file_types=[".txt", ".md", ".html", ".htm"],
                        type="filepath", size="sm", scale=0, min_width=280,
                    )
                example_box = gr.Examples(
                    examples=examples, inputs=[article, published, source], label=words["examples_label"],
                    example_labels=[words[k] for k in example_keys], cache_examples=False,
                ) if examples else None
            with gr.Column(scale=2):
                published.render()
                source.render()
                store_dir = gr.Textbox(
                    label=words["store_dir_label"], placeholder=words["store_dir_placeholder"],
                    value=default_store or "", max_lines=1, visible=initial_source == "directory",
                )
                facts_file = gr.File(
                    label=words["facts_label"], file_types=[".jsonl", ".ndjson", ".json", ".csv"],
                    type="filepath", visible=False, elem_id="cc-facts",
                )
                floor = gr.Slider(0.0, 1.0, value=default_model().min_confidence, step=0.05, label=words["floor_label"],
                                  info=words["floor_info"], elem_id="cc-floor")
                button = gr.Button(words["check_button"], variant="primary", size="lg", elem_id="cc-check")
                status = gr.Markdown(words["status_ready"], elem_classes=["cc-status"], elem_id="cc-status")

        results_heading = gr.Markdown(f"## {words['results_heading']}")
        with gr.Row():
            summary = gr.Textbox(label=words["summary_label"], lines=4, interactive=False, scale=3,
                                 buttons=["copy"])
            with gr.Column(scale=1, min_width=200):
                download_json = gr.DownloadButton(words["download_json"], value=None, size="md")
                download_csv = gr.DownloadButton(words["download_csv"], value=None, size="md")
        article_heading = gr.Markdown(f"### {words['article_heading']}\n{words['article_hint']}")
        legend = gr.HTML(legend_html(_lang(lang)))
        highlighted = gr.HTML("", elem_id="cc-highlighted")
        table_heading = gr.Markdown(f"### {words['table_heading']}")
        table = gr.Dataframe(
            headers=[words["columns"][c] for c in COLUMNS],
            datatype=["str", "str", "str", "str", "number", "str", "str"],
            interactive=False, wrap=True, column_widths=["11%", "14%", "13%", "11%", "10%", "23%", "18%"],
            elem_id="cc-table",
        )
        with gr.Accordion(words["json_label"], open=False) as json_box:
            report_json = gr.JSON(label=words["json_label"])

        result_outputs = [status, summary, highlighted, table, report_json, download_json, download_csv]
        button.click(
            make_check_handler(downloads_dir),
            inputs=[article, published, facts_file, article_file, source, store_dir, language, floor],
            outputs=[*result_outputs, state],
            api_name="check",
            concurrency_id="check",
        )
        article_file.upload(load_article_file, inputs=[article_file, language], outputs=[article, status],
                            api_name="read_article")
        # An uploaded facts file is what the user means to use: select it.
        facts_file.upload(lambda: "upload", outputs=source, api_visibility="private")
        source.change(_source_visibility, inputs=source, outputs=[store_dir, facts_file], api_visibility="private")

        def switch_language(code: str, current: dict) -> dict:
            """Every label in the chosen language; the last result (kept in the session) re-rendered in it."""
            lang_code = _lang(code)
            w = ui_strings(lang_code)
            updates = {
                header: f"# {w['title']}\n{w['intro']}",
                language: gr.update(label=w["language_label"]),
                article: gr.update(label=w["article_label"], placeholder=w["article_placeholder"]),
                article_file: gr.update(label=w["upload_label"]),
                published: gr.update(label=w["published_label"], placeholder=w["published_placeholder"],
                                     info=w["published_info"]),
                source: gr.update(label=w["source_label"], choices=_source_choices(lang_code)),
                store_dir: gr.update(label=w["store_dir_label"], placeholder=w["store_dir_placeholder"]),
                facts_file: gr.update(label=w["facts_label"]),
                floor: gr.update(label=w["floor_label"], info=w["floor_info"]),
                button: gr.update(value=w["check_button"]),
                results_heading: f"## {w['results_heading']}",
                summary: gr.update(label=w["summary_label"]),
                download_json: gr.update(label=w["download_json"]),
                download_csv: gr.update(label=w["download_csv"]),
                article_heading: f"### {w['article_heading']}\n{w['article_hint']}",
                legend: legend_html(lang_code),
                table_heading: f"### {w['table_heading']}",
                json_box: gr.update(label=w["json_label"]),
            }
            if example_box is not None:
                updates[example_box.dataset] = gr.update(
                    label=w["examples_label"], sample_labels=[w[k] for k in example_keys])
            if current:
                for component, value in zip(result_outputs, _render(current, lang_code)):
                    label = updates.get(component)  # a gr.update dict for the labelled outputs
                    updates[component] = {**label, "value": value} if isinstance(label, dict) else value
            else:
                updates[status] = w["status_ready"]
                updates[table] = claim_table({}, lang_code)
            return updates

        label_outputs = [header, language, article, article_file, published, source, store_dir, facts_file,
                         floor, button, results_heading, summary, download_json, download_csv, article_heading,
                         legend, table_heading, json_box]
        if example_box is not None:
            label_outputs.append(example_box.dataset)
        language.change(switch_language, inputs=[language, state], outputs=[*label_outputs, *result_outputs],
                        api_visibility="private")
    demo.queue(default_concurrency_limit=1)
    return demo


def warm_up() -> None:
    """Load the encoder (once per process) and the sample store, so the first request is fast."""
    started = time.perf_counter()
    try:
        from .models import get_encoder

        get_encoder().encode_queries(["Aufwärmen: 100 Millionen Nutzer."])
        if SAMPLE_FACTS.is_file():
            store = sample_store()
            check("Die Plattform zählt rund 100 Millionen Nutzer in den USA.", store=store, published="2020-08-17")
    except Exception:  # the page still starts; each request then shows what is missing
        log.exception("warm-up failed")
    log.info("warm-up took %.1f s", time.perf_counter() - started)


def launch(
    host: str = "127.0.0.1",
    port: int = 7860,
    store: str | None = None,
    *,
    prevent_thread_lock: bool = False,
    quiet: bool = False,
) -> gr.Blocks:
    """Warm the models, build the page and serve it on host:port (this machine only by default)."""
    warm_up()
    demo = build_app(default_store=store)
    demo.launch(
        server_name=host,
        server_port=port,
        share=False,
        inbrowser=False,
        prevent_thread_lock=prevent_thread_lock,
        quiet=quiet,
        show_error=False,  # errors are shown as messages, never as tracebacks
        ssr_mode=False,  # no Node server
        max_file_size="20mb",
        css=CSS,
        theme=gr.themes.Default(primary_hue="blue", neutral_hue="slate"),
        footer_links=["api", "settings"],
    )
    return demo
