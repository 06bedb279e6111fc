"""Quantities in running text: counts, money, percent, measures, ages, durations, bare years
and ordinals, each classified by what surrounds the number.

A number's unit is what it counts: the head of the noun phrase after it ("2,500 American
troops" -> troops), a casualty class when it is killed/injured ("24 dead", "killing 3"), or,
by ellipsis, the noun counted just before ("alongside 900 in Syria"). Identifiers ("Tower 22",
"CN-235", "Flight 447"), list numbering, phone numbers and addresses are not quantities.
"""
from __future__ import annotations

import itertools
import math
import re
from functools import cache, lru_cache

from . import lexicon
from .dates import DECADE_PARTS, MONTHS, PREDICATE_STARTS, WEEKDAYS, Mention, free, gated, opens, take, word_gate
from .numbers import FIRST_WORDS, NUMBER, ORDINAL, ORDINALS, SUFFIX_SCALES, parse_number, parse_ordinal
from .values import DURATION_UNITS, OPEN_ABOVE, OPEN_BELOW, hyphened, join_durations

_alt = lexicon.alternation
WORDS = lexicon.load("words")
_MEASURES = lexicon.load("measures")
STOP = frozenset(WORDS["stop"])
NOT_NAMES = frozenset(WORDS["not_names"]) | frozenset(MONTHS) | frozenset(WEEKDAYS)
_ORDINAL_SKIP = frozenset(WORDS["ordinal_nouns_skip"])
_PLURALS = frozenset(WORDS["plurals"])
_MEMBERSHIP = frozenset(WORDS["membership"])
_NOT_PLURALS = frozenset(WORDS["not_plurals"])
_MORE = frozenset(WORDS["more"])
_TALLIES = frozenset(WORDS["tallies"])
_CASUALTY_MODIFIERS = frozenset(WORDS["casualty_modifiers"])
_VERBS = frozenset(WORDS["verbs"]) | frozenset(WORDS["past_verbs"])
_ADVERBS = frozenset(WORDS["adverbs"])
_LY_NOUNS = frozenset(WORDS["ly_nouns"])
_STREET = frozenset(WORDS["street"])
_EMERGENCY_NUMBERS = frozenset(WORDS["emergency_numbers"])
_QUAKES = frozenset(_MEASURES["magnitude_nouns"])
_MEASURE_UNITS: dict[str, list] = _MEASURES["units"]
_CURRENCIES: dict[str, str] = _MEASURES["currencies"]
BARE_DOLLAR_RE = re.compile(r"(?:[a-z]+\s+)*\$", re.I)  # "$43 billion", "about $43 billion"; not "US$43"
#: the dollars named by country ("C$", "A$"), not the one a bare "$" is read as
NAMED_DOLLARS = frozenset(code for sign, code in _CURRENCIES.items() if sign.endswith("$")) - {_CURRENCIES["$"]}
_DURATIONS: dict[str, list] = _MEASURES["durations"]
_CASUALTY_CLASSES = frozenset({"killed", "injured", "missing", "arrested"})
_PERSON_CLASSES = frozenset({"troops", "people", "militants"})
_CASUALTY = {w for w, cls in lexicon.unit_classes().items() if cls in _CASUALTY_CLASSES}
_WOUND_VERBS = frozenset(WORDS["wound_verbs"])
_HARMED = _CASUALTY_CLASSES | {"wounds"}  # a count after "from" is a cause ("recovering from 4 gunshot wounds")

_CUR_WORDS = [c for c in _CURRENCIES if c[0].isalpha() and len(c) > 1]  # "euros", "us dollars"
_HUNDREDTHS = frozenset(_MEASURES["hundredths"])
#: "pound(s)" after a number is a weight ("200 pounds", "a two-pound bag"), a sum only with a scale of millions
#: ("93.6 billion pounds", "a million-pound house": a weight in millions is the rarer reading) or "sterling"
_WEIGHT_OR_MONEY = frozenset(_CURRENCIES) & frozenset(_MEASURE_UNITS)
#: A figure just before "over": "$161 million | over seven years", "$168m | over", "5 percent | over"
_FIGURE_BEFORE_RE = re.compile(rf"(?:\d(?:{_alt(SUFFIX_SCALES)})?%?|\b(?:{_alt(SUFFIX_SCALES)}|percent))\s+$", re.I)
_SUM_SCALE_RE = re.compile(
    rf"\b(?:{_alt(w for w, n in lexicon.load('numbers')['scales'].items() if n >= 10 ** 6)})\b", re.I)
_CUR_SIGNS = [c for c in _CURRENCIES if not c[0].isalpha() or c[-1] == "$"]  # "$", "us$", "€"
#: A currency sign lost in transcoding: "agreeing an? 110 billion", "a \ufffd\ufffd110 billion" (money,
#: currency unknown).
_DAMAGED_SIGN = r"(?P<damaged>(?<=[a-z])\?|\ufffd+)\s?(?=\d)"
QUANTITY_RE = re.compile(
    rf"(?:{_DAMAGED_SIGN}|(?<![\w./:])(?<![^A-Za-z],)(?:(?P<hedge>{_alt(lexicon.hedges())})\s+)?"
    rf"(?:(?P<between>between|from)\s+(?:(?P<ages>(?:the\s+)?ages?(?:\s+of)?)\s+)?)?"
    rf"(?:(?P<cur>(?:{_alt(_CUR_SIGNS)})|\b(?:euro|eur|usd|gbp|aed|dh|R)(?=\d)|\b(?-i:EUR|USD|GBP|AED)(?=\s\d))\s?)?)"
    rf"(?P<num>{NUMBER})"
    rf"(?:(?P<conn>\s*[-–—]\s*|\s+(?:to|through)\s+|\s+and\s+|\s+or\s+)(?:{_alt(_CUR_SIGNS)})?(?P<num2>{NUMBER}))?",
    re.I,
)
#: An ordinal, with the superlative that makes it a rank: "fourth-largest", "second largest", "third most"
ORDINAL_RE = re.compile(
    rf"(?P<ord>{ORDINAL})(?P<rank>-(?:\w+est|most)|\s+(?:{_alt(WORDS['superlatives'])}))?(?![\w-])", re.I)
#: The end of a range whose start no grammar read ("from 17- to 28-years-old", "from 5 p.m to 8 p.m"),
#: or the idiom "from one ... to another": the start is no figure by itself
_RANGE_AFTER_RE = re.compile(rf"[^,;:!?()]{{0,25}}?\s(?:to|and|through)\s+(?:{NUMBER}|another\b)", re.I)
#: "from" before a casualty count: a cause or a former figure. Not one pattern with _HEIGHT_FROM_RE: that
#: one opens a range, with "between" too ("between 3 and 5 dead" is a toll)
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+$", re.I)
#: The second number of a range after the first one's noun: "from 30 people | to 100"
_SECOND_OF_RANGE_RE = re.compile(rf"\s+(?P<conn>to|through|and)\s+(?P<num2>{NUMBER})(?![\w.,]?\d|[-–/%])", re.I)
#: A second ordinal sharing the noun of the first: "13th | and 14th month bonus"
_COORDINATED_ORDINAL_RE = re.compile(rf"\s+(?:and|or|to)\s+{ORDINAL}(?:-(?P<suffix>\w+))?", re.I)
#: A word, an abbreviation ("U.S."), or a model's code of letters and digits ("C-130", "AR-15", "AK-47s")
_WORD_RE = re.compile(r"\s*(?P<w>[A-Za-z](?:(?:\.[A-Z])+\.?(?![a-z])|[A-Za-z'’-]*(?:(?<=[A-Z]-)\d+[a-z]?)?))")
_GLUED_RE = re.compile(r"[A-Za-z]+")
_PERCENT_SIGN = r"(?:\s*(?:%|per\s?cent\b|percent\b)|pc\b)"  # British copy glues "pc" on: "3.9pc"
_PERCENT_RE = re.compile(_PERCENT_SIGN, re.I)
#: The second end of a range of glued scales: "£35m | to £45m", "$2bn-3bn", "between $35m | and $45m"
_GLUED_RANGE_RE = re.compile(
    rf"(?P<conn>\s*[-–—]\s*|\s+(?:to|and)\s+)(?:{_alt(_CUR_SIGNS)})?\s?(?P<num2>\d[\d,]*(?:\.\d+)?)"
    r"(?P<sfx>[A-Za-z]+)\b", re.I)
_MONEY_TAIL_RE = re.compile(
    rf"(?:\s?(?P<sfx>mln|mn|bn|tn|m|b|k)\b)?[\s-]*(?P<cur>{_alt(_CUR_WORDS)})\b", re.I)
#: A place's name opened by an abbreviated title, before the noun it modifies: "St. Mary Parish | deputies",
#: "Ft. Worth | residents", "St. Mary | Deputies"; not a name that ends the phrase ("Six Flags St. Louis,")
_PLACE_TITLE = rf"(?-i:(?:{_alt(WORDS['place_titles'])})\.(?:\s+[A-Z][\w'’-]*)+\s+(?:[a-z]|[A-Z]\w*s\b))"
_PLACE_TITLE_RE = re.compile(_PLACE_TITLE)
_MEASURE_TAIL_RE = re.compile(
    rf"[\s-]*(?!{_PLACE_TITLE})(?P<unit>{_alt(_MEASURE_UNITS).replace(chr(92) + ' ', '[ -]')})(?![\w/])", re.I)
_TEMPERATURES = frozenset(shown for shown, pint_unit in _MEASURE_UNITS.values() if pint_unit in ("degC", "degF"))
_MINUS_RE = re.compile(r"(?:^|\s)(?P<sign>-|−|minus\s+)$", re.I)  # "-5 °C", "minus 5 degrees"
_HEDGE_AFTER_RE = re.compile(rf"[\s-]*(?P<h>{_alt(lexicon.hedges_after())})\b", re.I)
_COORDINATED_RE = re.compile(r"\s*(?:,|and|or|to|,\s*and)\s*$")
_QUAKE_TAIL_RE = re.compile(rf"[\s-]*(?:{_alt(_MEASURES['magnitude_nouns'])})\b", re.I)
_QUAKE_WORDS_RE = re.compile(rf"\b(?:magnitude|richter|{_alt(_MEASURES['magnitude_nouns'])})\b", re.I)
_FRACTION_RE = re.compile(r"-(?:halves|half|thirds?|quarters?|fifths?|tenths?)\b", re.I)
_DECIMAL_RE = re.compile(r"\d+\.\d+")
_RICHTER_RE = re.compile(r"\s+on the richter scale", re.I)
_MAGNITUDE_HEAD_RE = re.compile(
    r"(?:magnitude(?:\s+(?:of|at|was|is|measured|measuring|reading))?|measuring|measured)[\s-]*"
    rf"(?:(?:{_alt(lexicon.hedges())})\s+)?$", re.I)
_GLUED_TEMPERATURES = {letter: tuple(units) for letter, units in _MEASURES["glued_temperatures"].items()}
_WEATHER_RE = re.compile(rf"\b(?:{_alt(_MEASURES['weather_words'])})\b", re.I)
_SPREADING = frozenset(WORDS["spreading"])
_FIRST_BEFORE_RE = re.compile(r"\bfirst\s+$", re.I)


def _last_word_of(key: str) -> re.Pattern:
    """A pattern for text ending in a word of words.yaml list `key` (what stands before a hedge's word)."""
    return re.compile(rf"\b(?:{_alt(WORDS[key])})\s+$", re.I)


_UP_VERB_RE, _OVER_VERB_RE, _CONCERNING_RE = (_last_word_of(key) for key in ("up_verbs", "over_verbs", "concerning"))
_ALCOHOL_RE = re.compile(rf"\b(?:{_alt(_MEASURES['alcohol_words'])})\b", re.I)
_CATEGORY_HEAD_RE = re.compile(r"\bcategory[\s-]*$", re.I)
_STORMS_RE = re.compile(rf"\b(?:{_alt(_MEASURES['storm_nouns'])})\b", re.I)
#: The rest of a proportion: "one | in 12", "1 | in 4 adults" (not "one in 2009", "two in 10 minutes")
_RATIO_RE = re.compile(rf"\s+in\s+(?P<den>{NUMBER})(?![\w.,]?\d|[-–/%:])", re.I)
_PERCENT_RANGE_RE = re.compile(
    rf"\s*(?P<conn>to|and|[-–—])\s*(?P<num2>{NUMBER}){_PERCENT_SIGN}", re.I)
_CALIBERS = tuple(_MEASURES["calibers"])
#: ".357 caliber", and a caliber that names its gun: "a .357 revolver", "a .22 rifle", "a .38 Special"
_CALIBER_RE = re.compile(rf"(?<![\w.])\.(?P<n>\d{{2,3}})(?:[\s-]*(?P<unit>{_alt(_CALIBERS)})\b"
                         rf"|(?=[\s-]*(?:{_alt(_MEASURES['caliber_guns'])})\b))", re.I)
_SMALL_WORDS = _alt(list(lexicon.load("numbers")["units"])[:12])  # "zero" to "eleven": the inches of a foot
#: A length in feet and inches, read as one: "5 feet 10 inches", "six feet, two inches", "5-foot-10", 6'2"
HEIGHT_RE = re.compile(
    rf"(?<![\w.'’])(?:(?P<hedge>{_alt(lexicon.hedges())})\s+)?(?P<feet>\d{{1,2}}|{_SMALL_WORDS})"
    rf"(?:(?P<join>[\s-]*(?:feet|foot|ft\.?)[,\s-]*)|\s*['’′]\s*)(?P<inches>\d{{1,2}}|{_SMALL_WORDS})(?![\w.,]?\d)"
    r"(?P<mark>[\s-]*(?:inches|inch|in\.)(?!\w)|\s*(?:\"|”|″|''|’’))?(?![\w'’-])", re.I)
_HEIGHT_FROM_RE = re.compile(r"\b(?:between|from)\s+$", re.I)
_HEIGHT_TO_RE = re.compile(r"\s+(?:and|(?P<to>to))\s+", re.I)
#: Feet alone, ending a range of heights ("between 5 feet 10 and | 6 feet")
_FEET_RE = re.compile(rf"(?P<feet>\d{{1,2}}|{_SMALL_WORDS})[\s-]*(?:feet|foot|ft\b\.?)(?![\w'’-])", re.I)
_DIGIT_AFTER_RE = re.compile(r"\s*\d")
_TALL_RE = re.compile(r"\s+tall\b", re.I)
_HEIGHT_GATE = re.compile(r"f(?:ee|oo)?t|['’′]")
#: "a 17-year-old", "two 17-year-olds", "17 years of age", and as police and tweets shorten it: "a 5 y/o boy", "16 yo",
#: "a 20 yr old"
_AGE_TAIL_RE = re.compile(r"[\s-]*(?:years?(?:[\s-]*olds?|\s+of\s+age)|yrs?[\s-]*old|y/?o)\b", re.I)
#: An age compound before the noun a number counts: "two | 17-year-old boys", "two | 17-year-olds" (people)
_AGE_COMPOUND_RE = re.compile(rf"\s*(?:{NUMBER})[\s-]+years?[\s-]+old(?P<olds>s)?\b", re.I)
#: The second age of a pair sharing "year-old": "11- | and 12-year-old boys", "a 16- | or 17-year-old"
_SUSPENDED_AGE_RE = re.compile(r"-\s+(?:and|or|to)\s+(?P<num2>\d{1,3})[\s-]*years?[\s-]*olds?\b", re.I)
#: "a boy younger than 12", "victims older than 60": an age with its bound
_AGE_BOUND_RE = re.compile(  # "younger than 12", "under the age of 10"
    r"\b(?:(?P<cmp>younger|older)\s+than|(?P<limit>under|below|over|above)\s+(?:the\s+)?age(?:\s+of)?)\s+$", re.I)
_AGE_HEAD_RE = re.compile(r"\b(?:aged?|ages|age of|ages of)\s+$", re.I)
_GALLERY_LABEL_RE = re.compile(r"(?:Photo|Image|Picture|Slide|Video|Caption|Credit)s?(?::\s|\s+\d+\s+of\s+\d)")
_AGES_AFTER_RE = re.compile(r"ages?\s+(?:of\s+)?\d", re.I)  # "two men | ages 20 and 27": the ages after the noun
#: "who turned 16 in April", "would have turned 17 today", "was to turn 24 on Saturday": the age reached
_TURNED_RE = re.compile(r"\bturn(?:s|ed|ing)?\s+$", re.I)
_AGED = _alt(WORDS["kin"] + WORDS["aged_nouns"])  # words that take an age: "his son, 11", "the victim was 17"
_DIED_AT_RE = re.compile(r"\b(?<!number of )(?<!number of the )(?<!toll of )"
                         r"(?:die[sd]?|dead|death)\b(?!\s+tolls?\b)[^;]{0,100}\bat\s+$"
                         rf"|\b(?:he|she|{_AGED}"
                         rf"|(?-i:(?!(?:{_alt(WORDS['sentence_starters'])})\b)[A-Z][a-z]+))"  # a name, not "It"
                         r"\s+(?:was|is)\s+(?:(?:only|just|barely)\s+)?$", re.I)
#: What may follow an age told of someone ("died at 50 in June", "was 16 when he was shot", "the oldest was 85 and
#: the youngest two")
_AGE_AFTER_RE = re.compile(r"\s+(?:when|in|on|and)\b|\s+at\s+the\s+time\b")
_NAME = r"\b[A-Z][\w'’.]+"  # a capitalised word: a name ("Baptiste", "O'Neal", "Jr.")
#: A noun phrase led by an article or a possessive: "the cashier", "his younger brother"
_THE_NOUN = r"\b(?i:the|a|an|his|her|their)\s+(?:[\w'’-]+\s+){0,3}[a-z][\w'’-]*"
#: "Gigante, 77,"; "Vincent Holt, Jr., 27,"; "two sons, 11"; "the fourth victim, 26,"; "two boys, both 15,"; "Juan
#: Villegas (34)"; a space scraped before the comma ("Jim Belcher , 38,")
_APPOSITION_RE = re.compile(rf"(?:{_NAME}|\b(?:{_AGED}))\s?,\s*(?:(?:both|all)\s+)?$|{_NAME}\s*\($")
#: ... and after a noun phrase led by an article, closed by a comma as well: "The Denmark international, 23,
#: signed", "the cashier, 36, said"; not "After the game, 15 of his teammates"
_THE_APPOSITION_RE = re.compile(rf"{_THE_NOUN}\s?,\s*$")
#: An age in a relative clause: "Baptiste, who was 58, | was found dead", "the victim, who is 41,"
_WHO_WAS_RE = re.compile(rf"(?:{_NAME}|{_THE_NOUN})\s?,\s*who\s+(?:was|is)\s+$")
_APPOSITION_CLOSE_RE = re.compile(r"\s*,|\s+and\s+\d")
#: How an age in apposition ends: a comma, semicolon, bracket or full stop, the end of its line ("Michael Arnold,
#: 59" in a list of the dead), "and" before the next age or name ("two sons, 11 and 14", "Donald Reyes, 25 and Tom
#: Cole, 32"), or the hometown ("Shawn Johnson Jr., 21 of Lynchburg", "Angelena Garland, 25 both of Lynchburg")
_AND_NEXT_RE = re.compile(r"\s+and\s+(?:\d|[A-Z])")
_APPOSITION_END_RE = re.compile(
    rf"\s*(?:[,;).]|$)|{_AND_NEXT_RE.pattern}|\s+(?:(?:both|all)\s+)?(?:of|from)\s+(?-i:[A-Z])")
#: "two more years", "a 12-year sentence"; not "three other days" (others than days named before: no span of them)
_DURATION_TAIL_RE = re.compile(
    rf"[\s-]*(?:(?:{_alt((_MORE - {'other'}) | set(WORDS['span_qualifiers']))})\s+)?(?P<unit>{_alt(_DURATIONS)})\b"
    r"(?P<long>-long)?", re.I)
_OLD_RE = re.compile(r"\s+-?old\b", re.I)
_ELAPSED_RE = re.compile(r"\s+ago\b", re.I)
_AGO_RE = re.compile(f"{_OLD_RE.pattern}|{_ELAPSED_RE.pattern}", re.I)
#: Periods no label counts: "the Gaza Strip 11 days ago"; in a title-case headline "Man Gets 15-30 Years"
_PERIODS = _alt(u for u in _DURATIONS if u.endswith('s'))
_PERIODS_AGO_RE = re.compile(rf"\s+(?:(?:{_PERIODS})\s+ago\b|(?=(?-i:[A-Z]))(?:{_PERIODS})\b)", re.I)
_CONTRACTION_RE = re.compile(r"['’](?P<verb>s|ve|re|ll|d|m)$|n['’]t$")
_HYPHEN_TAIL_RE = re.compile(r"-(?P<word>[a-z]+)\b(?!-)", re.I)
_BY_RE = re.compile(r"-by-", re.I)
_NAME_BEFORE_RE = re.compile(r"(?P<word>[A-Z][\w.'’]*|#|No\.)\s*$")
_ID_BEFORE_RE = re.compile(rf"\b(?:{_alt(WORDS['identifier_nouns'])})\.?\s*(?:(?:number|no\.?)\s*)?"
                           r"(?:(?:is|was)\s+)?[#:]?\s*$", re.I)
_AREA_CODE_RE = re.compile(r"\)\s*\d{3}[-.\s]\d{4}\b")  # "(212) 555-0100": the 212 opens a phone number
_ORDINAL_AFTER_RE = re.compile(r"\s+\d+(?:st|nd|rd|th)\b", re.I)  # "33325 | 8th Ave."
_HOUSE_NUMBER_RE = re.compile(r"\d{3,5}")
_AT_ADDRESS_RE = re.compile(r"\b(?:at|location:|address:)\s*$", re.I)
_WITHIN_SENTENCE_RE = re.compile(r"[\w’']\s+$")  # a word just before: no sentence or heading starts here
#: Singular nouns a capitalised number word counts in a title-case headline ("One Man Killed", "One Dead")
_NAMED_NOUNS = frozenset(WORDS["kin"] + WORDS["aged_nouns"]) | frozenset(lexicon.unit_classes())
_BLOCK_RE = re.compile(r"[\s-]*block(?P<plural>s)?\b(?P<of>\s+of\b)?", re.I)
_BROADCASTER_RE = re.compile(rf"\s+(?:[A-Z][a-z]+\s+){{0,2}}(?:{_alt(WORDS['broadcasters'])})\b")
#: A newscast's hour after its station ("watch KSLA News 12 at 10", "News 12 Now at 4", "Action News at 11")
_NEWSCAST_BEFORE_RE = re.compile(rf"\b(?:{_alt(WORDS['broadcasters'])})(?:\s+\d{{1,2}})?(?:\s+[A-Z][a-z]+)?\s+at\s+$")
_PHONE_BEFORE_RE = re.compile(r"\b(?:call|called|calling|dial|dialed|dialled|dialling|phone)\s+$", re.I)
_HYPHEN_BEFORE_RE = re.compile(r"(?P<word>[A-Za-z]+)-$|\d[-/.]$")
_CODE_BEFORE_RE = re.compile(r"(?:[A-Za-z_$][\w$.]*\(|[=\[{])$")  # "alert(2)", "x=2", "[2]": code and markup
#: A determiner just before a figure makes it a modifier of the noun after it: "the 1990 toll", "an Aug. 31 deadline"
DETERMINER_RE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that|each|every)\s+$", re.I)
#: Words that may part the counted people from what befell them: a participle's or a preposition's phrase
#: up to the verb ("eight people queuing for flour were killed", "three people inside the home were killed");
#: not a clause of its own ("20 blocks from where Gray was fatally shot", "his two sisters on the night he was
#: killed"), nor an aside ("one of six others standing near it - died")
_MODIFIER = (r"(?:\s+(?:[a-z]+ing|in|inside|at|on|near|outside|aboard|behind)"
             rf"(?:\s+(?!(?:where|when|which|that|who|i|you|{PREDICATE_STARTS})\b)\w[\w'’-]*){{0,5}}?"
             r"(?=\s+(?:were|was|are|is|have|had|died|die)\b))?")
_CASUALTY_AFTER_RE = re.compile(
    rf"{_MODIFIER}(?:\s*,)?\s+(?:(?:were|was|are|is|have|has|had|been|being|be|got|reported(?:ly)?|later|also|now|all|"
    r"confirmed|believed|feared|found|seriously|critically|badly|slightly|severely|mortally|left|to|"
    r"(?:shot|stabbed|beaten|gunned)(?:\s+down)?(?:\s+and)?|"  # "were shot dead", "shot to death", "shot and killed"
    rf"either|both|been)\s+){{0,6}}(?P<cas>{_alt(_CASUALTY)})\b", re.I)
#: A figure's verb of reaching: "(rose) to", "(stood) at", "reached", "hit", "passed"
_REACHED = r"(?:to|at|reached|reaches|hit|hits|passed|passes)"
#: The words a toll's subject may run to before its verb ("the death toll from the collapse of the Harbour Road
#: footbridge rose to"), none of them a figure
_SUBJECT_WORDS = 12
_SUBJECT = rf"(?:[^\W\d]+\s+){{0,{_SUBJECT_WORDS}}}?"
_CASUALTY_BEFORE_RE = re.compile(
    r"\b(?P<cas>killing|killed|kills|injuring|injured|injures|wounding|wounded|wounds|hurting|hurts|deaths?\s+of|"
    r"injuries\s+(?:of|to)|"
    # a subject with no figure between: "the toll from the quake rose to", "the death toll stood at"
    rf"(?:death\s+)?toll(?:\s+{_SUBJECT}(?:of|{_REACHED}))?|"
    # "put the number of dead at 27", "the dead numbered 112"
    rf"(?:(?<=number of )|(?<=number of the ))dead(?:\s+{_SUBJECT}{_REACHED})?|"
    r"dead\s+numbered"
    r")\s*,?\s*$", re.I)
_COMPOUND_RE = re.compile(r",?\s+(?:and\s+)?")  # between the parts of "three years(,)( and) six months"
_NOUN_OF_RE = re.compile(r"\b(?P<noun>[a-z]{3,})\s+of\s*$")
_NOT_NOUNS_OF = STOP | frozenset(FIRST_WORDS)  # "seven of 10" counts no sevens
#: "a father of | three", "a mother of | two sons": a parent's children, not a toll
PARENT_OF_RE = re.compile(rf"\b(?:{lexicon.alternation(WORDS['parents'])})\s+of\s*$", re.I)
_FIGURE_RE = re.compile(rf"\s+{NUMBER}\b", re.I)
_PART_OF_RE = re.compile(rf"\b{NUMBER}\s+of\s+the\s+$", re.I)  # "five of the | six": the whole a part is of
_PARTITIVE_RE = re.compile(r"\s+of\s+(?:the|its|their|his|her|those|these|them|whom)\b", re.I)
#: What a part told of before is: "5,500 of them | were | Americans", "12 of whom | are all | children"
_PART_IS_RE = re.compile(r"\s+(?:were|are)\s+(?:all\s+)?(?![a-z]+ing\b)", re.I)  # not "are facing charges"
#: A word starting with a letter at a word start ("55th" holds none)
CONTENT_RE = re.compile(r"(?<!\w)[A-Za-z][\w'’.-]*")
#: The verb an adverb qualifies ("fatally | shot the teenager").
_NEXT_WORD_RE = re.compile(r"\s+[\w-]+")
#: A hedged figure is an object when people or things follow it ("killing at least 13 airmen"), not a time or a
#: span ("injured about 12:13 p.m.", "killed within four hours").
_HEDGED_OBJECT = (rf"(?:{_alt(lexicon.hedges())})\s+(?:{NUMBER})"
                  rf"(?=\s+(?!(?:{_alt(_DURATIONS)}|[ap]\.?m)\b)[A-Za-z])")
#: The object of a verb: a determiner, pronoun, number or name ("wounded the boy", "killed him", "shot
#: 16-year-old Kimani Gray"), not a time ("killed Saturday") or phrase ("killed in the blast").
_OBJECT_RE = re.compile(rf"\s+(?:(?:{_alt(WORDS['objects'])})\b|{_HEDGED_OBJECT}|{NUMBER}|\d"
                        rf"|(?!(?i:{_alt(STOP)}|{_alt(MONTHS)}|{_alt(WEEKDAYS)})\b)[A-Z])")
#: An aside between commas or spaced dashes: "three people | , one of them a pregnant woman, | were killed".
_ASIDE_RE = re.compile(r"\s*(?:,[^,;:.()]{1,60},|\s[—–-]{1,2}\s[^—–;:.]{1,60}\s[—–-]{1,2}(?=\s))")
#: Another counted noun phrase coordinated with the first: "two women | and one | man", "and a man".
_COORDINATED_NP_RE = re.compile(rf"\s+(?:and|or)\s+(?:{NUMBER}|an?)\s+", re.I)
#: A number word that is the subject of a verb counts the people or things told of before: "All seven were
#: taken to the hospital" (a new paragraph after the victims were named).
_SUBJECT_OF_RE = re.compile(r"\s+(?:(?:all|also)\s+)?(?:were|are|have|had)\s+(?:been\s+)?[a-z]+(?:ed|en)\b")
#: A count with no noun that was shot or stabbed counts people: "7 shot in West Garfield Park", "Four were shot",
#: "One was shot", "Four found fatally shot" (but "fired one shot" counts a shot).
_SHOT_RE = re.compile(r"\s+(?P<aux>(?:were|are|was|have been|had been)\s+)?(?P<found>found\s+)?"
                      r"(?:(?:fatally|critically|seriously|also)\s+)?(?P<verb>shot|stabbed)\b", re.I)
#: A count with no noun in a hospital's condition counts people: "One is in critical condition", "three remain
#: in stable condition".
_IN_CONDITION_RE = re.compile(r"\s+(?:is|are|was|were|remains?|remained)\s+(?:still\s+)?in\s+"
                              rf"(?:{_alt(lexicon.load('events')['hospital_conditions'])})\s+condition\b", re.I)
_THERE_WERE_RE = re.compile(r"\bthere\s+(?:were|are|was|is|had been|have been)\s+$", re.I)
_MEMBERS_OF_RE = re.compile(r"\s+(?:in|on|aboard)\s+(?:the|their|his|her|its)\s+", re.I)
#: "bringing to 10 | the number of Israelis killed": the noun after it is what the number counts
_NUMBER_OF_RE = re.compile(r"\s+the\s+(?:total\s+|overall\s+)?number\s+of\s+", re.I)
#: "put the number of Afghans killed at | 169", "the number of people hurt rose to | 45": what the number counts
#: (its noun phrase), as many words with no figure as a toll's subject may run to
_NUMBER_OF_HEAD_RE = re.compile(
    rf"\bnumber\s+of\s+(?P<counted>(?:[^\W\d][\w'’-]*\s+){{1,{_SUBJECT_WORDS}}}?){_REACHED}\s+$", re.I)
_ATTRIBUTION_RE = re.compile(rf"\s+(?:{_alt(WORDS['reporting'])})\b", re.I)
#: "in his early 30s": an age given by decade, with the decade part as bounds
AGE_DECADE_RE = re.compile(
    r"\bin\s+(?:his|her|their)\s+(?:(?P<part>early|mid|late)[\s-]+)?(?P<decade>[1-9]0)'?s\b", re.I)
#: Units of time said one at a time, without a number ("a week", "a decade")
_ONE_UNIT = r"(?:minute|hour|day|week|fortnight|month|year|decade|(?:quarter|half)[- ]century|century)"
#: "a day after", "the day following": one unit of time between two events ("a day before" as often
#: dates a single event: "the toll from the quake a day before rose"); "a minute of silence": one unit long
ONE_INTERVAL_RE = re.compile(
    rf"\b(?:(?:a|an|one)\s+(?P<unit>{_ONE_UNIT})\s+(?:after|of)"
    r"|(?<!\bin\s)the\s+(?P<unit2>day|week)\s+(?:after|following))"  # "in the week following": a period
    r"(?=\s+[\w'’])", re.I)
#: One unit of time with a hedge: "over a year", "less than a year before", "nearly a decade" (not "a year ago",
#: nor "over a year-long dispute": a compound, read below)
HEDGED_ONE_RE = re.compile(
    rf"\b(?P<hedge>{_alt(lexicon.hedges())})\s+(?:a|an|one)\s+(?P<unit>{_ONE_UNIT})\b(?!\s+ago\b|-)", re.I)
#: A part of one unit of time: "half an hour later", "nearly half a century", "a quarter of an hour before"
_UNIT_PARTS: dict[str, list] = _MEASURES["unit_parts"]
PART_ONE_RE = re.compile(
    rf"\b(?:(?P<hedge>{_alt(lexicon.hedges())})\s+)?(?P<part>{_alt(_UNIT_PARTS)})\b(?![-\s]ago\b|-)", re.I)
#: One unit of time and a half: "suspended for a year and a half", "nearly an hour and a half"
HALF_MORE_RE = re.compile(
    rf"\b(?:(?P<hedge>{_alt(lexicon.hedges())})\s+)?(?:a|an|one)\s+(?P<unit>{_ONE_UNIT})\s+and\s+a\s+half\b", re.I)
#: One unit of time something lasts: "shut for a week", "jailed for a year" (not "for a year-end review", nor
#: "for a day lift ticket": a noun after the unit makes it a modifier)
_NOUN_AFTER = rf"\s+(?!(?:{_alt(STOP)}|yesterday|today|tonight)\b)(?-i:[a-z]{{3,}})(?<!ing)(?<!ed)(?<!ly)\b"
FOR_ONE_RE = re.compile(rf"\bfor\s+(?:a|an|one)\s+(?P<unit>{_ONE_UNIT})\b(?![-\s]ago\b|[-’']|{_NOUN_AFTER})", re.I)
#: One unit in a compound adjective: "its week-old air strikes", "a monthlong trial", "a day-long strike"
#: (a "year-old" is an age, said with a number)
ONE_LONG_RE = re.compile(rf"(?<![\w-])(?P<unit>{_ONE_UNIT})(?:-?long|(?<!year)-old)\b", re.I)
#: A number just before a compound ("her 4 month-old baby", "a three month-long trial"): the grammar
#: below reads the whole, so no one unit
_NUMBER_BEFORE_RE = re.compile(rf"(?:\d|\b(?:{_alt(FIRST_WORDS)}))\s+$", re.I)
#: "shot twice", "has hosted twice", "at least twice": two times, as "two times" counts them; not a multiple
#: ("twice as many", "twice the size", "twice-weekly") nor a rate ("twice a day")
TWICE_RE = re.compile(
    r"(?<!\bthink )(?<!\bthought )(?<!\bthinking )(?<!\bonce or )"  # "think twice", "once or twice": no count
    rf"\b(?:(?P<hedge>{_alt(lexicon.hedges())})\s+)?twice\b(?!-|\s+(?:as|the|that|this|those|these|what|a|an|its|his"
    r"|her|their|our|my|your|daily|weekly|monthly|yearly|more|less|over)\b)", re.I)
_TWICE_GATE = re.compile("twice")
_CALIBER_GATE = re.compile(r"\.\d\d")
_AGE_DECADE_GATE = re.compile(r"0'?s")
_ONE_UNIT_GATE = re.compile(rf"\b(?:a|an|one|the)\s+{_ONE_UNIT}")
_ONE_LONG_GATE = re.compile(r"long\b|-old\b")
#: Every quantity holds a digit or a number word at a word start (after a currency sign, a hedge...)
_NUMBER_GATE = re.compile(rf"\d|{word_gate(FIRST_WORDS).pattern}")
_ORDINAL_GATE = re.compile(rf"\d(?:st|nd|rd|th)|{word_gate(ORDINALS).pattern}")
_FRACTIONS: dict[str, int] = lexicon.load("numbers")["fractions"]
_NUMERATORS = r"a|an|one|two|three|four|five|six|seven|eight|nine"
_PART = rf"(?:(?P<{{n}}>{_NUMERATORS})[\s-]+)?(?P<{{d}}>{_alt(_FRACTIONS)})".format
#: A part of a whole: "two-thirds of voters", "at least one-fifth of the dead", "between half and two-thirds of
#: the buildings"; not "the second half of the season", "a quarter of an hour" nor "a third of a mile"
FRACTION_OF_RE = re.compile(
    rf"(?<![\w-])(?:(?P<hedge>{_alt(lexicon.hedges())})\s+)?(?:between\s+)?"
    rf"{_PART(n='n1', d='d1')}(?:\s+(?:and|to)\s+{_PART(n='n2', d='d2')})?\s+of\s+(?!an?\s)", re.I)
_FRACTION_GATE = word_gate([*_FRACTIONS])
_HALF_PLACE_RE = re.compile(rf"\b(?:{_alt(lexicon.load('numbers')['half_places'])})\s+$", re.I)
_AND_A_RE = re.compile(r"\band\s+an?\s+$", re.I)  # "two and a | half of them": a number's fraction
_NUMERATOR_BEFORE_RE = re.compile(rf"\b(?:{_NUMERATORS})-$", re.I)
#: The patterns read through a gate here, with their gates (the test checks each pair)
GATES = ((QUANTITY_RE, _NUMBER_GATE), (ORDINAL_RE, _ORDINAL_GATE), (_CALIBER_RE, _CALIBER_GATE),
         (AGE_DECADE_RE, _AGE_DECADE_GATE), (ONE_INTERVAL_RE, _ONE_UNIT_GATE), (HEDGED_ONE_RE, _ONE_UNIT_GATE),
         (HALF_MORE_RE, _ONE_UNIT_GATE), (PART_ONE_RE, _ONE_UNIT_GATE), (TWICE_RE, _TWICE_GATE),
         (FOR_ONE_RE, _ONE_UNIT_GATE), (ONE_LONG_RE, _ONE_LONG_GATE), (HEIGHT_RE, _HEIGHT_GATE),
         (FRACTION_OF_RE, _FRACTION_GATE))
_FIRST_YEAR, _LAST_YEAR = 1900, 2099
_WINDOW = 200  # characters around a number that decide what it is
_LOOKBACK = 50  # earlier counts an elliptical count looks through: bounded, so thousands of bare numbers stay linear


def find_quantities(sentence: str, taken: bytearray) -> list[Mention]:
    """The quantities and ordinals of `sentence` outside `taken` (dates, times, skipped spans)."""
    found = _fixed_phrases(sentence, taken)
    counts: list[tuple[Mention, list[str]]] = []
    pos = 0 if opens(_NUMBER_GATE, sentence) else len(sentence)  # at the end, nothing is searched
    while m := QUANTITY_RE.search(sentence, pos):
        pos = m.end("num")  # a coordinated second number ("7.6 and 7.4") is read again by itself
        if not free(taken, m.start("num"), m.end("num")):
            continue
        result = _quantity(m, sentence, counts)
        if result is None and m.group("between") and m.group("num2") is None:
            if not _RANGE_AFTER_RE.match(sentence, m.end("num")):
                pos = m.end("between")  # "from 40 countries", "between two members": no range, so read what follows
                continue
            if (result := _noun_range(m, sentence, counts)) is None:
                if (noun := _WORD_RE.match(sentence, m.end("num"))) and _plural(noun.group("w").lower()):
                    pos = m.end("between")  # "from 12 churches and 3 mosques": two counts, no range
                continue
        if result and result[0].kind == "count" and lexicon.unit_class(result[0].unit) in _HARMED and (
                _FROM_BEFORE_RE.search(sentence, max(0, result[0].start - _WINDOW), result[0].start)):
            result = None  # "recovering from 4 gunshot wounds", "rose from 3 dead": a cause or a former figure
        if result and result[0].kind == "count" and not result[1] and found and found[-1].kind == "measure" and (
                _COORDINATED_RE.fullmatch(sentence, found[-1].end, result[0].start)):
            result = (result[0]._replace(kind="measure", unit=found[-1].unit), [])  # "measuring 7.6 and 7.4"
        if result and result[0].kind == "duration" and _FIRST_BEFORE_RE.search(
                sentence, max(0, result[0].start - _WINDOW), result[0].start):
            pos = max(pos, result[0].end)  # "freed in the first 12 to 15 hours": a part of a span, no length
            continue
        if result is not None and free(taken, result[0].start, result[0].end):
            mention, np_words = result
            found.append(mention)
            take(taken, mention.start, mention.end)
            pos = max(pos, mention.end)
            if mention.kind == "count" and not hyphened(sentence[mention.start:mention.end], mention.unit):
                counts.append((mention, np_words))  # not "a 200-student school": no later count leaves it out
    found = _compound_durations(sentence, found)
    for m in gated(ORDINAL_RE, _ORDINAL_GATE, sentence):
        if free(taken, m.start(), m.end()) and (mention := _ordinal(m, sentence)) is not None:
            found.append(mention)
    return found


def _compound_durations(sentence: str, found: list[Mention]) -> list[Mention]:
    """Spans told in two units, larger first ("three years and six months", "2 hours, 15 minutes"), as
    one span: P3Y6M, which "three and a half years" in another article agrees with, where "three years"
    alone would not."""
    merged: list[Mention] = []
    for mention in found:
        last = merged[-1] if merged else None
        if (last and last.kind == mention.kind == "duration" and last.low is None and mention.low is None
                and mention.hedge == "exact" and _COMPOUND_RE.fullmatch(sentence, last.end, mention.start)
                and (joined := join_durations(str(last.value), str(mention.value)))):
            merged[-1] = last._replace(end=mention.end, value=joined)
        else:
            merged.append(mention)
    return merged


def _fixed_phrases(sentence: str, taken: bytearray) -> list[Mention]:
    """Quantities said without digits or number words the grammar below reads: calibers after a point
    (".357 caliber"), ages by decade ("in his early 30s" -> 30..33 years old) and one unit of time, between
    two events ("a day after" -> P1D), hedged ("nearly a decade"), lasted ("for a week"), in a
    compound ("week-old") or in part ("half an hour" -> PT30M); and "twice", two times."""
    found = []
    for m in gated(_CALIBER_RE, _CALIBER_GATE, sentence):
        if free(taken, m.start(), m.end()):
            unit = (m.group("unit") or _CALIBERS[0]).lower()
            found.append(Mention(m.start(), m.end(), "measure", _caliber(m.group("n")), unit=unit))
            take(taken, m.start(), m.end())
    for m in gated(HEIGHT_RE, _HEIGHT_GATE, sentence):
        if free(taken, m.start(), m.end()) and (height := _height(m, sentence)):
            if found and found[-1].unit == "in" and (joined := _height_range(sentence, found[-1], height)):
                found.pop()  # "between 5’8” and 5’10”", "5 feet 3 to 5 feet 5": one range
                height = joined
            if (link := _HEIGHT_TO_RE.match(sentence, height.end)) and (
                    feet := _FEET_RE.match(sentence, link.end())) and (
                    free(taken, feet.start(), feet.end()) and not _DIGIT_AFTER_RE.match(sentence, feet.end())):
                upper = Mention(feet.start(), feet.end(), "measure", parse_number(feet.group("feet")) * 12, unit="in")
                height = _height_range(sentence, height, upper) or height  # "5-foot-8 to 6 feet": feet alone end it
            found.append(height)
            take(taken, height.start, height.end)
    for m in gated(AGE_DECADE_RE, _AGE_DECADE_GATE, sentence):
        if free(taken, m.start(), m.end()):
            lo, hi = DECADE_PARTS.get((m.group("part") or "").lower(), (0, 9))
            decade = int(m.group("decade"))
            found.append(Mention(m.start(), m.end(), "measure", None, decade + lo, decade + hi, "approx", "years old"))
            take(taken, m.start(), m.end())
    for m in gated(FRACTION_OF_RE, _FRACTION_GATE, sentence):
        end = m.end("d2" if m.group("d2") else "d1")
        bare = m.group("n1") is None and not m.group("hedge")
        if bare and (m.group("d1").lower() != "half"
                     or _HALF_PLACE_RE.search(sentence, max(0, m.start() - 12), m.start())):
            continue  # "the third of four children" is a rank, "the lower half of his body" a place, "both halves
            # of the story" no share
        if m.group("d1").lower() == "half" and _AND_A_RE.search(sentence, max(0, m.start("d1") - 8), m.start("d1")):
            continue  # "two and a half of them": a number's fraction
        if free(taken, m.start(), end):
            share, upper = (_share(m.group(f"n{k}"), m.group(f"d{k}")) for k in (1, 2))
            hedge = lexicon.hedge(m.group("hedge"))
            bounds = (share, upper) if upper else (None, None)
            found.append(Mention(m.start(), end, "percent", share, *_hedged(share, *bounds, hedge), "%"))
            take(taken, m.start(), end)
    for m in gated(TWICE_RE, _TWICE_GATE, sentence):
        if free(taken, m.start(), m.end()):
            found.append(Mention(m.start(), m.end(), "count", 2, *_hedged(2, None, None, lexicon.hedge(m["hedge"])),
                                 unit="times"))
            take(taken, m.start(), m.end())
    # the gate of these grammars; a part of a unit and "and a half" first, then the hedged one ("nearly a year of")
    one_unit = ((PART_ONE_RE, HALF_MORE_RE, HEDGED_ONE_RE, ONE_INTERVAL_RE, FOR_ONE_RE)
                if opens(_ONE_UNIT_GATE, sentence) else ())
    for m in [*(m for pattern in one_unit for m in pattern.finditer(sentence)),
              *gated(ONE_LONG_RE, _ONE_LONG_GATE, sentence)]:
        if free(taken, m.start(), m.end()) and not (
                m.re is ONE_LONG_RE and _NUMBER_BEFORE_RE.search(sentence, max(0, m.start() - 20), m.start())):
            if m.re is PART_ONE_RE:
                designator, amount = _UNIT_PARTS[" ".join(m.group("part").lower().split())]
            else:
                designator, factor = _DURATIONS[(m.group("unit") or m.group("unit2")).lower()]
                amount = factor * (1.5 if m.re is HALF_MORE_RE else 1)
            hedge = lexicon.hedge(m.group("hedge") if "hedge" in m.re.groupindex else None)
            found.append(Mention(m.start(), m.end(), "duration", _iso_duration(amount, designator), hedge=hedge,
                                 unit=DURATION_UNITS[designator]))
            take(taken, m.start(), m.end())
    return found


def _quantity(m: re.Match, sentence: str, counts) -> tuple[Mention, list[str]] | None:
    """Classify one number by what surrounds it; None for identifiers, list items and non-claims."""
    start, end = m.start(), m.end()
    num_text = m.group("num")
    is_digits = num_text[0].isdigit()
    head = sentence[max(0, start - _WINDOW):start]  # what the head patterns look back on
    hedge = lexicon.hedge(m.group("hedge"))
    value = parse_number(num_text)
    second = parse_number(m.group("num2")) if m.group("num2") is not None else 0
    if not (math.isfinite(value) and math.isfinite(second)):
        return None  # hundreds of digits: more than a number can hold, and no figure anyone reports
    low = high = None
    if m.group("num2") is not None:
        conn = m.group("conn").strip().lower()
        # "three or four bombs", "100 or 200 trouble-makers": an estimate between the two; "7.6 or 7.5" and
        # "7.6 and 7.5" are two figures
        two = conn == "and" or conn == "or" and not second > value
        # "$1 million to 50 charities": a sum given to a smaller count of something else, no range
        two = two or conn == "to" and second < value and bool(m.group("cur"))
        if two and not m.group("between") or _year(num_text) and not _year(m.group("num2")):
            end = m.end("num")
        else:
            if not m.group("num2")[0].isalpha():  # "$2-3 million", "20 to 30 million": the scale is shared,
                bare = parse_number(re.sub(r"[^\d.,]", "", m.group("num2"))) or 1  # not by "2,000 to 3 million"
                value = _num(value * second / bare) if second > bare and value <= bare else value
            if _year(num_text) and _year(m.group("num2")):
                return Mention(start, m.end(), "date", None, num_text, m.group("num2")), []
            if second < value or is_digits and conn == "-" and m.group("num2").istitle():
                return None  # "won 3-1", "passed 52-48", "555-0100": a score, a tally or a number, not a range;
                # digits and a capitalised number word ("a 7-Eleven") are a name
            bare = not (m.group("hedge") or m.group("between") or m.group("cur") or _AGE_HEAD_RE.search(head))
            if conn in "-–—" and bare and _tally(num_text, m.group("num2"), sentence[m.end():]):
                return None
            low, high = value, second
    elif (m.group("between") and not m.group("ages") and not _percent_range(sentence, end, True)
          and not _glued_range(sentence, end, m.group("between"))):
        return None  # "from 5" alone: not a range, find_quantities reads the number by itself
    if after := _HEDGE_AFTER_RE.match(sentence, end):  # "24 or more", "30 or so"
        hedge, end = lexicon.hedges_after()[after.group("h").lower()], after.end()
    tail = sentence[end:end + _WINDOW]
    said = lexicon.phrase(m.group("hedge"))
    over = said == "over"
    # "$161 million over seven years", "loans over three years": spread across them, not more than them
    spread = over and (_FIGURE_BEFORE_RE.search(head) or _spreading(head)) and (
        (span := _DURATION_TAIL_RE.match(tail)) and not _AGO_RE.match(tail, span.end()))
    # "ticked up to 4.3%": 4.3%, "handed over 50 hostages": 50 (the verb's own particle); "arrested over $2
    # million heist": what the arrests were about, not more than it
    particle = said == "up to" and _UP_VERB_RE.search(head) or over and _OVER_VERB_RE.search(head)
    about = over and m.group("cur") and _CONCERNING_RE.search(head)
    if spread or particle or about:
        hedge, start = "exact", m.start("cur" if m.group("cur") else "num")
        head = sentence[max(0, start - _WINDOW):start]
    # "7.6 and 7.5 magnitude quakes", "5 or 6 miles": the first number shares the second's unit
    shared = sentence[m.end():m.end() + _WINDOW] if end < m.end() else tail

    # identifiers, list numbering, phone numbers, glued codes ("4x4", "G20", "CN-235", "Tower 22")
    before_num = sentence[max(0, m.start("num") - _WINDOW):m.start("num")]
    before_hyphen = _HYPHEN_BEFORE_RE.search(before_num)
    magnitude_head = _MAGNITUDE_HEAD_RE.search(before_num)
    # "a Category 3 storm", "Category-4 hurricane": how strong the storm was, no label
    category = _CATEGORY_HEAD_RE.search(before_num) if _speaks_of(_STORMS_RE, sentence) else None
    dash = (before_hyphen and num_text[0].isalpha() and (word := before_hyphen.group("word"))
            and word.islower() and _plural(word))  # "three bank workers-two women and a man-were killed"
    if before_hyphen and not (magnitude_head or category or dash) or _CODE_BEFORE_RE.search(before_num):
        return None
    if (is_digits and not m.group("hedge") and not m.group("cur") and not m.group("damaged") and not magnitude_head
            and not category
            and (name := _NAME_BEFORE_RE.search(head)) and name.group("word").lower() not in NOT_NAMES
            and not name.group("word").endswith(("'s", "’s"))  # "He's 16", "Iraq's 18 provinces": no label
            and name.group("word").lower() not in FIRST_WORDS  # "Two 17-year-old boys": a count, no name
            and not _PERIODS_AGO_RE.match(tail)):  # "the Gaza Strip 11 days ago", "Gets 15 Years": no label
        return None
    if (tail[:1] in "-–/:" and tail[1:2].isdigit() or _FRACTION_RE.match(tail) or _BY_RE.match(tail)
            or is_digits and _AREA_CODE_RE.match(tail)
            or _PHONE_BEFORE_RE.search(head) and not ((noun := _WORD_RE.match(tail)) and _plural(noun["w"].lower()))
            or num_text in _EMERGENCY_NUMBERS
            or is_digits and not m.group("hedge") and _ID_BEFORE_RE.search(head)):
        return None  # "555-1234", "9/11", "two-thirds", "four-by-four", "called 911" (not "called 23 witnesses")
    nxt = _WORD_RE.match(tail) if is_digits else None
    if is_digits and (nxt and nxt.group("w")[0].isupper() or _ORDINAL_AFTER_RE.match(tail)) and any(
            w.lower().rstrip(".") in _STREET for w in CONTENT_RE.findall(tail[:40].split(",")[0])[:4]):
        return None  # an address: "505 LaGuardia Place", "473 East 55th Street", "33325 8th Ave."
    if (nxt and _HOUSE_NUMBER_RE.fullmatch(num_text) and _AT_ADDRESS_RE.search(head)
            and nxt.group("w")[0].isupper() and not _plural(nxt.group("w").lower())):
        return None  # a house number and its street's name: "the house at 102 Zelmer", "Location: 2630 Waldron"
    if is_digits and (block := _BLOCK_RE.match(tail)) and (
            block["of"] and not block["plural"] or value >= 100 and value % 100 == 0):
        return None  # an address to the hundred: "in the 2100 block of Alvin St.", "the 3300-block", "the 5000 blocks"
    if num_text[0].isupper() and num_text[1:].islower() and _WITHIN_SENTENCE_RE.search(head) and _names(tail):
        return None  # a number word capitalised within a sentence before a name's words: "the Ten Point Coalition",
        # "West Seven Mile Road", "Regional One Hospital"
    if is_digits and (_BROADCASTER_RE.match(tail) or _NEWSCAST_BEFORE_RE.search(head)):
        return None  # a station's name: "13 News will update this article", "told 7 Eyewitness News"; a newscast
    glued = _GLUED_RE.match(tail) if is_digits else None
    # "£35m to £45m", "between 5m and 7m": a range whose ends each carry the glued scale or unit ("3pc-4pc" is
    # read as a percentage's range)
    pair = (_glued_range(sentence, end, m.group("between")) if glued and low is None and not _PERCENT_RE.match(tail)
            else None)
    if pair:
        low, high = value, parse_number(pair.group("num2"))

    def make(kind, val, unit=None, stop=end, normalized=None, lo=low, hi=high, begin=start):
        if kind != "duration":
            lo, hi, _ = _hedged(val, lo, hi, hedge)
        return Mention(begin, stop, kind, val, lo, hi, hedge, unit, normalized=normalized)

    if category:
        return make("measure", value, "category", begin=m.start("num") - len(before_num) + category.start()), []

    # a blood-alcohol concentration: "a blood-alcohol level of 0.12", "0.12 percent"
    if is_digits and value < 0.5 and "." in num_text and _speaks_of(_ALCOHOL_RE, sentence):
        return make("measure", value, "BAC", end + (p.end() if (p := _PERCENT_RE.match(tail)) else 0)), []
    # percent, and a proportion as one ("one in five adults" is 20%)
    if low is None and (ratio := _RATIO_RE.match(sentence, end)) and not _year(ratio.group("den")) and not (
            _DURATION_TAIL_RE.match(sentence, ratio.end()) or _MEASURE_TAIL_RE.match(sentence, ratio.end())):
        whole = parse_number(ratio.group("den"))
        if 1 < whole <= 1000 and 0 < value < whole:
            return make("percent", _percent(value, whole), "%", ratio.end()), []
    if p := _PERCENT_RE.match(tail):
        second = _percent_range(sentence, end, bool(m.group("between"))) if low is None else None
        upper = parse_number(second.group("num2")) if second else None
        if upper is not None and upper >= value:  # "by 51.6% to 48.4%": two figures
            return make("percent", value, "%", second.end(), lo=value, hi=upper), []
        return make("percent", value, "%", end + p.end()), []
    # money: a currency sign before, or a currency word after ("2 mn-euro", "$2.6m", "110 billion euros")
    scale = SUFFIX_SCALES.get(glued.group(0).lower()) if glued else None
    mt = None if m.group("cur") else _MONEY_TAIL_RE.match(tail)
    if mt and (mt.group("cur").lower() in _WEIGHT_OR_MONEY and not (mt.group("sfx") or _SUM_SCALE_RE.search(num_text))
               or mt.group("cur").lower() in _HUNDREDTHS and mt.group("cur")[0].isupper()):
        mt = None  # "200 pounds", "a 200-pound man" ("200 pounds sterling" is money); "50 Cent", a rapper
    stop = pair.end() if pair else end + glued.end() if glued else end  # after the glued scale or unit
    if m.group("cur") or m.group("damaged") or mt:
        if mt:
            code, scale = _CURRENCIES[mt.group("cur").lower()], SUFFIX_SCALES.get((mt.group("sfx") or "").lower())
            if mt.group("cur").lower() in _HUNDREDTHS:
                scale = (scale or 1) / 100
            stop = end + mt.end()
        else:
            code = _CURRENCIES[m.group("cur").lower()] if m.group("cur") else None
            stop = stop if scale else end
        factor = scale or 1
        return make("money", _num(value * factor), code, stop, lo=_scaled(low, factor), hi=_scaled(high, factor)), []
    rest = sentence[stop:stop + _WINDOW]
    if glued and (factor := SUFFIX_SCALES.get(glued.group(0).lower())):
        if (counted := noun_phrase(rest))[0] and counted[0][-1].lower() in lexicon.unit_classes():
            # "2.3m cars", "6.4m viewers": a count in millions, not metres, when what follows is a counted noun
            return _count(m, start, stop, _num(value * factor), _scaled(low, factor), _scaled(high, factor), hedge,
                          head, rest, counted, counts)
        if mu := _MEASURE_TAIL_RE.match(rest):  # "4.3m acres", "1.7m hectares": millions of a unit, not metres
            shown, pint_unit = _MEASURE_UNITS[mu.group("unit").lower().replace("-", " ")]
            return make("measure", _num(value * factor), shown, stop + mu.end(), _canonical(value * factor, pint_unit),
                        lo=_scaled(low, factor), hi=_scaled(high, factor)), []
    # "46C", "114.8F" where the sentence speaks of heat or cold
    heat = _GLUED_TEMPERATURES.get(glued.group(0).lower()) if glued and _speaks_of(_WEATHER_RE, sentence) else None
    if glued and not heat and not _MEASURE_TAIL_RE.match(tail) and not _DURATION_TAIL_RE.match(tail):
        return None  # "4x4", "2nd", "1990s": not a quantity we read
    # measures: ages, magnitudes, lengths, speeds...
    if a := _AGE_TAIL_RE.match(tail):
        return make("measure", value, "years old", end + a.end()), []
    if is_digits and end < m.end() and _AGE_TAIL_RE.match(shared):  # "were 13 | and 19 years old": two ages
        return make("measure", value, "years old"), []
    if is_digits and low is None and (pair := _SUSPENDED_AGE_RE.match(tail)):  # "11- and 12-year-old boys"
        lo, hi = sorted((value, parse_number(pair.group("num2"))))
        return make("measure", value, "years old", end + pair.end(), lo=lo, hi=hi), []
    def age(one_person: bool, begin: int = start):
        """A group's ages are one range ("children ages 11 to 15"), as is an estimate ("the girl was 13 or
        14"); one person's ages from X to Y bound a period of his life ("from age 16 to 19 he boxed"): two
        facts, the first here, the second read next."""
        if one_person and low is not None and (m.group("conn") or "").strip().lower() != "or":
            return make("measure", value, "years old", m.end("num"), lo=None, hi=None, begin=begin), []
        return make("measure", value, "years old", begin=begin), []

    if m.group("ages"):  # "between the ages of 17 and 25", "between age 17 and 25"
        one_person = "ages" not in m.group("ages").lower()
        return age(one_person, m.start("ages") if one_person and low is not None else start)
    if hedge == "exact" and value < 120 and (bound := _AGE_BOUND_RE.search(head)):  # not "older than 2010"
        below = (bound["cmp"] or bound["limit"]).lower() in ("younger", "under", "below")
        hedge = "less-than" if below else "more-than"
        return age(True, start - len(head) + bound.start())
    if age_head := _AGE_HEAD_RE.search(head):
        return age(age_head.group(0).split()[0].lower() == "age", start - len(head) + age_head.start())
    if is_digits and value < 120 and (
            _DIED_AT_RE.search(head) and (not _word_after(tail) or _AND_NEXT_RE.match(tail)
                                          or _AGE_AFTER_RE.match(tail))
            or (_APPOSITION_RE.search(head) or _WHO_WAS_RE.search(head)) and _APPOSITION_END_RE.match(tail)
            or _THE_APPOSITION_RE.search(head) and _APPOSITION_CLOSE_RE.match(tail)
            or hedge == "exact" and _TURNED_RE.search(head) and not (  # "turned 3 cars over" counts cars
                (noun := _WORD_RE.match(tail)) and _plural(noun.group("w").lower()))):
        return age(True)
    if (mu := _MEASURE_TAIL_RE.match(shared)) and shared is not tail and not _AGO_RE.match(shared, mu.end()):
        shown, pint_unit = _MEASURE_UNITS[mu.group("unit").lower().replace("-", " ")]
        return make("measure", value, shown, normalized=_canonical(value, pint_unit)), []
    if (magnitude_head and not _MEASURE_TAIL_RE.match(tail) or _RICHTER_RE.match(shared)
            or "." in num_text and 1 <= value < 10 and _QUAKE_TAIL_RE.match(shared)):
        begin = m.start("num") - len(before_num) + magnitude_head.start() if magnitude_head else start
        return make("measure", value, "magnitude", begin=min(begin, start)), []
    if (mu := _MEASURE_TAIL_RE.match(tail)) and not _AGO_RE.match(tail, mu.end()) or heat:
        shown, pint_unit = _MEASURE_UNITS[mu.group("unit").lower().replace("-", " ")] if mu else heat
        stop = stop if glued else end + mu.end()
        if shown in _CALIBERS and num_text.isdigit():
            value = _caliber(num_text)
        begin = start
        if shown in _TEMPERATURES and low is None and (minus := _MINUS_RE.search(head)):
            # "-5 °C", "minus 5 degrees Celsius": only a temperature falls below zero
            value, begin = -value, start - len(head) + minus.start("sign")
        return make("measure", value, shown, stop, _canonical(value, pint_unit), begin=begin), []
    # durations ("eleven months", "two-decade-long", "a 12-year sentence"); "two years ago" is a date, but
    # with no date to count back from (an undated article) what it states is the time elapsed ("12 days ago")
    if du := _DURATION_TAIL_RE.match(tail):
        ago = _ELAPSED_RE.match(tail, du.end())
        designator, factor = _DURATIONS[du.group("unit").lower()]
        # "N years old" the age grammar did not read ("10 months old" is the age a "10-month-old" is, read
        # below); "(Published 19 minutes ago)": a timestamp
        if _OLD_RE.match(tail, du.end()) and designator == "Y" or ago and designator.startswith("T"):
            return None
        iso = _iso_duration(value * factor, designator)
        lo = _iso_duration(low * factor, designator) if low is not None else None
        hi = _iso_duration(high * factor, designator) if high is not None else None
        return make("duration", iso, DURATION_UNITS[designator], end + (ago or du).end(), lo=lo, hi=hi), []
    # a bare year ("the 2008 agreement", "reminiscent of 2014")
    np_words, np_end = noun_phrase(tail)
    if _year(num_text) and hedge == "exact" and low is None and (lexicon.unit_class(
            np_words[-1] if np_words else None) not in set(lexicon.unit_classes().values())
            or DETERMINER_RE.search(head) and np_words and not _plural_noun(np_words[-1].lower())):
        return make("date", num_text), []  # "the 1990 toll": a determiner and one thing, so no count
    # hyphenated counts ("two-phase", "300-seat")
    if (hy := _HYPHEN_TAIL_RE.match(tail)) and hy.group("word").lower() not in STOP:
        unit = hy.group("word").lower()
        return make("count", value, "person" if unit in _MEMBERSHIP else unit, end + hy.end()), [hy.group("word")]
    return _count(m, start, end, value, low, high, hedge, head, tail, (np_words, np_end), counts)


def _count(m, start, end, value, low, high, hedge, head, tail, np, counts):
    """A count: its unit is a casualty word when the number is killed/injured, else the counted noun."""
    num_text = m.group("num")
    is_word = num_text[0].isalpha()
    np_words, np_end = np
    if not np_words and (number_of := _NUMBER_OF_RE.match(tail)):
        tail = tail[number_of.end():]
        np_words, np_end = noun_phrase(tail)
    elif not np_words and (number_of := _NUMBER_OF_HEAD_RE.search(head)):
        tail = number_of["counted"]
        np_words, np_end = noun_phrase(tail)
    if np_words and all(w[0].isupper() for w in np_words) and not _plural_noun(np_words[-1]) and (
            co := _COORDINATED_NP_RE.match(tail, np_end)):
        # "One Australian and one English climber": the head is shared; not by "23 Thais and two Russian women"
        later, _ = noun_phrase(tail[co.end():])
        if later and later[-1][0].islower():
            np_words = np_words + later[-1:]
    if not np_words and _THERE_WERE_RE.search(head) and (members := _MEMBERS_OF_RE.match(tail, np_end)):
        np_words, _ = noun_phrase(tail[members.end():])  # "There were four in the climbing party"
    partitive = _PARTITIVE_RE.match(tail)
    if PARENT_OF_RE.search(head) and not partitive:  # "a father of three died", "mother of two sons": children
        unit = _unit_phrase(np_words) if any(w.lower() not in _CASUALTY for w in np_words) else "children"
        return Mention(start, end, "count", value, *_hedged(value, low, high, hedge), unit), np_words
    whole = None
    if partitive and not np_words:  # "148 of the 300 seats": the whole's noun, past its figure
        whole = _FIGURE_RE.match(tail, partitive.end())
        np_words, _ = noun_phrase(tail[whole.end() if whole else partitive.end():])
        if not np_words and (part_is := _PART_IS_RE.match(tail, partitive.end())):
            named, _ = noun_phrase(tail[part_is.end():])  # a noun or a toll, not a state ("were stolen")
            np_words = named if named and (named[-1].lower() in _CASUALTY or _plural_noun(named[-1].lower())) else []
        if num_text.lower() == "one":
            return None
    casualty, before = suffered(tail, np_words, np_end), _CASUALTY_BEFORE_RE.search(head)
    own = np_words and np_words[-1].lower() in _CASUALTY  # "24 dead": the number's own word decides
    if before and (not casualty or not own and tail[np_end:].lstrip().startswith(",")):
        casualty = before.group("cas").split()[0]  # "killing at least 10 people, injuring dozens more"
        if hedge == "exact" and before.group("cas").lower().endswith(("passed", "passes")):
            hedge = "more-than"  # "the death toll passed 100": a toll is passed on its way up
    np_head = next((w for w in reversed(np_words) if w.lower() not in _CASUALTY), None)
    hit = None if np_words else _SHOT_RE.match(tail, np_end)
    if hit and value == 1 and not (hit["aux"] or hit["found"]) and hit["verb"].lower() == "shot":
        np_words, np_head, hit = [hit["verb"]], hit["verb"], None  # "fired one shot": the noun
    # people hurt: shot or stabbed ("Four were shot"), or in a hospital's condition ("One is in critical condition")
    hurt = hit and not _has_object(tail, hit.end(), hit["verb"]) or not np_words and _IN_CONDITION_RE.match(tail)
    if casualty:
        unit = lexicon.unit_class(casualty)
    elif np_head and np_head.lower() not in ("others", "other", "more"):
        unit = _unit_phrase(np_words)
    elif (noun_of := _NOUN_OF_RE.search(head)) and noun_of.group("noun") not in _NOT_NOUNS_OF:
        unit = noun_of.group("noun")  # "a population of 120,000", "a crowd of 70"; not "seven of 10"
    else:  # ellipsis: "2,500 troops in Iraq, alongside 900 in Syria"; "40 others"; "six children were killed
        # and 14 trapped": the noun counted before, even where its unit is the casualty word
        classes = _PERSON_CLASSES if np_head else None  # "others" are more of the people counted before
        nouns = (_elided(c, words) for c, words in reversed(counts[-_LOOKBACK:]))
        unit = next((u for u in nouns if u and (classes is None or lexicon.unit_class(u) in classes)), None)
        unit = unit or ("people" if np_head or hurt else None)
    if num_text.lower() == "one" and np_words and not casualty and _ATTRIBUTION_RE.match(tail, np_end):
        return None  # "One report said": a source named, not a count
    if is_word and not (np_head or casualty or hedge != "exact" or low is not None or unit and counts or whole
                        or _PART_OF_RE.search(head) or hurt or value > 1 and _SUBJECT_OF_RE.match(tail)):
        # "three" on its own, with nothing counted before it: a pronoun or an idiom ("five of the six" counts)
        return None
    # a figure written with a decimal point among quakes is a magnitude, "4.0" too ("four aftershocks of around
    # 4.0"); not one scaled ("some 1.5 million were without power")
    if _DECIMAL_RE.fullmatch(num_text) and (unit is None or unit in _QUAKES) and _speaks_of(_QUAKE_WORDS_RE, m.string):
        return Mention(start, end, "measure", value, *_hedged(value, low, high, hedge), "magnitude"), []
    return Mention(start, end, "count", value, *_hedged(value, low, high, hedge), unit), np_words


def _noun_range(m: re.Match, sentence: str, counts) -> tuple[Mention, list[str]] | None:
    """A range whose counted noun follows its first number, the second sharing it: "grew from 30 people to
    100" is 30..100 people as "from 30 to 100 people" is; falling ("from 100 people to 30") only the figure it
    ends on, as "from 100 to 30 people" is. Not a casualty ("rose from 3 dead to 10": a former toll), nor
    a second number with a noun of its own ("from 40 countries to 2 cities")."""
    first = QUANTITY_RE.match(sentence, m.start("num"))
    result = _quantity(first, sentence, counts) if first else None
    if result is None or result[0].kind != "count" or not result[1] or result[0].unit in _CASUALTY_CLASSES:
        return None
    mention, np_words = result
    second = _SECOND_OF_RANGE_RE.match(sentence, mention.end + noun_phrase(sentence[mention.end:])[1])
    if (not second or (second.group("conn").lower() == "and") != (m.group("between").lower() == "between")
            or noun_phrase(sentence[second.end():])[0]):
        return None
    high = parse_number(second.group("num2"))
    if high <= mention.value:
        return mention._replace(start=second.start("num2"), end=second.end(), value=high, low=None, high=None,
                                hedge="exact"), np_words
    return mention._replace(start=m.start(), end=second.end(), low=mention.value, high=high), np_words


def suffered(tail: str, np_words: list[str], np_end: int) -> str | None:
    """The casualty word that says the counted suffered it: ending their noun phrase ("24 dead", "five
    people killed in the blast"), after it ("were killed"), or after the phrase it is coordinated with
    ("two women and a man died") or past an aside ("three people, a man and two women, were killed").
    Not one with an object after it: "two officers fatally wounded the boy", "three gunmen killed two
    people" count who did it."""
    if np_words and np_words[-1].lower() in _CASUALTY:
        if _wound_kind(np_words):
            return None  # "two gunshot wounds": wounds one body took, not two people hurt
        return None if _has_object(tail, np_end, np_words[-1]) else np_words[-1]
    if found := _CASUALTY_AFTER_RE.match(tail, np_end):
        return None if _has_object(tail, found.end(), found.group("cas")) else found.group("cas")
    if co := _COORDINATED_NP_RE.match(tail, np_end):
        later, later_end = noun_phrase(tail[co.end():])
        return suffered(tail, later, co.end() + later_end) if later else None
    if np_words and (aside := _ASIDE_RE.match(tail, np_end)):  # "three people, one of them a woman, were killed"
        return suffered(tail, [], aside.end())
    return None


def _has_object(tail: str, end: int, verb: str) -> bool:
    """Does an object follow the verb ending at `end`? In a headline every word is capitalised ("Six People
    Wounded View Full Caption"), so there a capital names no one. An adverb's object follows the verb it
    qualifies ("two officers fatally shot the teenager")."""
    if verb.lower().endswith("ly") and (qualified := _NEXT_WORD_RE.match(tail, end)):
        end = qualified.end()
    found = _OBJECT_RE.match(tail, end)
    return bool(found) and not (verb[0].isupper() and found.group(0).lstrip()[0].isupper())


@lru_cache(maxsize=4)
def _speaks_of(words: re.Pattern, sentence: str) -> bool:
    """Whether a sentence names quakes, storms...: asked by every number in it, so answered once, since
    rescanning a sentence of thousands of numbers for each of them was quadratic (40 KB took minutes)."""
    return words.search(sentence) is not None


def _share(numerator: str | None, fraction: str | None) -> float | None:
    """A part of a whole as a percentage: "two", "thirds" -> 66.7; "a", "quarter" -> 25."""
    if fraction is None:
        return None
    count = 1 if numerator is None or numerator.lower() in ("a", "an") else parse_number(numerator)
    return _percent(count, _FRACTIONS[fraction.lower()])


def _percent(part: float, whole: float) -> float:
    """A proportion as a percentage to one decimal, as a reporter writes it ("one in 12" is 8.3%)."""
    return _num(round(100 * part / whole, 1))


def _elided(count: Mention, np_words: list[str]) -> str | None:
    """The noun a later count may leave out: the one this count counted ("children" of "six children
    were killed"), or its unit where that is no casualty class."""
    if any(w.lower() not in _CASUALTY for w in np_words):
        return _unit_phrase(np_words)
    return count.unit if count.unit not in _CASUALTY_CLASSES else None


def _glued_range(sentence: str, end: int, opened: str | None) -> re.Match | None:
    """The second end of a range whose first number at `end` has a glued scale, which the second
    repeats: "£35m | to £45m", "$2bn-3bn"; "and" only after "between" (`opened`): "$1m and $4m" are two."""
    glued = _GLUED_RE.match(sentence, end)
    pair = _GLUED_RANGE_RE.match(sentence, glued.end()) if glued else None
    if not pair or pair.group("sfx").lower() != glued.group(0).lower():
        return None
    return pair if pair.group("conn").strip() != "and" or (opened or "").lower() == "between" else None


def _percent_range(sentence: str, end: int, between: bool) -> re.Match | None:
    """The second percentage of a range whose first ends at `end`: "40 percent | to 70 percent"; with
    "and" only after "between" ("fell 3% and 2%" are two figures)."""
    first = _PERCENT_RE.match(sentence, end)
    second = _PERCENT_RANGE_RE.match(sentence, first.end()) if first else None
    return second if second and (between or second.group("conn").lower() != "and") else None


def _height(m: re.Match, sentence: str) -> Mention | None:
    """Feet and inches as one length in inches: "5 feet 10 inches" is 70 in, never 5 ft and a stray count of 10.
    Without an inch mark only joined tight ("5-foot-10", "5 feet 10 and 180 pounds") or said to be tall ("5'11
    tall"): "20 feet, 3 of them" and "5 feet 10 times" are other figures."""
    feet, inches = parse_number(m.group("feet")), parse_number(m.group("inches"))
    join = m.group("join") or ""
    if not 1 <= feet < 100 or inches >= 12 or not m.group("mark") and not _TALL_RE.match(sentence, m.end()) and (
            "," in join or noun_phrase(sentence[m.end():])[0] or _DIGIT_AFTER_RE.match(sentence, m.end())):
        return None
    total = feet * 12 + inches
    hedge = lexicon.hedge(m.group("hedge"))
    return Mention(m.start(), m.end(), "measure", total, *_hedged(total, None, None, hedge), "in",
                   normalized=_canonical(total, _MEASURE_UNITS["inches"][1]))


def _height_range(sentence: str, first: Mention, second: Mention) -> Mention | None:
    """Two heights as one range, rising, joined by "to", or by "and" after "between" or "from"."""
    link = _HEIGHT_TO_RE.fullmatch(sentence, first.end, second.start)
    opening = link and _HEIGHT_FROM_RE.search(sentence, max(0, first.start - _WINDOW), first.start)
    if not (link and (opening or link.group("to")) and second.value > first.value):
        return None
    return first._replace(start=opening.start() if opening else first.start, end=second.end,
                          low=first.value, high=second.value)


def _caliber(digits: str) -> float:
    """A caliber is in hundredths or thousandths of an inch as its digits run: "38-caliber" is .38, ".357" .357."""
    return int(digits) / 10 ** len(digits)


def _hedged(value, low, high, hedge):
    """Bounds implied by a hedge: "at least 4" -> low 4; "up to 30" -> high 30."""
    if low is None and high is None:
        if hedge in OPEN_ABOVE:
            low = value
        elif hedge in OPEN_BELOW:
            high = value
    return low, high, hedge


def _year(token: str | None) -> bool:
    return bool(token) and token.isdigit() and len(token) == 4 and _FIRST_YEAR <= int(token) <= _LAST_YEAR


def _scaled(value, factor: float):
    """A range's end times the scale its figures are written in (millions, billions); None stays None."""
    return None if value is None else _num(value * factor)


def _num(value):
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 6)


def _word_after(tail: str) -> bool:
    """Is the number directly followed by a word, joined or not ("6-months pregnant"), a foot's mark
    ("around 6' and 200 pounds"), a fraction ("4 ½-feet") or a degree ("40°C"), so that it counts or measures
    something?"""
    return bool(re.match(r"\s+[a-z]|-[a-z]|['’′](?!\w)|\s*[½¼¾⅓⅔°]", tail))


def _iso_duration(amount: float, designator: str) -> str:
    amount = _num(amount)
    return f"PT{amount}{designator[1]}" if designator.startswith("T") else f"P{amount}{designator}"


@cache
def _units():
    """The pint registry, built on first use only (it takes a while)."""
    import pint

    return pint.UnitRegistry()


def _canonical(value, pint_unit: str | None) -> dict | None:
    """The comparable form of a measure: lengths in km, speeds in km/h, masses in kg, to six significant digits
    (four decimals of a km made a height of 1.778 m 0.0018 km, as 1.803 m is)."""
    if pint_unit is None:
        return None
    ureg = _units()
    quantity = ureg.Quantity(float(value), pint_unit)
    target = _MEASURES["canonical"].get(str(quantity.dimensionality))
    if target is None:
        return None
    converted = quantity.to(target)
    return {"value": float(f"{converted.magnitude:.6g}"), "unit": target.replace(" ", "")}


def _tally(first: str, second: str, tail: str) -> bool:
    """Whether two bare digit groups joined by a dash (no hedge, sum or age before) are a tally, a code or
    a number, not a range: no noun follows them ("went 41-41 last season", "call 555-0142", "on 1-75
    near") or a tally's does ("a 9-14 start", "a 41-41 record"); "15-20 people" and "10-12 shots" are ranges."""
    if not (first.isdigit() and second.isdigit()):
        return False
    words = noun_phrase(tail)[0]
    return not words or words[-1].lower() in _TALLIES


def noun_phrase(tail: str) -> tuple[list[str], int]:
    """The words of the noun phrase a number counts: "2,500 | American troops stationed in" ->
    ["American", "troops"]. Stops at function words, punctuation, participles and adverbs."""
    words, pos = [], 0
    if age := _AGE_COMPOUND_RE.match(tail):  # "two 17-year-old boys" count boys; "two 17-year-olds" people
        if age.group("olds"):
            return ["year-olds"], age.end()
        pos = age.end()
    for _ in range(7):  # "two Brooklyn South Anti Crime plainclothes officers": names before the head
        w = _WORD_RE.match(tail, pos)
        if not w or (words and "\n" in tail[pos:w.start("w")]):
            break
        word, low = w.group("w"), w.group("w").lower()
        if "-" in word and _dash(low, tail[w.end():]):  # "men-all cousins-died": a dash written as a hyphen ends it
            word, low = word.split("-")[0], low.split("-")[0]
            words.append(word)
            pos = w.start("w") + len(word)
            break
        if not words and low in _MORE and (nxt := _WORD_RE.match(tail, w.end())) and nxt.group("w").lower() not in STOP:
            pos = w.end()  # "20 more people": the people are what is counted
            continue
        if _GALLERY_LABEL_RE.match(tail, w.start("w")):
            break  # a gallery's credit or counter starts: "crime incidents: 6 | Photo: ...", "45 | Image 22 of 44"
        if _PLACE_TITLE_RE.match(tail, w.start("w")):
            words.append(word)  # "two St. Mary Parish sheriff's deputies": the counted noun comes after the name
            pos = w.end() + 1
            continue
        if low in _ADVERBS and (words or not _modifies(tail, w.end())):
            break  # "one gunman | inside the car", "at 7 | tonight"; not "three overnight shootings"
        if low in STOP or low in _VERBS or _clause_contraction(low) or _AGES_AFTER_RE.match(tail, w.start("w")) or (
                low.endswith("ly") and low not in lexicon.unit_classes() and low not in _LY_NOUNS):
            break
        if low in _CASUALTY and not (low in _CASUALTY_MODIFIERS and (nxt := _WORD_RE.match(tail, w.end()))
                                     and nxt.group("w").islower() and _plural_noun(nxt.group("w"))):
            words.append(word)
            pos = w.end()
            break
        if _common(word) and "-" not in word and low.endswith(("ed", "ing")) and low not in lexicon.unit_classes():
            nxt = _WORD_RE.match(tail, w.end())
            if words or not nxt or nxt.group("w").lower() in STOP:
                break  # a participle ("2,500 troops | stationed"), unless it modifies a noun ("one armed militant")
        words.append(word)
        pos = w.end()
        if _common(word) and _plural(low):
            nxt = _WORD_RE.match(tail, pos)
            following = nxt.group("w") if nxt and "\n" not in tail[pos:nxt.start("w")] else ""
            if not (following and _common(following) and _plural(following.lower())
                    and following.lower() not in _VERBS):
                break  # the head noun: "about 300 people | slept outdoors", "two plainclothes police officers | fired"
    return words, pos


def _names(tail: str) -> bool:
    """Do capitalised words after a number name something, ending in no plural nor a counted noun ("Ten | Point
    Coalition")? Not a headline's count: "Swearing In Two | New Police Officers", "Leaves One | Man Dead", "Family
    of Five | Found Dead"."""
    words = list(itertools.takewhile(lambda w: w[0].isupper(), noun_phrase(tail)[0]))
    return bool(words) and not _plural(last := words[-1].lower()) and last not in _NAMED_NOUNS


def _modifies(tail: str, end: int) -> bool:
    """Is the word ending at `end` a modifier, a lower-case content word after it ("three overnight | shootings")?"""
    nxt = _WORD_RE.match(tail, end)
    return bool(nxt) and nxt.group("w").islower() and nxt.group("w") not in STOP


def _common(word: str) -> bool:
    """Is `word` written as a common word: in lower case, or a long one in a line all in capitals ("TWO GROUPS
    STARTED FIGHTING" in a broadcast transcript), not an acronym ("two ISIS fighters")?"""
    return word[0].islower() or len(word) > 4 and word.isupper()


def _clause_contraction(word: str) -> bool:
    """Is `word` a function word with a verb contracted onto it ("that’s", "they've", "who'd"), which starts a
    clause after the noun ("the fifth location | that’s been wrapped"), not a possessive ("children's")?"""
    found = _CONTRACTION_RE.search(word)
    return bool(found) and (found["verb"] != "s" or word[:found.start()] in STOP)


def _dash(word: str, tail: str) -> bool:
    """Is the hyphen in `word` a dash after the head noun ("people-remained", "men-all"), not a compound
    modifier ("worst-hit", "clearly-marked", "two officer-involved | shootings": a participle before a noun)?"""
    head, rest = word.split("-")[:2]
    participle = rest.endswith("ed") and rest not in lexicon.unit_classes()
    nxt = _WORD_RE.match(tail)
    modifies = bool(nxt) and _common(nxt.group("w")) and _plural_noun(nxt.group("w").lower())
    clause_word = rest in STOP or rest in _VERBS or participle and not modifies
    return _plural(head) and clause_word


def _plural_noun(word: str) -> bool:
    """Is `word` written as a plural ("people", "tolls"), not merely a counted unit ("toll")?"""
    return word in _PLURALS or word.endswith("s") and not word.endswith(("ss", "ous")) and word not in _NOT_PLURALS


def _spreading(head: str) -> bool:
    """Whether the word before "over" and a span spreads something across it: a spreading verb ("spread",
    "payable"), a plural noun ("loans", "shootings", "14 hours") or a name within its sentence ("Chicago")."""
    word = (head.split() or [""])[-1].strip(",;:'\"")
    lower = word.lower()
    return lower not in STOP and bool(
        lower in _SPREADING or word[:1].isupper() and head.strip() != word or _plural_noun(lower))


def _plural(word: str) -> bool:
    """A plural, or a counted unit, that can end a counted noun phrase: short -s words ("bus", "gas")
    only when listed."""
    return word in lexicon.unit_classes() or _plural_noun(word) and (len(word) > 3 or word in _PLURALS)


def _wound_kind(words: list[str]) -> str | None:
    """The last two words when they are a unit of their own whose head is a casualty word ("two gunshot
    wounds", "a stab wound"), else None; not after a verb the counted suffered them by, which a headline's
    noun phrase may take in ("Three Suffer Gunshot Wounds" counts people)."""
    pair = " ".join(w.lower() for w in words[-2:])
    if len(words) < 2 or lexicon.unit_class(pair) in (pair, *_CASUALTY_CLASSES):
        return None
    return None if any(w.lower() in _WOUND_VERBS for w in words[:-2]) else pair


def _unit_phrase(words: list[str]) -> str:
    """The counted noun: the head, with its modifier when the pair is a known unit ("militia members",
    "gunshot wounds")."""
    if kind := _wound_kind(words):
        return kind
    nouns = [w for w in words if w.lower() not in _CASUALTY]
    head = nouns[-1].lower()
    if len(nouns) > 1 and f"{nouns[-2].lower()} {head}" in lexicon.unit_classes():
        return f"{nouns[-2].lower()} {head}"
    return head


def _ordinal(m: re.Match, sentence: str) -> Mention | None:
    """Ordinals that state a fact ("the third formal transition", "the 13th and 14th month bonus"), not labels
    ("first time")."""
    word = m.group("ord").lower()
    if word in ("first", "1st", "last") or _NUMERATOR_BEFORE_RE.search(sentence, max(0, m.start() - 6), m.start()):
        return None  # "one-third", "two-fifths": a part, not a rank
    words, end = noun_phrase(sentence[m.end():])
    if m.group("rank") and (w := _WORD_RE.match(sentence, m.end() + end)) and w.group("w").lower().endswith("ing"):
        words = [*words, w.group("w")]  # "the second deadliest (mass) shooting": after a superlative, a noun
    if not words and (co := _COORDINATED_ORDINAL_RE.match(sentence, m.end())):
        words, _ = noun_phrase(sentence[co.end():])
        words = [co.group("suffix"), *words] if co.group("suffix") else words  # "second and third-degree"
    if not m.group("rank"):  # "the second death": a casualty noun is what is ordered when nothing else is
        words = [w for w in words if w.lower() not in _CASUALTY] or [w for w in words if not w.endswith(("ed", "ing"))]
    if not words or not m.group("rank") and any(w.lower() in _ORDINAL_SKIP for w in words) or words[0][0].isupper():
        return None  # "the second half", "the Second World War"; but "the second largest city" ranks cities
    if words[-1].lower().rstrip(".") in _STREET or words[-1].lower().removesuffix("s") in _STREET:
        return None  # an address: "between 65th and 66th streets"
    return Mention(m.start(), m.end(), "ordinal", parse_ordinal(word), unit=" ".join(words).lower())
