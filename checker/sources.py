"""Ingest: turn paths into `Source` records (text + publication date + title).

Plain text and Markdown keep the file's text exactly, so claim offsets index the file;
HTML, CSV and JSONL sources index the extracted text, which the report carries along.
Anything that cannot be read becomes a `Skipped` record with a one-line reason.
"""
from __future__ import annotations

import csv
import fnmatch
import io
import json
import os
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import yaml

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
TABLE_SUFFIXES = {".csv", ".jsonl"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES

#: A leading ``date YYYY-MM-DD`` metadata line (seed 004 has a leading space and text after it).
HEADER_RE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?")
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.S)


@dataclass(frozen=True)
class Source:
    """One article. `text` is what claim offsets index; `body_start` skips its metadata."""

    id: str
    path: str
    text: str
    published: str | None = None
    published_from: str | None = None  # header | front-matter | meta | column | option | story
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    body_start: int = 0
    format: str = "text"  # text | html | csv | jsonl


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


class SourceError(Exception):
    """A file that cannot be turned into sources; the message is the one-line reason."""


def iso_date(value) -> str | None:
    """Normalise a metadata date (str, date or datetime) to ``YYYY-MM-DD``; None if unreadable."""
    if isinstance(value, date):
        return value.isoformat()[:10]
    if value is None:
        return None
    m = re.match(r"\s*(\d{4}-\d{2}-\d{2})", str(value))
    if not m:
        return None
    try:
        return date.fromisoformat(m.group(1)).isoformat()
    except ValueError:
        return None


def decode(raw: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (BOM allowed), a BOM-declared UTF-16/32, else refuse."""
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError("binary file (contains NUL bytes)")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(enc)
            except UnicodeDecodeError as exc:
                raise SourceError(f"invalid {enc} at byte {exc.start}") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(f"invalid UTF-8 at byte {exc.start}") from None


def parse_text(sid: str, path: str, text: str, fmt: str = "text") -> Source:
    """A plain-text article with an optional ``date`` line or YAML front matter."""
    if m := HEADER_RE.match(text):
        return Source(sid, path, text, published=m.group(1), published_from="header",
                      body_start=m.end(), format=fmt)
    if m := FRONT_MATTER_RE.match(text):
        try:
            meta = yaml.safe_load(m.group(1))
        except yaml.YAMLError:
            raise SourceError("malformed YAML front matter") from None
        meta = meta if isinstance(meta, dict) else {}
        published = iso_date(meta.get("date") or meta.get("published"))
        return Source(sid, path, text, published=published,
                      published_from="front-matter" if published else None,
                      title=_str(meta.get("title")), outlet=_str(meta.get("source") or meta.get("outlet")),
                      url=_str(meta.get("url")), body_start=m.end(), format=fmt)
    return Source(sid, path, text, format=fmt)


def parse_html(sid: str, path: str, html: str) -> Source:
    """Article text and metadata via trafilatura (never fetches anything)."""
    import trafilatura  # heavy: imported only when an HTML file is met

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, deduplicate=False)
    text = (doc.text if doc is not None else "") or ""
    if not text.strip():
        raise SourceError("no article text found in HTML")
    published = iso_date(doc.date)
    return Source(sid, path, text, published=published, published_from="meta" if published else None,
                  title=_str(doc.title), outlet=_str(doc.sitename), url=_str(doc.url), format="html")


def parse_rows(sid: str, path: str, text: str, fmt: str) -> list[Source]:
    """One article per CSV/JSONL row: ``text`` required; id/published/title/source/url optional."""
    rows: list[tuple[int, dict]] = []
    if fmt == "csv":
        reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
        if not reader.fieldnames or "text" not in reader.fieldnames:
            raise SourceError("CSV has no 'text' column")
        try:
            for row in reader:
                if None in row:
                    raise SourceError(f"row {reader.line_num}: more fields than the header")
                rows.append((reader.line_num, row))
        except csv.Error as exc:
            raise SourceError(f"row {reader.line_num}: {exc}") from None
    else:
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SourceError(f"line {n}: invalid JSON ({exc.msg})") from None
            if not isinstance(row, dict) or "text" not in row:
                raise SourceError(f"line {n}: expected an object with a 'text' field")
            rows.append((n, row))
    sources = []
    for n, row in rows:
        body = _str(row.get("text")) or ""
        published = iso_date(row.get("published") or row.get("date"))
        rid = _str(row.get("id")) or str(n)
        sources.append(Source(f"{sid}#{rid}", path, body, published=published,
                              published_from="column" if published else None,
                              title=_str(row.get("title")), outlet=_str(row.get("source") or row.get("outlet")),
                              url=_str(row.get("url")), format=fmt))
    if not sources:
        raise SourceError("no rows")
    return sources


def read_file(sid: str, path: Path) -> list[Source]:
    """All sources in one file; raises SourceError with the reason it cannot be used."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read ({exc.strerror or exc})") from None
    if not raw.strip():
        raise SourceError("empty file")
    text = decode(raw, str(path))
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return [parse_html(sid, str(path), text)]
    if suffix in TABLE_SUFFIXES:
        return parse_rows(sid, str(path), text, suffix[1:])
    return [parse_text(sid, str(path), text, "markdown" if suffix != ".txt" else "text")]


def discover(paths: list[str | os.PathLike], *, exclude: tuple[str, ...] = ()) -> list[tuple[str, Path]]:
    """(source id, file) pairs: folders walked recursively in sorted order, hidden entries and
    ids matching an `exclude` glob skipped; a file reached twice is read once."""
    found: list[tuple[str, Path]] = []
    for given in map(Path, paths):
        if given.is_dir():
            for file in sorted(p for p in given.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
                rel = file.relative_to(given)
                if not any(part.startswith(".") for part in rel.parts) and not _excluded(rel.as_posix(), exclude):
                    found.append((rel.as_posix(), file))
        else:
            found.append((given.name, given))
    first: dict[Path, tuple[str, Path]] = {}
    for sid, file in found:
        first.setdefault(file.resolve(), (sid, file))
    return list(first.values())


def _excluded(sid: str, globs: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(sid, glob) for glob in globs)


def load(paths: list[str | os.PathLike], *, published: str | None = None,
         exclude: tuple[str, ...] = ()) -> tuple[list[Source], list[Skipped]]:
    """Read every article under `paths`; `published` fills in sources that state no date."""
    sources: list[Source] = []
    skipped: list[Skipped] = []
    for sid, file in discover(paths, exclude=exclude):
        try:
            found = read_file(sid, file)
        except SourceError as exc:
            skipped.append(Skipped(str(file), str(exc)))
            continue
        for src in found:
            if src.published is None and published:
                src = replace(src, published=published, published_from="option")
            sources.append(src)
    return sources, skipped


def _str(value) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip()
    return text or None
