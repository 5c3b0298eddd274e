"""Threats told after their measure, negations of immediacy only, and measures of a past office.

Every sentence is written for these tests in the style of 2025 wire copy and
parsed by the project's committed parser, as extract would.
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events

FIELDS = ("event_type", "actor_iso3", "target_iso3", "modality", "is_background")
USA = ("Washington", "USA", "government")
OTTAWA = ("Ottawa", "CAN", "government")


def _events(build, resources, text: str, **specs) -> list[tuple]:
    rows = article_events(build(text, parsed=True, **specs), resources)
    return sorted(tuple(row[k] for k in FIELDS) for row in rows)


def test_a_threat_in_a_relative_clause_is_a_threat_event(build, resources):
    found = _events(build, resources, "Shares rose after Washington delayed the tariffs it threatened against Ottawa.",
                    countries=[USA, OTTAWA])
    assert ("tariff_threatened", "USA", ["CAN"], "threatened", False) in found
    assert ("tariff_suspended", "USA", ["CAN"], "asserted", False) in found


def test_a_measure_threatened_to_be_imposed_is_no_imposition(build, resources):
    found = _events(build, resources, "Washington delayed a 25% tariff it threatened to impose on Mexican goods.",
                    countries=[USA, ("Mexican", "MEX", "demonym")], rates=[("25%", 25.0, "tariff")])
    assert ("tariff_threatened", "USA", ["MEX"], "threatened", False) in found
    # the delay keeps the threatened measure's targets, and nothing reads as imposed
    assert ("tariff_suspended", "USA", ["MEX"], "asserted", False) in found
    assert not [e for e in found if e[0] == "tariff_imposed"]


def test_the_subject_of_a_misparsed_relative_threat_is_its_actor(build, resources):
    found = _events(build, resources, "Ottawa braced for the 25% tariffs Washington had threatened on Canadian steel.",
                    countries=[USA, OTTAWA, ("Canadian", "CAN", "demonym")], rates=[("25%", 25.0, "tariff")])
    assert [e[:4] for e in found] == [("tariff_threatened", "USA", ["CAN"], "threatened")]


def test_an_imposition_with_its_own_verb_stays_beside_an_earlier_warning(build, resources):
    found = _events(build, resources, "Washington imposed the tariffs on Ottawa that it had warned of for months.",
                    countries=[USA, OTTAWA])
    # the imposition is the news; the warning, told in the past perfect, is history
    assert found == [("tariff_imposed", "USA", ["CAN"], "asserted", False),
                     ("tariff_threatened", "USA", ["CAN"], "threatened", True)]


def test_a_negation_of_immediacy_leaves_the_measure_planned(build, resources):
    found = _events(build, resources,
                    "Washington signed an order on steel tariffs for Ottawa but did not enact the levies immediately.",
                    countries=[USA, OTTAWA])
    assert [(e[0], e[3]) for e in found] == [("tariff_imposed", "planned")]
    noun = _events(build, resources, "Washington signaled no immediate tariff imposition on Ottawa.",
                   countries=[USA, OTTAWA])
    assert [(e[0], e[3]) for e in noun] == [("tariff_imposed", "planned")]


def test_a_plain_negation_stays_negated(build, resources):
    found = _events(build, resources, "Washington did not impose tariffs on Ottawa.", countries=[USA, OTTAWA])
    assert [(e[0], e[3]) for e in found] == [("tariff_imposed", "negated")]


@pytest.mark.parametrize("text", [
    "Ottawa stopped short of imposing retaliatory tariffs on Washington.",
    "Ottawa stops short of imposing duties on Washington this week.",
    "Ottawa's order stops short of actually imposing tariffs on Washington.",
])
def test_a_measure_stopped_short_of_is_negated(build, resources, text):
    # the parser hangs the gerund on "short", on "stop" or, as a modifier, on the measure noun
    found = _events(build, resources, text, countries=[USA, OTTAWA])
    assert [(e[0], e[3]) for e in found] == [("tariff_imposed", "negated")]


def test_stopping_a_measure_is_no_negation_of_it(build, resources):
    # "stop" alone ends a measure; only "stop short of" denies the step
    found = _events(build, resources, "Ottawa stopped imposing tariffs on Washington.", countries=[USA, OTTAWA])
    assert not [e for e in found if e[3] == "negated"]


def test_an_act_of_a_then_titled_official_is_background(build, resources):
    officials = [("Smith", "USA", "Q1")]
    canadian = [("Canadian", "CAN", "demonym")]
    past = _events(build, resources, "Then-President Smith raised tariffs on Canadian steel.",
                   countries=canadian, officials=officials)
    now = _events(build, resources, "President Smith raised tariffs on Canadian steel.",
                  countries=canadian, officials=officials)
    assert past == [("tariff_increased", "USA", ["CAN"], "asserted", True)]
    assert now == [("tariff_increased", "USA", ["CAN"], "asserted", False)]


@pytest.mark.parametrize(("text", "background"), [
    ("In addition, then-President Smith praised the ties with Ottawa and exempted Canadian steel from the tariff.",
     True),
    ("Then-President Smith praised the ties with Ottawa, and President Jones exempted Canadian steel from the "
     "tariff.", False),
])
def test_the_second_verb_of_a_then_titled_official_is_background(build, resources, text, background):
    officials = [(name, "USA", qid) for name, qid in (("Smith", "Q1"), ("Jones", "Q2")) if name in text]
    found = _events(build, resources, text, countries=[OTTAWA, ("Canadian", "CAN", "demonym")],
                    officials=officials)
    assert [row[-1] for row in found if row[0] == "tariff_exemption"] == [background]


def test_a_measure_granted_over_a_past_period_is_background(build, resources):
    found = _events(build, resources,
                    "Washington cited the tariff exemptions granted over the previous four years to Ottawa.",
                    countries=[USA, OTTAWA])
    assert found == [("tariff_exemption", "USA", ["CAN"], "asserted", True)]


def test_a_reprieve_on_a_relative_threat_keeps_its_targets_and_the_threat_its_rate(build, resources):
    text = ("In return, Washington granted a temporary reprieve on a 25% tariff it threatened to impose on imports "
            "from Ottawa and Mexico because of border worries.")
    found = _events(build, resources, text, countries=[USA, OTTAWA, ("Mexico", "MEX", "name")],
                    rates=[("25%", 25.0, "tariff")])
    rows = article_events(build(text, parsed=True, countries=[USA, OTTAWA, ("Mexico", "MEX", "name")],
                                rates=[("25%", 25.0, "tariff")]), resources)
    assert [e[:4] for e in found] == [("tariff_suspended", "USA", ["CAN", "MEX"], "asserted"),
                                      ("tariff_threatened", "USA", ["CAN", "MEX"], "threatened")]
    assert {r["event_type"]: r["rate_value"] for r in rows}["tariff_threatened"] == 25.0


def test_the_possibility_of_a_measure_is_possible_whatever_verb_names_it(build, resources):
    hinted = _events(build, resources,
                     "In Seoul, Washington also hinted at the possibility of imposing tariffs on cars and drugs.",
                     countries=[USA])
    assert [(e[0], e[3]) for e in hinted] == [("tariff_imposed", "possible")]
    imposed = _events(build, resources, "In Seoul, Washington also imposed tariffs on cars and drugs.",
                      countries=[USA])
    assert [(e[0], e[3]) for e in imposed] == [("tariff_imposed", "asserted")]


@pytest.mark.parametrize("text, event_type", [
    ("Ottawa ruled out the possibility of a tariff hike on U.S. steel.", "tariff_increased"),
    ("Ottawa has ruled out the possibility of imposing tariffs on U.S. steel.", "tariff_imposed"),
    ("Ottawa rejected the possibility of new tariffs on U.S. steel.", "tariff_imposed"),
], ids=["ruled-out-a-noun", "ruled-out-a-gerund", "rejected"])
def test_the_possibility_a_government_rules_out_is_negated(build, resources, text, event_type):
    found = _events(build, resources, text, countries=[OTTAWA, ("U.S.", "USA", "abbreviation")])
    assert [(e[0], e[3]) for e in found] == [(event_type, "negated")]


def test_the_possibility_a_government_does_not_rule_out_is_possible(build, resources):
    found = _events(build, resources, "Ottawa has not ruled out the possibility of a tariff hike on U.S. steel.",
                    countries=[OTTAWA, ("U.S.", "USA", "abbreviation")])
    assert [(e[0], e[3]) for e in found] == [("tariff_increased", "possible")]


@pytest.mark.parametrize(("text", "modality", "background"), [
    ("Jones and former President Smith granted exemptions from the steel tariffs to Ottawa.", "asserted", True),
    ("Former President Smith threatened tariffs on Ottawa.", "threatened", False),
])
def test_a_measure_done_by_a_former_office_holder_is_background_and_a_threat_is_not(build, resources, text,
                                                                                      modality, background):
    officials = [(name, "USA", qid) for name, qid in (("Smith", "Q1"), ("Jones", "Q2")) if name in text]
    found = _events(build, resources, text, countries=[OTTAWA], officials=officials)
    assert [(row[3], row[4]) for row in found if row[0].startswith("tariff")] == [(modality, background)]
