"""Command line: a thin shell over `checker.check` and the report writers."""
from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from .sources import MAX_BYTES

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = ("json", "csv", "html")


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
            raise InputError(f"{type(exc).__name__}{': ' + detail if detail else ''} (--debug shows the traceback)") from None

    return run


def printable(line: str) -> str:
    """A line for the terminal: control characters from hostile file names (newlines, escape
    sequences) shown escaped, so one skipped file stays one line and cannot drive the terminal."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in line)


def _formats(ctx, param, value: str) -> list[str]:
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise click.BadParameter(f"unknown format {', '.join(unknown) or repr(value)} (choose from {', '.join(FORMATS)})")
    return names


def _date(ctx, param, value: str | None) -> str | None:
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("reports"),
              show_default=True, help="Folder the reports are written to.")
@click.option("--format", "formats", default=",".join(FORMATS), show_default=True, callback=_formats,
              help="Comma-separated outputs to write: json, csv, html.")
@click.option("--published", callback=_date, metavar="YYYY-MM-DD",
              help="Publication date for sources that state none.")
@click.option("--tolerance", type=click.FloatRange(0, 1), default=0.05, show_default=True,
              help="Relative tolerance of an approximate figure ('about 2,500').")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.option("--no-progress", is_flag=True, help="No progress bar (it is drawn only on a terminal, for many files).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=MAX_BYTES, show_default=True,
              help="Skip files larger than this many bytes.")
@click.option("--debug", is_flag=True, help="Show the traceback of an unexpected error.")
@click.option("--stories", type=click.Choice(["subfolders"]),
              help="Each immediate subfolder of PATH is its own story: one report each plus an index.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes for extraction [default: all cores].")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run on this machine, or on a Dask cluster (needs --scheduler).")
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="Address of the Dask scheduler for --engine dask.")
@click.option("--no-cache", is_flag=True, help="Re-extract every file instead of reusing .check-claims-cache/.")
@click.version_option(package_name="check-claims")
@one_line_errors
def main(paths: tuple[Path, ...], out: Path, formats: list[str], published: str | None, tolerance: float,
         quiet: bool, no_progress: bool, max_bytes: int, stories: str | None, jobs: int | None, engine: str,
         scheduler: str | None, no_cache: bool) -> None:
    """Check that the articles under PATHS agree on their numbers and dates.

    Exit status: 0 no discrepancy, 1 at least one discrepancy, 2 bad usage or no readable input.
    """
    from . import terminal
    from .cache import DEFAULT_DIR
    from .core import NoInput, check, check_stories
    from .engine import EngineError, default_jobs

    run = {"published": published, "tolerance": tolerance, "jobs": jobs or default_jobs(), "engine": engine,
           "scheduler": scheduler, "cache": None if no_cache else DEFAULT_DIR, "max_bytes": max_bytes}
    if stories and (len(paths) != 1 or not paths[0].is_dir()):
        raise InputError("--stories subfolders takes one folder")
    try:
        with terminal.progress(enabled=not (quiet or no_progress)) as advance:
            if stories:
                archive = check_stories(paths[0], out=out, formats=formats, progress=advance, **run)
            else:
                report = check(list(paths), progress=advance, **run)
    except (NoInput, EngineError) as exc:
        raise InputError(str(exc)) from None
    if stories:
        _summarise_stories(archive, out, quiet=quiet)
    from . import report as report_mod  # pandas: only once there is a report to write

    for skipped in report.skipped:
        click.echo(printable(f"skipped {skipped.path}: {skipped.reason}"), err=True)
    for src in report.sources:
        for warning in src.warnings:
            click.echo(printable(f"warning {src.id}: {warning}"), err=True)
    try:
        report_mod.write(report, out, formats)
    except OSError as exc:
        raise InputError(f"cannot write reports to {out}: {exc.strerror or exc}") from None
    if not quiet:
        terminal.summary(report.to_records(), out=out)
    sys.exit(EXIT_FINDINGS if report.summary["discrepancy"] else EXIT_OK)


def _summarise_stories(archive, out: Path, *, quiet: bool) -> None:
    """The archive's one-line summary and exit status (a story-by-story table is in out/index.*)."""
    totals = archive.summary
    for skipped in archive.skipped:
        click.echo(printable(f"skipped {skipped['path']}: {skipped['reason']}"), err=True)
    if not quiet:
        click.echo(f"{len(archive.stories)} stories, {totals['sources']} sources, {totals['claims']} claims: "
                   f"{totals['discrepancy']} discrepancies, {totals['agreement']} agreements, "
                   f"{totals['single-source']} single-source -> {out}/")
    sys.exit(EXIT_FINDINGS if totals["discrepancy"] else EXIT_OK)
