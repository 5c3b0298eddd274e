"""Triggers a sentence holds aside: a measure named as a condition or as the cause of a forecast effect,
talks about war and peace, a statistic, a level compared and the subject of talks.

Six non-events the clause rules of `non_events` do not reach:

- An inverted condition: "positioning for a tighter Fed should prices keep
  rising or duties be imposed" — an auxiliary of ``inversion_auxiliaries`` of
  ``models/events/syntax.json`` ("should", "were") before its own subject opens a
  condition without "if" (`inverted_condition`). The measure is the condition
  of another statement, as in an "if" clause (``arguments.json`` conditional
  spans), so no event. A second conjunct ("or duties be imposed") shares the
  condition of the first. A question ends with "?" and is a non-event already.
- Peace diplomacy: "delegations would open negotiations to end the war",
  "the leaders voiced a wish for peace in calls with the president". A
  generic talks trigger whose own phrase or clause speaks of war or peace
  (``peace_words``) and of no trade matter (``trade_topic_words``) is no trade
  negotiation (`peace_talks`); the gold guideline's negotiations are "talks
  or meetings between governments on trade". Relative and other subordinate
  clauses are left out of the words read: in "negotiations to end the war,
  which prompted levies on grain" the levies are not the talks' subject.
- A forecast effect: a measure noun that is the subject of a verb of effect
  (``effect_verbs``: "affect", "hurt", "disrupt", "complicate" …) told with a
  modal auxiliary of possibility, a negation or in the present tense ("sanctions on its
  crude would not affect output", "the expansion of sanctions could disrupt
  supply chains", "new duties complicate shipping"), is the speaker's view of
  what the measure does, not news of it (`forecast_effect`); a past effect
  ("the duties imposed in March hit exporters") stays, it may be the only
  report of the measure. So is a measure a verb of forecast expects to
  have an effect ("does not expect the new duties to cut into its
  business").
- A statistic: a trigger whose measure noun, or the object of its verb,
  is qualified by a word of ``statistic_words`` ("the scenarios would
  lift the average tariff rate by two points", "an average tariff
  increase of one point") names a figure computed over many measures,
  which no government sets (`statistic`).
- A level compared: a comparative adjective trigger ("higher", "lower")
  on the object of a verb of ``level_verbs`` not in the past tense, without
  auxiliary or infinitive "to" ("Peru and Norway have higher duty rates on U.S. goods")
  tells how one government's duties stand against another's, not that
  they changed (`level_compared`); "Ottawa will have higher duties from
  Monday" keeps its auxiliary and stays.
- The subject of talks: a measure noun that completes a noun of
  ``topic_nouns`` ("discussions on the reduction of import duties",
  "talks about tariff cuts", also as a later conjunct: "talks on trade and
  the reduction of duties") is what the talks are about; the talks are the
  event, the measure no step taken (`topic_of_talks`).
"""

from __future__ import annotations

from pipeline.events.resources import SyntaxRules
from pipeline.events.syntax import ARGUMENT_RELATIONS, PREDICATES, SentenceParse, Token

# The relations that open a clause of its own, whose words say nothing of the talks' subject.
OTHER_CLAUSES = frozenset({"acl:relcl", "parataxis", "ccomp", "advcl", "csubj"})
TALKS_TYPES = frozenset({"negotiation", "agreement"})
# How many conjuncts back `inverted_condition` looks for the first one ("should prices keep rising, costs
# climb or duties be imposed"): the clause itself and three before it.
CONJUNCTS_READ = 4


def inverted_condition(parse: SentenceParse, trigger: Token, rules: SyntaxRules) -> bool:
    """True when the trigger's clause, or the first conjunct it is coordinated with, has an auxiliary of
    ``inversion_auxiliaries`` before its subject (module doc)."""
    clause = parse.clause(trigger, rules.clause_verbs)
    for _ in range(CONJUNCTS_READ):
        subjects = parse.children(clause, "nsubj")
        if subjects and any(a.lower in rules.inversion_auxiliaries and a.index < subjects[0].index
                            for a in parse.children(clause, "aux")):
            return True
        head = parse.head(clause)
        if clause.dep != "conj" or head is None:
            return False
        clause = head
    return False


def peace_talks(parse: SentenceParse, trigger: Token, event_type: str, rules: SyntaxRules) -> bool:
    """True when a talks trigger's phrase, or the clause it is an argument of, names war or peace and no
    trade matter (module doc)."""
    if event_type not in TALKS_TYPES or not rules.peace_words:
        return False
    scope = trigger
    head = parse.head(trigger)
    if trigger.upos not in PREDICATES and head is not None and head.upos == "VERB" \
            and trigger.base_dep in ARGUMENT_RELATIONS:
        scope = head  # "voiced a wish for peace in calls with the president": the clause of "calls"
    lemmas = {t.lemma.lower() for t in parse.subtree(scope, skip=OTHER_CLAUSES)}
    return bool(lemmas & rules.peace_words) and not lemmas & rules.trade_topic_words


def forecast_effect(parse: SentenceParse, noun: Token, rules: SyntaxRules) -> bool:
    """True when the measure noun ``noun`` (the head of its phrase), or the noun it completes ("the expansion
    of sanctions"), is the subject of a verb of ``effect_verbs`` told as a forecast or a general truth: with a
    modal auxiliary of ``forecast_auxiliaries``, a negation, or in the present tense without auxiliary; or
    the object of a verb of ``forecast_verbs`` with an infinitive of effect ("expect the duties to hurt
    sales"; module doc)."""
    head = parse.head(noun)
    if noun.base_dep == "nmod" and head is not None and head.upos == "NOUN":
        noun = head  # "the expansion of U.S. sanctions … could disrupt"
    verb = parse.head(noun)
    if verb is None:
        return False
    if noun.base_dep == "obj" and verb.lemma.lower() in rules.forecast_verbs:
        # "does not expect new duties on steel to cut into its business": the infinitive of effect hangs on
        # the verb of forecast or in the noun's phrase (the parser may attach it to "steel")
        phrase = [t for t in parse.subtree(noun, skip=OTHER_CLAUSES) if t.dep == "acl"]
        return any(c.lemma.lower() in rules.effect_verbs for c in [*phrase, *parse.children(verb, "xcomp")])
    if noun.base_dep != "nsubj" or verb.lemma.lower() not in rules.effect_verbs:
        return False
    auxiliaries = parse.children(verb, "aux")
    if any(a.lower in rules.forecast_auxiliaries for a in auxiliaries):
        return True
    if auxiliaries and _content_of_fear(parse, verb, rules):
        return True
    if any(c.lower in rules.negations for c in parse.children(verb, "advmod", "part")):
        return True
    return not auxiliaries and verb.feature("Tense") == "Pres" and verb.feature("VerbForm") == "Fin"


def _content_of_fear(parse: SentenceParse, verb: Token, rules: SyntaxRules) -> bool:
    """True when the clause of ``verb`` is what a noun of ``effect_nouns`` holds: the complement of a verb whose
    subject is such a noun ("fears mounted that new tariffs will add uncertainty") or of the noun itself
    ("worries that the duties will hurt sales"). Any auxiliary then tells a forecast, "will" too: the
    effect is feared, not the measure reported."""
    head = parse.head(verb)
    if head is None or head == verb:
        return False
    if verb.dep == "ccomp":
        return any(_is_effect_noun(s, rules) for s in parse.children(head, "nsubj"))
    return verb.dep == "acl" and _is_effect_noun(head, rules)


def _is_effect_noun(token: Token, rules: SyntaxRules) -> bool:
    return token.lemma_or_text_in(rules.effect_nouns)


def _noun_phrase(parse: SentenceParse, noun: Token) -> list[Token]:
    """``noun`` and the nouns before it that qualify it ("tariff" in "an average tariff increase"; the parser
    may read it as a compound or as a noun modifier without preposition)."""
    return [noun, *(c for c in parse.children(noun, "compound", "nmod")
                    if c.upos in ("NOUN", "PROPN") and c.index < noun.index and not parse.children(c, "case"))]


def statistic(parse: SentenceParse, trigger: Token, noun: Token, rules: SyntaxRules) -> bool:
    """True when the trigger's measure noun ``noun``, or the object of a verb trigger, is qualified by a word
    of ``statistic_words`` (module doc)."""
    heads = [noun, *(parse.children(trigger, "obj") if trigger.upos in PREDICATES else ())]
    return any(m.lemma_or_text_in(rules.statistic_words)
               for head in heads for word in _noun_phrase(parse, head) for m in parse.children(word, "amod"))


def level_compared(parse: SentenceParse, trigger: Token, noun: Token, rules: SyntaxRules) -> bool:
    """True when a comparative adjective trigger qualifies the object of a verb of ``level_verbs`` told as a
    state: without an auxiliary ("will have"), an infinitive's "to" or the past tense ("had higher tariffs").
    The trigger is the adjective ("higher") or the measure noun it qualifies ("higher tariffs")."""
    adjectives = [trigger] if trigger.upos == "ADJ" else parse.children(noun, "amod") if trigger == noun else []
    if not any(a.feature("Degree") == "Cmp" for a in adjectives) or noun.base_dep != "obj":
        return False
    verb = parse.head(noun)
    return (verb is not None and verb.lemma.lower() in rules.level_verbs and not parse.children(verb, "aux")
            and not any(m.lower == "to" for m in parse.children(verb, "mark")) and verb.feature("Tense") != "Past")


def compared_with_other(parse: SentenceParse, noun: Token, rules: SyntaxRules) -> bool:
    """True when the measure noun ``noun`` is qualified by a comparative adjective and completed by a phrase
    that a word of ``comparison_words`` introduces ("steeper farm duties than the ones Ottawa charges"):
    the sentence sets two levels side by side, it reports no act of either government."""
    # the adjective may qualify a noun before the head ("higher import duties": the parser hangs it on "import",
    # a compound or a noun modifier of "duties", or takes "import" for the head)
    head = parse.head(noun)
    phrase = [noun, *([head] if head is not None and head.upos == "NOUN" and noun.base_dep in ("compound", "nmod")
                      and not parse.children(noun, "case") else [])]
    qualified = phrase + [c for word in phrase for c in parse.children(word, "compound", "nmod") if c.upos == "NOUN"]
    if not any(a.feature("Degree") == "Cmp" for word in qualified for a in parse.children(word, "amod")):
        return False
    return any(case.lower in rules.comparison_words for word in phrase
               for dependent in parse.children(word) for case in parse.children(dependent, "case", "mark"))


def topic_of_talks(parse: SentenceParse, noun: Token, rules: SyntaxRules) -> bool:
    """True when the measure noun ``noun`` completes a noun of ``topic_nouns``, directly or as a later
    conjunct of its complement (module doc)."""
    for _ in range(2):
        head = parse.head(noun)
        if head is None:
            return False
        if noun.base_dep == "nmod" and head.upos == "NOUN":
            return head.lemma_or_text_in(rules.topic_nouns)
        if noun.dep != "conj":
            return False
        noun = head  # "talks on trade and the reduction of duties": the first conjunct completes the talks
    return False
