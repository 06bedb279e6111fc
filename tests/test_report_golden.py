"""report.json, claims.csv and findings.csv for a small fixture story, compared byte for byte with
tests/golden/. After an intended change, regenerate (never hand-edit) with:

    .venv/bin/python -m pytest tests/test_report_golden.py --update-golden
"""
import pytest

from checker.report import RENDERERS


@pytest.mark.parametrize("fmt, name", [("json", "report.json"), ("csv", "claims.csv"), ("csv", "findings.csv")])
def test_output_matches_golden_file(story_records, golden, fmt, name):
    golden(name, RENDERERS[fmt](story_records)[name])


def test_fixture_story_has_every_status(story_records):
    """The golden corpus only guards the renderers if it exercises every kind of finding."""
    statuses = {k["status"] for k in story_records["clusters"]}
    assert statuses == {"agreement", "discrepancy", "single-source"}
