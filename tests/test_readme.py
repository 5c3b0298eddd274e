"""The README's notebook examples run against a real sample run, so they keep working."""

import contextlib
import io
import os
import re

import pytest

from pipeline.config import PROJECT_ROOT

BLOCKS = re.findall(r"```python\n(.*?)```", (PROJECT_ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def test_readme_has_pandas_polars_and_duckdb_examples():
    joined = "\n".join(BLOCKS)
    assert "import pandas" in joined and "import polars" in joined and "import duckdb" in joined


@pytest.mark.parametrize("number", range(len(BLOCKS)))
def test_readme_example_runs(sample_run, tmp_path, number):
    out, _ = sample_run
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "processed").symlink_to(out, target_is_directory=True)
    printed = io.StringIO()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(BLOCKS[number], f"README block {number}", "exec"), {})
    finally:
        os.chdir(cwd)
    assert printed.getvalue().strip(), "the example printed nothing"
    assert "Empty DataFrame" not in printed.getvalue(), "the example found nothing in the sample run"
