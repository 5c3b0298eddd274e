"""Roles, scope and non-events read from the dependency parse.

Each sentence is written for these tests and parsed by the project's
committed parser (``models/parser``), as extract would; the parses were
checked by eye (subjects, objects, "by" agents, the passive subject "Goods of
Mexico", the relative clause "which will meet", "except Canada" under
"countries"), so the expected rows are the right reading, not the parser's
output copied. The same sentence without a parse takes the word-order rules,
which is shown where the two readings differ.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.events import article_events
from pipeline.events.background import before_window, period_end
from pipeline.events.syntax import SentenceParse, Token

FIELDS = ("event_type", "actor_iso3", "target_iso3", "target_scope", "excluded_iso3", "modality", "is_background")


def _events(build, resources, text: str, *, parsed: bool = True, **specs) -> list[dict]:
    rows = article_events(build(text, parsed=parsed, **specs), resources)
    return [{k: row[k] for k in FIELDS} | {"path": row["rule_id"].split("|")[-1]} for row in rows]


def _one(build, resources, text: str, **specs) -> dict:
    found = _events(build, resources, text, **specs)
    assert len(found) == 1, found
    return found[0]


def test_the_passive_agent_acts_and_the_goods_origin_is_the_target(build, resources):
    event = _one(build, resources, "Tariffs on Brazilian coffee were raised by Washington last week.",
                 countries=[("Brazilian", "BRA", "demonym"), ("Washington", "USA", "government")])
    assert (event["actor_iso3"], event["target_iso3"]) == ("USA", ["BRA"])
    assert event["path"] == "actor=agent;targets=syntax"


def test_the_origin_of_exempted_goods_is_never_the_actor(build, resources):
    text = "Washington imposed tariffs of 25% on steel. Goods of Mexico will be exempt from tariffs."
    specs = {"countries": [("Washington", "USA", "government"), ("Mexico", "MEX", "name")],
             "rates": [("25%", 25.0, "tariff")]}
    exemptions = [e for e in _events(build, resources, text, **specs) if e["event_type"] == "tariff_exemption"]
    # the parse places Mexico in the passive subject: the target; the actor is the one of the measure before
    assert [(e["actor_iso3"], e["target_iso3"]) for e in exemptions] == [("USA", ["MEX"])]
    alone = _events(build, resources, "Goods of Mexico will be exempt from tariffs.",
                    countries=[("Mexico", "MEX", "name")])
    assert alone == []  # no government acts in the sentence: no event, rather than Mexico exempting itself


def test_the_source_of_speech_is_not_the_actor_of_the_reported_measure(build, resources):
    event = _one(build, resources, "Ottawa said the United States would impose tariffs on lumber.",
                 countries=[("Ottawa", "CAN", "government"), ("United States", "USA", "name")])
    assert (event["actor_iso3"], event["modality"], event["path"]) == ("USA", "planned", "actor=subject;targets=order")


def test_coordinated_origins_are_all_targets(build, resources):
    event = _one(build, resources, "Washington imposed tariffs on steel from Canada and Mexico.",
                 countries=[("Washington", "USA", "government"), ("Canada", "CAN", "name"),
                            ("Mexico", "MEX", "name")])
    assert (event["target_iso3"], event["target_scope"]) == (["CAN", "MEX"], "multilateral")


def test_except_excludes(build, resources):
    event = _one(build, resources, "The United States imposed tariffs on all countries except Canada.",
                 countries=[("United States", "USA", "name"), ("Canada", "CAN", "name")])
    assert (event["target_scope"], event["excluded_iso3"], event["path"]) == (
        "all_except", ["CAN"], "actor=subject;targets=syntax")


TEXT_BORROWED = "Japan, which will meet U.S. officials next week, imposed tariffs on American beef."
COUNTRIES_BORROWED = [("Japan", "JPN", "name"), ("U.S.", "USA", "abbreviation"), ("American", "USA", "demonym")]


def test_a_will_of_another_clause_is_not_borrowed(build, resources):
    parsed = _one(build, resources, TEXT_BORROWED, countries=COUNTRIES_BORROWED)
    assert (parsed["actor_iso3"], parsed["target_iso3"], parsed["modality"]) == ("JPN", ["USA"], "asserted")
    unparsed = _one(build, resources, TEXT_BORROWED, parsed=False, countries=COUNTRIES_BORROWED)
    assert unparsed["modality"] == "planned"  # the word-order fallback takes the nearest "will"


@pytest.mark.parametrize("text, countries, modality", [
    ("New tariffs on Chinese steel are being weighed by the United States.",
     [("Chinese", "CHN", "demonym"), ("United States", "USA", "name")], "possible"),
    ("Chile is considering new duties on Peruvian fruit.",
     [("Chile", "CHL", "name"), ("Peruvian", "PER", "demonym")], "possible"),
    ("Canada did not impose tariffs on U.S. steel.",
     [("Canada", "CAN", "name"), ("U.S.", "USA", "abbreviation")], "negated"),
    ("The United States will lift tariffs on Japanese chips if Tokyo opens its market.",
     [("United States", "USA", "name"), ("Japanese", "JPN", "demonym"), ("Tokyo", "JPN", "government")],
     "possible"),
    ("Brazil raised tariffs on Argentine wheat, which Argentina will contest.",
     [("Brazil", "BRA", "name"), ("Argentine", "ARG", "demonym"), ("Argentina", "ARG", "name")], "asserted"),
    ("If Japan does not open its market, the United States will set quotas on Japanese cars.",
     [("Japan", "JPN", "name"), ("United States", "USA", "name"), ("Japanese", "JPN", "demonym")], "possible"),
], ids=["hedge-being-weighed", "hedge-considering", "negation", "condition", "will-of-a-relative-clause",
        "condition-opening-the-sentence"])
def test_modality_comes_from_the_triggers_clause(build, resources, text, countries, modality):
    assert _one(build, resources, text, countries=countries)["modality"] == modality


@pytest.mark.parametrize("text, countries", [
    ("Will Canada impose tariffs on American steel?", [("Canada", "CAN", "name"), ("American", "USA", "demonym")]),
    ("Japan would have imposed tariffs on U.S. rice.", [("Japan", "JPN", "name"), ("U.S.", "USA", "abbreviation")]),
    ("The Trade Act of 1974 allows the president to impose tariffs on Chinese goods.",
     [("Chinese", "CHN", "demonym")]),
], ids=["question", "counterfactual", "authority"])
def test_non_events_are_dropped(build, resources, text, countries):
    assert _events(build, resources, text, countries=countries) == []


def test_a_question_without_a_parse_still_yields_the_old_reading(build, resources):
    found = _events(build, resources, "Will Canada impose tariffs on American steel?", parsed=False,
                    countries=[("Canada", "CAN", "name"), ("American", "USA", "demonym")])
    assert [e["path"] for e in found] == ["actor=order;targets=order"]


def test_a_headline_in_capitals_is_read_by_word_order(build, resources):
    event = _one(build, resources, "CANADA WILL IMPOSE TARIFFS ON U.S. STEEL",
                 countries=[("CANADA", "CAN", "name"), ("U.S.", "USA", "abbreviation")])
    assert (event["actor_iso3"], event["target_iso3"], event["path"]) == ("CAN", ["USA"], "actor=order;targets=order")


def test_commentary_of_non_government_speakers_is_background(build, resources):
    event = _one(build, resources, "Analysts said Washington would raise tariffs on Japanese cars.",
                 countries=[("Washington", "USA", "government"), ("Japanese", "JPN", "demonym")])
    assert (event["actor_iso3"], event["target_iso3"], event["is_background"]) == ("USA", ["JPN"], True)
    news = _one(build, resources, "Washington will raise tariffs on Japanese cars.",
                countries=[("Washington", "USA", "government"), ("Japanese", "JPN", "demonym")])
    assert news["is_background"] is False


def test_history_before_the_window_is_background(build, resources):
    text = "In 1985 Washington imposed tariffs on Japanese chips."
    specs = {"countries": [("Washington", "USA", "government"), ("Japanese", "JPN", "demonym")],
             "dates": [("1985", "DATE", "1985")]}
    assert _one(build, resources, text, published="1987-04-01", **specs)["is_background"] is True
    assert _one(build, resources, text, published="1985-11-01", **specs)["is_background"] is False


@pytest.mark.parametrize("value, end", [("2025", date(2025, 12, 31)), ("2024-02", date(2024, 2, 29)),
                                        ("2025-12", date(2025, 12, 31)), ("2025-05-01", date(2025, 5, 1)),
                                        ("2025-W18", date(2025, 5, 4)), ("P90D", None)])
def test_period_end(value, end):
    assert period_end(value) == end


def test_before_window_needs_a_date_and_a_publication():
    assert before_window("2023", date(2025, 5, 2), 365) is True
    assert before_window("2024-06", date(2025, 5, 2), 365) is False
    assert before_window(None, date(2025, 5, 2), 365) is False
    assert before_window("2020", None, 365) is False


def _token(index: int, text: str, upos: str, head: int, dep: str, start: int) -> Token:
    return Token(index, start, start + len(text), text, text.lower(), upos, "", head, dep)


# "U.S. tariffs on Canada took effect": hand-built rows of an exact structure.
HAND = SentenceParse([
    _token(0, "U.S.", "PROPN", 1, "compound", 0),
    _token(1, "tariffs", "NOUN", 4, "nsubj", 5),
    _token(2, "on", "ADP", 3, "case", 13),
    _token(3, "Canada", "PROPN", 1, "nmod", 16),
    _token(4, "took", "VERB", 4, "ROOT", 23),
    _token(5, "effect", "NOUN", 4, "obj", 28),
])


def test_the_view_finds_tokens_heads_and_clauses():
    tariffs = HAND.at(5, 12)
    assert tariffs is not None and tariffs.text == "tariffs"
    assert HAND.at(0, 12).text == "tariffs"  # "U.S. tariffs": the head of the span
    assert [t.text for t in HAND.chain(HAND.tokens[3])] == ["tariffs", "took"]
    assert [t.text for t in HAND.children(tariffs, "nmod")] == ["Canada"]
    assert [t.text for t in HAND.children(HAND.tokens[4], "nsubj")] == ["tariffs"]
    assert HAND.case_of(HAND.tokens[3]) == "on"
    assert HAND.clause(tariffs).text == "took"
    assert HAND.clause(tariffs, frozenset({"impose"})).text == "tariffs"  # "take" is not a verb of the measure
    assert [t.text for t in HAND.subtree(tariffs, skip=frozenset({"nmod"}))] == ["U.S.", "tariffs"]
    assert not HAND.ends_with_question()


@pytest.mark.parametrize("quote_type", ["indirect", "mixed"])
def test_reported_speech_lends_its_source_to_no_measure(build, resources, quote_type):
    # The speaker of a direct quotation is the last resort for the actor of a measure inside it ("they"
    # said in the speaker's own words); in reported speech the clause names its own subject, so the
    # speaker acts only as that subject, which the parse reads.
    text = "Kenji Sato is the Japanese trade minister. The minister said they would raise tariffs on American cars."
    content = "they would raise tariffs on American cars"
    specs = {"countries": [("Japanese", "JPN", "demonym"), ("American", "USA", "demonym")],
             "officials": [("Kenji Sato", "JPN", "sato")]}
    quoted = _events(build, resources, text, quotes=[(content, "sato", "direct")], **specs)
    reported = _events(build, resources, text, quotes=[(content, "sato", quote_type)], **specs)
    assert [e["actor_iso3"] for e in quoted] == ["JPN"]
    assert reported == _events(build, resources, text, **specs)
    assert [e["actor_iso3"] for e in reported] != ["JPN"]


def test_a_former_official_acts_for_no_government(build, resources):
    text = "Former trade minister Kenji Sato urged Washington to lift tariffs on Japanese cars."
    specs = {"countries": [("Washington", "USA", "government"), ("Japanese", "JPN", "demonym")]}
    serving = _events(build, resources, text, officials=[("Kenji Sato", "JPN", "sato")], **specs)
    assert [e["actor_iso3"] for e in serving if e["event_type"] == "demand"] == ["JPN"]
    former = build(text, officials=[("Kenji Sato", "JPN", "sato", 0, True)], **specs)
    assert [o.country_iso3 for o in former.officials] == [None]
    assert all(e["actor_iso3"] != "JPN" for e in article_events(former, resources))


def test_the_subject_of_face_bears_the_measure(build, resources):
    # "China faces tariffs": the subject undergoes the measure; the government imposing it is another
    event = _one(build, resources, "China will face new U.S. tariffs of 10% from next week.",
                 countries=[("China", "CHN", "name"), ("U.S.", "USA", "abbreviation")],
                 rates=[("10%", 10.0, "tariff")])
    assert (event["actor_iso3"], event["target_iso3"]) == ("USA", ["CHN"])


def test_the_subject_that_wins_an_exemption_is_its_target(build, resources):
    event = _one(build, resources, "Australia won an exemption from the U.S. steel tariffs.",
                 countries=[("Australia", "AUS", "name"), ("U.S.", "USA", "abbreviation")])
    assert (event["event_type"], event["actor_iso3"], event["target_iso3"]) == ("tariff_exemption", "USA", ["AUS"])


def test_a_measure_that_is_only_expected_is_no_event(build, resources):
    # the trigger is the complement of a noun of expectation: the sentence reports the market, not a measure
    found = _events(build, resources, "Stocks rose on expectations of a pause in U.S. tariffs on Canada.",
                    countries=[("U.S.", "USA", "abbreviation"), ("Canada", "CAN", "name")])
    assert found == []


def test_an_undated_event_in_a_sentence_of_history_is_background(build, resources):
    # the lifting has no date of its own, but the sentence tells of 2018: history, not news of 2025
    text = "In 2018, Washington imposed tariffs on steel, and the duties on Canada were lifted a year later."
    found = _events(build, resources, text, countries=[("Washington", "USA", "government"), ("Canada", "CAN", "name")],
                    dates=[("2018", "DATE", "2018")])
    assert found and all(e["is_background"] for e in found), found
    # the same undated lifting in a sentence without a date stays news
    alone = _events(build, resources, "Washington lifted the duties on Canada.",
                    countries=[("Washington", "USA", "government"), ("Canada", "CAN", "name")])
    assert [e["is_background"] for e in alone] == [False]


@pytest.mark.parametrize("text, countries, wanted, modality", [
    # a clause opened by "after" tells its own event: the hedge "discussing" of the verb it modifies is not its
    ("Tokyo said Japan and Chile are discussing a port project after meeting with Chile on trade in Lima.",
     [("Tokyo", "JPN", "government"), ("Japan", "JPN", "name"), ("Chile", "CHL", "name"),
      ("Chile", "CHL", "name", 1)], "negotiation", "asserted"),
    # the headline future: the walk climbs from the measure through "offer" to the name it hangs on
    ("EU to offer lower tariffs on Chilean wine in effort to reach a pact with Santiago",
     [("EU", "EU", "name"), ("Chilean", "CHL", "demonym"), ("Santiago", "CHL", "government")],
     "tariff_reduced", "planned"),
    # the parser may make the infinitive the root of a headline and its name the subject
    ("Korea to offer lower tariffs on Chilean wine", [("Korea", "KOR", "name"), ("Chilean", "CHL", "demonym")],
     "tariff_reduced", "planned"),
    # what a cut is prepared ahead of is still to come
    ("Chile is preparing tariff cuts ahead of talks with Canada next month.",
     [("Chile", "CHL", "name"), ("Canada", "CAN", "name")], "negotiation", "planned"),
], ids=["after-clause-keeps-its-own-modality", "headline-to-offer", "headline-infinitive-root", "ahead-of-talks"])
def test_modality_of_adverbial_clauses_headlines_and_what_is_ahead(build, resources, text, countries, wanted,
                                                                    modality):
    found = [e for e in _events(build, resources, text, countries=countries) if e["event_type"] == wanted]
    assert [e["modality"] for e in found] == [modality]


def test_working_to_impose_is_a_plan(build, resources):
    found = _one(build, resources, "Ottawa is working to impose duties on Chilean steel.",
                 countries=[("Ottawa", "CAN", "government"), ("Chilean", "CHL", "demonym")])
    assert (found["event_type"], found["modality"]) == ("tariff_imposed", "planned")


def test_a_pact_that_is_working_is_no_plan(build, resources):
    found = _one(build, resources, "Ottawa needs proof that its trade pact with Santiago is working.",
                 countries=[("Ottawa", "CAN", "government"), ("Santiago", "CHL", "government")])
    assert (found["event_type"], found["modality"]) == ("agreement", "asserted")
