"""Person names for the people component: capitalized runs anchored as names, grouped into persons.

A run of capitalized words (with initials, particles, hyphens) is a name when a title, an
apposition, an honorific, a verb of saying, a given name or a listed office-holder's name anchors
it; then every other run equal to a found name's surname or full name is one too
(``people:surname``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.names import POSSESSIVE_MARKS, distinctive_surname, surname_keys, written_form
from pipeline.nlp.people_tokens import GOVERNMENT_KINDS, PeopleRules, Title, Tokens, is_initial, is_name_word, slug_words

PHRASE_PREPOSITIONS = frozenset({"of", "for", "at", "in", "with"})
# Adverbs that may open an apposition ("Mark Papermaster, formerly an Apple executive").
APPOSITION_ADVERBS = frozenset({"formerly", "currently", "now", "also", "still", "once", "then", "previously"})
# Closing quotation marks before an inverted attribution ("…,” said John Smith).
CLOSING_QUOTES = frozenset({",", "”", '"', "’", "''"})
# Words after a name that end it cleanly in "Title, NAME" (so "the minister, Japan said" is no name).
AFTER_NAME = frozenset({",", ".", ";", ":", ")", "and", "who", "whose", "has", "had", "have", "is", "was", "will",
                        "would", "said", "says", "told", "—", "–", "-", "”", '"', "’s", "'s"})
# How far an apposition's title may start after the comma ("Ryosei Akazawa, Japan's top trade negotiator"),
# and how long a prepositional phrase may sit between a title and ", NAME"
# ("counsellor in its Washington embassy, Chen Shibiao").
APPOSITION_WINDOW = 6
PHRASE_WINDOW = 6
MAX_NAME_TOKENS = 6
# The anchor of a run that is a listed office-holder's name and nothing else anchors (`listed_keys`).
LISTED_RULE = "people:listed"
# A title with no name next to it names the first untitled person introduced within this many sentences after it.
LINK_SENTENCES = 1


@dataclass(slots=True)
class Person:
    """One person in one document: the keys that name them and what the mentions say."""

    full: str
    keys: set[str]
    official: bool = False
    title: str = ""  # the first government title stated for the person
    titled: bool = False  # any title (government or not) stated beside a name of the person
    first: int = 0


@dataclass(slots=True)
class NameMention:
    """A name span ``[start, end)`` of a person, with the rule and the title stated beside it."""

    start: int
    end: int
    rule: str
    title: str = ""
    person: Person | None = field(default=None, repr=False)


def name_runs(tokens: Tokens) -> list[tuple[int, int]]:
    """Candidate name runs ``[start, end)``: capitalized words, initials, inner particles and hyphens."""
    words, spaces, n, r = tokens.words, tokens.spaces, tokens.n, tokens.rules
    found = []
    done_to = 0
    for i in tokens.capitalized:
        if i < done_to or not _name_token(tokens, i, inner=False):
            continue
        j = i + 1
        while j < n:
            if spaces[j - 1] == " " and _name_token(tokens, j, inner=True):
                j += 1
            elif spaces[j - 1] == "" and words[j] == "-" and j + 1 < n and spaces[j] == "" \
                    and _hyphen_part(tokens, j - 1, j + 1):
                j += 2
            else:
                break
        start = i
        # An ordinary word that opens a sentence is not a name ("Officials said", "He added") — unless it
        # is a given name before an uncommon capitalized word ("Mark Papermaster", "Bill Brock").
        while start < j and words[start].lower() in r.common and tokens.opens_sentence(start) and not (
                words[start] in r.given and start + 1 < j and is_name_word(words[start + 1])
                and words[start + 1].lower() not in r.common):
            start += 1
        pieces = _headline_pieces(tokens, start, j) if start < j and tokens.line_shape(start) == "title" \
            else [(start, j)]
        for start, end in pieces:
            while end > start and (words[end - 1].lower() in r.particles_lower and not is_name_word(words[end - 1])
                                   or words[end - 1] == "-"):
                end -= 1
            if start < end and any(is_name_word(words[k]) for k in range(start, end)):
                found.append((start, end))
        done_to = j
    return found


def _headline_pieces(tokens: Tokens, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a run on a title-case line that can be names: there every word is capitalized, so a
    capitalized word joins a name only with evidence besides its capital (`Tokens.name_evidence`: a listed
    office-holder's name, or the word written capitalized inside a sentence of the body) — "Vows" of
    "EU President Vows Response" is no name, nor "Imposes" of "After Trump Imposes Tariffs" — and a common
    word after the first ends the name ("President Donald J. Trump Adjusts Tariffs")."""
    words, r = tokens.words, tokens.rules
    pieces = []
    piece = start
    for k in range(start, end):
        word = words[k]
        if not is_name_word(word):
            continue  # an initial, a particle, a hyphen: kept with the words around it
        joins = tokens.name_evidence(k) and (k == piece or word.lower() not in r.common or tokens.spaces[k - 1] != " ")
        if not joins:
            if piece < k:
                pieces.append((piece, k))
            piece = k + 1 if not tokens.name_evidence(k) else k
    if piece < end:
        pieces.append((piece, end))
    return pieces


def _hyphen_part(tokens: Tokens, before: int, after: int) -> bool:
    """The word after a hyphen continues a name: capitalized ("Okonjo-Iweala"), uncommon ("Ying-jeou"), or a
    short syllable after a short one ("Jae-in"); "Tokyo-based" does not."""
    first, word = tokens.words[before], tokens.words[after]
    if not word.isalpha():
        return False
    if word[0].isupper() or word not in tokens.rules.common:
        return True
    return len(word) <= 3 and len(first) <= 4


def _name_token(tokens: Tokens, i: int, *, inner: bool) -> bool:
    r = tokens.rules
    word = tokens.words[i]
    if tokens.place[i] or tokens.org[i] or tokens.title_at[i] is not None:  # `Tokens.blocked`, inline: asked of every capitalized word
        return False
    if word in r.nonnames:
        # "In-yong" of "Chung In-yong": a listed word joined by a hyphen inside a sentence is a name part.
        return (inner and i + 2 < tokens.n and tokens.spaces[i] == "" and tokens.words[i + 1] == "-"
                and tokens.spaces[i + 1] == "" and _hyphen_part(tokens, i, i + 2))
    if is_name_word(word):
        return True
    if inner:
        return is_initial(word) or word in r.suffixes or word.lower() in r.particles_lower
    return is_initial(word)


def anchor(tokens: Tokens, start: int, end: int) -> tuple[str, Title | None] | None:
    """The rule that makes run ``[start, end)`` a name, and the title stated beside it."""
    words, n = tokens.words, tokens.n
    before = tokens.title_at[start - 1] if start >= 1 else None
    if before is not None and before.end == start:
        return "people:title", before
    comma_title = _title_before_comma(tokens, start)
    if comma_title is not None and (end >= n or words[end] in AFTER_NAME or words[end][0].islower()):
        return "people:title_comma", comma_title
    if end < n and words[end] == ",":
        title = _apposition(tokens, end + 1)
        if title is not None:
            return "people:apposition", title
    if start >= 1 and words[start - 1] in tokens.rules.honorifics:
        return "people:honorific", None
    if end < n and words[end].lower() in tokens.rules.speech:
        return "people:speech", None
    if start >= 2 and words[start - 1].lower() in tokens.rules.speech and words[start - 2] in CLOSING_QUOTES:
        return "people:speech", None
    if start >= 2 and tokens.lower(start - 1) == "to" and tokens.lower(start - 2) == "according":
        return "people:speech", None
    if _given_name(tokens, start, end):
        return "people:given_name", None
    if _written_key(tokens.text_of(start, end)) in tokens.rules.listed and not _cut_short(tokens, start, end):
        return LISTED_RULE, None
    return None


def _cut_short(tokens: Tokens, start: int, end: int) -> bool:
    """The run is part of a longer name: a capitalized word that cannot be a name part stands right after
    it ("Trump Tower") or, inside a sentence, right before it ("South Carney"), or a stock ticker follows
    it ("Baker <BKO>": a firm). In a title-case headline a capitalized word is just the next word unless it
    is an uncommon word with evidence of a name (`Tokens.name_evidence`)."""
    words = tokens.words
    if end < tokens.n and words[end] == "<":
        return True
    for i in (end, start - 1):
        if not 0 <= i < tokens.n or not words[i][:1].isupper() or (i < start and tokens.opens_sentence(i)):
            continue
        if not tokens.headline_word(i):
            return True
        # In a headline only an uncommon word that is a name elsewhere in the document makes a longer name
        # ("Baker Hughes" when the body writes "Hughes"): "Vows", "Steel", "Tariffs" are just the next words.
        if words[i].lower() not in tokens.rules.common and tokens.name_evidence(i):
            return True
    return False


def listed_keys(names: Sequence[str], rules: PeopleRules) -> frozenset[str]:
    """Lower-case keys of the listed office-holders' names that anchor a run alone (`anchor`).

    A whole name or alias of two words or more ("Donald Trump", "Donald J. Trump") counts as written: another
    given name ("Melania Trump") or a suffix ("Donald Trump Jr.") makes another run. A one-word alias counts
    only when it is a distinctive surname (`pipeline.names.distinctive_surname`).
    """
    keys = set()
    for name in names:
        words = name.split()
        if len(words) == 1 and not distinctive_surname(words[0], rules.common, rules.given, rules.family_first):
            continue
        if words:
            keys.add(_written_key(name))
    return frozenset(keys)


def _written_key(text: str) -> str:
    """A name as written, initials kept ("D. J. Baker" is not "Baker"), without a possessive, in lower case."""
    return written_form(text).lower()


def _given_name(tokens: Tokens, start: int, end: int) -> bool:
    """A run opening with a given name and going on with an uncommon capitalized word ("Mary Barra")."""
    words = tokens.words
    if end - start < 2 or words[start] not in tokens.rules.given:
        return False
    if words[start].lower() in tokens.rules.common and tokens.opens_sentence(start):
        return False  # "Will Smith agree …" is a question more often than a name
    rest = [w for w in words[start + 1:end] if is_name_word(w)]
    return 1 <= len(rest) <= 2 and rest[-1].lower() not in tokens.rules.common


def _title_before_comma(tokens: Tokens, start: int) -> Title | None:
    """The title of "Title, NAME" or "Title <in/at/of … phrase>, NAME"."""
    if start < 2 or tokens.words[start - 1] != ",":
        return None
    k = start - 2
    title = tokens.title_at[k]
    if title is not None and title.end == start - 1:
        return title
    steps = 0
    while k >= 0 and steps < PHRASE_WINDOW:
        word = tokens.words[k]
        title = tokens.title_at[k]
        if title is not None:
            after = title.end
            if after < start - 1 and tokens.lower(after) in PHRASE_PREPOSITIONS:
                return title
            return None
        if not any(c.isalpha() for c in word) and word not in POSSESSIVE_MARKS:
            return None
        k -= 1
        steps += 1
    return None


def _given_name_of_a_place(tokens: Tokens, start: int, end: int) -> bool:
    """A run of one uncommon word right after a place of one word, the two set off by an apposition with a
    title: the place's word is a given name ("Israel Ganz, Chair of the council", "Jordan Pike, a trade
    lawyer"); an ordinary word after the place names a firm ("Korea Zinc") and stays out."""
    return end - start == 1 and start >= 1 and bool(tokens.place[start - 1]) \
        and not (start >= 2 and tokens.place[start - 2]) and tokens.spaces[start - 1] == " " \
        and tokens.words[start - 1].isalpha() and tokens.words[start - 1][:1].isupper() \
        and not tokens.words[start - 1].isupper() and tokens.lower(start) not in tokens.rules.common


def _apposition(tokens: Tokens, k: int) -> Title | None:
    """A title starting within `APPOSITION_WINDOW` tokens after the comma of "NAME, …"."""
    for step in range(APPOSITION_WINDOW):
        i = k + step
        if i >= tokens.n:
            return None
        title = tokens.title_at[i]
        if title is not None:
            # "World War II, President Donald J. Trump": a title right before a name is that name's.
            if title.end < tokens.n and _name_token(tokens, title.end, inner=False):
                return None
            return title
        word = tokens.words[i]
        if not (word.lower() in tokens.rules.apposition_words or word in POSSESSIVE_MARKS or tokens.place[i]
                or tokens.org[i] or word[:1].isupper() or tokens.roles(i) or word.lower() in APPOSITION_ADVERBS):
            return None
    return None


def find_names(tokens: Tokens, titles: list[Title]) -> list[NameMention]:
    """Every name mention of the document, each with its person (see the module docstring)."""
    r = tokens.rules
    runs = name_runs(tokens)
    people: list[Person] = []
    mentions: list[NameMention] = []
    unanchored: list[tuple[int, int]] = []
    anchored: list[tuple[int, int, str, Title | None]] = []
    listed: list[tuple[int, int]] = []
    for start, end in runs:
        found = anchor(tokens, start, end)
        if found is not None and found[0] == "people:apposition" and _given_name_of_a_place(tokens, start, end):
            start -= 1  # "Israel Ganz, Chair of the council": the place's word is the person's given name
        # Ordinary words are no name ("the executive Board", "Victory Day for World War II, President …").
        if found is not None and all(tokens.lower(k) in r.common or not is_name_word(tokens.words[k])
                                     for k in range(start, end)):
            found = None
        if found is None or end - start > MAX_NAME_TOKENS:
            unanchored.append((start, end))
        elif found[0] == LISTED_RULE:
            unanchored.append((start, end))  # a surname of someone found otherwise is that person's first
            listed.append((start, end))
        else:
            anchored.append((start, end, *found))
    if listed:
        # The first words of the document's organizations: beside "Baker International Corp", "Baker" is the firm;
        # beside "the Trump Administration" (a government body), "Trump" is still the office-holder.
        firms = {tokens.words[i] for i in range(tokens.n) if tokens.org[i] and (i == 0 or not tokens.org[i - 1])
                 and tokens.org_kind.get(i) not in GOVERNMENT_KINDS}
        listed = [run for run in listed if tokens.words[run[0]] not in firms]
    # Fuller names first (so "De Clercq" and a bare surname find their person), then in text order.
    for start, end, rule, title in sorted(anchored, key=lambda a: (-len(tokens.name_words(a[0], a[1])),
                                                                    a[0])):
        words = tokens.name_words(start, end)
        if rule == "people:apposition" and len(words) < 2 \
                and not any(words and words[0].lower() in p.keys for p in people):
            # "before departing Vilnius, the President will …": one word and a comma make no apposition
            # unless that word is the surname of someone already named.
            unanchored.append((start, end))
            continue
        person = _person_for(tokens, words, people, start)
        mention = NameMention(start, end, rule, title.label if title is not None and title.government else "",
                              person)
        if title is not None:
            title.used = True
            person.titled = True
            if title.government:
                person.official = True
                person.title = person.title or title.label
        mentions.append(mention)
    _link_titles(tokens, titles, people, mentions)
    mentions.extend(_surname_mentions(tokens, unanchored, people, mentions))
    listed_mentions = _listed_mentions(tokens, listed, people, mentions)
    if listed_mentions:
        mentions.extend(listed_mentions)
        # A listed name found only now names its other mentions too (an all-caps headline "TRUMP").
        mentions.extend(_surname_mentions(tokens, unanchored, people, mentions))
    return mentions


def _listed_mentions(tokens: Tokens, listed: list[tuple[int, int]], people: list[Person],
                     mentions: list[NameMention]) -> list[NameMention]:
    """Runs anchored only by being a listed office-holder's name, where no other mention covers them."""
    covered = _covered(tokens, mentions)
    out = []
    for start, end in sorted(listed, key=lambda run: (-len(tokens.name_words(*run)), run[0])):
        if not any(covered[start:end]):
            out.append(NameMention(start, end, LISTED_RULE, "",
                                   _person_for(tokens, tokens.name_words(start, end), people, start)))
    return out


def _covered(tokens: Tokens, mentions: list[NameMention]) -> bytearray:
    """One byte per token, 1 where a mention covers it."""
    covered = bytearray(tokens.n)
    for m in mentions:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    return covered


def _person_for(tokens: Tokens, words: list[str], people: list[Person], start: int) -> Person:
    keys = surname_keys(words, tokens.rules.particles_lower, tokens.rules.family_first)
    full = " ".join(words).lower()
    same = [p for p in people if full in p.keys and (len(words) < len(slug_words(p.full))
                                                     or len(slug_words(p.full)) == 1
                                                     or full == " ".join(slug_words(p.full)).lower())]
    if same:
        person = _nearest(same, start)
        if len(words) > len(slug_words(person.full)):
            person.full = " ".join(words)
        person.keys |= keys
        person.first = min(person.first, start)
        return person
    person = Person(" ".join(words), keys, first=start)
    people.append(person)
    return person


def _link_titles(tokens: Tokens, titles: list[Title], people: list[Person], mentions: list[NameMention]) -> None:
    """An unattached government title names the first untitled person introduced just after it
    ("…according to Japan's top trade negotiator. … Ryosei Akazawa told reporters")."""
    # Only a person introduced as a speaker ("Ryosei Akazawa told reporters") takes a title said before.
    firsts = sorted((m for m in mentions if m.person is not None and m.start == m.person.first
                     and m.rule == "people:speech" and len(tokens.name_words(m.start, m.end)) >= 2),
                    key=lambda m: m.start)
    for title in titles:
        if title.used or not title.government or title.former or not title.alone:
            continue  # "the former minister" said before a name introduces no one
        head = title.label.split()[-1].lower()
        if any(p.title and p.title.split()[-1].lower() == head and p.first < title.start for p in people):
            continue  # it refers back to someone already named (the normalizer links it)
        here = tokens.sentence_of(title.start)
        for mention in firsts:
            person = mention.person
            if mention.start < title.end or person is None:
                continue
            if tokens.sentence_of(mention.start) - here > LINK_SENTENCES:
                break
            if person.titled:
                continue
            person.official = True
            person.titled = True
            person.title = title.label
            mention.title = title.label
            title.used = True
            break


def _surname_mentions(tokens: Tokens, unanchored: list[tuple[int, int]], people: list[Person],
                      mentions: list[NameMention]) -> list[NameMention]:
    """Runs (and all-caps headline words) equal to a found person's surname or full name."""
    index: dict[str, list[Person]] = {}
    for person in people:
        for key in person.keys:
            index.setdefault(key, []).append(person)
    if not index:
        return []
    covered = _covered(tokens, mentions)
    out = []
    for start, end in unanchored:
        if any(covered[start:end]):
            continue  # tested first: the key costs more
        candidates = index.get(" ".join(tokens.name_words(start, end)).lower())
        if candidates:
            out.append(NameMention(start, end, "people:surname", "", _nearest(candidates, start)))
    for i in tokens.capitalized:
        word = tokens.words[i]
        if len(word) > 2 and word.isupper() and word.isalpha() and not covered[i] and not tokens.org[i] \
                and not tokens.place[i] and word.lower() in index and tokens.line_shape(i) == "title":
            out.append(NameMention(i, i + 1, "people:surname", "", _nearest(index[word.lower()], i)))
    return out


def _nearest(candidates: list[Person], start: int) -> Person:
    before = [p for p in candidates if p.first <= start]
    return max(before, key=lambda p: p.first) if before else min(candidates, key=lambda p: p.first)
