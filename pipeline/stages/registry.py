"""The stages in order, what each writes, and how to call each.

Each per-article stage module exposes ``SPEC`` (a `StageSpec`) and a batch
function; `STAGES` maps a stage name to a callable ``(settings, *, run_id)``.
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.config import Settings
from pipeline.stages.spec import StageReport, StageSpec
from pipeline.stages import events as events_module
from pipeline.stages import extract as extract_module
from pipeline.stages import normalize as normalize_module
from pipeline.stages.run import run_stage
from pipeline.stages.ingest import SPEC as INGEST_SPEC
from pipeline.stages.ingest import ingest

ORDER = ("ingest", "extract", "normalize", "events")


def _per_article(spec: StageSpec, process) -> Callable[..., StageReport]:
    def stage(settings: Settings, *, run_id: str) -> StageReport:
        return run_stage(spec, process, settings, run_id=run_id, registry=SPECS, producers=PRODUCERS)
    stage.__name__ = spec.name
    return stage


SPECS: dict[str, StageSpec] = {"ingest": INGEST_SPEC, "extract": extract_module.SPEC,
                               "normalize": normalize_module.SPEC, "events": events_module.SPEC}

# Which stage writes each table, for "run X first" messages.
PRODUCERS: dict[str, str] = {table: name for name, spec in SPECS.items() for table in spec.writes}
PRODUCERS["rejects"] = "ingest"

STAGES: dict[str, Callable[..., StageReport]] = {
    "ingest": ingest,
    "extract": _per_article(extract_module.SPEC, extract_module.extract_batch),
    "normalize": _per_article(normalize_module.SPEC, normalize_module.normalize_batch),
    "events": events_module.events_stage,
}

