"""A measure named by itself ("reciprocal tariffs") is a threat until the measure takes effect, unless its clause plans it."""

from __future__ import annotations

import pytest

from pipeline.events import article_events

FIELDS = ("event_type", "actor_iso3", "target_scope", "rate_value", "modality")
OTTAWA = ("Ottawa", "CAN", "government")
WASHINGTON = ("Washington", "USA", "government")
BEFORE_IN_FORCE = "2025-02-20"  # reciprocal tariffs took effect on 2025-04-05 (models/events/arguments.json)


def _events(build, resources, text: str, published: str = BEFORE_IN_FORCE, **specs) -> list[tuple]:
    rows = article_events(build(text, parsed=True, published=published, **specs), resources)
    return [tuple(row[k] for k in FIELDS) for row in rows]


@pytest.mark.parametrize("text", [
    pytest.param("Washington says reciprocal levies remain on the table for next quarter.", id="no-verb"),
    pytest.param("Washington has promised more detail on its reciprocal tariff plan by Friday.", id="plan"),
])
def test_the_name_alone_is_a_threat_on_every_partner(build, resources, text):
    assert _events(build, resources, text, countries=[WASHINGTON]) == [
        ("tariff_threatened", "USA", "all", None, "threatened")]


def test_a_plan_to_announce_the_name_is_a_planned_imposition(build, resources):
    # the report gives way to the name, and the plan ("aims to") decides it: the guideline's planned
    text = "Washington aims to announce reciprocal tariffs soon, officials told lawmakers."
    assert _events(build, resources, text, countries=[WASHINGTON]) == [("tariff_imposed", "USA", "all", None, "planned")]


def test_a_verb_before_the_name_decides_the_type(build, resources):
    found = _events(build, resources, "Washington imposed reciprocal tariffs last week.", countries=[WASHINGTON])
    assert [row[0] for row in found] == ["tariff_imposed"]


def test_the_name_does_not_absorb_a_measure_after_it(build, resources):
    text = "Reciprocal duties are next, Washington said, after it imposed 15% levies on Canadian lumber."
    found = _events(build, resources, text, countries=[WASHINGTON, ("Canadian", "CAN", "demonym")],
                    rates=[("15%", 15.0, "levy")])
    assert ("tariff_imposed", "USA", "bilateral", 15.0, "asserted") in found


def test_a_measure_joined_to_another_keeps_both(build, resources):
    text = "Ottawa said it will announce 12% tariffs on imported copper, as well as reciprocal tariffs next month."
    found = _events(build, resources, text, countries=[OTTAWA], rates=[("12%", 12.0, "tariff")])
    assert ("tariff_imposed", "CAN", "all", None, "planned") in found
    assert any(row[0] == "tariff_imposed" and row[3] == 12.0 for row in found)


def test_once_in_force_the_name_alone_is_no_news(build, resources):
    text = "Washington says reciprocal levies remain on the table for next quarter."
    assert _events(build, resources, text, published="2025-06-10", countries=[WASHINGTON]) == []
