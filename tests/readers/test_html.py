"""Saved HTML pages: main text without boilerplate, and metadata from the page itself."""

from datetime import UTC, datetime

import pytest
from trafilatura.utils import load_html

from pipeline.readers.html import main_paragraphs, page_metadata
from tests.readers.helpers import FIXTURES, RAW, read_path

CANONICAL = ("https://www.whitehouse.gov/fact-sheets/2025/04/fact-sheet-president-donald-j-trump-closes-de-minimis-"
             "exemptions-to-combat-chinas-role-in-americas-synthetic-opioid-crisis/")


def test_saved_page():
    (article,) = read_path(RAW / "html" / "de_minimis_fact_sheet.html")
    assert (article.source_id, article.url, article.source) == (CANONICAL, CANONICAL, "The White House")
    assert article.headline.startswith("Fact Sheet: President Donald J. Trump Closes De Minimis Exemptions")
    assert (article.published_at, article.published_from) == (datetime(2025, 4, 2, 21, 20, 25, tzinfo=UTC),
                                                              "html:meta:article:published_time")
    paragraphs = article.body.split("\n")
    assert paragraphs[0].startswith("CLOSING LOOPHOLES IN THE TARIFF SYSTEM: Today, President Donald J. Trump")
    assert paragraphs[-1].startswith("President Trump implemented 20% tariffs on China")
    for boilerplate in ("cookies", "Privacy Policy", "Share on", "Related", "Subscribe", "Administration"):
        assert boilerplate not in article.body


def page(head="", body="<article><p>Text.</p></article>"):
    return load_html(f"<html><head>{head}</head><body>{body}</body></html>")


@pytest.mark.parametrize(("head", "body", "expected"), [
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-05-01T08:00:00+02:00"}'
     "</script>", "", (datetime(2025, 5, 1, 6, tzinfo=UTC), "html:jsonld:datePublished")),
    ('<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, {"datePublished": "2025-05-01"}]}'
     "</script>", "", (datetime(2025, 5, 1, tzinfo=UTC), "html:jsonld:datePublished")),
    ('<meta name="pubdate" content="2025-05-01T12:00:00Z">', "", (datetime(2025, 5, 1, 12, tzinfo=UTC),
                                                                   "html:meta:pubdate")),
    ("", '<article><time datetime="2025-05-01T09:30:00-04:00">May 1</time></article>',
     (datetime(2025, 5, 1, 13, 30, tzinfo=UTC), "html:time")),
    ('<script type="application/ld+json">{broken</script>', "", (None, None)),
    ("", "", (None, None)),
])
def test_publication_time_from_page_metadata(head, body, expected):
    meta = page_metadata(page(head, body))
    assert (meta["published"], meta["origin"]) == expected


@pytest.mark.parametrize(("head", "expected"), [
    ('<link rel="canonical" href="https://x/a"><meta property="og:url" content="https://x/b">', "https://x/a"),
    ('<meta property="og:url" content="https://x/b">', "https://x/b"),
    ('<script type="application/ld+json">{"url": "https://x/c"}</script>', "https://x/c"),
    ("", None),
])
def test_url_from_page_metadata(head, expected):
    assert page_metadata(page(head))["url"] == expected


def test_file_name_is_the_id_without_a_url(tmp_path):
    path = tmp_path / "saved-story.html"
    paragraphs = "".join(f"<p>Paragraph {n} of a story about tariffs on steel imports and the talks.</p>"
                         for n in range(6))
    path.write_text(f"<html><body><article><h1>Steel talks</h1>{paragraphs}</article></body></html>")
    (article,) = read_path(path)
    assert (article.source_id, article.url, article.published_at) == ("saved-story", None, None)


@pytest.mark.parametrize(("text", "headline", "expected"), [
    ("Title\n- item one\nPara.", "Title", ["item one", "Para."]),
    ("WASHINGTON — Story.", "Other", ["WASHINGTON — Story."]),
    ("", "Title", []),
])
def test_main_paragraphs(text, headline, expected):
    assert main_paragraphs(text, headline) == expected


def test_dateline_opening_the_first_paragraph(tmp_path):
    path = tmp_path / "dated.html"
    body = "".join(f"<p>{text}</p>" for text in [
        "WASHINGTON - The United States raised tariffs on steel imports to 50% on Wednesday, officials said.",
        "The higher rate applies to the steel and aluminum content of imported products from most countries.",
        "Imports from the United Kingdom remain at 25% while talks on an economic deal continue this month."])
    path.write_text(f"<html><body><article><h1>Steel tariffs rise</h1>{body}</article></body></html>")
    (article,) = read_path(path)
    assert article.dateline == "WASHINGTON"
    assert article.body.startswith("The United States raised tariffs")


def test_page_of_links_alone_is_empty_body():
    (reject,) = read_path(FIXTURES / "boilerplate_only.html")
    assert (reject.reason, reject.record) == ("empty_body", 0)


def test_binary_html_file(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (reject,) = read_path(path)
    assert reject.reason == "binary_file"
