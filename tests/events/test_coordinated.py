"""A second measure joined to a tariff measure by "along with", "as well as" (`pipeline.events.coordinated`).

Sentences written for these tests in the style of 2025 wire copy, read with
and without the project's committed parser.
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events

CANADA = ("Ottawa", "CAN", "government")
FIELDS = ("event_type", "actor_iso3", "target_iso3", "target_scope", "rate_value", "modality")


def _events(build, resources, text: str, countries, rates, *, parsed: bool) -> list[tuple]:
    rows = article_events(build(text, parsed=parsed, countries=countries, rates=rates), resources)
    return sorted((tuple(row[k] for k in FIELDS) for row in rows), key=str)  # rates may be None


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
def test_a_joined_measure_is_an_event_of_its_own(build, resources, parsed):
    text = "Ottawa said it will put 20% duties on U.S. steel, along with duties on Mexican pork."
    found = _events(build, resources, text, [CANADA, ("U.S.", "USA", "abbreviation"), ("Mexican", "MEX", "demonym")],
                    [("20%", 20.0, "duty")], parsed=parsed)
    assert ("tariff_imposed", "CAN", ["USA"], "bilateral", 20.0, "planned") in found
    # the joined measure has its own target and none of the first measure's rate
    assert ("tariff_imposed", "CAN", ["MEX"], "bilateral", None, "planned") in found


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
def test_joined_reciprocal_tariffs_are_a_planned_measure_on_every_partner(build, resources, parsed):
    # "will announce" plans both measures: planned impositions (the guideline's "planned: decided, scheduled")
    text = "Ottawa said it will announce 15% tariffs on imported aluminium, as well as reciprocal tariffs next month."
    found = _events(build, resources, text, [CANADA], [("15%", 15.0, "tariff")], parsed=parsed)
    assert ("tariff_imposed", "CAN", [], "all", None, "planned") in found
    assert any(e[0] == "tariff_imposed" and e[4] == 15.0 for e in found)


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
def test_goods_joined_to_goods_are_one_measure(build, resources, parsed):
    text = "Ottawa imposed 25% duties on steel as well as aluminium from Mexico."
    found = _events(build, resources, text, [CANADA, ("Mexico", "MEX", "name")], [("25%", 25.0, "duty")],
                    parsed=parsed)
    assert [e[0] for e in found] == ["tariff_imposed"]
