"""Country names in place of codes, pseudo-target labels, and the fixed colour of each event type."""

from __future__ import annotations

import math

import pytest

from pipeline.events.types import EVENT_TYPES
from pipeline.report.names import OTHER_TYPE_COLOUR, TYPE_COLOURS, country_name, target_label, type_colour


@pytest.mark.parametrize(("code", "name"), [
    ("CAN", "Canada"),
    ("KOR", "South Korea"),  # pycountry's common name, not "Republic of Korea"
    ("TWN", "Taiwan"),
    ("USA", "United States"),
    ("EU", "European Union"),  # a project bloc code, named by models/countries/aliases.csv
    ("SUN", "Soviet Union"),  # an ISO 3166-3 code of a former state
    ("XKX", "Kosovo"),
    ("QQQ", "QQQ"),  # unknown codes are shown as they are, never dropped
])
def test_codes_become_names(code, name):
    assert country_name(code) == name


def test_the_code_can_follow_in_brackets():
    assert country_name("CHN", with_code=True) == "China (CHN)"
    assert country_name("QQQ", with_code=True) == "QQQ"


@pytest.mark.parametrize("missing", [None, math.nan, ""])
def test_a_missing_code_is_unknown(missing):
    assert country_name(missing) == "unknown"


@pytest.mark.parametrize(("target", "scope", "excluded", "label"), [
    ("JPN", "bilateral", [], "Japan"),
    (None, "all", [], "all countries"),
    (math.nan, "all_except", ["CHN", "EU"], "all except China, European Union"),
    (None, "unspecified", [], "unspecified"),
])
def test_pseudo_targets_are_labelled(target, scope, excluded, label):
    assert target_label(target, scope, excluded) == label


def test_every_event_type_has_its_own_colour():
    colours = [type_colour(t) for t in EVENT_TYPES]
    assert len(set(colours)) == len(EVENT_TYPES)
    assert OTHER_TYPE_COLOUR not in colours
    assert type_colour("not_a_type") == OTHER_TYPE_COLOUR


def test_colours_follow_the_vocabulary_not_the_data():
    # The first types take Okabe-Ito's palette in order, whatever a run's events hold.
    assert TYPE_COLOURS["tariff_imposed"] == "#E69F00"
    assert TYPE_COLOURS["tariff_increased"] == "#56B4E9"
