"""The day a tariff measure takes effect, when its text states it beside the day it is told or announced.

An order announced on one day often takes effect on another: "The increase takes effect on April 9, 2025",
"… effective March 4", and an order's list of amendments introduced by "Effective with respect to goods
entered … on or after 12:01 a.m. eastern daylight time on April 9, 2025:". The event keeps one date
(`pipeline.events.merge`, the first reading's when two disagree), which may be the announcement's; the
timeline needs the day the measure applies from (docs/timeline.md, section 2).

A day is a measure's ``effective_date`` when the words right before it end as ``effective_day_cues`` says
("takes effect on", "goes into effect on", "effective", "from 12:01 a.m. … on", "starting", "as of") and it
stands either in the measure's own sentence, where it belongs to the nearest trigger before it (or after it,
when none stands before: "Effective April 9, the United States raises …") and not to a subordinate clause
without the measure's trigger, or in the lead-in of the list the measure belongs to (`lead_dates.lead_in_sentence`).
Only a day is taken, as for a lead-in's date: a week or month marks no entry into force. A sentence or lead-in
stating two different cued days gives none. After the article's readings are merged, a day before the event's
date, or more than ``effective_within_days`` after it, is dropped (`agrees_with_date`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from pipeline.events.dates import date_range, introduced_as_effective
from pipeline.events.lead_dates import lead_in_sentence
from pipeline.events.resources import EventResources
from pipeline.events.types import TARIFF_TYPES, ArticleInputs, Candidate, TimeRef
from pipeline.views import Sentence

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def cued_days(inputs: ArticleInputs, sentence: Sentence, resources: EventResources) -> list[TimeRef]:
    """The days of ``sentence`` that an effective-day cue introduces, in text order."""
    if resources.effective_cue is None:
        return []
    found = []
    for time in inputs.times:
        if not (sentence.start <= time.start and time.end <= sentence.end) or time.timex_type != "DATE" \
                or not time.resolved or not _DAY.match(time.value or "") \
                or (time.modifier or "") in resources.blocked_date_modifiers:
            continue
        if introduced_as_effective(inputs.text, time, resources.effective_cue, floor=sentence.start):
            found.append(time)
    return sorted(found, key=lambda t: t.start)


def _one(days: list[TimeRef]) -> TimeRef | None:
    """The day when ``days`` name one (several mentions of it allowed); None otherwise."""
    return days[0] if days and len({t.value for t in days}) == 1 else None


def _own_day(candidate: Candidate, inputs: ArticleInputs, triggers: list[int],
             resources: EventResources) -> TimeRef | None:
    """The cued day of the candidate's own sentence that belongs to its trigger (``triggers``: the starts of the
    sentence's triggers): the nearest trigger before the day, or the nearest after it when none stands before;
    a day inside a subordinate clause that does not hold the trigger belongs to that clause ("before they were
    due to take effect on Tuesday, Trump announced a delay": the tariffs', not the delay's)."""
    start = candidate.trigger.start
    sentence = inputs.text[candidate.sentence.start:candidate.sentence.end]
    offset = candidate.sentence.start
    clauses = [(m.start() + offset, m.end() + offset) for m in resources.subordinate.finditer(sentence)]
    days = []
    for time in cued_days(inputs, candidate.sentence, resources):
        before = [t for t in triggers if t < time.start]
        owner = max(before) if before else min(triggers, key=lambda t: t - time.start)
        inside = [(a, b) for a, b in clauses if a <= time.start < b]
        if owner == start and not any(not a <= start < b for a, b in inside):
            days.append(time)
    return _one(days)


def with_effective_days(candidates: list[Candidate], inputs: ArticleInputs,
                        resources: EventResources) -> list[Candidate]:
    """The candidates, each tariff measure with the day its own sentence or its list's lead-in says it takes
    effect (module doc) as ``effective_date``."""
    triggers: dict[int, list[int]] = {}
    for candidate in candidates:  # every measure's trigger: a retaliation's day is not the measure it answers
        triggers.setdefault(candidate.sentence.index, []).append(candidate.trigger.start)
    out = []
    for candidate in candidates:
        if candidate.event_type in TARIFF_TYPES and candidate.modality != "negated":
            time = _own_day(candidate, inputs, triggers[candidate.sentence.index], resources)
            if time is None:
                lead_in = lead_in_sentence(inputs, candidate.sentence.index, resources)
                time = _one(cued_days(inputs, lead_in, resources)) if lead_in is not None else None
            if time is not None:
                candidate = replace(candidate, effective_date=time.value,
                                    mention_ids=tuple(sorted({*candidate.mention_ids, time.mention_id})))
        out.append(candidate)
    return out


def agrees_with_date(candidate: Candidate, resources: EventResources) -> bool:
    """Whether the candidate's effective day can be its measure's, given its date: not before that date, and at
    most ``effective_within_days`` after it ("Trump exempted Australia from the duties in 2018", merged with a
    reading of the 2025 proclamation "effective March 12": the day of another act). Undated, any day can."""
    if candidate.effective_date is None:
        return True
    span = date_range(candidate.event_date)
    if span is None:
        return True
    day = date.fromisoformat(candidate.effective_date)
    return span.start <= day <= span.end + timedelta(days=resources.effective_within_days)
