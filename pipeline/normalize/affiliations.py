"""A person's country, organization and canonical name, from the words around their names and titles (pure).

How the country is chosen is in ``models/people/README.md`` ("Country of an official").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from pipeline.names import name_words, slug
from pipeline.normalize.known_officials import KnownOfficial, Resources, complete_name
from pipeline.normalize.person_groups import PersonGroup, title_head
from pipeline.views import Mention

# A country or organization right before a title: nothing but spaces, brackets and a possessive between.
_JUST_BEFORE = re.compile(r"[ ()]*(?:['’]s)?[ ()]*")
# A country or organization after a title: "… of (the) Japan's", "… at the Chinese embassy".
_JUST_AFTER = re.compile(r" (?:of|at|in|for) (?:(?:the|its|his|her) )?(?:[A-Z][\w.]*['’]s )?")
# A country (or organization) right after a name: "President Alberto Fernandez, Argentine Republic",
# "President Alberto Fernandez of Argentina".
_NAME_THEN_PLACE = re.compile(r" ?, (?:the )?| of (?:the )?")
_POSSESSIVE_PRONOUN = re.compile(r"\b(?:his|her) $", re.IGNORECASE)


def country_right_before(text: str, position: int, countries: Sequence[Mapping[str, Any]]) -> str | None:
    """The country of a country mention ending right before ``position`` ("Japan's minister"), if any."""
    for row in reversed(countries):
        if row["end_char"] <= position and _JUST_BEFORE.fullmatch(text[row["end_char"]:position]):
            return row["iso3"]
        if row["end_char"] <= position - 40:
            break
    return None


# Up to three capitalized words right before a title, possibly possessive: a region's name ("New York State").
_WORDS_BEFORE = re.compile(r"((?:[A-Z][\w.]*\s){0,2}[A-Z][\w.]*)(?:['’]s)?\s+$")


def region_right_before(text: str, position: int, regions: Mapping[str, str]) -> str | None:
    """The country of a state or province named right before ``position`` ("Ontario Premier" → CAN)."""
    match = _WORDS_BEFORE.search(text, max(0, position - 40), position)
    if match is None:
        return None
    words = match.group(1).split()
    for start in range(len(words)):  # the longest name ending at the title: "New York", then "York"
        country = regions.get(" ".join(words[start:]))
        if country:
            return country
    return None


def country_of_stated_title(text: str, group: PersonGroup, countries: Sequence[Mapping[str, Any]],
                            regions: Mapping[str, str] | None = None) -> str | None:
    """The country stated in or beside the title next to the person's name, if any: a country mention, or a
    state or province of ``regions`` right before the title ("California Governor Gavin Newsom" → USA)."""
    title = group.stated
    if title is None:
        return None
    inside = [c for c in countries if title.start <= c["start_char"] < title.end and not c.get("is_dateline")]
    if inside:
        return inside[0]["iso3"]
    found = country_right_before(text, title.start, countries) or region_right_before(text, title.start,
                                                                                      regions or {})
    if found:
        return found
    for row in countries:
        if row["start_char"] >= title.end and _JUST_AFTER.fullmatch(text[title.end:row["start_char"]]):
            return row["iso3"]
        if row["start_char"] > title.end + 60:
            break
    return None


def _after_name(text: str, group: PersonGroup, rows: Sequence[Any], start_of, end_of) -> Any | None:
    """A country row or organization mention right after one of the person's full names, closing the phrase
    ("President Alberto Fernandez, Argentine Republic", "President Ursula von der Leyen, European Commission")."""
    for mention in group.names:
        if len(name_words(mention.text)) < 2:
            continue
        for row in rows:
            start = start_of(row)
            if start < mention.end:
                continue
            if start > mention.end + 8:
                break
            end = end_of(row)
            if _NAME_THEN_PLACE.fullmatch(text[mention.end:start]) and (end >= len(text) or text[end] in ",.;\n"):
                return row
    return None


def _org_beside(text: str, title: Mention, orgs: Sequence[Mention]) -> Mention | None:
    for org in reversed(orgs):
        if org.end <= title.start and _JUST_BEFORE.fullmatch(text, org.end, title.start):
            return org
    for org in orgs:
        if org.start >= title.end and _JUST_AFTER.fullmatch(text, title.end, org.start):
            return org
        if org.start > title.end + 60:
            break
    return None


def _title_country(title: str | None, title_countries: Mapping[str, str]) -> str | None:
    """The country of the longest lexicon title inside ``title`` that only one country has."""
    if not title:
        return None
    lowered = f" {title.lower()} "
    hits = [t for t in title_countries if f" {t} " in lowered]
    return title_countries[max(hits, key=len)] if hits else None


def resolve_group(text: str, group: PersonGroup, orgs: Sequence[Mention], countries: Sequence[Mapping[str, Any]],
                   earlier: Sequence[PersonGroup], year: int | None, resources: Resources) -> None:
    """Country, organization and canonical name of one person (README.md, "Country of an official")."""
    org = _org_beside(text, group.stated, orgs) if group.stated is not None else None
    if org is None:
        org = _after_name(text, group, orgs, lambda m: m.start, lambda m: m.end)
    if org is not None:
        group.organization = (org.label or org.text).split("|")[0]
    name = group.name
    country = country_of_stated_title(text, group, countries, resources.regions)
    if country is None:
        row = _after_name(text, group, [c for c in countries if not c.get("is_dateline")],
                          lambda c: c["start_char"], lambda c: c["end_char"])
        country = row["iso3"] if row is not None else None
    intergovernmental = org is not None and resources.org_kinds.get(group.organization or "") == "intergovernmental"
    if country is None and org is not None and org.label and "|" in org.label:
        country = org.label.split("|", 1)[1]
    if country is None and group.stated is not None and not intergovernmental \
            and _POSSESSIVE_PRONOUN.search(text[max(0, group.stated.start - 8):group.stated.start]):
        previous = [g for g in earlier if g.official and g.country]
        country = previous[-1].country if previous else None
    group.known = complete_name(name, group.title, country, year, resources.known)
    group.canonical = group.known.name if group.known is not None else " ".join(name_words(name))
    if group.official and country is None and not intergovernmental:
        if group.known is not None:
            country = group.known.country_iso3
        else:
            country = (_known_country(name, group.title, resources.known)
                       or _title_country(group.title, resources.title_countries) or _fallback_country(countries))
    group.country = country if group.official else None


def _known_country(name: str, title: str | None, known: Mapping[str, Sequence[KnownOfficial]]) -> str | None:
    """The country of a listed holder of the same title, in any year ("President Obama" in 2026 → USA)."""
    head = title_head(title)
    countries = {r.country_iso3 for r in known.get(slug(name), ()) if head and title_head(r.title) == head}
    return countries.pop() if len(countries) == 1 else None


def _fallback_country(countries: Sequence[Mapping[str, Any]]) -> str | None:
    """The dateline's country, else the country the article mentions most (first mentioned on a tie)."""
    for row in countries:
        if row.get("is_dateline"):
            return row["iso3"]
    counts = Counter(row["iso3"] for row in countries)
    if not counts:
        return None
    top = max(counts.values())
    return next(row["iso3"] for row in countries if counts[row["iso3"]] == top)
