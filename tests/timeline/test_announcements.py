"""Announced changes and the day they take effect (docs/timeline.md, section 2): a plan's stated day of effect
moves the asserted change it corroborates, a pause before that day means the change never took effect, and a
lift told as a pause one day and an exemption the next is one lift (section 4). Sequences constructed for these
tests."""

from __future__ import annotations

from pipeline.timeline import build_timeline
from tests.timeline.test_effective_days import effective
from tests.timeline.test_timeline import RULES, d, event, rows_of, sequence


def plan(event_id: str, event_type: str, day: str | None, takes_effect: str, **fields) -> dict:
    """A planned reading whose text states the day its measure takes effect (told on 9 February unless said)."""
    fields.setdefault("published", day or "2025-02-09")
    return effective(event(event_id, event_type, day, modality="planned", **fields), takes_effect)


def assert_pre_empted(rows: list[dict]) -> None:
    """The order of the 1st to take effect on the 4th, paused for 30 days on the 3rd: never in force then."""
    assert sequence(rows) == [
        ("imposed", False, None, None, d("2025-02-01"), d("2025-02-03")),
        ("suspended", False, None, 25, d("2025-02-03"), d("2025-03-05")),
        ("resumed", True, 25, None, d("2025-03-05"), None),
    ]
    announced = rows_of(rows)[0]
    assert (announced["announced_on"], announced["effective_on"]) == (d("2025-02-01"), d("2025-02-04"))


def test_an_order_paused_before_its_day_of_effect_never_takes_effect_and_resumes_later():
    # announced on the 1st to take effect on the 4th, paused on the 3rd for 30 days: in force from the pause's end
    rows = [event("e1", "tariff_imposed", "2025-02-01", rate=25, articles=("a1", "a2")),
            plan("p1", "tariff_imposed", None, "2025-02-04", rate=25, published="2025-02-02"),
            event("e2", "tariff_suspended", "2025-02-03", duration="P30D")]
    assert_pre_empted(rows)


def test_an_order_stating_its_own_day_of_effect_is_paused_before_it_too():
    rows = [effective(event("e1", "tariff_imposed", None, rate=25, published="2025-02-01"), "2025-02-04"),
            event("e2", "tariff_suspended", "2025-02-03", duration="P30D")]
    assert [(r[0], r[1], r[4]) for r in sequence(rows)] == [
        ("imposed", False, d("2025-02-01")), ("suspended", False, d("2025-02-03")), ("resumed", True, d("2025-03-05"))]


def test_a_plan_s_day_of_effect_places_the_asserted_change_it_corroborates():
    # "section 2(a) … amended by striking 10 percent … 20 percent" (undated, told on the 3rd) and a plan "the 20%
    # takes effect on March 4": in force from the 4th, announced on the 3rd
    rows = [event("e1", "tariff_imposed", "2025-02-04", rate=10),
            event("e2", "tariff_increased", None, rate=20, previous=10, published="2025-03-03"),
            plan("p1", "tariff_imposed", None, "2025-03-04", rate=20, published="2025-03-03")]
    assert sequence(rows) == [("imposed", True, 10, None, d("2025-02-04"), d("2025-03-04")),
                              ("increased", True, 20, 10, d("2025-03-04"), None)]
    raised = rows_of(rows)[1]
    assert (raised["announced_on"], raised["effective_on"]) == (d("2025-03-03"), d("2025-03-04"))
    # the plan keeps its own row, apart
    assert [r["status"] for r in build_timeline(rows, RULES)].count("planned") == 1


def test_plans_that_disagree_far_days_or_other_rates_leave_the_change_where_it_is():
    base = [event("e1", "tariff_imposed", "2025-02-10", rate=25)]
    cases = [
        [plan("p1", "tariff_imposed", None, "2025-02-11", rate=25), plan("p2", "tariff_imposed", None,
                                                                         "2025-02-20", rate=25)],  # two days
        [plan("p1", "tariff_imposed", None, "2025-03-12", rate=25)],  # a month later: beyond the report window
        [plan("p1", "tariff_imposed", None, "2025-02-12", rate=10)],  # another rate
        [plan("p1", "tariff_imposed", None, "2025-02-12", rate=25, targets=("MEX",))],  # another target
    ]
    for plans in cases:
        assert sequence(base + plans) == [("imposed", True, 25, None, d("2025-02-10"), None)]


def test_an_asserted_day_of_effect_outranks_a_plan():
    # "imposed … as of February 4" states it: a plan of the 6th does not move the interval there
    rows = [event("e1", "tariff_imposed", "2025-02-01", rate=10),
            effective(event("e2", "tariff_imposed", None, rate=10, published="2025-02-02"), "2025-02-04"),
            plan("p1", "tariff_imposed", None, "2025-02-06", rate=10)]
    assert [r[4] for r in sequence(rows)] == [d("2025-02-04")]


def test_a_pause_of_the_announcement_s_day_or_placed_by_its_report_does_not_pre_empt():
    for pause in (event("e2", "tariff_suspended", "2025-02-01"),  # the day it was announced
                  event("e2", "tariff_suspended", None, published="2025-02-03")):  # placed by its report
        rows = [effective(event("e1", "tariff_imposed", None, rate=25, published="2025-02-01"), "2025-02-04"),
                pause]
        assert (True, d("2025-02-04")) in [(r[1], r[4]) for r in sequence(rows)]


def test_a_lift_told_as_a_pause_and_then_as_an_exemption_is_one_lift():
    # "paused the repeal of duty-free treatment" (7th) and "delays suspension of duty-free imports" (8th)
    rows = [event("e1", "tariff_suspended", None, published="2025-02-07"),
            event("e2", "tariff_exemption", None, published="2025-02-08", articles=("a2",))]
    [row] = rows_of(rows)
    assert (row["change"], row["valid_from"], row["valid_to"]) == ("suspended", d("2025-02-07"), None)
    assert row["event_ids"] == ["e1", "e2"] and row["alternatives"] == ["exempted (event e2)"]
    # dated by its text, or weeks later, it is a change of its own
    later = [rows[0], event("e2", "tariff_exemption", None, published="2025-03-10")]
    assert [r[0] for r in sequence(later)] == ["suspended", "exempted"]


def test_readings_of_several_days_moved_to_one_day_of_effect_are_announced_on_the_first():
    # the proclamation of the 26th, "today … imposed" on the 27th, and its plan "effective April 3"
    rows = [event("e1", "tariff_imposed", "2025-03-26", rate=25, targets=(), scope="all", product="autos"),
            event("e2", "tariff_imposed", "2025-03-27", rate=25, targets=(), scope="all", product="autos",
                  articles=("a2", "a3")),
            plan("p1", "tariff_imposed", None, "2025-04-03", rate=25, targets=(), scope="all", product="autos",
                 published="2025-03-26")]
    [row] = [r for r in build_timeline(rows, RULES) if r["status"] == "asserted"]
    assert (row["valid_from"], row["announced_on"], row["effective_on"], row["event_ids"]) == \
        (d("2025-04-03"), d("2025-03-26"), d("2025-04-03"), ["e1", "e2"])


def test_an_asserted_day_of_effect_told_after_a_pause_still_pre_empts_the_order():
    # "imposed 25% tariffs on Saturday" (the 1st), paused on the 3rd, and a story of the 10th: "announced he was
    # imposing 25% duties to go into effect Feb. 4" (asserted: its day had passed when told)
    rows = [event("e1", "tariff_imposed", "2025-02-01", rate=25, articles=("a1", "a2")),
            event("e2", "tariff_suspended", "2025-02-03", duration="P30D"),
            effective(event("e3", "tariff_imposed", None, rate=25, published="2025-02-10"), "2025-02-04")]
    assert_pre_empted(rows)
    assert rows_of(rows)[0]["event_ids"] == ["e1", "e3"]
    # without the pause, the order takes effect on its stated day, announced on the 1st
    [row] = rows_of([rows[0], rows[2]])
    assert (row["valid_from"], row["announced_on"], row["in_force"]) == (d("2025-02-04"), d("2025-02-01"), True)


def test_a_lift_of_part_of_a_rate_is_a_cut_that_a_plan_s_day_of_effect_places():
    # on the 12th "removing the April rates … while retaining a rate of 10%" (a removal and a 10% tariff from one
    # text) and the order's plan "effective May 14 … 10 percent": the cut to 10% applies from the 14th
    rows = [event("e1", "tariff_increased", "2025-04-10", rate=125),
            event("e2", "tariff_removed", "2025-05-12", articles=("a2",)),
            event("e3", "tariff_imposed", "2025-05-12", rate=10, articles=("a2",)),
            plan("p1", "tariff_imposed", None, "2025-05-14", rate=10, published="2025-05-12")]
    assert [(r[0], r[2], r[4]) for r in sequence(rows)] == [("increased", 125, d("2025-04-10")),
                                                             ("reduced", 10, d("2025-05-14"))]
    assert rows_of(rows)[1]["announced_on"] == d("2025-05-12")


def test_a_report_placed_reading_without_a_rate_is_not_moved_by_a_plan():
    # "new tariffs on Chinese goods" told on the 5th (undated, no rate) and a plan "10% from the 14th": the report
    # stays on its day
    rows = [event("e1", "tariff_imposed", None, published="2025-05-05"),
            plan("p1", "tariff_imposed", None, "2025-05-14", rate=10, published="2025-05-12")]
    assert [r[4] for r in sequence(rows)] == [d("2025-05-05")]
