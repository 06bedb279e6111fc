"""Baseline: findings an editor has accepted, so that only new ones fail a CI run.

Like detect-secrets' ``.secrets.baseline``, a finding is recognised by a fingerprint of what it
IS, not of how it is written: its kind, its unit class (troops and soldiers are one), the figure
most sources give (the usual one: held by more sources than any other, and by at least two), and
each source that gives another figure, with that figure. Figures are compared as numbers or dates
without their hedge ("approximately 2,500" and "2,500" are one figure). So rewording a sentence,
moving text, a source joining the majority or a new article agreeing with it keeps a finding
known; a changed figure, or a source taking or leaving a dissenting figure, makes a new finding
and marks the old one fixed. Without a usual figure (a tie, one source) every source is listed,
and a single-source finding also keeps its subject, since nothing else tells two of them apart.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import lexicon
from .values import display, majority

SCHEMA = "check-claims/baseline@2"
#: Baselines whose fingerprints no longer match (@1 keyed on the wording of agreeing sources).
EARLIER = ("check-claims/baseline@1",)


class BaselineError(Exception):
    """The baseline file cannot be used; the message names the file and the problem."""


class OutdatedBaseline(BaselineError):
    """A baseline written by an earlier check-claims: --update-baseline replaces it."""


def values(cluster: dict, claims: dict[str, dict]) -> dict[str, list[str]]:
    """{source: the values it states} for a report.json cluster, sorted."""
    found: dict[str, set[str]] = {}
    for cid in cluster["claims"]:
        found.setdefault(claims[cid]["source"], set()).add(display(claims[cid]))
    return {source: sorted(v) for source, v in sorted(found.items())}


def identity(cluster: dict, claims: dict[str, dict]) -> dict:
    """What a finding is (see the module docstring): kind, unit class, the usual figure and
    {source: its other figures}."""
    figures: dict[str, set[str]] = {}
    for cid in cluster["claims"]:
        claim = claims[cid]
        figures.setdefault(claim["source"], set()).add(display({**claim, "hedge": "exact"}))
    usual = majority((f for held in figures.values() for f in held), at_least=2)
    unit = cluster["unit"]
    found = {"kind": cluster["kind"], "unit": lexicon.unit_class(unit) if unit else None, "usual": usual,
             "differing": {s: sorted(held - {usual}) for s, held in sorted(figures.items()) if held - {usual}}}
    if len(figures) == 1:
        found["subject"] = cluster["subject"]
    return found


def fingerprint(cluster: dict, claims: dict[str, dict]) -> str:
    """A stable hash of what a finding is, from its report.json cluster and claim records."""
    material = json.dumps(identity(cluster, claims), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(material.encode()).hexdigest()[:20]


def entries(records: dict, statuses: tuple[str, ...]) -> dict[str, dict]:
    """{fingerprint: baseline entry} for the clusters whose status is one of `statuses`."""
    claims = {c["id"]: c for c in records["claims"]}
    found = {}
    for cluster in records["clusters"]:
        if cluster["status"] in statuses:
            found[fingerprint(cluster, claims)] = {
                "status": cluster["status"], "kind": cluster["kind"], "unit": cluster["unit"],
                "subject": cluster["subject"], "values": values(cluster, claims)}
    return found


def load(path: Path) -> dict[str, dict]:
    """{fingerprint: entry} from a baseline file."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a JSON baseline ({exc})") from None
    if isinstance(document, dict) and document.get("schema") in EARLIER:
        raise OutdatedBaseline(f"{path}: recorded by an earlier check-claims ({document['schema']}), whose "
                               "fingerprints no longer match: re-create it with --update-baseline")
    if (not isinstance(document, dict) or document.get("schema") != SCHEMA
            or not isinstance(document.get("findings"), list)):
        raise BaselineError(f"{path}: not a check-claims baseline (expected schema {SCHEMA!r} and a findings list)")
    known = {}
    for entry in document["findings"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise BaselineError(f"{path}: every finding needs a 'fingerprint' string")
        if problem := _shape_problem(entry):
            raise BaselineError(f"{path}: finding {entry['fingerprint']}: {problem}")
        known[entry["fingerprint"]] = {k: v for k, v in entry.items() if k != "fingerprint"}
    return known


def _shape_problem(entry: dict) -> str | None:
    """What is wrong with a (hand-edited) entry's fields, or None: the terminal and report.json
    show them, so a number where text goes would fail there, after the reports were written. A
    reason is text when given at all: report.json's fixed findings carry no null one."""
    if "reason" in entry and not isinstance(entry["reason"], str):
        return "'reason' must be text"
    for field in ("status", "kind", "unit", "subject"):
        if entry.get(field) is not None and not isinstance(entry[field], str):
            return f"'{field}' must be text"
    figures = entry.get("values", {})
    if not (isinstance(figures, dict) and all(isinstance(v, list) and all(isinstance(x, str) for x in v)
                                              for v in figures.values())):
        return "'values' must map each source to a list of figures as text"
    return None


def dumps(current: dict[str, dict], previous: dict[str, dict]) -> str:
    """The baseline file for `current` findings, sorted by fingerprint; a `reason` an editor gave
    a finding that is still there is kept."""
    findings = []
    for fp in sorted(current):
        entry = {"fingerprint": fp, **current[fp]}
        if previous.get(fp, {}).get("reason"):
            entry["reason"] = previous[fp]["reason"]
        findings.append(entry)
    return json.dumps({"schema": SCHEMA, "findings": findings}, indent=2, ensure_ascii=False) + "\n"


def annotate(records: dict, known: dict[str, dict], statuses: tuple[str, ...], path: str) -> dict:
    """Mark each cluster with `statuses` as "new" or "known" and list the baseline's fixed
    findings (those no longer found) in a top-level "baseline" section. Returns `records`."""
    claims = {c["id"]: c for c in records["claims"]}
    seen = set()
    counts = {"new": 0, "known": 0}
    for cluster in records["clusters"]:
        if cluster["status"] in statuses:
            fp = fingerprint(cluster, claims)
            seen.add(fp)
            cluster["baseline"] = "known" if fp in known else "new"
            counts[cluster["baseline"]] += 1
    fixed = [{"fingerprint": fp, **known[fp]} for fp in sorted(known) if fp not in seen]
    records["baseline"] = {"path": path, **counts, "fixed": fixed}
    return records


def summary_lines(records: dict) -> list[str]:
    """The terminal's account of the baseline: counts, then each new and each fixed finding."""
    section = records.get("baseline")
    if section is None:
        return []
    lines = [f"baseline {section['path']}: {section['new']} new, {section['known']} known, "
             f"{len(section['fixed'])} fixed"]
    lines += [f"  new    {k['kind']} {k['subject'] or ''}: {k['explanation']}"
              for k in records["clusters"] if k.get("baseline") == "new"]
    lines += [f"  fixed  {e.get('kind')} {e.get('subject') or ''}: "
              + "; ".join(f"{s}: {', '.join(v)}" for s, v in e.get("values", {}).items())
              for e in section["fixed"]]
    return lines
