"""One pyarrow schema per table, declared once and enforced at every write.

The contract (`DESIGN.md` of the project) names the required columns; the
extra columns here (``run_id``, ``published_date`` …) are the project's own.
`conform` is the only way a table reaches disk: a missing column fails with the
table and the column named, an extra column fails too, and types are cast.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

TS = pa.timestamp("us", tz="UTC")
DATE = pa.date32()
STR = pa.string()
INT = pa.int64()
I32 = pa.int32()
F64 = pa.float64()
BOOL = pa.bool_()
STRS = pa.list_(pa.string())


def _schema(*fields: tuple[str, pa.DataType, bool]) -> pa.Schema:
    return pa.schema([pa.field(name, dtype, nullable=nullable) for name, dtype, nullable in fields])


# Partition column shared by every per-article table: the article's publication
# day (UTC) as YYYY-MM, or "unknown". See io.py for why publication date.
PARTITION = ("published_month", STR, False)

ARTICLES = _schema(
    ("article_id", STR, False),
    ("source_id", STR, False),
    ("source", STR, True),
    ("source_path", STR, False),
    ("record", I32, False),
    ("format", STR, False),
    ("url", STR, True),
    # Nullable only for rows written before the column existed; a reader always gives a list.
    ("categories", STRS, True),
    ("headline", STR, True),
    ("subheadline", STR, True),
    ("dateline", STR, True),
    # Nullable also for rows written before the column existed.
    ("byline", STR, True),
    ("published_at", TS, True),
    ("published_from", STR, True),
    ("language", STR, False),
    ("text", STR, False),
    ("body_start", I32, False),
    ("content_hash", STR, False),
    # How much the article is about trade policy, and whether it counts as a trade story
    # (pipeline/relevance.py). Nullable only for rows written before the columns existed.
    ("trade_relevance", F64, True),
    ("is_trade", BOOL, True),
    ("run_id", STR, False),
    PARTITION,
)

REJECTS = _schema(
    ("reject_id", STR, False),
    ("source_path", STR, False),
    ("record", I32, True),
    ("reason", STR, False),
    ("stage", STR, False),
    ("detail", STR, True),
    ("article_id", STR, True),
    ("run_id", STR, False),
)

RUNS = _schema(
    ("run_id", STR, False),
    ("stage", STR, False),
    ("started_at", TS, False),
    ("ended_at", TS, False),
    ("inputs", STRS, False),
    ("rules_version", STR, False),
    ("rows_in", INT, False),
    ("rows_out", INT, False),
    ("rejects", INT, False),
    ("skipped", INT, False),
    ("status", STR, False),
    ("message", STR, True),
    ("packages", STR, False),
)

MENTIONS = _schema(
    ("article_id", STR, False),
    ("mention_id", STR, False),
    ("kind", STR, False),
    ("text", STR, False),
    ("start_char", I32, False),
    ("end_char", I32, False),
    ("sentence_index", I32, False),
    ("rule_id", STR, False),
    ("label", STR, True),
    ("run_id", STR, False),
    PARTITION,
)

SENTENCES = _schema(
    ("article_id", STR, False),
    ("sentence_index", I32, False),
    ("start_char", I32, False),
    ("end_char", I32, False),
    ("paragraph_index", I32, False),
    ("parsed", BOOL, False),
    ("run_id", STR, False),
    PARTITION,
)

# The dependency parse of the sentences extract parsed (`sentences.parsed`): one row per token.
TOKENS = _schema(
    ("article_id", STR, False),
    ("sentence_index", I32, False),
    ("token_index", I32, False),
    ("start_char", I32, False),
    ("end_char", I32, False),
    ("text", STR, False),
    ("lemma", STR, True),
    ("upos", STR, True),
    ("morph", STR, True),
    ("head_index", I32, False),
    ("dep", STR, True),
    ("run_id", STR, False),
    PARTITION,
)

COUNTRIES = _schema(
    ("article_id", STR, False),
    ("mention_id", STR, False),
    ("text", STR, False),
    ("iso3", STR, False),
    ("wikidata_qid", STR, True),
    ("form", STR, False),
    ("is_dateline", BOOL, False),
    ("start_char", I32, False),
    ("end_char", I32, False),
    ("run_id", STR, False),
    PARTITION,
)

OFFICIALS = _schema(
    ("article_id", STR, False),
    ("official_id", STR, False),
    ("name", STR, False),
    ("title", STR, True),
    ("is_former", BOOL, False),
    ("country_iso3", STR, True),
    ("organization", STR, True),
    ("mention_ids", STRS, False),
    ("wikidata_qid", STR, True),
    ("in_office", BOOL, True),
    ("run_id", STR, False),
    PARTITION,
)

# Every person named in an article (officials included), grouped by
# coreference; officials are the rows with ``is_official``. Quotes use it
# to name speakers who hold no office.
PEOPLE = _schema(
    ("article_id", STR, False),
    ("person_id", STR, False),
    ("name", STR, False),
    ("is_official", BOOL, False),
    ("official_id", STR, True),
    ("title", STR, True),
    ("organization", STR, True),
    ("mention_ids", STRS, False),
    ("run_id", STR, False),
    PARTITION,
)

RATES = _schema(
    ("article_id", STR, False),
    ("mention_id", STR, False),
    ("text", STR, False),
    ("value", F64, True),
    ("unit", STR, False),
    ("rate_kind", STR, False),
    ("previous_value", F64, True),
    ("applies_to", STR, True),
    ("start_char", I32, False),
    ("end_char", I32, False),
    ("run_id", STR, False),
    PARTITION,
)

MONEY = _schema(
    ("article_id", STR, False),
    ("mention_id", STR, False),
    ("text", STR, False),
    ("value", F64, True),
    ("currency", STR, True),
    ("start_char", I32, False),
    ("end_char", I32, False),
    ("run_id", STR, False),
    PARTITION,
)

DATES = _schema(
    ("article_id", STR, False),
    ("mention_id", STR, False),
    ("text", STR, False),
    ("timex_type", STR, False),
    ("value", STR, True),
    ("granularity", STR, True),
    ("anchor", STR, True),
    ("modifier", STR, True),
    ("resolved", BOOL, False),
    ("start_char", I32, False),
    ("end_char", I32, False),
    ("run_id", STR, False),
    PARTITION,
)

QUOTES = _schema(
    ("article_id", STR, False),
    ("quote_id", STR, False),
    ("text", STR, False),
    ("start_char", I32, False),
    ("end_char", I32, False),
    ("kind", STR, False),
    ("speaker_name", STR, True),
    ("speaker_official_id", STR, True),
    ("speaker_text", STR, True),
    ("cue", STR, True),
    ("unbalanced", BOOL, False),
    ("quote_type", STR, False),
    ("speaker_kind", STR, False),
    ("run_id", STR, False),
    PARTITION,
)

# Per-article event rows before cross-article merging; `events` is built from it.
EVENT_MENTIONS = _schema(
    ("article_id", STR, False),
    ("event_id", STR, False),
    ("event_type", STR, False),
    ("actor_iso3", STR, True),
    ("target_iso3", STRS, False),
    ("target_scope", STR, False),
    ("excluded_iso3", STRS, False),
    ("rate_value", F64, True),
    ("rate_previous", F64, True),
    ("product", STR, True),
    ("event_date", STR, True),
    ("duration", STR, True),
    ("modality", STR, False),
    ("officials", STRS, False),
    ("evidence", STR, False),
    ("start_char", I32, False),
    ("end_char", I32, False),
    ("confidence", F64, False),
    ("rule_score", F64, False),  # the rules' score before calibration (pipeline/events/merge.py)
    ("rule_id", STR, False),
    ("mention_ids", STRS, False),
    ("is_background", BOOL, False),
    ("run_id", STR, False),
    # the event's date as dates beside its TIMEX3 value (pipeline/events/dates.py)
    ("event_date_start", DATE, True),
    ("event_date_end", DATE, True),
    ("event_date_granularity", STR, True),
    # the day its text says the measure takes effect, beside the day it is told (pipeline/events/effective.py)
    ("effective_date", DATE, True),
    ("event_key", STR, False),  # the normalized event without its date: what `events` merges by
    # CAMEO 1.1b3 and PLOVER codes of the type (models/events/codes.csv); null for a negated event
    ("cameo_code", STR, True),
    ("plover_type", STR, True),
    ("plover_mode", STR, True),
    ("plover_context", STR, True),
    ("hs_codes", STRS, False),  # HS 2022 codes of the product (models/events/hs_codes.csv); empty without one
    PARTITION,
)

# One row per event merged across articles: the columns of `event_mentions`, with the list of its articles in
# place of one article, and no partition column (the table is written whole).
EVENTS = pa.schema([
    EVENT_MENTIONS.field("event_id"),
    pa.field("article_ids", STRS, nullable=False),
    *(f for f in EVENT_MENTIONS if f.name not in ("article_id", "event_id", PARTITION[0])),
    pa.field("evidence_article_id", STR, nullable=False),  # the article whose sentence is the evidence
    pa.field("first_published_at", TS, nullable=True),  # publication of the event's first article
    pa.field("event_mention_ids", STRS, nullable=False),  # "<article_id>:<event_id>" of each merged mention row
])

# The tariff in force between an actor and a target on a product, as intervals built from `events`
# (pipeline/timeline; docs/timeline.md). Written whole, like `events`; no partition column.
TARIFF_TIMELINE = _schema(
    ("timeline_id", STR, False),  # hash of actor, target, product, status and valid_from
    ("actor_iso3", STR, False),
    ("target_iso3", STR, True),  # null for the pseudo-targets of target_scope all / all_except / unspecified
    ("target_scope", STR, False),  # bilateral, all, all_except, unspecified
    ("excluded_iso3", STRS, False),
    ("product", STR, True),  # null: every product (no product named)
    ("hs_codes", STRS, False),
    ("status", STR, False),  # asserted (moves the timeline), planned, threatened (kept apart)
    ("change", STR, False),  # imposed, increased, reduced, suspended, resumed, exempted, removed
    ("in_force", BOOL, False),  # whether a tariff applies during the interval (a pause may keep part of it)
    ("rate_value", F64, True),  # the rate in force during the interval (percent); null when unstated
    ("rate_previous", F64, True),
    ("valid_from", DATE, False),
    ("valid_to", DATE, True),  # exclusive end: the day the next interval starts; null while open
    ("announced_on", DATE, True),
    ("effective_on", DATE, True),
    ("conflict", BOOL, False),  # reports disagree on this interval's rate or date
    ("alternatives", STRS, False),  # the disagreeing readings, e.g. "rate 20 (event 9c1e4b7a20d3f6e8)"
    ("event_ids", STRS, False),
    ("article_ids", STRS, False),
    ("run_id", STR, False),
)

# Stage ledgers: which article was processed with which content and rules.
LEDGER = _schema(
    ("article_id", STR, False),
    ("content_hash", STR, False),
    ("rules_version", STR, False),
    ("run_id", STR, False),
    PARTITION,
)

# Which raw files ingest has read, by content hash: unchanged files are skipped.
INGEST_LEDGER = _schema(
    ("source_path", STR, False),
    ("file_hash", STR, False),
    ("rules_version", STR, False),
    ("articles", INT, False),
    ("rejects", INT, False),
    ("run_id", STR, False),
    ("bytes_hash", STR, True),  # file_hash without the file's name: a renamed file keeps it
    ("article_ids", STRS, True),  # every article the file holds, also those stored from another file
)

TABLES: Mapping[str, pa.Schema] = {
    "articles": ARTICLES,
    "rejects": REJECTS,
    "runs": RUNS,
    "mentions": MENTIONS,
    "sentences": SENTENCES,
    "tokens": TOKENS,
    "countries": COUNTRIES,
    "officials": OFFICIALS,
    "people": PEOPLE,
    "rates": RATES,
    "money": MONEY,
    "dates": DATES,
    "quotes": QUOTES,
    "event_mentions": EVENT_MENTIONS,
    "events": EVENTS,
    "tariff_timeline": TARIFF_TIMELINE,
    "_ledger/ingest": INGEST_LEDGER,
}


class SchemaError(ValueError):
    """A table about to be written does not match its declared schema."""


def schema_for(table: str) -> pa.Schema:
    """Return the declared schema of ``table``, failing with the known names."""
    try:
        return TABLES[table]
    except KeyError:
        raise SchemaError(f"unknown table {table!r}; known tables: {', '.join(sorted(TABLES))}") from None


def conform(table: str, data: pa.Table | Iterable[Mapping[str, Any]], schema: pa.Schema | None = None) -> pa.Table:
    """Return ``data`` as a pyarrow Table with exactly the declared schema.

    Accepts a pyarrow Table or an iterable of row mappings. Fails naming the
    table and the column when a column is missing, unexpected, null where the
    schema forbids it, or of a type that cannot be cast.
    """
    schema = schema if schema is not None else schema_for(table)
    if not isinstance(data, pa.Table):
        rows = list(data)
        names = schema.names
        expected = set(names)
        for position, row in enumerate(rows):
            if row.keys() != expected:
                missing = [name for name in names if name not in row]
                extra = [key for key in row if key not in expected]
                raise SchemaError(
                    f"table {table!r}, row {position}: missing columns {missing}, unexpected columns {extra}"
                )
        try:
            data = pa.Table.from_pylist(rows, schema=schema)
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as error:
            raise SchemaError(f"table {table!r}: {error}") from error
        for f in schema:
            column = data.column(f.name)
            if not f.nullable and column.null_count:
                position = pc.index(column.is_null(), True).as_py()
                raise SchemaError(f"table {table!r}, row {position}: column {f.name!r} holds nulls "
                                  "but is declared not null")
    missing = [f.name for f in schema if f.name not in data.column_names]
    extra = [name for name in data.column_names if schema.get_field_index(name) < 0]
    if missing or extra:
        raise SchemaError(f"table {table!r}: missing columns {missing}, unexpected columns {extra}")
    data = data.select([f.name for f in schema])
    try:
        data = data.cast(schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError, ValueError) as error:
        raise SchemaError(f"table {table!r}: {error}") from error
    for field in schema:
        if not field.nullable and data.column(field.name).null_count:
            raise SchemaError(f"table {table!r}: column {field.name!r} holds nulls but is declared not null")
    return data


def empty(table: str) -> pa.Table:
    """An empty table with the declared schema of ``table``."""
    return schema_for(table).empty_table()
