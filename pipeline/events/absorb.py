"""Which triggers of a clause stand for an event of their own (pure functions).

A demand or threat absorbs the triggers it governs unless they have a subject
of their own (`absorb`, `has_own_subject`) or are a verb joined to it with an
object of its own (`joined_predicate`); a reporting verb gives way to the
measure it reports; an adjective trigger right after the verb of its measure
is part of it (`without_modifiers`), and a measure's name after a verb is read by
that verb (`names_read_by_verbs`) and names no news once the measure is in
force (`standing_names`); a threat of effects threatens nothing
(`warns_of_effects`). Read by `pipeline.events.detect`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date

from pipeline.events.owned import is_owned_rate
from pipeline.events.resources import EventResources
from pipeline.events.syntax import SentenceParse
from pipeline.events.text import words_between
from pipeline.events.types import TARIFF_TYPES, Cue, Party

# Words that may stand between a measure's verb and an adjective trigger modifying its object ("impose the new").
MODIFIER_WORDS = 3
# The types of a verb that undoes a measure: a threat it takes as its object ("suspended his threat of
# tariffs", "dropped the threat of duties") is what it undoes, no threat made anew.
UNDOING_TYPES = frozenset({"tariff_suspended", "tariff_removed"})
# A threat named by its noun ("tariff threats", "threat of"), which modifiers may precede after a determiner.
THREAT_NOUN = re.compile(r"\bthreats?\b", re.IGNORECASE)
# Punctuation between two triggers: a comma or a stop parts them, neither reads the other.
PUNCTUATION = re.compile(r"[,;:.!?]")
# How far after a threat verb its noun of effect may stand: "of the possible fallout" (`warns_of_effects`).
EFFECT_WORDS = 3
EFFECT_REACH = 40
# Clauses that state a measure of their own when they have a subject: a relative clause ("the tariffs
# Ottawa imposed"), an adverbial one ("days after its duties took effect") or a loosely joined one. A
# complement ("warned that it would impose tariffs") is what the threat or demand says, and stays absorbed.
OWN_CLAUSES = ("acl:relcl", "advcl", "parataxis")


def absorb(triggers: list[Cue], resources: EventResources,
           own_subject: Callable[[Cue, Cue], bool] | None = None,
           own_clause: Callable[[Cue], bool] | None = None) -> list[tuple[Cue, tuple[Cue, ...]]]:
    """Drop the triggers a preceding demand or threat governs, and a reporting verb ("announced")
    followed by the measure it reports (a trigger, not a government's stated rate: `is_owned_rate`); return
    (trigger, absorbed) pairs.

    ``own_subject(governor, trigger)`` tells a trigger with a subject of its own after the governor, which
    states a measure of that subject rather than the one demanded or threatened ("warned of the tariffs
    the President has imposed"): it is not absorbed. ``own_clause(trigger)`` tells a trigger that the parse
    reads as a relative clause with a subject of its own: it tells what befell the measure a report
    announced ("announced 25% levies on Canada, which he later paused"), not the measure itself, so the
    report keeps its own event."""
    def reported(later: Cue) -> bool:
        # an owned stated rate names a measure already in place, often the one the report answers ("vowed
        # countermeasures in response to Trump's 25% tariffs"): the vow is not its announcement
        return (later.label in TARIFF_TYPES and not is_owned_rate(later)
                and not (own_clause is not None and own_clause(later)))
    triggers = [t for i, t in enumerate(triggers)
                if not (t.reports and any(reported(u) for u in triggers[i + 1:]))]
    kept: list[tuple[Cue, list[Cue]]] = []
    for trigger in triggers:
        # a measure's name ("reciprocal tariffs") threatens by itself, not the measures after it in its clause
        governor = next((k for k in reversed(kept) if trigger.label in resources.absorbs.get(k[0].label, ())
                         and not is_measure_name(k[0])), None)
        if governor is not None and own_subject is not None and own_subject(governor[0], trigger):
            governor = None
        if governor is not None:
            governor[1].append(trigger)
        else:
            kept.append((trigger, []))
    return [(t, tuple(a)) for t, a in kept]


def is_measure_name(trigger: Cue) -> bool:
    """A trigger that names a measure by itself, without a verb or an acting subject ("reciprocal tariffs")."""
    return trigger.names_measure


def names_read_by_verbs(text: str, triggers: list[Cue]) -> list[Cue]:
    """Drop a measure's name (`is_measure_name`) that an earlier tariff trigger of its clause reads: the verb
    decides what befalls the measure ("imposed reciprocal tariffs" is an imposition, "will delay reciprocal
    tariffs" a pause), and a measure joined to another's ("will announce duties on steel, as well as
    reciprocal tariffs") is read at its noun from that trigger (`pipeline.events.coordinated`). A report
    right before the name ("will announce reciprocal tariffs") reads no measure of its own: it gives way to
    the name (`absorb`). ``triggers`` are one clause's, in text order."""
    out: list[Cue] = []
    for trigger in triggers:
        earlier = [t for t in out if t.label in TARIFF_TYPES]
        if is_measure_name(trigger) and earlier:
            previous = earlier[-1]
            gap = text[previous.end:trigger.start]
            if not (previous.reports and words_between(text, previous.end, trigger.start) <= MODIFIER_WORDS
                    and not PUNCTUATION.search(gap)):
                continue
        out.append(trigger)
    return out


def standing_names(text: str, triggers: list[Cue], published: date | None,
                   in_force: Mapping[str, date]) -> list[Cue]:
    """Drop a measure's name (`is_measure_name`) in an article published on or after the day that measure took
    effect (``in_force``: a word of the name → that day): "reciprocal tariffs" are a threat in February 2025
    copy and a measure in force from April 2025 on, which the name alone reports no news of. An article
    without a publication date keeps the name."""
    if published is None or not in_force:
        return triggers
    out = []
    for trigger in triggers:
        words = text[trigger.start:trigger.end].lower().split() if is_measure_name(trigger) else ()
        if any(word in in_force and published >= in_force[word] for word in words):
            continue
        out.append(trigger)
    return out


def warns_of_effects(text: str, trigger: Cue, resources: EventResources) -> bool:
    """A threat whose object is a noun of effect ("warned of the fallout from the tariffs", "warning about
    the impact of tariffs"): the speaker comments on a measure's effects and threatens nothing."""
    if trigger.label != "tariff_threatened" or resources.syntax is None:
        return False
    words = re.findall(r"[a-z]+", text[trigger.end:trigger.end + EFFECT_REACH].lower())[:EFFECT_WORDS + 1]
    nouns = resources.syntax.effect_nouns
    return bool(words) and words[0] in ("of", "about") and any(
        form in nouns for w in words[1:] for form in (w, w[:-1], w[:-3] + "y"))


def in_relative_clause(parse: SentenceParse | None, trigger: Cue) -> bool:
    """The parse reads the trigger as the verb of a relative clause with a subject of its own ("the levies,
    which he later paused"; "the tariffs Ottawa imposed")."""
    token = parse.at(trigger.start, trigger.end) if parse is not None else None
    return token is not None and token.dep == "acl:relcl" and any(parse.children(token, "nsubj"))


def has_own_subject(text: str, parties: tuple[Party, ...], parse: SentenceParse | None, governor: Cue,
                    trigger: Cue, perfect_gap: re.Pattern[str]) -> bool:
    """The trigger has a subject of its own after the governor: the parse's relative, adverbial or loosely
    joined clause with a subject (`OWN_CLAUSES`: "the tariffs [that] Ottawa imposed", "after its duties
    took effect"), or by word order a party right before it, after the governor, joined by nothing but a
    perfect auxiliary ("… the President has imposed"), or by nothing at a past form
    ("… Ottawa imposed"). "warned that it would impose tariffs" keeps the threat whole. ``perfect_gap``
    matches the auxiliary and its adverb (`EventResources.perfect_gap`)."""
    token = parse.at(trigger.start, trigger.end) if parse is not None else None
    if token is not None and (token.dep in OWN_CLAUSES or token.base_dep in OWN_CLAUSES) \
            and any(parse.children(token, "nsubj")):
        return True
    for party in parties:
        if governor.end <= party.start and party.end <= trigger.start:
            between = text[party.end:trigger.start]
            past = not between.strip() and text[trigger.start:trigger.end].endswith("ed")
            if past or perfect_gap.fullmatch(between):
                return True
    return False


def joined_predicate(parse: SentenceParse | None, governor: Cue, trigger: Cue) -> bool:
    """The trigger is a verb joined to the governor's verb with an object of its own ("has threatened tariffs
    on Brazil and imposed duties on copper"): a second predicate of the same subject, which states a measure
    of its own rather than the one threatened or demanded. "threatened to impose and collect duties" joins
    the verbs under the threat's complement, not the threat verb, and stays absorbed."""
    if parse is None:
        return False
    token, head = parse.at(trigger.start, trigger.end), parse.at(governor.start, governor.end)
    return (token is not None and head is not None and token.dep == "conj" and token.head == head.index
            and token.upos == "VERB" and any(parse.children(token, "obj")))


def without_modifiers(text: str, triggers: list[Cue], determiner: re.Pattern[str]) -> list[Cue]:
    """Drop a trigger without an acting subject ("new", "retaliatory") that modifies the measure of the trigger
    of the same type just before it: "will introduce new 25% tariffs" is one imposition, whose rate and
    goods follow the adjective. A trigger of another type right after the verb of a measure and a
    determiner names the measure that verb acts on ("paused the announced tariffs on Mexico" is a pause,
    not an announcement; "lifted its retaliatory duties" a removal), and so is a report right after such a
    verb ("delayed plans for tariffs"), and so is a threat after a verb that undoes a measure ("suspended his threat
    of tariffs", "delayed his most aggressive tariff threats" are pauses, not threats: `UNDOING_TYPES`). A
    reporting participle of another type right after a report verb and a determiner names the measure that
    report makes known ("outlined the promised tariffs": an imposition, no threat made anew). ``determiner`` matches
    the words between such a verb and trigger (`EventResources.object_determiner`)."""
    out: list[Cue] = []
    for trigger in triggers:
        previous = out[-1] if out else None
        gap = text[previous.end:trigger.start] if previous is not None else ""
        # a reporting participle right after a report verb and a determiner names the measure reported: "outlined
        # the promised tariffs on steel" reports an imposition, not a promise made anew
        if previous is not None and previous.reports and trigger.reports and trigger.label != previous.label \
                and previous.label in TARIFF_TYPES and not PUNCTUATION.search(gap) \
                and determiner.fullmatch(gap) is not None:
            continue
        if previous is not None and not (previous.agent_only or previous.reports) \
                and words_between(text, previous.end, trigger.start) <= MODIFIER_WORDS \
                and not PUNCTUATION.search(gap):
            if trigger.agent_only and trigger.label == previous.label:
                continue
            # a report right after the verb is its object too: "delayed plans for tariffs on Canada" is a
            # delay, not also an announcement
            if (trigger.agent_only or trigger.reports) and trigger.label != previous.label \
                    and previous.label in TARIFF_TYPES \
                    and (determiner.fullmatch(gap) is not None or (trigger.reports and gap.isspace())):
                continue
            # the threat noun may carry modifiers after its determiner: "delayed his most aggressive tariff
            # threats" undoes the threat as "delayed his tariff threats" does; a threat verb after the
            # determiner is a relative clause's ("delayed the tariffs it threatened"), a threat of its own
            if trigger.label == "tariff_threatened" and previous.label in UNDOING_TYPES \
                    and (determiner.fullmatch(gap) is not None
                         or (determiner.match(gap) is not None
                             and THREAT_NOUN.search(text[trigger.start:trigger.end]) is not None)):
                continue
        out.append(trigger)
    return out
