"""Type and modality of one measure: reprieves told with their length, a central bank's pauses, undone threats
with modifiers, suggestions across a subject, restored tariffs, promised tariffs made known (docs/events.md
section 33; sentences written for the tests)."""

from __future__ import annotations

import pytest

FIELDS = ("event_type", "actor_iso3", "target_iso3", "modality")

US = ("Washington", "USA", "government")
PARTIES = [US, ("Beijing", "CHN", "government"), ("Ottawa", "CAN", "government"),
           ("Mexico City", "MEX", "government"), ("U.S.", "USA", "abbreviation"), ("Korean", "KOR", "demonym")]


def _parties(text: str) -> list[tuple[str, str, str]]:
    return [p for p in PARTIES if p[0] in text]


def test_a_reprieve_told_with_its_length_is_a_pause(event_fields):
    text = ("Washington imposed new duties on Beijing, although it granted Ottawa and "
            "Mexico City a three-month reprieve.")
    rows = event_fields(text, countries=_parties(text), published="2025-02-14")
    assert ("tariff_suspended", "USA", ["CAN", "MEX"], "asserted") in rows


def test_a_central_bank_delaying_rate_cuts_pauses_no_tariff(event_fields):
    text = "The bank sees the peso weaker by June on Washington tariffs and the Fed delaying rate cuts to next year."
    rows = event_fields(text, countries=_parties(text), published="2025-02-14")
    assert not [r for r in rows if r[0] == "tariff_suspended"]


@pytest.mark.parametrize("text, expected", [
    pytest.param("Washington delayed its harshest tariff threats on imports from Ottawa and Mexico City last week.",
                 [("tariff_suspended", "USA", ["CAN", "MEX"], "asserted")], id="delaying-a-threat-with-modifiers"),
    pytest.param("Stocks slipped after Washington outlined the promised tariffs on imports of copper.",
                 [("tariff_imposed", "USA", [], "asserted")], id="outlining-the-promised-tariffs"),
])
def test_the_one_reading_of_a_measure(event_fields, text, expected):
    """Delaying a threat with modifiers is a pause, not a threat; outlining promised tariffs is the imposition."""
    rows = event_fields(text, countries=_parties(text), published="2025-02-14")
    assert rows == expected


@pytest.mark.parametrize("text", [
    pytest.param("Washington suggested that the U.S. should impose tariffs of up to 80 percent on Korean-made chips.",
                 id="suggested-across-its-subject-and-modal"),
    pytest.param("Washington promised tariffs on imports of copper.", id="a-promise-of-tariffs"),
])
def test_a_measure_suggested_or_promised_is_a_threat(event_fields, text):
    rows = event_fields(text, countries=_parties(text), published="2025-02-14")
    assert [r[0] for r in rows] == ["tariff_threatened"]


def test_restoring_a_tariff_imposes_it(event_fields):
    text = "Washington signed orders to restore the 25 per cent tariff on copper imports."
    rows = event_fields(text, countries=_parties(text), published="2025-02-14")
    assert [r[:2] for r in rows] == [("tariff_imposed", "USA")]


def test_a_name_signed_is_an_imposition(event_fields):
    text = "Washington signed its plan for reciprocal tariffs but delayed their start to allow for talks."
    rows = event_fields(text, countries=_parties(text), published="2025-02-14")
    assert ("tariff_imposed", "USA", [], "asserted") in rows
    assert not [r for r in rows if r[0] == "tariff_threatened"]


def test_a_name_signing_hedged_stays_possible(event_fields):
    text = "Washington said it might sign reciprocal levies on Wednesday."
    rows = event_fields(text, countries=_parties(text), published="2025-02-14")
    assert [r[0::3] for r in rows] == [("tariff_imposed", "possible")]


def test_tariffs_increasing_uncertainty_raise_no_tariff(event_fields):
    text = "The tariffs have increased uncertainty for farmers in Mexico City and Ottawa."
    rows = event_fields(text, countries=_parties(text), published="2025-02-14")
    assert not [r for r in rows if r[0] == "tariff_increased"]
