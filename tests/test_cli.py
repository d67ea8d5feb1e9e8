"""The claimcheck command: output, exit codes and one-line messages."""
import json
import subprocess
import sys

import pytest

from claimcheck.cli import main
from conftest import SAMPLES

ARTICLE = SAMPLES / "tiktok-ultimatum.txt"
FACTS = SAMPLES / "tiktok-facts.jsonl"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_json_through_the_console_script():
    # The installed entry point, in its own process, as a user runs it.
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "claimcheck.cli", "check", str(ARTICLE),
                             "--facts", str(FACTS), "--json"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["published"] == "2020-08-17"
    assert any(c["verdict"] == "SUPPORTED" for c in report["claims"])
    # Start-up: neither spaCy, scikit-learn, `datasets` (with pandas, pyarrow) nor SciPy's optimizers
    # (seconds of imports together; see claimcheck/models/lean_import.py) is loaded on the way.
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert any(name.startswith("sentence_transformers.") for name in imported)
    assert not {name for name in imported if name.split(".")[0] in ("spacy", "sklearn", "datasets", "pandas", "pyarrow")}
    assert "scipy.optimize" not in imported


def test_sentence_transformers_imported_without_sklearn_still_reaches_it():
    # The stand-in for sklearn.metrics leaves once sentence-transformers is imported: the function
    # sentence-transformers took from it and a later import both reach the real scikit-learn.
    code = (
        "import sys, numpy as np\n"
        "from claimcheck.models.lean_import import import_sentence_transformers\n"
        "import_sentence_transformers()\n"
        "assert 'sklearn' not in sys.modules and 'sklearn.metrics' not in sys.modules\n"
        "from sentence_transformers.util import manhattan_sim\n"
        "print(manhattan_sim(np.eye(2, dtype='float32'), np.ones((1, 2), dtype='float32')).tolist())\n"
        "import sklearn.metrics\n"
        "print(sklearn.metrics.pairwise_distances.__module__)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    distances, module = result.stdout.split("\n")[:2]
    assert json.loads(distances) == [[-1.0], [-1.0]]
    assert module.startswith("sklearn.metrics")


def test_check_human_output(capsys, encoder):
    code, out, _ = run(capsys, "check", ARTICLE, "--facts", FACTS)
    assert code == 0
    assert "Summary:" in out and "SUPPORTED" in out and "fact " in out


def test_check_reads_standard_input(capsys, monkeypatch, encoder):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.read_bytes())))
    code, out, _ = run(capsys, "check", "-", "--json")
    assert code == 0 and json.loads(out)["claims"]


def test_claims_command(capsys):
    code, out, _ = run(capsys, "claims", ARTICLE, "--json")
    assert code == 0
    claims = json.loads(out)
    assert any(c["text"] == "rund 100 Millionen" and c["value"] == 100_000_000 for c in claims)


def test_claims_command_marks_subjects_taken_from_the_context(capsys):
    code, out, _ = run(capsys, "claims", ARTICLE)
    assert code == 0
    lines = out.splitlines()
    assert any("subject: " in line and line.endswith("(from context)") for line in lines)
    assert any("subject: " in line and not line.endswith("(from context)") and not line.endswith("subject: –")
               for line in lines)


@pytest.mark.parametrize("argv, message", [
    ([], "required"),
    (["check"], "required"),
    (["check", "/no/such/article.txt"], "no such file"),
    (["check", str(ARTICLE), "--published", "17.08.2020"], "YYYY-MM-DD"),
    (["check", str(ARTICLE), "--facts", str(FACTS), "--store", "x"], "not allowed"),
    (["check", str(ARTICLE), "--facts", str(FACTS), "--min-confidence", "1.5"], "between 0 and 1"),
    (["check", str(ARTICLE), "--facts", str(FACTS), "--min-confidence", "hoch"], "invalid float"),
    (["frobnicate"], "invalid choice"),
])
def test_bad_usage_exits_2_with_one_line(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_binary_and_empty_input_exit_2(capsys, tmp_path):
    binary = tmp_path / "a.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    empty = tmp_path / "b.txt"
    empty.write_text("  \n", encoding="utf-8")
    for path, message in ((binary, "binary"), (empty, "empty")):
        code, _, err = run(capsys, "claims", path)
        assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_malformed_facts_name_the_line(capsys, tmp_path, encoder):
    facts = tmp_path / "facts.jsonl"
    facts.write_text('{"id": "a", "text": "TikTok hat 100 Millionen Nutzer."}\n{"id": "b", "text": \n',
                     encoding="utf-8")
    code, _, err = run(capsys, "check", ARTICLE, "--facts", facts)
    assert code == 2
    assert "line 2" in err and len(err.strip().splitlines()) == 1


def test_html_article_is_reduced_to_text(capsys, tmp_path):
    page = tmp_path / "a.html"
    page.write_text("<html><head><script>var x = 5;</script></head><body><p>"
                    + ARTICLE.read_text(encoding="utf-8").replace("\n\n", "</p><p>") + "</p></body></html>",
                    encoding="utf-8")
    code, out, _ = run(capsys, "claims", page, "--json")
    assert code == 0
    texts = [c["text"] for c in json.loads(out)]
    assert "rund 100 Millionen" in texts and "5" not in texts


def test_store_commands_add_search_with_filters_and_stats(capsys, tmp_path, encoder):
    store = tmp_path / "store"
    code, out, _ = run(capsys, "store", "add", FACTS, "--store", store)
    assert code == 0 and "added=9" in out

    def ids(*options):
        code, out, _ = run(capsys, "store", "search", "TikTok Nutzer", "--store", store, "-k", 20, *options)
        assert code == 0
        return {line.split()[1].rstrip(":") for line in out.splitlines()}

    assert len(ids()) == 9
    assert ids("--kind", "money") == {"musically-price-2017"}
    assert ids("--kind", "money", "--kind", "duration") == {"musically-price-2017", "eo-2020-08-14-divestment",
                                                             "eo-2020-08-06-ban", "tiktok-us-jobs-plan-2020"}
    # as_of overlapping August 2020: not the facts of 2017, 2019, July or December 2020
    assert ids("--from", "2020-08", "--to", "2020-08") == {"tiktok-us-users-2020-08", "tiktok-us-staff-2020",
                                                           "eo-2020-08-14-divestment", "eo-2020-08-06-ban"}
    assert ids("--to", "2019") == {"musically-price-2017", "cfius-review-2019"}
    assert ids("--subject", "bytedance", "--to", "2019") == {"musically-price-2017"}  # the review's subject is CFIUS

    code, _, err = run(capsys, "store", "search", "x", "--store", store, "--from", "August")
    assert code == 2 and "--from" in err and len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, "store", "stats", "--store", store)
    assert code == 0 and json.loads(out)["count"] == 9


def test_a_store_that_is_not_there_is_refused_not_created(capsys, tmp_path):
    missing = tmp_path / "typo"
    for argv in (("check", ARTICLE, "--store", missing), ("store", "search", "TikTok", "--store", missing),
                 ("store", "stats", "--store", missing)):
        code, _, err = run(capsys, *argv)
        assert code == 2 and "no reference store there" in err and len(err.strip().splitlines()) == 1
    assert not missing.exists()


def test_a_folder_that_holds_no_store_is_refused(capsys, tmp_path):
    # a folder of other files (a wrong path) would open as an empty store: every claim NOT_ENOUGH_INFO
    (tmp_path / "notes.txt").write_text("not facts", "utf-8")
    for argv in (("check", ARTICLE, "--store", tmp_path), ("store", "stats", "--store", tmp_path)):
        code, _, err = run(capsys, *argv)
        assert code == 2 and "no facts were ever added" in err and len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]  # nothing written into it


def test_a_folder_as_article_and_a_filter_that_matches_nothing(capsys, tmp_path, encoder):
    code, _, err = run(capsys, "claims", tmp_path)
    assert code == 2 and "is a folder" in err
    store = tmp_path / "store"
    run(capsys, "store", "add", FACTS, "--store", store)
    code, out, err = run(capsys, "store", "search", "TikTok", "--store", store, "--subject", "nobody")
    assert code == 0 and out == "" and "no fact matches" in err


def test_claims_command_shows_values_as_the_page_does_hedge_and_deadline_included(capsys):
    code, out, _ = run(capsys, "claims", ARTICLE)
    assert code == 0
    assert "'rund 100 Millionen' = about 100,000,000 users" in out
    assert "'binnen 90 Tagen' = 90 days (2020-11-15)" in out
