"""From every key's changes to the table's rows: each key's intervals, each ending the day the next begins.

Pure functions; the rules of docs/timeline.md, sections 3 (readings of a product or a named origin that report
the measure on all goods or every origin), 4 (readings that say nothing) and 6 (ids).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from pipeline.articles import short_hash
from pipeline.timeline.changes import Change
from pipeline.timeline.intervals import LEVEL_CHANGES, Interval, rates_agree, walk
from pipeline.timeline.rules import Windows


def timeline_id(change: Change, valid_from: date) -> str:
    """Deterministic id of an interval: actor, (pseudo-)target, product, status and first day."""
    return short_hash("timeline", change.actor, change.target or "", change.scope, ",".join(change.excluded),
                      change.product or "", change.status, valid_from.isoformat())


def _applies(interval: Interval) -> bool:
    """Whether a tariff applies during ``interval``: one in force, or the part a pause keeps ("suspend its 34%
    tariff for 90 days, but retain a 10% tariff during the pause": 10% applies while it runs). A change paused
    before its day of effect (`Change.pre_empted`) was announced, never in force."""
    first = interval.first
    return first.in_force and not first.pre_empted or (first.change == "suspended" and interval.rate is not None)


def interval_rows(intervals: Sequence[Interval]) -> list[dict[str, Any]]:
    """The table rows of one key's intervals: each ends the day the next begins; the last stays open."""
    rows = []
    for interval, following in itertools.zip_longest(intervals, intervals[1:]):
        first = interval.first
        rows.append({
            "timeline_id": timeline_id(first, first.day), "actor_iso3": first.actor,
            "target_iso3": first.target, "target_scope": first.scope, "excluded_iso3": list(first.excluded),
            "product": first.product, "hs_codes": sorted(interval.hs_codes), "status": first.status,
            "change": first.change, "in_force": _applies(interval),
            "rate_value": interval.rate if _applies(interval) else None, "rate_previous": interval.rate_previous,
            "valid_from": first.day, "valid_to": following.first.day if following is not None else None,
            "announced_on": first.announced_on, "effective_on": interval.effective_on,
            "conflict": bool(interval.alternatives), "alternatives": list(interval.alternatives),
            "event_ids": sorted(interval.event_ids), "article_ids": sorted(interval.article_ids),
        })
    return rows


def _says_nothing(interval: Interval) -> bool:
    """Whether ``interval`` is a rise or a cut stating no rate, placed by no date of its text: it changes a
    level no report states, on a day no text gives."""
    return interval.first.change in LEVEL_CHANGES and interval.rate is None and interval.effective_on is None


# Changes that raise the tariff a level applies: a rise of one origin's goods told beside a tariff of every origin
# imposed or raised reports it (the rise of aluminium of every origin is read as an imposition of 25% on a day whose
# best reading imposes it).
RAISES = ("imposed", "increased", "resumed")


def _same_direction(narrow: str, broader: str) -> bool:
    """Whether a rise or cut (``narrow``) moves the tariff the way ``broader`` does: a rise as an imposition, a
    resumption or a rise, a cut as a cut."""
    return broader in RAISES if narrow == "increased" else narrow == broader


def _informative(intervals: list[Interval]) -> list[Interval]:
    """``intervals`` without the leading ones that say nothing of the tariff.

    A rise or a cut with nothing before it in its sequence, no rate and no
    date from its text (`_says_nothing`) changes a level no report states,
    on a day no text gives ("the tariffs have increased uncertainty … as
    soybeans … are vulnerable", read as a rise on Mexican soybeans): it is
    not a row.
    """
    start = 0
    while start < len(intervals) and _says_nothing(intervals[start]):
        start += 1
    return intervals[start:]


def _broader_pause(pause: Interval, broader: Sequence[Interval], report_days: int) -> Interval | None:
    """The pause of all goods that a pause of one product, with nothing of that product in force before
    it, reports; None when there is none.

    That pause lifts no rate of the product's own: its rate before is unstated, or the rate the pause of
    all goods of the same target lifted, within ``report_days`` ("he put off planned 25% across-the-board duties
    on Canada, … the largest aluminum supplier"; "paused … a 25% tariff on Mexican oil",
    whose oil had no rate but the one on all Mexican goods). A pause lifting a rate of its own (10% on
    Canadian energy, beside 25% on all goods) is the product's.
    """
    for interval in broader:
        near = abs((interval.first.day - pause.first.day).days) <= report_days
        if interval.first.change == "suspended" and near and rates_agree(pause.rate_previous, interval.rate_previous):
            return interval
    return None


# Changes that begin a tariff's application: goods named beside one, with no rate, are goods it falls on. A
# rise or cut of goods at an unstated level is not (the increases of May 2024 on Chinese chips and minerals,
# beside a rise on all Chinese goods, were rates of those goods' own).
STARTS = ("imposed", "resumed")
# How a narrower key stands to a broader one it may report (`_broader_keys`).
ALL_GOODS = "all goods"  # a product's key beside all goods of the same actor, target and status
ALL_ORIGINS = "all origins"  # a named target's product beside that product of every origin


def _broader_tariff(narrow: Interval, broader: Sequence[Interval], relation: str,
                    report_days: int) -> Interval | None:
    """The tariff of a broader key that a tariff of a narrower one, with nothing of its own in force before
    it, reports; None when there is none.

    A broader interval in force beginning within ``report_days`` of it: "25% on steel from Canada,
    Mexico, …" names origins the 25% on steel of every origin hits (`ALL_ORIGINS`: both rates stated and
    equal, and the rates before when both state one; or a rise or cut saying nothing of its level or day beside
    a change of every origin moving the same way, `_same_direction`), and "the tariffs on Canada took effect, hitting its
    autos" goods the 25% on all Canadian goods falls on (`ALL_GOODS`: an imposition stating no rate before
    and no rate or the broader one's, beside an imposition or a resumption: "the 10% tariff on Chinese goods,
    including chips" is the 10% on all Chinese goods naming chips; aluminium's 25% from 10% is its own beside
    Canada's 25%, and Canadian energy's 10% beside Canada's 25%).
    """
    for interval in broader:
        near = abs((interval.first.day - narrow.first.day).days) <= report_days
        if relation == ALL_ORIGINS:
            # a rise or cut of goods of one origin that says nothing of its level or day (`_says_nothing`) is
            # the same change of those goods of every origin told naming an origin ("raised the tariff on
            # aluminum" in a story about Canadian smelters, beside the rise on aluminium of every origin)
            same = narrow.rate is not None and narrow.rate == interval.rate \
                and rates_agree(narrow.rate_previous, interval.rate_previous) \
                or _says_nothing(narrow) and _same_direction(narrow.first.change, interval.first.change)
        else:
            same = narrow.rate_previous is None and narrow.first.change == "imposed" \
                and narrow.rate in (None, interval.rate) and interval.first.change in STARTS
        if interval.first.in_force and near and same:
            return interval
    return None


def _reported_broader(narrow: Interval, target: str | None, broaders: Sequence[tuple[Sequence[Interval], str]],
                      report_days: int) -> Interval | None:
    """The interval of a broader key (``broaders``: its intervals and how it stands to ``narrow``'s key) that
    ``narrow``, the first of what remains of the sequence of ``target``, reports; None when it is its own.

    A pause reports a pause of all goods (`_broader_pause`); a tariff in force reports a broader tariff
    (`_broader_tariff`), but of all goods only for a named target: goods of every origin named beside a
    measure on all goods of every origin are too often a measure of their own (the plans for tariffs on
    pharmaceuticals beside the reciprocal tariffs of April 2025).
    """
    for broader, relation in broaders:
        found = None
        if relation == ALL_GOODS and narrow.first.change == "suspended":
            found = _broader_pause(narrow, broader, report_days)
        elif narrow.first.in_force and (relation == ALL_ORIGINS or target is not None):
            found = _broader_tariff(narrow, broader, relation, report_days)
        if found is not None:
            return found
    return None


def _join(reported: Interval, folded: Sequence[Interval]) -> None:
    """Give ``reported`` the evidence of the narrower intervals that report it."""
    for interval in folded:
        reported.event_ids.update(interval.event_ids)
        reported.article_ids.update(interval.article_ids)


def _named_at_broader_rate(narrow: Interval, broaders: Sequence[tuple[Sequence[Interval], str]],
                           report_days: int) -> Interval | None:
    """The start of a tariff on all goods that ``narrow``, an imposition on goods at that tariff's stated rate
    with no rate before, reports whatever the goods bore before; None when there is none.

    "The 10% tariff on Chinese goods, solar panels included" names goods the 10% on all Chinese goods falls
    on, even when the panels bore a rate of their own before (50% since 2024): an imposition is a duty of its
    own, added to that rate, not a change of it. Only an imposition stating exactly the broader rate: one
    stating no rate, or a rise or cut, after a rate of the goods' own may be their own measure.
    """
    first = narrow.first
    if first.change != "imposed" or narrow.rate is None or narrow.rate_previous is not None:
        return None
    for broader, relation in broaders:
        for interval in broader:
            if relation == ALL_GOODS and interval.first.change in STARTS and interval.rate == narrow.rate \
                    and abs((interval.first.day - first.day).days) <= report_days:
                return interval
    return None


def _fold_reports(intervals: list[Interval], target: str | None, broaders: Sequence[tuple[Sequence[Interval], str]],
                  report_days: int) -> list[Interval]:
    """A narrower key's intervals without those that report a broader key's: the leading ones
    (`_reported_broader`, with a pause's scheduled resumption) and, for a named target, any later imposition at
    the stated rate of a tariff on all goods beginning near it (`_named_at_broader_rate`); their evidence goes
    to the broader interval."""
    while intervals:
        reported = _reported_broader(intervals[0], target, broaders, report_days)
        if reported is None:
            break
        folded = 2 if intervals[0].first.change == "suspended" and len(intervals) > 1 \
            and intervals[1].first.change == "resumed" else 1
        _join(reported, intervals[:folded])
        intervals = intervals[folded:]
    kept = []
    for interval in intervals:
        reported = _named_at_broader_rate(interval, broaders, report_days) if target is not None else None
        if reported is None:
            kept.append(interval)
        else:
            _join(reported, [interval])
    return kept


def _aligned_resumptions(intervals: list[Interval], broaders: Sequence[tuple[Sequence[Interval], str]],
                         windows: Windows) -> list[Interval]:
    """A product's intervals with each scheduled end of a pause moved to the end of the pause of all goods it
    went with.

    One order paused the tariff on all Canadian goods and the 10% on Canadian energy on 3 February, for 30
    days; the goods' pause ends when a report finds the tariff in force again (4 March, section 5), and the
    energy's, with no report of its own, would end on the 30th day (5 March). A product's pause beginning
    within the report window of a pause of all goods, whose scheduled resumption lies within
    ``pause_end_window_days`` of that pause's end, ends there too (and never before its own start or after
    the product's next change).
    """
    broader = next((b for b, relation in broaders if relation == ALL_GOODS), None)
    if broader is None:
        return intervals
    ends = {pause.first.day: end.first.day for pause, end in zip(broader, broader[1:])
            if pause.first.change == "suspended" and end.first.change == "resumed"}
    for index in range(1, len(intervals)):
        pause, end = intervals[index - 1], intervals[index]
        if pause.first.change != "suspended" or end.first.change != "resumed":
            continue
        later = intervals[index + 1].first.day if index + 1 < len(intervals) else date.max
        day = next((e for start, e in ends.items()
                    if abs((start - pause.first.day).days) <= windows.report_days
                    and abs((e - end.first.day).days) <= windows.pause_end_days), None)
        if day is not None and pause.first.day < day < later:
            end.first = replace(end.first, day=day, effective_on=day)
            end.effective_on = day
    return intervals


def _broader_keys(key: tuple[Any, ...]) -> list[tuple[tuple[Any, ...], str]]:
    """The keys a reading of ``key`` (`Change.key`) may report, each with how it stands to ``key``: for a
    product, all goods of the same actor, target and status (`ALL_GOODS`); for a named target's product, that
    product of every origin of the same actor and status (`ALL_ORIGINS`). A named target's tariff on all its
    goods is not read beside every origin's: it is its own measure far more often than it names one that a
    measure on every origin hits, and a misread reading of every origin would swallow it."""
    actor, target, scope, excluded, product, status = key
    if product is None:
        return []
    keys = [((actor, target, scope, excluded, None, status), ALL_GOODS)]
    if target is not None:
        keys.append(((actor, None, "all", (), product, status), ALL_ORIGINS))
    return keys


def _plans_key(key: tuple[Any, ...]) -> tuple[Any, ...]:
    """The key of the planned changes of ``key``'s actor, target and product (`Change.key`: status last)."""
    return (*key[:-1], "planned")


def timeline_rows(changes: Iterable[Change], windows: Windows) -> list[dict[str, Any]]:
    """Every interval row of ``changes`` (sorted by key, then day), key by key.

    A product's sequence is read beside the all-goods sequence of its actor, target and status, and a named
    target's beside the sequence of every origin of its actor, product and status: its first intervals may
    report theirs (`_fold_reports`), which then hold their evidence.
    """
    grouped = {key: list(group) for key, group in itertools.groupby(changes, key=lambda c: c.key)}
    walked = {key: _informative(walk(group, windows, grouped.get(_plans_key(key), ())))
              for key, group in grouped.items()}
    for key, intervals in walked.items():
        broaders = [(walked[broader], relation) for broader, relation in _broader_keys(key) if broader in walked]
        walked[key] = _aligned_resumptions(_fold_reports(intervals, key[1], broaders, windows.report_days),
                                           broaders, windows)
    return [row for intervals in walked.values() for row in interval_rows(intervals)]
