"""Modality read from the trigger's own place in the parse (the walk of `pipeline.events.clause_walk`).

Modality, first match wins (lemma lists in ``models/events/syntax.json``):
a negation ("not", "never", "no") on a word of the walk, or a negating verb
above ("refused to"), or a verb of ``abstention_verbs`` whose "from" holds the
measure ("refrained from placing tariffs", `_abstained`) → negated (planned when the negated verb or measure
carries a word of ``immediacy_words``: "did not enact the levies
immediately" denies only the timing, and so does a phrase of ``deferral_cases``: "won't take effect
until Feb. 10", `negates_immediacy`); a possibility
a negating verb names ("ruled out the possibility of a tariff hike",
`hedges.weighed_measure`) → negated; a threat trigger → threatened; a condition
mark ("if", "unless", "whether") on the clause or a verb above it, or an
"if" clause attached to it (threatened instead when a measure against another
party is promised on condition of a tariff: "would file a complaint if the
tariffs were imposed", `ANSWERING_TYPES`), a purpose ("in order to lift the tariffs, the
U.S. needs proof"), or an imperative root the walk ends in (a
recommendation: `mood.is_imperative`) → possible; else the first cue of the walk, the
trigger's own modifiers first ("proposed tariffs"), then each verb's lemma
and its auxiliaries ("being weighed" → possible, "will impose" → planned,
"threatened to" → threatened). For the condition and the cues, the walk
also climbs from a coordinated verb without subject or auxiliary of its own
to the first verb of the coordination ("has suggested plans to set a global
tariff and impose duties on steel": "suggested"/"plans" govern "impose"),
and from a coordinated measure noun without a verb of its own to the verb of
the first ("will impose a tariff hike on China and a ban on chip exports":
"will" governs the ban, `hedges.conjoined_clause`), never for the negation.

A hedge ("considering", "weighing", "mulling", "studying", "mused about") is a
``possible`` cue like "could": a measure a government only weighs is not
decided. Three ways reach a measure the walk does not: a phrasal hedge, a
verb that weighs only with its preposition or mark (``phrasal_hedges``:
"looking at a tariff hike", "thinking about raising tariffs"; "the tariffs
look set to stay" weighs nothing); a noun of options between the hedge and
the measure (``hedge_nouns``: "weighing the option of raising tariffs",
"exploring ways to impose duties"); both only when no other cue decided. A
hedge whose subject is no government (``private_words``: "investors weighed
new tariffs") is no cue: their weighing says nothing of the measure. A
hedge further up the walk outranks a plan below it (`hedges.plan_or_hedge`: "could
decide to impose", "is weighing whether it will impose", "it is possible
that Ottawa would reimpose", the walk climbing from a clausal subject too).
"""

from __future__ import annotations

from pipeline.events.clause_walk import clause_walk, measure_noun
from pipeline.events.hedges import (
    cue_of, hedged_measure, phrasal_hedge, plan_or_hedge, private_hedger, purpose_clause, weighed_measure,
)
from pipeline.events.mood import is_imperative
from pipeline.events.resources import EventResources, SyntaxRules
from pipeline.events.syntax import SentenceParse, Token
from pipeline.events.types import TARIFF_TYPES


def _negated(parse: SentenceParse, walk: list[Token], trigger_span: tuple[int, int], rules: SyntaxRules) -> bool:
    for token in walk:
        for child in parse.children(token, "advmod", "neg", "det", "aux"):
            inside = trigger_span[0] <= child.start < trigger_span[1]  # "no tariffs on": the trigger itself
            if child.lower in rules.negations and not inside and child.dep != "aux":
                return True
        if token != walk[0] and (token.lemma.lower() in rules.negating_verbs):
            return True
    return _stopped_short(parse, walk[0], rules) or _abstained(parse, walk[0], rules)


def _abstained(parse: SentenceParse, trigger: Token, rules: SyntaxRules) -> bool:
    """True when a verb of ``abstention_verbs`` above the trigger takes it through "from" ("refrained from placing
    tariffs", "refrained from new duties"): the measure is denied. The parser hangs the "from" phrase as a clause,
    an oblique or a noun modifier, and a gerund trigger on its own object, so the heads are climbed up to the
    first verb with a subject of its own, as for `_stopped_short`."""
    token = trigger
    for _ in range(4):
        head = parse.head(token)
        if head is None or head == token:
            return False
        if head.lemma.lower() in rules.abstention_verbs and \
                any(c.lower == "from" for c in parse.children(token, "mark", "case")):
            return True
        if parse.children(head, "nsubj"):
            return False
        token = head
    return False


def _stopped_short(parse: SentenceParse, trigger: Token, rules: SyntaxRules) -> bool:
    """True when a verb above the trigger and a word it governs form a phrase of ``falling_short_phrases``
    ("stopped short of imposing tariffs"): the phrase denies the step its complement names, as "refused to"
    does. The parser hangs the complement on "short", on the verb or, as a modifier, on the measure noun,
    so the heads are climbed up to the first verb with a subject of its own (the clause of the phrase)."""
    token = trigger
    for _ in range(4):
        head = parse.head(token)
        if head is None or head == token:
            return False
        lemma = head.lemma.lower()
        if any(f"{lemma} {child.lower}" in rules.falling_short_phrases for child in parse.children(head)):
            return True
        if parse.children(head, "nsubj"):
            return False
        token = head
    return False


def negates_immediacy(parse: SentenceParse, walk: list[Token], trigger: Token, rules: SyntaxRules) -> bool:
    """True when a negated measure's verb or noun carries a word of ``immediacy_words`` ("did not enact the
    levies immediately", "no immediate tariff imposition", "won't raise duties right away"), or a verb of the
    walk a phrase opened by one of ``deferral_cases`` ("the tariffs won't take effect until Feb. 10"): the
    negation denies that the measure comes at once, or before that moment, not the measure, which stays to
    come."""
    noun = measure_noun(parse, trigger)
    for token in walk:  # "won't take effect until Feb. 10": only the time before that day is denied
        for child in parse.children(token, "obl", "advcl"):
            if any(c.lower in rules.deferral_cases for c in parse.children(child, "case", "mark")):
                return True
    for token in [*walk, noun, *parse.children(noun, "compound")]:  # "no immediate tariff imposition"
        for child in parse.children(token, "advmod", "amod", "obl"):
            words = " ".join(t.lower for t in parse.subtree(child))
            if child.lower in rules.immediacy_words or words in rules.immediacy_words:
                return True
    return False


def _conditions(parse: SentenceParse, walk: list[Token], rules: SyntaxRules) -> list[list[Token]] | None:
    """The condition clauses of the walk's clause, None when none: a condition word marks the clause or a
    verb above it (an empty list: the condition is the clause itself), or a clause or phrase attached to it
    ("lifted once Japan honors the pact", which the parser may read as a phrase "once Japan"), or an opening
    "If …," clause."""
    found: list[list[Token]] = []
    first = next((t for t in parse.tokens if t.text.strip()), None)
    if first is not None and first.lower in rules.conditions and first.start < walk[-1].start:
        comma = next((t for t in parse.tokens if t.text == "," and first.start < t.start < walk[-1].start), None)
        if comma is not None:  # "If Japan does not open its market, the United States would set quotas"
            found.append([t for t in parse.tokens if first.start <= t.start < comma.start])
    for token in walk[1:] or walk:
        if any(m.lower in rules.conditions for m in parse.children(token, "mark")):
            return found
        for attached in parse.children(token, "advcl", "obl"):
            if any(m.lower in rules.conditions for m in parse.children(attached, "mark", "case", "advmod")):
                found.append(parse.subtree(attached))
    return found or None


# Types of a measure taken against another party: one promised on condition that a tariff is imposed ("would
# file a complaint if Washington imposed the tariffs", "ready to respond if tariffs hit its goods") is a threat.
ANSWERING_TYPES = frozenset({"tariff_imposed", "tariff_increased", "trade_restriction", "investigation"})


def _answers_a_measure(conditions: list[list[Token]], event_type: str, rules: SyntaxRules) -> bool:
    """True when a measure against another party is conditioned on a measure (a noun of
    ``threat_measure_nouns`` in the condition clause): a threat, not a mere possibility."""
    return event_type in ANSWERING_TYPES and any(
        t.lemma.lower() in rules.threat_measure_nouns or t.lower in rules.threat_measure_nouns
        for clause in conditions for t in clause)


def _headline_future(parse: SentenceParse, walk: list[Token]) -> bool:
    """True for the headline future "Trump to announce tariffs": a to-infinitive hanging on a name or noun
    that heads the sentence, with no verb of its own ("Trump is to announce" is read by the walk)."""
    for verb in walk:  # the walk may climb past the verb to the name it hangs on ("EU to offer lower tariffs")
        if verb.upos != "VERB" or verb.feature("VerbForm") not in ("Inf", None) or \
                not any(m.lower == "to" for m in parse.children(verb, "mark")):
            continue
        head = parse.head(verb)
        if head is None and parse.children(verb, "nsubj") and not parse.children(verb, "aux", "cop"):
            return True  # the parser may make the infinitive the root, its name the subject
        if verb.dep in ("acl", "xcomp") and head is not None and head.upos in ("PROPN", "NOUN") \
                and parse.head(head) is None:
            return True
    return False


def _still_ahead(parse: SentenceParse, trigger: Token, rules: SyntaxRules) -> bool:
    """True for an event noun that something is done ahead of ("tariff cuts ahead of a summit with
    Ottawa"): the words before it (its adverbs and prepositions) are one of ``ahead_cases``."""
    if trigger.upos not in ("NOUN", "PROPN"):
        return False
    noun = measure_noun(parse, trigger)
    words = " ".join(c.lower for c in parse.children(noun, "advmod", "case") if c.index < noun.index)
    return words in rules.ahead_cases


def syntax_modality(parse: SentenceParse, trigger: Token, trigger_span: tuple[int, int], event_type: str,
                    resources: EventResources) -> str:
    """The modality of the event at ``trigger`` read from its clause (module doc); ``asserted`` without a cue."""
    rules = resources.syntax
    assert rules is not None
    purposes = event_type in TARIFF_TYPES
    walk = clause_walk(parse, trigger, rules, purposes=purposes)
    if _negated(parse, walk, trigger_span, rules):
        # "did not enact the levies immediately": the measure is still to come, only its timing is denied
        return "planned" if negates_immediacy(parse, walk, trigger, rules) else "negated"
    if weighed_measure(parse, walk, resources) == "negated":
        return "negated"  # "ruled out the possibility of a tariff hike"
    if event_type == "tariff_threatened":
        return "threatened"
    # a negation stays with its own verb ("did not impose tariffs and raised quotas"); a plan, a condition
    # or a hedge governs every verb of the coordination after it
    walk = clause_walk(parse, trigger, rules, through_conj=True, purposes=purposes)
    # "if …"; "in order to lift the tariffs, …"; "for instance, levy duties …"
    conditions = _conditions(parse, walk, rules)
    if conditions is not None and _answers_a_measure(conditions, event_type, rules):
        return "threatened"  # "could take Washington to the WTO if the tariffs were imposed"
    if conditions is not None or purpose_clause(parse, walk, rules) or is_imperative(parse, walk):
        return "possible"
    if _headline_future(parse, walk):
        return "planned"
    if _still_ahead(parse, trigger, rules):
        return "planned"
    for child in parse.children(trigger, "amod", "advmod"):  # "proposed tariffs", "possible talks"
        cue = cue_of(child, rules)
        if cue in ("planned", "possible", "threatened"):
            return cue
    for position, token in enumerate(walk):
        if position > 0 and token.lemma.lower() == "be" and parse.children(walk[position - 1], "mark"):
            return plan_or_hedge(parse, walk, position, resources)  # "is to hold talks": be + to-infinitive
        if position > 0 and walk[position - 1].dep == "xcomp" and token.lemma.lower() in rules.infinitive_plans:
            return plan_or_hedge(parse, walk, position, resources)  # "is working to impose": over the infinitive
        if position > 0 and phrasal_hedge(parse, token, walk[position - 1], rules) and \
                not private_hedger(parse, token, resources):
            return "possible"  # "was thinking about raising tariffs"
        if position > 0 or token.upos in ("VERB", "AUX"):
            cue = cue_of(token, rules) if token != walk[0] or trigger.upos == "VERB" else None
            if position > 0 and cue == "possible" and private_hedger(parse, token, resources):
                cue = None  # "investors weighed new tariffs": no government weighs them
            if position > 0 and cue == "planned":
                return plan_or_hedge(parse, walk, position, resources)
            if position > 0 and cue in ("possible", "threatened"):
                return cue
        for aux in parse.children(token, "aux"):
            cue = cue_of(aux, rules)
            if cue == "planned":
                return plan_or_hedge(parse, walk, position, resources)
            if cue in ("possible", "threatened"):
                return cue
    if hedged_measure(parse, walk, resources):
        return "possible"
    return "asserted"


def reported_plan(parse: SentenceParse, trigger: Token, rules: SyntaxRules) -> str | None:
    """The modality a reporting verb's clausal complement states by its auxiliary, or None.

    "China announced it would retaliate with levies": the trigger is the report ("announced"), its own clause
    has no cue, and the measure announced is the complement's ("would retaliate"), still to come: planned
    ("announced it could retaliate": possible). A complement without such an auxiliary ("announced that the
    duties took effect") leaves the report as it reads."""
    for clause in parse.children(trigger, "ccomp"):
        for aux in parse.children(clause, "aux"):
            cue = cue_of(aux, rules)
            if cue in ("planned", "possible"):
                return cue
    return None
