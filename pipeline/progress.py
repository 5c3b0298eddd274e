"""Progress for long stages: a rich bar on a terminal, ``key=value`` log lines otherwise.

Nightly runs under cron have no terminal; there every line on stderr is
``ts=… level=… key=value …`` (values with spaces or quotes are JSON-quoted),
so a log collector or ``grep stage=ingest`` can read it; with
``--log-format json`` each line is one JSON object with the same fields.
A line is never wrapped, whatever its length: an error is one line.
Progress lines come at most every `PROGRESS_EVERY` seconds (every batch with
``--verbose``); the start and end of every stage are always logged.
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


def record_fields(record: logging.LogRecord, formatter: logging.Formatter) -> dict[str, object]:
    """``ts``, ``level``, then the fields `log_event` gave (free text becomes ``msg``), then any ``traceback``."""
    moment = datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    fields: dict[str, object] = {"ts": moment, "level": record.levelname.lower()}
    fields.update(getattr(record, "fields", None) or {"msg": record.getMessage()})
    if record.exc_info:
        fields["traceback"] = formatter.formatException(record.exc_info)
    return fields


class KeyValueFormatter(logging.Formatter):
    """``ts=<UTC time> level=<level> `` then the message's fields (free text becomes ``msg="…"``)."""

    def format(self, record: logging.LogRecord) -> str:
        return format_fields(**record_fields(record, self))


class JsonFormatter(logging.Formatter):
    """One JSON object per line with the same fields as `KeyValueFormatter` (numbers stay numbers)."""

    def format(self, record: logging.LogRecord) -> str:
        return json.dumps(record_fields(record, self), ensure_ascii=False, default=str)


LOG_FORMATS = {"logfmt": KeyValueFormatter, "json": JsonFormatter}


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the time (test runners and rich swap it)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def configure_logging(verbose: bool = False, log_format: str = "logfmt") -> None:
    """Send the pipeline's log lines to stderr as ``ts=… level=… key=value`` lines (or JSON objects)."""
    if log_format not in LOG_FORMATS:
        raise ValueError(f"log format {log_format!r} is not one of {', '.join(LOG_FORMATS)}")
    handler = _StderrHandler(sys.stderr)
    handler.setFormatter(LOG_FORMATS[log_format]())
    root = logging.getLogger("pipeline")
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    root.propagate = False


def ensure_logging() -> None:
    """Configure the log lines as `configure_logging` does unless a command already has."""
    if not any(isinstance(handler, _StderrHandler) for handler in log.handlers):
        configure_logging()


def log_event(level: int = logging.INFO, /, *, exc_info: bool = False, **fields: object) -> None:
    """Log one structured line made of ``fields`` (give ``stage`` and ``event`` first).

    ``exc_info`` adds the traceback of the exception being handled to the same line, as a ``traceback`` field.
    """
    log.log(level, "%s", format_fields(**fields), extra={"fields": fields}, exc_info=exc_info)


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
