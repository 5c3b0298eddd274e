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

An order also dates a list of amendments by the sentence that introduces it: "Effective with respect to goods
entered … on or after … April 9, 2025: (a) heading 9903.01.63 … shall be amended by deleting "34%" … and by
inserting "84%" …; and (b) …". An undated tariff measure in such a list (its sentence and those between it and
the lead-in open with an item marker, ``list_item_markers``), or right after the lead-in, takes the one day the
lead-in states (a sentence ending as ``lead_in_endings`` says, a colon). The day is the list's, so a reading of
the same order dated otherwise (a recital's or another section's day) is another measure and does not merge
with it (`pipeline.events.merge.compatible`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.events.arguments import find_products
from pipeline.events.discourse import ACTOR_FROM_BEFORE
from pipeline.events.resources import EventResources
from pipeline.events.types import TARIFF_TYPES, ArticleInputs, Candidate, TimeRef
from pipeline.views import Sentence

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
    return _one_day(inputs, sentence, resources)


def _one_day(inputs: ArticleInputs, sentence: Sentence, resources: EventResources) -> TimeRef | None:
    """The one date ``sentence`` states, when it is a day; None otherwise."""
    dates = [t for t in inputs.times if sentence.start <= t.start and t.end <= sentence.end
             and t.timex_type == "DATE" and t.value and t.resolved
             and (t.modifier or "") not in resources.blocked_date_modifiers]
    return dates[0] if len(dates) == 1 and _DAY.match(dates[0].value or "") else None


def lead_in_date(inputs: ArticleInputs, index: int, resources: EventResources) -> TimeRef | None:
    """The one day of the sentence introducing the list that sentence ``index`` belongs to, or that it follows
    right after; None when there is none (the sentences between are not all items, the lead-in ends without a
    colon or does not state exactly one date, a day)."""
    lead_in = lead_in_sentence(inputs, index, resources)
    return _one_day(inputs, lead_in, resources) if lead_in is not None else None


def lead_in_sentence(inputs: ArticleInputs, index: int, resources: EventResources) -> Sentence | None:
    """The sentence introducing the list that sentence ``index`` belongs to, or that it follows right after (a
    sentence ending as ``lead_in_endings`` says); None when there is none."""
    by_index = {s.index: s for s in inputs.sentences}
    if resources.list_item is None or resources.lead_in_end is None or index not in by_index:
        return None

    def text(sentence: Sentence) -> str:
        return inputs.text[sentence.start:sentence.end]

    item = resources.list_item.search(text(by_index[index])) is not None
    before = index - 1
    while item and before in by_index and resources.list_item.search(text(by_index[before])) \
            and not resources.lead_in_end.search(text(by_index[before])):
        # "(b) …" after "(a) …": the list goes on; an item ending as a lead-in ("(c) modify the HTSUS, effective
        # … on May 14, 2025, as follows:") opens a list of its own, whose items ("(i) …") it introduces
        before -= 1
    lead_in = by_index.get(before)
    if lead_in is None or not resources.lead_in_end.search(text(lead_in)):
        return None
    return lead_in


def dated_by_lead_sentence(candidates: list[Candidate], inputs: ArticleInputs,
                           resources: EventResources) -> list[Candidate]:
    """The candidates, an undated tariff measure in a list with the day of the list's lead-in (`lead_in_date`),
    and one on named goods whose actor comes from before it with the date of the sentence before it
    (`lead_date`)."""
    told = {c.sentence.index for c in candidates}
    out = []
    for candidate in candidates:
        if candidate.event_type in TARIFF_TYPES and candidate.event_date is None:
            time = lead_in_date(inputs, candidate.sentence.index, resources)
            if time is not None:
                candidate = replace(candidate, event_date=time.value, dated_by_lead_in=True,
                                    mention_ids=tuple(sorted({*candidate.mention_ids, time.mention_id})))
        if candidate.event_type in TARIFF_TYPES and candidate.event_date is None \
                and candidate.product is not None and ACTOR_FROM_BEFORE in candidate.roles_from:
            time = lead_date(inputs, candidate.sentence.index - 1, candidate, told, resources)
            if time is not None:
                candidate = replace(candidate, event_date=time.value,
                                    mention_ids=tuple(sorted({*candidate.mention_ids, time.mention_id})))
        out.append(candidate)
    return out
