"""Modality of a measure denied only until a day, announced in a clause still to come, taking effect on the
day of writing, and of a sentence the parser hangs on a later clause as its subject (issue 18).

Every sentence is written for these tests in the style of 2025 wire copy and parsed by the project's
committed parser, as extract would.
"""

from __future__ import annotations

import pytest

FIELDS = ("event_type", "actor_iso3", "target_iso3", "modality", "event_date")
USA = ("Washington", "USA", "government")
OTTAWA = ("Ottawa", "CAN", "government")
BEIJING = ("Beijing", "CHN", "government")


@pytest.mark.parametrize("text", [
    "But Ottawa's new duties on Washington won't take effect until March 4.",
    "Ottawa said its tariffs on Washington would not take effect until April.",
    "Ottawa will not impose the duties on Washington until March.",
])
def test_a_measure_denied_only_until_a_moment_is_planned(event_fields, text):
    found = event_fields(text, countries=[USA, OTTAWA])
    assert [(e[0], e[3]) for e in found if e[0] == "tariff_imposed"] == [("tariff_imposed", "planned")]


def test_a_plain_negation_of_entry_stays_negated(event_fields):
    found = event_fields("Ottawa's duties on Washington will not take effect, officials said.",
                         countries=[USA, OTTAWA])
    assert "planned" not in [e[3] for e in found if e[0] == "tariff_imposed"]


@pytest.mark.parametrize("text, modality", [
    ("Beijing announced it would retaliate with levies on U.S. farm goods.", "planned"),
    ("Beijing announced it could retaliate with levies on U.S. farm goods.", "possible"),
])
def test_a_report_of_a_measure_still_to_come_takes_its_complements_modal(event_fields, text, modality):
    found = event_fields(text, countries=[BEIJING, ("U.S.", "USA", "name")])
    # ("could retaliate" reads as a threat type: only the modality is at stake here)
    assert [(e[1], e[3]) for e in found] == [("CHN", modality)]


def test_a_report_of_a_measure_taken_stays_asserted(event_fields):
    found = event_fields("Beijing announced 15% levies on U.S. farm goods.",
                         countries=[BEIJING, ("U.S.", "USA", "name")], rates=[("15%", 15.0, "tariff")])
    assert [(e[0], e[3]) for e in found] == [("tariff_imposed", "asserted")]


@pytest.mark.parametrize("published, modality", [
    ("2025-02-11", "planned"),   # stamped after midnight UTC: "today" was the day before the stamp
    ("2025-02-10", "planned"),
    ("2025-02-12", "asserted"),  # an entry told days later is history
])
def test_an_entry_on_the_day_of_writing_is_still_to_come(event_fields, published, modality):
    text = "This came as Beijing's retaliatory tariffs on U.S. pork are set to take effect today."
    found = event_fields(text, countries=[BEIJING, ("U.S.", "USA", "name")],
                         dates=[("today", "DATE", "2025-02-10")], published=published)
    assert [(e[0], e[3]) for e in found] == [("tariff_imposed", modality)]


def test_a_sentence_misread_as_a_clausal_subject_takes_no_cue_of_the_clause_after_it(event_fields):
    # the parser hangs "delayed" on "warning" as its clausal subject; the warning is not the delay's
    text = "Washington delayed its toughest tariff threats on Ottawa last week, but those close to the president " \
           "had been warning that more duties were on the way."
    found = event_fields(text, countries=[USA, OTTAWA])
    assert ("tariff_suspended", "asserted") in [(e[0], e[3]) for e in found]
    assert ("tariff_suspended", "threatened") not in [(e[0], e[3]) for e in found]


@pytest.mark.parametrize("text, target", [
    ("Washington refrained from placing tariffs on Ottawa.", ["CAN"]),
    ("Washington has so far refrained from imposing new duties on Beijing.", ["CHN"]),
    ("Beijing refrained from retaliatory tariffs on Washington.", ["USA"]),
])
def test_a_measure_refrained_from_is_negated(event_fields, text, target):
    # the parser hangs the "from" phrase as a clause, an oblique or a modifier of the measure noun
    found = event_fields(text, countries=[c for c in (USA, OTTAWA, BEIJING) if c[0] in text])
    assert [(e[0], e[2], e[3]) for e in found] == [("tariff_imposed", target, "negated")]


def test_refraining_from_something_else_leaves_a_joined_measure_asserted(event_fields):
    found = event_fields("Washington refrained from comment and imposed tariffs on Ottawa.",
                         countries=[USA, OTTAWA])
    assert [(e[0], e[3]) for e in found] == [("tariff_imposed", "asserted")]
