"""A rate rise told as the new level: the event is an increase at the new rate, with the rate it replaced.

Every sentence is written for these tests in the style of 2025 wire copy and
parsed by the project's committed parser, as extract would; the rates rows
are written as the rates normalizer writes them (value, kind, previous value).
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events

USA = ("Washington", "USA", "government")
CHINESE = ("Chinese", "CHN", "demonym")


def _rate_events(build, resources, text: str, countries, rates) -> list[tuple]:
    rows = article_events(build(text, parsed=True, countries=countries, rates=rates), resources)
    return [(r["event_type"], r["actor_iso3"], r["target_iso3"], r["rate_value"], r["rate_previous"]) for r in rows]


@pytest.mark.parametrize("text, countries, rates, expected", [
    pytest.param("Washington raised tariffs on Chinese goods to 20% on Tuesday.", [USA, CHINESE],
                 [("20%", 20.0, "tariff")], ("tariff_increased", "USA", ["CHN"], 20.0, None), id="raised-to"),
    pytest.param("Washington increased the levy on Chinese steel from 10% to 25% last week.", [USA, CHINESE],
                 [("from 10% to 25%", 25.0, "levy", 10.0)], ("tariff_increased", "USA", ["CHN"], 25.0, 10.0),
                 id="from-to"),
    pytest.param("Washington raised its duty on Chinese chips to 50%, up from 25%, on Monday.", [USA, CHINESE],
                 [("to 50%, up from 25%", 50.0, "duty", 25.0)], ("tariff_increased", "USA", ["CHN"], 50.0, 25.0),
                 id="up-from"),
    pytest.param("Washington doubled the levy on Chinese aluminum to 50% last week.", [USA, CHINESE],
                 [("50%", 50.0, "levy")], ("tariff_increased", "USA", ["CHN"], 50.0, None), id="doubled-to"),
    # "imposed" with a higher new rate than the old one is a rise, not a new measure
    pytest.param("Washington imposed tariffs on Chinese cars of 25%, up from 10%.", [USA, CHINESE],
                 [("25%, up from 10%", 25.0, "tariff", 10.0)], ("tariff_increased", "USA", ["CHN"], 25.0, 10.0),
                 id="imposed-higher-rate"),
])
def test_a_rise_to_a_new_level_is_an_increase_at_that_level(build, resources, text, countries, rates, expected):
    assert _rate_events(build, resources, text, countries, rates) == [expected]


def test_an_additional_rate_keeps_its_own_rate(build, resources):
    # the annotation guideline codes an added tariff by its own rate; the resulting total is the alternative
    text = "Washington imposed an additional 10% tariff on Chinese imports, bringing the total to 20%."
    found = _rate_events(build, resources, text, [USA, CHINESE],
                         [("10%", 10.0, "tariff"), ("20%", 20.0, "other")])
    assert found == [("tariff_imposed", "USA", ["CHN"], 10.0, None)]


@pytest.mark.parametrize(("text", "previous"), [
    ("Washington raised the tariff rate on steel and aluminum to 25% from 10% on Monday.", None),
    ("Washington raised the tariff rate on aluminum to 25% from 10% on Monday.", 10.0),
])
def test_a_rate_before_is_read_only_for_a_measure_on_one_good(build, resources, text, previous):
    rows = article_events(build(text, parsed=True, countries=[USA],
                                rates=[("to 25% from 10%", 25.0, "tariff", 10.0)]), resources)
    assert [(r["event_type"], r["rate_value"], r["rate_previous"]) for r in rows] == \
        [("tariff_increased", 25.0, previous)]
