"""Command line: a thin shell over `checker.check` and the report writers.

``check-claims PATH...`` runs the check (the default command of the group);
``check-claims config`` prints the settings in force. Every option is defined once, on
``check``; a config file may set any of them by its long name (config.py) and the command
line wins, so adding an option here is all it takes to make it configurable.
"""
from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import click

from . import config as config_mod
from .engine import ENGINES
from .sources import MAX_BYTES, remove_stale

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
DEFAULT_FORMATS = "json,csv,html"
#: --fail-on level -> the cluster statuses that fail the run.
FAIL_ON = {"discrepancy": ("discrepancy",), "single-source": ("discrepancy", "single-source"), "never": ()}
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class InputError(click.ClickException):
    """Bad usage or unreadable input: exit 2, since click's default 1 means 'findings' here."""

    exit_code = EXIT_ERROR


def one_line_errors(command):
    """Any unexpected failure becomes one line and exit 2; --debug lets the traceback through."""

    @functools.wraps(command)
    def run(*args, debug: bool = False, **kwargs):
        try:
            return command(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            if debug:
                raise
            detail = " ".join(str(exc).split())
            raise InputError(f"{type(exc).__name__}{': ' + detail if detail else ''}"
                             " (--debug shows the traceback)") from None

    return run


def printable(line: str) -> str:
    """A line for the terminal: control characters from hostile file names (newlines, escape
    sequences) shown escaped, so one skipped file stays one line and cannot drive the terminal."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in line)


class DefaultGroup(click.Group):
    """Runs `check` unless the first argument names another command, so `check-claims PATH...`
    keeps working (a folder called `config` is reached as `./config`)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or args[0] not in self.commands:
            args = ["check", *args]
        return super().parse_args(ctx, args)


class DefaultCommandContext(click.Context):
    """The context of `check`, which users never name: usage lines, help and errors call it
    `check-claims`, the command they typed."""

    @property
    def command_path(self) -> str:
        return self.parent.command_path if self.parent is not None else super().command_path


class DefaultCommand(click.Command):
    context_class = DefaultCommandContext


def _formats(ctx, param, value: str) -> list[str]:
    from .report import RENDERERS

    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in RENDERERS]
    if unknown or not names:
        raise click.BadParameter(
            f"unknown format {', '.join(unknown) or repr(value)} (choose from {', '.join(RENDERERS)})")
    return names


def _date(ctx, param, value: str | None) -> str | None:
    from datetime import date

    from .sources import ISO_DAY_RE, PUBLISHED_YEARS

    if value is None:
        return None
    try:
        if not ISO_DAY_RE.fullmatch(value):  # fromisoformat also takes 20240105 and 2024-W01-1
            raise ValueError(value)
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None
    if day.year not in PUBLISHED_YEARS:  # the same sanity rule as a date stated in an article
        raise click.BadParameter(f"{value!r} is not a plausible publication date")
    return day.isoformat()


def _config(ctx: click.Context, param, value: Path | None) -> config_mod.Config | None:
    """Eager: load the config before the other options, as their defaults (pip-tools' way)."""
    try:
        found = config_mod.load(value, Path.cwd())
        if found is not None:
            ctx.default_map = {**config_mod.default_map(found, check), **(ctx.default_map or {})}
    except config_mod.ConfigError as exc:
        raise InputError(str(exc)) from None
    return found


config_option = click.option(
    "--config", type=click.Path(exists=True, dir_okay=False, path_type=Path), callback=_config, is_eager=True,
    metavar="FILE",
    help="Config file to use instead of the nearest .check-claims.toml, pyproject.toml or setup.cfg.")


@click.group(cls=DefaultGroup, context_settings=CONTEXT)
def main() -> None:
    """check-claims: check that articles about one story agree on their numbers and dates."""


@main.command(cls=DefaultCommand, context_settings=CONTEXT,
              epilog="`check-claims config` prints the settings in force and where each comes from.")
@click.argument("paths", metavar="PATH...", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("reports"),
              show_default=True, help="Folder the reports are written to.")
@click.option("--format", "formats", default=DEFAULT_FORMATS, show_default=True, callback=_formats,
              help="Comma-separated outputs: json, csv, html, sarif, junit, github (annotations on stdout).")
@click.option("--published", callback=_date, metavar="YYYY-MM-DD",
              help="Publication date for sources that state none.")
@click.option("--tolerance", type=click.FloatRange(0, 1), default=0.05, show_default=True,
              help="Relative tolerance of an approximate figure ('about 2,500').")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="Skip files whose id (path under the folder given) matches GLOB; repeatable.")
@click.option("--fail-on", type=click.Choice(list(FAIL_ON)), default="discrepancy", show_default=True,
              help="Lowest finding that makes the exit status 1.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (errors still exit 2).")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Accept the findings recorded in FILE: only new ones fail.")
@click.option("--update-baseline", is_flag=True, help="Record the current findings in the --baseline FILE.")
@click.option("--draft", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="FILE",
              help="Check the article FILE against the sources in PATH: a contradicted claim fails.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors (and --format github's annotations).")
@click.option("--no-progress", is_flag=True, help="No progress bar (it is drawn only on a terminal, for many files).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=MAX_BYTES, show_default=True,
              help="Skip files larger than this many bytes.")
@click.option("--debug", is_flag=True, help="Show the traceback of an unexpected error.")
@click.option("--stories", type=click.Choice(["subfolders"]),
              help="Each immediate subfolder of PATH is its own story: one report each plus an index.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), show_default="all cores",
              help="Worker processes for extraction.")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="Run on this machine, or on a Dask cluster (needs --scheduler).")
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="Address of the Dask scheduler for --engine dask.")
@click.option("--no-cache", is_flag=True, help="Re-extract every file instead of reusing .check-claims-cache/.")
@config_option
@click.version_option(package_name="check-claims")
@one_line_errors
def check(paths: tuple[Path, ...], **options) -> None:
    """Check that the articles under each PATH agree on their numbers and dates.

    Exit status: 0 nothing at or above --fail-on, 1 something is, 2 bad usage or no readable input.
    """
    from . import baseline as baseline_mod, draft as draft_mod, terminal
    from .lexicon import counted
    from .ci_formats import step_summary
    from .core import NoInput, WriteError, check as run_check, check_stories, writing
    from .engine import EngineError, default_jobs

    if options["update_baseline"] and options["baseline"] is None:
        raise click.UsageError("--update-baseline needs --baseline FILE")
    draft, stories = options["draft"], options["stories"]
    if stories and (len(paths) != 1 or not paths[0].is_dir()):
        raise InputError("--stories subfolders takes one folder")
    if stories and (draft or options["baseline"]):
        raise click.UsageError("--stories cannot be combined with --draft or --baseline")
    if options["formats"] != ["github"] and (blocker := _file_in_the_way(options["out"])):  # github writes no file
        raise InputError(f"cannot write reports to {options['out']}: {blocker} is a file")
    if options["update_baseline"] and (blocker := _file_in_the_way(options["baseline"].parent)):
        raise InputError(f"{options['baseline']}: cannot write baseline ({blocker} is a file)")
    # after the usage checks: _cache() creates the cache folder
    run = {"published": options["published"], "tolerance": options["tolerance"], "max_bytes": options["max_bytes"],
           "exclude": options["exclude"], "jobs": options["jobs"] or default_jobs(), "engine": options["engine"],
           "scheduler": options["scheduler"], "cache": None if options["no_cache"] else _cache(quiet=options["quiet"])}
    try:
        with terminal.progress(enabled=not (options["quiet"] or options["no_progress"])) as advance:
            if stories:
                archive = check_stories(paths[0], out=options["out"], formats=options["formats"],
                                        progress=advance, **run)
            else:
                report = run_check([*paths, draft] if draft else list(paths), progress=advance, **run)
    except NoInput as exc:
        _list_skipped(exc.skipped)
        raise InputError(str(exc)) from None
    except (EngineError, WriteError) as exc:
        raise InputError(str(exc)) from None
    if stories:
        click.echo("".join(story.stdout for story in archive.stories), nl=False)
        if "github" in options["formats"] and os.environ.get("GITHUB_STEP_SUMMARY"):
            _append(Path(os.environ["GITHUB_STEP_SUMMARY"]),
                    "".join(f"#### {s.story}\n\n{s.step_summary}" for s in archive.stories if s.step_summary))
        failures = _summarise_stories(archive, options["out"], FAIL_ON[options["fail_on"]], quiet=options["quiet"])
        sys.exit(EXIT_FINDINGS if failures and not options["exit_zero"] else EXIT_OK)
    from . import report as report_mod

    _list_skipped(report.skipped)
    quiet = options["quiet"]
    if not quiet:
        for line in (f"warning {src.id}: {w}" for src in report.sources for w in src.warnings):
            click.echo(printable(line), err=True)
    records = report.to_records()
    if draft:
        draft_mod.annotate(records, _draft_source(records, draft))
    recorded = FAIL_ON[options["fail_on"]] or FAIL_ON["discrepancy"]
    if options["baseline"]:
        _baseline(records, options["baseline"], recorded, update=options["update_baseline"], quiet=quiet)
    for s in records.get("suppressions", ()):
        if not s["claims"] and not quiet:
            click.echo(printable(f"warning {s['source']}:{s['line']}:"
                                 " unused suppression (no claim in the next sentence)"),
                       err=True)

    files = report_mod.render(records, options["formats"])
    out = options["out"]
    try:
        with writing(out):
            report_mod.write_files(files, out)
            remove_stale(out, files)
    except WriteError as exc:
        raise InputError(str(exc)) from None
    click.echo(files.get(report_mod.STDOUT, ""), nl=False)
    if "github" in options["formats"] and os.environ.get("GITHUB_STEP_SUMMARY"):
        _append(Path(os.environ["GITHUB_STEP_SUMMARY"]), step_summary(records))
    failures = _failures(records, FAIL_ON[options["fail_on"]])
    if not options["quiet"]:
        terminal.summary(records, out=out)
        for line in draft_mod.summary_lines(records) + baseline_mod.summary_lines(records):
            click.echo(line)
        if failures:
            new = " not in the baseline" if options["baseline"] else ""
            click.echo(f"{counted(failures, 'finding')}{new} at or above --fail-on {options['fail_on']}")
    sys.exit(EXIT_FINDINGS if failures and not options["exit_zero"] else EXIT_OK)


@main.command("config", context_settings=CONTEXT)
@config_option
def show_config(config: config_mod.Config | None) -> None:
    """Print the settings in force and where each comes from (the file, or the default)."""
    if config is None:
        click.echo(f"# no check-claims settings found in {Path.cwd()} or above (looked for {config_mod.WHERE})")
    # let click resolve the check's options exactly as a run would: converted, validated
    ctx = check.make_context("check", [*(["--config", str(config.path)] if config else []), "."])
    for key, option in config_mod.settings(check).items():
        from_file = ctx.get_parameter_source(option.name) is click.core.ParameterSource.DEFAULT_MAP
        click.echo(f"{key} = {_show(ctx.params[option.name], option)}  # {config.origin if from_file else 'default'}")


def _show(value, option: click.Option) -> str:
    if value is None:  # a default that only a run decides ("all cores") is shown as --help words it
        return f"({option.show_default})" if isinstance(option.show_default, str) else "(not set)"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value)) or "(none)"
    return str(value)


def _file_in_the_way(folder: Path) -> Path | None:
    """The file sitting where `folder` or a parent of it goes (`--out notes.txt/reports`), if any:
    checked before reading anything, since found only when writing, the whole run would be lost."""
    for path in (folder, *folder.parents):
        try:
            if path.exists():
                return None if path.is_dir() else path
        except OSError:  # not allowed to look: writing will say what is wrong
            return None
    return None


def _list_skipped(skipped) -> None:
    """Each file that could not be read, with why, one line each on stderr (even with --quiet)."""
    for item in skipped:
        click.echo(printable(f"skipped {item.path}: {item.reason}"), err=True)


def _cache(*, quiet: bool) -> Path | None:
    """The cache folder, or None (with a warning) when it cannot be written: a read-only
    checkout must still be checkable, only slower."""
    from .cache import DEFAULT_DIR, ClaimCache

    try:
        ClaimCache(DEFAULT_DIR).ready()
    except OSError as exc:
        if not quiet:
            click.echo(printable(f"warning: cannot write the cache {DEFAULT_DIR}/ ({exc.strerror or exc}), "
                                 "running without it (--no-cache silences this)"), err=True)
        return None
    return DEFAULT_DIR


def _draft_source(records: dict, draft: Path) -> str:
    """The source id the draft was read as (the draft may also lie under a PATH)."""
    ids = [s["id"] for s in records["sources"] if Path(s["path"]).resolve() == draft.resolve()]
    if len(ids) != 1:
        reason = next((s["reason"] for s in records["skipped"] if Path(s["path"]).resolve() == draft.resolve()),
                      "a draft must be one article (txt, md or html)")
        raise InputError(f"{draft}: cannot check the draft ({reason})")
    if len(records["sources"]) == 1:
        raise InputError("no readable articles to check the draft against")
    return ids[0]


def _baseline(records: dict, path: Path, statuses: tuple[str, ...], *, update: bool, quiet: bool) -> None:
    """Mark findings new/known against the baseline file, writing it first with --update-baseline."""
    from . import baseline as baseline_mod
    from .fileio import write_atomic
    from .lexicon import counted

    try:
        if not path.exists() and not update:
            raise baseline_mod.BaselineError(f"{path}: no such baseline (create it with --update-baseline)")
        try:
            known = baseline_mod.load(path) if path.exists() else {}
        except baseline_mod.OutdatedBaseline:
            if not update:
                raise
            known = {}  # its findings' reasons are keyed by fingerprints that no longer exist
        if update:
            current = baseline_mod.entries(records, statuses)
            write_atomic(path, baseline_mod.dumps(current, known))
            if not quiet:
                click.echo(f"wrote baseline {path}: {counted(len(current), 'finding')}", err=True)
            known = current
    except baseline_mod.BaselineError as exc:
        raise InputError(str(exc)) from None
    except OSError as exc:
        raise InputError(f"{path}: cannot write baseline ({exc.strerror or exc})") from None
    baseline_mod.annotate(records, known, statuses, str(path))


def _append(path: Path, text: str) -> None:
    try:
        with path.open("a", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise InputError(f"{path}: cannot write the step summary ({exc.strerror or exc})") from None


def _failures(records: dict, statuses: tuple[str, ...]) -> int:
    """How many findings fail the run: the draft's claims in draft mode, else the clusters;
    either way at a level in `statuses` and not accepted in the baseline."""
    from .draft import STATUS_OF

    clusters = {k["id"]: k for k in records["clusters"]}
    if "draft" in records:
        cluster_of = {c["id"]: c["cluster"] for c in records["claims"]}
        return sum(STATUS_OF[item["verdict"]] in statuses
                   and clusters[cluster_of[item["claim"]]].get("baseline") != "known"
                   for item in records["draft"]["claims"])
    return sum(k["status"] in statuses and k.get("baseline") != "known" for k in clusters.values())


#: Stories with discrepancies an archive run names on the terminal (all of them are in out/index.*).
LISTED_STORIES = 10


def _summarise_stories(archive, out: Path, statuses: tuple[str, ...], *, quiet: bool) -> int:
    """Print the archive's one-line summary and the stories with the most discrepancies (a
    story-by-story table is in out/index.*); return how many findings fail the run."""
    from .lexicon import counted
    from .sources import Skipped

    totals = archive.summary
    _list_skipped(Skipped(**item) for item in archive.skipped)
    if not quiet:
        discrepancies = functools.partial(counted, noun="discrepancy", plural="discrepancies")
        click.echo(f"{counted(len(archive.stories), 'story', 'stories')}, {counted(totals['sources'], 'source')}, "
                   f"{counted(totals['claims'], 'claim')}: {discrepancies(totals['discrepancy'])}, "
                   f"{counted(totals['agreement'], 'agreement')}, {totals['single-source']} single-source -> {out}/")
        disputed = sorted((r for r in archive.stories if r.summary["discrepancy"]),
                          key=lambda r: (-r.summary["discrepancy"], r.story))
        for result in disputed[:LISTED_STORIES]:
            click.echo(f"  {result.story}: {discrepancies(result.summary['discrepancy'])}")
        if len(disputed) > LISTED_STORIES:
            click.echo(f"  and {counted(len(disputed) - LISTED_STORIES, 'more story', 'more stories')} with "
                       f"discrepancies: {out}/index.html")
    return sum(totals[status] for status in statuses)
