"""Amendments of an order that change its rate ("amended by striking "10 percent" and inserting "20 percent"").

The sentences are written for these tests in the style of US executive orders; the rates rows are given as the
rates normalizer writes them (the rate the amendment inserts, with the struck one as its previous value).
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events
from pipeline.events.amendments import issuer

CHINA = ("the PRC", "CHN", "government")
AMENDED = ("\u201c20 percent\u201d", 20.0, "duty", 10.0)


def _events(build, resources, text: str, countries, rates) -> list[tuple]:
    rows = article_events(build(text, countries=countries, rates=rates), resources)
    return sorted((r["event_type"], r["actor_iso3"], tuple(r["target_iso3"]), r["rate_value"], r["rate_previous"])
                  for r in rows)


def test_an_amended_order_raising_its_rate_is_a_rise_by_the_issuer_on_the_government_its_reason_names(
        build, resources):
    text = ("Because the PRC has not acted against the trafficking, section 3(b) of Executive Order 14100 is hereby "
            "amended by striking the words \u201c10 percent\u201d and inserting in lieu thereof the words "
            "\u201c20 percent\u201d.")
    assert _events(build, resources, text, [CHINA], [AMENDED]) == [
        ("tariff_increased", "USA", ("CHN",), 20.0, 10.0)]


def test_an_amendment_lowering_the_rate_of_the_schedule_is_a_cut(build, resources):
    text = ("Note 9 to chapter 99 of the HTSUS shall be amended by deleting \u201c60 percent\u201d, and by inserting "
            "\u201c25 percent\u201d in lieu thereof.")
    found = _events(build, resources, text, [], [("\u201c25 percent\u201d", 25.0, "duty", 60.0)])
    assert found == [("tariff_reduced", "USA", (), 25.0, 60.0)]


def test_striking_words_that_are_no_rate_is_no_event(build, resources):
    text = "Section 4 of Executive Order 14100 is hereby amended by striking the words \u201cand Mexico\u201d."
    assert _events(build, resources, text, [], []) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Section 2 of Executive Order 14100 is amended by striking ...", "USA"),
    ("Clause 2 of Proclamation 9900 is amended by deleting ...", "USA"),
    ("The rules of the club are amended by deleting ...", None),
])
def test_the_issuer_of_the_amended_instrument(resources, sentence, expected):
    assert issuer(sentence, resources) == expected


def test_an_order_that_shall_amend_the_schedule_decrees_it(build, resources):
    text = ("Heading 9903.99.99 of the HTSUS shall be amended by deleting \u201c30%\u201d each place that it appears "
            "and by inserting \u201c70%\u201d in lieu thereof.")
    rows = article_events(build(text, rates=[("\u201c70%", 70.0, "tariff", 30.0)]), resources)
    assert [(r["event_type"], r["modality"], r["rate_value"]) for r in rows] == [("tariff_increased", "asserted", 70.0)]


def test_an_amendment_after_a_measure_on_goods_keeps_the_government_its_reason_names(build, resources):
    # the earlier sentence names only the party misread as the amendment's actor and goods: a scope of all
    # inherited for that actor (docs/events.md, section 16) gives way to the order's target
    text = ("The order imposed tariffs on articles that are products of China. Because the PRC has not acted "
            "against the trafficking, section 3(b) of Executive Order 14100 is hereby amended by striking the "
            "words \u201c10 percent\u201d and inserting in lieu thereof the words \u201c20 percent\u201d.")
    rows = article_events(build(text, countries=[("China", "CHN", "name"), CHINA], rates=[AMENDED]), resources)
    raised = [r for r in rows if r["event_type"] == "tariff_increased"]
    assert [(r["actor_iso3"], r["target_iso3"], r["target_scope"]) for r in raised] == [("USA", ["CHN"], "bilateral")]


@pytest.mark.parametrize(("suspending_item", "expected"), [
    # the order suspends the heading it amends: the rate it inserts never applies
    ("(c) heading 9903.02.11 of the HTSUS is hereby suspended for a period of 60 days.", []),
    # it suspends another heading: the amendment stands
    ("(c) heading 9903.02.99 of the HTSUS is hereby suspended for a period of 60 days.",
     [("tariff_reduced", "USA", (), 25.0, 60.0)]),
])
def test_a_rate_inserted_into_a_heading_the_order_suspends_is_no_change(build, resources, suspending_item, expected):
    text = ("The HTSUS shall be modified as follows:\n"
            "(a) heading 9903.02.11 of the HTSUS shall be amended by deleting \u201c60 percent\u201d and by inserting "
            "\u201c25 percent\u201d in lieu thereof;\n" + suspending_item)
    found = _events(build, resources, text, [], [("\u201c25 percent\u201d", 25.0, "duty", 60.0)])
    assert [f for f in found if f[0] == "tariff_reduced"] == expected
