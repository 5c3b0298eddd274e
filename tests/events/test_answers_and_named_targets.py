"""Measures answered by a retaliation and governments named as a measure's target.

Sentences are written for these tests in the style of 2025 wire and market copy (none is taken from an
article) and parsed by the project's committed parser, as extract would; the expected rows are the right reading.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from pipeline.events import article_events

FIELDS = ("event_type", "actor_iso3", "target_iso3", "target_scope")


def test_measure_answered_keeps_its_own_actor(event_fields):
    """The government right after "after" opens the clause of the measure answered and acts in it."""
    text = "Beijing vowed retaliation after Washington imposed new tariffs on Chinese steel."
    countries = [("Beijing", "CHN", "capital"), ("Washington", "USA", "government"), ("Chinese", "CHN", "demonym")]
    found = event_fields(text, countries=countries)
    assert ("tariff_imposed", "USA", ["CHN"], "bilateral") in found
    assert not any(row[0] == "tariff_imposed" and row[1] == "CHN" for row in found)


def test_connective_needs_the_government_right_before_the_verb(event_fields):
    """"as" with words between the government and the verb opens no subject reading by word order."""
    text = "Prices fell as Ottawa's trade minister said Canada imposed duties on American steel."
    countries = [("Ottawa", "CAN", "capital"), ("Canada", "CAN", "name"), ("American", "USA", "demonym")]
    found = event_fields(text, countries=countries)
    assert ("tariff_imposed", "CAN", ["USA"], "bilateral") in found


@pytest.mark.parametrize("text, countries", [
    pytest.param("Beijing vowed retaliation against the U.S. tariffs on Chinese steel.",
                 [("Beijing", "CHN", "capital"), ("U.S.", "USA", "name"), ("Chinese", "CHN", "demonym")],
                 id="retaliation-against-owned-tariffs"),
    pytest.param("Ottawa vowed to retaliate against the U.S. tariffs.",
                 [("Ottawa", "CAN", "capital"), ("U.S.", "USA", "name")], id="retaliate-against-owned-tariffs"),
])
def test_retaliation_falls_on_the_owner_of_the_measure_answered(event_fields, text, countries):
    found = event_fields(text, countries=countries)
    threats = [row for row in found if row[0] == "tariff_threatened"]
    assert threats and all(row[2] == ["USA"] and row[3] == "bilateral" for row in threats)


def test_owner_after_a_plain_threat_is_no_target(event_fields):
    """Without a word of retaliation in the trigger the owner after it is left to the other rules."""
    text = "Ottawa threatened to impose duties on steel, citing the U.S. tariffs."
    found = event_fields(text, countries=[("Ottawa", "CAN", "capital"), ("U.S.", "USA", "name")])
    assert not any(row[1] == "CAN" and row[2] == ["USA"] for row in found)


def test_government_named_a_target_never_acts(event_fields, build, resources):
    text = "Korea could be a prime target of the new duties, economists at Hanmi Bank wrote."
    countries = [("Korea", "KOR", "name")]
    assert not any(row[1] == "KOR" for row in event_fields(text, countries=countries))
    # the rule is what removes it: without its words the named target is read as the actor
    without = replace(resources, target_predicate=None)
    rows = article_events(build(text, parsed=True, countries=countries), without)
    assert any(row["actor_iso3"] == "KOR" for row in rows)


def test_a_step_only_hoped_for_is_no_event(event_fields):
    """Market copy's hope of a delay tells what traders expect, not a step a government took (nor one of the
    market's place)."""
    text = "Markets in Seoul firmed as traders kept hopes of a delay to the planned U.S. duties on Korean cars."
    countries = [("Seoul", "KOR", "capital"), ("U.S.", "USA", "name"), ("Korean", "KOR", "demonym")]
    assert not any(row[0] == "tariff_suspended" for row in event_fields(text, countries=countries))


def test_a_pause_told_as_news_stays(event_fields):
    text = "Washington announced a pause in the new duties on Korean chips on Tuesday."
    found = event_fields(text, countries=[("Washington", "USA", "government"), ("Korean", "KOR", "demonym")])
    assert any(row[0] == "tariff_suspended" and row[1] == "USA" for row in found)
