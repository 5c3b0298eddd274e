"""The characters a regular expression's match can begin with, read from the compiled pattern.

`pipeline.nlp.regex_rules.TriggeredRules` anchors each rule at a few word starts
before a trigger word; most of those attempts fail on the very first
character ("the" before "June" cannot begin "mid-June" or "15 June"). Knowing
the characters a rule can start with lets it skip those attempts without
calling the regex engine at all.

The answer is a superset, never a guess: every character a match could begin
with is in the set (in both cases, whatever the pattern's case flags), and
`None` means "any character" whenever the pattern says too little to tell
(a negated class, ``.``, ``\\w``, a back-reference, an empty match).
Lookarounds and anchors (``\\b``, ``(?<!\\d)``) match no character, so they
are passed over: they only narrow a match further.

The pattern is read with the standard library's own parser (``re._parser``),
the one `re.compile` uses, so the set follows exactly what was compiled.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

try:  # the parser `re` itself uses; a private module, so any surprise means "any character"
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - every supported Python has it
    sre_parse = None

# Character classes spelled by category whose characters are few enough to list (ASCII only: any
# other character is always tried, see `may_start`).
_CATEGORY_CHARS = {
    "CATEGORY_DIGIT": "0123456789",
    "CATEGORY_SPACE": " \t\n\r\f\v",
}
# A class range wider than this (such as [\x00-\uffff]) counts as any character.
_LARGEST_RANGE = 256


class _AnyChar(Exception):
    """Raised inside the walk when a part of the pattern can start with any character."""


def first_chars(pattern: re.Pattern) -> frozenset[str] | None:
    """Every character a match of ``pattern`` can start with, or None when it could be any character."""
    if sre_parse is None:
        return None
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        chars, nullable = _sequence(list(parsed))
    except (_AnyChar, re.error, AttributeError, TypeError, ValueError):
        return None
    if nullable:  # an empty match begins anywhere
        return None
    return frozenset(_with_cases(chars))


def may_start(char: str, chars: frozenset[str] | None) -> bool:
    """Whether a match can begin at ``char`` given `first_chars`' answer.

    Characters outside ASCII always may: case folding has surprises there
    (the Kelvin sign matches "k" without the case flag's help).
    """
    return chars is None or char in chars or not char.isascii()


def _sequence(items: Iterable[tuple]) -> tuple[set[str], bool]:
    """First characters of a sequence of parsed items, and whether the whole sequence can match nothing."""
    chars: set[str] = set()
    for item in items:
        item_chars, nullable = _item(*item)
        chars |= item_chars
        if not nullable:
            return chars, False
    return chars, True


def _item(op, value) -> tuple[set[str], bool]:
    name = str(op)
    if name == "LITERAL":
        return {chr(value)}, False
    if name == "IN":
        return _class(value), False
    if name == "BRANCH":
        chars: set[str] = set()
        nullable = False
        for branch in value[1]:
            branch_chars, branch_nullable = _sequence(branch)
            chars |= branch_chars
            nullable = nullable or branch_nullable
        return chars, nullable
    if name == "SUBPATTERN":
        return _sequence(value[-1])
    if name == "ATOMIC_GROUP":
        return _sequence(value)
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _, inner = value
        chars, nullable = _sequence(inner)
        return chars, nullable or low == 0
    if name in ("AT", "ASSERT", "ASSERT_NOT"):  # zero-width: matches no character
        return set(), True
    raise _AnyChar(name)  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, …


def _class(members: Iterable[tuple]) -> set[str]:
    chars: set[str] = set()
    for op, value in members:
        name = str(op)
        if name == "LITERAL":
            chars.add(chr(value))
        elif name == "RANGE" and value[1] - value[0] < _LARGEST_RANGE:
            chars.update(chr(code) for code in range(value[0], value[1] + 1))
        elif name == "CATEGORY" and str(value) in _CATEGORY_CHARS:
            chars.update(_CATEGORY_CHARS[str(value)])
        else:  # NEGATE, a wide range, \w and the like
            raise _AnyChar(name)
    return chars


def _with_cases(chars: Iterable[str]) -> set[str]:
    """``chars`` with their other cases, so that the answer holds with or without the case flag."""
    out: set[str] = set()
    for char in chars:
        for variant in (char, char.lower(), char.upper(), char.casefold(), char.upper().lower()):
            if len(variant) == 1:
                out.add(variant)
    return out
