"""Planning a per-article stage's work: what to process, in which batches, read from which files.

A ledger (``_ledger/<stage>``) records which article was processed with which
content hash and rules version; an article whose pair is already there is
skipped unless ``force``.

Batches are planned in storage order (publication month, then the part file
of ``articles``), and a run indexes once which part files hold its articles
(`RowFiles`), so each batch reads and rewrites few files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from pipeline import io
from pipeline.config import Settings
from pipeline.errors import MissingInputError
from pipeline.schemas import LEDGER
from pipeline.stages.spec import StageSpec, ledger_name


def require_inputs(spec: StageSpec, settings: Settings, producers: Mapping[str, str]) -> None:
    """Fail early, naming the upstream stage, when an input table is missing."""
    for table in spec.reads:
        if not io.exists(settings.out, table):
            producer = producers.get(table, "an earlier stage")
            raise MissingInputError(
                f"stage {spec.name!r} needs table {table!r} under {settings.out}, which is missing: "
                f"run `python -m pipeline {producer} --out {settings.out}` first (or `run` for every stage)"
            )


def _in_window(articles: pa.Table, settings: Settings) -> pa.Table:
    """Keep the articles published within --since/--until (undated ones only without a window)."""
    if not (settings.since or settings.until):
        return articles
    published = articles.column("published_at")
    mask = pc.is_valid(published)
    if settings.since:
        mask = pc.and_(mask, pc.greater_equal(pc.cast(published, pa.date32()), pa.scalar(settings.since)))
    if settings.until:
        mask = pc.and_(mask, pc.less_equal(pc.cast(published, pa.date32()), pa.scalar(settings.until)))
    return articles.filter(mask)


def plan(spec: StageSpec, version: str, settings: Settings) -> tuple[pa.Table, int]:
    """Return the articles (id, hash, month) to process, in storage order, and the number skipped as done.

    Storage order is by month, then by the ``articles`` part file that holds
    each article, then by id: batches cut from it read one or two part files
    each, however many the month holds, and the next stage's batches line up
    with the part files this one writes.
    """
    articles = io.read(settings.out, "articles", columns=["article_id", "content_hash", "published_at",
                                                          io.PARTITION_KEY, io.FILE_COLUMN])
    articles = _in_window(articles, settings).sort_by(
        [(key, "ascending") for key in (io.PARTITION_KEY, io.FILE_COLUMN, "article_id")])
    articles = articles.drop_columns(["published_at", io.FILE_COLUMN])
    if settings.force:
        return articles, 0
    ledger = io.read(settings.out, ledger_name(spec.name), schema=LEDGER,
                     columns=["article_id", "content_hash", "rules_version"])
    ledger = ledger.filter(pc.equal(ledger.column("rules_version"), version))
    # Compared in Arrow: a Python pair per article would hold memory that grows with the corpus.
    done = pair_keys(ledger).combine_chunks()
    todo = articles.filter(pc.invert(pc.is_in(pair_keys(articles), value_set=done)))
    return todo, articles.num_rows - todo.num_rows


def pair_keys(table: pa.Table, separator: str = "\x00") -> pa.ChunkedArray:
    """``article_id`` and ``content_hash`` of each row joined into one string."""
    return pc.binary_join_element_wise(table.column("article_id"), table.column("content_hash"), separator)


def batches(todo: pa.Table, size: int) -> Iterator[pa.Table]:
    """Split the work (in `plan`'s order) into batches of at most ``size`` articles."""
    for start in range(0, todo.num_rows, size):
        yield todo.slice(start, size)


class RowFiles:
    """Which part files hold rows of a run's articles, for each table a stage reads or writes.

    Found once, before the first batch (`io.files_holding`), so a batch reads
    and rewrites only the files that hold its own articles: its memory and
    I/O then depend on the batch, not on how many articles its month holds.
    The index stays true during the run: the tables a stage reads are not
    written while it runs (the stage lock keeps other writers out), and what
    the run appends to its own tables belongs to other batches' articles.
    """

    def __init__(self, tables: Iterable[str], settings: Settings, todo: pa.Table) -> None:
        ids = string_set(todo.column("article_id").to_pylist())
        months = pc.unique(todo.column(io.PARTITION_KEY)).to_pylist()
        self.index = {name: io.files_holding(settings.out, name, ids, months=months) for name in tables}

    def files(self, table: str, ids: pa.Array) -> list[Path]:
        """The part files of ``table`` that hold any of ``ids`` (see `string_set`)."""
        index = self.index.get(table)
        return index.files(ids) if index is not None else []


# Columns read from an input table whatever the stage declares: the key, and what a ``rejects`` row names.
_ALWAYS_READ = {"articles": ("article_id", "source_path", "record")}


def input_columns(spec: StageSpec, table: str) -> list[str] | None:
    """The columns of input ``table`` a batch gets: those the stage declares plus the key, or None for all."""
    declared = spec.columns.get(table)
    if declared is None:
        return None
    return list(dict.fromkeys([*_ALWAYS_READ.get(table, ("article_id",)), *declared]))


def load_batch(spec: StageSpec, batch: pa.Table, settings: Settings, files: RowFiles) -> dict[str, pa.Table]:
    """Read the batch's rows of every input table (the declared columns), from the part files that hold them."""
    ids = string_set(batch.column("article_id").to_pylist())
    selector = pc.field("article_id").isin(ids)
    return {table: io.read(settings.out, table, columns=input_columns(spec, table), filter=selector,
                           files=files.files(table, ids))
            for table in spec.reads}


def string_set(values: list[str]) -> pa.Array:
    """A sorted, de-duplicated pyarrow string array (for set membership)."""
    return pa.array(sorted(set(values)), type=pa.string())


def partition_inputs(todo: pa.Table) -> list[str]:
    """The input partitions of a run with a hash of the (article, content) pairs read from each."""
    entries = []
    for month in sorted(pc.unique(todo.column(io.PARTITION_KEY)).to_pylist()):
        rows = todo.filter(pc.equal(todo.column(io.PARTITION_KEY), month))
        rows = rows.sort_by([("article_id", "ascending"), ("content_hash", "ascending")])
        entries.append(f"articles/{io.PARTITION_KEY}={month}#{hash_strings(pair_keys(rows, ':'))}")
    return entries


def hash_strings(values: pa.ChunkedArray, chunk: int = 50_000) -> str:
    """`short_hash` of the strings of ``values``, read a slice at a time rather than all at once."""
    digest = hashlib.sha256()
    for start in range(0, len(values), chunk):
        part = "\x00".join(values.slice(start, chunk).to_pylist())
        digest.update((("\x00" if start else "") + part).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]
