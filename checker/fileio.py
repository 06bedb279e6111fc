"""Files written whole or not at all: staged in a temporary file beside the target, then renamed
into place. Kept apart from the report writers so the cache can use it without importing them."""
from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Iterable


def write_atomic(path: Path, data: str | Iterable[str]) -> None:
    """Write via a temporary file renamed into place, so a reader never sees half a file.
    `data` may come in pieces (an archive's combined report.json is never held whole)."""
    tmp = stage(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:  # e.g. a folder where the file goes: leave no staged file behind
        os.unlink(tmp)
        raise


def make_folder(folder: Path) -> None:
    """Create `folder` and its parents if missing; a file in its place is "Not a directory", not
    mkdir's "File exists", which would send a user looking for a folder that is there."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder)) from None


def stage(path: Path, data: str | Iterable[str]) -> str:
    """`data` in a temporary file beside `path` (same file system, so a rename is atomic).

    Not fsynced: the rename already guarantees that no reader (or later run) sees half a file,
    and surviving a power cut is the file system's business, as it is for git, which does not
    fsync by default either. An fsync per file cost more than rendering it in an archive run; a
    crash may at worst lose the newest reports (rerun) or leave an empty cache entry (a miss)."""
    make_folder(path.parent)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.fchmod(fd, 0o666 & ~umask)  # mkstemp makes files 0600; reports are for everyone to read
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.writelines([data] if isinstance(data, str) else data)
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp
