"""Source categories → ``articles.categories``: Reuters lists, feed ``<category>``, JSON keys."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from pipeline.articles import assemble
from pipeline.readers import sgml
from pipeline.readers.common import categories
from pipeline.records import RawArticle
from tests.conftest import needs_shared
from tests.readers.helpers import RAW, articles_of, read_path


@pytest.mark.parametrize(("fields", "expected"), [
    ((("topics", ["trade", "grain"]), ("places", ["usa"])), ("topics:trade", "topics:grain", "places:usa")),
    ((("Category", "  Trade   policy "),), ("category:Trade policy",)),
    ((("tags", ["a", "a", "", None, 3, True, {"x": 1}]),), ("tags:a", "tags:3")),
    ((("categories", None), ("publisher", "")), ()),
])
def test_categories_are_field_colon_value_in_order_each_once(fields, expected):
    assert categories(*fields) == expected


def test_reuters_topics_and_places():
    story, brief, deal, table = read_path(RAW / "sgml" / "sample.sgm")
    assert story.categories == ("topics:trade", "places:usa", "places:canada", "places:mexico")
    assert brief.categories == ("places:usa",)  # an empty <TOPICS></TOPICS> gives nothing
    assert deal.categories == ("topics:trade", "places:usa", "places:uk")


def test_reuters_people_orgs_and_entities():
    story = ('<REUTERS NEWID="7"><DATE>26-FEB-1987 15:01:01.79</DATE><TOPICS><D>money-fx</D></TOPICS>'
             "<PLACES></PLACES><PEOPLE><D>james-baker</D></PEOPLE><ORGS><D>g-7</D></ORGS>"
             "<EXCHANGES><D>nyse</D></EXCHANGES>"
             "<TEXT><TITLE>T</TITLE><BODY>Body &amp; more with <TOPICS><D>not-a-list</D></TOPICS>.</BODY></TEXT>")
    article = sgml.to_article(' NEWID="7"', story, 0, "x.sgm")
    assert article.categories == ("topics:money-fx", "people:james-baker", "orgs:g-7", "exchanges:nyse")


def test_feed_categories(tmp_path):
    rss = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item><guid>g1</guid>'
           "<title>Tariffs</title><category>Trade</category><category>Tariffs</category>"
           "<description>Tariffs rose.</description></item></channel></rss>")
    atom = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Feed</title><entry><id>e1</id>'
            '<title>Tariffs</title><category term="trade" label="Trade"/><summary>Tariffs rose.</summary>'
            "</entry></feed>")
    (tmp_path / "a.rss").write_text(rss, encoding="utf-8")
    (tmp_path / "b.atom").write_text(atom, encoding="utf-8")
    [item] = articles_of(read_path(tmp_path / "a.rss"))
    assert item.categories == ("category:Trade", "category:Tariffs")
    [entry] = articles_of(read_path(tmp_path / "b.atom"))
    assert entry.categories == ("category:trade",)


def test_json_categories_category_tags_and_publisher(tmp_path):
    records = [{"id": "1", "text": "Tariffs rose.", "categories": ["Economy", "Trade"], "publisher": "tipranks"},
               {"id": "2", "text": "Tariffs rose.", "category": "legislation"},
               {"id": "3", "text": "Tariffs rose."}]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    assert [a.categories for a in articles_of(read_path(path))] == [
        ("categories:Economy", "categories:Trade", "publisher:tipranks"), ("category:legislation",), ()]
    (tmp_path / "feed.fields.json").write_text(json.dumps(
        {"fields": {"categories": ["section"]}, "defaults": {"categories": ["wire"]}}), encoding="utf-8")
    path.write_text(json.dumps({"id": "4", "text": "T.", "section": "World"}) + "\n"
                    + json.dumps({"id": "5", "text": "T.", "category": "ignored"}), encoding="utf-8")
    assert [a.categories for a in articles_of(read_path(path))] == [("section:World",), ("categories:wire",)]


def test_categories_are_a_column_that_leaves_ids_alone():
    base = RawArticle("a.sgm", 0, "sgml", "1", "Tariffs rose.", published_at=datetime(1987, 2, 26, tzinfo=UTC))
    tagged = RawArticle("a.sgm", 0, "sgml", "1", "Tariffs rose.", published_at=datetime(1987, 2, 26, tzinfo=UTC),
                        categories=("topics:trade",))
    row, tagged_row = assemble(base, "r"), assemble(tagged, "r")
    assert (row["categories"], tagged_row["categories"]) == ([], ["topics:trade"])
    assert (row["article_id"], row["content_hash"]) == (tagged_row["article_id"], tagged_row["content_hash"])


def test_the_reuters_trade_stories():
    folder = needs_shared("corpus", "reuters21578")
    trade = [a for path in sorted(folder.glob("*.sgm")) for a in articles_of(read_path(path))
             if "topics:trade" in a.categories]
    assert len(trade) == 551  # stories whose TOPICS name trade (before ingest keeps each article once)
