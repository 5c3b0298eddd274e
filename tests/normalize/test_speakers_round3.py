"""Speakers found in issue 19, round 3, end to end (ingest, the parse, normalize) on a story of our own.

A descriptor noun before a firm's name ("Hedge fund Kestrel warned") and the description taken up later ("the
hedge fund said"); a person whose given name is a country's name, set off with a post and a relative clause;
a headline's role of a body ("…, says KTF chief") for the person the story names with that post; "he" after a
sentence that opens with a person's possessive and quotes others only in relative clauses.
"""

from __future__ import annotations

import pytest

from tests.normalize.helpers import quotes_of, row

STORY = """Tariff talks face no roadblocks, says KTF chief

NEW DELHI

Kestrel Trade Forum (KTF) President and Chief Executive Officer Dana Vellacott said both sides were close \
to a trade deal that would cut tariffs on imports and exports.
Markets slipped on Monday after the United States raised import tariffs on steel and aluminum.
Hedge fund Marbeck also warned clients in a note that tariffs could stoke a bubble in metals.
The hedge fund said that the tariffs would shrink margins this year.
Settlers welcomed the plan, among them Jordan Pellow, Chair of the Harbour council, who declared: \
"The old dispute is finished."
Senator Harlan Voss spoke on steel tariffs on Monday.
Voss's remarks drew praise from traders like Mara Quist, who declared: "The tariff fight is won."
But when he said at the briefing that the steel tariffs would stay, he knew what he was doing.
"""


@pytest.fixture(scope="module")
def quotes(tmp_path_factory):
    return quotes_of(tmp_path_factory.mktemp("speakers_round3"), STORY)


@pytest.mark.parametrize(
    ("start", "speaker"),
    [
        # the headline's "KTF chief" is the person the body names right after the body's acronym
        ("Tariff talks face no roadblocks", "Dana Vellacott"),
        # the parse stops the subject at "fund": the name after the descriptor speaks
        ("tariffs could stoke", "Marbeck"),
        # "the hedge fund" is the firm named after the same descriptor before
        ("the tariffs would shrink", "Marbeck"),
        # a country's name that opens a person's name set off by a post: the person, not the post
        ("The old dispute", "Jordan Pellow"),
        # "he" after a sentence about the person its possessive opens with, whose quoted people are named in
        # relative clauses only ("traders like Mara Quist, who declared"): the senator, not Quist
        ("the steel tariffs would stay", "Harlan Voss"),
    ],
)
def test_speakers_round3(quotes, start, speaker):
    assert row(quotes, start)["speaker_name"] == speaker
