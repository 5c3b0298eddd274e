"""Stage bookkeeping shared by every per-article stage (DVC-like).

A stage declares the tables it reads, the tables it writes, its rule files
and its own code. Its *rules version* hashes those files and the upstream
stage's rules version, so a changed pattern file reruns that stage and the
stages after it, and nothing else does. A ledger (``_ledger/<stage>``) records
which article was processed with which content hash and rules version; an
article whose pair is already there is skipped unless ``force``.

Batches are planned by publication month so each batch reads and writes few
partitions. For each batch the runner removes the batch's earlier rows from
every output table, appends the new rows, then appends the ledger rows —
so a crash at any point is repaired by the next run, without duplicates.
"""

from __future__ import annotations

import hashlib
import traceback
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

from pipeline import io
from pipeline.articles import short_hash
from pipeline.config import PROJECT_ROOT, Settings
from pipeline.errors import MissingInputError
from pipeline.progress import Progress
from pipeline.schemas import LEDGER

# A batch function gets the batch's rows of every table the stage reads and
# returns rows for every table it writes, plus per-article failures.
BatchFunction = Callable[[Mapping[str, pa.Table], Settings], "BatchResult"]


@dataclass
class BatchResult:
    """What one batch produced: rows per output table and per-article failures."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)  # article_id -> message


@dataclass(frozen=True)
class StageSpec:
    """Declaration of a per-article stage.

    ``code`` and ``rules`` are paths relative to the project root; their
    content enters the rules version. ``upstream`` names the stage whose rules
    version this one inherits.
    """

    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    code: tuple[str, ...]
    rules: tuple[str, ...] = ()
    upstream: str | None = None


@dataclass
class StageReport:
    """Counts of one stage run, for the summary and the ``runs`` table."""

    stage: str
    rules_version: str
    rows_in: int = 0
    rows_out: int = 0
    skipped: int = 0
    rejects: list[dict[str, Any]] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)
    written: dict[str, int] = field(default_factory=dict)
    processed_paths: list[str] = field(default_factory=list)  # raw files read again (ingest)
    processed_ids: list[str] = field(default_factory=list)  # articles processed again (later stages)


def _hash_paths(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path.relative_to(PROJECT_ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _expand(patterns: tuple[str, ...], root: Path) -> list[Path]:
    paths: list[Path] = []
    for pattern in patterns:
        matched = sorted(p for p in root.glob(pattern) if p.is_file() and "__pycache__" not in p.parts)
        paths.extend(matched)
    return paths


def rules_version(spec: StageSpec, registry: Mapping[str, StageSpec], settings: Settings) -> str:
    """Hash of the stage's code, its rule files and the upstream rules version."""
    code = _expand(spec.code, PROJECT_ROOT)
    rules = _expand(spec.rules, settings.models_dir) if settings.models_dir != PROJECT_ROOT / "models" \
        else _expand(spec.rules, PROJECT_ROOT / "models")
    own = _hash_paths(code + rules) if (code or rules) else "none"
    upstream = rules_version(registry[spec.upstream], registry, settings) if spec.upstream else ""
    return short_hash(spec.name, own, upstream)


def ledger_name(stage: str) -> str:
    """Table name of a stage's ledger."""
    return f"_ledger/{stage}"


def require_inputs(spec: StageSpec, settings: Settings, producers: Mapping[str, str]) -> None:
    """Fail early, naming the upstream stage, when an input table is missing."""
    for table in spec.reads:
        if not io.exists(settings.out, table):
            producer = producers.get(table, "an earlier stage")
            raise MissingInputError(
                f"stage {spec.name!r} needs table {table!r} under {settings.out}, which is missing: "
                f"run `python -m pipeline {producer} --out {settings.out}` first (or `run` for every stage)"
            )


def _in_window(articles: pa.Table, settings: Settings) -> pa.Table:
    """Keep the articles published within --since/--until (undated ones only without a window)."""
    if not (settings.since or settings.until):
        return articles
    published = articles.column("published_at")
    mask = pc.is_valid(published)
    if settings.since:
        mask = pc.and_(mask, pc.greater_equal(pc.cast(published, pa.date32()), pa.scalar(settings.since)))
    if settings.until:
        mask = pc.and_(mask, pc.less_equal(pc.cast(published, pa.date32()), pa.scalar(settings.until)))
    return articles.filter(mask)


def plan(spec: StageSpec, version: str, settings: Settings) -> tuple[pa.Table, int]:
    """Return the articles (id, hash, month) to process and the number skipped as done."""
    articles = io.read(settings.out, "articles", columns=["article_id", "content_hash", "published_at",
                                                          io.PARTITION_KEY])
    articles = _in_window(articles, settings).drop_columns(["published_at"])
    if settings.force:
        return articles, 0
    ledger = io.read(settings.out, ledger_name(spec.name), schema=LEDGER,
                     columns=["article_id", "content_hash", "rules_version"])
    ledger = ledger.filter(pc.equal(ledger.column("rules_version"), version))
    done = {(a, h) for a, h in zip(ledger.column("article_id").to_pylist(), ledger.column("content_hash").to_pylist())}
    keep = [(a, h) not in done for a, h in zip(articles.column("article_id").to_pylist(),
                                                  articles.column("content_hash").to_pylist())]
    todo = articles.filter(pa.array(keep, type=pa.bool_()))
    return todo, articles.num_rows - todo.num_rows


def batches(todo: pa.Table, size: int) -> Iterator[pa.Table]:
    """Split the work into batches of at most ``size`` articles, grouped by month."""
    todo = todo.sort_by([(io.PARTITION_KEY, "ascending"), ("article_id", "ascending")])
    for start in range(0, todo.num_rows, size):
        yield todo.slice(start, size)


def load_batch(spec: StageSpec, batch: pa.Table, settings: Settings) -> dict[str, pa.Table]:
    """Read the batch's rows of every input table (partition-pruned by month)."""
    ids = batch.column("article_id")
    months = pc.unique(batch.column(io.PARTITION_KEY))
    selector = pc.field("article_id").isin(ids) & pc.field(io.PARTITION_KEY).isin(months)
    return {table: io.read(settings.out, table, filter=selector) for table in spec.reads}


def reject_row(stage: str, article: Mapping[str, Any] | None, message: str, run_id: str) -> dict[str, Any]:
    """A ``rejects`` row for an article that a later stage could not process."""
    article_id = article["article_id"] if article else None
    source_path = article["source_path"] if article else ""
    record = article["record"] if article else None
    return {
        "reject_id": short_hash(stage, source_path, str(record), "stage_error", article_id or ""),
        "source_path": source_path,
        "record": record,
        "reason": "stage_error",
        "stage": stage,
        "detail": message,
        "article_id": article_id,
        "run_id": run_id,
    }


def run_stage(spec: StageSpec, process: BatchFunction, settings: Settings, *, run_id: str,
              registry: Mapping[str, StageSpec], producers: Mapping[str, str]) -> StageReport:
    """Run one per-article stage incrementally: plan, process batches, write, ledger."""
    require_inputs(spec, settings, producers)
    version = rules_version(spec, registry, settings)
    report = StageReport(stage=spec.name, rules_version=version)
    todo, report.skipped = plan(spec, version, settings)
    report.rows_in = todo.num_rows
    report.inputs = [f"{table}@{version}" for table in spec.reads]
    progress = Progress(spec.name, total=todo.num_rows, settings=settings)
    for number, batch in enumerate(batches(todo, settings.batch_size)):
        inputs = load_batch(spec, batch, settings)
        try:
            result = process(inputs, settings)
        except Exception as error:  # a batch-level failure: record every article, keep going
            detail = f"{type(error).__name__}: {error}\n{traceback.format_exc(limit=3)}"
            result = BatchResult(failures={a: detail for a in batch.column("article_id").to_pylist()})
        ids = batch.column("article_id").to_pylist()
        report.processed_ids.extend(ids)
        part_key = short_hash(spec.name, *ids)
        for table in spec.writes:
            io.remove_rows(settings.out, table, ids)
        for table in spec.writes:
            rows = result.rows.get(table, [])
            for row in rows:
                row["run_id"] = run_id
            written = io.append_rows(settings.out, table, rows, part_key=part_key)
            report.written[table] = report.written.get(table, 0) + written
            report.rows_out += written
        if result.failures:
            articles = {r["article_id"]: r for r in inputs["articles"].select(
                ["article_id", "source_path", "record"]).to_pylist()} if "articles" in inputs else {}
            for article_id, message in sorted(result.failures.items()):
                report.rejects.append(reject_row(spec.name, articles.get(article_id, {
                    "article_id": article_id, "source_path": "", "record": None}), message, run_id))
        done = batch.filter(pc.invert(pc.is_in(batch.column("article_id"),
                                               value_set=pa.array(sorted(result.failures), type=pa.string()))))
        io.remove_rows(settings.out, ledger_name(spec.name), ids)
        io.append_rows(settings.out, ledger_name(spec.name), [
            {"article_id": a, "content_hash": h, "rules_version": version, "run_id": run_id, io.PARTITION_KEY: m}
            for a, h, m in zip(done.column("article_id").to_pylist(), done.column("content_hash").to_pylist(),
                               done.column(io.PARTITION_KEY).to_pylist())
        ], part_key=part_key, schema=LEDGER)
        progress.advance(batch.num_rows, batch=number)
    progress.close()
    for table in spec.writes:
        io.ensure_readable(settings.out, table)
    return report
