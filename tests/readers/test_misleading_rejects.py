"""Inputs that were refused under a reason that did not fit: wide Unicode, a quoted <!ENTITY, a bad default date."""

from __future__ import annotations

import json

import pytest

from pipeline.readers.common import check_xml_safe
from tests.readers.helpers import articles_of, read_path, rejects_of

QUOTED = "Japan’s minister said “tariffs will rise” — again."
RSS = ('<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel><title>Desk</title>'
       "<item><guid>g1</guid><title>One</title><description>{body}</description></item></channel></rss>")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("name", ["story.txt", "feed.jsonl"])
def test_utf16_and_utf32_text_with_a_bom_is_read(tmp_path, encoding, name):
    text = f"Trade\n\nTOKYO\n{QUOTED}\n" if name.endswith(".txt") else json.dumps({"id": "a", "text": QUOTED}) + "\n"
    data = text.encode(encoding)
    if not encoding.endswith(("16", "32")):  # the -le/-be codecs write no BOM: add the one a Windows editor writes
        data = ("\ufeff" + text).encode(encoding)
    path = tmp_path / name
    path.write_bytes(data)
    items = read_path(path)
    assert not rejects_of(items)
    [article] = articles_of(items)
    assert QUOTED in article.body


@pytest.mark.parametrize("suffix", [".rss", ".xml"])
def test_a_utf16_feed_is_read(tmp_path, suffix):
    path = tmp_path / f"feed{suffix}"
    path.write_bytes(RSS.format(encoding="UTF-16", body="Tariffs rose.").encode("utf-16"))
    [article] = articles_of(read_path(path))
    assert article.body == "Tariffs rose."


def test_a_cdata_that_quotes_an_entity_declaration_is_read(tmp_path):
    body = '<![CDATA[<p>The parser refused <code>&lt;!ENTITY</code> and <!ENTITY x "y"> as text.</p>]]>'
    path = tmp_path / "feed.rss"
    path.write_text(RSS.format(encoding="UTF-8", body=body))
    items = read_path(path)
    assert not rejects_of(items)
    assert "<!ENTITY" in articles_of(items)[0].body


@pytest.mark.parametrize("document", [
    b'<!-- <!ENTITY x "y"> --><a/>',
    b'<a><![CDATA[<!ENTITY x "y">]]></a>',
    b'<!DOCTYPE a SYSTEM "a.dtd"><a><![CDATA[<!ENTITY x "y">]]></a>',
])
def test_an_entity_declaration_outside_a_doctype_subset_declares_nothing(document):
    check_xml_safe(document)  # no error


def test_an_entity_behind_a_quoted_bracket_is_still_refused():
    from pipeline.readers.common import ReaderError

    with pytest.raises(ReaderError):
        check_xml_safe(b'<!DOCTYPE a SYSTEM "x>y" [<!ENTITY x "y">]><a>&x;</a>')


@pytest.mark.parametrize(("key", "default", "reason"), [
    ("published", "yesterday", "bad_date"),
    ("published", "2025-13-45", "bad_date"),
    ("source", {"not": "text"}, "malformed_json"),
])
def test_a_bad_default_in_a_field_sidecar_is_a_clear_reject(tmp_path, key, default, reason):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Body."}) + "\n")
    (tmp_path / "feed.fields.json").write_text(json.dumps({"defaults": {key: default}}))
    [reject] = read_path(path)
    assert reject.reason == reason and f"defaults.{key}" in reject.detail


def test_a_good_default_date_still_dates_the_records(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Body."}) + "\n")
    (tmp_path / "feed.fields.json").write_text(json.dumps({"defaults": {"published": "2025-05-02"}}))
    [article] = read_path(path)
    assert article.published_at.isoformat() == "2025-05-02T00:00:00+00:00"
