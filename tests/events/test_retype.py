"""Sanctions and polarity: candidates retyped by the words around their trigger (sentences written for the tests)."""

from __future__ import annotations

import re

import pytest

from pipeline.events import article_events
from pipeline.events.retype import read_retype_rules


def _types(build, resources, text, **specs) -> list[tuple[str, str | None, list[str]]]:
    return [(r["event_type"], r["actor_iso3"], r["target_iso3"]) for r in article_events(build(text, **specs),
                                                                                         resources)]


CASES = [
    pytest.param("Washington imposed new sanctions on Tehran over its missile program.",
                 {"countries": [("Washington", "USA", "government"), ("Tehran", "IRN", "government")]},
                 [("sanction", "USA", ["IRN"])], id="sanctions-alone-are-a-sanction"),
    pytest.param("The United States imposed sanctions on Moscow under CAATSA, freezing the assets of two banks.",
                 {"countries": [("United States", "USA", "name"), ("Moscow", "RUS", "government")]},
                 [("sanction", "USA", ["RUS"])], id="caatsa"),
    pytest.param("Washington imposed trade sanctions on Japanese electronics imports.",
                 {"countries": [("Washington", "USA", "government"), ("Japanese", "JPN", "demonym")]},
                 [("tariff_imposed", "USA", ["JPN"])], id="sanctions-on-goods-stay-tariffs"),
    pytest.param("Brussels threatened sanctions against Minsk.",
                 {"countries": [("Brussels", "EU", "government"), ("Minsk", "BLR", "government")]},
                 [("sanction", "EU", ["BLR"])], id="threatened-sanction"),
    pytest.param("Ottawa lifted its sanctions on Caracas.",
                 {"countries": [("Ottawa", "CAN", "government"), ("Caracas", "VEN", "government")]},
                 [], id="lifting-sanctions-is-no-tariff-removal"),
    pytest.param("Washington will close loopholes and exemptions to its steel tariffs.",
                 {"countries": [("Washington", "USA", "government")]}, [], id="closing-exemptions-is-no-exemption"),
    pytest.param("Canada and Mexico had received exemptions from the U.S. steel tariffs.",
                 {"countries": [("Canada", "CAN", "name"), ("Mexico", "MEX", "name"), ("U.S.", "USA", "abbreviation")]},
                 [], id="an-exemption-had-received-is-past"),
    pytest.param("Washington announced the removal of the duty free status of small parcels from Vietnam.",
                 {"countries": [("Washington", "USA", "government"), ("Vietnam", "VNM", "name")]},
                 [], id="removing-duty-free-status-is-no-tariff-removal"),
    pytest.param("Canada cut tariffs on British cars to zero.",
                 {"countries": [("Canada", "CAN", "name"), ("British", "GBR", "demonym")]},
                 [("tariff_removed", "CAN", ["GBR"])], id="cut-to-zero-is-a-removal"),
    pytest.param("Australia will introduce tariffs at zero for Indian textiles.",
                 {"countries": [("Australia", "AUS", "name"), ("Indian", "IND", "demonym")]},
                 [("tariff_exemption", "AUS", ["IND"])], id="zero-tariffs-are-an-exemption"),
]


@pytest.mark.parametrize("text, specs, expected", CASES)
def test_retyped(build, resources, text, specs, expected):
    assert _types(build, resources, text, **specs) == expected


def test_tariffs_in_the_sentence_keep_the_tariff_type(build, resources):
    text = "Washington imposed tariffs and sanctions on Tehran."
    found = _types(build, resources, text, countries=[("Washington", "USA", "government"),
                                                      ("Tehran", "IRN", "government")])
    assert found and all(t == "tariff_imposed" for t, _, _ in found)


def test_rules_naming_an_unknown_type_fail(tmp_path):
    path = tmp_path / "retype.csv"
    path.write_text("rule,from,to,near,window,words,unless,article\nx,tariff_imposed,embargo,sentence,,ban,,\n")
    with pytest.raises(ValueError, match="embargo"):
        read_retype_rules(path)


def test_sanctions_in_a_story_of_tariffs_on_the_same_country_are_those_tariffs(build, resources):
    text = ("Washington to impose sanctions on Tokyo\n\n"
            "Washington will impose tariffs on Japanese televisions next week.")
    found = _types(build, resources, text, countries=[("Washington", "USA", "government"),
                                                      ("Tokyo", "JPN", "government"),
                                                      ("Washington", "USA", "government", 1),
                                                      ("Japanese", "JPN", "demonym")])
    assert found and {t for t, _, _ in found} == {"tariff_imposed"}


def test_sanctions_on_another_country_stay_sanctions_beside_tariffs(build, resources):
    text = "Washington imposed sanctions on Tehran. Washington also raised tariffs on Japanese cars."
    found = _types(build, resources, text, countries=[("Washington", "USA", "government"),
                                                      ("Tehran", "IRN", "government"),
                                                      ("Washington", "USA", "government", 1),
                                                      ("Japanese", "JPN", "demonym")])
    assert ("sanction", "USA", ["IRN"]) in found


def test_sanctions_on_a_named_country_stay_sanctions_beside_untargeted_tariffs(build, resources):
    # A story of tariffs on every trading partner does not make sanctions on one country those tariffs.
    text = "Washington imposed sanctions on Tehran. Washington also raised tariffs on steel imports."
    found = _types(build, resources, text, countries=[("Washington", "USA", "government"),
                                                      ("Tehran", "IRN", "government"),
                                                      ("Washington", "USA", "government", 1)])
    assert ("sanction", "USA", ["IRN"]) in found


ANNOUNCED_PLANS = [
    # a plan is the guideline's "planned (decided, scheduled)": no threat without a threat word or a hedge
    pytest.param("Washington plans to issue reciprocal tariffs within days.", "tariff_imposed",
                 id="plan-to-issue-reciprocal-tariffs"),
    pytest.param("Washington might impose reciprocal tariffs.", "tariff_threatened", id="possible-reciprocal-tariffs"),
    pytest.param("Washington is expected to announce tariffs before the summit.", "tariff_threatened",
                 id="expected-to-announce-tariffs"),
    pytest.param("Washington will shortly announce new tariffs.", "tariff_imposed",
                 id="will-announce-new-tariffs"),
    pytest.param("Washington could shortly announce new tariffs.", "tariff_threatened",
                 id="could-announce-new-tariffs"),
    pytest.param("Washington will impose reciprocal tariffs that take effect on April 9.", "tariff_imposed",
                 id="reciprocal-tariffs-with-an-effective-date-stay-planned-impositions"),
    pytest.param("Washington will announce tariffs that take effect on March 4.", "tariff_imposed",
                 id="announced-tariffs-with-an-effective-date-stay-planned-impositions"),
    pytest.param("Washington announced 25% tariffs on steel imports.", "tariff_imposed",
                 id="an-announcement-made-is-an-imposition"),
    pytest.param("Washington imposed reciprocal tariffs on steel imports.", "tariff_imposed",
                 id="imposed-reciprocal-tariffs-stay-impositions"),
    # a rate names a decided measure
    pytest.param("Washington will announce 25% tariffs on steel imports.", "tariff_imposed",
                 id="an-announcement-naming-a-rate-stays-an-imposition"),
    # a measure promised for some unset day, with no rate and no date it takes effect, is a threat
    pytest.param("Washington said it would levy import taxes on furniture and toys at a later date.",
                 "tariff_threatened", id="would-levy-unrated-import-taxes-at-a-later-date"),
    pytest.param("Washington will eventually impose tariffs on foreign lumber.", "tariff_threatened",
                 id="will-eventually-impose-unrated-tariffs"),
    pytest.param("Washington will impose tariffs on foreign lumber.", "tariff_imposed",
                 id="a-planned-imposition-with-no-vague-time-stays-an-imposition"),
    pytest.param("Washington will eventually impose 25% tariffs on foreign lumber.", "tariff_imposed",
                 id="a-vague-imposition-naming-a-rate-stays-an-imposition"),
    # a measure officials are told to draw up is no decision
    pytest.param("Washington ordered its trade office to draw up new tariffs on foreign lumber.", "tariff_threatened",
                 id="ordered-to-draw-up-new-tariffs"),
    pytest.param("Washington directed its agencies to devise new tariffs on foreign lumber.", "tariff_threatened",
                 id="directed-to-devise-new-tariffs"),
    pytest.param("Washington ordered its trade office to draw up new 25% tariffs on foreign lumber.", "tariff_imposed",
                 id="a-drafted-measure-naming-a-rate-stays-an-imposition"),
    pytest.param("Washington imposed tariffs on foreign lumber that will eventually cost buyers more.",
                 "tariff_imposed", id="an-imposition-made-stays-an-imposition"),
]


@pytest.mark.parametrize("text, expected", ANNOUNCED_PLANS)
def test_an_announced_but_undecided_measure_is_a_threat(build, resources, text, expected):
    # a measure others expect, one promised for some unset day, one drafted or only weighed ("might", "could")
    # is not yet decided; a government's own plan ("will", "plans to") is a planned imposition
    rates = [("25%", 25.0, "tariff")] if "25%" in text else []
    found = _types(build, resources, text, countries=[("Washington", "USA", "government")], rates=rates)
    assert found and {t for t, _, _ in found} == {expected}


def test_a_list_item_is_retyped_by_its_measure_not_by_the_words_after_its_trigger(build, resources):
    # "Reciprocal" follows the trigger in the next sentence: it says nothing of the measure the items copy
    text = "Washington will impose tariffs. Reciprocal rates may be higher.\nJapan (25%)\nKorea (30%)"
    found = _types(build, resources, text, countries=[("Washington", "USA", "government"), ("Japan", "JPN", "name"),
                                                      ("Korea", "KOR", "name")],
                   rates=[("25%", 25.0, "tariff"), ("30%", 30.0, "tariff")])
    assert sorted(found) == [("tariff_imposed", "USA", ["JPN"]), ("tariff_imposed", "USA", ["KOR"])]



def _typed_goods(build, resources, text, **specs) -> list[tuple[str, list[str], str | None]]:
    return [(r["event_type"], r["target_iso3"], r["product"]) for r in article_events(build(text, **specs), resources)]


WITHDRAWN_TREATMENT = [
    # an exemption that shall not be available, or one goods would otherwise qualify for, is withdrawn:
    # the goods bear the duties
    pytest.param("Washington ordered that duty-free treatment for small parcels from Vietnam shall not be "
                 "available.", [("tariff_imposed", ["VNM"], "low-value shipments")],
                 id="treatment-that-shall-not-be-available"),
    pytest.param("Washington ruled that goods that would otherwise qualify for the tariff exemption for small parcels "
                 "from Vietnam are now subject to all applicable duties.",
                 [("tariff_imposed", ["VNM"], "low-value shipments")], id="goods-that-would-otherwise-qualify"),
    # the exemption itself is granted
    pytest.param("Washington granted duty-free treatment to small parcels from Vietnam.",
                 [("tariff_exemption", ["VNM"], "low-value shipments")], id="granted-treatment-stays-an-exemption"),
]


@pytest.mark.parametrize("text, expected", WITHDRAWN_TREATMENT)
def test_a_withdrawn_exemption_is_an_imposition_on_its_goods(build, resources, text, expected):
    found = _typed_goods(build, resources, text, countries=[("Washington", "USA", "government"),
                                                            ("Vietnam", "VNM", "name")])
    assert found == expected


def test_removing_a_provision_is_no_removal_of_tariffs(build, resources):
    text = "Removing the provision and imposing duties on small parcels from Vietnam was part of the order."
    found = _typed_goods(build, resources, text, countries=[("Vietnam", "VNM", "name")])
    assert "tariff_removed" not in {t for t, _, _ in found}


def test_removing_a_tariff_provision_stays_a_removal(build, resources):
    text = "Ottawa is removing the tariff provisions on Vietnamese steel."
    found = _typed_goods(build, resources, text, countries=[("Ottawa", "CAN", "government"),
                                                            ("Vietnamese", "VNM", "demonym")])
    assert ("tariff_removed", ["VNM"], "steel") in found


@pytest.mark.parametrize("text, expected", [
    ("Washington approved a reciprocal tariffs scheme, but did not enact the levies at once.",
     [("tariff_imposed", "planned")]),
    ("Washington backed reciprocal trade talks; it will impose tariffs on foreign lumber.",
     [("tariff_imposed", "planned")]),
], ids=["across-but", "across-a-semicolon"])
def test_a_rules_words_reach_only_the_triggers_clause(build, resources, text, expected):
    # "reciprocal" names the measure of the other clause: it does not make this clause's measure a threat
    rows = article_events(build(text, parsed=True, countries=[("Washington", "USA", "government")]), resources)
    assert [(r["event_type"], r["modality"]) for r in rows if r["event_type"].startswith("tariff")] == expected


def test_a_rules_words_in_the_triggers_clause_still_retype(build, resources):
    # a hedge keeps its modality: a possible threat, the guideline's "possible (could, may, considering)"
    rows = article_events(build("Washington might impose reciprocal tariffs on foreign lumber.", parsed=True,
                                countries=[("Washington", "USA", "government")]), resources)
    assert [(r["event_type"], r["modality"]) for r in rows] == [("tariff_threatened", "possible")]


VIETNAM = [("Washington", "USA", "government"), ("Vietnam", "VNM", "name"), ("Vietnamese", "VNM", "demonym")]


def _named(text: str) -> list[tuple[str, str, str]]:
    """The countries of `VIETNAM` the sentence names as whole words."""
    return [c for c in VIETNAM if re.search(rf"\b{c[0]}\b", text)]

EXEMPTIONS_NOT_GRANTED = [
    # a crackdown closes the exemption, as "end" does
    pytest.param("Retailers slowed orders after Washington announced a crackdown on tariff-free imports of small "
                 "parcels from Vietnam.", id="a-crackdown-on-duty-free-imports"),
    # a relative clause saying what a standing rule does defines it
    pytest.param("Analysts discussed the small-parcel rule for Vietnam, which allows parcels worth little to "
                 "enter the country duty-free.", id="a-rule-that-allows-duty-free-entry"),
    # duty-free before a trading partner or a business names who sells, not a measure
    pytest.param("Buyers in Vietnam look for tariff-free partners.", id="tariff-free-partners"),
    pytest.param("Vietnamese travellers crowded the duty-free shops.", id="duty-free-shops"),
]


@pytest.mark.parametrize("text", EXEMPTIONS_NOT_GRANTED)
def test_exemption_words_that_grant_nothing(build, resources, text):
    found = _typed_goods(build, resources, text, countries=_named(text))
    assert "tariff_exemption" not in {t for t, _, _ in found}


@pytest.mark.parametrize("text", [
    "Washington paused a repeal of duty-free treatment of small parcels from Vietnam.",
    "Washington delays suspension of duty-free entry for small parcels from Vietnam.",
    "Washington suspended the elimination of duty-free treatment for small parcels from Vietnam.",
], ids=["paused-a-repeal", "delays-suspension", "suspended-the-elimination"])
def test_a_pause_of_the_end_of_an_exemption_keeps_the_exemption(build, resources, text):
    found = _typed_goods(build, resources, text, countries=_named(text))
    types = {t for t, _, _ in found}
    assert "tariff_exemption" in types and "tariff_suspended" not in types


def test_a_pause_of_a_tariff_stays_a_pause(build, resources):
    text = "Washington paused the tariffs on small parcels from Vietnam."
    found = _typed_goods(build, resources, text, countries=_named(text))
    assert ("tariff_suspended", ["VNM"], "low-value shipments") in found


def test_an_exemption_granted_in_a_relative_clause_of_the_past_stays(build, resources):
    text = "Washington issued an order that exempted small parcels from Vietnam from the duties."
    found = _typed_goods(build, resources, text, countries=_named(text))
    assert "tariff_exemption" in {t for t, _, _ in found}
