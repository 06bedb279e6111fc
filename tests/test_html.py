"""report.html: self-contained, findings in status order with every source's value and the mention
marked, timeline and coverage grid drawn from the records, and article text never live markup."""
import json

import lxml.html
import pytest

from checker import check
from checker.findings import differing
from checker.report import mention, render_html

from .conftest import fixture_report

STATUS_ORDER = ["discrepancy", "agreement", "single-source"]


@pytest.fixture(scope="module")
def story(story_records):
    html = render_html(story_records)["report.html"]
    return story_records, html, lxml.html.fromstring(html)


@pytest.fixture(scope="module")
def xss():
    records = fixture_report("xss").to_records()
    html = render_html(records)["report.html"]
    return records, html, lxml.html.fromstring(html)


def test_page_loads_nothing_from_elsewhere(story):
    _, html, page = story
    assert page.xpath("//link | //iframe | //object | //embed | //img") == []
    assert page.xpath("//script[@src]") == []
    for attr in page.xpath("//@href | //@src"):
        assert attr.startswith("#"), attr
    assert "url(" not in html and "@import" not in html and "http://" not in html.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")


def test_embedded_data_is_the_record_set(story):
    records, _, page = story
    (data,) = page.xpath('//script[@type="application/json"]')
    assert json.loads(data.text) == records


def test_sources_show_publication_date_and_its_origin(story):
    records, _, page = story
    rows = page.xpath('//table[@id="source-table"]/tbody/tr')
    assert len(rows) == len(records["sources"])
    cells = {r[0].text_content(): [c.text_content() for c in r] for r in rows}
    assert cells["harbor-gazette.txt"][1:3] == ["2024-03-12", "header"]
    assert cells["coastal-news.md"][1:4] == ["2024-03-11", "front-matter", "Harbor fire injures workers"]


def test_count_tiles_match_the_summary(story):
    records, _, page = story
    tiles = {a.get("href"): a.xpath("./b")[0].text for a in page.xpath('//nav[@class="tiles"]/a')}
    for status in STATUS_ORDER:
        assert tiles[f"#status={status}"] == str(records["summary"][status])


def test_discrepancies_first_then_agreements_then_single_source(story):
    _, _, page = story
    assert page.xpath("//section/@data-status") == STATUS_ORDER
    statuses = page.xpath("//tr[@data-finding]/@data-status")
    assert statuses == sorted(statuses, key=STATUS_ORDER.index)


def test_every_finding_shows_each_source_value_and_marks_the_mention(story):
    records, _, page = story
    claims = {c["id"]: c for c in records["claims"]}
    for cluster in records["clusters"]:
        (row,) = page.xpath(f'//tr[@id="{cluster["id"]}"]')
        items = row.xpath('.//ul[@class="values"]/li')
        assert [li.get("id") for li in items] == cluster["claims"]
        for li in items:
            claim = claims[li.get("id")]
            assert li.xpath('./span[@class="src"]')[0].text == claim["source"]
            assert li.xpath('.//mark')[0].text == claim["text"]
            assert li.xpath('./span[@class="sentence"]')[0].text_content() == claim["sentence"]
        assert row.xpath('./td[@data-col="explanation"]')[0].text == cluster["explanation"]


def test_disputed_values_stand_side_by_side_and_the_odd_one_is_marked(story):
    _, _, page = story
    row = page.xpath('//section[@data-status="discrepancy"]//tr[contains(., "workers")]')[0]
    values = {li.xpath('./span[@class="src"]')[0].text: li.xpath('./span[contains(@class, "value")]')[0]
              for li in row.xpath('.//ul[@class="values"]/li')}
    assert {src: span.text for src, span in values.items()} == {
        "coastal-news.md": "18", "harbor-gazette.txt": "12", "wire-report.txt": "12"}
    assert [src for src, span in values.items() if "differs" in span.get("class")] == ["coastal-news.md"]


def test_filters_offer_every_status_kind_and_source(story):
    records, _, page = story
    options = {s.get("name"): s.xpath("./option/@value")[1:] for s in page.xpath('//form[@id="filters"]//select')}
    assert options["status"] == STATUS_ORDER
    assert options["kind"] == sorted({k["kind"] for k in records["clusters"]})
    assert options["source"] == [s["id"] for s in records["sources"]]


def test_every_column_is_sortable(story):
    _, _, page = story
    for table in page.xpath('//table[@class="findings"]'):
        headers = table.xpath("./thead/tr/th")
        assert headers and all(th.get("aria-sort") == "none" and th.xpath("./button") for th in headers)
        assert {th.get("data-col") for th in headers} == set(table.xpath(".//tbody/tr[1]/td/@data-col"))


def test_timeline_draws_a_mark_per_dated_mention_and_joins_conflicts(story):
    records, _, page = story
    (svg,) = page.xpath('//*[local-name()="svg"][@id="timeline-svg"]')
    marks = svg.xpath('.//*[local-name()="circle"]')
    assert len(marks) == sum(len(e["claims"]) for e in records["timeline"])
    conflicts = [e for e in records["timeline"] if e["status"] == "discrepancy"]
    assert conflicts, "the fixture story dates the fire differently"
    assert len(svg.xpath('.//*[local-name()="polyline"][@class="conflict"]')) == len(conflicts)
    assert {c.get("data-status") for c in marks} == {e["status"] for e in records["timeline"]}


def test_each_timeline_mark_shows_its_own_sources_words(story):
    records, _, page = story
    claims = {c["id"]: c for c in records["claims"]}
    (svg,) = page.xpath('//*[local-name()="svg"][@id="timeline-svg"]')
    titles = [t.text_content() for t in svg.xpath('.//*[local-name()="circle"]/*[local-name()="title"]')]
    mentions = [claims[cid] for e in records["timeline"] for cid in e["claims"]]  # the marks' order
    assert any(len(e["claims"]) > 1 for e in records["timeline"]), "the fixture story dates an event twice"
    for title, m in zip(titles, mentions, strict=True):
        _, source, words = title.split(" · ", 2)
        before, _, after = m["sentence"].partition(m["text"])  # the words either side of the date
        near = " ".join(before.split()[-1:] + ["…"] + after.split()[:1]).strip(" ,.;:")
        assert source == m["source"] and near in words, (title, m["sentence"])


def test_coverage_grid_marks_the_source_that_differs(story):
    records, _, page = story
    header = page.xpath('//table[@id="coverage-grid"]/thead/tr/th/text()')[1:]
    assert header == [s["id"] for s in records["sources"]]
    (workers,) = page.xpath('//table[@id="coverage-grid"]/tbody/tr[.//a[text()="workers"]]')
    cells = dict(zip(header, workers.xpath("./td")))
    assert (cells["coastal-news.md"].get("class"), cells["coastal-news.md"].text) == ("differs", "18")
    assert cells["wire-report.txt"].get("class") == "same"


def test_a_source_differs_in_the_grid_only_when_all_its_values_differ(corpus):
    """a.txt gives "at least 5" and "5" against the others' 24: "at least 5" can be 24, so its
    cell is not red though "5" differs."""
    root = corpus({
        "a.txt": "date 2024-01-09\nAt least 5 people were killed in the blast on Monday, police said. "
                 "Later, officials said 5 people were killed in the blast.\n",
        "b.txt": "date 2024-01-09\nThe blast on Monday killed 24 people, officials said.\n",
        "c.txt": "date 2024-01-10\n24 people were killed in the blast, police said.\n"})
    records = check([root]).to_records()
    page = lxml.html.fromstring(render_html(records)["report.html"])
    header = page.xpath('//table[@id="coverage-grid"]/thead/tr/th/text()')[1:]
    (killed,) = page.xpath('//table[@id="coverage-grid"]/tbody/tr[@class="discrepancy"]')
    cells = {src: (td.get("class"), td.text) for src, td in zip(header, killed.xpath("./td"))}
    assert cells == {"a.txt": ("same", ">=5, 5"), "b.txt": ("same", "24"), "c.txt": ("same", "24")}
    assert [c["text"] for c in records["claims"] if c["id"] in differing(records)] == ["5"]  # yet one value differs


def test_article_markup_renders_as_text(xss):
    records, html, page = xss
    assert page.xpath("//img") == [] and page.xpath("//@onerror") == []
    scripts = page.xpath("//script")
    assert [s.get("type") for s in scripts] == ["application/json", None]
    assert "document.title" not in scripts[1].text
    shown = page.text_content()
    assert "<script>document.title='pwned'</script>" in shown
    assert "<img src=x onerror=" in shown
    assert json.loads(scripts[0].text) == records  # '</script><!--' in an article cannot end the data block


def test_mention_prefers_offsets_and_never_guesses_wrong():
    claim = {"sentence": "12 of 12 workers", "text": "12", "start": 106, "end": 108, "sentence_start": 100}
    assert mention(claim) == ("12 of ", "12", " workers")
    assert mention({**claim, "sentence_start": 94}) == ("12 of 12 workers", "", "")
    del claim["sentence_start"]
    assert mention(claim) == ("", "12", " of 12 workers")


def test_same_records_give_identical_bytes(story):
    records, html, _ = story
    assert render_html(json.loads(json.dumps(records)))["report.html"] == html


def test_many_sources_share_one_timeline_lane_and_skip_the_grid(story, monkeypatch):
    import checker.report

    records, _, _ = story
    monkeypatch.setattr(checker.report, "MAX_GRID_SOURCES", 2)
    page = lxml.html.fromstring(render_html(records)["report.html"])
    assert page.xpath('//table[@id="coverage-grid"]') == []
    assert "Not drawn for 3 sources" in page.xpath('//h2[@id="coverage"]/following-sibling::p[1]')[0].text
    lanes = page.xpath('//*[local-name()="text"][@class="lane-label"]/text()')
    assert lanes == ["all 3 sources"]
    assert len(page.xpath('//*[local-name()="circle"]')) == sum(len(e["claims"]) for e in records["timeline"])


def test_skipped_files_are_listed_with_their_reason(corpus):
    from checker import check

    root = corpus({"ok.txt": "date 2024-01-02\nAbout 40 containers burned on January 1.", "empty.txt": b""})
    page = lxml.html.fromstring(render_html(check([root]).to_records())["report.html"])
    (item,) = page.xpath('//ul[@id="skipped"]/li')
    assert "empty.txt" in item.text_content() and "empty" in item.text_content().split(":", 1)[1]


def test_source_warnings_are_listed(corpus):
    from checker import check

    root = corpus({"ok.txt": "date 2024-01-02\nAbout 40 containers burned on January 1.",
                   "latin.txt": "date 2024-01-02\nAbout 40 containers burned in the caf\xe9 on January 1.".encode("cp1252")})
    page = lxml.html.fromstring(render_html(check([root]).to_records())["report.html"])
    (item,) = page.xpath('//ul[@id="warnings"]/li')
    assert item.text_content() == "latin.txt: not UTF-8 (byte 53), read as Windows-1252"
    assert page.xpath('//h2[starts-with(., "Warnings")]/span')[0].text == "(1)"


def test_outlet_and_url_from_front_matter_reach_the_report(corpus):
    from checker import check

    root = corpus({"a.md": "---\ndate: 2024-01-09\ntitle: Troops stay\nsource: Wire <b>desk</b>\n"
                           "url: https://example.org/troops\n---\nAbout 2,500 troops remain in Iraq.\n"})
    records = check([root]).to_records()
    (source,) = records["sources"]
    assert (source["outlet"], source["url"]) == ("Wire <b>desk</b>", "https://example.org/troops")
    page = lxml.html.fromstring(render_html(records)["report.html"])
    (outlet,) = page.xpath('//table[@id="source-table"]//span[@class="outlet"]')
    assert outlet.text == "(Wire <b>desk</b>)"  # escaped: shown as text, not markup
