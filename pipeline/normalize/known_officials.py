"""What the people and officials normalizers read from ``models/people/``: known officials, titles, bodies.

``known_officials.csv`` lists people in office with their years; `complete_name` finds the one a
name stands for in an article's year ("President Reagan" in 1987 → Ronald Reagan).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.names import slug


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
