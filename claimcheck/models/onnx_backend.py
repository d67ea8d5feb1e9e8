"""ONNX Runtime backend for the encoder (opt-in: CLAIMCHECK_ENCODER_BACKEND=onnx or onnx-int8).

A mean-pooled BERT-style sentence-transformers model is exported once to ONNX
(transformer + mean pooling + L2 normalisation in one graph), its attention,
LayerNorm and GELU fused by onnxruntime's transformer optimiser, and cached in
`<cache_dir>/encoders/<model>-<variant>/` beside the converted model, built under a
temporary name and renamed into place with a manifest (as e5_packaged does).

Variants, measured on 400 German news sentences with eval/check_encoder.py:
- "onnx": fp32, the same vectors as torch (cosine 1.0000); about as fast as torch
  on one thread here (AVX2, no VNNI).
- "onnx-int8": dynamic int8 weights (per channel) in every matrix product but the
  feed-forward down-projections, whose GELU activations have outliers; about 1.4x
  faster than fp32, mean cosine 0.998 to fp32 (min 0.99). Its vectors differ, so it
  is a different encoder by name: a store built with another backend refuses it.

Needs `onnxruntime` and `onnx` (pip install onnxruntime onnx); optimum is not used
(its releases pin transformers below the version claimcheck runs on).
"""
from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path
from typing import Sequence

import numpy as np

from ..cache import build_cache_directory

VARIANTS = ("onnx", "onnx-int8")
# Bump when the exported graph changes, so old caches are rebuilt.
EXPORT_VERSION = 1
MANIFEST = "claimcheck_onnx_manifest.json"
OPSET = 17


def _require_onnxruntime() -> None:
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ModuleNotFoundError as err:
        raise ValueError("the ONNX encoder backend needs onnxruntime and onnx "
                         "(pip install onnxruntime onnx), or set CLAIMCHECK_ENCODER_BACKEND=torch") from err


def _mean_pooled_transformer(st_model):
    """The transformers model inside `st_model`, which must be Transformer -> mean Pooling (-> Normalize)."""
    modules = list(st_model)
    kinds = [type(m).__name__ for m in modules]
    mean_pooled = (kinds[:2] == ["Transformer", "Pooling"]
                   and getattr(modules[1], "pooling_mode", None) == "mean"
                   and all(k == "Normalize" for k in kinds[2:]))
    if not mean_pooled:
        raise ValueError(f"the ONNX encoder backend supports mean-pooled transformer models only, "
                         f"not the module chain {' -> '.join(kinds)}; use CLAIMCHECK_ENCODER_BACKEND=torch")
    return modules[0].auto_model


def _source_signature(source_dir: Path) -> dict:
    """What the export depends on: the weight files' sizes and times, and the library versions."""
    weights = sorted(p for p in source_dir.rglob("*") if p.suffix in (".safetensors", ".bin") and p.is_file())
    versions = {name: _version(name) for name in ("torch", "transformers", "onnx", "onnxruntime")}
    return {"export_version": EXPORT_VERSION, "source": str(source_dir),
            "weights": [[p.name, p.stat().st_size, p.stat().st_mtime_ns] for p in weights], "versions": versions}


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "missing"


def _is_exported(target: Path, signature: dict) -> bool:
    try:
        return json.loads((target / MANIFEST).read_text()) == signature and (target / "model.onnx").is_file()
    except (OSError, ValueError):
        return False


def export_onnx(st_model, source_dir: Path, variant: str, cache_dir: Path) -> Path:
    """The cached ONNX file for `st_model` (loaded from `source_dir`), exported on first use."""
    _require_onnxruntime()
    if variant not in VARIANTS:
        raise ValueError(f"unknown ONNX variant {variant!r}; choose one of {', '.join(VARIANTS)}")
    source_dir = Path(source_dir).resolve()
    encoders = Path(cache_dir) / "encoders"
    target = encoders / f"{source_dir.name}-{variant}"
    signature = _source_signature(source_dir)
    if _is_exported(target, signature):
        return target / "model.onnx"

    def export(staging: Path) -> None:
        fp32 = staging / "fp32.onnx"
        _export_fp32(st_model, fp32)
        fused = staging / "fused.onnx"
        _fuse(fp32, fused, _mean_pooled_transformer(st_model).config)
        fp32.unlink()
        if variant == "onnx-int8":
            _quantise(fused, staging / "model.onnx")
            fused.unlink()
        else:
            fused.rename(staging / "model.onnx")
        (staging / MANIFEST).write_text(json.dumps(signature, indent=2))

    build_cache_directory(encoders, target.name, export, lambda directory: _is_exported(directory, signature))
    return target / "model.onnx"


def _export_fp32(st_model, path: Path) -> None:
    import torch

    model = _mean_pooled_transformer(st_model)

    class MeanPooled(torch.nn.Module):
        def __init__(self, transformer):
            super().__init__()
            self.m = transformer

        def forward(self, input_ids, attention_mask):
            hidden = self.m(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, dim=-1)

    previous = model.config._attn_implementation
    # Eager attention exports as plain MatMul/Softmax, which the optimiser fuses into one Attention op.
    model.set_attn_implementation("eager")
    try:
        example = st_model.tokenizer(["query: ein Beispiel", "query: zwei"], padding=True, return_tensors="pt")
        with torch.no_grad():
            torch.onnx.export(
                MeanPooled(model.eval()), (example["input_ids"], example["attention_mask"]), str(path),
                input_names=["input_ids", "attention_mask"], output_names=["sentence_embedding"],
                dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
                              "sentence_embedding": {0: "batch"}},
                opset_version=OPSET, dynamo=False, external_data=False)
    finally:
        model.set_attn_implementation(previous)


def _fuse(source: Path, target: Path, config) -> None:
    from onnxruntime.transformers import optimizer

    fused = optimizer.optimize_model(str(source), model_type="bert", num_heads=config.num_attention_heads,
                                     hidden_size=config.hidden_size, opt_level=0, use_gpu=False)
    fused.save_model_to_file(str(target))


def _quantise(source: Path, target: Path) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    graph = onnx.load(str(source), load_external_data=False).graph
    # The feed-forward down-projection reads GELU outputs with outliers: int8 there cost most
    # of the agreement (mean cosine 0.995 -> 0.998 when kept in fp32) for a quarter of the gain.
    keep_fp32 = [n.name for n in graph.node
                 if n.op_type == "MatMul" and "/output/dense/" in n.name and "/attention/" not in n.name]
    quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8, per_channel=True,
                     op_types_to_quantize=["MatMul", "Attention"], nodes_to_exclude=keep_fp32,
                     extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})


class OnnxSentenceModel:
    """The part of SentenceTransformer that Encoder uses, run by onnxruntime."""

    def __init__(self, onnx_path: Path, tokenizer, max_seq_length: int, dim: int, prompts: dict,
                 threads: int = 1):
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, threads)
        options.inter_op_num_threads = 1
        # No busy-waiting between batches: on a shared machine spinning threads burn other jobs' CPU.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
        self.tokenizer = tokenizer
        self.max_seq_length = max_seq_length
        self.prompts = prompts
        self._dim = dim

    def get_embedding_dimension(self) -> int:
        return self._dim

    def encode(self, sentences: Sequence[str], *, batch_size: int = 32, **_ignored) -> np.ndarray:
        """L2-normalised float32 vectors; texts are sorted by length so that batches pad little."""
        order = np.argsort([-len(s) for s in sentences], kind="stable")
        out = np.empty((len(sentences), self._dim), dtype=np.float32)
        for begin in range(0, len(sentences), batch_size):
            rows = order[begin : begin + batch_size]
            batch = self.tokenizer([sentences[i] for i in rows], padding=True, truncation=True,
                                   max_length=self.max_seq_length, return_tensors="np")
            out[rows] = self.session.run(None, {"input_ids": batch["input_ids"].astype(np.int64),
                                                "attention_mask": batch["attention_mask"].astype(np.int64)})[0]
        return out


def load_onnx_model(st_model, source_dir: Path, variant: str, cache_dir: Path, threads: int) -> OnnxSentenceModel:
    """An OnnxSentenceModel for a loaded SentenceTransformer (exporting it on first use)."""
    path = export_onnx(st_model, source_dir, variant, cache_dir)
    dim = st_model.get_embedding_dimension() if hasattr(st_model, "get_embedding_dimension") \
        else st_model.get_sentence_embedding_dimension()
    return OnnxSentenceModel(path, st_model.tokenizer, st_model.max_seq_length, int(dim),
                             dict(getattr(st_model, "prompts", None) or {}), threads)
