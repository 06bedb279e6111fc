"""Extract: find checkable numbers and dates in a `Source` and normalise each into a `Claim`.

Candidates are found with our own grammar (compiled once at import); nothing here scans
running text with dateparser, which over-matches ("Tower 22, a" reads as a date). Per
sentence, dates come first, then times of day, then quantities (money, percent, measures,
ages, durations, bare years, counts), then ordinals; a span taken once is not read again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from . import lexicon
from .dates import MONTHS, WEEKDAYS, ZONES, Mention, find_dates, find_times, is_future
from .numbers import NUMBER, ORDINAL, SUFFIX_SCALES, parse_number, parse_ordinal
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


_alt = lexicon.alternation
_WORDS = lexicon.load("words")
_MEASURES = lexicon.load("measures")
_STOP = frozenset(_WORDS["stop"])
_NOT_NAMES = frozenset(_WORDS["not_names"]) | frozenset(MONTHS) | frozenset(WEEKDAYS)
_ORDINAL_SKIP = frozenset(_WORDS["ordinal_nouns_skip"])
_PLURALS = frozenset(_WORDS["plurals"])
_VERBS = frozenset(_WORDS["verbs"])
_STREET = frozenset(_WORDS["street"])
_QUAKES = frozenset(_MEASURES["magnitude_nouns"])
_MEASURE_UNITS: dict[str, list] = _MEASURES["units"]
_CURRENCIES: dict[str, str] = _MEASURES["currencies"]
_DURATIONS: dict[str, list] = _MEASURES["durations"]
_CASUALTY_CLASSES = frozenset({"killed", "injured", "missing", "arrested"})
_PERSON_CLASSES = frozenset({"troops", "people", "militants"})
_CASUALTY = {w for w, cls in lexicon.unit_classes().items() if cls in _CASUALTY_CLASSES}

_CUR_WORDS = [c for c in _CURRENCIES if c.isalpha() and len(c) > 1]
_CUR_SIGNS = [c for c in _CURRENCIES if not c.isalpha()]
QUANTITY_RE = re.compile(
    rf"(?<![\w.,/:])(?:(?P<hedge>{_alt(lexicon.hedges())})\s+)?(?:(?P<between>between|from)\s+)?"
    rf"(?:(?P<cur>(?:{_alt(_CUR_SIGNS)})|\b(?:euro|eur|usd|gbp|R)(?=\d))\s?)?"
    rf"(?P<num>{NUMBER})"
    rf"(?:(?P<conn>\s*[-–—]\s*|\s+to\s+|\s+and\s+|\s+or\s+)(?:{_alt(_CUR_SIGNS)})?(?P<num2>{NUMBER}))?",
    re.I,
)
ORDINAL_RE = re.compile(rf"(?P<ord>{ORDINAL})(?![\w-])", re.I)
IDIOM_RE = re.compile(rf"\b(?:{_alt(_WORDS['idioms'])})\b", re.I)
PHONE_RE = re.compile(r"(?<![\w.])\+?\(?\d{2,4}\)?[ .-]\d{3,4}[ .-]\d{3,4}(?![\w.])")
LIST_ITEM_RE = re.compile(r"\s*\(?\d{1,2}[.)](?:\s|$)")
SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st mt gen lt col sgt capt gov sen rep rev prof jr sr no vs inc co corp ltd "
    "u.s u.n u.k a.m p.m e.g i.e approx est fig ft".split()) | frozenset(MONTHS)
_WORD_RE = re.compile(r"\s*(?P<w>[A-Za-z][A-Za-z'’-]*(?:\.[A-Z]\.?)*)")
_GLUED_RE = re.compile(r"[A-Za-z]+")
_PERCENT_RE = re.compile(r"\s*(?:%|per\s?cent\b|percent\b)", re.I)
_MONEY_TAIL_RE = re.compile(
    rf"(?:\s?(?P<sfx>mln|mn|bn|tn|m|b|k)\b)?[\s-]*(?P<cur>{_alt(_CUR_WORDS)})\b", re.I)
_MEASURE_TAIL_RE = re.compile(
    rf"[\s-]*(?P<unit>{_alt(_MEASURE_UNITS).replace(chr(92) + ' ', '[ -]')})(?![\w/])", re.I)
_HEDGE_AFTER_RE = re.compile(rf"[\s-]*(?P<h>{_alt(lexicon.hedges_after())})\b", re.I)
_COORDINATED_RE = re.compile(r"\s*(?:,|and|or|,\s*and)\s*$")
_QUAKE_TAIL_RE = re.compile(rf"[\s-]*(?:{_alt(_MEASURES['magnitude_nouns'])})\b", re.I)
_QUAKE_WORDS_RE = re.compile(rf"\b(?:magnitude|richter|{_alt(_MEASURES['magnitude_nouns'])})\b", re.I)
_FRACTION_RE = re.compile(r"-(?:halves|half|thirds?|quarters?|fifths?|tenths?)\b", re.I)
_RICHTER_RE = re.compile(r"\s+on the richter scale", re.I)
_MAGNITUDE_HEAD_RE = re.compile(
    r"(?:magnitude(?:\s+(?:of|at|was|is|measured|measuring|reading))?|measuring|measured)[\s-]*$", re.I)
_AGE_TAIL_RE = re.compile(r"[\s-]*years?[\s-]*old\b", re.I)
_AGE_HEAD_RE = re.compile(r"\b(?:aged?|age of|ages of)\s+$", re.I)
_DIED_AT_RE = re.compile(r"\b(?:die[sd]?|dead|death)\b[^;]{0,100}\bat\s+$|\b(?:he|she)\s+(?:was|is)\s+$", re.I)
_APPOSITION_RE = re.compile(r"[A-Z][\w'’]+,\s*$")
_DURATION_TAIL_RE = re.compile(rf"[\s-]*(?P<unit>{_alt(_DURATIONS)})\b(?P<long>-long)?", re.I)
_AGO_RE = re.compile(r"\s+(?:ago|old|-old)\b", re.I)
_HYPHEN_TAIL_RE = re.compile(r"-(?P<word>[a-z]+)\b(?!-)", re.I)
_BY_RE = re.compile(r"-by-", re.I)
_NAME_BEFORE_RE = re.compile(r"(?P<word>[A-Z][\w.'’]*|#|No\.)\s*$")
_PHONE_BEFORE_RE = re.compile(r"\b(?:call|called|calling|dial|dialed|dialled|dialling|phone)\s+$", re.I)
_HYPHEN_BEFORE_RE = re.compile(r"(?P<word>[A-Za-z]+)-$|\d[-/.]$")
_CASUALTY_AFTER_RE = re.compile(
    r"(?:\s*,)?\s+(?:(?:were|was|are|is|have|has|had|been|being|be|got|reported(?:ly)?|later|also|now|all|"
    r"confirmed|believed|feared|seriously|critically|badly|fatally|slightly|severely|mortally|left|to|"
    rf"either|both|been)\s+){{0,6}}(?P<cas>{_alt(_CASUALTY)})\b", re.I)
_CASUALTY_BEFORE_RE = re.compile(
    r"\b(?P<cas>killing|killed|kills|injuring|injured|wounding|wounded|hurting|deaths?\s+of|injuries\s+(?:of|to)|"
    r"(?:death\s+)?toll(?:\s+(?:\w+\s+){0,8}?(?:to|at|of))?)\s*,?\s*$", re.I)
_NOUN_OF_RE = re.compile(r"\b(?P<noun>[a-z]{3,})\s+of\s*$")
_PARTITIVE_RE = re.compile(r"\s+of\s+(?:the|its|their|his|her|those|these|them|whom)\b", re.I)
_PLACE_RE = re.compile(
    r"\b(?:in|at|near|across|from|on|outside)\s+(?P<place>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,3})")
_CLAUSE_BREAK_RE = re.compile(r"[,;:()\"“”—–]|\s-\s")
_CONTENT_RE = re.compile(r"[A-Za-z][\w'’.-]*")
_DATELINE_WORDS = (frozenset(lexicon.load("calendar")["dateline"]) | frozenset(MONTHS) | frozenset(WEEKDAYS)
                   | frozenset(ZONES) | {"am", "pm", "a", "p", "m", "gmt"})
_FIRST_YEAR, _LAST_YEAR = 1900, 2099


# ------------------------------------------------------------------ sentences

def sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of text[start:]; "Mr." and "U.S." do not end one."""
    spans, pos = [], start
    for m in SENTENCE_END_RE.finditer(text, start):
        if m.group(0)[0] == ".":
            word = re.search(r"([\w.]+)$", text[pos:m.start()])
            token = word.group(1).lower() if word else ""
            if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
                continue
        cut = m.start() + (1 if m.group(0)[0] in ".!?" else 0)
        while cut < m.end() and text[cut] in "\"'”’)":
            cut += 1
        if cut > pos and text[pos:cut].strip():
            spans.append((pos, cut))
        pos = m.end()
    if pos < len(text) and text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


# ------------------------------------------------------------------ extraction

def extract(source: Source, *, reference: date | None = None) -> list[Claim]:
    """Every claim in `source`, in text order.

    `reference` dates year-less mentions: the publication date, or for a source without one the
    story's date. Such a source cannot be older than its own dateline or latest explicit past
    date, so a later one of those moves the reference forward (claims say the year is inferred).
    With no reference at all nothing is knowable: year-less dates stay "--MM-DD".
    """
    if source.published:
        return _extract(source, date.fromisoformat(source.published))[0]
    claims, latest = _extract(source, reference)
    if reference is not None and latest is not None and latest > reference:
        claims, _ = _extract(source, latest)
    return claims


def _extract(source: Source, reference: date | None) -> tuple[list[Claim], date | None]:
    text = source.text
    claims: list[Claim] = []
    for s_start, s_end in sentences(text, source.body_start):
        sentence = text[s_start:s_end]
        for mention, subject, event in _sentence_mentions(sentence, reference):
            claims.append(Claim(
                source.id, s_start + mention.start, s_start + mention.end,
                sentence[mention.start:mention.end], mention.kind, mention.value, mention.low,
                mention.high, mention.hedge, mention.unit, mention.normalized, subject, event,
                sentence, mention.year_inferred))
    claims, dateline_dates = _drop_datelines(text, claims)
    latest = max(dateline_dates + [d for c in claims if (d := _stated_date(c)) is not None], default=None)
    return sorted(claims, key=lambda c: (c.start, c.end)), latest


def _sentence_mentions(sentence: str, ref: date | None) -> list[tuple[Mention, str | None, str | None]]:
    """The mentions of one sentence, each with its subject and the event date the sentence gives."""
    skip = [(m.start(), m.end()) for m in PHONE_RE.finditer(sentence)]
    skip += [(m.start(), m.end()) for m in IDIOM_RE.finditer(sentence)]
    if item := LIST_ITEM_RE.match(sentence):
        skip.append(item.span())
    found: list[Mention] = [d for d in find_dates(sentence, ref) if not _overlaps(d.start, d.end, skip)]
    found += find_times(sentence, skip + [(f.start, f.end) for f in found])
    counts: list[tuple[Mention, list[str]]] = []
    pos = 0
    while m := QUANTITY_RE.search(sentence, pos):
        pos = m.end("num")  # a coordinated second number ("7.6 and 7.4") is read again by itself
        taken = skip + [(f.start, f.end) for f in found]
        if _overlaps(m.start("num"), m.end("num"), taken):
            continue
        result = _quantity(m, sentence, counts)
        if result and result[0].kind == "count" and not result[1] and found and found[-1].kind == "measure" and (
                _COORDINATED_RE.fullmatch(sentence, found[-1].end, result[0].start)):
            result = (result[0]._replace(kind="measure", unit=found[-1].unit), [])  # "measuring 7.6 and 7.4"
        if result is not None and not _overlaps(result[0].start, result[0].end, taken):
            mention, np_words = result
            found.append(mention)
            pos = max(pos, mention.end)
            if mention.kind == "count":
                counts.append((mention, np_words))
    for m in ORDINAL_RE.finditer(sentence):
        if not _overlaps(m.start(), m.end(), skip + [(f.start, f.end) for f in found]):
            if (mention := _ordinal(m, sentence)) is not None:
                found.append(mention)
    found.sort(key=lambda f: f.start)
    event = next((str(f.value) for f in found if f.kind == "date" and isinstance(f.value, str)), None)
    out = []
    for f in found:
        if f.kind == "time" and event and len(event) == 10:
            f = f._replace(value=f"{event}T{f.value}")
        own_event = f.value if f.kind == "date" and isinstance(f.value, str) else event
        out.append((f, subject(sentence, f), own_event))
    return out


def _overlaps(start: int, end: int, spans) -> bool:
    return any(a < end and start < b for a, b in spans)


# ------------------------------------------------------------------ quantities

def _quantity(m: re.Match, sentence: str, counts) -> tuple[Mention, list[str]] | None:
    """Classify one number by what surrounds it; None for identifiers, list items and non-claims."""
    start, end = m.start(), m.end()
    num_text = m.group("num")
    is_digits = num_text[0].isdigit()
    head = sentence[:start]
    hedge = lexicon.hedges().get((m.group("hedge") or "").lower(), "exact")
    value = parse_number(num_text)
    low = high = None
    if m.group("num2") is not None:
        conn = m.group("conn").strip().lower()
        if conn in ("and", "or") and not m.group("between") or _year(num_text) and not _year(m.group("num2")):
            end = m.end("num")
        else:
            second = parse_number(m.group("num2"))
            if second < value and not m.group("num2")[0].isalpha():  # "$2-3 million": the scale is shared
                scale = second / (parse_number(re.sub(r"[^\d.,]", "", m.group("num2"))) or 1)
                value = value * scale if scale > 1 else value
            if _year(num_text) and _year(m.group("num2")):
                return Mention(start, m.end(), "date", None, num_text, m.group("num2")), []
            low, high = value, second
    elif m.group("between"):
        return None  # "from 5" alone: not a range, read the number by itself later
    if after := _HEDGE_AFTER_RE.match(sentence, end):  # "24 or more", "30 or so"
        hedge, end = lexicon.hedges_after()[after.group("h").lower()], after.end()
    tail = sentence[end:]
    # "7.6 and 7.5 magnitude quakes", "5 or 6 miles": the first number shares the second's unit
    shared = sentence[m.end():] if end < m.end() else tail

    # identifiers, list numbering, phone numbers, glued codes ("4x4", "G20", "CN-235", "Tower 22")
    before_hyphen = _HYPHEN_BEFORE_RE.search(sentence[:m.start("num")])
    magnitude_head = _MAGNITUDE_HEAD_RE.search(sentence[:m.start("num")])
    if before_hyphen and not magnitude_head:
        return None
    if (is_digits and not m.group("hedge") and not m.group("cur") and not magnitude_head
            and (name := _NAME_BEFORE_RE.search(head)) and name.group("word").lower() not in _NOT_NAMES):
        return None
    if (tail[:1] in "-–/:" and tail[1:2].isdigit() or _FRACTION_RE.match(tail) or _BY_RE.match(tail)
            or _PHONE_BEFORE_RE.search(head)):
        return None  # "555-1234", "9/11", "two-thirds", "four-by-four", "called 911"
    if is_digits and (nxt := _WORD_RE.match(tail)) and nxt.group("w")[0].isupper() and any(
            w.lower().rstrip(".") in _STREET for w in _CONTENT_RE.findall(tail[:40].split(",")[0])[:4]):
        return None  # an address: "505 LaGuardia Place", "473 East 55th Street"
    glued = _GLUED_RE.match(tail) if is_digits else None

    def make(kind, val, unit=None, stop=end, normalized=None, lo=low, hi=high, begin=start):
        if kind != "duration":
            lo, hi, _ = _hedged(val, lo, hi, hedge)
        return Mention(begin, stop, kind, val, lo, hi, hedge, unit, normalized=normalized)

    # percent
    if p := _PERCENT_RE.match(tail):
        return make("percent", value, "%", end + p.end()), []
    # money: a currency sign before, or a currency word after ("2 mn-euro", "$2.6m", "110 billion euros")
    scale = SUFFIX_SCALES.get(glued.group(0).lower()) if glued else None
    mt = None if m.group("cur") else _MONEY_TAIL_RE.match(tail)
    if mt and mt.group("cur").lower().startswith("pound") and not (mt.group("sfx") or re.search(r"[a-z]", num_text)):
        mt = None  # "200 pounds" is a weight; "93.6 billion pounds" is money
    if m.group("cur") or mt:
        stop = end
        if m.group("cur"):
            code = _CURRENCIES[m.group("cur").lower()]
            if scale:
                stop += glued.end()
        else:
            code = _CURRENCIES[mt.group("cur").lower()]
            scale = SUFFIX_SCALES.get((mt.group("sfx") or "").lower())
            stop += mt.end()
        factor = scale or 1
        lo, hi = (low * factor, high * factor) if low is not None else (None, None)
        return make("money", _num(value * factor), code, stop, lo=_num(lo), hi=_num(hi)), []
    if glued and not _MEASURE_TAIL_RE.match(tail) and not _DURATION_TAIL_RE.match(tail):
        return None  # "4x4", "2nd", "1990s": not a quantity we read
    # measures: ages, magnitudes, lengths, speeds...
    if a := _AGE_TAIL_RE.match(tail):
        return make("measure", value, "years old", end + a.end()), []
    if age_head := _AGE_HEAD_RE.search(head):
        return make("measure", value, "years old", begin=age_head.start()), []
    if is_digits and value < 120 and not _word_after(tail) and (
            _DIED_AT_RE.search(head) or _APPOSITION_RE.search(head) and tail.lstrip().startswith((",", ")"))):
        return make("measure", value, "years old"), []
    if (mu := _MEASURE_TAIL_RE.match(shared)) and shared is not tail and not _AGO_RE.match(shared, mu.end()):
        shown, pint_unit = _MEASURE_UNITS[mu.group("unit").lower().replace("-", " ")]
        return make("measure", value, shown, normalized=_canonical(value, pint_unit)), []
    if (magnitude_head or _RICHTER_RE.match(shared)
            or "." in num_text and 1 <= value < 10 and _QUAKE_TAIL_RE.match(shared)):
        begin = magnitude_head.start() if magnitude_head else start
        return make("measure", value, "magnitude", begin=min(begin, start)), []
    if (mu := _MEASURE_TAIL_RE.match(tail)) and not _AGO_RE.match(tail, mu.end()):
        shown, pint_unit = _MEASURE_UNITS[mu.group("unit").lower().replace("-", " ")]
        return make("measure", value, shown, end + mu.end(), _canonical(value, pint_unit)), []
    # durations ("eleven months", "two-decade-long", "a 12-year sentence"); "two years ago" is a date
    if (du := _DURATION_TAIL_RE.match(tail)) and not _AGO_RE.match(tail, du.end()):
        designator, factor = _DURATIONS[du.group("unit").lower()]
        iso = _iso_duration(value * factor, designator)
        lo = _iso_duration(low * factor, designator) if low is not None else None
        hi = _iso_duration(high * factor, designator) if high is not None else None
        unit = {"Y": "years", "M": "months", "W": "weeks", "D": "days", "TH": "hours",
                "TM": "minutes", "TS": "seconds"}[designator]
        return make("duration", iso, unit, end + du.end(), lo=lo, hi=hi), []
    if _DURATION_TAIL_RE.match(tail):
        return None  # "N years ago" that the date grammar could not resolve
    # a bare year ("the 2008 agreement", "reminiscent of 2014")
    np_words, np_end = noun_phrase(tail)
    if _year(num_text) and hedge == "exact" and low is None and lexicon.unit_class(
            np_words[-1] if np_words else None) not in set(lexicon.unit_classes().values()):
        return make("date", num_text), []
    # hyphenated counts ("two-phase", "300-seat")
    if (hy := _HYPHEN_TAIL_RE.match(tail)) and hy.group("word").lower() not in _STOP:
        return make("count", value, hy.group("word").lower(), end + hy.end()), [hy.group("word")]
    return _count(m, start, end, value, low, high, hedge, head, tail, (np_words, np_end), counts)


def _count(m, start, end, value, low, high, hedge, head, tail, np, counts):
    """A count: its unit is a casualty word when the number is killed/injured, else the counted noun."""
    num_text = m.group("num")
    is_word = num_text[0].isalpha()
    np_words, np_end = np
    partitive = _PARTITIVE_RE.match(tail)
    if partitive and not np_words:
        np_words, _ = noun_phrase(tail[partitive.end():])
        if num_text.lower() == "one":
            return None
    casualty = None
    if np_words and np_words[-1].lower() in _CASUALTY:
        casualty = np_words[-1]
    elif c := _CASUALTY_AFTER_RE.match(tail, np_end):
        casualty = c.group("cas")
    elif c := _CASUALTY_BEFORE_RE.search(head):
        casualty = c.group("cas").split()[0]
    np_head = next((w for w in reversed(np_words) if w.lower() not in _CASUALTY), None)
    if casualty:
        unit = lexicon.unit_class(casualty)
    elif np_head and np_head.lower() not in ("others", "other", "more"):
        unit = _unit_phrase(np_words)
    elif (noun_of := _NOUN_OF_RE.search(head)) and noun_of.group("noun") not in _STOP:
        unit = noun_of.group("noun")  # "a population of 120,000", "a crowd of 70"
    else:  # ellipsis: "2,500 troops in Iraq, alongside 900 in Syria"; "40 others"
        nouns = [c.unit for c, words in counts if c.unit and c.unit not in _CASUALTY_CLASSES]
        if np_head:  # "others" are more of the people counted before, else people
            nouns = [u for u in nouns if lexicon.unit_class(u) in _PERSON_CLASSES]
        unit = nouns[-1] if nouns else ("people" if np_head else None)
    adverb = re.match(r"\s+\w+ly\b", tail)
    if is_word and not (np_head or casualty or hedge != "exact" or low is not None or adverb and counts):
        return None  # "three" on its own: a pronoun or an idiom, not a count
    if isinstance(value, float) and (unit is None or unit in _QUAKES) and _QUAKE_WORDS_RE.search(m.string):
        return Mention(start, end, "measure", value, *_hedged(value, low, high, hedge), "magnitude"), []
    return Mention(start, end, "count", value, *_hedged(value, low, high, hedge), unit), np_words


def _hedged(value, low, high, hedge):
    """Bounds implied by a hedge: "at least 4" -> low 4; "up to 30" -> high 30."""
    if low is None and high is None:
        if hedge in ("at-least", "more-than"):
            low = value
        elif hedge in ("at-most", "less-than"):
            high = value
    return low, high, hedge


def _year(token: str | None) -> bool:
    return bool(token) and token.isdigit() and len(token) == 4 and _FIRST_YEAR <= int(token) <= _LAST_YEAR


def _num(value):
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 6)


def _word_after(tail: str) -> bool:
    """Is the number directly followed by a word (so it counts something)?"""
    return bool(re.match(r"\s+[a-z]", tail))


def _iso_duration(amount: float, designator: str) -> str:
    amount = _num(amount)
    return f"PT{amount}{designator[1]}" if designator.startswith("T") else f"P{amount}{designator}"


@cache
def _units():
    """The pint registry, built on first use only (it takes a while)."""
    import pint

    return pint.UnitRegistry()


def _canonical(value, pint_unit: str | None) -> dict | None:
    """The comparable form of a measure: lengths in km, speeds in km/h, masses in kg."""
    if pint_unit is None:
        return None
    ureg = _units()
    quantity = ureg.Quantity(float(value), pint_unit)
    target = _MEASURES["canonical"].get(str(quantity.dimensionality))
    if target is None:
        return None
    converted = quantity.to(target)
    return {"value": round(float(converted.magnitude), 4), "unit": target.replace(" ", "")}


def noun_phrase(tail: str) -> tuple[list[str], int]:
    """The words of the noun phrase a number counts: "2,500 | American troops stationed in" ->
    ["American", "troops"]. Stops at function words, punctuation, participles and adverbs."""
    words, pos = [], 0
    for _ in range(5):
        w = _WORD_RE.match(tail, pos)
        if not w or (words and "\n" in tail[pos:w.start("w")]):
            break
        word, low = w.group("w"), w.group("w").lower()
        if low in _STOP or low in _VERBS or (low.endswith("ly") and low not in lexicon.unit_classes()):
            break
        if low in _CASUALTY:
            words.append(word)
            pos = w.end()
            break
        if word[0].islower() and "-" not in word and low.endswith(("ed", "ing")) and low not in lexicon.unit_classes():
            break
        words.append(word)
        pos = w.end()
        if word[0].islower() and _plural(low):
            nxt = _WORD_RE.match(tail, pos)
            following = nxt.group("w") if nxt and "\n" not in tail[pos:nxt.start("w")] else ""
            if not (following[:1].islower() and _plural(following.lower()) and following.lower() not in _VERBS):
                break  # the head noun: "about 300 people | slept outdoors", "two plainclothes police officers | fired"
    return words, pos


def _plural(word: str) -> bool:
    return word in _PLURALS or word in lexicon.unit_classes() or (
        word.endswith("s") and not word.endswith("ss") and len(word) > 3)


def _unit_phrase(words: list[str]) -> str:
    """The counted noun: the head, with its modifier when the pair is a known unit ("militia members")."""
    nouns = [w for w in words if w.lower() not in _CASUALTY]
    head = nouns[-1].lower()
    if len(nouns) > 1 and f"{nouns[-2].lower()} {head}" in lexicon.unit_classes():
        return f"{nouns[-2].lower()} {head}"
    return head


def _ordinal(m: re.Match, sentence: str) -> Mention | None:
    """Ordinals that state a fact ("the third formal transition"), not labels ("first time")."""
    word = m.group("ord").lower()
    if word in ("first", "1st", "last"):
        return None
    words, _ = noun_phrase(sentence[m.end():])
    words = [w for w in words if w.lower() not in _CASUALTY]
    if not words or any(w.lower() in _ORDINAL_SKIP for w in words) or words[0][0].isupper():
        return None
    return Mention(m.start(), m.end(), "ordinal", parse_ordinal(word), unit=" ".join(words).lower())


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
        if c := _CASUALTY_AFTER_RE.match(sentence, mention.end + pos):
            words.append(c.group("cas"))
        if not words and mention.kind == "count" and mention.unit:
            words = [mention.unit]
    if len(words) < 2:
        clause = _CLAUSE_BREAK_RE.split(sentence[:mention.start])[-1]
        words = _content_words(clause)[-(5 - len(words)):] + words
    if not words:
        clause = _CLAUSE_BREAK_RE.split(sentence[mention.end:].lstrip(" ,;:"))[0]
        words = _content_words(clause)[:5]
    place = _PLACE_RE.search(sentence, mention.end) or _PLACE_RE.search(sentence[:mention.start])
    if place and place.group("place").split()[-1].lower().rstrip(".") not in _NOT_NAMES:
        phrase = place.group("place").rstrip(".")
        if phrase not in " ".join(words):
            words += ["in", phrase]
    return " ".join(words).strip() or None


def _content_words(text: str) -> list[str]:
    return [w.rstrip(".") for w in _CONTENT_RE.findall(text) if w.lower() not in _STOP and len(w) > 1]


def _drop_datelines(text: str, claims: list[Claim]) -> tuple[list[Claim], list[date]]:
    """Remove claims on dateline lines ("Updated 5/5/2010 1:41 PM"); return the dates those give."""
    kept, dates = [], []
    by_line: dict[tuple[int, int], list[Claim]] = {}
    for c in claims:
        line_start = text.rfind("\n", 0, c.start) + 1
        line_end = text.find("\n", c.end)
        by_line.setdefault((line_start, len(text) if line_end < 0 else line_end), []).append(c)
    for (a, b), members in by_line.items():
        line = list(text[a:b])
        for c in members:
            line[c.start - a:c.end - a] = " " * (c.end - c.start)
        residue = [w.lower() for w in re.findall(r"[A-Za-z]+", "".join(line))]
        dateline = (b - a <= 90 and all(c.kind in ("date", "time") for c in members)
                    and all(w in _DATELINE_WORDS for w in residue))
        if dateline:
            dates += [d for c in members if c.kind == "date" and (d := _point(c.value)) is not None]
        else:
            kept += members
    return kept, dates


def _point(value) -> date | None:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value)
    return None


def _stated_date(c: Claim) -> date | None:
    """The latest day an explicit past date with a written year lets the article be older than."""
    if c.kind != "date" or c.year_inferred or is_future(c.sentence, c.sentence.find(c.text), None):
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
