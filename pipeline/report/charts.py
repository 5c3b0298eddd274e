"""The report's charts: matplotlib figures rendered to PNG data URIs (an empty string when there is nothing to draw).

Times go on real date axes (`matplotlib.dates`), so events a month apart are
drawn a month apart and a quiet week shows as a gap, not as a missing bar.
"""

from __future__ import annotations

import base64
import io as stdio
import math

import pandas as pd

from pipeline.report.names import type_colour

# Bin widths for events over time, tried in order: the first that keeps the chart under MAX_BINS bins.
# Weeks run Monday to Sunday (ISO 8601), as the week values of `dates` do.
BINS = (("day", "D", 1), ("week", "W-SUN", 7), ("month", "M", 30), ("quarter", "Q", 91), ("year", "Y", 365))
MAX_BINS = 60
PANEL_COLUMNS = 2


def _pyplot():
    """pyplot on the Agg backend: the report is drawn without a display."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _data_uri(figure) -> str:
    plt = _pyplot()
    buffer = stdio.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _date_axis(axis) -> None:
    """Concise date labels (a year shown once, months in between) on the x axis."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    axis.xaxis.set_major_locator(locator)
    axis.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def bar_chart(frame: pd.DataFrame, title: str, xlabel: str) -> str:
    """One horizontal bar per row of a one-column frame (its index labels the bars), the first row on top."""
    if frame.empty:
        return ""
    plt = _pyplot()
    figure, axis = plt.subplots(figsize=(5.6, 1.0 + 0.28 * len(frame)), dpi=100)
    frame.iloc[::-1].plot(kind="barh", ax=axis, legend=False, color="#0072B2")
    axis.set_title(title)
    axis.set_xlabel(xlabel)
    axis.set_ylabel("")
    figure.tight_layout()
    return _data_uri(figure)


def choose_bin(first: pd.Timestamp, last: pd.Timestamp) -> tuple[str, str, int]:
    """The finest bin (name, pandas period frequency, days) that spreads ``first``..``last`` over MAX_BINS or fewer."""
    span = (last - first).days + 1
    for name, frequency, days in BINS:
        if math.ceil(span / days) <= MAX_BINS:
            return name, frequency, days
    return BINS[-1]


def binned_events(over_time: pd.DataFrame) -> tuple[pd.DataFrame, str, int]:
    """Events per bin (rows, by the bin's first day) and type (columns); with the bin's name and width in days."""
    days = pd.to_datetime(over_time.day)
    name, frequency, width = choose_bin(days.min(), days.max())
    binned = over_time.assign(bin=days.dt.to_period(frequency).dt.start_time)
    table = binned.pivot_table(index="bin", columns="event_type", values="events", aggfunc="sum", fill_value=0)
    return table, name, width


def events_over_time_chart(table: pd.DataFrame, name: str, width: int) -> str:
    """Stacked bars of `binned_events` on a date axis, one fixed colour per type."""
    if table.empty:
        return ""
    plt = _pyplot()
    figure, axis = plt.subplots(figsize=(10.5, 3.8), dpi=100)
    bottom = pd.Series(0, index=table.index)
    for event_type in table.columns:
        # Bars start on the bin's first day and fill 80% of it, so each sits inside the period it counts.
        axis.bar(table.index, table[event_type], width=width * 0.8, bottom=bottom, align="edge",
                 color=type_colour(event_type), label=event_type, edgecolor="white", linewidth=0.3)
        bottom = bottom + table[event_type]
    _date_axis(axis)
    axis.set_title(f"Events per {name}, by type")
    axis.set_ylabel("events")
    axis.legend(fontsize=7, ncols=2, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    figure.tight_layout()
    return _data_uri(figure)


def _steps(intervals: pd.DataFrame) -> tuple[list, list]:
    """x and y of one step line: each interval flat from its start to its stop, a gap where none is known."""
    xs: list = []
    ys: list = []
    previous_stop = None
    for row in intervals.sort_values("start").itertuples():
        if previous_stop is not None and row.start > previous_stop:
            xs.append(previous_stop)  # nothing known between two intervals: break the line
            ys.append(float("nan"))
        xs += [row.start, row.stop]
        ys += [row.drawn_rate, row.drawn_rate]
        previous_stop = row.stop
    return xs, ys


def timeline_chart(intervals: pd.DataFrame, actor: str, end: pd.Timestamp) -> str:
    """One panel per target of ``actor`` (pseudo-targets together in the last), one step line per product."""
    if intervals.empty:
        return ""
    plt = _pyplot()
    countries = intervals[~intervals.pseudo]
    panels = [(target, countries[countries.target == target]) for target in dict.fromkeys(countries.target)]
    pseudo = intervals[intervals.pseudo]
    if not pseudo.empty:
        panels.append(("pseudo-targets: all countries, all except …, unspecified", pseudo))
    rows = math.ceil(len(panels) / PANEL_COLUMNS)
    figure, axes = plt.subplots(rows, PANEL_COLUMNS, figsize=(10, 0.6 + 2.1 * rows), dpi=100, sharex=True,
                                squeeze=False)
    first = intervals.start.min()
    highest = intervals.drawn_rate.max()  # NaN when no interval states its rate
    top = float(highest) if pd.notna(highest) and highest > 1 else 1.0
    for axis, (title, panel) in zip(axes.flat, panels):
        lines = panel.groupby(["target", "goods"] if panel is pseudo else ["goods"], sort=True)
        for key, line in lines:
            label = " · ".join(key) if isinstance(key, tuple) and len(key) > 1 else (
                key[0] if isinstance(key, tuple) else key)
            xs, ys = _steps(line)
            axis.plot(xs, ys, drawstyle="default", linewidth=1.8, label=label)
        axis.set_title(title, fontsize=9, loc="left")
        axis.set_ylim(-top * 0.05, top * 1.15)
        axis.set_ylabel("tariff %", fontsize=8)
        axis.tick_params(labelsize=7)
        axis.grid(alpha=0.3)
        axis.legend(fontsize=7, loc="upper left", frameon=False)
        _date_axis(axis)
        axis.xaxis.set_tick_params(labelbottom=True)  # every panel shows its dates, not only the bottom row
    for axis in list(axes.flat)[len(panels):]:
        axis.set_visible(False)
    right = max(end, intervals.start.max() + pd.Timedelta(days=1))  # an interval starting after the end still shows
    axes.flat[0].set_xlim(first - pd.Timedelta(days=3), right + pd.Timedelta(days=3))
    figure.suptitle(f"Tariff in force, imposed by {actor} (asserted; suspended or removed drawn at 0 %, "
                    f"rate not stated left blank, open to {end:%Y-%m-%d})", fontsize=9)
    figure.tight_layout()
    return _data_uri(figure)
