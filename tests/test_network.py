"""No network, ever: reading HTML full of remote references and running the whole CLI open no
socket. Sockets are disabled for the test; any attempt is recorded (and fails), so a library
that swallowed the error would still be caught."""
import socket
import urllib.request

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.sources import read_file

HOSTILE_HTML = """<?xml-stylesheet href="http://styles.invalid/a.xsl"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://dtd.invalid/xhtml1-strict.dtd">
<html><head><title>Troops stay in Iraq</title><base href="http://base.invalid/">
<meta http-equiv="refresh" content="0; url=http://refresh.invalid/">
<meta property="article:published_time" content="2024-01-09">
<link rel="alternate" type="application/rss+xml" href="http://feeds.invalid/rss.xml">
<link rel="canonical" href="http://canonical.invalid/story">
<link rel="stylesheet" href="http://cdn.invalid/site.css">
<script src="http://cdn.invalid/tracker.js"></script></head>
<body><article><h1>Troops stay in Iraq</h1>
<img src="http://images.invalid/troops.jpg" srcset="http://images.invalid/2x.jpg 2x">
<picture><source srcset="http://images.invalid/a.webp"></picture>
<iframe src="http://video.invalid/embed"></iframe><object data="http://flash.invalid/x.swf"></object>
<p>Approximately 2,500 American troops are stationed in Iraq, the Pentagon said on Tuesday.</p>
<p>Three service members were wounded in a drone attack on a base in the west of the country.</p>
</article></body></html>"""


@pytest.fixture
def no_network(monkeypatch):
    """Every way to open a connection raises; the attempts are returned for the test to check."""
    attempts: list[tuple] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access attempted during a check-claims test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket.socket, "sendto", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_the_guard_itself_stops_a_fetch(no_network):
    with pytest.raises(OSError):
        urllib.request.urlopen("http://example.invalid/", timeout=1)
    assert no_network


def test_reading_html_with_remote_references_opens_no_socket(no_network, tmp_path):
    path = tmp_path / "story.html"
    path.write_text(HOSTILE_HTML, encoding="utf-8")
    (src,), skipped = read_file("story.html", path)
    assert "Approximately 2,500 American troops" in src.text and skipped == []
    assert no_network == []


def test_the_full_cli_opens_no_socket(no_network, corpus, tmp_path):
    root = corpus({"story.html": HOSTILE_HTML,
                   "wire.txt": "date 2024-01-10\nSome 2,500 U.S. troops remain in Iraq, officials said.\n"})
    result = CliRunner().invoke(main, [str(root), "--out", str(tmp_path / "out")])
    assert result.exit_code in (0, 1), result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["claims.csv", "findings.csv", "report.html", "report.json"]
    assert no_network == []
