"""Goods named as a market's quote are no product of a tariff nearby; a measure that was refrained from is
negated; a probability of a measure named in passing is no measure in force (issue 22, the tariff timeline).

Sentences written for these tests in the style of 2025 market wraps and commodity notes.
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events
from pipeline.events.arguments import find_products
from pipeline.events.market import names_a_quote

FIELDS = ("event_type", "modality", "product", "rate_value")


@pytest.mark.parametrize(("text", "expected"), [
    ("copper prices slipped as traders weighed new tariffs", ()),
    ("Zinc and copper prices slipped as traders weighed", ()),  # both goods are prices
    ("U.S. steel futures jumped after the tariffs", ()),
    (" Tariffs, Copper Climbs To 6-Month Peak", ()),  # a clause of its own whose subject moves
    (" tariffs as steel fell on Friday", ()),
    (" tariffs while nickel slipped on Monday", ()),  # an opening word of market.csv opens the clause
    ("tariffs on copper imports", ("copper",)),
    ("tariffs on steel and copper rose to 50%", ("steel", "copper")),  # "and": goods a rate covers
    ("autos hit by the tariffs", ("autos",)),  # "hit" is no price move here, and not listed
    ("copper prices rose, and tariffs on copper followed", ("copper",)),  # the second copper is goods
])
def test_a_good_named_as_a_market_quote_is_no_product(resources, text, expected):
    assert find_products([text], resources) == expected


def test_names_a_quote_reads_the_price_noun_after_the_good(resources):
    text = "Aluminium and copper prices eased."
    start = text.index("Aluminium")
    assert names_a_quote(text, start, start + len("Aluminium"), resources.quoted_goods)
    assert not names_a_quote(text, start, start + len("Aluminium"), None)  # no words listed: goods as before


def test_the_clause_opening_words_come_from_market_csv(resources):
    # "as", "while", "before" open a clause (market.csv ``opening``); "and" is no opening: it coordinates goods
    for text in ("tariffs as copper fell", "curbs while copper fell", "duties before copper fell"):
        start = text.index("copper")
        assert names_a_quote(text, start, start + len("copper"), resources.quoted_goods)
    text = "tariffs on steel and copper fell"
    start = text.index("copper")
    assert not names_a_quote(text, start, start + len("copper"), resources.quoted_goods)


@pytest.mark.parametrize("text", [
    "Miners Rally On Trump's 10% Tariffs, Copper Climbs To 6-Month Peak",
    "Chipmakers Slide On Trump's 10% Tariffs, Steel Hits Record: Market Wrap",
])
def test_a_headline_good_that_moves_is_no_product_of_the_tariff(event_fields, text):
    found = event_fields(text, rates=[("10%", 10.0, "tariff")], officials=[("Trump", "USA", "donald-trump")])
    assert found == [("tariff_imposed", "asserted", None, 10.0)]


def test_tariffs_on_goods_keep_their_product(event_fields):
    found = event_fields("The U.S. raised tariffs on steel and copper to 50% on Monday.",
                         countries=[("U.S.", "USA", "abbreviation")], rates=[("50%", 50.0, "tariff")])
    assert found == [("tariff_increased", "asserted", "steel", 50.0)]


@pytest.mark.parametrize("text", [
    "Copper futures slid after Washington refrained from placing tariffs on copper imports.",
    "Copper futures slid after U.S. President Jane Roe refrained from imposing tariffs on imports of copper.",
])
def test_a_measure_refrained_from_is_negated(event_fields, text):
    found = event_fields(text, countries=[("Washington", "USA", "government")] if "Washington" in text
                         else [("U.S.", "USA", "abbreviation")],
                         officials=[("Jane Roe", "USA", "jane-roe")] if "Jane Roe" in text else [])
    assert found == [("tariff_imposed", "negated", "copper", None)]


@pytest.mark.parametrize(("text", "country"), [
    ("The bank sees a 60% probability of a 15% U.S. tariff on copper imports by year-end.", "U.S."),
    ("ANALYSTS SEE A 60% PROBABILITY OF A 15% US TARIFF ON COPPER IMPORTS BY YEAR-END", "US"),  # no parse
])
def test_a_probability_of_a_measure_is_no_measure_in_force(event_fields, text, country):
    found = event_fields(text, countries=[(country, "USA", "abbreviation")],
                         rates=[("15%", 15.0, "tariff"), ("60%", 60.0, "other")])
    assert found == []


def test_a_measure_named_in_passing_stays_in_force(event_fields):
    # the control: no word of a plan before the owner
    found = event_fields("Miners slipped as the 15% U.S. tariff on copper imports weighed on demand.",
                         countries=[("U.S.", "USA", "abbreviation")], rates=[("15%", 15.0, "tariff")])
    assert found == [("tariff_imposed", "asserted", "copper", 15.0)]
