"""Running stages: the lock, the ``runs`` manifest, ``rejects``, exit codes.

Exit codes (also in the README and docs/nightly.md): 0 every stage finished
(rejected inputs are in the ``rejects`` table); 1 a stage failed (nothing
half-written: earlier tables stay readable); 2 finished with rejects, only
when asked for (``fail_on_rejects``): a scheduler, DVC or ``set -e`` reads
any code but 0 as a failure, and a reject is a bad input, not a failed run.

One run at a time may write to an output folder. The lock is an advisory
`fcntl.flock` on ``<out>/.pipeline.lock``, which the kernel releases when the
holder exits for any reason (SIGKILL included), so a lock file left by a dead
process is simply taken over; the file names the holder for the message a
refused run prints. Once the lock is held, the run repairs what a killed run
left: a half-applied publication is finished, unpublished table versions and
temporary files are deleted, and ``runs`` rows still marked ``running``
become ``interrupted``.

Each stage runs inside one `io.transaction`: readers see its tables change
only when the stage has finished (`pipeline.publish`). A stage that fails or
is stopped publishes nothing; the ``runs`` rows are published on their own.

Each stage gets a ``runs`` row when it starts (status ``running``) that is
replaced when it ends: ``ok``, ``rejects`` (finished, some inputs rejected),
``failed`` or ``interrupted``.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import platform
import secrets
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from pipeline import io, publish
from pipeline.config import Settings
from pipeline.errors import LockedError, PipelineError
from pipeline.progress import log_event
from pipeline.schemas import TABLES
from pipeline.stages.spec import StageReport
from pipeline.stages.write import save_rejects as save_rejects  # re-exported: stages and runner share it

EXIT_OK, EXIT_FAILED, EXIT_REJECTS = 0, 1, 2
LOCK_NAME = ".pipeline.lock"
INTERRUPTED_NOTE = ("the process ended before the stage finished (killed or crashed); "
                    "the next run redid what it had not recorded")
PACKAGES = ("tradenews-pipeline", "spacy", "pandas", "pyarrow", "typer", "rich", "pycountry", "feedparser",
            "trafilatura", "lxml", "defusedxml", "markdown-it-py")


def new_run_id() -> str:
    """A unique id for one invocation (time-ordered; ids of rows never depend on it)."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


@lru_cache(maxsize=1)
def package_versions() -> str:
    """JSON of the versions of Python and the main packages (looked up once per process)."""
    versions = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "missing"
    return json.dumps(versions, sort_keys=True)


def _holder(fd: int) -> str:
    """What the lock file says about its holder ("host pid since"), or "" when empty."""
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 512).decode("utf-8", "replace").strip()


def _describe(holder: str) -> str:
    parts = holder.split()
    if len(parts) >= 2:
        since = f", started {parts[2]}" if len(parts) > 2 else ""
        return f"process {parts[1]} on {parts[0]}{since}"
    return "a process that has not written its name yet"


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the run lock on ``out`` for the duration; refuse with `LockedError` while another run holds it."""
    lock = out / LOCK_NAME
    while True:
        try:
            out.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:  # a read-only or missing mount: say so instead of a traceback
            raise LockedError(f"cannot create the lock file {lock}: {error.strerror or error}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            raise LockedError(f"another run ({_describe(holder)}) is writing to {out}; wait for it to finish "
                              "(the lock frees itself when that process ends) or use another --out") from None
        # The previous holder deletes the file on exit; if it did so after we opened it, lock the new one.
        try:
            current = os.stat(lock).st_ino
        except FileNotFoundError:
            current = None
        if current == os.fstat(fd).st_ino:
            break
        os.close(fd)
    try:
        previous = _holder(fd)
        if previous:
            log_event(logging.WARNING, event="lock_taken_over", out=str(out), previous=previous,
                      note="the process that held it is gone")
        me = f"{socket.gethostname()} {os.getpid()} {datetime.now(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}"
        os.ftruncate(fd, 0)
        os.pwrite(fd, me.encode(), 0)
        yield
    finally:
        lock.unlink(missing_ok=True)  # while still holding the lock, so no one else is inside
        os.close(fd)


def recover(settings: Settings) -> None:
    """Repair what a killed run left; call it only while holding the lock.

    Finishes a publication a killed run left half applied, deletes the table
    versions it never published and its temporary files, and marks ``runs``
    rows left ``running`` as ``interrupted``. The tables need nothing else:
    they are as the last finished stage published them, and each stage redoes
    whatever its ledger does not record.
    """
    discarded = publish.recover(settings.out)
    if discarded:
        log_event(logging.WARNING, event="recover", unpublished_tables=",".join(discarded))
    stale = io.sweep_temp_files(settings.out)
    if stale:
        log_event(logging.WARNING, event="recover", temp_files_removed=len(stale))
    runs = io.read(settings.out, "runs")
    running = pc.equal(runs.column("status"), "running")
    if runs.num_rows and pc.any(running).as_py():
        ids = sorted(set(runs.filter(running).column("run_id").to_pylist()))
        log_event(logging.WARNING, event="recover", interrupted_runs=",".join(ids))
        status = pc.if_else(running, pa.scalar("interrupted"), runs.column("status"))
        note = pa.scalar(INTERRUPTED_NOTE)
        message = pc.if_else(running, note, runs.column("message"))
        runs = runs.set_column(runs.schema.get_field_index("status"), "status", status)
        runs = runs.set_column(runs.schema.get_field_index("message"), "message", message)
        io.replace_table(settings.out, "runs", runs, sort_by=["started_at", "stage"])


def record_run(settings: Settings, run_id: str, report: StageReport, *, started: datetime, status: str,
               message: str | None = None) -> None:
    """Write the ``runs`` row of ``report``'s stage in this run (replacing its ``running`` row)."""
    table = io.read(settings.out, "runs")
    rows = [row for row in table.to_pylist() if (row["run_id"], row["stage"]) != (run_id, report.stage)]
    rows.append({
        "run_id": run_id, "stage": report.stage, "started_at": started, "ended_at": datetime.now(UTC),
        "inputs": report.inputs, "rules_version": report.rules_version, "rows_in": report.rows_in,
        "rows_out": report.rows_out, "rejects": len(report.rejects), "skipped": report.skipped,
        "status": status, "message": message, "packages": package_versions(),
    })
    io.replace_table(settings.out, "runs", rows, sort_by=["started_at", "stage"])


class Terminated(KeyboardInterrupt):
    """The process received SIGTERM: handled as Ctrl-C is (the stage is recorded ``interrupted``, the lock freed)."""


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """While inside, SIGTERM raises `Terminated`, so a stopped run cleans up as after Ctrl-C.

    Python's default for SIGTERM ends the process at once: no ``finally`` runs, the stage's
    ``runs`` row stays ``running`` until the next run repairs it. Only the main thread may set a
    handler; elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        # A second SIGTERM (a supervisor repeating itself) must not cut short the clean-up of the first.
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise Terminated("stopped by SIGTERM")

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@dataclass
class RunSummary:
    """What a command did: one report per stage, the time, and the exit code."""

    run_id: str
    reports: list[StageReport] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None
    fail_on_rejects: bool = False  # exit 2, not 0, when the stages finished with rejects

    @property
    def rejects(self) -> int:
        return sum(len(r.rejects) for r in self.reports)

    @property
    def exit_code(self) -> int:
        if self.error:
            return EXIT_FAILED
        return EXIT_REJECTS if self.rejects and self.fail_on_rejects else EXIT_OK


StageFunction = Callable[[Settings], StageReport]


def _pruned_note(report: StageReport) -> str | None:
    return f"removed the rows of {report.pruned} articles no longer in articles" if report.pruned else None


def run_stages(settings: Settings, stages: list[tuple[str, Callable[..., StageReport]]], *,
               fail_on_rejects: bool = False) -> RunSummary:
    """Run ``stages`` in order under the lock, recording each in ``runs`` and ``rejects``.

    A stage that raises ends the run (later stages need its output): its row
    says ``failed`` with the error, and the summary's exit code is 1. Rejects
    make it 2 only with ``fail_on_rejects``.
    """
    summary = RunSummary(run_id=new_run_id(), fail_on_rejects=fail_on_rejects)
    began = time.perf_counter()
    with locked(settings.out):
        recover(settings)
        log_event(event="run_start", run_id=summary.run_id, out=str(settings.out), raw=str(settings.raw),
                  stages=",".join(name for name, _ in stages), force=settings.force)
        for name, function in stages:
            started = datetime.now(UTC)
            try:
                # Inside the try: a stop that lands just after the "running" row is written must
                # still turn it into "interrupted".
                record_run(settings, summary.run_id, StageReport(stage=name, rules_version="pending"),
                           started=started, status="running")
                with io.transaction(settings.out):  # the stage's tables are published when it ends
                    report = function(settings, run_id=summary.run_id)
                    # Idempotent for stages that saved their rejects as they went; needed for any that did not.
                    save_rejects(settings, name, report.rejects, replace_paths=report.processed_paths,
                                 replace_articles=report.processed_ids)
                summary.reports.append(report)
                status = "ok" if not report.rejects else "rejects"
                record_run(settings, summary.run_id, report, started=started, status=status,
                           message=_pruned_note(report))
            except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM under `terminate_as_interrupt`
                message = str(stop) or "stopped by the user (Ctrl-C)"
                log_event(logging.ERROR, stage=name, event="interrupted", run_id=summary.run_id, error=message)
                record_run(settings, summary.run_id, StageReport(stage=name, rules_version="n/a"),
                           started=started, status="interrupted", message=message)
                raise
            except Exception as error:  # any failure ends the run with a message; tables stay as they were
                expected = isinstance(error, (PipelineError, FileNotFoundError))
                message = str(error) if expected else f"{type(error).__name__}: {error}"
                summary.error = message
                # One line per error, the traceback in it when the error is a crash rather than a refusal.
                log_event(logging.ERROR, stage=name, event="failed", run_id=summary.run_id, error=message,
                          exc_info=not expected)
                record_run(settings, summary.run_id, StageReport(stage=name, rules_version="n/a"),
                           started=started, status="failed", message=message)
                break
            log_event(stage=name, event="done", run_id=summary.run_id, status=status, rows_in=report.rows_in,
                      skipped=report.skipped, rows_out=report.rows_out, rejects=len(report.rejects),
                      pruned=report.pruned, seconds=round((datetime.now(UTC) - started).total_seconds(), 2))
        io.ensure_readable(settings.out, "rejects")
    summary.seconds = time.perf_counter() - began
    log_event(event="run_end", run_id=summary.run_id, exit_code=summary.exit_code, rejects=summary.rejects,
              seconds=round(summary.seconds, 2))
    return summary


def table_names(out: Path) -> list[str]:
    """The tables and stage ledgers written under ``out``, in a stable order."""
    ledgers = out / "_ledger"
    names = [name for name in TABLES if io.exists(out, name)]  # TABLES names the ingest ledger too
    if ledgers.is_dir():
        names += sorted(f"_ledger/{p.name}" for p in ledgers.iterdir() if not p.name.startswith(".")
                        and f"_ledger/{p.name}" not in names and io.exists(out, f"_ledger/{p.name}"))
    return names


def compact_tables(settings: Settings, tables: Sequence[str] | None = None) -> dict[str, tuple[int, int]]:
    """Rewrite each partition of ``tables`` (default: every table and ledger) that holds several part files
    as one file, under the run lock and in one publication; return (files before, after) per table.

    Nightly runs add one part file per month per table each night; compacting bounds the number of files
    a reader opens. The rows stay the same.
    """
    with locked(settings.out):
        recover(settings)
        known = table_names(settings.out)
        unknown = [name for name in tables or () if name not in known]
        if unknown:
            raise PipelineError(f"no table {', '.join(map(repr, unknown))} under {settings.out}; "
                                f"tables there: {', '.join(known) or 'none'}")
        counts = {}
        with io.transaction(settings.out):
            for name in tables or known:
                counts[name] = io.compact(settings.out, name, schema=TABLES.get(name))
                log_event(event="compacted", table=name, files_before=counts[name][0], files_after=counts[name][1])
    return counts
