"""The goods of a tariff measure read from the dependency parse of its sentence.

The word-order rule (`pipeline.events.arguments.find_products`) reads the words right after the trigger; the
goods a measure covers are often further, under the measure's clause (`syntax_products`). A tariff measure
without a product takes them (`products_from_parse`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pipeline.events.arguments import find_products, previous_of
from pipeline.events.resources import EventResources
from pipeline.events.roles import sentence_parse
from pipeline.events.syntax import SentenceParse, Token
from pipeline.events.types import TARIFF_TYPES, ArticleInputs, Candidate


# Relations of the measure's clause that open another clause or speaker: the goods named there are not
# the measure's ("suspended tariffs on China and imposed duties on steel", "…, citing steel dumping").
# Below the clause's own arguments only a loosely joined sentence is left out: a coordination inside a
# relative clause ("goods that are claimed under and qualify for USMCA preference") still describes them.
PRODUCT_SKIP = frozenset({"conj", "parataxis", "advcl", "ccomp", "csubj", "nsubj", "discourse", "vocative", "list"})
PRODUCT_SKIP_BELOW = frozenset({"parataxis"})
PRODUCT_SKIP_CASES = frozenset({"with", "without", "except", "excluding", "besides"})


def words_under(parse: SentenceParse, heads: Sequence[Token], text: str) -> str:
    """The text under ``heads`` without their relations of `PRODUCT_SKIP`, in order: adjacent tokens keep
    the text between them ("USMCA-compliant"), a gap left by a skipped phrase becomes a space."""
    tokens = {h.index: h for h in heads}
    for head in heads:
        for child in parse.children(head):
            # "removed tariffs on Canada with exemptions for steel": an accompanying phrase is not the goods
            if (parse.case_of(child) or "").split(" ")[0] in PRODUCT_SKIP_CASES:
                continue
            if child.dep not in PRODUCT_SKIP and child.base_dep not in PRODUCT_SKIP:
                tokens.update((t.index, t) for t in parse.subtree(child, skip=PRODUCT_SKIP_BELOW))
    out, previous = [], None
    for current in sorted(tokens.values(), key=lambda t: t.index):
        if previous is not None:
            out.append(text[previous.end:current.start] if current.index == previous.index + 1 else " ")
        out.append(text[current.start:current.end])
        previous = current
    return "".join(out)


def syntax_products(parse: SentenceParse, trigger: Token, text: str, resources: EventResources) -> tuple[str, ...]:
    """The products named anywhere under the measure's clause, in text order (empty when none).

    The word-order rule reads the ten words after the trigger up to the next
    trigger; the goods a measure covers are often further or behind another
    trigger: "paused the end of duty-free treatment for low-value parcels"
    (the pause's object holds the parcels), "no tariffs on goods from Canada
    and Mexico that qualify for USMCA preference" (a relative clause).
    """
    assert resources.syntax is not None
    clause = parse.clause(trigger, resources.syntax.clause_verbs)
    # the clause's arguments and the trigger's own phrase (a measure noun may be the clause's subject:
    # "there will be no tariffs on goods …")
    words = words_under(parse, [clause, trigger], text)
    # "a 25% tariff on Canadian goods (10% on lumber)": the aside's goods are its own rate's
    return find_products([resources.rate_aside.sub(" ", words) if resources.rate_aside else words], resources)


def products_from_parse(candidates: list[Candidate], inputs: ArticleInputs,
                        resources: EventResources) -> list[Candidate]:
    """The candidates, a tariff measure without a product taking those its parse names (`syntax_products`).

    A sentence without a parse, or written in capitals (which the parser misreads), keeps the word-order
    reading."""
    if resources.syntax is None:
        return candidates
    out = []
    for candidate in candidates:
        parse = sentence_parse(inputs, candidate.sentence, resources) \
            if candidate.event_type in TARIFF_TYPES and candidate.product is None else None
        if parse is not None:
            token = parse.at(candidate.trigger.start, candidate.trigger.end)
            products = syntax_products(parse, token, inputs.text, resources) if token is not None else ()
            if products and not _other_rates_goods(candidate, products, inputs, resources):
                candidate = replace(candidate, product=products[0], products=products,
                                    rate_previous=previous_of(candidate.rate_previous, products))
        out.append(candidate)
    return out


def _other_rates_goods(candidate: Candidate, products: tuple[str, ...], inputs: ArticleInputs,
                       resources: EventResources) -> bool:
    """Whether ``products`` are the goods of another rate of the sentence, not of the candidate's own.

    "imposed … 25 percent on certain articles … and … 10 percent on certain energy": the 25% names what it
    falls on, and the energy the parse finds under the clause is what the 10% falls on.
    """
    own = next((r for r in inputs.rates if r.mention_id in candidate.mention_ids), None)
    if own is None or not own.applies_to or find_products([own.applies_to], resources):
        return False
    sentence = candidate.sentence
    others = {name for r in inputs.rates if own.end <= r.start < sentence.end and r.applies_to
              for name in find_products([r.applies_to], resources)}
    return set(products) <= others
