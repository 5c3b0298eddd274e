"""Helpers for the end-to-end quote tests: one story run through ingest, extract and normalize, and its rows."""

from __future__ import annotations

import pandas as pd

from pipeline.config import make_settings
from pipeline.runner import run_stages


def quotes_of(root, story: str) -> list[dict]:
    """The ``quotes`` rows of one story run through ingest, extract and normalize under ``root``."""
    from pipeline.stages.registry import STAGES

    (root / "raw").mkdir()
    (root / "raw" / "story.txt").write_text(story, encoding="utf-8")
    settings = make_settings(raw=root / "raw", out=root / "processed", show_progress=False)
    run_stages(settings, [(name, STAGES[name]) for name in ("ingest", "extract", "normalize")])
    return pd.read_parquet(settings.out / "quotes").sort_values("start_char").to_dict("records")


def row(quotes, start):
    """The one row of ``quotes`` whose text starts with ``start`` (fails listing the texts when not exactly one)."""
    found = [q for q in quotes if q["text"].startswith(start)]
    assert len(found) == 1, [q["text"] for q in quotes]
    return found[0]
