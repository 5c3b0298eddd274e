"""Event dates given as a week: two days offered as alternatives, and a weekend (sentences written for the
tests; docs/events.md, section 22).

"will announce duties on Tuesday or Wednesday" dates the duties by the ISO week holding both days, and "over
the weekend" by the week of the weekend: the annotation gives an event's date as a day, a month or a week.
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events
from pipeline.events.dates import event_date_value
from pipeline.events.types import TimeRef

USA = ("Washington", "USA", "government")
JOINERS = frozenset({"or"})


def _time(text: str, words: str, value: str) -> TimeRef:
    start = text.index(words)
    return TimeRef(f"d{start}", start, start + len(words), "DATE", value, None, True)


def _dates(build, resources, text: str, dates: list[tuple[str, str, str]], published: str) -> list[str | None]:
    rows = article_events(build(text, parsed=True, countries=[USA], rates=[("20%", 20.0, "tariff")], dates=dates,
                                published=published), resources)
    return [row["event_date"] for row in rows]


def test_two_days_offered_date_the_event_by_their_week(build, resources):
    text = "Officials said Washington will unveil 20% tariffs on imported lumber on Tuesday or Wednesday."
    dates = [("Tuesday", "DATE", "2025-02-11"), ("Wednesday", "DATE", "2025-02-12")]
    assert _dates(build, resources, text, dates, "2025-02-10") == ["2025-W07"]


def test_a_single_day_stays_a_day(build, resources):
    text = "Officials said Washington will unveil 20% tariffs on imported lumber on Wednesday."
    assert _dates(build, resources, text, [("Wednesday", "DATE", "2025-02-12")], "2025-02-10") == ["2025-02-12"]


def test_a_weekend_dates_the_event_by_its_week(build, resources):
    text = "Washington raised duties on imported lumber to 20% over the weekend."
    dates = [("the weekend", "DATE", "2025-W06-WE")]
    assert _dates(build, resources, text, dates, "2025-02-10") == ["2025-W06"]


@pytest.mark.parametrize(("text", "first", "second", "chosen", "expected"), [
    # alternatives in two weeks keep the day chosen
    ("The levy may start on Friday or Monday.", ("Friday", "2025-02-14"), ("Monday", "2025-02-17"), 0,
     "2025-02-14"),
    # days joined by "and" are no alternatives
    ("Talks were held on Tuesday and Wednesday.", ("Tuesday", "2025-02-11"), ("Wednesday", "2025-02-12"), 0,
     "2025-02-11"),
    # the second of two alternatives gives the week too
    ("The quota opens on Thursday or Friday.", ("Thursday", "2025-02-13"), ("Friday", "2025-02-14"), 1,
     "2025-W07"),
    # days in separate sentences are no alternatives
    ("Duties rose on Monday. Or Tuesday, said some.", ("Monday", "2025-02-10"), ("Tuesday", "2025-02-11"), 0,
     "2025-02-10"),
    # month and week values pass unchanged
    ("Duties rose in March or in April.", ("March", "2025-03"), ("April", "2025-04"), 0, "2025-03"),
], ids=["two-weeks", "and", "second-alternative", "two-sentences", "months"])
def test_event_date_value_of_days_offered_together(text, first, second, chosen, expected):
    times = (_time(text, *first), _time(text, *second))
    assert event_date_value(text, times[chosen], times, JOINERS) == expected
