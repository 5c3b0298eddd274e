"""People and officials: name mentions grouped into persons, with titles, countries and stable ids (pure).

Two normalizers share one resolution (`resolve_people`):

- ``people``: every person the article names (officials included), with every
  mention of them — full names, surnames (``people:surname``) and titles
  standing alone ("the minister", "the president");
- ``officials``: the persons acting for a government, legislature, central bank
  or intergovernmental body, with ``country_iso3`` and ``official_id``; a person
  introduced by an office they no longer hold ("former President Joe Biden") is
  one too, with ``is_former``.

Grouping: full names make persons; a one-word mention joins the nearest person
before it whose surname (or family name, "He" of "He Lifeng") it is. A title
standing alone joins the last person before it who holds a title with the same
head word ("the minister" → "Trade Minister"), or else the first one named
after it. A name is completed to its canonical full form only through
``models/people/known_officials.csv`` and only when the article's year lies in
the person's years in office ("President Reagan" in 1987 → Ronald Reagan);
``official_id`` is the slug of the canonical name, so the same person meets
across articles. A name written with no title at all is an official when it is a listed
office-holder's name, or distinctive surname, and they held a listed office on the publication date
("Trump's tariffs" in 2025: Donald Trump, of the United States; "Biden" then stays a person). How the
country is chosen is in ``models/people/README.md``.
An official whose id is a listed office-holder's also gets the person's
Wikidata item and ``in_office``: whether the listed terms say they held the
stated title on the publication date (`pipeline.normalize.known_officials`).

The pieces: `pipeline.normalize.person_groups` groups the names and finds the titles stated
next to them, `pipeline.normalize.affiliations` gives each person a country, an organization and
a canonical name, and `pipeline.normalize.known_officials` reads the gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pipeline.articles import short_hash
from pipeline.names import name_words, slug
from pipeline.normalize.affiliations import country_of_stated_title, country_right_before, resolve_group
from pipeline.normalize.known_officials import (KnownOfficial, Resources, complete_name, holder_terms, in_office,
                                                load, sitting_holder)
from pipeline.normalize.person_groups import PersonGroup, group_names, stated_titles, stands_beside, title_head
from pipeline.normalize.registry import Normalizer
from pipeline.views import ArticleView, Mention, Sentence

NAME_KINDS = frozenset({"official", "person"})
FORMER_RULE = "titles.csv:former"
# A title standing alone this close after a holder's name refers to that holder.
RECENT_CHARS = 300
_INDEFINITE = re.compile(r"\b(?:a|an|another|one|any|some|each|every|no) $", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ResolvedPerson:
    """A person of one article as the tables need them."""

    person_id: str
    name: str
    is_official: bool
    official_id: str | None
    is_former: bool
    title: str | None
    country_iso3: str | None
    organization: str | None
    mention_ids: tuple[str, ...]


class _SameInputs:
    """The arguments of one `resolve_people` call, equal to another only when they are the very same objects.

    The stage runs ``people`` and ``officials`` one after the other on the same article objects, and both
    need the same resolution: keyed by identity, the second call reuses the first's answer instead of
    grouping the names again, without comparing (or hashing) the article's mentions. Identity is enough
    because normalizers never change their inputs. The country rows are keyed rather than ``done``: its
    other tables differ between the two calls and are not read.
    """

    __slots__ = ("article", "mentions", "countries", "resources")

    def __init__(self, article: ArticleView, mentions: Sequence[Mention], countries: Any,
                 resources: Resources) -> None:
        self.article, self.mentions, self.countries, self.resources = article, mentions, countries, resources

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _SameInputs) and self.article is other.article \
            and self.mentions is other.mentions and self.countries is other.countries \
            and self.resources is other.resources

    def __hash__(self) -> int:
        return id(self.article)


def resolve_people(article: ArticleView, mentions: Sequence[Mention], done: Mapping[str, list[dict]],
                   resources: Resources) -> list[ResolvedPerson]:
    """Group the article's name and title mentions into persons and resolve their attributes."""
    return list(_resolve_people(_SameInputs(article, mentions, done.get("countries"), resources)))


# One entry: the last article, kept only until the next one (the key holds it alive, so ids are not reused).
@lru_cache(maxsize=1)
def _resolve_people(inputs: _SameInputs) -> tuple[ResolvedPerson, ...]:
    article, mentions, resources = inputs.article, inputs.mentions, inputs.resources
    text = article.text
    names = sorted((m for m in mentions if m.kind in NAME_KINDS), key=lambda m: (m.start, m.end))
    if not names:
        return ()
    titles = sorted((m for m in mentions if m.kind == "title"), key=lambda m: m.start)
    orgs = sorted((m for m in mentions if m.kind == "organization"), key=lambda m: m.start)
    countries = sorted(inputs.countries or [], key=lambda c: c["start_char"])
    groups = group_names(names, resources)
    stated = stated_titles(text, names, titles)
    for group in sorted(groups, key=lambda g: g.first):
        for mention in group.names:
            if mention.kind == "official":
                group.official = True
            title = stated.get(mention.mention_id)
            if title is not None and group.stated is None:
                group.stated = title
                group.former = title.rule_id == FORMER_RULE
            if title is not None and not stands_beside(text, title, mention):
                group.titles.append(title)  # a title said elsewhere ("Japan's top trade negotiator") names them
            if mention.kind == "official" and mention.label and group.title is None:
                group.title = mention.label
        if group.title is None and group.stated is not None:
            group.title = group.stated.label
    year = article.published_at.year if article.published_at is not None else None
    day = article.published_at.date() if article.published_at is not None else None
    sitting: dict[int, KnownOfficial] = {}
    # A surname that opens an organization's name is the firm's ("Baker said" beside "Baker International Corp");
    # not one opening a government body's, labelled with its country ("Trump" beside "the Trump Administration").
    firms = {org.text.split()[0] for org in orgs if org.text.split() and "|" not in (org.label or "")}
    for group in groups:  # a first completion (without the country) tells who holds an office this year
        group.known = complete_name(group.name, group.title, None, year, resources.known)
        untitled = not group.official and group.stated is None and group.name not in firms
        holder = sitting_holder(group.name, day, resources) if untitled else None
        if holder is not None:  # "Trump's tariffs" in 2025: the sitting President, though no title is stated
            group.official = True
            sitting[id(group)] = holder
    _link_lone_titles(text, titles, {t.mention_id for t in stated.values()}, groups, countries)
    resolved_before: list[PersonGroup] = []
    for group in sorted(groups, key=lambda g: g.first):
        resolve_group(text, group, orgs, countries, resolved_before, year, resources)
        holder = sitting.get(id(group))
        if holder is not None:  # the office's country, not a country named near the name
            group.known, group.canonical, group.country = holder, holder.name, holder.country_iso3
        resolved_before.append(group)
    return tuple(_finish(article.article_id, groups))


def _link_lone_titles(text: str, titles: Sequence[Mention], stated_ids: set[str], groups: Sequence[PersonGroup],
                      countries: Sequence[Mapping[str, Any]]) -> None:
    """Titles standing alone ("the minister said") join the person they refer to."""
    for title in titles:
        if title.mention_id in stated_ids or title.rule_id == FORMER_RULE:
            continue
        if _INDEFINITE.search(text[max(0, title.start - 12):title.start]):
            continue  # "a MITI official", "a spokesman": someone unnamed
        head = title_head(title.label)
        holders = [g for g in groups if title_head(g.title) == head]
        if not holders:
            continue
        last_seen = {id(g): max((m.start for m in g.names if m.start < title.start), default=-1) for g in holders}
        recent = [g for g in holders if 0 <= title.start - last_seen[id(g)] <= RECENT_CHARS]
        before = [g for g in holders if last_seen[id(g)] >= 0]
        # The holder named just before; else the one in office that year (a transcript's "THE PRESIDENT:" is
        # the sitting president, not a president of history named earlier); else the last one named.
        current = [g for g in before if g.known is not None]
        if recent:
            group = max(recent, key=lambda g: last_seen[id(g)])
        elif current or before:
            group = max(current or before, key=lambda g: last_seen[id(g)])
        else:
            group = min(holders, key=lambda g: g.first)
        stated_country = country_right_before(text, title.start, countries)
        if stated_country and stated_country != country_of_stated_title(text, group, countries):
            continue  # "the Japanese minister" is not the U.S. one
        group.titles.append(title)


def _finish(article_id: str, groups: Sequence[PersonGroup]) -> list[ResolvedPerson]:
    """Rows of resolved persons; two groups that resolve to one id are one person."""
    merged: dict[str, ResolvedPerson] = {}
    for group in sorted(groups, key=lambda g: g.first):
        official_id = slug(group.canonical) if group.official else None
        person_id = official_id or short_hash(article_id, slug(group.canonical) or group.canonical)
        ids = tuple(dict.fromkeys(m.mention_id for m in sorted([*group.names, *group.titles], key=lambda m: m.start)))
        person = ResolvedPerson(person_id, group.name, group.official, official_id, group.former, group.title,
                                group.country, group.organization, ids)
        if person_id in merged:
            old = merged[person_id]
            fuller = max((old.name, person.name), key=lambda n: (len(name_words(n)), len(n)))
            person = ResolvedPerson(person_id, fuller, old.is_official, old.official_id,
                                    old.is_former and person.is_former, old.title or person.title,
                                    old.country_iso3 or person.country_iso3, old.organization or person.organization,
                                    tuple(dict.fromkeys([*old.mention_ids, *person.mention_ids])))
        merged[person_id] = person
    return list(merged.values())


# -- the two normalizers ----------------------------------------------------------

def normalize_people(article: ArticleView, mentions: Sequence[Mention], sentences: Sequence[Sentence],
                     done: Mapping[str, list[dict]], resources: Resources) -> list[dict[str, Any]]:
    """``people`` rows: every person named in the article, officials included, with all their mentions."""
    return [{"article_id": article.article_id, "person_id": p.person_id, "name": p.name,
             "is_official": p.is_official, "official_id": p.official_id, "title": p.title,
             "organization": p.organization, "mention_ids": list(p.mention_ids)}
            for p in resolve_people(article, mentions, done, resources)]


def normalize_officials(article: ArticleView, mentions: Sequence[Mention], sentences: Sequence[Sentence],
                        done: Mapping[str, list[dict]], resources: Resources) -> list[dict[str, Any]]:
    """``officials`` rows: the persons acting for a government, with country, stable id and, for a listed
    office-holder, the Wikidata item and whether they held the stated title on the publication date."""
    day = article.published_at.date() if article.published_at is not None else None
    rows = []
    for p in resolve_people(article, mentions, done, resources):
        if not p.is_official:
            continue
        terms = holder_terms(p.official_id or "", p.country_iso3, resources.known)
        rows.append({"article_id": article.article_id, "official_id": p.official_id, "name": p.name,
                     "title": p.title, "is_former": p.is_former, "country_iso3": p.country_iso3,
                     "organization": p.organization, "mention_ids": list(p.mention_ids),
                     "wikidata_qid": next((t.wikidata_qid for t in terms if t.wikidata_qid), None),
                     "in_office": in_office(terms, p.title, day)})
    return rows


NORMALIZERS = (Normalizer("people", normalize_people, load), Normalizer("officials", normalize_officials, load))
