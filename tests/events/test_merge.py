"""Merging within an article and across articles, deterministic ids, confidence."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from pipeline.config import MODELS_DIR
from pipeline.events import article_events, load_merge_window, merge_events
from pipeline.events.merge import combine, compatible, confidence, merge_candidates
from pipeline.events.types import Candidate, Cue
from pipeline.views import Sentence

WINDOW_DAYS = load_merge_window(MODELS_DIR)

TEXT = "The Trump administration imposed 24% tariffs on Japanese imports."
SPECS = {"officials": [("Trump", "USA", "trump")], "countries": [("Japanese", "JPN", "demonym")],
         "rates": [("24%", 24.0, "tariff")]}


def test_ids_are_deterministic_and_independent_of_the_article(build, resources):
    first = article_events(build(TEXT, article_id="a1", **SPECS), resources)
    again = article_events(build(TEXT, article_id="a1", **SPECS), resources)
    other = article_events(build("Markets fell.\n" + TEXT, article_id="b2", **SPECS), resources)
    assert first == again
    assert [r["event_id"] for r in first] == [r["event_id"] for r in other]


def test_the_rate_is_part_of_the_id(build, resources):
    base = article_events(build(TEXT, **SPECS), resources)
    changed = article_events(build(TEXT.replace("24%", "25%"), **{**SPECS, "rates": [("25%", 25.0, "tariff")]}),
                             resources)
    assert base[0]["event_id"] != changed[0]["event_id"]


def test_talks_have_one_id_whichever_side_is_named_first(build, resources):
    specs = {"countries": [("Japan", "JPN", "name"), ("United States", "USA", "name")]}
    one = article_events(build("Japan held trade talks with the United States.", **specs), resources)
    two = article_events(build("The United States held trade talks with Japan.", **specs), resources)
    assert [r["event_id"] for r in one] == [r["event_id"] for r in two]
    assert (one[0]["actor_iso3"], two[0]["actor_iso3"]) == ("JPN", "USA")


def test_repeated_mentions_in_an_article_are_one_event(build, resources):
    text = TEXT + " The tariffs on Japanese goods were imposed by Washington in April."
    specs = {**SPECS, "countries": [("Japanese", "JPN", "demonym"), ("Japanese", "JPN", "demonym", 1),
                                    ("Washington", "USA", "government")],
             "dates": [("April", "DATE", "2025-04")]}
    rows = article_events(build(text, **specs), resources)
    assert [(r["event_type"], r["actor_iso3"], r["target_iso3"], r["rate_value"], r["event_date"])
            for r in rows] == [("tariff_imposed", "USA", ["JPN"], 24.0, "2025-04")]
    assert rows[0]["start_char"] == 0  # the evidence is the first mention's sentence


def test_dedup_across_two_near_identical_articles(table_rows, build, resources):
    # ids sort the other way round than publication, so the evidence must follow publication time
    early = build("Stocks fell. " + TEXT, article_id="late-id", published="2025-05-01", **SPECS)
    late = build(TEXT + " Stocks rose.", article_id="early-id", published="2025-05-03", **SPECS)
    rows = article_events(early, resources) + article_events(late, resources)
    assert len({r["event_id"] for r in rows}) == 1
    published = {"late-id": datetime(2025, 5, 1, tzinfo=UTC), "early-id": datetime(2025, 5, 3, tzinfo=UTC)}
    rows[1] = {**rows[1], "confidence": 0.99, "officials": ["other"]}
    merged = merge_events(rows, published, WINDOW_DAYS)
    assert len(merged) == 1
    event = merged[0]
    assert event["article_ids"] == ["early-id", "late-id"]
    assert (event["evidence"], event["start_char"]) == (TEXT, 13)  # the earlier article's sentence
    assert event["confidence"] == 0.99
    assert event["officials"] == ["other", "trump"]
    assert "article_id" not in event


def _candidate(**values) -> Candidate:
    base = Candidate(event_type="tariff_imposed", sentence=Sentence(0, 0, 10, 0),
                     trigger=Cue("m", 0, 5, "tariff_imposed", "triggers.csv:tariff_imposed:weak"))
    return replace(base, **values)


@pytest.mark.parametrize(("first", "second", "expected"), [
    ({"actor": "USA", "targets": ("JPN",), "scope": "bilateral"}, {"actor": "USA"}, True),
    ({"actor": "USA", "rate_value": 24.0}, {"actor": "USA", "rate_value": 25.0}, False),
    ({"actor": "USA", "event_date": "2025-06"}, {"actor": "USA", "event_date": "2025-06-12"}, True),
    ({"actor": "USA", "event_date": "2025-06"}, {"actor": "USA", "event_date": "2025-07"}, False),
    ({"actor": "USA"}, {"actor": "JPN"}, False),
    ({"actor": "USA", "modality": "negated"}, {"actor": "USA"}, False),
    ({"actor": "USA", "targets": ("JPN",), "scope": "bilateral"},
     {"actor": "USA", "targets": ("CHN",), "scope": "bilateral"}, False),
    ({"event_type": "negotiation", "actor": "JPN", "targets": ("USA",)},
     {"event_type": "negotiation", "actor": "USA", "targets": ("JPN",)}, True),
    ({"event_type": "negotiation", "actor": "JPN", "targets": ("USA",)},
     {"event_type": "negotiation", "actor": "JPN", "targets": ("CHN",)}, False),
])
def test_compatible(first, second, expected):
    assert compatible(_candidate(**first), _candidate(**second)) is expected


@pytest.mark.parametrize(("other_date", "expected"), [("2025-05-02", False), ("2025-04-09", True), (None, True)])
def test_a_reading_dated_by_its_lead_in_takes_no_reading_of_the_same_order_dated_otherwise(other_date, expected):
    # "Effective … on or after April 9, 2025: (a) … deleting "34%" and inserting "84%"" beside the order's recital
    # dated by another section's day (2 May): two measures of one order, though actor and target agree
    amendment = _candidate(event_type="tariff_increased", actor="USA", targets=("CHN",), scope="bilateral",
                           rate_value=84.0, event_date="2025-04-09", dated_by_lead_in=True)
    recital = _candidate(event_type="tariff_increased", actor="USA", targets=("CHN",), scope="bilateral",
                         event_date=other_date)
    assert compatible(recital, amendment) is expected and compatible(amendment, recital) is expected
    if expected:
        assert combine(recital, amendment).dated_by_lead_in


@pytest.mark.parametrize(("values", "expected"), [
    ({}, 0.35),
    ({"strong": True}, 0.5),
    ({"actor": "USA", "targets": ("JPN",), "scope": "bilateral"}, 0.7),
    ({"actor": "USA", "actor_inherited": True}, 0.45),
    ({"strong": True, "actor": "USA", "targets": ("JPN",), "scope": "bilateral", "rate_value": 24.0,
      "event_date": "2025-04-02"}, 1.0),
    ({"scope": "all"}, 0.5),
])
def test_confidence(values, expected):
    assert confidence(_candidate(**values)) == pytest.approx(expected)


@pytest.mark.parametrize(("first", "second", "expected"), [
    # history naming the target, merged with a reading naming neither target nor date: still history
    ({"actor": "USA", "targets": ("UKR",), "scope": "bilateral", "is_background": True}, {"actor": "USA"}, True),
    ({"actor": "USA"}, {"actor": "USA", "targets": ("UKR",), "scope": "bilateral", "is_background": True}, True),
    # a reading of its own target that is news makes the merge news
    ({"actor": "USA", "targets": ("UKR",), "scope": "bilateral", "is_background": True},
     {"actor": "USA", "targets": ("UKR",), "scope": "bilateral"}, False),
    # so does a dated one
    ({"actor": "USA", "targets": ("UKR",), "scope": "bilateral", "is_background": True},
     {"actor": "USA", "event_date": "2025-03-12"}, False),
    # neither identifies: background only when both are
    ({"actor": "USA", "is_background": True}, {"actor": "USA"}, False),
    ({"actor": "USA", "is_background": True}, {"actor": "USA", "is_background": True}, True),
])
def test_a_merge_is_background_when_the_readings_that_identify_it_are(first, second, expected):
    assert combine(_candidate(**first), _candidate(**second)).is_background is expected


def test_talks_merged_keep_news_once_news():
    first = _candidate(event_type="negotiation", actor="JPN", targets=("USA",), scope="bilateral", is_background=True)
    assert combine(first, _candidate(event_type="negotiation", actor="JPN")).is_background is False


def test_a_named_measure_stays_apart_from_the_goods_once_a_reading_joined_both():
    # "imposes 25% tariffs on copper … and said new reciprocal tariffs would be announced this week": the
    # reading at "new" took the copper of the clause before and, named, merged with the copper measure; the
    # name's own reading ("announced this week") is still the other measure
    goods = _candidate(actor="USA", scope="all", rate_value=25.0, product="copper", products=("copper",))
    glued = _candidate(actor="USA", scope="all", product="copper", products=("copper",), named=True,
                       trigger=Cue("n", 20, 23, "tariff_imposed", "triggers.csv:tariff_imposed:weak:agent"))
    name = _candidate(actor="USA", scope="all", named=True, event_date="2025-W07",
                      trigger=Cue("r", 40, 49, "tariff_imposed", "triggers.csv:tariff_imposed:weak:report"))
    events = merge_candidates([goods, glued, name])
    assert [(e.product, e.rate_value, e.event_date) for e in events] == [("copper", 25.0, None),
                                                                        (None, None, "2025-W07")]


def test_a_named_measure_said_after_a_measure_on_goods_is_its_own_event(build, resources):
    text = ("Ottawa announced plans to impose 25% tariffs on all imports of copper and zinc and said new "
            "reciprocal tariffs would also be announced this week.")
    rows = article_events(build(text, parsed=True, published="2025-02-10", countries=[("Ottawa", "CAN", "government")],
                                rates=[("25%", 25.0, "tariff")], dates=[("this week", "DATE", "2025-W07")]),
                          resources)
    found = {(r["actor_iso3"], r["target_scope"], r["rate_value"], r["product"], r["event_date"]) for r in rows}
    assert ("CAN", "all", 25.0, "copper", None) in found
    assert ("CAN", "all", None, None, "2025-W07") in found
