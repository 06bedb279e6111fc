"""GitHub workflow annotations (escaped as @actions/core does) and JUnit XML."""
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from checker.ci_formats import escape_data, escape_property, workflow_command
from checker.cli import main

from .conftest import read_json
from .test_cli import AGREE, DISAGREE


@pytest.mark.parametrize("raw, data, prop", [
    ("plain text", "plain text", "plain text"),
    ("100%", "100%25", "100%25"),
    ("%0A is not a newline", "%250A is not a newline", "%250A is not a newline"),
    ("two\nlines", "two%0Alines", "two%0Alines"),
    ("crlf\r\nend", "crlf%0D%0Aend", "crlf%0D%0Aend"),
    ("a: b, c", "a: b, c", "a%3A b%2C c"),
    ("C:\\stories\\a,b.txt", "C:\\stories\\a,b.txt", "C%3A\\stories\\a%2Cb.txt"),
    ("::error::", "::error::", "%3A%3Aerror%3A%3A"),
    ("“three” – 3", "“three” – 3", "“three” – 3"),
])
def test_escaping_matches_actions_core(raw, data, prop):
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_workflow_command_layout_skips_empty_properties():
    line = workflow_command("error", {"title": "t: x", "file": "a,b.txt", "line": 3, "endLine": None, "col": 7},
                            "50% of\nit")
    assert line == "::error title=t%3A x,file=a%2Cb.txt,line=3,col=7::50%25 of%0Ait"
    assert workflow_command("warning", {}, "m") == "::warning::m"


def test_github_format_prints_one_error_per_discrepancy(tmp_path, monkeypatch, corpus):
    monkeypatch.chdir(tmp_path)
    root = corpus(DISAGREE)
    result = CliRunner().invoke(main, [str(root.relative_to(tmp_path)), "--format", "github,json", "--out", "out"])
    assert result.exit_code == 1
    (cluster,) = [k for k in read_json(tmp_path / "out" / "report.json")["clusters"] if k["status"] == "discrepancy"]
    errors = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert errors == [f"::error title=check-claims%3A count {cluster['subject']},file=corpus/a.txt,line=2,endLine=2,"
                      f"col=1,endColumn=20::{cluster['explanation']}"]  # "Approximately 2,500" at line 2
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report.json"]  # annotations: stdout only
    base = tmp_path / "b.json"
    CliRunner().invoke(main, [str(root), "--out", "out", "--baseline", str(base), "--update-baseline"])
    known = CliRunner().invoke(main, [str(root), "--format", "github", "--out", "out", "--baseline", str(base)])
    assert known.exit_code == 0 and "::error" not in known.stdout  # accepted findings are not raised


def test_the_annotation_lands_on_the_source_that_differs_from_the_others(tmp_path, monkeypatch, corpus):
    monkeypatch.chdir(tmp_path)
    root = corpus({**DISAGREE, "c.txt": AGREE["a.txt"].replace("Approximately", "Some")})
    result = CliRunner().invoke(main, [str(root.relative_to(tmp_path)), "--format", "github", "--out", "out"])
    (error,) = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert "file=corpus/b.txt," in error  # b's 3,500 against 2,500 in a and c


def test_junit_has_a_case_per_fact_and_a_failure_per_discrepancy(tmp_path, corpus):
    for files, failures in ((DISAGREE, 1), (AGREE, 0)):
        out = tmp_path / f"out{failures}"
        CliRunner().invoke(main, [str(corpus(files)), "--format", "junit", "--out", str(out)])
        suite = ET.parse(out / "junit.xml").getroot().find("testsuite")
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases) >= 1
        assert int(suite.get("failures")) == len([c for c in cases if c.find("failure") is not None]) == failures
        assert all(c.findtext("system-out").startswith(("sources disagree", "2 sources agree", "only ")) for c in cases)
    # a test is tracked by its name from run to run: changing a figure keeps it
    names = [{c.get("name") for c in ET.parse(tmp_path / f"out{n}" / "junit.xml").getroot().iter("testcase")}
             for n in (1, 0)]
    assert names[0] == names[1]


def test_github_format_appends_a_step_summary(tmp_path, monkeypatch, corpus):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    root = corpus(DISAGREE)
    result = CliRunner().invoke(main, [str(root), "--format", "github,json", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    (cluster,) = [k for k in read_json(tmp_path / "out" / "report.json")["clusters"] if k["status"] == "discrepancy"]
    lines = summary.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "earlier step"
    assert lines[1].startswith("### check-claims: 1 discrepancy, ")
    assert lines[-2:] == ["|---|---|---|", f"| count {cluster['subject']} | {cluster['explanation']} |  |"]


def test_step_summary_cells_cannot_break_the_table():
    from checker.ci_formats import step_summary

    records = {"summary": {"sources": 2, "claims": 2, "agreement": 0, "discrepancy": 1, "single-source": 0},
               "clusters": [{"status": "discrepancy", "kind": "count", "unit": None, "subject": "a|b <script>",
                             "explanation": "two\nlines", "baseline": "new"}]}
    assert step_summary(records).splitlines()[-1] == "| count a\\|b &lt;script&gt; | two lines | new |"


def test_step_summary_headline_agrees_in_number():
    from checker.ci_formats import step_summary

    records = {"summary": {"sources": 1, "claims": 1, "agreement": 0, "discrepancy": 0, "single-source": 1},
               "clusters": []}
    assert step_summary(records).splitlines()[0] == "### check-claims: 0 discrepancies, 0 agreements, 1 single-source (1 source)"
