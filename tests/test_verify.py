"""The verdict rules of claimcheck.verify on hand-made candidates, and its feature helpers."""
import numpy as np

from claimcheck.compare import Comparison
from claimcheck.types import Claim, Fact, Quantity
from claimcheck.verify import FEATURES, Candidate, Verifier, VerifierModel, normalise_name, regions

MODEL = VerifierModel(weights=[0.0] * len(FEATURES), bias=0.0, support_threshold=0.7, contradict_threshold=0.7,
                      calibration={v: [4.0, -2.0] for v in ("SUPPORTED", "CONTRADICTED", "NOT_ENOUGH_INFO")},
                      fitted_on="test", conflict_margin=0.1)


def claim() -> Claim:
    q = Quantity("100 Millionen", 20, 33, "count", 1e8, unit="users")
    return Claim("c1", "TikTok hat 100 Millionen Nutzer in den USA.", 0, 44, q, subject="TikTok")


def candidate(fact_id: str, p: float, agree: bool) -> Candidate:
    comparison = Comparison(agree, "100 Mio. users", "100 Mio. users" if agree else "80 Mio. users",
                            "same" if agree else "differs by 20 %")
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
    assert "disagree, differs by 20 %" in c.reason


def test_unrelated_facts_leave_not_enough_info_without_evidence():
    c = decide(candidate("a", 0.5, True), candidate("b", 0.6, False))
    assert c.verdict == "NOT_ENOUGH_INFO" and c.evidence == []
    assert "not clearly about the same measure" in c.reason


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
