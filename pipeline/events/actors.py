"""The actor of a trigger: the parse decides first, then the word-order rules (`trigger_actor`).

Besides the parse's answer (`pipeline.events.roles.syntax_actor`), an owner written right before a trigger
that modifies a measure noun (`adjacent_owner`) or a government named right after an adjective trigger's
measure noun (`measure_source`) acts; a participle without a subject of its own (`is_passive`) takes the
"by" agent or the owner of its measure. Called by `pipeline.events.detect` for each trigger.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from pipeline.events.absorb import MODIFIER_WORDS
from pipeline.events.arguments import Region, find_actor, owner_in, passive_agent, quote_speaker
from pipeline.events.hedges import RELATIVE_THREAT_RULE
from pipeline.events.resources import EventResources
from pipeline.events.roles import goods_origins, not_actors, reporting_speaker, syntax_actor
from pipeline.events.syntax import POSSESSIVE_MARK_PATTERN, SentenceParse, Token
from pipeline.events.types import TARIFF_TYPES, ArticleInputs, Cue, Party


class Parsed(NamedTuple):
    """The parse of a trigger's sentence and the trigger's head token in it."""

    parse: SentenceParse
    token: Token


def is_passive(text: str, clause: Region, trigger: Cue, resources: EventResources) -> bool:
    """True for a participle without a subject of its own: after a form of "be" ("tariffs were raised",
    "to be imposed"), right after a measure ("tariffs imposed last week"), right before "by" ("requested
    by Washington"), or before a measure as an adjective ("to drop the threatened sanctions")."""
    word = text[trigger.start:trigger.end].lower()
    if word.endswith("ing"):
        return False
    if resources.passive.search(text[clause.start:trigger.start]) is not None:
        return True
    if not word.endswith("ed"):
        return False
    before = [w.lower() for w in re.findall(r"[\w-]+", text[max(clause.start, trigger.start - 30):trigger.start])]
    after = re.findall(r"[\w.’'-]+", text[trigger.end:min(clause.end, trigger.end + 30)])[:3]
    if re.match(r"\s+by\b", text[trigger.end:clause.end]) or (before and resources.owned.fullmatch(before[-1])):
        return True
    adjective = before and (before[-1] in resources.determiners or (len(before) > 1 and before[-2] == "to"))
    return bool(adjective and any(resources.owned.fullmatch(w) for w in after))


def trigger_actor(inputs: ArticleInputs, clause_list: list[Region], index: int, trigger: Cue, part: Region,
           resources: EventResources, origins: frozenset[str],
           syntax: Parsed | None = None) -> tuple[Party | None, str | None, str]:
    """(party, iso3, how) of the actor; ``how`` names the rule that decided it.

    ``origins`` are the mention ids of the article's governments listed as the goods' origins
    (`roles.listed_origins`), never the actor.

    An owner written beside the trigger decides before the parse: the subject of a threat told after its
    measure ("the tariffs Washington had threatened"), the owner right before a measure's trigger
    (`adjacent_owner`), the government named after its measure noun (`measure_source`) and the possessor of
    a noun of intent the trigger completes (`infinitive_owner`: "the US' plans to impose tariffs").
    Then, with a parse, the parse decides (`roles.syntax_actor`: agent,
    subject, controller or owner); when it gives no answer, the word-order
    rules below decide among the parties the parse does not place in a
    target position nor as a modifier of goods (``order``; "for U.S. cars
    granted duty-free treatment": `roles.goods_origins`). A trigger without
    an acting subject (a passive, "tariffs take effect", "new U.S. tariffs") first takes the "by" agent or the owner of the
    measure in its part. Then the subject before the trigger in its clause,
    the "by" agent after it, the earlier clauses of the sentence, and the
    speaker of the quotation it stands in.
    """
    text, clause = inputs.text, clause_list[index]
    if trigger.by_speaker:  # "the duties would trigger countermeasures, X said": X answers, not the duties' owner
        return speaker_actor(inputs, trigger, resources, syntax)
    gap = resources.relative_subject_gap  # auxiliaries and adverbs only: "has repeatedly"
    if trigger.rule_id == RELATIVE_THREAT_RULE and gap is not None:  # "the tariffs Washington had threatened"
        subject = next((p for p in reversed(inputs.parties) if p.end <= trigger.start
                        and gap.fullmatch(text, p.end, trigger.start)), None)
        if subject is not None:
            return subject, subject.iso3, "relative"
    owner = (adjacent_owner(text, trigger, inputs.parties, resources)
             or measure_source(text, trigger, part, inputs.parties, resources)
             or infinitive_owner(text, trigger, inputs.parties, resources))
    if owner is not None:
        return owner, owner.iso3, "adjacent"
    blocked = origins
    if syntax is not None:
        found = syntax_actor(syntax.parse, syntax.token, text, inputs.parties, resources)
        if found is not None:
            return found[0], found[0].iso3, found[1]
        blocked = blocked | not_actors(syntax.parse, syntax.token, inputs.parties, resources) \
            | goods_origins(syntax.parse, inputs.parties, resources)
    if blocked:
        inputs = replace(inputs, parties=tuple(p for p in inputs.parties if p.mention_id not in blocked))
    party = None
    if trigger.label == "trade_restriction":  # "Japan's import restrictions": the owner restricts
        party = owner_in(text, Region(part.start, trigger.end), inputs.parties, resources)
    if party is None and (trigger.agent_only or is_passive(text, clause, trigger, resources)):
        party = passive_agent(text, part, inputs.parties, resources) or owner_in(text, part, inputs.parties,
                                                                                 resources)
    if party is None:
        party = find_actor(text, clause, trigger.start, inputs.parties, resources)
    if party is None:
        party = passive_agent(text, Region(trigger.end, part.end), inputs.parties, resources)
    for earlier in reversed(clause_list[:index]):
        if party is not None:
            break
        party = find_actor(text, earlier, earlier.end, inputs.parties, resources)
    if party is not None:
        return party, party.iso3, "order"
    speaker = quote_speaker(inputs.quotes, trigger.start, inputs.officials)
    return None, speaker, "order" if speaker else "none"


def speaker_actor(inputs: ArticleInputs, trigger: Cue, resources: EventResources,
                  syntax: Parsed | None) -> tuple[Party | None, str | None, str]:
    """The actor of an answer said to follow (role ``speaker``): the official speaking the quotation it stands
    in, else the government reporting it (`roles.reporting_speaker`), else the government right before a
    reporting word (`speaker_by_order`: the parse may hang the speaker elsewhere), else none; never a
    party of its own clause, which names the measure answered ("the decision to slap tariffs on the EU would
    result in countermeasures")."""
    quoted = quote_speaker(inputs.quotes, trigger.start, inputs.officials)
    if quoted is not None:  # '"… they will trigger countermeasures," X said': the quotation's speaker says it
        return None, quoted, "speaker"
    if syntax is not None:
        party = reporting_speaker(syntax.parse, syntax.token, inputs.text, inputs.parties, resources)
        if party is not None:
            return party, party.iso3, "speaker"
    party = speaker_by_order(inputs, trigger, resources)
    if party is not None:
        return party, party.iso3, "speaker"
    return None, None, "none"


# What may stand between a speaker and the reporting word after it: nothing, or an auxiliary ("has said")
_SPEAKER_GAP = re.compile(r"\s+(?:(?:has|had|have)\s+)?")


def speaker_by_order(inputs: ArticleInputs, trigger: Cue, resources: EventResources) -> Party | None:
    """The speaker by word order, when the parse gives none: the government (name, capital, official) right
    before a reporting word (``reporting`` of `arguments.json`) in the trigger's sentence, the nearest before
    the trigger ("… and Commission head Ursula von der Leyen said there would be countermeasures"), else the
    first after it ("…, Ursula von der Leyen said")."""
    sentence = next((s for s in inputs.sentences if s.start <= trigger.start < s.end), None)
    if sentence is None:
        return None
    text = inputs.text

    def reports(party: Party) -> bool:
        gap = _SPEAKER_GAP.match(text, party.end)
        return gap is not None and resources.reporting.match(text, gap.end()) is not None

    inside = [p for p in inputs.parties if sentence.start <= p.start and p.end <= sentence.end and reports(p)]
    before = [p for p in inside if p.end <= trigger.start]
    after = [p for p in inside if p.start >= trigger.end]
    return before[-1] if before else (after[0] if after else None)


# How far after a trigger its measure noun may stand ("retaliatory 25% tariffs"), and the words read there.
OWNED_REACH = 40
_OWNED_WORD = re.compile(r"[\w.%-]+")
# Between an owner and a trigger after it: the possessive ("Trump's postponed"), or for an adjective trigger
# a bare name or adjective too ("Chinese retaliatory").
# The bare apostrophe after a name ending in s ("the US' tariffs") is a possessive too (`POSSESSIVE_MARKS`).
_POSSESSIVE_GAP = re.compile(POSSESSIVE_MARK_PATTERN + r"\s+")
_NAME_GAP = re.compile(POSSESSIVE_MARK_PATTERN + r"?\s+")


def adjacent_owner(text: str, trigger: Cue, parties: tuple[Party, ...], resources: EventResources) -> Party | None:
    """The owner written right before a trigger that modifies a measure noun: before an adjective trigger
    ("Chinese retaliatory tariffs"), or in the possessive ("President Trump's postponed tariffs"). The owner
    acts, whatever the parse or the subject of the clause say: in a list of measures the clause's subject
    acts in none of them."""
    if trigger.label not in TARIFF_TYPES:
        return None
    following = _OWNED_WORD.findall(text[trigger.end:trigger.end + OWNED_REACH])[:MODIFIER_WORDS]
    if not any(resources.owned.fullmatch(w.lower()) for w in following):
        return None
    # a bare name before a verb is its subject ("Washington imposed tariffs"), left to the subject rules
    between = _NAME_GAP if trigger.agent_only else _POSSESSIVE_GAP
    return next((p for p in parties if p.end <= trigger.start and between.fullmatch(text[p.end:trigger.start])),
                None)


def infinitive_owner(text: str, trigger: Cue, parties: tuple[Party, ...], resources: EventResources) -> Party | None:
    """The possessor of the noun an infinitive trigger completes ("despite the US' plans to impose tariffs",
    "Japan's decision to raise duties"): the owner of the plan or decision acts in it, whatever the clause
    around it says; the parser often hangs such an infinitive on the clause's verb, whose subject (a central
    bank in a market report) then passed for the actor. Only nouns of intent (``possessed_infinitive`` of
    `arguments.json`): in "China's exporters to step up offshoring" the exporters act, not China."""
    gap = resources.possessed_infinitive
    if gap is None:
        return None
    return next((p for p in parties if p.end <= trigger.start and gap.fullmatch(text, p.end, trigger.start)), None)


def measure_source(text: str, trigger: Cue, part: Region, parties: tuple[Party, ...],
                   resources: EventResources) -> Party | None:
    """The government a measure comes from, named right after an adjective trigger's measure noun
    ("prompting retaliatory duties from Mexico"): it acts. Only right after the noun: in "new tariffs on
    imports from Mexico" Mexico is the goods' origin."""
    if not trigger.agent_only or resources.measure_source is None:
        return None
    return next((p for p in parties if trigger.end <= p.start < part.end
                 and resources.measure_source.fullmatch(text, trigger.end, p.start)), None)
