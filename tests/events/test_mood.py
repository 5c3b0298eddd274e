"""A measure in an imperative clause is a recommendation, not a measure taken (`pipeline.events.mood`).

Sentences written for these tests in the style of 2025 opinion columns and
orders, read with the project's committed parser: "levy" heads the sentence
with no subject (the parser reads it as a present), "exempt" is coordinated
under it; "raise" heads an order's list item.
"""

from __future__ import annotations

from pipeline.events import article_events

PARTS = [("Chinese", "CHN", "demonym"), ("U.S.", "USA", "abbreviation")]


def _modalities(build, resources, text: str, **specs) -> list[tuple[str, str]]:
    rows = article_events(build(text, parsed=True, **specs), resources)
    return [(row["event_type"], row["modality"]) for row in rows]


def test_a_recommended_measure_and_the_one_coordinated_with_it_are_possible(build, resources):
    text = ("For instance, levy new U.S. tariffs on Chinese parts, but exempt Chinese parts from the tariffs when "
            "they are recycled.")
    found = _modalities(build, resources, text, countries=PARTS)
    assert found == [("tariff_imposed", "possible"), ("tariff_exemption", "possible")]


def test_a_list_item_of_an_order_keeps_the_orders_force(build, resources):
    text = "Washington will act.\n(a) raise the U.S. tariffs on Chinese parts;"
    found = _modalities(build, resources, text, countries=[("Washington", "USA", "government"), *PARTS])
    assert found == [("tariff_increased", "asserted")]


def test_a_measure_with_a_subject_is_asserted(build, resources):
    found = _modalities(build, resources, "Washington levied new tariffs on Chinese parts.",
                        countries=[("Washington", "USA", "government"), PARTS[0]])
    assert found == [("tariff_imposed", "asserted")]
