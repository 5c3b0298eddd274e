"""What the people and officials normalizers read from ``models/people/``: known officials, titles, bodies.

``known_officials.csv`` lists people in office with their terms; `complete_name` finds the one a
name stands for in an article's year ("President Reagan" in 1987 → Ronald Reagan), `sitting_holder`
the one a name with no title stands for on its publication date ("Trump's tariffs" in 2025), and
`in_office` tells whether a person held the title an article gives them on its publication date.

A term's dates are ISO 8601 at the precision that could be checked: ``2021-01-20``, ``2021-01``
(the day unknown) or ``2021`` (the month unknown). A date inside such a period is a day on which
the person may or may not have held the office, and `held_on` answers None for it.
"""

from __future__ import annotations

import calendar
import csv
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from pipeline.names import distinctive_surname, slug
from pipeline.rulefiles import read_words


@dataclass(frozen=True, slots=True)
class KnownOfficial:
    """One row of ``known_officials.csv``: a person in one office for one term."""

    name: str
    title: str
    country_iso3: str | None
    wikidata_qid: str | None
    term_start: str  # ISO 8601 date at its checked precision: YYYY-MM-DD, YYYY-MM or YYYY
    term_end: str | None  # None: no end of the term was known when the list was checked

    @property
    def start_year(self) -> int:
        """The calendar year the term began."""
        return int(self.term_start[:4])

    @property
    def end_year(self) -> int | None:
        """The calendar year the term ended, or None while no end is known."""
        return int(self.term_end[:4]) if self.term_end else None


@dataclass(frozen=True)
class Resources:
    """What the people and officials normalizers read from ``models/people/`` (once per process)."""

    known: Mapping[str, tuple[KnownOfficial, ...]]  # slug of a name or alias → rows
    title_countries: Mapping[str, str]  # lower-case title → the only country with that office
    org_kinds: Mapping[str, str]  # canonical organization name → kind
    particles: frozenset[str]
    family_first: frozenset[str]
    # US states and Canadian provinces (``models/countries/regions.csv``): "California Governor" is American
    regions: Mapping[str, str] = field(default_factory=dict)
    # Slugs of the one-word aliases that name their holder alone (`pipeline.names.distinctive_surname`)
    lone_surnames: frozenset[str] = frozenset()


def _rows(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]


_TERM_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")
_QID = re.compile(r"Q[1-9][0-9]*")
# Ranks that name another office than the one they qualify: a "Vice President" does not hold the presidency.
_LOWER_RANKS = frozenset({"vice", "deputy", "under", "assistant", "associate"})


def _term_date(path: Path, number: int, column: str, value: str, *, empty: bool) -> str | None:
    """A term date as written, once checked to be a real date at one of the three precisions."""
    if value == "" and empty:
        return None
    try:
        if not _TERM_DATE.fullmatch(value):
            raise ValueError(value)
        _period(value)
    except ValueError:
        raise ValueError(f"{path.name}, row {number}: {column} {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD") from None
    return value


def _period(value: str) -> tuple[date, date]:
    """The first and the last day a reduced-precision ISO date may stand for ("2021-01" → Jan 1 to Jan 31)."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        year, month = parts
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


@lru_cache(maxsize=4)
def load(models_dir: Path) -> Resources:
    """Read the gazetteer of known officials, the titles' countries and the organizations' kinds."""
    folder = Path(models_dir) / "people"
    known: dict[str, list[KnownOfficial]] = {}
    lone: set[str] = set()
    common = frozenset(read_words(folder / "common_words.txt"))
    given = frozenset(read_words(folder / "given_names.txt"))
    parts = _rows(folder / "name_parts.csv")
    family_first = frozenset(r["word"] for r in parts if r["role"] == "family_first")
    path = folder / "known_officials.csv"
    for number, row in enumerate(_rows(path), start=1):
        qid = row["wikidata_qid"] or None
        if qid is not None and not _QID.fullmatch(qid):
            raise ValueError(f"{path.name}, row {number}: wikidata_qid {qid!r} is not Q followed by digits")
        entry = KnownOfficial(row["name"], row["title"], row["country_iso3"] or None, qid,
                              _term_date(path, number, "term_start", row["term_start"], empty=False) or "",
                              _term_date(path, number, "term_end", row["term_end"], empty=True))
        for form in {row["name"], *(a for a in row["aliases"].split(";") if a.strip())}:
            known.setdefault(slug(form), []).append(entry)
            if len(form.split()) == 1 and distinctive_surname(form.strip(), common, given, family_first):
                lone.add(slug(form))
    title_countries = {r["title"].lower(): r["country"] for r in _rows(folder / "titles.csv") if r["country"]}
    org_kinds = {r["name"]: r["kind"] for r in _rows(folder / "organizations.csv")}
    countries = Path(models_dir) / "countries"
    # A region that is also a country or a capital ("Georgia", "Washington") says nothing before a title:
    # "Washington representative of the China Economic System Reform Institute" is no American office.
    ambiguous = {r["text"] for r in _rows(countries / "capitals.csv")} | \
        {r["text"] for r in _rows(countries / "countries.csv")}
    regions = {r["text"]: r["country"] for r in _rows(countries / "regions.csv")
               if not r["text"].endswith(".") and r["text"] not in ambiguous}  # full names: "Ga." is no region
    return Resources({k: tuple(v) for k, v in known.items()}, title_countries, org_kinds,
                     frozenset(r["word"].lower() for r in parts if r["role"] == "particle"),
                     family_first, regions, frozenset(lone))


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


def sitting_holder(name: str, day: date | None, resources: Resources) -> KnownOfficial | None:
    """The listed office-holder ``name`` stands for when it is written with no title, or None.

    The name must be a listed name or alias of two words or more as written ("Donald Trump"; not "Melania
    Trump"), or a distinctive one-word alias written alone (``lone_surnames``: "Trump", not "Li" nor "D. J.
    Baker"), and exactly one person of that name must hold a listed office on ``day`` for certain (`held_on`):
    "Trump" in May 2025 is the President, "Biden" then is no one in office, and a surname two sitting holders
    share names neither.
    """
    key = slug(name)
    if day is None or ("-" not in key and (key not in resources.lone_surnames or len(name.split()) > 1)):
        return None  # "D. J. Baker" is not "Baker"
    rows = [r for r in resources.known.get(key, ()) if held_on(r, day)]
    return rows[0] if rows and len({r.name for r in rows}) == 1 else None


def holder_terms(official_id: str, country: str | None,
                 known: Mapping[str, Sequence[KnownOfficial]]) -> tuple[KnownOfficial, ...]:
    """Every listed term of the person whose canonical name has the slug ``official_id``, or none.

    Only a listed name (not an alias or a surname) identifies a holder, in any year: "Joe Biden"
    is still Joe Biden after his term. A person of another country than the listed one is someone else.
    """
    # A name and an alias with the same slug ("Donald J. Trump") list a term twice under one key.
    terms = tuple(dict.fromkeys(r for r in known.get(official_id, ()) if slug(r.name) == official_id))
    if country is not None and any(r.country_iso3 not in (None, country) for r in terms):
        return ()
    return terms


def held_on(term: KnownOfficial, day: date) -> bool | None:
    """Whether ``day`` lies within the term, both ends included; None where the term's precision cannot tell."""
    earliest_start, latest_start = _period(term.term_start)
    if day < earliest_start:
        return False
    if term.term_end is not None:
        earliest_end, latest_end = _period(term.term_end)
        if day > latest_end:
            return False
        if day > earliest_end:
            return None
    return True if day >= latest_start else None


def names_office(title: str, office: str) -> bool:
    """Whether an article's ``title`` names a listed ``office``: one ends with the other, ranks alike.

    "Trade Minister" names "International Trade Minister", "Secretary" names "Treasury Secretary",
    "Chancellor" and "Chancellor of the Exchequer" name "Chancellor of the Exchequer"; "Finance Minister"
    does not name "Prime Minister", nor "Vice President" "President", nor "Minister of Finance" "Minister
    of Trade". The words before " of " are compared on both sides; when both sides have an " of " part,
    those parts must be the same.
    """
    stated, stated_of = _office_parts(title)
    listed, listed_of = _office_parts(office)
    if stated_of and listed_of and stated_of != listed_of:
        return False
    shorter, longer = sorted((stated, listed), key=len)
    return longer[len(longer) - len(shorter):] == shorter and _ranks(stated) == _ranks(listed)


def _office_parts(title: str) -> tuple[list[str], str]:
    """The words of an office before " of ", and what follows it ("chancellor", "the exchequer")."""
    head, _, domain = title.lower().partition(" of ")
    return head.split(), " ".join(domain.split())


def _ranks(words: Sequence[str]) -> frozenset[str]:
    return _LOWER_RANKS.intersection(words)


def in_office(terms: Sequence[KnownOfficial], title: str | None, day: date | None) -> bool | None:
    """Whether a listed person held the office ``title`` names on ``day``.

    The title must name one of the person's listed offices (`names_office`). True when a term of that office covers the
    day; False when every such term lies wholly before or after it; None when the day, the title or
    a matching office is missing, or a term's precision cannot tell.
    """
    if day is None or not title or not terms:
        return None
    offices = [term for term in terms if names_office(title, term.title)]
    if not offices:
        return None
    verdicts = {held_on(term, day) for term in offices}
    return True if True in verdicts else (None if None in verdicts else False)
