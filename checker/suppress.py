"""Inline suppression: ``<!-- check-claims: ignore -->`` before a sentence an editor has checked by hand.

The claims in the sentence that follows the comment are dropped before alignment, so they
neither raise nor settle a finding. A comment whose sentence holds no claim is reported as
unused, like an unused ``noqa``: it no longer does anything and should go.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .claims import Claim, sentences
from .sources import Source

DIRECTIVE_RE = re.compile(r"<!--\s*check-claims:\s*ignore\s*-->", re.I)
#: Any comment addressed to check-claims (bounded: a comment is short), to catch a misspelt directive.
ADDRESSED_RE = re.compile(r"<!--\s*check[-_ ]?claims\b[^>]{0,80}-->", re.I)
#: Formats whose text is the file as written, so the comment is still there to be found.
FORMATS = ("text", "markdown")


@dataclass(frozen=True)
class Suppression:
    source: str
    line: int
    claims: int  # how many claims it dropped; 0 means unused


def misspelt(source: Source) -> Source:
    """`source` with a warning for each comment meant for check-claims that is not the directive:
    a typo would otherwise leave the sentence compared while the editor believes it left out."""
    if source.format not in FORMATS:
        return source
    found = []
    for m in ADDRESSED_RE.finditer(source.text):
        if not DIRECTIVE_RE.fullmatch(m.group()):
            line = source.text.count("\n", 0, m.start()) + 1
            found.append(f"line {line}: {m.group()!r} is not a directive (write <!-- check-claims: ignore -->)")
    return replace(source, warnings=(*source.warnings, *found)) if found else source


def apply(sources: list[Source], claims: list[Claim]) -> tuple[list[Claim], list[Suppression]]:
    """The claims no directive covers, and every directive with the number of claims it dropped."""
    covered: dict[str, list[tuple[int, int, int]]] = {}
    for src in sources:
        if src.format not in FORMATS:
            continue
        for m in DIRECTIVE_RE.finditer(src.text):
            following = sentences(src.text, m.end()) or [(m.end(), m.end())]
            line = src.text.count("\n", 0, m.start()) + 1
            covered.setdefault(src.id, []).append((line, *following[0]))
    hits: dict[tuple[str, int], int] = {}
    kept = []
    for claim in claims:
        line = next((n for n, start, end in covered.get(claim.source, ()) if start <= claim.start < end), None)
        if line is None:
            kept.append(claim)
        else:
            hits[claim.source, line] = hits.get((claim.source, line), 0) + 1
    found = [Suppression(sid, line, hits.get((sid, line), 0)) for sid, spans in covered.items() for line, _, _ in spans]
    return kept, found
