"""Running the pipeline's stages for a measurement, noting which are not built yet.

A stage that raises `NotBuiltError` stops the run there (later stages need
its tables); the stages after it are "not run". Measurements then report
"not built" for what depends on them instead of failing as a whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pipeline.config import Settings
from pipeline.errors import NotBuiltError
from pipeline.runner import RunSummary, run_stages
from pipeline.stages.spec import StageReport

OK, NOT_BUILT, FAILED, NOT_RUN = "ok", "not built", "failed", "not run"


@dataclass
class StageRun:
    """What running the stages did: each stage's status and message, and the runner's summary."""

    summary: RunSummary
    status: dict[str, str] = field(default_factory=dict)
    messages: dict[str, str] = field(default_factory=dict)

    def first_blocked(self, stage: str, order: Sequence[str]) -> tuple[str, str] | None:
        """For ``stage``, the first stage up to it that did not finish: ``(name, status)``, or None."""
        for name in order[: order.index(stage) + 1]:
            if self.status.get(name, NOT_RUN) != OK:
                return name, self.status.get(name, NOT_RUN)
        return None


def _watched(name: str, function: Callable[..., StageReport], not_built: dict[str, str]
             ) -> Callable[..., StageReport]:
    def stage(settings: Settings, *, run_id: str) -> StageReport:
        try:
            return function(settings, run_id=run_id)
        except NotBuiltError as error:
            not_built[name] = str(error)
            raise
    return stage


def run_watched(settings: Settings, names: Sequence[str],
                stages: dict[str, Callable[..., StageReport]] | None = None) -> StageRun:
    """Run ``names`` in order through `pipeline.runner.run_stages`; classify each stage's outcome."""
    if stages is None:
        from pipeline.stages.registry import STAGES as stages
    not_built: dict[str, str] = {}
    summary = run_stages(settings, [(name, _watched(name, stages[name], not_built)) for name in names])
    result = StageRun(summary=summary)
    done = {report.stage for report in summary.reports}
    stopped = False
    for name in names:
        if name in done:
            result.status[name] = OK
        elif stopped:
            result.status[name] = NOT_RUN
        else:
            stopped = True
            result.status[name] = NOT_BUILT if name in not_built else FAILED
            result.messages[name] = not_built.get(name) or summary.error or "stopped"
    return result
