"""Word-list alternations as a trie: the same matches as the flat list, longest phrase first."""

import re

import pytest

from pipeline.config import MODELS_DIR
from pipeline.normalize.dates import load_dates
from pipeline.normalize.phrases import phrase_alternation
from pipeline.normalize.rates import load_rates

PHRASES = ["tariff", "tariffs", "tariff rate", "rate", "rate of duty", "due to", "due to be", "mid", "u.s.", "'ll"]


def flat(phrases):
    """The flat alternation the trie replaces: longest phrase first."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def spans(alternation, text):
    pattern = re.compile(rf"(?<![\w'’-])(?:{alternation})(?![\w'’-])", re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("a 25% tariff rate on steel", ["tariff rate"]),
    ("TARIFFS rose", ["TARIFFS"]),
    ("the rate  of\nduty was cut", ["rate  of\nduty"]),
    ("talks due to be held", ["due to be"]),
    ("due to the strike", ["due to"]),
    ("a tariff-rate quota", []),
    ("mid-year", []),
    ("U.S. tariffs", ["U.S.", "tariffs"]),
    ("ratepayers and tariffed goods", []),
])
def test_longest_phrase_wins(text, expected):
    alternation = phrase_alternation(PHRASES, ignore_case=True)
    assert [text[a:b] for a, b in spans(alternation, text)] == expected


@pytest.mark.parametrize("text", [
    "Tariffs due to be raised; the tariff rate and rates of duty, due to  be cut by mid-2025 (u.s.)",
    "we'll see: the RATE OF DUTY is due to", "tariff\ttariffs tariff rate rate of duty duty",
])
def test_same_matches_as_the_flat_alternation(text):
    assert spans(phrase_alternation(PHRASES, ignore_case=True), text) == spans(flat(PHRASES), text)


def test_project_word_lists_match_as_before():
    dates, rates = load_dates(MODELS_DIR), load_rates(MODELS_DIR)
    text = ("Tariffs will be raised to 25 pct as early as next week, officials said on Tuesday; "
            "the ad valorem duty rate, which was expected to rise, is going to be cut in late March.")
    for phrases in (list(dates.tenses), list(dates.modifier_codes), list(rates.kinds)):
        assert spans(phrase_alternation(phrases, ignore_case=True), text) == spans(flat(phrases), text)


def test_refuses_branches_that_match_the_same_text():
    with pytest.raises(ValueError, match="'A' and 'a'"):
        phrase_alternation(["May", "MAY"], ignore_case=True)
    assert re.fullmatch(phrase_alternation(["May", "MAY"], ignore_case=False), "MAY")
