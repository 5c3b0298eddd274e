"""The ``runs`` manifest: one row per stage per run, with what it read, its rules and its counts."""

from __future__ import annotations

import json
import re

import pandas as pd

from pipeline.config import make_settings
from pipeline.runner import run_stages
from pipeline.stages.ingest import ingest


def _two_runs(tmp_path, nightly, built_stages):
    from pipeline.stages.registry import STAGES

    raw, out = tmp_path / "raw", tmp_path / "out"
    nightly.write_batch(raw, 6, seed=41, months=("2025-06", "2025-07"), prefix="m")
    nightly.write_bad_inputs(raw, "m")
    stages = [(name, STAGES[name]) for name in built_stages]
    first = run_stages(make_settings(raw=raw, out=out, show_progress=False), stages)
    second = run_stages(make_settings(raw=raw, out=out, show_progress=False), stages)
    return out, (first, second)


def test_a_row_per_stage_per_run_with_inputs_rules_counts_status_and_versions(tmp_path, nightly, built_stages):
    out, (first, second) = _two_runs(tmp_path, nightly, built_stages)
    runs = pd.read_parquet(out / "runs")
    assert len(runs) == 2 * len(built_stages)
    assert runs.groupby("run_id").stage.apply(list).to_dict() == {
        first.run_id: list(built_stages), second.run_id: list(built_stages)}
    one = runs[runs.run_id == first.run_id].set_index("stage")
    ingest_row = one.loc["ingest"]
    assert ingest_row.rows_in == 9 and ingest_row.rows_out == 6 and ingest_row.rejects == 3
    assert ingest_row.status == "rejects"
    assert all(re.fullmatch(r".+#[0-9a-f]{32}", entry) for entry in ingest_row.inputs)
    assert len(ingest_row.inputs) == 9
    for stage in built_stages[1:]:
        row = one.loc[stage]
        assert row.rows_in == 6 and row.skipped == 0
        months = [re.fullmatch(r"articles/published_month=(\d{4}-\d{2})#[0-9a-f]{16}", e) for e in row.inputs]
        assert all(months) and [m.group(1) for m in months] == ["2025-06", "2025-07"], stage
    assert one.rules_version.str.fullmatch(r"[0-9a-f]{16}").all()
    assert (one.ended_at >= one.started_at).all()
    versions = json.loads(ingest_row.packages)
    assert {"python", "pyarrow", "spacy", "tradenews-pipeline"} <= set(versions)
    again = runs[runs.run_id == second.run_id].set_index("stage")
    assert (again.rows_in == 0).all() and set(again.status) == {"ok"}
    assert (again.rules_version == one.rules_version).all()
    assert list(again.loc["ingest"].inputs) == []
    assert again.loc["ingest"].skipped == 9


def test_every_row_of_every_table_carries_the_run_that_wrote_it(tmp_path, nightly, built_stages):
    out, (first, second) = _two_runs(tmp_path, nightly, built_stages)
    for folder in sorted(p for p in out.iterdir() if p.is_dir() and p.name not in ("_ledger", ".tables")):
        frame = pd.read_parquet(folder)
        assert "run_id" in frame.columns, folder.name
        assert frame.run_id.notna().all(), folder.name
        # The second run found nothing new, so only runs has rows of it.
        expected = {first.run_id, second.run_id} if folder.name == "runs" else {first.run_id}
        assert set(frame.run_id) <= expected, folder.name


def test_a_failed_stage_is_recorded_and_ends_the_run(tmp_path):
    def broken(settings, *, run_id):
        raise RuntimeError("disk on fire")

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Headline\n\nBody text here.\n")
    settings = make_settings(raw=raw, out=tmp_path / "out", show_progress=False)
    summary = run_stages(settings, [("ingest", ingest), ("broken", broken), ("never", ingest)])
    assert summary.exit_code == 1 and summary.error == "RuntimeError: disk on fire"
    runs = pd.read_parquet(tmp_path / "out" / "runs").set_index("stage")
    assert list(runs.index) == ["ingest", "broken"]
    assert runs.loc["broken", "status"] == "failed"
    assert runs.loc["broken", "message"] == "RuntimeError: disk on fire"
    assert not (tmp_path / "out" / ".pipeline.lock").exists()
