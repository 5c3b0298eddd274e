"""From `events` rows to dated changes: one `Change` per event and target that the rules let in.

Pure functions over row mappings (as `events` holds them); the rules of
docs/timeline.md, sections 1-3.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from pipeline.timeline.rules import IGNORED, TimelineRules

BILATERAL = "bilateral"
ASSERTED = "asserted"  # the status that moves the timeline (docs/timeline.md, section 1)
DAY = "day"  # the granularity of a day (events.event_date_granularity)
_DURATION = re.compile(r"^P(\d+)([DWMY])$")


@dataclass(frozen=True)
class Change:
    """One event's change to the tariff between its actor and one target on one product."""

    actor: str
    target: str | None  # null for the pseudo-targets of ``scope``
    scope: str  # bilateral, all, all_except, unspecified
    excluded: tuple[str, ...]
    product: str | None  # normalized (`product_key`); null: all goods
    hs_codes: tuple[str, ...]
    status: str  # asserted, planned, threatened
    change: str  # imposed, increased, reduced, suspended, resumed, exempted, removed
    in_force: bool
    rate: float | None
    rate_previous: float | None
    day: date  # where the change is placed: valid_from of the interval it begins
    announced_on: date | None
    effective_on: date | None  # null: the text gave no usable date; ``day`` is the first report's day
    pause_end: date | None  # a suspension's end (its start plus its duration), when it states one
    # how finely its date places it: the rank of the date's granularity among the placed ones, finest (a day)
    # first (`TimelineRules.placed_granularities`); null when placed by its report
    precision: int | None
    period_end: date | None  # the last day of the period its date names (a week's Sunday); null when undated
    event_id: str
    article_ids: tuple[str, ...]
    confidence: float
    # placed on the day its text says it takes effect (``effective_date``), not on the day it was told
    effective_stated: bool = False
    # the day its text says it takes effect (``events.effective_date``), whatever its status: a plan's day of
    # effect corroborates the day an asserted change announced without one takes effect (`announcements`)
    stated_effective: date | None = None
    # lifted before the day it was to take effect (``effective_on``): announced, never in force (`announcements`)
    pre_empted: bool = False

    @property
    def key(self) -> tuple[Any, ...]:
        """What one sequence of intervals shares: actor, (pseudo-)target, product, status."""
        return (self.actor, self.target, self.scope, self.excluded, self.product, self.status)

    @property
    def support(self) -> tuple[int, float]:
        """How well the change is supported: its articles, then its confidence (higher is better)."""
        return (len(self.article_ids), self.confidence)


def product_key(product: str | None) -> str | None:
    """The product as the timeline keys it: lower case, single spaces; null (all goods) when empty."""
    if product is None:
        return None
    key = " ".join(product.lower().split())
    return key or None


def add_duration(start: date, duration: str | None) -> date | None:
    """``start`` plus an ISO 8601 duration of one unit (``P30D``, ``P2W``, ``P3M``, ``P1Y``); None otherwise.

    A month or year is added by the calendar and lands on the month's last day
    when the day does not exist (31 January plus one month: 28 February).
    """
    match = _DURATION.match(duration or "")
    if match is None:
        return None
    count, unit = int(match.group(1)), match.group(2)
    if unit in "DW":
        return start + timedelta(days=count * (7 if unit == "W" else 1))
    months = count * (12 if unit == "Y" else 1)
    year, month = divmod(start.month - 1 + months, 12)
    year, month = start.year + year, month + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _day(value: datetime | date | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()  # first_published_at is UTC: its day is the UTC day, never the machine's
    return value


def placement(event: Mapping[str, Any], rules: TimelineRules,
              status: str = "asserted") -> tuple[date, date | None, date | None] | None:
    """``(day, announced_on, effective_on)`` of an event, or None when it cannot be placed.

    An asserted measure whose text states the day it takes effect (``effective_date``, "takes effect on April
    9") is placed on that day; the announcement is the earlier of its date (a day) and its first report's day
    before it, if any. Otherwise a date of a placed granularity is the day the change takes effect; when it
    lies after the first report's day, that day is the announcement. Without
    such a date the change is placed at the first report's day and
    ``effective_on`` stays null, which is how a row says so. Without either,
    the event is left out.
    """
    published = _day(event.get("first_published_at"))
    start = event.get("event_date_start")
    effective = event.get("effective_date")
    if effective is not None and status == ASSERTED:
        told = start if start is not None and event.get("event_date_granularity") == DAY else None
        before = [d for d in (told, published) if d is not None and d < effective]
        return effective, min(before, default=None), effective
    if start is not None and event.get("event_date_granularity") in rules.placed_granularities:
        announced = published if published is not None and published < start else None
        return start, announced, start
    if published is None:
        return None
    return published, None, None


def status_of(event: Mapping[str, Any], rules: TimelineRules) -> str | None:
    """The event's status on the timeline, or None when it does not enter it (docs/timeline.md, section 1)."""
    rule = rules.changes.get(event["event_type"])
    if rule is None or event.get("is_background") or not event.get("actor_iso3"):
        return None
    status = rules.statuses.get(event["modality"], IGNORED)
    if status == IGNORED:
        return None
    return rule.status or status


def _targets(event: Mapping[str, Any]) -> list[tuple[str | None, str, tuple[str, ...]]]:
    """``(target, scope, excluded)`` per row: one per named target, else the event's pseudo-target."""
    targets = sorted(set(event.get("target_iso3") or ()) - {event["actor_iso3"]})
    if targets:
        return [(target, BILATERAL, ()) for target in targets]
    scope = event.get("target_scope") or "unspecified"
    excluded = tuple(sorted(event.get("excluded_iso3") or ())) if scope == "all_except" else ()
    return [(None, scope, excluded)]


def event_changes(event: Mapping[str, Any], rules: TimelineRules) -> list[Change]:
    """The changes one `events` row makes: one per target, none when the rules leave it out."""
    status = status_of(event, rules)
    placed = placement(event, rules, status) if status is not None else None
    if status is None or placed is None:
        return []
    rule = rules.changes[event["event_type"]]
    day, announced, effective = placed
    # placed on its stated effective day, the change is as fine as a day and its period is that day
    on_effective_day = status == ASSERTED and effective is not None and effective == event.get("effective_date")
    granularity = DAY if on_effective_day else event["event_date_granularity"]
    pause_end = add_duration(day, event.get("duration")) if rule.change == "suspended" else None
    return [Change(actor=event["actor_iso3"], target=target, scope=scope, excluded=excluded,
                   product=product_key(event.get("product")), hs_codes=tuple(event.get("hs_codes") or ()),
                   status=status, change=rule.change, in_force=rule.in_force, rate=event.get("rate_value"),
                   rate_previous=event.get("rate_previous"), day=day, announced_on=announced,
                   effective_on=effective, pause_end=pause_end,
                   precision=rules.placed_granularities.index(granularity) if effective is not None else None,
                   period_end=None if effective is None else day if on_effective_day
                   else event.get("event_date_end") or day,
                   event_id=event["event_id"],
                   article_ids=tuple(sorted(event.get("article_ids") or ())),
                   confidence=float(event.get("confidence") or 0.0), effective_stated=on_effective_day,
                   stated_effective=event.get("effective_date"))
            for target, scope, excluded in _targets(event)]


def all_changes(events: Iterable[Mapping[str, Any]], rules: TimelineRules) -> list[Change]:
    """Every change of ``events`` in a deterministic order (key, day, event id)."""
    found = [change for event in events for change in event_changes(event, rules)]
    return sorted(found, key=lambda c: (_sortable(c.key), c.day, c.event_id))


def _sortable(key: tuple[Any, ...]) -> tuple[Any, ...]:
    """A key with its nulls made comparable (null sorts first)."""
    return tuple(("", "") if part is None else ("1", part) for part in key)
