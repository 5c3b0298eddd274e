"""The events stage: event_mentions per article, events rebuilt by event_id, reruns skip."""

from __future__ import annotations

from pipeline import io
from pipeline.articles import short_hash
from pipeline.config import make_settings
from pipeline.stages.registry import STAGES
from pipeline.stages.events import SPEC

TEXT = "Japan eyes tariff deal\n\nThe Trump administration imposed 24% tariffs on Japanese imports."
SPECS = {"officials": [("Trump", "USA", "trump")], "countries": [("Japanese", "JPN", "demonym")],
         "rates": [("24%", 24.0, "tariff")]}


def _article_row(rows: dict, run_id: str) -> dict:
    article = rows["article"]
    return {**article, "source_id": article["article_id"], "source": None, "source_path": "test.txt", "record": 0,
            "format": "text", "url": None, "categories": [], "headline": article["text"].split("\n")[0],
            "subheadline": None, "dateline": None, "byline": None,
            "published_from": "test", "language": "en", "body_start": article["text"].index("\n\n") + 2,
            "content_hash": short_hash(article["text"]), "trade_relevance": 0.9, "is_trade": True, "run_id": run_id}


def _write_inputs(out, table_rows, text: str = TEXT, specs: dict | None = None) -> None:
    articles = [table_rows(text, article_id=key, published=day, **(SPECS if specs is None else specs))
                for key, day in (("a-late", "2025-05-03"), ("b-early", "2025-05-01"))]
    tables: dict[str, list[dict]] = {name: [] for name in SPEC.reads}
    for rows in articles:
        month = rows["article"]["published_month"]
        tables["articles"].append(_article_row(rows, "r0"))
        for name in SPEC.reads[1:]:
            for row in rows[name]:
                row.setdefault("article_id", rows["article"]["article_id"])
                tables[name].append(_complete(name, row) | {"published_month": month, "run_id": "r0"})
    for name, rows in tables.items():
        io.append_rows(out, name, rows, part_key="test")
        io.ensure_readable(out, name)


def _complete(name: str, row: dict) -> dict:
    """Fill the columns the event rules do not read with plausible values."""
    extra = {"officials": {"name": row.get("official_id"), "title": None, "is_former": False,
                           "organization": None, "wikidata_qid": None, "in_office": None},
             "quotes": {"quote_id": "q", "text": "", "kind": "full", "speaker_name": None, "speaker_text": None,
                        "cue": None, "unbalanced": False},
             "dates": {"granularity": None, "anchor": None}}.get(name, {})
    return {**row, **extra}


def test_stage_writes_mentions_and_merged_events(tmp_path, table_rows):
    settings = make_settings(out=tmp_path, show_progress=False)
    _write_inputs(tmp_path, table_rows)
    report = STAGES["events"](settings, run_id="r1")
    mentions = io.read(tmp_path, "event_mentions").to_pylist()
    events = io.read(tmp_path, "events").to_pylist()
    assert report.written == {"event_mentions": 2, "events": 1, "tariff_timeline": 1}
    assert sorted(m["article_id"] for m in mentions) == ["a-late", "b-early"]
    assert len(events) == 1
    event = events[0]
    assert (event["event_type"], event["actor_iso3"], event["target_iso3"], event["rate_value"]) == (
        "tariff_imposed", "USA", ["JPN"], 24.0)
    assert event["article_ids"] == ["a-late", "b-early"]
    assert event["officials"] == ["trump"]

    again = STAGES["events"](settings, run_id="r2")
    assert (again.skipped, again.rows_in) == (2, 0)
    assert io.read(tmp_path, "events").column("event_id").to_pylist() == [event["event_id"]]

    forced = STAGES["events"](make_settings(out=tmp_path, show_progress=False, force=True), run_id="r3")
    assert forced.written == {"event_mentions": 2, "events": 1, "tariff_timeline": 1}
    assert io.read(tmp_path, "events").column("event_id").to_pylist() == [event["event_id"]]


def test_stage_reads_an_article_whose_only_measure_is_an_owned_rate(tmp_path, table_rows):
    # no trigger word anywhere: the owned rate alone names the measure (`pipeline.events.owned`)
    text = "Steel prices slip\n\nMills are still digesting Peru's 15% duty on Chilean steel."
    specs = {"countries": [("Peru", "PER", "name"), ("Chilean", "CHL", "demonym")],
             "rates": [("15%", 15.0, "duty")]}
    settings = make_settings(out=tmp_path, show_progress=False)
    _write_inputs(tmp_path, table_rows, text, specs)
    STAGES["events"](settings, run_id="r1")
    mentions = io.read(tmp_path, "event_mentions").to_pylist()
    assert sorted((m["article_id"], m["event_type"], m["actor_iso3"], m["rate_value"]) for m in mentions) == [
        ("a-late", "tariff_imposed", "PER", 15.0), ("b-early", "tariff_imposed", "PER", 15.0)]
