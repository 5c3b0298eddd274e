"""Schemas are enforced at every write: missing, extra, null and mistyped columns fail by name."""

import pyarrow as pa
import pytest

from pipeline.schemas import TABLES, SchemaError, conform, empty


def _row(**overrides):
    row = {"reject_id": "r1", "source_path": "a.jsonl", "record": 3, "reason": "malformed_json", "stage": "ingest",
           "detail": "line 3 does not parse", "article_id": None, "run_id": "run"}
    row.update(overrides)
    return row


def test_conform_accepts_rows_and_casts_types():
    table = conform("rejects", [_row()])
    assert table.schema == TABLES["rejects"]
    assert table.column("record").to_pylist() == [3]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({k: v for k, v in _row().items() if k != "reason"}, "missing columns ['reason']"),
        (_row(extra=1), "unexpected columns ['extra']"),
        (_row(reason=None), "'reason' holds nulls"),
        (_row(record="three"), "rejects"),
    ],
)
def test_conform_names_the_problem(row, message):
    with pytest.raises(SchemaError, match=message.replace("[", r"\[").replace("]", r"\]")):
        conform("rejects", [row])


def test_unknown_table_is_refused():
    with pytest.raises(SchemaError, match="unknown table 'nope'"):
        empty("nope")


def test_contract_columns_are_declared():
    required = {
        "articles": ["article_id", "source_id", "source", "url", "headline", "subheadline", "dateline",
                     "published_at", "published_from", "language", "text"],
        "rejects": ["source_path", "record", "reason", "stage", "detail"],
        "runs": ["run_id", "stage", "started_at", "ended_at", "inputs", "rules_version", "rows_in", "rows_out",
                 "rejects", "status"],
        "mentions": ["article_id", "mention_id", "kind", "text", "start_char", "end_char", "sentence_index",
                     "rule_id"],
        "countries": ["article_id", "mention_id", "text", "iso3", "form", "is_dateline"],
        "officials": ["article_id", "official_id", "name", "title", "country_iso3", "organization", "mention_ids"],
        "rates": ["article_id", "mention_id", "text", "value", "unit", "rate_kind", "previous_value", "applies_to"],
        "dates": ["article_id", "mention_id", "text", "timex_type", "value", "granularity", "anchor", "modifier",
                  "resolved"],
        "quotes": ["article_id", "quote_id", "text", "start_char", "end_char", "kind", "speaker_name",
                   "speaker_official_id", "speaker_text", "cue"],
        "events": ["event_id", "article_ids", "event_type", "actor_iso3", "target_iso3", "target_scope",
                   "excluded_iso3", "rate_value", "rate_previous", "product", "event_date", "duration", "modality",
                   "officials", "evidence", "start_char", "end_char", "confidence"],
    }
    for table, columns in required.items():
        names = TABLES[table].names
        assert [c for c in columns if c not in names] == [], table
    assert TABLES["articles"].field("published_at").type == pa.timestamp("us", tz="UTC")


def test_a_null_is_reported_at_its_row():
    with pytest.raises(SchemaError, match=r"table 'rejects', row 2: column 'stage' holds nulls"):
        conform("rejects", [_row(), _row(reject_id="r2"), _row(reject_id="r3", stage=None)])
