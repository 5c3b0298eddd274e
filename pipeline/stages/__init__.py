"""The stages in order, what each writes, and how to call each.

Each per-article stage module exposes ``SPEC`` (a `StageSpec`) and a batch
function; `STAGES` maps a stage name to a callable ``(settings, *, run_id)``.
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.config import Settings
from pipeline.errors import NotBuiltError
from pipeline.stages.base import StageReport, StageSpec
from pipeline.stages.ingest import SPEC as INGEST_SPEC
from pipeline.stages.ingest import ingest

ORDER = ("ingest", "extract", "normalize", "events")


def _not_built(name: str, issue: str) -> Callable[..., StageReport]:
    def stage(settings: Settings, *, run_id: str) -> StageReport:
        raise NotBuiltError(f"stage {name!r} is not built yet ({issue}); nothing was written")
    return stage


STAGES: dict[str, Callable[..., StageReport]] = {
    "ingest": ingest,
    "extract": _not_built("extract", "issue 3: countries and officials"),
    "normalize": _not_built("normalize", "issues 3-5"),
    "events": _not_built("events", "issue 6"),
}

SPECS: dict[str, StageSpec] = {"ingest": INGEST_SPEC}

# Which stage writes each table, for "run X first" messages.
PRODUCERS: dict[str, str] = {"articles": "ingest", "rejects": "ingest"}
