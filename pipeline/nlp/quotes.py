"""Direct quotations and reporting cues: span groups ``quote`` and ``cue``.

Quotes are found by a scanner over ``doc.text`` (no token patterns,
`pipeline.nlp.quote_marks`): it reads
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

Some archives type both marks as two apostrophes (``''We will not accept
it,'' he said``): a doubled apostrophe after a space and before a word opens.

Quotes nested inside a quotation belong to its text. Each quote's span covers
the text inside the marks; ``label_`` is ``full`` (a whole sentence or more)
or ``partial`` (a fragment inside the reporter's sentence). Terms in quotes —
a plan's name, a defined term in parentheses, a word after "so-called" —,
mottos and titles of works after the noun that names them ("the motto",
"his book") and scare quotes (one or two lower-case words inside a sentence
with no cue: the ministry's "independent" review) are not quotations and are
left out (`is_term`).

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
from pathlib import Path
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from pipeline.nlp.base import RuleComponent, add_span, doc_text, rule_factory
from pipeline.nlp.quote_marks import BULLET, QuoteSpan, find_quote_spans, paragraph_bounds, trim_unclosed
from pipeline.rulefiles import read_function_words, read_rows

QUOTE_GROUP = "quote"
CUE_GROUP = "cue"
FOLDER = "quotes"
SIDES = ("either", "left", "right")
SENSES = ("speech", "mixed")
WORD_CLASSES = ("person_pronoun", "group_pronoun", "thing_pronoun", "relative", "determiner", "filler",
                "boundary", "term_marker", "work_marker", "be", "self", "not_firm", "team",
                "news_outlet", "time_zone", "time_noun", "place_suffix", "outlet_modifier")
# A quoted term is at most this many words; a lower-case one in a sentence without a cue at most the second.
MAX_TERM_WORDS = 6
MAX_PLAIN_TERM_WORDS = 4
# A name ending the sentence with its final stop inside the marks is a term from this many words ("Yes." is not).
MIN_NAME_WORDS = 2
# A scare quote ("independent") is one or two words; a motto or a work's title after the noun naming it up to the
# third.
MAX_SCARE_WORDS = 2
MAX_WORK_WORDS = 12
# Quoted words listed one after another ("such as "expected", "scheduled", "planned""; "describing him as "tough,"
# "energetic," and "focused"") are words cited, not speech, from this many in a row of at most MAX_SCARE_WORDS each.
MIN_LISTED_WORDS = 3
# What may stand between two listed quotations: a comma, "and", "or".
_LIST_GAP = re.compile(r"\s*,?\s*(?:(?:and|or)\s+)?", re.IGNORECASE)
# The cue lemmas a heading in title case spells with a capital ("Acme CEO Says Tariffs Will Hurt Carmakers"): the
# verb of a headline's attribution; other cue forms in capitals are nouns there more often ("Trade Report Shows").
HEADING_CUE_LEMMAS = frozenset({"say"})
# A title-case heading holds at least this many words of more than three letters.
MIN_HEADING_WORDS = 3
# How many words after a quote's closing comma may come before its cue ("," Ryosei Akazawa told).
ATTRIBUTION_WORDS = 8
_WORD = re.compile(r"[A-Za-z0-9][\w’'.-]*")
# Quoted attribute values of markup a reader left behind (href="#_ftn1", a URL) are not speech.
_MARKUP = re.compile(r"://|</[a-z]+\b|<[a-z][a-z0-9]*(?:\s|>|/>)|^#\w|=\s*$")


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
    head = BULLET.sub("", before.strip()).strip()
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
            cue_near: bool, cue_in_sentence: bool, previous_term: bool, title_case_words: frozenset[str],
            work_markers: frozenset[str] = frozenset(), any_cue_in_sentence: bool = True) -> bool:
    """True when a quoted fragment names a term, a work or a motto, or is a scare quote, rather than speech.

    A term is at most `MAX_TERM_WORDS` words without sentence punctuation, and
    follows a term marker ("so-called", "known as"), sits in parentheses
    ("(the “United States”)"), or is capitalized like a name ("Liberation
    Day"; ``title_case_words`` may stay lower case) with no cue right beside it. In a sentence without any cue, a
    fragment of at most `MAX_PLAIN_TERM_WORDS` words after an article ("the
    "may sell" and "may buy" points") is a term too, and so is one joined to
    a term by "and"/"or". The title of a work or a motto after a noun that
    names it ("the motto", "his book") may run to `MAX_WORK_WORDS` words with
    punctuation, and so may a title in title case inside the reporter's sentence after "in" ("wrote in "The Art
    of the Deal.""), in a sentence no speech cue reports, or listed after a term. A defined term in parentheses
    keeps its abbreviations' stops ("(“U.S. GAAP”)"). A scare quote — at most `MAX_SCARE_WORDS` words in lower case
    inside the reporter's sentence ("the ministry's "independent" review"),
    in a sentence with no cue of any sense (``any_cue_in_sentence`` False) — is
    no quotation either.
    """
    inner = text[quote.start:quote.end].strip().rstrip(",")  # American style keeps the sentence's comma inside
    words = inner.split()
    before_words = _words(before)
    last_two = " ".join(before_words[-2:])
    if words and len(words) <= MAX_WORK_WORDS and before_words[-1:] \
            and (before_words[-1] in work_markers or last_two in work_markers):
        return True
    content = [w for w in words if any(ch.isalpha() for ch in w)]
    if re.search(r"\((?:the|a|an)?\s*$", before, re.IGNORECASE) and after.lstrip().startswith(")") \
            and words and len(words) <= MAX_TERM_WORDS and not re.search(r"[!?;:,]", inner):
        return True  # a defined term in parentheses, abbreviations' stops and all ("(“U.S. GAAP”)")
    if before_words and MIN_NAME_WORDS <= len(content) <= MAX_WORK_WORDS and not before.rstrip().endswith(":") \
            and _title_case(content, title_case_words) \
            and (before_words[-1] == "in" or (not cue_in_sentence and not cue_near)
                 or (previous_term and _LIST_GAP.fullmatch(before))):
        # a title inside the reporter's sentence, however punctuated: after "in" ("Trump wrote in "The Art of the
        # Deal.""), in a sentence no speech cue reports ("the author of "Crimea, Rivalry and History.""), or next
        # to a term before it ("“World War Trump” and “Crimea, Rivalry and History”")
        return True
    if inner.endswith(".") and not after.strip() and not re.search(r"[.!?;:,]", inner[:-1]):
        # American style keeps the sentence's final stop inside the marks too: a name of two words or more
        # ending the sentence ("his proposed "Fair Trade Act."") is a term like one inside it
        content = [w for w in inner[:-1].split() if any(ch.isalpha() for ch in w)]
        if MIN_NAME_WORDS <= len(content) <= MAX_TERM_WORDS and not cue_near and _title_case(content, title_case_words):
            return True
    if not words or len(words) > MAX_TERM_WORDS or re.search(r"[.!?;:,]", inner):
        return False
    if before_words[-1:] and (before_words[-1] in term_markers or last_two in term_markers):
        return True
    if not cue_in_sentence and len(words) <= MAX_PLAIN_TERM_WORDS:
        if re.search(r"\b(?:the|a|an|its|their|his|her|our)\s*$", before, re.IGNORECASE):
            return True
        if previous_term and re.fullmatch(r"\s*,?\s*(?:and|or)?\s*", before, re.IGNORECASE):
            return True
    if not any_cue_in_sentence and len(words) <= MAX_SCARE_WORDS and inner[:1].islower() and before_words:
        return True
    return _title_case(content, title_case_words) and not cue_near


def listed_words(text: str, quotes: Sequence[QuoteSpan]) -> set[int]:
    """Indexes of the quotations that stand in a list of quoted words: `MIN_LISTED_WORDS` or more in a row, each of
    at most `MAX_SCARE_WORDS` words, with nothing but a comma, "and" or "or" between them ("statements such as
    "expected", "planned" or "intended""). Such a list cites words; it quotes no one's sentence."""
    def short(quote: QuoteSpan) -> bool:
        inner = text[quote.start:quote.end].strip().rstrip(",.")
        return bool(inner) and len(inner.split()) <= MAX_SCARE_WORDS and not re.search(r"[!?;:]", inner)

    found: set[int] = set()
    run: list[int] = []
    for index, quote in enumerate(quotes):
        if run and short(quote) and _LIST_GAP.fullmatch(text[quotes[run[-1]].outer_end:quote.outer_start]):
            run.append(index)
            continue
        if len(run) >= MIN_LISTED_WORDS:
            found.update(run)
        run = [index] if short(quote) else []
    if len(run) >= MIN_LISTED_WORDS:
        found.update(run)
    return found


def _title_case(words: list[str], title_case_words: frozenset[str]) -> bool:
    """True for words capitalized like a name: each opens with a capital or is a minor word of
    ``title_case_words``, and the first opens with a capital."""
    return bool(words) and all(w[0].isupper() or w.lower() in title_case_words for w in words) \
        and words[0][0].isupper()


# -- reading the rules ------------------------------------------------------------------------------------

def load_quote_rules(models_dir: Path) -> dict[str, Any]:
    """The cue lexicon and the term markers under ``models_dir/quotes``, with the component's uses of the
    function words (``lexicons/function_words.csv``), as one JSON-able dict."""
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
    function_words = read_function_words(models_dir)
    return {"cues": cues, "term_markers": sorted(r["word"] for r in words if r["class"] == "term_marker"),
            "work_markers": sorted(r["word"] for r in words if r["class"] == "work_marker"),
            "term_title_case": function_words["term_title_case"], "cue_nouns": function_words["cue_noun"]}


# -- the component ----------------------------------------------------------------------------------------

def _name_like(token: Token) -> bool:
    """True for a capitalized word (not all capitals) inside a sentence: part of a name, not a reporting verb."""
    return token.text[:1].isupper() and not token.text.isupper() and not token.is_sent_start


def _in_title_case_line(text: str, start: int) -> bool:
    """True when the line holding offset ``start`` is a heading in title case: no sentence's final stop ends
    it, and every word of more than three letters opens with a capital ("Acme CEO Says Tariffs Will Hurt
    Carmakers"), so a capital there marks no name."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if len(w) > 3]
    return len(words) >= MIN_HEADING_WORDS and not line.endswith((".", "!")) \
        and all(w[0].isupper() for w in words)


# Reads sentence starts.
@rule_factory("trade_quotes_v1", assigns=["doc.spans"], requires=["doc._.trade_sentences"])
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
        self.work_markers = frozenset(self.data.get("work_markers", []))
        # Lower-case words a quoted term in title case may keep ("Buy American and Hire American").
        self.term_title_case = frozenset(self.data.get("term_title_case", []))
        # Words that make the reporting word after them a noun ("the report", "his statement").
        self.cue_nouns = frozenset(self.data.get("cue_nouns", []))

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        quotes = [trim_unclosed(text, q, self.cue_forms) for q in find_quote_spans(text)]
        cues = self._cues(doc, quotes)
        # The sentence component leaves its sentences on the Doc; reading them is far cheaper than doc.sents.
        known = doc._.trade_sentences
        starts = {start for start, _, _ in known} if known is not None else {s.start_char for s in doc.sents}
        sentence_starts = sorted(starts | {start for start, _ in paragraph_bounds(text)})
        previous_term = False
        listed = listed_words(text, quotes)
        for index, quote in enumerate(quotes):
            if index in listed:
                previous_term = True
                continue
            before, after = self._context(text, quotes, index, sentence_starts)
            near = _words(before)[-3:] + _words(after)[:3]
            cue_near = any(w in self.cue_forms for w in near) or "according to" in " ".join(near)
            start, end = self._sentence(text, quote, sentence_starts)
            senses = [sense for c_start, _, sense in cues if start <= c_start < end]
            previous_term = is_term(text, quote, before, after, self.term_markers, cue_near=cue_near,
                                    cue_in_sentence="speech" in senses, previous_term=previous_term,
                                    title_case_words=self.term_title_case, work_markers=self.work_markers,
                                    any_cue_in_sentence=bool(senses))
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
        # a capitalized form inside a sentence is a name, and makes no noun of the cue before it ("says State
        # Street Global Advisors")
        match_starts = {start for _, start, _ in matches if not _name_like(doc[start])}
        for match_id, start, end in matches:
            span = doc[start:end]
            if end in match_starts:
                continue  # "the Democrat report said", "news reports say": a noun before the verb
            first = span[0]
            if found and span.start_char < found[-1][1]:
                continue  # overlapping a longer cue already taken
            if _name_like(first) and not (self.nlp.vocab.strings[match_id].split("|")[0] in HEADING_CUE_LEMMAS
                                          and _in_title_case_line(doc.text, first.idx)):
                continue  # "United States", "Post": a name, not a reporting verb (a heading's "Says" is one)
            if start > 0 and doc[start - 1].lower_ in self.cue_nouns:
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
