"""How long the `claimcheck check` command takes to its first result, in fresh processes.

    python eval/bench_startup.py [--runs 5] [--no-first-run] [--article FILE --facts FILE --published DATE]
                                 [--repo DIR] [--compare DIR]

Runs the real command (`claimcheck check data/samples/tiktok-ultimatum.txt
--facts data/samples/tiktok-facts.jsonl --published 2020-08-17` by default):

1. once as a warm-up (prepares the encoder in the cache when needed, warms the
   page cache);
2. --runs times more, each a fresh process: median/min/max wall seconds, and
   CPU seconds (user + system of the process), which a busy shared machine
   distorts less (target: later starts under 10 s on 2 cores);
3. once instrumented: the same work split into phases (interpreter and
   `import claimcheck.cli`, import of sentence-transformers, encoder load, then
   each pipeline stage; a stage's own imports count in the stage);
4. unless --no-first-run, the first run in a fresh cache directory
   (CLAIMCHECK_CACHE_DIR=<new temp dir>: the packaged encoder is converted;
   target under 60 s).

--compare DIR alternates each run with one of checkout DIR and prints both
medians and the paired difference (a fair before/after on a shared machine).

--repo DIR times the claimcheck package of another checkout (e.g. an older
commit from `git archive COMMIT | tar -x -C /tmp/cc-before`) with this venv,
its phases too (the instrumented run needs claimcheck.models.lean_import and
the pipeline stages named below, there since commit 3f8b6c1).

The load average is printed beside every figure.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Run in a fresh interpreter by --instrumented: times each phase of one check.
_INSTRUMENTED = r"""
import io, json, sys, time, contextlib
{from_repo}
t_start = time.perf_counter()
marks = []
def mark(name, since=[time.perf_counter(), time.process_time()]):
    wall, cpu = time.perf_counter(), time.process_time()
    marks.append((name, wall - since[0], cpu - since[1]))
    since[0], since[1] = wall, cpu
import claimcheck.cli
from claimcheck import pipeline
mark("import claimcheck.cli")
from claimcheck.models.lean_import import import_sentence_transformers
import_sentence_transformers()
mark("import sentence_transformers")
from claimcheck.models import get_encoder
get_encoder()
mark("encoder load (SentenceTransformer)")
for stage in ("split_into_sentences", "find_published", "encode_sentences", "find_claims", "open_facts",
              "judge_claims", "summarise"):
    def timed(*args, _stage=stage, _fn=getattr(pipeline, stage), **kwargs):
        mark("(between stages)")
        result = _fn(*args, **kwargs)
        mark(_stage)
        return result
    setattr(pipeline, stage, timed)
with contextlib.redirect_stdout(io.StringIO()):
    code = claimcheck.cli.main(sys.argv[1:])
mark("print")
json.dump({"code": code, "marks": marks}, sys.stderr)
sys.stderr.flush()
claimcheck.cli._exit_now(code)  # as the command does
"""


# --repo: the editable install's import hook would still find this checkout first; drop it.
_USE_REPO = ("import sys; sys.meta_path[:] = [f for f in sys.meta_path "
             "if not type(f).__module__.startswith('__editable__')]; sys.path.insert(0, {repo!r})")
_FROM_REPO = _USE_REPO + "; from claimcheck.cli import main; sys.exit(main())"


def claimcheck_command() -> list[str]:
    """The installed console script next to this interpreter, else `python -m claimcheck.cli`."""
    script = Path(sys.executable).with_name("claimcheck")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "claimcheck.cli"]


def load() -> str:
    return "load %.2f %.2f %.2f" % os.getloadavg()


def run_once(command: list[str], env: dict) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, children) of one run; exits on failure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"`{' '.join(command)}` failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def instrumented(args_after_cli: list[str], env: dict, repo: Path | None = None) -> tuple[float, float, list]:
    script = _INSTRUMENTED.replace("{from_repo}", _USE_REPO.format(repo=str(repo)) if repo else "")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", script, *args_after_cli], cwd=repo or ROOT, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        result = json.loads(done.stderr[done.stderr.rindex('{"code"'):])
    except ValueError:
        sys.exit(f"instrumented run failed:\n{done.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), result["marks"]


def print_phases(wall: float, cpu: float, marks: list) -> None:
    print(f"\nphases of one instrumented run ({wall:.2f} s wall, {cpu:.2f} s CPU)   [{load()}]")
    print(f"  {'phase':40s} {'wall s':>7s} {'CPU s':>7s}")
    accounted = 0.0
    for name, phase_wall, phase_cpu in marks:
        if name == "(between stages)" and phase_wall < 0.005:
            continue
        accounted += phase_wall
        print(f"  {name:40s} {phase_wall:7.2f} {phase_cpu:7.2f}")
    print(f"  {'interpreter start and exit':40s} {wall - accounted:7.2f}")


def repo_command(repo: Path, check_args: list[str]) -> tuple[list[str], dict]:
    """The check command run from checkout `repo`, and its environment."""
    env = dict(os.environ, PYTHONPATH=str(repo) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return [sys.executable, "-c", _FROM_REPO.format(repo=str(repo))] + check_args, env


def compare(args) -> int:
    """--compare: runs of the two checkouts alternate, so a load that shifts meanwhile hits both alike."""
    check_args = ["check", args.article, "--facts", args.facts, "--published", args.published]
    repos = {"this": args.repo.resolve() if args.repo else ROOT, "other": args.compare.resolve()}
    commands = {name: repo_command(repo, check_args) for name, repo in repos.items()}
    print(f"this: {repos['this']}   other: {repos['other']}   ({os.cpu_count()} cores)")
    for name, (command, env) in commands.items():  # warm-up: page cache, encoder prepared
        run_once(command, env)
    walls = {name: [] for name in commands}
    cpus = {name: [] for name in commands}
    for i in range(args.runs):
        line = []
        for name, (command, env) in commands.items():
            wall, cpu = run_once(command, env)
            walls[name].append(wall)
            cpus[name].append(cpu)
            line.append(f"{name} {wall:6.2f} s wall {cpu:6.2f} s CPU")
        print(f"  run {i + 1}: {'   '.join(line)}   [{load()}]")
    for name in commands:
        print(f"{name} ({args.runs} runs): wall median {statistics.median(walls[name]):.2f} s "
              f"(min {min(walls[name]):.2f}, max {max(walls[name]):.2f}); CPU median "
              f"{statistics.median(cpus[name]):.2f} s (min {min(cpus[name]):.2f}, max {max(cpus[name]):.2f})")
    saved = [o - t for o, t in zip(walls["other"], walls["this"])]
    saved_cpu = [o - t for o, t in zip(cpus["other"], cpus["this"])]
    print(f"this is faster by (paired, median): {statistics.median(saved):.2f} s wall, "
          f"{statistics.median(saved_cpu):.2f} s CPU   [{load()}]")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--article", default="data/samples/tiktok-ultimatum.txt")
    parser.add_argument("--facts", default="data/samples/tiktok-facts.jsonl")
    parser.add_argument("--published", default="2020-08-17")
    parser.add_argument("--no-first-run", action="store_true", help="skip the fresh-cache run (about a minute)")
    parser.add_argument("--repo", type=Path, help="time the claimcheck package of this checkout instead")
    parser.add_argument("--compare", type=Path, metavar="DIR",
                        help="alternate each run with one of checkout DIR (before/after under the same load)")
    args = parser.parse_args(argv)
    if args.compare:
        return compare(args)

    check_args = ["check", args.article, "--facts", args.facts, "--published", args.published]
    repo = args.repo.resolve() if args.repo else ROOT
    command = ([sys.executable, "-c", _FROM_REPO.format(repo=str(repo))] if args.repo else claimcheck_command()) \
        + check_args
    env = dict(os.environ, PYTHONPATH=str(repo) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    print(f"command: {' '.join(command)}   ({os.cpu_count()} cores)")

    print("warm-up run ... ", end="", flush=True)
    wall, cpu = run_once(command, env)
    print(f"{wall:.2f} s wall, {cpu:.2f} s CPU   [{load()}]")

    walls, cpus = [], []
    for i in range(args.runs):
        wall, cpu = run_once(command, env)
        walls.append(wall)
        cpus.append(cpu)
        print(f"  run {i + 1}: {wall:6.2f} s wall  {cpu:6.2f} s CPU   [{load()}]")
    print(f"later starts ({args.runs} runs): wall median {statistics.median(walls):.2f} s "
          f"(min {min(walls):.2f}, max {max(walls):.2f}); CPU median {statistics.median(cpus):.2f} s "
          f"(min {min(cpus):.2f}, max {max(cpus):.2f})   [{load()}]   target: < 10 s")

    print_phases(*instrumented(check_args, env, repo if args.repo else None))

    if not args.no_first_run:
        cache = Path(tempfile.mkdtemp(prefix="claimcheck-bench-cache-"))
        try:
            wall, cpu = run_once(command, dict(env, CLAIMCHECK_CACHE_DIR=str(cache)))
        finally:
            shutil.rmtree(cache, ignore_errors=True)
        print(f"\nfirst run (fresh cache, encoder converted): {wall:.2f} s wall, {cpu:.2f} s CPU   "
              f"[{load()}]   target: < 60 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
