"""The README's notebook examples run against a real sample run, so they keep working."""

import contextlib
import io
import os
import re

import pytest

from pipeline import io as tables
from pipeline.config import PROJECT_ROOT
from pipeline.schemas import TABLES

BLOCKS = re.findall(r"```python\n(.*?)```", (PROJECT_ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def test_readme_has_pandas_polars_and_duckdb_examples():
    joined = "\n".join(BLOCKS)
    assert "import pandas" in joined and "import polars" in joined and "import duckdb" in joined


def run_block(out, tmp_path, number: int) -> tuple[str, dict]:
    """Run README block ``number`` in a folder where ``data/processed`` is ``out``: (what it printed, its names)."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "processed").symlink_to(out, target_is_directory=True)
    printed, names = io.StringIO(), {}
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(BLOCKS[number], f"README block {number}", "exec"), names)
    finally:
        os.chdir(cwd)
    return printed.getvalue(), names


@pytest.mark.parametrize("number", range(len(BLOCKS)))
def test_readme_example_runs(sample_run, tmp_path, number):
    out, _ = sample_run
    printed, _ = run_block(out, tmp_path, number)
    assert printed.strip(), "the example printed nothing"
    assert "Empty DataFrame" not in printed, "the example found nothing in the sample run"


def test_the_polars_example_reads_every_table(sample_run, tmp_path, monkeypatch):
    out, _ = sample_run
    number = next(n for n, block in enumerate(BLOCKS) if "import polars" in block)
    _, names = run_block(out, tmp_path, number)
    monkeypatch.chdir(tmp_path)  # the example's paths are relative
    for name in (name for name in TABLES if not name.startswith("_")):
        frame = names["table"](name).collect()
        expected = tables.read(out, name)
        assert (frame.height, sorted(frame.columns)) == (expected.num_rows, sorted(expected.column_names)), name
