"""Tense from the parse: a date's governing verb decides past or future for weekdays and bare months.

The sentences are parsed by the project's committed parser, as extract parses the gated sentences;
every test pins the publication date.
"""

from datetime import UTC, datetime

import pytest

from pipeline.config import MODELS_DIR
from pipeline.nlp.build import build_nlp
from pipeline.nlp.mentions import doc_rows
from pipeline.nlp.syntax import PendingSentence, load_parser, parse_sentences
from pipeline.normalize.dates import load_dates, normalize_dates
from pipeline.normalize.date_tense import ParsedSentence, tense_from_parse
from pipeline.views import ArticleView, Mention, ParsedToken, Sentence

FRIDAY = datetime(2025, 5, 2, 9, tzinfo=UTC)
WEDNESDAY = datetime(2025, 4, 30, 9, tzinfo=UTC)
MARCH = datetime(2025, 3, 6, 9, tzinfo=UTC)


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(MODELS_DIR, ("trade_sentences_v1", "trade_rates_v1", "trade_dates_v1"))


@pytest.fixture(scope="module")
def parser():
    return load_parser(MODELS_DIR)


@pytest.fixture(scope="module")
def resources():
    return load_dates(MODELS_DIR)


def parsed_tokens(parser, text: str, sentences: list[Sentence]) -> tuple[ParsedToken, ...]:
    """The ``tokens`` rows extract would write for every sentence, as the normalize stage views them."""
    pending = [PendingSentence("a1", s.index, s.start, text[s.start:s.end], "2025-05") for s in sentences]
    return tuple(ParsedToken(row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10])
                 for row in parse_sentences(parser, pending))


def date_values(nlp, parser, resources, body: str, published: datetime, *, parse: bool = True) -> dict[str, str]:
    """``{date text: value}`` of a one-paragraph body, with its sentences parsed (or not)."""
    text = "Headline\n\n" + body
    mention_rows, sentence_rows = doc_rows(nlp(text), "a1", "2025-05")
    mentions = sorted((Mention(r["mention_id"], r["kind"], r["text"], r["start_char"], r["end_char"],
                               r["sentence_index"], r["rule_id"], r["label"]) for r in mention_rows),
                      key=lambda m: (m.start, m.end, m.kind))
    sentences = [Sentence(r["sentence_index"], r["start_char"], r["end_char"], r["paragraph_index"])
                 for r in sentence_rows]
    tokens = parsed_tokens(parser, text, sentences) if parse else ()
    view = ArticleView("a1", text, len("Headline\n\n"), "Headline", None, published, tokens)
    return {row["text"]: row["value"] for row in normalize_dates(view, mentions, sentences, {}, resources)}


# -- the tense of the governing verb ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "date", "tense"),
    [
        ("The company fired its chief executive in July.", "July", "past"),
        ("In November, the president promised new duties on steel.", "November", "past"),
        ("The two governments signed a deal in July.", "July", "past"),  # through the noun "deal"
        ("Steel tariffs imposed in March cover 40 countries.", "March", "past"),
        ("Prices may have peaked in January, the bank said.", "January", "past"),
        ("Ministers will meet from Wednesday to discuss the tariffs.", "Wednesday", "future"),
        ("The report is due on Wednesday.", "Wednesday", "future"),
        ("New tariffs are set to take effect on Monday.", "Monday", "future"),
        ("The two sides plan to resume talks in June.", "June", "future"),
        ("Trade ministers are meeting on Thursday in Geneva.", "Thursday", "future"),
        ("The tariffs will have expired by Friday.", "Friday", "future"),
        ("The government has kept the border closed until Friday.", "Friday", "future"),
        ("Duties of 25% apply from Wednesday, the ministry said.", "Wednesday", "present"),
        ("The minister says talks on Monday went well.", "Monday", None),  # a present reporting verb
        # a present or progressive verb above a noun that the date modifies says nothing of the date
        ("Bond yields hover around Friday's closing levels.", "Friday", None),
        ("The president's announcement on Monday is unsettling markets.", "Monday", None),
        # an awaited noun lies ahead whatever the verb's tense
        ("Traders were bracing for a jobs report on Tuesday.", "Tuesday", "future"),
        ("Investors await Friday's payrolls.", "Friday", "future"),
        # a market's move in the present is the moment of writing, no schedule
        ("The rupee falls sharply on Monday.", "Monday", None),
    ],
)
def test_the_governing_verb_gives_the_tense(parser, resources, sentence, date, tense):
    doc = parser(sentence)
    tokens = [ParsedToken(0, t.i, t.idx, t.idx + len(t.text), t.text, t.lemma_, t.pos_, str(t.morph), t.head.i,
                          t.dep_) for t in doc]
    start = sentence.index(date)
    assert tense_from_parse(ParsedSentence(tokens), start, start + len(date), resources.tenses,
                            resources.tense_predicates, resources.auxiliaries) == tense


def test_no_token_at_the_date_says_nothing(resources):
    token = ParsedToken(0, 0, 0, 4, "Talk", "talk", "NOUN", None, 0, "ROOT")
    assert tense_from_parse(ParsedSentence([token]), 10, 16, resources.tenses, resources.tense_predicates,
                            resources.auxiliaries) is None


# -- values: the parse where there is one, the cue words elsewhere ----------------------------------------

@pytest.mark.parametrize(
    ("body", "published", "date", "value"),
    [
        # a month keeps the cue words: a past verb moves a later month back a year, within half a year
        ("In November, the president promised new duties on steel.", MARCH, "November", "2024-11"),
        ("Officials put a deadline on the talks of October 1.", datetime(2025, 6, 18, tzinfo=UTC), "October 1",
         "2025-10-01"),
        # the publication weekday rule: "on Friday" in a Friday story is that day
        ("The minister said on Friday that talks would resume.", FRIDAY, "Friday", "2025-05-02"),
        ("Trade ministers will meet on Friday in Geneva.", FRIDAY, "Friday", "2025-05-02"),
        # the future resolves forward
        ("Ministers will meet from Wednesday to discuss the tariffs.", FRIDAY, "Wednesday", "2025-05-07"),
        ("The report is due on Wednesday.", FRIDAY, "Wednesday", "2025-05-07"),
        # an awaited report lies ahead of a Friday story, though the verb is past
        ("Traders were bracing for a jobs report on Tuesday.", FRIDAY, "Tuesday", "2025-05-06"),
        ("Traders sold bonds after a jobs report on Tuesday.", FRIDAY, "Tuesday", "2025-04-29"),  # not awaited
        ("The rupee falls sharply on Monday.", FRIDAY, "Monday", "2025-04-28"),
        # a present verb above the noun the weekday modifies leaves narration's past
        ("Bond yields hover around Wednesday's closing levels.", FRIDAY, "Wednesday", "2025-04-30"),
        # a participle clause takes the time of the verb it modifies, not of the "will" reported after it
        ("Speaking with journalists at the palace on Wednesday, the premier said she will raise duties on rice.",
         FRIDAY, "Wednesday", "2025-04-30"),
        ("Speaking in Ottawa on Tuesday, the minister will unveil new levies on steel.", FRIDAY, "Tuesday",
         "2025-05-06"),
    ],
)
def test_dates_resolve_by_the_tense_of_their_verb(nlp, parser, resources, body, published, date, value):
    assert date_values(nlp, parser, resources, body, published)[date] == value


@pytest.mark.parametrize(
    ("body", "date", "with_parse", "cue_words_only"),
    [
        # "last" and "announced" are past cues near "Monday", but its verb "take" is in the present
        ("The tariffs announced last month take effect on Monday.", "Monday", "2025-05-05", "2025-04-28"),
        # the reporting verb comes after the date; the verb that governs it is in the present
        ("Duties of 25% apply from Wednesday, the ministry said.", "Wednesday", "2025-05-07", "2025-04-30"),
    ],
)
def test_the_parse_overrides_misleading_cue_words(nlp, parser, resources, body, date, with_parse, cue_words_only):
    assert date_values(nlp, parser, resources, body, FRIDAY)[date] == with_parse
    assert date_values(nlp, parser, resources, body, FRIDAY, parse=False)[date] == cue_words_only


def test_without_a_parse_a_reporting_verb_right_after_the_date_dates_the_saying(nlp, parser, resources):
    # "would" is nearer after "Monday" than any past cue, but "said" follows the date directly
    body = "The ministry on Monday said talks would resume."
    assert date_values(nlp, parser, resources, body, WEDNESDAY, parse=False)["Monday"] == "2025-04-28"
    # after a comma the saying is another clause's, and its date is not this one's
    body = "Talks will resume on Monday, the ministry said."
    assert date_values(nlp, parser, resources, body, WEDNESDAY, parse=False)["Monday"] == "2025-05-05"


@pytest.mark.parametrize(
    ("body", "date", "value"),
    [
        # a simple past verb with "in <month>": last July, though eight months back is beyond half a year
        ("The official, who was fired in July, said talks would resume.", "July", "2024-07"),
        ("Negotiators met in April to discuss the duties.", "April", "2024-04"),
        # not the simple past: the month keeps the publication year (the guideline's default)
        ("The bill will be drafted and voted on in July.", "July", "2025-07"),
        ("The tariffs have been raised twice and take effect in July.", "July", "2025-07"),
        ("The ministry has said it could act in July.", "July", "2025-07"),
    ],
)
def test_a_month_of_a_simple_past_verb_lies_in_the_past(nlp, parser, resources, body, date, value):
    assert date_values(nlp, parser, resources, body, MARCH)[date] == value
    # without the parse the cue words decide, and they keep the month within half a year of March
    assert date_values(nlp, parser, resources, body, MARCH, parse=False)[date] == "2025-" + value[5:]
