"""People and officials: name mentions grouped into persons, with titles, countries and stable ids (pure).

Two normalizers share one resolution (`resolve_people`):

- ``people``: every person the article names (officials included), with every
  mention of them — full names, surnames (``people:surname``) and titles
  standing alone ("the minister", "the president");
- ``officials``: the persons acting for a government, legislature, central bank
  or intergovernmental body, with ``country_iso3`` and ``official_id``.

Grouping: full names make persons; a one-word mention joins the nearest person
before it whose surname (or family name, "He" of "He Lifeng") it is. A title
standing alone joins the last person before it who holds a title with the same
head word ("the minister" → "Trade Minister"), or else the first one named
after it. A name is completed to its canonical full form only through
``models/people/known_officials.csv`` and only when the article's year lies in
the person's years in office ("President Reagan" in 1987 → Ronald Reagan);
``official_id`` is the slug of the canonical name, so the same person meets
across articles. How the country is chosen is in ``models/people/README.md``.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.articles import short_hash
from pipeline.names import fullest_form, name_words, slug, surname_keys
from pipeline.normalize.registry import Normalizer
from pipeline.views import ArticleView, Mention, Sentence

NAME_KINDS = frozenset({"official", "person"})
FORMER_RULE = "titles.csv:former"
# A title standing alone this close after a holder's name refers to that holder.
RECENT_CHARS = 300

# Text between a title and the name it belongs to: "Title NAME", "Title, NAME",
# "Title <in/at/of … phrase>, NAME" (a phrase without sentence punctuation).
_TITLE_THEN_NAME = re.compile(r" ?,? ?| (?:of|for|at|in|with) [^,.;:\"“”()\n]{0,60}, ?")
# Text between a name and its apposition's title: "NAME, Japan's top …", "NAME, the Apple …".
_NAME_THEN_TITLE = re.compile(
    r" ?, ?(?:(?:[A-Z][\w.&'’-]*|the|a|an|his|her|its|their|['’]s|former|formerly|currently|now|also|top|chief|"
    r"senior|deputy|special|acting|vice|assistant|associate|then|and|of|for) ?){0,7}")
# A country or organization right before a title: nothing but spaces, brackets and a possessive between.
_JUST_BEFORE = re.compile(r"[ ()]*(?:['’]s)?[ ()]*")
# A country or organization after a title: "… of (the) Japan's", "… at the Chinese embassy".
_JUST_AFTER = re.compile(r" (?:of|at|in|for) (?:(?:the|its|his|her) )?(?:[A-Z][\w.]*['’]s )?")
# A country (or organization) right after a name: "President Alberto Fernandez, Argentine Republic",
# "President Alberto Fernandez of Argentina".
_NAME_THEN_PLACE = re.compile(r" ?, (?:the )?| of (?:the )?")
_POSSESSIVE_PRONOUN = re.compile(r"\b(?:his|her) $", re.IGNORECASE)
_INDEFINITE = re.compile(r"\b(?:a|an|another|one|any|some|each|every|no) $", re.IGNORECASE)


# -- resources ------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class KnownOfficial:
    """One row of ``known_officials.csv``: a person in one office for a span of years."""

    name: str
    title: str
    country_iso3: str | None
    start_year: int
    end_year: int | None


@dataclass(frozen=True)
class Resources:
    """What the people and officials normalizers read from ``models/people/`` (once per process)."""

    known: Mapping[str, tuple[KnownOfficial, ...]]  # slug of a name or alias → rows
    title_countries: Mapping[str, str]  # lower-case title → the only country with that office
    org_kinds: Mapping[str, str]  # canonical organization name → kind
    particles: frozenset[str]
    family_first: frozenset[str]


def _rows(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]


def _year(path: Path, number: int, value: str, *, empty: bool) -> int | None:
    if value == "" and empty:
        return None
    if not value.isdigit():
        raise ValueError(f"{path}, row {number}: year {value!r} is not a number")
    return int(value)


@lru_cache(maxsize=4)
def load(models_dir: Path) -> Resources:
    """Read the gazetteer of known officials, the titles' countries and the organizations' kinds."""
    folder = Path(models_dir) / "people"
    known: dict[str, list[KnownOfficial]] = {}
    path = folder / "known_officials.csv"
    for number, row in enumerate(_rows(path), start=1):
        entry = KnownOfficial(row["name"], row["title"], row["country_iso3"] or None,
                              _year(path, number, row["start_year"], empty=False) or 0,
                              _year(path, number, row["end_year"], empty=True))
        for form in {row["name"], *(a for a in row["aliases"].split(";") if a.strip())}:
            known.setdefault(slug(form), []).append(entry)
    title_countries = {r["title"].lower(): r["country"] for r in _rows(folder / "titles.csv") if r["country"]}
    org_kinds = {r["name"]: r["kind"] for r in _rows(folder / "organizations.csv")}
    parts = _rows(folder / "name_parts.csv")
    return Resources({k: tuple(v) for k, v in known.items()}, title_countries, org_kinds,
                     frozenset(r["word"].lower() for r in parts if r["role"] == "particle"),
                     frozenset(r["word"] for r in parts if r["role"] == "family_first"))


def complete_name(name: str, title: str | None, country: str | None, year: int | None,
                  known: Mapping[str, Sequence[KnownOfficial]]) -> KnownOfficial | None:
    """The known official a name stands for in ``year``, or None.

    A name of two or more words must itself be a listed name or alias; a single word is
    looked up as a surname. Rows outside their years never match; when several people fit,
    the title's head word, then the country, must single one out.
    """
    if year is None:
        return None
    rows = [r for r in known.get(slug(name), ()) if r.start_year <= year <= (r.end_year or 9999)]
    if len({r.name for r in rows}) > 1 and title:
        head = title.split()[-1].lower()
        rows = [r for r in rows if r.title.split()[-1].lower() == head] or rows
    if len({r.name for r in rows}) > 1 and country:
        rows = [r for r in rows if r.country_iso3 == country] or rows
    if not rows or len({r.name for r in rows}) > 1:
        return None
    return rows[0]


# -- resolution -----------------------------------------------------------------

@dataclass
class PersonGroup:
    """One person of one article while it is being resolved."""

    keys: set[str]
    names: list[Mention] = field(default_factory=list)
    titles: list[Mention] = field(default_factory=list)  # titles standing alone that refer to the person
    stated: Mention | None = None  # the title stated next to a name of the person (first one)
    title: str | None = None
    official: bool = False
    country: str | None = None
    organization: str | None = None
    canonical: str = ""
    known: KnownOfficial | None = None

    @property
    def first(self) -> int:
        return min(m.start for m in self.names)

    @property
    def name(self) -> str:
        """The fullest form of the name in the article."""
        return fullest_form(tuple(m.text for m in self.names))


@dataclass(frozen=True, slots=True)
class ResolvedPerson:
    """A person of one article as the tables need them."""

    person_id: str
    name: str
    is_official: bool
    official_id: str | None
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
    groups = _group(names, resources)
    stated = _stated_titles(text, names, titles)
    for group in sorted(groups, key=lambda g: g.first):
        for mention in group.names:
            if mention.kind == "official":
                group.official = True
            title = stated.get(mention.mention_id)
            if title is not None and group.stated is None:
                group.stated = title
            if title is not None and not _beside(text, title, mention):
                group.titles.append(title)  # a title said elsewhere ("Japan's top trade negotiator") names them
            if mention.kind == "official" and mention.label and group.title is None:
                group.title = mention.label
        if group.title is None and group.stated is not None:
            group.title = group.stated.label
    year = article.published_at.year if article.published_at is not None else None
    for group in groups:  # a first completion (without the country) tells who holds an office this year
        group.known = complete_name(group.name, group.title, None, year, resources.known)
    _link_lone_titles(text, titles, {t.mention_id for t in stated.values()}, groups, countries)
    resolved_before: list[PersonGroup] = []
    for group in sorted(groups, key=lambda g: g.first):
        _resolve_group(text, group, orgs, countries, resolved_before, year, resources)
        resolved_before.append(group)
    return tuple(_finish(article.article_id, groups))


def _group(names: Sequence[Mention], resources: Resources) -> list[PersonGroup]:
    """Full names make persons (a repeated full name joins its person); one-word names join the nearest
    person before them with that surname (else the first after), or make a person of their own."""
    groups: list[PersonGroup] = []
    by_full: dict[str, PersonGroup] = {}
    single: list[Mention] = []
    # Fuller names first, so that a shorter multi-word form ("De Clercq") finds "Willy de Clercq".
    for mention in sorted(names, key=lambda m: (-len(name_words(m.text)), m.start)):
        words = name_words(mention.text)
        if len(words) < 2:
            single.append(mention)
            continue
        key = slug(" ".join(words))
        group = by_full.get(key)
        if group is None:
            shorter = [g for g in groups if " ".join(words).lower() in g.keys]
            group = shorter[0] if shorter else None
        if group is None:
            group = PersonGroup(surname_keys(words, resources.particles, resources.family_first))
            groups.append(group)
        by_full[key] = group
        group.names.append(mention)
    for mention in sorted(single, key=lambda m: m.start):
        word = " ".join(name_words(mention.text)).lower()
        candidates = [g for g in groups if word in g.keys]
        if candidates:
            before = [g for g in candidates if g.first <= mention.start]
            group = max(before, key=lambda g: g.first) if before else min(candidates, key=lambda g: g.first)
        else:
            group = PersonGroup({word})
            groups.append(group)
        group.names.append(mention)
    return groups


def _stated_titles(text: str, names: Sequence[Mention], titles: Sequence[Mention]) -> dict[str, Mention]:
    """For each name mention, the title stated next to it ("Treasury Secretary Scott Bessent", "Ryosei
    Akazawa, Japan's top trade negotiator"), or — for an official whose label names a title said elsewhere
    in the article — that title's mention."""
    out: dict[str, Mention] = {}
    name_starts = [m.start for m in names]
    # Here and below the text between two mentions is matched where it stands (``pos``, ``endpos``), not
    # sliced out: every name meets every title, and a slice would copy all the text between them.
    for mention in names:
        before = [t for t in titles
                  if t.end <= mention.start and _TITLE_THEN_NAME.fullmatch(text, t.end, mention.start)]
        after = [t for t in titles if t.start >= mention.end and _NAME_THEN_TITLE.fullmatch(text, mention.end, t.start)
                 and not any(mention.end < s < t.start for s in name_starts)]
        beside = before[-1:] + after[:1]
        if mention.label and any(t.label == mention.label for t in beside):
            beside = [t for t in beside if t.label == mention.label]  # the title the extractor stated
        if beside:
            out[mention.mention_id] = beside[0]
            continue
        if mention.kind == "official" and mention.label:
            same = [t for t in titles if t.label == mention.label]
            earlier = [t for t in same if t.end <= mention.start]
            if earlier or same:
                out[mention.mention_id] = (earlier or same)[-1 if earlier else 0]
    return out


def _beside(text: str, title: Mention, mention: Mention) -> bool:
    """The title stands next to the name (before it, or in its apposition)."""
    if title.end <= mention.start:
        return bool(_TITLE_THEN_NAME.fullmatch(text, title.end, mention.start))
    return title.start >= mention.end and bool(_NAME_THEN_TITLE.fullmatch(text, mention.end, title.start))


def _head(title: str | None) -> str:
    return title.split()[-1].lower() if title else ""


def _country_right_before(text: str, position: int, countries: Sequence[Mapping[str, Any]]) -> str | None:
    for row in reversed(countries):
        if row["end_char"] <= position and _JUST_BEFORE.fullmatch(text[row["end_char"]:position]):
            return row["iso3"]
        if row["end_char"] <= position - 40:
            break
    return None


def _link_lone_titles(text: str, titles: Sequence[Mention], stated_ids: set[str], groups: Sequence[PersonGroup],
                      countries: Sequence[Mapping[str, Any]]) -> None:
    """Titles standing alone ("the minister said") join the person they refer to."""
    for title in titles:
        if title.mention_id in stated_ids or title.rule_id == FORMER_RULE:
            continue
        if _INDEFINITE.search(text[max(0, title.start - 12):title.start]):
            continue  # "a MITI official", "a spokesman": someone unnamed
        head = _head(title.label)
        holders = [g for g in groups if _head(g.title) == head]
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
        stated_country = _country_right_before(text, title.start, countries)
        if stated_country and stated_country != _stated_country(text, group, countries):
            continue  # "the Japanese minister" is not the U.S. one
        group.titles.append(title)


def _stated_country(text: str, group: PersonGroup, countries: Sequence[Mapping[str, Any]]) -> str | None:
    """The country stated in or beside the title next to the person's name, if any."""
    title = group.stated
    if title is None:
        return None
    inside = [c for c in countries if title.start <= c["start_char"] < title.end and not c.get("is_dateline")]
    if inside:
        return inside[0]["iso3"]
    found = _country_right_before(text, title.start, countries)
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


def _resolve_group(text: str, group: PersonGroup, orgs: Sequence[Mention], countries: Sequence[Mapping[str, Any]],
                   earlier: Sequence[PersonGroup], year: int | None, resources: Resources) -> None:
    """Country, organization and canonical name of one person (README.md, "Country of an official")."""
    org = _org_beside(text, group.stated, orgs) if group.stated is not None else None
    if org is None:
        org = _after_name(text, group, orgs, lambda m: m.start, lambda m: m.end)
    if org is not None:
        group.organization = (org.label or org.text).split("|")[0]
    name = group.name
    country = _stated_country(text, group, countries)
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
    head = _head(title)
    countries = {r.country_iso3 for r in known.get(slug(name), ()) if head and _head(r.title) == head}
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


def _finish(article_id: str, groups: Sequence[PersonGroup]) -> list[ResolvedPerson]:
    """Rows of resolved persons; two groups that resolve to one id are one person."""
    merged: dict[str, ResolvedPerson] = {}
    for group in sorted(groups, key=lambda g: g.first):
        official_id = slug(group.canonical) if group.official else None
        person_id = official_id or short_hash(article_id, slug(group.canonical) or group.canonical)
        ids = tuple(dict.fromkeys(m.mention_id for m in sorted([*group.names, *group.titles], key=lambda m: m.start)))
        person = ResolvedPerson(person_id, group.name, group.official, official_id, group.title, group.country,
                                group.organization, ids)
        if person_id in merged:
            old = merged[person_id]
            fuller = max((old.name, person.name), key=lambda n: (len(name_words(n)), len(n)))
            person = ResolvedPerson(person_id, fuller, old.is_official, old.official_id, old.title or person.title,
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
    """``officials`` rows: the persons acting for a government, with country and stable id."""
    return [{"article_id": article.article_id, "official_id": p.official_id, "name": p.name, "title": p.title,
             "country_iso3": p.country_iso3, "organization": p.organization, "mention_ids": list(p.mention_ids)}
            for p in resolve_people(article, mentions, done, resources) if p.is_official]


NORMALIZERS = (Normalizer("people", normalize_people, load), Normalizer("officials", normalize_officials, load))
