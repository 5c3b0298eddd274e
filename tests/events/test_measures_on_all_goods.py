"""Measures on goods from everywhere that were missed or misread (issue 18, events recall).

Sentences written for these tests in the style of 2025 market copy: an owned rate on goods after a threat on
another country, an answer or measure carried through "with" a tariff, and a report of a promised measure.
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events


def _rows(build, resources, text: str, countries, *, parsed: bool, rates=()) -> list[tuple]:
    rows = article_events(build(text, parsed=parsed, countries=countries, rates=list(rates)), resources)
    return sorted((r["event_type"], r["actor_iso3"], r["target_iso3"], r["target_scope"]) for r in rows)


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
def test_an_owned_rate_on_goods_is_on_all_not_the_earlier_threats_target(build, resources, parsed):
    text = ("Canada warned Chile of duties on its wine in September. "
            "Copper prices rose on Tuesday, driven by Canada's 25% duty on steel and aluminum.")
    found = _rows(build, resources, text, [("Canada", "CAN", "name"), ("Chile", "CHL", "name"),
                                           ("Canada", "CAN", "name", 1)],
                  parsed=parsed, rates=[("25%", 25.0, "duty")])
    assert ("tariff_imposed", "CAN", [], "all") in found
    assert ("tariff_imposed", "CAN", ["CHL"], "bilateral") not in found


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
@pytest.mark.parametrize("sentence", [
    pytest.param("Shares of miners fell after Canada responded with a 20% duty on copper imports.", id="responded-with"),
    pytest.param("The loonie slipped as Canada pushes ahead with its duties on copper and nickel.", id="pushes-ahead"),
    pytest.param("The loonie slipped as Canada went ahead with the copper levies.", id="went-ahead"),
])
def test_a_measure_given_or_carried_through_with_is_an_imposition(build, resources, parsed, sentence):
    found = _rows(build, resources, sentence, [("Canada", "CAN", "name")], parsed=parsed,
                  rates=[("20%", 20.0, "duty")] if "20%" in sentence else [])
    assert [f[:2] for f in found] == [("tariff_imposed", "CAN")]


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
def test_an_answer_still_to_come_is_no_imposition(build, resources, parsed):
    text = "Analysts said Canada could respond with duties on copper imports."
    found = _rows(build, resources, text, [("Canada", "CAN", "name")], parsed=parsed)
    assert [f for f in found if f[0] == "tariff_imposed"] == []


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
def test_a_promised_measure_outlined_is_an_imposition_not_a_threat(build, resources, parsed):
    text = "Stocks edged lower after Canada outlined the promised duties on imports of copper and nickel."
    found = _rows(build, resources, text, [("Canada", "CAN", "name")], parsed=parsed)
    assert [f[:2] for f in found] == [("tariff_imposed", "CAN")]



@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
def test_a_named_measure_and_a_measure_on_goods_stay_two(build, resources, parsed):
    text = ("Canada said it would impose a 25% duty on all copper imports. "
            "Ottawa also plans to introduce reciprocal tariffs on imports from all countries.")
    rows = article_events(build(text, parsed=parsed, published="2025-02-10", countries=[("Canada", "CAN", "name")],
                                orgs=[("Ottawa", "Ottawa|CAN")], rates=[("25%", 25.0, "duty")]), resources)
    found = sorted((r["event_type"], r["actor_iso3"], r["target_scope"], r["product"] or "") for r in rows)
    assert len([f for f in found if f[:3] == ("tariff_imposed", "CAN", "all")]) == 2, found
