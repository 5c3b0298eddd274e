"""Shallow reading of a sentence without a parser: clauses, governing words, word distances."""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.events.resources import EventResources

_TOKEN = re.compile(r"[\w’'.-]+|[^\w\s]")
_WORD = re.compile(r"\w+")


class Clause(NamedTuple):
    """Character offsets of one clause of a sentence (end exclusive)."""

    start: int
    end: int


def clauses(text: str, start: int, end: int, resources: EventResources) -> list[Clause]:
    """Split ``text[start:end]`` at clause boundaries (semicolons, "but", "while", dashes …)."""
    out, current = [], start
    for match in resources.clause_boundary.finditer(text, start, end):
        if match.start() > current:
            out.append(Clause(current, match.start()))
        current = match.end()
    if end > current:
        out.append(Clause(current, end))
    return out or [Clause(start, end)]


def governor(text: str, floor: int, start: int, resources: EventResources) -> str | None:
    """The lowercase word that governs the noun phrase starting at ``start``, or None.

    Walks back over capitalized words, numbers and transparent words
    (determiners, possessives) to the first other word: "with US Treasury
    Secretary Scott Bessent" → "with"; a phrase opening the clause or
    following punctuation is ungoverned (None).
    """
    for token in reversed(_TOKEN.findall(text[floor:start])):
        lower = token.lower()
        if lower in resources.transparent or token[0].isupper() or token[0].isdigit():
            continue
        if not (token[0].isalnum() or token[0] == "_"):
            return None
        return lower
    return None


def linked(text: str, floor: int, start: int, end: int, resources: EventResources) -> bool:
    """True when the phrase at ``[start, end)`` is joined to another by "with", "between", "and", a hyphen or a slash.

    The counterpart of talks is introduced so: "talks with Japan", "between
    Reagan and Nakasone", "U.S.-China meeting", "a U.S./Japan investigation".
    """
    transparent = resources.transparent - resources.link_words
    if text[end:end + 1] in ("-", "/", "–") and text[end + 1:end + 2].isupper():  # "U.S.-China talks"
        return True
    for token in reversed(_TOKEN.findall(text[floor:start])):
        lower = token.lower()
        if len(token) > 1 and token[-1] in "-/–":
            return True
        if lower in resources.link_words:
            return True
        if lower in transparent or token[0].isupper() or token[0].isdigit():
            continue
        return False
    return False


def first_words(text: str, start: int, end: int, count: int) -> str:
    """The text of ``text[start:end]`` up to its ``count``-th word."""
    for index, match in enumerate(_WORD.finditer(text, start, end)):
        if index + 1 == count:
            return text[start:match.end()]
    return text[start:end]


def last_words(text: str, start: int, end: int, count: int) -> str:
    """The last ``count`` words of ``text[start:end]``."""
    matches = list(_WORD.finditer(text, start, end))
    return text[matches[-count].start():end] if len(matches) >= count else text[start:end]


def words_between(text: str, start: int, end: int) -> int:
    """Number of words in ``text[start:end]`` (0 when the range is empty)."""
    return len(_WORD.findall(text, start, end)) if end > start else 0


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """True when ``position`` lies in one of ``spans``."""
    return any(s <= position < e for s, e in spans)


def pattern_spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Character spans of every match of ``pattern`` in ``text[start:end]``."""
    return [(m.start(), m.end()) for m in pattern.finditer(text, start, end)]
