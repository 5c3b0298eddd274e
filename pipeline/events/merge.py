"""Merging an article's candidates into events, event ids and keys, the rules' score, ``event_mentions`` rows.

Within an article, a candidate joins an earlier event of the same type when
nothing contradicts it: the same polarity (negated or not), and the actor,
the targets, the rate, the date, the duration and the product are each equal
or missing on one side (a date may be a finer form of the other: ``2025-06``
and ``2025-06-12``); for talks and deals the two sides compare as a set.
Products also agree when one mention's are among the other's ("steel" and
"steel and aluminum"). A bare reference to a tariff measure — no rate, no
product, no target or stated scope ("Trump's new tariff plan" in a headline,
"the tariffs") — joins a measure of the same type and actor dated at most
``REFERENCE_DAYS`` apart: its date is the day it was reported, not the
measure's, and the measure's date is kept (two bare mentions dated apart
stay apart, and a headline's "new round of tariff cuts" in April is not
January's cut). A measure told by its name and no goods and one on goods with no
name stay two (`named_apart`), checked against every reading an event merged, not
only the merged fields. The merged event keeps the first mention's evidence and fills what
it lacked.

``event_id`` hashes the normalized event — type, actor, sorted targets,
scope, excluded countries, rate, date at its granularity, product and
polarity (plus, for demands and talks, the acting official, for talks the
modality, and for undated demands and talks the publication month) — never
the article, so the same event reported by several articles gets one id;
for talks and deals the sides enter as a sorted set. ``event_key`` hashes the
same without any date; `across` merges rows across articles by it.

The rules' score (``rule_score``, 0–1) = base + actor + target + rate + date, capped at 1:
base 0.5 for a strong trigger (a phrase that names the measure: "tariff
hike", "urged", "trade talks") or 0.35 for a generic word confirmed by a
context word ("raise … tariffs"); +0.2 when the actor was found in the
sentence (+0.1 when carried over from an earlier sentence); +0.15 when the
target was found or a scope stated (+0.075 when carried over); +0.1 with a
tariff rate; +0.05 with a date. The ``confidence`` column calibrates it
(`pipeline.events.confidence`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from pipeline.articles import short_hash
from pipeline.events.confidence import ConfidenceModel, calibrated, features
from pipeline.events.codes import CodeTable, codes_for
from pipeline.events.hs import HsTable, hs_codes_for
from pipeline.events.dates import date_range, dates_agree, dates_near
from pipeline.events.types import ALL_SCOPES, TARIFF_TYPES, TWO_SIDED, ArticleInputs, Candidate

BASE_STRONG, BASE_WEAK = 0.5, 0.35
# Events individuated by who acts: two officials' demands or meetings are two events.
INDIVIDUAL = ("demand", "negotiation")
ACTOR, TARGET, RATE, DATE = 0.2, 0.15, 0.1, 0.05
# A bare reference's date is the day it was reported, near the measure's; further apart, it names another measure.
REFERENCE_DAYS = 7


def _same_or_missing(a: object, b: object) -> bool:
    return a is None or b is None or a == b


def _finer(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a or b
    return a if len(a) >= len(b) else b


def _products_agree(first: Candidate, second: Candidate) -> bool:
    """Equal or missing products, or one mention's products among the other's ("steel" in "steel and aluminum")."""
    if _same_or_missing(first.product, second.product):
        return True
    a, b = set(first.products or (first.product,)), set(second.products or (second.product,))
    return a <= b or b <= a


def without_own_target(event: Candidate) -> Candidate:
    """``event`` without its actor among its targets: a government is no target of its own measure. A
    merge can join an actor read in one mention to the targets of another ("promised 'reciprocal' tariffs"
    whose actor was carried over from a list item naming the same country); a scope read from the targets
    is read again from those left, and a stated scope ("all") stays."""
    if event.actor is None or event.actor not in event.targets:
        return event
    targets = tuple(t for t in event.targets if t != event.actor)
    scope = event.scope
    if scope in ("bilateral", "multilateral"):
        scope = "bilateral" if len(targets) == 1 else "multilateral" if targets else "unspecified"
    return replace(event, targets=targets, scope=scope)


def is_bare(event: Candidate) -> bool:
    """True for a bare reference to a tariff measure: no rate, product, target or stated scope ("the tariffs")."""
    return (event.event_type in TARIFF_TYPES and event.rate_value is None and event.product is None
            and not event.targets and event.scope == "unspecified")


def recital_then_step(first: Candidate, second: Candidate) -> bool:
    """Whether ``first`` is a tariff measure told only as possible and without a rate and ``second`` the
    asserted or planned step of that measure with its rate: an order's recital of what it may do ("I may
    further modify the schedule to increase the duties") and the step it takes ("deleting "34%" and inserting
    "84%""). The merge is the step (`combine`), which the recital only completes; kept first, the recital's
    modality and evidence took the step off the timeline. Two readings that differ only in their hedge
    ("India is considering tariff cuts", "Modi is preparing tariff cuts", neither with a rate) merge as any
    others, the first's modality kept."""
    return (first.event_type in TARIFF_TYPES and first.modality == "possible" and first.rate_value is None
            and second.modality in ("asserted", "planned") and second.rate_value is not None)


def compatible(first: Candidate, second: Candidate) -> bool:
    """True when ``second`` can be the same event as ``first`` (see the module doc)."""
    if first.event_type != second.event_type or (first.modality == "negated") != (second.modality == "negated"):
        return False
    if (first.dated_by_lead_in or second.dated_by_lead_in) and not dates_agree(first.event_date, second.event_date):
        # an order's list dated by its lead-in ("Effective … on or after April 9, 2025: (a) … deleting "34%" and
        # inserting "84%""): a reading of the same order dated otherwise (a recital's or another section's day)
        # is another of its measures, not this one's day
        return False
    if first.trigger.mention_id == second.trigger.mention_id and \
            (first.trigger.start, first.trigger.end) != (second.trigger.start, second.trigger.end):
        # a measure joined to another ("will announce 12% tariffs on copper, as well as reciprocal tariffs",
        # `pipeline.events.coordinated`) is read from its verb's trigger at its own noun: two measures by
        # construction, though both are planned impositions
        return False
    if named_apart(first, second):
        return False
    if first.event_type in INDIVIDUAL and first.actor_official and second.actor_official and \
            first.actor_official != second.actor_official:
        return False  # Ishiba's demand and Akazawa's are two demands
    if first.event_type in TWO_SIDED:
        if not (first.sides <= second.sides or second.sides <= first.sides):
            return False
        if first.event_type == "negotiation" and first.modality != second.modality and not (
                first.anaphoric or second.anaphoric):
            return False  # a meeting held and talks planned are two events; "the talks" are the ones before
    else:
        if not _same_or_missing(first.actor, second.actor):
            return False
        a = (first.targets, first.scope, first.excluded)
        b = (second.targets, second.scope, second.excluded)
        if first.scope != "unspecified" and second.scope != "unspecified" and a != b:
            return False
        actor = first.actor or second.actor
        if actor in first.targets + second.targets:  # a government does not act on itself
            return False
    # the same measure is dated by its announcement and by its entry into force: once actor and targets
    # agree, two dates of one measure do not make two measures
    same_measure = (first.event_type in TARIFF_TYPES and first.actor is not None and first.actor == second.actor
                    and bool(first.targets) and first.targets == second.targets)
    # "Trump's new tariff plan" and "Trump will impose 25% tariffs on steel on Monday": one measure (two bare
    # mentions dated apart stay two: neither names the measure)
    reference = (first.actor is not None and first.actor == second.actor and is_bare(first) != is_bare(second)
                 and dates_near(first.event_date, second.event_date, REFERENCE_DAYS))
    return (_same_or_missing(first.rate_value, second.rate_value)
            and (same_measure or reference or dates_agree(first.event_date, second.event_date))
            and _same_or_missing(first.duration, second.duration) and _products_agree(first, second))


def named_apart(first: Candidate, second: Candidate) -> bool:
    """Whether one reading tells a measure by its name and no goods, the other a measure on goods and no name.

    "will impose 25% tariffs on steel … plans to introduce reciprocal tariffs": a measure told by its name and
    one on goods are two measures of the same actor on all, however alike their other fields.
    """
    named, other = (first, second) if first.named else (second, first)
    return (first.event_type in TARIFF_TYPES and not other.named and named.named and bool(other.products)
            and not named.products)


def dated_by_plan(first: Candidate, second: Candidate) -> bool:
    """Whether ``second`` is a plan that gives an undated report ``first`` its goods and its day.

    "Trump announced more trade tariffs" (asserted, no goods, no day) and, further on, "Trump on Sunday said
    he will impose 25% tariffs on aluminum and steel" (planned): the report tells of the plan, and the day and
    goods the merge takes are the plan's; kept asserted, the merge would read as a measure taken on Sunday.
    """
    return (first.event_type in TARIFF_TYPES and first.modality == "asserted" and second.modality == "planned"
            and first.event_date is None and second.event_date is not None
            and first.product is None and second.product is not None)


def combine(first: Candidate, second: Candidate) -> Candidate:
    """``first`` with what only ``second`` knows; evidence and modality stay the first's, but for a report
    dated by a plan (`dated_by_plan`), which takes the plan's modality, and for a recital followed by its
    step (`recital_then_step`), which is the step completed by the recital."""
    if recital_then_step(first, second):
        return combine(second, first)
    take_actor = first.actor is None and second.actor is not None
    actor = second.actor if take_actor else first.actor
    if first.event_type in TWO_SIDED:  # the sides are the union, the first-named side stays the actor
        targets = tuple(sorted((first.sides | second.sides) - {actor}))
        take_targets = targets != first.targets
        scope = "bilateral" if len(targets) == 1 else "multilateral" if targets else "unspecified"
    else:
        take_targets = first.scope == "unspecified" and second.scope != "unspecified"
        targets = second.targets if take_targets else first.targets
        scope = second.scope if take_targets else first.scope
    return replace(
        first,
        modality=second.modality if dated_by_plan(first, second) else first.modality,
        actor=actor,
        actor_official=second.actor_official if take_actor else first.actor_official,
        actor_inherited=second.actor_inherited if take_actor else first.actor_inherited,
        targets=targets,
        scope=scope,
        excluded=second.excluded if take_targets and first.event_type not in TWO_SIDED else first.excluded,
        target_inherited=second.target_inherited if take_targets else first.target_inherited,
        rate_value=first.rate_value if first.rate_value is not None else second.rate_value,
        rate_previous=first.rate_previous if first.rate_value is not None else second.rate_previous,
        event_date=_finer(first.event_date, second.event_date) if dates_agree(first.event_date, second.event_date)
        else second.event_date if is_bare(first) and not is_bare(second) else first.event_date,
        duration=first.duration or second.duration,
        named=first.named or second.named,
        product=first.product or second.product,
        products=first.products if len(first.products) >= len(second.products) else second.products,
        officials=tuple(sorted(set(first.officials) | set(second.officials))),
        mention_ids=tuple(sorted(set(first.mention_ids) | set(second.mention_ids))),
        strong=first.strong or second.strong,
        is_background=merged_background(first, second),
        dated_by_lead_in=first.dated_by_lead_in or second.dated_by_lead_in,
        effective_date=first.effective_date or second.effective_date,
    )


def identifies(candidate: Candidate) -> bool:
    """Whether a reading names what tells its event apart: a target or a date."""
    return candidate.scope != "unspecified" or candidate.event_date is not None


def merged_background(first: Candidate, second: Candidate) -> bool:
    """Whether the merge of two readings of one article is background: when every reading that names a
    target or a date (`identifies`) is, or, when neither does, both are.

    "then-President Biden … exempted steel articles from Ukraine" (history: the Ukraine exemption of 2022)
    merged with "countries exempted from the duties" of the same proclamation, which names no country nor
    day: the second only repeats the measure the first identifies, so it cannot make that measure news.
    A reading of its own target or date that is news still makes the merge news ("news once, news").
    Only tariff measures are read so: a talk or a deal is told by readings naming one side each ("Abe met
    Senate leaders", "as Abe was holding Senate meetings" with the other side), none of which only repeats.
    """
    if first.event_type not in TARIFF_TYPES:
        return first.is_background and second.is_background
    readings = [c for c in (first, second) if identifies(c)] or [first, second]
    return all(c.is_background for c in readings)


def merge_candidates(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Merge the candidates of one article, in text order, into distinct events."""
    events: list[Candidate] = []
    readings: list[list[Candidate]] = []  # each event's readings, as read
    for candidate in candidates:
        for index, event in enumerate(events):
            # a merged event is named and on goods once a reading told by a name ("new reciprocal tariffs",
            # given the goods of the clause before) joined the goods' reading: the name's own reading that
            # follows ("… would be announced this week") is still the other measure of any reading on goods
            if compatible(event, candidate) and not any(named_apart(r, candidate) for r in readings[index]):
                events[index] = combine(event, candidate)
                readings[index].append(candidate)
                break
        else:
            events.append(candidate)
            readings.append([candidate])
    return events


def is_complete(event: Candidate) -> bool:
    """True when an event names enough to be a government action.

    Every event needs the government acting; talks and deals also a second
    side, a demand its addressee.
    """
    if event.actor is None:
        return False
    if event.event_type in TWO_SIDED:
        return len(event.sides) >= 2
    if event.event_type == "demand":
        return bool(event.targets)
    return True


def format_rate(value: float | None) -> str:
    """A rate as text for hashing: ``24`` for 24.0, ``2.5`` for 2.5, empty for none."""
    return "" if value is None else f"{value:g}"


def event_id(event: Candidate, published_month: str = "") -> str:
    """Deterministic id of the normalized event (see the module doc).

    ``published_month`` (``YYYY-MM`` of the article) dates undated demands
    and talks, which happen at a point in time: "Japan and the US held talks"
    in March and in June are two events, while an undated measure or deal
    ("the chip pact") is the same one whenever it is mentioned.
    """
    when = event.event_date or (published_month if event.event_type in INDIVIDUAL else "")
    return short_hash("event", *_identity(event, when))


def event_key(event: Candidate) -> str:
    """Hash of the normalized event without its date: what the ``events`` merge groups rows by."""
    return short_hash("event-key", *_identity(event, None))


def _identity(event: Candidate, when: str | None) -> tuple[str, ...]:
    """The normalized event as the parts of its hash (``when`` None: without a date)."""
    if event.event_type in TWO_SIDED:
        parties = ("", ",".join(sorted(event.sides)))
    else:
        parties = (event.actor or "", ",".join(sorted(event.targets)))
    # what keeps apart in an article keeps apart across articles (see `compatible`)
    who = event.actor_official or "" if event.event_type in INDIVIDUAL else ""
    planned = event.modality if event.event_type == "negotiation" else ""
    dated = () if when is None else (when,)
    return (event.event_type, *parties, event.scope, ",".join(sorted(event.excluded)), format_rate(event.rate_value),
            *dated, event.product or "", "negated" if event.modality == "negated" else "", who, planned)


def confidence(event: Candidate) -> float:
    """Confidence of an event from its trigger's strength and the arguments resolved (module doc)."""
    score = BASE_STRONG if event.strong else BASE_WEAK
    if event.actor:
        score += ACTOR / 2 if event.actor_inherited else ACTOR
    if event.targets or event.scope in ALL_SCOPES:
        score += TARGET / 2 if event.target_inherited else TARGET
    if event.rate_value is not None:
        score += RATE
    if event.event_date:
        score += DATE
    return round(min(score, 1.0), 3)


def date_columns(value: str | None) -> dict[str, Any]:
    """``event_date_start``, ``event_date_end`` and ``event_date_granularity`` of a TIMEX3 value."""
    span = date_range(value)
    return {"event_date_start": span.start if span else None, "event_date_end": span.end if span else None,
            "event_date_granularity": span.granularity if span else None}


def event_rows(inputs: ArticleInputs, events: Sequence[Candidate], codes: CodeTable | None = None,
               model: ConfidenceModel | None = None, *, hs_codes: HsTable | None = None) -> list[dict[str, Any]]:
    """``event_mentions`` rows (every column but ``run_id`` and ``published_month``)."""
    rows = {}
    month = inputs.published.strftime("%Y-%m") if inputs.published else ""
    for event in events:
        key = event_id(event, month)
        if key in rows:  # two events that differ only in what is not hashed: keep the first
            continue
        rows[key] = {
            "article_id": inputs.article_id, "event_id": key, "event_key": event_key(event),
            "event_type": event.event_type,
            "actor_iso3": event.actor, "target_iso3": list(event.targets), "target_scope": event.scope,
            "excluded_iso3": list(event.excluded), "rate_value": event.rate_value,
            "rate_previous": event.rate_previous, "product": event.product, "event_date": event.event_date,
            "hs_codes": hs_codes_for(hs_codes or {}, event.product),
            **date_columns(event.event_date),
            "effective_date": date.fromisoformat(event.effective_date) if event.effective_date else None,
            **codes_for(codes or {}, event.event_type, event.modality).as_row(),
            "duration": event.duration, "modality": event.modality, "officials": list(event.officials),
            "evidence": inputs.text[event.sentence.start:event.sentence.end],
            "start_char": event.sentence.start, "end_char": event.sentence.end,
            "confidence": 0.0, "rule_score": confidence(event),
            "rule_id": f"{event.trigger.rule_id}|{event.roles_from}", "is_background": event.is_background,
            "mention_ids": list(event.mention_ids),
        }
        row = rows[key]
        row["confidence"] = calibrated(model, features(row, row["rule_score"])) if model else row["rule_score"]
    return list(rows.values())
