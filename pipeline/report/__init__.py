"""A self-contained HTML report of what the tables hold, with plots.

One file, no network at view time: plots are matplotlib PNGs embedded as
data URIs, styles inline. Every chart has its numbers in a table beside it,
and every event row links to its evidence sentence further down the page.
"""

from __future__ import annotations

import base64
import html
import io as stdio
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from pipeline.io import write_text_atomic
from pipeline.query import run_query

TOP = 15


@dataclass(frozen=True)
class ReportWindow:
    """Which articles the report covers: a publication-date window (None = all)."""

    since: date | None = None
    until: date | None = None

    def where(self, alias: str = "a") -> str:
        """SQL condition on ``alias.published_at`` for the window."""
        conditions = ["TRUE"]
        if self.since:
            conditions.append(f"CAST({alias}.published_at AS DATE) >= DATE '{self.since.isoformat()}'")
        if self.until:
            conditions.append(f"CAST({alias}.published_at AS DATE) <= DATE '{self.until.isoformat()}'")
        return " AND ".join(conditions)


def _plot(frame: pd.DataFrame, kind: str, title: str, xlabel: str, ylabel: str) -> str:
    """Render ``frame`` as a PNG data URI (an empty string when there is nothing to plot)."""
    if frame.empty:
        return ""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(8, 3.6), dpi=100)
    if kind == "stacked":
        frame.plot(kind="bar", stacked=True, ax=axis, width=0.8)
        axis.legend(fontsize=7, ncols=2)
    else:
        frame.plot(kind=kind, ax=axis, legend=False)
    axis.set_title(title)
    axis.set_xlabel(xlabel)
    axis.set_ylabel(ylabel)
    figure.tight_layout()
    buffer = stdio.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _table(frame: pd.DataFrame, *, escape: bool = True) -> str:
    if frame.empty:
        return "<p class='empty'>nothing in the tables for this window</p>"
    return frame.to_html(index=False, escape=escape, border=0, classes="numbers")


def _safe(sql: str, out: Path) -> pd.DataFrame:
    """Run a report query; a table that does not exist yet gives an empty frame."""
    try:
        return run_query(out, sql)
    except ValueError:
        return pd.DataFrame()


def gather(out: Path, window: ReportWindow) -> dict[str, pd.DataFrame]:
    """Every figure the report shows, as DataFrames (also used by tests)."""
    w = window.where("a")
    in_window = f"SELECT article_id FROM articles a WHERE {w}"
    tables = ["articles", "mentions", "countries", "officials", "rates", "dates", "quotes", "event_mentions"]
    counts = []
    for name in tables:
        frame = _safe(f"SELECT count(*) AS n FROM {name} WHERE article_id IN ({in_window})", out)
        counts.append({"table": name, "rows": int(frame.n.iloc[0]) if not frame.empty else 0})
    events_frame = _safe(f"""
        SELECT DISTINCT e.* FROM events e, unnest(e.article_ids) AS u(article_id)
        WHERE u.article_id IN ({in_window})""", out)
    counts.append({"table": "events", "rows": len(events_frame)})
    figures = {
        "counts": pd.DataFrame(counts),
        "rejects": _safe("SELECT stage, reason, count(*) AS rejects FROM rejects GROUP BY ALL "
                         "ORDER BY rejects DESC, stage, reason", out),
        "events": events_frame,
    }
    if events_frame.empty:
        figures.update(over_time=pd.DataFrame(), rates=pd.DataFrame(), pairs=pd.DataFrame())
    else:
        events = events_frame.copy()
        first_article = _safe("""
            SELECT e.event_id, min(strftime(a.published_at, '%Y-%m')) AS published
            FROM events e, unnest(e.article_ids) AS u(article_id) JOIN articles a ON a.article_id = u.article_id
            GROUP BY e.event_id""", out)
        events = events.merge(first_article, on="event_id", how="left")
        events["month"] = events.event_date.where(events.event_date.str.len() >= 7).str[:7].fillna(events.published)
        figures["over_time"] = (events.groupby(["month", "event_type"]).size().rename("events").reset_index()
                                .sort_values(["month", "event_type"]))
        tariffs = events[events.rate_value.notna() & events.event_type.str.startswith("tariff")].copy()
        tariffs = tariffs.explode("target_iso3")
        tariffs["target"] = tariffs.target_iso3.fillna(tariffs.target_scope)
        figures["rates"] = (tariffs.groupby("target").rate_value.agg(["count", "min", "max"]).reset_index()
                            .rename(columns={"count": "events", "min": "lowest rate", "max": "highest rate"})
                            .sort_values(["highest rate", "target"], ascending=[False, True]).head(TOP))
        pairs = events.explode("target_iso3")
        pairs["target"] = pairs.target_iso3.fillna(pairs.target_scope)
        pairs["actor"] = pairs.actor_iso3.fillna("?")
        figures["pairs"] = (pairs.groupby(["actor", "target"]).size().rename("events").reset_index()
                            .sort_values(["events", "actor", "target"], ascending=[False, True, True]).head(TOP))
    figures["speakers"] = _safe(f"""
        SELECT q.speaker_name AS official, count(*) AS quotes, min(q.text) AS sample_quote
        FROM quotes q JOIN articles a USING (article_id)
        WHERE q.speaker_official_id IS NOT NULL AND {w}
        GROUP BY q.speaker_name ORDER BY quotes DESC, official LIMIT {TOP}""", out)
    return figures


CSS = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222}
h1{font-size:1.6rem} h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
.row{display:flex;gap:1.5rem;align-items:flex-start;flex-wrap:wrap}
table.numbers{border-collapse:collapse;font-size:.85rem} table.numbers td,table.numbers th{padding:.2rem .6rem;
border-bottom:1px solid #eee;text-align:left} img{max-width:100%} .empty{color:#888}
.evidence{font-size:.9rem;margin:.4rem 0} .evidence:target{background:#fff3b0}
"""


def render(out: Path, window: ReportWindow) -> str:
    """The report as one HTML string."""
    figures = gather(out, window)
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>Trade-policy run report</title>"
             f"<style>{CSS}</style></head><body>",
             "<h1>Trade-policy run report</h1>",
             f"<p>Tables in <code>{html.escape(str(out))}</code>; articles published "
             f"{window.since or 'any time'} to {window.until or 'now'}.</p>",
             "<h2 id='counts'>Rows per table</h2>", _table(figures["counts"]),
             "<h2 id='rejects'>Rejects by reason</h2>", _table(figures["rejects"])]

    over_time = figures["over_time"]
    chart = _plot(over_time.pivot_table(index="month", columns="event_type", values="events", fill_value=0)
                  if not over_time.empty else over_time, "stacked", "Events by month and type", "month", "events")
    parts += ["<h2 id='events-over-time'>Events over time, by type</h2><div class='row'>",
              f"<img alt='events over time' src='{chart}'>" if chart else "", _table(over_time), "</div>"]

    rates = figures["rates"]
    chart = _plot(rates.set_index("target")[["highest rate"]] if not rates.empty else rates, "bar",
                  "Highest tariff rate by target", "target", "percent")
    parts += ["<h2 id='rates-by-target'>Tariff rates by target country</h2><div class='row'>",
              f"<img alt='tariff rates by target' src='{chart}'>" if chart else "", _table(rates), "</div>"]

    pairs = figures["pairs"]
    chart = _plot(pairs.assign(pair=pairs.actor + " → " + pairs.target).set_index("pair")[["events"]]
                  if not pairs.empty else pairs, "barh", "Most active actor → target pairs", "events", "")
    parts += ["<h2 id='pairs'>Most active actor → target pairs</h2><div class='row'>",
              f"<img alt='actor target pairs' src='{chart}'>" if chart else "", _table(pairs), "</div>"]

    parts += ["<h2 id='speakers'>Most quoted officials</h2>", _table(figures["speakers"])]

    events = figures["events"]
    parts.append("<h2 id='events'>Events</h2>")
    if events.empty:
        parts.append("<p class='empty'>no events</p>")
    else:
        events = events.sort_values(["event_type", "event_id"])
        listing = pd.DataFrame({
            "type": events.event_type.map(html.escape),
            "actor": events.actor_iso3.fillna("").map(html.escape),
            "targets": events.target_iso3.map(lambda t: html.escape(", ".join(t))),
            "rate": events.rate_value,
            "date": events.event_date.fillna(""),
            "modality": events.modality,
            "evidence": events.event_id.map(lambda i: f"<a href='#ev-{i}'>evidence</a>"),
        })
        parts.append(_table(listing, escape=False))
        parts.append("<h2 id='evidence'>Evidence sentences</h2>")
        for row in events.itertuples():
            parts.append(f"<p class='evidence' id='ev-{row.event_id}'><b>{html.escape(row.event_type)}</b> "
                         f"({len(row.article_ids)} article(s)): {html.escape(row.evidence)}</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def write_report(out: Path, output: Path, window: ReportWindow) -> Path:
    """Write the report to ``output`` (atomically, readable as the umask allows) and return its path."""
    return write_text_atomic(render(out, window), output)
