"""What each stage would process if it ran now, without running it or writing anything.

`pending` plans every stage as its run would (the same ledgers, rules
versions and ``--since``/``--until``/``--force``) and counts what it would
read again and what it would skip. It takes no lock and writes nothing: every
table is written atomically, so reading while a run writes sees whole files.
The counts of the stages after ingest are of the articles already in
``articles``: the files ingest has still to read add theirs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline import io
from pipeline.config import Settings
from pipeline.errors import ModelsError
from pipeline.stages.ingest import ingest_version, plan_files, read_ledger
from pipeline.stages.plan import plan
from pipeline.stages.registry import ORDER, SPECS
from pipeline.stages.spec import rules_version


@dataclass(frozen=True)
class Pending:
    """What one stage would do: ``todo`` files (ingest) or articles to process, ``skipped`` as already done."""

    stage: str
    unit: str  # "files" or "articles"
    todo: int
    skipped: int
    rules_version: str
    note: str = ""


def select_stages(stages: Sequence[str] | None = None, start: str | None = None) -> list[str]:
    """The stages to run, in pipeline order: ``stages`` (any subset), or ``start`` and every stage after it.

    Refuses an unknown stage by name, and both selections at once (which would be ambiguous).
    """
    if stages is not None and start is not None:
        raise ValueError("give --stages or --from, not both")
    unknown = [name for name in [*(stages or ()), *([start] if start else [])] if name not in ORDER]
    if unknown:
        raise ValueError(f"unknown stage {unknown[0]!r}; the stages are {', '.join(ORDER)}")
    if start is not None:
        return list(ORDER[ORDER.index(start):])
    if stages is not None:
        if not stages:
            raise ValueError(f"no stage given; the stages are {', '.join(ORDER)}")
        return [name for name in ORDER if name in stages]
    return list(ORDER)


def check_models(settings: Settings, stage_names: Sequence[str]) -> None:
    """Refuse a models folder that lacks a rule file ``stage_names`` read, before any stage runs.

    Every article would fail without it; an installed package (a wheel) does
    not carry ``models/``, so the message says how to point at one. Ingest
    reads only ``wire/`` (wire-copy residue) and ``relevance/`` (the trade-story flag).
    """
    for name in stage_names:
        try:
            rules_version(SPECS[name], SPECS, settings)
        except FileNotFoundError as error:
            where = settings.models_dir
            what = "does not exist" if not where.is_dir() else f"is incomplete ({error})"
            raise ModelsError(f"the models folder {where} {what}; pass --models DIR or set TRADENEWS_MODELS to "
                              "the project's models/ folder (an installed package does not include it)") from None


def _ingest_pending(settings: Settings) -> Pending:
    """Files under ``--raw`` that ingest would read (new, changed, or all with ``--force``): `plan_files`."""
    version = ingest_version(settings)
    files = plan_files(settings, read_ledger(settings), version)
    return Pending("ingest", "files", len(files.todo), files.skipped, version)


def pending(settings: Settings, stage_names: Sequence[str] = ORDER) -> list[Pending]:
    """What each of ``stage_names`` would process now (see the module docstring)."""
    found = []
    for name in stage_names:
        if name == "ingest":
            found.append(_ingest_pending(settings))
            continue
        spec = SPECS[name]
        version = rules_version(spec, SPECS, settings)
        if not io.exists(settings.out, "articles"):
            found.append(Pending(name, "articles", 0, 0, version, note="no articles yet: ingest first"))
            continue
        todo, skipped = plan(spec, version, settings)
        found.append(Pending(name, "articles", todo.num_rows, skipped, version))
    return found
