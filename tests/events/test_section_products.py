"""Goods named by the heading of an order's section (pipeline/events/section_products.py) and product variants
with a gap (models/events/products.csv). Sentences written for these tests in the style of a 2025 executive
order."""

from __future__ import annotations

from pipeline.events import article_events
from pipeline.events.arguments import find_products

PRC = ("the PRC", "CHN", "government")
INTRO = "Because the PRC has agreed to talks, the tariff schedule shall be modified as follows. "
LEAD_IN = "Effective with respect to goods entered on or after 12:01 a.m. on June 3, 2025:\n"
ITEM = "(a) subdivision (k) of note 7 to chapter 99 of the HTSUS shall be amended by deleting \u201c90 percent\u201d " \
       "and by inserting \u201c40 percent\u201d in lieu thereof.\n"
CUT = [("\u201c40 percent\u201d", 40.0, "duty", 90.0)]
DATES = [("June 3, 2025", "DATE", "2025-06-03")]


def _order(build, resources, text: str) -> list[tuple]:
    rows = article_events(build(text, parsed=True, countries=[PRC], dates=DATES, rates=CUT,
                                published="2025-06-01"), resources)
    return [(r["event_type"], r["rate_value"], r["product"]) for r in rows if r["event_type"].startswith("tariff")]


def test_an_amendment_naming_no_goods_takes_those_of_its_sections_heading(build, resources):
    heading = "Sec. 3.\nTreatment of Small Parcels.\n"
    found = _order(build, resources, INTRO + heading + LEAD_IN + ITEM)
    assert [product for _, rate, product in found if rate == 40.0] == ["low-value shipments"]


def test_a_heading_on_the_markers_own_line_counts_too(build, resources):
    heading = "Sec. 3. Treatment of Small Parcels.\n"
    found = _order(build, resources, INTRO + heading + LEAD_IN + ITEM)
    assert [product for _, rate, product in found if rate == 40.0] == ["low-value shipments"]


def test_no_goods_from_a_heading_naming_none_or_without_a_section(build, resources):
    plain = "Sec. 3.\nReciprocal Rates.\n"
    found = _order(build, resources, INTRO + plain + LEAD_IN + ITEM)
    assert [product for _, rate, product in found if rate == 40.0] == [None]
    found = _order(build, resources, INTRO + LEAD_IN + ITEM)
    assert [product for _, rate, product in found if rate == 40.0] == [None]


def test_a_later_section_ends_the_heading_before_it(build, resources):
    first = "Sec. 3.\nTreatment of Small Parcels.\nThe Secretary shall publish notice.\n"
    second = "Sec. 4.\nReciprocal Rates.\n"
    found = _order(build, resources, INTRO + first + second + LEAD_IN + ITEM)
    assert [product for _, rate, product in found if rate == 40.0] == [None]


def test_goods_that_qualify_under_an_agreement_spelled_out_before_its_short_name(resources):
    spelled = "these duties shall not apply to articles of Mexico that qualify for duty-free entry under the " \
              "Agreement between the United States of America, the United Mexican States, and Canada (USMCA)"
    assert find_products([spelled], resources) == ("usmca goods",)
    # the gap stays inside one clause: a sentence's end, or a qualification of something else, breaks it
    assert find_products(["farmers qualify for aid. Talks on the USMCA resume"], resources) == ()
    assert find_products(["the USMCA partners met"], resources) == ()


CANADA = ("Canada", "CAN", "country")
USA = ("Washington", "USA", "government")
CANADIAN = ("Canadian", "CAN", "country")


def test_an_exemption_of_goods_qualifying_under_an_agreement_named_in_full_is_of_those_goods(build, resources):
    # the agreement's name holds a trigger ("Agreement") that ends the trigger's part before the short form
    text = "Washington said the new duties do not apply to goods of Canada that qualify for duty-free entry " \
           "under the Agreement between the United States of America, the United Mexican States, and Canada " \
           "(USMCA)."
    rows = article_events(build(text, parsed=True, countries=[USA, CANADA], published="2025-03-07"), resources)
    exemptions = [r["product"] for r in rows if r["event_type"] == "tariff_exemption"]
    assert exemptions and set(exemptions) == {"usmca goods"}


def test_a_sentence_citing_another_section_of_the_order_takes_no_goods_from_its_heading(build, resources):
    heading = "Sec. 3.\nTreatment of Small Parcels.\n"
    recital = "(a) to keep the reduction in duties pursuant to section 2 of this order effective, the HTSUS shall be " \
              "amended by deleting \u201c90 percent\u201d and by inserting \u201c40 percent\u201d in lieu thereof.\n"
    found = _order(build, resources, INTRO + heading + LEAD_IN + recital)
    assert found  # the cut is read; its goods are not the heading's
    assert [product for _, rate, product in found if rate == 40.0] == [None]


def test_goods_in_a_bracketed_aside_with_its_own_rate_are_not_the_measures(build, resources):
    text = "Washington imposed a 25% tariff on Canadian goods (10% on lumber) on Tuesday."
    rows = article_events(build(text, parsed=True, countries=[USA, CANADIAN], published="2025-03-07",
                                rates=[("25%", 25.0, "tariff", None), ("10%", 10.0, "tariff", None)]), resources)
    assert [(r["rate_value"], r["product"]) for r in rows if r["rate_value"] == 25.0] == [(25.0, None)]
    plain = "Washington imposed a 25% tariff on Canadian lumber on Tuesday."
    rows = article_events(build(plain, parsed=True, countries=[USA, CANADIAN], published="2025-03-07",
                                rates=[("25%", 25.0, "tariff", None)]), resources)
    assert [(r["rate_value"], r["product"]) for r in rows if r["rate_value"] == 25.0] == [(25.0, "lumber")]
