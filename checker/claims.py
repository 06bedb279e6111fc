"""Extract: find checkable numbers and dates in a `Source` and normalise each into a `Claim`.

Candidates are found with our own grammar (compiled once at import); nothing here scans
running text with dateparser, which over-matches ("Tower 22, a" reads as a date).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from . import lexicon
from .sources import Source

KINDS = ("count", "date", "time", "duration", "measure", "money", "percent", "ordinal")


@dataclass(frozen=True)
class Claim:
    """One checkable mention: ``source_text[start:end] == text``."""

    source: str
    start: int
    end: int
    text: str
    kind: str
    value: int | float | str | None
    low: int | float | str | None = None
    high: int | float | str | None = None
    hedge: str = "exact"
    unit: str | None = None
    normalized: dict | None = field(default=None, compare=False)
    subject: str | None = None
    event_date: str | None = None
    sentence: str = ""
    year_inferred: bool = False


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUM = lexicon.load("numbers")
_WORD_VALUES = {**_NUM["units"], **_NUM["tens"]}
_MONTHS = lexicon.load("calendar")["months"]

_HEDGE = rf"(?:(?P<hedge>{_alternation(lexicon.hedges())})\s+)?"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUM = rf"(?:{_alternation(_WORD_VALUES)})(?:-(?:{_alternation(_NUM['units'])}))?"
_SCALE = rf"(?:\s+(?P<scale>{_alternation(_NUM['scales'])}))?"
NUMBER_RE = re.compile(
    rf"(?<![\w.,-]){_HEDGE}(?P<num>{_DIGITS}|{_WORDNUM}){_SCALE}(?![\w-]|[.,]\d)",
    re.I,
)
_MONTH = rf"(?P<month>{_alternation(m for m in _MONTHS if len(m) > 3)})"
DATE_RE = re.compile(
    rf"\b(?:(?P<prep>on|in|since|by|until|through)\s+)?{_MONTH}"
    rf"(?:\s+(?P<day>\d{{1,2}})(?!\d))?(?:,?\s+(?P<year>(?:19|20)\d{{2}}))?\b"
    rf"|\b(?P<yprep>in|since|by|until|through)\s+(?P<year_only>(?:19|20)\d{{2}})\b",
    re.I,
)
NOUN_RE = re.compile(r"\s+(?:(?:[A-Z][\w-]*|American|Iraqi|U\.S\.|US)\s+)?(?P<noun>[a-z][a-z-]+)")
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘])|\n+")
_HEDGE_BOUNDS = {"at-least": "low", "more-than": "low", "at-most": "high", "less-than": "high"}


def parse_number(token: str, scale: str | None = None) -> int | float:
    """'2,500' -> 2500, 'twenty-one' -> 21, '1.5' + 'million' -> 1500000."""
    token = token.lower().replace(",", "")
    if token[0].isdigit():
        value: float = float(token)
    else:
        head, _, tail = token.partition("-")
        value = _WORD_VALUES[head] + (_NUM["units"][tail] if tail else 0)
    if scale:
        value *= _NUM["scales"][scale.lower()]
    return int(value) if float(value).is_integer() else value


def sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of text[start:]."""
    spans, pos = [], start
    for m in SENTENCE_END_RE.finditer(text, start):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def extract(source: Source, *, reference: date | None = None) -> list[Claim]:
    """Every claim in `source`, in text order. `reference` dates year-less mentions."""
    text = source.text
    if reference is None and source.published:
        reference = date.fromisoformat(source.published)
    claims: list[Claim] = []
    for s_start, s_end in sentences(text, source.body_start):
        sentence = text[s_start:s_end]
        taken: list[tuple[int, int]] = []
        for m in DATE_RE.finditer(sentence):
            claim = _date_claim(source.id, m, s_start, sentence, reference)
            claims.append(claim)
            taken.append((m.start(), m.end()))
        for m in NUMBER_RE.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if (claim := _count_claim(source.id, m, s_start, sentence)) is not None:
                claims.append(claim)
    return sorted(claims, key=lambda c: (c.start, c.end))


def _date_claim(sid: str, m: re.Match, offset: int, sentence: str, reference: date | None) -> Claim:
    if m.group("year_only"):
        value = m.group("year_only")
        return Claim(sid, offset + m.start(), offset + m.end(), m.group(0), "date", value,
                     sentence=sentence, event_date=value)
    month = _MONTHS[m.group("month").lower()]
    day = int(m.group("day")) if m.group("day") else None
    year = int(m.group("year")) if m.group("year") else None
    inferred = False
    if year is None and reference is not None:
        year, inferred = reference.year, True
        if (month, day or 1) > (reference.month, reference.day):
            year -= 1  # news reports the past: a month after the reference date is last year's
    prefix = f"{year:04d}-{month:02d}" if year else f"--{month:02d}"
    value = f"{prefix}-{day:02d}" if day else prefix
    return Claim(sid, offset + m.start(), offset + m.end(), m.group(0), "date", value,
                 sentence=sentence, event_date=value, year_inferred=inferred)


def _count_claim(sid: str, m: re.Match, offset: int, sentence: str) -> Claim | None:
    value = parse_number(m.group("num"), m.group("scale"))
    noun = NOUN_RE.match(sentence, m.end())
    unit = noun.group("noun") if noun else None
    hedge = lexicon.hedges().get((m.group("hedge") or "").lower(), "exact")
    bounds = {_HEDGE_BOUNDS[hedge]: value} if hedge in _HEDGE_BOUNDS else {}
    return Claim(sid, offset + m.start(), offset + m.end(), m.group(0), "count", value,
                 hedge=hedge, unit=unit, sentence=sentence, subject=unit, **bounds)
