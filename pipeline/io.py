"""Reading and writing tables: atomic, partitioned, idempotent.

Layout under ``--out``::

    <table>/published_month=YYYY-MM/part-<key>.parquet   per-article tables
    <table>/part-0.parquet                                events, rejects, runs
    _ledger/<stage>/published_month=…/part-<key>.parquet  what each stage has done

Per-article tables are Hive-partitioned by the article's publication month.
Publication month, not ingest date, because it is a property of the article:
reprocessing an article rewrites rows in the same partition (ids stay unique
across partitions), the layout does not depend on the wall clock, and
researchers filter by when things were published. A nightly run touches
only the months of its new articles — for a news feed, the current one.

Every file is written to a temporary name in its folder and moved into place
with `os.replace`, so a reader sees the old file or the new one, never half.
Writers first remove the rows of the articles they are about to write from
every existing part file, then add the new part, so a rerun after a crash
leaves no duplicates.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from pipeline.schemas import PARTITION, conform, schema_for

PARTITION_KEY = PARTITION[0]
_PARTITIONING = ds.partitioning(pa.schema([(PARTITION_KEY, pa.string())]), flavor="hive")


def write_atomic(table: pa.Table, path: Path) -> None:
    """Write ``table`` to ``path`` through a temporary file and `os.replace`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".parquet")
    os.close(handle)
    try:
        pq.write_table(table, temp_name, compression="zstd")
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def is_partitioned(schema: pa.Schema) -> bool:
    """True when the table is stored in publication-month partitions."""
    return schema.get_field_index(PARTITION_KEY) >= 0


def table_dir(out: Path, name: str) -> Path:
    """Folder of table ``name`` (ledgers are named ``_ledger/<stage>``)."""
    return out / name


def part_files(folder: Path) -> list[Path]:
    """All data files of a table folder, in a stable order (temp files excluded)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*.parquet") if not p.name.startswith((".", "_")))


def exists(out: Path, name: str) -> bool:
    """True when table ``name`` has been written under ``out``."""
    return bool(part_files(table_dir(out, name)))


def read(out: Path, name: str, *, schema: pa.Schema | None = None, columns: list[str] | None = None,
         filter: ds.Expression | None = None) -> pa.Table:
    """Read table ``name`` under ``out`` with its declared schema (empty if never written)."""
    schema = schema if schema is not None else schema_for(name)
    files = part_files(table_dir(out, name))
    if not files:
        table = schema.empty_table()
        return table.select(columns) if columns else table
    dataset = ds.dataset([str(p) for p in files], schema=schema, format="parquet",
                         partitioning=_PARTITIONING if is_partitioned(schema) else None,
                         partition_base_dir=str(table_dir(out, name)))
    return dataset.to_table(columns=columns, filter=filter)


def _without_ids(path: Path, key: str, ids: pa.Array) -> None:
    """Rewrite one part file without the rows whose ``key`` is in ``ids`` (or delete it)."""
    present = pq.read_table(path, columns=[key]).column(key)
    hits = pc.is_in(present, value_set=ids)
    if not pc.any(hits).as_py():
        return
    table = pq.read_table(path)
    kept = table.filter(pc.invert(hits))
    if kept.num_rows:
        write_atomic(kept, path)
    else:
        path.unlink()


def remove_rows(out: Path, name: str, ids: Iterable[str], *, key: str = "article_id") -> None:
    """Remove every row of table ``name`` whose ``key`` is in ``ids``, file by file."""
    id_array = pa.array(sorted(set(ids)), type=pa.string())
    if not len(id_array):
        return
    for path in part_files(table_dir(out, name)):
        _without_ids(path, key, id_array)


def append_rows(out: Path, name: str, rows: pa.Table | list[dict], *, part_key: str,
                schema: pa.Schema | None = None, sort_by: list[str] | None = None) -> int:
    """Conform ``rows`` to the schema and add them as ``part-<part_key>`` files.

    Rows are sorted by ``sort_by`` (default: the first two columns) so the same
    input always gives the same bytes. Returns the number of rows written.
    """
    schema = schema if schema is not None else schema_for(name)
    table = conform(name, rows, schema)
    if not table.num_rows:
        return 0
    keys = sort_by or [f.name for f in schema][:2]
    table = table.sort_by([(k, "ascending") for k in keys])
    folder = table_dir(out, name)
    if not is_partitioned(schema):
        write_atomic(table, folder / f"part-{part_key}.parquet")
        return table.num_rows
    months = pc.unique(table.column(PARTITION_KEY)).to_pylist()
    for month in sorted(months):
        chunk = table.filter(pc.equal(table.column(PARTITION_KEY), month)).drop_columns([PARTITION_KEY])
        write_atomic(chunk, folder / f"{PARTITION_KEY}={month}" / f"part-{part_key}.parquet")
    return table.num_rows


def replace_table(out: Path, name: str, rows: pa.Table | list[dict], *, schema: pa.Schema | None = None,
                  sort_by: list[str] | None = None) -> int:
    """Replace the whole of an unpartitioned table with ``rows`` in one atomic write."""
    schema = schema if schema is not None else schema_for(name)
    table = conform(name, rows, schema)
    keys = sort_by or [f.name for f in schema][:2]
    if table.num_rows:
        table = table.sort_by([(k, "ascending") for k in keys])
    folder = table_dir(out, name)
    write_atomic(table, folder / "part-0.parquet")
    for stale in part_files(folder):
        if stale.name != "part-0.parquet":
            stale.unlink()
    return table.num_rows


def ensure_readable(out: Path, name: str, *, schema: pa.Schema | None = None) -> None:
    """Give a table with no rows an empty file, so every table opens in pandas and DuckDB."""
    schema = schema if schema is not None else schema_for(name)
    if exists(out, name):
        return
    if is_partitioned(schema):
        empty = schema.empty_table().drop_columns([PARTITION_KEY])
        write_atomic(empty, table_dir(out, name) / f"{PARTITION_KEY}=unknown" / "part-empty.parquet")
    else:
        write_atomic(schema.empty_table(), table_dir(out, name) / "part-0.parquet")
