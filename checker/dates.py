"""Dates and times of day in running text, found with our own grammar and resolved exactly.

Every pattern is anchored on a calendar word or a date-shaped number, so identifiers such as
"Tower 22" never read as dates (dateparser's search does that). Year-less mentions resolve
against a reference date: a day within a month of it is the nearest such day; further off,
backwards for reporting of the past, forwards for what will, is scheduled to, or must happen
"by"/"through" then. Values are ISO prefixes at their true granularity ("2024-01-04", "2024-01",
"2024"); intervals (seasons, "end of 2021", "July 22-23") carry `low`/`high`.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from . import lexicon
from .numbers import NUMBER, parse_number
from .values import DAY_MINUTES, OPEN_ABOVE, OPEN_BELOW

_CAL = lexicon.load("calendar")
_MEASURES = lexicon.load("measures")
_WORDS = lexicon.load("words")
MONTHS: dict[str, int] = _CAL["months"]
WEEKDAYS: dict[str, int] = _CAL["weekdays"]
SEASONS: dict[str, list[str]] = _CAL["seasons"]
PARTS: dict[str, list[float]] = _CAL["parts"]
HOLIDAYS: dict[str, str] = _CAL["holidays"]
BOUNDS: dict[str, str] = _CAL["bounds"]
ZONES: dict[str, str] = _MEASURES["zones"]


class Mention(NamedTuple):
    """A normalised date/time/quantity found at sentence offsets [start, end)."""

    start: int
    end: int
    kind: str
    value: object
    low: object = None
    high: object = None
    hedge: str = "exact"
    unit: str | None = None
    year_inferred: bool = False
    normalized: dict | None = None


_alt = lexicon.alternation
_PREP = rf"(?:(?P<prep>{_alt(_CAL['prepositions'])})\s+)?"


def _names(table: dict) -> str:
    """Full names, or abbreviations with an optional full stop ("Dec." but not "Tuesday.")."""
    full = [w for w in table if len(w) > 4 or w in ("may", "june", "july")]
    return rf"(?:{_alt(full)}|(?:{_alt(w for w in table if w not in full)})\.?)"


_MONTH = rf"(?P<month>{_names(MONTHS)})"
_WEEKDAY = _names(WEEKDAYS)
_YEAR = r"(?P<year>(?:1[89]|20)\d{2})(?!\d|[.,]\d|'?s\b)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.]\d|\d)"
_DAY2 = r"(?:\s*[-–—]\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d))?"
#: The last day of a run may be written with a word before a month ("from 9 to 15 October", "between 9 and 12
#: May"); after one only with "from" or "between" before it ("from July 22 to 23", not "rose on July 22 to 23")
_TO = r"\s+(?:to|through|until|till|and)\s+"
_DAY2_BEFORE_MONTH = rf"(?:(?:\s*[-–—]\s*|{_TO})(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d))?"
_TO_DAY_RE = re.compile(rf"{_TO}(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\b(?![\w:.,/-]?\d|\s*(?:%|[a-z]))", re.I)
_RUN_YEAR_RE = re.compile(rf",?\s+{_YEAR}")  # "from July 22 to 23, 2024": the year closes the run
_PART = rf"(?:(?:the\s+)?(?P<part>{_alt(PARTS)})(?:\s+of)?[\s-]+)"
_SEASON = rf"(?P<season>{_alt(SEASONS)})"

#: The year written after a month or a day: "May 3, 2015", "May of 2015", "May of last year"
_REL_YEAR = rf"(?:(?:,?\s+|\s+of\s+){_YEAR}|\s+(?:of\s+)?(?P<rel_year>last|this|next)\s+year)"
#: A second date of a pair that writes the year for both: "March | and May 2015", "March 3 | and April 5, 2015",
#: "March | and April of last year"
_SHARED_YEAR_RE = re.compile(rf"\s+(?:and|or|to|through|until)\s+{_names(MONTHS)}(?:\s+[0-3]?\d(?:st|nd|rd|th)?)?"
                             rf"{_REL_YEAR}", re.I)
MDY_RE = re.compile(
    rf"\b{_PREP}{_PART}?(?:(?P<which>last|this|next)\s+)?(?:(?P<wd>{_WEEKDAY}),?\s+)?{_MONTH}"
    rf"(?:\s+{_DAY}{_DAY2})?{_REL_YEAR}?(?![\w-])", re.I)
DMY_RE = re.compile(
    rf"\b{_PREP}(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:the\s+)?{_DAY}{_DAY2_BEFORE_MONTH}(?:\s+of)?\s+{_MONTH}{_REL_YEAR}?"
    r"(?![\w-])",
    re.I)
NUMERIC_RE = re.compile(
    rf"(?<![\w/.-]){_PREP}(?:(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})"
    rf"|(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}}|\d{{2}}))(?![\w/-])", re.I)
YEAR_RE = re.compile(
    rf"\b{_PREP}(?:{_PART}|(?:the\s+)?{_SEASON}\s+(?:of\s+)?)?{_YEAR}(?!\s*[-–]\s*\d)", re.I)
_DECADE = r"(?:the\s+)?(?:(?P<part{n}>early|mid|late)[\s-]+)?(?P<decade{n}>(?:1[89]|20)\d0)'?s\b"
#: A decade, or a run of them: "the late 1960s", "from the 1930's to the 1960's"
DECADE_RE = re.compile(
    rf"\b{_PREP}{_DECADE.format(n='')}(?:\s+(?:to|until|till|through)\s+{_DECADE.format(n=2)})?", re.I)
#: A second decade after "and": one run with the first only when the next ("the 1980s and 1990s")
_AND_DECADE_RE = re.compile(rf"\s+and\s+{_DECADE.format(n=2)}", re.I)
DECADE_PARTS = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}
HOLIDAY_RE = re.compile(rf"\b{_PREP}(?P<hol>{_alt(HOLIDAYS)})(?:,?\s+{_YEAR})?\b", re.I)
_HEDGE = _alt(lexicon.hedges())
RELATIVE_RE = re.compile(
    rf"\b{_PREP}(?:(?P<word>yesterday|today|tomorrow|tonight|last night|this morning|this afternoon|this evening)"
    rf"(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?P<which>last|this|next|earlier this|later this|early next|late last)\s+"
    rf"(?P<unit>week|weekend|month|year|{_alt(SEASONS)})"
    rf"|(?:(?P<ago_hedge>{_HEDGE})\s+)?(?P<n>{NUMBER}|a|an)\s+(?P<nunit>days?|weeks?|months?|years?|decades?)\s+ago"
    rf"|(?P<the_weekend>(?:(?:over|at)\s+)?the\s+weekend)"
    rf"|(?:the\s+)?(?P<bare_season>{_alt(SEASONS)}))\b", re.I)
#: A weekday on its own is written in full: "Sun" alone is a newspaper, "Tue Jul 2" is read above.
#: One glossed by a date in brackets ("on Tuesday (6 January)") leaves the claim to that date;
#: a bracketed clock time ("on Tuesday (12am yesterday)") is no such gloss.
WEEKDAY_RE = re.compile(
    rf"\b{_PREP}(?:(?P<which>last|this|next|early|late)\s+)?(?P<wd>{_alt(w for w in WEEKDAYS if len(w) > 5)})"
    rf"(?:\s+(?:morning|afternoon|evening|night))?(?![\w-])"
    rf"(?!\s*\(\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?{_names(MONTHS)}\b)", re.I)

_TIME_WINDOWS: dict[str, list[int]] = _CAL["time_windows"]
_AMPM = r"[ap](?:\.\s?m\b\.?|\s?m\b)"  # "p.m.", "pm", and "p.m" with its last dot lost ("7:20 p.m, shots")
TIME_RE = re.compile(
    rf"(?<![\w.:/])(?:(?P<prep>at|by|from|until|till|before|after|since|on)\s+)?"
    rf"(?:(?P<hedge>{_alt([*lexicon.hedges(), *_TIME_WINDOWS])})\s+)?"
    rf"(?:(?P<h>[0-2]?\d)(?P<sep>[:.])(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?!\d|\.\d)"
    rf"(?:\s*(?P<ampm>{_AMPM}))?"
    rf"|(?P<h2>1[0-2]|0?\d)\s*(?P<ampm2>{_AMPM})"
    rf"|(?P<hhmm>[0-2]\d[0-5]\d)(?=\s*(?:hrs\b|hours\b|{_alt(ZONES)}\b|\(\s*[0-2]\d[0-5]\d\s*(?:{_alt(ZONES)})\b))"
    rf"|(?P<word>noon|midnight))"
    # a zone, perhaps in brackets ("(EST)"), perhaps with an offset ("GMT+5:30", "(UTC-3)")
    rf"(?:\s*(?P<paren>\(\s*)?(?P<zone>{_alt(ZONES)})\b"
    rf"(?:(?P<sign>[+-−])(?P<oh>\d{{1,2}})(?::?(?P<om>[0-5]\d))?)?(?(paren)\s*\)))?", re.I)

#: What follows a game clock's reading: "2:47 | of the seventh round", "3:12 | left", "1:05 | into overtime"
_GAME_CLOCK_RE = re.compile(
    rf"\s+(?:left|remaining|to\s+(?:go|play)\b"
    rf"|(?:of|into)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:{_alt(_CAL['game_periods'])})\b)", re.I)
_RACE_TIME_RE = re.compile(r"\b(?:in|of)\s+$")  # "won | in 2:04:55", "a time | of 2:04:55"
#: The part of the day after a clock time written without am or pm: "around 6:30 Sunday night", "at 8:15 that
#: evening", "9:40 in the morning"
_PART_AFTER_RE = re.compile(
    rf"\s+(?:(?:on\s+(?:an?\s+)?)?(?:{_alt(w for w in WEEKDAYS if len(w) > 5)})\s+"
    rf"|(?:in|on)\s+the\s+|that\s+|this\s+|at\s+(?=night))?"
    rf"(?P<part>{_alt(_CAL['day_parts'])})\b", re.I)

_HOUR = rf"(?:1[0-2]|0?[1-9]|{_alt(w for w, n in lexicon.load('numbers')['units'].items() if 1 <= n <= 12)})"
#: A bare hour made a time by a part of the day or "o'clock": "About 9 or 10 the next morning", "10 at night".
HOUR_RE = re.compile(
    rf"(?<![\w.:/,])(?:(?P<prep>at|by|from|until|till|before|after|since)\s+)?(?:(?P<hedge>{_HEDGE})\s+)?"
    rf"(?P<h>{_HOUR})(?:\s+(?:or|to)\s+(?P<h2>{_HOUR}))?"
    rf"(?:\s+(?P<oclock>o['’]clock))?(?:\s+(?:(?:in|on)\s+the|the\s+(?:next|following)|that|this|at(?=\s+night))"
    rf"\s+(?P<part>{_alt(_CAL['day_parts'])}))?\b", re.I)

_ATTRIBUTIVE_RE = re.compile(rf"\s+(?!(?:{_alt(_WORDS['stop'])})\b)[a-z]+\b(?<!ed)(?<!ing)")
_Q = _CAL["questions"]
_ASKS_RE = re.compile(
    rf"\s*(?:(?:{_alt(_Q['determiners'])})(?:\s+(?!(?:{_alt(_Q['subjects'])})\b)[\w'’-]+)?|{_alt(_Q['adverbs'])})"
    rf"\s+(?:{_alt(_Q['auxiliaries'])})\s+(?:{_alt(_Q['subjects'])})\b", re.I)
_CLAUSE_EDGE_RE = re.compile(r"[.!;:,\"“”/()]|\?(?!\s?\d)")  # "for? 110bn": a currency sign lost, no question
#: A time in the small hours near a weekday: "about 12:30 a.m. Tuesday", "Sunday at 2am", "midnight Friday".
_SMALL_HOURS_RE = re.compile(r"(?<![\d:.])(?:12|0?[0-5])(?:[:.][0-5]\d)?\s*a(?:\.\s?m\.|\s?m\b)|\bmidnight\b", re.I)
#: A reporting verb just before a weekday: "Gaskin said Monday", "police said on Monday".
_REPORTED_RE = re.compile(rf"\b(?:{_alt(_WORDS['reporting'])})\s+$", re.I)
#: An attribution ending a sentence after its date: ", the family said (on Monday)." tells who said it, not when
#: what they said happens; not a participle ("on January 28, claimed by the group,"), nor a clause the date opens
#: ("On April 21, police reported an assault", "on February 2, the United States launched strikes")
_CLOSING_ATTRIBUTION_RE = re.compile(rf",\s+(?:[\w.'’-]+\s+){{1,4}}?(?-i:{_alt(_WORDS['reporting'])})"
                                     r"(?:\s+(?:(?:on|in|at|late|early|this|last|today|yesterday|tonight)\b"
                                     r"|(?-i:[A-Z]))[\w.'’-]*(?:\s+[\w.'’-]+){0,3})?\s*[.!?\"”’]*$", re.I)
#: Not "scheduled" before a plural noun: "cancelled 5,000 flights on Friday, 5% of scheduled departures" looks back.
_FUTURE_RE = re.compile(rf"\b(?:{_alt(_CAL['future'])})\b(?!(?<=scheduled)\s+(?!this\b)(?-i:[a-z]{{3,}}s)\b)", re.I)
_PAST_VERBS = [verb for verb in _WORDS["past_verbs"] if verb not in _CAL["tenseless_verbs"]]
_PAST_RE = re.compile(rf"\b(?:(?:{_alt(_CAL['past'] + _PAST_VERBS)})\b(?![’']t\b)"  # not "won’t"
                      rf"|(?!(?:{_alt(_CAL['not_past'])})\b)(?-i:[a-z]{{2,}}ed)\b)", re.I)  # "Mohammed" is no verb
#: A participle after "be" says no tense (the auxiliary before it does): "will be held", "to be fully contained".
_BE_BEFORE_RE = re.compile(r"\bbe(?:en|ing)?\s+(?:[a-z]+ly\s+)?$", re.I)
#: A temporal clause in the present looks ahead, its participle with it: "when the defendant is sentenced".
_WHEN_PRESENT_RE = re.compile(r"\bwhen\s+(?:[\w'’-]+\s+){1,3}?(?:is|are)(?:\s+[a-z]+ed)?\b", re.I)
#: Words that schedule what they date but say not which way: "rescheduled for Jan. 16", "would begin Feb. 6".
_SCHEDULING_RE = re.compile(rf"\b(?:{_alt(_CAL['scheduling'])})\b(?!\s+(?:like|love)\b)", re.I)  # "would like to"
_STATE_RE = re.compile(rf"\b(?:{_alt(_CAL['present_states'])})\b", re.I)
_SPACES_RE = re.compile(r"\s*")
#: The event classes of violence: an attack and the toll it took ("shot Friday", "killed Saturday")
VIOLENCE = frozenset({*lexicon.load("events")["harms"], "attacks"})
_DEEDS = frozenset(word for word, kind in lexicon.event_classes().items() if kind in VIOLENCE)
_MONTH_DAYS = 31  # a year-less day this near the article's date is the nearest such day, whatever the tense
_TENSE_WINDOW = 80  # characters either side of a date that its tense is read from, within its sentence
_SENTENCE_EDGE_RE = re.compile(r"[.!?](?!\d)|[;:]")
#: The words that open a predicate of its own after "and" or "but" (an auxiliary, a pronoun subject)
PREDICATE_STARTS = _alt(_WORDS["predicate_starts"])
#: "and" or "but" before a predicate of its own, for tense a verb in -ed too ("and will", "and expected", ", and
#: they hope"); not before a noun ("workers and grief counselors will be stationed"); ", but" before a clause of its
#: own ("due for a repair in June, but engineers said")
_JOINED_PREDICATE_RE = re.compile(rf",\s+but\s+|,?\s+(?:and|but)\s+(?=(?:{PREDICATE_STARTS})\b|(?-i:[a-z]+ed)\b)", re.I)
_PROSPECTIVE_RE = re.compile(r"\b(?P<before>[a-z]+)\s+to\s+be\s+[a-z]+\b", re.I)
_NOT_PROSPECTIVE = frozenset(_CAL["not_prospective"])
_FUTURE_PREPS = frozenset(_CAL["future_prepositions"])
_PAST_PREPS = frozenset(_CAL["past_prepositions"])


def _cap(token: str | None) -> bool:
    """Calendar words count only when capitalised: "May 5" is a date, "may force" is not."""
    return bool(token) and token[0].isupper()


def _past(sentence: str, start: int, stop: int) -> list[re.Match]:
    """The past markers in sentence[start:stop], but for participles after "be"."""
    return [m for m in _PAST_RE.finditer(sentence, start, stop)
            if not _BE_BEFORE_RE.search(sentence, max(0, m.start() - 24), m.start())]


def tense(sentence: str, start: int, end: int, prep: str | None) -> int:
    """Which way a year-less date at sentence[start:end] points from the article's day: 1 forwards,
    -1 backwards, 0 unknown. The marker nearest the date decides, a future one (will, is due,
    scheduled...; a prospective "to be" + verb; "when" + a present) or a past one (was, ago, last, a verb
    in -ed), but not in an attribution ending the sentence (", police said"). With none, or a word that
    schedules either way (postponed, would), its own "by"/"through"/"until" looks forwards, "since" back."""
    window = max(0, start - _TENSE_WINDOW)
    stop = min(len(sentence), end + _TENSE_WINDOW)
    if edge := _SENTENCE_EDGE_RE.search(sentence, end, stop):  # bounded: a long line of dates stays linear
        stop = edge.start()
        if attribution := _CLOSING_ATTRIBUTION_RE.search(sentence, end, edge.end()):
            stop = attribution.start()
    before = [(1, m) for m in _FUTURE_RE.finditer(sentence, window, start)] + [
        (1, m) for m in _WHEN_PRESENT_RE.finditer(sentence, window, start)] + [
        (1, m) for m in _PROSPECTIVE_RE.finditer(sentence, window, start)
        if m.group("before").lower() not in _NOT_PROSPECTIVE] + [
        (0, m) for m in _SCHEDULING_RE.finditer(sentence, window, start)] + [
        (-1, m) for m in _past(sentence, window, start)]
    # a verb past "and" or "but" has a predicate of its own: "entered the clinic on Monday and will take part"
    # is dated by "entered"; only when nothing nearer tells does it ("on Monday and will be buried")
    joined = _JOINED_PREDICATE_RE.search(sentence, end, stop)
    after = _after_marks(sentence, end, joined.start() if joined else stop)
    if joined and not before and not after:
        after = _after_marks(sentence, joined.start(), stop)
    marks = [(start - m.end(), -way) for way, m in before] + [(m.start() - end, -way) for way, m in after]
    if marks and (way := -min(marks)[1]):  # the nearest; at a tie ("to be voted", "postponed"), the future
        return way
    prep = (prep or "").lower()
    return 1 if prep in _FUTURE_PREPS else -1 if prep in _PAST_PREPS else 0  # "postponed until Monday", "since May"


def _after_marks(sentence: str, start: int, stop: int) -> list[tuple[int, re.Match]]:
    """The tense markers of sentence[start:stop] after a date, each with its way (1 future, 0 either, -1 past)."""
    return [(1, m) for m in _FUTURE_RE.finditer(sentence, start, stop)] + [
        (0, m) for m in _SCHEDULING_RE.finditer(sentence, start, stop)] + [
        (-1, m) for m in _past(sentence, start, stop)]


def is_future(sentence: str, start: int, end: int, prep: str | None) -> bool:
    return tense(sentence, start, end, prep) > 0


def _nowadays(sentence: str, start: int, end: int) -> bool:
    """Is "today" here "these days" ("Today, Greece is a country of debtors", "Greece today has")? So it is
    before a state in the present tense with no tense marker near: such a sentence dates no event
    ("the vigil is today" does)."""
    return tense(sentence, start, end, None) == 0 and bool(_STATE_RE.search(sentence, end, end + _TENSE_WINDOW))


def _in_question(sentence: str, start: int, end: int) -> bool:
    """Is sentence[start:end] inside a direct question ("how many kids did you kill today", "will we
    be safe tonight?")? A question asserts nothing, so its "today" dates no reported event."""
    edges = [m.start() for m in _CLAUSE_EDGE_RE.finditer(sentence)]
    before = max((e for e in edges if e < start), default=-1)
    after = min((e for e in edges if e >= end), default=len(sentence))
    return sentence[after:after + 1] == "?" or bool(_ASKS_RE.match(sentence[before + 1:start]))


def year_for(month: int, day: int | None, ref: date, direction: int) -> int:
    """The year a year-less month(-day) falls in, seen from `ref`. A day within a month of ref is the
    nearest one, whatever the tense: news gives the year of another year's days, and the tense read near
    a day is often another clause's ("will be remembered for Aug. 26", "ordered him held until an Aug. 13
    hearing"). Otherwise the next one forwards, the latest one not after ref backwards (with 2 days' slack:
    datelines run ahead of the reference), else the nearest one ("May 19" in a March article is this May,
    "December 26" in a January one last year; a month alone is as likely last year's as this year's).
    February 29 falls in a leap year: the next, the last, or the nearest one."""
    def distance(year: int) -> int:
        first = date(year, month, day or 1)
        last = date(year, month, day) if day else _month_end(year, month)
        return max((first - ref).days, (ref - last).days, 0)
    years = [y for y in range(ref.year - 4, ref.year + 5) if _valid(y, month, day)]
    nearest = min(years, key=lambda year: (distance(year), year))  # a tie: the past
    if day and distance(nearest) <= _MONTH_DAYS:
        return nearest
    if direction > 0:
        return _year_with(month, day, ref.year + ((month, day or 31) < (ref.month, ref.day)), 1)
    latest = ref + timedelta(days=2)
    if direction < 0:
        return _year_with(month, day, latest.year - ((month, day or 1) > (latest.month, latest.day)), -1)
    return nearest


def _year_with(month: int, day: int | None, year: int, step: int) -> int:
    """`year`, or the first year from it in `step`'s direction that has the day (a leap year for
    February 29; there is one in any eight years)."""
    return next(y for y in range(year, year + 8 * step, step) if _valid(y, month, day))


def _iso(d: date) -> str:
    return d.isoformat()


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _part_interval(part: str, year: int, month: int | None) -> tuple[str, str]:
    """'end' of 2021 -> ('2021-10-01', '2021-12-31'); 'early' July 2024 -> days 1-11."""
    f0, f1 = PARTS[part.lower()]
    if month is None:
        lo, hi = round(f0 * 12) + 1, round(f1 * 12)
        return _iso(date(year, lo, 1)), _iso(_month_end(year, hi))
    n = calendar.monthrange(year, month)[1]
    return _iso(date(year, month, round(f0 * n) + 1)), _iso(date(year, month, round(f1 * n)))


def _season_interval(season: str, year: int) -> tuple[date, date]:
    lo, hi = SEASONS[season.lower()]
    start = date.fromisoformat(f"{year}-{lo}")
    end_year = year + (hi < lo)
    end = date(end_year, int(hi[:2]), min(int(hi[3:]), calendar.monthrange(end_year, int(hi[:2]))[1]))
    return start, end


def _season(season: str, which: str | None, ref: date, future: bool) -> tuple[date, date]:
    """'last' summer: the latest summer over before `ref`; 'this': the one of ref's year; 'next': the first after."""
    spans = [_season_interval(season, y) for y in (ref.year - 2, ref.year - 1, ref.year, ref.year + 1)]
    which = (which or "").lower()
    if which == "last":
        return [s for s in spans if s[1] < ref][-1]
    if which == "next":
        return next(s for s in spans if s[0] > ref)
    if which == "this":
        return next((s for s in spans if s[0] <= ref <= s[1]), spans[2])
    if future:
        return next(s for s in spans if s[1] >= ref)
    return [s for s in spans if s[0] <= ref][-1]


def _bounded(prep: str | None, value, low, high, hedge_default="exact"):
    """Apply a bounding preposition ("by next year" -> at most the end of next year)."""
    hedge = BOUNDS.get((prep or "").lower(), hedge_default)
    if isinstance(value, str) and value.startswith("-"):
        return hedge, low, high  # a year-less date has no calendar bounds to give
    if hedge in OPEN_BELOW and high is None and value is not None:
        high = _granule_end(value) if hedge == "at-most" else _granule_start(value)
    elif hedge in OPEN_ABOVE and low is None and value is not None:
        low = _granule_start(value) if hedge == "at-least" else _granule_end(value)
    return hedge, low, high


def _granule_start(value: str) -> str:
    parts = value.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def _granule_end(value: str) -> str:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return f"{parts[0]:04d}-12-31"
    if len(parts) == 2:
        return _iso(_month_end(*parts))
    return value


def _ymd(year: int | None, month: int, day: int | None) -> str:
    if year is None:
        return f"--{month:02d}-{day:02d}" if day else f"--{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}" if day else f"{year:04d}-{month:02d}"


def _valid(year: int | None, month: int, day: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= calendar.monthrange(year or 2000, month)[1]


#: A month as a modifier between an article and a noun: "in a January referendum", "the September talks"
#: ("the May government" is a name's)
_ARTICLE_BEFORE_RE = re.compile(r"\b(?:a|an|the)\s+$", re.I)
_MONTH_NAMES = frozenset(name.lower() for name in calendar.month_name[1:])
_NOUN_AFTER_RE = re.compile(rf"\s+(?!(?:{_alt(_WORDS['stop'])})\b)[a-z]{{3,}}\b")
_NAME_AFTER_RE = re.compile(r"\s+[A-Z][a-z]")


def _attributive(m: re.Match, sentence: str) -> bool:
    """Is the month alone in `m` a modifier ("a January referendum"), so it dates the noun after it? An event
    so named has most often happened: with no tense marker near, it looks back."""
    word = m.group("month")
    return (word.istitle() and word.lower() in _MONTH_NAMES and word != "May"  # not "the DEC family", "Dec."
            and _NOUN_AFTER_RE.match(sentence, m.end()) is not None
            and _ARTICLE_BEFORE_RE.search(sentence, max(0, m.start() - 4), m.start()) is not None)


def _calendar_date(m: re.Match, sentence: str, ref: date | None) -> Mention | None:
    if not _cap(m.group("month")):
        return None
    month_word = m.group("month").lower().rstrip(".")
    month = MONTHS[month_word]
    day = int(m.group("day")) if m.group("day") else None
    day2 = int(m.group("day2")) if m.group("day2") else None
    year = int(m.group("year")) if m.group("year") else None
    groups = m.groupdict()
    part = groups.get("part")
    rel_year, which = (groups.get("rel_year") or "").lower(), (groups.get("which") or "").lower()
    named = day is None and year is None and not (part or m.group("prep") or which or rel_year)
    if named and not _attributive(m, sentence):
        return None  # a month alone ("March", "May") is as often a verb or a name
    if (day is None and year is None and month_word == m.group("month").lower() and month_word not in _MONTH_NAMES
            and _NAME_AFTER_RE.match(sentence, m.end())):
        return None  # a short month with no full stop, day or year before a capital is a name's: "by Jan Care"
    end = m.end()
    if day2 is None and day and (m.group("prep") or "").lower() in ("from", "between") and (
            to := _TO_DAY_RE.match(sentence, end)):
        day2, end = int(to["day2"]), to.end()
        if year is None and (closing := _RUN_YEAR_RE.match(sentence, end)):
            year, end = int(closing["year"]), closing.end()
    if not _valid(year, month, day) or (day2 is not None and not _valid(year, month, day2)):
        return None
    if year is None and not rel_year and (shared := _SHARED_YEAR_RE.match(sentence, m.end())):
        # "in March and May 2015", "in March and April of last year": the year after the pair is both months'
        year, rel_year = shared["year"] and int(shared["year"]), (shared["rel_year"] or "").lower()
    inferred = year is None
    if year is None and ref is not None and rel_year:
        year = ref.year + {"last": -1, "next": 1}.get(rel_year, 0)
    elif year is None and ref is not None:
        direction = 1 if which == "next" else -1 if which == "last" else tense(
            sentence, m.start(), m.end(), m.group("prep")) or (-1 if named else 0)  # "The April shooting is": past
        year = year_for(month, day, ref, direction)
        if which == "last" and year == ref.year and month >= ref.month:
            # "last October", said in October, is the October before ("last Feb. 29" the leap year before)
            year = _year_with(month, day, year - 1, -1)
        if (wd := groups.get("wd")) and day and date(year, month, day).weekday() != WEEKDAYS[wd.lower().rstrip(".")]:
            # "Monday, March 4" names its year: the neighbouring one where March 4 is a Monday
            year = next((y for y in (year + 1, year - 1) if _valid(y, month, day)
                         and date(y, month, day).weekday() == WEEKDAYS[wd.lower().rstrip(".")]), year)
    value, low, high = _ymd(year, month, day), None, None
    if day2 is not None and day2 > (day or 0):
        value, low, high = None, _ymd(year, month, day), _ymd(year, month, day2)
    elif part and year is not None and day is None:
        value, (low, high) = None, _part_interval(part, year, month)
    hedge, low, high = _bounded(m.group("prep"), value, low, high)
    return Mention(m.start(), end, "date", value, low, high, hedge, year_inferred=inferred)


def _numeric_date(m: re.Match, sentence: str, ref: date | None) -> Mention | None:
    if m.group("iy"):
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        y += 2000 if y < 100 and y < 50 else 1900 if y < 100 else 0
        mo, d = (b, a) if a > 12 else (a, b)  # US order unless the first part cannot be a month
    if not _valid(y, mo, d):
        return None
    hedge, low, high = _bounded(m.group("prep"), _ymd(y, mo, d), None, None)
    return Mention(m.start(), m.end(), "date", _ymd(y, mo, d), low, high, hedge)


def _year_date(m: re.Match, sentence: str, ref: date | None) -> Mention | None:
    year = int(m.group("year"))
    if m.group("part"):
        low, high = _part_interval(m.group("part"), year, None)
        return Mention(m.start(), m.end(), "date", None, low, high)
    if m.group("season"):
        lo, hi = _season_interval(m.group("season"), year)
        return Mention(m.start(), m.end(), "date", None, _iso(lo), _iso(hi))
    if not m.group("prep"):
        return None  # a bare year is read with the numbers, where "2000 people" is a count
    if _ATTRIBUTIVE_RE.match(sentence, m.end()):  # "hit by 2004 tsunami": the preposition is the noun's
        return Mention(m.start("year"), m.end(), "date", str(year))
    hedge, low, high = _bounded(m.group("prep"), str(year), None, None)
    return Mention(m.start(), m.end(), "date", str(year), low, high, hedge)


def _decade(m: re.Match, sentence: str, ref: date | None) -> Mention:
    """'the 1990s' -> 1990..1999; 'the late 1960s' -> 1966..1969; 'the 1930s to the early 1960s' -> 1930..1963."""
    start = int(m.group("decade"))
    lo, hi = DECADE_PARTS.get((m.group("part") or "").lower(), (0, 9))
    second = m if m.group("decade2") else _AND_DECADE_RE.match(sentence, m.end())
    if second and (second is m or int(second.group("decade2")) == start + 10):  # "since the 1970s and 1990s": two
        start2 = int(second.group("decade2"))
        _, hi = DECADE_PARTS.get((second.group("part2") or "").lower(), (0, 9))
        return Mention(m.start(), second.end(), "date", None, str(start + lo), str(start2 + hi))
    return Mention(m.start(), m.end(), "date", None, str(start + lo), str(start + hi))


def _holiday(m: re.Match, sentence: str, ref: date | None) -> Mention | None:
    if not _cap(m.group("hol")):
        return None
    month, day = (int(x) for x in HOLIDAYS[m.group("hol").lower()].split("-"))
    year = int(m.group("year")) if m.group("year") else None
    inferred = year is None
    if year is None and ref is not None:
        year = year_for(month, day, ref, tense(sentence, m.start(), m.end(), m.group("prep")))
    if year is None and not m.group("hol").lower().endswith(("day", "eve")):
        return None  # bare "Christmas" with nothing to date it is the season, not a day
    return Mention(m.start(), m.end(), "date", _ymd(year, month, day), year_inferred=inferred)


_UNIT_MONTHS = {"month": 1, "year": 12, "decade": 120}
#: A hedged "N units ago" dates the event on the other side of the point: "more than a week ago" is before it.
_AGO_HEDGES = {"more-than": "less-than", "at-least": "at-most", "less-than": "more-than", "at-most": "at-least",
               "approx": "approx"}


def _back(ref: date, n: float, unit: str) -> date | None:
    """`ref` moved back n units (day, week, month, year or decade), to the day; months and years keep the
    day of the month where it exists. None before the calendar's first year ("2,500 years ago")."""
    if unit in ("day", "week"):
        days = int(n * (7 if unit == "week" else 1))
        return ref - timedelta(days=days) if days < ref.toordinal() else None
    y, mo = divmod(ref.year * 12 + ref.month - 1 - int(n * _UNIT_MONTHS[unit]), 12)
    return date(y, mo + 1, min(ref.day, calendar.monthrange(y, mo + 1)[1])) if y >= 1 else None


def _shift(ref: date, n: float, unit: str) -> str | None:
    """`ref` minus n units, as a value at the unit's granularity; half a year or decade more ("two and a
    half years ago") is counted in months. None before the calendar's first year."""
    day = _back(ref, n, unit)
    if day is None:
        return None
    if unit in ("day", "week"):
        return _iso(day)
    return f"{day.year:04d}-{day.month:02d}" if unit == "month" or n != int(n) else f"{day.year:04d}"


def _ago(ref: date, n: float, unit: str, hedge: str) -> tuple[str | None, str | None]:
    """The days a hedged "N units ago" spans. "more than a week ago" is read as one to two weeks ago (an
    open end would meet any earlier date), "less than a month ago" as since a month ago; "about two weeks
    ago" as a quarter either side, where the unit's granule (a month, a year) is not slack enough already."""
    if hedge in OPEN_BELOW:
        return _iso(_back(ref, 2 * n, unit) or date.min), _iso(_back(ref, n, unit))
    if hedge in OPEN_ABOVE:
        return _iso(_back(ref, n, unit)), _iso(ref)
    if hedge == "approx" and unit in ("day", "week"):
        return _iso(_back(ref, n * 1.25, unit) or date.min), _iso(_back(ref, n * 0.75, unit))
    return None, None


def _relative(m: re.Match, sentence: str, ref: date | None) -> Mention | None:
    if ref is None or _in_question(sentence, m.start(), m.end()):
        return None
    prep, begin, done = _possessive(m, sentence)
    future = not done and is_future(sentence, m.start(), m.end(), prep)
    low = high = None
    hedge = "exact"
    if m.group("word"):
        word = m.group("word").lower()
        if word == "today" and _nowadays(sentence, m.start(), m.end()):
            return None
        offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)
        value = _iso(ref + timedelta(days=offset))
    elif m.group("n"):
        n = 1 if m.group("n").lower() in ("a", "an") else parse_number(m.group("n"))
        unit = m.group("nunit").lower().rstrip("s")
        value = _shift(ref, n, unit)
        if value is None:
            return None  # "2,500 years ago": no calendar date, but the time elapsed (a duration)
        if m.group("ago_hedge"):
            hedge = _AGO_HEDGES[lexicon.hedge(m.group("ago_hedge"))]
            low, high = _ago(ref, n, unit, hedge)
    elif m.group("the_weekend"):  # "over the weekend": the latest one begun by ref, or the next one
        saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)
        if future and ref.weekday() < 5:
            saturday += timedelta(weeks=1)
        value, low, high = None, _iso(saturday), _iso(saturday + timedelta(days=1))
    elif m.group("bare_season"):
        if not prep or m.group("bare_season")[0].isupper():
            return None  # "summer" alone is too vague to date anything; "Dies in Fall" is no season
        lo, hi = _season(m.group("bare_season"), None, ref, future)
        value, low, high = None, _iso(lo), _iso(hi)
    else:
        which, unit = m.group("which").lower().split()[-1], m.group("unit").lower()
        step = {"last": -1, "next": 1}.get(which, 0)
        if unit in SEASONS:
            lo, hi = _season(unit, which, ref, future)
            value, low, high = None, _iso(lo), _iso(hi)
        elif unit == "year":
            value = str(ref.year + step)
        elif unit == "month":
            y, mo = divmod(ref.year * 12 + ref.month - 1 + step, 12)
            value = f"{y:04d}-{mo + 1:02d}"
        else:  # weekend: Saturday..Sunday; week: Monday..Sunday, from the Sunday before, where a US week begins
            monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
            lo = monday + timedelta(days=5) if unit == "weekend" else monday - timedelta(days=1)
            value, low, high = None, _iso(lo), _iso(monday + timedelta(days=6))
    hedge, low, high = _bounded(prep, value, low, high, hedge)
    return Mention(begin, m.end(), "date", value, low, high, hedge, year_inferred=True)


def _possessive(m: re.Match, sentence: str) -> tuple[str | None, int, bool]:
    """A relative date's preposition, its start, and whether it dates a deed done. A possessive's
    preposition is its noun's ("killed in Wednesday's bombing", "impacted by today's violence"), so the
    date starts after it; and a violent deed it dates is done, whatever the verb's tense ("Saturday's
    shooting will keep children inside")."""
    if not sentence.startswith(("'s", "’s"), m.end()):
        return m.group("prep"), m.start(), False
    begin = _SPACES_RE.match(sentence, m.end("prep")).end() if m.group("prep") else m.start()
    deed = sentence[m.end() + 2:m.end() + 2 + _TENSE_WINDOW].split(maxsplit=2)[:2]  # "Saturday's | deadly shooting"
    return None, begin, any(w.strip(".,;:").lower() in _DEEDS for w in deed)


def _weekday(m: re.Match, sentence: str, ref: date | None) -> Mention | None:
    """A weekday: the next one for the future (today, unless "next"), the nearer one where a word before it in
    its clause schedules either way ("would arrive Wednesday"), else the latest one by `ref`. A
    statement and the small hours are the exceptions: news reports what was "said Monday" fresh, and
    the night after a late dateline runs into the next day ("about 12:30 a.m. Tuesday", "early Tuesday"
    under a Monday evening header), so the weekday one day after the dateline is that next day (headers
    lag the local date by time zone or an overnight update), not six days back."""
    if ref is None or not _cap(m.group("wd")):
        return None
    wd = WEEKDAYS[m.group("wd").lower().rstrip(".")]
    which = (m.group("which") or "").lower()
    prep, begin, done = _possessive(m, sentence)
    way = 1 if which == "next" else -1 if which == "last" or done else tense(sentence, m.start(), m.end(), prep)
    if way > 0:  # "next Tuesday" is after today; "will be held Tuesday" may be today
        day = ref + timedelta(days=(wd - ref.weekday() - 1) % 7 + 1 if which == "next" else (wd - ref.weekday()) % 7)
    elif which == "last":
        day = ref - timedelta(days=(ref.weekday() - wd - 1) % 7 + 1)
    elif way == 0 and _scheduled(sentence, m.start()):
        # scheduled either way ("a team would arrive Wednesday", "was postponed to Friday"): the nearer one
        ahead = (wd - ref.weekday()) % 7
        day = ref + timedelta(days=ahead if ahead <= 3 else ahead - 7)
    else:
        day = ref - timedelta(days=(ref.weekday() - wd) % 7)
        if which in ("", "early") and day == ref - timedelta(days=6) and (
                which == "early" or _REPORTED_RE.search(sentence, max(0, m.start() - 20), m.start())
                or _SMALL_HOURS_RE.search(sentence, max(0, m.start() - 20), m.end() + 20)):
            day = ref + timedelta(days=1)
    hedge, low, high = _bounded(prep, _iso(day), None, None)
    return Mention(begin, m.end(), "date", _iso(day), low, high, hedge, year_inferred=True)


def _scheduled(sentence: str, start: int) -> bool:
    """Whether a word that schedules either way ("would", "postponed") comes before `start` in its clause: not
    another clause's ("broke out after a rally on Friday, and you might think it would")."""
    clause = max(sentence.rfind(",", 0, start), sentence.rfind(";", 0, start), start - _TENSE_WINDOW - 1) + 1
    return bool(_SCHEDULING_RE.search(sentence, max(clause, 0), start))


def gated(pattern: re.Pattern, gate: re.Pattern, text: str):
    """The matches of `pattern` in `text`, not looked for when `gate` finds nothing. A gate is a cheap
    pattern that every match holds (tests/test_claims.py checks it on every case): most sentences hold
    no date, time or idiom, and a few words are found far faster than a grammar is tried at every
    character."""
    return pattern.finditer(text) if opens(gate, text) else iter(())


def opens(gate: re.Pattern, text: str) -> bool:
    """Whether `gate`, a pattern in lower case, is in `text` in any case. It is searched in the text
    lowered, not with re.I: a case-sensitive search is several times faster, and a literal one
    ("photo|video") far more."""
    return gate.search(_in_lower_case(text)) is not None


@lru_cache(maxsize=16)
def _in_lower_case(text: str) -> str:
    """A sentence in lower case, made once for the dozen gates searched in it one after the other."""
    return text.lower()


def word_gate(words) -> re.Pattern:
    """Any of `words` at a word boundary, in lower case (a gate for `opens`): every match of a grammar
    holds one of its gate's words there (tests/test_claims.py checks it on every case). Grouped by first
    letter, so at a word start only the words with its first letter are tried: the same words, found faster."""
    by_first: dict[str, list[str]] = {}
    for word in map(str.lower, words):
        by_first.setdefault(word[0], []).append(word[1:])
    return re.compile(rf"\b(?:{'|'.join(f'{re.escape(c)}(?:{_alt(rest)})' for c, rest in by_first.items())})")


_MONTH_GATE = word_gate(MONTHS)
_HOUR_GATE = word_gate([*_CAL["day_parts"], "o'clock", "o’clock"])  # every HOUR_RE time holds one
#: Every TIME_RE time holds a digit before a separator and a digit, before a.m./p.m., or in a run of four
_TIME_GATE = re.compile(r"\d(?:[:.]\d|\s*[ap]|\d\d\d)|noon|midnight")
#: Patterns read through `gated` here whose every match holds the gate (the test checks each pair; HOUR_RE
#: is not one: its gate holds only the times it keeps)
GATES = ((TIME_RE, _TIME_GATE),)
_YEAR_GATE = re.compile(r"(?:1[89]|20)\d\d")
#: Every RELATIVE_RE date holds a day's word, "ago", a weekend, a season or a unit after "last", "this" or
#: "next": not the unit alone, which most sentences hold ("a 23-year-old", "at night") and which dates nothing
_RELATIVE_GATE = re.compile(rf"\b(?:yesterday|today|tomorrow|tonight|weekend|ago\b|{_alt(SEASONS)}"
                            r"|(?:last|this|next)\s+(?:night|morning|afternoon|evening|week|month|year))")
#: Date grammars in priority order: a span taken by an earlier one is not read again. Each comes
#: with a gate, a cheap pattern that every one of its matches contains: most sentences hold no
#: date, and looking for a few words is far faster than trying a whole grammar at every word.
DATE_GRAMMARS = (
    (DMY_RE, _MONTH_GATE, _calendar_date),
    (MDY_RE, _MONTH_GATE, _calendar_date),
    (NUMERIC_RE, re.compile(r"\d[-/]\d"), _numeric_date),
    (DECADE_RE, _YEAR_GATE, _decade),
    (YEAR_RE, _YEAR_GATE, _year_date),
    (HOLIDAY_RE, word_gate(HOLIDAYS), _holiday),
    (RELATIVE_RE, _RELATIVE_GATE, _relative),
    (WEEKDAY_RE, word_gate(w for w in WEEKDAYS if len(w) > 5), _weekday),
)


def free(taken: bytearray, start: int, end: int) -> bool:
    """Is no character of sentence[start:end] taken by an earlier mention? (`taken` is a
    per-character mask, so checks stay linear however many numbers a sentence holds.)"""
    return taken.find(1, start, end) < 0


def take(taken: bytearray, start: int, end: int) -> None:
    taken[start:end] = b"\x01" * (end - start)


def find_dates(sentence: str, ref: date | None, taken: bytearray) -> list[Mention]:
    """Every date mention in `sentence` outside `taken` (which it marks), earlier grammars first.

    A year-less calendar date in a sentence that names exactly one year takes that year when no
    comma or semicolon parts them ("the Boxing Day earthquake and tsunami in 2004"; not "in Bam in
    2003, and 600 in Zarand in February")."""
    found: list[Mention] = []
    calendar_days: set[int] = set()  # positions of year-less month/day and holiday mentions
    passed: dict[re.Pattern, bool] = {}  # two grammars may share a gate: search once
    for pattern, gate, build in DATE_GRAMMARS:
        if gate not in passed:
            passed[gate] = opens(gate, sentence)
        if not passed[gate]:
            continue
        for m in pattern.finditer(sentence):
            if not free(taken, m.start(), m.end()):
                continue
            if (mention := build(m, sentence, ref)) is not None:
                found.append(mention)
                take(taken, mention.start, mention.end)
                if mention.year_inferred and pattern in _CALENDAR_GRAMMARS and not m.groupdict().get("rel_year"):
                    calendar_days.add(mention.start)
    years = [f for f in found if isinstance(f.value, str) and f.value.isdigit()]
    if len({f.value for f in years}) == 1 and calendar_days:
        year = years[0]
        found = [_with_year(f, year.value) if f.start in calendar_days and not _CLAUSE_BREAK_RE.search(
            sentence, min(f.end, year.end), max(f.start, year.start)) else f for f in found]
    return found


def _with_year(mention: Mention, year: str) -> Mention:
    swap = lambda v: f"{year}{v[4:]}" if isinstance(v, str) and v[:1].isdigit() else (  # noqa: E731
        f"{year}{v[1:]}" if isinstance(v, str) and v.startswith("--") else v)
    return mention._replace(value=swap(mention.value), low=swap(mention.low), high=swap(mention.high))


_CALENDAR_GRAMMARS = (DMY_RE, MDY_RE, HOLIDAY_RE)
_CLAUSE_BREAK_RE = re.compile(r"[,;]")
_RUNNING_TIME_RE = re.compile(r"\)?\s*(?:autoplay\b|:|$)", re.I)


def find_times(sentence: str, taken: bytearray) -> list[Mention]:
    """Times of day outside `taken` (which it marks): "at 2:53 pm" -> "14:53", "1052 GMT" -> "10:52"."""
    found = []
    for m in gated(TIME_RE, _TIME_GATE, sentence):
        if not free(taken, m.start(), m.end()):
            continue
        ampm = (m.group("ampm") or m.group("ampm2") or "").lower()
        zone = m.group("zone")
        if m.group("word"):
            if not (m.group("prep") or m.group("hedge")):
                continue
            hour, minute = (12, 0) if m.group("word").lower() == "noon" else (0, 0)
        elif m.group("hhmm"):
            hour, minute = int(m.group("hhmm")[:2]), int(m.group("hhmm")[2:])
        else:
            hour = int(m.group("h") or m.group("h2"))
            minute = int(m.group("m") or 0)
            if not (ampm or zone) and (
                    m.group("sep") == "."  # "6.1" is a number, "3.45pm" a time
                    or _GAME_CLOCK_RE.match(sentence, m.end())  # a game's clock: "at 2:47 of the seventh round"
                    # a video's running time after its title: "Three Hurt in Drive-By Shooting 1:19 autoplay",
                    # "Video (01:00) :"; not a time stamped after a date ("Published: March 12, 2013 02:03")
                    or not (m.group("prep") or m.group("hedge")) and _RUNNING_TIME_RE.match(sentence, m.end())
                    and not sentence[max(0, m.start() - _TENSE_WINDOW):m.start()].rstrip()[-1:].isdigit()
                    or m.group("s") and _RACE_TIME_RE.search(sentence, max(0, m.start() - 4), m.start())):
                continue  # a race's time: "won in 2:04:55"
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        elif not (ampm or zone) and m.group("h") and 1 <= hour < 12 and (
                part := _PART_AFTER_RE.match(sentence, m.end())):
            hour = int(_clock(str(hour), part.group("part"))[:2])  # "6:30 Sunday night" is 18:30
        if hour > 24:
            continue
        hedge = lexicon.hedge(m.group("hedge"))
        # "shortly before 10 p.m.", or "before midnight" with no word of how long before
        low, high = _window(hour * 60 + minute, _TIME_WINDOWS.get((m.group("hedge") or m.group("prep") or "").lower()))
        unit = ZONES[zone.lower()] if zone else None
        if unit in ("UTC", "GMT") and m.group("sign"):  # "10:02 GMT+5:30" is 04:32 GMT
            sign = "-" if m.group("sign") in "-−" else "+"
            unit = f"UTC{sign}{int(m.group('oh'))}" + (f":{m.group('om')}" if int(m.group("om") or 0) else "")
        found.append(Mention(m.start(), m.end(), "time", f"{hour:02d}:{minute:02d}", low, high, hedge, unit))
        take(taken, m.start(), m.end())
    for m in gated(HOUR_RE, _HOUR_GATE, sentence):
        if (m.group("oclock") or m.group("part")) and free(taken, m.start(), m.end()):
            hours = [_clock(m.group(g), m.group("part")) for g in ("h", "h2") if m.group(g)]
            low, high = (hours[0], hours[-1]) if len(hours) > 1 else (None, None)
            hedge = lexicon.hedge(m.group("hedge"))
            found.append(Mention(m.start(), m.end(), "time", hours[0], low, high, hedge))
            take(taken, m.start(), m.end())
    return found


def _window(at: int, offsets: list[int] | None) -> tuple[str | None, str | None]:
    """The bounds of a time `offsets` minutes around `at` (minutes after midnight); a window that
    starts the day before ("shortly before midnight") runs to 24:00 so its bounds stay in order."""
    if offsets is None:
        return None, None
    low, high = (at + offset for offset in offsets)
    if low < 0:
        low, high = low + DAY_MINUTES, high + DAY_MINUTES
    return tuple(f"{t // 60:02d}:{t % 60:02d}" for t in (low, high))


def _clock(hour: str, part: str | None) -> str:
    """'10', 'night' -> '22:00'; '2', 'night' -> '02:00' (the small hours); '9', 'morning' -> '09:00'."""
    h = int(parse_number(hour)) % 12
    if part and (part.lower() != "night" or h >= 6):
        h += _CAL["day_parts"][part.lower()]
    return f"{h:02d}:00"
