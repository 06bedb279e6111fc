"""Compare: group claims that state the same fact across sources and give each group a verdict.

Claims are compared only inside blocks of the same kind and unit class, so cost grows with
the size of the largest block, not with the square of all claims.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz

from . import lexicon

STATUSES = ("discrepancy", "agreement", "single-source")
_DIGITS_RE = re.compile(r"\d[\d,.:]*")


@dataclass(frozen=True)
class Cluster:
    id: str
    status: str
    kind: str
    unit: str | None
    subject: str | None
    claims: tuple[str, ...]
    sources: tuple[str, ...]
    explanation: str


@dataclass(frozen=True)
class TimelineEvent:
    date: str
    event: str
    claims: tuple[str, ...]
    status: str


def interval(row, tolerance: float) -> tuple:
    """A claim's value as a closed (low, high) interval of comparable keys."""
    if row["kind"] == "date":
        low = row["low"] if _present(row["low"]) else row["value"]
        high = row["high"] if _present(row["high"]) else row["value"]
        return _date_bounds(str(low))[0], _date_bounds(str(high))[1]
    if not isinstance(row["value"], (int, float)) or isinstance(row["value"], bool):
        return (str(row["value"]), str(row["value"]))
    value = float(row["value"])
    low = float(row["low"]) if _present(row["low"]) else value
    high = float(row["high"]) if _present(row["high"]) else value
    hedge = row["hedge"]
    if hedge == "approx":
        return value * (1 - tolerance), value * (1 + tolerance)
    if hedge in ("at-least", "more-than"):
        return low, float("inf")
    if hedge in ("at-most", "less-than"):
        return float("-inf"), high
    return low, high


def align(claims: pd.DataFrame, *, tolerance: float = 0.05, threshold: float = 60.0
          ) -> tuple[list[Cluster], list[TimelineEvent]]:
    """Clusters (every claim in exactly one) and the timeline of dated events."""
    if claims.empty:
        return [], []
    frame = claims.assign(
        block_unit=[lexicon.unit_class(u) if isinstance(u, str) else None for u in claims["unit"]],
        context=[_DIGITS_RE.sub(" ", s).lower() for s in claims["sentence"]],
    )
    groups: list[list[int]] = []
    for _, block in frame.groupby(["kind", frame["block_unit"].fillna("")], sort=False):
        members: list[list[int]] = []
        for idx in block.index:
            best, best_score = None, threshold
            for group in members:
                score = min(_similarity(frame, idx, other) for other in group)
                if score >= best_score:
                    best, best_score = group, score
            if best is None:
                members.append([idx])
            else:
                best.append(idx)
        groups.extend(members)
    groups.sort(key=min)
    clusters = [_verdict(frame, f"k{n}", rows, tolerance) for n, rows in enumerate(groups, 1)]
    return clusters, _timeline(frame, clusters)


def _similarity(frame: pd.DataFrame, a: int, b: int) -> float:
    if frame.at[a, "source"] == frame.at[b, "source"]:
        return 0.0  # the skeleton keeps each source's mentions apart
    return fuzz.token_set_ratio(frame.at[a, "context"], frame.at[b, "context"])


def _verdict(frame: pd.DataFrame, cid: str, rows: list[int], tolerance: float) -> Cluster:
    part = frame.loc[rows]
    sources = tuple(dict.fromkeys(part["source"]))
    if len(sources) < 2:
        status = "single-source"
    else:
        spans = [interval(row, tolerance) for _, row in part.iterrows()]
        clash = any(a[0] > b[1] or b[0] > a[1] for i, a in enumerate(spans) for b in spans[i + 1:])
        status = "discrepancy" if clash else "agreement"
    first = part.iloc[0]
    by_value: dict[str, list[str]] = {}
    for _, row in part.iterrows():
        by_value.setdefault(display(row), []).append(_short(row["source"]))
    said = "; ".join(f"{value} ({', '.join(dict.fromkeys(srcs))})" for value, srcs in by_value.items())
    n = len(sources)
    explanation = f"{n} source{'s' if n > 1 else ''}: {said}"
    unit = first["unit"] if isinstance(first["unit"], str) else None
    return Cluster(cid, status, first["kind"], unit, first["subject"] if isinstance(first["subject"], str) else unit,
                   tuple(part["id"]), sources, explanation)


def _timeline(frame: pd.DataFrame, clusters: list[Cluster]) -> list[TimelineEvent]:
    status_of = {c.id: c for c in clusters}
    events = []
    for cluster in clusters:
        if cluster.kind != "date":
            continue
        part = frame[frame["id"].isin(cluster.claims)]
        first = part.iloc[0]
        when = first["value"] if _present(first["value"]) else first["low"]
        events.append(TimelineEvent(str(when), _event_words(first["sentence"]), cluster.claims,
                                    status_of[cluster.id].status))
    return sorted(events, key=lambda e: (e.date, e.claims))


def display(row) -> str:
    """A claim's value as a reader would write it: '~2,500', '>=4', '2024-01-28'."""
    value = row["value"] if _present(row["value"]) else f"{row['low']}..{row['high']}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:,}" if isinstance(value, (int, float)) else str(value)
    mark = {"approx": "~", "at-least": ">=", "more-than": ">", "at-most": "<=", "less-than": "<"}
    return mark.get(row["hedge"], "") + text


def _event_words(sentence: str, limit: int = 12) -> str:
    words = sentence.split()
    return " ".join(words[:limit]) + (" ..." if len(words) > limit else "")


def _short(source_id: str) -> str:
    """'003_7857e447d3d3f3be.txt' -> '003': the leading token a reader recognises."""
    stem = source_id.rsplit("/", 1)[-1]
    return re.split(r"[_.]", stem, maxsplit=1)[0] or stem


def _present(value) -> bool:
    return value is not None and not (isinstance(value, float) and value != value)


def _date_bounds(value: str) -> tuple[str, str]:
    """ISO prefix -> (first day, last day); year-less '--MM-DD' compares on month and day."""
    if value.startswith("--"):
        return value, value
    parts = value.split("-")
    year = parts[0]
    if len(parts) == 1:
        return f"{year}-01-01", f"{year}-12-31"
    month = int(parts[1])
    if len(parts) == 2:
        last = calendar.monthrange(int(year), month)[1]
        return f"{year}-{month:02d}-01", f"{year}-{month:02d}-{last:02d}"
    return value, value
