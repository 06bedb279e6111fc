"""Terminal output with rich: the summary on stdout and the progress bar on stderr.

rich already turns colour off when the stream is not a terminal or NO_COLOR is set, so the
consoles here are plain `Console()`s created at call time (they pick up the current streams).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text


#: Runs over fewer files finish before a progress bar is worth drawing.
PROGRESS_MIN_FILES = 20
_STYLE = {"discrepancy": "bold red", "agreement": "green", "single-source": "dim"}


def summary(records: dict, *, out: Path, console: Console | None = None) -> None:
    """Counts by status, then every discrepancy with the values each source gives."""
    from .compare import STATUSES
    from .lexicon import counted
    from .findings import fact_name, sources_by_value, with_unit

    console = console or Console(highlight=False)
    counts = records["summary"]
    console.print(f"{counted(counts['sources'], 'source')}, {counted(counts['claims'], 'claim')} -> {out}/",
                  markup=False)
    table = Table(title="Facts by status", title_justify="left")
    table.add_column("status")
    table.add_column("facts", justify="right")
    for status in STATUSES:
        table.add_row(f"[{_STYLE[status]}]{status}[/]", str(counts[status]))
    console.print(table)
    disputed = [k for k in records["clusters"] if k["status"] == "discrepancy"]
    if not disputed:
        return
    claims = {c["id"]: c for c in records["claims"]}
    table = Table(title="Discrepancies", title_justify="left")
    table.add_column("fact", style="bold")
    table.add_column("kind")
    table.add_column("value", style="red", justify="right")
    table.add_column("sources", overflow="fold")
    for k in disputed:
        by_value = sources_by_value([claims[cid] for cid in k["claims"]], written=with_unit)
        # One row per value, so a value stays beside its sources however narrow the terminal
        # (a CI log is 80 columns) and the source list wraps. Text(), not str: subjects and
        # file names are article text, never rich markup.
        for i, (value, sources) in enumerate(by_value.items()):
            first = i == 0
            table.add_row(Text(fact_name(k)) if first else None, k["kind"] if first else None, Text(value),
                          Text(", ".join(sources)), end_section=i == len(by_value) - 1)
    console.print(table)


@contextmanager
def progress(*, enabled: bool = True) -> Iterator[Callable[[int, int], None]]:
    """A callback `advance(done, total)` that draws a bar on stderr, but only for runs of at
    least PROGRESS_MIN_FILES files and only when stderr is a terminal."""
    console = Console(stderr=True)
    bar: Progress | None = None
    task = None

    def advance(done: int, total: int) -> None:
        nonlocal bar, task
        if bar is None:
            if not enabled or total < PROGRESS_MIN_FILES or not console.is_terminal:
                return
            bar = Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                           console=console, transient=True)
            bar.start()
            task = bar.add_task("reading", total=total)
        bar.update(task, completed=done)

    try:
        yield advance
    finally:
        if bar is not None:
            bar.stop()
