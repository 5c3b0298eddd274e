"""RSS 2.0 and Atom feeds: items, dates, HTML bodies, and broken or hostile feeds."""

from datetime import UTC, datetime

import pytest

from tests.readers.helpers import FIXTURES, RAW, articles_of, read_path, rejects_of


def rss(items, title="Desk"):
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title><link>https://x/</link>'
            f"<description>d</description>{items}</channel></rss>")


def write(tmp_path, text, name="feed.rss"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_rss_sample():
    first, second = read_path(RAW / "feed" / "whitehouse_trade.rss")
    assert (first.source_id, first.record) == ("whitehouse-fact-sheet-2025-07-22-indonesia", 0)
    assert first.url.endswith("/fact-sheet-the-united-states-and-indonesia-reach-historic-trade-deal/")
    assert (first.published_at, first.published_from) == (datetime(2025, 7, 22, 19, 26, 45, tzinfo=UTC),
                                                          "feed:published")
    assert (first.source, first.language) == ("The White House: Trade Fact Sheets", "en")
    # content:encoded wins over the description; list items are paragraphs; the script is gone
    assert first.body.split("\n")[1] == ("Under this deal, Indonesia will pay the United States a reciprocal "
                                         "tariff rate of 19%.")
    assert "trackVisit" not in first.body and "America’s manufacturing" in first.body
    assert second.source_id == second.url  # no guid: the link is the id
    assert second.body.count("\n") == 2  # escaped HTML in <description> becomes three paragraphs


def test_atom_sample():
    first, second = read_path(RAW / "feed" / "whitehouse_trade.atom")
    assert first.source_id == "tag:example.org,2025:fact-sheet-2025-03-26-autos"
    assert (first.published_at, first.published_from) == (datetime(2025, 3, 26, 22, 37, 3, tzinfo=UTC),
                                                          "feed:published")
    assert first.headline.startswith("Fact Sheet: President Donald J. Trump Adjusts Imports of Automobiles")
    assert (second.published_at, second.published_from) == (datetime(2025, 7, 23, 19, 25, 29, tzinfo=UTC),
                                                            "feed:updated")
    assert "\n" not in second.body  # plain-text summary: XML line wraps are not paragraphs
    assert first.source == "The White House: Trade Actions"


def test_feed_saved_as_xml_is_sniffed(tmp_path):
    path = write(tmp_path, rss("<item><guid>g</guid><description>Text.</description></item>"), "feed.xml")
    (article,) = read_path(path)
    assert (article.format, article.source_id, article.body) == ("feed", "g", "Text.")


@pytest.mark.parametrize(("items", "reason"), [
    ("<item><guid>g</guid><title>Title only</title></item>", "empty_body"),
    ("<item><title>T</title><description>No id, no link.</description></item>", "missing_field"),
    ("<item><guid>g</guid><description>Text.</description><pubDate>the day after</pubDate></item>", "bad_date"),
])
def test_item_rejects(tmp_path, items, reason):
    good = "<item><guid>ok</guid><description>Fine.</description></item>"
    result = read_path(write(tmp_path, rss(items + good)))
    assert [a.source_id for a in articles_of(result)] == ["ok"]
    assert [(r.reason, r.record) for r in rejects_of(result)] == [(reason, 0)]


@pytest.mark.parametrize(("path", "reason"), [
    (FIXTURES / "broken_feed.rss", "malformed_xml"),
    (FIXTURES / "xxe_feed.rss", "unsafe_xml"),
])
def test_broken_and_hostile_feeds(path, reason):
    (reject,) = read_path(path)
    assert (reject.reason, reject.record) == (reason, None)


def test_feed_without_items(tmp_path):
    (reject,) = read_path(write(tmp_path, rss("")))
    assert reject.reason == "empty_body"


@pytest.mark.parametrize("damaged", ["<itme>", "<ite m>"])
def test_an_item_with_a_damaged_tag_is_counted_in_a_reject(tmp_path, damaged):
    item = "{open}<guid>g{n}</guid><title>T{n}</title><description>Body {n}.</description></item>"
    items = "".join(item.format(open=damaged if n == 2 else "<item>", n=n) for n in (1, 2, 3))
    found = read_path(write(tmp_path, rss(items)))
    assert [a.source_id for a in articles_of(found)] == ["g1", "g3"]
    [reject] = rejects_of(found)
    assert reject.reason == "malformed_xml" and "3 items" in reject.detail and "only 2" in reject.detail
