"""Pathological text stays bounded: huge lines and paragraphs, deep nesting and one fact repeated
ten thousand times finish, and what reaches the report is capped (with a warning saying so).

Speed is measured in bench/; these tests assert completion and bounded output. The per-source
claim cap is lowered here so alignment of the capped claims stays quick in the suite."""
import pytest

from checker import check, core
from checker.claims import extract
from checker.report import render_json
from checker.sources import Source, load

HEADER = "date 2024-01-09\n"


@pytest.fixture
def small_cap(monkeypatch):
    monkeypatch.setattr(core, "MAX_CLAIMS_PER_SOURCE", 50)
    return 50


def assert_bounded(report, source_id: str):
    claims = [c for c in report.claims if c.source == source_id]
    text = next(s.text for s in report.sources if s.id == source_id)
    for c in claims:
        assert text[c.start:c.end] == c.text
        assert c.text in c.sentence and len(c.sentence) <= core.MAX_SENTENCE_CHARS + len(c.text)
    return claims


def test_a_500_kb_line_of_numbers_is_capped_with_a_warning(corpus, small_cap):
    line = " ".join(["12,500 troops"] * 38_000)  # ~500 KB, not one full stop
    root = corpus({"numbers.txt": HEADER + line, "b.txt": HEADER + "About 12,500 troops were deployed.\n"})
    report = check([root])
    assert len(assert_bounded(report, "numbers.txt")) == small_cap
    (numbers,) = [s for s in report.sources if s.id == "numbers.txt"]
    assert numbers.warnings == (f"38,000 claims found, only the first {small_cap} kept",)
    assert len(render_json(report.to_records())["report.json"]) < 2_000_000  # ~1 MB of source text, not GBs


def test_a_million_character_paragraph_clips_each_claim_sentence(corpus):
    chunk = "the long unpunctuated account goes on and on " * 225  # ~10,000 characters
    paragraph = "".join(f"{chunk}with {n} witnesses " for n in range(2, 102))
    assert len(paragraph) > 1_000_000
    report = check([corpus({"para.txt": HEADER + paragraph})])
    claims = assert_bounded(report, "para.txt")
    assert [c.value for c in claims if c.kind == "count"] == list(range(2, 102))


def test_ten_thousand_claims_of_one_fact_are_capped(corpus, small_cap):
    repeated = "About 2,500 troops are stationed in Iraq. " * 10_000
    report = check([corpus({"same.txt": HEADER + repeated, "other.txt": HEADER + "Some 2,500 troops stay in Iraq.\n"})])
    assert len([c for c in report.claims if c.source == "same.txt"]) == small_cap
    assert report.summary["claims"] <= small_cap + 2
    records = report.to_records()
    assert records["sources"][1]["warnings"] == [f"10,000 claims found, only the first {small_cap} kept"]


def test_deeply_nested_html_finishes_read_or_skipped(corpus):
    depth = 100_000
    html = "<html><body>" + "<div>" * depth + "<p>About 2,500 troops remain in Iraq, officials said.</p>" \
        + "</div>" * depth + "</body></html>"
    found, skipped = load([corpus({"deep.html": html})])
    assert len(found) + len(skipped) == 1
    assert [s.reason for s in skipped] in ([], ["no article text found in HTML"])


@pytest.mark.parametrize("name, text", [
    ("comma runs", "1," * 50_000),
    ("dot runs", "1." * 50_000),
    ("hyphenated number words", "-".join(["twenty"] * 30_000)),
    ("hedges without a number", "about more than at least " * 20_000 + "5"),
    ("month names", "January " * 30_000),
    ("space before a noun", "5" + " " * 100_000 + "troops"),
    ("digits", "9" * 200_000),
    ("separators", "1,000,00" * 30_000),
    ("sentence ends", ". " * 100_000 + "5 troops"),
    ("bare numbers in one sentence", "1 " * 8_000),  # each once looked back through all before it
    ("decimals in one sentence", "1.5 " * 5_000),  # each once rescanned the sentence for quake words
    ("storm categories in one sentence", "Category 4 " * 5_000 + "hurricane"),  # and for storm words
    ("shares in one sentence", "and a half of nearly two-thirds of " * 3_000),
    ("partitive numbers", "of 5 " * 5_000),
    ("race times in one sentence", "in 1:02:03 " * 5_000),  # each once searched the sentence back to its start
])
def test_adversarial_text_for_the_regexes_finishes_with_valid_spans(name, text):
    """Catastrophic backtracking would hang here instead of finishing in well under a second."""
    source = Source("x.txt", "x.txt", text)
    for c in extract(source):
        assert 0 <= c.start < c.end <= len(text) and text[c.start:c.end] == c.text


def test_a_number_of_hundreds_of_digits_is_no_claim_and_the_report_stays_valid_json(corpus):
    """A float holds no 400-digit number: read, it became Infinity, which is no JSON, and "inf miles"
    agreed with any other distance."""
    huge = "9" * 400
    root = corpus({"a.txt": HEADER + f"They marched {huge} miles with {huge} troops and $5 million.\n",
                   "b.txt": HEADER + "They marched 2 miles with 3 troops.\n"})
    records = check([root]).to_records()
    assert [(c["text"], c["value"]) for c in records["claims"] if c["source"] == "a.txt"] == [("$5 million", 5000000)]
    assert "Infinity" not in render_json(records)["report.json"]
