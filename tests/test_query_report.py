"""`query` and `report` over the tables of a real sample run."""

from datetime import UTC, datetime

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.query import QueryError, run_query
from pipeline.report import ReportWindow, gather, render

GENERATED = datetime(2025, 7, 2, 10, 0, tzinfo=UTC)


def test_query_sees_every_written_table(sample_run):
    out, _ = sample_run
    frame = run_query(out, "SELECT count(*) AS n FROM articles")
    assert frame.n.iloc[0] == len(pd.read_parquet(out / "articles"))


def test_query_error_is_duckdbs_message(sample_run):
    out, _ = sample_run
    with pytest.raises(QueryError, match="nope"):
        run_query(out, "SELECT nope FROM articles")


def test_query_cli_writes_csv(sample_run, tmp_path):
    out, _ = sample_run
    target = tmp_path / "r.csv"
    result = CliRunner().invoke(app, ["query", "SELECT article_id FROM articles ORDER BY 1", "--out", str(out),
                                      "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert pd.read_csv(target).article_id.tolist() == sorted(pd.read_parquet(out / "articles").article_id)


def test_query_cli_bad_sql_exits_1_without_traceback(sample_run):
    out, _ = sample_run
    result = CliRunner().invoke(app, ["query", "SELEC 1", "--out", str(out)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_report_counts_match_the_tables(sample_run):
    out, _ = sample_run
    figures = gather(out, ReportWindow())
    counts = dict(zip(figures["counts"].table, figures["counts"].rows))
    assert counts["articles"] == len(pd.read_parquet(out / "articles"))
    assert counts["countries"] == len(pd.read_parquet(out / "countries"))
    # every interval of the samples rests on an article of the (unbounded) window
    assert counts["tariff_timeline"] == len(pd.read_parquet(out / "tariff_timeline")) > 0


def test_report_html_is_self_contained(sample_run):
    out, _ = sample_run
    page = render(out, ReportWindow(), generated_at=GENERATED)
    for section in ("counts", "rejects", "events-over-time", "tariff-timeline", "rates-by-target", "pairs", "speakers",
                    "events", "evidence"):
        assert f"id='{section}'" in page
    # Nothing is fetched at view time: no remote images, scripts or styles.
    assert "src='http" not in page and "src=\"http" not in page
    assert "<script" not in page and "<link" not in page


def test_every_event_links_to_its_evidence(sample_run):
    import re

    out, _ = sample_run
    page = render(out, ReportWindow(), generated_at=GENERATED)
    links = re.findall(r"href='#ev-([0-9a-f]+)'", page)
    anchors = set(re.findall(r"id='ev-([0-9a-f]+)'", page))
    assert len(links) == len(pd.read_parquet(out / "events"))
    assert set(links) == anchors
