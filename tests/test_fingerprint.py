"""Finding the code a module runs and the rule files a stage declares, on small packages written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import fingerprint
from pipeline.fingerprint import CACHE_FOLDER, hash_files, rule_files, source_files


def write_package(root: Path, files: dict[str, str]) -> Path:
    """Write ``files`` (paths under ``root/pipeline``) and return ``root``."""
    for name, text in files.items():
        path = root / "pipeline" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def found(root: Path, *modules: str) -> list[str]:
    return [path.relative_to(root / "pipeline").as_posix() for path in source_files(modules, root)]


PACKAGE = {
    "__init__.py": "",
    "stage.py": "from pipeline.helpers import tool\n",
    "helpers.py": "import pipeline.deep.leaf\n",
    "deep/__init__.py": "from pipeline import shared\n",  # runs before deep.leaf: counts
    "deep/leaf.py": "",
    "shared.py": "",
    "lazy.py": "def load():\n    from pipeline.heavy import model\n    return model\n",
    "heavy.py": "model = 1\n",
    "relative/__init__.py": "",
    "relative/user.py": "from . import sibling\nfrom ..shared import x\n",
    "relative/sibling.py": "",
    "registry.py": 'MODULES = ("pipeline.plugin", "not a module", "pipeline.missing")\n'
                   '"""Docstrings naming pipeline.unrelated in a sentence do not count."""\n',
    "plugin.py": "",
    "unrelated.py": "",
    "namespace_free/part.py": "import json\n",  # a folder without __init__.py, and a standard-library import
    "unused.py": "",
}


@pytest.mark.parametrize(("module", "expected"), [
    ("pipeline.stage", ["__init__.py", "deep/__init__.py", "deep/leaf.py", "helpers.py", "shared.py", "stage.py"]),
    ("pipeline.lazy", ["__init__.py", "heavy.py", "lazy.py"]),  # an import inside a function counts
    ("pipeline.relative.user", ["__init__.py", "relative/__init__.py", "relative/sibling.py", "relative/user.py",
                                "shared.py"]),
    ("pipeline.registry", ["__init__.py", "plugin.py", "registry.py"]),  # a module named as a string counts
    ("pipeline.namespace_free.part", ["__init__.py", "namespace_free/part.py"]),
])
def test_source_files_follow_every_import_within_the_package(tmp_path, module, expected):
    assert found(write_package(tmp_path, PACKAGE), module) == expected


def test_source_files_of_several_modules_are_their_union_once(tmp_path):
    root = write_package(tmp_path, PACKAGE)
    assert found(root, "pipeline.lazy", "pipeline.registry", "pipeline.lazy") == [
        "__init__.py", "heavy.py", "lazy.py", "plugin.py", "registry.py"]


def test_a_missing_module_is_refused_by_name(tmp_path):
    with pytest.raises(FileNotFoundError, match="pipeline.gone"):
        source_files(["pipeline.gone"], write_package(tmp_path, PACKAGE))


def test_an_edited_import_is_followed_at_once(tmp_path):
    root = write_package(tmp_path, PACKAGE)
    assert "unused.py" not in found(root, "pipeline.stage")
    (root / "pipeline" / "stage.py").write_text("from pipeline import unused\n", encoding="utf-8")
    assert found(root, "pipeline.stage") == ["__init__.py", "stage.py", "unused.py"]


STAGE_FILES = ["__init__.py", "deep/__init__.py", "deep/leaf.py", "helpers.py", "shared.py", "stage.py"]


def test_what_a_module_names_is_kept_beside_it_and_read_back_without_parsing(tmp_path, monkeypatch):
    root = write_package(tmp_path, PACKAGE)
    assert found(root, "pipeline.stage") == STAGE_FILES
    assert (root / "pipeline" / CACHE_FOLDER / "stage.imports.json").is_file()
    fingerprint.named_modules.cache_clear()  # as in a fresh process

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed a source whose names were kept")

    monkeypatch.setattr(fingerprint.ast, "parse", no_parsing)
    assert found(root, "pipeline.stage") == STAGE_FILES


def test_a_damaged_kept_result_is_parsed_again(tmp_path):
    root = write_package(tmp_path, PACKAGE)
    found(root, "pipeline.stage")
    (root / "pipeline" / CACHE_FOLDER / "helpers.imports.json").write_text('{"key": "half-writ', encoding="utf-8")
    fingerprint.named_modules.cache_clear()
    assert found(root, "pipeline.stage") == STAGE_FILES


def test_modules_are_found_where_nothing_can_be_kept(tmp_path):
    root = write_package(tmp_path, PACKAGE)
    (root / "pipeline" / CACHE_FOLDER).write_text("a file where the folder would go", encoding="utf-8")
    assert found(root, "pipeline.stage") == STAGE_FILES


def test_rule_files_expand_folders_and_keep_files(tmp_path):
    for name in ("a/one.csv", "a/sub/two.txt", "a/README.md", "a/.swap", "a/.built/model.bin", "b/three.csv",
                 "b/four.csv"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name, encoding="utf-8")
    paths = rule_files(["a", "b/four.csv", "a/one.csv"], tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == ["a/one.csv", "a/sub/two.txt", "b/four.csv"]
    with pytest.raises(FileNotFoundError, match="'c/five.csv'"):
        rule_files(["c/five.csv"], tmp_path)


def test_hash_files_depend_on_paths_and_bytes(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "a.txt").write_text("same", encoding="utf-8")
    (tmp_path / "x" / "b.txt").write_text("same", encoding="utf-8")
    first = hash_files([(tmp_path, tmp_path / "x" / "a.txt")])
    assert first != hash_files([(tmp_path, tmp_path / "x" / "b.txt")])  # same bytes, another path
    copy = tmp_path / "copy" / "x" / "a.txt"
    copy.parent.mkdir(parents=True)
    copy.write_text("same", encoding="utf-8")
    assert hash_files([(tmp_path / "copy", copy)]) == first  # the same file under another root
    (tmp_path / "x" / "a.txt").write_text("other", encoding="utf-8")
    assert hash_files([(tmp_path, tmp_path / "x" / "a.txt")]) != first
