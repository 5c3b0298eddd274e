"""Universal Dependencies treebanks as spaCy training data.

The held-out test files (news: PUD; web text: EWT test) never enter
training or model selection. Every other CoNLL-U file under the UD folder is
pooled; a seeded share of its documents becomes the dev set that picks the
best checkpoint. CoNLL-U is read with spaCy's own converter (the one behind
``spacy convert``), ten sentences to a Doc so the parser also learns where
sentences end.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.training.converters import conllu_to_docs

HELD_OUT = {"pud": "PUD/en_pud-ud-test.conllu", "ewt-test": "EWT/en_ewt-ud-test.conllu"}
SENTENCES_PER_DOC = 10


@dataclass(frozen=True)
class Corpora:
    """Where the prepared ``.spacy`` files are, and what went into them."""

    train: Path
    dev: Path
    tests: dict[str, Path]
    train_files: tuple[str, ...]
    train_docs: int
    dev_docs: int
    train_tokens: int


def training_files(ud_dir: Path) -> list[Path]:
    """Every CoNLL-U file under ``ud_dir`` except the held-out test files, sorted."""
    held_out = {(ud_dir / name).resolve() for name in HELD_OUT.values()}
    files = sorted(path for path in ud_dir.glob("*/*.conllu") if path.resolve() not in held_out)
    if not files:
        raise FileNotFoundError(f"no CoNLL-U training files under {ud_dir} (expected <treebank>/<file>.conllu)")
    return files


def read_conllu(path: Path, sentences_per_doc: int = SENTENCES_PER_DOC) -> list[Doc]:
    """The Docs of one CoNLL-U file, as ``spacy convert`` would make them."""
    text = path.read_text(encoding="utf-8")
    return list(conllu_to_docs(text, n_sents=sentences_per_doc, no_print=True))


def write_docs(docs: Iterable[Doc], path: Path) -> int:
    """Write ``docs`` to a ``.spacy`` file; returns how many."""
    docs = list(docs)
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return len(docs)


def prepare_corpora(ud_dir: Path, out_dir: Path, *, dev_share: float = 0.05, seed: int = 0,
                    limit_docs: int | None = None) -> Corpora:
    """Convert the treebanks under ``ud_dir`` into train, dev and test ``.spacy`` files in ``out_dir``.

    ``limit_docs`` keeps only that many training Docs (for a quick check of
    the recipe); the test files are written whole either way.
    """
    files = training_files(ud_dir)
    pooled = [doc for path in files for doc in read_conllu(path)]
    random.Random(seed).shuffle(pooled)
    if limit_docs is not None:
        pooled = pooled[:limit_docs]
    dev_size = max(1, round(len(pooled) * dev_share))
    dev, train = pooled[:dev_size], pooled[dev_size:]
    tests = {}
    for name, relative in HELD_OUT.items():
        source = ud_dir / relative
        if not source.exists():
            raise FileNotFoundError(f"held-out test file {source} is missing")
        tests[name] = out_dir / f"{name}.spacy"
        write_docs(read_conllu(source), tests[name])
    write_docs(train, out_dir / "train.spacy")
    write_docs(dev, out_dir / "dev.spacy")
    return Corpora(train=out_dir / "train.spacy", dev=out_dir / "dev.spacy", tests=tests,
                   train_files=tuple(path.relative_to(ud_dir).as_posix() for path in files),
                   train_docs=len(train), dev_docs=len(dev), train_tokens=sum(len(doc) for doc in train))
