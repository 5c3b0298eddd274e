"""NewsML-G2: NITF and XHTML bodies, messages with several items, and hostile or broken XML."""

from datetime import UTC, datetime

import pytest

from pipeline.readers import newsml
from pipeline.readers.common import ReaderError
from tests.readers.helpers import FIXTURES, RAW, articles_of, read_path, rejects_of

NS = 'xmlns="http://iptc.org/std/nar/2006-10-01/"'


def item(guid='guid="urn:test:1"', meta="", content="", item_meta="<itemClass qcode=\"ninat:text\"/>"):
    return (f'<newsItem {NS} {guid} version="1" standard="NewsML-G2"><itemMeta>{item_meta}</itemMeta>'
            f"<contentMeta>{meta}</contentMeta><contentSet>{content}</contentSet></newsItem>")


def write(tmp_path, text, name="item.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_nitf_item():
    (article,) = read_path(RAW / "newsml" / "steel_aluminum_tariffs.xml")
    assert article.source_id == "urn:newsml:example.org:20250603:steel-aluminum-232"
    assert article.headline == "Trump raises Section 232 tariffs on steel and aluminum to 50%"
    assert article.subheadline.startswith("Imports from the United Kingdom stay at 25%")
    assert article.dateline == "WASHINGTON"
    assert (article.published_at, article.published_from) == (datetime(2025, 6, 3, 21, 28, 25, tzinfo=UTC),
                                                               "metadata:firstCreated")
    assert (article.source, article.language) == ("The White House", "en")
    paragraphs = article.body.split("\n")
    assert len(paragraphs) == 5  # the <p> inside NITF's <block> counts too
    assert paragraphs[1] == ("The tariff on steel and aluminum imports rises from 25% to 50%, with the higher tariff "
                             "set to go into effect on June 4, 2025.")


def test_message_yields_its_text_items_only():
    items = read_path(RAW / "newsml" / "china_tariff_suspension_message.xml")
    (article,) = items  # the picture item is skipped
    assert article.source_id == "urn:newsml:example.org:20250811:china-suspension"
    assert (article.dateline, article.source) == ("WASHINGTON, Aug 11", "The White House")
    assert article.published_at == datetime(2025, 8, 12, 0, 0, 2, tzinfo=UTC)
    assert ("The current 10% reciprocal tariff remains in effect during this suspension period.\n"
            "Other U.S. tariff measures") in article.body  # <br/> splits the paragraph


@pytest.mark.parametrize(("meta", "item_meta", "expected"), [
    ("<contentCreated>2025-01-02T03:04:05Z</contentCreated>", "", ("metadata:contentCreated",
                                                                  datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC))),
    ("", "<versionCreated>2025-01-02T10:00:00+09:00</versionCreated>",
     ("metadata:versionCreated", datetime(2025, 1, 2, 1, tzinfo=UTC))),
    ("", "", (None, None)),
])
def test_publication_time_candidates(tmp_path, meta, item_meta, expected):
    text = item(meta=meta, item_meta=item_meta, content="<inlineData>Plain text body.</inlineData>")
    (article,) = read_path(write(tmp_path, text))
    assert (article.published_from, article.published_at) == expected
    assert article.body == "Plain text body."


@pytest.mark.parametrize(("provider", "rights", "expected"), [
    ('<provider qcode="nprov:REUTERS"/>', "", "REUTERS"),
    ('<provider literal="Agency"/>', "", "Agency"),
    ("", '<rightsInfo><copyrightHolder><name>Holder Ltd</name></copyrightHolder></rightsInfo>', "Holder Ltd"),
    ("", "", None),
])
def test_source(tmp_path, provider, rights, expected):
    text = item(item_meta=provider, content="<inlineData>Body.</inlineData>").replace("<itemMeta>",
                                                                                      f"{rights}<itemMeta>")
    (article,) = read_path(write(tmp_path, text))
    assert article.source == expected


@pytest.mark.parametrize(("text", "reason"), [
    (item(guid="", content="<inlineData>Body.</inlineData>"), "missing_field"),
    (item(content='<inlineXML contenttype="application/xhtml+xml"><html><body> </body></html></inlineXML>'),
     "empty_body"),
    (item(content="<inlineData>Body.</inlineData>", item_meta="<firstCreated>someday</firstCreated>"),
     "bad_date"),
])
def test_item_rejects(tmp_path, text, reason):
    (reject,) = rejects_of(read_path(write(tmp_path, text)))
    assert (reject.reason, reject.record) == (reason, 0)


@pytest.mark.parametrize(("path", "reason"), [
    (FIXTURES / "billion_laughs.xml", "unsafe_xml"),
    (RAW / "bad" / "xxe_newsitem.xml", "unsafe_xml"),
])
def test_hostile_documents_are_refused(path, reason):
    (reject,) = read_path(path)
    assert (reject.reason, reject.record) == (reason, None)


def test_parser_refuses_entities_the_byte_scan_cannot_see():
    # UTF-16 without a byte order mark hides "<!ENTITY" from a byte scan; the parser still refuses it.
    document = (FIXTURES / "billion_laughs.xml").read_text().replace('<?xml version="1.0"?>',
                                                                      '<?xml version="1.0" encoding="UTF-16"?>')
    with pytest.raises(ReaderError) as caught:
        newsml.parse(document.encode("utf-16-le"))
    assert caught.value.reason == "unsafe_xml"


@pytest.mark.parametrize(("text", "reason"), [
    (item(content="<inlineData>Body.</inlineData>")[:-20], "malformed_xml"),
    ("<html><body><p>Not NewsML</p></body></html>", "malformed_xml"),
    ("", "malformed_xml"),
])
def test_broken_documents(tmp_path, text, reason):
    (reject,) = read_path(write(tmp_path, text))
    assert reject.reason == reason


def test_deep_nesting_does_not_crash(tmp_path):
    deep = "<div>" * 50_000 + "x" + "</div>" * 50_000
    text = item(content=f'<inlineXML contenttype="application/xhtml+xml"><html><body>{deep}</body></html></inlineXML>')
    items = read_path(write(tmp_path, text))
    assert len(items) == 1
    assert getattr(items[0], "reason", None) in (None, "malformed_xml")


def test_message_positions_count_every_item(tmp_path):
    picture = item(guid='guid="urn:test:pic"', item_meta='<itemClass qcode="ninat:picture"/>')
    text_item = item(guid='guid="urn:test:2"', content="<inlineData>Second.</inlineData>")
    message = f"<newsMessage {NS}><itemSet>{picture}{text_item}</itemSet></newsMessage>"
    (article,) = articles_of(read_path(write(tmp_path, message)))
    assert (article.source_id, article.record) == ("urn:test:2", 1)


@pytest.mark.parametrize(("content", "expected"), [
    ('<inlineXML contenttype="application/xhtml+xml"><html><body><p>Tar<b>iff</b>s rise.</p></body></html>'
     "</inlineXML>", "Tariffs rise."),
    ('<inlineXML contenttype="application/xhtml+xml"><html><body><table><tr><td>Japan</td><td>25%</td></tr>'
     "<tr><td>Korea</td><td>25%</td></tr></table></body></html></inlineXML>", "Japan 25%\nKorea 25%"),
    ("<inlineData>Wrapped\nline.\n\nNext paragraph.</inlineData>", "Wrapped line.\nNext paragraph."),
    ("<inlineData>One a line\nSecond line</inlineData>", "One a line\nSecond line"),
])
def test_body_layouts(tmp_path, content, expected):
    (article,) = read_path(write(tmp_path, item(content=content)))
    assert article.body == expected
