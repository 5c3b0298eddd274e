"""Country mentions → ``countries`` rows: ISO code, form, and whether the mention is the dateline.

The extract stage labels each ``country`` mention ``ISO3:form`` (see
`pipeline.nlp.countries`); this module turns those into rows, marks the
mentions inside the article's dateline line (``is_dateline``), and applies
the date-dependent codes of ``models/countries/successions.csv`` ("Moscow"
in 1987 is the Soviet government, SUN). Each row carries the Wikidata item of
its code (``models/countries/wikidata.csv``), the identifier researchers join
other data on.

Which rows say what a story is about: a dateline names the desk's place, and
a capital used as a mere place ("talks in Tokyo", form ``capital``) names a
city, not a government. Consumers that want the countries an article refers
to (``evaluate``, ``events``) keep rows with ``is_dateline`` false and form
other than ``capital`` and ``city``; a country whose only rows are dateline
rows ("ISTANBUL" over a story about Japan) is not a country of the story.
Dateline cities that are not capitals (form ``city``) are kept only inside
the dateline.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.normalize.registry import Normalizer
from pipeline.rulefiles import read_rows
from pipeline.views import ArticleView, Mention, Sentence

FORMS = ("name", "abbreviation", "demonym", "government", "capital", "city")
# Forms that name a place rather than the country or its government.
PLACE_FORMS = frozenset({"capital", "city"})
QID = re.compile(r"Q[1-9][0-9]*")


@dataclass(frozen=True, slots=True)
class Succession:
    """Before ``until``, a mention of ``iso3`` in one of ``forms`` stands for ``historic_iso3``."""

    iso3: str
    until: date
    historic_iso3: str
    forms: frozenset[str]


@dataclass(frozen=True, slots=True)
class CountryRules:
    """What the countries normalizer reads: the dated codes, and the Wikidata item of each code."""

    successions: tuple[Succession, ...] = ()
    wikidata: Mapping[str, str] = field(default_factory=dict)  # code → QID ("JPN" → "Q17")


def load_countries(models_dir: Path) -> CountryRules:
    """Read ``models_dir/countries/successions.csv`` and ``wikidata.csv``."""
    return CountryRules(_load_successions(models_dir / "countries" / "successions.csv"),
                        load_wikidata(models_dir / "countries" / "wikidata.csv"))


def load_wikidata(path: Path) -> dict[str, str]:
    """Code → Wikidata QID from ``wikidata.csv``; a code listed twice or a malformed QID fails naming it."""
    out: dict[str, str] = {}
    for row in read_rows(path):
        code, qid = row["iso3"], row["wikidata_qid"]
        if code in out:
            raise ValueError(f"{path.name}: code {code!r} is listed twice")
        if qid and not QID.fullmatch(qid):
            raise ValueError(f"{path.name}: {code} has {qid!r}, not a Wikidata QID (Q and digits)")
        if qid:
            out[code] = qid
    return out


def _load_successions(path: Path) -> tuple[Succession, ...]:
    out = []
    for row in read_rows(path):  # names the file and line of a row short of a column
        forms = frozenset(row["forms"].split(";"))
        if not forms <= set(FORMS):
            raise ValueError(f"{path.name}: forms {row['forms']!r} of {row['iso3']} must be among {FORMS}")
        out.append(Succession(row["iso3"], date.fromisoformat(row["until"]), row["historic_iso3"], forms))
    return tuple(out)


def parse_label(mention: Mention) -> tuple[str, str]:
    """``(iso3, form)`` from a country mention's ``ISO3:form`` label; refuses any other label."""
    iso3, _, form = (mention.label or "").partition(":")
    if not iso3 or form not in FORMS:
        raise ValueError(f"country mention {mention.mention_id} {mention.text!r} has label {mention.label!r}; "
                         f"expected ISO3:form with form in {FORMS}")
    return iso3, form


def dateline_range(article: ArticleView) -> tuple[int, int] | None:
    """Character range of the dateline line (the line just before ``body_start``), or None."""
    if not article.dateline or article.body_start <= 0:
        return None
    end = article.body_start - 1
    start = article.text.rfind("\n", 0, end) + 1
    if article.text[start:end] != article.dateline:
        return None  # the layout does not hold a dateline line here
    return start, end


def code_on(iso3: str, form: str, published: date | None, successions: Sequence[Succession]) -> str:
    """The code a mention stands for on its publication date (unknown date: today's code)."""
    if published is not None:
        for succession in successions:
            if succession.iso3 == iso3 and form in succession.forms and published < succession.until:
                return succession.historic_iso3
    return iso3


def normalize_countries(article: ArticleView, mentions: Sequence[Mention], sentences: Sequence[Sentence],
                        done: Mapping[str, list[dict[str, Any]]], resources: Any) -> list[dict[str, Any]]:
    """One ``countries`` row per country mention of ``article`` (dateline cities only in the dateline)."""
    rules: CountryRules = resources or CountryRules()
    dateline = dateline_range(article)
    published = article.published_at.date() if article.published_at else None
    rows = []
    for mention in mentions:
        if mention.kind != "country":
            continue
        iso3, form = parse_label(mention)
        is_dateline = dateline is not None and dateline[0] <= mention.start and mention.end <= dateline[1]
        if form == "city" and not is_dateline:
            continue  # a dateline city elsewhere is just a place
        if is_dateline and form == "government":
            form = "capital"  # a dateline names the desk's place, never a government
        code = code_on(iso3, form, published, rules.successions)
        rows.append({
            "article_id": article.article_id, "mention_id": mention.mention_id, "text": mention.text,
            "iso3": code, "wikidata_qid": rules.wikidata.get(code), "form": form, "is_dateline": is_dateline,
            "start_char": mention.start, "end_char": mention.end,
        })
    return rows


def story_countries(rows: Sequence[Mapping[str, Any]]) -> set[str]:
    """The codes an article refers to: rows that are neither the dateline nor a mere place."""
    return {row["iso3"] for row in rows if not row["is_dateline"] and row["form"] not in PLACE_FORMS}


NORMALIZER = Normalizer("countries", normalize_countries, load_countries)
