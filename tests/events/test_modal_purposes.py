"""A measure told as the purpose of a step that is only possible or planned, and its merge with the step (issue 22).

"I may further modify the schedule to decrease the duties": the cut is the purpose ("to" + infinitive) of a
step whose modal ("may") stands on its own verb; it is as possible as that step. Such a recital, without a
rate, merged with the asserted or planned step of the same kind that states one ("decreased the duties from 60
percent to 30 percent") is that step, which the recital only completes: kept first, it gave the merge its own
modality and evidence. Every sentence is written for these tests and parsed by the project's committed parser.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from pipeline.events import article_events
from pipeline.events.clause_walk import clause_walk
from pipeline.events.detect import article_candidates
from pipeline.events.merge import merge_candidates, recital_then_step

FIELDS = ("event_type", "target_iso3", "rate_value", "modality")
PUBLISHED = "2025-05-12"
RURITANIA = ("Ruritania", "RRR", "name")
TRUMP = ("Trump", "USA", "donald-trump")


def _events(build, resources, text: str, **specs) -> list[tuple]:
    rows = article_events(build(text, parsed=True, published=PUBLISHED, **specs), resources)
    return [tuple(row[k] for k in FIELDS) for row in rows]


@pytest.mark.parametrize("text, modality", [
    pytest.param("Should Ruritania open its market, I may further amend the schedule to decrease the duties on "
                 "Ruritania.", "possible", id="may-amend-to-decrease-is-possible"),
    pytest.param("Trump could act swiftly to raise the duties on Ruritania.", "possible",
                 id="could-act-to-raise-is-possible"),
    pytest.param("Trump amended the schedule to decrease the duties on Ruritania.", "not possible",
                 id="a-step-taken-leaves-its-purpose-asserted"),
])
def test_a_purpose_takes_the_modal_of_its_step(build, resources, text, modality):
    found = _events(build, resources, text, officials=[TRUMP] if "Trump" in text else [],
                    countries=[RURITANIA, ("Ruritania", "RRR", "name", 1)] if text.count("Ruritania") > 1
                    else [RURITANIA])
    modalities = [e[3] for e in found if e[0] in ("tariff_reduced", "tariff_increased")]
    assert modalities == [modality] if modality == "possible" else modalities and "possible" not in modalities


def test_a_recital_merged_with_its_step_is_the_step(build, resources):
    text = "Trump decreased the duties on Ruritania from 60 percent to 30 percent."
    inputs = build(text, parsed=True, published=PUBLISHED, officials=[TRUMP], countries=[RURITANIA],
                   rates=[("from 60 percent to 30 percent", 30.0, "tariff", 60.0)])
    step = next(c for c in article_candidates(inputs, resources) if c.event_type == "tariff_reduced")
    recital = replace(step, modality="possible", rate_value=None, rate_previous=None, targets=("RRR",),
                      scope="bilateral")
    bare_step = replace(step, targets=(), scope="unspecified")
    assert recital_then_step(recital, bare_step) and not recital_then_step(bare_step, recital)
    merged = merge_candidates([recital, bare_step])
    # one event: the step's modality, rate and evidence, the recital's target
    assert [(e.modality, e.rate_value, e.targets, e.sentence) for e in merged] == \
        [("asserted", 30.0, ("RRR",), step.sentence)]
    assert merge_candidates([recital, replace(bare_step, modality="planned")])[0].modality == "planned"


def test_two_hedges_of_one_measure_merge_as_before(build, resources):
    """"Ruritania is considering tariff cuts" and "Ruritania is preparing tariff cuts": neither states a rate, so the
    possible reading is no recital of a step, and the merge keeps the first reading's modality."""
    text = "Trump decreased the duties on Ruritania."
    inputs = build(text, parsed=True, published=PUBLISHED, officials=[TRUMP], countries=[RURITANIA])
    step = next(c for c in article_candidates(inputs, resources) if c.event_type == "tariff_reduced")
    considered, prepared = replace(step, modality="possible"), replace(step, modality="planned")
    assert not recital_then_step(considered, prepared)
    assert [e.modality for e in merge_candidates([considered, prepared])] == ["possible"]


def test_the_purpose_rule_is_for_tariff_measures_only(build, resources):
    """The walk climbs from a purpose to its modal verb only when asked (`syntax_modality` asks for tariff
    measures): a talk's modality keeps talks apart, so talks are read as before."""
    inputs = build("Trump may amend the schedule to decrease the duties.", parsed=True, published=PUBLISHED,
                   officials=[TRUMP])
    parse = inputs.parses[0]
    trigger = next(t for t in parse.tokens if t.lower == "decrease")
    rules = resources.syntax
    assert len(clause_walk(parse, trigger, rules, purposes=True)) > len(clause_walk(parse, trigger, rules))
