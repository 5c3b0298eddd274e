"""Event dates as dates, and dates of named laws and cited orders left out (sentences written for the tests)."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.events import article_events
from pipeline.events.dates import date_range
from pipeline.events.modality import future_is_planned


@pytest.mark.parametrize("value, expected", [
    ("2025-05-01", (date(2025, 5, 1), date(2025, 5, 1), "day")),
    ("2025-W18", (date(2025, 4, 28), date(2025, 5, 4), "week")),
    ("2024-02", (date(2024, 2, 1), date(2024, 2, 29), "month")),
    ("2025-Q3", (date(2025, 7, 1), date(2025, 9, 30), "quarter")),
    ("1986", (date(1986, 1, 1), date(1986, 12, 31), "year")),
    ("2025-SU", (date(2025, 6, 1), date(2025, 8, 31), "season")),
    ("2024-WI", (date(2024, 12, 1), date(2025, 2, 28), "season")),  # the winter of a year begins in its December
    ("2025-H1", (date(2025, 1, 1), date(2025, 6, 30), "half")),
    ("2025-H2", (date(2025, 7, 1), date(2025, 12, 31), "half")),
    ("FY2026", None),  # a fiscal year's months are the issuer's
    ("198X", None), ("PRESENT_REF", None), ("2025-13", None), (None, None),
])
def test_date_range(value, expected):
    span = date_range(value)
    assert (None if span is None else (span.start, span.end, span.granularity)) == expected


def _dated(build, resources, text, **specs):
    return [(r["event_type"], r["event_date"], r["event_date_start"], r["event_date_granularity"])
            for r in article_events(build(text, **specs), resources)]


def test_a_statute_year_is_no_event_date(build, resources):
    text = "Washington opened a Section 301 investigation of Brazil under the Trade Act of 1974."
    found = _dated(build, resources, text, countries=[("Washington", "USA", "government"), ("Brazil", "BRA", "name")],
                   dates=[("1974", "DATE", "1974")])
    assert found == [("investigation", None, None, None)]


def test_a_cited_order_date_is_no_event_date(build, resources):
    text = "Washington raised tariffs on Chinese goods set out in Executive Order 14001 of March 3, 2025."
    found = _dated(build, resources, text, countries=[("Washington", "USA", "government"), ("Chinese", "CHN", "demonym")],
                   dates=[("March 3, 2025", "DATE", "2025-03-03")])
    assert [f[1] for f in found] == [None]


def test_a_plain_date_still_dates_the_event(build, resources):
    text = "Washington raised tariffs on Chinese goods on March 3, 2025."
    found = _dated(build, resources, text, countries=[("Washington", "USA", "government"), ("Chinese", "CHN", "demonym")],
                   dates=[("March 3, 2025", "DATE", "2025-03-03")])
    assert found == [("tariff_increased", "2025-03-03", date(2025, 3, 3), "day")]


@pytest.mark.parametrize("value, expected", [
    ("1987-SU", "planned"),  # a summer still to come, written in April
    ("1987-SP", "asserted"),  # the spring under way
    ("1986-WI", "asserted"),  # the winter of 1986 began in December 1986
])
def test_a_season_ahead_makes_a_measure_planned(value, expected):
    assert future_is_planned("asserted", value, date(1987, 4, 10)) == expected
