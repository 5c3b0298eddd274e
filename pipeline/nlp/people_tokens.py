"""The document's tokens as the people rules read them: texts, spaces, and what earlier passes marked.

The people component (`pipeline.nlp.people`) runs its passes — places and organizations, titles,
names — as functions over one `Tokens`, which keeps each token's text and the marks the passes leave
for the next (a place, an organization, a title), and answers the questions every pass asks of a
token. Token texts come through the string store, not as spaCy ``Token`` objects: one object per
word (and ``doc.text``, which makes them) would cost more than the whole pass.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from spacy.attrs import IDX, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.base import doc_text

GOVERNMENT_KINDS = frozenset({"government", "legislature", "central_bank", "intergovernmental", "party"})
OPENING_PUNCT = frozenset({"“", '"', "‘", "'", "(", "[", "-", "—", "–", "*", "•"})
ENDING_PUNCT = frozenset({".", "!", "?", ":", ";"})
# A headline line is told by its words of four letters or more (runs of letters), by the case of their first letter.
_LONG_CAPITALIZED = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]{3,}")
_LONG_LOWERCASE = re.compile(r"(?<![A-Za-z])[a-z][A-Za-z]{3,}")


class PeopleRules(Protocol):
    """What the passes read of the people component's rule data (`pipeline.nlp.people.PeopleFinder` has it).

    Stated here so that the passes depend on this module alone, not on the component that runs them.
    """

    nlp: Language
    titles: Mapping[str, list[str]]
    title_words: Mapping[str, set[str]]
    title_matcher: Callable[[Doc], list[tuple[int, int, int]]]
    orgs: Sequence[Any]
    org_matcher: Callable[[Doc], list[tuple[int, int, int]]]
    place_matcher: Callable[[Doc], list[tuple[int, int, int]]]
    honorifics: frozenset[str]
    particles_lower: frozenset[str]
    family_first: frozenset[str]
    common: frozenset[str]
    speech: frozenset[str]
    given: frozenset[str]
    listed: frozenset[str]  # listed office-holders' names that anchor a run alone (`people_names.listed_keys`)
    listed_words: frozenset[str]  # the words of listed office-holders' names and aliases, as written
    listed_countries: Mapping[str, str]  # lower-case listed names → their holders' one country

    def token_texts(self, doc: Doc) -> tuple[list[str], list[int]]: ...


@dataclass(slots=True)
class Title:
    """A title span: tokens ``[start, end)``, its clean label, and what it says about its holder."""

    start: int
    end: int
    label: str
    row: list[str] = field(repr=False)
    former: bool = False
    alone: bool = True
    beside_place: bool = False  # a place inside the title phrase ("U.S. Trade Representative")
    party: bool = False  # a party word in it ("Liberal member")
    government: bool = False  # set by `judge_titles`
    used: bool = False


class Tokens:
    """One document's tokens and the marks the people passes leave on them (see the module docstring)."""

    def __init__(self, doc: Doc, rules: PeopleRules) -> None:
        self.doc = doc
        self.rules = rules
        self.words, self.capitalized = rules.token_texts(doc)
        self.spaces = list(map(("", " ").__getitem__, doc.to_array(SPACY).tolist()))
        self.n = len(self.words)
        self.place = bytearray(self.n)
        self.org = bytearray(self.n)
        self.org_kind: dict[int, str] = {}  # token → kind of the organization covering it
        self.country_iso: dict[int, str] = {}
        self.title_at: list[Title | None] = [None] * self.n
        self.has_sents = doc._.trade_sentences is not None or doc.has_annotation("SENT_START")  # the check walks every token
        self._joined: str | None = None
        self._line_shape: dict[int, str] = {}
        self._sentence_starts: list[int] | None = None
        self._openers: set[int] | None = None
        self._slug_cache: dict[tuple[int, int], list[str]] = {}
        self._body_names: frozenset[str] | None = None
        self._head_end: int | None = None

    def lower(self, i: int) -> str:
        """The text of token i in lower case."""
        return self.words[i].lower()

    def blocked(self, i: int) -> bool:
        """Token i belongs to a place, an organization or a title."""
        return bool(self.place[i] or self.org[i] or self.title_at[i] is not None)

    def opens_sentence(self, i: int) -> bool:
        """Token i is the first word of a sentence (after any opening quote or bracket), or follows an
        abbreviation such as "U.S." after which old wire copy capitalizes ordinary words."""
        j = i - 1
        while j >= 0 and self.words[j] in OPENING_PUNCT:
            j -= 1
        if j < 0:
            return True
        previous = self.words[j]
        if previous.isspace() or previous in ENDING_PUNCT or "\n" in self.spaces[j]:
            return True
        if previous.endswith(".") and len(previous) > 2 and previous not in self.rules.honorifics:
            return True
        return self.has_sents and j + 1 in self._sentence_openers()

    def _sentence_openers(self) -> set[int]:
        """Indexes of the tokens that open a sentence (looked up often: a Token object each time costs more)."""
        if self._openers is None:
            known = self.doc._.sentence_token_starts
            self._openers = set(known) if known is not None else {s.start for s in self.doc.sents}
        return self._openers

    @property
    def text(self) -> str:
        """The document's text (shared by the components, see `doc_text`)."""
        if self._joined is None:
            self._joined = doc_text(self.doc)
        return self._joined

    def line_shape(self, i: int) -> str:
        """``title`` for a title-case or all-caps line (a headline), else ``text``."""
        # The line's start from the text itself: few tokens per document are asked about.
        return self._shape_of_line(self.text.rfind("\n", 0, self.doc[i].idx) + 1)

    def _shape_of_line(self, start: int) -> str:
        """`line_shape` of the line starting at character ``start``."""
        text = self.text
        if start not in self._line_shape:
            end = text.find("\n", start)
            line = text[start:] if end < 0 else text[start:end]
            # Words of four letters or more, counted by their first letter's case in two scans.
            upper = len(_LONG_CAPITALIZED.findall(line))
            long_words = upper + len(_LONG_LOWERCASE.findall(line))
            self._line_shape[start] = "title" if long_words >= 3 and upper >= 0.9 * long_words else "text"
        return self._line_shape[start]

    def headline_word(self, i: int) -> bool:
        """Token i is a capitalized, not all-caps word of a title-case headline, where its capital says nothing:
        "Vows", "Imposes" and "Steel" of "EU Chief Vows Reply After Trump Imposes Steel Tariffs". The headline
        is the head block before the first blank line (`pipeline.articles.layout`): title-case lines inside a
        body are lists of names ("Underwriters are First Boston Corp, …") more often than headings, and an
        all-caps word (an old wire's headline) has its own rules."""
        word = self.words[i]
        if not word[:1].isupper() or word.isupper():
            return False
        if self._head_end is None:
            blank = self.text.find("\n\n")
            self._head_end = blank if blank >= 0 else len(self.text)
        return self.doc[i].idx < self._head_end and self.line_shape(i) == "title"

    def name_evidence(self, i: int) -> bool:
        """A capitalized word of a headline has its capital as a name's when the word is part of a listed
        office-holder's name, or the document writes it capitalized on an ordinary line, inside a sentence or
        opening one as an uncommon word ("Trump" of the body's "in response to Trump's tariffs"); elsewhere a
        capital is evidence enough."""
        if not self.headline_word(i):
            return True
        word = self.words[i]
        return word in self.rules.listed_words or word in self._names_in_text_lines()

    def written_on_text_line(self, phrase: str) -> bool:
        """The document writes ``phrase`` on an ordinary line (not a headline): a headline's capitals show no
        name, the body's do."""
        text = self.text
        found = text.find(phrase)
        while found >= 0:
            if self._shape_of_line(text.rfind("\n", 0, found) + 1) == "text":
                return True
            found = text.find(phrase, found + 1)
        return False

    def _names_in_text_lines(self) -> frozenset[str]:
        """The capitalized words of the document's ordinary lines, written inside a sentence or uncommon
        words opening one, gathered once, the first time a headline word asks."""
        if self._body_names is None:
            text = self.text
            offsets = self.doc.to_array(IDX).tolist()
            found = set()
            for i in self.capitalized:
                word = self.words[i]
                if word in found or not word[:1].isupper():
                    continue
                line_start = text.rfind("\n", 0, offsets[i]) + 1
                # A sentence's first word counts only when it is no common word ("Okafor said", not "Stocks fell").
                if self._shape_of_line(line_start) == "text" and (
                        word.lower() not in self.rules.common or not self.opens_sentence(i)):
                    found.add(word)
            self._body_names = frozenset(found)
        return self._body_names

    def sentence_of(self, i: int) -> int:
        """Index of the sentence holding token i (windows of 40 tokens when no sentences are set)."""
        if not self.has_sents:
            return i // 40
        if self._sentence_starts is None:
            known = self.doc._.sentence_token_starts
            self._sentence_starts = list(known) if known is not None else [s.start for s in self.doc.sents]
        return bisect_right(self._sentence_starts, i) - 1

    def text_of(self, start: int, end: int) -> str:
        """The text of tokens ``[start, end)`` with the spaces between them."""
        return "".join(w + sp for w, sp in zip(self.words[start:end], self.spaces[start:end])).rstrip()

    def roles(self, i: int) -> set[str]:
        """The roles of token i in a title (``title_words.csv``: portfolio, keep, drop, former, party)."""
        return self.rules.title_words.get(self.lower(i), set())

    def name_words(self, start: int, end: int) -> list[str]:
        """`slug_words` of tokens ``[start, end)``, computed once per run."""
        key = (start, end)
        if key not in self._slug_cache:
            self._slug_cache[key] = slug_words(self.text_of(start, end))
        return self._slug_cache[key]


# -- word shapes ------------------------------------------------------------------

# `is_name_word` answers by word (the name passes ask about the same words hundreds of thousands of times a
# run); cleared when full, like the component's token texts.
_NAME_WORDS: dict[str, bool] = {}
NAME_WORD_CACHE_SIZE = 200_000


def is_name_word(word: str) -> bool:
    """A capitalized word with lower-case letters ("Akazawa", "McCain", "O'Leary"), not an acronym."""
    known = _NAME_WORDS.get(word)
    if known is None:
        if len(_NAME_WORDS) > NAME_WORD_CACHE_SIZE:
            _NAME_WORDS.clear()
        known = _NAME_WORDS[word] = _is_name_word(word)
    return known


def _is_name_word(word: str) -> bool:
    """`is_name_word`, computed."""
    if len(word) < 2 or not word[0].isupper() or word.isupper():
        return False
    return word.replace("'", "").replace("’", "").isalpha()


def is_initial(word: str) -> bool:
    """A single capital and a period ("J.")."""
    return len(word) == 2 and word[1] == "." and word[0].isupper()


def slug_words(text: str) -> list[str]:
    """The words of a name without initials, possessives and punctuation ("Donald J. Trump's" → Donald, Trump)."""
    text = _POSSESSIVE_END.sub("", text.strip())
    return [w for w in _SPACES.split(text) if w and not is_initial(w) and any(c.isalpha() for c in w)]


_POSSESSIVE_END = re.compile(r"['’]s?$")
_SPACES = re.compile(r"[\s]+")
