"""Descriptions as speakers: a firm behind its staff, an institution ("the ministry"), a publication or a
document ("the editorial"), the person a description introduces, and the fuller phrase it shortens."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from pipeline.names import POSSESSIVE_MARKS
from pipeline.normalize.quotes.article import (PERSON_KINDS, POSSESSIVE, ArticleIndex, Speaker, Token, bare_word,
                                               capitalized_run, organization_name, strip_determiners, text_of)
from pipeline.normalize.quotes.cue_phrases import left_phrases, right_phrase
from pipeline.normalize.quotes.items import after_clock, is_news_outlet, item_start
from pipeline.normalize.quotes.persons import person_speaker
from pipeline.views import Mention

# Determiners that take up a noun named before ("the analysts" after "Morgan Stanley analysts").
DEFINITE = frozenset({"the", "these", "those"})
# How many sentences back a description of a kind of firm ("the investment bank") looks for the staff it
# spoke through ("Kestrel analysts expect …"): the paragraph or two a news story cites one source in.
EPITHET_SENTENCES = 3
# How many words before a staff noun may name its firm.
STAFF_PHRASE_WORDS = 6
# How many capitalized words may name the firm that owns what a digest item opens with ("Zentrix's").
OWNER_WORDS = 3
# A name that may be an acronym of a fuller one the article gives ("RBC" for "Royal Bank of Canada").
ACRONYM = re.compile(r"[A-Z]{2,6}")
# A run of capitalized words, joined perhaps by a function word of names ("Royal Bank of Canada").
NAME_RUN = re.compile(r"\b[A-Z][\w&'’-]*(?:\s+(?:(?:of|and|for|&)\s+)?[A-Z][\w&'’-]*)+")
# The same run, of one word or more ("hedge fund Kestrel").
_WORD_RUN = re.compile(NAME_RUN.pattern[:-1] + "*")


def firm_of_staff(art: ArticleIndex, words: list[Token], *, adjacent: bool = False) -> str | None:
    """The firm named before a staff noun ending ``words`` ("BNP Paribas credit strategists" → "BNP Paribas").

    The capitalized words before the noun (past lower-case modifiers: "credit")
    name the firm: its organization mention's name when tagged, else the words.
    A title there ("Fed governors") or a country alone ("Japanese economists")
    names no firm (a name that holds a country does: "Statistics Canada"), nor
    does a region, market place or chamber ("a Western economist", "a Wall
    Street source"), nor a lone capitalized word opening the sentence ("Most analysts").
    ``adjacent`` (for one role holder: "a Paramount spokesperson") takes only
    the words right before the noun, after nothing but a function word, and no
    person's name: "a senior Trump administration official" and "an ex
    Northrop executive" (no longer the firm's voice) name no firm.
    """
    before = list(words[:-1])
    while not adjacent and before and before[-1].text.islower() and art.lexicon.word_class(before[-1].lower) is None:
        before.pop()
    run = capitalized_run(art, reversed(before))[::-1]
    if adjacent and len(run) < len(before) and art.lexicon.word_class(before[-len(run) - 1].lower) is None:
        return None
    owner = next((i for i, t in enumerate(run[:-1]) if POSSESSIVE.search(t.text)), None)
    if owner is not None:  # "the Boston Fed's Labor Market tracker": the owner named before "'s" issued it
        run = run[:owner + 1]
    kinds = ("title", *PERSON_KINDS) if adjacent else ("title",)
    if not run or art.mentions_in(kinds, run[0].start, run[-1].end):
        return None
    countries = art.mentions_in(("country",), run[0].start, run[-1].end)
    opening = art.sentences[art.sentence_of(run[0].start)][0]
    if all(any(m.start <= t.start < m.end for m in countries) or t.start == opening for t in run):
        # every word is a country's, or opens the sentence: "Japanese economists", "Leading Italian economists"
        return None
    organizations = art.mentions_in(("organization",), run[0].start, run[-1].end)
    if organizations:
        return organization_name(organizations[-1])
    if len(run) == 1 and art.sentences[art.sentence_of(run[0].start)][0] == run[0].start:
        return None
    name = POSSESSIVE.sub("", text_of(art, run))
    return None if name.lower() in art.lexicon.not_firms else name


def staff_firm_before(art: ArticleIndex, head: Token, position: int, reach: int) -> str | None:
    """The firm of the staff a definite "the analysts" takes up: named with the nearest earlier mention of the
    noun that is not itself definite ("Morgan Stanley analysts", "analysts at Morgan Stanley"), within ``reach``
    sentences before ``position``; None when that mention names no firm ("analysts said" is a group).
    """
    noun = bare_word(head.text)
    floor = art.sentences[max(art.sentence_of(position) - reach, 0)][0]
    for index in range(art.token_at_or_after(head.start) - 1, -1, -1):
        token = art.tokens[index]
        if token.start < floor:
            break
        if bare_word(token.text) != noun or art.inside_quote(token.start):
            continue
        if index > 0 and art.tokens[index - 1].lower in DEFINITE:
            continue  # another "the analysts": the same staff, named further back
        return firm_with_staff(art, index)
    return None


def firm_with_staff(art: ArticleIndex, index: int) -> str | None:
    """The firm named with the staff noun at token ``index``: right before it ("Morgan Stanley analysts") or
    after a preposition (`firm_after_staff`)."""
    s_start = art.sentences[art.sentence_of(art.tokens[index].start)][0]
    first = index
    while first > 0 and index - first < STAFF_PHRASE_WORDS and art.tokens[first - 1].is_word \
            and art.tokens[first - 1].start >= s_start:
        first -= 1
    firm = firm_of_staff(art, art.tokens[first:index + 1])
    return firm if firm is not None else firm_after_staff(art, index)


def firm_after_staff(art: ArticleIndex, index: int) -> str | None:
    """The firm named after the staff noun at token ``index`` and a preposition ("analysts at Morgan Stanley"),
    by its organization mention's name or its capitalized words; None when none follows."""
    if index + 2 >= len(art.tokens) or art.tokens[index + 1].lower not in art.lexicon.firm_links:
        return None
    after = art.tokens[index + 2]
    for mention in art.mentions_in(("organization",), after.start, art.sentences[art.sentence_of(after.start)][1]):
        if mention.start == after.start:
            return organization_name(mention)
    run = capitalized_run(art, map(art.tokens.__getitem__, range(index + 2, len(art.tokens))))
    return POSSESSIVE.sub("", text_of(art, run)) if run else None


def resolve_body(art: ArticleIndex, tokens: list[Token], head: Token, position: int) -> Speaker:
    """An institution as the speaker: "the company" → the organization named last before it, when one fits.

    Only a bare definite description ("the ministry", "the company") points
    back; it takes the nearest organization named earlier outside quotations
    whose name holds its noun ("the ministry" → "Ministry of Trade"), or any
    organization for the generic nouns ("the company", "the firm": ``company``
    ``any`` in ``sources.csv``), these only within the digest item that holds
    the description (`items.item_start`) and never a news outlet. Otherwise the
    description is the name ("Japan's trade ministry" → "Japan's trade ministry").
    """
    core = strip_determiners(art, tokens)
    words = [t for t in tokens if t.is_word]
    bare = len(words) == 2 and words[0].lower in art.lexicon.bare_bodies and words[1] is head \
        or located_description(art, words, head)
    if not bare and _described_kind(art, words, head):
        # "the trade group", "the market regulator": a kind of body, described as such before or of a kind its
        # name shows
        owner = described_before(art, head, position) or _named_of_kind(art, bare_word(head.text), position)
        if owner is None and bare_word(head.text) in art.lexicon.company_words:
            owner = _firm_of_recent_staff(art, position)  # "Acme analysts expect …. The investment bank said"
        if owner is not None:
            return Speaker(owner, None, text_of(art, tokens), "organization")
    if bare:
        wanted = bare_word(head.text)
        generic = wanted in art.lexicon.generic_bodies
        # "the company" of a digest's item is a firm of that item; a news outlet cited there is its source
        floor = item_start(art, position) if generic else 0
        for mention in reversed(art.by_kind.get("organization", [])):
            if mention.end > position or art.inside_quote(mention.start):
                continue
            if generic and (mention.start < floor or is_news_outlet(art, mention)):
                continue
            name, _, country = (mention.label or mention.text).partition("|")
            if generic and (country or _hearer(art, mention) or any(
                    art.lexicon.sources.get(word) == "body" and word not in art.lexicon.company_words
                    for word in name.lower().split())):
                continue  # a public body ("Exchange Commission") is no company; nor is the outlet told ("told Reuters")
            if generic or wanted in name.lower():
                return Speaker(name, None, text_of(art, tokens), "organization")
        owner = item_owner(art, max(floor, art.body_start), position) if generic else None
        if owner is None and not generic:
            owner = described_before(art, head, position) or _named_of_kind(art, wanted, position)
        if owner is None and generic:
            owner = firm_of_a_title(art, max(floor, art.body_start), position)
        if owner is not None:
            return Speaker(owner, None, text_of(art, tokens), "organization")
    owner = _organization_owning(art, words, head)
    if owner is not None:
        return Speaker(owner, None, text_of(art, tokens), "organization")
    return Speaker(text_of(art, core) or head.text, None, text_of(art, tokens), "organization")


def _organization_owning(art: ArticleIndex, words: list[Token], head: Token) -> str | None:
    """The organization named in the possessive right before a body of its own ("the Bank of Ruritania's
    governing council", "members of Acme's board": the bank, the firm), with only lower-case modifiers
    between; None otherwise. A country there ("Japan's trade ministry") is no organization: the description
    stays the name."""
    at = next((i for i, t in enumerate(words) if t is head), None)
    if at is None:
        return None
    before = at - 1
    while before >= 0 and words[before].text.islower() and art.lexicon.word_class(words[before].lower) is None:
        before -= 1
    if before < 0 or not POSSESSIVE.search(words[before].text) \
            and not re.match(r"['’]s\b", art.text[words[before].end:]):
        return None
    owners = [m for m in art.mentions_in(("organization",), words[0].start, words[before].end)
              if art.possessive(m) and m.end >= words[before].start]
    if not owners or any(m.start == owners[-1].start and m.end == owners[-1].end
                         for m in art.mentions_in(("country",), owners[-1].start, owners[-1].end)):
        return None
    return organization_name(owners[-1])


def _described_kind(art: ArticleIndex, words: list[Token], head: Token) -> bool:
    """True for a definite description of a kind of body that is no generic firm noun: "the" and lower-case
    modifiers before the noun ("the trade group", "the market regulator"), none a function word."""
    return len(words) >= 3 and words[0].lower in art.lexicon.bare_bodies and words[-1] is head \
        and bare_word(head.text) not in art.lexicon.generic_bodies \
        and all(t.text.islower() and art.lexicon.word_class(t.lower) is None for t in words[1:-1])


def _firm_of_recent_staff(art: ArticleIndex, position: int) -> str | None:
    """The firm whose staff the story cited last before ``position`` ("Kestrel Bank analysts expect …"), within
    `EPITHET_SENTENCES` sentences and outside quotations, or None: a description of a kind of firm ("the
    investment bank") that names no firm takes up the firm those staff spoke for."""
    floor = art.sentences[max(art.sentence_of(position) - EPITHET_SENTENCES, 0)][0]
    for index in range(art.token_at_or_after(position) - 1, -1, -1):
        token = art.tokens[index]
        if token.start < floor:
            break
        if art.lexicon.sources.get(bare_word(token.text)) != "staff" or art.inside_quote(token.start):
            continue
        firm = firm_with_staff(art, index)
        if firm is not None:
            return firm
    return None


def _named_of_kind(art: ArticleIndex, noun: str, position: int) -> str | None:
    """The nearest organization named before ``position``, outside quotations, whose name shows it is of the
    noun's kind (``marks`` in ``sources.csv``: "the regulator" → "Securities and Exchange Board"), or None."""
    marks = art.lexicon.kind_marks.get(noun)
    if not marks:
        return None
    found: list[tuple[int, str]] = []  # (end, name): a tagged organization, or a run of capitals none tagged
    for mention in art.by_kind.get("organization", []):
        name = organization_name(mention)
        if mention.end <= position and not art.inside_quote(mention.start) and marks & set(name.lower().split()):
            found.append((mention.end, name))
    for run in NAME_RUN.finditer(art.text, art.body_start, position):
        words = run.group(0).split()
        if words[0].lower() in DEFINITE:
            words = words[1:]
        if len(words) >= 2 and marks & {w.lower() for w in words} and not art.inside_quote(run.start()):
            found.append((run.end(), POSSESSIVE.sub("", " ".join(words))))
    # the nearest; at one place a tagged name (listed first) over the run of capitals around it
    return max(found, key=lambda item: item[0])[1] if found else None


def described_before(art: ArticleIndex, head: Token, position: int, modifiers: tuple[str, ...] = ()) -> str | None:
    """The organization the article described earlier with the same noun, for a bare "the group" or "the
    regulator" whose noun no organization's name holds: named right after the noun ("the advocacy group Kestrel
    Watch", "market regulator SEBI") or right before it, set off by a comma ("SEBI, the market regulator"); the
    nearest such mention outside quotations before ``position``, or None.

    ``modifiers`` are the lower-case words before the noun in the description ("hedge" of "the hedge fund"):
    where the earlier noun has the same words before it ("Hedge fund Kestrel warned"), the whole descriptor
    matches and a name of one word no gazetteer tagged counts too."""
    noun = bare_word(head.text)
    if noun in art.lexicon.public_bodies and noun not in art.lexicon.kind_marks:
        return None  # "the government", "the department": the country's own, however the story described one
    for index in range(art.token_at_or_after(head.start) - 1, -1, -1):
        token = art.tokens[index]
        if token.start < art.body_start:
            break  # a headline's capitals name no body
        if bare_word(token.text) != noun or art.inside_quote(token.start):
            continue
        sentence_end = art.sentences[art.sentence_of(token.start)][1]
        after = art.tokens[index + 1] if index + 1 < len(art.tokens) else None
        owner = POSSESSIVE.search(token.text) or (after is not None and after.text in POSSESSIVE_MARKS)
        if after is not None and after.start < sentence_end and not owner:
            # (not after "'s": "the union's General Motors bargaining unit" names what the union owns)
            named = [m for m in art.mentions_in(("organization",), after.start, sentence_end) if m.start == after.start]
            if named:
                return organization_name(named[0])
            # (only after a lower-case noun: "Acme Group Chairman …" is one name, no description)
            described = bool(modifiers) and index >= len(modifiers) and [
                t.lower for t in art.tokens[index - len(modifiers):index]] == list(modifiers)
            untagged = _name_starting_at(art, after.start, sentence_end, min_words=1 if described else 2) \
                if token.text.islower() else None
            if untagged is not None:  # "the advocacy group Harbour Watch Network", a name no gazetteer tagged
                return untagged
        first = index
        while first > 0 and art.tokens[first - 1].is_word and art.tokens[first - 1].text.islower() \
                and index - first < STAFF_PHRASE_WORDS:
            first -= 1  # past the article and modifiers: "SEBI, the market regulator"
        if first >= 2 and art.tokens[first - 1].text == ",":
            before = [m for m in art.by_kind.get("organization", []) if m.end == art.tokens[first - 2].end]
            if before:
                return organization_name(before[-1])
            named = _name_ending_at(art, art.tokens[first - 2].end)
            if named is not None:
                return named
    return None


def _name_starting_at(art: ArticleIndex, start: int, end: int, *, min_words: int = 2) -> str | None:
    """The run of capitalized words that opens at ``start`` (before ``end``), when it holds ``min_words`` words
    or more and no tagged person, country or title lies in it: an organization no gazetteer tagged, named right
    after the noun that describes it ("the advocacy group Harbour Watch Network"). A name of one word must be
    no function word ("fund The")."""
    run = (NAME_RUN if min_words >= 2 else _WORD_RUN).match(art.text, start, end)
    if run is None or run.start() < art.body_start:
        return None
    name = POSSESSIVE.sub("", run.group(0))
    if len(name.split()) == 1 and art.lexicon.word_class(name.lower()) is not None:
        return None
    if name.isupper() or len(name.split()) < min_words \
            or art.mentions_in(("country", "title", *PERSON_KINDS), run.start(), run.end()):
        return None
    return name


def _name_ending_at(art: ArticleIndex, end: int) -> str | None:
    """The run of capitalized words (joined perhaps by "of", "and", "for", "&") that ends at ``end`` in its
    sentence, when it holds two words or more and no tagged person, country or title covers it whole: an
    organization no gazetteer tagged ("the Securities Board of Ruritania, the market regulator")."""
    start = art.sentences[art.sentence_of(end - 1)][0]
    runs = [m for m in NAME_RUN.finditer(art.text, start, end) if m.end() == end]
    if not runs:
        return None
    run = runs[-1]
    name = POSSESSIVE.sub("", run.group(0))
    if run.start() < art.body_start or name.isupper():
        return None  # a headline in capitals
    words = name.split()
    while words and art.lexicon.word_class(words[0].lower()) is not None:
        words = words[1:]  # an opening function word: "In", "The"
    if len(words) < 2 or any(len(m.text.split()) >= len(words)
                             for m in art.mentions_in(("country", "title", *PERSON_KINDS), run.start(), run.end())):
        return None  # the run is a person's name or a title ("Finance Minister Jane Roe"), not a body's
    return " ".join(words)


def firm_of_a_title(art: ArticleIndex, floor: int, position: int) -> str | None:
    """The firm named in the title of a person who spoke before, for a bare "the company" when no organization
    is tagged before it: "Jane Roe, chairman of Kestrel Tools Corp, said …. …, the company said" → Kestrel Tools
    Corp (the title's role noun, a preposition that ties a person to a firm, and the capitalized words after it).
    The nearest such title after ``floor`` and outside quotations, or None."""
    for index in range(art.token_at_or_after(position) - 1, art.token_at_or_after(floor) - 1, -1):
        token = art.tokens[index]
        if art.lexicon.sources.get(token.lower) != "role" or art.inside_quote(token.start):
            continue
        firm = firm_after_staff(art, index)
        if firm and not art.mentions_in(("country", "title"), *_span_of(art, index + 2, firm)):
            return firm
    return None


def _span_of(art: ArticleIndex, index: int, name: str) -> tuple[int, int]:
    """The characters ``name`` covers when written from token ``index`` on."""
    start = art.tokens[index].start
    return start, start + len(name)


def located_description(art: ArticleIndex, words: list[Token], head: Token) -> bool:
    """True for a body noun whose only modifiers say where the body sits ("Illinois-based company", "the
    Ohio-headquartered firm"): a description of a firm named before, as a bare "the company" is. The place
    is the word before a ``place_suffix`` word; any other modifier ("the Swiss drug company") is left alone."""
    if len(words) < 2 or words[-1] is not head:
        return False
    inner = words[1:-1] if words[0].lower in art.lexicon.bare_bodies else words[:-1]
    parts = [part for t in inner for part in t.text.split("-") if part]  # one token or three: "Ohio-based"
    return len(parts) == 2 and art.lexicon.word_class(parts[1].lower()) == "place_suffix" and parts[0][:1].isupper()


def item_owner(art: ArticleIndex, floor: int, position: int) -> str | None:
    """The firm a story or a digest's item opens with as an owner, for "the company" of it when no
    organization is tagged before: "1836 ET - Zentrix's marketing chief has resigned, the company says" →
    Zentrix.

    One to `OWNER_WORDS` capitalized words ending in "'s" right at ``floor`` (past a clock time), naming no
    person, country or title.
    """
    first = art.token_at_or_after(after_clock(art, floor))
    run = capitalized_run(art, art.tokens[first:first + OWNER_WORDS])
    owner = next((i for i, t in enumerate(run) if POSSESSIVE.search(t.text)), None)
    if owner is None or run[owner].end > position:
        return None
    run = run[:owner + 1]
    if art.mentions_in(("country", "title", *PERSON_KINDS), run[0].start, run[-1].end):
        return None
    return POSSESSIVE.sub("", text_of(art, run))


def _hearer(art: ArticleIndex, mention: Mention) -> bool:
    """True when the organization is the one spoken to: right after a cue ("told Reuters")."""
    index = art.token_at_or_after(mention.start) - 1
    return index >= 0 and art.tokens[index].lower in art.lexicon.cue_forms


def named_next(art: ArticleIndex, position: int) -> Speaker | None:
    """The person the next sentence names as a speaker, for a specific description before it.

    News copy introduces a source by role and names them right after
    ("…, according to Japan's top trade negotiator. “…,” Ryosei Akazawa told
    reporters"); only a person mention right beside a cue counts.
    """
    index = art.sentence_of(position) + 1
    if index >= len(art.sentences):
        return None
    s_start, s_end, _ = art.sentences[index]
    for cue in art.cues:
        if not s_start <= cue.start < s_end or art.inside_quote(cue.start):
            continue
        for found in [*left_phrases(art, cue, s_start), right_phrase(art, cue, s_end)]:
            if found is None:
                continue
            tokens = art.tokens[found[0]:found[1] + 1]
            persons = [m for m in art.mentions_in(PERSON_KINDS, tokens[0].start, tokens[-1].end)
                       if not art.possessive(m)]
            if persons:
                return person_speaker(art, persons[-1])
    return None


def earlier_description(art: ArticleIndex, head: Token) -> str | None:
    """The fullest earlier phrase with the same head noun ("EC foreign ministers" for "the ministers")."""
    stem = bare_word(head.text)
    best = None
    for i, token in enumerate(art.tokens):
        if token.start >= head.start:
            break
        if bare_word(token.text) != stem or art.inside_quote(token.start):
            continue
        j = i
        while j > 0 and art.tokens[j - 1].is_word and art.lexicon.word_class(art.tokens[j - 1].lower) is None \
                and art.tokens[j - 1].lower not in art.lexicon.cue_forms and i - j < 3 \
                and "\n" not in art.text[art.tokens[j - 1].end:art.tokens[j].start]:
            j -= 1  # ... within its line: a heading's words above are no part of the phrase
        phrase = art.text[art.tokens[j].start:token.end]
        if best is None or len(phrase) >= len(best):
            best = phrase
    return best


def resolve_publication(art: ArticleIndex, tokens: list[Token], source_class: str) -> Speaker | None:
    """A newspaper or agency by its name; a document ("the editorial") by the publication named before."""
    if source_class == "document":
        issuer = _issuer_named_first(art, tokens) or _issuer_named_before(art, tokens)
        if issuer is not None:
            return Speaker(issuer, None, text_of(art, tokens), "organization")
    if source_class == "publication":
        name = _publication_name(art, tokens)
        if name:
            return Speaker(name, None, text_of(art, tokens), "organization")
    for back in range(art.token_at_or_after(tokens[0].start) - 1, -1, -1):
        token = art.tokens[back]
        if art.lexicon.sources.get(token.lower) == "publication" and not art.inside_quote(token.start):
            phrase = _publication_phrase(art, back)
            name = _publication_name(art, phrase)
            if name:
                return Speaker(name, None, text_of(art, tokens), "organization")
    description = text_of(art, strip_determiners(art, tokens))
    if source_class == "document" and " " not in description:
        # "the statement said": the organization of the sentence that first mentioned the statement issued it.
        noun = bare_word(tokens[-1].text)
        for token in art.tokens[:art.token_at_or_after(tokens[0].start)]:
            if bare_word(token.text) == noun and not art.inside_quote(token.start):
                s_start, s_end, _ = art.sentences[art.sentence_of(token.start)]
                issuers = [m for m in art.mentions_in(("organization",), s_start, s_end) if not art.possessive(m)
                           and not art.inside_quote(m.start)]
                if issuers:
                    return Speaker(organization_name(issuers[0]), None, text_of(art, tokens), "organization")
                break
    return Speaker(description, None, text_of(art, tokens), "unnamed") if " " in description else None


def _issuer_named_first(art: ArticleIndex, tokens: list[Token]) -> str | None:
    """Who issued a bare "the study", "the 2024 survey": the name right before its noun where the article
    last mentioned it with a name ("a Statistics Canada study found …. The study said"), or None.

    Only a definite description of the noun alone or with a year or number ("the 2024 survey"); a later
    mention ("the Kestrel report") names its issuer itself. The nearest earlier mention that names an issuer
    is the one taken up (a story cites several surveys in turn); one with another year or number before its
    noun ("a 2021 survey by …") is a different document.
    """
    words = [t for t in tokens if t.is_word]
    if len(words) < 2 or words[0].lower not in DEFINITE or not all(_number(t) for t in words[1:-1]):
        return None
    noun, numbers = bare_word(words[-1].text), {t.lower for t in words[1:-1]}
    for index in range(art.token_at_or_after(tokens[0].start) - 1, -1, -1):
        token = art.tokens[index]
        if bare_word(token.text) != noun or art.inside_quote(token.start) or token.start < art.body_start:
            continue  # (a headline's capitals name no issuer: "JARDINE PLANS HONGKONG LAND REPORT")
        s_start = art.sentences[art.sentence_of(token.start)][0]
        phrase = [t for t in art.tokens[max(index - STAFF_PHRASE_WORDS, 0):index + 1] if t.start >= s_start]
        if any(_number(t) and t.lower not in numbers for t in phrase):
            continue
        issuer = firm_of_staff(art, [t for t in phrase if t.is_word], adjacent=True)
        if issuer is not None:
            return issuer
    return None


def _number(token: Token) -> bool:
    """True for a year or a number written in digits ("2024", "10")."""
    return token.text.isdigit()


def _issuer_named_before(art: ArticleIndex, tokens: list[Token]) -> str | None:
    """The organization or person named right before a document's noun, after a year or a number ("a 2024
    Kestrel Capital survey", "the Acme report"), or None.

    The capitalized words must be a tagged name as a whole: a month or a place ("the January report", "a
    Chinese study") names no issuer.
    """
    words = [t for t in tokens if t.is_word]
    heads = [i for i, t in enumerate(words) if art.lexicon.sources.get(bare_word(t.text)) == "document"]
    if not heads or heads[-1] == 0:
        return None
    run = capitalized_run(art, reversed(words[:heads[-1]]))[::-1]
    if not run:
        return None
    names = [m for m in art.mentions_in(("organization", "person"), run[0].start, run[-1].end)
             if m.start == run[0].start and m.end == run[-1].end]
    return text_of(art, run) if names else None


def _publication_phrase(art: ArticleIndex, index: int) -> list[Token]:
    first, last = index, index
    while first > 0 and art.tokens[first - 1].is_word and index - first < 5:
        first -= 1
    while last + 1 < len(art.tokens) and art.tokens[last + 1].is_word and last - index < 4:
        last += 1
    return art.tokens[first:last + 1]


def _publication_name(art: ArticleIndex, tokens: list[Token]) -> str | None:
    """The capitalized run beside a publication noun ("International Business newspaper")."""
    heads = [i for i, t in enumerate(tokens) if art.lexicon.sources.get(t.lower) == "publication"]
    if not heads:
        return None
    head = heads[-1]
    # "the RIA state news agency": lower-case modifiers of the noun stand between it and the name
    before = head
    # (written in lower case: "New China News Agency" is a name as a whole)
    while before > 0 and tokens[before - 1].text[:1].islower() \
            and tokens[before - 1].lower in art.lexicon.outlet_modifiers:
        before -= 1
    run = capitalized_run(art, reversed(tokens[:before]))[::-1]
    if before < head and run:
        # a name after the noun outranks a place's adjective before it: "the Iraqi news agency INA"
        after = capitalized_run(art, tokens[head + 1:])
        return text_of(art, after or run)
    if run and any(m.end == tokens[head].end and m.start < tokens[head].start
                   for m in art.mentions_in(("organization",), run[0].start, tokens[head].end)):
        # "the Central Meteorological Agency said": the noun ends an organization's tagged name, and the body is
        # no publication ("Kyodo News Agency", tagged as "Kyodo News", stays the agency's name)
        return text_of(art, [*run, tokens[head]])
    run = run or capitalized_run(art, tokens[head + 1:])
    return text_of(art, run) if run else None


def organization_forms(art: ArticleIndex) -> list[str]:
    """The names of the article's organization mentions outside quotations, each once, in text order, that
    may stand for a shortened speaker (`fuller_organization`).

    Left out: a name ending in a public body's noun, a body of its own beside the short form ("Senate" →
    "Senate Finance Committee", "Tower" → "Tower Commission"), and a name joined by "and", which may be
    two firms read as one ("Texaco Inc and Pennzoil Co").
    """
    forms: dict[str, None] = {}
    for mention in art.by_kind.get("organization", []):
        if art.inside_quote(mention.start):
            continue
        name = POSSESSIVE.sub("", organization_name(mention))
        last = bare_word(name.split()[-1]) if name.split() else ""
        if " and " in name or (art.lexicon.sources.get(last) == "body" and last not in art.lexicon.company_words):
            continue
        forms.setdefault(name, None)
    return list(forms)


def fuller_organization(speaker: Speaker | None, forms: list[str],
                        untagged: Callable[[], Sequence[str]] = tuple) -> Speaker | None:
    """The speaker under the fuller name the article gives its organization ("Goldman" → "Goldman Sachs").

    News copy names a firm in full once and shortens it after ("strategists at
    Goldman Sachs forecast …. …, Goldman said"); the short form is the
    organization when exactly one organization named in ``forms`` opens with
    its word. Only a one-word name: a longer one is a body of its own ("Federal
    Reserve" beside "Federal Reserve Bank of New York"). A person's one-word
    name counts too (the short form of a firm is often read as a surname), but
    never an official's. When no tagged organization opens with the word, the
    ``untagged`` names (`firm_names.untagged_firm_names`: "Magna International",
    a firm no gazetteer knows) may give the one fuller form instead. They are asked for (``untagged()``) only then:
    finding them reads every run of capitals in the body, and few speakers need them.
    """
    if speaker is None or speaker.name is None or " " in speaker.name.strip():
        return speaker
    if speaker.kind not in ("person", "name", "organization", "voice") \
            or (speaker.kind == "person" and speaker.official_id is not None):
        return speaker
    word = speaker.name.strip()
    fuller = {form for form in forms if form.split()[0] == word and len(form.split()) > 1}
    if not fuller and not any(form.split()[0] == word for form in forms):
        fuller = {name for name in untagged() if name.split()[0] == word}
    if len(fuller) != 1:
        return speaker
    kind = "organization" if speaker.kind in ("person", "name") else speaker.kind
    return replace(speaker, name=fuller.pop(), official_id=None, kind=kind)


def spelled_out(art: ArticleIndex, speaker: Speaker | None) -> Speaker | None:
    """The speaker under the name its acronym stands for, when the article spells it out: "RBC said" in a story
    that names "the Royal Bank of Canada" is the bank's, as one reads it.

    The acronym (two to six capitals, read as an organization's or a person's name, never an official's) takes
    the one run of capitalized words in the body, joined perhaps by "of", "and", "for" or "&", whose
    initials spell it, or whose ending from a capitalized word on spells it ("The Financial Times" for "FT",
    "the Harbour-based Center for Trade Studies" for "CTS"); with none or several it stays.
    """
    if speaker is None or speaker.name is None or speaker.official_id is not None \
            or speaker.kind not in ("person", "name", "organization", "voice") or not ACRONYM.fullmatch(speaker.name):
        return speaker
    runs = {name for match in NAME_RUN.finditer(art.text, art.body_start)
            for name in _name_endings(POSSESSIVE.sub("", match.group(0)))
            if "".join(word[0] for word in name.split() if word[:1].isupper()) == speaker.name}
    if len(runs) != 1:
        return speaker
    kind = "organization" if speaker.kind in ("person", "name") else speaker.kind
    return replace(speaker, name=runs.pop(), kind=kind)


def _name_endings(run: str) -> list[str]:
    """The run of capitalized words and each shorter run that ends it at a capitalized word: a name may follow a
    word the run took along ("The Financial Times", "Harbour-based Center for Trade Studies"); a joining word
    ("of", "and") opens none."""
    words = run.split()
    return [" ".join(words[i:]) for i in range(len(words)) if words[i][:1].isupper()]


def written_organization(art: ArticleIndex, speaker: Speaker | None) -> Speaker | None:
    """The speaker under the form the article writes its organization's name in, when the canonical name (the
    organization label) never occurs in the text: "BofA analysts write" in a story that never spells out "Bank
    of America" is BofA's, as a reader names it. Of several forms, the longest ("USDA" beside "the USDA"). A
    form made of the canonical name's own words only shortens it, and the canonical name stays."""
    if speaker is None or speaker.name is None or speaker.kind not in ("organization", "voice") \
            or speaker.name in art.text:
        return speaker
    written = {POSSESSIVE.sub("", mention.text) for mention in art.by_kind.get("organization", [])
               if organization_name(mention) == speaker.name}
    written = {form.split(" ", 1)[1] if form.split(" ", 1)[0].lower() in DEFINITE and " " in form else form
               for form in written}
    canonical = set(speaker.name.lower().split())
    if not written or any(set(form.lower().split()) <= canonical for form in written):
        return speaker  # a shortened form ("Biosystems", "the Bank") or the name in other capitals ("Tass")
    return replace(speaker, name=max(sorted(written), key=len))
