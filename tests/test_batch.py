"""Batch checking: resumable output, bad rows, JSONL/CSV/Parquet inputs (real packaged encoder).

The articles and facts below were written for this test.
"""
from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import claimcheck.batch as batch
from claimcheck.batch import read_corpus, run_batch

ARTICLES = [
    {"id": "a1", "source": "eigene Meldung",
     "text": "Die Stadtwerke Lindau haben im vergangenen Jahr 1.200 neue Kunden gewonnen. Der Umsatz stieg um "
             "4,5 Prozent auf 310 Millionen Euro. Bis Ende 2025 sollen 80 weitere Ladesäulen entstehen."},
    {"id": "a2", "source": "FANG-COVID (beispiel.de, 2021-03-05)",
     "text": "Der Verein Grünes Tal zählt inzwischen 3.400 Mitglieder. Vor fünf Jahren waren es noch 900. "
             "Die Beiträge bleiben bei 24 Euro im Jahr."},
    {"id": "a3", "source": "eigene Meldung", "text": "   "},  # the bad row
    {"id": "a4", "source": "eigene Meldung",
     "text": "Die Bahnstrecke zwischen Nordhafen und Südstadt wird für 45 Millionen Euro saniert. Die Arbeiten "
             "dauern drei Monate. Rund 20.000 Pendler sind betroffen."},
    {"id": "a5", "source": "eigene Meldung",
     "text": "Die Bäckerei Sonnenkorn in Ostwald beschäftigt 35 Mitarbeiter. Die Inhaberin rechnet mit "
             "5 Prozent weniger Kunden."},
    {"id": "a6", "source": "eigene Meldung",
     "text": "Im Landkreis Westfeld wurden 2023 genau 612 Wohnungen fertiggestellt. Das sind 8 Prozent mehr "
             "als im Vorjahr. Der Kreistag will binnen zwei Jahren 1.000 weitere genehmigen."},
]
FACTS = [
    {"id": "gruenes-tal", "text": "Der Verein Grünes Tal hatte im März 2021 rund 3.400 Mitglieder.", "lang": "de"},
    {"id": "bahn", "text": "The renovation of the Nordhafen-Südstadt railway line costs 45 million euros.", "lang": "en"},
]


def _lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    jsonl = folder / "corpus.jsonl"
    jsonl.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), "utf-8")
    facts = folder / "facts.jsonl"
    facts.write_text("".join(json.dumps(f, ensure_ascii=False) + "\n" for f in FACTS), "utf-8")
    return folder, jsonl, facts


@pytest.fixture(scope="module")
def unbroken(corpus):
    folder, jsonl, facts = corpus
    out = folder / "unbroken.jsonl"
    result = run_batch(jsonl, out, facts=facts, chunk_size=2, workers=1, progress=False)
    return result, _lines(out)


def test_every_row_gets_one_line_and_the_bad_row_is_reported(unbroken):
    result, lines = unbroken
    assert sorted(line["id"] for line in lines) == ["a1", "a2", "a3", "a4", "a5", "a6"]
    bad = [line for line in lines if "error" in line]
    assert [b["id"] for b in bad] == ["a3"] and "empty" in bad[0]["error"]
    assert (result.checked, result.failed, result.skipped) == (5, 1, 0)
    reports = {line["id"]: line["report"] for line in lines if "report" in line}
    assert reports["a2"]["published"] == "2021-03-05"  # the date in the FANG-COVID style source
    members = next(c for c in reports["a2"]["claims"] if c["text"] == "3.400")
    assert (members["verdict"], members["evidence"][0]["id"]) == ("SUPPORTED", "gruenes-tal")
    assert all(r["summary"] for r in reports.values())


def _verdicts(lines: list[dict]) -> dict[tuple[str, str], tuple[str, str]]:
    return {(line["id"], c["text"]): (c["verdict"], c["reason"]) for line in lines if "report" in line
            for c in line["report"]["claims"]}


@pytest.mark.parametrize("workers", [1, 2])
def test_a_confidence_floor_reaches_every_worker(corpus, unbroken, workers):
    folder, jsonl, facts = corpus
    out = folder / f"floor-{workers}.jsonl"
    run_batch(jsonl, out, facts=facts, chunk_size=2, workers=workers, progress=False, min_confidence=1.0)
    before, after = _verdicts(unbroken[1]), _verdicts(_lines(out))
    judged = [key for key, (verdict, _) in before.items() if verdict != "NOT_ENOUGH_INFO"]
    assert judged and after.keys() == before.keys()
    assert {verdict for verdict, _ in after.values()} == {"NOT_ENOUGH_INFO"}
    assert all(after[key][1].startswith("withheld ") for key in judged)


def test_a_confidence_floor_outside_0_to_1_is_refused(corpus):
    folder, jsonl, facts = corpus
    with pytest.raises(ValueError, match="min_confidence"):
        run_batch(jsonl, folder / "never.jsonl", facts=facts, progress=False, min_confidence=2.0)
    assert not (folder / "never.jsonl").exists()


def test_an_interrupted_run_resumes_to_the_same_output(corpus, unbroken, monkeypatch):
    folder, jsonl, facts = corpus
    out = folder / "interrupted.jsonl"
    real = batch.check_articles
    calls = []

    def interrupted_after_one_chunk(rows, encoder, store, min_confidence):
        calls.append(len(rows))
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(rows, encoder, store, min_confidence)

    monkeypatch.setattr(batch, "check_articles", interrupted_after_one_chunk)
    with pytest.raises(KeyboardInterrupt):
        run_batch(jsonl, out, facts=facts, chunk_size=2, workers=1, progress=False)
    monkeypatch.setattr(batch, "check_articles", real)
    first = _lines(out)
    assert {line["id"] for line in first} == {"a1", "a2", "a3"}
    # a kill in the middle of a write leaves half a line behind
    with open(out, "a", encoding="utf-8") as f:
        f.write('{"row": 3, "id": "a4", "rep')

    result = run_batch(jsonl, out, facts=facts, chunk_size=2, workers=1, progress=False)
    assert (result.skipped, result.checked, result.failed) == (3, 3, 0)
    assert _lines(out) == unbroken[1]
    again = run_batch(jsonl, out, facts=facts, chunk_size=2, workers=1, progress=False)
    assert (again.skipped, again.checked) == (6, 0)
    assert _lines(out) == unbroken[1]


def test_csv_input_and_parquet_input_and_output(corpus, unbroken):
    folder, _, facts = corpus
    expected = {line["id"]: line.get("report") for line in unbroken[1]}

    csv_path = folder / "corpus.csv"
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["id", "source", "text"])
        writer.writeheader()
        writer.writerows(ARTICLES)
    out = folder / "from-csv.jsonl"
    run_batch(csv_path, out, facts=facts, chunk_size=2, workers=1, progress=False)
    assert {line["id"]: line.get("report") for line in _lines(out)} == expected

    parquet_in = folder / "corpus.parquet"
    pq.write_table(pa.Table.from_pylist(ARTICLES), parquet_in)
    parquet_out = folder / "reports.parquet"
    run_batch(parquet_in, parquet_out, facts=facts, chunk_size=2, workers=1, progress=False)
    rows = pq.read_table(parquet_out).to_pylist()
    assert {r["id"]: (json.loads(r["report"]) if r["report"] else None) for r in rows} == expected
    assert not (folder / "reports.parquet.progress.jsonl").exists()


def test_corpus_rows_ids_and_dates(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(
        json.dumps({"id": "x", "text": "Ein Text.", "published": "2020-01-02", "source": "FANG-COVID (a.de, 2021-05-06)"})
        + "\n" + json.dumps({"id": "", "text": "Noch ein Text."}) + "\n", "utf-8")
    rows = read_corpus(path)
    assert [(r.id, r.published) for r in rows] == [("x", "2020-01-02"), (None, None)]
    assert batch.row_problem(rows[1], set()) == "the row has no id"
    assert batch.row_problem(rows[0], {"x"}).startswith("id 'x' appears more than once")


def test_an_output_file_that_is_no_earlier_runs_output_is_refused_not_overwritten(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps(ARTICLES[0], ensure_ascii=False) + "\n", "utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\nline 2\n", "utf-8")
    with pytest.raises(ValueError, match="line 1 is not a claimcheck batch result"):
        run_batch(corpus, notes, workers=1, progress=False)
    assert notes.read_text("utf-8") == "my notes\nline 2\n"
    with pytest.raises(ValueError, match="the corpus itself"):
        run_batch(corpus, corpus, workers=1, progress=False)
    assert corpus.read_text("utf-8") == json.dumps(ARTICLES[0], ensure_ascii=False) + "\n"
    with pytest.raises(ValueError, match="is a folder"):
        run_batch(corpus, tmp_path, workers=1, progress=False)
    other = tmp_path / "other.parquet"
    pq.write_table(pa.table({"id": ["x"], "body": ["y"]}), other)
    with pytest.raises(ValueError, match="not the output of an earlier claimcheck batch run"):
        run_batch(corpus, other, workers=1, progress=False)


def test_a_csv_corpus_row_with_an_extra_field_is_refused(tmp_path):
    # pandas would take the first column as an index and shift the others: the text would be the source
    corpus = tmp_path / "c.csv"
    corpus.write_text("id,text,source\na1,Die Stadtwerke Lindau haben 1.200 neue Kunden.,dpa,\n", "utf-8")
    with pytest.raises(ValueError, match="line 2 has 4 fields but the header has 3"):
        read_corpus(corpus)


@pytest.mark.parametrize("name, content, message", [
    ("missing.jsonl", None, "no such file"),
    ("", None, "is a folder"),  # tmp_path itself
    ("empty.jsonl", "", "the corpus is empty"),
    ("broken.jsonl", '{"id": "1", "text": "Die Stadt hat 300 Mitarbeiter."}\n{"id": "2", "text": \n',
     "line 2: not valid JSON"),
    ("corpus.xml", "<a/>", "unknown corpus format"),
    ("c.jsonl", json.dumps({"id": "1", "body": "x"}) + "\n", "no column 'text'"),
])
def test_bad_corpus_paths_give_clear_errors(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, "utf-8")
    with pytest.raises(ValueError, match=message):
        read_corpus(path)


# --- which sentences get a vector (claimcheck.pipeline.sentences_to_encode, used by check() and batch) ----------

def _long_article() -> str:
    """16 plain sentences of the lead, then one with a figure and one without (written for this test)."""
    lead = [f"Der Gemeinderat von Talbach beriet am Abend über den {n} Abschnitt des neuen Verkehrskonzepts."
            for n in ("ersten", "zweiten", "dritten", "vierten", "fünften", "sechsten", "siebten", "achten",
                      "neunten", "zehnten", "elften", "zwölften", "dreizehnten", "vierzehnten", "fünfzehnten",
                      "sechzehnten")]
    return " ".join(lead + ["Die Stadt Talbach investiert dafür 12 Millionen Euro in neue Radwege.",
                            "Die Anwohner der Hauptstraße verfolgten die Sitzung mit großem Interesse."])


def test_check_encodes_figure_sentences_and_the_summary_pool_only():
    from claimcheck import pipeline
    from fakes import FakeEncoder

    encoder = FakeEncoder()
    doc = pipeline.Document(text=_long_article())
    pipeline.split_into_sentences(doc)
    pipeline.find_published(doc)
    pipeline.encode_sentences(doc, encoder)
    n = len(doc.sentences)
    figure, plain_after = n - 2, n - 1
    assert doc.encoded == list(range(pipeline.SUMMARY_POOL)) + [figure]
    assert encoder.texts_encoded == len(doc.encoded)
    assert doc.sentence_vectors.shape == (n, encoder.dim)
    assert np.abs(doc.sentence_vectors[plain_after]).sum() == 0  # nothing reads it
    assert np.abs(doc.sentence_vectors[doc.encoded]).sum(axis=1).min() > 0

    pipeline.find_claims(doc)
    assert doc.claims and all(c.sentence_start == doc.sentences[figure].start for c in doc.claims)
    pipeline.summarise(doc, max_sentences=3, backend="extractive", model=None)
    # the summary's indices name the article's sentences, not positions among the encoded ones
    assert doc.summary.text == " ".join(doc.sentences[i].text for i in doc.summary.sentence_indices)


def test_a_text_of_fragments_encodes_every_sentence():
    from claimcheck import pipeline
    from fakes import FakeEncoder

    doc = pipeline.Document(text="Talbach heute\n\nKurz notiert\n\nWetter")
    pipeline.split_into_sentences(doc)
    pipeline.encode_sentences(doc, FakeEncoder())
    assert doc.encoded == list(range(len(doc.sentences))) and len(doc.sentences) >= 2


def test_an_in_memory_store_is_checked_in_this_process_even_with_workers(corpus, unbroken):
    from claimcheck.models import get_encoder
    from claimcheck.store import ReferenceStore

    folder, jsonl, facts = corpus
    store = ReferenceStore.in_memory(get_encoder())
    store.add_file(facts)
    out = folder / "memory.jsonl"
    run_batch(jsonl, out, store=store, chunk_size=2, workers=2, progress=False)
    verdicts = lambda lines: [[c["verdict"] for c in line.get("report", {}).get("claims", [])] for line in lines]  # noqa: E731
    assert any("SUPPORTED" in article for article in verdicts(unbroken[1]))
    assert verdicts(_lines(out)) == verdicts(unbroken[1])


def test_a_store_of_the_wrong_type_is_refused(corpus):
    folder, jsonl, _ = corpus
    with pytest.raises(ValueError, match="store must be"):
        run_batch(jsonl, folder / "never.jsonl", store=42, progress=False)


# --- the real command, killed and resumed -------------------------------------------------------------------

TOWNS = ["Lindau", "Talbach", "Nordhafen", "Seestadt", "Bergheim", "Rosental", "Eichenau", "Mühlbach"]


def _killable_corpus(n: int) -> list[dict]:
    """n short articles written for this test (figures of every kind), an empty row and a repeated id."""
    articles = []
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        articles.append({"id": f"k{i:02d}", "source": f"Testmeldung ({town}, 2022-0{1 + i % 9}-1{i % 10})", "text": (
            f"Die Stadtwerke {town} haben {1_000 + 37 * i} neue Kunden gewonnen. Der Umsatz stieg um {i % 7 + 1},5 "
            f"Prozent auf {100 + i} Millionen Euro. Bis Ende {2025 + i % 4} sollen {20 + i} weitere Ladesäulen "
            f"entstehen. Der Bürgermeister von {town} sprach von einem guten Jahr. Binnen {i % 5 + 2} Monaten soll "
            f"der Rat über {300 + 11 * i} neue Wohnungen entscheiden.")})
    articles.insert(n // 2, {"id": "leer", "source": "Testmeldung", "text": ""})
    articles.append({"id": "k03", "source": "Testmeldung", "text": "Ein zweiter Text mit derselben Kennung."})
    return articles


@pytest.fixture(scope="module")
def tiny_setup(tmp_path_factory):
    """A tiny random-weights encoder directory, a store built with it, and a corpus: the command
    runs end to end in seconds, with the store checking that it gets the encoder it was built with."""
    from test_encoder import save_tiny_sentence_transformer

    from claimcheck.models import get_encoder
    from claimcheck.store import ReferenceStore

    root = tmp_path_factory.mktemp("killed")
    model = save_tiny_sentence_transformer(root / "tiny-encoder", prompts=None)
    cache = root / "cache"
    encoder = get_encoder(str(model), cache_dir=cache, backend="torch")
    with ReferenceStore.open(root / "store", encoder) as store:
        store.add([{"id": f"fact-{town}", "text": f"Die Stadtwerke {town} hatten zuletzt {1_000 + 37 * i} neue Kunden.",
                    "lang": "de"} for i, town in enumerate(TOWNS)])
    corpus = root / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in _killable_corpus(60)), "utf-8")
    env = dict(os.environ, CLAIMCHECK_ENCODER=str(model), CLAIMCHECK_CACHE_DIR=str(cache),
               CLAIMCHECK_ENCODER_BACKEND="torch", HF_HUB_OFFLINE="1", RUST_LOG="error")
    return root, corpus, env


def _whole_lines(path) -> list[dict]:
    """The lines a kill left whole (it may have cut the last one)."""
    return [json.loads(line) for line in path.read_text("utf-8").splitlines(keepends=True) if line.endswith("\n")]


def _claimcheck_command() -> list[str]:
    script = Path(sys.executable).with_name("claimcheck")  # the installed command
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from claimcheck.cli import main; sys.exit(main())"]


# The command as the killed run starts it: its writer holds still once it has written LINES_BEFORE_KILL lines,
# so that the kill lands mid-run however fast the machine is (a CI run once wrote all 61 lines between two polls).
# The workers go on taking chunks meanwhile, so the kill still takes them mid-work.
LINES_BEFORE_KILL = 20
HELD_COMMAND = [sys.executable, "-c", (
    "import sys, time\n"
    "from claimcheck import batch\n"
    "from claimcheck.cli import main\n"
    "write, written = batch.ReportWriter.write, []\n"
    "def held(self, record):\n"
    "    write(self, record)\n"
    "    written.append(record)\n"
    f"    while len(written) >= {LINES_BEFORE_KILL}:\n"
    "        time.sleep(1)\n"
    "batch.ReportWriter.write = held\n"
    "sys.exit(main())\n")]


def test_the_command_killed_mid_run_resumes_to_the_output_of_an_unbroken_run(tiny_setup, monkeypatch):
    root, corpus, env = tiny_setup
    command = _claimcheck_command() + ["batch", str(corpus)]
    options = ["--store", str(root / "store"), "--chunk-size", "2"]

    # unbroken, in this process and with one worker: the output must not depend on where it was computed
    for name in ("CLAIMCHECK_ENCODER", "CLAIMCHECK_CACHE_DIR", "CLAIMCHECK_ENCODER_BACKEND"):
        monkeypatch.setenv(name, env[name])
    unbroken_out = root / "unbroken.jsonl"
    run_batch(corpus, unbroken_out, store=root / "store", workers=1, chunk_size=2, progress=False)
    unbroken = _lines(unbroken_out)
    assert len(unbroken) == 61  # 60 articles and the empty row; the repeated id gets no line
    assert sum("report" in line for line in unbroken) == 60

    out = root / "killed.jsonl"
    log = root / "killed.log"
    with open(log, "wb") as stderr:
        # its own process group, so that the kill takes the workers too
        run = subprocess.Popen(HELD_COMMAND + ["batch", str(corpus), str(out)] + options + ["--workers", "2"], env=env,
                               stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while run.poll() is None and time.monotonic() < deadline:
            written = out.read_bytes().count(b"\n") if out.exists() else 0
            if written >= LINES_BEFORE_KILL:
                break
            time.sleep(0.05)
        assert run.poll() is None, f"the run ended before it could be killed: {log.read_text()[-2000:]}"
        os.killpg(run.pid, signal.SIGKILL)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
        run.wait(timeout=60)
    assert run.returncode == -signal.SIGKILL
    first = _whole_lines(out)
    assert len(first) == LINES_BEFORE_KILL < len(unbroken)
    assert first == unbroken[: len(first)]  # what was written before the kill is already final
    with open(out, "a", encoding="utf-8") as f:  # as if the kill had cut a line in half
        f.write('{"row": 55, "id": "k54", "repo')

    # resumed in one process (one encoder load instead of two workers'): the output is the same either way
    resumed = subprocess.run(command + [str(out)] + options + ["--workers", "1"], env=env, capture_output=True,
                             text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert f"failed, {len(first)} already done" in resumed.stderr
    lines = _lines(out)
    ids = [line["id"] for line in lines]
    assert len(ids) == len(set(ids)) == 61
    assert lines == unbroken  # same rows, same order, same reports, floats included

    again = subprocess.run(command + [str(out)] + options + ["--workers", "2"], env=env, capture_output=True,
                           text=True, timeout=300)
    assert again.returncode == 0 and "0 checked, 0 failed, 61 already done" in again.stderr
    assert _lines(out) == unbroken
