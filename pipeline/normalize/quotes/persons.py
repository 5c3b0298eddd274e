"""Persons as speakers: a person mention to its fullest name and official id, untagged names, title holders,
the official a country's role names ("a British minister"), and whether a person was named lately."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.normalize.quotes.article import (POSSESSIVE, ArticleIndex, Speaker, Token, bare_word, name_form,
                                               surname_of, text_of)
from pipeline.views import Mention

# A word in capitals only, as acronyms are written ("KBR", "ECB", "IEA").
_ACRONYM = re.compile(r"[A-Z]{2,6}")
# Lower-case particles inside personal names.
_PARTICLE = re.compile(r"^(?:al|el|bin|ibn|de|da|di|du|van|von|der|den|le|la)(?:-[A-Z]\w*)?$")


def has_title(art: ArticleIndex, name: str) -> bool:
    """True when a ``people`` row of that name holds a title ("Jane Roe, chief economist at Kestrel")."""
    return any(row.get("title") for row in art.people if row["name"] == name)


def person_row(art: ArticleIndex, mention: Mention) -> dict | None:
    """The ``people`` row of a person mention: by mention id, by overlap, then by surname."""
    row = art.person_of.get(mention.mention_id)
    if row is not None:
        return row
    for other_id, other in art.person_of.items():
        found = art.mention_by_id.get(other_id)
        if found is not None and found.start < mention.end and found.end > mention.start:
            return other
    surname = surname_of(mention.label if mention.kind == "person" and mention.label else mention.text)
    matches = [r for r in art.people if surname_of(r["name"]) == surname]
    return matches[0] if len(matches) == 1 else None


def fullest_name(art: ArticleIndex, mention: Mention) -> str:
    """The fullest form of a person's name the mentions give ("Ryosei Akazawa" for "Akazawa")."""
    forms = art.forms_by_surname.get(surname_of(mention.text), []) + [name_form(mention)]
    return max(forms, key=lambda form: (len(form.split()), not form.isupper(), len(form)))


def person_speaker(art: ArticleIndex, mention: Mention, text: str | None = None) -> Speaker:
    """The speaker a person mention names (fullest name and official id when known)."""
    row = person_row(art, mention)
    name = fullest_name(art, mention)
    official_id = art.official_of.get(mention.mention_id)
    if row is not None:
        name = row["name"]
        official_id = official_id or row.get("official_id")
        if official_id is None:
            for other in row.get("mention_ids") or ():
                official_id = official_id or art.official_of.get(other)
    fuller = _compound_surname_row(art, name) or _given_name_row(art, name)
    if fuller is not None:
        name, official_id = fuller["name"], official_id or fuller.get("official_id")
    return Speaker(name, official_id, text if text is not None else mention.text, "person")


def _given_name_row(art: ArticleIndex, name: str) -> dict | None:
    """The one ``people`` row whose full name opens with the one-word ``name`` ("Dana" after "Dana Quill"), or
    None: a story may take up a person by the given name alone. No row may end in the word (then it is a
    surname: "Quill" is Dana Quill by the surname rules, and "Jordan" may be Tom Jordan's), and no two full
    names may share it."""
    if len(name.split()) != 1:
        return None
    rows = [row for row in art.people if len(row["name"].split()) >= 2]
    if any(row["name"].split()[-1] == name for row in rows):
        return None
    found = {row["name"]: row for row in rows if row["name"].split()[0] == name
             and row["name"].split()[-1] not in art.lexicon.org_name_ends}
    return next(iter(found.values())) if len(found) == 1 else None


def _compound_surname_row(art: ArticleIndex, name: str) -> dict | None:
    """The one ``people`` row whose compound surname opens with the one-word ``name``, or None; also the one
    row of three words or more that holds ``name`` inside it (not as its first or last word).

    A surname with a particle ("Jean Dupont de la Roche") is often shortened to
    its first part ("Dupont"), which the people rows may keep as a person of
    its own; its surname ("dupont") then differs from the full name's ("roche").
    """
    if len(name.split()) != 1:
        return None
    found = []
    for row in art.people:
        words = row["name"].split()
        if words and words[-1] in art.lexicon.org_name_ends:
            continue  # a firm stored as a person ("Anthony Bird Associates"): no one's full name
        if any(word == name and _PARTICLE.match(after) for word, after in zip(words[:-1], words[1:])):
            found.append(row)
        elif len(words) >= 3 and name in words[1:-1]:
            # a name of three words or more shortened to an inner one ("Ana Maria Lopez Ruiz" → "Lopez"): the
            # full name is the one person meant
            found.append(row)
    return found[0] if len({row["name"] for row in found}) == 1 else None


# The most words of a person's name set off before their post ("Mary Ann Dana Quill, …").
_MAX_SET_OFF_NAME_WORDS = 4


def proper_name(art: ArticleIndex, words: list[Token], *, min_words: int) -> Speaker | None:
    """A speaker named by capitalized words no rule tagged ("Jim Press", "Kyodo News"), or None.

    The words must end the phrase (its head), perhaps before a participle
    ("said Uralsib analyst Chris Weafer commenting …"), and must not be a
    tagged organization, country or title.
    """
    tagged = art.mentions_in(("organization", "country", "title"), words[0].start, words[-1].end) if words else []

    def is_tagged(token: Token) -> bool:
        return any(m.start < token.end and m.end > token.start for m in tagged)

    end = len(words)
    if end > 1 and words[-1].text.islower() and words[-1].text.endswith("ing"):
        end -= 1
    place = end - 1
    while place >= 0 and is_tagged(words[place]):
        place -= 1
    if 1 <= place < end - 1 and words[place].lower == "of":
        end = place  # "Manaspas Xuto of Thailand": the name comes before its place
    lead = [t for t in words if art.lexicon.word_class(t.lower) != "determiner"]
    opening: list[Token] = []
    for token in lead:
        if token.text[0].isupper() and not is_tagged(token) and art.lexicon.word_class(token.lower) is None \
                and not POSSESSIVE.search(token.text):
            opening.append(token)
        else:
            break
    if len(opening) >= 2 and len(lead) > len(opening) and lead[len(opening)].lower == "of":
        end = words.index(opening[-1]) + 1  # "Shuichi Takemoto of the Foreign Ministry": the name opens the phrase
    elif 2 <= len(opening) <= _MAX_SET_OFF_NAME_WORDS and len(lead) > len(opening) \
            and _post_set_off_after(art, opening[-1]):
        end = words.index(opening[-1]) + 1  # "Dana Quill, founding partner at Acme Wealth": the name, then its post
    run: list[Token] = []
    for token in reversed(words[:end]):
        free = not is_tagged(token)
        if run and _PARTICLE.match(token.text) and free:
            run.insert(0, token)  # "Ali al-Khalifa al-Sabah", "Willy de Clercq"
            continue
        if token.text[0].isupper() and not POSSESSIVE.search(token.text) and free \
                and art.lexicon.word_class(token.lower) is None:
            run.insert(0, token)
        else:
            break
    run = [t for t in run if not re.search(r"-(?:based|owned|led|run)$", t.text)]
    while run and _PARTICLE.match(run[0].text):
        run = run[1:]
    if run and bare_word(run[-1].text) in art.lexicon.sources:
        return None  # "the Maryland Democrat", "Committee Republicans": a description, not a name
    while len(run) > 2 and run[0].text.isupper():
        run = run[1:]  # "Chrysler LLC Jim Press": a company suffix before the name
    if len(run) < min_words or (run and all(t.text.isupper() for t in run) and min_words > 1):
        return None
    name = text_of(art, run)
    matches = [r for r in art.people if surname_of(r["name"]) == surname_of(name)]
    if len(matches) == 1:
        return Speaker(matches[0]["name"], matches[0].get("official_id"), name, "person")
    fuller = _compound_surname_row(art, name) if not matches else None
    if fuller is not None:  # "Biswa" alone for a person named with three names: the full name
        return Speaker(fuller["name"], fuller.get("official_id"), name, "person")
    if len(run) == 1 and is_acronym(art, run[0]):
        return Speaker(name, None, name, "organization")
    return Speaker(name, None, name, "name")


def _post_set_off_after(art: ArticleIndex, token: Token) -> bool:
    """True when a comma follows ``token`` and a post in lower case opens after it ("…, founding partner at",
    "…, chief economist"): a word no list classes (no article, pronoun or clause word), so the capitalized
    words before the comma are the person who holds the post, not the firm named at its end."""
    index = art.token_at_or_after(token.end)
    if index + 1 >= len(art.tokens) or art.tokens[index].text != ",":
        return False
    following = art.tokens[index + 1]
    return following.is_word and following.text.isalpha() and following.text.islower() \
        and art.lexicon.word_class(following.lower) is None


def is_acronym(art: ArticleIndex, token: Token) -> bool:
    """True for a word in capitals only ("KBR noted", "ECB says") on a line of running text: an organization's
    initials, since no person's name is written so in a sentence ("the bank" after it takes it up as a firm).
    On a line in capitals (a heading: "TRUMP SAYS …") it is just the line's case."""
    if not _ACRONYM.fullmatch(token.text):
        return False
    line_start = art.text.rfind("\n", 0, token.start) + 1
    line_end = art.text.find("\n", token.end)
    return any(ch.islower() for ch in art.text[line_start:line_end if line_end >= 0 else len(art.text)])


def title_holder(art: ArticleIndex, title: str, position: int) -> Speaker | None:
    """The person whose title is ``title`` (from people rows, then official mentions' labels)."""
    wanted = title.lower().strip()
    # a name across a line break is a heading's words or a byline's, no one's name ("Chief\nVice President")
    rows = [r for r in art.people if r.get("title") and "\n" not in (r.get("name") or "")
            and (r["title"].lower() == wanted or wanted.endswith(r["title"].lower())
                 or r["title"].lower().endswith(wanted))]
    if len({r["name"] for r in rows}) == 1:
        row = rows[0]
        return Speaker(row["name"], row.get("official_id"), title, "person")
    labelled = [m for m in art.by_kind.get("official", []) if m.label and m.label.lower().endswith(wanted)]
    if len({person_speaker(art, m).name for m in labelled}) == 1:
        return replace(person_speaker(art, labelled[0]), text=title)
    return None


def apposed_person(art: ArticleIndex, first: int) -> Speaker | None:
    """The person named right before a comma that opens the phrase at token ``first`` (an apposition), or None."""
    if first < 2 or art.tokens[first - 1].text != ",":
        return None
    named = [m for m in art.persons if m.end == art.tokens[first - 2].end and not art.possessive(m)]
    return person_speaker(art, named[-1]) if named else None


def subject_name(art: ArticleIndex, start: int, end: int) -> Speaker | None:
    """An untagged name of two or more capitalized words opening a sentence ("Jeffrey Leeds of Chemical Bank")."""
    first = art.token_at_or_after(start)
    run: list[Token] = []
    for token in art.tokens[first:first + 4]:
        if token.end > end or not token.is_word or not token.text[0].isupper() or token.text.isupper() \
                or art.lexicon.word_class(token.lower) is not None or POSSESSIVE.search(token.text):
            break
        run.append(token)
    if len(run) < 2 or art.mentions_in(("organization", "country", "title"), run[0].start, run[-1].end):
        return None
    following = art.tokens[first + len(run)] if first + len(run) < len(art.tokens) else None
    if following is None or not (following.text.islower() or following.text == ","):
        return None
    return proper_name(art, run, min_words=2)


def named_within(art: ArticleIndex, name: str | None, position: int, reach: int) -> bool:
    """True when a person mention of ``name`` stands in the ``reach`` sentences before ``position`` (or its own)."""
    floor = art.sentences[max(art.sentence_of(position) - reach, 0)][0]
    return any(floor <= m.start < position and person_speaker(art, m).name == name for m in art.persons)


def official_of_country(art: ArticleIndex, tokens: list[Token], head: Token, position: int) -> Speaker | None:
    """The one official named before ``position`` whose country is the phrase's and whose title holds its head
    noun ("a British minister" → Britain's trade minister), or None when there is none or more than one."""
    countries = {(m.label or "").split(":")[0] for m in art.mentions_in(("country",), tokens[0].start, tokens[-1].end)}
    countries.discard("")
    if len(countries) != 1:
        return None
    role = bare_word(head.text)
    found = {}
    for row in art.officials:
        if row.get("country_iso3") not in countries or role not in (row.get("title") or "").lower().split():
            continue
        mentions = [art.mention_by_id[i] for i in row.get("mention_ids") or () if i in art.mention_by_id]
        if any(m.start < position for m in mentions):
            found[row["official_id"]] = row
    if len(found) != 1:
        return None
    row = next(iter(found.values()))
    return Speaker(row["name"], row["official_id"], text_of(art, tokens), "person")
