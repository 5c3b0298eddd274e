"""Event dates given as a week: two days offered as alternatives, and a weekend (sentences written for the
tests; docs/events.md, section 22).

"will announce duties on Tuesday or Wednesday" dates the duties by the ISO week holding both days, and "over
the weekend" by the week of the weekend: the annotation gives an event's date as a day, a month or a week.
"""

from __future__ import annotations

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


def test_alternative_days_in_two_weeks_keep_the_day_chosen():
    text = "The levy may start on Friday or Monday."
    friday, monday = _time(text, "Friday", "2025-02-14"), _time(text, "Monday", "2025-02-17")
    assert event_date_value(text, friday, (friday, monday), JOINERS) == "2025-02-14"


def test_days_joined_by_and_are_no_alternatives():
    text = "Talks were held on Tuesday and Wednesday."
    tuesday, wednesday = _time(text, "Tuesday", "2025-02-11"), _time(text, "Wednesday", "2025-02-12")
    assert event_date_value(text, tuesday, (tuesday, wednesday), JOINERS) == "2025-02-11"


def test_the_second_of_two_alternatives_gives_the_week_too():
    text = "The quota opens on Thursday or Friday."
    thursday, friday = _time(text, "Thursday", "2025-02-13"), _time(text, "Friday", "2025-02-14")
    assert event_date_value(text, friday, (thursday, friday), JOINERS) == "2025-W07"


def test_days_in_separate_sentences_are_no_alternatives():
    text = "Duties rose on Monday. Or Tuesday, said some."
    monday, tuesday = _time(text, "Monday", "2025-02-10"), _time(text, "Tuesday", "2025-02-11")
    assert event_date_value(text, monday, (monday, tuesday), JOINERS) == "2025-02-10"


def test_month_and_week_values_pass_unchanged():
    text = "Duties rose in March or in April."
    march, april = _time(text, "March", "2025-03"), _time(text, "April", "2025-04")
    assert event_date_value(text, march, (march, april), JOINERS) == "2025-03"
