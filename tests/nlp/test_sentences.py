"""The wire sentence splitter: paragraphs, abbreviations, initials, quotes."""

import pytest
import spacy

from pipeline.config import MODELS_DIR
from pipeline.nlp.sentences import split_sentences
from pipeline.rulefiles import read_words as read_word_list

ABBREVIATIONS = frozenset(read_word_list(MODELS_DIR / "lexicons" / "abbreviations.txt"))
STARTERS = frozenset(read_word_list(MODELS_DIR / "lexicons" / "sentence_starters.txt"))


def _split(text):
    return [text[s.start:s.end] for s in split_sentences(text, ABBREVIATIONS, STARTERS)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("U.S. Treasury Secretary Scott Bessent met him. He left.",
         ["U.S. Treasury Secretary Scott Bessent met him.", "He left."]),
        ("President Donald J. Trump signed it.", ["President Donald J. Trump signed it."]),
        ("Sen. John Danforth spoke. Imports rose.", ["Sen. John Danforth spoke.", "Imports rose."]),
        ("Imports from the U.S. The minister said so.", ["Imports from the U.S.", "The minister said so."]),
        ("“It is over,” he said. “We won.”", ["“It is over,” he said.", "“We won.”"]),
        ("Prices rose 2.5 pct in Jan. 1987 figures.", ["Prices rose 2.5 pct in Jan. 1987 figures."]),
        ("First paragraph\nSecond one. Third.", ["First paragraph", "Second one.", "Third."]),
        # a period glued to the next sentence, as scraped copy leaves it, ends a sentence before an opener
        ("Tariffs hit goods from China.The key report came out Friday.",
         ["Tariffs hit goods from China.", "The key report came out Friday."]),
        # and not inside an address, nor before a word that does not typically open a sentence
        ("Write to Jane.Doe@example.com or visit www.example.com.The end.",
         ["Write to Jane.Doe@example.com or visit www.example.com.The end."]),
        ("Units of Truth.Fi rose.", ["Units of Truth.Fi rose."]),
        # a closing quote between the glued period and the opener (`_GLUED_SCREEN` must let it through)
        ('The minister called the offer "final."The talks ended on Monday.',
         ['The minister called the offer "final."', "The talks ended on Monday."]),
    ],
)
def test_split_sentences(text, expected):
    assert _split(text) == expected


def test_paragraph_indexes_follow_lines():
    spans = split_sentences("Head\n\nOne. Two.\nThree.", ABBREVIATIONS, STARTERS)
    assert [s.paragraph for s in spans] == [0, 2, 2, 3]


def test_component_sets_sentence_starts():
    nlp = spacy.blank("en")
    nlp.add_pipe("trade_sentences_v1")
    nlp.get_pipe("trade_sentences_v1").initialize(models_dir=str(MODELS_DIR))
    doc = nlp("Sen. Danforth spoke. Imports rose.\nNew paragraph")
    assert [s.text.strip() for s in doc.sents] == ["Sen. Danforth spoke.", "Imports rose.", "New paragraph"]


def test_component_splits_a_glued_sentence_at_its_token():
    nlp = spacy.blank("en")
    nlp.add_pipe("trade_sentences_v1")
    nlp.get_pipe("trade_sentences_v1").initialize(models_dir=str(MODELS_DIR))
    doc = nlp("Trump delayed tariffs on Mexico and China.The jobs report on Friday was a side note.")
    assert [s.text.strip() for s in doc.sents] == ["Trump delayed tariffs on Mexico and China.",
                                                   "The jobs report on Friday was a side note."]
