"""Publishing tables: readers see a table change only when a transaction ends, all of it at once."""

from __future__ import annotations

import os

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline import io, publish
from pipeline.schemas import LEDGER


def ledger_rows(*pairs: tuple[str, str]) -> list[dict]:
    return [{"article_id": a, "content_hash": "h", "rules_version": "v", "run_id": "r", "published_month": m}
            for a, m in pairs]


def add(out, pairs, key, name="_ledger/x"):
    return io.append_rows(out, name, ledger_rows(*pairs), part_key=key, schema=LEDGER)


def ids(out, name="_ledger/x"):
    return sorted(pd.read_parquet(out / name).article_id)


def test_a_table_is_a_symlink_to_its_published_version(tmp_path):
    add(tmp_path, [("a", "2025-01")], "k1")
    link = tmp_path / "_ledger" / "x"
    assert link.is_symlink() and not os.path.isabs(os.readlink(link))  # relative: the folder can move
    assert publish.published(tmp_path, "_ledger/x").parent == tmp_path / ".tables" / "_ledger" / "x"
    assert ids(tmp_path) == ["a"]


def test_readers_see_the_writes_of_a_transaction_only_when_it_ends(tmp_path):
    add(tmp_path, [("a", "2025-01"), ("b", "2025-02")], "k1")
    before = publish.published(tmp_path, "_ledger/x")
    with io.transaction(tmp_path):
        io.remove_rows(tmp_path, "_ledger/x", ["a"])
        add(tmp_path, [("c", "2025-03")], "k2")
        # This process reads its own writes; every other reader still sees the published version.
        assert sorted(io.read(tmp_path, "_ledger/x", schema=LEDGER).column("article_id").to_pylist()) == ["b", "c"]
        assert ids(tmp_path) == ["a", "b"]
        assert publish.published(tmp_path, "_ledger/x") == before
    assert ids(tmp_path) == ["b", "c"]
    # The version a reader resolved before the commit is still there, unchanged.
    assert sorted(pd.read_parquet(before).article_id) == ["a", "b"]


def test_an_exception_publishes_nothing_and_leaves_no_version_behind(tmp_path):
    add(tmp_path, [("a", "2025-01")], "k1")
    versions = sorted((tmp_path / ".tables" / "_ledger" / "x").iterdir())
    with pytest.raises(KeyboardInterrupt):
        with io.transaction(tmp_path):
            add(tmp_path, [("b", "2025-01")], "k2")
            raise KeyboardInterrupt
    assert ids(tmp_path) == ["a"]
    assert sorted((tmp_path / ".tables" / "_ledger" / "x").iterdir()) == versions


def test_a_commit_killed_between_two_tables_is_finished_by_recover(tmp_path):
    add(tmp_path, [("a", "2025-01")], "k1", name="_ledger/x")
    add(tmp_path, [("a", "2025-01")], "k1", name="_ledger/y")

    def die_at_second_swap(path, seen=[]):
        seen.append(path)
        if len(seen) == 2:
            raise SystemExit("killed")  # stands for SIGKILL: nothing after this point runs

    with pytest.raises(SystemExit):
        with publish.transaction(tmp_path, kill_hook=die_at_second_swap):
            add(tmp_path, [("b", "2025-01")], "k2", name="_ledger/x")
            add(tmp_path, [("b", "2025-01")], "k2", name="_ledger/y")
    assert (ids(tmp_path, "_ledger/x"), ids(tmp_path, "_ledger/y")) == (["a", "b"], ["a"])  # half published
    publish.recover(tmp_path)  # what the next run does under the lock
    assert (ids(tmp_path, "_ledger/x"), ids(tmp_path, "_ledger/y")) == (["a", "b"], ["a", "b"])
    assert not (tmp_path / ".tables" / publish.JOURNAL).exists()


def test_recover_deletes_versions_no_symlink_reaches(tmp_path):
    add(tmp_path, [("a", "2025-01")], "k1")
    # What a transaction killed before its commit leaves: a new version folder, not published.
    pending = publish._new_version(publish.root_of(tmp_path), "_ledger/x")
    (pending / "published_month=2025-01" / "part-k1.parquet").unlink()
    assert pending.is_dir() and ids(tmp_path) == ["a"]
    publish.recover(tmp_path)
    assert not pending.exists() and ids(tmp_path) == ["a"]


def test_the_current_and_the_previous_version_are_kept(tmp_path):
    for number in range(4):
        add(tmp_path, [(f"a{number}", "2025-01")], f"k{number}")
    names = sorted(p.name for p in (tmp_path / ".tables" / "_ledger" / "x").iterdir())
    assert names == ["v000003", "v000004"]
    assert ids(tmp_path) == ["a0", "a1", "a2", "a3"]


def test_a_table_folder_of_the_old_layout_becomes_a_version(tmp_path):
    old = tmp_path / "_ledger" / "x" / "published_month=2025-01"
    old.mkdir(parents=True)
    rows = pa.Table.from_pylist(ledger_rows(("a", "2025-01")), schema=LEDGER).drop_columns(["published_month"])
    pq.write_table(rows, old / "part-k0.parquet")
    add(tmp_path, [("b", "2025-02")], "k1")
    assert (tmp_path / "_ledger" / "x").is_symlink()
    assert ids(tmp_path) == ["a", "b"]


def test_compact_rewrites_each_fragmented_partition_as_one_file(tmp_path):
    for number in range(3):
        add(tmp_path, [(f"a{number}", "2025-01"), (f"b{number}", "2025-02")], f"k{number}")
    add(tmp_path, [("c", "2025-03")], "k9")
    before = io.read(tmp_path, "_ledger/x", schema=LEDGER).sort_by("article_id")
    assert io.compact(tmp_path, "_ledger/x", schema=LEDGER) == (7, 3)
    assert io.read(tmp_path, "_ledger/x", schema=LEDGER).sort_by("article_id").equals(before)
    assert io.compact(tmp_path, "_ledger/x", schema=LEDGER) == (3, 3)  # nothing left to do
