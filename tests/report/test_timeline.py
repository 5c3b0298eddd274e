"""The tariff timeline section: step charts from the declared `tariff_timeline` schema, pending rows apart."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pandas as pd

from pipeline.report import ReportWindow, gather, render
from pipeline.report.charts import _steps
from tests.report.conftest import TIMELINE, WINDOW_END, interval, write_tables

GENERATED = datetime(2025, 7, 2, 10, 0, tzinfo=UTC)


def section(page: str, anchor: str) -> str:
    """The HTML from the heading with ``anchor`` to the next second-level heading."""
    start = page.index(f"id='{anchor}'")
    end = page.find("<h2", start)
    return page[start:end if end != -1 else None]


def test_only_asserted_intervals_are_charted(timeline_tables):
    figures = gather(timeline_tables, ReportWindow())
    charted = figures["timeline"]
    assert set(charted.status) == {"asserted"}
    assert len(charted) == sum(row["status"] == "asserted" for row in TIMELINE)
    pending = figures["timeline_pending"]
    assert sorted(pending.status) == ["planned", "threatened"]
    assert {"Mexico (MEX)", "United States (USA)"} == set(pending.target)


def test_suspension_is_drawn_at_zero_and_open_intervals_run_to_the_window_end(timeline_tables):
    figures = gather(timeline_tables, ReportWindow())
    assert figures["timeline_end"] == pd.Timestamp(WINDOW_END)
    canada = figures["timeline"][figures["timeline"].target == "Canada"].sort_values("start")
    assert canada.drawn_rate.tolist() == [25.0, 0.0, 25.0]
    assert canada.stop.iloc[-1] == pd.Timestamp(WINDOW_END)
    xs, ys = _steps(canada)
    # Contiguous intervals make one line: a drop to 0 on 6 March and a rise back on 2 April.
    assert list(zip(xs, ys))[1:5] == [(pd.Timestamp("2025-03-06"), 25.0), (pd.Timestamp("2025-03-06"), 0.0),
                                      (pd.Timestamp("2025-04-02"), 0.0), (pd.Timestamp("2025-04-02"), 25.0)]


def test_a_gap_between_intervals_breaks_the_line():
    intervals = pd.DataFrame({"start": pd.to_datetime(["2025-01-01", "2025-03-01"]),
                              "stop": pd.to_datetime(["2025-02-01", "2025-04-01"]), "drawn_rate": [10.0, 20.0]})
    xs, ys = _steps(intervals)
    assert xs[2] == pd.Timestamp("2025-02-01") and pd.isna(ys[2])
    assert ys[3:] == [20.0, 20.0]


def test_pseudo_targets_are_named_and_kept_apart(timeline_tables):
    page = render(timeline_tables, ReportWindow(), generated_at=GENERATED)
    timeline = section(page, "tariff-timeline")
    pseudo = timeline[timeline.index("Pseudo-targets:"):]
    assert "all countries" in pseudo and "all except Canada (CAN), Mexico (MEX)" in pseudo
    country_rows = timeline[:timeline.index("Pseudo-targets:")]
    assert "all countries" not in country_rows.split("<table")[1]
    assert "China" in country_rows and "Canada" in country_rows
    assert len(re.findall(r"<img alt='tariffs of United States'", timeline)) == 1
    assert "Planned and threatened" in timeline


def test_window_keeps_only_overlapping_intervals(timeline_tables):
    figures = gather(timeline_tables, ReportWindow(since=date(2025, 3, 5), until=date(2025, 3, 31)))
    charted = figures["timeline"]
    # China's first interval ended on 4 March, before the window; steel's second starts after it.
    assert sorted(charted.rate_value.where(charted.in_force, 0).tolist()) == [0.0, 20.0, 25.0, 25.0]
    assert figures["timeline_end"] == pd.Timestamp("2025-03-31")


def test_a_missing_timeline_is_one_line_not_a_crash(tmp_path):
    out = write_tables(tmp_path / "out", None)
    page = render(out, ReportWindow(), generated_at=GENERATED)
    timeline = section(page, "tariff-timeline")
    assert "No <code>tariff_timeline</code> table" in timeline
    assert "<img" not in timeline and "<table" not in timeline


def test_unstated_rates_leave_a_blank_chart_not_an_error(tmp_path):
    rows = [interval("USA", "BRA", date(2025, 3, 1), None, None),
            interval("USA", "IND", date(2025, 3, 1), None, 26.0, status="planned")]
    out = write_tables(tmp_path / "out", rows)
    figures = gather(out, ReportWindow())
    assert figures["timeline_table"].rate.tolist() == ["not stated"]
    timeline = section(render(out, ReportWindow(), generated_at=GENERATED), "tariff-timeline")
    assert "<img alt='tariffs of United States'" in timeline and "Brazil (BRA)" in timeline


def test_an_empty_timeline_says_nothing_was_asserted(tmp_path):
    out = write_tables(tmp_path / "out", [])
    timeline = section(render(out, ReportWindow(), generated_at=GENERATED), "tariff-timeline")
    assert "no asserted interval in this window" in timeline and "<img" not in timeline
