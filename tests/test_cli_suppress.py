"""Inline suppression: <!-- check-claims: ignore --> drops the claims of the next sentence."""
import pytest
from click.testing import CliRunner

from checker.cli import main

from .conftest import read_json
from .test_cli import assert_valid_report

A = "date 2024-01-09\nApproximately 2,500 American troops are stationed in Iraq.\n"
B_BODY = "The United States keeps 3,500 troops stationed in Iraq. Officials met on January 12."


def run(root, out):
    return CliRunner().invoke(main, [str(root), "--out", str(out), "--format", "json"])


@pytest.mark.parametrize("b_text, status, suppressed", [
    ("date 2024-01-10\n" + B_BODY, 1, None),                                              # no comment
    ("date 2024-01-10\n<!-- check-claims: ignore -->\n" + B_BODY, 0, 1),                 # own line, before
    ("date 2024-01-10\nIntro. <!--check-claims: ignore--> " + B_BODY, 0, 1),             # inline, spacing
    ("date 2024-01-10\n" + B_BODY.replace(". Officials", ". <!-- check-claims: ignore --> Officials"), 1, 1),
])
def test_the_next_sentence_is_left_out(tmp_path, corpus, b_text, status, suppressed):
    root = corpus({"a.txt": A, "b.md": b_text})
    result = run(root, tmp_path / "out")
    assert result.exit_code == status, result.output
    report = read_json(tmp_path / "out" / "report.json")
    assert_valid_report(report)
    texts = [c["text"] for c in report["claims"] if c["source"] == "b.md"]
    if suppressed is None:
        assert "suppressions" not in report and "3,500" in texts
    else:
        assert [s["claims"] for s in report["suppressions"]] == [suppressed]
        assert ("3,500" in texts) == (status == 1)


def test_an_unused_suppression_is_reported(tmp_path, corpus):
    root = corpus({"a.txt": A, "b.md": "date 2024-01-10\n<!-- check-claims: ignore -->\nNo figures here at all.\n"})
    result = run(root, tmp_path / "out")
    assert result.exit_code == 0
    assert "warning b.md:2: unused suppression (no claim in the next sentence)" in result.stderr
    assert read_json(tmp_path / "out" / "report.json")["suppressions"] == [{"source": "b.md", "line": 2, "claims": 0}]


@pytest.mark.parametrize("comment", ["<!-- check-claims: ingore -->", "<!-- check-claims ignore -->",
                                     "<!-- check_claims: ignore -->", "<!-- CHECK-CLAIMS: skip -->"])
def test_a_misspelt_directive_is_a_warning_not_silence(tmp_path, corpus, comment):
    """A typo made the comment do nothing without a word: the editor believed the sentence left out."""
    root = corpus({"a.txt": A, "b.md": f"date 2024-01-10\n{comment}\n{B_BODY}"})
    result = run(root, tmp_path / "out")
    assert result.exit_code == 1  # the sentence is still compared
    warning = f"line 2: {comment!r} is not a directive (write <!-- check-claims: ignore -->)"
    assert f"warning b.md: {warning}" in result.stderr.splitlines()
    report = read_json(tmp_path / "out" / "report.json")
    assert "suppressions" not in report
    assert [s["warnings"] for s in report["sources"] if s["id"] == "b.md"] == [[warning]]
