"""Pure matching and scoring primitives shared by the trade and MEANTIME scorers.

No I/O here: every function takes plain values and returns plain values, so
the scoring rules can be tested table by table. Predictions and gold items are
compared by their text (normalized), never by character offsets, because the
gold files do not index ``articles.text``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

G = TypeVar("G")
P = TypeVar("P")

# Quote marks and apostrophes seen in wire copy and White House Markdown.
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                         "\u00ab": '"', "\u00bb": '"'})
_SPACE = re.compile(r"\s+")
_EDGE = re.compile(r"^[\s\"'.,;:!?()\[\]*_-]+|[\s\"'.,;:!?()\[\]*_-]+$")
# Tokenized text writes "O' Leary" and "Boeing 's"; join an apostrophe to the next letters.
_SPLIT_APOSTROPHE = re.compile(r"'\s+(?=\w)")
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
SCORED = "scored"
NOT_BUILT = "not built"
FAILED = "failed"
NOT_IN_GOLD = "not in gold"  # no gold record holds the section: nothing to score it against


def normalize_text(text: str) -> str:
    """Lower-case, strip accents, unify quote marks, collapse whitespace, trim edge punctuation.

    Used for every text comparison, so "Today’s" and "today's" compare equal.
    """
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_QUOTES).replace("``", '"').replace("''", '"')
    text = _SPACE.sub(" ", text.lower()).strip()
    return _EDGE.sub("", text)


def texts_overlap(gold: str, predicted: str) -> bool:
    """True when one normalized text contains the other (both non-empty).

    "July this year" overlaps "July"; "as early as June" overlaps "June".
    """
    a, b = normalize_text(gold), normalize_text(predicted)
    return bool(a) and bool(b) and (a in b or b in a)


def name_tokens(name: str) -> list[str]:
    """Alphanumeric tokens of a personal or organizational name, apostrophes and hyphens joined.

    "Michael O' Leary" and "Michael O'Leary" both give ``["michael", "oleary"]``.
    """
    text = normalize_text(name)
    text = re.sub(r"\s*'s\b", "", text)  # possessive: "Akazawa's", tokenized "Boeing 's"
    text = _SPLIT_APOSTROPHE.sub("'", text)
    text = re.sub(r"(?<=\w)['.-](?=\w)", "", text)
    return [token for token in re.split(r"[^0-9a-z]+", text) if token]


def surname(name: str) -> str:
    """The last token of a name, ignoring generational suffixes ("Jr.", "III"); "" when none."""
    tokens = [t for t in name_tokens(name) if t not in _NAME_SUFFIXES]
    return tokens[-1] if tokens else ""


def same_surname(gold: str | None, predicted: str | None) -> bool:
    """True when the two names end in the same surname ("Reagan" and "Ronald Reagan")."""
    if not gold or not predicted:
        return False
    a, b = surname(gold), surname(predicted)
    return bool(a) and a == b


def same_value(a: float | int | None, b: float | int | None) -> bool:
    """Numbers equal within rounding noise; two missing values are equal."""
    if a is None or b is None:
        return a is None and b is None
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-6)
    except (TypeError, ValueError):
        return False


def greedy_match(gold: Sequence[G], predicted: Sequence[P], matches: Callable[[G, P], bool], *,
                 prefer: Callable[[G, P], Any] | None = None) -> list[tuple[int, int]]:
    """One-to-one greedy matching of ``gold`` to ``predicted`` items, in gold order.

    Each gold item takes the first unused prediction for which ``matches``
    holds, choosing the first with the highest ``prefer`` value when given (a
    bool, or a tuple of them: so a surname match with the right country wins
    over one with the wrong country). Returns ``(gold_index, predicted_index)`` pairs.
    """
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for gi, g in enumerate(gold):
        candidates = [pi for pi, p in enumerate(predicted) if pi not in used and matches(g, p)]
        if not candidates:
            continue
        chosen = candidates[0]
        if prefer is not None:
            # max() keeps the first of equal values, so ties go to the earliest prediction.
            chosen = max(candidates, key=lambda pi: prefer(g, predicted[pi]))
        used.add(chosen)
        pairs.append((gi, chosen))
    return pairs


def ratio(numerator: int, denominator: int) -> float | None:
    """``numerator / denominator``, or None when there is nothing to divide by."""
    return numerator / denominator if denominator else None


@dataclass
class Counts:
    """True positives, false positives and false negatives, plus derived figures.

    ``fp`` is None for recall-only measures (the gold does not cover everything
    a prediction may find).
    """

    tp: int = 0
    fp: int | None = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        """tp / (tp + fp); None when nothing was predicted or precision does not apply."""
        return None if self.fp is None else ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """tp / (tp + fn); None when the gold holds nothing."""
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        """2·tp / (2·tp + fp + fn); None when undefined (recall-only, or nothing on either side)."""
        if self.fp is None:
            return None
        return ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def __add__(self, other: Counts) -> Counts:
        fp = None if self.fp is None or other.fp is None else self.fp + other.fp
        return Counts(self.tp + other.tp, fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, Any]:
        """The counts and the three figures, for the JSON report."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


@dataclass
class Accuracy:
    """Correct out of total, for a property of matched pairs (speaker, country, rate)."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        """correct / total, None when nothing was matched."""
        return ratio(self.correct, self.total)

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def as_dict(self) -> dict[str, Any]:
        """The fraction with its counts, for the JSON report."""
        return {"value": self.value, "correct": self.correct, "total": self.total}


def accuracy(pairs: Iterable[tuple[G, P]], correct: Callable[[G, P], bool]) -> Accuracy:
    """How many matched ``(gold, predicted)`` pairs satisfy ``correct``."""
    result = Accuracy()
    for g, p in pairs:
        result.total += 1
        result.correct += bool(correct(g, p))
    return result


@dataclass
class ArticleScore:
    """One gold article's counts in one section (for the per-article breakdown)."""

    key: str
    counts: Counts
    accuracies: dict[str, Accuracy] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)


@dataclass
class SectionResult:
    """The score of one section, or why there is none ("not built", "failed")."""

    name: str
    status: str = SCORED
    counts: Counts = field(default_factory=Counts)
    accuracies: dict[str, Accuracy] = field(default_factory=dict)
    articles: list[ArticleScore] = field(default_factory=list)
    message: str | None = None
    description: str = ""

    def as_dict(self, *, per_article: bool = True) -> dict[str, Any]:
        """The section as plain JSON-ready values."""
        out: dict[str, Any] = {"status": self.status, "description": self.description}
        if self.status != SCORED:
            out["message"] = self.message
            return out
        out.update(self.counts.as_dict())
        out["accuracy"] = {name: acc.as_dict() for name, acc in self.accuracies.items()}
        if per_article:
            out["articles"] = [
                {"key": a.key, **a.counts.as_dict(),
                 "accuracy": {name: acc.as_dict() for name, acc in a.accuracies.items()},
                 "missed": a.missed, "spurious": a.spurious}
                for a in self.articles
            ]
        return out


def unscored(name: str, status: str, message: str, description: str = "") -> SectionResult:
    """A section that could not be scored, with the reason."""
    return SectionResult(name=name, status=status, message=message, description=description)


def combine(name: str, articles: list[ArticleScore], description: str = "") -> SectionResult:
    """Sum per-article scores into a section (micro-averaged)."""
    total = Counts()
    accuracies: dict[str, Accuracy] = {}
    for article in articles:
        total = total + article.counts
        for key, acc in article.accuracies.items():
            accuracies[key] = accuracies.get(key, Accuracy()) + acc
    return SectionResult(name=name, counts=total, accuracies=accuracies, articles=articles,
                         description=description)


# -- dates: the trade gold's dates and MEANTIME's timexes are scored by one rule ---------------

class GoldTimex(Protocol):
    """A gold temporal expression as both gold formats give it (trade `GoldDate`, MEANTIME `Span`)."""

    text: str
    value: str | None


def same_timex_value(gold: str | None, predicted: str | None) -> bool:
    """TIMEX3 values equal, ignoring case and surrounding spaces."""
    return (gold or "").strip().upper() == (predicted or "").strip().upper() and bool(gold)


def timex_found(gold: GoldTimex, row: Mapping[str, Any]) -> bool:
    """A predicted date row stands for the gold timex: overlapping text and equal value."""
    return texts_overlap(gold.text, row.get("text") or "") and same_timex_value(gold.value, row.get("value"))


def score_article_dates(key: str, expected: Sequence[GoldTimex], found: Sequence[Mapping[str, Any]],
                        gold_type: Callable[[Any], str | None]) -> ArticleScore:
    """One article's dates: value-F1 counts (overlapping text and equal value), plus value and type accuracy
    on the pairs matched by text alone (a pair whose value agrees too is preferred).

    ``gold_type`` reads a gold item's TIMEX3 type, which the two gold formats name differently.
    """
    pairs = greedy_match(expected, found, timex_found)
    by_text = greedy_match(expected, found, lambda g, p: texts_overlap(g.text, p.get("text") or ""),
                           prefer=timex_found)
    text_pairs = [(expected[g], found[p]) for g, p in by_text]
    accuracies = {"value_on_text_match": accuracy(text_pairs, lambda g, p: same_timex_value(g.value, p.get("value"))),
                  "type_on_text_match": accuracy(text_pairs, lambda g, p: gold_type(g) == p.get("timex_type"))}
    gi, pi = {g for g, _ in pairs}, {p for _, p in pairs}
    tp = len(pairs)
    return ArticleScore(key, Counts(tp, len(found) - tp, len(expected) - tp), accuracies,
                        [f"{t.text} → {t.value}" for i, t in enumerate(expected) if i not in gi],
                        [f"{r.get('text')} → {r.get('value')}" for i, r in enumerate(found) if i not in pi])
