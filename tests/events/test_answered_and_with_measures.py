"""Recall rules of issue 18: a vow answering a measure named after it, a measure given a party "with" it,
a trial balloon named as such and a suggested measure.

Every sentence is written for these tests (none is taken from an article) and parsed by the project's
committed parser, as extract would.
"""

from __future__ import annotations


FIELDS = ("event_type", "actor_iso3", "target_iso3", "rate_value", "modality")
TRUMP = ("Trump", "USA", "donald-trump")
PERU, CHILE = ("Peru", "PER", "name"), ("Chile", "CHL", "name")


def test_a_vow_in_response_to_an_owned_measure_is_a_threat_on_its_owner(event_fields):
    text = "The Chilean trade minister vowed countermeasures in response to Peru's 30% tariffs on copper."
    found = event_fields(text, countries=[("Chilean", "CHL", "demonym"), PERU],
                         rates=[("30%", 30.0, "tariff")])
    assert ("tariff_threatened", "CHL", ["PER"], None, "threatened") in found
    assert any(e[:2] == ("tariff_imposed", "PER") and e[3] == 30.0 for e in found)


def test_a_measure_after_the_party_it_is_given_with(event_fields):
    text = "Trump threatened to hit Peru and several of its neighbours with levies, tariffs and quotas."
    found = event_fields(text, officials=[TRUMP], countries=[PERU])
    assert [e[:3] for e in found] == [("tariff_threatened", "USA", ["PER"])]


def test_with_far_from_the_measure_word_is_no_context(event_fields):
    # control: "with" opens a companion, and the tariff word is far after it
    text = "Trump threatened to leave the summit with Peru early, a week after the tariffs were announced."
    found = event_fields(text, officials=[TRUMP], countries=[PERU])
    assert not any(e[0] == "tariff_threatened" for e in found)


def test_a_trial_balloon_named_as_such_is_a_threat(event_fields):
    text = "Chile has floated the idea of a steep 40% duty on Peruvian fruit."
    found = event_fields(text, countries=[CHILE, ("Peruvian", "PER", "demonym")],
                         rates=[("40%", 40.0, "duty")])
    assert [e[:3] for e in found] == [("tariff_threatened", "CHL", ["PER"])]


def test_a_suggested_measure_is_a_threat(event_fields):
    found = event_fields("Chile suggested tariffs on Peruvian fish last week.",
                         countries=[CHILE, ("Peruvian", "PER", "demonym")])
    assert [e[:3] for e in found] == [("tariff_threatened", "CHL", ["PER"])]


def test_counter_tariffs_answer_a_measure_told_sentences_before(event_fields):
    # the measure answered stands three sentences back, within the discourse window
    text = ("Trump imposed 10% tariffs on goods from Peru. Copper prices fell on the news. Miners in the south "
            "cut output. Peru has also imposed counter-tariffs.")
    found = event_fields(text, officials=[TRUMP], countries=[PERU, ("Peru", "PER", "name", 1)],
                         rates=[("10%", 10.0, "tariff")])
    assert ("tariff_imposed", "PER", ["USA"], None, "asserted") in found
