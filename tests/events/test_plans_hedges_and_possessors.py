"""Type and modality of a measure's name under a plan or a hedge, and the bare apostrophe possessive (issue 18).

The guideline's modalities: planned (decided, scheduled), threatened, possible (could, may, considering).
Every sentence is written for these tests (none is taken from an article) and parsed by the project's
committed parser, as extract would.
"""

from __future__ import annotations

from pipeline.events import article_events

FIELDS = ("event_type", "actor_iso3", "target_iso3", "rate_value", "modality")
TRUMP = ("Trump", "USA", "donald-trump")
PUBLISHED = "2025-02-08"


def _events(build, resources, text: str, **specs) -> list[tuple]:
    rows = article_events(build(text, parsed=True, published=PUBLISHED, **specs), resources)
    return [tuple(row[k] for k in FIELDS) for row in rows]


def test_a_plan_to_announce_a_named_measure_is_a_planned_imposition(build, resources):
    text = "Bond yields rose after Trump said he plans to announce reciprocal tariffs on several partners next week."
    found = _events(build, resources, text, officials=[TRUMP])
    assert [(e[0], e[1], e[4]) for e in found] == [("tariff_imposed", "USA", "planned")]


def test_a_pledge_to_unveil_a_named_measure_is_a_planned_imposition(build, resources):
    text = "Trump pledged to unveil reciprocal tariffs on any nation that taxes American goods."
    found = _events(build, resources, text, officials=[TRUMP], countries=[("American", "USA", "demonym")])
    assert [(e[0], e[1], e[4]) for e in found] == [("tariff_imposed", "USA", "planned")]


def test_a_named_measure_a_government_might_impose_is_a_possible_threat(build, resources):
    text = "Trump said he might impose reciprocal tariffs on several countries next week."
    found = _events(build, resources, text, officials=[TRUMP])
    assert [(e[0], e[1], e[4]) for e in found] == [("tariff_threatened", "USA", "possible")]


def test_a_threat_word_keeps_the_threat(build, resources):
    text = "Trump threatened to impose reciprocal tariffs on several countries."
    found = _events(build, resources, text, officials=[TRUMP])
    assert [(e[0], e[1], e[4]) for e in found] == [("tariff_threatened", "USA", "threatened")]


def test_the_bare_apostrophe_possessor_of_a_plan_acts(build, resources):
    # the parser hangs the infinitive on the main clause; the possessor of "plans" still acts
    text = "Moreover, the Bank of Peru vowed to keep the sol stable despite the US' plans to impose reciprocal tariffs."
    found = _events(build, resources, text, countries=[("Peru", "PER", "name"), ("US", "USA", "name")])
    assert [e[:2] for e in found] == [("tariff_imposed", "USA")]


def test_the_possessor_of_a_decision_acts_and_the_subject_is_the_target(build, resources):
    text = "Lima protested the US' decision to raise tariffs on Peruvian copper."
    found = _events(build, resources, text, countries=[("Lima", "PER", "name"), ("US", "USA", "name"),
                                                       ("Peruvian", "PER", "demonym")])
    assert [e[:3] for e in found] == [("tariff_increased", "USA", ["PER"])]
