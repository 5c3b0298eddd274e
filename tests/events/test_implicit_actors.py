"""Whose measure a sentence without an acting government names: a he/she, a retaliation, the importing market.

The sentences are written for these tests in the style of 2025 wire copy
(none is taken from an article) and parsed by the project's committed parser,
as extract would.
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events

FIELDS = ("event_type", "actor_iso3", "target_iso3", "target_scope")
PRESIDENT = ("President Jane Roe", "USA", "jane-roe")


def _events(build, resources, text: str, *, parsed: bool = True, **specs) -> list[tuple]:
    rows = article_events(build(text, parsed=parsed, **specs), resources)
    return sorted(tuple(row[k] for k in FIELDS) for row in rows)


@pytest.mark.parametrize("parsed", [True, False])
def test_he_inherits_the_actor_of_a_person_not_of_the_country_told_between(build, resources, parsed):
    text = ("President Jane Roe raised tariffs on Chinese steel to 20% last week. "
            "Beijing imposed duties on soybeans in return. "
            "He also threatened tariffs on Brazil.")
    found = _events(build, resources, text, parsed=parsed, officials=[PRESIDENT],
                    countries=[("Chinese", "CHN", "demonym"), ("Beijing", "CHN", "government"),
                               ("Brazil", "BRA", "name")])
    assert ("tariff_threatened", "USA", ["BRA"], "bilateral") in found
    assert not any(row[0] == "tariff_threatened" and row[1] == "CHN" for row in found)


def test_he_after_only_a_country_acting_takes_no_actor(build, resources):
    text = "Beijing imposed duties on soybeans. He also threatened tariffs on Brazil."
    found = _events(build, resources, text, countries=[("Beijing", "CHN", "government"), ("Brazil", "BRA", "name")])
    assert not any(row[0] == "tariff_threatened" for row in found)


def test_a_measure_without_a_pronoun_subject_still_inherits_a_country(build, resources):
    text = "Ottawa imposed duties on U.S. steel. The duties were raised again on Monday."
    found = _events(build, resources, text, countries=[("Ottawa", "CAN", "government"), ("U.S.", "USA", "abbreviation")])
    assert ("tariff_increased", "CAN", ["USA"], "bilateral") in found


def test_a_retaliation_in_the_next_sentence_falls_on_the_measure_it_answers(build, resources):
    text = "Washington put 15% duties on Mexican cement in March. Mexico retaliated with duties of its own."
    found = _events(build, resources, text, rates=[("15%", 15.0, "duty")],
                    countries=[("Washington", "USA", "government"), ("Mexican", "MEX", "demonym"),
                               ("Mexico", "MEX", "name")])
    assert ("tariff_imposed", "MEX", ["USA"], "bilateral") in found


def test_an_invitation_to_retaliate_is_no_measure(build, resources):
    text = "The minister dared them to retaliate with duties on cars."
    assert _events(build, resources, text) == []


def test_a_tariff_on_goods_entering_a_market_is_that_markets_measure(build, resources):
    text = ("Carmakers have many vehicles imported to the U.S. from Peru and Chile, exposing them to the 25% "
            "tariffs on Peru and Chile, which have been put on hold.")
    found = _events(build, resources, text, rates=[("25%", 25.0, "tariff")],
                    countries=[("U.S.", "USA", "abbreviation"), ("Peru", "PER", "name", 0),
                               ("Chile", "CHL", "name", 0), ("Peru", "PER", "name", 1),
                               ("Chile", "CHL", "name", 1)])
    assert ("tariff_suspended", "USA", ["CHL", "PER"], "multilateral") in found


def test_a_company_warning_of_tariffs_on_goods_entering_a_market_is_no_measure(build, resources):
    text = "Acme warned that the 25% tariffs on copper imported into the U.S. could hurt its margins."
    found = _events(build, resources, text, rates=[("25%", 25.0, "tariff")],
                    countries=[("U.S.", "USA", "abbreviation")])
    assert found == []


def test_export_controls_on_goods_leaving_for_a_market_are_not_its_measure(build, resources):
    text = "Export controls on chips shipped to China were tightened, officials said."
    found = _events(build, resources, text, countries=[("China", "CHN", "name")])
    assert not any(row[1] == "CHN" for row in found)
