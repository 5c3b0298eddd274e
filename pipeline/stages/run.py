"""Running a per-article stage: prune, plan, process the batches where the executor puts them, write.

A *probe* measures every batch from outside the stage (`pipeline.bench.memory`
reads memory with one): a function of no arguments, called in the process
that ran the batch right after it, and again in the stage's own process once
the batch is written. Its readings land in `StageReport.probes`.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa

from pipeline import io
from pipeline.config import Settings
from pipeline.errors import RulesError
from pipeline.executors import ExecutorSettings, map_batches
from pipeline.progress import Progress, log_event
from pipeline.schemas import schema_for
from pipeline.stages.plan import RowFiles, batches, load_batch, partition_inputs, plan, require_inputs
from pipeline.stages.spec import BatchFunction, BatchResult, StageReport, StageSpec, ledger_name, rules_version
from pipeline.stages.write import prune, write_batch

# A module-level function, so that the processes and dask executors can pickle it.
Probe = Callable[[], Any]
# Reads a stage's rule files under the models folder it is given into what its batches use.
RulesLoader = Callable[[Path], Any]


def _run_batch(process: BatchFunction, inputs: Mapping[str, pa.Table], settings: Settings, *,
               probe: Probe | None = None) -> BatchResult:
    """Run ``process`` where the executor put it, hand Arrow's freed memory back, then read ``probe`` there."""
    result = process(inputs, settings)
    io.release_memory()
    if probe is not None:
        result.probe = probe()
    return result


def check_rules(spec: StageSpec, load: RulesLoader, settings: Settings) -> None:
    """Load the stage's rule files once before any batch; fail the stage with `RulesError` if they do not load.

    A rule file that does not load (a row short of a column, a bad value) would fail every article of
    every batch, and each batch first removes its articles' earlier rows: the tables would empty into
    ``rejects``. Failing here leaves every table as the last good run left it. The loaders cache what
    they read per process, so with the local executor the batches reuse it.
    """
    try:
        load(settings.models_dir)
    except Exception as error:  # whatever the loader raised, it would have hit every article
        raise RulesError(f"stage {spec.name!r} cannot load its rule files under {settings.models_dir}: "
                         f"{type(error).__name__}: {error}; no article was processed (fix the file and run "
                         "again)") from error


def run_stage(spec: StageSpec, process: BatchFunction, settings: Settings, *, run_id: str,
              registry: Mapping[str, StageSpec], producers: Mapping[str, str],
              probe: Probe | None = None, load: RulesLoader | None = None) -> StageReport:
    """Run one per-article stage incrementally: prune, plan, process batches, write, ledger.

    ``registry`` holds the upstream stages' declarations (for the rules version), ``producers``
    names the stage that writes each table (for the message when an input is missing),
    ``probe`` measures each batch (see the module docstring), and ``load`` reads the stage's
    rule files (`check_rules`) before the first batch, when there is one.
    """
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
    # Only when there is work: a night with nothing new does not load the spaCy pipeline and the parser.
    # A failure here discards the pruning with the rest of the stage's unpublished writes.
    if load is not None and todo.num_rows:
        check_rules(spec, load, settings)
    report.rows_in = todo.num_rows
    report.inputs = partition_inputs(todo)
    progress = Progress(spec.name, total=todo.num_rows, settings=settings, skipped=report.skipped)
    planned = list(batches(todo, settings.batch_size))
    files = RowFiles([*spec.reads, ledger_name(spec.name), *spec.writes], settings, todo)
    # Inputs are read here, lazily, so at most 2 x workers batches are in memory;
    # the batch function runs wherever the executor puts it.
    payloads = ((load_batch(spec, batch, settings, files), settings) for batch in planned)
    executor = ExecutorSettings(settings.executor, workers=settings.workers, scheduler=settings.scheduler)
    # A partial of a module-level function, so the processes and dask executors can pickle it.
    outcomes = map_batches(partial(_run_batch, process, probe=probe), payloads, executor)
    for number, (batch, ((inputs, _), result, error)) in enumerate(zip(planned, outcomes)):
        if error is not None:  # a batch-level failure: record every article, keep going
            detail = f"{type(error).__name__}: {error}\n{''.join(traceback.format_exception(error, limit=3))}"
            result = BatchResult(failures={a: detail for a in batch.column("article_id").to_pylist()})
        report.processed_ids.extend(batch.column("article_id").to_pylist())
        articles = {r["article_id"]: r for r in inputs["articles"].select(
            ["article_id", "source_path", "record"]).to_pylist()} if "articles" in inputs else {}
        write_batch(spec, settings, batch, result, version=version, run_id=run_id, articles=articles,
                    report=report, stored=files)
        io.release_memory()
        if probe is not None:
            report.probes.append((result.probe, probe()))
        progress.advance(batch.num_rows, batch=number, failed=len(result.failures))
    progress.close()
    for table in spec.writes:
        io.ensure_readable(settings.out, table)
    return report
