"""Firms a story names in full without an organization tag: the fuller forms a shortened speaker may stand for.

"State Street Global Advisors" or "Magna International" are often tagged as
nothing at all (a firm the gazetteer does not know), and the story goes on with
"State Street" or "Magna". `untagged_firm_names` lists those runs of
capitalized words, for `descriptions.fuller_organization` to use when no tagged
organization gives the fuller form.
"""

from __future__ import annotations

import re

from pipeline.normalize.quotes.article import POSSESSIVE, ArticleIndex

# A run of capitalized words (or a number inside a firm's name, "Phillips 66") on one line, spaces between them.
_RUN = re.compile(r"(?<![\w.&'’-])[A-Z][\w&.'’-]*(?:[ ]+(?:[A-Z][\w&.'’-]*|\d+\b))+")
# Mentions that make a run something other than an untagged firm's name: a person ("Jane Roe"), a country ("China
# Daily" is no longer form of "China"), a title ("Acme Chief Executive"), a date ("Acme Tuesday"); and a tagged
# organization, whose forms `descriptions.organization_forms` weighs (and leaves out a body: "Kestrel Commission").
_NOT_A_FIRM = ("person", "country", "title", "official", "date", "organization")
# The most words a firm's name runs to ("Pellham Global Asset Management Partners").
MAX_FIRM_WORDS = 5


def untagged_firm_names(art: ArticleIndex) -> dict[str, int]:
    """Runs of two to `MAX_FIRM_WORDS` capitalized words in the body, outside quotations, each with where it
    first stands.

    A run stops before a function word ("Harwick Global Advisors On Monday") and
    after a possessive, which it drops ("Magna International's plant" → "Magna
    International"). Left out: a run that a person, country, title, official,
    date or organization mention touches, and one on a line with no word in
    lower case (a sub-heading in title case).
    """
    names: dict[str, int] = {}
    for match in _RUN.finditer(art.text, art.body_start):
        if art.inside_quote(match.start()) or art.mentions_in(_NOT_A_FIRM, match.start(), match.end()):
            continue
        words: list[str] = []
        for word in match.group(0).split():
            bare = word.rstrip(".,")
            if art.lexicon.word_class(bare.lower()) is not None:
                break
            words.append(POSSESSIVE.sub("", bare))
            if POSSESSIVE.search(bare) or bare != word:
                break  # a possessive or a sentence's full stop ends the name
        if 2 <= len(words) <= MAX_FIRM_WORDS and not _title_case_line(art, match.start(), match.end()):
            names.setdefault(" ".join(words), match.start())
    return names


def named_before(names: dict[str, int], position: int) -> list[str]:
    """The names of `untagged_firm_names` first given before ``position``: news copy names a firm in full, then
    shortens it ("Magna International …. Magna says"); a fuller form first written after the short one is
    more often another firm or a listing line ("Paramount says …. Paramount Global (PARA)")."""
    return [name for name, at in names.items() if at < position]


def _title_case_line(art: ArticleIndex, start: int, end: int) -> bool:
    """True when the run fills its line (a headline or a sub-heading in title case, "Magna Deepens Ties")."""
    line_start = art.text.rfind("\n", 0, start) + 1
    line_end = art.text.find("\n", end)
    line = art.text[line_start:line_end if line_end >= 0 else len(art.text)]
    return not re.search(r"\b[a-z]", line)
