"""Word vectors the project trains itself, from raw wire and government text.

The treebanks hold about 300,000 words; the parser meets words they never
saw. Word2vec vectors (gensim) trained on a few million words of raw news
give it a feel for those words. Text is read with the project's own readers
(so SGML, JSON Lines and the rest are cleaned as in ingest), tokenized with
spaCy's English tokenizer and lowercased; the vectors are keyed by ``LOWER``.
Only the most frequent ``rows`` words are kept, to keep the model small.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training.initialize import convert_vectors

from pipeline.config import make_settings
from pipeline.readers import iter_inputs, read_file
from pipeline.records import RawArticle


def corpus_paragraphs(sources: Iterable[Path]) -> Iterator[str]:
    """Every paragraph of every article the readers find under ``sources``."""
    for source in sources:
        settings = make_settings(raw=source)
        for path, source_path in iter_inputs(source):
            for item in read_file(path, source_path, settings):
                if isinstance(item, RawArticle):
                    yield from (line for line in item.body.splitlines() if line.strip())


def tokenized(paragraphs: Iterable[str], nlp: Language) -> Iterator[list[str]]:
    """Each paragraph as a list of lowercased tokens (spaces dropped)."""
    for doc in nlp.tokenizer.pipe(paragraphs, batch_size=1000):
        words = [token.lower_ for token in doc if not token.is_space]
        if words:
            yield words


def train_word2vec(sentences: list[list[str]], *, dimensions: int, seed: int, epochs: int = 5,
                   min_count: int = 5, workers: int = 2):
    """Skip-gram vectors over ``sentences`` (gensim is a training-only dependency)."""
    try:
        from gensim.models import Word2Vec
    except ImportError as error:  # the run-time pipeline does not need gensim
        raise RuntimeError("training vectors needs gensim: pip install '.[train]'") from error
    model = Word2Vec(vector_size=dimensions, window=5, min_count=min_count, sg=1, negative=5,
                     workers=workers, seed=seed)
    model.build_vocab(sentences)
    model.train(sentences, total_examples=len(sentences), epochs=epochs)
    return model.wv


def write_word2vec_text(vectors, rows: int, path: Path) -> int:
    """The ``rows`` most frequent words of ``vectors`` in word2vec's text format; returns the row count."""
    words = vectors.index_to_key[:rows]  # gensim keeps its vocabulary sorted by frequency
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        handle.write(f"{len(words)} {vectors.vector_size}\n")
        for word in words:
            values = " ".join(f"{value:.5f}" for value in vectors[word])
            handle.write(f"{word} {values}\n")
    return len(words)


def build_vectors(sources: Iterable[Path], out_dir: Path, *, rows: int, dimensions: int, seed: int,
                  log=print) -> dict:
    """Train vectors on ``sources`` and save them as a spaCy pipeline at ``out_dir``.

    Returns what was done (words read, rows kept) for the model card. The
    saved pipeline is what the training config's ``[initialize] vectors`` names.
    """
    nlp = spacy.blank("en")
    sentences = list(tokenized(corpus_paragraphs(sources), nlp))
    words = sum(len(sentence) for sentence in sentences)
    log(f"vectors: {len(sentences):,} paragraphs, {words:,} words read; training {dimensions}-d word2vec")
    vectors = train_word2vec(sentences, dimensions=dimensions, seed=seed)
    text_path = out_dir.with_suffix(".w2v.txt")
    kept = write_word2vec_text(vectors, rows, text_path)
    vectors_nlp = spacy.blank("en")
    convert_vectors(vectors_nlp, text_path, truncate=0, prune=-1, attr="LOWER")
    vectors_nlp.to_disk(out_dir)
    log(f"vectors: kept the {kept:,} most frequent words -> {out_dir}")
    return {"paragraphs": len(sentences), "words": words, "rows": kept, "dimensions": dimensions}
