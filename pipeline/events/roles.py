"""The actor and the targets of an event read from the dependency parse of its sentence.

The trigger's clause (`SentenceParse.clause`) is the verb it heads or is an
argument of. Its roles, in the order they are tried:

- **actor** — the "by" agent (``obl:agent``, or an oblique "by", or a "from"
  phrase headed by an official's name: "tariffs from President Trump"); else the
  subject (``nsubj``, not the passive subject; "he" or "she" in the complement
  clause of a speech verb: that verb's subject, "Trump said he might impose") —
  for a verb without one of its
  own, the subject of the verb it completes (``xcomp``: "plans to impose"),
  of the first verb of a coordination (``conj``), of the verb a gerund
  adjunct hangs on ("followed through on imposing tariffs"), or the noun a
  relative clause describes; else the owner of the measure noun (``nmod:poss``,
  ``compound``, ``amod``: "Japan's duties", "U.S. tariffs"). A government is
  read from the phrase of that word, not from its prepositional modifiers
  other than "of" ("the government of Japan"), and never from an "of"/"from"
  phrase under a goods noun ("products of Mexico").
- **targets** — the objects, the obliques and the measure noun's modifiers
  introduced by a target preposition ("on", "against", "from", "to" …) and
  the passive subject ("products of Mexico shall be exempt") and the subject of
  an undergoer verb ("China faces U.S. tariffs", "Canada won an exemption"),
  which is never the actor, each with its
  coordinated words ("on Canada and Mexico"); words introduced by "except"
  and phrases negated by "not" ("but not on China") are excluded. A country written before
  the measure a verb acts on ("paused the Mexican and Canadian tariffs") is a
  target when another government acts, not a second owner. A relative clause
  with a subject and no target of its own tells of the measure it follows
  (`antecedent_targets`: "levies on Chile, which he later paused").

Parties a parse places in a target position are never the actor, also when
the word-order rules decide the actor instead (`not_actors`). A function
returns None when the parse gives no answer, so that the word-order rules
(`pipeline.events.arguments`) decide.
"""

from __future__ import annotations

import re

from collections.abc import Sequence
from typing import NamedTuple

from pipeline.events.arguments import is_goods_demonym, is_private, owns_measure
from pipeline.events.resources import EventResources, SyntaxRules
from pipeline.events.syntax import NOUN_MODIFIERS, SentenceParse, Token
from pipeline.events.types import ArticleInputs, Party
from pipeline.names import POSSESSIVE_MARKS
from pipeline.views import Sentence

NOUNS = frozenset({"NOUN", "PROPN"})


class SyntaxTargets(NamedTuple):
    """Targets and excluded countries the parse names (parties in text order)."""

    targets: tuple[Party, ...]
    excluded: tuple[Party, ...]


def _first_case(parse: SentenceParse, token: Token) -> str:
    return parse.case_of(token) or ""


def _excepts(case: str, rules: SyntaxRules) -> bool:
    """True when a phrase's prepositions ("except", "except for") leave it out of a measure."""
    return case in rules.except_cases or case.split(" ")[0] in rules.except_cases


def _is_goods(token: Token, resources: EventResources) -> bool:
    return resources.goods.fullmatch(token.text) is not None


def parties_over(tokens: Sequence[Token], parties: Sequence[Party]) -> list[Party]:
    """The parties that share a character with one of ``tokens``, in text order."""
    return [p for p in parties if any(t.start < p.end and p.start < t.end for t in tokens)]


def phrase(parse: SentenceParse, token: Token, resources: EventResources) -> list[Token]:
    """The words of the noun phrase headed by ``token`` that can name who it is.

    Clauses inside it are left out, and so are its prepositional modifiers
    except "of" ("the government of Japan") — but not an "of"/"from" under a
    goods noun ("products of Mexico": Mexico is where the goods come from).
    """
    rules = resources.syntax
    assert rules is not None
    out, stack = [], [token]
    while stack:
        current = stack.pop()
        out.append(current)
        for child in parse.children(current):
            base = child.base_dep
            if child.dep in rules.phrase_skip or base in rules.phrase_skip or base == "conj":
                continue
            if base in ("nmod", "obl") and (_first_case(parse, child) != "of" or _is_goods(current, resources)):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.index)


def _government(parse: SentenceParse, head: Token, text: str, parties: Sequence[Party],
                resources: EventResources) -> Party | None:
    """The government a noun phrase names: the party over its head word first, else the first in it."""
    found = [p for p in parties_over(phrase(parse, head, resources), parties)
             if not is_goods_demonym(text, p, resources) and not is_private(text, p, resources)]
    over_head = [p for p in found if head.start < p.end and p.start < head.end]
    return (over_head or found or [None])[0]


def passive_subject(parse: SentenceParse, verb: Token, child: Token) -> bool:
    """True when ``child`` is the passive subject of ``verb``: ``nsubj:pass``, or a plain ``nsubj`` of a passive
    participle with an auxiliary ("the tariffs on Canada and Mexico were delayed"), which the parser often
    labels as an active subject while its tagger marks the participle ``Voice=Pass`` (never a perfect's "has
    delayed")."""
    if child.dep == "nsubj:pass":
        return True
    return (child.dep == "nsubj" and verb.feature("Voice") == "Pass" and verb.feature("VerbForm") == "Part"
            and bool(parse.children(verb, "aux")))


def measure_noun(parse: SentenceParse, trigger: Token, clause: Token) -> Token | None:
    """The noun that names the measure: the trigger itself, else the clause's object or passive subject."""
    if trigger.upos in NOUNS:
        return trigger
    for child in parse.children(clause, "obj", "nsubj"):
        if child.upos in NOUNS and (child.dep == "obj" or passive_subject(parse, clause, child)):
            return child
    return None


def _subject(parse: SentenceParse, verb: Token, rules: SyntaxRules) -> Token | None:
    return next((c for c in parse.children(verb) if c.dep in rules.subject_relations), None)


def syntax_actor(parse: SentenceParse, trigger: Token, text: str, parties: Sequence[Party],
                 resources: EventResources) -> tuple[Party, str] | None:
    """``(party, how)`` of the government acting, or None when the parse does not say (see module doc).

    ``how`` names the path: ``agent``, ``subject``, ``speaker`` (who reports a "he"/"she"), ``controller`` (the subject
    of the verb a clause completes or continues) or ``owner``.
    """
    rules = resources.syntax
    assert rules is not None
    clause = parse.clause(trigger, resources.syntax.clause_verbs)
    for child in parse.children(clause, "obl") + (parse.children(trigger, "nmod") if trigger != clause else []):
        case = _first_case(parse, child)
        if child.dep in rules.agent_relations or case in rules.agent_cases \
                or _authored_by_official(child, case, parties, rules):
            party = _government(parse, child, text, parties, resources)
            if party is not None:
                return party, "agent"
    for head in _argument_heads(parse, trigger, resources, parties)[0]:
        for author in _authored_tokens(parse, head, parties, rules):
            if author.upos in NOUNS and (party := _government(parse, author, text, parties, resources)):
                return party, "agent"
    opener = _connective_subject(trigger, text, parties, resources)
    if opener is not None:
        return opener, "subject"
    # "China faces U.S. tariffs": the subject of an undergoer verb bears the measure (a target), never acts
    undergoes = clause.lemma.lower() in rules.undergoer_verbs
    subject = None if undergoes else _subject(parse, clause, rules)
    if subject is None and not undergoes and parse.children(clause, "xcomp"):
        # "the bloc is prepared to respond": the passive subject of a verb completed by an infinitive controls
        # it, as one link up ("Tokyo is expected to propose", below); a passive measure verb has no xcomp
        ready = [party for holder in parse.children(clause, "nsubj:pass")
                 if (party := _government(parse, holder, text, parties, resources)) is not None]
        if ready:
            return ready[0], "controller"
    if subject is not None:
        party = _government(parse, subject, text, parties, resources)
        if party is not None:
            return party, "subject"
        speaker = _speaker_of_reported_person(parse, clause, subject, text, parties, resources)
        if speaker is not None:
            return speaker, "speaker"
        if resources.owned.fullmatch(subject.text) is None:
            return None  # "he urged", "the ministry imposed": a subject the parse cannot name; word order decides
    elif not undergoes and not parse.children(clause, "nsubj:pass"):
        verb = clause
        for _ in range(3):  # "agreed to start talks", "plans to raise and extend": a few links at most
            head = parse.head(verb)
            # a gerund adjunct takes the subject of its verb: "Trump followed through on imposing tariffs"
            gerund = verb.dep == "advcl" and verb.feature("VerbForm") == "Ger"
            if head is not None and verb.dep == "acl" and head.upos in NOUNS:
                # "despite the US' plans to impose tariffs", "Japan's decision to raise duties": the noun's
                # possessor acts in the infinitive that completes it, not a subject of the clause around it
                party = _intent_owner(parse, head, verb, text, parties, resources)
                if party is not None:
                    return party, "owner"
            if head is None or (verb.dep not in ("xcomp", "conj", "acl:relcl") and not gerund):
                break
            if verb.dep == "acl:relcl":  # "Japan, which imposed …": the antecedent acts
                party = _government(parse, head, text, parties, resources)
                return (party, "controller") if party is not None else None
            # "urged Japan to open" (object control) before "Japan agreed to open"; "Tokyo is expected to
            # propose" (the passive subject of a raising verb)
            holders = ([c for c in parse.children(head, "obj")] if verb.dep == "xcomp" else []) + \
                [c for c in [_subject(parse, head, rules)] if c is not None] + \
                (parse.children(head, "nsubj:pass") if verb.dep == "xcomp" else [])
            for holder in holders:
                party = _government(parse, holder, text, parties, resources)
                if party is not None:
                    return party, "controller"
            if _subject(parse, head, rules) is not None:
                break
            verb = head
    noun = measure_noun(parse, trigger, clause)
    if noun is not None and (noun == trigger or resources.owned.fullmatch(noun.text) is not None):
        # the measure's owner, or the owner of the measure it is taken from: "an exemption from U.S. tariffs"
        measures = [noun] + [child for child in parse.children(noun, "nmod")
                             if resources.owned.fullmatch(child.text) is not None
                             and _first_case(parse, child) in rules.source_measure_cases]
        for measure in measures:
            owners = [o for o in parse.children(measure) if o.dep in rules.owner_relations]
            found = [party for o in owners + [c for o in owners for c in parse.children(o, "conj")]
                     if (party := _government(parse, o, text, parties, resources)) is not None]
            # "the Canadian and Mexican tariffs": two governments before one measure name the goods'
            # origins, not an owner (one measure has one acting government); the parser often hangs the
            # first of the two elsewhere, so the words before the owner count too
            if len({party.iso3 for party in found}) == 1 and not _listed_before(text, found[0], parties):
                return found[0], "owner"
    return None


# A subordinating connective, an optional "the", then a government right before the measure verb.
CONNECTIVE_SUBJECT = re.compile(r"\b(?P<word>[A-Za-z]+)\s+(?:the\s+)?$")


def _connective_subject(trigger: Token, text: str, parties: Sequence[Party],
                        resources: EventResources) -> Party | None:
    """The government that opens an adverbial clause right before its measure verb, read by word order.

    "Beijing vowed retaliation after Washington imposed tariffs": the parser often takes the clause's subject
    for a complement of the main clause's noun and makes the main clause's words the subject of "imposed",
    giving the answered measure the answering government. A finite verb right after a connective of
    ``subordinating_connectives`` ("after", "as", "since" …) and a government (a name, a capital, an official)
    with nothing between has that government as its subject in English word order."""
    rules = resources.syntax
    assert rules is not None
    if trigger.upos not in ("VERB", "AUX") or trigger.feature("VerbForm") not in ("Fin", None):
        return None
    before = [p for p in parties if p.end <= trigger.start and not text[p.end:trigger.start].strip()]
    for party in before:
        opener = CONNECTIVE_SUBJECT.search(text, max(0, party.start - 40), party.start)
        if opener is not None and opener.group("word").lower() in rules.subordinating_connectives \
                and not is_goods_demonym(text, party, resources) and not is_private(text, party, resources):
            return party
    return None


def _speaker_of_reported_person(parse: SentenceParse, clause: Token, subject: Token, text: str,
                                parties: Sequence[Party], resources: EventResources) -> Party | None:
    """The government of whoever reports a measure taken by "he" or "she" (`person_pronouns`) in the clause
    their verb governs: "Trump said he might impose tariffs" — the pronoun is the speaker, not a country
    named earlier in the sentence ("during talks with the Japanese prime minister"). None unless the clause
    is the complement (``ccomp``) of a verb whose subject names a government or an official."""
    rules = resources.syntax
    assert rules is not None
    if subject.lower not in rules.person_pronouns or clause.dep != "ccomp":
        return None
    head = parse.head(clause)
    speaker = _subject(parse, head, rules) if head is not None else None
    return _government(parse, speaker, text, parties, resources) if speaker is not None else None


# What joins two governments of one list: a comma, "and" or "or".
LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+")


def _listed_before(text: str, party: Party, parties: Sequence[Party], *, by_end: Sequence[Party] | None = None
                   ) -> list[Party]:
    """The other governments named right before ``party`` in a list ("Canadian and Mexican"), nearest last.

    ``by_end`` is ``parties`` sorted by end, last first, when the caller has it already."""
    out: list[Party] = []
    current = party
    ordered = by_end if by_end is not None else sorted(parties, key=lambda p: -p.end)
    for other in (p for p in ordered if p.end <= party.start):
        if other.end > current.start:
            continue
        gap = text[other.end:current.start]
        if other.iso3 != current.iso3 and LIST_GAP.fullmatch(gap):
            out.insert(0, other)
            current = other
        elif len("".join(gap.split())) > len(",and"):
            break  # every earlier government's gap holds this one's words too: none can join the list
    return out


def listed_origins(text: str, parties: Sequence[Party], resources: EventResources) -> frozenset[str]:
    """Mention ids of governments listed together right before a measure ("the Canadian and Mexican
    tariffs"): the goods' origins, none of them the measure's owner."""
    out: set[str] = set()
    by_end = sorted(parties, key=lambda p: -p.end)
    for party in parties:
        listed = _listed_before(text, party, parties, by_end=by_end)
        if listed and owns_measure(text, party, resources):
            out |= {p.mention_id for p in (*listed, party)}
    return frozenset(out)


def _authored_by_official(token: Token, case: str, parties: Sequence[Party], rules: SyntaxRules) -> bool:
    """True for a phrase of ``author_cases`` headed by an official's name ("from U.S. President Trump"): a
    measure "from" a person comes from that person's government, as from a "by" agent; the phrase names
    neither the goods' origin nor a target."""
    return case in rules.author_cases and any(p.source == "official" for p in parties_over([token], parties))


def _authored_tokens(parse: SentenceParse, head: Token, parties: Sequence[Party], rules: SyntaxRules) -> list[Token]:
    """The words of the phrases under a target phrase that name the measure's author: "on steel and
    aluminium from President Trump" (the parser hangs the "from" phrase on the goods)."""
    skip = rules.phrase_skip
    return [t for token in parse.subtree(head, skip=skip) if token != head
            and _authored_by_official(token, _first_case(parse, token), parties, rules)
            for t in parse.subtree(token, skip=skip)]


def _author_indices(parse: SentenceParse, heads: list[Token], parties: Sequence[Party],
                    rules: SyntaxRules) -> set[int]:
    """Token indices of the author phrases under the target phrases ``heads`` (`_authored_tokens`): no
    target and no place where an actor cannot stand."""
    return {t.index for h in heads for t in _authored_tokens(parse, h, parties, rules)}


def _argument_heads(parse: SentenceParse, trigger: Token, resources: EventResources,
                    parties: Sequence[Party] = ()) -> tuple[list[Token], list[Token]]:
    """(target phrases, excluded phrases) of the trigger's clause: see the module doc; a phrase naming the
    measure's author (`_authored_by_official`, judged over ``parties``) is neither."""
    rules = resources.syntax
    assert rules is not None
    clause = parse.clause(trigger, resources.syntax.clause_verbs)
    targets: list[Token] = []
    excluded: list[Token] = []
    holders = [clause] + [n for n in [measure_noun(parse, trigger, clause)] if n is not None and n != clause]
    for holder in holders:
        for child in parse.children(holder):
            case = _first_case(parse, child)
            base = child.base_dep
            if child.dep in rules.agent_relations or case in rules.agent_cases \
                    or _authored_by_official(child, case, parties, rules):
                continue
            if _excepts(case, rules):
                excluded.append(child)
            elif child.dep in rules.object_relations or (holder == clause and passive_subject(parse, clause, child)):
                targets.append(child)
            elif holder == clause and clause.lemma.lower() in rules.undergoer_verbs and child.dep in rules.subject_relations:
                targets.append(child)  # "China faces tariffs": the subject bears the measure
            elif base in rules.argument_relations and case.split(" ")[0] in rules.target_cases:
                targets.append(child)
    return targets, excluded


def _negated_phrase(parse: SentenceParse, token: Token, rules: SyntaxRules) -> bool:
    """True for a noun phrase a negation leaves out of the measure: "paused for a month, but not on China"
    (the parser joins "China" to another phrase as a conjunct carrying the adverb "not"); "not only on
    China" and "not just China" include it."""
    if token.upos not in NOUNS:
        return False
    adverbs = {child.text.lower() for child in parse.children(token) if child.base_dep == "advmod"}
    return bool(adverbs & rules.negations) and not adverbs & rules.focus_adverbs


def syntax_targets(parse: SentenceParse, trigger: Token, text: str, actor: str | None, parties: Sequence[Party],
                   resources: EventResources) -> SyntaxTargets | None:
    """The countries a measure falls on and those excluded from it, or None when the parse names neither.

    Inside a target phrase every party counts ("on steel from Canada and
    Mexico"), minus the actor, owners of measures ("U.S. tariffs"), an
    "except" phrase within it ("on all countries except China") and a phrase
    negated by "not" ("for a month, but not on China").
    """
    rules = resources.syntax
    assert rules is not None
    heads, excepts = _argument_heads(parse, trigger, resources, parties)
    skip = rules.phrase_skip
    excluded_tokens = [t for e in excepts for t in parse.subtree(e, skip=skip)]
    authors = _author_indices(parse, heads, parties, rules)
    for head in heads:  # "except" inside a target phrase: "on imports from all countries except China"
        for token in parse.subtree(head, skip=skip):
            case = _first_case(parse, token)
            if (token != head and _excepts(case, rules)) or _negated_phrase(parse, token, rules):
                excluded_tokens += parse.subtree(token, skip=skip)
    excluded_ids = {t.index for t in excluded_tokens}
    # "on Mexico, Canada, and China hurt …": the last name of a serial list the parser hung elsewhere
    target_tokens = parse.with_serial_tail([t for h in heads for t in parse.subtree(h, skip=skip)
                                            if t.index not in excluded_ids and t.index not in authors])
    in_targets = parties_over(target_tokens, parties)
    # only a party in a target phrase is asked whether it owns the measure acted on
    acted_on = _owners_of_acted_measure(parse, trigger, in_targets) if actor is not None else frozenset()
    targets = [p for p in in_targets
               if p.iso3 != actor and (p.mention_id in acted_on or not owns_measure(text, p, resources))
               and not is_private(text, p, resources)]
    excluded = [p for p in parties_over(excluded_tokens, parties) if p.iso3 != actor]
    if not targets and not excluded:
        return None
    return SyntaxTargets(tuple(dict.fromkeys(targets)), tuple(dict.fromkeys(excluded)))


# How many heads up from a relative clause's antecedent its measure noun may stand: "levies on Chile and
# Peru, which he paused" hangs the clause on "Peru", a conjunct of "Chile", under "levies".
ANTECEDENT_STEPS = 3


def antecedent_targets(parse: SentenceParse, trigger: Token, text: str, actor: str | None,
                       parties: Sequence[Party], resources: EventResources) -> SyntaxTargets | None:
    """The targets of the measure a relative clause with a subject of its own tells of ("25% levies on Chile
    and Peru, which he later paused": Chile and Peru), or None. The measure is the first measure noun
    (`resources.owned`) on the way up from the noun the clause attaches to; its targets are the parties of
    its own target phrases ("on Chile and Peru"), not those of a measure joined before it ("15% tariffs on
    Brazil, along with …")."""
    rules = resources.syntax
    assert rules is not None
    if "acl:relcl" not in (trigger.dep, trigger.base_dep) or not parse.children(trigger, "nsubj"):
        return None
    antecedent = parse.head(trigger)
    if antecedent is None:
        return None
    measure = next((t for t in [antecedent, *parse.chain(antecedent)][:ANTECEDENT_STEPS + 1]
                    if resources.owned.fullmatch(t.text) is not None), None)
    if measure is None:
        return None
    clause_ids = {t.index for t in parse.subtree(trigger)}
    phrases = [c for c in parse.children(measure) if c.base_dep in rules.argument_relations
               and _first_case(parse, c).split(" ")[0] in rules.target_cases]
    tokens = [t for c in phrases for t in parse.subtree(c, skip=rules.phrase_skip) if t.index not in clause_ids]
    targets = [p for p in parties_over(tokens, parties) if p.iso3 != actor and not is_private(text, p, resources)]
    return SyntaxTargets(tuple(dict.fromkeys(targets)), ()) if targets else None


def _owners_of_acted_measure(parse: SentenceParse, trigger: Token, parties: Sequence[Party]) -> frozenset[str]:
    """Mention ids of the countries written before the measure a verb acts on ("the White House paused
    the Canadian and Mexican duties", "lifted the China tariffs"): with another government acting, the
    measure's country names where it falls, not a second owner. A possessive ("Japan's tariffs") owns."""
    objects = {c.index for c in parse.children(trigger, "obj")} if trigger.upos in ("VERB", "AUX") else set()
    if not objects:  # a noun trigger, or a verb without an object: no measure acted on
        return frozenset()
    out: set[str] = set()
    for party in parties:
        token = parse.at(party.start, party.end)
        if token is None or _possessive(parse, token):
            continue
        # up the modifiers and list links ("Mexican and Canadian") to the head of the noun phrase; the
        # parser may write a bare noun before the measure ("the China tariffs") as an nmod with no case
        head = next((h for h in [token, *parse.chain(token)]
                     if h.base_dep not in NOUN_MODIFIERS and h.dep != "conj"
                     and not (h.dep == "nmod" and not parse.children(h, "case"))), None)
        if head is not None and head != token and head.index in objects:
            out.add(party.mention_id)
    return frozenset(out)


def not_actors(parse: SentenceParse, trigger: Token, parties: Sequence[Party],
               resources: EventResources) -> frozenset[str]:
    """Mention ids of the parties the parse places where no actor stands: in a target phrase of the trigger's
    clause (object, "on"/"against"/"from" phrase, passive subject) or in an "except" phrase, but for a phrase
    naming the measure's author there ("on steel from President Trump": `_authored_tokens`)."""
    heads, excepts = _argument_heads(parse, trigger, resources, parties)
    rules = resources.syntax
    assert rules is not None  # `_argument_heads` reads the parse rules too
    authors = _author_indices(parse, heads, parties, rules)
    tokens = [t for h in heads + excepts for t in parse.subtree(h, skip=rules.phrase_skip) if t.index not in authors]
    return frozenset(p.mention_id for p in parties_over(tokens, parties))


def _possessive(parse: SentenceParse, token: Token) -> bool:
    """True for a possessor ("Japan's rice import ban", "the US' tariffs"): it owns what follows, whatever
    relation the parse gives it."""
    return any(child.dep == "case" and child.lower in POSSESSIVE_MARKS for child in parse.children(token))


def _intent_owner(parse: SentenceParse, noun: Token, verb: Token, text: str, parties: Sequence[Party],
                  resources: EventResources) -> Party | None:
    """The government that owns ``noun``, a noun of intent ``verb`` completes, by a possessive ("the US'
    plans to impose", "Japan's decision to raise"), if any. The words from the possessor to the verb must
    be those of ``possessed_infinitive`` (`arguments.json`), as for the word-order rule
    (`actors.infinitive_owner`): in "China's exporters to step up offshoring" the exporters act, not China."""
    gap = resources.possessed_infinitive
    if gap is None:
        return None
    owners = [c for c in parse.children(noun) if c.dep == "nmod:poss" or _possessive(parse, c)]
    return next((party for o in owners if gap.fullmatch(text, o.end, verb.start)
                 and (party := _government(parse, o, text, parties, resources))), None)


def goods_origins(parse: SentenceParse, parties: Sequence[Party], resources: EventResources) -> frozenset[str]:
    """Mention ids of the parties the parse writes as modifiers of goods: "For U.S. cars granted duty-free
    treatment, Ottawa charges …" names where the cars come from, not who acts.

    The party's word is followed up its chain of modifiers to the head of its noun phrase; a goods noun
    there ("cars", "imports") makes it an origin, a measure noun ("U.S. steel tariffs") does not."""
    out: set[str] = set()
    for party in parties:
        token = parse.at(party.start, party.end)
        if token is None or token.base_dep not in NOUN_MODIFIERS or _possessive(parse, token):
            continue
        # the first head above the chain of modifiers heads the noun phrase (the walk stops at a cycle)
        head = next((h for h in parse.chain(token) if h.base_dep not in NOUN_MODIFIERS), None)
        if head is not None and head.upos in NOUNS and _is_goods(head, resources):
            out.add(party.mention_id)
    return frozenset(out)


def sentence_parse(inputs: ArticleInputs, sentence: Sentence, resources: EventResources) -> SentenceParse | None:
    """The sentence's parse, or None when it was not parsed, the parse rules are off, or it is written in
    capitals (a headline such as "TAIWAN PROPOSES FURTHER TARIFF CUTS", which the parser, trained on mixed
    case, misreads): the word-order rules then decide."""
    if resources.syntax is None or not any(c.islower() for c in inputs.text[sentence.start:sentence.end]):
        return None
    return inputs.parses.get(sentence.index)


# How many tokens after a coordinating conjunction the verb of a clause of its own may stand: a subject
# phrase of a few words ("and South Korea's steel industry is …").
JOINED_SUBJECT_TOKENS = 6


def joined_clause_start(parse: SentenceParse, after: int, relative_words: frozenset[str]) -> int | None:
    """Offset of the first coordinating conjunction ("and", "but", "or") after ``after`` that opens a clause
    with a subject of its own, or None.

    "placed 25% tariffs on steel imports and Chile's steel industry is struggling": what follows "and" is
    a statement of its own, not more of the measure's targets, so the search for targets stops there. The
    conjunct counts as a clause when a verb or auxiliary follows within a few tokens with only a nominal
    subject between (nouns, names, possessive marks, determiners, adjectives, numbers), whatever head the
    parser gave it: the parser often reads such a subject as a conjunct of the last target noun. A word of
    ``relative_words`` (`SyntaxRules.relative_words`) after the conjunction opens a relative clause that
    describes the target, no clause of its own."""
    tokens = [t for t in parse.tokens if t.start >= after]
    for i, token in enumerate(tokens):
        if token.upos != "CCONJ":
            continue
        between: list[Token] = []
        for following in tokens[i + 1:i + 1 + JOINED_SUBJECT_TOKENS]:
            if following.upos in ("AUX", "VERB"):
                if following.upos == "VERB" and following.feature("VerbForm") not in ("Fin", None):
                    break  # "and rising steel imports": a participle modifies, no clause
                # "from Mexico, Canada, and China hurt …": the last name of a serial list, subject of the
                # verb with the rest of the list, though the parser may hang it alone
                if parse.closes_serial_list(token) and all(t.upos == "DET" or t.upos in ("PROPN", "NOUN") and t.text[:1].isupper() for t in between):
                    break
                # "promised that tariffs on Mexico and Canada would remain": the verb's subject opens a
                # subordinate clause ("that", "while") before the conjunction, so the verb is that clause's
                # and the conjunct one more target. Without the subordinator the parser's subject is not
                # trusted: it often makes the trigger's object the subject of the joined clause ("placed
                # tariffs on copper and Chile's industry is struggling")
                verb = following if following.upos == "VERB" else parse.head(following)
                if verb is not None and any(
                        after <= s.start < token.start
                        and any(t.upos == "SCONJ" and after <= t.start < s.start for t in tokens[:i])
                        for s in parse.children(verb, "nsubj")):
                    break
                if any(t.upos in ("NOUN", "PROPN", "PRON") for t in between):
                    return token.start
                break
            if following.upos not in ("NOUN", "PROPN", "PRON", "PART", "DET", "ADJ", "NUM") \
                    or following.lower in relative_words:
                break  # "on Canada and Mexico that qualify …": a relative clause describes the target
            if following.upos == "PRON" and between and between[-1].upos in ("NOUN", "PROPN"):
                break  # "the crude and products we have been lent": a relative clause without "that"
            between.append(following)
    return None


# The relations by which a reported clause hangs on its reporting verb ("X said [the duties would trigger …]",
# "[The duties would trigger …], X said").
REPORTED_RELATIONS = ("ccomp", "parataxis")


def reporting_speaker(parse: SentenceParse, trigger: Token, text: str, parties: Sequence[Party],
                      resources: EventResources) -> Party | None:
    """The government of whoever reports the clause ``trigger`` stands in: the subject of the verb the clause
    is the complement of (``REPORTED_RELATIONS``), climbing from the trigger to the first such clause. "The
    Commission's head said the decision would result in countermeasures": the Commission. None when the clause
    is reported by no one or by no government (an analyst)."""
    rules = resources.syntax
    assert rules is not None
    current: Token | None = trigger
    seen = set()
    while current is not None and current.index not in seen:
        seen.add(current.index)
        head = parse.head(current)
        if head is None:
            break
        if current.base_dep in REPORTED_RELATIONS:
            speaker = _subject(parse, head, rules)
            return _government(parse, speaker, text, parties, resources) if speaker is not None else None
        current = head
    # the reporting verb as the clause's own child ("[…], X said" read with "said" under the clause's verb)
    clause = parse.clause(trigger, rules.clause_verbs)
    for child in parse.children(clause):
        if child.base_dep in REPORTED_RELATIONS and child.start > trigger.end:
            speaker = _subject(parse, child, rules)
            if speaker is not None:
                return _government(parse, speaker, text, parties, resources)
    return None
