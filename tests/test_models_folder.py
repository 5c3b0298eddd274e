"""The models folder: found by --models or TRADENEWS_MODELS, refused at start when absent or incomplete.

An installed package (a wheel) carries the code, not ``models/``: every
article used to fail with FileNotFoundError. Now the command stops before
any stage runs, with one ``level=error`` line saying how to point at the
folder.
"""

from __future__ import annotations

import shutil

from typer.testing import CliRunner

from pipeline.cli import StageOptions, app
from pipeline.config import MODELS_DIR, PROJECT_ROOT

RAW = PROJECT_ROOT / "data" / "raw" / "text"


def invoke(*args: object, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if "level=error" in line]


def test_models_option_becomes_the_settings(tmp_path):
    assert StageOptions(models=tmp_path).settings().models_dir == tmp_path
    assert StageOptions().settings().models_dir == MODELS_DIR


def test_a_missing_models_folder_is_refused_before_any_stage(tmp_path):
    out = tmp_path / "out"
    result = invoke("run", "--raw", RAW, "--out", out, "--models", tmp_path / "nowhere")
    assert result.exit_code == 1, result.output
    [line] = error_lines(result.output)
    assert "event=refused" in line and "does not exist" in line and "TRADENEWS_MODELS" in line
    assert not (out / "articles").exists()  # ingest did not run either


def test_the_environment_names_the_models_folder(tmp_path):
    out = tmp_path / "out"
    missing = invoke("run", "--raw", RAW, "--out", out, env={"TRADENEWS_MODELS": str(tmp_path / "nowhere")})
    assert missing.exit_code == 1 and str(tmp_path / "nowhere") in missing.output
    found = invoke("status", "--raw", RAW, "--out", out, env={"TRADENEWS_MODELS": str(MODELS_DIR)})
    assert found.exit_code == 0, found.output


def test_an_incomplete_models_folder_names_the_missing_file(tmp_path):
    models = tmp_path / "models"
    shutil.copytree(MODELS_DIR, models, ignore=shutil.ignore_patterns("parser", ".built"))
    result = invoke("extract", "--out", tmp_path / "out", "--models", models)
    assert result.exit_code == 1
    [line] = error_lines(result.output)
    assert "is incomplete" in line and "parser/gate.csv" in line


def test_ingest_needs_the_wire_and_relevance_rules_of_the_models_folder(tmp_path):
    # Ingest reads models/wire (datelines, bylines, tickers, boilerplate of wire copy) and
    # models/relevance (articles.is_trade), and nothing else there.
    missing = invoke("ingest", "--raw", RAW, "--out", tmp_path / "out", env={"TRADENEWS_MODELS": "/nowhere"})
    assert missing.exit_code == 1 and "/nowhere" in missing.output
    models = tmp_path / "models"
    shutil.copytree(MODELS_DIR / "wire", models / "wire")
    shutil.copytree(MODELS_DIR / "relevance", models / "relevance")
    found = invoke("ingest", "--raw", RAW, "--out", tmp_path / "out", "--models", models)
    assert found.exit_code == 0, found.output

