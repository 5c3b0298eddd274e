"""A government's unnamed measure in an article about a trade dispute falls on the government it answers.

"Washington put 10% tariffs on Chinese goods ... Beijing also imposed export restrictions on some metals": the
second measure names no country, and `discourse.scope_all_when_unnamed` would make it a measure on every
origin. The gold guideline codes a retaliatory measure's target as the government it answers when the article
says so. Read here, at the level of the article (after its mentions are merged, before the unnamed scope):
a measure of an answering type (`ANSWER_TYPES`) whose actor A names no target is on government B when

- the article speaks of a retaliation (``retaliation`` of `arguments.json`: "retaliatory", "countermeasures",
  "in response to", "counter-tariffs" ...), so the measures are told as blow and answer;
- every measure of the article that hits A has the same actor B (one dispute, not a list of A's partners);
- B acts in more of the article's events than A: the answering government is the one the article is not
  about first. Without it a standing measure of B told without its target ("Trump's tariffs on steel") would
  be taken as B's answer to A's answer.

A measure of A that names its targets is left as it is, as is one of a type that answers no one (an exemption,
talks, a deal, sanctions).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from pipeline.events.resources import EventResources
from pipeline.events.types import ArticleInputs, Candidate

# the measures a government takes against another's: duties, their rise, threats of them and curbs on trade;
# the same kinds make a government the one answered (any measure hitting A)
ANSWER_TYPES = frozenset({"tariff_imposed", "tariff_increased", "tariff_threatened", "trade_restriction"})


def answered_government(event: Candidate, events: list[Candidate], acting: Counter[str]) -> str | None:
    """The one government whose measures in ``events`` hit ``event``'s actor, when it acts more often."""
    if event.event_type not in ANSWER_TYPES or event.actor is None or event.targets:
        return None
    hitting = {e.actor for e in events if e.event_type in ANSWER_TYPES and event.actor in e.targets
               and e.actor is not None and e.actor != event.actor}
    if len(hitting) != 1:
        return None
    (other,) = hitting
    return other if acting[other] > acting[event.actor] else None


def answers_in_article(events: list[Candidate], inputs: ArticleInputs,
                       resources: EventResources) -> list[Candidate]:
    """``events`` with each unnamed answer of a dispute put on the government it answers (see the module doc)."""
    if resources.retaliation is None or resources.retaliation.search(inputs.text) is None:
        return events
    acting = Counter(e.actor for e in events if e.actor is not None)
    out = []
    for event in events:
        other = answered_government(event, events, acting)
        out.append(event if other is None else replace(event, targets=(other,), scope="bilateral"))
    return out
