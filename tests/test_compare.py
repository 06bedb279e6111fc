"""compare.align on hand-built claims tables: alignment, verdicts, explanations, timeline.

Independent of extraction: every case states its claims' fields directly (tests/cases/compare/align.yml).
"""
from pathlib import Path

import pandas as pd
import pytest
import yaml

from checker import compare, core
from checker.claims import Claim

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "compare" / "align.yml").read_text(encoding="utf-8"))
FIELDS = ["id", *Claim.__dataclass_fields__, "published", "sentence_start"]


def table(claims: list[dict]) -> pd.DataFrame:
    """A claims table as core.check builds it, from partial claim dicts."""
    rows = []
    for n, claim in enumerate(claims, 1):
        sentence = claim["sentence"]
        assert claim["text"] in sentence, claim
        start = claim.get("start", sentence.index(claim["text"]))  # a "start" of its own: a text written twice
        row = {"id": f"c{n}", "start": start, "end": start + len(claim["text"]), "kind": "count",
               "hedge": "exact", "year_inferred": False, "sentence_start": 0, **claim}
        rows.append({f: row.get(f) for f in FIELDS})
    return pd.DataFrame(rows, columns=FIELDS)


def scored(claims: pd.DataFrame) -> tuple[dict, dict]:
    """Signed rows as align scores their pairs (context weights, no first-pass facts), and the IDF."""
    rows = compare.signatures(claims)
    return rows, compare._weigh(rows)


def count(source: str, text: str, value: float, unit: str, sentence: str, **fields) -> dict:
    """A count claim for `table`: source, words, value, counted noun and sentence, and any other field."""
    return {"source": source, "text": text, "value": value, "unit": unit, "sentence": sentence, **fields}


def day(source: str, text: str, value: str | None, sentence: str, **fields) -> dict:
    """A date claim for `table`: source, words, value and sentence, and any other field a case sets."""
    return {"source": source, "text": text, "kind": "date", "value": value, "sentence": sentence, **fields}


def partition(clusters: list[compare.Cluster]) -> dict[tuple[int, ...], str]:
    """{claim indices (0-based) of each multi-claim cluster: status}."""
    return {tuple(int(c[1:]) - 1 for c in k.claims): k.status for k in clusters if len(k.claims) > 1}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_alignment_and_verdict(case):
    clusters, _ = compare.align(table(case["claims"]), tolerance=case.get("tolerance", 0.05))
    want = {tuple(c["claims"]): c["status"] for c in case["clusters"]}
    assert partition(clusters) == want
    assert sorted(c for k in clusters for c in k.claims) == sorted(f"c{n}" for n in range(1, len(case["claims"]) + 1))
    for k in clusters:
        if len(k.claims) == 1:
            assert k.status == "single-source"


def test_every_case_table_has_each_status():
    statuses = {c["status"] for case in CASES for c in case["clusters"]}
    assert statuses == {"agreement", "discrepancy"}
    assert any(not case["clusters"] for case in CASES)


def test_explanation_says_which_source_says_what():
    claims = table([
        {"source": "003_x.txt", "text": "three", "value": 3, "unit": "soldiers", "published": "2024-01-29",
         "sentence": "The drone attack on Tower 22 in Jordan killed three US soldiers."},
        {"source": "006_y.txt", "text": "four", "value": 4, "unit": "soldiers", "published": "2024-02-03",
         "sentence": "The drone attack on Tower 22 in Jordan killed four US soldiers."},
    ])
    (cluster,), _ = compare.align(claims)
    assert cluster.status == "discrepancy"
    assert cluster.explanation.startswith("sources disagree: 003 says 3 soldiers killed; 006 says 4 soldiers killed")
    assert "the later source (006, 2024-02-03) reports more than 003 (2024-01-29)" in cluster.explanation


def toll(source: str, text: str, value: int, published: str, sentence: str, **fields) -> dict:
    """A count of people killed for `table`, as an article of that day states it."""
    return {"source": source, "text": text, "value": value, "unit": "people", "published": published,
            "sentence": sentence, **fields}



@pytest.mark.parametrize("claims, growth", [
    pytest.param([toll("a.txt", "five", 5, "2013-07-03", "The earthquake in Aceh province killed five people."),
                  toll("b.txt", "24", 24, "2013-07-02", "The earthquake in Aceh province killed 24 people.")],
                 None, id="published earlier and larger: no growth"),
    pytest.param([toll("a.txt", "11", 11, "2016-10-09", "Storm Delia kills 11 people in Carvania."),
                  toll("b.txt", "At least 11", 11, "2016-10-09", "At least 11 people died as Storm Delia battered "
                       "Carvania.", low=11, hedge="at-least"),
                  toll("c.txt", "14", 14, "2016-10-10", "The death toll from Storm Delia in Carvania rose to 14 "
                       "people on Sunday.")],
                 "the later source (c, 2016-10-10) reports more than a (2016-10-09)",
                 id="'at least 11' published first is evidence for 11, not any number"),
    pytest.param([toll("a.txt", "62", 62, "2025-03-03", "The plane crashed shortly after takeoff from Velmora, "
                       "killing 62 people."),
                  toll("b.txt", "63", 63, "2025-03-04", "The plane that crashed after takeoff from Velmora killed "
                       "63 people."),
                  toll("c.txt", "At least 60", 60, "2025-03-02", "At least 60 people were killed when a plane "
                       "crashed near Velmora.", low=60, hedge="at-least")],
                 "the later source (b, 2025-03-04) reports more than a (2025-03-03)",
                 id="'at least 60' allows 63: the total grew from the 62 it contradicts"),
])
def test_a_running_total_grows_from_an_earlier_figure_it_contradicts(claims, growth):
    (cluster,), _ = compare.align(table(claims))
    assert cluster.status == "discrepancy"
    if growth:
        assert growth in cluster.explanation
    else:
        assert "later source" not in cluster.explanation


@pytest.mark.parametrize("sentence, text, event", [
    # the object of a verb of its own clause that names no event takes no other clause's event
    ("The storm hit on Saturday, killing 11 people and forcing about 40,000 from their homes.", "about 40,000", ""),
    # "including" names a part of the toll before it
    ("The storm killed 11 people, including four children, on Saturday.", "four", "killed"),
    # a whole a fronted partitive tells a part of is not the part's
    ("Of the 475 people aboard, 179 have been rescued.", "475", ""),
    # the people of a place are those living there, not those the sentence's event met
    ("In Korvat district, home to some 100,000 people, 24 people have died.", "some 100,000", ""),
    ("In Selma, a city of 80,000 people, 12 people have died.", "80,000", ""),
    ("In Selma, 12 of the 80,000 people have died.", "12", "killed"),
])
def test_a_count_a_verb_of_its_own_clause_governs_takes_no_other_clauses_event(sentence, text, event):
    rows, _ = scored(table([{"source": "a.txt", "text": text, "value": 1, "unit": "people", "sentence": sentence}]))
    assert rows[0]["event"] == event


@pytest.mark.parametrize("sentence, text, unit, event", [
    # a count that opens a conjunct has its verb after it, past a compound noun
    ("At least 11 people have died and about 1,500 homes and businesses have been destroyed.", "about 1,500",
     "homes", "destroyed"),
    ("Two people were hurt and 40 cars and vans were damaged in the blast.", "40", "cars", "damaged"),
    # its own clause's verb still comes first
    ("Two people were killed and 40 homes were damaged.", "40", "homes", "damaged"),
])
def test_a_count_that_opens_a_conjunct_takes_the_verb_after_it(sentence, text, unit, event):
    rows, _ = scored(table([{"source": "a.txt", "text": text, "value": 1, "unit": unit, "sentence": sentence}]))
    assert rows[0]["event"] == event


@pytest.mark.parametrize("sentence, text, event", [
    # a date in a clause since, until or because opens dates that clause's event, not the main clause's
    ("The fire has destroyed 1,500 structures since it broke out on Sunday night.", "on Sunday night", ""),
    ("He was jailed because he broke his curfew on Tuesday.", "on Tuesday", ""),
    ("The fire has destroyed 1,500 structures since it erupted on Sunday night.", "on Sunday night", ""),
    # "when" makes its clause's day the main clause's
    ("He was arrested when police found him on Tuesday.", "on Tuesday", "arrested"),
])
def test_a_date_in_a_clause_that_names_no_event_dates_not_the_main_clause(sentence, text, event):
    rows, _ = scored(table([day("a.txt", text, "2017-10-08", sentence)]))
    assert rows[0]["event"] == event


def test_an_articles_one_caliber_or_depth_is_its_sole_figure_of_it_a_magnitude_is_not():
    """A story's gun has one caliber and its quake one depth: each article's only one earns the sole
    bonus, as its only count of bombs does; its only magnitude does not (a quake and its aftershock),
    nor its only distance (from which town?)."""
    rows, _ = scored(table([
        {"source": "a.txt", "text": ".38 caliber", "kind": "measure", "value": 0.38, "unit": "caliber",
         "sentence": "A loaded .38 caliber revolver was recovered at the scene."},
        {"source": "b.txt", "text": ".357", "kind": "measure", "value": 0.357, "unit": "caliber",
         "sentence": "He pointed a .357 revolver at them, police said."},
        {"source": "b.txt", "text": "magnitude 5.9", "kind": "measure", "value": 5.9, "unit": "magnitude",
         "sentence": "A magnitude 5.9 quake struck the island."},
        {"source": "b.txt", "text": "six miles", "kind": "measure", "value": 6, "unit": "miles",
         "normalized": {"value": 9.6561, "unit": "km"},
         "sentence": "Scientists say the rupture was just six miles below the surface."},
        {"source": "b.txt", "text": "24 miles", "kind": "measure", "value": 24, "unit": "miles",
         "normalized": {"value": 38.6243, "unit": "km"}, "sentence": "The epicentre was 24 miles from Dervan."},
    ]))
    assert [rows[n]["sole"] for n in range(5)] == [True, True, False, True, False]


@pytest.mark.parametrize("sentence, text, doer", [
    ("The toll rose to nine, with 287 people still missing, the coast guard said.", "287", False),
    ("He got into a confrontation with two officers near the station.", "two", True),
])
def test_with_names_whom_a_deed_met_unless_a_toll_is_told_alongside(sentence, text, doer):
    rows, _ = scored(table([{"source": "a.txt", "text": text, "value": 1, "unit": "people", "sentence": sentence}]))
    assert rows[0]["doer"] is doer


def test_single_source_and_agreement_explanations():
    claims = table([
        {"source": "a.txt", "text": "approximately 2,500", "value": 2500, "hedge": "approx", "unit": "troops",
         "sentence": "There are approximately 2,500 American troops stationed in Iraq."},
        {"source": "b.txt", "text": "2,500", "value": 2500, "unit": "troops",
         "sentence": "The US keeps 2,500 troops stationed in Iraq."},
        {"source": "b.txt", "text": "900", "value": 900, "unit": "buses",
         "sentence": "The city runs 900 buses."},
    ])
    clusters, _ = compare.align(claims)
    assert [k.explanation for k in clusters] == ["2 sources agree: a says ~2,500 troops; b says 2,500 troops",
                                                 "only b says 900 buses"]


def test_a_sentence_printed_many_times_is_one_claims_evidence():
    """A caption repeated down a scraped gallery: its copies neither crowd out the words it shares
    with the other article (so the discrepancy is still found) nor stay apart from each other."""
    sentence = "The fire at the harbour warehouse killed 12 workers, the fire chief said."
    at = sentence.index("12")
    copies = [{"source": "a.txt", "text": "12", "value": 12, "unit": "killed", "sentence": sentence,
               "start": n * (len(sentence) + 1) + at, "end": n * (len(sentence) + 1) + at + 2} for n in range(80)]
    claims = table([*copies, {"source": "b.txt", "text": "14", "value": 14, "unit": "killed",
                              "sentence": "The fire at the harbour warehouse killed 14 workers, officials said."}])
    clusters, _ = compare.align(claims)
    assert partition(clusters) == {tuple(range(81)): "discrepancy"}


def test_explanations_say_durations_in_words_and_name_an_event_once():
    claims = table([
        {"source": "a.txt", "text": "about 15 seconds", "kind": "duration", "value": "PT15S", "hedge": "approx",
         "unit": "seconds", "sentence": "The quake lasted about 15 seconds, residents said."},
        {"source": "b.txt", "text": "at least four", "value": 4, "low": 4, "hedge": "at-least", "unit": "aftershocks",
         "sentence": "The quake was followed by at least four aftershocks."},
    ])
    clusters, _ = compare.align(claims)
    assert [k.explanation for k in clusters] == ["only a says ~15 seconds", "only b says >=4 aftershocks"]


@pytest.mark.parametrize("kind, unit, text, sentence, explanation", [
    ("measure", "category", "Category {}", "Hurricane Nadia made landfall near Port Halvern as a Category {} storm.",
     "sources disagree: a says Category 3; b says Category 4"),
    ("percent", "%", "{}%", "The jobless rate in Carvania was {}% in September, the statistics office said.",
     "sources disagree: a says 3%; b says 4%"),
])
def test_an_explanation_writes_a_unit_where_a_reader_would(kind, unit, text, sentence, explanation):
    """A storm's category before its figure, a percent sign against it."""
    claims = table([
        {"source": source, "text": text.format(value), "kind": kind, "value": value, "unit": unit,
         "sentence": sentence.format(value)}
        for source, value in (("a.txt", 3), ("b.txt", 4))
    ])
    (cluster,) = compare.align(claims)[0]
    assert cluster.explanation == explanation


def test_a_figure_restated_in_brackets_is_explained_as_one_figure():
    sentence = "The quake struck about 58km (36 miles) southwest of the city of Bandar Abbas."
    claims = table([
        {"source": "a.txt", "text": "about 58km", "kind": "measure", "value": 58, "hedge": "approx", "unit": "km",
         "normalized": {"value": 58.0, "unit": "km"}, "sentence": sentence},
        {"source": "a.txt", "text": "36 miles", "kind": "measure", "value": 36, "unit": "miles",
         "normalized": {"value": 57.9364, "unit": "km"}, "sentence": sentence},
        {"source": "b.txt", "text": "35 miles", "kind": "measure", "value": 35, "unit": "miles",
         "normalized": {"value": 56.327, "unit": "km"},
         "sentence": "The quake struck 35 miles southwest of the city of Bandar Abbas, the survey said."},
    ])
    (cluster,) = compare.align(claims)[0]
    assert cluster.explanation == "2 sources agree: a says ~58 km (36 miles); b says 35 miles"


def test_late_one_night_and_early_the_next_morning_agree_and_say_why():
    clusters, _ = compare.align(table([
        {"source": "a.txt", "text": "late Sunday", "kind": "date", "value": "2017-01-01", "year_inferred": True,
         "published": "2017-01-02", "sentence": "A gas station clerk on Route 9 was robbed at gunpoint late Sunday."},
        {"source": "b.txt", "text": "early Monday", "kind": "date", "value": "2017-01-02", "year_inferred": True,
         "published": "2017-01-02", "sentence": "A clerk at a Route 9 gas station was robbed at gunpoint early Monday."},
    ]))
    assert partition(clusters) == {(0, 1): "agreement"}
    assert clusters[0].explanation.endswith(
        "which an event near midnight allows (“late Tuesday night” is early Wednesday)")


def test_dates_a_day_apart_agree_only_through_relative_words_and_say_so():
    claims = table([
        {"source": "a.txt", "text": "today", "kind": "date", "value": "2013-03-11", "year_inferred": True,
         "sentence": "Hundreds of people marched in East Flatbush today after the vigil."},
        {"source": "b.txt", "text": "on Tuesday", "kind": "date", "value": "2013-03-12", "year_inferred": True,
         "sentence": "Hundreds of people marched in East Flatbush on Tuesday after the vigil."},
        {"source": "a.txt", "text": "last summer", "kind": "date", "value": None, "low": "2012-06-01",
         "high": "2012-08-31", "year_inferred": True, "sentence": "The store opened last summer."},
    ])
    clusters, _ = compare.align(claims)
    march, summer = clusters
    assert march.status == "agreement" and march.explanation.endswith("which words like “today” or “tonight” allow "
                                                                       "in articles filed in another time zone or overnight")
    assert summer.explanation == "only a says “last summer” (2012-06-01/2012-08-31)"  # as stated, no slack


def test_explanations_name_sources_whose_short_names_collide_in_full():
    sentence = "The fire at the warehouse killed {} workers on Monday."
    claims = table([{"source": source, "text": str(n), "value": n, "unit": "workers", "sentence": sentence.format(n)}
                    for source, n in (("ap/story.txt", 12), ("reuters/story.txt", 14), ("003_wire.txt", 14))])
    (cluster,) = compare.align(claims)[0]
    assert cluster.explanation == ("sources disagree: ap/story.txt says 12 workers killed; reuters/story.txt says "
                                   "14 workers killed; 003 says 14 workers killed")


def test_timeline_orders_dated_events_with_sources_and_status():
    claims = table([
        {"source": "a.txt", "text": "on January 28", "kind": "date", "value": "2024-01-28",
         "sentence": "The drone attack on Tower 22 in Jordan on January 28 killed three US soldiers."},
        {"source": "b.txt", "text": "on January 27", "kind": "date", "value": "2024-01-27",
         "sentence": "Three US soldiers were killed in the drone attack on Tower 22 in Jordan on January 27."},
        {"source": "b.txt", "text": "end of 2021", "kind": "date", "value": None, "low": "2021-10-01",
         "high": "2021-12-31", "sentence": "The combat mission ended at the end of 2021."},
        {"source": "a.txt", "text": "Published: 2024-01-30", "kind": "date", "value": "2024-01-30",
         "sentence": "Published: 2024-01-30"},
        {"source": "a.txt", "text": "three", "value": 3, "unit": "soldiers",
         "sentence": "The drone attack on Tower 22 in Jordan on January 28 killed three US soldiers."},
    ])
    _, timeline = compare.align(claims)
    assert [(e.date, e.status, e.sources) for e in timeline] == [
        ("2021-10-01/2021-12-31", "single-source", ("b.txt",)),
        ("2024-01-28", "discrepancy", ("a.txt", "b.txt")),
    ]
    assert set(timeline[1].claims) == {"c1", "c2"}
    assert "Tower 22" in timeline[1].event


def test_a_timeline_event_is_told_in_the_words_around_its_own_mention():
    """A sentence that writes its day twice: the event is what the words around this mention say."""
    sentence = "The fair opened on Sunday, 3 May, and, as on every Sunday, the gates closed at dusk."
    claims = table([day("a.txt", "Sunday", "2026-05-03", sentence, start=sentence.rindex("Sunday"))])
    _, (event,) = compare.align(claims)
    assert event.event == "3 May, and, as on every … , the gates closed at dusk"


def test_year_less_dates_compare_on_month_and_day():
    claims = table([
        {"source": "a.txt", "text": "on January 4", "kind": "date", "value": "--01-04",
         "sentence": "The US drone strike in Baghdad on January 4 killed a militia commander."},
        {"source": "b.txt", "text": "January 4, 2024", "kind": "date", "value": "2024-01-04",
         "sentence": "A US drone strike in Baghdad killed a militia commander on January 4, 2024."},
    ])
    (cluster,), _ = compare.align(claims)
    assert cluster.status == "agreement"


def test_linkage_takes_each_pair_of_articles_at_its_best_matching_mentions():
    """Cluster A holds article a's headline and a passing, differently worded mention of the figure;
    cluster B article b's headline. The weak mention does not outvote a's headline, a veto still does."""
    rows = {0: {"source": "a"}, 1: {"source": "a"}, 2: {"source": "b"}}
    scores = {(0, 2): 0.9, (1, 2): 0.1}
    assert compare._linkage(rows, [0, 1], [2], lambda x, y: scores[(x, y)]) == 0.9
    scores[(1, 2)] = float("-inf")
    assert compare._linkage(rows, [0, 1], [2], lambda x, y: scores[(x, y)]) == float("-inf")


def test_agreeing_figures_need_a_little_less_evidence_than_disputing_ones():
    """At a score just under the threshold, two sources giving one figure join; a third giving
    another figure on the same evidence does not make it a discrepancy."""
    weights = compare.Weights()
    score = weights.threshold - weights.agreeing / 2
    rows = {n: {"source": src, "span": span, "figure": span, "context": frozenset({"quake"}), "names": (),
                "facts": frozenset()}
            for n, (src, span) in enumerate((("a", (5.0, 5.0)), ("b", (5.0, 5.0)), ("c", (7.0, 7.0))))}
    scores = {(0, 1): score, (0, 2): score, (1, 2): score}
    assert compare._cluster(rows, [0, 1, 2], {}, weights, scores) == [[0, 1], [2]]


FRIDAY = "Hamas released 24 hostages on Friday, among them 13 Israelis, on the first day of the truce."
MONDAY = "On Monday alone, 11 Israelis, among them nine children, came out in exchange for 33 prisoners."
SATURDAY = "Officials said on Saturday that the quake had killed 820 people."
TUESDAY = "Officials said on Tuesday that the quake had killed 2,946 people."
ONE_FACT_CASES = [
    pytest.param([  # scored though no word is shared: the figure as written, whatever its hedge
        {"source": "a.txt", "text": "about 1,500 feet", "kind": "measure", "value": 1500, "hedge": "approx",
         "unit": "feet", "normalized": {"value": 0.4572, "unit": "km"},
         "sentence": "The aircraft had climbed to about 1,500 feet when its engines lost power, the airline said."},
        {"source": "b.txt", "text": "1,500 feet", "kind": "measure", "value": 1500, "unit": "feet",
         "normalized": {"value": 0.4572, "unit": "km"},
         "sentence": "The jet reached an altitude of 1,500 feet before it began to fall, a witness said."},
    ], {(0, 1): "agreement"}, id="one figure hedged differently"),
    pytest.param([  # one past day in clauses of one kind of event
        day("a.txt", "on May 28", "2025-05-28", "Hackers had stolen the details of 4.2 million customers in a "
            "cyberattack discovered on May 28.", published="2025-06-12"),
        day("b.txt", "on 28 May", "2025-05-28", "The attack was detected on 28 May, but customers were only "
            "told on Wednesday.", published="2025-06-12"),
    ], {(0, 1): "agreement"}, id="a cyberattack is an attack"),
    pytest.param([  # an article with no date was written when the story's others were: 1960 is long past for it too
        day("a.txt", "since 1960", "1960", "It is the deadliest quake in the country since 1960, when a tremor "
            "destroyed the coastal city of Port Alder.", published="2023-09-09", hedge="at-least"),
        day("b.txt", "1960", "1960", "A shopkeeper said he had lived through the 1960 quake as a child."),
        day("c.txt", "on Friday", "2023-09-08", "The quake struck on Friday night.", published="2023-09-10"),
    ], {(0, 1): "agreement"}, id="a past year in an undated article"),
    pytest.param([
        count("a.txt", "180", 180, "passengers", "The Selene was licensed to carry 180 passengers, a port official "
              "said."),
        count("b.txt", "212", 212, "passengers", "The coast guard said 212 passengers and crew were on board the "
              "Selene."),
        count("c.txt", "209", 209, "passengers", "The Selene had 209 passengers and crew on board, the coast guard "
              "said."),
    ], {(1, 2): "discrepancy"}, id="what a vessel may hold is no count of those aboard"),
    pytest.param([  # nouns that count one kind of thing: machines are devices, boxes containers, nations countries
        count("a.txt", "8.5 million", 8500000, "devices", "The faulty update crashed 8.5 million Windows devices, "
              "Microsoft said."),
        count("b.txt", "8.5 million", 8500000, "machines", "Microsoft estimates the update crashed 8.5 million "
              "machines running Windows."),
        count("a.txt", "200", 200, "trucks", "Israel agreed to let 200 trucks of aid enter Gaza each day."),
        count("b.txt", "200", 200, "lorries", "Under the deal, 200 lorries carrying food and fuel will cross daily."),
    ], {(0, 1): "agreement", (2, 3): "agreement"}, id="synonyms of a counted noun"),
    pytest.param([  # counts of a day each are not one fact misreported (a toll is: it grows, `_later`)
        count("a.txt", "13", 13, "Israelis", FRIDAY, published="2023-11-24"),
        day("a.txt", "on Friday", "2023-11-24", FRIDAY, published="2023-11-24", year_inferred=True),
        count("b.txt", "11", 11, "Israelis", MONDAY, published="2023-11-28"),
        day("b.txt", "On Monday", "2023-11-27", MONDAY, published="2023-11-28", year_inferred=True),
        count("a.txt", "820", 820, "killed", SATURDAY, published="2023-11-24"),
        day("a.txt", "on Saturday", "2023-11-18", SATURDAY, published="2023-11-24", year_inferred=True),
        count("b.txt", "2,946", 2946, "killed", TUESDAY, published="2023-11-28"),
        day("b.txt", "on Tuesday", "2023-11-21", TUESDAY, published="2023-11-28", year_inferred=True),
    ], {(4, 6): "discrepancy"}, id="counts of other days"),
    pytest.param([  # a population misread as a toll is no rival of the toll
        count("a.txt", "22", 22, "people", "Most cases were in Korvat district, where 22 people have died of cholera."),
        count("b.txt", "100,000", 100000, "people", "In Korvat district, where 100,000 people live, many have died of "
              "cholera."),
    ], {}, id="figures a hundred times apart are no one fact"),
    pytest.param([  # a span in months against one in days: months are as long as the calendar or a sentence has them
        count("a.txt", "90 days", "P90D", "days", "Judge Ruiz sentenced Delane to 90 days in jail for violating his "
              "probation.", kind="duration"),
        count("b.txt", "three months", "P3M", "months", "Delane will spend three months behind bars after violating "
              "his probation, a judge ruled.", kind="duration"),
        count("c.txt", "six months", "P6M", "months", "He must also complete six months of residential rehab.",
              kind="duration"),
        count("a.txt", "180 days", "P180D", "days", "Delane must also spend 180 days in a residential rehab program.",
              kind="duration"),
    ], {(0, 1): "agreement", (2, 3): "agreement"}, id="three months are 90 days"),
    pytest.param([  # the figure before a change is another fact than the figure now
        count("a.txt", "67%", 67, "%", "Turnout was 67%, down from 72% in the 2020 election.", kind="percent"),
        count("a.txt", "72%", 72, "%", "Turnout was 67%, down from 72% in the 2020 election.", kind="percent"),
        count("b.txt", "Roughly two-thirds", 66.7, "%", "Roughly two-thirds of eligible voters cast ballots, the "
              "commission said.", kind="percent", hedge="approx"),
        count("c.txt", "71 percent", 71, "%", "Turnout reached 71 percent, the commission said.", kind="percent"),
    ], {(0, 2, 3): "discrepancy"}, id="a former figure is no rival of the figure now"),
    pytest.param([  # so is a figure taken back, unless a correction comes between
        count("a.txt", "11", 11, "years old", "Police initially said the boy was 11, his family said.", kind="measure"),
        count("b.txt", "12", 12, "years old", "The boy, 12, died at the hospital, police said.", kind="measure"),
        count("c.txt", "12", 12, "years old", "Police initially said the boy was 11, but later said the boy was 12.",
              kind="measure"),
    ], {(1, 2): "agreement"}, id="a figure taken back is no rival of the figure now"),
    pytest.param([  # what must be reached is no rival of what was
        count("a.txt", "52.4%", 52.4, "%", "Marren won 52.4% of the vote in Sunday's election.", kind="percent"),
        count("b.txt", "more than 50 percent", 50, "%", "A candidate needed more than 50 percent of the vote to avoid "
              "a runoff.", kind="percent", hedge="more-than", low=50),
        count("c.txt", "148", 148, "seats", "Marren's party won 148 seats, short of the 151 needed for a majority."),
        count("c.txt", "151", 151, "seats", "Marren's party won 148 seats, short of the 151 needed for a majority."),
        count("d.txt", "148", 148, "seats", "His party took 148 seats in the 300-member legislature."),
    ], {(2, 4): "agreement"}, id="a threshold is another fact"),
    pytest.param([  # to free hostages is to rescue them
        count("a.txt", "seventeen", 17, "hostages", "Sailors destroyed a pirate mother ship on Tuesday and rescued "
              "seventeen hostages, ending a 12-day ordeal."),
        count("b.txt", "19", 19, "hostages", "Five pirates were killed when a frigate sank their mother ship on "
              "Tuesday, freeing 19 hostages held aboard a hijacked carrier."),
    ], {(0, 1): "discrepancy"}, id="freed hostages are rescued"),
    pytest.param([  # whom a company employs are its employees, whatever the noun
        count("a.txt", "about 14,000", 14000, "people", "Brightwater employs about 14,000 people across 23 countries.",
              hedge="approx"),
        count("b.txt", "approximately 14,000", 14000, "workers", "Brightwater has approximately 14,000 workers, and "
              "1,200 positions would be cut.", hedge="approx"),
        count("c.txt", "more than 18,000", 18000, "employees", "Brightwater, which has more than 18,000 employees, has "
              "struggled with rising labor costs.", hedge="more-than", low=18000),
    ], {(0, 1, 2): "discrepancy"}, id="a company's staff however named"),
    pytest.param([  # bank workers killed and employees killed are one kind of people
        count("a.txt", "Three", 3, "workers", "Three bank workers were killed when protesters set the bank on fire."),
        count("b.txt", "Three", 3, "employees", "Three employees of the bank died in the fire, police said."),
    ], {(0, 1): "agreement"}, id="the people a toll counts by their class"),
    pytest.param([  # a story's one blood-alcohol reading, however worded; the legal limit is no reading
        count("a.txt", "0.12", 0.12, "BAC", "Tests showed a blood-alcohol level of 0.12, well above the legal limit "
              "of 0.08.", kind="measure"),
        count("a.txt", "0.08", 0.08, "BAC", "Tests showed a blood-alcohol level of 0.12, well above the legal limit "
              "of 0.08.", kind="measure"),
        count("b.txt", "0.12 percent", 0.12, "BAC", "Her blood-alcohol content was 0.12 percent.", kind="measure"),
        count("c.txt", "0.14", 0.14, "BAC", "Her blood-alcohol level was measured at 0.14, the judge noted.",
              kind="measure"),
    ], {(0, 2, 3): "discrepancy"}, id="blood alcohol"),
    pytest.param([  # what prosecutors asked for is not what the judge ordered
        count("a.txt", "six months", "P6M", "months", "Delane must complete six months of residential rehab.",
              kind="duration"),
        count("b.txt", "180 days", "P180D", "days", "Prosecutors had asked for 180 days in jail.", kind="duration"),
        count("c.txt", "180 days", "P180D", "days", "Delane must spend 180 days in a residential rehab program.",
              kind="duration"),
    ], {(0, 2): "agreement"}, id="a request is another fact"),
    pytest.param([  # a count of charges is a charge, not the trial's
        count("a.txt", "14", 14, "counts", "A jury convicted Hale in January on 14 counts, including racketeering."),
        count("b.txt", "14", 14, "charges", "The former mayor was found guilty in January of 14 charges after a trial "
              "lasting five weeks."),
    ], {(0, 1): "agreement"}, id="counts and charges whatever verb tells them"),
    pytest.param([  # the year that dates a span may be its start or its end
        count("a.txt", "about twelve years", "P12Y", "years", "Marlow quit the band in 2019 after about twelve years "
              "behind the drums.", kind="duration", hedge="approx"),
        day("a.txt", "in 2019", "2019", "Marlow quit the band in 2019 after about twelve years behind the drums."),
        count("b.txt", "twelve years", "P12Y", "years", "He played drums for the band for twelve years, from 2007.",
              kind="duration"),
        day("b.txt", "from 2007", "2007", "He played drums for the band for twelve years, from 2007."),
    ], {(0, 2): "agreement"}, id="a span dated by its end and by its start"),
    pytest.param([  # a time given again in another zone is as rough as the time it converts
        {"source": "a.txt", "text": "at about 9:40 a.m.", "kind": "time", "value": "09:40", "hedge": "approx",
         "sentence": "The shooting began at about 9:40 a.m. (1540 GMT), police said."},
        {"source": "a.txt", "text": "1540 GMT", "kind": "time", "value": "15:40", "unit": "GMT",
         "sentence": "The shooting began at about 9:40 a.m. (1540 GMT), police said."},
        {"source": "b.txt", "text": "at 9:42 a.m.", "kind": "time", "value": "09:42",
         "sentence": "Police said the shooting began at 9:42 a.m. inside the office."},
    ], {(0, 1, 2): "agreement"}, id="a conversion's hedge"),
]


COURT = {  # an invented story: two headlines agree, the bodies with a third source do not
    "01_wire.txt": (
        'date 2025-04-17\n'
        'Former mayor jailed for 12 years over bribery scheme\n'
        'BRENTHAM (Wire) - Former Brentham mayor Victor Hale was sentenced on Thursday to 12 years in '
        'prison for taking $2.4 million in bribes from contractors during his eight years in office.\n'
        'Judge Amara Lin also ordered Hale, 61, to pay a $500,000 fine and forfeit his lakeside home.\n'
        'A jury convicted Hale in January on 14 counts, including racketeering and wire fraud, after a '
        'six-week trial.\n'
        "Prosecutors had asked for 15 years. Hale's lawyers said he would appeal.\n"
    ),
    "02_paper.txt": (
        'date 2025-04-18\n'
        "Hale gets 12 years as judge cites 'breathtaking greed'\n"
        'Victor Hale, who led Brentham from 2014 to 2022, will spend the next 12 years behind bars after '
        'a judge on Thursday called his corruption "breathtaking."\n'
        'The 60-year-old former mayor was found guilty in January of 14 charges after a trial lasting '
        'five weeks. Prosecutors said he pocketed about $2.5 million in kickbacks.\n'
        'He was also fined $500,000.\n'
        'Prosecutors had sought a 15-year term.\n'
    ),
    "03_tv.txt": (
        'date 2025-04-17\n'
        'Ex-mayor Hale sentenced\n'
        'A judge sentenced former Brentham mayor Victor Hale to 10 years in federal prison on Thursday.\n'
        'Hale, 61, was convicted of 14 corruption counts in January.\n'
        'He must report to prison by June 2.\n'
    ),
}


def test_a_span_an_articles_headline_and_lead_both_give_is_its_one_word_on_the_fact(tmp_path):
    """"jailed for 12 years" over "sentenced on Thursday to 12 years": the headline joins its lead's
    fact, and with it the third source's 10 years, not only the other headline."""
    for name, text in COURT.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = core.check([tmp_path])
    claims = {c["id"]: c for c in report.to_records()["claims"]}
    (fact,) = [k for k in report.to_records()["clusters"] if any(claims[i]["text"] == "10 years" for i in k["claims"])]
    assert [claims[i]["source"] for i in fact["claims"]].count("01_wire.txt") == 2
    assert fact["status"] == "discrepancy"


@pytest.mark.parametrize("claims, facts", ONE_FACT_CASES)
def test_which_claims_state_one_fact(claims, facts):
    assert partition(compare.align(table(claims))[0]) == facts


@pytest.mark.parametrize("first, second, noun, other", [
    (day("a.txt", "Aug. 31", "2021-08-31", "Western nations raced to finish a chaotic evacuation before an Aug. 31 "
         "deadline."),
     day("b.txt", "Aug. 31", "2021-08-31", "The drawdown of troops had begun ahead of the Aug. 31 deadline."),
     "deadline", "flight"),
    (count("a.txt", "four-day", "P4D", "days", "Hostages were freed on the first day of a four-day truce in Gaza.",
           kind="duration"),
     count("b.txt", "four-day", "P4D", "days", "Crowds gathered as the four-day truce held into its second night.",
           kind="duration"),
     "truce", "visit"),
    (count("a.txt", "three days", "P3D", "days", "The palace declared three days of national mourning.",
           kind="duration"),
     count("b.txt", "three days", "P3D", "days", "The government declared three days of national mourning from "
           "Saturday, and flags flew at half-mast.", kind="duration"),
     "mourning", "celebration"),
    (count("a.txt", "12 years", "P12Y", "years", "He was sentenced to 12 years in prison.", kind="duration"),
     count("b.txt", "12 years", "P12Y", "years", "Imposing a sentence of 12 years, the judge spoke of his crimes.",
           kind="duration"),
     "sentence", "career"),
])
def test_a_day_or_span_modifying_one_noun_names_one_thing(first, second, noun, other):
    """"an Aug. 31 deadline", "the Aug. 31 deadline": articles naming a thing by its day or its length name one
    fact, though their sentences share little else ("a sentence of 12 years", "sentenced to 12 years"); the same
    day of another thing ("the Aug. 31 flight") does not earn it. Long articles give the news day in many
    sentences, so the day alone is weak evidence there."""
    elsewhere = {**second, "sentence": second["sentence"].replace(noun, other)}
    rows = compare.signatures(table([first, second, elsewhere]))
    idf, weights = compare._weigh(rows), compare.Weights()
    same, apart = (compare._pair(rows[0], rows[n], idf, weights) for n in (1, 2))
    assert same - apart > weights.same_event


def test_figures_in_conflict_must_look_like_one_fact_themselves_not_only_through_a_vague_third():
    """"around 2:15 a.m." (a) and "around 2:45 a.m." (c) each match "after 2 a.m." (b) well and each
    other hardly: b's slack bridges them into one fact only if a and c look alike on their own."""
    weights = compare.Weights()
    rows = {n: {"source": src, "span": span, "figure": span, "context": frozenset({"shot"}), "names": (),
                "facts": frozenset()}
            for n, (src, span) in enumerate((("a", (135.0, 135.0)), ("b", (120.0, 180.0)), ("c", (165.0, 165.0))))}
    scores = {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.1}
    assert compare._cluster(rows, [0, 1, 2], {}, weights, dict(scores)) == [[0, 1], [2]]
    scores[(0, 2)] = weights.threshold / 2
    assert compare._cluster(rows, [0, 1, 2], {}, weights, dict(scores)) == [[0, 1, 2]]


def test_an_articles_restatements_join_before_other_articles_are_weighed():
    """Headline and lead give one figure; another article matches the headline well and the lead not
    at all. Joined first, the two mentions meet the other article at the headline's best."""
    rows = {n: {"source": src, "lead": True, "span": (5.0, 5.0), "figure": "5", "context": frozenset({"quake"}),
                "names": (), "facts": frozenset()} for n, src in enumerate(("a", "a", "b"))}
    scores = {(0, 1): 0.7, (0, 2): 0.9, (1, 2): 0.0}
    assert compare._cluster(rows, [0, 1, 2], {}, compare.Weights(), scores) == [[0, 1, 2]]


def test_a_figure_left_alone_that_restates_its_articles_figure_joins_that_fact():
    """An article's restatement, worded unlike other articles, joins the fact its headline is in,
    unless a claim there vetoes it; a figure that restates nothing stays alone."""
    claims = table([
        {"source": "a.txt", "text": "Five", "value": 5, "unit": "dead",
         "sentence": "Five dead, dozens injured in Indonesia quake"},
        {"source": "b.txt", "text": "five", "value": 5, "unit": "people",
         "sentence": "The quake killed five people and injured dozens in Aceh province."},
        {"source": "a.txt", "text": "Five", "value": 5, "unit": "people",
         "sentence": "Five people had so far been confirmed dead in the quake, an official told AFP."},
        {"source": "b.txt", "text": "five", "value": 5, "unit": "people",
         "sentence": "Rescuers said five people were injured when a wall fell."},
    ])
    rows, idf = scored(claims)
    weights = compare.Weights()
    restates = compare._pair(rows[0], rows[2], idf, weights)
    assert restates >= weights.same_source
    assert compare._restatements(rows, [[0, 1], [2], [3]], idf, weights, {(0, 2): restates}) == [[0, 1, 2], [3]]
    assert compare._restatements(rows, [[0, 1], [2], [3]], idf, weights, {(0, 2): None}) == [[0, 1], [2], [3]]
    # were b's injured said to restate its toll, the headline's dead would still veto them
    assert compare._pair(rows[0], rows[3], idf, weights) == float("-inf")
    assert compare._restatements(rows, [[0, 1], [2], [3]], idf, weights, {(1, 3): 0.7}) == [[0, 1], [2], [3]]


def test_a_restatement_that_would_disagree_where_its_figure_agrees_stays_alone():
    """"2,500" restates "About 2,500", which agrees with another article's "2,600"; the exact
    figure would not, so it says more than the figure it restates and is left out."""
    claims = table([{"source": source, "text": text, "value": value, "hedge": hedge, "unit": "troops",
                     "sentence": sentence} for source, text, value, hedge, sentence in (
        ("a.txt", "About 2,500", 2500, "approx", "About 2,500 US troops remain in Iraq"),
        ("b.txt", "2,600", 2600, "exact", "The United States keeps 2,600 troops in Iraq."),
        ("a.txt", "2,500", 2500, "exact", "The Pentagon says the 2,500 troops advise Iraqi forces."),
    )])
    rows, idf = scored(claims)
    weights = compare.Weights()
    assert compare._restatements(rows, [[0, 1], [2]], idf, weights, {(0, 2): weights.same_source}) == [[0, 1], [2]]
    rows[2]["span"] = rows[0]["span"]  # read as rough as the figure it restates, it says no more than that one
    assert compare._restatements(rows, [[0, 1], [2]], idf, weights, {(0, 2): weights.same_source}) == [[0, 1, 2]]


def test_days_of_the_news_week_two_or_more_apart_as_written_are_two_events_not_one_misdated():
    """The truce's first exchange on Friday and its third on Sunday; a shooting on Tuesday or on Monday is one
    event that one article misdates ("Sunday night" reaches into Monday: the days as written count)."""
    rows, idf = scored(table([
        day("a.txt", "on Friday", "2023-11-24", "Hamas released 24 hostages on Friday, the first of the exchanges.",
            published="2023-11-24", year_inferred=True),
        day("b.txt", "On Sunday night", "2023-11-26", "On Sunday night a third group of hostages was released by "
            "Hamas.", low="2023-11-26", high="2023-11-27", published="2023-11-27", year_inferred=True),
        day("a.txt", "on Tuesday", "2023-11-21", "The shooting happened on Tuesday, police said.",
            published="2023-11-24", year_inferred=True),
        day("b.txt", "on Monday", "2023-11-20", "Police said the shooting happened on Monday.",
            published="2023-11-27", year_inferred=True),
    ]))
    weights = compare.Weights()
    assert compare._pair(rows[0], rows[1], idf, weights) == float("-inf")
    assert compare._pair(rows[2], rows[3], idf, weights) > float("-inf")


def test_distances_from_one_named_place_are_one_fact_from_two_places_two():
    """Nor are the distances of two places from one city ("In Amizmiz, 55 km south-west of Marrakech")."""
    def km(source, text, value, sentence):
        return {"source": source, "text": text, "kind": "measure", "value": value, "unit": "km",
                "normalized": {"value": value, "unit": "km"}, "sentence": sentence}
    clusters, _ = compare.align(table([
        km("a.txt", "40 km", 40, "The plant, 40 km from the Libyan border, produces a tenth of the gas."),
        km("b.txt", "60 kilometres", 60, "The gunmen stormed the facility, some 60 kilometres from the Libyan "
           "frontier."),
        km("c.txt", "1,300 km", 1300, "The plant lies about 1,300 km south-east of Algiers, near the border."),
        km("a.txt", "55 km", 55, "In Amizmiz, 55 km south-west of Marrakech, the old kasbah has collapsed."),
        km("b.txt", "72 km", 72, "The quake's epicentre was 72 km southwest of Marrakech, the USGS said."),
    ]))
    assert partition(clusters) == {(0, 1): "discrepancy"}


def test_copied_wording_counts_for_a_pair_and_hours_apart_times_stay_apart():
    """A run of content words two sentences share (wire copy) is evidence of one fact; not for times
    hours apart in boilerplate ("struck at 7:48 a.m. local time ... the U.S. Geological Survey said")."""
    claims = table([
        {"source": "a.txt", "text": "one", "value": 1, "unit": "man",
         "sentence": "In a village in Bener Meriah district, one man was killed when a landslide engulfed a coffee "
                     "plantation, said disaster agency official Fauzi."},
        {"source": "b.txt", "text": "one", "value": 1, "unit": "man",
         "sentence": "In Suka Makmur village a landslide engulfed a coffee plantation, killing one man, said the "
                     "official who uses one name."},
        {"source": "a.txt", "text": "at 7:48 a.m. local time", "kind": "time", "value": "07:48", "unit": "local",
         "sentence": "The quake struck off the coast at 7:48 a.m. local time, 75 kilometers west of Manokwari, "
                     "the U.S. Geological Survey said."},
        {"source": "b.txt", "text": "at 4:43 a.m. local time", "kind": "time", "value": "04:43", "unit": "local",
         "sentence": "The first quake struck at 4:43 a.m. local time about 135 kilometers from Manokwari, "
                     "the U.S. Geological Survey said."},
    ])
    rows, idf = scored(claims)
    plain = compare.Weights(wording=0.0)
    assert rows[0]["wording"] & rows[1]["wording"]
    assert compare._pair(rows[0], rows[1], idf, compare.Weights()) == pytest.approx(
        compare._pair(rows[0], rows[1], idf, plain) + compare.Weights().wording)
    assert compare._pair(rows[2], rows[3], idf, compare.Weights()) == compare._pair(rows[2], rows[3], idf, plain)


@pytest.mark.parametrize("sentence, text, spoken", [
    ("Commissioner Ray Dalton said Tuesday that the shooting was within the guidelines.", "Tuesday", True),
    ("A witness told the Daily News on Tuesday that the youth had no gun.", "on Tuesday", True),
    ("Five people were confirmed dead, an official told AFP late Tuesday.", "late Tuesday", True),
    ("Police say he pointed a gun at officers on Saturday.", "on Saturday", False),
    ("Officials said the attack happened Tuesday.", "Tuesday", False),
    ("Officials said Tuesday's blast killed 12 people.", "Tuesday", False),
    ("The president denied the accusations in a statement Tuesday.", "Tuesday", True),
    ("The governor held a news conference on Tuesday about the refugees.", "on Tuesday", True),
    ("No one was in custody as of Tuesday morning, police said.", "as of Tuesday morning", True),
    ("The boy remained in critical condition Tuesday night after the shooting.", "Tuesday night", True),
    ("The boy remained in custody Tuesday on a charge of murder.", "Tuesday", True),  # a state names its event
    ("The boy remained hospitalized Tuesday after the shooting.", "Tuesday", True),
    ("Police identified on Tuesday a man gunned down in the shooting.", "on Tuesday", True),
    ("The victim was identified Tuesday as a 19-year-old from Elm Grove.", "Tuesday", True),
    ("That is according to a news release issued by police Tuesday afternoon.", "Tuesday afternoon", True),
    ("Police released surveillance video Tuesday of a man wanted in the robbery.", "Tuesday", True),
    ("Police released the names of the two officers on Tuesday.", "on Tuesday", True),
    ("The count of injured was revised Tuesday from nine to seven.", "Tuesday", True),  # a revision is said
    ("The county updated its figures on Tuesday evening.", "on Tuesday evening", True),
    ("The boy was released from the hospital Tuesday.", "Tuesday", False),  # a release of someone is an event
    ("He was released on bond Tuesday after his arrest.", "Tuesday", False),
])
def test_a_date_after_a_reporting_verb_is_the_day_it_was_said(sentence, text, spoken):
    (row,) = compare.signatures(table([{"source": "a.txt", "text": text, "kind": "date", "value": "2013-03-12",
                                        "sentence": sentence}])).values()
    assert row["spoken"] is spoken


def test_one_day_in_clauses_of_one_kind_of_event_is_evidence_of_one_fact():
    """A news day dates many events: "dropped bombs ... Thursday" and "Thursday's bombing" are one (their
    clauses name one kind of event), "said Thursday" and "bombed Thursday" are not helped."""
    rows, idf = scored(table([
        day("a.txt", "Thursday", "2011-11-10",
            "Planes dropped bombs on the refugee camp at Yida on Thursday afternoon."),
        day("b.txt", "Thursday", "2011-11-10",
            "Twelve people were killed in Thursday's bombing, the commissioner said."),
        day("c.txt", "Thursday", "2011-11-10",
            "The governor of Unity state spoke to reporters Thursday about the refugees."),
    ]))
    plain = compare.Weights(same_event=0.0)
    assert compare._pair(rows[0], rows[1], idf, compare.Weights()) == pytest.approx(
        compare._pair(rows[0], rows[1], idf, plain) + compare.Weights().same_event)
    assert compare._pair(rows[0], rows[2], idf, compare.Weights()) == compare._pair(rows[0], rows[2], idf, plain)


def test_a_past_year_and_a_day_in_it_in_clauses_of_one_kind_of_event_are_evidence_of_one_fact():
    """Years back, "convicted in 1997" and "a jury convicted him on July 25, 1997" date one event: a past
    year is no news day that dates many events."""
    rows, idf = scored(table([
        {"source": "a.txt", "text": "in 1997", "kind": "date", "value": "1997", "published": "2005-12-20",
         "sentence": "He was convicted of fraud in 1997 and sent to prison."},
        {"source": "b.txt", "text": "on July 25, 1997", "kind": "date", "value": "1997-07-25", "published": "2005-12-20",
         "sentence": "A jury convicted him on July 25, 1997, after three days of deliberations."},
    ]))
    plain = compare.Weights(same_event=0.0)
    assert compare._pair(rows[0], rows[1], idf, compare.Weights()) == pytest.approx(
        compare._pair(rows[0], rows[1], idf, plain) + compare.Weights().same_event)


def test_leads_share_a_news_day_only_as_written_not_through_the_slack_of_today():
    """"this morning" in a story filed on the 12th may mean the 11th or the 13th, so it meets both; but
    the lead bonus needs the days as written to meet: a Wednesday closure is not the shooting."""
    filed = {"year_inferred": True, "published": "2013-02-12"}
    rows, idf = scored(table([
        day("a.txt", "this morning", "2013-02-12",
            "Police searched the garage after a shooting in the lobby this morning.", **filed),
        day("b.txt", "Wednesday", "2013-02-13",
            "The courthouse remained closed Wednesday after the shooting in the lobby.", **filed),
        day("c.txt", "Tuesday", "2013-02-12",
            "Police searched the garage after a shooting in the lobby Tuesday.", **filed),
    ]))
    assert all(row["lead"] for row in rows.values()) and rows[0]["span"] == ("2013-02-11", "2013-02-13")
    plain = compare.Weights(lead=0.0)
    assert compare._pair(rows[0], rows[1], idf, compare.Weights()) == compare._pair(rows[0], rows[1], idf, plain)
    assert compare._pair(rows[0], rows[2], idf, compare.Weights()) == pytest.approx(
        compare._pair(rows[0], rows[2], idf, plain) + compare.Weights().lead)


def test_one_past_year_in_clauses_of_different_events_is_no_evidence_of_one_fact():
    """Articles recalling 1997 recall its event ("the 1997 conviction"), but not when their clauses say
    which, and they differ: his trial in 1997 and his conviction in 1997 are two facts of one year."""
    def year(source, sentence):
        return {"source": source, "text": "in 1997", "kind": "date", "value": "1997", "published": "2005-12-20",
                "sentence": sentence}
    rows, idf = scored(table([
        year("a.txt", "His trial opened in 1997 after years of delay."),
        year("b.txt", "A jury convicted him of racketeering in 1997."),
        year("c.txt", "He was convicted of fraud in 1997 and sent to prison."),
    ]))
    plain = compare.Weights(day=0.0)
    assert compare._pair(rows[0], rows[1], idf, compare.Weights()) == compare._pair(rows[0], rows[1], idf, plain)
    assert compare._pair(rows[1], rows[2], idf, compare.Weights()) == pytest.approx(
        compare._pair(rows[1], rows[2], idf, plain) + compare.Weights().day)


def test_tonight_in_an_article_filed_overnight_is_still_one_day_of_one_kind_of_event():
    """"tonight" in a story dated the 12th may be the 11th (filed after midnight): it stays a day, so the
    riot it dates is the Monday riot of another article."""
    rows, idf = scored(table([
        {"source": "a.txt", "text": "tonight", "kind": "date", "value": "2013-03-12", "year_inferred": True,
         "published": "2013-03-12", "sentence": "A peaceful protest turned chaotic tonight as 100 people rioted."},
        {"source": "b.txt", "text": "Monday", "kind": "date", "value": "2013-03-11", "year_inferred": True,
         "published": "2013-03-12", "sentence": "Anger over the shooting fueled a riot in the streets Monday."},
    ]))
    assert rows[0]["span"] == ("2013-03-11", "2013-03-13")
    plain = compare.Weights(same_event=0.0)
    assert compare._pair(rows[0], rows[1], idf, compare.Weights()) == pytest.approx(
        compare._pair(rows[0], rows[1], idf, plain) + compare.Weights().same_event)


def test_a_peoples_name_and_a_kin_word_count_the_killed_and_name_whose():
    """"Three Palestinians ... died" and "three cousins ... were killed" count the killed, like "three
    young men"; a people's name may count the same people as a kind of person, not as another people."""
    rows = compare.signatures(table([
        {"source": "a.txt", "text": "three", "value": 3, "unit": "men",
         "sentence": "Hours before, three young men who were cousins died when the Israelis bombed Asma elementary "
                     "school in Gaza City."},
        {"source": "b.txt", "text": "three", "value": 3, "unit": "cousins",
         "sentence": "In an earlier airstrike, three cousins who had taken refuge with hundreds of other people in a "
                     "UN school were killed."},
        {"source": "c.txt", "text": "three", "value": 3, "unit": "palestinians",
         "sentence": "Last night, three Palestinians, who had sought refuge in a small co-educational UN school in "
                     "Gaza City, died when a missile hit the building's toilet facilities."},
        {"source": "d.txt", "text": "Nine", "value": 9, "unit": "israelis",
         "sentence": "Nine Israelis, including three civilians hit by rocket fire, have been killed in the conflict."},
    ]))
    assert [row["block"] for row in rows.values()] == ["killed"] * 4
    who = [compare._who(row) for row in rows.values()]
    assert not compare._other_people(who[0], who[2]) and compare._other_people(who[2], who[3])


def test_a_number_written_twice_in_a_sentence_is_read_where_each_one_stands():
    """"the killing of two neighbours ... the shooting of two police officers": the second "two" counts
    officers shot, not the killed. Each mention is read by the words around it, not around the first."""
    sentence = ("Detectives linked him to the killing of two neighbours last spring and to the shooting of "
                "two police officers this week.")
    rows = compare.signatures(table([
        {"source": "a.txt", "text": "two", "value": 2, "unit": "neighbours", "sentence": sentence},
        {"source": "a.txt", "text": "two", "value": 2, "unit": "officers", "sentence": sentence,
         "start": sentence.rindex("two")},
    ]))
    assert [(row["event"], row["block"]) for row in rows.values()] == [("killed", "killed"), ("attacks", "officer")]


def test_an_article_repeating_a_figure_of_one_event_restates_it_when_it_leads_with_it_or_it_is_rare():
    """Five injured in the lead and again in the body are one fact, and so is the lead's age quoted
    again where no event is named ("He's 16 years old."); two 'three killed' in the body of an
    article (some soldiers, some civilians) are a common small number, not evidence."""
    rows, idf = scored(table([
        {"source": "a.txt", "text": "five", "value": 5, "unit": "injured",
         "sentence": "A 5.6 magnitude earthquake hit an island off Iran's southern coast on Sunday, injuring five "
                     "people and damaging buildings, Iranian media said."},
        {"source": "a.txt", "text": "five", "value": 5, "unit": "people",
         "sentence": "Another news agency quoted the governor as saying five people had received treatment after "
                     "being injured by the quake, which struck seven km (4 miles) east of Dargahan."},
        {"source": "b.txt", "text": "Three", "value": 3, "unit": "killed",
         "sentence": "Three of the four Israeli soldiers killed by friendly fire died when a tank mistakenly fired "
                     "on a building where the soldiers had taken up positions."},
        {"source": "b.txt", "text": "three", "value": 3, "unit": "civilians",
         "sentence": "Nine Israelis, including three civilians hit by rocket fire, have been killed in the conflict."},
        {"source": "c.txt", "text": "Sixteen-year-old", "kind": "measure", "value": 16, "unit": "years old",
         "sentence": "Sixteen-year-old Kimani Gray was shot and killed on Saturday night after pointing a gun at "
                     "two plainclothes officers who approached him, police said."},
        {"source": "c.txt", "text": "16 years old", "kind": "measure", "value": 16, "unit": "years old",
         "sentence": "He's 16 years old."},
    ]))
    rows[1]["lead"] = rows[2]["lead"] = rows[3]["lead"] = False
    weights = compare.Weights()
    assert compare._pair(rows[0], rows[1], idf, weights) == weights.same_source
    assert compare._pair(rows[2], rows[3], idf, weights) in (None, float("-inf"))
    assert compare._pair(rows[4], rows[5], idf, weights) == weights.same_source


def test_sentences_sharing_a_fact_tie_differing_ages_only_through_a_name():
    """Two sentences about one shooting (they share the girl's age) give a 24-year-old victim of
    another killing and a 25-year-old suspect: a shared fact ties differing figures of one block,
    but not ages that no name gives to one person."""
    rows, idf = scored(table([
        {"source": "a.txt", "text": "24-year-old", "kind": "measure", "value": 24, "unit": "years old",
         "sentence": "The Herald reports that detectives are checking whether the shooting was linked to the "
                     "killing of a 24-year-old man at a busy Portland crossing in March."},
        {"source": "b.txt", "text": "25-year-old", "kind": "measure", "value": 25, "unit": "years old",
         "sentence": "SALEM, Ore. -- Prosecutors charged a 25-year-old man with murder over the April 16 "
                     "drive-by shooting that killed a 1-year-old girl riding in her family's car."},
    ]))
    weights = compare.Weights()
    alone = compare._pair(rows[0], rows[1], idf, weights)
    rows[0]["facts"] = rows[1]["facts"] = frozenset({7})
    assert compare._pair(rows[0], rows[1], idf, weights) == alone


def test_a_counted_noun_in_the_singular_or_the_plural_is_one_block():
    """"one bomb" and "Two of the bombs" count one thing; a noun that ends like a singular is kept."""
    rows = compare.signatures(table([
        {"source": "a.txt", "text": "one", "value": 1, "unit": "bomb",
         "sentence": "Sources on the ground told Enough that one bomb, which did not explode, fell directly within "
                     "the camp, in a primary school yard, with several more falling in the close vicinity."},
        {"source": "b.txt", "text": "Two", "value": 2, "unit": "bombs",
         "sentence": "\"Two of the bombs fell within the Yida camp, including one close to the school,\" said UNHCR "
                     "spokesman Adrian Edwards."},
    ]))
    assert rows[0]["block"] == rows[1]["block"] == "bomb"
    assert [compare._singular(w) for w in ("buses", "bus", "crisis", "people", "plainclothes")] == [
        "bus", "bus", "crisis", "person", "plainclothes"]


def test_a_durations_written_number_is_evidence_like_any_figure():
    """"a 12-year sentence" and "12 years in prison": the 12 is as rare a coincidence as any 12."""
    row = {"kind": "duration", "value": "P12Y", "low": None, "high": None}
    weights = compare.Weights()
    assert compare._number_bonus(row, row, weights) == compare._number_bonus(
        {"kind": "count", "value": 12, "low": None, "high": None}, {}, weights) > 0


def test_empty_table():
    assert compare.align(table([])) == ([], [])


def test_a_vigil_a_protest_and_a_riot_are_one_kind_of_event():
    """A news day dates many things; the vigil that turned into a riot is told as a vigil in one
    article and as a protest or riot in another, and that kind of event is what ties the two dates."""
    rows, idf = scored(table([
        {"source": "a.txt", "text": "Monday evening", "kind": "date", "value": "2013-03-11",
         "sentence": "Then came the anger: a Monday evening vigil marred by an unruly mob thrashing its way "
                     "through local businesses."},
        {"source": "b.txt", "text": "tonight", "kind": "date", "value": "2013-03-11",
         "sentence": "Peaceful protest for Kimani Gray turned chaotic tonight as 100 people rioted."},
        {"source": "b.txt", "text": "Monday", "kind": "date", "value": "2013-03-11",
         "sentence": "Police commanders met community leaders on Monday morning."},
    ]))
    weights = compare.Weights()
    assert compare._pair(rows[0], rows[1], idf, weights) > compare._pair(rows[0], rows[2], idf, weights)


@pytest.mark.parametrize("first, second, one", [
    ("the Englishman Robert Buckley, 32,", "Robert Buckley, 31,", True),
    ("helping his wife, Alicia Marsh, 31", "her husband, Peter Owen Marsh, 30", False),
    ("Dario McQuint, 21, and Felix Amory, 18", "Dario Mcquint, 21", True),
    ("Mohammed Al Soudani, 34,", "Mohammed Sudani, 35,", True),
])
def test_full_names_name_one_person_when_one_holds_the_other(first, second, one):
    """An age belongs to the person named next to it: a longer form of one name is the same person,
    a relative who shares only the surname is not."""
    assert compare._one_person(compare._full_names(first), compare._full_names(second)) is one


def test_one_weekday_in_articles_of_different_weeks_is_no_discrepancy():
    """"closed Tuesday" in an article of one week and in a follow-up two weeks later means each
    article's own Tuesday: two closings, not sources disagreeing on one day. Two different days
    for one event still are ("died Friday" / "died on Saturday")."""
    first = {"year_inferred": True, "published": "2013-02-04"}
    later = {"year_inferred": True, "published": "2013-02-18"}
    clusters, _ = compare.align(table([
        day("a.txt", "Tuesday", "2013-02-05", "He also said the library would be closed Tuesday.", **first),
        day("b.txt", "Tuesday", "2013-02-19", "The library will be closed Tuesday.", **later),
        day("a.txt", "Friday", "2013-02-01", "Robert Buckley died Friday after a fall on Mount Cook.", **first),
        day("b.txt", "on Saturday", "2013-02-02",
            "Robert Buckley died on Saturday after a fall on Mount Cook.", **later),
    ]))
    assert partition(clusters) == {(2, 3): "discrepancy"}


@pytest.mark.parametrize("first, second, own", [
    (("Tuesday", "2013-02-04"), ("on Tuesday", "2013-02-18"), True),
    (("yesterday", "2013-02-04"), ("yesterday", "2013-02-18"), True),
    (("last night", "2013-02-04"), ("Last night", "2013-02-11"), True),
    (("Tuesday night", "2013-02-04"), ("Tuesday", "2013-02-18"), False),  # other words: maybe a misdating
    (("Tuesday", "2013-02-04"), ("Tuesday", "2013-02-04"), False),  # one day's articles mean one Tuesday
    (("March 5", "2013-02-04"), ("March 5", "2014-02-04"), False),  # a written day of the month is no relative word
])
def test_the_same_relative_words_in_articles_of_different_days_are_each_articles_own(first, second, own):
    rows = [{"kind": "date", "year_inferred": True, "text": text, "published": published} for text, published in (first, second)]
    assert compare._own_week(*rows) is own


@pytest.mark.parametrize("older, later, status", [
    (18, "2014-04-04", "agreement"), (18, "2013-11-20", "agreement"), (18, "2013-07-10", "agreement"),
    (18, "2013-05-20", "discrepancy"),
    (20, "2015-09-25", "agreement"),  # 2.5 years on, 20 fits a birthday in the half year since
    (19, "2015-09-25", "agreement"), (21, "2015-09-25", "discrepancy"), (18, "2015-09-25", "discrepancy"),
    (18, "2013-04-03", "discrepancy"), (18, "2013-04-05", "discrepancy")])
def test_ages_given_a_year_apart_fit_one_birth_date(older, later, status):
    """A defendant is 17 when charged and 18 at sentencing a year later: one person aged, not two
    sources disagreeing; so are ages that fit one birth date years apart. Given the same day or days
    apart, the ages disagree: outlets differ."""
    def age(source, value, published, sentence):
        return {"source": source, "text": f"{value}", "kind": "measure", "value": value, "unit": "years old",
                "published": published, "sentence": sentence}
    clusters, _ = compare.align(table([
        age("a.txt", 17, "2013-04-03", "Defendants Paul Ferris, 15, and Aaron Voss, 17, pleaded not guilty."),
        age("b.txt", older, later, f"Aaron Voss, {older}, was sentenced Friday to 20 years in prison."),
    ]))
    assert partition(clusters) == {(0, 1): status}
    assert ("a person ages" in next(k.explanation for k in clusters if len(k.claims) == 2)) is (status == "agreement")


@pytest.mark.parametrize("unit_a, unit_b", [("crew members", "crew"), ("structures", "homes"), ("ships", "vessels"),
                                            ("guard members", "troops"), ("shops", "stores"), ("staff", "employees"),
                                            ("cases", "infections"), ("households", "homes"),
                                            ("positions", "jobs"), ("detainees", "prisoners"), ("kos", "knockouts"),
                                            ("homers", "home runs"), ("workers", "employees"), ("police", "officers"),
                                            ("carabinieri", "officers"), ("terms", "sentences"),
                                            ("flaws", "vulnerabilities")])
def test_two_nouns_of_one_unit_class_count_one_thing(unit_a, unit_b):
    clusters, _ = compare.align(table([
        {"source": "a.txt", "text": "25", "value": 25, "unit": unit_a, "sentence": f"The fire reached 25 {unit_a}."},
        {"source": "b.txt", "text": "25", "value": 25, "unit": unit_b, "sentence": f"The fire reached 25 {unit_b}."},
    ]))
    assert partition(clusters) == {(0, 1): "agreement"}


def test_an_explanation_writes_one_of_a_unit_in_the_singular():
    clusters, _ = compare.align(table([
        {"source": "a.txt", "text": "1 mile", "kind": "measure", "value": 1, "unit": "miles",
         "normalized": {"value": 1.60934, "unit": "km"}, "sentence": "The camp lies 1 mile from the border."},
        {"source": "b.txt", "text": "1.6 km", "kind": "measure", "value": 1.6, "unit": "km",
         "normalized": {"value": 1.6, "unit": "km"}, "sentence": "The camp lies 1.6 km from the border."},
    ]))
    (finding,) = [k for k in clusters if len(k.claims) == 2]
    assert finding.explanation == "2 sources agree: a says 1 mile; b says 1.6 km"


def test_an_explanation_says_hostages_freed_were_rescued_not_displaced():
    clusters, _ = compare.align(table([
        count("a.txt", "seventeen", 17, "hostages", "Sailors sank a pirate mother ship and rescued seventeen hostages."),
        count("b.txt", "17", 17, "hostages", "A frigate sank the pirates' mother ship on Tuesday, freeing 17 hostages."),
    ]))
    (finding,) = [k for k in clusters if len(k.claims) == 2]
    assert finding.explanation == "2 sources agree: a says 17 hostages rescued; b says 17 hostages rescued"


@pytest.mark.parametrize("text, unit, written", [("200", "student", "200 students"), ("200", "person", "200 people"),
                                                 ("200", "police", "200 police"), ("200", "killed", "200 killed"),
                                                 ("200", "online", "200 online"), ("200-store", "store", "200 stores")])
def test_an_explanation_writes_many_people_in_the_plural(text, unit, written):
    """A hyphenated count keeps its noun in the singular ("a 200-student school"); the explanation
    says "200 students" of people or of a noun hyphened to the figure ("a 200-store chain"), and leaves
    plurals, outcome words and other words as they are."""
    (finding,) = compare.align(table([
        {"source": "a.txt", "text": text, "value": 200, "unit": unit, "subject": unit,
         "sentence": f"The 200-{unit} crowd gathered on Monday."}]))[0]
    assert finding.explanation == f"only a says {written}"


def test_one_of_a_unit_that_names_the_outcome_adds_no_event():
    """"1 fatality" is the toll already: written in the singular it is no "1 fatality killed"."""
    (finding,) = compare.align(table([
        {"source": "a.txt", "text": "1", "value": 1, "unit": "fatalities", "subject": "fatalities",
         "sentence": "Police reported 1 fatalities and no injuries."}]))[0]
    assert finding.explanation == "only a says 1 fatality"


def test_year_less_months_of_undated_articles_compare():
    """Undated articles give "February" no year ('--02'); it ends on the 29th, not the 31st that
    crashed the day count, and differs from March."""
    clusters, _ = compare.align(table([
        {"source": "a.txt", "text": "in February", "kind": "date", "value": "--02",
         "sentence": "The fighting broke out in February, officials said."},
        {"source": "b.txt", "text": "in March", "kind": "date", "value": "--03",
         "sentence": "The fighting broke out in March, officials said."},
    ]))
    assert partition(clusters) == {(0, 1): "discrepancy"}


def test_a_sentence_an_article_prints_twice_states_one_fact_once():
    """A scraped photo gallery repeats its captions: the copies are one mention of one fact, so
    they join one finding with another article's figure instead of making one finding each."""
    caption = "On Monday, Lyle Morrow was extradited to Denver, where he faces a charge of murder."
    gallery = [{"source": "a.txt", "text": "On Monday", "kind": "date", "value": "2015-02-23", "sentence": caption,
                "start": at, "end": at + 9} for at in (100, 300, 500)]
    clusters, _ = compare.align(table([*gallery, {
        "source": "b.txt", "text": "on Monday", "kind": "date", "value": "2015-02-23",
        "sentence": "Morrow was returned to Denver on Monday to face a murder charge."}]))
    assert partition(clusters) == {(0, 1, 2, 3): "agreement"}


@pytest.mark.parametrize("first, second, who", [
    # a dash typed as a hyphen joins no compound: the bank workers, not two women (other people)
    (("three", 3, "killed", "bank workers-two women killed",
      "The three bank workers-two women and a man-were killed when their branch went up in flames."),
     ("three", 3, "dead", "bank workers dead", "Riots over harsh new austerity measures left three bank workers dead."),
     "employees"),
    # a compound counts its last person word: "two police officers" are officers
    (("two", 2, "wounded", "police officers wounded",
      "A man with a rifle wounded two police officers outside the station."),
     ("Two", 2, "injured", "officers injured", "Two officers were injured in the exchange of fire."), "officers"),
])
def test_whom_a_toll_counts(first, second, who):
    """Two articles' tolls of the same people count the same kind of person, however the noun phrase
    is written, so neither vetoes the other as other people."""
    rows = compare.signatures(table([
        {"source": source, "text": text, "value": value, "unit": unit, "subject": subject, "sentence": sentence}
        for source, (text, value, unit, subject, sentence) in (("a.txt", first), ("b.txt", second))]))
    assert [row["who"] for row in rows.values()] == [who, who]


def test_people_in_one_condition_are_one_part_of_the_toll():
    """"six wounded, one critically" and "One is in critical condition" count the same person: a part of
    the toll that only a count in the same condition states, never one in another condition."""
    clusters, _ = compare.align(table([
        {"source": "a.txt", "text": "one", "value": 1, "unit": "wounded", "subject": "wounded",
         "sentence": "Six people were shot and wounded, one critically."},
        {"source": "b.txt", "text": "One", "value": 1, "unit": "people", "subject": "people",
         "sentence": "One is in critical condition at the county hospital."},
        {"source": "c.txt", "text": "one", "value": 1, "unit": "people", "subject": "people",
         "sentence": "Doctors said one is in stable condition."},
    ]))
    assert partition(clusters) == {(0, 1): "agreement"}
    rows = compare.signatures(table([
        {"source": "a.txt", "text": "one", "value": 1, "unit": "wounded", "subject": "wounded",
         "sentence": "Six people were shot and wounded, one critically."},
        {"source": "c.txt", "text": "one", "value": 1, "unit": "people", "subject": "people",
         "sentence": "Doctors said one is in stable condition."},
    ]))
    assert compare._pair(rows[0], rows[1], compare._weigh(rows), compare.Weights()) == float("-inf")


def test_a_day_before_after_dates_what_followed_not_the_fact_both_sentences_share():
    """"searching for him on Tuesday after he shot two troopers" dates the search: its sentence shares
    the troopers with "shot two troopers Monday", but that gives no ground to call the two days one
    misdated event, as it does when both clauses tell the shooting."""
    rows = compare.signatures(table([
        day("a.txt", "on Tuesday", "2016-05-10",
            "Deputies were searching for the suspect on Tuesday after he shot two troopers.", published="2016-05-11"),
        day("b.txt", "Monday", "2016-05-09",
            "The suspect who shot two troopers Monday drove off in a stolen car.", published="2016-05-11"),
        day("c.txt", "on Tuesday", "2016-05-10",
            "The suspect shot two troopers on Tuesday and drove off in a stolen car.", published="2016-05-11"),
    ]))
    assert [row["clause_event"] for row in rows.values()] == ["", "attacks", "attacks"]
    idf, weights = compare._weigh(rows), compare.Weights()
    for row in rows.values():
        row["facts"] = frozenset({1})  # each sentence states the troopers' count, a fact of several articles
    assert compare._pair(rows[0], rows[1], idf, weights) < weights.threshold
    assert compare._pair(rows[2], rows[1], idf, weights) >= weights.threshold


def test_only_two_days_a_day_apart_in_sentences_sharing_a_fact_are_one_misdated_event():
    """Two sentences that state one fact (the counts a suspect is charged with) and give days a day
    apart date one event, one of them wrongly; a day and the week after it ("arrested Friday",
    "charged this week") are two steps of a case, though the week begins a day after the Friday."""
    rows = compare.signatures(table([
        day("a.txt", "Friday", "2015-04-10",
            "Now charged with two counts of murder, the suspect was arrested Friday in Texas.",
            published="2015-04-13", year_inferred=True),
        day("b.txt", "This week", None,
            "This week prosecutors formally charged the suspect with two counts of murder.",
            low="2015-04-12", high="2015-04-19", published="2015-04-15", year_inferred=True),
        day("c.txt", "Saturday", "2015-04-11",
            "Charged with two counts of murder, the suspect was arrested Saturday in Texas.",
            published="2015-04-13", year_inferred=True),
    ]))
    idf, weights = compare._weigh(rows), compare.Weights()
    for row in rows.values():
        row["facts"] = frozenset({1})  # each sentence states the counts, a fact of several articles
    assert compare._pair(rows[0], rows[1], idf, weights) < weights.threshold
    assert compare._pair(rows[0], rows[2], idf, weights) >= weights.threshold


@pytest.mark.parametrize("sentence, charge", [
    ("Lee is charged with two counts of attempted murder and a gun charge.", "attempted murder"),
    ("The three men are charged with two counts each of assault with intent to murder.", "assault"),
    ("Lee was booked on two counts of first degree murder.", "murder"),
    ("Lee also faces two counts of first-degree attempted murder.", "attempted murder"),
    ("Lee faces two counts of criminal attempt to commit capital murder.", "attempted murder"),
    ("Lee faces two counts of intent to commit murder.", "attempted murder"),
    ("Two men are charged with two counts of first degree-assault.", "assault"),
    ("Lee pleaded guilty to two counts of possession of a stolen gun.", "possession"),
    ("Lee faces two counts.", None),
])
def test_a_count_of_charges_is_of_its_charge(sentence, charge):
    """What a count of charges charges, however the degree is written, and whether as an attempt."""
    (row,) = compare.signatures(table([{"source": "a.txt", "text": "two", "value": 2, "unit": "counts",
                                        "sentence": sentence}])).values()
    assert row["charge"] == charge


def test_counts_of_two_charges_are_two_facts_whatever_verb_tells_them():
    """"two counts of murder and two counts of attempted murder" are two facts in every article that
    gives them, charged, arraigned or facing; each joins its own charge's count, never the other's."""
    first = "Lee is charged with two counts of murder and two counts of attempted murder."
    second = "Lee was arraigned Monday on two counts of aggravated murder and two counts of attempted murder."
    clusters, _ = compare.align(table([
        {"source": source, "text": "two", "value": 2, "unit": "counts", "sentence": sentence, "start": start}
        for source, sentence in (("a.txt", first), ("b.txt", second))
        for start in (sentence.index("two"), sentence.rindex("two"))
    ]))
    assert partition(clusters) == {(0, 2): "agreement", (1, 3): "agreement"}


@pytest.mark.parametrize("text, value, unit, sentence, doer", [
    ("two", 2, "officers", "Police said that two plainclothes officers fatally shot the teenager.", True),
    ("Two", 2, "officers", "Two officers killed Kimani Gray, witnesses said.", True),
    ("three", 3, "victims", "Friends held a vigil for three victims who were shot and killed Friday.", False),
    ("three", 3, "people", "Police said three people killed Monday in Dallas were brothers.", False),
    ("Some 35,000", 35000, "residents", "Some 35,000 residents had fled their homes before landfall.", False),
    ("two", 2, "people", "Witnesses said two people fled the area on bicycles.", True),
])
def test_a_count_before_a_deed_and_its_object_counts_the_doers(text, value, unit, sentence, doer):
    """"two officers fatally shot the teenager": the officers did it; a day after the verb is no one it
    was done to ("killed Friday"), so those counted suffered it; so did those who fled their homes, but
    not those who fled the scene of a crime."""
    (row,) = compare.signatures(table([{"source": "a.txt", "text": text, "value": value, "unit": unit,
                                        "sentence": sentence}])).values()
    assert row["doer"] is doer


@pytest.mark.parametrize("kind, text, sentence, event", [
    ("date", "Monday", "Anger over the death of a Brooklyn teenager shot and killed by police fueled a riot on the "
                       "streets of East Flatbush Monday.", "protests"),
    ("count", "four", "Nevertheless, four fuel drums fell on the South Sudanese area of Yida, killing no one.",
     "killed"),
    ("date", "Tuesday", "Two men were shot in a northwest Dallas neighborhood Tuesday.", "attacks"),
    ("measure", "55 kilometres", "The town lies 55 kilometres south of Bandar Abbas.", "distance"),
    ("measure", "50 Miles", "Quake Strikes 50 Miles South Of Tehran", "distance"),
])
def test_a_compass_word_that_begins_a_name_is_no_direction(kind, text, sentence, event):
    """"East Flatbush", "South Sudanese", "northwest Dallas" are names: the event a figure is about is
    the nearest event word that is not part of one; a direction in prose ("55 kilometres south of") is
    a distance."""
    (row,) = compare.signatures(table([{"source": "a.txt", "text": text, "kind": kind, "sentence": sentence}])).values()
    assert row["event"] == event


@pytest.mark.parametrize("sentence, text, event", [
    ("A deputy shot a teenager after a domestic call late Sunday near west suburban Elm Grove.", "late Sunday",
     "attacks"),
    ("A 5.9 quake was centred 55 kilometres south of Bandar Abbas on Sunday.", "on Sunday", "quake"),
])
def test_a_day_dates_no_distance(sentence, text, event):
    """A direction or "away" near a day tells where, and no day is a distance's: the day dates the
    event its sentence tells."""
    (row,) = compare.signatures(table([{"source": "a.txt", "text": text, "kind": "date", "value": "2017-01-01",
                                        "sentence": sentence}])).values()
    assert (row["event"], row["clause_event"]) == (event, event)


def test_a_day_that_opens_its_sentence_dates_the_clause_after_it_and_a_day_apart_as_written_is_another_event():
    """"Yesterday, the police explained that officers shot ..." dates the shooting; "a riot in Brooklyn
    tonight", in an article filed the next day, may be the day after it or the same day ("tonight" is
    known to a day either way), but as written they are a day apart and tell different events."""
    rows = compare.signatures(table([
        day("a.txt", "Yesterday", "2013-03-10",
            "Yesterday, the police explained that officers shot a teenager in Brooklyn.", published="2013-03-11"),
        day("b.txt", "tonight", "2013-03-11",
            "A protest over the shooting of a teenager turned into a riot in Brooklyn tonight.",
            published="2013-03-12"),
        day("c.txt", "Tonight", "2013-03-11",  # a crowd is a gathering's: a protest's
            "Tonight, a crowd gathered outside the precinct.", published="2013-03-11"),
    ]))
    assert [row["clause_event"] for row in rows.values()] == ["attacks", "protests", "protests"]
    assert compare._pair(rows[0], rows[1], compare._weigh(rows), compare.Weights()) == float("-inf")


def test_a_caption_repeated_under_each_photo_dates_one_thing():
    """A gallery repeats its caption under every photo: the day it gives is still one of the article's
    dated things, not many, so it keeps its weight as evidence of the day's event."""
    caption = "Police tape surrounds the store where a clerk was shot early Friday, Oct. 7, 2016."
    rows = compare.signatures(table([
        *({"source": "a.txt", "text": "Friday, Oct. 7, 2016", "kind": "date", "value": "2016-10-07",
           "sentence": caption, "start": start} for start in (0, 100, 200)),
        {"source": "a.txt", "text": "Friday", "kind": "date", "value": "2016-10-07", "start": 300,
         "sentence": "The clerk was taken to hospital Friday."},
    ]))
    assert [row["spread"] for row in rows.values()] == [2, 2, 2, 2]


def test_a_birth_dates_but_no_span_is_of_it():
    """"born in Lebanon but has lived here for ten years": the ten years are no birth's, so they are no
    article's one span of a birth to match another article's span of something else."""
    rows = compare.signatures(table([
        {"source": "a.txt", "text": "ten years", "kind": "duration", "value": "P10Y",
         "sentence": "Zed was born in Lebanon but has lived in the U.S. for ten years."},
        {"source": "a.txt", "text": "in 1990", "kind": "date", "value": "1990",
         "sentence": "Zed was born in Lebanon in 1990."},
    ]))
    assert [row["event"] for row in rows.values()] == ["", "born"]


@pytest.mark.parametrize("sentence, text, event", [
    ("Officials said 12 people were killed and 20 wounded in Thursday's bombing.", "in Thursday", "attacks"),
    ("Two people were injured in Monday’s riot in the city.", "in Monday", "protests"),
    ("Twenty people were wounded in the city on Thursday.", "on Thursday", "injured"),
])
def test_a_possessive_date_dates_the_event_it_names(sentence, text, event):
    """"wounded in Thursday's bombing": Thursday is the bombing's day, however near "wounded" is."""
    (row,) = compare.signatures(table([{"source": "a.txt", "text": text, "kind": "date", "value": "2011-11-10",
                                        "sentence": sentence}])).values()
    assert (row["event"], row["clause_event"]) == (event, event)


@pytest.mark.parametrize("sentence, event", [
    ("His run of acquittals ended with a May 2001 fraud conviction.", "arrested"),
    ("A jury convicted him of fraud in May 2001.", "arrested"),
    ("She was born in the Bronx in May 2001 to Irish immigrants.", "born"),
    ("Two strong aftershocks rattled the island in May 2001.", "aftershock"),
    ("His trial opened in May 2001 after years of delay.", "trial"),
    ("Rebels have been fighting the army since May 2001.", "fighting"),
    ("A preliminary hearing is scheduled for May 2001.", "hearing"),
    ("Family and friends gathered for his funeral in May 2001.", "funeral"),
])
def test_the_event_a_date_dates(sentence, event):
    """The noun dates the same event as the verb: "a May 2001 conviction" and "convicted in May 2001"; a
    trial or a hearing is not its verdict; a birth date is a birth's, whatever else its sentence tells;
    fighting is no attack on a day, a funeral no death; an aftershock is not the quake."""
    (row,) = compare.signatures(table([{"source": "a.txt", "text": "May 2001", "kind": "date", "value": "2001-05",
                                        "sentence": sentence}])).values()
    assert row["event"] == event



@pytest.mark.parametrize("subjects, want", [
    (["U.S Geological Survey puts", "quake", "temblor in Golden", "6.1-magnitude quake"], "quake"),
    (["people in the UN's Relief", "people killed", "killed people wounded", None], "people killed"),
    ([None, None], None),
])
def test_a_fact_is_named_by_its_most_typical_subject(subjects, want):
    """A finding is named after the subject its claims' subjects share most, not the first claim's."""
    assert compare._subject([{"subject": s} for s in subjects]) == want


@pytest.mark.parametrize("first, second, rival", [
    (("30", "The UN said earlier that it had confirmed 30 dead and 55 wounded."),
     ("42", "Shifa Hospital said 42 people were killed."), True),
    (("30", "The toll rose to 30 dead, officials said."), ("32", "Medics said 32 people were killed."), True),
    (("nine", "Police said nine people were killed in the shooting."),
     ("One", "One person was killed at the scene, police said."), False),
    (("nine", "Police said nine people were killed in the shooting."),
     ("Nine", "Nine died overnight, the hospital said."), False),
    (("12-year-old", "A 12-year-old was shot in the leg, police said."),
     ("13-year-old", "A 13-year-old was shot in the arm, police said."), False),
])
def test_attributed_tolls_of_one_event_in_two_sentences_are_rivals_when_near(first, second, rival):
    """Two tolls an article attributes are rival figures (an earlier and a later one, two sources')
    when near each other; a part of a toll (one of nine) is no rival, nor an agreeing figure, nor
    two people's ages."""
    numbers = {"30": 30, "42": 42, "32": 32, "nine": 9, "One": 1, "Nine": 9, "12-year-old": 12, "13-year-old": 13}
    rows = compare.signatures(table([
        {"source": "a.txt", "text": text, "value": numbers[text], "sentence": sentence,
         **({"kind": "measure", "unit": "years old"} if "year" in text else {"unit": "killed"})}
        for text, sentence in (first, second)]))
    assert bool(rows[0]["rivals"]) == bool(rows[1]["rivals"]) == rival


def test_an_acronym_and_the_name_it_spells_are_one_name_unless_it_spells_several():
    """Outlets name one actor "AMD" and "Advanced Micro Devices": each spelling names the other too.
    "ABC" spelling two names in the story stands for neither; a two-letter one counts only when it is
    common ("UN"), since two letters spell too much by chance."""
    rows, _ = scored(table([
        count("a.txt", "3,300", 3300, "employees", "Advanced Micro Devices Inc. said ATI has 3,300 employees."),
        count("b.txt", "3,500", 3500, "workers", "AMD gains 3,500 workers, ABC, TV and the UN said."),
        count("c.txt", "two", 2, "anchors", "Two anchors of American Broadcasting Company and the Atlanta Bus Company "
              "joined the United Nations team, as did two TV crews of Tom Vilsack."),
    ]))
    names = [set(row["names"]) for row in rows.values()]
    assert {"micro", "devices", "amd"} <= names[0] and {"advanced", "micro", "devices"} <= names[1]
    assert {"united", "nations", "un"} <= names[1] & names[2]
    assert not {"american", "atlanta", "tom"} & names[1] and "abc" not in names[2]
