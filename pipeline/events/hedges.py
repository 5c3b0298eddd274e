"""The modality cues of a trigger's walk that the parse gives: the cue a word names, and hedges.

`cue_of` reads the ``planned``, ``threatened`` and ``possible`` lemma lists
and the negating verbs of ``models/events/syntax.json``. The rest tells how
a hedge (a verb or adjective of ``possible``: "considering", "weighing",
"mused", "possible") reaches a measure: through a phrasal verb
(``phrasal_hedges``: "looking at a tariff hike"), a noun of options
(``hedge_nouns``: "weighing the option of raising tariffs"), or above a
plan ("could decide to impose"); only a government's hedge counts
("investors weighed new tariffs" is no cue). A measure noun coordinated
with an earlier one takes that one's verb (`conjoined_clause`), and a
purpose clause ("in order to lift the tariffs") names a goal
(`purpose_clause`). `pipeline.events.clause_modality` walks the parse and applies them.

A threat told after its measure ("the tariffs he threatened", "a 25% tariff
it threatened to impose") is a trigger of its own (`relative_threats`): the
trigger lexicon misses it, as the measure word stands before the verb.
"""

from __future__ import annotations

from pipeline.events.resources import EventResources, SyntaxRules
from pipeline.events.syntax import NOMINAL_ARGUMENTS, NOUN_MODIFIERS, PREDICATES, SentenceParse, Token
from pipeline.events.types import Cue

# Relations a gerund or participle trigger bears when the parser reads it as a modifier of its object.
GERUND_MISATTACHED = frozenset({"nmod", "amod", "compound"})
MODALITY_ORDER = (("threatened", "threatened"), ("possible", "possible"), ("planned", "planned"))


def cue_of(token: Token, rules: SyntaxRules) -> str | None:
    """The modality a word names as a cue, by its lemma or its text (``threatened``, ``possible``,
    ``planned``; ``negated`` for a negating verb), or None."""
    lemma = token.lemma.lower() or token.lower
    for label, attribute in MODALITY_ORDER:
        if lemma in getattr(rules, attribute) or token.lower in getattr(rules, attribute):
            return label
    if lemma in rules.negating_verbs:
        return "negated"
    return None


def phrasal_hedge(parse: SentenceParse, verb: Token, complement: Token, rules: SyntaxRules) -> bool:
    """True when ``verb`` with the preposition or mark of its ``complement`` is one of ``phrasal_hedges``
    ("looking at a tariff hike", "thinking about raising tariffs"): the verb alone weighs nothing."""
    lemma = verb.lemma.lower() or verb.lower
    return any(f"{lemma} {m.lower}" in rules.phrasal_hedges for m in parse.children(complement, "case", "mark"))


def private_hedger(parse: SentenceParse, verb: Token, resources: EventResources) -> bool:
    """True when the subject of a hedge verb is not a government ("investors weighed new tariffs"): their
    weighing says nothing of whether the measure is decided."""
    return any(resources.private.fullmatch(s.text) for s in parse.children(verb, "nsubj"))


def hedged_measure(parse: SentenceParse, walk: list[Token], resources: EventResources) -> bool:
    """True when a hedge verb weighs the measure at the top of the walk from outside the walk
    (`weighed_measure`)."""
    return weighed_measure(parse, walk, resources) == "possible"


def weighed_measure(parse: SentenceParse, walk: list[Token], resources: EventResources) -> str | None:
    """``possible`` when a hedge verb weighs the measure at the top of the walk from outside the walk: as the
    complement of a phrasal hedge ("looking at a tariff hike") or through a noun of ``hedge_nouns``
    ("weighing the option of raising tariffs", "exploring ways to impose duties"), with a government (not
    ``private_words``) weighing it. The climb goes from a verb trigger to the noun it qualifies, then up its
    noun phrase and through option nouns, at most four steps. A noun of ``possibility_nouns`` weighs the
    measure itself, whatever verb names it ("hinted at the possibility of imposing tariffs"), unless its
    subject is no government; ``negated`` when that verb is a negating verb ("ruled out the possibility of
    a tariff hike": the measure is denied), unless a negation denies the denial ("has not ruled out the
    possibility": possible). None otherwise."""
    rules = resources.syntax
    assert rules is not None
    node, through_option, named_possible = walk[-1], False, False
    for _ in range(4):
        head = parse.head(node)
        if head is None:
            return "possible" if named_possible else None  # a headline: "Possibility of new tariffs on chips"
        relation = node.base_dep
        if head.upos in PREDICATES:
            if node.dep not in NOMINAL_ARGUMENTS or private_hedger(parse, head, resources):
                return None
            if named_possible and cue_of(head, rules) == "negated":
                denied = any(c.lower in rules.negations for c in parse.children(head, "advmod", "neg"))
                return "possible" if denied else "negated"
            if named_possible or phrasal_hedge(parse, head, node, rules) or (
                    through_option and cue_of(head, rules) == "possible"):
                return "possible"
            return None
        if head.upos not in ("NOUN", "PROPN"):
            return "possible" if named_possible else None
        if head.lemma_or_text_in(rules.hedge_nouns) and relation in ("nmod", "acl"):
            through_option = True
            named_possible = named_possible or head.lemma.lower() in rules.possibility_nouns
        elif not (relation in NOUN_MODIFIERS or (node.upos in PREDICATES and relation in GERUND_MISATTACHED | {"acl"})):
            return None  # "the impact of tariffs imposed by China": an effect noun is no option
        node = head
    return None


def plan_or_hedge(parse: SentenceParse, walk: list[Token], position: int, resources: EventResources) -> str:
    """``planned`` for a plan found at ``walk[position]``, or ``possible`` when a government's hedge governs
    it: a hedge verb or adjective further up the walk ("it was possible the U.S. would reimpose a tariff",
    "is weighing whether it will impose tariffs") or a hedging auxiliary on the verb of the plan or above
    ("could decide to impose"), or one that weighs the plan's noun (`hedged_measure`: "is considering a
    plan that would raise tariffs"). What is only weighed is not decided, however firm the words below."""
    rules = resources.syntax
    assert rules is not None
    for index, token in enumerate(walk[position:], start=position):
        if index > position and cue_of(token, rules) == "possible" and not private_hedger(parse, token, resources):
            return "possible"
        if any(cue_of(aux, rules) == "possible" for aux in parse.children(token, "aux")):
            return "possible"
    return "possible" if hedged_measure(parse, walk, resources) else "planned"


def conjoined_clause(parse: SentenceParse, noun: Token, rules: SyntaxRules) -> Token | None:
    """The verb of the first of coordinated measure nouns, for a later one without a verb of its own ("is
    considering a tariff hike on China and a ban on chip exports"): the parser may join "ban" to the last
    noun of the first object ("China"), so the climb goes up that object's ``nmod`` chain to its verb.
    Only to a verb the first conjunct is the object of ("the Canadian pact will increase output" is said
    of a pact as subject, not planned), and never past a negation ("would not be conducting negotiations
    with Japan over its quotas": the quotas stand)."""
    if noun.dep != "conj":
        return None
    node = parse.head(noun)
    for _ in range(3):
        if node is None or node.upos not in ("NOUN", "PROPN"):
            return None
        verb = parse.clause(node, rules.clause_verbs)
        if verb != node:
            negated = any(c.lower in rules.negations for c in parse.children(verb, "advmod", "neg"))
            return verb if node.base_dep in ("obj", "obl") and not negated else None
        if node.base_dep != "nmod":
            return None
        node = parse.head(node)
    return None


def purpose_clause(parse: SentenceParse, walk: list[Token], rules: SyntaxRules) -> bool:
    """True when the trigger's clause, or a verb above it, is a purpose opened by one of ``purpose_marks``
    ("In order to lift the tariffs, the U.S. needs proof …"): a goal, not a step taken."""
    for token in walk:
        marks = " ".join(w.lower for m in parse.children(token, "mark") for w in (m, *parse.children(m, "fixed")))
        if any(f" {phrase} " in f" {marks} " for phrase in rules.purpose_marks):
            return True
    return False


RELATIVE_THREAT_RULE = "relative:tariff_threatened:weak"
RAISING_LABELS = frozenset({"tariff_imposed", "tariff_increased"})


def _threatened_measure(parse: SentenceParse, verb: Token, rules: SyntaxRules) -> Token | None:
    """The measure noun a threat verb describes from a relative clause or participle after it ("the tariffs
    he threatened", "a 25% tariff it threatened to impose", "duties threatened by Washington"), or None."""
    if verb.upos != "VERB" or cue_of(verb, rules) != "threatened":
        return None
    noun = parse.head(verb)
    if verb.base_dep == "acl" and noun is not None and noun.index < verb.index and _measure_word(noun, rules):
        return noun
    return _measure_before(parse, verb, rules)


def _measure_word(token: Token, rules: SyntaxRules) -> bool:
    lemma = token.lemma.lower() or token.lower
    return token.upos in ("NOUN", "PROPN") and (lemma in rules.threat_measure_nouns
                                                or token.lower in rules.threat_measure_nouns)


def _measure_before(parse: SentenceParse, verb: Token, rules: SyntaxRules) -> Token | None:
    """The measure noun right before a threat verb's own subject, read on the words ("the tariffs that
    Washington has threatened against Brussels"): the parser often reads such a clause without its
    relative pronoun as the main verb's. Only names, pronouns, determiners, auxiliaries, adverbs and
    ``relative_pronouns`` ("that", "which") may stand between, a name or a pronoun among them as the subject."""
    subject = False
    for token in reversed([t for t in parse.tokens if t.index < verb.index and t.text.strip()]):
        if _measure_word(token, rules):
            return token if subject else None
        if token.upos in ("PROPN", "PRON") and token.lower not in rules.relative_pronouns:
            subject = True
        elif not (token.upos in ("DET", "AUX", "ADV") or token.lower in rules.relative_pronouns
                  or (token.upos == "NOUN" and token.text[:1].isupper())):  # a title: "President"
            return None
    return None


def _names_threatened(parse: SentenceParse, token: Token, noun: Token, verb: Token) -> bool:
    """True when ``token`` is the threatened measure noun, a word of its phrase before it ("25 %" of "a 25%
    tariff"), or the infinitive the threat governs ("threatened to impose")."""
    if token == noun or (token.dep == "xcomp" and parse.head(token) == verb):
        return True
    head = parse.head(token)
    return token.index < noun.index and head is not None and (head == noun or parse.head(head) == noun)


def relative_threats(parse: SentenceParse, triggers: list[Cue], modals: list[Cue], rules: SyntaxRules) -> list[Cue]:
    """The triggers with a threat told after its measure (`_threatened_measure`: "delayed the tariffs it
    threatened against Ottawa"): the threat verb, a modality cue, becomes a ``tariff_threatened`` trigger,
    and an imposition or increase named by the measure noun itself or by the infinitive the threat governs
    ("a tariff it threatened to impose") gives way to it: the measure is threatened, not imposed. The
    trigger lexicon misses such threats, as the measure word stands before the verb."""
    out = list(triggers)
    for modal in modals:
        verb = parse.at(modal.start, modal.end)
        noun = _threatened_measure(parse, verb, rules) if verb is not None else None
        if noun is None or any(t.start < modal.end and modal.start < t.end for t in triggers):
            continue
        out = [t for t in out if t.label not in RAISING_LABELS
               or not any(_names_threatened(parse, k, noun, verb) for k in parse.overlapping(t.start, t.end))]
        out.append(Cue(modal.mention_id, verb.start, verb.end, "tariff_threatened", RELATIVE_THREAT_RULE))
    return sorted(out, key=lambda t: t.start)
