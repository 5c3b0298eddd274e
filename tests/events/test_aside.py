"""Measures a sentence holds aside: inverted conditions, peace talks, and measures behind an effect.

Every sentence is written for these tests in the style of 2025 market and
wire copy (none is taken from an article) and parsed by the project's
committed parser, as extract would.
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events

USA_CHN = [("Washington", "USA", "government"), ("Chinese", "CHN", "demonym")]
NEIGHBOURS = [("Ukraine", "UKR", "name"), ("Russia", "RUS", "name")]


def _events(build, resources, text: str, **specs) -> list[tuple]:
    rows = article_events(build(text, parsed=True, **specs), resources)
    return [(row["event_type"], row["actor_iso3"], row["modality"]) for row in rows]


def test_a_measure_in_an_inverted_condition_is_no_event(build, resources):
    text = "Bond buyers are positioning for a tighter Fed should prices keep rising or duties be imposed by Washington."
    assert _events(build, resources, text, countries=USA_CHN[:1]) == []


def test_should_after_its_subject_opens_no_condition(build, resources):
    text = "Washington should impose duties on Chinese steel, the senator said."
    assert [e[:2] for e in _events(build, resources, text, countries=USA_CHN)] == [("tariff_imposed", "USA")]


@pytest.mark.parametrize("subject, kept", [
    pytest.param("the war", False, id="war-is-peace-diplomacy"),
    pytest.param("the tariff war", True, id="tariff-war-is-trade"),
])
def test_talks_to_end_a_war_are_no_trade_negotiation(build, resources, subject, kept):
    text = (f"Trade between the two has collapsed. Russia and Ukraine will start negotiations to end "
            f"{subject}, the envoy said.")
    found = [e for e in _events(build, resources, text, countries=NEIGHBOURS) if e[0] == "negotiation"]
    assert bool(found) == kept


@pytest.mark.parametrize("text", [
    pytest.param("Traders weighed the likely effect of the new duties imposed by Washington.", id="participle"),
    pytest.param("Risks include supply disruptions resulting from duties imposed by Washington.",
                 id="participle-of-an-effect"),
])
def test_a_measure_named_behind_an_effect_is_no_event(build, resources, text):
    assert _events(build, resources, text, countries=USA_CHN[:1]) == []


def test_a_measure_described_by_its_participle_stays_news(build, resources):
    text = "The new duties imposed by Washington on Chinese steel took effect on Monday."
    assert [e[:2] for e in _events(build, resources, text, countries=USA_CHN)] == [("tariff_imposed", "USA")]


@pytest.mark.parametrize("text, target", [
    pytest.param("Washington's new sanctions on Russian crude would not affect output much, the agency says.",
                 ("Russian", "RUS", "demonym"), id="would-not"),
    pytest.param("The expansion of Washington's sanctions on Chinese chip firms could disrupt supply chains.",
                 ("Chinese", "CHN", "demonym"), id="could-through-a-noun"),
])
def test_a_measure_whose_effect_is_forecast_is_no_event(build, resources, text, target):
    assert _events(build, resources, text, countries=[USA_CHN[0], target]) == []


def test_a_measure_whose_effect_is_told_as_past_stays_news(build, resources):
    text = "Washington's new duties on Chinese chips hit importers last week."
    assert [e[:2] for e in _events(build, resources, text, countries=USA_CHN)] == [("tariff_imposed", "USA")]


def test_a_measure_expected_to_have_an_effect_is_no_event(build, resources):
    text = "The shipyard said it does not expect Washington's new duties on Chinese steel to cut into its margins."
    assert _events(build, resources, text, countries=USA_CHN) == []
    both = "The shipyard does not expect existing or new Washington duties on Chinese steel to cut into its margins."
    assert _events(build, resources, both, countries=USA_CHN) == []


def test_a_measure_under_a_participle_of_no_cause_stays_news(build, resources):
    # "the costs of defending …": the measure completes "defending", which names no cause of the costs
    text = "The bill repays the costs of defending growers against a Chinese anti-dumping investigation this year."
    found = _events(build, resources, text, countries=[("Chinese", "CHN", "demonym")])
    assert [e[:2] for e in found] == [("investigation", "CHN")]
