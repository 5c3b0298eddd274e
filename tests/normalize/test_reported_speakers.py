"""Speakers of reported speech the parse or the cue rules read wrongly before, end to end.

One story of our own runs through ingest, extract (the parse) and normalize; each sentence tests one
case: a date the parse takes for the subject, an -ing cue that goes on from "according to", a role in a
sentence an institution opens, an acronym the story spells out, and a cue word inside reported words.
"""

from __future__ import annotations

import pytest

from tests.normalize.helpers import quotes_of, row

STORY = """Refiners brace for crude tariffs

HOUSTON

Christopher Dale, a bond specialist at Harwick Capital, said the Fed would hold rates. \
"Many policy makers must watch currencies," he said.
The Ruritanian central bank unexpectedly left its main rate unchanged on Tuesday, with the governor saying \
the step was a hedge against uncertainty.
Kestrel Oil, the biggest refiner in the U.S., said last week that producers would absorb most of the tariff costs.
Higher metal prices will hurt buyers, according to Zeta Metals analyst Li Wen, noting that the U.S. has few \
new smelters.
Tariffs on Canadian crude would raise costs for Midwest plants, the Royal Bank of Canada said on Tuesday.
The bank said imports of Canadian crude can bolster U.S. fuel stocks by meeting rising U.S. demand. \
It also said Canadian imports help the U.S.'s ability to sell fuel abroad without lifting pump prices.
In addition, RBC said the levy would weigh on the pipeline expansion.
The Royal Bank of Canada's analysts see higher margins. RBC added that refiners may cut runs.
"""


@pytest.fixture(scope="module")
def quotes(tmp_path_factory):
    return quotes_of(tmp_path_factory.mktemp("reported_speakers"), STORY)


@pytest.mark.parametrize(
    ("start", "speaker", "kind"),
    [
        # the bank's governor, not the specialist who spoke before
        ("the step was a hedge", "governor", "unresolved"),
        # "last week" is no subject: the firm named before the apposition speaks
        ("producers would absorb", "Kestrel Oil", None),
        # ", noting that" goes on from "according to": the analyst speaks
        ("the U.S. has few new smelters", "Li Wen", "person"),
        # "it" is the bank that spoke before, not the country inside its words ("U.S. demand")
        ("Canadian imports help", "Bank of Canada", "organization"),
        # the acronym takes the name the story spells it out as
        ("the levy would weigh", "Royal Bank of Canada", "organization"),
        # ... without the possessive ending it has where it is spelled out
        ("refiners may cut runs", "Royal Bank of Canada", "organization"),
    ],
)
def test_reported_speakers(quotes, start, speaker, kind):
    found = row(quotes, start)
    assert found["speaker_name"] == speaker
    if kind is not None:
        assert found["speaker_kind"] == kind


def test_the_person_before_keeps_their_words(quotes):
    # the rules that change the governor's sentence leave the specialist's own quotation to him
    assert row(quotes, "Many policy makers")["speaker_name"] == "Christopher Dale"


PRONOUNS = """Investor changes course

DAVOS

Sitting in a cafe in Davos, Maria Kessel said the old approach no longer works.
Back in 2015 she gathered investors and bankers, plus former President Tom Wexley, to push the idea.
"If all those attending moved beyond quarterly results, they could prosper and do good," she wrote in an essay.
"""


AIRLINE = """Airline plans bigger fleet

BANGKOK

Kestrel Airways International plans to expand its fleet to 58 aircraft by 1995, company officials said.
Thamnoon Wanglee, vice-president for finance, told a marketing conference Kestrel would borrow, but he did \
not give details.
He said the airline planned to reduce its yen borrowing by 1992.
"""


def test_he_after_the_person_named_first_is_that_person(tmp_path):
    assert row(quotes_of(tmp_path, AIRLINE), "the airline planned")["speaker_name"] == "Thamnoon Wanglee"


def test_a_sentence_that_goes_on_about_her_does_not_change_who_she_is(tmp_path):
    # "she" before the person the sentence names: that sentence is still about the one named before it
    assert row(quotes_of(tmp_path, PRONOUNS), "If all those attending")["speaker_name"] == "Maria Kessel"


DIGEST = """Markets digest

NEW YORK

1836 ET - Zentrix's marketing chief Katie Jansen has resigned, effective April 2, the company says as it \
discloses plans to sell the gaming unit. Shares jump 28% after hours.
1832 ET - Copper will rally into the summer, Harbury Capital says in a note. Output cuts keep supply tight, \
the firm says.
"""


@pytest.fixture(scope="module")
def digest(tmp_path_factory):
    return quotes_of(tmp_path_factory.mktemp("digest"), DIGEST)


@pytest.mark.parametrize(
    ("start", "speaker"),
    [
        # no organization tagged in the item: the firm it opens with as an owner
        ("Zentrix's marketing chief", "Zentrix"),
        # a firm tagged in the item is still the one "the firm" stands for
        ("Output cuts keep supply tight", "Harbury Capital"),
    ],
)
def test_the_company_of_a_digest_item(digest, start, speaker):
    assert row(digest, start)["speaker_name"] == speaker


STRATEGISTS = """Democrats split over strategy

WASHINGTON

"Why do we keep getting sidetracked?" one senior Democratic strategist told a reporter. "Our focus should be on the budget."
"Taking on the agency is a fine first step," Democratic strategist Ed Vance said.
"This is a mistake," another Democratic strategist said.
Investors seemed to be unbothered by the threat of timber tariffs so far, Ted Rook, one Denver-based analyst at KW said.
"""


@pytest.fixture(scope="module")
def strategists(tmp_path_factory):
    return quotes_of(tmp_path_factory.mktemp("strategists"), STRATEGISTS)


@pytest.mark.parametrize(
    ("start", "speaker", "kind"),
    [
        # "one" or "another" before a title: a source left unnamed, not the one holder of that title in the story
        ("Why do we keep getting", "senior Democratic strategist", "unresolved"),
        ("This is a mistake", "Democratic strategist", "unresolved"),
        ("Taking on the agency", "Ed Vance", "person"),
        # ... unless it stands in apposition to the person named right before it
        ("Investors seemed to be", "Ted Rook", "person"),
    ],
)
def test_one_of_several_names_no_holder(strategists, start, speaker, kind):
    found = row(strategists, start)
    assert (found["speaker_name"], found["speaker_kind"]) == (speaker, kind)
