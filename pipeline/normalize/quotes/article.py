"""One article as the speaker rules read it: tokens, sentences, mentions and people, indexed once.

Also the small records the rules pass around (a token, a quotation, a cue, a speaker) and the word
helpers they share.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, takewhile
from typing import Any, NamedTuple

from pipeline.normalize.quotes.lexicon import QuoteLexicon
from pipeline.views import ArticleView, Mention, Sentence

PERSON_KINDS = ("official", "person")
REOPENED_RULE = "quotes:reopened"
MARKS = "\"“”‘’'`«»"
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z0-9](?:[\w&’'-]*\w)?(?:(?<=s)['’](?!\w))?|[^\w\s]")
# The same tokens captured, so that `split` keeps them between the gaps.
_TOKEN_OR_GAP = re.compile(f"({_TOKEN.pattern})", _TOKEN.flags)
POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
# Compiled once: `bare_word` and `surname_of` run for most tokens the rules read.
_POSSESSIVE_ENDING = re.compile(r"['’]s?$")
_NAME_WORD = re.compile(r"[\w’'-]+")


# -- typed pieces ---------------------------------------------------------------------------------------

class Token(NamedTuple):
    """A word or punctuation character of the article, with its offsets (a tuple: articles have many)."""

    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said a quotation: the resolved name, the official id, the words that named them, and what they are."""

    name: str | None
    official_id: str | None
    text: str
    kind: str  # person, name, organization, voice (a firm through its spokesperson), group, unnamed
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation with its exact inside offsets, its kind and rule."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    kind: str
    rule: str


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting cue: offsets, lemma and the side its speaker stands on."""

    start: int
    end: int
    lemma: str
    side: str
    sense: str


def exact_bounds(text: str, mention: Mention) -> tuple[int, int, int, int]:
    """``(start, end, outer_start, outer_end)`` of a quotation mention: its inside text and with its marks.

    The component stores spans on token boundaries; a token glued to a mark
    (``added."If``) widens the span, so the marks are found again here.
    """
    start, end = mention.start, mention.end
    if not (start > 0 and text[start - 1] in MARKS):
        first = re.match(r"\S*", text[start:end]).group()
        position = max(first.rfind(ch) for ch in MARKS)
        if position >= 0:
            start += position + 1
    if not (end < len(text) and text[end] in MARKS) and mention.rule_id != "quotes:unclosed" \
            and mention.rule_id != REOPENED_RULE:
        last = re.search(r"\S*$", text[start:end]).group()
        marks = [last.find(ch) for ch in MARKS if ch in last]
        if marks:
            end = end - len(last) + min(marks)
    # Tokenized text puts a space inside the marks ("`` No , Sir").
    outer_start = start
    while outer_start > 0 and text[outer_start - 1] == " ":
        outer_start -= 1
    if outer_start > 0 and text[outer_start - 1] in MARKS:
        while outer_start > 0 and text[outer_start - 1] in MARKS:
            outer_start -= 1
    else:
        outer_start = start
    outer_end = end
    while outer_end < len(text) and text[outer_end] == " ":
        outer_end += 1
    if outer_end < len(text) and text[outer_end] in MARKS:
        while outer_end < len(text) and text[outer_end] in MARKS:
            outer_end += 1
    else:
        outer_end = end
    return start, end, outer_start, outer_end


# -- the article's view for the rules ---------------------------------------------------------------------

class _Tokens(Sequence[Token]):
    """The article's tokens, as a list of them reads, each built the first time it is read (then kept).

    The rules read about a fifth of an article's tokens, around its quotations: building a tuple for
    every token cost more than the rules did, and offsets and texts in flat lists cost little (nor
    does the garbage collector follow them). The offsets come from a split rather than a match object
    per token: `split` hands back the text as gaps and tokens taking turns (gap, token, gap, …, gap),
    so the running sum of their lengths gives every offset. A token read twice is the same object, as
    in a list (the rules compare tokens by identity).
    """

    __slots__ = ("starts", "_ends", "_texts", "_built")

    def __init__(self, text: str) -> None:
        parts = _TOKEN_OR_GAP.split(text)
        offsets = list(accumulate(map(len, parts), initial=0))
        self.starts: list[int] = offsets[1:-1:2]
        self._ends: list[int] = offsets[2::2]
        self._texts: list[str] = parts[1::2]
        self._built: list[Token | None] = [None] * len(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._texts)))]
        token = self._built[index]
        if token is None:
            # `tuple.__new__` skips the named tuple's Python-level constructor.
            token = self._built[index] = tuple.__new__(Token, (self.starts[index], self._ends[index],
                                                               self._texts[index]))
        return token

    def __iter__(self) -> Iterator[Token]:
        return map(self.__getitem__, range(len(self._texts)))


class ArticleIndex:
    """Indexes over one article that the speaker rules share: tokens, sentences, mentions, people."""

    def __init__(self, article: ArticleView, mentions: Sequence[Mention], sentences: Sequence[Sentence],
                 done: Mapping[str, list[dict]], lexicon: QuoteLexicon) -> None:
        self.text = article.text
        self.body_start = article.body_start
        self.lexicon = lexicon
        self.tokens = _Tokens(self.text)
        self.token_starts = self.tokens.starts
        self.sentences = sorted(((s.start, s.end, s.paragraph) for s in sentences)) or self._line_sentences()
        self.sentence_starts = [s[0] for s in self.sentences]
        self.by_kind: dict[str, list[Mention]] = {}
        for mention in mentions:
            self.by_kind.setdefault(mention.kind, []).append(mention)
        self.mention_by_id = {m.mention_id: m for m in mentions}
        self.people = list(done.get("people") or [])
        self.officials = list(done.get("officials") or [])
        self.person_of: dict[str, dict] = {}
        for row in self.people:
            for mention_id in row.get("mention_ids") or ():
                self.person_of[mention_id] = row
        self.official_of: dict[str, str] = {}
        for row in self.officials:
            for mention_id in row.get("mention_ids") or ():
                self.official_of[mention_id] = row["official_id"]
        self.persons = self._dedupe([m for kind in PERSON_KINDS for m in self.by_kind.get(kind, [])])
        self.forms_by_surname: dict[str, list[str]] = {}
        for mention in self.persons:
            form = name_form(mention)
            self.forms_by_surname.setdefault(surname_of(form), []).append(form)
        # Where the body's items start (a digest's stories: `items.item_start`), read when first needed.
        self.item_starts: list[int] | None = None
        self.quotes: list[Quote] = []
        self.resolved: list[tuple[Quote, Speaker | None]] = []
        self.cues = sorted((Cue(m.start, m.end, m.label or m.text.lower(), *_side_sense(m.rule_id))
                            for m in self.by_kind.get("cue", [])), key=lambda c: (c.start, c.end))

    def _line_sentences(self) -> list[tuple[int, int, int]]:
        out, offset = [], 0
        for index, line in enumerate(self.text.split("\n")):
            if line.strip():
                out.append((offset, offset + len(line), index))
            offset += len(line) + 1
        return out

    @staticmethod
    def _dedupe(mentions: list[Mention]) -> list[Mention]:
        """One mention per stretch of text: the longest, a ``person`` before an ``official`` of the same span."""
        out: list[Mention] = []
        for mention in sorted(mentions, key=lambda m: (m.start, -m.end, m.kind != "person")):
            if out and mention.start < out[-1].end and mention.end <= out[-1].end:
                continue
            out.append(mention)
        return out

    # positions
    def sentence_of(self, position: int) -> int:
        return max(bisect_right(self.sentence_starts, position) - 1, 0)

    def paragraph_of(self, position: int) -> int:
        return self.text.count("\n", 0, position)

    def token_at_or_after(self, position: int) -> int:
        return bisect_right(self.token_starts, position - 1)

    def inside_quote(self, position: int) -> bool:
        return any(q.outer_start <= position < q.outer_end for q in self.quotes)

    def possessive(self, mention: Mention) -> bool:
        return bool(POSSESSIVE.search(mention.text)) or bool(re.match(r"['’]s\b", self.text[mention.end:]))

    def mentions_in(self, kinds: Sequence[str], start: int, end: int) -> list[Mention]:
        found = [m for kind in kinds for m in self.by_kind.get(kind, []) if m.start < end and m.end > start]
        return self._dedupe(found)


def _side_sense(rule_id: str | None) -> tuple[str, str]:
    """``(side, sense)`` from a cue's rule id ``cues.csv:<side>:<sense>``."""
    parts = (rule_id or "").split(":")
    side = parts[1] if len(parts) > 1 and parts[1] in ("either", "left", "right") else "either"
    sense = parts[2] if len(parts) > 2 and parts[2] in ("speech", "mixed") else "mixed"
    return side, sense


# -- words ----------------------------------------------------------------------------------------------

def bare_word(word: str) -> str:
    """A word in lower case without its possessive ending ("ministers'" → "ministers")."""
    return _POSSESSIVE_ENDING.sub("", word.lower())


def surname_of(name: str) -> str:
    """The last word of a name in lower case, without a possessive ("Akazawa's" → "akazawa")."""
    words = _NAME_WORD.findall(POSSESSIVE.sub("", name or ""))
    return words[-1].lower() if words else ""


def name_form(mention: Mention) -> str:
    """A person mention's name: its label (the fullest form the rules saw) for ``person``, else its text."""
    return POSSESSIVE.sub("", mention.label if mention.kind == "person" and mention.label else mention.text)


def strip_determiners(art: ArticleIndex, tokens: list[Token]) -> list[Token]:
    """``tokens`` without the determiners and punctuation that open them."""
    while tokens and (art.lexicon.word_class(tokens[0].lower) == "determiner" or not tokens[0].is_word):
        tokens = tokens[1:]
    return tokens


def text_of(art: ArticleIndex, tokens: list[Token]) -> str:
    """The article's text from the first token to the last (empty for no tokens)."""
    return art.text[tokens[0].start:tokens[-1].end] if tokens else ""


def organization_name(mention: Mention) -> str:
    """An organization mention's name: the name part of its label (``name|country``), else its text."""
    return (mention.label or mention.text).split("|")[0]


def is_capitalized(art: ArticleIndex, token: Token) -> bool:
    """A capitalized word that is no function word ("Morgan", not "The"): a word of a name."""
    return token.is_word and token.text[0].isupper() and art.lexicon.word_class(token.lower) is None


def capitalized_run(art: ArticleIndex, tokens: Iterable[Token]) -> list[Token]:
    """The capitalized words (`is_capitalized`) that open ``tokens``, up to the first other token (the rest of
    ``tokens`` is not read: pass the article's tokens lazily)."""
    return list(takewhile(lambda token: is_capitalized(art, token), tokens))
