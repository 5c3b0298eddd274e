"""Measures held in a market's hope or optimism, and measures forecast to alter something (issue 18, false rows).

Every sentence is written for these tests in the style of 2025 market copy (none is taken from an article) and
parsed by the project's committed parser, as extract would.
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events

FIELDS = ("event_type", "actor_iso3", "target_iso3", "modality")
USA = [("Washington", "USA", "government")]
USA_PER = [*USA, ("Peru", "PER", "name")]


def _events(build, resources, text: str, countries) -> list[tuple]:
    rows = article_events(build(text, parsed=True, countries=countries), resources)
    return [(row["event_type"], row["actor_iso3"], row["modality"]) for row in rows]


@pytest.mark.parametrize("text", [
    pytest.param("Oil prices were lower, as pressure from weak data was offset by optimism for a pause in new "
                 "U.S. tariffs.", id="optimism-for-a-pause"),
    pytest.param("The rand firmed on hopes for a delay in new U.S. tariffs.", id="hopes-for-a-delay"),
])
def test_a_measure_a_market_hopes_about_is_no_event(build, resources, text):
    # the tariffs complete a pause that completes the market's hope: what is hoped for, not a measure taken
    assert _events(build, resources, text, [("U.S.", "USA", "name")]) == []


def test_a_government_that_hopes_for_a_deal_still_acts(build, resources):
    # "hope" as a verb is no noun of effect: the imposition the sentence reports stays
    text = "Washington imposed new tariffs on Peru on Monday and hopes to talk soon."
    assert ("tariff_imposed", "USA", "asserted") in _events(build, resources, text, USA_PER)


def test_a_measure_forecast_to_alter_something_is_no_event(build, resources):
    text = "The new duties imposed by Washington on Peru could alter trade flows in copper, miners say."
    assert _events(build, resources, text, USA_PER) == []


def test_a_measure_that_altered_something_last_week_stays_news(build, resources):
    text = "New duties imposed by Washington on Peru altered copper trade flows last week."
    assert [e[:2] for e in _events(build, resources, text, USA_PER)] == [("tariff_imposed", "USA")]


CHINA_USA = [("Beijing", "CHN", "government"), ("U.S.", "USA", "name")]
PM_QUOTE = "Beijing raising tariffs on U.S. soybeans shows how far this has gone,"


@pytest.mark.parametrize("description", [
    pytest.param("a portfolio manager at Harbourline Partners", id="portfolio-manager"),
    pytest.param("a director at Kestrel Private Wealth", id="wealth-firm"),
])
def test_a_money_managers_own_words_are_commentary(event_fields, description):
    text = f'"{PM_QUOTE}" said Dana Whitfield, {description}.'
    quote = (PM_QUOTE, None, "direct", "Dana Whitfield")
    assert event_fields(text, countries=CHINA_USA, quotes=[quote]) == []


def test_the_same_words_of_a_speaker_of_no_such_trade_stay_an_event(event_fields):
    # control: a description with no word of commentary keeps the measure the quotation tells
    text = f'"{PM_QUOTE}" said Dana Whitfield, a farmer in Iowa.'
    quote = (PM_QUOTE, None, "direct", "Dana Whitfield")
    found = event_fields(text, countries=CHINA_USA, quotes=[quote])
    assert [e[:2] for e in found] == [("tariff_increased", "CHN")]


CAN_USA = [("Washington", "USA", "government"), ("Ottawa", "CAN", "government")]


@pytest.mark.parametrize("text, countries", [
    pytest.param("Gold climbed after Washington's new tariff threat against Ottawa on Monday.", CAN_USA,
                 id="possessed-threat"),
    pytest.param("Canadian dollar firms as investors shrug off new tariff threat", [("Canadian", "CAN", "demonym")],
                 id="market-headline"),
])
def test_a_new_tariff_threat_is_no_new_tariff(build, resources, text, countries):
    # "new" and "tariff" modify "threat": at most a threat, never an imposition
    assert "tariff_imposed" not in [e[0] for e in _events(build, resources, text, countries)]


def test_new_tariffs_stay_an_imposition(build, resources):
    text = "Washington imposed new tariffs on Ottawa."
    assert _events(build, resources, text, CAN_USA) == [("tariff_imposed", "USA", "asserted")]


@pytest.mark.parametrize("text, imposed", [
    pytest.param("Washington's new round of tariff threats on steel lifted gold.", False, id="round-of-threats"),
    pytest.param("Washington announced a new round of tariffs on steel.", True, id="round-of-tariffs"),
])
def test_a_new_round_of_threats_is_no_new_tariff(build, resources, text, imposed):
    found = [e[0] for e in _events(build, resources, text, USA)]
    assert ("tariff_imposed" in found) == imposed


@pytest.mark.parametrize("text, kept", [
    pytest.param("Over the past decades, medicines from Peru have generally been exempt from Washington's tariffs.",
                 False, id="generally-exempt"),
    pytest.param("Washington usually imposes duties on Peru when its copper floods the market.", False,
                 id="usually-imposes"),
    pytest.param("Washington imposed duties on Peru on Monday.", True, id="a-step-taken"),
])
def test_a_habit_or_standing_state_is_no_event(build, resources, text, kept):
    assert bool(_events(build, resources, text, USA_PER)) == kept
