"""Draft mode: an editor's story checked against the seed articles it is based on."""
import shutil

import pytest

from .conftest import ROOT, read_json, run
from .test_cli import assert_valid_report

DRAFT = ROOT / "tests" / "data" / "draft_tower22.md"


def verdicts(report: dict) -> dict[str, str]:
    claims = {c["id"]: c for c in report["claims"]}
    return {claims[i["claim"]]["text"]: i["verdict"] for i in report["draft"]["claims"]}


def test_a_draft_that_contradicts_the_seeds_fails(tmp_path, seeds_copy):
    result = run(seeds_copy, "--draft", DRAFT, "--out", tmp_path / "out")
    assert result.exit_code == 1, result.output
    report = read_json(tmp_path / "out" / "report.json")
    assert_valid_report(report)
    found = verdicts(report)
    assert found["five"] == "contradicted"            # 003: "the deaths of three US soldiers"
    assert found["on January 28"] == "corroborated"
    assert found["85"] == "corroborated"               # 003: "strikes against 85 targets"
    assert found["12"] == "unsupported"                # no source mentions the council
    claims = {c["id"]: c for c in report["claims"]}
    five = next(i for i in report["draft"]["claims"] if claims[i["claim"]]["text"] == "five")
    assert [(claims[c]["source"], claims[c]["value"]) for c in five["compared"]] == [("003_7857e447d3d3f3be.txt", 3)]
    # the terminal lists the draft's claims with their verdicts, where they are, and the values compared
    lines = DRAFT.read_text(encoding="utf-8").split("\n")
    row = next(n for n, line in enumerate(lines) if "five US" in line)
    line = next(line for line in result.output.splitlines() if "'five'" in line)
    assert line.split()[:2] == ["contradicted", f"{row + 1}:{lines[row].index('five US') + 1}"]
    assert line.endswith("vs 003_7857e447d3d3f3be.txt: 3")
    summary = report["draft"]["summary"]
    assert f"draft draft_tower22.md: {len(found)} claims: 1 contradicted, {summary['unsupported']} unsupported, " \
           f"{summary['corroborated']} corroborated" in result.output


@pytest.mark.parametrize("figure, args, verdict, status", [
    ("five", [], "contradicted", 1),
    ("three", [], "corroborated", 0),
    ("three", ["--fail-on", "single-source"], "corroborated", 1),  # the council figure is unsupported
    ("five", ["--fail-on", "never"], "contradicted", 0),
    ("five", ["--exit-zero"], "contradicted", 0),
])
def test_verdict_and_exit_status(tmp_path, seeds_copy, figure, args, verdict, status):
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT.read_text(encoding="utf-8").replace("five", figure), encoding="utf-8")
    result = run(seeds_copy, "--draft", draft, "--out", tmp_path / "out", *args)
    assert result.exit_code == status, result.output
    assert verdicts(read_json(tmp_path / "out" / "report.json"))[figure] == verdict


def test_a_discrepancy_between_sources_alone_does_not_fail_a_draft(tmp_path, seeds_copy):
    seed_004 = next(seeds_copy.glob("004_*.txt"))
    seed_004.write_text(seed_004.read_text(encoding="utf-8").replace("approximately 2,500", "approximately 4,000"),
                        encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT.read_text(encoding="utf-8").replace("five", "three"), encoding="utf-8")
    result = run(seeds_copy, "--draft", draft, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert read_json(tmp_path / "out" / "report.json")["summary"]["discrepancy"] >= 1


def test_a_draft_inside_the_sources_folder_is_read_once(tmp_path, seeds_copy):
    shutil.copy(DRAFT, seeds_copy / "mine.md")
    result = run(seeds_copy, "--draft", seeds_copy / "mine.md", "--out", tmp_path / "out")
    assert result.exit_code == 1, result.output
    report = read_json(tmp_path / "out" / "report.json")
    assert [s["id"] for s in report["sources"]].count("mine.md") == 1
    assert report["draft"]["source"] == "mine.md"


@pytest.mark.parametrize("content, message", [
    (b"", "cannot check the draft (empty file)"),
    (b"\x00" * 64, "cannot check the draft (binary"),
])
def test_an_unreadable_draft_exits_two(tmp_path, seeds_copy, content, message):
    draft = tmp_path / "draft.md"
    draft.write_bytes(content)
    result = run(seeds_copy, "--draft", draft, "--out", tmp_path / "out")
    assert result.exit_code == 2 and message in result.output


def test_a_draft_with_no_sources_exits_two(tmp_path, corpus):
    result = run(corpus({"empty.txt": b""}), "--draft", DRAFT, "--out", tmp_path / "out")
    assert result.exit_code == 2 and "no readable articles to check the draft against" in result.output


@pytest.mark.parametrize("text, line", [
    ("The council approved 12 new homes.", "draft draft.md: 1 claim: 0 contradicted, 1 unsupported, 0 corroborated"),
    ("Nothing to check here.", "draft draft.md: no claims"),
])
def test_the_draft_summary_line_counts_in_words(tmp_path, seeds_copy, text, line):
    draft = tmp_path / "draft.md"
    draft.write_text(text + "\n", encoding="utf-8")
    result = run(seeds_copy, "--draft", draft, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert line in result.output.splitlines()


def test_a_weekday_is_read_at_its_source_date_as_the_finding_reads_it(tmp_path):
    """"on Thursday" against the sources' "on Friday": the finding is a discrepancy, and the
    draft's verdict, read without each source's date, called it corroborated (a day either way)."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text("date 2024-01-08\nThe plant closed on Friday, the company said.\n")
    (tmp_path / "src" / "b.txt").write_text("date 2024-01-09\nThe plant closed on Friday, officials said.\n")
    draft = tmp_path / "draft.md"
    draft.write_text("date 2024-01-09\nThe plant closed on Thursday, the company said.\n")
    result = run(tmp_path / "src", "--draft", draft, "--out", tmp_path / "out", "--no-cache")
    report = read_json(tmp_path / "out" / "report.json")
    assert [k["status"] for k in report["clusters"]] == ["discrepancy"]
    assert verdicts(report) == {"on Thursday": "contradicted"}
    assert result.exit_code == 1, result.output
