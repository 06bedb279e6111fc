"""Numbers as written in news copy: "2,500", "1.5 million", "twenty-one", "two dozen", "a pair of".

`NUMBER` is a regex fragment without groups, so callers can embed it in their own patterns;
`parse_number` turns whatever it matched into an int or float.
"""
from __future__ import annotations

import re

from . import lexicon

_NUM = lexicon.load("numbers")
_UNITS: dict[str, int] = _NUM["units"]
_TENS: dict[str, int] = _NUM["tens"]
_SCALES: dict[str, int] = {**_NUM["scales"], "dozen": 12}
ORDINALS: dict[str, int] = _NUM["ordinals"]
SUFFIX_SCALES: dict[str, int] = _NUM["suffix_scales"]
_PHRASES: dict[str, float] = _NUM["phrases"]

_alt = lexicon.alternation
#: At most six comma groups (10**21): unbounded, a long run like "1,000,001,000,..." is rescanned
#: from every comma and matching goes quadratic (240 KB took five minutes).
#: A whole number with a fraction after it ("2 1/2 miles", "3 3/4 inches") is one number.
DIGITS = r"\d{1,3}(?:,\d{3}){1,6}(?:\.\d+)?|\d+ [1-9]/(?:2|3|4|8)(?![\d/])|\d+(?:\.\d+)?"
_BASE = rf"(?:(?:{_alt(_TENS)})(?:[- ](?:{_alt(_UNITS)})\b)?|(?:{_alt(_UNITS)}))"
_SCALE = rf"(?:{_alt(_SCALES)})"
_HALF = r"(?:[ -]and[ -]a[ -]half\b)?"  # "two and a half years", "two-and-a-half", "one and a half million"


def _tail(barred: str) -> str:
    """The words after a scale that add to it ("two hundred and fifty"), unless a `barred` scale follows them."""
    return rf"(?:\s+and)?\s+{_BASE}\b(?![ -]{barred})"


#: Hundreds may follow a larger scale ("two thousand five hundred"), but no other scale may, so "one hundred
#: and two hundred" stays a range's two ends.
_TAIL, _BIG_TAIL = _tail(_SCALE), _tail(rf"(?!hundred\b){_SCALE}")
_BIG = rf"(?:{_alt(s for s in _SCALES if _SCALES[s] >= 1000)})"
WORDS = rf"(?:{_alt(_PHRASES)}\b|{_BASE}\b{_HALF}(?:[ -](?:{_BIG}\b(?:{_BIG_TAIL})?|{_SCALE}\b(?:{_TAIL})?))*)"
#: A number in digits (optionally with a scale word) or in words. No capturing groups.
NUMBER = rf"(?:(?:{DIGITS}){_HALF}(?:[ -]{_SCALE}\b)*|{WORDS})"
#: The words a number in words starts with: every NUMBER match holds a digit or one of them.
FIRST_WORDS = (*_PHRASES, *_TENS, *_UNITS)
#: Ordinals in words or digits ("third", "23rd").
ORDINAL = rf"(?:\b(?:{_alt(ORDINALS)})\b|\b\d+(?:st|nd|rd|th)\b)"

_TOKEN_RE = re.compile(r"[a-z]+|\d/\d|\d[\d,]*(?:\.\d+)?")


def parse_number(text: str) -> int | float:
    """'2,500' -> 2500, 'twenty-one' -> 21, '1.5 million' -> 1500000, 'two dozen' -> 24, '2 1/2' -> 2.5,
    'two and a half' -> 2.5."""
    low = " ".join(text.lower().split())
    if low in _PHRASES:
        return _tidy(_PHRASES[low])
    total, current = 0.0, 0.0
    for token in _TOKEN_RE.findall(low):
        if "/" in token:  # the fraction of "2 1/2"
            current += int(token[0]) / int(token[2])
        elif token[0].isdigit():
            current += float(token.replace(",", ""))
        elif token in _UNITS or token in _TENS:
            current += _UNITS.get(token, 0) + _TENS.get(token, 0)
        elif token in _SCALES:
            scale = _SCALES[token]
            current = (current or 1) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
        elif token == "half":  # "two and a half"
            current += 0.5
        elif token in _PHRASES:  # "a dozen" inside a longer match
            current += _PHRASES[token]
    return _tidy(total + current)


def parse_ordinal(text: str) -> int:
    """'third' -> 3, '23rd' -> 23."""
    low = text.lower()
    return ORDINALS[low] if low in ORDINALS else int(low[:-2])


def _tidy(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 6)
