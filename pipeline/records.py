"""Typed records that cross module boundaries: what readers yield.

Readers know formats, not the contract: they yield `RawArticle` or `RawReject`,
and the ingest stage turns a `RawArticle` into an `articles` row (see
`pipeline.articles.assemble`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article as a reader found it, before ids and text layout.

    ``body`` holds the paragraphs separated by single newlines, with wrapped
    lines already joined. ``published_at`` is timezone-aware (UTC) or None.
    """

    source_path: str
    record: int
    format: str
    source_id: str
    body: str
    headline: str | None = None
    subheadline: str | None = None
    dateline: str | None = None
    byline: str | None = None  # the reporters' names as printed ("Jane Doe and John Roe")
    source: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    published_from: str | None = None
    language: str = "en"
    categories: tuple[str, ...] = ()  # ``field:value``, as `pipeline.readers.common.categories` writes them


@dataclass(frozen=True, slots=True)
class RawReject:
    """An input that could not become an article, with a reason a person can act on.

    ``reason`` is a short code from `REJECT_REASONS`; ``detail`` says what was
    wrong and, where possible, what to do.
    """

    source_path: str
    record: int | None
    reason: str
    detail: str


REJECT_REASONS = {
    "unreadable_file": "the file could not be opened or read",
    "binary_file": "the file holds binary data, not text",
    "encoding_error": "the text is not valid in any supported encoding",
    "file_too_large": "the file is larger than the max_file_bytes setting",
    "unsupported_format": "no reader knows this file type",
    "malformed_json": "a JSON line or document does not parse",
    "malformed_xml": "an XML/SGML document or record does not parse",
    "unsafe_xml": "the XML declares entities or external references (refused for safety)",
    "missing_field": "a required field (id, text) is missing or of the wrong type",
    "empty_body": "the record has no body text",
    "field_too_large": "a field is longer than the max_field_chars setting, or the article's text than "
                       "max_article_chars",
    "bad_date": "a date field could not be parsed",
    "duplicate": "the record repeats an earlier record of the same file exactly (kept once)",
    "stage_error": "a later stage failed on this article (see detail)",
    "reader_error": "the reader failed on this input (a bug in the pipeline: report it with the file)",
}
