"""Speakers behind appositions and relative clauses, end to end on a story of our own.

Each sentence tests one case of a capitalized word near the cue that is not the speaker: a place before a
"-based" description, an organization list inside a relative clause, a description between a person's name
and "who". Two more name the person behind a subject separated from its cue by "on <day>", and behind
"the president" when the story names more than one.
"""

from __future__ import annotations

import pytest

from tests.normalize.helpers import quotes_of, row

STORY = """Makers of scanners brace for tariffs

CHICAGO

Marrow Devices Inc cut its forecast for the year on Tuesday.
The Evanston, Illinois-based company said that it would move some assembly to Mexico.
Priya Lantern, head of Corvel Fairs, which runs the show with the Ministry of Industry, the Federation for Plastics, Rubber, and Glass (FPRG), added: "Orders are strong despite the duties."
Dora Mellick, chair of the Tarn Valley council, who spoke after her, declared: "Our farmers will pay the price."
Trade minister Omar Vell on Thursday said that the duties would be reviewed.
President Lena Marsh of Valdoria hosted President Tomas Ruiz of Castara for talks on steel.
The president said that the quotas would stay in place.
"""


@pytest.fixture(scope="module")
def quotes(tmp_path_factory):
    return quotes_of(tmp_path_factory.mktemp("appositions"), STORY)


@pytest.mark.parametrize(
    ("start", "speaker"),
    [
        # "The <place>, <state>-based company": the place names no person; the company is the firm named before
        ("it would move some assembly", "Marrow Devices Inc"),
        # a relative clause with commas of its own ends at the comma before the cue: the name before it speaks
        ("Orders are strong", "Priya Lantern"),
        # "<name>, <description>, who declared": the person, not the description
        ("Our farmers will pay", "Dora Mellick"),
        # "on Thursday" between the subject and the cue, as a lone "Thursday" is
        ("the duties would be reviewed", "Omar Vell"),
        # "the president" among several presidents: the one named last before it
        ("the quotas would stay", "Tomas Ruiz"),
    ],
)
def test_the_name_before_the_apposition_speaks(quotes, start, speaker):
    assert row(quotes, start)["speaker_name"] == speaker
