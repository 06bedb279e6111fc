"""Outputs for CI, built from report.json records like every other output.

- ``sarif``: SARIF 2.1.0 (``report.sarif``) for code scanning: one result per discrepancy,
  located at the draft's claim when there is a draft (the text being edited), else at the
  first source's; the other sources' claims are related locations.
- ``github``: workflow commands (``::error file=...::...``) for GitHub Actions to annotate,
  printed on stdout and escaped exactly as @actions/core escapes them.
- ``junit``: ``junit.xml``, one test case per fact, failing for a discrepancy.

A discrepancy accepted in the baseline stays visible (SARIF ``baselineState``, JUnit
``skipped``) but is not raised as an error; in draft mode a discrepancy that does not involve
the draft is a warning, since only the draft is being checked.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import PurePath
from urllib.parse import quote

from .baseline import fingerprint
from .findings import differing, fact_name, sources_by_value
from .values import display
from .lexicon import counted

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
RULE = {
    "id": "discrepancy",
    "name": "SourcesDisagree",
    "shortDescription": {"text": "Sources state different values for the same fact."},
    "fullDescription": {"text": "Claims aligned as the same fact (same kind, unit and context) in different "
                                "sources have values that cannot both be true within the tolerance."},
    "defaultConfiguration": {"level": "error"},
}
_BASELINE_STATE = {"new": "new", "known": "unchanged"}
#: The file name of a rendered output that belongs on standard output (GitHub reads it there).
STDOUT = "-"


def render_sarif(records: dict) -> dict[str, str]:

    claims, paths, differs = {c["id"]: c for c in records["claims"]}, _paths(records), differing(records)
    results = []
    for cluster in _discrepancies(records):
        primary, *others = _ordered(cluster, claims, records, differs)
        result = {
            "ruleId": RULE["id"],
            "level": _level(cluster, claims, records),
            "message": {"text": f"{_fact(cluster)}: {cluster['explanation']}"},
            "locations": [_sarif_location(primary, paths)],
            "relatedLocations": [{"id": n, **_sarif_location(c, paths)} for n, c in enumerate(others, 1)],
            "partialFingerprints": {"checkClaims/v2": fingerprint(cluster, claims)},
        }
        if "baseline" in cluster:
            result["baselineState"] = _BASELINE_STATE[cluster["baseline"]]
        results.append(result)
    tool = records["tool"]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": tool["name"], "version": tool["version"], "rules": [RULE]}},
            "columnKind": "unicodeCodePoints",  # our columns count characters, not UTF-16 units
            "results": results,
        }],
    }
    return {"report.sarif": json.dumps(log, indent=2, ensure_ascii=False) + "\n"}


def render_github(records: dict) -> dict[str, str]:

    claims, paths, differs = {c["id"]: c for c in records["claims"]}, _paths(records), differing(records)
    lines = []
    for cluster in _discrepancies(records):
        if cluster.get("baseline") == "known":
            continue
        primary, *_ = _ordered(cluster, claims, records, differs)
        properties = {"title": f"check-claims: {_fact(cluster)}", "file": paths[primary["source"]]}
        if "line" in primary:
            properties.update(line=primary["line"], endLine=primary["line"], col=primary["column"],
                              endColumn=primary["column"] + len(primary["text"]))
        lines.append(workflow_command(_level(cluster, claims, records), properties, cluster["explanation"]))
    return {STDOUT: "".join(line + "\n" for line in lines)}


def step_summary(records: dict) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: the counts, then every discrepancy (annotations are
    capped per step, the summary is not)."""
    summary = records["summary"]
    lines = [f"### check-claims: {counted(summary['discrepancy'], 'discrepancy', 'discrepancies')}, "
             f"{counted(summary['agreement'], 'agreement')}, "
             f"{summary['single-source']} single-source ({counted(summary['sources'], 'source')})", ""]
    found = _discrepancies(records)
    if found:
        lines += ["| fact | what the sources say | baseline |", "|---|---|---|"]
        lines += [f"| {_cell(_fact(k))} | {_cell(k['explanation'])} | {k.get('baseline', '')} |" for k in found]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no pipes, no line breaks, no HTML."""
    return " ".join(text.split()).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def render_junit(records: dict) -> dict[str, str]:
    failures = sum(k["status"] == "discrepancy" and k.get("baseline") != "known" for k in records["clusters"])
    skipped = sum(k["status"] == "discrepancy" and k.get("baseline") == "known" for k in records["clusters"])
    suites = ET.Element("testsuites", name="check-claims")
    suite = ET.SubElement(suites, "testsuite", name="check-claims", tests=str(len(records["clusters"])),
                          failures=str(failures), errors="0", skipped=str(skipped))
    named: Counter[str] = Counter()
    for cluster in records["clusters"]:
        # a test is tracked by its name from run to run: the fact's, not its values' or its id's,
        # which change when a figure does (two facts of one name are told apart by their order)
        named[name := _fact(cluster)] += 1
        case = ET.SubElement(suite, "testcase", classname=f"check-claims.{cluster['kind']}",
                             name=name if named[name] == 1 else f"{name} ({named[name]})")
        if cluster["status"] == "discrepancy":
            if cluster.get("baseline") == "known":
                ET.SubElement(case, "skipped", message="accepted in the baseline")
            else:
                failure = ET.SubElement(case, "failure", type="discrepancy", message=cluster["explanation"])
                failure.text = cluster["explanation"]
        ET.SubElement(case, "system-out").text = cluster["explanation"]
    ET.indent(suites)
    return {"junit.xml": ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"}


# ------------------------------------------------------------- workflow commands

def escape_data(value) -> str:
    """@actions/core escapeData: the message part of a workflow command."""
    return str(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value) -> str:
    """@actions/core escapeProperty: a property value, where ':' and ',' are delimiters."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def workflow_command(command: str, properties: dict, message: str) -> str:
    """'::command key=value,...::message', empty properties left out as @actions/core does."""
    props = ",".join(f"{k}={escape_property(v)}" for k, v in properties.items() if v not in (None, ""))
    return f"::{command}{' ' + props if props else ''}::{escape_data(message)}"


# ------------------------------------------------------------- shared pieces

def _discrepancies(records: dict) -> list[dict]:
    return [k for k in records["clusters"] if k["status"] == "discrepancy"]


def _draft(records: dict) -> str | None:
    return records["draft"]["source"] if "draft" in records else None


def _ordered(cluster: dict, claims: dict[str, dict], records: dict, differs: set[str]) -> list[dict]:
    """The cluster's claims, the draft's first (it is the text being edited), then the outliers:
    a value that cannot be the one most sources give (`differs`, findings.differing), then a value
    fewer sources give, before the one most give, so an annotation lands on the line that most
    likely needs the edit. Ties keep report order."""

    members = [claims[cid] for cid in cluster["claims"]]
    holders = sources_by_value(members)
    return sorted(members, key=lambda c: (c["source"] != _draft(records), c["id"] not in differs,
                                          len(holders[display(c)])))


def _level(cluster: dict, claims: dict[str, dict], records: dict) -> str:
    draft = _draft(records)
    involved = draft is None or any(claims[cid]["source"] == draft for cid in cluster["claims"])
    return "error" if involved else "warning"


def _fact(cluster: dict) -> str:
    """'count workers': the kind, then what the finding is about when that says more."""

    name = fact_name(cluster)
    return cluster["kind"] if name == cluster["kind"] else f"{cluster['kind']} {name}"


def _paths(records: dict) -> dict[str, str]:
    return {s["id"]: s["path"] for s in records["sources"]}


def _sarif_location(claim: dict, paths: dict[str, str]) -> dict:
    """Where a claim is: line and column in the file for text sources; the file alone for
    HTML/CSV/JSONL, whose offsets index extracted text rather than the file."""
    physical: dict = {"artifactLocation": {"uri": _uri(paths[claim["source"]])}}
    if "line" in claim:
        physical["region"] = {"startLine": claim["line"], "startColumn": claim["column"],
                              "endLine": claim["line"], "endColumn": claim["column"] + len(claim["text"]),
                              "snippet": {"text": claim["text"]}}
    return {"physicalLocation": physical,
            "message": {"text": f"{claim['source']}: {display(claim)} (\"{claim['sentence']}\")"}}


def _uri(path: str) -> str:
    pure = PurePath(path)
    return pure.as_uri() if pure.is_absolute() else quote(pure.as_posix())
