"""A read-only view over one sentence's dependency parse (rows of the ``tokens`` table).

Extract runs the project's parser and writes every token with its head and
Universal Dependencies relation; the events stage never sees a spaCy ``Doc``,
only these rows. `SentenceParse` answers the questions the role and scope
rules ask: which token stands at a character offset, what governs it, which
of its dependents bear a relation, and which verb heads the clause a trigger
belongs to. Offsets are characters of ``articles.text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.names import POSSESSIVE_MARKS

# Relations through which a noun belongs to the clause of the verb above it ("imposed tariffs",
# "tariffs were raised", "talks with Japan began"): the verb is the noun's clause.
NOMINAL_ARGUMENTS = frozenset({"obj", "iobj", "nsubj", "nsubj:pass", "obl", "obl:agent", "obl:unmarked"})
# Relations (without subtype) through which a noun is an argument of the verb above it: its object,
# subject or a prepositional phrase ("a wish for peace in calls", "shares fell on tariff fears").
ARGUMENT_RELATIONS = frozenset({"obj", "obl", "nmod", "nsubj"})
# Verb-like parts of speech that head a clause.
PREDICATES = frozenset({"VERB", "AUX"})
# Relations inside a noun phrase: a noun bearing one belongs to the phrase of its head ("tariff" in
# "a revised reciprocal tariff rate"). Not "nmod": in "failed to implement parts of the agreement" the
# agreement is no argument of "failed".
NOUN_PHRASE = frozenset({"compound", "amod", "flat", "nummod"})
# The same without numbers: the words that modify a noun inside its phrase ("new U.S. tariffs", "U.S. electric
# cars"); a measure noun's head and a goods noun's modifiers are read through them.
NOUN_MODIFIERS = frozenset({"compound", "amod", "flat"})
# Conjunctions that close a list after a serial comma ("Mexico, Canada, and China").
LIST_CLOSERS = frozenset({"and", "or"})
# The marks of a possessor (``POSSESSIVE_MARKS``; the parser attaches a bare apostrophe as a ``case`` mark like
# "'s") in running text, for the rules read by word order; longest first, so that "Trump's" ends after
# its "s".
POSSESSIVE_MARK_PATTERN = "(?:" + "|".join(re.escape(m) for m in sorted(POSSESSIVE_MARKS, key=lambda m: (-len(m), m))) \
    + ")"
# Content words: the head of a trigger span is one of them ("subject" in "subject to", "tariffs" in "no tariffs on").
CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})


@dataclass(frozen=True, slots=True)
class Token:
    """One ``tokens`` row: its index in the sentence, offsets, word, lemma, part of speech, head and relation."""

    index: int
    start: int
    end: int
    text: str
    lemma: str
    upos: str
    morph: str
    head: int
    dep: str

    @property
    def lower(self) -> str:
        """The token's text in lower case."""
        return self.text.lower()

    @property
    def base_dep(self) -> str:
        """The relation without its subtype ("nsubj" for "nsubj:pass"): a rule naming a bare relation also
        means its subtypes."""
        return self.dep.split(":")[0]

    def lemma_or_text_in(self, words: frozenset[str]) -> bool:
        """True when the token's lemma or its text, in lower case, is one of ``words`` (a list of lemmas that
        also holds forms the parser may leave unlemmatized)."""
        return self.lemma.lower() in words or self.lower in words

    def feature(self, name: str) -> str | None:
        """The value of one morphological feature ("Tense" → "Past"), or None."""
        for pair in self.morph.split("|") if self.morph else ():
            key, _, value = pair.partition("=")
            if key == name:
                return value
        return None


class SentenceParse:
    """The parse of one sentence: tokens in order, with lookups by offset, head and relation."""

    def __init__(self, tokens: Iterable[Token]) -> None:
        self.tokens: tuple[Token, ...] = tuple(sorted(tokens, key=lambda t: t.index))
        self._children: dict[int, list[Token]] = {}
        for token in self.tokens:
            if token.head != token.index:
                self._children.setdefault(token.head, []).append(token)

    @property
    def start(self) -> int:
        """Offset of the first token."""
        return self.tokens[0].start

    @property
    def end(self) -> int:
        """Offset just past the last token."""
        return self.tokens[-1].end

    def overlapping(self, start: int, end: int) -> list[Token]:
        """The tokens that share a character with ``[start, end)``."""
        return [t for t in self.tokens if t.start < end and start < t.end and t.text.strip()]

    def at(self, start: int, end: int) -> Token | None:
        """The head token of the span ``[start, end)``: the first content word whose head lies outside it."""
        inside = self.overlapping(start, end)
        indexes = {t.index for t in inside}
        heads = [t for t in inside if t.head not in indexes or t.head == t.index]
        content = [t for t in heads if t.upos in CONTENT]
        return (content or heads or inside or [None])[0]

    def head(self, token: Token) -> Token | None:
        """The token's head, or None for the root."""
        return None if token.head == token.index else self.tokens[token.head]

    def chain(self, token: Token) -> list[Token]:
        """The heads above ``token``, nearest first, up to the root (a cycle in bad rows stops the walk)."""
        out: list[Token] = []
        seen = {token.index}
        current = self.head(token)
        while current is not None and current.index not in seen:
            out.append(current)
            seen.add(current.index)
            current = self.head(current)
        return out

    def children(self, token: Token, *deps: str) -> list[Token]:
        """Dependents of ``token`` in text order; with ``deps``, only those bearing one of the relations.

        A relation given without a subtype ("nsubj") also matches its subtypes ("nsubj:pass").
        """
        found = self._children.get(token.index, [])
        if not deps:
            return list(found)
        return [c for c in found if c.dep in deps or c.base_dep in deps]

    def subtree(self, token: Token, *, skip: frozenset[str] = frozenset()) -> list[Token]:
        """``token`` and everything below it in text order, not descending into relations of ``skip``."""
        out, stack, seen = [], [token], set()
        while stack:
            current = stack.pop()
            if current.index in seen:
                continue
            seen.add(current.index)
            out.append(current)
            stack.extend(c for c in self.children(current) if c.dep not in skip and c.base_dep not in skip)
        return sorted(out, key=lambda t: t.index)

    def closes_serial_list(self, conjunction: Token) -> bool:
        """True when ``conjunction`` ("and", "or") closes a list of names after a serial comma: ", Name, and"
        with the name (capitalized nouns) a conjunct ("Mexico, Canada, and China"; "Peru, South Korea, or Chile"). A comma before
        "and" after a list of two ("Mexico and Canada, and China …") may as well open a clause."""
        if conjunction.lower not in LIST_CLOSERS or conjunction.index < 3 \
                or self.tokens[conjunction.index - 1].text != ",":
            return False
        position, name = conjunction.index - 2, []
        while position >= 0 and _is_name(self.tokens[position]):
            name.append(self.tokens[position])
            position -= 1
        return bool(name) and position >= 0 and self.tokens[position].text == "," \
            and any(t.base_dep == "conj" for t in name)

    def with_serial_tail(self, tokens: Sequence[Token]) -> list[Token]:
        """``tokens`` (a phrase read from the parse) with the last name of a list after a serial comma the parse
        hung elsewhere. In "duties on Mexico, Canada, and China hurt margins" the parser may make "China" the
        subject of a verb joined to the sentence, so the subtree of "Mexico" ends at "Canada". When a conjunct
        of the phrase is followed by a conjunction that closes a serial list (`closes_serial_list`), the
        name after it (a run of capitalized nouns, after an optional determiner) outside the phrase is the list's
        last conjunct."""
        inside = {t.index for t in tokens}
        added: list[Token] = []
        for token in tokens:
            head = self.head(token)
            if token.base_dep != "conj" or head is None or head.index not in inside:
                continue
            position = max(t.index for t in self.subtree(token) if t.index in inside | {token.index}) + 2
            if position >= len(self.tokens) or not self.closes_serial_list(self.tokens[position]):
                continue
            position += 1
            if position < len(self.tokens) and self.tokens[position].upos == "DET":
                position += 1
            while position < len(self.tokens) and _is_name(self.tokens[position]) and position not in inside:
                added.append(self.tokens[position])
                position += 1
        return sorted([*tokens, *dict.fromkeys(added)], key=lambda t: t.index)

    def case_of(self, token: Token) -> str | None:
        """The preposition that governs a nominal ("on" for "on Japan"), lower case, or None."""
        marks = self.children(token, "case")
        return " ".join(m.lower for m in marks) if marks else None

    def clause(self, token: Token, verbs: frozenset[str] | None = None) -> Token:
        """The predicate of the clause ``token`` belongs to.

        A verb (or an adjective with a copula or subject, "exempt") is its own
        clause; a noun that is an argument of a verb belongs to that verb's
        clause ("imposed tariffs", "tariffs were raised"), also from inside a
        noun phrase ("subject to a revised tariff rate"); any other noun
        ("new U.S. tariffs on cars", a measure named as a noun phrase) is its own.
        With ``verbs`` (lemmas), a noun belongs only to a verb among them: "did not
        reach a deal" negates the deal, "was not honoring the agreement" does not.
        """
        if token.upos in PREDICATES or self.children(token, "nsubj", "cop", "aux"):
            return token
        for _ in range(4):  # up to the head of the noun phrase the trigger stands in
            above = self.head(token)
            if above is None or token.dep not in NOUN_PHRASE or above.upos in PREDICATES:
                break
            token = above
        head = self.head(token)
        if head is not None and token.dep in NOMINAL_ARGUMENTS and (
                head.upos in PREDICATES or self.children(head, "cop", "aux")) and (
                verbs is None or head.lemma_or_text_in(verbs)):
            return head
        return token

    def ends_with_question(self) -> bool:
        """True when the sentence's last word-like token is followed by a question mark."""
        punctuation = [t for t in self.tokens if t.text.strip()]
        for token in reversed(punctuation):
            if token.text in ("”", '"', "’", "'", ")"):
                continue
            return token.text == "?"
        return False


def _is_name(token: Token) -> bool:
    """True for a capitalized noun: a name in a list, which the parser may tag a common noun ("Bolivia")."""
    return token.upos in ("PROPN", "NOUN") and token.text[:1].isupper()


def sentence_parses(rows: Iterable[Mapping[str, Any]]) -> dict[int, SentenceParse]:
    """One `SentenceParse` per sentence index from ``tokens`` rows (of one article)."""
    grouped: dict[int, list[Token]] = {}
    for row in rows:
        grouped.setdefault(row["sentence_index"], []).append(Token(
            row["token_index"], row["start_char"], row["end_char"], row["text"], row.get("lemma") or "",
            row.get("upos") or "", row.get("morph") or "", row["head_index"], row.get("dep") or ""))
    return {index: SentenceParse(tokens) for index, tokens in grouped.items()}
