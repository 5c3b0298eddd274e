"""Typed views of table rows that the normalizers and the event rules read (built by their stages)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple


@dataclass(frozen=True, slots=True)
class ArticleView:
    """The parts of an ``articles`` row a normalizer may use."""

    article_id: str
    text: str
    body_start: int
    headline: str | None
    dateline: str | None
    published_at: datetime | None  # aware, UTC


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
