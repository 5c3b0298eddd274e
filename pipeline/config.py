"""Settings: one table of defaults, validated on entry (unknown keys fail).

The limits, the batch size and the rules' scope may also come from a settings file (TOML, top-level
keys named as in `Settings`; `read_settings_file`), which a command option or its
environment variable overrides.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MODELS_DIR = PROJECT_ROOT / "models"


# What extract does with each article (``Settings.rules_scope``):
# all   - every rule component, and the parser where its gate says, in every article;
# trade - the same in the articles ingest flagged ``is_trade`` (models/relevance/); the others get only their
#         ``sentences`` rows (the same rows as under "all"), no mentions, so no rows in the later tables.
RULES_SCOPES = ("all", "trade")


@dataclass(frozen=True)
class Settings:
    """Everything a stage needs to know besides its input tables.

    ``raw`` is a file or folder of inputs; ``out`` the folder of tables.
    ``published_default`` is used for inputs that carry no date at all.
    Limits bound what one hostile input can cost.
    """

    raw: Path = Path("data/raw")
    out: Path = Path("data/processed")
    force: bool = False
    published_default: date | None = None
    since: date | None = None
    until: date | None = None
    workers: int = 1
    executor: str = "local"  # local, processes or dask (see pipeline/executors.py)
    scheduler: str | None = None  # address of an existing Dask scheduler
    batch_size: int = 1000
    models_dir: Path = field(default=MODELS_DIR)
    # Checked before a file is read: reading a one-record file costs about 20 times its size
    # (a 63 MB JSON Lines record took 1.3 GB; 200 MB ones 2.6-3.1 GB).
    max_file_bytes: int = 64 * 1024 * 1024
    max_field_chars: int = 2_000_000
    # The one limit on an article's whole text: ingest rejects a longer article,
    # and extract gives spaCy the same figure as nlp.max_length (whose default
    # it is), so an article that passes ingest never fails extract on length.
    max_article_chars: int = 1_000_000
    max_records_per_file: int = 1_000_000
    # Which articles extract runs its full rules on: "all", or only those ingest flagged ``is_trade``
    # ("trade"; the others get their sentences and nothing else). See RULES_SCOPES.
    rules_scope: str = "all"
    show_progress: bool | None = None  # None: a bar on a terminal, log lines otherwise

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, got {self.workers}")
        if self.executor not in ("local", "processes", "dask"):
            raise ValueError(f"executor must be local, processes or dask, got {self.executor!r}")
        if self.scheduler and self.executor != "dask":
            raise ValueError("--scheduler only applies to --executor dask")
        if self.rules_scope not in RULES_SCOPES:
            raise ValueError(f"rules_scope must be one of {', '.join(RULES_SCOPES)}, got {self.rules_scope!r}")
        if self.batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {self.batch_size}")
        for name in ("max_file_bytes", "max_field_chars", "max_article_chars", "max_records_per_file"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be positive, got {getattr(self, name)}")
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"--since {self.since} is after --until {self.until}")


# What a settings file may set: the limits, the batch size and the rules' scope, which a site tunes once.
# Paths, the window and the executor stay per command.
NUMBER_KEYS = ("max_file_bytes", "max_field_chars", "max_article_chars", "max_records_per_file", "batch_size")
FILE_KEYS = (*NUMBER_KEYS, "rules_scope")


def read_settings_file(path: Path) -> dict[str, Any]:
    """The settings a TOML file gives; fails naming the file and the key when one is unknown or not a number."""
    try:
        values = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"settings file {path} does not exist") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ValueError(f"settings file {path} is not valid TOML: {error}") from None
    unknown = sorted(set(values) - set(FILE_KEYS))
    if unknown:
        raise ValueError(f"settings file {path}: unknown keys {unknown}; a settings file may set {list(FILE_KEYS)}")
    for key, value in values.items():
        if key in NUMBER_KEYS and (not isinstance(value, int) or isinstance(value, bool)):
            raise ValueError(f"settings file {path}: {key} must be a whole number, got {value!r}")
        if key == "rules_scope" and value not in RULES_SCOPES:
            raise ValueError(f"settings file {path}: rules_scope must be one of {', '.join(RULES_SCOPES)}, "
                             f"got {value!r}")
    return values


def make_settings(**values: Any) -> Settings:
    """Build `Settings` from keyword values, refusing unknown keys by name."""
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ValueError(f"unknown settings {unknown}; known: {sorted(known)}")
    clean = {key: value for key, value in values.items() if value is not None}
    for key in ("raw", "out", "models_dir"):
        if key in clean:
            clean[key] = Path(clean[key])
    return replace(Settings(), **clean)
