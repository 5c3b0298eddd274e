"""What an operator sees: exit codes, the lock, log lines without a terminal, a bar with one."""

from __future__ import annotations

import io as stdio
import os
import re
import socket

import pytest
from typer.testing import CliRunner

from pipeline.cli import app, main
from pipeline.config import make_settings
from pipeline.progress import Progress, configure_logging, format_fields, format_value
from pipeline.runner import locked

FIELD = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|\S+)(?: |$)')


@pytest.fixture
def raw(tmp_path, nightly):
    folder = tmp_path / "raw"
    nightly.write_batch(folder, 3, seed=51, months=("2025-08",), prefix="c")
    return folder


def invoke(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_exit_code_0_when_everything_was_read(raw, tmp_path):
    result = invoke("ingest", "--raw", raw, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "event=run_end" in result.output and "rejects=0" in result.output


def test_rejects_exit_0_so_schedulers_see_a_finished_run(raw, tmp_path, nightly):
    nightly.write_bad_inputs(raw, "x")
    result = invoke("ingest", "--raw", raw, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output  # DVC, Airflow and `set -e` read any other code as a failure
    assert "exit_code=0 rejects=3" in result.output


def test_exit_code_2_when_some_inputs_were_rejected_with_fail_on_rejects(raw, tmp_path, nightly):
    nightly.write_bad_inputs(raw, "x")
    result = invoke("ingest", "--raw", raw, "--out", tmp_path / "out", "--fail-on-rejects")
    assert result.exit_code == 2, result.output
    assert "exit_code=2 rejects=3" in result.output
    again = invoke("ingest", "--raw", raw, "--out", tmp_path / "out", "--fail-on-rejects")
    assert again.exit_code == 0  # the rejects were reported last night; nothing new was read


def test_exit_code_1_when_a_stage_cannot_run(tmp_path):
    result = invoke("extract", "--out", tmp_path / "empty")
    assert result.exit_code == 1
    assert "run `python -m pipeline ingest --out" in result.output


def test_exit_code_1_when_the_raw_folder_is_missing(tmp_path):
    result = invoke("ingest", "--raw", tmp_path / "nowhere", "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "does not exist" in result.output


def test_a_second_run_on_the_same_output_is_refused(raw, tmp_path):
    out = tmp_path / "out"
    with locked(out):
        result = invoke("ingest", "--raw", raw, "--out", out)
    assert result.exit_code == 1
    message = " ".join(result.output.split())
    assert f"another run (process {os.getpid()} on {socket.gethostname()}" in message
    assert f"is writing to {out}" in message
    assert not (out / "articles").exists()
    assert invoke("ingest", "--raw", raw, "--out", out).exit_code == 0  # free again once released


def test_a_second_real_process_is_refused_with_exit_code_1(raw, tmp_path, nightly):
    out = tmp_path / "out"
    with locked(out):
        result = nightly.cli("ingest", "--raw", raw, "--out", out)
    assert result.returncode == 1
    assert "another run (process" in " ".join(result.stderr.split())


@pytest.mark.parametrize(("argv", "code", "words"), [
    (["run", "--since", "2025-13-01"], 1, "is not a date"),  # 2 would read as "finished with rejects"
    (["ingest", "--since", "2025-01-01"], 1, "No such option"),
    (["nightly"], 1, "No such command"),
    (["--help"], 0, "Usage"),
])
def test_the_entry_point_exits_1_on_a_usage_error(monkeypatch, capsys, argv, code, words):
    monkeypatch.setattr("sys.argv", ["pipeline", *argv])
    with pytest.raises(SystemExit) as stop:
        main()
    assert stop.value.code == code
    shown = capsys.readouterr()
    assert words in " ".join((shown.err + shown.out).split())


def test_a_lock_left_by_a_dead_process_is_taken_over(raw, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".pipeline.lock").write_text(f"{socket.gethostname()} 4194303 2025-01-01T02:15:00Z")
    result = invoke("ingest", "--raw", raw, "--out", out)
    assert result.exit_code == 0, result.output
    assert "event=lock_taken_over" in result.output and "4194303" in result.output
    assert not (out / ".pipeline.lock").exists()


def test_log_lines_are_key_value_pairs_without_a_terminal(raw, tmp_path):
    result = invoke("ingest", "--raw", raw, "--out", tmp_path / "out")
    lines = [line for line in result.output.splitlines() if line.startswith("ts=")]
    assert len(lines) >= 4
    for line in lines:
        pairs = FIELD.findall(line)
        assert "".join(f"{k}={v} " for k, v in pairs).strip() == line  # nothing but key=value
        assert [k for k, _ in pairs[:2]] == ["ts", "level"]
    events = [dict(FIELD.findall(line)).get("event") for line in lines]
    assert events[0] == "run_start" and events[-1] == "run_end"
    assert {"start", "progress", "end", "done"} <= set(events)


@pytest.mark.parametrize(("value", "shown"), [
    ("ingest", "ingest"),
    (3, "3"),
    (0.5, "0.5"),
    (2.0, "2"),
    ("two words", '"two words"'),
    ("", '""'),
    ('say "hi"', '"say \\"hi\\""'),
    ("a=b", '"a=b"'),
    ("line\nbreak", '"line\\nbreak"'),
])
def test_values_are_quoted_only_when_needed(value, shown):
    assert format_value(value) == shown


def test_format_fields_keeps_the_order():
    assert format_fields(stage="ingest", event="end", done=2) == "stage=ingest event=end done=2"


class _Terminal(stdio.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_bar_on_a_terminal_and_log_lines_without_one(monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    configure_logging()
    bar = Progress("extract", total=3, settings=make_settings(), skipped=1)
    bar.advance(3, batch=0)
    bar.close()
    assert bar._bar is not None  # a terminal gets the rich bar
    assert "event=progress" not in terminal.getvalue()
    assert "\x1b[" in terminal.getvalue()  # drawn with terminal control codes
    plain = stdio.StringIO()
    monkeypatch.setattr("sys.stderr", plain)
    lines = Progress("extract", total=3, settings=make_settings(), skipped=1)
    lines.advance(3, batch=0)
    lines.close()
    assert lines._bar is None
    text = plain.getvalue()
    assert "stage=extract event=start todo=3 skipped=1" in text
    assert "stage=extract event=progress done=3 total=3 batch=0" in text
    assert re.search(r"stage=extract event=end done=3 seconds=\d", text)


def warnings_in(output: str) -> list[dict[str, str]]:
    return [dict(FIELD.findall(line)) for line in output.splitlines()
            if line.startswith("ts=") and "level=warning" in line]


def test_an_unlistable_sub_folder_is_a_warning_and_the_rest_is_read(raw, tmp_path, monkeypatch):
    (raw / "locked").mkdir()
    (raw / "locked" / "hidden.txt").write_text("Hidden\n\nNever read.\n")
    real_scandir = os.scandir

    def refusing_scandir(path="."):  # a mode-000 folder, also when the tests run as root
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing_scandir)
    result = invoke("ingest", "--raw", raw, "--out", tmp_path / "out")
    assert result.exit_code == 0
    [warning] = warnings_in(result.output)
    assert warning["event"] == "unlistable_folder" and warning["folder"] == "locked"
    assert "Permission denied" in warning["error"]
    assert "done=3" in result.output or "rows_out=3" in result.output


def test_an_empty_raw_folder_is_a_warning(tmp_path):
    (tmp_path / "raw").mkdir()
    result = invoke("ingest", "--raw", tmp_path / "raw", "--out", tmp_path / "out")
    assert result.exit_code == 0
    [warning] = warnings_in(result.output)
    assert warning["event"] == "no_inputs"


def test_no_warning_when_every_file_was_read_before(raw, tmp_path):
    invoke("ingest", "--raw", raw, "--out", tmp_path / "out")
    result = invoke("ingest", "--raw", raw, "--out", tmp_path / "out")
    assert result.exit_code == 0 and not warnings_in(result.output)


def error_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if "level=error" in line]


def test_a_refused_lock_is_one_unwrapped_error_line(raw, tmp_path):
    out = tmp_path / ("a-long-folder-name-so-the-message-passes-eighty-columns" * 2)
    with locked(out):
        result = invoke("ingest", "--raw", raw, "--out", out)
    assert result.exit_code == 1
    [line] = error_lines(result.output)
    assert line.startswith("ts=") and "event=refused" in line and f"is writing to {out}" in line
    assert "rejected this run" not in result.output  # no summary tables without a terminal


def test_an_output_folder_that_cannot_be_made_is_one_error_line(raw, tmp_path):
    (tmp_path / "file").write_text("not a folder")  # as a read-only mount, the lock file cannot be created
    result = invoke("ingest", "--raw", raw, "--out", tmp_path / "file" / "out")
    assert result.exit_code == 1
    [line] = error_lines(result.output)
    assert "event=refused" in line and "cannot create the lock file" in line


def test_a_crashing_stage_is_one_error_line_with_its_traceback(raw, tmp_path, monkeypatch):
    def crash(settings, *, run_id):
        raise RuntimeError("a bug in a stage")

    monkeypatch.setitem(__import__("pipeline.stages.registry", fromlist=["STAGES"]).STAGES, "ingest", crash)
    result = invoke("ingest", "--raw", raw, "--out", tmp_path / "out")
    assert result.exit_code == 1
    [line] = error_lines(result.output)
    fields = dict(FIELD.findall(line))
    assert fields["stage"] == "ingest" and fields["event"] == "failed"
    assert "RuntimeError: a bug in a stage" in fields["error"] and "Traceback" in fields["traceback"]


def test_a_usage_error_is_one_error_line_without_a_terminal(monkeypatch, capsys):
    monkeypatch.setattr("sys.argv", ["pipeline", "run", "--since", "2025-13-01"])
    with pytest.raises(SystemExit):
        main()
    [line] = error_lines(capsys.readouterr().err)
    assert "event=usage" in line and "is not a date" in line


def test_log_lines_as_json(raw, tmp_path):
    import json

    result = invoke("ingest", "--raw", raw, "--out", tmp_path / "out", "--log-format", "json")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [list(line)[:2] for line in lines] == [["ts", "level"]] * len(lines)
    assert lines[0]["event"] == "run_start" and lines[-1]["event"] == "run_end"
    assert lines[-1]["rejects"] == 0 and lines[-1]["exit_code"] == 0  # numbers stay numbers
    assert invoke("ingest", "--raw", raw, "--out", tmp_path / "out", "--log-format", "xml").exit_code != 0


def test_summary_tables_on_a_terminal(raw, tmp_path, monkeypatch):
    from rich.console import Console

    monkeypatch.setattr("pipeline.cli.console", Console(stderr=True, force_terminal=True, color_system=None))
    result = invoke("ingest", "--raw", raw, "--out", tmp_path / "out")
    assert "0 rejected this run" in result.output


def test_sigterm_is_handled_like_ctrl_c(tmp_path, nightly):
    """SIGTERM during a run: the stage's ``runs`` row says interrupted, the lock is gone, one error line."""
    import signal
    import subprocess
    import sys
    import time

    from pipeline import io
    from pipeline.config import PROJECT_ROOT

    raw, out = tmp_path / "raw", tmp_path / "out"
    nightly.write_batch(raw, 200, seed=7, months=("2025-06",), prefix="t")  # long enough to be under way when signalled
    process = subprocess.Popen([sys.executable, "-m", "pipeline", "run", "--raw", raw, "--out", out],
                               cwd=PROJECT_ROOT, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while process.poll() is None and not (out / "runs").exists() and time.monotonic() < deadline:
        time.sleep(0.01)  # until ingest records itself in runs: the run is under way
    time.sleep(0.3)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 1, err[-2000:]
    runs = io.read(out, "runs").to_pylist()
    assert "running" not in {row["status"] for row in runs}
    assert [row["message"] for row in runs if row["status"] == "interrupted"] == ["stopped by SIGTERM"]
    assert not (out / ".pipeline.lock").exists()
    [line] = error_lines(err)
    assert "event=interrupted" in line and "SIGTERM" in line
