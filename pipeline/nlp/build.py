"""Assemble the rule pipeline from ``models/``, save it, and load it when fresh.

The pipeline is ``spacy.blank("en")`` plus our registered components, in
`COMPONENTS` order. Its rule data comes from the files under ``models/``
(see each component's ``load_data``); the built pipeline is saved to
``models/.built/trade_nlp`` with the hash of those files and of the
component code, and `load_nlp` rebuilds it whenever that hash changed — so a
fresh checkout needs no separate build step and a stale pipeline is never used.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from importlib import import_module
from collections.abc import Sequence
from pathlib import Path

import spacy
from spacy.language import Language

from pipeline import fingerprint
from pipeline.nlp.base import load_saved
from pipeline.permissions import FOLDER_MODE

# (module that registers the factory, factory name), in pipeline order.
COMPONENTS: list[tuple[str, str]] = [
    ("pipeline.nlp.sentences", "trade_sentences_v1"),
    ("pipeline.nlp.countries", "trade_countries_v1"),
    ("pipeline.nlp.people", "trade_people_v1"),
    ("pipeline.nlp.rates", "trade_rates_v1"),
    ("pipeline.nlp.dates", "trade_dates_v1"),
    ("pipeline.nlp.quotes", "trade_quotes_v1"),
    ("pipeline.nlp.triggers", "trade_triggers_v1"),
]


def register_components() -> list[tuple[str, str]]:
    """Import every component module so its factory is registered; return `COMPONENTS`."""
    for module, _ in COMPONENTS:
        import_module(module)
    return COMPONENTS


BUILT_DIR = ".built/trade_nlp"
VERSION_FILE = "rules_version.txt"


def rule_files(models_dir: Path) -> list[Path]:
    """Every rule data file under ``models_dir`` (hidden folders such as .built excluded)."""
    return sorted(p for p in models_dir.rglob("*") if p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(models_dir).parts))


def code_files() -> list[Path]:
    """The source files the built pipeline depends on: this module, the components and all they import."""
    return fingerprint.source_files([__name__])


def pipeline_version(models_dir: Path) -> str:
    """Hash of the rule files and the component code: changes whenever either does."""
    return fingerprint.hash_files([(models_dir, path) for path in rule_files(models_dir)]
                                  + [(fingerprint.SOURCE_ROOT, path) for path in code_files()])


def build_nlp(models_dir: Path, factories: Sequence[str] | None = None) -> Language:
    """A blank English pipeline with every rule component (or only ``factories``, in pipeline order),
    initialized from ``models_dir``."""
    nlp = spacy.blank("en")
    for _, factory in register_components():
        if factories is None or factory in factories:
            nlp.add_pipe(factory)
    # Each component reads its rule data at `initialize` from the folder named in the config's
    # [initialize.components] section, as spaCy's own components get their data; the saved
    # pipeline's config.cfg records where the data came from.
    nlp.config["initialize"]["components"] = {name: {"models_dir": str(models_dir)} for name in nlp.pipe_names}
    nlp.initialize()
    return nlp


def save_nlp(nlp: Language, target: Path, version: str) -> None:
    """Save ``nlp`` to ``target`` atomically (a temp folder renamed into place)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(dir=target.parent, prefix=".tmp-"))
    try:
        # mkdtemp makes a 0700 folder: a cron job running as another user could not load the pipeline.
        os.chmod(temp, FOLDER_MODE)
        nlp.to_disk(temp)
        (temp / VERSION_FILE).write_text(version + "\n", encoding="utf-8")
        old = target.with_name(target.name + ".old")
        if target.exists():
            os.replace(target, old)
        os.replace(temp, target)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise


def load_nlp(models_dir: Path, *, rebuild: bool = False) -> Language:
    """Load the saved pipeline, rebuilding and saving it first when missing or stale."""
    register_components()  # registers the factories spacy.load needs
    version = pipeline_version(models_dir)
    target = models_dir / BUILT_DIR
    if not rebuild and _saved_version(target) == version:
        try:
            return load_saved(target)
        except OSError:  # saved by another user and not readable by this one: build it here instead
            pass
    nlp = build_nlp(models_dir)
    try:
        save_nlp(nlp, target, version)
    except OSError:  # a read-only checkout still runs, just without the cache
        pass
    return nlp


def _saved_version(target: Path) -> str | None:
    """The version the pipeline saved at ``target`` was built from; None when missing or unreadable."""
    try:
        return (target / VERSION_FILE).read_text(encoding="utf-8").strip()
    except OSError:  # missing, or in a folder another user saved private (0700, before the modes were fixed)
        return None
