"""The dates normalizer: TIMEX3 values against a pinned anchor, tense, modifiers and numeric-date traps.

Every test pins the publication date; none reads the clock.
"""

from datetime import UTC, date, datetime

import pytest

from pipeline.config import MODELS_DIR, PROJECT_ROOT
from pipeline.nlp.build import build_nlp
from pipeline.nlp.mentions import doc_rows
from pipeline.normalize.date_context import load_reach
from pipeline.normalize.date_values import (NO_VALUE, UNRESOLVED, Resolution, duration_value, parse_numeric, resolve,
                                            weekday_by_tense, year_by_tense)
from pipeline.normalize.dates import NORMALIZER, anchor_day, load_dates, normalize_dates
from pipeline.schemas import conform
from pipeline.views import ArticleView, Mention, Sentence

SEED = PROJECT_ROOT / "data" / "raw" / "text" / "000_fdaf5c86bb7df86d.txt"


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(MODELS_DIR, ("trade_sentences_v1", "trade_rates_v1", "trade_dates_v1"))


@pytest.fixture(scope="module")
def resources():
    return load_dates(MODELS_DIR)


def extract(nlp, body, *, published, dateline=None, headline="Headline"):
    """``(article view, mentions, sentences)`` of a body laid out like ``articles.text``."""
    prefix = f"{headline}\n\n" + (f"{dateline}\n" if dateline else "")
    text = prefix + body
    mention_rows, sentence_rows = doc_rows(nlp(text), "a1", "x")
    mentions = sorted((Mention(r["mention_id"], r["kind"], r["text"], r["start_char"], r["end_char"],
                               r["sentence_index"], r["rule_id"], r["label"]) for r in mention_rows),
                      key=lambda m: (m.start, m.end, m.kind))
    sentences = [Sentence(r["sentence_index"], r["start_char"], r["end_char"], r["paragraph_index"])
                 for r in sentence_rows]
    return ArticleView("a1", text, len(prefix), headline, dateline, published), mentions, sentences


def dates(nlp, resources, body, *, published=datetime(2025, 5, 2, tzinfo=UTC), dateline=None):
    """``[(text, timex_type, value, modifier)]`` for a body."""
    view, mentions, sentences = extract(nlp, body, published=published, dateline=dateline)
    rows = normalize_dates(view, mentions, sentences, {}, resources)
    return [(r["text"], r["timex_type"], r["value"], r["modifier"]) for r in rows]


# -- the seed article ---------------------------------------------------------------------------------

def test_the_seed_article(nlp, resources):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    body = "\n".join(lines[3:])  # headline, subheadline, blank line, dateline "ISTANBUL"
    view, mentions, sentences = extract(nlp, body, published=datetime(2025, 5, 2, tzinfo=UTC), dateline="ISTANBUL",
                                        headline="\n".join(lines[:2]))
    rows = normalize_dates(view, mentions, sentences, {}, resources)
    assert [(r["text"], r["timex_type"], r["value"], r["granularity"], r["modifier"]) for r in rows] == [
        ("Thursday", "DATE", "2025-05-01", "day", None),
        ("June", "DATE", "2025-06", "month", "AS_EARLY_AS"),
        ("90-day", "DURATION", "P90D", None, None),
        ("Wednesday", "DATE", "2025-04-30", "day", None),
        ("June", "DATE", "2025-06", "month", None),
        ("next month", "DATE", "2025-06", "month", None),
        ("next month", "DATE", "2025-06", "month", None),
    ]
    assert {r["anchor"] for r in rows if r["timex_type"] == "DATE"} == {"2025-05-02"}
    conform("dates", [{**r, "run_id": "r", "published_month": "2025-05"} for r in rows])


# -- values against a pinned anchor -------------------------------------------------------------------

MAY_2 = datetime(2025, 5, 2, 9, tzinfo=UTC)  # a Friday
MARCH_6 = datetime(2025, 3, 6, 21, tzinfo=UTC)
SAT_1987 = datetime(1987, 3, 28, 7, tzinfo=UTC)


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        ("Akazawa met Bessent on Thursday.", MAY_2, [("Thursday", "DATE", "2025-05-01", None)]),
        ("Ishiba urged the US on Wednesday.", MAY_2, [("Wednesday", "DATE", "2025-04-30", None)]),
        ("They met on Friday.", MAY_2, [("Friday", "DATE", "2025-05-02", None)]),  # on or before the anchor
        ("The two will meet on Wednesday.", MAY_2, [("Wednesday", "DATE", "2025-05-07", None)]),
        ("The committee is meeting on Thursday.", MAY_2, [("Thursday", "DATE", "2025-05-08", None)]),
        ("Markets stay closed until Friday.", datetime(2025, 5, 1, tzinfo=UTC),
         [("Friday", "DATE", "2025-05-02", None)]),
        ("A boycott would take effect from July 1, followed by a review.", datetime(1987, 3, 12, tzinfo=UTC),
         [("July 1", "DATE", "1987-07-01", None)]),
        ("Its stock will be listed on the New York Stock Exchange on March 31.", datetime(1987, 3, 13, tzinfo=UTC),
         [("March 31", "DATE", "1987-03-31", None)]),
        ("The firm said its board voted to seek approval at its April 27 annual meeting.",
         datetime(1987, 3, 11, tzinfo=UTC), [("April 27", "DATE", "1987-04-27", None)]),
        ("It took a charge for Midwest Co, which was acquired December 30.", datetime(1987, 3, 13, tzinfo=UTC),
         [("December 30", "DATE", "1986-12-30", None)]),
        ("Talks resume next Wednesday.", MAY_2, [("next Wednesday", "DATE", "2025-05-07", None)]),
        ("The plant closed last Friday.", MAY_2, [("last Friday", "DATE", "2025-04-25", None)]),
        ("In November, President Trump promised tariffs.", MARCH_6, [("November", "DATE", "2024-11", None)]),
        ("Tariffs will rise in November.", MARCH_6, [("November", "DATE", "2025-11", None)]),
        ("A deal could come in June.", MAY_2, [("June", "DATE", "2025-06", None)]),
        ("Ministers meet in January.", datetime(2025, 11, 20, tzinfo=UTC), [("January", "DATE", "2025-01", None)]),
        ("Ministers will meet in January.", datetime(2025, 11, 20, tzinfo=UTC), [("January", "DATE", "2026-01", None)]),
        ("Japan will make a request next week.", SAT_1987, [("next week", "DATE", "1987-W14", None)]),
        ("They meet next week or the week after next.", SAT_1987,
         [("next week", "DATE", "1987-W14", None), ("the week after next", "DATE", "1987-W15", None)]),
        ("Exports rose this week.", MAY_2, [("this week", "DATE", "2025-W18", None)]),
        ("Exports fell last year.", MAY_2, [("last year", "DATE", "2024", None)]),
        ("The duty was imposed earlier this year.", MAY_2, [("earlier this year", "DATE", "2025", None)]),
        # "earlier this week" told on a Monday: no day of this week lies before it, so the week just ended
        ("Rice duties were raised earlier this week.", datetime(2025, 2, 10, 12, tzinfo=UTC),
         [("earlier this week", "DATE", "2025-W06", None)]),
        ("Rice duties were raised earlier this week.", datetime(2025, 2, 12, 12, tzinfo=UTC),
         [("earlier this week", "DATE", "2025-W07", None)]),
        ("Rice duties will be raised this week.", datetime(2025, 2, 10, 12, tzinfo=UTC),
         [("this week", "DATE", "2025-W07", None)]),
        ("Rice duties were raised earlier this month.", datetime(2025, 3, 1, 12, tzinfo=UTC),
         [("earlier this month", "DATE", "2025-02", None)]),
        ("The pact was agreed late last year.", MAY_2, [("late last year", "DATE", "2024", "END")]),
        ("Prices peaked 18 months ago.", datetime(1987, 3, 23, tzinfo=UTC),
         [("18 months ago", "DATE", "1985-09", None)]),
        ("He changed the rates roughly 90 days ago.", datetime(2025, 7, 7, 22, tzinfo=UTC),
         [("roughly 90 days ago", "DATE", "2025-04-08", "APPROX")]),
        ("Talks end by the end of April.", MAY_2, [("the end of April", "DATE", "2025-04", "END")]),
        ("Talks resume in mid-June.", MAY_2, [("mid-June", "DATE", "2025-06", "MID")]),
        # before a date, "around" is an approximation; "over", "under" and "less than" are no amount of time
        ("The deal should close around June 3.", MAY_2, [("June 3", "DATE", "2025-06-03", "APPROX")]),
        ("Tariffs were announced over the weekend.", MAY_2, [("the weekend", "DATE", "2025-W17-WE", None)]),
        ("The bid is a premium over yesterday's close.", MAY_2, [("yesterday", "DATE", "2025-05-01", None)]),
        ("Exports rose 4% in 2024 over the previous year.", MAY_2,
         [("2024", "DATE", "2024", None), ("the previous year", "DATE", "2024", None)]),
        ("Ventures are set up under June 2024 rules.", MAY_2, [("June 2024", "DATE", "2024-06", None)]),
        ("Output in Austria shrank by 2% in December.", datetime(2025, 2, 10, tzinfo=UTC),
         [("December", "DATE", "2024-12", None)]),  # an irregular past is a past cue
        # no tense cue: after "in" the nearest December, after "by" or "until" the anchor's year
        ("Order book at 2.28 billion in December vs 2.37 billion.", datetime(2025, 2, 10, tzinfo=UTC),
         [("December", "DATE", "2024-12", None)]),
        ("Chileans vote until November.", datetime(2025, 2, 10, tzinfo=UTC),
         [("November", "DATE", "2025-11", None)]),
        # "a" before a month says nothing of its year: without a tense cue, the nearest such month
        ("Exports are weak after a December surge.", datetime(2025, 3, 10, tzinfo=UTC),
         [("December", "DATE", "2024-12", None)]),
        # a weekday whose verb lies beyond the eight words before it: the clause's farther cue decides
        ("The envoy will meet farm groups at 0900 GMT and the chamber's trade committee "
         "the same time Wednesday.", datetime(2025, 2, 11, tzinfo=UTC),
         [("Wednesday", "DATE", "2025-02-12", None)]),
        ("The envoy met farm groups at 0900 GMT and the chamber's trade committee "
         "the same time Wednesday.", datetime(2025, 2, 13, tzinfo=UTC),
         [("Wednesday", "DATE", "2025-02-12", None)]),  # a past cue far back reads as no cue does
        ("Across the region the lower house's long-running budget panel hearing of the whole "
         "committee on Wednesday.", datetime(2025, 2, 11, tzinfo=UTC),
         [("Wednesday", "DATE", "2025-02-05", None)]),  # no cue at all: past narration
        ("The plant reopens by December.", datetime(2025, 2, 10, tzinfo=UTC), [("December", "DATE", "2025-12", "BEFORE")]),
        ("Its shares are flat after reporting fourth-quarter profit.", datetime(2025, 2, 12, tzinfo=UTC),
         [("fourth-quarter", "DATE", "2024-Q4", None)]),  # without a tense cue, the nearest fourth quarter
        ("Rents rose 3% in the December quarter.", datetime(2025, 2, 12, tzinfo=UTC),
         [("the December quarter", "DATE", "2024-Q4", None)]),  # the nearest fourth quarter
        ("Rates may not fall until the fall.", datetime(2025, 2, 13, tzinfo=UTC),
         [("the fall", "DATE", "2025-FA", None)]),
        ("The G7 met in the autumn.", datetime(2025, 2, 13, tzinfo=UTC),
         [("the autumn", "DATE", "2024-FA", None)]),  # past, and after the anchor's season (winter 2024)
        ("Prices may rise over the coming year.", MAY_2, [("the coming year", "DURATION", "P1Y", None)]),
        ("Talks stalled last summer.", MAY_2, [("last summer", "DATE", "2024-SU", None)]),
        ("Oil fell to its lowest level of the year.", MAY_2, [("the year", "DATE", "2025", None)]),
        ("Stocks fell 2% for the week.", MAY_2, [("the week", "DATE", "2025-W18", None)]),
        ("Rates could be cut by the end of the summer, it says.", datetime(2025, 2, 10, tzinfo=UTC),
         [("the end of the summer", "DATE", "2025-SU", "END")]),
        ("Demand sagged this winter.", datetime(2025, 1, 20, tzinfo=UTC), [("this winter", "DATE", "2024-WI", None)]),
        ("The first quarter of last year was weak.", MAY_2,
         [("The first quarter of last year", "DATE", "2024-Q1", None)]),
        ("They met on Tuesday, March 4 in Ottawa.", MARCH_6, [("Tuesday, March 4", "DATE", "2025-03-04", None)]),
        ("Talks run April 16-27.", MAY_2,
         [("April 16", "DATE", "2025-04-16", None), ("27", "DATE", "2025-04-27", None)]),
        ("The pact of July 1986 failed.", MAY_2, [("July 1986", "DATE", "1986-07", None)]),
        ("Talks ran from April 2, 2025.", MAY_2, [("April 2, 2025", "DATE", "2025-04-02", None)]),
        ("Tariffs set on 4/9/2025 stay.", MAY_2, [("4/9/2025", "DATE", "2025-04-09", None)]),
        ("Trade grew in 1986.", MAY_2, [("1986", "DATE", "1986", None)]),
        ("Curbs in force since 1985 remain.", MAY_2, [("1985", "DATE", "1985", "AFTER")]),
        ("The parties act by May 14, 2025.", MAY_2, [("May 14, 2025", "DATE", "2025-05-14", "BEFORE")]),
        ("Today’s order stands.", MAY_2, [("Today", "DATE", "2025-05-02", None)]),
        ("He spoke yesterday and leaves tomorrow.", MAY_2,
         [("yesterday", "DATE", "2025-05-01", None), ("tomorrow", "DATE", "2025-05-03", None)]),
        ("a 90-day reprieve for about five years", MAY_2,
         [("90-day", "DURATION", "P90D", None), ("about five years", "DURATION", "P5Y", "APPROX")]),
        ("for two weeks and 48 hours", MAY_2,
         [("two weeks", "DURATION", "P2W", None), ("48 hours", "DURATION", "PT48H", None)]),
        ("100,000 vehicles each year and daily reports", MAY_2,
         [("each year", "SET", "P1Y", None), ("daily", "SET", "P1D", None)]),
        # "every quarter" is "quarterly" (P3M); a duration keeps its quarters
        ("cuts every quarter, and quarterly reports for two quarters", MAY_2,
         [("every quarter", "SET", "P3M", None), ("quarterly", "SET", "P3M", None),
          ("two quarters", "DURATION", "P2Q", None)]),
    ],
)
def test_values(nlp, resources, body, published, expected):
    assert dates(nlp, resources, body, published=published) == expected


def test_the_dateline_day_is_the_anchor(nlp, resources):
    """A story stamped 22:08 UTC on March 22 from a desk where it is already March 23."""
    rows = dates(nlp, resources, "He was talking to reporters yesterday.", dateline="TAUPO, New Zealand, March 23",
                 published=datetime(1987, 3, 22, 22, 8, tzinfo=UTC))
    assert rows == [("March 23", "DATE", "1987-03-23", None), ("yesterday", "DATE", "1987-03-22", None)]


@pytest.mark.parametrize(
    ("dateline", "published", "anchor"),
    [
        ("TAUPO, New Zealand, March 23", datetime(1987, 3, 22, 22, 8, tzinfo=UTC), date(1987, 3, 23)),
        ("TOKYO, Dec 31", datetime(2025, 1, 1, 2, tzinfo=UTC), date(2024, 12, 31)),  # across the year
        ("WASHINGTON, Jan 1", datetime(2024, 12, 31, 23, tzinfo=UTC), date(2025, 1, 1)),
        ("ISTANBUL", datetime(2025, 5, 2, tzinfo=UTC), date(2025, 5, 2)),
        ("LONDON, June 30", datetime(2025, 5, 2, tzinfo=UTC), date(2025, 5, 2)),  # too far: not the desk's day
        (None, datetime(2025, 5, 2, 23, 59, tzinfo=UTC), date(2025, 5, 2)),
    ],
)
def test_anchor_day(resources, dateline, published, anchor):
    view = ArticleView("a1", "x", 0, None, dateline, published)
    assert anchor_day(view, resources) == anchor


def test_without_a_publication_date_relative_expressions_stay_unresolved(nlp, resources):
    view, mentions, sentences = extract(nlp, "On Thursday, tariffs set on April 2, 2025 rose for 90 days.",
                                        published=None)
    rows = {r["text"]: r for r in normalize_dates(view, mentions, sentences, {}, resources)}
    assert (rows["Thursday"]["value"], rows["Thursday"]["resolved"], rows["Thursday"]["anchor"]) == (None, False, None)
    assert (rows["April 2, 2025"]["value"], rows["April 2, 2025"]["resolved"]) == ("2025-04-02", True)
    assert (rows["90 days"]["value"], rows["90 days"]["resolved"]) == ("P90D", True)


def test_absolute_dates_have_no_anchor(nlp, resources):
    view, mentions, sentences = extract(nlp, "Set on April 2, 2025 and in 1986 and next month.", published=MAY_2)
    anchors = {r["text"]: r["anchor"] for r in normalize_dates(view, mentions, sentences, {}, resources)}
    assert anchors == {"April 2, 2025": None, "1986": None, "next month": "2025-05-02"}


# -- the traps ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["24%", "100 pct", "to", "may", "May", "Thursday", "2,000", "1986", "32%",
                                  "2/30/2025", "2/29/02", "13/1/2025", "4/9/202"])
def test_numeric_dates_are_read_strictly(text):
    """Loose parsers read "24%" as the 24th and reorder an impossible "2/29/02" into 2029-02-02."""
    assert parse_numeric(text) is None


def test_numeric_dates_are_read_month_first():
    assert parse_numeric("4/9/2025") == date(2025, 4, 9)
    assert parse_numeric("04/09/25") == date(2025, 4, 9)
    assert parse_numeric("12/31/86") == date(1986, 12, 31)


def test_a_date_span_overlapping_a_rate_is_skipped(resources):
    text = "Headline\n\nTariffs of 24% rose."
    start = text.index("24%")
    mentions = [Mention("r", "rate", "24%", start, start + 3, 0, "rates:rate", "unit=percent;value=24"),
                Mention("d", "date", "24", start, start + 2, 0, "test", "kind=calendar;month=5;day=24")]
    view = ArticleView("a1", text, 10, "Headline", None, MAY_2)
    assert normalize_dates(view, mentions, [Sentence(0, 10, len(text), 1)], {}, resources) == []


def test_may_the_verb_is_no_date(nlp, resources):
    assert dates(nlp, resources, "Japan may impose duties of 24% and may act in May.") == [
        ("May", "DATE", "2025-05", None)]


@pytest.mark.parametrize(
    ("anchor", "weekday", "shift", "tense", "expected"),
    [
        (date(2025, 5, 2), 4, None, None, date(2025, 5, 1)),  # Friday anchor, Thursday: the day before
        (date(2025, 5, 2), 5, None, "past", date(2025, 5, 2)),  # the anchor's own weekday: that day
        # the publication weekday rule: in a Friday story a bare "Friday" is that day, in the future too
        (date(2025, 5, 2), 5, None, "future", date(2025, 5, 2)),
        (date(2025, 5, 2), 1, None, "future", date(2025, 5, 5)),
        (date(1987, 3, 24), 1, None, "past", date(1987, 3, 23)),  # Tuesday anchor, Monday
        (date(2025, 5, 2), 3, -1, None, date(2025, 4, 30)),
        (date(2025, 5, 2), 5, -1, None, date(2025, 4, 25)),
        (date(2025, 5, 2), 5, 1, None, date(2025, 5, 9)),
        (date(2025, 5, 2), 1, 0, None, date(2025, 4, 28)),  # "this Monday": the anchor's ISO week
    ],
)
def test_weekdays_land_in_the_right_week(anchor, weekday, shift, tense, expected):
    assert weekday_by_tense(anchor, weekday, shift, tense) == expected


@pytest.mark.parametrize(
    ("anchor", "month", "day", "tense", "year"),
    [
        (date(2025, 3, 6), 11, None, "past", 2024),  # "In November, X promised" in March
        (date(2025, 3, 6), 11, None, None, 2024),  # no tense: the nearest November, four months back
        (date(2025, 3, 6), 9, None, None, 2025),  # no tense, six months either way: the anchor's year
        (date(2025, 3, 6), 12, 20, None, 2024),
        (date(2025, 11, 20), 1, None, None, 2025),  # no tense moves a month forward
        (date(2025, 3, 6), 11, None, "future", 2025),
        (date(2025, 11, 6), 1, None, "future", 2026),
        (date(2025, 3, 6), 2, None, "future", 2025),  # eleven months ahead: this year's, told loosely
        (date(2025, 3, 8), 2, 27, "future", 2025),  # "will repay under the February 27 accord"
        (date(2025, 3, 6), 9, None, "past", 2024),  # six months back
        (date(2025, 3, 6), 4, None, "past", 2025),  # eleven months back is too far to be meant
        (date(2025, 3, 6), 3, 27, "past", 2025),  # a year back is too far: "voted to meet on March 27"
        (date(2025, 1, 5), 12, 20, "past", 2024),
        (date(1987, 3, 13), 12, 30, "past", 1986),  # "which was acquired December 30"
        (date(2025, 3, 6), 3, 2, "past", 2025),
        (date(2025, 11, 20), 1, 5, "future", 2026),
    ],
)
def test_years_of_months_without_one(anchor, month, day, tense, year):
    assert year_by_tense(anchor, month, day, tense) == year


@pytest.mark.parametrize(
    ("fields", "value"),
    [
        ({"kind": "shift", "shift": "1", "unit": "Q"}, "2025-Q3"),
        ({"kind": "shift", "shift": "-1", "unit": "M"}, "2025-04"),
        ({"kind": "weekend", "shift": "0", "unit": "WE"}, "2025-W18-WE"),
        ({"kind": "ago", "num": "2.5", "unit": "Y"}, "2022-11"),
        ({"kind": "calendar", "month": "2", "day": "30", "year": "2025"}, None),  # no such day
        ({"kind": "quarter", "quarter": "4", "year": "1986"}, "1986-Q4"),
    ],
)
def test_resolve(fields, value):
    assert resolve(fields, date(2025, 5, 2), None, "").value == value


@pytest.mark.parametrize(
    ("fields", "anchor", "tense", "value"),
    [
        # A month without its year: the year shift, then "last"/"next"/"this", then the tense within reach.
        ({"kind": "month", "month": "11", "yshift": "-1"}, date(2025, 5, 2), "future", "2024-11"),
        ({"kind": "month", "month": "3", "shift": "-1"}, date(2025, 5, 2), None, "2025-03"),
        ({"kind": "month", "month": "6", "shift": "-1"}, date(2025, 5, 2), None, "2024-06"),
        ({"kind": "month", "month": "3", "shift": "1"}, date(2025, 5, 2), None, "2026-03"),
        ({"kind": "month", "month": "12", "shift": "0"}, date(2025, 5, 2), "past", "2025-12"),
        ({"kind": "month", "month": "12", "shift": ""}, date(2025, 5, 2), "past", "2024-12"),
        ({"kind": "month", "month": "10"}, date(2025, 5, 2), "past", "2025-10"),  # seven months back: too far
        ({"kind": "month", "month": "1"}, date(2025, 11, 3), "future", "2026-01"),
        # A quarter: the year shift, then the tense (at any distance).
        ({"kind": "quarter", "quarter": "3", "yshift": "1"}, date(2025, 5, 2), None, "2026-Q3"),
        ({"kind": "quarter", "quarter": "4"}, date(2025, 5, 2), "past", "2024-Q4"),
        ({"kind": "quarter", "quarter": "3"}, date(2025, 2, 10), "past", "2024-Q3"),
        ({"kind": "quarter", "quarter": "1"}, date(2025, 5, 2), "future", "2026-Q1"),
        ({"kind": "quarter", "quarter": "1"}, date(2025, 5, 2), None, "2025-Q1"),
        # without a tense cue, the nearest such quarter: three ahead is farther than one back
        ({"kind": "quarter", "quarter": "4"}, date(2025, 2, 12), None, "2024-Q4"),
        ({"kind": "quarter", "quarter": "3"}, date(2025, 2, 12), None, "2025-Q3"),
        # Relative kinds.
        ({"kind": "dayword", "shift": "-1"}, date(2025, 5, 2), None, "2025-05-01"),
        ({"kind": "weekday", "weekday": "1", "shift": "1"}, date(2025, 5, 2), None, "2025-05-05"),
        ({"kind": "weekend"}, date(2025, 5, 2), "future", "2025-W18-WE"),
        # told as past: on a Sunday the weekend under way, on a Saturday the one before it
        ({"kind": "weekend"}, date(2025, 2, 9), "past", "2025-W06-WE"),
        ({"kind": "weekend"}, date(2025, 2, 8), "past", "2025-W05-WE"),
        ({"kind": "weekend"}, date(2025, 2, 8), None, "2025-W06-WE"),
        ({"kind": "ago", "num": "3", "unit": "D"}, date(2025, 5, 2), None, "2025-04-29"),
    ],
)
def test_resolve_against_anchor_and_tense(fields, anchor, tense, value):
    result = resolve(fields, anchor, tense, "")
    assert (result.value, result.relative) == (value, True)


@pytest.mark.parametrize(
    ("fields", "anchor", "expected"),
    [
        ({"kind": "dayword", "shift": "-1"}, None, UNRESOLVED),  # relative, and no anchor
        ({"kind": "month", "month": "3"}, None, UNRESOLVED),
        ({"kind": "month", "month": "3", "year": "1986"}, None, Resolution("1986-03", "month", False)),
        ({"kind": "year"}, date(2025, 5, 2), NO_VALUE),  # the label lacks its year
        ({"kind": "weekday"}, date(2025, 5, 2), NO_VALUE),
        ({"kind": "calendar", "month": "2", "day": "30"}, date(2025, 5, 2), Resolution(None, None, True)),
        ({"kind": "no such kind"}, date(2025, 5, 2), NO_VALUE),
    ],
)
def test_resolve_without_a_value(fields, anchor, expected):
    assert resolve(fields, anchor, None, "") == expected


@pytest.mark.parametrize(("num", "unit", "value"), [(90, "D", "P90D"), (2.5, "Y", "P2.5Y"), (30, "MIN", "PT30M")])
def test_duration_values(num, unit, value):
    assert duration_value(num, unit) == value


def test_the_normalizer_is_registered_for_the_dates_table():
    assert NORMALIZER.table == "dates" and NORMALIZER.load is load_dates


@pytest.mark.parametrize(("anchor", "season", "shift", "tense", "value"), [
    (date(2025, 1, 15), "WI", None, None, "2024-WI"),  # the winter under way began in December 2024
    (date(2025, 1, 15), "WI", 1, None, "2025-WI"),  # "next winter": the one after the current
    (date(2025, 1, 15), "SP", None, "past", "2024-SP"),  # past, and after the anchor's season
    (date(2025, 1, 15), "SP", None, None, "2025-SP"),
    (date(2025, 7, 1), "SU", -1, None, "2024-SU"),  # "last summer" told in summer: the one before
    (date(2025, 7, 1), "SU", 0, None, "2025-SU"),
    (date(2025, 10, 1), "SP", None, "future", "2026-SP"),
])
def test_season_without_year_moves_by_shift_and_tense(anchor, season, shift, tense, value):
    fields = {"kind": "season", "season": season, **({"shift": str(shift)} if shift is not None else {})}
    assert resolve(fields, anchor, tense, season.lower()) == Resolution(value, "season", True)


@pytest.mark.parametrize("rows, problem", [
    ("before,8\nafter,6\nafter_penalty,3\n", "expected exactly"),  # far_before missing
    ("before,8\nafter,6\nafter_penalty,3\nfar_before,20\nbeyond,30\n", "expected exactly"),  # unknown
    ("before,8\nafter,six\nafter_penalty,3\nfar_before,20\n", "not a whole number"),
    ("before,8\nafter,6\nafter_penalty,3\nfar_before,20\nbefore,9\n", "each once"),  # repeated
    ("before,8\nafter,\u00b2\nafter_penalty,3\nfar_before,20\n", "not a whole number"),  # not an ASCII digit
])
def test_the_tense_reach_file_is_checked(tmp_path, rows, problem):
    path = tmp_path / "tense_reach.csv"
    path.write_text("reach,words\n" + rows, encoding="utf-8")
    with pytest.raises(ValueError, match=problem):
        load_reach(path)


def test_the_tense_reach_of_the_models(resources):
    assert resources.reach == load_reach(MODELS_DIR / "dates" / "tense_reach.csv")
    assert resources.reach["far_before"] > resources.reach["before"]  # the far reading looks farther back
