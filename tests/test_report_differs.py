"""Which values of a discrepancy the reports mark as differing: those whose interval cannot be the
figure most sources give, read as compare reads values (tests/cases/report/differs.yml), at the run's
tolerance, which report.json records."""
from pathlib import Path

import lxml.html
import pytest
import yaml

from checker import check
from checker.core import Options
from checker.findings import differing
from checker.report import render_html

from .conftest import read_json, run

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "report" / "differs.yml").read_text(encoding="utf-8"))


def records(case: dict, status: str = "discrepancy") -> dict:
    """report.json records of one cluster holding the case's claims."""
    claims = [{"id": f"c{n}", "kind": "count", "hedge": "exact", "low": None, "high": None, "unit": None,
               "year_inferred": False, **{k: v for k, v in claim.items() if k != "differs"}}
              for n, claim in enumerate(case["claims"], 1)]
    sources = [{"id": s, "published": "2024-01-30"} for s in dict.fromkeys(c["source"] for c in claims)]
    cluster = {"id": "k1", "status": status, "claims": [c["id"] for c in claims]}
    return {"tolerance": case.get("tolerance", Options.tolerance), "sources": sources, "claims": claims,
            "clusters": [cluster]}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_a_value_differs_when_its_interval_misses_the_usual_figure(case):
    marked = differing(records(case))
    assert [c["text"] for n, c in enumerate(case["claims"], 1) if f"c{n}" in marked] == [
        c["text"] for c in case["claims"] if c.get("differs")]


def test_values_of_a_fact_the_sources_agree_on_are_never_marked():
    assert all(differing(records(case, "agreement")) == set() for case in CASES)


TROOPS = {"a.txt": "date 2024-01-09\nApproximately 2,500 American troops are stationed in Iraq.\n",
          "b.txt": "date 2024-01-10\nThe United States keeps about 2,500 troops stationed in Iraq.\n",
          "c.txt": "date 2024-01-10\nThe United States keeps at least 2,000 troops stationed in Iraq.\n",
          "d.txt": "date 2024-01-11\nThe United States keeps 3,500 troops stationed in Iraq.\n"}


def marked_values(records: dict) -> dict[str, bool]:
    """{source: whether report.html marks its value} for the one discrepancy of a page."""
    page = lxml.html.fromstring(render_html(records)["report.html"])
    items = page.xpath('//section[@data-status="discrepancy"]//ul[@class="values"]/li')
    return {li.xpath('./span[@class="src"]')[0].text: "differs" in li.xpath('./span[contains(@class, "value")]/@class')[0]
            for li in items}


def test_the_page_marks_only_the_figure_that_cannot_be_the_usual_one(corpus):
    assert marked_values(check([corpus(TROOPS)]).to_records()) == {
        "a.txt": False, "b.txt": False, "c.txt": False, "d.txt": True}  # "at least 2,000" fits ~2,500


@pytest.mark.parametrize("tolerance, marked", [(0.05, ["d.txt"]), (0.01, ["c.txt", "d.txt"])])
def test_the_run_tolerance_is_recorded_and_decides_what_is_marked(corpus, tolerance, marked):
    root = corpus({**TROOPS, "c.txt": TROOPS["c.txt"].replace("at least 2,000", "2,600")})
    records = check([root], tolerance=tolerance).to_records()
    assert records["tolerance"] == tolerance
    assert [src for src, differs in marked_values(records).items() if differs] == marked


def test_the_annotation_lands_on_the_figure_that_cannot_be_the_usual_one(tmp_path, monkeypatch, corpus):
    monkeypatch.chdir(tmp_path)
    root = corpus(TROOPS)
    result = run(root.relative_to(tmp_path), "--format", "github,sarif", "--out", "out")
    (error,) = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert "file=corpus/d.txt," in error  # not c.txt's "at least 2,000", which fits the usual ~2,500
    (result,) = read_json(tmp_path / "out" / "report.sarif")["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "corpus/d.txt"
