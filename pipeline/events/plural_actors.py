"""A plural subject that refers back to the countries of one list: one measure for each of them.

"Washington raised tariffs on Chile, Peru and Colombia. Those countries threatened counter-tariffs" (also
"they threatened …"; "they vowed retaliation" names no trigger and is not read, docs/events.md section 20): the subject names no government of its own, and the governments it refers to are
the targets of the latest measure told before it, in its sentence or up to ``discourse_sentences`` before. Each
of them acts: one candidate for each, its other side read as any measure's (a retaliation falls on the
government it answers, `pipeline.events.discourse`). A list of more than ``MAX_REFERRED`` governments is
read as no list a pronoun refers to (a summary of many partners: "tariffs on 14 countries … they …"), and the
measure is left to the actor rules as before. The subjects are ``plural_subjects`` of
`models/events/arguments.json`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.events.resources import EventResources
from pipeline.events.types import TARIFF_TYPES, ArticleInputs, Candidate

# The most governments one plural subject is read to stand for: a short list a reader can take one by one.
MAX_REFERRED = 4
# In `Candidate.roles_from`: the actor is one of the governments a plural subject refers to.
ACTOR_FROM_PLURAL = "actor=plural"


def plural_actors(candidate: Candidate, history: list[Candidate], inputs: ArticleInputs,
                  resources: EventResources) -> list[Candidate] | None:
    """One candidate for each government the plural subject of ``candidate`` refers to, or None when its subject
    is no plural referring subject or no measure before it lists 2 to ``MAX_REFERRED`` governments."""
    if resources.plural_subject is None or not _plural_subject(candidate, inputs, resources.plural_subject):
        return None
    listed = next((e for e in reversed(history)
                   if candidate.sentence.index - e.sentence.index <= resources.discourse_sentences
                   and e.event_type in TARIFF_TYPES and e.targets), None)
    if listed is None or not 2 <= len(listed.targets) <= MAX_REFERRED:
        return None
    readings = []
    for iso3 in listed.targets:
        targets = tuple(t for t in candidate.targets if t != iso3)
        scope = candidate.scope if targets == candidate.targets else \
            "unspecified" if not targets else "bilateral" if len(targets) == 1 else "multilateral"
        readings.append(replace(candidate, actor=iso3, targets=targets, scope=scope, actor_inherited=True,
                                roles_from=candidate.roles_from.replace("actor=none", ACTOR_FROM_PLURAL)))
    return readings


def _plural_subject(candidate: Candidate, inputs: ArticleInputs, subjects: re.Pattern[str]) -> bool:
    """True when the nearest subject on the trigger's path of heads, with its determiner, is a plural referring
    subject ("they", "those countries"); in a sentence without a parse, when its clause opens with one."""
    parse = inputs.parses.get(candidate.sentence.index)
    token = parse.at(candidate.trigger.start, candidate.trigger.end) if parse is not None else None
    if parse is None or token is None:
        opening = inputs.text[candidate.sentence.start:candidate.trigger.start].strip()
        return subjects.match(opening) is not None
    for governor in [token, *parse.chain(token)]:
        found = parse.children(governor, "nsubj")
        if found:
            subject = found[0]
            phrase = " ".join([*(d.text for d in parse.children(subject, "det")), subject.text])
            return subjects.fullmatch(phrase) is not None
    return False
