"""Non-tariff sanctions named by their object, and tariffs stated on every country.

Sentences are written for these tests in the style of 2025 wire and market
copy (none is taken from an article) and parsed by the project's committed
parser, as extract would; the expected rows are the right reading.
"""

from __future__ import annotations

import pytest

FIELDS = ("event_type", "actor_iso3", "target_iso3", "target_scope")

USA = ("Washington", "USA", "government")


@pytest.mark.parametrize("text, countries, expected", [
    pytest.param("Washington announced sanctions on Iranian crude shippers late on Thursday.",
                 [USA, ("Iranian", "IRN", "demonym")], ("sanction", "USA", ["IRN"], "bilateral"),
                 id="sanctions-on"),
    pytest.param("Washington widened its sanctions against Russian oil producers.",
                 [USA, ("Russian", "RUS", "demonym")], ("sanction", "USA", ["RUS"], "bilateral"),
                 id="sanctions-against"),
    pytest.param("Washington tightened sanctions on shipments of Venezuelan crude.",
                 [USA, ("Venezuelan", "VEN", "demonym")], ("sanction", "USA", ["VEN"], "bilateral"),
                 id="tightened-sanctions"),
    pytest.param("Washington's sanctions targeting Iranian tankers have cut exports.",
                 [USA, ("Iranian", "IRN", "demonym")], ("sanction", "USA", ["IRN"], "bilateral"),
                 id="owner-of-sanctions-targeting"),
])
def test_sanctions_named_by_their_object_are_sanctions(event_fields, text, countries, expected):
    assert event_fields(text, countries=countries) == [expected]


def test_sanctions_in_a_story_of_tariffs_stay_the_tariffs(event_fields):
    """1987 wire copy calls retaliatory tariffs "sanctions": a sentence about tariffs keeps the tariff type,
    and the mention joins the tariff measure of the same actor and target."""
    text = ("Washington imposed 100 pct tariffs on Japanese television sets. "
            "Officials said the sanctions against Japan would stay until the chip pact is honoured.")
    found = event_fields(text, countries=[USA, ("Japanese", "JPN", "demonym"),
                                                       ("Japan", "JPN", "name")],
                         rates=[("100 pct", 100.0, "tariff")])
    assert found
    assert all(row[0] != "sanction" for row in found)


def test_sanctions_without_a_measure_word_are_not_triggers(event_fields):
    """"sanctions" alone, as a circumstance of a price move, names no measure."""
    text = "Crude prices rose as sanctions weighed on Iranian supply."
    assert event_fields(text, countries=[("Iranian", "IRN", "demonym")]) == []


@pytest.mark.parametrize("text", [
    pytest.param("Traders bet a ceasefire would bring an end of sanctions on Russian crude.", id="end-of-sanctions"),
    pytest.param("Washington may soon be lifting the sanctions against Russian banks.", id="lifting-the-sanctions"),
])
def test_lifted_sanctions_are_no_imposition(event_fields, text):
    found = event_fields(text, countries=[c for c in (USA, ("Russian", "RUS", "demonym")) if c[0] in text])
    assert all(row[0] not in ("sanction", "tariff_imposed") for row in found)


@pytest.mark.parametrize("text", [
    pytest.param("Washington plans to impose a universal tariff next month.", id="universal-tariff"),
    pytest.param("Washington imposed blanket duties this week.", id="blanket-duties"),
    pytest.param("Washington will impose tariffs on many countries next month.", id="many-countries"),
])
def test_tariffs_on_every_country_are_scoped_all(event_fields, text):
    found = event_fields(text, countries=[USA])
    assert [(row[1], row[3]) for row in found] == [("USA", "all")]


def test_sanctions_take_no_actor_from_a_tariff_measure(event_fields):
    """A sanctions mention naming no government does not borrow the actor of the tariff told before it, and
    lends none to the measure after it."""
    text = ("Washington imposed 25% tariffs on Canadian steel. "
            "Tighter sanctions on Russian gas remain the main risk for traders. "
            "Freight rates increased on tariffs.")
    found = event_fields(text, countries=[USA, ("Canadian", "CAN", "demonym"),
                                                       ("Russian", "RUS", "demonym")],
                         rates=[("25%", 25.0, "tariff")])
    assert ("tariff_imposed", "USA", ["CAN"], "bilateral") in found
    assert all(row[0] != "sanction" for row in found)


@pytest.mark.parametrize("text", [
    pytest.param("Washington could soon lift trade sanctions against Japanese chipmakers.", id="lift-trade-sanctions"),
    pytest.param("Washington vetoed economic sanctions against Japanese banks.", id="vetoed-sanctions"),
])
def test_lifted_or_vetoed_sanctions_with_words_between_are_no_imposition(event_fields, text):
    found = event_fields(text, countries=[USA, ("Japanese", "JPN", "demonym")])
    assert all(row[0] not in ("sanction", "tariff_imposed") for row in found)
