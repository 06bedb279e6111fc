"""Article text never becomes markup: a report built from articles full of script tags, event
handlers, quotes and a hostile file name has exactly the elements and attributes of a report
built from the same articles with the angle brackets defused, and embedded data hides no `<`."""
from html.parser import HTMLParser

from click.testing import CliRunner

from checker.cli import main

PAYLOAD = ("<script>alert(document.cookie)</script> </script><img src=x onerror=\"alert('pwned')\"> "
           "<!--<script> ' \" &amp; <a href='javascript:alert(document.domain)'>link</a> <iframe srcdoc=x>")
FILES = {
    "<img src=x onerror=alert(document.domain)>.txt":
        f"date 2024-01-09\nApproximately 2,500 American troops {PAYLOAD} are stationed in Iraq.\n",
    "b.md": f"---\ndate: 2024-01-10\ntitle: \"\\\"><script>alert(document.title)</script>\"\n---\n"
            f"The United States keeps 3,500 troops {PAYLOAD} stationed in Iraq.\n",
    "c.html": "<html><head><title>&lt;script&gt;alert(document.cookie)&lt;/script&gt;</title></head><body><article>"
              "<p>Some 2,500 troops &lt;/script&gt;&lt;img src=x onerror=alert(document.cookie)&gt; remain in Iraq, "
              "officials said on Tuesday in a statement to the press.</p></article></body></html>",
}


class Structure(HTMLParser):
    """Tags with their attribute names, and the text inside <script> elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(name for name, _ in attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def render(folder, files: dict[str, str]) -> Structure:
    """The structure of the HTML report for `files` written into `folder`."""
    for name, text in files.items():
        (folder / "in").mkdir(parents=True, exist_ok=True)
        (folder / "in" / name).write_text(text, encoding="utf-8")
    out = folder / "out"
    result = CliRunner().invoke(main, [str(folder / "in"), "--out", str(out), "--format", "html"])
    assert result.exit_code in (0, 1), result.output
    parsed = Structure()
    parsed.feed((out / "report.html").read_text(encoding="utf-8"))
    return parsed


def defuse(text: str) -> str:
    return text.replace("<", "[").replace(">", "]").replace("&lt;", "[").replace("&gt;", "]")


def test_article_text_and_names_cannot_inject_markup(tmp_path):
    hostile = render(tmp_path / "hostile", FILES)
    benign = render(tmp_path / "benign", {defuse(k): defuse(v) for k, v in FILES.items()})
    assert set(hostile.tags) <= set(benign.tags)
    assert [t for t, _ in hostile.tags].count("script") == [t for t, _ in benign.tags].count("script")
    for data in hostile.scripts:  # embedded data must escape "<", else "<!--<script>" changes how it parses
        assert "<script" not in data.lower() and "<!--" not in data


def test_every_output_format_stays_well_formed_on_hostile_text(tmp_path):
    """Each renderer's files parse back whole, with markup, quotes, commas, a stray control
    character and a file name full of delimiters in the articles."""
    import io
    import json
    import xml.etree.ElementTree as ET

    import pandas as pd

    from checker import check
    from checker.report import RENDERERS

    files = {**FILES, 'odd, "name";\t%0A::x.txt': "date 2024-01-11\nAbout 2,500 troops\x07 are, \"still\" in Iraq;\x0b %0A ::x\n"}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    records = check([tmp_path]).to_records()
    assert len(records["sources"]) == 4
    for render in RENDERERS.values():
        for name, data in render(records).items():
            suffix = str(name).rsplit(".", 1)[-1]
            if suffix in ("json", "sarif"):
                json.loads(data)
            elif suffix == "csv":
                assert len(pd.read_csv(io.StringIO(data))) == (
                    len(records["claims"]) if name == "claims.csv" else len(records["clusters"]))
            elif suffix == "xml":
                ET.fromstring(data.encode("utf-8"))
            elif suffix == "html":
                Structure().feed(data)
