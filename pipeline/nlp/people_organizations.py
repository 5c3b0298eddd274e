"""Organizations for the people component: gazetteer names and capitalized runs around organization words.

Capitalized runs ending in an organization word ("Commerce Department", "Toshiba Corp", "Kyodo
News") or opening with one before "of" ("Ministry of International Trade and Industry"); places
are marked first, so that a body's country can be read beside it ("Japan's Finance Ministry").
"""

from __future__ import annotations

from pipeline.names import POSSESSIVE_MARKS
from pipeline.nlp.people_tokens import GOVERNMENT_KINDS, Tokens

Org = tuple[int, int, str, str]  # start, end (tokens), label, rule id


def mark_places(tokens: Tokens) -> None:
    """Mark the tokens of places (``places.txt``) and countries (the ``country`` spans, with their ISO3)."""
    for _, start, end in tokens.rules.place_matcher(tokens.doc):
        tokens.place[start:end] = b"\x01" * (end - start)
    if "country" in tokens.doc.spans:
        for span in tokens.doc.spans["country"]:
            iso = (span.label_ or "").split(":")[0]
            for i in range(span.start, span.end):
                tokens.place[i] = 1
                if iso:
                    tokens.country_iso[i] = iso


def _add_org(tokens: Tokens, found: list[Org], start: int, end: int, name: str, kind: str, iso3: str,
             rule: str) -> None:
    if any(tokens.org[start:end]):
        return
    if not iso3 and kind in GOVERNMENT_KINDS:
        iso3 = country_near(tokens, start, end)
    label = f"{name}|{iso3}" if iso3 and kind in GOVERNMENT_KINDS else name
    found.append((start, end, label, rule))
    for i in range(start, end):
        tokens.org[i] = 1
        tokens.org_kind[i] = kind


def country_near(tokens: Tokens, start: int, end: int) -> str:
    """ISO3 of a country span inside ``[start, end)`` or right before it ("Japan's Ministry …")."""
    for i in range(start, end):
        if i in tokens.country_iso:
            return tokens.country_iso[i]
    j = start - 1
    if j >= 0 and tokens.words[j] in POSSESSIVE_MARKS:
        j -= 1
    return tokens.country_iso.get(j, "") if j >= 0 else ""


def find_gazetteer_orgs(tokens: Tokens) -> list[Org]:
    """The organizations of the gazetteer (``organizations.csv``, names and aliases), longest first."""
    strings = tokens.rules.nlp.vocab.strings
    matches = sorted(((s, e, int(strings[k])) for k, s, e in tokens.rules.org_matcher(tokens.doc)),
                     key=lambda m: (m[0], -(m[1] - m[0])))
    found: list[Org] = []
    for start, end, index in matches:
        name, _, kind, iso3 = tokens.rules.orgs[index]
        if _surname_after_given_name(tokens, start, end):
            continue
        _add_org(tokens, found, start, end, name, kind, iso3, "organizations.csv")
    return found


def _given_name(tokens: Tokens, i: int) -> bool:
    """Token i is a given name that is no common word ("Doug", "Jim"; not "Will" or "Mark")."""
    return tokens.words[i] in tokens.rules.given and tokens.lower(i) not in tokens.rules.common


def _surname_after_given_name(tokens: Tokens, start: int, end: int) -> bool:
    """A one-word organization right after a given name is a surname: "Premier Doug Ford", "Henry Ford"."""
    return end - start == 1 and start >= 1 and tokens.spaces[start - 1] == " " and _given_name(tokens, start - 1)


def find_pattern_orgs(tokens: Tokens) -> list[Org]:
    """Capitalized runs ending with an organization word, or opening one before "of"/"for"; the runs are
    grown outward from the organization words, so documents without one cost nothing."""
    words, n, r = tokens.words, tokens.n, tokens.rules
    hits = [i for i in tokens.capitalized if (words[i] in r.org_last or words[i] in r.org_first)]
    found: list[Org] = []
    done_to = 0
    for hit in hits:
        if hit < done_to or tokens.org[hit]:
            continue
        start = hit
        while start > 0 and tokens.spaces[start - 1] == " ":
            if _org_word(tokens, start - 1):
                start -= 1
            elif start >= 2 and words[start - 1] in ("of", "for", "and", "on", "&", "the") \
                    and tokens.spaces[start - 2] == " " and _org_word(tokens, start - 2):
                start -= 2
            else:
                break
        end = hit + 1
        while end < n and tokens.spaces[end - 1] == " ":
            if _org_word(tokens, end):
                end += 1
            elif words[end] in ("of", "for", "and", "on", "&") and end + 1 < n and _org_word(tokens, end + 1) \
                    and tokens.spaces[end] == " ":
                end += 2
            elif words[end] == "the" and end + 1 < n and _org_word(tokens, end + 1) \
                    and words[end - 1] in ("of", "for"):
                end += 2
            else:
                break
        _pattern_org(tokens, found, start, end)
        done_to = end
    return found


def _org_word(tokens: Tokens, i: int) -> bool:
    """Token i can be part of an organization's name: a capitalized word not yet in one. On a title-case line,
    where every word is capitalized, only an organization word or a word shown to be a name
    (`Tokens.name_evidence`) is: "Trump Imposes Steel" is no firm called "Steel", and the name so found must
    be written in the body too (`_pattern_org`)."""
    word = tokens.words[i]
    if not (word and word[0].isupper() and not tokens.org[i] and any(c.isalpha() for c in word)):
        return False
    r = tokens.rules
    return word in r.org_last or word in r.org_first or tokens.name_evidence(i)


def _pattern_org(tokens: Tokens, found: list[Org], start: int, end: int) -> None:
    # Titles, places and sentence openers at the front (function words marked org_opener, "The Commerce
    # Department") are not part of the body's name, nor is a company suffix that ends the organization
    # before ("Chrysler LLC Jim Press"), nor a connector left in front ("on Steel" of a headline's
    # "Tariffs on Steel", see `_org_word`).
    words, r = tokens.words, tokens.rules
    while start < end and (not words[start][:1].isupper() or tokens.title_at[start] is not None
                           or tokens.place[start] or tokens.lower(start) in r.org_openers or words[start] == "&"
                           or r.org_last.get(words[start]) == "company"):
        start += 1
    if end - start < 2 or any(tokens.title_at[i] is not None for i in range(start, end)):
        return
    kind = r.org_last.get(f"{words[end - 2]} {words[end - 1]}") or r.org_last.get(words[end - 1])
    rule = "people:org_last"
    if kind is None:  # "Ministry of Finance", "Central Bureau of Statistics"
        kind = next((r.org_first[words[k]] for k in range(start, end - 2)
                     if words[k] in r.org_first and words[k + 1] in ("of", "for")), None)
        rule = "people:org_first"
    if kind is None:
        return
    if end - start == 2 and _given_name(tokens, start):
        return  # "Jim Press", "Tom Post": a given name and a surname that is also an organization word
    name = tokens.text_of(start, end)
    if tokens.headline_word(start) and not tokens.written_on_text_line(name):
        return  # a headline's "Trump Steel Tariffs": no firm unless the body names it so too
    # "the Trump Administration", "the Reagan Government": the body of a listed office-holder's country
    holder = r.listed_countries.get(tokens.text_of(start, end - 1).lower(), "") if kind == "government" else ""
    _add_org(tokens, found, start, end, name, kind, holder, rule)
