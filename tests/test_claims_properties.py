"""Extraction holds on arbitrary text: it never raises and every span indexes the text."""
from datetime import date

from hypothesis import HealthCheck, given, settings, strategies as st

from checker.claims import KINDS, extract
from checker.sources import Source

# Text built from the pieces the grammar reacts to, so the search reaches its corners.
PIECES = st.sampled_from([
    " ", ", ", ". ", "\n", "-", "–", "/", ":", "(", ")", "$", "€", "£", "%", "at least ", "about ", "over ",
    "between ", " and ", " to ", "on ", "in ", "by ", "through ", "last ", "next ", "the end of ",
    "January", "May", "Dec.", "Tuesday", "Christmas Day", "summer", "yesterday", "ago", "years", "year-old",
    "aged ", "magnitude", "miles", "km", "pm", "a.m.", "GMT", "local time", "killed", "injured", "troops",
    "people", "Tower", "Flight", "one", "two", "twenty-one", "dozen", "a pair of", "million", "bn", "m",
    "third", "2nd", "1", "2", "22", "2,500", "6.1", "7:37", "1052", "2024", "1990s", "24", "0", "9999",
])
TEXT = st.one_of(st.text(max_size=200), st.lists(PIECES, max_size=40).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, published=st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))),
       reference=st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))))
def test_extraction_never_raises_and_spans_are_exact(text, published, reference):
    source = Source("p.txt", "p.txt", text, published=published.isoformat() if published else None)
    for claim in extract(source, reference=reference):
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start:claim.end] == claim.text
        assert claim.kind in KINDS
        assert claim.hedge in ("exact", "approx", "at-least", "more-than", "at-most", "less-than")
