"""Recall of phrasings missed before (issue 18, section 18 of docs/events.md).

Every sentence is written for these tests (none is taken from an article) and parsed by the project's
committed parser, as extract would.
"""

from __future__ import annotations

from pipeline.events import article_events

FIELDS = ("event_type", "actor_iso3", "target_iso3", "modality")


def test_trade_deals_in_the_plural_are_agreements(event_fields):
    text = "Norway signed trade deals with Chile in March, the ministry said."
    found = event_fields(text, countries=[("Norway", "NOR", "name"), ("Chile", "CHL", "name")],
                         dates=[("March", "DATE", "2025-03")])
    assert ("agreement", "NOR", ["CHL"], "asserted") in found


def test_a_threat_noun_against_a_party_is_a_threat_of_its_owner(event_fields):
    text = "Ottawa's threats against Japan strained trade ties with the United States."
    found = event_fields(text, countries=[("Ottawa", "CAN", "capital"), ("Japan", "JPN", "name"),
                                                       ("United States", "USA", "name")])
    assert ("tariff_threatened", "CAN", ["JPN"], "threatened") in found


def test_a_threat_against_a_party_outside_trade_is_no_event(event_fields):
    text = "Ottawa's threats against Japan worried the navy."
    found = event_fields(text, countries=[("Ottawa", "CAN", "capital"), ("Japan", "JPN", "name")])
    assert not any(e[0] == "tariff_threatened" for e in found)


def test_tariffs_signalled_are_a_threat_of_the_subject(event_fields):
    text = "Beijing signalled tariffs on American farm goods."
    found = event_fields(text, countries=[("Beijing", "CHN", "capital"),
                                                       ("American", "USA", "demonym")])
    assert ("tariff_threatened", "CHN", ["USA"], "threatened") in found


def test_a_signal_without_a_tariff_word_is_no_event(event_fields):
    text = "Rising inventories in Canada signalled weaker demand for crude."
    found = event_fields(text, countries=[("Canada", "CAN", "name")])
    assert found == []


def test_partners_each_dated_give_one_agreement_each(build, resources):
    text = "Norway signed trade deals with Chile in March and Peru last month, the ministry said."
    rows = article_events(build(text, parsed=True, countries=[("Norway", "NOR", "name"), ("Chile", "CHL", "name"),
                                                              ("Peru", "PER", "name")],
                                dates=[("March", "DATE", "2025-03"), ("last month", "DATE", "2025-04")]), resources)
    found = sorted((r["actor_iso3"], r["target_iso3"], r["event_date"]) for r in rows if r["event_type"] == "agreement")
    assert found == [("NOR", ["CHL"], "2025-03"), ("NOR", ["PER"], "2025-04")]


def test_partners_under_one_date_stay_one_agreement(build, resources):
    text = "Norway signed trade deals with Chile and Peru in March, the ministry said."
    rows = article_events(build(text, parsed=True, countries=[("Norway", "NOR", "name"), ("Chile", "CHL", "name"),
                                                              ("Peru", "PER", "name")],
                                dates=[("March", "DATE", "2025-03")]), resources)
    found = [(r["target_iso3"], r["event_date"]) for r in rows if r["event_type"] == "agreement"]
    assert found == [(["CHL", "PER"], "2025-03")]


def test_a_measure_hinted_at_is_a_threat(event_fields):
    text = "Washington hinted at new duties on imported cars."
    found = event_fields(text, countries=[("Washington", "USA", "capital")])
    assert [e[:2] + e[3:] for e in found] == [("tariff_threatened", "USA", "threatened")]


def test_a_study_ordered_is_an_asserted_investigation(event_fields):
    text = "Washington on Monday directed federal agencies to examine how to impose tariffs on Chilean copper."
    found = event_fields(text, countries=[("Washington", "USA", "capital"),
                                                       ("Chilean", "CHL", "demonym")])
    assert [(e[0], e[3]) for e in found] == [("investigation", "asserted")]
