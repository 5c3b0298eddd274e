"""Every figure the report shows, as DataFrames: read with SQL over the tables, no HTML here."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.report.names import country_name, target_label
from pipeline.report.timeline import timeline_figures
from pipeline.report.window import ReportWindow, safe_query

TOP = 15
COUNTED_TABLES = ("articles", "mentions", "countries", "officials", "rates", "dates", "quotes", "event_mentions")
# Worst first: the status a run gets from its stages is the first of these any stage has.
RUN_STATUSES = ("failed", "interrupted", "running", "rejects", "ok")
# Event dates this coarse say little about when within the period: such events are placed by publication.
COARSE_GRANULARITIES = ("year", "decade", "century")


def last_run(out: Path) -> dict[str, str]:
    """The latest run's id, its overall status (the worst of its stages') and each stage's status."""
    runs = safe_query(out, "SELECT run_id, stage, status, started_at FROM runs "
                           "WHERE run_id = (SELECT run_id FROM runs ORDER BY started_at DESC, run_id DESC LIMIT 1) "
                           "ORDER BY started_at", "runs")
    if runs.empty:
        return {"run_id": "none recorded", "status": "unknown", "stages": ""}
    statuses = set(runs.status)
    overall = next((s for s in RUN_STATUSES if s in statuses), sorted(statuses)[0])
    stages = ", ".join(f"{row.stage} {row.status}" for row in runs.itertuples())
    return {"run_id": str(runs.run_id.iloc[0]), "status": overall, "stages": stages}


def _published_span(out: Path, window: ReportWindow) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """The earliest and latest publication time of the articles in the window."""
    span = safe_query(out, f"SELECT min(published_at) AS first, max(published_at) AS last FROM articles a "
                           f"WHERE {window.where('a')}", "articles")
    if span.empty or pd.isna(span['first'].iloc[0]):
        return None, None
    return pd.Timestamp(span['first'].iloc[0]), pd.Timestamp(span['last'].iloc[0])


def latest_day(last_published: pd.Timestamp | None) -> pd.Timestamp | None:
    """The day of the latest article in the window (no time, no zone)."""
    return last_published.tz_localize(None).normalize() if last_published is not None else None


def _events(out: Path, window: ReportWindow) -> pd.DataFrame:
    """The events reported by at least one article in the window, with the evidence article's headline."""
    in_window = f"SELECT article_id FROM articles a WHERE {window.where('a')}"
    return safe_query(out, f"""
        SELECT e.*, ev.headline AS evidence_headline, ev.published_at AS evidence_published_at,
               ev.url AS evidence_url
        FROM events e LEFT JOIN articles ev ON ev.article_id = e.evidence_article_id
        WHERE EXISTS (SELECT 1 FROM unnest(e.article_ids) AS u(article_id) WHERE u.article_id IN ({in_window}))
        ORDER BY e.event_type, e.event_id""", "events", "articles")


def placed_events(events: pd.DataFrame) -> pd.DataFrame:
    """Each event with the day it is placed on the time axis and what placed it.

    The event's own date (week and quarter values are already resolved to their first day) when it is
    finer than a year; else the publication day of its first article; events with neither are left out.
    """
    start = pd.to_datetime(events.event_date_start, errors="coerce")
    fine = start.notna() & ~events.event_date_granularity.isin(COARSE_GRANULARITIES)
    published = pd.to_datetime(events.first_published_at, utc=True).dt.tz_localize(None).dt.normalize()
    placed = events.assign(day=start.where(fine, published),
                           placed_by=pd.Series("event date", index=events.index).where(fine, "publication"))
    return placed[placed.day.notna()]


def _over_time(events: pd.DataFrame) -> pd.DataFrame:
    """Events per day and type (the chart bins them; the table keeps the days)."""
    if events.empty:
        return pd.DataFrame(columns=["day", "event_type", "events"])
    placed = placed_events(events)
    return (placed.groupby(["day", "event_type"]).size().rename("events").reset_index()
            .sort_values(["day", "event_type"], ignore_index=True))


def _with_target(events: pd.DataFrame) -> pd.DataFrame:
    """One row per event and target, named ("Canada (CAN)", "all countries"), and whether it is a pseudo-target."""
    rows = events.explode("target_iso3")
    return rows.assign(
        actor=rows.actor_iso3.map(lambda code: country_name(code, with_code=True)),
        target=[target_label(t, s, x, with_code=True)
                for t, s, x in zip(rows.target_iso3, rows.target_scope, rows.excluded_iso3)],
        pseudo=~rows.target_iso3.map(lambda t: isinstance(t, str)))


def _rates(events: pd.DataFrame) -> pd.DataFrame:
    tariffs = events[events.rate_value.notna() & events.event_type.str.startswith("tariff")]
    if tariffs.empty:
        return pd.DataFrame()
    return (_with_target(tariffs).groupby(["pseudo", "target"]).rate_value.agg(["count", "min", "max"])
            .reset_index().rename(columns={"count": "events", "min": "lowest rate", "max": "highest rate"})
            .sort_values(["highest rate", "target"], ascending=[False, True]))


def _pairs(events: pd.DataFrame) -> pd.DataFrame:
    if events.empty:
        return pd.DataFrame()
    return (_with_target(events).groupby(["pseudo", "actor", "target"]).size().rename("events").reset_index()
            .sort_values(["events", "actor", "target"], ascending=[False, True, True]))


def _split(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The TOP rows aimed at countries, and those aimed at pseudo-targets, without the ``pseudo`` column."""
    if frame.empty:
        return frame, frame
    countries, pseudo = frame[~frame.pseudo], frame[frame.pseudo]
    return (countries.drop(columns="pseudo").head(TOP).reset_index(drop=True),
            pseudo.drop(columns="pseudo").head(TOP).reset_index(drop=True))


def gather(out: Path, window: ReportWindow) -> dict[str, pd.DataFrame | dict]:
    """Every figure the report shows, as DataFrames (also used by tests); ``header`` is a dict of strings."""
    w = window.where("a")
    in_window = f"SELECT article_id FROM articles a WHERE {w}"
    counts = []
    for name in COUNTED_TABLES:
        frame = safe_query(out, f"SELECT count(*) AS n FROM {name} WHERE article_id IN ({in_window})",
                           name, "articles")
        counts.append({"table": name, "rows": int(frame.n.iloc[0]) if not frame.empty else 0})
    events = _events(out, window)
    counts.append({"table": "events", "rows": len(events)})
    # timeline intervals resting on at least one article of the window
    intervals = safe_query(out, f"SELECT count(DISTINCT timeline_id) AS n FROM (SELECT timeline_id, "
                                f"unnest(article_ids) AS article_id FROM tariff_timeline) "
                                f"WHERE article_id IN ({in_window})", "tariff_timeline", "articles")
    counts.append({"table": "tariff_timeline", "rows": int(intervals.n.iloc[0]) if not intervals.empty else 0})
    first, last = _published_span(out, window)
    figures: dict[str, pd.DataFrame | dict] = {
        "header": {**last_run(out), "window": window.describe(),
                   "published": f"{first:%Y-%m-%d %H:%M} to {last:%Y-%m-%d %H:%M} UTC" if first is not None
                   else "no dated article"},
        "counts": pd.DataFrame(counts),
        "rejects": safe_query(out, "SELECT stage, reason, count(*) AS rejects FROM rejects GROUP BY ALL "
                                   "ORDER BY rejects DESC, stage, reason", "rejects"),
        "events": events,
        "over_time": _over_time(events),
        "speakers": safe_query(out, f"""
            SELECT q.speaker_name AS official, count(*) AS quotes, min(q.text) AS sample_quote
            FROM quotes q JOIN articles a USING (article_id)
            WHERE q.speaker_official_id IS NOT NULL AND {w}
            GROUP BY q.speaker_name ORDER BY quotes DESC, official LIMIT {TOP}""", "quotes", "articles"),
    }
    figures["rates"], figures["rates_pseudo"] = _split(_rates(events) if not events.empty else pd.DataFrame())
    figures["pairs"], figures["pairs_pseudo"] = _split(_pairs(events))
    figures.update(timeline_figures(out, window, latest_day(last)))
    return figures
