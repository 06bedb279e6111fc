"""The pipeline in one call: sources -> claims -> compare -> Report."""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import asdict
from datetime import date

import pandas as pd

from . import claims as claims_mod
from . import compare, sources as sources_mod
from .report import Report


class NoInput(Exception):
    """Nothing readable was found under the given paths."""


def story_date(sources: list[sources_mod.Source]) -> date | None:
    """The median stated publication date of a story's sources: the fallback reference for
    sources that state none (articles about one story are published close together)."""
    known = sorted(s.published for s in sources if s.published)
    return date.fromisoformat(known[len(known) // 2]) if known else None


def check(paths: list[str | os.PathLike], *, published: str | None = None, tolerance: float = 0.05,
          progress: Callable[[int, int], None] | None = None) -> Report:
    """Read, extract, align: the report for the articles under `paths`.

    `progress(done, total)` is called as each source is extracted (the CLI draws a bar with it)."""
    found, skipped = sources_mod.load(list(paths), published=published)
    if not found:
        raise NoInput("no readable articles" + (f" ({len(skipped)} skipped)" if skipped else ""))
    fallback = story_date(found)
    extracted = []
    for done, src in enumerate(found, 1):
        reference = date.fromisoformat(src.published) if src.published else fallback
        extracted.extend(claims_mod.extract(src, reference=reference))
        if progress:
            progress(done, len(found))
    ids = tuple(f"c{n}" for n in range(1, len(extracted) + 1))
    frame = pd.DataFrame([asdict(c) for c in extracted], columns=[f for f in claims_mod.Claim.__dataclass_fields__])
    frame.insert(0, "id", ids)
    frame["published"] = frame["source"].map({s.id: s.published for s in found})  # running totals: which is later
    clusters, timeline = compare.align(frame, tolerance=tolerance)
    cluster_of = {cid: k.id for k in clusters for cid in k.claims}
    return Report(tuple(found), tuple(extracted), ids, tuple(clusters), tuple(timeline), tuple(skipped), cluster_of)
