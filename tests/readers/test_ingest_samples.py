"""Ingest end to end on a copy of data/raw: every reader, the deliberate rejects, and a rerun that does nothing."""

import hashlib
import shutil
from collections import Counter

import pandas as pd
import pytest

from pipeline.config import make_settings
from pipeline.stages.ingest import ingest
from tests.readers.helpers import RAW

# Articles each sample folder yields (the bad folder's JSON Lines file holds two good records).
EXPECTED_ARTICLES = {"bad": 2, "feed": 4, "html": 1, "jsonl": 14, "newsml": 2, "sgml": 4, "text": 1}
EXPECTED_REJECTS = {("bad/empty_body.txt", "empty_body"), ("bad/records_with_broken_line.jsonl", "malformed_json"),
                    ("bad/scanned_page.txt", "binary_file"), ("bad/xxe_newsitem.xml", "unsafe_xml")}


def digests(folder):
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*.parquet"))}


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    root = tmp_path_factory.mktemp("ingest_samples")
    shutil.copytree(RAW, root / "raw")
    settings = make_settings(raw=root / "raw", out=root / "out", show_progress=False)
    first = ingest(settings, run_id="run-1")
    return settings, first


def test_every_sample_folder_yields_its_articles(ingested):
    settings, report = ingested
    articles = pd.read_parquet(settings.out / "articles")
    assert Counter(articles.source_path.str.split("/").str[0]) == EXPECTED_ARTICLES
    assert report.rows_out == sum(EXPECTED_ARTICLES.values()) == len(articles)
    assert articles.article_id.is_unique
    assert set(articles.format) == {"jsonl", "sgml", "newsml", "feed", "html", "text"}


def test_deliberate_rejects_are_recorded(ingested):
    settings, report = ingested
    rejects = pd.read_parquet(settings.out / "rejects")
    assert set(zip(rejects.source_path, rejects.reason)) == EXPECTED_REJECTS
    assert {(r["source_path"], r["reason"]) for r in report.rejects} == EXPECTED_REJECTS


def test_published_at_is_known_for_every_sample_article(ingested):
    settings, _ = ingested
    articles = pd.read_parquet(settings.out / "articles")
    assert articles.published_at.notna().all()
    assert articles.published_from.str.match(r"^(metadata:|feed:|html:|sidecar)").all()


def test_second_run_processes_nothing_and_leaves_the_files_alone(ingested):
    settings, first = ingested
    before = digests(settings.out)
    again = ingest(settings, run_id="run-2")
    assert (again.rows_in, again.rows_out, again.skipped) == (0, 0, first.rows_in)
    assert digests(settings.out) == before
