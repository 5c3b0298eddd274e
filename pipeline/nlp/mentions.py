"""Turn a processed `Doc` into typed rows: the only way spans leave the extract stage."""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from typing import Any

import pyarrow as pa
from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

from pipeline.articles import HASH_LENGTH, short_hash
from pipeline.labels import parse_label, parse_offsets
from pipeline.nlp.base import doc_text
from pipeline.nlp.reported_speech import GROUP as REPORTED_GROUP, shift_label
from pipeline.nlp.reported_words import (RULE_PREFIX as WORDS_RULE_PREFIX, ArticleSpans, WordRules,
                                         find_headline_report, find_word_reports)
from pipeline.nlp.sentences import SentenceSpan, split_sentences
from pipeline.nlp.syntax import ParseGate, PendingSentence, parse_docs, token_rows
from pipeline.schemas import schema_for


def sentence_spans(doc: Doc) -> list[SentenceSpan]:
    """The sentences the pipeline set, with paragraph indexes (from the sentence component)."""
    if doc._.trade_sentences is not None:
        return [SentenceSpan(start, end, paragraph) for start, end, paragraph in doc._.trade_sentences]
    spans = []
    for sentence in doc.sents:
        text = sentence.text
        stripped_start = sentence.start_char + (len(text) - len(text.lstrip()))
        stripped_end = sentence.start_char + len(text.rstrip())
        if stripped_end <= stripped_start:
            continue
        paragraph = doc.text.count("\n", 0, stripped_start)
        spans.append(SentenceSpan(stripped_start, stripped_end, paragraph))
    return spans


def mention_id(article_id: str, kind: str, start: int, end: int, rule_id: str) -> str:
    """Deterministic id of a mention."""
    return short_hash(article_id, kind, str(start), str(end), rule_id)


# The columns of the rows built here, in table order: every column but ``run_id``, which the stage runner sets.
MENTION_COLUMNS = tuple(name for name in schema_for("mentions").names if name != "run_id")
SENTENCE_COLUMNS = tuple(name for name in schema_for("sentences").names if name != "run_id")
TOKEN_COLUMNS = tuple(name for name in schema_for("tokens").names if name != "run_id")


def parsed_mention_rows(parsed: Doc, sentence: PendingSentence) -> list[tuple[Any, ...]]:
    """``mentions`` rows (in `MENTION_COLUMNS` order) of the span groups on one parsed sentence."""
    rows = []
    offset = sentence.start_char
    for kind in sorted(parsed.spans):
        for span in parsed.spans[kind]:
            start, end = offset + span.start_char, offset + span.end_char
            rule_id = span.id_ or kind
            label = shift_label(span.label_, offset) if kind == REPORTED_GROUP else span.label_ or None
            rows.append((sentence.article_id, mention_id(sentence.article_id, kind, start, end, rule_id), kind,
                         span.text, start, end, sentence.sentence_index, rule_id, label, sentence.published_month))
    return rows


def _mention_key(id_prefix: Any, kind: str, start: int, end: int, rule_id: str) -> str:
    """`mention_id` from the article's hashed prefix (``sha256`` of the id and a NUL), hashed once per article."""
    digest = id_prefix.copy()
    digest.update(f"{kind}\x00{start}\x00{end}\x00{rule_id}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:HASH_LENGTH]


def _cue_bounds(label: str | None) -> tuple[int, int] | None:
    """The cue offsets a ``reported`` label holds."""
    return parse_offsets(parse_label(label).get("cue"))


def _overlaps_any(bounds: tuple[int, int] | None, others: Sequence[tuple[int, int]]) -> bool:
    """True when ``bounds`` shares a character with one of ``others`` (no bounds: shares with any)."""
    if bounds is None:
        return bool(others)
    return any(start < bounds[1] and bounds[0] < end for start, end in others)


class DocRows:
    """The mention, sentence and token rows of processed Docs, kept as tuples until they become Arrow tables.

    A dict per row cost more to build, and again to take apart into columns.
    With a ``gate``, `add` also notes the sentences the parser must read
    (`pipeline.nlp.syntax`); `parse` then parses them all at once and keeps
    their ``tokens`` rows. Without one, no sentence is parsed. With ``words``
    (`pipeline.nlp.reported_words`), `add` reads reported speech from the word
    order of every sentence with a cue; in a sentence the parser reads, those
    findings are held back and kept only for the cues the parse's reported
    speech does not use, so that no cue's speech is read twice.
    """

    def __init__(self, gate: ParseGate | None = None, words: WordRules | None = None) -> None:
        self.gate = gate
        self.words = words
        self.mentions: list[tuple[Any, ...]] = []
        self.sentences: list[tuple[Any, ...]] = []
        self.tokens: list[tuple[Any, ...]] = []
        self.pending: list[PendingSentence] = []
        # word-order findings in sentences sent to the parser, by (article_id, sentence_index)
        self.held: dict[tuple[str, int], list[tuple[Any, ...]]] = {}

    def add(self, doc: Doc, article_id: str, published_month: str,
            flags: Mapping[str, bool | None] | None = None) -> None:
        """Add one article's rows (all of them or, should anything fail, none).

        ``flags`` holds the article's flag columns the parse gate tests (``is_trade``).
        """
        text = doc_text(doc)
        doc._.trade_text = None  # the shared text copy is not needed past the components
        # Character offsets from two arrays: span.start_char, .end_char and .text build a Token object each.
        # Ends are computed for the few tokens that end a span, not for every token.
        token_starts = doc.to_array(IDX).tolist()
        token_lengths = doc.to_array(LENGTH).tolist()
        sentences = sentence_spans(doc)
        starts = [s.start for s in sentences]
        # Every id of the article hashes the same first part (see `mention_id`), so it is hashed once.
        id_prefix = hashlib.sha256(f"{article_id}\x00".encode("utf-8", "surrogatepass"))
        mentions: dict[str, tuple[Any, ...]] = {}
        for kind in sorted(doc.spans):
            for span in doc.spans[kind]:
                rule_id = span.id_ or kind
                first, end = span.start, span.end
                if end > first:
                    start_char, end_char = token_starts[first], token_starts[end - 1] + token_lengths[end - 1]
                else:  # an empty span: spaCy's own offsets
                    start_char, end_char = span.start_char, span.end_char
                key = _mention_key(id_prefix, kind, start_char, end_char, rule_id)
                mentions[key] = (article_id, key, kind, text[start_char:end_char], start_char, end_char,
                                 max(bisect_right(starts, start_char) - 1, 0), rule_id, span.label_ or None,
                                 published_month)
        to_parse = (set(self.gate.sentences(doc, starts, text, [s.end for s in sentences], flags)) if self.gate
                    else set())
        self.sentences.extend((article_id, i, s.start, s.end, s.paragraph, i in to_parse, published_month)
                              for i, s in enumerate(sentences))
        for i in sorted(to_parse):
            start, end = sentences[i].start, sentences[i].end
            self.pending.append(PendingSentence(article_id, i, start, text[start:end], published_month))
        if self.words is not None:
            self._add_word_reports(doc, text, article_id, published_month, sentences, starts, token_starts,
                                   to_parse, id_prefix, mentions)
        self.mentions.extend(mentions.values())

    def _add_word_reports(self, doc: Doc, text: str, article_id: str, published_month: str,
                          sentences: Sequence[SentenceSpan], starts: Sequence[int], token_starts: Sequence[int],
                          parsed: set[int], id_prefix: Any, mentions: dict[str, tuple[Any, ...]]) -> None:
        """Add the ``reported`` mentions the word-order reader finds in the sentences not in ``parsed``, and
        hold those it finds in the ``parsed`` ones until `parse` shows whether the parse reads them."""
        spans = ArticleSpans(doc, self.words, text)
        with_cues = {bisect_right(starts, token_starts[cue.start]) - 1 for cue in spans.cues}
        # the headline: an article's first line when it is one sentence ("…: Speaker" needs no cue word)
        line_end = text.find("\n") if "\n" in text else len(text)
        headline = 0 if sentences and not text[sentences[0].end:line_end].strip() else None
        for i in sorted(with_cues - {-1} | ({headline} if headline is not None else set())):
            sentence = sentences[i]
            first, end = bisect_left(token_starts, sentence.start), bisect_left(token_starts, sentence.end)
            found_here = list(find_word_reports(doc, first, end, spans, self.words, headline=i == headline))
            if i == headline and not found_here:
                report = find_headline_report(doc, first, end, spans, self.words)
                found_here = [report] if report is not None else []
            for found in found_here:
                rule_id = f"{WORDS_RULE_PREFIX}:{found.pattern}"
                key = _mention_key(id_prefix, REPORTED_GROUP, found.start, found.end, rule_id)
                row = (article_id, key, REPORTED_GROUP, text[found.start:found.end], found.start, found.end, i,
                       rule_id, found.label(), published_month)
                if i in parsed:
                    self.held.setdefault((article_id, i), []).append(row)
                else:
                    mentions[key] = row

    def add_sentences(self, article_id: str, published_month: str, sentences: Sequence[SentenceSpan]) -> None:
        """Add only the ``sentences`` rows of an article the rules do not read (none parsed, no mentions).

        ``sentences`` come from `split_sentences` over the article's text, which
        is what the sentence component gives a Doc: the rows equal `add`'s.
        """
        self.sentences.extend((article_id, i, s.start, s.end, s.paragraph, False, published_month)
                              for i, s in enumerate(sentences))

    def absorb(self, other: DocRows) -> None:
        """Take over every row (and pending sentence) of ``other``."""
        self.mentions.extend(other.mentions)
        self.sentences.extend(other.sentences)
        self.tokens.extend(other.tokens)
        self.pending.extend(other.pending)
        self.held.update(other.held)

    def parse(self, parser) -> None:
        """Parse the sentences `add` noted, keeping their ``tokens`` rows and the mentions read from the parse.

        The parser's rule components (reported speech) leave span groups on
        each sentence's `Doc`; their offsets, and those in their labels, are
        moved from the sentence to the article.
        """
        # the cues (article offsets) each parsed sentence's reported speech uses
        read: dict[tuple[str, int], list[tuple[int, int]]] = {}
        for sentence, parsed in parse_docs(parser, self.pending):
            self.tokens.extend(token_rows(parsed, sentence))
            rows = parsed_mention_rows(parsed, sentence)
            self.mentions.extend(rows)
            cues = [cue for row in rows if row[2] == REPORTED_GROUP and (cue := _cue_bounds(row[8])) is not None]
            if cues:
                read.setdefault((sentence.article_id, sentence.sentence_index), []).extend(cues)
        # The word order speaks for the cues the parse did not read (a misread sentence, or a cue the parse
        # took for another kind of word): per cue, not per sentence, so that a cue the parse reads
        # ("Acme denied alleging fraud, a spokesman said") does not silence the word order's other cue.
        for key, rows in self.held.items():
            used = read.get(key, [])
            self.mentions.extend(row for row in rows if not _overlaps_any(_cue_bounds(row[8]), used))
        self.pending, self.held = [], {}

    def table(self, name: str) -> pa.Table:
        """The rows of ``mentions``, ``sentences`` or ``tokens`` as a table of the declared column types (no ``run_id``)."""
        rows, names = self._rows(name)
        schema = schema_for(name)
        columns = list(zip(*rows)) if rows else [()] * len(names)
        return pa.Table.from_arrays([pa.array(column, type=schema.field(column_name).type)
                                     for column_name, column in zip(names, columns)], names=list(names))

    def dicts(self, name: str) -> list[dict[str, Any]]:
        """The rows of ``mentions``, ``sentences`` or ``tokens`` as dicts."""
        rows, names = self._rows(name)
        return [dict(zip(names, row)) for row in rows]

    def _rows(self, name: str) -> tuple[list[tuple[Any, ...]], tuple[str, ...]]:
        if name == "mentions":
            return self.mentions, MENTION_COLUMNS
        if name == "sentences":
            return self.sentences, SENTENCE_COLUMNS
        if name == "tokens":
            return self.tokens, TOKEN_COLUMNS
        raise ValueError(f"no rows of table {name!r}: only mentions, sentences and tokens")


def doc_rows(doc: Doc, article_id: str, published_month: str, *,
             words: WordRules | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``(mention rows, sentence rows)`` for one article's processed `Doc`, as dicts (nothing parsed; with
    ``words``, reported speech read from the words of every sentence)."""
    rows = DocRows(words=words)
    rows.add(doc, article_id, published_month)
    return rows.dicts("mentions"), rows.dicts("sentences")


__all__ = ["DocRows", "doc_rows", "mention_id", "sentence_spans", "split_sentences"]
