"""The extract stage's batch function: the vocabulary zone it runs in never changes its rows."""

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
    return {table: sorted(rows, key=lambda r: sorted((k, str(v)) for k, v in r.items()))
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
