"""Market subjects: a generic trigger whose subject is a market noun reports a price move, not a measure.

"Asian shares ending lower amid tariff jitters" holds two generic
triggers ("ending" → a removal, "lower" → a reduction) that the tariff word
nearby confirms; their subject is "stocks", so nothing a government did is
reported. Read by word order (many such sentences are not parsed): the
first word before the trigger in its clause, past auxiliaries, verbs of a
price move and adverbs in -ly (``between``), is a market noun (``subject``).
Words: ``models/events/market.csv``.

A measure noun is a circumstance of a price move too when the parse makes it
an argument of a clause whose subject is a market noun or a market
participant ("the dollar rises on tariff threats", "investors shrugged off
tariff threats", "the rupee, battered by tariff threats", "markets proved
resilient to tariff threats", through the predicate the verb takes), or the subject of
a verb whose object is one ("tariff threats dented sentiment"): the copy
explains a move, and reports no government's act (`market_clause`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from pipeline.events.syntax import ARGUMENT_RELATIONS, SentenceParse, Token
from pipeline.events.types import Party
from pipeline.rulefiles import alternation, read_rows

KINDS = ("subject", "between", "participant")
# Kinds a file may leave out: the words of who speaks (`commentary`), without which no quotation is commentary;
# the securities a country's name may label, without which every name may be a government's.
SPEAKER_KINDS = ("commentator", "governing", "analyst")
LABEL_KINDS = ("quoted", "qualifier")
# Kinds that make a good's name a market's quote, not goods a measure covers (`quoted_goods`); without them every
# good named is goods. Without ``opening`` words only punctuation or the text's start opens a clause.
GOOD_KINDS = ("priced", "moves", "opening")
# How many qualifying words may stand between a country's name and its security ("blue-chip FTSE 100 index").
LABEL_REACH = 4
# How much text after a name `names_a_market` reads: room for the possessive, the qualifiers and the security.
LABEL_CHARS = 120
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
    quoted: frozenset[str] = frozenset()  # what a market quotes under a country's name: "dollar", "shares"
    qualifiers: frozenset[str] = frozenset()  # words between the name and it: "blue-chip", "government"
    analysts: frozenset[str] = frozenset()  # commentators by trade: "analyst", "economist", "bank", "research"
    priced: frozenset[str] = frozenset()  # what a market quotes under a good's name: "prices", "futures"
    moves: frozenset[str] = frozenset()  # verbs of a price move a good's name may be the subject of: "hits", "fell"
    openings: frozenset[str] = frozenset()  # words that open a clause such a good's name is the subject of: "as"


def read_market_words(path: Path) -> MarketWords:
    """The word lists of ``market.csv``; an unknown or missing kind fails naming the file."""
    known = KINDS + SPEAKER_KINDS + LABEL_KINDS + GOOD_KINDS
    found: dict[str, set[str]] = {kind: set() for kind in known}
    for row in read_rows(path):
        if row["kind"] not in found:
            raise ValueError(f"{path}: unknown kind {row['kind']!r} (expected one of {known})")
        found[row["kind"]].update(w.strip().lower() for w in row["words"].split("|") if w.strip())
    missing = [kind for kind in KINDS if not found[kind]]
    if missing:
        raise ValueError(f"{path}: no words of kind {missing}")
    return MarketWords(frozenset(found["subject"]), frozenset(found["between"]), frozenset(found["participant"]),
                       frozenset(found["commentator"]), frozenset(found["governing"]),
                       frozenset(found["quoted"]), frozenset(found["qualifier"]), frozenset(found["analyst"]),
                       frozenset(found["priced"]), frozenset(found["moves"]), frozenset(found["opening"]))


def names_a_market(text: str, end: int, words: MarketWords) -> bool:
    """True when the country name ending at ``end`` labels a security or a currency (module doc): after an
    optional possessive, at most `LABEL_REACH` qualifiers or numbers, then a ``quoted`` word. Any other
    word or punctuation ends the reading: "Australian exports", "Japan's market" name a government's trade.
    """
    tokens = _TOKEN.findall(text[end:end + LABEL_CHARS])
    if tokens[:1] in (["'s"], ["’s"]):
        tokens = tokens[1:]
    for token in tokens[:LABEL_REACH + 1]:
        lower = token.lower()
        if lower in words.quoted:
            return True
        if lower not in words.qualifiers and not lower.replace(",", "").replace(".", "").isdigit():
            return False
    return False


class QuotedGoods(NamedTuple):
    """Patterns that make a good's name a market's quote (`quoted_goods`)."""

    priced: re.Pattern[str]  # matched right after the name: more goods' names, then a ``priced`` word
    moves: re.Pattern[str]  # matched right after the name: a ``priced`` word or none, then a ``moves`` verb
    opening: re.Pattern[str]  # matched on the text right before the name: the start of a clause
    reach: int  # how many characters before the name ``opening`` reads


# The punctuation that opens a clause a good's name may be the subject of ("…, Copper Hits 9-Month Highs"); the
# words that may (``opening`` in market.csv: "as copper fell") come after it in the pattern.
_CLAUSE_PUNCTUATION = r"[,;:(–—]"
# How many characters besides the longest opening word `names_a_quote` reads before a good's name: room for the
# spaces around that word.
_OPENING_SPACES = 6


def quoted_goods(words: MarketWords, goods: list[str]) -> QuotedGoods | None:
    """The patterns of `QuotedGoods` from the ``priced``, ``moves`` and ``opening`` words and every good's
    variants; None when the file lists neither ``priced`` nor ``moves`` words."""
    if not words.priced and not words.moves:
        return None
    never = r"(?!)"
    names = alternation(goods, space=r"\ ")
    priced = r"(?:" + alternation(sorted(words.priced), space=r"\ ") + r")(?![\w-])" if words.priced else never
    moves = r"(?:" + alternation(sorted(words.moves), space=r"\ ") + r")(?![\w-])" if words.moves else never
    opening = r"|(?<![\w-])(?:" + alternation(sorted(words.openings), space=r"\ ") + r")" if words.openings else ""
    return QuotedGoods(
        # "copper prices", "Aluminium and copper prices", "U.S. steel futures"
        re.compile(r"(?:\s*(?:,|&|and|or)\s+(?:" + names + r")(?![\w-]))*\s+" + priced, re.IGNORECASE),
        re.compile(r"(?:\s+" + priced + r")?\s+" + moves, re.IGNORECASE),
        re.compile(r"(?:^|" + _CLAUSE_PUNCTUATION + opening + r")\s*$", re.IGNORECASE),
        max((len(w) for w in words.openings), default=0) + _OPENING_SPACES)


def names_a_quote(text: str, start: int, end: int, goods: QuotedGoods | None) -> bool:
    """True when the good's name ``text[start:end]`` names what a market quotes, not goods a measure covers:
    it is followed by a ``priced`` word ("copper prices retreated", "Aluminium and copper prices", "U.S. copper
    futures jumped"), or it opens a clause as the subject of a price move ("…, Copper Hits 9-Month Highs", "as
    steel fell"). Market copy explains the move by a tariff nearby ("as investors worried that new U.S. tariffs
    …"), and the good then is no product of that tariff."""
    if goods is None:
        return False
    if goods.priced.match(text, end):
        return True
    # "^" is the text's own start, not the slice's
    return goods.moves.match(text, end) is not None \
        and goods.opening.search(text, max(0, start - goods.reach), start) is not None


# A section heading: the rest of the line up to the name holds no letter, and a dash with a space on one side
# follows the name ("LONDON - ", "LONDON- "); a hyphen between two names joins them ("U.S.-JAPAN TALKS").
_HEADING_DASH = re.compile(r"[ \t]+[-–—]|[-–—][ \t]")


def section_heading(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a name in capitals opening its line before a dash (module doc)."""
    name = text[start:end]
    line_start = text.rfind("\n", 0, start) + 1
    return (name.isupper() and not any(c.isalnum() for c in text[line_start:start])
            and _HEADING_DASH.match(text, end) is not None)


def without_market_labels(text: str, parties: tuple[Party, ...], words: MarketWords | None) -> tuple[Party, ...]:
    """``parties`` but section headings (`section_heading`) and the names that label a security or a
    currency (`names_a_market`)."""
    if words is None or not words.quoted:
        return parties
    return tuple(p for p in parties
                 if not section_heading(text, p.start, p.end) and not names_a_market(text, p.end, words))


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
    ("rise on a jobs report, renewed tariff threats"), through a predicate complement of one ("markets proved
    resilient to tariff threats") or through a participle clause hanging on one ("the rupee …, battered by
    tariff threats") — or the subject of a verb whose object is one."""
    for _ in range(3):  # "report, renewed tariff threats": the first conjunct bears the relation
        if noun.dep != "conj":
            break
        noun = parse.head(noun) or noun
    verb = parse.head(noun)
    relation = noun.base_dep
    if verb is None or relation not in ARGUMENT_RELATIONS:
        return False
    if relation == "nsubj":
        return any(_is_market(o, words) for o in parse.children(verb, "obj"))
    subjects = parse.children(verb, "nsubj")
    above = parse.head(verb)
    if not subjects and verb.base_dep == "xcomp" and above is not None:
        # a predicate complement takes its subject from the verb it completes ("markets proved resilient
        # to tariff threats", "investors stayed wary of new duties")
        subjects = parse.children(above, "nsubj")
    elif not subjects and verb.base_dep in ("advcl", "acl") and above is not None:
        # a participle: the noun it modifies ("the rupee …, battered by"), or the subject of the verb above it
        if verb.dep == "acl":
            subjects = [above]
        elif above.dep != "acl":
            subjects = parse.children(above, "nsubj")
    return any(_is_market(s, words) for s in subjects)
