"""The pipeline in one call: sources -> claims -> compare -> Report."""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import asdict, replace
from datetime import date

import pandas as pd

from . import claims as claims_mod
from . import compare, sources as sources_mod, suppress
from .report import Report


#: Claims kept per source: far above any article (a long one has a few hundred), low enough that a
#: machine-made file (a 500 KB line of numbers) cannot swamp alignment and the reports.
MAX_CLAIMS_PER_SOURCE = 1000
#: Longest sentence a claim carries; a longer one (a paragraph with no full stop) becomes the
#: text around the claim, else every claim in it would copy the whole paragraph into every report.
MAX_SENTENCE_CHARS = 2000


class NoInput(Exception):
    """Nothing readable was found under the given paths."""


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


def check(paths: list[str | os.PathLike], *, published: str | None = None, tolerance: float = 0.05,
          exclude: tuple[str, ...] = (), max_bytes: int = sources_mod.MAX_BYTES,
          progress: Callable[[int, int], None] | None = None) -> Report:
    """Read, extract, align: the report for the articles under `paths` (less `exclude` globs).

    `progress(done, total)` is called as each source is extracted (the CLI draws a bar with it)."""
    loaded, skipped = sources_mod.load(list(paths), published=published, exclude=tuple(exclude),
                                       max_bytes=max_bytes)
    if not loaded:
        raise NoInput("no readable articles" + (f" ({len(skipped)} skipped)" if skipped else ""))
    fallback = story_date(loaded)
    found, extracted = [], []
    for done, src in enumerate(loaded, 1):
        reference = date.fromisoformat(src.published) if src.published else fallback
        src, claims = bounded(src, claims_mod.extract(src, reference=reference))
        found.append(src)
        extracted.extend(claims)
        if progress:
            progress(done, len(loaded))
    extracted, suppressions = suppress.apply(found, extracted)
    ids = tuple(f"c{n}" for n in range(1, len(extracted) + 1))
    frame = pd.DataFrame([asdict(c) for c in extracted], columns=[f for f in claims_mod.Claim.__dataclass_fields__])
    frame.insert(0, "id", ids)
    frame["published"] = frame["source"].map({s.id: s.published for s in found})  # running totals: which is later
    clusters, timeline = compare.align(frame, tolerance=tolerance)
    cluster_of = {cid: k.id for k in clusters for cid in k.claims}
    return Report(tuple(found), tuple(extracted), ids, tuple(clusters), tuple(timeline), tuple(skipped), cluster_of,
                  tuple(suppressions))
