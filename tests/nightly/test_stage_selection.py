"""Choosing stages (`run --from`, `run --stages`), seeing what is pending (`status`), and `--dry-run`.

Before, `run` always began with ingest: the documented "rerun one day" recipe
(`run --since D --until D --force`) read every raw file again.
"""

from __future__ import annotations

import re
import shutil

import pytest
from typer.testing import CliRunner

from pipeline import io
from pipeline.cli import app
from pipeline.stages.status import select_stages


def invoke(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


def rows_of_run(out, output: str) -> list[dict]:
    """The ``runs`` rows of the run whose log is ``output`` (two runs may start in the same second)."""
    run_id = re.search(r"event=run_start run_id=(\S+)", output).group(1)
    return sorted((row for row in io.read(out, "runs").to_pylist() if row["run_id"] == run_id),
                  key=lambda row: row["started_at"])


def pending(output: str) -> dict[str, str]:
    """``stage -> "todo/skipped"`` from the ``event=pending`` lines."""
    found = {}
    for line in output.splitlines():
        if "event=pending" in line:
            fields = dict(part.split("=", 1) for part in line.split() if "=" in part)
            found[fields["stage"]] = f"{fields['todo']}/{fields['skipped']}"
    return found


@pytest.mark.parametrize(("stages", "start", "expected"), [
    (None, None, ["ingest", "extract", "normalize", "events"]),
    (None, "extract", ["extract", "normalize", "events"]),
    (None, "events", ["events"]),
    (["events", "extract"], None, ["extract", "events"]),  # always in pipeline order
    (["normalize"], None, ["normalize"]),
])
def test_select_stages(stages, start, expected):
    assert select_stages(stages, start) == expected


@pytest.mark.parametrize(("stages", "start", "words"), [
    (["extract", "parse"], None, "unknown stage 'parse'"),
    (None, "normalise", "unknown stage 'normalise'"),
    (["extract"], "extract", "not both"),
    ([], None, "no stage given"),
])
def test_select_stages_refuses(stages, start, words):
    with pytest.raises(ValueError, match=words):
        select_stages(stages, start)


@pytest.fixture(scope="module")
def world(tmp_path_factory, nightly):
    """A finished run over stories published in June and July 2025."""
    root = tmp_path_factory.mktemp("select")
    nightly.write_batch(root / "raw", 8, seed=29, months=("2025-06", "2025-07"), prefix="s")
    result = invoke("run", "--raw", root / "raw", "--out", root / "out")
    assert result.exit_code == 0, result.output
    return root


def test_rerun_one_day_from_extract_reads_no_raw_file(world):
    articles = io.read(world / "out", "articles", columns=["published_at"]).column("published_at").to_pylist()
    day = min(articles).date().isoformat()
    on_day = sum(1 for moment in articles if moment.date().isoformat() == day)
    result = invoke("run", "--raw", world / "raw", "--out", world / "out", "--from", "extract",
                    "--since", day, "--until", day, "--force")
    assert result.exit_code == 0, result.output
    rows = {row["stage"]: row for row in rows_of_run(world / "out", result.output)}
    assert sorted(rows) == ["events", "extract", "normalize"]  # no ingest
    assert {row["rows_in"] for row in rows.values()} == {on_day}


def test_run_only_the_stages_given(world):
    result = invoke("run", "--raw", world / "raw", "--out", world / "out", "--stages", "events,normalize")
    assert result.exit_code == 0, result.output
    assert [row["stage"] for row in rows_of_run(world / "out", result.output)] == ["normalize", "events"]


def test_an_unknown_stage_is_a_usage_error(world):
    result = invoke("run", "--out", world / "out", "--stages", "extract,parse")
    assert result.exit_code != 0 and "unknown stage 'parse'" in result.output


def test_status_says_what_each_stage_would_process(world, tmp_path, nightly):
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(world / "raw", raw)
    shutil.copytree(world / "out", out, ignore=shutil.ignore_patterns(".pipeline.lock"))
    result = invoke("status", "--raw", raw, "--out", out)
    assert result.exit_code == 0, result.output
    assert pending(result.output) == {"ingest": "0/8", "extract": "0/8", "normalize": "0/8", "events": "0/8"}

    nightly.write_batch(raw, 1, seed=30, months=("2025-07",), prefix="new")
    assert pending(invoke("status", "--raw", raw, "--out", out).output)["ingest"] == "1/8"
    assert invoke("ingest", "--raw", raw, "--out", out).exit_code == 0
    after_ingest = pending(invoke("status", "--raw", raw, "--out", out, "--from", "extract").output)
    assert after_ingest == {"extract": "1/8", "normalize": "1/8", "events": "1/8"}
    forced = pending(invoke("status", "--raw", raw, "--out", out, "--stages", "extract", "--force").output)
    assert forced == {"extract": "9/0"}


def test_dry_run_writes_nothing(world, tmp_path):
    before = sorted(p.relative_to(world / "out") for p in (world / "out").rglob("*"))
    result = invoke("run", "--raw", world / "raw", "--out", world / "out", "--force", "--dry-run")
    assert result.exit_code == 0, result.output
    assert pending(result.output) == {"ingest": "8/0", "extract": "8/0", "normalize": "8/0", "events": "8/0"}
    assert sorted(p.relative_to(world / "out") for p in (world / "out").rglob("*")) == before
    fresh = tmp_path / "fresh"
    result = invoke("extract", "--out", fresh, "--dry-run")
    assert result.exit_code == 0 and "no articles yet" in result.output
    assert not fresh.exists()
