"""The limits in `Settings` hold for every reader, and what they refuse lands in ``rejects``."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from pipeline.config import make_settings
from pipeline.readers import _limited, read_file
from pipeline.records import RawArticle, RawReject
from pipeline.runner import run_stages
from pipeline.stages.ingest import ingest
from pipeline.stages.registry import STAGES

SUFFIXES = (".txt", ".jsonl", ".json", ".sgm", ".xml", ".rss", ".html")


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_file_over_max_file_bytes_is_refused_before_any_reader_runs(tmp_path, suffix):
    path = tmp_path / f"big{suffix}"
    path.write_bytes(b"x" * 5000)
    items = list(read_file(path, path.name, make_settings(max_file_bytes=4096)))
    assert [(i.reason, i.record) for i in items] == [("file_too_large", None)]
    assert "5000 bytes" in items[0].detail and "max_file_bytes=4096" in items[0].detail
    assert list(read_file(path, path.name, make_settings(max_file_bytes=5000)))  # at the limit: read


def article(number: int) -> RawArticle:
    return RawArticle("f.jsonl", number, "jsonl", str(number), "body")


@pytest.mark.parametrize(("records", "limit", "articles", "last"), [
    ([article(i) for i in range(10)], 3, 3, "file_too_large"),
    ([article(i) for i in range(3)], 3, 3, None),
    ([article(0), RawReject("f.jsonl", 1, "file_too_large", "the reader's own"), article(2)], 1, 1,
     "file_too_large"),
])
def test_at_most_max_records_per_file_come_out(records, limit, articles, last):
    items = list(_limited(iter(records), "f.jsonl", limit))
    assert sum(isinstance(i, RawArticle) for i in items) == articles
    assert (items[-1].reason if isinstance(items[-1], RawReject) else None) == last
    assert len(items) <= limit + 1


def test_max_records_per_file_through_a_real_reader(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps({"id": str(i), "text": f"Story {i}."}) for i in range(10)))
    items = list(read_file(path, path.name, make_settings(max_records_per_file=4)))
    assert [type(i).__name__ for i in items] == ["RawArticle"] * 4 + ["RawReject"]
    assert items[-1].reason == "file_too_large" and "max_records_per_file=4" in items[-1].detail


def test_a_field_over_max_field_chars_becomes_a_reject_not_a_row(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "short.txt").write_text("Short one\n\nA short body.\n")
    (raw / "long.txt").write_text("Long one\n\n" + "word " * 300 + "\n")
    summary = run_stages(make_settings(raw=raw, out=tmp_path / "out", max_field_chars=1000, show_progress=False),
                         [("ingest", ingest)])
    assert summary.exit_code == 0 and summary.rejects == 1
    rejects = pd.read_parquet(tmp_path / "out" / "rejects")
    assert list(zip(rejects.source_path, rejects.reason)) == [("long.txt", "field_too_large")]
    assert "field 'body' has 1499 characters, over max_field_chars=1000" in rejects.detail.item()
    assert list(pd.read_parquet(tmp_path / "out" / "articles").source_path) == ["short.txt"]


def test_text_that_cannot_be_stored_is_rejected_by_name(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    # A JSON escape of half a surrogate pair decodes to a string UTF-8 cannot hold.
    (raw / "broken.jsonl").write_text('{"id": "a", "text": "fine"}\n{"id": "b", "text": "half \\ud83d of a smile"}\n')
    summary = run_stages(make_settings(raw=raw, out=tmp_path / "out", show_progress=False), [("ingest", ingest)])
    assert summary.error is None
    rejects = pd.read_parquet(tmp_path / "out" / "rejects")
    assert list(rejects.reason) == ["encoding_error"]
    assert "'body'" in rejects.detail.item() and "surrogate" in rejects.detail.item()
    assert list(pd.read_parquet(tmp_path / "out" / "articles").source_id) == ["a"]


@pytest.mark.parametrize(("meta", "reason", "words"), [
    ({"headline": ["a", "list"]}, "malformed_json", "'headline' must be str, not list"),
    ({"id": True}, "malformed_json", "'id' must be str or int, not bool"),
    ({"published": "the thirty-second of May"}, "bad_date", "is not a date"),
    ([1, 2], "malformed_json", "must hold a JSON object"),
])
def test_a_bad_sidecar_is_a_reject_that_says_what_is_wrong(tmp_path, meta, reason, words):
    (tmp_path / "story.txt").write_text("Headline\n\nTOKYO\nBody.\n")
    (tmp_path / "story.meta.json").write_text(json.dumps(meta))
    items = list(read_file(tmp_path / "story.txt", "story.txt", make_settings()))
    assert [i.reason for i in items] == [reason]
    assert words in items[0].detail


def test_a_sidecar_over_max_file_bytes_is_refused(tmp_path):
    (tmp_path / "story.txt").write_text("Headline\n\nBody.\n")
    (tmp_path / "story.meta.json").write_text(json.dumps({"source": "x" * 5000}))
    items = list(read_file(tmp_path / "story.txt", "story.txt", make_settings(max_file_bytes=4096)))
    assert [i.reason for i in items] == ["file_too_large"]


def test_a_file_that_yields_nothing_is_still_reported(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n")
    items = list(read_file(path, path.name, make_settings()))
    assert len(items) == 1 and isinstance(items[0], RawReject) and items[0].detail


def test_a_record_repeated_in_its_file_is_kept_once_and_leaves_a_duplicate_reject(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    line = json.dumps({"id": "a", "text": "Japan raised tariffs."})
    (raw / "feed.jsonl").write_text("\n".join([line, json.dumps({"id": "b", "text": "Other."}), line]) + "\n")
    summary = run_stages(make_settings(raw=raw, out=tmp_path / "out", show_progress=False), [("ingest", ingest)])
    assert summary.exit_code == 0  # rejects leave the exit code 0
    assert sorted(pd.read_parquet(tmp_path / "out" / "articles").source_id) == ["a", "b"]
    rejects = pd.read_parquet(tmp_path / "out" / "rejects")
    assert list(zip(rejects.record, rejects.reason)) == [(3, "duplicate")]
    assert "as record 1 of this file" in rejects.detail.item()


def test_an_article_too_long_for_extract_is_rejected_at_ingest_and_extract_reads_the_rest(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "short.txt").write_text("Short one\n\nJapan raised tariffs on steel to 25%.\n")
    (raw / "long.txt").write_text("Long one\n\n" + "Japan raised tariffs. " * 60 + "\n")
    settings = make_settings(raw=raw, out=tmp_path / "out", max_article_chars=1000, show_progress=False)
    summary = run_stages(settings, [("ingest", ingest), ("extract", STAGES["extract"])])
    assert summary.error is None and summary.exit_code == 0  # rejects leave the exit code 0
    rejects = pd.read_parquet(tmp_path / "out" / "rejects")
    assert list(zip(rejects.source_path, rejects.stage, rejects.reason)) == [("long.txt", "ingest", "field_too_large")]
    assert "max_article_chars=1000" in rejects.detail.item() and "nlp.max_length" in rejects.detail.item()
    assert list(pd.read_parquet(tmp_path / "out" / "articles").source_path) == ["short.txt"]


def test_extract_reads_articles_up_to_the_same_limit(tmp_path, monkeypatch):
    from pipeline.stages.extract import nlp_for

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "long.txt").write_text("Long one\n\n" + "Japan raised tariffs. " * 100 + "\n")
    settings = make_settings(raw=raw, out=tmp_path / "out", max_article_chars=3000, show_progress=False)
    monkeypatch.setattr(nlp_for(settings.models_dir), "max_length", 1000)  # as if spaCy's limit were below ours
    summary = run_stages(settings, [("ingest", ingest), ("extract", STAGES["extract"])])
    assert summary.error is None and summary.exit_code == 0
