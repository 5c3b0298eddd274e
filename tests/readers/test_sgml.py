"""Reuters-21578 SGML: stories, briefs, unprocessed tables, bad bytes, truncation, and the whole archive."""

import json
import time
from datetime import UTC, datetime

import pytest

from pipeline.readers import sgml
from pipeline.records import RawReject
from tests.conftest import SHARED, needs_shared
from tests.readers.helpers import FIXTURES, RAW, articles_of, read_path, rejects_of

SAMPLE = RAW / "sgml" / "sample.sgm"


def test_sample_stories():
    items = read_path(SAMPLE)
    assert not rejects_of(items)
    rows = [(a.record, a.source_id, a.headline, a.dateline, a.published_at, a.published_from) for a in items]
    assert rows == [
        (0, "1", "U.S. ADJUSTS TARIFFS ON CANADA AND MEXICO FOR AUTO INDUSTRY", "WASHINGTON, March 6",
         datetime(2025, 3, 6, 21, 25, 44, tzinfo=UTC), "metadata:DATE"),
        (1, "2", None, None, datetime(2025, 3, 24, 14, 2, 10, 510000, tzinfo=UTC), "metadata:DATE"),
        (2, "3", "U.S. AND UK REACH TRADE DEAL, 10 PCT RECIPROCAL TARIFF STAYS", "WASHINGTON, May 8",
         datetime(2025, 5, 8, 15, 37, 27, tzinfo=UTC), "metadata:DATE"),
        (3, "4", "NEW RECIPROCAL TARIFF RATES FROM AUGUST 1", None,
         datetime(2025, 7, 7, 22, 9, 58, tzinfo=UTC), "metadata:DATE"),
    ]
    story, brief, deal, table = items
    assert story.body.split("\n")[0].startswith("President Donald J. Trump announced adjustments to tariffs")
    assert story.body.endswith("into the United States.")  # the REUTER sign-off is gone
    assert len(deal.body.split("\n")) == 6 and not deal.body.endswith("Reuter")
    assert {a.source for a in items} == {"The White House (text), in Reuters-21578 markup"}  # sidecar


def test_brief_becomes_an_article_whose_body_is_the_title():
    brief = read_path(SAMPLE)[1]
    assert brief.headline is None
    assert brief.body == "JOHNSON & JOHNSON TO INVEST 55 BILLION DLRS IN U.S. MANUFACTURING"


def test_unprocessed_story_keeps_its_lines():
    table = read_path(SAMPLE)[3]
    assert table.body.split("\n") == ["COUNTRY PCT", "Japan 25", "Korea 25", "South Africa 30", "Laos 40",
                                      "Indonesia 32", "Bangladesh 35", "Thailand 36"]


def test_source_defaults_to_reuters_without_a_sidecar(tmp_path):
    copy = tmp_path / "reut2-900.sgm"
    copy.write_bytes(SAMPLE.read_bytes())
    assert {a.source for a in read_path(copy)} == {"Reuters"}


@pytest.mark.parametrize(("raw", "expected"), [
    ("First line of a\nparagraph.\n    Second paragraph\nwraps here.",
     "First line of a paragraph.\nSecond paragraph wraps here."),
    ("One.\n\nTwo after a blank line.", "One.\nTwo after a blank line."),
    (" Apr  714      684\n May   14       36", "Apr  714      684\nMay   14       36"),
    ("", ""),
])
def test_paragraphs(raw, expected):
    assert sgml.paragraphs(raw) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Text.\n Reuter\n", "Text."),
    ("Text.\n REUTER...", "Text."),
    ("Text. REUTER\n Reuter\n", "Text."),
    ("Text, he told Reuters.", "Text, he told Reuters."),
    ('"We agree," he said. Reuter', '"We agree," he said.'),
    ("Text about Freuter", "Text about Freuter"),
    ("No sign-off.", "No sign-off."),
])
def test_strip_sign_off(body, expected):
    assert sgml.strip_sign_off(body) == expected


@pytest.mark.parametrize(("story", "expected"), [
    ("<DATE>26-FEB-1987 15:01:01.79</DATE>", (datetime(1987, 2, 26, 15, 1, 1, 790000, tzinfo=UTC), "metadata:DATE")),
    ("<DATE> 3-APR-1987 07:09:06.48</DATE>", (datetime(1987, 4, 3, 7, 9, 6, 480000, tzinfo=UTC), "metadata:DATE")),
    ("<DATE>3-MAR-1987  09:15:05.40</DATE>", (datetime(1987, 3, 3, 9, 15, 5, 400000, tzinfo=UTC), "metadata:DATE")),
    ("<DATE>31-MAR-1987 605:12:19.12</DATE>", (datetime(1987, 3, 31, tzinfo=UTC), "metadata:DATE:day")),
    ("<DATE>31-FOO-1987 10:00:00.00</DATE>", (None, None)),
    ("<DATE>31-FEB-1987 10:00:00.00</DATE>", (None, None)),
    ("no date", (None, None)),
])
def test_parse_date(story, expected):
    assert sgml.parse_date(story) == expected


@pytest.mark.parametrize(("story", "reason"), [
    ('<DATE>26-FEB-1987 15:01:01.79</DATE><TEXT TYPE="UNPROC">&#2;\n&#3;\n</TEXT>', "empty_body"),
    ("<DATE>no date</DATE><TEXT><BODY>Text.</BODY></TEXT>", "bad_date"),
])
def test_story_rejects(story, reason):
    result = sgml.to_article(' NEWID="7"', story, 0, "x.sgm")
    assert isinstance(result, RawReject) and result.reason == reason and "NEWID=7" in result.detail


def test_story_without_newid_is_missing_field():
    result = sgml.to_article(' OLDID="7"', "<DATE>26-FEB-1987 15:01:01.79</DATE>", 4, "x.sgm")
    assert (result.reason, result.record) == ("missing_field", 4)


def test_truncated_file_keeps_complete_stories():
    items = read_path(FIXTURES / "truncated.sgm")
    assert [a.source_id for a in articles_of(items)] == ["101"]
    (reject,) = rejects_of(items)
    assert (reject.reason, reject.record) == ("malformed_xml", 1) and "NEWID=102" in reject.detail


def test_file_without_stories(tmp_path):
    path = tmp_path / "empty.sgm"
    path.write_text("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n", encoding="utf-8")
    (reject,) = read_path(path)
    assert reject.reason == "malformed_xml"


def test_undecodable_bytes_do_not_stop_the_file(tmp_path):
    path = tmp_path / "latin.sgm"
    path.write_bytes(SAMPLE.read_bytes().replace(b"Keir Starmer", b"Keir St\xe4rmer"))
    articles = articles_of(read_path(path))
    assert len(articles) == 4 and "Keir Stärmer" in articles[2].body


def test_reut2_017_with_its_bad_bytes():
    path = needs_shared("corpus", "reuters21578", "reut2-017.sgm")
    items = read_path(path)
    assert len(items) == 1000 and not rejects_of(items)
    assert not [a.source_id for a in items if "\ufffd" in a.body or any(ord(c) < 32 and c != "\n" for c in a.body)]
    lawson = next(a for a in items if "Lawson told reporters work" in a.body)
    assert "lasting world economic growth." in lawson.body
    odd_clock = next(a for a in items if a.source_id == "17192")
    assert (odd_clock.published_at, odd_clock.published_from) == (datetime(1987, 3, 31, tzinfo=UTC),
                                                                    "metadata:DATE:day")


@pytest.mark.slow
def test_every_story_of_the_archive_is_accounted_for():
    folder = needs_shared("corpus", "reuters21578")
    started = time.perf_counter()
    items = [item for path in sorted(folder.glob("reut2-*.sgm")) for item in read_path(path)]
    seconds = time.perf_counter() - started
    articles, rejects = articles_of(items), rejects_of(items)
    assert len(articles) + len(rejects) == 21578
    assert len({a.source_id for a in articles}) == len(articles)
    assert [(r.reason, r.source_path, r.record) for r in rejects] == [("empty_body", "reut2-012.sgm", 792)]
    briefs = [a for a in articles if a.headline is None]
    assert len(briefs) >= 1798  # every TYPE="BRIEF" story, kept with its title as the body
    assert not [a.source_id for a in articles if a.body.rstrip(". ").lower().endswith("reuter")]
    gold = [json.loads(line) for line in (SHARED / "gold" / "trade-dev.jsonl").open(encoding="utf-8")]
    by_id = {a.source_id: a for a in articles}
    for entry in (g for g in gold if g["corpus"] == "reuters21578"):
        published = datetime.fromisoformat(entry["published_at"]).replace(tzinfo=UTC)
        assert by_id[entry["source_id"]].published_at.replace(microsecond=0) == published
    # Measured here: about 1.5 s for the 21,578 stories (~14,000 a second) on one core.
    assert seconds < 30


STORY = ('<REUTERS TOPICS="NO" NEWID="{n}"><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT><TITLE>T{n}</TITLE>'
         "<BODY>Story {n}.\nReuter</BODY></TEXT></REUTERS>\n")


@pytest.mark.parametrize("damaged", ["<REUTRS", "<RUETERS", "REUTERS", "< REUTERS"])
def test_a_story_with_a_damaged_opening_tag_is_a_reject_not_lost(tmp_path, damaged):
    text = '<!DOCTYPE lewis SYSTEM "lewis.dtd">\n' + "".join(STORY.format(n=n) for n in (1, 2, 3))
    text = text.replace('<REUTERS TOPICS="NO" NEWID="2"', damaged.replace(">", "") + ' TOPICS="NO" NEWID="2"')
    path = tmp_path / "reut2-000.sgm"
    path.write_text(text)
    found = read_path(path)
    assert [a.source_id for a in articles_of(found)] == ["1", "3"]
    [reject] = rejects_of(found)
    assert reject.reason == "malformed_xml" and "NEWID=2" in reject.detail and "after story 0" in reject.detail


def test_text_after_the_last_story_is_a_reject(tmp_path):
    path = tmp_path / "reut2-000.sgm"
    path.write_text(STORY.format(n=1) + "<REUTRS NEWID=\"2\"><TEXT>Lost.</TEXT></REUTERS>\n")
    found = read_path(path)
    assert [a.source_id for a in articles_of(found)] == ["1"]
    assert [r.reason for r in rejects_of(found)] == ["malformed_xml"]
