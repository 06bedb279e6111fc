"""Table-driven extraction cases: tests/cases/<kind>.yml, each `text` + publication date ->
every claim extracted, with the fields that must match. One table per kind of claim."""
from datetime import date
from pathlib import Path

import pytest
import yaml

from checker.claims import extract
from checker.sources import Source

CASES = Path(__file__).parent / "cases"
KINDS = ("counts", "hedges", "units", "dates", "relative_dates", "durations", "times", "measures",
         "ordinals", "non_claims")
MIN_CASES = 150


def load_cases() -> list[tuple[str, dict]]:
    return [(f"{path.stem}-{n}", case) for path in sorted(CASES.glob("*.yml"))
            for n, case in enumerate(yaml.safe_load(path.read_text("utf-8"))["cases"], 1)]


def as_date(value) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def claims_for(case: dict):
    """`published` is the article's own date; `reference` the story's date for an undated article."""
    published = as_date(case.get("published"))
    source = Source("case.txt", "case.txt", case["text"], published=published.isoformat() if published else None)
    return extract(source, reference=as_date(case.get("reference")))


def same(got, want) -> bool:
    if isinstance(want, dict) and isinstance(got, dict):
        return want.keys() <= got.keys() and all(same(got[k], v) for k, v in want.items())
    if isinstance(want, (int, float)) and not isinstance(want, bool) and isinstance(got, (int, float)):
        return abs(got - want) <= 1e-3 * max(1.0, abs(want))
    return got == want


@pytest.mark.parametrize("case", [c for _, c in load_cases()], ids=[i for i, _ in load_cases()])
def test_case(case):
    got = claims_for(case)
    assert [c.text for c in got] == [w["text"] for w in case["expect"]], got
    for claim, want in zip(got, case["expect"]):
        for key, value in want.items():
            assert same(getattr(claim, key), value), f"{claim.text!r}: {key} = {getattr(claim, key)!r}, want {value!r}"


def test_every_kind_has_cases():
    counts = {path.stem: len(yaml.safe_load(path.read_text("utf-8"))["cases"] or []) for path in CASES.glob("*.yml")}
    missing = [kind for kind in KINDS if not counts.get(kind)]
    assert not missing, f"no extraction cases for: {', '.join(missing)}"
    assert sum(counts.values()) >= MIN_CASES


def test_spans_index_the_text():
    for _, case in load_cases():
        for claim in claims_for(case):
            assert case["text"][claim.start:claim.end] == claim.text


@pytest.mark.parametrize("case", [c for _, c in load_cases()], ids=[i for i, _ in load_cases()])
def test_gates_hold_every_match(case):
    """A grammar is skipped when its gate finds nothing: that must never lose a match."""
    from checker import claims, dates, quantities

    pairs = [(pattern, gate) for pattern, gate, _ in dates.DATE_GRAMMARS] + [
        *dates.GATES, *quantities.GATES, *claims.GATES]
    for text in (case["text"], case["text"].upper()):
        for pattern, gate in pairs:
            for m in pattern.finditer(text):
                assert dates.opens(gate, m.group()), f"{gate.pattern!r} misses {m.group()!r}"


def test_idiom_gate_holds_every_idiom():
    """The idiom gate is one word, so each idiom in the word list must hold it."""
    from checker.claims import _IDIOM_GATE
    from checker.dates import opens
    from checker.quantities import WORDS

    for idiom in WORDS["idioms"]:
        assert opens(_IDIOM_GATE, idiom) and opens(_IDIOM_GATE, idiom.upper()), idiom
