"""The dated header, events placed on a date axis, and evidence with its headline, date and link."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from types import SimpleNamespace

import pandas as pd
import pytest

from pipeline.report import ReportWindow, render
from pipeline.report.charts import choose_bin
from pipeline.report.data import last_run, placed_events
from pipeline.report.sections import _source
from tests.report.test_timeline import GENERATED, section


def test_header_dates_the_report_and_names_the_last_run(timeline_tables):
    page = render(timeline_tables, ReportWindow(), generated_at=GENERATED)
    header = page[:page.index("id='counts'")]
    assert "2025-07-02 10:00:00 UTC" in header
    assert "20250701T080000Z-abc123 — rejects" in header  # the worst of its stages' statuses
    assert "ingest rejects, events ok" in header
    assert "published 2025-03-04 12:30 to 2025-06-30 09:00 UTC" in header


def test_the_header_reads_only_the_clock_it_is_given(timeline_tables):
    later = datetime(2030, 1, 1, tzinfo=UTC)
    assert "2030-01-01 00:00:00 UTC" in render(timeline_tables, ReportWindow(), generated_at=later)


def test_without_runs_the_header_says_so(tmp_path):
    assert last_run(tmp_path) == {"run_id": "none recorded", "status": "unknown", "stages": ""}


def test_events_are_placed_on_their_date_or_their_publication():
    events = pd.DataFrame({
        "event_type": ["tariff_imposed", "negotiation", "agreement"],
        "event_date_start": [pd.Timestamp("2025-04-14").date(), pd.Timestamp("2025-01-01").date(), None],
        "event_date_granularity": ["week", "year", None],
        "first_published_at": pd.to_datetime(["2025-04-20 08:00", "2025-03-03 23:30", "2025-02-01 01:00"], utc=True),
    })
    placed = placed_events(events)
    # A week stays on its Monday; a bare year says too little, so its publication day places it.
    assert placed.day.tolist() == [pd.Timestamp("2025-04-14"), pd.Timestamp("2025-03-03"),
                                   pd.Timestamp("2025-02-01")]
    assert placed.placed_by.tolist() == ["event date", "publication", "publication"]


@pytest.mark.parametrize(("days", "unit"), [(20, "day"), (200, "week"), (1000, "month"), (4000, "quarter"),
                                            (40000, "year")])
def test_the_bin_grows_with_the_span(days, unit):
    first = pd.Timestamp("2000-01-01")
    assert choose_bin(first, first + pd.Timedelta(days=days))[0] == unit


def test_every_evidence_names_its_article(sample_run):
    out, _ = sample_run
    page = render(out, ReportWindow(), generated_at=GENERATED)
    events = pd.read_parquet(out / "events")
    articles = pd.read_parquet(out / "articles").set_index("article_id")
    evidence = section(page, "evidence")
    for event in events.itertuples():
        paragraph = re.search(rf"id='ev-{event.event_id}'>(.*?)</p>", evidence, re.S).group(1)
        article = articles.loc[event.evidence_article_id]
        if isinstance(article.headline, str):
            assert html.escape(article.headline) in paragraph
        if pd.notna(article.published_at):
            assert f"{article.published_at:%Y-%m-%d}" in paragraph
        if isinstance(article.url, str) and article.url.startswith("http"):
            assert f"href='{html.escape(article.url)}'" in paragraph


def test_only_web_addresses_become_links_and_everything_is_escaped():
    row = SimpleNamespace(evidence_headline="<b>Tariffs</b> & more", evidence_url="javascript:alert(1)",
                          evidence_published_at=pd.Timestamp("2025-03-04", tz="UTC"), article_ids=["a", "b"])
    shown = _source(row)
    assert "<a" not in shown and "&lt;b&gt;Tariffs&lt;/b&gt; &amp; more" in shown
    assert "2025-03-04" in shown and "1 more article" in shown
    linked = _source(SimpleNamespace(**{**vars(row), "evidence_url": "https://example.org/?a=1&b='x'"}))
    assert "href='https://example.org/?a=1&amp;b=&#x27;x&#x27;'" in linked
