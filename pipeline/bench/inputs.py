"""Writing a smaller or a repeated copy of the corpus to bench on.

``--limit N`` keeps the first N articles of the input (in the order ingest
reads them) by writing a smaller copy of it: the first N ``<REUTERS>``
elements of ``.sgm`` files, the first N lines of ``.jsonl`` files, and other
files whole (one article each).

``--repeat N`` multiplies the input instead: N copies of every Reuters SGML or
JSON Lines file, each copy under new source ids (``NEWID`` plus a multiple of
10,000,000, or the JSON ``id`` with ``#copy-K`` appended), so ingest keeps all
N × articles. It measures how memory behaves as the corpus grows; the copies
are written file by file, never held in memory.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from pipeline.evaluate.locate import SGML_DOCTYPE, REUTERS_ELEMENT


def limit_raw(raw: Path, limit: int, dest: Path) -> Path:
    """Write the first ``limit`` articles of ``raw`` (file or folder) into ``dest``; return ``dest``."""
    from pipeline.readers import iter_inputs

    dest.mkdir(parents=True, exist_ok=True)
    left = limit
    for path, source_path in iter_inputs(raw):
        if left <= 0:
            break
        target = dest / source_path
        target.parent.mkdir(parents=True, exist_ok=True)
        suffix = path.suffix.lower()
        if suffix in (".sgm", ".sgml"):
            elements = [m.group(0) for _, m in zip(range(left), REUTERS_ELEMENT.finditer(path.read_bytes()))]
            target.write_bytes(SGML_DOCTYPE + b"\n".join(elements) + b"\n")
            left -= len(elements)
        elif suffix in (".jsonl", ".ndjson"):
            with path.open("rb") as source:
                lines = [line for _, line in zip(range(left), (l for l in source if l.strip()))]
            target.write_bytes(b"".join(lines))
            left -= len(lines)
        else:
            shutil.copy2(path, target)
            sidecar = path.with_name(path.stem + ".meta.json")
            if sidecar.is_file():
                shutil.copy2(sidecar, target.with_name(sidecar.name))
            left -= 1
    return dest


_NEWID_ATTRIBUTE = re.compile(rb'\bNEWID="(\d+)"')
_ID_KEYS = ("id", "guid", "uuid", "url")  # the JSON Lines reader's default id fields, in its order
COPY_ID_STEP = 10_000_000  # far above any Reuters NEWID (the archive's largest is 21578)


def repeat_raw(raw: Path, copies: int, dest: Path) -> Path:
    """Write ``copies`` copies of every input under ``raw`` into ``dest``, each under new ids; return ``dest``.

    Copy K goes to ``dest/copy-K/…``. Only Reuters SGML and JSON Lines
    inputs can be repeated (their ids sit in the records); any other input
    raises ``ValueError`` before anything is written.
    """
    from pipeline.readers import iter_inputs

    inputs = list(iter_inputs(raw))
    other = [source for path, source in inputs if path.suffix.lower() not in (".sgm", ".sgml", ".jsonl", ".ndjson")]
    if other:
        raise ValueError(f"--repeat needs Reuters SGML or JSON Lines inputs; {other[0]} is neither")
    for path, source_path in inputs:
        data = path.read_bytes()
        for copy in range(copies):
            target = dest / f"copy-{copy}" / source_path
            target.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix.lower() in (".sgm", ".sgml"):
                shift = copy * COPY_ID_STEP
                target.write_bytes(_NEWID_ATTRIBUTE.sub(
                    lambda m: b'NEWID="%d"' % (int(m.group(1)) + shift), data) if shift else data)
            else:
                target.write_bytes(b"".join(_renamed_line(line, copy) for line in data.splitlines(keepends=True)))
    return dest


def _renamed_line(line: bytes, copy: int) -> bytes:
    """One JSON Lines record with its id (or url) suffixed by the copy number; other lines unchanged."""
    if copy == 0 or not line.strip():
        return line
    try:
        record = json.loads(line)
    except ValueError:
        return line  # a bad line stays bad in every copy: the reader rejects it each time
    if not isinstance(record, dict):
        return line
    for key in _ID_KEYS:
        if record.get(key) not in (None, ""):  # 0 is an id too
            record[key] = f"{record[key]}#copy-{copy}"
            break
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
