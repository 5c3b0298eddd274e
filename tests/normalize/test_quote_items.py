"""Speakers within a digest's items, news outlets as sources, and the reporting cues read without quotation marks
("reckons", "highlighted that", "points out", a postposed "suggests", "with X saying"), end to end.

The stories are our own, in the style of market digests and company news.
"""

from __future__ import annotations

import pytest

from tests.normalize.helpers import quotes_of, row

DIGEST = """Markets digest

0915 ET - Harlow Mining shares slip after a weak quarter, Kestrel Research says in a note. \
The broker expects more pressure on prices.
0921 ET - Ostrava Motors raises its outlook for the year. It adds that the new plant in Brno will open in May.
0930 ET - Output of copper will probably fall this year, reckons Tamsin Ruel, an analyst at Pellham Bank. \
She points out that two large mines closed in March. Prices could rise further by the summer, the bank suggests.
The finance chief of Quarry Holdings highlighted that margins would recover next year.
The central bank held its key rate on Thursday, with the governor saying the decision guards against outside shocks.
"""

SOURCES = """Trade roundup

TOKYO

Nikkei reported that Sato Heavy Industries will build a new plant in Ohio to avoid tariffs. \
The company said the plant would employ 500 people.
Sato Heavy Industries shares rose 3% in Tokyo. Rivals expect more moves, the Wall Street Journal reported. \
The firm said it would decide by March.
"""

BRIEFS = """Business briefs

Steel prices will rise again in the spring, Kestrel Partners said in a note to clients.
Glenmoor Faces Probe Over Export Licences
Glenmoor faces a review of its export licences.
The licences were suspended in May after an audit, the company said on Tuesday.
Harsh weather held back hiring in January, the Harwick Institute's Hiring Pulse tracker suggests.
"""


@pytest.fixture(scope="module")
def digest(tmp_path_factory):
    return quotes_of(tmp_path_factory.mktemp("digest"), DIGEST)


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    return quotes_of(tmp_path_factory.mktemp("sources"), SOURCES)


def test_it_stands_for_the_firm_of_its_own_item(digest):
    # the firm that spoke in the item before (Kestrel Research) is another story's
    found = row(digest, "the new plant in Brno")
    assert (found["speaker_name"], found["speaker_kind"]) == ("Ostrava Motors", "organization")


def test_a_clock_time_is_no_part_of_the_content(digest):
    assert row(digest, "Output of copper will probably fall")["text"].startswith("Output")


@pytest.mark.parametrize(
    ("start", "speaker", "cue"),
    [
        ("Output of copper will probably fall", "Tamsin Ruel", "reckon"),
        ("two large mines closed in March", "Tamsin Ruel", "point_out"),
        ("Prices could rise further", "Pellham Bank", "suggest"),
        ("margins would recover next year", "Quarry Holdings", "highlight"),
    ],
)
def test_reporting_cues(digest, start, speaker, cue):
    found = row(digest, start)
    assert (found["quote_type"], found["speaker_name"], found["cue"]) == ("indirect", speaker, cue)


def test_with_a_speaker_saying(digest):
    # the absolute construction: the noun phrase between "with" and "saying" spoke, not the clause's subject
    found = row(digest, "the decision guards against outside shocks")
    assert (found["quote_type"], found["cue"], found["speaker_text"]) == ("indirect", "say", "the governor")


def test_the_company_is_no_newspaper_that_reported(sources):
    assert row(sources, "Sato Heavy Industries will build")["speaker_name"] == "Nikkei"
    assert row(sources, "the plant would employ")["speaker_name"] == "Sato Heavy Industries"


def test_the_firm_skips_the_newspaper_that_spoke_last(sources):
    assert row(sources, "it would decide by March")["speaker_name"] == "Sato Heavy Industries"


@pytest.fixture(scope="module")
def briefs(tmp_path_factory):
    return quotes_of(tmp_path_factory.mktemp("briefs"), BRIEFS)


def test_the_company_stays_below_its_heading(briefs):
    # the firm that spoke above the heading is another story's; the item names no firm the rules tag
    found = row(briefs, "The licences were suspended")
    assert found["speaker_name"] == "company"


def test_a_tracker_speaks_for_the_body_that_runs_it(briefs):
    found = row(briefs, "Harsh weather held back hiring")
    assert (found["speaker_kind"], found["cue"]) == ("organization", "suggest")
    assert found["speaker_name"] == "Harwick Institute"  # the owner, not the tracker's own name
