"""Summaries: budgets and order, faithfulness, and the abstractive path with a tiny real model.

The article below is written for these tests (a made-up company), not taken from any corpus.
"""
from __future__ import annotations

import json
import re

import numpy as np
import pytest

from claimcheck.sentences import split_sentences
from claimcheck.summarize import Summary, check_faithfulness, summarize, vet_abstractive
from claimcheck.summarize.abstractive import chunk_sentences, load_summarizer
from claimcheck.summarize.extractive import ExtractiveWeights, is_summary_candidate, select_sentences
from claimcheck.types import Sentence
from fakes import FakeEncoder

ARTICLE = (
    "Kiel – Der Windparkbetreiber Nordlicht Energie hat im Jahr 2023 einen Umsatz von 412 Millionen Euro erzielt. "
    "Das Unternehmen beschäftigt nach eigenen Angaben 1.850 Mitarbeiter an sieben Standorten in Norddeutschland. "
    "Vorstandschefin Hanna Petersen kündigte an, binnen drei Jahren weitere 40 Windräder in der Ostsee zu bauen. "
    "Die Genehmigung für den ersten Abschnitt erwartet sie bis Ende März 2025.\n"
    "== Geschichte\n"
    "Nordlicht Energie wurde 2009 von vier Ingenieuren in Husum gegründet und ging 2016 an die Börse. "
    "Der Aktienkurs stieg seither um 230 Prozent, obwohl die Zinsen für neue Projekte deutlich gestiegen sind. "
    "Kritiker bemängeln, dass der Konzern beim Netzausbau auf staatliche Hilfe angewiesen bleibt. "
    "Umweltverbände begrüßten die Pläne dennoch als wichtigen Schritt für den Klimaschutz im Norden.\n"
    "(red, 14.3.2024)"
)

ENCODER = FakeEncoder(dim=64)


def sentences_and_vectors(text: str = ARTICLE) -> tuple[list[Sentence], np.ndarray]:
    sentences = split_sentences(text)
    return sentences, ENCODER.encode_queries([s.text for s in sentences])


# --- extractive ---------------------------------------------------------------

@pytest.mark.parametrize("max_sentences", [1, 2, 3, 5])
def test_extractive_respects_sentence_budget_and_article_order(max_sentences):
    sentences, vectors = sentences_and_vectors()
    summary = summarize(ARTICLE, max_sentences=max_sentences, sentences=sentences, sentence_vectors=vectors)
    assert summary.backend == "extractive"
    assert len(summary.sentence_indices) == max_sentences
    assert summary.sentence_indices == sorted(summary.sentence_indices)
    assert summary.text == " ".join(" ".join(sentences[i].text.split()) for i in summary.sentence_indices)
    assert summary.faithful, summary.notes


@pytest.mark.parametrize("max_chars", [90, 150, 260, 400])
def test_extractive_respects_character_budget(max_chars):
    sentences, vectors = sentences_and_vectors()
    summary = summarize(ARTICLE, max_sentences=5, max_chars=max_chars, sentences=sentences, sentence_vectors=vectors)
    assert len(summary.text) <= max_chars
    assert summary.sentence_indices, "some sentence of the article is shorter than the budget"
    assert summary.sentence_indices == sorted(summary.sentence_indices)


def test_character_budget_smaller_than_any_sentence_gives_an_empty_summary_that_says_so():
    sentences, vectors = sentences_and_vectors()
    summary = summarize(ARTICLE, max_chars=20, sentences=sentences, sentence_vectors=vectors)
    assert summary.text == "" and summary.sentence_indices == []
    assert any("20 characters" in note for note in summary.notes)


def test_heading_and_credit_lines_are_never_chosen():
    sentences, vectors = sentences_and_vectors()
    chosen = select_sentences(sentences, vectors, max_sentences=len(sentences))
    texts = [sentences[i].text.strip() for i in chosen]
    assert "== Geschichte" not in texts and "(red, 14.3.2024)" not in texts
    assert len(chosen) == len(sentences) - 2
    assert not is_summary_candidate(Sentence("Foto: Nordlicht Energie", 0, 23))


def test_a_verbatim_repeated_sentence_is_chosen_once():
    lead = "Nordlicht Energie baut bis 2027 vierzig neue Windräder in der Ostsee vor Fehmarn."
    text = " ".join([
        lead, lead,
        "Der Bau kostet nach Angaben des Unternehmens rund 900 Millionen Euro.",
        "Fischer auf Fehmarn fürchten um ihre Fanggründe und wollen klagen.",
    ])
    sentences, vectors = sentences_and_vectors(text)
    assert len(sentences) == 4
    chosen = select_sentences(sentences, vectors, max_sentences=2)
    assert 0 in chosen and 1 not in chosen


def test_mmr_penalty_trades_a_near_repeat_for_a_new_sentence():
    text = " ".join([
        "Nordlicht Energie baut bis 2027 vierzig neue Windräder in der Ostsee vor Fehmarn.",
        "Bis 2027 baut Nordlicht Energie in der Ostsee vor Fehmarn vierzig neue Windräder.",
        "Fischer auf der Insel fürchten um ihre Fanggründe und wollen klagen.",
    ])
    sentences, vectors = sentences_and_vectors(text)
    no_penalty = ExtractiveWeights(centrality=0.0, pagerank=0.0, position=1.0, position_decay=1.0, redundancy=0.0)
    penalty = ExtractiveWeights(centrality=0.0, pagerank=0.0, position=1.0, position_decay=1.0, redundancy=2.0)
    assert select_sentences(sentences, vectors, max_sentences=2, weights=no_penalty) == [0, 1]
    assert select_sentences(sentences, vectors, max_sentences=2, weights=penalty) == [0, 2]


def test_bad_budgets_and_mismatched_vectors_are_clear_errors():
    sentences, vectors = sentences_and_vectors()
    with pytest.raises(ValueError, match="max_sentences"):
        summarize(ARTICLE, max_sentences=0, sentences=sentences, sentence_vectors=vectors)
    with pytest.raises(ValueError, match="max_chars"):
        summarize(ARTICLE, max_chars=-5, sentences=sentences, sentence_vectors=vectors)
    with pytest.raises(ValueError, match="one row per sentence"):
        summarize(ARTICLE, sentences=sentences, sentence_vectors=vectors[:3])
    with pytest.raises(ValueError, match="backend"):
        summarize(ARTICLE, backend="magic", sentences=sentences, sentence_vectors=vectors)
    with pytest.raises(ValueError, match="empty"):
        summarize("   ")


# --- faithfulness -------------------------------------------------------------

def test_faithfulness_accepts_figures_and_names_as_the_article_states_them():
    summary = (
        "Nordlicht Energie hat 2023 rund 412 Millionen Euro umgesetzt und beschäftigt 1.850 Mitarbeiter. "
        "Vorstandschefin Hanna Petersen will binnen drei Jahren 40 Windräder bauen."
    )
    result = check_faithfulness(summary, ARTICLE)
    assert result.ok, result.problems


@pytest.mark.parametrize("changed, figure", [
    ("einen Umsatz von 512 Millionen Euro", "512 Millionen Euro"),
    ("binnen fünf Jahren weitere 40 Windräder", "binnen fünf Jahren"),
    ("bis Ende April 2025", "Ende April 2025"),
])
def test_faithfulness_catches_a_changed_figure(changed, figure):
    original = {
        "512": "einen Umsatz von 412 Millionen Euro",
        "fünf": "binnen drei Jahren weitere 40 Windräder",
        "April": "bis Ende März 2025",
    }[next(k for k in ("512", "fünf", "April") if k in changed)]
    doctored = ARTICLE.replace(original, changed)
    assert doctored != ARTICLE
    result = check_faithfulness(doctored, ARTICLE)
    assert not result.ok
    assert any(figure in p for p in result.problems), result.problems


def test_faithfulness_accepts_a_place_the_article_writes_as_its_adjective():
    # a probe: "The name 'Hamburg' does not occur in the article" for an article writing only "Hamburger"
    article = "Der Hamburger Flughafen hat 14,8 Millionen Passagiere abgefertigt. Die Zahl stieg deutlich."
    assert check_faithfulness("Der Hamburger Flughafen hat 14,8 Millionen Passagiere abgefertigt.", article).ok


@pytest.mark.parametrize("summary, name", [
    ("Nordlicht Energie und Siemens Gamesa bauen 40 Windräder in der Ostsee.", "Siemens Gamesa"),
    ("Wirtschaftsminister Robert Habeck lobte die Pläne für den Klimaschutz im Norden.", "Robert Habeck"),
    ("Die Genehmigung der BSH für den ersten Abschnitt steht noch aus.", "BSH"),
])
def test_faithfulness_catches_a_foreign_name(summary, name):
    result = check_faithfulness(summary, ARTICLE)
    assert not result.ok
    assert any(name in p for p in result.problems), result.problems


def test_repair_drops_only_the_unfaithful_model_sentence():
    sentences, vectors = sentences_and_vectors()
    fallback = summarize(ARTICLE, max_sentences=2, sentences=sentences, sentence_vectors=vectors)
    good = "Nordlicht Energie beschäftigt 1.850 Mitarbeiter."
    bad = "Der Umsatz lag 2023 bei 812 Millionen Euro."
    repaired = vet_abstractive([good, bad], ARTICLE, fallback, None)
    assert repaired.backend == "abstractive" and repaired.text == good and repaired.faithful
    assert any("812 Millionen Euro" in note for note in repaired.notes)
    replaced = vet_abstractive([bad], ARTICLE, fallback, None)
    assert replaced.backend == "extractive" and replaced.text == fallback.text
    assert any("replaced by the extractive" in note for note in replaced.notes)


# --- abstractive, with a tiny BART built here (random weights, real transformers code) ---

WINDOW = 64  # tokens: far shorter than ARTICLE, so the article is chunked


def _build_tiny_bart(directory, favoured: list[str]) -> None:
    """Save a 1-layer BART and a word-level tokenizer over ARTICLE's words.

    The decoder's final_logits_bias lifts the `favoured` words, so the random model's
    greedy output is made of them: we know what kind of text it writes.
    """
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import BartConfig, BartForConditionalGeneration, PreTrainedTokenizerFast

    specials = ["<s>", "<pad>", "</s>", "<unk>"]
    words = sorted(set(re.findall(r"\w+|[^\w\s]", ARTICLE)) | set(favoured))
    vocab = {w: i for i, w in enumerate(specials + words)}
    core = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
    core.pre_tokenizer = pre_tokenizers.Sequence([pre_tokenizers.Whitespace()])
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=core, bos_token="<s>", pad_token="<pad>", eos_token="</s>", unk_token="<unk>",
        model_max_length=WINDOW,
    )
    config = BartConfig(
        vocab_size=len(vocab), d_model=16, encoder_layers=1, decoder_layers=1, encoder_attention_heads=2,
        decoder_attention_heads=2, encoder_ffn_dim=32, decoder_ffn_dim=32, max_position_embeddings=WINDOW,
        pad_token_id=1, bos_token_id=0, eos_token_id=2, decoder_start_token_id=2, forced_bos_token_id=None,
        forced_eos_token_id=None,
    )
    torch.manual_seed(0)
    model = BartForConditionalGeneration(config)
    with torch.no_grad():
        for rank, word in enumerate(favoured):
            model.final_logits_bias[0, vocab[word]] = 50.0 - rank
    model.save_pretrained(directory, safe_serialization=True)
    tokenizer.save_pretrained(directory)


# Enough lowercase words that the no-repeat-3-gram rule always leaves one of them to pick.
PLAIN_WORDS = ["die", "und", "der", "den", "für", "an", "auf", "von", "sich", "dass", "in", "zu", "im", "mit"]


@pytest.fixture(scope="module", autouse=True)
def one_torch_thread():
    # A 16-wide model gains nothing from threads; on a shared 2-core machine they cost 10x.
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="module")
def plain_words_model(tmp_path_factory):
    directory = tmp_path_factory.mktemp("bart-plain")
    _build_tiny_bart(directory, PLAIN_WORDS + ["."])
    return str(directory)


@pytest.fixture(scope="module")
def foreign_name_model(tmp_path_factory):
    directory = tmp_path_factory.mktemp("bart-foreign")
    _build_tiny_bart(directory, ["Olaf", "Scholz", "Berlin", "und", "."])
    return str(directory)


def test_tiny_model_is_saved_as_safetensors_and_reports_its_window(plain_words_model):
    import os

    assert "model.safetensors" in os.listdir(plain_words_model)
    loaded = load_summarizer(plain_words_model)
    assert loaded.seq2seq and loaded.window == WINDOW


def test_abstractive_summary_from_a_model_runs_end_to_end(plain_words_model):
    sentences, vectors = sentences_and_vectors()
    summary = summarize(
        ARTICLE, backend="abstractive", model=plain_words_model, max_sentences=2,
        sentences=sentences, sentence_vectors=vectors,
    )
    assert summary.backend == "abstractive", summary.notes
    assert summary.faithful and summary.sentence_indices == []
    assert summary.text and set(re.findall(r"\w+", summary.text)) <= set(PLAIN_WORDS)
    assert len(split_sentences(summary.text)) <= 2


def test_unfaithful_model_output_falls_back_to_extractive_and_says_so(foreign_name_model):
    sentences, vectors = sentences_and_vectors()
    summary = summarize(
        ARTICLE, backend="abstractive", model=foreign_name_model, sentences=sentences, sentence_vectors=vectors,
    )
    extractive = summarize(ARTICLE, sentences=sentences, sentence_vectors=vectors)
    assert summary.backend == "extractive" and summary.faithful
    assert summary.text == extractive.text
    notes = " ".join(summary.notes)
    assert "replaced by the extractive" in notes and "Scholz" in notes


def test_long_article_is_cut_into_chunks_that_fit_the_window(plain_words_model):
    loaded = load_summarizer(plain_words_model)
    texts = [s.text for s in split_sentences(ARTICLE)]
    counts = [len(loaded.tokenizer(t, add_special_tokens=False)["input_ids"]) for t in texts]
    chunks = chunk_sentences(texts, counts, budget=WINDOW - 4)
    assert len(chunks) > 1
    assert " ".join(chunks) == " ".join(texts)  # whole sentences, in order, nothing lost
    for chunk in chunks:
        n = len(loaded.tokenizer(chunk, add_special_tokens=False)["input_ids"])
        assert n <= WINDOW - 4 or chunk in texts  # only a single over-long sentence may overflow


def test_abstractive_without_a_usable_model_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.delenv("CLAIMCHECK_SUMMARIZER", raising=False)
    sentences, vectors = sentences_and_vectors()
    with pytest.raises(ValueError, match="CLAIMCHECK_SUMMARIZER"):
        summarize(ARTICLE, backend="abstractive", sentences=sentences, sentence_vectors=vectors)
    (tmp_path / "config.json").write_text(json.dumps({"model_type": "bart"}))
    with pytest.raises(ValueError, match="Cannot load the summarisation model"):
        summarize(ARTICLE, backend="abstractive", model=str(tmp_path), sentences=sentences, sentence_vectors=vectors)
