"""Content-hash cache of extracted claims, so a re-run only re-extracts changed articles.

One JSON file per entry under ``.check-claims-cache/``, named by a SHA-256 of everything that
decides the claims: the tool version and a fingerprint of the extraction code and word lists,
the source's id, text and metadata, and the reference date. Entries are written atomically
(temporary file + rename), so concurrent runs never read half an entry; an unreadable entry is
a miss. JSON, not pickle: a cache restored in CI must never be able to run code.
"""
from __future__ import annotations

import hashlib
import json
import tempfile
from dataclasses import asdict, dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

from . import __version__
from .claims import Claim
from .fileio import make_folder, write_atomic
from .sources import Source

DEFAULT_DIR = Path(".check-claims-cache")


@cache
def code_fingerprint() -> str:
    """Tool version plus a hash of the package's code and data: a developer's edit to
    extraction invalidates the cache even before the version number moves."""
    digest = hashlib.sha256(__version__.encode())
    package = resources.files("checker")
    for path in sorted(Path(str(package)).rglob("*")):
        if path.suffix in (".py", ".yaml") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(str(package)).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def key(source: Source, reference: date | None) -> str:
    """The entry name for `source` extracted against `reference`."""
    fields = {**asdict(source), "reference": reference.isoformat() if reference else None}
    payload = json.dumps(fields, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(code_fingerprint().encode() + b"\0" + payload).hexdigest()


@dataclass(frozen=True)
class ClaimCache:
    """A cache folder; `get` returns None on a miss, `put` stores an entry atomically."""

    root: Path = DEFAULT_DIR

    def _path(self, name: str) -> Path:
        return self.root / name[:2] / f"{name}.json"

    def get(self, name: str) -> list[Claim] | None:
        try:
            records = json.loads(self._path(name).read_text(encoding="utf-8"))
            return [Claim(**r) for r in records]
        except (OSError, ValueError, TypeError):
            return None

    def ready(self) -> None:
        """Create the folder with its .gitignore and CACHEDIR.TAG, or check that it can be written.
        Raises OSError when it cannot (a read-only checkout), so a caller can warn once and run
        without the cache."""
        if self.root.is_dir():
            tempfile.TemporaryFile(dir=self.root).close()
            return
        make_folder(self.root)
        write_atomic(self.root / ".gitignore", "# created by check-claims\n*\n")
        write_atomic(self.root / "CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"
                                                 "# check-claims extraction cache\n")

    def put(self, name: str, claims: list[Claim]) -> None:
        """Store an entry; one that cannot be written (a full disk) is only a miss next time."""
        try:
            if not self.root.exists():
                self.ready()
            write_atomic(self._path(name), json.dumps([asdict(c) for c in claims], ensure_ascii=False))
        except OSError:
            pass
