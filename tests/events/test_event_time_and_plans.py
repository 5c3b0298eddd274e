"""Which date dates an event, and when an imposition is still a plan (sentences written for the tests).

The parsed sentences were read by eye: in "Stock futures fell Tuesday as
Washington announced …" the parser hangs "Tuesday" on "fell" and
"announced" as an adverbial clause of "fell", which is the reading the date
rule needs; the expected rows are the right reading, not the parser's output
copied.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.events import article_events
from pipeline.events.dates import threat_date

FIELDS = ("event_type", "actor_iso3", "target_iso3", "event_date", "modality")
USA = ("Washington", "USA", "government")


def _rows(build, resources, text: str, **specs) -> list[tuple]:
    return [tuple(row[k] for k in FIELDS) for row in article_events(build(text, **specs), resources)]


@pytest.mark.parametrize("parsed", [False, True])
def test_the_end_of_a_delay_does_not_date_it(build, resources, parsed):
    text = "Washington has delayed a 25% tariff on goods from Mexico for a month until March 4."
    specs = {"countries": [USA, ("Mexico", "MEX", "name")], "rates": [("25%", 25.0, "tariff")],
             "dates": [("March 4", "DATE", "2025-03-04"), ("a month", "DURATION", "P1M")],
             "published": "2025-02-13", "parsed": parsed}
    # undated, and so not made a plan by a date after publication: the delay happened
    assert _rows(build, resources, text, **specs) == [("tariff_suspended", "USA", ["MEX"], None, "asserted")]


def test_a_date_the_delay_happened_on_still_dates_it(build, resources):
    text = "Washington delayed the tariff on goods from Mexico on February 3."
    rows = _rows(build, resources, text, countries=[USA, ("Mexico", "MEX", "name")],
                 dates=[("February 3", "DATE", "2025-02-03")], published="2025-02-13")
    assert rows == [("tariff_suspended", "USA", ["MEX"], "2025-02-03", "asserted")]


def test_the_date_of_the_clause_an_as_clause_modifies_is_not_the_events(build, resources):
    text = "Stock futures fell Tuesday as Washington announced 25% tariffs on steel from Japan."
    specs = {"countries": [USA, ("Japan", "JPN", "name")], "rates": [("25%", 25.0, "tariff")],
             "dates": [("Tuesday", "DATE", "2025-02-11")], "published": "2025-02-11"}
    assert [r[3] for r in _rows(build, resources, text, parsed=True, **specs)] == [None]
    # without a parse the clause is not known, and word order keeps the nearest date
    assert [r[3] for r in _rows(build, resources, text, parsed=False, **specs)] == ["2025-02-11"]


def test_the_events_own_date_in_its_clause_is_kept(build, resources):
    text = "Washington announced 25% tariffs on steel from Japan on Tuesday."
    rows = _rows(build, resources, text, parsed=True, countries=[USA, ("Japan", "JPN", "name")],
                 rates=[("25%", 25.0, "tariff")], dates=[("Tuesday", "DATE", "2025-02-11")], published="2025-02-11")
    assert [r[3] for r in rows] == ["2025-02-11"]


@pytest.mark.parametrize("value, published, expected", [
    ("2025-03-01", date(2025, 2, 10), None),  # the measure threatened would come then
    ("2025-W07", date(2025, 2, 8), None),  # "next week"
    ("2025-02-07", date(2025, 2, 10), "2025-02-07"),  # the day the threat was made
    ("2025-02", date(2025, 2, 10), "2025-02"),  # a period that has begun
    (None, date(2025, 2, 10), None),
])
def test_a_threat_is_not_dated_by_the_measure_it_threatens(value, published, expected):
    assert threat_date("threatened", value, published) == expected


def test_a_plan_keeps_its_future_date():
    assert threat_date("planned", "2025-03-01", date(2025, 2, 10)) == "2025-03-01"
    assert threat_date("threatened", "2025-03-01", None) == "2025-03-01"  # no publication date: nothing to compare


def test_a_threat_in_a_sentence_is_undated_by_its_future(build, resources):
    text = "Washington threatened tariffs on Canada starting March 1."
    rows = _rows(build, resources, text, countries=[USA, ("Canada", "CAN", "name")],
                 dates=[("March 1", "DATE", "2025-03-01")], published="2025-02-10")
    assert rows == [("tariff_threatened", "USA", ["CAN"], None, "threatened")]


@pytest.mark.parametrize("parsed", [False, True])
def test_an_announced_imposition_is_planned(build, resources, parsed):
    text = "Washington announced 25% tariffs on steel from Japan."
    rows = _rows(build, resources, text, parsed=parsed, countries=[USA, ("Japan", "JPN", "name")],
                 rates=[("25%", 25.0, "tariff")])
    assert [(r[0], r[4]) for r in rows] == [("tariff_imposed", "planned")]


@pytest.mark.parametrize("text", [
    "Washington announced 25% tariffs on steel from Japan, which took effect at midnight.",
    "Washington announced but then delayed 25% tariffs on steel from Japan.",
])
def test_an_announced_imposition_in_force_or_undone_stays_asserted(build, resources, text):
    rows = _rows(build, resources, text, countries=[USA, ("Japan", "JPN", "name")], rates=[("25%", 25.0, "tariff")])
    assert ("tariff_imposed", "asserted") in [(r[0], r[4]) for r in rows]
    assert ("tariff_imposed", "planned") not in [(r[0], r[4]) for r in rows]


def test_an_imposition_set_to_take_effect_is_planned(build, resources):
    text = "Beijing's retaliatory tariffs on U.S. goods are set to take effect, officials said."
    rows = _rows(build, resources, text, countries=[("Beijing", "CHN", "government"), ("U.S.", "USA", "name")])
    assert [(r[0], r[1], r[4]) for r in rows] == [("tariff_imposed", "CHN", "planned")]


def test_an_imposition_that_took_effect_is_asserted(build, resources):
    text = "Beijing's retaliatory tariffs on U.S. goods took effect, officials said."
    rows = _rows(build, resources, text, countries=[("Beijing", "CHN", "government"), ("U.S.", "USA", "name")])
    assert [(r[0], r[1], r[4]) for r in rows] == [("tariff_imposed", "CHN", "asserted")]
