"""Ingest of each supported format, with small fixtures written by the tests."""
import pytest

from checker.claims import extract
from checker.sources import load

from .conftest import binaries

TEXT = "About 2,500 troops remain in Iraq, officials said on January 4."


def test_date_header_with_leading_space_and_text_on_the_same_line(corpus):
    root = corpus({"a.txt": f" date 2024-01-09 {TEXT}\n"})
    (src,), skipped = load([root])
    assert (src.id, src.published, src.published_from) == ("a.txt", "2024-01-09", "header")
    assert src.text.startswith(" date 2024-01-09")  # offsets index the whole file
    assert src.text[src.body_start:].startswith("About 2,500")


def test_yaml_front_matter(corpus):
    root = corpus({"b.md": f"---\ndate: 2024-02-01\ntitle: Troops stay\nsource: Wire\n---\n{TEXT}\n"})
    (src,), _ = load([root])
    assert (src.published, src.published_from, src.title, src.outlet) == ("2024-02-01", "front-matter", "Troops stay", "Wire")
    assert src.text[src.body_start:].startswith("About 2,500")


def test_html_article_text_title_and_date_from_meta(corpus):
    html = f"""<html><head><title>Troops stay in Iraq</title>
    <meta property="article:published_time" content="2024-01-09T10:00:00Z"></head>
    <body><nav>Home | World</nav><article><h1>Troops stay in Iraq</h1>
    <p>{TEXT}</p><p>The Pentagon said it has no immediate plans to withdraw its forces from the country.</p>
    </article></body></html>"""
    (src,), _ = load([corpus({"c.html": html})])
    assert "About 2,500 troops" in src.text
    assert "Home | World" not in src.text
    assert (src.published, src.published_from, src.title, src.format) == ("2024-01-09", "meta", "Troops stay in Iraq", "html")


def test_csv_one_article_per_row_with_ids(corpus):
    root = corpus({"wire.csv": f'id,published,title,text\nap1,2024-01-09,One,"{TEXT}"\n,,Two,"Three soldiers were killed."\n'})
    sources, _ = load([root])
    assert [s.id for s in sources] == ["wire.csv#ap1", "wire.csv#3"]
    assert sources[0].published == "2024-01-09" and sources[1].published is None
    assert sources[1].text == "Three soldiers were killed."


def test_csv_without_text_column_is_skipped_with_reason(corpus):
    root = corpus({"bad.csv": "id,body\n1,hello\n", "ok.txt": TEXT})
    sources, skipped = load([root])
    assert [s.id for s in sources] == ["ok.txt"]
    assert [(s.path.endswith("bad.csv"), s.reason) for s in skipped] == [(True, "CSV has no 'text' column")]


def test_jsonl(corpus):
    root = corpus({"feed.jsonl": '{"id": "x", "text": "Five people were hurt.", "published": "2013-07-03"}\n'})
    (src,), _ = load([root])
    assert (src.id, src.published, src.text) == ("feed.jsonl#x", "2013-07-03", "Five people were hurt.")


def test_published_option_fills_only_missing_dates(corpus):
    root = corpus({"a.txt": "date 2020-01-01\nText.", "b.txt": "Text."})
    sources, _ = load([root], published="2024-05-05")
    assert [(s.published, s.published_from) for s in sources] == [("2020-01-01", "header"), ("2024-05-05", "option")]


def test_ids_are_relative_to_the_given_folder_and_sorted(corpus):
    root = corpus({"z/b.txt": "One.", "a.txt": "Two.", "z/a.md": "Three.", ".hidden/x.txt": "Four.", "notes.tsv": "x"})
    sources, _ = load([root])
    assert [s.id for s in sources] == ["a.txt", "z/a.md", "z/b.txt"]


@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"),
    *((data, "binary file (control characters)") for data in binaries().values()),
    (b"caf\x81 \x8d troops", "invalid UTF-8 at byte 3, and not Windows-1252 either"),
])
def test_unusable_files_are_skipped_with_a_reason(corpus, content, reason):
    sources, skipped = load([corpus({"bad.txt": content, "good.txt": TEXT})])
    assert [s.id for s in sources] == ["good.txt"]
    assert [s.reason for s in skipped] == [reason]


@pytest.mark.parametrize("content, warnings", [
    ("date 2024-03-02\nThe ferry carried 412 passengers.\x00 Two were hurt.\n".encode(),
     ("NUL character at byte 49 (1 place), shown as \ufffd",)),
    ("\ufeffdate 2024-03-02\nThe ferry carried 412 passengers.\x00 Two were hurt.\n".encode("utf-16-le"),
     ("NUL character at byte 100 (1 place), shown as \ufffd",)),
    ("date 2024-03-02\nThe ferry carried 412 passengers.\x00 Two were hurt.\x00\n".encode() + b"\x93",
     ("not UTF-8 (byte 67), read as Windows-1252", "NUL character at byte 49 (2 places), shown as \ufffd")),
])
def test_a_stray_nul_is_read_as_text_with_a_warning(corpus, content, warnings):
    (src,), skipped = load([corpus({"ferry.txt": content})])
    assert (skipped, src.warnings) == ([], warnings)
    assert "\x00" not in src.text and "passengers.\ufffd Two" in src.text
    assert [(c.text, c.unit) for c in extract(src)] == [("412", "passengers"), ("Two", "injured")]


@pytest.mark.parametrize("stated, published, warnings", [
    ("2024-02-01", "2024-02-01", ()),
    ("2024-02-01T10:30:00Z", "2024-02-01", ()),
    ("Jan 9, 2024", "2024-01-09", ()),
    ("Tuesday, 9 January 2024", "2024-01-09", ()),
    ("January 9, 2024 10:30 EST", "2024-01-09", ()),
    ("2024-02-30", None, ("front-matter date 2024-02-30 is not a real date, ignored",)),
    ("Jan 99, 2024", None, ("front-matter date Jan 99, 2024 is not a real date, ignored",)),
    ("January 9", None, ("front-matter date January 9 is not a real date, ignored",)),  # no year: no day
    ("soon", None, ("front-matter date soon is not a real date, ignored",)),
    ("!!timestamp 2024-02-30", None, ("front matter is not valid YAML, ignored",)),
])
def test_front_matter_dates_are_read_or_warned_about(corpus, stated, published, warnings):
    root = corpus({"a.md": f"---\ntitle: Troops stay\ndate: {stated}\n---\n{TEXT}\n"})
    (src,), _ = load([root])
    assert (src.published, src.published_from, src.warnings) == (published, published and "front-matter", warnings)
    assert src.text[src.body_start:].startswith("About 2,500")


def test_an_unreadable_date_column_is_a_warning_on_its_row(corpus):
    root = corpus({"wire.csv": f'id,date,text\nok,"Jan 9, 2024","{TEXT}"\nbad,2024-13-01,"{TEXT}"\n'})
    sources, skipped = load([root])
    assert [(s.id, s.published, s.warnings) for s in sources] == [
        ("wire.csv#ok", "2024-01-09", ()),
        ("wire.csv#bad", None, ("'date' column 2024-13-01 is not a real date, ignored",))]
    assert skipped == []


@pytest.mark.parametrize("files, options, expected", [
    pytest.param({"a.txt": "date 2024-01-09\nText.", "b.txt": "Text."}, {},
                 [("a.txt", "2024-01-09", "header"), ("b.txt", None, "story")], id="story-date"),
    pytest.param({"a.txt": "date 2024-01-09\nText.", "b.txt": "Text."}, {"published": "2024-05-05"},
                 [("a.txt", "2024-01-09", "header"), ("b.txt", "2024-05-05", "option")], id="option"),
    pytest.param({"a.txt": "Text.", "b.txt": "More text."}, {}, [("a.txt", None, None), ("b.txt", None, None)],
                 id="no-date-anywhere"),
])
def test_each_source_says_where_its_reference_date_came_from(corpus, files, options, expected):
    from checker import check

    records = check([corpus(files)], **options).to_records()
    assert [(s["id"], s["published"], s["published_from"]) for s in records["sources"]] == expected


def test_seed_sources_without_a_date_take_the_story_date(seeds_records):
    assert [(s["id"][:3], s["published_from"]) for s in seeds_records["sources"]] == [
        ("000", "story"), ("001", "story"), ("002", "story"), ("003", "story"), ("004", "header")]
