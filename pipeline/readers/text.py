"""Plain-text wire copy, like the seed article.

Layout: headline line, optional subheadline line, a blank line, an optional
dateline line ("ISTANBUL", "TOKYO, April 11"), then one paragraph per line.
A dateline may also open the first paragraph ("TOKYO, April 11 - Japan…").
Metadata comes from a sidecar ``NAME.meta.json`` beside the file when present
(keys: ``published``/``date``/``published_at``, ``source``, ``url``, ``id``,
``language``); the source id is the ``id`` key or the file name without extension.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from pipeline.config import Settings
from pipeline.readers.common import ReaderError, base_name, decode, parse_timestamp, read_bytes
from pipeline.records import RawArticle, RawReject

# A place line: capitalized words, optional ", Region" parts and ", Month Day".
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE_LINE = re.compile(
    rf"^(?P<place>[A-Z][A-Za-z.'\- ]{{1,40}}?)(?:, (?P<region>[A-Z][A-Za-z.' ]{{1,30}}?))?"
    rf"(?:, (?P<day>{_MONTH} \d{{1,2}}))?$"
)
DATELINE_OPENING = re.compile(
    rf"^(?P<dateline>[A-Z][A-Z.'\- ]{{1,40}}(?:, [A-Z][A-Za-z.' ]{{1,30}}?)?(?:, {_MONTH} \d{{1,2}})?)"
    r"\s*(?:\([A-Za-z]+\))?\s*[-–—]+\s+"
)


def is_dateline(line: str) -> bool:
    """True when ``line`` is a place line rather than a paragraph."""
    if len(line) > 60 or line.endswith((".", "?", "!", '"', "”")):
        return False
    match = DATELINE_LINE.match(line)
    if not match:
        return False
    place = match.group("place")
    return place.isupper() or bool(match.group("day")) or len(place.split()) <= 3


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """Split "TOKYO, April 11 - Text" into ("TOKYO, April 11", "Text")."""
    match = DATELINE_OPENING.match(paragraph)
    if not match:
        return None, paragraph
    return match.group("dateline").strip(), paragraph[match.end():]


# Sidecar keys and the JSON types they may hold (ids may be numbers).
SIDECAR_TYPES = {"id": (str, int), "headline": (str,), "source": (str,), "url": (str,), "language": (str,)}


def read_sidecar(path: Path, *, max_bytes: int | None = None) -> dict:
    """The sidecar metadata of ``path`` (``NAME.meta.json``), or {} when absent.

    Refuses a sidecar over ``max_bytes``, one that does not parse, and one
    whose known keys hold the wrong JSON type (a list as headline, say).
    """
    sidecar = path.with_name(base_name(path) + ".meta.json")
    if not sidecar.is_file():
        return {}
    try:
        if max_bytes is not None and sidecar.stat().st_size > max_bytes:
            raise ReaderError("file_too_large", f"sidecar {sidecar.name} is over max_file_bytes={max_bytes}")
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise ReaderError("malformed_json", f"sidecar {sidecar.name} does not parse: {error}") from error
    if not isinstance(meta, dict):
        raise ReaderError("malformed_json", f"sidecar {sidecar.name} must hold a JSON object")
    for key, types in SIDECAR_TYPES.items():
        value = meta.get(key)
        if value is not None and (not isinstance(value, types) or isinstance(value, bool)):
            raise ReaderError("malformed_json", f"sidecar {sidecar.name}: {key!r} must be "
                                                f"{' or '.join(t.__name__ for t in types)}, not {type(value).__name__}")
    return meta


def parse_wire_text(text: str) -> tuple[str | None, str | None, str | None, str]:
    """Split wire copy into ``(headline, subheadline, dateline, body)``."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    if "" in lines:
        blank = lines.index("")
        head, rest = lines[:blank], lines[blank + 1:]
    else:
        head, rest = lines[:1], lines[1:]
    if len(head) > 2:  # no header block: the whole thing is body, the first line a headline
        head, rest = head[:1], head[1:] + rest
    headline = head[0] if head else None
    subheadline = head[1] if len(head) > 1 else None
    paragraphs = [line for line in rest if line]
    dateline = None
    if paragraphs and is_dateline(paragraphs[0]):
        dateline = paragraphs.pop(0)
    elif paragraphs:
        dateline, first = split_dateline(paragraphs[0])
        paragraphs[0] = first
    return headline, subheadline, dateline, "\n".join(paragraphs)


def read(path: Path, source_path: str, settings: Settings) -> Iterator[RawArticle | RawReject]:
    """Yield the one article of a plain-text file (or a reject saying why not)."""
    meta = read_sidecar(path, max_bytes=settings.max_file_bytes)
    text, _ = decode(read_bytes(path, settings))
    headline, subheadline, dateline, body = parse_wire_text(text)
    if not body.strip():
        detail = "the file has a headline but no body paragraphs" if text.strip() else "the file is empty"
        yield RawReject(source_path, 0, "empty_body", detail)
        return
    raw_date = meta.get("published") or meta.get("published_at") or meta.get("date")
    published = parse_timestamp(raw_date)
    if raw_date and published is None:
        yield RawReject(source_path, 0, "bad_date", f"sidecar date {raw_date!r} is not a date; use ISO 8601")
        return
    yield RawArticle(
        source_path=source_path, record=0, format="text",
        source_id=str(meta.get("id") or base_name(path)),
        body=body, headline=meta.get("headline") or headline, subheadline=subheadline, dateline=dateline,
        source=meta.get("source"), url=meta.get("url"), published_at=published,
        published_from="sidecar" if published else None, language=str(meta.get("language") or "en"),
    )
