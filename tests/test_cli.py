"""The command line through click's CliRunner: exit codes, files written, --format."""
import pytest
from click.testing import CliRunner

from checker.cli import main

from .conftest import read_json


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_seeds_write_all_reports_and_exit_zero(tmp_path, seeds_copy):
    result = run(seeds_copy, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["claims.csv", "findings.csv", "report.html", "report.json"]
    assert "5 sources" in result.output


def test_format_limits_what_is_written(tmp_path, seeds_copy):
    result = run(seeds_copy, "--out", tmp_path / "out", "--format", "json")
    assert result.exit_code == 0
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["report.json"]


def test_a_changed_figure_is_a_discrepancy_and_exits_one(tmp_path, corpus):
    root = corpus({"a.txt": "date 2024-01-09\nApproximately 2,500 American troops are stationed in Iraq.",
                   "b.txt": "date 2024-01-10\nThe United States keeps 3,500 troops stationed in Iraq."})
    result = run(root, "--out", tmp_path / "out")
    assert result.exit_code == 1, result.output
    report = read_json(tmp_path / "out" / "report.json")
    assert report["summary"]["discrepancy"] == 1


@pytest.mark.parametrize("args, message", [
    (["--format", "pdf"], "unknown format pdf"),
    (["--published", "9 Jan"], "is not a date"),
])
def test_bad_usage_exits_two(seeds_copy, args, message):
    result = run(seeds_copy, *args)
    assert result.exit_code == 2
    assert message in result.output


def test_missing_path_exits_two(tmp_path):
    result = run(tmp_path / "nope")
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_nothing_readable_exits_two_with_one_line(tmp_path, corpus):
    root = corpus({"empty.txt": b""})
    result = run(root, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert "Error: no readable articles (1 skipped)" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_python_dash_m_runs_the_same_command(seeds_copy, tmp_path):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "checker", str(seeds_copy), "--out", str(tmp_path / "o"), "--format", "json"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "o" / "report.json").exists()
