"""The characters a rule's match can begin with, as the rule states them.

`pipeline.nlp.regex_rules.TriggeredRules` anchors each rule at a few word starts
before a trigger word; most of those attempts fail on the very first
character ("the" before "June" cannot begin "15 June"). A rule whose section
in its patterns file says which characters its match can begin with is
tried only at starts with one of them::

    starts = 0-9aefnostz

The value is the inside of a regular-expression character class, read
without regard to case: ``f`` for a rule opening with "from", ``0-9`` for
digits, ``0-9aefnostz`` for a number in digits or words (zero, one, two …,
and "a" of "a hundred"). A rule without ``starts`` is tried at every start
(safe, only slower); a rule tried at its trigger alone (``lookback = 0``)
gains nothing from one. Letters matter: stating only "a letter or a digit"
(``0-9a-z``) saved next to nothing, as most words before a trigger begin
with a letter (figures in docs/architecture.md).

A stated class must hold every character a match can begin with, including
the first letter of every word in the lists the rule opens with: the tests
try every rule at every word start of real text and fail on a match that
begins outside its class (tests/nlp/test_first_chars.py). A word added to a
list with a new first letter is never matched where it would open a match
until that letter is added here; a test of the new word shows it.
Characters outside ASCII are always tried: case folding has surprises there
(the Kelvin sign matches "k" under the case flag).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_ASCII = tuple(chr(code) for code in range(128))


def first_chars(rule: Mapping[str, str]) -> frozenset[str] | None:
    """The ASCII characters a match of ``rule`` can begin with (its ``starts``); None when it does not say."""
    stated = rule.get("starts", "").strip()
    if not stated:
        return None
    try:
        members = re.compile(f"[{stated}]", re.IGNORECASE)
    except re.error as error:
        raise ValueError(f"rule [{rule.get('id')}]: starts = {stated!r} is not the inside of a character class "
                         f"({error}); write the characters a match can begin with, e.g. 0-9a-z") from None
    return frozenset(char for char in _ASCII if members.fullmatch(char))


def may_start(char: str, chars: frozenset[str] | None) -> bool:
    """Whether a match can begin at ``char`` given `first_chars`' answer (always, outside ASCII)."""
    return chars is None or char in chars or not char.isascii()
