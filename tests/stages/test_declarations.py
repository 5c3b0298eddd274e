"""Stage declarations tell the truth: a stage reruns when code it runs or a rule file it reads changes, only then.

The rules version of a stage hashes the source of every module it runs (found
from its imports) and the rule files its `StageSpec` declares. These tests
edit copies — of ``models/``, and of the package's source, which the version
is then read from — and check which stages' versions change and which stages
run again, and they check each stage's declared rule files against the files
it actually opens while it runs on the samples.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline import fingerprint
from pipeline.config import MODELS_DIR, PROJECT_ROOT, make_settings
from pipeline.runner import run_stages
from pipeline.schemas import SchemaError
from pipeline.stages.ingest import ingest_version
from pipeline.stages.registry import ORDER, PER_ARTICLE, SPECS, STAGES
from pipeline.stages.spec import StageSpec, rules_version

SAMPLES = PROJECT_ROOT / "data" / "raw"
DOWNSTREAM = {"extract", "normalize", "events"}


def copy_models(target: Path) -> Path:
    """A copy of the rule data without the built pipeline (so extract builds it, reading every rule file)."""
    shutil.copytree(MODELS_DIR, target, ignore=shutil.ignore_patterns(".*"))
    return target


@pytest.fixture
def models(tmp_path) -> Path:
    return copy_models(tmp_path / "models")


@pytest.fixture
def source(tmp_path, monkeypatch) -> Path:
    """A copy of the package's source that rules versions are read from (the code that runs is unchanged)."""
    root = tmp_path / "src"
    shutil.copytree(fingerprint.SOURCE_ROOT / fingerprint.PACKAGE, root / fingerprint.PACKAGE,
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(fingerprint, "SOURCE_ROOT", root)
    return root


def versions(settings) -> dict[str, str]:
    """The rules version of every stage (ingest's includes its settings)."""
    return {"ingest": ingest_version(settings),
            **{name: rules_version(SPECS[name], SPECS, settings) for name in PER_ARTICLE}}


def edit(path: Path) -> None:
    """Change a file's bytes without changing what it means (a trailing newline)."""
    path.write_bytes(path.read_bytes() + b"\n")


def changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {name for name in before if before[name] != after[name]}


@pytest.mark.parametrize(("rule_file", "stages"), [
    ("countries/aliases.csv", DOWNSTREAM),  # read by extract: every stage after ingest
    ("events/triggers.csv", DOWNSTREAM),  # the trigger component runs in extract
    ("people/known_officials.csv", DOWNSTREAM),  # the people component anchors its names: read by extract
    ("quotes/sources.csv", DOWNSTREAM),  # its speaker nouns: read by extract (reported speech from the words)
    ("events/arguments.json", {"events"}),
    ("events/products.csv", {"events"}),
    # ingest computes articles.is_trade from it; extract acts on is_trade (its input_rules)
    ("relevance/lexicon.csv", {"ingest", *DOWNSTREAM}),
    ("relevance/scoring.csv", {"ingest", *DOWNSTREAM}),
    ("countries/README.md", set()),  # documentation is not a rule
])
def test_a_rule_edit_changes_the_versions_of_the_stages_that_read_it_and_the_stages_after(models, rule_file, stages):
    settings = make_settings(models_dir=models)
    before = versions(settings)
    assert before == versions(make_settings())  # a copy of models/ gives the same versions
    edit(models / rule_file)
    assert changed(before, versions(settings)) == stages


@pytest.mark.parametrize(("module", "stages"), [
    ("rulefiles.py", {"ingest", *DOWNSTREAM}),  # imported by the wire and relevance rules, the components, normalizers …
    ("relevance.py", {"ingest", *DOWNSTREAM}),
    ("labels.py", DOWNSTREAM),
    ("nlp/first_chars.py", DOWNSTREAM),  # imported by a component, itself named only in a registry string
    ("articles.py", {"ingest", *DOWNSTREAM}),
    ("readers/sgml.py", {"ingest"}),
    ("events/merge.py", {"events"}),
    ("stages/events.py", {"events"}),
    ("bench/command.py", set()),  # no stage runs it
])
def test_a_code_edit_changes_the_versions_of_the_stages_that_run_it(source, module, stages):
    settings = make_settings()
    before = versions(settings)
    edit(source / fingerprint.PACKAGE / module)
    assert changed(before, versions(settings)) == stages


@pytest.mark.parametrize(("declaration", "message"), [
    ({"reads": ("articles", "mentoins")}, "unknown table 'mentoins'"),
    ({"writes": ("mention",)}, "unknown table 'mention'"),
    ({"columns": {"articles": ("text", "body")}}, r"columns \['body'\] that table 'articles' does not have"),
    ({"columns": {"mentions": ("kind",)}}, r"declares columns of \['mentions'\], which it does not read"),
])
def test_a_declaration_naming_an_unknown_table_or_column_is_refused(declaration, message):
    fields = {"name": "typo", "reads": ("articles",), "writes": ("mentions",), "code": (), **declaration}
    with pytest.raises(SchemaError, match=message):
        StageSpec(**fields)


def test_a_declared_module_that_does_not_exist_is_refused(tmp_path):
    spec = StageSpec(name="moved", reads=("articles",), writes=("mentions",), code=("pipeline.stages.moved_away",))
    with pytest.raises(FileNotFoundError, match="pipeline.stages.moved_away"):
        rules_version(spec, {"moved": spec}, make_settings())


def test_a_declared_rule_file_that_does_not_exist_is_refused(tmp_path):
    spec = StageSpec(name="lost", reads=("articles",), writes=("mentions",), code=(), rules=("lost/words.txt",))
    with pytest.raises(FileNotFoundError, match="stage 'lost'.*lost/words.txt"):
        rules_version(spec, {"lost": spec}, make_settings(models_dir=tmp_path))


def run_counts(settings) -> dict[str, tuple[int, int]]:
    """Run every stage; return ``stage -> (processed, skipped)``."""
    summary = run_stages(settings, [(name, STAGES[name]) for name in ORDER])
    assert summary.error is None, summary.error
    return {report.stage: (report.rows_in, report.skipped) for report in summary.reports}


@pytest.fixture
def done(tmp_path, models):
    """Settings of a finished run over the samples, and its counts; a second run then does nothing."""
    settings = make_settings(raw=SAMPLES, out=tmp_path / "out", models_dir=models, show_progress=False)
    first = run_counts(settings)
    files, articles = first["ingest"][0], first["extract"][0]
    assert files > 0 and articles > 0
    assert run_counts(settings) == {"ingest": (0, files), **{name: (0, articles) for name in DOWNSTREAM}}
    return settings, files, articles


def test_editing_a_module_a_stage_imports_reruns_that_stage_and_the_ones_after(done, source):
    settings, files, articles = done
    edit(source / fingerprint.PACKAGE / "rulefiles.py")  # ingest reads the wire rules with it too
    assert run_counts(settings) == {"ingest": (files, 0), **{name: (articles, 0) for name in DOWNSTREAM}}


def test_editing_the_relevance_lexicon_rereads_every_file_and_reruns_every_later_stage(done):
    settings, files, articles = done
    edit(settings.models_dir / "relevance" / "lexicon.csv")
    assert run_counts(settings) == {"ingest": (files, 0), **{name: (articles, 0) for name in DOWNSTREAM}}


def test_changing_the_rules_scope_reruns_extract_and_the_stages_after(done):
    settings, files, articles = done
    assert run_counts(replace(settings, rules_scope="trade")) == {
        "ingest": (0, files), **{name: (articles, 0) for name in DOWNSTREAM}}


@pytest.mark.parametrize("stage", ORDER)
def test_input_rules_are_read_by_a_stage_that_writes_a_table_the_stage_reads(stage):
    spec = SPECS[stage]
    producers = [other for other in SPECS.values() if set(other.writes) & set(spec.reads)]
    for entry in spec.input_rules:
        assert any(entry in other.rules for other in producers), \
            f"stage {stage!r} names {entry} in input_rules, but no stage whose tables it reads declares it"


def test_editing_an_events_rule_file_reruns_events_only(done):
    settings, files, articles = done
    edit(settings.models_dir / "events" / "arguments.json")
    assert run_counts(settings) == {"ingest": (0, files), "extract": (0, articles), "normalize": (0, articles),
                                    "events": (articles, 0)}


# -- the files each stage opens under models/ ----------------------------------------

_recording: dict[str, set[Path]] = {}  # while a stage runs: its name -> the files it opened
_current: list[str] = []


def _opened(event: str, args: tuple) -> None:
    """Audit hook: note the files a stage opens for reading, but not the rules version's own hashing."""
    if event != "open" or not _current or not isinstance(args[0], (str, os.PathLike)):
        return
    mode = args[1] or "r"
    if any(flag in mode for flag in "wax+"):
        return
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code is fingerprint.hash_files.__code__:
            return
        frame = frame.f_back
    _recording.setdefault(_current[-1], set()).add(Path(os.fspath(args[0])).resolve())


@pytest.fixture(scope="module")
def opened(tmp_path_factory) -> tuple[Path, dict[str, set[Path]]]:
    """Run every stage over the samples with a fresh copy of models/; return it and the files each stage opened."""
    sys.addaudithook(_opened)  # stays for the session, idle outside this fixture
    root = tmp_path_factory.mktemp("opened")
    models = copy_models(root / "models")
    settings = make_settings(raw=SAMPLES, out=root / "out", models_dir=models, show_progress=False)

    def recorded(name):
        def stage(settings, *, run_id):
            _current.append(name)
            try:
                return STAGES[name](settings, run_id=run_id)
            finally:
                _current.pop()
        return stage

    _recording.clear()
    summary = run_stages(settings, [(name, recorded(name)) for name in ORDER])
    assert summary.error is None, summary.error
    return models.resolve(), dict(_recording)


def _under(paths: set[Path], folder: Path) -> list[str]:
    """The paths under ``folder`` outside its hidden folders (the built pipeline), relative to it."""
    found = []
    for path in paths:
        if path.is_relative_to(folder):
            relative = path.relative_to(folder)
            if not any(part.startswith(".") for part in relative.parts):
                found.append(relative.as_posix())
    return sorted(found)


@pytest.mark.parametrize("stage", ORDER)
def test_a_stage_opens_every_rule_file_it_declares_and_no_other(opened, stage):
    models, files = opened
    read = set(_under(files.get(stage, set()), models))
    entries = SPECS[stage].rules
    declared = {path.relative_to(models).as_posix() for path in fingerprint.rule_files(entries, models)}
    undeclared = sorted(read - declared)
    assert not undeclared, f"stage {stage!r} reads rule files its StageSpec.rules does not declare: {undeclared}"
    unread = [entry for entry in entries if not any(f == entry or f.startswith(entry + "/") for f in read)]
    assert not unread, f"stage {stage!r} declares rule files it never reads: {unread}"
    assert not _under(files.get(stage, set()), MODELS_DIR.resolve()), \
        f"stage {stage!r} reads the project's models/ instead of settings.models_dir"
