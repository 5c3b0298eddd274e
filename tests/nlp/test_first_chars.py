"""The characters a rule's match can begin with (its ``starts``): read from the rule, and true of every real rule."""

import re
import string

import pytest
import spacy

from pipeline.config import MODELS_DIR, make_settings
from pipeline.nlp.first_chars import first_chars, may_start
from pipeline.nlp.regex_rules import _STARTS
from pipeline.readers import iter_inputs, read_file
from pipeline.records import RawArticle

RAW_SAMPLES = MODELS_DIR.parent / "data" / "raw"


@pytest.mark.parametrize(("starts", "expected"), [
    ("f", "fF"),
    ("0-9", string.digits),
    ("0-9t", string.digits + "tT"),
    ("0-9a-z", string.digits + string.ascii_letters),
    ("(", "("),
    ("$£", "$"),  # characters outside ASCII are always tried, so they need no place in the set
])
def test_first_chars_reads_the_stated_class_in_both_cases(starts, expected):
    assert first_chars({"id": "r", "starts": starts}) == frozenset(expected)


@pytest.mark.parametrize("rule", [{"id": "r"}, {"id": "r", "starts": ""}, {"id": "r", "starts": "  "}])
def test_a_rule_that_does_not_say_is_tried_at_every_start(rule):
    assert first_chars(rule) is None
    assert may_start("x", first_chars(rule)) and may_start("(", first_chars(rule))


def test_a_starts_that_is_not_a_character_class_is_refused_by_rule():
    with pytest.raises(ValueError, match=r"rule \[broken\]: starts = 'z-a'"):
        first_chars({"id": "broken", "starts": "z-a"})


def test_characters_outside_ascii_are_always_tried():
    # The Kelvin sign matches "k" under the case flag, though neither "k" nor "K" is it.
    chars = first_chars({"id": "r", "starts": "k"})
    assert re.match("k", "\u212a", re.IGNORECASE)
    assert may_start("\u212a", chars) and may_start("k", chars) and may_start("K", chars)
    assert not may_start("x", chars)


@pytest.fixture(scope="module")
def rules():
    """``(rule, lookback, compiled pattern)`` of every rule of the rates and dates components."""
    nlp = spacy.blank("en")
    for name in ("trade_rates_v1", "trade_dates_v1"):
        nlp.add_pipe(name).initialize(models_dir=str(MODELS_DIR))
    return [(rule, back, regex) for name in ("trade_rates_v1", "trade_dates_v1")
            for entries in nlp.get_pipe(name).rules.by_trigger.values() for _, back, rule, regex in entries]


@pytest.fixture(scope="module")
def real_texts():
    """A sentence that exercises the rules, and the text of every sample article in data/raw."""
    texts = ["Mid-June 2025: tariffs of 24% on Japanese imports, up from 10 pct, were delayed 90 days; "
             "the $550 billion deal (1986) ends late next month, three weeks after Monday, May 2. "
             "Twenty-five percent, about five years ago, 4/9/2025, Q3, the first quarter, 300 mln dlrs, "
             "£12.5 mln, each week, twice a year, the weekend, early this year, 1990s, yesterday.",
             "The duty rose to 25 pct from 10 pct, raised by 5 points as rates climbed, after 5 billion won "
             "of sales in the 1986/87 season. Trade grew in mid-1987 and in five or six years, the next "
             "quarter, by the end of the week, the week after next, next week or the week after. Over the "
             "past three months, the past year, for a month, 500 tonnes a day. The third Friday of the "
             "month, April 16-27, on 3rd of June, June of next year, last March; 2025-04-09.\n1987 began.",
             "Talks stalled last summer and resume in the autumn, until the fall or late spring 2026, over the "
             "coming year, or in the second week of May.",
             "Sales rose in the first half of 2025 and the last three months of 2024, fell in the first six "
             "months of this year, and will grow in the 2026 fiscal year.",
             "Section 3 of the order is hereby amended by striking the words \u201c10 percent\u201d and inserting "
             "in lieu thereof the words \u201c20 percent\u201d."]
    settings = make_settings(show_progress=False)
    for path, source_path in iter_inputs(RAW_SAMPLES):
        texts.extend(item.body for item in read_file(path, source_path, settings) if isinstance(item, RawArticle))
    return texts


def test_no_match_of_a_real_rule_begins_outside_its_stated_characters(rules, real_texts):
    # Each rule anchored at every word or symbol start (where `TriggeredRules` tries it) of real text.
    starts = [(text, [m.start() for m in _STARTS.finditer(text)]) for text in real_texts]
    checked = set()
    for rule, _, regex in rules:
        chars = first_chars(rule)
        for text, positions in starts:
            for position in positions:
                match = regex.match(text, position)
                if match and match.end() > match.start():
                    checked.add(rule["id"])
                    assert may_start(text[position], chars), (rule["id"], text[position:position + 30])
    assert checked >= {rule["id"] for rule, _, _ in rules if first_chars(rule) is not None}  # each claim is tried


def test_rules_tried_before_their_trigger_state_how_they_start(rules):
    # Not a correctness matter, but an unscreened rule costs a regex call at every start it looks back to.
    looking_back = [rule for rule, back, _ in rules if back > 0]
    screened = [rule["id"] for rule in looking_back if first_chars(rule) is not None]
    assert len(screened) >= 0.9 * len(looking_back)
