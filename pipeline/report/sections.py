"""The report's HTML, one function per section; every value from the tables is escaped here."""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

import pandas as pd

from pipeline.report.charts import bar_chart, binned_events, events_over_time_chart, timeline_chart
from pipeline.report.names import country_name, country_names, target_label, type_colour

CSS = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.3rem} h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
h3{font-size:1rem;margin:1.2rem 0 .4rem}
dl.header{display:grid;grid-template-columns:max-content auto;gap:.15rem 1rem;font-size:.9rem;margin:.5rem 0}
dl.header dt{color:#555} dl.header dd{margin:0}
.row{display:flex;gap:1.5rem;align-items:flex-start;flex-wrap:wrap}
table.numbers{border-collapse:collapse;font-size:.85rem} table.numbers td,table.numbers th{padding:.2rem .6rem;
border-bottom:1px solid #eee;text-align:left;vertical-align:top} table.numbers td:first-child{white-space:nowrap}
img{max-width:100%} .empty,.note{color:#666}
.note{font-size:.85rem} .swatch{display:inline-block;width:.8em;height:.8em;margin-right:.35em;border-radius:2px;
vertical-align:baseline} .evidence{font-size:.9rem;margin:.6rem 0} .evidence:target{background:#fff3b0}
.evidence .source{color:#555;font-size:.85rem}
"""
# A link is written only for web addresses: a `javascript:` or `file:` value in a feed must not become one.
LINK_SCHEMES = ("http://", "https://")


def table(frame: pd.DataFrame, *, escape: bool = True, empty: str = "nothing in the tables for this window") -> str:
    """A DataFrame as an HTML table (``escape=False`` only for frames whose cells this module escaped)."""
    if frame.empty:
        return f"<p class='empty'>{html.escape(empty)}</p>"
    return frame.to_html(index=False, escape=escape, border=0, classes="numbers", na_rep="",
                         float_format="{:g}".format)


def _image(uri: str, alt: str) -> str:
    return f"<img alt='{html.escape(alt)}' src='{uri}'>" if uri else ""


def header(figures: dict, out: Path, generated_at: datetime) -> str:
    """Title and the dated facts a reader needs before trusting the numbers."""
    facts = figures["header"]
    rows = [
        ("generated at", f"{generated_at:%Y-%m-%d %H:%M:%S} UTC (the wall-clock time of writing: the report is "
                         "the one output that carries it; the tables never do)"),
        ("last run", f"{facts['run_id']} — {facts['status']}"),
        ("its stages", facts["stages"] or "none recorded"),
        ("report window", f"articles published {facts['window']}"),
        ("articles covered", f"published {facts['published']}"),
        ("tables", str(out)),
    ]
    items = "".join(f"<dt>{html.escape(name)}</dt><dd>{html.escape(value)}</dd>" for name, value in rows)
    return f"<h1>Trade-policy run report</h1><dl class='header'>{items}</dl>"


def events_over_time(over_time: pd.DataFrame) -> str:
    """Stacked bars on a date axis, with the same counts in a table."""
    parts = ["<h2 id='events-over-time'>Events over time, by type</h2>"]
    if over_time.empty:
        return parts[0] + table(over_time)
    binned, name, width = binned_events(over_time)
    # One row per period that has events; its types in one cell (thirteen type columns would not fit the page).
    counts = pd.DataFrame({
        f"{name} from": binned.index.strftime("%Y-%m-%d"),
        "events": binned.sum(axis=1).to_numpy(),
        "by type": [", ".join(f"{t} {n}" for t, n in sorted(row.items(), key=lambda item: (-item[1], item[0]))
                              if n) for _, row in binned.iterrows()],
    })
    parts += ["<p class='note'>Each event is placed on its own date when the text gives a day, week, month or "
              "quarter (a week or quarter on its first day), else on the publication day of its first article; "
              "periods without events stay empty on the axis.</p>",
              _image(events_over_time_chart(binned, name, width), "events over time"), table(counts)]
    return "".join(parts)


def tariff_timeline(figures: dict) -> str:
    """Step charts of the tariff in force per target for the top actors, and the intervals behind them."""
    title = "<h2 id='tariff-timeline'>Tariff in force over time</h2>"
    intervals = figures["timeline"]
    if intervals is None:
        return title + ("<p class='empty'>No <code>tariff_timeline</code> table in these tables yet: "
                        "the events stage writes it.</p>")
    parts = [title, "<p class='note'>Asserted intervals only, for the actors with the most intervals: one panel "
                    "per target country, and one for the pseudo-targets (all countries, all except …, "
                    "unspecified). A suspended, exempted or removed tariff is drawn at 0 %; an interval whose rate "
                    "no report states is left blank; an open interval runs to the window's end.</p>"]
    if intervals.empty:
        parts.append("<p class='empty'>no asserted interval in this window</p>")
    listing = figures["timeline_table"]
    for code in dict.fromkeys(intervals.actor_iso3):
        own = intervals.actor_iso3 == code
        actor = country_name(code)
        parts += [f"<h3>{html.escape(actor)}</h3>",
                  _image(timeline_chart(intervals[own], actor, figures["timeline_end"]), f"tariffs of {actor}"),
                  table(listing[own.to_numpy() & ~intervals.pseudo.to_numpy()], empty="no country targets"),
                  "<p class='note'>Pseudo-targets:</p>",
                  table(listing[own.to_numpy() & intervals.pseudo.to_numpy()], empty="none")]
    parts += ["<h3 id='tariff-pending'>Planned and threatened (not in force)</h3>",
              table(figures["timeline_pending"], empty="none in this window")]
    return "".join(parts)


def bar_section(anchor: str, title: str, frame: pd.DataFrame, labels: list[str], value: str, xlabel: str, *,
                pseudo: pd.DataFrame) -> str:
    """Horizontal bars of column ``value`` of ``frame``, one per label, with the frame beside them; the rows
    aimed at pseudo-targets (all countries, all except …, unspecified) in their own table below."""
    chart = bar_chart(pd.DataFrame({value: frame[value].to_numpy()}, index=labels), title, xlabel
                      ) if not frame.empty else ""
    return (f"<h2 id='{anchor}'>{html.escape(title)}</h2><div class='row'>{_image(chart, title)}"
            f"{table(frame)}</div><p class='note'>Aimed at no one country:</p>{table(pseudo, empty='none')}")


def _swatch(event_type: str) -> str:
    return f"<span class='swatch' style='background:{type_colour(event_type)}'></span>{html.escape(event_type)}"


def _targets(row) -> str:
    if len(row.target_iso3):
        return country_names(row.target_iso3, with_code=True)
    return target_label(None, row.target_scope, row.excluded_iso3, with_code=True)


def events_listing(events: pd.DataFrame) -> str:
    """Every event in a table, each linking to its evidence below: the sentence, headline, date and link."""
    parts = ["<h2 id='events'>Events</h2>"]
    if events.empty:
        return parts[0] + "<p class='empty'>no events</p>"
    listing = pd.DataFrame({
        "type": events.event_type.map(_swatch),
        "actor": events.actor_iso3.map(lambda c: html.escape(country_name(c, with_code=True)) if c else ""),
        "targets": [html.escape(_targets(row)) for row in events.itertuples()],
        "rate": events.rate_value.map(lambda v: "" if pd.isna(v) else f"{v:g}"),
        "date": events.event_date.fillna("").map(html.escape),
        "modality": events.modality.map(html.escape),
        "evidence": events.event_id.map(lambda i: f"<a href='#ev-{html.escape(i)}'>evidence</a>"),
    })
    parts += [table(listing, escape=False), "<h2 id='evidence'>Evidence sentences</h2>"]
    for row in events.itertuples():
        parts.append(f"<p class='evidence' id='ev-{html.escape(row.event_id)}'><b>{_swatch(row.event_type)}</b>: "
                     f"“{html.escape(row.evidence)}”<br><span class='source'>{_source(row)}</span></p>")
    return "".join(parts)


def _source(row) -> str:
    """Where the evidence sentence was read: headline, publication day, link, and how many articles report it."""
    headline = html.escape(row.evidence_headline) if isinstance(row.evidence_headline, str) else "(no headline)"
    url = row.evidence_url if isinstance(row.evidence_url, str) else ""
    if url.lower().startswith(LINK_SCHEMES):
        headline = f"<a href='{html.escape(url, quote=True)}'>{headline}</a>"
    published = (f"{pd.Timestamp(row.evidence_published_at):%Y-%m-%d}" if pd.notna(row.evidence_published_at)
                 else "date unknown")
    others = len(row.article_ids) - 1
    also = f"; reported by {others} more article(s)" if others > 0 else ""
    return f"{headline} — {published}{also}"
