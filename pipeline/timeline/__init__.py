"""The tariff timeline: which tariff applied between whom, on what, on which day, from `events` rows.

Pure functions (no I/O but `load_rules`, which reads `models/timeline/`);
the rules are docs/timeline.md's. The events stage calls `build_timeline`
after it has rebuilt `events`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pipeline.timeline.changes import Change, all_changes, event_changes
from pipeline.timeline.sequences import timeline_rows
from pipeline.timeline.rules import RULE_FILES, TimelineRules, load_rules

__all__ = ["RULE_FILES", "Change", "TimelineRules", "build_timeline", "event_changes", "load_rules"]


def build_timeline(events: Iterable[Mapping[str, Any]], rules: TimelineRules) -> list[dict[str, Any]]:
    """The rows of `tariff_timeline` (every column but ``run_id``) from rows of `events`."""
    return timeline_rows(all_changes(events, rules), rules.windows)
