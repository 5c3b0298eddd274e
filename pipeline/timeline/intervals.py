"""From the changes of one key to its intervals: one reading per day, repeats folded in, pauses that end.

Pure functions; the rules of docs/timeline.md, sections 4 and 5.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from pipeline.timeline.announcements import pre_empted, to_planned_effective_days
from pipeline.timeline.changes import ASSERTED, Change
from pipeline.timeline.readings import (agrees, partial_cut, precision_rank, rate_text, rates_agree,
                                        resolve_day)
from pipeline.timeline.rules import Windows

# Changes of the level of a tariff in force: each one is an event, not a state a later report repeats.
LEVEL_CHANGES = ("increased", "reduced")
# Lifts after which the tariff may return: reports call one such measure a pause or an exemption alike.
OPEN_LIFTS = ("suspended", "exempted")


def _reading(change: Change, best: Change) -> str:
    """How an alternative is written in ``alternatives``: what it says, and the event that says it.

    "rate 15" when it differs from the kept reading only in its rate; else its change, and its rate if any.
    """
    if change.in_force and best.in_force:
        what = f"rate {rate_text(change.rate)}"
    else:
        what = change.change + (f" rate {rate_text(change.rate)}" if change.in_force else "")
    return f"{what} (event {change.event_id})"


@dataclass
class Interval:
    """An interval being built: the change that began it and what was folded into it."""

    first: Change
    rate: float | None
    rate_previous: float | None
    effective_on: date | None
    event_ids: set[str] = field(default_factory=set)
    article_ids: set[str] = field(default_factory=set)
    hs_codes: set[str] = field(default_factory=set)
    alternatives: list[str] = field(default_factory=list)
    readings: list[Change] = field(default_factory=list)  # every change folded in, for when it is withdrawn

    def absorb(self, change: Change, *, same_day: bool = True) -> None:
        """Take ``change``'s evidence, and its rate when this interval's is unstated.

        A report of the interval's first day also gives its date from the
        text; a later report's different date is an alternative (section 4).
        """
        self.readings.append(change)
        self.event_ids.add(change.event_id)
        self.article_ids.update(change.article_ids)
        self.hs_codes.update(change.hs_codes)
        if self.rate is None and (change.in_force and self.first.in_force
                                  or change.change == self.first.change == "suspended"):
            # a pause's rate is the part of the tariff it keeps in force (section 5), stated by a report of the
            # pause: the tariff it lifted, told while it runs, is not it
            self.rate = change.rate
        if same_day and self.effective_on is None:
            self.effective_on = change.effective_on
        elif not same_day and change.effective_on is not None and change.effective_on != self.effective_on:
            self.alternatives.append(f"date {change.effective_on.isoformat()} (event {change.event_id})")


def _is_repeat(current: Interval, change: Change, windows: Windows) -> bool:
    """A later change leaving the state as it is: another report of the change that began ``current``."""
    first = current.first
    if _same_lift_told_otherwise(current, change, windows):
        return True
    if first.in_force != change.in_force or (not change.in_force and first.change != change.change):
        return False
    level_unknown = change.rate is None or current.rate is None
    if change.change in LEVEL_CHANGES and change.effective_on is not None and level_unknown \
            and (change.day - first.day).days > windows.report_days:
        # A rise or cut whose level is not known on both sides, dated by its text weeks after the interval
        # began, is another rise or cut ("higher tariffs on China" in March, "increased … on April 8").
        return False
    if not change.in_force or change.rate is None or current.rate == change.rate:
        return True
    # An interval of unstated rate takes a stated one only from a report of the same change, as late as a
    # measure announced takes effect: "raised tariffs on steel" in May 2024 and "raised the tariff on steel
    # to 25%" in February 2025 are two increases, not one stated late.
    return current.rate is None and first.change == change.change and \
        (change.day - first.day).days <= windows.entry_days


def _same_lift_told_otherwise(current: Interval, change: Change, windows: Windows) -> bool:
    """Whether ``change``, a lift of the other open kind (`OPEN_LIFTS`) placed by its report, keeping no rate, within
    the report window after the lift that began ``current``, is another report of that lift: "paused the repeal of
    duty-free treatment of low-cost packages" on 7 February and "delays suspension of duty-free imports" on the
    8th are one measure, no tariff applying either way (section 4). Its kind becomes an alternative."""
    first = current.first
    return first.change in OPEN_LIFTS and change.change in OPEN_LIFTS and first.change != change.change \
        and change.effective_on is None and change.rate is None and current.rate is None \
        and 0 <= (change.day - first.day).days <= windows.report_days


def _paused_reported(intervals: Sequence[Interval], change: Change) -> Interval | None:
    """The interval ``change`` reports when, on a day a pause that states its end still runs, it imposes
    again the tariff that pause lifted; None when it does not.

    After a tariff in force, an imposition at its rate (or one side unstated) is a report of it, late or
    misdated ("announced tariffs of 25% on Saturday" in a story of the following week), not the pause's
    end: that interval. A pause that follows no tariff in force still lifted one: an imposition placed by
    its report while the pause runs ("Washington's imposition of a 10% levy on Canadian energy") tells of the
    tariff the pause lifted, and its evidence goes to the pause itself.
    """
    if not intervals or change.change != "imposed" or intervals[-1].first.change != "suspended":
        return None
    pause = intervals[-1]
    if pause.rate is not None and change.rate == pause.rate:
        return pause  # the part of the tariff the pause keeps, told while it runs
    paused = intervals[-2] if len(intervals) > 1 and intervals[-2].first.in_force else None
    if paused is None:
        return pause if change.effective_on is None else None
    return paused if rates_agree(change.rate, paused.rate) else None


def _unplaced_lift(intervals: Sequence[Interval], change: Change) -> Interval | None:
    """The last interval, when ``change`` shows that interval's date too coarse to place it; None otherwise.

    That interval lifts the tariff in force before it (no tariff applies in it), and its date names a week
    or a month; ``change``, dated more finely inside that period, finds the tariff in force at the rate
    before the lift (or one side unstated). The coarse date only says the lift happened some day of the
    period, and a finer reading of a day inside it says the tariff still applied: the lift cannot be placed
    before it ("held off last week on a promise to end a duty exemption", read as an
    exemption of all goods in the week of 3 February, beside the 10% in force on 1 and on 4 February).
    """
    if len(intervals) < 2 or change.change != "imposed":
        return None
    lift, before = intervals[-1], intervals[-2]
    return lift if not lift.first.in_force and before.first.in_force and _within_period(lift.first, change) \
        and rates_agree(change.rate, before.rate) else None


def _withdraw_unplaced_lift(intervals: list[Interval], best: Change,
                            pending: tuple[Change, date] | None) -> tuple[Change, date] | None:
    """Withdraw the last interval when ``best`` shows it cannot be placed (`_unplaced_lift`); the pause still
    pending afterwards (none, when the withdrawn interval was that pause).

    The withdrawn interval's readings become alternatives of the interval before it: the day's finer reading
    says that interval's tariff still applied, so they contradict it. The alternatives of the withdrawn
    interval's own day go with it: they disagreed with a lift that is no longer read.
    """
    withdrawn = _unplaced_lift(intervals, best)
    if withdrawn is None:
        return pending
    intervals.pop()
    # one alternative per event: the change that began the interval was folded in twice (by `_start`, then
    # with the day's other readings in `walk`)
    readings = {change.event_id: change for change in withdrawn.readings}
    intervals[-1].alternatives.extend(_reading(change, best) for change in readings.values())
    return None if pending is not None and pending[0] in withdrawn.readings else pending


def _start(change: Change, previous: Interval | None, carried: float | None) -> Interval:
    """A new interval begun by ``change`` after ``previous`` (``carried``: the rate a resumption restores)."""
    before = previous.rate if previous is not None and previous.first.in_force else None
    if change.change == "resumed":
        rate, rate_previous = carried, None
    elif change.in_force:
        # Only a rise or a cut replaces the rate before; an imposition is a duty of its own (often added on
        # top: "an additional 10%"), whose rate before is the one its text names, if any.
        inherited = before if change.change in LEVEL_CHANGES else None
        rate, rate_previous = change.rate, change.rate_previous if change.rate_previous is not None else inherited
    elif change.change == "suspended":
        # What was paused is the rate before, or the one the report names; the pause's own rate is the part
        # of the tariff it keeps in force while it runs ("but retain a 10% tariff during the pause").
        rate = change.rate
        rate_previous = before if before is not None else change.rate_previous
    else:
        # No tariff applies; what was lifted is the rate before, or the one the report names.
        rate = None
        rate_previous = before if before is not None else (change.rate_previous or change.rate)
    interval = Interval(change, rate, rate_previous, change.effective_on)
    interval.absorb(change)
    return interval


def _resumption(pause: Change, end: date) -> Change:
    """The end of a pause that states its length: the tariff applies again (docs/timeline.md, section 5)."""
    return replace(pause, change="resumed", in_force=True, rate=None, rate_previous=None, day=end,
                   announced_on=pause.day, effective_on=end, pause_end=None)


def _reported(report: Change, dated: Sequence[Change], report_days: int) -> list[Change]:
    """The dated changes ``report`` may be another report of: within ``report_days`` before it, agreeing
    with it; failing those, making the same change at another rate.

    An imposition at 10% reported a week after one dated at 25% is that imposition with its rate read
    otherwise (one of the two readings is wrong), not a second one: on that day the dated reading ranks
    first and the other rate is its alternative (section 4).
    """
    near = [d for d in dated if d.day <= report.day and (report.day - d.day).days <= report_days]
    agreeing = [d for d in near if agrees(d, report)]
    return agreeing or [d for d in near if d.in_force and report.in_force and d.change == report.change]


def _within_period(change: Change, dated: Change) -> bool:
    """Whether ``dated``, a change dated more finely than ``change``, falls inside the period ``change``'s date names."""
    return change.period_end is not None and change.day <= dated.day <= change.period_end \
        and precision_rank(dated) < precision_rank(change)


def attach_undated(changes: Sequence[Change], report_days: int) -> list[Change]:
    """Place each loosely dated change at the change it reports, if any; sorted by day, then event id.

    A report without a date ("he delayed the tariffs for a month") is
    placed at its publication day (`changes.placement`), which is when the
    text said it, not when it happened. When a change of the same key with
    a date from the text and the same change (an agreeing rate, or the same
    kind of change at another rate) lies at most ``report_days`` before
    that day, the report is taken to be about the latest such change and
    moves there. A change dated to a week or a month is placed on the
    period's first day; when an agreeing change dated more finely falls
    inside that period ("last week" and "on Saturday"), it is that change
    and moves to where the most finely dated one is placed
    (`_to_finer_days`). A pause's stated length moves with it
    (docs/timeline.md, section 4).
    """
    dated = _lifts_after_what_they_lift(_to_finer_days([c for c in changes if c.effective_on is not None]),
                                        report_days)
    placed = list(dated)
    for change in changes:
        if change.effective_on is None:
            reported = _reported(change, dated, report_days)
            if reported:
                change = _moved(change, max(d.day for d in reported))
            placed.append(change)
    return sorted(placed, key=lambda c: (c.day, c.event_id))


def _moved(change: Change, day: date) -> Change:
    """``change`` placed on ``day``; a pause's stated length runs from that day ("paused in early February for
    30 days", "suspended the levies for a month" in a story of 8 February: the pause of 3 February)."""
    pause_end = change.pause_end + (day - change.day) if change.pause_end is not None else None
    return replace(change, day=day, pause_end=pause_end)


def _to_finer_days(dated: Sequence[Change]) -> list[Change]:
    """The dated changes (in their order), each moved to where the agreeing change dated most finely (then
    earliest) inside the period its date names is placed ("in May" and "this week" to "today", 14 May).

    Finest first, so that a coarse change follows a finer one that moved in turn: "in January" holds the
    week of 27 January, which holds 1 February, so all three are the change of 1 February (a month's
    reading would otherwise stop on the week's first day, before the day that week's reading names).
    """
    placed: dict[int, Change] = {}
    for index in sorted(range(len(dated)), key=lambda i: (precision_rank(dated[i]), dated[i].day, dated[i].event_id)):
        change = dated[index]
        finer = [i for i, d in enumerate(dated) if _within_period(change, d) and agrees(d, change)]
        if finer:
            nearest = min(finer, key=lambda i: (precision_rank(dated[i]), dated[i].day, dated[i].event_id))
            change = _moved(change, placed[nearest].day)
        placed[index] = change
    return [placed[i] for i in range(len(dated))]


def _lifts_after_what_they_lift(dated: Sequence[Change], report_days: int) -> list[Change]:
    """The dated changes (in their order), each lift dated by a period that also holds a tariff of its key dated
    more finely moved to the first agreeing lift dated more finely within ``report_days`` after that tariff.

    A week's or a month's change is placed on the period's first day; a pause "over the weekend" of the week
    of 27 January told in a story of the next week lies on that week's Monday, days before the tariffs of
    1 February it paused. A lift cannot come before what it lifts: it is the pause reported after them ("paused
    the tariffs on Monday", 3 February), and its stated length runs from there. Without such a lift it stays.
    """
    placed = list(dated)
    for index, change in enumerate(dated):
        if change.in_force or change.period_end is None or change.period_end <= change.day:
            continue
        lifted = [d for d in dated if d.in_force and _within_period(change, d)]
        if not lifted:
            continue
        first_lifted = min(d.day for d in lifted)
        reports = [d for d in dated if not d.in_force and agrees(d, change)
                   and precision_rank(d) < precision_rank(change)
                   and first_lifted <= d.day and (d.day - first_lifted).days <= report_days]
        if reports:
            placed[index] = _moved(change, min(d.day for d in reports))
    return placed


def _ends_pause(intervals: Sequence[Interval], change: Change, resumption: Interval | None) -> bool:
    """Whether ``change`` is a report of the tariff a pause lifted in force again: an imposition or a resumption
    at the rate that pause's end restores (or one side unstated). ``resumption``: the scheduled resumption
    when it has begun, else the pause is the last interval and the tariff it lifted the one before."""
    if change.change not in ("imposed", "resumed"):
        return False
    if resumption is not None:
        return rates_agree(change.rate, resumption.rate)
    paused = intervals[-2] if len(intervals) > 1 and intervals[-2].first.in_force else None
    return paused is not None and rates_agree(change.rate, paused.rate)


def _takes_effect_later(current: Interval, change: Change, windows: Windows) -> bool:
    """Whether ``change`` reports the change that began ``current`` and states the day it takes effect, a few
    days after the day the interval was placed on by a reading that states none (its announcement or report):
    "raised the tariff to 84% on April 8" and "… effective April 9" (section 2)."""
    first = current.first
    return change.effective_stated and not first.effective_stated and first.change == change.change \
        and 0 < (change.day - first.day).days <= windows.report_days


def _move_to_effective_day(current: Interval, day: date) -> None:
    """``current`` begun on ``day``, its effective day, with the day it was placed on as its announcement."""
    first = current.first
    announced = min(d for d in (first.announced_on, first.day) if d is not None)
    current.first = replace(first, day=day, announced_on=announced, effective_on=day, effective_stated=True)
    current.effective_on = day


def walk(changes: Sequence[Change], windows: Windows, plans: Sequence[Change] = ()) -> list[Interval]:
    """The intervals of one key from its changes: each day's reading begins one, or joins the last; ``windows``
    are the timeline's windows (`pipeline.timeline.rules.Windows`). ``plans``: the planned changes of the same
    actor, target and product, whose days of effect place the asserted changes they corroborate (section 2)."""
    changes = attach_undated(changes, windows.report_days)
    if changes and changes[0].status == ASSERTED:
        changes = pre_empted(to_planned_effective_days(changes, plans, windows))
    intervals: list[Interval] = []
    pending: tuple[Change, date] | None = None  # a pause whose stated end has not come yet
    carried: float | None = None  # the rate a resumption restores
    scheduled: Change | None = None  # the pause whose resumption began the last interval, no report of it yet
    for day, group in itertools.groupby(changes, key=lambda c: c.day):
        best, agreeing, disagreeing = resolve_day(list(group))
        if pending is not None and pending[1] < day:
            intervals.append(_start(_resumption(pending[0], pending[1]), intervals[-1], carried))
            scheduled = pending[0]
        if pending is not None and pending[1] <= day:
            pending = None  # the stated end came, or a report of that day says what happened then
        # A stated length ("a month", "30 days") places a pause's end only roughly: the first report of the
        # paused tariff in force again within ``pause_end_days`` of that end places it (section 5).
        if pending is not None and (pending[1] - day).days <= windows.pause_end_days \
                and _ends_pause(intervals, best, None):
            intervals.append(_start(_resumption(pending[0], day), intervals[-1], carried))
            pending = None
        elif scheduled is not None and (day - intervals[-1].first.day).days <= windows.pause_end_days \
                and _ends_pause(intervals, best, intervals[-1]):
            intervals[-1] = _start(_resumption(scheduled, day), intervals[-2], carried)
        scheduled = None
        pending = _withdraw_unplaced_lift(intervals, best, pending)
        current = intervals[-1] if intervals else None
        cut = partial_cut(best, agreeing, disagreeing) if current is not None and current.first.in_force else None
        if cut is not None:
            best, agreeing, disagreeing = cut
        reported = _paused_reported(intervals, best) if pending is not None else None
        if reported is not None:
            # The imposition reported while its pause runs is the one the pause lifted (section 5): its
            # evidence goes to that interval (or to the pause, when nothing in force came before it), its
            # date is an alternative, and the pause keeps its end.
            for change in (best, *agreeing):
                reported.absorb(change, same_day=False)
            reported.alternatives.extend(_reading(change, best) for change in disagreeing)
            lifted = next((c.rate for c in (best, *agreeing) if c.rate is not None), None)
            if reported is current and current.rate_previous is None and lifted is not None \
                    and best.rate != current.rate:
                # the rate the pause lifted, which its end restores
                current.rate_previous = carried = lifted
            continue
        repeat = current is not None and cut is None and _is_repeat(current, best, windows)  # a cut is news of its own
        if repeat:
            target = current
            if _takes_effect_later(current, best, windows):
                _move_to_effective_day(current, best.day)
                repeat = False  # its day is now the interval's: its evidence gives the interval's date
        else:
            if current is not None and current.first.in_force and not best.in_force:
                carried = current.rate
            elif not best.in_force:
                # a pause's own rate is the part it keeps, not the tariff its end restores
                carried = best.rate_previous or (best.rate if best.change != "suspended" else None)
            target = _start(best, current, carried)
            intervals.append(target)
            if best.change == "suspended":
                # The pause's length may be stated by any report of it that day, not only the best supported.
                stated = next((c for c in (best, *agreeing) if c.pause_end is not None), None)
                pending = (stated, stated.pause_end) if stated is not None else None
            else:
                pending = None
        if repeat and best.change != target.first.change and not best.in_force:
            target.alternatives.append(_reading(best, target.first))  # the same lift told as the other kind
        for change in (best, *agreeing):
            target.absorb(change, same_day=not repeat)
        target.alternatives.extend(_reading(change, best) for change in disagreeing)
    if pending is not None:
        intervals.append(_start(_resumption(*pending), intervals[-1], carried))
    return intervals
