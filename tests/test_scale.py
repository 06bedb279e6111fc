"""Scale features: --jobs gives the same bytes as one process, --stories aligns within a story only
and writes per-story reports plus an index whose combined report.json keeps the report@1 contract."""
import json
from importlib import resources

import jsonschema
import pytest

from checker import check
from checker.core import CHUNK, check_stories
from checker.findings import differing
from checker.report import render_json

from .conftest import SEEDS, read_json, run

TROOPS_A = "date 2024-01-09\nApproximately 2,500 American troops are stationed in Iraq."
TROOPS_B = "date 2024-01-10\nThe United States keeps 3,500 troops stationed in Iraq."


def as_json(records: dict) -> str:
    return render_json(records)["report.json"]


@pytest.fixture
def many_seeds(corpus):
    """The five seed articles under several names: more sources than one extraction chunk holds."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir())]
    return corpus({f"{n:02d}_{i}.txt": text for n in range(CHUNK // 2) for i, text in enumerate(texts)})


def test_jobs_two_gives_the_bytes_of_jobs_one(many_seeds):
    one = as_json(check([many_seeds], jobs=1).to_records())
    two = as_json(check([many_seeds], jobs=2).to_records())
    assert one == two
    assert json.loads(one)["summary"]["sources"] > CHUNK


@pytest.fixture
def archive(corpus):
    """Two stories that disagree with each other but not within themselves, and a loose file."""
    seed = sorted(SEEDS.iterdir())[0].read_text(encoding="utf-8")
    return corpus({"iraq/a.txt": TROOPS_A, "iraq/seed.txt": seed, "syria/b.txt": TROOPS_B,
                   "syria/c.txt": TROOPS_B.replace("2024-01-10", "2024-01-11"), "README.md": "Notes on the archive.",
                   "MANIFEST.tsv": "story\tfile\niraq\ta.txt\n", ".DS_Store": b"\x00\x01"})


def test_stories_are_aligned_only_within_themselves(archive, tmp_path):
    result = check_stories(archive, out=tmp_path / "out")
    assert [s.story for s in result.stories] == ["iraq", "syria"]
    assert result.summary["discrepancy"] == 0  # 2,500 (iraq) vs 3,500 (syria) are different stories
    syria = read_json(tmp_path / "out" / "syria" / "report.json")
    assert syria["summary"]["agreement"] >= 1 and [s["id"] for s in syria["sources"]] == ["b.txt", "c.txt"]
    assert result.skipped == ({"path": str(archive / "MANIFEST.tsv"), "reason": "not inside a story folder"},
                              {"path": str(archive / "README.md"), "reason": "not inside a story folder"})


def test_combined_report_is_every_story_renumbered_and_schema_valid(archive, tmp_path):
    check_stories(archive, out=tmp_path / "out")
    text = (tmp_path / "out" / "report.json").read_text(encoding="utf-8")
    combined = json.loads(text)
    assert as_json(combined) == text  # streamed piece by piece, laid out as one json.dumps
    schema = json.loads(resources.files("checker").joinpath("schema", "report.schema.json").read_text())
    jsonschema.validate(combined, schema)
    parts = [read_json(tmp_path / "out" / story / "report.json") for story in ("iraq", "syria")]
    assert [c["text"] for c in combined["claims"]] == [c["text"] for p in parts for c in p["claims"]]
    assert [s["id"] for s in combined["sources"]] == [f"{story}/{s['id']}" for story, p in zip(("iraq", "syria"), parts)
                                                     for s in p["sources"]]
    ids = [k["id"] for k in combined["clusters"]]
    assert len(ids) == len(set(ids)) == sum(len(p["clusters"]) for p in parts)
    claims = {c["id"]: c for c in combined["claims"]}
    for k in combined["clusters"]:
        assert all(claims[c]["cluster"] == k["id"] and claims[c]["source"] in k["sources"] for c in k["claims"])
    sources = {s["id"] for s in combined["sources"]}
    assert combined["timeline"] and all(set(e["sources"]) <= sources for e in combined["timeline"])
    assert combined["summary"]["claims"] == len(combined["claims"]) == sum(p["summary"]["claims"] for p in parts)


def test_cli_stories_writes_index_and_exits_one_on_a_discrepancy(corpus, tmp_path):
    root = corpus({"iraq/a.txt": TROOPS_A, "iraq/b.txt": TROOPS_B, "calm/a.txt": TROOPS_A})
    result = run(root, "--stories", "subfolders", "--out", tmp_path / "out", "--no-cache")
    assert result.exit_code == 1, result.output
    assert "2 stories, 3 sources" in result.output
    assert "  iraq: 1 discrepancy\n" in result.output and "calm:" not in result.output  # the story to read first
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == ["calm", "index.csv", "index.html", "iraq", "report.json"]
    index = (out / "index.csv").read_text(encoding="utf-8").splitlines()
    assert index[0] == "story,sources,claims,agreement,discrepancy,single-source,skipped"
    assert [row.split(",")[0] for row in index[1:]] == ["iraq", "calm"]  # discrepancies first, as in the HTML
    html = (out / "index.html").read_text(encoding="utf-8")
    assert html.index('href="iraq/report.html"') < html.index('href="calm/report.html"')  # discrepancies first


def test_cli_stories_jobs_two_writes_the_bytes_of_jobs_one(archive, tmp_path):
    for jobs in (1, 2):
        assert run(archive, "--stories", "subfolders", "--out", tmp_path / f"j{jobs}", "--jobs", jobs,
                   "--no-cache").exit_code == 0
    files = sorted(p.relative_to(tmp_path / "j1") for p in (tmp_path / "j1").rglob("*") if p.is_file())
    assert len(files) == 11
    for name in files:
        assert (tmp_path / "j1" / name).read_bytes() == (tmp_path / "j2" / name).read_bytes(), name


@pytest.mark.parametrize("args, code", [
    ([], 1),                                   # a discrepancy in one story fails the archive
    (["--fail-on", "never"], 0),
    (["--exit-zero"], 0),
    (["--fail-on", "single-source"], 1),
])
def test_cli_stories_exit_status_follows_fail_on(corpus, tmp_path, args, code):
    root = corpus({"iraq/a.txt": TROOPS_A, "iraq/b.txt": TROOPS_B, "calm/a.txt": TROOPS_A})
    result = run(root, "--stories", "subfolders", "--out", tmp_path / "out", "--no-cache", "-q", *args)
    assert result.exit_code == code, result.output


def test_cli_stories_refuses_draft_and_baseline(corpus, tmp_path):
    root = corpus({"iraq/a.txt": TROOPS_A})
    result = run(root, "--stories", "subfolders", "--baseline", tmp_path / "b.json", "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert "--stories cannot be combined with --draft or --baseline" in result.output


@pytest.mark.parametrize("files, args, message", [
    ({"a.txt": TROOPS_A}, [], "no story subfolders"),
    ({"s/empty.txt": b""}, [], "no readable articles in 1 story folders"),
    ({"s/a.txt": TROOPS_A}, ["EXTRA"], "--stories subfolders takes one folder"),
])
def test_cli_stories_bad_input_exits_two(corpus, tmp_path, files, args, message):
    root = corpus(files)
    extra = [root / "s" if a == "EXTRA" else a for a in args]
    result = run(root, *extra, "--stories", "subfolders", "--out", tmp_path / "out", "--no-cache")
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output
    if files == {"s/empty.txt": b""}:  # what was found is named, with why it could not be read
        assert f"skipped {root / 's' / 'empty.txt'}: empty file" in result.stderr


def test_reports_written_inside_the_archive_are_not_a_story(archive):
    first = check_stories(archive, out=archive / "reports")
    again = check_stories(archive, out=archive / "reports")
    assert [s.story for s in again.stories] == [s.story for s in first.stories] == ["iraq", "syria"]


@pytest.mark.parametrize("formats", [("json", "csv", "html"), ("json",), ("csv",), ("html",)])
def test_reports_an_earlier_run_left_inside_the_archive_are_not_a_story(archive, tmp_path, formats):
    """Reports written into the archive by one run and read by a run writing elsewhere: the
    folder of them (index, combined report.json, one report folder a story) is no story."""
    check_stories(archive, out=archive / "reports", formats=formats)
    again = check_stories(archive, out=tmp_path / "out", formats=formats)
    assert [s.story for s in again.stories] == ["iraq", "syria"]
    assert {"path": str(archive / "reports"), "reason": "check-claims reports, not a story"} in again.skipped


def test_an_archive_reported_into_itself_keeps_its_stories(archive):
    """--out the archive: each story folder then holds its own reports beside its articles,
    and is still that story (the reports in it are skipped file by file)."""
    first = check_stories(archive, out=archive)
    again = check_stories(archive, out=archive)
    assert [s.story for s in again.stories] == [s.story for s in first.stories] == ["iraq", "syria"]
    assert again.summary == first.summary


def test_an_archive_run_removes_the_reports_an_earlier_one_left(archive, tmp_path):
    """As for one story: a --format html run after a full one leaves no report.json or CSV
    beside its own files, in the index folder or any story's; other files stay."""
    out = tmp_path / "out"
    check_stories(archive, out=out, formats=("json", "csv", "html", "sarif"))
    (out / "iraq" / "notes.txt").write_text("the desk's own notes\n")
    check_stories(archive, out=out, formats=("html",))
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "index.html", "iraq/notes.txt", "iraq/report.html", "syria/report.html"]
    for article in (archive / "syria").iterdir():  # a story with nothing readable any more
        article.write_bytes(b"")
    check_stories(archive, out=out, formats=("html",))
    assert not (out / "syria" / "report.html").exists()


@pytest.mark.parametrize("blocker, message", [
    ("iraq/report.json", "cannot write reports to {out}/iraq: report.json: Is a directory"),
    ("index.csv", "cannot write reports to {out}: index.csv: Is a directory"),
    ("report.json", "cannot write reports to {out}: report.json: Is a directory"),
])
def test_an_archive_that_cannot_be_written_is_one_line_and_leaves_no_temporary_file(archive, tmp_path, blocker, message):
    """Was an 'unexpected error' (IsADirectoryError: [Errno 21] ... --debug shows the traceback),
    and a failed index left its staged .tmp file in --out."""
    out = tmp_path / "out"
    (out / blocker).mkdir(parents=True)
    result = run(archive, "--stories", "subfolders", "--out", out, "--no-cache", "-q")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: " + message.format(out=out)
    assert not [p for p in out.rglob(".*") if p.is_file()]


def test_cli_stories_format_github_annotates_every_story(corpus, tmp_path):
    """--format github on an archive printed nothing and wrote no step summary: accepted, ignored.
    Now each story's annotations (as a one-story run prints them) and its summary, under its name."""
    stories = {"iraq": {"a.txt": TROOPS_A, "b.txt": TROOPS_B},
               "syria": {"c.txt": TROOPS_A.replace("Iraq", "Syria"), "d.txt": TROOPS_B.replace("Iraq", "Syria")},
               "calm": {"e.txt": TROOPS_A}}
    root = corpus({f"{story}/{name}": text for story, files in stories.items() for name, text in files.items()})
    summary = tmp_path / "summary.md"
    result = run(root, "--stories", "subfolders", "--out", tmp_path / "out", "--no-cache", "-q", "--format", "github",
                 GITHUB_STEP_SUMMARY=str(summary))
    assert result.exit_code == 1, result.output
    expected, sections = "", ""
    for story in ("calm", "iraq", "syria"):
        alone = run(root / story, "--out", tmp_path / story, "--no-cache", "-q", "--format", "github",
                    GITHUB_STEP_SUMMARY=str(tmp_path / f"{story}.md"))
        expected += alone.stdout
        if story != "calm":
            sections += f"#### {story}\n\n" + (tmp_path / f"{story}.md").read_text(encoding="utf-8")
    assert result.stdout == expected and expected.count("::error ") == 2
    assert summary.read_text(encoding="utf-8") == sections


def test_a_story_folder_reached_twice_is_one_story(archive):
    """Symlinks in an archive: a link to the archive itself made a story of every other story's
    articles (cross-story discrepancies), a link to a story counted that story twice."""
    (archive / "loop").symlink_to(".")
    (archive / "again").symlink_to("syria")  # sorts before syria: the real folder still wins
    result = check_stories(archive, out=archive / "reports")
    assert [s.story for s in result.stories] == ["iraq", "syria"]
    assert {"path": str(archive / "loop"), "reason": "symlink loop (leads back to the archive)"} in result.skipped
    assert {"path": str(archive / "again"), "reason": "same folder as story syria"} in result.skipped


def test_out_in_the_place_of_a_story_is_refused(archive):
    """--out archive/iraq dropped the story iraq without a word and wrote the index among its articles."""
    result = run(archive, "--stories", "subfolders", "--out", archive / "iraq", "--no-cache")
    assert result.exit_code == 2
    assert result.stderr == f"Error: --out {archive / 'iraq'} is the story folder iraq: write the reports elsewhere\n"
    assert sorted(p.name for p in (archive / "iraq").iterdir()) == ["a.txt", "seed.txt"]


@pytest.mark.parametrize("formats", [("sarif",), ("junit",)])
def test_an_out_folder_inside_the_archive_without_an_index_is_not_a_story(archive, tmp_path, formats):
    """--format sarif writes no index: the reports folder holds only story folders of reports, and a
    later run writing elsewhere counted it as a story (index row `reports,0,...`)."""
    first = check_stories(archive, out=archive / "reports", formats=formats)
    again = check_stories(archive, out=tmp_path / "elsewhere")
    assert [s.story for s in again.stories] == [s.story for s in first.stories] == ["iraq", "syria"]
    assert {"path": str(archive / "reports"), "reason": "check-claims reports, not a story"} in again.skipped


def test_the_archive_index_files_are_written_as_one_set(archive, tmp_path):
    """Each index file was renamed into place on its own: with index.csv blocked the run failed
    but left the new report.json beside the previous index.html."""
    out = tmp_path / "out"
    assert run(archive, "--stories", "subfolders", "--out", out, "--no-cache").exit_code == 0
    before = {name: (out / name).read_bytes() for name in ("report.json", "index.html")}
    (archive / "syria" / "d.txt").write_text(TROOPS_B.replace("3,500", "4,500"), encoding="utf-8")
    (out / "index.csv").unlink()
    (out / "index.csv").mkdir()  # a folder where the file goes: its rename fails
    result = run(archive, "--stories", "subfolders", "--out", out, "--no-cache")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: cannot write reports to {out}: index.csv: ")
    assert {name: (out / name).read_bytes() for name in before} == before
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []


def test_the_combined_report_carries_the_tolerance_as_each_story_s_does(archive, tmp_path):
    """findings.differing reads records["tolerance"]: on the combined report.json it raised KeyError."""
    check_stories(archive, out=tmp_path / "out", tolerance=0.1)
    combined = read_json(tmp_path / "out" / "report.json")
    assert combined["tolerance"] == read_json(tmp_path / "out" / "iraq" / "report.json")["tolerance"] == 0.1
    assert differing(combined) == set()  # no story disagrees within itself


def test_an_earlier_report_that_cannot_be_removed_from_an_emptied_story_is_one_line(archive, tmp_path, monkeypatch):
    """A story with nothing readable any more removes its earlier reports; when that fails it is
    the one-line 'cannot write reports' error, not a traceback."""
    out = tmp_path / "out"
    check_stories(archive, out=out, formats=("json",))
    for article in (archive / "syria").iterdir():
        article.write_bytes(b"")

    def refuse(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("pathlib.Path.unlink", refuse)
    result = run(archive, "--stories", "subfolders", "--out", out, "--no-cache", "-q", "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: cannot write reports to {out}/syria: report.json: Permission denied"
