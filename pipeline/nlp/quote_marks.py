"""Quotation marks over an article's text, paired into quotations paragraph by paragraph.

The scanner of the quotes component (`pipeline.nlp.quotes`, whose docstring lists the wire
conventions it knows): `find_marks` reads every quotation mark and decides from its neighbours
whether it opens or closes, `find_quote_spans` pairs them, and `trim_unclosed` ends an unclosed
quotation before the attribution that ends its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

RULES = ("pair", "spans_lines", "reopened", "unclosed", "unopened")
UNBALANCED_RULES = frozenset({"unclosed", "unopened"})
# How many lines an open quotation may run over when it is never reopened.
MAX_SPAN_LINES = 12
_MARK = re.compile(r"``|''|[\"“”«»‘’'`]")
_OPENERS = "“‘«`"
_AFTER_OPENING = "([{<—–-/:;" + _OPENERS + "\""
_BEFORE_CLOSING = ".,;:!?)]}>—–-/…" + "”’»'\""
_CONTRACTION = re.compile(r"(?:s|re|ll|d|ve|m|t|em|n)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘'`(\[]?[A-Z0-9])")
BULLET = re.compile(r"^(?:[-*•>#]+\s*|\*\*)+")


@dataclass(frozen=True, slots=True)
class Mark:
    """One quotation mark: its characters, family (double/single), role (open/close/either), and if typographic."""

    start: int
    end: int
    family: str
    role: str
    strong: bool


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quotation: offsets of the text inside the marks, where the marks are, and the rule that closed it.

    ``open_at`` is the opening mark's offset (None when unopened); ``close_end``
    the offset just after the closing mark (None when the quote ends at a
    paragraph's end without one).
    """

    start: int
    end: int
    open_at: int | None
    close_end: int | None
    rule: str

    @property
    def unbalanced(self) -> bool:
        """True when one of the marks is missing (the quote was closed or opened by rule)."""
        return self.rule in UNBALANCED_RULES

    @property
    def outer_start(self) -> int:
        """Start of the quotation including its opening mark."""
        return self.open_at if self.open_at is not None else self.start

    @property
    def outer_end(self) -> int:
        """End of the quotation including its closing mark."""
        return self.close_end if self.close_end is not None else self.end


# -- marks ------------------------------------------------------------------------------------------------

def classify_mark(text: str, start: int, end: int) -> Mark | None:
    """The quotation mark at ``text[start:end]``, or None when it is an apostrophe.

    Typographic marks say what they are; a straight mark opens when it follows
    a space or an opening bracket and precedes a word, closes when it follows a
    word and precedes a space or punctuation, and is ambiguous otherwise
    (``added."If`` — the pairing decides).
    """
    mark = text[start:end]
    prev = text[start - 1] if start > 0 else ""
    nxt = text[end] if end < len(text) else ""
    opens_here = (not prev or prev.isspace() or prev in _AFTER_OPENING) and bool(nxt) and not nxt.isspace()
    closes_here = bool(prev) and not prev.isspace() and (not nxt or nxt.isspace() or nxt in _BEFORE_CLOSING)
    if mark in ("``", "“", "«"):
        return Mark(start, end, "double", "open", True)
    if mark == "''" and opens_here and not closes_here:
        # Two apostrophes opening a quotation, as some newspapers' archives type both marks
        # (''We will not accept it,'' he said): after a space, before a word.
        return Mark(start, end, "double", "open", True)
    if mark in ("''", "”", "»"):
        return Mark(start, end, "double", "close", True)
    if mark == '"':
        if prev.isalpha() and nxt == "s" and not text[end + 1:end + 2].isalnum():
            return None  # wire copy typed for an apostrophe: China"s, the country"s
        role = "open" if opens_here and not closes_here else "close" if closes_here and not opens_here else "either"
        return Mark(start, end, "double", role, False)
    if mark in ("‘", "`"):
        if (prev.isalnum() and nxt.isalpha()) or nxt.isdigit():
            return None  # a typo for an apostrophe: "Japan‘s", "‘90s"
        return Mark(start, end, "single", "open", True)
    # ’ and ' are apostrophes first: between letters, or opening a contraction ("'s", "'re").
    if prev.isalnum() and nxt.isalnum():
        return None
    if (not prev or prev.isspace()) and _CONTRACTION.match(text, end):
        return None
    if nxt.isdigit():
        return None
    if closes_here and not opens_here:
        return Mark(start, end, "single", "close", False)
    if opens_here and not closes_here and mark == "'":
        return Mark(start, end, "single", "open", False)
    if (not prev or prev.isspace()) and (not nxt or nxt.isspace()) and mark == "'":
        return Mark(start, end, "single", "either", False)
    return None


def find_marks(text: str) -> list[Mark]:
    """Every quotation mark of ``text`` in order (apostrophes left out)."""
    marks = []
    for match in _MARK.finditer(text):
        mark = classify_mark(text, match.start(), match.end())
        if mark is not None:
            marks.append(mark)
    return marks


# -- pairing ----------------------------------------------------------------------------------------------

@dataclass(slots=True)
class _Open:
    family: str
    open_at: int
    inner_start: int
    spans_lines: bool = False


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line of ``text`` (paragraphs are lines in ``articles.text``)."""
    bounds, offset = [], 0
    for line in text.split("\n"):
        bounds.append((offset, offset + len(line)))
        offset += len(line) + 1
    return bounds


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _lstrip_start(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _content_start(text: str, start: int, end: int) -> int:
    """First character of a paragraph after its indentation and list bullet ("- ", "* ")."""
    match = BULLET.match(text, _lstrip_start(text, start, end), end)
    return _lstrip_start(text, match.end() if match else start, end)


def _has_letters(text: str, start: int, end: int) -> bool:
    return any(ch.isalpha() for ch in text[start:end])


def _continuation(text: str, paragraphs: list[tuple[int, int]], marks: list[list[Mark]], index: int,
                  family: str) -> str:
    """What an open quotation at the end of paragraph ``index`` does: reopened, continues, or unclosed."""
    following = [i for i in range(index + 1, min(len(paragraphs), index + 1 + MAX_SPAN_LINES))
                 if _has_letters(text, *paragraphs[i])]
    if not following:
        return "unclosed"
    first_next = following[0]
    same = [m for m in marks[first_next] if m.family == family]
    if same and same[0].role in ("open", "either") \
            and same[0].start == _content_start(text, *paragraphs[first_next]):
        return "reopened"
    if family == "single":
        return "unclosed"  # a closing single mark may be a possessive ("countries’"): never search far for it
    for i in following:
        same = [m for m in marks[i] if m.family == family]
        if same:
            return "continues" if same[0].role in ("close", "either") else "unclosed"
    return "unclosed"


def _unopened_start(text: str, floor: int, mark_start: int) -> int:
    """Where a quotation closed without an opening mark starts: its sentence's start after ``floor``."""
    start = floor
    for match in _SENTENCE_END.finditer(text, floor, mark_start):
        start = match.end()
    return _content_start(text, start, mark_start)


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every top-level quotation of ``text``, in order (see the module docstring for the conventions)."""
    paragraphs = paragraph_bounds(text)
    marks: list[list[Mark]] = [[] for _ in paragraphs]
    starts = [start for start, _ in paragraphs]
    paragraph = 0
    for mark in find_marks(text):
        while paragraph + 1 < len(starts) and starts[paragraph + 1] <= mark.start:
            paragraph += 1
        marks[paragraph].append(mark)
    spans: list[QuoteSpan] = []
    carry: _Open | None = None
    for index, (p_start, p_end) in enumerate(paragraphs):
        top, carry = carry, None
        nested = False
        floor = p_start  # where text outside any quotation starts again in this paragraph
        line_marks = marks[index]
        for k, mark in enumerate(line_marks):
            if top is None:
                if mark.family == "double" and mark.role == "close":
                    if not mark.strong and text[mark.start - 1:mark.start] == "s" \
                            and re.match(r"\s+[a-z]", text[mark.end:mark.end + 2]):
                        continue  # a plural possessive typed with a straight mark: the Philippines" debt
                    start = _unopened_start(text, floor, mark.start)
                    end = _rstrip_end(text, start, mark.start)
                    if end > start:
                        spans.append(QuoteSpan(start, end, None, mark.end, "unopened"))
                    floor = mark.end
                    continue
                if mark.family == "single" and (mark.role != "open" or not mark.strong and not any(
                        m.family == "single" and m.role in ("close", "either") for m in line_marks[k + 1:])):
                    continue  # a lone straight mark is an apostrophe or a typo, not a quotation
                top = _Open(mark.family, mark.start, mark.end)
                nested = False
                continue
            if mark.family != top.family:
                if top.family == "single":  # double marks nested in a single quotation
                    nested = not nested if mark.role == "either" else mark.role == "open"
                continue
            if nested:
                continue
            if mark.role in ("close", "either"):
                rule = "spans_lines" if top.spans_lines else "pair"
                spans.append(QuoteSpan(top.inner_start, mark.start, top.open_at, mark.end, rule))
                top, floor = None, mark.end
            elif top.family == "double":
                # A second opening mark: the first quotation was never closed.
                end = _rstrip_end(text, top.inner_start, mark.start)
                spans.append(QuoteSpan(top.inner_start, end, top.open_at, None, "unclosed"))
                top = _Open(mark.family, mark.start, mark.end)
        if top is None:
            continue
        what = _continuation(text, paragraphs, marks, index, top.family)
        if what == "continues":
            top.spans_lines = True
            carry = top
            continue
        end = _rstrip_end(text, top.inner_start, p_end)
        if end > top.inner_start:
            spans.append(QuoteSpan(top.inner_start, end, top.open_at, None,
                                   "reopened" if what == "reopened" else "unclosed"))
    trimmed = []
    for span in spans:  # tokenized text puts spaces inside the marks: "`` Everyone told us , ''"
        start = _lstrip_start(text, span.start, span.end)
        end = _rstrip_end(text, start, span.end)
        if end > start:
            trimmed.append(QuoteSpan(start, end, span.open_at, span.close_end, span.rule))
    return trimmed


def trim_unclosed(text: str, quote: QuoteSpan, cue_forms: frozenset[str]) -> QuoteSpan:
    """An unclosed quotation without the attribution that ends its paragraph.

    Wire copy sometimes drops the closing mark before the attribution
    (``"We will not negotiate … GATT, Lyng said.``); the quotation then ends
    at that comma. Other unclosed quotations are returned unchanged.
    """
    if quote.rule != "unclosed":
        return quote
    inner = text[quote.start:quote.end]
    match = re.search(r"[,.]\s+((?:[\w.’'-]+\s+){0,6}?([a-z]+)(?:\s+[\w.’'-]+){0,6})[.!?]?$", inner)
    if match is None or match.group(2) not in cue_forms:
        return quote
    end = _rstrip_end(text, quote.start, quote.start + match.start() + 1)
    return QuoteSpan(quote.start, end, quote.open_at, None, "unclosed")
