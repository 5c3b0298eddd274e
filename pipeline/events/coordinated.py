"""A second measure joined to a tariff measure by "along with", "as well as" and the like.

"Ottawa said it will put new 20% duties on U.S. steel, along with retaliatory
duties on all American farm goods": one verb, two measures. The second has no
trigger word of its own (the verb before it was read once), so it is a
candidate of its own at its noun (`coordinated_measures`): it takes the type,
actor and modality of the candidate whose trigger governs it, its own targets
from the words after it (up to the next comma or trigger), and none of the
first measure's goods, date or duration, which the text states for the
first. A rate written in its own part ("along with 20% levies on Chile",
"and a further 15% tariff on Brazilian imports") is its own. Retyping then
reads it at its own noun: planned "reciprocal tariffs" without a rate are a
threat (`models/events/retype.csv`). A joined measure the joining words call
in force ("on top of existing lumber duties": ``in_force_words`` of
`models/events/passing.json`) is an asserted imposition, whatever the first
measure is (`is_in_force`).

The joining phrases are ``coordinated_measures`` of `models/events/arguments.json`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.events.arguments import Region, find_targets
from pipeline.events.resources import EventResources
from pipeline.events.types import ALL_SCOPES, TARIFF_TYPES, ArticleInputs, Candidate, Cue

# The rule id of a joined measure's trigger: the type is the governing verb's, and the verb's subject acts.
RULE_SUFFIX = "coordinated:weak"
# Added to that id for a joined measure already in force ("on top of existing lumber duties"): asserted, and
# no announcement or entry into force told of the first measure makes it a plan (`is_in_force`).
IN_FORCE_SUFFIX = "in_force"
_PART_END = re.compile(r"[,;:()]")


def coordinated_measures(candidates: list[Candidate], inputs: ArticleInputs,
                         resources: EventResources) -> list[Candidate]:
    """The candidates, each tariff measure followed by the measure joined to it in its sentence, if any."""
    if resources.coordinated is None:
        return candidates
    text = inputs.text
    starts = sorted(c.trigger.start for c in candidates)
    out = []
    for candidate in candidates:
        if candidate.event_type not in TARIFF_TYPES or candidate.actor is None:
            out.append(candidate)
            continue
        sentence = candidate.sentence
        # the measure's part ends at the next trigger of its sentence
        end = next((s for s in starts if candidate.trigger.end < s < sentence.end), sentence.end)
        joined = resources.coordinated.search(text, candidate.trigger.end, end)
        if joined is None:
            out.append(candidate)
            continue
        stop = _PART_END.search(text, joined.end(), end)
        part = Region(joined.end(), stop.start() if stop else end)
        # a rate from the joining phrase to the end of the part ("along with 25% levies"): the joined measure's
        own_rate = next((r for r in inputs.rates if joined.start() <= r.start < part.end and r.value is not None),
                        None)
        out.append(_before(candidate, joined.start(), inputs, resources))
        noun = Cue(candidate.trigger.mention_id, joined.end() - len(joined.group().split()[-1]), joined.end(),
                   candidate.event_type, f"{candidate.trigger.rule_id.split(':')[0]}:{RULE_SUFFIX}")
        found = find_targets(text, part, Region(joined.start(), joined.start()), candidate.actor, inputs.parties,
                             resources)
        if found.scope == "unspecified" and resources.all_scope.search(text, joined.start(), part.end):
            found = found._replace(scope="all")  # "along with reciprocal tariffs": stated for every partner
        # "on top of existing lumber duties": a measure in force, whatever the first one is (a plan, a threat)
        in_force = resources.passing is not None and any(
            w.lower() in resources.passing.in_force_words for w in joined.group().split())
        if in_force:
            noun = replace(noun, label="tariff_imposed", rule_id=f"{noun.rule_id}:{IN_FORCE_SUFFIX}")
        out.append(replace(candidate, trigger=noun, targets=found.iso3,
                           event_type="tariff_imposed" if in_force else candidate.event_type,
                           modality="asserted" if in_force else candidate.modality, scope=found.scope, excluded=found.excluded,
                           rate_value=own_rate.value if own_rate else None,
                           rate_previous=own_rate.previous if own_rate else None,
                           product=None, products=(), event_date=None, duration=None, absorbed=(), target_inherited=False, anaphoric=False,
                           mention_ids=tuple(sorted({noun.mention_id, *(p.mention_id for p in found.parties)}))))
    return out


def is_in_force(cue: Cue) -> bool:
    """True for the cue of a joined measure the text calls in force ("on top of existing lumber duties")."""
    return cue.rule_id.endswith(f"{RULE_SUFFIX}:{IN_FORCE_SUFFIX}")


def _before(candidate: Candidate, joint: int, inputs: ArticleInputs, resources: EventResources) -> Candidate:
    """``candidate`` without the targets named only after the ``joint`` of a joined measure ("20% duties on
    U.S. steel, along with duties on Mexican pork": Mexico is the second measure's). When every target is
    named after it, the first measure keeps what it read, unless its own words state its scope ("25% duties on
    all steel imports, in addition to the 5% levy on Mexican goods": on every origin, Mexico is the second
    measure's)."""
    own = {p.iso3 for p in inputs.parties if p.mention_id in candidate.mention_ids and p.start < joint}
    kept = tuple(t for t in candidate.targets if t in own)
    if not kept:
        stated = find_targets(inputs.text, Region(candidate.trigger.end, joint), Region(joint, joint),
                              candidate.actor, inputs.parties, resources)
        if stated.scope in ALL_SCOPES:
            return replace(candidate, targets=(), scope=stated.scope, excluded=stated.excluded)
        return candidate
    if len(kept) == len(candidate.targets):
        return candidate
    return replace(candidate, targets=kept, scope="bilateral" if len(kept) == 1 else "multilateral")


# Events with two sides that a sentence may list partner by partner, each with its own date.
DATED_IN_TURN_TYPES = frozenset({"agreement", "negotiation"})
_PARTNER_END = re.compile(r"[,;:()]")


def partners_dated_in_turn(candidates: list[Candidate], inputs: ArticleInputs) -> list[Candidate]:
    """The candidates, an agreement or talks with partners each followed by a date of its own ("struck trade deals
    with Chile in March and Peru last month") split into one candidate a partner, dated by its own date: two deals,
    not one with both partners dated by the first date. A partner list without a date after every partner stays
    one candidate."""
    out = []
    for candidate in candidates:
        split = _split_by_partner_dates(candidate, inputs) if candidate.event_type in DATED_IN_TURN_TYPES \
            and len(candidate.targets) > 1 else None
        out.extend(split or [candidate])
    return out


def _split_by_partner_dates(candidate: Candidate, inputs: ArticleInputs) -> list[Candidate] | None:
    """One candidate for each target of ``candidate``, or None unless each target's first mention after the
    trigger in its sentence is followed by a resolved date before the next target (or the end of its part)."""
    sentence_end = candidate.sentence.end
    firsts = []
    for iso3 in candidate.targets:
        mention = next((p for p in sorted(inputs.parties, key=lambda p: p.start)
                        if p.iso3 == iso3 and candidate.trigger.end <= p.start < sentence_end), None)
        if mention is None:
            return None
        firsts.append(mention)
    firsts.sort(key=lambda p: p.start)
    split = []
    for index, mention in enumerate(firsts):
        if index + 1 < len(firsts):
            end = firsts[index + 1].start
        else:
            stop = _PARTNER_END.search(inputs.text, mention.end, sentence_end)
            end = stop.start() if stop else sentence_end
        when = next((t for t in sorted(inputs.times, key=lambda t: t.start)
                     if mention.end <= t.start < end and t.value and t.timex_type == "DATE"), None)
        if when is None:
            return None
        others = {p.mention_id for p in firsts if p is not mention}
        split.append(replace(candidate, targets=(mention.iso3,), scope="bilateral", event_date=when.value,
                             mention_ids=tuple(m for m in candidate.mention_ids if m not in others)))
    if len({c.event_date for c in split}) < 2:
        return None  # one date for all: one event with several partners, as read
    return split
