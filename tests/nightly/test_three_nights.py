"""Three nights of a growing raw folder give the same tables as one run over everything.

Each night adds a batch of wire stories; the second night also brings a corrected copy of
one story from the first. Every night must read only its own files and process only its own
articles (checked in the ``runs`` manifest), and the tables after the third night must hold
exactly the rows of a single run over all three batches.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.config import make_settings
from pipeline.runner import run_stages

NIGHTS = (("2025-03",), ("2025-03", "2025-04"), ("2025-04", "2025-05"))
SIZES = (10, 8, 6)


def failed_articles(out: Path) -> dict[str, int]:
    """How many articles each later stage has failed on so far (they are retried)."""
    if not (out / "rejects").exists():
        return {}
    rejects = pd.read_parquet(out / "rejects")
    return rejects.dropna(subset=["article_id"]).groupby("stage").article_id.nunique().to_dict()


def test_three_nights_equal_one_full_run(tmp_path, nightly, built_stages):
    from pipeline.stages.registry import STAGES

    raw, nightly_out, full_out = tmp_path / "raw", tmp_path / "nightly", tmp_path / "full"
    stages = [(name, STAGES[name]) for name in built_stages]
    seen_files = seen_articles = 0
    for night, (months, size) in enumerate(zip(NIGHTS, SIZES), start=1):
        paths = nightly.write_batch(raw / f"night{night}", size, seed=30 + night, months=months, prefix=f"n{night}-")
        new_files = size
        if night == 2:  # a corrected story from night 1 arrives as a changed file
            first = raw / "night1" / "n1-000.txt"
            first.write_text(first.read_text(encoding="utf-8") + "Corrects the tariff rate.\n", encoding="utf-8")
            new_files += 1
        retried = failed_articles(nightly_out)
        summary = run_stages(make_settings(raw=raw, out=nightly_out, show_progress=False), stages)
        assert summary.error is None, summary.error
        runs = pd.read_parquet(nightly_out / "runs")
        tonight = runs[runs.run_id == summary.run_id].set_index("stage")
        assert list(tonight.index) == list(built_stages)
        assert tonight.loc["ingest", "rows_in"] == new_files
        assert tonight.loc["ingest", "skipped"] == seen_files - (new_files - size)
        for stage in built_stages[1:]:  # articles a stage failed on are tried again each night
            assert tonight.loc[stage, "rows_in"] == new_files + retried.get(stage, 0), stage
            assert tonight.loc[stage, "skipped"] == seen_articles - (new_files - size) - retried.get(stage, 0)
        seen_files += size
        seen_articles += size
        assert len(paths) == size

    full = run_stages(make_settings(raw=raw, out=full_out, show_progress=False), stages)
    assert full.error is None
    assert [r.rows_in for r in full.reports] == [seen_files] * len(built_stages)
    nightly.assert_same_tables(nightly_out, full_out)
    articles = pd.read_parquet(nightly_out / "articles")
    assert len(articles) == seen_articles and articles.article_id.is_unique
    # Nothing later keeps a row of the replaced version of the corrected story.
    live = set(articles.article_id)
    for table in ("mentions", "sentences", *(t for t in ("countries", "event_mentions")
                                            if (nightly_out / t).exists())):
        assert set(pd.read_parquet(nightly_out / table).article_id) <= live, table
