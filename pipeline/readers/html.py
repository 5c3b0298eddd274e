"""Saved HTML article pages (``.html``, ``.htm``, ``.xhtml``): main text only.

The page's HTML string goes to trafilatura (never a URL: nothing is fetched),
which keeps the article's paragraphs and drops navigation, sidebars, footers
and comments. It runs favouring precision, so a page of links alone yields no
text; list markers and a first line repeating the headline are removed.
``record`` is 0: one page, one article.

Metadata comes from the page itself, most specific first:

* published_at: ``<meta property="article:published_time">``, JSON-LD
  ``datePublished``, other date ``<meta>`` tags (``og:published_time``,
  ``pubdate``, ``date``, ``DC.date.issued`` …), a ``<time datetime>`` element,
  then the date trafilatura finds (day only); ``published_from`` names which
  (``html:meta:<name>``, ``html:jsonld:datePublished``, ``html:time``,
  ``html:trafilatura``);
* url: ``<link rel="canonical">``, else ``og:url``, else JSON-LD ``url``;
* source id: that url, else the file name without extension;
* headline: trafilatura's title (``og:title``/``<h1>``/``<title>`` cleaned);
* source: ``og:site_name``, else JSON-LD ``publisher.name``, else the site
  name trafilatura finds; language: ``<html lang>`` (primary subtag);
* dateline: a place line opening the first paragraph ("WASHINGTON —").

A page with no main text is ``empty_body``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from pipeline.config import Settings
from pipeline.readers.common import base_name, decode, language_code, parse_timestamp, read_bytes
from pipeline.readers.text import split_dateline
from pipeline.records import RawArticle, RawReject

# <meta> names/properties that carry a publication time, in order of trust.
DATE_META = ("article:published_time", "og:published_time", "article:published", "datepublished", "pubdate",
             "publishdate", "publish-date", "publication_date", "dc.date.issued", "dcterms.issued",
             "dc.date", "dcterms.created", "date", "sailthru.date", "parsely-pub-date")
_LIST_MARKER = re.compile(r"^\s*[-•*]\s+")  # trafilatura writes list items as "- item"
# Options that keep trafilatura's date search off the article text and off the wall clock.
DATE_SEARCH = {"extensive_search": False, "original_date": True, "min_date": "1900-01-01",
               "max_date": "2099-12-31"}


def _jsonld(tree: Any) -> list[dict]:
    """Every JSON-LD object of the page, ``@graph`` members included; unparseable blocks skipped."""
    objects: list[dict] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, RecursionError):
            continue  # a broken block costs only its metadata, not the page
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                objects.append(item)
                graph = item.get("@graph")
                stack.extend(graph if isinstance(graph, list) else [])
    return objects


def _meta(tree: Any) -> dict[str, str]:
    """``<meta>`` values by lower-cased ``property``/``name``/``itemprop`` (the first of each wins)."""
    values: dict[str, str] = {}
    for element in tree.xpath("//meta[@content]"):
        for attribute in ("property", "name", "itemprop"):
            key = (element.get(attribute) or "").strip().lower()
            if key and key not in values:
                values[key] = element.get("content").strip()
    return values


def page_metadata(tree: Any) -> dict[str, Any]:
    """Publication time (with its origin), url, source and language from a parsed page."""
    meta, objects = _meta(tree), _jsonld(tree)
    published, origin = parse_timestamp(meta.get(DATE_META[0])), f"html:meta:{DATE_META[0]}"
    if published is None:
        for item in objects:
            published = parse_timestamp(item.get("datePublished"))
            if published:
                origin = "html:jsonld:datePublished"
                break
    if published is None:
        for name in DATE_META[1:]:
            published = parse_timestamp(meta.get(name))
            if published:
                origin = f"html:meta:{name}"
                break
    if published is None:
        for value in tree.xpath("//time[@itemprop='datePublished']/@datetime | //article//time/@datetime "
                                "| //time/@datetime"):
            published = parse_timestamp(value)
            if published:
                origin = "html:time"
                break
    canonical = tree.xpath('//link[translate(@rel, "CANONICAL", "canonical")="canonical"]/@href')
    url = (canonical[0].strip() if canonical else None) or meta.get("og:url")
    url = url or next((o["url"] for o in objects if isinstance(o.get("url"), str)), None)
    publisher = next((o["publisher"] for o in objects if isinstance(o.get("publisher"), dict)), {})
    source = meta.get("og:site_name") or (publisher.get("name") if isinstance(publisher.get("name"), str) else None)
    lang = tree.xpath("/html/@lang | /html/@xml:lang")
    return {"published": published, "origin": origin if published else None, "url": url or None,
            "source": source, "language": language_code(lang[0] if lang else None)}


def main_paragraphs(text: str, headline: str | None) -> list[str]:
    """trafilatura's text as paragraphs: list markers ("- ") removed, a leading repeat of the headline dropped."""
    paragraphs = [" ".join(_LIST_MARKER.sub("", line).split()) for line in text.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    if paragraphs and headline and paragraphs[0].casefold() == " ".join(headline.split()).casefold():
        paragraphs.pop(0)  # the page's <h1> is the headline, already in its own field
    return paragraphs


def read(path: Path, source_path: str, settings: Settings) -> Iterator[RawArticle | RawReject]:
    """Yield the one article of a saved HTML page (or a reject saying why not)."""
    import trafilatura  # imported here: importing it costs a second and only pages need it
    from trafilatura.utils import load_html

    markup, _ = decode(read_bytes(path, settings))
    tree = load_html(markup)
    if tree is None:
        yield RawReject(source_path, 0, "malformed_xml", "the page does not parse as HTML")
        return
    meta = page_metadata(tree)
    document = trafilatura.bare_extraction(markup, url=meta["url"], with_metadata=True, include_comments=False,
                                           favor_precision=True,  # a page of links alone is no article
                                           include_images=False, include_links=False,
                                           date_extraction_params=DATE_SEARCH)
    text = (document.text if document is not None else None) or ""
    headline = document.title if document is not None else None
    paragraphs = main_paragraphs(text, headline)
    if not paragraphs:
        yield RawReject(source_path, 0, "empty_body", "trafilatura found no main text on the page "
                                                      "(only navigation or boilerplate)")
        return
    dateline, paragraphs[0] = split_dateline(paragraphs[0])
    published: datetime | None = meta["published"]
    origin = meta["origin"]
    if published is None and document is not None and document.date:
        published, origin = parse_timestamp(document.date), "html:trafilatura"
    url = meta["url"] or (document.url if document is not None else None)
    yield RawArticle(
        source_path=source_path, record=0, format="html", source_id=url or base_name(path),
        body="\n".join(p for p in paragraphs if p), headline=headline,
        dateline=dateline, source=meta["source"] or (document.sitename if document is not None else None),
        url=url, published_at=published, published_from=origin if published else None, language=meta["language"],
    )
