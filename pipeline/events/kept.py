"""The rate a measure keeps in force: "retaining the remaining rate of 10 percent", "but retain a 10% tariff".

A cut or a partial lift often states the rate left in force in a clause of its own, after a word of keeping
(``kept_rate_words`` of ``models/events/arguments.json``: retain, keep, maintain, remain at). That clause lies
outside the part of the sentence the measure's own rate is read from (`pipeline.events.arguments.choose_rate`),
so a reduction, or the reading of a tariff that still applies beside a lift, had no rate. The rate right after
such a word, in its clause, is the rate in force after the measure: it becomes the rate of a tariff measure that
states none and still applies afterwards (imposed, reduced). A pause states no rate of the measure it stops
(`pipeline.events.discourse.without_stopped_rates`), but one that keeps part of it ("will suspend its 34% tariff
for 90 days, but retain a 10% tariff during the pause") takes the kept rate: the rate in force while it runs
(docs/events.md, section 3). A removal keeps none; the timeline reads it beside a reading of the tariff that
still applies (docs/timeline.md, section 5).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.events.resources import EventResources
from pipeline.events.types import ArticleInputs, Candidate, RateRef

# Measures after which a tariff still applies, or during which (a pause of part of a tariff): the kept rate is
# their rate in force.
KEEPING_TYPES = frozenset({"tariff_imposed", "tariff_reduced", "tariff_suspended"})
# At most this many words between the word of keeping and the rate ("retaining the remaining ad valorem
# rate of 10 percent": five), none of them punctuation that closes the clause.
KEPT_GAP_WORDS = 6
_CLOSES_CLAUSE = re.compile(r"[,;:()]")


def kept_rate(text: str, start: int, end: int, rates: Sequence[RateRef], resources: EventResources) -> RateRef | None:
    """The first trade rate in ``text[start:end]`` stated right after a word of keeping, or None."""
    if resources.kept_rate is None:
        return None
    for rate in sorted(rates, key=lambda r: r.start):
        if not (start <= rate.start and rate.end <= end) or rate.value is None \
                or rate.kind not in resources.rate_kinds or rate.unit not in resources.rate_units:
            continue
        for cue in resources.kept_rate.finditer(text, start, rate.start):
            gap = text[cue.end():rate.start]
            if not _CLOSES_CLAUSE.search(gap) and len(gap.split()) <= KEPT_GAP_WORDS:
                return rate
    return None


def with_kept_rates(candidates: list[Candidate], inputs: ArticleInputs, resources: EventResources) -> list[Candidate]:
    """The candidates, a tariff measure that still applies and states no rate with the rate its sentence keeps
    in force (`kept_rate`)."""
    out = []
    for candidate in candidates:
        if candidate.event_type in KEEPING_TYPES and candidate.rate_value is None:
            sentence = candidate.sentence
            rate = kept_rate(inputs.text, sentence.start, sentence.end, inputs.rates, resources)
            if rate is not None:
                candidate = replace(candidate, rate_value=rate.value, rate_previous=None,
                                    mention_ids=tuple(sorted({*candidate.mention_ids, rate.mention_id})))
        out.append(candidate)
    return out
