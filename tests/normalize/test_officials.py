"""The people and officials normalizers: grouping, coreference, countries, stable ids."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from pipeline.config import MODELS_DIR, PROJECT_ROOT
from pipeline.names import slug
from pipeline.nlp.build import build_nlp
from pipeline.nlp.mentions import doc_rows
from pipeline.normalize.known_officials import KnownOfficial, complete_name, load
from pipeline.normalize.officials import NORMALIZERS, normalize_officials, normalize_people
from pipeline.schemas import OFFICIALS, PEOPLE, conform
from pipeline.views import ArticleView, Mention, Sentence

# The country mentions the countries normalizer would give (built here so these tests need only this module).
COUNTRIES = {"Japan": "JPN", "Japan’s": "JPN", "Japanese": "JPN", "Tokyo": "JPN", "US": "USA", "U.S.": "USA",
             "Washington": "USA", "China": "CHN", "Chinese": "CHN", "New Zealand": "NZL", "EC": "EU",
             "Canada": "CAN", "Philippines": "PHL", "ISTANBUL": "TUR", "OTTAWA": "CAN", "TOKYO": "JPN"}
_COUNTRY = re.compile(r"(?<![\w.])(" + "|".join(sorted(map(re.escape, COUNTRIES), key=len, reverse=True))
                      + r")(?![\w])")


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(MODELS_DIR, ("trade_sentences_v1", "trade_people_v1"))


@pytest.fixture(scope="module")
def resources():
    return load(MODELS_DIR)


def article_inputs(nlp, text: str, published: datetime | None, *, dateline: str | None = None,
                   article_id: str = "a1"):
    """(article, mentions, sentences, done) for ``text`` as the normalize stage would pass them."""
    mention_rows, sentence_rows = doc_rows(nlp(text), article_id, "2025-05")
    mentions = sorted((Mention(r["mention_id"], r["kind"], r["text"], r["start_char"], r["end_char"],
                               r["sentence_index"], r["rule_id"], r["label"]) for r in mention_rows),
                      key=lambda m: (m.start, m.end, m.kind))
    sentences = [Sentence(r["sentence_index"], r["start_char"], r["end_char"], r["paragraph_index"])
                 for r in sentence_rows]
    countries = [{"mention_id": f"c{m.start()}", "text": m.group(1), "iso3": COUNTRIES[m.group(1)],
                  "form": "name", "is_dateline": bool(dateline) and m.group(1) == dateline,
                  "start_char": m.start(), "end_char": m.end()} for m in _COUNTRY.finditer(text)]
    article = ArticleView(article_id, text, 0, None, dateline, published)
    return article, mentions, sentences, {"countries": countries}


def officials_of(nlp, resources, text, published=datetime(2025, 5, 2, tzinfo=UTC), **kwargs):
    article, mentions, sentences, done = article_inputs(nlp, text, published, **kwargs)
    return normalize_officials(article, mentions, sentences, done, resources)


def people_of(nlp, resources, text, published=datetime(2025, 5, 2, tzinfo=UTC), **kwargs):
    article, mentions, sentences, done = article_inputs(nlp, text, published, **kwargs)
    return normalize_people(article, mentions, sentences, done, resources)


def brief(rows):
    return sorted((r["name"], r["title"], r["country_iso3"]) for r in rows)


def test_seed_article_officials(nlp, resources):
    text = (PROJECT_ROOT / "data" / "raw" / "text" / "000_fdaf5c86bb7df86d.txt").read_text(encoding="utf-8")
    rows = officials_of(nlp, resources, text)
    assert brief(rows) == [("Donald Trump", "President", "USA"),
                           ("Ryosei Akazawa", "top trade negotiator", "JPN"),
                           ("Scott Bessent", "Treasury Secretary", "USA"),
                           ("Shigeru Ishiba", "Prime Minister", "JPN")]
    assert {r["official_id"] for r in rows} == {"donald-trump", "ryosei-akazawa", "scott-bessent", "shigeru-ishiba"}
    conform("officials", [{**r, "run_id": "r", "published_month": "2025-05"} for r in rows], OFFICIALS)


def test_surname_and_cataphoric_title_mentions_join_the_person(nlp, resources):
    text = ("A deal is possible, according to Japan’s top trade negotiator.\n"
            "“It is meaningless,” Ryosei Akazawa told reporters.\n"
            "Ahead of Akazawa’s second meeting, he spoke. Akazawa said he urged them.")
    article, mentions, sentences, done = article_inputs(nlp, text, datetime(2025, 5, 2, tzinfo=UTC))
    [row] = normalize_officials(article, mentions, sentences, done, resources)
    by_id = {m.mention_id: m for m in mentions}
    assert [by_id[i].text for i in row["mention_ids"]] == ["top trade negotiator", "Ryosei Akazawa", "Akazawa",
                                                           "Akazawa"]
    assert (row["name"], row["title"], row["country_iso3"]) == ("Ryosei Akazawa", "top trade negotiator", "JPN")


def test_a_title_alone_joins_the_last_person_with_that_title(nlp, resources):
    text = ("US President Donald Trump imposed tariffs. Japanese Prime Minister Shigeru Ishiba objected.\n"
            "The president said he would not relent, and the prime minister left.")
    article, mentions, sentences, done = article_inputs(nlp, text, datetime(2025, 5, 2, tzinfo=UTC))
    rows = {r["name"]: r for r in normalize_officials(article, mentions, sentences, done, resources)}
    by_id = {m.mention_id: m.text for m in mentions}
    assert [by_id[i] for i in rows["Donald Trump"]["mention_ids"]] == ["Donald Trump", "president"]
    assert [by_id[i] for i in rows["Shigeru Ishiba"]["mention_ids"]] == ["Shigeru Ishiba", "prime minister"]


def test_an_indefinite_title_is_nobody_named(nlp, resources):
    text = "Treasury Secretary Scott Bessent met them. A spokesman for the Treasury Secretary declined to comment."
    rows = officials_of(nlp, resources, text)
    assert len(rows[0]["mention_ids"]) == 2  # the name and "the Treasury Secretary", not "A spokesman"


@pytest.mark.parametrize(
    ("text", "published", "official_id", "name"),
    [
        ("President Reagan announced the tariffs on Friday.", datetime(1987, 3, 31, tzinfo=UTC), "ronald-reagan",
         "Reagan"),
        ("President Ronald Reagan announced the tariffs on Friday.", datetime(1987, 3, 28, tzinfo=UTC),
         "ronald-reagan", "Ronald Reagan"),
        ("President Donald J. Trump signed the order.", datetime(2025, 7, 7, tzinfo=UTC), "donald-trump",
         "Donald J. Trump"),
        # Outside the years in office, or with no date, the surname is not completed.
        ("President Reagan announced the tariffs on Friday.", datetime(2025, 3, 31, tzinfo=UTC), "reagan", "Reagan"),
        ("President Reagan announced the tariffs on Friday.", None, "reagan", "Reagan"),
        ("Treasury Secretary Baker said so.", datetime(1986, 5, 1, tzinfo=UTC), "james-baker", "Baker"),
    ],
)
def test_official_id_is_the_same_person_across_articles(nlp, resources, text, published, official_id, name):
    [row] = officials_of(nlp, resources, text, published)
    assert (row["official_id"], row["name"], row["country_iso3"]) == (official_id, name, "USA")


@pytest.mark.parametrize(
    ("published", "official_id"),
    [
        (datetime(2025, 11, 4, tzinfo=UTC), "satsuki-katayama"),  # in office that year: completed
        (datetime(2021, 6, 1, tzinfo=UTC), "katayama"),  # before her tenure: left as written
    ],
)
def test_a_surname_is_completed_only_within_the_tenure(nlp, resources, published, official_id):
    [row] = officials_of(nlp, resources, "Japanese Finance Minister Katayama said the yen was too weak.", published)
    assert (row["official_id"], row["name"], row["country_iso3"]) == (official_id, "Katayama", "JPN")


def test_a_listed_official_without_a_country_cue_takes_the_listed_country(nlp, resources):
    text = "Finance Minister Dilson Funaro told reporters in Washington that Washington must help."
    [row] = officials_of(nlp, resources, text, datetime(1987, 2, 20, tzinfo=UTC))
    assert (row["official_id"], row["country_iso3"]) == ("dilson-funaro", "BRA")


# The stated scope of known_officials.csv (its header): thirteen economies and GATT/WTO, tenures that touch
# 1987 or 2021-2026.
SCOPE = {"USA", "CAN", "MEX", "CHN", "JPN", "EU", "GBR", "DEU", "FRA", "KOR", "IND", "AUS", "BRA", None}


def test_known_officials_keep_to_their_stated_scope(resources):
    rows = {row for rows in resources.known.values() for row in rows}
    assert {row.country_iso3 for row in rows} <= SCOPE
    for row in rows:
        end = row.end_year or 2026
        assert row.start_year <= end and (row.start_year <= 1987 <= end or end >= 2021), row


@pytest.mark.parametrize(
    ("text", "dateline", "expected"),
    [
        ("New Zealand trade minister Mike Moore told his colleagues.", None, ("Mike Moore", "trade minister", "NZL")),
        ("EC External Trade Commissioner Willy De Clercq wrote.", None,
         ("Willy De Clercq", "External Trade Commissioner", "EU")),
        ("China's commercial counsellor in its Washington embassy, Chen Shibiao, said so.", None,
         ("Chen Shibiao", "commercial counsellor", "CHN")),
        ("Chen Shibiao, commercial counsellor at the Chinese embassy, said so.", None,
         ("Chen Shibiao", "commercial counsellor", "CHN")),
        ("White House spokesman Marlin Fitzwater said yesterday.", None, ("Marlin Fitzwater", "spokesman", "USA")),
        ("David Wood, official spokesman of the General Agreement on Tariffs and Trade (GATT), said so.", None,
         ("David Wood", "official spokesman", None)),
        ("Meetings with the Under Secretary of Commerce, Bruce Smart, began in Tokyo.", "TOKYO",
         ("Bruce Smart", "Under Secretary of Commerce", "USA")),
        ("OTTAWA\nIn the Commons, Liberal member Lloyd Axworthy branded the U.S. ruling.", "OTTAWA",
         ("Lloyd Axworthy", "Liberal member", "CAN")),
        # a state or province before the title, and a given name before a company's name is a surname
        ("TOKYO\nOntario Premier Doug Ford said Japan's cars would face levies.", "TOKYO",
         ("Doug Ford", "Premier", "CAN")),
        ("California Governor Gavin Newsom criticised the Chinese tariffs.", None,
         ("Gavin Newsom", "Governor", "USA")),
    ],
)
def test_country_of_an_official(nlp, resources, text, dateline, expected):
    rows = officials_of(nlp, resources, text, datetime(1987, 3, 24, tzinfo=UTC), dateline=dateline)
    assert brief(rows) == [expected]


def test_his_title_takes_the_country_of_the_official_before(nlp, resources):
    text = ("Prime Minister Yasuhiro Nakasone was conciliatory. More so than his Trade and Industry Minister, "
            "Hajime Tamura, who spoke.")
    rows = officials_of(nlp, resources, text, datetime(1987, 3, 28, tzinfo=UTC))
    assert brief(rows) == [("Hajime Tamura", "Trade and Industry Minister", "JPN"),
                           ("Yasuhiro Nakasone", "Prime Minister", "JPN")]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Toyota president Akio Toyoda said sales would rise.", "Akio Toyoda", "president"),
        ("UBS analyst David Strauss said the plane was bigger.", "David Strauss", "analyst"),
        ("The AFL-CIO union leader Richard Trumka said workers would suffer.", "Richard Trumka", "union leader"),
    ],
)
def test_executives_analysts_and_union_leaders_are_people_not_officials(nlp, resources, text, name, title):
    people = people_of(nlp, resources, text)
    assert [(p["name"], p["is_official"], p["official_id"], p["title"]) for p in people] == [(name, False, None, title)]
    assert officials_of(nlp, resources, text) == []
    conform("people", [{**p, "run_id": "r", "published_month": "2025-05"} for p in people], PEOPLE)


def test_people_rows_hold_officials_and_others_with_stable_ids(nlp, resources):
    text = "Treasury Secretary Scott Bessent met Toyota president Akio Toyoda. Toyoda said Bessent listened."
    first = people_of(nlp, resources, text, article_id="a1")
    again = people_of(nlp, resources, text, article_id="a1")
    other = people_of(nlp, resources, text, article_id="a2")
    assert first == again
    ids = {p["name"]: p["person_id"] for p in first}
    assert ids["Scott Bessent"] == "scott-bessent"
    assert ids["Akio Toyoda"] != {p["name"]: p["person_id"] for p in other}["Akio Toyoda"]
    assert all(len(p["mention_ids"]) == 2 for p in first)


def test_no_names_no_rows(nlp, resources):
    assert officials_of(nlp, resources, "Imports rose sharply. Officials said so.") == []
    assert people_of(nlp, resources, "Imports rose sharply. Officials said so.") == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Donald J. Trump", "donald-trump"), ("Willy de Clercq", "willy-de-clercq"),
     ("Willy De Clercq", "willy-de-clercq"), ("José Manuel Barroso", "jose-manuel-barroso"), ("Akazawa’s", "akazawa"),
     ("Ngozi Okonjo-Iweala", "ngozi-okonjo-iweala")],
)
def test_slug(name, expected):
    assert slug(name) == expected


KNOWN = {slug("Bush"): (KnownOfficial("George H. W. Bush", "Vice President", "USA", None, "1981", "1988"),
                        KnownOfficial("George H. W. Bush", "President", "USA", None, "1989", "1993"),
                        KnownOfficial("George W. Bush", "President", "USA", None, "2001", "2009")),
         slug("Li"): (KnownOfficial("Li Qiang", "Premier", "CHN", None, "2023", None),
                      KnownOfficial("Li Chenggang", "International Trade Representative", "CHN", None, "2025", None))}


@pytest.mark.parametrize(
    ("name", "title", "year", "expected"),
    [("Bush", "President", 1990, "George H. W. Bush"), ("Bush", "President", 2005, "George W. Bush"),
     ("Bush", "President", 1995, None), ("Bush", None, None, None), ("Li", "Premier", 2025, "Li Qiang"),
     ("Li", None, 2025, None)],
)
def test_complete_name_needs_the_years_and_one_candidate(name, title, year, expected):
    found = complete_name(name, title, None, year, KNOWN)
    assert (found.name if found else None) == expected


def test_normalizers_are_people_then_officials():
    assert [n.table for n in NORMALIZERS] == ["people", "officials"]


# -- 2025 copy: former offices, family-name-first names ---------------------------------------------------

def test_a_former_president_is_an_official_flagged_former(nlp, resources):
    text = ("The duties were first imposed by former President Joe Biden in 2024. Biden said they protected "
            "workers. President Donald Trump raised them.")
    rows = {r["name"]: r for r in officials_of(nlp, resources, text)}
    assert (rows["Joe Biden"]["is_former"], rows["Joe Biden"]["title"], rows["Joe Biden"]["country_iso3"]) \
        == (True, "President", "USA")
    assert len(rows["Joe Biden"]["mention_ids"]) == 2  # "Biden" joins him
    assert rows["Donald Trump"]["is_former"] is False
    conform("officials", [{**r, "run_id": "r", "published_month": "2025-05"} for r in rows.values()], OFFICIALS)


@pytest.mark.parametrize(
    ("text", "name", "official_id"),
    [
        ("Taiwan's chief trade negotiator Kuo Jyh-huei said talks would go on. Kuo told reporters the island "
         "would not retaliate.", "Kuo Jyh-huei", "kuo-jyh-huei"),
        ("President Lee Jae-myung said the deal was fair. Lee added that Seoul would invest.",
         "Lee Jae-myung", "lee-jae-myung"),
        ("Chinese President Xi Jinping met the delegation. Xi said China would buy soybeans.",
         "Xi Jinping", "xi-jinping"),
    ],
)
def test_family_name_first_names_are_kept_whole_and_named_by_the_family_name(nlp, resources, text, name,
                                                                              official_id):
    rows = officials_of(nlp, resources, text)
    assert [(r["name"], r["official_id"], len(r["mention_ids"])) for r in rows] == [(name, official_id, 2)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A second tenure: the listed holder, in office on the day.
        ("President Donald Trump said tariffs would rise.", datetime(2025, 5, 2, tzinfo=UTC),
         ("donald-trump", "Q22686", True)),
        # Between the two tenures the full name still identifies him, out of office.
        ("Former President Donald Trump said tariffs would rise.", datetime(2023, 5, 2, tzinfo=UTC),
         ("donald-trump", "Q22686", False)),
        # After a term that ended: is_former and in_office agree.
        ("Former President Joe Biden said so.", datetime(2025, 5, 2, tzinfo=UTC), ("joe-biden", "Q6279", False)),
        # No date: no verdict.
        ("President Donald Trump said tariffs would rise.", None, ("donald-trump", "Q22686", None)),
        # Holders whose items come from a cabinet's and a legislature's list; Sunak's one item covers both offices.
        ("Japanese Prime Minister Fumio Kishida said so.", datetime(2022, 6, 1, tzinfo=UTC),
         ("fumio-kishida", "Q359480", True)),
        ("British Prime Minister Rishi Sunak said so.", datetime(2021, 6, 1, tzinfo=UTC),
         ("rishi-sunak", "Q20055561", False)),
        # Items found through a legislature list's member id and its reconciliation table.
        ("Australian Treasurer Jim Chalmers said so.", datetime(2023, 2, 1, tzinfo=UTC),
         ("jim-chalmers", "Q16217223", True)),
        ("South Korean President Moon Jae-in said so.", datetime(2022, 6, 1, tzinfo=UTC),
         ("moon-jae-in", "Q21001", False)),
        # Not a listed office-holder.
        ("New Zealand trade minister Mike Moore told his colleagues.", datetime(1987, 3, 24, tzinfo=UTC),
         ("mike-moore", None, None)),
    ],
)
def test_officials_carry_the_wikidata_item_and_whether_in_office(nlp, resources, text, published, expected):
    rows = officials_of(nlp, resources, text, published)
    assert [(r["official_id"], r["wikidata_qid"], r["in_office"]) for r in rows] == [expected]
    conform("officials", [{**r, "run_id": "r", "published_month": "2025-05"} for r in rows], OFFICIALS)


def test_a_region_that_is_also_a_country_or_capital_is_no_region(resources):
    # "Georgia" is a country and "Washington" a capital: before a title they say nothing as a state
    assert resources.regions["California"] == "USA" and resources.regions["Ontario"] == "CAN"
    assert "Georgia" not in resources.regions and "Washington" not in resources.regions



# -- a listed office-holder named with no title ------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Ottawa answered Trump's tariffs on steel.", datetime(2025, 5, 2, tzinfo=UTC),
         [("Trump", "donald-trump", "USA", None, False)]),
        ("Donald Trump's pledge of tariffs rattled markets.", datetime(2025, 5, 2, tzinfo=UTC),
         [("Donald Trump", "donald-trump", "USA", None, False)]),
        # the office's country, not the country named next to the name
        ("Trump slaps tariffs on Canadian lumber", datetime(2025, 5, 2, tzinfo=UTC),
         [("Trump", "donald-trump", "USA", None, False)]),
        ("Markets fell after Carney's remarks on lumber.", datetime(2025, 5, 2, tzinfo=UTC),
         [("Carney", "mark-carney", "CAN", None, False)]),
        # out of office on the day: Carney took office on 2025-03-14, Biden left it on 2025-01-20
        ("Markets fell after Carney's remarks on lumber.", datetime(2025, 3, 1, tzinfo=UTC), []),
        ("Biden's tariffs on steel stay, officials said.", datetime(2025, 5, 2, tzinfo=UTC), []),
        ("Biden's tariffs on steel stay, officials said.", datetime(2024, 5, 2, tzinfo=UTC),
         [("Biden", "joe-biden", "USA", None, False)]),
        # the family and the firms
        ("Melania Trump and Eric Trump visited Trump Tower.", datetime(2025, 5, 2, tzinfo=UTC), []),
        ("Donald Trump Jr. said Trump Media would grow.", datetime(2025, 5, 2, tzinfo=UTC), []),
        ("Trump's tariffs came up.", None, []),
        # a firm named after a surname
        ("Carney Industrial Corp said it would merge. Carney said the deal was off.",
         datetime(2025, 5, 2, tzinfo=UTC), []),
        # initials of another given name
        ("D. J. Carney, a lawyer for the firm, said so.", datetime(2025, 5, 2, tzinfo=UTC), []),
        # a government body named after the office-holder is no firm: the bare name is still the holder
        ("Grain traders fretted over the Carney Government's levy. Carney plans to lift it in June.",
         datetime(2025, 5, 2, tzinfo=UTC), [("Carney", "mark-carney", "CAN", None, False)]),
    ],
)
def test_a_listed_name_without_title_is_the_official_in_office(nlp, resources, text, published, expected):
    rows = officials_of(nlp, resources, text, published)
    assert [(r["name"], r["official_id"], r["country_iso3"], r["title"], r["is_former"]) for r in rows] == expected
    people = people_of(nlp, resources, text, published)
    assert all(p["is_official"] == (p["name"] in [e[0] for e in expected]) for p in people)


def test_a_stated_title_keeps_deciding(nlp, resources):
    # A title other than a government office makes a person, even for a listed name in office.
    rows = officials_of(nlp, resources, "Company chairman Donald Trump bought a tower.")
    assert rows == []
