"""The reference store: reading fact files, stable ids, search, filters, cross-language retrieval."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import claimcheck.store as store_module
from claimcheck.facts_io import FactFileError, facts_from_records, read_facts
from claimcheck.store import AddResult, ReferenceStore, StoreError, detect_lang, lexical_overlap
from claimcheck.types import Fact, Quantity
from fakes import FakeEncoder

# Facts written for these tests (not taken from any article).
FACTS = [
    {"id": "acme-staff-2021", "text": "Die Acme AG beschäftigte Ende 2021 rund 4.200 Mitarbeiter.", "lang": "de",
     "source": "Geschäftsbericht 2021", "as_of": "2021-12-31"},
    {"id": "acme-revenue-2021", "text": "Acme reported revenue of 1.3 billion euros for 2021.", "lang": "en",
     "as_of": "2021"},
    {"id": "brightline-users-2022", "text": "Die App Brightline hatte im März 2022 etwa 12 Millionen Nutzer.",
     "as_of": "2022-03"},
    {"id": "harbour-opening", "text": "Der neue Hafen von Nordstadt wurde am 3. Mai 2019 eröffnet.",
     "source": "Stadtverwaltung"},
]


@pytest.fixture
def encoder():
    return FakeEncoder()


@pytest.fixture
def store(tmp_path, encoder):
    with ReferenceStore.open(tmp_path / "store", encoder) as s:
        yield s


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def write_csv(path: Path, records) -> Path:
    columns = ["id", "text", "source", "as_of", "lang"]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        for r in records:
            writer.writerow({c: r.get(c, "") for c in columns})
    return path


def write_parquet(path: Path, records) -> Path:
    columns = ["id", "text", "source", "as_of", "lang"]
    pq.write_table(pa.table({c: [r.get(c) for r in records] for c in columns}), path)
    return path


# ---- fact files ----------------------------------------------------------------------------


@pytest.mark.parametrize("writer,suffix", [(write_jsonl, ".jsonl"), (write_csv, ".csv"), (write_parquet, ".parquet")])
def test_every_file_format_gives_the_same_facts(tmp_path, writer, suffix):
    facts = read_facts(writer(tmp_path / f"facts{suffix}", FACTS))
    assert [f.id for f in facts] == [r["id"] for r in FACTS]
    assert facts[0].text == FACTS[0]["text"]
    assert facts[0].as_of == "2021-12-31" and facts[0].source == "Geschäftsbericht 2021"
    assert facts[1].lang == "en" and facts[1].as_of == "2021"
    assert facts[2].lang is None and facts[2].source is None  # empty CSV cells are absent, not ""
    assert facts[3].as_of is None


def test_csv_keeps_ids_and_years_as_written(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("id,text,as_of\n007,Ein Fakt mit 3 Zahlen.,2020\n", encoding="utf-8")
    (fact,) = read_facts(path)
    assert fact.id == "007" and fact.as_of == "2020"


def test_parquet_dates_become_iso_days(tmp_path):
    import datetime as dt

    path = tmp_path / "f.parquet"
    pq.write_table(pa.table({"id": ["a"], "text": ["Ein Fakt."], "as_of": pa.array([dt.date(2020, 8, 14)])}), path)
    assert read_facts(path)[0].as_of == "2020-08-14"


@pytest.mark.parametrize(
    "lines,expected",
    [
        (['{"id": "a", "text": "x"}', '{"id": "b", "text": "y"}', '{"id": "c", "text": '], "line 3: not valid JSON"),
        (['{"id": "a", "text": "x"}', "", '{"id": "b"}'], "line 3: missing 'text'"),
        (['{"text": "x"}'], "line 1: missing 'id'"),
        (['{"id": 5, "text": "x"}'], "line 1: 'id' must be a string"),
        (['{"id": "a", "text": "x", "as_of": "14.08.2020"}'], "line 1: 'as_of' must be written YYYY"),
        (['{"id": "a", "text": "x", "as_of": "2020-02-30"}'], "line 1: 'as_of' '2020-02-30' is not a calendar date"),
        (['{"id": "a", "text": "x", "lang": "German!"}'], "line 1: 'lang' must be a language code"),
        (['{"id": "a", "text": "x"}', '{"id": "a", "text": "y"}'], "line 2: duplicate id 'a' (first at line 1)"),
        (['["a", "b"]', '{"id": "a", "text": "x"}'], "line 1: a fact must be an object"),
    ],
)
def test_malformed_jsonl_names_the_line(tmp_path, lines, expected):
    path = tmp_path / "facts.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(FactFileError) as err:
        read_facts(path)
    assert str(path) in str(err.value)
    assert expected in str(err.value)


def test_malformed_csv_names_the_row(tmp_path):
    path = tmp_path / "facts.csv"
    path.write_text("id,text\na,Erster Fakt.\nb,\n", encoding="utf-8")
    with pytest.raises(FactFileError, match=r"facts\.csv row 2: missing 'text'"):
        read_facts(path)
    path.write_text("id,source\na,Erster Fakt.\n", encoding="utf-8")
    with pytest.raises(FactFileError, match=r"line 1: the header has no 'text' column"):
        read_facts(path)


def test_a_csv_row_with_an_extra_field_is_refused_not_shifted(tmp_path):
    # a trailing comma: pandas would read the row's text as its id and its source as its text
    path = tmp_path / "facts.csv"
    path.write_text("id,text,source\na,TikTok hat 100 Millionen Nutzer.,dpa,\n", encoding="utf-8")
    with pytest.raises(FactFileError, match="line 2 has 4 fields but the header has 3"):
        read_facts(path)


def test_a_fact_of_a_whole_document_is_refused():
    with pytest.raises(FactFileError, match="a fact is one statement"):
        facts_from_records([{"id": "f", "text": "TikTok hat 100 Millionen Nutzer. " * 200}])


def test_a_fact_file_without_facts_says_so(tmp_path):
    header_only = tmp_path / "facts.csv"
    header_only.write_text("id,text\n", encoding="utf-8")
    with pytest.raises(FactFileError, match="a header but no facts"):
        read_facts(header_only)
    empty = tmp_path / "facts.parquet"
    pq.write_table(pa.table({"id": pa.array([], pa.string()), "text": pa.array([], pa.string())}), empty)
    with pytest.raises(FactFileError, match="holds no facts"):
        read_facts(empty)


def test_a_fact_language_without_a_figure_reader_is_refused():
    with pytest.raises(FactFileError, match="reads figures in German"):
        facts_from_records([{"id": "f", "text": "TikTok comptait 100 millions d'utilisateurs.", "lang": "fr"}])
    assert facts_from_records([{"id": "f", "text": "TikTok had 100 million users.", "lang": "en-US"}])[0].lang == "en-us"


def test_fact_file_and_store_errors_are_input_errors():
    from claimcheck import InputError
    from claimcheck.store import StoreError

    assert issubclass(FactFileError, InputError) and issubclass(StoreError, InputError)


def test_parquet_without_text_column(tmp_path):
    path = tmp_path / "facts.parquet"
    pq.write_table(pa.table({"id": ["a"], "body": ["x"]}), path)
    with pytest.raises(FactFileError, match="has no 'text' column"):
        read_facts(path)


@pytest.mark.parametrize(
    "name,content,expected",
    [
        ("empty.jsonl", b"", "the file is empty"),
        ("blank.csv", b"\n  \n", "the file is empty"),
        ("image.jsonl", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file"),
        ("latin1.jsonl", '{"id": "a", "text": "Größe"}'.encode("latin-1"), "line 1: not UTF-8 text"),
        ("fake.parquet", b"PAR1 this is not really parquet", "not a Parquet file"),
        ("facts.xml", b"<facts/>", "unknown fact file format '.xml'"),
    ],
)
def test_unusable_files_get_a_clear_message(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FactFileError, match=expected):
        read_facts(path)


def test_missing_file(tmp_path):
    with pytest.raises(FactFileError, match="no such file"):
        read_facts(tmp_path / "nope.jsonl")


def test_records_from_python_are_validated():
    facts = facts_from_records([FACTS[0], Fact(id="x", text="Ein Fakt.", as_of="2020-08")])
    assert [f.id for f in facts] == ["acme-staff-2021", "x"]
    with pytest.raises(ValueError, match="item 2: missing 'text'"):
        facts_from_records([FACTS[0], {"id": "y", "text": "  "}])


# ---- writing: stable ids ---------------------------------------------------------------------


def test_ingest_each_format_into_the_store(tmp_path, store):
    assert store.add_file(write_jsonl(tmp_path / "a.jsonl", FACTS[:2])) == AddResult(2, 0, 0)
    assert store.add_file(write_csv(tmp_path / "b.csv", FACTS[2:3])) == AddResult(1, 0, 0)
    assert store.add_file(write_parquet(tmp_path / "c.parquet", FACTS[3:])) == AddResult(1, 0, 0)
    assert len(store) == 4
    fact = store.get("acme-staff-2021")
    assert fact.text == FACTS[0]["text"] and fact.as_of == "2021-12-31" and fact.lang == "de"
    assert store.get("no-such-fact") is None


def test_adding_the_same_file_twice_changes_nothing(tmp_path, store, encoder):
    path = write_jsonl(tmp_path / "facts.jsonl", FACTS)
    assert store.add_file(path) == AddResult(4, 0, 0)
    version, encoded = store.stats()["version"], encoder.texts_encoded
    assert store.add_file(path) == AddResult(0, 0, 4)
    assert store.stats()["version"] == version  # no commit at all
    assert encoder.texts_encoded == encoded  # unchanged facts are not re-encoded
    assert len(store) == 4


def test_adding_a_file_again_after_a_reader_upgrade_reads_its_facts_afresh(tmp_path, store, monkeypatch):
    path = write_jsonl(tmp_path / "facts.jsonl", FACTS)
    assert store.add_file(path) == AddResult(4, 0, 0)
    monkeypatch.setattr("claimcheck.store.READER_VERSION", -1)  # a release that reads some texts differently
    assert store.add_file(path) == AddResult(0, 4, 0)
    assert store.add_file(path) == AddResult(0, 0, 4)
    assert len(store) == 4


def test_changed_text_under_the_same_id_replaces_the_fact(store, encoder):
    store.add(FACTS)
    changed = dict(FACTS[2], text="Die App Brightline hatte im März 2022 etwa 15 Millionen Nutzer.")
    encoded = encoder.texts_encoded
    assert store.add([changed, FACTS[3]]) == AddResult(0, 1, 1)
    assert encoder.texts_encoded == encoded + 1
    assert len(store) == 4
    assert "15 Millionen" in store.get("brightline-users-2022").text
    top = store.search("Brightline 15 Millionen Nutzer", k=1)[0]
    assert top.fact.id == "brightline-users-2022" and "15 Millionen" in top.fact.text


def test_changed_metadata_replaces_too(store):
    store.add(FACTS)
    assert store.add([dict(FACTS[3], as_of="2019-05-03")]) == AddResult(0, 1, 0)
    assert store.get("harbour-opening").as_of == "2019-05-03"


def test_duplicate_ids_in_one_add_are_refused(store):
    with pytest.raises(ValueError, match="duplicate id 'a'"):
        store.add([{"id": "a", "text": "x"}, {"id": "a", "text": "y"}])


def test_store_persists_and_reopens(tmp_path, encoder):
    with ReferenceStore.open(tmp_path / "s", encoder) as s:
        s.add(FACTS)
    with ReferenceStore.open(tmp_path / "s", FakeEncoder()) as s:
        assert len(s) == 4
        assert s.search("Hafen Nordstadt eröffnet", k=1)[0].fact.id == "harbour-opening"


def test_a_store_refuses_another_encoder(tmp_path, encoder):
    with ReferenceStore.open(tmp_path / "s", encoder) as s:
        s.add(FACTS)
    with pytest.raises(StoreError, match="built with encoder 'fake-hash-bow-64' \\(64 dims\\)"):
        ReferenceStore.open(tmp_path / "s", FakeEncoder(dim=32))


def test_in_memory_store_keeps_stable_ids_and_closes(encoder):
    s = ReferenceStore.in_memory(encoder)
    assert s.add(FACTS) == AddResult(4, 0, 0)
    assert s.add(FACTS) == AddResult(0, 0, 4)
    changed = dict(FACTS[2], text="Die App Brightline hatte im März 2022 etwa 15 Millionen Nutzer.")
    assert s.add([changed]) == AddResult(0, 1, 0)
    assert len(s) == 4 and "15 Millionen" in s.get("brightline-users-2022").text
    assert s.search("Brightline 15 Millionen Nutzer", k=1)[0].fact.text == changed["text"]
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.search("Acme", k=1)


def test_in_memory_store_needs_no_database(tmp_path):
    # `--facts FILE` must not pay for importing lancedb, nor write anywhere.
    script = (
        "import sys; from fakes import FakeEncoder; from claimcheck.store import ReferenceStore\n"
        f"s = ReferenceStore.in_memory(FakeEncoder()); s.add({FACTS!r})\n"
        "assert s.search('Hafen Nordstadt', k=1)[0].fact.id == 'harbour-opening'\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('lancedb', 'lance')))\n"
    )
    here = Path(__file__).resolve().parent
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(here.parent), str(here)]))
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert list(tmp_path.iterdir()) == []


def test_open_refuses_a_file_as_store(tmp_path):
    path = tmp_path / "file.txt"
    path.write_text("x")
    with pytest.raises(StoreError, match="not a directory"):
        ReferenceStore.open(path)


def test_empty_store_searches_to_nothing(store):
    assert store.search("Acme", k=3) == []
    assert store.stats()["count"] == 0


# ---- search, filters, lexical score ----------------------------------------------------------


def fake_read_quantities(text, *, published=None, lang="de"):
    """A stand-in figure reader: years as dates, other numbers as counts (for filter tests)."""
    import re

    found = []
    for m in re.finditer(r"\d[\d.,]*", text):
        raw = m.group().rstrip(".,")
        kind = "date" if re.fullmatch(r"(19|20)\d\d", raw) else "count"
        found.append(Quantity(text=raw, start=m.start(), end=m.start() + len(raw), kind=kind))
    if "euro" in text.lower():
        found.append(Quantity(text="euros", start=0, end=1, kind="money", unit="EUR"))
    return found


@pytest.fixture(params=["lancedb", "memory"])
def derived_store(request, tmp_path, monkeypatch, encoder):
    """The sample facts with (fake) derived figures and subjects, in each kind of store."""
    subjects = {"Acme": "Acme", "Brightline": "Brightline", "Nordstadt": "Nordstadt"}

    def fake_subject(text, *, lang=None):
        return next((s for word, s in subjects.items() if word in text), None)

    monkeypatch.setattr(store_module, "_derivers", lambda: (fake_read_quantities, fake_subject))
    opened = ReferenceStore.open(tmp_path / "derived", encoder) if request.param == "lancedb" else ReferenceStore.in_memory(encoder)
    with opened as s:
        s.add(FACTS)
        yield s


def test_derived_fields_are_stored(derived_store):
    fact = derived_store.get("acme-revenue-2021")
    assert fact.subject == "Acme"
    assert {q.kind for q in fact.quantities} == {"count", "date", "money"}
    assert all(isinstance(q, Quantity) for q in fact.quantities)
    stats = derived_store.stats()
    assert stats["kinds"]["money"] == 1 and stats["langs"] == {"de": 3, "en": 1}


def test_filter_by_kind(derived_store):
    hits = derived_store.search("Acme", k=10, kind="money")
    assert [h.fact.id for h in hits] == ["acme-revenue-2021"]
    assert {h.fact.id for h in derived_store.search("Acme", k=10, kind=["money", "count"])} >= {
        "acme-revenue-2021", "acme-staff-2021"}
    with pytest.raises(StoreError, match="Unknown kind"):
        derived_store.search("Acme", kind="euros")


def test_filter_by_subject_ignores_case(derived_store):
    hits = derived_store.search("Mitarbeiter und Umsatz", k=10, subject="acme")
    assert {h.fact.id for h in hits} == {"acme-staff-2021", "acme-revenue-2021"}


def test_filter_by_date_overlaps_as_of(derived_store):
    # as_of 2021 (a year) overlaps December 2021; as_of 2021-12-31 too; 2022-03 and no as_of do not.
    hits = derived_store.search("Acme", k=10, date_from="2021-12", date_to="2021-12")
    assert {h.fact.id for h in hits} == {"acme-staff-2021", "acme-revenue-2021"}
    hits = derived_store.search("Brightline", k=10, date_from="2022-01-01")
    assert {h.fact.id for h in hits} == {"brightline-users-2022"}
    with pytest.raises(StoreError, match="date_from"):
        derived_store.search("Acme", date_from="last year")


def test_search_by_vector_with_query_text(store, encoder):
    store.add(FACTS)
    vector = encoder.encode_queries(["Brightline Nutzer"])[0]
    hits = store.search(vector, k=2, query_text="Brightline Nutzer")
    assert hits[0].fact.id == "brightline-users-2022" and hits[0].lexical == 1.0
    assert store.search(vector, k=2)[0].lexical == 0.0  # no text, no lexical score
    with pytest.raises(StoreError, match="64-dimensional"):
        store.search(np.ones(10), k=1)


def test_scores_are_cosines(store, encoder):
    store.add(FACTS)
    hit = store.search(FACTS[1]["text"], k=1)[0]
    assert hit.fact.id == "acme-revenue-2021"
    assert hit.score == pytest.approx(1.0, abs=1e-5)  # the fake encoder maps a text to one vector


def test_lexical_overlap_reads_numbers_written_alike():
    # Weights: a number 2, a capitalised word 1. "Mitarbeiter" has no English match.
    assert lexical_overlap("TikTok hat 1.500 Mitarbeiter", "TikTok employs 1,500 people") == 0.75
    assert lexical_overlap("TikTok hat 1.500 Mitarbeiter", "TikTok employs 2,000 people") == 0.25
    assert lexical_overlap("um 3,5 gewachsen", "grew by 3.5") == 1.0
    assert lexical_overlap("um 3,5 gewachsen", "grew by 35") == 0.0
    assert lexical_overlap("TikTok's users", "TikTok users") == 1.0
    assert lexical_overlap("", "anything") == 0.0


def test_lexical_score_breaks_near_ties(tmp_path, encoder):
    facts = [
        {"id": "a", "text": "Firma Kestrel meldet 300 Filialen."},
        {"id": "b", "text": "Firma Kestrel meldet 200 Filialen."},
    ]
    with ReferenceStore.open(tmp_path / "s", encoder) as s:
        s.add(facts)
        hits = s.search("Kestrel 200 Filialen", k=2)
        assert hits[0].fact.id == "b" and hits[0].lexical > hits[1].lexical


def test_memory_store_searches_as_the_lancedb_store_does(tmp_path, monkeypatch, encoder):
    # Same rows, same filters, same ranking: only where the rows live differs.
    monkeypatch.setattr(store_module, "_derivers", lambda: (fake_read_quantities, lambda text, *, lang=None: text.split()[1]))
    towns = ["Nordstadt", "Kestrel", "Lindenberg", "Orbis"]
    facts = [
        {"id": f"f{i}", "text": f"In {towns[i % 4]} gab es {2000 + i % 7} genau {100 + i} neue Wohnungen.",
         "as_of": str(2000 + i % 7)}
        for i in range(60)
    ]
    queries = [
        ("Lindenberg 107 neue Wohnungen", {}),
        ("Wohnungen in Orbis", {"subject": "orbis"}),
        ("Nordstadt Wohnungen 2003", {"date_from": "2003-01", "date_to": "2004-06-30"}),
        ("Kestrel", {"kind": "date"}),
    ]
    # Random vectors: no two facts tie, so the order is the ranking's alone.
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(60, 16)).astype(np.float32)
    with ReferenceStore.open(tmp_path / "lance") as lance, ReferenceStore.in_memory() as memory:
        assert lance.add(facts, vectors=vectors) == memory.add(facts, vectors=vectors) == AddResult(60, 0, 0)
        for text, filters in queries:
            query = vectors[7] + rng.normal(scale=0.8, size=16).astype(np.float32)
            a = lance.search(query, k=8, query_text=text, **filters)
            b = memory.search(query, k=8, query_text=text, **filters)
            assert a  # every query finds something to compare
            assert [h.fact for h in a] == [h.fact for h in b]
            assert [h.lexical for h in a] == [h.lexical for h in b]
            assert [h.score for h in a] == pytest.approx([h.score for h in b], abs=1e-5)
        assert lance.stats()["kinds"] == memory.stats()["kinds"]


def _hit_rows(hits):
    return [(h.fact, round(h.score, 6), h.lexical) for h in hits]


@pytest.mark.parametrize("kind", ["memory", "lance-exact", "lance-indexed"])
def test_search_many_gives_exactly_the_hits_of_search(tmp_path, monkeypatch, kind):
    monkeypatch.setattr(store_module, "_derivers", lambda: (fake_read_quantities, lambda text, *, lang=None: text.split()[1]))
    monkeypatch.setattr(store_module, "INDEX_MIN_ROWS", 300)  # "lance-indexed" gets an HNSW index
    size = 400 if kind == "lance-indexed" else 60
    towns = ["Nordstadt", "Kestrel", "Lindenberg", "Orbis"]
    facts = [{"id": f"f{i}", "text": f"In {towns[i % 4]} gab es {2000 + i % 7} genau {100 + i} neue Wohnungen.",
              "as_of": str(2000 + i % 7)} for i in range(size)]
    rng = np.random.default_rng(5)
    vectors = rng.normal(size=(size, 16)).astype(np.float32)
    queries = vectors[[3, 17, 3, 42, 17, 9]] + rng.normal(scale=0.5, size=(6, 16)).astype(np.float32)
    queries[2], queries[4] = queries[0], queries[1]  # a sentence's claims share its vector, not their text
    texts = ["Nordstadt 103", "Kestrel Wohnungen", "Wohnungen 2003", None, "Kestrel 117", "Kestrel 109"]
    opener = ReferenceStore.in_memory if kind == "memory" else lambda: ReferenceStore.open(tmp_path / "s")
    with opener() as s:
        s.add(facts, vectors=vectors)
        if kind == "lance-indexed":
            assert s.stats()["index"]["vector"].startswith("IVF_HNSW_SQ")
        searched = []
        nearest_many = s._nearest_many
        monkeypatch.setattr(s, "_nearest_many", lambda v, n, w: searched.append(len(v)) or nearest_many(v, n, w))
        for filters in ({}, {"subject": "kestrel"}, {"kind": "date", "date_from": "2002", "date_to": "2004"}):
            together = s.search_many(queries, k=5, query_texts=texts, **filters)
            one_by_one = [s.search(q, k=5, query_text=t, **filters) for q, t in zip(queries, texts)]
            assert [_hit_rows(h) for h in together] == [_hit_rows(h) for h in one_by_one]
            assert all(together)
        assert searched[0] == 4  # six queries, four distinct vectors: four searches, in one call
        assert _hit_rows(s.search_many(queries[:1], k=3)[0]) == _hit_rows(s.search(queries[0], k=3))
        assert s.search_many(np.zeros((0, 16)), k=3) == []
        with pytest.raises(StoreError, match="query_texts has 1 entries for 6"):
            s.search_many(queries, k=5, query_texts=["x"])
        with pytest.raises(StoreError, match="16-dimensional"):
            s.search_many(queries[:, :8], k=5)
        with pytest.raises(StoreError, match="Query vector 1 is zero"):
            s.search_many(np.stack([queries[0], np.zeros(16)]), k=5)


def test_search_inside_a_running_event_loop(store, encoder):
    # A notebook or an async server calls from a running event loop: the store takes LanceDB's sync path there.
    import asyncio

    store.add(FACTS)
    vector = encoder.encode_queries(["Brightline Nutzer"])[0]

    async def searches():
        return store.search(vector, k=3, query_text="Brightline"), store.search_many([vector, vector], k=3)

    inside, many = asyncio.run(searches())
    assert _hit_rows(inside) == _hit_rows(store.search(vector, k=3, query_text="Brightline"))
    assert [_hit_rows(h) for h in many] == [_hit_rows(store.search(vector, k=3))] * 2


def test_searches_from_several_threads_at_once(store, encoder):
    # The page answers requests on several threads; each thread queries LanceDB on its own event loop.
    from concurrent.futures import ThreadPoolExecutor

    store.add(FACTS)
    vectors = encoder.encode_queries([f["text"] for f in FACTS])
    expected = [_hit_rows(store.search(v, k=2)) for v in vectors]
    with ThreadPoolExecutor(max_workers=4) as pool:
        found = list(pool.map(lambda i: _hit_rows(store.search(vectors[i % 4], k=2)), range(40)))
        batches = list(pool.map(lambda _: [_hit_rows(h) for h in store.search_many(vectors, k=2)], range(8)))
    assert found == [expected[i % 4] for i in range(40)]
    assert batches == [expected] * 8


def test_language_detection_for_facts_without_lang():
    assert detect_lang("Die Stadt hat im Jahr 2020 mehr als 500 neue Wohnungen gebaut.") == "de"
    assert detect_lang("The city built more than 500 new flats in 2020.") == "en"
    # a German fact of nouns and figures has few function words, but no English ones
    assert detect_lang("Netflix' Nettogewinn im dritten Quartal 2023 betrug 1,68 Mrd. US-Dollar.") == "de"
    assert detect_lang("Tesla delivered 1.8 million vehicles in 2023.") == "en"
    assert detect_lang("Apple: 90 Mrd. Dollar Umsatz") == "de"  # neither: German first


def test_every_written_fact_is_detected_in_the_language_it_was_written_in():
    facts = [json.loads(line) for path in sorted((Path(__file__).parent.parent / "data" / "verify").glob("facts-*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    wrong = [f["text"] for f in facts if detect_lang(f["text"]) != f["lang"]]
    assert len(facts) > 700 and wrong == []


def test_small_store_is_searched_exactly(store):
    store.add(FACTS)
    assert store.stats()["index"]["vector"].startswith("none")


def test_index_is_built_past_the_threshold(tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "INDEX_MIN_ROWS", 300)
    monkeypatch.setattr(store_module, "LARGE_INDEX_ROWS", 600)
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(700, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    facts = [{"id": f"f{i}", "text": f"Synthetischer Fakt Nummer {i}."} for i in range(700)]
    with ReferenceStore.open(tmp_path / "s") as s:
        s.add(facts[:200], vectors=vectors[:200])
        assert s.stats()["index"]["vector"].startswith("none")
        s.add(facts[200:400], vectors=vectors[200:400])
        index = s.stats()["index"]
        assert index["vector"].startswith("IVF_HNSW_SQ") and index["indexed_rows"] == 400
        hits = s.search(vectors[123], k=5)
        assert hits[0].fact.id == "f123" and hits[0].score == pytest.approx(1.0, abs=1e-5)
        s.add(facts[400:], vectors=vectors[400:])  # past LARGE_INDEX_ROWS: rebuilt as IVF_SQ
        index = s.stats()["index"]
        assert index["vector"].startswith("IVF_SQ") and index["indexed_rows"] == 700
        assert s.search(vectors[654], k=5)[0].fact.id == "f654"


def test_indexed_search_with_refine_factor_asks_hnsw_wide_enough(tmp_path, monkeypatch):
    # refine_factor makes LanceDB ask the index for limit * factor rows, and HNSW refuses an ef below that.
    monkeypatch.setattr(store_module, "INDEX_MIN_ROWS", 300)
    monkeypatch.setattr(store_module, "REFINE_FACTOR", 5)
    rng = np.random.default_rng(2)
    vectors = rng.normal(size=(400, 16)).astype(np.float32)
    facts = [{"id": f"f{i}", "text": f"Synthetischer Fakt Nummer {i}."} for i in range(400)]
    with ReferenceStore.open(tmp_path / "s", search_snapshot=False) as s:
        s.add(facts, vectors=vectors)
        assert s.stats()["index"]["vector"].startswith("IVF_HNSW_SQ")
        hits = s.search(vectors[77], k=20)  # 80 candidates, 400 rows asked of the index
        assert len(hits) == 20 and hits[0].fact.id == "f77"
        assert s.search_many(vectors[[5, 6]], k=20)[1][0].fact.id == "f6"


# ---- the real packaged encoder, once ----------------------------------------------------------


def test_german_query_finds_the_english_fact_with_the_packaged_encoder(tmp_path):
    from claimcheck.models import get_encoder

    written = [  # (id, lang, text): one English target, distractors in both languages
        ("en-target", "en", "The city of Lindenberg opened a new public swimming pool in June 2018 at a cost of 12 million euros."),
        ("en-distractor-1", "en", "The football club signed three new players before the start of the season."),
        ("en-distractor-2", "en", "Heavy rain flooded several streets in the northern districts on Tuesday."),
        ("de-distractor-1", "de", "Die Bahn erhöht die Ticketpreise im Fernverkehr um durchschnittlich zwei Prozent."),
        ("de-distractor-2", "de", "Der Bundestag hat am Donnerstag über den Haushalt für das kommende Jahr beraten."),
        ("en-distractor-3", "en", "The museum will show an exhibition of modern sculpture from next spring."),
    ]
    facts = [{"id": i, "lang": lang, "text": text} for i, lang, text in written]
    with ReferenceStore.open(tmp_path / "real", get_encoder()) as s:
        s.add(facts)
        hits = s.search("Lindenberg hat im Juni 2018 ein neues Hallenbad für 12 Millionen Euro eröffnet.", k=3)
        assert hits[0].fact.id == "en-target"
        reverse = s.search("The railway raises long-distance fares by two percent on average.", k=1)
        assert reverse[0].fact.id == "de-distractor-1"


# ---- figure contexts -----------------------------------------------------------------------


class ContextEncoder(FakeEncoder):
    """FakeEncoder with token states: a span's context is the hashed vector of the text before it."""

    def encode_with_contexts(self, texts, spans, passages=False):
        contexts = [[self._vector(t[:start] or "leer") for start, _ in text_spans] for t, text_spans in zip(texts, spans)]
        return self._encode(list(texts)), contexts


@pytest.mark.parametrize("kind", ["lancedb", "memory"])
def test_each_figure_keeps_its_context_vector(tmp_path, kind):
    encoder = ContextEncoder()
    store = ReferenceStore.open(tmp_path / "s", encoder) if kind == "lancedb" else ReferenceStore.in_memory(encoder)
    with store:
        store.add(FACTS)
        fact = store.get("brightline-users-2022")
        assert len(fact.figure_contexts) == len(fact.quantities) >= 2
        for figure, context in zip(fact.quantities, fact.figure_contexts):
            expected = encoder._vector(fact.text[: figure.start] or "leer")
            np.testing.assert_allclose(context, expected, atol=2e-3)  # kept as float16
        hit = store.search("Brightline Nutzer", k=1)[0]
        assert hit.fact.id == "brightline-users-2022" and len(hit.fact.figure_contexts) == len(hit.fact.quantities)
        # vectors given by the caller come without token states: no contexts
        store.add([{"id": "given", "text": "Die Acme AG hatte 2020 rund 4.000 Mitarbeiter."}],
                  vectors=encoder.encode_passages(["Die Acme AG hatte 2020 rund 4.000 Mitarbeiter."]))
        given = store.get("given")
        assert given.quantities and given.figure_contexts == [None] * len(given.quantities)


def test_an_encoder_without_token_states_stores_no_contexts_and_old_rows_read_alike(store):
    store.add(FACTS[:1])
    fact = store.get("acme-staff-2021")
    assert fact.quantities and fact.figure_contexts == [None] * len(fact.quantities)
    row = {"id": "old", "text": "x", "source": None, "as_of": None, "lang": "de", "subject": None,
           "quantities": json.dumps([fact.quantities[0].to_dict()])}  # as stored before contexts were kept
    assert store_module._fact_from_row(row).figure_contexts == [None]


def test_facts_stored_before_contexts_are_derived_afresh_when_added_again(tmp_path, monkeypatch):
    with ReferenceStore.open(tmp_path / "s", FakeEncoder()) as old:
        old.add(FACTS)
    with ReferenceStore.open(tmp_path / "s", ContextEncoder()) as again:
        assert again.add(FACTS).unchanged == len(FACTS)  # same derivation: nothing to do
    monkeypatch.setattr(store_module, "CONTEXTS_VERSION", "figure-contexts-next")  # as after a release that keeps them
    with ReferenceStore.open(tmp_path / "s", ContextEncoder()) as again:
        assert again.add(FACTS).replaced == len(FACTS)
        assert all(c is not None for c in again.get("acme-staff-2021").figure_contexts)
