"""Firms a story names in full without an organization tag: the fuller forms a shortened speaker may stand for.

"State Street Global Advisors" or "Magna International" are often tagged as
nothing at all (a firm the gazetteer does not know), and the story goes on with
"State Street" or "Magna". `untagged_firm_names` lists those runs of
capitalized words, for `descriptions.fuller_organization` to use when no tagged
organization gives the fuller form.
"""

from __future__ import annotations

import re

from pipeline.normalize.quotes.article import POSSESSIVE, ArticleIndex, Speaker, organization_name

# A run of capitalized words (or a number inside a firm's name, "Phillips 66") on one line, spaces between them.
_RUN = re.compile(r"(?<![\w.&'’-])[A-Z][\w&.'’-]*(?:[ ]+(?:[A-Z][\w&.'’-]*|\d+\b))+")
# Mentions that make a run something other than an untagged firm's name: a person ("Jane Roe"), a country ("China
# Daily" is no longer form of "China"), a title ("Acme Chief Executive"), a date ("Acme Tuesday"); and a tagged
# organization, whose forms `descriptions.organization_forms` weighs (and leaves out a body: "Kestrel Commission").
_NOT_A_FIRM = ("person", "country", "title", "official", "date", "organization")
# A name-joining word after a capitalized one, right before a run: the run is the tail of a longer name.
_LINKED_TAIL = re.compile(r"[A-Z][\w.&'’-]*[ ]+(?:of|and|for|&)[ ]+$")
# A comma after a run and the words that open what follows it ("…, an aide to Kim").
_APPOSITION = re.compile(r"[ ]*,[ ]*((?:[\w-]+[ ]+){0,3}[\w-]+)")
# How many words after the comma (and a determiner) may name a person's role ("a senior aide", "vice-chairman").
ROLE_WORDS = 2
# The most words a firm's name runs to ("Pellham Global Asset Management Partners").
MAX_FIRM_WORDS = 5


def untagged_firm_names(art: ArticleIndex) -> dict[str, int]:
    """Runs of two to `MAX_FIRM_WORDS` capitalized words in the body, outside quotations, each with where it
    first stands.

    A run stops before a function word ("Harwick Global Advisors On Monday") and
    after a possessive, which it drops ("Magna International's plant" → "Magna
    International"). Left out: a run that a person, country, title, official,
    date or organization mention touches; one on a line with no word in lower
    case (a sub-heading in title case); the tail of a longer name after "of",
    "and", "for" or "&" ("National Association of Securities Dealers", "Gulf
    and Western Inc"); one whose first word opens a tagged organization's name
    (the tagged forms decide, `descriptions.organization_forms`); and one whose
    first word the body used alone before it ("Acme said it formed Acme Hotel
    Partners LP": the fuller name is another body); and one described as a
    person right after it ("Koo Bon-yong, an aide to Kim": a name the person
    rules left untagged).
    """
    tagged = {word for mention in art.by_kind.get("organization", [])
              for word in (organization_name(mention).split()[:1] + mention.text.split()[:1])}
    names: dict[str, int] = {}
    for match in _RUN.finditer(art.text, art.body_start):
        if art.inside_quote(match.start()) or art.mentions_in(_NOT_A_FIRM, match.start(), match.end()) \
                or _LINKED_TAIL.search(art.text, max(match.start() - 40, 0), match.start()):
            continue
        words: list[str] = []
        for word in match.group(0).split():
            bare = word.rstrip(".,")
            if art.lexicon.word_class(bare.lower()) is not None:
                break
            words.append(POSSESSIVE.sub("", bare))
            if POSSESSIVE.search(bare) or bare != word:
                break  # a possessive or a sentence's full stop ends the name
        if not 2 <= len(words) <= MAX_FIRM_WORDS or words[0] in tagged \
                or _title_case_line(art, match.start(), match.end()) \
                or _used_alone_before(art, words[0], match.start()) \
                or _described_as_a_person(art, match.start() + len(" ".join(words))):
            continue
        names.setdefault(" ".join(words), match.start())
    return names


def untagged_forms(art: ArticleIndex, names: dict[str, int], speaker: Speaker | None, position: int) -> list[str]:
    """The names of `untagged_firm_names` a speaker at ``position`` may be a short form of: those first given
    before it (news copy names a firm in full, then shortens it: "Magna International …. Magna says"; a fuller
    form first written after the short one is more often another firm or a listing line, "Paramount says ….
    Paramount Global (PARA)"), and none for a speaker "he" or "she" stands for, who is a person, not a firm."""
    if speaker is None or art.lexicon.word_class((speaker.text or "").lower()) == "person_pronoun":
        return []
    return [name for name, at in names.items() if at < position]


def _described_as_a_person(art: ArticleIndex, end: int) -> bool:
    """True when a comma after ``end`` opens a role ("…, an aide to Kim", "…, vice-chairman of the council"):
    one of the first `ROLE_WORDS` words after it (past a determiner), or its part after a hyphen, names a role in
    ``sources.csv``."""
    after = _APPOSITION.match(art.text, end)
    if after is None:
        return False
    words = [w.lower() for w in after.group(1).split()]
    if words and art.lexicon.word_class(words[0]) == "determiner":
        words = words[1:]
    return any(art.lexicon.sources.get(part) == "role" for w in words[:ROLE_WORDS] for part in {w, w.split("-")[-1]})


def _used_alone_before(art: ArticleIndex, word: str, position: int) -> bool:
    """True when ``word`` stands in the body before ``position`` on its own: not possessive and not followed by
    another capitalized word.

    Written as a scan with `str.find` rather than a regular expression made for each word: the words are as
    many as the runs, and compiling a pattern for each took a fifth of the whole normalize stage.
    """
    text, at = art.text, art.body_start
    while (at := text.find(word, at, position)) >= 0:
        after = at + len(word)
        if not (at > 0 and _joins_word(text[at - 1], _BEFORE_JOINERS)) and not _continued(text, after, position):
            return True
        at += 1
    return False


# The characters that make a word part of a longer token when they stand right before or right after it.
_BEFORE_JOINERS = ".&'’-"
_AFTER_JOINERS = "&'’-"


def _joins_word(char: str, joiners: str) -> bool:
    """True when ``char`` is a word character (a letter, digit or underscore) or one of ``joiners``."""
    return char.isalnum() or char == "_" or char in joiners


def _continued(text: str, end: int, limit: int) -> bool:
    """True when the word ending at ``end`` goes on before ``limit`` (the text is read as if it ended there): a
    joining character, or spaces then a capital or digit."""
    if end >= limit:
        return False
    if _joins_word(text[end], _AFTER_JOINERS):
        return True
    after_spaces = end
    while after_spaces < limit and text[after_spaces] == " ":
        after_spaces += 1
    return after_spaces > end and after_spaces < limit and text[after_spaces] in _CAPITALS_AND_DIGITS


_CAPITALS_AND_DIGITS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _title_case_line(art: ArticleIndex, start: int, end: int) -> bool:
    """True when the run fills its line (a headline or a sub-heading in title case, "Magna Deepens Ties")."""
    line_start = art.text.rfind("\n", 0, start) + 1
    line_end = art.text.find("\n", end)
    line = art.text[line_start:line_end if line_end >= 0 else len(art.text)]
    return not re.search(r"\b[a-z]", line)


# A designation of letters, a hyphen and digits ("M-2", "F-16"): a money aggregate's or a model's, not a firm's.
_CODE = re.compile(r"[A-Z]{1,3}-\d+")
# A capitalized word and a name-joining word, perhaps with capitalized words after it, right before a name: the
# name is the tail of a longer one ("Bank of Commerce", "Bank of British Columbia"); a capitalized word alone
# before it may be a nationality ("Canadian Imperial Oil").
_NAME_BEFORE = re.compile(r"[A-Z][\w.&'’-]*[ ]+(?:of|and|for|&)[ ]+(?:[A-Z][\w.&'’-]*[ ]+)*$")


def names_no_firm(art: ArticleIndex, name: str, *, tagged: bool) -> bool:
    """True for a speaker's name that cannot be the firm a later "the bank" or "the firm" stands for: a
    company's suffixes alone ("PLC", "Co Inc": `abbreviations`, "PLC" read as "Plc"), a description ending in
    a lower-case noun ("San Diego-based bank"), a designation ("M-2"), or the tail of a longer name that the
    body never writes alone ("Commerce" of "Canadian Imperial Bank of Commerce", "Columbia" of "Bank of
    British Columbia") — for an untagged name only: a tagged organization's name cut short ("Richfield Co" of
    "Atlantic Richfield Co") still names the firm, which the naming rules spell out in full."""
    words = name.split()
    if all(w.rstrip(".").capitalize() in art.lexicon.abbreviations or w.rstrip(".") in art.lexicon.abbreviations
           for w in words):
        return True
    if words[-1].islower() or _CODE.fullmatch(name):
        return True
    return not tagged and _only_inside_longer_names(art, name)


def _only_inside_longer_names(art: ArticleIndex, name: str) -> bool:
    """True when every place the body writes ``name`` follows a capitalized word and "of"/"and"/"for", with
    perhaps capitalized words between ("Bank of Commerce", "Bank of British Columbia")."""
    text, at, found = art.text, art.body_start, False
    while (at := text.find(name, at)) >= 0:
        end = at + len(name)
        if (at > 0 and _joins_word(text[at - 1], _BEFORE_JOINERS)) or (end < len(text) and text[end].isalnum()):
            at += 1
            continue  # inside another word
        line_start = text.rfind("\n", 0, at) + 1
        before = _NAME_BEFORE.search(text, line_start, at)
        if before is None:
            return False
        found = True
        at += 1
    return found
