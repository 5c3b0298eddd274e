"""Merging event_mentions rows of several articles into events: the window, dates, and the new columns."""

from __future__ import annotations

from datetime import UTC, date, datetime

from pipeline.config import MODELS_DIR
from pipeline.events import article_events, load_merge_window, merge_events

WINDOW_DAYS = load_merge_window(MODELS_DIR)

SPECS = {"countries": [("Washington", "USA", "government"), ("Japanese", "JPN", "demonym")]}


def _rows(build, resources, text, article_id, published, **specs):
    return article_events(build(text, article_id=article_id, published=published, **{**SPECS, **specs}),
                          resources)


def _published(*pairs):
    return {a: datetime.fromisoformat(p).replace(tzinfo=UTC) for a, p in pairs}


# The same event told in other words: the evidence sentences differ, so no row is a syndicated copy.
WORDINGS = ["Washington raised tariffs on Japanese cars.", "Washington has raised tariffs on Japanese cars.",
            "Officials said Washington raised tariffs on Japanese cars."]


def test_an_undated_measure_a_month_later_is_another_event(build, resources):
    rows = (_rows(build, resources, WORDINGS[0], "a", "2025-03-01")
            + _rows(build, resources, WORDINGS[1], "b", "2025-04-10"))
    assert len({r["event_id"] for r in rows}) == 1  # the same mention id: undated measures hash alike
    events = merge_events(rows, _published(("a", "2025-03-01"), ("b", "2025-04-10")), WINDOW_DAYS)
    assert sorted(e["article_ids"] for e in events) == [["a"], ["b"]] and len({e["event_id"] for e in events}) == 2


def test_within_the_window_an_undated_mention_joins(build, resources):
    rows = (_rows(build, resources, WORDINGS[0], "a", "2025-03-01")
            + _rows(build, resources, WORDINGS[1], "b", "2025-03-08"))
    (event,) = merge_events(rows, _published(("a", "2025-03-01"), ("b", "2025-03-08")), WINDOW_DAYS)
    assert event["article_ids"] == ["a", "b"] and event["evidence_article_id"] == "a"
    assert event["first_published_at"] == datetime(2025, 3, 1, tzinfo=UTC)
    assert event["event_mention_ids"] == sorted(f"{r['article_id']}:{r['event_id']}" for r in rows)


def test_a_measure_dated_to_the_day_joins_however_late(build, resources):
    text = "Washington raised tariffs on Japanese cars on March 4."
    dates = [("March 4", "DATE", "2025-03-04")]
    rows = (_rows(build, resources, text, "a", "2025-03-04", dates=dates)
            + _rows(build, resources, text, "b", "2025-06-30", dates=dates))
    (event,) = merge_events(rows, _published(("a", "2025-03-04"), ("b", "2025-06-30")), WINDOW_DAYS)
    assert event["article_ids"] == ["a", "b"]
    assert (event["event_date_start"], event["event_date_end"], event["event_date_granularity"]) == \
        (date(2025, 3, 4), date(2025, 3, 4), "day")


def test_two_deals_citing_one_old_year_are_apart_outside_the_window(build, resources):
    specs = {"countries": [("Washington", "USA", "government"), ("Tokyo", "JPN", "government")],
             "dates": [("1986", "DATE", "1986")]}
    rows = (_rows(build, resources, "Washington and Tokyo signed an agreement in 1986.", "a", "1987-03-01", **specs)
            + _rows(build, resources, "Washington and Tokyo had signed an agreement in 1986.", "b",
                    f"1987-03-{1 + WINDOW_DAYS + 1:02d}", **specs))
    assert rows and all(r["event_type"] == "agreement" for r in rows)
    late = f"1987-03-{1 + WINDOW_DAYS + 1:02d}"
    events = merge_events(rows, _published(("a", "1987-03-01"), ("b", late)), WINDOW_DAYS)
    assert len(events) == 2


def test_an_untargeted_mention_does_not_join_a_targeted_event(build, resources):
    rows = (_rows(build, resources, "Washington raised tariffs on Japanese cars.", "a", "2025-03-01")
            # Tokyo named before keeps the unnamed tariff unspecified (a tariff said of no country is on all)
            + _rows(build, resources, "Tokyo protested. Washington raised tariffs.", "b", "2025-03-02",
                    countries=[("Tokyo", "JPN", "government"), ("Washington", "USA", "government")]))
    events = merge_events(rows, _published(("a", "2025-03-01"), ("b", "2025-03-02")), WINDOW_DAYS)
    assert sorted(e["target_scope"] for e in events) == ["bilateral", "unspecified"]


def test_dates_that_disagree_keep_events_apart_within_the_window(build, resources):
    text = "Washington raised tariffs on Japanese cars in {}."
    rows = (_rows(build, resources, text.format("March"), "a", "2025-03-01", dates=[("March", "DATE", "2025-03")])
            + _rows(build, resources, text.format("April"), "b", "2025-03-02", dates=[("April", "DATE", "2025-04")]))
    events = merge_events(rows, _published(("a", "2025-03-01"), ("b", "2025-03-02")), WINDOW_DAYS)
    assert sorted(e["event_date"] for e in events) == ["2025-03", "2025-04"]


def test_a_dated_event_reported_on_and_on_stays_one(build, resources):
    texts = ["Washington and Tokyo signed an agreement in 1986.", "Washington and Tokyo had signed an agreement in 1986.",
             "Officials said Washington and Tokyo signed an agreement in 1986."]
    specs = {"countries": [("Washington", "USA", "government"), ("Tokyo", "JPN", "government")],
             "dates": [("1986", "DATE", "1986")]}
    days = ["1987-03-01", "1987-03-12", "1987-03-23"]  # each within the window of the one before
    rows = [r for i, day in enumerate(days) for r in _rows(build, resources, texts[i], f"a{i}", day, **specs)]
    (event,) = merge_events(rows, _published(*((f"a{i}", day) for i, day in enumerate(days))), WINDOW_DAYS)
    assert event["article_ids"] == ["a0", "a1", "a2"]


def test_an_undated_event_does_not_chain_past_the_window(build, resources):
    days = ["2025-03-01", "2025-03-12", "2025-03-23"]
    rows = [r for i, day in enumerate(days) for r in _rows(build, resources, WORDINGS[i], f"a{i}", day)]
    events = merge_events(rows, _published(*((f"a{i}", day) for i, day in enumerate(days))), WINDOW_DAYS)
    assert sorted(e["article_ids"] for e in events) == [["a0", "a1"], ["a2"]]


def test_a_syndicated_copy_joins_even_untargeted_and_late(build, resources):
    # Tokyo named before keeps the unnamed tariff unspecified (a tariff said of no country is on all)
    text = "Tokyo protested. Washington raised tariffs."
    specs = {"countries": [("Tokyo", "JPN", "government"), ("Washington", "USA", "government")]}
    rows = (_rows(build, resources, text, "a", "2025-03-01", **specs)
            + _rows(build, resources, text, "b", "2025-05-01", **specs)
            + _rows(build, resources, "Tokyo protested. Officials said Washington raised tariffs.", "c", "2025-03-02",
                    **specs))
    published = _published(("a", "2025-03-01"), ("b", "2025-05-01"), ("c", "2025-03-02"))
    events = merge_events(rows, published, WINDOW_DAYS)
    assert sorted(e["article_ids"] for e in events) == [["a", "b"], ["c"]]


def test_a_year_does_not_match_a_month_of_it(build, resources):
    specs = {"countries": [("Washington", "USA", "government"), ("Tokyo", "JPN", "government")]}
    rows = (_rows(build, resources, "Washington and Tokyo held trade talks in 1986.", "a", "1987-03-01",
                  dates=[("1986", "DATE", "1986")], **specs)
            + _rows(build, resources, "Washington and Tokyo held trade talks in August.", "b", "1987-03-02",
                    dates=[("August", "DATE", "1986-08")], **specs))
    assert len(merge_events(rows, _published(("a", "1987-03-01"), ("b", "1987-03-02")), WINDOW_DAYS)) == 2


def test_undated_talks_do_not_pool_within_the_window(build, resources):
    specs = {"countries": [("Washington", "USA", "government"), ("Tokyo", "JPN", "government")]}
    rows = (_rows(build, resources, "Washington and Tokyo held trade talks.", "a", "2025-03-01", **specs)
            + _rows(build, resources, "Washington and Tokyo have held trade talks.", "b", "2025-03-03", **specs))
    assert len(merge_events(rows, _published(("a", "2025-03-01"), ("b", "2025-03-03")), WINDOW_DAYS)) == 2


def test_an_undated_row_does_not_join_a_dated_event(build, resources):
    rows = (_rows(build, resources, "Washington raised tariffs on Japanese cars in March.", "a", "2025-03-01",
                  dates=[("March", "DATE", "2025-03")])
            + _rows(build, resources, WORDINGS[1], "b", "2025-03-03"))
    assert len(merge_events(rows, _published(("a", "2025-03-01"), ("b", "2025-03-03")), WINDOW_DAYS)) == 2


def test_the_window_is_the_rule_datas(build, resources):
    rows = (_rows(build, resources, WORDINGS[0], "a", "2025-03-01")
            + _rows(build, resources, WORDINGS[1], "b", "2025-03-04"))
    published = _published(("a", "2025-03-01"), ("b", "2025-03-04"))
    assert len(merge_events(rows, published, 3)) == 1
    assert len(merge_events(rows, published, 2)) == 2
