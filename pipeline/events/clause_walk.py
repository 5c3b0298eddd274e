"""The walk from an event trigger to the clause it stands in and the verbs above it that govern it.

Only the words attached to the trigger's clause count — its auxiliaries,
adverbs, the mark of its clause, the verbs it completes — never the nearest
cue in the sentence: in "the tariffs imposed in March, which Japan will
answer, …" the "will" belongs to "answer", not to "imposed". The walk goes
from the trigger to its clause (`SentenceParse.clause`) and up through the
verbs that clause completes (``xcomp``: "plans to impose", "agreed to cut")
or that report it with a cue of their own (``ccomp``/``acl`` under "warned",
"considering"); it stops at any other verb ("said").

`pipeline.events.clause_modality` reads modality off the walk,
`pipeline.events.non_events` the reasons a trigger states no event.
"""

from __future__ import annotations

from pipeline.events.hedges import GERUND_MISATTACHED, conjoined_clause, cue_of, phrasal_hedge
from pipeline.events.resources import SyntaxRules
from pipeline.events.syntax import NOUN_MODIFIERS, PREDICATES, SentenceParse, Token


def clause_walk(parse: SentenceParse, trigger: Token, rules: SyntaxRules, *, through_conj: bool = False,
                purposes: bool = False) -> list[Token]:
    """The trigger, its clause and the verbs above it that the clause completes (see module doc); with
    ``through_conj``, also the first verb of a coordination the clause continues without a subject of
    its own ("plans to set a global tariff and impose duties": the plan governs both); with ``purposes``, also
    the verb a to-infinitive of purpose serves when that verb has a modal auxiliary (`_modal_purpose`)."""
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
        cue_above = cue_of(head, rules) or phrasal_hedge(parse, head, current, rules)
        # "has threatened tariffs on Brazil and imposed duties on copper": a verb with an object of its own
        # joined to a threat verb is a second predicate, which the threat does not govern
        shared = through_conj and current.dep == "conj" and not parse.children(current, "nsubj", "aux") \
            and not (cue_above == "threatened" and parse.children(current, "obj"))
        # "Trump delayed the tariffs last week, but aides had been warning …": a finite verb with a subject of its
        # own and no mark that the parser hangs as a clausal subject is a sentence of its own, not a subject
        # clause ("that Ottawa would reimpose" in "it is possible that …" has its mark)
        misread_subject = current.dep == "csubj" and bool(parse.children(current, "nsubj", "nsubj:pass")) \
            and not parse.children(current, "mark")
        clausal = current.dep in ("ccomp", "csubj", "acl", "advcl") and not misread_subject
        # "I may further modify the schedule to decrease the duties": the purpose of a step only possible (or
        # planned) is no more than that step, whose modal stands on its own verb, not on the infinitive
        # (tariff measures only, `syntax_modality`: a talk's modality is part of its identity, so a planned purpose
        # splits talks from the meeting a statement reports; measured both ways in docs/events.md, section 37)
        cue_above = cue_above or (_modal_purpose(parse, current, head, rules) if purposes else None)
        if shared or current.dep == "xcomp" or (clausal and cue_above and not _adverbial(parse, current, rules)):
            out.append(head)
            current = head
            continue
        break
    return out


def _modal_purpose(parse: SentenceParse, clause: Token, head: Token, rules: SyntaxRules) -> str | None:
    """The cue of a modal auxiliary of ``head`` ("may", "will") when ``clause`` is its to-infinitive of purpose
    (``advcl`` marked "to"): "I may modify the schedule to decrease the duties" decreases nothing yet, "will sign
    an order to raise tariffs" raises them later; None otherwise. A step taken ("modified the schedule to
    decrease the duties") has no such auxiliary and leaves the purpose as told."""
    if clause.dep != "advcl" or not any(m.lower == "to" for m in parse.children(clause, "mark")):
        return None
    return next((cue for aux in parse.children(head, "aux")
                 if (cue := cue_of(aux, rules)) in ("possible", "planned", "threatened")), None)


def _adverbial(parse: SentenceParse, clause: Token, rules: SyntaxRules) -> bool:
    """True for an adverbial clause opened by a connective of time or cause ("after meeting Ishiba", "as
    Washington raised tariffs"): it tells its own event, which takes no plan or hedge of the verb it
    modifies ("are discussing a project after meeting Ishiba": the meeting took place)."""
    return clause.dep == "advcl" and any(m.lower in rules.subordinating_connectives
                                         for m in parse.children(clause, "mark", "case"))



def measure_noun(parse: SentenceParse, token: Token) -> Token:
    """The head of the noun phrase a trigger word stands in ("new" → "tariffs" in "new U.S. tariffs";
    "Tariff" → "Threat")."""
    for _ in range(4):
        head = parse.head(token)
        if head is None or token.base_dep not in NOUN_MODIFIERS or head.upos not in ("NOUN", "PROPN"):
            break
        token = head
    return token
