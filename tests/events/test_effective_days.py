"""The day a measure takes effect, stated in its own sentence or its list's lead-in (pipeline/events/effective.py).
Sentences written for these tests in the style of 2025 wire copy and executive orders."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from pipeline.events import article_events
from pipeline.events.effective import agrees_with_date
from tests.events.test_lead_dates import INTRO, ITEM_A, LEAD_IN, LEAD_IN_DATES, PRC, RAISED

USA = ("Washington", "USA", "government")
CHINA = ("China", "CHN", "country")


def _effective(build, resources, text: str, dates, rates=(), countries=(USA, CHINA),
               published="2025-04-08") -> list[tuple]:
    rows = article_events(build(text, parsed=True, countries=list(countries), dates=dates, rates=list(rates),
                                published=published), resources)
    return [(r["event_type"], r["event_date"], r["effective_date"]) for r in rows
            if r["event_type"].startswith("tariff")]


def test_a_day_after_takes_effect_on_is_the_effective_date(build, resources):
    text = "Washington raised tariffs on goods from China on April 8, 2025, and the increase takes effect on " \
           "April 9, 2025."
    found = _effective(build, resources, text, [("April 8, 2025", "DATE", "2025-04-08"),
                                                ("April 9, 2025", "DATE", "2025-04-09")])
    assert any(effective == date(2025, 4, 9) for _, _, effective in found), found


def test_effective_and_from_midnight_introduce_the_day(build, resources):
    for cue in ("effective May 14, 2025", "from 12:01 a.m. on May 14, 2025", "starting May 14, 2025",
                "as of May 14, 2025"):
        text = f"Washington cut tariffs on goods from China to 10%, {cue}."
        found = _effective(build, resources, text, [("May 14, 2025", "DATE", "2025-05-14")], published="2025-05-12")
        assert [effective for _, _, effective in found] == [date(2025, 5, 14)], (cue, found)


def test_a_day_without_a_cue_is_no_effective_date(build, resources):
    text = "Washington raised tariffs on goods from China on April 8, 2025."
    found = _effective(build, resources, text, [("April 8, 2025", "DATE", "2025-04-08")])
    assert found and all(effective is None for _, _, effective in found)


def test_a_week_or_a_month_is_no_effective_date(build, resources):
    text = "Washington raised tariffs on goods from China, effective next week."
    found = _effective(build, resources, text, [("next week", "DATE", "2025-W16")])
    assert found and all(effective is None for _, _, effective in found)


def test_another_measure_between_keeps_the_day_to_itself(build, resources):
    text = "Washington raised tariffs on goods from China on April 8, 2025, while China imposed duties on " \
           "American goods effective April 10, 2025."
    rows = article_events(build(text, parsed=True, countries=[USA, CHINA, ("American", "USA", "country")],
                                dates=[("April 8, 2025", "DATE", "2025-04-08"),
                                       ("April 10, 2025", "DATE", "2025-04-10")], published="2025-04-08"), resources)
    by_type = {r["event_type"]: r["effective_date"] for r in rows if r["event_type"].startswith("tariff")}
    assert by_type == {"tariff_increased": None, "tariff_imposed": date(2025, 4, 10)}


def test_an_amendment_in_a_list_takes_the_effective_day_of_its_lead_in(build, resources):
    rows = article_events(build(INTRO + LEAD_IN + ITEM_A, parsed=True, countries=[PRC], dates=LEAD_IN_DATES,
                                rates=RAISED, published="2025-04-08"), resources)
    raised = [r for r in rows if r["rate_value"] == 84.0]
    assert raised and all(r["effective_date"] == date(2025, 4, 9) for r in raised)


def test_a_lead_in_without_a_cue_gives_a_date_but_no_effective_day(build, resources):
    lead_in = "Pursuant to the order of April 9, 2025:\n"
    rows = article_events(build(INTRO + lead_in + ITEM_A, parsed=True, countries=[PRC], dates=LEAD_IN_DATES,
                                rates=RAISED, published="2025-04-08"), resources)
    raised = [r for r in rows if r["rate_value"] == 84.0]
    assert raised and all(r["effective_date"] is None for r in raised)


def test_a_day_belongs_to_the_nearest_measure_before_it(build, resources):
    text = "Washington imposed a 10% tariff on goods from China as of February 4, 2025, but paused tariffs on " \
           "goods from Mexico."
    rows = article_events(build(text, parsed=True, countries=[USA, CHINA, ("Mexico", "MEX", "country")],
                                dates=[("February 4, 2025", "DATE", "2025-02-04")], published="2025-02-05"),
                          resources)
    by_type = {r["event_type"]: r["effective_date"] for r in rows if r["event_type"].startswith("tariff")}
    assert by_type.get("tariff_imposed") == date(2025, 2, 4) and by_type.get("tariff_suspended") is None, by_type


def test_a_day_in_a_subordinate_clause_is_not_the_main_measure_s(build, resources):
    text = "Hours before they were due to take effect on February 4, 2025, Washington paused the tariffs on " \
           "goods from Mexico."
    rows = article_events(build(text, parsed=True, countries=[USA, ("Mexico", "MEX", "country")],
                                dates=[("February 4, 2025", "DATE", "2025-02-04")], published="2025-02-03"),
                          resources)
    found = [r for r in rows if r["event_type"] == "tariff_suspended"]
    assert found and all(r["effective_date"] is None for r in found)


def test_an_effective_day_before_or_long_after_the_event_s_date_is_dropped(resources):
    # a merge may join a reading of an old act ("exempted … in 2018") to another reading's day of 2025
    def agrees(event_date: str | None, effective: str) -> bool:
        return agrees_with_date(SimpleNamespace(event_date=event_date, effective_date=effective), resources)

    assert agrees("2025-04-08", "2025-04-09") and agrees(None, "2025-04-09") and agrees("2025-02", "2025-03-04")
    assert not agrees("2018", "2025-03-12")
    assert not agrees("2025-04-09", "2025-04-08")
