"""Recall rules for 2025 wire copy: a report kept beside what later befell its measure, the speaker before "said".

Every sentence is written for these tests in the style of 2025 market copy (none is taken from an
article) and parsed by the project's committed parser, as extract would.
"""

from __future__ import annotations

import pytest

FIELDS = ("event_type", "actor_iso3", "target_iso3", "rate_value")
TRUMP = ("Trump", "USA", "donald-trump")


def test_a_report_keeps_its_measure_when_a_relative_clause_tells_what_befell_it(event_fields):
    # "which he later delayed" has a subject of its own: it tells what happened to the levies, so the
    # announcement is not given way to it, and both the imposition and the pause are read.
    text = ("Stocks recovered after Trump announced 15% duties on Brazil, along with 20% levies on Chile, "
            "which he later delayed.")
    found = event_fields(text, countries=[("Brazil", "BRA", "name"), ("Chile", "CHL", "name")],
                         officials=[TRUMP], rates=[("15%", 15.0, "duty"), ("20%", 20.0, "levy")])
    assert ("tariff_imposed", "USA", ["BRA"], 15.0) in found
    assert any(e[0] == "tariff_suspended" for e in found)


def test_a_report_still_gives_way_to_the_measure_it_announces(event_fields):
    # no relative clause: "announced" reports the delay, which is the one event
    text = "Trump announced he would delay the 20% levies on Chile."
    found = event_fields(text, countries=[("Chile", "CHL", "name")], officials=[TRUMP],
                         rates=[("20%", 20.0, "levy")])
    assert [e[0] for e in found] == ["tariff_suspended"]


@pytest.mark.parametrize("parsed", [True, False], ids=["parsed", "word-order"])
def test_the_party_right_before_said_is_the_speaker_not_a_guest_named_before(event_fields, parsed):
    text = ("At a dinner with visiting Korean President Lee Jae-myung, Trump said he could impose tariffs on "
            "several countries soon.")
    found = event_fields(text, parsed=parsed, countries=[("Korean", "KOR", "demonym")],
                         officials=[("Lee Jae-myung", "KOR", "lee-jae-myung"), TRUMP])
    assert found and all(e[1] == "USA" for e in found)
