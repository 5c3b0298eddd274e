"""Which events 2025 market and wire copy holds: owners of listed measures, postponements, non-events.

Every sentence is written for these tests in the style of 2025 wire and
market copy (none is taken from an article) and parsed by the project's
committed parser, as extract would; the expected rows are the right reading.
"""

from __future__ import annotations

import pytest

FIELDS = ("event_type", "actor_iso3", "target_iso3", "modality")
USA = ("Washington", "USA", "government")


@pytest.mark.parametrize("parsed", [True, False], ids=["parsed", "word-order"])
def test_the_owner_right_before_a_listed_measure_acts(event_fields, parsed):
    # In a list of measures the clause's subject acts in none; each owner acts in its own.
    text = ("Oil fell as traders weighed postponed U.S. tariffs on Canada, Chinese retaliatory "
            "tariffs on U.S. crude and a firmer dollar.")
    found = event_fields(text, parsed=parsed,
                         countries=[("U.S.", "USA", "name"), ("Canada", "CAN", "name"), ("Chinese", "CHN", "demonym"),
                               ("U.S.", "USA", "name", 1)])
    roles = [e[:3] for e in found]
    assert ("tariff_imposed", "CHN", ["USA"]) in roles
    if parsed:  # by word order a participle before its owner ("postponed U.S. tariffs") finds no actor
        assert ("tariff_suspended", "USA", ["CAN"]) in roles
    assert not any(e[0] == "tariff_imposed" and e[1] == "USA" for e in found)


def test_an_owner_needs_the_measure_noun_after_the_trigger(build, resources):
    # "Beijing postponed the talks": no measure noun follows the trigger, so no owner is read before it.
    from pipeline.events.actors import adjacent_owner
    inputs = build("Beijing postponed the talks on steel tariffs.", countries=[("Beijing", "CHN", "government")])
    (trigger,) = [t for t in inputs.triggers if t.label == "tariff_suspended"]
    assert adjacent_owner(inputs.text, trigger, inputs.parties, resources) is None
    inputs = build("Beijing's postponed tariffs hit soybeans.", countries=[("Beijing", "CHN", "government")])
    (trigger,) = [t for t in inputs.triggers if t.label == "tariff_suspended"]
    assert adjacent_owner(inputs.text, trigger, inputs.parties, resources).iso3 == "CHN"


@pytest.mark.parametrize("text", [
    pytest.param("Washington put off its tariffs on Canadian lumber until June.", id="put-off"),
    pytest.param("Washington will hold off on tariffs on Canadian lumber for a month.", id="hold-off"),
    pytest.param("Washington's tariffs on Canadian lumber are on hold until June.", id="on-hold"),
])
def test_putting_off_a_tariff_is_a_suspension(event_fields, text):
    found = event_fields(text, countries=[USA, ("Canadian", "CAN", "demonym")])
    assert [e[:3] for e in found] == [("tariff_suspended", "USA", ["CAN"])]


def test_proposed_tariffs_are_a_threat(event_fields):
    found = event_fields("Washington has proposed tariffs on Mexico.",
                         countries=[USA, ("Mexico", "MEX", "name")])
    assert found == [("tariff_threatened", "USA", ["MEX"], "threatened")]
    found = event_fields("Automakers fear proposed U.S. tariffs on Mexico, Fitch said.", parsed=False,
                         countries=[("U.S.", "USA", "name"), ("Mexico", "MEX", "name")])
    assert found == [("tariff_threatened", "USA", ["MEX"], "threatened")]


@pytest.mark.parametrize("text, countries", [
    pytest.param("Russian output slipped below its OPEC+ quota as China bought more crude.",
                 [("Russian", "RUS", "demonym"), ("China", "CHN", "name")], id="opec-quota"),
    pytest.param("Risks include changes in demand that may affect exports, and tariffs imposed by the United "
                 "States on goods from Japan.",
                 [("United States", "USA", "name"), ("Japan", "JPN", "name")], id="changes-in-demand"),
    pytest.param("Ottawa's premier pushes a firm response to U.S. tariffs on steel.",
                 [("Ottawa", "CAN", "government"), ("U.S.", "USA", "name")], id="pushes-a-response"),
])
def test_quotas_of_output_demand_of_buyers_and_pushing_are_no_events(event_fields, text, countries):
    assert [e for e in event_fields(text, countries=countries)
            if e[0] in ("trade_restriction", "demand")] == []


@pytest.mark.parametrize("parsed", [True, False], ids=["parsed", "word-order"])
def test_governments_listed_before_a_measure_are_origins_not_its_owner(event_fields, parsed):
    # "the Canadian and Mexican duties": one measure has one acting government, so two listed before it
    # name where the goods come from; with no other government named the measure has no actor (no row).
    text = "Shares recovered after the Canadian and Mexican duties were delayed."
    countries = [("Canadian", "CAN", "demonym"), ("Mexican", "MEX", "demonym")]
    assert event_fields(text, parsed=parsed, countries=countries) == []
    # a single owner still acts: "the Mexican duties were delayed"
    single = event_fields("Shares recovered after the Mexican duties were delayed.",
                          parsed=parsed, countries=[("Mexican", "MEX", "demonym")])
    assert [e[:2] for e in single] == [("tariff_suspended", "MEX")]


def test_listed_origins_names_every_government_of_the_list(build, resources):
    from pipeline.events.roles import listed_origins
    inputs = build("The Canadian, Mexican and Chinese tariffs rose while U.S. tariffs held.",
                   countries=[("Canadian", "CAN", "demonym"), ("Mexican", "MEX", "demonym"),
                              ("Chinese", "CHN", "demonym"), ("U.S.", "USA", "name")])
    listed = {p.iso3 for p in inputs.parties if p.mention_id in listed_origins(inputs.text, inputs.parties,
                                                                               resources)}
    assert listed == {"CAN", "MEX", "CHN"}
