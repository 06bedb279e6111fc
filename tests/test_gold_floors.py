"""Regression: extraction and alignment floors on the seeds' gold and on the development gold for
real ECB+ stories (eval/gold/), scored by the evaluation's own scorer (../shared/eval/score.py)."""
import importlib.util
import json

import pytest

from checker import check

from .conftest import ROOT, SEEDS, SHARED

SCORER = SHARED / "eval" / "score.py"
ECBPLUS = SHARED / "corpora" / "ecbplus"

# (gold file, articles, extraction F1 floor, alignment F1 floor); measured 1.0/1.0, 1.0/0.92, 0.99/0.92
CASES = [
    (SHARED / "gold" / "seeds.yaml", SEEDS, 0.95, 0.90),
    (ROOT / "eval" / "gold" / "aceh-earthquake-2013.yaml", ECBPLUS / "aceh-earthquake-2013", 0.95, 0.88),
    (ROOT / "eval" / "gold" / "mount-cook-climber-deaths-2013.yaml", ECBPLUS / "mount-cook-climber-deaths-2013",
     0.95, 0.88),
]


@pytest.fixture(scope="module")
def scorer():
    if not SCORER.exists():
        pytest.skip(f"scorer not found under {SHARED} (it lives beside the repository, not in it)")
    spec = importlib.util.spec_from_file_location("gold_scorer", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("gold, articles, extraction_floor, alignment_floor", CASES, ids=lambda v: getattr(v, "stem", None))
def test_scores_hold_their_floors(scorer, tmp_path, gold, articles, extraction_floor, alignment_floor):
    if not (gold.exists() and articles.is_dir()):
        pytest.skip(f"{gold.name} or its articles are missing")
    report = tmp_path / "report.json"
    report.write_text(json.dumps(check([articles], cache=None).to_records()), encoding="utf-8")
    result = scorer.score(gold, report, articles, verbose=True)
    assert result["extraction"]["f1"] >= extraction_floor, (result["extraction"], result["misses"], result["spurious"])
    assert result["alignment"]["f1"] >= alignment_floor, result["alignment"]
    assert result["false_discrepancies"] == 0, result["false_discrepancy_clusters"]
