"""Declaration of a per-article stage (DVC-like), and its rules version.

A stage declares the tables it reads, the tables it writes, its rule files
and its own code. Its *rules version* hashes those files and the upstream
stage's rules version, so a changed pattern file reruns that stage and the
stages after it, and nothing else does.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from pipeline.articles import short_hash
from pipeline.config import PROJECT_ROOT, Settings

# A batch function gets the batch's rows of every table the stage reads and
# returns rows for every table it writes, plus per-article failures.
BatchFunction = Callable[[Mapping[str, pa.Table], Settings], "BatchResult"]


@dataclass
class BatchResult:
    """What one batch produced: rows per output table and per-article failures.

    A table's rows are dicts, or a pyarrow Table with the table's columns but
    ``run_id`` (the runner sets it in either form).
    """

    rows: dict[str, list[dict[str, Any]] | pa.Table] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)  # article_id -> message
    # What the run's probe read in the process that ran the batch, right after it (see `run_stage`).
    probe: Any = None


@dataclass(frozen=True)
class StageSpec:
    """Declaration of a per-article stage.

    ``code`` and ``rules`` are paths relative to the project root; their
    content enters the rules version. ``upstream`` names the stage whose rules
    version this one inherits.
    """

    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    code: tuple[str, ...]
    rules: tuple[str, ...] = ()
    upstream: str | None = None
    # The columns the batch function uses, for the tables of ``reads`` that need not be read whole.
    columns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class StageReport:
    """Counts of one stage run, for the summary and the ``runs`` table."""

    stage: str
    rules_version: str
    rows_in: int = 0
    rows_out: int = 0
    skipped: int = 0
    rejects: list[dict[str, Any]] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)
    written: dict[str, int] = field(default_factory=dict)
    processed_paths: list[str] = field(default_factory=list)  # raw files read again (ingest)
    processed_ids: list[str] = field(default_factory=list)  # articles processed again (later stages)
    pruned: int = 0  # articles whose rows were removed because they left ``articles``
    # With a probe (see `run_stage`), per batch: its reading where the batch ran (None for a batch that
    # failed as a whole), and its reading in the stage's own process once the batch was written.
    probes: list[tuple[Any, Any]] = field(default_factory=list)



def _hash_paths(paths: list[tuple[Path, Path]]) -> str:
    """Hash ``(root, path)`` pairs: each path relative to its root, then its bytes."""
    digest = hashlib.sha256()
    for root, path in paths:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\x00")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _expand(patterns: tuple[str, ...], root: Path) -> list[Path]:
    """Files under ``root`` matching ``patterns``, sorted; hidden and cache files are not rules."""
    paths: list[Path] = []
    for pattern in patterns:
        matched = sorted(p for p in root.glob(pattern) if p.is_file() and not any(
            part.startswith(".") or part == "__pycache__" for part in p.relative_to(root).parts))
        paths.extend(matched)
    return paths


def rules_version(spec: StageSpec, registry: Mapping[str, StageSpec], settings: Settings) -> str:
    """Hash of the stage's code, its rule files and the upstream rules version.

    Rule files are hashed by their path relative to ``settings.models_dir``,
    so a copy of the models folder elsewhere gives the same version.
    """
    code = [(PROJECT_ROOT, p) for p in _expand(spec.code, PROJECT_ROOT)]
    rules = [(settings.models_dir, p) for p in _expand(spec.rules, settings.models_dir)]
    own = _hash_paths(code + rules) if (code or rules) else "none"
    upstream = rules_version(registry[spec.upstream], registry, settings) if spec.upstream else ""
    return short_hash(spec.name, own, upstream)


def ledger_name(stage: str) -> str:
    """Table name of a stage's ledger."""
    return f"_ledger/{stage}"
