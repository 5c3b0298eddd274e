"""Turn a processed `Doc` into typed rows: the only way spans leave the extract stage."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

from pipeline.articles import short_hash
from pipeline.nlp.base import TEXT_KEY, doc_text
from pipeline.nlp.sentences import SentenceSpan, split_sentences


def sentence_spans(doc: Doc) -> list[SentenceSpan]:
    """The sentences the pipeline set, with paragraph indexes (from the sentence component)."""
    if "sentences" in doc.user_data:
        return [SentenceSpan(start, end, paragraph) for start, end, paragraph in doc.user_data["sentences"]]
    starts = dict(doc.user_data.get("paragraphs", []))
    spans = []
    for sentence in doc.sents:
        text = sentence.text
        stripped_start = sentence.start_char + (len(text) - len(text.lstrip()))
        stripped_end = sentence.start_char + len(text.rstrip())
        if stripped_end <= stripped_start:
            continue
        paragraph = starts.get(stripped_start, doc.text.count("\n", 0, stripped_start))
        spans.append(SentenceSpan(stripped_start, stripped_end, paragraph))
    return spans


def mention_id(article_id: str, kind: str, start: int, end: int, rule_id: str) -> str:
    """Deterministic id of a mention."""
    return short_hash(article_id, kind, str(start), str(end), rule_id)


def doc_rows(doc: Doc, article_id: str, published_month: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``(mention rows, sentence rows)`` for one article's processed `Doc`."""
    text = doc_text(doc)
    doc.user_data.pop(TEXT_KEY, None)  # the shared text copy is not needed past the components
    # Character offsets from two arrays: span.start_char, .end_char and .text build a Token object each.
    # Ends are computed for the few tokens that end a span, not for every token.
    token_starts = doc.to_array(IDX).tolist()
    token_lengths = doc.to_array(LENGTH).tolist()
    sentences = sentence_spans(doc)
    starts = [s.start for s in sentences]
    sentence_rows = [
        {"article_id": article_id, "sentence_index": i, "start_char": s.start, "end_char": s.end,
         "paragraph_index": s.paragraph, "published_month": published_month}
        for i, s in enumerate(sentences)
    ]
    mentions: dict[str, dict[str, Any]] = {}
    for kind in sorted(doc.spans):
        for span in doc.spans[kind]:
            rule_id = span.id_ or kind
            first, end = span.start, span.end
            if end > first:
                start_char, end_char = token_starts[first], token_starts[end - 1] + token_lengths[end - 1]
            else:  # an empty span: spaCy's own offsets
                start_char, end_char = span.start_char, span.end_char
            key = mention_id(article_id, kind, start_char, end_char, rule_id)
            mentions[key] = {
                "article_id": article_id, "mention_id": key, "kind": kind, "text": text[start_char:end_char],
                "start_char": start_char, "end_char": end_char,
                "sentence_index": max(bisect_right(starts, start_char) - 1, 0),
                "rule_id": rule_id, "label": span.label_ or None, "published_month": published_month,
            }
    return list(mentions.values()), sentence_rows


__all__ = ["doc_rows", "mention_id", "sentence_spans", "split_sentences"]
