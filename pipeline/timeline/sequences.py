"""From every key's changes to the table's rows: each key's intervals, each ending the day the next begins.

Pure functions; the rules of docs/timeline.md, sections 3 (a product's pause that is the pause of all goods),
4 (readings that say nothing) and 6 (ids).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from pipeline.articles import short_hash
from pipeline.timeline.changes import Change
from pipeline.timeline.intervals import LEVEL_CHANGES, REPORT_WINDOW_DAYS, Interval, rates_agree, walk


def timeline_id(change: Change, valid_from: date) -> str:
    """Deterministic id of an interval: actor, (pseudo-)target, product, status and first day."""
    return short_hash("timeline", change.actor, change.target or "", change.scope, ",".join(change.excluded),
                      change.product or "", change.status, valid_from.isoformat())


def interval_rows(intervals: Sequence[Interval]) -> list[dict[str, Any]]:
    """The table rows of one key's intervals: each ends the day the next begins; the last stays open."""
    rows = []
    for interval, following in itertools.zip_longest(intervals, intervals[1:]):
        first = interval.first
        rows.append({
            "timeline_id": timeline_id(first, first.day), "actor_iso3": first.actor,
            "target_iso3": first.target, "target_scope": first.scope, "excluded_iso3": list(first.excluded),
            "product": first.product, "hs_codes": sorted(interval.hs_codes), "status": first.status,
            "change": first.change, "in_force": first.in_force,
            "rate_value": interval.rate if first.in_force else None, "rate_previous": interval.rate_previous,
            "valid_from": first.day, "valid_to": following.first.day if following is not None else None,
            "announced_on": first.announced_on, "effective_on": interval.effective_on,
            "conflict": bool(interval.alternatives), "alternatives": list(interval.alternatives),
            "event_ids": sorted(interval.event_ids), "article_ids": sorted(interval.article_ids),
        })
    return rows


def _informative(intervals: list[Interval]) -> list[Interval]:
    """``intervals`` without the leading ones that say nothing of the tariff.

    A rise or a cut with nothing before it in its sequence, no rate and no
    date from its text changes a level no report states, on a day no text
    gives ("the tariffs have increased uncertainty … as soybeans … are
    vulnerable", read as a rise on Mexican soybeans): it is not a row.
    """
    start = 0
    while start < len(intervals) and intervals[start].first.change in LEVEL_CHANGES \
            and intervals[start].rate is None and intervals[start].effective_on is None:
        start += 1
    return intervals[start:]


def _all_goods_pause(pause: Interval, all_goods: Sequence[Interval]) -> Interval | None:
    """The pause of all goods that a pause of one product, with nothing of that product in force before
    it, reports; None when there is none.

    That pause lifts no rate of the product's own: its rate before is unstated, or the rate the pause of
    all goods of the same target lifted, within `REPORT_WINDOW_DAYS` ("he delayed plans for 25% general
    import tariffs on Canada, … the biggest supplier of aluminum"; "paused … a 25% tariff on Mexican oil",
    whose oil had no rate but the one on all Mexican goods). A pause lifting a rate of its own (10% on
    Canadian energy, beside 25% on all goods) is the product's.
    """
    if pause.first.change != "suspended":
        return None
    for interval in all_goods:
        near = abs((interval.first.day - pause.first.day).days) <= REPORT_WINDOW_DAYS
        if interval.first.change == "suspended" and near and rates_agree(pause.rate_previous, interval.rate_previous):
            return interval
    return None


def _fold_product_pause(intervals: list[Interval], all_goods: Sequence[Interval]) -> list[Interval]:
    """A product's intervals without a leading pause that reports the pause of all goods (`_all_goods_pause`)
    and the resumption it scheduled; their evidence goes to the pause of all goods."""
    reported = _all_goods_pause(intervals[0], all_goods) if intervals else None
    if reported is None:
        return intervals
    folded = 2 if len(intervals) > 1 and intervals[1].first.change == "resumed" else 1
    for interval in intervals[:folded]:
        reported.event_ids.update(interval.event_ids)
        reported.article_ids.update(interval.article_ids)
    return intervals[folded:]


def _all_goods_key(key: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """The key of the all-goods sequence beside a product's ``key`` (`Change.key`): the same actor, target
    and status, no product; None when ``key`` is itself of all goods."""
    actor, target, scope, excluded, product, status = key
    return None if product is None else (actor, target, scope, excluded, None, status)


def timeline_rows(changes: Iterable[Change]) -> list[dict[str, Any]]:
    """Every interval row of ``changes`` (sorted by key, then day), key by key.

    A product's sequence is read beside the all-goods sequence of its actor, target and status: a pause of
    the product alone may be that of all goods (`_fold_product_pause`), which then holds its evidence.
    """
    walked = {key: _informative(walk(list(group)))
              for key, group in itertools.groupby(changes, key=lambda c: c.key)}
    for key, intervals in walked.items():
        all_goods_key = _all_goods_key(key)
        if all_goods_key in walked:
            walked[key] = _fold_product_pause(intervals, walked[all_goods_key])
    return [row for intervals in walked.values() for row in interval_rows(intervals)]
