"""An asserted change whose events state the day it takes effect (``effective_date``) starts on that day, with the
announcement as ``announced_on`` (docs/timeline.md, section 2). Sequences constructed for these tests."""

from __future__ import annotations

from datetime import date

from pipeline.timeline import build_timeline
from tests.timeline.test_timeline import RULES, d, event, sequence


def effective(row: dict, day: str | None) -> dict:
    return {**row, "effective_date": date.fromisoformat(day) if day else None}


def test_announced_on_the_8th_and_effective_on_the_9th_starts_on_the_9th():
    rows = [event("e1", "tariff_imposed", "2025-02-04", rate=10),
            effective(event("e2", "tariff_increased", "2025-04-08", rate=84, previous=10), "2025-04-09")]
    assert sequence(rows) == [("imposed", True, 10, None, d("2025-02-04"), d("2025-04-09")),
                              ("increased", True, 84, 10, d("2025-04-09"), None)]
    raised = next(r for r in build_timeline(rows, RULES) if r["change"] == "increased")
    assert (raised["announced_on"], raised["effective_on"]) == (d("2025-04-08"), d("2025-04-09"))


def test_an_undated_report_of_an_effective_day_is_announced_on_its_report():
    row = effective(event("e1", "tariff_reduced", None, rate=10, previous=125, published="2025-05-12"),
                    "2025-05-14")
    [found] = build_timeline([row], RULES)
    assert (found["valid_from"], found["announced_on"], found["effective_on"]) == \
        (d("2025-05-14"), d("2025-05-12"), d("2025-05-14"))


def test_an_effective_day_told_after_it_has_no_announcement():
    row = effective(event("e1", "tariff_increased", "2025-03-04", rate=20, published="2025-03-06"), "2025-03-04")
    [found] = build_timeline([row], RULES)
    assert (found["valid_from"], found["announced_on"], found["effective_on"]) == \
        (d("2025-03-04"), None, d("2025-03-04"))


def test_a_planned_measure_keeps_its_own_date():
    # only asserted measures move the timeline; a plan stays where its own date places it
    row = effective(event("e1", "tariff_imposed", "2025-03-01", rate=25, modality="planned",
                          published="2025-02-20"), "2025-03-04")
    [found] = build_timeline([row], RULES)
    assert (found["status"], found["valid_from"], found["effective_on"]) == \
        ("planned", d("2025-03-01"), d("2025-03-01"))


def test_without_an_effective_day_the_event_date_places_the_change():
    rows = [effective(event("e1", "tariff_imposed", "2025-02-04", rate=25), None)]
    [found] = build_timeline(rows, RULES)
    assert (found["valid_from"], found["effective_on"]) == (d("2025-02-04"), d("2025-02-04"))


def test_a_report_of_the_effective_day_moves_the_interval_its_announcement_began():
    # "raised the tariff to 84% on April 8" (no effective day) and "… 84%, effective April 9": one rise, in force
    # from the 9th, announced on the 8th
    rows = [event("e1", "tariff_imposed", "2025-02-04", rate=10),
            event("e2", "tariff_increased", "2025-04-08", rate=84, previous=10, articles=("a1", "a2", "a3")),
            effective(event("e3", "tariff_increased", "2025-04-09", rate=84, articles=("a4",)), "2025-04-09")]
    assert sequence(rows) == [("imposed", True, 10, None, d("2025-02-04"), d("2025-04-09")),
                              ("increased", True, 84, 10, d("2025-04-09"), None)]
    raised = next(r for r in build_timeline(rows, RULES) if r["change"] == "increased")
    assert (raised["announced_on"], raised["effective_on"], raised["event_ids"]) == \
        (d("2025-04-08"), d("2025-04-09"), ["e2", "e3"])
    assert not raised["conflict"]


def test_an_effective_day_weeks_later_is_no_report_of_the_announced_change():
    rows = [event("e1", "tariff_increased", "2025-02-10", rate=25),
            effective(event("e2", "tariff_increased", "2025-03-12", rate=25), "2025-03-12")]
    assert [r[4] for r in sequence(rows)] == [d("2025-02-10")]
