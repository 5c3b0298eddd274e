"""Trade-policy events from one article's sentences, cues and normalized rows (pure functions).

`article_events` is the whole per-article path: candidates at every trigger
(`detect`), what a sentence leaves implicit and list items (`discourse`),
arguments from the normalized tables (`arguments`), modality
(`modality`), merging within the article, ids and confidence (`merge`).
`across.merge_events` merges the articles' rows into the ``events`` table.
See docs/events.md for the rules and their limits.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pipeline.events.dates import event_times
from pipeline.events.commentary import without_commentary
from pipeline.events.coordinated import partners_dated_in_turn
from pipeline.events.detect import article_candidates
from pipeline.events.effective import agrees_with_date, with_effective_days
from pipeline.events.discourse import (sanctions_by_target, scope_all_when_unnamed, scope_by_goods,
                                       without_stopped_rates)
from pipeline.events.across import merge_events
from pipeline.events.amendments import amended_orders
from pipeline.events.answers import answers_in_article
from pipeline.events.kept import with_kept_rates
from pipeline.events.lead_dates import dated_by_lead_sentence
from pipeline.events.market import without_market_labels
from pipeline.events.merge import event_rows, is_complete, merge_candidates, without_own_target
from pipeline.events.retype import threat_typed
from pipeline.events.modality import adjacent_cues, future_is_planned, not_yet_in_force
from pipeline.events.resources import EventResources, load_merge_window, load_resources
from pipeline.events.parse_products import products_from_parse
from pipeline.events.section_products import products_from_section
from pipeline.events.background import history_background, is_history
from pipeline.events.types import ArticleInputs


def article_events(inputs: ArticleInputs, resources: EventResources) -> list[dict[str, Any]]:
    """The ``event_mentions`` rows of one article (without ``run_id`` and ``published_month``)."""
    times = event_times(inputs.text, inputs.times, resources.citations, resources.recital_opening)
    # "the Australian dollar", "South Korean shares": a market's name, no government taking part
    inputs = replace(inputs, times=times, parties=without_market_labels(inputs.text, inputs.parties, resources.market))
    candidates = amended_orders(article_candidates(inputs, resources), inputs.text, resources, inputs.times)
    candidates = partners_dated_in_turn(candidates, inputs)  # "deals with Chile in March and Peru last month"
    # goods under the clause, else those of the order's section heading ("Sec. 4. De Minimis Tariff Decrease.")
    candidates = products_from_section(products_from_parse(candidates, inputs, resources), inputs, resources)
    candidates = history_background(candidates, inputs, resources)
    candidates = not_yet_in_force(adjacent_cues(candidates, inputs), inputs.text, resources.syntax,
                                  inputs.times, inputs.published)
    candidates = without_commentary(candidates, inputs, resources.market, resources.syntax)  # an analyst's view
    candidates = with_kept_rates(without_stopped_rates(scope_by_goods(candidates)), inputs, resources)
    candidates = dated_by_lead_sentence(candidates, inputs, resources)  # "… starting May 2. Parcels will …"
    candidates = with_effective_days(candidates, inputs, resources)  # "… takes effect on April 9"
    # a government is no target of its own measure (a merge may join one mention's actor to another's targets)
    events = [without_own_target(e) for e in merge_candidates(candidates)]
    # a measure whose merged reading is a threat ("vowed to impose tariffs") is typed a threat (section 29)
    events = threat_typed(events, inputs.modals)
    # an unnamed answer in a dispute falls on the government it answers ("Beijing also imposed export curbs")
    events = answers_in_article(events, inputs, resources)
    # a tariff said of no country is on every origin; sanctions are one programme per country
    events = sanctions_by_target(scope_all_when_unnamed(events, inputs, resources), inputs, resources)
    # a merged event may have gained a date after the publication date
    events = [replace(e, modality=future_is_planned(e.modality, e.event_date, inputs.published)) for e in events]
    # a merge may join one reading's effective day to another reading's date years apart
    events = [e if agrees_with_date(e, resources) else replace(e, effective_date=None) for e in events]
    # history before the article's window is reported as background
    events = [replace(e, is_background=True) if is_history(e, inputs, resources.syntax) else e for e in events]
    return event_rows(inputs, [e for e in events if is_complete(e)], resources.codes, resources.confidence,
                      hs_codes=resources.hs_codes)


__all__ = ["ArticleInputs", "EventResources", "article_events", "load_merge_window", "load_resources", "merge_events"]
