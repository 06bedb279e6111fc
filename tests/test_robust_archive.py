"""An archive run (--stories) whose index cannot be written fails before it writes anything:
one line, exit 2, and no new story folders left beside an old index."""
import os

import pytest

from .conftest import run

TROOPS_A = "date 2024-01-09\nApproximately 2,500 American troops are stationed in Iraq."
TROOPS_B = "date 2024-01-10\nThe United States keeps 2,500 troops stationed in Iraq."


def written(out):
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))


@pytest.fixture
def archive(corpus):
    return corpus({"iraq/a.txt": TROOPS_A, "iraq/b.txt": TROOPS_B, "syria/c.txt": TROOPS_A.replace("Iraq", "Syria")})


@pytest.mark.parametrize("blocker, message", [
    ("index.html", "index.html: Is a directory"),
    ("report.json", "report.json: Is a directory"),
    ("syria", "syria: Not a directory"),  # a file where a story's folder goes
])
def test_a_blocked_destination_fails_before_any_story_is_written(archive, tmp_path, blocker, message):
    out = tmp_path / "out"
    first = run(archive, "--stories", "subfolders", "--out", out, "--no-cache", "-q")
    assert first.exit_code == 0, first.output
    (archive / "yemen").mkdir()
    (archive / "yemen" / "d.txt").write_text(TROOPS_B.replace("Iraq", "Yemen"), encoding="utf-8")
    target = out / blocker
    if target.is_dir():
        for f in target.iterdir():
            f.unlink()
        target.rmdir()
        target.write_text("in the way\n")
    else:
        target.unlink()
        target.mkdir()
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    result = run(archive, "--stories", "subfolders", "--out", out, "--no-cache", "-q")
    assert result.exit_code == 2, result.output
    assert result.stderr == f"Error: cannot write reports to {out}: {message}\n"
    assert not (out / "yemen").exists()
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == before


def test_a_story_named_like_an_index_file_is_refused_before_writing(corpus, tmp_path):
    root = corpus({"iraq/a.txt": TROOPS_A, "report.json/b.txt": TROOPS_B})
    result = run(root, "--stories", "subfolders", "--out", tmp_path / "out", "--no-cache", "-q")
    assert result.exit_code == 2, result.output
    assert result.stderr == (f"Error: cannot write reports to {tmp_path / 'out'}: "
                             "story report.json has the name of the index file report.json\n")
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_read_only_destination_fails_before_any_story_is_written(archive, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = run(archive, "--stories", "subfolders", "--out", out, "--no-cache", "-q")
    finally:
        out.chmod(0o755)
    assert result.exit_code == 2
    assert result.stderr == f"Error: cannot write reports to {out}: Permission denied\n"
    assert written(out) == []
