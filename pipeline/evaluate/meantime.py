"""Scoring against MEANTIME (English Wikinews): what its annotation can tell us (pure).

MEANTIME was annotated for other purposes, so only some figures carry over:

- timexes: TIMEX3 DATE and DURATION, matched to predicted ``dates`` by
  overlapping text in the same document; value-F1 plus value and type
  accuracy on text-matched pairs. The document creation time (the date line,
  which the evaluator moves to the article's ``date``) and vague references
  (``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``, which the trade guideline
  skips too) are left out. MEANTIME marks timexes only in a document's first
  lines (`ANNOTATED_LINES`), so predicted dates after them are not scored, nor
  predicted SETs (no SET is scored);
- percent: recall of PERCENT values among predicted ``rates`` (any kind) and
  ``rate`` mentions;
- persons: recall of named PER mentions (the mention contains the surname of
  the entity it refers to) among predicted people, officials and person
  mentions; and the same against ``officials`` alone (MEANTIME does not mark
  office holders, so this is the share the pipeline calls officials);
- country mentions: recall of LOC mentions whose text names a country
  (pycountry names) among the document's predicted ``countries``;
- speakers: recall of speech events with a named speaker among the speakers
  of predicted ``quotes``.

Recall-only sections report ``fp`` as None: MEANTIME does not annotate
everything the pipeline looks for.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from pipeline.evaluate.gold import MeantimeDoc, Span
from pipeline.evaluate.locate import meantime_body
from pipeline.evaluate.match import (ArticleScore, Counts, SectionResult, combine, greedy_match, name_tokens,
                                     normalize_text, same_value, score_article_dates, surname, texts_overlap)
from pipeline.evaluate.trade import predicted_countries

Row = Mapping[str, Any]
Rows = Sequence[Row]
ByArticle = Mapping[str, Rows]

TIMEX_TYPES = frozenset({"DATE", "DURATION"})
CREATION_TIME = "CREATION_TIME"
VAGUE_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
# MEANTIME marks temporal expressions only in the title, the date line and the four sentences after them
# (the corpus's first six lines: no timex of it lies later, nor any of its numerical values, while its
# entity mentions run to the end and later lines name dates freely), so a date found after them can be
# neither right nor wrong.
ANNOTATED_LINES = 6
# Words that start a speaker span with a capital without naming anyone. They decide which gold speakers are
# counted, so they stay fixed here rather than read from models/lexicons/function_words.csv: tuning the
# pipeline's rules must not move the yardstick.
_FUNCTION_WORDS = frozenset({"the", "a", "an", "he", "she", "it", "we", "they", "i", "you", "his", "her", "its",
                             "their", "our", "this", "that", "these", "those", "some", "many", "both"})
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_CAPITALIZED = re.compile(r"[A-Z][\w.&-]*(?:['\u2019]\s*[A-Z]\w*)?")

DESCRIPTIONS = {
    "timexes": "TIMEX3 DATE/DURATION by overlapping text and equal value (creation time and *_REF left out)",
    "percent": "recall of PERCENT values among predicted rates and rate mentions",
    "persons": "recall of named PER mentions among predicted people, officials and person mentions",
    "persons_as_officials": "share of named PER mentions the officials table names",
    "country_mentions": "recall of LOC mentions naming a country among predicted countries (not dateline)",
    "speakers": "recall of speech events with a named speaker among predicted quote speakers",
}


def _recall(key: str, n_gold: int, found: int, missed: list[str]) -> ArticleScore:
    return ArticleScore(key, Counts(found, None, n_gold - found), {}, missed, [])


# -- timexes ------------------------------------------------------------------

def scored_timexes(doc: MeantimeDoc) -> list[Span]:
    """The gold DATE and DURATION timexes that are scored (not the creation time, not vague references)."""
    return [t for t in doc.timexes
            if t.type in TIMEX_TYPES and t.function != CREATION_TIME and (t.value or "") not in VAGUE_VALUES]


def _timex_type(span: Span) -> str | None:
    return span.type


def annotated_letters(doc: MeantimeDoc) -> int:
    """How many letters and digits the part of ``doc`` annotated for timexes holds in the text the pipeline
    reads: the title, then `pipeline.evaluate.locate.meantime_body` of the first `ANNOTATED_LINES` lines."""
    annotated = dataclasses.replace(doc, text="\n".join(doc.text.split("\n")[:ANNOTATED_LINES]))
    return sum(ch.isalnum() for ch in doc.title + meantime_body(annotated))


def annotated_end(text: str, letters: int) -> int:
    """The offset in ``text`` just past its first ``letters`` letters and digits (``len(text)`` if fewer).

    Ingest keeps every letter and digit of a MEANTIME text while it drops the tokenized quote marks
    and joins lines, so counting them finds the gold's line end in the predicted text.
    """
    seen = 0
    for offset, ch in enumerate(text):
        if ch.isalnum():
            seen += 1
            if seen == letters:
                return offset + 1
    return len(text)


def score_timexes(docs: Sequence[MeantimeDoc], dates: ByArticle, articles: ByArticle | None = None
                  ) -> SectionResult:
    """Timexes matched to predicted dates by overlapping text; value-F1 and accuracies.

    With ``articles`` (rows with the ``text`` read), dates after the annotated lines are left out.
    """
    scores = []
    for doc in docs:
        expected = scored_timexes(doc)
        found = [row for row in dates.get(doc.doc_id, []) if row.get("timex_type", "DATE") in TIMEX_TYPES]
        article = next(iter((articles or {}).get(doc.doc_id, [])), None)
        if article is not None and article.get("text"):
            end = annotated_end(article["text"], annotated_letters(doc))
            found = [row for row in found if (row.get("start_char") or 0) < end]
        scores.append(score_article_dates(doc.doc_id, expected, found, _timex_type))
    return combine("timexes", scores, DESCRIPTIONS["timexes"])


# -- percent ------------------------------------------------------------------

def first_number(text: str) -> float | None:
    """The first number written in digits ("15-20 %" → 15, "3.10 %" → 3.1); None when there is none.

    Commas are thousands separators, as in English news ("3,800" → 3800).
    """
    found = _NUMBER.search(text or "")
    return float(found.group().replace(",", "")) if found else None


def percent_candidates(rates: Rows, mentions: Rows) -> list[Row]:
    """Predicted rate rows plus the ``rate`` mentions no rate row already stands for."""
    seen = {row.get("mention_id") for row in rates}
    extra = [row for row in mentions if row.get("kind") == "rate" and row.get("mention_id") not in seen]
    return [*rates, *extra]


def percent_found(gold: Span, row: Row) -> bool:
    """A prediction stands for the gold percentage: same number, or overlapping text."""
    number = first_number(gold.text)
    value = row.get("value")
    if number is not None and value is not None and same_value(number, value):
        return True
    return texts_overlap(gold.text, row.get("text") or "")


def score_percent(docs: Sequence[MeantimeDoc], rates: ByArticle, mentions: ByArticle) -> SectionResult:
    """Recall of PERCENT values, one prediction per gold value."""
    scores = []
    for doc in docs:
        expected = [v for v in doc.values if v.type == "PERCENT"]
        found = percent_candidates(rates.get(doc.doc_id, []), mentions.get(doc.doc_id, []))
        pairs = greedy_match(expected, found, percent_found)
        gi = {g for g, _ in pairs}
        scores.append(_recall(doc.doc_id, len(expected), len(pairs),
                              [v.text for i, v in enumerate(expected) if i not in gi]))
    return combine("percent", scores, DESCRIPTIONS["percent"])


# -- persons ------------------------------------------------------------------

def entity_surname(span: Span) -> str:
    """Surname of the entity a PER mention refers to, when the entity is named ("" otherwise).

    The entity name's parenthetical ("Michael O'Leary (CEO of Ryanair)") is
    dropped; a lower-case last word ("industry experts") is not a name.
    """
    name = re.sub(r"\(.*?\)", " ", span.entity_name or "").strip()
    words = name.split()
    if not words or not words[-1][:1].isupper():
        return ""
    return surname(name)


def named_person_mentions(doc: MeantimeDoc) -> list[tuple[Span, str]]:
    """PER mentions that contain their entity's surname ("Jobs", "Senator McCain"), with that surname."""
    out = []
    for span in doc.entities:
        if span.type != "PER":
            continue
        last = entity_surname(span)
        if last and last in name_tokens(span.text):
            out.append((span, last))
    return out


def score_persons(name: str, docs: Sequence[MeantimeDoc], names: Mapping[str, Sequence[str]]) -> SectionResult:
    """Recall of named PER mentions whose surname is among the predicted ``names`` of the document."""
    scores = []
    for doc in docs:
        expected = named_person_mentions(doc)
        predicted = {token for n in names.get(doc.doc_id, ()) for token in name_tokens(n)}
        missed = [span.text for span, last in expected if last not in predicted]
        scores.append(_recall(doc.doc_id, len(expected), len(expected) - len(missed), missed))
    return combine(name, scores, DESCRIPTIONS[name])


# -- countries ----------------------------------------------------------------

@lru_cache(maxsize=1)
def _country_names() -> tuple[dict[str, str], dict[str, str]]:
    import pycountry

    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                names[normalize_text(value)] = country.alpha_3
        codes[country.alpha_2] = country.alpha_3
        codes[country.alpha_3] = country.alpha_3
    return names, codes


def country_of(text: str) -> str | None:
    """ISO3 of a place name that names a country by its pycountry name, or by its code written in capitals.

    "United States", "the United States", "US", "U.S." → USA; "it" and
    "Alabama" → None (codes count only in capitals, so a pronoun is not Italy).
    """
    names, codes = _country_names()
    cleaned = normalize_text(text)
    cleaned = re.sub(r"^the ", "", cleaned)
    if cleaned in names:
        return names[cleaned]
    compact = re.sub(r"[.\s]", "", (text or "").strip())
    if compact.isalpha() and compact.isupper() and 2 <= len(compact) <= 3:
        return codes.get(compact)
    return None


def score_country_mentions(docs: Sequence[MeantimeDoc], countries: ByArticle, *,
                           lookup: Callable[[str], str | None] = country_of) -> SectionResult:
    """Recall of LOC mentions that name a country among the document's predicted countries."""
    scores = []
    for doc in docs:
        expected = [(span, code) for span in doc.entities if span.type == "LOC"
                    for code in [lookup(span.text)] if code]
        found = set(predicted_countries(countries.get(doc.doc_id, [])))
        missed = [f"{span.text} ({code})" for span, code in expected if code not in found]
        scores.append(_recall(doc.doc_id, len(expected), len(expected) - len(missed), missed))
    return combine("country_mentions", scores, DESCRIPTIONS["country_mentions"])


# -- speakers -----------------------------------------------------------------

def speaker_key(text: str) -> str:
    """The name-bearing word of a speaker span: its last capitalized word that is not a function word.

    "Ryanair CEO , Michael O' Leary" → "oleary"; "The company" and "he" → "".
    """
    for word in reversed(_CAPITALIZED.findall(text or "")):
        tokens = name_tokens(word)
        if tokens and tokens[-1] not in _FUNCTION_WORDS:
            return tokens[-1]
    return ""


def speaker_keys(text: str) -> list[str]:
    """The name-bearing words of a speaker span: one for each comma-separated part that opens with a capital.

    MEANTIME's speaker spans take in an apposition, before or after the name: "Dana Perino , the White
    House Press Secretary", "Stephen Harper , Prime Minister of Canada", "Ryanair CEO , Michael O' Leary".
    The span's last capitalized word alone would be "Secretary", "Canada" or (rightly) "oleary", so each
    part that opens with a capital (a name, or a title with a name) gives its own key; a part opening in
    lower case is a description or a relative clause ("the chief executive officer of Apple Inc.",
    "which has been badly affected by …") and names no one. The whole span is the one part when no part
    opens with a capital ("several United Kingdom politicians").
    """
    parts = [part.strip() for part in (text or "").split(",")]
    named = [part for part in parts if part[:1].isupper()] or [text]
    return [key for key in dict.fromkeys(speaker_key(part) for part in named) if key]


def score_speakers(docs: Sequence[MeantimeDoc], quotes: ByArticle) -> SectionResult:
    """Recall of speech events whose speaker is named, found among predicted quote speakers."""
    scores = []
    for doc in docs:
        expected = []
        for event in doc.speech_events:
            keys = [key for speaker in event.speakers for key in speaker_keys(speaker)]
            if keys:
                expected.append((event, keys))
        predicted: set[str] = set()
        for row in quotes.get(doc.doc_id, []):
            for field in ("speaker_name", "speaker_text"):
                predicted.update(name_tokens(row.get(field) or ""))
        missed = [f"{' / '.join(event.speakers)} ({event.cue})" for event, keys in expected
                  if not any(key in predicted for key in keys)]
        scores.append(_recall(doc.doc_id, len(expected), len(expected) - len(missed), missed))
    return combine("speakers", scores, DESCRIPTIONS["speakers"])
