"""TIMEX3 values of date labels, resolved against an anchor day and a tense (pure calendar arithmetic)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

# How far from the anchor a month or day without a year may be moved by tense (see `year_by_tense`).
REACH_MONTHS = 6
REACH_DAYS = 183
DATEPARSER_SETTINGS = {
    "TIMEZONE": "UTC",
    "TO_TIMEZONE": "UTC",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DAY_OF_MONTH": "first",
    "PREFER_DATES_FROM": "current_period",
    "DATE_ORDER": "MDY",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
}
# RELATIVE_BASE when no anchor is known: numeric dates carry their year, so it never shows.
_NO_ANCHOR_BASE = datetime(2000, 1, 1)


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
    stated = (month, day or 0)
    reference = (anchor.month, anchor.day if day else 0)
    if tense == "past" and stated > reference and _within_reach(anchor, anchor.year - 1, month, day):
        return anchor.year - 1
    if tense == "future" and stated < reference and _within_reach(anchor, anchor.year + 1, month, day):
        return anchor.year + 1
    return anchor.year


def _within_reach(anchor: date, year: int, month: int, day: int | None) -> bool:
    if day is None:
        return abs((year - anchor.year) * 12 + month - anchor.month) <= REACH_MONTHS
    try:
        return abs((date(year, month, day) - anchor).days) <= REACH_DAYS
    except ValueError:  # February 29 outside a leap year
        return False


def weekday_by_tense(anchor: date, weekday: int, shift: int | None, tense: str | None) -> date:
    """The date of a weekday (ISO number) relative to the anchor."""
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if shift == 0:  # "this Friday": in the anchor's week
        return anchor + timedelta(days=weekday - anchor.isoweekday())
    if shift == -1:
        return anchor - timedelta(days=back or 7)
    if shift is not None and shift > 0 or tense == "future":
        return anchor + timedelta(days=ahead or 7)
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


@lru_cache(maxsize=8192)
def parse_numeric(text: str, anchor: date | None) -> date | None:
    """A numeric date ("4/9/2025") read by dateparser with fixed settings; None when it is not one.

    All of day, month and year must be present and the reading strict, so
    "24%", "to" or "May" never become dates.
    """
    base = datetime(anchor.year, anchor.month, anchor.day) if anchor else _NO_ANCHOR_BASE
    parsed = dateparser.parse(text, languages=["en"], settings={**DATEPARSER_SETTINGS, "RELATIVE_BASE": base})
    return parsed.date() if parsed else None


# -- resolution ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Resolution:
    """A TIMEX3 value, its granularity and whether the anchor was used."""

    value: str | None
    granularity: str | None
    relative: bool


UNRESOLVED = Resolution(None, None, True)


def _int(fields: Mapping[str, str], key: str) -> int | None:
    value = fields.get(key)
    return int(float(value)) if value not in (None, "") else None


def resolve(fields: Mapping[str, str], anchor: date | None, tense: str | None, text: str,
            previous_week: str | None) -> Resolution:
    """The TIMEX3 value of one DATE mention from its label ``fields`` (see the module docstring)."""
    kind = fields.get("kind")
    month, day, year = _int(fields, "month"), _int(fields, "day"), _int(fields, "year")
    shift, yshift = _int(fields, "shift"), _int(fields, "yshift")
    unit = fields.get("unit")
    num = float(fields["num"]) if fields.get("num") else 1.0
    try:
        if kind == "numeric":
            parsed = parse_numeric(text, anchor)
            return Resolution(parsed.isoformat(), "day", False) if parsed else Resolution(None, None, False)
        if kind == "year" and year:
            return Resolution(f"{year:04d}", "year", False)
        if kind == "calendar" and month and day:
            if year:
                return Resolution(date(year, month, day).isoformat(), "day", False)
            if anchor is None:
                return UNRESOLVED
            return Resolution(_calendar_without_year(anchor, month, day, _int(fields, "weekday"), shift,
                                                     tense).isoformat(), "day", True)
        if kind == "month" and month:
            if year:
                return Resolution(f"{year:04d}-{month:02d}", "month", False)
            if anchor is None:
                return UNRESOLVED
            if yshift is not None:
                resolved_year = anchor.year + yshift
            elif shift == -1:
                resolved_year = anchor.year if month < anchor.month else anchor.year - 1
            elif shift is not None and shift > 0:
                resolved_year = anchor.year if month > anchor.month else anchor.year + 1
            elif shift == 0:
                resolved_year = anchor.year
            else:
                resolved_year = year_by_tense(anchor, month, None, tense)
            return Resolution(f"{resolved_year:04d}-{month:02d}", "month", True)
        if kind == "quarter" and fields.get("quarter"):
            quarter = _int(fields, "quarter")
            if year:
                return Resolution(f"{year:04d}-Q{quarter}", "quarter", False)
            if anchor is None:
                return UNRESOLVED
            if yshift is not None:
                resolved_year = anchor.year + yshift
            else:
                resolved_year = anchor.year
                current = quarter_of(anchor.month)
                if tense == "past" and quarter > current:
                    resolved_year -= 1
                elif tense == "future" and quarter < current:
                    resolved_year += 1
            return Resolution(f"{resolved_year:04d}-Q{quarter}", "quarter", True)
        if anchor is None:
            return UNRESOLVED
        if kind == "dayword":
            return Resolution((anchor + timedelta(days=shift or 0)).isoformat(), "day", True)
        if kind == "weekday" and fields.get("weekday"):
            return Resolution(weekday_by_tense(anchor, _int(fields, "weekday"), shift, tense).isoformat(), "day", True)
        if kind == "shift" and unit:
            return Resolution(*_shifted(anchor, unit, shift or 0), True)
        if kind == "week_after":
            if previous_week:
                year_text, week_text = previous_week.split("-W")
                monday = date.fromisocalendar(int(year_text), int(week_text[:2]), 1)
                return Resolution(iso_week(monday + timedelta(weeks=1)), "week", True)
            return Resolution(iso_week(anchor + timedelta(weeks=1)), "week", True)
        if kind == "weekend":
            if shift is None:  # "the weekend": the last one in past narration, the coming one in future
                if tense == "future":
                    shift = 0 if anchor.isoweekday() < 6 else 1
                else:
                    shift = 0 if anchor.isoweekday() >= 6 else -1
            return Resolution(iso_week(anchor + timedelta(weeks=shift)) + "-WE", "week", True)
        if kind == "ago" and unit:
            return Resolution(*_ago(anchor, num, unit), True)
    except (ValueError, OverflowError):  # "February 30", "4,000,000 weeks ago": no calendar date
        return Resolution(None, None, anchor is not None)
    return Resolution(None, None, False)


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


def _ago(anchor: date, num: float, unit: str) -> tuple[str, str]:
    # Fractions go down one unit: "two and a half years ago" is 30 months ago.
    if not float(num).is_integer():
        unit, num = {"Y": ("M", num * 12), "Q": ("M", num * 3), "M": ("D", num * 30), "W": ("D", num * 7)}.get(
            unit, (unit, num))
    amount = round(num)
    if unit == "D":
        return (anchor - timedelta(days=amount)).isoformat(), "day"
    if unit == "W":
        return iso_week(anchor - timedelta(weeks=amount)), "week"
    if unit == "M":
        year, month = add_months(anchor.year, anchor.month, -amount)
        return f"{year:04d}-{month:02d}", "month"
    if unit == "Q":
        year, month = add_months(anchor.year, anchor.month, -3 * amount)
        return f"{year:04d}-Q{quarter_of(month)}", "quarter"
    if unit == "Y":
        return f"{anchor.year - amount:04d}", "year"
    raise ValueError(f"unit {unit!r} makes no date")
