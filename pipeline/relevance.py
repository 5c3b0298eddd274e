"""How much an article is about trade policy: ``articles.trade_relevance`` and ``articles.is_trade``.

A weighted lexicon (``models/relevance/lexicon.csv``: tariffs, duties,
quotas, export controls, anti-dumping, trade deals and talks, the WTO,
sanctions …) is matched in the headline and the body; ``scoring.csv`` says
how matches count:

- in the body, each term adds its weight once per occurrence, at most
  ``body_cap`` times (a market report that says "tariffs" ten times is not
  ten times as much about trade);
- in the headline, each distinct term adds ``title_weight`` times its weight
  (a headline states what the story is about);
- the score becomes ``trade_relevance = score / (score + threshold)``: 0 for
  an article with no trade word, 0.5 at ``threshold``, towards 1 above; and
  ``is_trade`` is ``trade_relevance >= 0.5``, i.e. ``score >= threshold``.

Matches never overlap and the longer term wins, so "import duties" counts
as that term and not also as "duties"; a term of weight 0 ("fiduciary
duties", "power tariff") thus cancels the words inside it. Pure: no I/O
outside `load_relevance`, no spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.rulefiles import read_rows

LEXICON_FILE = "relevance/lexicon.csv"
SCORING_FILE = "relevance/scoring.csv"
RULE_FILES = (LEXICON_FILE, SCORING_FILE)
PARAMETERS = ("title_weight", "body_cap", "threshold")


@dataclass(frozen=True)
class AnchorRule:
    """The terms that begin with one word: found by that word (a fast literal search), told apart by the rest."""

    anchor: str
    pattern: re.Pattern[str]  # the anchor, then one group per term's remainder (longest first)
    weights: tuple[float, ...]  # of each group's term, by group number - 1
    terms: tuple[str, ...]


@dataclass(frozen=True)
class RelevanceRules:
    """The compiled lexicon, one `AnchorRule` per first word, and the scoring parameters."""

    anchors: tuple[AnchorRule, ...]
    title_weight: float
    body_cap: int
    threshold: float


@dataclass(frozen=True)
class Relevance:
    """An article's score (weighted matches), its relevance in [0, 1), and whether it counts as a trade story."""

    score: float
    trade_relevance: float
    is_trade: bool


# A term begins with a word, or with "%" for a rate ("% tariff*" finds "a 25% tariff").
_ANCHOR = re.compile(r"[^\W_]+|%")
_JOINER = re.compile(r"[\s-]+")
WORD_END = r"(?![\w-])"


def split_term(term: str) -> tuple[str, str]:
    """A term's anchor (its first run of letters and digits, lower-cased, or a leading ``%``) and the regex of the rest.

    Whole words: the rest ends where a word ends, or, after a final ``*``,
    takes any ending; a space or hyphen in a term matches spaces or one hyphen.
    A term that begins with ``%`` is a rate: found right after a number
    ("25% tariffs", "10 % duty").
    """
    lowered = term.lower().strip()
    first = _ANCHOR.match(lowered)
    if first is None:
        raise ValueError(f"lexicon term {term!r} does not begin with a letter, a digit or %")
    open_end = lowered.endswith("*")
    rest = lowered[first.end():].rstrip("*")
    parts = [re.escape(part) for part in _JOINER.split(rest)]
    regex = r"(?:\s+|-)".join(parts)
    return first.group(), regex + (r"[\w-]*" if open_end else WORD_END)


def compile_rules(terms: dict[str, float], *, title_weight: float, body_cap: int, threshold: float) -> RelevanceRules:
    """Build `RelevanceRules` from ``term -> weight``.

    Terms are grouped by their anchor word; each group is one pattern that
    begins with the anchor as a literal, which Python's regex engine finds
    with a fast substring search rather than trying every term at every
    character (one alternation of the whole lexicon took 200 s over a month
    of news; these patterns a few seconds).
    """
    if not terms:
        raise ValueError("the relevance lexicon is empty")
    if threshold <= 0 or body_cap < 1 or title_weight < 0:
        raise ValueError(f"relevance scoring needs threshold > 0, body_cap >= 1 and title_weight >= 0; got "
                         f"threshold={threshold}, body_cap={body_cap}, title_weight={title_weight}")
    groups: dict[str, list[tuple[str, str]]] = {}
    for term in terms:
        anchor, rest = split_term(term)
        groups.setdefault(anchor, []).append((term, rest))
    anchors = []
    for anchor, members in sorted(groups.items()):
        members.sort(key=lambda member: (-len(member[0].rstrip("*")), member[0]))  # longest term tried first
        pattern = re.escape(anchor) + "(?:" + "|".join(f"({rest})" for _, rest in members) + ")"
        anchors.append(AnchorRule(anchor, re.compile(pattern), tuple(terms[term] for term, _ in members),
                                  tuple(term for term, _ in members)))
    return RelevanceRules(tuple(anchors), title_weight, body_cap, threshold)


def load_relevance(models_dir: Path) -> RelevanceRules:
    """Read ``relevance/lexicon.csv`` and ``relevance/scoring.csv`` under ``models_dir``; fail naming a bad row."""
    terms: dict[str, float] = {}
    for row in read_rows(models_dir / LEXICON_FILE):
        try:
            terms[row["term"]] = float(row["weight"])
        except ValueError:
            raise ValueError(f"{LEXICON_FILE}: weight {row['weight']!r} of {row['term']!r} is not a number") from None
    values = {row["parameter"]: row["value"] for row in read_rows(models_dir / SCORING_FILE)}
    missing = sorted(set(PARAMETERS) - set(values))
    unknown = sorted(set(values) - set(PARAMETERS))
    if missing or unknown:
        raise ValueError(f"{SCORING_FILE}: needs exactly {', '.join(PARAMETERS)}; missing {missing}, unknown {unknown}")
    try:
        return compile_rules(terms, title_weight=float(values["title_weight"]), body_cap=int(values["body_cap"]),
                             threshold=float(values["threshold"]))
    except ValueError as error:
        raise ValueError(f"{SCORING_FILE}: {error}") from None


def find_terms(text: str, rules: RelevanceRules) -> list[tuple[int, int, str, float]]:
    """Every lexicon term in ``text`` as ``(start, end, term, weight)``, left to right, none overlapping.

    Offsets index ``text.lower()`` (the same as ``text`` but for the few
    characters whose lower case is longer). Where two matches overlap
    ("import duties", "duties") the one that starts first wins, at one start
    the longer, and of two alike the term that spells out more of it
    ("important" over "import*", which an ending lets match the same word).
    """
    lowered = text.lower()
    found = []
    for rule in rules.anchors:
        if rule.anchor not in lowered:  # a substring search is many times faster than the pattern's scan
            continue
        for match in rule.pattern.finditer(lowered):
            start = match.start()
            if rule.anchor == "%":
                if not lowered[max(start - 2, 0):start].rstrip()[-1:].isdigit():
                    continue  # a rate is a number's: "25% tariffs", not "%tariffs" in a link
            elif start and (lowered[start - 1].isalnum() or lowered[start - 1] in "-_"):
                continue  # inside a word: "counter-tariff" is found, "subtariff" is not a word we know
            group = match.lastindex
            found.append((start, match.end(), rule.terms[group - 1], rule.weights[group - 1]))
    found.sort(key=lambda hit: (hit[0], -hit[1], -len(hit[2].rstrip("*"))))
    kept: list[tuple[int, int, str, float]] = []
    for hit in found:
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    return kept


def score_text(text: str, rules: RelevanceRules, *, cap: int) -> float:
    """Sum of the weights of the terms found in ``text``, each term counted at most ``cap`` times."""
    counts: dict[str, int] = {}
    weights: dict[str, float] = {}
    for _, _, term, weight in find_terms(text, rules):
        counts[term] = counts.get(term, 0) + 1
        weights[term] = weight
    return sum(weights[term] * min(count, cap) for term, count in counts.items())


def relevance(headline: str | None, body: str, rules: RelevanceRules) -> Relevance:
    """How much an article with this headline and body is about trade policy (see the module docstring)."""
    score = score_text(body, rules, cap=rules.body_cap)
    if headline:
        score += rules.title_weight * score_text(headline, rules, cap=1)
    return Relevance(score, score / (score + rules.threshold), score >= rules.threshold)
