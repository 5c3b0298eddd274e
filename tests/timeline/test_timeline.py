"""The tariff timeline from constructed `events` rows: each rule of docs/timeline.md on a sequence built for it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

import pytest

from pipeline.config import MODELS_DIR
from pipeline.schemas import conform
from pipeline.timeline import build_timeline, load_rules
from pipeline.timeline.changes import add_duration, product_key

RULES = load_rules(MODELS_DIR)
COLUMNS = ("change", "in_force", "rate_value", "rate_previous", "valid_from", "valid_to")


def event(event_id: str, event_type: str, day: str | None, *, targets=("CAN",), rate=None, previous=None,
          product=None, modality="asserted", duration=None, published: str | None = None, articles=("a1",),
          confidence=0.8, scope="bilateral", excluded=(), granularity="day", background=False, actor="USA"):
    """An `events` row with what the timeline reads; ``published`` defaults to the event's day."""
    start = date.fromisoformat(day) if day else None
    published = published or day
    return {"event_id": event_id, "event_type": event_type, "actor_iso3": actor, "target_iso3": list(targets),
            "target_scope": scope, "excluded_iso3": list(excluded), "rate_value": rate, "rate_previous": previous,
            "product": product, "hs_codes": [], "event_date_start": start, "event_date_end": start,
            "event_date_granularity": granularity if day else None, "modality": modality,
            "is_background": background, "duration": duration,
            "first_published_at": datetime.fromisoformat(published).replace(hour=14, tzinfo=timezone.utc),
            "article_ids": list(articles), "confidence": confidence}


def rows_of(rows, *, status="asserted", target="CAN", product=None):
    """The timeline rows of one key, as the table holds them."""
    return [r for r in build_timeline(rows, RULES)
            if r["status"] == status and r["target_iso3"] == target and r["product"] == product]


def sequence(rows, *, status="asserted", target="CAN", product=None):
    """The intervals of one key as tuples of COLUMNS, in time."""
    found = rows_of(rows, status=status, target=target, product=product)
    return [tuple(r[c] for c in COLUMNS) for r in sorted(found, key=lambda r: r["valid_from"])]


def d(text: str) -> date:
    return date.fromisoformat(text)


def test_impose_pause_resume_raise_exempt():
    rows = [event("e1", "tariff_imposed", "2025-02-04", rate=25),
            event("e2", "tariff_suspended", "2025-02-10", duration="P30D"),
            event("e3", "tariff_increased", "2025-04-01", rate=50, previous=25),
            event("e4", "tariff_exemption", "2025-04-15", product="Steel")]
    assert sequence(rows) == [
        ("imposed", True, 25, None, d("2025-02-04"), d("2025-02-10")),
        ("suspended", False, None, 25, d("2025-02-10"), d("2025-03-12")),
        ("resumed", True, 25, None, d("2025-03-12"), d("2025-04-01")),  # the 30 days ended: the rate carried
        ("increased", True, 50, 25, d("2025-04-01"), None),
    ]
    # The exemption is of one product: its own sequence; all goods keep the 50%.
    assert sequence(rows, product="steel") == [("exempted", False, None, None, d("2025-04-15"), None)]
    resumed = next(r for r in build_timeline(rows, RULES) if r["change"] == "resumed")
    assert (resumed["announced_on"], resumed["effective_on"], resumed["event_ids"]) == \
        (d("2025-02-10"), d("2025-03-12"), ["e2"])


def test_a_report_before_the_pause_ends_says_what_happened_then():
    rows = [event("e1", "tariff_imposed", "2025-02-04", rate=25),
            event("e2", "tariff_suspended", "2025-02-10", duration="P30D"),
            event("e3", "tariff_removed", "2025-03-01")]
    assert [r[0] for r in sequence(rows)] == ["imposed", "suspended", "removed"]


def test_a_pause_without_a_length_stays_open():
    rows = [event("e1", "tariff_imposed", "2025-02-04", rate=25), event("e2", "tariff_suspended", "2025-02-10")]
    assert sequence(rows)[-1] == ("suspended", False, None, 25, d("2025-02-10"), None)


def test_two_reports_disagreeing_on_a_rate_keep_the_better_supported():
    rows = [event("e1", "tariff_increased", "2025-03-04", targets=("CHN",), rate=20, articles=("a1", "a2")),
            event("e2", "tariff_increased", "2025-03-04", targets=("CHN",), rate=15, articles=("a3",),
                  confidence=0.95)]
    [row] = build_timeline(rows, RULES)
    assert (row["rate_value"], row["conflict"], row["alternatives"]) == (20, True, ["rate 15 (event e2)"])
    assert row["event_ids"] == ["e1"] and row["article_ids"] == ["a1", "a2"]


def test_with_equal_articles_the_higher_confidence_wins():
    rows = [event("e1", "tariff_imposed", "2025-03-04", rate=20, confidence=0.6),
            event("e2", "tariff_imposed", "2025-03-04", rate=25, confidence=0.9)]
    [row] = build_timeline(rows, RULES)
    assert row["rate_value"] == 25 and row["alternatives"] == ["rate 20 (event e1)"]


def test_agreeing_reports_of_one_day_are_one_interval_without_conflict():
    rows = [event("e1", "tariff_imposed", "2025-03-04", rate=None, articles=("a1",)),
            event("e2", "tariff_imposed", "2025-03-04", rate=25, articles=("a2",))]
    [row] = build_timeline(rows, RULES)
    assert (row["rate_value"], row["conflict"], row["event_ids"]) == (25, False, ["e1", "e2"])


def test_a_later_report_of_the_same_tariff_joins_it_and_a_different_stated_date_is_an_alternative():
    rows = [event("e1", "tariff_imposed", "2025-02-01", rate=25),
            event("e2", "tariff_imposed", None, rate=25, published="2025-02-03", articles=("a2",)),
            event("e3", "tariff_imposed", "2025-02-04", rate=25, articles=("a3",))]
    [row] = build_timeline(rows, RULES)
    assert row["valid_from"] == d("2025-02-01") and row["event_ids"] == ["e1", "e2", "e3"]
    assert row["alternatives"] == ["date 2025-02-04 (event e3)"] and row["conflict"]


def test_threatened_and_planned_are_kept_apart_and_never_move_the_asserted_rows():
    asserted = [event("e1", "tariff_imposed", "2025-02-04", rate=10, targets=("CHN",))]
    others = [event("t1", "tariff_threatened", "2025-02-05", targets=("CHN",), rate=60, modality="threatened"),
              event("p1", "tariff_increased", "2025-03-04", targets=("CHN",), rate=20, modality="planned",
                    published="2025-02-27")]
    assert sequence(asserted + others, target="CHN") == sequence(asserted, target="CHN")
    assert sequence(asserted + others, target="CHN", status="threatened") == \
        [("imposed", True, 60, None, d("2025-02-05"), None)]
    [planned] = [r for r in build_timeline(others, RULES) if r["status"] == "planned"]
    # Dated after its report: the report's day is the announcement, the date the entry into force.
    assert (planned["valid_from"], planned["announced_on"], planned["effective_on"]) == \
        (d("2025-03-04"), d("2025-02-27"), d("2025-03-04"))


@pytest.mark.parametrize("left_out", [
    {"modality": "negated"}, {"modality": "possible"}, {"background": True}, {"actor": None},
])
def test_negated_possible_background_and_actorless_events_are_left_out(left_out):
    assert build_timeline([event("e1", "tariff_imposed", "2025-02-04", rate=25, **left_out)], RULES) == []


def test_events_of_other_types_are_left_out():
    assert build_timeline([event("e1", "negotiation", "2025-02-04"), event("e2", "sanction", "2025-02-04")],
                          RULES) == []


def test_one_row_per_target_and_pseudo_targets_with_a_null_target():
    rows = [event("e1", "tariff_imposed", "2025-02-01", targets=("MEX", "CAN"), rate=25),
            event("e2", "tariff_suspended", "2025-04-09", targets=(), scope="all_except", excluded=("CHN",),
                  duration="P90D"),
            event("e3", "tariff_imposed", "2025-03-12", targets=(), scope="all", rate=25, product="Steel")]
    table = build_timeline(rows, RULES)
    assert sorted(r["target_iso3"] for r in table if "e1" in r["event_ids"]) == ["CAN", "MEX"]
    pause = [r for r in table if r["target_scope"] == "all_except"]
    assert [(r["target_iso3"], r["excluded_iso3"], r["change"], r["valid_from"]) for r in pause] == [
        (None, ["CHN"], "suspended", d("2025-04-09")), (None, ["CHN"], "resumed", d("2025-07-08"))]
    [steel] = [r for r in table if r["target_scope"] == "all"]
    assert (steel["target_iso3"], steel["product"], steel["rate_value"]) == (None, "steel", 25)


def test_an_undated_event_is_placed_at_its_first_report_with_no_effective_day():
    [row] = build_timeline([event("e1", "tariff_imposed", None, rate=25, published="2025-02-07")], RULES)
    assert (row["valid_from"], row["effective_on"], row["announced_on"]) == (d("2025-02-07"), None, None)


def test_a_date_too_coarse_to_place_counts_as_undated_and_a_month_places_at_its_first_day():
    quarter = event("e1", "tariff_imposed", "2025-04-01", rate=25, published="2025-02-07", granularity="quarter")
    month = event("e2", "tariff_imposed", "2025-04-01", rate=25, published="2025-02-07", granularity="month",
                  targets=("MEX",))
    by_target = {r["target_iso3"]: r for r in build_timeline([quarter, month], RULES)}
    assert (by_target["CAN"]["valid_from"], by_target["CAN"]["effective_on"]) == (d("2025-02-07"), None)
    assert (by_target["MEX"]["valid_from"], by_target["MEX"]["effective_on"]) == (d("2025-04-01"), d("2025-04-01"))


def test_ids_are_deterministic_and_unique_whatever_the_input_order():
    rows = [event("e1", "tariff_imposed", "2025-02-04", rate=25, targets=("CAN", "MEX")),
            event("e2", "tariff_suspended", "2025-02-10", duration="P30D", targets=("CAN", "MEX")),
            event("e3", "tariff_threatened", "2025-02-11", rate=50, modality="threatened")]
    forward, backward = build_timeline(rows, RULES), build_timeline(rows[::-1], RULES)
    assert forward == backward
    ids = [r["timeline_id"] for r in forward]
    assert len(ids) == len(set(ids)) == 7


def test_rows_conform_to_the_declared_schema():
    rows = build_timeline([event("e1", "tariff_imposed", "2025-02-04", rate=25)], RULES)
    table = conform("tariff_timeline", [{**row, "run_id": "r"} for row in rows])
    assert table.num_rows == 1


@pytest.mark.parametrize(("start", "duration", "end"), [
    ("2025-02-03", "P30D", "2025-03-05"), ("2025-04-09", "P90D", "2025-07-08"), ("2025-01-31", "P1M", "2025-02-28"),
    ("2025-02-03", "P2W", "2025-02-17"), ("2025-02-03", "PT5H", None), ("2025-02-03", None, None),
])
def test_add_duration(start, duration, end):
    assert add_duration(d(start), duration) == (d(end) if end else None)


def test_product_key():
    assert product_key("  Steel   Products ") == "steel products" and product_key("") is None and product_key(None) is None


def test_an_undated_report_joins_the_dated_change_it_reports_within_two_weeks():
    rows = [event("e1", "tariff_imposed", "2025-02-01", rate=25),
            event("e2", "tariff_suspended", "2025-02-03"),
            event("e3", "tariff_imposed", "2025-02-04", rate=25, articles=("a3",)),
            event("e4", "tariff_suspended", None, published="2025-02-08", articles=("a4", "a5")),
            event("e5", "tariff_suspended", None, published="2025-03-01", articles=("a6",))]
    table = sequence(rows)
    # e4 reports the pause of 3 February (the latest dated one before it): no new pause on 8 February.
    assert [(r[0], r[4]) for r in table] == [("imposed", d("2025-02-01")), ("suspended", d("2025-02-03")),
                                             ("imposed", d("2025-02-04")), ("suspended", d("2025-03-01"))]
    pause = next(r for r in build_timeline(rows, RULES) if r["valid_from"] == d("2025-02-03"))
    assert pause["event_ids"] == ["e2", "e4"]


def test_an_interval_of_unstated_rate_takes_a_stated_rate_only_from_the_same_change():
    rows = [event("e1", "tariff_reduced", "2024-12-20"), event("e2", "tariff_imposed", "2025-02-01", rate=25),
            event("e3", "tariff_imposed", "2025-02-05", rate=None, articles=("a3",))]
    assert sequence(rows) == [("reduced", True, None, None, d("2024-12-20"), d("2025-02-01")),
                              ("imposed", True, 25, None, d("2025-02-01"), None)]


def test_the_length_of_a_pause_comes_from_any_report_of_it_that_day():
    rows = [event("e1", "tariff_imposed", "2025-02-01", rate=25),
            event("e2", "tariff_suspended", "2025-02-03", articles=("a2", "a3")),
            event("e3", "tariff_suspended", "2025-02-03", duration="P1M", articles=("a4",))]
    assert sequence(rows)[-1] == ("resumed", True, 25, None, d("2025-03-03"), None)


def test_an_alternative_with_another_effect_names_it():
    rows = [event("e1", "tariff_suspended", "2025-02-03", articles=("a1", "a2")),
            event("e2", "tariff_imposed", "2025-02-03", rate=25)]
    [row] = build_timeline(rows, RULES)
    assert row["alternatives"] == ["imposed rate 25 (event e2)"]


def test_a_day_whose_best_report_states_no_rate_reads_the_rate_the_others_state():
    rows = [event("e1", "tariff_reduced", "2024-12-20"),
            event("e2", "tariff_imposed", "2025-02-01", articles=("a1", "a2", "a3")),
            event("e3", "tariff_imposed", "2025-02-01", rate=25, articles=("a4",))]
    assert [(r[0], r[2]) for r in sequence(rows)] == [("reduced", None), ("imposed", 25)]


def test_a_later_dated_report_does_not_date_an_interval_placed_by_its_report():
    rows = [event("e1", "tariff_imposed", None, rate=25, published="2025-02-02"),
            event("e2", "tariff_imposed", "2025-03-04", rate=25, articles=("a2",))]
    [row] = build_timeline(rows, RULES)
    assert (row["valid_from"], row["effective_on"]) == (d("2025-02-02"), None)
    assert row["alternatives"] == ["date 2025-03-04 (event e2)"] and row["conflict"]


def test_a_stated_rate_fills_an_unstated_interval_only_from_a_report_within_a_quarter():
    early = event("e1", "tariff_imposed", "2024-05-14", product="steel")
    soon = event("e2", "tariff_imposed", "2024-06-20", rate=25, product="steel", articles=("a2",))
    late = event("e3", "tariff_imposed", "2025-02-10", rate=25, product="steel", articles=("a3",))
    # a month later (as a measure announced takes effect): another report of it, which states its rate
    assert sequence([early, soon], product="steel") == [("imposed", True, 25, None, d("2024-05-14"), None)]
    # nine months later: a measure of its own, not the 2024 one stated late
    assert sequence([early, late], product="steel") == [
        ("imposed", True, None, None, d("2024-05-14"), d("2025-02-10")),
        ("imposed", True, 25, None, d("2025-02-10"), None)]


def test_a_day_whose_best_report_states_no_rate_reads_the_rate_before_from_a_report_of_that_rate():
    rows = [event("e1", "tariff_increased", "2025-02-10", product="steel", articles=("a1", "a2", "a3")),
            event("e2", "tariff_increased", "2025-02-10", rate=25, previous=10, product="steel", articles=("a4",)),
            event("e3", "tariff_increased", "2025-02-10", rate=None, previous=15, product="steel", articles=("a5",))]
    assert sequence(rows, product="steel") == [("increased", True, 25, 10, d("2025-02-10"), None)]


def test_a_rise_of_unstated_level_dated_weeks_later_is_another_rise():
    rows = [event("e1", "tariff_exemption", "2025-02-13"),
            event("e2", "tariff_increased", None, published="2025-03-14", articles=("a2",)),
            event("e3", "tariff_increased", "2025-03-20", articles=("a3",)),
            event("e4", "tariff_increased", "2025-04-08", articles=("a4",))]
    # e3, six days after e2 was reported, may report it; e4, dated by its text weeks later, is a rise of its own
    assert [(r[0], r[4]) for r in sequence(rows)] == [("exempted", d("2025-02-13")), ("increased", d("2025-03-14")),
                                                      ("increased", d("2025-04-08"))]


def test_an_imposition_takes_no_rate_before_from_the_interval_it_follows():
    # A new duty is not the old one changed: only a rise or a cut inherits the rate in force before it.
    rows = [event("e1", "tariff_imposed", "2024-09-13", targets=("CHN",), rate=100),
            event("e2", "tariff_imposed", "2025-02-04", targets=("CHN",), rate=10),
            event("e3", "tariff_increased", "2025-03-04", targets=("CHN",), rate=20),
            event("e4", "tariff_imposed", "2025-04-02", targets=("CHN",), rate=34, previous=20)]
    assert [row[2:4] for row in sequence(rows, target="CHN")] == [(100, None), (10, None), (20, 10), (34, 20)]


def test_an_imposition_reported_while_its_pause_runs_is_the_one_paused():
    rows = [event("e1", "tariff_imposed", "2025-02-01", rate=25),
            event("e2", "tariff_suspended", "2025-02-03", duration="P30D"),
            event("e3", "tariff_imposed", "2025-02-08", rate=25, published="2025-02-08"),  # a misdated report
            event("e4", "tariff_imposed", None, published="2025-02-24")]  # an undated one, weeks on
    assert sequence(rows) == [
        ("imposed", True, 25, None, d("2025-02-01"), d("2025-02-03")),
        ("suspended", False, None, 25, d("2025-02-03"), d("2025-03-05")),
        ("resumed", True, 25, None, d("2025-03-05"), None),  # the pause keeps its stated end
    ]
    imposed = next(r for r in build_timeline(rows, RULES) if r["change"] == "imposed")
    assert imposed["event_ids"] == ["e1", "e3", "e4"]
    assert imposed["alternatives"] == ["date 2025-02-08 (event e3)"] and imposed["conflict"]


def test_another_rate_or_a_rise_during_a_pause_still_ends_it():
    rows = [event("e1", "tariff_imposed", "2025-02-01", rate=25),
            event("e2", "tariff_suspended", "2025-02-03", duration="P30D"),
            event("e3", "tariff_imposed", "2025-02-20", rate=10)]
    assert [r[0] for r in sequence(rows)] == ["imposed", "suspended", "imposed"]
    rows[2] = event("e3", "tariff_increased", "2025-02-20", rate=50)
    assert [r[0] for r in sequence(rows)] == ["imposed", "suspended", "increased"]


def test_a_change_dated_by_its_text_outranks_reports_placed_on_that_day():
    rows = [event("e1", "tariff_imposed", "2025-02-08", rate=25, articles=("a1",)),
            event("e2", "tariff_removed", None, published="2025-02-08", articles=("a2", "a3", "a4"))]
    [row] = build_timeline(rows, RULES)
    assert (row["change"], row["rate_value"], row["effective_on"]) == ("imposed", 25, d("2025-02-08"))
    assert row["alternatives"] == ["removed (event e2)"]


def test_a_change_dated_to_its_day_outranks_one_dated_to_its_month():
    # "paused in early February" is placed on 1 February; the order of 1 February dates that day itself
    rows = [event("e1", "tariff_imposed", "2025-02-01", rate=10, product="energy", articles=("a1",)),
            event("e2", "tariff_suspended", "2025-02-01", granularity="month", product="energy",
                  articles=("a2", "a3")),
            event("e3", "tariff_suspended", "2025-02-03", product="energy")]
    assert [r[:3] for r in sequence(rows, product="energy")] == [("imposed", True, 10), ("suspended", False, None)]


def test_an_undated_report_at_another_rate_joins_the_dated_change_as_a_reading_of_its_rate():
    # "the 10% tariff on Canadian energy" a week after an order dated at 25%: that order with its rate read
    # otherwise, not a second imposition on the day of the report
    rows = [event("e1", "tariff_imposed", "2025-02-01", rate=25, product="energy"),
            event("e2", "tariff_suspended", "2025-02-03", product="energy"),
            event("e3", "tariff_imposed", None, rate=10, product="energy", published="2025-02-09",
                  articles=("a3",))]
    assert [r[:3] for r in sequence(rows, product="energy")] == [("imposed", True, 25), ("suspended", False, None)]
    [imposed] = [r for r in build_timeline(rows, RULES) if r["change"] == "imposed"]
    assert imposed["alternatives"] == ["rate 10 (event e3)"]


def test_an_undated_report_prefers_the_dated_change_it_agrees_with():
    rows = [event("e1", "tariff_imposed", "2025-02-01", rate=25),
            event("e2", "tariff_imposed", "2025-02-03", rate=10, confidence=0.1),
            event("e3", "tariff_imposed", None, rate=25, published="2025-02-04", articles=("a3",))]
    by_day = {r["valid_from"]: r for r in build_timeline(rows, RULES)}
    assert by_day[d("2025-02-01")]["event_ids"] == ["e1", "e3"] and by_day[d("2025-02-03")]["event_ids"] == ["e2"]


def test_an_undated_report_of_another_change_at_another_rate_stays_on_its_day():
    rows = [event("e1", "tariff_imposed", "2025-02-01", rate=25),
            event("e2", "tariff_increased", None, rate=50, published="2025-02-09")]
    assert [(r[0], r[4]) for r in sequence(rows)] == [("imposed", d("2025-02-01")), ("increased", d("2025-02-09"))]


@pytest.mark.parametrize(("granularity", "start"), [("week", "2025-01-27"), ("month", "2025-02-01")])
def test_a_change_dated_to_its_week_or_month_joins_the_change_dated_to_a_day_inside_it(granularity, start):
    # "last week imposed 10%" (the week of 27 January) and "on February 1 imposed 10%": one imposition, 1 February
    coarse = event("e1", "tariff_imposed", start, rate=10, targets=("CHN",), granularity=granularity,
                   articles=("a1", "a2", "a3"))
    coarse["event_date_end"] = add_duration(d(start), "P6D" if granularity == "week" else "P27D")
    rows = [coarse, event("e2", "tariff_imposed", "2025-02-01", rate=10, targets=("CHN",))]
    [row] = build_timeline(rows, RULES)
    assert (row["valid_from"], row["effective_on"], row["event_ids"]) == (d("2025-02-01"), d("2025-02-01"), ["e1", "e2"])


def test_a_change_dated_to_its_week_keeps_its_day_when_the_day_inside_reads_otherwise_or_lies_outside():
    coarse = event("e1", "tariff_imposed", "2025-01-27", rate=10, targets=("CHN",), granularity="week")
    coarse["event_date_end"] = d("2025-02-02")
    other_rate = event("e2", "tariff_imposed", "2025-02-01", rate=25, targets=("CHN",))
    outside = event("e3", "tariff_imposed", "2025-02-04", rate=10, targets=("CHN",))
    assert [r[4] for r in sequence([coarse, other_rate], target="CHN")] == [d("2025-01-27"), d("2025-02-01")]
    assert [r[4] for r in sequence([coarse, outside], target="CHN")] == [d("2025-01-27")]  # a repeat after it


def test_an_undated_imposition_while_a_pause_with_nothing_before_it_runs_names_the_rate_it_lifted():
    # the pause is the sequence's first reading; "Washington's imposition of a 10% levy on Canadian energy",
    # reported while it runs, tells of the tariff it lifted: the pause lifts 10%, and its end restores 10%
    rows = [event("e1", "tariff_suspended", "2025-02-03", product="energy", duration="P30D"),
            event("e2", "tariff_imposed", None, rate=10, product="energy", published="2025-02-09", articles=("a2",))]
    assert sequence(rows, product="energy") == [
        ("suspended", False, None, 10, d("2025-02-03"), d("2025-03-05")),
        ("resumed", True, 10, None, d("2025-03-05"), None)]
    pause = build_timeline(rows, RULES)[0]
    assert pause["event_ids"] == ["e1", "e2"]


def test_a_dated_imposition_while_a_pause_with_nothing_before_it_runs_ends_it():
    rows = [event("e1", "tariff_suspended", "2025-02-03", duration="P30D"),
            event("e2", "tariff_imposed", "2025-02-09", rate=10)]
    assert [r[0] for r in sequence(rows)] == ["suspended", "imposed"]


def test_a_pause_moved_into_its_month_keeps_its_stated_length_from_the_day_it_moves_to():
    # "paused in early February for 30 days" is the pause dated 3 February: it ends 30 days after that day
    month = event("e1", "tariff_suspended", "2025-02-01", granularity="month", duration="P30D")
    month["event_date_end"] = d("2025-02-28")
    rows = [event("e0", "tariff_imposed", "2025-01-20", rate=25), month,
            event("e2", "tariff_suspended", "2025-02-03", articles=("a2",))]
    assert [(r[0], r[4]) for r in sequence(rows)] == [("imposed", d("2025-01-20")), ("suspended", d("2025-02-03")),
                                                      ("resumed", d("2025-03-05"))]


def test_a_lift_whose_text_also_keeps_a_tariff_in_force_is_a_cut():
    # "suspending 24 points …, while retaining the remaining rate of 10 percent": one text reads as a lift and
    # as a tariff that applies; a tariff cannot both end and apply on one day, so part of it was lifted
    rows = [event("e1", "tariff_increased", "2025-04-08", targets=("CHN",), rate=125),
            event("e2", "tariff_removed", None, targets=("CHN",), published="2025-05-12", articles=("geneva",)),
            event("e3", "tariff_imposed", None, targets=("CHN",), rate=10, published="2025-05-12",
                  articles=("geneva",), confidence=0.1),
            event("e4", "tariff_suspended", None, targets=("CHN",), published="2025-05-12", articles=("sheet",),
                  confidence=0.1)]
    assert sequence(rows, target="CHN") == [("increased", True, 125, None, d("2025-04-08"), d("2025-05-12")),
                                            ("reduced", True, 10, 125, d("2025-05-12"), None)]
    cut = build_timeline(rows, RULES)[-1]
    assert cut["event_ids"] == ["e2", "e3"] and cut["alternatives"] == ["suspended (event e4)"]


@pytest.mark.parametrize("case", ["other article", "nothing in force before"])
def test_a_lift_beside_an_imposition_of_another_text_or_of_nothing_in_force_stays_a_lift(case):
    rows = [event("e1", "tariff_increased", "2025-04-08", targets=("CHN",), rate=125),
            event("e2", "tariff_removed", None, targets=("CHN",), published="2025-05-12", articles=("a2", "a3")),
            event("e3", "tariff_imposed", None, targets=("CHN",), rate=10, published="2025-05-12",
                  articles=("a4" if case == "other article" else "a2",))]
    if case == "nothing in force before":
        rows[0] = event("e1", "tariff_exemption", "2025-04-08", targets=("CHN",))
    assert sequence(rows, target="CHN")[-1][:3] == ("removed", False, None)


def test_the_report_window_is_the_rule_datas():
    rows = [event("e1", "tariff_imposed", "2025-02-01", rate=25), event("e2", "tariff_suspended", "2025-02-03"),
            event("e3", "tariff_imposed", "2025-02-04", rate=25, articles=("a3",)),
            event("e4", "tariff_suspended", None, published="2025-02-08", articles=("a4",))]
    assert RULES.windows.report_days == 14
    assert [r[4] for r in sequence(rows)] == [d("2025-02-01"), d("2025-02-03"), d("2025-02-04")]
    narrow = replace(RULES, windows=replace(RULES.windows, report_days=4))
    # five days after the dated pause, the undated report of a pause is no longer taken to be about it
    assert [r["valid_from"] for r in build_timeline(rows, narrow)] == [
        d("2025-02-01"), d("2025-02-03"), d("2025-02-04"), d("2025-02-08")]


def test_a_pause_that_keeps_part_of_a_tariff_carries_the_rate_in_force_while_it_runs():
    # "suspend its 40% tariff for 90 days, but retain a 15% tariff during the pause" (the events read the kept
    # rate as the pause's rate): 15% applies during the pause, and its end restores the 40%
    rows = [event("e1", "tariff_imposed", "2025-04-02", rate=40),
            event("e2", "tariff_suspended", "2025-04-10", rate=15, duration="P90D"),
            event("e3", "tariff_imposed", None, rate=15, published="2025-04-20")]  # the kept 15% told later
    assert sequence(rows) == [
        ("imposed", True, 40, None, d("2025-04-02"), d("2025-04-10")),
        ("suspended", True, 15, 40, d("2025-04-10"), d("2025-07-09")),
        ("resumed", True, 40, None, d("2025-07-09"), None),
    ]
    pause = next(r for r in build_timeline(rows, RULES) if r["change"] == "suspended")
    assert pause["event_ids"] == ["e2", "e3"]


def test_a_pause_that_keeps_nothing_has_no_rate_in_force():
    rows = [event("e1", "tariff_imposed", "2025-04-02", rate=40),
            event("e2", "tariff_suspended", "2025-04-10", duration="P90D")]
    assert sequence(rows)[1] == ("suspended", False, None, 40, d("2025-04-10"), d("2025-07-09"))


def test_a_kept_rate_read_from_a_later_report_of_the_pause_fills_it():
    rows = [event("e1", "tariff_imposed", "2025-04-02", rate=40),
            event("e2", "tariff_suspended", "2025-04-10"),
            event("e3", "tariff_suspended", None, rate=15, published="2025-04-12")]
    assert sequence(rows)[1] == ("suspended", True, 15, 40, d("2025-04-10"), None)


@pytest.mark.parametrize("reported, duration, end", [
    ("2025-03-04", "P30D", "2025-03-04"),  # "a 30-day reprieve" from 3 February ends 5 March: a day before
    ("2025-03-04", "P1M", "2025-03-04"),  # "for a month" from 3 February ends 3 March: a day after
    ("2025-03-07", "P1M", "2025-03-03"),  # four days after: the count from the stated length stands
    ("2025-02-20", "P1M", "2025-03-03"),  # told while the pause runs: a report of the tariff it paused
])
def test_the_first_report_of_the_paused_tariff_near_the_stated_end_places_the_end(reported, duration, end):
    rows = [event("e1", "tariff_imposed", "2025-02-01", rate=25),
            event("e2", "tariff_suspended", "2025-02-03", duration=duration),
            event("e3", "tariff_imposed", None, published=reported, articles=("a3",))]  # undated
    assert sequence(rows) == [
        ("imposed", True, 25, None, d("2025-02-01"), d("2025-02-03")),
        ("suspended", False, None, 25, d("2025-02-03"), d(end)),
        ("resumed", True, 25, None, d(end), None),
    ]


def test_a_report_of_another_rate_near_the_stated_end_does_not_place_it():
    rows = [event("e1", "tariff_imposed", "2025-02-01", rate=25),
            event("e2", "tariff_suspended", "2025-02-03", duration="P1M"),
            event("e3", "tariff_imposed", None, rate=10, published="2025-03-04", articles=("a3",))]
    assert [(r[0], r[2], r[4]) for r in sequence(rows)][2] == ("resumed", 25, d("2025-03-03"))


def test_a_pause_dated_to_its_week_is_placed_on_the_pause_after_the_tariff_it_lifts_in_that_week():
    # "paused the tariffs for a month this week", dated to the week of 27 January, and an imposition of
    # Saturday 1 February inside that week: the pause is the one reported on Monday 3 February, and its length
    # moves with it (27 January + 1 month, 7 days on); without that report it stays on the week's Monday
    pause = event("e1", "tariff_suspended", "2025-01-27", granularity="week", duration="P1M")
    pause["event_date_end"] = d("2025-02-02")
    imposed = event("e2", "tariff_imposed", "2025-02-01", rate=25)
    reported = event("e3", "tariff_suspended", "2025-02-03")
    assert [(r[0], r[4]) for r in sequence([pause, imposed, reported])] == [
        ("imposed", d("2025-02-01")), ("suspended", d("2025-02-03")), ("resumed", d("2025-03-06"))]
    assert [(r[0], r[4]) for r in sequence([pause, imposed])][:2] == [
        ("suspended", d("2025-01-27")), ("imposed", d("2025-02-01"))]
