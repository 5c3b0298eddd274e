"""The ``gold-pack`` command's work: rewrite a text-form trade gold file in the span form.

Lines of a corpus with a span form (`spans.SPAN_CORPORA`) get their quoted
words replaced by spans and a ``text_sha256``; lines of the other corpora,
and lines already packed, are written unchanged. Nothing is written unless
every text is found.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import io
from pipeline.evaluate.corpus import corpus_file, jsonl_records
from pipeline.evaluate.gold import GoldError, read_gold_lines
from pipeline.evaluate.spans import SPAN_CORPORA, Unfound, is_packed, pack_line


class PackError(GoldError):
    """A gold file that cannot be packed; ``unfound`` lists every text found in neither title nor body."""

    def __init__(self, message: str, unfound: list[Unfound] | None = None) -> None:
        super().__init__(message)
        self.unfound = unfound or []


@dataclass
class PackResult:
    """What `pack_gold` wrote: lines packed, lines passed through unchanged (by corpus), and the file."""

    path: Path
    packed: int = 0
    passed: dict[str, int] = field(default_factory=dict)


def read_lines(path: Path) -> list[tuple[str, dict[str, Any]]]:
    """Each non-blank line of a trade gold file, as written and as its parsed record, in file order."""
    records = []
    for number, line, record in read_gold_lines(path, PackError):
        if not isinstance(record, dict) or "corpus" not in record or "source_id" not in record:
            raise PackError(f"{path} line {number} is not a trade gold record (corpus, source_id)")
        records.append((line, record))
    return records


def pack_gold(source: Path, dest: Path, *, shared: Path, keep_notes: bool = False) -> PackResult:
    """Write ``source`` (a trade gold file) to ``dest`` in the span form, reading articles from ``shared``.

    A missing article, or any text not found verbatim, is a `PackError` (every unfound text listed)
    and ``dest`` is not written.
    """
    lines = read_lines(source)
    wanted: dict[str, set[str]] = {}
    for _, record in lines:
        if record["corpus"] in SPAN_CORPORA and not is_packed(record):
            wanted.setdefault(record["corpus"], set()).add(str(record["source_id"]))
    try:
        articles = {corpus: jsonl_records(corpus, ids, shared) for corpus, ids in wanted.items()}
    except OSError as error:
        raise PackError(f"cannot read the corpus: {error}") from None
    missing = sorted(f"{corpus}:{i}" for corpus, ids in wanted.items() for i in ids - set(articles[corpus]))
    if missing:
        files = ", ".join(str(corpus_file(shared, corpus)) for corpus in sorted(wanted))
        raise PackError(f"source_ids {missing} are not in {files}")
    result = PackResult(path=dest)
    written: list[str] = []
    unfound: list[Unfound] = []
    for raw, record in lines:
        corpus = record["corpus"]
        if corpus not in SPAN_CORPORA or is_packed(record):
            written.append(raw)  # as written, byte for byte
            result.passed[corpus] = result.passed.get(corpus, 0) + 1
            continue
        packed, lost = pack_line(record, articles[corpus][str(record["source_id"])], keep_notes=keep_notes)
        written.append(json.dumps(packed, ensure_ascii=False))
        unfound += lost
        result.packed += 1
    if unfound:
        raise PackError(f"{len(unfound)} texts of {source} are in neither the title nor the body of their "
                        f"article: {'; '.join(str(u) for u in unfound)}", unfound)
    io.write_text_atomic("".join(line + "\n" for line in written), dest)
    return result
