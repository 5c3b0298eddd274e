"""Rule-file helpers: word-list alternations (the longest phrase wins, white space stretches, regex
characters are literal) and the one list of function words (every use its rules read, a misspelt use
refused)."""

import re

import pytest

from pipeline.config import MODELS_DIR
from pipeline.normalize.date_context import load_dates
from pipeline.normalize.rates import load_rates
from pipeline.rulefiles import (FUNCTION_WORD_USES, FUNCTION_WORDS_FILE, alternation, grouped_alternation,
                                read_day_windows, read_function_words)

PHRASES = ["tariff", "tariffs", "tariff rate", "rate", "rate of duty", "due to", "due to be", "mid", "u.s.", "'ll"]


def spans(words_pattern, text):
    pattern = re.compile(rf"(?<![\w'’-])(?:{words_pattern})(?![\w'’-])", re.IGNORECASE)
    return [text[m.start():m.end()] for m in pattern.finditer(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("a 25% tariff rate on steel", ["tariff rate"]),
    ("TARIFFS rose", ["TARIFFS"]),
    ("the rate  of\nduty was cut", ["rate  of\nduty"]),
    ("talks due to be held", ["due to be"]),
    ("due to the strike", ["due to"]),
    ("a tariff-rate quota", []),
    ("mid-year", []),
    ("U.S. tariffs", ["U.S.", "tariffs"]),
    ("the uxsx rate", ["rate"]),  # the periods of "u.s." are periods, not any character
    ("ratepayers and tariffed goods", []),
])
def test_longest_phrase_wins(text, expected):
    assert spans(alternation(PHRASES), text) == expected
    assert spans(grouped_alternation(PHRASES), text) == expected


# Forms whose first letters differ only in case ("Ab", "abc"), one-letter forms, a leading non-letter.
MIXED = ["abcd", "ABC", "ab", "Ab", "a", "b", "be", "Be held", "'ll", "-based", "due to", "Due"]


@pytest.mark.parametrize("text", [
    "abc! ABCD ab- Ab a b be BE HELD be  held 'll -based due to DUE Due. xabc aB",
    "ABc abcde Be-held be\nheld a-b 'LL",
])
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_grouped_alternation_matches_as_the_flat_one(text, flags):
    for template in (r"(?<![\w'-])(?:{})(?![\w'-])", r"(?:{})", r"({})[\s-]*$"):
        flat = re.compile(template.format(alternation(MIXED)), flags)
        grouped = re.compile(template.format(grouped_alternation(MIXED)), flags)
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]
        for end in range(len(text) + 1):
            found, expected = grouped.search(text, 0, end), flat.search(text, 0, end)
            assert (found and found.span()) == (expected and expected.span())


def test_grouped_alternation_tries_one_branch_per_first_letter():
    assert grouped_alternation(["tariff", "tax", "duty"]) == r"t(?:ariff|ax)|d(?:uty)"
    # Letters that differ only in case share a group, in the flat order, and are not factored out.
    assert grouped_alternation(["tax", "Tax", "duty"]) == r"d(?:uty)|Tax|tax"


def test_repeated_phrases_are_listed_once():
    assert alternation(["duty", "tariff", "duty"]) == "tariff|duty"


def test_project_word_lists_prefer_their_longest_phrases():
    rates, dates = load_rates(MODELS_DIR), load_dates(MODELS_DIR)
    text = "a 10% ad valorem duty and an interest rate of 5%; talks are going to be held"
    assert [m.group(0) for m in rates.kind_pattern.finditer(text)] == ["ad valorem duty", "interest rate"]
    assert dates.modifiers_before.search("tariffs as early as").group(1) == "as early as"
    assert dates.dateline_day.search("TOKYO, SEPT 4").groups() == ("SEPT", "4")


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


WINDOWS = ("report_days", "entry_days")


def _windows_file(tmp_path, rows):
    path = tmp_path / "timeline" / "windows.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# a source\nwindow,days,reason\n" + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


def test_windows_are_read_by_name(tmp_path):
    path = _windows_file(tmp_path, ["entry_days,90,a quarter", "report_days,14,two weeks of follow-ups"])
    assert read_day_windows(path, WINDOWS) == {"report_days": 14, "entry_days": 90}


@pytest.mark.parametrize(("rows", "message"), [
    (["report_days,14,two weeks"], "missing windows entry_days"),
    (["report_days,14,two weeks", "entry_days,90,a quarter", "report_days,7,a week"], "'report_days' is given twice"),
    (["report_days,14,two weeks", "entry_days,90,a quarter", "merge_days,7,a week"], "unknown window 'merge_days'"),
    (["report_days,0,none", "entry_days,90,a quarter"], "'report_days' must be a whole number of days .* not '0'"),
    (["report_days,-3,back", "entry_days,90,a quarter"], "not '-3'"),
    (["report_days,14.5,two weeks", "entry_days,90,a quarter"], "not '14.5'"),
    (["report_days,fortnight,two weeks", "entry_days,90,a quarter"], "not 'fortnight'"),
    (["report_days,²,squared", "entry_days,90,a quarter"], "not '²'"),
    (["report_days,١٤,two weeks", "entry_days,90,a quarter"], "not '١٤'"),
    (["report_days,14,two weeks", "entry_days,9000,a quarter"], "'entry_days' .* not '9000'"),
    (["report_days,14,", "entry_days,90,a quarter"], "'report_days' gives no reason"),
])
def test_a_bad_window_fails_naming_the_file_and_the_window(tmp_path, rows, message):
    with pytest.raises(ValueError, match=f"timeline/windows.csv: .*{message}"):
        read_day_windows(_windows_file(tmp_path, rows), WINDOWS)
