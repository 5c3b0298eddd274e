"""Extract: ``articles`` → ``mentions``, ``sentences`` and ``tokens`` with spaCy.

The rule pipeline reads every article (with ``rules_scope = "trade"``, only
the articles ingest flagged ``is_trade``; the others get their ``sentences``
rows from the same splitter, and nothing else); the trained dependency
parser then reads only the sentences the gate of `pipeline.nlp.syntax`
selects (those a later rule needs the structure of in trade stories, and
the trigger sentences of the other articles), and their tokens become
``tokens`` rows.
spaCy `Doc`s live only inside this module: each article's `Doc` is turned
into rows (`pipeline.nlp.mentions.DocRows`) as soon as the pipeline has run
over it, and the batch hands the runner Arrow tables.
"""

from __future__ import annotations

import gc
from collections.abc import Mapping
from contextlib import nullcontext
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from pipeline.config import Settings
from pipeline.relevance import RULE_FILES as RELEVANCE_FILES
from pipeline.stages.spec import BatchResult, StageSpec

SPEC = StageSpec(
    name="extract",
    reads=("articles",),
    writes=("mentions", "sentences", "tokens"),
    code=(__name__,),
    # What the spaCy components read at `initialize` (the rest of models/ is read by later stages).
    rules=(
        "lexicons",
        "countries/aliases.csv", "countries/blocklist.csv", "countries/capitals.csv", "countries/context.csv",
        "countries/countries.csv", "countries/datelines.csv", "countries/demonyms.csv", "countries/not_names.txt",
        "countries/regions.csv",
        "people/common_words.txt", "people/given_names.txt", "people/known_officials.csv", "people/name_parts.csv",
        "people/nonnames.txt", "people/org_words.csv", "people/organizations.csv", "people/places.txt",
        "people/speech_verbs.txt",
        "people/title_words.csv", "people/titles.csv",
        "rates/currencies.csv", "rates/numbers.csv", "rates/patterns.ini", "rates/rate_words.txt",
        "rates/scales.csv", "rates/units.csv",
        "dates/date_context.csv", "dates/days.csv", "dates/halves.csv", "dates/modifiers.csv", "dates/months.csv",
        "dates/ordinals.csv",
        "dates/patterns.ini", "dates/quantities.txt", "dates/seasons.csv", "dates/sets.csv", "dates/shifts.csv",
        "dates/units.csv",
        "dates/week_positions.csv", "dates/weekdays.csv", "dates/year_bounds.txt",
        "quotes/cues.csv", "quotes/reported.csv", "quotes/reported_words.csv", "quotes/sources.csv",
        "quotes/words.csv",
        # The trigger component marks candidate event sentences; the events stage reads the rest of events/.
        "events/blocked.txt", "events/context.csv", "events/modality.csv", "events/triggers.csv", "events/undo.csv",
        # The parser: which sentences it reads, and the trained model (not its card, config or scores, nor
        # its saved tokenizer, which is spaCy's English one and is made afresh: `pipeline.nlp.base.load_saved`).
        "parser/gate.csv", "parser/config.cfg", "parser/meta.json", "parser/vocab",
        "parser/tok2vec", "parser/morphologizer", "parser/parser", "parser/lemmatizer",
    ),
    upstream=None,
    # The parse gate (and rules_scope "trade") act on articles.is_trade, which ingest computes from these.
    input_rules=RELEVANCE_FILES,
    settings=("rules_scope",),
    columns={"articles": ("text", "published_month", "is_trade")},
)
PIPE_BATCH = 64


@lru_cache(maxsize=2)
def nlp_for(models_dir: Path):
    """The rule pipeline for ``models_dir``, loaded once per process."""
    # Imported here: spaCy takes a second to import, and `ingest` or `query` never need it.
    from pipeline.nlp.build import load_nlp

    return load_nlp(models_dir)


@lru_cache(maxsize=2)
def gate_for(models_dir: Path):
    """Which sentences the parser reads (`pipeline.nlp.syntax.ParseGate`), loaded once per process."""
    from pipeline.nlp.syntax import load_gate

    return load_gate(models_dir)


@lru_cache(maxsize=2)
def word_rules_for(models_dir: Path):
    """The word lists of the reader of reported speech in unparsed sentences (`pipeline.nlp.reported_words`)."""
    from pipeline.nlp.reported_words import load_word_rules

    return load_word_rules(models_dir)


def load_rules(models_dir: Path) -> None:
    """Load everything a batch reads from ``models_dir`` (the rule pipeline, the parse gate, the parser).

    Then moves what is loaded out of the garbage collector's reach (`gc.freeze`): it stays for the
    process's life, and full collections need not walk it again.
    """
    from pipeline.nlp.syntax import load_parser

    nlp_for(models_dir)
    gate_for(models_dir)
    word_rules_for(models_dir)
    load_parser(models_dir)
    # What is loaded stays for the process's life (the caches above hold it): moved out of the garbage
    # collector's reach, its 140,000 objects are not walked again at each full collection while the
    # batches run (0.2 s of 4.5 on 2,000 Reuters stories). Cyclic garbage alive at this moment would
    # stay too, but a whole extract run leaves only about a hundred such objects to collect.
    gc.freeze()


# Words a process keeps for good before batches start freeing theirs (strings in the vocabulary).
VOCABULARY_CAP = 250_000


def vocabulary_zone(nlp):
    """The memory zone a batch runs in: none while the vocabulary is under `VOCABULARY_CAP`, spaCy's after.

    Words first seen inside ``nlp.memory_zone()`` (their lexemes, strings and
    tokenizer cache entries) are freed when the zone closes, which keeps a long
    run's memory flat, but then every batch builds its common words again,
    which slows tokenizing (docs/architecture.md has the figures). So a
    process keeps the words of its first batches, up to the cap, and only
    later batches run in zones. Memory stays bounded by the cap plus one batch.
    """
    if len(nlp.vocab.strings) < VOCABULARY_CAP:
        return nullcontext()
    return nlp.memory_zone()


def make_doc_with_text(nlp, text: str):
    """A tokenized Doc that keeps its text (imported lazily with spaCy)."""
    from pipeline.nlp.base import make_doc_with_text as make

    return make(nlp, text)


def extract_batch(inputs: Mapping[str, pa.Table], settings: Settings) -> BatchResult:
    """Run the rule pipeline over a batch of articles; isolate an article that fails."""
    from pipeline.nlp.mentions import DocRows
    from pipeline.nlp.syntax import load_parser

    nlp = nlp_for(settings.models_dir)
    nlp.max_length = settings.max_article_chars  # ingest refused longer articles: the same limit
    gate = gate_for(settings.models_dir)
    words = word_rules_for(settings.models_dir)
    parser = load_parser(settings.models_dir)
    table = inputs["articles"]
    # A table without is_trade (articles written before the flag) is read as if every flag were null.
    every = table.select([c for c in ("article_id", *SPEC.columns["articles"]) if c in table.column_names]).to_pylist()
    articles = [a for a in every if reads_rules(a, settings)]
    failures: dict[str, str] = {}
    rows = DocRows(gate, words)
    try:
        add_sentences_only(rows, [a for a in every if not reads_rules(a, settings)], nlp)
        with vocabulary_zone(nlp):
            # With the processes or dask executor the batches are already parallel.
            n_process = settings.workers if settings.executor == "local" else 1
            # Docs made here carry their text, which the components would otherwise rebuild token by token.
            docs = nlp.pipe((make_doc_with_text(nlp, a["text"]) for a in articles), batch_size=PIPE_BATCH,
                            n_process=n_process)
            for article, doc in zip(articles, docs):
                rows.add(doc, article["article_id"], article["published_month"], article)
        with vocabulary_zone(parser):
            rows.parse(parser)
    except Exception:  # find the culprit one by one, keep the others
        rows = DocRows(gate, words)
        for article in every:
            single = DocRows(gate, words)
            try:
                if not reads_rules(article, settings):
                    add_sentences_only(single, [article], nlp)
                else:
                    with nlp.memory_zone():
                        single.add(nlp(make_doc_with_text(nlp, article["text"])), article["article_id"],
                                   article["published_month"], article)
                    with parser.memory_zone():
                        single.parse(parser)
            except Exception as error:
                failures[article["article_id"]] = f"extract failed: {type(error).__name__}: {error}"
            else:
                rows.absorb(single)
    return BatchResult(rows={table: rows.table(table) for table in SPEC.writes}, failures=failures)


def reads_rules(article: Mapping[str, object], settings: Settings) -> bool:
    """Whether the rule pipeline reads ``article`` under ``settings.rules_scope``.

    Under "trade" only the articles ingest flagged ``is_trade`` are read; a
    null flag (a row ingested before the flag existed) is read, as nothing
    says the rules can skip it.
    """
    return settings.rules_scope == "all" or article.get("is_trade") is not False


def add_sentences_only(rows, articles: list[Mapping[str, object]], nlp) -> None:
    """Give each of ``articles`` its ``sentences`` rows from the sentence component's splitter, without spaCy."""
    from pipeline.nlp.sentences import WireSentences, split_sentences

    if not articles:
        return
    splitter = next(pipe for _, pipe in nlp.pipeline if isinstance(pipe, WireSentences))
    for article in articles:
        spans = split_sentences(article["text"], splitter.abbreviations, splitter.starters)
        rows.add_sentences(article["article_id"], article["published_month"], spans)
