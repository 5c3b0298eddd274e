"""A stated tariff rate that a government owns names a measure of its own, with no verb to trigger it.

Market and wire copy often names a measure only as a noun phrase: "digesting
Trump's 25% tariffs on steel imports", "the U.S. 10% tariff on Chinese goods".
No trigger word stands in it (the adjectives "additional", "latest" are too
common to be triggers: "additional tariff cuts", "the latest tariff threat"),
so the rate itself stands for the measure when

- its kind is a tariff, duty or levy in percent,
- a government names its owner right before it: in the possessive, with at most
  two words between ("Trump's 25% tariffs", "the Trump administration's
  additional 10% tariff"; the nouns ``owner_nouns`` of ``models/events/arguments.json``) or as a bare
  name or adjective ("the U.S. 25% tariff"),
- no trigger of a tariff measure stands in its clause (that trigger reads the
  rate: "Trump raised the 10% tariff to 20%").

The cue is an imposition without an acting subject (rule id ending ``:agent``):
its owner acts, its modality and non-event checks are those of any trigger.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.events.arguments import Region
from pipeline.events.types import TARIFF_TYPES, Cue, Party, RateRef

RULE_ID = "rates:tariff_imposed:weak:agent"
THREAT = "tariff_threatened"

MEASURE_KINDS = frozenset({"tariff", "duty", "levy"})
MEASURE_UNIT = "percent"  # the one unit in which a rate may stand for a measure (`may_name_measure`)


def is_owned_rate(cue: Cue) -> bool:
    """True for the cue of a stated rate a government owns (made by `owned_rate_cues`)."""
    return cue.rule_id == RULE_ID


def may_name_measure(kind: str | None, unit: str | None) -> bool:
    """True for a rate that can stand for a measure of its own: a tariff, duty or levy in percent. An
    article with such a rate is read for events even when it holds no trigger word."""
    return kind in MEASURE_KINDS and unit == MEASURE_UNIT


def owned_rate_cues(text: str, rates: Sequence[RateRef], parties: Sequence[Party], triggers: Sequence[Cue],
                    clauses: Sequence[Region], owner_gap: re.Pattern[str]) -> list[Cue]:
    """A cue for each rate of the given ``clauses`` that names a measure of its own (see the module doc);
    ``owner_gap`` matches the words between an owner and its rate (`EventResources.owner_gap`)."""
    out = []
    for rate in rates:
        if not may_name_measure(rate.kind, rate.unit):
            continue
        clause = next((c for c in clauses if c.start <= rate.start < c.end), None)
        # a threat of the clause names a measure to come, the owned rate one in place: "vowed countermeasures
        # against Trump's 25% tariffs" states both
        if clause is None or any(clause.start <= t.start < clause.end and t.label in TARIFF_TYPES
                                 and t.label != THREAT for t in triggers):
            continue
        if any(p.end <= rate.start and owner_gap.fullmatch(text[p.end:rate.start]) for p in parties
               if p.start >= clause.start):
            out.append(Cue(rate.mention_id, rate.start, rate.end, "tariff_imposed", RULE_ID))
    return out
