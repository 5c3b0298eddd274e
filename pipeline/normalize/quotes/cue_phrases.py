"""The token ranges beside a reporting cue that may name its speaker ("Akazawa told", "said Akazawa")."""

from __future__ import annotations

import re

from pipeline.normalize.quotes.article import MARKS, PERSON_KINDS, ArticleIndex, Cue, Token, bare_word, surname_of
from pipeline.normalize.quotes.lexicon import PRONOUNS
from pipeline.normalize.quotes.persons import subject_name

# Longest speaker noun phrase, in tokens.
MAX_PHRASE_TOKENS = 10
# Tokens a stock ticker in parentheses may have ("(F)", "(NYSE:F)").
MAX_TICKER_TOKENS = 4
# How far back an apposition's opening comma may be ("Kaoru Yosano, the Japanese minister of fiscal policy, said").
MAX_APPOSITION_TOKENS = 14
# ... and of a longer one that describes a person named before it ("Dana Pell, a customs specialist and principal
# with the U.S. unit of accounting firm Hollis Grant, said").
MAX_LONG_APPOSITION_TOKENS = 28
# How far back a relative clause closed by the comma before a cue may open ("Jane Roe, head of Acme, which runs
# the fair with the ministry and three trade federations, added"): past its commas, to the name it follows.
MAX_RELATIVE_CLAUSE_TOKENS = 40
# Words before a participle cue whose speaker is the sentence's subject ("justified his choice by saying").
_GERUND_LEADS = frozenset({"by", "after", "before", "while", "when", "in", "without"})
_OPENING_WORDS = frozenset({"but", "and", "however", "meanwhile", "then", "so", "still", "yet"})


def _is_boundary(art: ArticleIndex, token: Token, *, right: bool) -> bool:
    if not token.is_word:
        if token.text == "." and right is False:
            return True
        return token.text not in ("-", "&")
    kind = art.lexicon.word_class(token.lower)
    if kind == "boundary":
        return not (right and token.lower in ("and", "by"))
    return kind == "relative"  # "said Bouey, who was replaced by …": the clause is not the speaker


def _noun_phrase_ending(art: ArticleIndex, last: int, floor: int) -> tuple[int, int] | None:
    """The noun phrase whose last token is ``last``, extended left to a boundary (at most `MAX_PHRASE_TOKENS`)."""
    k = last
    while k >= 0 and art.tokens[k].start >= floor and last - k < MAX_PHRASE_TOKENS:
        token = art.tokens[k]
        kind = art.lexicon.word_class(token.lower)
        if _is_boundary(art, token, right=False) and not _abbreviation_period(art, k) and not _initial_period(art, k):
            break
        if kind in ("relative",) + PRONOUNS and k < last or token.lower in art.lexicon.cue_forms and k < last:
            break
        k -= 1
    return (k + 1, last) if k + 1 <= last else None


def sentence_subject(art: ArticleIndex, position: int) -> tuple[int, int] | None:
    """The subject that opens the sentence at ``position``: a pronoun or a person named in its first words."""
    s_start = art.sentences[art.sentence_of(position)][0]
    k = art.token_at_or_after(s_start)
    while k < len(art.tokens) and (art.tokens[k].lower in _OPENING_WORDS or not art.tokens[k].is_word):
        k += 1
    if k >= len(art.tokens) or art.tokens[k].start >= position:
        return None
    if art.lexicon.word_class(art.tokens[k].lower) in PRONOUNS:
        return k, k
    window_end = art.tokens[min(k + 3, len(art.tokens) - 1)].end
    persons = [m for m in art.persons if art.tokens[k].start <= m.start < window_end and m.end <= position]
    if persons:
        first = art.token_at_or_after(persons[0].start)
        last = art.token_at_or_after(persons[0].end) - 1
        return first, last
    apposed = _apposed_subject(art, k, position)
    if apposed is not None:
        return apposed
    named = subject_name(art, art.tokens[k].start, position)
    if named is not None:
        return k, art.token_at_or_after(art.tokens[k].start + len(named.text)) - 1
    if _known_surname(art, k):  # "Okafor, however, warned …": a person the story named before, by surname
        return k, k
    if art.lexicon.word_class(art.tokens[k].lower) == "determiner":  # "The senior banker was opposed, saying"
        for j in range(k + 1, min(k + 5, len(art.tokens))):
            if art.tokens[j].start >= position or not art.tokens[j].is_word:
                break
            if bare_word(art.tokens[j].text) in art.lexicon.sources:
                return k, j
    return None


def _known_surname(art: ArticleIndex, k: int) -> bool:
    """True when token ``k`` is a capitalized word, followed by a comma or a word in lower case, that is the
    surname of a person the story names in full elsewhere: a person mention of more words, or a speaker
    already resolved to a fuller name ("…," said Jane Okafor)."""
    token = art.tokens[k]
    following = art.tokens[k + 1] if k + 1 < len(art.tokens) else None
    if not token.is_word or not token.text[:1].isupper() or following is None \
            or not (following.text == "," or following.text.islower()):
        return False
    if any(len(form.split()) > 1 for form in art.forms_by_surname.get(token.lower, ())):
        return True
    return any(speaker is not None and speaker.kind in ("person", "name") and speaker.name is not None
               and len(speaker.name.split()) > 1 and surname_of(speaker.name) == token.lower
               for _, speaker in art.resolved)


def _apposed_subject(art: ArticleIndex, k: int, position: int) -> tuple[int, int] | None:
    """The person named between commas right after a sentence's opening noun phrase ("Acme Air CEO, Jane Roe,
    defended the purchase by saying"; "The head of Acme Air, Jane Roe, …"): the subject's own name, or None.

    The opening phrase (token ``k`` on) runs at most `MAX_PHRASE_TOKENS` tokens to its comma and names a role: its
    words in lower case are determiners, name links ("of") or source nouns of ``sources.csv`` ("head", "chief"),
    and one of its words is such a noun ("CEO"), so that a clause ("Acme had suspended the trader, Jane Roe, …")
    names no subject.
    """
    role = False
    for j in range(k, min(k + MAX_PHRASE_TOKENS, len(art.tokens) - 1)):
        token = art.tokens[j]
        if token.start >= position:
            return None
        if token.text == ",":
            break
        if not token.is_word and token.text not in ("-", "&", "."):
            return None
        source = bare_word(token.text) in art.lexicon.sources
        role = role or source
        if token.lower in art.lexicon.cue_forms or (token.text.islower() and not source and token.lower not in
                                                    art.lexicon.name_links
                                                    and art.lexicon.word_class(token.lower) != "determiner"):
            return None
    else:
        return None
    if j == k or not role:
        return None
    name = [m for m in art.persons if m.start == art.tokens[j + 1].start and m.end <= position]
    if not name:
        return None
    last = art.token_at_or_after(name[0].end) - 1
    if last + 1 >= len(art.tokens) or art.tokens[last + 1].text != ",":
        return None
    return j + 1, last


def _name_before_a_post(art: ArticleIndex, comma: int, floor: int) -> tuple[int, int] | None:
    """The name of two capitalized words or more that a post in lower case follows, set off by commas, before
    the ``comma`` that closes the post ("Mira Kesh, managing partner, Holloway Lex, said": the words after it
    name the firm of the post, not the speaker); None for any other phrase."""
    j = comma - 1
    while j >= 0 and art.tokens[j].start >= floor and art.tokens[j].is_word and art.tokens[j].text.islower():
        j -= 1
    if j == comma - 1 or j < 1 or art.tokens[j].text != ",":
        return None
    found = _noun_phrase_ending(art, j - 1, floor)
    if found is None:
        return None
    words = [t for t in art.tokens[found[0]:found[1] + 1] if t.is_word]
    if len(words) < 2 or not all(t.text[:1].isupper() for t in words) \
            or art.lexicon.word_class(words[0].lower) is not None:
        return None
    return found


def left_phrases(art: ArticleIndex, cue: Cue, floor: int) -> list[tuple[int, int]]:
    """Token ranges that may name the speaker before a cue, best first.

    Fillers between speaker and cue are skipped ("Tamura earlier today said",
    "he was quoted"); a pronoun right before the cue is the whole phrase ("Of
    the plan he said"); a participle after a comma takes the sentence's
    subject ("Sambur defended it, saying");
    "X, who said" points to X; an apposition gives both its sides ("Kaoru
    Yosano, the Japanese minister, said"); "and"/"but" before the cue hands
    over to the sentence's subject ("He pointed to it but stated").
    """
    k = art.token_at_or_after(cue.start) - 1
    while k >= 0 and art.tokens[k].start >= floor and (
            art.lexicon.word_class(art.tokens[k].lower) in ("filler", "be")
            or (art.tokens[k].text.islower() and art.tokens[k].text.endswith("ly"))  # "bluntly admitted"
            or _opens_a_day(art, k)):  # "Jane Roe on Wednesday said"
        k -= 1
    if k < 0 or art.tokens[k].start < floor:
        return []
    token = art.tokens[k]
    kind = art.lexicon.word_class(token.lower)
    if kind in PRONOUNS:
        return [(k, k)]
    if (token.text == "," or token.lower in _GERUND_LEADS) and art.text[cue.start:cue.end].endswith("ing"):
        subject = sentence_subject(art, cue.start)  # "Sambur defended the plan, saying", "… by saying"
        return [subject] if subject else []
    if (kind == "relative" or token.lower in art.lexicon.clause_relatives and _capitalized_at(art, k - 2)) \
            and k >= 2 and art.tokens[k - 1].text == ",":
        # "Acme Motors, which said": only a name before "which" speaks ("the day's activity, which said",
        # "the paper, which called for" are things the sentence is about)
        # ... and "Jane Roe, chair of the council, who said" is Jane Roe, the person the description follows
        found = _named_before(art, _noun_phrase_ending(art, k - 2, floor), floor)
        return [found] if found else []
    if token.text == ",":
        closed = _before_relative_clause(art, k, floor)
        if closed is not None:
            return [closed]
        for j in range(k - 1, max(k - MAX_LONG_APPOSITION_TOKENS, -1), -1):
            other = art.tokens[j]
            if other.start < floor or (other.text in ".;:!?" and not _initial_period(art, j)) or other.text in MARKS:
                break  # ... but "Jane Roe, an analyst at T. Rowe Price, said": an initial's stop ends no sentence
            if other.text == "," and k - j > MAX_APPOSITION_TOKENS and not _describes_a_person(art, j):
                break
            if other.text == ",":
                apposition = (j + 1, k - 1) if j + 1 <= k - 1 else None
                opener = art.tokens[j + 1] if apposition else None
                if opener is not None and opener.text.islower() \
                        and art.lexicon.word_class(opener.lower) != "determiner":
                    apposition = None  # "Bush, speaking at a news conference, said": an aside, not a name
                named = _name_before_a_post(art, j, floor) if apposition and opener.text[:1].isupper() else None
                if named is not None:  # "Mira Kesh, managing partner, Holloway Lex, said": Mira Kesh
                    return [named]
                if apposition and opener.text.islower():
                    person = _person_before_a_post(art, j, floor)
                    if person is not None:  # "Dana Quill, strategist at Acme Wealth, a unit of Kestrel, says"
                        return [person]
                ranges = [_named_before(art, _noun_phrase_ending(art, j - 1, floor), floor), apposition]
                return [r for r in ranges if r]
        found = _noun_phrase_ending(art, k - 1, floor)  # "Suzanne Earley, replied": a stray comma
        return [found] if found else []
    if token.lower in ("and", "but"):
        subject = sentence_subject(art, cue.start)
        return [subject] if subject else []
    if token.lower == "as":  # "Kyodo quoted Nakasone as saying": the speaker is the one quoted
        for j in range(k - 1, max(k - MAX_PHRASE_TOKENS, -1), -1):
            if art.tokens[j].start < floor:
                break
            if art.tokens[j].lower in ("quoted", "quotes", "quote", "quoting"):
                if j + 1 < len(art.tokens) and art.tokens[j + 1].lower == "by":
                    return []  # "he was quoted by Kyodo as saying": the "quoted" cue names him
                return [(j + 1, k - 1)] if j + 1 <= k - 1 else []
        return []
    found = _named_before(art, _through_a_firm_link(art, _noun_phrase_ending(art, k, floor), floor), floor)
    if found and art.text[cue.start:cue.end].lower().endswith("ing") and _names_no_speaker(art, found):
        # "Okafor took a gloomy view of the market's prospects saying that …": the participle goes on from
        # the sentence's subject; the noun it follows is no speaker
        subject = sentence_subject(art, cue.start)
        return [subject] if subject and subject[1] < found[0] else []
    return [_with_partner(art, found, floor)] if found else []


def _opens_a_day(art: ArticleIndex, k: int) -> bool:
    """True for a preposition (a ``boundary`` word) right before a capitalized filler ("on Wednesday"): the two
    are an adverbial between the speaker and the cue, as the filler alone is ("Jane Roe on Wednesday said")."""
    if k + 1 >= len(art.tokens) or art.lexicon.word_class(art.tokens[k].lower) != "boundary" \
            or not art.tokens[k].text.islower():
        return False
    following = art.tokens[k + 1]
    return following.text[:1].isupper() and art.lexicon.word_class(following.lower) == "filler"


def _names_no_speaker(art: ArticleIndex, phrase: tuple[int, int]) -> bool:
    """True for a noun phrase whose head is a common noun in lower case that ``sources.csv`` does not list
    ("the market's outlook"), where "a ministry statement" or "analysts" name a speaker."""
    head = art.tokens[phrase[1]]
    return head.text.islower() and bare_word(head.text) not in art.lexicon.sources \
        and art.lexicon.word_class(head.lower) not in PRONOUNS


def _with_partner(art: ArticleIndex, phrase: tuple[int, int], floor: int) -> tuple[int, int]:
    """The phrase with a person or firm named right before it and "and" ("Jane Roe and Tom Poe said"):
    both speak. Only a tagged name, so "imports from Brazil and the ministry" stays the ministry."""
    joint = phrase[0] - 1
    if joint < 1 or art.tokens[joint].lower != "and":
        return phrase
    partner_end = art.tokens[joint - 1].end
    partners = [m for m in art.mentions_in(("organization", *PERSON_KINDS), art.tokens[joint - 1].start, partner_end)
                if m.end == partner_end and m.start >= floor and not art.possessive(m)]
    if not partners:
        return phrase
    opening = art.token_at_or_after(min(m.start for m in partners))
    before = art.tokens[opening - 1] if opening > 0 else None
    # the partner opens the reporter's stretch or follows a comma or mark: a subject, not an object
    if before is None or before.start < floor or not before.is_word:
        return opening, phrase[1]
    return phrase


def _through_a_firm_link(art: ArticleIndex, phrase: tuple[int, int] | None,
                         floor: int) -> tuple[int, int] | None:
    """The description a firm's name ends ("Jane Roe, an analyst at Kestrel said"), or ``phrase`` itself.

    The phrase before a cue stops at a preposition, so "an analyst at Kestrel said" leaves only the firm;
    when a person's name and a comma open the description the preposition hangs on, the person is the
    speaker, not the firm: the phrase runs back over the link to the description.
    """
    if phrase is None or phrase[0] < 2 or art.tokens[phrase[0] - 1].lower not in art.lexicon.firm_links:
        return phrase
    description = _noun_phrase_ending(art, phrase[0] - 2, floor)
    if description is None:
        return phrase
    widened = _named_before(art, (description[0], phrase[1]), floor)
    return widened if widened is not None and widened[0] < description[0] else phrase


def _before_relative_clause(art: ArticleIndex, comma: int, floor: int) -> tuple[int, int] | None:
    """The name a relative clause follows when the clause ends at the ``comma`` before a cue, or None.

    "Jane Roe, head of Acme, which runs the fair with A, B, and C, added": the clause ", which …," is an aside
    about Acme, and the verb's subject is the name before it (with the description it heads: Jane Roe). Looks
    back at most `MAX_RELATIVE_CLAUSE_TOKENS` tokens within the sentence and outside quotation marks, for a
    comma and a relative pronoun; only a name (a capitalized word) right before that comma counts, so that a
    clause about a thing ("the plan, which …,") leaves the cue to the other rules.
    """
    for j in range(comma - 1, max(comma - MAX_RELATIVE_CLAUSE_TOKENS, 1), -1):
        other = art.tokens[j]
        if other.start < floor or (other.text in ".;:!?" and not _initial_period(art, j)) or other.text in MARKS:
            return None
        if (art.lexicon.word_class(other.lower) == "relative" or other.lower in art.lexicon.clause_relatives) \
                and art.tokens[j - 1].text == ",":
            if j + 1 >= comma:
                return None
            phrase = _noun_phrase_ending(art, j - 2, floor)
            if phrase is None:
                return None
            return _named_before(art, phrase, floor) if _capitalized_at(art, j - 2) else None
    return None


def _describes_a_person(art: ArticleIndex, comma: int) -> bool:
    """True when the comma at token ``comma`` follows a person's name and opens a description with a determiner
    ("Damon Pike, a trade specialist …"): an apposition, however long, rather than a clause of its own."""
    if comma < 1 or comma + 1 >= len(art.tokens):
        return False
    name_end = art.tokens[comma - 1].end
    return art.lexicon.word_class(art.tokens[comma + 1].lower) == "determiner" \
        and any(m.end == name_end for m in art.persons)


def _person_before_a_post(art: ArticleIndex, comma: int, floor: int) -> tuple[int, int] | None:
    """The person named before a post in lower case that ends at ``comma``, the post set off by a comma after the
    name ("Dana Quill, chief strategist at Acme Wealth, a unit of Kestrel Partners, says": the description after
    ``comma`` is the firm's, and the speaker is the person the post follows), or None."""
    for j in range(comma - 1, max(comma - MAX_APPOSITION_TOKENS, -1), -1):
        token = art.tokens[j]
        if token.start < floor or token.text in ".;:!?" or token.text in MARKS:
            return None
        if token.text != ",":
            continue
        if j + 1 >= comma or not art.tokens[j + 1].text.islower() or j < 1:
            return None
        named = [m for m in art.persons if m.end == art.tokens[j - 1].end and not art.possessive(m)]
        if not named:
            return None
        return art.token_at_or_after(min(m.start for m in named)), j - 1
    return None


def _named_before(art: ArticleIndex, phrase: tuple[int, int] | None, floor: int) -> tuple[int, int] | None:
    """A description with the person it describes before it ("William Palmer, the group's spokesman")."""
    if phrase is None or phrase[0] < 2 or art.tokens[phrase[0] - 1].text != ",":
        return phrase
    name_end = art.tokens[phrase[0] - 2].end
    if art.tokens[phrase[0] - 2].start < floor:
        return phrase
    opening = art.token_at_or_after(min((m.start for m in art.persons if m.end == name_end), default=name_end))
    if opening > 0 and art.lexicon.word_class(art.tokens[opening - 1].lower) == "determiner":
        return phrase  # "The Evanston, Illinois-based company said": a place, which no person's name follows
    if any(m.end == name_end for m in art.persons):
        return art.token_at_or_after(min(m.start for m in art.persons if m.end == name_end)), phrase[1]
    return phrase


def _capitalized_at(art: ArticleIndex, k: int) -> bool:
    """True when token ``k`` (the word before a relative's comma) is a capitalized word: the end of a name."""
    return k >= 0 and art.tokens[k].is_word and art.tokens[k].text[0].isupper()


def _initial_period(art: ArticleIndex, index: int) -> bool:
    """True for the stop after a name's initial ("T. Rowe Price", "John D. Smith"): one capital letter."""
    return art.tokens[index].text == "." and index > 0 \
        and re.fullmatch(r"[A-Z]", art.tokens[index - 1].text) is not None


def _abbreviation_period(art: ArticleIndex, index: int) -> bool:
    token = art.tokens[index]
    return token.text == "." and index > 0 and art.tokens[index - 1].text in art.lexicon.abbreviations


def _ticker_end(art: ArticleIndex, index: int) -> int | None:
    """The index of the ")" closing a stock ticker that opens at token ``index`` ("(F)", "(NYSE:F)"), or None."""
    if art.tokens[index].text != "(":
        return None
    for end in range(index + 1, min(index + 1 + MAX_TICKER_TOKENS, len(art.tokens))):
        if art.tokens[end].text == ")":
            inner = art.text[art.tokens[index].end:art.tokens[end].start]
            return end if re.fullmatch(r"(?:[A-Z]+:)?[A-Z][A-Z0-9.]{0,5}", inner) else None
    return None


def _participle_after_name(art: ArticleIndex, k: int) -> bool:
    """True when token ``k`` is a lower-case word in -ing right after a person's name: a participle opening
    a clause of its own after the speaker's name, not a word of it ("said Fiat managing director …" goes on:
    "Fiat" is no person's name)."""
    token, before = art.tokens[k], art.tokens[k - 1]
    if not (token.text.islower() and token.text.endswith("ing") and len(token.text) > 4
            and any(m.end == before.end for m in art.mentions_in(PERSON_KINDS, before.start, before.end))):
        return False
    rest = []
    for t in art.tokens[k + 1:k + MAX_PHRASE_TOKENS]:
        if not t.is_word:
            break  # up to the clause's end
        rest.append(t)
    # "warns Fiat managing director Cesare Romiti": a name after the word shows it a modifier in the phrase
    return not any(t.text[:1].isupper() for t in rest)


def right_phrase(art: ArticleIndex, cue: Cue, ceiling: int) -> tuple[int, int] | None:
    """Token range of the speaker phrase after a cue ("said Akazawa", "according to Kyodo News")."""
    first = art.token_at_or_after(cue.end)
    k = first
    skipped = 0
    while k < len(art.tokens) and art.tokens[k].end <= ceiling and k - first - skipped < MAX_PHRASE_TOKENS:
        token = art.tokens[k]
        ticker = _ticker_end(art, k)
        if ticker is not None and k > first:
            # "says Ford Motor Co. (F) CEO Jim Farley": the stock ticker is part of the phrase, and not counted
            skipped += ticker + 1 - k
            k = ticker + 1
            continue
        if _is_boundary(art, token, right=True) and not _abbreviation_period(art, k):
            break
        if k > first and _participle_after_name(art, k):
            break  # "said Dana Quill pointing out the reason": the participle's clause is no part of the name
        k += 1
    last = k - 1
    if first > last:
        return None
    # an apposition naming the person: "said Japan's trade minister, Ryosei Akazawa"
    if k + 1 < len(art.tokens) and art.tokens[k].text == "," and not art.mentions_in(
            PERSON_KINDS, art.tokens[first].start, art.tokens[last].end):
        named = [m for m in art.mentions_in(PERSON_KINDS, art.tokens[k + 1].start, ceiling)
                 if m.start == art.tokens[k + 1].start]
        if named:
            return first, art.token_at_or_after(named[0].end) - 1
    return first, last
