"""Triggers that state no event, read from the trigger's own place in the parse.

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
whose effect is forecast ("sanctions would not affect output", `aside.forecast_effect`; also at the noun a
participle trigger describes: "tariffs introduced by Washington threaten to worsen margins"), a statistic ("the
average tariff rate", `aside.statistic`), a level compared ("India has higher tariffs",
`aside.level_compared`) and the subject of talks ("discussions on the reduction of duties",
`aside.topic_of_talks`). And a verb whose object is a noun of effect with a complement ("reduce the impact
of tariffs", `acts_on_effect`). And an entry into force whose subject is no measure noun but holds one
("countermeasures against Washington's levies went into effect", `embedded_measure_in_force`, read by
`pipeline.events.detect` for entry-into-force triggers only).
"""

from __future__ import annotations

from pipeline.events.aside import compared_with_other, forecast_effect, inverted_condition, level_compared, statistic, topic_of_talks
from pipeline.events.clause_walk import clause_walk, measure_noun
from pipeline.events.market import market_clause
from pipeline.events.resources import EventResources, SyntaxRules
from pipeline.events.syntax import SentenceParse, Token


def market_threat(parse: SentenceParse, trigger: Token, event_type: str, resources: EventResources) -> bool:
    """True when a threat named as a noun explains a price move ("the dollar rises on tariff threats",
    "investors shrugged off tariff threats"; `market.market_clause`): market copy, not a government's act.
    Only threats: a named measure ("traders weighed the imposition of 25% tariffs on steel") still reports
    the measure."""
    if event_type != "tariff_threatened" or resources.market is None or trigger.upos in ("VERB", "AUX"):
        return False
    return market_clause(parse, measure_noun(parse, trigger), resources.market)


def _effect_noun(token: Token, rules: SyntaxRules) -> bool:
    return token.lemma_or_text_in(rules.effect_nouns)


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
    if head is None or token.base_dep not in ("nmod", "obl"):
        return False
    if head.upos == "VERB" and head.dep == "acl" and head.lemma.lower() in rules.cause_participles:
        # "disruptions resulting from duties imposed by …": the measure completes a participle of an effect
        head = parse.head(head) or head
    if _effect_noun(head, rules):
        return True
    # "expectations about a pause in new tariffs": the measure completes a noun that completes one of effect
    above = parse.head(head)
    return (head.upos == "NOUN" and head.base_dep == "nmod" and above is not None
            and _effect_noun(above, rules))


def acts_on_effect(parse: SentenceParse, trigger: Token, rules: SyntaxRules) -> bool:
    """True when a verb trigger's object is a noun of effect (``effect_nouns``) that a prepositional phrase
    completes: "reduce the impact of tariffs", "cut their exposure to duties", "lift the uncertainty over
    tariffs". The verb changes the effect a company or market feels, not the measure; "take effect" has no
    such complement and stays."""
    if trigger.upos not in ("VERB", "AUX"):
        return False
    return any(_effect_noun(obj, rules) and parse.children(obj, "nmod")
               for obj in parse.children(trigger, "obj"))


def described_treatment(parse: SentenceParse, trigger: Token, event_type: str, rules: SyntaxRules) -> list[Token]:
    """The noun of a treatment (``treatment_nouns``) that the relative clause of an exemption trigger describes,
    with the noun it stands in apposition to: "the small-parcel exemption, a loophole that let cheap parcels in
    duty-free" gives "loophole" and "exemption". Empty when the trigger is in no such clause."""
    if event_type != "tariff_exemption":
        return []
    clause = parse.clause(trigger)  # any verb: the clause's verb ("allowed", "enabled") is no measure's
    antecedent = parse.head(clause) if clause.dep == "acl:relcl" else None
    if antecedent is None or not antecedent.lemma_or_text_in(rules.treatment_nouns):
        return []
    apposed = parse.head(antecedent) if antecedent.dep == "appos" else None
    return [antecedent] + ([apposed] if apposed is not None else [])


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
    relation = noun.base_dep
    # "has long complained about Japan's 8% rice tariff": the measure in the verb's prepositional object
    return relation == "obj" or (relation == "obl" and (parse.case_of(noun) or "") in rules.criticism_cases)


def standing(parse: SentenceParse, trigger: Token, rules: SyntaxRules | None = None) -> bool:
    """True for a present-tense relative clause without auxiliary: it describes a standing measure of the
    noun it qualifies ("matching tariffs on nations that levy duties on U.S. goods"), not news. So
    does a present perfect describing a class ("any country that has imposed levies on U.S. goods": the
    noun has a determiner of ``class_determiners``, or is a bare plural, "countries that have imposed
    levies"); "China, which has imposed tariffs" stays news."""
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
            and (any(d.lower in rules.class_determiners for d in parse.children(antecedent, "det"))
                 or (_bare_plural(parse, antecedent) and all(a.lower == "have" for a in auxiliaries))))


def habitual(parse: SentenceParse, trigger: Token, rules: SyntaxRules) -> bool:
    """True when the trigger or the verb of its clause carries an adverb of ``habitual_adverbs``: "pharmaceuticals
    have generally been exempt from tariffs", "Ottawa usually retaliates against duties on its steel" tell a
    standing state or a habit, not a step taken in the news."""
    clause = parse.clause(trigger, rules.clause_verbs)
    return any(c.lower in rules.habitual_adverbs for t in {trigger, clause} for c in parse.children(t, "advmod"))


def _bare_plural(parse: SentenceParse, noun: Token) -> bool:
    """True for a plural common noun without a determiner or a possessor ("tariffs on countries that have imposed
    duties on U.S. goods"): like "any country", it names a class, not the governments of the news. The caller
    asks for a plural "have" too, for the parser may hang "Mexico, which has …" on a plural noun before it."""
    return (noun.upos == "NOUN" and noun.feature("Number") == "Plur"
            and not parse.children(noun, "det", "nmod:poss", "nummod"))


def _adjective_measure(parse: SentenceParse, trigger: Token) -> Token:
    """The measure noun of a trigger, also of a second coordinated adjective ("existing or new U.S. tariffs":
    "new" hangs on "existing", which modifies the noun)."""
    noun = measure_noun(parse, trigger)
    head = parse.head(noun)
    if noun.upos == "ADJ" and noun.dep == "conj" and head is not None:
        return measure_noun(parse, head)
    return noun


def _described_measure(parse: SentenceParse, trigger: Token) -> Token | None:
    """The measure noun a participle trigger describes after it ("tariffs introduced by Washington",
    "duties imposed last week"), or None for any other trigger. The participle tells how the measure came
    about; what the sentence says of the measure is told by the verb the noun is the subject of."""
    if trigger.upos not in ("VERB", "AUX") or trigger.dep != "acl" or trigger.feature("VerbForm") != "Part":
        return None
    head = parse.head(trigger)
    return head if head is not None and head.index < trigger.index else None


def non_event(parse: SentenceParse, trigger: Token, resources: EventResources) -> str | None:
    """Why the trigger states no event (``question``, ``counterfactual``, ``authority``, ``comparison``,
    ``circumstance``, ``criticism``, ``standing``, ``condition``: `aside.inverted_condition`, ``effect``:
    `acts_on_effect` or `aside.forecast_effect`, ``statistic``: `aside.statistic`, ``level``: `aside.level_compared`, ``topic``:
    `aside.topic_of_talks`), or None."""
    rules = resources.syntax
    assert rules is not None
    if parse.ends_with_question():
        return "question"
    walk = clause_walk(parse, trigger, rules)
    clause = parse.clause(trigger, resources.syntax.clause_verbs)
    auxiliaries = [a.lower for a in parse.children(clause, "aux")]
    if any(a in rules.counterfactual_auxiliaries for a in auxiliaries) and "have" in auxiliaries:
        return "counterfactual"
    for token in walk + parse.chain(walk[-1]):
        if token.lemma.lower() in rules.authority_verbs:
            # the law is the verb's subject ("the Act allows …") or the noun it describes ("legislation
            # allowing him to hit any nation …")
            subject = next((c for c in parse.children(token, "nsubj")), None)
            if subject is None and token.dep == "acl":
                subject = parse.head(token)
            if subject is not None and any(t.lemma_or_text_in(rules.law_words)
                                           for t in [subject, *parse.children(subject, "compound")]):
                return "authority"
    for token in [trigger, *parse.chain(trigger)]:
        if token.lemma.lower() in rules.comparison_words or any(
                c.lower in rules.comparison_words for c in parse.children(token, "case", "mark")):
            return "comparison"
        if token == walk[-1]:
            break
    if compared_with_other(parse, _adjective_measure(parse, trigger), rules):
        return "comparison"
    if circumstance(parse, trigger, rules):
        return "circumstance"
    if acts_on_effect(parse, trigger, rules):
        return "effect"
    if criticized(parse, trigger, rules):
        return "criticism"
    if standing(parse, trigger, rules) or habitual(parse, trigger, rules):
        return "standing"
    if inverted_condition(parse, trigger, rules):
        return "condition"
    noun = _adjective_measure(parse, trigger)
    if trigger.upos not in ("VERB", "AUX") and forecast_effect(parse, noun, rules):
        return "effect"
    described = _described_measure(parse, trigger)
    if described is not None and forecast_effect(parse, described, rules):
        return "effect"
    if statistic(parse, trigger, noun, rules):
        return "statistic"
    if level_compared(parse, trigger, noun, rules):
        return "level"
    if trigger.upos not in ("VERB", "AUX") and topic_of_talks(parse, noun, rules):
        return "topic"
    return None


# The parts of speech of a rate in the parse ("10 %"): a subject headed by one names a measure by its rate.
RATE_TAGS = frozenset({"NUM", "SYM"})
MEASURE_HEAD_TAGS = frozenset({"NOUN", "PROPN"})


def embedded_measure_in_force(parse: SentenceParse, trigger: Token, resources: EventResources) -> bool:
    """True when an entry into force ("went into effect") has a subject whose head names no tariff measure
    of its owner, while a tariff measure stands under it: "Ottawa's countermeasures against Washington's 10%
    levies went into effect" tells that the countermeasures took effect, not the levies they answer. The
    measure that took effect is the subject's head (`resources.owned`: "tariffs", "duties"), owned by its
    possessor (`roles.syntax_actor`, subject); a head that is no such noun gives no imposition of the
    measure named under it. A head with a rate of its own ("the 10% top-up of existing tariffs") names
    a measure by that rate and keeps it."""
    rules = resources.syntax
    assert rules is not None
    if trigger.upos not in ("VERB", "AUX"):
        return False
    clause = parse.clause(trigger, rules.clause_verbs)
    subject = next((c for c in parse.children(clause, "nsubj")), None)
    if subject is None or subject.upos not in MEASURE_HEAD_TAGS:
        return False
    embedded = [t for t in parse.subtree(subject) if t != subject and resources.owned.fullmatch(t.text)]
    if not embedded:
        return False
    inner = {t.index for e in embedded for t in parse.subtree(e)}
    if any(t.upos in RATE_TAGS and t.index not in inner for t in parse.subtree(subject)):
        return False
    return resources.owned.fullmatch(subject.text) is None


def heads_a_threat(parse: SentenceParse, trigger: Token, rules: SyntaxRules) -> bool:
    """True when the noun phrase the trigger word stands in is headed by a noun of ``threat_nouns``: in "a new
    tariff threat" (or "investors shrug off new tariff threats") the adjective trigger "new" and the tariff word
    are modifiers of "threat", so the phrase names a threat, which its own trigger reads, and no new measure
    imposed. The detector asks this only of an imposition trigger without an acting subject ("new tariffs")."""
    noun = measure_noun(parse, trigger)
    head = parse.head(noun)
    if head is not None and head.upos == "NOUN" and head.index > noun.index and not parse.children(noun, "case"):
        # the parser also hangs the tariff word on "threat" as a bare nmod ("Washington's new tariff threat")
        noun = head
    if noun.lemma_or_text_in(rules.batch_nouns):
        # "a new round of tariff threats": the round is of threats
        noun = next((c for c in parse.children(noun, "nmod") if any(k.lower == "of" for k in parse.children(c, "case"))),
                    noun)
    return noun != trigger and noun.lemma_or_text_in(rules.threat_nouns)
