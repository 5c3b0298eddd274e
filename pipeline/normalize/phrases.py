"""Regular-expression alternations of word lists (pure; no I/O).

The normalizers find the words of their lists (tense cues, rate kinds, modifiers, month names)
with one alternation each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A regex matching any of ``phrases`` (a space in one matches any run of white space), without groups.

    The phrases are tried longest first, so where several match at a position the longest that
    fits the pattern around the alternation wins.
    """
    ordered = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    return "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in ordered)
