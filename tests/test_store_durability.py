"""A killed ingest loses no acknowledged fact; a reader sees a consistent store while a writer adds.

The writer is this file run as a script: it adds facts in small batches and prints
"ACK <batch>" after each add() has returned (that is, after its commit).
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from claimcheck.store import ReferenceStore

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BATCH = 5
KILL_ROUNDS = 20


def batch_facts(round_no: int, batch_no: int) -> list[dict]:
    return [
        {"id": f"r{round_no}-b{batch_no}-f{i}", "text": f"Fakt {i} aus Runde {round_no}, Stapel {batch_no}: {batch_no * 7 + i} Einheiten."}
        for i in range(BATCH)
    ]


def writer(store_dir: str, round_no: int, batches: int, optimize_every: int) -> None:
    from fakes import FakeEncoder

    with ReferenceStore.open(store_dir, FakeEncoder()) as store:
        for b in range(batches):
            store.add(batch_facts(round_no, b))
            print(f"ACK {b}", flush=True)
            if optimize_every and (b + 1) % optimize_every == 0:
                store.optimize()  # kills also land during compaction


def _start_writer(store_dir: Path, round_no: int, batches: int, optimize_every: int = 0) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(HERE), os.environ.get("PYTHONPATH", "")]))
    return subprocess.Popen(
        [sys.executable, __file__, str(store_dir), str(round_no), str(batches), str(optimize_every)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )


def _read_acks(proc: subprocess.Popen, acked: list[int], first_ack: threading.Event) -> None:
    for line in proc.stdout:
        if line.startswith("ACK "):
            acked.append(int(line.split()[1]))
            first_ack.set()


def test_killed_ingest_keeps_every_acknowledged_fact(tmp_path):
    from fakes import FakeEncoder

    rng = random.Random(20200817)
    store_dir = tmp_path / "store"
    expected: set[str] = set()
    kills_during_ingest = 0
    for round_no in range(KILL_ROUNDS):
        proc = _start_writer(store_dir, round_no, batches=400, optimize_every=rng.choice([0, 3]))
        acked: list[int] = []
        first_ack = threading.Event()
        reader = threading.Thread(target=_read_acks, args=(proc, acked, first_ack), daemon=True)
        reader.start()
        # Timed from the first commit, so that a slow start on a busy machine still ingests.
        assert first_ack.wait(180), "the writer never committed a batch"
        time.sleep(rng.uniform(0.0, 1.5))  # a random point: between or inside commits, or in optimize()
        still_running = proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        reader.join(10)
        kills_during_ingest += still_running
        for b in acked:
            expected.update(f["id"] for f in batch_facts(round_no, b))

        with ReferenceStore.open(store_dir, FakeEncoder()) as store:  # it opens after every kill
            present = set(store.ids())
            assert expected <= present, f"round {round_no}: lost {sorted(expected - present)[:5]}"
            # Batches are atomic: a batch is either wholly there or not at all.
            assert len(present) % BATCH == 0
    assert kills_during_ingest >= KILL_ROUNDS - 2  # the kills did land while ingesting


def test_a_reader_sees_a_consistent_store_while_a_writer_adds(tmp_path):
    from fakes import FakeEncoder

    store_dir = tmp_path / "store"
    with ReferenceStore.open(store_dir, FakeEncoder()) as seed:
        seed.add(batch_facts(999, 0))
    proc = _start_writer(store_dir, round_no=1, batches=30)
    try:
        counts = []
        with ReferenceStore.open(store_dir, FakeEncoder()) as store:
            deadline = time.time() + 120
            while proc.poll() is None and time.time() < deadline:
                ids = store.ids()
                counts.append(len(ids))
                assert len(ids) % BATCH == 0, "a reader saw half a batch"
                assert len(set(ids)) == len(ids), "a reader saw an id twice"
                hits = store.search("Fakt Runde Stapel Einheiten", k=BATCH)
                assert all(store.get(h.fact.id) is not None for h in hits)
            proc.wait(30)
            final = store.ids()
        assert proc.returncode == 0
        assert len(final) == BATCH * 31
        assert counts == sorted(counts), "a reader saw the store shrink"
        assert len(set(counts)) >= 2, "the reader never saw the writer's commits live"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)


if __name__ == "__main__":
    writer(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
