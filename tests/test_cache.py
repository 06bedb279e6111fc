"""The content-hash cache: a re-run extracts only changed files, gives the same bytes, and shrugs
off damaged entries and concurrent runs."""
import os
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from click.testing import CliRunner

from checker import cache, check, claims
from checker.cli import main
from checker.report import render_json
from checker.sources import Source


@pytest.fixture
def extract_calls(monkeypatch):
    """Count calls to claims.extract, by source id."""
    calls = []
    real = claims.extract

    def counting(source, **options):
        calls.append(source.id)
        return real(source, **options)

    monkeypatch.setattr(claims, "extract", counting)
    return calls


def as_json(report) -> str:
    return render_json(report.to_records())["report.json"]


def test_a_rerun_extracts_only_the_changed_file(seeds_copy, tmp_path, extract_calls):
    store = tmp_path / "cache"
    first = as_json(check([seeds_copy], cache=store))
    assert len(extract_calls) == 5
    assert as_json(check([seeds_copy], cache=store)) == first  # all five from the cache, same bytes
    assert len(extract_calls) == 5
    edited = seeds_copy / "002_711240e82ef51425.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("2,500", "3,500"), encoding="utf-8")
    check([seeds_copy], cache=store)
    assert extract_calls[5:] == ["002_711240e82ef51425.txt"]


def test_cached_report_is_the_uncached_report(seeds_report, seeds_copy, tmp_path):
    check([seeds_copy], cache=tmp_path / "cache")
    assert as_json(check([seeds_copy], cache=tmp_path / "cache")) == as_json(check([seeds_copy]))


def test_a_damaged_entry_is_a_miss(seeds_copy, tmp_path, extract_calls):
    store = tmp_path / "cache"
    expected = as_json(check([seeds_copy], cache=store))
    entries = sorted(store.glob("*/*.json"))
    assert len(entries) == 5
    entries[0].write_text('[{"source": "trunc', encoding="utf-8")
    assert as_json(check([seeds_copy], cache=store)) == expected
    assert len(extract_calls) == 6


def test_the_key_covers_what_changes_the_claims():
    src = Source("a.txt", "a.txt", "Three people were shot on March 3.", published=None)
    base = cache.key(src, date(2024, 1, 9))
    assert cache.key(src, date(2024, 1, 9)) == base
    assert cache.key(src, date(2023, 1, 9)) != base  # the reference year dates "March 3"
    assert cache.key(Source("b.txt", "b.txt", src.text), date(2024, 1, 9)) != base  # claims carry the id
    assert cache.key(Source("a.txt", "a.txt", src.text + " "), date(2024, 1, 9)) != base


def test_concurrent_runs_share_one_cache_safely(seeds_copy, tmp_path):
    store = tmp_path / "cache"
    with ThreadPoolExecutor(4) as pool:
        outputs = list(pool.map(lambda _: as_json(check([seeds_copy], cache=store)), range(4)))
    assert len(set(outputs)) == 1
    assert not list(store.rglob("*.tmp"))
    assert (store / "CACHEDIR.TAG").exists() and (store / ".gitignore").read_text().endswith("*\n")


def test_cli_caches_in_the_working_folder_unless_told_not_to(seeds_copy, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, [str(seeds_copy), "--no-cache", "--jobs", "1"]).exit_code == 0
    assert not (tmp_path / ".check-claims-cache").exists()
    assert runner.invoke(main, [str(seeds_copy), "--jobs", "1"]).exit_code == 0
    assert len(list((tmp_path / ".check-claims-cache").glob("*/*.json"))) == 5


@pytest.mark.parametrize("unwritable", [
    pytest.param("file", id="cache-path-is-a-file"),
    pytest.param("read-only", id="read-only-working-folder", marks=pytest.mark.skipif(
        os.geteuid() == 0, reason="root writes into read-only folders")),
])
def test_an_unwritable_cache_is_a_warning_and_the_run_goes_on(seeds_copy, tmp_path, monkeypatch, unwritable):
    work = tmp_path / "work"
    work.mkdir()
    if unwritable == "file":
        (work / ".check-claims-cache").write_text("not a folder\n")
    else:
        work.chmod(0o555)
    monkeypatch.chdir(work)
    result = CliRunner().invoke(main, [str(seeds_copy), "--out", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    (warning,) = [line for line in result.stderr.splitlines() if "cache" in line]
    why = "Not a directory" if unwritable == "file" else "Permission denied"  # the file: was "File exists"
    assert warning == f"warning: cannot write the cache .check-claims-cache/ ({why}), running without it " \
                      "(--no-cache silences this)"
    assert (tmp_path / "out" / "report.json").exists()


def test_an_entry_that_cannot_be_written_is_a_miss_not_an_error(tmp_path):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be\n")
    store = cache.ClaimCache(blocked)
    store.put("0123abcd", [])
    assert store.get("0123abcd") is None
    with pytest.raises(OSError):
        store.ready()


def test_storing_an_entry_imports_neither_the_report_writers_nor_pandas(tmp_path):
    """A worker that only extracts (through the cache) stays light: start-up is measured in bench/."""
    import subprocess
    import sys

    code = ("import sys; from pathlib import Path; from checker.cache import ClaimCache; "
            "from checker.sources import Source; from checker.claims import extract; "
            f"ClaimCache(Path({str(tmp_path)!r})).put('ab12', extract(Source('a.txt', 'a.txt', 'Three people died.'))); "
            "print(sorted(m for m in ('pandas', 'checker.report') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    assert (tmp_path / "ab" / "ab12.json").exists()
