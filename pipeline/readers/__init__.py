"""Readers, one module per input format, all yielding `RawArticle` or `RawReject`.

`iter_inputs` walks ``--raw`` (a file or a folder) in a stable order and
`read_file` dispatches each file to its reader by extension, sniffing ``.xml``
for NewsML-G2 versus RSS/Atom. A file whose extension does not say its
format for sure (``.txt``, none, or one no reader takes) is read as what
its first bytes announce, when they do (`sniff`): Reuters SGML saved as
``.txt`` is read as SGML. A ``.gz`` file is read decompressed, as the name
without ``.gz`` says (``reut2-000.sgm.gz``), its sidecars named without it
(``story.meta.json`` beside ``story.txt.gz``). Every reader has the signature::

    read(path: Path, source_path: str, settings: Settings) -> Iterator[RawArticle | RawReject]

and never raises for bad content: a broken record becomes a `RawReject`.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from pipeline.config import Settings
from pipeline.progress import log_event
from pipeline.readers.common import ReaderError, as_utf8, inner_name, is_gzip, read_bytes
from pipeline.records import RawArticle, RawReject

Reader = Callable[[Path, str, Settings], Iterator[RawArticle | RawReject]]

# Files in a raw folder that are documentation or metadata, not articles.
IGNORED_NAMES = ("README", "LICENSE", "SOURCES", "NOTICE")
IGNORED_SUFFIXES = (".meta.json", ".fields.json", ".md", ".dtd")


def is_input(path: Path) -> bool:
    """True for files that should be read as articles (not sidecars or docs)."""
    name = path.name
    if name.startswith((".", "_")):
        return False
    if name.upper().startswith(IGNORED_NAMES):
        return False
    return not name.lower().endswith(IGNORED_SUFFIXES)


def iter_inputs(raw: Path) -> Iterator[tuple[Path, str]]:
    """Yield ``(path, source_path)`` for every input under ``raw``, sorted.

    ``source_path`` is relative to ``raw`` when it is a folder, else the file name,
    always as text that can be stored: bytes of a name that are not UTF-8
    are written as ``\\xff`` escapes (`read_file` then rejects the file).
    """
    if raw.is_file():
        yield raw, printable_name(raw.name)
        return
    if not raw.exists():
        raise FileNotFoundError(f"--raw {raw} does not exist; pass a file or a folder of articles")
    for path in sorted(_files(raw)):
        if is_input(path):
            yield path, printable_name(path.relative_to(raw).as_posix())


def _files(raw: Path) -> Iterator[Path]:
    """Every file under ``raw``; a folder that cannot be listed is a ``level=warning`` log line.

    ``Path.rglob`` passes over such a folder without a word, so its files
    would be missing from every run unnoticed. Not a failure of the run: the
    other folders are read as usual (see docs/nightly.md).
    """
    def unlistable(error: OSError) -> None:
        folder = Path(error.filename) if error.filename else raw
        name = printable_name(folder.relative_to(raw).as_posix() if folder != raw else str(raw))
        log_event(logging.WARNING, stage="ingest", event="unlistable_folder", folder=name,
                  error=error.strerror or str(error), msg="its files are not read until it can be listed")

    for folder, _, names in os.walk(raw, onerror=unlistable):
        for name in names:
            path = Path(folder, name)
            if path.is_file():  # not a broken link, a socket or a FIFO
                yield path


def printable_name(name: str) -> str:
    """``name`` as storable text: bytes that are not UTF-8 (which Python keeps as surrogates) as ``\\xNN``."""
    return os.fsencode(name).decode("utf-8", errors="backslashreplace")


def name_is_utf8(path: Path) -> bool:
    """False when a part of ``path`` is not valid UTF-8 (no table can store such a name as text)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# Extensions that do not settle the format: the content decides when `sniff` recognizes it.
SNIFFED_SUFFIXES = ("", ".txt", ".text")
KNOWN_SUFFIXES = (".txt", ".text", ".jsonl", ".ndjson", ".json", ".sgm", ".sgml", ".rss", ".atom", ".html", ".htm",
                  ".xhtml", ".xml", ".nml", ".newsml")
HEAD_BYTES = 4096
_JSON_START = re.compile(rb"^(?:\{\s*\"|\[\s*\{)")


def sniff(head: bytes) -> str | None:
    """The extension whose reader the first bytes of a file call for, or None when they do not say.

    Only unmistakable openings count: Reuters' ``<!DOCTYPE lewis`` or
    ``<REUTERS``, an XML declaration or a feed or NewsML root, an HTML
    doctype or root, a JSON object (``{"``) or array of objects.
    """
    start = as_utf8(head).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype lewis", b"<reuters")):
        return ".sgm"
    if start.startswith((b"<!doctype html", b"<html")) or (start.startswith(b"<?xml") and b"<html" in start):
        return ".html"
    if start.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf:rdf", b"<newsitem", b"<newsmessage")):
        return ".xml"
    if _JSON_START.match(start):
        return ".jsonl"
    return None


def _reader_for(path: Path, head: bytes) -> Reader | None:
    from pipeline.readers import feed, html, jsonl, newsml, sgml, text

    suffix = Path(inner_name(path)).suffix.lower()
    if suffix in SNIFFED_SUFFIXES or suffix not in KNOWN_SUFFIXES:
        suffix = sniff(head) or suffix
    if suffix in (".txt", ".text"):
        return text.read
    if suffix in (".jsonl", ".ndjson", ".json"):
        return jsonl.read
    if suffix in (".sgm", ".sgml"):
        return sgml.read
    if suffix in (".rss", ".atom"):
        return feed.read
    if suffix in (".html", ".htm", ".xhtml"):
        return html.read
    if suffix in (".xml", ".nml", ".newsml"):
        lowered = as_utf8(head).lower()  # a UTF-16 feed's tags are bytes apart
        if b"newsitem" in lowered or b"newsmessage" in lowered or b"iptc.org/std/nar" in lowered:
            return newsml.read
        if b"<rss" in lowered or b"<feed" in lowered or b"<rdf:rdf" in lowered:
            return feed.read
        return newsml.read
    return None


def read_file(path: Path, source_path: str, settings: Settings) -> Iterator[RawArticle | RawReject]:
    """Read one input file with the reader its type calls for; never raises for bad content.

    The limits hold whatever the reader: a file over ``max_file_bytes`` is
    refused before any reader sees it, at most ``max_records_per_file``
    records come out, a reader that fails unexpectedly ends the file with a
    ``reader_error`` reject (the records it yielded before stay), and a file
    that yields nothing at all gets an ``empty_body`` reject. A file whose
    name is not UTF-8 is refused unread (``encoding_error``): its rows
    could only carry an escaped stand-in for the name, which a renamed
    file would never match.
    """
    if not name_is_utf8(path):
        yield RawReject(source_path, None, "encoding_error",
                        f"the file name {source_path!r} is not valid UTF-8 (bytes shown as \\x escapes); "
                        "rename the file to read it")
        return
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError as error:
        yield RawReject(source_path, None, "unreadable_file", f"cannot open the file: {error.strerror or error}")
        return
    if size > settings.max_file_bytes:
        yield RawReject(source_path, None, "file_too_large",
                        f"{size} bytes is over the limit of max_file_bytes={settings.max_file_bytes} "
                        "(raise the limit or split the file)")
        return
    if head and is_gzip(path):
        try:
            head = read_bytes(path, settings, limit=HEAD_BYTES)
        except ReaderError as error:
            yield error.reject(source_path)
            return
    reader = _reader_for(path, head)
    if reader is None:
        suffix = Path(inner_name(path)).suffix
        yield RawReject(source_path, None, "unsupported_format",
                        f"no reader for files ending in {suffix or '(no extension)'!r} and none its first bytes "
                        "call for; supported: .txt, .jsonl/.json, .sgm, .xml (NewsML-G2, RSS, Atom), .rss, .atom, "
                        ".html, each also as .gz")
        return
    yield from _limited(_guarded(reader, path, source_path, settings), source_path, settings.max_records_per_file)


def _guarded(reader: Reader, path: Path, source_path: str,
             settings: Settings) -> Iterator[RawArticle | RawReject]:
    """Run ``reader``, turning any exception into a final reject that names it.

    A file that gives neither an article nor a reject (an empty JSON Lines
    file, a feed with no items) becomes one ``empty_body`` reject: no input
    is dropped without a word.
    """
    count = 0
    try:
        for count, item in enumerate(reader(path, source_path, settings), start=1):
            yield item
        if not count:
            yield RawReject(source_path, None, "empty_body", "the file holds no records")
    except ReaderError as error:
        yield error.reject(source_path)
    except RecursionError:
        yield RawReject(source_path, None, "malformed_json", "the document nests too deeply to read safely")
    except MemoryError:
        yield RawReject(source_path, None, "file_too_large", "the file needs more memory than is available")
    except Exception as error:  # a reader bug must not stop the batch; the reject names it for a fix
        where = f"after record {count - 1}" if count else "before the first record"
        yield RawReject(source_path, None, "reader_error",
                        f"{reader.__module__} failed {where}: {type(error).__name__}: {error}"[:2000])


def _limited(items: Iterator[RawArticle | RawReject], source_path: str,
             limit: int) -> Iterator[RawArticle | RawReject]:
    """Pass at most ``limit`` records, then one reject saying the rest were not read."""
    for count, item in enumerate(items):
        if count >= limit:
            if isinstance(item, RawReject) and item.reason == "file_too_large":
                yield item  # the reader said so itself
            else:
                yield RawReject(source_path, count, "file_too_large",
                                f"the file holds more than max_records_per_file={limit} records; records from "
                                f"{count} on were not read (raise the limit or split the file)")
            return
        yield item
