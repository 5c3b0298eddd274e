"""The type of a measure told as a threat, a suggestion or a wish (docs/events.md section 29).

Every sentence is written for these tests (none is taken from an article) and parsed by the project's
committed parser, as extract would.
"""

from __future__ import annotations

from pipeline.events import article_events

FIELDS = ("event_type", "actor_iso3", "target_iso3", "modality")
CANBERRA = ("Canberra", "AUS", "capital")
TOKYO = ("Tokyo", "JPN", "capital")


def _tariff_rows(event_fields, text: str, **specs) -> list[tuple]:
    return [e for e in event_fields(text, **specs) if e[0].startswith("tariff_")]


def test_a_vow_to_impose_is_a_threat(event_fields):
    text = "Canberra has vowed to impose matching duties on every partner that taxes its wool."
    found = _tariff_rows(event_fields, text, countries=[CANBERRA])
    assert found == [("tariff_threatened", "AUS", [], "threatened")]


def test_an_imposition_without_a_threat_cue_stays_an_imposition(event_fields):
    found = _tariff_rows(event_fields, "Canberra will impose matching duties on every partner that taxes its wool.",
                         countries=[CANBERRA])
    assert found == [("tariff_imposed", "AUS", [], "planned")]


def test_a_plan_told_before_a_vow_stays_a_planned_imposition(build, resources):
    text = ("Canberra plans to impose new duties on all wool imports. "
            "Exporters slumped after a ministry statement vowing to slap the duties on wool imports.")
    rows = article_events(build(text, parsed=True, countries=[CANBERRA]), resources)
    assert [(r["event_type"], r["modality"]) for r in rows] == [("tariff_imposed", "planned")]


def test_a_suggested_measure_is_a_threat_that_stays_possible(event_fields):
    found = _tariff_rows(event_fields, "The Tokyo minister suggested he may impose tariffs on imported rice and wheat.",
                         countries=[TOKYO])
    assert found == [("tariff_threatened", "JPN", [], "possible")]


def test_a_suggestion_denied_keeps_the_imposition(event_fields):
    found = _tariff_rows(event_fields, "Tokyo suggested it would not impose tariffs on imported rice.",
                         countries=[TOKYO])
    assert [e[0] for e in found] == ["tariff_imposed"]


def test_a_measure_a_government_wants_is_a_threat(event_fields):
    found = _tariff_rows(event_fields, "The Tokyo minister has said he wants to impose tariffs on imported rice.",
                         countries=[TOKYO])
    assert [e[:3] for e in found] == [("tariff_threatened", "JPN", [])]


def test_a_vow_to_raise_is_a_threat(event_fields):
    found = _tariff_rows(event_fields, "Canberra vowed to raise its duties on imported wool to 20%.",
                         countries=[CANBERRA], rates=[("20%", 20.0, "tariff")])
    assert [e[0] for e in found] == ["tariff_threatened"]
