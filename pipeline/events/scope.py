"""Modality, non-events and background read from the trigger's own place in the parse.

Only the words attached to the trigger's clause count — its auxiliaries,
adverbs, the mark of its clause, the verbs it completes — never the nearest
cue in the sentence: in "the tariffs imposed in March, which Japan will
answer, …" the "will" belongs to "answer", not to "imposed". The walk goes
from the trigger to its clause (`SentenceParse.clause`) and up through the
verbs that clause completes (``xcomp``: "plans to impose", "agreed to cut")
or that report it with a cue of their own (``ccomp``/``acl`` under "warned",
"considering"); it stops at any other verb ("said").

Modality, first match wins (lemma lists in ``models/events/syntax.json``):
a negation ("not", "never", "no") on a word of the walk, or a negating verb
above ("refused to") → negated (planned when the negated verb or measure
carries a word of ``immediacy_words``: "did not enact the levies
immediately" denies only the timing, `negates_immediacy`); a threat trigger → threatened; a condition
mark ("if", "unless", "whether") on the clause or a verb above it, or an
"if" clause attached to it, a purpose ("in order to lift the tariffs, the
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

Not events (`non_event` names why): a question (the sentence ends with "?"),
a counterfactual ("would have imposed"), a law's authority ("the Trade Act
allows the president to impose …": a law word is the subject of an
authorising verb above the trigger, or the noun it describes: "legislation
empowering him to impose …"), a comparison ("higher than the
tariffs Japan imposes": "than" or "compared" on the walk) and a measure named
as a circumstance of something else (`circumstance`): a measure noun under
"amid" or "despite" ("shares fell amid tariff threats") or the complement of
a noun of effect ("the impact from new U.S. tariffs", "fears of higher
duties", "the cost of the proposed tariffs", also through a noun that completes it: "expectations
about a pause in new tariffs"; also through a relative clause:
"the impact of the tariffs, which took effect on Monday", or a gerund
clause: "the prospect of Trump announcing tariffs"). Market and company copy names measures this way
to explain something else; the measure itself is reported elsewhere. A measure
that is the object of a verb of criticism ("has long criticized Canada's dairy
duties", `criticized`): a measure in place someone objects to. And a
standing measure: a present-tense relative clause without auxiliary
("countries that impose duties on U.S. goods", `standing`). And a condition opened by an auxiliary before
its subject ("should prices keep rising or duties be imposed", `aside.inverted_condition`), a measure
whose effect is forecast ("sanctions would not affect output", `aside.forecast_effect`), a statistic ("the
average tariff rate", `aside.statistic`), a level compared ("India has higher tariffs",
`aside.level_compared`) and the subject of talks ("discussions on the reduction of duties",
`aside.topic_of_talks`).

Background: the trigger's clause is reported or judged by a non-government
speaker ("analysts expect Washington to raise tariffs", `is_commentary`), or
the event's date ends more than ``background_days`` before the publication
date ("in 1985 Washington imposed …", `before_window`), or a phrase of a past
term of office or period modifies the trigger's clause or a measure noun's own participle ("tariffs he
imposed during his first term", "exemptions granted over the previous four years", `recounts_history`),
or its actor is titled "then-" ("then-President Smith raised tariffs", `past_office_holder`), or the clause tells an undated act in the
past perfect outside reported speech ("had later granted quotas to allies",
`past_perfect`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from pipeline.events.aside import forecast_effect, inverted_condition, level_compared, statistic, topic_of_talks
from pipeline.events.dates import date_range
from pipeline.events.hedges import (
    GERUND_MISATTACHED, conjoined_clause, cue_of, hedged_measure, phrasal_hedge, plan_or_hedge,
    private_hedger, purpose_clause,
)
from pipeline.events.market import market_clause
from pipeline.events.mood import is_imperative
from pipeline.events.resources import EventResources, SyntaxRules
from pipeline.events.syntax import NOUN_MODIFIERS, PREDICATES, SentenceParse, Token
from pipeline.events.types import ArticleInputs, Candidate, Cue, TimeRef

def _walk(parse: SentenceParse, trigger: Token, rules: SyntaxRules, *, through_conj: bool = False) -> list[Token]:
    """The trigger, its clause and the verbs above it that the clause completes (see module doc); with
    ``through_conj``, also the first verb of a coordination the clause continues without a subject of
    its own ("plans to set a global tariff and impose duties": the plan governs both)."""
    clause = parse.clause(trigger, rules.clause_verbs)
    out = [trigger] + ([clause] if clause != trigger else [])
    current = clause
    head = parse.head(trigger)
    if clause == trigger and trigger.upos == "VERB" and trigger.dep in GERUND_MISATTACHED and head is not None \
            and head.upos in ("NOUN", "PROPN"):
        # "is considering imposing 10% tariffs": the parser may hang the gerund on its own object as a
        # modifier; the clause it stands in is then the one of that noun ("considering")
        above = parse.clause(head, rules.clause_verbs)
        if above != head:
            out.append(above)
            current = above
    if through_conj and clause == trigger and trigger.upos not in PREDICATES:
        verb = conjoined_clause(parse, measure_noun(parse, trigger), rules)
        if verb is not None:
            out.append(verb)
            current = verb
    for _ in range(6):
        head = parse.head(current)
        if head is None:
            break
        shared = through_conj and current.dep == "conj" and not parse.children(current, "nsubj", "aux")
        cue_above = cue_of(head, rules) or phrasal_hedge(parse, head, current, rules)
        clausal = current.dep in ("ccomp", "csubj", "acl", "advcl")
        if shared or current.dep == "xcomp" or (clausal and cue_above and not _adverbial(parse, current, rules)):
            out.append(head)
            current = head
            continue
        break
    return out


def _adverbial(parse: SentenceParse, clause: Token, rules: SyntaxRules) -> bool:
    """True for an adverbial clause opened by a connective of time or cause ("after meeting Ishiba", "as
    Washington raised tariffs"): it tells its own event, which takes no plan or hedge of the verb it
    modifies ("are discussing a project after meeting Ishiba": the meeting took place)."""
    return clause.dep == "advcl" and any(m.lower in rules.subordinating_connectives
                                         for m in parse.children(clause, "mark", "case"))


def _negated(parse: SentenceParse, walk: list[Token], trigger_span: tuple[int, int], rules: SyntaxRules) -> bool:
    for token in walk:
        for child in parse.children(token, "advmod", "neg", "det", "aux"):
            inside = trigger_span[0] <= child.start < trigger_span[1]  # "no tariffs on": the trigger itself
            if child.lower in rules.negations and not inside and child.dep != "aux":
                return True
        if token != walk[0] and (token.lemma.lower() in rules.negating_verbs):
            return True
    return False


def negates_immediacy(parse: SentenceParse, walk: list[Token], trigger: Token, rules: SyntaxRules) -> bool:
    """True when a negated measure's verb or noun carries a word of ``immediacy_words`` ("did not enact the
    levies immediately", "no immediate tariff imposition", "won't raise duties right away"): the negation
    denies that the measure comes at once, not the measure, which stays to come."""
    noun = measure_noun(parse, trigger)
    for token in [*walk, noun, *parse.children(noun, "compound")]:  # "no immediate tariff imposition"
        for child in parse.children(token, "advmod", "amod", "obl"):
            words = " ".join(t.lower for t in parse.subtree(child))
            if child.lower in rules.immediacy_words or words in rules.immediacy_words:
                return True
    return False


def _conditional(parse: SentenceParse, walk: list[Token], rules: SyntaxRules) -> bool:
    """A condition word marks the clause or a verb above it, or a clause or phrase attached to it
    ("lifted once Japan honors the pact", which the parser may read as a phrase "once Japan")."""
    first = next((t for t in parse.tokens if t.text.strip()), None)
    if first is not None and first.lower in rules.conditions and first.start < walk[-1].start and \
            any(t.text == "," and first.start < t.start < walk[-1].start for t in parse.tokens):
        return True  # "If Japan does not open its market, the United States would set quotas"
    for token in walk[1:] or walk:
        if any(m.lower in rules.conditions for m in parse.children(token, "mark")):
            return True
        for attached in parse.children(token, "advcl", "obl"):
            if any(m.lower in rules.conditions for m in parse.children(attached, "mark", "case", "advmod")):
                return True
    return False


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
    """True for an event noun that something is done ahead of ("tariff cuts ahead of a meeting with
    Trump"): the words before it (its adverbs and prepositions) are one of ``ahead_cases``."""
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
    walk = _walk(parse, trigger, rules)
    if _negated(parse, walk, trigger_span, rules):
        # "did not enact the levies immediately": the measure is still to come, only its timing is denied
        return "planned" if negates_immediacy(parse, walk, trigger, rules) else "negated"
    if event_type == "tariff_threatened":
        return "threatened"
    # a negation stays with its own verb ("did not impose tariffs and raised quotas"); a plan, a condition
    # or a hedge governs every verb of the coordination after it
    walk = _walk(parse, trigger, rules, through_conj=True)
    # "if …"; "in order to lift the tariffs, …"; "for instance, levy duties …"
    if _conditional(parse, walk, rules) or purpose_clause(parse, walk, rules) or is_imperative(parse, walk):
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


def measure_noun(parse: SentenceParse, token: Token) -> Token:
    """The head of the noun phrase a trigger word stands in ("new" → "tariffs" in "new U.S. tariffs";
    "Tariff" → "Threat")."""
    for _ in range(4):
        head = parse.head(token)
        if head is None or token.dep.split(":")[0] not in NOUN_MODIFIERS or head.upos not in ("NOUN", "PROPN"):
            break
        token = head
    return token


def market_threat(parse: SentenceParse, trigger: Token, event_type: str, resources: EventResources) -> bool:
    """True when a threat named as a noun explains a price move ("the dollar rises on tariff threats",
    "investors shrugged off tariff threats"; `market.market_clause`): market copy, not a government's act.
    Only threats: a named measure ("traders weighed the imposition of 25% tariffs on steel") still reports
    the measure."""
    if event_type != "tariff_threatened" or resources.market is None or trigger.upos in ("VERB", "AUX"):
        return False
    return market_clause(parse, measure_noun(parse, trigger), resources.market)


def _effect_noun(token: Token, rules: SyntaxRules) -> bool:
    return token.lemma.lower() in rules.effect_nouns or token.lower in rules.effect_nouns


def circumstance(parse: SentenceParse, trigger: Token, rules: SyntaxRules) -> bool:
    """True when the trigger's measure noun is a circumstance ("amid tariff threats") or the complement of
    a noun of effect ("the impact from new tariffs", "the cost of the proposed tariffs"), see the module
    doc. A verb with its own clause never is, but for a gerund that completes a noun of effect ("the
    prospect of Trump announcing tariffs") and a participle after the measure noun ("the impact of the duties
    imposed by Washington"); the measure may also complete a participle of cause (``cause_participles``)
    of the noun of effect ("disruptions resulting from duties")."""
    token = trigger
    if token.dep == "acl:relcl":  # "the tariffs, which took effect": the noun the clause describes
        token = parse.head(token) or token
    elif token.upos in ("VERB", "AUX"):
        head = parse.head(token)
        if token.dep == "acl" and token.lower.endswith("ing"):
            return head is not None and _effect_noun(head, rules)
        if token.dep == "acl" and head is not None and head.index < token.index:
            # a participle after its noun: "the impact of the duties imposed by Washington"
            token = head
        elif token.dep != "amod":  # a participle that modifies the measure noun ("the proposed tariffs") reads on
            return False
    token = measure_noun(parse, token)
    if any(c.lower in rules.circumstance_cases for c in parse.children(token, "case")):
        return True
    head = parse.head(token)
    if head is None or token.dep.split(":")[0] not in ("nmod", "obl"):
        return False
    if head.upos == "VERB" and head.dep == "acl" and head.lemma.lower() in rules.cause_participles:
        # "disruptions resulting from duties imposed by …": the measure completes a participle of an effect
        head = parse.head(head) or head
    if _effect_noun(head, rules):
        return True
    # "expectations about a pause in new tariffs": the measure completes a noun that completes one of effect
    above = parse.head(head)
    return (head.upos == "NOUN" and head.dep.split(":")[0] == "nmod" and above is not None
            and _effect_noun(above, rules))


def criticized(parse: SentenceParse, trigger: Token, rules: SyntaxRules) -> bool:
    """True when the trigger's measure is the object of a verb of criticism (``criticism_verbs``), or its
    object through a preposition of ``criticism_cases`` ("about", "of", "over"): "has long criticized
    Canada's 250% dairy duties", "criticized duties levied by other nations", "complained about the bloc's
    car tariff". The measure is one in place that someone objects to, not news of it. A participle
    describing the measure ("duties imposed by …") reads through to its noun, a rate ("10%") to the noun it
    counts."""
    token = trigger
    if token.upos in ("VERB", "AUX"):
        if token.dep != "acl":
            return False
        token = parse.head(token) or token
    for _ in range(2):  # "10 % tariffs": the number hangs on "%", which hangs on the noun
        head = parse.head(token)
        if token.upos not in ("NUM", "SYM") or head is None:
            break
        token = head
    noun = measure_noun(parse, token)
    verb = parse.head(noun)
    if verb is None or verb.lemma.lower() not in rules.criticism_verbs:
        return False
    relation = noun.dep.split(":")[0]
    # "has long complained about the EU's 10% tariff": the measure in the verb's prepositional object
    return relation == "obj" or (relation == "obl" and (parse.case_of(noun) or "") in rules.criticism_cases)


def standing(parse: SentenceParse, trigger: Token, rules: SyntaxRules | None = None) -> bool:
    """True for a present-tense relative clause without auxiliary: it describes a standing measure of the
    noun it qualifies ("reciprocal tariffs on countries that impose duties on U.S. goods"), not news. So
    does a present perfect describing a class ("any country that has imposed levies on U.S. goods": the
    noun has a determiner of ``class_determiners``); "China, which has imposed tariffs" stays news."""
    # a relative pronoun must be its subject: a Market Talk item's "0824 GMT - Canada raises duties …" is
    # parsed as a relative clause of the time stamp, and its present tense is the news
    relative = any(c.feature("PronType") == "Rel" or c.lower in ("that", "which", "who")
                   for c in parse.children(trigger, "nsubj"))
    if trigger.dep != "acl:relcl" or not relative:
        return False
    auxiliaries = parse.children(trigger, "aux")
    if not auxiliaries:
        if trigger.upos == "NOUN":  # a verb the tagger read as a noun ("countries that place tariffs"): no
            # tense feature, so the form tells it, and an object shows the word is the clause's verb
            return bool(parse.children(trigger, "obj")) and not trigger.lower.endswith("ed")
        return trigger.feature("Tense") == "Pres" and trigger.feature("VerbForm") == "Fin"
    antecedent = parse.head(trigger)
    return (rules is not None and antecedent is not None and trigger.feature("VerbForm") == "Part"
            and all(a.lower in ("has", "have") for a in auxiliaries)
            and any(d.lower in rules.class_determiners for d in parse.children(antecedent, "det")))


def _adjective_measure(parse: SentenceParse, trigger: Token) -> Token:
    """The measure noun of a trigger, also of a second coordinated adjective ("existing or new U.S. tariffs":
    "new" hangs on "existing", which modifies the noun)."""
    noun = measure_noun(parse, trigger)
    head = parse.head(noun)
    if noun.upos == "ADJ" and noun.dep == "conj" and head is not None:
        return measure_noun(parse, head)
    return noun


def non_event(parse: SentenceParse, trigger: Token, resources: EventResources) -> str | None:
    """Why the trigger states no event (``question``, ``counterfactual``, ``authority``, ``comparison``,
    ``circumstance``, ``criticism``, ``standing``, ``condition``: `aside.inverted_condition`, ``effect``:
    `aside.forecast_effect`, ``statistic``: `aside.statistic`, ``level``: `aside.level_compared`, ``topic``:
    `aside.topic_of_talks`), or None."""
    rules = resources.syntax
    assert rules is not None
    if parse.ends_with_question():
        return "question"
    walk = _walk(parse, trigger, rules)
    clause = parse.clause(trigger, resources.syntax.clause_verbs)
    auxiliaries = [a.lower for a in parse.children(clause, "aux")]
    if any(a in rules.counterfactual_auxiliaries for a in auxiliaries) and "have" in auxiliaries:
        return "counterfactual"
    for token in walk + parse.chain(walk[-1]):
        if token.lemma.lower() in rules.authority_verbs:
            # the law is the verb's subject ("the Act allows …") or the noun it describes ("legislation
            # empowering him to hit any country …")
            subject = next((c for c in parse.children(token, "nsubj")), None)
            if subject is None and token.dep == "acl":
                subject = parse.head(token)
            if subject is not None and any(t.lemma.lower() in rules.law_words or t.lower in rules.law_words
                                           for t in [subject, *parse.children(subject, "compound")]):
                return "authority"
    for token in [trigger, *parse.chain(trigger)]:
        if token.lemma.lower() in rules.comparison_words or any(
                c.lower in rules.comparison_words for c in parse.children(token, "case", "mark")):
            return "comparison"
        if token == walk[-1]:
            break
    if circumstance(parse, trigger, rules):
        return "circumstance"
    if criticized(parse, trigger, rules):
        return "criticism"
    if standing(parse, trigger, rules):
        return "standing"
    if inverted_condition(parse, trigger, rules):
        return "condition"
    noun = _adjective_measure(parse, trigger)
    if trigger.upos not in ("VERB", "AUX") and forecast_effect(parse, noun, rules):
        return "effect"
    if statistic(parse, trigger, noun, rules):
        return "statistic"
    if level_compared(parse, trigger, noun, rules):
        return "level"
    if trigger.upos not in ("VERB", "AUX") and topic_of_talks(parse, noun, rules):
        return "topic"
    return None


def is_commentary(parse: SentenceParse, trigger: Token, resources: EventResources) -> bool:
    """True when a verb of speech or opinion above the trigger's clause has a non-government subject
    ("economists expect the U.S. to raise tariffs", "analysts said Japan would retaliate")."""
    rules = resources.syntax
    assert rules is not None
    for token in parse.chain(parse.clause(trigger, resources.syntax.clause_verbs)):
        if token.lemma.lower() not in rules.commentary_verbs:
            continue
        subject = next((c for c in parse.children(token, "nsubj")), None)
        if subject is not None and resources.private.fullmatch(subject.text) is not None:
            return True
    return False


def recounts_history(parse: SentenceParse, trigger: Token, resources: EventResources) -> bool:
    """True when an adjunct of the trigger or its clause names a past term of office (``history_phrases``:
    "during his first term", "under the previous administration"): the measure is history, whatever its
    date. Only the clause's own adjuncts count: in "tariffs, first imposed during his first term, were
    raised to 25%" the phrase dates "imposed", not "raised"."""
    rules = resources.syntax
    assert rules is not None
    clause = parse.clause(trigger, rules.clause_verbs)
    heads = [trigger, clause]
    if trigger.upos in ("NOUN", "PROPN"):
        # "exemptions provided over the previous four years": a participle that tells the measure's own past
        heads += [c for c in parse.children(trigger, "acl") if c.feature("VerbForm") == "Part"]
    for head in dict.fromkeys(heads):
        for child in parse.children(head, "obl", "nmod", "advmod", "advcl"):
            words = " ".join(t.lower for t in parse.subtree(child))
            if any(f" {phrase} " in f" {words} " for phrase in rules.history_phrases):
                return True
    return False


# "then-President Smith exempted …", "set by then-Commerce Secretary Jones": the office a person held when
# acting. Read on the words, as the parser often misreads a hyphenated title at the start of a sentence.
_THEN_TITLED_BEFORE = re.compile(r"\b(?i:then)[-‑–](?:[A-Z][\w.’'-]*\s+){1,5}(?:(?:also|later|had|has|[a-z]+ly)\s+)?$")
_THEN_TITLED_AGENT = re.compile(r"\s+by\s+(?i:then)[-‑–][A-Z]")


def past_office_holder(text: str, start: int, end: int, trigger: Cue) -> bool:
    """True when the trigger's actor, right before it or as its "by" agent, is titled "then-" ("then-President
    Smith exempted Canadian steel", "duties set by then-Commerce Secretary Jones"): an act of a past office,
    history. ``start``/``end`` bound the trigger's sentence."""
    return (_THEN_TITLED_BEFORE.search(text, start, trigger.start) is not None
            or _THEN_TITLED_AGENT.match(text, trigger.end, end) is not None)


def past_perfect(parse: SentenceParse, trigger: Token, rules: SyntaxRules) -> bool:
    """True when the trigger's clause is in the past perfect ("had imposed", "had later granted quotas"):
    an act before the past the story tells. The parser may read "had" as the main verb and the participle
    as a clause under it ("Ottawa had after long talks imposed duties"); that reading counts too. Not in
    reported speech, where the past perfect is the shifted present perfect ("China said it had imposed
    duties" reports that it has)."""
    clause = parse.clause(trigger, rules.clause_verbs)
    if clause.dep.split(":")[0] == "ccomp" or any(
            t.lemma.lower() in rules.commentary_verbs for t in parse.chain(clause)):
        return False
    if any(a.lower == "had" for a in parse.children(clause, "aux")):
        return True
    head = parse.head(clause)
    return (head is not None and head.lower == "had" and head.index < clause.index
            and clause.dep.split(":")[0] in ("advcl", "xcomp", "ccomp") and clause.feature("Tense") == "Past")


def history_background(candidates: list[Candidate], inputs: ArticleInputs,
                       resources: EventResources) -> list[Candidate]:
    """The candidates, those whose parsed clause recounts a past term of office (`recounts_history`), or
    tells in the past perfect, outside quotations and reported speech (`_quoted`), an act the article does
    not date (`past_perfect`), marked ``is_background``.
    A dated past perfect stays news when its date is in the article's window ("had imposed the duties on
    March 4"); one dated before it is background by its date (`before_window`)."""
    if resources.syntax is None:
        return candidates
    out = []
    for candidate in candidates:
        parse = inputs.parses.get(candidate.sentence.index)
        token = parse.at(candidate.trigger.start, candidate.trigger.end) if parse is not None else None
        if not candidate.is_background and past_office_holder(inputs.text, candidate.sentence.start,
                                                              candidate.sentence.end, candidate.trigger):
            candidate = replace(candidate, is_background=True)
        if token is not None and not candidate.is_background and (
                recounts_history(parse, token, resources)
                or (candidate.event_date is None and not _quoted(candidate, inputs)
                    and past_perfect(parse, token, resources.syntax))):
            candidate = replace(candidate, is_background=True)
        out.append(candidate)
    return out


def _quoted(candidate: Candidate, inputs: ArticleInputs) -> bool:
    """True when the trigger stands in a quotation or reported speech of the quotes table: its past perfect
    may be the speaker's shifted present perfect ("The department had already ruled …, Vastagh said")."""
    return any(q.start <= candidate.trigger.start < q.end for q in inputs.quotes)


def period_end(value: str) -> date | None:
    """Last day of a TIMEX3 date value (``2025`` → 2025-12-31, ``2025-06`` → 2025-06-30), or None."""
    period = date_range(value)
    return period.end if period else None


def told_as_history(event: Candidate, times: Sequence[TimeRef], published: date | None, days: int) -> bool:
    """True for an undated event whose sentence dates only history: every resolved date in it ends more than
    ``days`` before publication ("In 2018, Trump imposed tariffs … the duties on Mexico and Canada were
    lifted a year later": the lifting has no date of its own, but the sentence tells of 2018)."""
    if event.event_date is not None or published is None:
        return False
    dated = [t for t in times if t.timex_type == "DATE" and t.value and t.resolved
             and event.sentence.start <= t.start and t.end <= event.sentence.end]
    return bool(dated) and all(before_window(t.value, published, days) for t in dated)


def before_window(event_date: str | None, published: date | None, days: int) -> bool:
    """True when the event's date ends more than ``days`` before the publication date (history, not news)."""
    if not event_date or published is None:
        return False
    end = period_end(event_date)
    return end is not None and end < published - timedelta(days=days)
