"""Extract: find checkable numbers and dates in a `Source` and normalise each into a `Claim`.

Candidates are found with our own grammar (compiled once at import); nothing here scans
running text with dateparser, which over-matches ("Tower 22, a" reads as a date). Per
sentence, dates come first, then times of day, then quantities (money, percent, measures,
ages, durations, bare years, counts), then ordinals; a span taken once is not read again.
"""
from __future__ import annotations

import bisect
import calendar
import math
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from . import lexicon
from .dates import MONTHS, WEEKDAYS, ZONES, Mention, find_dates, find_times, gated, is_future, take, tense, year_for
from .quantities import BARE_DOLLAR_RE, CONTENT_RE, NOT_NAMES, STOP, WORDS, find_quantities, noun_phrase, suffered
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


IDIOM_RE = re.compile(rf"\b(?:{lexicon.alternation(WORDS['idioms'])})\b(?!\s+after\b)", re.I)  # "one day after": a day
#: Phone numbers: "(212) 555-1234", "(714)647-7000", "(609) 265- 7113", "+30 210 333 4444", "+44 (0)20 7946 0958",
#: one with a trunk zero ("020 7946 0958", "0161 496 0000", "07700 900123": no count starts with a zero), and a
#: local "555-1234" or "886-2600" (a range of that shape, "500-1000", has a round low end). A full stop or comma
#: after one ends its clause. A tip line spelt in capitals, with its digits in brackets after it ("305-471-TIPS",
#: "(317) 262-TIPS (8477)", "1-888-CRIME-SC", "574-LMPD", "855-TIP-OCCS", "(800) SPEAK UP"), and a text line's
#: short code with its spelling ("text tips to 274637 (CRIMES)", "text CRIMES (274637)").
PHONE_RE = re.compile(r"(?<![\w.])(?:\+\d{1,3}(?:\s?\(0\))?(?:[ .-]?\(?\d{1,5}\)?){2,4}"
                      r"|\+?\(?\d{2,4}(?:\)\s?-?|[ .-])\d{3,4}(?:[ .-]|-\s)\d{3,4}"
                      r"|\(?0\d{2,4}\)?[ .-]\d{3,6}(?:[ .-]\d{3,4})?)(?!\w|[.,]\d)"
                      r"|(?<![\w.,-])(?:\d{3}-\d{3}[1-9]|\d{2}[1-9]-\d{4})(?![\w-]|[.,]\d)"
                      r"|(?<![\w.-])(?:1-)?(?:\(\d{3}\)\s*|\d{3}-)(?:(?:\d{3}|[A-Z]{3})-)?[A-Z]{4,}(?:-[A-Z]+)*\b"
                      r"(?:\s*\(\d{4,7}\))?"
                      r"|(?<![\w.])\d{5,7}\s*\([A-Z]{4,}\)|\b[A-Z]{4,}\s*\(\d{5,7}\)")
#: A photo or video gallery's counters and a video's length, scraped with their captions ("Image 5 of 9",
#: "Hide Caption 6 of 13", "Image 1 of / 7 Caption Close", "More videos (1 of 9)", "1 / 33 Back to Gallery",
#: "gallery-58|0 Back to Gallery", "AP 2 of 12 CLOSE Skip in Skip", "Police name the driver | 01:27", a widget's
#: slide index glued to its bar-joined ids, "thumbs_close|article-gallery-58|0"): a picture's place in the
#: gallery, not a count nor a time of day. So is a bare number that ends the sentence after a counter, a slide's
#: rank in a list gallery ("Image 19 of 44 25."), and the credit between "Photo:" and a counter ("Photo: 21 Pro
#: Video Image 2 of 14").
GALLERY_RE = re.compile(r"(?:\bphoto:[^.:]{0,80}?)?"
                        r"\b(?:image|photo|picture|slide|video|caption)s?\s+"
                        r"(?:\d+\s+of\s+(?:/\s*)?\d+\b|\(\d+\s+of\s+\d+\))"
                        r"(?:\s+\d+\.?$)?"
                        r"|\b\d+(?:\s*/\s*\d+)?\s+back\s+to\s+gallery\b|\b\d+\s+of\s+\d+\s+(?-i:CLOSE)\b"
                        r"|\|\s*\d{1,2}:\d{2}\b|(?<=\w)\|\d+\b", re.I)
#: Site navigation: three or more short title-case items between bars, from a line's start or a label's colon
#: ("Most Read: Past 24 Hours | Past 3 Days | Past Week", "Previous Years: 2013 | 2014 | 2015"): menu labels,
#: no facts. An item is up to three words, each capitalised or a number; a page title's headline before the
#: bars says more, or in lower case ("3 killed in crash - KXYZ.com | Tucson, Arizona").
_MENU_ITEM = r"(?:[A-Z0-9][\w'’.&-]*|&)(?:[ \t]+(?:[A-Z0-9][\w'’.&-]*|&)){0,2}"
MENU_RE = re.compile(rf"(?:^|(?<=:))[ \t]*{_MENU_ITEM}(?:[ \t]*[|•·][ \t]*{_MENU_ITEM}){{2,}}", re.M)
#: A page's copyright line ("Copyright 2016 The Associated Press. All rights reserved.", "(© 2016-2017 KHOU)"):
#: its year dates the page, no event.
COPYRIGHT_RE = re.compile(r"(?:©|\(c\)|\bcopyright\b)\s*(?:\d{4}\s*[-–]\s*)?\d{4}\b", re.I)
_COPYRIGHT_GATE = re.compile(r"©|\(c\)|copyright")
_IDIOM_GATE = re.compile("one")  # every idiom holds it (tests check)
_PHONE_GATE = re.compile(r"\d\d\d|\+\d")  # every phone number holds three digits in a row, or a + before one
_GALLERY_GATE = re.compile(r"image|photo|picture|slide|video|caption|gallery|close|\|")
_MENU_GATE = re.compile("[|•·]")
_NEWLINE_RE = re.compile("\n")
#: The patterns read through `gated` here, with their gates (the test checks each pair)
GATES = ((IDIOM_RE, _IDIOM_GATE), (PHONE_RE, _PHONE_GATE), (GALLERY_RE, _GALLERY_GATE), (COPYRIGHT_RE, _COPYRIGHT_GATE),
         (MENU_RE, _MENU_GATE))
#: A page's filing stamp opening a line, month-day in brackets then the time ("(03-09) 21:05 PST RIVERTON --"):
#: when the page was filed, neither a range of 3 to 9 nor an event's time.
FILED_RE = re.compile(r"\s*\(\d{1,2}-\d{1,2}\)\s+\d{1,2}:[0-5]\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4}\b)?")
#: A related-video list item: the video's length, then another story's headline ("1:08 Suspect transferred to
#: county jail", "0:44 Three people arrested in series of heists"): nothing in it is about this story. Not a time
#: of day ("9:15 PM Police arrived").
PLAYLIST_ITEM_RE = re.compile(r"\s*\d{1,2}:[0-5]\d[ \t]+(?![AaPp]\.?[Mm]\b)[A-Z\"“‘'][^\n]*")
LIST_ITEM_RE = re.compile(r"\s*\(?\d{1,2}[.)](?:\s|$)")
#: A sentence ends at a full stop, question or exclamation mark before a space and a capital or digit, at a
#: line break, or at a full stop glued to the next sentence in scraped text ("12 bullets.The gunman", "to
#: Mount Sinai Hospital.Fire officials"): after a lower-case word, before a capitalised one ("WSBTV.com",
#: "U.S.", "St.Louis" and "e.g.The" stay whole).
SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+|(?<=[a-z]{2})\.(?=[A-Z][a-z]|[AI]\s)")
_SENTENCE_STARTERS = frozenset(WORDS["sentence_starters"])
_MONTH_NAMES = frozenset(name.lower() for name in calendar.month_name if name)  # "in May." ends a sentence
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st mt gen lt col sgt capt gov sen rep rev prof jr sr no vs inc co corp ltd "
    "u.s u.n u.k a.m p.m e.g i.e approx est fig ft".split()) | (frozenset(MONTHS) - _MONTH_NAMES)
#: Capitalised words that go on a time of day's sentence after "p.m.": "10 p.m. Tuesday", "3 p.m. EST".
_CLOCK_GOES_ON = (frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(ZONES)
                  | {"eastern", "central", "pacific", "mountain"})
_PLACE_RE = re.compile(r"\b(?:in|at|near|across|from|on|outside)\s+"
                       r"(?P<place>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,3})")
_BRACKETED_RE = re.compile(r"\([^()]*\)")
_CLAUSE_BREAK_RE = re.compile(r"[,;:()\"“”—–]|\s-\s")
_WINDOW = 200  # characters around a mention that its subject is drawn from
_NAMED_BEFORE_RE = re.compile(r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+),\s*$")  # "Erica Rodriguez, | 21"
_DAWN = 6  # hours: an article out before then calls the evening before "tonight"
_EVENING_RE = re.compile(r"(?:on\s+)?(?:tonight|this evening)", re.I)
_STAMP_REACH = 200  # characters before a date a stamp word is looked for in: a line of thousands stays linear
#: A page's time stamp written into a line of text: a capitalised stamp word, or any with a colon, then
#: only other dates and times (blanked) before a time or a date with its year ("was posted Monday",
#: "Video Posted Monday Shows Gunman" are events).
_STAMPS = lexicon.load("calendar")["stamps"]
_CAPITAL_STAMPS = [w[0].upper() + w[1:] for w in _STAMPS] + [w.upper() for w in _STAMPS]  # "Updated", "UPDATE"
_STAMP_RE = re.compile(rf"(?:\b(?:{lexicon.alternation(_CAPITAL_STAMPS)})\b:?"
                       rf"|\b(?:{lexicon.alternation(_STAMPS)}):)[\s,:|@]*$")
_STAMP_GAP_RE = re.compile(r"[\s(]*")
#: The dollar a bare "$" means on a page stamped in a zone of a country with its own dollar (measures.yaml).
_DOLLAR_ZONES: dict[str, str] = lexicon.load("measures")["dollar_zones"]
#: A wire story's dateline: its place in capitals, the day it was filed, the agency ("LAKE CITY, Fla., Nov. 3
#: (UPI) --"). That day dates the copy, not the events it tells.
_WIRE_PLACE_RE = re.compile(r"\s*[A-Z][A-Z .'’-]+,(?:\s*[A-Z][\w.]*,)?\s*")
_WIRE_AGENCY_RE = re.compile(r"\s*\([A-Za-z][\w /.&-]{0,30}\)\s*(?:--|—|–|-)")
_DATELINE_WORDS = (frozenset(lexicon.load("calendar")["dateline"]) | frozenset(MONTHS) | frozenset(WEEKDAYS)
                   | frozenset(ZONES) | {"am", "pm", "a", "p", "m", "gmt"})


# ------------------------------------------------------------------ sentences

def sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of text[start:]; "Mr." and "U.S." do not end one
    within a line."""
    spans, pos = [], start
    for m in SENTENCE_END_RE.finditer(text, start):
        if m.group(0)[0] == "?" and text[m.start() - 1:m.start()].islower() and text[m.end():m.end() + 1].isdigit():
            continue  # "agreeing an? 110 billion": a currency sign lost in transcoding, not a question
        if m.group(0)[0] == "." and "\n" not in m.group(0):  # a line break ends one after "p.m." too
            word = re.search(r"([\w.]+)$", text[max(pos, m.start() - 20):m.start()])
            token = word.group(1).lower() if word else ""
            ends_clock = token in ("a.m", "p.m") and _ends_clock(text[m.end():m.end() + 20])
            following = text[m.end():m.end() + 12].split()[:1]
            starts = bool(following) and following[0].lstrip("\"“‘(") in _SENTENCE_STARTERS
            if not (ends_clock or starts) and (token in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", token)):
                continue  # "P.S. 3", "J. Smith"; but "after 10 p.m. She was taken", "in the U.S. The" are two
        cut = m.start() + (1 if m.group(0)[0] in ".!?" else 0)
        while cut < m.end() and text[cut] in "\"'”’)":
            cut += 1
        if cut > pos and text[pos:cut].strip():
            spans.append((pos, cut))
        pos = m.end()
    if pos < len(text) and text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def sentence_start(text: str, claim: Claim) -> int | None:
    """Where a claim's sentence starts in its source's `text` (of which it is a slice), None when it
    is not there: the mention is then sentence[claim.start - offset:claim.end - offset], even when its
    words recur in the sentence ("killed two and wounded two")."""
    offset = text.rfind(claim.sentence, 0, claim.start + len(claim.sentence)) if claim.sentence else -1
    return offset if offset >= 0 and claim.end <= offset + len(claim.sentence) else None


def _ends_clock(following: str) -> bool:
    """Whether "a.m."/"p.m." ends its sentence: a capitalised word follows that does not go on
    telling the time ("10 p.m. She was taken", not "10 p.m. Tuesday", "3 p.m. EST" or "8:30 p.m. Moscow time")."""
    word = re.match(r"[A-Z][A-Za-z]*(?P<zone>\s+time\b)?", following)
    return bool(word) and not word.group("zone") and word.group(0).lower() not in _CLOCK_GOES_ON


# ------------------------------------------------------------------ extraction

def extract(source: Source, *, reference: date | None = None) -> list[Claim]:
    """Every claim in `source`, in text order.

    `reference` dates year-less mentions: the publication date, or for a source without one the
    story's date, or in a story that states none the day the source's own stamp gives ("Published:
    August 24, 2007"). Such a source cannot be older than its own dateline or latest explicit past
    date, so a later one of those moves the reference forward (claims say the year is inferred).
    With no reference at all nothing is knowable: year-less dates stay "--MM-DD".
    """
    if source.published:
        reference = date.fromisoformat(source.published)
        claims, *_, overnight = _extract(source, reference)
    else:
        claims, stamped, latest, overnight = _extract(source, reference)
        start = reference or stamped
        if start is not None:
            start = max(filter(None, [start, latest, *(_later_day(c, start) for c in claims)]))
        if start != reference:
            reference = start
            claims, *_, overnight = _extract(source, reference)
    return _evening_before(claims) if reference in overnight else claims


def _extract(source: Source, reference: date | None) -> tuple[list[Claim], date | None, date | None, set[date]]:
    """The claims, the latest day its stamps give, the latest date the source cannot be older than, and
    the days its datelines say it came out in the small hours of."""
    text = source.text
    claims: list[Claim] = []
    read: dict[str, list] = {}  # a sentence repeated (page furniture, a pasted block) is read once
    for s_start, s_end in sentences(text, source.body_start):
        sentence = text[s_start:s_end]
        if (mentions := read.get(sentence)) is None:
            mentions = read[sentence] = _sentence_mentions(sentence, reference)
        for mention, subject, event in mentions:
            claims.append(Claim(
                source.id, s_start + mention.start, s_start + mention.end,
                sentence[mention.start:mention.end], mention.kind, mention.value, mention.low,
                mention.high, mention.hedge, mention.unit, mention.normalized, subject, event,
                sentence, mention.year_inferred))
    claims, dateline_dates, overnight, zones = _drop_datelines(text, claims)
    if dollar := next((_DOLLAR_ZONES[z] for z in sorted(zones) if z in _DOLLAR_ZONES), None):
        claims = [replace(c, unit=dollar) if c.kind == "money" and BARE_DOLLAR_RE.match(c.text) else c for c in claims]
    latest = max(dateline_dates + [d for c in claims if (d := _stated_date(c)) is not None], default=None)
    return sorted(claims, key=lambda c: (c.start, c.end)), max(dateline_dates, default=None), latest, overnight


def _evening_before(claims: list[Claim]) -> list[Claim]:
    """An article out in the small hours ("PUBLISHED: 02:31 GMT, 12 March 2013") calls the evening before
    "tonight": that day dates the "tonight" and what its sentence tells ("began around 8:30pm tonight")."""
    moved: dict[str, tuple[str, str]] = {}
    for c in claims:
        if c.kind == "date" and _EVENING_RE.fullmatch(c.text) and isinstance(c.value, str) and len(c.value) == 10:
            moved[c.sentence] = (c.value, (date.fromisoformat(c.value) - timedelta(days=1)).isoformat())
    out = []
    for c in claims:
        old, new = moved.get(c.sentence, (None, None))
        if old and c.event_date == old:
            value = new + c.value[len(old):] if c.kind in ("date", "time") and str(c.value).startswith(old) else c.value
            c = replace(c, value=value, event_date=new)
        out.append(c)
    return out


def _sentence_mentions(sentence: str, ref: date | None) -> list[tuple[Mention, str | None, str | None]]:
    """The mentions of one sentence, each with its subject and the event date the sentence gives."""
    taken = bytearray(len(sentence))  # characters already read: phone numbers, idioms, page furniture, menus, list
    # items, playlists, mentions
    for m in [*gated(PHONE_RE, _PHONE_GATE, sentence), *gated(IDIOM_RE, _IDIOM_GATE, sentence),
              *gated(GALLERY_RE, _GALLERY_GATE, sentence), *gated(COPYRIGHT_RE, _COPYRIGHT_GATE, sentence),
              *gated(MENU_RE, _MENU_GATE, sentence), LIST_ITEM_RE.match(sentence), PLAYLIST_ITEM_RE.match(sentence),
              FILED_RE.match(sentence)]:
        if m:
            take(taken, m.start(), m.end())
    found = find_dates(sentence, ref, taken) + find_times(sentence, taken) + find_quantities(sentence, taken)
    found.sort(key=lambda f: f.start)
    dated = [f for f in found if f.kind == "date" and isinstance(f.value, str)]
    starts = [d.start for d in dated]
    # brackets that give a time again in another zone, with its own day: "(23:17 GMT on Monday)"
    times = [t.start for t in found if t.kind == "time"]
    brackets = [(a, b) for a, b in (m.span() for m in _BRACKETED_RE.finditer(sentence))
                if bisect.bisect_left(times, b) > bisect.bisect_left(times, a)] if times and "(" in sentence else []
    out = []
    for f in found:
        # the event date is the sentence's date mention nearest to this one (its own for a date), but not
        # one in such brackets it is not in: "at 04:17 local time (23:17 GMT on Monday)" is Tuesday's 04:17
        i = bisect.bisect(starts, f.start)
        near = sorted((d for d in dated[max(0, i - 1):i + 1]
                       if _enclosing(brackets, d.start) in (None, _enclosing(brackets, f.start))),
                      key=lambda d: abs(d.start - f.start))
        nearest = f if f.kind == "date" else (near[0] if near else None)
        event = nearest.value if nearest and isinstance(nearest.value, str) else None
        if f.kind == "time" and event and len(event) == 10:
            f = f._replace(value=f"{event}T{f.value}")
        out.append((f, subject(sentence, f), event))
    return out


def _enclosing(spans: list[tuple[int, int]], at: int) -> tuple[int, int] | None:
    """The span of `spans` (sorted, apart) that holds offset `at`, None when none does."""
    i = bisect.bisect_right(spans, (at, math.inf)) - 1
    return spans[i] if i >= 0 and at < spans[i][1] else None


# ------------------------------------------------------------------ subject, datelines, reference

def subject(sentence: str, mention: Mention) -> str | None:
    """A short phrase saying what the mention is about: the counted noun phrase with its event
    word ("American troops stationed", "people killed"), the clause words before the mention
    when that says little (always for dates: "U.S. conducted drone strike"), and the first place
    named after it ("in Iraq")."""
    words: list[str] = []
    if mention.kind not in ("date", "time"):
        np_words, pos = noun_phrase(sentence[mention.end:])
        words = [w.rstrip(".") for w in np_words]
        if (casualty := suffered(sentence[mention.end:], np_words, pos)) and casualty not in np_words:
            words.append(casualty)
        if not words and mention.kind == "count" and mention.unit:
            words = [mention.unit]
    if len(words) < 2:
        clause = _CLAUSE_BREAK_RE.split(sentence[max(0, mention.start - _WINDOW):mention.start])[-1]
        words = _content_words(clause)[-(5 - len(words)):] + words
        if len(words) < 2 and mention.unit == "years old" and (
                named := _NAMED_BEFORE_RE.search(sentence, 0, mention.start)):
            words = named.group("name").split() + words  # "Alejandro Martinez, 20; Erica Rodriguez, 21": whose age
    if not words:
        clause = _CLAUSE_BREAK_RE.split(sentence[mention.end:mention.end + _WINDOW].lstrip(" ,;:"))[0]
        words = _content_words(clause)[:5]
    after = _PLACE_RE.search(sentence, mention.end, mention.end + _WINDOW + 60)  # room for the name's end
    place = (after if after and after.start() < mention.end + _WINDOW else None
             ) or _PLACE_RE.search(sentence, max(0, mention.start - _WINDOW), mention.start)
    if place and place.group("place").split()[-1].lower().rstrip(".") not in NOT_NAMES:
        phrase = place.group("place").rstrip(".")
        if phrase not in " ".join(words):
            words += ["in", phrase]
    return " ".join(words).strip() or None


def _content_words(text: str) -> list[str]:
    return [w.rstrip(".") for w in CONTENT_RE.findall(text) if w.lower() not in STOP and len(w) > 1]


def _drop_datelines(text: str, claims: list[Claim]) -> tuple[list[Claim], list[date], set[date], set[str]]:
    """Remove claims on dateline lines ("Updated 5/5/2010 1:41 PM"), dates and times stamped in a line of
    text ("... near the terminal Posted: Tuesday, March 3, 2015", "(KXYZ/AP) Updated 4:12p.m. -") and the day
    of a wire dateline ("LAKE CITY, Fla., Nov. 3 (UPI) --"); return
    the dates those give, those a line gives with a time in the small hours ("Published time:
    March 12, 2013 02:03"), and the time zones the stamps give."""
    kept, dates, overnight, zones = [], [], set(), set()
    by_line: dict[tuple[int, int], list[Claim]] = {}
    # the line breaks found once: searching back from each claim was quadratic in a file of one long line
    breaks = [m.start() for m in _NEWLINE_RE.finditer(text)]
    for c in claims:
        i = bisect.bisect_left(breaks, c.start)
        by_line.setdefault((breaks[i - 1] + 1 if i else 0, breaks[i] if i < len(breaks) else len(text)), []).append(c)
    for (a, b), members in by_line.items():
        line = list(text[a:b])
        for c in members:
            line[c.start - a:c.end - a] = " " * (c.end - c.start)
        residue = [w.lower() for w in re.findall(r"[A-Za-z]+", "".join(line))]
        dateline = (b - a <= 90 and all(c.kind in ("date", "time") for c in members)
                    and all(w in _DATELINE_WORDS for w in residue))
        blanked = "".join(line)
        stamps = members if dateline else [
            c for c in members if (c.kind == "time" or c.kind == "date" and not c.year_inferred)
            and _STAMP_RE.search(blanked, max(0, c.start - a - _STAMP_REACH), c.start - a)]
        stamps += [c for c in members if c.kind == "date" and c not in stamps
                   and _WIRE_PLACE_RE.fullmatch(text, a, c.start) and _WIRE_AGENCY_RE.match(text, c.end)]
        # the day in brackets after a stamped time is the stamp's too: "UPDATE @ 4:29 p.m. (Nov. 2):"
        stamps += [c for c in members if c.kind == "date" and c not in stamps and any(
            t.kind == "time" and t.end <= c.start and _STAMP_GAP_RE.fullmatch(text, t.end, c.start) for t in stamps)]
        if stamps:
            days = [d for c in stamps if c.kind == "date" and (d := _point(c.value)) is not None]
            dates += days
            if min((int(c.value[-5:-3]) for c in stamps if c.kind == "time"), default=24) < _DAWN:
                overnight.update(days)
        zones.update(c.unit for c in stamps if c.kind == "time" and c.unit)
        stamped = {id(c) for c in stamps}
        kept += [c for c in members if id(c) not in stamped]
    return kept, dates, overnight, zones


def _point(value) -> date | None:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value)
    return None


_LATER_REACH = timedelta(days=92)  # how far a past event's day may move an undated article's guessed date


def _later_day(c: Claim, ref: date) -> date | None:
    """The day of a past event told by month and day ("resigned on August 17"), read as the one nearest `ref`,
    when that is after `ref` (by up to `_LATER_REACH`): an undated article is no older than what it tells of, so
    a guessed reference moves forward to it rather than sending the event back a year. Not further: "on January
    28" in a story dated late August is last January's, not next."""
    if c.kind != "date" or not c.year_inferred or not isinstance(c.value, str) or len(c.value) != 10:
        return None
    at = c.sentence.find(c.text)
    if not any(ch.isdigit() for ch in c.text) or tense(c.sentence, at, at + len(c.text), None) >= 0:
        return None  # "on Monday", "yesterday" count from the reference itself; a day to come dates nothing past
    month, day = int(c.value[5:7]), int(c.value[8:])
    later = date(year_for(month, day, ref, 0), month, day)
    return later if ref < later <= ref + _LATER_REACH else None


def _stated_date(c: Claim) -> date | None:
    """The latest day an explicit past date with a written year lets the article be older than."""
    at = c.sentence.find(c.text)
    if c.kind != "date" or c.year_inferred or is_future(c.sentence, at, at + len(c.text), None):
        return None
    if c.text.split()[0].lower() in ("by", "through", "until"):
        return None
    value = c.high if c.high is not None else c.value
    if not isinstance(value, str) or len(value) < 7:
        return None  # year-less, or a year alone: it says too little about when the article was written
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        nxt = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return nxt - timedelta(days=1)
    return date(parts[0], 1, 1)
