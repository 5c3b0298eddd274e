"""Wire copy: inline datelines, bylines, tickers and boilerplate taken out of bodies (models/wire, readers/wire.py).

Every text here is made up in the style of a scraped 2025 news feed; the
fixture ``tests/fixtures/wire/feed_style.jsonl`` holds whole records of it.
"""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from pipeline.articles import clean_body
from pipeline.config import MODELS_DIR, PROJECT_ROOT, make_settings
from pipeline.readers.wire import load_wire_rules, normalize_wire, without_insertions
from pipeline.runner import run_stages
from pipeline.stages.registry import STAGES

FIXTURE = PROJECT_ROOT / "tests" / "fixtures" / "wire" / "feed_style.jsonl"


@pytest.fixture(scope="module")
def rules():
    return load_wire_rules(MODELS_DIR)


@pytest.mark.parametrize(("body", "dateline", "first_words"), [
    ("BEIJING (Reuters) - China said on Monday it would reply.", "BEIJING (Reuters)", "China said"),
    ("WASHINGTON/BRUSSELS, April 7 (Reuters) - The trade war grew.", "WASHINGTON/BRUSSELS, April 7 (Reuters)",
     "The trade war"),
    ("Feb 11 (Reuters) - Example Corp Q4 revenue USD 12 million.", "Feb 11 (Reuters)", "Example Corp"),
    ("(Reuters) -A federal judge declined to act.", "(Reuters)", "A federal judge"),
    ("SCOTTSDALE, Ariz. (AP) — A plane landed.", "SCOTTSDALE, Ariz. (AP)", "A plane"),
    ("McALLEN, Texas (AP) — A county voted.", "McALLEN, Texas (AP)", "A county"),
    ("PARIS (AFP) - France backed the plan.", "PARIS (AFP)", "France backed"),
    ("(Bloomberg) -- Copper rose.", "(Bloomberg)", "Copper rose"),
    ("OTTAWA--President Trump said Canada would pay.", "OTTAWA", "President Trump said"),
    ("WINNIPEG, Manitoba--Canola futures rose.", "WINNIPEG, Manitoba", "Canola futures"),
    ("ANKARA (AA) - Exports rose.", "ANKARA (AA)", "Exports rose"),
    ("BEIJING, Feb. 10 (Xinhua) -- China will respond.", "BEIJING, Feb. 10 (Xinhua)", "China will"),
    ("TOKYO, Feb. 10 (Kyodo) -- Japan will ask.", "TOKYO, Feb. 10 (Kyodo)", "Japan will"),
    ("SEOUL, Feb. 10 (Yonhap) -- Seoul met.", "SEOUL, Feb. 10 (Yonhap)", "Seoul met"),
    ("HOUSTON (ICIS)–The US duties will bite.", "HOUSTON (ICIS)", "The US duties"),
    ("NEW DELHI (PTI) - India is studying it.", "NEW DELHI (PTI)", "India is"),
    ("WASHINGTON (NEXSTAR) — Lawmakers asked.", "WASHINGTON (NEXSTAR)", "Lawmakers asked"),
    ("(KTLA) – A studio changed course.", "(KTLA)", "A studio"),
    ("BOSTON, Feb. 11, 2025 (GLOBE NEWSWIRE) — Example Inc. announced.", "BOSTON, Feb. 11, 2025 (GLOBE NEWSWIRE)",
     "Example Inc."),
    ("NEW YORK, Feb. 7, 2025 /PRNewswire/ -- A firm said.", "NEW YORK, Feb. 7, 2025 /PRNewswire/", "A firm"),
    ("MIAMI--(BUSINESS WIRE)--February 12, 2025--Example reported.", "MIAMI--(BUSINESS WIRE)--February 12, 2025",
     "Example reported"),
    ("TOKYO, Feb 13, 2025 - (JCN Newswire) - Example Motor said.", "TOKYO, Feb 13, 2025 - (JCN Newswire)",
     "Example Motor"),
    ("Investing.com -- Stocks rose on Monday.", "Investing.com", "Stocks rose"),
    # The headline repeated as the first paragraph: the dateline is found in the second.
    ("US duties hit imports\nHOUSTON (ICIS)–The duties bite.", "HOUSTON (ICIS)", "US duties hit imports\nThe duties"),
])
def test_an_inline_dateline_becomes_the_dateline_and_leaves_the_body(rules, body, dateline, first_words):
    copy = normalize_wire(body, rules)
    assert copy.dateline == dateline
    assert copy.body.startswith(first_words)


@pytest.mark.parametrize(("body", "byline", "dateline", "first_words"), [
    ("By Svea Example-Smith NEW YORK (Reuters) - An investor said.", "Svea Example-Smith", "NEW YORK (Reuters)",
     "An investor"),
    ("By Ann Lee and Bob Stone WASHINGTON (Reuters) - The EU said.", "Ann Lee and Bob Stone", "WASHINGTON (Reuters)",
     "The EU said"),
    ("By Ann Lee, Bo Park and Cy Dale (Reuters) - Orders were signed.", "Ann Lee, Bo Park and Cy Dale", "(Reuters)",
     "Orders were"),
    ("By P.J. Example and Leah Doe CHICAGO (Reuters) -Funding froze.", "P.J. Example and Leah Doe",
     "CHICAGO (Reuters)", "Funding froze"),
    ("By Paul Stone\nOTTAWA--President Trump said so.", "Paul Stone", "OTTAWA", "President Trump said"),
    ("By Peter C. Example\nThe price index rose.", "Peter C. Example", None, "The price index"),
    ("By Jane Doe, Reuters\nMarkets fell.", "Jane Doe", None, "Markets fell"),
])
def test_a_byline_becomes_the_byline(rules, body, byline, dateline, first_words):
    copy = normalize_wire(body, rules)
    assert (copy.byline, copy.dateline) == (byline, dateline)
    assert copy.body.startswith(first_words) and "By " not in copy.body


def test_a_byline_paragraph_further_down_is_removed_but_not_kept(rules):
    copy = normalize_wire("First story text.\nSecond item.\nMore.\nBy Rae Example\nThe second story.", rules)
    assert copy.byline is None
    assert copy.body == "First story text.\nSecond item.\nMore.\nThe second story."


@pytest.mark.parametrize(("body", "expected"), [
    ("Example InBev (EBR:EXB) is bringing back its ad.", "Example InBev is bringing back its ad."),
    ("Shares of Example Limited (AU:EXL) gained 2.5%.", "Shares of Example Limited gained 2.5%."),
    ("Example Motors (NASDAQ: EXM) began sales.", "Example Motors began sales."),
    ("Example Electric (TSE:5801) Third Quarter Results", "Example Electric Third Quarter Results"),
    ("Example Industries, Incorporated ( (EXI) ) has released results.",
     "Example Industries, Incorporated has released results."),
    ("Example KGaA (NSE:EXK), the German group, gained.", "Example KGaA, the German group, gained."),
    ("The Nasdaq (COMP:IND) rose and the euro (EUR:USD) fell.", "The Nasdaq rose and the euro fell."),
    ("Example's Value Fund (MUTF:EXVFX) gained.", "Example's Value Fund gained."),
])
def test_ticker_insertions_go_with_the_space_before_them(rules, body, expected):
    assert normalize_wire(body, rules).body == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Text.\nSign up here.", "Text."),
    ("Text. ALSO READ: Another story on trade", "Text."),
    ("Text.\nALSO READ: Another story on trade", "Text."),
    ("The company said in a statement, opens new tab that demand held.",
     "The company said in a statement that demand held."),
    ("A terminal closed. (Photo by Sam Poe/Example Images)", "A terminal closed."),
    ("A mill opened. (Photo: Business Wire)", "A mill opened."),
    ("A pitch was laid. (Photo By Al Example/Example Sport via Example Images)", "A pitch was laid."),
    ("Text.\nFILE PHOTO: A container ship at a port, January 5, 2025.", "Text."),
    ("Text.\n© The Associated Press | Kim Lee", "Text."),
    ("Text.\n(END) Dow Jones Newswires\nFebruary 11, 2025 10:15 ET (15:15 GMT)", "Text."),
    ("Text.\nWrite to Paul Stone at paul.stone@example.com", "Text."),
    ("Text.\nCopyright (c) 2025 Dow Jones & Company, Inc.", "Text."),
    ("Text.\n© 2025 Example Corp. All rights reserved.", "Text."),
    ("Text.\nReporting by Jane Doe in London; Editing by John Roe", "Text."),
    ("Text.\nThis content was created by MarketWatch, which is operated by Dow Jones & Co.", "Text."),
    ("Text.\nView source version on businesswire.com: https://example.org/x", "Text."),
    ("Text.\nMaximize Your Portfolio with Data Driven Insights:", "Text."),
])
def test_boilerplate_goes(rules, body, expected):
    assert normalize_wire(body, rules).body == expected


@pytest.mark.parametrize("body", [
    "The consumer price index (CPI) rose and Alcoa (AA) added 2%.",  # abbreviations and bare tickers stay
    "Reporting by the committee showed the delay was procedural.",
    "Copyright law was the subject of the hearing.",
    "The general public -- and investors -- took note.",
    "Non-GAAP earnings rose. By contrast, sales fell.",
    "NEW YORK is where the talks took place (Reuters reported).",
    "OPEN HIGH LOW\nINDX -- 30364 29669\n-----\nJUN7 30320H 30290L",  # a table: no dateline, separators stay
])
def test_ordinary_text_is_left_alone(rules, body):
    copy = normalize_wire(body, rules)
    assert (copy.body, copy.dateline, copy.byline) == (body, None, None)


@pytest.mark.parametrize("body", [
    "\u00a0BEIJING (Reuters) -\tExample InBev (EBR:EXB)  said\r\n\r\nSign up here.\x0b\n"
    "Shares (NYSE:EXA) rose\u2009 2%. ",
    "By Rae Example\n  Text (NASDAQ: EXM)\u3000more.\rE\u0301tude  (TSE:5801)\n(NYSE:EXA)\n",
    "Text.\nFILE PHOTO: A ship.\n\n\u200b\nA  mill (Photo: Business Wire) opened.  ALSO READ: Another story",
])
def test_the_body_it_leaves_is_clean(rules, body):
    # The ingest stage does not clean the wire step's body again (`pipeline.articles.assemble`).
    cleaned = normalize_wire(body, rules).body
    assert cleaned and clean_body(cleaned) == cleaned


def test_a_paragraph_that_was_only_a_ticker_goes(rules):
    assert normalize_wire("Shares rose.\n(NYSE:EXA)\nMore text.", rules).body == "Shares rose.\nMore text."


def test_headlines_lose_their_ticker_insertions(rules):
    assert without_insertions("Example Quantum (NYSE:EXQ) Signals a Leap", rules) == "Example Quantum Signals a Leap"
    assert without_insertions("Tariffs (and what they cost)", rules) == "Tariffs (and what they cost)"


def test_no_second_dateline_is_looked_for_when_the_reader_has_one(rules):
    copy = normalize_wire("BEIJING (Reuters) - Text.", rules, find_dateline=False)
    assert copy.dateline is None and copy.body == "BEIJING (Reuters) - Text."


def test_a_malformed_rule_file_is_refused_naming_it(tmp_path):
    models = tmp_path / "models"
    shutil.copytree(MODELS_DIR / "wire", models / "wire")
    with (models / "wire" / "datelines.txt").open("a", encoding="utf-8") as handle:
        handle.write("no_group = {PLACE} --\n")
    with pytest.raises(ValueError, match=r"datelines.txt no_group: the pattern has no group"):
        load_wire_rules(models)


@pytest.fixture(scope="module")
def feed_tables(tmp_path_factory):
    """The fixture feed ingested and extracted, as ``run`` does it."""
    root = tmp_path_factory.mktemp("wire")
    raw = root / "raw"
    raw.mkdir()
    shutil.copy(FIXTURE, raw / FIXTURE.name)
    settings = make_settings(raw=raw, out=root / "out", show_progress=False)
    summary = run_stages(settings, [(name, STAGES[name]) for name in ("ingest", "extract")])
    assert summary.exit_code == 0
    return {name: pd.read_parquet(root / "out" / name) for name in ("articles", "mentions")}


def test_the_feed_layout_is_read_without_a_sidecar(feed_tables):
    records = {r["id"]: r for r in map(json.loads, FIXTURE.read_text(encoding="utf-8").splitlines())}
    articles = feed_tables["articles"].set_index("source_id")
    assert set(articles.index) == set(records)
    for source_id, record in records.items():
        row = articles.loc[source_id]
        assert row.headline == record["title"].replace(" (TSE:EXM)", "")  # a ticker insertion goes
        assert row.source == record["publisher"]
        assert pd.isna(row.url)  # the feed's ``path`` is a file of the scraper's repository, not an address
        assert row.published_at.strftime("%Y-%m-%d %H:%M:%S") == record["published"]
        assert f"publisher:{record['publisher']}" in list(row.categories)


def test_the_fixture_feed_gives_datelines_bylines_and_clean_text(feed_tables):
    articles = feed_tables["articles"].set_index("source_id")
    wire = articles.drop(index=["example-tipranks-tipranks", "example-thehill-plain"])
    assert wire.dateline.notna().all()
    assert articles.loc["example-morningstar-dow-jones-glued"].dateline == "OTTAWA"
    assert articles.loc["example-morningstar-dow-jones-glued"].byline == "Paul Stone"
    assert articles.loc["example-investing-reuters-two-bylines"].byline == "Ann Lee and Bob Stone"
    assert pd.isna(articles.loc["example-thehill-plain"].dateline)
    bodies = " ".join(text[start:] for text, start in zip(articles.text, articles.body_start))
    for residue in ("(Reuters)", "(NYSE:", "(EBR:", "(AU:", "( (", "Sign up", "ALSO READ", "opens new tab",
                    "(END)", "Write to", "Copyright", "©", "Photo", "By ", "Maximize Your Portfolio"):
        assert residue not in bodies, residue
    assert "President Trump said Canada would face new duties" in bodies  # the text glued to the dash
    assert "Alcoa (AA) added 2%" in bodies and "Reporting by the committee" in bodies


def test_offsets_index_the_text_without_the_residue(feed_tables):
    articles = feed_tables["articles"].set_index("article_id")
    for row in articles.itertuples():
        if isinstance(row.dateline, str):  # the layout: the dateline is the line just before the body
            assert row.text[row.body_start - len(row.dateline) - 1:row.body_start - 1] == row.dateline
    mentions = feed_tables["mentions"]
    assert len(mentions) > 0
    for mention in mentions.itertuples():
        assert articles.loc[mention.article_id].text[mention.start_char:mention.end_char] == mention.text
