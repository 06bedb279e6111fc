"""Ingest: turn paths into `Source` records (text + publication date + title).

Plain text and Markdown keep the file's text exactly, so claim offsets index the file;
HTML, CSV and JSONL sources index the extracted text, which the report carries along.
Anything that cannot be read becomes a `Skipped` record with a one-line reason: whatever lands
in a newsroom folder (binaries, exports in odd encodings, broken rows, symlink loops) is reported,
never fatal and never silently dropped.
"""
from __future__ import annotations

import csv
import errno
import fnmatch
import io
import json
import os
import re
import stat
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Iterator

import yaml

from .lexicon import counted

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
TABLE_SUFFIXES = {".csv", ".jsonl"}
#: A CSV's delimiter is the first of these whose header has a 'text' column (spreadsheets in much
#: of Europe write ';', and a tab-separated export is often named .csv).
CSV_DELIMITERS = ",;\t"
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES
NOT_ARTICLE = f"not an article format (reads {', '.join(sorted(SUFFIXES))})"
#: Default size limit of one file (--max-bytes): far above any article, far below what hurts memory.
MAX_BYTES = 5_000_000
#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
#: Control characters that never occur in text (tab, newlines and form feed do).
CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
#: A text may hold a few stray control characters (a NUL from a broken export, a pasted bell, Word's
#: breaks): up to this many, or 1 in 100 characters of its first `SAMPLE_CHARS`, whichever is more. More
#: is a binary: an image, a PDF, a zip, or UTF-16 without a BOM (every other byte NUL).
STRAY_CONTROLS = 8
SAMPLE_CHARS = 65536

#: Publication years taken as real; others are typos or junk.
PUBLISHED_YEARS = range(1800, 2200)
#: Our own report files and how each begins: a folder holding one is reports, not articles
#: (`holds_reports`), and a run removes those an earlier run left that it did not write.
REPORT_MARKERS = {"report.json": b'"schema": "check-claims/report@', "claims.csv": b"id,source,published,kind,text,",
                  "findings.csv": b"cluster,status,kind,unit,subject,", "report.html": b"<title>check-claims:",
                  "report.sarif": b'"name": "check-claims"', "junit.xml": b'<testsuites name="check-claims"'}
#: How a baseline file (--baseline FILE) begins: ours too, whatever its name.
BASELINE_MARKER = b'"schema": "check-claims/baseline@'
#: An archive's index files (--stories): recognised as ours like the above, but never removed
#: as stale by a one-story run into the same folder.
INDEX_MARKERS = {"index.csv": b"story,sources,claims,", "index.html": b"<title>check-claims: "}

#: A leading ``date YYYY-MM-DD`` metadata line (seed 004 has a leading space and text after it).
HEADER_RE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?")
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.S)
ISO_DAY_RE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})")
#: Most words outside links a web page may hold and still be only menus ("Menu", "Follow us").
LABEL_WORDS = 5
#: A word counted against `LABEL_WORDS` (digits too: "Top 10").
LABEL_WORD_RE = re.compile(r"\w+")


class _MetaLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text: PyYAML raises on an impossible one (2024-02-30), and
    `stated_date` reads and checks dates itself, with a warning instead of losing the whole run."""


_MetaLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


@dataclass(frozen=True)
class Source:
    """One article. `text` is what claim offsets index; `body_start` skips its metadata."""

    id: str
    path: str
    text: str
    published: str | None = None
    published_from: str | None = None  # header | front-matter | meta | column | option; story: none stated,
    #                                    the story's median date is the reference (set by core.extract)
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    body_start: int = 0
    format: str = "text"  # text | html | csv | jsonl
    warnings: tuple[str, ...] = ()  # read, but with a caveat the report must show (e.g. a guessed encoding)


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


class SourceError(Exception):
    """A file that cannot be turned into sources; the message is the one-line reason."""


def iso_date(value) -> str | None:
    """Normalise a metadata date (str, date or datetime) to ``YYYY-MM-DD``; None if unreadable
    or implausible for news (year 1001 is a typo, and date arithmetic on it fails).

    Text is ISO ("2024-01-09", "2024-01-09T10:00Z") or a full date as people write it
    ("Jan 9, 2024", "Tuesday, 9 January 2024"), read with the date grammar of the article text."""
    if isinstance(value, str) and (m := ISO_DAY_RE.match(value)):
        try:
            value = date.fromisoformat(m.group(1))
        except ValueError:
            return None
    elif isinstance(value, str):
        from .dates import find_dates  # the grammar's word lists load only for written dates

        text = value.strip()
        found = find_dates(text, None, bytearray(len(text)))
        day = found[0].value if found and found[0].start == 0 and found[0].hedge == "exact" else None
        if not (isinstance(day, str) and ISO_DAY_RE.fullmatch(day)):
            return None
        value = date.fromisoformat(day)
    if not isinstance(value, date) or value.year not in PUBLISHED_YEARS:
        return None
    return value.isoformat()[:10]


def stated_date(value, where: str) -> tuple[str | None, tuple[str, ...]]:
    """(the publication date a source states, its warnings): a date that is given but cannot be
    read ("2024-02-30", "next week") is ignored with a warning naming `where` it came from, so a
    typo never passes silently and never stops the run."""
    if value is None or value == "":
        return None, ()
    if published := iso_date(value):
        return published, ()
    shown = _str(value) or "(not a single value)"
    return None, (f"{where} {shown} is not a real date, ignored",)


def decode(raw: bytes) -> tuple[str, tuple[str, ...]]:
    """Bytes to (text, warnings): a BOM-declared UTF-8/16/32, else UTF-8, else Windows-1252 with a warning.

    Old CMS dumps and word-processor exports arrive in cp1252; reading them beats dropping the
    article, and digits are the same in every one of these encodings, but a wrong guess garbles
    names, so the report says so. More control characters than `STRAY_CONTROLS` allows make a
    binary, not an article; a stray NUL is shown as \ufffd (lxml and XML reports refuse one), with a
    warning. Offsets are unchanged: one character stands for another.
    """
    declared = next(((bom, encoding) for bom, encoding in BOMS if raw.startswith(bom)), None)
    if declared:
        bom, encoding = declared
        try:
            text = raw[len(bom):].decode(encoding)
        except UnicodeDecodeError as exc:
            raise SourceError(f"invalid {encoding.upper()} at byte {exc.start + len(bom)}") from None
    # undeclared, the bytes are counted before an encoding is guessed (a control character is one
    # ASCII byte in UTF-8 and in Windows-1252 alike): a binary is no Windows-1252 text
    sample = text[:SAMPLE_CHARS] if declared else raw[:SAMPLE_CHARS].decode("latin-1")
    if len(CONTROL_RE.findall(sample)) > max(STRAY_CONTROLS, len(sample) // 100):
        raise SourceError("binary file (control characters)")
    warnings: tuple[str, ...] = ()
    if not declared:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            text, warning = _not_utf8(raw, exc.start)
            warnings = (warning,)
    if (at := text.find("\x00")) >= 0:
        byte = len(bom) + len(text[:at].encode(encoding)) if declared else raw.find(b"\x00")
        places = counted(text.count("\x00"), "place")
        warnings += (f"NUL character at byte {byte} ({places}), shown as \ufffd",)
        text = text.replace("\x00", "\ufffd")
    return text, warnings


def _not_utf8(raw: bytes, start: int) -> tuple[str, str]:
    """(text, warning) for bytes that are not valid UTF-8 from byte `start` on: UTF-8 with stray
    bytes (cut mid-character, one bad byte) when more characters decode than fail, since read as
    Windows-1252 every accent and dash of it would be garbled ("2â€“3" is no range); else
    Windows-1252, the encoding of old CMS dumps and word-processor exports."""
    text = raw.decode("utf-8", "replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode())
    if sum(ord(ch) > 127 for ch in text) > 2 * bad:  # the non-ASCII characters include the bad ones
        return text, f"invalid UTF-8 at byte {start} ({counted(bad, 'place')}), shown as \ufffd"
    try:
        return raw.decode("cp1252"), f"not UTF-8 (byte {start}), read as Windows-1252"
    except UnicodeDecodeError:
        raise SourceError(f"invalid UTF-8 at byte {start}, and not Windows-1252 either") from None


def parse_text(sid: str, path: str, text: str, fmt: str = "text") -> Source:
    """A plain-text article with an optional ``date`` line or YAML front matter."""
    if m := HEADER_RE.match(text):
        published, warnings = stated_date(m.group(1), "date line")
        return Source(sid, path, text, published=published, published_from="header" if published else None,
                      body_start=m.end(), format=fmt, warnings=warnings)
    if m := FRONT_MATTER_RE.match(text):
        try:  # deep nesting overflows PyYAML's recursive composer; an explicit !!timestamp 2024-02-30 is a ValueError
            meta, warnings = yaml.load(m.group(1), Loader=_MetaLoader), ()  # noqa: S506 (a SafeLoader)
        except (yaml.YAMLError, ValueError, RecursionError):
            meta, warnings = None, ("front matter is not valid YAML, ignored",)
        meta = meta if isinstance(meta, dict) else {}
        published, problems = stated_date(meta.get("date") or meta.get("published"), "front-matter date")
        warnings += problems
        return Source(sid, path, text, published=published,
                      published_from="front-matter" if published else None,
                      title=_str(meta.get("title")), outlet=_str(meta.get("source") or meta.get("outlet")),
                      url=_str(meta.get("url")), body_start=m.end(), format=fmt, warnings=warnings)
    return Source(sid, path, text, format=fmt)


def parse_html(sid: str, path: str, html: str) -> Source:
    """Article text and metadata via trafilatura (never fetches anything)."""
    import trafilatura  # heavy: imported only when an HTML file is met
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
        doc = tree is not None and trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=False, include_tables=False, deduplicate=False)
    except Exception as exc:  # lxml and trafilatura raise many types on broken markup; any means "skip"
        raise SourceError(f"unparseable HTML ({type(exc).__name__})") from None
    text = (doc.text if doc else "") or ""
    if not text.strip():
        raise SourceError("no article text found in HTML")
    if _only_links(tree, text):
        raise SourceError("no article text found in HTML (only menus and links)")
    published = iso_date(doc.date)
    return Source(sid, path, text, published=published, published_from="meta" if published else None,
                  title=_str(doc.title), outlet=_str(doc.sitename), url=_str(doc.url), format="html")


def _only_links(tree, text: str) -> bool:
    """True when the text trafilatura kept is links but for a few words of labels ("Menu",
    "Follow us"): with no article body it falls back to the whole page, and a site's menu or a
    front page of teasers is no article. Words count outside the lines that are a link's text
    (it gives each link of such a page a line) and other than one-word links ("Home News | Sport")."""
    links = {" ".join(a.text_content().split()) for a in tree.iter("a")}
    words = (w for line in text.splitlines() if " ".join(line.split()) not in links
             for w in LABEL_WORD_RE.findall(line) if w not in links)
    return bool(links) and sum(1 for _ in words) <= LABEL_WORDS


def parse_rows(sid: str, path: str, text: str, fmt: str) -> tuple[list[Source], list[Skipped]]:
    """One article per CSV/JSONL row: ``text`` required; id/published/title/source/url optional.

    A malformed row is skipped with its line number and the other rows are kept: one bad line
    in a wire export must not lose the rest of it.
    """
    sources: list[Source] = []
    skipped: list[Skipped] = []
    first_line: dict[str, int] = {}
    for n, row in (_csv_rows(text) if fmt == "csv" else _jsonl_rows(text)):
        if isinstance(row, str):
            skipped.append(Skipped(path, f"{'lines' if isinstance(n, str) else 'line'} {n}: {row}"))
            continue
        body, rid = row.get("text"), _str(row.get("id")) or str(n)
        problem = ("'text' is not a string" if body is not None and not isinstance(body, str)
                   else "empty 'text'" if not (body or "").strip()
                   else f"id {rid!r} already used on line {first_line[rid]}" if rid in first_line else None)
        if problem:
            skipped.append(Skipped(path, f"line {n}: {problem}"))
            continue
        first_line[rid] = n
        column = "published" if row.get("published") else "date"
        published, warnings = stated_date(row.get(column), f"'{column}' column")
        sources.append(Source(f"{sid}#{rid}", path, body.strip(), published=published,
                              published_from="column" if published else None, warnings=warnings,
                              title=_str(row.get("title")), outlet=_str(row.get("source") or row.get("outlet")),
                              url=_str(row.get("url")), format=fmt))
    if not sources and not skipped:
        raise SourceError("no rows")
    return sources, skipped


def _csv_rows(text: str) -> Iterator[tuple[int | str, dict | str]]:
    """(line where the row starts, the row or why it is unusable); an unusable row spanning
    several lines gives them as "2-4"."""
    problem = "CSV has no 'text' column"
    for delimiter in CSV_DELIMITERS:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        try:
            header = next(reader)
        except (csv.Error, StopIteration) as exc:  # '"id";"text"' read with ',' fails: try the next
            problem = f"unreadable CSV header ({exc or 'no rows'})"
            continue
        if "text" in header:
            break
    else:
        raise SourceError(problem)
    while True:
        line = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # the reader resumes at the next line; an open quote swallows the lines up to it
            lines = line if reader.line_num <= line else f"{line}-{reader.line_num}"
            yield lines, f"malformed CSV row ({'a quote is never closed' if 'end of data' in str(exc) else exc})"
            continue
        if len(values) > len(header):
            yield line, f"{len(values)} fields, header has {len(header)}"
        elif any(values):
            yield line, dict(zip(header, values))


def _jsonl_rows(text: str) -> Iterator[tuple[int, dict | str]]:
    """(line number, the row or why it is unusable) for each non-blank line."""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            yield n, f"invalid JSON ({getattr(exc, 'msg', 'nested too deeply')})"
            continue
        if not _is_utf8(json.dumps(row, ensure_ascii=False)):
            yield n, "invalid JSON (\\u escape of a lone surrogate)"
        elif isinstance(row, dict) and "text" in row:
            yield n, row
        else:
            yield n, "expected an object with a 'text' field"


def read_file(sid: str, path: Path, *, max_bytes: int = MAX_BYTES) -> tuple[list[Source], list[Skipped]]:
    """The sources in one file and the parts of it skipped (malformed rows).

    Raises SourceError with the reason when the file as a whole cannot be used.
    """
    text, warnings = decode(read_bytes(path, max_bytes=max_bytes))
    if not text.strip():
        raise SourceError("empty file")
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        found, skipped = [parse_html(sid, str(path), text)], []
    elif suffix in TABLE_SUFFIXES:
        found, skipped = parse_rows(sid, str(path), text, suffix[1:])
    else:
        found, skipped = [parse_text(sid, str(path), text, "markdown" if suffix != ".txt" else "text")], []
    if warnings:
        found = [replace(src, warnings=(*src.warnings, *warnings)) for src in found]
    return found, skipped


def read_bytes(path: Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """A regular file's bytes, refusing early what is too big (never reads more than the limit)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError("not a regular file")  # a FIFO or device would block or never end
        if info.st_size > max_bytes:
            raise SourceError(f"{info.st_size:,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)")
        with open(path, "rb") as fh:
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise SourceError(f"cannot read ({exc.strerror or exc})") from None
    if len(raw) > max_bytes:
        raise SourceError(f"over the {max_bytes:,}-byte limit (--max-bytes)")
    return raw


def discover(paths: list[str | os.PathLike], *, exclude: tuple[str, ...] = ()
             ) -> tuple[list[tuple[str, Path]], list[Skipped]]:
    """(source id, file) pairs, and the entries that cannot be articles; files found in a
    folder whose id matches an `exclude` glob are left out.

    Folders are walked recursively in sorted order, hidden entries ignored, symlinks followed but
    never around a loop; a file reached under two names is read once (two copies of one article
    would fake an agreement). Ids are paths relative to the given folder, or the file's name for a
    given file; when two given paths yield one id, the later keeps the path as given.
    """
    found: list[tuple[str, Path]] = []
    skipped: list[Skipped] = []
    seen: dict[str, str] = {}  # real path -> source id (files) or folder path (folders)
    ids: set[str] = set()
    for given in map(Path, paths):
        earlier = seen.get(os.path.realpath(given)) if given.is_dir() else None
        if earlier:  # `seeds seeds/`: one line, not one a file
            reason = "folder already read" if earlier == str(given) else f"same folder as {earlier}"
            skipped.append(Skipped(str(given), reason))
            continue
        if given.is_dir():
            seen[os.path.realpath(given)] = str(given)
            entries, problems = _walk(given, seen)
            entries = [(sid, file) for sid, file in entries if not any(fnmatch.fnmatch(sid, g) for g in exclude)]
            skipped.extend(problems)
        elif is_report(given):  # `check-claims * -o .` names our own reports too: left out silently, as in a folder
            entries = []
        elif given.suffix.lower() not in SUFFIXES:  # and photos: skipped with the reason, as in a folder
            entries = []
            skipped.append(Skipped(str(given), NOT_ARTICLE))
        else:
            entries = [(given.name, given)]
        # The real file wins over a link to it: its id is the one a reader expects.
        entries = sorted(entries, key=lambda e: (os.path.realpath(e[1]) != os.path.abspath(e[1]), e[0]))
        kept: list[tuple[str, Path]] = []
        for sid, file in entries:
            real = os.path.realpath(file)
            if sid in ids:
                sid = file.as_posix()
            if not _is_utf8(str(file)):  # no report could carry the name
                shown = os.fsencode(file).decode("utf-8", "replace")
                skipped.append(Skipped(shown, "file name is not valid UTF-8 (rename the file)"))
            elif real in seen:
                skipped.append(Skipped(str(file), f"same file as {seen[real]}"))
            elif sid in ids:
                skipped.append(Skipped(str(file), f"duplicate source id {sid!r}"))
            else:
                seen[real] = sid
                ids.add(sid)
                kept.append((sid, file))
        found.extend(sorted(kept))
    return found, skipped


def _walk(root: Path, seen: dict[str, str]) -> tuple[list[tuple[str, Path]], list[Skipped]]:
    """Supported files under `root` (sorted by id) and the entries skipped on the way."""
    files: list[tuple[str, Path]] = []
    skipped: list[Skipped] = []
    stack = [(root, (os.path.realpath(root),))]  # iterative: nesting depth must not hit the recursion limit
    while stack:
        folder, ancestors = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(str(folder), f"cannot list folder ({exc.strerror or exc})"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                mode = os.stat(path).st_mode  # follows symlinks
            except OSError as exc:
                reason = ("symlink loop" if exc.errno == errno.ELOOP
                          else "broken symlink" if entry.is_symlink() else f"cannot read ({exc.strerror or exc})")
                skipped.append(Skipped(str(path), reason))
                continue
            if stat.S_ISDIR(mode):
                real = os.path.realpath(path)
                if real in ancestors:
                    skipped.append(Skipped(str(path), "symlink loop (leads back to an enclosing folder)"))
                elif real in seen:
                    skipped.append(Skipped(str(path), f"same folder as {seen[real]}"))
                else:
                    seen[real] = str(path)
                    stack.append((path, (*ancestors, real)))
            elif not stat.S_ISREG(mode):
                skipped.append(Skipped(str(path), "not a regular file"))
            elif is_report(path):
                # --out the articles folder, or a folder in it: claims.csv would be read as articles.
                # Left out silently, as hidden files are: listed, every run's report would name the
                # last one's (an article put among them is still read)
                continue
            elif path.suffix.lower() not in SUFFIXES:
                skipped.append(Skipped(str(path), NOT_ARTICLE))
            else:
                files.append((path.relative_to(root).as_posix(), path))
    return files, skipped


def holds_reports(folder: Path) -> bool:
    """True for a folder holding our own reports: in an archive (--stories) it is no story. (In
    a story, `discover` passes over the report files themselves and reads any article beside them.)"""
    return any(is_report(folder / name) for name in (*REPORT_MARKERS, *INDEX_MARKERS))


def remove_stale(out: Path, written, names=REPORT_MARKERS) -> None:
    """Remove the report files an earlier run left in `out` that this one did not write
    (report.json after a --format html run): read beside the new ones they would describe
    another run. Only files this tool wrote, by name and content, are ever removed."""
    for name in names:
        if name not in written and is_report(out / name):
            (out / name).unlink()


def is_report(path: Path) -> bool:
    """True for a report file this tool wrote: one of its names, beginning as it does; or a
    baseline (any name ending .json, kept with the story by the README's workflow)."""
    marker = (REPORT_MARKERS.get(path.name) or INDEX_MARKERS.get(path.name)
              or (BASELINE_MARKER if path.suffix == ".json" else None))
    if marker is None:
        return False
    try:
        with open(path, "rb") as fh:
            return marker in fh.read(512)
    except OSError:
        return False


def load(paths: list[str | os.PathLike], *, published: str | None = None, exclude: tuple[str, ...] = (),
         max_bytes: int = MAX_BYTES) -> tuple[list[Source], list[Skipped]]:
    """Read every article under `paths`; `published` fills in sources that state no date.

    Skipped entries come sorted by path (rows of one file in line order).
    """
    sources: list[Source] = []
    files, skipped = discover(paths, exclude=exclude)
    for sid, file in files:
        try:
            found, problems = read_file(sid, file, max_bytes=max_bytes)
        except SourceError as exc:
            skipped.append(Skipped(str(file), str(exc)))
            continue
        skipped.extend(problems)
        for src in found:
            if src.published is None and published:
                src = replace(src, published=published, published_from="option")
            sources.append(src)
    return sources, sorted(skipped, key=lambda s: s.path)


def _is_utf8(text: str) -> bool:
    """False for text holding lone surrogates (a file name's non-UTF-8 bytes, a JSON "\\ud800"
    escape): no UTF-8 report can carry it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _str(value) -> str | None:
    """A metadata scalar as text. Anything else is ignored: a YAML alias bomb would explode in str()."""
    if isinstance(value, float) and value != value or not isinstance(value, (str, int, float, date)):
        return None
    text = str(value).strip()
    return text or None
