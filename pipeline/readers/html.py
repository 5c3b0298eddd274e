"""Reader for this format: not built yet (see the foundation issue)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pipeline.config import Settings
from pipeline.readers.common import ReaderError
from pipeline.records import RawArticle, RawReject


def read(path: Path, source_path: str, settings: Settings) -> Iterator[RawArticle | RawReject]:
    """Not built yet: every file becomes a reject saying so."""
    raise ReaderError("unsupported_format", "the html reader is not built yet")
    yield  # pragma: no cover
