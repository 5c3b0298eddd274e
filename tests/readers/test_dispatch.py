"""Dispatch: a misnamed file is read as what its content says; a ``.gz`` file is read decompressed."""

from __future__ import annotations

import gzip
import shutil

import pytest

from pipeline.config import make_settings
from pipeline.readers import sniff
from tests.readers.helpers import RAW, articles_of, read_path, rejects_of

SAMPLES = {
    "sgml": RAW / "sgml" / "sample.sgm",
    "jsonl": RAW / "jsonl" / "whitehouse_sample.jsonl",
    "feed": RAW / "feed" / "whitehouse_trade.rss",
    "newsml": RAW / "newsml" / "steel_aluminum_tariffs.xml",
    "html": RAW / "html" / "de_minimis_fact_sheet.html",
    "text": RAW / "text" / "000_fdaf5c86bb7df86d.txt",
}


def content(items):
    """What an article says, without the file it came from."""
    return [(a.format, a.record, a.source_id, a.headline, a.body, a.published_at, a.categories)
            for a in articles_of(items)]


@pytest.mark.parametrize("fmt", ["sgml", "jsonl", "feed", "newsml", "html"])
@pytest.mark.parametrize("name", ["misnamed.txt", "no_extension", "unknown.dat"])
def test_a_misnamed_file_is_read_as_its_content_says(tmp_path, fmt, name):
    path = tmp_path / name
    shutil.copyfile(SAMPLES[fmt], path)
    items = read_path(path)
    assert content(items) and {a.format for a in articles_of(items)} == {fmt}
    # The same articles (an html page without a url takes its id from its file name).
    assert [row[:2] + row[3:] for row in content(items)] == [row[:2] + row[3:] for row in content(
        read_path(SAMPLES[fmt]))]


@pytest.mark.parametrize(("head", "expected"), [
    (b'<!DOCTYPE lewis SYSTEM "lewis.dtd">\n<REUTERS NEWID="1">', ".sgm"),
    (b"\xef\xbb\xbf  <REUTERS TOPICS=\"YES\">", ".sgm"),
    (b'<?xml version="1.0"?><rss version="2.0">', ".xml"),
    (b'<?xml version="1.0"?>\n<!DOCTYPE html><html>', ".html"),
    (b"<!doctype html><html><body>", ".html"),
    (b'{"id": "1", "text": "x"}\n', ".jsonl"),
    (b'[ {"id": "1"} ]', ".jsonl"),
    (b"Tariffs rise\n\nTOKYO\nJapan said.", None),
    (b"<b>Tariffs</b> rise", None),  # a wire headline may open with markup; nothing unmistakable
    (b"[UPDATE] Tariffs rise", None),
    (b"", None),
])
def test_sniff_knows_only_unmistakable_openings(head, expected):
    assert sniff(head) == expected


def test_plain_text_stays_text_and_a_known_extension_settles_the_format(tmp_path):
    plain = tmp_path / "story.txt"
    plain.write_text("<b>Tariffs</b> rise\n\nTOKYO\nJapan said tariffs rose.\n", encoding="utf-8")
    assert [a.format for a in articles_of(read_path(plain))] == ["text"]
    page = tmp_path / "export.json"  # an HTML error page saved as .json is a bad JSON file, not an article
    page.write_text("<!DOCTYPE html><html><body><p>Not found</p></body></html>", encoding="utf-8")
    assert [r.reason for r in rejects_of(read_path(page))] == ["malformed_json"]
    notes = tmp_path / "notes.csv"
    notes.write_text("a,b\n1,2\n", encoding="utf-8")
    [reject] = read_path(notes)
    assert reject.reason == "unsupported_format" and "'.csv'" in reject.detail


def gzipped(source, target):
    target.write_bytes(gzip.compress(source.read_bytes()))
    return target


@pytest.mark.parametrize("fmt", list(SAMPLES))
def test_a_gz_file_reads_as_the_file_it_holds(tmp_path, fmt):
    source = SAMPLES[fmt]
    for sidecar in source.parent.glob(source.stem + ".*.json"):  # sidecars stay uncompressed, named without .gz
        shutil.copyfile(sidecar, tmp_path / sidecar.name)
    path = gzipped(source, tmp_path / (source.name + ".gz"))
    assert content(read_path(path)) == content(read_path(source))


def test_a_gz_file_without_an_inner_extension_is_sniffed(tmp_path):
    path = gzipped(SAMPLES["sgml"], tmp_path / "archive.gz")
    assert [a.format for a in articles_of(read_path(path))] == ["sgml"] * 4


def test_a_json_document_keeps_its_record_numbering_when_gzipped(tmp_path):
    path = tmp_path / "records.json.gz"
    path.write_bytes(gzip.compress(b'[{"id": "a", "text": "One."}, {"id": "b", "text": "Two."}]'))
    assert [a.record for a in articles_of(read_path(path))] == [0, 1]  # array positions, as for .json


def test_a_broken_gz_file_is_unreadable(tmp_path):
    path = tmp_path / "cut.sgm.gz"
    path.write_bytes(gzip.compress(SAMPLES["sgml"].read_bytes())[:200])
    [reject] = read_path(path)
    assert reject.reason == "unreadable_file" and ".gz" in reject.detail
    (tmp_path / "plain.txt.gz").write_bytes(b"not gzip at all")
    [reject] = read_path(tmp_path / "plain.txt.gz")
    assert reject.reason == "unreadable_file"


def test_a_gz_file_is_refused_when_it_decompresses_past_the_limit(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "1", "text": "' + b"a" * 200_000 + b'"}\n'))
    assert path.stat().st_size < 4096
    [reject] = read_path(path, make_settings(max_file_bytes=4096))
    assert reject.reason == "file_too_large" and "decompressed" in reject.detail
