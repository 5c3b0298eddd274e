"""Sentence boundaries for wire copy, as a pure splitter and a spaCy component.

A blank English pipeline has no parser, and spaCy's ``sentencizer`` breaks
after every "U.S." and "Sen.". Wire copy needs paragraph breaks (one
paragraph a line in ``articles.text``) plus a period rule that knows
abbreviations and initials ("Donald J. Trump"). The word lists live in
``models/lexicons/``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc

from pipeline.nlp.base import RuleComponent, doc_text, rule_factory
from pipeline.rulefiles import read_words


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    """One sentence: character offsets (end exclusive) and its paragraph's index."""

    start: int
    end: int
    paragraph: int


# A candidate end: terminal punctuation, closing quotes/brackets, whitespace,
# then something that can open a sentence.
_END = re.compile(r"([.!?]+)([\"”’')\]]*)(\s+)(?=[\"“‘'(\[]?[A-Z0-9])")
# A period glued to the next sentence ("on China.The key report"), as scrapers leave it when they join
# paragraphs: a lower-case word, the period, and a capitalized word that is not part of an address.
_GLUED_END = re.compile(r"(?<=[a-z]{2})([.!?]+)([\"”’')\]]*)(?=([A-Z][a-z]*)\b(?![.@]))")
# What every glued end holds: a mark, any closing quotes or brackets, a capital. Lines without it (nearly all)
# skip `_GLUED_END`, whose leading look-behind makes it try every character of the line (a third of the splitter).
_GLUED_SCREEN = re.compile(r"[.!?][\"”’')\]]*[A-Z]")
_CHUNK_BEFORE = re.compile(r"\S*$")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NEXT_WORD = re.compile(r"[\"“‘'(\[]?(\w+)")


def split_sentences(text: str, abbreviations: frozenset[str], starters: frozenset[str]) -> list[SentenceSpan]:
    """Split ``text`` into sentences: every line is a paragraph, periods end sentences.

    A period after an abbreviation or a single capital (an initial) does not
    end the sentence unless the next word is a typical sentence opener. A
    period with no space after it ends one only between a lower-case word
    and a typical opener outside an address ("China.The", `_glued_ends`).
    """
    sentences: list[SentenceSpan] = []
    offset = 0
    for paragraph, line in enumerate(text.split("\n")):
        for start, end in _split_paragraph(line, abbreviations, starters):
            sentences.append(SentenceSpan(offset + start, offset + end, paragraph))
        offset += len(line) + 1
    return sentences


def _glued_ends(line: str, starters: frozenset[str]) -> Iterator[tuple[int, int]]:
    """``(end, next start)`` of each sentence end glued to the next sentence: only before a typical opener
    ("China.The"), and not inside an address ("www.Example.com", "Paul.Vieira@…", "Truth.Fi")."""
    if _GLUED_SCREEN.search(line) is None:
        return
    for match in _GLUED_END.finditer(line):
        chunk = _CHUNK_BEFORE.search(line, max(0, match.start() - 60), match.start()).group()
        if match.group(3) in starters and not any(mark in chunk for mark in ("@", "/", ".", "www")):
            yield match.end(), match.end()


def _ends(line: str, starters: frozenset[str]) -> list[tuple[int, int, re.Match[str] | None]]:
    """Candidate sentence ends in text order: ``(end, next start, match)``; the match of `_END`, for its
    abbreviation test, or None for a glued end."""
    spaced = [(m.end() - len(m.group(3)), m.end(), m) for m in _END.finditer(line)]
    return sorted([*spaced, *((end, after, None) for end, after in _glued_ends(line, starters))],
                  key=lambda found: found[0])


def _split_paragraph(line: str, abbreviations: frozenset[str], starters: frozenset[str]) -> Iterator[tuple[int, int]]:
    start = len(line) - len(line.lstrip())
    if start >= len(line):
        return
    for end, after, match in _ends(line, starters):
        if match is not None and match.group(1) == ".":
            # Look back a bounded window: searching from the line's start at
            # every period made long paragraphs quadratic.
            before = _WORD_BEFORE.search(line, max(0, match.start() - 40), match.start())
            word = before.group(1) if before else ""
            next_word = _NEXT_WORD.match(line, match.end())
            opener = next_word.group(1) if next_word else ""
            is_abbreviation = word.rstrip(".") in abbreviations or (len(word) == 1 and word.isupper())
            if is_abbreviation and opener not in starters:
                continue
        if end > start:
            yield start, end
        start = after
    end = len(line.rstrip())
    if end > start:
        yield start, end


@rule_factory("trade_sentences_v1",
              assigns=["token.is_sent_start", "doc._.trade_sentences", "doc._.sentence_token_starts"])
class WireSentences(RuleComponent):
    """Sets ``is_sent_start`` from `split_sentences`; leaves the sentences with their paragraphs on ``doc._``."""

    def load_data(self, models_dir: Path) -> dict[str, Any]:
        lexicons = models_dir / "lexicons"
        return {
            "abbreviations": read_words(lexicons / "abbreviations.txt"),
            "starters": read_words(lexicons / "sentence_starters.txt"),
        }

    def setup(self) -> None:
        self.abbreviations = frozenset(self.data.get("abbreviations", []))
        self.starters = frozenset(self.data.get("starters", []))

    def __call__(self, doc: Doc) -> Doc:
        spans = split_sentences(doc_text(doc), self.abbreviations, self.starters)
        if len(doc):
            token_starts = self._token_starts(doc, spans)
            # One array write for every boundary: assigning token.is_sent_start
            # token by token re-validates the whole Doc each time (quadratic).
            flags = numpy.full(len(doc), -1, dtype="int64")
            flags[token_starts] = 1
            doc.from_array([SENT_START], flags.astype("uint64"))  # -1 wrapped, as to_array gives it
        else:
            token_starts = []
        # Later components and the row builder read these instead of doc.sents,
        # which walks every token each time it is asked.
        doc._.trade_sentences = [(s.start, s.end, s.paragraph) for s in spans]
        doc._.sentence_token_starts = token_starts
        return doc

    @staticmethod
    def _token_starts(doc: Doc, spans: list[SentenceSpan]) -> list[int]:
        """Indexes of the tokens that open a sentence: the first token, tokens at a
        sentence's first character, and tokens right after a newline token.

        Bisection over the token offsets: a few dozen lookups an article, where
        array set operations cost more in call overhead than they save.
        """
        offsets = doc.to_array(IDX).tolist()
        count = len(offsets)
        starts = {0}
        for span in spans:
            k = bisect_left(offsets, span.start)
            if k < count and offsets[k] == span.start:
                starts.add(k)
        text = doc_text(doc)
        newline = text.find("\n")
        while newline >= 0:  # a newline always sits inside a whitespace token of its own
            after = bisect_right(offsets, newline)
            if after < count:
                starts.add(after)
            newline = text.find("\n", newline + 1)
        return sorted(starts)
