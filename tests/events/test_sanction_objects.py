"""The targets of sanctions: the countries their own object names, not buyers, victims or countries carried over.

Sentences are written for these tests in the style of 2025 wire copy and briefings (none is taken from an
article) and parsed by the project's committed parser, as extract would; the expected rows are the right reading.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from pipeline.events import article_events

FIELDS = ("event_type", "actor_iso3", "target_iso3", "target_scope")


def _sanctions(build, resources, text: str, countries: list[tuple]) -> list[tuple]:
    rows = article_events(build(text, parsed=True, countries=countries), resources)
    return [tuple(row[k] for k in FIELDS) for row in rows if row["event_type"] == "sanction"]


@pytest.mark.parametrize("text, countries", [
    pytest.param("Washington announced new sanctions targeting Russia's crude exports, as buyers in China and India "
                 "shunned the tankers.",
                 [("Washington", "USA", "government"), ("Russia", "RUS", "name"), ("China", "CHN", "name"),
                  ("India", "IND", "name")], id="buyers-past-the-object"),
    pytest.param("The U.S. imposed new sanctions on Russia's oil, and refiners in China cut their purchases.",
                 [("U.S.", "USA", "abbreviation"), ("Russia", "RUS", "name"), ("China", "CHN", "name")],
                 id="possessive-object"),
])
def test_the_object_names_the_target(build, resources, text, countries):
    assert _sanctions(build, resources, text, countries) == [("sanction", "USA", ["RUS"], "bilateral")]


def test_the_object_rule_is_what_drops_the_buyers(build, resources):
    text = ("Washington announced new sanctions targeting Russia's crude exports, as buyers in China and India "
            "shunned the tankers.")
    countries = [("Washington", "USA", "government"), ("Russia", "RUS", "name"), ("China", "CHN", "name"),
                 ("India", "IND", "name")]
    without = replace(resources, sanction_object=None)
    assert any(row[2] == ["CHN"] for row in _sanctions(build, without, text, countries))


def test_a_country_past_an_object_naming_none_is_no_target(build, resources):
    text = "Washington imposed sanctions on an international court, and renewed the Mexico City Policy."
    countries = [("Washington", "USA", "government"), ("Mexico", "MEX", "name")]
    assert not any(row[2] == ["MEX"] for row in _sanctions(build, resources, text, countries))
    without = replace(resources, sanction_object=None)
    assert any(row[2] == ["MEX"] for row in _sanctions(build, without, text, countries))


def test_the_origin_of_goods_stays_a_target(build, resources):
    """An object naming who is sanctioned, not where, keeps the country whose goods the sentence names."""
    text = "Washington imposed sanctions on tankers and insurers that carried Russian oil shipments."
    countries = [("Washington", "USA", "government"), ("Russian", "RUS", "demonym")]
    assert ("sanction", "USA", ["RUS"], "bilateral") in _sanctions(build, resources, text, countries)


def test_a_war_victim_is_no_target(build, resources):
    text = "The U.S. imposed sanctions against Moscow and the bloc's military aid for Ukraine."
    countries = [("U.S.", "USA", "abbreviation"), ("Moscow", "RUS", "capital"), ("Ukraine", "UKR", "name")]
    found = _sanctions(build, resources, text, countries)
    assert ("sanction", "USA", ["RUS"], "bilateral") in found
    assert not any(row[2] == ["UKR"] for row in found)
    without = replace(resources, war_words=frozenset())
    assert any(row[2] == ["UKR"] for row in _sanctions(build, without, text, countries))
