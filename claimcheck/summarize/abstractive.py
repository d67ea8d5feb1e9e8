"""Abstractive summaries with a transformers model the user supplies.

No installable package ships a German summarisation model, so this backend runs
only when the user names one (argument `model`, setting `summarizer`,
CLAIMCHECK_SUMMARIZER): a Hugging Face id or a local directory holding either

- an encoder-decoder (mT5, German T5, mBART fine-tunes: AutoModelForSeq2SeqLM),
  fed the article text after the config's summarisation prefix, or
- an instruction-tuned causal LM (AutoModelForCausalLM), asked in German, through
  its chat template when it has one.

Weights load from safetensors only, never with remote code; a local directory
(or HF_HUB_OFFLINE=1) loads with local_files_only, a hub id is looked up in the
local cache before the hub. An article longer than the model's window is cut
into chunks of whole sentences that fit; each chunk is summarised, and when
there are several the joined chunk summaries are summarised once more if they
fit the window (else kept in order). The caller checks faithfulness.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Sequence

from ..types import Sentence

# Upper bound on the window used, whatever the model claims: keeps one CPU request in minutes.
MAX_WINDOW_TOKENS = 4096
MAX_NEW_TOKENS_PER_SENTENCE = 60

PROMPT_DE = (
    "Fasse den folgenden Nachrichtentext in höchstens {n} Sätzen auf Deutsch zusammen. "
    "Nenne nur Zahlen, Namen und Daten, die im Text stehen.\n\nText:\n{text}\n\nZusammenfassung:"
)


@dataclass
class SummarizerModel:
    name: str
    model: Any  # a transformers PreTrainedModel
    tokenizer: Any
    seq2seq: bool
    window: int  # input tokens the model reads at once
    prefix: str  # text put before the article for seq2seq models ("summarize: " for T5)


def _offline() -> bool:
    return any(os.environ.get(v, "").lower() in ("1", "true", "yes") for v in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"))


def _window(config, tokenizer) -> int:
    limits = [getattr(tokenizer, "model_max_length", None)]
    limits += [getattr(config, a, None) for a in ("max_position_embeddings", "n_positions", "max_sequence_length")]
    known = [int(x) for x in limits if isinstance(x, int) and 0 < x < 1_000_000]
    return min(known + [MAX_WINDOW_TOKENS]) if known else 512


def _from_pretrained(model_id: str, local_only: bool) -> SummarizerModel:
    from transformers import AutoConfig, AutoModelForCausalLM, AutoModelForSeq2SeqLM, AutoTokenizer

    common = {"local_files_only": local_only, "trust_remote_code": False}
    config = AutoConfig.from_pretrained(model_id, **common)
    tokenizer = AutoTokenizer.from_pretrained(model_id, **common)
    seq2seq = bool(getattr(config, "is_encoder_decoder", False))
    auto = AutoModelForSeq2SeqLM if seq2seq else AutoModelForCausalLM
    model = auto.from_pretrained(model_id, use_safetensors=True, **common)
    model.eval()
    task = (getattr(config, "task_specific_params", None) or {}).get("summarization", {})
    prefix = task.get("prefix", "") if seq2seq else ""
    return SummarizerModel(model_id, model, tokenizer, seq2seq, _window(config, tokenizer), prefix)


_loaded: dict[str, SummarizerModel] = {}
_lock = threading.Lock()


def load_summarizer(model_id: str) -> SummarizerModel:
    """The model `model_id` (hub id or local directory), loaded once per process."""
    if not isinstance(model_id, str) or not model_id.strip():
        raise ValueError("The summarisation model must be a Hugging Face model id or a local directory.")
    with _lock:
        if model_id in _loaded:
            return _loaded[model_id]
        local = Path(model_id).expanduser().is_dir()
        try:
            loaded = _from_pretrained(str(Path(model_id).expanduser()) if local else model_id, local_only=True)
        except OSError as first_error:
            if local or _offline():
                raise ValueError(
                    f"Cannot load the summarisation model {model_id!r}: {first_error}. It needs a config, a "
                    "tokenizer and safetensors weights (offline: only models already on this disk)."
                ) from None
            try:  # a hub id not in the local cache: the one place a download may happen
                loaded = _from_pretrained(model_id, local_only=False)
            except OSError as error:
                raise ValueError(f"Cannot load the summarisation model {model_id!r}: {error}") from None
        _loaded[model_id] = loaded
        return loaded


# --- chunking -----------------------------------------------------------------

def _token_count(m: SummarizerModel, text: str) -> int:
    # verbose=False: counting a text longer than the window is the point here, not an error.
    return len(m.tokenizer(text, add_special_tokens=False, verbose=False)["input_ids"])


def _input_budget(m: SummarizerModel, max_new_tokens: int, n: int) -> int:
    """Tokens of article text one call can take: the window less prompt, specials and (causal) output."""
    if m.seq2seq:
        overhead = _token_count(m, m.prefix) + 4
    else:
        overhead = _token_count(m, PROMPT_DE.format(n=n, text="")) + 32 + max_new_tokens  # 32: chat template
    return max(16, m.window - overhead)


def chunk_sentences(texts: Sequence[str], token_counts: Sequence[int], budget: int) -> list[str]:
    """Whole sentences packed greedily into chunks of at most `budget` tokens, in order.

    A sentence longer than the budget makes a chunk of its own (the tokenizer cuts it).
    """
    chunks: list[str] = []
    current: list[str] = []
    used = 0
    for text, count in zip(texts, token_counts):
        if current and used + count > budget:
            chunks.append(" ".join(current))
            current, used = [], 0
        current.append(text)
        used += count
    if current:
        chunks.append(" ".join(current))
    return chunks


# --- generation ---------------------------------------------------------------

def _generate(m: SummarizerModel, text: str, max_sentences: int, max_new_tokens: int, num_beams: int) -> str:
    import torch

    tokenizer = m.tokenizer
    if m.seq2seq:
        prompt = m.prefix + text
    else:
        prompt = PROMPT_DE.format(n=max_sentences, text=text)
        if getattr(tokenizer, "chat_template", None):
            prompt = tokenizer.apply_chat_template([{"role": "user", "content": prompt}], tokenize=False, add_generation_prompt=True)
    max_input = m.window if m.seq2seq else max(16, m.window - max_new_tokens)
    inputs = tokenizer(prompt, return_tensors="pt", truncation=True, max_length=max_input)
    options: dict[str, Any] = {"max_new_tokens": max_new_tokens, "do_sample": False, "num_beams": num_beams,
                               "no_repeat_ngram_size": 3}
    if tokenizer.pad_token_id is None and tokenizer.eos_token_id is not None:
        options["pad_token_id"] = tokenizer.eos_token_id
    with torch.no_grad():
        output = m.model.generate(**inputs, **options)
    new_tokens = output[0] if m.seq2seq else output[0][inputs["input_ids"].shape[1]:]
    written = tokenizer.decode(new_tokens, skip_special_tokens=True).strip()
    return written.removeprefix("Zusammenfassung:").strip()


def abstractive_summary(
    text: str,
    sentences: Sequence[Sentence],
    model_id: str,
    *,
    max_sentences: int = 3,
    max_chars: Optional[int] = None,
    num_beams: Optional[int] = None,
) -> list[str]:
    """The sentences the model writes for `text`, at most `max_sentences` (and `max_chars`)."""
    from ..sentences import split_sentences

    m = load_summarizer(model_id)
    max_new_tokens = MAX_NEW_TOKENS_PER_SENTENCE * max_sentences
    if m.seq2seq:  # the decoder's positions are bounded by the same window (BART, mBART)
        max_new_tokens = min(max_new_tokens, m.window - 2)
    else:  # the prompt and the answer share the window: leave the article at least half of it
        max_new_tokens = min(max_new_tokens, m.window // 2)
    beams = num_beams or (4 if m.seq2seq else 1)
    texts = [" ".join(s.text.split()) for s in sentences if s.text.strip()] or [" ".join(text.split())]
    budget = _input_budget(m, max_new_tokens, max_sentences)
    chunks = chunk_sentences(texts, [_token_count(m, t) for t in texts], budget)
    parts = [_generate(m, chunk, max_sentences, max_new_tokens, beams) for chunk in chunks]
    written = " ".join(p for p in parts if p)
    if len(chunks) > 1 and written and _token_count(m, written) <= budget:
        written = _generate(m, written, max_sentences, max_new_tokens, beams)  # merge the chunk summaries
    out: list[str] = []
    used = 0
    for s in split_sentences(written) if written else []:
        sentence = " ".join(s.text.split())
        extra = len(sentence) + (1 if out else 0)
        if not sentence or len(out) == max_sentences or (max_chars is not None and used + extra > max_chars):
            continue
        out.append(sentence)
        used += extra
    return out
