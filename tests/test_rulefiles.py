"""The one list of function words: every use its rules read, and a misspelt use refused."""

from __future__ import annotations

import pytest

from pipeline.config import MODELS_DIR
from pipeline.rulefiles import FUNCTION_WORD_USES, FUNCTION_WORDS_FILE, read_function_words


def test_every_use_of_the_function_words_has_words():
    by_use = read_function_words(MODELS_DIR)
    assert set(by_use) == set(FUNCTION_WORD_USES)
    assert all(by_use[use] for use in FUNCTION_WORD_USES)
    assert {"as", "by", "or", "with"} <= set(by_use["term_title_case"]) - set(by_use["label_title_case"])


def test_a_misspelt_use_is_refused(tmp_path):
    path = tmp_path / FUNCTION_WORDS_FILE
    path.parent.mkdir(parents=True)
    path.write_text("# a comment\nword,class,uses\nthe,article,org_opener cue_nuon\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'cue_nuon'"):
        read_function_words(tmp_path)
