"""The command line through click's CliRunner: exit codes, files written, --format."""
import re

import pytest
from click.testing import CliRunner

from checker.cli import main

from .conftest import ROOT, read_json, run


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
    (["--published", "9999-12-31"], "is not a plausible publication date"),  # was an OverflowError
    (["--published", "0001-01-01"], "is not a plausible publication date"),
    # Python 3.11 reads these ISO 8601 forms too; the option says YYYY-MM-DD, and a typo must not pass
    (["--published", "2024-W01-1"], "is not a date in YYYY-MM-DD form"),
    (["--published", "20240105"], "is not a date in YYYY-MM-DD form"),
    (["--published", "2024-01-5"], "is not a date in YYYY-MM-DD form"),
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
    assert result.stderr.splitlines() == [f"skipped {root / 'empty.txt'}: empty file",
                                          "Error: no readable articles (1 skipped)"]
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_an_exclude_counts_only_the_files_it_left_out(tmp_path, corpus):
    root = corpus({"empty.txt": b""})
    result = run(root, "--out", tmp_path / "out", "--exclude", "nomatch*")
    assert result.stderr.splitlines()[-1] == "Error: no readable articles (1 skipped)"


def test_exclude_applies_to_every_story_of_an_archive(tmp_path, corpus):
    text = "date 2024-01-09\n12 people died in the fire."
    root = corpus({"one/a.txt": text, "one/b.txt": text, "two/a.txt": text, "two/b.txt": text})
    result = run(root, "--stories", "subfolders", "--out", tmp_path / "out", "--exclude", "a.txt", "--no-cache")
    assert result.exit_code == 0, result.output
    combined = read_json(tmp_path / "out" / "report.json")
    assert sorted(s["id"] for s in combined["sources"]) == ["one/b.txt", "two/b.txt"]


def test_an_exclude_that_leaves_nothing_says_so(tmp_path, corpus):
    root = corpus({"a.txt": "date 2024-01-09\n12 people died.", "b.txt": "date 2024-01-09\n12 people died."})
    result = run(root, "--out", tmp_path / "out", "--exclude", "*.txt")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["Error: no readable articles (2 left out by --exclude)"]


def test_python_dash_m_runs_the_same_command(seeds_copy, tmp_path):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "checker", str(seeds_copy), "--out", str(tmp_path / "o"), "--format", "json"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "o" / "report.json").exists()


# ---------------------------------------------------------------- exit status matrix

AGREE = {"a.txt": "date 2024-01-09\nApproximately 2,500 American troops are stationed in Iraq.",
         "b.txt": "date 2024-01-10\nThe United States keeps about 2,500 troops stationed in Iraq."}
DISAGREE = {**AGREE, "b.txt": "date 2024-01-10\nThe United States keeps 3,500 troops stationed in Iraq."}
SINGLE = {**AGREE, "c.txt": "date 2024-01-11\nThe embassy in Baghdad employs 120 guards."}


@pytest.mark.parametrize("files, args, status", [
    (AGREE, [], 0),
    (DISAGREE, [], 1),
    (DISAGREE, ["--fail-on", "discrepancy"], 1),
    (DISAGREE, ["--fail-on", "single-source"], 1),
    (DISAGREE, ["--fail-on", "never"], 0),
    (DISAGREE, ["--exit-zero"], 0),
    (SINGLE, [], 0),
    (SINGLE, ["--fail-on", "single-source"], 1),
    (SINGLE, ["--fail-on", "single-source", "--exit-zero"], 0),
    (AGREE, ["--fail-on", "single-source"], 0),
    (DISAGREE, ["--exclude", "b.txt"], 0),
    (DISAGREE, ["--exclude", "*.txt"], 2),
    (DISAGREE, ["--fail-on", "sometimes"], 2),
    (DISAGREE, ["--update-baseline"], 2),
    (DISAGREE, ["--baseline", "missing.json"], 2),
    (DISAGREE, ["--tolerance", "2"], 2),
    (DISAGREE, ["--config", "missing.toml"], 2),
], ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_exit_status(tmp_path, monkeypatch, corpus, files, args, status):
    root = corpus(files)
    monkeypatch.chdir(tmp_path)
    result = run(root, "--out", tmp_path / "out", *args)
    assert result.exit_code == status, result.output
    assert "Traceback" not in result.output
    if status == 2:
        assert result.output.strip().splitlines()[-1].startswith("Error:")


def test_exit_two_messages_name_the_problem(tmp_path, monkeypatch, corpus):
    monkeypatch.chdir(tmp_path)
    root = corpus(DISAGREE)
    assert "--update-baseline needs --baseline FILE" in run(root, "--update-baseline").output
    assert "missing.json: no such baseline (create it with --update-baseline)" in run(root, "--baseline", "missing.json").output
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    assert "bad.json: not a JSON baseline" in run(root, "--baseline", "bad.json").output


def test_unwritable_out_is_a_one_line_error(tmp_path, corpus):
    (tmp_path / "out").write_text("a file where the folder should be", encoding="utf-8")
    result = run(corpus(AGREE), "--out", tmp_path / "out" / "sub")
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "cannot write reports" in result.output


def test_check_subcommand_and_version_still_work(tmp_path, corpus):
    assert run("check", corpus(DISAGREE), "--out", tmp_path / "o").exit_code == 1
    version = run("--version")
    assert version.exit_code == 0 and "version" in version.output


def test_every_option_is_documented_in_the_readme():
    from checker.cli import check

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [opt for p in check.params for opt in p.opts if opt.startswith("--") and f"`{opt}" not in readme]
    assert missing == [], f"options missing from the README's table: {missing}"
    assert "`check-claims config`" in readme


def assert_valid_report(records: dict) -> None:
    """report.json, with whatever optional sections the run added, keeps the shipped schema."""
    import json
    from importlib import resources

    import jsonschema

    schema = json.loads(resources.files("checker").joinpath("schema", "report.schema.json").read_text())
    jsonschema.validate(records, schema, cls=jsonschema.Draft202012Validator)


def test_pre_commit_hook_runs_the_installed_command_on_the_whole_story():
    import configparser

    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "check-claims" and hook["language"] == "python"
    assert hook["pass_filenames"] is False
    setup = configparser.ConfigParser()
    setup.read(ROOT / "setup.cfg")
    scripts = dict(line.split(" = ") for line in setup["options.entry_points"]["console_scripts"].strip().splitlines())
    assert scripts[hook["entry"]] == "checker.cli:main"


def test_an_impossible_front_matter_date_is_a_warning_not_the_end_of_the_run(tmp_path, seeds_copy):
    (seeds_copy / "b.md").write_text("---\ndate: 2024-02-30\n---\n12 people died.\n", encoding="utf-8")
    result = run(seeds_copy, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output + result.stderr
    assert "warning b.md: front-matter date 2024-02-30 is not a real date, ignored" in result.stderr
    assert "6 sources" in result.output
    assert read_json(tmp_path / "out" / "report.json")["summary"]["sources"] == 6


def test_nothing_readable_names_each_file_and_why(tmp_path, corpus):
    root = corpus({"x.json": '{"text": "12 people died."}', "y.csv": "id,body\n1,12 people died.\n"})
    result = run(root, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"skipped {root / 'x.json'}: not an article format (reads .csv, .htm, .html, .jsonl, .markdown, .md, .txt)",
        f"skipped {root / 'y.csv'}: CSV has no 'text' column",
        "Error: no readable articles (2 skipped)"]


@pytest.mark.parametrize("args, error", [
    (["NOPE"], "Error: Invalid value for 'PATH...': Path 'NOPE' does not exist."),
    (["SEEDS", "--draft", "NOPE"], "Error: Invalid value for '--draft': File 'NOPE' does not exist."),
    (["SEEDS", "--tolerance", "7"], "Error: Invalid value for '--tolerance': 7.0 is not in the range 0<=x<=1."),
    (["SEEDS", "--colour"], "Error: No such option '--colour'."),
    (["check", "NOPE"], "Error: Invalid value for 'PATH...': Path 'NOPE' does not exist."),
])
def test_usage_errors_name_the_command_users_type(tmp_path, seeds_copy, args, error):
    def invoke(*args):
        return CliRunner().invoke(main, [str(a) for a in args], prog_name="check-claims")

    result = invoke(*[{"SEEDS": seeds_copy, "NOPE": tmp_path / "nope"}.get(a, a) for a in args])
    assert result.exit_code == 2
    usage, hint, blank, message = result.stderr.splitlines()
    assert (usage, hint, blank) == ("Usage: check-claims [OPTIONS] PATH...", "Try 'check-claims --help' for help.", "")
    assert message.startswith(error.replace("NOPE", str(tmp_path / "nope")))
    assert invoke("--help").output.startswith("Usage: check-claims [OPTIONS] PATH...\n")


def test_a_run_removes_its_own_stale_reports_and_nothing_else(tmp_path, seeds_copy, corpus):
    out = tmp_path / "out"
    assert run(seeds_copy, "--out", out, "--format", "json,csv,html,sarif,junit").exit_code == 0
    (out / "notes.txt").write_text("the desk's own notes\n")
    (out / "findings.csv").unlink()
    (out / "findings.csv").write_text("a,b\n1,2\n")  # someone else's file under one of our names
    other = corpus({"a.txt": "date 2024-01-09\nApproximately 2,500 American troops are stationed in Iraq."})
    result = run(other, "--out", out, "--format", "html")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["findings.csv", "notes.txt", "report.html"]
    assert re.search(r"\b1 source\b", (out / "report.html").read_text(encoding="utf-8"))


def test_quiet_prints_nothing_but_errors_and_skipped_files(tmp_path, corpus):
    """--quiet: the baseline note, a source's warning (a guessed encoding) and an unused
    suppression are in report.json, not on the terminal; a skipped file is still named."""
    root = corpus({**DISAGREE, "latin.txt": "date 2024-01-11\nCaf\xe9 owners said 2,500 troops stayed.".encode("cp1252"),
                   "note.md": "<!-- check-claims: ignore --> Nothing to see.\n", "empty.txt": b""})
    result = run(root, "--out", tmp_path / "out", "--baseline", tmp_path / "b.json", "--update-baseline", "--quiet")
    assert result.exit_code == 0, result.output
    assert (result.stdout, result.stderr) == ("", f"skipped {root / 'empty.txt'}: empty file\n")
    report = read_json(tmp_path / "out" / "report.json")
    assert [s["warnings"] for s in report["sources"] if s["id"] == "latin.txt"] == [["not UTF-8 (byte 19), read as Windows-1252"]]
