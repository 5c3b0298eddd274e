"""NewsML-G2 (IPTC) ``newsItem`` documents, alone or in a ``newsMessage``.

Parsing is safe by construction: a document that declares an entity is
refused before parsing (``unsafe_xml``: billion laughs, XXE), and the parser
(defusedxml over expat) refuses entities and external references again;
broken XML is ``malformed_xml``. Elements are matched by local name, so any
namespace prefix (or none) works. ``record`` is the 0-based position of the
``newsItem`` in the document; items that are not text (pictures, packages,
concepts) are skipped.

Fields of each ``newsItem``:

* source id: the ``guid`` attribute (required: ``missing_field`` without it);
* headline: ``contentMeta/headline`` (one without a sub role), else NITF
  ``hl1``; subheadline: a ``headline`` whose role names "sub", a
  ``subheadline`` element, else NITF ``hl2``;
* published_at: the first of ``itemMeta/firstCreated``,
  ``itemMeta/versionCreated``, ``contentMeta/contentCreated`` that parses,
  with ``published_from`` ``metadata:<element>``;
* dateline: ``contentMeta/dateline``, else NITF ``body.head/dateline``, else
  the ``name`` of ``contentMeta/located``;
* body: ``contentSet/inlineXML`` with NITF (``body.content``) or XHTML
  (``body``) — one paragraph per ``<p>`` (or other block, table row, or
  ``<br>``-separated part), else ``inlineData`` text (paragraphs separated by
  blank lines, or one a line when there are none);
* source: ``itemMeta/provider`` (name, ``literal``, or the code after the
  scheme of its ``qcode``), else ``rightsInfo/copyrightHolder``, else
  ``contentMeta/creator``;
* language: ``contentMeta/language/@tag``, else ``xml:lang`` of the item.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from pipeline.config import Settings
from pipeline.readers.common import (ReaderError, check_xml_safe, language_code, parse_timestamp,
                                     read_bytes)
from pipeline.records import RawArticle, RawReject

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DATE_ELEMENTS = (("itemMeta", "firstCreated"), ("itemMeta", "versionCreated"), ("contentMeta", "contentCreated"))
BLOCKS = frozenset({"p", "hl2", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "tr"})
SKIPPED = frozenset({"script", "style", "media", "img", "figure", "figcaption", "iframe", "object"})
CELLS = frozenset({"td", "th"})
TEXT_CLASSES = ("text", "composite")  # itemClass qcodes of items that carry text


def local(element: Element) -> str:
    """The tag of ``element`` without its namespace."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def child(element: Element | None, name: str) -> Element | None:
    """The first direct child of ``element`` with local name ``name``."""
    if element is None:
        return None
    return next((c for c in element if local(c) == name), None)


def children(element: Element | None, name: str) -> list[Element]:
    """All direct children of ``element`` with local name ``name``."""
    return [] if element is None else [c for c in element if local(c) == name]


def descendant(element: Element | None, name: str) -> Element | None:
    """The first element below ``element`` (depth first) with local name ``name``."""
    if element is None:
        return None
    return next((e for e in element.iter() if e is not element and local(e) == name), None)


def text_of(element: Element | None) -> str | None:
    """All text inside ``element``, whitespace collapsed; None when empty."""
    if element is None:
        return None
    text = " ".join("".join(element.itertext()).split())
    return text or None


def block_paragraphs(element: Element) -> list[str]:
    """Paragraphs of an NITF/XHTML body: each block element (``<p>``…) is one, a ``<br>`` splits one."""
    paragraphs: list[str] = []
    loose: list[str] = []

    def flush() -> None:
        text = " ".join("".join(loose).split())
        if text:
            paragraphs.append(text)
        loose.clear()

    def walk(node: Element) -> None:
        if node.text:
            loose.append(node.text)
        for sub in node:
            name = local(sub)
            if name in SKIPPED:
                pass
            elif name in BLOCKS:
                flush()
                walk(sub)
                flush()
            elif name == "br":
                flush()
            else:
                if name in CELLS:  # cells of a row are words apart, not run together
                    loose.append(" ")
                walk(sub)
            if sub.tail:
                loose.append(sub.tail)

    walk(element)
    flush()
    return paragraphs


def _body(content_set: Element | None) -> tuple[list[str], Element | None]:
    """Body paragraphs from the first text rendition, and the NITF root when there is one."""
    for inline in children(content_set, "inlineXML"):
        nitf = inline if local(inline) == "nitf" else descendant(inline, "nitf")
        content = descendant(nitf, "body.content") if nitf is not None else None
        if content is None:
            html_body = descendant(inline, "body")
            content = html_body if html_body is not None else inline
        paragraphs = block_paragraphs(content)
        if paragraphs:
            return paragraphs, nitf
    for data in children(content_set, "inlineData"):
        raw = (data.text or "").strip()
        # Blank lines separate paragraphs when there are any; otherwise each line is one.
        blocks = re.split(r"\n\s*\n", raw) if re.search(r"\n\s*\n", raw) else raw.split("\n")
        paragraphs = [" ".join(block.split()) for block in blocks if block.strip()]
        if paragraphs:
            return paragraphs, None
    return [], None


def _party(element: Element | None) -> str | None:
    """The name of a provider/copyrightHolder/creator: ``name`` child, ``literal``, or ``qcode`` code."""
    if element is None:
        return None
    name = text_of(child(element, "name"))
    if name:
        return name
    if element.get("literal"):
        return element.get("literal").strip() or None
    qcode = element.get("qcode") or ""
    return qcode.split(":", 1)[-1] or None


def _headlines(content_meta: Element | None, nitf: Element | None) -> tuple[str | None, str | None]:
    main = sub = None
    for element in children(content_meta, "headline"):
        if "sub" in (element.get("role") or "").lower():
            sub = sub or text_of(element)
        else:
            main = main or text_of(element)
    sub = sub or text_of(child(content_meta, "subheadline"))
    head = descendant(nitf, "hedline")
    main = main or text_of(child(head, "hl1"))
    sub = sub or text_of(child(head, "hl2"))
    return main, sub


def _dateline(content_meta: Element | None, nitf: Element | None) -> str | None:
    dateline = text_of(child(content_meta, "dateline"))
    if not dateline and nitf is not None:
        dateline = text_of(descendant(descendant(nitf, "body.head"), "dateline"))
    if not dateline:
        dateline = text_of(child(child(content_meta, "located"), "name"))
    return dateline.rstrip(" -–—") if dateline else None


def _published(item: Element) -> tuple[datetime | None, str | None, list[str]]:
    bad: list[str] = []
    for parent, name in DATE_ELEMENTS:
        raw = text_of(child(child(item, parent), name))
        if not raw:
            continue
        moment = parse_timestamp(raw)
        if moment is not None:
            return moment, f"metadata:{name}", bad
        bad.append(f"{name}={raw!r}")
    return None, None, bad


def to_article(item: Element, position: int, source_path: str) -> RawArticle | RawReject:
    """One ``newsItem`` element as an article or a reject."""
    guid = (item.get("guid") or "").strip()
    if not guid:
        return RawReject(source_path, position, "missing_field", f"newsItem {position} has no guid attribute")
    content_meta = child(item, "contentMeta")
    paragraphs, nitf = _body(child(item, "contentSet"))
    if not paragraphs:
        return RawReject(source_path, position, "empty_body",
                         f"newsItem {guid!r} has no text in contentSet (inlineXML or inlineData)")
    published, origin, bad = _published(item)
    if published is None and bad:
        return RawReject(source_path, position, "bad_date", f"newsItem {guid!r}: no date parses ({', '.join(bad)})")
    headline, subheadline = _headlines(content_meta, nitf)
    item_meta = child(item, "itemMeta")
    source = (_party(child(item_meta, "provider")) or _party(child(child(item, "rightsInfo"), "copyrightHolder"))
              or _party(child(content_meta, "creator")))
    language = child(content_meta, "language")
    lang = language_code((language.get("tag") if language is not None else None) or item.get(XML_LANG))
    return RawArticle(source_path=source_path, record=position, format="newsml", source_id=guid,
                      body="\n".join(paragraphs), headline=headline, subheadline=subheadline,
                      dateline=_dateline(content_meta, nitf), source=source, published_at=published,
                      published_from=origin, language=lang)


def parse(data: bytes) -> Element:
    """Parse a document safely; raise ``ReaderError`` with ``unsafe_xml`` or ``malformed_xml``."""
    check_xml_safe(data)
    try:
        return fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise ReaderError("unsafe_xml", f"refused: {error}") from error
    except ParseError as error:
        raise ReaderError("malformed_xml", f"the XML does not parse: {error}") from error
    except (LookupError, UnicodeError, ValueError) as error:  # an unknown or garbled declared encoding
        raise ReaderError("malformed_xml", f"the XML does not parse: {type(error).__name__}: {error}") from error


def items(root: Element) -> Iterator[tuple[int, Element]]:
    """``(position, newsItem)`` for every text item: the root itself, or the items of a ``newsMessage``."""
    found = [root] if local(root) == "newsItem" else [e for e in root.iter() if local(e) == "newsItem"]
    for position, item in enumerate(found):
        item_class = child(child(item, "itemMeta"), "itemClass")
        qcode = (item_class.get("qcode") or "") if item_class is not None else ""
        if not qcode or qcode.endswith(TEXT_CLASSES):
            yield position, item


def _safe_article(item: Element, position: int, source_path: str) -> RawArticle | RawReject:
    try:
        return to_article(item, position, source_path)
    except RecursionError:
        return RawReject(source_path, position, "malformed_xml", "the newsItem nests too deeply to read safely")


def read(path: Path, source_path: str, settings: Settings) -> Iterator[RawArticle | RawReject]:
    """Yield one article or reject per text ``newsItem`` of a NewsML-G2 file."""
    root = parse(read_bytes(path, settings))
    found = list(items(root))
    if not found:
        raise ReaderError("malformed_xml", f"no text newsItem in the document (root element <{local(root)}>); "
                                           "expected NewsML-G2")
    for position, item in found:
        yield _safe_article(item, position, source_path)
