"""``record`` is numbered as the README and docs/tables.md say, per format."""

from __future__ import annotations

import json

from tests.readers.helpers import RAW, articles_of, read_path


def test_json_lines_count_lines_from_1_and_json_arrays_elements_from_0(tmp_path):
    lines = tmp_path / "feed.jsonl"
    lines.write_text('{"id": "a", "text": "One."}\n\n{"id": "b", "text": "Two."}\n', encoding="utf-8")
    assert [a.record for a in articles_of(read_path(lines))] == [1, 3]  # the lines an editor shows
    array = tmp_path / "feed.json"
    array.write_text(json.dumps([{"id": "a", "text": "One."}, {"id": "b", "text": "Two."}]), encoding="utf-8")
    assert [a.record for a in articles_of(read_path(array))] == [0, 1]  # jq '.[n]'


def test_stories_items_and_news_items_count_from_0_and_one_article_files_are_0():
    assert [a.record for a in read_path(RAW / "sgml" / "sample.sgm")] == [0, 1, 2, 3]
    feed = articles_of(read_path(RAW / "feed" / "whitehouse_trade.rss"))
    assert [a.record for a in feed] == list(range(len(feed)))
    news = articles_of(read_path(RAW / "newsml" / "steel_aluminum_tariffs.xml"))
    assert [a.record for a in news] == list(range(len(news)))
    for path in (RAW / "text" / "000_fdaf5c86bb7df86d.txt", RAW / "html" / "de_minimis_fact_sheet.html"):
        assert [a.record for a in read_path(path)] == [0]
