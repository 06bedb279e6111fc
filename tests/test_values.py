"""values: one claim's value as text a reader would write and as the interval compare works with."""
import pandas as pd
import pytest

from checker import values


@pytest.mark.parametrize("row, want", [
    ({"value": 2500, "low": None, "high": None, "hedge": "approx"}, "~2,500"),
    ({"value": 200.0, "low": 200, "high": None, "hedge": "more-than"}, ">200"),
    ({"value": 10, "low": 10, "high": 20, "hedge": "exact"}, "10..20"),  # "between 10 and 20": not "10"
    ({"value": "P10Y", "low": "P10Y", "high": "P20Y", "hedge": "exact"}, "P10Y..P20Y"),
    ({"value": None, "low": "2023-06-01", "high": "2023-08-31", "hedge": "exact"}, "2023-06-01..2023-08-31"),
    ({"value": "2024-01-28", "low": None, "high": None, "hedge": "exact"}, "2024-01-28"),
    ({"kind": "date", "value": "2016-05-13", "low": "2016-05-06", "high": "2016-05-13", "hedge": "less-than"},
     "2016-05-06..2016-05-13"),  # "more than a week ago": the range is the hedge's
    ({"kind": "date", "value": "1997", "low": None, "high": "1997-01-01", "hedge": "less-than"}, "<1997"),
])
def test_display_writes_a_value_as_a_reader_would(row, want):
    assert values.display(row) == want


@pytest.mark.parametrize("duration, want", [
    ("P20Y", "20 years"), ("PT6H", "6 hours"), ("P1Y6M", "1 year 6 months"), ("PT1M", "1 minute"),
    ("P1.5D", "1.5 days"), ("PT15S", "15 seconds"), ("P2W", "2 weeks"), ("2024-01-28", "2024-01-28"),
])
def test_duration_words_say_a_duration_as_a_sentence_does(duration, want):
    assert values.duration_words(duration) == want


@pytest.mark.parametrize("row, tolerance, want", [
    ({"kind": "count", "value": 2500, "hedge": "approx"}, 0.05, (2375, 2625)),
    # an approximate figure is no narrower than the figure as written: "about five" is 4.51..5.49, not 4.75..5.25
    ({"kind": "measure", "value": 5, "hedge": "approx", "text": "about five kilometres",
      "normalized": {"value": 5, "unit": "km"}}, 0.05, (4.51, 5.49)),
    ({"kind": "count", "value": 4, "low": 4, "hedge": "at-least"}, 0.05, (4, float("inf"))),
    ({"kind": "count", "value": 10, "high": 10, "hedge": "at-most"}, 0.05, (float("-inf"), 10)),
    ({"kind": "measure", "value": 6.1, "hedge": "exact"}, 0.05, (6.051, 6.149)),
    # the zero a float drops is written: "6.0" is as precise as "6.1", and they differ
    ({"kind": "measure", "value": 6.0, "hedge": "exact", "text": "magnitude-6.0"}, 0.05, (5.951, 6.049)),
    ({"kind": "measure", "value": 6.0, "hedge": "exact", "text": "six"}, 0.05, (5.51, 6.49)),
    ({"kind": "measure", "value": 30, "hedge": "exact", "normalized": {"value": 48.28, "unit": "km"}}, 0.05,
     (29.51 * 48.28 / 30, 30.49 * 48.28 / 30)),
    # a whole length ending in 5 or 0 may be a conversion rounded to that step ("135 km (85 miles)"), by at
    # most the tolerance; one written otherwise ("48 km", "6’3”" = 75 inches) is as precise as written
    ({"kind": "measure", "value": 85, "hedge": "exact", "text": "85 miles",
      "normalized": {"value": 136.79, "unit": "km"}},
     0.05, (82.5 * 136.79 / 85, 87.5 * 136.79 / 85)),
    ({"kind": "measure", "value": 30, "hedge": "exact", "text": "30 miles",
      "normalized": {"value": 48.28, "unit": "km"}},
     0.05, (28.5 * 48.28 / 30, 31.5 * 48.28 / 30)),
    ({"kind": "measure", "value": 48, "hedge": "exact", "text": "48 km", "normalized": {"value": 48, "unit": "km"}},
     0.05, (47.51, 48.49)),
    ({"kind": "measure", "value": 75, "hedge": "exact", "text": "6’3”",
      "normalized": {"value": 0.0019, "unit": "km"}},
     0.05, (74.51 * 0.0019 / 75, 75.49 * 0.0019 / 75)),
    ({"kind": "measure", "value": 40, "hedge": "exact", "text": "40°C", "normalized": {"value": 40, "unit": "degC"}},
     0.05, (39.51, 40.49)),
    ({"kind": "date", "value": "2023-10"}, 0.05, ("2023-10-01", "2023-10-31")),
    ({"kind": "date", "value": "2024-02"}, 0.05, ("2024-02-01", "2024-02-29")),
    ({"kind": "date", "value": "2021"}, 0.05, ("2021-01-01", "2021-12-31")),
    ({"kind": "date", "value": "2007-04-09", "text": "on Monday", "year_inferred": True}, 0.05,
     ("2007-04-08", "2007-04-10")),
    ({"kind": "date", "value": "2007-04-09", "text": "on Monday", "year_inferred": True, "published": "2007-04-10"},
     0.05, ("2007-04-09", "2007-04-09")),
    ({"kind": "date", "value": "2007-04-09", "text": "yesterday", "year_inferred": True, "published": "2007-04-10"},
     0.05, ("2007-04-09", "2007-04-09")),
    ({"kind": "date", "value": "2007-04-10", "text": "this morning", "year_inferred": True, "published": "2007-04-10"},
     0.05, ("2007-04-09", "2007-04-11")),
    ({"kind": "date", "value": "2007-04-09", "text": "on April 9", "year_inferred": True}, 0.05,
     ("2007-04-09", "2007-04-09")),
    # an event near midnight: "late Monday night" may be Tuesday's small hours, "early Tuesday" Monday's night
    ({"kind": "date", "value": "2007-04-09", "text": "late Monday night", "year_inferred": True,
      "published": "2007-04-10"}, 0.05, ("2007-04-09", "2007-04-10")),
    ({"kind": "date", "value": "2007-04-09", "text": "late Monday", "year_inferred": True, "published": "2007-04-10"},
     0.05, ("2007-04-09", "2007-04-10")),
    ({"kind": "date", "value": "2007-04-10", "text": "early Tuesday morning", "year_inferred": True,
      "published": "2007-04-10"}, 0.05, ("2007-04-09", "2007-04-10")),
    ({"kind": "date", "value": "2007-04-09", "text": "late Monday afternoon", "year_inferred": True,
      "published": "2007-04-10"}, 0.05, ("2007-04-09", "2007-04-09")),
    ({"kind": "date", "value": "2007-04-09", "text": "early Monday evening", "year_inferred": True,
      "published": "2007-04-10"}, 0.05, ("2007-04-09", "2007-04-09")),
    ({"kind": "date", "value": "--10"}, 0.05, ("--10-01", "--10-31")),
    ({"kind": "date", "value": None, "low": "2023-06-01", "high": "2023-08-31"}, 0.05, ("2023-06-01", "2023-08-31")),
    # months and years are as long as the calendar makes them, or 30 days a month as sentences count them
    ({"kind": "duration", "value": "P20Y"}, 0.05, (20 * 365, 20 * 365 + 5)),
    ({"kind": "duration", "value": "P1M"}, 0.05, (28, 31)),
    ({"kind": "duration", "value": "P3M"}, 0.05, (89, 92)),
    ({"kind": "duration", "value": "P6M"}, 0.05, (180, 184)),
    ({"kind": "duration", "value": "P18M"}, 0.05, (545, 550)),
    ({"kind": "duration", "value": "P1Y6M"}, 0.05, (545, 550)),
    ({"kind": "duration", "value": "P90D"}, 0.05, (90, 90)),
    # a figure written in millions or billions is as precise as its decimals there
    ({"kind": "money", "value": 1.3e9, "text": "$1.3 billion"}, 0.05, (1.251e9, 1.349e9)),
    ({"kind": "count", "value": 4.9e6, "text": "4.9 million"}, 0.05, (4.851e6, 4.949e6)),
    ({"kind": "money", "value": 2e9, "text": "$2 billion"}, 0.05, (2e9 - 0.49, 2e9 + 0.49)),
    ({"kind": "duration", "value": "P2W", "hedge": "approx"}, 0.05, (13.3, 14.7)),
    ({"kind": "time", "value": "2011-11-10T14:53"}, 0.05, (893, 893)),
    ({"kind": "time", "value": "2013-07-02T03:37", "unit": "EDT"}, 0.05, (457, 457)),
    ({"kind": "time", "value": "23:30", "unit": "ET"}, 0.05, (210, 270)),
    ({"kind": "time", "value": "07:37", "unit": "local"}, 0.05, (457, 457)),
    ({"kind": "time", "value": "10:02", "unit": "UTC+5:30"}, 0.05, (272, 272)),  # 04:32 GMT
    ({"kind": "time", "value": "22:00", "unit": "UTC-3"}, 0.05, (60, 60)),  # 01:00 GMT
    ({"kind": "time", "value": "15:00", "hedge": "approx"}, 0.05, (885, 915)),
])
def test_interval(row, tolerance, want):
    full = {"value": None, "low": None, "high": None, "hedge": "exact", "normalized": None, **row}
    got = values.interval(pd.Series(full), tolerance)
    assert got == pytest.approx(want) if isinstance(want[0], (int, float)) else got == want


def test_a_shifted_day_stops_at_the_calendars_ends():
    """A span reaching back past year 1 ("more than 1,500 years ago") is compared, never an overflow."""
    assert values.shift("0001-01-03", -7) == "0001-01-01"
    assert values.shift("9999-12-30", 7) == "9999-12-31"
    assert values.shift("2016-05-20", -7) == "2016-05-13"
