"""--engine dask on a real LocalCluster (scheduler and worker processes over TCP on loopback):
the reports must be byte-identical to the local engine's; failures are one clear line."""
import sys

import pytest
from click.testing import CliRunner

from checker import check, engine
from checker.cli import main
from checker.core import check_stories
from checker.report import render_json

from .conftest import SEEDS

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, protocol="tcp",
                                  host="127.0.0.1", dashboard_address=None, worker_dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_one_story_on_the_cluster_is_the_local_report(scheduler):
    assert scheduler.startswith("tcp://127.0.0.1:")
    on_cluster = check([SEEDS], engine="dask", scheduler=scheduler).to_records()
    assert render_json(on_cluster) == render_json(check([SEEDS]).to_records())


def test_an_archive_on_the_cluster_writes_the_local_bytes(scheduler, corpus, tmp_path):
    seeds = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir())}
    root = corpus({f"{story}/{name}": text for story, names in (("all", seeds), ("two", list(seeds)[:2]))
                   for name, text in seeds.items() if name in names})
    check_stories(root, out=tmp_path / "local")
    check_stories(root, out=tmp_path / "dask", engine="dask", scheduler=scheduler)
    files = sorted(p.relative_to(tmp_path / "local") for p in (tmp_path / "local").rglob("*") if p.is_file())
    assert len(files) == 2 * 4 + 3
    for name in files:
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes(), name


def test_cli_runs_on_the_cluster(scheduler, tmp_path):
    result = CliRunner().invoke(main, [str(SEEDS), "--engine", "dask", "--scheduler", scheduler,
                                       "--out", str(tmp_path / "out"), "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "5 sources" in result.output


def test_unreachable_scheduler_is_one_line_exit_two(monkeypatch, tmp_path):
    monkeypatch.setattr(engine, "CONNECT_TIMEOUT", 0.5)
    result = CliRunner().invoke(main, [str(SEEDS), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9",
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.output == "Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9 (OSError)\n"


@pytest.mark.parametrize("args, message", [
    (["--engine", "dask"], "Error: --engine dask needs --scheduler tcp://HOST:PORT\n"),
    (["--scheduler", "tcp://127.0.0.1:9"], "Error: --scheduler needs --engine dask\n"),
    (["--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"],
     "Error: --engine dask needs dask.distributed: pip install 'check-claims[dask]'\n"),
])
def test_dask_misuse_is_one_line_exit_two(monkeypatch, tmp_path, args, message):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the dask extra were not installed
    result = CliRunner().invoke(main, [str(SEEDS), *args, "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.output == message


@pytest.mark.parametrize("address, problem", [
    ("nonsense", "missing port number in address 'nonsense'"),
    ("tcp://10.0.0.5", "missing port number in address '10.0.0.5'"),
    ("tcp://10.0.0.5:port", "invalid literal for int() with base 10: 'port'"),
    ("http://10.0.0.5:8786", "scheme 'http' is not tcp"),
    ("tls://127.0.0.1:1", "scheme 'tls' is not tcp"),  # these hung 20 s, then a traceback
    ("ucx://127.0.0.1:1", "scheme 'ucx' is not tcp"),
    ("inproc://127.0.0.1/1/1", "scheme 'inproc' is not tcp"),
])
def test_a_malformed_scheduler_address_is_refused_before_connecting(monkeypatch, tmp_path, address, problem):
    """A Client built on such an address failed with ValueError only after 20 s, then printed a
    traceback from its __del__ after the one-line error."""
    monkeypatch.setattr(distributed, "Client", lambda *a, **k: pytest.fail("connected to a malformed address"))
    result = CliRunner().invoke(main, [str(SEEDS), "--engine", "dask", "--scheduler", address,
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: --scheduler {address!r} is not an address like tcp://HOST:PORT ({problem}")
    assert len(result.output.splitlines()) == 1
