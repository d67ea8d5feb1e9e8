"""The verdict rules of claimcheck.verify on hand-made candidates, and its feature helpers."""
import dataclasses
import datetime as dt

import numpy as np

from claimcheck.compare import Comparison
from claimcheck.types import Claim, Fact, Quantity
from claimcheck.verify import (FEATURES, MARGIN_CAP, SIBLING_VETO, VERDICT_FEATURES, Candidate, Verifier, VerifierModel,
                               normalise_name, regions, verdict_features, withheld_line)

MODEL = VerifierModel(weights=[0.0] * len(FEATURES), bias=0.0, support_threshold=0.7, contradict_threshold=0.7,
                      calibration={v: [4.0, -2.0] for v in ("SUPPORTED", "CONTRADICTED", "NOT_ENOUGH_INFO")},
                      fitted_on="test", conflict_margin=0.1)


def claim() -> Claim:
    q = Quantity("100 Millionen", 20, 33, "count", 1e8, unit="users")
    return Claim("c1", "TikTok hat 100 Millionen Nutzer in den USA.", 0, 44, q, subject="TikTok")


def candidate(fact_id: str, p: float, agree: bool) -> Candidate:
    fact_figure = Quantity("100 million", 0, 11, "count", 1e8, unit="users") if agree else \
        Quantity("80 million", 0, 10, "count", 8e7, unit="users")
    comparison = Comparison(agree, claim().quantity, fact_figure)
    return Candidate(Fact(fact_id, f"text of {fact_id}", as_of="2020-08"), 0.9, p, comparison,
                     np.zeros(len(FEATURES)))


def decide(*candidates: Candidate) -> Claim:
    c = claim()
    Verifier(store=None, model=MODEL).decide(c, sorted(candidates, key=lambda x: -x.relatedness))
    return c


def test_a_related_agreeing_fact_supports():
    c = decide(candidate("a", 0.9, True), candidate("b", 0.3, False))
    assert c.verdict == "SUPPORTED" and [e.id for e in c.evidence] == ["a"]
    assert c.reason == "fact a: 100 Mio. users (2020-08) vs claim 100 Mio. users: agree"


def test_a_related_disagreeing_fact_contradicts():
    c = decide(candidate("b", 0.8, False), candidate("a", 0.2, True))
    assert c.verdict == "CONTRADICTED" and c.evidence[0].id == "b"
    assert "disagree, differs by 25 %" in c.reason  # 100 Mio. is 25 % more than 80 Mio.


def test_unrelated_facts_leave_not_enough_info_without_evidence():
    c = decide(candidate("a", 0.5, True), candidate("b", 0.6, False))
    assert c.verdict == "NOT_ENOUGH_INFO" and c.evidence == []
    assert "not clearly about the same measure" in c.reason
    assert "years from the article's time" not in c.reason


def test_a_reason_says_when_the_closest_fact_lies_far_in_time():
    # a probe: a fact stated a year before the article read only "not clearly about the same measure"
    stale = candidate("a", 0.5, True)
    stale.features[FEATURES.index("age")] = 1.04
    c = decide(stale)
    assert c.verdict == "NOT_ENOUGH_INFO"
    assert c.reason == ("closest fact a is not clearly about the same measure (relatedness 0.50); "
                        "it is 1.0 years from the article's time")


def test_conflicting_facts_do_not_contradict():
    c = decide(candidate("b", 0.75, False), candidate("a", 0.68, True))
    assert c.verdict == "NOT_ENOUGH_INFO"
    assert c.reason.startswith("facts conflict: a agrees")


def test_no_candidates():
    c = decide()
    assert c.verdict == "NOT_ENOUGH_INFO" and "no fact about TikTok" in c.reason


def test_confidence_is_calibrated_per_verdict():
    assert decide(candidate("a", 0.9, True)).confidence > decide(candidate("a", 0.71, True)).confidence


def test_regions_and_names():
    assert regions("Die US-Nutzer in den Vereinigten Staaten") == {"US"}
    assert regions("worldwide users") == {"GLOBAL"}
    assert normalise_name("Musical.ly") == normalise_name("Musically")
    assert normalise_name("ByteDance") == "bytedance"


# --- what a figure measures ---------------------------------------------------------------------

from claimcheck.compare import compare  # noqa: E402
from claimcheck.verify import ArticleFigures, measure_overlap, measure_words, other_figure_match, sibling_figure  # noqa: E402


def words_around(text: str, figure: str, lang: str = "de"):
    start = text.index(figure)
    return measure_words(text, start, start + len(figure), lang)


def test_the_counted_noun_matches_in_another_inflection():
    claim = words_around("Im vergangenen Jahr wurden 2.429 Bewerbungen gezählt.", "2.429")
    fact = words_around("Bei der Polizei gingen 1650 Bewerbungen ein.", "1650")
    other = words_around("Die Polizei beschäftigte rund 30.000 Exekutivbedienstete.", "30.000")
    assert measure_overlap(claim, fact) > measure_overlap(claim, other) == 0.0


def clause_stems(sentence: str, figure: str) -> set[str]:
    """The stems of clause_measure_words for `figure`, the sentence's other figures as the reader finds them."""
    from claimcheck.verify import _sentence_figures, clause_measure_words

    start = sentence.index(figure)
    end = start + len(figure)
    others = tuple((q.start, q.end) for q in _sentence_figures(sentence, None) if q.end <= start or q.start >= end)
    return {stem for stem, _ in clause_measure_words(sentence, start, end, others)}


def test_a_figures_clause_words_stop_at_a_comma_and_at_an_und_before_another_figure():
    shares = "33,47 Prozent der Asylwerber verfügen über einen Pflichtschulabschluss, 56 Prozent über eine mittlere Ausbildung."
    assert "ausbildung" in clause_stems(shares, "56") and "pflichtschulabschlus" not in clause_stems(shares, "56")
    assert "pflichtschulabschlus" in clause_stems(shares, "33,47") and "ausbildung" not in clause_stems(shares, "33,47")
    victims = "Am Freitag sind zwei Palästinenser getötet und vier Israelis schwer verletzt worden."
    assert "getötet" in clause_stems(victims, "zwei") and "verletzt" not in clause_stems(victims, "zwei")
    assert "verletzt" in clause_stems(victims, "vier") and "getötet" not in clause_stems(victims, "vier")
    # an "und" with no other figure beyond it joins words of one measure
    assert {"tote", "verletzt"} <= clause_stems("Die Zahl der Toten und Verletzten stieg auf 40.", "40")


def test_a_german_measure_word_matches_its_english_concept():
    claim = words_around("des 1925 in Wien geborenen Soziologen", "1925")
    fact = words_around("The sociologist was born in 1931 in Vienna.", "1931", "en")
    assert measure_overlap(claim, fact) > 0.0
    assert ("geboren", "born") in claim
    # probes of session 38: tourism and forecasts
    stays = words_around("Wien kam auf 19,8 Millionen Nächtigungen.", "19,8 Millionen")
    assert measure_overlap(stays, words_around("Vienna recorded 17.3 million overnight stays.", "17.3 million", "en")) > 0.0
    growth = words_around("Das BIP schrumpfte um 0,2 Prozent.", "0,2 Prozent")
    assert measure_overlap(growth, words_around("GDP shrank by 0.2 percent.", "0.2 percent", "en")) > 0.0


def test_a_compound_matches_its_head_but_hedges_and_units_say_nothing():
    claim = words_around("davon 1,6 Milliarden Euro für Sozialleistungen", "1,6 Milliarden Euro")
    assert [stem for stem, _ in claim] == ["sozialleistung"]
    fact = words_around("Die Leistungen kosteten rund 2 Milliarden Euro.", "2 Milliarden Euro")
    assert measure_overlap(claim, fact) == 1.0


def two_figure_claim() -> Claim:
    sentence = "Die Regierung rechnet mit zwei Milliarden Euro Kosten, davon 1,6 Milliarden Euro für Sozialleistungen."
    start = sentence.index("zwei")
    q = Quantity("zwei Milliarden Euro", start, start + 20, "money", 2e9, 2e9, 2e9, unit="EUR")
    return Claim("c1", sentence, 0, len(sentence), q)


def test_a_fact_about_another_figure_of_the_sentence_is_a_sibling():
    claim = two_figure_claim()
    about_the_other = Quantity("1,6 Mrd. Euro", 10, 23, "money", 1.6e9, 1.6e9, 1.6e9, unit="EUR")
    changed = Quantity("2,5 Mrd. Euro", 10, 23, "money", 2.5e9, 2.5e9, 2.5e9, unit="EUR")
    assert sibling_figure(claim, about_the_other, compare(claim.quantity, about_the_other), None)
    assert not sibling_figure(claim, changed, compare(claim.quantity, changed), None)
    other_claim = Quantity("1,6 Milliarden Euro", 61, 80, "money", 1.6e9, 1.6e9, 1.6e9, unit="EUR")
    others = ArticleFigures([claim.quantity, other_claim])
    fact_a, fact_b = Fact("a", "Sozialleistungen: 1,6 Mrd. Euro"), Fact("b", "Kosten: 2,5 Mrd. Euro")
    assert other_figure_match(claim, fact_a, about_the_other, compare(claim.quantity, about_the_other), others) > 0.0
    assert other_figure_match(claim, fact_b, changed, compare(claim.quantity, changed), others) == 0.0
    # The same article figures serve the article's other claim: a fact about the first figure
    # is about another figure for it; the changed fact's answer, worked out once, still says no.
    second = Claim("c2", claim.sentence, 0, len(claim.sentence), other_claim)
    two = Quantity("2 Mrd. Euro", 8, 19, "money", 2e9, 2e9, 2e9, unit="EUR")
    assert other_figure_match(second, Fact("c", "Kosten: 2 Mrd. Euro"), two, compare(other_claim, two), others) > 0.0
    assert other_figure_match(second, fact_b, changed, compare(other_claim, changed), others) == 0.0


def candidates_from_facts(claim: Claim, scored: list[tuple[Fact, float]], published=None) -> list[Candidate]:
    """Verifier.candidates over a store that finds the `scored` facts (fact, cosine), under a neutral model."""
    from types import SimpleNamespace

    hits = [SimpleNamespace(fact=fact, score=score, lexical=0.5) for fact, score in scored]
    store = SimpleNamespace(search=lambda *a, **k: hits)
    return Verifier(store, model=VerifierModel([0.0] * len(FEATURES), 0.0, 0.7, 0.7, MODEL.calibration, "test")
                    ).candidates(claim, np.zeros(4), published)


def candidates_from_one_fact(claim: Claim, fact: Fact) -> list[Candidate]:
    """Verifier.candidates over a store that finds `fact` alone, under a neutral model."""
    return candidates_from_facts(claim, [(fact, 0.9)])


def test_a_fact_answers_a_claim_with_its_figure_that_is_not_another_of_the_sentence():
    from claimcheck.quantities import read_quantities

    sentence = "Gefordert wird eine Senkung der Mehrwertsteuer von 19 auf sieben Prozent."
    start = sentence.index("sieben")
    c = Claim("c1", sentence, 0, len(sentence), read_quantities(sentence)[-1])
    assert c.quantity.start == start
    text = "Der Verband forderte eine Senkung der Mehrwertsteuer von 19 auf 12 Prozent."
    found = candidates_from_one_fact(c, Fact("f", text, lang="de", quantities=read_quantities(text)))
    # its 19 is the sentence's other figure (and would be vetoed); its 12 plays the role of 'sieben'
    assert found[0].comparison.fact_text == "12 %" and not found[0].comparison.agree
    assert found[0].features[FEATURES.index("sibling")] < SIBLING_VETO


def test_a_fact_about_another_figure_of_the_sentence_is_no_rival_in_the_cosine_margin():
    from claimcheck.quantities import read_quantities

    # a probe of railway news: the sentence is nearer to the fact that names more of its figures, which had
    # pushed the fact written about its "70 Kilometer" below the margin
    sentence = "Auf der 70 Kilometer langen Strecke werden 117 Weichen und 152 Kilometer Oberleitung erneuert."
    c = Claim("c1", sentence, 0, len(sentence), read_quantities(sentence)[0])
    assert c.quantity.text == "70 Kilometer"
    sibling = "Bei der Sanierung werden 117 Weichen und 152 km Oberleitung erneuert."
    own = "Die Strecke ist rund 70 km lang."
    found = candidates_from_facts(c, [(Fact(fact_id, text, lang="de", quantities=read_quantities(text)), score)
                                      for fact_id, text, score in (("sibling", sibling, 0.92), ("own", own, 0.84))])
    margin = {f.fact.id: f.features[FEATURES.index("cosine_margin")] for f in found}
    assert next(f for f in found if f.fact.id == "sibling").about_sibling_figure
    assert np.isclose(margin["own"], MARGIN_CAP)  # the sibling's fact does not count against it
    assert np.isclose(margin["sibling"], 0.08)  # while the own fact still counts against the sibling's


def test_a_coarser_date_can_speak_against_a_claim_but_not_for_it():
    from claimcheck.quantities import read_quantities

    sentence = "Die Öffnung des Arbeitsmarkts per Mai 2011 wirkte je nach Bundesland anders."
    c = Claim("c1", sentence, 0, len(sentence), read_quantities(sentence)[0])
    assert c.quantity.text == "Mai 2011"

    def found(text):
        return candidates_from_one_fact(c, Fact("f", text, lang="de", quantities=read_quantities(text)))
    assert found("Der Arbeitsmarkt wurde 2011 geöffnet.") == []  # consistent, but no evidence for May
    against = found("Der Arbeitsmarkt wurde 2012 geöffnet.")
    assert len(against) == 1 and not against[0].comparison.agree
    assert found("Der Arbeitsmarkt wurde im Mai 2011 geöffnet.")[0].comparison.agree


def test_a_states_figure_is_not_compared_with_its_countrys_nor_another_states():
    from claimcheck.quantities import read_quantities
    from claimcheck.verify import places

    sentence = ("In Deutschland haben die Gesundheitsämter dem Robert Koch-Institut (RKI) binnen 24 Stunden "
                "410 neue Todesfälle gemeldet.")
    c = Claim("c1", sentence, 0, len(sentence), next(q for q in read_quantities(sentence) if q.text.startswith("410")))

    def found(text, lang="de"):
        return candidates_from_one_fact(c, Fact("f", text, lang=lang, quantities=read_quantities(text)))
    assert found("Das RKI meldete für Sachsen binnen 24 Stunden 62 neue Todesfälle.") == []  # a state of the country
    assert found("Germany reported 410 new deaths; Saxony alone reported 62.", lang="en")  # names the country too
    assert found("Das RKI meldete bundesweit 350 neue Todesfälle.")  # names no place: compared as before

    # the states of the figure's own clause speak, not those of the sentence's other clauses
    sentence = "Zwei Kuriere wurden in Niederösterreich festgenommen, ein Komplize in Hamburg."
    c = Claim("c2", sentence, 0, len(sentence), read_quantities(sentence)[0])
    assert found("Die Polizei nahm in Niederösterreich fünf Kuriere fest.")
    assert found("Die Polizei nahm in Sachsen-Anhalt fünf Kuriere fest.") == []  # another state
    assert places("Die Zahl stieg in Sachsen-Anhalt und Bayerns Süden.") == ({"DE-ST", "DE-BY"}, set())  # longest form
    # a place dateline is no place of the figure; a country's adjective names no place ("Deutsche Bank")
    sentence = "Wien – Die Deutsche Bank hat im Burgenland 300 Kunden."
    c = Claim("c3", sentence, 0, len(sentence), read_quantities(sentence)[0])
    assert found("Die Deutsche Bank zählt im Burgenland 250 Kunden.")
    assert found("Die Deutsche Bank zählt in Österreich 250 Kunden.") == []


def test_a_date_is_not_judged_by_a_fact_that_dates_another_figure():
    from claimcheck.quantities import read_quantities

    # a probe of health-insurance news: the 2025 of the rate set for 2025 had been CONTRADICTED by "lag 2024 bei 1,7"
    sentence = "Der Minister hat den Zusatzbeitrag für 2025 auf 2,5 Prozent festgelegt."
    c = Claim("c1", sentence, 0, len(sentence), read_quantities(sentence)[0])
    assert c.quantity.text == "2025"

    def found(text):
        return candidates_from_one_fact(c, Fact("f", text, lang="de", quantities=read_quantities(text)))
    assert found("Der Zusatzbeitrag lag 2024 bei 1,7 Prozent.") == []  # its 2024 dates another figure
    changed = found("Der Zusatzbeitrag wurde für 2026 auf 2,5 Prozent festgelegt.")  # the same figure, another year
    assert len(changed) == 1 and not changed[0].comparison.agree
    assert found("Der Zusatzbeitrag beträgt 2025 im Schnitt 2,9 Prozent.")[0].comparison.agree  # agreeing: still evidence
    assert len(found("Der Zusatzbeitrag wurde 2024 erhöht.")) == 1  # no figure of the fact to tell

    # a change in points where the fact has a level in percent: no figure of the one can agree with the other's
    sentence = "Zum 1. Januar 2025 steigt der Zusatzbeitrag um 0,8 Prozentpunkte."
    c = Claim("c2", sentence, 0, len(sentence), read_quantities(sentence)[0])
    assert c.quantity.kind == "date"
    assert found("Der Zusatzbeitrag lag 2024 bei 1,7 Prozent.") == []
    assert len(found("Der Zusatzbeitrag stieg zum 1. Januar 2024 um 0,8 Prozentpunkte.")) == 1  # the same change


def test_a_value_of_one_year_is_not_judged_by_a_fact_about_another_year():
    from claimcheck.quantities import read_quantities

    # a probe of company results: the 2024 revenue had been SUPPORTED by the guidance for 2025
    published = dt.date(2025, 3, 12)
    sentence = "Der Umsatz stieg 2024 um 6 Prozent auf 8,9 Milliarden Euro, nach 7,9 Milliarden Euro im Jahr zuvor."
    figures = read_quantities(sentence, published=published)

    def found(claim, text, lang="de"):
        fact = Fact("f", text, lang=lang, quantities=read_quantities(text, lang=lang))
        return candidates_from_facts(claim, [(fact, 0.9)], published=published)
    revenue = Claim("c1", sentence, 0, len(sentence), next(q for q in figures if q.text.startswith("8,9")))
    assert found(revenue, "Für 2025 erwartet der Konzern einen Umsatz von 8,7 bis 9,1 Milliarden Euro.") == []
    assert not found(revenue, "Revenue rose to 8.4 billion euros in 2024.", "en")[0].comparison.agree  # its year
    assert found(revenue, "Der Konzern setzte 8,9 Milliarden Euro um.")  # a fact that writes no year
    # the year before is no year of its clause
    before = Claim("c2", sentence, 0, len(sentence), next(q for q in figures if q.text.startswith("7,9")))
    assert found(before, "Für 2025 erwartet der Konzern einen Umsatz von 7,9 Milliarden Euro.")
    # a year a phrase names from the time of writing; a year in brackets left out of the figure's clause
    sentence = "Im Vorjahr lag die Quote bei 5,9 Prozent."
    rate = Claim("c3", sentence, 0, len(sentence), read_quantities(sentence, published=published)[0])
    assert found(rate, "Die Quote lag 2023 bei 5,9 Prozent.") == []
    assert found(rate, "Die Quote lag 2024 bei 5,9 Prozent.")
    sentence = "Das entspricht etwa zwei Prozent der Sozialausgaben (73,6 Milliarden Euro, Stand 2015)."
    share = Claim("c4", sentence, 0, len(sentence), read_quantities(sentence, published=published)[0])
    assert found(share, "Das entsprach 2016 rund 2 Prozent der Sozialausgaben.")


def test_a_fact_set_aside_for_dating_another_figure_still_counts_against_the_others_cosine_margin():
    from claimcheck.quantities import read_quantities

    # 120 articles no fact was written for: "am 13. November 130 Menschen getötet" against facts of other killings
    # in November; leaving out those that date another count had made the one left stand out, and a verdict on it
    sentence = "Der Minister hat den Zusatzbeitrag für 2025 auf 2,5 Prozent festgelegt."
    c = Claim("c1", sentence, 0, len(sentence), read_quantities(sentence)[0])
    other_figure = "Der Zusatzbeitrag lag 2024 bei 1,7 Prozent."
    no_figure = "Der Zusatzbeitrag wurde 2024 erhöht."
    found = candidates_from_facts(c, [(Fact(fact_id, text, lang="de", quantities=read_quantities(text)), score)
                                      for fact_id, text, score in (("a", other_figure, 0.95), ("b", no_figure, 0.9))])
    assert [f.fact.id for f in found] == ["b"]
    assert np.isclose(found[0].features[FEATURES.index("cosine_margin")], -0.05)  # below fact a, which is left out


def test_a_facts_age_counts_from_the_days_its_as_of_stands_for():
    import datetime as dt

    from claimcheck.verify import age_years

    published = dt.date(2024, 3, 19)
    age = lambda as_of, day=published: age_years(claim(), Fact("f", "text", as_of=as_of), day)  # noqa: E731
    assert age("2024") == age("2024-03") == age("2024-03-19") == 0.0  # the year holds the day
    # last year's annual figure reported in March: a quarter of a year off, not 0.72 from the year's middle
    assert 0.2 < age("2023") < 0.25
    assert round(age("2025-03-19"), 2) == 1.0 and age("2010") == 5.0
    assert age(None) == age("2023", None) == 0.0
    date_claim = dataclasses.replace(claim(), quantity=Quantity("2020", 0, 4, "date", date="2020"))
    assert age_years(date_claim, Fact("f", "text", as_of="2010"), published) == 0.0  # an event does not go stale


def test_a_figure_its_sentence_dates_is_as_fresh_against_a_fact_of_that_time():
    import datetime as dt

    from claimcheck.verify import age_years

    # "nach 75,6 Prozent im Jahr 2019" in an article of September 2024 against a fact dated 2019 (a probe of election
    # news: the fact had been 5 years old, which the model's age weight made NOT_ENOUGH_INFO)
    sentence = "Die Wahlbeteiligung lag bei 77,7 Prozent, nach 75,6 Prozent im Jahr 2019."
    start = sentence.index("75,6")
    then = Claim("c9", sentence, 0, len(sentence), Quantity("75,6 Prozent", start, start + 12, "percent", 75.6,
                                                             unit="percent"))
    published = dt.date(2024, 9, 30)
    assert age_years(then, Fact("f", "text", as_of="2019-09-29"), published) < 0.3
    assert age_years(then, Fact("f", "text", as_of="2024-09"), published) == 0.0  # the publication's time still counts
    assert age_years(claim(), Fact("f", "text", as_of="2019-09-29"), published) == 5.0  # a sentence naming no year
    compared = "Die Wahlbeteiligung stieg gegenüber 2019 auf 77,7 Prozent."  # a base of comparison dates nothing
    at = compared.index("77,7")
    now = Claim("c8", compared, 0, len(compared), Quantity("77,7 Prozent", at, at + 12, "percent", 77.7, unit="percent"))
    assert age_years(now, Fact("f", "text", as_of="2019-09-29"), published) == 5.0


def test_a_figure_of_last_year_is_as_fresh_against_a_fact_stated_then():
    import datetime as dt

    from claimcheck.quantities import read_quantities
    from claimcheck.verify import age_years

    # A probe (an airport's passengers, the facts of an annual report stated in January): "im vergangenen Jahr" was
    # no time of the figure, so the fact lay 0.75 years from the article and was "not clearly about the same measure"
    published = dt.date(2025, 10, 22)
    report = Fact("f", "Hamburg Airport handled 14.8 million passengers in 2024.", as_of="2025-01")

    def claim_of(sentence: str) -> Claim:
        figure = next(q for q in read_quantities(sentence, published=published) if q.kind == "count")
        return Claim("c1", sentence, 0, len(sentence), figure)

    assert age_years(claim_of("Der Flughafen hat im vergangenen Jahr 14,8 Millionen Passagiere abgefertigt."),
                     report, published) < 0.01
    plain = age_years(claim_of("Der Flughafen hat 14,8 Millionen Passagiere abgefertigt."), report, published)
    assert plain > 0.7
    # the year the phrase names, not any year: next year brings the fact no nearer than the publication day
    assert age_years(claim_of("Im nächsten Jahr sollen 16 Millionen Passagiere kommen."), report, published) == plain


def test_a_model_fitted_for_other_features_is_refused_with_a_message():
    import pytest

    with pytest.raises(ValueError, match="refit"):
        MODEL.relatedness(np.zeros((1, len(FEATURES) + 1)))


def test_a_fact_is_compared_by_its_date_as_precise_as_the_claims():
    sentence = "Wahlkarten, die vor dem 3. Mai abgeschickt wurden, sind ungültig."
    start = sentence.index("3. Mai")
    c = Claim("c1", sentence, 0, len(sentence), Quantity("3. Mai", start, start + 6, "date", date="--05-03"))
    fact = Fact("f", "Wahlkarten der Wahl 2016, die vor dem 3. April 2016 abgeschickt wurden, waren ungültig.",
                lang="de", quantities=[Quantity("2016", 20, 24, "date", date="2016"),
                                       Quantity("3. April 2016", 38, 51, "date", date="2016-04-03")])
    found = candidates_from_one_fact(c, fact)
    assert not found[0].comparison.agree and found[0].comparison.fact_text == "2016-04-03"


# --- the evaluation's vector cache (eval/eval_verify.py) -----------------------------------------

class CountingEncoder:
    """Vectors from the text's length; counts the texts it was asked to encode."""
    name, dim = "counting", 2

    def __init__(self):
        self.encoded = []

    def encode_queries(self, texts):
        self.encoded += list(texts)
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)

    def encode_passages(self, texts):
        return self.encode_queries(texts) * 2


def test_the_eval_vector_cache_encodes_each_text_once_and_keeps_only_used_vectors(tmp_path):
    from eval.eval_verify import CachedEncoder

    path = tmp_path / "vectors.npz"
    first = CachedEncoder(CountingEncoder(), path)
    first.encoder.encoded.clear()  # the probe text, encoded on opening
    queries = first.encode_queries(["ab", "abc", "ab"])
    assert queries.tolist() == [[2, 1], [3, 1], [2, 1]]
    assert first.encode_passages(["ab"]).tolist() == [[4, 2]]  # queries and passages kept apart
    assert first.encoder.encoded == ["ab", "abc", "ab"]
    first.save()

    again = CachedEncoder(CountingEncoder(), path)
    again.encoder.encoded.clear()
    assert again.encode_queries(["abc"]).tolist() == [[3, 1]] and again.encoder.encoded == []
    assert again.encode_queries([]).shape == (0, 2)
    again.save()  # only "abc" was used this time
    assert CachedEncoder(CountingEncoder(), path)._vectors.keys() == {"query\tabc"}


def test_the_eval_vector_cache_is_not_read_when_the_encoder_gives_other_vectors_now(tmp_path, capsys):
    from eval.eval_verify import CachedEncoder

    class Rescaled(CountingEncoder):  # a changed model: other vectors for every text
        def encode_queries(self, texts):
            return super().encode_queries(texts) * 3

    path = tmp_path / "vectors.npz"
    first = CachedEncoder(CountingEncoder(), path)
    first.encode_queries(["abc"])
    first.save()
    changed = CachedEncoder(Rescaled(), path)
    changed.encoder.encoded.clear()
    assert changed.encode_queries(["abc"]).tolist() == [[9, 3]] and changed.encoder.encoded == ["abc"]
    assert "encoding afresh" in capsys.readouterr().out
    same = CachedEncoder(CountingEncoder(), path)
    same.encoder.encoded.clear()
    assert same.encode_queries(["abc"]).tolist() == [[3, 1]] and same.encoder.encoded == []


def test_the_verification_facts_pass_their_validator(capsys):
    import runpy

    from eval.annotations import REPO

    check = runpy.run_path(str(REPO / "data" / "verify" / "check.py"))
    assert check["main"]() == 0, capsys.readouterr().out


def test_the_bootstrap_interval_brackets_macro_f1_and_narrows_with_more_claims():
    from types import SimpleNamespace

    from eval.eval_verify import macro_f1, macro_f1_interval

    def judgements(claims):
        out = []
        for k in range(claims):  # each claim judged three times; every fifth claim's C judged N
            for expected in ("SUPPORTED", "CONTRADICTED", "NOT_ENOUGH_INFO"):
                predicted = "NOT_ENOUGH_INFO" if expected == "CONTRADICTED" and k % 5 == 0 else expected
                out.append(SimpleNamespace(item=SimpleNamespace(key=("art", k, k + 1)), expected=expected,
                                           predicted=predicted))
        return out

    few, many = judgements(20), judgements(400)
    f1 = macro_f1([(j.expected, j.predicted) for j in few])
    low, high = macro_f1_interval(few)
    assert low < f1 < high < 1.0
    wide, narrow = high - low, (lambda lh: lh[1] - lh[0])(macro_f1_interval(many))
    assert narrow < wide / 2
    assert macro_f1_interval(judgements(10)[3:6]) == (1.0, 1.0)  # one claim (k=1), all right


def test_metrics_keep_the_store_without_the_articles_facts_apart():
    from types import SimpleNamespace

    from eval.eval_verify import FOREIGN, metrics

    def judgement(k, condition, expected, predicted):
        return SimpleNamespace(item=SimpleNamespace(key=("art", k, k + 1)), condition=condition, expected=expected,
                               predicted=predicted, evidence_lang="de", confidence=0.9)

    rotation = [judgement(k, c, e, e) for k in range(4)
                for c, e in (("S", "SUPPORTED"), ("C", "CONTRADICTED"), ("N", "NOT_ENOUGH_INFO"))]
    foreign = [judgement(k, FOREIGN, "NOT_ENOUGH_INFO", "SUPPORTED" if k == 0 else "NOT_ENOUGH_INFO") for k in range(4)]
    m = metrics(rotation + foreign)
    assert (m["n"], m["macro_f1"], m["accuracy"]) == (12, 1.0, 1.0)  # the false SUPPORTED counts apart
    assert m["confusion"]["NOT_ENOUGH_INFO"]["SUPPORTED"] == 0
    assert m["foreign"] == {"n": 4, "false_verdict_rate": 0.25}
    assert metrics(rotation)["foreign"] == {"n": 0, "false_verdict_rate": None}


def test_a_fact_written_for_another_claim_that_agrees_puts_the_expected_verdict_in_doubt():
    from types import SimpleNamespace

    from eval.eval_verify import supported_by_sibling_fact

    item = SimpleNamespace(key=("art", 10, 20), agree={"id": "art-10-agree"}, disagree={"id": "art-10-disagree"},
                           distractor={"id": "art-10-distractor"})

    def judged(*candidates):
        return SimpleNamespace(item=item, candidates=list(candidates))
    assert supported_by_sibling_fact(judged(candidate("art-40-agree", 0.9, True)))
    # the claim's own facts, a disagreeing sibling fact and another article's agreeing fact leave it clear
    assert not supported_by_sibling_fact(judged(candidate("art-10-agree", 0.9, True), candidate("art-10-distractor", 0.9, True),
                                                candidate("art-40-disagree", 0.9, False), candidate("other-40-agree", 0.9, True)))


def test_a_fact_about_another_figure_of_the_sentence_never_contradicts():
    sibling = FEATURES.index("sibling")
    about_the_other = candidate("b", 0.95, False)
    about_the_other.features[sibling] = 0.25  # its figure is the sentence's other, one-digit figure
    assert decide(about_the_other).verdict == "NOT_ENOUGH_INFO"
    by_chance = candidate("b", 0.95, False)
    by_chance.features[sibling] = 0.1  # a year inside a decade the sentence names
    assert decide(by_chance).verdict == "CONTRADICTED"


def test_a_decade_in_the_sentence_is_a_weak_sibling():
    sentence = "Der 1925 geborene Soziologe erlebte die Spannungen der 1930er-Jahre."
    start = sentence.index("1925")
    c = Claim("c1", sentence, 0, len(sentence), Quantity("1925", start, start + 4, "date", date="1925",
                                                          date_low="1925-01-01", date_high="1925-12-31"))
    changed = Quantity("1931", 0, 4, "date", date="1931", date_low="1931-01-01", date_high="1931-12-31")
    assert 0 < sibling_figure(c, changed, compare(c.quantity, changed), None) < 0.2


def test_counts_of_other_nouns_are_told_apart():
    from claimcheck.verify import counted_noun

    def count(text, noun):
        return Quantity(text, 0, len(text), "count", 4.0, noun=noun)
    assert counted_noun(count("vier", "Israelis"), count("5", "Palästinenser"), "de") == 0.0
    assert counted_noun(count("vier", "Israelis"), count("5", "Israelis"), "de") == 1.0
    assert counted_noun(count("64", "Fälle"), count("120", "Neuinfektionen"), "de") == 1.0  # one concept
    assert counted_noun(count("vier", "Mitarbeiter"), count("5", "employees"), "en") == 1.0
    assert counted_noun(count("vier", "Israelis"), count("5", None), "de") == 0.5


def test_counts_the_units_table_names_alike_count_the_same_and_people_may_be_anyone():
    from claimcheck.quantities import read_quantities
    from claimcheck.verify import counted_noun

    def read(text, lang="de"):
        return read_quantities(text, lang=lang)[0]
    assert counted_noun(read("300 Betriebe"), read("300 businesses", "en"), "en") == 1.0  # both "companies"
    assert counted_noun(read("56 Personen"), read("56 people", "en"), "en") == 1.0
    # "Menschen" are any persons: no evidence either way, unlike two named groups
    assert counted_noun(read("zwei Menschen"), read("zwei Palästinenser"), "de") == 0.5
    assert counted_noun(read("zwei Israelis"), read("zwei Palästinenser"), "de") == 0.0


def test_a_word_names_a_concept_but_not_a_compound_of_it():
    # 'Fälle' are cases (infections), not 'Todesfälle'; 'Neuinfektionen' are infections.
    assert ("fäll", "infections") in measure_words("Es gab 64 Fälle.", 7, 9, "de")
    assert ("todesfäll", "killed") in measure_words("Es gab 64 Todesfälle.", 7, 9, "de")


def layer_model(**weights: dict[str, float]) -> VerifierModel:
    """MODEL with a verdict layer: per verdict, weights by VERDICT_FEATURES name (others 0), bias 0."""
    layer = {"verdicts": ["CONTRADICTED", "NOT_ENOUGH_INFO", "SUPPORTED"],
             "weights": [[weights.get(v, {}).get(f, 0.0) for f in VERDICT_FEATURES]
                         for v in ("CONTRADICTED", "NOT_ENOUGH_INFO", "SUPPORTED")],
             "bias": [0.0, 0.0, 0.0]}
    return dataclasses.replace(MODEL, verdict_layer=layer)


def decide_with(model: VerifierModel, *candidates: Candidate) -> Claim:
    c = claim()
    Verifier(store=None, model=model).decide(c, sorted(candidates, key=lambda x: -x.relatedness))
    return c


def test_the_verdict_layer_decides_where_thresholds_would_not():
    # Relatedness 0.6 is below both thresholds of MODEL; a layer that reads a disagreeing fact
    # more related than the agreeing one as a contradiction calls it CONTRADICTED.
    model = layer_model(CONTRADICTED={"disagreeing_logit": 2.0, "agreeing_logit": -2.0},
                        SUPPORTED={"agreeing_logit": 2.0, "disagreeing_logit": -2.0})
    candidates = (candidate("b", 0.6, False), candidate("a", 0.3, True))
    assert decide(*candidates).verdict == "NOT_ENOUGH_INFO"
    c = decide_with(model, *candidates)
    assert c.verdict == "CONTRADICTED" and [e.id for e in c.evidence] == ["b"]
    assert "disagree, differs by 25 %" in c.reason
    assert decide_with(model, candidate("b", 0.3, False), candidate("a", 0.6, True)).verdict == "SUPPORTED"


def test_the_verdict_layer_never_rests_a_verdict_on_a_missing_fact():
    always_supported = layer_model(SUPPORTED={"best_logit": 0.0}, NOT_ENOUGH_INFO={"best_logit": -5.0})
    always_supported.verdict_layer["bias"] = [0.0, 0.0, 10.0]
    c = decide_with(always_supported, candidate("b", 0.9, False))
    assert c.verdict == "NOT_ENOUGH_INFO" and c.evidence == []


def test_a_verdict_below_the_confidence_floor_is_withheld_and_the_reason_names_its_fact():
    model = layer_model(SUPPORTED={"agreeing_logit": 2.0, "disagreeing_logit": -2.0},
                        CONTRADICTED={"disagreeing_logit": 2.0, "agreeing_logit": -2.0})
    supported = decide_with(model, candidate("a", 0.6, True))
    assert supported.verdict == "SUPPORTED" and 0.0 < supported.confidence < 1.0
    kept = decide_with(dataclasses.replace(model, min_confidence=supported.confidence - 0.01), candidate("a", 0.6, True))
    assert kept.verdict == "SUPPORTED" and kept.reason == supported.reason
    withheld = decide_with(dataclasses.replace(model, min_confidence=supported.confidence + 0.01), candidate("a", 0.6, True))
    assert withheld.verdict == "NOT_ENOUGH_INFO" and withheld.evidence == []
    assert withheld.reason == withheld_line("SUPPORTED", supported.confidence, supported.confidence + 0.01) + supported.reason
    # a contradiction is withheld alike
    contradicted = decide_with(model, candidate("b", 0.6, False))
    assert contradicted.verdict == "CONTRADICTED"
    floor = dataclasses.replace(model, min_confidence=contradicted.confidence + 0.01)
    assert decide_with(floor, candidate("b", 0.6, False)).reason.startswith("withheld CONTRADICTED")


def test_the_shipped_model_has_a_fitted_confidence_floor():
    import json
    from importlib import resources

    stored = json.loads(resources.files("claimcheck.resources").joinpath("verifier.json").read_text("utf-8"))
    assert 0.0 <= stored["min_confidence"] < 0.9


def test_a_disagreeing_fact_about_a_sibling_figure_is_not_weighed_by_the_layer():
    features = verdict_features([candidate("b", 0.9, False)])
    assert features[VERDICT_FEATURES.index("disagreeing_p")] == 0.9
    sibling = candidate("b", 0.9, False)
    sibling.features[FEATURES.index("sibling")] = 1.0
    assert Verifier.weighed([sibling, candidate("a", 0.2, True)])[0].fact.id == "a"


def test_the_shipped_model_has_a_verdict_layer_over_the_verdict_features():
    from claimcheck.verify import default_model

    layer = default_model().verdict_layer
    assert sorted(layer["verdicts"]) == ["CONTRADICTED", "NOT_ENOUGH_INFO", "SUPPORTED"]
    assert [len(row) for row in layer["weights"]] == [len(VERDICT_FEATURES)] * 3
    probabilities = default_model().verdict_probabilities(np.zeros(len(VERDICT_FEATURES)))
    assert abs(sum(probabilities.values()) - 1.0) < 1e-9


def staff_claim() -> Claim:
    """Another claim of claim()'s article."""
    return Claim("c2", "TikTok hat 1.500 Mitarbeiter.", 50, 80,
                 Quantity("1.500", 61, 66, "count", 1500.0, unit="employees"), subject="TikTok")


def test_a_disagreeing_fact_another_claim_relates_to_clearly_more_is_that_claims():
    staff = staff_claim()

    def shared(p: float, agree: bool = False) -> Candidate:
        return candidate("shared", p, agree)
    # 0.6 against 0.9 is 1.79 apart in log-odds
    mine, theirs = [shared(0.6), candidate("own", 0.5, False)], [shared(0.9)]
    (kept, set_aside), (other, _) = Verifier.set_aside_rivals([claim(), staff], [mine, theirs], margin=1.5)
    assert [c.fact.id for c in kept] == ["own"] and [c.fact.id for c in other] == ["shared"]
    assert [(c.fact.id, about.id) for c, about in set_aside] == [("shared", "c2")]
    # within the margin, without a margin, or agreeing with the claim: the fact stays
    assert len(Verifier.set_aside_rivals([claim(), staff], [mine, theirs], margin=2.0)[0][0]) == 2
    assert len(Verifier.set_aside_rivals([claim(), staff], [mine, theirs], margin=None)[0][0]) == 2
    (kept, _), _ = Verifier.set_aside_rivals([claim(), staff], [[shared(0.6, agree=True)], theirs], margin=1.5)
    assert [c.fact.id for c in kept] == ["shared"]
    # asked for one claim only, the same answer for it
    assert Verifier.rivals_facts([claim(), staff], [mine, theirs], 1.5, which=[0]) == [{"shared": 1}]


def test_rivals_are_told_apart_in_log_odds_where_both_relate_strongly():
    """Two claims of one sentence both relate to a fact at 0.95 and more: 0.999 against 0.95 is 3.96 apart in
    log-odds, though only 0.049 in probability."""
    staff = staff_claim()
    mine, theirs = [candidate("shared", 0.95, False)], [candidate("shared", 0.999, False)]
    (kept, set_aside), _ = Verifier.set_aside_rivals([claim(), staff], [mine, theirs], margin=1.5)
    assert kept == [] and [about.id for _, about in set_aside] == ["c2"]


def test_a_claim_that_relates_to_another_figure_of_the_fact_is_no_rival():
    """"R stood at 1.25 on 24 November": the day answers the article's date claim, the 1.25 its R claim;
    the date claim relating to the fact more does not take the fact from the R claim."""
    day = Claim("c2", "TikTok zählte am 24. November ...", 50, 80,
                Quantity("24. November", 60, 72, "date", date="2020-11-24"), subject="TikTok")
    mine = candidate("shared", 0.6, False)  # compared through its figure at 0..10
    other_figure = dataclasses.replace(mine, relatedness=0.95, comparison=Comparison(
        True, day.quantity, Quantity("24 November", 20, 31, "date", date="2020-11-24")))
    (kept, set_aside), _ = Verifier.set_aside_rivals([claim(), day], [[mine], [other_figure]], margin=1.5)
    assert [c.fact.id for c in kept] == ["shared"] and set_aside == []
    # through the same figure of the fact, it is a rival
    same_figure = dataclasses.replace(other_figure, comparison=dataclasses.replace(
        other_figure.comparison, fact_figure=mine.comparison.fact_figure))
    (kept, _), _ = Verifier.set_aside_rivals([claim(), day], [[mine], [same_figure]], margin=1.5)
    assert kept == []


def test_a_claim_repeating_the_figure_is_no_rival():
    teaser = dataclasses.replace(claim(), id="c0", sentence_start=100, sentence_end=144)
    mine, theirs = [candidate("shared", 0.6, False)], [candidate("shared", 0.9, False)]
    (kept, _), _ = Verifier.set_aside_rivals([claim(), teaser], [mine, theirs], margin=1.0)
    assert [c.fact.id for c in kept] == ["shared"]


def test_the_shipped_model_drops_rivals_facts_with_a_fitted_margin():
    from claimcheck.verify import default_model

    assert default_model().rival_margin is not None and 0.0 <= default_model().rival_margin <= 4.0  # log-odds


def test_a_claim_whose_closest_fact_is_another_claims_says_so():
    staff = staff_claim()
    c = claim()
    Verifier(store=None, model=MODEL).decide(c, [candidate("weak", 0.3, False)], [(candidate("shared", 0.6, False), staff)])
    assert c.verdict == "NOT_ENOUGH_INFO"
    assert c.reason == "fact shared disagrees (80 Mio. users) but is about another figure of the article, '1.500', not this one"


def test_a_feature_that_cannot_be_computed_takes_the_models_stand_in():
    weights = [0.0] * len(FEATURES)
    weights[FEATURES.index("figure_context")] = 2.0
    model = dataclasses.replace(MODEL, weights=weights, missing_features={"figure_context": 0.75})
    missing, known = np.zeros((1, len(FEATURES))), np.zeros((1, len(FEATURES)))
    missing[0, FEATURES.index("figure_context")] = np.nan
    known[0, FEATURES.index("figure_context")] = 0.75
    assert model.relatedness(missing)[0] == model.relatedness(known)[0] > 0.8


def test_the_context_of_the_facts_compared_figure_is_weighed():
    from claimcheck.verify import context_similarity

    first, second = Quantity("80 million", 0, 10, "count", 8e7), Quantity("2020", 20, 24, "date", date="2020")
    fact = Fact("f", "80 million users in 2020", quantities=[first, second],
                figure_contexts=[np.array([1.0, 0.0]), np.array([0.0, 1.0])])
    own = np.array([0.6, 0.8])
    assert abs(context_similarity(own, fact, first) - 0.6) < 1e-9 and abs(context_similarity(own, fact, second) - 0.8) < 1e-9
    assert np.isnan(context_similarity(None, fact, first))
    assert np.isnan(context_similarity(own, Fact("g", "80 million", quantities=[first]), first))  # stored without


def test_the_eval_vector_cache_keeps_figure_contexts(tmp_path):
    from eval.eval_verify import CachedEncoder

    class ContextCounting(CountingEncoder):
        def encode_with_contexts(self, texts, spans, passages=False):
            self.encoded += list(texts)
            return (np.array([[len(t), 1] for t in texts], dtype=np.float32),
                    [[None if a > len(t) else np.array([a, b], dtype=np.float32) for a, b in row] for t, row in zip(texts, spans)])

    path = tmp_path / "vectors.npz"
    first = CachedEncoder(ContextCounting(), path)
    first.encoder.encoded.clear()  # the probe text, encoded on opening
    vectors, contexts = first.encode_with_contexts(["abc", "ab"], [[(0, 1), (9, 10)], [(1, 2)]])
    assert vectors.tolist() == [[3, 1], [2, 1]] and contexts[0][1] is None and contexts[1][0].tolist() == [1, 2]
    first.save()
    again = CachedEncoder(ContextCounting(), path)
    again.encoder.encoded.clear()
    _, contexts = again.encode_with_contexts(["abc"], [[(0, 1), (9, 10)]])
    assert again.encoder.encoded == [] and contexts[0][0].tolist() == [0, 1] and contexts[0][1] is None
    again.encode_with_contexts(["abc"], [[(2, 3)]])  # a span not seen before: encoded
    assert again.encoder.encoded == ["abc"]


def test_a_subject_is_named_by_its_initials_and_a_short_name_only_as_a_word():
    from claimcheck.verify import subject_named

    assert subject_named("TK", Fact("f", "Techniker Krankenkasse had about 11.8 million insured people.")) == 1.0
    assert subject_named("Techniker Krankenkasse", Fact("f", "TK employs around 14,900 staff.")) == 1.0
    assert subject_named("RKI", Fact("f", "Das Robert Koch-Institut meldete 5.000 Fälle.")) == 1.0
    assert subject_named("EU", Fact("f", "Der Europäische Rat beschloss 750 Milliarden Euro.")) == 0.0  # not in "Europäische"
    assert subject_named("EU", Fact("f", "Die EU beschloss 750 Milliarden Euro.")) == 1.0
    assert subject_named("TK", Fact("f", "Die AOK hat 27 Millionen Versicherte.")) == 0.0


def test_insured_people_are_one_measure_in_german_and_english():
    claim, fact = "Die TK hat mehr als 11,7 Millionen Versicherte.", "TK had about 11.8 million insured people."
    claim_words = measure_words(claim, claim.index("mehr"), claim.index(" Versicherte"), "de")
    fact_words = measure_words(fact, fact.index("about"), fact.index(" insured"), "en")
    assert measure_overlap(claim_words, fact_words) > 0


def test_a_days_count_is_never_weighed_against_another_days():
    from claimcheck.quantities import read_quantities

    sentence = "Am 16. August 2020 meldete das RKI 625 Neuinfektionen."
    day, count = (Claim(f"c{i}", sentence, 0, len(sentence), q) for i, q in enumerate(read_quantities(sentence)))
    assert count.quantity.text == "625"

    def found(claim, text):
        return candidates_from_one_fact(claim, Fact("f", text, lang="de", quantities=read_quantities(text)))
    other_day = "Am 24. Dezember 2020 meldete das RKI 32.195 Neuinfektionen."
    assert found(count, other_day) == []  # another day's count
    assert len(found(count, "Am 17. August 2020 meldete das RKI 1.693 Neuinfektionen.")) == 1  # often the day before's
    assert len(found(count, "Bis zum 24. Dezember 2020 gab es 1.600.000 Infektionen.")) == 1  # names no one day
    assert len(found(count, "Vom 1. Juli bis 30. August 2020 gab es 40.000 Neuinfektionen.")) == 1  # a period
    # a date is no figure that goes stale: a fact stating the same count on another day speaks against it; one that
    # dates another count (32.195 on 24 December) neither for nor against it (dates_another_figure)
    assert len(found(day, "Am 24. Dezember 2020 meldete das RKI 625 Neuinfektionen.")) == 1
    assert found(day, other_day) == []


def test_the_rival_margin_is_picked_over_several_groupings_of_the_training_articles():
    from eval.fit_verifier import inner_groupings

    articles = [f"article-{k:02d}" for k in range(23)]
    groupings = inner_groupings(set(articles), 5, 3)
    assert len(groupings) == 3
    assert groupings[0] == {a: k % 5 for k, a in enumerate(sorted(articles))}  # the first: sorted, as before
    for group in groupings:
        assert set(group) == set(articles) and set(group.values()) == set(range(5))
        assert max(list(group.values()).count(f) for f in range(5)) <= 5  # groups of nearly equal size
    assert groupings[1] != groupings[0] and groupings[2] != groupings[1]
    assert inner_groupings(set(articles), 5, 3) == groupings  # seeded: the same on every run


def test_a_withheld_confidence_never_reads_as_high_as_its_floor():
    # a probe printed "withheld SUPPORTED (confidence 0.60, below 0.60)"
    assert withheld_line("SUPPORTED", 0.597, 0.6) == "withheld SUPPORTED (confidence 0.59, below 0.60): "
    assert withheld_line("CONTRADICTED", 0.25, 0.6) == "withheld CONTRADICTED (confidence 0.25, below 0.60): "
