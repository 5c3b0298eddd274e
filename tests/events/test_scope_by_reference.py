"""A measure naming no country refers back to an earlier measure on every origin; a denied exemption is none.

The sentences are written for these tests in the style of 2025 wire copy (none is taken from an article)
and parsed by the project's committed parser, as extract would.
"""

from __future__ import annotations

from pipeline.events import article_events

FIELDS = ("event_type", "actor_iso3", "target_iso3", "target_scope")


def _events(build, resources, text: str, **specs) -> list[tuple]:
    rows = article_events(build(text, **specs), resources)
    return sorted(tuple(row[k] for k in FIELDS) for row in rows)


def test_a_later_measure_naming_no_country_takes_the_scope_all_of_a_reciprocal_plan(build, resources):
    text = ("Exporters in Asia worry about the reciprocal tariff proposal of the White House. "
            "Washington will announce such tariffs next week.")
    found = _events(build, resources, text, countries=[("Washington", "USA", "government")])
    assert any(row[1] == "USA" and row[2] == [] and row[3] == "all" for row in found)


def test_a_measure_after_a_measure_on_goods_from_every_origin_is_on_all(build, resources):
    text = ("Farmers worry that higher U.S. tariffs on copper and steel could hurt exports. "
            "Washington's decision to raise tariffs to 30% worried growers.")
    found = _events(build, resources, text, rates=[("30%", 30.0, "tariff")],
                    countries=[("U.S.", "USA", "abbreviation"), ("Washington", "USA", "government")])
    assert ("tariff_increased", "USA", [], "all") in found


def test_a_reciprocal_tariff_named_in_a_title_in_parentheses_states_no_scope_all(build, resources):
    # an order names an instrument by its title: the title's words are no statement of the later measure's scope
    # Tokyo named first keeps a tariff said of no country from the scope all of section 23: only the title could give it
    base = ("Tokyo protested. The Executive Order 14999 {} was signed in April. "
            "Washington will announce higher tariffs next week.")
    countries = [("Tokyo", "JPN", "government"), ("Washington", "USA", "government")]
    titled = _events(build, resources, base.format("(Regulating Imports with a Reciprocal Tariff)"), countries=countries)
    assert ("tariff_increased", "USA", [], "all") not in titled
    stated = _events(build, resources, base.format("on reciprocal tariffs"), countries=countries)
    assert ("tariff_increased", "USA", [], "all") in stated


def test_an_earlier_measure_on_another_country_gives_no_scope_all(build, resources):
    text = ("Higher U.S. tariffs on steel from Brazil could hurt exporters. "
            "Washington's decision to raise tariffs to 30% worried growers.")
    found = _events(build, resources, text, rates=[("30%", 30.0, "tariff")],
                    countries=[("U.S.", "USA", "abbreviation"), ("Brazil", "BRA", "name"),
                               ("Washington", "USA", "government")])
    assert not any(row[0] == "tariff_increased" and row[3] == "all" for row in found)


def test_an_exemption_denied_in_its_own_phrase_is_no_event(build, resources):
    text = "Washington imposed 20% duties on copper imports without waivers or exemptions."
    found = _events(build, resources, text, rates=[("20%", 20.0, "duty")],
                    countries=[("Washington", "USA", "government")])
    assert not any(row[0] == "tariff_exemption" for row in found)
    assert any(row[0] == "tariff_imposed" for row in found)


def _with_excluded(build, resources, text: str, **specs) -> list[tuple]:
    rows = article_events(build(text, **specs), resources)
    return sorted((row["event_type"], row["target_scope"], list(row["excluded_iso3"]), row["product"]) for row in rows)


def test_a_measure_on_goods_it_names_takes_no_exclusion_of_an_earlier_measure(build, resources):
    # the exclusion is the pause's proviso; the restored duty on copper is a measure of every origin
    text = ("Washington paused the higher tariffs for every country except Brazil, which hit back. "
            "Brazil now pays a 90% duty. "
            "Washington also signed orders to restore a 20% tariff on copper.")
    countries = [("Washington", "USA", "government", 0), ("Brazil", "BRA", "name", 0), ("Brazil", "BRA", "name", 1),
                 ("Washington", "USA", "government", 1)]
    found = _with_excluded(build, resources, text, rates=[("90%", 90.0, "duty"), ("20%", 20.0, "tariff")],
                           countries=countries)
    copper = [row for row in found if row[3] == "copper"]
    assert copper and all(row[1] == "all" and row[2] == [] for row in copper)
    # the pause itself keeps its exclusion
    assert any(row[1] == "all_except" and row[2] == ["BRA"] for row in found)
