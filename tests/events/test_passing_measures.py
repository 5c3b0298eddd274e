"""A measure in force named in passing is one asserted event (`pipeline.events.passing`).

Sentences written for these tests in the style of 2025 market copy; the
officials and countries are given as the normalize stage would find them.
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events
from pipeline.events.passing import RULE_ID, passing_cues
from pipeline.events.arguments import Region
from pipeline.events.types import Cue, Party

COUNTRIES = [("Canada", "CAN", "name"), ("U.S.", "USA", "abbreviation"), ("Chinese", "CHN", "demonym"),
             ("Mexico", "MEX", "name"), ("China", "CHN", "name"), ("Ottawa", "CAN", "government"), ("American", "USA", "demonym")]
OFFICIALS = [("Trump", "USA", "Q22686")]


def _rows(build, resources, text: str, *, parsed: bool) -> list[tuple]:
    countries = [c for c in COUNTRIES if c[0] in text]
    officials = [o for o in OFFICIALS if o[0] in text]
    rows = article_events(build(text, parsed=parsed, countries=countries, officials=officials), resources)
    return sorted((r["event_type"], r["actor_iso3"], tuple(r["target_iso3"]), r["modality"]) for r in rows)


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
@pytest.mark.parametrize("text, expected", [
    pytest.param("Copper slid on Tuesday. Trump's latest steel and aluminum tariffs may disrupt drilling in Canada.",
                 ("tariff_imposed", "USA", (), "asserted"), id="possessive-goods-hedged-effect"),
    pytest.param("Stocks slid on Tuesday. Worries over Trump's tariffs on imports from Mexico weighed on stocks.",
                 ("tariff_imposed", "USA", ("MEX",), "asserted"), id="possessive-target-circumstance"),
    pytest.param("Stocks slid on Tuesday. The U.S. levies on Chinese goods weighed on stocks.",
                 ("tariff_imposed", "USA", ("CHN",), "asserted"), id="abbreviation-demonym-target"),
    pytest.param("Exporters were gloomy on Friday. Ottawa's duties on U.S. goods hurt them.",
                 ("tariff_imposed", "CAN", ("USA",), "asserted"), id="capital-possessive"),
])
def test_a_measure_named_in_passing_is_asserted(build, resources, parsed, text, expected):
    assert _rows(build, resources, text, parsed=parsed) == [expected]


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
@pytest.mark.parametrize("text", [
    pytest.param("Stocks slid on Tuesday. Trade tensions and tariffs weighed on stocks in Canada.", id="general-talk"),
    pytest.param("Stocks slid on Tuesday. Trump's tariff policies weighed on stocks in Canada.", id="policy"),
    pytest.param("Stocks slid on Tuesday. Trump's tariffs weighed on stocks.", id="no-goods-no-target"),
    pytest.param("Stocks slid on Tuesday. The U.S. said tariffs on steel would stay.", id="verb-after-bare-owner"),
    pytest.param("Stocks slid on Tuesday. Chinese tariffs weighed on stocks.", id="demonym-without-target"),
])
def test_vague_mentions_stay_non_events(build, resources, parsed, text):
    assert _rows(build, resources, text, parsed=parsed) == []


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
def test_a_measure_reported_elsewhere_is_not_repeated(build, resources, parsed):
    text = "Trump imposed tariffs on Mexico on Monday. Trump's tariffs on Mexico weighed on stocks."
    found = _rows(build, resources, text, parsed=parsed)
    assert [row for row in found if row[1] == "USA"] == [("tariff_imposed", "USA", ("MEX",), "asserted")]


def _cues(resources, text: str, parties: list[Party], triggers: list[Cue] = ()) -> list[str]:
    cues = passing_cues(text, parties, list(triggers), [Region(0, len(text))], resources.passing,
                        resources.owner_noun, resources.products)
    return [text[c.start:c.end] for c in cues if c.rule_id == RULE_ID]


def _party(text: str, surface: str, iso3: str, source: str = "country", form: str | None = "name") -> Party:
    start = text.index(surface)
    return Party(iso3, start, start + len(surface), f"p{start}", source, form)


@pytest.mark.parametrize("text, owner, form, expected", [
    pytest.param("Buyers weighed the Trump administration's duties on steel.", "Trump", None, ["duties"],
                 id="owner-noun-possessive"),
    pytest.param("Buyers weighed Trump's proposed tariffs on steel.", "Trump", None, [], id="plan-word"),
    pytest.param("Buyers weighed Trump's threatened levies on steel.", "Trump", None, [], id="threat-word"),
    pytest.param("Buyers noted Trump's opposition to an oil import duty.", "Trump", None, [], id="function-word"),
    pytest.param("Buyers weighed Canada tariffs on steel.", "Canada", "name", [], id="bare-name-is-ambiguous"),
    pytest.param("Buyers weighed Canada's tariffs on steel.", "Canada", "name", ["tariffs"], id="possessive-name"),
])
def test_passing_cues(resources, text, owner, form, expected):
    party = _party(text, owner, "CAN" if owner == "Canada" else "USA",
                   "official" if form is None else "country", form)
    assert _cues(resources, text, [party]) == expected


def test_a_tariff_trigger_in_the_clause_reads_the_measure_itself(resources):
    text = "Trump imposed tariffs on steel on Monday."
    trigger = Cue("t1", text.index("imposed"), text.index("imposed") + 7, "tariff_imposed", "triggers.csv:x:weak")
    assert _cues(resources, text, [_party(text, "Trump", "USA", "official", None)], [trigger]) == []


def test_a_list_after_a_serial_comma_stays_in_the_phrase_read_by_word_order(build, resources):
    # the parse reading takes its targets from the parse, which may hang the last name elsewhere
    text = "Stocks slid on Tuesday. Trump's duties on imports from Canada, Mexico, and China hurt margins."
    assert _rows(build, resources, text, parsed=False) == [("tariff_imposed", "USA", ("CAN", "CHN", "MEX"), "asserted")]


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
@pytest.mark.parametrize("text", [
    pytest.param("Stocks slid on Tuesday. Trump's duties on imports from Peru, Chile, and Bolivia hurt margins.",
                 id="passing-mention"),
    pytest.param("Stocks slid on Tuesday. Trump imposed duties on imports from Peru, Chile, and Bolivia on Monday.",
                 id="verb-trigger"),
])
def test_the_last_name_after_a_serial_comma_is_a_target(build, resources, parsed, text):
    # the parser hangs "Bolivia" on the verb (as its subject or as a conjunct of the verb), not on the list
    countries = [("Peru", "PER", "name"), ("Chile", "CHL", "name"), ("Bolivia", "BOL", "name")]
    rows = article_events(build(text, parsed=parsed, countries=countries, officials=[("Trump", "USA", "Q22686")]),
                          resources)
    assert [tuple(r["target_iso3"]) for r in rows] == [("BOL", "CHL", "PER")]


def test_a_list_of_two_then_a_comma_is_not_read_as_a_serial_list(build, resources):
    text = "Stocks slid on Tuesday. Trump's duties on imports from Peru and Chile, and Bolivia hurt margins."
    countries = [("Peru", "PER", "name"), ("Chile", "CHL", "name"), ("Bolivia", "BOL", "name")]
    rows = article_events(build(text, parsed=True, countries=countries, officials=[("Trump", "USA", "Q22686")]),
                          resources)
    assert [tuple(r["target_iso3"]) for r in rows] == [("CHL", "PER")]


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
def test_a_report_of_another_measure_does_not_absorb_a_passing_mention(build, resources, parsed):
    # the sanctions report names no target nor goods of the steel tariffs: it is not their report
    text = ("Copper slid on Tuesday. Trump's recent steel tariffs could slow drilling. "
            "U.S. sanctions imposed last month against tankers have cut Russian oil shipments.")
    found = _rows(build, resources, text, parsed=parsed)
    assert ("tariff_imposed", "USA", (), "asserted") in found
    assert [row for row in found if row[0] == "tariff_imposed"] == [("tariff_imposed", "USA", (), "asserted")]


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
def test_a_target_of_a_measure_to_come_is_not_hit_by_the_measure_in_force(build, resources, parsed):
    text = ("Shares fell on Monday. The retailer could suffer from U.S. levies on goods from Peru and Chile, "
            "analysts said. The proposed 20% levy on Peru imports would hurt its suppliers.")
    countries = [("U.S.", "USA", "abbreviation"), ("Peru", "PER", "name"), ("Chile", "CHL", "name"),
                 ("Peru", "PER", "name", 1)]
    rows = article_events(build(text, parsed=parsed, countries=countries), resources)
    imposed = [tuple(r["target_iso3"]) for r in rows if r["event_type"] == "tariff_imposed"]
    assert imposed == [("CHL",)]


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
@pytest.mark.parametrize("joined, expected", [
    pytest.param("on top of existing lumber duties", ("tariff_imposed", "USA", (), "asserted"), id="existing"),
    pytest.param("on top of tariffs on Chile", ("tariff_imposed", "USA", ("CHL",), "planned"), id="no-in-force-word"),
])
def test_a_joined_measure_said_to_exist_is_in_force(build, resources, parsed, joined, expected):
    text = f"Stocks slid on Monday. Trump plans to announce fresh 25% tariffs on all copper imports on Friday, {joined}."
    countries = [("Chile", "CHL", "name")] if "Chile" in text else []
    rows = article_events(build(text, parsed=parsed, countries=countries, officials=[("Trump", "USA", "Q22686")]),
                          resources)
    joined_rows = [(r["event_type"], r["actor_iso3"], tuple(r["target_iso3"]), r["modality"]) for r in rows
                   if "coordinated" in r["rule_id"]]
    assert joined_rows == [expected]
