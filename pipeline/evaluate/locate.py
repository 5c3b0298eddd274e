"""Finding the gold articles' inputs and writing exactly those into a raw folder.

The pipeline is scored on the same bytes it would read in production, so the
inputs are written in their original formats:

- ``seed``: the seed file and its ``.meta.json`` sidecar, copied;
- ``reuters21578``: a small ``.sgm`` holding only the gold ``<REUTERS>``
  elements, copied byte for byte (by ``NEWID``) from the archive;
- ``whitehouse`` and ``news2025``: a ``<corpus>-gold.jsonl`` with only the gold
  lines (by ``id``, which is the gold ``source_id``), verbatim;
- MEANTIME: a ``.jsonl`` with ``id`` (the ``doc_id``), ``title``, ``date``
  (the document creation time, see `meantime_date`), ``url`` and ``text``. MEANTIME's text starts
  with the title line and the date line; both are metadata already carried by
  ``title`` and ``date``, so the text written starts at the first sentence.
  Scoring compares text spans, never offsets, so the shift does no harm.

The shared folder is ``$TRADENEWS_SHARED`` or ``../shared`` beside the repository
(`pipeline.evaluate.corpus.shared_dir`).
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from pipeline.evaluate.corpus import JSONL_CORPORA, corpus_file, jsonl_lines, shared_dir
from pipeline.evaluate.gold import GoldSet, MeantimeDoc, TradeArticle

REUTERS_ELEMENT = re.compile(rb"<REUTERS\b[^>]*\bNEWID=\"(\d+)\"[^>]*>.*?</REUTERS>", re.DOTALL)
SGML_DOCTYPE = b'<!DOCTYPE lewis SYSTEM "lewis.dtd">\n'
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class LocateError(FileNotFoundError):
    """A gold article whose input cannot be found; the message names the corpus and the ids."""


def reuters_elements(data: bytes, wanted: set[str]) -> dict[str, bytes]:
    """The ``<REUTERS>`` elements of one SGML file whose ``NEWID`` is in ``wanted``, verbatim."""
    found = {}
    for match in REUTERS_ELEMENT.finditer(data):
        newid = match.group(1).decode("ascii")
        if newid in wanted:
            found[newid] = match.group(0)
    return found


def write_reuters(ids: Sequence[str], archive: Path, dest: Path) -> Path | None:
    """Write the Reuters stories ``ids`` (NEWIDs) from ``archive`` into ``dest/reut2-gold.sgm``."""
    if not ids:
        return None
    wanted = set(ids)
    found: dict[str, bytes] = {}
    for path in sorted(archive.glob("*.sgm")):
        found.update(reuters_elements(path.read_bytes(), wanted - set(found)))
        if len(found) == len(wanted):
            break
    missing = sorted(wanted - set(found), key=int)
    if missing:
        raise LocateError(f"Reuters-21578 NEWIDs {missing} are not in {archive}/*.sgm")
    target = dest / "reut2-gold.sgm"
    # Archive order (NEWIDs ascend through the files), as the original files hold them.
    body = b"\n".join(found[i] for i in sorted(found, key=int))
    target.write_bytes(SGML_DOCTYPE + body + b"\n")
    return target


def write_jsonl_lines(ids: Sequence[str], source: Path, dest_file: Path, *, key: str = "id") -> Path | None:
    """Copy the lines of ``source`` whose ``key`` is in ``ids`` into ``dest_file``, verbatim."""
    if not ids:
        return None
    lines = jsonl_lines(ids, source, key=key)
    missing = sorted(set(ids) - set(lines))
    if missing:
        raise LocateError(f"records {missing} are not in {source}")
    dest_file.write_bytes(b"\n".join(lines[i] for i in ids if i in lines) + b"\n")
    return dest_file


def copy_seeds(ids: Sequence[str], seeds: Path, dest: Path) -> list[Path]:
    """Copy each seed ``<id>.txt`` (and its ``<id>.meta.json`` sidecar when present) into ``dest``."""
    written = []
    for source_id in ids:
        text = seeds / f"{source_id}.txt"
        if not text.is_file():
            raise LocateError(f"seed {source_id!r} has no file {text}")
        written.append(Path(shutil.copy2(text, dest / text.name)))
        sidecar = seeds / f"{source_id}.meta.json"
        if sidecar.is_file():
            shutil.copy2(sidecar, dest / sidecar.name)
    return written


def write_trade_inputs(articles: Sequence[TradeArticle], dest: Path, shared: Path) -> list[Path]:
    """Write the inputs of the trade gold ``articles`` into ``dest``; return the article files written."""
    dest.mkdir(parents=True, exist_ok=True)
    by_corpus: dict[str, list[str]] = {}
    for article in articles:
        by_corpus.setdefault(article.corpus, []).append(article.source_id)
    unknown = sorted(set(by_corpus) - {"seed", "reuters21578", *JSONL_CORPORA})
    if unknown:
        raise LocateError(f"gold corpora {unknown} have no known location; use --raw with their inputs")
    written: list[Path] = []
    written += copy_seeds(by_corpus.get("seed", []), shared / "seeds", dest)
    paths = [write_reuters(by_corpus.get("reuters21578", []), shared / "corpus" / "reuters21578", dest)]
    paths += [write_jsonl_lines(by_corpus.get(corpus, []), corpus_file(shared, corpus), dest / f"{corpus}-gold.jsonl")
              for corpus in JSONL_CORPORA]
    written += [path for path in paths if path is not None]
    return written


def meantime_body(doc: MeantimeDoc) -> str:
    """The document's text without its leading title line and date line (both are metadata)."""
    lines = doc.text.split("\n")
    if lines and lines[0].strip() == doc.title.strip():
        lines = lines[1:]
        creation = [t.text for t in doc.timexes if t.function == "CREATION_TIME"]
        if lines and creation and lines[0].strip() == creation[0].strip():
            lines = lines[1:]
    return "\n".join(lines)


def meantime_date(doc: MeantimeDoc) -> str:
    """The document creation date as ISO 8601.

    The creation-time TIMEX3 value when it is an ISO day; else that timex's
    text read as MEANTIME writes its date lines ("February 03 , 2009"); else
    ``dct`` as given. (One document's ``dct`` and creation value are written
    day-first, "03-02-2009", which no reader should have to guess.)
    """
    for timex in doc.timexes:
        if timex.function != "CREATION_TIME":
            continue
        if _ISO_DAY.fullmatch(timex.value or ""):
            return timex.value or doc.dct
        try:
            return datetime.strptime(timex.text.strip(), "%B %d , %Y").date().isoformat()
        except ValueError:
            break
    return doc.dct


def meantime_record(doc: MeantimeDoc) -> dict[str, str | None]:
    """The JSON Lines record the pipeline ingests for one MEANTIME document."""
    return {"id": doc.doc_id, "title": doc.title, "date": meantime_date(doc), "url": doc.url,
            "text": meantime_body(doc)}


def write_meantime_inputs(docs: Sequence[MeantimeDoc], dest: Path) -> list[Path]:
    """Write the MEANTIME documents as one ``meantime.jsonl`` in ``dest``, read as plain text.

    The texts are rebuilt from tokens and open quotations with two backticks, which Markdown reads as
    the start of a code span; the sidecar ``meantime.fields.json`` says the body is plain text.
    """
    dest.mkdir(parents=True, exist_ok=True)
    target = dest / "meantime.jsonl"
    lines = (json.dumps(meantime_record(doc), ensure_ascii=False) for doc in docs)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (dest / "meantime.fields.json").write_text(json.dumps({"markup": "text"}) + "\n", encoding="utf-8")
    return [target]


def write_inputs(gold: GoldSet, dest: Path, *, shared: Path | None = None) -> list[Path]:
    """Write every gold record's input into ``dest`` in its original format."""
    if gold.format == "meantime":
        return write_meantime_inputs(gold.records, dest)  # type: ignore[arg-type]
    return write_trade_inputs(gold.records, dest, shared or shared_dir())  # type: ignore[arg-type]
