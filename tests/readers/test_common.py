"""Shared reader helpers: HTML to paragraphs, entity safety, decoding, language tags."""

import pytest

from pipeline.readers.common import ReaderError, check_xml_safe, decode, html_paragraphs, language_code


@pytest.mark.parametrize(("markup", "expected"), [
    ("<p>One.</p><p>Two.</p>", "One.\nTwo."),
    ("<p>Wrapped\n   line.</p>", "Wrapped line."),
    ("<ul><li>First</li><li>Second</li></ul>", "First\nSecond"),
    ("Before<br/>after", "Before\nafter"),
    ("<p>Keep</p><script>track();</script><style>p{}</style><!-- note -->", "Keep"),
    ("<p>Fish &amp; chips &#8217;s &lt;ok&gt;</p>", "Fish & chips ’s <ok>"),
    ("<table><tr><td>Japan</td><td>25%</td></tr><tr><td>Korea</td><td>25%</td></tr></table>",
     "Japan 25%\nKorea 25%"),
    ("plain text", "plain text"),
    ("", ""),
    ("Plain text\nwrapped.\n\nIts second paragraph.", "Plain text wrapped.\nIts second paragraph."),
    ("AT&T and R&D; &foo; &nbsp;x &amp; &#8220;y&#8221; &eacute;", "AT&T and R&D; &foo; x & “y” é"),
    ("<figure><img src=a.png><figcaption>Photo</figcaption></figure><p>Text</p>", "Text"),
    ("<!-- only a comment -->", ""),
    ("<p>Before the end tag</p></body></html>after it", "Before the end tag\nafter it"),
    ("<title>Title</title><h2>Heading</h2>Text<noscript>enable scripts</noscript>", "Title\nHeading\nText"),
])
def test_html_paragraphs(markup, expected):
    assert html_paragraphs(markup) == expected


@pytest.mark.parametrize("document", [
    b'<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
    b'<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
    b'<!DOCTYPE a [<!ENTITY % p SYSTEM "http://example.org/e.dtd"> %p;]><a/>',
    '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'.encode("utf-16"),
])
def test_entity_declarations_are_unsafe(document):
    with pytest.raises(ReaderError) as caught:
        check_xml_safe(document)
    assert caught.value.reason == "unsafe_xml"


@pytest.mark.parametrize("document", [
    b"<a>plain &amp; fine</a>",
    b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "rss-0.91.dtd"><rss/>',
])
def test_documents_without_entity_declarations_pass(document):
    check_xml_safe(document)


def test_decode_falls_back_for_single_stray_bytes():
    assert decode("anunció".encode("cp1252")) == ("anunció", True)
    assert decode("\ufeffplain".encode("utf-8")) == ("plain", False)


def test_decode_refuses_wrong_encoding_when_strict():
    with pytest.raises(ReaderError) as caught:
        decode("anunció".encode("cp1252"), allow_fallback=False)
    assert caught.value.reason == "encoding_error" and "byte 6" in caught.value.detail


def test_decode_refuses_binary_data():
    with pytest.raises(ReaderError) as caught:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert caught.value.reason == "binary_file"


@pytest.mark.parametrize(("tag", "expected"), [
    ("en-US", "en"), ("EN", "en"), ("fr_CA", "fr"), (None, "en"), ("", "en"), ("123", "en"), ("english", "en"),
])
def test_language_code(tag, expected):
    assert language_code(tag) == expected
