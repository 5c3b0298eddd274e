"""Trade-gold scoring rules, table-driven: perfect predictions, missing and extra rows, edge rules."""

from datetime import UTC, datetime

import pytest

from pipeline.evaluate.gold import GoldDate, GoldEvent, GoldOfficial, GoldQuote, GoldRate, TradeArticle
from pipeline.evaluate.trade import (event_matches, in_dateline, published_matches, quote_starts_match,
                                     score_articles, score_countries, score_dates, score_events, score_officials,
                                     score_quotes, score_rates, sides_overlap)

KEY = "a1"


def gold(**sections) -> list[TradeArticle]:
    fields = dict(countries=(), officials=(), rates=(), dates=(), quotes=(), events=())
    fields.update({name: tuple(value) for name, value in sections.items()})
    return [TradeArticle("seed", KEY, "2025-05-02", **fields)]


def figures(result):
    c = result.counts
    return c.tp, c.fp, c.fn


# -- countries ------------------------------------------------------------------

def country(iso3, dateline=False):
    return {"iso3": iso3, "is_dateline": dateline}


@pytest.mark.parametrize("predicted, expected", [
    ([country("JPN"), country("USA"), country("USA")], (2, 0, 0)),           # repeats count once
    ([country("JPN")], (1, 0, 1)),                                           # a missing country lowers recall
    ([country("JPN"), country("USA"), country("CHN")], (2, 1, 0)),            # an extra one lowers precision
    ([country("JPN"), country("USA"), country("TUR", dateline=True)], (2, 0, 0)),  # dateline only: excluded
    ([country("JPN", dateline=True), country("USA")], (1, 0, 1)),            # dateline JPN does not count
    ([country("JPN", dateline=True), country("JPN"), country("USA")], (2, 0, 0)),  # also in the text: counts
    ([], (0, 0, 2)),
])
def test_countries(predicted, expected):
    result = score_countries(gold(countries=["JPN", "USA"]), {KEY: predicted})
    assert figures(result) == expected


def test_countries_perfect_f1():
    result = score_countries(gold(countries=["JPN", "USA"]), {KEY: [country("USA"), country("JPN")]})
    assert result.counts.f1 == 1.0


def test_countries_of_another_article_do_not_count():
    result = score_countries(gold(countries=["JPN"]), {"other": [country("JPN")]})
    assert figures(result) == (0, 0, 1)


# -- officials ------------------------------------------------------------------

OFFICIALS = [GoldOfficial("Ryosei Akazawa", "top trade negotiator", "JPN"),
             GoldOfficial("Scott Bessent", "Treasury Secretary", "USA")]


@pytest.mark.parametrize("predicted, expected, country_accuracy", [
    ([{"name": "Ryosei Akazawa", "country_iso3": "JPN"}, {"name": "Scott Bessent", "country_iso3": "USA"}],
     (2, 0, 0), 1.0),
    ([{"name": "Akazawa", "country_iso3": "JPN"}, {"name": "Bessent", "country_iso3": "JPN"}], (2, 0, 0), 0.5),
    ([{"name": "Ryosei Akazawa", "country_iso3": "JPN"}], (1, 0, 1), 1.0),
    ([{"name": "Ryosei Akazawa", "country_iso3": "JPN"}, {"name": "Scott Bessent", "country_iso3": "USA"},
      {"name": "Kyodo News", "country_iso3": None}], (2, 1, 0), 1.0),
    ([{"name": "Scott Akazawa-Smith", "country_iso3": "JPN"}], (0, 1, 2), None),
])
def test_officials(predicted, expected, country_accuracy):
    result = score_officials(gold(officials=OFFICIALS), {KEY: predicted})
    assert figures(result) == expected
    assert result.accuracies["country"].value == country_accuracy


def test_officials_prefer_the_match_with_the_right_country():
    golds = [GoldOfficial("Donald Trump", "President", "USA")]
    predicted = [{"name": "Trump", "country_iso3": None}, {"name": "Donald Trump", "country_iso3": "USA"}]
    result = score_officials(gold(officials=golds), {KEY: predicted})
    assert figures(result) == (1, 1, 0)
    assert result.accuracies["country"].value == 1.0


# -- rates ----------------------------------------------------------------------

def rate(value, kind="tariff"):
    return {"value": value, "rate_kind": kind, "text": f"{value}%"}


RATES = [GoldRate("24%", 24, "percent", "tariff"), GoldRate("24%", 24, "percent", "tariff"),
         GoldRate("10 percent", 10, "percent", "duty")]


@pytest.mark.parametrize("predicted, expected", [
    ([rate(24), rate(24), rate(10, "duty")], (3, 0, 0)),
    ([rate(24), rate(10)], (2, 0, 1)),                       # one occurrence of 24 missing: multiset
    ([rate(24), rate(24), rate(24), rate(10)], (3, 1, 0)),   # a third 24 is extra
    ([rate(24), rate(24), rate(10), rate(3.5, "other")], (3, 0, 0)),  # not a trade measure: not scored
    ([rate(24), rate(24), rate(10, "levy"), rate(5, "tax")], (3, 1, 0)),
    ([rate(24.0000001), rate(24), rate(10)], (3, 0, 0)),
])
def test_rates(predicted, expected):
    assert figures(score_rates(gold(rates=RATES), {KEY: predicted})) == expected


# -- dates ----------------------------------------------------------------------

DATES = [GoldDate("Thursday", "DATE", "2025-05-01"), GoldDate("90-day", "DURATION", "P90D"),
         GoldDate("June", "DATE", "2025-06")]


def date(text, value, kind="DATE", start=100):
    return {"text": text, "value": value, "timex_type": kind, "start_char": start}


@pytest.mark.parametrize("predicted, expected", [
    ([date("Thursday", "2025-05-01"), date("90-day", "P90D", "DURATION"), date("as early as June", "2025-06")],
     (3, 0, 0)),
    ([date("Thursday", "2025-04-24"), date("90-day", "P90D", "DURATION"), date("June", "2025-06")],
     (2, 1, 1)),                                               # wrong value: neither found nor right
    ([date("90-day", "P90D", "DURATION"), date("June", "2025-06")], (2, 0, 1)),
    ([date("Thursday", "2025-05-01"), date("90-day", "P90D", "DURATION"), date("June", "2025-06"),
      date("Friday", "2025-05-02")], (3, 1, 0)),
    ([date("Thursday", "2025-05-01"), date("90-day", "P90D", "DURATION"), date("June", "2025-06"),
      date("May 2", "2025-05-02", start=12)], (3, 0, 0)),        # on the dateline: left out
])
def test_dates(predicted, expected):
    articles = {KEY: [{"dateline": "TOKYO, May 2", "body_start": 25}]}
    assert figures(score_dates(gold(dates=DATES), {KEY: predicted}, articles)) == expected


def test_dates_accuracy_on_text_matches():
    predicted = [date("Thursday", "2025-04-24"), date("90-day", "P90D", "DATE"), date("June", "2025-06")]
    result = score_dates(gold(dates=DATES), {KEY: predicted}, {})
    assert result.accuracies["value_on_text_match"].as_dict() == {"value": 2 / 3, "correct": 2, "total": 3}
    assert result.accuracies["type_on_text_match"].correct == 2


@pytest.mark.parametrize("start, expected", [(10, True), (21, True), (23, False), (9, False), (None, False)])
def test_in_dateline(start, expected):
    # "Headline\n\nTOKYO, May 2\nBody": the dateline is characters 10-21 and the body starts at 23.
    text = "Headline\n\nTOKYO, May 2\nBody"
    assert text.index("TOKYO") == 10 and text.index("Body") == 23
    assert in_dateline(start, "TOKYO, May 2", 23) is expected


def test_in_dateline_without_a_dateline():
    assert in_dateline(10, None, 23) is False


# -- quotes ---------------------------------------------------------------------

@pytest.mark.parametrize("start, text, expected", [
    ("A deal can only be struck when", "A deal can only be struck when everything is agreed.", True),
    ("It'd be good if we can", "It’d be good if we can enter that phase.", True),
    ("very disturbed", "very disturbed", True),
    ("remove the auto and other tariffs", "remove the auto", True),    # shorter prediction, several words
    ("remove the auto and other tariffs", "remove", False),             # one word is too weak
    ("A deal can only be struck when", "mutually beneficial deal", False),
])
def test_quote_starts_match(start, text, expected):
    assert quote_starts_match(start, text) is expected


QUOTES = [GoldQuote("A deal can only be struck", "Ryosei Akazawa", "full"),
          GoldQuote("hasten tariff talks after making", "Kyodo News", "partial"),
          GoldQuote("Liberation Day", "unknown", "partial")]


@pytest.mark.parametrize("predicted, expected, speaker_accuracy", [
    ([{"text": "A deal can only be struck when everything is agreed", "speaker_name": "Akazawa"},
      {"text": "hasten tariff talks after making some progress", "speaker_name": "Kyodo News"},
      {"text": "Liberation Day", "speaker_name": None}], (3, 0, 0), 1.0),
    ([{"text": "A deal can only be struck when everything is agreed", "speaker_name": "Scott Bessent"},
      {"text": "hasten tariff talks after making some progress", "speaker_name": None},
      {"text": "Liberation Day", "speaker_name": "Donald Trump"}], (3, 0, 0), 0.0),
    # an unnamed source kept as its description ("unresolved") is the gold's "unknown"; not a named person's
    ([{"text": "A deal can only be struck when everything is agreed", "speaker_name": "senior official",
       "speaker_kind": "unresolved"},
      {"text": "hasten tariff talks after making some progress", "speaker_name": "Kyodo News"},
      {"text": "Liberation Day", "speaker_name": "critics", "speaker_kind": "unresolved"}], (3, 0, 0), 2 / 3),
    ([{"text": "A deal can only be struck when everything is agreed", "speaker_name": "Ryosei Akazawa"}],
     (1, 0, 2), 1.0),
    ([{"text": "A deal can only be struck when everything is agreed", "speaker_name": "Ryosei Akazawa"},
      {"text": "something else entirely", "speaker_name": None}], (1, 1, 2), 1.0),
])
def test_quotes(predicted, expected, speaker_accuracy):
    result = score_quotes(gold(quotes=QUOTES), {KEY: predicted})
    assert figures(result) == expected
    assert result.accuracies["speaker"].value == speaker_accuracy


# -- events ---------------------------------------------------------------------

def gold_event(event_type, actor, targets, scope="bilateral", rate_value=None):
    return GoldEvent(event_type, actor, tuple(targets), scope, rate_value, None, "asserted", None)


def event(event_type, actor, targets, scope="bilateral", rate_value=None):
    return {"event_type": event_type, "actor_iso3": actor, "target_iso3": list(targets), "target_scope": scope,
            "rate_value": rate_value, "modality": "asserted", "event_date": None}


@pytest.mark.parametrize("gold_item, row, expected", [
    (gold_event("tariff_imposed", "USA", ["JPN"]), event("tariff_imposed", "USA", ["JPN"]), True),
    (gold_event("tariff_imposed", "USA", ["CAN", "MEX"]), event("tariff_imposed", "USA", ["MEX"]), True),
    (gold_event("tariff_imposed", "USA", ["JPN"]), event("tariff_imposed", "JPN", ["USA"]), False),  # actor
    (gold_event("tariff_imposed", "USA", ["JPN"]), event("tariff_increased", "USA", ["JPN"]), False),  # type
    (gold_event("tariff_imposed", "USA", ["JPN"]), event("tariff_imposed", "USA", ["CHN"]), False),  # target
    (gold_event("tariff_suspended", "USA", [], "all_except"), event("tariff_suspended", "USA", [], "all_except"),
     True),
    (gold_event("tariff_suspended", "USA", [], "all"), event("tariff_suspended", "USA", ["CHN"], "all_except"),
     True),
    (gold_event("tariff_suspended", "USA", [], "all"), event("tariff_suspended", "USA", ["CHN"]), False),
    (gold_event("negotiation", "JPN", ["USA"]), event("negotiation", "USA", ["JPN"]), True),  # sides as a set
    (gold_event("agreement", "USA", ["GBR"]), event("agreement", "GBR", ["USA"]), True),
    (gold_event("negotiation", "JPN", ["USA"]), event("negotiation", "JPN", ["CHN"]), False),
    (gold_event("negotiation", "USA", ["EU", "AUS", "NZL"], "multilateral"),
     event("negotiation", "AUS", ["USA"]), True),
])
def test_event_matches(gold_item, row, expected):
    assert event_matches(gold_item, row) is expected


@pytest.mark.parametrize("a, b, expected", [
    ({"JPN", "USA"}, {"USA", "JPN"}, True), ({"JPN", "USA"}, {"USA"}, True), ({"JPN", "USA"}, {"USA", "CHN"}, False),
    (set(), {"USA"}, False),
])
def test_sides_overlap(a, b, expected):
    assert sides_overlap(a, b) is expected


def test_events_counts_and_rate_accuracy():
    golds = [gold_event("tariff_imposed", "USA", ["JPN"], rate_value=24),
             gold_event("negotiation", "JPN", ["USA"])]
    predicted = [event("tariff_imposed", "USA", ["JPN"], rate_value=25), event("negotiation", "USA", ["JPN"]),
                 event("demand", "JPN", ["USA"])]
    result = score_events(gold(events=golds), {KEY: predicted})
    assert figures(result) == (2, 1, 0)
    assert result.accuracies["rate"].as_dict() == {"value": 0.5, "correct": 1, "total": 2}


def test_events_pair_with_the_row_from_their_own_sentence():
    # Two demands of one pair: each gold event pairs with the row of its evidence sentence, not the first row.
    golds = [GoldEvent("demand", "JPN", ("USA",), "bilateral", None, "2025-04-30", "asserted",
                       "Akazawa said he again urged"),
             GoldEvent("demand", "JPN", ("USA",), "bilateral", None, None, "asserted", "Ishiba urged the US")]
    predicted = [{**event("demand", "JPN", ["USA"]), "evidence": "Ishiba urged the US on Wednesday to act."},
                 {**event("demand", "JPN", ["USA"]), "event_date": "2025-04-30",
                  "evidence": "Akazawa said he again urged the US to act."}]
    result = score_events(gold(events=golds), {KEY: predicted})
    assert figures(result) == (2, 0, 0)
    assert result.accuracies["event_date"].as_dict() == {"value": 1.0, "correct": 2, "total": 2}


def test_an_event_without_a_row_of_its_own_does_not_take_a_later_events_row():
    # The first gold event's sentence gave no row: it must not take the row of the second one's sentence,
    # which would leave the second paired with a third row and both scoring the other's date.
    golds = [GoldEvent("tariff_imposed", "USA", (), "all", None, "2025-02-07", "planned", "On Friday, Lima said"),
             GoldEvent("tariff_imposed", "USA", (), "all", None, "2025-02-09", "planned", "On Sunday, Lima said")]
    predicted = [{**event("tariff_imposed", "USA", [], scope="all"), "event_date": "2025-02-09", "modality": "planned",
                  "evidence": "On Sunday, Lima said it would put duties on steel."},
                 {**event("tariff_imposed", "USA", [], scope="all"), "event_date": "2025-01",
                  "evidence": "Washington has set many duties since January."}]
    result = score_events(gold(events=golds), {KEY: predicted})
    assert figures(result) == (2, 0, 0)
    # the Sunday row pairs with the Sunday event: one of the two dates is right, not none
    assert result.accuracies["event_date"].as_dict() == {"value": 0.5, "correct": 1, "total": 2}


# -- articles -------------------------------------------------------------------

@pytest.mark.parametrize("gold_time, predicted, expected", [
    ("2025-05-02", datetime(2025, 5, 2, tzinfo=UTC), True),
    ("2025-05-02", datetime(2025, 5, 3, tzinfo=UTC), False),
    ("1987-03-03T09:46:36", datetime(1987, 3, 3, 9, 46, 36, tzinfo=UTC), True),
    ("2025-03-06 16:25:44-05:00", datetime(2025, 3, 6, 21, 25, 44, tzinfo=UTC), True),
    ("2025-03-06 16:25:44-05:00", datetime(2025, 3, 6, 16, 25, 44, tzinfo=UTC), False),
    ("2025-05-02", None, False),
])
def test_published_matches(gold_time, predicted, expected):
    assert published_matches(gold_time, predicted) is expected


def test_articles_found_missing_and_extra():
    golds = gold() + [TradeArticle("reuters21578", "42", "1987-03-03T09:46:36", (), (), (), (), (), ())]
    result = score_articles(golds, {KEY: [{"published_at": datetime(2025, 5, 2, tzinfo=UTC)}]}, extra=2)
    assert figures(result) == (1, 2, 1)
    assert result.accuracies["published_at"].value == 1.0


def test_a_gold_that_marks_reported_speech_scores_every_quote_row():
    quotes = (GoldQuote("A deal can only be struck", "Ryosei Akazawa", "full"),
              GoldQuote("Japan would not accept the tariffs", "Ryosei Akazawa", "indirect"),
              GoldQuote("talks will resume in June", "Trade Ministry", "indirect"))
    predicted = [
        {"text": "A deal can only be struck when everything is agreed", "speaker_name": "Akazawa",
         "quote_type": "direct"},
        # the predicted clause opens with "that"; the gold's first words follow within the slack
        {"text": "that Japan would not accept the tariffs", "speaker_name": "Akazawa", "quote_type": "indirect"},
        {"text": "prices would rise", "speaker_name": None, "quote_type": "indirect"},
    ]
    result = score_quotes(gold(quotes=quotes), {KEY: predicted})
    assert figures(result) == (2, 1, 1)
    assert result.accuracies["speaker"].value == 1.0
    assert (result.accuracies["found_indirect"].correct, result.accuracies["found_indirect"].total) == (1, 2)
    assert (result.accuracies["found_full"].correct, result.accuracies["found_full"].total) == (1, 1)
    # a gold of quotations only leaves reported rows out, as before
    direct_only = score_quotes(gold(quotes=quotes[:1]), {KEY: predicted})
    assert figures(direct_only) == (1, 0, 0)
