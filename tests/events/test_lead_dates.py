"""A measure's date stated in the sentence before it, which names the same goods and tells no measure
(pipeline/events/lead_dates.py). Sentences written for these tests in the style of a 2025 fact sheet."""

from __future__ import annotations

import pytest

from pipeline.events import article_events

USA = ("Washington", "USA", "government")
CHINA = ("China", "CHN", "country")
PRC = ("the PRC", "CHN", "government")

LEAD = "Washington is ending duty-free de minimis treatment for parcels from China starting May 2, 2025. "
MEASURE = "Goods that would otherwise qualify for the de minimis exemption will be subject to all applicable duties."


def _dated(build, resources, text: str, dates) -> list[tuple]:
    rows = article_events(build(text, parsed=True, countries=[USA, CHINA], dates=dates,
                                published="2025-04-02"), resources)
    return [(r["event_type"], r["product"], r["event_date"]) for r in rows if r["event_type"].startswith("tariff")]


def test_an_undated_measure_takes_the_one_date_of_the_sentence_before_naming_its_goods(build, resources):
    found = _dated(build, resources, LEAD + MEASURE, [("May 2, 2025", "DATE", "2025-05-02")])
    assert [date for _, product, date in found if product == "low-value shipments"] == ["2025-05-02"]


def test_no_date_from_a_sentence_naming_other_goods_or_two_dates(build, resources):
    other = "Washington is ending duty-free treatment for steel from China starting May 2, 2025. "
    found = _dated(build, resources, other + MEASURE,
                   [("May 2, 2025", "DATE", "2025-05-02")])
    assert ("tariff_imposed", "low-value shipments", None) in found
    assert all(date is None for _, _, date in found)
    two = "Washington said on April 2, 2025 it is ending duty-free de minimis treatment for parcels from China " \
          "starting May 2, 2025. "
    found = _dated(build, resources, two + MEASURE,
                   [("April 2, 2025", "DATE", "2025-04-02"), ("May 2, 2025", "DATE", "2025-05-02")])
    assert ("tariff_imposed", "low-value shipments", None) in found
    assert "2025-05-02" not in [date for _, _, date in found]


def test_no_date_from_a_week_before(build, resources):
    # only a day marks an entry into force; market copy dates price moves by weeks before naming a measure
    week = "Washington is ending duty-free de minimis treatment for parcels from China next week. "
    found = _dated(build, resources, week + MEASURE, [("next week", "DATE", "2025-W15")])
    assert ("tariff_imposed", "low-value shipments", None) in found
    assert all(date is None for _, _, date in found)


def test_no_date_from_a_sentence_naming_none_of_the_targets(build, resources):
    lead = "Washington is ending duty-free de minimis treatment for parcels starting May 2, 2025. "
    measure = "Goods from China that would otherwise qualify for the de minimis exemption will be subject to all " \
              "applicable duties."
    found = _dated(build, resources, lead + measure, [("May 2, 2025", "DATE", "2025-05-02")])
    assert ("tariff_imposed", "low-value shipments", None) in found


# An order's list of amendments dated by the sentence introducing it (written for these tests in the style of a
# 2025 executive order)
INTRO = "Because the PRC has retaliated, the tariff schedule shall be modified as follows. "
LEAD_IN = "Effective with respect to goods entered on or after 12:01 a.m. on April 9, 2025:\n"
ITEM_A = "(a) heading 9903.01.99 of the HTSUS shall be amended by deleting \u201c34%\u201d and by inserting " \
         "\u201c84%\u201d in lieu thereof; and\n"
ITEM_B = "(b) note 9 to chapter 99 of the HTSUS shall be amended by deleting \u201c34%\u201d and by inserting " \
         "\u201c84%\u201d in lieu thereof.\n"
LEAD_IN_DATES = [("April 9, 2025", "DATE", "2025-04-09")]
RAISED = [("\u201c84%\u201d", 84.0, "duty", 34.0)]


def _order(build, resources, text: str, dates, rates=RAISED) -> list[tuple]:
    rows = article_events(build(text, parsed=True, countries=[PRC], dates=dates, rates=rates,
                                published="2025-04-08"), resources)
    return [(r["event_type"], r["rate_value"], r["event_date"], r["modality"]) for r in rows
            if r["event_type"].startswith("tariff")]


@pytest.mark.parametrize("items", [ITEM_A, ITEM_A + ITEM_B])
def test_an_undated_amendment_in_a_list_takes_the_one_day_of_the_lead_in(build, resources, items):
    found = _order(build, resources, INTRO + LEAD_IN + items, LEAD_IN_DATES)
    assert ("tariff_increased", 84.0, "2025-04-09", "planned") in found or \
        ("tariff_increased", 84.0, "2025-04-09", "asserted") in found
    assert all(date == "2025-04-09" for kind, rate, date, _ in found if rate == 84.0)


def test_no_day_from_a_lead_in_without_a_colon_or_with_two_dates(build, resources):
    no_colon = LEAD_IN.replace(":\n", ".\n")
    found = _order(build, resources, INTRO + no_colon + ITEM_A, LEAD_IN_DATES)
    assert all(date is None for kind, rate, date, _ in found if rate == 84.0)
    two = "Effective on April 9, 2025, and until June 1, 2025:\n"
    found = _order(build, resources, INTRO + two + ITEM_A,
                   [("April 9, 2025", "DATE", "2025-04-09"), ("June 1, 2025", "DATE", "2025-06-01")])
    assert all(date is None for kind, rate, date, _ in found if rate == 84.0)


def test_a_list_item_after_a_sentence_that_is_no_item_takes_no_day_from_further_back(build, resources):
    between = "The Secretary shall publish the change.\n"
    found = _order(build, resources, INTRO + LEAD_IN + between + ITEM_A, LEAD_IN_DATES)
    assert all(date is None for kind, rate, date, _ in found if rate == 84.0)


def test_a_date_quoted_from_the_amended_instrument_does_not_date_the_amendment(build, resources):
    # "(b) … by deleting "April 9, 2025," and by inserting "April 10, 2025"": words of the schedule, not the day
    lead_in = "Effective with respect to goods entered on or after 12:01 a.m. on April 10, 2025:\n"
    item = "(a) heading 9903.01.99 of the HTSUS shall be amended by deleting \u201c84%\u201d and by inserting " \
           "\u201c125%\u201d in lieu thereof, and by deleting \u201cApril 9, 2025,\u201d and by inserting " \
           "\u201cApril 11, 2025\u201d in lieu thereof.\n"
    found = _order(build, resources, INTRO + lead_in + item,
                   [("April 10, 2025", "DATE", "2025-04-10"), ("April 9, 2025", "DATE", "2025-04-09"),
                    ("April 11, 2025", "DATE", "2025-04-11")],
                   rates=[("\u201c125%\u201d", 125.0, "duty", 84.0)])
    assert [date for kind, rate, date, _ in found if rate == 125.0] == ["2025-04-10"]


def test_an_item_ending_as_a_lead_in_dates_the_items_it_introduces(build, resources):
    # "(c) modify the schedule, effective … May 14, 2025, as follows: (i) …": the nested list's own lead-in
    outer = "To that end, I also deem it appropriate to:\n"
    first = "(a) retain in effect the duty of 5 dollars per parcel; and\n"
    nested = "(b) modify the HTSUS, effective with respect to goods entered on or after 12:01 a.m. on April 9, " \
             "2025, as follows:\n"
    found = _order(build, resources, INTRO + outer + first + nested + ITEM_A.replace("(a)", "(i)"), LEAD_IN_DATES)
    assert [date for kind, rate, date, _ in found if rate == 84.0] == ["2025-04-09"]
    # the items of a list that goes on through plain items still reach the lead-in before them
    found = _order(build, resources, INTRO + LEAD_IN + first + ITEM_B, LEAD_IN_DATES)
    assert [date for kind, rate, date, _ in found if rate == 84.0] == ["2025-04-09"]
