"""The Dask executor gives the same tables as the local one, and survives a lost worker."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import pytest

from pipeline.config import make_settings
from pipeline.executors import ExecutorSettings, map_batches
from pipeline.runner import run_stages

pytest.importorskip("dask.distributed")

from tests.conftest import needs_shared  # noqa: E402

TABLES = ("articles", "mentions", "countries", "officials", "rates", "dates", "quotes", "event_mentions", "events")


def trade_stories(target: Path) -> int:
    """Write the Reuters-21578 stories whose TOPICS include trade into one .sgm file."""
    stories = []
    for path in sorted(needs_shared("corpus", "reuters21578").glob("reut2-*.sgm")):
        text = path.read_bytes().decode("latin-1")
        stories += [m.group(0) for m in re.finditer(r"<REUTERS.*?</REUTERS>", text, re.S)
                    if "<TOPICS><D>trade</D>" in m.group(0) or "<D>trade</D></TOPICS>" in m.group(0)
                    or re.search(r"<TOPICS>(?:<D>\w+</D>)*<D>trade</D>", m.group(0))]
    target.mkdir(parents=True)
    (target / "trade.sgm").write_bytes("\n".join(stories).encode("latin-1"))
    return len(stories)


def _run(raw: Path, out: Path, **executor) -> None:
    from pipeline.stages.registry import ORDER, STAGES

    settings = make_settings(raw=raw, out=out, batch_size=100, show_progress=False, **executor)
    summary = run_stages(settings, [(name, STAGES[name]) for name in ORDER])
    assert summary.error is None


def _rows(out: Path, table: str) -> pd.DataFrame:
    frame = pd.read_parquet(out / table).drop(columns=["run_id"])
    frame = frame.map(lambda v: tuple(v) if hasattr(v, "__len__") and not isinstance(v, str) else v)
    return frame.sort_values(list(frame.columns[:3])).reset_index(drop=True)


@pytest.mark.slow
def test_dask_cluster_gives_the_same_tables_as_local(tmp_path):
    count = trade_stories(tmp_path / "raw")
    assert count > 500
    _run(tmp_path / "raw", tmp_path / "local")
    _run(tmp_path / "raw", tmp_path / "dask", executor="dask", workers=2)
    for table in TABLES:
        local, dask = _rows(tmp_path / "local", table), _rows(tmp_path / "dask", table)
        assert len(local) > 0, table
        pd.testing.assert_frame_equal(local, dask, check_dtype=False, obj=table)


def _dies_once(marker: str, value: int) -> int:
    """Kill the worker process the first time it is called for value 3 (the marker records that)."""
    if value == 3 and not os.path.exists(marker):
        open(marker, "w").close()
        os._exit(1)
    return value * 10


def test_a_killed_worker_loses_and_duplicates_nothing(tmp_path):
    marker = str(tmp_path / "died")
    outcomes = list(map_batches(_dies_once, [(marker, i) for i in range(8)],
                                ExecutorSettings("dask", workers=2, retries=2)))
    assert os.path.exists(marker)  # a worker really died
    assert [result for _, result, _ in outcomes] == [i * 10 for i in range(8)]
    assert all(error is None for _, _, error in outcomes)


def _debug_aids(marker: str, value: int) -> tuple[int, bool, int]:
    """Whether the worker running this samples its own stack, and how many messages its connections keep
    (and it dies the first time, like `_dies_once`)."""
    import dask
    from dask.distributed import get_worker

    profiling = "profile" in get_worker().periodic_callbacks
    return _dies_once(marker, value), profiling, dask.config.get("distributed.admin.low-level-log-length")


def test_dask_debug_logs_are_turned_down_in_every_process_even_after_a_restart(tmp_path):
    # The profiler's history and every connection's log of recent messages (a batch's articles among
    # them) made the workers and the calling process grow with every batch; a restarted worker must
    # get the same configuration as the first one.
    import dask

    marker = str(tmp_path / "died")
    before = dask.config.get("distributed.admin.low-level-log-length")
    outcomes = []
    for outcome in map_batches(_debug_aids, [(marker, i) for i in range(6)], ExecutorSettings("dask", workers=1)):
        assert dask.config.get("distributed.admin.low-level-log-length") == 10  # this process, mid-run
        outcomes.append(outcome)
    assert os.path.exists(marker)
    assert [result for _, result, _ in outcomes] == [(i * 10, False, 10) for i in range(6)]
    assert dask.config.get("distributed.admin.low-level-log-length") == before  # restored afterwards
