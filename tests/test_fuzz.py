"""Property tests: any bytes in any supported file type either become sources or a SourceError
(never another exception), and extraction over any text never raises and gives exact spans."""
import json
from datetime import date
from importlib import resources

import jsonschema
from hypothesis import HealthCheck, given, settings, strategies as st

from checker import check
from checker.claims import KINDS, extract
from checker.sources import SUFFIXES, Source, SourceError, read_file

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

#: Fragments that steer random text towards what the grammar looks at.
TOKENS = ["2,500", "1.5", "40%", "$5 million", "€2m", "twenty-one", "three", "million", "about", "at least",
          "more than", "up to", "between", "and", "January", "Jan.", "4", "2024", "in", "on", "since",
          "last summer", "Christmas Day", "2:53 pm", "7:37 AM", "the third", "aged 77", "30 miles",
          "130-kilometre", "two-decade-long", "–", "-", ",", ".", "!", "?", "\"", "“", " ", " ", " ", "\n",
          "\n\n", "troops", "people", "killed", "Iraq", "date 2024-01-09\n", "---\n", "\u00a0", "\u200b", "é"]
TEXTS = st.one_of(st.lists(st.sampled_from(TOKENS), max_size=60).map("".join), st.text(max_size=300))
BYTES = st.one_of(st.binary(max_size=400), TEXTS.map(lambda t: t.encode("utf-8")),
                  TEXTS.map(lambda t: t.encode("utf-16")), TEXTS.map(lambda t: t.encode("cp1252", "ignore")))
MARKUP = st.lists(st.sampled_from(["<p>", "</p>", "<div>", "<html>", "<body>", "<article>", "<script>", "</script>",
                                   "<!--", "-->", "<![CDATA[", "<meta content='2024-01-09' property='article:published_time'>",
                                   "&amp;", "&#0;", "&#xD800;", '"', "<title>", "</title>", "<br/>"])
                  | TEXTS, max_size=40).map("".join)
CSV = st.lists(st.sampled_from(["id,text,published\n", "text\n", "a,", '"', '""', ",", "\n", "\r\n", "x", "2024-01-09"])
               | TEXTS, max_size=40).map("".join)


def assert_valid_source(src: Source):
    assert isinstance(src.text, str) and src.text
    assert 0 <= src.body_start <= len(src.text)
    assert all(isinstance(w, str) and "\n" not in w for w in src.warnings)


@FUZZ
@given(data=st.one_of(BYTES, MARKUP.map(str.encode), CSV.map(str.encode)), suffix=st.sampled_from(sorted(SUFFIXES)))
def test_any_bytes_become_sources_or_a_one_line_source_error(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"f{suffix}"
    path.write_bytes(data)
    try:
        found, skipped = read_file(path.name, path)
    except SourceError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert found or skipped
    for src in found:
        assert_valid_source(src)
    assert all(s.reason and "\n" not in s.reason for s in skipped)


@FUZZ
@given(text=TEXTS, published=st.one_of(st.none(), st.dates(date(1800, 1, 1), date(2199, 12, 31)).map(str)))
def test_extraction_never_raises_and_spans_are_exact(text, published):
    source = Source("x.txt", "x.txt", text, published=published)
    for c in extract(source):
        assert 0 <= c.start < c.end <= len(text) and text[c.start:c.end] == c.text
        assert c.kind in KINDS


SCHEMA = json.loads(resources.files("checker").joinpath("schema", "report.schema.json").read_text())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXTS.filter(str.strip), min_size=1, max_size=3))
def test_the_whole_pipeline_on_random_articles_keeps_the_contract(tmp_path_factory, texts):
    root = tmp_path_factory.mktemp("story")
    for n, text in enumerate(texts):
        (root / f"{n}.txt").write_text(text, encoding="utf-8")
    try:
        report = check([root])
    except Exception as exc:  # only "nothing readable" may stop a run
        assert type(exc).__name__ == "NoInput", exc
        return
    records = report.to_records()
    jsonschema.validate(records, SCHEMA)
    by_id = {s.id: s.text for s in report.sources}
    for c in records["claims"]:
        assert by_id[c["source"]][c["start"]:c["end"]] == c["text"]


#: Date phrases whose arithmetic can leave the calendar: leap days, year ends, spans reaching back centuries.
DATE_PHRASES = st.tuples(
    st.sampled_from(["", "on ", "since ", "by ", "until ", "last ", "next "]),
    st.sampled_from(["", "about ", "more than ", "less than ", "nearly "]),
    st.sampled_from(["Feb. 29", "Dec. 31", "Jan. 1", "Monday", "late Sunday night", "early Monday morning",
                     "2,500 years ago", "a week ago", "two and a half years ago", "800,000 days ago", "the 1990s",
                     "last winter", "this weekend", "11:59 p.m. Dec. 31", "tonight", "Christmas Eve"]),
).map("".join)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(phrases=st.lists(st.lists(DATE_PHRASES, min_size=1, max_size=6), min_size=2, max_size=2),
       published=st.lists(st.dates(date(1800, 1, 1), date(2199, 12, 31)), min_size=2, max_size=2))
def test_any_date_phrase_on_any_publication_day_keeps_the_contract(tmp_path_factory, phrases, published):
    """"next Feb. 29" in a year before a common one, "2,500 years ago": a date past the calendar is no
    reason to stop a run."""
    root = tmp_path_factory.mktemp("dates")
    for n, (said, day) in enumerate(zip(phrases, published)):
        body = " ".join(f"Three people were shot {phrase}, police said." for phrase in said)
        (root / f"{n}.txt").write_text(f"date {day}\n\n{body}\n", encoding="utf-8")
    jsonschema.validate(check([root]).to_records(), SCHEMA)
