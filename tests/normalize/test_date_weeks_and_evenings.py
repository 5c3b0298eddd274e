"""Weeks and weekends of a month, words hyphened to a year, and a future weekday told the evening before a
UTC stamp. Sentences written for these tests; every test pins the publication time."""

from datetime import UTC, date, datetime

import pytest

from pipeline.normalize.date_values import nth_weekday_of_month, resolve
from pipeline.normalize.dates import anchor_day, evening_before
from pipeline.views import ArticleView
# the tense tests' reader of an article's date values, and their fixtures (rules, parser, dates resources)
from tests.normalize.test_date_tense import date_values, nlp, parser, resources  # noqa: F401


@pytest.mark.parametrize(
    ("year", "month", "weekday", "place", "expected"),
    [
        (2025, 2, 6, 1, date(2025, 2, 1)),  # February 2025 opens on a Saturday
        (2025, 3, 4, -1, date(2025, 3, 27)),
        (2009, 3, 4, -1, date(2009, 3, 26)),  # March 31, 2009 is a Tuesday: the last Thursday is the 26th
        (2025, 1, 4, 2, date(2025, 1, 9)),
        (2025, 5, 6, -1, date(2025, 5, 31)),  # the month's last day is itself a Saturday
    ],
)
def test_nth_weekday_of_month(year, month, weekday, place, expected):
    assert nth_weekday_of_month(year, month, weekday, place) == expected


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        ("Negotiators will meet again in the first weekend in February.", datetime(2025, 1, 10, 9, tzinfo=UTC),
         {"the first weekend in February": "2025-W05-WE"}),
        ("Car sales recovered in the last week of March.", datetime(2025, 4, 1, 9, tzinfo=UTC),
         {"the last week of March": "2025-W13"}),
        # a week belongs to the month holding its Thursday: January 2, 2025 is in ISO week 1
        ("Shipments slowed in the first week of January.", datetime(2025, 4, 1, 9, tzinfo=UTC),
         {"the first week of January": "2025-W01"}),
        ("The levy takes effect in the second week of June 2026.", datetime(2025, 4, 1, 9, tzinfo=UTC),
         {"the second week of June 2026": "2026-W24"}),
        # the month's year comes as a bare month's: a past verb in March moves a November back
        ("Exports fell in the final week of November.", datetime(2025, 3, 10, 9, tzinfo=UTC),
         {"the final week of November": "2024-W48"}),
        # a word hyphened to a year is a date with its modifier, as "mid 2024" is
        ("The duties were imposed in mid-2024 and lifted in late-2025.", datetime(2025, 12, 20, 9, tzinfo=UTC),
         {"mid-2024": "2024", "late-2025": "2025"}),
    ],
)
def test_weeks_of_a_month_and_hyphened_years(nlp, parser, resources, body, published, expected):
    assert date_values(nlp, parser, resources, body, published) == expected


def test_a_week_of_a_month_is_no_bare_month(nlp, parser, resources):
    values = date_values(nlp, parser, resources, "Talks resume in the third week of May.",
                         datetime(2025, 4, 1, 9, tzinfo=UTC))
    assert values == {"the third week of May": "2025-W20"}  # May 15, its third Thursday


def test_the_label_without_a_place_gives_no_week():
    fields = {"kind": "week_of_month", "month": "3", "unit": "W"}
    assert resolve(fields, date(2025, 4, 1), None, "March").value is None


# Tuesday 2025-04-08 02:30 UTC is Monday evening in the Americas.
EARLY_TUESDAY = datetime(2025, 4, 8, 2, 30, tzinfo=UTC)
LATE_TUESDAY = datetime(2025, 4, 8, 14, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        # stamped in the early UTC hours, a future "Monday" is the reporter's own Monday, not six days on
        ("The president will sign the order on Monday evening.", EARLY_TUESDAY, {"Monday": "2025-04-07"}),
        # later in the UTC day the coming Monday it stays
        ("The president will sign the order on Monday evening.", LATE_TUESDAY, {"Monday": "2025-04-14"}),
        # the past is untouched, and so is a weekday said outright to be the next
        ("The president signed the order on Monday.", EARLY_TUESDAY, {"Monday": "2025-04-07"}),
        ("The president will sign the order next Monday.", EARLY_TUESDAY, {"next Monday": "2025-04-14"}),
        # another future weekday keeps its week
        ("The president will sign the order on Thursday.", EARLY_TUESDAY, {"Thursday": "2025-04-10"}),
    ],
)
def test_a_future_weekday_told_the_evening_before(nlp, parser, resources, body, published, expected):
    assert date_values(nlp, parser, resources, body, published) == expected


@pytest.mark.parametrize(
    ("dateline", "published", "expected"),
    [
        (None, EARLY_TUESDAY, date(2025, 4, 7)),
        (None, LATE_TUESDAY, None),
        # a dateline that names the day is the reporter's own day, even when it is the UTC day
        ("SEOUL, April 8", EARLY_TUESDAY, None),
        ("WASHINGTON", EARLY_TUESDAY, date(2025, 4, 7)),  # a place alone says nothing of the day
    ],
)
def test_the_evening_before_needs_an_early_stamp_and_no_dated_dateline(resources, dateline, published, expected):
    view = ArticleView("a1", "Headline\n\nBody.", 10, "Headline", dateline, published)
    assert evening_before(view, anchor_day(view, resources), resources) == expected


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        # the story names Monday as its day and never Tuesday: its "today" is Monday
        ("Copper closed lower on Monday. Ottawa's new duties on steel take effect today.", EARLY_TUESDAY,
         {"Monday": "2025-04-07", "today": "2025-04-07"}),
        # "last Tuesday" in a story of Tuesday stamped early Wednesday is the Tuesday of the week before
        ("The peso firmed on Tuesday. Last Tuesday, Mexico delayed its levies on grain.",
         datetime(2025, 4, 9, 3, 0, tzinfo=UTC), {"Tuesday": "2025-04-08", "Last Tuesday": "2025-04-01"}),
        # a story that names the UTC day as well says nothing of an evening before: today stays the stamp's
        ("Copper closed lower on Monday and rose on Tuesday. The duties take effect today.", EARLY_TUESDAY,
         {"Monday": "2025-04-07", "Tuesday": "2025-04-08", "today": "2025-04-08"}),
        # a stamp of midnight exactly is a date without a time: the stamp's day it is
        ("Copper closed lower on Monday. Ottawa's new duties on steel take effect today.",
         datetime(2025, 4, 8, tzinfo=UTC), {"Monday": "2025-04-07", "today": "2025-04-08"}),
        # stamped later in the UTC day, the stamp's day it is
        ("Copper closed lower on Monday. Ottawa's new duties on steel take effect today.", LATE_TUESDAY,
         {"Monday": "2025-04-07", "today": "2025-04-08"}),
    ],
)
def test_a_story_written_the_evening_before_its_stamp(nlp, parser, resources, body, published, expected):
    assert date_values(nlp, parser, resources, body, published) == expected
