"""Normalize: ``articles`` + ``mentions`` + ``sentences`` (+ the parse in ``tokens``) → the normalized tables.

Each normalizer is a pure function ``(article, mentions, sentences, done,
resources) -> rows``; ``done`` holds the rows of the tables normalized before
it for the same article (quotes use officials), and ``resources`` is whatever
its ``load`` function read from ``models/`` (loaded once per process).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from functools import lru_cache
from importlib import import_module
from itertools import repeat
from pathlib import Path
from typing import Any

import pyarrow as pa

from pipeline.config import Settings
from pipeline.normalize.registry import Normalizer, Rows
from pipeline.stages.collector import cycle_collector_paused
from pipeline.stages.spec import BatchResult, StageSpec
from pipeline.views import ArticleView, Mention, ParsedToken, Sentence

# Modules exposing ``NORMALIZER`` (or a tuple ``NORMALIZERS``), in the order they run (later ones may read
# earlier tables: quotes read officials).
NORMALIZER_MODULES = (
    "pipeline.normalize.countries",
    "pipeline.normalize.officials",
    "pipeline.normalize.rates",
    "pipeline.normalize.money",
    "pipeline.normalize.dates",
    "pipeline.normalize.quotes",
)


@lru_cache(maxsize=1)
def registered() -> tuple[Normalizer, ...]:
    """The normalizers in the order they run."""
    found = []
    for name in NORMALIZER_MODULES:
        module = import_module(name)
        found.extend(getattr(module, "NORMALIZERS", None) or (module.NORMALIZER,))
    return tuple(found)


SPEC = StageSpec(
    name="normalize",
    reads=("articles", "mentions", "sentences", "tokens"),
    writes=("countries", "people", "officials", "rates", "money", "dates", "quotes"),
    code=(__name__,),
    # What the normalizers' `load` functions read.
    rules=(
        "lexicons/abbreviations.txt", "lexicons/function_words.csv",
        "countries/capitals.csv", "countries/countries.csv", "countries/regions.csv", "countries/successions.csv",
        "countries/wikidata.csv",
        "people/common_words.txt", "people/given_names.txt", "people/known_officials.csv", "people/name_parts.csv",
        "people/org_words.csv", "people/organizations.csv", "people/titles.csv",
        "rates/applies_to_skip.txt", "rates/applies_to_stops.txt", "rates/change_words.txt", "rates/kinds.csv",
        "rates/level_phrases.txt",
        "dates/auxiliaries.csv", "dates/date_context.csv", "dates/modifiers.csv", "dates/months.csv",
        "dates/tense.csv", "dates/tense_predicates.csv", "dates/tense_reach.csv",
        "quotes/cues.csv", "quotes/reported_words.csv", "quotes/sources.csv", "quotes/words.csv",
    ),
    upstream="extract",
    # Mentions, sentences and tokens in the field order of `Mention`, `Sentence` and `ParsedToken`, which
    # `views` builds from them.
    columns={
        "articles": ("text", "body_start", "headline", "dateline", "published_at", "published_month"),
        "mentions": ("mention_id", "kind", "text", "start_char", "end_char", "sentence_index", "rule_id", "label"),
        "sentences": ("sentence_index", "start_char", "end_char", "paragraph_index"),
        "tokens": ("sentence_index", "token_index", "start_char", "end_char", "text", "lemma", "upos", "morph",
                   "head_index", "dep"),
    },
)


@lru_cache(maxsize=4)
def resources_for(models_dir: Path) -> dict[str, Any]:
    """Load every normalizer's resources once per process."""
    return {n.table: (n.load(models_dir) if n.load else None) for n in registered()}


def views(inputs: Mapping[str, pa.Table]) -> list[tuple[ArticleView, str, list[Mention], list[Sentence]]]:
    """Group the batch's rows by article into typed views."""
    # Column by column: a dict per row (``to_pylist``) cost more than the grouping itself. Sorted in
    # Arrow (a stable sort, as Python's) rather than article by article.
    mentions: dict[str, list[Mention]] = defaultdict(list)
    ordered = inputs["mentions"].sort_by([("article_id", "ascending"), ("start_char", "ascending"),
                                          ("end_char", "ascending"), ("kind", "ascending")])
    for article_id, mention in _typed(ordered, Mention, SPEC.columns["mentions"]):
        mentions[article_id].append(mention)
    sentences: dict[str, list[Sentence]] = defaultdict(list)
    ordered = inputs["sentences"].sort_by([("article_id", "ascending"), ("sentence_index", "ascending")])
    for article_id, sentence in _typed(ordered, Sentence, SPEC.columns["sentences"]):
        sentences[article_id].append(sentence)
    # The parse of the gated sentences (the dates normalizer reads a date's governing verb from it).
    tokens: dict[str, list[ParsedToken]] = defaultdict(list)
    ordered = inputs["tokens"].sort_by([("article_id", "ascending"), ("sentence_index", "ascending"),
                                        ("token_index", "ascending")])
    for article_id, token in _typed(ordered, ParsedToken, SPEC.columns["tokens"]):
        tokens[article_id].append(token)
    out = []
    for row in inputs["articles"].select(["article_id", *SPEC.columns["articles"]]).to_pylist():
        article = ArticleView(row["article_id"], row["text"], row["body_start"], row["headline"], row["dateline"],
                              row["published_at"], tuple(tokens.get(row["article_id"], ())))
        out.append((article, row["published_month"], mentions[article.article_id], sentences[article.article_id]))
    return out


def _typed(table: pa.Table, kind: type, columns: tuple[str, ...]) -> Iterator[tuple[str, Any]]:
    """``(article_id, kind(*values of columns))`` for every row of ``table``."""
    values = [table.column(name).to_pylist() for name in columns]
    if issubclass(kind, tuple):
        # A named tuple (`Mention`): built straight from the values, skipping its Python-level `__new__`.
        return zip(table.column("article_id").to_pylist(), map(tuple.__new__, repeat(kind), zip(*values)))
    return zip(table.column("article_id").to_pylist(), map(kind, *values))


def normalize_batch(inputs: Mapping[str, pa.Table], settings: Settings) -> BatchResult:
    """Run every normalizer over every article of the batch; isolate an article that fails."""
    with cycle_collector_paused():
        return _normalize_articles(inputs, settings)


def _normalize_articles(inputs: Mapping[str, pa.Table], settings: Settings) -> BatchResult:
    resources = resources_for(settings.models_dir)
    result = BatchResult(rows={table: [] for table in SPEC.writes})
    for article, month, mentions, sentences in views(inputs):
        done: dict[str, Rows] = {}
        try:
            for normalizer in registered():
                rows = normalizer.function(article, mentions, sentences, done, resources[normalizer.table])
                for row in rows:
                    row.setdefault("article_id", article.article_id)
                    row["published_month"] = month
                done[normalizer.table] = rows
        except Exception as error:
            result.failures[article.article_id] = f"normalize failed: {type(error).__name__}: {error}"
            continue
        for table, rows in done.items():
            result.rows[table].extend(rows)
    return result
