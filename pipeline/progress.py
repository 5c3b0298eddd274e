"""Progress for long stages: a rich bar on a terminal, plain log lines otherwise.

Nightly runs under cron have no terminal; there each batch becomes one
``key=value`` line on stderr that a log collector can parse.
"""

from __future__ import annotations

import logging
import sys
import time

from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress

from pipeline.config import Settings

log = logging.getLogger("pipeline")


def configure_logging(verbose: bool = False) -> None:
    """Send the pipeline's log lines to stderr as ``time level message``."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%Y-%m-%dT%H:%M:%S"))
    root = logging.getLogger("pipeline")
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    root.propagate = False


class Progress:
    """Counts work done in one stage and shows it."""

    def __init__(self, stage: str, *, total: int, settings: Settings) -> None:
        self.stage, self.total, self.done = stage, total, 0
        self.started = time.perf_counter()
        show = settings.show_progress if settings.show_progress is not None else sys.stderr.isatty()
        self._bar: RichProgress | None = None
        if show and total:
            self._bar = RichProgress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                     TimeElapsedColumn(), transient=True)
            self._bar.start()
            self._task = self._bar.add_task(stage, total=total)
        log.info("stage=%s event=start todo=%d", stage, total)

    def advance(self, count: int, **fields: object) -> None:
        """Record ``count`` more units done."""
        self.done += count
        if self._bar is not None:
            self._bar.update(self._task, advance=count)
        else:
            extra = " ".join(f"{key}={value}" for key, value in fields.items())
            log.info("stage=%s event=progress done=%d total=%d %s", self.stage, self.done, self.total, extra)

    def close(self) -> None:
        """Stop the bar and log the stage's time."""
        if self._bar is not None:
            self._bar.stop()
        log.info("stage=%s event=end done=%d seconds=%.2f", self.stage, self.done, time.perf_counter() - self.started)
