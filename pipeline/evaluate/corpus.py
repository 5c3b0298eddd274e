"""Where the shared corpora are, and reading chosen records of the JSON Lines ones.

Kept apart from `locate` (which writes the gold articles' inputs) because
`gold` needs it too, to resolve the spans of a packed gold file, and `locate`
imports `gold`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.config import PROJECT_ROOT

SHARED_ENV = "TRADENEWS_SHARED"
# Corpora kept as one JSON Lines file under corpus/<name>/, one record a line keyed by "id"
# (the gold's source_id).
JSONL_CORPORA = {"whitehouse": "whitehouse_trade.jsonl", "news2025": "news2025_en.jsonl"}


def shared_dir() -> Path:
    """The shared folder: ``$TRADENEWS_SHARED`` when set, else ``../shared`` beside the repository."""
    value = os.environ.get(SHARED_ENV)
    return Path(value) if value else PROJECT_ROOT.parent / "shared"


def corpus_file(shared: Path, corpus: str) -> Path:
    """The JSON Lines file of ``corpus`` (a key of `JSONL_CORPORA`) in the shared folder."""
    return shared / "corpus" / corpus / JSONL_CORPORA[corpus]


def jsonl_lines(ids: Iterable[str], source: Path, *, key: str = "id") -> dict[str, bytes]:
    """The lines of ``source`` whose ``key`` is in ``ids``, verbatim (first line per id; absent ids are left out)."""
    wanted = set(ids)
    if not wanted:
        return {}
    # A cheap byte test first: parsing all 1,600 long lines would cost seconds.
    needles = {i.rsplit("/", 1)[-1].encode("utf-8") for i in wanted}
    lines: dict[str, bytes] = {}
    with source.open("rb") as handle:
        for line in handle:
            if not any(n in line for n in needles):
                continue
            try:
                record_id = str(json.loads(line).get(key))
            except (json.JSONDecodeError, AttributeError):
                continue
            if record_id in wanted and record_id not in lines:
                lines[record_id] = line.rstrip(b"\r\n")
    return lines


def jsonl_records(corpus: str, ids: Iterable[str], shared: Path) -> dict[str, dict[str, Any]]:
    """The parsed records of ``corpus`` whose ``id`` is in ``ids`` (absent ids are left out)."""
    return {record_id: json.loads(line) for record_id, line in jsonl_lines(ids, corpus_file(shared, corpus)).items()}
