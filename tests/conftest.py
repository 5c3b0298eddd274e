"""Shared fixtures: one full pipeline run over the shipped samples, reused by many tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.config import PROJECT_ROOT, make_settings
from pipeline.runner import RunSummary, run_stages

SHARED = PROJECT_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory) -> tuple[Path, RunSummary]:
    """Run every stage on a copy of data/raw; return (out folder, summary)."""
    from pipeline.stages.registry import ORDER, STAGES

    root = tmp_path_factory.mktemp("sample_run")
    raw = root / "raw"
    shutil.copytree(PROJECT_ROOT / "data" / "raw", raw)
    settings = make_settings(raw=raw, out=root / "processed", show_progress=False)
    summary = run_stages(settings, [(name, STAGES[name]) for name in ORDER])
    return settings.out, summary


def needs_shared(*parts: str) -> Path:
    """Path under ../shared, skipping the test when that corpus is not on this machine."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available on this machine")
    return path
