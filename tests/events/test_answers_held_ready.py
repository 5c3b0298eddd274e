"""Recall of answers held ready: a government "ready" or "prepared" to respond to another's measure.

Every sentence is written for these tests (none is taken from an article) and parsed by the project's
committed parser, as extract would.
"""

from __future__ import annotations

from pipeline.events import article_events

FIELDS = ("event_type", "actor_iso3", "target_iso3")


def test_a_bloc_ready_to_respond_threatens_the_government_whose_duties_it_answers(event_fields):
    text = "The trade commissioner said the EU is ready to respond within days if Washington duties hit its cheese."
    found = event_fields(text, countries=[("EU", "EU", "name"), ("Washington", "USA", "capital")])
    assert ("tariff_threatened", "EU", ["USA"]) in found


def test_the_passive_subject_of_prepared_acts_in_the_answer(event_fields):
    # "is prepared to respond": the parser reads "prepared" as a passive verb; its subject acts
    text = "Ottawa is prepared to retaliate quickly if the United States imposes tariffs on Canadian lumber."
    found = event_fields(text, countries=[("Ottawa", "CAN", "capital"),
                                                       ("United States", "USA", "name"),
                                                       ("Canadian", "CAN", "demonym")])
    assert ("tariff_threatened", "CAN", ["USA"]) in found


def test_an_answer_told_as_past_is_no_threat(event_fields):
    # "responded" is told, not held ready: no trigger of an answer held ready
    text = "Ottawa responded to the tariffs on Canadian lumber by filing a complaint with the WTO."
    found = event_fields(text, countries=[("Ottawa", "CAN", "capital"),
                                                       ("Canadian", "CAN", "demonym")])
    assert not any(e[0] == "tariff_threatened" for e in found)


def test_officials_ordered_to_study_a_measure_open_an_investigation(event_fields):
    text = "On Friday Trump directed federal agencies to examine how to impose tariffs on imported cars."
    found = event_fields(text, officials=[("Trump", "USA", "donald-trump")])
    types = [e[0] for e in found]
    assert "investigation" in types and "tariff_threatened" not in types


def test_a_government_studying_a_measure_itself_still_weighs_it(event_fields):
    # no body is told to study: the government's own hedge, a threat that stays possible
    text = "Ottawa is studying new tariffs on imported steel."
    found = event_fields(text, countries=[("Ottawa", "CAN", "capital")])
    assert found and "investigation" not in [e[0] for e in found]


def test_a_measure_joined_to_a_threat_with_its_own_object_is_its_own_event(build, resources):
    text = "Trump has threatened 30% tariffs on Brazil and imposed 15% duties on all imported copper."
    rows = article_events(build(text, parsed=True, countries=[("Brazil", "BRA", "name")],
                                officials=[("Trump", "USA", "donald-trump")],
                                rates=[("30%", 30.0, "tariff"), ("15%", 15.0, "duty")]), resources)
    found = {(r["event_type"], r["modality"]) for r in rows}
    assert ("tariff_threatened", "threatened") in found
    assert ("tariff_imposed", "asserted") in found


def test_a_threat_to_impose_and_collect_duties_stays_one_threat(event_fields):
    # the joined verbs stand under the threat's complement, not beside the threat verb
    text = "Trump threatened to impose and collect new duties on Brazil."
    found = event_fields(text, countries=[("Brazil", "BRA", "name")],
                         officials=[("Trump", "USA", "donald-trump")])
    assert [e[0] for e in found] == ["tariff_threatened"]
