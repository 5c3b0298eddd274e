"""The stage commands share one declaration of their options (`StageOptions`)."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest
import typer
from typer.main import get_command

from pipeline.cli import INGEST_OPTIONS, ONE_STAGE_OPTIONS, STATUS_OPTIONS, StageOptions, app

ALL_OPTIONS = [f.name for f in fields(StageOptions)]


@pytest.mark.parametrize(("command", "options"), [
    ("ingest", list(INGEST_OPTIONS)),
    ("extract", list(ONE_STAGE_OPTIONS)), ("normalize", list(ONE_STAGE_OPTIONS)), ("events", list(ONE_STAGE_OPTIONS)),
    ("run", ALL_OPTIONS),  # only run chooses stages (--stages, --from)
    ("status", [name for name in ALL_OPTIONS if name in STATUS_OPTIONS]),
])
def test_each_stage_command_takes_the_shared_options(command, options):
    params = get_command(app).commands[command].params
    assert [p.name for p in params] == options
    defaults = StageOptions()
    assert all(p.default == getattr(defaults, p.name) for p in params)


def test_options_become_the_run_settings():
    settings = StageOptions(raw=Path("in"), out=Path("tables"), force=True, published_default="2025-05-02",
                            since="2025-04-01", until="2025-04-30", workers=2, executor="processes").settings()
    assert (settings.raw, settings.out, settings.force) == (Path("in"), Path("tables"), True)
    assert (settings.published_default, settings.since, settings.until) == (
        date(2025, 5, 2), date(2025, 4, 1), date(2025, 4, 30))
    assert (settings.workers, settings.executor, settings.scheduler) == (2, "processes", None)


@pytest.mark.parametrize(("options", "message"), [
    ({"since": "2025-13-01"}, "'2025-13-01' is not a date"),
    ({"scheduler": "tcp://host:8786"}, "--scheduler only applies to --executor dask"),
])
def test_a_refused_option_is_a_usage_error(options, message):
    with pytest.raises(typer.BadParameter, match=message):
        StageOptions(**options).settings()
