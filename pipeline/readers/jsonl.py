"""JSON Lines (``.jsonl``, ``.ndjson``) and JSON documents (``.json``) of article records.

A ``.json`` file holds one JSON array of records, or one record object; a
``.json`` file that is not one document is read as JSON Lines. ``record`` is
the 1-based line number for JSON Lines (what an editor shows) and the 0-based
element index for a JSON array (what ``jq '.[n]'`` takes).

Fields are found by name through `FIELDS`: for each article field the first
key present in the record, in the order listed, is used (``published`` takes
the most precise of its candidates instead: a time with a UTC offset beats a
time without one, which beats a bare date). A dotted key (``"meta.title"``)
reaches into nested objects. ``categories`` is the exception too: every key
of its list that the record holds gives categories, as ``key:value`` (a string or a
list of strings: ``{"category": "legislation"}`` → ``category:legislation``).

Configuration: a sidecar ``NAME.fields.json`` beside ``NAME.jsonl`` changes
the mapping for that file::

    {"fields":   {"body": ["story", "text"], "id": "doc_id"},
     "defaults": {"source": "The White House", "language": "en"},
     "markup":   "markdown"}

``fields`` replaces the candidate keys of the fields it names (a string or a
list); ``defaults`` gives values for records that lack a field (text or a
number; a ``published`` that does not parse as a date rejects the file as
``bad_date`` rather than leaving records undated without a word); ``markup`` is
``markdown`` (the default: Markdown and stray HTML are reduced to plain
paragraphs, see `pipeline.readers.markdown`) or ``text`` (the body is plain text).

Records: no id and no url → ``missing_field``; a url alone becomes the
source id. No body text, or only markup (a body that is one link, as some
feeds give for a story they do not carry) → ``empty_body``. A line that does
not parse (or nests too deeply, or holds an integer of more digits than
Python converts, 4,300) → ``malformed_json``, and the rest of the
file is still read.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline.config import Settings
from pipeline.readers.common import (ReaderError, base_name, categories, decode, inner_name, language_code,
                                     parse_timestamp, read_bytes)
from pipeline.readers.markdown import inline_markdown, markdown_paragraphs
from pipeline.records import RawArticle, RawReject

# Article field → record keys to try, in order of preference.
FIELDS: Mapping[str, tuple[str, ...]] = {
    "id": ("id", "guid", "uuid"),
    "headline": ("title", "headline"),
    "subheadline": ("subheadline", "subtitle", "dek"),
    "dateline": ("dateline",),
    "url": ("url", "link"),
    "published": ("published_time", "published_at", "published", "date"),
    "body": ("text", "body", "content"),
    "source": ("source", "publisher"),
    "language": ("language", "lang"),
    "categories": ("categories", "category", "tags", "publisher"),
}
MARKUPS = ("markdown", "text")
SIDECAR_KEYS = ("fields", "defaults", "markup")


def read_field_config(path: Path) -> tuple[dict[str, tuple[str, ...]], dict[str, Any], str]:
    """The field mapping, defaults and markup for ``path``: `FIELDS` overridden by ``NAME.fields.json``."""
    fields = dict(FIELDS)
    sidecar = path.with_name(base_name(path) + ".fields.json")
    if not sidecar.is_file():
        return fields, {}, "markdown"
    try:
        config = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ReaderError("malformed_json", f"field sidecar {sidecar.name} does not parse: {error}") from error
    if not isinstance(config, dict) or set(config) - set(SIDECAR_KEYS):
        found = sorted(config) if isinstance(config, dict) else type(config).__name__
        raise ReaderError("malformed_json", f"field sidecar {sidecar.name} must be an object with keys "
                                            f"{list(SIDECAR_KEYS)}; got {found}")
    for name, keys in (config.get("fields") or {}).items():
        if name not in FIELDS:
            raise ReaderError("malformed_json", f"field sidecar {sidecar.name} maps unknown field {name!r}; "
                                                f"known: {sorted(FIELDS)}")
        keys = [keys] if isinstance(keys, str) else keys
        if not isinstance(keys, list) or not all(isinstance(k, str) and k for k in keys):
            raise ReaderError("malformed_json", f"field sidecar {sidecar.name}: {name!r} must map to a key or a "
                                                f"list of keys, got {keys!r}")
        fields[name] = tuple(keys)
    defaults = config.get("defaults") or {}
    unknown = sorted(set(defaults) - set(FIELDS)) if isinstance(defaults, dict) else ["(not an object)"]
    if unknown:
        raise ReaderError("malformed_json", f"field sidecar {sidecar.name} has defaults for unknown fields {unknown}")
    for name, value in defaults.items():
        # What a record's own field may hold: text, a number, a list of strings.
        if value is not None and _as_text(value) is None:
            raise ReaderError("malformed_json", f"field sidecar {sidecar.name}: defaults.{name} must be text or a "
                                                f"number, got {value!r}")
    if "published" in defaults and parse_timestamp(defaults["published"]) is None:
        raise ReaderError("bad_date", f"field sidecar {sidecar.name}: defaults.published {defaults['published']!r} "
                                      "is not a date; use ISO 8601 (2025-05-02 or 2025-05-02T14:00:00Z)")
    markup = config.get("markup", "markdown")
    if markup not in MARKUPS:
        raise ReaderError("malformed_json", f"field sidecar {sidecar.name}: markup must be one of {MARKUPS}, "
                                            f"got {markup!r}")
    return fields, defaults, markup


def _lookup(record: Mapping[str, Any], key: str) -> Any:
    value: Any = record
    for part in key.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _first(record: Mapping[str, Any], keys: tuple[str, ...]) -> tuple[str | None, Any]:
    for key in keys:
        value = _lookup(record, key)
        if value not in (None, "", [], {}):
            return key, value
    return None, None


def _as_text(value: Any) -> str | None:
    """A scalar field as text; a list of strings (paragraphs) joined by blank lines; else None."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n\n".join(value)
    return None


def _precision(raw: Any) -> int:
    """How precise a timestamp value is: 2 time with offset, 1 time, 0 date only."""
    if not isinstance(raw, str):
        return 1
    has_time = bool(re.search(r"\d:\d\d", raw))
    has_offset = bool(re.search(r"(?:Z|[+-]\d\d:?\d\d|\b(?:UTC|GMT))\s*$", raw.strip()))
    return int(has_time) + int(has_time and has_offset)


def _published(record: Mapping[str, Any], keys: tuple[str, ...]) -> tuple[datetime | None, str | None, list[str]]:
    """The most precise parseable publication time among ``keys``, its key, and the unparseable values."""
    best: tuple[int, datetime, str] | None = None
    bad: list[str] = []
    for rank, key in enumerate(keys):
        raw = _lookup(record, key)
        if raw in (None, ""):
            continue
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            moment = datetime.fromtimestamp(raw / 1000 if raw > 1e11 else raw, UTC) if 0 < raw < 1e14 else None
        else:
            moment = parse_timestamp(raw)
        if moment is None:
            bad.append(f"{key}={raw!r}")
            continue
        score = _precision(raw) * 100 - rank
        if best is None or score > best[0]:
            best = (score, moment, key)
    if best is None:
        return None, None, bad
    return best[1], best[2], bad


def to_article(record: Any, position: int, source_path: str, fields: Mapping[str, tuple[str, ...]],
               defaults: Mapping[str, Any], markup: str) -> RawArticle | RawReject:
    """One JSON value as an article, or a reject naming what is wrong with it."""
    if not isinstance(record, dict):
        return RawReject(source_path, position, "malformed_json",
                         f"expected a JSON object for each record, got a {type(record).__name__}")
    values: dict[str, Any] = {}
    for name, keys in fields.items():
        if name in ("published", "categories"):
            continue
        _, value = _first(record, keys)
        values[name] = _as_text(value) if value is not None else _as_text(defaults.get(name))
    url = values["url"]
    source_id = values["id"] or url
    if not source_id:
        return RawReject(source_path, position, "missing_field",
                         f"the record has neither an id ({'/'.join(fields['id'])}) nor a url "
                         f"({'/'.join(fields['url'])}); keys present: {sorted(record)[:12]}")
    raw_body = values["body"]
    if raw_body is None and _first(record, fields["body"])[1] is not None:
        return RawReject(source_path, position, "missing_field",
                         f"record {source_id!r}: the body field ({'/'.join(fields['body'])}) is not text")
    body = (markdown_paragraphs(raw_body) if markup == "markdown" else raw_body) if raw_body else ""
    if not body.strip():
        only_markup = " (only markup: a link alone, images or tags)" if raw_body and raw_body.strip() else ""
        return RawReject(source_path, position, "empty_body",
                         f"record {source_id!r} has no text in {'/'.join(fields['body'])}{only_markup}")
    published, key, bad = _published(record, fields["published"])
    if published is None and defaults.get("published"):
        published, key = parse_timestamp(defaults["published"]), "defaults"
    if published is None and bad:
        return RawReject(source_path, position, "bad_date",
                         f"record {source_id!r}: no date parses ({', '.join(bad)}); use ISO 8601")
    return RawArticle(
        source_path=source_path, record=position, format="jsonl", source_id=source_id, body=body,
        headline=inline_markdown(values["headline"]) if values["headline"] else None,
        subheadline=inline_markdown(values["subheadline"]) if values["subheadline"] else None,
        dateline=values["dateline"], source=values["source"], url=url, published_at=published,
        published_from=(f"metadata:{key}" if key != "defaults" else "sidecar") if published else None,
        language=language_code(values["language"]),
        categories=_categories(record, fields["categories"], defaults),
    )


def _categories(record: Mapping[str, Any], keys: tuple[str, ...], defaults: Mapping[str, Any]) -> tuple[str, ...]:
    """Categories from every key of ``keys`` the record holds (``key:value``); else the sidecar's default."""
    found = categories(*((key, _lookup(record, key)) for key in keys))
    if found or defaults.get("categories") is None:
        return found
    return categories(("categories", defaults["categories"]))


class LongNumber(str):
    """The digits of a JSON integer too long for Python to convert (``sys.get_int_max_str_digits``)."""


def _loads(text: str) -> tuple[Any, bool]:
    """``json.loads(text)``, and whether it holds an integer too long for ``int`` (kept as a `LongNumber`).

    ``json.loads`` raises ValueError for an integer over 4,300 digits, which
    would end the read of the whole file; marking it instead lets only the
    record holding it be rejected.
    """
    limit = sys.get_int_max_str_digits()
    found: list[LongNumber] = []

    def parse_int(digits: str) -> int | LongNumber:
        if limit and len(digits.lstrip("-")) > limit:
            found.append(LongNumber(digits))
            return found[-1]
        return int(digits)

    return json.loads(text, parse_int=parse_int), bool(found)


def _long_number(value: Any) -> LongNumber | None:
    """The first `LongNumber` inside a parsed JSON value, or None."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, LongNumber):
            return item
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


def _long_number_reject(source_path: str, position: int, number: LongNumber, where: str) -> RawReject:
    return RawReject(source_path, position, "malformed_json",
                     f"{where} holds an integer of {len(number.lstrip('-'))} digits ({number[:20]}…), over the "
                     f"{sys.get_int_max_str_digits()} digits Python reads; the rest of the file is read")


def _records(text: str, source_path: str, as_document: bool) -> Iterator[tuple[int, Any] | RawReject]:
    """Yield ``(position, value)`` per record, or a reject for a line that does not parse."""
    if as_document:
        try:
            document, has_long = _loads(text)
        except json.JSONDecodeError:
            document = None  # not one document: fall through to JSON Lines
        except RecursionError:
            raise ReaderError("malformed_json", "the document nests too deeply to read safely") from None
        if isinstance(document, dict):
            document = [document]
        if isinstance(document, list):
            for position, value in enumerate(document):
                number = _long_number(value) if has_long else None
                yield (_long_number_reject(source_path, position, number, f"record {position}") if number
                       else (position, value))
            return
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if not line:
            continue
        try:
            value, has_long = _loads(line)
        except json.JSONDecodeError as error:
            yield RawReject(source_path, number, "malformed_json",
                            f"line {number} is not JSON: {error.msg} (column {error.colno})")
            continue
        except RecursionError:
            yield RawReject(source_path, number, "malformed_json",
                            f"line {number} nests too deeply to read safely")
            continue
        long = _long_number(value) if has_long else None
        yield _long_number_reject(source_path, number, long, f"line {number}") if long else (number, value)


def read(path: Path, source_path: str, settings: Settings) -> Iterator[RawArticle | RawReject]:
    """Yield one article (or reject) per record of a JSON Lines or JSON file."""
    fields, defaults, markup = read_field_config(path)
    text, _ = decode(read_bytes(path, settings))
    as_document = inner_name(path).lower().endswith(".json") and text.lstrip()[:1] in ("[", "{")

    for item in _records(text, source_path, as_document):
        if isinstance(item, RawReject):
            yield item
        else:
            yield to_article(item[1], item[0], source_path, fields, defaults, markup)
