"""Benchmark check-claims end to end on an archive of stories, against quantulum3 + dateparser.

    python bench/run.py [CORPUS] [--sizes 100,1000,all] [--baseline-sample 150] [--jobs 1]

CORPUS is a folder of story folders (default ../shared/corpora/gva-scale next to the repo). Each
size is a slice of whole stories (the first ones, in folder order) holding at least that many
articles, linked (never copied) into a temporary folder. Every measurement runs in a fresh child
process, so peak memory (max RSS) and start-up are that run's own. Read ratios, not seconds: the
machines are shared and noisy. See bench/README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "gva-scale"
STAGES = ("ingest", "extract", "compare", "report")


def articles(folder: Path) -> list[Path]:
    from checker.sources import SUFFIXES

    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def make_slice(corpus: Path, size: int | None, into: Path) -> dict:
    """Symlink the first stories holding >= `size` articles (all when None) into `into`."""
    into.mkdir()
    count = chars = largest = 0
    for story in sorted(p for p in corpus.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if size is not None and count >= size:
            break
        files = articles(story)
        (into / story.name).symlink_to(story.resolve(), target_is_directory=True)
        story_chars = sum(len(f.read_text(encoding="utf-8", errors="replace")) for f in files)
        count, chars, largest = count + len(files), chars + story_chars, max(largest, story_chars)
    return {"articles": count, "chars": chars, "stories": len(list(into.iterdir())), "largest_story_chars": largest}


# ------------------------------------------------------------------ child processes

def cpu_seconds(children: bool = False) -> float:
    """CPU time of this process (and of its finished worker processes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN) if children else None
    return own.ru_utime + own.ru_stime + (kids.ru_utime + kids.ru_stime if kids else 0.0)


def child_check(folder: str, out: str, jobs: int) -> dict:
    """check_stories on `folder` with each stage's time summed (stage functions wrapped in place)."""
    spent = dict.fromkeys(STAGES + ("index",), 0.0)

    import checker.core as core
    import checker.report as report
    import checker.sources as sources

    def timed(module, name, stage):
        real = getattr(module, name)

        def wrapper(*args, **kwargs):
            t = time.perf_counter()
            try:
                return real(*args, **kwargs)
            finally:
                spent[stage] += time.perf_counter() - t
        setattr(module, name, wrapper)

    timed(sources, "load", "ingest")
    timed(core, "extract", "extract")
    timed(core, "compare", "compare")
    timed(report.Report, "to_records", "report")
    timed(report, "render", "report")
    timed(report, "write_files", "report")
    timed(core, "_write_index", "index")
    t, cpu = time.perf_counter(), cpu_seconds(jobs > 1)
    core.check_stories(folder, out=out, jobs=jobs, cache=None)
    wall, cpu = time.perf_counter() - t, cpu_seconds(jobs > 1) - cpu
    spent["report"] += spent.pop("index")
    return {"seconds": wall, "cpu_seconds": cpu, "stages": spent,
            "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            + (resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if jobs > 1 else 0)}


def child_startup(folder: str, out: str, launched: float) -> dict:
    """The command line on one story: seconds from process launch to the first article's claims."""
    import checker.claims as claims
    from checker.cli import main

    real, first = claims.extract, []

    def first_article(source, **kwargs):
        found = real(source, **kwargs)
        if not first:
            first.append(time.time())
        return found

    claims.extract = first_article
    try:
        main([folder, "--out", out, "--no-cache", "--jobs", "1"])
    except SystemExit:
        pass
    return {"startup": first[0] - launched}


def child_baseline(folder: str, sample: int) -> dict:
    """quantulum3 (numbers) + dateparser.search.search_dates (dates) over every k-th article."""
    import warnings

    from dateparser.search import search_dates
    from quantulum3 import parser

    warnings.filterwarnings("ignore")
    files = [f for story in sorted(Path(folder).iterdir()) for f in articles(story)]
    picked = files[:: max(1, len(files) // sample)][:sample]
    texts = [f.read_text(encoding="utf-8") for f in picked]
    parser.parse("warm up: 3 people")  # loading quantulum3's tables is not per-article work
    search_dates("on January 4, 2024", languages=["en"])
    spent = {"quantulum3": 0.0, "dateparser": 0.0}
    cpu = cpu_seconds()
    for text in texts:
        t = time.perf_counter()
        parser.parse(text)
        spent["quantulum3"] += time.perf_counter() - t
        t = time.perf_counter()
        search_dates(text, languages=["en"])
        spent["dateparser"] += time.perf_counter() - t
    return {"articles": len(texts), "chars": sum(map(len, texts)), "seconds": sum(spent.values()),
            "cpu_seconds": cpu_seconds() - cpu, "stages": spent}


def import_seconds(module: str = "checker.cli") -> float:
    """Cumulative import time of `module`, from ``python -X importtime``."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    line = next(l for l in reversed(proc.stderr.splitlines()) if l.rstrip().endswith(f"| {module}"))
    return int(line.split("|")[1]) / 1e6


def in_child(*args: str) -> dict:
    """Run this script in a child mode and read back its JSON."""
    launched = time.time()
    proc = subprocess.run([sys.executable, __file__, *args, "--launched", repr(launched)],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        sys.exit(f"benchmark child failed:\n{proc.stderr}")
    return json.loads(proc.stdout.splitlines()[-1])


# ------------------------------------------------------------------ report

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sizes", default="100,1000,all", help="slice sizes in articles; 'all' is the whole corpus")
    ap.add_argument("--baseline-sample", type=int, default=150, help="articles the baseline extracts")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (1 = the one-core target)")
    ap.add_argument("--child", nargs=2, metavar=("SLICE", "OUT"), help=argparse.SUPPRESS)
    ap.add_argument("--child-baseline", metavar="SLICE", help=argparse.SUPPRESS)
    ap.add_argument("--child-startup", nargs=2, metavar=("STORY", "OUT"), help=argparse.SUPPRESS)
    ap.add_argument("--launched", type=float, default=0.0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child_check(*args.child, args.jobs)))
        return
    if args.child_startup:
        print(json.dumps(child_startup(*args.child_startup, args.launched)))
        return
    if args.child_baseline:
        print(json.dumps(child_baseline(args.child_baseline, args.baseline_sample)))
        return
    if not args.corpus.is_dir():
        sys.exit(f"{args.corpus}: no such corpus folder")

    sizes = [None if s == "all" else int(s) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="check-claims-bench-") as tmp:
        for n, size in enumerate(sizes):
            folder = Path(tmp) / f"slice{n}"
            info = make_slice(args.corpus, size, folder)
            result = in_child("--child", str(folder), str(Path(tmp) / f"out{n}"), "--jobs", str(args.jobs))
            rows.append({**info, **result})
            print(_row(rows[-1]), flush=True)
        baseline = in_child("--child-baseline", str(Path(tmp) / f"slice{len(sizes) - 1}"),
                            "--baseline-sample", str(args.baseline_sample))
        story = min((Path(tmp) / "slice0").iterdir())
        startup = [in_child("--child-startup", str(story), str(Path(tmp) / f"startup{n}"))["startup"] for n in range(3)]
    _summary(rows, baseline, args.jobs)
    print(f"\nstart-up: import checker.cli {import_seconds():.2f}s (python -X importtime); check-claims from process "
          f"launch to the first article's claims {min(startup):.2f}s (best of 3; target < 1 s)")


def _row(r: dict) -> str:
    stages = ", ".join(f"{s} {r['stages'][s]:.2f}s" for s in STAGES)
    return (f"{r['articles']:>6} articles ({r['stories']} stories, {r['chars'] / 1e6:.1f}M chars): "
            f"{r['seconds']:.2f}s = {r['articles'] / r['seconds']:.0f} articles/s, {r['chars'] / r['seconds'] / 1e3:.0f}k chars/s; "
            f"{stages}; CPU {r['cpu_seconds']:.2f}s; peak RSS {r['max_rss_kib'] / 1024:.0f} MiB (largest story {r['largest_story_chars'] / 1e3:.0f}k chars)")


def _summary(rows: list[dict], baseline: dict, jobs: int) -> None:
    big = rows[-1]
    ours = big["chars"] / big["seconds"]
    theirs = baseline["chars"] / baseline["seconds"]
    q, d = baseline["stages"]["quantulum3"], baseline["stages"]["dateparser"]
    print(f"\nbaseline, quantulum3 + dateparser.search.search_dates on a sample of {baseline['articles']} articles "
          f"({baseline['chars'] / 1e3:.0f}k chars; the whole corpus would take too long): {baseline['seconds']:.1f}s "
          f"(quantulum3 {q:.1f}s, dateparser {d:.1f}s) = {baseline['articles'] / baseline['seconds']:.1f} articles/s, "
          f"{theirs / 1e3:.1f}k chars/s")
    cpu_ratio = (big["chars"] / big["cpu_seconds"]) / (baseline["chars"] / baseline["cpu_seconds"])
    print(f"end to end ({jobs} job{'s' if jobs > 1 else ''}) vs baseline extraction alone: {ours / theirs:.1f}x the "
          f"characters per second (target >= 10x on one core); per CPU second (less swayed by other "
          f"processes on a shared machine): {cpu_ratio:.1f}x")
    print("\ngrowth with corpus size:")
    for a, b in zip(rows, rows[1:]):
        print(f"  {a['articles']} -> {b['articles']} articles (x{b['articles'] / a['articles']:.1f}): "
              f"time x{b['seconds'] / a['seconds']:.1f}, chars x{b['chars'] / a['chars']:.1f}")
    per_char = [r["seconds"] / r["chars"] * 1e6 for r in rows]  # ms per 1,000 characters
    drift = per_char[-1] / per_char[0]
    print(f"  time per 1k chars: {', '.join(f'{p:.1f} ms' for p in per_char)} -> "
          f"{'near linear' if drift < 1.5 else 'NOT linear'} (largest/smallest {drift:.2f})")
    rss = [r["max_rss_kib"] / 1024 for r in rows]
    print(f"  peak RSS: {' -> '.join(f'{m:.0f} MiB' for m in rss)} while the corpus grows "
          f"x{rows[-1]['chars'] / rows[0]['chars']:.0f} (memory follows the largest story, not the archive)")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
