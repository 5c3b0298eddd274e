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
    assert set(events.event_id) == set(mentions.event_id)
    assert not mentions.duplicated(["article_id", "event_id"]).any()
    assert mentions.actor_iso3.notna().all()
    assert mentions.confidence.between(0, 1).all()
    for row in mentions.itertuples():
        assert articles.at[row.article_id, "text"][row.start_char:row.end_char] == row.evidence
    for row in events.itertuples():
        assert list(row.article_ids) == sorted(set(row.article_ids))
        assert set(row.article_ids) <= set(mentions[mentions.event_id == row.event_id].article_id)
