"""A place named as part of the goods' origin ("from Denmark, including Greenland and the Faroe Islands") is an
origin too, never the actor (pipeline/events/arguments.py, `find_actor` and `including_party`).

Sentences written for these tests in the style of 2025 executive orders.
"""

from __future__ import annotations

from pipeline.events import article_events
from pipeline.events.arguments import including_party

USA = ("United States", "USA", "name")
DENMARK = ("Denmark", "DNK", "name")
GREENLAND = ("Greenland", "GRL", "name")
FAROES = ("Faroe Islands", "FRO", "name")


def _actors(build, resources, text: str, countries) -> list[tuple[str, str | None, tuple[str, ...]]]:
    rows = article_events(build(text, parsed=True, countries=list(countries), rates=[("15 percent", 15.0, "tariff")],
                                dates=[("June 2, 2025", "DATE", "2025-06-02")], published="2025-05-30"), resources)
    return [(r["event_type"], r["actor_iso3"], tuple(r["target_iso3"])) for r in rows
            if r["event_type"].startswith("tariff")]


def test_places_listed_inside_the_origin_of_goods_are_no_actor(build, resources):
    text = ("Effective on or after 12:01 a.m. on June 2, 2025, all articles imported into the customs territory of "
            "the United States from Denmark, including Greenland and the Faroe Islands, shall be subject to an "
            "additional ad valorem rate of duty of 15 percent.")
    found = _actors(build, resources, text, [USA, DENMARK, GREENLAND, FAROES])
    assert found, found
    assert all(actor not in ("GRL", "FRO", "DNK") for _, actor, _ in found), found


def test_a_parenthesized_inclusion_after_articles_of_a_country_is_an_origin(build, resources):
    text = ("This rate of 15 percent reflects the suspension of part of the rate on articles of Denmark (including "
            "articles of Greenland and the Faroe Islands) and the removal of the duties imposed by the order of "
            "June 2, 2025.")
    found = _actors(build, resources, text, [DENMARK, GREENLAND, FAROES])
    assert all(actor not in ("GRL", "FRO", "DNK") for _, actor, _ in found), found


def test_including_party_names_the_party_listed_before_the_inclusion(build, resources):
    text = "goods from Denmark, including Greenland and the Faroe Islands, and from the United States"
    inputs = build(text, countries=[DENMARK, GREENLAND, FAROES, USA])
    parties = {p.iso3: p for p in inputs.parties}
    head = {iso3: including_party(text, 0, parties[iso3], inputs.parties, resources) for iso3 in parties}
    assert head["GRL"].iso3 == "DNK" and head["FRO"].iso3 == "DNK"
    assert head["DNK"] is None and head["USA"] is None


def test_a_country_among_several_acting_still_acts(build, resources):
    # the list expands "several governments", no party: the included government keeps its own role
    text = "Several governments, including Denmark, imposed duties of 15 percent on June 2, 2025."
    found = _actors(build, resources, text, [DENMARK])
    assert ("tariff_imposed", "DNK", ()) in found or any(actor == "DNK" for _, actor, _ in found), found


def test_a_destination_in_a_title_is_no_origin(build, resources):
    # the title's capitals hide the destination's preposition ("Into") from the word-order rules, which then read
    # "Imports of … Into the United States" as goods of the United States: only a lowercase "of"/"from" right
    # before the party makes it an origin
    text = ("In Proclamation 9980 (Adjusting Imports of Steel Articles Into the United States), the President "
            "raised the tariffs to 15 percent on June 2, 2025.")
    found = _actors(build, resources, text, [USA])
    assert [actor for _, actor, _ in found] == ["USA"], found
