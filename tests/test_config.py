"""Config files: found walking up, keys are option names, the command line wins, typos suggested."""
import pytest

from .conftest import read_json, run
from .test_cli import DISAGREE


@pytest.fixture
def story(tmp_path, monkeypatch, corpus):
    """A two-source story that disagrees, with the working directory at tmp_path."""
    monkeypatch.chdir(tmp_path)
    return corpus(DISAGREE)


@pytest.mark.parametrize("name, text", [
    ("setup.cfg", "[metadata]\nname = x\n\n[check-claims]\nfail-on = never\n"),
    ("pyproject.toml", '[project]\nname = "x"\n\n[tool.check-claims]\nfail-on = "never"\n'),
    (".check-claims.toml", 'fail-on = "never"\n'),
])
def test_each_config_file_sets_options_and_the_command_line_wins(tmp_path, story, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert run(story, "--out", "out").exit_code == 0
    assert run(story, "--out", "out", "--fail-on", "discrepancy").exit_code == 1


def test_found_by_walking_up_and_nearest_file_wins(tmp_path, story, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.check-claims]\nfail-on = "never"\nformat = ["json"]\n')
    sub = tmp_path / "desk" / "today"
    sub.mkdir(parents=True)
    (tmp_path / "desk" / "pyproject.toml").write_text('[project]\nname = "no settings here"\n')
    monkeypatch.chdir(sub)
    result = run(story)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (sub / "reports").iterdir()) == ["report.json"]
    (sub / ".check-claims.toml").write_text('fail-on = "discrepancy"\n')
    assert run(story).exit_code == 1


def test_list_options_and_paths_relative_to_the_config_file(tmp_path, story, monkeypatch):
    (tmp_path / "setup.cfg").write_text("[check-claims]\nexclude =\n    b.txt\n    drafts/*\nout = built/reports\n")
    sub = tmp_path / "sub"
    sub.mkdir()
    monkeypatch.chdir(sub)
    result = run(story)
    assert result.exit_code == 0, result.output  # b.txt, the disagreeing source, is excluded
    assert [s["id"] for s in read_json(tmp_path / "built" / "reports" / "report.json")["sources"]] == ["a.txt"]


@pytest.mark.parametrize("text, message", [
    ("[check-claims]\nfail_on = never\n", "setup.cfg [check-claims]: unknown option 'fail_on' (did you mean 'fail-on'?)"),
    ("[check-claims]\ntolerence = 0.1\n", "unknown option 'tolerence' (did you mean 'tolerance'?)"),
    ("[check-claims]\ncolour = red\n", "unknown option 'colour' (known: "),
    ("[check-claims]\nconfig = other.toml\n", "setup.cfg [check-claims]: 'config' is a command-line option only"),
    ("[check-claims]\nversion = true\n", "setup.cfg [check-claims]: 'version' is a command-line option only"),
    ("[check-claims\nfail-on = never\n", "setup.cfg: line 1: no [section] header before '[check-claims'"),
    ("[check-claims]\nexit-zero\n", "setup.cfg: line 2: expected 'key = value', got 'exit-zero'"),
    ("[check-claims]\nout = a\n\n  b\n[x\n", "setup.cfg: line 5: expected 'key = value', got '[x'"),
    # configparser counts only "\n" as a line end, not a form feed or U+2028
    ("[metadata]\ndescription = a\fb\u2028c\n[check-claims]\nexit-zero\n",
     "setup.cfg: line 4: expected 'key = value', got 'exit-zero'"),
    ("[check-claims]\nfail-on = never\nfail-on = x\n", "setup.cfg: line 3: 'fail-on' set twice in [check-claims]"),
    ("[check-claims]\n[check-claims]\n", "setup.cfg: line 2: section [check-claims] given twice"),
    ("[check-claims]\ntolerance = a lot\n", "setup.cfg [check-claims]: tolerance: 'a lot' is not a valid float range."),
    ("[check-claims]\nfail-on = sometimes\n", "fail-on: 'sometimes' is not one of 'discrepancy', 'single-source', 'never'."),
])
def test_a_bad_config_is_a_one_line_error(tmp_path, story, text, message):
    (tmp_path / "setup.cfg").write_text(text, encoding="utf-8")
    result = run(story)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_invalid_toml_is_a_one_line_error(tmp_path, story):
    (tmp_path / ".check-claims.toml").write_text('fail-on = "never\n', encoding="utf-8")
    result = run(story)
    assert result.exit_code == 2 and "invalid TOML" in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("text", ["[tool]\ncheck-claims = 5\n", '[tool]\ncheck-claims = "strict"\n'])
def test_a_pyproject_section_that_is_not_a_table_is_a_one_line_error(tmp_path, story, text):
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    result = run(story)
    assert result.exit_code == 2 and "[tool.check-claims] must be a table of settings" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_explicit_config_file(tmp_path, story):
    (tmp_path / "ci.toml").write_text('exit-zero = true\n', encoding="utf-8")
    assert run(story, "--config", tmp_path / "ci.toml").exit_code == 0
    (tmp_path / "empty.cfg").write_text("[other]\n", encoding="utf-8")
    result = run(story, "--config", tmp_path / "empty.cfg")
    assert result.exit_code == 2 and "no check-claims settings" in result.output


def test_config_command_shows_values_and_where_they_come_from(tmp_path, story):
    (tmp_path / "pyproject.toml").write_text('[tool.check-claims]\ntolerance = 0.1\nexclude = ["drafts/*"]\n')
    result = run("config")
    assert result.exit_code == 0, result.output
    lines = dict(line.split(" = ", 1) for line in result.output.splitlines() if " = " in line)
    assert lines["tolerance"] == f"0.1  # {tmp_path / 'pyproject.toml'} [tool.check-claims]"
    assert lines["exclude"] == f"drafts/*  # {tmp_path / 'pyproject.toml'} [tool.check-claims]"
    assert lines["fail-on"] == "discrepancy  # default"
    assert "config" not in lines and "version" not in lines


@pytest.mark.parametrize("name", [None, "pyproject.toml", "setup.cfg"])
def test_config_command_without_settings(tmp_path, story, name):
    """A pyproject.toml or setup.cfg without our section is no config file: the comment said
    'no config file found' beside the pyproject.toml the user was looking at."""
    if name:
        (tmp_path / name).write_text("[tool.black]\n" if name == "pyproject.toml" else "[flake8]\n")
    result = run("config")
    assert result.exit_code == 0
    assert result.output.startswith(f"# no check-claims settings found in {tmp_path} or above (looked for "
                                    ".check-claims.toml, [tool.check-claims] in pyproject.toml, "
                                    "[check-claims] in setup.cfg)\n")
    assert "out = reports  # default" in result.output
    assert "published = (not set)  # default" in result.output
    assert "jobs = (all cores)  # default" in result.output  # as --help words the default a run decides
    assert "exit-zero = false  # default" in result.output


@pytest.mark.parametrize("name, text, message", [
    (".check-claims.toml", "out = 5\n", "out: expected a path, got 5"),
    (".check-claims.toml", "baseline = true\n", "baseline: expected a path, got true"),
    (".check-claims.toml", "draft = 1\n", "draft: expected a path, got 1"),
    (".check-claims.toml", "max-bytes = 1.5\n", "max-bytes: expected a whole number, got 1.5"),
    (".check-claims.toml", "jobs = true\n", "jobs: expected a whole number, got true"),
    (".check-claims.toml", "tolerance = true\n", "tolerance: expected a number, got true"),
    (".check-claims.toml", "exclude = 5\n", "exclude: expected a list of text, got 5"),
    (".check-claims.toml", "exclude = [5]\n", "exclude: expected a list of text, got [5]"),
    (".check-claims.toml", 'exit-zero = 1\n', "exit-zero: expected true or false, got 1"),
    (".check-claims.toml", 'fail-on = 2\n', "fail-on: expected one of discrepancy, single-source, never, got 2"),
    (".check-claims.toml", 'format = ["json", "pdf"]\n', "format: unknown format pdf"),
    ("setup.cfg", "[check-claims]\nout =\n", "setup.cfg [check-claims]: out: empty (expected a path)"),
    ("setup.cfg", "[check-claims]\nmax-bytes = 1.5\n", "max-bytes: '1.5' is not a valid integer range."),
    ("setup.cfg", "[check-claims]\nquiet = maybe\n", "quiet: 'maybe' is not a valid boolean."),
])
def test_a_config_value_of_the_wrong_type_is_a_one_line_error(tmp_path, story, name, text, message):
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run(story)
    assert result.exit_code == 2, result.output
    assert message in result.output and str(tmp_path / name) in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "reports").exists()


@pytest.mark.parametrize("text", [
    'max-bytes = 1000000\njobs = 1\ntolerance = 1\nexit-zero = true\npublished = 2024-01-09\nexclude = ["b.txt"]\n',
    'max-bytes = "1000000"\ntolerance = "0.1"\nexit-zero = "yes"\npublished = "2024-01-09"\nexclude = "b.txt"\n',
])
def test_config_values_of_the_right_type_are_taken(tmp_path, story, text):
    (tmp_path / ".check-claims.toml").write_text(text, encoding="utf-8")
    result = run(story)
    assert result.exit_code == 0, result.output
    (source,) = read_json(tmp_path / "reports" / "report.json")["sources"]
    assert (source["id"], source["published"], source["published_from"]) == ("a.txt", "2024-01-09", "header")
