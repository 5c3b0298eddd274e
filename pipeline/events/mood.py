"""The imperative mood of a measure's clause, read from the dependency parse.

"For instance, levy duties on foreign steel, but spare partners that follow suit":
a writer's recommendation, or an instruction, names a measure no government has taken. The
parser writes such a clause as a sentence root in the base form (at times read as a present)
with no subject, no auxiliary and no "to"; a measure coordinated under it ("…, but spare …") shares its mood.

A list item of an order ("(a) raise the rate of duty …" after "it is necessary and appropriate
to:") is written the same way yet carries the order's force: a sentence opening with an
enumerator ("(a)", "(ii)", "1.") is no imperative.
"""

from __future__ import annotations

import re

from pipeline.events.syntax import SentenceParse, Token

# "(a)", "(ii)", "a)", "1.", "(3)": the marker of an item of a list
ENUMERATOR = re.compile(r"\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]", re.IGNORECASE)
SUBJECT_OR_AUX = ("nsubj", "nsubj:pass", "csubj", "expl", "aux", "aux:pass", "mark", "cop")


def _base_form(verb: Token) -> bool:
    """The bare infinitive, or a present the parser could not tell from it ("levy" read as finite): not
    a past, a participle or a gerund ("Imposing tariffs", a heading), nor a third person singular."""
    form = verb.feature("VerbForm")
    if form == "Inf":
        return True
    return form == "Fin" and verb.feature("Tense") == "Pres" and verb.feature("Person") != "3"


def _bare_root(parse: SentenceParse, verb: Token) -> bool:
    return parse.head(verb) is None and verb.upos == "VERB" and _base_form(verb) \
        and not parse.children(verb, *SUBJECT_OR_AUX)


def _opens_with_enumerator(parse: SentenceParse) -> bool:
    opening = "".join(t.text for t in parse.tokens[:3])
    return ENUMERATOR.match(opening) is not None


def is_imperative(parse: SentenceParse, walk: list[Token]) -> bool:
    """True when the verbs above a trigger (``walk``, nearest first, through coordinations without a
    subject of their own) end in an imperative sentence root (module doc)."""
    if not walk or _opens_with_enumerator(parse):
        return False
    top = walk[-1]
    if top.upos != "VERB":
        return False
    if top.dep == "conj" and not parse.children(top, *SUBJECT_OR_AUX):
        top = parse.head(top) or top
    return _bare_root(parse, top)
