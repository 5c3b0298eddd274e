"""Market subjects: a generic trigger whose subject is a market noun reports a price move, not a measure.

"U.S. stocks ending lower amid tariff uncertainties" holds two generic
triggers ("ending" → a removal, "lower" → a reduction) that the tariff word
nearby confirms; their subject is "stocks", so nothing a government did is
reported. Read by word order (many such sentences are not parsed): the
first word before the trigger in its clause, past auxiliaries, verbs of a
price move and adverbs in -ly (``between``), is a market noun (``subject``).
Words: ``models/events/market.csv``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from pipeline.rulefiles import read_rows

KINDS = ("subject", "between")
# How many words may stand between the market noun and the trigger ("shares were still trading lower").
REACH = 4
_TOKEN = re.compile(r"[\w&’'.-]+|[^\w\s]")


class MarketWords(NamedTuple):
    """Market nouns and the words that may stand between one and the trigger it is the subject of."""

    subjects: frozenset[str]
    between: frozenset[str]


def read_market_words(path: Path) -> MarketWords:
    """The word lists of ``market.csv``; an unknown or missing kind fails naming the file."""
    found: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for row in read_rows(path):
        if row["kind"] not in found:
            raise ValueError(f"{path}: unknown kind {row['kind']!r} (expected one of {KINDS})")
        found[row["kind"]].update(w.strip().lower() for w in row["words"].split("|") if w.strip())
    missing = [kind for kind in KINDS if not found[kind]]
    if missing:
        raise ValueError(f"{path}: no words of kind {missing}")
    return MarketWords(frozenset(found["subject"]), frozenset(found["between"]))


def market_subject(text: str, floor: int, start: int, words: MarketWords) -> bool:
    """True when the subject right before ``start`` (within ``text[floor:start]``) is a market noun.

    Walks back over at most ``REACH`` auxiliaries, price-move verbs and -ly adverbs; punctuation or any
    other word ends the walk ("Trump raised tariffs": "Trump" is no market noun).
    """
    skipped = 0
    for token in reversed(_TOKEN.findall(text[floor:start])):
        lower = token.lower().rstrip(".").removesuffix("’s").removesuffix("'s")
        if lower in words.subjects:
            return True
        if not token[0].isalnum() or skipped == REACH:
            return False
        if lower in words.between or (token.islower() and lower.endswith("ly") and len(lower) > 4):
            skipped += 1
            continue
        return False
    return False
