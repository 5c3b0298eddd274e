"""Event candidates: one per trigger, with arguments from the rows of its sentence.

A sentence is split into clauses; in each clause a demand absorbs the
triggers after it ("urged the US to abolish tariffs" is one demand) and a
threat absorbs the imposition it threatens, unless that imposition has a
subject of its own ("warned of tariffs the President has imposed"); a threat
told after its measure ("the tariffs he threatened") is a trigger of its own
(`hedges.relative_threats`); a
threat of effects ("warned of the fallout from tariffs") is no threat. Each remaining trigger owns the
part of its clause between the previous and the next trigger: rates,
durations and products are taken from that part, dates from those of the
clause nearest to it; the actor from the clause
before the trigger (see `pipeline.events.actors.trigger_actor`); targets from after the trigger, else from
the next trigger of the clause that it governs ("suspended plans to impose
tariffs on Mexico"), else from the earlier clauses (an investigation with
none: the other government named in the sentence).
Present-tense "imposes" in the body describes a standing measure, not an
event, and is skipped; "announced" gives way to the measure it announces; an
adjective trigger ("new") right after the verb of its measure is part of it;
a generic tariff trigger whose subject is a market noun ("stocks ending
lower") is a price move (`market`). A trigger inside a conditional span of
its clause is at most possible (`modality.conditional`); a tariff measure in
one that states a condition is no event (`modality.states_condition`).

The article-level passes (what a sentence leaves implicit, list items) are
in `pipeline.events.discourse`; which triggers stand on their own (absorption,
modifiers, threats of effects) in `pipeline.events.absorb`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from pipeline.events.absorb import (
    absorb, has_own_subject, in_relative_clause, is_measure_name, joined_predicate, names_read_by_verbs,
    standing_names, warns_of_effects, without_modifiers,
)
from pipeline.events.actors import Parsed, trigger_actor
from pipeline.events.aside import peace_talks
from pipeline.events.arguments import (
    Region, Targets, choose_rate, choose_time, counterpart, find_products, find_targets, is_private, officials_in,
    owns_measure, previous_of, within,
)
from pipeline.events.attach import attachment, shared_objects
from pipeline.events.background import is_commentary
from pipeline.events.clause_modality import reported_plan, syntax_modality
from pipeline.events.coordinated import coordinated_measures
from pipeline.events.dates import act_date_over_effective, event_date_value, own_times
from pipeline.events.discourse import enumerated, resolve_discourse
from pipeline.events.hedges import RELATIVE_THREAT_RULE, relative_threats
from pipeline.events.market import market_subject
from pipeline.events.modality import choose_modality, conditional, future_is_planned, states_condition
from pipeline.events.non_events import (described_treatment, embedded_measure_in_force, heads_a_threat, market_threat,
                                        non_event)
from pipeline.events.resources import PRODUCT_GAP_CHARS, EventResources
from pipeline.events.retype import retype
from pipeline.events.roles import (
    SyntaxTargets, antecedent_targets, joined_clause_start, listed_origins, sentence_parse, syntax_targets,
)
from pipeline.events.owned import RULE_ID as OWNED_RULE_ID, may_name_measure, owned_rate_cues
from pipeline.events.passing import (PASSING_REASONS, is_passing, may_name_in_passing, passing_cues, phrase_end,
                                     rate_phrase_names_goods, without_repeats, without_targets_to_come)
from pipeline.events.syntax import SentenceParse, Token
from pipeline.events.text import clauses, first_words, last_words, linked
from pipeline.events.types import TARIFF_TYPES, TWO_SIDED, ArticleInputs, Candidate, Cue, Party, RateRef, TimeRef
from pipeline.views import Sentence


def is_noun_homograph(text: str, trigger: Cue, parse: SentenceParse | None, resources: EventResources) -> bool:
    """True for a verb trigger of ``noun_homographs`` used as the noun: right after a determiner ("an
    issue", "the hit to growth"), or read by the parse as a noun with a determiner of its own ("a key
    issue"). "countries that place tariffs", which the tagger may read as a noun, has no determiner."""
    if text[trigger.start:trigger.end].lower() not in resources.noun_homographs:
        return False
    before = re.findall(r"[\w'’-]+", text[max(0, trigger.start - 20):trigger.start])
    if before and before[-1].lower() in resources.determiners:
        return True
    token = parse.at(trigger.start, trigger.end) if parse is not None else None
    return token is not None and token.upos == "NOUN" and bool(parse.children(token, "det"))


def own_modality(modality: str, cue: Cue | None, trigger: Cue, cues: tuple[Cue, ...]) -> tuple[str, Cue | None]:
    """The modality a trigger states by its own words ("tariffs are under consideration": a modality cue
    spanning the trigger itself), over an asserted or planned reading of its clause; a negation or a
    condition read from the clause stays."""
    if modality not in ("asserted", "planned"):
        return modality, cue
    own = next((c for c in cues if (c.start, c.end) == (trigger.start, trigger.end)
                and c.label in ("threatened", "possible")), None)
    return (own.label, own) if own is not None else (modality, cue)


NAME_TYPE = "tariff_threatened"  # the type a measure's name has by itself (triggers.csv role "name")


def _named_measure_reading(inputs: ArticleInputs, syntax: Parsed | None, trigger: Cue, clause: Region,
                           resources: EventResources) -> tuple[str, str]:
    """(type, modality) of a measure's name ("reciprocal tariffs"), a threat by itself, read as the measure its
    clause plans or weighs: the guideline's modalities are planned (decided, scheduled), threatened and
    possible (could, may, considering), and "threatened" is for threat words ("threatened", "warned").
    A government that plans, pledges or intends to impose or announce the measure ("plans to announce
    reciprocal tariffs", "the plans to impose reciprocal tariffs") decides an imposition, `planned`; one that
    "might" or is "considering" them floats a threat that stays `possible`; a threat word before the name in
    its clause, or no cue, keeps the threat."""
    if any(c.label == "threatened" and clause.start <= c.start and c.end <= trigger.start for c in inputs.modals):
        return NAME_TYPE, "threatened"
    hedge, cue = "asserted", None
    if syntax is not None:
        hedge = syntax_modality(syntax.parse, syntax.token, (trigger.start, trigger.end), "tariff_imposed", resources)
    if hedge == "asserted":
        # the parse hangs the name on a verb it does not climb ("pledged to unveil …"): word order decides
        hedge, cue = choose_modality("tariff_imposed", trigger, clause, inputs.text, inputs.modals, resources)
    hedge, _ = own_modality(hedge, cue, trigger, inputs.modals)
    if hedge == "planned":
        return "tariff_imposed", "planned"
    if hedge == "possible":
        return NAME_TYPE, "possible"
    return NAME_TYPE, "threatened"


def sentence_candidates(inputs: ArticleInputs, sentence: Sentence, resources: EventResources,
                        origins: frozenset[str]) -> list[Candidate]:
    """Every event candidate of one sentence, in trigger order; ``origins`` as in
    `pipeline.events.actors.trigger_actor`."""
    text = inputs.text
    triggers = [t for t in inputs.triggers if sentence.start <= t.start < sentence.end]
    rates = [r for r in inputs.rates if sentence.start <= r.start < sentence.end]
    parse = sentence_parse(inputs, sentence, resources)
    if parse is not None:  # "the tariffs he threatened": a threat told after its measure
        modals = [m for m in inputs.modals if sentence.start <= m.start < sentence.end]
        triggers = relative_threats(parse, triggers, modals, resources.syntax)
    named = may_name_in_passing(text[sentence.start:sentence.end], resources.passing)
    if not triggers and not rates and not named:
        return []
    # "results may differ materially from forward-looking statements; factors include tariffs": the risk list
    # of a company's release names measures as risks to its business, and no government takes one there
    if resources.syntax is not None and resources.syntax.cautionary.search(text, sentence.start, sentence.end):
        return []
    clause_list = [Region(c.start, c.end) for c in clauses(text, sentence.start, sentence.end, resources)]
    # "digesting Trump's 25% tariffs": a rate its government owns names a measure without a trigger
    owned = owned_rate_cues(text, rates, inputs.parties, triggers, clause_list, resources.owner_gap)
    # "Trump's steel tariffs could disrupt drilling": a measure in force named in passing
    passing = passing_cues(text, inputs.parties, triggers + owned, clause_list, resources.passing,
                           resources.owner_noun, resources.products) if named and resources.passing else []
    triggers = sorted(triggers + owned + passing, key=lambda t: t.start)
    if not triggers:
        return []
    if sentence.start >= inputs.body_start:  # "the UK imposes tariffs of 125%": a standing measure, not news
        triggers = [t for t in triggers if is_passing(t) or text[t.start:t.end].lower() not in resources.habitual_forms]
    # "an issue with Washington imposing duties": a verb trigger that is also a noun, read as the noun
    triggers = [t for t in triggers if not is_noun_homograph(text, t, parse, resources)]
    if parse is not None:  # questions, counterfactuals, a law's authority, comparisons: no event
        triggers = [t for t in triggers if (token := parse.at(t.start, t.end)) is None
                    or (_no_event_reason(parse, token, t, resources) is None
                        and (is_passing(t) or not market_threat(parse, token, t.label, resources))
                        and not _describes_told_treatment(parse, token, t, triggers, resources)
                        and not _names_measure_acted_on(parse, token, t, triggers, inputs.times)
                        and not _measure_undone(parse, token, t, triggers)
                        and not peace_talks(parse, token, t.label, resources.syntax)
                        # an adjective of imposition ("new tariffs") inside a measure in force, or modifying a
                        # threat ("shrug off a new tariff threat"), names no new measure
                        and not (t.agent_only and t.label == "tariff_imposed" and not is_passing(t)
                                 and (embedded_measure_in_force(parse, token, resources)
                                      or heads_a_threat(parse, token, resources.syntax))))]
    # "If Washington goes ahead with the tariff rise, …": the condition of another statement reports no measure
    triggers = [t for t in triggers if t.label not in TARIFF_TYPES
                or not states_condition(text, _clause_at(clause_list, t.start), t, resources)]
    # "Amid Tariff Threat" in a headline the parser misreads: a circumstance by word order too
    triggers = [t for t in triggers if is_passing(t) or resources.circumstance.search(text, sentence.start, t.start) is None]
    if resources.market is not None:  # "stocks ending lower amid tariff worries": a price move, not a measure
        triggers = [t for t in triggers if t.strength == "strong" or t.label not in TARIFF_TYPES or not market_subject(
            text, _clause_at(clause_list, t.start).start, t.start, resources.market)]
    triggers = without_modifiers(text, triggers, resources.object_determiner)
    triggers = [t for t in triggers if not warns_of_effects(text, t, resources)]
    triggers = standing_names(text, triggers, inputs.published, resources.names_in_force)

    def own_subject(governor: Cue, trigger: Cue) -> bool:
        # "vowed countermeasures against Trump's 25% tariffs": a rate its government owns is that
        # government's measure, never the one vowed or demanded
        return trigger.rule_id == OWNED_RULE_ID or is_passing(trigger) \
            or has_own_subject(text, inputs.parties, parse, governor, trigger, resources.perfect_gap) \
            or joined_predicate(parse, governor, trigger)

    out = []
    # every date of the sentence, whichever trigger it is given to: one may date the act that sets a measure
    # dated only by its entry into force (`act_date_over_effective`)
    sentence_times = tuple(t for t in inputs.times if sentence.start <= t.start and t.end <= sentence.end)
    for index, clause in enumerate(clause_list):
        names = [t for t in triggers if clause.start <= t.start < clause.end and is_measure_name(t)]
        in_clause = names_read_by_verbs(text, [t for t in triggers if clause.start <= t.start < clause.end])
        kept = absorb(in_clause, resources, own_subject, lambda t: in_relative_clause(parse, t))
        cues = [t for t, _ in kept]
        attach = attachment(parse, cues, resources)
        times = nearest_times(inputs, clause, cues, attach)
        for k, (trigger, absorbed) in enumerate(kept):
            left = kept[k - 1][0].end if k else clause.start
            # "a reprieve on a 25% tariff it threatened to impose on Mexico": a threat told after the measure
            # describes it, and the measure's rate and targets stay with the trigger before
            upto = next((j for j in range(k + 1, len(kept)) if kept[j][0].rule_id != RELATIVE_THREAT_RULE), len(kept))
            right = kept[upto][0].start if upto < len(kept) else clause.end
            if is_passing(trigger) and resources.passing is not None:  # its targets stand in the phrase only
                right = phrase_end(text, trigger, right, resources.passing, parse)
            owners = (None, *range(k, upto))
            if trigger.rule_id == RELATIVE_THREAT_RULE and k:  # ... and the threat, the measure's rate
                owners += (k - 1,)
            rates = tuple(r for r in inputs.rates if attach(r.start, r.end) in owners)
            found = _candidate(replace(inputs, times=times[k], rates=rates), sentence, clause_list, index,
                               trigger, absorbed, Region(left, right), resources, origins, _parsed(parse, trigger),
                               sentence_times=sentence_times)
            # "plans to introduce reciprocal tariffs": the verb reads the measure's name, which tells the measure
            # apart from one on goods (`merge.compatible`)
            if found is None:
                continue
            if any(left <= n.start < right for n in names):
                found = replace(found, named=True)
            out.append(found)
    return shared_objects(out, parse)


# "and" between two sides, over capitalized words only ("Modi and US President Trump")
_AND_JOINED = re.compile(r"\s+and\s+(?:[A-Z][\w.’'-]*\s+)*")
# a trigger in the clause's opening phrase, closed by a comma right before the sides ("During their talks, ")
_OPENING = re.compile(r"[^,;]{0,40},\s+(?:[A-Z][\w.’'-]*\s+)*")


def _names_company(text: str, party: Party, resources: EventResources) -> bool:
    """True when a country names the nationality of a company or trade ("Vietnamese carrier X", "U.S.
    planemaker Y"; `arguments.is_private`), not in the possessive: "Mexico's economy minister" is an official."""
    return not text.startswith(("'s", "’s"), party.end) and is_private(text, party, resources)


def _first_of_pair(text: str, trigger: Cue, party: Party, sides: list[Party], joined: list[Party],
                   subject: Party | None, near: int) -> bool:
    """True when ``party`` is the first of two sides joined by "and" whose second side is already a side of
    a weak talks trigger: the actor the parse found as the trigger's subject, in a coordinated subject ("Pres
    Trump and Japan PM Ishiba met"; not "subject to approval of U.S. and Canadian agencies … agreement"), or
    a side right after the trigger's opening phrase ("During their talks, PM Modi and President Trump …")."""
    if party.end <= trigger.start:
        partners = [subject] if subject is not None else []
    elif party.end <= near and _OPENING.fullmatch(text, trigger.end, party.start):
        partners = joined
    else:
        return False
    return any(q in partners and _AND_JOINED.fullmatch(text, party.end, q.start) for q in sides)


def _no_event_reason(parse: SentenceParse, token: Token, trigger: Cue, resources: EventResources) -> str | None:
    """Why the trigger states no event (`non_event`); a measure named in passing is one whatever predicate it
    serves, so a price move, a forecast effect or a criticism it is the argument of does not drop it
    (`pipeline.events.passing`)."""
    reason = non_event(parse, token, resources)
    return None if is_passing(trigger) and reason in PASSING_REASONS else reason


def _clause_at(clause_list: list[Region], position: int) -> Region:
    """The clause holding ``position`` (the last one when it lies in a boundary between clauses)."""
    return next((c for c in clause_list if c.start <= position < c.end), clause_list[-1])


def nearest_times(inputs: ArticleInputs, clause: Region, triggers: list[Cue],
                  attach: Callable[[int, int], int | None] | None = None) -> list[tuple[TimeRef, ...]]:
    """The dates of a clause, each given to the trigger the parse attaches it to (`attachment`), else to
    its nearest trigger ("tariffs to go into effect on April 17, in retaliation for … an agreement":
    April 17 is the tariffs' date); ties go to the earlier trigger."""
    out: list[list[TimeRef]] = [[] for _ in triggers]
    for time in inputs.times:
        if clause.start <= time.start and time.end <= clause.end and triggers:
            owner = attach(time.start, time.end) if attach is not None else None
            distance = [max(t.start - time.end, time.start - t.end, 0) for t in triggers]
            out[owner if owner is not None else distance.index(min(distance))].append(time)
    return [tuple(times) for times in out]


def _names_measure_acted_on(parse: SentenceParse, token: Token, trigger: Cue, triggers: list[Cue],
                            times: tuple[TimeRef, ...]) -> bool:
    """True when a tariff trigger is a participle after the measure noun it describes ("the duties imposed under
    this order") and that noun is the object of another tariff trigger of the sentence ("may raise the duties
    imposed under this order"): the participle names the measure that trigger acts on, and the news, if any,
    is that trigger's. Read alone it was a new imposition, undated, placed on the day of the report. A
    participle that dates its measure ("to lift the tariffs imposed on Japanese exports last Friday") reports
    it, and stays."""
    # the tagger gives such a participle a finite form now and then ("imposed" after "duties"): an ``acl`` verb
    # after its noun with no subject of its own is the reduced relative whatever its form
    described = parse.head(token) if token.upos == "VERB" and token.dep == "acl" \
        and not parse.children(token, "nsubj") else None
    if trigger.label not in TARIFF_TYPES or described is None or described.index > token.index \
            or described.dep not in ("obj", "dobj"):
        return False
    clause = parse.subtree(token)
    if any(clause[0].start <= time.start < clause[-1].end for time in times if time.timex_type == "DATE"):
        return False
    verb = parse.head(described)
    if verb is None:
        return False
    # "to decrease or limit in scope the duties …": the object of coordinated verbs hangs on one of them
    verbs = [verb, *parse.children(verb, "conj")] + ([head] if verb.dep == "conj" and (head := parse.head(verb))
                                                    is not None else [])
    return any(other is not trigger and other.label in TARIFF_TYPES and other.start <= v.start < other.end
               for other in triggers for v in verbs)


# A measure told only as what a pause or removal stops ("paused his plan to impose …", "the decision to impose
# … has been suspended"): the news is the pause, and the measure it stops gives no event of its own.
UNDONE_TYPES = frozenset({"tariff_imposed", "tariff_increased"})
UNDOING_TYPES = frozenset({"tariff_suspended", "tariff_removed"})
# Relations by which an infinitive hangs on the noun or verb it completes ("plan to impose", "paused … to impose").
INFINITIVE_DEPS = frozenset({"acl", "advcl", "xcomp"})


def _measure_undone(parse: SentenceParse, token: Token, trigger: Cue, triggers: list[Cue]) -> bool:
    """True when an imposition or increase is the measure a pause or removal trigger of the sentence stops:

    - its infinitive hangs on that trigger's verb or on a noun that verb takes as object or subject
      ("paused its plan to impose a levy", "the decision to impose tariffs has been suspended");
    - or that verb is passive and its subject stands between the two ("the move to impose tariffs on Chile was
      delayed", where the parser makes "tariffs" the subject of "delayed").

    Read alone the infinitive was a planned imposition of its own, a second row beside the pause for one measure.
    """
    if trigger.label not in UNDONE_TYPES:
        return False
    undoing = [other for other in triggers if other is not trigger and other.label in UNDOING_TYPES]
    if not undoing:
        return False

    def in_undoing(candidate: Token | None) -> bool:
        return candidate is not None and any(o.start <= candidate.start < o.end for o in undoing)

    head = parse.head(token)
    # an infinitive only: a participle after its noun ("lift the tariffs imposed last Friday") reports the measure
    # lifted, which stays an event (`_names_measure_acted_on`)
    infinitive = token.feature("VerbForm") == "Inf" or any(m.lower == "to" for m in parse.children(token, "mark"))
    if infinitive and token.base_dep in INFINITIVE_DEPS and head is not None:
        if in_undoing(head):
            return True
        if head.upos == "NOUN" and head.base_dep in ("obj", "nsubj") and in_undoing(parse.head(head)):
            return True
    for verb in (t for t in parse.tokens if infinitive and in_undoing(t) and t.upos == "VERB" and t.start > token.start):
        if parse.children(verb, "aux:pass") and any(token.start <= s.start < verb.start or s is head
                                                     for s in parse.children(verb, "nsubj")):
            return True
    return False


def _describes_told_treatment(parse: SentenceParse, token: Token, trigger: Cue, triggers: list[Cue],
                              resources: EventResources) -> bool:
    """True when the trigger stands in a relative clause that says what a treatment does ("the small-parcel
    exemption, a loophole that let cheap parcels in duty-free") and another exemption trigger of the sentence
    names that treatment: the news is what happens to it, told by that trigger (granted, closed), and the
    clause adds no event. A clause describing a treatment no trigger names ("granted a waiver that allows
    duty-free imports") keeps its trigger, the only one to tell the grant."""
    assert resources.syntax is not None
    nouns = described_treatment(parse, token, trigger.label, resources.syntax)
    return any(other is not trigger and other.label == trigger.label and other.start < noun.end
               and noun.start < other.end for noun in nouns for other in triggers)


def _owner_answered(text: str, trigger: Cue, part: Region, actor: str | None, parties: tuple[Party, ...],
                    resources: EventResources) -> Party | None:
    """The government whose measure a retaliation answers, named as that measure's owner after the trigger:
    "vowed retaliation against the U.S. tariffs", "countermeasures to Washington's duties". `find_targets`
    leaves an owner out (it acts, it is not hit), but the measure a word of retaliation (``retaliation`` of
    arguments.json) names after it is the other government's, and the answer falls on that government.
    None unless the trigger's own words name a retaliation."""
    if resources.retaliation is None or resources.retaliation.search(text, trigger.start, trigger.end) is None:
        return None
    return next((p for p in sorted(parties, key=lambda p: p.start)
                 if trigger.end <= p.start and p.end <= part.end and p.iso3 != actor
                 and owns_measure(text, p, resources)), None)


def _candidate(inputs: ArticleInputs, sentence: Sentence, clause_list: list[Region], index: int, trigger: Cue,
               absorbed: tuple[Cue, ...], part: Region, resources: EventResources, origins: frozenset[str],
               syntax: Parsed | None = None, sentence_times: tuple[TimeRef, ...] = ()) -> Candidate | None:
    text, clause, event_type = inputs.text, clause_list[index], trigger.label
    actor_party, actor, actor_how = trigger_actor(inputs, clause_list, index, trigger, part, resources, origins, syntax)
    if actor is None and event_type in TWO_SIDED:
        actor_how = "sides"  # the first-named side, below
    if event_type == "demand" and (actor_how == "owner"
                                    or resources.possessed.search(text, max(0, trigger.start - 60), trigger.start)):
        # "offered concessions to Trump's demands": a demand named by its owner is one made before, named in
        # passing; the 2025 annotation reports demands as they are made ("urged", "called for")
        return None
    targets_how = "order"
    used: list[str] = [trigger.mention_id, *(a.mention_id for a in absorbed)]
    if actor_party is not None:
        used.append(actor_party.mention_id)
    targets: tuple[str, ...] = ()
    scope, excluded, target_inherited = "unspecified", (), False
    if event_type in TWO_SIDED:
        stop = resources.region_stop.search(text, trigger.end, part.end)
        sides = within(inputs.parties, Region(part.start, stop.start() if stop else part.end))
        # "Vietnamese carrier X agreed to buy jets from U.S. planemaker Y": a deal whose subject is a company is
        # no government's, and a country naming the company on the other side is no side of it either
        if actor_party is not None and _names_company(text, actor_party, resources):
            sides = [p for p in sides if not _names_company(text, p, resources)]
            actor_party, actor, actor_how = None, None, "sides"
        if trigger.strength == "weak":  # "meeting" alone: the other side must be joined to it by with/and/between
            near = trigger.end + len(first_words(text, trigger.end, part.end, resources.side_words))
            joined = [p for p in sides if p == actor_party or (
                linked(text, part.start, p.start, p.end, resources) and p.end <= near)]
            subject = actor_party if actor_how == "subject" else None
            sides = [p for p in sides if p in joined or _first_of_pair(text, trigger, p, sides, joined, subject,
                                                                       near)]
        if actor is None and sides:
            actor = sides[0].iso3
        targets = tuple(sorted({p.iso3 for p in sides} - {actor}))
        used += [p.mention_id for p in sides]
    elif event_type == "demand":
        addressed = syntax_targets(syntax.parse, syntax.token, text, actor, inputs.parties, resources) \
            if syntax is not None else None
        other = addressed.targets[0] if addressed is not None and addressed.targets else None
        targets_how = "syntax" if other is not None else "order"
        if other is None:
            other = counterpart(text, trigger.end, clause, actor, inputs.parties, resources)
        if other is not None:
            targets = (other.iso3,)
            used.append(other.mention_id)
    else:
        # the search for targets stops at a joined clause with its own subject ("… and Chile's industry is
        # struggling"), which the parser may read as one more conjunct of the target noun
        joined = (joined_clause_start(syntax.parse, trigger.end, resources.syntax.relative_words)
                  if syntax is not None and resources.syntax is not None else None)
        parties = inputs.parties if joined is None else tuple(p for p in inputs.parties if p.start < joined)
        if is_passing(trigger):  # a measure named in passing hits what its own phrase names, nothing after it
            parties = tuple(p for p in parties if p.start < part.end)
        found = _syntax_targets(syntax, text, actor, parties, resources)
        if found is None and syntax is not None:  # "levies on Chile, which he later paused": that measure's
            found = _from_syntax(antecedent_targets(syntax.parse, syntax.token, text, actor, parties, resources))
        if found is not None:
            targets_how = "syntax"
        else:
            # the trigger's own words may state its scope too: "reciprocal tariffs" are on every partner
            after = Region(trigger.end, min(part.end, joined) if joined is not None else part.end)
            found = find_targets(text, after, Region(part.start, trigger.end), actor,
                                 inputs.parties, resources, scope_before=True)
        if found.scope == "unspecified" and not is_passing(trigger):  # "suspended plans to impose tariffs on
            # Mexico": its own clause first
            governed = _governed_targets(inputs, syntax, trigger, part, clause.end, actor, resources)
            if governed is not None:
                found, targets_how = governed
        for earlier in reversed(clause_list[:index]):  # "…on articles of China; and removing the duties"
            if found.scope != "unspecified" or is_passing(trigger):
                break
            found = find_targets(text, Region(earlier.end, earlier.end), earlier, actor, inputs.parties, resources)
        hurt = {p.iso3 for p in found.parties if _only_hurt(text, p, trigger, resources)}
        if hurt and hurt != set(found.iso3):  # "tariffs on all imports, which may cut Chile's small sales"
            left = tuple(i for i in found.iso3 if i not in hurt)
            found = found._replace(iso3=left, parties=tuple(p for p in found.parties if p.iso3 not in hurt),
                                   scope="bilateral" if len(left) == 1 else found.scope)
        elif hurt and found.scope in ("bilateral", "multilateral"):
            found = found._replace(iso3=(), parties=(), scope="unspecified")
        targets, scope, excluded = found.iso3, found.scope, found.excluded
        answered = _owner_answered(text, trigger, part, actor, inputs.parties, resources) \
            if scope == "unspecified" else None
        if answered is not None:  # "vowed retaliation against the U.S. tariffs": on the United States
            targets, scope = (answered.iso3,), "bilateral"
            used.append(answered.mention_id)
        if is_passing(trigger) and scope == "unspecified":  # "Trump's steel tariffs": on the goods from everywhere
            scope = "all"
        elif (trigger.rule_id == OWNED_RULE_ID and scope == "unspecified"
              and rate_phrase_names_goods(text, trigger.end, part.end, resources.products)):
            # "Trump's 25% tariffs on steel and aluminum": a stated measure in force on goods, from everywhere,
            # as a measure named in passing; it refers back to no earlier measure (a threat on Mexico before it)
            scope = "all"
        used += [p.mention_id for p in found.parties]
        # an investigation aims at the other government named: "if Reagan imposed …, it would file a complaint"
        if event_type == "investigation" and scope == "unspecified":
            other = next((p for p in within(inputs.parties, Region(sentence.start, sentence.end))
                          if p.iso3 != actor), None)
            if other is not None:
                targets, scope, target_inherited = (other.iso3,), "bilateral", True
                used.append(other.mention_id)
    if event_type in TWO_SIDED or event_type == "demand":
        scope = "bilateral" if len(targets) == 1 else "multilateral" if targets else "unspecified"
    rate = choose_rate(inputs.rates, part, trigger.start, resources) if event_type in TARIFF_TYPES else None
    if rate is not None and event_type == "tariff_imposed" and rate.previous is not None and rate.value is not None:
        if rate.value > rate.previous:
            event_type = "tariff_increased"
        elif rate.value < rate.previous:
            event_type = "tariff_reduced"
    products = _products(text, event_type, trigger, part, rate, resources)
    rules = resources.syntax

    def dating_of(times: tuple[TimeRef, ...]) -> tuple[TimeRef, ...]:
        # not "until March 4", nor another clause's
        return times if rules is None else own_times(
            text, times, syntax.parse if syntax else None, syntax.token if syntax else None,
            rules.period_end_cases, rules.connectives, trigger.start, sequence_cases=rules.sequence_cases,
            source_phrases=rules.source_phrases, deadline_cases=rules.deadline_cases)

    when = choose_time(dating_of(inputs.times), part, trigger.start, "DATE", resources)
    entering = when  # the date the measure applies from, when only that is near the trigger
    if syntax is not None and rules is not None:  # "signed an order Monday imposing …, effective from
        # March 4": Monday, though the attachment gave it to another trigger of the sentence
        sentence_region = Region(sentence.start, sentence.end)
        when = act_date_over_effective(
            text, when, lambda: dating_of(sentence_times), syntax.parse, syntax.token, resources.effective_cue,
            lambda t: choose_time((t,), sentence_region, trigger.start, "DATE", resources) is not None)
    lasting = choose_time(inputs.times, part, trigger.start, "DURATION", resources)
    if syntax is not None:
        modality, cue = syntax_modality(syntax.parse, syntax.token, (trigger.start, trigger.end), event_type,
                                        resources), None
        if modality == "asserted" and trigger.reports and resources.syntax is not None:
            # "China announced it would retaliate with levies": the report names a measure still to come
            modality = reported_plan(syntax.parse, syntax.token, resources.syntax) or modality
    else:
        modality, cue = choose_modality(event_type, trigger, clause, text, inputs.modals, resources)
    modality, cue = own_modality(modality, cue, trigger, inputs.modals)
    if trigger.names_measure and event_type == NAME_TYPE and modality == "threatened":
        event_type, modality = _named_measure_reading(inputs, syntax, trigger, clause, resources)
    # a measure signed on Monday that takes effect on March 4 is still planned: the later of the two dates says
    modality = future_is_planned(conditional(modality, text, clause, trigger, resources),
                                 entering.value if entering else None, inputs.published)
    if is_passing(trigger):  # "Trump's steel tariffs could disrupt …": the hedge is the effect's, not the measure's
        modality = "asserted"
    for ref in (rate, when, lasting, cue):
        if ref is not None:
            used.append(ref.mention_id)
    return Candidate(
        event_type=event_type, sentence=sentence, trigger=trigger, actor=actor, targets=targets, scope=scope,
        actor_official=_acting_official(inputs, actor_party, trigger),
        excluded=excluded, rate_value=rate.value if rate else None,
        rate_previous=previous_of(rate.previous, products) if rate else None,
        product=products[0] if products else None, products=products,
        event_date=event_date_value(text, when, inputs.times, resources.syntax.alternative_day_joiners)
        if when and resources.syntax is not None else when.value if when else None, duration=lasting.value if lasting else None,
        modality=modality, officials=officials_in(inputs.officials, Region(sentence.start, sentence.end)),
        mention_ids=tuple(sorted(set(used))), strong=trigger.strength == "strong",
        target_inherited=target_inherited,
        absorbed=tuple(a.label for a in absorbed),
        anaphoric=when is None and re.search(r"\b(?:the|these|those)\s+$", text[clause.start:trigger.start],
                                             re.IGNORECASE) is not None,
        roles_from=f"actor={actor_how};targets={targets_how}",
        is_background=syntax is not None and is_commentary(syntax.parse, syntax.token, resources),
    )


# a possessive right after a party, then up to three words before a noun of its trade ("Chile's already
# small sales"); a dash or a verb of harm before the party ("— South Korea's main exports")
_POSSESSIVE = re.compile(r"\s*(?:'s|’s|'|’)\s+((?:[\w-]+\s+){0,3}[\w-]+)")
_DASH_BEFORE = re.compile(r"(?:—|–|\s-)\s*(?:the\s+)?$")
# how many words before the party a verb of harm may stand ("may further cut Chile's")
_HARM_REACH = 3


def _only_hurt(text: str, party: Party, trigger: Cue, resources: EventResources) -> bool:
    """True when a party after the trigger is named only as the one a measure hurts: its trade in the
    possessive ("Chile's sales", "South Korea's main exports") after a verb of harm or a dash ("tariffs on all
    copper imports, which may cut Chile's small sales", "chips — South Korea's main exports"). A measure on that trade
    ("duties on India's exports") names it after a preposition and keeps it as its target."""
    if party.start < trigger.end or not resources.hurt_trade_nouns:
        return False
    following = _POSSESSIVE.match(text, party.end)
    if following is None or not any(w.lower() in resources.hurt_trade_nouns for w in following.group(1).split()):
        return False
    before = text[trigger.end:party.start]
    if _DASH_BEFORE.search(before):
        return True
    words = re.findall(r"[\w'’-]+", before)[-_HARM_REACH:]
    return any(word.lower() in resources.harm_verbs for word in words)


def _parsed(parse: SentenceParse | None, trigger: Cue) -> Parsed | None:
    """The sentence's parse with the trigger's head token, or None when there is no parse or no token."""
    token = parse.at(trigger.start, trigger.end) if parse is not None else None
    return Parsed(parse, token) if parse is not None and token is not None else None


def _syntax_targets(syntax: Parsed | None, text: str, actor: str | None, parties: tuple[Party, ...],
                    resources: EventResources) -> Targets | None:
    """`Targets` from the parse (`roles.syntax_targets`), or None when it names none."""
    return _from_syntax(syntax_targets(syntax.parse, syntax.token, text, actor, parties, resources) if syntax else None)


def _from_syntax(found: SyntaxTargets | None) -> Targets | None:
    """`Targets` of the parties the parse names, or None when it names none."""
    if found is None:
        return None
    iso3 = tuple(sorted(dict.fromkeys(p.iso3 for p in found.targets)))
    excluded = tuple(sorted({p.iso3 for p in found.excluded} - set(iso3)))
    if iso3:
        return Targets(iso3, "bilateral" if len(iso3) == 1 else "multilateral", (), found.targets)
    return Targets((), "all_except", excluded, found.excluded)


def _governed_targets(inputs: ArticleInputs, syntax: Parsed | None, trigger: Cue, part: Region, clause_end: int,
                      actor: str | None, resources: EventResources) -> tuple[Targets, str] | None:
    """(targets, how) of the next trigger of the clause when this trigger governs it ("suspended plans to impose heavy
    duties on Canada and Mexico": the suspension is of that imposition), else None.

    With a parse, the next trigger governs nothing when the path up to this trigger passes a coordination
    or a loosely joined clause ("lifted tariffs and imposed duties on China": the lifting is not on
    China), and only the countries the parse places in its target phrases count: the rest of the clause
    may hold a comparison ("higher tariffs than the United States") or a proviso ("except those …");
    without a parse, it governs nothing when a coordination or punctuation stands between the two."""
    text = inputs.text
    if part.end >= clause_end:
        return None
    if syntax is not None:
        following = syntax.parse.at(part.end, part.end + 1)
        if following is None or not _under(syntax.parse, following, syntax.token):
            return None
        found = _syntax_targets(Parsed(syntax.parse, following), text, actor, inputs.parties, resources)
        return (found, "syntax") if found is not None else None
    if re.search(r"[,;:]|\b(?:and|or|but|then)\b", text[trigger.end:part.end], re.IGNORECASE):
        return None
    found = find_targets(text, Region(part.end, clause_end), Region(part.end, part.end), actor, inputs.parties,
                         resources)
    return (found, "order") if found.scope != "unspecified" else None


def _under(parse: SentenceParse, token: Token, governor: Token) -> bool:
    """True when ``governor`` lies above ``token`` on a path of heads through no coordination (`conj`) or
    loosely joined clause (`parataxis`)."""
    current = token
    for above in parse.chain(token):
        if current.base_dep in ("conj", "parataxis"):
            return False
        if above == governor:
            return True
        current = above
    return False


def _acting_official(inputs: ArticleInputs, actor: Party | None, trigger: Cue) -> str | None:
    """The official who acts: the actor itself, or an official of its country named between it and the
    trigger ("Japanese Prime Minister Shigeru Ishiba urged")."""
    if actor is None:
        return None
    if actor.official_id:
        return actor.official_id
    return next((p.official_id for p in inputs.parties if p.official_id and p.iso3 == actor.iso3
                 and actor.start <= p.start and p.end <= trigger.start), None)


def _products(text: str, event_type: str, trigger: Cue, part: Region, rate: RateRef | None,
              resources: EventResources) -> tuple[str, ...]:
    """The products of a measure, in text order: from the rate's applies_to, else the words right after the
    trigger; for talks and deals the words right before it ("chip pact"). A trigger without an acting
    subject may follow the measure it speaks of ("tariffs on cars are under consideration", "steel duties
    took effect"): with no product after it, the words before it in its part name them."""
    if event_type in TWO_SIDED:
        return find_products([last_words(text, part.start, trigger.end, 3)], resources)
    found = find_products([_without_rate_asides(rate.applies_to if rate else None, resources),
                           _without_rate_asides(first_words(text, trigger.end, part.end, resources.product_words),
                                                resources)], resources)
    if not found and trigger.agent_only:
        found = find_products([last_words(text, part.start, trigger.start, resources.product_words)], resources)
    if not found:
        # "articles … that qualify for duty-free entry under the Agreement between … (USMCA)": a class of goods
        # told by a construction around the trigger, its name spelled out past the window and the next trigger
        found = _gapped_products(text, part, resources)
    return found


def _without_rate_asides(words: str | None, resources: EventResources) -> str | None:
    """``words`` without the bracketed asides that hold a rate of their own ("a 25% duty on Canadian goods
    (10% on energy)"): the goods named there are the aside's rate's, not the measure's."""
    if not words or resources.rate_aside is None:
        return words
    return resources.rate_aside.sub(" ", words)


# How far past its part a gapped product variant may end: its gap and a long variant's words.
GAPPED_REACH = PRODUCT_GAP_CHARS + 100


def _gapped_products(text: str, part: Region, resources: EventResources) -> tuple[str, ...]:
    """The products whose gapped variants (`resources.gapped_products`) begin in ``part``, in text order.

    A variant may end past the part (a trigger inside the agreement's name, "the Agreement between …", ends
    the part); its gap never crosses the end of a clause, so it stays in the sentence."""
    hits = sorted((m.start(), name) for name, pattern in resources.gapped_products
                  for m in [pattern.search(text, part.start, part.end + GAPPED_REACH)]
                  if m and m.start() < part.end)
    return tuple(dict.fromkeys(name for _, name in hits))


def article_candidates(inputs: ArticleInputs, resources: EventResources) -> list[Candidate]:
    """Every candidate of the article, in text order, with the discourse pass, retyping and list items applied."""
    if not inputs.triggers and not any(may_name_measure(r.kind, r.unit) for r in inputs.rates) \
            and not may_name_in_passing(inputs.text, resources.passing):
        return []  # most articles: no sentence can hold a candidate, nor a list item after one
    # "the Canadian and Mexican tariffs": governments listed before a measure are the goods' origins; the
    # list depends on the article's text and parties only, so it is found once, not at every trigger
    origins = listed_origins(inputs.text, inputs.parties, resources)
    found = coordinated_measures([c for s in inputs.sentences for c in sentence_candidates(inputs, s, resources, origins)],
                                 inputs, resources)
    # retyped before the list items copy their measure: an item is judged by its measure's sentence, not
    # by the words that follow the measure's trigger into the list
    retyped = retype(resolve_discourse(found, inputs, resources), inputs.text, resources.retypes,
                     resources.clause_boundary)
    # "Trump imposed tariffs on steel … Trump's steel tariffs could …": the measure is reported once
    # "… the potential 30% tariff on Peru imports": Peru is hit by no measure in force named in passing
    return without_repeats(without_targets_to_come(enumerated(inputs, retyped, resources), inputs.text,
                                                   inputs.parties, resources.passing))
