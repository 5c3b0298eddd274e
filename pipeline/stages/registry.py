"""The stages in order, what each declares, and how to call each.

Each per-article stage module exposes ``SPEC`` (a `StageSpec`) and a batch
function; `STAGES` maps a stage name to a callable ``(settings, *, run_id)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from pipeline.config import Settings
from pipeline.stages import events, extract, normalize
from pipeline.stages.ingest import SPEC as INGEST_SPEC
from pipeline.stages.ingest import ingest
from pipeline.stages.run import Probe, RulesLoader, run_stage
from pipeline.stages.spec import BatchFunction, StageReport, StageSpec

ORDER = ("ingest", "extract", "normalize", "events")
StageFunction = Callable[..., StageReport]
# A step after a stage's batches, over the whole of its tables: ``(settings, *, run_id)`` → rows written per table.
AfterBatches = Callable[..., dict[str, int]]



class PerArticleStage(NamedTuple):
    """How a per-article stage fills its tables."""

    spec: StageSpec
    process: BatchFunction
    after: AfterBatches | None  # the step after the batches (events merges its rows into ``events``)
    load: RulesLoader  # reads its rule files, checked before the first batch (`check_rules`)


PER_ARTICLE: dict[str, PerArticleStage] = {
    "extract": PerArticleStage(extract.SPEC, extract.extract_batch, None, extract.load_rules),
    "normalize": PerArticleStage(normalize.SPEC, normalize.normalize_batch, None, normalize.resources_for),
    "events": PerArticleStage(events.SPEC, events.events_batch, events.after_batches, events.resources_for),
}

SPECS: dict[str, StageSpec] = {"ingest": INGEST_SPEC, **{name: stage.spec for name, stage in PER_ARTICLE.items()}}

# Which stage writes each table, for "run X first" messages.
PRODUCERS: dict[str, str] = {table: name for name, spec in SPECS.items() for table in spec.writes}
PRODUCERS["rejects"] = "ingest"


def per_article_stage(name: str, *, probe: Probe | None = None) -> StageFunction:
    """The callable ``(settings, *, run_id)`` that runs per-article stage ``name`` (``probe``: see `run_stage`)."""
    spec, process, after, load = PER_ARTICLE[name]

    def stage(settings: Settings, *, run_id: str) -> StageReport:
        report = run_stage(spec, process, settings, run_id=run_id, registry=SPECS, producers=PRODUCERS,
                           probe=probe, load=load)
        if after is not None:
            for table, written in after(settings, run_id=run_id).items():
                report.written[table] = written
                report.rows_out += written
        return report

    stage.__name__ = name
    return stage


STAGES: dict[str, StageFunction] = {"ingest": ingest, **{name: per_article_stage(name) for name in PER_ARTICLE}}
