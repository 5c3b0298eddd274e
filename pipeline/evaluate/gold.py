"""Loading gold annotation files into typed records.

Two formats (see ``gold/README.md`` of the shared folder): ``trade`` — one
article a line with ``corpus``, ``source_id`` and the sections countries,
officials, rates, dates, quotes, events; ``meantime`` — one MEANTIME document
a line with ``doc_id``, ``text``, ``timexes``, ``entity_mentions``, ``values``
and ``speech_events``. The format is inferred from the first record when not
given. A trade line may be in the span form (`pipeline.evaluate.spans`), its
quoted words replaced by offsets into a corpus record; `load_gold` resolves it
back to text, so every scorer reads the text form.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.evaluate.corpus import corpus_file, jsonl_records, shared_dir
from pipeline.evaluate.spans import SPAN_CORPORA, SpanError, is_packed, resolve_line

FORMATS = ("trade", "meantime")
# The annotated sections of a trade record; a record may hold only some of them.
TRADE_SECTIONS = ("countries", "officials", "rates", "dates", "quotes", "events")


class GoldError(ValueError):
    """A gold file that cannot be read; the message names the file and the line."""


@dataclass(frozen=True)
class GoldOfficial:
    """A named official: fullest name, title as stated, the country served."""

    name: str
    title: str | None
    country_iso3: str | None


@dataclass(frozen=True)
class GoldRate:
    """One occurrence of a trade-measure rate."""

    text: str
    value: float | None
    unit: str | None
    rate_kind: str | None


@dataclass(frozen=True)
class GoldDate:
    """A temporal expression with its TIMEX3 type and resolved value."""

    text: str
    timex_type: str
    value: str | None


@dataclass(frozen=True)
class GoldQuote:
    """A quotation by its first words, with its speaker ("unknown" when the article never says)."""

    start: str
    speaker_name: str | None
    kind: str | None


@dataclass(frozen=True)
class GoldEvent:
    """A trade-policy event as the guideline defines it."""

    event_type: str
    actor_iso3: str | None
    target_iso3: tuple[str, ...]
    target_scope: str | None
    rate_value: float | None
    event_date: str | None
    modality: str | None
    evidence_start: str | None


@dataclass(frozen=True)
class TradeArticle:
    """One article of the trade gold; ``source_id`` is what ``articles.source_id`` must hold."""

    corpus: str
    source_id: str
    published_at: str | None
    countries: tuple[str, ...]
    officials: tuple[GoldOfficial, ...]
    rates: tuple[GoldRate, ...]
    dates: tuple[GoldDate, ...]
    quotes: tuple[GoldQuote, ...]
    events: tuple[GoldEvent, ...]
    # The sections the record holds: an absent section is not scored for this article, while an empty
    # list is (it says "none"). None = every section (records built in code, not read from a file).
    sections: frozenset[str] | None = None

    def annotates(self, section: str) -> bool:
        """True when the record holds ``section`` (an empty list counts: it says there is none)."""
        return self.sections is None or section in self.sections


@dataclass(frozen=True)
class Span:
    """A gold span of a MEANTIME document (offsets index the gold ``text``, not ``articles.text``)."""

    text: str
    start: int
    end: int
    type: str | None = None
    value: str | None = None
    function: str | None = None
    syntactic_type: str | None = None
    entity_name: str | None = None


@dataclass(frozen=True)
class SpeechEvent:
    """A MEANTIME speech event: its cue word and the text of its speaker spans (``arg0``)."""

    cue: str
    speakers: tuple[str, ...]


@dataclass(frozen=True)
class MeantimeDoc:
    """One MEANTIME document: its text as tokenized by the corpus, and its gold spans."""

    doc_id: str
    title: str
    dct: str
    url: str | None
    text: str
    timexes: tuple[Span, ...]
    entities: tuple[Span, ...]
    values: tuple[Span, ...]
    speech_events: tuple[SpeechEvent, ...]


@dataclass(frozen=True)
class GoldSet:
    """A loaded gold file: its format and its records in file order."""

    path: Path
    format: str
    records: tuple[TradeArticle, ...] | tuple[MeantimeDoc, ...]

    @property
    def keys(self) -> list[str]:
        """The id each record is joined on (``articles.source_id``)."""
        return [r.source_id if isinstance(r, TradeArticle) else r.doc_id for r in self.records]


def infer_format(record: dict[str, Any]) -> str:
    """``trade`` or ``meantime`` from the fields of one record; refuses anything else by its keys."""
    if "doc_id" in record and "timexes" in record:
        return "meantime"
    if "source_id" in record and "corpus" in record:
        return "trade"
    raise GoldError(f"cannot tell the gold format from fields {sorted(record)}; pass --format trade|meantime")


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def trade_article(record: dict[str, Any]) -> TradeArticle:
    """Build a `TradeArticle` from one parsed line of a trade gold file."""
    return TradeArticle(
        corpus=record["corpus"],
        source_id=str(record["source_id"]),
        published_at=record.get("published_at"),
        countries=tuple(record.get("countries") or ()),
        officials=tuple(GoldOfficial(o["name"], o.get("title"), o.get("country_iso3"))
                        for o in record.get("officials") or ()),
        rates=tuple(GoldRate(r.get("text", ""), _float(r.get("value")), r.get("unit"), r.get("rate_kind"))
                    for r in record.get("rates") or ()),
        dates=tuple(GoldDate(d["text"], d.get("timex_type", "DATE"), d.get("value"))
                    for d in record.get("dates") or ()),
        quotes=tuple(GoldQuote(q["start"], q.get("speaker_name"), q.get("kind"))
                     for q in record.get("quotes") or ()),
        events=tuple(GoldEvent(e["event_type"], e.get("actor_iso3"), tuple(e.get("target_iso3") or ()),
                               e.get("target_scope"), _float(e.get("rate_value")), e.get("event_date"),
                               e.get("modality"), e.get("evidence_start"))
                     for e in record.get("events") or ()),
        sections=frozenset(name for name in TRADE_SECTIONS if name in record),
    )


def meantime_doc(record: dict[str, Any]) -> MeantimeDoc:
    """Build a `MeantimeDoc` from one parsed line of the MEANTIME gold file."""
    def span(item: dict[str, Any], **extra: Any) -> Span:
        return Span(item["text"], int(item["start"]), int(item["end"]), **extra)

    return MeantimeDoc(
        doc_id=str(record["doc_id"]), title=record.get("title") or "", dct=record.get("dct") or "",
        url=record.get("url"), text=record["text"],
        timexes=tuple(span(t, type=t.get("type"), value=t.get("value"), function=t.get("functionInDocument"))
                      for t in record.get("timexes") or ()),
        entities=tuple(span(e, type=e.get("ent_type"), syntactic_type=e.get("syntactic_type"),
                            entity_name=e.get("entity_name"))
                       for e in record.get("entity_mentions") or ()),
        values=tuple(span(v, type=v.get("type")) for v in record.get("values") or ()),
        speech_events=tuple(SpeechEvent(s.get("event_text", ""), tuple(s.get("arg0") or ()))
                            for s in record.get("speech_events") or ()),
    )


def resolve_packed(path: Path, lines: list[tuple[int, Any]], shared: Path | None) -> list[tuple[int, Any]]:
    """``lines`` (line number, parsed record) with every span-form line back in the text form.

    The articles are read from the corpora in ``shared`` (default `shared_dir`), once per corpus; a line
    whose record is missing or changed, or whose span is bad, is a `GoldError` naming the line and source_id.
    """
    packed = [record for _, record in lines if isinstance(record, dict) and is_packed(record)]
    if not packed:
        return lines
    folder = shared or shared_dir()
    wanted: dict[str, set[str]] = {}
    for record in packed:
        if record.get("corpus") in SPAN_CORPORA:
            wanted.setdefault(record["corpus"], set()).add(str(record.get("source_id")))
    try:
        articles = {corpus: jsonl_records(corpus, ids, folder) for corpus, ids in wanted.items()}
    except OSError as error:
        raise GoldError(f"{path} holds spans, and their corpus cannot be read: {error}") from None
    resolved = []
    for number, record in lines:
        if isinstance(record, dict) and is_packed(record):
            corpus = record.get("corpus")
            try:
                record = resolve_line(record, articles.get(corpus, {}).get(str(record.get("source_id"))))
            except SpanError as error:
                where = f" (read from {corpus_file(folder, corpus)})" if corpus in SPAN_CORPORA else ""
                raise GoldError(f"{path} line {number}: {error}{where}") from None
        resolved.append((number, record))
    return resolved


def read_gold_lines(path: Path, error: type[Exception]) -> list[tuple[int, str, Any]]:
    """Each non-blank line of a gold JSON Lines file: its number, the line as written, its parsed value.

    A file that cannot be read, or a line that is not JSON, raises ``error`` naming the file and line (the
    loader raises its `GoldError`, the packer its own error)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as failure:
        raise error(f"cannot read gold file {path}: {failure.strerror or failure}") from None
    lines = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            lines.append((number, line, json.loads(line)))
        except json.JSONDecodeError as failure:
            raise error(f"{path} line {number} is not JSON: {failure}") from None
    return lines


def load_gold(path: Path, fmt: str | None = None, *, shared: Path | None = None) -> GoldSet:
    """Read a gold JSON Lines file; ``fmt`` None infers it from the first record.

    Lines in the span form (`pipeline.evaluate.spans`) are resolved to text from the corpora in ``shared``
    (default `shared_dir`), so the scorers see the text form either way.
    """
    if fmt is not None and fmt not in FORMATS:
        raise GoldError(f"unknown gold format {fmt!r}; use one of {', '.join(FORMATS)}")
    parsed = [(number, record) for number, _, record in read_gold_lines(path, GoldError)]
    records: list[Any] = []
    for number, record in resolve_packed(path, parsed, shared):
        try:
            fmt = fmt or infer_format(record)
            records.append(trade_article(record) if fmt == "trade" else meantime_doc(record))
        except (KeyError, TypeError) as error:
            raise GoldError(f"{path} line {number} is not a valid {fmt or 'gold'} record: "
                            f"{type(error).__name__}: {error}") from None
    if not records:
        raise GoldError(f"gold file {path} holds no records")
    return GoldSet(path=path, format=fmt or "trade", records=tuple(records))
