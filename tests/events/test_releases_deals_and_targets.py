"""Company releases and deals, sanctions told with "target" as a verb, destinations and countries only hurt.

Sentences are written for these tests in the style of 2025 wire, market and company copy (none is taken
from an article) and parsed by the project's committed parser, as extract would; the expected rows are
the right reading.
"""

from __future__ import annotations

import pytest

FIELDS = ("event_type", "actor_iso3", "target_iso3", "target_scope")

USA = ("Washington", "USA", "government")


def test_cautionary_statement_of_a_release_is_no_event(event_fields):
    """The risk list of an earnings release names tariffs as risks to the business: no government acts."""
    text = ("Our results may differ materially from what our forward-looking statements say, owing to "
            "factors such as new export restrictions imposed by Washington and higher tariffs.")
    assert event_fields(text, countries=[USA]) == []


def test_restriction_outside_a_cautionary_statement_stays(event_fields):
    """The same measure told as news is an event: the rule reads the release's words, not the measure's."""
    text = "Washington imposed new export restrictions on chips bound for China on Tuesday."
    found = event_fields(text, countries=[USA, ("China", "CHN", "name")])
    assert [row[:2] for row in found] == [("trade_restriction", "USA")]


@pytest.mark.parametrize("text, countries, expected", [
    pytest.param("Oil prices climbed after new U.S. sanctions targeted Iranian crude exports.",
                 [("U.S.", "USA", "name"), ("Iranian", "IRN", "demonym")], ("sanction", "USA", ["IRN"], "bilateral"),
                 id="sanctions-targeted"),
    pytest.param("Washington said fresh sanctions target Venezuelan oil tankers.",
                 [USA, ("Venezuelan", "VEN", "demonym")], ("sanction", "USA", ["VEN"], "bilateral"),
                 id="sanctions-target"),
])
def test_sanctions_with_target_as_their_verb(event_fields, text, countries, expected):
    assert event_fields(text, countries=countries) == [expected]


@pytest.mark.parametrize("text, countries", [
    pytest.param("Vietnamese carrier SkyLark has also agreed to buy 150 jets from U.S. planemaker Boeing in a deal "
                 "worth billions.", [("Vietnamese", "VNM", "demonym"), ("U.S.", "USA", "name")], id="company-buys-jets"),
    pytest.param("Japanese trading firm Marunaka signed a supply agreement with U.S. gas producer Frontier LNG.",
                 [("Japanese", "JPN", "demonym"), ("U.S.", "USA", "name")], id="firms-sign-deal"),
])
def test_company_deal_is_no_government_agreement(event_fields, text, countries):
    assert event_fields(text, countries=countries) == []


def test_government_deal_keeps_its_sides(event_fields):
    """A deal between governments keeps both sides: only a country naming a company is left out."""
    text = "Vietnam signed a trade agreement with the United States on Friday."
    found = event_fields(text, countries=[("Vietnam", "VNM", "name"), ("United States", "USA", "name")])
    assert [row[:3] for row in found] == [("agreement", "VNM", ["USA"])]


@pytest.mark.parametrize("text, countries, expected", [
    pytest.param("Washington's new sanctions target tankers that ship Iranian crude to China.",
                 [USA, ("Iranian", "IRN", "demonym"), ("China", "CHN", "name")],
                 [("sanction", "USA", ["IRN"], "bilateral")], id="shipping-to"),
    pytest.param("Washington imposed sanctions on firms selling Russian crude to India.",
                 [USA, ("Russian", "RUS", "demonym"), ("India", "IND", "name")],
                 [("sanction", "USA", ["RUS"], "bilateral")], id="selling-to"),
])
def test_destination_of_sanctioned_goods_is_no_target(event_fields, text, countries, expected):
    """The buyer the sanctioned goods go to is no target: the sanctions are on the goods' origin."""
    assert event_fields(text, countries=countries) == expected


@pytest.mark.parametrize("text, countries", [
    pytest.param("Washington will impose a 25% tariff on all copper imports, a step that may shrink "
                 "Chile's modest shipments of the metal further.", [USA, ("Chile", "CHL", "name")], id="shrink-shipments"),
    pytest.param("Washington may impose tariffs on ships and steel — South Korea's main exports.",
                 [USA, ("South Korea", "KOR", "name")], id="dash-exports"),
])
def test_country_only_hurt_by_a_measure_is_no_target(event_fields, text, countries):
    found = event_fields(text, countries=countries, rates=[("25%", 25.0, "tariff")]
                         if "25%" in text else [])
    assert found and all("KOR" not in row[2] and "CHL" not in row[2] for row in found)


def test_measure_on_a_country_s_exports_keeps_it_as_target(event_fields):
    text = "Washington imposed duties on Chile's copper exports on Monday."
    found = event_fields(text, countries=[USA, ("Chile", "CHL", "name")])
    assert [row[2] for row in found] == [["CHL"]]


def test_destinations_listed_after_to_are_no_targets(event_fields):
    text = "Washington tightened sanctions on tankers carrying Russian crude to China and India."
    found = event_fields(text, countries=[USA, ("Russian", "RUS", "demonym"), ("China", "CHN", "name"),
                                                       ("India", "IND", "name")])
    assert found == [("sanction", "USA", ["RUS"], "bilateral")]
