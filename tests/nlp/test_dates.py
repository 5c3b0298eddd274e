"""The dates component: which temporal expressions are found, as what, and which traps are not."""

import shutil

import pytest
import spacy

from pipeline.config import MODELS_DIR
from pipeline.nlp.build import build_nlp
from pipeline.labels import parse_label
from pipeline.nlp.dates import load_dates_data


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(MODELS_DIR, ("trade_sentences_v1", "trade_rates_v1", "trade_dates_v1"))


def found(nlp, text):
    """``[(group, span text, kind)]`` of every date, duration and set span, in text order."""
    doc = nlp(text)
    spans = [(group, span) for group in ("date", "duration", "set") for span in doc.spans.get(group, [])]
    return [(group, span.text, parse_label(span.label_)["kind"])
            for group, span in sorted(spans, key=lambda p: p[1].start)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met on Thursday.", [("date", "Thursday", "weekday")]),
        ("He said on Tuesday, March 4 that", [("date", "Tuesday, March 4", "calendar")]),
        ("signed April 2, 2025 and May 14, 2025", [("date", "April 2, 2025", "calendar"),
                                                   ("date", "May 14, 2025", "calendar")]),
        ("on 2 April", [("date", "2 April", "calendar")]),
        ("the order of 4/9/2025", [("date", "4/9/2025", "numeric")]),
        ("a deal as early as June", [("date", "June", "month")]),
        ("July this year", [("date", "July this year", "month")]),
        ("the Uruguay meeting last September", [("date", "last September", "month")]),
        ("in 2024", [("date", "2024", "year")]),
        ("trade was $148 billion in 2024.", [("date", "2024", "year")]),
        ("Today’s action", [("date", "Today", "dayword")]),
        ("talks next week or the week after next",
         [("date", "next week", "shift"), ("date", "the week after next", "shift")]),
        # "the week after" an event has no value of its own
        ("Stocks fell in the week after payrolls", []),
        ("earlier this year", [("date", "earlier this year", "shift")]),
        # the story's week or year in a market report
        ("oil's lowest level of the year", [("date", "the year", "shift")]),
        ("a third loss for the week", [("date", "the week", "shift")]),
        ("hammered out late last year", [("date", "late last year", "shift")]),
        ("by the end of April", [("date", "the end of April", "month")]),
        ("in mid-June", [("date", "mid-June", "month")]),
        ("18 months ago", [("date", "18 months ago", "ago")]),
        ("roughly 90 days ago", [("date", "roughly 90 days ago", "ago")]),
        ("April 16-27", [("date", "April 16", "calendar"), ("date", "27", "calendar")]),
        ("the first quarter of 1987", [("date", "the first quarter of 1987", "quarter")]),
        ("first-quarter growth", [("date", "first-quarter", "quarter")]),
        # a quarter named by its last month, as Australian copy names it
        ("sales fell in the December quarter", [("date", "the December quarter", "quarter")]),
        ("the June quarter of 2024", [("date", "the June quarter of 2024", "quarter")]),
        # a year ending a headline after a name
        ("Brewers Gather at Hop Summit 2019\nThe brewers met.", [("date", "2019", "year")]),
        ("a 90-day reprieve", [("duration", "90-day", "duration")]),
        ("a two-day meeting", [("duration", "two-day", "duration")]),
        ("40-year lows", [("duration", "40-year", "duration")]),
        ("a six-month pause", [("duration", "six-month", "duration")]),
        ("about five years", [("duration", "about five years", "duration")]),
        ("13 years of deficits", [("duration", "13 years", "duration")]),
        ("the past decade", [("duration", "the past decade", "duration")]),
        ("inflation over the coming year", [("duration", "the coming year", "duration")]),
        ("a deal in the coming year", [("date", "the coming year", "shift")]),
        ("two and a half years", [("duration", "two and a half years", "duration")]),
        ("vehicles each year", [("set", "each year", "set")]),
        ("the daily question period", [("set", "daily", "set")]),
        ("paid annually", [("set", "annually", "set")]),
        ("15 a year", [("set", "a year", "set")]),
        ("rates may not fall until the fall", [("date", "the fall", "season")]),
        ("by the end of the summer from 4.25%", [("date", "the end of the summer", "season")]),
        ("in the spring of 2008", [("date", "the spring of 2008", "season")]),
        ("the talks last winter", [("date", "last winter", "season")]),
        ("to be completed by the fall of 1988", [("date", "the fall of 1988", "season")]),
        ("the oil price fall of 1986", [("date", "1986", "year")]),  # a fall in prices, in 1986
        ("a summit in the first weekend in February", [("date", "the first weekend in February", "week_of_month")]),
        ("orders rose in the last week of March 2024", [("date", "the last week of March 2024", "week_of_month")]),
        ("the plant opens in mid-2026", [("date", "mid-2026", "year")]),  # one token for the tokenizer
        ("a co-2026 plan", []),  # a word hyphened to a year that is no modifier
    ],
)
def test_expressions_are_found_as_their_kind(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. may impose 24% tariffs.",  # "May" the verb, "24%" a rate
        "100 pct tariffs",
        "More than 2,000 jobs were cut.",  # never a year
        "valued at 1986 dlrs",  # money, masked
        "output of 2000 tonnes",
        "the 1986/87 crop",  # crop years have no single value
        "in the 1980s",
        "five or six years in the future",  # a range of durations has no single value
        "on the third Friday of the month",  # recurring, not one date
        "It is now clear and recently tariffs were currently high.",  # PRESENT_REF words are skipped
        "at 3 p.m. local time",  # times of day are skipped
        "1934 ET - Stocks rise in early trade.",  # a clock time before its zone, not a year
        "Shares recovered after the fall in oil prices.",  # "fall" the noun
        "since the fall of the wall",
        "30 pct of the spring wheat acres were seeded",  # a crop, not a season
        "this winter wheat crop",
        "Prices spring back as summer dresses sell.",  # a season word without a date word before it
        "The committee meets at 2000 GMT.",
        "in the coming days and weeks",  # vague
        "Theresa May met Trump.",
        "at a rate of 50 points",
        "Revs 2,010\n",  # a count with its comma ending a table row
        "Shares outstanding 1987\n",
        "Antimony 1810 Cadmium 2000\n",  # a price table
        "net profit for the year rose",  # often the year just ended
        "in the week before the vote",
        "stocks fell for the week ended",  # a week a date bounds  # a year ends a line only after a capitalized name
    ],
)
def test_traps_yield_no_expression(nlp, text):
    assert found(nlp, text) == []


def test_a_range_before_ago_keeps_the_dated_part(nlp):
    assert found(nlp, "12 or 18 months ago") == [("date", "18 months ago", "ago")]


def test_months_need_title_or_upper_case(nlp):
    assert found(nlp, "TALKS SET FOR JUNE") == [("date", "JUNE", "month")]
    assert found(nlp, "in june") == []


def test_labels_carry_the_numbers(nlp):
    doc = nlp("Tuesday, March 4, 2025 and about 90 days ago and late last year")
    labels = [parse_label(span.label_) for span in doc.spans["date"]]
    assert labels[0] == {"kind": "calendar", "month": "3", "day": "4", "year": "2025", "weekday": "2"}
    assert labels[1] == {"kind": "ago", "num": "90", "unit": "D", "mod": "APPROX"}
    assert labels[2] == {"kind": "shift", "shift": "-1", "num": "1", "unit": "Y", "mod": "END"}


def test_a_decade_is_ten_years(nlp):
    doc = nlp("over the past decade")
    assert parse_label(doc.spans["duration"][0].label_)["num"] == "10"


def test_serialization_round_trip(nlp):
    component = nlp.get_pipe("trade_dates_v1")
    restored = spacy.blank("en").add_pipe("trade_dates_v1").from_bytes(component.to_bytes())
    doc = nlp.make_doc("a 90-day reprieve from next month")
    restored(doc)
    assert [s.text for s in doc.spans["date"]] == ["next month"]
    assert [s.text for s in doc.spans["duration"]] == ["90-day"]


def test_an_unknown_kind_is_refused_naming_the_rule(tmp_path):
    models = tmp_path / "models"
    shutil.copytree(MODELS_DIR / "dates", models / "dates")
    shutil.copytree(MODELS_DIR / "rates", models / "rates")
    with (models / "dates" / "patterns.ini").open("a", encoding="utf-8") as handle:
        handle.write("\n[fortnightly_meeting]\ntrigger = UNIT\nlookback = 1\ngroup = date\nkind = meeting\n"
                     "pattern = fortnight\n")
    with pytest.raises(ValueError, match=r"rule \[fortnightly_meeting\] has kind 'meeting'"):
        load_dates_data(models)
