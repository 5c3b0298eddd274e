"""The readings of one key on one day: whether two agree, how finely each is dated, which one the day keeps.

Pure functions; the rules of docs/timeline.md, section 4 (same day). Shared by `intervals` (the walk of a key's
changes) and `announcements` (announced changes and the day they take effect), which both read a day's readings.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from pipeline.timeline.changes import Change


def rate_text(value: float | None) -> str:
    """A rate as the table's alternatives write it: "25", "7.5", or "unstated"."""
    return "unstated" if value is None else f"{value:g}"


def rates_agree(first: float | None, second: float | None) -> bool:
    """Whether two rates can be the same tariff's: equal, or one of them unstated."""
    return first is None or second is None or first == second


def agrees(first: Change, second: Change) -> bool:
    """Whether two changes of one key and day read the same: same effect, rates equal or one unstated."""
    if first.in_force != second.in_force or (not first.in_force and first.change != second.change):
        return False
    return rates_agree(first.rate, second.rate)


def precision_rank(change: Change) -> float:
    """How finely ``change``'s date places it, finest lowest: a change dated to its day says more about that day
    than one dated to its week or month (placed on the period's first day), and both more than one placed by
    its report (last)."""
    return change.precision if change.precision is not None else math.inf


def resolve_day(changes: Sequence[Change]) -> tuple[Change, list[Change], list[Change]]:
    """Of the changes of one key on one day: the best-supported reading, those agreeing, those disagreeing.

    Best supported: dated by its text to the day, then to the week or the
    month, before placed by its report (a report only says the change
    happened on or before its day), then more articles,
    then higher confidence, then the smaller event id (so the choice never
    depends on input order). When it states
    no rate, it takes the rate its agreeing reports state, and the rate before that one of them names.
    """
    ranked = sorted(changes, key=lambda c: (precision_rank(c), -c.support[0], -c.support[1], c.event_id))
    best = ranked[0]
    agreeing = [c for c in ranked[1:] if agrees(best, c)]
    if best.rate is None and best.in_force:
        # The reading's rate is the one its agreeing reports state (they agree: at most one value).
        best = replace(best, rate=next((c.rate for c in agreeing if c.rate is not None), None))
    if best.rate_previous is None and best.in_force and best.rate is not None:
        # and the rate before is the one a report of that rate names ("to 25% from 10%")
        best = replace(best, rate_previous=next((c.rate_previous for c in agreeing
                                                 if c.rate == best.rate and c.rate_previous is not None), None))
    return best, agreeing, [c for c in ranked[1:] if not agrees(best, c)]


# Changes that end a tariff in force, and readings that a tariff (still) applies after the day's change: a
# text that says both lifted part of a tariff (`partial_cut`).
LIFTS = ("suspended", "removed")
KEEPS = ("imposed", "reduced")


def partial_cut(best: Change, agreeing: list[Change],
                disagreeing: list[Change]) -> tuple[Change, list[Change], list[Change]] | None:
    """A day's reading as a cut when its best reading lifts the tariff and one text of that lift also keeps a
    tariff in force; None when it is no such day.

    "suspending 24 percentage points of that rate …, while retaining the remaining rate of 10 percent;
    and removing the rates imposed on April 8": the events read a removal and, from the same text, a
    tariff that applies, and a tariff cannot both end and apply on one day. The lift was of part of the
    rate: the reading is a reduction to the rate the text keeps (unstated when it states none), with the
    evidence of both; other readings stay alternatives (section 4).
    """
    if best.change not in LIFTS:
        return None
    lift_articles = {a for change in (best, *agreeing) for a in change.article_ids}
    kept = [c for c in disagreeing if c.change in KEEPS and lift_articles.intersection(c.article_ids)]
    if not kept:
        return None
    rate = next((c.rate for c in kept if c.rate is not None), None)
    cut = replace(best, change="reduced", in_force=True, rate=rate, rate_previous=None)
    return cut, [*agreeing, *kept], [c for c in disagreeing if c not in kept]
