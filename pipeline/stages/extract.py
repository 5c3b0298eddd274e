"""Extract: ``articles`` → ``mentions``, ``sentences`` and ``tokens`` with spaCy.

The rule pipeline reads every article; the trained dependency parser then
reads only the sentences the gate of `pipeline.nlp.syntax` selects (those a
later rule needs the structure of), and their tokens become ``tokens`` rows.
spaCy `Doc`s live only inside this module: each article's `Doc` is turned
into rows (`pipeline.nlp.mentions.DocRows`) as soon as the pipeline has run
over it, and the batch hands the runner Arrow tables.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import nullcontext
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from pipeline.config import Settings
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
        "people/common_words.txt", "people/given_names.txt", "people/name_parts.csv", "people/nonnames.txt",
        "people/org_words.csv", "people/organizations.csv", "people/places.txt", "people/speech_verbs.txt",
        "people/title_words.csv", "people/titles.csv",
        "rates/currencies.csv", "rates/numbers.csv", "rates/patterns.ini", "rates/rate_words.txt",
        "rates/scales.csv", "rates/units.csv",
        "dates/date_context.csv", "dates/days.csv", "dates/modifiers.csv", "dates/months.csv", "dates/ordinals.csv",
        "dates/patterns.ini", "dates/quantities.txt", "dates/sets.csv", "dates/shifts.csv", "dates/units.csv",
        "dates/weekdays.csv",
        "quotes/cues.csv", "quotes/reported.csv", "quotes/words.csv",
        # The trigger component marks candidate event sentences; the events stage reads the rest of events/.
        "events/blocked.txt", "events/context.csv", "events/modality.csv", "events/triggers.csv", "events/undo.csv",
        # The parser: which sentences it reads, and the trained model (not its card, config or scores).
        "parser/gate.csv", "parser/config.cfg", "parser/meta.json", "parser/tokenizer", "parser/vocab",
        "parser/tok2vec", "parser/morphologizer", "parser/parser", "parser/lemmatizer",
    ),
    upstream=None,
    columns={"articles": ("text", "published_month")},
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


def load_rules(models_dir: Path) -> None:
    """Load everything a batch reads from ``models_dir`` (the rule pipeline, the parse gate, the parser)."""
    from pipeline.nlp.syntax import load_parser

    nlp_for(models_dir)
    gate_for(models_dir)
    load_parser(models_dir)


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
    parser = load_parser(settings.models_dir)
    articles = inputs["articles"].select(["article_id", *SPEC.columns["articles"]]).to_pylist()
    failures: dict[str, str] = {}
    rows = DocRows(gate)
    try:
        with vocabulary_zone(nlp):
            # With the processes or dask executor the batches are already parallel.
            n_process = settings.workers if settings.executor == "local" else 1
            # Docs made here carry their text, which the components would otherwise rebuild token by token.
            docs = nlp.pipe((make_doc_with_text(nlp, a["text"]) for a in articles), batch_size=PIPE_BATCH,
                            n_process=n_process)
            for article, doc in zip(articles, docs):
                rows.add(doc, article["article_id"], article["published_month"])
        with vocabulary_zone(parser):
            rows.parse(parser)
    except Exception:  # find the culprit one by one, keep the others
        rows = DocRows(gate)
        for article in articles:
            single = DocRows(gate)
            try:
                with nlp.memory_zone():
                    single.add(nlp(make_doc_with_text(nlp, article["text"])), article["article_id"],
                               article["published_month"])
                with parser.memory_zone():
                    single.parse(parser)
            except Exception as error:
                failures[article["article_id"]] = f"extract failed: {type(error).__name__}: {error}"
            else:
                rows.absorb(single)
    return BatchResult(rows={table: rows.table(table) for table in SPEC.writes}, failures=failures)
