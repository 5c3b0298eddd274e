"""The events stage writes `tariff_timeline` from `events`, on the shipped samples, and rebuilds it alone."""

from __future__ import annotations

import shutil

import pandas as pd
import pyarrow.parquet as pq

from pipeline import io
from pipeline.config import MODELS_DIR, make_settings
from pipeline.runner import run_stages
from pipeline.schemas import TARIFF_TIMELINE
from pipeline.stages.registry import STAGES
from pipeline.timeline import build_timeline, load_rules


def test_the_events_stage_writes_a_conforming_timeline_built_from_events(sample_run):
    out, summary = sample_run
    assert summary.error is None
    timeline = pd.read_parquet(out / "tariff_timeline")
    folder = io.table_dir(out, "tariff_timeline")
    [part] = list(folder.glob("*.parquet"))
    assert pq.read_schema(part).remove_metadata().equals(TARIFF_TIMELINE)
    events = io.read(out, "events").to_pylist()
    built = build_timeline(events, load_rules(MODELS_DIR))
    assert len(timeline) == len(built) > 0
    assert timeline.timeline_id.is_unique
    assert sorted(timeline.timeline_id) == sorted(row["timeline_id"] for row in built)
    by_id = {e["event_id"]: e for e in events}
    articles = set(pd.read_parquet(out / "articles", columns=["article_id"]).article_id)
    for row in timeline.itertuples():
        assert set(row.event_ids) <= set(by_id) and set(row.article_ids) <= articles
        assert pd.isna(row.valid_to) or row.valid_to > row.valid_from
        assert row.conflict == bool(len(row.alternatives))
    # The seed article's measures: 24% on Japan, and the 90-day pause for all but China.
    japan = timeline[(timeline.target_iso3 == "JPN") & (timeline.status == "asserted")]
    assert 24.0 in set(japan.rate_value)
    pause = timeline[(timeline.target_scope == "all_except") & (timeline.change == "suspended")]
    assert any("CHN" in list(excluded) for excluded in pause.excluded_iso3)


def test_the_events_stage_alone_rebuilds_the_timeline_when_its_rules_change(sample_run, tmp_path):
    out, _ = sample_run
    copy = tmp_path / "out"
    shutil.copytree(out, copy, symlinks=True)
    models = tmp_path / "models"
    shutil.copytree(MODELS_DIR, models, ignore=shutil.ignore_patterns(".*"))
    changes = models / "timeline" / "changes.csv"
    changes.write_text("".join(line for line in changes.read_text().splitlines(keepends=True)
                               if not line.startswith("tariff_imposed,")))
    before = pd.read_parquet(copy / "tariff_timeline")
    assert (before.change == "imposed").any()
    settings = make_settings(raw=tmp_path / "no-raw", out=copy, models_dir=models, show_progress=False)
    summary = run_stages(settings, [("events", STAGES["events"])])
    assert summary.error is None, summary.error
    after = pd.read_parquet(copy / "tariff_timeline")
    # Only the threats (whose status the rules force) are still read as impositions.
    assert set(after[after.change == "imposed"].status) <= {"threatened"}
    assert len(after) < len(before)
    # Run again with nothing changed: the table is left as it is.
    written = run_stages(settings, [("events", STAGES["events"])])
    assert written.error is None
    assert pd.read_parquet(copy / "tariff_timeline").equals(after)


def test_the_timeline_report_window_is_the_events_merge_window():
    """`timeline/windows.csv` says its report window is the events table's merge window: the two files must agree."""
    from pipeline.events.resources import load_merge_window

    assert load_rules(MODELS_DIR).windows.report_days == load_merge_window(MODELS_DIR)
