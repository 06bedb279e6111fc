"""report.html in a real browser: Debian's headless Chromium driven by Playwright. The page loads
with no console errors, filters and sorting work and land in the URL, the timeline is drawn, and
the XSS fixture stays inert. Never downloads a browser (no `playwright install`)."""
import shutil
from pathlib import Path

import pytest

from checker import check
from checker.report import render, write_files

from .conftest import fixture_report

CHROMIUM = Path("/usr/bin/chromium") if Path("/usr/bin/chromium").exists() else shutil.which("chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium not found at /usr/bin/chromium or on PATH "
                                "(install Debian's package: apt-get install -y chromium)")


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """report.html for the fixture story and the XSS fixture, written as the CLI writes them."""
    out = tmp_path_factory.mktemp("html")
    for name in ("story", "xss"):
        write_files(render(fixture_report(name).to_records(), ["html"]), out / name)
    return {name: (out / name / "report.html").as_uri() for name in ("story", "xss")}


@pytest.fixture
def open_page(browser):
    """Open a URL, collecting console errors, page errors and any request that leaves the file."""
    opened = []

    def go(url: str):
        page = browser.new_page()
        page.problems = []
        page.on("console", lambda m: m.type in ("error", "warning") and page.problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: page.problems.append(f"error: {e}"))
        page.on("request", lambda r: r.url.startswith(("file:", "blob:", "data:")) or page.problems.append(r.url))
        page.goto(url)
        opened.append(page)
        return page

    yield go
    for page in opened:
        page.close()


def visible_findings(page) -> list[str]:
    return page.eval_on_selector_all("tr[data-finding]", "rows => rows.filter(r => r.offsetParent).map(r => r.id)")


def test_loads_without_errors_and_shows_all_findings(open_page, pages):
    page = open_page(pages["story"])
    total = page.locator("tr[data-finding]").count()
    assert total > 0 and len(visible_findings(page)) == total
    assert page.locator("#shown").text_content() == f"{total} of {total} findings shown"
    assert page.problems == []


def test_status_filter_hides_other_findings_and_goes_into_the_url(open_page, pages):
    page = open_page(pages["story"])
    page.select_option("select[name=status]", "discrepancy")
    shown = visible_findings(page)
    assert shown and all(page.get_attribute(f"#{k}", "data-status") == "discrepancy" for k in shown)
    assert not page.locator("section#agreement").is_visible()
    assert "status=discrepancy" in page.url
    assert page.problems == []


def test_kind_and_source_filters_combine(open_page, pages):
    page = open_page(pages["story"])
    page.select_option("select[name=kind]", "date")
    page.select_option("select[name=source]", "wire-report.txt")
    shown = visible_findings(page)
    assert shown
    for k in shown:
        assert page.get_attribute(f"#{k}", "data-kind") == "date"
        assert "wire-report.txt" in page.get_attribute(f"#{k}", "data-sources").split("\n")
    page.click("#reset")
    page.wait_for_function("document.querySelectorAll('tr[data-finding]:not([hidden])').length"
                           " === document.querySelectorAll('tr[data-finding]').length")
    assert "#" not in page.url
    assert page.problems == []


def test_a_link_with_filters_reproduces_the_view(open_page, pages):
    kind = open_page(pages["story"]).get_attribute("section#single-source tr[data-finding]", "data-kind")
    page = open_page(pages["story"] + f"#status=single-source&kind={kind}&sort=n:desc")
    assert page.input_value("select[name=status]") == "single-source"
    assert page.input_value("select[name=kind]") == kind
    shown = visible_findings(page)
    assert shown and all(page.get_attribute(f"#{k}", "data-kind") == kind for k in shown)
    assert not page.locator("section#discrepancy").is_visible()
    assert page.get_attribute('section#single-source th[data-col="n"]', "aria-sort") == "descending"
    assert page.problems == []


def test_clicking_a_header_sorts_and_sets_aria_sort(open_page, pages):
    page = open_page(pages["story"])
    header = 'section#single-source th[data-col="fact"]'
    facts = 'section#single-source tr[data-finding] .fact'
    page.click(f"{header} button")
    assert page.get_attribute(header, "aria-sort") == "ascending"
    ascending = page.locator(facts).all_text_contents()
    assert ascending == sorted(ascending, key=str.lower) and len(set(ascending)) > 1
    page.click(f"{header} button")
    assert page.get_attribute(header, "aria-sort") == "descending"
    assert page.locator(facts).all_text_contents() == sorted(ascending, key=str.lower, reverse=True)
    assert "sort=fact%3Adesc" in page.url or "sort=fact:desc" in page.url
    assert page.problems == []


def test_numbers_sort_as_numbers_not_as_text(open_page, corpus, tmp_path):
    root = corpus({"one.txt": "The convoy had 100 trucks. A crew of 12 sailors left. Police arrested 9 men."})
    write_files(render(check([root]).to_records(), ["html"]), tmp_path / "out")
    page = open_page((tmp_path / "out" / "report.html").as_uri() + "#sort=values:asc")
    values = page.eval_on_selector_all('section#single-source td[data-col="values"]',
                                       "cells => cells.map(c => c.dataset.sort)")
    assert values == ["9", "12", "100"]
    assert page.problems == []


def test_timeline_is_drawn_with_conflicts_marked(open_page, pages):
    page = open_page(pages["story"])
    box = page.locator("#timeline-svg").bounding_box()
    assert box["width"] > 200 and box["height"] > 50
    assert page.locator("#timeline-svg circle.discrepancy").count() >= 2
    assert page.locator("#timeline-svg polyline.conflict").is_visible()
    assert page.problems == []


def test_article_markup_stays_inert(open_page, pages):
    page = open_page(pages["xss"])
    assert page.title() != "pwned"
    assert page.locator("img").count() == 0
    assert page.get_by_text("<script>document.title='pwned'</script>", exact=False).count() >= 1
    assert page.evaluate("JSON.parse(document.getElementById('report-data').textContent).sources.length") == 2
    assert page.problems == []
