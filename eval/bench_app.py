"""Time from pressing "check" to the result on the web page, warm, through gradio_client.

    python eval/bench_app.py                 # starts the app on a free local port
    python eval/bench_app.py --url http://127.0.0.1:7860 --runs 10

Each run is one /check call with a sample article (data/samples) and the sample
facts, as the button sends it; the first call (cold) is reported apart. Target: <= 2 s warm.
When the app runs in this process, the same check through the library alone is timed
too: the difference is what the page adds (the rest is the pipeline, mostly the encoder).
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import time
from pathlib import Path

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
TARGET_S = 2.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running claimcheck page; default: start one here")
    parser.add_argument("--runs", type=int, default=5, help="warm runs to time (default 5)")
    parser.add_argument("--article", default=str(SAMPLES / "tiktok-ultimatum-doctored.txt"))
    args = parser.parse_args()

    from gradio_client import Client

    demo = None
    url = args.url
    if url is None:
        from claimcheck.web import launch

        started = time.perf_counter()
        port = free_port()
        demo = launch(port=port, prevent_thread_lock=True, quiet=True)
        url = f"http://127.0.0.1:{port}"
        print(f"start-up (encoder load and warm-up included): {time.perf_counter() - started:.1f} s")
    # The page fetches the report files only when the user clicks them, so the client does not either.
    client = Client(url, verbose=False, download_files=False)
    text = Path(args.article).read_text("utf-8")

    def one_check() -> tuple[float, dict]:
        t0 = time.perf_counter()
        result = client.predict(text, "2020-08-17", None, None, "sample", "", "de", api_name="/check")
        return time.perf_counter() - t0, result[4]

    def direct_check() -> float:  # the same work through the library alone (in-process app only)
        from claimcheck.pipeline import check
        from claimcheck.web import sample_store

        t0 = time.perf_counter()
        check(text, store=sample_store(), published="2020-08-17")
        return time.perf_counter() - t0

    cold, report = one_check()
    if "error" in report:
        raise SystemExit(f"the check failed: {report['error']}")
    # Page and library runs alternate, so that both see the same load on a shared machine.
    page_times, library_times = [], []
    for _ in range(args.runs):
        page_times.append(one_check()[0])
        if demo is not None:
            library_times.append(direct_check())
    page = statistics.median(page_times)
    print(f"article: {Path(args.article).name} ({len(text)} characters, {len(report['claims'])} claims); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"first call: {cold:.2f} s")
    print(f"button to result, warm, {args.runs} runs: median {page:.2f} s, min {min(page_times):.2f} s, "
          f"max {max(page_times):.2f} s (target <= {TARGET_S:.0f} s: {'met' if page <= TARGET_S else 'NOT met'})")
    if demo is not None:
        library = statistics.median(library_times)
        print(f"library check() alone, same runs: median {library:.2f} s (the page adds {page - library:+.2f} s)")
        demo.close()

if __name__ == "__main__":
    main()
