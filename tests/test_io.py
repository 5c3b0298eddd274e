"""Table reads and writes: atomic files, month partitions, row removal, placeholders, the kill hook."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline import io
from pipeline.config import PROJECT_ROOT
from pipeline.schemas import LEDGER, REJECTS, SchemaError


def ledger_rows(*pairs: tuple[str, str]) -> list[dict]:
    """Ledger rows for (article_id, month) pairs: the smallest partitioned table."""
    return [{"article_id": a, "content_hash": f"h{a}", "rules_version": "v1", "run_id": "r1",
             "published_month": m} for a, m in pairs]


def reject_rows(*ids: str) -> list[dict]:
    return [{"reject_id": i, "source_path": f"{i}.txt", "record": 0, "reason": "empty_body", "stage": "ingest",
             "detail": "no body", "article_id": None, "run_id": "r1"} for i in ids]


def write_ledger(out: Path, pairs, key: str) -> int:
    return io.append_rows(out, "_ledger/x", ledger_rows(*pairs), part_key=key, schema=LEDGER)


def read_ledger(out: Path) -> list[tuple[str, str]]:
    table = io.read(out, "_ledger/x", schema=LEDGER)
    return sorted(zip(table.column("article_id").to_pylist(), table.column("published_month").to_pylist()))


def test_write_atomic_leaves_no_temporary_file_and_a_readable_mode(tmp_path):
    target = tmp_path / "t" / "part-0.parquet"
    io.write_atomic(pa.table({"a": [1, 2]}), target)
    assert pq.read_table(target).column("a").to_pylist() == [1, 2]
    assert [p.name for p in target.parent.iterdir()] == ["part-0.parquet"]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_failed_write_keeps_the_old_file_and_cleans_up(tmp_path, monkeypatch):
    target = tmp_path / "part-0.parquet"
    io.write_atomic(pa.table({"a": [1]}), target)

    def broken(table, where, **_):
        Path(where).write_bytes(b"PAR1 half")
        raise OSError("disk full")

    monkeypatch.setattr(io.pq, "write_table", broken)
    with pytest.raises(OSError, match="disk full"):
        io.write_atomic(pa.table({"a": [2]}), target)
    monkeypatch.undo()
    assert pq.read_table(target).column("a").to_pylist() == [1]
    assert [p.name for p in tmp_path.iterdir()] == ["part-0.parquet"]


def test_partitioned_rows_go_to_month_folders_without_the_month_column(tmp_path):
    assert write_ledger(tmp_path, [("a", "2025-01"), ("b", "2025-02"), ("c", "2025-01")], "k1") == 3
    folder = tmp_path / "_ledger" / "x"
    assert sorted(p.relative_to(folder).as_posix() for p in io.part_files(folder)) == [
        "published_month=2025-01/part-k1.parquet", "published_month=2025-02/part-k1.parquet"]
    assert "published_month" not in pq.read_schema(io.part_files(folder)[0]).names
    table = io.read(tmp_path, "_ledger/x", schema=LEDGER)
    assert table.schema == LEDGER
    assert read_ledger(tmp_path) == [("a", "2025-01"), ("b", "2025-02"), ("c", "2025-01")]
    frame = pd.read_parquet(folder)
    assert sorted(zip(frame.article_id, frame.published_month.astype(str))) == read_ledger(tmp_path)


@pytest.mark.parametrize(("ids", "months", "left"), [
    (["a"], None, [("b", "2025-02"), ("c", "2025-01")]),
    (["a", "b"], ["2025-01"], [("b", "2025-02"), ("c", "2025-01")]),  # b lives in another month
    (["a", "c"], ["2025-01"], [("b", "2025-02")]),
    (["zzz"], None, [("a", "2025-01"), ("b", "2025-02"), ("c", "2025-01")]),
    ([], None, [("a", "2025-01"), ("b", "2025-02"), ("c", "2025-01")]),
])
def test_remove_rows(tmp_path, ids, months, left):
    write_ledger(tmp_path, [("a", "2025-01"), ("b", "2025-02"), ("c", "2025-01")], "k1")
    removed = io.remove_rows(tmp_path, "_ledger/x", ids, months=months)
    assert read_ledger(tmp_path) == left
    assert removed == 3 - len(left)


def test_removing_the_last_rows_deletes_the_file_and_its_folder(tmp_path):
    write_ledger(tmp_path, [("a", "2025-01"), ("b", "2025-02")], "k1")
    io.remove_rows(tmp_path, "_ledger/x", ["b"])
    assert not (tmp_path / "_ledger" / "x" / "published_month=2025-02").exists()


def test_files_holding_points_remove_rows_at_the_right_files(tmp_path):
    write_ledger(tmp_path, [("a", "2025-01"), ("b", "2025-02"), ("c", "2025-01")], "k1")
    write_ledger(tmp_path, [("d", "2025-01")], "k2")
    index = io.files_holding(tmp_path, "_ledger/x", pa.array(["a", "d", "zzz"]), months=["2025-01"])
    def held(*ids):
        return index.files(pa.array(ids))
    assert [p.name for p in held("a")] == ["part-k1.parquet"]
    assert [p.name for p in held("a", "d")] == ["part-k1.parquet", "part-k2.parquet"]
    assert held("zzz") == [] and held("b") == []  # not stored, or outside the months indexed
    # Only the named files are read: "b" sits in a file not given, so it stays.
    assert io.remove_rows(tmp_path, "_ledger/x", ["a", "b"], files=held("a")) == 1
    assert read_ledger(tmp_path) == [("b", "2025-02"), ("c", "2025-01"), ("d", "2025-01")]
    # A file that went away since (all its rows removed) is passed over.
    assert io.remove_rows(tmp_path, "_ledger/x", ["d"], files=held("d")) == 1
    assert io.remove_rows(tmp_path, "_ledger/x", ["d"], files=held("d")) == 0


def test_read_limited_to_files_reads_only_those_and_names_them(tmp_path):
    write_ledger(tmp_path, [("a", "2025-01"), ("b", "2025-02")], "k1")
    write_ledger(tmp_path, [("c", "2025-01")], "k2")
    k2 = tmp_path / "_ledger" / "x" / "published_month=2025-01" / "part-k2.parquet"
    table = io.read(tmp_path, "_ledger/x", schema=LEDGER, columns=["article_id", io.FILE_COLUMN], files=[k2])
    # The file as the published version holds it (the table's folder is a symlink to that version).
    assert table.to_pylist() == [{"article_id": "c", io.FILE_COLUMN: os.path.realpath(k2)}]
    empty = io.read(tmp_path, "_ledger/x", schema=LEDGER, columns=["article_id", io.FILE_COLUMN], files=[])
    assert empty.num_rows == 0 and empty.column_names == ["article_id", io.FILE_COLUMN]


def test_retain_rows_keeps_only_the_listed_ids(tmp_path):
    write_ledger(tmp_path, [("a", "2025-01"), ("b", "2025-02"), ("c", "2025-01")], "k1")
    assert io.retain_rows(tmp_path, "_ledger/x", ["b", "unknown"]) == 2
    assert read_ledger(tmp_path) == [("b", "2025-02")]


def test_an_empty_table_gets_a_placeholder_that_real_rows_replace(tmp_path):
    io.ensure_readable(tmp_path, "mentions")
    placeholder = tmp_path / "mentions" / "published_month=unknown" / "part-empty.parquet"
    assert placeholder.exists() and pd.read_parquet(tmp_path / "mentions").empty
    row = {"article_id": "a", "mention_id": "m", "kind": "rate", "text": "5%", "start_char": 0, "end_char": 2,
           "sentence_index": 0, "rule_id": "r", "label": None, "run_id": "r1", "published_month": "2025-01"}
    io.append_rows(tmp_path, "mentions", [row], part_key="k")
    assert not placeholder.exists() and not placeholder.parent.exists()
    assert len(pd.read_parquet(tmp_path / "mentions")) == 1


def test_replace_table_leaves_one_file_sorted(tmp_path):
    io.append_rows(tmp_path, "rejects", reject_rows("b"), part_key="old")
    assert io.replace_table(tmp_path, "rejects", reject_rows("c", "a")) == 2
    assert [p.name for p in io.part_files(tmp_path / "rejects")] == ["part-0.parquet"]
    assert io.read(tmp_path, "rejects").column("reject_id").to_pylist() == ["a", "c"]
    assert io.read(tmp_path, "rejects").schema == REJECTS


def test_a_row_that_breaks_the_schema_is_refused_before_anything_is_written(tmp_path):
    bad = reject_rows("a")
    bad[0]["reason"] = None
    with pytest.raises(SchemaError, match="'reason'"):
        io.append_rows(tmp_path, "rejects", bad, part_key="k")
    assert not io.exists(tmp_path, "rejects")


def test_reading_a_table_never_written_gives_the_empty_declared_schema(tmp_path):
    assert io.read(tmp_path, "rejects").schema == REJECTS
    assert io.read(tmp_path, "rejects", columns=["stage"]).column_names == ["stage"]


def test_sweep_removes_only_temporary_files(tmp_path):
    write_ledger(tmp_path, [("a", "2025-01")], "k1")
    partition = tmp_path / "_ledger" / "x" / "published_month=2025-01"
    (partition / ".tmp-abc.partial").write_bytes(b"half")
    (tmp_path / ".tmp-top.partial").write_bytes(b"half")
    swept = io.sweep_temp_files(tmp_path)
    assert sorted(p.name for p in swept) == [".tmp-abc.partial", ".tmp-top.partial"]
    assert read_ledger(tmp_path) == [("a", "2025-01")]
    assert io.sweep_temp_files(tmp_path / "missing") == []


def test_the_kill_hook_stops_the_process_between_two_writes(tmp_path):
    script = ("import sys, pyarrow as pa; from pathlib import Path; from pipeline import io\n"
              "for name in ('one', 'two', 'three'):\n"
              "    io.write_atomic(pa.table({'a': [1]}), Path(sys.argv[1]) / name / 'part-0.parquet')\n")
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path)], cwd=PROJECT_ROOT, capture_output=True,
                            env={**os.environ, io.KILL_HOOK: "1:two"}, timeout=60)
    assert result.returncode == -9
    assert (tmp_path / "one" / "part-0.parquet").exists()
    assert not (tmp_path / "two" / "part-0.parquet").exists()
    assert [p.suffix for p in (tmp_path / "two").iterdir()] == [".partial"]  # swept by the next run
    assert not (tmp_path / "three").exists()


@pytest.mark.parametrize("environment, backend", [({}, "system"), ({"ARROW_DEFAULT_MEMORY_POOL": "mimalloc"},
                                                                    "mimalloc")])
def test_tables_are_allocated_by_malloc_unless_the_environment_chooses(environment, backend):
    # Arrow's own pools keep freed batches' memory: a long run's memory grew by half (docs/performance.md).
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"} | environment
    found = subprocess.run([sys.executable, "-c", "import pipeline.io, pyarrow; "
                            "print(pyarrow.default_memory_pool().backend_name)"],
                           env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    assert found.stdout.strip() == backend
