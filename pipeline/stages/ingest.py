"""Ingest: raw files → ``articles`` and ``rejects``.

Reads every input under ``--raw`` with its reader, assembles articles
(`pipeline.articles.assemble`), and writes them partitioned by publication
month. A file whose bytes and reader code are unchanged since the last run is
skipped; a changed file replaces every row it produced before (so a corrected
article does not linger beside its new version).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time
from itertools import islice
from pathlib import Path
from typing import Any


from pipeline import io
from pipeline.articles import assemble, short_hash
from pipeline.config import Settings
from pipeline.progress import Progress
from pipeline.readers import iter_inputs, read_file
from pipeline.records import RawArticle, RawReject
from pipeline.stages.base import StageReport, StageSpec, rules_version
from pipeline.schemas import INGEST_LEDGER

SPEC = StageSpec(
    name="ingest",
    reads=(),
    writes=("articles",),
    code=("pipeline/readers/*.py", "pipeline/articles.py", "pipeline/records.py", "pipeline/stages/ingest.py"),
)
LEDGER = "_ledger/ingest"
CHUNK = 2000  # articles per part file, so one huge input never sits in memory whole


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes (streamed), shortened."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:32]


def ingest_version(settings: Settings) -> str:
    """Rules version of ingest: reader code plus the settings that change articles."""
    return short_hash(rules_version(SPEC, {"ingest": SPEC}, settings), str(settings.published_default),
                      str(settings.max_field_chars))


def with_default_date(raw: RawArticle, settings: Settings) -> RawArticle:
    """Fill a missing publication time from ``--published-default`` (midnight UTC)."""
    if raw.published_at is not None or settings.published_default is None:
        return raw
    from dataclasses import replace

    moment = datetime.combine(settings.published_default, time(), tzinfo=UTC)
    return replace(raw, published_at=moment, published_from="cli_default")


def too_large(raw: RawArticle, settings: Settings) -> RawReject | None:
    """A reject when a field is over ``max_field_chars``."""
    for name in ("body", "headline", "subheadline", "dateline", "url", "source_id"):
        value = getattr(raw, name)
        if value and len(value) > settings.max_field_chars:
            return RawReject(raw.source_path, raw.record, "field_too_large",
                             f"field {name!r} has {len(value)} characters, over max_field_chars="
                             f"{settings.max_field_chars}")
    return None


def reject_row(reject: RawReject, run_id: str, stage: str = "ingest") -> dict[str, Any]:
    """The ``rejects`` row of a reader's reject."""
    return {
        "reject_id": short_hash(stage, reject.source_path, str(reject.record), reject.reason, reject.detail),
        "source_path": reject.source_path, "record": reject.record, "reason": reject.reason,
        "stage": stage, "detail": reject.detail, "article_id": None, "run_id": run_id,
    }


def ingest(settings: Settings, *, run_id: str) -> StageReport:
    """Read every changed input under ``settings.raw`` into ``articles``; return the counts."""
    version = ingest_version(settings)
    report = StageReport(stage="ingest", rules_version=version)
    ledger = io.read(settings.out, LEDGER, schema=INGEST_LEDGER)
    done = set(zip(ledger.column("source_path").to_pylist(), ledger.column("file_hash").to_pylist(),
                   ledger.column("rules_version").to_pylist()))
    inputs = list(iter_inputs(settings.raw))
    progress = Progress("ingest", total=len(inputs), settings=settings)
    ledger_rows = [row for row in ledger.to_pylist()]
    for path, source_path in inputs:
        digest = file_hash(path)
        report.inputs.append(f"{source_path}#{digest}")
        if not settings.force and (source_path, digest, version) in done:
            report.skipped += 1
            progress.advance(1, file=source_path, skipped=True)
            continue
        articles, rejects = _ingest_file(path, source_path, settings, run_id)
        report.rows_in += 1
        report.processed_paths.append(source_path)
        report.rows_out += articles
        report.rejects.extend(rejects)
        ledger_rows = [r for r in ledger_rows if r["source_path"] != source_path]
        ledger_rows.append({"source_path": source_path, "file_hash": digest, "rules_version": version,
                            "articles": articles, "rejects": len(rejects), "run_id": run_id})
        io.replace_table(settings.out, LEDGER, ledger_rows, schema=INGEST_LEDGER)
        progress.advance(1, file=source_path, articles=articles, rejects=len(rejects))
    progress.close()
    report.written["articles"] = report.rows_out
    io.ensure_readable(settings.out, "articles")
    return report


def _ingest_file(path: Path, source_path: str, settings: Settings, run_id: str) -> tuple[int, list[dict]]:
    """Replace everything ``source_path`` produced before with what it holds now."""
    io.remove_rows(settings.out, "articles", [source_path], key="source_path")
    records = read_file(path, source_path, settings)
    rejects: list[dict] = []
    written, seen, chunk_number = 0, set(), 0
    while True:
        chunk = list(islice(records, CHUNK))
        if not chunk:
            break
        rows = []
        for item in chunk:
            if isinstance(item, RawReject):
                rejects.append(reject_row(item, run_id))
                continue
            problem = too_large(item, settings)
            if problem:
                rejects.append(reject_row(problem, run_id))
                continue
            row = assemble(with_default_date(item, settings), run_id)
            if row["article_id"] in seen:  # the same record twice in one file: keep one
                continue
            seen.add(row["article_id"])
            rows.append(row)
        if rows:
            io.remove_rows(settings.out, "articles", [r["article_id"] for r in rows])
        written += io.append_rows(settings.out, "articles", rows,
                                  part_key=short_hash(source_path, str(chunk_number)),
                                  sort_by=["article_id"])
        chunk_number += 1
    return written, rejects
