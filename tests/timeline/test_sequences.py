"""The timeline's rules on readings that say little: a lift dated too coarsely to place, a product's pause that
is the pause of all goods, and a rise or cut that states neither its level nor its day (docs/timeline.md)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.timeline.test_timeline import d, event, rows_of, sequence


def weekly(event_id: str, event_type: str, monday: str, **fields):
    """An event dated to the week starting ``monday``."""
    row = event(event_id, event_type, monday, granularity="week", **fields)
    row["event_date_end"] = date.fromisoformat(monday) + timedelta(days=6)
    return row


def test_a_lift_dated_to_its_week_is_withdrawn_when_a_day_inside_finds_the_tariff_in_force_at_its_rate():
    # "held off last week on a promise to end a duty exemption", read as an exemption of
    # all goods in the week of 3 February, between the 10% of 1 February and the 10% in force on 4 February
    rows = [event("e1", "tariff_imposed", "2025-02-01", targets=("CHN",), rate=10),
            weekly("e2", "tariff_exemption", "2025-02-03", targets=("CHN",), published="2025-02-11",
                   articles=("a2",)),
            event("e3", "tariff_imposed", "2025-02-04", targets=("CHN",), rate=10, articles=("a3",))]
    assert sequence(rows, target="CHN") == [("imposed", True, 10, None, d("2025-02-01"), None)]
    (row,) = rows_of(rows, target="CHN")
    assert row["alternatives"] == ["exempted (event e2)", "date 2025-02-04 (event e3)"]
    assert row["event_ids"] == ["e1", "e3"] and row["conflict"]


def test_a_withdrawn_pause_schedules_no_resumption():
    # a pause of 30 days dated to its week, and the 10% in force on a day inside that week: no pause was
    # placed, so none ends
    rows = [event("e1", "tariff_imposed", "2025-02-01", targets=("CHN",), rate=10),
            weekly("e2", "tariff_suspended", "2025-02-03", targets=("CHN",), duration="P30D", articles=("a2",)),
            event("e3", "tariff_imposed", "2025-02-04", targets=("CHN",), rate=10, articles=("a3",))]
    assert sequence(rows, target="CHN") == [("imposed", True, 10, None, d("2025-02-01"), None)]


@pytest.mark.parametrize("case", ["lift dated to its day", "another rate inside", "day after the week",
                                  "nothing in force before", "reading placed by its report"])
def test_a_lift_stays_when_its_date_places_it_or_the_finer_reading_does_not_restore_the_rate(case):
    lift = event("e2", "tariff_exemption", "2025-02-03", targets=("CHN",), articles=("a2",)) \
        if case == "lift dated to its day" else \
        weekly("e2", "tariff_exemption", "2025-02-03", targets=("CHN",), articles=("a2",))
    after = {"another rate inside": ("2025-02-04", 20), "day after the week": ("2025-02-10", 10)}
    day, rate = after.get(case, ("2025-02-04", 10))
    # a tariff imposed weeks earlier, so that an undated report inside the week is not taken to be about it
    start = "2025-01-10" if case == "reading placed by its report" else "2025-02-01"
    first = event("e1", "tariff_suspended" if case == "nothing in force before" else "tariff_imposed",
                  start, targets=("CHN",), rate=None if case == "nothing in force before" else 10)
    inside = event("e3", "tariff_imposed", None, targets=("CHN",), rate=rate, published=day, articles=("a3",)) \
        if case == "reading placed by its report" else \
        event("e3", "tariff_imposed", day, targets=("CHN",), rate=rate, articles=("a3",))
    assert "exempted" in [r[0] for r in sequence([first, lift, inside], target="CHN")]


def test_a_pause_of_a_product_with_no_rate_of_its_own_is_the_pause_of_all_goods():
    # "put off planned 25% across-the-board duties on Canada, … the largest aluminum supplier": the pause of
    # all Canadian goods, not a pause of aluminium; its evidence goes to that pause, and aluminium's own 25%
    # of 11 February still begins aluminium's sequence
    rows = [event("e1", "tariff_imposed", "2025-02-01", rate=25),
            event("e2", "tariff_suspended", "2025-02-03", duration="P30D", articles=("a2",)),
            weekly("e3", "tariff_suspended", "2025-02-03", product="aluminum", published="2025-02-11",
                   articles=("a3",)),
            event("e4", "tariff_increased", "2025-02-11", product="aluminum", rate=25, previous=10,
                  articles=("a4",))]
    assert sequence(rows, product="aluminum") == [("increased", True, 25, 10, d("2025-02-11"), None)]
    pause = next(r for r in rows_of(rows) if r["change"] == "suspended")
    assert pause["event_ids"] == ["e2", "e3"] and pause["article_ids"] == ["a2", "a3"]


def test_a_paused_product_lifting_the_rate_of_all_goods_folds_with_its_resumption():
    # "paused for 30 days … a 25% tariff on Mexican oil": Mexico's oil bore the 25% on all Mexican goods
    rows = [event("e1", "tariff_imposed", "2025-02-01", targets=("MEX",), rate=25),
            event("e2", "tariff_suspended", "2025-02-03", targets=("MEX",), duration="P30D", articles=("a2",)),
            event("e3", "tariff_suspended", "2025-02-01", targets=("MEX",), product="energy", previous=25,
                  duration="P30D", granularity="month", published="2025-02-13", articles=("a3",))]
    assert sequence(rows, target="MEX", product="energy") == []
    assert [r[0] for r in sequence(rows, target="MEX")] == ["imposed", "suspended", "resumed"]


@pytest.mark.parametrize("case", ["a rate of its own", "no pause of all goods", "pause of all goods weeks away"])
def test_a_pause_of_a_product_stays_its_own_when_it_lifts_its_own_rate_or_all_goods_were_not_paused_then(case):
    # 10% on Canadian energy beside 25% on all Canadian goods: a rate of the product's own
    all_goods_pause = {"no pause of all goods": None, "pause of all goods weeks away": "2025-03-10"}.get(
        case, "2025-02-03")
    rows = [event("e1", "tariff_imposed", "2025-02-01", rate=25),
            event("e3", "tariff_suspended", "2025-02-03", product="energy",
                  previous=10 if case == "a rate of its own" else None, articles=("a3",))]
    if all_goods_pause:
        rows.append(event("e2", "tariff_suspended", all_goods_pause, articles=("a2",)))
    assert [r[0] for r in sequence(rows, product="energy")] == ["suspended"]


def test_a_first_rise_with_neither_rate_nor_date_is_not_a_row_but_one_with_either_is():
    # "the tariffs have increased uncertainty … as soybeans … are vulnerable": a rise of nothing stated
    undated = event("e1", "tariff_increased", None, product="soybeans", published="2025-02-13")
    assert sequence([undated], product="soybeans") == []
    with_rate = event("e2", "tariff_increased", None, product="soybeans", rate=25, published="2025-02-13")
    dated = event("e3", "tariff_increased", "2025-02-13", product="soybeans")
    assert [r[0] for r in sequence([with_rate], product="soybeans")] == ["increased"]
    assert [r[0] for r in sequence([dated], product="soybeans")] == ["increased"]
    # after a tariff in force, an undated rise of unstated level is a repeat, as before (section 4)
    assert [r[0] for r in sequence([event("e0", "tariff_imposed", "2025-02-01", product="soybeans", rate=10),
                                    undated], product="soybeans")] == ["imposed"]


def test_origins_named_by_a_measure_on_every_origin_are_no_sequences_of_their_own():
    # "25% on steel from Japan, Korea and Brazil": the 25% on steel of every origin, naming some it hits; the
    # all-origins interval holds their evidence
    rows = [event("e1", "tariff_increased", "2025-02-10", targets=(), scope="all", product="steel", rate=25,
                  previous=10, articles=("a1",)),
            event("e2", "tariff_imposed", "2025-02-11", targets=("JPN", "KOR", "BRA"), product="steel", rate=25,
                  articles=("a2",))]
    assert all(sequence(rows, target=origin, product="steel") == [] for origin in ("JPN", "KOR", "BRA"))
    (every,) = rows_of(rows, target=None, product="steel")
    assert every["event_ids"] == ["e1", "e2"] and every["article_ids"] == ["a1", "a2"]


@pytest.mark.parametrize("case", ["another rate", "unstated rate", "weeks away", "no product"])
def test_a_named_origin_keeps_its_sequence_when_its_rate_or_day_is_its_own(case):
    day = "2025-03-20" if case == "weeks away" else "2025-02-11"
    rate = {"another rate": 50, "unstated rate": None}.get(case, 25)
    product = None if case == "no product" else "steel"
    rows = [event("e1", "tariff_increased", "2025-02-10", targets=(), scope="all", product=product, rate=25),
            event("e2", "tariff_imposed", day, targets=("JPN",), product=product, rate=rate, articles=("a2",))]
    assert [r[0] for r in sequence(rows, target="JPN", product=product)] == ["imposed"]


def test_goods_named_without_a_rate_beside_the_tariff_on_all_goods_are_that_tariff():
    # "the 25% tariffs on Canada took effect, hitting its autos": autos have no rate of their own
    rows = [event("e1", "tariff_imposed", "2025-03-04", rate=25),
            event("e2", "tariff_imposed", "2025-03-05", product="autos", articles=("a2",))]
    assert sequence(rows, product="autos") == []
    (all_goods,) = rows_of(rows)
    assert all_goods["event_ids"] == ["e1", "e2"] and all_goods["article_ids"] == ["a1", "a2"]


def test_goods_named_at_the_rate_of_the_tariff_on_all_goods_are_that_tariff():
    # "the 10% tariff on Chinese goods, chips included, took effect": the chips' 10% is the all-goods 10%
    rows = [event("e1", "tariff_imposed", "2025-02-01", targets=("CHN",), rate=10),
            event("e2", "tariff_imposed", "2025-02-04", targets=("CHN",), product="semiconductors", rate=10,
                  articles=("a2",))]
    assert sequence(rows, target="CHN", product="semiconductors") == []
    (all_goods,) = rows_of(rows, target="CHN")
    assert all_goods["event_ids"] == ["e1", "e2"] and all_goods["rate_value"] == 10


@pytest.mark.parametrize("previous", [10, 25])
def test_goods_at_the_broader_rate_with_a_rate_before_of_their_own_keep_their_sequence(previous):
    # "steel to 25% from 10%" beside 25% on all Canadian goods: a change of steel's own rate
    rows = [event("e1", "tariff_imposed", "2025-03-04", rate=25),
            event("e2", "tariff_imposed", "2025-03-05", product="steel", rate=25, previous=previous,
                  articles=("a2",))]
    assert [r[0] for r in sequence(rows, product="steel")] == ["imposed"]


@pytest.mark.parametrize("case", ["a rate of its own", "nothing of all goods in force near"])
def test_goods_with_a_rate_of_their_own_or_no_tariff_on_all_goods_near_keep_their_sequence(case):
    rows = [event("e1", "tariff_imposed", "2025-02-01" if case == "nothing of all goods in force near"
                  else "2025-03-04", rate=25),
            event("e2", "tariff_imposed", "2025-03-05", product="energy",
                  rate=10 if case == "a rate of its own" else None, articles=("a2",))]
    assert [r[0] for r in sequence(rows, product="energy")] == ["imposed"]


def test_a_month_holding_a_week_that_holds_a_day_joins_the_day():
    # "imposed in January" holds the week of 27 January ("last week"), which holds 1 February ("on Saturday"):
    # all three are the imposition of 1 February, not one of 27 January dated by the month's reading
    month = event("e1", "tariff_imposed", "2025-01-01", targets=("MEX",), granularity="month", articles=("a1",))
    month["event_date_end"] = d("2025-01-31")
    rows = [month, weekly("e2", "tariff_imposed", "2025-01-27", targets=("MEX",), articles=("a2",)),
            event("e3", "tariff_imposed", "2025-02-01", targets=("MEX",), rate=25, articles=("a3",))]
    [row] = rows_of(rows, target="MEX")
    assert (row["valid_from"], row["effective_on"], row["rate_value"]) == (d("2025-02-01"), d("2025-02-01"), 25)
    assert row["event_ids"] == ["e1", "e2", "e3"] and row["alternatives"] == []


def test_an_undated_report_of_a_pause_counts_its_length_from_the_pause_it_reports():
    # "suspended the levies on goods from Mexico for a month", undated in a story of 8 February, reports the
    # pause of 3 February: the month runs from 3 February, not from the story's day
    rows = [event("e1", "tariff_imposed", "2025-02-01", targets=("MEX",), rate=25),
            event("e2", "tariff_suspended", "2025-02-03", targets=("MEX",), articles=("a2",)),
            event("e3", "tariff_suspended", None, targets=("MEX",), duration="P1M", published="2025-02-08",
                  articles=("a3",))]
    assert sequence(rows, target="MEX")[1:] == [("suspended", False, None, 25, d("2025-02-03"), d("2025-03-03")),
                                                ("resumed", True, 25, None, d("2025-03-03"), None)]


@pytest.mark.parametrize("own_rate_before", [False, True])
def test_goods_named_at_the_rate_of_a_new_tariff_on_all_goods_join_it_after_a_rate_of_their_own(own_rate_before):
    # "the new 10% tariff on Chinese goods also hits solar panels", after panels bore 50% since 2024: the 10%
    # is the tariff on all Chinese goods, added to the panels' own 50%, which runs on
    rows = [event("e1", "tariff_imposed", "2025-02-01", targets=("CHN",), rate=10),
            event("e3", "tariff_imposed", "2025-02-03", targets=("CHN",), product="solar panels", rate=10,
                  articles=("a3",))]
    if own_rate_before:
        rows.append(event("e2", "tariff_increased", "2024-05-14", targets=("CHN",), product="solar panels",
                          rate=50, previous=25, articles=("a2",)))
    expected = [("increased", True, 50, 25, d("2024-05-14"), None)] if own_rate_before else []
    assert sequence(rows, target="CHN", product="solar panels") == expected
    (all_goods,) = rows_of(rows, target="CHN")
    assert all_goods["event_ids"] == ["e1", "e3"]


@pytest.mark.parametrize("case", ["another rate", "weeks away", "a rise"])
def test_goods_after_a_rate_of_their_own_keep_an_imposition_not_at_a_new_all_goods_rate(case):
    day = "2025-03-20" if case == "weeks away" else "2025-02-03"
    kind = "tariff_increased" if case == "a rise" else "tariff_imposed"
    rate = {"another rate": 25, "no rate": None}.get(case, 10)
    rows = [event("e1", "tariff_imposed", "2025-02-01", targets=("CHN",), rate=10),
            event("e2", "tariff_increased", "2024-05-14", targets=("CHN",), product="solar panels", rate=50,
                  articles=("a2",)),
            event("e3", kind, day, targets=("CHN",), product="solar panels", rate=rate, articles=("a3",))]
    assert len(sequence(rows, target="CHN", product="solar panels")) == 2


def _paused_together(energy_days: int, all_goods_end: str):
    """Canada's goods at 25% and its energy at 10%, both paused on 3 February; the goods' tariff reported in
    force again on ``all_goods_end``, the energy's pause stating ``energy_days`` and no report of its end."""
    return [event("e1", "tariff_imposed", "2025-02-01", rate=25),
            event("e2", "tariff_imposed", "2025-02-01", product="energy", rate=10),
            event("e3", "tariff_suspended", "2025-02-03", duration="P1M"),
            event("e4", "tariff_suspended", "2025-02-03", product="energy", duration=f"P{energy_days}D"),
            event("e5", "tariff_imposed", all_goods_end, rate=25, articles=("a5",))]


def test_a_product_paused_with_all_goods_resumes_when_all_goods_do():
    rows = _paused_together(30, "2025-03-04")
    assert [r[4] for r in sequence(rows)] == [d("2025-02-01"), d("2025-02-03"), d("2025-03-04")]
    assert sequence(rows, product="energy") == [
        ("imposed", True, 10, None, d("2025-02-01"), d("2025-02-03")),
        ("suspended", False, None, 10, d("2025-02-03"), d("2025-03-04")),
        ("resumed", True, 10, None, d("2025-03-04"), None)]


def test_a_product_pause_ending_days_from_the_end_of_all_goods_keeps_its_own_end():
    # a pause of 20 days beside one of a month is a pause of its own
    rows = _paused_together(20, "2025-03-04")
    assert sequence(rows, product="energy")[-1][4] == d("2025-02-23")


@pytest.mark.parametrize("broader", ["imposed", "increased"])
def test_a_rise_of_one_origins_goods_stating_neither_level_nor_day_reports_the_rise_of_every_origin(broader):
    # "the higher duties on metal will send Ottawa's smelters to Asian buyers", read as a rise on Canadian
    # aluminium, two days after the rise on aluminium of every origin, behind a pause of Canadian goods that
    # names aluminium (the pause of all Canadian goods): the rise of every origin, not one of Canada's own
    rows = [event("e1", "tariff_imposed", "2025-02-01", targets=("CAN",), rate=25),
            event("e2", "tariff_suspended", "2025-02-03", targets=("CAN",), duration="P30D", articles=("a2",)),
            event("e3", "tariff_suspended", "2025-02-03", targets=("CAN",), product="aluminum", articles=("a3",)),
            event("e4", f"tariff_{broader}", "2025-02-10", targets=(), scope="all",
                  product="aluminum", rate=25, previous=10, articles=("a4",)),
            event("e5", "tariff_increased", None, targets=("CAN",), product="aluminum", published="2025-02-12",
                  articles=("a5",))]
    assert sequence(rows, target="CAN", product="aluminum") == []
    (every,) = rows_of(rows, target=None, product="aluminum")
    assert every["event_ids"] == ["e4", "e5"] and every["article_ids"] == ["a4", "a5"]


@pytest.mark.parametrize("case", ["a cut", "weeks away", "a stated rate"])
def test_a_rise_of_one_origins_goods_keeps_its_row_when_it_says_something_or_moves_another_way(case):
    # a cut is no report of a rise; a rise weeks later, or at a rate of its own, is a change of its own
    rows = [event("e1", "tariff_imposed", "2025-02-01", targets=("CAN",), rate=25),
            event("e2", "tariff_suspended", "2025-02-03", targets=("CAN",), duration="P30D", articles=("a2",)),
            event("e3", "tariff_suspended", "2025-02-03", targets=("CAN",), product="aluminum", articles=("a3",)),
            event("e4", "tariff_increased", "2025-02-10", targets=(), scope="all", product="aluminum", rate=25,
                  previous=10, articles=("a4",)),
            event("e5", "tariff_reduced" if case == "a cut" else "tariff_increased", None, targets=("CAN",),
                  product="aluminum", rate=50 if case == "a stated rate" else None,
                  published="2025-03-20" if case == "weeks away" else "2025-02-12", articles=("a5",))]
    expected = "reduced" if case == "a cut" else "increased"
    assert [r[0] for r in sequence(rows, target="CAN", product="aluminum")] == [expected]
