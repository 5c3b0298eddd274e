"""Commentary, past-perfect history and criticism: measures a sentence names without reporting them as news.

Every sentence is written for these tests in the style of 2025 market and
wire copy (none is taken from an article) and parsed by the project's
committed parser, as extract would. Quotations are given as the quotes table
would give them: the quoted or reported words, the speaker's official id (None
for a speaker who is no official), the kind of quotation and the speaker's name.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

FIELDS = ("event_type", "actor_iso3", "target_iso3", "modality", "is_background")
CHINA_USA = [("Beijing", "CHN", "government"), ("U.S.", "USA", "name")]


ANALYST_QUOTE = '"Beijing could raise tariffs on U.S. soybeans next," said Dana Whitfield, an analyst at Northgate Securities.'


def test_a_measure_in_an_analysts_own_words_is_no_event(event_fields):
    quote = ("Beijing could raise tariffs on U.S. soybeans next,", None, "direct", "Dana Whitfield")
    assert event_fields(ANALYST_QUOTE, countries=CHINA_USA, quotes=[quote]) == []


def test_the_same_words_of_a_government_speaker_stay_an_event(event_fields):
    text = '"Beijing will raise tariffs on U.S. soybeans next," said Commerce Minister Wang Lan.'
    quote = ("Beijing will raise tariffs on U.S. soybeans next,", "wang-lan", "direct", "Wang Lan")
    found = event_fields(text, countries=CHINA_USA, quotes=[quote],
                         officials=[("Wang Lan", "CHN", "wang-lan")])
    assert [e[:3] for e in found] == [("tariff_increased", "CHN", ["USA"])]


def test_a_speaker_described_by_a_government_word_is_no_commentator(event_fields):
    # no official id (the title was not read as an office), but "ministry" and "spokesperson" say who speaks
    text = '"Beijing will raise tariffs on U.S. soybeans next," said Dana Whitfield, a spokesperson at the trade ministry.'
    quote = ("Beijing will raise tariffs on U.S. soybeans next,", None, "direct", "Dana Whitfield")
    found = event_fields(text, countries=CHINA_USA, quotes=[quote])
    assert [e[:3] for e in found] == [("tariff_increased", "CHN", ["USA"])]


@pytest.mark.parametrize("reported, kept", [
    pytest.param("Beijing may raise tariffs on U.S. soybeans", False, id="speculation-dropped"),
    pytest.param("Beijing raised tariffs on U.S. soybeans on Monday", True, id="relayed-act-kept"),
])
def test_reported_speech_of_a_commentator_drops_speculation_only(event_fields, reported, kept):
    text = f"{reported}, Harbor Bank economists say."
    found = event_fields(text, countries=CHINA_USA,
                         quotes=[(reported, None, "indirect", "Harbor Bank economists")])
    assert [e[:3] for e in found] == ([("tariff_increased", "CHN", ["USA"])] if kept else [])


HISTORY = "In 2018, Washington imposed tariffs on Chinese steel"
WASHINGTON_CHINESE = [("Washington", "USA", "government"), ("Chinese", "CHN", "demonym")]


def _told(event_fields: Callable[..., list[tuple]], reported: str, attribution: str, speaker: str | None,
          date: tuple) -> list[tuple]:
    """The events of ``reported`` followed by ``attribution``, as the reported speech of ``speaker`` (None:
    the reporter's own words); ``date`` is the dates row of its time expression."""
    quotes = [(reported, None, "indirect", speaker)] if speaker else []
    return event_fields(f"{reported}{attribution}.", countries=WASHINGTON_CHINESE, dates=[date], quotes=quotes)


def test_history_a_commentator_recounts_is_no_event_but_the_reporters_stays_background(event_fields):
    # the analyst's backdrop to a view is dropped; the same act told by the reporter is kept as history
    year = ("2018", "DATE", "2018")
    assert _told(event_fields, HISTORY, ", the bank's analysts note", "analysts", year) == []
    told = _told(event_fields, HISTORY, "", None, year)
    assert [(e[0], e[1], e[4]) for e in told] == [("tariff_imposed", "USA", True)]


def test_history_a_company_tells_of_itself_stays_background(event_fields):
    # a company is a commentator, but not one by trade: its own history is a real act, kept as background
    found = _told(event_fields, HISTORY, ", the steel company said", "the steel company", ("2018", "DATE", "2018"))
    assert [(e[0], e[1], e[4]) for e in found] == [("tariff_imposed", "USA", True)]


def test_an_act_of_the_window_a_commentator_relays_stays(event_fields):
    reported = "Last week, Washington imposed tariffs on Chinese steel"
    found = _told(event_fields, reported, ", the bank's analysts note", "analysts",
                  ("Last week", "DATE", "2025-W17"))
    assert [(e[0], e[1], e[4]) for e in found] == [("tariff_imposed", "USA", False)]


def test_an_undated_past_perfect_is_background(event_fields):
    text = "Washington had imposed tariffs on Canadian lumber, but the duties were lifted later."
    found = event_fields(text,
                         countries=[("Washington", "USA", "government"), ("Canadian", "CAN", "demonym")])
    assert ("tariff_imposed", "USA", ["CAN"], "asserted", True) in found


def test_a_past_perfect_in_reported_speech_stays_news(event_fields):
    # the shifted present perfect: "it has imposed duties" told as reported speech
    text = "Beijing said it had imposed duties on U.S. coal."
    found = event_fields(text, countries=CHINA_USA)
    assert [(e[0], e[1], e[4]) for e in found] == [("tariff_imposed", "CHN", False)]


def test_a_past_perfect_in_a_quotation_stays_news(event_fields):
    # the attribution after the clause: the parse may not put the clause under "said"
    reported = "Washington had already imposed duties on Canadian lumber"
    text = f"{reported}, Jane Roe said."
    found = event_fields(text, quotes=[(reported, None, "indirect", "Jane Roe")],
                         countries=[("Washington", "USA", "government"), ("Canadian", "CAN", "demonym")])
    assert [(e[0], e[1], e[4]) for e in found] == [("tariff_imposed", "USA", False)]


@pytest.mark.parametrize("text", [
    pytest.param("The president has long criticized Canada's 250% tariffs on U.S. dairy.", id="owned-rate"),
    pytest.param("The president has repeatedly criticized steep duties imposed by Canada on U.S. dairy.", id="participle"),
    pytest.param("The president has long complained about Canada's 250% tariffs on U.S. dairy.", id="complained-about"),
])
def test_a_measure_someone_criticizes_is_no_event(event_fields, text):
    countries = [("Canada", "CAN", "name"), ("U.S.", "USA", "name")]
    assert event_fields(text, countries=countries, rates=[("250%", 250.0, "tariff")]
                        if "250%" in text else []) == []


def test_a_complaint_next_to_a_measure_does_not_hide_it(event_fields):
    # the measure is the object of "imposed", not of the verb of criticism: news
    text = "Dairy farmers complained as Canada imposed 250% tariffs on U.S. dairy."
    found = event_fields(text, countries=[("Canada", "CAN", "name"), ("U.S.", "USA", "name")],
                         rates=[("250%", 250.0, "tariff")])
    assert [e[:3] for e in found] == [("tariff_imposed", "CAN", ["USA"])]


def test_demand_for_metals_is_no_demand(event_fields):
    text = "Aluminium prices fell as Washington's tariffs and a trade war threaten metals demand in Malaysia."
    found = event_fields(text,
                         countries=[("Washington", "USA", "government"), ("Malaysia", "MYS", "name")])
    assert [e for e in found if e[0] == "demand"] == []


@pytest.mark.parametrize("subject, kept", [
    pytest.param("Harbor Bank economists", False, id="economists"),
    pytest.param("The firm", False, id="firm"),
    pytest.param("Tokyo officials", True, id="officials"),
])
def test_a_forecast_of_a_commentator_is_no_event(event_fields, subject, kept):
    text = f"{subject} expect Washington to raise tariffs on Japanese cars."
    countries = [("Washington", "USA", "government"), ("Japanese", "JPN", "demonym")]
    if subject.startswith("Tokyo"):
        countries.append(("Tokyo", "JPN", "government"))
    found = event_fields(text, countries=countries)
    assert [e[:3] for e in found] == ([("tariff_increased", "USA", ["JPN"])] if kept else [])


def test_a_short_firm_name_is_matched_as_a_word(event_fields):
    # "Co" of a stock brief is a company; the "Co" inside "Commerce Department" is not its name, and the
    # department must not make it a government speaker
    reported = "Beijing may raise tariffs on U.S. soybeans"
    text = f"Co says {reported}. Commerce Department data came out later."
    assert event_fields(text, countries=CHINA_USA, quotes=[(reported, None, "indirect", "Co")]) == []


@pytest.mark.parametrize("title", ["National Association of Widget Makers Chairman", "Harbor Steel Institute head"])
def test_a_measure_in_a_trade_associations_own_words_is_no_event(event_fields, title):
    # a reaction page: the association's head, then the statement; the association speaks for its members
    content = "We are pleased Washington chose to exempt Canadian lumber from the new tariffs."
    text = f"{title} Dana Whitfield: \u201c{content}\u201d"
    quote = (content, None, "direct", "Dana Whitfield")
    countries = [("Washington", "USA", "government"), ("Canadian", "CAN", "demonym")]
    assert event_fields(text, countries=countries, quotes=[quote]) == []
