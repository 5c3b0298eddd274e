"""A country written as a modifier of goods names where the goods come from, never who acts.

Sentences written for these tests in the style of 2025 trade fact sheets, read
with the project's committed parser: "U.S." modifies "cars" (a goods noun); in
"U.S. steel tariffs" the phrase is headed by the measure noun.
"""

from __future__ import annotations

from pipeline.events import article_events
from pipeline.events.roles import goods_origins
from pipeline.events.syntax import SentenceParse, Token


def _actors(build, resources, text: str, **specs) -> list[tuple[str, str | None]]:
    rows = article_events(build(text, parsed=True, **specs), resources)
    return [(row["event_type"], row["actor_iso3"]) for row in rows]


def test_the_origin_of_goods_before_another_governments_measure_is_no_actor(build, resources):
    text = ("For U.S. cars built with local parts and granted duty-free treatment, Ottawa charges a 6 percent "
            "duty on the rest.")
    found = _actors(build, resources, text, rates=[("6 percent", 6.0, "tariff")],
                    countries=[("U.S.", "USA", "abbreviation"), ("Ottawa", "CAN", "government")])
    assert ("tariff_exemption", "USA") not in found


def test_the_owner_before_a_measure_noun_still_acts(build, resources):
    text = "The U.S. steel tariffs on Canada took effect."
    found = _actors(build, resources, text, countries=[("U.S.", "USA", "abbreviation"), ("Canada", "CAN", "name")])
    assert found == [("tariff_imposed", "USA")]


def test_goods_origins_names_the_modifier_of_goods_only(build, resources):
    text = "Ottawa raised duties on U.S. electric cars."
    inputs = build(text, parsed=True, countries=[("Ottawa", "CAN", "government"), ("U.S.", "USA", "abbreviation")])
    parse = next(iter(inputs.parses.values()))
    origins = goods_origins(parse, inputs.parties, resources)
    assert {p.iso3 for p in inputs.parties if p.mention_id in origins} == {"USA"}



def test_a_possessor_before_goods_still_acts(build, resources):
    # a parse that hangs the possessor "Ottawa's" on the goods noun as a modifier (as the parser did on a
    # 1987 story of an import ban): a possessor owns what follows, it is no origin of goods
    text = "Ottawa's steel ban."
    inputs = build(text, countries=[("Ottawa", "CAN", "government")])
    rows = [(0, 0, 6, "Ottawa", "PROPN", 2, "amod"), (1, 6, 8, "'s", "PART", 0, "case"),
            (2, 9, 14, "steel", "NOUN", 3, "nsubj"), (3, 15, 18, "ban", "VERB", 3, "root"),
            (4, 18, 19, ".", "PUNCT", 3, "punct")]
    parse = SentenceParse(Token(i, start, end, word, word, upos, "", head, dep)
                          for i, start, end, word, upos, head, dep in rows)
    assert not goods_origins(parse, inputs.parties, resources)
    without_possessive = SentenceParse(Token(i, start, end, word, word, upos, "", head, "dep" if i == 1 else dep)
                                       for i, start, end, word, upos, head, dep in rows)
    assert goods_origins(without_possessive, inputs.parties, resources)
