"""Scoring the trade-policy sections against the trade gold (pure: rows in, scores out).

Predicted rows are plain dicts as read from the tables, grouped by the gold
article they belong to (``articles.source_id``). The matching rules are the
gold README's:

- countries by (article, iso3); a country seen only in the dateline does not count;
- officials by surname, then country;
- rates by value, among rows whose ``rate_kind`` is tariff, duty, tax or levy,
  one per occurrence (a multiset);
- dates by overlapping text and equal value; mentions inside the dateline are
  metadata and are left out, as the gold leaves them out;
- quotes by their first words, then the speaker's surname ("unknown" = no speaker);
  the guideline's gold marks direct quotations only, so only ``quote_type`` direct
  rows are scored (reported speech is neither a hit nor a false positive) — unless
  the gold file marks reported speech too (quotes of kind indirect or mixed), when
  every row is scored and a reported clause may open a few words from the gold's;
- events by type, actor and an overlapping target; negotiation and agreement
  compare the two sides as a set, and an empty gold target matches a
  prediction scoped "all" or "all_except"; gold events are first paired with a matching row from their own
  evidence sentence (the one with the gold rate first), then the rest in gold order with the rows left
  (`event_pairs`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from pipeline.evaluate.event_fields import ALL_SCOPES, SIDES_AS_SET, field_precision
from pipeline.evaluate.gold import GoldDate, GoldEvent, GoldOfficial, GoldQuote, TradeArticle
from pipeline.evaluate.match import (ArticleScore, Counts, SectionResult, accuracy, combine, greedy_match,
                                     normalize_text, same_surname, same_value, score_article_dates, texts_overlap)

Row = Mapping[str, Any]
Rows = Sequence[Row]
ByArticle = Mapping[str, Rows]

TRADE_RATE_KINDS = frozenset({"tariff", "duty", "tax", "levy"})
UNKNOWN_SPEAKER = "unknown"
# The quotes table's ``speaker_kind`` for a speaker no rule could name (pipeline.normalize.quotes.normalizer).
UNRESOLVED_KIND = "unresolved"
DIRECT = "direct"
# A predicted quote shorter than the gold's first words still matches when it is
# at least this many words long; a one-word fragment is too weak to count.
MIN_SHORT_QUOTE_WORDS = 2

DESCRIPTIONS = {
    "articles": "gold articles ingested (by source_id); accuracy: published_at",
    "countries": "(article, iso3) pairs; dateline-only countries excluded",
    "officials": "officials by surname; accuracy: country of matched officials",
    "rates": "tariff/duty/tax/levy rates by value, one per occurrence",
    "dates": "dates by overlapping text and equal value; accuracy on text-matched dates",
    "quotes": "direct quotes by first words (all quotes where the gold marks reported speech); accuracy: "
              "speaker surname on matched quotes, found_<kind>: recall per gold kind",
    "events": "events by type, actor and overlapping target; rate, modality, date accuracy on matched events; "
              "precision_<field>: predicted rows right in that field; fully_right: rows right in all six",
}


def _score(key: str, n_gold: int, n_pred: int, pairs: list[tuple[int, int]], *,
           missed: list[str], spurious: list[str], accuracies: dict | None = None) -> ArticleScore:
    tp = len(pairs)
    return ArticleScore(key, Counts(tp, n_pred - tp, n_gold - tp), accuracies or {}, missed, spurious)


def _unmatched(items: Sequence[Any], used: set[int], label) -> list[str]:
    return [label(item) for i, item in enumerate(items) if i not in used]


# -- articles ---------------------------------------------------------------

def parse_gold_time(text: str) -> tuple[datetime, bool] | None:
    """The gold ``published_at`` as a UTC datetime and whether it names only a day.

    A time without an offset (Reuters' 1987 stamps) is read as UTC.
    """
    text = (text or "").strip()
    if not text:
        return None
    try:
        if len(text) == 10:
            return datetime.fromisoformat(text).replace(tzinfo=UTC), True
        moment = datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        return None
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment, False


def published_matches(gold: str | None, predicted: datetime | None) -> bool:
    """True when the predicted ``published_at`` agrees with the gold at the gold's precision."""
    parsed = parse_gold_time(gold or "")
    if parsed is None or predicted is None:
        return parsed is None and predicted is None
    moment, day_only = parsed
    predicted = predicted.replace(tzinfo=UTC) if predicted.tzinfo is None else predicted.astimezone(UTC)
    if day_only:
        return predicted.date() == moment.date()
    return abs((predicted - moment).total_seconds()) < 1


def score_articles(gold: Sequence[TradeArticle], articles: ByArticle, *, extra: int = 0) -> SectionResult:
    """Which gold articles reached ``articles`` (and with the right publication time).

    ``extra`` counts articles in the table that belong to no gold record.
    """
    scores = []
    for article in gold:
        rows = articles.get(article.source_id, [])
        found = 1 if rows else 0
        acc = {"published_at": accuracy(((article.published_at, rows[0].get("published_at")),) if rows else (),
                                        lambda g, p: published_matches(g, p))}
        scores.append(ArticleScore(article.source_id, Counts(found, max(len(rows) - 1, 0), 1 - found), acc,
                                   [] if found else [article.source_id], []))
    result = combine("articles", scores, DESCRIPTIONS["articles"])
    result.counts.fp = (result.counts.fp or 0) + extra
    return result


# -- countries ----------------------------------------------------------------

def predicted_countries(rows: Rows) -> list[str]:
    """The set of iso3 codes an article refers to, leaving out countries seen only in the dateline."""
    return sorted({row["iso3"] for row in rows if row.get("iso3") and not row.get("is_dateline")})


def score_countries(gold: Sequence[TradeArticle], countries: ByArticle) -> SectionResult:
    """Countries as (article, iso3) pairs."""
    scores = []
    for article in gold:
        expected = sorted(set(article.countries))
        found = predicted_countries(countries.get(article.source_id, []))
        pairs = greedy_match(expected, found, lambda g, p: g == p)
        gi, pi = {g for g, _ in pairs}, {p for _, p in pairs}
        scores.append(_score(article.source_id, len(expected), len(found), pairs,
                             missed=_unmatched(expected, gi, str), spurious=_unmatched(found, pi, str)))
    return combine("countries", scores, DESCRIPTIONS["countries"])


# -- officials ----------------------------------------------------------------

def official_country_matches(gold: GoldOfficial, row: Row) -> bool:
    """The matched official serves the gold country (both null counts as agreement)."""
    return (gold.country_iso3 or None) == (row.get("country_iso3") or None)


def score_officials(gold: Sequence[TradeArticle], officials: ByArticle) -> SectionResult:
    """Officials by surname; country accuracy over the matched pairs."""
    scores = []
    for article in gold:
        expected = list(article.officials)
        found = list(officials.get(article.source_id, []))
        pairs = greedy_match(expected, found, lambda g, p: same_surname(g.name, p.get("name")),
                             prefer=official_country_matches)
        acc = {"country": accuracy(((expected[g], found[p]) for g, p in pairs), official_country_matches)}
        gi, pi = {g for g, _ in pairs}, {p for _, p in pairs}
        scores.append(_score(article.source_id, len(expected), len(found), pairs, accuracies=acc,
                             missed=_unmatched(expected, gi, lambda o: o.name),
                             spurious=_unmatched(found, pi, lambda r: str(r.get("name")))))
    return combine("officials", scores, DESCRIPTIONS["officials"])


# -- rates --------------------------------------------------------------------

def trade_rates(rows: Rows) -> list[Row]:
    """The predicted rates of trade measures (tariff, duty, tax, levy); other percentages are not scored."""
    return [row for row in rows if (row.get("rate_kind") or "").lower() in TRADE_RATE_KINDS]


def score_rates(gold: Sequence[TradeArticle], rates: ByArticle) -> SectionResult:
    """Rates by value as a multiset: each occurrence is matched once."""
    scores = []
    for article in gold:
        expected = list(article.rates)
        found = trade_rates(rates.get(article.source_id, []))
        pairs = greedy_match(expected, found, lambda g, p: same_value(g.value, p.get("value")))
        gi, pi = {g for g, _ in pairs}, {p for _, p in pairs}
        scores.append(_score(article.source_id, len(expected), len(found), pairs,
                             missed=_unmatched(expected, gi, lambda r: f"{r.value:g} ({r.text})"),
                             spurious=_unmatched(found, pi, lambda r: f"{r.get('value')} ({r.get('text')})")))
    return combine("rates", scores, DESCRIPTIONS["rates"])


# -- dates --------------------------------------------------------------------

def in_dateline(start_char: int | None, dateline: str | None, body_start: int | None) -> bool:
    """True when a span starting at ``start_char`` lies on the article's dateline line.

    In ``articles.text`` the dateline is the line just before ``body_start``.
    """
    if start_char is None or not dateline or body_start is None:
        return False
    return body_start - len(dateline) - 1 <= start_char < body_start


def scored_dates(rows: Rows, article: Row | None) -> list[Row]:
    """Predicted dates minus those on the dateline (the gold treats datelines as metadata)."""
    if not article:
        return list(rows)
    return [row for row in rows
            if not in_dateline(row.get("start_char"), article.get("dateline"), article.get("body_start"))]


def _gold_date_type(gold: GoldDate) -> str:
    return gold.timex_type


def score_dates(gold: Sequence[TradeArticle], dates: ByArticle, articles: ByArticle) -> SectionResult:
    """Dates: value-F1 (text overlap and equal value); value and type accuracy on text-matched pairs."""
    scores = []
    for article in gold:
        expected = list(article.dates)
        meta = (articles.get(article.source_id) or [None])[0]
        found = scored_dates(dates.get(article.source_id, []), meta)
        scores.append(score_article_dates(article.source_id, expected, found, _gold_date_type))
    return combine("dates", scores, DESCRIPTIONS["dates"])


# -- quotes -------------------------------------------------------------------

def quote_starts_match(gold_start: str, predicted_text: str) -> bool:
    """The predicted quote begins with the gold's first words, or is a shorter quote the gold begins with."""
    gold, found = normalize_text(gold_start), normalize_text(predicted_text)
    if not gold or not found:
        return False
    if found.startswith(gold):
        return True
    return gold.startswith(found) and len(found.split()) >= MIN_SHORT_QUOTE_WORDS


def speaker_matches(gold: GoldQuote, row: Row) -> bool:
    """Same speaker by surname; a gold "unknown" agrees with a quote that names no speaker.

    A row names no speaker when it has no ``speaker_name`` or its ``speaker_kind`` is ``unresolved`` (an
    unnamed source the table keeps as its description: "a Chinese trader", "analysts" — no one the article
    names, as the gold's "unknown" says).
    """
    name = gold.speaker_name
    predicted = row.get("speaker_name")
    if not name or name.strip().lower() == UNKNOWN_SPEAKER:
        return not predicted or predicted.strip().lower() == UNKNOWN_SPEAKER \
            or row.get("speaker_kind") == UNRESOLVED_KIND
    return same_surname(name, predicted)


# Gold kinds of reported speech: a gold file that marks any covers reported speech as well as quotations.
REPORTED_KINDS = frozenset({"indirect", "mixed"})
# How far into a predicted reported clause the gold's first words may begin ("that", a pronoun's antecedent …).
REPORTED_SLACK_CHARS = 60
REPORTED_PROBE_WORDS = 5


def reported_starts_match(gold_start: str, predicted_text: str) -> bool:
    """The gold's first words (at most five) stand near the start of the predicted clause, or the quotation
    rule holds: a reported clause's span may open a few words before or after the annotator's."""
    if quote_starts_match(gold_start, predicted_text):
        return True
    probe = " ".join(normalize_text(gold_start).split()[:REPORTED_PROBE_WORDS])
    found = normalize_text(predicted_text)
    return bool(probe) and probe in found[:len(probe) + REPORTED_SLACK_CHARS]


def direct_quotes(rows: Rows) -> list[Row]:
    """The rows of quotations in marks (``quote_type`` direct; a table without the column holds only those)."""
    return [row for row in rows if (row.get("quote_type") or DIRECT) == DIRECT]


def covers_reported_speech(gold: Sequence[TradeArticle]) -> bool:
    """True when the gold marks reported speech (a quote of kind indirect or mixed anywhere in the file)."""
    return any(q.kind in REPORTED_KINDS for article in gold for q in article.quotes)


def score_quotes(gold: Sequence[TradeArticle], quotes: ByArticle) -> SectionResult:
    """Quotes by their first words; speaker accuracy on the matched quotes.

    A gold file of quotations only (the guideline's) is matched against the direct rows; one that marks
    reported speech too (`covers_reported_speech`) against every row, with recall per gold kind
    (``found_<kind>``) beside the speaker accuracy.
    """
    reported = covers_reported_speech(gold)
    starts_match = reported_starts_match if reported else quote_starts_match
    scores = []
    for article in gold:
        expected = list(article.quotes)
        rows = quotes.get(article.source_id, [])
        found = list(rows) if reported else direct_quotes(rows)
        pairs = greedy_match(expected, found, lambda g, p: starts_match(g.start, p.get("text") or ""),
                             prefer=speaker_matches)
        acc = {"speaker": accuracy(((expected[g], found[p]) for g, p in pairs), speaker_matches)}
        if reported:
            matched = {g for g, _ in pairs}
            for kind in sorted({q.kind or "unmarked" for q in expected}):
                acc[f"found_{kind}"] = accuracy(((q, i in matched) for i, q in enumerate(expected)
                                                 if (q.kind or "unmarked") == kind), lambda _, hit: hit)
        gi, pi = {g for g, _ in pairs}, {p for _, p in pairs}
        scores.append(_score(article.source_id, len(expected), len(found), pairs, accuracies=acc,
                             missed=_unmatched(expected, gi, lambda q: q.start),
                             spurious=_unmatched(found, pi, lambda r: (r.get("text") or "")[:60])))
    return combine("quotes", scores, DESCRIPTIONS["quotes"])


# -- events -------------------------------------------------------------------

def sides_overlap(gold_sides: set[str], predicted_sides: set[str]) -> bool:
    """Two sets of parties agree when they share two members (or all of the smaller set)."""
    need = min(2, len(gold_sides), len(predicted_sides))
    return need > 0 and len(gold_sides & predicted_sides) >= need


def event_matches(gold: GoldEvent, row: Row) -> bool:
    """Same type, same actor and an overlapping target (negotiation and agreement: sides as a set)."""
    if gold.event_type != row.get("event_type"):
        return False
    actor = row.get("actor_iso3")
    targets = set(row.get("target_iso3") or ())
    if gold.event_type in SIDES_AS_SET:
        gold_sides = {s for s in (gold.actor_iso3, *gold.target_iso3) if s}
        predicted_sides = {s for s in (actor, *targets) if s}
        return sides_overlap(gold_sides, predicted_sides)
    if (gold.actor_iso3 or None) != (actor or None):
        return False
    if not gold.target_iso3:
        return (row.get("target_scope") or "") in ALL_SCOPES
    return bool(set(gold.target_iso3) & targets)


def event_rate_matches(gold: GoldEvent, row: Row) -> bool:
    """The matched event carries the gold rate (both without a rate counts as agreement)."""
    return same_value(gold.rate_value, row.get("rate_value"))


def event_evidence_matches(gold: GoldEvent, row: Row) -> bool:
    """The row's evidence sentence holds the gold's first words of evidence."""
    return bool(gold.evidence_start) and texts_overlap(gold.evidence_start or "", row.get("evidence") or "")


def event_preference(gold: GoldEvent, row: Row) -> tuple[bool, bool]:
    """Among rows that match one gold event, prefer the one from its sentence, then the one with its rate.

    Two events of one type between one pair in one article (two officials' demands) otherwise pair in
    row order, and each then scores the other's date and modality.
    """
    return event_evidence_matches(gold, row), event_rate_matches(gold, row)


def event_pairs(expected: Sequence[GoldEvent], found: Rows) -> list[tuple[int, int]]:
    """Gold events paired with rows: first every gold event with a matching row from its own evidence sentence,
    then the rest among the rows left.

    In one pass in gold order, a gold event whose sentence gave no row took the first matching row of
    another sentence, which may be the very row a later gold event's sentence gave ("said on Friday he
    would impose tariffs" taking the row of "said on Sunday he would put tariffs"): the two then scored
    each other's dates, crosswise.
    """
    own = greedy_match(expected, found, lambda g, p: event_matches(g, p) and event_evidence_matches(g, p),
                       prefer=event_rate_matches)
    gold_paired, rows_paired = {g for g, _ in own}, {p for _, p in own}
    gold_left = [i for i in range(len(expected)) if i not in gold_paired]
    rows_left = [i for i in range(len(found)) if i not in rows_paired]
    rest = greedy_match([expected[i] for i in gold_left], [found[i] for i in rows_left], event_matches,
                        prefer=event_preference)
    return sorted(own + [(gold_left[g], rows_left[p]) for g, p in rest])


def score_events(gold: Sequence[TradeArticle], events: ByArticle) -> SectionResult:
    """Events by type, actor and target; rate, modality and date accuracy on the matched events."""
    scores = []
    for article in gold:
        expected = list(article.events)
        found = list(events.get(article.source_id, []))
        pairs = event_pairs(expected, found)
        matched = [(expected[g], found[p]) for g, p in pairs]
        acc = {"rate": accuracy(matched, event_rate_matches),
               "modality": accuracy(matched, lambda g, p: g.modality == p.get("modality")),
               "event_date": accuracy(matched, lambda g, p: (g.event_date or None) == (p.get("event_date") or None)),
               **field_precision(expected, found, pairs)}
        gi, pi = {g for g, _ in pairs}, {p for _, p in pairs}

        def label(event_type: Any, actor: Any, targets: Any) -> str:
            return f"{event_type} {actor}→{','.join(targets or ()) or 'all'}"

        scores.append(_score(article.source_id, len(expected), len(found), pairs, accuracies=acc,
                             missed=_unmatched(expected, gi, lambda e: label(e.event_type, e.actor_iso3,
                                                                             e.target_iso3)),
                             spurious=_unmatched(found, pi, lambda r: label(r.get("event_type"),
                                                                            r.get("actor_iso3"),
                                                                            r.get("target_iso3")))))
    return combine("events", scores, DESCRIPTIONS["events"])
