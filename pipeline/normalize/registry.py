"""What a normalizer is: a table, the pure function that fills it, and the loader of its resources.

Each module under ``pipeline/normalize`` exposes one (``NORMALIZER``) or a tuple of them
(``NORMALIZERS``); the normalize stage finds them and runs them in order. The type lives here,
beside the normalizers, so that they never import the stage that runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.views import ArticleView, Mention, Sentence

Rows = list[dict[str, Any]]
NormalizeFunction = Callable[[ArticleView, Sequence[Mention], Sequence[Sentence], Mapping[str, Rows], Any], Rows]


@dataclass(frozen=True)
class Normalizer:
    """A table, the pure function that fills it, and the loader of its resources."""

    table: str
    function: NormalizeFunction
    load: Callable[[Path], Any] | None = None
