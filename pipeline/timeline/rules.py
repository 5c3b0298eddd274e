"""The timeline's rule data (`models/timeline/`): which events move it, with which change, at which status.

Read once by `load_rules` through `pipeline.rulefiles`; the functions that
build the timeline take the resulting `TimelineRules` and do no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.rulefiles import read_day_windows, read_rows

CHANGES_FILE = "timeline/changes.csv"
MODALITIES_FILE = "timeline/modalities.csv"
GRANULARITIES_FILE = "timeline/granularities.csv"
WINDOWS_FILE = "timeline/windows.csv"
RULE_FILES = (CHANGES_FILE, MODALITIES_FILE, GRANULARITIES_FILE, WINDOWS_FILE)

CHANGE_KINDS = ("imposed", "increased", "reduced", "suspended", "resumed", "exempted", "removed")
STATUSES = ("asserted", "planned", "threatened")
IGNORED = "ignored"


@dataclass(frozen=True)
class ChangeRule:
    """What an event type does to the timeline."""

    change: str  # one of CHANGE_KINDS
    in_force: bool  # whether a tariff applies in the interval the change begins
    status: str | None  # a status the type forces (a threat), or None to read it from the modality


@dataclass(frozen=True)
class Windows:
    """The timeline's time windows in days (``timeline/windows.csv`` gives the reason for each value)."""

    report_days: int  # how long after a dated change an undated report of it is taken to be about it
    entry_days: int  # how long after a measure's first report a report of it may state its rate
    # how far from a pause's end counted from its stated length ("a month", "30 days") a report of the paused
    # tariff in force places that end instead
    pause_end_days: int


@dataclass(frozen=True)
class TimelineRules:
    """The rule data, checked against the allowed values when read."""

    changes: Mapping[str, ChangeRule]  # event_type -> rule; types not listed never enter the timeline
    statuses: Mapping[str, str]  # modality -> status, or IGNORED
    # event-date granularities fine enough to place a change, finest first as the file lists them
    placed_granularities: tuple[str, ...]
    windows: Windows


def _flag(value: str, path: str, column: str) -> bool:
    if value not in ("true", "false", "yes", "no"):
        raise ValueError(f"{path}: {column} must be true/false or yes/no, not {value!r}")
    return value in ("true", "yes")


def _allowed(value: str, allowed: tuple[str, ...], path: str, column: str) -> str:
    if value not in allowed:
        raise ValueError(f"{path}: {column} {value!r} is not one of {', '.join(allowed)}")
    return value


def load_rules(models_dir: Path) -> TimelineRules:
    """Read and check ``models_dir/timeline/*.csv``; fail naming the file and the value that is not allowed
    (a window: `pipeline.rulefiles.read_day_windows`)."""
    changes = {}
    for row in read_rows(models_dir / CHANGES_FILE):
        status = _allowed(row["status"], STATUSES, CHANGES_FILE, "status") if row["status"] else None
        changes[row["event_type"]] = ChangeRule(_allowed(row["change"], CHANGE_KINDS, CHANGES_FILE, "change"),
                                                _flag(row["in_force"], CHANGES_FILE, "in_force"), status)
    statuses = {row["modality"]: _allowed(row["status"], (*STATUSES, IGNORED), MODALITIES_FILE, "status")
                for row in read_rows(models_dir / MODALITIES_FILE)}
    placed = tuple(row["granularity"] for row in read_rows(models_dir / GRANULARITIES_FILE)
                   if _flag(row["placed"], GRANULARITIES_FILE, "placed"))
    windows = read_day_windows(models_dir / WINDOWS_FILE,
                               ("report_window_days", "entry_window_days", "pause_end_window_days"))
    return TimelineRules(changes, statuses, placed, Windows(windows["report_window_days"],
                                                            windows["entry_window_days"],
                                                            windows["pause_end_window_days"]))
