"""One limit on an input file's size (`max_file_bytes`), checked before the file is read.

Reading a one-record file costs many times its size (200 MB ones peaked at
2.6-3.1 GB), so the default is 64 MiB, and the option ``--max-file-bytes`` or
the environment variable ``TRADENEWS_MAX_FILE_BYTES`` sets it for a run.
"""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import StageOptions, app
from pipeline.config import Settings, make_settings
from pipeline.readers import read_file

MIB = 1024 * 1024


def invoke(*args: object, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


@pytest.mark.parametrize("suffix", [".jsonl", ".rss", ".xml"])
def test_a_file_over_64_mib_is_refused_by_default(tmp_path, suffix):
    path = tmp_path / f"big{suffix}"
    with path.open("wb") as handle:  # sparse: its size is all that is looked at
        handle.truncate(64 * MIB + 1)
    assert Settings().max_file_bytes == 64 * MIB
    items = list(read_file(path, path.name, make_settings()))
    assert [(i.reason, i.record) for i in items] == [("file_too_large", None)]


def test_the_option_becomes_the_setting():
    assert StageOptions(max_file_bytes=1000).settings().max_file_bytes == 1000
    assert StageOptions().settings().max_file_bytes == Settings().max_file_bytes


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    record = {"id": "a1", "title": "Tariffs", "published": "2025-05-02", "text": "Tariffs rose. " * 300}
    (folder / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return folder


def rejects(out):
    return pq.read_table(out / "rejects").column("reason").to_pylist()


@pytest.mark.parametrize("how", ["option", "environment"])
def test_the_limit_is_set_by_option_or_environment(raw, tmp_path, how):
    out = tmp_path / "out"
    args = ("ingest", "--raw", raw, "--out", out)
    result = (invoke(*args, "--max-file-bytes", 4096) if how == "option"
              else invoke(*args, env={"TRADENEWS_MAX_FILE_BYTES": "4096"}))
    assert result.exit_code == 0, result.output
    assert rejects(out) == ["file_too_large"]


def test_raising_the_limit_reads_the_refused_file_again(raw, tmp_path):
    out = tmp_path / "out"
    invoke("ingest", "--raw", raw, "--out", out, "--max-file-bytes", 4096)
    again = invoke("ingest", "--raw", raw, "--out", out)  # the limit is part of ingest's version
    assert again.exit_code == 0, again.output
    assert "rows_out=1" in again.output and rejects(out) == []


def test_a_settings_file_sets_the_limits_and_an_option_wins_over_it(raw, tmp_path):
    settings_file = tmp_path / "tradenews.toml"
    settings_file.write_text("# site limits\nmax_file_bytes = 4096\nmax_article_chars = 500000\n", encoding="utf-8")
    chosen = StageOptions(settings_file=settings_file).settings()
    assert (chosen.max_file_bytes, chosen.max_article_chars) == (4096, 500_000)
    assert StageOptions(settings_file=settings_file, max_file_bytes=9999).settings().max_file_bytes == 9999
    out = tmp_path / "out"
    result = invoke("ingest", "--raw", raw, "--out", out, env={"TRADENEWS_SETTINGS": str(settings_file)})
    assert result.exit_code == 0, result.output
    assert rejects(out) == ["file_too_large"]


@pytest.mark.parametrize(("content", "message"), [
    ("max_file_byte = 4096\n", "unknown keys ['max_file_byte']"),
    ("max_file_bytes = '4 kB'\n", "must be a whole number"),
    ("max_file_bytes = \n", "not valid TOML"),
])
def test_a_bad_settings_file_is_a_usage_error_naming_it(raw, tmp_path, content, message):
    settings_file = tmp_path / "tradenews.toml"
    settings_file.write_text(content, encoding="utf-8")
    result = invoke("ingest", "--raw", raw, "--out", tmp_path / "out", "--settings", settings_file)
    assert result.exit_code != 0 and message in result.output, result.output
    assert not (tmp_path / "out" / "articles").exists()
