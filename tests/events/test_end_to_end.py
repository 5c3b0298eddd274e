"""The events stage after every other stage: the invariants of its tables.

(The seed article's contract events are checked by tests/test_seed_end_to_end.py.)
"""

from __future__ import annotations

import pandas as pd

from pipeline.events.types import EVENT_TYPES, MODALITIES, SCOPES


def test_event_tables_hold_their_invariants(sample_run):
    out, _ = sample_run
    mentions = pd.read_parquet(out / "event_mentions")
    events = pd.read_parquet(out / "events")
    articles = pd.read_parquet(out / "articles").set_index("article_id")
    rejects = pd.read_parquet(out / "rejects")
    assert not (rejects.stage == "events").any()
    assert len(mentions) and len(events)
    assert set(mentions.event_type) <= set(EVENT_TYPES)
    assert set(mentions.modality) <= set(MODALITIES)
    assert set(mentions.target_scope) <= set(SCOPES)
    assert events.event_id.is_unique
    # every mention row is in exactly one event, named by "<article_id>:<event_id>"
    merged = [m for ids in events.event_mention_ids for m in ids]
    assert sorted(merged) == sorted(f"{r.article_id}:{r.event_id}" for r in mentions.itertuples())
    assert not mentions.duplicated(["article_id", "event_id"]).any()
    assert mentions.actor_iso3.notna().all()
    assert mentions.confidence.between(0, 1).all()
    for row in mentions.itertuples():
        assert articles.at[row.article_id, "text"][row.start_char:row.end_char] == row.evidence
    for row in events.itertuples():
        assert list(row.article_ids) == sorted(set(row.article_ids))
        assert set(row.article_ids) == {m.split(":")[0] for m in row.event_mention_ids}
        assert row.evidence_article_id in row.article_ids
        first = articles.loc[list(row.article_ids), "published_at"].min()
        assert row.first_published_at == first or (pd.isna(row.first_published_at) and pd.isna(first))
