"""Where the item of a story that holds a position starts, and which organizations are news outlets.

A news digest runs several short stories one after another: each opens with a
heading line ("Acme Faces Probe Over Controls") or a clock time ("1836 ET -
..."), or stands as a bullet. A description ("the company") or "it" stands for
a firm of its own item, never for one of the item before; and a newspaper or
news agency a story cites ("Nikkei reported") is its source, not its subject.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from pipeline.normalize.quotes.article import ArticleIndex, organization_name
from pipeline.views import Mention

# Words a heading line has at most: a longer line without a closing stop is a sentence cut off.
HEADING_WORDS = 16
# Letters a word of a heading has at least to be capitalized ("Acme Faces Probe Over Controls"; "of", "on",
# "from" may stay lower case).
TITLE_WORD_LETTERS = 5
# Lower-case words a line of running text holds at least ("Glenmoor faces a review.").
RUNNING_TEXT_WORDS = 3
# What closes a sentence of running text (a heading has none of these at its end).
SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")
# A clock time opening a digest item: "1836 ET -", "09:15 GMT --".
CLOCK = re.compile(r"[ \t]*(\d{1,2}:?\d{2})[ \t]+([A-Za-z]{2,4})[ \t]*[-–—]+[ \t]*")
# How many characters at a mention's place are read for an outlet's name ("The Wall Street Journal").
OUTLET_CHARS = 40
# A leading "the", which an outlet's name in the word list leaves out ("the Wall Street Journal").
LEADING_THE = re.compile(r"^the\s+")
# A capitalized word right after a name, with only spaces between: the name goes on ("Reuters Holdings").
NAME_GOES_ON = re.compile(r"[ \t]+[A-Z]")
# A bullet opening a line: its mark, then a word (a rule line "- - - -" or a dash before a figure opens no item).
BULLET = re.compile(r"\s*[•*▪●◦·-]\s+[\"'“‘(]?[A-Za-z]")


def item_start(art: ArticleIndex, position: int) -> int:
    """The offset where the item holding ``position`` starts: its bullet or clock-time line, the heading line
    above its paragraphs, or the start of the article (its headline) for the first item."""
    if art.item_starts is None:
        art.item_starts = item_starts(art)
    return art.item_starts[bisect_right(art.item_starts, position) - 1]


def item_starts(art: ArticleIndex) -> list[int]:
    """The offsets where the body's items start, in order, the article's start first.

    A heading counts only above a line of running text (two heading-like lines in a row are a title and a
    byline, or a list, and the lower one is read against the line below it; a table's rows, "Record March 20"
    above "Reuter" or "CLOSE SETT PSETT" above rows of figures, stand above no running text).
    """
    floor = max(art.body_start or 0, 0)
    found = [0]  # the first item holds the headline, which names the story's subject
    lines = art.text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    filled = [index for index, line in enumerate(lines) if line.strip()]
    for here, below in zip(filled, filled[1:] + [None]):
        if offsets[here] <= floor:
            continue
        line = lines[here]
        heading = below is not None and _is_heading(line) and _is_running_text(lines[below])
        if (_opens_item(art, line) or heading) and offsets[here] != found[-1]:
            found.append(offsets[here])
    return found


def _opens_item(art: ArticleIndex, line: str) -> bool:
    """True for a line that opens an item by itself: a bullet, or a clock time with a time zone."""
    return bool(BULLET.match(line)) or _clock(art, line, 0) is not None


def _is_heading(line: str) -> bool:
    """True for a heading line: a few words in title case or capitals, no closing stop. (A line of running
    text cut short, as wire copy wraps it, has lower-case words of `TITLE_WORD_LETTERS` letters or more.)"""
    words = line.split()
    # The cheap tests first: most lines are running text, too long or ending in a stop, and counting the
    # letters of every word of every line took a twentieth of the quotes normalizer.
    if not 0 < len(words) <= HEADING_WORDS or SENTENCE_END.search(line):
        return False
    long_words = [w for w in words if sum(c.isalpha() for c in w) >= TITLE_WORD_LETTERS]
    return len(long_words) >= 2 and all(w.lstrip("\"'“‘(")[:1].isupper() for w in long_words)


def _is_running_text(line: str) -> bool:
    """True for a line of running text: it holds `RUNNING_TEXT_WORDS` lower-case words or more (a table row of
    figures, a signature or a heading has fewer)."""
    return sum(word.isalpha() and word.islower() for word in re.findall(r"[\w'’-]+", line)) >= RUNNING_TEXT_WORDS


def is_news_outlet(art: ArticleIndex, mention: Mention) -> bool:
    """True when an organization mention is a newspaper, news agency or broadcaster (``news_outlet`` in the
    words): by the words at its place, which the name rules may have cut short ("the Wall Street Journal" read
    as "Wall Street"), else by its name. An outlet's name that goes on with a capitalized word there is a
    firm's of its own ("Reuters Holdings")."""
    at_place = _outlet_at(art, mention.start)
    return at_place if at_place is not None else _outlet_name(art, organization_name(mention))


def names_news_outlet(art: ArticleIndex, name: str) -> bool:
    """True when a speaker's name is a news outlet's: as the name of an organization mention that is one
    (`is_news_outlet`), or, named by no mention, by itself ("Nikkei")."""
    mentions = [m for m in art.by_kind.get("organization", []) if organization_name(m) == name]
    if mentions:
        return any(is_news_outlet(art, m) for m in mentions)
    return _outlet_name(art, name)


def _outlet_name(art: ArticleIndex, name: str) -> bool:
    """True when a name, in lower case without a leading "the", is an outlet's: as written ("Barron's") or
    without a possessive ending ("Reuters'", "Nikkei's")."""
    bare = LEADING_THE.sub("", name.strip().lower().replace("’", "'"))
    return bare in art.lexicon.news_outlets or re.sub(r"'s?$", "", bare) in art.lexicon.news_outlets


def _outlet_at(art: ArticleIndex, start: int) -> bool | None:
    """Whether the words at ``start`` are a news outlet's name: True when they open with one and stop there,
    False when a capitalized word goes on with it ("Reuters Holdings", "Bloomberg Philanthropies" are firms of
    their own), None when no outlet's name opens there."""
    text = art.text[start:start + OUTLET_CHARS]
    skipped = LEADING_THE.match(text.lower())
    offset = skipped.end() if skipped else 0
    found = art.lexicon.news_outlet_opening.match(text[offset:].lower().replace("’", "'"))
    if found is None:
        return None
    goes_on = NAME_GOES_ON.match(art.text, start + offset + found.end())
    # ... but a day named after it is no part of a name ("told Reuters Tuesday")
    return goes_on is None or any(m.start == goes_on.end() - 1 for m in art.by_kind.get("date", []))


def after_clock(art: ArticleIndex, start: int) -> int:
    """``start``, or the offset past a digest item's clock time when one opens the line there ("1836 ET - "):
    the time stamps the item, and is no word of what a speaker said."""
    if start != art.text.rfind("\n", 0, start) + 1:
        return start
    clock = _clock(art, art.text, start)
    return start if clock is None else clock.end()


def _clock(art: ArticleIndex, text: str, start: int) -> re.Match[str] | None:
    """The clock time at ``start`` of ``text`` when its zone is one of the word list's time zones, else None:
    "0915 ET -" stamps an item, "0930 XY -" is no clock time we know."""
    clock = CLOCK.match(text, start)
    return clock if clock is not None and clock.group(2).lower() in art.lexicon.time_zones else None
