"""Values: one claim's value as an interval to compare, and as a reader would write it.

compare.py decides which claims state one fact; this module only reads ONE claim's fields (value,
low, high, hedge, unit, normalized...) into a closed interval of comparable keys (ISO days, days,
UTC minutes of day, canonical units) and into text ('~2,500'). The draft check and the reports
read values the same way, so a verdict and what a report shows for it cannot drift apart.
"""
from __future__ import annotations

import calendar
import math
import numbers
import re
from collections import Counter
from datetime import date, timedelta

from . import lexicon

_EVENTS = lexicon.load("events")
_CALENDAR = lexicon.load("calendar")
_MONTHS = frozenset(_CALENDAR["months"])
_WEEKDAYS = frozenset(_CALENDAR["weekdays"])
_DATELINE = frozenset(_EVENTS["dateline_words"])
_ZONE_OFFSETS = {zone: tuple(hours) if isinstance(hours, list) else (hours,)
                 for zone, hours in _EVENTS["zone_offsets"].items()}
_OFFSET_RE = re.compile(r"UTC([+-])(\d{1,2})(?::(\d\d))?")  # a zone the extractor wrote as its offset ("UTC+5:30")
DAY_MINUTES = 24 * 60
_ABOUT_MINUTES = 15  # "about 10am": a time given to the quarter hour
# a word: a letter, then letters, digits and ’'.- ("U.S.", "Israel's", "ex-soldier")
WORD_RE = re.compile(r"[^\W\d_][\w’'.-]*")
_DURATION_RE = re.compile(r"P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?"
                          r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?")
_FIXED_DAYS = (7.0, 1.0, 1 / 24, 1 / 1440, 1 / 86400)  # a week's days to a second's, as `_DURATION_RE` orders them
#: ISO 8601 duration designators ("T" before a time's) -> the unit they count, in `_DURATION_RE`'s order
DURATION_UNITS = {"Y": "years", "M": "months", "W": "weeks", "D": "days", "TH": "hours", "TM": "minutes",
                  "TS": "seconds"}
TIME_RE = re.compile(r"(?:(\d{4}-\d{2}-\d{2})T)?(\d{1,2}):(\d{2})")
#: hedges that leave a value open above ("at least 4", "since 1955") or below ("up to 30", "by 2026")
OPEN_ABOVE, OPEN_BELOW = ("at-least", "more-than"), ("at-most", "less-than")
_MARKS = {"approx": "~", "at-least": ">=", "more-than": ">", "at-most": "<=", "less-than": "<"}
_DAY_PARTS = frozenset(_CALENDAR["day_parts"])
_ACROSS_MIDNIGHT: dict[str, str] = _CALENDAR["across_midnight"]  # "late" goes with "night", "early" with "morning"
_SCALES = (10 ** 3, 10 ** 6, 10 ** 9, 10 ** 12)  # thousand, million, billion, trillion
_WRITTEN_RE = re.compile(r"\d[\d,]*(?:\.(?P<decimals>\d+))?")  # a number as written, its decimals apart


def interval(row, tolerance: float) -> tuple:
    """A claim's value as a closed (low, high) interval of comparable keys.

    Dates give ISO day strings (year-less '--MM-DD' stays so); durations days; times of day
    minutes; numbers their canonical unit (``normalized``) with the hedge applied: approx is
    +/- tolerance, at least / more than open above. An exact number is as precise as written
    (30 miles is 29.5..30.5 miles), so converted units still meet (30 miles ~ 48 km).
    """
    kind = row["kind"]
    if kind == "date":
        low, high = stated_days(row)
        if _relative(row) and not low.startswith("--"):  # "today" in a story filed overnight
            low, high = shift(low, -1), shift(high, 1)
        elif low == high and not low.startswith("--") and any(reach := across_midnight(row)):
            low, high = shift(low, -reach[0]), shift(high, reach[1])  # "late Tuesday night": one night
        return low, high
    if kind == "duration":
        spans = [span for field in ("low", "value", "high") if present(row[field])
                 and (span := _duration_days(row[field]))]
        bounds = (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else (math.nan, math.nan)
        return _widen(bounds, row["hedge"], tolerance)
    if kind == "time":
        low, high = _utc(_numeric(row, minutes), row.get("unit"))
        if row["hedge"] == "approx":  # "about 3pm" is 2:45..3:15, not 5% of the minutes since midnight
            return low - _ABOUT_MINUTES, high + _ABOUT_MINUTES
        return _widen((low, high), row["hedge"], tolerance)
    value = number(row["value"])
    if value is None and not (present(row["low"]) or present(row["high"])):
        return (str(row["value"]), str(row["value"]))
    scale = _scale(row)
    low = number(row["low"]) if present(row["low"]) else value
    high = number(row["high"]) if present(row["high"]) else value
    low = high if low is None else low
    high = low if high is None else high
    if row["hedge"] == "approx" and low == high:
        # as wide as the tolerance, and never narrower than the figure as written: "about five kilometres"
        # is no nearer 5 than "five kilometres"
        half = half_step(low, row.get("text"))
        around = _widen((low * scale, high * scale), "approx", tolerance)
        return min(around[0], (low - half) * scale), max(around[1], (high + half) * scale)
    if row["hedge"] == "exact" and low == high:
        half = half_step(low, row.get("text"))
        normalized = row.get("normalized")
        # a whole number as written (half a unit), not a temperature (40°C and 41°C differ)
        if (row["kind"] == "measure" and isinstance(normalized, dict) and normalized.get("unit") != "degC"
                and half >= 0.49 and _written_number(low, row.get("text"))):
            half = max(half, _rounded(low, tolerance))
        low, high = low - half, high + half
    return _widen((low * scale, high * scale), row["hedge"], tolerance)


def _rounded(value: float, tolerance: float) -> float:
    """How far a whole length, area, speed or weight ending in 5 or 0 may be from the figure it was
    converted from: "135 km (85 miles)" gives 83.9 miles to the nearest 5. Half that step, but no more
    than the tolerance of an approximate figure (30 miles is not 25 to 35)."""
    step = 10 if value % 10 == 0 else 5 if value % 5 == 0 else 0
    return min(step / 2, tolerance * abs(value))


def intervals_meet(a: tuple, b: tuple) -> bool:
    """Closed intervals intersect; year-less dates compare on month and day."""
    if isinstance(a[0], str) and isinstance(b[0], str) and ("--" in a[0][:2] or "--" in b[0][:2]):
        a, b = tuple(v[-5:] for v in a), tuple(v[-5:] for v in b)
    try:
        return not (a[0] > b[1] or b[0] > a[1])
    except TypeError:
        return a == b


def display(row) -> str:
    """A claim's value as a reader would write it: '~2,500', '>=4', '2024-01-28', '10..20' for
    a range ("between 10 and 20": its value is only the low end). A date's range is the days its hedge
    allows ("more than a week ago": '2016-05-06..2016-05-13'), so no mark goes before it."""
    low, high = row["low"], row["high"]
    if present(low) and present(high) and (low != high or not present(row["value"])):
        text = f"{_as_written(low)}..{_as_written(high)}"
        if row.get("kind") == "date":
            return text
    else:
        text = _as_written(row["value"])
    return _MARKS.get(row["hedge"], "") + text


def _as_written(value) -> str:
    """'2,500' for 2500.0; anything not a number as it is."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def hyphened(text, unit) -> bool:
    """Whether a count's figure is hyphened to its noun as a modifier ("a 200-student school", "the
    310-store chain"): the noun is in the singular, and it describes another."""
    return isinstance(unit, str) and bool(unit) and str(text).lower().endswith(f"-{unit.lower()}")


def present(value) -> bool:
    """Whether a field holds a value: a claims table gives NaN, a claim dict None, for one it lacks."""
    return value is not None and not (isinstance(value, float) and value != value)


def number(value) -> float | None:
    """A field's number as a float; None for text (dates, durations), booleans and missing values."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):  # numpy's too
        return None
    return None if value != value else float(value)


def _scale(row) -> float:
    """Factor from the number as written to its canonical unit (1 when not converted)."""
    normalized, value = row.get("normalized"), number(row["value"])
    if isinstance(normalized, dict) and value and number(normalized.get("value")) is not None:
        return float(normalized["value"]) / value
    return 1.0


def half_step(value: float, written: str | None = None) -> float:
    """Half the last written digit: 30 -> 0.5, 6.1 -> 0.05 (a little less, so 6.0 and 6.1 differ). The
    claim's text, when its number is the value itself, keeps the zeros a float drops ("6.0", "2.0 GHz"); when
    it is the value in thousands, millions or billions, its decimals are of that scale ("$1.3 billion" is
    $1.25bn to $1.35bn, as "$1.26 billion" rounds to it)."""
    text = repr(value).rstrip("0").rstrip(".") if not float(value).is_integer() else ""
    decimals = len(text.partition(".")[2]) if text else 0
    if found := _written_number(value, written):
        decimals = max(decimals, len(found["decimals"] or ""))
    elif (found := _WRITTEN_RE.search(str(written or ""))) and found["decimals"] and (
            number := float(found[0].replace(",", ""))):
        scale = 10 ** round(math.log10(abs(value / number))) if value else 0
        if scale in _SCALES and math.isclose(number * scale, value):
            return 0.49 * 10 ** -len(found["decimals"]) * scale
    return 0.49 * 10 ** -decimals


def _written_number(value: float, text) -> re.Match | None:
    """The number a claim's text writes, when it is the value itself ("6.0", "85 miles"; not "6’3”", whose
    value is 75 inches)."""
    found = _WRITTEN_RE.search(str(text or ""))
    return found if found and float(found[0].replace(",", "")) == value else None


def _widen(bounds: tuple, hedge: str, tolerance: float) -> tuple:
    """Apply a hedge to (low, high): approx widens by the tolerance, at least / at most open a side."""
    low, high = bounds
    if hedge == "approx":
        low = min(low * (1 - tolerance), low * (1 + tolerance))  # a negative bound widens the other way
        high = max(high * (1 + tolerance), high * (1 - tolerance))
    if hedge in OPEN_ABOVE:
        return low, math.inf
    if hedge in OPEN_BELOW:
        return -math.inf, high
    return low, high


def _numeric(row, parse) -> tuple:
    low = parse(row["low"]) if present(row["low"]) else parse(row["value"])
    high = parse(row["high"]) if present(row["high"]) else parse(row["value"])
    low = high if low is None else low
    high = low if high is None else high
    if low is None:
        return (math.nan, math.nan)
    return low, high


def _duration_days(value) -> tuple[float, float] | None:
    """A duration's days, shortest and longest: a year is 365 or 366 days, and months as many as that many
    months of the calendar hold running on from any month ("three months" is 89 to 92 days), or 30 a month,
    as sentences, leases and visas count them ("six months" is "180 days")."""
    m = _DURATION_RE.fullmatch(str(value))
    if not m or not any(m.groups()):
        return None
    years, months, *rest = (float(v) if v else 0.0 for v in m.groups())
    fixed = sum(amount * days for amount, days in zip(rest, _FIXED_DAYS))
    years, months = years + months // 12, months % 12
    whole, part = divmod(months, 1)
    shortest, longest = _MONTH_RUNS[int(whole)]
    low = 365 * years + min(shortest + 28 * part, 30 * months)
    high = 365 * years + math.ceil(years / 4) + longest + 31 * part
    return fixed + low, fixed + high


def _month_runs(count: int) -> tuple[int, int]:
    """The fewest and the most days `count` calendar months running on from any month hold."""
    def days(february: int) -> list[int]:
        lengths = (31, february, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
        return [sum(lengths[(first + n) % 12] for n in range(count)) for first in range(12)]
    return min(days(28)), max(days(29))


_MONTH_RUNS = [_month_runs(count) for count in range(12)]  # by a span's months short of a year


def join_durations(larger: str, smaller: str) -> str | None:
    """Two ISO durations as one when every unit of the first is larger than every unit of the second
    ('P3Y' and 'P6M' -> 'P3Y6M', 'PT2H' and 'PT15M' -> 'PT2H15M'); None otherwise ('P6M' and 'P3Y')."""
    a, b = _DURATION_RE.fullmatch(larger), _DURATION_RE.fullmatch(smaller)
    if not (a and b and any(a.groups()) and any(b.groups())):
        return None
    larger_units = [n for n, amount in enumerate(a.groups()) if amount]
    smaller_units = [n for n, amount in enumerate(b.groups()) if amount]
    if max(larger_units) >= min(smaller_units):
        return None
    amounts = [x or y for x, y in zip(a.groups(), b.groups())]
    parts = [f"{amount}{designator[-1]}" if amount else "" for amount, designator in zip(amounts, DURATION_UNITS)]
    date_part, time_part = "".join(parts[:4]), "".join(parts[4:])
    return f"P{date_part}" + (f"T{time_part}" if time_part else "")


def duration_words(duration) -> str:
    """A duration as a sentence gives it: 'P20Y' -> '20 years', 'P1Y6M' -> '1 year 6 months',
    'PT1M' -> '1 minute'; anything else as it is."""
    m = _DURATION_RE.fullmatch(str(duration))
    if not m or not any(m.groups()):
        return str(duration)
    return " ".join(f"{_as_written(float(v))} {unit}{'' if float(v) == 1 else 's'}"
                    for v, unit in zip(m.groups(), (u[:-1] for u in DURATION_UNITS.values())) if v)


def written(duration) -> float | None:
    """The number a duration was written with ("12 years" -> 12), None when it has none."""
    m = _DURATION_RE.fullmatch(str(duration))
    return next((float(v) for v in m.groups() if v), None) if m else None


def zone_offsets(zone) -> tuple | None:
    """The hours a zone is ahead of UTC ("EDT" -> (-4,), "ET" -> (-5, -4), "UTC+5:30" -> (5.5,)), None for a
    zone of no known offset ("local", "MSK")."""
    if not isinstance(zone, str):
        return None
    if m := _OFFSET_RE.fullmatch(zone):
        return ((1 if m[1] == "+" else -1) * (int(m[2]) + int(m[3] or 0) / 60),)
    return _ZONE_OFFSETS.get(zone)


def _utc(bounds: tuple, zone) -> tuple:
    """Minutes of day in a stated zone -> UTC minutes of day ("3:37 a.m. EDT" -> 07:37); a zone
    with two offsets (ET: EST or EDT) widens the interval to both."""
    offsets = zone_offsets(zone)
    if offsets is None or not all(map(math.isfinite, bounds)):
        return bounds
    low, high = bounds[0] - 60 * max(offsets), bounds[1] - 60 * min(offsets)
    wrap = -DAY_MINUTES if low >= DAY_MINUTES else DAY_MINUTES if low < 0 else 0
    return low + wrap, high + wrap


def minutes(value) -> float | None:
    """A time of day ('14:53', '2011-11-10T14:53') in minutes after midnight, None when it has none."""
    m = TIME_RE.search(str(value))
    return int(m.group(2)) * 60 + int(m.group(3)) if m else None


def _relative(row) -> bool:
    """A date read from words alone whose day is known only to +/- 1: words that count from the
    article's own day ('today', 'this morning', 'last night') count from a dateline often in
    another time zone than the event (an Australian paper's "today" for a Detroit Monday), and any
    such words count from the story's date when the article states none. Otherwise ('On Friday',
    'yesterday' in an article that states its date) the day is as written."""
    words = {w.lower().strip(".") for w in WORD_RE.findall(str(row.get("text") or ""))}
    if not in_words(row) or _MONTHS & words:
        return False
    return not present(row.get("published")) or bool(_DATELINE & words and not _WEEKDAYS & words)


def across_midnight(row) -> tuple[int, int]:
    """The days a day's words reach across midnight, before it and after it: "early Wednesday morning"
    (or "early Wednesday") the day before, "late Tuesday night" (or "late Tuesday") the day after.
    Outlets date an event near midnight either way; "late 2015" is no such day."""
    words = {w.lower() for w in WORD_RE.findall(str(row.get("text") or ""))}
    parts = words & _DAY_PARTS
    return tuple(int(side in words and parts <= {_ACROSS_MIDNIGHT[side]}) for side in ("early", "late"))


def in_words(row) -> bool:
    """A date said in words alone and placed by its article's date ('Tuesday', 'last night', 'in
    March'): its year inferred, no digit written."""
    return row.get("year_inferred") is True and not any(c.isdigit() for c in str(row.get("text") or ""))


def stated_days(row) -> tuple[str, str]:
    """A date claim's first and last day as written, before any slack for relative words."""
    low = row["low"] if present(row["low"]) else row["value"]
    high = row["high"] if present(row["high"]) else row["value"]
    low, high = (low if present(low) else high), (high if present(high) else low)
    return date_bounds(str(low))[0], date_bounds(str(high))[1]


def shift(day: str, days: int) -> str:
    """An ISO day moved by `days` days, at most to the calendar's first or last day."""
    try:
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
    except OverflowError:  # "more than 1,500 years ago" reaches back to 0001-01-01
        return (date.min if days < 0 else date.max).isoformat()


def date_bounds(value: str) -> tuple[str, str]:
    """ISO prefix -> (first day, last day); year-less '--MM-DD' compares on month and day."""
    if value.startswith("--"):  # a leap year's lengths: "February" may end on the 29th
        if len(value) > 4:
            return value, value
        return value + "-01", f"{value}-{calendar.monthrange(2000, int(value[2:4]))[1]}"
    parts = value.split("-")
    year = parts[0]
    if len(parts) == 1:
        return f"{year}-01-01", f"{year}-12-31"
    month = int(parts[1])
    if len(parts) == 2:
        last = calendar.monthrange(int(year), month)[1]
        return f"{year}-{month:02d}-01", f"{year}-{month:02d}-{last:02d}"
    return value, value


def majority(items, *, at_least: int = 1):
    """The item given most often, or None on a tie or when it is given fewer than `at_least`
    times: the figure sources agree on, when there is one."""
    ranked = Counter(items).most_common(2)
    if not ranked or ranked[0][1] < at_least or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def median_day(days) -> str | None:
    """The median of ISO days (None of none): a story's date, for its articles that state none
    (articles about one story are published close together)."""
    known = sorted(days)
    return known[len(known) // 2] if known else None
