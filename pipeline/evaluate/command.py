"""The ``evaluate`` command's work: write the gold inputs, run the stages, read the tables, score.

Only this module and `locate` touch files; the scorers in `trade` and
`meantime` are pure.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds

from pipeline import io
from pipeline.config import make_settings
from pipeline.evaluate import meantime, trade
from pipeline.evaluate.gold import GoldSet, TradeArticle, load_gold
from pipeline.evaluate.locate import meantime_date, shared_dir, write_inputs
from pipeline.evaluate.match import FAILED, NOT_BUILT, NOT_IN_GOLD, SectionResult, unscored
from pipeline.evaluate.stages import NOT_RUN, StageRun, run_watched

Rows = list[dict[str, Any]]

# Which stage and tables each section scores (the first table listed must be built;
# "persons" needs either people or officials).
TRADE_SECTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "articles": ("ingest", ("articles",)),
    "countries": ("normalize", ("countries",)),
    "officials": ("normalize", ("officials",)),
    "rates": ("normalize", ("rates",)),
    "dates": ("normalize", ("dates",)),
    "quotes": ("normalize", ("quotes",)),
    "events": ("events", ("events",)),
}
MEANTIME_SECTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "articles": ("ingest", ("articles",)),
    "timexes": ("normalize", ("dates",)),
    "percent": ("normalize", ("rates",)),
    "persons": ("normalize", ("people", "officials")),
    "persons_as_officials": ("normalize", ("officials",)),
    "country_mentions": ("normalize", ("countries",)),
    "speakers": ("normalize", ("quotes",)),
}
PER_ARTICLE_TABLES = ("countries", "officials", "people", "rates", "dates", "quotes", "mentions")


@dataclass
class Evaluation:
    """The outcome of one evaluation: where things are, what ran, and each section's score."""

    gold: Path
    format: str
    raw: Path
    out: Path
    articles: int
    stages: dict[str, str]
    stage_messages: dict[str, str]
    sections: list[SectionResult] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values (the ``--report`` file)."""
        return {"gold": str(self.gold), "format": self.format, "raw": str(self.raw), "out": str(self.out),
                "gold_articles": self.articles, "stages": self.stages, "stage_messages": self.stage_messages,
                "sections": {s.name: s.as_dict() for s in self.sections}}


@dataclass
class Predictions:
    """The tables' rows grouped by gold key (``articles.source_id``)."""

    tables: dict[str, dict[str, Rows]]
    extra_articles: int = 0

    def by_key(self, table: str) -> dict[str, Rows]:
        """Rows of ``table`` per gold key (empty mapping when the table is absent)."""
        return self.tables.get(table, {})


def built_normalizers() -> set[str] | None:
    """Tables that a registered normalizer writes; None when that cannot be told."""
    try:
        from pipeline.stages.normalize import registered
    except ImportError:
        return None
    return {normalizer.table for normalizer in registered()}


def availability(run: StageRun, order: Sequence[str], stage: str, tables: Sequence[str],
                 normalizers: set[str] | None) -> tuple[str, str] | None:
    """Why a section cannot be scored (``(status, message)``), or None when it can."""
    blocked = run.first_blocked(stage, order)
    if blocked is not None:
        name, status = blocked
        if status == NOT_RUN:
            return NOT_BUILT, f"stage {name!r} did not run"
        message = run.messages.get(name, "") or f"stage {name!r} {status}"
        return (NOT_BUILT if status == NOT_BUILT else FAILED), message
    if stage == "normalize" and normalizers is not None and not set(tables) & normalizers:
        return NOT_BUILT, f"no normalizer writes {' or '.join(repr(t) for t in tables)} yet"
    return None


def _group(rows: Rows, key_of: Mapping[str, str]) -> dict[str, Rows]:
    grouped: dict[str, Rows] = defaultdict(list)
    for row in rows:
        key = key_of.get(row.get("article_id") or "")
        if key is not None:
            grouped[key].append(row)
    return dict(grouped)


def load_predictions(out: Path, keys: Sequence[str]) -> Predictions:
    """Read the tables under ``out`` and group the gold articles' rows by their key."""
    wanted = set(keys)
    articles = io.read(out, "articles", columns=["article_id", "source_id", "published_at", "dateline",
                                                  "body_start"]).to_pylist()
    key_of = {row["article_id"]: row["source_id"] for row in articles if row["source_id"] in wanted}
    ids = sorted(key_of)
    if ids:  # the texts of the gold articles alone (``out`` may hold many more, which are only counted)
        texts = io.read(out, "articles", columns=["article_id", "text"], filter=ds.field("article_id").isin(ids))
        text_of = dict(zip(texts.column("article_id").to_pylist(), texts.column("text").to_pylist()))
        for row in articles:
            row["text"] = text_of.get(row["article_id"])
    tables: dict[str, dict[str, Rows]] = {"articles": _group(articles, key_of)}
    for name in PER_ARTICLE_TABLES:
        if io.exists(out, name) and ids:
            rows = io.read(out, name, filter=ds.field("article_id").isin(ids)).to_pylist()
            tables[name] = _group(rows, key_of)
    if io.exists(out, "events"):
        events: dict[str, Rows] = defaultdict(list)
        for row in io.read(out, "events").to_pylist():
            # An event reported by several gold articles belongs to each of them.
            for key in sorted({key_of[a] for a in row.get("article_ids") or () if a in key_of}):
                events[key].append(row)
        tables["events"] = dict(events)
    extra = sum(1 for row in articles if row["source_id"] not in wanted)
    return Predictions(tables=tables, extra_articles=extra)


def score_trade(gold: GoldSet, predicted: Predictions, ready: Mapping[str, tuple[str, str] | None]
                ) -> list[SectionResult]:
    """Score every trade section that can be scored; the others say why not."""
    records = gold.records

    def holding(section: str) -> list[TradeArticle]:
        """The records that annotate ``section`` (a record without it is not scored there)."""
        return [r for r in records if r.annotates(section)]  # type: ignore[union-attr]

    scorers = {
        "articles": lambda: trade.score_articles(records, predicted.by_key("articles"),
                                                 extra=predicted.extra_articles),
        "countries": lambda: trade.score_countries(holding("countries"), predicted.by_key("countries")),
        "officials": lambda: trade.score_officials(holding("officials"), predicted.by_key("officials")),
        "rates": lambda: trade.score_rates(holding("rates"), predicted.by_key("rates")),
        "dates": lambda: trade.score_dates(holding("dates"), predicted.by_key("dates"), predicted.by_key("articles")),
        "quotes": lambda: trade.score_quotes(holding("quotes"), predicted.by_key("quotes")),
        "events": lambda: trade.score_events(holding("events"), predicted.by_key("events")),
    }
    out = []
    for name in TRADE_SECTIONS:
        if name != "articles" and not holding(name):
            out.append(unscored(name, NOT_IN_GOLD, "no gold record holds this section", trade.DESCRIPTIONS[name]))
        else:
            out.append(_section(name, scorers[name], ready[name], trade.DESCRIPTIONS[name]))
    return out


def _names(predicted: Predictions, tables: Sequence[str], kinds: Sequence[str]) -> dict[str, list[str]]:
    names: dict[str, list[str]] = defaultdict(list)
    for table in tables:
        for key, rows in predicted.by_key(table).items():
            names[key].extend(row["name"] for row in rows if row.get("name"))
    for key, rows in predicted.by_key("mentions").items():
        names[key].extend(row["text"] for row in rows if row.get("kind") in kinds)
    return dict(names)


def score_meantime(gold: GoldSet, predicted: Predictions, ready: Mapping[str, tuple[str, str] | None]
                   ) -> list[SectionResult]:
    """Score every MEANTIME section that can be scored; the others say why not."""
    docs = gold.records
    articles = [trade.TradeArticle("meantime", doc.doc_id, meantime_date(doc), (), (), (), (), (), ())
                for doc in docs]
    scorers = {
        "articles": lambda: trade.score_articles(articles, predicted.by_key("articles"),
                                                 extra=predicted.extra_articles),
        "timexes": lambda: meantime.score_timexes(docs, predicted.by_key("dates"),
                                                   predicted.by_key("articles")),
        "percent": lambda: meantime.score_percent(docs, predicted.by_key("rates"), predicted.by_key("mentions")),
        "persons": lambda: meantime.score_persons("persons", docs, _names(predicted, ("people", "officials"),
                                                                           ("person", "official"))),
        "persons_as_officials": lambda: meantime.score_persons("persons_as_officials", docs,
                                                               _names(predicted, ("officials",), ())),
        "country_mentions": lambda: meantime.score_country_mentions(docs, predicted.by_key("countries")),
        "speakers": lambda: meantime.score_speakers(docs, predicted.by_key("quotes")),
    }
    descriptions = {**meantime.DESCRIPTIONS, "articles": trade.DESCRIPTIONS["articles"]}
    return [_section(name, scorers[name], ready[name], descriptions[name]) for name in MEANTIME_SECTIONS]


def _section(name: str, scorer: Callable[[], SectionResult], blocked: tuple[str, str] | None,
             description: str) -> SectionResult:
    if blocked is not None:
        return unscored(name, blocked[0], blocked[1], description)
    return scorer()


def evaluate(gold_path: Path, *, fmt: str | None = None, raw: Path | None = None, out: Path | None = None,
             shared: Path | None = None) -> Evaluation:
    """Score the pipeline on a gold file.

    Writes the gold articles' inputs to a temporary raw folder (unless ``raw``
    is given), runs every stage into ``out`` (a new temporary folder when
    None, kept so the tables can be inspected), and scores each section.
    ``shared`` (default `shared_dir`) holds the corpora the inputs are copied
    from and the articles that resolve a gold in the span form.
    """
    from pipeline.stages.registry import ORDER

    shared = shared or shared_dir()
    gold = load_gold(gold_path, fmt, shared=shared)  # the shared corpora resolve a gold in the span form
    out = out if out is not None else Path(tempfile.mkdtemp(prefix="tradenews-evaluate-"))
    with tempfile.TemporaryDirectory(prefix="tradenews-gold-raw-") as temporary:
        raw_dir = raw if raw is not None else Path(temporary)
        if raw is None:
            write_inputs(gold, raw_dir, shared=shared)
        # Every rule on every article: the gold scores every article, trade story or not.
        settings = make_settings(raw=raw_dir, out=out, show_progress=False, rules_scope="all")
        run = run_watched(settings, list(ORDER))
    sections_map = MEANTIME_SECTIONS if gold.format == "meantime" else TRADE_SECTIONS
    normalizers = built_normalizers()
    ready = {name: availability(run, ORDER, stage, tables, normalizers)
             for name, (stage, tables) in sections_map.items()}
    predicted = load_predictions(out, gold.keys)
    sections = score_meantime(gold, predicted, ready) if gold.format == "meantime" else \
        score_trade(gold, predicted, ready)
    return Evaluation(gold=gold_path, format=gold.format, raw=raw if raw is not None else Path("(temporary)"),
                      out=out, articles=len(gold.records), stages=run.status, stage_messages=run.messages,
                      sections=sections)


def write_report(evaluation: Evaluation, path: Path) -> Path:
    """Write the evaluation as JSON to ``path`` (through a temporary file and `os.replace`)."""
    return io.write_text_atomic(json.dumps(evaluation.as_dict(), indent=2, ensure_ascii=False, default=str), path)
