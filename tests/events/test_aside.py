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


INDIA_USA = [("India", "IND", "name"), ("American", "USA", "demonym")]


@pytest.mark.parametrize("text, kept", [
    pytest.param("Most scenarios of the broker would lift the average tariff rate of Washington by two points.",
                 False, id="verb-on-an-average"),
    pytest.param("Washington's plan means an average tariff increase of one point on Chinese goods, the broker says.",
                 False, id="average-in-the-measure-noun"),
    pytest.param("Washington will raise the tariff rate on Chinese steel by two points.", True, id="a-rate-set"),
])
def test_a_statistic_over_many_measures_is_no_event(build, resources, text, kept):
    countries = USA_CHN if "Chinese" in text else USA_CHN[:1]
    found = [e for e in _events(build, resources, text, countries=countries) if e[1] == "USA"]
    assert bool(found) == kept


@pytest.mark.parametrize("text, kept", [
    pytest.param("The broker notes that India has higher tariffs on American goods.", False, id="has"),
    pytest.param("The broker notes that India and Brazil have higher tariffs on American farm goods.", False,
                 id="have-in-the-present"),
    pytest.param("India will have higher tariffs on American farm goods from Monday.", True, id="will-have"),
])
def test_a_level_compared_is_no_increase(build, resources, text, kept):
    countries = [*INDIA_USA, ("Brazil", "BRA", "name")] if "Brazil" in text else INDIA_USA
    found = [e for e in _events(build, resources, text, countries=countries) if e[0] == "tariff_increased"]
    assert bool(found) == kept


def test_the_subject_of_talks_is_no_step_taken(build, resources):
    text = "Discussions on trade and the reduction of import duties will dominate the visit of India's minister."
    found = _events(build, resources, text, countries=INDIA_USA[:1])
    assert [e for e in found if e[0] == "tariff_reduced"] == []
    done = "India announced a reduction of import duties on American motorcycles."
    assert [e[:2] for e in _events(build, resources, done, countries=INDIA_USA)] == [("tariff_reduced", "IND")]


@pytest.mark.parametrize("text, kept", [
    pytest.param("Optimism grew on expectations of a delay in Washington's new duties on Chinese steel.", False,
                 id="through-a-noun-to-an-effect-noun"),
    pytest.param("Washington announced a delay in its new duties on Chinese steel.", True, id="the-delay-itself"),
])
def test_a_measure_behind_a_noun_of_effect_is_a_circumstance(build, resources, text, kept):
    assert bool(_events(build, resources, text, countries=USA_CHN)) == kept
