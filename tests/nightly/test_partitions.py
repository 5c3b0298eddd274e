"""Per-article tables are Hive-partitioned by publication month and read back whole and filtered."""

from __future__ import annotations

import json

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline import io
from pipeline.config import make_settings
from pipeline.runner import run_stages
from pipeline.schemas import ARTICLES
from pipeline.stages.plan import RowFiles, batches, load_batch, plan
from pipeline.stages.spec import StageSpec
from pipeline.stages.ingest import ingest

MONTHS = ("1987-02", "1987-03", "1987-04")


@pytest.fixture
def stored(tmp_path, nightly):
    """Twelve stories over three months, ingested; returns (raw, out, run)."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    nightly.write_batch(raw, 12, seed=21, months=MONTHS, prefix="p")

    def run(**options):
        return run_stages(make_settings(raw=raw, out=out, show_progress=False, **options), [("ingest", ingest)])

    run()
    return raw, out, run


def test_one_folder_per_month_and_files_without_the_partition_column(stored):
    _, out, _ = stored
    folders = sorted(p.name for p in (out / "articles").iterdir())
    assert folders == [f"published_month={m}" for m in MONTHS]
    for path in io.part_files(out / "articles"):
        assert "published_month" not in pq.read_schema(path).names


def test_pandas_reads_the_dataset_and_filters_by_month(stored):
    _, out, _ = stored
    everything = pd.read_parquet(out / "articles")
    assert len(everything) == 12
    assert sorted(everything.published_month.astype(str).unique()) == list(MONTHS)
    march = pd.read_parquet(out / "articles", filters=[("published_month", "=", "1987-03")])
    assert len(march) == 4
    assert set(march.published_month.astype(str)) == {"1987-03"}
    assert (march.published_at.dt.strftime("%Y-%m") == "1987-03").all()


def test_duckdb_reads_the_hive_partitions(stored):
    _, out, _ = stored
    source = f"{out}/articles/**/*.parquet"
    rows = duckdb.sql(f"SELECT published_month, count(*) FROM read_parquet('{source}', hive_partitioning = true) "
                      "GROUP BY 1 ORDER BY 1").fetchall()
    assert rows == [(month, 4) for month in MONTHS]
    kind = duckdb.sql(f"SELECT typeof(published_month) FROM read_parquet('{source}', hive_partitioning = true) "
                      "LIMIT 1").fetchone()[0]
    assert kind == "VARCHAR"  # "1987-03" stays text, not a guessed date


def test_io_read_returns_the_declared_schema(stored):
    _, out, _ = stored
    table = io.read(out, "articles")
    assert table.schema == ARTICLES
    march = io.read(out, "articles", filter=io.ds.field("published_month") == "1987-03")
    assert march.num_rows == 4 and march.schema == ARTICLES


def assert_moved_once(out):
    """Twelve articles, unique ids, and story p002 only in April, where its corrected date puts it."""
    articles = pd.read_parquet(out / "articles")
    assert len(articles) == 12 and articles.article_id.is_unique and articles.source_id.is_unique
    moved = articles.loc[articles.source_id == "p002"]
    assert moved.published_month.astype(str).item() == "1987-04"


def test_ids_stay_unique_when_an_article_is_reprocessed_or_moves_month(stored):
    raw, out, run = stored
    story = raw / "p001.txt"
    story.write_text(story.read_text(encoding="utf-8") + "A correction was appended.\n", encoding="utf-8")
    sidecar = raw / "p002.meta.json"
    meta = json.loads(sidecar.read_text())
    meta["published"] = "1987-04-30T23:00:00Z"  # was in March: the article moves to April
    sidecar.write_text(json.dumps(meta))
    assert [r.rows_in for r in run().reports] == [2]  # the story and the one whose sidecar changed
    assert_moved_once(out)
    assert [r.rows_in for r in run(force=True).reports] == [12]
    assert_moved_once(out)
    duck = duckdb.sql(f"SELECT count(DISTINCT article_id), count(*) FROM read_parquet('{out}/articles/**/*.parquet',"
                      " hive_partitioning = true)").fetchone()
    assert duck == (12, 12)


def test_an_empty_table_is_still_a_readable_dataset(tmp_path):
    io.ensure_readable(tmp_path, "mentions")
    assert pd.read_parquet(tmp_path / "mentions").empty
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{tmp_path}/mentions/**/*.parquet', "
                      "hive_partitioning = true)").fetchone() == (0,)


def test_a_batch_reads_its_declared_columns_from_the_files_that_hold_its_articles(stored, nightly):
    raw, out, run = stored
    nightly.write_batch(raw, 12, seed=22, months=MONTHS, prefix="q")
    run()  # a second night: every month now has two part files of articles
    assert all(len(io.part_files(out / "articles" / f"published_month={m}")) == 2 for m in MONTHS)
    settings = make_settings(out=out, show_progress=False)
    spec = StageSpec(name="probe", reads=("articles",), writes=(), code=(), columns={"articles": ("text",)})
    todo, skipped = plan(spec, "v1", settings)
    assert (todo.num_rows, skipped) == (24, 0)
    files = RowFiles(spec.reads, settings, todo)
    seen = []
    for batch in batches(todo, 2):
        ids = batch.column("article_id").to_pylist()
        # Batches follow storage order, so each holds articles of one part file and reads that file only.
        assert len(files.files("articles", pa.array(ids))) == 1
        inputs = load_batch(spec, batch, settings, files)
        assert inputs["articles"].column_names == ["article_id", "source_path", "record", "text"]
        assert sorted(inputs["articles"].column("article_id").to_pylist()) == sorted(ids)
        seen += ids
    assert sorted(seen) == sorted(todo.column("article_id").to_pylist())
