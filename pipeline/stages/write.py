"""Writing a per-article stage's batches, rejects and ledger in a crash-safe order.

For each batch the runner first forgets the batch's articles in the ledger,
then removes their earlier rows from every output table, appends the new rows
and the batch's rejects, and only then records the articles in the ledger. A
crash at any point therefore leaves those articles unrecorded, and the next
run does them again, without duplicates.

Before planning, `prune` removes the rows of articles that no longer exist in
``articles`` (ingest replaced or dropped them), so a later table never keeps
rows of a vanished article id.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from pipeline import io
from pipeline.articles import short_hash
from pipeline.config import Settings
from pipeline.schemas import LEDGER, schema_for
from pipeline.stages.plan import RowFiles, string_set
from pipeline.stages.spec import BatchResult, StageReport, StageSpec, ledger_name


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
        drop = pc.and_(stage_mask, pc.is_in(table.column("source_path"), value_set=string_set(replace_paths)))
    if replace_articles:
        hit = pc.and_(stage_mask, pc.is_in(table.column("article_id"), value_set=string_set(replace_articles)))
        drop = hit if drop is None else pc.or_(drop, hit)
    kept = table if drop is None else table.filter(pc.invert(pc.fill_null(drop, False)))
    if drop is not None and kept.num_rows == table.num_rows and not rows:
        return  # nothing to change: spare the write
    merged = {row["reject_id"]: row for row in kept.to_pylist()}
    merged.update({row["reject_id"]: row for row in rows})
    io.replace_table(settings.out, "rejects", list(merged.values()), sort_by=["stage", "source_path", "reject_id"])


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
    id_array = string_set(ids)

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
    done = batch.filter(pc.invert(pc.is_in(batch.column("article_id"), value_set=string_set(list(result.failures)))))
    io.append_rows(settings.out, ledger, [
        {"article_id": a, "content_hash": h, "rules_version": version, "run_id": run_id, io.PARTITION_KEY: m}
        for a, h, m in zip(done.column("article_id").to_pylist(), done.column("content_hash").to_pylist(),
                           done.column(io.PARTITION_KEY).to_pylist())
    ], part_key=part_key, schema=LEDGER)
