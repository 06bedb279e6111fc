"""A new user's bad inputs: each gives a one-line reason naming the file (or folder) and what
is wrong with it, and never loses part of a file without saying which part."""
from checker.sources import load

from .conftest import run

GOOD = "date 2024-01-09\nApproximately 2,500 American troops are stationed in Iraq.\n"


def test_an_unclosed_quote_in_a_csv_names_every_line_it_swallowed(corpus):
    root = corpus({"wire.csv": 'id,text\n1,"About 2,500 troops are in Iraq.\n2,Three died.\n3,Four were hurt.\n'})
    sources, skipped = load([root])
    assert sources == []
    assert [s.reason for s in skipped] == ["lines 2-4: malformed CSV row (a quote is never closed)"]


def test_a_quote_closed_lines_later_names_the_lines_lost_and_keeps_the_rest(corpus):
    root = corpus({"wire.csv": 'id,text\n1,"About 2,500 troops.\n2,Three died.\n3,"Four" x\n4,Five were hurt.\n'})
    sources, skipped = load([root])
    assert [s.id for s in sources] == ["wire.csv#4"]
    assert [s.reason for s in skipped] == ["lines 2-4: malformed CSV row (',' expected after '\"')"]


def test_a_bad_quote_within_one_line_still_names_that_line(corpus):
    sources, skipped = load([corpus({"wire.csv": 'id,text\n1,"a "bad" quote"\n2,Three died.\n'})])
    assert [s.id for s in sources] == ["wire.csv#2"]
    assert [s.reason for s in skipped] == ["line 2: malformed CSV row (',' expected after '\"')"]


def test_an_empty_folder_is_named_in_the_error(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / ".DS_Store").write_bytes(b"\x00")
    result = run(tmp_path / "empty", "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr == f"Error: no readable articles (no files in {tmp_path / 'empty'})\n"
    assert not (tmp_path / "out").exists()


def test_a_file_named_on_the_command_line_in_another_format_is_skipped_as_in_a_folder(tmp_path, corpus):
    """`check-claims *` names photos and data files too: read as text, a feed.xml's markup and a
    data.json's numbers became claims of articles."""
    root = corpus({"a.txt": GOOD, "feed.xml": '<?xml version="1.0"?><rss><item><title>5 dead</title></item></rss>',
                   "data.json": '{"dead": 5}', "photo.jpg": b"\xff\xd8\xff"})
    result = run(*sorted(root.iterdir()), "--out", tmp_path / "out", "--format", "csv")
    assert result.exit_code == 0, result.output
    reason = "not an article format (reads .csv, .htm, .html, .jsonl, .markdown, .md, .txt)"
    assert result.stderr.splitlines() == [f"skipped {root / name}: {reason}" for name in ("data.json", "feed.xml", "photo.jpg")]
    assert "5 dead" not in (tmp_path / "out" / "claims.csv").read_text(encoding="utf-8")


def test_out_or_baseline_below_a_file_fails_before_reading_anything(tmp_path, corpus, monkeypatch):
    """`--out notes.txt/reports` (or --update-baseline there) read and aligned every article,
    then failed to write."""
    import checker.core

    def never(*args, **kwargs):
        raise AssertionError("read the articles")

    monkeypatch.setattr(checker.core, "ingest", never)
    (tmp_path / "notes.txt").write_text("a file\n")
    root = corpus({"s/a.txt": GOOD})
    for args in ([], ["--stories", "subfolders"]):
        result = run(root, "--out", tmp_path / "notes.txt" / "reports", *args)
        assert result.exit_code == 2
        assert result.stderr == f"Error: cannot write reports to {tmp_path}/notes.txt/reports: {tmp_path}/notes.txt is a file\n"
    result = run(root, "--out", tmp_path / "out", "--baseline", tmp_path / "notes.txt" / "b.json", "--update-baseline")
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path}/notes.txt/b.json: cannot write baseline ({tmp_path}/notes.txt is a file)\n"


def test_github_annotations_write_no_file_so_out_below_a_file_is_no_error(tmp_path, corpus):
    """`--format github` prints annotations and writes nothing into --out: a file in its way is none."""
    (tmp_path / "notes.txt").write_text("a file\n")
    result = run(corpus({"a.txt": GOOD}), "--out", tmp_path / "notes.txt" / "reports", "--format", "github")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "notes.txt").read_text() == "a file\n"


def test_a_utf8_article_with_a_stray_byte_stays_utf8(corpus):
    """Cut mid-character (a CMS byte limit) or carrying one stray byte, a UTF-8 article was read
    as Windows-1252: every accent and dash garbled ("2â€“3" is no range), or skipped outright."""
    text = "Between 2\u20133 people died in Z\u00fcrich on Monday, the caf\u00e9\u2019s owner said.\n"
    root = corpus({"cut.txt": text.encode() + "\u2013".encode()[:2] + b" more\n",
                   "stray.txt": text.encode() + b"\x81 more\n"})
    sources, skipped = load([root])
    assert skipped == []
    for src in sources:
        assert src.text == text + "\ufffd more\n"
    at = len(text.encode())
    assert [s.warnings for s in sources] == [(f"invalid UTF-8 at byte {at} (1 place), shown as \ufffd",)] * 2


def test_a_windows_1252_article_is_still_read_as_such(corpus):
    (src,), _ = load([corpus({"old.txt": "Some 2,500 troops remain, the caf\u00e9 owner said \u2013 officially.\n".encode("cp1252")})])
    assert "caf\u00e9 owner said \u2013 officially" in src.text
    assert src.warnings == ("not UTF-8 (byte 33), read as Windows-1252",)


def test_a_semicolon_csv_from_a_european_spreadsheet_is_read(corpus):
    """Excel in much of Europe exports 'id;published;text' (LibreOffice quotes every field): it was
    'CSV has no text column', or an unreadable header."""
    root = corpus({"wire.csv": 'id;published;text\r\nap1;2024-01-09;"About 2,500 troops; officials said so."\r\n'
                               'ap2;2024-01-10;Three soldiers died.\r\n',
                   "comma.csv": 'id,text\nx1,"Troops; 2,500 of them."\n',
                   "quoted.csv": '"id";"text"\n"q1";"Four soldiers were hurt."\n'})
    sources, skipped = load([root])
    assert skipped == []
    assert [(s.id, s.published, s.text) for s in sources] == [
        ("comma.csv#x1", None, "Troops; 2,500 of them."),
        ("quoted.csv#q1", None, "Four soldiers were hurt."),
        ("wire.csv#ap1", "2024-01-09", "About 2,500 troops; officials said so."),
        ("wire.csv#ap2", "2024-01-10", "Three soldiers died.")]
