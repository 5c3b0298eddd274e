"""What the words of a phrase next to a cue show the speaker rules (`speakers`): tests on a phrase and its
surroundings that resolve no speaker themselves.

The resolvers of `speakers` call one another in a cycle (a phrase's pronoun
looks back for a salient person, whose cue's phrase is resolved again); these
tests call none of them, reading only the article index and its word lists,
so they stand apart.
"""

from __future__ import annotations

import re

from pipeline.normalize.quotes.article import ArticleIndex, Cue, Speaker, Token, bare_word
from pipeline.views import Mention

def is_joint(speaker: Speaker) -> bool:
    """True for two speakers named together (`speakers._joint_speakers`): never the one person "he" stands for."""
    return speaker.kind == "name" and " and " in (speaker.name or "")


def after_a_link(art: ArticleIndex, mention: Mention) -> bool:
    """True when a name follows a preposition that ties a person to their firm ("of", "at", "from", "with")."""
    index = art.token_at_or_after(mention.start) - 1
    return index >= 0 and art.tokens[index].lower in art.lexicon.firm_links


def modifies_a_noun(art: ArticleIndex, mention: Mention, words: list[Token]) -> bool:
    """True when a name is followed in its noun phrase by a lower-case word: "a Reagan administration official"
    and "a Trump adviser" are someone else, not the person named."""
    after = next((t for t in words if t.start >= mention.end), None)
    following = art.token_at_or_after(mention.end)
    if following < len(art.tokens) and art.tokens[following].text == ",":
        return False  # "Jane Roe, head of Acme": a description in apposition, not a noun the name modifies
    return after is not None and after.text[:1].islower() and art.lexicon.word_class(after.lower) is None \
        and after.lower not in art.lexicon.name_links  # "Jane Roe of Kestrel Partners": the person, with their firm


def names_a_role(art: ArticleIndex, words: list[Token]) -> bool:
    """True when a noun phrase names one person by their role: its noun before any "of" is a role noun
    ("the chairman of the board"), not a body ("the trade group", "the trust")."""
    before_of = next((i for i, t in enumerate(words) if t.lower == "of"), len(words))
    return before_of > 0 and art.lexicon.sources.get(bare_word(words[before_of - 1].text)) == "role"


def one_of_several(art: ArticleIndex, words: list[Token]) -> bool:
    """True when a noun phrase opens with a determiner that picks one of several ("one analyst", "another
    official", "some economists"): not an article, since news copy often names "a company spokesman" in the
    next sentence ("…, a company spokeswoman said. FPL spokeswoman Stacey Shaw said …")."""
    return bool(words) and words[0].lower not in art.lexicon.sources_named_next \
        and art.lexicon.word_class(words[0].lower) == "determiner"


def phrase_head(words: list[Token]) -> Token | None:
    """The head word of a noun phrase: its last word ("ministers'" before a verb is a plural, not a possessive)."""
    return words[-1] if words else None


def object_of_preposition(art: ArticleIndex, first: int, last: int, cue: Cue) -> bool:
    """True when the phrase ``first..last`` right before a cue opens with a determiner or possessive after a
    preposition and holds only lower-case modifiers ("in a post-auction comment", "with its research note"):
    the cue word, in a form a noun may have (its lemma, perhaps with "s"), ends that phrase. A name or a
    speaker's noun there ("In a statement Kemp calls", "a dealer at a major foreign bank says") leaves the cue a
    verb."""
    if art.text[cue.start:cue.end].lower() not in (cue.lemma, cue.lemma + "s"):
        return False  # "said", "told": a verb's form, never a noun's
    if not 0 < first <= last or art.tokens[last].end > cue.start \
            or re.search(r"\S", art.text[art.tokens[last].end:cue.start]) \
            or art.tokens[first].lower not in art.lexicon.cue_nouns \
            or art.tokens[first - 1].lower not in art.lexicon.cue_objects:
        return False
    modifiers = art.tokens[first + 1:last + 1]
    return all(t.text.islower() and bare_word(t.text) not in art.lexicon.sources for t in modifiers)


def inside_report(art: ArticleIndex, position: int) -> bool:
    """True when ``position`` lies inside reported speech already resolved (a row of ``art.resolved`` that is
    no quotation in marks: `normalizer.normalize_quotes` resolves the quotations of ``art.quotes`` first, in
    their order, and appends reported speech after them)."""
    return any(q.outer_start <= position < q.outer_end for q, _ in art.resolved[len(art.quotes):])


def plausible_name(art: ArticleIndex, cue: Cue, speaker: Speaker) -> bool:
    """False for a name no rule tagged that a preposition cuts off before a cue ("the Centers for Disease
    Control in Atlanta said", "the Department of Justice said"): a place or the tail of a longer name, not
    the speaker. After a firm's staff ("analysts at LBBW say") the name is the firm."""
    if speaker.kind != "name" or not art.text[:cue.start].rstrip().endswith(speaker.text):
        return True
    before = art.token_at_or_after(art.text.rfind(speaker.text, 0, cue.start)) - 1
    if before < 0:
        return True
    word = art.tokens[before].lower
    if word != "of" and art.lexicon.word_class(word) != "boundary":
        return True
    return before > 0 and art.lexicon.sources.get(bare_word(art.tokens[before - 1].text)) == "staff"


def cue_bounds(art: ArticleIndex, cue: Cue, start: int, end: int) -> tuple[int, int]:
    """The reporter's stretch around a cue: between the quotations on either side, within ``[start, end)``."""
    floor = max([start] + [q.outer_end for q in art.quotes if q.outer_end <= cue.start])
    ceiling = min([end] + [q.outer_start for q in art.quotes if q.outer_start >= cue.end])
    return floor, ceiling
