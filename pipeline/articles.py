"""Turn a reader's `RawArticle` into an ``articles`` row: text layout and ids.

Layout of ``articles.text`` (every later offset indexes it)::

    HEADLINE\n
    SUBHEADLINE\n          (only when present)
    \n
    DATELINE\n             (only when present)
    PARAGRAPH\nPARAGRAPH…  (the body; ``body_start`` is its first character)

``article_id`` is the first 16 hex digits of SHA-256 over the source id and
the normalized content (text plus publication time), so the same record
ingested twice gets the same id and a corrected article gets a new one.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime
from typing import Any

from pipeline.records import RawArticle

# The spaces other than the plain one: a tab, no-break, the typographic and zero-width spaces, ideographic.
_OTHER_SPACES = r"\t\u00a0\u2000-\u200b\u202f\u205f\u3000"
_SPACE = rf"[ {_OTHER_SPACES}]"
# A run of spaces that is not one plain space already: replacing only these gives the same text as
# replacing every run, without a replacement per word.
_SPACES = re.compile(rf"(?: {_SPACE}|(?! ){_SPACE}){_SPACE}*")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A space `_SPACES` replaces even alone: every match holds one of these or two plain spaces in a row.
_ODD_SPACE = re.compile(rf"[{_OTHER_SPACES}]")


def clean_line(text: str) -> str:
    """Normalize one line: NFC, no control characters, single spaces, stripped."""
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def clean_body(text: str) -> str:
    """Normalize a body: clean each paragraph line (`clean_line`) and drop empty ones."""
    # The whole body at once, then each line stripped: the same as `clean_line` line by line, as NFC
    # neither moves nor joins a line break (a character that never combines) and neither pattern
    # matches one; a pass per body rather than three per line.
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub(" ", text)
    # Most bodies (those read from Markdown, whose reader joins words by single spaces) have no run to
    # replace: two plain searches tell, at a fifth of the cost of `_SPACES` trying every space.
    if "  " in text or _ODD_SPACE.search(text):
        text = _SPACES.sub(" ", text)
    return "\n".join(line for line in (line.strip() for line in text.split("\n")) if line)


def layout(headline: str | None, subheadline: str | None, dateline: str | None, body: str) -> tuple[str, int]:
    """Return ``(text, body_start)`` in the documented layout."""
    head = "\n".join(part for part in (headline, subheadline) if part)
    prefix = f"{head}\n\n" if head else ""
    if dateline:
        prefix += f"{dateline}\n"
    return prefix + body, len(prefix)


HASH_LENGTH = 16  # hex characters of an id


def short_hash(*parts: str, length: int = HASH_LENGTH) -> str:
    """A stable hex digest of ``parts`` (joined by NUL), ``length`` characters long."""
    digest = hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:length]


def published_month(published_at: datetime | None) -> str:
    """The partition key of an article: ``YYYY-MM`` of its UTC publication time, or ``unknown``."""
    return published_at.strftime("%Y-%m") if published_at is not None else "unknown"


def assemble(raw: RawArticle, run_id: str, *, body_is_clean: bool = False) -> dict[str, Any]:
    """Build the ``articles`` row for ``raw`` (pure: no I/O, no clock).

    ``body_is_clean``: ``raw.body`` is clean already (`clean_body` would return it unchanged), as the
    wire step leaves it (`pipeline.readers.wire.normalize_wire`), and is not cleaned a second time.
    """
    headline = clean_line(raw.headline) if raw.headline else None
    subheadline = clean_line(raw.subheadline) if raw.subheadline else None
    dateline = clean_line(raw.dateline) if raw.dateline else None
    body = raw.body if body_is_clean else clean_body(raw.body)
    text, body_start = layout(headline or None, subheadline or None, dateline or None, body)
    published = raw.published_at.isoformat() if raw.published_at else ""
    content_hash = short_hash(text, published, length=32)
    return {
        "article_id": short_hash(raw.source_id, content_hash),
        "source_id": raw.source_id,
        "source": raw.source,
        "source_path": raw.source_path,
        "record": raw.record,
        "format": raw.format,
        "url": raw.url,
        "categories": list(raw.categories),
        "headline": headline or None,
        "subheadline": subheadline or None,
        "dateline": dateline or None,
        "byline": clean_line(raw.byline) or None if raw.byline else None,
        "published_at": raw.published_at,
        "published_from": raw.published_from if raw.published_at else None,
        "language": raw.language,
        "text": text,
        "body_start": body_start,
        "content_hash": content_hash,
        "run_id": run_id,
        "published_month": published_month(raw.published_at),
    }
