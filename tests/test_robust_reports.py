"""The tool's own output inside the articles folder (`--out seeds/reports`, or `check-claims .`
run twice) is passed over silently: listed as skipped, every run would name the last one's reports."""
from checker.sources import load

from .conftest import read_json, run

A = "date 2024-01-09\nApproximately 2,500 American troops are stationed in Iraq.\n"
B = "date 2024-01-10\nThe United States keeps 2,500 troops stationed in Iraq.\n"


def test_a_reports_folder_inside_the_articles_is_not_listed_but_other_skips_are(tmp_path, corpus):
    root = corpus({"a.txt": A, "b.txt": B, "photo.jpg": b"\xff\xd8\xff\xe0"})
    first = run(root, "--out", root / "reports")
    second = run(root, "--out", root / "reports")
    assert first.exit_code == second.exit_code == 0, second.output
    assert first.stdout == second.stdout
    assert second.stderr == first.stderr == f"skipped {root}/photo.jpg: not an article format " \
        "(reads .csv, .htm, .html, .jsonl, .markdown, .md, .txt)\n"
    report = read_json(root / "reports" / "report.json")
    assert [s["id"] for s in report["sources"]] == ["a.txt", "b.txt"]
    assert [s["path"] for s in report["skipped"]] == [f"{root}/photo.jpg"]


def test_a_folder_named_reports_holding_articles_is_read(corpus):
    sources, skipped = load([corpus({"a.txt": A, "reports/b.txt": B})])
    assert ([s.id for s in sources], skipped) == (["a.txt", "reports/b.txt"], [])


def test_an_article_put_in_the_reports_folder_is_still_read(tmp_path, corpus):
    """Passing over the whole folder silently would lose it without a word."""
    root = corpus({"a.txt": A})
    assert run(root, "--out", root / "reports").exit_code == 0
    (root / "reports" / "b.txt").write_text(B, encoding="utf-8")
    sources, skipped = load([root])
    assert ([s.id for s in sources], skipped) == (["a.txt", "reports/b.txt"], [])


def test_a_baseline_kept_beside_the_articles_is_not_listed_but_other_json_is(tmp_path, corpus):
    """README's workflow commits check-claims-baseline.json with the story: every run listed it
    as 'not an article format'."""
    root = corpus({"a.txt": A, "b.txt": B.replace("2,500", "3,500"), "data.json": '{"schema": "other"}'})
    baseline = root / "check-claims-baseline.json"
    first = run(root, "--out", tmp_path / "out", "--baseline", baseline, "--update-baseline")
    second = run(root, "--out", tmp_path / "out", "--baseline", baseline)
    assert (first.exit_code, second.exit_code) == (0, 0), second.output
    assert second.stderr == f"skipped {root}/data.json: not an article format " \
        "(reads .csv, .htm, .html, .jsonl, .markdown, .md, .txt)\n"
