"""Names that are no party to a measure: a country labelling a security or a currency, and the heading of a
section of a market roundup; and a measure "from" an official, who authors it.

Sentences written for these tests in the style of 2025 market wraps.
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events
from pipeline.events.market import names_a_market, section_heading


def _rows(build, resources, text: str, **specs) -> list[tuple[str, str | None, tuple[str, ...]]]:
    rows = article_events(build(text, **specs), resources)
    return [(row["event_type"], row["actor_iso3"], tuple(row["target_iso3"] or ())) for row in rows]


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("The New Zealand dollar slipped.", "New Zealand", True),
    ("Brazil's benchmark Bovespa index ended flat.", "Brazil", False),  # an index name the file does not list
    ("Italy's main FTSE MIB index ended flat.", "Italy", True),
    ("French 10-year government bond yields rose.", "French", True),
    ("Chilean shares rose.", "Chilean", True),
    ("Chilean exports of copper rose.", "Chilean", False),
    ("Peru's market for copper.", "Peru", False),  # a country's market is its economy, not a security
    ("Ghana won a quota.", "Ghana", False),  # "won": a verb as often as a currency, left out
])
def test_names_a_market_reads_the_security_after_the_name(resources, text, name, expected):
    end = text.index(name) + len(name)
    assert names_a_market(text, end, resources.market) is expected


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Intro line.\nNORWAY - Oslo shares fell.", "NORWAY", True),
    ("Intro line.\n  CHILE– Copper rose.", "CHILE", True),
    ("Intro line.\nNorway - a note.", "Norway", False),  # not in capitals
    ("Intro line.\nRates on NORWAY - fell.", "NORWAY", False),  # not the first word of its line
    ("Intro line.\nNORWAY said it would act.", "NORWAY", False),  # no dash
    ("Intro line.\nNORWAY-CHILE TALKS BEGIN", "NORWAY", False),  # a hyphen joining two names in a headline
])
def test_section_heading(text, name, expected):
    start = text.index(name)
    assert section_heading(text, start, start + len(name)) is expected


def test_a_currency_name_is_no_actor_of_a_measure(build, resources):
    text = "The Chilean peso weakened as Washington's new duties on copper took effect."
    found = _rows(build, resources, text,
                  countries=[("Chilean", "CHL", "demonym"), ("Washington", "USA", "government")])
    assert found == [("tariff_imposed", "USA", ())]


def test_a_roundup_heading_is_no_party(build, resources):
    text = "Markets were mixed.\nCHILE - Investors took new duties on copper from President Jane Roe in their stride."
    found = _rows(build, resources, text, parsed=True, countries=[("CHILE", "CHL", "name")],
                  officials=[("President Jane Roe", "USA", "jane-roe")])
    assert found  # the measure is read, so the check below is about its parties
    assert all(actor != "CHL" and "CHL" not in targets for _, actor, targets in found)


def test_a_measure_from_an_official_is_authored_by_that_officials_government(build, resources):
    # the parser hangs "from U.S. President …" on the goods: neither the goods' origin nor a target
    text = "Chile shrugged off new tariffs on steel and copper from U.S. President Jane Roe."
    found = _rows(build, resources, text, parsed=True,
                  countries=[("Chile", "CHL", "name"), ("U.S.", "USA", "abbreviation")],
                  officials=[("President Jane Roe", "USA", "jane-roe")])
    assert found == [("tariff_imposed", "USA", ())]


def test_a_measure_on_goods_from_a_country_still_falls_on_it(build, resources):
    text = "Lima imposed new duties on refined copper from Chile."
    found = _rows(build, resources, text, parsed=True,
                  countries=[("Lima", "PER", "capital"), ("Chile", "CHL", "name")])
    assert [(actor, targets) for _, actor, targets in found] == [("PER", ("CHL",))]
