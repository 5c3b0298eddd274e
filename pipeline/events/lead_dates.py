"""A measure's date stated in the sentence before it, which tells the same goods and no measure of its own.

An order's fact sheet often gives the day in one sentence and the measure in the next: "… is ending duty-free
treatment for low-value parcels from China starting May 2, 2025. Parcels … will be subject to all applicable
duties." The first sentence holds no trigger the rules read, so no event tells the date
(`pipeline.events.discourse` lends a date only from a measure told just before); the second is the measure,
undated, and the timeline placed it on the day of the report. When an undated tariff measure names no actor of
its own (it continues the text before it: its actor comes from there, `pipeline.events.discourse`) and the
sentence right before it holds no measure of its own, names the measure's goods and one of its targets, and
states exactly one date, a day, that date is the measure's. A week, a month or a year is not taken: in market copy the sentence
before dates a price move ("Oil futures climbed Friday …") more often than the measure it goes on to name,
and only a day marks an entry into force.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.events.arguments import find_products
from pipeline.events.discourse import ACTOR_FROM_BEFORE
from pipeline.events.resources import EventResources
from pipeline.events.types import TARIFF_TYPES, ArticleInputs, Candidate, TimeRef

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def lead_date(inputs: ArticleInputs, index: int, candidate: Candidate, told: set[int],
              resources: EventResources) -> TimeRef | None:
    """The one date of sentence ``index``, a day, when it names the goods of ``candidate`` and one of its
    targets and holds no measure (``told``: the sentences that hold one); None otherwise."""
    sentence = next((s for s in inputs.sentences if s.index == index), None)
    if sentence is None or index in told:
        return None
    if not any(sentence.start <= p.start and p.end <= sentence.end and p.iso3 in candidate.targets
               for p in inputs.parties):
        return None
    product = candidate.product
    if product not in find_products([inputs.text[sentence.start:sentence.end]], resources):
        return None
    dates = [t for t in inputs.times if sentence.start <= t.start and t.end <= sentence.end
             and t.timex_type == "DATE" and t.value and t.resolved
             and (t.modifier or "") not in resources.blocked_date_modifiers]
    return dates[0] if len(dates) == 1 and _DAY.match(dates[0].value or "") else None


def dated_by_lead_sentence(candidates: list[Candidate], inputs: ArticleInputs,
                           resources: EventResources) -> list[Candidate]:
    """The candidates, an undated tariff measure on named goods whose actor comes from before it with the date
    of the sentence before it (`lead_date`)."""
    told = {c.sentence.index for c in candidates}
    out = []
    for candidate in candidates:
        if candidate.event_type in TARIFF_TYPES and candidate.event_date is None \
                and candidate.product is not None and ACTOR_FROM_BEFORE in candidate.roles_from:
            time = lead_date(inputs, candidate.sentence.index - 1, candidate, told, resources)
            if time is not None:
                candidate = replace(candidate, event_date=time.value,
                                    mention_ids=tuple(sorted({*candidate.mention_ids, time.mention_id})))
        out.append(candidate)
    return out
