"""Per-field precision of predicted events and the share of fully right rows (pure).

An event is found when type, actor and target match (`trade.event_matches`);
that says nothing about a row whose type is right but whose actor is wrong.
To score each field on its own, every predicted row is first aligned to one
gold event of its article: the gold event it matches, else an unmatched gold
event whose ``evidence_start`` begins the row's evidence sentence, choosing
the one that agrees in most fields. A row aligned to nothing is wrong in
every field. Then, over all predicted rows:

- ``precision_<field>`` = rows aligned to a gold event that agrees in that
  field / predicted rows, for actor, target, type, rate, date and modality;
- ``fully_right`` = rows that agree in all six / predicted rows.

Targets agree as sets (for negotiation and agreement the two sides together,
as the guideline names the first side the actor); an empty gold target agrees
with a row scoped "all" or "all_except". A date agrees when the TIMEX values
are equal (both missing counts as agreement), a rate when the values are.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from pipeline.evaluate.gold import GoldEvent
from pipeline.evaluate.match import Accuracy, normalize_text, same_value

Row = Mapping[str, Any]
SIDES_AS_SET = frozenset({"negotiation", "agreement"})
ALL_SCOPES = frozenset({"all", "all_except"})


def _sides(gold: GoldEvent, row: Row) -> tuple[set[str], set[str]]:
    predicted_targets = set(row.get("target_iso3") or ())
    if gold.event_type in SIDES_AS_SET:
        return ({s for s in (gold.actor_iso3, *gold.target_iso3) if s},
                {s for s in (row.get("actor_iso3"), *predicted_targets) if s})
    return set(gold.target_iso3), predicted_targets


def target_agrees(gold: GoldEvent, row: Row) -> bool:
    """The row names the gold's targets (sets); an empty gold target wants a row scoped all/all_except."""
    gold_sides, predicted = _sides(gold, row)
    if gold.event_type not in SIDES_AS_SET and not gold_sides:
        return (row.get("target_scope") or "") in ALL_SCOPES
    return gold_sides == predicted


def actor_agrees(gold: GoldEvent, row: Row) -> bool:
    """Same actor; for negotiation and agreement the gold actor is one of the row's sides."""
    if (gold.actor_iso3 or None) == (row.get("actor_iso3") or None):
        return True
    return gold.event_type in SIDES_AS_SET and gold.actor_iso3 in _sides(gold, row)[1]


FIELDS: dict[str, Callable[[GoldEvent, Row], bool]] = {
    "actor": actor_agrees,
    "target": target_agrees,
    "type": lambda g, p: g.event_type == p.get("event_type"),
    "rate": lambda g, p: same_value(g.rate_value, p.get("rate_value")),
    "date": lambda g, p: (g.event_date or None) == (p.get("event_date") or None),
    "modality": lambda g, p: (g.modality or None) == (p.get("modality") or None),
}


def agreeing(gold: GoldEvent, row: Row) -> int:
    """How many of the six fields the row and the gold event agree in."""
    return sum(check(gold, row) for check in FIELDS.values())


def evidence_aligns(gold: GoldEvent, row: Row) -> bool:
    """The gold's first words begin (or occur in) the row's evidence sentence."""
    start, evidence = normalize_text(gold.evidence_start or ""), normalize_text(row.get("evidence") or "")
    return bool(start) and start in evidence


def align(expected: Sequence[GoldEvent], found: Sequence[Row], pairs: Sequence[tuple[int, int]]
          ) -> list[GoldEvent | None]:
    """For each predicted row, its gold event: the matched one, else the best by evidence, else None."""
    out: list[GoldEvent | None] = [None] * len(found)
    used = set()
    for g, p in pairs:
        out[p] = expected[g]
        used.add(g)
    for p, row in enumerate(found):
        if out[p] is not None:
            continue
        options = [g for g in range(len(expected)) if g not in used and evidence_aligns(expected[g], row)]
        if options:
            best = max(options, key=lambda g: agreeing(expected[g], row))
            out[p] = expected[best]
            used.add(best)
    return out


def field_precision(expected: Sequence[GoldEvent], found: Sequence[Row], pairs: Sequence[tuple[int, int]]
                    ) -> dict[str, Accuracy]:
    """``precision_<field>`` and ``fully_right`` of one article's predicted rows (see the module doc)."""
    aligned = align(expected, found, pairs)
    out = {f"precision_{name}": Accuracy() for name in FIELDS}
    out["fully_right"] = Accuracy()
    for row, gold in zip(found, aligned, strict=True):
        right = {name: gold is not None and check(gold, row) for name, check in FIELDS.items()}
        for name, ok in right.items():
            out[f"precision_{name}"] += Accuracy(int(ok), 1)
        out["fully_right"] += Accuracy(int(all(right.values())), 1)
    return out
