"""SARIF 2.1.0 output, validated against the official schema (tests/data, see its README)."""
import json

import jsonschema
import pytest
from click.testing import CliRunner

from checker.baseline import fingerprint
from checker.cli import main

from .conftest import ROOT, read_json

DRAFT = ROOT / "tests" / "data" / "draft_tower22.md"
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture
def draft_run(tmp_path, seeds_copy, monkeypatch):
    """The seeds and the contradicting draft, run from tmp_path so paths are relative."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.md").write_text(DRAFT.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(main, ["seeds", "--draft", "draft.md", "--out", "out", "--format", "json,sarif"])
    assert result.exit_code == 1, result.output
    return read_json(tmp_path / "out" / "report.sarif"), read_json(tmp_path / "out" / "report.json")


def test_validates_against_the_sarif_2_1_0_schema(draft_run):
    sarif, _ = draft_run
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    assert sarif["version"] == "2.1.0"


def test_one_result_per_discrepancy_with_fingerprints(draft_run):
    sarif, records = draft_run
    discrepancies = [k for k in records["clusters"] if k["status"] == "discrepancy"]
    results = sarif["runs"][0]["results"]
    assert len(results) == len(discrepancies) >= 1
    claims = {c["id"]: c for c in records["claims"]}
    assert sorted(r["partialFingerprints"]["checkClaims/v2"] for r in results) == \
        sorted(fingerprint(k, claims) for k in discrepancies)


def test_primary_location_is_the_draft_and_regions_point_at_the_claims(draft_run, tmp_path):
    sarif, _ = draft_run
    result = next(r for r in sarif["runs"][0]["results"]
                  if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "draft.md")
    assert result["level"] == "error"
    locations = [result["locations"][0]] + result["relatedLocations"]
    uris = [loc["physicalLocation"]["artifactLocation"]["uri"] for loc in locations]
    assert uris == ["draft.md", "seeds/003_7857e447d3d3f3be.txt"]
    for loc in locations:  # line/column (code points, 1-based) find the snippet in the file
        physical = loc["physicalLocation"]
        region = physical["region"]
        line = (tmp_path / physical["artifactLocation"]["uri"]).read_text(encoding="utf-8").split("\n")[region["startLine"] - 1]
        assert line[region["startColumn"] - 1:region["endColumn"] - 1] == region["snippet"]["text"]
    assert [loc["physicalLocation"]["region"]["snippet"]["text"] for loc in locations] == ["five", "three"]
    assert sarif["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_baseline_state_and_a_clean_run_is_still_valid(tmp_path, corpus):
    from .test_cli import AGREE, DISAGREE

    runner = CliRunner()
    root = corpus(DISAGREE)
    base = tmp_path / "b.json"
    args = [str(root), "--out", str(tmp_path / "o"), "--format", "sarif", "--baseline", str(base)]
    assert runner.invoke(main, args + ["--update-baseline"]).exit_code == 0
    sarif = read_json(tmp_path / "o" / "report.sarif")
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    assert [r["baselineState"] for r in sarif["runs"][0]["results"]] == ["unchanged"]
    clean = corpus(AGREE)
    assert runner.invoke(main, [str(clean), "--out", str(tmp_path / "c"), "--format", "sarif"]).exit_code == 0
    sarif = read_json(tmp_path / "c" / "report.sarif")
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    assert sarif["runs"][0]["results"] == []
