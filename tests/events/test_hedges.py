"""A measure a government only weighs is ``possible``, not asserted or planned.

The gold guideline gives "possible (could, may, considering)", and the gold
sets code a measure a government is considering, weighing, studying or
musing about as possible with its type unchanged. These sentences are
written for the tests and parsed by the project's committed parser; each
hedge reaches the trigger another way: as the verb whose object is the
measure, as a phrasal verb ("looking at", "thinking about"), through a noun
of options ("the option of raising", "ways to raise"), or in a headline the
parser misreads, by word order. A hedge above a plan ("could decide to
impose", "is weighing whether it will impose") makes it possible too, and
a measure noun coordinated with a hedged or planned one shares its cue. The
controls show that the same frames without a hedge, or a hedge by
investors, leave the measure asserted or planned.
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events

WASHINGTON = ("Washington", "USA", "government")


def _modalities(build, resources, text: str, countries, *, parsed: bool = True) -> list[tuple[str, str]]:
    rows = article_events(build(text, parsed=parsed, countries=countries), resources)
    return [(row["event_type"], row["modality"]) for row in rows]


@pytest.mark.parametrize("text, countries, event_type", [
    ("Washington is pondering a tariff hike on Chinese steel.",
     [WASHINGTON, ("Chinese", "CHN", "demonym")], "tariff_increased"),
    ("Tokyo has mused about a tariff hike on U.S. beef.",
     [("Tokyo", "JPN", "government"), ("U.S.", "USA", "abbreviation")], "tariff_increased"),
    ("Washington is examining a tariff hike on China.", [WASHINGTON, ("China", "CHN", "name")], "tariff_increased"),
    ("Ottawa is mulling over a tariff hike on U.S. steel.",
     [("Ottawa", "CAN", "government"), ("U.S.", "USA", "abbreviation")], "tariff_increased"),
], ids=["pondering", "mused-about", "examining", "mulling-over"])
def test_a_hedge_verb_over_the_measure_noun_makes_it_possible(build, resources, text, countries, event_type):
    assert _modalities(build, resources, text, countries) == [(event_type, "possible")]


@pytest.mark.parametrize("text, countries, event_type", [
    ("Trump said he was looking at a tariff hike on Canada.",
     [("Trump", "USA", "name"), ("Canada", "CAN", "name")], "tariff_increased"),
    ("Seoul is looking into a tariff cut on U.S. cars.",
     [("Seoul", "KOR", "government"), ("U.S.", "USA", "abbreviation")], "tariff_reduced"),
    ("Trump said he was thinking about raising tariffs on China.",
     [("Trump", "USA", "name"), ("China", "CHN", "name")], "tariff_increased"),
    ("Trump said the United States is looking at imposing tariffs on Japan.",
     [("Trump", "USA", "name"), ("United States", "USA", "name"), ("Japan", "JPN", "name")], "tariff_imposed"),
], ids=["looking-at-a-noun", "looking-into-a-noun", "thinking-about-a-gerund", "looking-at-a-gerund-in-a-ccomp"])
def test_a_phrasal_hedge_makes_its_complement_possible(build, resources, text, countries, event_type):
    assert _modalities(build, resources, text, countries) == [(event_type, "possible")]


@pytest.mark.parametrize("text, countries, event_type", [
    ("Trump is weighing the option of raising tariffs on Mexico.",
     [("Trump", "USA", "name"), ("Mexico", "MEX", "name")], "tariff_increased"),
    ("Washington is exploring ways to raise tariffs on China.",
     [WASHINGTON, ("China", "CHN", "name")], "tariff_increased"),
], ids=["the-option-of", "ways-to"])
def test_a_hedge_reaches_the_measure_through_a_noun_of_options(build, resources, text, countries, event_type):
    assert _modalities(build, resources, text, countries) == [(event_type, "possible")]


def test_an_option_chosen_or_an_effect_weighed_is_no_hedge(build, resources):
    chosen = _modalities(build, resources, "Washington chose the option of raising tariffs on Mexico.",
                         [WASHINGTON, ("Mexico", "MEX", "name")])
    assert chosen == [("tariff_increased", "asserted")]
    # the measure told in its own clause stays asserted; named only behind the effect, it is no event at all
    effect = _modalities(build, resources, "Investors weighed the impact after Washington imposed tariffs on China.",
                         [WASHINGTON, ("China", "CHN", "name")])
    assert effect == [("tariff_imposed", "asserted")]
    behind = _modalities(build, resources, "Investors weighed the impact of tariffs imposed by Washington on China.",
                         [WASHINGTON, ("China", "CHN", "name")])
    assert behind == []


def test_a_verb_of_a_phrasal_hedge_alone_weighs_nothing(build, resources):
    text = "The tariffs look set to stay after Washington raised duties on China."
    assert _modalities(build, resources, text, [WASHINGTON, ("China", "CHN", "name")]) == [
        ("tariff_increased", "asserted")]


def test_investors_weighing_a_measure_leave_it_asserted(build, resources):
    countries = [WASHINGTON, ("Chinese", "CHN", "demonym")]
    investors = _modalities(build, resources, "Investors are weighing Washington's new tariffs on Chinese steel.",
                            countries)
    government = _modalities(build, resources, "Washington is weighing new tariffs on Chinese steel.", countries)
    assert (investors, government) == ([("tariff_imposed", "asserted")], [("tariff_imposed", "possible")])


def test_a_headline_hedge_the_parser_misreads_is_read_by_word_order(build, resources):
    # the parser reads "eyes" as a noun of "EU eyes retaliatory tariffs"; the cue stands right before the trigger
    text = "EU eyes retaliatory tariffs on US goods"
    countries = [("EU", "EUU", "name"), ("US", "USA", "abbreviation")]
    assert _modalities(build, resources, text, countries) == [("tariff_imposed", "possible")]
    assert _modalities(build, resources, text, countries, parsed=False) == [("tariff_imposed", "possible")]


@pytest.mark.parametrize("text, modality", [
    ("Washington is considering a tariff hike on China and a ban on chip exports to China.", "possible"),
    ("Washington will impose a tariff hike on China and a ban on chip exports to China.", "planned"),
    ("Washington imposed a tariff hike on China and a ban on chip exports to China.", "asserted"),
], ids=["hedge", "plan", "no-cue"])
def test_a_coordinated_measure_noun_takes_the_cue_of_the_first(build, resources, text, modality):
    # the parser joins "ban" to "China", the last noun of the first object: the climb reaches the verb anyway
    rows = article_events(build(text, parsed=True, countries=[WASHINGTON, ("China", "CHN", "name", 0),
                                                              ("China", "CHN", "name", 1)]), resources)
    assert {(row["event_type"], row["modality"]) for row in rows if row["event_type"] == "trade_restriction"} == {
        ("trade_restriction", modality)}


def test_a_coordinated_measure_noun_takes_no_cue_of_a_subject_or_a_negated_verb(build, resources):
    # "will raise prices" is said of the measures as subjects; "would not be holding talks" keeps its negation
    # to the talks: the quotas the parser joins to "beef" stand (the walk never climbs past a negation)
    subject = article_events(build("The Canadian quotas and the new tariffs on Mexico will raise prices.", parsed=True,
                                   countries=[("Canadian", "CAN", "demonym"), ("Mexico", "MEX", "name")]), resources)
    negated = article_events(build("Tokyo said it would not be holding formal talks next month with Washington over "
                                   "its beef and rice quotas.", parsed=True,
                                   countries=[("Tokyo", "JPN", "government"), WASHINGTON]), resources)
    assert [(r["event_type"], r["modality"]) for r in subject if r["event_type"] == "tariff_imposed"] == [
        ("tariff_imposed", "asserted")]
    assert [(r["event_type"], r["modality"]) for r in negated] == [("trade_restriction", "asserted")]


@pytest.mark.parametrize("text, countries", [
    ("It is possible that Ottawa would reimpose a 15% duty on American lumber.",
     [("Ottawa", "CAN", "government"), ("American", "USA", "demonym")]),
    ("Washington is weighing whether it will impose tariffs on Canada.", [WASHINGTON, ("Canada", "CAN", "name")]),
    ("Washington could decide to impose tariffs on Canada.", [WASHINGTON, ("Canada", "CAN", "name")]),
    ("Washington is considering a plan that would raise tariffs on Canada.", [WASHINGTON, ("Canada", "CAN", "name")]),
], ids=["possible-that-would", "weighing-whether-will", "could-decide", "considering-a-plan-that-would"])
def test_a_hedge_over_a_plan_makes_the_measure_possible(build, resources, text, countries):
    rows = article_events(build(text, parsed=True, countries=countries), resources)
    assert [row["modality"] for row in rows] == ["possible"]


def test_a_plan_without_a_hedge_above_stays_planned(build, resources):
    text = "Trump said Washington would impose tariffs on Canada."
    rows = article_events(build(text, parsed=True, countries=[("Trump", "USA", "name"), WASHINGTON,
                                                              ("Canada", "CAN", "name")]), resources)
    assert [row["modality"] for row in rows] == ["planned"]


def test_a_measure_named_as_a_purpose_is_possible(build, resources):
    first = "Washington imposed tariffs on Japanese chips last week. "
    countries = [WASHINGTON, ("Japanese", "JPN", "demonym"), ("United States", "USA", "name"),
                 ("Tokyo", "JPN", "government")]
    goal = article_events(build(first + "In order to lift the tariffs, the United States needs proof that Tokyo is "
                                "opening its market.", parsed=True, countries=countries), resources)
    step = article_events(build(first + "The United States lifted the tariffs in order to reward Tokyo.", parsed=True,
                                countries=countries), resources)
    assert [(r["event_type"], r["modality"]) for r in goal if r["event_type"] == "tariff_removed"] == [
        ("tariff_removed", "possible")]
    assert [(r["event_type"], r["modality"]) for r in step if r["event_type"] == "tariff_removed"] == [
        ("tariff_removed", "asserted")]
