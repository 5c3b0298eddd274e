"""One row per measure within an article: products as sets, bare references, adjectives of a measure's verb,
and the scope a measure states before its trigger.

Sentences are written for these tests in the style of 2025 wire copy (none
is taken from an article).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from pipeline.events import article_events
from pipeline.events.dates import dates_near
from pipeline.events.merge import combine, compatible, is_bare
from pipeline.events.types import Candidate, Cue
from pipeline.views import Sentence

FIELDS = ("event_type", "actor_iso3", "target_iso3", "target_scope", "rate_value", "product", "event_date")
USA = ("Washington", "USA", "government")


def _rows(build, resources, text: str, *, parsed: bool = False, **specs) -> list[tuple]:
    rows = article_events(build(text, parsed=parsed, **specs), resources)
    return [tuple(row[k] for k in FIELDS) for row in rows]


def _candidate(**values) -> Candidate:
    base = Candidate(event_type="tariff_imposed", sentence=Sentence(0, 0, 10, 0),
                     trigger=Cue("m", 0, 5, "tariff_imposed", "triggers.csv:tariff_imposed:weak"), actor="USA")
    return replace(base, **values)


STEEL = {"product": "steel", "products": ("steel",)}
STEEL_AND_ALUMINUM = {"product": "steel", "products": ("steel", "aluminum")}
ALUMINUM_AND_STEEL = {"product": "aluminum", "products": ("aluminum", "steel")}


@pytest.mark.parametrize(("first", "second", "expected"), [
    pytest.param(STEEL, STEEL_AND_ALUMINUM, True, id="subset"),
    pytest.param(ALUMINUM_AND_STEEL, STEEL_AND_ALUMINUM, True, id="same-set-other-order"),
    pytest.param({"product": "aluminum", "products": ("aluminum", "autos")}, STEEL_AND_ALUMINUM, False,
                 id="overlap-only"),
    pytest.param({"product": "autos", "products": ("autos",)}, STEEL, False, id="different"),
    pytest.param({}, {**STEEL, "rate_value": 25.0, "event_date": "2025-02-09"}, True, id="bare-and-detailed"),
    pytest.param({"event_date": "2025-02-10"}, {**STEEL, "rate_value": 25.0, "event_date": "2025-02-09"}, True,
                 id="bare-dated-apart-from-detailed"),
    pytest.param({"event_date": "2025-02-10"}, {"event_date": "2025-03-10"}, False, id="two-bare-dated-apart"),
    pytest.param({"event_date": "2025-04-20"}, {**STEEL, "event_date": "2025-01"}, False,
                 id="bare-months-from-detailed"),
    pytest.param({"event_date": "2025-02-10", "actor": "CAN"}, {**STEEL, "event_date": "2025-02-09"}, False,
                 id="bare-of-another-actor"),
    pytest.param({"event_date": "2025-02-10", "event_type": "negotiation", "targets": ("JPN",)},
                 {"event_type": "negotiation", "targets": ("JPN",), "event_date": "2025-03-10"}, False,
                 id="talks-are-never-bare"),
])
def test_compatible_products_and_bare_references(first, second, expected):
    assert compatible(_candidate(**first), _candidate(**second)) is expected


def test_a_bare_reference_takes_the_measures_date_and_keeps_its_evidence():
    bare = _candidate(event_date="2025-02-10", sentence=Sentence(0, 0, 10, 0))
    detailed = _candidate(**STEEL_AND_ALUMINUM, rate_value=25.0, event_date="2025-02-09", scope="all",
                          sentence=Sentence(3, 50, 90, 1))
    assert is_bare(bare) and not is_bare(detailed)
    merged = combine(bare, detailed)
    assert (merged.event_date, merged.rate_value, merged.product, merged.products, merged.scope, merged.sentence) == \
        ("2025-02-09", 25.0, "steel", ("steel", "aluminum"), "all", Sentence(0, 0, 10, 0))


def test_a_measure_named_with_one_of_its_products_is_one_row(build, resources):
    text = ("Washington announced steel tariffs on Monday. "
            "On Monday Washington imposed 25% tariffs on imports of steel and aluminum.")
    found = _rows(build, resources, text, countries=[USA, ("Washington", "USA", "government", 1)],
                  rates=[("25%", 25.0, "tariff")], dates=[("Monday", "DATE", "2025-02-10")])
    assert found == [("tariff_imposed", "USA", [], "all", 25.0, "steel", "2025-02-10")]


def test_a_headline_reference_joins_the_body_measure(build, resources):
    text = ("Currency slides after Washington's new tariff plan\n"
            "Washington on Sunday said it will impose 25% tariffs on aluminum imports.")
    found = _rows(build, resources, text, body_start=text.index("\n") + 1,
                  countries=[USA, ("Washington", "USA", "government", 1)], rates=[("25%", 25.0, "tariff")],
                  dates=[("Sunday", "DATE", "2025-02-09")], published="2025-02-10")
    assert found == [("tariff_imposed", "USA", [], "all", 25.0, "aluminum", "2025-02-09")]


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
def test_an_adjective_trigger_after_the_measures_verb_is_the_same_measure(build, resources, parsed):
    text = "Washington said on Sunday it will introduce new 25% tariffs on steel imports this week."
    found = _rows(build, resources, text, parsed=parsed, countries=[USA], rates=[("25%", 25.0, "tariff")],
                  dates=[("Sunday", "DATE", "2025-02-09"), ("this week", "DATE", "2025-W07")],
                  published="2025-02-10")
    assert [(e[0], e[1], e[3], e[4], e[5]) for e in found] == [("tariff_imposed", "USA", "all", 25.0, "steel")]


def test_an_adjective_trigger_after_another_measure_stays_its_own(build, resources):
    text = "Washington lifted the old duties and then imposed new tariffs on Mexico."
    found = _rows(build, resources, text, countries=[USA, ("Mexico", "MEX", "name")])
    assert {e[0] for e in found} == {"tariff_removed", "tariff_imposed"}


@pytest.mark.parametrize("text", [
    "Reciprocal tariffs on all trading partners were announced by Washington.",
    "Washington's new global tariffs took effect.",
    'Washington said "reciprocal" tariffs would be announced next week.',
])
def test_a_scope_stated_before_the_trigger_gives_all(build, resources, text):
    found = _rows(build, resources, text, countries=[USA])
    assert found and all(e[3] == "all" and e[2] == [] for e in found)


def test_a_scope_in_another_clause_is_not_taken(build, resources):
    text = "Washington imposed tariffs on all countries; Ottawa then raised its duties."
    found = _rows(build, resources, text, countries=[USA, ("Ottawa", "CAN", "government")])
    canada = [e for e in found if e[1] == "CAN"]
    assert canada and canada[0][3] == "unspecified"


def test_a_scope_phrase_before_the_trigger_naming_who_acts_is_no_scope(build, resources):
    text = "Washington and all member countries remain determined to keep their import quotas."
    found = _rows(build, resources, text, countries=[USA])
    assert found and all(e[3] == "unspecified" for e in found)


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("2025-02-10", "2025-02-09", True),
    ("2025-02-10", "2025-W07", True),
    ("2025-04-20", "2025-01", False),
    ("2025-02-10", None, True),
    ("2025-02-20", "2025-02-10", False),
])
def test_dates_near(a, b, expected):
    assert dates_near(a, b, 7) is expected
