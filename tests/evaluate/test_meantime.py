"""MEANTIME scoring rules on small hand-made documents."""

import re

import pytest

from pipeline.evaluate.gold import MeantimeDoc, Span, SpeechEvent
from pipeline.evaluate.locate import meantime_body, meantime_date, meantime_record
from pipeline.evaluate.meantime import (country_of, entity_surname, first_number, named_person_mentions,
                                        score_country_mentions, score_percent, score_persons, score_speakers,
                                        annotated_end, score_timexes, speaker_key,
                                        speaker_keys)

TEXT = "Boeing wins\nMarch 01 , 2008\nBoeing said on Friday it would cut 5 % of jobs ."


def doc(*, timexes=(), entities=(), values=(), speech=()) -> MeantimeDoc:
    return MeantimeDoc("d1", "Boeing wins", "2008-03-01", None, TEXT, tuple(timexes), tuple(entities), tuple(values),
                       tuple(speech))


def timex(text, kind, value, function="NONE"):
    return Span(text, 0, len(text), type=kind, value=value, function=function)


def person(text, entity):
    return Span(text, 0, len(text), type="PER", entity_name=entity)


TIMEXES = [timex("March 01 , 2008", "DATE", "2008-03-01", "CREATION_TIME"), timex("Friday", "DATE", "2008-02-29"),
           timex("two years", "DURATION", "P2Y"), timex("now", "DATE", "PRESENT_REF"),
           timex("9 a.m.", "TIME", "2008-02-29T09:00")]


@pytest.mark.parametrize("predicted, expected", [
    ([{"text": "Friday", "value": "2008-02-29", "timex_type": "DATE"},
      {"text": "two years", "value": "P2Y", "timex_type": "DURATION"}], (2, 0, 0)),
    ([{"text": "Friday", "value": "2008-03-07", "timex_type": "DATE"}], (0, 1, 2)),
    ([{"text": "on Friday", "value": "2008-02-29", "timex_type": "DATE"}], (1, 0, 1)),
])
def test_timexes_skip_creation_time_time_of_day_and_vague(predicted, expected):
    result = score_timexes([doc(timexes=TIMEXES)], {"d1": predicted})
    assert (result.counts.tp, result.counts.fp, result.counts.fn) == expected


@pytest.mark.parametrize("text, number", [("15-20 %", 15), ("3.10 %", 3.1), ("six percent", None), ("0.1 %", 0.1), ("3,800", 3800)])
def test_first_number(text, number):
    assert first_number(text) == number


def test_percent_recall_by_value_or_text_one_each():
    values = [Span("5 %", 0, 3, type="PERCENT"), Span("5 %", 9, 12, type="PERCENT"),
              Span("six percent", 20, 31, type="PERCENT"), Span("$ 3 billion", 40, 51, type="MONEY")]
    rates = [{"mention_id": "m1", "text": "5 %", "value": 5.0}]
    mentions = [{"mention_id": "m1", "kind": "rate", "text": "5 %"},
                {"mention_id": "m2", "kind": "rate", "text": "six percent"}]
    result = score_percent([doc(values=values)], {"d1": rates}, {"d1": mentions})
    assert (result.counts.tp, result.counts.fp, result.counts.fn) == (2, None, 1)
    assert result.counts.precision is None and result.counts.recall == pytest.approx(2 / 3)


@pytest.mark.parametrize("span, surname", [
    (person("Jobs", "Steve Jobs"), "jobs"),
    (person("He", "Steve Jobs"), "jobs"),                        # the entity is named; the mention is not
    (person("Ryanair CEO , Michael O' Leary", "Michael O'Leary (CEO of Ryanair)"), "oleary"),
    (person("industry experts", "industry experts"), ""),
    (person("VIP guests", "VIP guests"), ""),
])
def test_entity_surname(span, surname):
    assert entity_surname(span) == surname


def test_named_person_mentions_need_the_surname_in_the_text():
    entities = [person("Jobs", "Steve Jobs"), person("He", "Steve Jobs"), person("CEO", "Steve Jobs"),
                person("Senator McCain", "John McCain "), Span("Paris", 0, 5, type="LOC")]
    assert [s.text for s, _ in named_person_mentions(doc(entities=entities))] == ["Jobs", "Senator McCain"]


def test_persons_recall():
    entities = [person("Steve Jobs", "Steve Jobs"), person("Jobs", "Steve Jobs"), person("McCain", "John McCain")]
    result = score_persons("persons", [doc(entities=entities)], {"d1": ["Steve Jobs"]})
    assert (result.counts.tp, result.counts.fn) == (2, 1)
    assert result.articles[0].missed == ["McCain"]


@pytest.mark.parametrize("text, iso3", [
    ("United States", "USA"), ("the United States", "USA"), ("US", "USA"), ("U.S.", "USA"), ("China", "CHN"),
    ("it", None), ("Alabama", None), ("Europe", None), ("", None),
])
def test_country_of(text, iso3):
    assert country_of(text) == iso3


def test_country_mentions_ignore_dateline_and_non_countries():
    entities = [Span("China", 0, 5, type="LOC"), Span("US", 6, 8, type="LOC"), Span("Paris", 9, 14, type="LOC"),
                Span("China", 20, 25, type="ORG")]
    predicted = [{"iso3": "CHN", "is_dateline": False}, {"iso3": "USA", "is_dateline": True}]
    result = score_country_mentions([doc(entities=entities)], {"d1": predicted})
    assert (result.counts.tp, result.counts.fn) == (1, 1)


@pytest.mark.parametrize("text, key", [
    ("Ryanair CEO , Michael O' Leary", "oleary"), ("The company", ""), ("he", ""), ("Boeing", "boeing"),
    ("The Government Accountability Office", "office"),
])
def test_speaker_key(text, key):
    assert speaker_key(text) == key


@pytest.mark.parametrize("text, keys", [
    ("Ryanair CEO , Michael O' Leary", ["ceo", "oleary"]),
    ("Dana Perino , the White House Press Secretary", ["perino"]),
    ("Stephen Harper , Prime Minister of Canada", ["harper", "canada"]),
    ("Steve Jobs , the chief executive officer of Apple Inc. ,", ["jobs"]),
    ("The UAW", ["uaw"]), ("he", []),
])
def test_speaker_keys_take_one_key_per_part_that_opens_with_a_capital(text, keys):
    assert speaker_keys(text) == keys


def test_a_speaker_named_before_an_apposition_is_found():
    speech = [SpeechEvent("said", ("Dana Perino , the White House Press Secretary",))]
    found = score_speakers([doc(speech=speech)], {"d1": [{"speaker_name": "Dana Perino", "speaker_text": "Perino"}]})
    missed = score_speakers([doc(speech=speech)], {"d1": [{"speaker_name": "Tony Snow", "speaker_text": "Snow"}]})
    assert (found.counts.tp, missed.counts.tp) == (1, 0)


def test_speakers_recall_counts_only_named_speakers():
    speech = [SpeechEvent("said", ("Spokeswoman Sandy Angers",)), SpeechEvent("told", ()),
              SpeechEvent("said", ("he",)), SpeechEvent("said", ("Boeing",))]
    quotes = [{"speaker_name": "Sandy Angers", "speaker_text": "Angers"}]
    result = score_speakers([doc(speech=speech)], {"d1": quotes})
    assert (result.counts.tp, result.counts.fn) == (1, 1)


def test_meantime_input_drops_title_and_date_lines():
    document = doc(timexes=TIMEXES)
    assert meantime_body(document) == "Boeing said on Friday it would cut 5 % of jobs ."
    assert meantime_record(document) == {"id": "d1", "title": "Boeing wins", "date": "2008-03-01", "url": None,
                                         "text": "Boeing said on Friday it would cut 5 % of jobs ."}


def test_meantime_date_reads_a_day_first_creation_time_from_its_text():
    creation = timex("February 03 , 2009", "DATE", "03-02-2009", "CREATION_TIME")
    document = MeantimeDoc("d2", "t", "03-02-2009", None, "t\nFebruary 03 , 2009\nx", (creation,), (), (), ())
    assert meantime_date(document) == "2009-02-03"


LONG_TEXT = ("Boeing wins\nMarch 01 , 2008\n" + "\n".join(f"Line {n} said `` yes '' on Friday ." for n in range(1, 7)))


def test_timexes_after_the_annotated_lines_are_not_scored():
    # Gold lines 0-5 are annotated: the title, the date line and four sentences; lines 6-7 are not.
    long_doc = MeantimeDoc("d1", "Boeing wins", "2008-03-01", None, LONG_TEXT,
                           (timex("Friday", "DATE", "2008-02-29"),), (), (), ())
    # The text the pipeline reads: title and body, quote marks dropped, two lines joined.
    body = " ".join(f"Line {n} said yes on Friday ." for n in range(1, 7))
    text = "Boeing wins\n\n" + body
    fridays = [{"text": "Friday", "value": "2008-03-07", "start_char": m.start()} for m in
               re.finditer("Friday", text)]
    articles = {"d1": [{"text": text}]}
    result = score_timexes([long_doc], {"d1": fridays}, articles)
    assert (result.counts.tp, result.counts.fp, result.counts.fn) == (0, 4, 1)  # sentences 1-4 of 6
    assert score_timexes([long_doc], {"d1": fridays}).counts.fp == 6  # without the text, every date counts


def test_annotated_end_counts_letters_and_digits():
    assert annotated_end("ab , c\nd", 3) == 6
    assert annotated_end("ab", 5) == 2


def test_predicted_sets_are_not_scored():
    predicted = [{"text": "Friday", "value": "2008-02-29", "timex_type": "DATE"},
                 {"text": "weekly", "value": "P1W", "timex_type": "SET"}]
    result = score_timexes([doc(timexes=TIMEXES)], {"d1": predicted})
    assert (result.counts.tp, result.counts.fp, result.counts.fn) == (1, 0, 1)
