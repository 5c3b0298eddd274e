"""Which date dates an event, and when an imposition is still a plan (sentences written for the tests).

The parsed sentences were read by eye: in "Stock futures fell Tuesday as
Washington announced …" the parser hangs "Tuesday" on "fell" and
"announced" as an adverbial clause of "fell", which is the reading the date
rule needs; the expected rows are the right reading, not the parser's output
copied.
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events
from pipeline.events.dates import Connectives, across_participle, after_source_phrase, behind_connective
from pipeline.events.syntax import SentenceParse, Token
from pipeline.events.types import TimeRef

FIELDS = ("event_type", "actor_iso3", "target_iso3", "event_date", "modality")
USA = ("Washington", "USA", "government")


def _rows(build, resources, text: str, **specs) -> list[tuple]:
    return [tuple(row[k] for k in FIELDS) for row in article_events(build(text, **specs), resources)]


@pytest.mark.parametrize("parsed", [False, True])
def test_the_end_of_a_delay_does_not_date_it(build, resources, parsed):
    text = "Washington has delayed a 25% tariff on imports from Mexico for a month until March 4."
    specs = {"countries": [USA, ("Mexico", "MEX", "name")], "rates": [("25%", 25.0, "tariff")],
             "dates": [("March 4", "DATE", "2025-03-04"), ("a month", "DURATION", "P1M")],
             "published": "2025-02-13", "parsed": parsed}
    # undated, and so not made a plan by a date after publication: the delay happened
    assert _rows(build, resources, text, **specs) == [("tariff_suspended", "USA", ["MEX"], None, "asserted")]


def test_a_date_the_delay_happened_on_still_dates_it(build, resources):
    text = "Washington delayed the tariff on goods from Mexico on February 3."
    rows = _rows(build, resources, text, countries=[USA, ("Mexico", "MEX", "name")],
                 dates=[("February 3", "DATE", "2025-02-03")], published="2025-02-13")
    assert rows == [("tariff_suspended", "USA", ["MEX"], "2025-02-03", "asserted")]


def test_the_date_of_the_clause_an_as_clause_modifies_is_not_the_events(build, resources):
    text = "Stock futures fell Tuesday as Washington announced 25% tariffs on steel from Japan."
    specs = {"countries": [USA, ("Japan", "JPN", "name")], "rates": [("25%", 25.0, "tariff")],
             "dates": [("Tuesday", "DATE", "2025-02-11")], "published": "2025-02-11"}
    assert [r[3] for r in _rows(build, resources, text, parsed=True, **specs)] == [None]
    # without a parse the words say it: "as" opens the clause of the trigger after the date
    assert [r[3] for r in _rows(build, resources, text, parsed=False, **specs)] == [None]


@pytest.mark.parametrize("parsed", [False, True])
def test_a_market_move_dated_before_two_clauses_does_not_date_the_measure(build, resources, parsed):
    # the connective clauses nest ("as … after …"), which parsers often hang on a noun instead
    text = ("The peso touched a record low of 21 per dollar on February 4 as the dollar firmed after "
            "Washington slapped tariffs on Mexico.")
    specs = {"countries": [USA, ("Mexico", "MEX", "name")], "dates": [("February 4", "DATE", "2025-02-04")],
             "published": "2025-02-11", "parsed": parsed}
    assert [r[3] for r in _rows(build, resources, text, **specs)] == [None]


@pytest.mark.parametrize("text", [
    "On February 4 Washington imposed tariffs on goods such as cars from Mexico.",  # no connective before it
    "Washington on February 4 imposed tariffs as part of a package on Mexico.",  # "as" a preposition
])
def test_a_connective_that_opens_no_clause_of_the_trigger_leaves_the_date(build, resources, text):
    specs = {"countries": [USA, ("Mexico", "MEX", "name")], "dates": [("February 4", "DATE", "2025-02-04")],
             "published": "2025-02-11"}
    assert [r[3] for r in _rows(build, resources, text, **specs)] == ["2025-02-04"]


def test_the_events_own_date_in_its_clause_is_kept(build, resources):
    text = "Washington announced 25% tariffs on steel from Japan on Tuesday."
    rows = _rows(build, resources, text, parsed=True, countries=[USA, ("Japan", "JPN", "name")],
                 rates=[("25%", 25.0, "tariff")], dates=[("Tuesday", "DATE", "2025-02-11")], published="2025-02-11")
    assert [r[3] for r in rows] == ["2025-02-11"]


@pytest.mark.parametrize("parsed", [False, True])
def test_a_threat_keeps_its_future_date(build, resources, parsed):
    # the guideline dates an event by the date the article gives it, a threat's future date too
    text = "Washington threatened tariffs on Canada starting March 1."
    rows = _rows(build, resources, text, countries=[USA, ("Canada", "CAN", "name")],
                 dates=[("March 1", "DATE", "2025-03-01")], published="2025-02-10", parsed=parsed)
    assert rows == [("tariff_threatened", "USA", ["CAN"], "2025-03-01", "threatened")]


def test_a_possible_measure_keeps_its_future_week(build, resources):
    text = "Washington said it might impose tariffs on Canada next week."
    rows = _rows(build, resources, text, parsed=True, countries=[USA, ("Canada", "CAN", "name")],
                 dates=[("next week", "DATE", "2025-W07")], published="2025-02-08")
    assert [(r[0], r[3], r[4]) for r in rows] == [("tariff_imposed", "2025-W07", "possible")]


def test_a_meeting_something_happens_ahead_of_is_not_dated_by_it(build, resources):
    text = "The peso rose on Tuesday just ahead of the president's meeting with Washington on trade."
    rows = _rows(build, resources, text, parsed=True, countries=[USA, ("peso", "MEX", "name")],
                 dates=[("Tuesday", "DATE", "2025-02-11")], published="2025-02-11")
    assert [(r[0], r[3]) for r in rows] == [("negotiation", None)]


def test_a_date_after_the_phrase_still_dates_its_noun(build, resources):
    # the parser may hang "this week" on the main verb, but after the noun it is the talks' own
    text = "Taipei and Washington extended their textile pact after negotiations in Washington this week."
    rows = _rows(build, resources, text, parsed=True, countries=[USA, ("Taipei", "TWN", "government")],
                 dates=[("this week", "DATE", "2025-W07")], published="2025-02-12")
    assert all(r[3] == "2025-W07" for r in rows if r[0] == "negotiation")


def test_a_date_inside_the_phrase_still_dates_its_noun(build, resources):
    text = "Shares fell after talks with Washington on Tuesday ended without a deal on tariffs."
    rows = _rows(build, resources, text, parsed=True, countries=[USA],
                 dates=[("Tuesday", "DATE", "2025-02-11")], published="2025-02-12")
    assert all(r[3] == "2025-02-11" for r in rows if r[0] == "negotiation")


@pytest.mark.parametrize("text, expected", [
    ("Washington imposed tariffs on steel, according to a Thursday filing by an importer.", True),
    ("Washington imposed tariffs on steel on Thursday, according to an importer.", False),  # before the source
])
def test_a_date_after_according_to_dates_the_source(text, expected):
    at = text.index("Thursday")
    time = TimeRef("d1", at, at + len("Thursday"), "DATE", "2025-02-13", None, True)
    assert after_source_phrase(text, time, text.index("imposed"), frozenset({"according to"})) is expected


@pytest.mark.parametrize("parsed", [False, True])
def test_an_announced_imposition_is_asserted(build, resources, parsed):
    # a reporting verb reports a measure taken: the guideline's asserted (docs/events.md, section 2)
    text = "Washington announced 25% tariffs on steel from Japan."
    rows = _rows(build, resources, text, parsed=parsed, countries=[USA, ("Japan", "JPN", "name")],
                 rates=[("25%", 25.0, "tariff")])
    assert [(r[0], r[4]) for r in rows] == [("tariff_imposed", "asserted")]


@pytest.mark.parametrize("parsed", [False, True])
def test_an_announcement_of_tariffs_named_as_a_noun_is_planned(build, resources, parsed):
    text = "Steel stocks slid after Washington's announcement of 25% tariffs on steel from Japan."
    rows = _rows(build, resources, text, parsed=parsed, countries=[USA, ("Japan", "JPN", "name")],
                 rates=[("25%", 25.0, "tariff")])
    assert [(r[0], r[4]) for r in rows] == [("tariff_imposed", "planned")]


def test_a_headline_to_announce_tariffs_is_planned(build, resources):
    rows = _rows(build, resources, "Washington to announce 25% tariffs on steel from Japan",
                 countries=[USA, ("Japan", "JPN", "name")], rates=[("25%", 25.0, "tariff")])
    assert [(r[0], r[4]) for r in rows] == [("tariff_imposed", "planned")]


def test_an_entry_into_force_dated_before_publication_is_asserted(build, resources):
    text = "Washington imposed 25% tariffs on steel from Japan to go into effect on March 3."
    rows = _rows(build, resources, text, countries=[USA, ("Japan", "JPN", "name")], rates=[("25%", 25.0, "tariff")],
                 dates=[("March 3", "DATE", "2025-03-03")], published="2025-03-10")
    assert [(r[0], r[4]) for r in rows] == [("tariff_imposed", "asserted")]


def test_an_entry_into_force_dated_after_publication_is_planned(build, resources):
    text = "Washington imposed 25% tariffs on steel from Japan to go into effect on March 13."
    rows = _rows(build, resources, text, countries=[USA, ("Japan", "JPN", "name")], rates=[("25%", 25.0, "tariff")],
                 dates=[("March 13", "DATE", "2025-03-13")], published="2025-03-10")
    assert [(r[0], r[4]) for r in rows] == [("tariff_imposed", "planned")]


@pytest.mark.parametrize("text", [
    "Washington announced 25% tariffs on steel from Japan, which took effect at midnight.",
    "Washington announced but then delayed 25% tariffs on steel from Japan.",
])
def test_an_announced_imposition_in_force_or_undone_stays_asserted(build, resources, text):
    rows = _rows(build, resources, text, countries=[USA, ("Japan", "JPN", "name")], rates=[("25%", 25.0, "tariff")])
    assert ("tariff_imposed", "asserted") in [(r[0], r[4]) for r in rows]
    assert ("tariff_imposed", "planned") not in [(r[0], r[4]) for r in rows]


def test_an_imposition_set_to_take_effect_is_planned(build, resources):
    text = "Beijing's retaliatory tariffs on U.S. pork are set to take effect, officials said."
    rows = _rows(build, resources, text, countries=[("Beijing", "CHN", "government"), ("U.S.", "USA", "name")])
    assert [(r[0], r[1], r[4]) for r in rows] == [("tariff_imposed", "CHN", "planned")]


def test_an_imposition_that_took_effect_is_asserted(build, resources):
    text = "Beijing's retaliatory tariffs on U.S. pork took effect, officials said."
    rows = _rows(build, resources, text, countries=[("Beijing", "CHN", "government"), ("U.S.", "USA", "name")])
    assert [(r[0], r[1], r[4]) for r in rows] == [("tariff_imposed", "CHN", "asserted")]


@pytest.mark.parametrize("parsed", [False, True])
def test_a_pledge_of_tariffs_is_planned(build, resources, parsed):
    # the trigger itself names a promise: the measure is not yet in force
    text = "Lumber stocks slid after Washington's pledge of 30% tariffs on timber from Canada."
    rows = _rows(build, resources, text, parsed=parsed, countries=[USA, ("Canada", "CAN", "name")],
                 rates=[("30%", 30.0, "tariff")])
    assert [(r[0], r[2], r[4]) for r in rows] == [("tariff_imposed", ["CAN"], "planned")]


def test_a_date_in_a_participle_on_another_noun_does_not_date_the_measure(build, resources):
    text = "Washington said some countries will be subject to a tariff rate that is lower than the rate " \
           "initially announced on April 2."
    rows = _rows(build, resources, text, parsed=True, countries=[USA], dates=[("April 2", "DATE", "2025-04-02")],
                 published="2025-07-07")
    assert [(r[0], r[3]) for r in rows] == [("tariff_imposed", None)]  # April 2 dates the other rate


def test_a_measure_in_a_participle_is_not_dated_by_the_clause_above(build, resources):
    text = "Today, Washington announced adjustments to tariffs imposed on imports from Mexico."
    rows = _rows(build, resources, text, parsed=True, countries=[USA, ("Mexico", "MEX", "name")],
                 dates=[("Today", "DATE", "2025-03-06")], published="2025-03-06")
    assert [(r[0], r[2], r[3]) for r in rows] == [("tariff_imposed", ["MEX"], None)]  # today dates the adjustments


def test_a_participle_on_the_measures_own_noun_dates_it(build, resources):
    text = "Washington imposed new tariffs on Mexico announced on Monday."
    rows = _rows(build, resources, text, parsed=True, countries=[USA, ("Mexico", "MEX", "name")],
                 dates=[("Monday", "DATE", "2025-03-03")], published="2025-03-06")
    assert [(r[0], r[3]) for r in rows] == [("tariff_imposed", "2025-03-03")]


def _hand_parse(rows: list[tuple[str, str, str, int, str]]) -> SentenceParse:
    """A parse from (word, upos, morph, head, relation) rows, words one space apart."""
    tokens, offset = [], 0
    for index, (word, upos, morph, head, dep) in enumerate(rows):
        tokens.append(Token(index, offset, offset + len(word), word, word.lower(), upos, morph, head, dep))
        offset += len(word) + 1
    return SentenceParse(tokens)


def _time_at(parse: SentenceParse, word: str) -> TimeRef:
    token = next(t for t in parse.tokens if t.text == word)
    return TimeRef("d", token.start, token.end, "DATE", "2025-03", None, True)


PAST_PARTICIPLE = "Tense=Past|VerbForm=Part"


def test_a_participle_hung_on_a_noun_inside_the_trigger_phrase_is_the_triggers():
    # "a pact on farm trade signed last September": the parser hangs "signed" on "trade", not on "pact"
    parse = _hand_parse([("pact", "NOUN", "", 0, "ROOT"), ("on", "ADP", "", 3, "case"),
                         ("farm", "NOUN", "", 3, "compound"), ("trade", "NOUN", "", 0, "nmod"),
                         ("signed", "VERB", PAST_PARTICIPLE, 3, "acl"), ("last", "ADJ", "", 6, "amod"),
                         ("September", "PROPN", "", 4, "obl")])
    assert not across_participle(parse, parse.tokens[0], _time_at(parse, "September"))
    # the same participle on a noun outside the trigger's phrase ("subject to … than the rate announced …")
    other = _hand_parse([("subject", "ADJ", "", 0, "ROOT"), ("to", "ADP", "", 2, "case"),
                         ("rate", "NOUN", "", 0, "obl"), ("lower", "ADJ", "", 2, "acl:relcl"),
                         ("than", "ADP", "", 5, "case"), ("rate", "NOUN", "", 3, "obl"),
                         ("announced", "VERB", PAST_PARTICIPLE, 5, "acl"), ("April", "PROPN", "", 6, "obl")])
    assert across_participle(other, other.tokens[0], _time_at(other, "April"))


def test_a_participle_hung_on_the_date_itself_is_the_main_verb_misparsed():
    # "The committee this week called on Washington": the parser makes "called" a participle of "week"
    parse = _hand_parse([("committee", "NOUN", "", 0, "ROOT"), ("this", "DET", "", 2, "det"),
                         ("week", "NOUN", "", 0, "nmod:unmarked"), ("called", "VERB", PAST_PARTICIPLE, 2, "acl"),
                         ("Washington", "PROPN", "", 3, "obl")])
    assert not across_participle(parse, parse.tokens[3], _time_at(parse, "week"))


def test_list_items_take_the_date_of_the_measure_told_before_their_undated_parent(build, resources):
    text = ("Washington sent letters to many countries saying that, starting August 1, they will be subject to new "
            "tariff rates.\nIn some cases, countries will be subject to a revised tariff rate that is lower than "
            "the rate first announced on April 2.\nThe countries that received letters include:\n"
            "Japan (25%)\nKorea (30%)\n")
    rows = _rows(build, resources, text, parsed=True,
                 countries=[USA, ("Japan", "JPN", "name"), ("Korea", "KOR", "name")],
                 rates=[("25%", 25.0, "tariff"), ("30%", 30.0, "tariff")],
                 dates=[("August 1", "DATE", "2025-08-01"), ("April 2", "DATE", "2025-04-02")], published="2025-07-07")
    assert [(r[2], r[3]) for r in rows if r[2]] == [(["JPN"], "2025-08-01"), (["KOR"], "2025-08-01")]


def test_a_connective_whose_clause_closes_before_the_trigger_leaves_the_date():
    text = "Washington on February 4 after a month of talks, and a call, imposed tariffs on Mexico."
    date_ref = TimeRef("d1", text.index("February 4"), text.index("February 4") + 10, "DATE", "2025-02-04", None, True)
    connectives = Connectives(frozenset({"as", "after"}))
    assert not behind_connective(text, date_ref, text.index("imposed"), connectives)
    # without the comma the trigger stands in the clause "after" opens
    joined = text.replace(" talks, and a call,", " talks")
    date_ref = TimeRef("d1", 14, 24, "DATE", "2025-02-04", None, True)
    assert behind_connective(joined, date_ref, joined.index("imposed"), connectives)


def test_a_saying_dated_before_that_keeps_its_date_for_what_it_reports():
    text = "Tokyo said Friday that the two sides are talking after meeting in Washington."
    date_ref = TimeRef("d1", text.index("Friday"), text.index("Friday") + 6, "DATE", "2025-02-07", None, True)
    assert not behind_connective(text, date_ref, text.index("meeting"), Connectives(frozenset({"as", "after"})))
