"""Where a speaker's words stop, end to end on a story of our own.

Each sentence tests one limit: a participle after a name that follows its cue ("said Quill pointing out …"),
a time adverbial the parse takes into the subject ("The governor for months has said") but not a date
another word qualifies or one a determiner alone stands before; a name that is no person's ("said Fiat managing director …") is not cut at its participle-like word.
"""

from __future__ import annotations

import pytest

from tests.normalize.helpers import quotes_of, row

STORY = """Harbour Air widens its routes as tariffs bite

OSLO

Harbour Air chief executive Dana Quill opened a new terminal on Monday despite new tariffs on aircraft parts.
"Our aim has always been to serve remote towns," said Quill pointing out the cost of the new planes.
Central bank governor Ilse Marrow spoke to reporters in the capital.
The governor for months has said the currency would stay weak until the tariffs on fish end.
Tariffs on steel mean costs would rise, said Fiat managing director Ugo Bassani.
Late yesterday the company said it would add two routes despite the tariffs.
The 2024 report said exports of fish would fall.
"""


@pytest.fixture(scope="module")
def quotes(tmp_path_factory):
    return quotes_of(tmp_path_factory.mktemp("speaker_phrase_limits"), STORY)


@pytest.mark.parametrize(
    ("start", "speaker", "kind"),
    [
        # the participle's clause is no part of the name after "said"
        ("Our aim has always been", "Dana Quill", "person"),
        # "for months" is no part of the subject: the governor named before speaks
        ("the currency would stay weak", "Ilse Marrow", "person"),
        # "Fiat" names no person: the phrase runs on to the director
        ("Tariffs on steel mean", "Ugo Bassani", "person"),
        # a date another word qualifies opens no adverbial: the phrase is not cut to "Late"
        ("it would add two routes", "company", "organization"),
        # a cut that would leave only "The" is no cut: the year is part of the description
        ("exports of fish would fall", "2024 report", "unresolved"),
    ],
)
def test_speaker_phrase_limits(quotes, start, speaker, kind):
    found = row(quotes, start)
    assert found["speaker_name"] == speaker
    if kind is not None:
        assert found["speaker_kind"] == kind
