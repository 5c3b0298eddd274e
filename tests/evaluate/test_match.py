"""Matching primitives: text normalization, names, counts and one-to-one matching."""

import pytest

from pipeline.evaluate.match import (Counts, greedy_match, name_tokens, normalize_text, same_surname, same_value,
                                     surname, texts_overlap)


@pytest.mark.parametrize("text, expected", [
    ("Today’s", "today's"),
    ("  “A deal can only be struck,”  ", "a deal can only be struck"),
    ("Clayton   Yeutter", "clayton yeutter"),
    ("Müller", "muller"),
    ("", ""),
])
def test_normalize_text(text, expected):
    assert normalize_text(text) == expected


@pytest.mark.parametrize("gold, predicted, expected", [
    ("July this year", "July", True),
    ("June", "as early as June", True),
    ("Today", "Today’s", True),
    ("next week", "next month", False),
    ("Thursday", "", False),
    ("", "Thursday", False),
])
def test_texts_overlap(gold, predicted, expected):
    assert texts_overlap(gold, predicted) is expected


@pytest.mark.parametrize("name, tokens, last", [
    ("Michael O' Leary", ["michael", "oleary"], "oleary"),
    ("Michael O'Leary", ["michael", "oleary"], "oleary"),
    ("Akazawa's", ["akazawa"], "akazawa"),
    ("Boeing 's", ["boeing"], "boeing"),
    ("Donald J. Trump", ["donald", "j", "trump"], "trump"),
    ("Martin Luther King Jr.", ["martin", "luther", "king", "jr"], "king"),
    ("", [], ""),
])
def test_name_tokens_and_surname(name, tokens, last):
    assert name_tokens(name) == tokens
    assert surname(name) == last


@pytest.mark.parametrize("gold, predicted, expected", [
    ("Reagan", "Ronald Reagan", True),
    ("Ryosei Akazawa", "Akazawa", True),
    ("Donald Trump", "Donald Tusk", False),
    ("Donald Trump", None, False),
    (None, "Trump", False),
])
def test_same_surname(gold, predicted, expected):
    assert same_surname(gold, predicted) is expected


@pytest.mark.parametrize("a, b, expected", [
    (24, 24.0, True), (24, 25, False), (None, None, True), (None, 0, False), (0.1 + 0.2, 0.3, True),
])
def test_same_value(a, b, expected):
    assert same_value(a, b) is expected


@pytest.mark.parametrize("counts, precision, recall, f1", [
    (Counts(4, 0, 0), 1.0, 1.0, 1.0),
    (Counts(3, 0, 1), 1.0, 0.75, 6 / 7),
    (Counts(3, 1, 0), 0.75, 1.0, 6 / 7),
    (Counts(0, 0, 2), None, 0.0, 0.0),
    (Counts(0, 2, 0), 0.0, None, 0.0),
    (Counts(0, 0, 0), None, None, None),
    (Counts(2, None, 2), None, 0.5, None),
])
def test_counts(counts, precision, recall, f1):
    assert counts.precision == pytest.approx(precision) if precision is not None else counts.precision is None
    assert counts.recall == pytest.approx(recall) if recall is not None else counts.recall is None
    assert counts.f1 == pytest.approx(f1) if f1 is not None else counts.f1 is None


def test_counts_add_keeps_recall_only():
    assert (Counts(1, 2, 3) + Counts(1, 0, 0)).as_dict()["fp"] == 2
    assert (Counts(1, None, 3) + Counts(1, 0, 0)).fp is None


def test_greedy_match_is_one_to_one():
    pairs = greedy_match([24, 24, 10], [24, 10], lambda g, p: g == p)
    assert pairs == [(0, 0), (2, 1)]


def test_greedy_match_prefers_the_better_candidate():
    gold = [("Trump", "USA")]
    predicted = [("Trump", "CAN"), ("Trump", "USA")]
    pairs = greedy_match(gold, predicted, lambda g, p: g[0] == p[0], prefer=lambda g, p: g[1] == p[1])
    assert pairs == [(0, 1)]


def test_greedy_match_prefers_by_a_ranked_tuple():
    # the first field outranks the second; among equals the earliest prediction wins
    gold, predicted = [("a", 1, 2)], [("a", 0, 2), ("a", 1, 0), ("a", 1, 0)]
    pairs = greedy_match(gold, predicted, lambda g, p: g[0] == p[0],
                         prefer=lambda g, p: (g[1] == p[1], g[2] == p[2]))
    assert pairs == [(0, 1)]
