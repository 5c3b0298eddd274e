"""The importing government: whose tariff a measure without an actor is, when its sentence says where the goods go.

A tariff is collected at the border of the market the goods enter. A tariff
measure whose sentence names no actor but names that market ("cars shipped into the U.S. from both neighbours, which leaves
them exposed to the 25% tariffs on Canada and Mexico", "a tariff on U.S.-bound exports") is the
measure of that market's government. The words that name the market
(``import_destination`` of ``models/events/arguments.json``) stand right
before the government ("imported into", "shipped to", "exports to") or right
after it ("-bound"). The rule reads tariffs only: an export control or a
sanction falls on goods leaving for a market ("chips exported to China") and is
never that market's measure; and only a sentence naming one such market.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.events.types import TARIFF_TYPES, Candidate, Party


def importing_government(text: str, candidate: Candidate, parties: Sequence[Party],
                         before: re.Pattern[str] | None, after: re.Pattern[str] | None) -> str | None:
    """The iso3 of the one government the candidate's sentence names as the market its goods enter (see the
    module doc), or None: for a measure other than a tariff, or when the sentence names none or several.
    ``before`` matches the words ending right before such a government ("imported into the "), ``after``
    the words right after it ("-bound")."""
    if candidate.event_type not in TARIFF_TYPES or before is None or after is None:
        return None
    sentence = candidate.sentence
    markets = {p.iso3 for p in parties if sentence.start <= p.start and p.end <= sentence.end
               and (before.search(text, sentence.start, p.start) is not None or after.match(text, p.end))}
    return next(iter(markets)) if len(markets) == 1 else None
