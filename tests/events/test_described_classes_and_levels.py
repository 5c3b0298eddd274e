"""Sentences that name a measure without reporting one (issue 18): a class described by a relative clause, a
comparison of two levels, an effect that is feared; and a date in a relative clause of another verb.

The sentences are written for these tests in the style of 2025 wire copy (none is taken from an article)
and parsed by the project's committed parser, as extract would.
"""

from __future__ import annotations


FIELDS = ("event_type", "actor_iso3", "target_iso3", "modality", "event_date", "is_background")


def test_countries_that_have_imposed_duties_are_a_class_not_news(event_fields):
    text = ("The White House may also unveil reciprocal tariffs on economies that have imposed levies on goods "
            "from the US, a newspaper reported.")
    found = event_fields(text, countries=[("White House", "USA", "government"), ("US", "USA", "abbreviation")])
    assert found and all(row[3] != "asserted" for row in found)


def test_higher_duties_than_another_governments_are_a_comparison(event_fields):
    text = "Among its neighbours, Chile is among the nations that levy higher customs duties than those charged by Peru."
    found = event_fields(text, countries=[("Chile", "CHL", "name"), ("Peru", "PER", "name")])
    assert found == []


def test_a_feared_effect_of_new_tariffs_is_no_event(event_fields):
    text = "Worries grew that fresh tariffs would add uncertainty to Peru's copper shipments this year."
    found = event_fields(text, countries=[("Peru", "PER", "name")],
                         dates=[("this year", "DATE", "2025")])
    assert found == []


def test_a_date_in_a_relative_clause_of_the_subject_does_not_date_the_measure(event_fields):
    text = ("India, which produced 30% of the world's graphite in 2022, placed export restrictions on four "
            "minerals on Monday.")
    found = event_fields(text, countries=[("India", "IND", "name")],
                         dates=[("2022", "DATE", "2022"), ("Monday", "DATE", "2025-04-28")])
    assert [(row[0], row[4], row[5]) for row in found] == [("trade_restriction", "2025-04-28", False)]


def test_a_date_in_a_relative_clause_without_another_date_makes_no_history(event_fields):
    text = "India, which produced 30% of the world's graphite in 2022, placed export restrictions on four minerals."
    found = event_fields(text, countries=[("India", "IND", "name")], dates=[("2022", "DATE", "2022")])
    assert [(row[0], row[4], row[5]) for row in found] == [("trade_restriction", None, False)]
