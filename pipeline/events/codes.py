"""CAMEO and PLOVER codes of an event, from its type and modality (``models/events/codes.csv``).

Lookup: the row of the event's type and modality, else the row of any type
and that modality ("*,negated": no codes), else the row of the type and any
modality. Every event type must have a row for any modality, so no event
goes without codes by omission.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.events.types import EVENT_TYPES, MODALITIES
from pipeline.rulefiles import read_rows

ANY = "*"
COLUMNS = ("cameo_code", "plover_type", "plover_mode", "plover_context")


@dataclass(frozen=True, slots=True)
class Codes:
    """The codes of one (type, modality); all None for an event not coded (negated)."""

    cameo_code: str | None = None
    plover_type: str | None = None
    plover_mode: str | None = None
    plover_context: str | None = None

    def as_row(self) -> dict[str, str | None]:
        """The four columns of ``event_mentions``."""
        return {name: getattr(self, name) for name in COLUMNS}


CodeTable = Mapping[tuple[str, str], Codes]


def read_codes(path: Path) -> dict[tuple[str, str], Codes]:
    """The code table; unknown types or modalities, or a type without a row for any modality, fail."""
    table: dict[tuple[str, str], Codes] = {}
    for row in read_rows(path):
        key = (row["event_type"], row["modality"])
        if key[0] not in (*EVENT_TYPES, ANY) or key[1] not in (*MODALITIES, ANY):
            raise ValueError(f"{path}: unknown event type or modality in {key}")
        table[key] = Codes(*(row[name] or None for name in COLUMNS))
    missing = sorted(t for t in EVENT_TYPES if (t, ANY) not in table)
    if missing:
        raise ValueError(f"{path}: event types {missing} have no row for any modality ('*')")
    return table


def codes_for(table: CodeTable, event_type: str, modality: str) -> Codes:
    """The codes of an event (see the module doc)."""
    return table.get((event_type, modality)) or table.get((ANY, modality)) or table.get((event_type, ANY)) or Codes()
