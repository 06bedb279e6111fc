"""claims.csv / findings.csv read back with pandas, and the terminal summary: rich tables on stdout,
--quiet, colour only on a terminal without NO_COLOR, the progress bar only where it helps."""
import csv
import io
import re

import pandas as pd
import pytest
from rich.console import Console

from checker import terminal
from checker.findings import with_unit
from checker.report import CLAIM_COLUMNS, FINDING_COLUMNS, RENDERERS, csv_text, defused

from .conftest import FIXTURES, ROOT, run

ANSI_RE = re.compile(r"\x1b\[")
COLOUR_RE = re.compile(r"\x1b\[(?:\d+;)*(?:3[0-8]|9[0-7])(?:;\d+)*m")  # SGR foreground colours only


@pytest.fixture(scope="module")
def frames(story_records):
    files = RENDERERS["csv"](story_records)
    return {name: pd.read_csv(io.StringIO(text)) for name, text in files.items()}


def test_claims_csv_has_a_row_per_claim_with_its_cluster_status(frames, story_records):
    claims = frames["claims.csv"]
    assert list(claims.columns) == CLAIM_COLUMNS
    assert list(claims["id"]) == [c["id"] for c in story_records["claims"]]
    status = {k["id"]: k["status"] for k in story_records["clusters"]}
    assert list(claims["status"]) == [status[c["cluster"]] for c in story_records["claims"]]
    published = {s["id"]: s["published"] for s in story_records["sources"]}
    gazette = claims.loc[claims["source"] == "harbor-gazette.txt", "published"]
    assert gazette.unique().tolist() == [published["harbor-gazette.txt"]]


def test_findings_csv_lists_each_source_value_discrepancies_first(frames, story_records):
    findings = frames["findings.csv"]
    assert list(findings.columns) == FINDING_COLUMNS
    assert len(findings) == len(story_records["clusters"])
    order = ["discrepancy", "agreement", "single-source"]
    assert list(findings["status"]) == sorted(findings["status"], key=order.index)
    workers = findings[findings["subject"] == "workers"].iloc[0]
    assert workers["values"] == "coastal-news.md: 18; harbor-gazette.txt: 12; wire-report.txt: 12"
    assert workers["sources"] == 3


def test_readme_documents_every_csv_column():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for column in CLAIM_COLUMNS + FINDING_COLUMNS:
        assert f"| `{column}` |" in readme, column


def test_summary_counts_by_status_then_each_discrepancy_by_source(tmp_path, story_records):
    result = run(FIXTURES / "story", "--out", tmp_path, FORCE_COLOR=None, TTY_COMPATIBLE=None, COLUMNS="200")
    assert result.exit_code == 1
    out = result.stdout
    assert "3 sources, 13 claims" in out.splitlines()[0]
    counts = dict(re.findall(r"(discrepancy|agreement|single-source)\s+\S\s+(\d+)", out))
    assert counts == {s: str(story_records["summary"][s]) for s in ("discrepancy", "agreement", "single-source")}
    table = out[out.index("Discrepancies"):]
    assert re.search(r"workers .*\b18\b.*coastal-news\.md", table)
    assert re.search(r"\b12\b.*harbor-gazette\.txt, wire-report\.txt", table)
    assert not ANSI_RE.search(out), "no colour when stdout is not a terminal"


@pytest.mark.parametrize("claim, shown", [
    ({"kind": "money", "value": 143e9, "unit": "USD"}, "143,000,000,000 USD"),
    ({"kind": "percent", "value": 5.4, "unit": "%"}, "5.4%"),
    ({"kind": "measure", "value": 940, "unit": "miles", "hedge": "approx"}, "~940 miles"),
    ({"kind": "time", "value": "2013-07-02T07:37", "unit": "UTC"}, "2013-07-02T07:37 UTC"),
    ({"kind": "count", "value": 18, "unit": "workers"}, "18"),  # a count's unit names its fact
])
def test_the_terminal_gives_each_disputed_value_the_unit_it_is_read_in(claim, shown):
    assert with_unit({"low": None, "high": None, "hedge": "exact", **claim}) == shown


def test_each_value_stays_beside_its_sources_in_a_narrow_ci_log(tmp_path):
    """At 50 columns the source list wraps; the row of each value must still start its own sources."""
    result = run(FIXTURES / "story", "--out", tmp_path, FORCE_COLOR=None, TTY_COMPATIBLE=None, COLUMNS="50")
    table = result.stdout[result.stdout.index("Discrepancies"):]
    rows = [line for line in table.splitlines() if re.search(r"│\s+\d+ │", line)]
    assert any(" 18 " in row and "coastal-new" in row for row in rows)
    assert any(" 12 " in row and "harbor-gaze" in row for row in rows)


def test_quiet_prints_nothing_but_keeps_the_exit_status(tmp_path):
    result = run(FIXTURES / "story", "--out", tmp_path, "--quiet")
    assert (result.exit_code, result.output) == (1, "")
    assert (tmp_path / "report.html").exists()


def test_quiet_still_reports_errors(tmp_path, corpus):
    root = corpus({"empty.txt": b""})
    result = run(root, "--out", tmp_path / "out", "--quiet")
    assert result.exit_code == 2 and "no readable articles" in result.stderr


@pytest.mark.parametrize("no_color, coloured", [(None, True), ("1", False)])
def test_colour_on_a_terminal_unless_no_color(monkeypatch, story_records, no_color, coloured):
    if no_color:
        monkeypatch.setenv("NO_COLOR", no_color)
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    buffer = io.StringIO()
    terminal.summary(story_records, out="reports", console=Console(file=buffer, force_terminal=True, width=100))
    assert bool(COLOUR_RE.search(buffer.getvalue())) is coloured


@pytest.mark.parametrize("env, enabled, total, drawn", [
    ({"TTY_COMPATIBLE": "1"}, True, terminal.PROGRESS_MIN_FILES, True),
    ({"TTY_COMPATIBLE": "1"}, True, terminal.PROGRESS_MIN_FILES - 1, False),
    ({"TTY_COMPATIBLE": "1"}, False, 100, False),
    ({"TTY_COMPATIBLE": "0"}, True, 100, False),
])
def test_progress_bar_only_on_a_terminal_for_many_files(monkeypatch, capsys, env, enabled, total, drawn):
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with terminal.progress(enabled=enabled) as advance:
        for done in range(1, total + 1):
            advance(done, total)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert bool(captured.err) is drawn


def test_no_progress_flag_is_accepted(tmp_path):
    assert run(FIXTURES / "story", "--out", tmp_path, "--no-progress").exit_code == 1


def test_sentence_start_locates_each_mention_in_its_sentence(seeds_records):
    assert all("sentence_start" in c for c in seeds_records["claims"])
    for c in seeds_records["claims"]:
        offset = c["sentence_start"]
        assert c["sentence"][c["start"] - offset:c["end"] - offset] == c["text"], c


def test_written_reports_are_readable_by_others(tmp_path):
    import os

    from checker.fileio import write_atomic

    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "report.json", "{}")
    finally:
        os.umask(umask)
    assert (tmp_path / "report.json").stat().st_mode & 0o777 == 0o644


def test_file_names_are_never_read_as_rich_markup(tmp_path, corpus):
    story = {p.name: p.read_text(encoding="utf-8") for p in (FIXTURES / "story").iterdir()}
    root = corpus({f"[red]{name}": text for name, text in story.items()})
    result = run(root, "--out", tmp_path / "out", COLUMNS="200")
    assert result.exit_code == 1, result.output
    assert "[red]coastal-news.md" in result.stdout


def test_a_range_reads_the_same_in_the_explanation_as_in_the_values(corpus):
    """'in his 20s' is 20..29 everywhere, whatever other claims the story holds (a table of claims
    once turned the whole numbers of a column with gaps into floats: '20.0..29.0')."""
    from checker import check

    story = corpus({"a.txt": "date 2024-01-09\nA man in his 20s was shot on Main Street. Police said two people were hurt.",
                    "b.txt": "date 2024-01-09\nTwo people were hurt on Main Street."})
    records = check([story]).to_records()
    finding = next(row for row in RENDERERS["csv"](records)["findings.csv"].splitlines() if "years old" in row)
    assert finding.endswith("a.txt: ~20..29,only a says ~20..29 years old")


@pytest.mark.parametrize("cell, written", [
    ("=HYPERLINK(\"http://evil.example\",\"click\")", "'=HYPERLINK(\"http://evil.example\",\"click\")"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("-5", "-5"),                    # a number as written stays a number
    ("+1,200.5", "+1,200.5"),
    ("about -5 degrees", "about -5 degrees"),
    ("", ""),
])
def test_text_cells_a_spreadsheet_would_run_are_defused(cell, written):
    assert defused(cell) == written


def test_only_text_columns_are_defused():
    text = csv_text(["text", "value", "low"], [["-2+cmd", -5, "-2+cmd"]], text=frozenset({"text"}))
    assert text == "text,value,low\n'-2+cmd,-5,-2+cmd\n"


def test_article_text_and_file_names_reach_the_csvs_defused(tmp_path, corpus):
    story = corpus({"=cmd.txt": "date 2024-01-09\n@SUM(A1) said 3 people died on Monday.",
                    "b.txt": "date 2024-01-09\nFour people died on Monday."})
    assert run(story, "--out", tmp_path, "--quiet").exit_code == 1
    claims = list(csv.DictReader((tmp_path / "claims.csv").open(encoding="utf-8")))
    first = next(c for c in claims if c["text"] == "3")
    assert (first["source"], first["sentence"][:9], first["value"]) == ("'=cmd.txt", "'@SUM(A1)", "3")
    findings = list(csv.DictReader((tmp_path / "findings.csv").open(encoding="utf-8")))
    assert any(f["values"].startswith("'=cmd.txt: 3") for f in findings)
