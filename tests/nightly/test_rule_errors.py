"""A rule file that does not load fails its stage before any batch: exit 1, a named file and line, tables kept.

Before, a CSV row short of a column failed every article of every batch; each
batch first removed its articles' earlier rows, so the stage's tables (and
every later stage's) emptied into ``rejects`` and the run exited 2.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.config import MODELS_DIR, make_settings
from pipeline.progress import configure_logging
from pipeline.runner import EXIT_FAILED, run_stages
from pipeline.stages.registry import ORDER, STAGES


def break_first_row(path: Path) -> int:
    """Drop the last field of the first data row of CSV ``path``; return that row's line number."""
    lines = path.read_text(encoding="utf-8").splitlines()
    content = [number for number, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
    row = content[1]  # content[0] is the header
    lines[row] = lines[row].rsplit(",", 1)[0]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return row + 1


@pytest.fixture(scope="module")
def good_run(tmp_path_factory, nightly):
    """A finished run over generated stories with a copy of models/ (its rule pipeline built once)."""
    root = tmp_path_factory.mktemp("rules")
    nightly.write_batch(root / "raw", 6, seed=83, months=("2025-03", "2025-04"), prefix="r")
    models = root / "models"
    shutil.copytree(MODELS_DIR, models, ignore=shutil.ignore_patterns(".*"))
    settings = make_settings(raw=root / "raw", out=root / "out", models_dir=models, show_progress=False)
    summary = run_stages(settings, [(name, STAGES[name]) for name in ORDER])
    assert summary.error is None and summary.rejects == 0
    return root


@pytest.mark.parametrize(("rule_file", "stage"), [
    ("quotes/cues.csv", "extract"),            # read by the spaCy pipeline, rebuilt when a rule file changed
    ("countries/successions.csv", "normalize"),
    ("events/products.csv", "events"),
])
def test_a_row_short_of_a_column_fails_the_stage_and_keeps_every_table(good_run, tmp_path, nightly, capsys,
                                                                        rule_file, stage):
    shutil.copytree(good_run, tmp_path / "w", symlinks=True)
    world = tmp_path / "w"
    before = nightly.snapshot(world / "out")
    line = break_first_row(world / "models" / rule_file)
    configure_logging()
    settings = make_settings(raw=world / "raw", out=world / "out", models_dir=world / "models", show_progress=False,
                             force=True)  # force: every article would be processed again, and would fail

    summary = run_stages(settings, [(name, STAGES[name]) for name in ORDER])

    assert summary.exit_code == EXIT_FAILED
    assert [report.stage for report in summary.reports] == list(ORDER[:ORDER.index(stage)])
    assert f"{rule_file}: line {line}" in summary.error
    errors = [entry for entry in capsys.readouterr().err.splitlines() if "level=error" in entry]
    assert len(errors) == 1 and f"stage={stage}" in errors[0] and f"{rule_file}: line {line}" in errors[0]
    after = nightly.snapshot(world / "out")
    assert after == before  # no table lost a row; no article became a stage_error reject
