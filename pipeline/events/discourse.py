"""The passes over a whole article's candidates: what a sentence leaves implicit, and list items.

A tariff measure without an actor is the measure of the market its sentence
says the goods enter (`pipeline.events.importer`), else takes the actor of the
measure just before it (within ``discourse_sentences`` sentences; sanctions
only from sanctions; a "he" or "she" only from a person's measure), and talks, deals or demands
with one side take the other side from the latest event with that side (else
the first later one naming both sides; "the two sides" take the latest pair).
A measure without a target takes the targets of the latest measure of the
same actor within the same window; a demand takes nothing from other
sentences. A list item naming only a country and a rate ("Japan (25%)")
right after a tariff measure is that measure on that country at that rate;
when that measure names no date and no country, the items take the date of
the same measure told just before it ("starting August 1, they will be
subject to new tariff rates. In some instances, countries will be subject to
a revised rate …" then "Japan (25%)": August 1).
A tariff measure on named goods that names no country applies to goods of
every origin (`scope_by_goods`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.events.arguments import Region, is_goods_demonym, of_goods, owns_measure, within
from pipeline.events.importer import importing_government
from pipeline.events.plural_actors import plural_actors
from pipeline.events.resources import EventResources
from pipeline.events.types import ALL_SCOPES, TARIFF_TYPES, TWO_SIDED, ArticleInputs, Candidate, Party, RateRef
from pipeline.views import Sentence

WORD = re.compile(r"[a-z]+")

# Measures with a direction (actor → targets) whose missing targets may come from the measure before them.
DIRECTED = TARIFF_TYPES + ("trade_restriction", "investigation")
# Changes to a measure already in place: they may fall on a part of it only.
ALTERS = ("tariff_suspended", "tariff_removed", "tariff_reduced", "tariff_exemption", "tariff_increased")
# Modalities of an earlier measure that no later one can refer to: a speculation or a condition. (A negated
# measure still names whom it concerns: "has not yet set a quota for exports to the U.S." … "had set a quota".)
NO_MEASURE = ("possible",)
# Measures whose missing actor may come from the measure just before them.
INHERITS_ACTOR = TARIFF_TYPES + ("trade_restriction",)
# In `Candidate.roles_from`: the actor came from an earlier measure of the article (`_inherit_actor`).
ACTOR_FROM_BEFORE = "actor=discourse"
# Relations of a clause that modifies another (adverbial, relative) rather than being said or asked by its
# subject: a business speaker is looked for no higher than them (`_private_speaker`).
CLAUSE_MODIFIERS = frozenset({"advcl", "acl"})
# What the nearest subject of a trigger is (`_clause_subject`).
ACTIVE, PASSIVE, PERSON, NO_SUBJECT = "active", "passive", "person", "none"


def resolve_discourse(candidates: list[Candidate], inputs: ArticleInputs,
                      resources: EventResources) -> list[Candidate]:
    """Fill missing actors and other sides from the events before each candidate (see module doc)."""
    out: list[Candidate] = []
    for position, candidate in enumerate(candidates):
        readings = [candidate]
        if candidate.event_type in INHERITS_ACTOR and candidate.actor is None:
            # "they vowed retaliation" after a list of governments: each of them acts
            readings = plural_actors(candidate, out, inputs, resources) or [
                _importer_acts(candidate, inputs, resources) or _inherit_actor(candidate, out, inputs, resources)]
        history = list(out)  # the readings of one plural subject answer the measures before, not each other
        for reading in readings:
            out.append(_other_side(reading, history, candidates[position + 1:], inputs, resources))
    return out


def _other_side(candidate: Candidate, history: list[Candidate], later: list[Candidate], inputs: ArticleInputs,
                resources: EventResources) -> Candidate:
    """The candidate with the other side its text leaves out taken from the measures around it."""
    exports = _restricts_exports(candidate, inputs.text, resources)
    if exports:
        candidate = _without_answered_government(candidate, inputs, resources)
    if candidate.event_type in DIRECTED and candidate.actor and candidate.scope == "unspecified":
        return _inherit_targets(candidate, history, later, inputs, resources, exports=exports)
    if candidate.event_type in TWO_SIDED:
        return _inherit_side(candidate, history, later, inputs, resources)
    return candidate


def _names_sanctions(text: str, candidate: Candidate, words: frozenset[str]) -> bool:
    """True for a measure whose trigger holds a word of ``words`` (``sanction_trigger_words``): it names
    sanctions ("sanctions on Russian oil")."""
    return any(word in words for word in WORD.findall(text[candidate.trigger.start:candidate.trigger.end].lower()))


def _targets_without(candidate: Candidate, actor: str) -> tuple[tuple[str, ...], str]:
    """The candidate's targets and scope once ``actor`` acts: a government does not act on itself."""
    targets = tuple(t for t in candidate.targets if t != actor)
    scope = candidate.scope
    if scope in ("bilateral", "multilateral"):
        scope = "bilateral" if len(targets) == 1 else "multilateral" if targets else "unspecified"
    return targets, scope


def _importer_acts(candidate: Candidate, inputs: ArticleInputs, resources: EventResources) -> Candidate | None:
    """The candidate as the measure of the market its sentence says the goods enter (`importing_government`:
    "vehicles imported to the U.S. … the 25% tariffs on Canada and Mexico"), that market no target of it;
    None when the sentence names no such market."""
    if _clause_subject(candidate, inputs, _person_pronouns(resources), fallback=None) in (None, ACTIVE):
        # unparsed, or an active subject that is no government ("Outokumpu warned that the tariffs on steel
        # imported into the US …", "potential for the administration to impose"): the actor rules left the
        # subject out on purpose
        return None
    market = importing_government(inputs.text, candidate, inputs.parties, resources.import_before,
                                  resources.import_after)
    if market is None:
        return None
    targets, scope = _targets_without(candidate, market)
    return replace(candidate, actor=market, targets=targets, scope=scope,
                   roles_from=candidate.roles_from.replace("actor=none", "actor=market"))


def _person_pronouns(resources: EventResources) -> frozenset[str]:
    """The subjects that name a person (``person_pronouns`` of syntax.json: "he", "she"): a measure they take is
    a person's, never a country's told before it."""
    return resources.syntax.person_pronouns if resources.syntax is not None else frozenset()


def _clause_subject(candidate: Candidate, inputs: ArticleInputs, pronouns: frozenset[str], *,
                    fallback: str | None) -> str | None:
    """What the nearest subject on the trigger's path of heads is ("He had threatened tariffs … but had
    postponed them": "He" for both verbs): `PERSON` for a word of ``pronouns`` ("he", "she"), `PASSIVE` for
    the subject of a passive ("tariffs that were put on pause"), `ACTIVE` for any other, `NO_SUBJECT` when
    none; ``fallback`` for a sentence without a parse."""
    trigger = candidate.trigger
    parse = inputs.parses.get(candidate.sentence.index)
    token = parse.at(trigger.start, trigger.end) if parse is not None else None
    if parse is None or token is None:
        return fallback
    for governor in [token, *parse.chain(token)]:
        subjects = parse.children(governor, "nsubj")
        if subjects:
            subject = subjects[0]
            return PERSON if subject.lower in pronouns else PASSIVE if subject.dep == "nsubj:pass" \
                else ACTIVE
    return NO_SUBJECT


def _person_subject(candidate: Candidate, inputs: ArticleInputs, pronouns: frozenset[str]) -> bool:
    """True when the subject of the trigger's clause is a word of ``pronouns``, "he" or "she"
    (`_clause_subject`); in a sentence without a parse, when one stands before the trigger in its sentence."""
    sentence = candidate.sentence
    words = WORD.findall(inputs.text[sentence.start:candidate.trigger.start].lower())
    fallback = PERSON if any(w in pronouns for w in words) else NO_SUBJECT
    return _clause_subject(candidate, inputs, pronouns, fallback=fallback) == PERSON


def _private_speaker(candidate: Candidate, inputs: ArticleInputs, resources: EventResources) -> bool:
    """True when a subject on the trigger's path of heads, up to the first clause that modifies another, is no
    government (``private_words``): the measure is a business person's call or view ("an exporter urged the
    island to cut tariffs", "'we must lower tariffs,' one exporter said"), not the act of a government told
    before it. False without a parse."""
    parse = inputs.parses.get(candidate.sentence.index)
    token = parse.at(candidate.trigger.start, candidate.trigger.end) if parse is not None else None
    if parse is None or token is None:
        return False
    for governor in [token, *parse.chain(token)]:
        # a common noun only: "Union" and "Group" in a name are a government's or a company's own name
        if any(subject.upos == "NOUN" and resources.private.fullmatch(subject.text) is not None
               for subject in parse.children(governor, "nsubj")):
            return True
        if governor.base_dep in CLAUSE_MODIFIERS:
            return False  # "stocks recovered after Trump announced duties": the stocks say nothing
    return False


def _inherit_actor(candidate: Candidate, history: list[Candidate], inputs: ArticleInputs,
                   resources: EventResources) -> Candidate:
    text = inputs.text
    # Market copy names sanctions programmes (on Russian or Iranian oil) beside tariffs of other governments:
    # sanctions take their actor only from sanctions told before them, and lend it to nothing else.
    words = resources.syntax.sanction_trigger_words if resources.syntax is not None else frozenset()
    sanctions = _names_sanctions(text, candidate, words)
    # "China retaliated with duties. He had threatened tariffs …": "he" is no country; he acts for the
    # government of the latest person who acted (an office-holder named as the actor, `actor_official`)
    person = _person_subject(candidate, inputs, _person_pronouns(resources))
    if _private_speaker(candidate, inputs, resources):
        return candidate  # "an exporter said the government must cut tariffs": no government told before acts
    for earlier in reversed(history):
        if candidate.sentence.index - earlier.sentence.index > resources.discourse_sentences:
            break
        if _names_sanctions(text, earlier, words) != sanctions or (person and earlier.actor_official is None):
            continue
        if earlier.event_type in INHERITS_ACTOR and earlier.actor:
            targets, scope = _targets_without(candidate, earlier.actor)
            # the actor was its only target ("on every country that taxes U.S. imports"): the stated scope
            if scope == "unspecified" and resources.all_scope.search(text, candidate.trigger.end,
                                                                     candidate.sentence.end):
                scope = "all"
            # the official travels with the actor: a "he" two sentences on still refers to that person
            return replace(candidate, actor=earlier.actor, targets=targets, scope=scope, actor_inherited=True,
                           actor_official=earlier.actor_official,
                           roles_from=candidate.roles_from.replace("actor=none", ACTOR_FROM_BEFORE))
    return candidate


def _inherit_targets(candidate: Candidate, history: list[Candidate], later: list[Candidate],
                     inputs: ArticleInputs, resources: EventResources, *, exports: bool) -> Candidate:
    """The targets of the measure ``candidate`` refers to: the latest measure of its actor in the window.

    A retaliation is on the actor of the measure it answers (`_answered`: one told before it in ``history``,
    or one of another government named after the retaliation word later in its sentence, in ``later``).

    None are taken when the candidate names what it falls on itself (`names_own_object`: "no tariffs on
    data flows") or stands in a heading (`is_heading`), when that measure is no measure (possible: "clothing makers likely to face increased
    duties"), or when the candidate changes a measure already in place and the earlier
    sentence is a package at different rates ("25% on Canada and Mexico, 10% on China … later paused
    the tariffs"): which part it changes, the text does not say. A measure on goods it names takes no
    exclusion of an earlier measure on every origin but some: the exclusion is that measure's proviso. An export control (``exports``) naming no
    destination holds goods back from every one (`_to_every_destination`).
    """
    if names_own_object(inputs.text, candidate, resources) or is_heading(inputs.text, candidate.sentence, resources):
        # "export curbs on gallium": the goods held back, and no destination
        return _to_every_destination(candidate, inputs) if exports else candidate
    # an export control answering another government's measure ("in response to tariffs from Washington")
    # names the measure it answers, not where the goods it holds back were going
    answered = None if exports else _answered(candidate, history, later, inputs.text, resources)
    if answered is not None:
        return replace(candidate, targets=(answered.actor,), scope="bilateral", target_inherited=True)
    answered_government = None if exports else (_government_answered(candidate, inputs, resources)
                                                or _owner_said_answered(candidate, inputs, resources))
    if answered_government is not None:
        return replace(candidate, targets=(answered_government,), scope="bilateral", target_inherited=True)
    for earlier in reversed(history):
        if candidate.sentence.index - earlier.sentence.index > resources.discourse_sentences:
            break
        # a scope of all is a tariff's: an investigation or a restriction names the goods or the country it is on,
        # and one naming none is no measure on every origin ("an anti-dumping investigation" after tariffs on all)
        if earlier.event_type in DIRECTED and earlier.actor == candidate.actor and (
                earlier.targets or (earlier.scope in ALL_SCOPES and candidate.event_type in TARIFF_TYPES)):
            if earlier.modality in NO_MEASURE or (candidate.event_type in ALTERS and _package(earlier, inputs)):
                return candidate
            # an exclusion is the earlier measure's own proviso ("paused for every country except China, which
            # retaliated"): a measure on goods it names itself ("restored the 25% tariff on steel") is not
            # under it, and takes the scope of goods of every origin (`scope_by_goods`)
            if earlier.scope == "all_except" and candidate.product is not None:
                return candidate
            return replace(candidate, targets=earlier.targets, scope=earlier.scope, excluded=earlier.excluded,
                           target_inherited=True)
    if candidate.event_type in TARIFF_TYPES and _refers_to_measure_on_all(candidate, inputs, resources):
        return replace(candidate, scope="all", target_inherited=True)
    return _to_every_destination(candidate, inputs) if exports else candidate


def _to_every_destination(control: Candidate, inputs: ArticleInputs) -> Candidate:
    """An export control naming no destination, scoped ``all``: goods held back from every one. A headline's
    keeps its scope: the body tells the same control, and may name its destination ("… CAR EXPORT RESTRAINT NOT
    ENOUGH" over "restraint to the EC"); a stated scope would keep the two from merging."""
    return replace(control, scope="all") if control.trigger.start >= inputs.body_start else control


def _without_answered_government(candidate: Candidate, inputs: ArticleInputs,
                                 resources: EventResources) -> Candidate:
    """``candidate`` (an export control) without the targets named only after a word of retaliation after its
    trigger ("placed export curbs on tin in response to tariffs from Ottawa": Ottawa's is the measure answered,
    not the destination of the tin)."""
    if resources.retaliation is None or not candidate.targets:
        return candidate
    answer = resources.retaliation.search(inputs.text, candidate.trigger.end, candidate.sentence.end)
    if answer is None:
        return candidate
    before = {p.iso3 for p in inputs.parties if p.mention_id in candidate.mention_ids and p.start < answer.start()}
    kept = tuple(t for t in candidate.targets if t in before)
    if kept == candidate.targets:
        return candidate
    scope = "unspecified" if not kept else "bilateral" if len(kept) == 1 else "multilateral"
    return replace(candidate, targets=kept, scope=scope)


def _restricts_exports(candidate: Candidate, text: str, resources: EventResources) -> bool:
    """True for a trade restriction whose trigger, or the words right after it, name exports ("placed export
    restrictions", "curbed exports of gallium"; ``export_measure``)."""
    if candidate.event_type != "trade_restriction" or resources.export_measure is None:
        return False
    words = re.split(r"[,;:.!?()]", text[candidate.trigger.end:candidate.sentence.end], maxsplit=1)[0].split()[:2]
    return resources.export_measure.search(" ".join([text[candidate.trigger.start:candidate.trigger.end], *words])) \
        is not None


# A parenthesis: in an order it holds the title of the instrument it names ("Executive Order 14257 (Regulating
# Imports with a Reciprocal Tariff …)"), a name and no statement of the measure's scope.
_PARENTHESIS = re.compile(r"\([^()]*\)")


def _states_scope_all(sentence: str, resources: EventResources) -> bool:
    """Whether ``sentence`` states the scope all (``all_scope``) outside its parentheses."""
    return resources.all_scope.search(_PARENTHESIS.sub(" ", sentence)) is not None


def _refers_to_measure_on_all(candidate: Candidate, inputs: ArticleInputs, resources: EventResources) -> bool:
    """True when the nearest earlier mention of a tariff measure (a trigger in one of the ``discourse_sentences``
    sentences before, the headline included, whether or not it gave an event: "Trump's reciprocal tariff
    proposal", "worries that steeper U.S. duties on steel may draw retaliation") names no government but
    the candidate's actor and applies to every origin: its sentence states the scope all
    (``all_scope``: "reciprocal tariffs", "on all imports"; such a phrase counts as a mention without a trigger)
    or the words after its trigger name goods ("on steel and aluminium"). A retaliation is no mention of it. A later
    measure naming no country refers to it ("will announce such tariffs next week", "the decision to raise
    tariffs to 25%"). A nearer mention that names another government, or none at all, stops the search."""
    text, index = inputs.text, candidate.sentence.index
    by_index = {s.index: s for s in inputs.sentences}
    for earlier_index in range(index - 1, max(index - resources.discourse_sentences, 0) - 1, -1):
        sentence = by_index.get(earlier_index)
        if sentence is None:
            return False
        # a retaliation is another government's answer, never the actor's own measure ("fears of retaliatory tariffs")
        mentions = [t for t in inputs.triggers if sentence.start <= t.start < sentence.end and t.label in TARIFF_TYPES
                    and not _retaliatory(text[t.start:t.end], resources)]
        on_all = _states_scope_all(text[sentence.start:sentence.end], resources)
        if not mentions and not on_all:
            continue
        if {p.iso3 for p in within(inputs.parties, Region(sentence.start, sentence.end))} - {candidate.actor}:
            return False
        return on_all or _names_goods(text[mentions[-1].start:sentence.end], resources)
    return False


def _retaliatory(trigger_text: str, resources: EventResources) -> bool:
    """True when a trigger's words name a retaliation ("retaliatory tariffs")."""
    return resources.retaliation is not None and resources.retaliation.search(trigger_text) is not None


def _names_goods(phrase: str, resources: EventResources) -> bool:
    """True when the words of ``phrase`` up to its first punctuation name goods ("tariffs on steel")."""
    return any(resources.goods.fullmatch(w) for w in _words_to_punctuation(phrase)[:8])


def _answered(candidate: Candidate, history: list[Candidate], later: list[Candidate], text: str,
              resources: EventResources) -> Candidate | None:
    """The measure a retaliation answers, told in its sentence or up to ``discourse_sentences`` before: the
    latest one whose targets hold the retaliating actor ("Washington imposed tariffs on Mexico, prompting
    retaliatory duties from Mexico", or "… on Mexico. Mexico retaliated with duties.": Mexico's duties are
    on the United States); else a measure of another government named after the retaliation word later in the same
    sentence ("the EU vowed countermeasures in response to Washington's steel tariffs": on the United
    States); None when the sentence speaks of no retaliation."""
    sentence = candidate.sentence
    if resources.retaliation is None or resources.retaliation.search(text, sentence.start, sentence.end) is None:
        return None
    # an answer said to follow (role speaker: "… condemned Washington's steel duties, and X said there would be
    # countermeasures") answers the other government's measure told before it, whoever that measure hits
    said = candidate.trigger.by_speaker
    earlier = next((e for e in reversed(history) if sentence.index - e.sentence.index <= resources.discourse_sentences
                    and e.actor and e.actor != candidate.actor and (said or candidate.actor in e.targets)), None)
    if earlier is not None:
        return earlier
    return next((e for e in later if e.sentence.index == sentence.index and e.actor
                 and e.actor != candidate.actor and e.trigger.start > candidate.trigger.end
                 and resources.retaliation.search(text, candidate.trigger.start, e.trigger.start) is not None),
                None)


def _government_answered(candidate: Candidate, inputs: ArticleInputs, resources: EventResources) -> str | None:
    """The government an answer held ready is aimed at, when `_answered` finds no measure: the first other
    government named after the trigger in its sentence, when the trigger itself is a word of retaliation
    ("the bloc is ready to respond within hours if Washington's duties hit its steel": on the United States;
    the measure answered sits in a condition, which is no event of its own). Not the actor of the latest
    measure of another government: copy that answers one government often tells another's measure last."""
    trigger = candidate.trigger
    if resources.retaliation is None or resources.retaliation.search(inputs.text, trigger.start, trigger.end) is None:
        return None
    return next((p.iso3 for p in sorted(inputs.parties, key=lambda p: p.start)
                 if trigger.end <= p.start and p.end <= candidate.sentence.end and p.iso3 != candidate.actor), None)


def _owner_said_answered(candidate: Candidate, inputs: ArticleInputs, resources: EventResources) -> str | None:
    """The government whose measure an answer said to follow (role ``speaker``) answers, named before it in its
    sentence or the ``discourse_sentences`` before: the nearest other government that owns a measure ("U.S.
    tariffs", `owns_measure`) or an official of it ("… condemned Trump's decision to impose steel tariffs, and X said there would be countermeasures": on
    the United States). None for any other trigger."""
    if not candidate.trigger.by_speaker or candidate.actor is None:
        return None
    first = candidate.sentence.index - resources.discourse_sentences
    start = min((s.start for s in inputs.sentences if first <= s.index <= candidate.sentence.index),
                default=candidate.sentence.start)
    before = within(inputs.parties, Region(start, candidate.trigger.start))
    return next((p.iso3 for p in sorted(before, key=lambda p: -p.start) if p.iso3 != candidate.actor
                 and (p.source == "official" or owns_measure(inputs.text, p, resources))), None)


def _words_to_punctuation(phrase: str) -> list[str]:
    """The words of ``phrase`` up to its first punctuation mark: the phrase a measure's trigger opens."""
    return re.findall(r"[\w’'-]+", re.split(r"[,;:.!?()]", phrase, maxsplit=1)[0])


def names_own_object(text: str, candidate: Candidate, resources: EventResources) -> bool:
    """True when the words right after the trigger say what the measure falls on and it is neither goods
    nor a word that refers back: "no tariffs on data flows" (not "on their goods", "on them", "on cars",
    "on the two countries")."""
    trigger = candidate.trigger
    words = _words_to_punctuation(text[trigger.end:candidate.sentence.end])
    last = text[trigger.start:trigger.end].split()[-1:]  # a trigger may end in its preposition: "no tariffs on"
    words = (last + words if last and last[0].lower() in resources.object_prepositions else words)[:5]
    if not words or words[0].lower() not in resources.object_prepositions:
        return False
    if any(w.lower() in resources.referring_words for w in words[1:]):
        return False
    phrase = [w for w in words[1:] if w.lower() not in resources.transparent]
    return bool(phrase) and not any(resources.goods.fullmatch(w) for w in phrase)


def is_heading(text: str, sentence: Sentence, resources: EventResources) -> bool:
    """True for a heading: every word but function words capitalized ("Suspension of Country-Specific Ad
    Valorem Rates of Duty."). A heading opens a part of the document (a section of an order): the measure
    before it is no antecedent of the measure it names."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", text[sentence.start:sentence.end])
             if w.lower() not in resources.function_words]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _package(candidate: Candidate, inputs: ArticleInputs) -> bool:
    """True when the candidate's sentence states two or more different tariff rates (several measures)."""
    sentence = candidate.sentence
    values = {r.value for r in inputs.rates if sentence.start <= r.start and r.end <= sentence.end
              and r.value is not None and r.unit == "percent"}
    return len(values) > 1


def _inherit_side(candidate: Candidate, history: list[Candidate], later: list[Candidate], inputs: ArticleInputs,
                  resources: EventResources) -> Candidate:
    sides = candidate.sides
    if len(sides) == 1:
        (known,) = sides
        # the latest earlier event with that side, else the first later talks or deal naming both sides
        pool = list(reversed(history)) + [c for c in later if c.event_type in TWO_SIDED
                                          and not (c.actor_inherited or c.target_inherited)]
        for other_event in pool:
            others = other_event.sides - {known}
            if known in other_event.sides and len(others) == 1:
                if candidate.actor is None:
                    return replace(candidate, actor=next(iter(others)), targets=(known,), scope="bilateral",
                                   actor_inherited=True)
                return replace(candidate, targets=tuple(others), scope="bilateral", target_inherited=True)
    elif not sides and resources.two_sides.search(inputs.text, candidate.sentence.start, candidate.sentence.end):
        for earlier in reversed(history):
            if len(earlier.sides) == 2 and earlier.actor:
                others = tuple(sorted(earlier.sides - {earlier.actor}))
                return replace(candidate, actor=earlier.actor, targets=others, scope="bilateral",
                               actor_inherited=True, target_inherited=True)
    return candidate


def scope_by_goods(candidates: list[Candidate]) -> list[Candidate]:
    """A tariff measure on named goods that names no country, even after the article's other sentences,
    applies to goods of every origin ("tariffs on steel", as "tariffs on imports"): its scope is ``all``.
    Run after retyping: a sanction on Russian oil is not a measure on all oil."""
    return [replace(c, scope="all") if c.event_type in TARIFF_TYPES and c.scope == "unspecified"
            and not c.targets and c.product is not None else c for c in candidates]


def scope_all_when_unnamed(events: list[Candidate], inputs: ArticleInputs,
                           resources: EventResources) -> list[Candidate]:
    """A government's tariff measure that names no country, after the article's other sentences and the merge of
    its mentions, is on imports generally when no other government is named in its sentence or the
    ``discourse_sentences`` before it: scope ``all``, no targets ("steelmakers rally after Washington announces new
    tariffs"). The guideline keeps ``unspecified`` for a text that really does not say whom a measure hits; a
    tariff is a tax on imports, and one said of no country, in a passage that has named no other, is said of every
    one. A passage that names another government may mean it ("Tokyo failed to have the threatened tariffs called
    off"): the measure stays unspecified. Run after merging: an unnamed mention still joins the mention of the same
    measure that names its targets, and only what stays unnamed is read so."""
    return [replace(e, scope="all") if e.event_type in TARIFF_TYPES and e.actor is not None
            and e.scope == "unspecified" and not e.targets and not _other_government_near(e, inputs, resources)
            else e for e in events]


def _other_government_near(event: Candidate, inputs: ArticleInputs, resources: EventResources) -> bool:
    """Whether a government other than the event's actor is named before its trigger, in its sentence or the
    ``discourse_sentences`` sentences before it (the headline included when it is among them). One named after
    the trigger does something else ("…, although top buyer Beijing has not hit farm goods")."""
    first = event.sentence.index - resources.discourse_sentences
    start = min((s.start for s in inputs.sentences if first <= s.index <= event.sentence.index),
                default=event.sentence.start)
    return any(p.iso3 != event.actor for p in within(inputs.parties, Region(start, event.trigger.start)))


# Non-tariff sanctions are kept country by country (a sanctions programme is on one government: "sanctions on
# exports from Iran and Venezuela" tightens two programmes), as the gold guideline codes them.
SANCTION = "sanction"


# "to" (with an article) right before a party: the party may be where goods go
# (or "to" a list the party closes: "shipments to China and India")
_TO_BEFORE = re.compile(r"\bto\s+(?:the\s+)?(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*(?:\s*,\s*|\s+and\s+|\s+or\s+))*"
                        r"(?:the\s+)?$")
# how many words before that "to" the verb moving the goods may stand ("shipping Iranian crude oil to")
_DESTINATION_REACH = 6


def _destination(text: str, party: Party, sentence: Sentence, verbs: frozenset[str]) -> bool:
    """True when ``party`` follows "to" after a verb or noun that moves goods: "networks shipping Iranian oil to
    China", "crude shipments to India and China"."""
    before = text[sentence.start:party.start]
    found = _TO_BEFORE.search(before)
    if found is None:
        return False
    words = re.findall(r"[\w'’-]+", before[:found.start()])[-_DESTINATION_REACH:]
    return any(word.lower() in verbs for word in words)


# the end of a sanction's object: the first punctuation after the words that open it, but a comma before a
# capitalized word, which goes on with a list of what is sanctioned ("on Chinese firms, Russian units and …"),
# a dash, which opens an aside naming the object again ("on the Guards — the Iranian corps —"), and the
# period of an abbreviation ("U.S. officials")
_OBJECT_END = re.compile(r"[;:!?()\[\]\"“”]|,(?!\s+[A-Z])|(?<=[a-z]{3})\.(?:\s|$)")
# how far after its trigger the words opening a sanction's object may start ("imposed fresh sanctions on")
_OBJECT_REACH = 40
# how many words before a country a word of war may stand for the country to be the war's victim
_VICTIM_REACH = 3


def _sanction_object(text: str, event: Candidate, resources: EventResources) -> Region | None:
    """The object of a sanction's trigger: the words after "sanctions on/against/targeting" (`sanction_object`)
    up to the first punctuation ("imposed sanctions on Russia's oil exports, causing …" → "Russia's oil
    exports"), or None when the trigger opens no object."""
    if resources.sanction_object is None:
        return None
    sentence, trigger = event.sentence, event.trigger
    for match in resources.sanction_object.finditer(text, sentence.start, sentence.end):
        if match.end() <= trigger.start:
            continue
        if match.start() > trigger.end + _OBJECT_REACH:
            return None
        end = _OBJECT_END.search(text, match.end(), sentence.end)
        return Region(match.end(), end.start() if end else sentence.end)
    return None


def _victim(text: str, party: Party, sentence: Sentence, war_words: frozenset[str]) -> bool:
    """True when ``party`` follows a word of war within a few words ("its war against Ukraine", "the invasion
    of Ukraine", "support for Ukraine"): the country the sanctions answer for, not the one they fall on."""
    words = re.findall(r"[\w'’-]+", text[sentence.start:party.start])[-_VICTIM_REACH:]
    return any(word.lower() in war_words for word in words)


def _object_targets(event: Candidate, inputs: ArticleInputs, resources: EventResources) -> tuple[str, ...] | None:
    """The targets a sanction's own object gives, or None when it says nothing of them.

    The countries named in the object ("sanctions on Russia's oil", "sanctions targeting Iranian tankers"), but
    where the goods go (`_destination`) and a war's victim (`_victim`), are the targets: a country named past
    the object ("…, causing buyers in China to steer clear") or carried from an earlier sentence is none. An
    object naming no country and no goods ("sanctions on the court for overreach") keeps only targets named
    before the trigger in its sentence ("over Moscow's war, Washington imposed sanctions on banks"). An object
    that refers back ("sanctions on them") or names goods only ("sanctions on oil") says nothing of the country.
    """
    text = inputs.text
    region = _sanction_object(text, event, resources)
    if region is None:
        return None
    words = re.findall(r"[\w’'-]+", text[region.start:region.end])
    # "sanctions on — related to …": the object broken off by a dash is not told
    if text[region.start:region.end].lstrip().startswith(("—", "–", "-")) or not words or any(w.lower() in resources.referring_words for w in words):
        return None
    named = [p for p in within(inputs.parties, region) if p.iso3 != event.actor
             and not _destination(text, p, event.sentence, resources.destination_verbs)
             and not _victim(text, p, event.sentence, resources.war_words)]
    if named:
        # the targets found so far that the object names, else the object's own countries (the object names the
        # target the word order missed: "sanctions on Russia's oil", where a buyer was read)
        iso3 = tuple(dict.fromkeys(p.iso3 for p in named))
        return tuple(t for t in event.targets if t in iso3) or iso3
    content = [w for w in words if w.lower() not in resources.transparent]
    if not content or any(resources.goods.fullmatch(w) for w in content):
        return None
    # the object names who is sanctioned, not where: a target stays when the sentence names it before the trigger
    # or as the origin of goods ("sanctions on tankers and insurers have disrupted Russian oil shipments")
    sentence = Region(event.sentence.start, event.sentence.end)
    # goods named in the trigger's clause only ("…, while new sanctions target Iranian oil" tells another measure)
    boundary = resources.clause_boundary.search(text, region.end, sentence.end)
    clause = Region(sentence.start, boundary.start() if boundary else sentence.end)
    origins = [p for p in within(inputs.parties, clause) if p.iso3 != event.actor
               and not _destination(text, p, event.sentence, resources.destination_verbs)
               and (is_goods_demonym(text, p, resources) or of_goods(text, sentence.start, p, resources))]
    kept = {p.iso3 for p in within(inputs.parties, sentence) if p.end <= event.trigger.start} | {
        p.iso3 for p in origins}
    if not event.targets:
        # sanctions on carriers of one country's goods ("sanctions on tankers … have disrupted Russian oil
        # shipments") fall on that country when it is the only one whose goods the sentence names
        found = tuple(dict.fromkeys(p.iso3 for p in origins))
        return found if len(found) == 1 else None
    return tuple(t for t in event.targets if t in kept)


def sanctions_by_target(events: list[Candidate], inputs: ArticleInputs | None = None,
                        resources: EventResources | None = None) -> list[Candidate]:
    """Each sanction event naming several targets as one event per target, in the targets' order.

    A sanction whose trigger opens its object takes its targets from that object (`_object_targets`). A target
    named only as where the sanctioned goods go ("tankers that ship Iranian crude to China",
    `EventResources.destination_verbs`) or as a war's victim ("over its war against Ukraine",
    `EventResources.war_words`) is left out while another target remains: the sanctions fall on the goods'
    origin or the warring government, and the buyer or the victim is a circumstance."""
    out: list[Candidate] = []
    for event in events:
        if event.event_type != SANCTION or inputs is None or resources is None:
            out.append(event)
            continue
        own = _object_targets(event, inputs, resources)
        if own is not None and own != event.targets:
            event = replace(event, targets=own, scope="bilateral" if own else "unspecified", excluded=())
        if len(event.targets) < 2:
            out.append(event)
            continue
        targets = event.targets
        named = [p for p in within(inputs.parties, Region(event.sentence.start, event.sentence.end))
                 if p.mention_id in event.mention_ids]
        kept = tuple(t for t in targets if not (
            (mentions := [p for p in named if p.iso3 == t])
            and all(_destination(inputs.text, p, event.sentence, resources.destination_verbs)
                    or _victim(inputs.text, p, event.sentence, resources.war_words) for p in mentions)))
        targets = kept or targets
        out.extend(replace(event, targets=(target,), scope="bilateral") for target in targets)
    return out


# Types that set no rate of their own: a pause, a removal or an exemption stops a measure whose rate
# another event states ("delayed a 25% tariff on Mexico" pauses the 25% imposition, and sets no rate).
RATELESS_TYPES = frozenset({"tariff_suspended", "tariff_removed", "tariff_exemption"})


def without_stopped_rates(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates, a pause, removal or exemption without the rate of the measure it stops
    (`RATELESS_TYPES`); the rate still named its goods (``product``). Run after retyping."""
    return [replace(c, rate_value=None, rate_previous=None) if c.event_type in RATELESS_TYPES else c
            for c in candidates]


def list_item(inputs: ArticleInputs, sentence: Sentence) -> tuple[Party, RateRef | None] | None:
    """``(country, rate)`` when a sentence names only one country and at most one rate: "Japan (25%)"."""
    parties = within(inputs.parties, Region(sentence.start, sentence.end))
    rates = [r for r in inputs.rates if sentence.start <= r.start and r.end <= sentence.end]
    if len({p.iso3 for p in parties}) != 1 or len(rates) > 1:
        return None
    rest = inputs.text[sentence.start:sentence.end]
    for span in sorted(parties + rates, key=lambda x: x.start, reverse=True):
        rest = rest[:span.start - sentence.start] + rest[span.end - sentence.start:]
    if re.search(r"[^\W\d_]", rest):
        return None
    return parties[0], (rates[0] if rates else None)


def _told_before(parent: Candidate, earlier: list[Candidate], resources: EventResources) -> Candidate:
    """``parent`` with the date of the same measure told just before it, when it has none of its own."""
    if parent.event_date is not None or parent.targets:
        return parent
    for measure in reversed(earlier):
        if parent.sentence.index - measure.sentence.index > resources.discourse_sentences:
            break
        if (measure.event_type, measure.actor) == (parent.event_type, parent.actor) and not measure.targets \
                and measure.event_date is not None:
            return replace(parent, event_date=measure.event_date)
    return parent


def enumerated(inputs: ArticleInputs, candidates: list[Candidate], resources: EventResources) -> list[Candidate]:
    """Candidates for the items of a list introduced by a tariff measure ("… new tariff rates:
    Japan (25%), Korea (25%) …"): each item is the measure on that country at that rate, and a measure
    naming no country that items follow is replaced by them (its scope, "reciprocal tariff rates", is
    the list's)."""
    by_sentence: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        by_sentence.setdefault(candidate.sentence.index, []).append(candidate)
    out: list[Candidate] = []
    parent: Candidate | None = None
    dated_parent: Candidate | None = None  # the parent with the date of its first telling (`_told_before`)
    previous_item = -2
    listed: set[int] = set()  # parents naming no country that items follow: the items are the measure
    told: list[Candidate] = []
    for sentence in inputs.sentences:
        measures = [c for c in by_sentence.get(sentence.index, ()) if c.event_type in TARIFF_TYPES
                    and c.modality != "negated"]
        if measures:
            parent = measures[-1]
            dated_parent = _told_before(parent, told, resources)
            told += measures
            continue
        if parent is None or not (sentence.index - parent.sentence.index <= resources.discourse_sentences
                                  or previous_item == sentence.index - 1):
            continue  # (tested before the item: most sentences follow no measure)
        item = list_item(inputs, sentence)
        if item is None:
            continue
        party, rate = item
        used = (party.mention_id,) + ((rate.mention_id,) if rate else ())
        out.append(replace(dated_parent, sentence=sentence, targets=(party.iso3,), scope="bilateral", excluded=(),
                           rate_value=rate.value if rate else parent.rate_value,
                           rate_previous=rate.previous if rate else parent.rate_previous,
                           officials=(), mention_ids=tuple(sorted(set(used) | {parent.trigger.mention_id})),
                           target_inherited=False))
        previous_item = sentence.index
        if not parent.targets:
            listed.add(id(parent))
    kept = [c for c in candidates if id(c) not in listed]
    return sorted(kept + out, key=lambda c: (c.sentence.start, c.trigger.start))
