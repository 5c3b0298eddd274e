"""A second measure joined by "in addition to", what "in response to" names, whose call a quotation is, and
plural pronoun actors (docs/events.md section 20).

The sentences are written for these tests in the style of 2025 wire copy (none is taken from an article).
"""

from __future__ import annotations

import pytest

FIELDS = ("event_type", "actor_iso3", "target_iso3", "target_scope", "rate_value")


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
@pytest.mark.parametrize("joint", ["in addition to", "on top of", "besides"])
def test_a_measure_added_to_another_is_its_own_with_its_own_rate_and_target(event_fields, parsed, joint):
    text = f"Ottawa announced 20% duties on all lumber imports, {joint} the 5% levy on Mexican goods."
    found = event_fields(text, parsed=parsed,
                         countries=[("Ottawa", "CAN", "government"), ("Mexican", "MEX", "demonym")],
                         rates=[("20%", 20.0, "duty"), ("5%", 5.0, "levy")])
    assert ("tariff_imposed", "CAN", [], "all", 20.0) in found
    assert ("tariff_imposed", "CAN", ["MEX"], "bilateral", 5.0) in found


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
def test_an_export_control_in_response_to_a_measure_is_on_no_one_named(event_fields, parsed):
    text = "Ottawa placed export restrictions on three minerals on Friday in response to new tariffs from Brazil."
    found = event_fields(text, parsed=parsed, countries=[("Ottawa", "CAN", "government"), ("Brazil", "BRA", "name")])
    controls = [row for row in found if row[1] == "CAN"]
    assert controls and all(row[2] == [] and row[3] == "all" for row in controls), found


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
def test_retaliatory_tariffs_in_response_to_a_measure_stay_on_its_government(event_fields, parsed):
    text = "Ottawa imposed tariffs on Friday in response to new tariffs from Brazil."
    found = event_fields(text, parsed=parsed, countries=[("Ottawa", "CAN", "government"), ("Brazil", "BRA", "name")])
    assert ("tariff_imposed", "CAN", ["BRA"], "bilateral", None) in found


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
def test_an_export_control_a_destination_names_keeps_it(event_fields, parsed):
    text = "Ottawa banned exports of potash to Brazil on Friday in response to duties on its lumber."
    found = event_fields(text, parsed=parsed, countries=[("Ottawa", "CAN", "government"), ("Brazil", "BRA", "name")])
    assert ("trade_restriction", "CAN", ["BRA"], "bilateral", None) in found


@pytest.mark.parametrize("call", ["One exporter said the government must lower import tariffs.",
                                  '"We need lower import tariffs and fewer barriers," one exporter said.',
                                  "A chipmaker urged Seoul to cut import tariffs and remove trade barriers."])
def test_a_business_speakers_call_takes_no_government_actor_from_before(event_fields, call):
    # read with the parse: the speaker is the subject of the reporting verb above the measure
    text = f"Washington threatened 30% tariffs on Korean cars on Monday. {call}"
    countries = [("Washington", "USA", "government"), ("Korean", "KOR", "demonym")]
    countries += [("Seoul", "KOR", "government")] if "Seoul" in call else []
    found = event_fields(text, countries=countries, rates=[("30%", 30.0, "tariff")])
    assert not any(row[1] == "USA" and row[0] != "tariff_threatened" for row in found), found


def test_a_government_after_a_business_speaker_still_inherits_in_its_own_sentence(event_fields):
    text = ("Washington threatened 30% tariffs on Korean cars on Monday. One exporter said sales would fall. "
            "The tariffs would also be raised on trucks.")
    found = event_fields(text, countries=[("Washington", "USA", "government"), ("Korean", "KOR", "demonym")],
                         rates=[("30%", 30.0, "tariff")])
    assert any(row[1] == "USA" and row[0] != "tariff_threatened" for row in found), found


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
@pytest.mark.parametrize("clause", ["Those countries threatened counter-tariffs.",
                                    "They threatened to impose tariffs on American goods."])
def test_a_plural_pronoun_acts_for_each_country_named_before(event_fields, parsed, clause):
    text = f"Washington raised tariffs on Chile, Peru and Colombia to 15% on Monday. {clause}"
    countries = [("Washington", "USA", "government"), ("Chile", "CHL", "name"), ("Peru", "PER", "name"),
                 ("Colombia", "COL", "name"), *([("American", "USA", "demonym")] if "American" in clause else [])]
    found = event_fields(text, parsed=parsed, countries=countries, rates=[("15%", 15.0, "tariff")])
    answers = {row[1] for row in found if row[1] != "USA"}
    assert answers == {"CHL", "PER", "COL"}, found
    assert all(row[2] == ["USA"] for row in found if row[1] != "USA"), found


def test_a_plural_pronoun_after_a_long_list_takes_no_country_of_it(event_fields):
    names = ["Chile", "Peru", "Colombia", "Ecuador", "Bolivia"]
    text = f"Washington raised tariffs on {', '.join(names[:-1])} and {names[-1]} on Monday. They threatened counter-tariffs."
    countries = [("Washington", "USA", "government")] + [
        (name, iso3, "name") for name, iso3 in zip(names, ["CHL", "PER", "COL", "ECU", "BOL"])]
    found = event_fields(text, countries=countries)
    assert not any(row[1] in {"CHL", "PER", "COL", "ECU", "BOL"} for row in found), found
