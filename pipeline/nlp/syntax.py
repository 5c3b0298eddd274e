"""Dependency parses of the sentences the rules need, as rows of the ``tokens`` table.

The project's parser (``models/parser``, trained from the Universal
Dependencies treebanks; see its model card) reads text more than ten times
slower than the tokenizer, so extract runs it only where a later rule can use the
structure. The gate, stated in ``models/parser/gate.csv``:

- an article is parsed only when it holds a mention of an ``article_has``
  kind (a trade-event trigger) and every ``article_flag`` column of
  ``articles`` named is true (``is_trade``: ingest's relevance flag, from
  ``models/relevance/``; a null flag, on a row written before the column
  existed, counts as true): most of a mixed feed is never parsed;
- in such an article, a sentence is parsed when it holds a mention of a
  ``sentence_has`` kind (a trigger, a quotation cue), a word of the
  ``reporting_words`` list (a rule file under ``models/``: the cue forms of
  ``quotes/cues.csv``, "said", "according to" …), or a date of a
  ``date_kind`` whose value depends on tense (a month or weekday written
  without a year);
- in an article that fails an ``article_flag`` test, only the sentences
  holding a mention of a ``sentence_has_unflagged`` kind are parsed (a
  trigger: the events stage builds events from such sentences whatever the
  flag, and reads their roles and scope from the parse when there is one).

A test left out of the file selects nothing, so removing rows parses less
(an ``article_flag`` row is a condition: removing it lifts it, and
``sentence_has_unflagged`` rows are then not needed).

The parser tokenizes each sentence itself (spaCy's English rules, as the
treebanks were converted), so ``tokens`` has its own token boundaries;
offsets are article offsets and heads are token indexes within the sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.attrs import DEP, HEAD, IDX, LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

from pipeline.labels import parse_label
from pipeline.rulefiles import alternation, read_rows

PARSER_DIR = "parser"
GATE_FILE = "gate.csv"
GATE_TESTS = ("article_has", "article_flag", "sentence_has", "sentence_has_unflagged", "date_kind",
              "reporting_words")
# The ``articles`` columns an ``article_flag`` test may name: those extract reads and hands to `ParseGate.sentences`.
ARTICLE_FLAGS = ("is_trade",)


@dataclass(frozen=True)
class ParseGate:
    """Which articles and sentences the parser reads (see the module docstring)."""

    article_kinds: frozenset[str]
    article_flags: frozenset[str]
    sentence_kinds: frozenset[str]
    unflagged_sentence_kinds: frozenset[str]  # parsed even in an article that fails an article flag
    date_kinds: frozenset[str]
    reporting_words: re.Pattern[str] | None

    def sentences(self, doc: Doc, sentence_starts: Sequence[int], text: str, sentence_ends: Sequence[int],
                  flags: Mapping[str, bool | None] | None = None) -> list[int]:
        """Indexes of the sentences of ``doc`` to parse (none when the article holds no ``article_has`` kind;
        only those of the ``sentence_has_unflagged`` kinds when it fails an ``article_flag`` test).

        ``flags`` holds the article's `ARTICLE_FLAGS` columns; a flag missing or null counts as true.
        """
        if not any(len(doc.spans[kind]) for kind in self.article_kinds if kind in doc.spans):
            return []
        if any((flags or {}).get(flag) is False for flag in self.article_flags):
            return _in_order(_sentences_holding(doc, self.unflagged_sentence_kinds, sentence_starts))
        chosen = _sentences_holding(doc, self.sentence_kinds, sentence_starts)
        if "date" in doc.spans:
            for span in doc.spans["date"]:
                fields = parse_label(span.label_)
                if fields.get("kind") in self.date_kinds and not fields.get("year"):
                    chosen.add(_sentence_of(span.start_char, sentence_starts))
        if self.reporting_words is not None:
            for index, (start, end) in enumerate(zip(sentence_starts, sentence_ends)):
                if index not in chosen and self.reporting_words.search(text, start, end):
                    chosen.add(index)
        return _in_order(chosen)


def _in_order(chosen: set[int]) -> list[int]:
    """The sentence indexes ``chosen``, in order, without -1 (a mention before the first sentence)."""
    return sorted(index for index in chosen if index >= 0)


def _sentence_of(offset: int, sentence_starts: Sequence[int]) -> int:
    return bisect_right(sentence_starts, offset) - 1


def _sentences_holding(doc: Doc, kinds: Iterable[str], sentence_starts: Sequence[int]) -> set[int]:
    """Indexes of the sentences that hold a mention of one of ``kinds`` (a span group of ``doc``)."""
    return {_sentence_of(span.start_char, sentence_starts) for kind in kinds if kind in doc.spans
            for span in doc.spans[kind]}


def load_gate(models_dir: Path) -> ParseGate:
    """Read ``models/parser/gate.csv`` and the list of reporting words it names (a ``form`` column)."""
    path = models_dir / PARSER_DIR / GATE_FILE
    tests: dict[str, set[str]] = {test: set() for test in GATE_TESTS}
    for number, row in enumerate(read_rows(path), start=2):
        if row["test"] not in tests:
            raise ValueError(f"{path}: row {number}: test {row['test']!r} is not one of {', '.join(GATE_TESTS)}")
        tests[row["test"]].add(row["value"])
    unknown = sorted(tests["article_flag"] - set(ARTICLE_FLAGS))
    if unknown:
        raise ValueError(f"{path}: article_flag {unknown} is not one of the columns extract reads: "
                         f"{', '.join(ARTICLE_FLAGS)}")
    forms = [row["form"].lower() for name in sorted(tests["reporting_words"])
             for row in read_rows(models_dir / name)]
    reporting = re.compile(rf"(?<!\w)(?:{alternation(forms)})(?!\w)", re.IGNORECASE) if forms else None
    return ParseGate(frozenset(tests["article_has"]), frozenset(tests["article_flag"]), frozenset(tests["sentence_has"]),
                     frozenset(tests["sentence_has_unflagged"]), frozenset(tests["date_kind"]), reporting)


@lru_cache(maxsize=2)
def load_parser(models_dir: Path) -> Language:
    """The trained parser pipeline under ``models_dir``, loaded once per process."""
    from pipeline.nlp.base import load_saved
    from pipeline.nlp.reported_speech import add_to_parser

    path = models_dir / PARSER_DIR
    if not (path / "meta.json").is_file():
        raise FileNotFoundError(f"{path} holds no trained parser (meta.json missing); "
                                "train one with `python -m pipeline train-parser` or restore models/parser")
    parser = load_saved(path)
    index_words_as_sets(parser)
    # Reported speech is read from the parse while the Doc exists (`pipeline.nlp.reported_speech`).
    add_to_parser(parser, models_dir)
    return parser


def index_words_as_sets(parser: Language) -> None:
    """Hold the rule lemmatizer's word lists (its ``lemma_index`` table) as sets instead of lists.

    spaCy's rule lemmatizer asks whether each candidate form is a known word
    of its part of speech (``form in index``), and the table it loads holds
    those words as lists (57,000 nouns): a scan per question, a third of a
    second on the 500 sentences of 2,000 Reuters stories. A set answers the
    same questions at once; the lemmas are unchanged.
    """
    if "lemmatizer" not in parser.pipe_names:
        return
    lookups = parser.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    for part_of_speech, words in list(index.items()):
        index[part_of_speech] = frozenset(words)


@dataclass(frozen=True)
class PendingSentence:
    """A sentence waiting for the parser: where it is, and its text."""

    article_id: str
    sentence_index: int
    start_char: int
    text: str
    published_month: str


# What `token_rows` reads of each token, in one `Doc.to_array` call.
_TOKEN_ATTRIBUTES = [IDX, ORTH, LEMMA, POS, MORPH, HEAD, DEP]
_SIGNED_LIMIT, _WRAP = 2**63, 2**64  # `Doc.to_array` returns uint64: a negative offset comes back as 2**64 - n


def token_rows(parsed: Doc, sentence: PendingSentence) -> list[tuple[Any, ...]]:
    """The ``tokens`` rows of one parsed sentence (every column but ``run_id``), in `TOKEN_COLUMNS` order.

    Read from one array of the Doc's attributes rather than token by token: each ``token.…`` read
    builds a Token object (and ``token.head`` another), which cost more than the rows themselves.
    The values are those of ``token.text``, ``.lemma_``, ``.pos_``, ``str(token.morph)``,
    ``.head.i`` and ``.dep_``.
    """
    strings = parsed.vocab.strings
    empty_morph = parsed.vocab.morphology.EMPTY_MORPH
    rows = []
    offset, article_id, index, month = (sentence.start_char, sentence.article_id, sentence.sentence_index,
                                        sentence.published_month)
    # Whitespace tokens too, so that every head index names a row.
    for i, (idx, orth, lemma, pos, morph, head, dep) in enumerate(parsed.to_array(_TOKEN_ATTRIBUTES).tolist()):
        text = strings[orth]
        start = offset + idx
        morph_text = strings[morph]
        rows.append((article_id, index, i, start, start + len(text), text, strings[lemma] or None,
                     POS_NAMES[pos] or None, None if morph_text == empty_morph else morph_text or None,
                     # HEAD is the head's offset from the token, stored unsigned: a negative one wraps.
                     i + (head - _WRAP if head >= _SIGNED_LIMIT else head), strings[dep] or None, month))
    return rows


def parse_docs(parser: Language, pending: Iterable[PendingSentence],
               batch_size: int = 256) -> Iterator[tuple[PendingSentence, Doc]]:
    """Parse every pending sentence; yield each with its parsed `Doc` (the span groups the parser's
    rule components fill, such as ``reported``, are on it)."""
    pending = list(pending)
    yield from zip(pending, parser.pipe((s.text for s in pending), batch_size=batch_size), strict=True)


def parse_sentences(parser: Language, pending: Iterable[PendingSentence],
                    batch_size: int = 256) -> list[tuple[Any, ...]]:
    """Parse every pending sentence; return their token rows."""
    rows: list[tuple[Any, ...]] = []
    for sentence, parsed in parse_docs(parser, pending, batch_size):
        rows.extend(token_rows(parsed, sentence))
    return rows
