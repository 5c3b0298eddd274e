"""A measure's date stated in the sentence before it, which names the same goods and tells no measure
(pipeline/events/lead_dates.py). Sentences written for these tests in the style of a 2025 fact sheet."""

from __future__ import annotations

from pipeline.events import article_events

USA = ("Washington", "USA", "government")
CHINA = ("China", "CHN", "country")

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
