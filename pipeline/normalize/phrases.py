"""Regular-expression alternations of word lists, shaped as a trie (pure; no I/O).

The normalizers find the words of their lists (tense cues, rate kinds, modifiers) with one
alternation each. Written flat, longest phrase first, the regex engine tries every phrase at
every word of the text, which was most of the time of the rate-kind and tense look-ups; as a
trie ("d(?:ue|uty|uties)" rather than "due|duty|duties") it reads each character once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # the key that marks, in a trie node, that a phrase ends there


def phrase_alternation(phrases: Iterable[str], *, ignore_case: bool) -> str:
    """A regex matching any of ``phrases`` (a space in one matches any run of white space), without groups.

    Where several phrases match at a position it matches the longest, as the flat alternation of
    the phrases sorted longest first does: the phrases that fit the text at a position lie on
    one path of the trie, and each branch tries to go on before it lets a phrase end. That needs
    the branches of a node to start with characters no text character matches both of; for a
    pattern compiled with ``re.IGNORECASE`` (``ignore_case``) "a" and "A" would, so they are refused.
    """
    root: dict[str, dict] = {}
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _node_pattern(root, re.IGNORECASE if ignore_case else 0)


def _node_pattern(node: dict[str, dict], flags: int) -> str:
    chars = sorted(char for char in node if char != _END)
    for i, char in enumerate(chars):
        for other in chars[i + 1:]:
            if re.fullmatch(re.escape(char), other, flags) or re.fullmatch(re.escape(other), char, flags):
                raise ValueError(f"phrases branch on {char!r} and {other!r}, which match the same text; "
                                 "give the phrases in one case")
    branches = [(r"\s+" if char == " " else re.escape(char)) + _node_pattern(node[char], flags) for char in chars]
    if not branches:
        return ""
    optional = _END in node  # a phrase ends here: going on is tried first (the longer phrase), then stopping
    if len(branches) == 1 and (not optional or len(branches[0]) == 1):  # "s?", not "\s+?" (lazy) or "ab?"
        return branches[0] + ("?" if optional else "")
    return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")
