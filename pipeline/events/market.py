"""Market subjects: a generic trigger whose subject is a market noun reports a price move, not a measure.

"U.S. stocks ending lower amid tariff uncertainties" holds two generic
triggers ("ending" → a removal, "lower" → a reduction) that the tariff word
nearby confirms; their subject is "stocks", so nothing a government did is
reported. Read by word order (many such sentences are not parsed): the
first word before the trigger in its clause, past auxiliaries, verbs of a
price move and adverbs in -ly (``between``), is a market noun (``subject``).
Words: ``models/events/market.csv``.

A measure noun is a circumstance of a price move too when the parse makes it
an argument of a clause whose subject is a market noun or a market
participant ("the dollar rises on tariff threats", "investors shrugged off
tariff threats", "the rupee, battered by tariff threats"), or the subject of
a verb whose object is one ("tariff threats dented sentiment"): the copy
explains a move, and reports no government's act (`market_clause`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from pipeline.events.syntax import SentenceParse, Token
from pipeline.rulefiles import read_rows

KINDS = ("subject", "between", "participant")
# Kinds a file may leave out: the words of who speaks (`commentary`), without which no quotation is commentary.
SPEAKER_KINDS = ("commentator", "governing")
# Relations through which a noun is an argument of the verb above it.
ARGUMENT_RELATIONS = frozenset({"obj", "obl", "nmod", "nsubj"})
# How many words may stand between the market noun and the trigger ("shares were still trading lower").
REACH = 4
_TOKEN = re.compile(r"[\w&’'.-]+|[^\w\s]")


class MarketWords(NamedTuple):
    """Market nouns and the words that may stand between one and the trigger it is the subject of."""

    subjects: frozenset[str]
    between: frozenset[str]
    participants: frozenset[str] = frozenset()  # who trades, not who governs: "investors", "traders"
    commentators: frozenset[str] = frozenset()  # who comments on markets and trade: "analyst", "bank", "firm"
    governing: frozenset[str] = frozenset()  # who governs: "minister", "ministry", "spokesperson"


def read_market_words(path: Path) -> MarketWords:
    """The word lists of ``market.csv``; an unknown or missing kind fails naming the file."""
    found: dict[str, set[str]] = {kind: set() for kind in KINDS + SPEAKER_KINDS}
    for row in read_rows(path):
        if row["kind"] not in found:
            raise ValueError(f"{path}: unknown kind {row['kind']!r} (expected one of {KINDS + SPEAKER_KINDS})")
        found[row["kind"]].update(w.strip().lower() for w in row["words"].split("|") if w.strip())
    missing = [kind for kind in KINDS if not found[kind]]
    if missing:
        raise ValueError(f"{path}: no words of kind {missing}")
    return MarketWords(frozenset(found["subject"]), frozenset(found["between"]), frozenset(found["participant"]),
                       frozenset(found["commentator"]), frozenset(found["governing"]))


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


def _is_market(token: Token | None, words: MarketWords) -> bool:
    if token is None:
        return False
    lemma = token.lemma.lower()
    return any(w in words.subjects or w in words.participants for w in (token.lower, lemma))


def market_clause(parse: SentenceParse, noun: Token, words: MarketWords) -> bool:
    """True when the measure noun ``noun`` (the head of its noun phrase) explains a price move: it is an
    argument of a verb whose subject is a market noun or participant — directly, through a coordination
    ("rise on a jobs report, renewed tariff threats") or through a participle clause hanging on one ("the
    rupee …, battered by tariff threats") — or the subject of a verb whose object is one."""
    for _ in range(3):  # "report, renewed tariff threats": the first conjunct bears the relation
        if noun.dep != "conj":
            break
        noun = parse.head(noun) or noun
    verb = parse.head(noun)
    relation = noun.dep.split(":")[0]
    if verb is None or relation not in ARGUMENT_RELATIONS:
        return False
    if relation == "nsubj":
        return any(_is_market(o, words) for o in parse.children(verb, "obj"))
    subjects = parse.children(verb, "nsubj")
    above = parse.head(verb)
    if not subjects and verb.dep.split(":")[0] in ("advcl", "acl") and above is not None:
        # a participle: the noun it modifies ("the rupee …, battered by"), or the subject of the verb above it
        if verb.dep == "acl":
            subjects = [above]
        elif above.dep != "acl":
            subjects = parse.children(above, "nsubj")
    return any(_is_market(s, words) for s in subjects)
