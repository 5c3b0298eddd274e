"""Declaration of a stage (like a DVC stage's deps and outs), and its rules version.

A stage declares the tables it reads and writes, the modules it runs and the
rule files it reads. Its *rules version* hashes the source of those modules
and of every module of the package they import (`pipeline.fingerprint`), its
rule files, and the upstream stage's rules version. So an edit to any code the
stage runs, or to a rule file it reads, reruns that stage and the stages after
it, and nothing else does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

import pyarrow as pa

from pipeline import fingerprint
from pipeline.articles import short_hash
from pipeline.config import Settings
from pipeline.schemas import SchemaError, schema_for

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
    """Declaration of a stage: the tables it reads and writes, and what its rules version hashes.

    ``code`` names the modules the stage runs (its own module, ``__name__``):
    what they import inside the package is found from their source, so it is
    never listed by hand. ``rules`` names the files and folders under
    ``models/`` that the stage reads (a folder stands for every file beneath
    it); a test checks it against the files each stage opens. ``upstream``
    names the stage whose rules version this one inherits.

    ``input_rules`` names rule files that an earlier stage read to compute
    columns this stage acts on (extract parses only articles whose
    ``is_trade`` ingest computed from ``relevance/``): they count in this
    stage's version too, since an edit changes what it does to articles whose
    content is unchanged, but this stage never opens them. ``settings`` names
    the fields of `Settings` that change this stage's rows; their values
    count in the version, so changing one reprocesses every article.
    """

    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    code: tuple[str, ...]
    rules: tuple[str, ...] = ()
    upstream: str | None = None
    input_rules: tuple[str, ...] = ()
    settings: tuple[str, ...] = ()
    # The columns the batch function uses, for the tables of ``reads`` that need not be read whole.
    columns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Every table named has a declared schema (its rows are conformed to it when written, which is
        # also why pipeline.schemas counts in every stage's code); a typo fails here, not mid-run.
        for table in (*self.reads, *self.writes):
            schema = schema_for(table)
            unknown = [column for column in self.columns.get(table, ()) if schema.get_field_index(column) < 0]
            if unknown:
                raise SchemaError(f"stage {self.name!r} reads columns {unknown} that table {table!r} does not have")
        unread = sorted(set(self.columns) - set(self.reads))
        if unread:
            raise SchemaError(f"stage {self.name!r} declares columns of {unread}, which it does not read")
        unknown_settings = sorted(set(self.settings) - {f.name for f in fields(Settings)})
        if unknown_settings:
            raise ValueError(f"stage {self.name!r} declares settings {unknown_settings}, which Settings does not have")


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


def rules_version(spec: StageSpec, registry: Mapping[str, StageSpec], settings: Settings) -> str:
    """Hash of the code the stage runs, the rule files it reads and the upstream rules version.

    Files are hashed by their path relative to the source root and to
    ``settings.models_dir``, so a copy of the code or of the models folder
    elsewhere gives the same version.
    """
    root = fingerprint.SOURCE_ROOT
    code = [(root, path) for path in fingerprint.source_files(spec.code, root)]
    entries = (*spec.rules, *spec.input_rules)
    try:
        rules = [(settings.models_dir, path) for path in fingerprint.rule_files(entries, settings.models_dir)]
    except FileNotFoundError as error:
        raise FileNotFoundError(f"stage {spec.name!r} declares a rule file that is missing: {error}") from None
    own = fingerprint.hash_files(code + rules) if (code or rules) else "none"
    upstream = rules_version(registry[spec.upstream], registry, settings) if spec.upstream else ""
    chosen = [f"{name}={getattr(settings, name)}" for name in spec.settings]
    return short_hash(spec.name, own, upstream, *chosen)


def ledger_name(stage: str) -> str:
    """Table name of a stage's ledger."""
    return f"_ledger/{stage}"
