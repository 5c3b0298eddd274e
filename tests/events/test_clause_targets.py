"""Targets kept inside their clause, and targets a negation leaves out.

The sentences are written for these tests in the style of 2025 wire copy and
read both with the project's committed parser and by word order alone (a
sentence without a parse). Their parses were checked by eye: in the
suspension sentence "impose" hangs under "plans", the object of "suspended";
in the pause sentence the parser joins "China" to "a month" as a conjunct
carrying the adverb "not".
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events

TRUMP = [("Trump", "USA", "trump")]


def _targets(build, resources, text: str, parsed: bool, **specs) -> list[tuple[str, list[str], str]]:
    rows = article_events(build(text, parsed=parsed, **specs), resources)
    return [(row["event_type"], row["target_iso3"], row["target_scope"]) for row in rows]


@pytest.mark.parametrize("parsed", [True, False])
def test_a_suspension_after_but_takes_the_targets_of_its_own_clause(build, resources, parsed):
    text = ("Trump announced a 10% tariff on Chinese imports on Tuesday, but suspended its plans to impose "
            "heavy tariffs on Mexico and Canada.")
    found = _targets(build, resources, text, parsed, officials=TRUMP, rates=[("10%", 10.0, "tariff")],
                     countries=[("Chinese", "CHN", "demonym"), ("Mexico", "MEX", "name"), ("Canada", "CAN", "name")])
    # the suspension is of the imposition it governs, on Mexico and Canada, not of the tariff on China before "but"
    assert ("tariff_suspended", ["CAN", "MEX"], "multilateral") in found, found
    assert ("tariff_imposed", ["CHN"], "bilateral") in found, found
    assert not any(kind == "tariff_suspended" and "CHN" in targets for kind, targets, _ in found), found


@pytest.mark.parametrize("parsed", [True, False])
def test_a_coordinated_measure_does_not_take_the_next_verbs_targets(build, resources, parsed):
    text = "Washington lifted tariffs and imposed duties on Canada."
    found = _targets(build, resources, text, parsed,
                     countries=[("Washington", "USA", "government"), ("Canada", "CAN", "name")])
    # the lifting does not govern the imposition: what it lifted is not said, Canada is the imposition's (a tariff
    # said of no country, in a passage naming no other government before it, is on all: section 23)
    assert ("tariff_removed", [], "all") in found, found
    assert ("tariff_imposed", ["CAN"], "bilateral") in found, found


@pytest.mark.parametrize("parsed", [True, False])
def test_a_country_after_but_not_is_no_target(build, resources, parsed):
    text = "Trump's levies on Canada and Mexico are paused for six weeks, but not on China."
    found = _targets(build, resources, text, parsed, officials=TRUMP,
                     countries=[("Canada", "CAN", "name"), ("Mexico", "MEX", "name"), ("China", "CHN", "name")])
    assert found == [("tariff_suspended", ["CAN", "MEX"], "multilateral")]


@pytest.mark.parametrize("parsed", [True, False])
def test_a_negated_target_phrase_is_left_out(build, resources, parsed):
    text = "Washington imposed tariffs on Japan, not on China."
    found = _targets(build, resources, text, parsed, countries=[
        ("Washington", "USA", "government"), ("Japan", "JPN", "name"), ("China", "CHN", "name")])
    assert found == [("tariff_imposed", ["JPN"], "bilateral")]



@pytest.mark.parametrize("parsed", [True, False])
def test_not_just_a_country_keeps_it_a_target(build, resources, parsed):
    # "not just China": the negation widens the measure rather than leaving China out
    text = "Washington imposed tariffs on not just China but Japan too."
    found = _targets(build, resources, text, parsed, countries=[
        ("Washington", "USA", "government"), ("China", "CHN", "name"), ("Japan", "JPN", "name")])
    assert len(found) == 1 and found[0][0] == "tariff_imposed" and "CHN" in found[0][1], found
