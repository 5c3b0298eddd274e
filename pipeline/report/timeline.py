"""The tariff in force over time, from `tariff_timeline`: the rows the step charts and their tables show.

Only asserted intervals move the charts; planned and threatened ones are listed
apart. An interval during which no tariff applies (suspended, exempted,
removed: ``in_force`` false) is drawn at 0 %, so a pause reads as a drop and a
resumption as a rise; an interval whose rate no report states is left as a gap.
An open interval (no ``valid_to``) runs to the report's window end (`window_end`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.report.names import country_name, target_label
from pipeline.report.window import ReportWindow, safe_query, table_exists

TOP_ACTORS = 3  # actors with the most asserted intervals get a chart each
TOP_TARGETS = 8  # countries per actor chart, by number of intervals
PSEUDO_SCOPES = ("all", "all_except", "unspecified")
ALL_GOODS = "all goods"


def _labelled(rows: pd.DataFrame, end: pd.Timestamp) -> pd.DataFrame:
    """Intervals with the names and the values the charts and tables show."""
    valid_from = pd.to_datetime(rows.valid_from)
    valid_to = pd.to_datetime(rows.valid_to)
    pseudo = rows.target_iso3.isna() | rows.target_scope.isin(PSEUDO_SCOPES)
    return rows.assign(
        actor=[country_name(code, with_code=True) for code in rows.actor_iso3],
        target=[target_label(t, s, x) for t, s, x in zip(rows.target_iso3, rows.target_scope, rows.excluded_iso3)],
        target_coded=[target_label(t, s, x, with_code=True)
                      for t, s, x in zip(rows.target_iso3, rows.target_scope, rows.excluded_iso3)],
        pseudo=pseudo,
        goods=rows["product"].fillna(ALL_GOODS),
        start=valid_from,
        # An open interval ends at the window's end, but never before it begins.
        stop=valid_to.fillna(pd.Series(end, index=rows.index)).where(lambda s: s > valid_from,
                                                                     valid_from + pd.Timedelta(days=1)),
        drawn_rate=rows.rate_value.where(rows.in_force, 0.0),
    )


def _top(rows: pd.DataFrame) -> pd.DataFrame:
    """The asserted intervals of the top actors: their top countries and all their pseudo-targets."""
    actors = rows.actor_iso3.value_counts()
    actors = sorted(actors.index, key=lambda code: (-actors[code], code))[:TOP_ACTORS]
    kept = []
    for actor in actors:
        own = rows[rows.actor_iso3 == actor]
        countries = own[~own.pseudo].target_iso3.value_counts()
        chosen = sorted(countries.index, key=lambda code: (-countries[code], code))[:TOP_TARGETS]
        kept.append(own[own.pseudo | own.target_iso3.isin(chosen)])
    return pd.concat(kept, ignore_index=True) if kept else rows.iloc[0:0]


def _listing(rows: pd.DataFrame) -> pd.DataFrame:
    """The intervals as the table beside a chart shows them."""
    return pd.DataFrame({
        "actor": rows.actor, "target": rows.target_coded, "product": rows.goods, "status": rows.status,
        "change": rows.change,
        "rate": rows.rate_value.map(lambda v: "not stated" if pd.isna(v) else f"{v:g}%"),
        "in force": rows.in_force.map({True: "yes", False: "no"}),
        "from": rows.start.dt.strftime("%Y-%m-%d"),
        "to": pd.to_datetime(rows.valid_to).dt.strftime("%Y-%m-%d").fillna("open"),
        "conflict": rows.conflict.map({True: "yes", False: ""}),
    }).reset_index(drop=True)


def window_end(window: ReportWindow, latest_article: pd.Timestamp | None, rows: pd.DataFrame) -> pd.Timestamp:
    """Where open intervals stop: the window's ``until``; without one, the latest day the tables know of.

    That is the latest article's day, or a later interval boundary (a change reported in advance as taking
    effect on a later day), so no interval is cut off before it begins.
    """
    if window.until is not None:
        return pd.Timestamp(window.until)
    days = pd.concat([pd.to_datetime(rows.valid_from), pd.to_datetime(rows.valid_to),
                      pd.Series([latest_article], dtype="datetime64[ns]")]).dropna()
    return days.max() if not days.empty else pd.Timestamp("1970-01-01")


def timeline_figures(out: Path, window: ReportWindow, latest_article: pd.Timestamp | None) -> dict[str, object]:
    """The timeline's figures: ``timeline`` (asserted intervals of the top actors, chart rows), the
    ``timeline_table`` and ``timeline_pending`` (planned, threatened) listings, and ``timeline_end``.

    ``timeline`` is None when the table has not been written (the report then says so in one line).
    """
    if not table_exists(out, "tariff_timeline"):
        return {"timeline": None, "timeline_table": pd.DataFrame(), "timeline_pending": pd.DataFrame(),
                "timeline_end": None}
    rows = safe_query(out, f"SELECT * FROM tariff_timeline WHERE {window.overlapping('valid_from', 'valid_to')} "
                           "ORDER BY actor_iso3, target_scope, target_iso3, product, valid_from, timeline_id",
                      "tariff_timeline")
    end = window_end(window, latest_article, rows[rows.status == "asserted"])
    labelled = _labelled(rows, end)
    asserted = _top(labelled[labelled.status == "asserted"])
    pending = labelled[labelled.status != "asserted"]
    return {"timeline": asserted, "timeline_table": _listing(asserted), "timeline_pending": _listing(pending),
            "timeline_end": end}
