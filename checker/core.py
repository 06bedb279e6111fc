"""The pipeline in one call: sources -> claims -> compare -> Report.

`check` reads one story; `check_stories` runs an archive (one story a subfolder) story by story,
writing each story's reports as soon as it is done and keeping only a one-row summary of it, so
memory follows the largest story, not the archive. Work runs on an engine (this process, a pool
of processes, or a Dask cluster); pandas and the report writers are imported only when needed,
so start-up stays fast.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import claims as claims_mod
from . import engine as engine_mod
from . import sources as sources_mod
from . import suppress

if TYPE_CHECKING:
    from .report import Report

#: Claims kept per source: far above any article (a long one has a few hundred), low enough that a
#: machine-made file (a 500 KB line of numbers) cannot swamp alignment and the reports.
MAX_CLAIMS_PER_SOURCE = 1000
#: Longest sentence a claim carries; a longer one (a paragraph with no full stop) becomes the
#: text around the claim, else every claim in it would copy the whole paragraph into every report.
MAX_SENTENCE_CHARS = 2000
#: Sources sent to a worker per task: large enough to amortise the hop, small enough to spread.
CHUNK = 8
#: The counts of a report's summary (and of an archive's totals).
SUMMARY_KEYS = ("sources", "claims", "agreement", "discrepancy", "single-source")


class NoInput(Exception):
    """Nothing readable was found under the given paths; `skipped` says what was there and why not."""

    def __init__(self, message: str, skipped: tuple = ()):
        super().__init__(message)
        self.skipped = tuple(skipped)


@dataclass(frozen=True)
class Options:
    """What decides the reports (and so must travel to every worker)."""

    published: str | None = None
    tolerance: float = 0.05
    cache: Path | None = None  # cache folder, or None for no cache
    max_bytes: int = sources_mod.MAX_BYTES  # larger files are skipped
    exclude: tuple[str, ...] = ()  # globs of source ids left out


def story_date(sources: list[sources_mod.Source]) -> date | None:
    """The median stated publication date of a story's sources: the fallback reference for
    sources that state none (articles about one story are published close together)."""
    known = sorted(s.published for s in sources if s.published)
    return date.fromisoformat(known[len(known) // 2]) if known else None


def bounded(src: sources_mod.Source, found: list[claims_mod.Claim]
            ) -> tuple[sources_mod.Source, list[claims_mod.Claim]]:
    """Cap pathological text: at most MAX_CLAIMS_PER_SOURCE claims (the source records a warning
    when some were dropped), sentences clipped to MAX_SENTENCE_CHARS around their claim."""
    if len(found) > MAX_CLAIMS_PER_SOURCE:
        note = f"{len(found):,} claims found, only the first {MAX_CLAIMS_PER_SOURCE:,} kept"
        src, found = replace(src, warnings=(*src.warnings, note)), found[:MAX_CLAIMS_PER_SOURCE]
    half = MAX_SENTENCE_CHARS // 2
    return src, [c if len(c.sentence) <= MAX_SENTENCE_CHARS
                 else replace(c, sentence=src.text[max(c.start - half, 0):c.end + half]) for c in found]


def ingest(paths: list[str | os.PathLike], options: Options) -> tuple[list, list]:
    """Stage 1: the story's sources and skipped files."""
    return sources_mod.load(list(paths), published=options.published, max_bytes=options.max_bytes,
                            exclude=options.exclude)


def extract_chunk(task: tuple[list[tuple[sources_mod.Source, date | None]], Path | None]) -> list[list]:
    """Stage 2, one task: the claims of a few sources, through the cache when there is one."""
    pairs, cache_dir = task
    if cache_dir is None:
        return [claims_mod.extract(src, reference=ref) for src, ref in pairs]
    from .cache import ClaimCache, key

    store, out = ClaimCache(cache_dir), []
    for src, ref in pairs:
        name = key(src, ref)
        found = store.get(name)
        if found is None:
            found = claims_mod.extract(src, reference=ref)
            store.put(name, found)
        out.append(found)
    return out


def extract(found: list[sources_mod.Source], options: Options, run=None,
            progress: Callable[[int, int], None] | None = None) -> tuple[list, list]:
    """Stage 2: the sources (with any warning `bounded` adds) and their claims in source order, on
    `run` (an engine; default this process). `progress(done, total)` is called as sources come back."""
    fallback = story_date(found)
    if fallback is not None:  # say where the reference of a source without a date came from
        found = [s if s.published else replace(s, published_from="story") for s in found]
    pairs = [(s, date.fromisoformat(s.published) if s.published else fallback) for s in found]
    chunks = [pairs[i:i + CHUNK] for i in range(0, len(pairs), CHUNK)]
    sources, extracted = [], []
    for part in (run or engine_mod.Serial()).imap(extract_chunk, ((ch, options.cache) for ch in chunks)):
        for claims in part:
            src, claims = bounded(found[len(sources)], claims)
            sources.append(src)
            extracted.extend(claims)
        if progress:
            progress(len(sources), len(found))
    return sources, extracted


def compare(found: list, skipped: list, extracted: list, options: Options) -> Report:
    """Stage 3: align the story's claims into clusters and a timeline; the Report."""
    import pandas as pd

    from . import compare as compare_mod
    from .report import Report

    extracted, suppressions = suppress.apply(found, extracted)
    ids = tuple(f"c{n}" for n in range(1, len(extracted) + 1))
    # vars(), not asdict(): a shallow view of each claim, no deep copy (asdict was a tenth of an archive run)
    frame = pd.DataFrame([vars(c) for c in extracted], columns=list(claims_mod.Claim.__dataclass_fields__))
    frame.insert(0, "id", ids)
    frame["published"] = frame["source"].map({s.id: s.published for s in found})  # running totals: which is later
    clusters, timeline = compare_mod.align(frame, tolerance=options.tolerance)
    cluster_of = {cid: k.id for k in clusters for cid in k.claims}
    return Report(tuple(found), tuple(extracted), ids, tuple(clusters), tuple(timeline), tuple(skipped), cluster_of,
                  tuple(suppressions))


def check(paths: list[str | os.PathLike], *, published: str | None = None, tolerance: float = 0.05,
          jobs: int = 1, engine: str = "local", scheduler: str | None = None,
          cache: str | os.PathLike | None = None, max_bytes: int = sources_mod.MAX_BYTES,
          exclude: tuple[str, ...] = (), progress: Callable[[int, int], None] | None = None) -> Report:
    """Read, extract, align: the Report for the articles under `paths` (one story).

    `jobs` worker processes (or the Dask cluster at `scheduler`) extract; `cache` is a cache
    folder (e.g. ``.check-claims-cache``) that spares re-extracting unchanged sources;
    `progress(done, total)` is called as sources are extracted.
    """
    options = Options(published, tolerance, Path(cache).resolve() if cache else None, max_bytes, tuple(exclude))
    found, skipped = ingest(paths, options)
    if not found:
        raise NoInput("no readable articles" + (f" ({len(skipped)} skipped)" if skipped else ""), skipped)
    chunks = -(-len(found) // CHUNK)  # a pool larger than the number of chunks would idle
    with engine_mod.start(engine, jobs=min(jobs, chunks), scheduler=scheduler) as run:
        found, extracted = extract(found, options, run, progress)
    return compare(found, skipped, extracted, options)


# ---------------------------------------------------------------- archives: one story a subfolder

@dataclass(frozen=True)
class StoryResult:
    """What a worker sends back for one story: its summary row and its report.json records."""

    story: str
    summary: dict
    records: dict | None  # None when the story had no readable article
    skipped: tuple


@dataclass(frozen=True)
class Archive:
    """An archive run: one summary row a story, every skipped file, and the totals."""

    stories: tuple[StoryResult, ...]
    skipped: tuple[dict, ...]
    summary: dict


def stories(root: Path, out: Path) -> tuple[list[tuple[str, Path]], list]:
    """The story folders under `root` (sorted; hidden ones and the reports folder `out` left out)
    and the (not hidden) files outside them, whatever their format."""
    folders = sorted(p for p in root.iterdir()
                     if p.is_dir() and not p.name.startswith(".") and p.resolve() != out)
    loose = [sources_mod.Skipped(str(f), "not inside a story folder")  # any file: a MANIFEST.tsv as much as a README.md
             for f in sorted(root.iterdir()) if f.is_file() and not f.name.startswith(".")]
    return [(p.name, p) for p in folders], loose


def run_story(task: tuple[str, Path, Path, tuple[str, ...], Options]) -> StoryResult:
    """One story, start to finish, in one worker: ingest, extract, align, write its reports."""
    from .report import render, write_files

    name, folder, out, formats, options = task
    found, skipped = ingest([folder], options)
    if not found:
        return StoryResult(name, dict.fromkeys(SUMMARY_KEYS, 0), None, tuple(asdict(s) for s in skipped))
    found, extracted = extract(found, options)
    report = compare(found, skipped, extracted, options)
    records = report.to_records()
    write_files(render(records, list(formats)), out / name)
    return StoryResult(name, records["summary"], records, tuple(records["skipped"]))


def check_stories(root: str | os.PathLike, *, out: str | os.PathLike, formats: tuple[str, ...] = ("json", "csv", "html"),
                  published: str | None = None, tolerance: float = 0.05, jobs: int = 1,
                  engine: str = "local", scheduler: str | None = None,
                  cache: str | os.PathLike | None = None, max_bytes: int = sources_mod.MAX_BYTES,
                  progress: Callable[[int, int], None] | None = None) -> Archive:
    """Each immediate subfolder of `root` is a story: its claims are aligned only with each other
    and its reports go to ``out/<story>/``. Then the index: ``index.csv``, ``index.html`` and a
    combined ``report.json`` (schema check-claims/report@1; source ids prefixed with the story,
    claim and cluster ids numbered across stories). The Archive keeps summaries only;
    `progress(done, total)` is called as stories finish."""
    root, out = Path(root), Path(out).resolve()
    options = Options(published, tolerance, Path(cache).resolve() if cache else None, max_bytes)
    folders, loose = stories(root, out)
    if not folders:
        raise NoInput(f"{root}: no story subfolders")
    combined = _Combined()
    results, skipped = [], [asdict(s) for s in loose]
    with engine_mod.start(engine, jobs=min(jobs, len(folders)), scheduler=scheduler) as run:
        for result in run.imap(run_story, ((n, f, out, tuple(formats), options) for n, f in folders)):
            combined.add(result)
            results.append(StoryResult(result.story, result.summary, None, result.skipped))
            skipped.extend(result.skipped)
            if progress:
                progress(len(results), len(folders))
    if not combined.totals["sources"]:
        combined.close()
        raise NoInput(f"no readable articles in {len(folders)} story folders",
                      [sources_mod.Skipped(**s) for s in skipped])
    combined.skipped(skipped)
    _write_index(results, combined, out, formats)
    return Archive(tuple(results), tuple(skipped), combined.totals)


class _Combined:
    """The combined report.json, built story by story in temporary section files: memory holds
    one story at a time however large the archive."""

    SECTIONS = ("sources", "claims", "clusters", "timeline", "skipped")

    def __init__(self):
        self.parts = {s: tempfile.TemporaryFile("w+", encoding="utf-8") for s in self.SECTIONS}
        self.count = {s: 0 for s in self.SECTIONS}
        self.totals = dict.fromkeys(SUMMARY_KEYS, 0)
        self.claims = self.clusters = 0

    def skipped(self, records: list[dict]) -> None:
        for record in records:
            self._item("skipped", record)

    def _item(self, section: str, record: dict) -> None:
        text = json.dumps(record, indent=2, ensure_ascii=False).replace("\n", "\n    ")
        self.parts[section].write((",\n    " if self.count[section] else "\n    ") + text)
        self.count[section] += 1

    def add(self, result: StoryResult) -> None:
        for key in self.totals:
            self.totals[key] += result.summary[key]
        if result.records is None:
            return
        rec, story = result.records, result.story
        claim_id = {c["id"]: f"c{self.claims + n}" for n, c in enumerate(rec["claims"], 1)}
        cluster_id = {k["id"]: f"k{self.clusters + n}" for n, k in enumerate(rec["clusters"], 1)}
        self.claims += len(claim_id)
        self.clusters += len(cluster_id)
        for s in rec["sources"]:
            self._item("sources", {**s, "id": f"{story}/{s['id']}"})
        for c in rec["claims"]:
            self._item("claims", {**c, "id": claim_id[c["id"]], "source": f"{story}/{c['source']}",
                                  "cluster": cluster_id[c["cluster"]]})
        for k in rec["clusters"]:
            self._item("clusters", {**k, "id": cluster_id[k["id"]], "claims": [claim_id[c] for c in k["claims"]],
                                    "sources": [f"{story}/{s}" for s in k["sources"]]})
        for e in rec["timeline"]:
            self._item("timeline", {**e, "claims": [claim_id[c] for c in e["claims"]]})

    def chunks(self, head: dict):
        """report.json, laid out as ``json.dumps(records, indent=2)`` would, in pieces."""
        yield json.dumps(head, indent=2, ensure_ascii=False)[:-2] + ",\n"
        for section in self.SECTIONS:
            part = self.parts[section]
            part.seek(0)
            yield f'  "{section}": ['
            while piece := part.read(1 << 20):
                yield piece
            yield ("\n  ]" if self.count[section] else "]") + ",\n"
        yield f'  "summary": {json.dumps(self.totals, indent=2).replace(chr(10), chr(10) + "  ")}\n}}\n'

    def close(self) -> None:
        for part in self.parts.values():
            part.close()


def _write_index(results: list[StoryResult], combined: _Combined, out: Path, formats) -> None:
    """index.csv / index.html (one row a story) and the combined report.json, per --format."""
    from . import __version__
    from .report import SCHEMA, html_env, write_atomic

    rows = [{"story": r.story, **r.summary, "skipped": len(r.skipped)} for r in results]
    try:
        if "json" in formats:
            head = {"schema": SCHEMA, "tool": {"name": "check-claims", "version": __version__}}
            write_atomic(out / "report.json", combined.chunks(head))
        if "csv" in formats:
            import pandas as pd

            write_atomic(out / "index.csv", pd.DataFrame(rows).to_csv(index=False, lineterminator="\n"))
        if "html" in formats:
            template = html_env().get_template("index.html.j2")
            write_atomic(out / "index.html", template.render(rows=rows, totals=combined.totals))
    finally:
        combined.close()
