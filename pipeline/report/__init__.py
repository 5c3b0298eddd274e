"""A self-contained HTML report of what the tables hold, with plots.

One file, no network at view time: plots are matplotlib PNGs embedded as
data URIs, styles inline. Every chart has its numbers in a table beside it,
countries are shown by name (with their code where a reader may join back),
and every event row links to its evidence sentence, headline, date and link
further down the page. The header carries the wall-clock time the report was
written: the report is the one output that does (callers pass it in, so tests
pin it).

Modules: `window` (what is covered, reading the tables), `data` (the figures
as DataFrames), `timeline` (the tariff in force), `names` (countries, colours),
`charts` (matplotlib), `sections` (HTML), `screenshot` (headless Chromium).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pipeline.io import write_text_atomic
from pipeline.report import sections
from pipeline.report.data import TOP, gather
from pipeline.report.window import ReportWindow

__all__ = ["TOP", "ReportWindow", "gather", "render", "write_report"]


def render(out: Path, window: ReportWindow, *, generated_at: datetime) -> str:
    """The report on the tables under ``out`` as one HTML string; ``generated_at`` (UTC) goes in its header."""
    figures = gather(out, window)
    rates, pairs = figures["rates"], figures["pairs"]
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>Trade-policy run report</title>"
             f"<style>{sections.CSS}</style></head><body>",
             sections.header(figures, out, generated_at),
             "<h2 id='counts'>Rows per table</h2>", sections.table(figures["counts"]),
             "<h2 id='rejects'>Rejects by reason</h2>", sections.table(figures["rejects"]),
             sections.events_over_time(figures["over_time"]),
             sections.tariff_timeline(figures),
             sections.bar_section("rates-by-target", "Tariff rates by target country", rates,
                                  list(rates.get("target", [])), "highest rate", "highest rate stated (percent)",
                                  pseudo=figures["rates_pseudo"]),
             sections.bar_section("pairs", "Most active actor → target pairs", pairs,
                                  [f"{a} → {t}" for a, t in zip(pairs.get("actor", []), pairs.get("target", []))],
                                  "events", "events", pseudo=figures["pairs_pseudo"]),
             "<h2 id='speakers'>Most quoted officials</h2>", sections.table(figures["speakers"]),
             sections.events_listing(figures["events"]),
             "</body></html>"]
    return "\n".join(parts)


def write_report(out: Path, output: Path, window: ReportWindow, *, generated_at: datetime) -> Path:
    """Write the report to ``output`` (atomically, with the file mode the umask allows) and return its path."""
    return write_text_atomic(render(out, window, generated_at=generated_at), output)
