"""One bad file in ``--raw`` is one reject; every other file is still ingested."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from pipeline.config import make_settings
from pipeline.runner import run_stages
from pipeline.stages.ingest import ingest

GOOD = "Japan raises tariffs\n\nTOKYO\nJapan raised tariffs on steel to 25% on Thursday.\n"


def run_ingest(raw: Path, out: Path):
    summary = run_stages(make_settings(raw=raw, out=out, show_progress=False), [("ingest", ingest)])
    articles = pd.read_parquet(out / "articles")
    rejects = pd.read_parquet(out / "rejects") if (out / "rejects").exists() else pd.DataFrame()
    return summary, articles, rejects


def test_a_file_name_that_is_not_utf8_is_one_reject(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "good.txt").write_text(GOOD)
    try:
        Path(os.fsdecode(bytes(raw) + b"/zz\xffname.txt")).write_text(GOOD.replace("steel", "cars"))
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system refuses names that are not UTF-8")
    summary, articles, rejects = run_ingest(raw, tmp_path / "out")
    assert summary.error is None and summary.exit_code == 0  # rejects leave the exit code 0
    assert list(articles.source_path) == ["good.txt"]
    assert list(zip(rejects.source_path, rejects.reason)) == [("zz\\xffname.txt", "encoding_error")]
    assert "not valid UTF-8" in rejects.detail.item() and "rename" in rejects.detail.item()
    # The reject counts once: the next night skips the unchanged file and exits 0.
    again = run_stages(make_settings(raw=raw, out=tmp_path / "out", show_progress=False), [("ingest", ingest)])
    assert again.exit_code == 0


def test_an_unreadable_file_is_one_reject(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("a.txt", "locked.txt", "z.txt"):
        (raw / name).write_text(GOOD.replace("steel", name))
    # A mode-000 file, in a way that also holds when the tests run as root (who may read anything).
    real_open = Path.open

    def refusing_open(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    summary, articles, rejects = run_ingest(raw, tmp_path / "out")
    assert summary.error is None and summary.exit_code == 0  # rejects leave the exit code 0
    assert sorted(articles.source_path) == ["a.txt", "z.txt"]
    assert list(zip(rejects.source_path, rejects.reason)) == [("locked.txt", "unreadable_file")]
    assert "Permission denied" in rejects.detail.item()
    monkeypatch.undo()  # readable again: the next run reads it
    again = run_stages(make_settings(raw=raw, out=tmp_path / "out", show_progress=False), [("ingest", ingest)])
    assert again.exit_code == 0
    assert sorted(pd.read_parquet(tmp_path / "out" / "articles").source_path) == ["a.txt", "locked.txt", "z.txt"]
    assert not (tmp_path / "out" / "rejects").exists() or pd.read_parquet(tmp_path / "out" / "rejects").empty
