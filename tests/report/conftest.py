"""A small constructed `tariff_timeline` (with the `articles` and `runs` the header reads), for the report tests.

The intervals follow the shape of the 2025 US tariffs: Canada 25 % from 4 March, suspended and resumed; China
10 % then 20 %; steel from every country 25 % then 50 %; a planned tariff; an open-ended interval.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from pipeline import io
from pipeline.schemas import schema_for

WINDOW_END = date(2025, 6, 30)  # the latest article's day: where the open intervals stop


def interval(actor: str, target: str | None, valid_from: date, valid_to: date | None, rate: float | None, *,
             scope: str = "bilateral", product: str | None = None, status: str = "asserted",
             change: str = "imposed", in_force: bool = True, excluded: tuple[str, ...] = ()) -> dict:
    """One `tariff_timeline` row with every column the schema declares."""
    key = f"{actor}-{target or scope}-{product}-{status}-{valid_from}"
    return {"timeline_id": key, "actor_iso3": actor, "target_iso3": target, "target_scope": scope,
            "excluded_iso3": list(excluded), "product": product, "hs_codes": [], "status": status,
            "change": change, "in_force": in_force, "rate_value": rate, "rate_previous": None,
            "valid_from": valid_from, "valid_to": valid_to, "announced_on": None, "effective_on": valid_from,
            "conflict": False, "alternatives": [], "event_ids": [f"ev-{key}"], "article_ids": ["a1"],
            "run_id": "run-1"}


TIMELINE = [
    interval("USA", "CAN", date(2025, 3, 4), date(2025, 3, 6), 25.0),
    interval("USA", "CAN", date(2025, 3, 6), date(2025, 4, 2), 25.0, change="suspended", in_force=False),
    interval("USA", "CAN", date(2025, 4, 2), None, 25.0, change="resumed"),
    interval("USA", "CHN", date(2025, 2, 4), date(2025, 3, 4), 10.0),
    interval("USA", "CHN", date(2025, 3, 4), None, 20.0, change="increased"),
    interval("USA", None, date(2025, 3, 12), date(2025, 6, 4), 25.0, scope="all", product="steel"),
    interval("USA", None, date(2025, 6, 4), None, 50.0, scope="all", product="steel", change="increased"),
    interval("USA", None, date(2025, 4, 5), None, 10.0, scope="all_except", excluded=("CAN", "MEX")),
    interval("USA", "MEX", date(2025, 7, 1), None, 30.0, status="planned"),
    interval("EU", "USA", date(2025, 4, 15), None, 25.0, status="threatened", product="whiskey"),
]


def write_tables(out: Path, timeline: list[dict] | None) -> Path:
    """Write `articles` (two, dated), `runs` (an older failed run, then the last one) and, unless None,
    `tariff_timeline` under ``out``."""
    article = {"article_id": "a1", "source_id": "s1", "source": "wire", "source_path": "a.txt", "record": 0,
               "format": "text", "url": "https://example.org/a1", "categories": [], "headline": "Tariffs <rise>",
               "subheadline": None, "dateline": None, "byline": None,
               "published_at": datetime(2025, 3, 4, 12, 30, tzinfo=UTC), "published_from": "metadata",
               "language": "en", "text": "Tariffs rise.", "body_start": 0, "content_hash": "h1", "run_id": "run-1"}
    second = {**article, "article_id": "a2", "source_id": "s2", "content_hash": "h2",
              "published_at": datetime(2025, 6, 30, 9, 0, tzinfo=UTC)}
    rows = [{name: row.get(name) for name in schema_for("articles").names} for row in (article, second)]
    for row in rows:
        row["published_month"] = f"{row['published_at']:%Y-%m}"
    io.append_rows(out, "articles", rows, part_key="fixture")
    io.replace_table(out, "runs", [
        {"run_id": run_id, "stage": stage, "started_at": started, "ended_at": started,
         "inputs": [], "rules_version": "r1", "rows_in": 2, "rows_out": 2, "rejects": 0, "skipped": 0,
         "status": status, "message": None, "packages": "{}"}
        for run_id, stage, status, started in (
            ("20250601T080000Z-0ld000", "ingest", "failed", datetime(2025, 6, 1, 8, 0, tzinfo=UTC)),
            ("20250701T080000Z-abc123", "ingest", "rejects", datetime(2025, 7, 1, 8, 0, tzinfo=UTC)),
            ("20250701T080000Z-abc123", "events", "ok", datetime(2025, 7, 1, 8, 5, tzinfo=UTC)))])
    if timeline is not None:
        io.replace_table(out, "tariff_timeline", timeline)
    return out


@pytest.fixture
def timeline_tables(tmp_path: Path) -> Path:
    """Tables under a fresh folder holding the constructed timeline."""
    return write_tables(tmp_path / "out", TIMELINE)
