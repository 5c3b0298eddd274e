"""Shared helpers for the nightly-operation tests, offered as fixtures.

Generated wire copy (plain text with ``.meta.json`` sidecars) stands in for a
raw folder that grows every night: deterministic from a seed, spread over
several publication months, with trade-policy sentences the extract rules
can find. `snapshot` turns every table into sorted rows without ``run_id``,
so two output folders can be compared row for row.
"""

from __future__ import annotations

import json
import logging
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline import io
from pipeline.config import PROJECT_ROOT
from pipeline.schemas import LEDGER, TABLES

COUNTRIES = ("Japan", "China", "Canada", "Mexico", "Germany", "India", "Brazil", "South Korea", "Vietnam")
CITIES = ("TOKYO", "BEIJING", "OTTAWA", "MEXICO CITY", "BERLIN", "NEW DELHI", "BRASILIA", "SEOUL", "HANOI")
GOODS = ("steel", "aluminum", "cars", "semiconductors", "soybeans", "solar panels", "lumber")
VERBS = ("will impose", "raised", "cut", "suspended", "threatened")
SPEAKERS = ("Commerce Minister Ana Ruiz", "Trade Secretary Lee Park", "U.S. Treasury Secretary Scott Bessent")
STAGE_ORDER = ("ingest", "extract", "normalize", "events")


@dataclass(frozen=True)
class Story:
    """One generated article: where it goes and what it says."""

    name: str
    published: date
    headline: str
    dateline: str
    paragraphs: tuple[str, ...]


def make_story(rng: random.Random, name: str, published: date) -> Story:
    """A short wire story about a tariff move, varied by ``rng``."""
    index = rng.randrange(len(COUNTRIES))
    country, city = COUNTRIES[index], CITIES[index]
    other = COUNTRIES[(index + 1 + rng.randrange(len(COUNTRIES) - 1)) % len(COUNTRIES)]
    goods, verb = rng.choice(GOODS), rng.choice(VERBS)
    rate, before = rng.choice((10, 15, 24, 25, 34, 50)), rng.choice((0, 5, 10))
    paragraphs = (
        f"{country} {verb} a {rate}% tariff on imports of {goods} from {other} on Thursday, "
        f"up from {before}% last year.",
        f'"We will defend our industry," {rng.choice(SPEAKERS)} told reporters in {city.title()}.',
        f"Talks between {country} and {other} are expected to resume next month, officials said.",
        f"Story number {name} reports item {rng.randrange(10_000)} of the day.",
    )
    return Story(name, published, f"{country} {verb} tariffs on {goods}", city, paragraphs)


def write_story(folder: Path, story: Story) -> Path:
    """Write ``story`` as wire text with its sidecar; return the text file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{story.name}.txt"
    path.write_text(f"{story.headline}\n\n{story.dateline}\n" + "\n".join(story.paragraphs) + "\n",
                    encoding="utf-8")
    meta = {"id": story.name, "published": f"{story.published.isoformat()}T09:30:00Z", "source": "Test Wire"}
    path.with_name(f"{story.name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


def write_batch(folder: Path, count: int, *, seed: int, months: tuple[str, ...], prefix: str) -> list[Path]:
    """Write ``count`` stories spread over ``months`` (``YYYY-MM``) into ``folder``."""
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        year, month = map(int, months[number % len(months)].split("-"))
        story = make_story(rng, f"{prefix}{number:03d}", date(year, month, 1 + rng.randrange(27)))
        paths.append(write_story(folder, story))
    return paths


def write_bad_inputs(folder: Path, prefix: str) -> None:
    """Inputs that must land in ``rejects``: an empty body, a bad sidecar date, an unknown format."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{prefix}empty.txt").write_text("Only a headline\n", encoding="utf-8")
    (folder / f"{prefix}baddate.txt").write_text("Headline\n\nBERLIN\nSome body text.\n", encoding="utf-8")
    (folder / f"{prefix}baddate.meta.json").write_text('{"published": "the thirty-second of May"}')
    (folder / f"{prefix}notes.docx").write_bytes(b"PK\x03\x04 not a text file")


def _plain(value: object) -> object:
    """A sortable, comparable form of a cell (lists become tuples, NaN becomes None)."""
    if isinstance(value, list):
        return tuple(_plain(v) for v in value)
    if isinstance(value, float) and value != value:
        return None
    return value


def table_rows(out: Path, name: str) -> list[tuple]:
    """The rows of table ``name`` (or a stage ledger) as sorted tuples, without ``run_id``."""
    schema = LEDGER if name.startswith("_ledger/") and name not in TABLES else None
    table = io.read(out, name, schema=schema)
    if "run_id" in table.column_names:
        table = table.drop_columns(["run_id"])
    rows = [tuple(_plain(v) for v in row.values()) for row in table.to_pylist()]
    return sorted(rows, key=repr)


def snapshot(out: Path) -> dict[str, list[tuple]]:
    """Every table and ledger except ``runs`` (which records each run) as sorted rows."""
    names = [name for name in TABLES if name != "runs"]
    if (out / "_ledger").is_dir():
        names += [f"_ledger/{p.name}" for p in sorted((out / "_ledger").iterdir()) if f"_ledger/{p.name}" not in names]
    return {name: table_rows(out, name) for name in names}


def assert_same_tables(actual: Path, expected: Path) -> None:
    """Both folders hold the same rows in every table (``run_id`` aside), table by table."""
    got, want = snapshot(actual), snapshot(expected)
    assert sorted(got) == sorted(want)
    for name in want:
        assert got[name] == want[name], f"table {name!r} differs: {len(got[name])} vs {len(want[name])} rows"


def assert_readable(out: Path) -> dict[str, int]:
    """Open every table folder under ``out`` with pandas, DuckDB and `io.read`; return row counts."""
    counts = {}
    # Hidden folders are not tables: ``.tables`` holds their versions (see `pipeline.publish`).
    folders = ([p for p in sorted(out.iterdir()) if p.is_dir() and p.name != "_ledger" and not p.name.startswith(".")]
               if out.is_dir() else [])
    if (out / "_ledger").is_dir():
        folders += sorted(p for p in (out / "_ledger").iterdir() if p.is_dir())
    for folder in folders:
        if not io.part_files(folder):
            continue  # a folder whose files were all removed is an empty table, not a broken one
        frame = pd.read_parquet(folder)
        source = str(folder / "**" / "*.parquet")
        duck = duckdb.sql(f"SELECT count(*) FROM read_parquet('{source}', hive_partitioning = true, "
                          "union_by_name = true)").fetchone()[0]
        assert duck == len(frame), folder
        name = folder.relative_to(out).as_posix()
        if name in TABLES:
            assert io.read(out, name).num_rows == len(frame)
        counts[name] = len(frame)
    return counts


def cli(*args: object, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run ``python -m pipeline ARGS`` as a real process; return it finished."""
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], cwd=PROJECT_ROOT,
                          env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=timeout)


def cli_killed_after(args: list[object], out: Path, delay: float, timeout: float = 120) -> int:
    """Start ``python -m pipeline ARGS``, SIGKILL it ``delay`` seconds after it takes the lock.

    Returns the process's return code (-9 when the kill landed; 0, 1 or 2 when
    it finished first).
    """
    process = subprocess.Popen([sys.executable, "-m", "pipeline", *map(str, args)], cwd=PROJECT_ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    lock = out / ".pipeline.lock"
    deadline = time.monotonic() + timeout
    while process.poll() is None and not lock.exists() and time.monotonic() < deadline:
        time.sleep(0.002)
    time.sleep(delay)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    return process.wait(timeout=timeout)


@dataclass(frozen=True)
class Helpers:
    """The helpers above, handed to tests as one fixture."""

    write_batch = staticmethod(write_batch)
    write_bad_inputs = staticmethod(write_bad_inputs)
    write_story = staticmethod(write_story)
    make_story = staticmethod(make_story)
    table_rows = staticmethod(table_rows)
    snapshot = staticmethod(snapshot)
    assert_same_tables = staticmethod(assert_same_tables)
    assert_readable = staticmethod(assert_readable)
    cli = staticmethod(cli)
    cli_killed_after = staticmethod(cli_killed_after)


@pytest.fixture(autouse=True)
def _restore_pipeline_logger():
    """Commands configure the "pipeline" logger for stderr; give later tests the logger back as it was."""
    logger = logging.getLogger("pipeline")
    state = (logger.handlers[:], logger.level, logger.propagate)
    yield
    logger.handlers[:], logger.level, logger.propagate = state[0], state[1], state[2]


@pytest.fixture(scope="session")
def nightly() -> Helpers:
    """The nightly test helpers."""
    return Helpers()


@pytest.fixture(scope="session")
def built_stages() -> tuple[str, ...]:
    """The stages of `run` that are built on this checkout (events may still be on its way)."""
    from pipeline.stages.registry import ORDER, STAGES

    return tuple(name for name in ORDER if "_not_built" not in STAGES[name].__qualname__)
