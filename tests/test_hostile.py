"""Hostile and broken input: a folder mixing good and bad files reports the good ones and lists
every skipped file with its reason (report.json, terminal, HTML); nothing crashes, nothing is lost.

The fixture folder is built by the tests (no checked-in binaries)."""
import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import sources
from checker.cli import main
from checker.sources import load, read_file

from .conftest import SEEDS, binaries, read_json

GOOD = "date 2024-01-09\nApproximately 2,500 American troops are stationed in Iraq, officials said.\n"
MAX_BYTES = 4000

#: name -> reason it is skipped (a CSV/JSONL file may have several: one per bad row).
EXPECTED_SKIPS = {
    "binary.txt": ["binary file (control characters)"],
    "controls.md": ["binary file (control characters)"],
    "empty.txt": ["empty file"],
    "blank.md": ["empty file"],
    "undecodable.txt": ["invalid UTF-8 at byte 8, and not Windows-1252 either"],
    "bad-utf16.txt": ["invalid UTF-16-LE at byte 6"],
    "no-article.html": ["no article text found in HTML"],
    "rows.csv": ["line 3: malformed CSV row (',' expected after '\"')",
                 "line 4: 4 fields, header has 3",
                 "line 5: id 'a1' already used on line 2",
                 "line 6: empty 'text'"],
    "feed.jsonl": ["line 2: invalid JSON (Expecting value)",
                   "line 3: expected an object with a 'text' field",
                   "line 4: invalid JSON (nested too deeply)"],
    "big.txt": ["5,016 bytes, over the 4,000-byte limit (--max-bytes)"],
    "locked.txt": ["cannot read (Permission denied)"],
    "loop": ["symlink loop (leads back to an enclosing folder)"],
    "self.txt": ["symlink loop"],
    "dangling.txt": ["broken symlink"],
    "copy.txt": ["same file as good.txt"],
    "pipe.txt": ["not a regular file"],
    "photo.jpg": ["not an article format (reads .csv, .htm, .html, .jsonl, .markdown, .md, .txt)"],
}
EXPECTED_SOURCES = ["article.html", "feed.jsonl#j1", "good.txt", "latin.txt", "rows.csv#a1", "rows.csv#a6", "utf16.txt"]

HTML = """<html><head><title>Troops stay</title>
<link rel="alternate" type="application/rss+xml" href="http://feeds.invalid/rss.xml">
<link rel="stylesheet" href="http://cdn.invalid/site.css"><script src="http://cdn.invalid/x.js"></script>
<meta property="article:published_time" content="2024-01-10"></head>
<body><article><h1>Troops stay in Iraq</h1><img src="http://images.invalid/troops.jpg" alt="troops">
<iframe src="http://video.invalid/embed"></iframe>
<p>The United States keeps about 2,500 troops stationed in Iraq, a spokesman said on Tuesday.</p>
<p>Three service members were wounded in a drone attack on a base in the west of the country.</p>
</article></body></html>"""


def build_hostile(root: Path) -> Path:
    """The hostile folder: every kind of bad file next to good ones (and a locked file)."""
    files: dict[str, bytes] = {
        "good.txt": GOOD.encode(),
        "latin.txt": "date 2024-01-10\nSome 2,500 troops remain, the caf\u00e9 owner said \u2013 officially.\n".encode("cp1252"),
        "utf16.txt": "\ufeffdate 2024-01-11\nAbout 2,500 soldiers are based in Iraq.\n".encode("utf-16-le"),
        "article.html": HTML.encode(),
        "rows.csv": (b'id,published,text\n'
                     b'a1,2024-01-09,"About 2,500 troops are in Iraq."\n'
                     b'a2,2024-01-09,"a "bad" quote"\n'
                     b'a3,2024-01-09,x,extra\n'
                     b'a1,2024-01-10,"a second a1"\n'
                     b'a5,2024-01-10,\n'
                     b'a6,2024-01-10,"Three soldiers died."\n'),
        "feed.jsonl": (b'{"id": "j1", "text": "Five people were hurt.", "published": "2024-01-09"}\n'
                       b'{"id": "j2", "text": \n'
                       b'[1, 2]\n' + b"[" * 1500 + b"]" * 1500 + b"\n"),
        "binary.txt": binaries()["photo.png"],
        "controls.md": b"\x01\x02\x03abc\x04\x05\x06\x1b[0m\x7f\x10\x11",
        "empty.txt": b"",
        "blank.md": b"  \n\n\t\n",
        "undecodable.txt": b"Troops: \x81\x8d\x8f",
        "bad-utf16.txt": b"\xff\xfe" + "ab".encode("utf-16-le") + b"\x00\xd8",  # a lone surrogate
        "no-article.html": b"<html><head><title>Only a title</title></head><body><script>var a;</script></body></html>",
        "big.txt": b"date 2024-01-09\n" + b"Troops. " * 625,
        "locked.txt": GOOD.encode(),
        "photo.jpg": b"\xff\xd8\xff\xe0",
        ".hidden.txt": b"ignored like every hidden entry",
    }
    root.mkdir(parents=True)
    for name, data in files.items():
        (root / name).write_bytes(data)
    (root / "locked.txt").chmod(0)
    (root / "loop").symlink_to(".", target_is_directory=True)
    (root / "self.txt").symlink_to("self.txt")
    (root / "dangling.txt").symlink_to("nowhere.txt")
    (root / "copy.txt").symlink_to("good.txt")
    os.mkfifo(root / "pipe.txt")
    return root


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    """The hostile folder; as root (where chmod 000 still reads) the locked file is refused by a patch."""
    root = build_hostile(tmp_path / "hostile")
    if os.geteuid() == 0:
        real_open = open

        def refusing_open(file, *args, **kwargs):
            if Path(file).name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(sources, "open", refusing_open, raising=False)
    return root


def skips_by_name(skipped) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for s in skipped:
        found.setdefault(Path(s["path"] if isinstance(s, dict) else s.path).name, []).append(
            s["reason"] if isinstance(s, dict) else s.reason)
    return found


def test_every_good_source_is_read_and_every_bad_file_is_listed_with_its_reason(hostile):
    found, skipped = load([hostile], max_bytes=MAX_BYTES)
    assert [s.id for s in found] == EXPECTED_SOURCES
    assert skips_by_name(skipped) == EXPECTED_SKIPS


def test_encodings_are_read_and_a_guessed_one_is_flagged(hostile):
    found = {s.id: s for s in load([hostile], max_bytes=MAX_BYTES)[0]}
    assert "caf\u00e9 owner said \u2013 officially" in found["latin.txt"].text
    assert found["latin.txt"].warnings == ("not UTF-8 (byte 49), read as Windows-1252",)
    assert found["utf16.txt"].text.startswith("date 2024-01-11\nAbout 2,500")  # BOM dropped
    assert (found["utf16.txt"].published, found["utf16.txt"].warnings) == ("2024-01-11", ())


def test_a_broken_row_keeps_its_neighbours(hostile):
    found = {s.id: s for s in load([hostile], max_bytes=MAX_BYTES)[0]}
    assert found["rows.csv#a6"].text == "Three soldiers died."
    assert found["feed.jsonl#j1"].published == "2024-01-09"


def test_cli_reports_the_good_files_and_lists_the_skipped_everywhere(hostile, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, [str(hostile), "--out", str(out), "--max-bytes", str(MAX_BYTES)])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    report = read_json(out / "report.json")
    assert [s["id"] for s in report["sources"]] == EXPECTED_SOURCES
    assert skips_by_name(report["skipped"]) == EXPECTED_SKIPS
    latin = next(s for s in report["sources"] if s["id"] == "latin.txt")
    assert latin["warnings"] == ["not UTF-8 (byte 49), read as Windows-1252"]
    html = visible_text((out / "report.html").read_text(encoding="utf-8"))
    for s in report["skipped"]:
        assert f"{s['path']}: {s['reason']}" in result.stderr
        assert s["path"] in html and s["reason"] in html
    assert "warning latin.txt: not UTF-8 (byte 49), read as Windows-1252" in result.stderr


def test_nothing_readable_exits_two_naming_what_was_skipped(tmp_path):
    root = build_only(tmp_path, {"a.txt": binaries()["report.pdf"], "b.md": b""})
    result = CliRunner().invoke(main, [str(root), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.stdout == "" and "Traceback" not in result.output
    assert result.stderr.splitlines() == [f"skipped {root / 'a.txt'}: binary file (control characters)",
                                          f"skipped {root / 'b.md'}: empty file",
                                          "Error: no readable articles (2 skipped)"]
    assert not (tmp_path / "out").exists()


def visible_text(html: str) -> str:
    """The text a browser shows (entities decoded), one chunk a line."""
    chunks: list[str] = []
    parser = HTMLParser()
    parser.handle_data = chunks.append
    parser.feed(html)
    return "\n".join(chunks)


def test_a_file_name_with_control_characters_stays_one_terminal_line(tmp_path):
    root = build_only(tmp_path, {"a.txt": GOOD.encode(), "evil\n\x1b[2Jname.txt": b""})
    result = CliRunner().invoke(main, [str(root), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert result.stderr == f"skipped {root}/evil\\n\\x1b[2Jname.txt: empty file\n"
    assert read_json(tmp_path / "out" / "report.json")["skipped"][0]["path"] == f"{root}/evil\n\x1b[2Jname.txt"


def test_a_file_name_that_is_not_utf8_is_skipped_not_fatal(tmp_path):
    root = build_only(tmp_path, {"a.txt": GOOD.encode()})
    (root / os.fsdecode(b"caf\xe9.txt")).write_bytes(GOOD.encode())
    result = CliRunner().invoke(main, [str(root), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert read_json(tmp_path / "out" / "report.json")["skipped"] == [
        {"path": f"{root}/caf\ufffd.txt", "reason": "file name is not valid UTF-8 (rename the file)"}]


@pytest.mark.parametrize("formats", ["json,csv,html", "csv", "html", "sarif", "junit"])
def test_reports_of_an_earlier_run_inside_the_folder_are_not_read_back(tmp_path, monkeypatch, formats):
    root = build_only(tmp_path, {"a.txt": GOOD.encode(), "b.txt": GOOD.replace("2,500", "3,000").encode()})
    monkeypatch.chdir(root)
    first = CliRunner().invoke(main, [".", "--format", formats])
    second = CliRunner().invoke(main, [".", "--format", formats])
    assert first.exit_code == second.exit_code == 1
    assert first.stdout == second.stdout
    assert second.stderr == ""  # the earlier run's reports/ folder is passed over silently


def build_only(tmp_path: Path, files: dict[str, bytes]) -> Path:
    root = tmp_path / "in"
    root.mkdir(parents=True)
    for name, data in files.items():
        (root / name).write_bytes(data)
    return root


def test_a_given_file_and_a_folder_holding_it_read_it_once(tmp_path):
    root = build_only(tmp_path, {"a.txt": GOOD.encode()})
    other = build_only(tmp_path / "x", {"a.txt": GOOD.replace("2,500", "3,000").encode()})
    found, skipped = load([root, root / "a.txt", other])
    assert [s.id for s in found] == ["a.txt", other.joinpath("a.txt").as_posix()]  # same name, other file: kept
    assert [(Path(s.path).name, s.reason) for s in skipped] == [("a.txt", "same file as a.txt")]


@pytest.mark.parametrize("second", ["same", "sub", "link"])
def test_a_folder_given_twice_is_read_once_and_named_once(tmp_path, second):
    """`check-claims seeds seeds/` (or a subfolder, or a link to it) listed every file again as
    'same file as', one line each; the folder is one line."""
    root = build_only(tmp_path, {"a.txt": GOOD.encode()})
    (root / "sub").mkdir()
    (root / "sub" / "b.txt").write_text(GOOD.replace("2,500", "3,000"), encoding="utf-8")
    (tmp_path / "link").symlink_to(root)
    again = {"same": root, "sub": root / "sub", "link": tmp_path / "link"}[second]
    found, skipped = load([root, again])
    assert [s.id for s in found] == ["a.txt", "sub/b.txt"]
    reason = f"same folder as {root}" if second == "link" else "folder already read"
    assert skipped == [sources.Skipped(str(again), reason)]


def test_an_unlistable_folder_is_skipped(tmp_path, monkeypatch):
    root = build_only(tmp_path, {"a.txt": GOOD.encode()})
    (root / "sub").mkdir()
    real_scandir = os.scandir

    def refusing(path):
        if Path(path).name == "sub":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(sources.os, "scandir", refusing)
    found, skipped = load([root])
    assert [s.id for s in found] == ["a.txt"]
    assert [(Path(s.path).name, s.reason) for s in skipped] == [("sub", "cannot list folder (Permission denied)")]


def test_a_parser_crash_on_html_is_a_skip(tmp_path, monkeypatch):
    import trafilatura
    from lxml.etree import ParserError

    def crash(*args, **kwargs):
        raise ParserError("Document is empty")

    monkeypatch.setattr(trafilatura, "bare_extraction", crash)
    root = build_only(tmp_path, {"a.html": HTML.encode(), "b.txt": GOOD.encode()})
    found, skipped = load([root])
    assert [s.id for s in found] == ["b.txt"]
    assert [s.reason for s in skipped] == ["unparseable HTML (ParserError)"]


def test_read_file_reads_no_more_than_the_limit(tmp_path):
    root = build_only(tmp_path, {"a.txt": b"x" * 101})
    with pytest.raises(sources.SourceError, match="101 bytes, over the 100-byte limit"):
        read_file("a.txt", root / "a.txt", max_bytes=100)


def test_broken_front_matter_keeps_the_article_with_a_warning(tmp_path):
    root = build_only(tmp_path, {"a.md": b"---\ntitle: [unclosed\n---\nAbout 2,500 troops remain.\n",
                                 "b.md": b"---\nx: " + b"[" * 1200 + b"]" * 1200 + b"\n---\nFive were hurt.\n"})
    found, skipped = load([root])
    assert [(s.id, s.warnings) for s in found] == [("a.md", ("front matter is not valid YAML, ignored",)),
                                                    ("b.md", ("front matter is not valid YAML, ignored",))]
    assert found[0].text[found[0].body_start:] == "About 2,500 troops remain.\n" and skipped == []


@pytest.mark.parametrize("header", ["date 2024-13-45", "date 1001-01-01", "---\ndate: 0999-01-01\n---"])
def test_an_impossible_publication_date_is_ignored_not_fatal(tmp_path, header):
    root = build_only(tmp_path, {"a.txt": f"{header}\nLast summer about 2,500 troops were sent.\n".encode()})
    result = CliRunner().invoke(main, [str(root), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    (source,) = read_json(tmp_path / "out" / "report.json")["sources"]
    assert source["published"] is None


def test_a_yaml_alias_bomb_in_front_matter_is_not_expanded(tmp_path):
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"] + [
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]" for n in range(8)]
    bomb = "---\n" + "\n".join(levels) + "\ntitle: *i\ndate: *i\n---\nAbout 2,500 troops remain.\n"
    (src,), _ = load([build_only(tmp_path, {"bomb.md": bomb.encode()})])  # str() of 9**9 items would never end
    assert (src.title, src.published) == (None, None)


def test_a_jsonl_text_must_be_a_string_a_report_can_hold(tmp_path):
    root = build_only(tmp_path, {"f.jsonl": b'{"text": ["a", "list"]}\n{"text": "  "}\n{"text": "Five were hurt."}\n'
                                            b'{"text": "Six \\ud800 were hurt."}\n'})
    found, skipped = load([root])
    assert [s.id for s in found] == ["f.jsonl#3"]
    assert [s.reason for s in skipped] == ["line 1: 'text' is not a string", "line 2: empty 'text'",
                                           "line 4: invalid JSON (\\u escape of a lone surrogate)"]


# ---------------------------------------------------------------- errors

def test_an_unexpected_error_is_one_line_and_exit_two_unless_debug(seeds_copy, tmp_path, monkeypatch):
    import checker.core

    def boom(*args, **kwargs):
        raise ValueError("bad thing\non two lines")

    monkeypatch.setattr(checker.core, "check", boom)
    result = CliRunner().invoke(main, [str(seeds_copy), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.stderr == "Error: ValueError: bad thing on two lines (--debug shows the traceback)\n"
    debug = CliRunner().invoke(main, [str(seeds_copy), "--out", str(tmp_path / "out"), "--debug"])
    assert isinstance(debug.exception, ValueError)


def test_an_unwritable_out_folder_is_one_line_and_exit_two(seeds_copy, tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("a file where the folder should be")
    result = CliRunner().invoke(main, [str(seeds_copy), "--out", str(blocker / "sub")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: cannot write reports to {blocker / 'sub'}: ")
    assert len(result.stderr.splitlines()) == 1


# ---------------------------------------------------------------- atomic reports

def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def previous(seeds_copy, tmp_path):
    """A folder of reports from a good run, and its bytes."""
    out = tmp_path / "out"
    assert CliRunner().invoke(main, [str(seeds_copy), "--out", str(out)]).exit_code == 0
    return out, snapshot(out)


def test_a_failing_renderer_leaves_the_previous_reports_untouched(previous, corpus, monkeypatch):
    from checker import report

    out, before = previous

    def broken(records):
        raise RuntimeError("template exploded")

    monkeypatch.setitem(report.RENDERERS, "html", broken)
    root = corpus({"a.txt": GOOD, "b.txt": GOOD.replace("2,500", "9,000")})
    result = CliRunner().invoke(main, [str(root), "--out", str(out)])
    assert result.exit_code == 2 and "RuntimeError: template exploded" in result.stderr
    assert snapshot(out) == before


def test_a_disk_failure_midway_leaves_no_half_written_set(previous, corpus, monkeypatch):
    from checker import report

    out, before = previous
    real_stage, calls = report.stage, []

    def disk_full(path, data):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real_stage(path, data)

    monkeypatch.setattr(report, "stage", disk_full)
    root = corpus({"a.txt": GOOD, "b.txt": GOOD.replace("2,500", "9,000")})
    result = CliRunner().invoke(main, [str(root), "--out", str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: cannot write reports to {out}: No space left on device\n"
    assert snapshot(out) == before  # also: no temporary file left behind


@pytest.mark.parametrize("name", ["report.json", "report.html", "findings.csv"])
def test_a_folder_in_the_place_of_a_report_is_named_and_leaves_nothing_behind(previous, corpus, name):
    """Renaming a staged report onto a folder fails: the error names that file, and neither
    temporary files nor part of the new set are left in the folder."""
    out, before = previous
    (out / name).unlink()
    (out / name).mkdir()
    before = {n: b for n, b in before.items() if n != name}
    root = corpus({"a.txt": GOOD, "b.txt": GOOD.replace("2,500", "9,000")})
    result = CliRunner().invoke(main, [str(root), "--out", str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: cannot write reports to {out}: {name}: Is a directory\n"
    assert sorted(p.name for p in out.iterdir()) == sorted([*before, name])
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_a_run_with_nothing_readable_leaves_the_previous_reports_untouched(previous, corpus):
    out, before = previous
    result = CliRunner().invoke(main, [str(corpus({"a.txt": b""})), "--out", str(out)])
    assert result.exit_code == 2
    assert snapshot(out) == before


def test_reports_get_ordinary_file_permissions(previous):
    out, _ = previous
    umask = os.umask(0)
    os.umask(umask)
    assert {oct((out / name).stat().st_mode & 0o777) for name in snapshot(out)} == {oct(0o666 & ~umask)}


# ---------------------------------------------------------------- determinism

def test_same_input_gives_byte_identical_reports_whatever_the_hash_seed(hostile, tmp_path):
    """Two processes with different hash seeds (set iteration order) write the same bytes."""
    if os.geteuid() == 0:
        (hostile / "locked.txt").unlink()  # the in-process patch does not reach a subprocess
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        proc = subprocess.run([sys.executable, "-m", "checker", str(hostile), str(SEEDS), "--out", str(out),
                               "--max-bytes", str(MAX_BYTES)],
                              capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed})
        assert proc.returncode in (0, 1), proc.stderr
        outputs.append((snapshot(out), proc.stdout.replace(str(out), "OUT"), proc.stderr))
    assert sorted(outputs[0][0]) == ["claims.csv", "findings.csv", "report.html", "report.json"]
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0][0]["report.json"])["skipped"]


@pytest.mark.parametrize("formats", ["json,csv,html", "csv", "html"])
def test_reports_written_into_the_articles_folder_itself_are_not_read_back(tmp_path, formats):
    """--out the input folder: claims.csv has a text column and report.html article text; read
    back they turned every claim of the first run into an article of the second. They are left
    out silently, as hidden files are: listed as skipped, every run said so (even with -q) and
    the second run's report differed from the first."""
    root = build_only(tmp_path, {"a.txt": GOOD.encode(), "b.txt": GOOD.replace("2,500", "3,000").encode()})
    first = CliRunner().invoke(main, [str(root), "--out", str(root), "--format", formats])
    written = {p.name: p.read_bytes() for p in root.iterdir() if p.name not in ("a.txt", "b.txt")}
    second = CliRunner().invoke(main, [str(root), "--out", str(root), "--format", formats, "-q"])
    assert first.exit_code == second.exit_code == 1
    assert second.stderr == ""
    assert {name: (root / name).read_bytes() for name in written} == written


def test_report_files_named_on_the_command_line_are_not_read_as_articles(tmp_path):
    """`check-claims * -o .` in a folder holding its reports names claims.csv, report.json and
    report.html directly: read, they turned the first run's claims into articles."""
    root = build_only(tmp_path, {"a.txt": GOOD.encode(), "b.txt": GOOD.replace("2,500", "3,000").encode()})
    first = CliRunner().invoke(main, [str(root / "a.txt"), str(root / "b.txt"), "--out", str(root)])
    everything = sorted(str(p) for p in root.iterdir())
    second = CliRunner().invoke(main, [*everything, "--out", str(root)])
    assert first.exit_code == second.exit_code == 1
    assert first.stdout == second.stdout
    assert second.stderr == ""
    assert [s["id"] for s in read_json(root / "report.json")["sources"]] == ["a.txt", "b.txt"]


def test_only_report_files_named_says_why_there_is_nothing_to_read(tmp_path):
    """Left out silently, they would leave a bare 'no readable articles'."""
    root = build_only(tmp_path, {"a.txt": GOOD.encode()})
    CliRunner().invoke(main, [str(root / "a.txt"), "--out", str(root)])
    result = CliRunner().invoke(main, [str(root / "report.json"), str(root / "claims.csv"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: no readable articles (2 check-claims reports given)"
