"""Organizations behind descriptions and data sources, end to end on a story of our own.

A data source names the body that issued it ("according to Valdorian customs data"), never a name nearby; a
bare description ("the group", "the regulator") stands for the organization the story described with the
same noun before; a bare "the company" falls back to the firm in an earlier speaker's title when no
organization is tagged.
"""

from __future__ import annotations

import pytest

from tests.normalize.helpers import quotes_of, row

STORY = """Valdoria weighs limits on plastic cutlery

VALDORA

Plastic fork imports rose 12% last year, the state broadcaster VTV said in a bulletin.
Imports reached 40 million dollars in January, according to Valdorian customs data.
The Securities Board of Valdoria, the market regulator, opened a review of cutlery makers on Monday.
The regulator said that two firms had misstated their costs.
Mark Tolver, chairman of Brinewood Utensil Corp, said that the duties would hurt sales.
He will retire in June, the company said.
"""


@pytest.fixture(scope="module")
def quotes(tmp_path_factory):
    return quotes_of(tmp_path_factory.mktemp("descriptions"), STORY)


@pytest.mark.parametrize(
    ("start", "speaker"),
    [
        # a data source with a body noun names the body, not the broadcaster named before
        ("Imports reached 40 million", "Valdorian customs"),
        # "the regulator": the organization set off as "the market regulator" before
        ("two firms had misstated", "Securities Board of Valdoria"),
        # "the company" after a person's title that names the firm
        ("He will retire in June", "Brinewood Utensil Corp"),
    ],
)
def test_descriptions_stand_for_the_organization(quotes, start, speaker):
    assert row(quotes, start)["speaker_name"] == speaker


KINDS = """Ruritania fines a broker

VALDORA

On Monday, the Securities Commission of Ruritania fined Kestrel Brokers for mis-selling.
In the order, the regulator noted that the broker had ignored earlier warnings.
The Harbour Union, the dockworkers' union, said on Tuesday that it opposed the new rules.
Ruritania's Dockworkers Federation, the largest port federation, opposed the refund rule.
Refunds would raise fares, the port federation said.
"""


@pytest.fixture(scope="module")
def kind_quotes(tmp_path_factory):
    return quotes_of(tmp_path_factory.mktemp("kinds"), KINDS)


@pytest.mark.parametrize(
    ("start", "speaker"),
    [
        # "the regulator": the nearest organization whose name shows a regulator ("Securities")
        ("the broker had ignored", "Securities Commission of Ruritania"),
        # "the port federation", with a modifier: the organization set off as "the largest port federation"
        ("Refunds would raise fares", "Dockworkers Federation"),
    ],
)
def test_a_kind_of_body_stands_for_the_organization_of_that_kind(kind_quotes, start, speaker):
    assert row(kind_quotes, start)["speaker_name"] == speaker


def test_a_kind_of_firm_stands_for_the_firm_whose_staff_spoke(tmp_path):
    story = """Harwick sees prices rising

Harwick Brothers analysts expect consumer prices to rise faster in March.
The investment bank said that import duties would add to costs.
"""
    assert row(quotes_of(tmp_path, story), "import duties would add")["speaker_name"] == "Harwick Brothers"


def test_a_data_source_cites_the_firm_after_its_preposition(tmp_path):
    story = """Valdoria's chip output grows

Domestic makers will supply about a third of demand this year, according to estimates from Harwick Chip Research, a consultancy.
"""
    found = row(quotes_of(tmp_path, story), "Domestic makers will supply")
    assert found["speaker_name"] == "Harwick Chip Research"


def test_a_description_after_a_name_says_it_is_an_organization(tmp_path):
    story = """Carrier plans new routes

Ruritania Air, a state-owned airline, said it plans to begin flights to Valdora next year.
Dock workers met on Monday, and the union's Harbour Lines bargaining unit will meet again on Friday.
The union said it would strike unless talks resumed.
"""
    quotes = quotes_of(tmp_path, story)
    airline = row(quotes, "it plans to begin flights")
    assert (airline["speaker_name"], airline["speaker_kind"]) == ("Ruritania Air", "organization")
    # "the union's Harbour Lines": a name after the noun's possessive is the union's, not the union
    assert row(quotes, "it would strike")["speaker_name"] != "Harbour Lines"
