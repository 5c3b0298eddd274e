"""Who a measure falls on when its country is written before it; plans, names and scopes of measures.

The sentences are written for these tests in the style of 2025 wire and
market copy (none is taken from an article) and parsed by the project's
committed parser, as extract would. Their parses were checked by eye: the
demonyms of "the Brazilian and Peruvian duties" are modifiers of the object
of "paused"; "the Chile tariffs" is a bare noun the parser writes as an
``nmod`` of "tariffs".
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events

FIELDS = ("event_type", "actor_iso3", "target_iso3", "target_scope")
OTTAWA = ("Ottawa", "CAN", "government")


def test_countries_before_the_measure_another_government_acts_on_are_its_targets(event_fields):
    found = event_fields("Ottawa paused the Brazilian and Peruvian duties on Friday.",
                         countries=[OTTAWA, ("Brazilian", "BRA", "demonym"), ("Peruvian", "PER", "demonym")])
    assert found == [("tariff_suspended", "CAN", ["BRA", "PER"], "multilateral")]


def test_a_bare_country_noun_before_the_measure_acted_on_is_its_target(event_fields):
    found = event_fields("Ottawa lifted the Chile tariffs.",
                         countries=[OTTAWA, ("Chile", "CHL", "name")])
    assert found == [("tariff_removed", "CAN", ["CHL"], "bilateral")]


def test_a_possessive_before_the_measure_still_owns_it(event_fields):
    # "Chile's tariffs" are Chile's: Ottawa cannot lift them on Chile
    found = event_fields("Ottawa lifted Chile's tariffs on beef.",
                         countries=[OTTAWA, ("Chile", "CHL", "name")])
    assert not any("CHL" in row[2] for row in found)


def test_the_measures_own_country_is_no_target_when_it_acts(event_fields):
    found = event_fields("Ottawa raised the Canadian duties on steel.",
                         countries=[OTTAWA, ("Canadian", "CAN", "demonym")])
    assert [row[:3] for row in found] == [("tariff_increased", "CAN", [])]


@pytest.mark.parametrize("quoted", ["'reciprocal'", "\"reciprocal\"", "‘reciprocal’"])
def test_reciprocal_duties_in_any_quotation_marks_fall_on_every_partner(event_fields, quoted):
    found = event_fields(f"Ottawa to unveil {quoted} duties next week",
                         countries=[OTTAWA])
    assert [row[3] for row in found] == ["all"]


@pytest.mark.parametrize("parsed", [True, False], ids=["parsed", "word-order"])
def test_a_measure_a_government_is_poised_to_take_is_planned(build, resources, parsed):
    found = article_events(build("Ottawa is poised to impose duties on Chile.", parsed=parsed,
                                 countries=[OTTAWA, ("Chile", "CHL", "name")]), resources)
    assert [(row["event_type"], row["modality"]) for row in found] == [("tariff_imposed", "planned")]


def test_a_measure_a_government_is_about_to_take_is_planned_by_word_order(build, resources):
    found = article_events(build("Ottawa is about to impose duties on Chile.", parsed=False,
                                 countries=[OTTAWA, ("Chile", "CHL", "name")]), resources)
    assert [(row["event_type"], row["modality"]) for row in found] == [("tariff_imposed", "planned")]


def test_only_a_trigger_of_role_name_is_a_measures_name(build):
    from pipeline.events.absorb import is_measure_name
    from pipeline.events.types import Cue
    name = Cue("m1", 0, 10, "tariff_threatened", "triggers.csv:tariff_threatened:strong:name")
    strong_agent = Cue("m2", 0, 10, "tariff_imposed", "triggers.csv:tariff_imposed:strong:agent")
    assert is_measure_name(name) and name.agent_only
    assert not is_measure_name(strong_agent) and strong_agent.agent_only
    # the lexicon marks the reciprocal tariffs as a name
    inputs = build("Ottawa weighs reciprocal duties.", countries=[OTTAWA])
    assert [t.rule_id for t in inputs.triggers if t.label == "tariff_threatened"] == \
        ["triggers.csv:tariff_threatened:strong:name"]


@pytest.mark.parametrize("text, expected", [
    pytest.param("After Ottawa's first announcement on plans for duties on goods from Chile, spreads widened.",
                 ("tariff_threatened", "threatened"), id="plan-without-rate"),
    pytest.param("Ottawa's plans for duties on Chile that take effect on March 4 worried traders.",
                 ("tariff_imposed", "planned"), id="plan-with-a-date-it-takes-effect"),
])
def test_a_plan_for_duties_without_rate_or_day_in_force_is_a_threat(build, resources, text, expected):
    found = article_events(build(text, countries=[OTTAWA, ("Chile", "CHL", "name")]), resources)
    assert [(row["event_type"], row["modality"]) for row in found] == [expected]
