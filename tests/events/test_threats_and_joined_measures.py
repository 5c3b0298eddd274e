"""Vowed and floated measures, entries into force, joined measures with their own rates, targets after a
joined clause (issue 18).

Every sentence is written for these tests in the style of 2025 market copy (none is taken from an
article) and parsed by the project's committed parser, as extract would.
"""

from __future__ import annotations


FIELDS = ("event_type", "actor_iso3", "target_iso3", "rate_value", "modality")
TRUMP = ("Trump", "USA", "donald-trump")
BRAZIL, CHILE, PERU = ("Brazil", "BRA", "name"), ("Chile", "CHL", "name"), ("Peru", "PER", "name")


def test_a_vow_or_a_trial_balloon_of_a_measure_is_a_threat(event_fields):
    found = event_fields("Brazil floated fresh tariffs on American goods.",
                         countries=[BRAZIL, ("American", "USA", "demonym")])
    assert found == [("tariff_threatened", "BRA", ["USA"], None, "threatened")]
    found = event_fields("Trump promised reciprocal tariffs on Friday.", officials=[TRUMP],
                         published="2025-02-11")
    assert [e[:2] for e in found] == [("tariff_threatened", "USA")]


def test_a_vowed_retaliation_keeps_the_measure_it_answers(event_fields):
    text = "Ottawa vowed to retaliate against Washington's 25% tariffs on lumber."
    found = event_fields(text, countries=[("Ottawa", "CAN", "name"), ("Washington", "USA", "name")],
                         rates=[("25%", 25.0, "tariff")])
    # the retaliation falls on the owner of the measure it answers (docs/events.md, section 28)
    assert ("tariff_threatened", "CAN", ["USA"], None, "threatened") in found
    assert any(e[:2] == ("tariff_imposed", "USA") and e[3] == 25.0 for e in found)


def test_a_promise_to_act_on_a_measure_is_that_act_planned(event_fields):
    # control: the verb after the promise is the event, not a threat
    found = event_fields("Brazil promised to lift its duties on Chilean wine.",
                         countries=[BRAZIL, ("Chilean", "CHL", "demonym")])
    assert found == [("tariff_removed", "BRA", ["CHL"], None, "planned")]


def test_tariffs_that_have_gone_into_effect_are_imposed_by_their_owner(event_fields):
    found = event_fields("Brazil's tariffs on Chile have gone into effect.", countries=[BRAZIL, CHILE])
    assert found == [("tariff_imposed", "BRA", ["CHL"], None, "asserted")]


def test_looking_at_imposing_a_temporary_tax_is_possible(event_fields):
    text = "The Chilean government is now looking at imposing a temporary tax of 20% on Brazilian steel."
    found = event_fields(text, countries=[("Chilean", "CHL", "demonym"), ("Brazilian", "BRA", "demonym")],
                         rates=[("20%", 20.0, "tax")])
    assert found == [("tariff_imposed", "CHL", ["BRA"], 20.0, "possible")]


def test_a_measure_joined_after_another_has_its_own_rate_and_targets(event_fields):
    text = "Trump imposed 20% tariffs on Chile and Peru and a further 15% tariff on Brazilian imports."
    found = event_fields(text, officials=[TRUMP],
                         countries=[("Brazilian", "BRA", "demonym"), CHILE, PERU],
                         rates=[("15%", 15.0, "tariff"), ("20%", 20.0, "tariff")])
    assert sorted(found) == [("tariff_imposed", "USA", ["BRA"], 15.0, "asserted"),
                             ("tariff_imposed", "USA", ["CHL", "PER"], 20.0, "asserted")]
    text = "Stocks rose after Trump announced 15% tariffs on Brazil, along with 20% levies on Chile."
    found = event_fields(text, officials=[TRUMP], countries=[BRAZIL, CHILE],
                         rates=[("15%", 15.0, "tariff"), ("20%", 20.0, "levy")])
    assert {(e[2][0], e[3]) for e in found} == {("BRA", 15.0), ("CHL", 20.0)}


def test_targets_stop_at_a_joined_clause_with_its_own_subject(event_fields):
    text = ("The U.S. administration has now placed 25% tariffs on copper imports and Chile's copper industry is "
            "already struggling.")
    found = event_fields(text, countries=[("U.S.", "USA", "name"), CHILE],
                         rates=[("25%", 25.0, "tariff")])
    assert [e[:2] for e in found] == [("tariff_imposed", "USA")] and "CHL" not in found[0][2]
    text = ("The U.S. administration has now placed 25% tariffs on copper imports and South Korea's copper industry "
            "is already struggling.")
    found = event_fields(text, countries=[("U.S.", "USA", "name"), ("South Korea", "KOR", "name")],
                         rates=[("25%", 25.0, "tariff")])
    assert [e[:3] for e in found] == [("tariff_imposed", "USA", [])]
    # control: a target list joined by "and" is still read whole
    text = "The U.S. administration has now placed 25% tariffs on Chile and Peru."
    found = event_fields(text, countries=[("U.S.", "USA", "name"), CHILE, PERU],
                         rates=[("25%", 25.0, "tariff")])
    assert found[0][2] == ["CHL", "PER"]


def test_a_relative_clause_tells_of_the_measure_it_follows(event_fields):
    text = ("Stocks fell after Trump announced 15% tariffs on Brazil, along with 20% levies on Chile and Peru, "
            "which he later paused.")
    found = event_fields(text, officials=[TRUMP], countries=[BRAZIL, CHILE, PERU],
                         rates=[("15%", 15.0, "tariff"), ("20%", 20.0, "levy")])
    assert [e[:3] for e in found if e[0] == "tariff_suspended"] == [("tariff_suspended", "USA", ["CHL", "PER"])]
    # control: a clause that tells of the only measure keeps its targets
    found = event_fields("Trump announced 20% levies on Chile, which he later paused.",
                         officials=[TRUMP], countries=[CHILE], rates=[("20%", 20.0, "levy")])
    assert [e[:3] for e in found if e[0] == "tariff_suspended"] == [("tariff_suspended", "USA", ["CHL"])]


def test_an_answer_to_a_measure_taking_effect_is_no_imposition_of_that_measure(event_fields):
    text = "Brasilia's countermeasures against Trump's extra 10% levies on Brazilian imports went into effect."
    found = event_fields(text, officials=[TRUMP],
                         countries=[("Brasilia", "BRA", "name"), ("Brazilian", "BRA", "demonym")],
                         rates=[("10%", 10.0, "levy")])
    assert not any(e[0] == "tariff_imposed" and e[1] == "USA" for e in found)
    # controls: a subject naming a measure by its rate, and a measure noun owned by a government
    text = "The U.S. administration's 10% top-up of current duties on all Brazilian imports went into effect."
    found = event_fields(text, countries=[("U.S.", "USA", "name"), ("Brazilian", "BRA", "demonym")],
                         rates=[("10%", 10.0, "tariff")])
    assert [e[:4] for e in found] == [("tariff_imposed", "USA", ["BRA"], 10.0)]
    found = event_fields("Chile's duties on Brazilian steel went into effect.",
                         countries=[CHILE, ("Brazilian", "BRA", "demonym")])
    assert [e[:3] for e in found] == [("tariff_imposed", "CHL", ["BRA"])]
