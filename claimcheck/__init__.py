"""claimcheck: fact-claim checking and summaries for German news, offline.

    from claimcheck import check
    report = check(text, facts="facts.jsonl", published="2020-08-17")
    print(report.to_dict())
"""
from .pipeline import check, extract_claims, summarize
from .textio import InputError
from .types import Claim, Evidence, Fact, Quantity, Report, Sentence

__all__ = [
    "check", "extract_claims", "summarize", "ReferenceStore",
    "Claim", "Evidence", "Fact", "Quantity", "Report", "Sentence", "InputError",
]
__version__ = "0.1.0"


def __getattr__(name):
    # The store pulls in LanceDB; import it only when asked for.
    if name == "ReferenceStore":
        from .store import ReferenceStore

        return ReferenceStore
    raise AttributeError(name)
