"""Market commentary and conditions: rules that keep price moves and "if" clauses from being asserted measures.

Every sentence is written for these tests in the style of 2025 market copy
(none is taken from an article). ``parsed`` False reads by word order only,
as for the sentences the parse gate skips; True parses them with the
project's committed parser, as extract would.
"""

from __future__ import annotations

import pytest

from pipeline.config import MODELS_DIR
from pipeline.events import article_events
from pipeline.events.arguments import Region
from pipeline.events.market import MarketWords, market_clause, market_subject, read_market_words
from pipeline.events.modality import in_condition
from pipeline.events.syntax import SentenceParse, Token

FIELDS = ("event_type", "actor_iso3", "target_iso3", "modality")
USA = ("Washington", "USA", "government")


def _events(build, resources, text: str, *, parsed: bool, **specs) -> list[tuple]:
    rows = article_events(build(text, parsed=parsed, **specs), resources)
    return [tuple(row[k] for k in FIELDS) for row in rows]


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
@pytest.mark.parametrize("text, countries", [
    pytest.param("Asian shares ended lower amid tariff worries after a choppy week in Tokyo.",
                 [("Tokyo", "JPN", "government")], id="shares-ended-lower"),
    pytest.param("Canadian stocks were trading sharply lower as duties loomed over Ottawa.",
                 [("Canadian", "CAN", "demonym"), ("Ottawa", "CAN", "government")], id="stocks-trading-lower"),
    pytest.param("The rupee dropped against the dollar on fears of U.S. tariffs on India.",
                 [("U.S.", "USA", "name"), ("India", "IND", "name")], id="rupee-dropped"),
])
def test_a_generic_trigger_whose_subject_is_a_market_noun_is_no_event(build, resources, text, countries, parsed):
    assert _events(build, resources, text, parsed=parsed, countries=countries) == []


@pytest.mark.parametrize("text, countries, expected", [
    pytest.param("Washington lowered tariffs on Mexican steel, and stocks rose.",
                 [USA, ("Mexican", "MEX", "demonym")], ("tariff_reduced", "USA", ["MEX"], "asserted"),
                 id="government-subject"),
    pytest.param("Stocks rose after Washington dropped its tariffs on Mexico.",
                 [USA, ("Mexico", "MEX", "name")], ("tariff_removed", "USA", ["MEX"], "asserted"),
                 id="market-noun-in-another-clause-of-the-move"),
])
def test_a_government_subject_still_acts_when_markets_are_named(build, resources, text, countries, expected):
    assert _events(build, resources, text, parsed=False, countries=countries) == [expected]


def test_talks_and_deals_are_not_read_as_price_moves(build, resources):
    found = _events(build, resources, "Washington hopes to complete a free market agreement with Ottawa.",
                    parsed=False, countries=[USA, ("Ottawa", "CAN", "government")])
    assert [e[:3] for e in found] == [("agreement", "USA", ["CAN"])]


def test_a_strong_trigger_is_kept_after_a_market_noun(build, resources):
    found = _events(build, resources, "Prices tariff hike: Washington announced a tariff hike on Mexico.",
                    parsed=False, countries=[USA, ("Mexico", "MEX", "name")])
    assert [e[0] for e in found] == ["tariff_increased"]


WORDS = MarketWords(frozenset({"stocks", "rupee"}), frozenset({"were", "trading", "ending"}))


@pytest.mark.parametrize("text, expected", [
    ("U.S. stocks ending", True),
    ("U.S. stocks were ending", True),  # before "lower": an auxiliary and a price-move verb stand between
    ("stocks were still trading", False),  # "still" is not in this test's list
    ("stocks were quickly trading", True),  # an adverb in -ly may stand between
    ("the rupee’s", True),
    ("stocks, and Washington", False),  # punctuation ends the walk
    ("Washington", False),
])
def test_market_subject_walks_back_over_auxiliaries_and_price_moves(text, expected):
    full = text + " X"
    assert market_subject(full, 0, len(text) + 1, WORDS) is expected


def test_the_market_word_file_reads(tmp_path):
    words = read_market_words(MODELS_DIR / "events" / "market.csv")
    assert {"stocks", "rupee", "yields"} <= words.subjects and "won" not in words.subjects
    bad = tmp_path / "market.csv"
    bad.write_text("kind,words\nsubject,stocks\nverbs,fell\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown kind 'verbs'"):
        read_market_words(bad)


@pytest.mark.parametrize("parsed", [False, True], ids=["order", "parse"])
@pytest.mark.parametrize("text, countries, rates", [
    pytest.param("If Washington follows through on raising tariffs on Chinese goods to 60%, growth would slow.",
                 [USA, ("Chinese", "CHN", "demonym")], [("60%", 60.0, "tariff")], id="if-clause-holds-the-trigger"),
    pytest.param("Exporters would suffer, unless Ottawa removes its duties on Mexican steel next month.",
                 [("Ottawa", "CAN", "government"), ("Mexican", "MEX", "demonym")], [], id="unless"),
    pytest.param("Exporters would suffer if Washington imposes tariffs on Korean cars, analysts said.",
                 [USA, ("Korean", "KOR", "demonym")], [], id="if-after-the-statement"),
])
def test_a_measure_inside_a_conditional_span_is_no_event(build, resources, text, countries, rates, parsed):
    # the measure is the condition of another statement (growth slowing, exporters suffering), not news
    assert _events(build, resources, text, parsed=parsed, countries=countries, rates=rates) == []


@pytest.mark.parametrize("text, trigger_word, expected", [
    ("If talks fail, Washington will raise tariffs on Mexico.", "raise", False),  # after the span's comma
    ("Washington will raise tariffs on Mexico if talks fail.", "raise", False),  # the span follows the trigger
    ("Should Washington raise tariffs, Ottawa will answer.", "raise", True),
    ("Ottawa should raise tariffs on steel.", "raise", False),  # a modal, not an inverted condition
    ("Ottawa will answer, should Washington raise tariffs.", "raise", True),
    ("Ottawa said it should wait and should raise tariffs on steel.", "raise", False),  # a coordinated modal
    ("Ottawa wondered if talks helped after Washington raised tariffs.", "raised", False),  # "after" ends it
    ("Ottawa asked what steps if any would raise tariffs on steel.", "raise", False),
])
def test_in_condition_covers_the_span_from_the_conditional_word_to_the_comma(build, resources, text, trigger_word,
                                                                               expected):
    inputs = build(text)
    (trigger,) = [t for t in inputs.triggers if text[t.start:t.end] == trigger_word]
    assert in_condition(text, Region(0, len(text)), trigger, resources) is expected


@pytest.mark.parametrize("text, countries", [
    pytest.param("The peso climbs on Washington tariff threats, the real stays flat",
                 [USA], id="currency-rises-on-threats"),
    pytest.param("The Indonesian rupiah, hammered by Washington's latest tariff threats, closed at a low.",
                 [USA, ("Indonesian", "IDN", "demonym")], id="participle-on-a-currency"),
])
def test_a_threat_noun_that_explains_a_price_move_is_no_event(build, resources, text, countries):
    assert _events(build, resources, text, parsed=True, countries=countries) == []


def test_a_threat_markets_prove_resilient_to_is_no_event(build, resources):
    found = _events(build, resources, "Markets have proved resilient to Washington's tariff threats on Ottawa.",
                    parsed=True, countries=[USA, ("Ottawa", "CAN", "government")])
    assert found == []


def test_a_threat_stated_by_a_government_verb_is_kept_beside_market_words(build, resources):
    found = _events(build, resources, "Washington threatened tariffs on Mexico, and the peso fell.",
                    parsed=True, countries=[USA, ("Mexico", "MEX", "name")])
    assert ("tariff_threatened", "USA", ["MEX"], "threatened") in found


def _tok(index: int, text: str, upos: str, head: int, dep: str) -> Token:
    return Token(index, index * 10, index * 10 + len(text), text, text.lower(), upos, "", head, dep)


@pytest.mark.parametrize("tokens, noun, expected", [
    # "investors shrugged off tariff threats": the object of a verb whose subject is a participant
    pytest.param([("investors", "NOUN", 1, "nsubj"), ("shrugged", "VERB", 1, "ROOT"),
                  ("tariff", "NOUN", 3, "compound"), ("threats", "NOUN", 1, "obj")], 3, True, id="participant-subject"),
    # "tariff threats dented sentiment": the subject of a verb whose object is a market word
    pytest.param([("tariff", "NOUN", 1, "compound"), ("threats", "NOUN", 2, "nsubj"), ("dented", "VERB", 2, "ROOT"),
                  ("sentiment", "NOUN", 2, "obj")], 1, True, id="market-object"),
    # "markets proved resilient to tariff threats": the predicate complement of a market subject's verb
    pytest.param([("markets", "NOUN", 1, "nsubj"), ("proved", "VERB", 1, "ROOT"), ("resilient", "ADJ", 1, "xcomp"),
                  ("to", "ADP", 5, "case"), ("tariff", "NOUN", 5, "compound"), ("threats", "NOUN", 2, "obl")],
                 5, True, id="predicate-of-a-market-subject"),
    # "Ottawa proved resilient to tariff threats": a government's predicate stays
    pytest.param([("Ottawa", "PROPN", 1, "nsubj"), ("proved", "VERB", 1, "ROOT"), ("resilient", "ADJ", 1, "xcomp"),
                  ("to", "ADP", 5, "case"), ("tariff", "NOUN", 5, "compound"), ("threats", "NOUN", 2, "obl")],
                 5, False, id="predicate-of-a-government"),
    # "Beijing shrugged off tariff threats": a government subject reacts to the threat
    pytest.param([("Beijing", "PROPN", 1, "nsubj"), ("shrugged", "VERB", 1, "ROOT"),
                  ("tariff", "NOUN", 3, "compound"), ("threats", "NOUN", 1, "obj")], 3, False, id="government-subject"),
])
def test_market_clause_reads_the_parse(tokens, noun, expected):
    parse = SentenceParse([_tok(i, *row) for i, row in enumerate(tokens)])
    words = read_market_words(MODELS_DIR / "events" / "market.csv")
    assert market_clause(parse, parse.tokens[noun], words) is expected
