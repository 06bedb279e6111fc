"""Word lists shipped as package data (checker/data/*.yaml), loaded once on first use."""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml


@cache
def load(name: str) -> dict:
    """The parsed contents of ``checker/data/<name>.yaml``."""
    return yaml.safe_load(resources.files("checker").joinpath("data", f"{name}.yaml").read_text("utf-8"))


@cache
def hedges() -> dict[str, str]:
    """Hedge phrase written before a number (lower case) -> hedge class."""
    return {phrase: cls for cls, phrases in load("hedges").items() if cls != "after" for phrase in phrases}


def phrase(said: str | None) -> str:
    """A phrase as the word lists hold it: lower case, single spaces ("More  than" -> "more than")."""
    return " ".join((said or "").lower().split())


def hedge(said: str | None) -> str:
    """The hedge class of a phrase as written before a number ("More  than", "nearly"); exact for none."""
    return hedges().get(phrase(said), "exact")


@cache
def hedges_after() -> dict[str, str]:
    """Hedge phrase written after a number ("24 or more") -> hedge class."""
    return dict(load("hedges")["after"])


@cache
def unit_classes() -> dict[str, str]:
    """Counted noun (lower case) -> canonical unit class (troops, killed, injured...)."""
    return {word: cls for cls, words in load("units").items() for word in words}


def unit_class(unit: str | None) -> str | None:
    """Canonical class for a counted noun; the noun itself when the table does not know it."""
    if unit is None:
        return None
    return unit_classes().get(unit.lower(), unit.lower())


@cache
def event_classes() -> dict[str, str]:
    """Event word (lower case) -> event class (killed, injured, attacks...)."""
    return {word: cls for cls, words in load("events")["classes"].items() for word in words}


def alternation(words) -> str:
    """A regex alternation of `words`, longest first so the longest phrase wins."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """'1 discrepancy', '3 discrepancies': a count with its noun agreeing, for messages and reports."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
