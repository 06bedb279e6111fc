"""The edit suite: change one article of a story and check that exactly the edited fact's verdict moves.

A changed figure for a fact several sources state must become a discrepancy, a reworded one must
stay an agreement, and no other fact may change its claims or status (tests/cases/compare/edits.yml).
"""
import shutil
from pathlib import Path

import pytest
import yaml

from checker import check

from .conftest import SEEDS

HERE = Path(__file__).parent
EDITS = yaml.safe_load((HERE / "cases" / "compare" / "edits.yml").read_text(encoding="utf-8"))


def corpus_dir(name: str) -> Path:
    return SEEDS if name == "seeds" else HERE / "fixtures" / name


def facts(folder: Path) -> dict[frozenset, str]:
    """{the (source, text) of each cluster's claims: status}, independent of offsets and ids."""
    records = check([folder]).to_records()
    said = {c["id"]: (c["source"], c["text"]) for c in records["claims"]}
    return {frozenset(said[c] for c in k["claims"]): k["status"] for k in records["clusters"]}


@pytest.fixture(scope="module")
def baselines():
    return {name: facts(corpus_dir(name)) for name in dict.fromkeys(e["corpus"] for e in EDITS)}


@pytest.mark.parametrize("edit", EDITS, ids=[f"{e['corpus']}:{e['file']}:{e['old']}->{e['new']}" for e in EDITS])
def test_one_edit_moves_one_fact(edit, baselines, tmp_path):
    before = baselines[edit["corpus"]]
    (fact, old_claim), *_ = [(k, (src, text)) for k in before for src, text in k
                             if src == edit["file"] and edit["old"] in text]
    new_claim = (edit["file"], old_claim[1].replace(edit["old"], edit["new"], 1))
    assert before[fact] == "agreement", "edits start from a fact the sources agree on"

    folder = tmp_path / edit["corpus"]
    shutil.copytree(corpus_dir(edit["corpus"]), folder)
    path = folder / edit["file"]
    text = path.read_text(encoding="utf-8")
    assert edit["old"] in text
    path.write_text(text.replace(edit["old"], edit["new"], 1), encoding="utf-8")

    after = facts(folder)
    edited = (fact - {old_claim}) | {new_claim}
    assert after.get(edited) == edit["status"], [k for k in after if new_claim in k]
    assert {k: s for k, s in after.items() if k != edited} == {k: s for k, s in before.items() if k != fact}
