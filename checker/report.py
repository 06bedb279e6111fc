"""Report: one record set (`Report.to_records()`) and the writers that shape it into files."""
from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import cache
from itertools import accumulate
from pathlib import Path
from typing import Callable, Iterable

from . import __version__
from .ci_formats import STDOUT, render_github, render_junit, render_sarif
from .claims import Claim
from .compare import STATUSES, Cluster, TimelineEvent, event_words
from .fileio import stage
from .lexicon import counted
from .sources import Skipped, Source
from .suppress import FORMATS as FILE_TEXT_FORMATS, Suppression
from .findings import differing, fact_name
from .values import display

SCHEMA = "check-claims/report@1"


@dataclass(frozen=True)
class Report:
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    claim_ids: tuple[str, ...]
    clusters: tuple[Cluster, ...]
    timeline: tuple[TimelineEvent, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    cluster_of: dict[str, str] = field(default_factory=dict)
    suppressions: tuple[Suppression, ...] = ()
    tolerance: float = field(kw_only=True)  # the run's, which compare read values with
    sentence_starts: tuple[int | None, ...] = field(kw_only=True)  # each claim's sentence in its source (core's)

    @property
    def summary(self) -> dict[str, int]:
        counts = {status: 0 for status in STATUSES}
        for cluster in self.clusters:
            counts[cluster.status] += 1
        return {"sources": len(self.sources), "claims": len(self.claims),
                "agreement": counts["agreement"], "discrepancy": counts["discrepancy"],
                "single-source": counts["single-source"]}

    def to_records(self) -> dict:
        """The report.json document (schema check-claims/report@1); every output is built from it."""
        # where each line starts, once a source: a claim's line is then a bisection, not a recount
        # of its file up to it (1,000 claims in a 5 MB file recounted gigabytes)
        lines = {s.id: [0, *accumulate(len(line) + 1 for line in s.text.split("\n"))]
                 for s in self.sources if s.format in FILE_TEXT_FORMATS}
        records = {
            "schema": SCHEMA,
            "tool": {"name": "check-claims", "version": __version__},
            "tolerance": self.tolerance,
            "sources": [_source_record(s) for s in self.sources],
            "claims": [_claim_record(cid, c, self.cluster_of[cid], start, lines.get(c.source))
                       for cid, c, start in zip(self.claim_ids, self.claims, self.sentence_starts)],
            "clusters": [_plain(vars(c)) for c in self.clusters],  # flat dataclasses: no deep copy needed
            "timeline": [_plain(vars(e)) for e in self.timeline],
            "skipped": [asdict(s) for s in self.skipped],
            "summary": self.summary,
        }
        if self.suppressions:
            records["suppressions"] = [asdict(s) for s in self.suppressions]
        return records


def _source_record(src: Source) -> dict:
    record = {"id": src.id, "path": src.path, "published": src.published,
              "published_from": src.published_from, "title": src.title, "chars": len(src.text)}
    for key in ("outlet", "url"):  # stated by front matter, HTML metadata or a CSV column
        if getattr(src, key):
            record[key] = getattr(src, key)
    if src.format != "text" and src.format != "markdown":
        record["text"] = src.text  # offsets index the extracted text, so ship it
    if src.warnings:
        record["warnings"] = list(src.warnings)
    return record


def _claim_record(cid: str, claim: Claim, cluster: str, sentence_start: int | None,
                  line_starts: list[int] | None) -> dict:
    record = {"id": cid, **vars(claim), "cluster": cluster}  # vars: a shallow view, asdict deep-copies
    if record["normalized"] is None:
        del record["normalized"]
    if sentence_start is not None:
        record["sentence_start"] = sentence_start  # so readers can mark the mention inside the sentence
    if line_starts:  # offsets index the file: where an editor finds it (1-based)
        record["line"] = line = bisect_right(line_starts, claim.start)
        record["column"] = claim.start - line_starts[line - 1] + 1
    return record


def _plain(record: dict) -> dict:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in record.items()}


# ---------------------------------------------------------------- writers

def claim_rows(records: dict) -> list[list]:
    """claims.csv: one row a claim (CLAIM_COLUMNS), with its source's date and its cluster's status."""
    published = {s["id"]: s["published"] for s in records["sources"]}
    status = {c["id"]: c["status"] for c in records["clusters"]}
    rows = []
    for c in records["claims"]:
        norm = c.get("normalized") or {}
        rows.append([c["id"], c["source"], published.get(c["source"]), c["kind"], c["text"], c["value"], c["low"],
                     c["high"], c["hedge"], c["unit"], norm.get("value"), norm.get("unit"), c["subject"],
                     c["event_date"], c["sentence"], c["start"], c["end"], c["cluster"], status[c["cluster"]]])
    return rows


CLAIM_COLUMNS = ["id", "source", "published", "kind", "text", "value", "low", "high", "hedge", "unit",
                 "normalized_value", "normalized_unit", "subject", "event_date", "sentence", "start",
                 "end", "cluster", "status"]
FINDING_COLUMNS = ["cluster", "status", "kind", "unit", "subject", "sources", "values", "explanation"]
#: Columns of words taken from articles and file names, which `defused` guards.
CLAIM_TEXT = frozenset({"source", "text", "unit", "normalized_unit", "subject", "sentence"})
FINDING_TEXT = frozenset({"unit", "subject", "values", "explanation"})


def finding_rows(records: dict) -> list[list]:
    """findings.csv: one row a cluster (FINDING_COLUMNS), discrepancies first."""
    claims = {c["id"]: c for c in records["claims"]}
    order = {status: n for n, status in enumerate(STATUSES)}
    rows = []
    for k in sorted(records["clusters"], key=lambda k: (order[k["status"]], int(k["id"][1:]))):
        values = "; ".join(f"{claims[i]['source']}: {display(claims[i])}" for i in k["claims"])
        rows.append([k["id"], k["status"], k["kind"], k["unit"], k["subject"], len(k["sources"]), values,
                     k["explanation"]])
    return rows


def csv_text(columns: list[str], rows: list[list], *, text: frozenset[str] = frozenset()) -> str:
    """A header and the rows, quoted where needed, one line each: the csv module, since a story's
    few rows do not pay for a DataFrame (pandas cost more than the rest of the reports).
    Cells are laid out as pandas wrote these files, so they read the same: empty for missing, and
    a column of numbers with a gap or a fraction written all as floats (30.0). The `text` columns
    (words from articles and file names) are `defused`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    cells = (_cells(column) for column in zip(*rows))
    writer.writerows(zip(*([defused(v) for v in column] if name in text else column
                           for name, column in zip(columns, cells))))
    return buffer.getvalue()


#: What makes a spreadsheet read a cell as a formula (OWASP, "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_RE = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?")


def defused(cell):
    """A text cell that a spreadsheet would run as a formula ('=HYPERLINK(...)', '@SUM(...)')
    behind a single quote, as OWASP advises, so it shows as the text it is; a number as written
    ('-5', '+1,200') stays a number."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS) and not _NUMBER_RE.fullmatch(cell):
        return "'" + cell
    return cell


def _cells(column: tuple) -> list:
    present = [v for v in column if v is not None and v == v]  # None and NaN are missing
    numbers = all(type(v) is float or type(v) is int and -2 ** 63 <= v < 2 ** 64 for v in present)
    if present and numbers and (len(present) < len(column) or any(type(v) is float for v in present)):
        return [repr(float(v)) if v is not None and v == v else "" for v in column]
    return [v if v is not None and v == v else "" for v in column]


def render_json(records: dict) -> dict[str, str]:
    return {"report.json": json.dumps(records, indent=2, ensure_ascii=False) + "\n"}


def render_csv(records: dict) -> dict[str, str]:
    return {"claims.csv": csv_text(CLAIM_COLUMNS, claim_rows(records), text=CLAIM_TEXT),
            "findings.csv": csv_text(FINDING_COLUMNS, finding_rows(records), text=FINDING_TEXT)}


def render_html(records: dict) -> dict[str, str]:
    template = html_env().get_template("report.html.j2")
    view = html_view(records)
    return {"report.html": template.render(records=records, view=view, max_grid_sources=MAX_GRID_SOURCES)}


@cache
def html_env():
    """Autoescaping Jinja2 environment: article text can only ever reach the page escaped.
    Built once a process, so templates compile once, not once a story in an archive run."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    class RecordEnvironment(Environment):
        def getattr(self, obj, attribute):
            """`finding.status` on a record (a dict) is its key, looked up first: Jinja tries the
            attribute first, and the exception each miss raises was a tenth of rendering a page."""
            if type(obj) is dict and attribute in obj:
                return obj[attribute]
            return super().getattr(obj, attribute)

    autoescape = select_autoescape(enabled_extensions=("html", "j2"), disabled_extensions=("js",), default=True)
    env = RecordEnvironment(loader=PackageLoader("checker", "templates"), autoescape=autoescape,
                            undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["counted"] = counted
    return env


def html_view(records: dict) -> dict:
    """What report.html shows, derived from the records: findings grouped by status (discrepancies
    first), each with every source's value and sentence, plus the timeline and the coverage grid."""
    claims = {c["id"]: c for c in records["claims"]}
    order = {status: n for n, status in enumerate(STATUSES)}
    differs = differing(records)
    findings = []
    for k in sorted(records["clusters"], key=lambda k: (order[k["status"]], int(k["id"][1:]))):
        values = [{"claim": c["id"], "source": c["source"], "value": display(c), "parts": mention(c),
                   "differs": c["id"] in differs} for c in (claims[i] for i in k["claims"])]
        first = claims[k["claims"][0]]
        sort_value = next((v for v in (first["value"], first["low"], first["high"]) if v is not None), "")
        findings.append({**k, "fact": fact_name(k), "values": values,
                         "sort_value": sort_value})
    return {
        "findings": findings,
        "kinds": sorted({k["kind"] for k in records["clusters"]}),
        "statuses": STATUSES,
        "timeline": _timeline_view(records, claims),
        "coverage": _coverage_view(records, findings),
    }


def mention(claim: dict) -> tuple[str, str, str]:
    """The claim's sentence split as (before, mention, after), so a template can escape each
    part and wrap only the mention in <mark>."""
    sentence, text = claim["sentence"], claim["text"]
    at = claim["start"] - claim["sentence_start"] if "sentence_start" in claim else sentence.find(text)
    if at < 0 or sentence[at:at + len(text)] != text:
        return sentence, "", ""
    return sentence[:at], text, sentence[at + len(text):]


#: Timeline geometry in SVG user units: columns share _PLOT_WIDTH but stay between 44 and 120 wide.
_LANE, _LEFT, _TOP, _BOTTOM, _PLOT_WIDTH = 30, 190, 16, 86, 880
#: Beyond this many sources the timeline draws one lane for all and the coverage grid is left out:
#: a grid thousands of columns wide helps nobody (the findings list each fact's sources anyway).
MAX_GRID_SOURCES = 40


def _timeline_view(records: dict, claims: dict) -> dict:
    """Dated events on one axis: a column per distinct date (in order; dates without a year last),
    a lane per source, a dot per mention with its own sentence's words; the mentions of one disputed
    event are joined."""
    lanes = [s["id"] for s in records["sources"]]
    if len(lanes) > MAX_GRID_SOURCES:
        lanes = [f"all {len(lanes)} sources"]
    lane_of = {s["id"]: (n if len(lanes) > 1 else 0) for n, s in enumerate(records["sources"])}
    events = [[{"date": _mark_date(claims[cid], event), "lane": lane_of[claims[cid]["source"]],
                "status": event["status"], "cluster": claims[cid]["cluster"], "source": claims[cid]["source"],
                "event": event_words(claims[cid])} for cid in event["claims"]] for event in records["timeline"]]
    dates = sorted({m["date"] for marks in events for m in marks}, key=lambda d: (d.startswith("--"), d))
    column = {d: n for n, d in enumerate(dates)}
    step = min(120, max(44, _PLOT_WIDTH // max(len(dates), 1)))
    for m in (m for marks in events for m in marks):
        m["x"] = _LEFT + step * column[m["date"]] + step // 2
        m["y"] = _TOP + _LANE * m["lane"] + _LANE // 2
    links = [" ".join(f"{m['x']},{m['y']}" for m in sorted(marks, key=lambda m: (m["y"], m["x"])))
             for marks in events if len(marks) > 1 and marks[0]["status"] == "discrepancy"]
    return {"marks": [m for marks in events for m in marks], "links": links, "lanes": lanes,
            "dates": [{"label": d, "x": _LEFT + step * n + step // 2} for n, d in enumerate(dates)],
            "width": _LEFT + step * max(len(dates), 1) + 8, "lanes_bottom": _TOP + _LANE * len(lanes),
            "height": _TOP + _LANE * len(lanes) + _BOTTOM, "left": _LEFT, "top": _TOP, "lane_height": _LANE}


def _mark_date(claim: dict, event: dict) -> str:
    """Where a mention sits on the axis: the date it states, so sources that disagree sit apart."""
    if claim["kind"] == "date" and claim["value"] is not None:
        return str(claim["value"])
    return str(claim["event_date"] or event["date"])


def _coverage_view(records: dict, findings: list[dict]) -> dict | None:
    """Sources x facts: each source's values for every fact two or more sources state. In a
    discrepancy a source differs when each of its values differs (`differing`)."""
    sources = [s["id"] for s in records["sources"]]
    if len(sources) > MAX_GRID_SOURCES:
        return None
    rows = []
    for f in findings:
        if f["status"] == "single-source":
            continue
        said: dict[str, list[dict]] = {}
        for v in f["values"]:
            said.setdefault(v["source"], []).append(v)
        cells = [{"values": list(dict.fromkeys(v["value"] for v in said.get(src, []))),
                  "differs": src in said and all(v["differs"] for v in said[src])}
                 for src in sources]
        rows.append({"id": f["id"], "status": f["status"], "fact": f["fact"], "kind": f["kind"], "cells": cells})
    single = Counter(f["sources"][0] for f in findings if f["status"] == "single-source")
    return {"sources": sources, "rows": rows, "single": [single[src] for src in sources]}


#: Output format name -> function from records to {file name: contents}.
RENDERERS: dict[str, Callable[[dict], dict[str, str]]] = {
    "json": render_json,
    "csv": render_csv,
    "html": render_html,
    "sarif": render_sarif,
    "github": render_github,
    "junit": render_junit,
}


def render(records: dict, formats: list[str]) -> dict[str, str]:
    """Every requested format as {file name: contents}, rendered before anything is written."""
    files: dict[str, str] = {}
    for fmt in formats:
        files.update(RENDERERS[fmt](records))
    return files


def write_files(files: dict[str, str | Iterable[str]], out: Path) -> list[Path]:
    """Stage every rendered file (text, or its pieces), then rename them all into place (the
    STDOUT entry is the caller's to print): a failure leaves the previous reports untouched."""
    staged: dict[Path, str] = {}
    try:
        for name, data in files.items():
            if name != STDOUT:
                if (out / name).is_dir():  # the rename would fail after others were renamed
                    raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(out / name))
                staged[out / name] = stage(out / name, data)
    except BaseException:
        for tmp in staged.values():
            os.unlink(tmp)
        raise
    for path, tmp in staged.items():
        os.replace(tmp, path)
    return list(staged)
