"""Precision rules of the helper on false events: a measure told only as the subject of its effect, and a
government as the target of its own measure.

Every sentence is written for these tests (none is taken from an article) and parsed by the project's
committed parser, as extract would; the expected rows are the right reading.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.events.detect import article_candidates
from pipeline.events.merge import without_own_target
from pipeline.events.types import Candidate

FIELDS = ("event_type", "actor_iso3", "target_iso3", "modality")
USA = ("Washington", "USA", "government")
PERU = ("Peru", "PER", "name")


def test_a_measure_whose_participle_introduces_it_and_that_threatens_an_effect_is_commentary(event_fields):
    # the sentence forecasts what duties do; the duties were reported where they were introduced
    text = ("Higher freight costs could squeeze margins at retailers, brokers say, and trade tariffs introduced "
            "by Washington threaten to worsen those strains.")
    assert event_fields(text, countries=[USA]) == []


def test_a_measure_whose_participle_introduces_it_and_that_is_forecast_to_hurt_is_commentary(event_fields):
    text = "The new duties imposed by Washington on Peru could hurt copper exporters, miners say."
    assert event_fields(text, countries=[USA, PERU]) == []


def test_a_participle_measure_that_does_something_else_stays(event_fields):
    # "cover" is no verb of effect: the sentence tells what the imposed measure is
    text = "Tariffs imposed by Washington on Monday cover copper from Peru."
    found = event_fields(text, countries=[USA, PERU])
    assert [e[:3] for e in found] == [("tariff_imposed", "USA", ["PER"])]


def _candidate(build, resources, text: str, **specs) -> Candidate:
    return article_candidates(build(text, parsed=True, **specs), resources)[0]


def test_a_government_is_no_target_of_its_own_measure(build, resources):
    candidate = _candidate(build, resources, "Washington imposed tariffs on Peru.", countries=[USA, PERU])
    merged = replace(candidate, targets=("PER", "USA"), scope="multilateral")
    kept = without_own_target(merged)
    assert (kept.targets, kept.scope) == (("PER",), "bilateral")
    alone = without_own_target(replace(candidate, targets=("USA",), scope="bilateral"))
    assert (alone.targets, alone.scope) == ((), "unspecified")
    stated = without_own_target(replace(candidate, targets=("USA",), scope="all"))
    assert (stated.targets, stated.scope) == ((), "all")
    assert without_own_target(candidate) == candidate
