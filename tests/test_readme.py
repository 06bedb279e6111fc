"""The README's promises: its first two commands, and CI running exactly the test one."""
from .conftest import ROOT


def readme_commands() -> list[str]:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines[:6] if line.startswith("    ")]


def test_first_lines_install_and_run_seeds_then_tests():
    run, test = readme_commands()[:2]
    assert "pip install -e ." in run and run.endswith("check-claims seeds/")
    assert "pip install -e '.[test]'" in test and "pytest" in test


def test_ci_runs_the_readme_test_command():
    assert readme_commands()[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
