"""Draft mode: check the editor's own story against the sources it is based on.

The draft is read and aligned together with the sources, like any other article; then each
of its claims gets a verdict from the claims it was aligned with in other sources:
corroborated (every one of them agrees), contradicted (at least one disagrees) or
unsupported (no source states that fact).
"""
from __future__ import annotations

from .findings import spans
from .lexicon import counted
from .values import display, intervals_meet as meet  # the test compare's verdicts use

VERDICTS = ("contradicted", "unsupported", "corroborated")
#: The cluster status a verdict ranks with, for --fail-on.
STATUS_OF = {"contradicted": "discrepancy", "unsupported": "single-source", "corroborated": "agreement"}


def annotate(records: dict, draft: str) -> dict:
    """Add the top-level "draft" section to report.json `records` for source id `draft`, each
    value read as the findings read it (findings.spans)."""
    claims = {c["id"]: c for c in records["claims"]}
    span = spans(records)
    members = {k["id"]: k["claims"] for k in records["clusters"]}
    verdicts = []
    for claim in records["claims"]:
        if claim["source"] != draft:
            continue
        others = [claims[cid] for cid in members[claim["cluster"]] if claims[cid]["source"] != draft]
        clash = [o for o in others if not meet(span[claim["id"]], span[o["id"]])]
        verdict = "contradicted" if clash else "corroborated" if others else "unsupported"
        verdicts.append({"claim": claim["id"], "verdict": verdict, "compared": [o["id"] for o in others]})
    counts = {v: sum(item["verdict"] == v for item in verdicts) for v in VERDICTS}
    records["draft"] = {"source": draft, "claims": verdicts, "summary": counts}
    return records


def summary_lines(records: dict) -> list[str]:
    """The terminal's account: each draft claim with its verdict and the source values it met."""
    section = records.get("draft")
    if section is None:
        return []
    claims = {c["id"]: c for c in records["claims"]}
    if not section["claims"]:
        return [f"draft {section['source']}: no claims"]
    counts = ", ".join(f"{n} {v}" for v, n in section["summary"].items())
    lines = [f"draft {section['source']}: {counted(len(section['claims']), 'claim')}: {counts}"]
    order = {v: n for n, v in enumerate(VERDICTS)}
    for item in sorted(section["claims"], key=lambda i: (order[i["verdict"]], int(i["claim"][1:]))):
        claim = claims[item["claim"]]
        where = f"{claim['line']}:{claim['column']}" if "line" in claim else f"@{claim['start']}"
        said = " ".join(filter(None, (display(claim), claim["unit"])))
        compared = "; ".join(f"{claims[c]['source']}: {display(claims[c])}" for c in item["compared"])
        lines.append(f"  {item['verdict']:<13} {where:<7} {claim['text']!r} = {said}"
                     + (f"  vs {compared}" if compared else ""))
    return lines
