"""The web page through its API (/check via gradio_client) and its presentation helpers.

The server tests start the real app (real encoder, real pipeline) once on a free
local port and check what a user of the page would get back.
"""
from __future__ import annotations

import csv
import json
import os
import socket
import tomllib
from importlib import resources
from pathlib import Path

import pytest

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

from claimcheck import web  # noqa: E402
from claimcheck.textio import MAX_CHARS  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
FACTS = SAMPLES / "tiktok-facts.jsonl"
ORIGINAL = SAMPLES / "tiktok-ultimatum.txt"
DOCTORED = SAMPLES / "tiktok-ultimatum-doctored.txt"

# Outputs of /check, in order.
STATUS, SUMMARY, ARTICLE_HTML, TABLE, REPORT, JSON_FILE, CSV_FILE = range(web.OUTPUT_COUNT)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def client():
    from gradio_client import Client

    port = free_port()
    demo = web.launch(port=port, prevent_thread_lock=True, quiet=True)
    try:
        yield Client(f"http://127.0.0.1:{port}", verbose=False)
    finally:
        demo.close()


def run_check(client, text="", *, published="2020-08-17", facts=None, article=None, source="sample",
              store_dir="", language="de", min_confidence=None):
    from claimcheck.verify import default_model
    from gradio_client import handle_file

    return client.predict(
        text,
        published,
        handle_file(str(facts)) if facts else None,
        handle_file(str(article)) if article else None,
        source,
        store_dir,
        language,
        default_model().min_confidence if min_confidence is None else min_confidence,
        api_name="/check",
    )


def verdict_of(report: dict, figure: str) -> str:
    matches = [c for c in report["claims"] if figure in c["text"]]
    assert matches, f"no claim for {figure!r} among {[c['text'] for c in report['claims']]}"
    return matches[0]["verdict"]


# --- the sample article through /check ---------------------------------------------

@pytest.mark.parametrize("figure", ["80 Millionen", "1,2 Milliarden Dollar", "sechs Monaten"])
def test_doctored_figures_are_contradicted_with_uploaded_facts(client, figure):
    result = run_check(client, DOCTORED.read_text("utf-8"), facts=FACTS, source="upload")
    assert verdict_of(result[REPORT], figure) == "CONTRADICTED"


@pytest.mark.parametrize("figure", ["100 Millionen", "800 Millionen Dollar", "90 Tagen"])
def test_original_figures_are_supported_with_the_sample_store(client, figure):
    result = run_check(client, ORIGINAL.read_text("utf-8"), source="sample")
    assert verdict_of(result[REPORT], figure) == "SUPPORTED"


def test_the_confidence_slider_withholds_weaker_verdicts(client):
    text = DOCTORED.read_text("utf-8")
    shown = run_check(client, text, facts=FACTS, source="upload", min_confidence=0.0)[REPORT]["claims"]
    withheld = run_check(client, text, facts=FACTS, source="upload", min_confidence=1.0)[REPORT]["claims"]
    judged = [c["text"] for c in shown if c["verdict"] != "NOT_ENOUGH_INFO"]
    assert len(judged) >= 4 and [c["text"] for c in withheld] == [c["text"] for c in shown]
    assert {c["verdict"] for c in withheld} == {"NOT_ENOUGH_INFO"}
    assert all(c["reason"].startswith("withheld ") for c in withheld if c["text"] in judged)


def test_outputs_of_a_check_agree_with_the_report(client):
    text = DOCTORED.read_text("utf-8")
    status, summary, article_html, table, report, json_file, csv_file = run_check(client, text)
    assert report["claims"] and report["summary"] == summary
    contradicted = sum(c["verdict"] == "CONTRADICTED" for c in report["claims"])
    assert f"{contradicted} widerlegt" in status
    # Every claim is marked in the article with its verdict, at its span.
    for c in report["claims"]:
        assert text[c["start"]:c["end"]] == c["text"]
    assert article_html.count('data-verdict="CONTRADICTED"') == contradicted
    assert len(table["data"]) == len(report["claims"])
    assert table["headers"][0] == "Angabe im Text"
    assert json.loads(Path(json_file).read_text("utf-8")) == report
    with open(csv_file, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["text"] for r in rows] == [c["text"] for c in report["claims"]]
    assert [r["verdict"] for r in rows] == [c["verdict"] for c in report["claims"]]


def test_an_uploaded_html_article_is_read_as_text(client, tmp_path):
    page = tmp_path / "artikel.html"
    body = DOCTORED.read_text("utf-8").replace("\n\n", "</p><p>")
    page.write_text(f"<html><head><script>var x = 5;</script></head><body><p>{body}</p></body></html>", "utf-8")
    result = run_check(client, "", article=page)
    assert verdict_of(result[REPORT], "80 Millionen") == "CONTRADICTED"
    assert "var x" not in result[ARTICLE_HTML]


def test_english_labels_and_messages(client):
    result = run_check(client, DOCTORED.read_text("utf-8"), language="en")
    assert "contradicted" in result[STATUS]
    assert result[TABLE]["headers"][0] == "Figure as written"
    assert "Done" in result[STATUS]


def test_uploaded_facts_stay_in_their_request(client, tmp_path):
    private = tmp_path / "private.jsonl"
    private.write_text(json.dumps({
        "id": "private-fact-7f3a", "lang": "de", "as_of": "2020-08",
        "text": "Im August 2020 meldete TikTok rund 80 Millionen monatlich aktive Nutzer in den USA.",
    }) + "\n", "utf-8")
    first = run_check(client, DOCTORED.read_text("utf-8"), facts=private, source="upload")
    assert any(e["id"] == "private-fact-7f3a" for c in first[REPORT]["claims"] for e in c["evidence"])
    second = run_check(client, DOCTORED.read_text("utf-8"), source="sample")
    used = {e["id"] for c in second[REPORT]["claims"] for e in c["evidence"]}
    assert "private-fact-7f3a" not in used
    assert verdict_of(second[REPORT], "80 Millionen") == "CONTRADICTED"


# --- bad input: a message in the page, never an exception ------------------------------

def assert_refused(result, *words):
    status, report = result[STATUS], result[REPORT]
    assert status.startswith("**Nicht geprüft:**"), status
    assert "error" in report and "claims" not in report
    assert "Traceback" not in status
    for word in words:
        assert word in status, (word, status)


def test_empty_text_gets_a_message(client):
    assert_refused(run_check(client, "   \n "), "leer")


def test_too_long_text_gets_a_message(client):
    assert_refused(run_check(client, "Die Zahl 5. " * (MAX_CHARS // 12 + 1)), "200.000")


def test_binary_upload_gets_a_message(client, tmp_path):
    blob = tmp_path / "bild.txt"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    assert_refused(run_check(client, "", article=blob), "bild.txt")


def test_malformed_facts_file_names_the_line(client, tmp_path):
    facts = tmp_path / "fakten.jsonl"
    good = json.dumps({"id": "a", "text": "TikTok hatte 2020 rund 100 Millionen Nutzer in den USA."})
    facts.write_text(good + "\n{\"id\": \"b\", \"text\": \"kaputt\"\n", "utf-8")
    result = run_check(client, DOCTORED.read_text("utf-8"), facts=facts, source="upload")
    assert_refused(result, "fakten.jsonl", "line 2")
    assert "/tmp" not in result[STATUS]  # the server's upload path is not shown


def test_bad_date_gets_a_message(client):
    assert_refused(run_check(client, DOCTORED.read_text("utf-8"), published="17.08.2020"), "JJJJ-MM-TT")


def test_missing_store_directory_gets_a_message(client, tmp_path):
    assert_refused(run_check(client, DOCTORED.read_text("utf-8"), source="directory",
                             store_dir=str(tmp_path / "nirgends")), "nirgends")


def test_non_german_article_warns_and_is_still_checked(client):
    text = ("The platform says it has about 100 million users in the United States, and the company "
            "was bought in 2017 for about 800 million dollars. The order gives the owner 90 days to sell.")
    result = run_check(client, text)
    assert "nicht deutsch" in result[STATUS]
    assert "claims" in result[REPORT]


# --- presentation helpers (no server) ---------------------------------------------------

def test_ui_strings_have_the_same_keys_in_every_language():
    table = tomllib.loads(resources.files("claimcheck.lang").joinpath("ui.toml").read_text("utf-8"))

    def keys(d, prefix=""):
        return {prefix + k for k in d} | {x for k, v in d.items() if isinstance(v, dict) for x in keys(v, k + ".")}

    def without_units(names):  # unit names may differ: a unit without one is shown as the reader writes it
        return {k for k in names if not k.startswith("units.")}

    assert without_units(keys(table["de"])) == without_units(keys(table["en"]))
    assert set(web.LANGUAGES) == set(table)


def test_every_counted_noun_the_reader_names_has_a_german_label():
    # the German page showed "33 police officers": most counted nouns had no German label
    quantities = tomllib.loads(resources.files("claimcheck.lang.de").joinpath("quantities.toml").read_text("utf-8"))
    labels = tomllib.loads(resources.files("claimcheck.lang").joinpath("ui.toml").read_text("utf-8"))["de"]["units"]
    assert {unit for unit in quantities["count_nouns"].values() if unit} <= set(labels)
    assert web.claim_rows({"claims": [{"text": "33", "kind": "count", "value": 33.0, "unit": "police officers",
                                       "subject": None, "verdict": "NOT_ENOUGH_INFO", "confidence": 0.9,
                                       "evidence": [], "reason": ""}]}, "de")[0][1] == "33 Polizisten"


def test_highlight_escapes_the_article_and_marks_spans():
    text = "Laut <b>Bericht</b> zählt X 80 Millionen Nutzer & 3 Läden."
    start = text.index("80 Millionen")
    report = {"claims": [
        {"id": "c1", "text": "80 Millionen", "start": start, "end": start + 12, "verdict": "CONTRADICTED",
         "confidence": 0.9, "reason": "Fakt: 100 Millionen"},
        {"id": "c2", "text": "3", "start": text.index("3 L"), "end": text.index("3 L") + 1,
         "verdict": "NOT_ENOUGH_INFO", "confidence": 0.1, "reason": ""},
        # overlaps c1: stays out of the article (it is in the table)
        {"id": "c3", "text": "Millionen", "start": start + 3, "end": start + 12, "verdict": "SUPPORTED",
         "confidence": 0.5, "reason": ""},
    ]}
    out = web.highlight_html(text, report, "de")
    assert "<b>" not in out and "&lt;b&gt;Bericht&lt;/b&gt;" in out and "&amp;" in out
    assert 'data-verdict="CONTRADICTED" data-claim-id="c1"' in out
    assert 'data-claim-id="c2"' in out and 'data-claim-id="c3"' not in out
    assert ">80 Millionen<span" in out


def test_the_table_marks_a_subject_taken_from_the_context():
    report = {"claims": [
        {"text": "300", "value": 300.0, "unit": None, "hedge": None, "low": None, "high": None, "date": None,
         "subject": "Agrarplus", "subject_in_sentence": False, "verdict": "SUPPORTED", "confidence": 0.9,
         "evidence": [], "reason": ""},
        {"text": "20", "value": 20.0, "unit": None, "hedge": None, "low": None, "high": None, "date": None,
         "subject": "Agrarplus", "subject_in_sentence": True, "verdict": "SUPPORTED", "confidence": 0.9,
         "evidence": [], "reason": ""},
    ]}
    de, en = web.claim_rows(report, "de"), web.claim_rows(report, "en")
    subject = web.COLUMNS.index("subject")
    assert [row[subject] for row in de] == ["Agrarplus (aus dem Kontext)", "Agrarplus"]
    assert [row[subject] for row in en] == ["Agrarplus (from context)", "Agrarplus"]


def test_numbers_and_values_in_each_language():
    assert web.format_number(1500000.0, "de") == "1.500.000"
    assert web.format_number(1500000.0, "en") == "1,500,000"
    assert web.format_number(3.5, "de") == "3,5"
    claim = {"value": 800e6, "unit": "USD", "hedge": "approx", "low": None, "high": None, "date": None}
    assert web.format_value(claim, "de") == "etwa 800.000.000 US-Dollar"
    deadline = {"value": 6.0, "unit": "month", "hedge": None, "low": None, "high": None, "date": "2021-02-14"}
    assert web.format_value(deadline, "en") == "6 months (2021-02-14)"
    # a date shows the days it means where they are fewer than its ISO date says
    quarter = {"kind": "date", "value": None, "date": "2023", "date_low": "2023-07-01", "date_high": "2023-09-30"}
    assert web.format_value(quarter, "de") == "2023-07-01..2023-09-30"
    year = {"kind": "date", "value": None, "date": "2023", "date_low": "2023-01-01", "date_high": "2023-12-31"}
    assert web.format_value(year, "de") == "2023"
    # a date with no single ISO form shows its days, not "?" ("2015/2016", a season)
    season = {"kind": "date", "value": None, "date": None, "date_low": "2015-01-01", "date_high": "2016-12-31"}
    assert web.format_value(season, "de") == "2015-01-01..2016-12-31"
    rate = {"value": 743.0, "unit": None, "per": "day", "hedge": None, "low": None, "high": None, "date": None}
    assert web.format_value(rate, "de") == "743 pro Tag"
    assert web.format_value(rate, "en") == "743 per day"


def test_a_pasted_page_source_is_read_as_its_text():
    page = ("<html><head><script>var x = 5;</script></head><body><p>TikTok hat in den USA "
            "rund 100 Millionen Nutzer.</p></body></html>")
    text = web.article_text(page, None, "de")
    assert "var x" not in text and "<p>" not in text and "100 Millionen" in text


def test_an_upload_that_is_gone_gets_a_message_not_a_traceback(tmp_path):
    _, status = web.load_article_file(str(tmp_path / "weg.txt"), "de")
    assert "weg.txt" in status


def test_a_server_file_the_caller_never_uploaded_is_refused(client):
    # Over plain HTTP (gradio_client would upload a local file of the caller's first): Gradio accepts only
    # files in its upload folder as file arguments, so the page cannot be made to read the server's files.
    import urllib.request

    base = client.src.rstrip("/")
    body = json.dumps({"data": [{"path": str(SAMPLES.parent.parent / "README.md"),
                                 "meta": {"_type": "gradio.FileData"}}, "de"]}).encode()
    request = urllib.request.Request(f"{base}/gradio_api/call/read_article", data=body,
                                     headers={"Content-Type": "application/json"})
    event = json.loads(urllib.request.urlopen(request, timeout=60).read())["event_id"]
    answer = urllib.request.urlopen(f"{base}/gradio_api/call/read_article/{event}", timeout=60).read().decode()
    assert "event: error" in answer and "claimcheck" not in answer


def test_marks_fall_on_the_figures_of_a_text_with_invisible_characters(client):
    text = DOCTORED.read_text("utf-8").replace("Millionen", "Mil\u00adlionen")
    result = run_check(client, text)
    assert ">rund 80 Millionen<" in result[ARTICLE_HTML]  # the figure as marked, soft hyphen removed


def test_a_folder_that_holds_no_store_gets_a_message(tmp_path):
    (tmp_path / "notizen.txt").write_text("keine Fakten", "utf-8")
    with pytest.raises(web.PageError, match="nie Fakten hinzugefügt"):
        web.choose_facts("directory", str(tmp_path), None, "de")


def test_a_damaged_store_gets_a_message(tmp_path):
    from claimcheck.store import ReferenceStore
    from fakes import FakeEncoder

    with ReferenceStore.open(tmp_path / "store", FakeEncoder()) as store:
        store.add_file(FACTS)
    for data in (tmp_path / "store").rglob("*.lance"):
        if data.is_file():
            data.write_bytes(b"not lance data")
    with pytest.raises(web.PageError, match="lässt sich nicht lesen"):
        web.choose_facts("directory", str(tmp_path / "store"), None, "de").store.search("TikTok Nutzer")


def test_an_empty_upload_keeps_the_pasted_article(tmp_path):
    empty = tmp_path / "leer.txt"
    empty.write_text("", "utf-8")
    box, status = web.load_article_file(str(empty), "de")
    assert box == {"__type__": "update"} and "leer.txt" in status  # the box is left as it is


def test_an_uploaded_facts_file_too_large_for_the_page_points_to_a_store(tmp_path):
    facts = tmp_path / "viele.jsonl"
    facts.write_text("".join(json.dumps({"id": f"f{i}", "text": f"Die Stadt Talbach hat {i} Bäume."}) + "\n"
                             for i in range(web.MAX_PAGE_FACTS + 1)), "utf-8")
    with pytest.raises(web.PageError, match="claimcheck store add"):
        web.choose_facts("upload", None, str(facts), "de")
