"""A run killed at any point leaves every table readable, and the next run ends exactly where an
uninterrupted run would (same rows, same ids; ``run_id`` aside).

Real ``python -m pipeline`` processes are killed with SIGKILL, either between two chosen writes
(the ``PIPELINE_TEST_KILL_AT_WRITE`` hook of `pipeline.io`: ``N:TEXT`` kills before the N-th
write to a path containing TEXT) or a moment after they take the lock.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.config import PROJECT_ROOT, make_settings
from pipeline.io import KILL_HOOK
from pipeline.runner import run_stages

KILLED = -9


def run_in_process(raw: Path, out: Path, stages: tuple[str, ...]) -> int:
    """The uninterrupted reference: the same stages run in this process; returns the exit code."""
    from pipeline.stages.registry import STAGES

    settings = make_settings(raw=raw, out=out, show_progress=False)
    return run_stages(settings, [(name, STAGES[name]) for name in stages]).exit_code


def kill_chain(nightly, command: str, raw: Path, out: Path, points: list[str]) -> None:
    """Run ``command`` once per kill point, each killed there; check the tables after every kill."""
    for point in points:
        result = nightly.cli(command, "--raw", raw, "--out", out, env={KILL_HOOK: point})
        assert result.returncode == KILLED, f"not killed at {point!r}: {result.stderr[-2000:]}"
        assert (out / ".pipeline.lock").exists()  # left behind by the dead process, taken over next time
        nightly.assert_readable(out)


def test_ingest_killed_between_writes_recovers_over_two_nights(tmp_path, nightly):
    raw, subject, reference = tmp_path / "raw", tmp_path / "subject", tmp_path / "reference"
    first = nightly.write_batch(raw / "night1", 24, seed=1, months=("2025-01", "2025-02", "2025-03"), prefix="a")
    nightly.write_bad_inputs(raw / "night1", "a")

    # Night 1: killed after the articles but before the rejects and the ledger; then a clean run.
    kill_chain(nightly, "ingest", raw, subject, ["1:rejects"])
    # Both finish (0): the bad inputs are rejects, which change the exit code only with --fail-on-rejects.
    assert run_in_process(raw, subject, ("ingest",)) == run_in_process(raw, reference, ("ingest",)) == 0
    nightly.assert_same_tables(subject, reference)

    # Night 2: new files in new months, and three of night 1's files corrected.
    nightly.write_batch(raw / "night2", 12, seed=2, months=("2025-03", "2025-04"), prefix="b")
    for path in first[:3]:
        path.write_text(path.read_text(encoding="utf-8").replace("Story number", "Corrected story"),
                        encoding="utf-8")
    # Killed right after the corrected files left the ledger, before their first new part (the first
    # articles write); then with one month's new part beside the old rows; then with every
    # article written but the ledger not yet.
    kill_chain(nightly, "ingest", raw, subject, ["1:articles", "2:articles", "1:_ledger/ingest"])
    assert run_in_process(raw, subject, ("ingest",)) == run_in_process(raw, reference, ("ingest",))
    nightly.assert_same_tables(subject, reference)

    articles = pd.read_parquet(subject / "articles")
    assert articles.article_id.is_unique
    assert len(articles) == 36
    assert articles.text.str.contains("Corrected story").sum() == 3
    runs = pd.read_parquet(subject / "runs")
    assert (runs.status == "interrupted").sum() == 4  # each killed run is marked by the next one


def test_run_killed_in_later_stages_recovers_also_when_forced(tmp_path, nightly, built_stages):
    raw, subject, reference = tmp_path / "raw", tmp_path / "subject", tmp_path / "reference"
    nightly.write_batch(raw, 10, seed=3, months=("2025-04", "2025-05"), prefix="r")
    nightly.write_bad_inputs(raw, "r")
    # Killed with extract's mentions written but not its sentences, then with both written but
    # not its ledger.
    kill_chain(nightly, "run", raw, subject, ["1:sentences", "1:_ledger/extract"])
    finished, expected = run_in_process(raw, subject, built_stages), run_in_process(raw, reference, built_stages)
    assert (finished == 1) == (expected == 1)  # the rejects were counted by an earlier, killed run
    nightly.assert_same_tables(subject, reference)
    # A forced rerun killed after extract forgot its ledger and dropped the old rows, before the
    # new ones: the next ordinary (unforced) run must redo those articles, not skip them.
    result = nightly.cli("run", "--force", "--raw", raw, "--out", subject, env={KILL_HOOK: "1:mentions"})
    assert result.returncode == KILLED
    nightly.assert_readable(subject)
    run_in_process(raw, subject, built_stages)
    nightly.assert_same_tables(subject, reference)
    assert not list(subject.rglob(".tmp-*"))  # temporary files of the killed runs were swept


def test_run_killed_before_the_events_rebuild_recovers(tmp_path, nightly, built_stages):
    if "events" not in built_stages:
        pytest.fail("the events stage is not built")
    raw, subject, reference = tmp_path / "raw", tmp_path / "subject", tmp_path / "reference"
    nightly.write_batch(raw / "night1", 4, seed=6, months=("2025-04",), prefix="e")
    run_in_process(raw, subject, built_stages)
    nightly.write_batch(raw / "night2", 4, seed=7, months=("2025-05",), prefix="f")
    kill_chain(nightly, "run", raw, subject, ["1:/events/part-0"])
    run_in_process(raw, subject, built_stages)
    run_in_process(raw, reference, built_stages)
    nightly.assert_same_tables(subject, reference)


def test_run_killed_between_two_symlink_swaps_of_a_stage_is_finished_by_the_next(tmp_path, nightly, built_stages):
    raw, subject, reference = tmp_path / "raw", tmp_path / "subject", tmp_path / "reference"
    nightly.write_batch(raw, 8, seed=6, months=("2025-06", "2025-07"), prefix="s")
    # Killed while extract publishes: some of its tables point to their new versions, sentences not yet.
    kill_chain(nightly, "run", raw, subject, ["1:sentences@publish"])
    assert (subject / ".tables" / "_commit.json").exists()
    assert run_in_process(raw, subject, built_stages) == run_in_process(raw, reference, built_stages)
    nightly.assert_same_tables(subject, reference)
    assert not (subject / ".tables" / "_commit.json").exists()


def test_ingest_killed_at_moments_stays_readable_and_recovers(tmp_path, nightly):
    raw, out, reference = tmp_path / "raw", tmp_path / "out", tmp_path / "reference"
    nightly.write_batch(raw, 60, seed=4, months=("2024-11", "2024-12", "2025-01"), prefix="t")
    codes = []
    for delay in (0.0, 0.1):  # seconds after the lock is taken
        codes.append(nightly.cli_killed_after(["ingest", "--raw", raw, "--out", out], out, delay=delay))
        nightly.assert_readable(out)
    assert set(codes) <= {KILLED, 0}
    assert run_in_process(raw, out, ("ingest",)) == run_in_process(raw, reference, ("ingest",)) == 0
    nightly.assert_same_tables(out, reference)


def test_a_half_written_temporary_file_is_invisible_and_swept(tmp_path, nightly):
    raw, out = tmp_path / "raw", tmp_path / "out"
    nightly.write_batch(raw, 4, seed=5, months=("2025-02",), prefix="h")
    assert run_in_process(raw, out, ("ingest",)) == 0
    partition = next((out / "articles").iterdir())
    junk = partition / ".tmp-deadbeef.partial"
    junk.write_bytes(b"PAR1 half a file")
    assert nightly.assert_readable(out)["articles"] == 4  # neither pandas nor DuckDB's glob sees it
    shutil.copy(junk, out / "runs" / junk.name)
    assert run_in_process(raw, out, ("ingest",)) == 0
    assert not junk.exists() and not (out / "runs" / junk.name).exists()


def test_reuters_ingest_killed_between_partitions_recovers(tmp_path, nightly):
    archive = PROJECT_ROOT.parent / "shared" / "corpus" / "reuters21578" / "reut2-000.sgm"
    if not archive.exists():
        pytest.skip(f"{archive} is not available on this machine")
    raw, subject, reference = tmp_path / "raw", tmp_path / "subject", tmp_path / "reference"
    raw.mkdir()
    shutil.copy(archive, raw / archive.name)
    # One file, a thousand stories over two months: killed after the first month's part, then
    # after both parts but before the rejects and the ledger.
    kill_chain(nightly, "ingest", raw, subject, ["2:articles", "1:rejects"])
    finished, expected = run_in_process(raw, subject, ("ingest",)), run_in_process(raw, reference, ("ingest",))
    assert finished == expected
    nightly.assert_same_tables(subject, reference)
    articles = pd.read_parquet(subject / "articles")
    assert len(articles) > 900 and articles.article_id.is_unique
    assert set(articles.published_month.astype(str)) >= {"1987-02", "1987-03"}
