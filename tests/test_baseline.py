"""Baseline round trip on the seed articles: record, accept, a new discrepancy fails, a fixed one is reported."""
import json

import pytest

from checker.baseline import fingerprint

from .conftest import read_json, run
from .test_cli import DISAGREE, assert_valid_report

OLD = "approximately 2,500 troops are still stationed in Iraq"
NEW = "approximately 4,000 troops are still stationed in Iraq"


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_round_trip(tmp_path, seeds_copy):
    baseline, out = tmp_path / "baseline.json", tmp_path / "out"
    seed_004 = next(seeds_copy.glob("004_*.txt"))

    # write: deterministic bytes, sorted by fingerprint
    assert run(seeds_copy, "--out", out, "--baseline", baseline, "--update-baseline").exit_code == 0
    first = baseline.read_bytes()
    assert run(seeds_copy, "--out", out, "--baseline", baseline, "--update-baseline").exit_code == 0
    assert baseline.read_bytes() == first
    recorded = json.loads(first)
    assert recorded["schema"] == "check-claims/baseline@2"
    fingerprints = [e["fingerprint"] for e in recorded["findings"]]
    assert fingerprints == sorted(fingerprints)

    # accept: whatever was recorded is known, nothing new
    result = run(seeds_copy, "--out", out, "--baseline", baseline)
    assert result.exit_code == 0, result.output
    section = read_json(out / "report.json")["baseline"]
    assert section["new"] == 0 and section["fixed"] == []

    # a changed figure is a new discrepancy and fails, even with the baseline
    edit(seed_004, OLD, NEW)
    result = run(seeds_copy, "--out", out, "--baseline", baseline)
    assert result.exit_code == 1, result.output
    report = read_json(out / "report.json")
    assert_valid_report(report)
    new = [k for k in report["clusters"] if k.get("baseline") == "new"]
    assert new and all(k["status"] == "discrepancy" for k in new)
    assert any("~4,000" in k["explanation"] for k in new)
    assert "new    count" in result.output
    assert f"{len(new)} finding{'s' * (len(new) > 1)} not in the baseline at or above --fail-on discrepancy" in result.output

    # record it with a reason, then put the figure back: it is reported fixed and the run passes
    assert run(seeds_copy, "--out", out, "--baseline", baseline, "--update-baseline").exit_code == 0
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    for entry in recorded["findings"]:
        entry["reason"] = "checked with the Pentagon"
    baseline.write_text(json.dumps(recorded), encoding="utf-8")
    edit(seed_004, NEW, OLD)
    result = run(seeds_copy, "--out", out, "--baseline", baseline)
    assert result.exit_code == 0, result.output
    report = read_json(out / "report.json")
    assert_valid_report(report)
    fixed = report["baseline"]["fixed"]
    assert any("~4,000" in v for e in fixed for vs in e["values"].values() for v in vs)
    assert all(e["reason"] == "checked with the Pentagon" for e in fixed)
    assert "fixed  count" in result.output


def test_moving_text_keeps_a_finding_known(tmp_path, seeds_copy):
    baseline, out = tmp_path / "baseline.json", tmp_path / "out"
    seed_004 = next(seeds_copy.glob("004_*.txt"))
    edit(seed_004, OLD, NEW)
    assert run(seeds_copy, "--out", out, "--baseline", baseline, "--update-baseline").exit_code == 0
    before = read_json(out / "report.json")
    # a new opening paragraph moves every offset in the file; the findings stay the same
    seed_000 = next(seeds_copy.glob("000_*.txt"))
    text = seed_000.read_text(encoding="utf-8")
    seed_000.write_text("Officials in Baghdad declined to comment on the talks.\n" + text, encoding="utf-8")
    result = run(seeds_copy, "--out", out, "--baseline", baseline)
    assert result.exit_code == 0, result.output
    after = read_json(out / "report.json")
    assert after["baseline"]["new"] == 0 and after["baseline"]["fixed"] == []
    assert after["baseline"]["known"] == before["baseline"]["known"] > 0


def test_update_keeps_reasons_of_findings_still_there(tmp_path, corpus):
    from .test_cli import DISAGREE

    root, baseline = corpus(DISAGREE), tmp_path / "b.json"
    assert run(root, "--out", tmp_path / "o", "--baseline", baseline, "--update-baseline").exit_code == 0
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    recorded["findings"][0]["reason"] = "b.txt counts contractors"
    baseline.write_text(json.dumps(recorded), encoding="utf-8")
    assert run(root, "--out", tmp_path / "o", "--baseline", baseline, "--update-baseline").exit_code == 0
    assert json.loads(baseline.read_text(encoding="utf-8"))["findings"][0]["reason"] == "b.txt counts contractors"


def test_fingerprint_ignores_offsets_and_ids_but_not_values():
    claims = {"c1": {"source": "a.txt", "value": 3, "low": None, "high": None, "hedge": "exact", "start": 10},
              "c2": {"source": "b.txt", "value": 5, "low": None, "high": None, "hedge": "exact", "start": 99}}
    cluster = {"id": "k1", "kind": "count", "unit": "soldiers", "subject": "soldiers", "claims": ["c1", "c2"]}
    moved = {cid: {**c, "start": c["start"] + 500} for cid, c in claims.items()}
    assert fingerprint(cluster, claims) == fingerprint({**cluster, "id": "k9"}, moved)
    changed = {**claims, "c2": {**claims["c2"], "value": 4}}
    assert fingerprint(cluster, claims) != fingerprint(cluster, changed)


SEED_000 = "Presently, there are approximately 2,500 American troops stationed in Iraq"
SEED_001 = "maintains approximately 2,500 troops in Iraq"
SEED_002 = "approximately 2,500 U.S. troops currently serving in Iraq"


@pytest.mark.parametrize("edits, added, counts", [
    pytest.param([("000", SEED_000, "Presently, approximately 2,500 American soldiers are stationed in Iraq")], {},
                 (0, 1, 0), id="agreeing-source-reworded"),
    pytest.param([("002", SEED_002, "some 2,500 U.S. troops currently serving in Iraq")], {},
                 (0, 1, 0), id="agreeing-source-changes-its-hedge"),
    pytest.param([], {"005.txt": "About 2,500 US troops remain in Iraq."}, (0, 1, 0), id="agreeing-article-added"),
    pytest.param([("001", "maintains approximately 3,500", "maintains approximately 4,000")], {},
                 (1, 0, 1), id="dissenting-figure-changed"),
    pytest.param([("002", SEED_002, "approximately 3,500 U.S. troops currently serving in Iraq")], {},
                 (1, 0, 1), id="a-second-source-dissents"),
])
def test_a_finding_is_known_until_its_figures_change(tmp_path, seeds_copy, edits, added, counts):
    """Seed 001 says 3,500 troops where the others say 2,500; that finding is accepted, then edited."""
    seed = {p.name[:3]: p for p in seeds_copy.glob("*.txt")}
    edit(seed["001"], SEED_001, "maintains approximately 3,500 troops in Iraq")
    baseline, out = tmp_path / "baseline.json", tmp_path / "out"
    assert run(seeds_copy, "--out", out, "--baseline", baseline, "--update-baseline").exit_code == 0
    assert [e["values"]["001_d3803437f8baca1e.txt"] for e in json.loads(baseline.read_text())["findings"]] == [["~3,500"]]
    for name, old, new in edits:
        edit(seed[name], old, new)
    for name, text in added.items():
        (seeds_copy / name).write_text(text, encoding="utf-8")
    result = run(seeds_copy, "--out", out, "--baseline", baseline)
    section = read_json(out / "report.json")["baseline"]
    assert (section["new"], section["known"], len(section["fixed"])) == counts, result.output
    assert result.exit_code == (1 if counts[0] else 0)


def test_a_baseline_from_an_earlier_version_is_refused_with_the_fix_and_replaced_on_update(tmp_path, seeds_copy):
    baseline, out = tmp_path / "baseline.json", tmp_path / "out"
    baseline.write_text('{"schema": "check-claims/baseline@1", "findings": []}\n', encoding="utf-8")
    refused = run(seeds_copy, "--out", out, "--baseline", baseline)
    assert refused.exit_code == 2
    assert refused.stderr.strip().endswith("fingerprints no longer match: re-create it with --update-baseline")
    assert run(seeds_copy, "--out", out, "--baseline", baseline, "--update-baseline").exit_code == 0
    assert json.loads(baseline.read_text(encoding="utf-8"))["schema"] == "check-claims/baseline@2"


def test_a_baseline_whose_folder_is_a_file_is_a_one_line_error(tmp_path, corpus):
    root = corpus(DISAGREE)
    (tmp_path / "ci").write_text("a file where the folder should be", encoding="utf-8")
    baseline = tmp_path / "ci" / "baseline.json"
    result = run(root, "--baseline", baseline, "--update-baseline", "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr == f"Error: {baseline}: cannot write baseline ({tmp_path / 'ci'} is a file)\n"  # was 'File exists'


@pytest.mark.parametrize("field, problem", [
    ('"values": {"a.txt": [1]}', "'values' must map each source to a list of figures as text"),
    ('"values": [1]', "'values' must map each source to a list of figures as text"),
    ('"reason": 7', "'reason' must be text"),
    ('"reason": null', "'reason' must be text"),  # printed "None", and fixed[0].reason broke the schema
    ('"subject": ["x"]', "'subject' must be text"),
])
def test_a_hand_edited_baseline_entry_of_the_wrong_shape_is_a_one_line_error(tmp_path, corpus, field, problem):
    """Was an unexpected TypeError/AttributeError after the reports were written, or (a number
    as the reason) a report.json that broke its own schema."""
    baseline = tmp_path / "b.json"
    baseline.write_text('{"schema": "check-claims/baseline@2", "findings": [{"fingerprint": "abc", %s}]}' % field)
    result = run(corpus(DISAGREE), "--baseline", baseline, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr == f"Error: {baseline}: finding abc: {problem}\n"
    assert not (tmp_path / "out").exists()
