"""Helpers every reader shares: bounded reads, decoding, timestamps, safe XML."""

from __future__ import annotations

import codecs
import gzip
import re
import zlib
from datetime import UTC, date, datetime, time, timedelta, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from pipeline.config import Settings
from pipeline.records import RawReject


class ReaderError(Exception):
    """A whole file cannot be read; carries the reject reason code."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason, self.detail = reason, detail

    def reject(self, source_path: str, record: int | None = None) -> RawReject:
        """This error as a `RawReject`."""
        return RawReject(source_path=source_path, record=record, reason=self.reason, detail=self.detail)


GZIP_SUFFIX = ".gz"


def inner_name(path: Path) -> str:
    """The name of ``path`` without a ``.gz`` ending: the name that says its format (``a.sgm.gz`` → ``a.sgm``)."""
    name = path.name
    return name[:-len(GZIP_SUFFIX)] if is_gzip(path) else name


def base_name(path: Path) -> str:
    """The name of ``path`` without ``.gz`` and its extension: the stem its sidecars and its id use."""
    return Path(inner_name(path)).stem


def is_gzip(path: Path) -> bool:
    """True for a file named ``*.gz``, read decompressed by every reader."""
    return path.name.lower().endswith(GZIP_SUFFIX)


def read_bytes(path: Path, settings: Settings, *, limit: int | None = None) -> bytes:
    """Read a file (decompressed, when it is ``.gz``), refusing files over ``max_file_bytes`` and unreadable ones.

    ``limit`` reads at most that many bytes (the head a format is sniffed from)
    instead of the whole file. A compressed file is refused when either its
    size or what it decompresses to is over the limit: the check comes before
    more than the limit is held in memory.
    """
    try:
        size = path.stat().st_size
        if size > settings.max_file_bytes:
            raise ReaderError("file_too_large", f"{size} bytes is over the limit of {settings.max_file_bytes} "
                                                "(raise max_file_bytes or split the file)")
        if is_gzip(path):
            return _gunzip(path, settings.max_file_bytes, limit)
        if limit is not None:
            with path.open("rb") as handle:
                return handle.read(limit)
        return path.read_bytes()
    except OSError as error:
        raise ReaderError("unreadable_file", f"cannot read the file: {error.strerror or error}") from error


def _gunzip(path: Path, max_bytes: int, limit: int | None) -> bytes:
    """The decompressed content of ``path`` (its first ``limit`` bytes), refused past ``max_bytes``."""
    try:
        with gzip.open(path, "rb") as handle:
            data = handle.read(limit if limit is not None else max_bytes + 1)
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise ReaderError("unreadable_file", f"cannot decompress the .gz file: {error or type(error).__name__}"
                          ) from error
    if limit is None and len(data) > max_bytes:
        raise ReaderError("file_too_large", f"decompressed, the file is over the limit of {max_bytes} bytes "
                                            "(raise max_file_bytes or split the file)")
    return data


def categories(*fields: tuple[str, Any]) -> tuple[str, ...]:
    """The categories an article's source gives, as ``field:value`` texts, in order, each once.

    ``fields`` pairs a field name with its value: a string, or a list of strings
    (numbers are written as text; anything else is left out, as are empty
    values). Whitespace runs become one space; the case is kept.
    """
    found: dict[str, None] = {}
    for name, value in fields:
        values = value if isinstance(value, list | tuple) else [value]
        for item in values:
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                continue
            text = " ".join(str(item).split())
            if text:
                found.setdefault(f"{name.lower()}:{text}", None)
    return tuple(found)


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes or mostly non-printable bytes in the first 8 KiB."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    odd = sum(1 for b in head if b < 9 or 13 < b < 32)
    return odd / len(head) > 0.10


def _cp1252_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    """Error handler: the bytes UTF-8 refused, each read as cp1252 (latin-1 for the five it leaves undefined)."""
    bad = error.object[error.start:error.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), error.end


codecs.register_error("pipeline.cp1252_bytes", _cp1252_bytes)


# Byte order marks of the wide Unicode encodings; UTF-32's first, as UTF-16's LE mark begins UTF-32's.
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def wide_encoding(data: bytes) -> str | None:
    """``"utf-16"`` or ``"utf-32"`` when ``data`` opens with that encoding's byte order mark, else None."""
    return next((name for bom, name in _WIDE_BOMS if data.startswith(bom)), None)


def as_utf8(data: bytes) -> bytes:
    """``data`` re-encoded as UTF-8 when it is UTF-16/32 with a BOM (so a byte scan sees its markup), else as is."""
    wide = wide_encoding(data)
    return data.decode(wide, errors="replace").encode("utf-8") if wide else data


def decode(data: bytes, *, allow_fallback: bool = True) -> tuple[str, bool]:
    """Decode as UTF-8 (with or without BOM); bytes that are not UTF-8 are read as cp1252, one by one.

    Returns ``(text, used_fallback)``. Single stray bytes in old wire archives
    are common; reading them as cp1252 keeps the story instead of losing it.
    The fallback is byte by byte, not for the whole file: one stray byte
    must not turn every ’ “ — of the file's other records (valid UTF-8) into
    mojibake and change their ids. A file written wholly in cp1252 reads as
    before, since each of its non-ASCII bytes is one that UTF-8 refuses.
    """
    wide = wide_encoding(data)
    if wide:  # UTF-16/32 text is full of NUL bytes: known by its BOM before the binary test sees them
        try:
            return data.decode(wide), False
        except UnicodeDecodeError as error:
            raise ReaderError("encoding_error", f"the file starts with a {wide.upper()} byte order mark but is "
                                                f"not valid {wide.upper()} at byte {error.start}") from error
    if looks_binary(data):
        raise ReaderError("binary_file", "the file holds binary data (NUL or control bytes), not text")
    try:
        return data.decode("utf-8-sig"), False
    except UnicodeDecodeError as error:
        if not allow_fallback:
            raise ReaderError("encoding_error", f"not valid UTF-8 at byte {error.start}") from error
    return data.decode("utf-8-sig", errors="pipeline.cp1252_bytes"), True


_TZ_SUFFIX = re.compile(r"\s*(Z|UTC|GMT)$", re.IGNORECASE)
_FORMATS = ("%d-%b-%Y %H:%M:%S.%f", "%d-%b-%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%dT%H:%M:%S%z",
            "%Y/%m/%d", "%B %d, %Y", "%d %B %Y", "%b %d, %Y")


def parse_timestamp(value: object) -> datetime | None:
    """Parse a metadata timestamp into an aware UTC datetime; None if unparseable.

    Accepts ISO 8601 (with or without offset), RFC 2822 (RSS), Reuters'
    ``26-FEB-1987 15:01:01.79`` and a few spelled-out forms. A value with no
    offset is taken as UTC (documented: wire archives stamp in UTC/GMT).
    """
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, time())
    elif isinstance(value, str) and value.strip():
        moment = _parse_text(value.strip())
        if moment is None:
            return None
    else:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):  # "0001-01-01T00:00+14:00" lies before year 1 in UTC
        return None


def _parse_text(text: str) -> datetime | None:
    iso = _TZ_SUFFIX.sub("+00:00", text) if not re.search(r"\d{2}:?\d{2}$", text[-6:]) or text.endswith("Z") else text
    for candidate in (text, iso):
        try:
            return datetime.fromisoformat(candidate)
        except ValueError:
            pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _FORMATS:
        try:
            return datetime.strptime(_TZ_SUFFIX.sub("", text).strip().title() if "%b" in fmt else text, fmt)
        except ValueError:
            continue
    return None


def utc_offset(hours: float) -> timezone:
    """A fixed-offset time zone ``hours`` from UTC."""
    return timezone(timedelta(hours=hours))


# HTML fragments (feed summaries, NewsML XHTML, Markdown with raw HTML) → paragraphs.
# Elements whose content is never article text: dropped with everything inside them.
DROPPED_ELEMENTS = frozenset({"script", "style", "noscript", "template", "svg", "figure", "figcaption", "iframe"})
# Elements that end a paragraph (before and after them).
BLOCK_ELEMENTS = frozenset({
    "p", "div", "br", "hr", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "tr", "table", "thead", "tbody", "section", "article", "header", "footer", "aside", "nav", "main",
    "address", "center", "body", "html", "head", "title"})
# Table cells: a space between neighbours ("Japan 25%"), not a paragraph each.
CELL_ELEMENTS = frozenset({"td", "th"})
# libxml2 stops reading at an end tag of the document ("</html>"): text after one would be lost.
_DOCUMENT_END_TAG = re.compile(r"</(?:html|body)\b[^<>]*>", re.IGNORECASE)
_BLANK_RUN = re.compile(r"\n\s*\n")


def _html_root(markup: str) -> Any:
    """``markup`` parsed by lxml's HTML parser (forgiving, no network, comments and PIs dropped)."""
    import lxml.html  # imported here: the readers of plain text and Reuters SGML never need it

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    return lxml.html.document_fromstring(_DOCUMENT_END_TAG.sub("", markup).encode("utf-8"), parser=parser)


def _html_text(markup: str) -> str:
    """The text of an HTML fragment, entities decoded, with a blank line wherever a block element begins or ends.

    Block elements (`BLOCK_ELEMENTS`) become blank lines, table cells a
    space; script, style, figure and the like (`DROPPED_ELEMENTS`) are
    dropped with their content: it is never article text. Whitespace is left
    as it was; `html_paragraphs` tidies it.
    """
    from lxml import etree

    try:
        root = _html_root(markup)
    except etree.ParserError:  # "Document is empty": nothing but whitespace, comments or stray tags
        return ""
    pieces: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in DROPPED_ELEMENTS:
            if event == "start":
                walker.skip_subtree()
                pieces.append(" ")
            elif element.tail:
                pieces.append(element.tail)
            continue
        if tag in BLOCK_ELEMENTS:
            pieces.append("\n\n")
        elif tag in CELL_ELEMENTS:
            pieces.append(" ")
        text = element.text if event == "start" else element.tail
        if text:
            pieces.append(text)
    return "".join(pieces)


def html_paragraphs(markup: str) -> str:
    """An HTML fragment as plain paragraphs, one a line.

    Block elements (``p``, ``div``, ``br``, ``li``, headings, table rows) end a
    paragraph, and so does a blank line in the source (plain text in a feed
    separates its paragraphs that way); other whitespace inside a paragraph
    (source line wraps) collapses to one space, as a browser would show it.
    Character references are decoded; a bare "&" ("AT&T") stays.
    """
    paragraphs = (" ".join(block.split()) for block in _BLANK_RUN.split(_html_text(markup)))
    return "\n".join(p for p in paragraphs if p)


# XML that declares entities is refused before parsing: entity expansion
# (billion laughs) and external entities (XXE) both need an <!ENTITY declaration.
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY\s+%?\s*[^\s>]*")
# A document can declare an entity only in the internal subset of its
# <!DOCTYPE …[ … ]> (external DTDs are never fetched); quoted ids may hold ">".
_INTERNAL_SUBSET = re.compile(rb"""<!DOCTYPE(?:[^>\["']|"[^"]*"|'[^']*')*\[""")


def check_xml_safe(data: bytes) -> None:
    """Raise ``ReaderError("unsafe_xml")`` when the document declares an entity.

    A byte scan that runs before any parser sees the document (XML keywords
    are case-sensitive, so the scan is too); the parsers are configured to
    refuse entities as well, as a second line. ``<!ENTITY`` counts only in a
    document with a ``<!DOCTYPE`` internal subset, the one place a document
    can declare an entity: elsewhere (a CDATA section or a comment quoting
    it) it declares nothing, and refusing the whole file for it would be wrong.
    """
    data = as_utf8(data)  # UTF-16 would hide the keywords from a byte scan
    if b"<!ENTITY" not in data or not _INTERNAL_SUBSET.search(data):
        return
    match = _ENTITY_DECLARATION.search(data)
    if match:
        what = match.group(0).decode("latin-1")
        raise ReaderError("unsafe_xml", f"the document declares an entity ({what!r}); documents with entity "
                                        "declarations are refused because they can expand without bound "
                                        "or read local files")


def language_code(tag: object, default: str = "en") -> str:
    """The primary subtag of a language tag, lower case ("en-US" → "en"); ``default`` when absent."""
    if not isinstance(tag, str) or not tag.strip():
        return default
    primary = re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else default
