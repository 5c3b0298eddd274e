"""The date of a step a speaker announces, and measures promised on condition of a tariff (sentences
written for the tests).

In "said on Tuesday that Ottawa would impose duties on Friday" the reported
clause (``ccomp``) holds its own date: Friday dates the duties, Tuesday the
saying. A deadline ("by Friday") is no such date. A measure against another
party promised on condition of a tariff ("would file a complaint if the
tariffs were imposed") is a threat, not a mere possibility.
"""

from __future__ import annotations

from pipeline.events import article_events

FIELDS = ("event_type", "actor_iso3", "target_iso3", "event_date", "modality")
USA = ("Washington", "USA", "government")
CAN = ("Ottawa", "CAN", "government")


def _rows(build, resources, text: str, **specs) -> list[tuple]:
    return [tuple(row[k] for k in FIELDS) for row in article_events(build(text, parsed=True, **specs), resources)]


def test_the_reported_clause_dates_the_step_it_announces(build, resources):
    text = "The president said on Tuesday that Washington would announce 15% tariffs on all imports of copper on Friday."
    rows = _rows(build, resources, text, countries=[USA], rates=[("15%", 15.0, "tariff")],
                 dates=[("Tuesday", "DATE", "2025-02-11"), ("Friday", "DATE", "2025-02-14")], published="2025-02-11")
    assert rows == [("tariff_imposed", "USA", [], "2025-02-14", "planned")]


def test_a_reported_clause_without_a_date_keeps_the_saying_date(build, resources):
    text = "The president said on Tuesday that Washington would announce 15% tariffs on all imports of copper."
    rows = _rows(build, resources, text, countries=[USA], rates=[("15%", 15.0, "tariff")],
                 dates=[("Tuesday", "DATE", "2025-02-11")], published="2025-02-12")
    assert [r[3] for r in rows] == ["2025-02-11"]


def test_a_deadline_does_not_outrank_the_saying_date(build, resources):
    text = "Washington said on Tuesday it plans to announce tariffs on many countries by Thursday or Friday."
    rows = _rows(build, resources, text, countries=[USA],
                 dates=[("Tuesday", "DATE", "2025-02-11"), ("Thursday", "DATE", "2025-02-13"),
                        ("Friday", "DATE", "2025-02-14")], published="2025-02-11")
    assert [r[3] for r in rows] == ["2025-02-11"]


def test_a_complaint_promised_if_tariffs_come_is_a_threat(build, resources):
    text = "Ottawa said it would file a complaint at the WTO if Washington imposed the tariffs."
    assert _rows(build, resources, text, countries=[USA, CAN]) == [("investigation", "CAN", ["USA"], None, "threatened")]


def test_a_condition_naming_no_measure_leaves_a_possibility(build, resources):
    text = "Ottawa said it could file a complaint at the WTO if the dispute with Washington dragged on."
    assert [r[4] for r in _rows(build, resources, text, countries=[USA, CAN])] == ["possible"]
