"""Typed views of table rows that the normalizers and the event rules read (built by their stages)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple


class ParsedToken(NamedTuple):
    """One ``tokens`` row: a word of a parsed sentence, with its head and relation (indexes within the sentence).

    A named tuple, as `Mention`: the stage builds one per row of the parsed sentences.
    """

    sentence_index: int
    index: int
    start: int
    end: int
    text: str
    lemma: str | None
    upos: str | None
    morph: str | None
    head: int
    dep: str | None


def morph_features(morph: str | None) -> dict[str, str]:
    """A token's morphology as a mapping: ``"Tense=Past|VerbForm=Fin"`` → ``{"Tense": "Past", "VerbForm": "Fin"}``."""
    return dict(pair.split("=", 1) for pair in (morph or "").split("|") if "=" in pair)


@dataclass(frozen=True, slots=True)
class ArticleView:
    """The parts of an ``articles`` row a normalizer may use, and the parse of its parsed sentences.

    ``tokens`` holds the ``tokens`` rows of the article in order of sentence and token (empty when no
    sentence of it was parsed: the parser reads only the sentences its gate selects).
    """

    article_id: str
    text: str
    body_start: int
    headline: str | None
    dateline: str | None
    published_at: datetime | None  # aware, UTC
    tokens: tuple[ParsedToken, ...] = ()


class Mention(NamedTuple):
    """One ``mentions`` row.

    A named tuple rather than a frozen dataclass: the stage builds one per row, the most numerous rows
    it reads, and a frozen dataclass sets each field through ``object.__setattr__``, a Python-level
    call per field; building them took a twentieth of the stage. Read it by field name, not by position.
    """

    mention_id: str
    kind: str
    text: str
    start: int
    end: int
    sentence_index: int
    rule_id: str
    label: str | None


@dataclass(frozen=True, slots=True)
class Sentence:
    """One ``sentences`` row: offsets into the article text and its paragraph."""

    index: int
    start: int
    end: int
    paragraph: int
