"""Regression: extraction on the seeds keeps its value-correct F1 against the gold annotation,
scored by the evaluation's own scorer (../shared/eval/score.py)."""
import importlib.util
import json

import pytest

from .conftest import SEEDS, SHARED

SCORER = SHARED / "eval" / "score.py"
GOLD = SHARED / "gold" / "seeds.yaml"
F1_FLOOR = 0.95


@pytest.fixture(scope="module")
def scorer():
    if not (SCORER.exists() and GOLD.exists()):
        pytest.skip(f"scorer or gold not found under {SHARED} (it lives beside the repository, not in it)")
    spec = importlib.util.spec_from_file_location("seeds_scorer", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seed_extraction_f1_holds(scorer, seeds_records, tmp_path):
    report = tmp_path / "report.json"
    report.write_text(json.dumps(seeds_records), encoding="utf-8")
    result = scorer.score(GOLD, report, SEEDS, verbose=True)
    assert result["extraction"]["f1"] >= F1_FLOOR, (result["extraction"], result["misses"], result["spurious"])
