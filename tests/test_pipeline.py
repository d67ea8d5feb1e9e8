"""check() end to end on the worked examples: claims, values, verdicts and the report JSON."""
import json

import pytest

from claimcheck import InputError, check
from conftest import SAMPLES, SHARED_EXAMPLES

EXAMPLE = SHARED_EXAMPLES / "tiktok-2020-08-17.txt"
DOCTORED = SHARED_EXAMPLES / "tiktok-2020-08-17-doctored.txt"
FACTS = SHARED_EXAMPLES / "tiktok-facts.jsonl"


def by_text(report) -> dict:
    return {c.quantity.text: c for c in report.claims}


@pytest.fixture(scope="module")
def original(encoder):
    return check(EXAMPLE.read_text(encoding="utf-8"), facts=FACTS, published="2020-08-17", encoder=encoder)


@pytest.fixture(scope="module")
def doctored(encoder):
    return check(DOCTORED.read_text(encoding="utf-8"), facts=FACTS, published="2020-08-17", encoder=encoder)


# The expected verdicts of ../shared/examples/README.md, with the fact each must use.
EXPECTED = {
    "100 Millionen": ("SUPPORTED", "tiktok-us-users-2020-08"),
    "800 Millionen Dollar": ("SUPPORTED", "musically-price-2017"),
    "binnen drei Monaten": ("SUPPORTED", "eo-2020-08-14-divest-deadline"),
    "November 2019": ("SUPPORTED", "cfius-review-2019-11"),
    "bis Mitte September": ("SUPPORTED", "eo-2020-08-06-effective"),
    "1500": ("SUPPORTED", "tiktok-us-staff-2020"),
}


def test_worked_example_verdicts(original):
    claims = by_text(original)
    for text, (verdict, fact_id) in EXPECTED.items():
        assert text in claims, f"claim {text!r} not found among {list(claims)}"
        claim = claims[text]
        assert claim.verdict == verdict, (text, claim.reason)
        assert claim.evidence[0].id == fact_id, (text, [e.id for e in claim.evidence])
        assert fact_id in claim.reason


def test_unrelated_facts_are_never_evidence(original, doctored):
    for report in (original, doctored):
        used = {e.id for c in report.claims for e in c.evidence}
        assert not used & {"tiktok-us-hiring-plan-2020", "wechat-users-2020"}


def test_doctored_copy_flips_exactly_the_three_changed_figures(doctored):
    claims = by_text(doctored)
    contradicted = {t for t, c in claims.items() if c.verdict == "CONTRADICTED"}
    assert contradicted == {"80 Millionen", "1,2 Milliarden Dollar", "binnen sechs Monaten"}
    for text in ("November 2019", "bis Mitte September", "1500"):
        assert claims[text].verdict == "SUPPORTED"


def test_values_are_normalised_and_deadlines_resolved(original):
    claims = by_text(original)
    users, price = claims["100 Millionen"].quantity, claims["800 Millionen Dollar"].quantity
    assert (users.value, users.unit) == (100_000_000, "users")
    assert (price.value, price.unit) == (800_000_000, "USD")
    assert claims["binnen drei Monaten"].quantity.date == "2020-11-17"
    september = claims["bis Mitte September"].quantity
    assert (september.date_low, september.date_high) == ("2020-09-11", "2020-09-20")


def test_report_json_contract(original):
    text = EXAMPLE.read_text(encoding="utf-8")
    data = json.loads(json.dumps(original.to_dict()))
    assert data["published"] == "2020-08-17"
    assert isinstance(data["summary"], str) and data["summary"]
    keys = {"id", "sentence", "sentence_start", "sentence_end", "text", "start", "end", "kind", "value", "low",
            "high", "unit", "date", "date_low", "date_high", "relation", "hedge", "subject", "subject_in_sentence",
            "verdict", "confidence", "evidence", "reason"}
    for claim in data["claims"]:
        assert keys <= set(claim)
        assert text[claim["start"]:claim["end"]] == claim["text"]
        assert text[claim["sentence_start"]:claim["sentence_end"]] == claim["sentence"]
        assert claim["sentence_start"] <= claim["start"] < claim["end"] <= claim["sentence_end"]
        assert claim["kind"] in {"count", "money", "percent", "date", "duration", "quantity"}
        assert claim["verdict"] in {"SUPPORTED", "CONTRADICTED", "NOT_ENOUGH_INFO"}
        assert 0.0 <= claim["confidence"] <= 1.0
        assert isinstance(claim["subject_in_sentence"], bool)
        for evidence in claim["evidence"]:
            assert set(evidence) == {"id", "text", "score", "source"}
    assert [c["id"] for c in data["claims"]] == [f"c{i}" for i in range(1, len(data["claims"]) + 1)]
    claims = {c["text"]: c for c in data["claims"]}
    deadline, september = claims["binnen drei Monaten"], claims["bis Mitte September"]
    assert (deadline["relation"], deadline["date_low"], deadline["date_high"]) == ("deadline", "2020-08-17", "2020-11-17")
    assert (september["relation"], september["date_low"], september["date_high"]) == ("until", "2020-09-11", "2020-09-20")


def test_without_facts_every_verdict_is_not_enough_info(encoder):
    report = check((SAMPLES / "tiktok-ultimatum.txt").read_text(encoding="utf-8"), encoder=encoder)
    assert report.claims and {c.verdict for c in report.claims} == {"NOT_ENOUGH_INFO"}
    assert all(not c.evidence for c in report.claims)


def test_project_sample_is_judged(encoder):
    report = check((SAMPLES / "tiktok-ultimatum-doctored.txt").read_text(encoding="utf-8"),
                   facts=SAMPLES / "tiktok-facts.jsonl", encoder=encoder)
    assert report.published == "2020-08-17"  # read from the dateline
    claims = by_text(report)
    for text in ("rund 80 Millionen", "etwa 1,2 Milliarden Dollar", "binnen sechs Monaten"):
        assert claims[text].verdict == "CONTRADICTED", (text, claims[text].reason)
    assert claims["etwa 1.500"].verdict == "SUPPORTED"


def test_a_confidence_floor_withholds_weaker_verdicts_and_names_their_facts(encoder, original):
    text = EXAMPLE.read_text(encoding="utf-8")
    floor = sorted(c.confidence for c in original.claims if c.verdict == "SUPPORTED")[2]  # above the 2 weakest
    report = check(text, facts=FACTS, published="2020-08-17", encoder=encoder, min_confidence=floor + 1e-6)
    before, after = by_text(original), by_text(report)
    for text_, claim in before.items():
        if claim.verdict == "SUPPORTED" and claim.confidence <= floor:
            withheld = after[text_]
            assert withheld.verdict == "NOT_ENOUGH_INFO" and withheld.evidence == []
            assert withheld.reason.startswith("withheld SUPPORTED") and claim.evidence[0].id in withheld.reason
        else:
            assert after[text_].verdict == claim.verdict
    weaker = sum(c.verdict == "SUPPORTED" and c.confidence <= floor for c in original.claims)
    assert weaker >= 3 and sum(c.verdict == "NOT_ENOUGH_INFO" for c in report.claims) == \
        sum(c.verdict == "NOT_ENOUGH_INFO" for c in original.claims) + weaker


@pytest.mark.parametrize("floor", [-0.1, 1.5, "0.5"])
def test_a_confidence_floor_outside_0_to_1_is_refused(floor):
    with pytest.raises(InputError, match="min_confidence"):
        check("Die Firma hat 1.500 Mitarbeiter.", facts=FACTS, min_confidence=floor)


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_empty_text_is_refused(text):
    with pytest.raises(InputError, match="empty"):
        check(text)


def test_store_and_facts_together_are_refused(encoder):
    with pytest.raises(InputError, match="either"):
        check("Text", store=object(), facts=FACTS, encoder=encoder)


def test_a_non_german_text_is_checked_with_a_warning(encoder):
    text = ("The company said on Monday that it now has 100 million users in the United States and "
            "plans to hire 1,500 more employees over the next three years across its offices.")
    report = check(text, encoder=encoder)
    assert any("German" in w for w in report.warnings)


def test_decomposed_letters_are_read_and_the_report_says_so():
    import unicodedata

    from fakes import FakeEncoder

    text = unicodedata.normalize("NFD", "Die Bäckerei Korn hat 1.500 Mitarbeiter. Die neue Filiale der Bäckerei "
                                        "Korn in München öffnet für Kunden am 3. März.")
    assert "ä" not in text  # "ä" is "a" and a combining diaeresis here, as text copied on macOS may be
    report = check(text, encoder=FakeEncoder(), published="2021-01-10")
    # decomposed, "März" was no month and "3" a count
    assert [(c.quantity.text, c.quantity.kind, c.quantity.date) for c in report.claims] == [
        ("1.500", "count", None), ("3. März", "date", "2021-03-03")]
    assert any("NFC" in w for w in report.warnings)
    assert not any("NFC" in w for w in check(unicodedata.normalize("NFC", text), encoder=FakeEncoder()).warnings)


def test_invisible_characters_are_removed_before_reading_and_the_report_says_so():
    from fakes import FakeEncoder

    # a soft hyphen (HTML &shy;) split "Milliarden" and "Mitarbeiter", a zero-width space split "290.000"
    text = "Siemens meldete 2020 einen Umsatz von 57 Mil\u00adliarden Euro und beschäftigt 290\u200b.000 Mit\u00adarbeiter."
    report = check(text, encoder=FakeEncoder())
    assert [(c.quantity.text, c.quantity.value, c.quantity.unit) for c in report.claims] == [
        ("2020", None, None), ("57 Milliarden Euro", 57e9, "EUR"), ("290.000", 290000.0, "employees")]
    assert any("invisible" in w for w in report.warnings)
    # offsets refer to the text without them, as the warning says
    assert report.claims[1].quantity.start == text.replace("\u00ad", "").replace("\u200b", "").index("57")


def test_a_hyphenation_mark_of_scanned_text_is_removed_between_letters_only():
    from fakes import FakeEncoder

    # audit 32: "Pro¬zent" had read as a count of "Pro"; a "¬" between words or digits stays
    report = check("Die Partei kam auf 5 Pro\u00aczent der Stimmen. Logik: a \u00ac b.", encoder=FakeEncoder())
    assert [(c.quantity.text, c.quantity.kind) for c in report.claims] == [("5 Prozent", "percent")]
    assert any("invisible" in w for w in report.warnings)
    from claimcheck.textio import readable

    assert readable("Logik: a \u00ac b, 3\u00ac4, Kon\u00aczern") == "Logik: a \u00ac b, 3\u00ac4, Konzern"


def test_a_text_of_invisible_characters_only_is_empty():
    with pytest.raises(InputError, match="The article is empty"):
        check("\u200b\u00ad")


def test_inline_html_stays_in_its_line():
    from claimcheck.textio import html_to_text

    page = "<p>Im August 2020 hatte <a href='/t'>TikTok</a> in den USA <strong>rund 80</strong> Millionen Nutzer.</p><p>Neu<br>Zeile</p>"
    assert html_to_text(page) == "Im August 2020 hatte TikTok in den USA rund 80 Millionen Nutzer.\n\nNeu\nZeile"


def test_last_years_figures_reported_in_spring_are_judged_against_facts_dated_last_year(encoder):
    # The usual shape of annual news: figures "im vergangenen Jahr" in March, facts dated by that year. An
    # `as_of` of a year had counted from its middle (0.72 years off), and the fitted weight of about -14 a
    # year left both figures NOT_ENOUGH_INFO; the reporting day was CONTRADICTED by the revenue's year.
    article = ("Berlin – Die Deutsche Bahn hat im vergangenen Jahr rund 1,8 Milliarden Fahrgäste befördert. Wie der "
               "Konzern am Dienstag mitteilte, lag der Umsatz bei 45,2 Milliarden Euro. Pünktlich waren im "
               "Fernverkehr nur 62,5 Prozent der Züge.")
    facts = [{"id": "pax", "text": "Deutsche Bahn carried about 1.8 billion passengers in 2023.", "as_of": "2023", "lang": "en"},
             {"id": "revenue", "text": "Der Umsatz der Deutschen Bahn betrug 2023 rund 45,2 Mrd. Euro.", "as_of": "2023"},
             {"id": "punctual", "text": "Im Fernverkehr der Deutschen Bahn waren 2023 64 Prozent der Züge pünktlich.",
              "as_of": "2023"}]
    verdicts = {c.quantity.text: c.verdict for c in check(article, facts=facts, published="2024-03-19", encoder=encoder).claims}
    assert verdicts == {"rund 1,8 Milliarden": "SUPPORTED", "Dienstag": "NOT_ENOUGH_INFO",
                        "45,2 Milliarden Euro": "SUPPORTED", "62,5 Prozent": "CONTRADICTED"}


def test_an_earlier_years_figure_is_judged_against_a_fact_dated_that_year(encoder):
    # Election news names the last election's results with their year; a fact dated then had counted 5 years old
    # against the publication day, and both figures stayed NOT_ENOUGH_INFO, right fact or changed one. The report
    # day "am Sonntag" must not be contradicted by a "seit" fact either (it had been, at 0.86, in labour news).
    article = ("Wien – Die FPÖ hat die Nationalratswahl am Sonntag mit 28,8 Prozent gewonnen. Die Wahlbeteiligung lag "
               "bei 77,7 Prozent, nach 75,6 Prozent im Jahr 2019. Bei der letzten Wahl im September 2019 hatte die ÖVP "
               "unter Sebastian Kurz 37,5 Prozent erreicht.")
    facts = [{"id": "turnout19", "text": "Die Wahlbeteiligung bei der Nationalratswahl 2019 betrug 75,6 Prozent.",
              "as_of": "2019-09-29"},
             {"id": "oevp19", "text": "In the September 2019 election the ÖVP under Sebastian Kurz won 37.5 percent.",
              "as_of": "2019-09-29", "lang": "en"},
             {"id": "leader", "text": "Herbert Kickl ist seit Juni 2021 Bundesparteiobmann der FPÖ.", "as_of": "2024"}]
    def verdicts(facts):
        report = check(article, facts=facts, published="2024-09-30", encoder=encoder)
        return {c.quantity.text: c.verdict for c in report.claims if c.quantity.text in ("75,6 Prozent", "37,5 Prozent", "Sonntag")}
    assert verdicts(facts) == {"Sonntag": "NOT_ENOUGH_INFO", "75,6 Prozent": "SUPPORTED", "37,5 Prozent": "SUPPORTED"}
    changed = [dict(f, text=f["text"].replace("75,6", "70,6").replace("37.5", "31.5")) for f in facts]
    assert verdicts(changed) == {"Sonntag": "NOT_ENOUGH_INFO", "75,6 Prozent": "CONTRADICTED",
                                 "37,5 Prozent": "CONTRADICTED"}


def test_facts_of_every_shape_the_api_takes(encoder):
    import pandas as pd

    article = "Die Firma TikTok hat in den USA rund 100 Millionen Nutzer."
    fact = {"id": "f1", "text": "TikTok had about 100 million users in the US.", "lang": "en-US"}
    assert [c.verdict for c in check(article, facts=[fact], encoder=encoder).claims] == ["SUPPORTED"]  # "en-US" is English
    assert [c.verdict for c in check(article, facts=pd.DataFrame([fact]), encoder=encoder).claims] == ["SUPPORTED"]
    assert [c.verdict for c in check(article, facts=[], encoder=encoder).claims] == ["NOT_ENOUGH_INFO"]
    for wrong, message in ((dict(facts=fact), "one fact"), (dict(facts=json.dumps(fact)), "not JSON text"),
                           (dict(store="my-store"), "ReferenceStore.open")):
        with pytest.raises(InputError, match=message):
            check(article, encoder=encoder, **wrong)
    with pytest.raises(InputError, match="must be text"):
        check(article.encode(), encoder=encoder)


@pytest.fixture
def sample_figure_reads(monkeypatch):
    """The sample article's text, and a list that collects each read_quantities call on the whole of it."""
    import claimcheck.quantities as quantities

    text = (SAMPLES / "tiktok-ultimatum.txt").read_text(encoding="utf-8")
    real = quantities.read_quantities
    reads = []

    def counting(passage, **kwargs):
        if passage == text:
            reads.append(kwargs)
        return real(passage, **kwargs)

    monkeypatch.setattr(quantities, "read_quantities", counting)
    return text, reads


def test_choosing_sentences_to_encode_and_finding_claims_share_one_reading_of_the_figures(sample_figure_reads):
    import datetime as dt

    from claimcheck import pipeline

    text, reads = sample_figure_reads
    doc = pipeline.Document(text=text, published=dt.date(2020, 8, 17))
    pipeline.split_into_sentences(doc)
    assert pipeline.sentences_to_encode(doc)
    pipeline.find_claims(doc)
    assert doc.claims and len(reads) == 1


def test_check_reads_the_articles_figures_once(sample_figure_reads):
    from fakes import FakeEncoder

    text, reads = sample_figure_reads
    report = check(text, encoder=FakeEncoder(), published="2020-08-17")
    assert report.claims and report.summary and len(reads) == 1


def test_every_claim_reaches_the_verifier_with_its_figures_context(encoder, monkeypatch):
    import datetime as dt

    from claimcheck import pipeline, verify

    doc = pipeline.Document(text=EXAMPLE.read_text(encoding="utf-8"), published=dt.date(2020, 8, 17))
    pipeline.split_into_sentences(doc)
    pipeline.encode_sentences(doc, encoder)
    pipeline.find_claims(doc)
    assert doc.claims and all(c.quantity.start in doc.figure_contexts for c in doc.claims)
    seen = []
    real = verify.pair_features
    monkeypatch.setattr(verify, "pair_features", lambda *a, **k: seen.append(k.get("claim_context")) or real(*a, **k))
    check(EXAMPLE.read_text(encoding="utf-8"), facts=FACTS, published="2020-08-17", encoder=encoder)
    assert seen and all(context is not None for context in seen)
