"""Fixtures for the evaluation tests: the shared folder (skip when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate.locate import shared_dir


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared folder with the gold files and corpora; skips the test when it is not on this machine."""
    path = shared_dir()
    if not (path / "gold" / "trade-dev.jsonl").is_file():
        pytest.skip(f"{path} (gold and corpora) is not available on this machine")
    return path
