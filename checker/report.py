"""Report: one record set (`Report.to_records()`) and the writers that shape it into files."""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from . import __version__
from .claims import Claim
from .compare import STATUSES, Cluster, TimelineEvent, display
from .sources import Skipped, Source

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
        return {
            "schema": SCHEMA,
            "tool": {"name": "check-claims", "version": __version__},
            "sources": [_source_record(s) for s in self.sources],
            "claims": [_claim_record(cid, c, self.cluster_of[cid]) for cid, c in zip(self.claim_ids, self.claims)],
            "clusters": [_plain(asdict(c)) for c in self.clusters],
            "timeline": [_plain(asdict(e)) for e in self.timeline],
            "skipped": [asdict(s) for s in self.skipped],
            "summary": self.summary,
        }


def _source_record(src: Source) -> dict:
    record = {"id": src.id, "path": src.path, "published": src.published,
              "published_from": src.published_from, "title": src.title, "chars": len(src.text)}
    if src.format != "text" and src.format != "markdown":
        record["text"] = src.text  # offsets index the extracted text, so ship it
    return record


def _claim_record(cid: str, claim: Claim, cluster: str) -> dict:
    record = {"id": cid, **asdict(claim), "cluster": cluster}
    if record["normalized"] is None:
        del record["normalized"]
    return record


def _plain(record: dict) -> dict:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in record.items()}


# ---------------------------------------------------------------- writers

def write_atomic(path: Path, data: str | Iterable[str]) -> None:
    """Write via a temporary file renamed into place, so a reader never sees half a file.
    `data` may come in pieces (an archive's combined report.json is never held whole)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.writelines([data] if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def claims_frame(records: dict) -> pd.DataFrame:
    """claims.csv: one row a claim, with its source's date and its cluster's status."""
    published = {s["id"]: s["published"] for s in records["sources"]}
    status = {c["id"]: c["status"] for c in records["clusters"]}
    rows = []
    for c in records["claims"]:
        norm = c.get("normalized") or {}
        rows.append({"id": c["id"], "source": c["source"], "published": published.get(c["source"]),
                     "kind": c["kind"], "text": c["text"], "value": c["value"], "low": c["low"],
                     "high": c["high"], "hedge": c["hedge"], "unit": c["unit"],
                     "normalized_value": norm.get("value"), "normalized_unit": norm.get("unit"),
                     "subject": c["subject"], "event_date": c["event_date"], "sentence": c["sentence"],
                     "start": c["start"], "end": c["end"], "cluster": c["cluster"],
                     "status": status[c["cluster"]]})
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


CLAIM_COLUMNS = ["id", "source", "published", "kind", "text", "value", "low", "high", "hedge", "unit",
                 "normalized_value", "normalized_unit", "subject", "event_date", "sentence", "start",
                 "end", "cluster", "status"]
FINDING_COLUMNS = ["cluster", "status", "kind", "unit", "subject", "sources", "values", "explanation"]


def findings_frame(records: dict) -> pd.DataFrame:
    """findings.csv: one row a cluster, discrepancies first."""
    claims = {c["id"]: c for c in records["claims"]}
    order = {status: n for n, status in enumerate(STATUSES)}
    rows = []
    for k in sorted(records["clusters"], key=lambda k: (order[k["status"]], int(k["id"][1:]))):
        values = "; ".join(f"{claims[i]['source']}: {display(claims[i])}" for i in k["claims"])
        rows.append({"cluster": k["id"], "status": k["status"], "kind": k["kind"], "unit": k["unit"],
                     "subject": k["subject"], "sources": len(k["sources"]), "values": values,
                     "explanation": k["explanation"]})
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def render_json(records: dict) -> dict[str, str]:
    return {"report.json": json.dumps(records, indent=2, ensure_ascii=False) + "\n"}


def render_csv(records: dict) -> dict[str, str]:
    return {"claims.csv": claims_frame(records).to_csv(index=False, lineterminator="\n"),
            "findings.csv": findings_frame(records).to_csv(index=False, lineterminator="\n")}


def render_html(records: dict) -> dict[str, str]:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("checker", "templates"), autoescape=select_autoescape(default=True))
    findings = findings_frame(records).to_dict("records")
    return {"report.html": env.get_template("report.html.j2").render(records=records, findings=findings)}


#: Output format name -> function from records to {file name: contents}.
RENDERERS: dict[str, Callable[[dict], dict[str, str]]] = {
    "json": render_json,
    "csv": render_csv,
    "html": render_html,
}


def write(report: Report, out: Path, formats: list[str]) -> list[Path]:
    """Render every requested format first, then write them all: a failure writes nothing."""
    records = report.to_records()
    files: dict[str, str] = {}
    for fmt in formats:
        files.update(RENDERERS[fmt](records))
    written = []
    for name, data in files.items():
        write_atomic(out / name, data)
        written.append(out / name)
    return written
