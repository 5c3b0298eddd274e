"""Which trigger of a clause a date, a rate or an object belongs to, read from the parse.

Word order gives a clause's dates to the nearest trigger and hides an object
from a verb the clause split separates from it. Where the sentence was
parsed, `attachment` follows a date's or a rate's heads to the trigger whose
token or clause they hang on ("slapped a 10% tariff … last week and levied
tariffs … on Monday"), and `shared_objects` lets a reporting verb take the
object of the measure verb coordinated under it ("announced but then delayed 30%
duties on Ruritania and Freedonia"). See docs/events.md, section 2a.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from pipeline.events.resources import EventResources
from pipeline.events.syntax import SentenceParse
from pipeline.events.types import TARIFF_TYPES, Candidate, Cue


def shared_objects(candidates: list[Candidate], parse: SentenceParse | None) -> list[Candidate]:
    """A reporting verb coordinated with a measure verb shares its object ("announced but then delayed 30%
    duties on Ruritania and Freedonia": the announcement is of those levies), which the clause split at
    "but" hides from it: it takes that measure's targets, rate and product when it names none."""
    if parse is None:
        return candidates
    tokens = [parse.at(c.trigger.start, c.trigger.end) for c in candidates]
    out = []
    for candidate, token in zip(candidates, tokens, strict=True):
        if candidate.trigger.reports and token is not None and not candidate.targets and \
                candidate.scope == "unspecified" and candidate.rate_value is None:
            partner = next((other for other, t in zip(candidates, tokens, strict=True)
                            if other is not candidate and t is not None and other.event_type in TARIFF_TYPES
                            and t.dep == "conj" and t.head == token.index), None)
            if partner is not None:
                candidate = replace(candidate, targets=partner.targets, scope=partner.scope,
                                    excluded=partner.excluded, rate_value=partner.rate_value,
                                    rate_previous=partner.rate_previous, product=partner.product,
                                    products=partner.products)
        out.append(candidate)
    return out


def attachment(parse: SentenceParse | None, triggers: list[Cue], resources: EventResources
               ) -> Callable[[int, int], int | None]:
    """``attach(start, end)``: the index of the trigger whose clause the parse hangs a date or rate at
    ``[start, end)`` on ("slapped a 10% tariff … last week and levied tariffs … on Monday": "last week"
    and "10%" belong to "slapped", "Monday" to "levied"), or None when the parse does not tell."""
    if parse is None or resources.syntax is None or len(triggers) < 2:
        return lambda start, end: None
    owners: dict[int, int] = {}
    shared: set[int] = set()  # a clause two triggers share ("impose new tariffs") tells nothing
    for k, trigger in enumerate(triggers):
        token = parse.at(trigger.start, trigger.end)
        if token is not None:
            owners.setdefault(token.index, k)
            clause = parse.clause(token, resources.syntax.clause_verbs)
            if clause.index in owners and owners[clause.index] != k:
                shared.add(clause.index)
            owners.setdefault(clause.index, k)
    owners = {index: k for index, k in owners.items() if index not in shared}

    def attach(start: int, end: int) -> int | None:
        token = parse.at(start, end)
        if token is None:
            return None
        return next((owners[t.index] for t in [token, *parse.chain(token)] if t.index in owners), None)
    return attach
