"""Rows a researcher should not find: conditions of other statements and the like.

Every sentence is written for these tests in the style of 2025 wire and
market copy (none is taken from an article) and parsed by the project's
committed parser, as extract would; the expected rows are the right reading.
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events
from pipeline.events.non_events import standing
from pipeline.events.syntax import SentenceParse, Token

FIELDS = ("event_type", "actor_iso3", "target_iso3", "modality")
USA = ("Washington", "USA", "government")
KOREAN = ("Korean", "KOR", "demonym")


@pytest.mark.parametrize("parsed", [True, False], ids=["parsed", "word-order"])
def test_the_measure_a_condition_governs_stays(event_fields, parsed):
    # the condition is the talks failing; the tariffs are what Washington says it will do
    found = event_fields("If the talks fail, Washington will impose tariffs on Korean cars.",
                         parsed=parsed, countries=[USA, KOREAN])
    assert [e[:3] for e in found] == [("tariff_imposed", "USA", ["KOR"])]


@pytest.mark.parametrize("parsed", [True, False], ids=["parsed", "word-order"])
def test_an_if_that_asks_whether_states_no_condition(event_fields, parsed):
    # "determine if" asks whether a duty will come: a possible measure, not a condition
    found = event_fields("Washington's trade panel will now determine if a duty should be imposed on "
                         "Korean steel.", parsed=parsed, countries=[USA, KOREAN])
    assert [e[0] for e in found] == ["tariff_imposed"]
    assert found[0][3] == "possible"


@pytest.mark.parametrize("text", [
    pytest.param("Grain traders worried about the prospect of Washington imposing tariffs on Korean cars.",
                 id="gerund-under-prospect"),
    pytest.param("The carmaker's outlook includes the cost of the proposed tariffs that Washington floated for "
                 "Korean cars.",
                 id="cost-of"),
])
def test_a_measure_completing_a_noun_of_effect_is_no_event(event_fields, text):
    assert event_fields(text, countries=[USA, KOREAN]) == []


def test_a_measure_next_to_a_noun_of_effect_stays(event_fields):
    # the fear is its own phrase; the tariffs are imposed, and reported
    found = event_fields("Washington imposed tariffs on Korean cars, despite fears in Seoul.",
                         countries=[USA, KOREAN])
    assert [e[:3] for e in found] == [("tariff_imposed", "USA", ["KOR"])]


def test_a_date_in_another_subjects_coordinated_clause_does_not_date_the_event(build, resources):
    # April is when the cartel raises output; the tariffs are undated
    text = ("Crude futures slid as the market weighed Chinese retaliatory tariffs on U.S. propane, OPEC+ sticking "
            "with its plan to begin lifting output in April.")
    rows = article_events(build(text, parsed=True, countries=[("Chinese", "CHN", "demonym"),
                                                              ("U.S.", "USA", "abbreviation")],
                                dates=[("April", "DATE", "2025-04")]), resources)
    assert [(r["event_type"], r["actor_iso3"], r["event_date"]) for r in rows] == [("tariff_imposed", "CHN", None)]


def test_a_date_of_the_clause_holding_the_trigger_still_dates_it(build, resources):
    text = "Markets steadied, and Washington imposed tariffs on Korean cars in April."
    rows = article_events(build(text, parsed=True, countries=[USA, KOREAN], dates=[("April", "DATE", "2025-04")]),
                          resources)
    assert [(r["event_type"], r["event_date"]) for r in rows] == [("tariff_imposed", "2025-04")]


def _hand_parse(rows: list[tuple[str, str, int, str]], morph: dict[int, str] | None = None) -> SentenceParse:
    """A parse built by hand: (word, part of speech, head, relation) per token, words one space apart."""
    tokens, start = [], 0
    for index, (word, upos, head, dep) in enumerate(rows):
        tokens.append(Token(index, start, start + len(word), word, word.lower(), upos, (morph or {}).get(index, ""),
                            head, dep))
        start += len(word) + 1
    return SentenceParse(tokens)


# "tariffs against countries that place tariffs on goods", with the verb of the relative clause read as a noun
_RELATIVE = [("tariffs", "NOUN", 0, "ROOT"), ("against", "ADP", 2, "case"), ("countries", "NOUN", 0, "nmod"),
             ("that", "PRON", 4, "nsubj"), ("{verb}", "NOUN", 2, "acl:relcl"), ("tariffs", "NOUN", 4, "obj"),
             ("on", "ADP", 7, "case"), ("goods", "NOUN", 4, "obl")]


@pytest.mark.parametrize("verb, expected", [("place", True), ("impose", True), ("imposed", False)])
def test_a_present_relative_clause_misread_as_a_noun_is_a_standing_measure(resources, verb, expected):
    parse = _hand_parse([(w.format(verb=verb), u, h, d) for w, u, h, d in _RELATIVE])
    assert standing(parse, parse.tokens[4], resources.syntax) is expected


def test_a_noun_without_an_object_is_no_relative_verb(resources):
    rows = [(w.format(verb="place"), u, h, d) for w, u, h, d in _RELATIVE]
    rows[5] = ("tariffs", "NOUN", 4, "nmod")
    parse = _hand_parse(rows)
    assert standing(parse, parse.tokens[4], resources.syntax) is False


@pytest.mark.parametrize("parsed", [True, False], ids=["parsed", "word-order"])
def test_a_verb_trigger_used_as_a_noun_names_no_measure(build, resources, parsed):
    # "an issue" is no issuing of tariffs; the imposition after it keeps its actor and rate
    text = "Trade remains an issue with Washington imposing 25% duties on Korean steel."
    rows = article_events(build(text, parsed=parsed, countries=[USA, KOREAN], rates=[("25%", 25.0, "duty")]),
                          resources)
    assert [(r["event_type"], r["actor_iso3"], r["target_iso3"], r["rate_value"]) for r in rows] == [
        ("tariff_imposed", "USA", ["KOR"], 25.0)]


def test_the_same_word_as_a_verb_still_names_a_measure(event_fields):
    found = event_fields("Washington will issue tariffs on Korean steel next week.",
                         countries=[USA, KOREAN])
    assert [e[:3] for e in found] == [("tariff_imposed", "USA", ["KOR"])]


def test_a_verb_acting_on_a_noun_of_effect_changes_no_measure(event_fields):
    # the company lowers the impact it feels; no government reduces any tariff
    text = ("The brewer will move more of its output to the United States to reduce the likely impact of "
            "tariffs, its finance chief said on Tuesday.")
    assert event_fields(text, countries=[("United States", "USA", "name")]) == []


def test_a_person_pronoun_reported_by_an_official_acts_for_the_official(event_fields):
    # "he" is the speaker, not the Korean visitor named first
    text = "During talks with visiting Korean President Lee, Trump said he might impose tariffs on several countries."
    found = event_fields(text, countries=[KOREAN], officials=[("Trump", "USA", "trump")])
    assert [e[:2] for e in found] == [("tariff_imposed", "USA")]


def test_a_threat_that_a_pause_undoes_is_no_new_threat(event_fields):
    text = "On Friday, Trump suspended his threat of heavy tariffs on Korea and Japan, agreeing to a 30-day pause."
    found = event_fields(text, countries=[("Korea", "KOR", "name"), ("Japan", "JPN", "name")],
                         officials=[("Trump", "USA", "trump")])
    assert [e[:3] for e in found] == [("tariff_suspended", "USA", ["JPN", "KOR"])]


@pytest.mark.parametrize("text", [
    pytest.param("Washington shut down its de minimis exemption, a provision that allowed duty-free imports of low-value "
                 "goods.", id="shut-down"),
    pytest.param("Washington ended the exemption, a waiver which allowed duty-free entry of small parcels.",
                 id="ended"),
])
def test_closing_a_treatment_described_as_duty_free_is_no_exemption(event_fields, text):
    # the relative clause says what the closed treatment did; it grants nothing
    assert event_fields(text, countries=[USA]) == []


def test_a_duty_free_clause_of_a_treatment_no_trigger_names_stays(event_fields):
    # "waiver" alone is no trigger: the clause is the only report of the grant
    found = event_fields("Washington granted a waiver that allows duty-free imports of Korean steel.",
                         countries=[USA])
    assert [e[:2] for e in found] == [("tariff_exemption", "USA")]


CHINESE = ("Chinese", "CHN", "demonym")


def test_a_participle_naming_the_measure_another_trigger_acts_on_is_no_event(event_fields):
    # "the duties imposed under this order" names the measure "raise" acts on: one event, the raise
    found = event_fields("Section 3 of Washington's order on Chinese goods provided that, should any "
                         "partner retaliate through duties on U.S. goods, Washington may raise the duties "
                         "imposed under this order.", countries=[USA, CHINESE])
    assert [e[0] for e in found] == ["tariff_increased"]


def test_decrease_is_a_cut_and_its_object_s_participle_no_event(event_fields):
    # "decrease" acts on the duties as "reduce" does: the cut is the event, "imposed under this order" names it
    found = event_fields("Washington's order on Chinese goods said that, should talks go well, "
                         "Washington may decrease the duties imposed under this order.", countries=[USA, CHINESE])
    assert [e[0] for e in found] == ["tariff_reduced"]


def test_a_participle_naming_the_object_of_coordinated_verbs_is_no_event(event_fields):
    # the duties hang on "narrow", coordinated with the trigger "cut"
    found = event_fields("Washington's order on Chinese goods said that Washington may cut or narrow "
                         "the duties imposed under this order.", countries=[USA, CHINESE])
    assert "tariff_imposed" not in [e[0] for e in found]


def test_a_participle_measure_that_no_trigger_acts_on_stays(event_fields):
    # nothing else in the sentence acts on the duties: the participle is the only report of the imposition
    found = event_fields("The duties imposed by Washington on Chinese steel hit exporters last week.",
                         countries=[USA, CHINESE])
    assert "tariff_imposed" in [e[0] for e in found]


def test_a_participle_that_dates_the_measure_another_trigger_acts_on_stays(event_fields):
    # "imposed ... last Friday" reports the imposition, even as the object of "lift"
    found = event_fields("Washington will lift the duties imposed on Chinese steel last Friday once "
                         "talks end.", countries=[USA, CHINESE], dates=[("last Friday", "DATE", "2025-03-07")])
    assert "tariff_imposed" in [e[0] for e in found]
