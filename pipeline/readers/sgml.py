"""Reuters-21578 SGML (``reut2-*.sgm``): one article per ``<REUTERS>`` story.

The files are SGML, not XML (undeclared entities, bare ``<`` in text, control
characters written as ``&#3;``), so they are read with regular expressions
over the decoded text, never with an XML parser. ``record`` is the 0-based
position of the story in its file.

Fields: ``NEWID`` → source id; ``<DATE>`` ("26-FEB-1987 15:01:01.79", taken
as UTC, the archive's clock) → published_at from ``metadata:DATE`` (from
``metadata:DATE:day``, at midnight, when the time of day is impossible);
``<TITLE>`` → headline; ``<DATELINE>`` ("    TOKYO, April 11 - ") → dateline
"TOKYO, April 11"; ``<BODY>`` → body. Entities are unescaped, control
characters and the U+FFFD marks of lost bytes dropped, and the closing
"Reuter"/"REUTER" sign-off removed. A body line that starts with spaces opens
a paragraph (Reuters indents each one); the wrapped lines after it are joined
with a space. The source is "Reuters", unless a sidecar ``NAME.meta.json``
names another (``{"source": "…"}``: for text in Reuters markup that Reuters
did not write). The story's category lists (``<TOPICS>``, ``<PLACES>``,
``<PEOPLE>``, ``<ORGS>``, ``<EXCHANGES>``, each ``<D>value</D>`` items)
→ categories ``topics:trade``, ``places:usa`` ….

Stories without a ``<BODY>`` are kept, so every story of the archive is
counted as an article or a reject:

* ``TYPE="BRIEF"`` (a one-line note; its text is the ``<TITLE>`` followed by
  filler such as "Blah blah blah."): an article whose *body is the title* and
  whose headline is empty, so the words appear once in ``text``.
* ``TYPE="UNPROC"`` (tables and unusual layouts with no inner tags): an
  article whose body is the story text, one line per line of the original,
  with its first line as the headline when more lines follow.

A story with no text at all is an ``empty_body`` reject; one whose
``</REUTERS>`` is missing (a truncated file) is a ``malformed_xml`` reject,
and so is text between stories (a story whose ``<REUTERS`` tag is damaged),
so a damaged story is never dropped without a word.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from pipeline.config import Settings
from pipeline.readers.common import categories, decode, read_bytes
from pipeline.readers.text import read_sidecar
from pipeline.records import RawArticle, RawReject

SOURCE = "Reuters"
_STORY_OPEN = re.compile(r"<REUTERS\b([^>]*)>")
_STORY_CLOSE = "</REUTERS>"
_NEWID = re.compile(r'\bNEWID="?(\d+)')
_DATE = re.compile(r"<DATE>\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})(?:\s+(\d+):(\d+):(\d+)(?:\.(\d+))?)?")
_MONTHS = {name: number for number, name in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), start=1)}
_TAG = re.compile(r"</?[A-Z]+\b[^>]*>")
_JUNK = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]")
_SIGN_OFF = re.compile(r"\breuters?$", re.IGNORECASE)
_TITLE_SIGN_OFF = re.compile(r"\s+Reuter\s*$")  # mixed case: an upper-case title's own REUTER stays
_DATELINE_TAIL = re.compile(r"[\s\-–—]+$")
_ITEM = re.compile(r"<D>(.*?)</D>", re.DOTALL)
CATEGORY_FIELDS = ("TOPICS", "PLACES", "PEOPLE", "ORGS", "EXCHANGES")


def clean(raw: str) -> str:
    """Unescape entities and drop control characters and lost-byte marks."""
    return _JUNK.sub("", html.unescape(raw) if "&" in raw else raw)


def paragraphs(raw: str) -> str:
    """Join hard-wrapped lines into paragraphs; an indented or blank-separated line starts a new one."""
    out: list[str] = []
    current: list[str] = []
    for line in raw.split("\n"):
        stripped = line.strip()
        if not stripped:
            if current:
                out.append(" ".join(current))
                current = []
            continue
        if line[0] in " \t" and current:
            out.append(" ".join(current))
            current = []
        current.append(stripped)
    if current:
        out.append(" ".join(current))
    return "\n".join(out)


def strip_sign_off(body: str) -> str:
    """The body without its closing "Reuter" (some stories sign off twice).

    Only a "Reuter" that stands alone is a sign-off: on its own line, or after
    a sentence or a table figure; not the end of "… he told Reuters".
    """
    for _ in range(3):
        stripped = body.rstrip(" \t\n.")
        match = _SIGN_OFF.search(stripped[-8:])  # only the tail: the sign-off is always last
        if not match:
            break
        before = stripped[:max(len(stripped) - 8, 0) + match.start()].rstrip(" \t")
        if before and (before[-1].isalpha() or before[-1] in ",;:"):  # "… told Reuters" is a sentence
            break
        body = before
    return body.rstrip()


def element(text: str, name: str) -> str | None:
    """The content of the first ``<NAME>…</NAME>`` in ``text``, or None (plain string search: fast)."""
    start = text.find(f"<{name}>")
    if start < 0:
        return None
    start += len(name) + 2
    end = text.find(f"</{name}>", start)
    return text[start:end] if end >= 0 else None


def parse_date(story: str) -> tuple[datetime | None, str | None]:
    """The ``<DATE>`` of a story as UTC and where it came from; ``(None, None)`` if absent or invalid.

    Noise after the time is ignored. When the time is impossible (one story
    has "605:12:19.12") the day alone is kept, at midnight, and the origin
    says so: ``metadata:DATE:day``.
    """
    match = _DATE.search(story)
    if not match or match.group(2).upper() not in _MONTHS:
        return None, None
    day, month, year, hour, minute, second, fraction = match.groups()
    date_parts = (int(year), _MONTHS[month.upper()], int(day))
    if hour is not None:
        micro = int((fraction or "0")[:6].ljust(6, "0"))
        try:  # datetime() checks the ranges, much faster than strptime
            return datetime(*date_parts, int(hour), int(minute), int(second), micro, tzinfo=UTC), "metadata:DATE"
        except ValueError:
            pass
    try:
        return datetime(*date_parts, tzinfo=UTC), "metadata:DATE:day"
    except ValueError:
        return None, None


def story_categories(head: str) -> tuple[str, ...]:
    """The categories of a story from the lists before its ``<TEXT>`` (``head``): ``topics:trade`` …."""
    return categories(*((name, [clean(item) for item in _ITEM.findall(element(head, name) or "")])
                        for name in CATEGORY_FIELDS))


def to_article(attributes: str, story: str, position: int, source_path: str,
               source: str = SOURCE) -> RawArticle | RawReject:
    """One ``<REUTERS>`` story (its attributes and inner text) as an article or a reject."""
    newid = _NEWID.search(attributes)
    if not newid:
        return RawReject(source_path, position, "missing_field", f"story {position} has no NEWID attribute "
                                                                 f"(attributes: {attributes.strip()[:120]!r})")
    source_id = newid.group(1)
    published, published_from = parse_date(story)
    if published is None:
        return RawReject(source_path, position, "bad_date", f"story NEWID={source_id}: <DATE> is missing or not "
                                                            "in the form 26-FEB-1987 15:01:01.79")
    text_start = story.find("<TEXT")
    text_type, text = "", ""
    open_end = story.find(">", text_start) if text_start >= 0 else -1
    if open_end >= 0:
        text_type = story[text_start + 5:open_end]
        close = story.find("</TEXT>", open_end)
        text = story[open_end + 1:close if close >= 0 else len(story)]
    raw_title, raw_dateline, raw_body = element(text, "TITLE"), element(text, "DATELINE"), element(text, "BODY")
    title = _TITLE_SIGN_OFF.sub("", " ".join(clean(raw_title).split())) if raw_title else None
    dateline = (_DATELINE_TAIL.sub("", " ".join(clean(raw_dateline).split())) or None) if raw_dateline else None
    headline = title
    if raw_body is not None:
        body = paragraphs(strip_sign_off(clean(raw_body)))
    elif title:  # a brief: the title is all the story says (the rest is filler)
        body, headline = title, None
    else:  # unprocessed layout: keep every line as it stands
        lines = [" ".join(line.split()) for line in strip_sign_off(clean(_TAG.sub("", text))).split("\n")]
        lines = [line for line in lines if line]
        headline = lines.pop(0) if len(lines) > 1 else None
        body = "\n".join(lines)
    if not body.strip():
        kind = text_type.strip() or "TYPE=NORM"
        return RawReject(source_path, position, "empty_body", f"story NEWID={source_id} ({kind}) has no text")
    return RawArticle(source_path=source_path, record=position, format="sgml", source_id=source_id, body=body,
                      headline=headline, dateline=dateline, source=source, published_at=published,
                      published_from=published_from,
                      categories=story_categories(story[:text_start] if text_start >= 0 else story))


_DOCTYPE = re.compile(r"\s*<!DOCTYPE[^>]*>")


def _stray(text: str, start: int, end: int, after: int | None, source_path: str) -> RawReject | None:
    """A reject for text between stories (``text[start:end]``), which is a story whose ``<REUTERS>`` is damaged.

    Without it such a story would vanish without a trace: it belongs to no
    ``<REUTERS …>`` … ``</REUTERS>`` pair. The archive's files hold only
    white space there, and a ``<!DOCTYPE>`` before the first story.
    """
    gap = text[start:end]
    if after is None:
        gap = _DOCTYPE.sub("", gap, count=1)
    gap = gap.strip()
    if not gap:
        return None
    newid = _NEWID.search(gap)
    where = "before the first story" if after is None else f"after story {after}"
    return RawReject(source_path, None, "malformed_xml",
                     f"text {where} lies outside any <REUTERS> … </REUTERS> story"
                     f"{f' (it names NEWID={newid.group(1)})' if newid else ''}: {gap[:60]!r}; a damaged "
                     "<REUTERS> tag? Repair the tag to read that story")


def stories(text: str, source_path: str, source: str = SOURCE) -> Iterator[RawArticle | RawReject]:
    """Every story of a decoded SGML file, in order, and a reject for any text between stories.

    A story cut off before ``</REUTERS>`` is a reject; so is text that no
    story holds (a story whose opening tag is damaged), so every story of a
    file ends as an article or a reject.
    """
    opens = list(_STORY_OPEN.finditer(text))
    done = 0  # where the text no story has claimed begins
    for position, match in enumerate(opens):
        stray = _stray(text, done, match.start(), position - 1 if position else None, source_path)
        if stray:
            yield stray
        limit = opens[position + 1].start() if position + 1 < len(opens) else len(text)
        close = text.find(_STORY_CLOSE, match.end(), limit)
        done = limit if close < 0 else close + len(_STORY_CLOSE)
        if close < 0:
            newid = _NEWID.search(match.group(1))
            label = f"NEWID={newid.group(1)}" if newid else f"at position {position}"
            yield RawReject(source_path, position, "malformed_xml",
                            f"story {label} has no closing </REUTERS> (the file may be truncated)")
            continue
        yield to_article(match.group(1), text[match.end():close], position, source_path, source)
    stray = _stray(text, done, len(text), len(opens) - 1, source_path) if opens else None
    if stray:
        yield stray


def read(path: Path, source_path: str, settings: Settings) -> Iterator[RawArticle | RawReject]:
    """Yield one article or reject per ``<REUTERS>`` story of a Reuters-21578 file."""
    source = str(read_sidecar(path).get("source") or SOURCE)
    text, _ = decode(read_bytes(path, settings))
    if not _STORY_OPEN.search(text):
        yield RawReject(source_path, None, "malformed_xml",
                        "no <REUTERS> story in the file; expected Reuters-21578 SGML markup")
        return
    yield from stories(text, source_path, source)
