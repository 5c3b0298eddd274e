"""The extract stage's batch function: neither the vocabulary zone it runs in nor the articles read before
change an article's rows."""

from __future__ import annotations

from contextlib import nullcontext

import pyarrow as pa

from pipeline.config import PROJECT_ROOT, make_settings
from pipeline.stages import extract


def _articles() -> pa.Table:
    texts = [
        "JAPAN WEIGHS TARIFFS\n\nTOKYO, April 11\nJapan's trade minister said on Thursday the 24% tariff on "
        "Japanese imports would be discussed next month.",
        "U.S./Japan talks\n\nTreasury Secretary Scott Bessent said the 90-day pause ends in June.",
    ]
    return pa.table({"article_id": [f"a{i}" for i in range(len(texts))], "text": texts,
                     "published_month": ["2025-05"] * len(texts)})


def _rows(monkeypatch, cap: int) -> dict:
    monkeypatch.setattr(extract, "VOCABULARY_CAP", cap)
    settings = make_settings(models_dir=PROJECT_ROOT / "models")
    result = extract.extract_batch({"articles": _articles()}, settings)
    assert not result.failures
    return {table: sorted(rows.to_pylist(), key=lambda r: sorted((k, str(v)) for k, v in r.items()))
            for table, rows in result.rows.items()}


def test_the_zone_follows_the_vocabulary_cap(monkeypatch):
    nlp = extract.nlp_for(PROJECT_ROOT / "models")
    monkeypatch.setattr(extract, "VOCABULARY_CAP", len(nlp.vocab.strings) + 1)
    assert isinstance(extract.vocabulary_zone(nlp), nullcontext)
    monkeypatch.setattr(extract, "VOCABULARY_CAP", len(nlp.vocab.strings))
    assert not isinstance(extract.vocabulary_zone(nlp), nullcontext)


def test_rows_are_the_same_inside_and_outside_a_memory_zone(monkeypatch):
    kept = _rows(monkeypatch, cap=10**9)
    zoned = _rows(monkeypatch, cap=0)
    assert kept["mentions"] and kept["sentences"]
    assert zoned == kept


def test_an_article_that_fails_is_reported_and_the_others_keep_their_rows(monkeypatch):
    settings = make_settings(models_dir=PROJECT_ROOT / "models")
    nlp = extract.nlp_for(settings.models_dir)
    component = nlp.get_pipe("trade_rates_v1")
    found = type(component).__call__

    def fail_on_pause(self, doc):
        if "pause" in doc.text:
            raise RuntimeError("a rule broke")
        return found(self, doc)

    monkeypatch.setattr(type(component), "__call__", fail_on_pause)
    result = extract.extract_batch({"articles": _articles()}, settings)

    assert list(result.failures) == ["a1"]
    assert "RuntimeError: a rule broke" in result.failures["a1"]
    for table in ("mentions", "sentences"):
        assert set(result.rows[table].column("article_id").to_pylist()) == {"a0"}


def test_batch_rows_are_the_tables_columns_and_the_rows_of_each_doc(monkeypatch):
    from pipeline.nlp.mentions import doc_rows, mention_id
    from pipeline.schemas import schema_for

    settings = make_settings(models_dir=PROJECT_ROOT / "models")
    result = extract.extract_batch({"articles": _articles()}, settings)
    nlp = extract.nlp_for(settings.models_dir)
    for table in ("mentions", "sentences"):
        declared = [(f.name, f.type) for f in schema_for(table) if f.name != "run_id"]
        assert [(f.name, f.type) for f in result.rows[table].schema] == declared
    expected_mentions, expected_sentences = [], []
    for article in _articles().to_pylist():
        mentions, sentences = doc_rows(nlp(article["text"]), article["article_id"], article["published_month"],
                                       words=extract.word_rules_for(settings.models_dir))
        expected_mentions += mentions
        expected_sentences += sentences
    assert result.rows["mentions"].to_pylist() == expected_mentions
    assert result.rows["sentences"].to_pylist() == expected_sentences
    for row in expected_mentions:
        assert row["mention_id"] == mention_id(row["article_id"], row["kind"], row["start_char"], row["end_char"],
                                               row["rule_id"])


def _by_article(result) -> dict:
    """Each table's rows grouped by article (sorted), so that batches in any order compare equal."""
    grouped: dict = {}
    for table, rows in result.rows.items():
        for row in rows.to_pylist():
            grouped.setdefault((table, row["article_id"]), []).append(sorted((k, str(v)) for k, v in row.items()))
    return {key: sorted(rows) for key, rows in grouped.items()}


def test_an_articles_rows_do_not_depend_on_what_the_process_read_before():
    # The same articles forward in one batch, backward, and one per batch (so each meets a process that has
    # read different articles before it): every article keeps the same rows, parsed sentences' tokens included.
    texts = [
        "Canada answers U.S. steel tariffs\n\nOTTAWA, March 4\nCanada will impose a 25% tariff on "
        "C$30 billion of U.S. goods, Prime Minister Justin Trudeau said on Tuesday.",
        "EU weighs a reply\n\nThe European Commission said it would respond to the duties by April, "
        "and a spokesman said talks with Washington went on.",
        "Tariff threat\n\n\"We will not back down,\" the trade minister told reporters, adding that "
        "Beijing could raise its levies on American farm goods.",
    ]
    articles = pa.table({"article_id": [f"b{i}" for i in range(len(texts))], "text": texts,
                         "published_month": ["2025-03"] * len(texts)})
    settings = make_settings(models_dir=PROJECT_ROOT / "models")

    def run(order: list[int], size: int) -> dict:
        grouped: dict = {}
        for first in range(0, len(order), size):
            batch = articles.take(pa.array(order[first:first + size]))
            result = extract.extract_batch({"articles": batch}, settings)
            assert not result.failures
            grouped.update(_by_article(result))
        return grouped

    forward = run([0, 1, 2], 3)
    assert {table for table, _ in forward} == {"mentions", "sentences", "tokens"}
    assert run([2, 1, 0], 3) == forward
    assert run([1, 2, 0], 1) == forward
    assert run([0, 1, 2], 3) == forward  # and again, after all the above
