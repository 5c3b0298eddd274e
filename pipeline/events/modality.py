"""The modality of an event from the cues of its clause and its date.

Rules, in order: a threat trigger is ``threatened``; a negation cue ("not",
"refused to") at most ``negation_words`` words before the trigger, with only
articles, auxiliaries and support verbs between ("did not reach a deal", not
"not honoring the agreement"), makes it ``negated``; a conditional cue ("if", "once", "unless", "whether") anywhere in
the clause makes it ``possible``; otherwise the nearest cue before the trigger
within ``modal_words`` words decides (will, scheduled → planned; warned →
threatened; could, considering → possible); with no cue the event is
``asserted`` — unless its date lies after the publication date, which makes
it ``planned``. Cues inside the trigger ("no tariffs on") do not count.

Whatever path read the modality, a trigger inside a conditional span of its
clause — from "if" (not "if any") or "unless" to the next comma or
subordinating word ("after", "before", "because" …), or from a "should" that
opens the clause or follows a comma (`in_condition`) — is at most ``possible``: "If Washington goes ahead with
lifting duties to 60%, …" reports no raise, and the parse often
hangs the "if" on a verb the trigger does not reach. A tariff measure inside a span that states a
condition (`states_condition`; not an "if" that asks whether: "determine if a duty should be imposed")
is dropped by `detect`.

A tariff imposition or increase still to take effect is ``planned``, not
``asserted`` (`not_yet_in_force`): one a reporting trigger names as a noun of announcement or plan
("the announcement of 25% tariffs on steel", ``plan_report_nouns``; the verb "announced 25% tariffs"
reports a measure taken, asserted) unless the
sentence says it is in force ("took effect", "imposed", ``in_force_phrases``
of ``models/events/syntax.json``) or tells its later fate (a suspension,
removal or cut in the same sentence: "announced but then delayed 25%
levies"), and one whose entry into force follows
the trigger ("China's retaliatory tariffs … are set to take effect",
``entry_phrases``) on no date past by more than a day (publication stamps are UTC), and one whose trigger names a promise ("Trump's pledge of 25% tariffs",
``promise_triggers``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from pipeline.events.arguments import Region
from pipeline.events.coordinated import is_in_force
from pipeline.events.dates import date_range
from pipeline.events.resources import EventResources, SyntaxRules
from pipeline.events.text import words_between
from pipeline.events.types import TARIFF_TYPES, TWO_SIDED, ArticleInputs, Candidate, Cue, TimeRef


def choose_modality(event_type: str, trigger: Cue, clause: Region, text: str, cues: Sequence[Cue],
                    resources: EventResources) -> tuple[str, Cue | None]:
    """``(modality, the cue that decided it or None)`` for the event at ``trigger``."""
    local = [c for c in cues if clause.start <= c.start and c.end <= clause.end
             and (c.end <= trigger.start or c.start >= trigger.end)]
    before = [c for c in local if c.end <= trigger.start]
    for cue in reversed(before):
        between = re.findall(r"\w+", text[cue.end:trigger.start].lower())
        if cue.label == "negated" and len(between) <= resources.negation_words and \
                all(word in resources.negation_transparent for word in between):
            return "negated", cue
    if event_type == "tariff_threatened":
        return "threatened", None
    for cue in local:
        if cue.label == "conditional":
            return "possible", cue
    for cue in reversed(before):
        if cue.label in ("planned", "threatened", "possible") and \
                words_between(text, cue.end, trigger.start) <= resources.modal_words:
            return cue.label, cue
    return "asserted", None


def in_condition(text: str, clause: Region, trigger: Cue, resources: EventResources) -> bool:
    """True when ``trigger`` lies inside a conditional span of ``clause`` ("if … ,", "should Ottawa impose …")."""
    body = text[clause.start:clause.end]
    offset = trigger.start - clause.start
    return any(m.start() <= offset < m.end() for m in resources.condition.finditer(body))


def states_condition(text: str, clause: Region, trigger: Cue, resources: EventResources) -> bool:
    """True when ``trigger`` lies inside a conditional span of ``clause`` that states a condition: not one
    whose "if" asks a question after one of ``question_openers`` ("to determine if a duty should be imposed"
    asks whether a duty will come, a possible measure)."""
    body = text[clause.start:clause.end]
    offset = trigger.start - clause.start
    for span in resources.condition.finditer(body):
        if span.start() <= offset < span.end():
            before = re.findall(r"[\w'’-]+", body[:span.start()].lower())
            if not before or before[-1] not in resources.question_openers:
                return True
    return False


def conditional(modality: str, text: str, clause: Region, trigger: Cue, resources: EventResources) -> str:
    """``possible`` for an asserted or planned measure inside a conditional span (`in_condition`), else
    ``modality``. Talks and deals are left alone: a noun such as "its agreement" in "if Japan honors its
    agreement" names one that exists."""
    if trigger.label not in TWO_SIDED and modality in ("asserted", "planned") and \
            in_condition(text, clause, trigger, resources):
        return "possible"
    return modality


def period_start(value: str) -> date | None:
    """First day of a TIMEX3 date value (``2025``, ``2025-06``, ``2025-05-01``, ``2025-W18``, ``2025-Q2``,
    ``2025-SU``), or None."""
    period = date_range(value)
    return period.start if period else None


def future_is_planned(modality: str, event_date: str | None, published: date | None) -> str:
    """Turn ``asserted`` into ``planned`` when the event's date starts after the publication date."""
    if modality != "asserted" or not event_date or published is None:
        return modality
    start = period_start(event_date)
    return "planned" if start is not None and start > published else modality


# Words that may stand between a cue and the trigger it governs ("plans to impose").
ADJACENT_GAP = re.compile(r"\s*(?:to\s+)?")


def adjacent_cues(candidates: list[Candidate], inputs: ArticleInputs) -> list[Candidate]:
    """The candidates, an ``asserted`` one taking the modality of a cue right before its trigger.

    "is considering imposing 10% tariffs": a planned, threatened or possible cue
    with nothing but "to" between it and the trigger governs it, whatever the
    parse says: the parser may hang a gerund on its own object ("imposing" as a
    modifier of "tariffs") and so cut the trigger from the verb above it. Tariff
    measures only: talks and deals keep the modality their clause gives them."""
    out = []
    for candidate in candidates:
        if candidate.modality == "asserted" and candidate.event_type in TARIFF_TYPES:
            start = candidate.trigger.start
            cue = next((c for c in inputs.modals if c.end <= start and c.label in ("planned", "threatened", "possible")
                        and ADJACENT_GAP.fullmatch(inputs.text, c.end, start)), None)
            if cue is not None:
                candidate = replace(candidate, modality=cue.label)
        out.append(candidate)
    return out


# How many words may stand between a measure and the phrase of its entry into force ("levies on certain Ruritanian
# exports are set to take effect").
ENTRY_WORDS = 8
# Publication stamps are UTC; a story written on a U.S. evening is stamped the next day, and its "today" is the day
# before the stamp.
ENTRY_SLACK = timedelta(days=1)
RAISES = frozenset({"tariff_imposed", "tariff_increased"})
UNDOING = frozenset({"tariff_suspended", "tariff_removed", "tariff_reduced"})


def _entry_follows(text: str, candidate: Candidate, entry: re.Pattern[str],
                   times: Sequence[TimeRef] = (), published: date | None = None) -> bool:
    """True when the measure's entry into force follows its trigger within ``ENTRY_WORDS`` words, unless the
    date the entry phrase names starts before the publication date by more than ``ENTRY_SLACK`` ("to go into
    effect Feb. 4" in a story of Feb. 10): that entry is told, not still to come. An entry on the day of
    publication ("are set to take effect today") is still to come."""
    found = entry.search(text, candidate.trigger.end, candidate.sentence.end)
    if found is None or words_between(text, candidate.trigger.end, found.start()) > ENTRY_WORDS \
            or re.search(r"[;:]", text[candidate.trigger.end:found.start()]) is not None:
        return False
    entry_date = next((t for t in sorted(times, key=lambda t: t.start) if t.timex_type == "DATE" and t.value
                       and found.end() <= t.start < candidate.sentence.end), None)
    start = period_start(entry_date.value) if entry_date is not None and entry_date.value else None
    # "are set to take effect today" in a story stamped just after midnight UTC: the day of writing may be the
    # day before the stamp, so an entry on that day (or the stamp's) is still to come when written
    return start is None or published is None or start >= published - ENTRY_SLACK


def _first_trigger_word(text: str, candidate: Candidate) -> str | None:
    words = re.findall(r"[\w'’-]+", text[candidate.trigger.start:candidate.trigger.end].lower())
    return words[0] if words else None


def _names_plan(text: str, candidate: Candidate, rules: SyntaxRules) -> bool:
    """True when a reporting trigger names the announcement or plan as a noun ("announcement of tariffs",
    "plans for a 25% tariff", ``plan_report_nouns``); a reporting verb ("announced 25% tariffs") reports
    a measure taken."""
    if not candidate.trigger.reports:
        return False
    # "Reagan to announce decision on sanctions": an infinitive announcement is still to come
    to_come = re.search(r"\bto\s+$", text[max(0, candidate.trigger.start - 4):candidate.trigger.start], re.I)
    return to_come is not None or _first_trigger_word(text, candidate) in rules.plan_report_nouns


def _promised(text: str, candidate: Candidate, rules: SyntaxRules) -> bool:
    """True when the trigger itself names a promise ("Trump's pledge of 25% tariffs", ``promise_triggers``)."""
    return _first_trigger_word(text, candidate) in rules.promise_triggers


def not_yet_in_force(candidates: list[Candidate], text: str, rules: SyntaxRules | None,
                     times: Sequence[TimeRef] = (), published: date | None = None) -> list[Candidate]:
    """The candidates, an ``asserted`` imposition or increase that is announced, or whose entry into force
    is still to come, made ``planned`` (module doc)."""
    if rules is None:
        return candidates
    # "announced but then delayed 25% levies": a sentence that tells the measure's later fate tells history
    undone = {c.sentence.index for c in candidates if c.event_type in UNDOING}
    out = []
    for candidate in candidates:
        # "…, on top of existing lumber duties": the plan told of the first measure is not the joined one's
        if candidate.modality == "asserted" and candidate.event_type in RAISES and not is_in_force(candidate.trigger):
            sentence = text[candidate.sentence.start:candidate.sentence.end]
            announced = _names_plan(text, candidate, rules) and rules.in_force.search(sentence) is None \
                and candidate.sentence.index not in undone
            entry = _entry_follows(text, candidate, rules.entry, times, published)
            if announced or entry or _promised(text, candidate, rules):
                candidate = replace(candidate, modality="planned")
        out.append(candidate)
    return out
