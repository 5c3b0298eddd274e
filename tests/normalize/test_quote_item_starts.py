"""Where a digest's items start, a clock time before reported content, and news outlets among organizations.

Each case builds the quote rules' index of one short text of our own, without the parse: these rules read
only the lines of the text, the time zones and outlet names of ``models/quotes/words.csv`` and the
organization mentions given.
"""

from __future__ import annotations

import pytest

from pipeline.config import MODELS_DIR
from pipeline.normalize.quotes.article import ArticleIndex
from pipeline.normalize.quotes.items import after_clock, is_news_outlet, item_starts, names_news_outlet
from pipeline.normalize.quotes.lexicon import load
from pipeline.views import ArticleView, Mention


@pytest.fixture(scope="module")
def lexicon():
    return load(MODELS_DIR)


def index_of(lexicon, text: str, organizations: tuple[str, ...] = ()) -> ArticleIndex:
    """The index of ``text`` (its first line the headline) with an organization mention at each name given."""
    mentions = [Mention(f"m{i}", "organization", name, text.index(name), text.index(name) + len(name), 0,
                        "test", None) for i, name in enumerate(organizations)]
    view = ArticleView("a1", text, text.index("\n") + 1, text.split("\n")[0], None, None)
    return ArticleIndex(view, mentions, [], {}, lexicon)


def line_starts(text: str, *openings: str) -> list[int]:
    """Offset 0 and the offsets of the lines that begin with each of ``openings``."""
    return [0] + [text.index("\n" + opening) + 1 for opening in openings]


@pytest.mark.parametrize(
    ("text", "openings"),
    [
        # a clock time with a known time zone opens an item, one with no time zone ("0930 XY") does not; the
        # first item holds the headline and the body's first line
        ("Markets digest\n0915 ET - Copper slips.\nTraders expect more.\n0921 GMT -- Zinc gains.\n"
         "0930 XY - Tin holds.\n", ("0921 GMT",)),
        # a bullet opens an item
        ("Briefs\n• Acme raises its outlook.\n• Harlow cuts jobs.\n", ("• Harlow",)),
        # ... but a rule line or a dash before a figure does not
        ("Results\nAcme reported its quarter.\n- - - - - - -\n- 1.23 dlrs a share\nIt said sales rose.\n", ()),
        # a title-case heading above running text opens an item ...
        ("Briefs\nSteel prices will rise, the firm said.\nGlenmoor Faces Probe Over Licences\n"
         "Glenmoor faces a review.\n", ("Glenmoor Faces",)),
        # ... but a wrapped line of running text, whose long words are lower case, does not
        ("Story\nPrices rose.\nThe ministry said on Tuesday that imports of steel\nfell sharply in May.\n", ()),
        # ... nor a heading-like line above another (a title over a byline): only the lower one counts
        ("Story\nThe board met on Monday.\nHarbour Board Weighs Tariff Plan\nJane Roe Reports From Harbour City\n"
         "The board met again.\n", ("Jane Roe Reports",)),
        # ... nor a table's row above another row or a signature: "Record March 20", a column header
        ("Dividend\nAcme Corp said its board declared a dividend.\nQtly div 12 cts vs 12 cts prior\n"
         "Pay April 15\nRecord March 20\nReuter\n", ()),
        ("Metals\nCopper closed higher on Tuesday.\nCLOSE SETT PSETT\nMarch 1234 1230 1228\n"
         "Traders said the market was quiet.\n", ()),
    ],
)
def test_item_starts(lexicon, text, openings):
    assert item_starts(index_of(lexicon, text)) == line_starts(text, *openings)


@pytest.mark.parametrize(
    ("text", "at", "skipped"),
    [
        ("Digest\n0915 ET - Copper will slip, Kestrel says.\n", "0915", "0915 ET - "),
        ("Digest\n09:15 GMT -- Copper will slip, Kestrel says.\n", "09:15", "09:15 GMT -- "),
        # only at the start of a line, and only with a time zone of the list
        ("Digest\nAt 0915 ET - copper slipped.\n", "0915", ""),
        ("Digest\n0915 XY - Copper will slip.\n", "0915", ""),
    ],
)
def test_after_clock(lexicon, text, at, skipped):
    start = text.index(at)
    assert after_clock(index_of(lexicon, text), start) == start + len(skipped)


def test_an_outlet_cut_short_by_the_name_rules_is_still_an_outlet(lexicon):
    # the name rules tagged only "Wall Street" of "the Wall Street Journal"
    art = index_of(lexicon, "Story\nThe deal is off, the Wall Street Journal reported.\n", ("Wall Street",))
    assert is_news_outlet(art, art.by_kind["organization"][0])
    assert names_news_outlet(art, "Wall Street")


@pytest.mark.parametrize("name", ["Nikkei", "the Financial Times", "Reuters'"])
def test_an_outlet_by_its_name(lexicon, name):
    assert names_news_outlet(index_of(lexicon, "Story\nNo outlet is named here.\n"), name)


@pytest.mark.parametrize("text", ["Story\nWall Street rallied on Friday.\n", "Story\nReutersberg Bank said so.\n"])
def test_no_outlet(lexicon, text):
    organization = text.split("\n")[1].split(" rallied")[0].split(" said")[0]
    art = index_of(lexicon, text, (organization,))
    assert not is_news_outlet(art, art.by_kind["organization"][0])
    assert not names_news_outlet(art, organization)


@pytest.mark.parametrize("name", ["Barron's", "Barron’s"])
def test_an_outlet_whose_name_ends_in_a_possessive(lexicon, name):
    text = f"Story\nThe deal is off, {name} reported.\n"
    art = index_of(lexicon, text, (name,))
    assert is_news_outlet(art, art.by_kind["organization"][0])
    assert names_news_outlet(art, name)


@pytest.mark.parametrize("text", ["Story\nReuters Holdings said profit rose.\n",
                                  "Story\nBloomberg Philanthropies said it would give more.\n"])
def test_a_firm_whose_name_opens_with_an_outlets_is_no_outlet(lexicon, text):
    organization = text.split("\n")[1].split(" said")[0]
    art = index_of(lexicon, text, (organization.split()[0],))
    assert not is_news_outlet(art, art.by_kind["organization"][0])
    assert not names_news_outlet(art, organization.split()[0])


def test_a_day_after_an_outlets_name_is_no_part_of_it(lexicon):
    text = "Story\nThe plant will close, Acme told Reuters Tuesday.\n"
    day = Mention("d0", "date", "Tuesday", text.index("Tuesday"), text.index("Tuesday") + 7, 0, "test", None)
    view = ArticleView("a1", text, text.index("\n") + 1, "Story", None, None)
    reuters = Mention("m0", "organization", "Reuters", text.index("Reuters"), text.index("Reuters") + 7, 0, "test",
                      None)
    art = ArticleIndex(view, [reuters, day], [], {}, lexicon)
    assert is_news_outlet(art, reuters)
