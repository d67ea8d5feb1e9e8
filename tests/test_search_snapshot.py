"""The search snapshot: same hits as LanceDB's exact search, used only while it mirrors the table, never half-read."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

import claimcheck.search_snapshot as snapshots
import claimcheck.store as store_module
from claimcheck.store import ReferenceStore

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SIZE = 3_000
DIM = 32
TOWNS = ["Nordstadt", "Kestrel", "Lindenberg", "Orbis", "Talvera"]


def _facts(n: int, offset: int = 0) -> list[dict]:
    return [{"id": f"f{i}", "text": f"In {TOWNS[i % 5]} gab es {2000 + i % 9} genau {100 + i} neue Wohnungen.",
             "as_of": str(2000 + i % 9)} for i in range(offset, offset + n)]


def _vectors(n: int, seed: int = 0) -> np.ndarray:
    """Unit vectors around 60 centres (facts cluster by topic)."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(60, DIM)).astype(np.float32)
    v = centres[rng.integers(0, 60, size=n)] + rng.normal(scale=0.35, size=(n, DIM)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _fake_quantities(text, *, published=None, lang=None):
    return []


@pytest.fixture
def built(tmp_path, monkeypatch):
    """A store of SIZE facts searched exactly by LanceDB (no vector index) with a snapshot beside it."""
    monkeypatch.setattr(store_module, "_derivers", lambda: (_fake_quantities, lambda text, *, lang=None: text.split()[1]))
    path = tmp_path / "store"
    vectors = _vectors(SIZE)
    with ReferenceStore.open(path) as s:
        s.add(_facts(SIZE), vectors=vectors)
        assert s.stats()["index"]["vector"].startswith("none")  # LanceDB stays exact below INDEX_MIN_ROWS
        manifest = _build_small_snapshot(s, monkeypatch)
    assert manifest is not None and manifest.rows == SIZE
    return path, vectors


# Approximate small indexes, as at scale: IVF scanning 8 of 50 lists; HNSW with a narrow search.
SMALL_INDEXES = {"ivf": snapshots.IndexParams("IVF50,SQ8", nlist=50, nprobe=8),
                 "hnsw": snapshots.IndexParams("HNSW16_SQ8", ef_search=24)}


def _build_small_snapshot(store: ReferenceStore, monkeypatch, kind: str = "ivf"):
    """A snapshot for a store under INDEX_MIN_ROWS (the threshold is lowered for this build only)."""
    with monkeypatch.context() as m:
        m.setattr(store_module, "INDEX_MIN_ROWS", 1_000)
        m.setattr(snapshots, "index_params", lambda rows: SMALL_INDEXES[kind])
        return store.build_snapshot()


def test_index_params_choose_hnsw_below_its_limit_and_ivf_above():
    small, large = snapshots.index_params(100_000), snapshots.index_params(1_000_000)
    assert small.factory.startswith("HNSW") and small.search_parameter == ("efSearch", snapshots.HNSW_EF_SEARCH)
    assert large.factory == "IVF1000,SQ8" and large.search_parameter == ("nprobe", 200)


def _queries(vectors: np.ndarray, n: int = 60) -> np.ndarray:
    rng = np.random.default_rng(7)
    q = vectors[rng.integers(0, len(vectors), size=n)] + rng.normal(scale=0.2, size=(n, DIM)).astype(np.float32)
    return q / np.linalg.norm(q, axis=1, keepdims=True)


def _spy_lance(monkeypatch) -> list[int]:
    calls: list[int] = []
    run_query = store_module._run_query
    monkeypatch.setattr(store_module, "_run_query", lambda *a, **kw: calls.append(1) or run_query(*a, **kw))
    return calls


@pytest.mark.parametrize("kind", sorted(SMALL_INDEXES))
def test_snapshot_gives_the_hits_of_lancedb_exact_search(built, monkeypatch, kind):
    path, vectors = built
    if kind != "ivf":
        with ReferenceStore.open(path) as s:
            assert _build_small_snapshot(s, monkeypatch, kind).index == SMALL_INDEXES[kind].factory
    queries = _queries(vectors)
    texts = [f"{TOWNS[i % 5]} {100 + i * 37}" for i in range(len(queries))]
    with ReferenceStore.open(path) as fast, ReferenceStore.open(path, search_snapshot=False) as exact:
        assert fast.stats()["search_snapshot"]["state"] == "fresh"
        assert fast.stats()["search_snapshot"]["index"].startswith(f"faiss {SMALL_INDEXES[kind].factory}, ")
        assert exact.stats()["search_snapshot"]["state"] == "off"
        lance_calls = _spy_lance(monkeypatch)
        from_snapshot = [fast.search(q, k=5, query_text=t) for q, t in zip(queries, texts)]
        assert lance_calls == []  # answered without LanceDB
        from_lance = [exact.search(q, k=5, query_text=t) for q, t in zip(queries, texts)]
        assert len(lance_calls) == len(queries)
        same_ids = sum([h.fact.id for h in a] == [h.fact.id for h in b] for a, b in zip(from_snapshot, from_lance))
        assert same_ids >= 0.9 * len(queries)
        compared = 0
        for a, b in zip(from_snapshot, from_lance):
            theirs = {h.fact.id: (rank, h) for rank, h in enumerate(b)}
            for rank, hit in enumerate(a):
                if hit.fact.id in theirs:
                    their_rank, other = theirs[hit.fact.id]
                    assert hit.fact == other.fact  # every Fact field, quantities and subject included
                    assert hit.lexical == other.lexical
                    assert hit.score == pytest.approx(other.score, abs=1e-6)
                    assert rank == their_rank or [h.fact.id for h in a] != [h.fact.id for h in b]
                    compared += 1
        assert compared >= 0.9 * 5 * len(queries)
        # search_many on the snapshot: exactly search()'s hits
        together = fast.search_many(queries, k=5, query_texts=texts)
        assert [[(h.fact, h.score, h.lexical) for h in hits] for hits in together] == \
            [[(h.fact, h.score, h.lexical) for h in hits] for hits in from_snapshot]


def test_filtered_search_goes_to_lancedb(built, monkeypatch):
    path, vectors = built
    with ReferenceStore.open(path) as fast, ReferenceStore.open(path, search_snapshot=False) as exact:
        lance_calls = _spy_lance(monkeypatch)
        q = _queries(vectors, 1)[0]
        hits = fast.search(q, k=5, subject="kestrel")
        assert len(lance_calls) == 1 and hits and all(h.fact.subject == "Kestrel" for h in hits)
        assert [h.fact.id for h in hits] == [h.fact.id for h in exact.search(q, k=5, subject="kestrel")]


def test_a_write_makes_the_snapshot_stale_and_search_asks_lancedb(built, monkeypatch):
    path, vectors = built
    with ReferenceStore.open(path) as s:
        s.search(vectors[0], k=5)
        new_vector = _vectors(1, seed=99)
        s.add(_facts(1, offset=SIZE), vectors=new_vector)  # a small add: no optimize, so no new snapshot
        assert s.stats()["search_snapshot"]["state"] == "stale"
        lance_calls = _spy_lance(monkeypatch)
        hits = s.search(new_vector[0], k=5)
        assert hits[0].fact.id == f"f{SIZE}" and len(lance_calls) == 1
        with monkeypatch.context() as m:
            m.setattr(store_module, "INDEX_MIN_ROWS", 1_000)
            s.optimize()  # optimize() rebuilds it
        assert s.stats()["search_snapshot"] == {**s.stats()["search_snapshot"], "state": "fresh", "rows": SIZE + 1}
        assert s.search(new_vector[0], k=5)[0].fact.id == f"f{SIZE}" and len(lance_calls) == 1


def test_a_reader_sees_another_writers_commit(built):
    # A reader that opened the snapshot must notice a commit made through another handle (or process).
    path, vectors = built
    changed = "In Orbis gab es 2005 genau 9 neue Wohnungen."
    with ReferenceStore.open(path) as reader, ReferenceStore.open(path) as writer:
        hits = reader.search(vectors[5], k=5)
        assert hits[0].fact.id == "f5" and hits[0].score == pytest.approx(1.0, abs=1e-5)
        writer.add([{"id": "f5", "text": changed}], vectors=-vectors[5:6])  # replaced, and pointing away
        assert reader.stats()["search_snapshot"]["state"] == "stale"
        hits = reader.search(vectors[5], k=5)
        assert "f5" not in [h.fact.id for h in hits]
        assert reader.search(-vectors[5], k=1)[0].fact.text == changed


@pytest.mark.parametrize("damage", ["manifest-garbage", "index-cut", "rows-missing", "vectors-cut", "other-encoder",
                                    "rows-mismatch"])
def test_a_damaged_snapshot_is_ignored(built, monkeypatch, damage):
    path, vectors = built
    home = snapshots.snapshot_dir(path)
    manifest = json.loads((home / snapshots.MANIFEST).read_text())
    if damage == "manifest-garbage":
        (home / snapshots.MANIFEST).write_text('{"format_version": 1, "table_ver')
    elif damage == "index-cut":
        data = (home / snapshots.INDEX_FILE).read_bytes()
        (home / snapshots.INDEX_FILE).write_bytes(data[: len(data) // 2])
    elif damage == "rows-missing":
        (home / snapshots.ROWS_FILE).unlink()
    elif damage == "vectors-cut":
        data = (home / snapshots.VECTORS_FILE).read_bytes()
        (home / snapshots.VECTORS_FILE).write_bytes(data[: len(data) - 4 * DIM])
    elif damage == "other-encoder":
        (home / snapshots.MANIFEST).write_text(json.dumps({**manifest, "encoder_name": "another-encoder"}))
    elif damage == "rows-mismatch":
        (home / snapshots.MANIFEST).write_text(json.dumps({**manifest, "rows": SIZE - 1}))
    queries = _queries(vectors, 10)
    with ReferenceStore.open(path) as s, ReferenceStore.open(path, search_snapshot=False) as exact:
        lance_calls = _spy_lance(monkeypatch)
        found = [[h.fact.id for h in s.search(q, k=5)] for q in queries]
        assert len(lance_calls) == len(queries)  # every query went to LanceDB
        assert found == [[h.fact.id for h in exact.search(q, k=5)] for q in queries]
        assert s.stats()["search_snapshot"]["state"] in ("stale", "none")


def test_a_failed_build_keeps_the_old_snapshot_and_leaves_nothing_behind(built, monkeypatch):
    path, _ = built
    before = (snapshots.snapshot_dir(path) / snapshots.MANIFEST).read_text()
    import faiss

    def broken(*args):
        raise OSError("disk full")

    monkeypatch.setattr(faiss, "write_index", broken)
    with ReferenceStore.open(path) as s:
        with pytest.raises(OSError, match="disk full"):
            _build_small_snapshot(s, monkeypatch)
        assert s.stats()["search_snapshot"]["state"] == "fresh"  # the old one, still whole and current
    assert (snapshots.snapshot_dir(path) / snapshots.MANIFEST).read_text() == before
    assert [p.name for p in path.glob(snapshots.SNAPSHOT_DIR + "*")] == [snapshots.SNAPSHOT_DIR]
    # add() commits, builds the LanceDB index and warns that the snapshot was not rebuilt: stale, so LanceDB answers
    with ReferenceStore.open(path) as s, monkeypatch.context() as m:
        m.setattr(store_module, "INDEX_MIN_ROWS", 1_000)
        with pytest.warns(RuntimeWarning, match="search snapshot was not rebuilt .disk full"):
            s.add(_facts(1, offset=SIZE), vectors=_vectors(1, seed=42))
        assert s.stats()["search_snapshot"]["state"] == "stale" and len(s) == SIZE + 1
        assert s.search(_vectors(1, seed=42)[0], k=1)[0].fact.id == f"f{SIZE}"


def test_two_builders_at_once_leave_one_whole_snapshot(built, monkeypatch):
    from concurrent.futures import ThreadPoolExecutor

    path, vectors = built
    monkeypatch.setattr(store_module, "INDEX_MIN_ROWS", 1_000)
    stores = [ReferenceStore.open(path) for _ in range(2)]
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(lambda s: [s.build_snapshot() for _ in range(3)], stores))
        assert all(s.stats()["search_snapshot"]["state"] == "fresh" for s in stores)
        assert stores[0].search(vectors[77], k=1)[0].fact.id == "f77"
    finally:
        for s in stores:
            s.close()
    assert [p.name for p in path.glob(snapshots.SNAPSHOT_DIR + "*")] == [snapshots.SNAPSHOT_DIR]


def _builder(store_dir: str) -> None:
    """Run as a script: rebuild the snapshot over and over until killed."""
    store_module.INDEX_MIN_ROWS = 1_000
    with ReferenceStore.open(store_dir) as s:
        print("READY", flush=True)
        while True:
            s.build_snapshot()


def test_killed_builds_leave_the_old_snapshot_or_a_whole_new_one(built, monkeypatch):
    path, vectors = built
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(HERE), os.environ.get("PYTHONPATH", "")]))
    rng = random.Random(11)
    queries = _queries(vectors, 5)
    with ReferenceStore.open(path, search_snapshot=False) as exact:
        expected = [[h.fact.id for h in exact.search(q, k=5)] for q in queries]
    for _ in range(4):
        proc = subprocess.Popen([sys.executable, __file__, str(path)], stdout=subprocess.PIPE, text=True, env=env)
        assert proc.stdout.readline().strip() == "READY"
        time.sleep(rng.uniform(0.05, 1.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        with ReferenceStore.open(path) as s:
            assert s.stats()["search_snapshot"]["state"] in ("fresh", "none")
            found = [[h.fact.id for h in s.search(q, k=5)] for q in queries]
        assert sum(a == b for a, b in zip(found, expected)) >= 4
    with ReferenceStore.open(path) as s:
        _build_small_snapshot(s, monkeypatch)  # clears what the killed builds left
    assert [p.name for p in path.glob(snapshots.SNAPSHOT_DIR + "*")] == [snapshots.SNAPSHOT_DIR]


def test_no_snapshot_for_small_switched_off_or_remote_stores(tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "INDEX_MIN_ROWS", 300)
    monkeypatch.setattr(store_module, "_derivers", lambda: (None, None))
    vectors = _vectors(400)
    with ReferenceStore.open(tmp_path / "small") as s:
        s.add(_facts(200), vectors=vectors[:200])
        assert s.build_snapshot() is None and s.stats()["search_snapshot"] == {"state": "none"}
    with ReferenceStore.open(tmp_path / "off", search_snapshot=False) as s:
        s.add(_facts(400), vectors=vectors)  # builds the LanceDB index, but no snapshot
        assert s.stats()["index"]["indexed_rows"] == 400
        assert s.build_snapshot() is None and s.stats()["search_snapshot"] == {"state": "off"}
    assert not snapshots.snapshot_dir(tmp_path / "off").exists()
    monkeypatch.setenv("CLAIMCHECK_SEARCH_SNAPSHOT", "off")  # the setting, for stores opened without the argument
    with ReferenceStore.open(tmp_path / "off-by-setting") as s:
        s.add(_facts(400), vectors=vectors)
        assert s.stats()["search_snapshot"] == {"state": "off"}
    assert not snapshots.snapshot_dir(tmp_path / "off-by-setting").exists()
    monkeypatch.delenv("CLAIMCHECK_SEARCH_SNAPSHOT")
    with ReferenceStore.open(tmp_path / "on") as s:
        s.add(_facts(400), vectors=vectors)  # add() builds the index, and the snapshot with it
        assert s.stats()["search_snapshot"]["state"] == "fresh"
    import lancedb

    remote = ReferenceStore(lancedb.connect(tmp_path / "on"), "s3://bucket/facts")  # stands in for a remote URI
    assert remote.stats()["search_snapshot"] == {"state": "off (remote store)"} and remote.build_snapshot() is None


def test_a_snapshot_search_leaves_the_encoders_threads_alone(built):
    # faiss and torch share one OpenMP runtime: faiss searches on one thread without taking the encoder's.
    import faiss

    path, vectors = built
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(2)
    try:
        with ReferenceStore.open(path) as s:
            s.search_many(vectors[:4], k=5)
            assert s.stats()["search_snapshot"]["state"] == "fresh"
        assert faiss.omp_get_max_threads() == 2
    finally:
        faiss.omp_set_num_threads(threads)


def test_faiss_is_imported_only_for_a_snapshot():
    code = ("import sys, numpy as np; from claimcheck.store import ReferenceStore\n"
            "s = ReferenceStore.in_memory(); s.add([{'id': 'a', 'text': 'Acme hat 5 Mitarbeiter.'}], vectors=np.ones((1, 4)))\n"
            "s.search(np.ones(4), k=1); import claimcheck.pipeline\n"
            "print('faiss' in sys.modules)")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout.strip() == "False"


if __name__ == "__main__":
    _builder(sys.argv[1])
