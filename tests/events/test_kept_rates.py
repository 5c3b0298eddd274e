"""The rate a cut or a partial lift keeps in force, stated after a word of keeping (pipeline/events/kept.py).

Every sentence is written for these tests in the style of 2025 trade copy and parsed by the project's
committed parser; the rates rows are given as the rates normalizer writes them.
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events
from pipeline.events.kept import kept_rate
from pipeline.events.types import RateRef

USA = ("Washington", "USA", "government")
CHINESE = ("Chinese", "CHN", "demonym")


def _events(build, resources, text: str, rates) -> list[tuple]:
    rows = article_events(build(text, parsed=True, countries=[USA, CHINESE], rates=rates), resources)
    return sorted((r["event_type"], r["rate_value"]) for r in rows)


@pytest.mark.parametrize("text, rates", [
    pytest.param("Washington cut the tariff on Chinese goods on Monday, suspending 24 percentage points of that "
                 "rate for 90 days while retaining the remaining rate of 10 percent.",
                 [("24 percentage points", 24.0, "tariff"), ("10 percent", 10.0, "tariff")], id="retaining"),
    pytest.param("Washington lowered tariffs on Chinese goods on Monday but kept a 10% tariff in place.",
                 [("10%", 10.0, "tariff")], id="kept"),
])
def test_a_cut_takes_the_rate_its_sentence_keeps_in_force(build, resources, text, rates):
    assert ("tariff_reduced", 10.0) in _events(build, resources, text, rates)


def test_a_pause_beside_the_kept_rate_takes_the_rate_in_force_while_it_runs(build, resources):
    text = ("Washington cut the tariff on Chinese goods on Monday, suspending 24 percentage points of that rate "
            "for 90 days while retaining the remaining rate of 10 percent.")
    found = _events(build, resources, text, [("24 percentage points", 24.0, "tariff"), ("10 percent", 10.0, "tariff")])
    assert ("tariff_suspended", 10.0) in found


def test_a_pause_that_keeps_part_of_a_tariff_carries_the_kept_rate(build, resources):
    text = ("Washington will suspend its 40% tariff on Chinese goods for 90 days from Monday, but retain a 15% "
            "tariff during the pause.")
    found = _events(build, resources, text, [("40%", 40.0, "tariff"), ("15%", 15.0, "tariff")])
    assert ("tariff_suspended", 15.0) in found
    assert ("tariff_suspended", 40.0) not in found


def test_a_pause_that_keeps_nothing_carries_no_rate(build, resources):
    text = "Washington suspended its 40% tariff on Chinese goods for 90 days on Monday."
    assert ("tariff_suspended", None) in _events(build, resources, text, [("40%", 40.0, "tariff")])


def test_a_cut_takes_no_share_kept(build, resources):
    text = "Washington lowered tariffs on Chinese goods on Monday, and importers kept 10% of their stock."
    assert ("tariff_reduced", None) in _events(build, resources, text, [("10%", 10.0, "other")])


@pytest.mark.parametrize("text, kept", [
    ("They will retain a 10% tariff.", 10.0),
    ("They will retain the remaining ad valorem rate of 10 percent.", 10.0),
    ("The duty will remain at 25% for now.", 25.0),
    ("They kept their word, and a 10% tariff applies.", None),  # past a comma: another clause's rate
    ("They retain the right to review every part of the schedule of the 10% tariff.", None),  # too far
])
def test_a_kept_rate_follows_a_word_of_keeping_in_its_clause(resources, text, kept):
    number = next(word for word in text.split() if word[0].isdigit())
    start = text.index(number)
    end = start + len(number) + (len(" percent") if "percent" in text else 0)
    rate = RateRef("m1", start, end, float(number.rstrip("%")), None, "percent", "tariff", None)
    found = kept_rate(text, 0, len(text), [rate], resources)
    assert (found.value if found else None) == kept


def test_a_cut_stating_its_own_rate_keeps_it(build, resources):
    text = "Washington cut the tariff on Chinese goods to 30% on Monday and will keep a 10% levy on chips."
    assert ("tariff_reduced", 30.0) in _events(build, resources, text, [("30%", 30.0, "tariff"), ("10%", 10.0, "levy")])
