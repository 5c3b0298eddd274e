"""A report dated by a plan, sanctions read by their verb, tariff costs (docs/events.md, sections 4 and 5).

Sentences written for these tests; the expected rows are the right reading of what they say.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from pipeline.events import article_events
from pipeline.events.merge import combine, dated_by_plan
from pipeline.events.types import Candidate, Cue
from pipeline.views import Sentence

FIELDS = ("event_type", "modality", "actor_iso3", "target_iso3", "product", "rate_value", "event_date")


def _rows(build, resources, text: str, **specs) -> list[tuple]:
    return [tuple(r[k] for k in FIELDS) for r in article_events(build(text, **specs), resources)]


def _candidate(**values) -> Candidate:
    base = Candidate(event_type="tariff_imposed", sentence=Sentence(0, 0, 10, 0), actor="USA", scope="all",
                     trigger=Cue("m", 0, 5, "tariff_imposed", "triggers.csv:tariff_imposed:weak"))
    return replace(base, **values)


PLAN = {"modality": "planned", "product": "copper", "products": ("copper",), "rate_value": 30.0,
        "event_date": "2025-06-01"}


@pytest.mark.parametrize(("report", "plan", "expected"), [
    # an undated report naming no goods takes the plan's goods and day, and so its modality
    ({"modality": "asserted"}, PLAN, "planned"),
    # a report that names its goods is a measure of its own telling: it stays asserted
    ({"modality": "asserted", "product": "copper", "products": ("copper",)}, PLAN, "asserted"),
    # a dated report is dated by itself, not by the plan
    ({"modality": "asserted", "event_date": "2025-06-01"}, PLAN, "asserted"),
    # a plan that names no goods lends nothing that makes the report its own
    ({"modality": "asserted"}, {**PLAN, "product": None, "products": ()}, "asserted"),
    # an asserted reading joined to an earlier plan: the first's modality, as before
    (PLAN, {"modality": "asserted"}, "planned"),
])
def test_a_report_dated_by_a_plan_takes_its_modality(report, plan, expected):
    merged = combine(_candidate(**report), _candidate(**plan))
    assert merged.modality == expected
    assert dated_by_plan(_candidate(**report), _candidate(**plan)) is (expected == "planned" and report != PLAN)


def test_an_article_reporting_a_plan_has_no_measure_taken_on_the_plans_day(build, resources):
    text = ("Copper climbed after Washington announced more tariffs. "
            "Washington on Sunday said it will impose 30% tariffs on copper.")
    rows = _rows(build, resources, text, published="2025-06-02", countries=[("Washington", "USA", "government"),
                                                                              ("Washington", "USA", "government", 1)],
                 rates=[("30%", 30.0, "tariff")], dates=[("Sunday", "DATE", "2025-06-01")])
    assert [r for r in rows if r[0] == "tariff_imposed"] == [
        ("tariff_imposed", "planned", "USA", [], "copper", 30.0, "2025-06-01")]


def test_sanctions_of_a_sentence_read_by_their_verb_stay_sanctions(build, resources):
    # the article has a tariff on Mexico; the verb "imposed" reads "sanctions" as its tariff word and, its
    # object naming no country, takes Mexico from the sentence before; the same sentence's "sanctions on …"
    # is a sanction, so the verb's reading is one too, and a sanction whose object names its own target
    # (the Venezuelan crude's origin) takes no country carried from before
    text = ("Oil fell as Washington delayed tariffs on oil from Mexico. The U.S. imposed sanctions on an "
            "international network facilitating the shipment of Venezuelan crude to China on Thursday.")
    countries = [("Washington", "USA", "government"), ("Mexico", "MEX", "name"), ("U.S.", "USA", "abbreviation"),
                 ("Venezuelan", "VEN", "demonym"), ("China", "CHN", "name")]
    rows = _rows(build, resources, text, parsed=True, published="2025-06-07", countries=countries,
                 dates=[("Thursday", "DATE", "2025-06-05")])
    assert [r[:4] for r in rows if r[3] == ["MEX"]] == [("tariff_suspended", "asserted", "USA", ["MEX"])]
    assert any(r[0] == "sanction" and r[3] == ["VEN"] for r in rows)


@pytest.mark.parametrize(("phrase", "expected"), [
    ("higher tariff costs", []),
    ("higher tariffs", ["tariff_increased"]),
])
def test_higher_tariff_costs_raise_no_tariff(build, resources, phrase, expected):
    text = f"Refiners in Mexico face {phrase} from Washington this year."
    rows = _rows(build, resources, text, countries=[("Mexico", "MEX", "name"), ("Washington", "USA", "government")])
    assert [r[0] for r in rows] == expected
