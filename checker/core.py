"""The pipeline in one call: sources -> claims -> compare -> Report.

`check` reads one story; `check_stories` runs an archive (one story a subfolder) story by story,
writing each story's reports as soon as it is done and keeping only a one-row summary of it, so
memory follows the largest story, not the archive. Work runs on an engine (this process, a pool
of processes, or a Dask cluster); the report writers are imported only when needed and pandas
not at all, so start-up stays fast.
"""
from __future__ import annotations

import errno
import fnmatch
import gc
import json
import os
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import claims as claims_mod
from . import engine as engine_mod
from . import sources as sources_mod
from . import suppress
from .lexicon import counted
from .values import median_day

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
#: The files of an archive's index, by --format.
INDEX_FILES = {"json": "report.json", "csv": "index.csv", "html": "index.html"}
#: The counts of a report's summary (and of an archive's totals).
SUMMARY_KEYS = ("sources", "claims", "agreement", "discrepancy", "single-source")


class NoInput(Exception):
    """Nothing readable was found under the given paths; `skipped` says what was there and why not."""

    def __init__(self, message: str, skipped: tuple = ()):
        super().__init__(message)
        self.skipped = tuple(skipped)


class WriteError(Exception):
    """Reports could not be written; the message names the folder, the report file when one is
    to blame, and the problem."""


@contextmanager
def writing(folder: Path):
    """Turn an OSError while writing reports into `folder` into a WriteError, one line."""
    try:
        yield
    except OSError as exc:
        file = Path(exc.filename2 or exc.filename or "")  # a rename's target, else the file
        where = f"{file.name}: " if file.parent == folder and not file.name.startswith(".") else ""
        raise WriteError(f"cannot write reports to {folder}: {where}{exc.strerror or exc}") from None


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
    sources that state none."""
    day = median_day(s.published for s in sources if s.published)
    return date.fromisoformat(day) if day else None


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
    found, skipped = sources_mod.load(list(paths), published=options.published, max_bytes=options.max_bytes,
                                      exclude=options.exclude)
    return [suppress.misspelt(src) for src in found], skipped


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
    from . import compare as compare_mod
    from .report import Report

    extracted, suppressions = suppress.apply(found, extracted)
    ids = tuple(f"c{n}" for n in range(1, len(extracted) + 1))
    by_id = {s.id: s for s in found}
    # plain rows, not a DataFrame: a story has few claims, and the frame cost a fifth of aligning them;
    # vars(), not asdict(): a shallow copy of each claim, not a deep one. `published` says which source
    # is later (running totals), `sentence_start` where in its sentence each mention is
    starts = tuple(claims_mod.sentence_start(by_id[c.source].text, c) for c in extracted)
    rows = [{"id": cid, **vars(c), "published": by_id[c.source].published, "sentence_start": start}
            for cid, c, start in zip(ids, extracted, starts)]
    clusters, timeline = compare_mod.align(rows, tolerance=options.tolerance)
    cluster_of = {cid: k.id for k in clusters for cid in k.claims}
    return Report(tuple(found), tuple(extracted), ids, tuple(clusters), tuple(timeline), tuple(skipped), cluster_of,
                  tuple(suppressions), tolerance=options.tolerance, sentence_starts=starts)


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
        # only here, on the way out: how many files --exclude left out, so the error says why
        excluded = sum(any(fnmatch.fnmatch(sid, glob) for glob in options.exclude)
                       for sid, _ in sources_mod.discover(paths)[0]) if options.exclude else 0
        reports = sum(sources_mod.is_report(Path(p)) for p in paths)  # named, and left out silently
        why = ([f"{len(skipped)} skipped"] * bool(skipped) + [f"{excluded} left out by --exclude"] * bool(excluded)
               + [f"{counted(reports, 'check-claims report')} given"] * bool(reports)
               or [f"no files in {paths[0]}" if len(paths) == 1 else "no files in the paths given"])
        raise NoInput(f"no readable articles ({', '.join(why)})", skipped)
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
    stdout: str = ""  # what a one-story run prints (--format github's annotations)
    step_summary: str = ""  # its $GITHUB_STEP_SUMMARY section with --format github, when it has a discrepancy


@dataclass(frozen=True)
class Archive:
    """An archive run: one summary row a story, every skipped file, and the totals."""

    stories: tuple[StoryResult, ...]
    skipped: tuple[dict, ...]
    summary: dict


def stories(root: Path, out: Path) -> tuple[list[tuple[str, Path]], list]:
    """The story folders under `root` (sorted; hidden ones and the reports folder `out` left out)
    and what is skipped: the (not hidden) files outside them, whatever their format, folders of
    reports an earlier run wrote into the archive, and links back to the archive or to a story
    already found (read twice, a story's articles would agree with themselves)."""
    # any file: a MANIFEST.tsv as much as a README.md
    skipped = [sources_mod.Skipped(str(f), "not inside a story folder")
               for f in sorted(root.iterdir()) if f.is_file() and not f.name.startswith(".")]
    kept: dict[Path, str] = {}  # real folder -> story
    candidates = [p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".") and p.resolve() != out]
    if out.parent == root.resolve() and _holds_articles(out):
        raise NoInput(f"--out {root / out.name} is the story folder {out.name}: write the reports elsewhere")
    # real folders before links to them (the story keeps its own name), then by name
    for folder in sorted(candidates, key=lambda p: (p.is_symlink(), p.name)):
        real = folder.resolve()
        reason = ("symlink loop (leads back to the archive)" if real in (root.resolve(), *root.resolve().parents)
                  else f"same folder as story {kept[real]}" if real in kept
                  else "check-claims reports, not a story" if _is_reports(folder) else None)
        if reason:
            skipped.append(sources_mod.Skipped(str(folder), reason))
        else:
            kept[real] = folder.name
    return sorted((name, root / name) for name in kept.values()), sorted(skipped, key=lambda s: s.path)


def _is_reports(folder: Path) -> bool:
    """True for a folder of an earlier run's reports, at any depth: a --format sarif run writes no
    index, only story folders of reports. A story folder that also holds its own reports (--out
    the archive itself) is still a story."""
    return not _holds_articles(folder) and any(sources_mod.holds_reports(Path(top)) for top, _, _ in os.walk(folder))


def _holds_articles(folder: Path) -> bool:
    """True when a file under `folder` (links not followed) could be an article, not a report of ours."""
    return any(not name.startswith(".") and Path(name).suffix.lower() in sources_mod.SUFFIXES
               and not sources_mod.is_report(Path(top, name))
               for top, _, names in os.walk(folder) for name in names)


def run_story(task: tuple[str, Path, Path, tuple[str, ...], Options]) -> StoryResult:
    """One story, start to finish, in one worker: ingest, extract, align, write its reports."""
    from .ci_formats import STDOUT, step_summary
    from .report import render, write_files

    name, folder, out, formats, options = task
    found, skipped = ingest([folder], options)
    if not found:  # an earlier run's reports of this story would contradict the index
        with writing(out / name):
            sources_mod.remove_stale(out / name, ())
        return StoryResult(name, dict.fromkeys(SUMMARY_KEYS, 0), None, tuple(asdict(s) for s in skipped))
    found, extracted = extract(found, options)
    report = compare(found, skipped, extracted, options)
    records = report.to_records()
    files = render(records, list(formats))
    with writing(out / name):
        write_files(files, out / name)
        sources_mod.remove_stale(out / name, files)
    github = "github" in formats and records["summary"]["discrepancy"]
    return StoryResult(name, records["summary"], records, tuple(records["skipped"]), files.get(STDOUT, ""),
                       step_summary(records) if github else "")


def check_stories(root: str | os.PathLike, *, out: str | os.PathLike,
                  formats: tuple[str, ...] = ("json", "csv", "html"), published: str | None = None,
                  tolerance: float = 0.05, jobs: int = 1,
                  engine: str = "local", scheduler: str | None = None,
                  cache: str | os.PathLike | None = None, max_bytes: int = sources_mod.MAX_BYTES,
                  exclude: tuple[str, ...] = (), progress: Callable[[int, int], None] | None = None) -> Archive:
    """Each immediate subfolder of `root` is a story: its claims are aligned only with each other
    and its reports go to ``out/<story>/``. Then the index: ``index.csv``, ``index.html`` and a
    combined ``report.json`` (schema check-claims/report@1; source ids prefixed with the story,
    claim and cluster ids numbered across stories). The Archive keeps summaries only;
    `progress(done, total)` is called as stories finish."""
    root, out = Path(root), Path(out).resolve()
    options = Options(published, tolerance, Path(cache).resolve() if cache else None, max_bytes, tuple(exclude))
    folders, loose = stories(root, out)
    if not folders:
        raise NoInput(f"{root}: no story subfolders")
    _check_destination(out, [name for name, _ in folders], formats)
    combined = _Combined()
    results, skipped = [], [asdict(s) for s in loose]
    with fewer_collections(), engine_mod.start(engine, jobs=min(jobs, len(folders)), scheduler=scheduler) as run:
        for result in run.imap(run_story, ((n, f, out, tuple(formats), options) for n, f in folders)):
            combined.add(result)
            results.append(replace(result, records=None))
            skipped.extend(result.skipped)
            if progress:
                progress(len(results), len(folders))
    if not combined.totals["sources"]:
        combined.close()
        raise NoInput(f"no readable articles in {len(folders)} story folders",
                      [sources_mod.Skipped(**s) for s in skipped])
    combined.items("skipped", skipped)
    _write_index(results, combined, out, formats, tolerance=tolerance)
    return Archive(tuple(results), tuple(skipped), combined.totals)


@contextmanager
def fewer_collections():
    """Run Python's cyclic garbage collector less often during an archive run: it allocates
    millions of short-lived records (freed by reference counting anyway), and collecting after
    every 700 allocations spent 0.45 s of a 1,000-article run in 1,009 collections (0.12 s in 41
    after every 10,000). The setting is restored after."""
    threshold = gc.get_threshold()
    gc.set_threshold(10_000, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


class _Combined:
    """The combined report.json, built story by story in temporary section files: memory holds
    one story at a time however large the archive."""

    SECTIONS = ("sources", "claims", "clusters", "timeline", "skipped")

    def __init__(self):
        self.parts = {s: tempfile.TemporaryFile("w+", encoding="utf-8") for s in self.SECTIONS}
        self.count = {s: 0 for s in self.SECTIONS}
        self.totals = dict.fromkeys(SUMMARY_KEYS, 0)

    def items(self, section: str, records: list[dict]) -> None:
        """Append records to a section, laid out as in ``json.dumps(document, indent=2)``: one
        dumps a story's section, not one a record (the encoder's set-up was a third of the work)."""
        if not records:
            return
        text = json.dumps(records, indent=2, ensure_ascii=False).replace("\n", "\n  ")
        self.parts[section].write(("," if self.count[section] else "") + text[1:-len("\n  ]")])
        self.count[section] += len(records)

    def add(self, result: StoryResult) -> None:
        for key in self.totals:
            self.totals[key] += result.summary[key]
        if result.records is None:
            return
        rec, story = result.records, result.story
        claim_id = {c["id"]: f"c{self.count['claims'] + n}" for n, c in enumerate(rec["claims"], 1)}
        cluster_id = {k["id"]: f"k{self.count['clusters'] + n}" for n, k in enumerate(rec["clusters"], 1)}
        self.items("sources", [{**s, "id": f"{story}/{s['id']}"} for s in rec["sources"]])
        self.items("claims", [{**c, "id": claim_id[c["id"]], "source": f"{story}/{c['source']}",
                               "cluster": cluster_id[c["cluster"]]} for c in rec["claims"]])
        self.items("clusters", [{**k, "id": cluster_id[k["id"]], "claims": [claim_id[c] for c in k["claims"]],
                                 "sources": [f"{story}/{s}" for s in k["sources"]]} for k in rec["clusters"]])
        self.items("timeline", [{**e, "claims": [claim_id[c] for c in e["claims"]],
                                 "sources": [f"{story}/{s}" for s in e["sources"]]} for e in rec["timeline"]])

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


def _check_destination(out: Path, names: list[str], formats) -> None:
    """Raise a WriteError before any story is written if the reports cannot all be: story folders
    already written beside an index that then fails would contradict it. Checks that `out` takes
    files, that no folder sits where an index file goes and no file where a story's folder goes."""
    from .fileio import make_folder, stage

    index = {name for fmt, name in INDEX_FILES.items() if fmt in formats}
    with writing(out):
        if clash := sorted(index.intersection(names)):
            raise WriteError(f"cannot write reports to {out}: story {clash[0]} has the name of the index file"
                             f" {clash[0]}")
        make_folder(out)
        os.unlink(stage(out / "index", ""))  # a read-only folder fails here, not after the stories
        for name in sorted(index):
            if (out / name).is_dir():
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(out / name))
        for name in names:
            if (out / name).exists() and not (out / name).is_dir():
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(out / name))


def _write_index(results: list[StoryResult], combined: _Combined, out: Path, formats, *, tolerance: float) -> None:
    """index.csv / index.html (one row a story) and the combined report.json, per --format."""
    from . import __version__
    from .report import SCHEMA, csv_text, html_env, write_files

    columns = ["story", *SUMMARY_KEYS, "skipped"]
    rows = [{"story": r.story, **r.summary, "skipped": len(r.skipped)} for r in results]
    rows.sort(key=lambda row: -row["discrepancy"])  # stable: the most disputed stories first, then by name
    files = {}  # written as one set (report.write_files): a failure leaves the previous index whole
    if "json" in formats:
        head = {"schema": SCHEMA, "tool": {"name": "check-claims", "version": __version__}, "tolerance": tolerance}
        files[INDEX_FILES["json"]] = combined.chunks(head)
    if "csv" in formats:
        files[INDEX_FILES["csv"]] = csv_text(columns, [[row[c] for c in columns] for row in rows],
                                             text=frozenset({"story"}))
    if "html" in formats:
        files[INDEX_FILES["html"]] = html_env().get_template("index.html.j2").render(rows=rows, totals=combined.totals)
    try:
        with writing(out):
            write_files(files, out)
            sources_mod.remove_stale(out, files, ("report.json", *sources_mod.INDEX_MARKERS))
    finally:
        combined.close()
