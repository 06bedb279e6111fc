"""What each finding of a report says, read from report.json records by every output (HTML,
terminal, CI formats): the fact's name, its values with the sources giving each, and which of a
discrepancy's values cannot be the figure most sources give."""
from __future__ import annotations

from .values import display, interval, intervals_meet, majority


def fact_name(cluster: dict) -> str:
    """What a finding is about, in a word or two: its subject, else its unit, else its kind."""
    return cluster["subject"] or cluster["unit"] or cluster["kind"]


def sources_by_value(claims: list[dict], written=display) -> dict[str, list[str]]:
    """Each value the claims give, as a reader would write it (values.display, or `written`), with
    the sources that give it, each once, in the order first given: how every output weighs a fact's
    values."""
    given: dict[str, dict[str, None]] = {}
    for claim in claims:
        given.setdefault(written(claim), {})[claim["source"]] = None
    return {value: list(sources) for value, sources in given.items()}


def with_unit(claim: dict) -> str:
    """A value with the unit it needs to be read: '143,000,000,000 USD', '5.4%', '6.1 magnitude',
    '07:37 UTC', '940 miles' beside '1,500 km' (a count's unit is its fact's name)."""
    unit = claim["unit"] if claim["kind"] in ("money", "measure", "percent", "time") else None
    return f"{display(claim)}{'' if unit == '%' else ' '}{unit}" if unit else display(claim)


def spans(records: dict, claims: list[dict] | None = None) -> dict[str, tuple]:
    """Each claim's interval (values.interval at the run's tolerance) with its source's date, as
    compare's rows carry it: "on Thursday" is a day, not a day either way, once its source is dated.
    Of `claims` (default: all of the report's)."""
    published = {s["id"]: s["published"] for s in records["sources"]}
    return {c["id"]: interval({**c, "published": published[c["source"]]}, records["tolerance"])
            for c in (records["claims"] if claims is None else claims)}


def differing(records: dict) -> set[str]:
    """The claims of each discrepancy whose value cannot be the figure most of its sources give:
    their interval (values.interval at the run's tolerance, as compare reads values) meets none of
    that figure's. So ">=46" does not differ from 46 nor "about 2,500" from 2,600, but 3 differs
    from 4. Where the sources split evenly no figure is the usual one, and a value differs when
    some other source's cannot be it (both of "13" and "14")."""
    claims = {c["id"]: c for c in records["claims"]}
    disputed = [k for k in records["clusters"] if k["status"] == "discrepancy"]
    span = spans(records, [claims[cid] for k in disputed for cid in k["claims"]])
    found = set()
    for k in disputed:
        members = [claims[cid] for cid in k["claims"]]
        usual = majority(value for value, sources in sources_by_value(members).items() for _ in sources)
        figures = [span[c["id"]] for c in members if display(c) == usual]
        for c in members:
            own = span[c["id"]]
            if usual is None:
                differs = not all(intervals_meet(own, span[o["id"]]) for o in members if o["source"] != c["source"])
            else:
                differs = not any(intervals_meet(own, figure) for figure in figures)
            if differs:
                found.add(c["id"])
    return found
