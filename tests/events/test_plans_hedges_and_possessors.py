"""Type and modality of a measure's name under a plan or a hedge, and the bare apostrophe possessive (issue 18).

The guideline's modalities: planned (decided, scheduled), threatened, possible (could, may, considering).
Every sentence is written for these tests (none is taken from an article) and parsed by the project's
committed parser, as extract would.
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events

FIELDS = ("event_type", "actor_iso3", "target_iso3", "rate_value", "modality")
TRUMP = ("Trump", "USA", "donald-trump")
PUBLISHED = "2025-02-08"


def _events(build, resources, text: str, **specs) -> list[tuple]:
    rows = article_events(build(text, parsed=True, published=PUBLISHED, **specs), resources)
    return [tuple(row[k] for k in FIELDS) for row in rows]


@pytest.mark.parametrize("text, expected", [
    pytest.param("Bond yields rose after Trump said he plans to announce reciprocal tariffs on several partners "
                 "next week.", ("tariff_imposed", "USA", "planned"), id="a-plan-to-announce-is-a-planned-imposition"),
    pytest.param("Trump pledged to unveil reciprocal tariffs on any nation that taxes American goods.",
                 ("tariff_imposed", "USA", "planned"), id="a-pledge-to-unveil-is-a-planned-imposition"),
    pytest.param("Trump said he might impose reciprocal tariffs on several countries next week.",
                 ("tariff_threatened", "USA", "possible"), id="a-hedge-is-a-possible-threat"),
    pytest.param("Trump threatened to impose reciprocal tariffs on several countries.",
                 ("tariff_threatened", "USA", "threatened"), id="a-threat-word-keeps-the-threat"),
])
def test_a_named_measure_takes_the_type_and_modality_of_its_clause(build, resources, text, expected):
    found = _events(build, resources, text, officials=[TRUMP], countries=[("American", "USA", "demonym")]
                    if "American" in text else [])
    assert [(e[0], e[1], e[4]) for e in found] == [expected]


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



def test_a_possessor_acts_only_through_a_noun_of_intent(build, resources):
    # "exporters" is no noun of intent: the exporters would act, not Peru (the parse may hang "to raise" under it)
    text = "Peru's exporters to raise tariffs on steel is a claim nobody believes."
    found = _events(build, resources, text, countries=[("Peru", "PER", "name")])
    assert not any(e[1] == "PER" for e in found), found
