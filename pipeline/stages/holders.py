"""Which raw file owns each article: the bookkeeping behind ingest's "a rerun equals a fresh run".

The ingest ledger lists, for every file read, the ids of all the articles it
holds (``article_ids``). An article held by several files (overlapping feed
snapshots) is stored once, from its *owner*: the last of its holders in path
order. These pure functions decide, from the ledger alone, which files a
rename made redundant, who owns each article, and which stored rows are
orphans (no file holds them any more) or come from the wrong file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

UNREADABLE = "unreadable"  # the ledger's hash of a file that could not be read (see ingest)


def path_order(source_path: str) -> tuple[str, ...]:
    """Sort key of a source path, the order `iter_inputs` reads files in."""
    return tuple(source_path.split("/"))


def moved(ledger: Mapping[str, Mapping[str, Any]], present: Mapping[str, str]) -> list[str]:
    """Ledger files gone from ``--raw`` whose content a present file has (renamed or moved, or a copy).

    ``present`` maps each present file to its ``bytes_hash``. A gone file
    whose content no present file has stays in the ledger: its folder may have
    been archived away, and its articles stay with it.
    """
    contents = {digest for digest in present.values() if digest != UNREADABLE}
    return sorted(path for path, entry in ledger.items()
                  if path not in present and entry.get("bytes_hash") in contents)


def owners(ledger: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    """Each article id held by a ledger file → its owner, the last holder in path order."""
    found: dict[str, str] = {}
    for path in sorted(ledger, key=path_order):
        for article_id in ledger[path].get("article_ids") or ():
            found[article_id] = path
    return found


@dataclass(frozen=True)
class Settlement:
    """What the stored ``articles`` need to match the ledger."""

    orphans: list[str]  # stored ids no file holds: remove
    restore: dict[str, list[str]]  # owner path -> ids stored from another file, or missing: store from it


def settle(owned: Mapping[str, str], stored: Iterable[tuple[str, str]], readable: set[str]) -> Settlement:
    """Compare the stored ``(article_id, source_path)`` pairs with the owners.

    A row stored twice (a run killed between writing an article's new part
    and removing its old row) is stored again too. Only files in ``readable``
    (present under ``--raw``) can give a row again; a row whose owner was
    archived away is left as it is.
    """
    stored_from: dict[str, str | None] = {}
    for article_id, source_path in stored:
        stored_from[article_id] = None if article_id in stored_from else source_path  # None: twice
    orphans = sorted(article_id for article_id in stored_from if article_id not in owned)
    restore: dict[str, list[str]] = {}
    for article_id, owner in sorted(owned.items()):
        if stored_from.get(article_id, "") != owner and owner in readable:
            restore.setdefault(owner, []).append(article_id)
    return Settlement(orphans, restore)
