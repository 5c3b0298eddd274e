"""The characters a rule's match can begin with: a superset, and `None` when it could be any."""

import re
import string

import pytest
import spacy

from pipeline.config import MODELS_DIR
from pipeline.nlp.first_chars import first_chars, may_start


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (r"abc", 0, "aA"),
        (r"(?:mid|late)-?june", re.IGNORECASE, "mMlL"),
        (r"[0-3]?\d", 0, "0123456789"),  # an optional first part: the next one may start too
        (r"(?<![\d.])\b(?:the|a)\s", 0, "tTaA"),  # lookbehinds and \b match no character
        (r"(?:Q[1-4]|H[12])", 0, "qQhH"),
        (r"\s?%", 0, " \t\n\r\f\v%"),
        (r"(?-i:June)", re.IGNORECASE, "jJ"),
        (r"(?:x{0,2}y)", 0, "xXyY"),
        (r"€\d+", 0, "€"),
    ],
)
def test_first_chars_lists_every_character_a_match_can_begin_with(pattern, flags, expected):
    assert first_chars(re.compile(pattern, flags)) == frozenset(expected)


@pytest.mark.parametrize(
    "pattern", [r"\w+ago", r"[^a]b", r".x", r"(a)?\1b", r"a?", r"\b", r"(?:a|)b?", r"[\x00-\uffff]"])
def test_first_chars_is_none_when_a_match_may_begin_anywhere(pattern):
    assert first_chars(re.compile(pattern)) is None


def test_characters_outside_ascii_are_always_tried():
    # The Kelvin sign matches "k" under the case flag, though neither "k" nor "K" is it.
    chars = first_chars(re.compile("k", re.IGNORECASE))
    assert re.match("k", "\u212a", re.IGNORECASE)
    assert may_start("\u212a", chars) and may_start("k", chars) and not may_start("x", chars)
    assert may_start("x", None)


@pytest.fixture(scope="module")
def rule_patterns():
    nlp = spacy.blank("en")
    for name in ("trade_rates_v1", "trade_dates_v1"):
        nlp.add_pipe(name).initialize(models_dir=str(MODELS_DIR))
    return [regex for name in ("trade_rates_v1", "trade_dates_v1")
            for entries in nlp.get_pipe(name).rules.by_trigger.values() for _, _, _, regex in entries]


def test_no_match_of_a_real_rule_begins_outside_its_first_characters(rule_patterns):
    text = ("Mid-June 2025: tariffs of 24% on Japanese imports, up from 10 pct, were delayed 90 days; "
            "the $550 billion deal (1986) ends late next month, three weeks after Monday, May 2. "
            "Twenty-five percent, about five years ago, 4/9/2025, Q3, the first quarter, 300 mln dlrs, "
            "£12.5 mln, each week, twice a year, the weekend, early this year, 1990s, yesterday.")
    checked = 0
    for regex in rule_patterns:
        chars = first_chars(regex)
        for position in range(len(text)):
            match = regex.match(text, position)
            if match and match.end() > match.start():
                checked += 1
                assert may_start(text[position], chars), (regex.pattern[:80], text[position:position + 20])
    assert checked > 30  # the text exercises the rules


def test_most_rules_are_screened(rule_patterns):
    # Not a correctness matter, but a rule that is never screened costs a regex call at every word start.
    screened = [first_chars(regex) is not None for regex in rule_patterns]
    assert sum(screened) >= 0.9 * len(screened)
    assert set(string.ascii_letters) - set().union(*(first_chars(r) or set() for r in rule_patterns)) != set()
