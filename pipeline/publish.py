"""Publishing each table's new state at once: versioned folders behind a symlink.

Layout under ``--out``::

    <table>            -> .tables/<table>/v000007      (a relative symlink: what readers open)
    .tables/<table>/v000006/…                           the previous version, kept for readers still on it
    .tables/<table>/v000007/published_month=…/part-….parquet
    .tables/_commit.json                                 only while a commit is being applied

A writer never changes a published version. The first write to a table in a
`transaction` makes the next version folder, hard-linking every file of the
current one (no data is copied), and every later write of the transaction
goes there: `os.replace` of a part file replaces the new folder's entry, and
the old version's link to the old bytes stays. When the transaction ends, the
new files are flushed to disk, a journal naming every new version is written,
and each table's symlink is swapped with `os.replace`; an exception (Ctrl-C
and SIGTERM included) discards the new folders instead.

So a reader that resolves a table's symlink once (`io.read`, `python -m
pipeline query`, ``os.path.realpath``) sees one complete version, whatever a
run is doing. Versions older than the previous one are deleted at each
commit. A process killed during a commit is finished by `recover` (under the
run lock): the journal is applied again, and version folders no symlink
points to (a killed transaction's) are deleted.

Why not Delta Lake (the ``deltalake`` package): its commits are atomic too, but
only for readers that read its log; ``pandas.read_parquet`` or a DuckDB
``**/*.parquet`` glob on a Delta folder reads removed files as well, so every
documented way of loading a table would change, and a dependency in Rust
would join the stack. Symlinked version folders keep the tables plain Hive
partitioned Parquet.

Within the process holding a transaction, `folder` returns the transaction's
new version (a stage reads its own writes); every other reader gets the
published one.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

VERSIONS = ".tables"
JOURNAL = "_commit.json"
TEMP_LINK = ".tmp-link-"
_VERSION = re.compile(r"^v(\d{6,})$")
KillHook = Callable[[Path], None]
_open: dict[Path, "Transaction"] = {}  # this process's open transaction per output folder (resolved)


@dataclass
class Transaction:
    """The tables written since the transaction began, each with its new (unpublished) version folder."""

    root: Path
    pending: dict[str, Path] = field(default_factory=dict)
    kill_hook: KillHook | None = None  # io's test hook, called with each symlink before it is swapped


def root_of(out: Path) -> Path:
    """``out`` with every symlink resolved: the one spelling of the folder used as a key."""
    return Path(os.path.realpath(out))


def versions_dir(root: Path, name: str) -> Path:
    """The folder holding table ``name``'s versions."""
    return root / VERSIONS / name


def _number(path: Path) -> int | None:
    match = _VERSION.match(path.name)
    return int(match.group(1)) if match else None


def _versions(root: Path, name: str) -> list[Path]:
    """The version folders of ``name``, oldest first."""
    folder = versions_dir(root, name)
    if not folder.is_dir():
        return []
    found = [(n, p) for p in folder.iterdir() if (n := _number(p)) is not None and p.is_dir()]
    return [p for _, p in sorted(found)]


def published(out: Path, name: str) -> Path:
    """The folder readers see for ``name`` now, resolved once (``out/name`` itself for an old layout).

    May not exist: a table never written.
    """
    root = root_of(out)
    link = root / name
    if link.is_symlink():
        return Path(os.path.realpath(link))
    return link


def folder(out: Path, name: str) -> Path:
    """Where this process reads ``name``: its open transaction's new version, else the published one."""
    transaction = _open.get(root_of(out))
    if transaction is not None and name in transaction.pending:
        return transaction.pending[name]
    return published(out, name)


def relative(out: Path, name: str, path: Path) -> Path:
    """``path`` (a file of any version of ``name``, or under its symlink) relative to its version folder."""
    root, real = root_of(out), Path(os.path.realpath(path))
    try:
        return Path(*real.relative_to(versions_dir(root, name)).parts[1:])
    except ValueError:
        return real.relative_to(root / name)


def writable(out: Path, name: str) -> Path:
    """The open transaction's new version of ``name``, made on first use from the published one."""
    root = root_of(out)
    transaction = _open.get(root)
    if transaction is None:
        raise RuntimeError(f"writing table {name!r} under {out} outside a transaction")
    if name not in transaction.pending:
        _migrate(root, name)
        transaction.pending[name] = _new_version(root, name)
    return transaction.pending[name]


def _link_tree(source: Path, target: Path) -> None:
    """Make ``target`` a copy of ``source`` built of hard links (folders made, files linked)."""
    target.mkdir(parents=True)
    if not source.is_dir():
        return
    for directory, folders, files in os.walk(source):
        here = Path(directory)
        there = target / here.relative_to(source)
        for name in folders:
            (there / name).mkdir()
        for name in files:
            if not name.startswith("."):  # a killed writer's temporary file stays behind
                os.link(here / name, there / name)


def _new_version(root: Path, name: str) -> Path:
    existing = [_number(p) for p in _versions(root, name)]
    target = versions_dir(root, name) / f"v{(max(existing) + 1) if existing else 1:06d}"
    _link_tree(published(root, name), target)  # a table never written starts empty
    return target


def _point(root: Path, name: str, version: str, kill_hook: KillHook | None = None) -> None:
    """Swap ``name``'s symlink to ``version`` atomically (`os.replace` of a new symlink over it)."""
    link = root / name
    target = versions_dir(root, name) / version
    link.parent.mkdir(parents=True, exist_ok=True)
    temp = link.parent / f"{TEMP_LINK}{os.getpid()}-{link.name}"
    temp.unlink(missing_ok=True)
    os.symlink(os.path.relpath(target, link.parent), temp, target_is_directory=True)
    if kill_hook is not None:
        kill_hook(link.with_name(f"{link.name}@publish"))
    os.replace(temp, link)


def _write_journal(root: Path, entries: dict[str, str]) -> None:
    path = root / VERSIONS / JOURNAL
    temp = path.with_name(f".tmp-{os.getpid()}-{JOURNAL}")
    temp.write_text(json.dumps(entries, sort_keys=True), encoding="utf-8")
    _fsync(temp)
    os.replace(temp, path)
    _fsync(path.parent, directory=True)


def _migrate(root: Path, name: str) -> None:
    """Turn a table folder of the old layout (a plain folder at ``out/name``) into version 0.

    Renaming the folder and making the symlink are two steps; the journal
    written first lets `recover` finish the pair after a crash.
    """
    link = root / name
    if link.is_symlink() or not link.is_dir():
        return
    existing = [_number(p) for p in _versions(root, name)]
    version = f"v{(max(existing) + 1) if existing else 0:06d}"
    versions_dir(root, name).mkdir(parents=True, exist_ok=True)
    _write_journal(root, {name: version})
    _apply(root, {name: version})
    (root / VERSIONS / JOURNAL).unlink()


def _apply(root: Path, entries: dict[str, str], kill_hook: KillHook | None = None) -> None:
    """Point each table at its version (idempotent: `recover` applies a journal again)."""
    for name, version in entries.items():
        link, target = root / name, versions_dir(root, name) / version
        if link.is_dir() and not link.is_symlink() and not target.exists():
            os.rename(link, target)  # an old-layout folder on its way to being a version
        if target.is_dir():
            _point(root, name, version, kill_hook)
    for parent in {(root / name).parent for name in entries}:
        _fsync(parent, directory=True)


def _sync_filesystem(path: Path) -> None:
    """Flush every file written under ``path`` to disk in one call (``syncfs``), not one ``fsync`` per file."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if getattr(libc, "syncfs", None) is None or libc.syncfs(fd) != 0:
            os.sync()
    except OSError:
        os.sync()
    finally:
        os.close(fd)


def _fsync(path: Path, *, directory: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _prune_versions(root: Path, name: str) -> None:
    """Delete versions older than the previous one, and any a symlink does not reach (a killed writer's)."""
    link = root / name
    current = _number(Path(os.readlink(link))) if link.is_symlink() else None
    for path in _versions(root, name):
        number = _number(path)
        if current is None or number > current:
            shutil.rmtree(path)
    kept = [p for p in _versions(root, name)]
    for path in kept[:-2]:
        shutil.rmtree(path)


def commit(transaction: Transaction) -> None:
    """Publish every table the transaction wrote: flush, journal, swap the symlinks, drop old versions."""
    if not transaction.pending:
        return
    root = transaction.root
    _sync_filesystem(root)
    entries = {name: path.name for name, path in transaction.pending.items()}
    _write_journal(root, entries)
    _apply(root, entries, transaction.kill_hook)
    (root / VERSIONS / JOURNAL).unlink()
    for name in entries:
        _prune_versions(root, name)


def rollback(transaction: Transaction) -> None:
    """Delete the transaction's new version folders; the published tables never changed."""
    for path in transaction.pending.values():
        shutil.rmtree(path, ignore_errors=True)


@contextmanager
def transaction(out: Path, *, kill_hook: KillHook | None = None) -> Iterator[Transaction]:
    """Group the writes inside into one publication of each table they touch.

    Nested calls join the outer transaction, which publishes when it ends.
    An exception discards the new versions and is raised again.
    """
    root = root_of(out)
    if root in _open:
        yield _open[root]
        return
    root.mkdir(parents=True, exist_ok=True)
    current = _open[root] = Transaction(root, kill_hook=kill_hook)
    try:
        yield current
    except BaseException:
        rollback(current)
        raise
    else:
        commit(current)
    finally:
        _open.pop(root, None)


def table_names(out: Path) -> list[str]:
    """Every table that has versions under ``out`` (ledgers as ``_ledger/<stage>``)."""
    base = root_of(out) / VERSIONS
    if not base.is_dir():
        return []
    names = set()
    for directory, folders, _ in os.walk(base):
        if any(_VERSION.match(f) for f in folders):
            names.add(Path(directory).relative_to(base).as_posix())
            folders[:] = []
    return sorted(names)


def recover(out: Path) -> list[str]:
    """Finish a commit a killed process left half done, then delete unpublished versions; return their tables.

    Call it only while holding the run lock: a live writer's new version looks the same.
    """
    root = root_of(out)
    journal = root / VERSIONS / JOURNAL
    if journal.exists():
        _apply(root, json.loads(journal.read_text(encoding="utf-8")))
        journal.unlink()
    for temp in (root / VERSIONS).glob(".tmp-*") if (root / VERSIONS).is_dir() else []:
        temp.unlink(missing_ok=True)
    repaired = []
    for name in table_names(root):
        before = len(_versions(root, name))
        _prune_versions(root, name)
        if len(_versions(root, name)) != before:
            repaired.append(name)
    return repaired
