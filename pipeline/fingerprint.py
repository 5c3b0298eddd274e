"""What a piece of the pipeline depends on, as files to hash: its source code and its rule files.

`source_files` finds the code a module runs by reading, with `ast`, what it
imports inside the ``pipeline`` package, and what those modules import in
turn. It counts every import, including those inside functions (spaCy is
imported lazily, and so are the modules that need it) and under
``TYPE_CHECKING``, the packages that enclose an imported module (Python runs
their ``__init__`` first), and any string constant that is exactly the name of
a module of the package: a registry loaded with `importlib.import_module`
(the normalizers, the spaCy components) names its modules that way. Counting
too much only reruns a stage for nothing; counting too little would leave
stale rows that look fresh.

What a module names is kept beside its source (``__pycache__/NAME.imports.json``,
as Python keeps its bytecode) under a hash of the source and of this
module's own code: every stage runs in a fresh process and reads the same
few dozen modules, and parsing them there again took most of a small
stage's fixed cost. A changed source, or a changed way of reading it, has
another hash and is parsed again.

`rule_files` expands declared rule entries (files and folders under
``models/``) and `hash_files` hashes files by their path and bytes. Imports
nothing from the package, so any layer may use it.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

PACKAGE = "pipeline"
# The folder that holds the package: source files are hashed by their path relative to it.
SOURCE_ROOT = Path(__file__).resolve().parent.parent
# Where the modules a source names are kept, beside the source (`imported_modules`).
CACHE_FOLDER = "__pycache__"
CACHE_SUFFIX = ".imports.json"
# Files in a rule folder that are documentation, which no stage reads.
DOCUMENTATION_SUFFIXES = (".md",)

_MODULE_NAME = re.compile(rf"{PACKAGE}(\.[A-Za-z_][A-Za-z0-9_]*)+")


def module_path(name: str, root: Path) -> Path | None:
    """The source file of module ``name`` under ``root`` (``a/b.py`` or ``a/b/__init__.py``), or None."""
    base = root.joinpath(*name.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


@lru_cache(maxsize=1024)
def named_modules(source: bytes, name: str, *, is_package: bool) -> frozenset[str]:
    """Names of the package's modules that module ``name`` (its ``source``) imports or names.

    ``from pipeline.x import y`` yields both ``pipeline.x`` and ``pipeline.x.y``:
    ``y`` may be a module or a name defined in ``x``, and `source_files` keeps
    only the names that have a source file. Kept per source text: every rules
    version reads the same few dozen modules, and parsing them is most of its cost.
    """
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source, filename=name)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the enclosing package, one level up per extra dot
                parts = package.split(".")
                anchor = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and _MODULE_NAME.fullmatch(node.value):
            found.add(node.value)
    return frozenset(module for module in found if module == PACKAGE or module.startswith(PACKAGE + "."))


@lru_cache(maxsize=1)
def _scanner_hash() -> str:
    """Hash of this module's source: a kept result holds only for the code that found it."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def imported_modules(path: Path, name: str) -> frozenset[str]:
    """`named_modules` of the source file ``path`` of module ``name``, kept beside it for the next process.

    A result kept for other bytes (an edited source) or by other code is not
    used. Keeping is best effort: where the folder cannot be written (an
    installed, read-only package) the source is parsed each time.
    """
    source = path.read_bytes()
    is_package = path.name == "__init__.py"
    key = hashlib.sha256(b"\x00".join((_scanner_hash().encode(), name.encode(), str(is_package).encode(),
                                        source))).hexdigest()
    kept = path.parent / CACHE_FOLDER / (path.stem + CACHE_SUFFIX)
    try:
        stored = json.loads(kept.read_text(encoding="utf-8"))
        if stored["key"] == key:
            return frozenset(stored["modules"])
    except (OSError, ValueError, KeyError, TypeError):
        pass  # nothing kept yet, or kept by an interrupted write: parse
    found = named_modules(source, name, is_package=is_package)
    try:
        kept.parent.mkdir(exist_ok=True)
        partial = kept.with_name(f"{kept.name}.{os.getpid()}.tmp")
        partial.write_text(json.dumps({"key": key, "modules": sorted(found)}), encoding="utf-8")
        os.replace(partial, kept)  # whole or not at all, whichever process writes last
    except OSError:
        pass
    return found


def _enclosing(name: str) -> list[str]:
    """The packages that enclose module ``name``: ``a.b.c`` → ``a``, ``a.b``."""
    parts = name.split(".")
    return [".".join(parts[:end]) for end in range(1, len(parts))]


def source_files(modules: Iterable[str], root: Path | None = None) -> list[Path]:
    """The source files that ``modules`` run: their own and every module of the package they import, transitively.

    ``root`` is the folder that holds the package (default `SOURCE_ROOT`).
    Fails naming the module when one of ``modules`` has no source file, so a
    declaration that names a moved module cannot go unnoticed.
    """
    root = root if root is not None else SOURCE_ROOT
    entries = list(modules)
    missing = [name for name in entries if module_path(name, root) is None]
    if missing:
        raise FileNotFoundError(f"no source file for module {missing[0]!r} under {root}")
    files: dict[str, Path] = {}
    looked_at: set[str] = set()
    todo = entries
    while todo:
        name = todo.pop()
        if name in looked_at:
            continue
        looked_at.add(name)
        path = module_path(name, root)
        if path is None:  # a name defined in a module, or a namespace package without __init__
            continue
        files[name] = path
        todo.extend(_enclosing(name))
        todo.extend(imported_modules(path, name))
    return sorted(set(files.values()))


def rule_files(entries: Iterable[str], models_dir: Path) -> list[Path]:
    """The files that rule ``entries`` name under ``models_dir``: a file itself, a folder every file beneath it.

    Hidden files and folders (an editor's swap file, the built pipeline under
    ``.built``) and documentation are not rules. Fails naming the entry when
    it does not exist.
    """
    paths: list[Path] = []
    for entry in entries:
        path = models_dir / entry
        if path.is_file():
            paths.append(path)
        elif path.is_dir():
            paths.extend(sorted(p for p in path.rglob("*") if p.is_file() and _is_rule(p.relative_to(models_dir))))
        else:
            raise FileNotFoundError(f"rule file or folder {entry!r} does not exist under {models_dir}")
    return list(dict.fromkeys(paths))


def _is_rule(relative: Path) -> bool:
    hidden = any(part.startswith(".") or part == "__pycache__" for part in relative.parts)
    return not hidden and relative.suffix.lower() not in DOCUMENTATION_SUFFIXES


def hash_files(paths: Iterable[tuple[Path, Path]]) -> str:
    """Hash ``(root, path)`` pairs: each path relative to its root, then its bytes."""
    digest = hashlib.sha256()
    for root, path in paths:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\x00")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
