"""Announced changes and the day they take effect: a plan's day of effect moves the asserted change it
corroborates, and a pause before that day means the change never took effect.

Pure functions over the changes of one asserted key (after `intervals.attach_undated` has placed its undated
reports); the rules of docs/timeline.md, section 2 (announcements and their effect).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from pipeline.timeline.changes import Change
from pipeline.timeline.readings import partial_cut, rates_agree, resolve_day
from pipeline.timeline.rules import Windows

# Changes an order announces for a later day: a tariff, a rise, a cut. Lifts take effect when told.
ANNOUNCED = ("imposed", "increased", "reduced")


def _corroborates(plan: Change, best: Change) -> bool:
    """Whether ``plan`` is the plan of the change ``best`` asserts: the same change at an agreeing rate, or a
    tariff in force at the same stated rate ("raised … to 20%" and "the 20% tariff takes effect")."""
    if not plan.in_force:
        return False
    if plan.change == best.change:
        return rates_agree(plan.rate, best.rate)
    return plan.rate is not None and plan.rate == best.rate


def _corroborating_days(best: Change, plans: Sequence[Change], report_days: int) -> set[date]:
    """The days of effect ``plans`` state for the change ``best`` asserts, 1 to ``report_days`` days after it.

    Only the day a plan's text gives (``events.effective_date``: "… to go into effect Feb. 4") counts, never the
    plan's own date: that is as often the day the plan was said ("the president says he will put 20% duties on
    lumber", dated the day he said it) as the day of effect."""
    return {day for plan in plans if (day := plan.stated_effective) is not None
            and 0 < (day - best.day).days <= report_days and _corroborates(plan, best)}


def corroborated_day(best: Change, plans: Sequence[Change], report_days: int) -> date | None:
    """The day of effect the plans of ``best`` state, when it lies 1 to ``report_days`` days after ``best``'s
    day; None when no plan corroborates it, or when its plans state different days in that window (one of them
    misread), which leaves the day to the asserted readings."""
    return _the_one_day(_corroborating_days(best, plans, report_days))


def _the_one_day(days: set[date]) -> date | None:
    """The day when ``days`` holds exactly one; None when it holds none or several (one of them misread)."""
    return next(iter(days)) if len(days) == 1 else None


def _stated_in_force(changes: Sequence[Change]) -> list[Change]:
    """The asserted readings of a key placed on the day of effect their text states: "announced he was imposing
    25% duties to go into effect Feb. 4", told after that day, is asserted (docs/events.md, section 14), and
    states the day of effect of the announcement as a plan would."""
    return [c for c in changes if c.effective_stated and c.stated_effective is not None]


def _to_effective_day(change: Change, day: date, announced: date) -> Change:
    """``change`` placed on ``day``, its day of effect, announced on ``announced``; a pause read that day (an
    alternative) keeps its stated length from there."""
    pause_end = change.pause_end + (day - change.day) if change.pause_end is not None else None
    return replace(change, day=day, announced_on=announced, effective_on=day, effective_stated=True,
                   period_end=day, pause_end=pause_end)


def to_planned_effective_days(changes: Sequence[Change], plans: Sequence[Change],
                              windows: Windows) -> list[Change]:
    """``changes`` (one asserted key, sorted by day) with each day's reading that states no day of effect moved
    to the day a plan of the same key gives (`corroborated_day`), with every other reading of its day.

    "Imposed 25% tariffs on Canada on Saturday" (1 February) and the plan "25% duties … to go into effect Feb. 4":
    one measure, announced on the 1st, to take effect on the 4th. The day's readings that disagree move with it
    and stay its alternatives: left behind, each would begin an interval of its own. An asserted reading of
    the same change placed on its stated day of effect gives the day before any plan (`_stated_in_force`), and
    is announced with the readings moved there, so that a pause before that day pre-empts it too.
    """
    stated = _stated_in_force(changes)
    moved: dict[str, date] = {}
    for _, group in itertools.groupby(changes, key=lambda c: c.day):
        readings = list(group)
        best, agreeing, disagreeing = resolve_day(readings)
        # a lift of part of a rate, told with the rate it keeps, is a cut (`partial_cut`), which an order may
        # announce for a later day as it does a tariff: "… retaining the remaining rate of 10 percent" on the
        # 12th and the order's "Effective … May 14, … 10 percent"
        cut = partial_cut(best, agreeing, disagreeing)
        best = cut[0] if cut is not None else best
        if not best.in_force or best.effective_stated or best.change not in ANNOUNCED:
            continue
        # An asserted reading of the same change stating its day outranks a plan ("imposed … as of February 4"
        # and a plan of the 6th); such readings stating different days leave it to the walk
        # (`intervals._takes_effect_later`). Another change at the rate ("raised to 10%") is not the order.
        asserted_days = _corroborating_days(best, [c for c in stated if c.change == best.change],
                                            windows.report_days)
        # a reading placed by its report that states no rate ("new U.S. tariffs on gloves from China", told a
        # week before an order's cut took effect) is too loose to be the plan's change: only its report's day
        # says anything of it
        loose = best.effective_on is None and best.rate is None
        day = _the_one_day(asserted_days) if asserted_days \
            else None if loose else corroborated_day(best, plans, windows.report_days)
        if day is not None:
            moved.update((c.event_id, day) for c in readings)
    # readings of several days may move to one day of effect (the order and reports of it the day after): all
    # are announced on the earliest of them
    first_told: dict[date, date] = {}
    for change in changes:
        if change.event_id in moved:
            day = moved[change.event_id]
            told = min(d for d in (change.announced_on, change.day) if d is not None)
            first_told[day] = min(first_told.get(day, told), told)
    # a reading placed on that day by its own stated day of effect, told after it, is of the same announcement
    told_on = {c.event_id: first_told[c.day] for c in stated if c.event_id not in moved and c.day in first_told
               and (c.announced_on is None or first_told[c.day] < c.announced_on)}
    placed = [_to_effective_day(c, moved[c.event_id], first_told[moved[c.event_id]]) if c.event_id in moved
              else replace(c, announced_on=told_on[c.event_id]) if c.event_id in told_on else c
              for c in changes]
    return sorted(placed, key=lambda c: (c.day, c.event_id))


def _pre_empting_pause(change: Change, changes: Sequence[Change]) -> Change | None:
    """The pause that lifted ``change`` before it took effect: a suspension of the same key after its
    announcement and before its day of effect, dated by its text (a pause placed by its report only says it
    happened by then), lifting its rate (or one side unstated); None when none. A suspension of the announcement's
    own day is not counted: it is as often the measure itself read as one ("suspending duty-free treatment",
    which takes effect weeks later)."""
    if not change.in_force or change.announced_on is None or change.announced_on >= change.day:
        return None
    return next((c for c in changes if c.change == "suspended" and c.effective_on is not None
                 and change.announced_on < c.day < change.day and rates_agree(c.rate_previous, change.rate)), None)


def pre_empted(changes: Sequence[Change]) -> list[Change]:
    """``changes`` (one asserted key) with each change paused before its day of effect placed back on its
    announcement, marked as never in force (`Change.pre_empted`), with the other readings of its day and
    announcement; sorted by day, then event id.

    The orders of 1 February 2025 put 25% on Canada and Mexico from 4 February; on 3 February both were paused
    for 30 days, so neither took effect then: announced on the 1st, paused on the 3rd, in force from 4 March.
    The change keeps its day of effect as ``effective_on``, which then lies after its interval's end.
    """
    lifted = {(c.day, c.announced_on) for c in changes if _pre_empting_pause(c, changes) is not None}
    placed = [replace(c, day=c.announced_on, pre_empted=c.in_force) if (c.day, c.announced_on) in lifted else c
              for c in changes]
    return sorted(placed, key=lambda c: (c.day, c.event_id))
