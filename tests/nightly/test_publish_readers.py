"""Readers during a run see each table as the last finished stage published it, never half a stage's work.

A real run (its own process, small batches, so the old layout showed many in-between states) rewrites
`articles` and `mentions` while this process reads them over and over.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd

from pipeline import io
from pipeline.config import PROJECT_ROOT, make_settings
from pipeline.runner import compact_tables, run_stages
from pipeline.stages.registry import STAGES

MONTHS = ("2025-01", "2025-02", "2025-03")
STAGE_NAMES = ("ingest", "extract")
RUN = """
import sys
from pipeline.config import make_settings
from pipeline.runner import run_stages
from pipeline.stages.registry import STAGES
settings = make_settings(raw=sys.argv[1], out=sys.argv[2], show_progress=False, batch_size=2, force=True)
sys.exit(run_stages(settings, [(name, STAGES[name]) for name in sys.argv[3:]]).exit_code)
"""


def run(raw: Path, out: Path, **options) -> int:
    settings = make_settings(raw=raw, out=out, show_progress=False, **options)
    return run_stages(settings, [(name, STAGES[name]) for name in STAGE_NAMES]).exit_code


def counts(out: Path, name: str) -> dict[str, int]:
    """Rows of ``name`` as the three safe readers see it (docs/nightly.md, "Reading while a run writes").

    A plain-path read (``pd.read_parquet(out / name)``) is left out on purpose: it resolves the link
    again at every file it opens, so one that overlaps a publication may fail or mix two versions,
    as docs/nightly.md says; asserting on it would make the test fail at random.
    """
    resolved = os.path.realpath(out / name)  # resolved once: one version, whatever happens meanwhile
    seen = {
        "io.read": io.read(out, name).num_rows,
        "pandas": len(pd.read_parquet(resolved)),
        "duckdb": duckdb.sql(f"SELECT count(*) FROM read_parquet('{resolved}/**/*.parquet', "
                             "hive_partitioning = true)").fetchone()[0],
    }
    return seen


def test_readers_during_a_run_see_the_old_or_the_new_table_whole(tmp_path, nightly):
    raw, out = tmp_path / "raw", tmp_path / "out"
    nightly.write_batch(raw / "night1", 16, seed=31, months=MONTHS, prefix="a")
    assert run(raw, out, batch_size=2) == 0
    old = {name: io.read(out, name).num_rows for name in ("articles", "mentions")}
    nightly.write_batch(raw / "night2", 16, seed=32, months=MONTHS, prefix="b")

    # Forced, in batches of two: every article's rows are removed and written again, batch by batch.
    process = subprocess.Popen([sys.executable, "-c", RUN, str(raw), str(out), *STAGE_NAMES], cwd=PROJECT_ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seen: dict[str, list[dict]] = {"articles": [], "mentions": []}
    while process.poll() is None:
        for name in seen:
            seen[name].append(counts(out, name))
    assert process.wait() == 0, process.stderr.read()[-2000:]

    new = {name: io.read(out, name).num_rows for name in seen}
    assert new["articles"] == 2 * old["articles"] and new["mentions"] > old["mentions"]
    for name, reads in seen.items():
        assert len(reads) >= 3, "the run ended before the readers got going"
        for read in reads:
            for reader, count in read.items():
                assert count in (old[name], new[name]), (
                    f"{reader} read {count} rows of {name}, neither the old {old[name]} nor the new {new[name]}")


def test_compact_leaves_one_file_per_partition_and_the_same_rows(tmp_path, nightly):
    raw, out = tmp_path / "raw", tmp_path / "out"
    for night in range(3):
        nightly.write_batch(raw / f"night{night}", 6, seed=40 + night, months=MONTHS, prefix=f"n{night}")
        assert run(raw, out, batch_size=2) == 0
    before = nightly.snapshot(out)
    files_before = len(io.part_files(out / "mentions"))
    counted = compact_tables(make_settings(out=out, show_progress=False))
    assert nightly.snapshot(out) == before
    assert counted["mentions"] == (files_before, len(MONTHS)) and files_before > len(MONTHS)
    assert counted["_ledger/extract"][1] == len(MONTHS)
    assert all(len(io.part_files(folder)) == 1 for folder in (out / "mentions").iterdir())
    nightly.assert_readable(out)
    # The command line does the same, and a second pass finds nothing to do.
    result = nightly.cli("compact", "--out", out, "--table", "mentions")
    assert result.returncode == 0 and "files_before=3 files_after=3" in result.stderr
    assert nightly.cli("compact", "--out", out, "--table", "nonesuch").returncode == 1
