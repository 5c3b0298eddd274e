"""Event dates, issue 18 round 2 (sentences written for the tests; docs/events.md, section 40).

A day an effective-day cue introduces ("effective from March 4") dates when a measure applies, not the act the
sentence tells on another day ("signed an order on Monday imposing tariffs"); alone it still dates the measure.
"""

from __future__ import annotations

from pipeline.events import article_events

USA = ("Washington", "USA", "government")
CHINA = ("China", "CHN", "country")


def _dates(build, resources, text: str, dates: list[tuple[str, str, str]], published: str,
           countries=(USA,)) -> list[str | None]:
    rows = article_events(build(text, parsed=True, countries=list(countries), rates=[("20%", 20.0, "tariff")],
                                dates=dates, published=published), resources)
    return [row["event_date"] for row in rows if row["event_type"].startswith("tariff")]


def test_the_day_of_the_order_dates_the_measure_it_takes_effect_later(build, resources):
    # the second measure's trigger ("raising") stands nearer the day of entry into force than the order's day
    text = ("On Monday, Washington signed an order that imposes duties on imported lumber and raises the tariff on "
            "plywood to 20%, both effective from March 4.")
    dates = [("Monday", "DATE", "2025-02-10"), ("March 4", "DATE", "2025-03-04")]
    found = _dates(build, resources, text, dates, "2025-02-11")
    assert found and set(found) == {"2025-02-10"}, found


def test_the_order_day_given_to_another_trigger_dates_the_second_measure(build, resources):
    # the parse hangs "Monday" on "imposing", so the word-order attachment gives it to that trigger alone
    text = ("Markets slipped after Washington signed an order Monday imposing a 20% tariff on lumber imports and "
            "raising duties on plywood from 10% to 20%, both effective from March 4.")
    dates = [("Monday", "DATE", "2025-02-10"), ("March 4", "DATE", "2025-03-04")]
    rows = article_events(build(text, parsed=True, countries=[USA], dates=dates, published="2025-02-11",
                                rates=[("20%", 20.0, "tariff"), ("10%", 10.0, "tariff"), ("20%", 20.0, "tariff", 1)]),
                          resources)
    found = {row["event_type"]: (row["event_date"], row["modality"]) for row in rows}
    # dated by the order, and still planned: it takes effect after the story
    assert found.get("tariff_increased") == ("2025-02-10", "planned"), found


def test_a_day_of_entry_into_force_alone_dates_the_measure(build, resources):
    text = "Washington's 20% tariff on imported lumber will take effect on March 4."
    assert _dates(build, resources, text, [("March 4", "DATE", "2025-03-04")], "2025-02-11") == ["2025-03-04"]


def test_a_reported_day_of_entry_into_force_stays_before_the_saying(build, resources):
    text = "Officials said on Monday that Washington's 20% tariff on imported lumber will take effect on March 4."
    dates = [("Monday", "DATE", "2025-02-10"), ("March 4", "DATE", "2025-03-04")]
    assert _dates(build, resources, text, dates, "2025-02-11") == ["2025-03-04"]
