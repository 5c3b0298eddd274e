"""Which articles a report covers, and reading the tables for it without failing on one not written yet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from pipeline import io
from pipeline.query import run_query


@dataclass(frozen=True)
class ReportWindow:
    """Which articles the report covers: a publication-date window (None = all)."""

    since: date | None = None
    until: date | None = None

    def where(self, alias: str = "a") -> str:
        """SQL condition on ``alias.published_at`` for the window."""
        day = f"CAST({alias}.published_at AS DATE)"
        return self._condition(f"{day} >= {{since}}", f"{day} <= {{until}}")

    def overlapping(self, start: str, end: str) -> str:
        """SQL condition: the interval from column ``start`` to column ``end`` (exclusive; null = open) meets the
        window."""
        return self._condition(f"({end} IS NULL OR {end} > {{since}})", f"{start} <= {{until}}")

    def _condition(self, after_since: str, before_until: str) -> str:
        """The two templates joined with AND, each with its bound as a DATE literal (TRUE for an open side)."""
        conditions = ["TRUE"]
        if self.since:
            conditions.append(after_since.format(since=f"DATE '{self.since.isoformat()}'"))
        if self.until:
            conditions.append(before_until.format(until=f"DATE '{self.until.isoformat()}'"))
        return " AND ".join(conditions)

    def describe(self) -> str:
        """The window in words, for the report's header."""
        return f"{self.since or 'any time'} to {self.until or 'the latest article'}"


def table_exists(out: Path, table: str) -> bool:
    """True when ``table`` has been written under ``out``."""
    return io.exists(out, table)


def safe_query(out: Path, sql: str, *tables: str) -> pd.DataFrame:
    """Run a report query; an empty frame when one of the ``tables`` it reads has not been written yet.

    Only a missing table gives an empty frame: SQL that DuckDB refuses over tables that exist still fails,
    so a broken query is not mistaken for an empty section.
    """
    if not all(table_exists(out, table) for table in tables):
        return pd.DataFrame()
    return run_query(out, sql)
