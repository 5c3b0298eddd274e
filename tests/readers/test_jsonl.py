"""JSON Lines / JSON reader: field mapping, the sidecar, bad lines, the White House file (Markdown: test_markdown)."""

import json
from datetime import UTC, datetime

import pytest

from pipeline.readers.jsonl import FIELDS, to_article
from pipeline.records import RawArticle, RawReject
from tests.conftest import needs_shared
from tests.readers.helpers import RAW, articles_of, read_path, rejects_of

GOLD_WHITE_HOUSE = {
    "fact-sheets/2025-03/2025-03-06-fact-sheet-president-donald-j-trump-adjusts-tariffs-on-canada-and-mexico-to-"
    "minimize-disruption-to-the-automotive-industry.md",
    "fact-sheets/2025-05/2025-05-08-fact-sheet-u-s-uk-reach-historic-trade-deal.md",
    "briefings-statements/2025-05/2025-05-12-joint-statement-on-u-s-china-economic-and-trade-meeting-in-geneva.md",
    "fact-sheets/2025-07/2025-07-07-fact-sheet-president-donald-j-trump-continues-enforcement-of-reciprocal-tariffs-"
    "and-announces-new-tariff-rates.md",
}


def write_lines(path, *records):
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def convert(record):
    return to_article(record, 1, "t.jsonl", FIELDS, {}, "markdown")


def test_field_mapping_prefers_the_most_precise_date():
    article = convert({"id": "a1", "title": "T", "url": "https://x/a1", "date": "2025-03-06",
                       "published_time": "2025-03-06 16:25:44-05:00", "text": "Body.", "publisher": "P",
                       "subheadline": "Sub", "dateline": "WASHINGTON", "lang": "en-GB"})
    assert isinstance(article, RawArticle)
    assert article.published_at == datetime(2025, 3, 6, 21, 25, 44, tzinfo=UTC)
    assert article.published_from == "metadata:published_time"
    assert (article.source_id, article.headline, article.url, article.source) == ("a1", "T", "https://x/a1", "P")
    assert (article.subheadline, article.dateline, article.language) == ("Sub", "WASHINGTON", "en")


@pytest.mark.parametrize(("fields", "expected_from", "expected"), [
    ({"date": "2025-03-06"}, "metadata:date", datetime(2025, 3, 6, tzinfo=UTC)),
    ({"date": "2025-03-06", "published": "2025-03-06T10:00:00"}, "metadata:published",
     datetime(2025, 3, 6, 10, tzinfo=UTC)),
    ({"published_at": "2025-03-06T10:00:00Z", "published": "2025-03-06T09:00:00+02:00"}, "metadata:published_at",
     datetime(2025, 3, 6, 10, tzinfo=UTC)),
    ({"published": 1741276800}, "metadata:published", datetime(2025, 3, 6, 16, tzinfo=UTC)),
    ({"date": "not a date", "published": "2025-03-06"}, "metadata:published", datetime(2025, 3, 6, tzinfo=UTC)),
    ({}, None, None),
])
def test_published_candidates(fields, expected_from, expected):
    article = convert({"id": "a", "text": "Body.", **fields})
    assert (article.published_from, article.published_at) == (expected_from, expected)


@pytest.mark.parametrize(("record", "reason"), [
    ({"title": "No id, no url", "text": "Body."}, "missing_field"),
    ({"id": "a", "text": "   "}, "empty_body"),
    ({"id": "a", "title": "No body"}, "empty_body"),
    ({"id": "a", "text": {"nested": "object"}}, "missing_field"),
    ({"id": "a", "text": "Body.", "date": "yesterday-ish"}, "bad_date"),
    (["a", "list"], "malformed_json"),
])
def test_record_rejects(record, reason):
    result = convert(record)
    assert isinstance(result, RawReject) and result.reason == reason and result.record == 1


def test_url_stands_in_for_a_missing_id():
    assert convert({"url": "https://x/story", "text": "Body."}).source_id == "https://x/story"


def test_malformed_and_deep_lines_are_rejected_and_the_rest_is_read(tmp_path):
    path = write_lines(tmp_path / "mixed.jsonl",
                       {"id": "1", "text": "First."},
                       '{"id": "2", "text": "cut off',
                       "[" * 100_000 + "]" * 100_000,
                       "",
                       {"id": "3", "text": "Third."})
    items = read_path(path)
    assert [(a.source_id, a.record) for a in articles_of(items)] == [("1", 1), ("3", 5)]
    assert [(r.reason, r.record) for r in rejects_of(items)] == [("malformed_json", 2), ("malformed_json", 3)]


def test_json_array_records_are_indexed_from_zero(tmp_path):
    path = tmp_path / "array.json"
    path.write_text(json.dumps([{"guid": "g0", "body": "Zero."}, {"uuid": "g1", "content": "One."}]))
    assert [(a.source_id, a.record, a.body) for a in read_path(path)] == [("g0", 0, "Zero."), ("g1", 1, "One.")]


def test_single_object_json_file(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "only", "headline": "H", "body": "Body."}))
    (article,) = read_path(path)
    assert (article.source_id, article.headline, article.record) == ("only", "H", 0)


def test_sidecar_overrides_fields_defaults_and_markup(tmp_path):
    path = write_lines(tmp_path / "custom.jsonl", {"doc_id": "d1", "story": "Line **one**\nLine two", "text": "x"})
    (tmp_path / "custom.fields.json").write_text(json.dumps(
        {"fields": {"id": "doc_id", "body": ["story"]}, "defaults": {"source": "Desk", "published": "2025-01-02"},
         "markup": "text"}))
    (article,) = read_path(path)
    assert (article.source_id, article.body, article.source) == ("d1", "Line **one**\nLine two", "Desk")
    assert (article.published_at, article.published_from) == (datetime(2025, 1, 2, tzinfo=UTC), "sidecar")


@pytest.mark.parametrize("sidecar", [
    '{"fields": {"author": "by"}}',
    '{"fields": {"body": 3}}',
    '{"markup": "rst"}',
    '{"unknown": 1}',
    "not json",
])
def test_bad_sidecar_rejects_the_file(tmp_path, sidecar):
    path = write_lines(tmp_path / "data.jsonl", {"id": "1", "text": "Body."})
    (tmp_path / "data.fields.json").write_text(sidecar)
    (reject,) = read_path(path)
    assert reject.reason == "malformed_json" and reject.record is None and "data.fields.json" in reject.detail


def test_sample_holds_the_gold_white_house_documents():
    items = read_path(RAW / "jsonl" / "whitehouse_sample.jsonl")
    articles = articles_of(items)
    assert not rejects_of(items) and 10 <= len(articles) <= 20
    assert GOLD_WHITE_HOUSE <= {a.source_id for a in articles}
    assert {a.source for a in articles} == {"The White House"}  # from the sidecar defaults
    for article in articles:
        assert "**" not in article.body and "](" not in article.body and "\n\n" not in article.body


def test_white_house_first_lines(tmp_path):
    source = needs_shared("corpus", "whitehouse", "whitehouse_trade.jsonl")
    with source.open(encoding="utf-8") as handle:
        lines = [next(handle) for _ in range(25)]
    path = tmp_path / "first.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    articles = read_path(path)
    records = [json.loads(line) for line in lines]
    assert [a.source_id for a in articles] == [r["id"] for r in records]
    for article, record in zip(articles, records):
        offset = datetime.fromisoformat(record["published_time"])
        assert article.published_at == offset.astimezone(UTC)
        assert article.headline == " ".join(record["title"].split()) and article.url == record["url"]
        assert "](http" not in article.body and "<img" not in article.body


@pytest.mark.slow
def test_whole_white_house_file_ingests_as_is():
    source = needs_shared("corpus", "whitehouse", "whitehouse_trade.jsonl")
    items = read_path(source)
    articles = articles_of(items)
    assert len(articles) == 1644 and not rejects_of(items)
    assert GOLD_WHITE_HOUSE <= {a.source_id for a in articles}
    assert {a.published_from for a in articles} == {"metadata:published_time"}
    assert all(a.published_at.tzinfo == UTC for a in articles)
    assert not [a.source_id for a in articles if "<img" in a.body or "<span" in a.body or "<u>" in a.body]
    # One record links with a URL that opens a parenthesis it never closes (broken in the source): its
    # Markdown stays. Asterisks left in bodies are literal ones the source escaped ("\*\*Please see…").
    unconverted = [a.source_id for a in articles if "](http" in a.body]
    assert len(unconverted) <= 1, unconverted


@pytest.mark.parametrize("name", ["feed.jsonl", "records.json"])
def test_an_integer_too_long_for_python_rejects_only_its_record(tmp_path, name):
    records = [{"id": "a", "text": "First."}, {"id": "b", "text": "Second.", "views": "HUGE"},
               {"id": "c", "text": "Third."}]
    if name.endswith(".json"):
        text = json.dumps(records)
    else:
        text = "\n".join(json.dumps(r) for r in records)
    path = tmp_path / name
    path.write_text(text.replace('"HUGE"', "9" * 5000))
    items = read_path(path)
    assert [a.source_id for a in articles_of(items)] == ["a", "c"]
    [reject] = rejects_of(items)
    assert reject.reason == "malformed_json" and reject.record == (1 if name.endswith(".json") else 2)
    assert "5000 digits" in reject.detail
