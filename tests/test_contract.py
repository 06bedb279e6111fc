"""report.json keeps the contract in DESIGN.md: schema-valid, exact spans, consistent ids, stable bytes."""
import json
from importlib import resources

import jsonschema

from checker import check
from checker.report import render_json

from .conftest import SEEDS


def test_real_output_validates_against_the_shipped_schema(seeds_records):
    schema = json.loads(resources.files("checker").joinpath("schema", "report.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(seeds_records, schema)


def test_every_claim_text_is_its_span_of_the_file(seeds_records):
    texts = {s["id"]: (SEEDS / s["id"]).read_text(encoding="utf-8") for s in seeds_records["sources"]}
    assert seeds_records["claims"]
    for c in seeds_records["claims"]:
        assert texts[c["source"]][c["start"]:c["end"]] == c["text"], c


def test_claims_and_clusters_point_at_each_other(seeds_records):
    clusters = {k["id"]: k for k in seeds_records["clusters"]}
    members = [cid for k in seeds_records["clusters"] for cid in k["claims"]]
    assert sorted(members) == sorted(c["id"] for c in seeds_records["claims"])  # exactly one cluster each
    for c in seeds_records["claims"]:
        assert c["id"] in clusters[c["cluster"]]["claims"]
        assert c["source"] in clusters[c["cluster"]]["sources"]


def test_the_header_date_is_not_a_claim(seeds_records):
    header = [c for c in seeds_records["claims"] if c["source"].startswith("004") and c["start"] < 16]
    assert header == []


def test_two_runs_give_identical_bytes(seeds_records):
    assert render_json(check([SEEDS]).to_records()) == render_json(seeds_records)
