"""The goods of a measure named by the heading of the order's section it stands in.

An executive order names a section's subject in its heading and then amends rates in items that name only the
schedule's subdivisions: "Sec. 4. De Minimis Tariff Decrease. … (c) modify the HTSUS …: (i) subdivision (w) of
U.S. note 2 … shall be amended by deleting "120 percent", and by inserting "54 percent" …". The rate is that of
the low-value shipments the heading names, not of every good of the target; read as one of all goods, it outvoted
the rate the order keeps on them. A tariff measure still without a product after the word-order and parse rules
(`pipeline.events.parse_products`), standing in a section whose heading names goods, takes them.

A section opens with a marker sentence (``section_markers``: "Sec. 4.") whose heading is the rest of that
sentence or, when the marker stands alone, the next sentence; it runs to the next marker. A heading longer than
`HEADING_WORDS` words is body text the sentences ran together, not a heading, and gives nothing. A sentence that
cites another section of the same order (``own_section_references``: "the reduction in duties pursuant to section 2
of this order") speaks of that section's measure and takes no goods from its own section's heading.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.events.arguments import find_products, previous_of
from pipeline.events.resources import EventResources
from pipeline.events.types import TARIFF_TYPES, ArticleInputs, Candidate

# A section heading is a few words ("De Minimis Tariff Decrease", "Adjusting Imports of Steel Into the United
# States"); a longer "heading" is the section's first sentence run together with its marker.
HEADING_WORDS = 12


def section_heading(inputs: ArticleInputs, index: int, resources: EventResources) -> str | None:
    """The heading of the section sentence ``index`` stands in; None before the first marker or without markers.

    The marker sentence itself has no section to give its own measures: a heading is read for the sentences
    after it."""
    if resources.section_marker is None:
        return None
    ordered = sorted((s for s in inputs.sentences if s.index < index), key=lambda s: s.index)
    for position in range(len(ordered) - 1, -1, -1):
        text = inputs.text[ordered[position].start:ordered[position].end]
        marker = resources.section_marker.match(text)
        if marker is None:
            continue
        heading = text[marker.end():].strip()
        if not heading and position + 1 < len(ordered):
            following = ordered[position + 1]
            heading = inputs.text[following.start:following.end].strip()
        return heading if heading and len(heading.split()) <= HEADING_WORDS else None
    return None


def products_from_section(candidates: list[Candidate], inputs: ArticleInputs,
                          resources: EventResources) -> list[Candidate]:
    """The candidates, a tariff measure without a product taking the goods its section's heading names
    (`section_heading`)."""
    out = []
    for candidate in candidates:
        if candidate.event_type in TARIFF_TYPES and candidate.product is None \
                and not _cites_another_section(inputs, candidate, resources):
            heading = section_heading(inputs, candidate.sentence.index, resources)
            products = find_products([heading], resources) if heading else ()
            if products:
                candidate = replace(candidate, product=products[0], products=products,
                                    rate_previous=previous_of(candidate.rate_previous, products))
        out.append(candidate)
    return out


def _cites_another_section(inputs: ArticleInputs, candidate: Candidate, resources: EventResources) -> bool:
    """Whether the candidate's sentence cites a section of the same order ("the reduction in duties pursuant to
    section 2 of this order"): the measure it speaks of is that section's, not one on the heading's goods."""
    if resources.own_section_reference is None:
        return False
    return resources.own_section_reference.search(
        inputs.text[candidate.sentence.start:candidate.sentence.end]) is not None
