"""The countries normalizer: rows from country mentions, datelines, place forms and dated codes."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from pipeline.articles import assemble
from pipeline.config import MODELS_DIR, PROJECT_ROOT, make_settings
from pipeline.nlp.build import build_nlp
from pipeline.nlp.mentions import doc_rows
from pipeline.normalize.countries import (
    NORMALIZER, Succession, code_on, dateline_range, load_countries, normalize_countries, story_countries)
from pipeline.schemas import conform
from pipeline.views import ArticleView, Mention
from tests.conftest import needs_shared

TEXT = "Japan urges US\n\nISTANBUL\nJapan asked Washington in Tokyo.\nNEW YORK, he said."
BODY_START = TEXT.index("Japan asked")


def article(text=TEXT, *, body_start=BODY_START, dateline="ISTANBUL", published=datetime(2025, 5, 2, tzinfo=UTC)):
    return ArticleView("a1", text, body_start, text.split("\n")[0], dateline, published)


def mention(text, label, *, source=TEXT, occurrence=0, kind="country"):
    start = -1
    for _ in range(occurrence + 1):
        start = source.index(text, start + 1)
    return Mention(f"m{start}", kind, text, start, start + len(text), 0, "test", label)


def rows_of(view, mentions, resources=()):
    return [(r["text"], r["iso3"], r["form"], r["is_dateline"])
            for r in normalize_countries(view, mentions, [], {}, resources)]


def test_rows_mark_the_dateline_and_keep_forms():
    mentions = [mention("Japan", "JPN:name"), mention("US", "USA:abbreviation"), mention("ISTANBUL", "TUR:city"),
                mention("Japan", "JPN:name", occurrence=1), mention("Washington", "USA:government"),
                mention("Tokyo", "JPN:capital")]
    assert rows_of(article(), mentions) == [
        ("Japan", "JPN", "name", False), ("US", "USA", "abbreviation", False), ("ISTANBUL", "TUR", "city", True),
        ("Japan", "JPN", "name", False), ("Washington", "USA", "government", False),
        ("Tokyo", "JPN", "capital", False)]


def test_a_dateline_city_outside_the_dateline_is_dropped():
    assert rows_of(article(), [mention("NEW YORK", "USA:city")]) == []


def test_a_capital_in_the_dateline_is_a_place():
    text = "Japan urges US\n\nTOKYO, May 2\nJapan asked."
    view = article(text, body_start=text.index("Japan asked"), dateline="TOKYO, May 2")
    assert rows_of(view, [mention("TOKYO", "JPN:government", source=text)]) == [("TOKYO", "JPN", "capital", True)]


@pytest.mark.parametrize(
    ("text", "body_start", "dateline", "expected"),
    [
        (TEXT, BODY_START, "ISTANBUL", (TEXT.index("ISTANBUL"), TEXT.index("ISTANBUL") + 8)),
        (TEXT, BODY_START, None, None),  # no dateline: the line before the body is blank
        ("Head\n\nBody only.", 6, None, None),
        (TEXT, BODY_START, "ANKARA", None),  # the layout does not hold this dateline
    ],
)
def test_dateline_range(text, body_start, dateline, expected):
    assert dateline_range(article(text, body_start=body_start, dateline=dateline)) == expected


def test_other_kinds_are_ignored():
    assert rows_of(article(), [mention("Japan", "Japan", kind="organization")]) == []


@pytest.mark.parametrize("label", [None, "JPN", "JPN:country", ":name"])
def test_a_malformed_label_is_refused_with_the_mention_named(label):
    with pytest.raises(ValueError, match="'Japan' has label"):
        normalize_countries(article(), [mention("Japan", label)], [], {}, ())


SOVIET = (Succession("RUS", date(1991, 12, 26), "SUN", frozenset({"government", "capital"})),)


@pytest.mark.parametrize(
    ("iso3", "form", "published", "expected"),
    [
        ("RUS", "government", date(1987, 3, 3), "SUN"),  # "Moscow said" in 1987
        ("RUS", "capital", date(1987, 3, 3), "SUN"),
        ("RUS", "government", date(2025, 5, 2), "RUS"),
        ("RUS", "name", date(1987, 3, 3), "RUS"),  # only the forms listed change
        ("RUS", "government", None, "RUS"),  # no date: today's code
        ("JPN", "government", date(1987, 3, 3), "JPN"),
    ],
)
def test_code_on_publication_date(iso3, form, published, expected):
    assert code_on(iso3, form, published, SOVIET) == expected


@pytest.mark.parametrize(
    ("iso3", "published", "expected"),
    [
        ("RUS", date(1987, 3, 3), "SUN"),  # Moscow
        ("CZE", date(1987, 3, 3), "CSK"),  # Prague
        ("CZE", date(1995, 1, 1), "CZE"),
        ("SRB", date(1987, 3, 3), "YUG"),  # Belgrade
        ("SRB", date(2025, 5, 2), "SRB"),
    ],
)
def test_shipped_successions(iso3, published, expected):
    assert code_on(iso3, "government", published, load_countries(MODELS_DIR).successions) == expected


def test_story_countries_leave_out_datelines_and_places():
    mentions = [mention("ISTANBUL", "TUR:city"), mention("Japan", "JPN:name"), mention("Washington", "USA:capital")]
    rows = normalize_countries(article(), mentions, [], {}, ())
    assert story_countries(rows) == {"JPN"}


def test_rows_conform_to_the_countries_schema():
    rows = normalize_countries(article(), [mention("Japan", "JPN:name"), mention("ISTANBUL", "TUR:city")], [], {}, ())
    table = conform("countries", [dict(row, run_id="r", published_month="2025-05") for row in rows])
    assert table.num_rows == 2
    assert NORMALIZER.table == "countries" and NORMALIZER.load is load_countries


# -- end to end: the seed article through ingest's layout, extract and this normalizer ------------------------

def countries_of(raw_article, nlp, resources):
    row = assemble(raw_article, "run")
    mentions, _ = doc_rows(nlp(row["text"]), row["article_id"], row["published_month"])
    view = ArticleView(row["article_id"], row["text"], row["body_start"], row["headline"], row["dateline"],
                       row["published_at"])
    typed = [Mention(m["mention_id"], m["kind"], m["text"], m["start_char"], m["end_char"], m["sentence_index"],
                     m["rule_id"], m["label"]) for m in mentions]
    return normalize_countries(view, typed, [], {}, resources)


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(MODELS_DIR)


def test_seed_article(nlp):
    from pipeline.readers.text import read

    path = PROJECT_ROOT / "data" / "raw" / "text" / "000_fdaf5c86bb7df86d.txt"
    (raw,) = read(path, path.name, make_settings())
    rows = countries_of(raw, nlp, load_countries(MODELS_DIR))
    assert story_countries(rows) == {"JPN", "USA", "CHN", "PHL", "CAN"}
    assert [(r["text"], r["is_dateline"]) for r in rows if r["iso3"] == "TUR"] == [("ISTANBUL", True)]
    governments = {(r["text"], r["iso3"]) for r in rows if r["form"] == "government"}
    assert {("Tokyo", "JPN"), ("Washington", "USA")} <= governments


@pytest.mark.slow
def test_trade_gold_countries(nlp):
    """Countries F1 on the trade gold (dateline and place rows left out) stays at least 0.95."""
    import json

    from pipeline.readers import read_file

    gold_path = needs_shared("gold", "trade-dev.jsonl")
    gold = {g["source_id"]: set(g["countries"]) for g in map(json.loads, gold_path.read_text().splitlines())}
    corpus = needs_shared("corpus")
    files = sorted((corpus / "reuters21578").glob("reut2-*.sgm")) + [corpus / "whitehouse" / "whitehouse_trade.jsonl"]
    files.append(needs_shared("seeds") / "000_fdaf5c86bb7df86d.txt")
    resources = load_countries(MODELS_DIR)
    found: dict[str, set[str]] = {}
    settings = make_settings()
    for path in files:
        for item in read_file(Path(path), Path(path).name, settings):
            if getattr(item, "source_id", None) in gold:
                found[item.source_id] = story_countries(countries_of(item, nlp, resources))
    assert set(found) == set(gold)
    tp = sum(len(found[k] & gold[k]) for k in gold)
    fp = sum(len(found[k] - gold[k]) for k in gold)
    fn = sum(len(gold[k] - found[k]) for k in gold)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.95, {k: (sorted(found[k] - gold[k]), sorted(gold[k] - found[k])) for k in gold}
