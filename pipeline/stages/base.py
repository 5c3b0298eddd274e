"""Stage bookkeeping shared by every per-article stage (DVC-like).

A stage declares the tables it reads, the tables it writes, its rule files
and its own code. Its *rules version* hashes those files and the upstream
stage's rules version, so a changed pattern file reruns that stage and the
stages after it, and nothing else does. A ledger (``_ledger/<stage>``) records
which article was processed with which content hash and rules version; an
article whose pair is already there is skipped unless ``force``.

Batches are planned in storage order (publication month, then the part file
of ``articles``), and a run indexes once which part files hold its articles
(`RowFiles`), so each batch reads and rewrites few files. For each batch the
runner first forgets the batch's articles in the ledger, then removes their
earlier rows from every output table, appends the new rows and the batch's
rejects, and only then records the articles in the ledger. A crash at any
point therefore leaves those articles unrecorded, and the next run does them
again, without duplicates.

Before planning, `prune` removes the rows of articles that no longer exist in
``articles`` (ingest replaced or dropped them), so a later table never keeps
rows of a vanished article id.
"""

from __future__ import annotations

import hashlib
import os
import resource
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from pipeline import io
from pipeline.articles import short_hash
from pipeline.config import PROJECT_ROOT, Settings
from pipeline.errors import MissingInputError
from pipeline.executors import ExecutorSettings, map_batches
from pipeline.progress import Progress, log_event
from pipeline.schemas import LEDGER, schema_for

# A batch function gets the batch's rows of every table the stage reads and
# returns rows for every table it writes, plus per-article failures.
BatchFunction = Callable[[Mapping[str, pa.Table], Settings], "BatchResult"]


@dataclass
class BatchResult:
    """What one batch produced: rows per output table and per-article failures.

    A table's rows are dicts, or a pyarrow Table with the table's columns but
    ``run_id`` (the runner sets it in either form).
    """

    rows: dict[str, list[dict[str, Any]] | pa.Table] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)  # article_id -> message
    # Memory of the process that ran the batch as it finished (set by `run_stage`): its high-water mark, and
    # what it held then (resident; None where /proc is missing).
    peak_rss_mb: float | None = None
    rss_mb: float | None = None


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
    # The columns the batch function uses, for the tables of ``reads`` that need not be read whole.
    columns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


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
    pruned: int = 0  # articles whose rows were removed because they left ``articles``
    batch_peak_rss_mb: list[float] = field(default_factory=list)  # per batch, of the process that ran it
    batch_rss_mb: list[float] = field(default_factory=list)  # per batch, resident after it
    caller_rss_mb: list[float] = field(default_factory=list)  # per batch, this process's resident after writing it


def _hash_paths(paths: list[tuple[Path, Path]]) -> str:
    """Hash ``(root, path)`` pairs: each path relative to its root, then its bytes."""
    digest = hashlib.sha256()
    for root, path in paths:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\x00")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _expand(patterns: tuple[str, ...], root: Path) -> list[Path]:
    """Files under ``root`` matching ``patterns``, sorted; hidden and cache files are not rules."""
    paths: list[Path] = []
    for pattern in patterns:
        matched = sorted(p for p in root.glob(pattern) if p.is_file() and not any(
            part.startswith(".") or part == "__pycache__" for part in p.relative_to(root).parts))
        paths.extend(matched)
    return paths


def rules_version(spec: StageSpec, registry: Mapping[str, StageSpec], settings: Settings) -> str:
    """Hash of the stage's code, its rule files and the upstream rules version.

    Rule files are hashed by their path relative to ``settings.models_dir``,
    so a copy of the models folder elsewhere gives the same version.
    """
    code = [(PROJECT_ROOT, p) for p in _expand(spec.code, PROJECT_ROOT)]
    rules = [(settings.models_dir, p) for p in _expand(spec.rules, settings.models_dir)]
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
    """Return the articles (id, hash, month) to process, in storage order, and the number skipped as done.

    Storage order is by month, then by the ``articles`` part file that holds
    each article, then by id: batches cut from it read one or two part files
    each, however many the month holds, and the next stage's batches line up
    with the part files this one writes.
    """
    articles = io.read(settings.out, "articles", columns=["article_id", "content_hash", "published_at",
                                                          io.PARTITION_KEY, io.FILE_COLUMN])
    articles = _in_window(articles, settings).sort_by(
        [(key, "ascending") for key in (io.PARTITION_KEY, io.FILE_COLUMN, "article_id")])
    articles = articles.drop_columns(["published_at", io.FILE_COLUMN])
    if settings.force:
        return articles, 0
    ledger = io.read(settings.out, ledger_name(spec.name), schema=LEDGER,
                     columns=["article_id", "content_hash", "rules_version"])
    ledger = ledger.filter(pc.equal(ledger.column("rules_version"), version))
    # Compared in Arrow: a Python pair per article cost a few hundred bytes each, for good, at scale.
    done = _pair_keys(ledger).combine_chunks()
    todo = articles.filter(pc.invert(pc.is_in(_pair_keys(articles), value_set=done)))
    return todo, articles.num_rows - todo.num_rows


def _pair_keys(table: pa.Table, separator: str = "\x00") -> pa.ChunkedArray:
    """``article_id`` and ``content_hash`` of each row joined into one string."""
    return pc.binary_join_element_wise(table.column("article_id"), table.column("content_hash"), separator)


def batches(todo: pa.Table, size: int) -> Iterator[pa.Table]:
    """Split the work (in `plan`'s order) into batches of at most ``size`` articles."""
    for start in range(0, todo.num_rows, size):
        yield todo.slice(start, size)


class RowFiles:
    """Which part files hold rows of a run's articles, for each table a stage reads or writes.

    Found once, before the first batch (`io.files_holding`), so a batch reads
    and rewrites only the files that hold its own articles: its memory and
    I/O then depend on the batch, not on how many articles its month holds.
    The index stays true during the run: the tables a stage reads are not
    written while it runs (the stage lock keeps other writers out), and what
    the run appends to its own tables belongs to other batches' articles.
    """

    def __init__(self, tables: Iterable[str], settings: Settings, todo: pa.Table) -> None:
        ids = _strings(todo.column("article_id").to_pylist())
        months = pc.unique(todo.column(io.PARTITION_KEY)).to_pylist()
        self.index = {name: io.files_holding(settings.out, name, ids, months=months) for name in tables}

    def files(self, table: str, ids: pa.Array) -> list[Path]:
        """The part files of ``table`` that hold any of ``ids`` (see `_strings`)."""
        index = self.index.get(table)
        return index.files(ids) if index is not None else []


# Columns read from an input table whatever the stage declares: the key, and what a ``rejects`` row names.
_ALWAYS_READ = {"articles": ("article_id", "source_path", "record")}


def input_columns(spec: StageSpec, table: str) -> list[str] | None:
    """The columns of input ``table`` a batch gets: those the stage declares plus the key, or None for all."""
    declared = spec.columns.get(table)
    if declared is None:
        return None
    return list(dict.fromkeys([*_ALWAYS_READ.get(table, ("article_id",)), *declared]))


def load_batch(spec: StageSpec, batch: pa.Table, settings: Settings, files: RowFiles) -> dict[str, pa.Table]:
    """Read the batch's rows of every input table (the declared columns), from the part files that hold them."""
    ids = _strings(batch.column("article_id").to_pylist())
    selector = pc.field("article_id").isin(ids)
    return {table: io.read(settings.out, table, columns=input_columns(spec, table), filter=selector,
                           files=files.files(table, ids))
            for table in spec.reads}


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


def save_rejects(settings: Settings, stage: str, rows: list[dict], *, replace_paths: list[str] | None = None,
                 replace_articles: list[str] | None = None) -> None:
    """Merge ``rows`` into ``rejects``, dropping the stage's earlier rejects for the same inputs.

    ``replace_paths`` (raw files read again) and ``replace_articles`` (articles
    processed again) name the inputs whose old rejects this stage's new ones
    replace; rejects of other stages and other inputs stay.
    """
    if not rows and not replace_paths and not replace_articles:
        return
    table = io.read(settings.out, "rejects")
    stage_mask = pc.equal(table.column("stage"), stage)
    drop = None
    if replace_paths:
        drop = pc.and_(stage_mask, pc.is_in(table.column("source_path"), value_set=_strings(replace_paths)))
    if replace_articles:
        hit = pc.and_(stage_mask, pc.is_in(table.column("article_id"), value_set=_strings(replace_articles)))
        drop = hit if drop is None else pc.or_(drop, hit)
    kept = table if drop is None else table.filter(pc.invert(pc.fill_null(drop, False)))
    if drop is not None and kept.num_rows == table.num_rows and not rows:
        return  # nothing to change: spare the write
    merged = {row["reject_id"]: row for row in kept.to_pylist()}
    merged.update({row["reject_id"]: row for row in rows})
    io.replace_table(settings.out, "rejects", list(merged.values()), sort_by=["stage", "source_path", "reject_id"])


def _strings(values: list[str]) -> pa.Array:
    """A sorted, de-duplicated pyarrow string array (for set membership)."""
    return pa.array(sorted(set(values)), type=pa.string())


def _article_tables(spec: StageSpec) -> list[tuple[str, pa.Schema]]:
    """The stage's output tables keyed by ``article_id``, then its ledger (last: see `prune`)."""
    tables = [(name, schema_for(name)) for name in spec.writes]
    tables = [(name, schema) for name, schema in tables if schema.get_field_index("article_id") >= 0]
    return tables + [(ledger_name(spec.name), LEDGER)]


def prune(spec: StageSpec, settings: Settings) -> list[str]:
    """Remove the stage's rows of articles that are no longer in ``articles``; return their ids.

    Ingest replaces the rows of a changed file, so the ids of its old articles
    vanish; their mentions, normalized rows, ledger entries and this stage's
    rejects must go too. The output tables are cleaned before the ledger, so a
    crash in between leaves the ids in the ledger and the next run finishes
    the job. The outputs and the stage's rejects are scanned too (not only
    the ledger), which also catches rows a killed batch left unrecorded and
    articles that failed.
    """
    live = pc.unique(io.read(settings.out, "articles", columns=["article_id"]).column("article_id"))
    orphans: set[str] = set()
    for name, schema in _article_tables(spec):
        if not io.exists(settings.out, name):
            continue
        ids = pc.unique(io.read(settings.out, name, schema=schema, columns=["article_id"]).column("article_id"))
        orphans.update(ids.filter(pc.invert(pc.is_in(ids, value_set=live))).to_pylist())
    rejects = io.read(settings.out, "rejects", columns=["stage", "article_id"])
    failed = pc.unique(rejects.filter(pc.equal(rejects.column("stage"), spec.name)).column("article_id").drop_null())
    orphans.update(failed.filter(pc.invert(pc.is_in(failed, value_set=live))).to_pylist())
    if not orphans:
        return []
    *outputs, (ledger, _) = _article_tables(spec)
    for name, _ in outputs:
        io.remove_rows(settings.out, name, orphans)
    save_rejects(settings, spec.name, [], replace_articles=sorted(orphans))
    io.remove_rows(settings.out, ledger, orphans)
    return sorted(orphans)


def _partition_inputs(todo: pa.Table) -> list[str]:
    """The input partitions of a run with a hash of the (article, content) pairs read from each."""
    entries = []
    for month in sorted(pc.unique(todo.column(io.PARTITION_KEY)).to_pylist()):
        rows = todo.filter(pc.equal(todo.column(io.PARTITION_KEY), month))
        rows = rows.sort_by([("article_id", "ascending"), ("content_hash", "ascending")])
        entries.append(f"articles/{io.PARTITION_KEY}={month}#{_hash_strings(_pair_keys(rows, ':'))}")
    return entries


def _hash_strings(values: pa.ChunkedArray, chunk: int = 50_000) -> str:
    """`short_hash` of the strings of ``values``, read a slice at a time rather than all at once."""
    digest = hashlib.sha256()
    for start in range(0, len(values), chunk):
        part = "\x00".join(values.slice(start, chunk).to_pylist())
        digest.update((("\x00" if start else "") + part).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def _check_rows(stage: str, table: str, rows: list[dict[str, Any]], month_of: Mapping[str, str]) -> None:
    """Refuse rows of articles outside the batch or in another month than their article's.

    Either would escape the removal of the batch's earlier rows (which looks
    only at the batch's ids in their months) and so duplicate on a rerun.
    """
    for row in rows:
        article_id = row.get("article_id")
        if article_id not in month_of:
            raise ValueError(f"stage {stage!r} returned a {table!r} row for article {article_id!r}, "
                             "which is not in the batch it was given")
        if row.get(io.PARTITION_KEY) != month_of[article_id]:
            raise ValueError(f"stage {stage!r} returned a {table!r} row for article {article_id!r} with "
                             f"{io.PARTITION_KEY}={row.get(io.PARTITION_KEY)!r}; the article's is "
                             f"{month_of[article_id]!r}")


def write_batch(spec: StageSpec, settings: Settings, batch: pa.Table, result: BatchResult, *, version: str,
                run_id: str, articles: Mapping[str, Mapping[str, Any]], report: StageReport,
                stored: RowFiles | None = None) -> None:
    """Write one processed batch in the crash-safe order described in the module docstring.

    ``articles`` maps an article id to its ``source_path`` and ``record`` (for
    rejects). Failed articles get a ``rejects`` row and no ledger entry, so
    the next run tries them again. ``stored`` says which files hold the
    batch's earlier rows; without it every file of the batch's months is read.
    """
    ids = batch.column("article_id").to_pylist()
    months = pc.unique(batch.column(io.PARTITION_KEY)).to_pylist()
    month_of = dict(zip(ids, batch.column(io.PARTITION_KEY).to_pylist()))
    for table in spec.writes:
        rows = result.rows.get(table, [])
        if isinstance(rows, pa.Table):  # each (article, month) pair once
            rows = rows.group_by(["article_id", io.PARTITION_KEY]).aggregate([]).to_pylist()
        _check_rows(spec.name, table, rows, month_of)
    part_key = short_hash(spec.name, *ids)
    ledger = ledger_name(spec.name)
    id_array = _strings(ids)

    def remove(table: str) -> None:
        files = stored.files(table, id_array) if stored is not None else None
        io.remove_rows(settings.out, table, ids, months=months, files=files)

    # 1. Forget the batch in the ledger first: from here until step 4 a crash means "redo".
    remove(ledger)
    # 2. Earlier rows out, new rows in (an article's rows live in its own month only).
    for table in spec.writes:
        remove(table)
    for table in spec.writes:
        rows = result.rows.get(table, [])
        if isinstance(rows, pa.Table):
            rows = rows.append_column("run_id", pa.array([run_id] * rows.num_rows, type=pa.string()))
        else:
            for row in rows:
                row["run_id"] = run_id
        written = io.append_rows(settings.out, table, rows, part_key=part_key)
        report.written[table] = report.written.get(table, 0) + written
        report.rows_out += written
    # 3. The batch's rejects replace the stage's earlier rejects of the same articles.
    rejects = [reject_row(spec.name, articles.get(article_id, {"article_id": article_id, "source_path": "",
                                                               "record": None}), message, run_id)
               for article_id, message in sorted(result.failures.items())]
    report.rejects.extend(rejects)
    save_rejects(settings, spec.name, rejects, replace_articles=ids)
    # 4. Only now record what is done.
    done = batch.filter(pc.invert(pc.is_in(batch.column("article_id"), value_set=_strings(list(result.failures)))))
    io.append_rows(settings.out, ledger, [
        {"article_id": a, "content_hash": h, "rules_version": version, "run_id": run_id, io.PARTITION_KEY: m}
        for a, h, m in zip(done.column("article_id").to_pylist(), done.column("content_hash").to_pylist(),
                           done.column(io.PARTITION_KEY).to_pylist())
    ], part_key=part_key, schema=LEDGER)


def peak_rss_mb() -> float:
    """This process's memory high-water mark in MB (``ru_maxrss``: kilobytes on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def resident_mb() -> float | None:
    """Memory this process holds now (resident set, MB), from /proc; None on systems without it."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)
    except (OSError, ValueError, IndexError):
        return None


def _measured(process: BatchFunction, inputs: Mapping[str, pa.Table], settings: Settings) -> BatchResult:
    """Run ``process`` and note the memory of the process it ran in (a worker's, off-process): peak and resident."""
    result = process(inputs, settings)
    io.release_memory()
    result.peak_rss_mb = peak_rss_mb()
    result.rss_mb = resident_mb()
    return result


def run_stage(spec: StageSpec, process: BatchFunction, settings: Settings, *, run_id: str,
              registry: Mapping[str, StageSpec], producers: Mapping[str, str]) -> StageReport:
    """Run one per-article stage incrementally: prune, plan, process batches, write, ledger."""
    require_inputs(spec, settings, producers)
    keyless = [table for table in spec.writes if schema_for(table).get_field_index("article_id") < 0]
    if keyless:
        raise ValueError(f"stage {spec.name!r} declares output tables {keyless} without an article_id column; "
                         "a per-article stage can only write tables keyed by article_id (build tables that "
                         "merge articles, such as events, after run_stage)")
    version = rules_version(spec, registry, settings)
    report = StageReport(stage=spec.name, rules_version=version)
    report.pruned = len(prune(spec, settings))
    if report.pruned:
        log_event(stage=spec.name, event="prune", articles=report.pruned)
    todo, report.skipped = plan(spec, version, settings)
    report.rows_in = todo.num_rows
    report.inputs = _partition_inputs(todo)
    progress = Progress(spec.name, total=todo.num_rows, settings=settings, skipped=report.skipped)
    planned = list(batches(todo, settings.batch_size))
    files = RowFiles([*spec.reads, ledger_name(spec.name), *spec.writes], settings, todo)
    # Inputs are read here, lazily, so at most 2 x workers batches are in memory;
    # the batch function runs wherever the executor puts it.
    payloads = ((load_batch(spec, batch, settings, files), settings) for batch in planned)
    executor = ExecutorSettings(settings.executor, workers=settings.workers, scheduler=settings.scheduler)
    # A partial of a module-level function, so the processes and dask executors can pickle it.
    outcomes = map_batches(partial(_measured, process), payloads, executor)
    for number, (batch, ((inputs, _), result, error)) in enumerate(zip(planned, outcomes)):
        if error is not None:  # a batch-level failure: record every article, keep going
            detail = f"{type(error).__name__}: {error}\n{''.join(traceback.format_exception(error, limit=3))}"
            result = BatchResult(failures={a: detail for a in batch.column("article_id").to_pylist()})
        report.processed_ids.extend(batch.column("article_id").to_pylist())
        if result.peak_rss_mb is not None:
            report.batch_peak_rss_mb.append(result.peak_rss_mb)
        if result.rss_mb is not None:
            report.batch_rss_mb.append(result.rss_mb)
        articles = {r["article_id"]: r for r in inputs["articles"].select(
            ["article_id", "source_path", "record"]).to_pylist()} if "articles" in inputs else {}
        write_batch(spec, settings, batch, result, version=version, run_id=run_id, articles=articles,
                    report=report, stored=files)
        io.release_memory()
        caller_rss = resident_mb()
        if caller_rss is not None:
            report.caller_rss_mb.append(caller_rss)
        progress.advance(batch.num_rows, batch=number, failed=len(result.failures))
    progress.close()
    for table in spec.writes:
        io.ensure_readable(settings.out, table)
    return report
