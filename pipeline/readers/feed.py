"""RSS 2.0 and Atom feeds (``.rss``, ``.atom``, or ``.xml`` that sniffs as a feed), read with feedparser.

One article per item/entry; ``record`` is its 0-based position in the feed.
A document that declares an entity is refused first (``unsafe_xml``); one
feedparser cannot read and that yields no entry is ``malformed_xml`` (a
feed with some damage but readable entries is read). When the feed's
``<item>``/``<entry>`` tags announce more items than feedparser returns (a
damaged tag made it drop one or merge it into a neighbour), one more
``malformed_xml`` reject says how many were lost.

Fields: source id = the item's ``guid``/``id``, else its ``link`` (neither:
``missing_field``); headline = title (markup removed); url = link; published_at
= ``published`` (``feed:published``), else ``updated`` (``feed:updated``),
as UTC; body = the full ``content`` when present, else ``summary``/
``description``, HTML reduced to one paragraph a line (no text:
``empty_body``); source = the feed's title; language = the feed's language,
primary subtag ("en-us" → "en"); categories = the item's ``<category>``
terms (RSS text, Atom ``term``), as ``category:Trade``.
"""

from __future__ import annotations

import calendar
import html
import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline.config import Settings
from pipeline.readers.common import (ReaderError, as_utf8, categories, check_xml_safe, html_paragraphs,
                                     language_code, parse_timestamp, read_bytes)
from pipeline.records import RawArticle, RawReject


def _text(detail: Any) -> str:
    """The text of a feedparser value (a string or a detail dict), HTML reduced to paragraphs."""
    if isinstance(detail, Mapping):
        value, kind = detail.get("value") or "", detail.get("type") or "text/html"
    else:
        value, kind = detail or "", "text/html"
    if not isinstance(value, str):
        return ""
    # Plain text in XML wraps where the writer liked: blank lines alone separate paragraphs.
    return html_paragraphs(value if "html" in kind else html.escape(value, quote=False))


def _published(entry: Mapping[str, Any]) -> tuple[datetime | None, str | None, str | None]:
    """``(moment, origin, unparseable raw value)`` from an entry's published or updated date."""
    for name in ("published", "updated"):
        if name == "updated" and "updated" not in entry and "updated_parsed" not in entry:
            break  # feedparser answers a missing `updated` with `published` again (and a deprecation warning)
        parsed = entry.get(f"{name}_parsed")
        if parsed:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), UTC), f"feed:{name}", None
            except (ValueError, OverflowError, OSError):
                pass  # "0000-00-00" and years outside 1–9999: fall through to the raw value

        raw = entry.get(name)
        if raw:
            moment = parse_timestamp(raw)
            if moment is not None:
                return moment, f"feed:{name}", None
            return None, None, f"{name}={raw!r}"
    return None, None, None


def to_article(entry: Mapping[str, Any], position: int, source_path: str, source: str | None,
               language: str) -> RawArticle | RawReject:
    """One feed entry as an article or a reject."""
    link = (entry.get("link") or "").strip() or None
    source_id = (entry.get("id") or "").strip() or link
    if not source_id:
        return RawReject(source_path, position, "missing_field", f"item {position} has neither a guid/id nor a link")
    contents = entry.get("content") or []
    body = next((text for text in (_text(c) for c in contents) if text), "")
    if not body:
        body = _text(entry.get("summary_detail") or entry.get("summary"))
    if not body:
        return RawReject(source_path, position, "empty_body",
                         f"item {source_id!r} has no text in content, summary or description")
    published, origin, bad = _published(entry)
    if bad:
        return RawReject(source_path, position, "bad_date", f"item {source_id!r}: the date {bad} does not parse")
    title = " ".join(_text(entry.get("title_detail") or entry.get("title")).split()) or None
    return RawArticle(source_path=source_path, record=position, format="feed", source_id=source_id, body=body,
                      headline=title, source=source, url=link, published_at=published, published_from=origin,
                      language=language, categories=_categories(entry))


def _categories(entry: Mapping[str, Any]) -> tuple[str, ...]:
    """The item's ``<category>`` terms (feedparser's ``tags``; a tag without a term gives its label)."""
    tags = entry.get("tags") or []
    return categories(("category", [(tag.get("term") or tag.get("label") or "") for tag in tags
                                    if isinstance(tag, Mapping)]))


def read(path: Path, source_path: str, settings: Settings) -> Iterator[RawArticle | RawReject]:
    """Yield one article or reject per item of an RSS or Atom feed."""
    import feedparser  # imported here: only feeds need it

    data = read_bytes(path, settings)
    check_xml_safe(data)
    try:
        parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    except (UnicodeError, LookupError, ValueError) as error:  # e.g. a garbled encoding name
        raise ReaderError("malformed_xml", f"the feed does not parse: {type(error).__name__}: {error}") from error
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            raise ReaderError("malformed_xml", f"the feed does not parse: {problem}")
        raise ReaderError("empty_body", "the feed has no items")
    meta = parsed.get("feed") or {}
    source = " ".join(_text(meta.get("title_detail") or meta.get("title")).split()) or None
    language = language_code(meta.get("language"))
    for position, entry in enumerate(entries):
        yield to_article(entry, position, source_path, source, language)
    announced = item_tags(data)
    if announced > len(entries):
        yield RawReject(source_path, None, "malformed_xml",
                        f"the feed has {announced} items by its <item>/<entry> tags but only {len(entries)} "
                        f"could be read: {announced - len(entries)} damaged item(s) lost or merged into "
                        "another (check those tags)")


# Opening and closing tags of feed items, any namespace prefix. feedparser's
# forgiving parser drops an item whose opening tag is damaged, or merges it
# into its neighbour, without a word; counting the tags is how it shows.
_ITEM_OPEN = re.compile(rb"<(?:[\w.-]+:)?(?:item|entry)[\s/>]")
_ITEM_CLOSE = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>")


def item_tags(data: bytes) -> int:
    """How many items a feed's tags announce: the larger count of opening and of closing item tags.

    A damaged tag loses one of the two counts, rarely both.
    """
    data = as_utf8(data)  # UTF-16 would hide the tags from a byte scan
    return max(len(_ITEM_OPEN.findall(data)), len(_ITEM_CLOSE.findall(data)))
