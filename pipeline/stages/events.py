"""Events: the normalized tables → ``event_mentions`` (per article) → ``events`` (merged).

The per-article part runs through `run_stage` like extract and normalize:
each article's rows of every table it reads become an `ArticleInputs`, and
`pipeline.events.article_events` turns them into ``event_mentions`` rows.
Afterwards (`after_batches`) ``events`` is rebuilt from all ``event_mentions``
rows, one row per ``event_id`` (`pipeline.events.merge_events`), in one atomic
write, and then ``tariff_timeline`` from all ``events`` rows
(`pipeline.timeline.build_timeline`, docs/timeline.md), in another.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from pipeline import io
from pipeline.config import Settings
from pipeline.events import article_events, load_merge_window, load_resources, merge_events
from pipeline.events.inputs import article_inputs
from pipeline.events.owned import MEASURE_KINDS, MEASURE_UNIT
from pipeline.events.passing import measure_noun_pattern
from pipeline.events.resources import EventResources
from pipeline.schemas import conform
from pipeline.stages.collector import cycle_collector_paused
from pipeline.stages.spec import BatchResult, StageSpec
from pipeline.timeline import RULE_FILES as TIMELINE_RULES
from pipeline.timeline import build_timeline, load_rules

SPEC = StageSpec(
    name="events",
    reads=("articles", "sentences", "tokens", "mentions", "countries", "officials", "rates", "dates", "quotes"),
    writes=("event_mentions",),
    code=(__name__,),
    rules=("events/arguments.json", "events/products.csv", "events/syntax.json", "events/retype.csv",
           "events/citations.txt", "events/codes.csv", "events/confidence.json", "events/hs_codes.csv",
           "events/market.csv", "events/passing.json", "events/windows.csv",
           *TIMELINE_RULES),
    upstream="normalize",
    # What `article_inputs` reads of each table (mention texts and the like would only cost reading).
    columns={
        "articles": ("text", "body_start", "published_at", "published_month"),
        "sentences": ("sentence_index", "start_char", "end_char", "paragraph_index"),
        "tokens": ("sentence_index", "token_index", "start_char", "end_char", "text", "lemma", "upos", "morph",
                   "head_index", "dep"),
        "mentions": ("mention_id", "kind", "start_char", "end_char", "label", "rule_id"),
        "countries": ("mention_id", "iso3", "start_char", "end_char", "form", "is_dateline"),
        "officials": ("official_id", "country_iso3", "is_former", "mention_ids"),
        "rates": ("mention_id", "start_char", "end_char", "value", "previous_value", "unit", "rate_kind",
                  "applies_to"),
        "dates": ("mention_id", "start_char", "end_char", "timex_type", "value", "modifier", "resolved"),
        "quotes": ("start_char", "end_char", "speaker_official_id", "quote_type", "speaker_name", "speaker_text"),
    },
)
ARTICLE_COLUMNS = ["article_id", *SPEC.columns["articles"]]
# The timeline's storage order: a reader scanning the file sees each sequence of intervals together, in time.
TIMELINE_ORDER = ["actor_iso3", "target_scope", "target_iso3", "product", "status", "valid_from", "timeline_id"]


@lru_cache(maxsize=4)
def resources_for(models_dir: Path) -> EventResources:
    """The events rule data for ``models_dir``, read once per process."""
    return load_resources(models_dir)


def _by_article(table: pa.Table) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in table.to_pylist():
        grouped[row["article_id"]].append(row)
    return grouped


def events_batch(inputs: Mapping[str, pa.Table], settings: Settings) -> BatchResult:
    """Find the events of every article of the batch; isolate an article that fails."""
    with cycle_collector_paused():
        return _article_events(inputs, settings)


def _article_events(inputs: Mapping[str, pa.Table], settings: Settings) -> BatchResult:
    resources = resources_for(settings.models_dir)
    # No trigger, no event: only the articles with a trigger mention become Python rows (most have none),
    # and those with a tariff rate in percent, which may name a measure by its owner alone ("Trump's 25%
    # tariffs", `pipeline.events.owned`): the rule of `may_name_measure` on the whole table.
    mentions, rates = inputs["mentions"], inputs["rates"]
    measure_rates = rates.filter(pc.and_(pc.is_in(rates["rate_kind"], value_set=pa.array(sorted(MEASURE_KINDS))),
                                         pc.equal(rates["unit"], MEASURE_UNIT)))
    # and those with a measure noun, which may name a measure in force in passing ("Trump's steel tariffs",
    # `pipeline.events.passing`)
    articles = inputs["articles"]
    named = articles.filter(pc.match_substring_regex(articles["text"], measure_noun_pattern(resources.passing))) \
        if resources.passing is not None else articles.slice(0, 0)
    triggered = pc.unique(pa.concat_arrays([
        mentions.filter(pc.equal(mentions["kind"], "trigger"))["article_id"].combine_chunks(),
        measure_rates["article_id"].combine_chunks(), named["article_id"].combine_chunks()]))

    def of_triggered(table: pa.Table) -> pa.Table:
        return table.filter(pc.is_in(table["article_id"], value_set=triggered))

    tables = {name: _by_article(of_triggered(inputs[name])) for name in SPEC.reads if name != "articles"}
    result = BatchResult(rows={"event_mentions": []})
    for article in of_triggered(inputs["articles"]).select(ARTICLE_COLUMNS).to_pylist():
        key = article["article_id"]
        try:
            view = article_inputs(article, tables["sentences"][key], tables["mentions"][key],
                                  countries=tables["countries"][key], officials=tables["officials"][key],
                                  rates=tables["rates"][key], dates=tables["dates"][key],
                                  quotes=tables["quotes"][key], tokens=tables["tokens"][key])
            rows = article_events(view, resources)
        except Exception as error:  # one bad article must not stop the batch
            result.failures[key] = f"events failed: {type(error).__name__}: {error}"
            continue
        for row in rows:
            row["published_month"] = article["published_month"]
        result.rows["event_mentions"].extend(rows)
    return result


def _replace_if_changed(settings: Settings, table: str, rows: list[dict[str, Any]], *, run_id: str,
                        sort_by: list[str]) -> int:
    """Replace a whole table with ``rows`` in one atomic write; return the rows written.

    When ``rows`` equal the table already there (ignoring ``run_id``) nothing
    is written and 0 is returned (unless ``--force``), so a night with nothing
    new leaves the table as the run that last changed it wrote it.
    """
    if io.exists(settings.out, table) and not settings.force:
        current = io.read(settings.out, table).drop_columns(["run_id"])
        fresh = conform(table, [{**row, "run_id": run_id} for row in rows]).drop_columns(["run_id"])
        order = [(column, "ascending") for column in sort_by]
        if fresh.sort_by(order).equals(current.sort_by(order)):
            return 0
    for row in rows:
        row["run_id"] = run_id
    return io.replace_table(settings.out, table, rows, sort_by=sort_by)


def rebuild_events(settings: Settings, *, run_id: str) -> int:
    """Replace ``events`` with the merge of every ``event_mentions`` row; return the rows written (0: unchanged)."""
    mentions = io.read(settings.out, "event_mentions").drop_columns(["run_id", io.PARTITION_KEY]).to_pylist()
    articles = io.read(settings.out, "articles", columns=["article_id", "published_at"]).to_pylist()
    published = {a["article_id"]: a["published_at"] for a in articles}
    window_days = load_merge_window(settings.models_dir)
    return _replace_if_changed(settings, "events", merge_events(mentions, published, window_days), run_id=run_id,
                               sort_by=["event_id"])


def rebuild_timeline(settings: Settings, *, run_id: str) -> int:
    """Replace ``tariff_timeline`` with the intervals built from every ``events`` row; rows written (0: unchanged).

    Runs even when ``events`` did not change: the timeline's own rules
    (`models/timeline/`) may have.
    """
    rules = load_rules(settings.models_dir)
    events = io.read(settings.out, "events").to_pylist() if io.exists(settings.out, "events") else []
    return _replace_if_changed(settings, "tariff_timeline", build_timeline(events, rules), run_id=run_id,
                               sort_by=TIMELINE_ORDER)


def after_batches(settings: Settings, *, run_id: str) -> dict[str, int]:
    """After the per-article batches, rebuild ``events`` and then ``tariff_timeline``; rows written per table.

    The rebuild runs every time (it reads small tables): a run killed
    between the batches and this step, or a prune of vanished articles, must
    not leave ``events`` or the timeline stale.
    """
    return {"events": rebuild_events(settings, run_id=run_id),
            "tariff_timeline": rebuild_timeline(settings, run_id=run_id)}
