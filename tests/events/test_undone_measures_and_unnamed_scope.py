"""Measures told only as what a pause stops, tariffs said of no country, sanctions on several countries.

Sentences are written for these tests (none is taken from an article) and parsed by the project's committed
parser, as extract would; the expected rows are the right reading (docs/events.md, section 23).
"""

from __future__ import annotations

import pytest

FIELDS = ("event_type", "actor_iso3", "target_iso3", "target_scope")

USA = ("Washington", "USA", "name")
CHILE = ("Chile", "CHL", "name")
PERU = ("Peru", "PER", "name")


@pytest.mark.parametrize("text, countries, rates, target", [
    pytest.param("Washington paused its plan to impose a 15% levy on Peruvian copper for 60 days.",
                 [USA, ("Peruvian", "PER", "demonym")], [("15%", 15.0, "tariff")], "PER", id="paused-plan-to-impose"),
    pytest.param("Washington's recent move to impose 30% tariffs on Chile was delayed.",
                 [USA, CHILE], [("30%", 30.0, "tariff")], "CHL", id="move-to-impose-was-delayed"),
])
def test_a_measure_a_pause_stops_is_only_the_pause(event_fields, text, countries, rates, target):
    assert event_fields(text, countries=countries, rates=rates) == [
        ("tariff_suspended", "USA", [target], "bilateral")]


def test_an_imposition_beside_a_pause_stays(event_fields):
    """A pause told before, in a clause of its own, stops no measure of the main clause."""
    text = "After pausing the levy last month, Washington imposed 10% tariffs on Peru on Friday."
    found = event_fields(text, countries=[USA, PERU], rates=[("10%", 10.0, "tariff")])
    assert ("tariff_imposed", "USA", ["PER"], "bilateral") in found


def test_a_planned_imposition_joined_to_a_pause_stays(event_fields):
    """"delayed the talks but plans to impose": the infinitive hangs on "plans", no pause."""
    text = "Washington delayed the talks but plans to impose tariffs on Peru."
    found = event_fields(text, countries=[USA, PERU])
    assert ("tariff_imposed", "USA", ["PER"], "bilateral") in found


@pytest.mark.parametrize("text", [
    pytest.param("Shares of carmakers rallied after Washington announced new tariffs.", id="announced-new-tariffs"),
    pytest.param("Washington said it will impose tariffs next week.", id="will-impose-tariffs"),
])
def test_a_tariff_said_of_no_country_is_on_all(event_fields, text):
    found = event_fields(text, countries=[USA])
    assert found and all(row[1:] == ("USA", [], "all") for row in found)


def test_a_tariff_near_another_government_stays_unspecified(event_fields):
    """Another government named just before may be the one the measure is on: no scope is guessed."""
    text = "Tokyo sent envoys to talks this week. Washington said it will impose the tariffs next week."
    found = event_fields(text, countries=[USA, ("Tokyo", "JPN", "name")])
    assert found == [("tariff_imposed", "USA", [], "unspecified")]


def test_a_tariff_named_later_in_the_article_keeps_its_country(event_fields):
    """The unnamed mention joins the mention of the same measure that names its target."""
    text = ("Washington said it will impose tariffs next week. "
            "The tariffs will be imposed on Chile, officials said.")
    found = event_fields(text, countries=[USA, CHILE])
    assert found and all(row[2] == ["CHL"] for row in found)


def test_a_sanction_without_a_country_stays_unspecified(event_fields):
    """Scope all is a tariff's: sanctions said of no country keep no scope."""
    text = "Washington announced fresh sanctions on shipping networks on Thursday."
    found = event_fields(text, countries=[USA])
    # the sanction must be read for the test to say anything of its scope
    assert [row[0] for row in found] == ["sanction"] and all(row[3] != "all" for row in found)


def test_sanctions_on_two_countries_are_two_events(event_fields):
    text = "Washington imposed new sanctions on oil exports from Iran and Venezuela."
    found = event_fields(text, countries=[USA, ("Iran", "IRN", "name"), ("Venezuela", "VEN", "name")])
    assert sorted(found) == [("sanction", "USA", ["IRN"], "bilateral"), ("sanction", "USA", ["VEN"], "bilateral")]
