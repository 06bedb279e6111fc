"""Web pages that hold no article: a site's menu or a section front of teaser links is skipped
with a reason naming the file, never read as a source with no claims named like "Home"."""
import pytest

from checker.sources import load

from .conftest import read_json, run

MENU = """<!DOCTYPE html><html><head><title>Home</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/about">About us</a></li></ul></nav>
<div class="menu"><a href="/world">World</a> | <a href="/business">Business</a> | <a href="/contact">Contact</a></div>
<div><span>Menu</span> <a href="/search">Search</a></div>
<footer><a href="/privacy">Privacy</a> &middot; <a href="/terms">Terms</a> &middot; <a href="/jobs">Jobs</a></footer></body></html>"""
TEASERS = """<html><head><title>World news</title></head><body><div>
<p><a href="/a">Earthquake of magnitude 6.1 kills 12 in the north</a></p>
<p><a href="/b">Floods force 3,000 people from their homes</a></p>
<p><a href="/c">Election results due on Monday</a></p></div></body></html>"""
SHORT = """<html><head><title>Quake</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<p>An earthquake of magnitude 6.1 struck the region on Monday, killing 12 people, <a href="/x">officials said</a>.</p>
</body></html>"""
#: trafilatura's fallback breaks this sentence at its links into lines of three words and fewer.
BROKEN = """<html><body><header><a href="/">Home</a></header><main><p>An earthquake killed <a href="/x">12 people</a>
on Monday in <a href="/n">the north</a>, <a href="/p">police</a> said.</p></main></body></html>"""


@pytest.mark.parametrize("page", [MENU, TEASERS], ids=["menu", "teasers"])
def test_a_page_of_links_only_is_skipped_with_its_reason(corpus, page):
    sources, skipped = load([corpus({"index.html": page, "a.txt": "Twelve people died."})])
    assert [s.id for s in sources] == ["a.txt"]
    assert [(s.path.rsplit("/", 1)[-1], s.reason) for s in skipped] == [
        ("index.html", "no article text found in HTML (only menus and links)")]


def test_a_sentence_broken_at_its_links_is_still_an_article(corpus):
    (src,), skipped = load([corpus({"quake.html": BROKEN})])
    assert skipped == [] and "An earthquake killed\n12 people\non Monday in" in src.text


def test_a_page_of_a_few_words_and_no_links_is_an_article(corpus):
    (src,), skipped = load([corpus({"brief.html": "<html><body><article><p>Five people died Tuesday.</p>"
                                                  "</article></body></html>"})])
    assert skipped == [] and "Five people died Tuesday." in src.text


def test_a_short_article_with_a_link_in_its_text_is_read(corpus):
    (src,), skipped = load([corpus({"quake.html": SHORT})])
    assert skipped == [] and "magnitude 6.1 struck the region on Monday, killing 12 people" in src.text


def test_the_cli_lists_the_menu_page_as_skipped(tmp_path, corpus):
    root = corpus({"home.html": MENU, "a.txt": "date 2024-01-09\nTwelve people died in the quake."})
    result = run(root, "--out", tmp_path / "out", "--format", "json")
    assert result.exit_code == 0, result.output
    report = read_json(tmp_path / "out" / "report.json")
    assert [s["id"] for s in report["sources"]] == ["a.txt"]
    assert [s["reason"] for s in report["skipped"]] == ["no article text found in HTML (only menus and links)"]
    assert "home.html" in result.output and "no article text found" in result.output
