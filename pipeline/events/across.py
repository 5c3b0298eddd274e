"""The ``events`` table: every article's ``event_mentions`` rows merged into distinct events.

Rows are taken in publication order (undated articles last, then by article
id). A row joins an earlier event of the same ``event_key`` — type, actor,
targets, scope, excluded countries, rate, product, polarity (and, for
demands and talks, the acting official; for talks the modality): the whole
normalized event but its date — when

1. a row of the event has the same evidence sentence and date (the same
   story syndicated or repeated), whatever the rest; otherwise only when
   the row names a target (an untargeted row never merges on missing fields
   alone) and its date matches every row's of the event (equal, both
   missing included, or one a finer form of a month or finer: ``2025-06``
   and ``2025-06-12``; an undated row never joins a dated one, and a bare
   year matches only itself), and
2. it has the same ``event_id`` as a row of the event and that id carries a
   date finer than a year ("the April 2 tariffs" reported in June), or
3. it carries a date equal to a row's of the event and its article was
   published at most the merge window's days (``merge_window_days`` of
   ``models/events/windows.csv``) after the event's latest article
   (a dated event reported on and on stays one), or
4. it is undated (and so is the event), is a measure (not talks, a deal or a demand, which recur
   between one pair too often to tell apart without a date), and its
   article was published at most the merge window's days after the event's
   first article (the window does not move).

Each event keeps the first row's evidence, offsets and fields;
``article_ids`` are sorted; officials and mention ids are unions; ``is_background``
holds only when every row has it (one article's news makes it news); confidence
is the maximum; ``first_published_at`` is the first article's publication time
and ``evidence_article_id`` the article of the evidence sentence;
``event_mention_ids`` names each merged ``event_mentions`` row as
``<article_id>:<event_id>``. The event's id is its first row's ``event_id``,
or — when an earlier event of the same key already took that id — a hash of
it with the first article's id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from pipeline.articles import short_hash
from pipeline.events.dates import date_range

UNTARGETED = "unspecified"
# Events that happen at a point in time and recur between the same sides: undated ones never pool.
POINT_IN_TIME = ("negotiation", "agreement", "demand")
IDENTIFYING = ("day", "week", "month", "quarter", "season", "half")

Row = Mapping[str, Any]


@dataclass
class Cluster:
    """An event being built: its rows in publication order, the first and latest articles' times, and the
    window within which a later article's row may join it."""

    window: timedelta
    rows: list[Row] = field(default_factory=list)
    first_published: datetime | None = None
    last_published: datetime | None = None

    def joins(self, row: Row, published: datetime | None) -> bool:
        """True when ``row`` is this event (see the module doc)."""
        if any(r["evidence"] == row["evidence"] and r["event_date"] == row["event_date"] for r in self.rows):
            return True  # the same sentence in another article: a syndicated or repeated story
        if row["target_scope"] == UNTARGETED or not all(dates_match(r["event_date"], row["event_date"])
                                                         for r in self.rows):
            return False
        span = date_range(row["event_date"])
        if span is not None and span.granularity in IDENTIFYING and \
                any(r["event_id"] == row["event_id"] for r in self.rows):
            return True
        if published is None:
            return False
        if row["event_date"] and any(r["event_date"] == row["event_date"] for r in self.rows):
            # the same dated event reported on and on: the window runs from its latest report
            return self.last_published is not None and published - self.last_published <= self.window
        if row["event_type"] in POINT_IN_TIME:
            return False  # undated talks, deals, demands: too many of them between one pair to tell apart
        return self.first_published is not None and published - self.first_published <= self.window


def dates_match(a: str | None, b: str | None) -> bool:
    """Dates two articles' rows may share: equal (both missing included), or one a finer form of a month
    or finer ("2025-06" and "2025-06-12"). A date missing on one side is no match (a missing field never
    merges), and a bare year matches only itself ("1986" is not "1986-08")."""
    if a == b:
        return True
    if a is None or b is None:
        return False
    coarse, fine = sorted((a, b), key=len)
    span = date_range(coarse)
    return span is not None and span.granularity != "year" and fine.startswith(coarse + "-")


def cluster_rows(rows: Iterable[Row], published: Mapping[str, datetime | None], window_days: int) -> list[Cluster]:
    """The rows grouped into events, each event's rows in publication order; ``window_days`` is the merge
    window (see the module doc)."""
    def order(row: Row) -> tuple[bool, str, str]:
        when = published.get(row["article_id"])
        return (when is None, when.isoformat() if when else "", row["article_id"])

    by_key: dict[str, list[Cluster]] = {}
    out: list[Cluster] = []
    for row in sorted(rows, key=order):
        when = published.get(row["article_id"])
        clusters = by_key.setdefault(row["event_key"], [])
        target = next((c for c in reversed(clusters) if c.joins(row, when)), None)
        if target is None:
            target = Cluster(timedelta(days=window_days), first_published=when)
            clusters.append(target)
            out.append(target)
        target.rows.append(row)
        target.last_published = when or target.last_published
    return out


def merge_events(rows: Iterable[Row], published: Mapping[str, datetime | None],
                 window_days: int) -> list[dict[str, Any]]:
    """``events`` rows from every article's ``event_mentions`` rows (see the module doc), sorted by id;
    ``window_days`` is the merge window (`pipeline.events.resources.load_merge_window`)."""
    out: dict[str, dict[str, Any]] = {}
    for cluster in cluster_rows(rows, published, window_days):
        group = cluster.rows
        first = dict(group[0])
        key = first["event_id"]
        if key in out:  # an earlier event of the same key took the id
            key = short_hash("event", key, first["article_id"])
        first["event_id"] = key
        first["evidence_article_id"] = first.pop("article_id")
        first.pop("published_month", None)
        first["first_published_at"] = cluster.first_published
        first["article_ids"] = sorted({r["article_id"] for r in group})
        first["event_mention_ids"] = sorted(f"{r['article_id']}:{r['event_id']}" for r in group)
        first["officials"] = sorted({o for r in group for o in r["officials"]})
        first["mention_ids"] = sorted({m for r in group for m in r["mention_ids"]})
        first["confidence"] = max(r["confidence"] for r in group)
        # the day the measure takes effect, from the first report of the event's own date that states one (a
        # report dated otherwise, joined by its key, may tell another entry into force of the same measure)
        first["effective_date"] = next((r["effective_date"] for r in group if r.get("effective_date")
                                        and dates_match(r["event_date"], first["event_date"])), None)
        first["is_background"] = all(r["is_background"] for r in group)  # one article's news makes it news
        out[key] = first
    return [out[k] for k in sorted(out)]
