"""Helpers for reader tests: the fixture folder, and reading a file the way ingest does."""

from __future__ import annotations

from pathlib import Path

from pipeline.config import PROJECT_ROOT, Settings, make_settings
from pipeline.readers import read_file
from pipeline.records import RawArticle, RawReject

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "readers"
RAW = PROJECT_ROOT / "data" / "raw"


def read_path(path: Path, settings: Settings | None = None) -> list[RawArticle | RawReject]:
    """Everything `read_file` yields for ``path`` (dispatch, limits and guards included)."""
    return list(read_file(path, path.name, settings or make_settings(show_progress=False)))


def articles_of(items: list) -> list[RawArticle]:
    return [item for item in items if isinstance(item, RawArticle)]


def rejects_of(items: list) -> list[RawReject]:
    return [item for item in items if isinstance(item, RawReject)]
