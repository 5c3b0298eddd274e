"""Progress for long stages: a rich bar on a terminal, ``key=value`` log lines otherwise.

Nightly runs under cron have no terminal; there every line on stderr is
``ts=… level=… key=value …`` (values with spaces or quotes are JSON-quoted),
so a log collector or ``grep stage=ingest`` can read it. Progress lines come
at most every `PROGRESS_EVERY` seconds (every batch with ``--verbose``); the
start and end of every stage are always logged.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from datetime import UTC, datetime

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress

from pipeline.config import Settings

log = logging.getLogger("pipeline")
PROGRESS_EVERY = 5.0  # seconds between two progress lines in a log


def format_value(value: object) -> str:
    """One value of a ``key=value`` line: bare when safe, JSON-quoted otherwise."""
    if isinstance(value, float):
        text = f"{value:.3f}".rstrip("0").rstrip(".")
    else:
        text = str(value)
    if not text or any(c.isspace() or c in '"=\\' for c in text) or not text.isprintable():
        return json.dumps(text, ensure_ascii=False)
    return text


def format_fields(**fields: object) -> str:
    """``key=value`` pairs in the given order, values quoted where needed."""
    return " ".join(f"{key}={format_value(value)}" for key, value in fields.items())


class KeyValueFormatter(logging.Formatter):
    """``ts=<UTC time> level=<level> `` then the message's fields (free text becomes ``msg="…"``)."""

    def format(self, record: logging.LogRecord) -> str:
        moment = datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        message = record.getMessage()
        body = message if getattr(record, "structured", False) else format_fields(msg=message)
        line = f"ts={moment} level={record.levelname.lower()} {body}"
        if record.exc_info:
            line += " " + format_fields(traceback=self.formatException(record.exc_info))
        return line


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the time (test runners and rich swap it)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def configure_logging(verbose: bool = False) -> None:
    """Send the pipeline's log lines to stderr as ``ts=… level=… key=value`` lines."""
    handler = _StderrHandler(sys.stderr)
    handler.setFormatter(KeyValueFormatter())
    root = logging.getLogger("pipeline")
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    root.propagate = False


def log_event(level: int = logging.INFO, /, **fields: object) -> None:
    """Log one structured line made of ``fields`` (give ``stage`` and ``event`` first)."""
    log.log(level, "%s", format_fields(**fields), extra={"structured": True})


class Progress:
    """Counts work done in one stage and shows it."""

    def __init__(self, stage: str, *, total: int, settings: Settings, skipped: int = 0) -> None:
        self.stage, self.total, self.done = stage, total, 0
        self.started = self._last_line = time.perf_counter()
        show = settings.show_progress if settings.show_progress is not None else sys.stderr.isatty()
        self._bar: RichProgress | None = None
        if show and total:
            self._bar = RichProgress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                     TimeElapsedColumn(), transient=True, console=Console(stderr=True))
            self._bar.start()
            self._task = self._bar.add_task(stage, total=total)
        log_event(stage=stage, event="start", todo=total, skipped=skipped)

    def advance(self, count: int, **fields: object) -> None:
        """Record ``count`` more units done (``fields`` go into the log line)."""
        self.done += count
        if self._bar is not None:
            self._bar.update(self._task, advance=count)
            return
        now = time.perf_counter()
        due = now - self._last_line >= PROGRESS_EVERY or self.done >= self.total
        level = logging.INFO if due else logging.DEBUG
        if log.isEnabledFor(level):
            self._last_line = now
            log_event(level, stage=self.stage, event="progress", done=self.done, total=self.total, **fields)

    def close(self) -> None:
        """Stop the bar and log the stage's time."""
        if self._bar is not None:
            self._bar.stop()
        log_event(stage=self.stage, event="end", done=self.done, seconds=round(time.perf_counter() - self.started, 2))
