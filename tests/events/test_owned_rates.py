"""A stated rate a government owns names a measure without a trigger (`pipeline.events.owned`).

Sentences written for these tests in the style of 2025 market copy. The first
sentence of each text holds a trigger; the stage also reads an article whose
only measure is an owned rate (tests/events/test_stage.py).
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events
from pipeline.events.arguments import Region
from pipeline.events.owned import RULE_ID, owned_rate_cues
from pipeline.events.types import Cue, Party, RateRef

OPENING = "Peru raised duties on Bolivian copper last year. "
COUNTRIES = [("Peru", "PER", "name"), ("Bolivian", "BOL", "demonym")]


def _rows(build, resources, text: str, countries, *, parsed: bool) -> list[tuple]:
    rows = article_events(build(text, parsed=parsed, countries=COUNTRIES + countries,
                                rates=[("25%", 25.0, "duty")]), resources)
    return sorted((r["event_type"], r["actor_iso3"], r["target_iso3"], r["rate_value"]) for r in rows)


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
def test_a_rate_owned_by_a_government_names_its_measure(build, resources, parsed):
    text = OPENING + "Exporters are still digesting Canada's 25% duty on Chilean steel."
    found = _rows(build, resources, text, [("Canada", "CAN", "name"), ("Chilean", "CHL", "demonym")], parsed=parsed)
    assert ("tariff_imposed", "CAN", ["CHL"], 25.0) in found


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
def test_a_rate_without_an_owner_names_no_measure(build, resources, parsed):
    text = OPENING + "Exporters are still digesting the 25% duty on Chilean steel."
    found = _rows(build, resources, text, [("Chilean", "CHL", "demonym")], parsed=parsed)
    assert [e for e in found if e[3] == 25.0] == []


def _cue(resources, text: str, trigger: str | None = None) -> list[Cue]:
    start = text.index("25%")
    rate = RateRef("r1", start, start + 3, 25.0, None, "percent", "tariff", None)
    party = Party("USA", text.index("U.S."), text.index("U.S.") + 4, "c1", "country", "abbreviation")
    triggers = [Cue("t1", text.index(trigger), text.index(trigger) + len(trigger), "tariff_increased",
                    "triggers.csv:tariff_increased:weak")] if trigger else []
    return owned_rate_cues(text, [rate], [party], triggers, [Region(0, len(text))], resources.owner_gap)


@pytest.mark.parametrize("text, trigger, expected", [
    pytest.param("Traders weighed the U.S. 25% tariff on steel.", None, [RULE_ID], id="bare-name-before-the-rate"),
    pytest.param("Traders weighed the U.S.'s new 25% tariff on steel.", None, [RULE_ID], id="possessive-two-words"),
    pytest.param("The U.S. raised its tariff on steel to 25% on Monday.", "raised", [], id="a-trigger-reads-the-rate"),
    pytest.param("U.S. steelmakers said 25% tariffs would help.", None, [], id="owner-too-far"),
])
def test_owned_rate_cues(resources, text, trigger, expected):
    assert [c.rule_id for c in _cue(resources, text, trigger)] == expected
