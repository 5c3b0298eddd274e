"""What the words around a speaker pronoun show the rules that resolve it (`speakers.resolve_pronoun`).

Whether "he"/"she" closes the clause it reports (", he says."), whether a name
only modifies a title ("Citi analyst Jane Roe"), the organization opening the
sentence before an "it", and whether a sentence opens with a pronoun. These
read the article alone and never resolve a cue's speaker, so the rules that
do (`speakers`) can build on them.
"""

from __future__ import annotations

from pipeline.normalize.quotes.article import (PERSON_KINDS, POSSESSIVE, ArticleIndex, Speaker, Token, bare_word,
                                               organization_name)
from pipeline.normalize.quotes.items import item_start
from pipeline.normalize.quotes.persons import has_title, person_speaker
from pipeline.views import Mention

# Words a postposed cue may have after it before its sentence ends (", he says in a note to clients.").
POSTPOSED_TAIL_WORDS = 8
# How many words may open a sentence before the head noun of its subject ("The Philippine central bank").
OPENING_SUBJECT_WORDS = 5


def postposed_subject(art: ArticleIndex, token: Token) -> bool:
    """True when a pronoun is the subject of a cue that closes the clause it reports (", he says.").

    The pronoun follows a comma, a cue follows it (past fillers: ", she later added"), and
    after the cue the sentence ends within a few words that open no clause of their own
    (", he says in a note."; not ", he said that …").
    """
    index = art.token_at_or_after(token.start)
    if index == 0 or art.tokens[index - 1].text != ",":
        return False
    k = index + 1
    while k < len(art.tokens) and art.lexicon.word_class(art.tokens[k].lower) == "filler":
        k += 1
    if k >= len(art.tokens) or art.tokens[k].lower not in art.lexicon.cue_forms:
        return False
    last = art.token_at_or_after(art.sentences[art.sentence_of(token.start)][1])
    if last - k > 2 * POSTPOSED_TAIL_WORDS:
        return False  # words and punctuation: a long tail is a clause of its own
    tail = [t for t in art.tokens[k + 1:last] if t.is_word]
    return len(tail) <= POSTPOSED_TAIL_WORDS and not any(t.lower == "that" for t in tail)


def before_a_title(art: ArticleIndex, mention: Mention) -> bool:
    """True when a title follows a name right away: the name modifies it ("Citi analyst Jane Roe", "a Trump
    adviser"), and the person is the title's holder, not the one named."""
    index = art.token_at_or_after(mention.end)
    if index >= len(art.tokens):
        return False
    after = art.tokens[index]
    return any(m.start == after.start for m in art.mentions_in(("title",), after.start, after.end))


def organization_opening_before(art: ArticleIndex, position: int) -> Speaker | None:
    """The organization opening the sentence before ``position`` ("Kestrel cut its target. It says …"), or None.

    A one-word name read as a person's, with no title, counts: "it" stands for no person, so such a
    name is a firm the name rules took for a surname.
    """
    index = art.sentence_of(position)
    if index == 0 or art.sentences[index - 1][1] <= max(art.body_start, item_start(art, position)):
        return None  # a headline, or the item of a digest before, opens no sentence "it" looks back to
    s_start = art.sentences[index - 1][0]
    first = art.token_at_or_after(s_start)
    while first < len(art.tokens) and not art.tokens[first].is_word:
        first += 1
    if first >= len(art.tokens):
        return None
    opening = art.tokens[first]
    for mention in art.mentions_in(("organization", *PERSON_KINDS), opening.start, opening.end):
        if mention.start != opening.start or art.possessive(mention):
            continue
        if mention.kind == "organization":
            return Speaker(organization_name(mention), None, mention.text, "organization")
        person = person_speaker(art, mention)
        if " " not in person.name and person.official_id is None and not has_title(art, person.name):
            return Speaker(person.name, None, mention.text, "organization")
    return None


def institution_opens_sentence(art: ArticleIndex, position: int) -> bool:
    """True when the sentence of ``position`` opens, before it, with an institution as its subject: an
    organization mention or a noun phrase whose head is a body noun ("The central bank kept its rate …, with
    the governor saying …"). A role named after it in that sentence is the institution's own officer.

    The sentence's first `OPENING_SUBJECT_WORDS` words are read: an organization mention at the first or
    second of them, not possessive; or a ``bare_body`` word ("the", "this") followed by a body noun of
    ``sources.csv`` with no mark and no possessive before it ("The bank's shares rose" names no subject).
    """
    s_start = art.sentences[art.sentence_of(position)][0]
    first = art.token_at_or_after(s_start)
    words = [t for t in art.tokens[first:first + OPENING_SUBJECT_WORDS] if t.end <= position]
    if not words or not words[0].is_word:
        return False
    for mention in art.mentions_in(("organization",), words[0].start, words[-1].end):
        if mention.start <= words[min(1, len(words) - 1)].start and not art.possessive(mention):
            return True
    if words[0].lower not in art.lexicon.bare_bodies:
        return False
    for token in words[1:]:
        if not token.is_word or POSSESSIVE.search(token.text):
            return False
        if art.lexicon.sources.get(bare_word(token.text)) == "body":
            return True
    return False


def pronoun_before_person(art: ArticleIndex, start: int, end: int, pronoun: str | None) -> bool:
    """True when ``pronoun`` ("she") stands in the sentence ``[start, end)``, outside quotations, before the
    first person it names: that sentence goes on about the person the pronoun stood for before, and a person
    named later in it ("…, plus Bill Clinton") is someone else. A sentence that names no person tagged as
    one is left to the other rules (its cue may still name an untagged speaker: "Love said he …")."""
    if pronoun is None or art.lexicon.word_class(pronoun) != "person_pronoun":
        return False
    named = [m.start for m in art.persons if start <= m.start < end and not art.inside_quote(m.start)]
    if not named:
        return False
    return any(t.lower == pronoun and not art.inside_quote(t.start)
               for t in art.tokens[art.token_at_or_after(start):art.token_at_or_after(min(named))])


def starts_with_pronoun(art: ArticleIndex, start: int, end: int) -> bool:
    """True when the sentence in ``[start, end)`` has "he"/"she" as its first word, or its second after a
    connective ("But she said"): its subject stands for someone named before, not someone it names."""
    first = art.token_at_or_after(start)
    words = [t for t in art.tokens[first:first + 3] if t.end <= end and t.is_word]
    for token in words[:2]:
        if art.lexicon.word_class(token.lower) == "person_pronoun":
            return True
        if token.lower not in art.lexicon.pronoun_leads:
            return False
    return False
