"""Wikidata identifiers: the code list of the countries table, and the terms of known office-holders."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from pipeline.config import MODELS_DIR
from pipeline.names import slug
from pipeline.normalize.countries import load_countries, load_wikidata, normalize_countries
from pipeline.normalize.known_officials import KnownOfficial, held_on, holder_terms, in_office, load, names_office
from pipeline.rulefiles import read_rows
from pipeline.views import ArticleView, Mention

COUNTRY_DIR = MODELS_DIR / "countries"
QID = re.compile(r"Q[1-9][0-9]*")


def emitted_codes() -> set[str]:
    """Every code the countries table can carry: ISO 3166-1 and the codes of the other country files."""
    codes = {row["iso3"] for row in read_rows(COUNTRY_DIR / "countries.csv")}
    for name in ("aliases.csv", "demonyms.csv", "capitals.csv"):
        codes |= {row["iso3"] for row in read_rows(COUNTRY_DIR / name)}
    codes |= {row["historic_iso3"] for row in read_rows(COUNTRY_DIR / "successions.csv")}
    return codes


def test_every_emitted_code_has_one_wellformed_qid():
    rows = read_rows(COUNTRY_DIR / "wikidata.csv")
    codes = [row["iso3"] for row in rows]
    assert len(codes) == len(set(codes))
    assert emitted_codes() <= set(codes)
    malformed = [row for row in rows if not QID.fullmatch(row["wikidata_qid"])]
    assert malformed == []
    qids = [row["wikidata_qid"] for row in rows]
    assert len(qids) == len(set(qids)), "two codes share a Wikidata item"


@pytest.mark.parametrize(("code", "qid"), [("USA", "Q30"), ("JPN", "Q17"), ("CHN", "Q148"), ("DEU", "Q183"),
                                           ("GBR", "Q145"), ("EU", "Q458"), ("SUN", "Q15180")])
def test_well_known_items(code, qid):
    assert load_wikidata(COUNTRY_DIR / "wikidata.csv")[code] == qid


def test_a_malformed_qid_is_refused(tmp_path):
    path = tmp_path / "wikidata.csv"
    path.write_text("iso3,wikidata_qid,name\nJPN,17,Japan\n", encoding="utf-8")
    with pytest.raises(ValueError, match="JPN"):
        load_wikidata(path)


def test_country_rows_carry_the_qid_of_their_dated_code():
    text = "Moscow and Japan"
    view = ArticleView("a1", text, 0, None, None, datetime(1987, 3, 3, tzinfo=UTC))
    mentions = [Mention("m1", "country", "Moscow", 0, 6, 0, "test", "RUS:government"),
                Mention("m2", "country", "Japan", 11, 16, 0, "test", "JPN:name")]
    rows = normalize_countries(view, mentions, [], {}, load_countries(MODELS_DIR))
    assert [(r["iso3"], r["wikidata_qid"]) for r in rows] == [("SUN", "Q15180"), ("JPN", "Q17")]


# -- known office-holders ---------------------------------------------------------

@pytest.fixture(scope="module")
def known():
    return load(MODELS_DIR).known


def test_every_row_has_a_term_and_one_person_has_one_qid(known):
    rows = {row for rows in known.values() for row in rows}
    by_name: dict[str, set] = {}
    for row in rows:
        assert row.term_end is None or row.term_start <= row.term_end, row
        by_name.setdefault(row.name, set()).add(row.wikidata_qid)
    assert all(len(qids - {None}) <= 1 for qids in by_name.values()), by_name
    people = [name for name, qids in by_name.items() if qids - {None}]
    qids = [next(iter(by_name[name] - {None})) for name in people]
    assert len(qids) == len(set(qids)), "two people share a Wikidata item"


def test_the_shipped_list_gives_wellformed_items_one_per_person():
    # Read the file itself, not the loader: a row the loader would merge or drop must fail here too.
    rows = read_rows(MODELS_DIR / "people" / "known_officials.csv")
    given = [row for row in rows if row["wikidata_qid"]]
    assert [row["name"] for row in given if not QID.fullmatch(row["wikidata_qid"])] == []
    items_of: dict[str, set[str]] = {}
    people_of: dict[str, set[str]] = {}
    for row in given:
        items_of.setdefault(row["name"], set()).add(row["wikidata_qid"])
        people_of.setdefault(row["wikidata_qid"], set()).add(row["name"])
    assert {name: qids for name, qids in items_of.items() if len(qids) > 1} == {}, "a person with two items"
    assert {qid: names for qid, names in people_of.items() if len(names) > 1} == {}, "two people share an item"
    # A person listed with an item carries it on every row: no tenure of theirs is left without it.
    assert [row["name"] for row in rows if not row["wikidata_qid"] and row["name"] in items_of] == []


@pytest.mark.parametrize(
    ("name", "country", "qid"),
    [("Angela Merkel", "DEU", "Q567"), ("Fumio Kishida", "JPN", "Q359480"), ("Rishi Sunak", "GBR", "Q20055561"),
     ("Chrystia Freeland", "CAN", "Q4492815"), ("Bruno Le Maire", "FRA", "Q993472"),
     ("Anthony Albanese", "AUS", "Q335697")],
)
def test_listed_holders_carry_their_item(known, name, country, qid):
    assert {t.wikidata_qid for t in holder_terms(slug(name), country, known)} == {qid}


TRUMP = (KnownOfficial("Donald Trump", "President", "USA", "Q22686", "2017-01-20", "2021-01-20"),
         KnownOfficial("Donald Trump", "President", "USA", "Q22686", "2025-01-20", None))


@pytest.mark.parametrize(
    ("day", "expected"),
    [(date(2019, 6, 1), True), (date(2021, 1, 20), True), (date(2021, 1, 21), False), (date(2023, 5, 1), False),
     (date(2025, 1, 20), True), (date(2025, 5, 2), True), (date(2016, 11, 9), False), (None, None)],
)
def test_in_office_over_two_tenures(day, expected):
    assert in_office(TRUMP, "President", day) is expected


@pytest.mark.parametrize(
    ("title", "office", "expected"),
    [("Trade Minister", "International Trade Minister", True), ("Secretary", "Treasury Secretary", True),
     ("Chancellor", "Chancellor of the Exchequer", True), ("president", "President of the European Commission", True),
     ("Finance Minister", "Prime Minister", False), ("Vice President", "President", False),
     ("Vice Premier", "Vice Premier", True), ("Premier", "Vice Premier", False),
     ("Chancellor of the Exchequer", "Chancellor of the Exchequer", True),
     ("President of the European Commission", "President of the European Commission", True),
     ("Minister of Finance", "Minister of Trade", False)],
)
def test_names_office(title, office, expected):
    assert names_office(title, office) is expected


def test_in_office_needs_the_same_office():
    assert in_office(TRUMP, "Vice President", date(2019, 6, 1)) is None
    assert in_office(TRUMP, "Treasury Secretary", date(2019, 6, 1)) is None
    assert in_office(TRUMP, None, date(2019, 6, 1)) is None
    assert in_office((), "President", date(2019, 6, 1)) is None


@pytest.mark.parametrize(
    ("start", "end", "day", "expected"),
    [("1987-10", "1989", date(1987, 10, 15), None), ("1987-10", "1989", date(1987, 11, 1), True),
     ("1987-10", "1989", date(1989, 6, 1), None), ("1987-10", "1989", date(1990, 1, 1), False),
     ("1987-10", "1989", date(1987, 9, 30), False)],
)
def test_a_term_known_to_the_month_or_year_cannot_tell_inside_that_period(start, end, day, expected):
    assert held_on(KnownOfficial("X Y", "Commerce Secretary", "USA", None, start, end), day) is expected


def test_the_shipped_list_knows_both_trump_tenures(known):
    terms = holder_terms("donald-trump", "USA", known)
    assert len(terms) == 2 and {t.wikidata_qid for t in terms} == {"Q22686"}
    assert in_office(terms, "President", date(2019, 6, 1)) is True
    assert in_office(terms, "President", date(2023, 5, 1)) is False
    assert holder_terms("donald-trump", "CAN", known) == ()
    assert holder_terms(slug("Trump"), None, known) == ()  # a surname alone identifies no one


def test_a_malformed_term_is_refused(tmp_path):
    people = tmp_path / "people"
    people.mkdir()
    for name in ("titles.csv", "organizations.csv", "name_parts.csv", "common_words.txt", "given_names.txt"):
        (people / name).write_bytes((MODELS_DIR / "people" / name).read_bytes())
    (people / "known_officials.csv").write_text(
        "name,aliases,title,country_iso3,wikidata_qid,term_start,term_end,source\n"
        "Jane Roe,Roe,President,USA,,2021-13,,test\n", encoding="utf-8")
    with pytest.raises(ValueError, match="term_start"):
        load(tmp_path)
