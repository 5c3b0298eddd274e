"""A measure told as the purpose of a step that is only possible or planned, and readings that stay apart (issue 22).

"I may further modify the schedule to decrease the duties": the cut is the purpose ("to" + infinitive) of a
step whose modal ("may") stands on its own verb; it is as possible as that step. A possible reading of an
article never merges with the asserted or planned step of the same kind, which would take one modality for
both. Every sentence is written for these tests and parsed by the project's committed parser.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from pipeline.events import article_events
from pipeline.events.detect import article_candidates
from pipeline.events.merge import compatible, merge_candidates

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


def test_a_possible_reading_does_not_merge_with_the_step_taken(build, resources):
    text = "Trump decreased the duties on Ruritania from 60 percent to 30 percent."
    inputs = build(text, parsed=True, published=PUBLISHED, officials=[TRUMP], countries=[RURITANIA],
                   rates=[("from 60 percent to 30 percent", 30.0, "tariff", 60.0)])
    step = next(c for c in article_candidates(inputs, resources) if c.event_type == "tariff_reduced")
    recital = replace(step, modality="possible", rate_value=None, rate_previous=None)
    assert not compatible(recital, step) and not compatible(step, recital)
    assert not compatible(recital, replace(step, modality="planned"))
    assert compatible(replace(recital, modality="asserted"), step)  # as before: one measure told twice
    assert [e.modality for e in merge_candidates([recital, step])] == ["possible", "asserted"]
