"""The runner: the lock, recovery after a kill, the runs manifest, rejects and exit codes."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from pipeline import io
from pipeline.config import make_settings
from pipeline.errors import LockedError
from pipeline.runner import (LOCK_NAME, RunSummary, locked, package_versions, record_run, recover, run_stages,
                             save_rejects)
from pipeline.stages.spec import StageReport


def test_the_lock_refuses_a_second_holder_and_is_gone_afterwards(tmp_path):
    with locked(tmp_path):
        holder = (tmp_path / LOCK_NAME).read_text().split()
        assert holder[:2] == [socket.gethostname(), str(os.getpid())]
        with pytest.raises(LockedError, match=rf"another run \(process {os.getpid()} on "):
            with locked(tmp_path):
                pass
    assert not (tmp_path / LOCK_NAME).exists()
    with locked(tmp_path):  # free again
        pass


def test_a_lock_held_by_another_live_process_is_refused(tmp_path):
    # Another run, as the operating system sees it: a process holding flock on the lock file.
    script = ("import fcntl, os, socket, sys, time\n"
              "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)\nfcntl.flock(fd, fcntl.LOCK_EX)\n"
              "os.write(fd, f'{socket.gethostname()} {os.getpid()} 2025-05-02T02:15:00Z'.encode())\n"
              "print('held', flush=True)\ntime.sleep(60)\n")
    holder = subprocess.Popen([sys.executable, "-c", script, str(tmp_path / LOCK_NAME)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockedError, match=rf"process {holder.pid} on {socket.gethostname()}, started 2025-05-02"):
            with locked(tmp_path):
                pass
    finally:
        holder.kill()
        holder.wait()
    with locked(tmp_path):  # the kernel released the dead holder's lock; its file is simply reused
        pass


@pytest.mark.parametrize("content", [f"{socket.gethostname()} 4194303 2025-01-01T00:00:00Z", "", "garbage"])
def test_a_lock_file_nobody_holds_is_taken_over(tmp_path, content):
    (tmp_path / LOCK_NAME).write_text(content)
    with locked(tmp_path):
        assert (tmp_path / LOCK_NAME).read_text().split()[1] == str(os.getpid())


def report(stage: str, **counts) -> StageReport:
    return StageReport(stage=stage, rules_version="v1", **counts)


def test_record_run_replaces_the_running_row_of_the_same_stage(tmp_path):
    settings = make_settings(out=tmp_path)
    started = datetime(2025, 5, 2, 2, 15, tzinfo=UTC)
    record_run(settings, "r1", report("ingest"), started=started, status="running")
    record_run(settings, "r1", report("ingest", rows_in=3, rows_out=3, skipped=1, inputs=["a.txt#00"]),
               started=started, status="ok")
    runs = io.read(tmp_path, "runs").to_pylist()
    assert len(runs) == 1
    row = runs[0]
    assert (row["status"], row["rows_in"], row["rows_out"], row["skipped"], row["inputs"]) == ("ok", 3, 3, 1,
                                                                                              ["a.txt#00"])
    assert row["started_at"] == started and row["ended_at"] >= started
    assert json.loads(row["packages"]) == json.loads(package_versions())


def test_recover_marks_running_rows_interrupted_and_sweeps_temporary_files(tmp_path):
    settings = make_settings(out=tmp_path)
    started = datetime(2025, 5, 2, 2, 15, tzinfo=UTC)
    record_run(settings, "old", report("ingest"), started=started, status="ok")
    record_run(settings, "dead", report("extract"), started=started, status="running")
    (tmp_path / "runs" / ".tmp-x.partial").write_bytes(b"half")
    recover(settings)
    statuses = {(r["run_id"], r["status"]) for r in io.read(tmp_path, "runs").to_pylist()}
    assert statuses == {("old", "ok"), ("dead", "interrupted")}
    assert not (tmp_path / "runs" / ".tmp-x.partial").exists()


def test_package_versions_name_python_and_the_libraries():
    versions = json.loads(package_versions())
    assert {"python", "pyarrow", "pandas", "spacy", "tradenews-pipeline"} <= set(versions)
    assert "missing" not in (versions["pyarrow"], versions["python"])


@pytest.mark.parametrize(("error", "rejects", "fail_on_rejects", "code"), [
    (None, 0, False, 0), (None, 2, False, 0), ("boom", 0, False, 1), ("boom", 2, False, 1),
    (None, 0, True, 0), (None, 2, True, 2), ("boom", 2, True, 1),
])
def test_exit_codes(error, rejects, fail_on_rejects, code):
    summary = RunSummary(run_id="r", reports=[report("ingest", rejects=[{}] * rejects)], error=error,
                         fail_on_rejects=fail_on_rejects)
    assert summary.exit_code == code


def test_save_rejects_replaces_only_the_same_stage_and_inputs(tmp_path):
    settings = make_settings(out=tmp_path)

    def row(reject_id, stage, path, article=None):
        return {"reject_id": reject_id, "source_path": path, "record": 0, "reason": "stage_error", "stage": stage,
                "detail": "d", "article_id": article, "run_id": "r1"}

    save_rejects(settings, "ingest", [row("i1", "ingest", "a.txt"), row("i2", "ingest", "b.txt")])
    save_rejects(settings, "extract", [row("e1", "extract", "a.txt", "art1")], replace_articles=["art1"])
    save_rejects(settings, "ingest", [], replace_paths=["a.txt"])  # a.txt was read again, cleanly
    assert sorted(io.read(tmp_path, "rejects").column("reject_id").to_pylist()) == ["e1", "i2"]
    save_rejects(settings, "extract", [], replace_articles=["art1"])
    assert io.read(tmp_path, "rejects").column("reject_id").to_pylist() == ["i2"]


def test_an_interrupted_stage_is_recorded_and_the_lock_released(tmp_path):
    def interrupted(settings, *, run_id):
        raise KeyboardInterrupt

    settings = make_settings(out=tmp_path, show_progress=False)
    with pytest.raises(KeyboardInterrupt):
        run_stages(settings, [("extract", interrupted)])
    rows = io.read(tmp_path, "runs").to_pylist()
    assert [(r["stage"], r["status"]) for r in rows] == [("extract", "interrupted")]
    assert not (tmp_path / LOCK_NAME).exists()


@pytest.mark.parametrize("stop_at", ["running", "ok"])
def test_a_stop_while_a_runs_row_is_written_still_ends_interrupted(tmp_path, monkeypatch, stop_at):
    """A SIGTERM may land just after a ``runs`` row is written, before the stage (or its bookkeeping) goes on."""
    import pipeline.runner as runner

    real_record_run = runner.record_run

    def record_then_stop(settings, run_id, report, *, started, status, message=None):
        real_record_run(settings, run_id, report, started=started, status=status, message=message)
        if status == stop_at:
            raise KeyboardInterrupt("stopped by SIGTERM")

    monkeypatch.setattr(runner, "record_run", record_then_stop)
    settings = make_settings(out=tmp_path, show_progress=False)
    with pytest.raises(KeyboardInterrupt):
        run_stages(settings, [("extract", lambda settings, *, run_id: StageReport(stage="extract",
                                                                                   rules_version="v"))])
    rows = io.read(tmp_path, "runs").to_pylist()
    assert [(r["stage"], r["status"]) for r in rows] == [("extract", "interrupted")]


def test_an_output_folder_that_cannot_be_written_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(LockedError, match="cannot create the lock file"):
        with locked(blocker / "out"):
            pass
