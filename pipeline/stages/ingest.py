"""Ingest: raw files → ``articles`` and ``rejects``.

Reads every input under ``--raw`` with its reader, assembles articles
(`pipeline.articles.assemble`), and writes them partitioned by publication
month. A file whose bytes and reader code are unchanged since the last run is
skipped. A rerun stores what a run from scratch on the same files would:

- The ledger (``_ledger/ingest``) lists, for each file, every article it
  holds. An article several files hold (the same id: same source id and
  content, as in overlapping feed snapshots) is stored once, from the last of
  them in path order; when that file changes or drops it, the article is read
  again from the file that now comes last (`pipeline.stages.holders`), and an
  article goes only when no file holds it any more.
- A file gone from ``--raw`` whose content (``bytes_hash``: bytes and
  sidecars, not the name) a present file has was renamed or moved: it leaves
  the ledger, with its rows and rejects. Any other gone file keeps its
  articles: a nightly feed folder may be archived away.

Crash safety: the ledger lists a file only once its articles and rejects are
on disk. Files about to be read again are first taken out of the ledger, so a
run killed at any point reads them again next time. Old rows go only after
their replacements are written (`_store`, `_settle`), so a killed run leaves
a file's articles in place, old or new, never missing. Articles are buffered
across files and written ``CHUNK`` at a time; the ledger is written every
``FLUSH_FILES`` files, which bounds the work a crash can cost.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyarrow.compute as pc

from pipeline import io
from pipeline.articles import assemble, short_hash
from pipeline.config import Settings
from pipeline.progress import Progress, log_event
from pipeline.readers import iter_inputs, read_file
from pipeline.readers.wire import RULE_FILES, WireRules, load_wire_rules, normalize_wire, without_insertions
from pipeline.records import RawArticle, RawReject
from pipeline.relevance import RULE_FILES as RELEVANCE_FILES
from pipeline.relevance import RelevanceRules, load_relevance, relevance
from pipeline.stages.holders import UNREADABLE, moved, owners, path_order, settle
from pipeline.stages.run import check_rules
from pipeline.stages.spec import StageReport, StageSpec, rules_version
from pipeline.stages.write import save_rejects
from pipeline.schemas import INGEST_LEDGER

SPEC = StageSpec(
    name="ingest",
    reads=(),
    writes=("articles",),
    code=(__name__,),
    # The wire-copy rules (pipeline.readers.wire) clean bodies; the relevance lexicon
    # (pipeline/relevance.py) gives articles.trade_relevance and is_trade, which extract gates on.
    rules=RULE_FILES + RELEVANCE_FILES,
)
LEDGER = "_ledger/ingest"
CHUNK = 2000  # articles per part file, so one huge input never sits in memory whole
FLUSH_FILES = 200  # files read between two ledger writes: at most this many are read again after a crash
SIDECAR_SUFFIXES = (".meta.json", ".fields.json")  # files beside an input that the readers consult
TEXT_FIELDS = ("source_id", "body", "headline", "subheadline", "dateline", "byline", "source", "url", "language")


def file_hashes(path: Path) -> tuple[str, str]:
    """SHA-256 of a file's bytes (streamed) and of its sidecars', shortened: with and without its name.

    A sidecar (``NAME.meta.json``, ``NAME.fields.json``) changes what the
    file's articles say, so a corrected date in one reads the file again. The
    first hash (the ledger's ``file_hash``) covers the names too; the second
    (``bytes_hash``) names each part by its role only, so a renamed file
    keeps it and the ledger can tell a rename from a new file.
    """
    named, anonymous = hashlib.sha256(), hashlib.sha256()
    for suffix in ("", *SIDECAR_SUFFIXES):
        part = path.with_name(path.stem + suffix) if suffix else path
        if suffix and not part.is_file():
            continue
        named.update(os.fsencode(part.name) + b"\x00")  # fsencode: a name need not be UTF-8
        anonymous.update(suffix.encode() + b"\x00")
        with part.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                named.update(block)
                anonymous.update(block)
    return named.hexdigest()[:32], anonymous.hexdigest()[:32]


def file_hash(path: Path) -> str:
    """The ledger's ``file_hash`` of ``path`` (see `file_hashes`)."""
    return file_hashes(path)[0]


def readable_hashes(path: Path) -> tuple[str, str]:
    """`file_hashes` of ``path``, or `UNREADABLE` twice when the file cannot be read.

    One unreadable file must not stop the others: `read_file` turns it into
    an ``unreadable_file`` reject, and the ledger remembers it as unreadable,
    so the reject counts once and the file is read as soon as it can be.
    """
    try:
        return file_hashes(path)
    except OSError:
        return UNREADABLE, UNREADABLE


def ingest_version(settings: Settings) -> str:
    """Rules version of ingest: reader code plus the settings that change articles."""
    return short_hash(rules_version(SPEC, {"ingest": SPEC}, settings), str(settings.published_default),
                      str(settings.max_file_bytes), str(settings.max_field_chars), str(settings.max_article_chars))


@dataclass(frozen=True)
class IngestRules:
    """The rules ingest applies to every article: wire-copy cleaning and the relevance lexicon."""

    wire: WireRules
    relevance: RelevanceRules


@lru_cache(maxsize=2)
def ingest_rules(models_dir: Path) -> IngestRules:
    """The wire-copy rules and the relevance lexicon under ``models_dir``, read once per process."""
    return IngestRules(load_wire_rules(models_dir), load_relevance(models_dir))


def with_relevance(row: dict[str, Any], rules: RelevanceRules) -> dict[str, Any]:
    """The ``articles`` row with ``trade_relevance`` and ``is_trade`` from its headline and body."""
    found = relevance(row["headline"], row["text"][row["body_start"]:], rules)
    return {**row, "trade_relevance": found.trade_relevance, "is_trade": found.is_trade}


def with_default_date(raw: RawArticle, settings: Settings) -> RawArticle:
    """Fill a missing publication time from ``--published-default`` (midnight UTC)."""
    if raw.published_at is not None or settings.published_default is None:
        return raw
    moment = datetime.combine(settings.published_default, time(), tzinfo=UTC)
    return replace(raw, published_at=moment, published_from="cli_default")


def without_wire_residue(raw: RawArticle, rules: WireRules) -> RawArticle:
    """``raw`` with its body and headlines cleared of wire residue, and the dateline and byline found in the body.

    See `pipeline.readers.wire`.
    """
    copy = normalize_wire(raw.body, rules, find_dateline=not raw.dateline)
    headline, subheadline = (without_insertions(line, rules) or None if line else line
                             for line in (raw.headline, raw.subheadline))
    return replace(raw, body=copy.body, headline=headline, subheadline=subheadline,
                   dateline=raw.dateline or copy.dateline, byline=raw.byline or copy.byline)


def too_large(raw: RawArticle, settings: Settings) -> RawReject | None:
    """A reject when a field is over ``max_field_chars``."""
    for name in ("body", "headline", "subheadline", "dateline", "url", "source_id"):
        value = getattr(raw, name)
        if value and len(value) > settings.max_field_chars:
            return RawReject(raw.source_path, raw.record, "field_too_large",
                             f"field {name!r} has {len(value)} characters, over max_field_chars="
                             f"{settings.max_field_chars}")
    return None


def too_long(raw: RawArticle, length: int, settings: Settings) -> RawReject:
    """The reject of an article whose whole text is over ``max_article_chars``, the most extract reads."""
    return RawReject(raw.source_path, raw.record, "field_too_large",
                     f"the article's text (headline, dateline and body) has {length} characters, over "
                     f"max_article_chars={settings.max_article_chars}, the most the extract stage's spaCy "
                     "pipeline reads (nlp.max_length); split the article")


def unencodable(raw: RawArticle) -> RawReject | None:
    """A reject when a text field cannot be stored as UTF-8 (a lone surrogate from a broken ``\\ud83d`` escape)."""
    for name in TEXT_FIELDS:
        value = getattr(raw, name)
        if not isinstance(value, str):
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            return RawReject(raw.source_path, raw.record, "encoding_error",
                             f"field {name!r} holds {value[error.start]!r} at character {error.start}, half of a "
                             "surrogate pair, which is not text; fix the escape sequence in the input")
    return None


def check_record(raw: RawArticle, settings: Settings) -> RawReject | None:
    """The reject for a reader's article that cannot become a row, or None when it can.

    Readers promise the field types of `RawArticle`; this guard keeps one
    record that breaks the promise from failing the whole batch.
    """
    record = raw.record if isinstance(raw.record, int) else None
    for name in TEXT_FIELDS:
        value = getattr(raw, name)
        required = name in ("source_id", "body", "language")
        if not isinstance(value, str) and (required or value is not None):
            return RawReject(raw.source_path, record, "reader_error",
                             f"the reader gave field {name!r} as {type(value).__name__}, not text")
    if not isinstance(raw.record, int) or not 0 <= raw.record < 2**31:
        return RawReject(raw.source_path, None, "reader_error", f"record number {raw.record!r} is not valid")
    if raw.published_at is not None and (not isinstance(raw.published_at, datetime) or raw.published_at.tzinfo is None):
        return RawReject(raw.source_path, record, "reader_error",
                         f"published_at {raw.published_at!r} is not a timezone-aware datetime")
    return too_large(raw, settings) or unencodable(raw)


def reject_row(reject: RawReject, run_id: str, stage: str = "ingest") -> dict[str, Any]:
    """The ``rejects`` row of a reader's reject."""
    return {
        "reject_id": short_hash(stage, reject.source_path, str(reject.record), reject.reason, reject.detail),
        "source_path": reject.source_path, "record": reject.record, "reason": reject.reason,
        "stage": stage, "detail": reject.detail, "article_id": None, "run_id": run_id,
    }


@dataclass
class _Pending:
    """What has been read but not yet written: articles, and the files read to the end."""

    rows: dict[str, dict[str, Any]] = field(default_factory=dict)  # article_id -> row; a later file replaces
    files: list[dict[str, Any]] = field(default_factory=list)  # their ledger rows
    rejects: list[dict[str, Any]] = field(default_factory=list)
    settled: set[str] = field(default_factory=set)  # ledger files not read again this run: their stored rows stand


def read_ledger(settings: Settings) -> dict[str, dict[str, Any]]:
    """The ingest ledger's rows by ``source_path``."""
    return {row["source_path"]: row for row in io.read(settings.out, LEDGER, schema=INGEST_LEDGER).to_pylist()}


@dataclass
class FilePlan:
    """Which inputs under ``--raw`` ingest reads: ``todo`` (path, source_path, file_hash, bytes_hash), the
    ``skipped`` count of unchanged ones, and every ``present`` input with its bytes hash."""

    todo: list[tuple[Path, str, str, str]] = field(default_factory=list)
    skipped: int = 0
    present: dict[str, tuple[Path, str]] = field(default_factory=dict)


def plan_files(settings: Settings, ledger: Mapping[str, Mapping[str, Any]], version: str) -> FilePlan:
    """The inputs that are new, changed (their bytes, sidecars or ingest's version) or, with ``--force``, all."""
    files = FilePlan()
    for path, source_path in iter_inputs(settings.raw):
        digest, content = readable_hashes(path)
        files.present[source_path] = (path, content)
        entry = ledger.get(source_path)
        if not settings.force and entry and (entry["file_hash"], entry["rules_version"]) == (digest, version):
            files.skipped += 1
        else:
            files.todo.append((path, source_path, digest, content))
    return files


def ingest(settings: Settings, *, run_id: str) -> StageReport:
    """Read every new or changed input under ``settings.raw`` into ``articles``; return the counts."""
    version = ingest_version(settings)
    report = StageReport(stage="ingest", rules_version=version)
    ledger = read_ledger(settings)
    _adopt_unlisted(settings, ledger)
    files = plan_files(settings, ledger, version)
    todo, present, report.skipped = files.todo, files.present, files.skipped
    if not todo and not report.skipped:  # an empty or unmounted --raw looks like a quiet night otherwise
        log_event(logging.WARNING, stage="ingest", event="no_inputs", raw=str(settings.raw),
                  msg="no input files under --raw; nothing was read")
    if todo:  # a rule file that does not load fails here, before any file leaves the ledger
        check_rules(SPEC, ingest_rules, settings)
    report.rows_in = len(todo)
    report.inputs = [f"{source_path}#{digest}" for _, source_path, digest, _ in todo]
    report.processed_paths = [source_path for _, source_path, _, _ in todo]
    _forget(settings, ledger, report.processed_paths + moved(ledger, {p: c for p, (_, c) in present.items()}))
    progress = Progress("ingest", total=len(todo), settings=settings, skipped=report.skipped)
    pending = _Pending(settled=set(ledger))
    rules = ingest_rules(settings.models_dir)  # `_settle` may read files again even on a night with nothing new
    for path, source_path, digest, content in todo:
        articles, rejects = _read_file(pending, path, source_path, settings, run_id, report, rules)
        report.rejects.extend(rejects)
        pending.rejects.extend(rejects)
        pending.files.append({"source_path": source_path, "file_hash": digest, "rules_version": version,
                              "articles": len(articles), "rejects": len(rejects), "run_id": run_id,
                              "bytes_hash": content, "article_ids": sorted(articles)})
        if len(pending.files) >= FLUSH_FILES:
            _flush(pending, settings, ledger, report)
        progress.advance(1, file=source_path, articles=len(articles), rejects=len(rejects))
    _flush(pending, settings, ledger, report)
    _settle(settings, ledger, present, run_id, report, rules)
    progress.close()
    report.written["articles"] = report.rows_out
    io.ensure_readable(settings.out, "articles")
    return report


def _adopt_unlisted(settings: Settings, ledger: dict[str, dict[str, Any]]) -> None:
    """Give ledger entries written before ``article_ids`` existed the ids stored from their file.

    Such an entry is read again anyway when its file is present (the reader
    version changed); one whose file was archived away keeps its articles this way.
    """
    unlisted = [path for path, entry in ledger.items() if entry.get("article_ids") is None]
    if not unlisted:
        return
    stored = io.read(settings.out, "articles", columns=["article_id", "source_path"],
                     filter=pc.field("source_path").isin(unlisted))
    held: dict[str, list[str]] = {path: [] for path in unlisted}
    for article_id, source_path in zip(stored.column("article_id").to_pylist(),
                                       stored.column("source_path").to_pylist()):
        held[source_path].append(article_id)
    for path in unlisted:
        ledger[path]["article_ids"] = sorted(held[path])


def _forget(settings: Settings, ledger: dict[str, dict[str, Any]], paths: list[str]) -> None:
    """Take the files about to be read again, and those a rename replaced, out of the ledger.

    First, before anything is read: once they are out of the ledger, a crash
    anywhere later means they are read again (a forced rerun would otherwise
    skip them). Their stored articles stay until `_settle` knows which of them
    no file holds any more, so a killed run never leaves a file's articles missing.
    """
    known = [path for path in paths if path in ledger]
    for path in known:
        del ledger[path]
    if known:
        io.replace_table(settings.out, LEDGER, list(ledger.values()), schema=INGEST_LEDGER)


def _records(path: Path, source_path: str, settings: Settings, run_id: str,
             rules: IngestRules) -> Iterator[dict[str, Any]]:
    """The ``articles`` rows and ``rejects`` rows (the latter with a ``reason``) of one file, in record order."""
    seen: dict[str, int] = {}  # article_id -> the record that gave it first
    for item in read_file(path, source_path, settings):
        if isinstance(item, RawReject):
            yield reject_row(item, run_id)
            continue
        problem = check_record(item, settings) if isinstance(item, RawArticle) else RawReject(
            source_path, None, "reader_error", f"the reader yielded a {type(item).__name__}, not an article")
        if problem:
            yield reject_row(problem, run_id)
            continue
        # The wire step cleans the body (`clean_body`) before it looks for residue, and leaves it clean.
        row = assemble(with_default_date(without_wire_residue(item, rules.wire), settings), run_id, body_is_clean=True)
        if len(row["text"]) > settings.max_article_chars:
            yield reject_row(too_long(item, len(row["text"]), settings), run_id)
            continue
        if row["article_id"] in seen:  # the same record twice in one file: keep the first, say so
            yield reject_row(RawReject(
                source_path, item.record, "duplicate",
                f"the same article (source id {item.source_id!r}, same text) as record "
                f"{seen[row['article_id']]} of this file; kept once"), run_id)
            continue
        seen[row["article_id"]] = item.record
        yield with_relevance(row, rules.relevance)


def _read_file(pending: _Pending, path: Path, source_path: str, settings: Settings, run_id: str,
               report: StageReport, rules: IngestRules) -> tuple[list[str], list[dict[str, Any]]]:
    """Read one file into ``pending`` (writing full chunks as they fill); return (its article ids, reject rows)."""
    articles: list[str] = []
    rejects: list[dict[str, Any]] = []
    for row in _records(path, source_path, settings, run_id, rules):
        if "reason" in row:
            rejects.append(row)
            continue
        articles.append(row["article_id"])
        pending.rows[row["article_id"]] = row
        if len(pending.rows) >= CHUNK:
            _write_articles(pending, settings, report)
    return articles, rejects


def _write_articles(pending: _Pending, settings: Settings, report: StageReport) -> None:
    """Write the buffered articles, replacing the same ids stored before, unless a later file owns them."""
    rows, pending.rows = pending.rows, {}
    if not rows:
        return
    ids = sorted(rows)
    months = sorted({row[io.PARTITION_KEY] for row in rows.values()})
    # An article stored from a later file (in path order) stays with that file, unless that file is
    # read again this run or left the ledger: then `_settle` decides.
    stored = io.read(settings.out, "articles", columns=["article_id", "source_path"],
                     filter=pc.field("article_id").isin(ids) & pc.field(io.PARTITION_KEY).isin(months))
    later = {a for a, s in zip(stored.column("article_id").to_pylist(), stored.column("source_path").to_pylist())
             if s in pending.settled and path_order(s) > path_order(rows[a]["source_path"])}
    _store(settings, [rows[a] for a in ids if a not in later], report)


def _store(settings: Settings, rows: list[dict[str, Any]], report: StageReport) -> None:
    """Put ``rows`` in ``articles`` in place of the rows stored with the same ids: new part first, then the old go.

    In that order, so a crash between the writes leaves an article twice
    (which the next run's rewrite of it removes) rather than missing.
    """
    if not rows:
        return
    ids = sorted(row["article_id"] for row in rows)
    months = sorted({row[io.PARTITION_KEY] for row in rows})
    part_key = short_hash("ingest", *ids)
    folder = io.table_dir(settings.out, "articles")
    before = [path for month in months for path in io.part_files(folder / f"{io.PARTITION_KEY}={month}")
              if path.stem != f"part-{part_key}"]  # a part of that name is rewritten whole by the append
    report.rows_out += io.append_rows(settings.out, "articles", rows, part_key=part_key, sort_by=["article_id"])
    io.remove_rows(settings.out, "articles", ids, files=before)


def _flush(pending: _Pending, settings: Settings, ledger: dict[str, dict[str, Any]], report: StageReport) -> None:
    """Write buffered articles, then the finished files' rejects, then (last) their ledger entries."""
    _write_articles(pending, settings, report)
    if not pending.files:
        return
    save_rejects(settings, "ingest", pending.rejects, replace_paths=[f["source_path"] for f in pending.files])
    for entry in pending.files:
        ledger[entry["source_path"]] = entry
    io.replace_table(settings.out, LEDGER, list(ledger.values()), schema=INGEST_LEDGER)
    pending.files, pending.rejects = [], []


def _settle(settings: Settings, ledger: dict[str, dict[str, Any]], present: dict[str, tuple[Path, str]], run_id: str,
            report: StageReport, rules: IngestRules) -> None:
    """Make ``articles`` and ingest's rejects match the ledger: each article from its owner, none without one.

    Runs every night, after the ledger is written, so it also finishes what a
    killed run left: the rows of an article whose owner changed are read
    again from the new owner (an earlier, unchanged file that holds it too),
    before the rows no file holds any more are removed.
    """
    stored = io.read(settings.out, "articles", columns=["article_id", "source_path", io.PARTITION_KEY])
    months = dict(zip(stored.column("article_id").to_pylist(), stored.column(io.PARTITION_KEY).to_pylist()))
    plan = settle(owners(ledger), zip(stored.column("article_id").to_pylist(),
                                      stored.column("source_path").to_pylist()), set(present))
    for source_path, ids in sorted(plan.restore.items()):
        wanted = set(ids)
        rows = [row for row in _records(present[source_path][0], source_path, settings, run_id, rules)
                if "reason" not in row and row["article_id"] in wanted]
        for start in range(0, len(rows), CHUNK):
            _store(settings, rows[start:start + CHUNK], report)
    if plan.orphans:
        io.remove_rows(settings.out, "articles", plan.orphans, months={months[a] for a in plan.orphans})
    rejects = io.read(settings.out, "rejects", columns=["stage", "source_path"])
    ingest_paths = pc.unique(rejects.filter(pc.equal(rejects.column("stage"), "ingest")).column("source_path"))
    gone = sorted(set(ingest_paths.to_pylist()) - set(ledger))
    if gone:
        save_rejects(settings, "ingest", [], replace_paths=gone)
