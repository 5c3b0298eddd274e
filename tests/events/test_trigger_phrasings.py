"""Trigger phrasings of trade measures: implementing, weighing, investigating, cutting off, a threat for.

Every sentence is written for these tests in the style of trade news (none
is taken from an article) and parsed by the project's committed parser, as
extract would; the expected rows are the right reading. Each phrasing has a
sentence that must stay without an event, so that the lexicon keeps its
precision.
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events

FIELDS = ("event_type", "actor_iso3", "target_iso3", "modality")
USA = ("Washington", "USA", "government")
BRAZILIAN = ("Brazilian", "BRA", "demonym")


def _triggers(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(span.text, span.label_) for span in doc.spans.get("trigger", [])]


@pytest.mark.parametrize("text, countries, expected", [
    pytest.param("Washington will implement 15% tariffs on Brazilian coffee.", [USA, BRAZILIAN],
                 ("tariff_imposed", "USA", ["BRA"], "planned"), id="implement-tariffs"),
    pytest.param("Washington may follow through on its threat for 20% duties on Brazilian coffee.", [USA, BRAZILIAN],
                 ("tariff_threatened", "USA", ["BRA"], "threatened"), id="threat-for-duties"),
    pytest.param("Washington said levies on Brazilian coffee were under consideration.", [USA, BRAZILIAN],
                 ("tariff_imposed", "USA", ["BRA"], "possible"), id="under-consideration"),
    pytest.param("Washington is investigating Brazil's unfair trade practices.", [USA, ("Brazil", "BRA", "name")],
                 ("investigation", "USA", ["BRA"], "asserted"), id="investigating-unfair-trade"),
    pytest.param("Washington investigated imports of Brazilian steel for dumping.", [USA, BRAZILIAN],
                 ("investigation", "USA", ["BRA"], "asserted"), id="investigated-dumping"),
    pytest.param("Brussels moved to cut off Russian oil.", [("Brussels", "EU", "government"),
                                                           ("Russian", "RUS", "demonym")],
                 ("trade_restriction", "EU", ["RUS"], "asserted"), id="cut-off-oil"),
    pytest.param("Moscow cut off gas supplies to Ukraine last winter.", [("Moscow", "RUS", "government"),
                                                                        ("Ukraine", "UKR", "name")],
                 ("trade_restriction", "RUS", ["UKR"], "asserted"), id="cut-off-gas-supplies"),
])
def test_a_phrasing_of_a_measure_is_an_event(event_fields, text, countries, expected):
    assert event_fields(text, countries=countries) == [expected]


@pytest.mark.parametrize("text", [
    # a retaliation named by the verb alone, outside trade copy (a vowed retaliation in trade context is a
    # threat: tests/events/test_threats_and_joined_measures.py)
    "The rebels vowed to retaliate against the army.",
    # a retaliatory measure names no trade measure by itself (a trade bill "promising retaliatory measures")
    "The trade bill promises retaliatory measures against closed markets.",
    # a proposal under consideration that is no measure
    "The merger proposal is under consideration by the board.",
    # an investigation without a trade remedy is no trade investigation
    "Prosecutors are investigating the former minister.",
    # a cut-off without a commodity after it
    "The storm cut off roads to the port.",
    # implementing without a tariff word
    "Officials will implement the new customs software next month.",
])
def test_a_phrasing_without_its_context_is_no_trigger(trigger_nlp, text):
    assert _triggers(trigger_nlp, text) == []


def test_a_commodity_is_no_context_for_talks(trigger_nlp):
    # the commodities of a cut-off are no trade words: an oil producers' meeting is no trade talk
    assert _triggers(trigger_nlp, "Oil ministers met in Vienna to discuss crude supply.") == []


def test_a_cut_off_without_a_government_is_no_event(event_fields):
    text = "Storms cut off oil supplies from the Gulf of Mexico."
    assert event_fields(text, countries=[("Mexico", "MEX", "name")]) == []


def test_a_negated_consideration_stays_negated(event_fields):
    text = "Washington said levies on Brazilian coffee were not under consideration."
    assert event_fields(text, countries=[USA, BRAZILIAN]) == [("tariff_imposed", "USA", ["BRA"], "negated")]


def test_goods_named_before_a_measure_under_consideration_are_its_products(build, resources):
    text = "Washington said tariffs on cars were under consideration."
    rows = article_events(build(text, parsed=True, countries=[USA]), resources)
    # the goods stand before the trigger; a measure on goods that names no country falls on every origin
    assert [(r["event_type"], r["product"], r["target_scope"], r["modality"]) for r in rows] == [
        ("tariff_imposed", "autos", "all", "possible")]


@pytest.mark.parametrize("text, expected", [
    ("Sanctions raised concerns about Russian oil supplies.", []),
    ("The duties have raised fears of a wider trade war.", []),
    # the measure named by "new" stays; only the raising of a prospect is no increase
    ("New tariffs are raising the prospect of higher prices.", [("New", "tariff_imposed")]),
])
def test_raising_a_concern_raises_no_measure(trigger_nlp, text, expected):
    assert _triggers(trigger_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "deal" is trade context, but never its own: a headline trigger needs another word of trade
    ("Banks sign eurobond deal\nThe banks will lead the issue.", []),
    ("Banks sign trade deal\nThe banks will lead the issue.", [("trade deal", "agreement")]),
    ("Ministers sign steel deal\nThe tariffs on steel end in May.", []),
])
def test_a_headline_trigger_is_not_its_own_context(trigger_nlp, text, expected):
    assert _triggers(trigger_nlp, text) == expected
