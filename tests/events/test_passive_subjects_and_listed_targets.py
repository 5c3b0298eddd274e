"""Targets of a measure named as the subject of its verb (issue 18, roles round 2).

Sentences are written for these tests in the style of 2025 wire copy (none is taken from an article) and
parsed by the project's committed parser, as extract would; the expected rows are the right reading.
"""

from __future__ import annotations

FIELDS = ("event_type", "actor_iso3", "target_iso3", "target_scope")

TRUMP = ("Trump", "USA", "donald-trump")


def test_passive_subject_names_the_targets_not_a_later_clause(event_fields):
    """"the duties on Chile and Peru were postponed, …": the parser labels the measure a plain subject of the
    passive participle; its "on" phrase names the targets, not a country of the clause the sentence goes on to."""
    text = ("President Trump imposed duties on copper. While the 20% duties on Chile and Peru were briefly "
            "postponed, the question of trade surpluses with partners like Brazil remains open.")
    found = event_fields(text, countries=[("Chile", "CHL", "name"), ("Peru", "PER", "name"),
                                          ("Brazil", "BRA", "name")], officials=[TRUMP])
    suspended = [row for row in found if row[0] == "tariff_suspended"]
    assert suspended and all("BRA" not in row[2] for row in suspended)
    assert ("tariff_suspended", "USA", ["CHL", "PER"], "multilateral") in suspended


def test_conjunct_of_the_subjects_phrase_is_one_more_target(event_fields):
    """"promised that duties on Peru and Chile would stay": the verb after "Chile" has its subject ("duties")
    before the conjunction, so "Chile would stay" is no clause of its own and Chile stays a target."""
    text = ("Last month, President Trump promised that duties on Peru and Chile would stay in place until the "
            "shipments stop.")
    found = event_fields(text, countries=[("Peru", "PER", "name"), ("Chile", "CHL", "name")], officials=[TRUMP])
    assert any(row[2] == ["CHL", "PER"] for row in found)
    assert not any(row[2] == ["PER"] for row in found)


def test_joined_clause_with_its_own_subject_still_stops_the_targets(event_fields):
    """The rule above keeps the stop at a clause whose subject follows the conjunction."""
    text = "Washington placed 25% tariffs on steel from Peru and Chile's copper industry is struggling."
    found = event_fields(text, countries=[("Washington", "USA", "capital"), ("Peru", "PER", "name"),
                                          ("Chile", "CHL", "name")])
    assert ("tariff_imposed", "USA", ["PER"], "bilateral") in found
