"""Direct quotations and reporting cues: span groups ``quote`` and ``cue``.

Quotes are found by a scanner over ``doc.text`` (no token patterns): it reads
every quotation mark — straight and curly, double and single, and the doubled
backquotes and apostrophes of tokenized text — decides from its neighbours
whether it opens or closes, and pairs them paragraph by paragraph. Apostrophes
("It'd", "Japan's", "Reuters'") are never taken for quote marks. The wire
conventions it knows:

- a quotation over several paragraphs where each paragraph reopens the mark
  and only the last one closes it: each paragraph's part is its own quote
  (rule ``quotes:reopened`` for every part but the last);
- a quotation whose text runs over line breaks without reopening (hard-wrapped
  Markdown, one-sentence-a-line corpora): one quote (``quotes:spans_lines``);
- an opening mark never closed: the quote ends at the paragraph's end, or
  before an attribution that ends the paragraph ("…, Lyng said."), rule
  ``quotes:unclosed``; a closing mark never opened: the quote starts at its
  sentence's start (``quotes:unopened``). Both are flagged, never dropped;
  a straight mark typed for an apostrophe ("China"s") is no quote mark.

Quotes nested inside a quotation belong to its text. Each quote's span covers
the text inside the marks; ``label_`` is ``full`` (a whole sentence or more)
or ``partial`` (a fragment inside the reporter's sentence). Terms in quotes —
a plan's name, a defined term in parentheses, a word after "so-called" — are
not quotations and are left out.

Cues are the reporting words of ``models/quotes/cues.csv`` outside quotations,
found by a `PhraseMatcher`; ``label_`` is the lemma (``say``, ``according_to``)
and ``id_`` is ``cues.csv:<side>:<sense>``: the side the speaker stands on,
and whether the word always reports speech (``speech``) or has other senses
too (``mixed``: "the pact maintains the price ranges").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline.nlp.base import RuleComponent, add_span, doc_text
from pipeline.rulefiles import read_rows

QUOTE_GROUP = "quote"
CUE_GROUP = "cue"
FOLDER = "quotes"
SIDES = ("either", "left", "right")
SENSES = ("speech", "mixed")
WORD_CLASSES = ("person_pronoun", "group_pronoun", "thing_pronoun", "relative", "determiner", "filler",
                "boundary", "term_marker", "be", "self")
RULES = ("pair", "spans_lines", "reopened", "unclosed", "unopened")
UNBALANCED_RULES = frozenset({"unclosed", "unopened"})
# How many lines an open quotation may run over when it is never reopened.
MAX_SPAN_LINES = 12
# A quoted term is at most this many words; a lower-case one in a sentence without a cue at most the second.
MAX_TERM_WORDS = 6
MAX_PLAIN_TERM_WORDS = 4
# How many words after a quote's closing comma may come before its cue ("," Ryosei Akazawa told).
ATTRIBUTION_WORDS = 8

_MARK = re.compile(r"``|''|[\"“”«»‘’'`]")
_OPENERS = "“‘«`"
_AFTER_OPENING = "([{<—–-/:;" + _OPENERS + "\""
_BEFORE_CLOSING = ".,;:!?)]}>—–-/…" + "”’»'\""
_CONTRACTION = re.compile(r"(?:s|re|ll|d|ve|m|t|em|n)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z0-9][\w’'.-]*")
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘'`(\[]?[A-Z0-9])")
_BULLET = re.compile(r"^(?:[-*•>#]+\s*|\*\*)+")
# Quoted attribute values of markup a reader left behind (href="#_ftn1", a URL) are not speech.
_MARKUP = re.compile(r"://|</[a-z]+\b|<[a-z][a-z0-9]*(?:\s|>|/>)|^#\w|=\s*$")
_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"})
_NOUN_BEFORE = frozenset({"the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those", "our",
                          "my", "your", "'s", "’s"})


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
    match = _BULLET.match(text, _lstrip_start(text, start, end), end)
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


# -- full or partial, and terms ---------------------------------------------------------------------------

def _words(text: str) -> list[str]:
    return [w.lower().rstrip(".") for w in _WORD.findall(text)]


def _first_letter_upper(text: str) -> bool:
    for ch in text:
        if ch.isalnum():
            return ch.isupper() or ch.isdigit()
    return False


def quote_kind(text: str, quote: QuoteSpan, before: str, after: str, cue_forms: frozenset[str]) -> str:
    """``full`` when the quotation is a sentence of its own, ``partial`` when it completes the reporter's.

    ``before`` is the reporter's text from the sentence start (or the previous
    quotation) to the opening mark; ``after`` from the closing mark to the
    sentence end (or the next quotation). A full quote starts its sentence
    with a capital, or follows a colon, a cue's comma ("he said, "it ...") or a
    cue ("Reagan said "I am ..."); and it ends with terminal punctuation, ends
    the sentence, or hands over to an attribution ("...," he said).
    """
    inner = text[quote.start:quote.end].strip()
    head = _BULLET.sub("", before.strip()).strip()
    upper = _first_letter_upper(inner)
    before_words = _words(head)
    if not head or head[-1] in ".!?":
        starts = upper or quote.open_at is None
    elif head[-1] == ":":
        starts = True
    elif head[-1] in ",—–-":
        starts = upper or any(w in cue_forms for w in before_words[-4:])
    else:
        starts = upper and bool(before_words) and before_words[-1] in cue_forms
    if not starts:
        return "partial"
    if quote.close_end is None:
        return "full"
    tail = after.strip()
    if not tail or re.fullmatch(r"[.!?…]+", tail):
        return "full"
    if re.search(r"[.!?…][\"”’')\]]*$", inner):
        return "full"
    attribution = _words(tail)[:ATTRIBUTION_WORDS]
    if (inner[-1:] in ",—–-" or tail[0] in ",—–") and any(w in cue_forms for w in attribution):
        return "full"
    return "partial"


def is_term(text: str, quote: QuoteSpan, before: str, after: str, term_markers: frozenset[str], *,
            cue_near: bool, cue_in_sentence: bool, previous_term: bool) -> bool:
    """True when a short quoted fragment names a term rather than quoting speech.

    A term is at most `MAX_TERM_WORDS` words without sentence punctuation, and
    follows a term marker ("so-called", "known as"), sits in parentheses
    ("(the “United States”)"), or is capitalized like a name ("Liberation
    Day") with no cue right beside it. In a sentence without any cue, a
    fragment of at most `MAX_PLAIN_TERM_WORDS` words after an article ("the
    "may sell" and "may buy" points") is a term too, and so is one joined to
    a term by "and"/"or".
    """
    inner = text[quote.start:quote.end].strip().rstrip(",")  # American style keeps the sentence's comma inside
    words = inner.split()
    if not words or len(words) > MAX_TERM_WORDS or re.search(r"[.!?;:,]", inner):
        return False
    before_words = _words(before)
    if before_words[-1:] and (before_words[-1] in term_markers or " ".join(before_words[-2:]) in term_markers):
        return True
    if re.search(r"\((?:the|a|an)?\s*$", before, re.IGNORECASE) and after.lstrip().startswith(")"):
        return True
    if not cue_in_sentence and len(words) <= MAX_PLAIN_TERM_WORDS:
        if re.search(r"\b(?:the|a|an|its|their|his|her|our)\s*$", before, re.IGNORECASE):
            return True
        if previous_term and re.fullmatch(r"\s*,?\s*(?:and|or)?\s*", before, re.IGNORECASE):
            return True
    content = [w for w in words if any(ch.isalpha() for ch in w)]
    capitalized = bool(content) and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in content) \
        and content[0][0].isupper()
    return capitalized and not cue_near


# -- reading the rules ------------------------------------------------------------------------------------

def load_quote_rules(models_dir: Path) -> dict[str, Any]:
    """The cue lexicon and the term markers under ``models_dir/quotes`` as one JSON-able dict."""
    folder = models_dir / FOLDER
    cues = read_rows(folder / "cues.csv")
    for row in cues:
        if row["side"] not in SIDES or row["sense"] not in SENSES or not row["form"] or not row["lemma"]:
            raise ValueError(f"cues.csv: {row!r} needs a form, a lemma, a side among {SIDES} "
                             f"and a sense among {SENSES}")
    words = read_rows(folder / "words.csv")
    for row in words:
        if row["class"] not in WORD_CLASSES:
            raise ValueError(f"words.csv: {row['word']!r} has class {row['class']!r}; allowed: {WORD_CLASSES}")
    return {"cues": cues, "term_markers": sorted(r["word"] for r in words if r["class"] == "term_marker")}


# -- the component ----------------------------------------------------------------------------------------

@Language.factory("trade_quotes_v1")
def make_quotes(nlp: Language, name: str) -> QuoteFinder:
    """Factory of the quotation and cue finder."""
    return QuoteFinder(nlp, name)


class QuoteFinder(RuleComponent):
    """Adds ``doc.spans["quote"]`` (label full/partial) and ``doc.spans["cue"]`` (label = cue lemma)."""

    def load_data(self, models_dir: Path) -> dict[str, Any]:
        return load_quote_rules(models_dir)

    def setup(self) -> None:
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for row in self.data.get("cues", []):
            key = f"{row['lemma']}|{row['side']}|{row['sense']}"
            self.matcher.add(key, [self.nlp.make_doc(row["form"])])
        self.cue_forms = frozenset(row["form"] for row in self.data.get("cues", []) if " " not in row["form"])
        self.term_markers = frozenset(self.data.get("term_markers", []))

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        quotes = [trim_unclosed(text, q, self.cue_forms) for q in find_quote_spans(text)]
        cues = self._cues(doc, quotes)
        # The sentence component leaves its sentence starts in user_data; reading them is far cheaper than doc.sents.
        known = doc.user_data.get("paragraphs")
        starts = {start for start, _ in known} if known is not None else {s.start_char for s in doc.sents}
        sentence_starts = sorted(starts | {start for start, _ in paragraph_bounds(text)})
        previous_term = False
        for index, quote in enumerate(quotes):
            before, after = self._context(text, quotes, index, sentence_starts)
            near = _words(before)[-3:] + _words(after)[:3]
            cue_near = any(w in self.cue_forms for w in near) or "according to" in " ".join(near)
            start, end = self._sentence(text, quote, sentence_starts)
            cue_in_sentence = any(start <= c_start < end and sense == "speech" for c_start, _, sense in cues)
            previous_term = is_term(text, quote, before, after, self.term_markers, cue_near=cue_near,
                                    cue_in_sentence=cue_in_sentence, previous_term=previous_term)
            if previous_term or _MARKUP.search(text[quote.start:quote.end]):
                continue
            kind = quote_kind(text, quote, before, after, self.cue_forms)
            add_span(doc, QUOTE_GROUP, quote.start, quote.end, label=kind, rule_id=f"quotes:{quote.rule}")
        return doc

    @staticmethod
    def _sentence(text: str, quote: QuoteSpan, sentence_starts: list[int]) -> tuple[int, int]:
        """Offsets of the sentence(s) a quotation stands in, within its paragraph."""
        index = bisect_right(sentence_starts, quote.outer_start) - 1
        start = sentence_starts[index] if index >= 0 else 0
        later = bisect_left(sentence_starts, quote.outer_end)
        end = sentence_starts[later] if later < len(sentence_starts) else len(text)
        line_end = text.find("\n", quote.outer_end)
        return start, min(end, line_end) if line_end >= 0 else end

    def _cues(self, doc: Doc, quotes: Sequence[QuoteSpan]) -> list[tuple[int, int, str]]:
        """Add the cue spans outside quotations; return their offsets and sense."""
        found = []
        inside = [(q.outer_start, q.outer_end) for q in quotes]
        matches = sorted(self.matcher(doc), key=lambda m: (m[1], -m[2]))
        match_starts = {start for _, start, _ in matches}
        for match_id, start, end in matches:
            span = doc[start:end]
            if end in match_starts:
                continue  # "the Democrat report said", "news reports say": a noun before the verb
            first = span[0]
            if found and span.start_char < found[-1][1]:
                continue  # overlapping a longer cue already taken
            if first.text[:1].isupper() and not first.text.isupper() and not first.is_sent_start:
                continue  # "United States", "Post": a name, not a reporting verb
            if start > 0 and doc[start - 1].lower_ in _NOUN_BEFORE:
                continue  # "the report", "his statement": a noun
            if any(a <= span.start_char < b for a, b in inside):
                continue  # the speaker's own words
            lemma, side, sense = self.nlp.vocab.strings[match_id].split("|")
            add_span(doc, CUE_GROUP, span.start_char, span.end_char, label=lemma, rule_id=f"cues.csv:{side}:{sense}")
            found.append((span.start_char, span.end_char, sense))
        return found

    @staticmethod
    def _context(text: str, quotes: Sequence[QuoteSpan], index: int, sentence_starts: list[int]) -> tuple[str, str]:
        """The reporter's text before and after quotation ``index``, within its sentence."""
        quote = quotes[index]
        position = bisect_right(sentence_starts, quote.outer_start) - 1
        start = sentence_starts[position] if position >= 0 else 0
        if index > 0 and quotes[index - 1].outer_end > start:
            start = quotes[index - 1].outer_end
        later = bisect_right(sentence_starts, quote.outer_end)
        end = sentence_starts[later] if later < len(sentence_starts) else len(text)
        line_end = text.find("\n", quote.outer_end)
        if line_end >= 0:
            end = min(end, line_end)
        if index + 1 < len(quotes):
            end = min(end, quotes[index + 1].outer_start)
        return text[start:quote.outer_start], text[quote.outer_end:max(end, quote.outer_end)]
