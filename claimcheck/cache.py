"""Directories built once into claimcheck's cache, safely under parallel processes and kills.

The packaged encoder's conversion, its ONNX export and simplemma's lemma trie
are each built into a staging directory beside their place and renamed in, so
that a reader never sees half a build and a killed build leaves nothing that
looks finished. Callers check readiness first (cheap) and call
`build_cache_directory` only when the directory is missing or stale.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable


def build_cache_directory(parent: Path, name: str, build: Callable[[Path], None],
                          is_ready: Callable[[Path], bool]) -> Path:
    """`parent/name`, filled by `build(staging_dir)` and renamed into place.

    A stale directory there (one that `is_ready` refuses) is replaced; when
    another process installs a ready one first, ours is dropped.
    """
    target = parent / name
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=parent))
    except OSError as err:
        raise ValueError(f"cannot write the cache in {parent} ({err}); "
                         "set CLAIMCHECK_CACHE_DIR to a writable directory") from err
    staging.chmod(0o755)  # mkdtemp makes it private; the cache is not secret
    _remove_abandoned(parent, name)
    try:
        build(staging)
        if is_ready(target):
            return target  # another process finished first; ours is dropped below
        if target.exists():  # stale: other sources, versions or converter
            stale = Path(tempfile.mkdtemp(prefix=f".{name}.stale.", dir=parent))
            os.replace(target, stale / "old")
            shutil.rmtree(stale, ignore_errors=True)
        try:
            os.replace(staging, target)
        except OSError:
            # Another process renamed its finished copy into place first.
            if not is_ready(target):
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _remove_abandoned(parent: Path, name: str, older_than_s: float = 3600.0) -> None:
    """Delete staging directories that a killed build left behind."""
    now = time.time()
    for leftover in parent.glob(f".{name}.*"):  # includes our own fresh one: too young
        try:
            if now - leftover.stat().st_mtime > older_than_s:
                shutil.rmtree(leftover, ignore_errors=True)
        except OSError:
            pass  # another process removed it first
