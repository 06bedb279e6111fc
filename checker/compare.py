"""Compare: group claims that state the same fact across sources and give each group a verdict.

Each claim gets a fact signature: its kind and block (unit class, or what was counted: killed,
injured...), the event it is about (event word nearest the number), the names, local area and
content words around it, and its value as an interval (values.interval). Claims are compared
only inside blocks, so cost grows with the size of the largest block, not with the square of all
claims. Inside a block, claims join clusters by average linkage with vetoes (a claim joins a
cluster only when it fits the cluster as a whole, never through one look-alike member), so facts
do not chain together. A second pass credits pairs whose sentences state a fact the first pass
found in both articles: one event, so their differing figures (150 m vs 200 ft) are one fact and a
discrepancy.

Within an article: a sentence printed again is clustered once, a figure restated in brackets is one
figure (as rough as the first; a local time restated in GMT gives the story's local offset), a figure
repeated from the lead restates its fact, two figures set against each other ("5.9, but the USGS said
6.1") are rival values of one fact, and any other two differing figures are two facts. A restatement
left alone joins the fact its article's figure is in: that article's word on the fact is weighed there
already. Figures of an incident the article calls another ("an unrelated shooting") never rival the
story's. When in doubt, claims stay apart: agreeing figures join on a little less evidence than
figures that would make a discrepancy.
"""
from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import inflection
from rapidfuzz import fuzz, process

from . import lexicon
from .dates import PREDICATE_STARTS, VIOLENCE
from .quantities import BARE_DOLLAR_RE, DETERMINER_RE, NAMED_DOLLARS, PARENT_OF_RE
from .values import (DAY_MINUTES, OPEN_ABOVE, OPEN_BELOW, TIME_RE, WORD_RE, across_midnight, date_bounds, display,
                     duration_words, half_step, hyphened, in_words, interval, intervals_meet, majority, median_day,
                     minutes, number, present, shift, stated_days, written, zone_offsets)

if TYPE_CHECKING:  # core passes plain rows: a run never imports pandas
    from pandas import DataFrame

STATUSES = ("discrepancy", "agreement", "single-source")

_EVENTS = lexicon.load("events")
_OUTCOMES = frozenset(_EVENTS["outcomes"])
_PERSONS = frozenset(_EVENTS["persons"])
_GENERIC_PERSONS = frozenset(_EVENTS["generic_persons"])
_OCCURRENCES = frozenset(_EVENTS["occurrences"])
_HARMS = frozenset(_EVENTS["harms"])
_WORDS = lexicon.load("words")
_KIN = frozenset(_WORDS["kin"])
_CALIBERS = frozenset(lexicon.load("measures")["calibers"])
_ONE_A_STORY = _CALIBERS | {"bac"}  # measures a story gives once: its gun's caliber, its driver's blood alcohol
_NOT_GOVERNING = frozenset(_WORDS["not_governing"])
_NOT_PLURALS = frozenset(_WORDS["not_plurals"])
_PLURALS = frozenset(_WORDS["plurals"])
_PUBLICATION = frozenset(_EVENTS["publication"])
_OBJECT_STARTS = frozenset(_WORDS["objects"])
_DOER_MARKS = frozenset(_EVENTS["doer_marks"])
_LEFT_PLACES = frozenset(_EVENTS["left_places"])
_NAMED_UNITS = frozenset(_EVENTS["named_units"])
_SEXES = {word: sex for sex, words in _EVENTS["sexes"].items() for word in words}
_DIMENSIONS = frozenset(_EVENTS["dimensions"])
_SETTINGS = frozenset(_EVENTS["settings"])
_MOMENTS = frozenset(_EVENTS["moments"])
_NEAR_MISS = _EVENTS["near_miss"]
_PUBLICATION_WORDS = 12   # a dateline is short; a sentence that says "published" in passing is not one
_NUMBERS = lexicon.load("numbers")
_CALENDAR = lexicon.load("calendar")
_STOP = frozenset(_WORDS["stop"])
_DAYS = frozenset(_CALENDAR["months"]) | frozenset(_CALENDAR["weekdays"])
# words that say nothing about which fact a sentence states: grammatical words (but "off Aceh"), the
# reporting and hedging words of events.yaml, calendar words and number words
_NOISE = (_STOP - frozenset(_EVENTS["where_words"])) | frozenset(_EVENTS["function_words"]) | _DAYS | frozenset(
    w for part in ("units", "tens", "scales", "ordinals") for w in _NUMBERS[part])
_RUN_RE = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+")
_CAPITAL = r"[A-Z][\w’'-]*"  # a capitalised word ("Tel", "O'Neal", "Al-Haouz")
_CAPITALS = rf"{_CAPITAL}(?:\s+{_CAPITAL})*"  # a run of them: a name ("Tel Aviv")
_AREAS = lexicon.alternation(_EVENTS["local_areas"])
_PLACE_RE = re.compile(rf"(?P<name>(?:{_CAPITAL}\s+)+)(?:{_AREAS})\b(?!\s+of\s+[A-Z])"
                       rf"|\b(?:{_AREAS})\s+of\s+(?P<of>{_CAPITALS})")
_WHOLE_RE = re.compile(r"\s*of\s+(?:the|its|their|these|those)\s+", re.I)  # "Of the | 475 aboard, 179 ..."
#: A place a distance is from, right after it: "east of Brackton", "from Tel Aviv"
_ORIGIN_RE = re.compile(rf"\s*(?:(?P<compass>[\w-]+)\s+)?(?:of|from)\s+(?:the\s+)?(?P<name>{_CAPITALS})")
_APPOSED_RE = re.compile(rf"(?P<name>{_CAPITAL}(?:\s+{_CAPITAL}){{0,3}}),\s+$")  # "Amizmiz, | 55 km from"
_MANY = lexicon.alternation([*(w for w, n in _NUMBERS["units"].items() if n > 2), *_NUMBERS["tens"]])  # three...
_INCIDENTS = _WORDS["incidents"]  # "a shooting", "an unrelated robbery"
# a count over a span of its own: "over four nights", "over the weekend", "since October", "since Friday",
# "since 2009" (not "since the conflict began": that is the whole event's), or of many incidents ("in 17
# shootings across the city", "in separate shootings"; two are often one incident, "in two shootings near the
# campus", unless called separate)
_TALLY_RE = re.compile(rf"\bover (?:the (?:past|last) )?(?:\w+ )?(?:days|nights|weeks|weekend|months|years)\b"
                       rf"|\bsince (?:{lexicon.alternation([*_CALENDAR['months'], *_CALENDAR['weekdays']])}|\d{{4}})\b"
                       rf"|\b(?:in|from|after|following) (?:(?:[3-9]|\d\d+|several|{_MANY}) (?:separate |different )?"
                       rf"|(?:two |2 )?(?:separate|different) )(?:[a-z]+ )?"  # "in four separate weekend shootings"
                       rf"(?:{lexicon.alternation(map(inflection.pluralize, _INCIDENTS))})\b",
                       re.IGNORECASE)
_OTHER_INCIDENT_RE = re.compile(
    rf"\b(?:an?|another)\s+(?:unrelated|separate)\s+(?:{lexicon.alternation(_INCIDENTS)})\b", re.IGNORECASE)
_APART_RE = re.compile(rf"\bincluding\s+(?:the\s+|an?\s+|her\s+|their\s+)?(?:suspected\s+)?"
                       rf"(?:{lexicon.alternation(_WORDS['counted_apart'])})\b", re.IGNORECASE)
#: A toll that leaves its killer out, right after it: "killed three people and then himself", "shot seven before
#: turning the gun on herself"
_WITHOUT_RE = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:and|before)\s+(?:then\s+)?(?:(?:killing|shooting|turning\s+the"
                         r"\s+gun\s+on)\s+)?(?:himself|herself)\b", re.IGNORECASE)
_PART_RE = re.compile(rf"\b(?:{lexicon.alternation(_EVENTS['part_of_whole'])})\b", re.IGNORECASE)
_ATTEMPTS = frozenset(_EVENTS["attempts"])
_PEOPLE_NOUNS = _KIN | frozenset(_WORDS["parents"]) | frozenset(_WORDS["aged_nouns"])
_IDENTIFYING = lexicon.alternation(_EVENTS["identifying"])
# ("identified the three people who died" names them all)
_IDENTIFIED_BEFORE_RE = re.compile(rf"\b(?:{_IDENTIFYING})\s+$", re.IGNORECASE)
_IDENTIFIED_AFTER_RE = re.compile(rf"\s+[\w-]+\s+(?:(?:were|have\s+been|had\s+been)\s+)?(?:{_IDENTIFYING})\b",
                                  re.IGNORECASE)
_CONDITIONS = [*_EVENTS["conditions"], *(f"in {word} condition" for word in _EVENTS["hospital_conditions"])]
_CONDITION_RE = re.compile(rf"\b(?:{lexicon.alternation(_CONDITIONS)})\b", re.IGNORECASE)
_CONTRAST_RE = re.compile(r"\b(?:but|while|whereas)\b")
_OTHER_CLAUSE_RE = re.compile(rf";|{_CONTRAST_RE.pattern}")  # "jailed for 12 years, but it took until 2003"
_REPORTING_RE = re.compile(rf"\b(?:{lexicon.alternation(_WORDS['reporting'])}|put|puts)\b")
_CONJUNCTION_RE = re.compile(r";|\band\b|\bbut\b|\bwhile\b")
#: "and"/"but" before a predicate of its own; not before a verb in -ed, which may share the first one's auxiliary
#: ("were shot and injured last weekend")
_NEW_PREDICATE_RE = re.compile(rf"\b(?:and|but)\s+(?:{PREDICATE_STARTS})\b", re.I)
_PAST_VERBS = frozenset(_WORDS["past_verbs"])  # "shot", "hit": verbs, though not in -ed
_STATES = frozenset(_WORDS["states"])
_SPOKEN = 4  # words between a reporting verb and the day it gives: whom they told ("told the Daily News Tuesday")
_SPOKEN_RE = re.compile(rf"\b(?:{lexicon.alternation(_WORDS['reporting'])}"
                        rf"|{lexicon.alternation(_WORDS['statements'])}"
                        rf"|{lexicon.alternation(_WORDS['announcing'])}"
                        rf"|{lexicon.alternation(_WORDS['states'])})"
                        rf"((?:\s+[^\s,.;:!?\"“”]+){{0,{_SPOKEN}}})\s*$", re.IGNORECASE)
_CLAUSE_STARTS = frozenset(_WORDS["clause_starts"])
_REST = frozenset(_WORDS["more"]) | {"others"}  # "four other families", "40 others"
_OPENS_CONJUNCT_RE = re.compile(r"\band\s+$")
_CAPACITY_RE = re.compile(rf"\b(?:{lexicon.alternation(_EVENTS['capacity'])})\b", re.I)
_CAPACITY_UNITS = frozenset(_EVENTS["capacity_units"])
_THRESHOLD = lexicon.alternation(_EVENTS["thresholds"])
_THRESHOLD_BEFORE_RE = re.compile(rf"\b(?:{_THRESHOLD})\s+$", re.I)
_THRESHOLD_AFTER_RE = re.compile(rf"\s*(?:[\w-]+\s+)?(?:{_THRESHOLD})\s+(?:for|to)\b", re.I)
_THE_RE = re.compile(r"\bthe\s+$", re.I)
_LIMIT_RE = re.compile(r"\blimit\s+(?:of|is|was)\s+$", re.I)  # "the legal limit of 0.08", "a speed limit of 55 mph"
_LIMIT_AFTER_RE = re.compile(r"\s*(?:[\w-]+\s+)?limits?\b", re.I)  # "below the 50 mph limit", "a 65-mph speed limit"
_REQUEST_RE = re.compile(rf"\b(?:{lexicon.alternation(_EVENTS['requests'])})\s+(?:an?\s+)?$", re.I)
_EMPLOYS_RE = re.compile(r"\bemploy(?:s|ed|ing)?\s+$", re.I)
_FORMER_RE = re.compile(rf"\b(?:{lexicon.alternation(_EVENTS['changed_from'])})\s+from\s+$", re.I)
_RETRACTED_RE = re.compile(
    rf"\b(?:{lexicon.alternation(_EVENTS['retracted'])})\s+(?:had\s+)?"
    rf"(?:{lexicon.alternation(_EVENTS['retraction_verbs'])})\b"
    rf"(?!.*\b(?:{lexicon.alternation(_EVENTS['corrected'])})\b)", re.I)
_POPULATION_RE = re.compile(rf"\b(?:home\s+to|(?:{lexicon.alternation(_EVENTS['peopled_places'])})\s+of)\s+$", re.I)
_PHRASE_RE = re.compile(r"[,;:()—]|–(?!\d)|\.(?:\s|$)")  # "and" may join two verbs of one doer
_VOLLEY_RE = re.compile(r"\bfir(?:ed|ing|es)\b(?:\s+[\w'’-]+){0,4}\s*$", re.IGNORECASE)  # "fired 18 times"
# "two of the three people", "one of six victims", "two of the wounded", "four of his children": a part of a
# count or a toll
# (quantities' _PARTITIVE_RE is wider: any "of the/its/their..." before the counted noun)
_SHARE_RE = re.compile(rf"\s+of\s+(?:(?:the\s+|those\s+|these\s+|their\s+)?(?:\d[\d,]*|"
                       rf"{lexicon.alternation([*_NUMBERS['units'], *_NUMBERS['tens']])})"
                       rf"|(?:the|those)\s+(?:{lexicon.alternation(_WORDS['tolls'])})|(?:his|her|their)\s)\b",
                       re.IGNORECASE)
_BETWEEN_RE = re.compile(rf"\b(?:{lexicon.alternation(_WORDS['between'])})\b", re.IGNORECASE)  # "30 minutes later"
_POSSESSIVE_RE = re.compile(r"['’]s\s+([\w-]+)")  # "Thursday's bombing"
_HEAD_RE = re.compile(rf"\s+(?:{_CAPITAL}\s+){{0,3}}([a-z][\w-]*)")  # "the 1960 | Agadir earthquake"
# what a span measures, named after it ("three days | of national mourning") or before it ("a sentence of |",
# "sentenced to |", "jailed for |")
_SPAN_OF_RE = re.compile(r"\s+of\s+(?:(?:the|a|an)\s+)?([a-z][\w-]*)(?:\s+([a-z][\w-]*))?")
_SPAN_FOR_RE = re.compile(r"\b([a-z][\w-]*(?=\s+of\s+$)|[a-z]+ed(?=\s+(?:to|for)\s+$))")
# "three counts (each) of attempted murder": what is charged, and whether as an attempt ("criminal attempt
# to commit", "intent to commit")
_CHARGE_RE = re.compile(r"(?:\s+[\w-]+)?\s+counts?\s+(?:each\s+)?of\s+"
                        r"(?P<attempt>(?:criminal(?:ly)?\s+)?(?:attempt(?:ed)?|intent)\s+(?:to\s+commit\s+)?)?"
                        r"(?P<charge>[\w-]+(?:\s+[\w-]+)*)", re.IGNORECASE)
_HANDLE_RE = re.compile(r"\(@\w+\)\s*$")  # a social media post's author, before its stamp
_DATELINE_RE = re.compile(r"\)?\s*(?:--|[-–—])\s")  # a date that opens its sentence before a dash
_SINCE_RE = re.compile(r"\b(?:since|until|because)\b", re.I)
_SEQUEL_RE = re.compile(r"\b(?:after|before|following)\b")
_CLAUSE_RE = re.compile(r",|;|:|\(|\)|—|–(?!\d)|\band\b|\bbut\b|\bwhile\b|\bwhich\b|\bas\b")
_YEAR_DAYS = 365.2425  # days in a Gregorian year on average
_STEM = 5          # words compare on their first letters: Israel ~ Israeli, attack ~ attacks
_WINDOW = 8        # content words either side of a number that say what it counts
_NEAR = 3          # words between a count and the local area it is given for
_OWNER = 3         # words either side of an age that name whose age it is
_HOLD = 3          # words before a count (two after) that make it a capacity ("licensed to carry | 180")
_LEAD = 3          # an article's first sentences with claims (headline, lead) state its main facts
_FACT_REACH = 2.0  # powers of ten apart at which a shared event no longer ties two figures, nor anything
_RIVAL_REACH = math.log10(1.5)  # rival tolls differ by some (30, 42); a part of a toll (one of nine) by much
_GLOSS = 4         # words between a figure and the bracket that restates it ("17:06 hours local time (")
_RUN = 4          # content words in a row that two sentences share when one copied the other
_NAMED_REACH = 2   # years (or charges) apart that one person's age (or counts) may be misreported by
_TIME_SLIP = 120   # minutes by which outlets misreport the time of one event (10:30 or 11:30 p.m.)
_POSTING = 50      # words, names, values shared by more claims of a block than this make no candidates


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
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Weights:
    """How a pair's evidence adds up to one score; pairs at or above `threshold` may join.

    Context is the IDF-weighted overlap of the content words around the mentions; names the share
    of capitalised names the sparser side shares. Compatible values are evidence too: for dates
    the more the coarser of the two is specific (two sources naming the same day are rarely about
    two events), for numbers the more the number is (2,500 is a rarer coincidence than 3).
    Numbers that differ a little keep part of that credit (events.yaml near_miss) and lose
    `magnitude` per power of ten between them. Sentences that state a fact both articles share
    (a first pass's multi-source clusters) earn `shared_fact`; figures that are each article's only
    one of their kind for the event earn `sole`. Figures both articles lead with, and the news day
    both leads give (however often the articles name that day), earn `lead`. One day, or one past
    date, given in clauses that name one kind of event earns `same_event` (a news day alone dates
    many events), as do agreeing counts of people in one condition ("one critically", "one is in
    critical condition"), distances from one named place, each article's only time of day, and days or spans
    that modify one noun ("an Aug. 31 deadline", "the four-day truce").
    Figures that all agree join at `agreeing` under the threshold: a false discrepancy costs an
    editor more than a missed agreement. For the same reason two figures in conflict must earn half
    the threshold between themselves, not only through a third vague enough to meet both.
    """

    context: float = 0.6
    names: float = 0.2
    value: float = 0.5
    day: float = 0.45
    month: float = 0.35
    year: float = 0.2
    magnitude: float = 0.05
    lead: float = 0.15
    same_event: float = 0.3
    shared_fact: float = 0.45
    sole: float = 0.3
    wording: float = 0.1
    threshold: float = 0.45
    agreeing: float = 0.05
    same_source: float = 0.7   # two mentions in one article must be this alike to be one fact


def align(claims: DataFrame | list[dict], *, tolerance: float = 0.05, weights: Weights = Weights()
          ) -> tuple[list[Cluster], list[TimelineEvent]]:
    """Clusters (every claim in exactly one) and the timeline of dated events."""
    if len(claims) == 0:
        return [], []
    rows = signatures(claims, tolerance=tolerance)
    labels = _labels({row["source"] for row in rows.values()})
    for row in rows.values():
        row["label"] = labels[row["source"]]
    idf = _weigh(rows)
    copies = _copies(rows)
    by_block: dict[tuple, list] = {}
    for r in copies:
        by_block.setdefault((rows[r]["kind"], rows[r]["block"]), []).append(r)
    blocks = list(by_block.values())
    scores: dict[tuple[int, int], float | None] = {}
    groups = [group for block in blocks for group in _cluster(rows, block, idf, weights, scores)]
    _sentence_facts(rows, groups)
    for a, b in [key for key in scores if rows[key[0]]["facts"] & rows[key[1]]["facts"]]:
        del scores[a, b]  # only pairs whose sentences share a fact score differently now
    groups = [group for block in blocks for group in _cluster(rows, block, idf, weights, scores)]
    groups = _agreeing_reading(rows, groups, idf, weights)
    groups = _restatements(rows, groups, idf, weights, scores)
    groups = _victims(rows, groups, idf, weights)
    groups = _unsigned(rows, groups, idf, weights)
    groups = [sorted(c for r in group for c in (r, *copies[r])) for group in groups]
    groups.sort(key=min)
    clusters = [_verdict(f"k{n}", [rows[r] for r in members]) for n, members in enumerate(groups, 1)]
    return clusters, _timeline(rows, groups, clusters)


def signatures(claims: DataFrame | list[dict], *, tolerance: float = 0.05) -> dict:
    """Each claim's row of the claims table (by its index) plus its fact signature: block, event,
    context words, names, value interval, event date (of the date with a written year nearest it in
    its sentence; of a count, also the day its clause gives), the kind of person it counts (`_who`),
    whether it is in its article's lead (a date: and gives the lead's news day), and for dates of the
    news week how many of its article's sentences give a date that meets it (spread). A figure restated
    in brackets takes the event of the figure it restates. Plain dicts, not a frame: a story has few
    claims, and each is read many times."""
    rows = claims.to_dict("index") if hasattr(claims, "to_dict") else dict(enumerate(claims))
    dated: dict[tuple, list] = {}  # each sentence's dates with a written year
    days: dict[tuple, list] = {}  # and its days, year written or not, but not a day that names a thing
    for row in rows.values():
        row["head"] = _head(row)
        if row["kind"] == "date":  # "yesterday" resolves differently per article: it dates nothing here
            bounds = () if row["year_inferred"] else (
                date_bounds(str(row["value"])) if present(row["value"]) else interval(row, tolerance))
            if bounds and row["hedge"] == "at-least":  # extraction read "since 1955": from then on
                bounds = (bounds[0], "9999-12-31")  # "waged since 1955": from then on, through "1983-2005"
            dated.setdefault((row["source"], row["sentence"]), []).append((row["start"], row["end"], bounds))
            if present(row["value"]) and row["head"] is None:  # "two suspects in the Easter homicide"
                days.setdefault((row["source"], row["sentence"]), []).append(
                    (row["start"], row["end"], date_bounds(str(row["value"]))))
    order: dict[str, list[str]] = {}
    for row in sorted(rows.values(), key=lambda row: (row["source"], row["start"])):
        if row["sentence"] not in (seen := order.setdefault(row["source"], [])):
            seen.append(row["sentence"])
    columns = ("block", "event", "context", "names", "owner", "place", "part", "rest", "tally", "span", "when",
               "between", "doer", "spoken", "clause_event", "sex", "other", "apart", "condition", "charge", "origin",
               "capacity", "former", "target", "lead", "wording")
    wordings = {sentence: _wording(sentence) for sentence in {row["sentence"] for row in rows.values()}}
    dates: dict[str, set[tuple]] = {}  # each source's date intervals, once per sentence (a repeated caption)
    # an article with no date of its own recalls a past date as the others do: it was written when they were
    story = median_day({row["source"]: str(row["published"]) for row in rows.values()
                        if present(row.get("published"))}.values())
    for row in rows.values():
        signature = _signature(row, tolerance, _nearest_date(row, dated.get((row["source"], row["sentence"]), ())))
        lead = row["sentence"] in order[row["source"]][:_LEAD]
        row.update(zip(columns, (*signature, lead, wordings[row["sentence"]])))
        own = row.get("published")
        row["past"] = row["kind"] == "date" and not _news_week(row["span"], own if present(own) else story)
        row["who"] = _who(row)
        row["figure"] = display({**row, "hedge": "exact"})  # as written: "about 1,500 feet" gives 1,500
        day = _nearest_date(row, days.get((row["source"], row["sentence"]), ())) if row["kind"] == "count" else ()
        row["day"] = day if day and _days(day) <= 3 else ()  # "13 Israelis freed on Friday", not "in November"
        if row["kind"] == "date":
            dates.setdefault(row["source"], set()).add((row["sentence"], row["span"]))
    main: dict[str, tuple] = {}  # the first news day an article's lead gives: the day of its main event
    for row in sorted(rows.values(), key=lambda row: row["start"]):
        if row["kind"] == "date" and row["lead"] and row["event"] != "publication" and not row["past"]:
            main.setdefault(row["source"], row["span"])
    for row in rows.values():  # a lead's other dates (a day it recalls) are no main fact
        if row["kind"] == "date" and row["lead"]:
            row["lead"] = row["source"] in main and intervals_meet(row["span"], main[row["source"]])
    for row in rows.values():
        row["spread"] = (sum(intervals_meet(row["span"], other) for _, other in dates[row["source"]])
                         if row["kind"] == "date" and not row["past"] else 1)
    sentences: dict[tuple, list[dict]] = {}
    for row in rows.values():
        if row["kind"] in ("measure", "time", "money"):
            sentences.setdefault((row["source"], row["sentence"], row["kind"]), []).append(row)
    for mentions in sentences.values():
        ordered = sorted(mentions, key=lambda row: row["start"])
        for a, b in zip(ordered, ordered[1:]):
            if _restated(a, b):  # "a depth of 10 kilometres (6.2 miles), 55 kilometres south"
                b["event"] = a["event"]
                # "about 58km (36 miles)", "about 9:40 a.m. (1540 GMT)": the conversion is as rough as the figure
                if b["hedge"] == "exact":
                    b["span"] = interval({**b, "hedge": a["hedge"]}, tolerance)
    # a story that names some of its dollars by country ("C$48 million (US$35.5 million)") leaves a bare "$"
    # unnamed: another outlet's "$48 million" may be either, so it meets only other bare sums
    if any(row["kind"] == "money" and row["unit"] in NAMED_DOLLARS for row in rows.values()):
        for row in rows.values():
            if row["kind"] == "money" and row["unit"] not in NAMED_DOLLARS and BARE_DOLLAR_RE.match(row["text"]):
                row["block"] = "$"
    _acronyms(rows)
    _local_time(rows, tolerance)
    _coordinated(rows)
    _sole(rows)
    _rivals(rows)
    return rows


def _copies(rows: dict) -> dict[int, list[int]]:
    """{claim: the copies of it its article prints}, one entry per claim that is no copy. A sentence
    printed again (a caption repeated in a scraped photo gallery, a paragraph pasted twice) repeats
    its claims word for word: one claim's evidence, clustered once, so that repeated text neither
    outweighs the other articles nor crowds the words it shares with them out of the candidates."""
    copies: dict[int, list[int]] = {}
    heads: dict[tuple, list[int]] = {}
    for r in sorted(rows, key=lambda r: rows[r]["start"]):
        row = rows[r]
        key = (row["source"], row["sentence"], row["text"], row["kind"], row["block"], row["context"], row["place"])
        # the same words in the same sentence, but a sentence's length away: printed again, not one mention
        apart = len(str(row["sentence"]))
        head = next((h for h in heads.get(key, ()) if abs(rows[h]["start"] - row["start"]) >= apart), None)
        if head is None:
            heads.setdefault(key, []).append(r)
            copies[r] = []
        else:
            copies[head].append(r)
    return copies


#: A name of capitalised words, with the small words a name holds ("Relief and Works", "Department of State")
_LONG_NAME_RE = re.compile(rf"{_CAPITAL}(?:\s+(?:(?:of|and|for|the)\s+)?{_CAPITAL})+")
_ACRONYM_LETTERS = 6
_ACRONYM_RE = re.compile(rf"\b[A-Z]{{3,{_ACRONYM_LETTERS}}}\b")
_COMMON_ACRONYMS = {acronym.lower(): frozenset(name.lower().split()) for acronym, name in _WORDS["acronyms"].items()}


def _acronyms(rows: dict) -> None:
    """An acronym and the name it stands for are one name ("AMD", "Advanced Micro Devices"; "USGS", "US
    Geological Survey"): where the story spells out an acronym of three or more letters it writes, each of
    its rows that gives one names the other too, so that outlets that name an actor differently still
    share it. An acronym that spells two names in the story ("ABC", "American Broadcasting Company",
    "Atlanta Bus Company") stands for neither; two letters spell too much by chance ("UN", "Upper Nile"),
    so only the common ones of words.yaml count."""
    sentences = {row["sentence"] for row in rows.values() if isinstance(row["sentence"], str)}
    written = {a for sentence in sentences for a in _ACRONYM_RE.findall(sentence)}
    found: dict[str, set[frozenset[str]]] = {}  # each acronym's spellings
    for sentence in sentences if written else ():
        for run in _LONG_NAME_RE.findall(sentence):
            words = [w.split("-")[0].strip("'’") for w in run.split() if w[0].isupper()]  # "Nations-run"
            for i in range(len(words)):  # a part of the run: "Advanced Micro Devices | Inc."
                for j in range(i + 2, min(len(words), i + _ACRONYM_LETTERS) + 1):
                    if (initials := "".join(w if w.isupper() else w[0] for w in words[i:j])) in written:
                        found.setdefault(initials.lower(), set()).add(frozenset().union(
                            *(_COMMON_ACRONYMS.get(w.lower(), {w.lower()}) for w in words[i:j])))  # "UN Relief"
    spelt = {**_COMMON_ACRONYMS, **{acronym: next(iter(names)) for acronym, names in found.items() if len(names) == 1}}
    capitals = {sentence: {w.lower().strip(".'’-") for w in WORD_RE.findall(sentence) if w[:1].isupper()}
                for sentence in sentences}
    for row in rows.values():
        names = set(row["names"])
        written_out = capitals.get(row["sentence"], set()) | names  # its first word too: "AMD said", "Advanced"
        names.update(w for acronym, words in spelt.items() if acronym in written_out for w in words)
        names.update(acronym for acronym, words in spelt.items() if words <= written_out)
        row["names"] = tuple(sorted(names))


def _local_time(rows: dict, tolerance: float) -> None:
    """When an article restates a local time in brackets in a zone we convert ("at 17:06 hours
    local time (13:36 GMT)"), its local time is that far ahead of UTC, and so is the story's (the
    offset most restatements give): times given in local time or in no zone then compare in UTC.
    With no restatement, a story whose zoned times all name one regional zone ("10:17 p.m. ET" in a
    Buffalo story) tells its local time in it: those times compare as written with the unmarked ones."""
    times = sorted((row for row in rows.values() if row["kind"] == "time"),
                   key=lambda row: (row["source"], row["start"]))
    offsets: dict[str, int] = {}
    for a, b in zip(times, times[1:]):
        zones = (_zone(a), _zone(b))
        if a["source"] == b["source"] and _restated(a, b) and sorted(zones) == ["UTC", "local"]:
            local, utc = (a, b) if zones[0] == "local" else (b, a)
            offsets[a["source"]] = (local["span"][0] - utc["span"][0]) % DAY_MINUTES
    story = majority(offsets.values())
    # not when another time writes UTC or "local time"
    named = {row["unit"] for row in times if isinstance(row["unit"], str)}
    zone = named.pop() if story is None and len(named) == 1 else None
    if zone_offsets(zone) in (None, (0,)):
        zone = None  # UTC, GMT and "local time" name no region
    for row in times:
        offset = offsets.get(row["source"], story)
        if offset is not None and _zone(row) == "local" and all(map(math.isfinite, row["span"])):
            low, high = (value - offset for value in row["span"])
            wrap = DAY_MINUTES if low < 0 else 0
            row["span"], row["zone"] = (low + wrap, high + wrap), "UTC"
        elif zone and row["unit"] == zone:
            row["span"], row["zone"] = interval({**row, "unit": None}, tolerance), "local"  # as written, not widened


def _coordinated(rows: dict) -> None:
    """Mark as parts the tolls of one outcome an article joins with "and" in one phrase ("Two civilians
    and one police officer were killed", "the slayings of his two young children and two stepchildren"):
    each counts some of the victims, so it is no rival of another article's whole toll."""
    sentences: dict[tuple, list[dict]] = {}
    for row in rows.values():
        if row["kind"] == "count" and row["block"] in _OUTCOMES:
            sentences.setdefault((row["source"], row["sentence"]), []).append(row)
    classes = lexicon.event_classes()
    for mentions in sentences.values():
        ordered = sorted(mentions, key=lambda row: row["start"])
        for a, b in zip(ordered, ordered[1:]):
            words = _lowered(_between(a, b))
            if (a["block"] == b["block"] and words[-1:] == ("and",) and len(words) <= _OWNER
                    and not any(w in classes for w in words)):
                a["part"] = b["part"] = True


def _rivals(rows: dict) -> None:
    """Give each claim the figures its article reports as rival values of one fact: two of one
    block in a sentence where the second is another source's word against the first ("Tehran's
    centre put the magnitude at 5.9, but the U.S. Geological Survey said it was 6.1"), or two of
    one block and event in two sentences that each say who gave it ("The UN said earlier that it
    had confirmed 30 dead", "Shifa Hospital said 42 people were killed"): a toll and its update,
    or two sources' tolls, not two facts."""
    sentences: dict[tuple, list[dict]] = {}
    for row in rows.values():
        row["rivals"] = ()
        if row["kind"] in ("count", "measure"):
            sentences.setdefault((row["source"], row["sentence"]), []).append(row)
    rivals: dict[tuple, list] = {}
    attributed: dict[tuple, list[dict]] = {}
    for (source, sentence), mentions in sentences.items():
        ordered = sorted(mentions, key=lambda row: row["start"])
        for a, b in zip(ordered, ordered[1:]):
            contrast = _CONTRAST_RE.search(_between(a, b))
            if (a["kind"], a["block"]) == (b["kind"], b["block"]) and contrast and _REPORTING_RE.search(
                    _between(a, b)[contrast.end():]) and not intervals_meet(a["span"], b["span"]):
                rivals.setdefault((source, a["kind"], a["block"]), []).extend((_anchor(a["span"]), _anchor(b["span"])))
        if _REPORTING_RE.search(str(sentence)):
            for row in mentions:
                if row["event"]:
                    attributed.setdefault((source, row["kind"], row["block"], row["event"]), []).append(row)
    for (source, kind, block, _), mentions in attributed.items():
        for a, b in itertools.combinations(mentions, 2):
            if (kind == "count" and a["sentence"] != b["sentence"] and not intervals_meet(a["span"], b["span"])
                    and _orders_apart(_anchor(a["span"]), _anchor(b["span"])) <= _RIVAL_REACH):
                rivals.setdefault((source, kind, block), []).extend((_anchor(a["span"]), _anchor(b["span"])))
    for row in rows.values():
        row["rivals"] = tuple(rivals.get((row["source"], row["kind"], row["block"]), ()))


def _own_week(ra: dict, rb: dict) -> bool:
    """Two articles published on different days giving one day in the same words against their own
    date ("Tuesday", "last night", "in March": no digits, year inferred): each means its own."""
    return (ra["kind"] == "date" and in_words(ra) and in_words(rb) and _said(ra) == _said(rb)
            and str(ra.get("published")) != str(rb.get("published")))


def _other_year(ra: dict, rb: dict) -> bool:
    """Two days of the same month and day, one with its year guessed from its article's date: the
    guess may be wrong (a trial story recalling last year's "April 28"), so they differ in no fact."""
    if ra["kind"] != "date" or not (ra["year_inferred"] or rb["year_inferred"]):
        return False
    days = [str(row["value"]) for row in (ra, rb)]
    return all(len(day) == 10 for day in days) and days[0][4:] == days[1][4:]


def _said(row: dict) -> str:
    """A date's words without the preposition that carries it ("on Tuesday" -> "tuesday")."""
    return str(row["text"]).lower().removeprefix("on ")


def _between(first: dict, second: dict) -> str:
    """The words of their sentence between two mentions of it (first before second)."""
    after = _at(first) + len(str(first["text"]))
    return str(first["sentence"])[after:after + second["start"] - first["end"]]


def _at(row: dict) -> int:
    """Where a claim's mention is in its sentence, -1 when not known."""
    start = row.get("sentence_start")
    return int(row["start"] - start) if present(start) and isinstance(row["sentence"], str) else -1


def _after(row: dict) -> str:
    """Its sentence after a claim's mention, '' when the mention's place is not known."""
    at = _at(row)
    return row["sentence"][at + len(str(row["text"])):] if at >= 0 else ""


def _head(row: dict) -> str | None:
    """The noun a date or a span modifies ("an Aug. 31 deadline", "the 1960 Agadir earthquake", "a four-day
    truce"), or what a span measures ("three days of mourning", "a sentence of | sentenced to 12 years"):
    articles naming one thing by it name one fact, however their sentences differ."""
    if row["kind"] not in ("date", "duration"):
        return None
    before, after = str(row["sentence"])[:max(_at(row), 0)], _after(row)
    head = _HEAD_RE.match(after) if DETERMINER_RE.search(before) else None
    if head and head[1] not in _NOISE:
        return _stem(head[1])
    if row["kind"] == "date":
        return None
    of = _SPAN_OF_RE.match(after)  # "three days of national mourning": its last word before a grammatical one
    words = [word for word in of.groups() if word and word not in _NOISE] if of else []
    if not words and (measured := _SPAN_FOR_RE.search(before)) and measured[1] not in _NOISE:
        words = [measured[1]]
    return _stem(words[-1]) if words else None


def _people_noun(word: str | None) -> bool:
    """Whether a counted noun names people: a person word in any number, or a kin word ("cousins")."""
    return _singular(word) in _PERSONS or word in _KIN


def _disputed(ra: dict, rb: dict) -> bool:
    """Two differing figures of one article that are the rival values it reports for one fact."""
    return all(any(intervals_meet(_anchor(row["span"]), rival) for rival in row["rivals"]) for row in (ra, rb))


def _nearest_date(row, dates: list[tuple]) -> tuple:
    """The interval of the date (with a written year) nearest the claim in its sentence, () when the
    nearest has none: in "killed 31,000 in Bam in 2003, and 600 in Zarand in February in a 6.4
    quake" the 6.4 is February's, not 2003's. A date past a "but" or a semicolon dates another
    clause: "jailed for 12 years, but it took until 2003 to admit the sham"; one past an "and" before a
    predicate of its own (an auxiliary or a pronoun after it) another predicate: "vanished in 1993 and was
    sentenced to six life terms", not "were shot and injured last weekend"."""
    sentence = str(row["sentence"])
    offset = row["start"] - max(_at(row), 0)  # where the sentence starts in its source
    spans = [(d, sentence[min(d[1], row["end"]) - offset:max(d[0], row["start"]) - offset]) for d in dates]
    own = [d for d, between in spans if not (_OTHER_CLAUSE_RE.search(between) or _NEW_PREDICATE_RE.search(between))]
    if not own:
        return ()
    return min(own, key=lambda d: max(d[0] - row["end"], row["start"] - d[1], 0))[2]


def _sole(rows: dict) -> None:
    """Mark whether a count or duration gives its article's only value for what it counts of its
    event (the one duration of the quake, the one count of houses damaged, the one count of bombs
    when no event word is near): two articles' only such figures are likely one fact even when
    worded apart. A duration needs its event: a story has many spans of years. Figures that agree
    are one value ("Three killed" in the headline, "at least three" in the lead), and a toll of
    some kind of people ("two women and one man died") is a part, not a rival value. Counts of
    people at large (a city of 500,000 people) name no such thing; measures (two quakes'
    magnitudes) and dates never are, but for a gun's caliber (a story's one gun, ".38" or ".357"), a
    driver's blood alcohol and a quake's depth. A time of day is sole when its article gives no other
    (what happened when), or when its lead gives it first: the main event's time, as the lead tells the
    main event first ("derailed at 2:50 a.m." in one lead, "happened at 2:15 a.m. Tuesday" in another)."""
    values: dict[tuple, set] = {}
    keys = {}
    for r, row in rows.items():
        row["sole"] = False
        once = row["kind"] == "measure" and (row["block"] in _ONE_A_STORY or row["event"] == "depth")
        if row["kind"] == "time":
            keys[r] = (row["source"], "time")
        elif ((row["kind"] in ("count", "duration") or once) and _singular(row["block"]) not in _GENERIC_PERSONS
                and row["event"] != "publication" and (row["event"] or row["kind"] == "count" or once)):
            who = row["who"] if row["block"] in _OUTCOMES else None
            keys[r] = (row["source"], row["kind"], row["block"] or "", row["event"], who, row["charge"], row["target"])
        else:
            continue
        # an unreadable value's NaN bounds are one value, however many NaN objects hold it
        values.setdefault(keys[r], set()).add(tuple(None if v != v else v for v in row["span"]))
    for r, key in keys.items():
        rows[r]["sole"] = all(intervals_meet(a, b) for a in values[key] for b in values[key])
    leads: dict[str, list[int]] = {}  # each article's times of day in its lead
    for r, row in rows.items():
        if row["kind"] == "time" and row["lead"] and row["event"] != "publication":
            leads.setdefault(row["source"], []).append(r)
    for times in leads.values():
        rows[min(times, key=lambda r: rows[r]["start"])]["sole"] = True


def _wording(sentence) -> frozenset:
    """The runs of `_RUN` content words of a sentence: two articles that share one copied the wording
    (wire copy, "a landslide engulfed a coffee plantation"), so they tell of the same thing."""
    words = _content(sentence) if isinstance(sentence, str) else []
    return frozenset(tuple(words[n:n + _RUN]) for n in range(len(words) - _RUN + 1))


def _news_week(span: tuple, published) -> bool:
    """A date within a week of its article's publication (or of any date in a story with none): the news
    day an article gives for many things. An older date (the 2004 tsunami) dates one past event,
    however often the article mentions it."""
    if not present(published) or span[0].startswith("--"):
        return True
    day = date.fromisoformat(str(published)[:10])
    return shift(span[0], -7) <= day.isoformat() <= shift(span[1], 7)


def _signature(row, tolerance: float, sentence_date: tuple) -> tuple:
    sentence = row["sentence"] if isinstance(row["sentence"], str) else ""
    at = _at(row)
    before, after = (sentence[:at], sentence[at + len(row["text"]):]) if at >= 0 else (sentence, "")
    kind = row["kind"]
    unit = lexicon.unit_class(row["unit"]) if isinstance(row["unit"], str) else None
    head, tail = _CLAUSE_RE.split(before)[-1], _CLAUSE_RE.split(after)[0]  # the number's clause either side
    if kind == "date" and not WORD_RE.search(before + tail):
        # a day that opens its sentence dates the clause after its comma ("Tonight, a crowd gathered")
        tail = next((part for part in _CLAUSE_RE.split(after) if WORD_RE.search(part)), "")
    # a possessive date names its event right after it: "wounded in Thursday's bombing" dates the bombing
    possessive = _POSSESSIVE_RE.match(after) if kind == "date" else None
    # no day is a depth's or a distance's: "sites away from the border ... when the incident occurred on Thursday";
    # no count or span is a moment's ("born in Lebanon, he has lived here for ten years"; "killing two others
    # ... had bought his rifle")
    skip = _DIMENSIONS if kind == "date" else _MOMENTS
    clause = possessive and _nearest("", possessive[1], skip) or _nearest(head, tail, skip)
    if kind == "date" and not possessive and (sequel := _SEQUEL_RE.search(tail)):
        # "searching for him Tuesday after he robbed a bank": "after" tells an earlier event; a clause whose
        # only event word comes after it tells of something else ("")
        clause = _nearest(head, tail[:sequel.start()], skip) or ("" if clause else None)
    span = interval(row, tolerance)
    origin = _origin(after) if kind == "measure" else ""
    if kind in ("date", "time") and (_publication_line(sentence)
                                     or kind == "date" and _stamp(before, after, span, row.get("published"))):
        event = "publication"  # "Published: April 10, 2007"
    elif unit in _OUTCOMES:
        event = unit  # "24 dead": the counted noun is the event
    elif origin and (row.get("normalized") or {}).get("unit") == "km":
        event = "distance"  # "135 kilometres from Manokwari at a depth of 35": from a place, whatever is near
    elif kind == "date" and not possessive and _eventless_clause(head, tail, skip):
        event = ""
    elif kind == "count" and PARENT_OF_RE.search(before):
        event = ""  # "Laura Reed, a mother of two, was found dead": her children, not the dead
    elif kind == "count" and clause is None and (_verb_object(head) or _WHOLE_RE.fullmatch(before)
                                                 or _POPULATION_RE.search(before)):
        # "killing 11 people and forcing about 40,000 from their homes": forcing's, not killing's; "Of the 475
        # people aboard, 179 have been rescued": the whole, not the rescued; "Korvat, home to 100,000 people,
        # where 24 have died": those who live there
        event = ""
    elif clause is None and kind == "count" and unit and not _people_noun(unit) and (
            conjunct := _conjunct_event(before, after, skip)):
        # not for people: "three men and a woman were hurt" is a toll's parts, which its own rules weigh
        event = conjunct
    else:  # the event word nearest the number in its clause, else in its sentence
        event = clause or _nearest(before, after, skip) or ""
    of_charges = kind == "count" and _singular(unit) == "count"
    charge = _charge(after) if of_charges else None
    if of_charges:  # counts and charges are charges, whatever verb tells them ("booked on", "found guilty of")
        event = "arrested"
    # its clause's, or its verb's after it in its sentence part ("three Palestinians, who..., died")
    own = clause or _nearest("", _CONJUNCTION_RE.split(after)[0], skip)
    if kind == "date":
        words = _content(before) + _content(after)
    else:
        words = _content(before)[-_WINDOW:] + _content(after)[:_WINDOW]
    names = tuple(sorted({w.lower() for w in _names(before)[-_WINDOW // 2:] + _names(after)[:_WINDOW // 2]}))
    owner = _full_names(" ".join(before.split()[-_OWNER:])) + _full_names(" ".join(after.split()[:_OWNER]))
    when: tuple = ()
    if kind == "duration":
        # the year a span is dated by may be its start or its end: "quit in 1957 after seven years" and
        # "seven years, from 1950"; an open span ("more than seven years") may start in any year
        if sentence_date and math.isfinite(span[1]):
            when = (shift(sentence_date[0], -math.ceil(span[1])), shift(sentence_date[1], math.ceil(span[1])))
    elif kind != "date":
        when = sentence_date
    place = _place(before, after)
    if origin and not place and (apposed := _APPOSED_RE.search(before)):
        place = _unnoised(apposed["name"])  # "In Amizmiz, 55 km south-west of Marrakech": how far Amizmiz is
    if kind == "measure" and not place:  # a measure is of the place its clause names ("the city of Bam was razed by")
        place = _place(head, tail, reach=len(sentence))
    condition = _condition(tail) if kind == "count" else None
    part = condition is not None or _part(kind, event, before, after)
    # a toll that says it counts the gunman or an unborn child ("seven dead, including the gunman"), or that
    # he is not among it ("killed three people and then himself"): either is not a bare toll's count
    apart = "" if kind != "count" else "with" if _APART_RE.search(" ".join(after.split()[:_WINDOW])) else (
        "without" if _WITHOUT_RE.match(after) else "")
    # its clause says it, or the sentence opens with it ("Since October 2014, at least 15 children ...")
    tally = bool(_TALLY_RE.search(head + row["text"] + tail) or _TALLY_RE.match(before.lstrip()))
    # what may be held, not what was: "licensed to carry 180 passengers", "a capacity of 40,000"
    capacity = kind == "count" and bool(_CAPACITY_RE.search(" ".join([*head.split()[-_HOLD:], *tail.split()[:2]]))
                                        or row["unit"] in _CAPACITY_UNITS)
    # "down from 72%": the value before a change; "initially said the boy was 11": one taken back
    former = bool(_FORMER_RE.search(before) or _RETRACTED_RE.search(before))
    # what must be reached or was asked for, not what was: "needed more than 50 percent", "the 151 needed for a
    # majority", "the legal limit of 0.08", "asked for 180 days in jail" (but "firefighters needed six hours",
    # "she needed 12 stitches": what it took)
    target = bool(kind == "percent" and _THRESHOLD_BEFORE_RE.search(before) or _LIMIT_RE.search(before)
                  or _LIMIT_AFTER_RE.match(after)
                  or kind != "duration" and _THE_RE.search(before) and _THRESHOLD_AFTER_RE.match(after)
                  or kind in ("duration", "money", "percent") and _REQUEST_RE.search(before))  # no "seek a suspect"
    doer = kind == "count" and unit not in _OUTCOMES and _agent(before, after)
    # a span between two events ("30 minutes later", "four weeks after the shooting", "in the six weeks since")
    between = kind == "duration" and bool(_BETWEEN_RE.search(row["text"]) or _BETWEEN_RE.match(after.lstrip()))
    spoken = kind == "date" and _spoken(row["text"], before, after)
    # whose age by sex, from the noun after it ("a 13-year-old girl"): ages are the only measures it serves
    sex = next((_SEXES[w] for w in _lowered(tail)[:_OWNER + 1] if w in _SEXES), None) if kind == "measure" else None
    # a capacity is of the place, whatever it holds: "28,000 seats", "a capacity of 28,000", "holds 28,000 people"
    block = "capacity" if capacity else _block(row, "" if doer else event, own, before)
    rest = kind == "count" and _rest(before, after, toll=block if block in _OUTCOMES else None)
    return (block, event, frozenset(words), names, owner, place, part,
            rest, tally, span, when, between, doer, spoken, clause, sex,
            _other_incident(sentence), apart, condition, charge, origin, capacity, former, target)


def _conjunct_event(before: str, after: str, skip: frozenset[str]) -> str | None:
    """The event of a count that opens a conjunct, told by the verb after it past a compound noun ("11
    people have died and about 1,500 homes and businesses have been destroyed": destroyed, not died)."""
    return _nearest("", _PHRASE_RE.split(after)[0], skip) if _OPENS_CONJUNCT_RE.search(before) else None


def _eventless_clause(head: str, tail: str, skip: frozenset[str]) -> bool:
    """Whether a date is in a clause that "since", "until" or "because" opens and that names no event
    ("destroyed 1,500 structures since it broke out on Sunday"): it dates that clause's event, not the
    main clause's. Not "fighting since May 2001" (no clause), nor after "when", which makes its clause's
    day the main clause's ("arrested when police found him on Tuesday")."""
    opened = [m.end() for m in _SINCE_RE.finditer(head)][-1:]  # the last one opens the date's clause
    clause = head[opened[0]:] if opened else ""
    return bool(clause.split()) and not _nearest(clause, tail, skip)


def _verb_object(head: str) -> bool:
    """Whether a count is the object of a verb of its own clause that names no event ("and forcing | about
    40,000", "affected | 200,000"), so it takes no other clause's event; "including" names a part."""
    last = head.split()[-1:]
    word = last[0].lower() if last else ""
    return word.endswith(("ing", "ed")) and word not in lexicon.event_classes() and word not in _NOT_GOVERNING


def _stamp(before: str, after: str, span: tuple, published) -> bool:
    """Whether a date stamps its text rather than dating news: one that opens its sentence before a dash
    after a word that says so ("Update (May 11, 2016) -- ...") or in its article's news week ("(06/08/16) -
    Police say ...", not a timeline's entry, "Dec. 26, 2004 - A tsunami kills 230,000"), or an embedded
    post's ("— Jo Reed (@joreed) February 5, 2017")."""
    if _HANDLE_RE.search(before):
        return True
    opening = _lowered(before)
    return (not set(opening) - _PUBLICATION and bool(_DATELINE_RE.match(after))
            and (bool(opening) or _news_week(span, published)))


def _origin(after: str) -> str:
    """The place a distance is measured from, written right after it: "40 miles north of Brackton" ->
    'brackton', "17 miles from Tel Aviv" -> 'tel aviv'; '' when none is."""
    found = _ORIGIN_RE.match(after)
    if not found or found["compass"] and lexicon.event_classes().get(found["compass"].lower()) != "distance":
        return ""
    return _unnoised(found["name"])


def _unnoised(name: str) -> str:
    """A place's name in lower case without its function words or days ("the Friday" -> '')."""
    return " ".join(w for w in name.split() if w.lower() not in _NOISE).lower()


def _charge(after: str) -> str | None:
    """What a count of charges charges, as the last word of its charge ("three counts of first-degree
    murder" -> "murder", "of aggravated assault with a deadly weapon" -> "assault"), an attempt apart
    ("attempted murder"): counts of two charges are two facts, whatever verb tells them (charged,
    booked, arraigned)."""
    found = _CHARGE_RE.match(after)
    words = list(itertools.takewhile(lambda w: w not in _STOP, found["charge"].lower().split())) if found else []
    if not words:
        return None
    head = words[-1].split("-")[-1]  # "first degree-assault"
    attempted = found["attempt"] or any(w.startswith("attempt") for w in words)  # "first-degree attempted murder"
    return f"attempted {head}" if attempted else head


@lru_cache(maxsize=1 << 12)
def _publication_line(sentence: str) -> bool:
    """Whether a sentence is a short one that says it gives the article's publication ("Published: April 10,
    2007"); asked for each of its dates and times."""
    words = [w.lower() for w in WORD_RE.findall(sentence)]
    return len(words) <= _PUBLICATION_WORDS and bool(_PUBLICATION & set(words))


@lru_cache(maxsize=1 << 12)
def _other_incident(sentence: str) -> bool:
    """Whether a sentence tells of an incident it calls another ("an unrelated shooting"); asked once
    for each of a sentence's claims."""
    return bool(_OTHER_INCIDENT_RE.search(sentence))


def _spoken(text: str, before: str, after: str) -> bool:
    """Whether a date gives the day something was said ("Kelly said Tuesday", "told AFP late
    Tuesday") or found true ("no one was in custody as of Monday"), not the day of what was said:
    it follows a reporting verb with at most whom they told between, no verb, event word or new
    clause ("police say he pointed a gun on Saturday"), and names no event itself ("officials said
    Tuesday's blast killed 12")."""
    if text.lower().startswith("as of "):
        return True
    said = None if after.startswith(("'s", "’s")) else _SPOKEN_RE.search(before)
    classes = lexicon.event_classes()
    # a state names its event ("remained in custody Monday", "remains hospitalized"): the day it was found
    state = bool(said) and said.group(0).split()[0].lower() in _STATES
    return bool(said) and not any(w.lower() in _CLAUSE_STARTS or not state and (
        w.lower() in classes or w.islower() and w.endswith(("ed", "ing"))) for w in said.group(1).split())


def _block(row, event: str, own: str | None, before: str) -> str | None:
    """What the claim's number is a number of: claims in different blocks are never one fact. A
    count of people takes its block from the outcome it suffered (killed, injured); a kin word, a
    people's name or how often ("arrested four times") only from an outcome in its own clause or
    after it ("a hospitalized woman said she had lost two sons" does not count the injured). Its
    signature passes no outcome for a count of the doers (`_agent`): "two officers" who shot are
    counted as officers. How often someone was arrested counts arrests; how often someone was shot or
    wounded ("shot seven times", "wounded twice") the bullets that hit, not the wounded; how often
    someone fired ("fired 18 times into the car") the shots fired."""
    kind = row["kind"]
    if kind in ("date", "duration", "time", "percent"):
        return None
    normalized = row.get("normalized")
    if isinstance(normalized, dict) and normalized.get("unit"):
        return str(normalized["unit"])
    unit = lexicon.unit_class(row["unit"]) if isinstance(row["unit"], str) else None
    if kind == "count" and event in _OUTCOMES and (unit is None or _singular(unit) in _PERSONS or event == own and (
            _person(row, unit) or unit in _OCCURRENCES and event not in _HARMS)):
        return event
    if kind == "count" and _EMPLOYS_RE.search(before) and (unit is None or _singular(unit) in _PERSONS):
        return "employee"  # "employs about 14,000 people": its employees
    if kind == "ordinal" and _singular(unit) in _PERSONS:
        return "people"  # "the second climber" to die is "the second man"
    if kind == "count" and unit in _OCCURRENCES and (own == "attacks" or own in _HARMS):
        return "shot" if _VOLLEY_RE.search(before) else "bullet"
    return _singular(unit)


def _agent(before: str, after: str) -> bool:
    """Whether a count names who did the deed or met the victim, not who suffered it: "shot dead by
    two officers", "pointing a gun at two officers", "two officers fatally shot the teenager" (an
    outcome verb with an object after it); not "with 287 people still missing", nor "35,000 residents fled
    their homes" (who leave a place are the displaced)."""
    classes = lexicon.event_classes()
    words = [w.strip("'’\"") for w in _PHRASE_RE.split(after)[0].split()]
    mark = (before.split() or [""])[-1].lower()
    if mark in _DOER_MARKS:
        # not "with 287 people still missing", "with dozens injured": a toll told alongside
        return not (mark == "with" and any(classes.get(w.lower()) in _OUTCOMES for w in words))
    at = next((n for n, w in enumerate(words) if classes.get(w.lower()) in _OUTCOMES), None)
    rest = words[at + 1:] if at is not None else []
    while rest and (rest[0].lower() in classes or rest[0].lower() == "and"):
        rest = rest[1:]  # "shot and killed a 16-year-old"
    if at is not None and classes[words[at].lower()] == "displaced" and any(
            w.lower() in _LEFT_PLACES for w in rest[:2]):
        return False
    # a name is an object ("shot Kimani Gray"), a day is not ("killed Friday in Dallas")
    return bool(rest) and (rest[0].lower() in _OBJECT_STARTS or rest[0][:1].isdigit()
                           or rest[0][:1].isupper() and rest[0].lower().rstrip(".") not in _DAYS)


@cache
def _singular(noun: str | None) -> str | None:
    """A counted noun in the singular, so "one bomb" and "two bombs" count one thing; nouns that end
    like a singular already ("bus", "crisis", "glass") or are no plural ("plainclothes") are left as
    written. Four letters in -is are an abbreviation's plural ("RBIs", "DUIs"), no crisis."""
    if not noun or noun.endswith(("ss", "us")) or noun.endswith("is") and len(noun) > 4 or (
            noun.split()[-1] in _NOT_PLURALS):
        return noun
    return inflection.singularize(noun)


def _nearest(before: str, after: str, skip: frozenset[str] = frozenset()) -> str | None:
    """The event class, not one of `skip`, of the event word nearest the number; words joined by a
    dash typed as a hyphen ("three young men-all cousins-died") are words apart. An event noun naming
    the people after it ("200 rescue workers") says what they do, not what befell them; a participle
    ("three injured people") does."""
    classes = lexicon.event_classes()
    left, right = _lowered(before)[::-1], _lowered(after)
    firsts = [next(((n, _attempted(words, n, step, classes[w])) for n, w in enumerate(words)
                    if w in classes and classes[w] not in skip and not (step < 0 and _names_people(words, n))), None)
              for words, step in ((left, 1), (right, -1))]
    hits = [hit for hit in firsts if hit is not None]
    return min(hits)[1] if hits else None


def _names_people(words: list[str], n: int) -> bool:
    """Whether words[n] is a noun put before a person noun, as a modifier ("rescue workers"): in the
    singular, and no verb ("injured people", "shot teen", "wounds police said" are not)."""
    word = words[n]
    return (not word.endswith(("ed", "ing", "s")) and word not in _PAST_VERBS and n + 1 < len(words)
            and _people_noun(words[n + 1]))


def _condition(tail: str) -> str | None:
    """The condition a count of people is in, as one word ("critically", "in critical condition" ->
    "critical"): some of the injured, and one fact only with a count of people in that condition."""
    found = _CONDITION_RE.search(" ".join(tail.split()[:_WINDOW]))
    if found is None:
        return None
    words = found[0].lower().split()
    return (words[1] if words[0] == "in" else words[0]).removesuffix("ly")


def _part(kind: str, event: str, before: str, after: str) -> bool:
    """A figure of some of a whole: "170,000 in Sumatra alone", "two of the three people", and for
    counts the victims named so far ("Police have identified four victims") and a toll joined to a
    person before it ("shot his wife and two neighbours"). A count in a condition ("one critically")
    is one too (`_condition`)."""
    if _PART_RE.search(" ".join(after.split()[:_WINDOW + 4])) or _SHARE_RE.match(after):
        return True
    return kind == "count" and bool(_IDENTIFIED_BEFORE_RE.search(before) or _IDENTIFIED_AFTER_RE.match(after)
                                    or event in _OUTCOMES and _joined(before))


def _attempted(words: list[str], n: int, step: int, event: str) -> str:
    """An outcome tried, not done ("accused of trying to kill two men", "attempted to kill") is an attack;
    `step` goes from word n towards the words before it in the text."""
    if event not in _OUTCOMES:
        return event
    behind = [words[k] for k in range(n + step, n + 3 * step, step) if 0 <= k < len(words)]
    if behind[:1] == ["to"]:
        behind = behind[1:]
    return "attacks" if behind[:1] and behind[0] in _ATTEMPTS else event


def _joined(before: str) -> bool:
    """A count joined by "and" to a person before it, by name, by kin or by pronoun ("Ms. Lee and two
    friends died", "killed his wife and two children", "killed her and three other people"): some of the
    toll, not all of it. Not a clause ("one in critical condition and four treated") nor another number
    (`_coordinated` weighs those)."""
    words = before.rsplit(maxsplit=2)  # the last two words, after at least one other
    if len(words) < 3 or words[-1] != "and":
        return False
    word = words[-2].strip(".'’\"")
    return word.isalpha() and (word[0].isupper() and word.lower() not in _NOISE or word in _PEOPLE_NOUNS
                               or word in ("him", "her", "them"))


@lru_cache(maxsize=64)
def _lowered(text: str) -> tuple[str, ...]:
    """The words of `text` in lower case, parts of a hyphenated word apart; a compass word before a
    name ("South Sudan", "West Papua", "northwest Dallas") names a place, no direction, so it is
    blanked (kept as '' to keep the other words' distances). Kept for the last few texts: a number's
    clause is often its whole sentence part, read again for the nearest event word there."""
    words, classes = WORD_RE.findall(text), lexicon.event_classes()
    out = []
    for n, word in enumerate(words):
        word = word.lower()
        if classes.get(word) == "distance" and n + 1 < len(words) and words[n + 1][:1].isupper() and (
                words[n + 1].lower() not in _NOISE):
            out.extend([""] * (word.count("-") + 1))
        elif "-" in word:
            out.extend(part.strip(".'’") for part in word.split("-"))
        else:
            out.append(word.strip(".'’"))
    return tuple(out)


def _content(text: str) -> list[str]:
    """The content words of `text`, stemmed; event words as their class (quake ~ earthquake ~
    tremor, killed ~ killing ~ dead), so articles that word one event differently still meet."""
    return [token for word in WORD_RE.findall(text) if (token := _token(word)) is not None]


@lru_cache(maxsize=1 << 16)
def _token(word: str) -> str | None:
    """One word as `_content` counts it, None for a stop word: asked for every word of every
    sentence several times over, of a vocabulary far smaller than the text."""
    word = word.lower().strip(".'’-")
    if word in _NOISE or len(word) <= 2:
        return None
    return lexicon.event_classes().get(word) or _stem(word)


def _names(text: str) -> list[str]:
    """Capitalised words (places, actors); the sentence's first word only when it is not the first."""
    words = WORD_RE.findall(text)
    return [w.strip(".'’-") for n, w in enumerate(words) if w[0].isupper() and (n or text[:1].isspace() or
            not text.startswith(w)) and w.lower().strip(".'’-") not in _NOISE]


def _place(before: str, after: str, reach: int = _NEAR) -> str:
    """The named local area written next to the number (at most `reach` words away), '' when there
    is none: "In neighbouring Central Aceh district, 10 people were killed" -> 'central aceh';
    "in Aceh's Bener Meriah district" -> 'bener meriah'; "the town of Bireun" -> 'bireun'."""
    found = [(len(before[m.end():].split()), m) for m in _PLACE_RE.finditer(before)]
    found += [(len(after[:m.start()].split()), m) for m in _PLACE_RE.finditer(after)]
    near = [(gap, n, m) for n, (gap, m) in enumerate(found) if gap <= reach]
    if not near:
        return ""
    match = min(near)[2]
    words = _unnoised(match.group("name") or match.group("of")).split()
    owners = [n for n, w in enumerate(words) if w.endswith(("'s", "’s"))]
    return " ".join(words[owners[-1] + 1:] if owners else words)


def _full_names(text: str) -> tuple[frozenset[str], ...]:
    """The words of each run of two or more capitalised words ("Duncan Rait", "Englishman Robert
    Buckley"): a person's name. A lone capitalised word ("Australian climber") describes someone
    and may fit whoever a full name names."""
    runs = (run.split() for run in _RUN_RE.findall(text))
    kept = (frozenset(w.strip(".,'’-").lower() for w in run if w.lower().strip(".,'’-") not in _NOISE)
            for run in runs)
    return tuple(sorted((run for run in kept if len(run) > 1), key=sorted))


def _one_person(a: tuple, b: tuple) -> bool:
    """Whether two mentions' full names can name one person: one name's words are all in the other,
    spelling variants included ("Robert Buckley", "Englishman Robert Buckley"; "Mohammed Sudani",
    "Mohammed Al Soudani"); a shared surname alone is a family ("his wife, Alicia Marsh, 31" and
    "her husband, Peter Marsh, 30")."""
    return any(_shared_names(tuple(x), tuple(y)) == 1 for x in a for y in b)


def _stem(word: str) -> str:
    return word.lower().replace(".", "").replace("’s", "").replace("'s", "")[:_STEM]


def _weigh(rows: dict) -> dict[str, float]:
    """The story's IDF; each row gets the weight of its context words and no first-pass facts yet."""
    idf = _idf(rows)
    for row in rows.values():
        row["weight"] = math.fsum(idf[w] for w in row["context"])
        row["facts"] = frozenset()
    return idf


def _idf(rows: dict) -> dict[str, float]:
    """Inverse document frequency of content words over the story's sentences: words every
    article uses (the country, 'troops') say little about which fact a sentence states."""
    sentences = list(dict.fromkeys((row["source"], row["sentence"]) for row in rows.values()))
    counts: dict[str, int] = {}
    for _, sentence in sentences:
        for word in set(_content(str(sentence))):
            counts[word] = counts.get(word, 0) + 1
    for row in rows.values():  # a word cut by the mention ("52-inch" -> "inch") is rare
        for word in row["context"]:
            counts.setdefault(word, 1)
    n = len(sentences)
    return {word: math.log((n + 1) / (c + 1)) + 1 for word, c in counts.items()}


def _sentence_facts(rows: dict[int, dict], groups: list[list[int]]) -> None:
    """Give each claim the facts (multi-source clusters of a first pass) its sentence's other claims
    state. Two sentences that share such a fact tell of the same event ("36-year-old Duncan Rait died
    on Friday after falling about 60m" and "a 36-year-old Australian climber died yesterday after
    falling about 150 metres" share the age), so their other claims of one block are one fact even
    when the wording or the values differ. Not people in a condition: "three remained in critical
    condition Sunday" tells a state seen that day, which sentences of other days tell too."""
    fact = {r: n for n, group in enumerate(groups) if rows[group[0]]["kind"] != "date"
            and len({rows[r]["source"] for r in group}) > 1 and not any(rows[r]["condition"] for r in group)
            for r in group}
    stated: dict[tuple, set[int]] = {}
    for r, row in rows.items():
        if r in fact:
            stated.setdefault((row["source"], row["sentence"]), set()).add(r)
    for r, row in rows.items():
        mates = stated.get((row["source"], row["sentence"]), set()) - {r}
        row["facts"] = frozenset(fact[m] for m in mates if fact[m] != fact.get(r))


def _cluster(rows: dict[int, dict], block: list[int], idf: dict[str, float], weights: Weights,
             scores: dict[tuple[int, int], float | None]) -> list[list[int]]:
    """Average-linkage clustering of one block: the best-scoring pairs merge first, and two
    clusters merge only when no cross pair is vetoed and the mean over pairs of articles of their
    best-matching mentions clears the bar (an article's passing mention of a fact, worded
    differently, does not outvote its headline).
    Only pairs that share a context word, a name or a figure (as written, whatever its hedge: "about
    1,500 feet", "1,500 feet") held by no more than `_POSTING` claims of the block are scored up front,
    so a large block costs about its number of such pairs, not its square. `scores` caches pair scores
    across passes."""

    def score(a: int, b: int) -> float | None:
        return _scored(rows, idf, weights, scores, a, b)

    index: dict[object, list[int]] = {}
    for r in block:
        for key in (*rows[r]["context"], *rows[r]["names"], rows[r]["span"], ("figure", rows[r]["figure"]),
                    *rows[r]["facts"]):
            index.setdefault(key, []).append(r)
    candidates = {(a, b) for members in index.values() if len(members) <= _POSTING
                  for i, a in enumerate(members) for b in members[i + 1:]}
    scored = ((score(a, b), a, b) for a, b in candidates)
    # an article's restatements join first (headline and lead, or a figure too rare to recur by
    # chance): together they are its word on the fact when other articles' figures are weighed
    pairs = sorted((t for t in scored if t[0] is not None),
                   key=lambda t: (not _restates(rows[t[1]], rows[t[2]], weights), -t[0], t[1], t[2]))
    member = {r: r for r in block}
    parts: dict[int, list[int]] = {r: [r] for r in block}
    for value, a, b in pairs:
        if value < weights.threshold - weights.agreeing:
            continue
        ca, cb = member[a], member[b]
        if ca == cb:
            continue
        # figures that all agree need a little less evidence to be one fact than figures that would
        # make it a discrepancy: a false discrepancy costs an editor more than a missed agreement
        conflicts = [(x, y) for x in parts[ca] for y in parts[cb]
                     if not intervals_meet(rows[x]["span"], rows[y]["span"])]
        if _linkage(rows, parts[ca], parts[cb], score) < weights.threshold - weights.agreeing * (not conflicts):
            continue
        # and two figures in conflict must look like one fact themselves, not only through a third vague
        # enough to meet both ("about 2:15 a.m." in one borough and "around 2:45 a.m." in another, bridged
        # by "after 2 a.m."): at least one disputing pair earns half the bar on its own
        if conflicts and max(score(x, y) or 0.0 for x, y in conflicts) < weights.threshold / 2:
            continue
        parts[ca].extend(parts.pop(cb))
        for r in parts[ca]:
            member[r] = ca
    return [sorted(part) for part in parts.values()]


def _scored(rows: dict[int, dict], idf: dict[str, float], weights: Weights,
            scores: dict[tuple[int, int], float | None], a: int, b: int) -> float | None:
    """The score of the pair of claims a and b, kept in `scores` across passes."""
    key = (a, b) if a < b else (b, a)
    if key not in scores:
        scores[key] = _pair(rows[key[0]], rows[key[1]], idf, weights)
    return scores[key]


def _agreeing_reading(rows: dict[int, dict], groups: list[list[int]], idf: dict[str, float],
                      weights: Weights) -> list[list[int]]:
    """A measure of one thing has one value, so an article that gives several of one block (a
    5.2, a 5.4 and "earlier, a 5.6 quake") measures several things: when another of its figures,
    alone in its cluster, agrees with every source its figure in a fact agrees with and with more
    of them, that one is its word on the fact, and the other is about something else."""
    where = {r: n for n, group in enumerate(groups) for r in group}
    for n, group in enumerate(groups):
        if rows[group[0]]["kind"] != "measure" or len({rows[r]["source"] for r in group}) < 2:
            continue
        for x in list(group):
            rest = [r for r in group if r != x]
            agrees = {r for r in rest if intervals_meet(rows[x]["span"], rows[r]["span"])}
            if len(agrees) == len(rest):
                continue
            mine = (rows[x]["source"], "measure", rows[x]["block"])
            alike = (y for y in where if len(groups[where[y]]) == 1 and where[y] != n
                     and (rows[y]["source"], rows[y]["kind"], rows[y]["block"]) == mine)
            swap = next((y for y in alike
                         if agrees < {r for r in rest if intervals_meet(_anchor(rows[y]["span"]), rows[r]["span"])}
                         and all(_pair(rows[y], rows[r], idf, weights) != -math.inf for r in rest)), None)
            if swap is not None:
                groups[where[swap]], group[group.index(x)] = [x], swap
                where[x], where[swap] = where[swap], n
    return [sorted(group) for group in groups]


def _restatements(rows: dict[int, dict], groups: list[list[int]], idf: dict[str, float], weights: Weights,
                  scores: dict[tuple[int, int], float | None]) -> list[list[int]]:
    """A figure left alone that restates one of its article's figures in a fact of several
    articles joins that fact: the article's word on it is weighed there already ("Five dead" in
    the headline; "Five people had so far been confirmed dead" further down, worded too unlike
    other articles' tolls to join them on its own). Not when a claim there vetoes it, nor when it
    disagrees with a figure the one it restates agrees with ("2,500" restating "about 2,500"
    beside another article's "2,600")."""
    where = {r: n for n, group in enumerate(groups) for r in group}
    partners: dict[int, list[int]] = {}
    for (a, b), value in scores.items():
        if value is not None and value >= weights.same_source and rows[a]["source"] == rows[b]["source"]:
            partners.setdefault(a, []).append(b)
            partners.setdefault(b, []).append(a)
    for x, others in partners.items():
        if len(groups[where[x]]) > 1:
            continue
        for y in others:
            fact = groups[where[y]]
            if len({rows[r]["source"] for r in fact}) < 2:
                continue
            disagrees = any(intervals_meet(rows[y]["span"], rows[r]["span"])
                            and not intervals_meet(rows[x]["span"], rows[r]["span"]) for r in fact)
            if not disagrees and all(_scored(rows, idf, weights, scores, x, r) != -math.inf
                                     for r in fact):  # no claim of the fact vetoes it
                groups[where[x]] = []
                fact.append(x)
                where[x] = where[y]
                break
    return [sorted(group) for group in groups if group]


def _victims(rows: dict[int, dict], groups: list[list[int]], idf: dict[str, float], weights: Weights
             ) -> list[list[int]]:
    """People articles say were shot ("shot two officers") are a toll they do not name: they were
    killed or wounded. Their counts join the killed or wounded fact they agree with and match best,
    as if they were figures of that outcome ("wounded two officers")."""
    def relabel(row: dict, fact: dict) -> dict:
        outcome = fact["block"]
        return row if row["block"] == outcome else {**row, "block": outcome, "event": outcome}
    return _adopted(rows, groups, idf, weights, relabel,
                    strays=lambda group: all(_shot(rows[r]) for r in group)
                    and any(rows[r]["event"] == "attacks" for r in group),
                    facts=lambda group: rows[group[0]]["block"] in _HARMS)


def _unsigned(rows: dict[int, dict], groups: list[list[int]], idf: dict[str, float], weights: Weights
              ) -> list[list[int]]:
    """A sum whose currency sign was lost in transcoding ("agreeing a ? 110 billion bailout", where the
    source had "€") is in the currency of the fact it agrees with and matches best ("110 billion
    euros"): the lost sign was that currency's. Never converted, and never a rival figure."""
    def relabel(row: dict, fact: dict) -> dict:
        return row if present(row["block"]) else {**row, "block": fact["block"], "unit": fact["unit"]}
    return _adopted(rows, groups, idf, weights, relabel,
                    strays=lambda group: all(rows[r]["kind"] == "money" and not present(rows[r]["block"])
                                             for r in group),
                    facts=lambda group: rows[group[0]]["kind"] == "money" and present(rows[group[0]]["block"]))


def _adopted(rows: dict[int, dict], groups: list[list[int]], idf: dict[str, float], weights: Weights,
             relabel, strays, facts) -> list[list[int]]:
    """Clusters of `strays` join the fact of several articles (one of `facts`) whose every figure they
    agree with and whose claims match them best, scored as `relabel(row, the fact's first row)`
    reads each claim: agreeing, they never make a fact a discrepancy. For what a pass by blocks cannot
    see: claims of a fact in another block."""
    candidates = [group for group in groups if facts(group) and len({rows[r]["source"] for r in group}) > 1]
    for group in groups:
        if not group or not strays(group):
            continue
        best, fact_of = weights.threshold, None
        for fact in candidates:
            if not all(intervals_meet(rows[x]["span"], rows[r]["span"]) for x in group for r in fact):
                continue
            head = rows[fact[0]]

            def score(a: int, b: int) -> float | None:
                return _pair(*(relabel(rows[r], head) for r in (a, b)), idf, weights)
            if (value := _linkage(rows, group, fact, score)) >= best:
                best, fact_of = value, fact
        if fact_of is not None:
            fact_of.extend(group)
            group.clear()
    return [sorted(group) for group in groups if group]


def _shot(row: dict) -> bool:
    """A count of people an attack may have hit: "shot two officers" (or a mention of them that names
    no event), not the shooters, nor some or the rest of the people ("two others who were shot")."""
    return (row["kind"] == "count" and row["event"] in ("attacks", "")
            and not (row["doer"] or row["part"] or row["rest"])
            and (row["block"] is None or _singular(row["block"]) in _PERSONS))


def _restates(ra: dict, rb: dict, weights: Weights) -> bool:
    """Two mentions of one article that both lead it, or whose figure is too rare to recur by chance."""
    return ra["source"] == rb["source"] and (ra["lead"] and rb["lead"] or _rare(ra, rb, weights))


def _linkage(rows: dict[int, dict], part_a: list[int], part_b: list[int], score) -> float:
    """-inf when any cross pair is vetoed, else the mean over pairs of articles of the score of
    their best-matching mentions."""
    best: dict[tuple[str, str], float] = {}
    for x in part_a:
        for y in part_b:
            value = score(x, y)
            if value == -math.inf:
                return value
            if value is not None:
                key = (rows[x]["source"], rows[y]["source"])
                best[key] = max(value, best.get(key, value))
    return sum(best.values()) / len(best) if best else -math.inf


def _pair(ra: dict, rb: dict, idf: dict[str, float], weights: Weights) -> float | None:
    """Evidence that claims ra and rb (rows of the signed claims table) state the same fact;
    -inf when they cannot, None when it cannot tell (two agreeing mentions in one article)."""
    meet = intervals_meet(ra["span"], rb["span"])
    if "publication" in (ra["event"], rb["event"]):
        return -math.inf  # a dateline dates its article: articles published on other days do not disagree
    if not meet and _own_week(ra, rb):
        return -math.inf  # "closed Tuesday" in articles of different weeks: each means a Tuesday of its own
    if not meet and _other_year(ra, rb):
        return -math.inf  # "on April 28" read in the article's year, "April 28, 2013": a year guessed, not disputed
    if not meet and ra["other"] != rb["other"]:
        return -math.inf  # "an unrelated shooting ... killed two": another incident's figures, told in passing
    if ra["kind"] == "date" and not meet and _open(ra) != _open(rb):
        return -math.inf  # "three shootings since Friday" and "shot on Saturday": when a tally began, and an event
    if ra["kind"] == "date" and (ra["spoken"] != rb["spoken"] or ra["spoken"] and not meet):
        # the day someone said something ("Kelly said Tuesday") and the day of an event; or two days things
        # were said ("said Tuesday", "said Wednesday"), two statements
        return -math.inf
    other_events = _other_events(ra, rb)
    if other_events and (ra["kind"] == "date" and not intervals_meet(stated_days(ra), stated_days(rb))
                         or ra["kind"] == "time" and not meet):
        # "arrested Tuesday" and "shot on Saturday", "arrested at 3 p.m." and "shot at 11 p.m.": two events,
        # not one misdated; nor "a riot tonight" and "killed yesterday", a day apart as written, though
        # "tonight" may be either day next to it; nor "wounded on Saturday" and "died on Sunday" (of his wounds)
        return -math.inf
    same_source = ra["source"] == rb["source"]
    if same_source and meet and _restated(ra, rb):
        return 2 * weights.threshold  # "55 kilometers (34 miles)": one figure in two units
    if same_source and not meet and _disputed(ra, rb):
        return None  # an article reporting rival figures of one fact: no evidence either way
    if same_source and (not meet or ra["sentence"] == rb["sentence"]):
        return -math.inf  # an article does not contradict itself, nor state one fact twice in a sentence
    if ra["kind"] != "date":
        if not meet and ra["kind"] == "count" and not present(ra["block"]):
            return -math.inf  # a bare number names no fact it could contradict
        if _happened(ra) and _happened(rb) and _happened(ra) != _happened(rb) and not (ra["doer"] and rb["doer"]) and (
                ra["kind"] == "count" or ra["kind"] == "measure" and {ra["event"], rb["event"]} <= _DIMENSIONS
        ) and not (meet and _one_act(ra, rb)):
            # killed vs wounded, but not what the doers did ("shot", "killed"), nor agreeing counts of one
            # act; for measures only what they measure (depth vs distance); a duration's verb says little
            # ("serving", "sentenced to")
            return -math.inf
        if ra["block"] in _OUTCOMES and not meet and ra["apart"] != rb["apart"]:
            # "seven dead, including the gunman" or "killed five and then himself", and "six killed": one counts
            # him, or says it does not, and one does not say
            return -math.inf
        if ra["block"] in _OUTCOMES and _other_people(ra["who"], rb["who"]):
            return -math.inf  # "two women" and "three workers" killed count different people
        if ra["block"] in _OUTCOMES and not meet and (ra["who"] is None) != (rb["who"] is None):
            return -math.inf  # "six children" killed that are not the "10 people" killed are some of them
        if ra["kind"] == "duration" and not meet and (ra["between"] or rb["between"]):
            return -math.inf  # "30 minutes later", "four weeks after": spans from other events, or elapsed by then
        if ra["kind"] == "count" and not meet and ra["rest"] != rb["rest"]:
            return -math.inf  # "the four other families" are the rest of the "five families", not all of them
        if ra["kind"] == "count" and ra["condition"] and rb["condition"] and ra["condition"] != rb["condition"]:
            return -math.inf  # "one critically" and "one in stable condition": other people
        if ra["charge"] and rb["charge"] and ra["charge"] != rb["charge"]:
            return -math.inf  # "two counts of murder" and "two counts of attempted murder": two charges
        if ra["kind"] == "count" and ra["capacity"] != rb["capacity"]:
            return -math.inf  # "licensed to carry 180 passengers" and "212 passengers were on board"
        if ra["former"] != rb["former"]:
            return -math.inf  # "turnout was 67%, down from 72%": the figure before the change is another fact
        if ra["target"] != rb["target"]:
            return -math.inf  # "needed more than 50 percent" and "won 52.4 percent"; "asked for 15 years" and "got 12"
        if ra["kind"] == "count" and not meet and ra["tally"] != rb["tally"]:
            return -math.inf  # a tally since or over a span ("over 50 since the shooting") and one night's 46
        if _from_elsewhere(ra, rb):
            return -math.inf  # "40 miles north of Brackton" and "150 miles west of Port Alder": two distances
        if ra["kind"] in ("count", "measure") and _elsewhere(ra, rb, meet):
            return -math.inf  # one district's count is not another's, nor its toll the whole toll
        if not meet and ra["day"] and rb["day"] and not intervals_meet(ra["day"], rb["day"]) and (
                ra["block"] not in _OUTCOMES):
            return -math.inf  # "13 Israelis freed on Friday", "11 on Monday": two days' counts (a toll grows: one fact)
        if ra["when"] and rb["when"] and not intervals_meet(ra["when"], rb["when"]):
            return -math.inf  # in sentences dated (with a written year) on other days: other events
    if same_source and _repeated(ra, rb, weights):
        return weights.same_source
    total = weights.context * _overlap(ra, rb, idf)
    copied = bool(ra["wording"] & rb["wording"]) and not same_source
    if ra["lead"] and rb["lead"] and not same_source and ra["kind"] != "time" and (
            ra["kind"] != "date" or intervals_meet(stated_days(ra), stated_days(rb))):
        total += weights.lead  # both articles lead with the figure or the day: the story's main fact (inverted pyramid)
    named = ra["block"] in _NAMED_UNITS
    owned = named and _one_person(ra["owner"], rb["owner"])
    other_sex = bool(ra["sex"] and rb["sex"]) and ra["sex"] != rb["sex"]
    if not meet and named and (ra["owner"] and rb["owner"] and not owned or other_sex
                               or not owned and _gap(ra["span"], rb["span"]) > _NAMED_REACH):
        # two differing ages next to two names, or of a girl and a man, are two people; so are ages years
        # apart that no name ties to one person ("a 16-year-old" shot, "Man, 19, pleads guilty")
        return -math.inf
    total += weights.names * _shared_names(ra["names"], rb["names"])  # a name and a description ("Duncan
    # Rait", "the Australian climber") may be one person: names that differ are no evidence against
    shared_fact = bool(ra["facts"] & rb["facts"]) and not same_source
    if ra["kind"] == "date":
        # a day an article gives for many things (the news day) identifies none of them
        if meet:
            if ra["past"] and rb["past"] and ra["span"] == rb["span"]:
                # articles recalling one past year or month ("the 2004 tsunami") recall its event, unless
                # their clauses name different ones ("his trial in 1997", "convicted in 1997")
                total += weights.day * (ra["clause_event"] == rb["clause_event"]
                                        or None in (ra["clause_event"], rb["clause_event"]))
            else:
                total += _date_bonus(ra["span"], rb["span"], weights) / math.sqrt(max(ra["spread"], rb["spread"]))
            # one day whose clauses name one kind of event ("bombed the camp Thursday", "Thursday's bombing";
            # "tonight" in an article filed overnight may be either day next to it), or one past date
            # ("convicted in 1997", "convicted him on July 25, 1997"): no news day that dates many events
            same_event = bool(ra["clause_event"]) and ra["clause_event"] == rb["clause_event"] or _one_head(ra, rb)
            total += weights.same_event * (same_event and (
                ra["past"] and rb["past"] or max(_days(ra["span"]), _days(rb["span"])) <= 3))
            # their sentences state a fact both articles share: one event (a sentence dating several
            # things, "hit by the 2004 tsunami", may not give that event's day: so only when they meet)
            total += weights.shared_fact * shared_fact + weights.wording * copied
        else:  # sources misdate an event by a day or a month, rarely by years; a news week's days two or
            # more apart as written are two events (a truce's exchanges on Friday and on Sunday)
            stated = stated_days(ra), stated_days(rb)
            if not (ra["past"] or rb["past"]) and max(map(_days, stated)) <= 3 and not intervals_meet(*stated) and (
                    _gap_days(*stated) >= 2):
                return -math.inf
            gap = _gap_days(ra["span"], rb["span"])
            total -= weights.magnitude * math.log10(gap)
            # sentences sharing a fact date one event: two days a day apart, one of them misdates it (when
            # their clauses tell one event: "searching for him Tuesday after he shot..." dates the search);
            # not a day and the week after it ("arrested Friday", "charged this week")
            one_day = max(_days(ra["span"]), _days(rb["span"])) <= 3
            total += weights.shared_fact * (
                shared_fact and one_day and gap <= 1 and ra["event"] == rb["event"] != ""
                and (None in (ra["clause_event"], rb["clause_event"]) or ra["clause_event"] == rb["clause_event"]))
    else:
        apart = (_minutes_apart if ra["kind"] == "time" else _orders_apart)(_anchor(ra["span"]), _anchor(rb["span"]))
        if ra["kind"] != "time" and apart >= _FACT_REACH:
            return -math.inf  # 22 dead and 100,000 (a population read as a toll), a month and 45 years: two facts
        # a differing age is one person's only next to one name (Robert Buckley 31 or 32)
        reach = 0.0 if named and not owned else _NEAR_MISS.get(ra["kind"], 0.0)
        near = 1.0 if apart == 0 else max(0.0, 1 - apart / reach) if reach else 0.0
        total += _number_bonus(ra, rb, weights) * near - weights.magnitude * apart
        # one event in both sentences makes figures of one block one fact, unless they are far apart
        # (55 wounded in the school, 3,000 in the war): sentences often add the running total; not two
        # differing ages that no name ties to one person (a victim of 24, a suspect of 25)
        tie = 0.0 if named and not owned and not meet else max(0.0, 1 - apart / _FACT_REACH)
        total += (weights.shared_fact * shared_fact + weights.wording * copied) * tie
        # each article's only figure of this for the event: likely one fact (not across the powers of
        # ten between a school's toll and a war's)
        total += weights.sole * (ra["sole"] and rb["sole"] and not same_source) * tie
        # people in one condition ("one critically", "one is in critical condition"): one part of the toll;
        # distances from one named place ("40 km from the Libyan border", "60 kilometres from the Libyan frontier")
        # or each article's only time, not of another kind of event, an hour or two apart ("shot and killed
        # ... just after 11:30 p.m.", "The shooting happened around 10:30 p.m."): one event misreported
        total += weights.same_event * (meet and ra["condition"] is not None and ra["condition"] == rb["condition"]
                                       or bool(ra["origin"]) and _same_place(ra["origin"], rb["origin"])
                                       or _one_head(ra, rb)
                                       or ra["kind"] == "time" and ra["sole"] and rb["sole"]
                                       and not other_events and _gap(ra["span"], rb["span"]) <= _TIME_SLIP)
    if same_source and total < weights.same_source:
        return None  # two agreeing mentions in one article: no evidence either way
    return total


def _open(row: dict) -> bool:
    """A date that opens or closes a period ("since Friday", "before 1997"), not the day of an event."""
    return row["hedge"] in OPEN_ABOVE + OPEN_BELOW


def _one_head(ra: dict, rb: dict) -> bool:
    """Whether two days or spans name one thing: the noun they modify ("an Aug. 31 deadline", "ahead of the
    Aug. 31 deadline") or what a span measures ("a sentence of 12 years", "sentenced to 12 years")."""
    return ra["head"] is not None and ra["head"] == rb["head"]


def _date_events(ra: dict, rb: dict) -> tuple:
    """The events two dates' clauses name, None for one that names none; where only one clause names
    its event, the other date's sentence's event word stands in for its own ("shot the foreman and two
    brothers on Thursday": the clause after "and" names none, the sentence a shooting)."""
    a, b = ra["clause_event"], rb["clause_event"]
    if a is None and b is None:
        return None, None
    return (ra["event"] or None if a is None else a), (rb["event"] or None if b is None else b)


def _other_events(ra: dict, rb: dict) -> bool:
    """Two dates' or times' clauses name two kinds of event; an attack and its toll may be one."""
    events = _date_events(ra, rb)
    return None not in events and events[0] != events[1] and not (set(events) <= VIOLENCE and "attacks" in events)


def _repeated(ra: dict, rb: dict, weights: Weights) -> bool:
    """An article repeating its figure of one event (same place, same people; a mention that names
    no event, "He's 16 years old.", repeats any): its lead's main fact told again, or a figure too
    rare to recur by chance ("five injured" in lead and body, not two "three killed" deep in the
    article)."""
    if ra["kind"] == "duration":  # many spans recur in a story: only one event's, in the headline and lead
        return ra["event"] == rb["event"] != "" and ra["lead"] and rb["lead"] and ra["span"] == rb["span"]
    return (ra["kind"] in ("count", "measure") and (ra["event"] == rb["event"] or not (ra["event"] and rb["event"]))
            and ra["place"] == rb["place"]
            and ra["who"] == rb["who"] and _anchor(ra["span"]) == _anchor(rb["span"])
            and (ra["lead"] or rb["lead"] or _rare(ra, rb, weights)))


def _rare(ra: dict, rb: dict, weights: Weights) -> bool:
    """A figure too rare to recur by chance: worth at least half the value credit (10 and up, 6.1)."""
    return _number_bonus(ra, rb, weights) >= weights.value / 2


def _one_act(ra: dict, rb: dict) -> bool:
    """Two counts of things, not people, one near an attack and one near a toll ("seven bullets
    fired", "the seven bullets that caused his death"): the attack and the toll it took are one act."""
    events = {ra["event"], rb["event"]}
    return ("attacks" in events and bool(events & _HARMS) and ra["block"] not in _OUTCOMES
            and _singular(ra["block"]) not in _PERSONS)


def _happened(row: dict) -> str:
    """What happened to what a count counts, or at a time of day: its event, but not where or in
    what ("a population of 100,000" near "south of Tehran", "it hit at 1:53 p.m." near "the quake")."""
    return "" if row["kind"] in ("count", "time") and row["event"] in _SETTINGS else row["event"]


def _elsewhere(ra: dict, rb: dict, meet: bool) -> bool:
    """Two counts given for different areas: two named local areas, or a local area's toll and a
    differing toll given for none, which is the whole event's ("10 killed in Central Aceh district"
    vs "five people died in Aceh"); likewise a toll, or a count of people, said to be a part
    ("170,000 in Sumatra alone", "170,000 in the province and tens of thousands more", "three of
    the victims") and a differing one that is not. A measure given for a named local area ("the
    town of Gadera, 17 miles from Tel Aviv", "the city of Bam was razed by a 6.7 quake") and a
    differing one whose sentence names another area or does not name it measure different places."""
    a, b = ra["place"], rb["place"]
    if ra["kind"] == "measure":
        if meet or not (a or b):
            return False
        if a and b:
            return not _same_place(a, b)
        return (a or b) not in str((rb if a else ra)["sentence"]).lower()
    if a and b:
        return not _same_place(a, b)
    return not meet and (bool(a or b) and ra["block"] in _OUTCOMES or ra["part"] != rb["part"] and (
        ra["block"] in _OUTCOMES or _people_noun(ra["block"])))


def _same_place(a: str, b: str) -> bool:
    """Two place names that name one place, allowing for spelling ("Bireun" ~ "Bireuen")."""
    return fuzz.ratio(a, b) >= 90


def _from_elsewhere(ra: dict, rb: dict) -> bool:
    """Distances from two places: neither's place is named in the other's sentence ("Dunmore lies 25 miles
    east of Kelby" and "Kelby, 30 miles west of Dunmore" measure one way both ways)."""
    a, b = ra["origin"], rb["origin"]
    return bool(a and b) and not _same_place(a, b) and not (
        a in str(rb["sentence"]).lower() or b in str(ra["sentence"]).lower())


def _restated(ra: dict, rb: dict) -> bool:
    """One mention right after the other in brackets in one sentence: a conversion or a gloss of it."""
    if ra["sentence"] != rb["sentence"] or not isinstance(ra["sentence"], str):
        return False
    between = _between(*sorted((ra, rb), key=lambda row: row["start"])).split()
    # "10 kilometres (6.2 miles)", "17:06 hours local time (13:36 GMT)"
    return bool(between) and between[-1] in ("(", "[") and len(between) <= _GLOSS


def _person(row, unit: str) -> bool:
    """Whether a counted noun names people: a person or kin word ("troops", "cousins"), or a
    people's name, written capitalised after the number ("three Palestinians", "nine Israelis")."""
    if _people_noun(unit):
        return True
    following = _after(row).split()[:3]
    return any(w.strip(".,;:'’").lower() == unit and w[:1].isupper() for w in following)


def _rest(before: str, after: str, toll: str | None = None) -> bool:
    """Whether a count, by the words next to it, counts more of, or the rest of, what it names
    ("four other families", "20 more people", "40 others", "the other eight people", "the remaining
    three"). A toll (of the outcome `toll`) only by a word that adds to it ("three more suspects
    arrested", "the other eight detained"), and not after a toll of another outcome: "30 killed and
    55 others injured", "two dead and two more wounded" are others than the dead, and all the
    injured."""
    last = before.split()[-2:]
    words = [word.lower().strip(",.;:") for word in after.split()[:1] + last[-1:]]
    if words and words[-1] == "more" and last:
        words.pop()  # "more" tells more after the number ("three more"); before it, it is a "more than" short of "than"
    if toll:
        classes, others = lexicon.event_classes(), _OUTCOMES - {toll}
        if any(classes.get(w) in others for w in _lowered(before)):
            return False
        if not (len(last) == 2 and last[0].lower() == "the"):
            words = [word for word in words if word not in ("other", "others")]
    return any(word in _REST for word in words)


def _who(row: dict) -> str | None:
    """The kind of person a casualty count counts, None when generic (people, victims, dead).
    A toll's unit is the outcome ("six children killed" counts the killed): then its subject
    says who, by the last person word of a compound ("police officers"). A people's name keeps its
    capital ("Palestinians"): it says whose, not which kind."""
    unit = lexicon.unit_class(row["unit"]) if isinstance(row["unit"], str) else None
    if unit in _OUTCOMES:
        unit = _head_person(row["subject"]) if isinstance(row["subject"], str) else None
        if unit is None:  # "Three of the four Israeli soldiers killed ... died": some of whom the partitive names
            unit = _head_person(_partitive(row))
        unit = lexicon.unit_classes().get(unit, unit)  # "bank workers" and "three employees" killed: one kind
    if unit is None or _singular(unit) in _GENERIC_PERSONS or unit in _OUTCOMES:
        return None
    return unit if _people_noun(unit) else unit.capitalize()


def _partitive(row: dict) -> str:
    """The words a count takes its people from, after "of the (N)" right after it ("Three of the four
    Israeli soldiers"); '' when it takes none."""
    after = _after(row)
    some = _SHARE_RE.match(after)
    return " ".join(after[some.end():].split()[:_WINDOW]) if some else ""


def _head_person(phrase: str) -> str | None:
    """The person word a phrase counts, in lower case: a compound's last ("two police officers" counts
    officers); a dash typed as a hyphen joins words, not a compound ("the three bank workers-two women
    and a man-")."""
    written = phrase.lower().split()
    words = [w.split("-")[0] for w in written]
    at = next((n for n, w in enumerate(words) if _singular(w) in _PERSONS), None)
    while (at is not None and at + 1 < len(words) and "-" not in written[at]
           and _singular(words[at + 1]) in _PERSONS - _GENERIC_PERSONS):
        at += 1
    return None if at is None else words[at]


def _other_people(a: str | None, b: str | None) -> bool:
    """Two casualty counts of different people: "two women" and "three workers", "five
    Palestinians" and "nine Israelis"; a people's name and a kind ("three Palestinians", "three
    young men") may count the same people."""
    return a is not None and b is not None and a != b and a[:1].isupper() == b[:1].isupper()


def _overlap(ra: dict, rb: dict, idf: dict[str, float]) -> float:
    """IDF-weighted Dice overlap of two claims' context words (0..1)."""
    total = ra["weight"] + rb["weight"]
    return 2 * math.fsum(idf[w] for w in ra["context"] & rb["context"]) / total if total else 0.0


def _shared_names(a: tuple, b: tuple) -> float:
    """Share of the sparser side's names the other side also names, spelling variants
    included (Bireun ~ Bireuen, al-Sudani ~ Sudani)."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    hits = sum(process.extractOne(name, large, scorer=fuzz.WRatio, score_cutoff=88) is not None for name in small)
    return hits / len(small) if small else 0.0


def _anchor(span: tuple) -> tuple:
    """The stated end of an open interval: 'at least 24' is evidence for 24, not for 1,000."""
    low, high = span
    if isinstance(low, float) and not math.isfinite(low):
        low = high
    if isinstance(high, float) and not math.isfinite(high):
        high = low
    return low, high


def _orders_apart(a: tuple, b: tuple) -> float:
    """Powers of ten between the middles of two numeric intervals (0 when they meet)."""
    if intervals_meet(a, b):
        return 0.0
    try:
        middles = sorted((span[0] + span[1]) / 2 for span in (a, b))
    except TypeError:
        return 0.0
    if middles[0] <= 0 or not math.isfinite(middles[1]):
        return 0.0
    return math.log10(middles[1] / middles[0])


def _minutes_apart(a: tuple, b: tuple) -> float:
    """Powers of ten of the minutes between two times of day (0 when they meet): 4:43 and 7:48 are
    hours apart, two events of one morning rather than one misreported."""
    if intervals_meet(a, b):
        return 0.0
    return math.log10(max(1.0, _gap(a, b)))


def _gap(a: tuple, b: tuple) -> float:
    """How far apart two numeric intervals are (0 when they meet)."""
    return max(a[0] - b[1], b[0] - a[1], 0.0)


def _number_bonus(row: dict, other: dict, weights: Weights) -> float:
    """Agreeing numbers: the more values the number could have taken as written, the rarer the
    coincidence (3 ~ 0.3 of the weight, 24 ~ 0.7, 6.1 or 100 and up ~ all of it). A time of day
    could have been any of 24 hours, or of 1,440 minutes when written to the minute (7:37); the
    same time on two different days is no coincidence."""
    if row["kind"] == "time":
        days = {m.group(1) for m in (TIME_RE.search(str(r["value"])) for r in (row, other)) if m and m.group(1)}
        if len(days) > 1:
            return 0.0  # the same time of two days: two nights' marches
        of_day = minutes(row["value"])
        value = 0.0 if of_day is None else 24.0 if of_day % 60 == 0 else 1440.0
        return weights.value * min(1.0, math.log10(1 + value) / 2)
    value = written(row["value"]) if row["kind"] == "duration" else number(row["value"])
    if value is None:
        value = max((abs(v) for v in (number(row["low"]), number(row["high"])) if v is not None), default=0.0)
    step = half_step(value) / 0.49
    return weights.value * min(1.0, math.log10(1 + abs(value) / step) / 2)


def _date_bonus(a: tuple, b: tuple, weights: Weights) -> float:
    """Agreeing dates say more the finer the coarser of them is: the same day is strong evidence.
    A whole year that merely contains a day ("in 2024" vs "on January 4") is weak evidence:
    half the year weight."""
    coarse, fine = sorted((_days(a), _days(b)), reverse=True)
    if coarse <= 1:
        return weights.day
    if coarse <= 31:
        return weights.month
    return weights.year if coarse <= 31 * fine else weights.year / 2


def _gap_days(a: tuple, b: tuple) -> int:
    """Days between two dated intervals that do not meet; year-less dates compare on month and day."""
    if "--" in a[0][:2] + b[0][:2]:
        a, b = (tuple("2000" + v[-6:] for v in span) for span in (a, b))
    first, second = sorted((a, b))
    return max(1, (date.fromisoformat(second[0]) - date.fromisoformat(first[1])).days)


def _days(span: tuple) -> int:
    low, high = span
    if low.startswith("--") or high.startswith("--"):
        return 1 if low == high else 31
    return (date.fromisoformat(high) - date.fromisoformat(low)).days + 1


def _verdict(cid: str, part: list[dict]) -> Cluster:
    sources = tuple(dict.fromkeys(row["source"] for row in part))
    pairs = [(a, b) for i, a in enumerate(part) for b in part[i + 1:] if _zone(a) == _zone(b)]
    compared = {frozenset((a["source"], b["source"])) for a, b in pairs}
    if len(sources) < 2:
        status = "single-source"
    elif all(_agree(a, b) for a, b in pairs) and all(
            frozenset((a, b)) in compared for i, a in enumerate(sources) for b in sources[i + 1:]):
        status = "agreement"
    else:  # differing values, or two sources whose times only a zone they do not state could reconcile
        status = "discrepancy"
    first = part[0]
    unit = first["unit"] if isinstance(first["unit"], str) else None
    subject = _subject(part) or unit
    return Cluster(cid, status, first["kind"], unit, subject, tuple(row["id"] for row in part), sources,
                   _explain(part, status))


def _agree(a: dict, b: dict) -> bool:
    """Two values of one fact can both be true: their intervals meet, or they are ages that fit one
    birth date in articles published a quarter of a year or more apart (17 in April 2013, 18 in July
    2013 or in April 2014, 20 in September 2015: a person ages; days or weeks apart, a birthday
    between is too rare: outlets differ)."""
    if intervals_meet(a["span"], b["span"]):
        return True
    born = [_born(row) for row in (a, b)]
    if None in born or not intervals_meet(*born):
        return False
    days = (date.fromisoformat(str(b["published"])[:10]) - date.fromisoformat(str(a["published"])[:10])).days
    return abs(days) >= _YEAR_DAYS / 4


def _born(row: dict) -> tuple[float, float] | None:
    """When a person of the stated age was born, in years (a year before the age was reached, less a
    day, up to when it was), from the article's date; None for other figures or an undated article."""
    if row["block"] not in _NAMED_UNITS or not present(row.get("published")):
        return None
    now = date.fromisoformat(str(row["published"])[:10]).toordinal() / _YEAR_DAYS
    low, high = (row["value"], row["value"]) if row["hedge"] == "exact" and present(row["value"]) else row["span"]
    return now - float(high) - 1 + 1 / _YEAR_DAYS, now - float(low)


def _subject(part: list[dict]) -> str | None:
    """The subject most typical of a fact's claims: the one whose words the others' subjects share
    most, the shorter on a tie. The first claim's may be a passing phrase ("U.S Geological Survey
    puts" for a quake's magnitude, where most say "magnitude quake")."""
    bag = {s: frozenset(_content(s)) for s in {row["subject"] for row in part} if isinstance(s, str)}
    subjects = [row["subject"] for row in part if bag.get(row["subject"])]  # each wording read once
    shared = Counter(word for s in subjects for word in bag[s])
    scores = [(sum(shared[w] for w in bag[s]) / len(bag[s]), -len(bag[s])) for s in subjects]
    return subjects[scores.index(max(scores))] if subjects else None


def _explain(part: list[dict], status: str) -> str:
    """Plain words: who says what, and for a disagreeing running total, which source is later. A
    figure restated in brackets is given so, as one figure: "07:37 UTC (03:37 EDT)"."""
    said: dict[str, list[str]] = {}
    last: dict[str, dict] = {}
    order = {label: n for n, label in enumerate(dict.fromkeys(row["label"] for row in part))}  # as they come
    for row in sorted(part, key=lambda row: (order[row["label"]], row["start"])):
        values = said.setdefault(row["label"], [])
        if row["label"] in last and _restated(last[row["label"]], row) and values:
            values[-1] = f"{values[-1]} ({_phrase(row)})"
        elif (value := _phrase(row)) not in values:
            values.append(value)
        last[row["label"]] = row
    per_source = [f"{src} says {' and '.join(values)}" for src, values in said.items()]
    if status == "single-source":
        return f"only {per_source[0]}"
    if status == "agreement":
        return f"{len(said)} sources agree: " + "; ".join(per_source) + _slack(part) + _aged(part)
    return "sources disagree: " + "; ".join(per_source) + _later(part) + _zones(part)


def _slack(part: list[dict]) -> str:
    """Why dates a day apart agree, when only the slack given to relative words makes them meet."""
    if part[0]["kind"] != "date":
        return ""
    days = [stated_days(row) for row in part]
    if all(intervals_meet(a, b) for i, a in enumerate(days) for b in days[i + 1:]):
        return ""
    if any(any(across_midnight(row)) for row in part):
        return ("; they are a day apart, which an event near midnight allows "
                "(“late Tuesday night” is early Wednesday)")
    return ("; they are a day apart, which words like “today” or “tonight” allow in articles filed "
            "in another time zone or overnight")


def _aged(part: list[dict]) -> str:
    """Why differing ages agree: the person aged between the articles."""
    if part[0]["block"] not in _NAMED_UNITS or all(
            intervals_meet(a["span"], b["span"]) for i, a in enumerate(part) for b in part[i + 1:]):
        return ""
    days = sorted({str(row["published"])[:10] for row in part})
    return f"; the articles were published from {days[0]} to {days[-1]}, and a person ages"


def _zones(part: list[dict]) -> str:
    """'; the times are given in different zones (UTC, local)' when that is why they cannot agree."""
    zones = list(dict.fromkeys(_zone(row) for row in part))
    return f"; the times are given in different zones ({', '.join(zones)})" if len(zones) > 1 else ""


def _later(part: list[dict]) -> str:
    """'; the later source (006, 2013-07-04) reports more' for a running total that grew."""
    if part[0]["kind"] != "count" or part[0]["block"] not in _OUTCOMES:  # outcomes are running totals
        return ""
    dated = [row for row in part if present(row.get("published"))]
    if len({row["published"] for row in dated}) < 2:
        return ""
    # by the figures as stated: "at least 11" in the earlier article does not outbid the later one's 14,
    # nor is it less than 14, which it allows: the lower figure is one the higher contradicts
    high = max(dated, key=lambda row: _anchor(row["span"])[1])
    lower = [row for row in dated if not intervals_meet(row["span"], high["span"])]
    low = min(lower, key=lambda row: _anchor(row["span"])[0], default=high)
    if str(high["published"]) <= str(low["published"]):
        return ""
    return (f"; the later source ({high['label']}, {high['published']}) reports more than "
            f"{low['label']} ({low['published']}): the total may have grown between reports")


def _phrase(row) -> str:
    """'3 killed', '~2,500 troops', '2023-10', '~15 seconds'; a date without one value as written,
    with its interval: '“end of 2021” (2021-10-01/2021-12-31)'."""
    if row["kind"] == "date" and not present(row["value"]):
        return f"“{row['text']}” ({_as_stated(row)})"
    if row["kind"] == "duration":  # "~15 seconds", not "~PT15S"
        words = {key: duration_words(row[key]) for key in ("value", "low", "high") if present(row[key])}
        return display({**row, **words})
    unit = row["unit"] if isinstance(row["unit"], str) and row["kind"] not in ("date", "duration") else ""
    if unit == "category":
        return f"Category {display(row)}"  # a storm's, written before its figure
    # what the counted suffered, unless their noun says it: "24 dead", "3 aftershocks" (not "3 aftershocks aftershock")
    suffered = row["kind"] == "count" and row["block"] == row["event"] != lexicon.unit_class(unit or None)
    event = row["event"] if suffered and lexicon.event_classes().get(unit.lower()) != row["event"] else ""
    if unit and number(row["value"]) == 1 and not (present(row["high"]) and row["high"] != row["value"]):
        unit = _singular(unit)  # units are kept in the plural: "1 mile", not "1 miles"
    elif (unit in _PERSONS or row["kind"] == "count" and hyphened(row["text"], unit)) and unit not in _PLURALS:
        unit = inflection.pluralize(unit)  # "a 200-student school", "a five-man team", "the 310-store chain"
    if unit == "%":
        return f"{display(row)}%"
    return " ".join(p for p in (display(row), unit, event) if p)


def _timeline(rows: dict[int, dict], groups: list[list[int]], clusters: list[Cluster]) -> list[TimelineEvent]:
    """Every dated event (one per date cluster) in date order, with its sources and status."""
    events = []
    for members, cluster in zip(groups, clusters):
        part = [rows[r] for r in members]
        if cluster.kind != "date" or all(row["event"] == "publication" for row in part):
            continue
        row = min(part, key=lambda row: _days(row["span"]))  # the finest date names the day
        when = str(row["value"]) if present(row["value"]) else _as_stated(row)
        events.append(TimelineEvent(when, event_words(row), cluster.claims, cluster.status, cluster.sources))
    return sorted(events, key=lambda e: (e.date, e.claims))


def _as_stated(row) -> str:
    """A date without one value as the ISO 8601 interval it states ('2023-06-01/2023-08-31' for
    "last summer"), not the span it is compared with, which allows a day's slack either side."""
    low, high = (row["low"], row["high"]) if present(row["low"]) and present(row["high"]) else row["span"]
    return f"{low}/{high}"


def event_words(row, limit: int = 6) -> str:
    """The words either side of the date in its sentence: what happened then, as written."""
    sentence, text = str(row["sentence"]), str(row["text"])
    at = _at(row)
    if at < 0:
        return " ".join(sentence.split()[:2 * limit])
    left, right = sentence[:at].split()[-limit:], sentence[at + len(text):].split()[:limit]
    return " ".join(left + ["…"] + right).strip(" ,.;:")


def _labels(sources: set[str]) -> dict[str, str]:
    """How explanations name each source: the leading token a reader recognises
    ('003_7857e447d3d3f3be.txt' -> '003'), or the whole id where two sources would share it
    ('ap/story.txt' and 'reuters/story.txt')."""
    short = {source: _short(source) for source in sources}
    taken = Counter(short.values())
    return {source: name if taken[name] == 1 else source for source, name in short.items()}


def _short(source_id: str) -> str:
    stem = source_id.rsplit("/", 1)[-1]
    return re.split(r"[_.]", stem, maxsplit=1)[0] or stem


def _zone(row) -> str | None:
    """How a time of day is given: 'UTC' for a zone we convert (GMT, EDT...), 'local' for one the
    article does not state or calls local time, else the zone as written; None for other kinds.
    Times given in different ways cannot be compared: "7:37 AM local time" in Aceh is not 07:37 UTC."""
    if row["kind"] != "time":
        return None
    if row.get("zone"):  # a local time the story converts (see _local_time)
        return row["zone"]
    unit = row["unit"] if isinstance(row["unit"], str) else "local"
    return "UTC" if zone_offsets(unit) else unit
