"""Reading and writing tables: atomic, partitioned, idempotent.

Layout under ``--out`` (each ``<table>`` is a symlink to its published
version folder, see `pipeline.publish`)::

    <table>/published_month=YYYY-MM/part-<key>.parquet   per-article tables
    <table>/part-0.parquet                                events, rejects, runs
    _ledger/<stage>/published_month=…/part-<key>.parquet  what each stage has done

Per-article tables are Hive-partitioned by the article's publication month.
Publication month, not ingest date, because it is a property of the article:
reprocessing an article rewrites rows in the same partition (ids stay unique
across partitions), the layout does not depend on the wall clock, and
researchers filter by when things were published. A nightly run touches
only the months of its new articles — for a news feed, the current one.

Every write goes into a new version of its table inside a
`pipeline.publish.transaction` (the runner opens one per stage; a write made
outside one is its own transaction), and readers see a table change only when
the transaction publishes every table it wrote. Inside a version each file is
written to a temporary name (``.tmp-*.partial``, a name neither pandas nor a
DuckDB ``*.parquet`` glob picks up) and moved into place with `os.replace`;
the files reach the disk in one flush when the transaction publishes, not one
``fsync`` each (with one file per month per table, per-file flushes took most
of a run over thousands of months). Writers first remove the rows of the
articles they are about to write from every existing part file, then add the
new part, so a rerun leaves no duplicates. Temporary files left by a killed
process are removed by `sweep_temp_files` at the start of the next run.

Test hook: when the environment variable ``PIPELINE_TEST_KILL_AT_WRITE`` is
``N`` (or ``N:TEXT``), the process kills itself with SIGKILL just before the
N-th file it writes (counting only files whose path contains ``TEXT``) is
moved into place, or before the N-th table symlink it swaps when publishing
(``<out>/<table>@publish``): its temporary file is complete and the writes
before it are done. The crash
tests use it to stop a real run between two chosen writes
(``1:_ledger/ingest``: articles written, ledger not yet); unset, it does nothing.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import signal
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from pipeline import publish
from pipeline.articles import short_hash
from pipeline.permissions import FILE_MODE
from pipeline.schemas import PARTITION, conform, schema_for

PARTITION_KEY = PARTITION[0]
_PARTITIONING = ds.partitioning(pa.schema([(PARTITION_KEY, pa.string())]), flavor="hive")
TEMP_PREFIX, TEMP_SUFFIX = ".tmp-", ".partial"
EMPTY_MONTH, EMPTY_PART = "unknown", "part-empty.parquet"  # placeholder of a table with no rows yet
KILL_HOOK = "PIPELINE_TEST_KILL_AT_WRITE"
FILE_COLUMN = "__filename"  # the dataset column that names the part file a row was read from
_VERSION_FOLDER = re.compile(rf"/{re.escape(publish.VERSIONS)}/(.+?)/v\d{{6,}}/")
_write_count = itertools.count(1)  # counts this process's writes for the kill hook only


def release_memory() -> None:
    """Ask Arrow's allocator to hand back the memory freed since the last call; called after each batch.

    Arrow's allocator (mimalloc) keeps what it freed for reuse: a process
    that read the ids, hashes and dates of 215,770 articles (a 36 MB table)
    stayed 122 MB larger after the table was freed, and 93 MB after this
    call. (The C library's allocator, tried instead, did worse: its
    per-thread arenas grew a process by 378 MB while it indexed 220 files.)
    """
    pa.default_memory_pool().release_unused()


def _kill_hook(path: Path) -> None:
    """The documented test hook: SIGKILL this process at the configured write."""
    target = os.environ.get(KILL_HOOK)
    if not target:
        return
    number, _, text = target.partition(":")
    # Matched against the path readers know (``<out>/<table>/…``), not the version folder written to.
    logical = _VERSION_FOLDER.sub(r"/\1/", path.as_posix())
    if text in logical and next(_write_count) == int(number):
        os.kill(os.getpid(), signal.SIGKILL)


@contextmanager
def _replacing(path: Path, suffix: str) -> Iterator[str]:
    """A temporary file beside ``path`` to write; moved onto ``path`` when the block ends, deleted if it fails.

    mkstemp makes 0600 files; the file gets the modes the umask allows, as the tables are for every reader.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX, suffix=suffix)
    os.fchmod(handle, FILE_MODE)
    os.close(handle)
    try:
        yield temp_name
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def write_atomic(table: pa.Table, path: Path) -> None:
    """Write ``table`` to ``path`` through a temporary file and `os.replace`.

    Not flushed to disk here: a transaction flushes all its files at once before it publishes them.
    """
    with _replacing(path, TEMP_SUFFIX) as temp_name:
        pq.write_table(table, temp_name, compression="zstd")
        _kill_hook(path)


def write_text_atomic(text: str, path: Path) -> Path:
    """Write ``text`` to ``path`` (UTF-8) through a temporary file and `os.replace`; return ``path``.

    For the reports beside the tables: readers see the old file or the new one.
    """
    with _replacing(path, path.suffix) as temp_name:
        Path(temp_name).write_text(text, encoding="utf-8")
    return path


def sweep_temp_files(out: Path) -> list[Path]:
    """Delete the temporary files a killed writer left under ``out``; return them.

    Call it only while holding the run lock: a live writer's temporary file
    looks the same.
    """
    if not out.is_dir():
        return []
    stale = sorted(p for p in out.rglob(f"{TEMP_PREFIX}*") if p.is_file() or p.is_symlink())
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


def is_partitioned(schema: pa.Schema) -> bool:
    """True when the table is stored in publication-month partitions."""
    return schema.get_field_index(PARTITION_KEY) >= 0


def table_dir(out: Path, name: str) -> Path:
    """Folder of table ``name`` as this process reads it, resolved once (ledgers are ``_ledger/<stage>``).

    The published version, or the new version an open transaction of this process is writing.
    """
    return publish.folder(out, name)


@contextmanager
def _writing(out: Path, name: str) -> Iterator[Path]:
    """The folder to write ``name`` into: the open transaction's new version, or a transaction of its own."""
    with publish.transaction(out, kill_hook=_kill_hook):
        yield publish.writable(out, name)


def transaction(out: Path) -> contextlib.AbstractContextManager[publish.Transaction]:
    """Group the table writes inside into one publication (see `pipeline.publish`); nested calls join."""
    return publish.transaction(out, kill_hook=_kill_hook)


def _rebase(out: Path, name: str, paths: Iterable[Path], folder: Path) -> list[Path]:
    """The same part files (found in any version of ``name``) in ``folder``."""
    return sorted({folder / publish.relative(out, name, Path(p)) for p in paths})


def part_files(folder: Path) -> list[Path]:
    """All data files of a table folder, in a stable order (temp files excluded)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*.parquet") if not p.name.startswith((".", "_")))


def exists(out: Path, name: str) -> bool:
    """True when table ``name`` has been written under ``out``."""
    return bool(part_files(table_dir(out, name)))


def read(out: Path, name: str, *, schema: pa.Schema | None = None, columns: list[str] | None = None,
         filter: ds.Expression | None = None, files: Iterable[Path] | None = None) -> pa.Table:
    """Read table ``name`` under ``out`` with its declared schema (empty if never written).

    ``files`` limits the read to those part files (see `files_holding`); by
    default every part file is read. ``columns`` may name `FILE_COLUMN` to get
    the part file each row came from.
    """
    schema = schema if schema is not None else schema_for(name)
    folder = table_dir(out, name)
    paths = part_files(folder) if files is None else [p for p in _rebase(out, name, files, folder) if p.exists()]
    if not paths:
        table = schema.empty_table()
        if columns and FILE_COLUMN in columns:
            table = table.append_column(FILE_COLUMN, pa.array([], type=pa.string()))
        return table.select(columns) if columns else table
    dataset = ds.dataset([str(p) for p in paths], schema=schema, format="parquet",
                         partitioning=_PARTITIONING if is_partitioned(schema) else None,
                         partition_base_dir=str(folder))
    return dataset.to_table(columns=columns, filter=filter)


def _read_file(path: Path, columns: list[str] | None = None) -> pa.Table:
    """One part file's columns as stored (no partition column).

    `pyarrow.parquet.ParquetFile` rather than ``pq.read_table``, which builds a dataset for each
    file: over 1,500 one-month files that took 2.0 s, this 0.26 s.
    """
    return pq.ParquetFile(path).read(columns=columns)


def _drop_file(path: Path) -> None:
    """Delete a part file, and its partition folder when that is left empty."""
    path.unlink()
    if path.parent.name.startswith(f"{PARTITION_KEY}="):
        try:
            path.parent.rmdir()
        except OSError:  # other files remain in the partition
            pass


def _rewrite_without(path: Path, key: str, ids: pa.Array, *, keep_listed: bool = False) -> int:
    """Rewrite one part file without the rows whose ``key`` is in ``ids`` (or delete it).

    With ``keep_listed`` the test is inverted: rows whose key is *not* in ``ids``
    go. Returns the number of rows removed.
    """
    present = _read_file(path, columns=[key]).column(key)
    hits = pc.fill_null(pc.is_in(present, value_set=ids), False)
    if keep_listed:
        hits = pc.invert(hits)
    removed = pc.sum(hits).as_py() or 0
    if not removed:
        return 0
    table = _read_file(path)
    kept = table.filter(pc.invert(hits))
    if kept.num_rows:
        write_atomic(kept, path)
    else:
        _drop_file(path)
    return removed


def _files_in_months(out: Path, name: str, months: Iterable[str] | None, folder: Path | None = None) -> list[Path]:
    """Part files of ``name`` (in ``folder``), limited to the given partitions when ``months`` is given."""
    folder = folder if folder is not None else table_dir(out, name)
    if months is None:
        return part_files(folder)
    return [p for month in sorted(set(months)) for p in part_files(folder / f"{PARTITION_KEY}={month}")]


def remove_rows(out: Path, name: str, ids: Iterable[str], *, key: str = "article_id",
                months: Iterable[str] | None = None, files: Iterable[Path] | None = None) -> int:
    """Remove every row of table ``name`` whose ``key`` is in ``ids``, file by file.

    ``months`` limits the search to those publication-month partitions; pass
    it only when the rows can live nowhere else (an article's rows are always
    in its own month, since the publication time is part of its id).
    ``files`` limits it to those part files instead (see `files_holding`).
    Returns the number of rows removed.
    """
    id_array = pa.array(sorted(set(ids)), type=pa.string())
    if not len(id_array):
        return 0
    if not part_files(table_dir(out, name)):
        return 0  # nothing to remove: no new version for it
    with _writing(out, name) as folder:
        paths = _rebase(out, name, files, folder) if files is not None else _files_in_months(out, name, months, folder)
        return sum(_rewrite_without(path, key, id_array) for path in paths if path.exists())


@dataclass(frozen=True)
class FileIndex:
    """Which part files of a table hold which keys: one Arrow row per (key, file), so it stays small."""

    paths: tuple[Path, ...]
    keys: pa.Table  # columns "key" (string) and "file" (int32, a position in ``paths``)

    def files(self, ids: pa.Array) -> list[Path]:
        """The part files that hold any of ``ids``."""
        hits = self.keys.filter(pc.is_in(self.keys.column("key"), value_set=ids))
        return [self.paths[i] for i in sorted(pc.unique(hits.column("file")).to_pylist())]


def files_holding(out: Path, name: str, ids: pa.Array, *, key: str = "article_id",
                  months: Iterable[str] | None = None) -> FileIndex:
    """Index the part files of table ``name`` (in ``months``) by which of ``ids`` they hold.

    One read of the key column per part file. A stage run calls it once, before
    its first batch, for every table it reads or writes, so that each batch
    reads and rewrites only the files that hold its articles instead of every
    file of its months (which made a run quadratic in the number of batches,
    and a batch's memory grow with the size of its month).
    """
    paths, parts = [], []
    for path in _files_in_months(out, name, months):
        present = _read_file(path, columns=[key]).column(key)
        found = pc.unique(present.filter(pc.fill_null(pc.is_in(present, value_set=ids), False)))
        if len(found):
            parts.append(pa.table({"key": found.cast(pa.string()),
                                   "file": pa.array([len(paths)] * len(found), type=pa.int32())}))
            paths.append(path)
    keys = pa.concat_tables(parts) if parts else pa.table({"key": pa.array([], pa.string()),
                                                            "file": pa.array([], pa.int32())})
    return FileIndex(tuple(paths), keys)


def retain_rows(out: Path, name: str, ids: Iterable[str], *, key: str = "article_id") -> int:
    """Remove every row of table ``name`` whose ``key`` is *not* in ``ids``; return how many went."""
    id_array = pa.array(sorted(set(ids)), type=pa.string())
    if not part_files(table_dir(out, name)):
        return 0
    with _writing(out, name) as folder:
        return sum(_rewrite_without(path, key, id_array, keep_listed=True) for path in part_files(folder))


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
    with _writing(out, name) as folder:
        if not is_partitioned(schema):
            write_atomic(table, folder / f"part-{part_key}.parquet")
            return table.num_rows
        months = pc.unique(table.column(PARTITION_KEY)).to_pylist()
        for month in sorted(months):
            chunk = table.filter(pc.equal(table.column(PARTITION_KEY), month)).drop_columns([PARTITION_KEY])
            write_atomic(chunk, folder / f"{PARTITION_KEY}={month}" / f"part-{part_key}.parquet")
        # The placeholder of a table that had no rows is no longer needed.
        placeholder = folder / f"{PARTITION_KEY}={EMPTY_MONTH}" / EMPTY_PART
        if placeholder.exists():
            _drop_file(placeholder)
    return table.num_rows


def replace_table(out: Path, name: str, rows: pa.Table | list[dict], *, schema: pa.Schema | None = None,
                  sort_by: list[str] | None = None) -> int:
    """Replace the whole of an unpartitioned table with ``rows`` in one atomic write."""
    schema = schema if schema is not None else schema_for(name)
    table = conform(name, rows, schema)
    keys = sort_by or [f.name for f in schema][:2]
    if table.num_rows:
        table = table.sort_by([(k, "ascending") for k in keys])
    with _writing(out, name) as folder:
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
    with _writing(out, name) as folder:
        if is_partitioned(schema):
            empty = schema.empty_table().drop_columns([PARTITION_KEY])
            write_atomic(empty, folder / f"{PARTITION_KEY}={EMPTY_MONTH}" / EMPTY_PART)
        else:
            write_atomic(schema.empty_table(), folder / "part-0.parquet")


def fragmented(out: Path, name: str) -> list[Path]:
    """The partition folders of table ``name`` (its own folder when unpartitioned) with more than one part file."""
    folder = table_dir(out, name)
    groups: dict[Path, int] = {}
    for path in part_files(folder):
        groups[path.parent] = groups.get(path.parent, 0) + 1
    return sorted(publish.relative(out, name, parent) for parent, count in groups.items() if count > 1)


def compact(out: Path, name: str, *, schema: pa.Schema | None = None) -> tuple[int, int]:
    """Rewrite every partition of ``name`` that holds several part files as one file; return (files before, after).

    The rows stay the same (sorted as `append_rows` sorts them); the new file
    is named after the files it replaces, so compacting twice changes
    nothing. Published at once, as every write: readers see the old files or
    the compacted ones.
    """
    before = len(part_files(table_dir(out, name)))
    partitions = fragmented(out, name)
    if not partitions:
        return before, before
    with _writing(out, name) as folder:
        for partition in partitions:
            paths = part_files(folder / partition)
            table = pa.concat_tables([_read_file(p) for p in paths], promote_options="permissive")
            if table.num_rows:
                keys = [f.name for f in (schema or table.schema)][:2]
                table = table.sort_by([(k, "ascending") for k in keys if k in table.column_names])
            target = folder / partition / f"part-c{short_hash(*(p.name for p in paths))}.parquet"
            write_atomic(table, target)
            for path in paths:
                if path != target:
                    path.unlink()
        after = len(part_files(folder))
    return before, after

