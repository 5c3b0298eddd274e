"""Answers said to follow a measure (role ``speaker``) and unnamed answers in a dispute (`events.answers`).

Sentences are written for these tests in the style of 2025 wire and market copy (none is taken from an
article) and parsed by the project's committed parser, as extract would; the expected rows are the right reading.
"""

from __future__ import annotations

import pytest

FIELDS = ("event_type", "actor_iso3", "target_iso3", "target_scope")

EU = ("European Commission", "EU", "government")
VDL = ("Ursula von der Leyen", "EU", "ursula-von-der-leyen")


@pytest.mark.parametrize("text, countries, officials", [
    pytest.param("The head of the European Commission said the U.S. decision to put duties on European Union "
                 "exports of aluminium would result in countermeasures.",
                 [EU, ("U.S.", "USA", "name"), ("European Union", "EU", "name")], [], id="result-in-said-before"),
    pytest.param("Washington imposed steel tariffs on Europe. Ursula von der Leyen said there would be "
                 "countermeasures.",
                 [("Washington", "USA", "capital"), ("Europe", "EU", "name")], [VDL], id="would-be-after-measure"),
    pytest.param("Brussels and Ottawa have condemned Trump's decision to put duties on steel, and Commission head "
                 "Ursula von der Leyen said there would be countermeasures.",
                 [("Brussels", "EU", "capital"), ("Ottawa", "CAN", "capital")],
                 [("Trump", "USA", "donald-trump"), VDL], id="official-owner-before"),
    pytest.param("Washington raised duties on steel. The unjustified tariffs on the EU will trigger firm "
                 "countermeasures, Ursula von der Leyen said.",
                 [("Washington", "USA", "capital"), ("EU", "EU", "name")], [VDL], id="said-after-measure-before"),
])
def test_answer_said_to_follow_is_the_speakers_threat(event_fields, text, countries, officials):
    """The government reporting that an answer will follow threatens it, on the owner of the measure answered;
    the measure's owner in the clause's subject never acts in the answer."""
    found = event_fields(text, countries=countries, officials=officials)
    assert ("tariff_threatened", "EU", ["USA"], "bilateral") in found
    assert not any(row[0] == "tariff_threatened" and row[1] == "USA" for row in found)


def test_speaker_by_word_order_without_a_parse(event_fields):
    """Unparsed (or with the speaker hung elsewhere by the parse), the government right before "said" speaks."""
    text = "Washington imposed steel tariffs on Europe. Ursula von der Leyen said there would be countermeasures."
    found = event_fields(text, parsed=False, countries=[("Washington", "USA", "capital"), ("Europe", "EU", "name")],
                         officials=[VDL])
    assert ("tariff_threatened", "EU", ["USA"], "bilateral") in found


def test_quoted_answer_is_the_quotation_speakers(event_fields):
    """Inside a direct quotation the quoted official speaks, whatever the parse makes of the sentence around it."""
    text = ('Trump said on Monday he would put duties on foreign steel "The duties on Europe will trigger firm '
            'countermeasures," Ursula von der Leyen said.')
    quote = '"The duties on Europe will trigger firm countermeasures,"'
    found = event_fields(text, countries=[("Europe", "EU", "name")],
                         officials=[("Trump", "USA", "donald-trump"), VDL], quotes=[(quote, "ursula-von-der-leyen")])
    assert ("tariff_threatened", "EU", ["USA"], "bilateral") in found
    assert not any(row[0] == "tariff_threatened" and row[1] == "USA" for row in found)


def test_answer_reported_by_no_government_has_no_actor(event_fields):
    """An analyst saying retaliation would follow gives no government's threat (the clause's owner is answered)."""
    text = "The U.S. duties on Canadian lumber would trigger countermeasures, analysts at a bank said."
    found = event_fields(text, countries=[("U.S.", "USA", "name"), ("Canadian", "CAN", "demonym")])
    assert not any(row[0] == "tariff_threatened" for row in found)


def test_would_be_without_an_answer_word_is_no_threat(event_fields):
    text = "The tariffs would be the highest since the 1930s, the Commission said."
    assert not any(row[0] == "tariff_threatened" for row in event_fields(text, countries=[]))


DISPUTE = ("Washington raised tariffs on Chinese goods to 20% on Tuesday. Trump also threatened more tariffs on "
           "Chinese steel. Beijing vowed retaliation. {last}")
PARTIES = [("Washington", "USA", "capital"), ("Chinese", "CHN", "demonym"), ("Chinese", "CHN", "demonym", 1),
           ("Beijing", "CHN", "capital"), ("Beijing", "CHN", "capital", 1)]


def test_unnamed_answer_falls_on_the_government_answered(event_fields):
    """In an article that tells a dispute, an answering government's measure naming no country is on the
    government whose measures hit it."""
    text = DISPUTE.format(last="Beijing also imposed export restrictions on some rare metals.")
    found = event_fields(text, countries=PARTIES)
    assert ("trade_restriction", "CHN", ["USA"], "bilateral") in found


def test_no_dispute_told_leaves_the_unnamed_measure(event_fields):
    """Without a word of retaliation in the article the measure stays on its own reading."""
    text = ("Washington raised tariffs on Chinese goods to 20% on Tuesday. Trump also threatened more tariffs on "
            "Chinese steel. Beijing imposed export restrictions on some rare metals.")
    countries = [("Washington", "USA", "capital"), ("Chinese", "CHN", "demonym"), ("Chinese", "CHN", "demonym", 1),
                 ("Beijing", "CHN", "capital")]
    found = event_fields(text, countries=countries)
    assert not any(row[0] == "trade_restriction" and row[2] == ["USA"] for row in found)


def test_the_principal_governments_unnamed_measure_is_no_answer(event_fields):
    """The government the article is about first (it acts most) keeps its unnamed measure on every origin,
    even when the other government's retaliation hits it."""
    text = ("Washington raised tariffs on Chinese goods to 20% on Tuesday. Washington also imposed tariffs on "
            "steel imports. China hit back with retaliatory tariffs on American farm goods.")
    countries = [("Washington", "USA", "capital"), ("Chinese", "CHN", "demonym"), ("Washington", "USA", "capital", 1),
                 ("China", "CHN", "name"), ("American", "USA", "demonym")]
    found = event_fields(text, countries=countries)
    assert not any(row[1] == "USA" and row[2] == ["CHN"] and row[0] == "tariff_imposed" for row in found)
