"""Amendments of an order: the government that issued the amended instrument acts.

US executive orders and proclamations change a rate by amending the text of
an earlier one: "section 2(a) of Executive Order 14195 is hereby amended by
striking the words "10 percent" and inserting in lieu thereof the words
"20 percent"". The trigger ("amended by striking", models/events/triggers.csv)
has no acting subject, and the rates rule "amendment" gives the inserted rate
with the struck one before it, which makes the measure a rise or a cut
(`pipeline.events.detect`). What the word-order rules cannot know is who acts:
the sentence names no government but the amended instrument, and a party
named in its reasons ("because the PRC has failed to act, section 2(a) … is
amended") is read as the subject. Here an amendment of an instrument that a
government issues (``amended_instruments`` in models/events/arguments.json:
executive orders, proclamations and the tariff schedule of the United States)
is that government's act, and a party read as its actor is its target instead:
a reason names the government the order is about. An order's "shall be
amended" decrees the amendment, as "is hereby amended" does: it is asserted,
not planned (a later day of effect still makes it planned, as for any measure,
`pipeline.events.modality.future_is_planned`). A date in quotation marks in an amendment is words of the
instrument struck or inserted ("by deleting "April 9, 2025," and by inserting "April 10, 2025""), not the day
the amendment acts: the amendment is left undated, to take the day of the list's lead-in
(`pipeline.events.lead_dates`) or of its report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.events.resources import EventResources
from pipeline.events.types import Candidate, TimeRef

# The trigger words of an amendment (the rows of triggers.csv that start with them).
_AMENDING = re.compile(r"amend(?:ed|ing)\b", re.IGNORECASE)


def issuer(sentence: str, resources: EventResources) -> str | None:
    """The government that issues the first instrument of ``amended_instruments`` that ``sentence`` names."""
    found = [(match.start(), iso3) for iso3, pattern in resources.amended_instruments
             for match in [pattern.search(sentence)] if match]
    return min(found)[1] if found else None


def _quoted(text: str, start: int, position: int) -> bool:
    """Whether ``position`` stands inside a quotation opened after ``start`` and not yet closed."""
    before = text[start:position]
    return before.rfind("\u201c") > before.rfind("\u201d")


def _without_quoted_date(candidate: Candidate, text: str, times: Sequence[TimeRef]) -> Candidate:
    """``candidate`` undated when its date is quoted words of the amended instrument."""
    dating = [t for t in times if t.mention_id in candidate.mention_ids and t.value == candidate.event_date]
    if candidate.event_date is None or not dating \
            or not all(_quoted(text, candidate.sentence.start, t.start) for t in dating):
        return candidate
    used = {t.mention_id for t in dating}
    return replace(candidate, event_date=None, mention_ids=tuple(m for m in candidate.mention_ids if m not in used))


def suspended_provisions(text: str, resources: EventResources) -> frozenset[str]:
    """The provisions of a tariff schedule that ``text`` suspends: those named on a line before its words of
    suspension ("(d) heading 9903.01.63 and subdivision (v)(xiii)(10) … are hereby suspended for … 90 days")."""
    if resources.suspended_provision is None or resources.provision_suspension is None:
        return frozenset()
    found: set[str] = set()
    for match in resources.provision_suspension.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        found.update(m.group(0).lower() for m in resources.suspended_provision.finditer(text, line_start, match.start()))
    return frozenset(found)


def sets_suspended_rate(sentence: str, suspended: frozenset[str], resources: EventResources) -> bool:
    """Whether an amendment's ``sentence`` inserts its rate only into provisions the same order suspends."""
    if not suspended or resources.suspended_provision is None:
        return False
    named = {m.group(0).lower() for m in resources.suspended_provision.finditer(sentence)}
    return bool(named) and named <= suspended


def amended_orders(candidates: Sequence[Candidate], text: str, resources: EventResources,
                   times: Sequence[TimeRef] = ()) -> list[Candidate]:
    """``candidates`` with each amendment of a government's instrument acted by that government, and not dated
    by a date quoted from the instrument (``times``: the article's dates). An amendment that inserts a rate
    into provisions the same order suspends (`sets_suspended_rate`) changes no rate in force: it is left out
    ("(b) heading 9903.01.63 … amended by deleting "125%" … inserting "34%"", then "(d) heading 9903.01.63 …
    are hereby suspended for a period of 90 days": the 34% never applies)."""
    suspended = suspended_provisions(text, resources)
    out = []
    for candidate in candidates:
        trigger = candidate.trigger
        sentence = text[candidate.sentence.start:candidate.sentence.end]
        amending = _AMENDING.match(text, trigger.start, trigger.end) is not None
        if amending and candidate.rate_value is not None and sets_suspended_rate(sentence, suspended, resources):
            continue
        acting = issuer(sentence, resources) if amending else None
        if acting is None:
            out.append(candidate)
            continue
        candidate = _without_quoted_date(candidate, text, times)
        if candidate.modality == "planned":  # "the HTSUS shall be amended by deleting …": the order decrees it
            candidate = replace(candidate, modality="asserted")
        if candidate.actor == acting:
            out.append(candidate)
            continue
        targets, scope = candidate.targets, candidate.scope
        if not targets and candidate.actor is not None and (scope == "unspecified" or candidate.target_inherited):
            # "because the PRC has failed to act, … is amended": the order's target. A scope taken from an earlier
            # measure (`discourse`, docs/events.md section 16) was taken for the misread actor: it gives way.
            targets, scope = (candidate.actor,), "unspecified"
        targets = tuple(t for t in targets if t != acting)
        scope = scope if scope != "unspecified" or not targets else \
            "bilateral" if len(targets) == 1 else "multilateral"
        out.append(replace(candidate, actor=acting, targets=targets, scope=scope, actor_official=None))
    return out
