"""The span form of a trade gold line: article text replaced by offsets, so the gold can be committed.

Some corpora (news2025) may not be copied into the repository, not even the
few words a gold line quotes. In the span form each such value is an object
``{"field": "title"|"body", "start": int, "end": int}``: character offsets
(Python string indices, end exclusive) into that field of the corpus record,
and the line carries ``text_sha256``, the SHA-256 of the record's title,
a newline and its body, so a corpus that changed is caught instead of
resolving to the wrong words. Packing (text → span) and resolving
(span → text) are pure; reading the corpus is the caller's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# The record fields a span may point into, in the order a text is looked for.
SPAN_FIELDS = ("title", "body")
# Each gold value that quotes the article verbatim, as (section, key).
TEXT_VALUES = (("events", "evidence_start"), ("quotes", "start"), ("dates", "text"), ("rates", "text"))
# Corpora whose records hold `SPAN_FIELDS` and whose gold lines may be packed.
SPAN_CORPORA = frozenset({"news2025"})
SHA_KEY = "text_sha256"
# Free text of the annotator, which may quote the article: dropped when packing unless asked to keep it.
NOTES_KEY = "notes"


class SpanError(ValueError):
    """A span that cannot be resolved; the message names the source_id."""


@dataclass(frozen=True)
class Unfound:
    """A text of a gold line found in neither the title nor the body of its article."""

    source_id: str
    where: str  # e.g. "events[2].evidence_start"
    text: str

    def __str__(self) -> str:
        return f"{self.source_id} {self.where}: {self.text!r}"


def article_sha256(record: dict[str, Any]) -> str:
    """SHA-256 (hex) of the corpus record's title, a newline and its body."""
    text = (record.get("title") or "") + "\n" + (record.get("body") or "")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def is_span(value: Any) -> bool:
    """True for a span object (``{"field", "start", "end"}``), as opposed to a text."""
    return isinstance(value, dict) and "field" in value


def text_values(line: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], str]]:
    """Each (label, item, key) whose ``item[key]`` quotes the article, in file order."""
    for section, key in TEXT_VALUES:
        for index, item in enumerate(line.get(section) or ()):
            if isinstance(item, dict) and item.get(key) is not None:
                yield f"{section}[{index}].{key}", item, key


def is_packed(line: dict[str, Any]) -> bool:
    """True when the line is in the span form (it carries a digest, or any value is a span)."""
    return SHA_KEY in line or any(is_span(item[key]) for _, item, key in text_values(line))


def copied(line: dict[str, Any], *, drop: frozenset[str]) -> dict[str, Any]:
    """A copy of ``line`` without the keys in ``drop``, at the top and in the items of its sections.

    The items are copied too, so the caller may change them without touching ``line``.
    """
    out: dict[str, Any] = {}
    for key, value in line.items():
        if key in drop:
            continue
        if isinstance(value, list):
            value = [{k: v for k, v in item.items() if k not in drop} if isinstance(item, dict) else item
                     for item in value]
        out[key] = value
    return out


def find_span(text: str, record: dict[str, Any]) -> dict[str, Any] | None:
    """The span of the first occurrence of ``text`` in the title, else in the body; None when in neither."""
    for field in SPAN_FIELDS:
        start = (record.get(field) or "").find(text)
        if start >= 0:
            return {"field": field, "start": start, "end": start + len(text)}
    return None


def pack_line(line: dict[str, Any], record: dict[str, Any], *, keep_notes: bool = False
              ) -> tuple[dict[str, Any], list[Unfound]]:
    """The span form of one text-form line of ``record``'s article, and the texts not found verbatim.

    An empty text has nothing to hide and stays as it is; ``notes`` (of the line or of an item) are dropped
    unless ``keep_notes``.
    """
    packed = copied(line, drop=frozenset() if keep_notes else frozenset({NOTES_KEY}))
    unfound = []
    for where, item, key in text_values(packed):
        text = item[key]
        if is_span(text) or text == "":
            continue
        span = find_span(str(text), record)
        if span is None:
            unfound.append(Unfound(str(line.get("source_id")), where, str(text)))
        else:
            item[key] = span
    packed[SHA_KEY] = article_sha256(record)
    return packed, unfound


def resolve_span(span: dict[str, Any], record: dict[str, Any], source_id: str, where: str) -> str:
    """The text ``span`` points at in ``record``; a malformed or out-of-range span is a `SpanError`."""
    field, start, end = span.get("field"), span.get("start"), span.get("end")
    if field not in SPAN_FIELDS or not isinstance(start, int) or not isinstance(end, int):
        raise SpanError(f"source_id {source_id!r}: {where} is not a span "
                        f'{{"field": "title"|"body", "start": int, "end": int}}: {span}')
    value = record.get(field) or ""
    if not 0 <= start < end <= len(value):
        raise SpanError(f"source_id {source_id!r}: {where} span {start}-{end} is outside the {field} "
                        f"(length {len(value)})")
    return value[start:end]


def resolve_line(line: dict[str, Any], record: dict[str, Any] | None) -> dict[str, Any]:
    """The text form of a span-form ``line`` (``record`` is its corpus record, None when not found).

    A missing record, a changed record (digest mismatch) or a bad span is a `SpanError` naming the source_id.
    """
    source_id = str(line.get("source_id"))
    corpus = line.get("corpus")
    if corpus not in SPAN_CORPORA:
        raise SpanError(f"source_id {source_id!r}: corpus {corpus!r} has no span form "
                        f"(only {', '.join(sorted(SPAN_CORPORA))})")
    if record is None:
        raise SpanError(f"source_id {source_id!r} is not in the {corpus} corpus")
    expected, found = line.get(SHA_KEY), article_sha256(record)
    if expected is None:
        raise SpanError(f"source_id {source_id!r}: a line with spans needs its {SHA_KEY}")
    if expected != found:
        raise SpanError(f"source_id {source_id!r}: the {corpus} record changed since the gold was packed "
                        f"({SHA_KEY} {expected} in the gold, {found} now); its spans may point at other words")
    resolved = copied(line, drop=frozenset({SHA_KEY}))
    for where, item, key in text_values(resolved):
        if is_span(item[key]):
            item[key] = resolve_span(item[key], record, source_id, where)
    return resolved
