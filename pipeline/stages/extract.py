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
from pipeline.stages.base import BatchResult, StageSpec

SPEC = StageSpec(
    name="extract",
    reads=("articles",),
    writes=("mentions", "sentences", "tokens"),
    code=("pipeline/nlp/*.py", "pipeline/stages/extract.py"),
    # Rule files live at most one folder deep (models/<concern>/<file>); the
    # built pipeline under models/.built is deeper and so not part of the hash.
    rules=("*", "*/*"),
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


# Words a process keeps for good before batches start freeing theirs (strings in the vocabulary).
VOCABULARY_CAP = 250_000


def vocabulary_zone(nlp):
    """The memory zone a batch runs in: none while the vocabulary is under `VOCABULARY_CAP`, spaCy's after.

    Words first seen inside ``nlp.memory_zone()`` (their lexemes, strings and
    tokenizer cache entries) are freed when the zone closes, which keeps a long
    run's memory flat, but then every batch builds its common words again:
    that made tokenizing about 1.5 times as slow as without zones. So a
    process keeps the words of its first batches, up to the cap (the whole
    Reuters-21578 archive needs about 120,000 strings), and only later
    batches run in zones. Memory stays bounded by the cap plus one batch.
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
