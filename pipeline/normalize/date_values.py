"""TIMEX3 values of date labels, resolved against an anchor day and a tense (pure calendar arithmetic)."""

from __future__ import annotations

import re

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

# How far from the anchor a month or day without a year may be moved by tense (see `year_by_tense`).
REACH_MONTHS = 6
REACH_DAYS = 183


# -- calendar arithmetic ---------------------------------------------------------------------------

def iso_week(day: date) -> str:
    """TIMEX3 week value: 2025-05-02 → ``2025-W18``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``months``."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def quarter_of(month: int) -> int:
    """The quarter (1-4) a month is in."""
    return (month - 1) // 3 + 1


def year_by_tense(anchor: date, month: int, day: int | None, tense: str | None) -> int:
    """The year of a month (and day) stated without one: the anchor's, moved by tense.

    Past narration moves a later month or day back a year, the future an earlier one forward, but
    only within `REACH_MONTHS` months (`REACH_DAYS` days) of the anchor: "In November, Trump
    promised" written in March is last November, "will take effect on January 5" written in
    November next January. Farther off, the cue was more likely a passing verb ("said its board
    voted to seek approval at its April 27 meeting", written in March) and a story that meant
    another year would name it.
    """
    return _moved_by_tense(anchor.year, (month, day or 0), (anchor.month, anchor.day if day else 0),
                           tense or nearest_tense(anchor, month, day),
                           lambda year: _within_reach(anchor, year, month, day))


def nearest_tense(anchor: date, month: int, day: int | None) -> str | None:
    """``past`` when a month (or day) without year lies more than half a year after the anchor in the
    anchor's year (beyond `_within_reach`), else None: with no tense cue it is the nearest such month
    ("industrial output shrank in December", written in February, is last December; a story that
    meant next December would say so)."""
    later = (month, day or 0) > (anchor.month, anchor.day if day else 0)
    return "past" if later and not _within_reach(anchor, anchor.year, month, day) else None


# A past read from a simple past verb ("was fired in July"): it moves a period back however far that is.
SIMPLE_PAST = "simple_past"
# No tense cue, and a context that does not say the period is past ("by December"): the anchor's year.
STAY = "stay"


def _moved_by_tense(year: int, stated: Any, current: Any, tense: str | None,
                    within_reach: Callable[[int], bool] | None = None) -> int:
    """``year`` a year back for a period after the ``current`` one in past narration, a year on for one
    before it in the future; not when ``within_reach`` refuses the year it would move to (except for a
    `SIMPLE_PAST`: "was fired in July", written in March, is last July, eight months back)."""
    if tense == SIMPLE_PAST and stated > current:
        return year - 1
    if tense == "past" and stated > current and (within_reach is None or within_reach(year - 1)):
        return year - 1
    if tense == "future" and stated < current and (within_reach is None or within_reach(year + 1)):
        return year + 1
    return year


def _within_reach(anchor: date, year: int, month: int, day: int | None) -> bool:
    if day is None:
        return abs((year - anchor.year) * 12 + month - anchor.month) <= REACH_MONTHS
    try:
        return abs((date(year, month, day) - anchor).days) <= REACH_DAYS
    except ValueError:  # February 29 outside a leap year
        return False


def weekday_by_tense(anchor: date, weekday: int, shift: int | None, tense: str | None) -> date:
    """The date of a weekday (ISO number) relative to the anchor.

    "last"/"next" (``shift`` -1/1) say it outright; a bare weekday is the latest such day on or before
    the anchor, or with a future ``tense`` the first on or after it: the anchor's own weekday is the
    anchor either way (the publication weekday rule: "on Friday" in a Friday story is that Friday).
    """
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if shift == 0:  # "this Friday": in the anchor's week
        return anchor + timedelta(days=weekday - anchor.isoweekday())
    if shift == -1:
        return anchor - timedelta(days=back or 7)
    if shift is not None and shift > 0:
        return anchor + timedelta(days=ahead or 7)
    if tense == "future":  # "will meet on Friday" in a Friday story is that day, as in past narration
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def format_amount(value: float) -> str:
    """90.0 → "90", 2.5 → "2.5"."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def duration_value(num: float, unit: str) -> str:
    """TIMEX3 duration: (90, D) → ``P90D``; (48, H) → ``PT48H``; (30, MIN) → ``PT30M``."""
    if unit == "H":
        return f"PT{format_amount(num)}H"
    if unit == "MIN":
        return f"PT{format_amount(num)}M"
    return f"P{format_amount(num)}{unit}"


def parse_numeric(text: str) -> date | None:
    """A numeric date, month first ("4/9/2025", "12/31/86"); None when ``text`` is not one."""
    year = text.rpartition("/")[2]
    try:
        return datetime.strptime(text, "%m/%d/%Y" if len(year) == 4 else "%m/%d/%y").date()
    except ValueError:
        return None


# -- resolution ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Resolution:
    """A TIMEX3 value, its granularity and whether the anchor was used."""

    value: str | None
    granularity: str | None
    relative: bool


UNRESOLVED = Resolution(None, None, True)  # relative, and no anchor to resolve it from
NO_VALUE = Resolution(None, None, False)


def _int(fields: Mapping[str, str], key: str) -> int | None:
    value = fields.get(key)
    return int(float(value)) if value not in (None, "") else None


class DateLabel(NamedTuple):
    """The fields of a date mention's label (``kind=month;month=3;shift=-1``, see `pipeline.nlp.dates`)."""

    kind: str | None
    month: int | None
    day: int | None
    year: int | None
    weekday: int | None
    quarter: int | None
    shift: int | None  # "last" -1, "this" 0, "next" 1; days for a day word ("yesterday" -1)
    yshift: int | None  # the year relative to the anchor's ("March next year" 1)
    unit: str | None  # D, W, M, Q, Y
    num: float  # the amount of units ("two and a half years ago" 2.5)
    season: str | None = None  # SP, SU, FA, WI
    half: int | None = None  # 1 or 2
    week: int | None = None  # the place of a week or weekend in its month: 1 to 4, -1 the last

    @classmethod
    def read(cls, fields: Mapping[str, str]) -> DateLabel:
        """The label's fields, numbers as numbers (an empty field is None)."""
        return cls(fields.get("kind"), _int(fields, "month"), _int(fields, "day"), _int(fields, "year"),
                   _int(fields, "weekday"), _int(fields, "quarter"), _int(fields, "shift"), _int(fields, "yshift"),
                   fields.get("unit"), float(fields["num"]) if fields.get("num") else 1.0, fields.get("season"),
                   _int(fields, "half"), _int(fields, "week"))


class Context(NamedTuple):
    """What a date is resolved against: the anchor day, the clause's tense and the mention's text."""

    anchor: date | None
    tense: str | None
    text: str


Resolver = Callable[[DateLabel, Context], Resolution | None]


def resolve(fields: Mapping[str, str], anchor: date | None, tense: str | None, text: str) -> Resolution:
    """The TIMEX3 value of one DATE mention from its label ``fields`` (rules: `pipeline.normalize.dates`).

    The label's kind picks its resolver (`RESOLVERS`); those of relative kinds run only with an
    anchor. When none answers, the value is `UNRESOLVED` without an anchor, else `NO_VALUE`.
    """
    label = DateLabel.read(fields)
    resolver = RESOLVERS.get(label.kind)
    found = None
    if resolver is not None and (anchor is not None or label.kind not in RELATIVE_KINDS):
        try:
            found = resolver(label, Context(anchor, tense, text))
        except (ValueError, OverflowError):  # "February 30", "4,000,000 weeks ago": no calendar date
            return Resolution(None, None, anchor is not None)
    if found is None:
        return UNRESOLVED if anchor is None else NO_VALUE
    return found


def _numeric(label: DateLabel, context: Context) -> Resolution:
    parsed = parse_numeric(context.text)
    return Resolution(parsed.isoformat(), "day", False) if parsed else NO_VALUE


def _year(label: DateLabel, context: Context) -> Resolution | None:
    return Resolution(f"{label.year:04d}", "year", False) if label.year else None


def _calendar(label: DateLabel, context: Context) -> Resolution | None:
    """A month and day: with their year, else in the year the anchor, the shift and the tense give."""
    if not (label.month and label.day):
        return None
    if label.year:
        return Resolution(date(label.year, label.month, label.day).isoformat(), "day", False)
    if context.anchor is None:
        return None
    return Resolution(_calendar_without_year(context.anchor, label.month, label.day, label.weekday, label.shift,
                                             context.tense).isoformat(), "day", True)


def _month(label: DateLabel, context: Context) -> Resolution | None:
    if not label.month:
        return None
    if label.year:
        return Resolution(f"{label.year:04d}-{label.month:02d}", "month", False)
    if context.anchor is None:
        return None
    anchor, month = context.anchor, label.month
    year = _period_year(label, month, anchor.month, anchor.year, context.tense or nearest_tense(anchor, month, None),
                        lambda moved: _within_reach(anchor, moved, month, None))
    return Resolution(f"{year:04d}-{month:02d}", "month", True)


def _quarter(label: DateLabel, context: Context) -> Resolution | None:
    if label.quarter is None:
        return None
    if label.year:
        return Resolution(f"{label.year:04d}-Q{label.quarter}", "quarter", False)
    if context.anchor is None:
        return None
    # A quarter moves by tense without the month's reach; quarter labels carry no shift ("last quarter"
    # is a shift of the anchor's quarter, kind "shift"). Without a tense cue it is the nearest such
    # quarter: "fourth-quarter profit" reported in February is last year's, three quarters ahead being
    # farther than one back. (Always reading the past moved as many third and second quarters wrongly
    # as rightly on the Reuters archive: "expects a charge in its third quarter", written in March.)
    current = quarter_of(context.anchor.month)
    tense = context.tense
    if tense is None and label.quarter - current > 2:
        tense = "past"
    year = _period_year(label, label.quarter, current, context.anchor.year, tense)
    return Resolution(f"{year:04d}-Q{label.quarter}", "quarter", True)


def _period_year(label: DateLabel, stated: int, current: int, anchor_year: int, tense: str | None,
                 within_reach: Callable[[int], bool] | None = None) -> int:
    """The year of a month, quarter, half or season (``stated``) named without one, ``current`` being the anchor's.

    The label's year shift says it ("March next year"); "last March" is the latest March before the
    anchor's month, "next March" the first after it, "this March" the anchor's year; otherwise the
    tense moves it (`year_by_tense`).
    """
    if label.yshift is not None:
        return anchor_year + label.yshift
    if label.shift == -1:
        return anchor_year if stated < current else anchor_year - 1
    if label.shift is not None and label.shift > 0:
        return anchor_year if stated > current else anchor_year + 1
    if label.shift == 0:
        return anchor_year
    return _moved_by_tense(anchor_year, stated, current, tense, within_reach)


def half_of(month: int) -> int:
    """The half of the year (1-2) a month is in."""
    return 1 if month <= 6 else 2


def _half(label: DateLabel, context: Context) -> Resolution | None:
    """A half of a year (``2025-H2``): with its year; else the anchor's, moved by a year shift ("the first
    half of next year") or by tense as a quarter is ("the second half", written in February in past
    narration, is last year's)."""
    if label.half not in (1, 2):
        return None
    if label.year:
        return Resolution(f"{label.year:04d}-H{label.half}", "half", False)
    if context.anchor is None:
        return None
    year = _period_year(label, label.half, half_of(context.anchor.month), context.anchor.year, context.tense)
    return Resolution(f"{year:04d}-H{label.half}", "half", True)


def _fiscal(label: DateLabel, context: Context) -> Resolution | None:
    """A fiscal year by the year it ends in, as the issuer names it ("fiscal 2026" ``FY2026``): which
    months it covers depends on the issuer's calendar (the US government's FY2026 begins in October
    2025, Australia's in July 2025), so it has no calendar value of its own."""
    return Resolution(f"FY{label.year:04d}", "fiscal_year", False) if label.year else None


# TIMEX3 season codes in the order of the year; the winter of a year begins in its December.
SEASONS = ("SP", "SU", "FA", "WI")


def season_position(year: int, code: str) -> int:
    """A season's place on one count of seasons (spring 2025 comes right after winter 2024)."""
    return year * len(SEASONS) + SEASONS.index(code)


def season_of(day: date) -> tuple[int, str]:
    """``(year, code)`` of the season ``day`` is in: March-May spring … December-February the winter
    that began in the December (2025-01-15 → ``(2024, "WI")``). Seasons are the quarters of a year
    that begins two months early: March is the first month of spring as January is of the first quarter."""
    year, month = add_months(day.year, day.month, -2)
    return year, SEASONS[quarter_of(month) - 1]


def _season(label: DateLabel, context: Context) -> Resolution | None:
    """A season: with its year; else the one in the anchor's year (the winter under way in January
    and February), moved by the shift ("last summer": the latest summer before the anchor's season)
    or by tense as a quarter is."""
    if label.season not in SEASONS:
        return None
    if label.year:
        return Resolution(f"{label.year:04d}-{label.season}", "season", False)
    if context.anchor is None:
        return None
    # The anchor's year's season (the winter under way in January and February began the year before),
    # compared with the anchor's own on one count of seasons, moves as a month or quarter does.
    year = context.anchor.year - (1 if label.season == "WI" and context.anchor.month < 3 else 0)
    year = _period_year(label, season_position(year, label.season), season_position(*season_of(context.anchor)),
                        year, context.tense)
    return Resolution(f"{year:04d}-{label.season}", "season", True)


# The weekday that places a week in its month (Thursday, as an ISO week belongs to the year holding its
# Thursday) and the one that places a weekend (its Saturday).
WEEK_HOLDER = 4
WEEKEND_HOLDER = 6


def nth_weekday_of_month(year: int, month: int, weekday: int, place: int) -> date:
    """The ``place``-th ``weekday`` (ISO number) of the month, counted from its start (1 to 4) or, -1, its last."""
    if place < 0:
        year_after, month_after = add_months(year, month, 1)
        last = date(year_after, month_after, 1) - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (place - 1))


def _week_of_month(label: DateLabel, context: Context) -> Resolution | None:
    """A week or weekend of a month ("the last week of March" ``2009-W13``, "the first weekend in February"
    ``2025-W05-WE``): the month's year as a bare month's (`_month`: by tense or the nearest), then the
    week holding the month's ``week``-th Thursday, or the weekend of its ``week``-th Saturday."""
    if label.week is None or label.week == 0:
        return None
    month = _month(label, context)
    if month is None or month.value is None:
        return month
    weekend = label.unit == "WE"
    day = nth_weekday_of_month(int(month.value[:4]), label.month, WEEKEND_HOLDER if weekend else WEEK_HOLDER,
                               label.week)
    return Resolution(iso_week(day) + ("-WE" if weekend else ""), "week", month.relative)


def _dayword(label: DateLabel, context: Context) -> Resolution:
    return Resolution((context.anchor + timedelta(days=label.shift or 0)).isoformat(), "day", True)


def _weekday(label: DateLabel, context: Context) -> Resolution | None:
    if label.weekday is None:
        return None
    return Resolution(weekday_by_tense(context.anchor, label.weekday, label.shift, context.tense).isoformat(),
                      "day", True)


# "earlier" before a shifted unit (the ``rel`` group of the shifted_unit rule in ``models/dates/patterns.ini``).
_EARLIER = re.compile(r"\bearlier\s", re.IGNORECASE)


def _first_day_of(anchor: date, unit: str) -> bool:
    """True when the anchor is the first day of its week (Monday), month, quarter or year."""
    if unit == "W":
        return anchor.isoweekday() == 1
    if unit == "M":
        return anchor.day == 1
    if unit == "Q":
        return anchor.day == 1 and anchor.month % 3 == 1
    return unit == "Y" and (anchor.month, anchor.day) == (1, 1)


def _shift(label: DateLabel, context: Context) -> Resolution | None:
    if not label.unit:
        return None
    shift = label.shift or 0
    if shift == 0 and label.unit != "D" and _EARLIER.search(context.text) and _first_day_of(context.anchor, label.unit):
        # "earlier this week" told on a Monday (often a story of Sunday evening stamped Monday in UTC): no day
        # of this week lies before the anchor, so the week meant is the one just ended
        shift = -1
    return Resolution(*_shifted(context.anchor, label.unit, shift), True)


def _weekend(label: DateLabel, context: Context) -> Resolution:
    anchor, shift = context.anchor, label.shift
    if shift is None:  # "the weekend": the last one in past narration, the coming one in future
        if context.tense == "future":
            shift = 0 if anchor.isoweekday() < 6 else 1
        elif context.tense in ("past", SIMPLE_PAST) and anchor.isoweekday() == 6:
            shift = -1  # told as past on a Saturday, the weekend that has just begun is not over: the one before
        else:
            shift = 0 if anchor.isoweekday() >= 6 else -1
    return Resolution(iso_week(anchor + timedelta(weeks=shift)) + "-WE", "week", True)


def _ago(label: DateLabel, context: Context) -> Resolution | None:
    if not label.unit:
        return None
    unit, num = label.unit, label.num
    # Fractions go down one unit: "two and a half years ago" is 30 months ago.
    if not float(num).is_integer():
        unit, num = {"Y": ("M", num * 12), "Q": ("M", num * 3), "M": ("D", num * 30), "W": ("D", num * 7)}.get(
            unit, (unit, num))
    return Resolution(*_shifted(context.anchor, unit, -round(num)), True)


# A resolver per label kind (`pipeline.nlp.dates.KINDS`). It answers None when the label lacks what its
# kind needs, or when a month, day or quarter without its year meets no anchor.
RESOLVERS: dict[str, Resolver] = {
    "numeric": _numeric, "year": _year, "calendar": _calendar, "month": _month, "quarter": _quarter, "season": _season,
    "half": _half, "fiscal": _fiscal, "dayword": _dayword, "weekday": _weekday, "shift": _shift, "weekend": _weekend,
    "week_of_month": _week_of_month, "ago": _ago,
}
# The kinds whose value only the anchor gives: their resolvers run only with one.
RELATIVE_KINDS = frozenset({"dayword", "weekday", "shift", "weekend", "ago"})


def _calendar_without_year(anchor: date, month: int, day: int, weekday: int | None, shift: int | None,
                           tense: str | None) -> date:
    if shift == -1:  # "last March 27": the latest one before the anchor
        candidate = date(anchor.year, month, day)
        return candidate if candidate < anchor else date(anchor.year - 1, month, day)
    if shift is not None and shift > 0:
        candidate = date(anchor.year, month, day)
        return candidate if candidate > anchor else date(anchor.year + 1, month, day)
    year = year_by_tense(anchor, month, day, tense)
    if weekday:  # "Tuesday, March 4": prefer the year in which the weekday fits
        for candidate_year in (year, anchor.year, anchor.year - 1, anchor.year + 1):
            try:
                if date(candidate_year, month, day).isoweekday() == weekday:
                    return date(candidate_year, month, day)
            except ValueError:
                continue
    return date(year, month, day)


def _shifted(anchor: date, unit: str, shift: int) -> tuple[str, str]:
    """``(value, granularity)`` of the ``unit`` (D, W, M, Q, Y) ``shift`` units from the anchor's."""
    if unit == "W":
        return iso_week(anchor + timedelta(weeks=shift)), "week"
    if unit == "M":
        year, month = add_months(anchor.year, anchor.month, shift)
        return f"{year:04d}-{month:02d}", "month"
    if unit == "Q":
        year, month = add_months(anchor.year, anchor.month, 3 * shift)
        return f"{year:04d}-Q{quarter_of(month)}", "quarter"
    if unit == "Y":
        return f"{anchor.year + shift:04d}", "year"
    if unit == "D":
        return (anchor + timedelta(days=shift)).isoformat(), "day"
    raise ValueError(f"unit {unit!r} cannot be shifted")
