"""Running stages: the lock, the ``runs`` manifest, ``rejects``, exit codes.

Exit codes (also in the README): 0 everything processed; 1 a stage failed
(nothing half-written: earlier tables stay readable); 2 finished, but some
inputs were rejected (see the ``rejects`` table).
"""

from __future__ import annotations

import json
import os
import platform
import secrets
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import pyarrow.compute as pc

from pipeline import io
from pipeline.config import Settings
from pipeline.progress import log
from pipeline.errors import LockedError, PipelineError
from pipeline.stages.base import StageReport

EXIT_OK, EXIT_FAILED, EXIT_REJECTS = 0, 1, 2
PACKAGES = ("spacy", "dateparser", "pandas", "pyarrow", "typer", "rich", "pycountry")


def new_run_id() -> str:
    """A unique id for one invocation (time-ordered; ids of rows never depend on it)."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def package_versions() -> str:
    """JSON of the versions of Python and the main packages."""
    versions = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "missing"
    return json.dumps(versions, sort_keys=True)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold ``out/.pipeline.lock`` for the duration; a lock left by a dead process is taken over."""
    out.mkdir(parents=True, exist_ok=True)
    lock = out / ".pipeline.lock"
    me = f"{socket.gethostname()} {os.getpid()}"
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            try:
                host, pid = lock.read_text().split()
            except (OSError, ValueError):
                host, pid = "", "0"
            if host == socket.gethostname() and not _pid_alive(int(pid)):
                log.warning("taking over the lock of dead process %s on %s", pid, out)
                lock.unlink(missing_ok=True)
                continue
            raise LockedError(f"another run (process {pid} on {host or 'unknown host'}) is writing to {out}; "
                              f"wait for it to finish, or delete {lock} if that process is gone") from None
        with os.fdopen(fd, "w") as handle:
            handle.write(me)
        break
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)


def save_rejects(settings: Settings, stage: str, rows: list[dict], *, replace_paths: list[str] | None = None,
                 replace_articles: list[str] | None = None) -> None:
    """Merge ``rows`` into ``rejects``, dropping the stage's earlier rejects for the same inputs."""
    table = io.read(settings.out, "rejects")
    stage_mask = pc.equal(table.column("stage"), stage)
    drop = None
    if replace_paths is not None:
        drop = pc.and_(stage_mask, pc.is_in(table.column("source_path"), value_set=pa_strings(replace_paths)))
    if replace_articles is not None:
        hit = pc.and_(stage_mask, pc.is_in(table.column("article_id"), value_set=pa_strings(replace_articles)))
        drop = hit if drop is None else pc.or_(drop, hit)
    existing = table.to_pylist() if drop is None else table.filter(pc.invert(pc.fill_null(drop, False))).to_pylist()
    merged = {row["reject_id"]: row for row in existing}
    merged.update({row["reject_id"]: row for row in rows})
    io.replace_table(settings.out, "rejects", list(merged.values()), sort_by=["stage", "source_path", "reject_id"])


def pa_strings(values: list[str]):
    """A pyarrow string array (helper for set membership)."""
    import pyarrow as pa

    return pa.array(sorted(set(values)), type=pa.string())


def record_run(settings: Settings, run_id: str, report: StageReport, *, started: datetime, status: str,
               message: str | None = None) -> None:
    """Append one row to the ``runs`` manifest."""
    table = io.read(settings.out, "runs")
    rows = table.to_pylist()
    rows.append({
        "run_id": run_id, "stage": report.stage, "started_at": started, "ended_at": datetime.now(UTC),
        "inputs": report.inputs, "rules_version": report.rules_version, "rows_in": report.rows_in,
        "rows_out": report.rows_out, "rejects": len(report.rejects), "skipped": report.skipped,
        "status": status, "message": message, "packages": package_versions(),
    })
    io.replace_table(settings.out, "runs", rows, sort_by=["started_at", "stage"])


@dataclass
class RunSummary:
    """What a command did: one report per stage, the time, and the exit code."""

    run_id: str
    reports: list[StageReport] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None

    @property
    def rejects(self) -> int:
        return sum(len(r.rejects) for r in self.reports)

    @property
    def exit_code(self) -> int:
        if self.error:
            return EXIT_FAILED
        return EXIT_REJECTS if self.rejects else EXIT_OK


StageFunction = Callable[[Settings], StageReport]


def run_stages(settings: Settings, stages: list[tuple[str, Callable[..., StageReport]]]) -> RunSummary:
    """Run ``stages`` in order under the lock, recording each in ``runs`` and ``rejects``."""
    summary = RunSummary(run_id=new_run_id())
    began = time.perf_counter()
    with locked(settings.out):
        for name, function in stages:
            started = datetime.now(UTC)
            try:
                report = function(settings, run_id=summary.run_id)
            except (PipelineError, FileNotFoundError, ValueError) as error:
                summary.error = str(error)
                record_run(settings, summary.run_id, StageReport(stage=name, rules_version="n/a"),
                           started=started, status="failed", message=str(error))
                break
            summary.reports.append(report)
            # Earlier rejects of the inputs processed again are replaced by this run's.
            save_rejects(settings, name, report.rejects, replace_paths=report.processed_paths,
                         replace_articles=report.processed_ids)
            record_run(settings, summary.run_id, report, started=started,
                       status="ok" if not report.rejects else "rejects")
    summary.seconds = time.perf_counter() - began
    io.ensure_readable(settings.out, "rejects")
    return summary

