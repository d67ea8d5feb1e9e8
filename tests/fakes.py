"""Test doubles the whole team may reuse.

`FakeEncoder` stands in for `claimcheck.models.Encoder`: deterministic hashed
bag-of-words vectors (lowercased word tokens, each hashed with blake2b to one of
`dim` buckets with a sign), L2-normalised float32. Texts sharing words get a
high cosine, unrelated texts about zero; it knows nothing of language, so it
cannot stand in where a test needs cross-lingual similarity.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)


class FakeEncoder:
    def __init__(self, dim: int = 64, name: str = "fake-hash-bow") -> None:
        self.dim = dim
        self.name = f"{name}-{dim}"
        self.calls = 0  # number of encode_* calls, to check that unchanged facts are not re-encoded
        self.texts_encoded = 0

    def _vector(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for word in _WORD.findall(text.lower()):
            h = hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest()
            bucket = int.from_bytes(h[:4], "little") % self.dim
            v[bucket] += 1.0 if h[4] & 1 else -1.0
        norm = float(np.linalg.norm(v))
        if norm == 0.0:  # no words at all: a fixed unit vector keeps the output normalised
            v[0] = 1.0
            return v
        return v / norm

    def _encode(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        self.texts_encoded += len(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vector(t) for t in texts]).astype(np.float32)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(list(texts))

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(list(texts))
