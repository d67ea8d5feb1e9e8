"""German sentence splitting: exact offsets, abbreviations, dates, headlines, web debris."""
from pathlib import Path

import pytest

from claimcheck.sentences import split_sentences

# The worked example lies in shared/ beside the repository (as in CI).
EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "tiktok-2020-08-17.txt"


def texts(text):
    return [s.text for s in split_sentences(text)]


def assert_exact_offsets(text):
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()


def test_abbreviations_do_not_end_sentences():
    text = (
        "Der Umsatz stieg um 3 Mio. Euro auf 1,2 Mrd. Euro. Das ist z.B. mehr als im Vorjahr, "
        "d.h. ein Rekord. Dr. Huber nannte ca. 40 Filialen in Nr. 7 der Liste. Ende."
    )
    assert texts(text) == [
        "Der Umsatz stieg um 3 Mio. Euro auf 1,2 Mrd. Euro.",
        "Das ist z.B. mehr als im Vorjahr, d.h. ein Rekord.",
        "Dr. Huber nannte ca. 40 Filialen in Nr. 7 der Liste.",
        "Ende.",
    ]


def test_editorial_note_and_article_references_stay_in_the_sentence():
    text = "Er zahlte 20 Euro (ohne Steuern, Anm.) an den Verein. Siehe Art. 5 Abs. 2 der Satzung. Gut."
    assert texts(text) == [
        "Er zahlte 20 Euro (ohne Steuern, Anm.) an den Verein.",
        "Siehe Art. 5 Abs. 2 der Satzung.",
        "Gut.",
    ]


def test_dates_and_ordinals_do_not_end_sentences():
    text = "Am 3. Dezember 2020 kam der Bericht. Am 17.08.2020 folgte im 3. Quartal der zweite. Schluss."
    assert texts(text) == [
        "Am 3. Dezember 2020 kam der Bericht.",
        "Am 17.08.2020 folgte im 3. Quartal der zweite.",
        "Schluss.",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Das geschah im Jahr 2019. Danach war Ruhe.", ["Das geschah im Jahr 2019.", "Danach war Ruhe."]),
        ("Die Regel gilt seit 2012. Kritik gab es kaum.", ["Die Regel gilt seit 2012.", "Kritik gab es kaum."]),
        ("Es waren 165.000. Normalerweise sind es weniger.", ["Es waren 165.000.", "Normalerweise sind es weniger."]),
        ("Die Partei stellte 50. Dazu kamen zwölf.", ["Die Partei stellte 50.", "Dazu kamen zwölf."]),
        ("Der 100. Geburtstag wurde gefeiert.", ["Der 100. Geburtstag wurde gefeiert."]),
    ],
)
def test_a_figure_at_the_end_of_a_sentence_ends_it(text, expected):
    assert texts(text) == expected


def test_headline_and_teaser_lines_without_full_stop_end_a_sentence():
    text = "Bäckerei eröffnet dritte Filiale\n\n02.03.2021 - Die Bäckerei Korn wächst weiter. Sie hat 40 Angestellte.\n\nZwischentitel ohne Punkt\nDer Text geht weiter."
    assert texts(text) == [
        "Bäckerei eröffnet dritte Filiale",
        "02.03.2021 - Die Bäckerei Korn wächst weiter.",
        "Sie hat 40 Angestellte.",
        "Zwischentitel ohne Punkt",
        "Der Text geht weiter.",
    ]
    assert_exact_offsets(text)


def test_a_hard_wrapped_line_continues_the_sentence():
    text = "Der Verein hat im vergangenen Jahr\nmehr Mitglieder gewonnen. Das freut ihn."
    assert texts(text) == ["Der Verein hat im vergangenen Jahr\nmehr Mitglieder gewonnen.", "Das freut ihn."]


def test_a_line_ending_in_an_article_or_preposition_continues_before_a_capital():
    # German nouns start with a capital: only the word before the break tells a wrapped line from a new sentence
    text = ("Bei den hohen Zahlen an Neuinfektionen in\nDeutschland gibt es keine Entspannung. Zwar meldete das\n"
            "Robert-Koch-Institut weniger Fälle.\nTrump will Wahl verschieben\nDer Präsident sagte das.")
    assert texts(text) == [
        "Bei den hohen Zahlen an Neuinfektionen in\nDeutschland gibt es keine Entspannung.",
        "Zwar meldete das\nRobert-Koch-Institut weniger Fälle.",
        "Trump will Wahl verschieben",
        "Der Präsident sagte das.",
    ]
    assert texts("Ein Absatz endet mit in\n\nDeutschland beginnt ein neuer.") == [
        "Ein Absatz endet mit in", "Deutschland beginnt ein neuer."]  # a paragraph break still ends it
    assert_exact_offsets(text)


def test_web_debris_joins_its_sentence():
    text = "Der Plan wurde veröffentlicht (hier einsehbar) \u00a0 , sagte sie. Die Firma Korn \u00a0 . Danach kam nichts."
    assert texts(text) == [
        "Der Plan wurde veröffentlicht (hier einsehbar) \u00a0 , sagte sie.",
        "Die Firma Korn \u00a0 .",
        "Danach kam nichts.",
    ]


def test_an_opening_bracket_starts_the_next_sentence():
    text = "So sieht es die Forscherin. (red, 16. 5. 2016)"
    assert texts(text) == ["So sieht es die Forscherin.", "(red, 16. 5. 2016)"]


def test_quotes_stay_with_their_sentence():
    text = 'Er sagte: „Wir kommen morgen.“ Dann ging er. Sie meinte: "Gut so." Ende.'
    assert texts(text) == ['Er sagte: „Wir kommen morgen.“', "Dann ging er.", 'Sie meinte: "Gut so."', "Ende."]


def test_empty_and_whitespace_text_has_no_sentences():
    assert split_sentences("") == []
    assert split_sentences("  \n\n ") == []


def test_not_a_string_is_a_clear_error():
    with pytest.raises(ValueError, match="str"):
        split_sentences(None)  # type: ignore[arg-type]


def test_worked_example_sentences():
    text = EXAMPLE.read_text("utf-8")
    sentences = texts(text)
    assert_exact_offsets(text)
    assert sentences[0] == "Trump erhöht Druck auf chinesische Techfirmen"
    assert sentences[1].startswith("17.08.2020 - US-Präsident Donald Trump")
    assert "Die Videoplattform hat nach eigenen Angaben 100 Millionen Nutzer in den USA." in sentences
    assert "1500 Mitarbeiter hat die Plattform in den USA." in sentences
    assert "TikTok-Mitarbeiter fürchten um ihre Jobs und wollen klagen" in sentences
    # debris stays inside the sentence it interrupts
    assert any(s.startswith("Trump ordnete außerdem an (hier einsehbar)") and "Musically" in s for s in sentences)
    assert all(any(ch.isalnum() for ch in s) for s in sentences)


@pytest.mark.parametrize(
    "text, expected",
    [
        # an abbreviation after a slash or inside a longer word stays whole
        ("Wien/St. Pölten meldet Zahlen. Gut.", ["Wien/St. Pölten meldet Zahlen.", "Gut."]),
        ("Ein Bild von Lucas Cranach d.J., dem Maler. Ende.", ["Ein Bild von Lucas Cranach d.J., dem Maler.", "Ende."]),
        # a temperature with a full stop ends its sentence
        ("Es wurden 30 °C. Danach regnete es.", ["Es wurden 30 °C.", "Danach regnete es."]),
        # a missing space after the full stop still ends a sentence, a web address does not
        ("Das war gestern.Heute ist alles anders.", ["Das war gestern.", "Heute ist alles anders."]),
        ("Die Seite www.Spiegel.de meldet das. Ende.", ["Die Seite www.Spiegel.de meldet das.", "Ende."]),
        # ?! and closing brackets and quotes stay with the sentence they end
        ("Wie bitte?! Dann ging er.", ["Wie bitte?!", "Dann ging er."]),
        ("Er kam (spät.) Dann ging er.", ["Er kam (spät.)", "Dann ging er."]),
        ("Er sagte: »Nein.« Sie lachte.", ["Er sagte: »Nein.«", "Sie lachte."]),
        # capitals: two before the stop end a sentence (USA.), one (an initial) does not
        ("Er lebt in den USA. Sie nicht.", ["Er lebt in den USA.", "Sie nicht."]),
        ("Franz J. Strauß kam. Ende.", ["Franz J. Strauß kam.", "Ende."]),
    ],
)
def test_punctuation_inside_and_around_words(text, expected):
    assert texts(text) == expected
    assert_exact_offsets(text)


def test_whitespace_runs_and_leading_space_keep_offsets():
    text = "  \u00a0Erster Satz.\t\tZweiter Satz!  \n\n  Dritter Satz?  "
    assert texts(text) == ["Erster Satz.", "Zweiter Satz!", "Dritter Satz?"]
    assert_exact_offsets(text)


# Pieces that stress the tokenizer's affix rules, abbreviations, ordinals and debris.
_FUZZ_PIECES = [
    "Wort", "wort", "Die", "die", "2019.", "3.", "165.000.", "Mio.", "z.B.", "d.h.", "St.", "USA.", "GmbH.",
    "Ende!", "Was?", "Ja?!", "...", "…", "„Zitat.“", "(Klammer)", "Euro).", "(", ")", "\"", "„", "“", "«", "»",
    "10€.", "50%.", "5km.", "Gbit/s.", "Wien/St.", "ja!Nein", "Ende.Neu", "www.Spiegel.de", "A.", "II.", "Z4.",
    "17.08.2020", "17.08.2020.", "1,5.", "d.J.,", "usw.", "°C.", "+3", "§", "2019-2020.", "Er--sie", "Dr.", "u.a.",
    "ca.", ",", ".", ";", ":", "!", "?", "''", "’s", "—", "–", "-", "😀", "Wort😀.", "Heute", "Danach", "seit",
    "2011.", "Traun", "\u00a0", "O.K.", "Tel.", "e.V.", "U.S.A.", "wort.)", "Nr.", "5.000.", "am", "Dezember",
    "Mrd.", "i.d.R.", "(Anm.)", "Sept.", "Ä.", "ÖVP.", "ab.Cd", "2:1", "(2:1)Tore",
]
# ... and pieces of hard-wrapped lines (a break after "in" / "das" before a capital continues the sentence).
_WRAP_PIECES = ["in", "das", "der", "Deutschland", "Wort", "wort", "Die", "Ende.", "3.", "„Zitat.“", "-", ","]
_FUZZ_SEPARATORS = [" ", " ", " ", "  ", "\n", "\n\n", " \n", "\n ", "", "\t", "\u00a0"]


def test_the_plain_python_splitter_agrees_with_the_spacy_pipeline_it_replaced():
    import random

    from spacy_reference_splitter import split_sentences as spacy_split

    rng = random.Random(7)
    texts_checked = [(Path(__file__).resolve().parents[1] / "data" / "samples" / name).read_text(encoding="utf-8")
                     for name in ("tiktok-ultimatum.txt", "tiktok-ultimatum-doctored.txt")]
    texts_checked += ["".join(rng.choice(_FUZZ_PIECES) + rng.choice(_FUZZ_SEPARATORS)
                              for _ in range(rng.randint(1, 14))) for _ in range(1500)]
    texts_checked += ["".join(rng.choice(_WRAP_PIECES) + rng.choice(_FUZZ_SEPARATORS)
                              for _ in range(rng.randint(1, 14))) for _ in range(500)]
    # ... and texts of many short lines, most of them hard-wrapped by the splitter's test (three lower-case starts)
    texts_checked += ["".join(rng.choice(_WRAP_PIECES) + rng.choice([" ", "\n", "\n", "\n\n"])
                              for _ in range(rng.randint(6, 24))) for _ in range(400)]
    disagreements = [text for text in texts_checked
                     if [(s.start, s.end) for s in split_sentences(text)] != [(s.start, s.end) for s in spacy_split(text)]]
    assert disagreements == []


_WRAPPED_ARTICLE = (
    "Der Goldpreis steigt weiter\n"
    "Am vergangenen Donnerstag erreichte die Feinunze Gold den bisherigen\n"
    "Spitzenwert: 1.717,85 US-Dollar. Das Geldvermögen der Deutschen lag Ende\n"
    "2019 laut Bundesbank bei einem Rekordvolumen von fast 6,5\n"
    "Billionen Euro, gebunkert besonders als Bargeld und Bankeinlagen. Es\n"
    "wird gekauft, was der Markt hergibt. Vor einer Woche lag der Preis bei\n"
    "1.650 Dollar, vor einem Monat sogar\n"
    "nur bei 1.304.\n"
    "Das Interesse bleibt hoch, sagen\n"
    "die Händler.")


def test_a_hard_wrapped_text_keeps_its_sentences_whole_across_capitalised_line_starts():
    sentences = [s.text for s in split_sentences(_WRAPPED_ARTICLE)]
    assert sentences[0] == "Der Goldpreis steigt weiter"  # the first line is a title
    assert sentences[2].startswith("Das Geldvermögen der Deutschen lag Ende\n2019")  # a noun, a year: no new sentence
    assert "fast 6,5\nBillionen Euro, gebunkert" in sentences[2]  # a figure across the break stays in one sentence
    assert sentences[1].endswith("Spitzenwert: 1.717,85 US-Dollar.")
    assert "nur bei 1.304." == sentences[-2][-len("nur bei 1.304."):]  # a figure with a full stop still ends one
    assert sentences[-1] == "Das Interesse bleibt hoch, sagen\ndie Händler."
    # Without the lower-case starts that show the wrapping, a capital after a line break opens a sentence.
    unwrapped = _WRAPPED_ARTICLE.replace("\nwird", " wird").replace("\nnur", " nur").replace("\ndie", " die")
    assert any(s.text.startswith("Billionen Euro") for s in split_sentences(unwrapped))



def test_a_text_without_full_stops_is_cut_into_pieces_of_bounded_length():
    # later stages look at a figure's whole sentence for each of its figures: one sentence of 200,000
    # characters took minutes
    from claimcheck.sentences import MAX_SENTENCE_TOKENS

    words = " ".join(f"Firma {n} hat {n * 7} Kunden und Umsatz, sowie" for n in range(400))
    pieces = split_sentences(words)
    assert len(pieces) > 1
    assert all(len(p.text.split()) <= MAX_SENTENCE_TOKENS for p in pieces)
    assert all(words[p.start:p.end] == p.text for p in pieces)
    assert pieces[0].text.endswith(",")  # cut after a comma near the limit
