"""The parser's training recipe: treebanks → (vectors) → ``spacy train`` → ``models/parser``.

Every step is spaCy's own: CoNLL-U through spaCy's converter, the config in
``models/parser/train.cfg``, spaCy's training loop (seeded; it prints each
evaluation), spaCy's scorer on the held-out files. The best checkpoint (by
the config's score weights on the dev slice) is copied into the model folder
beside the config and the model card, and its held-out scores are written to
``scores.json`` there.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.cli.train import train as spacy_train
from spacy.tokens import DocBin
from spacy.training import Example

from pipeline.parser.treebanks import Corpora, prepare_corpora
from pipeline.parser.vectors import build_vectors

CONFIG_NAME = "train.cfg"
SCORES_NAME = "scores.json"
# Files of the model folder that the recipe writes by hand, kept when a new model is copied in.
KEPT_FILES = (CONFIG_NAME, "README.md", "gate.csv")
RELATIONS = ("nsubj", "nsubj:pass", "obj", "obl", "ccomp", "advcl", "conj")


@dataclass
class TrainingPlan:
    """What one training run does; the defaults are the committed model's recipe."""

    ud_dir: Path
    model_dir: Path
    work_dir: Path
    vector_sources: tuple[Path, ...] = ()
    vector_rows: int = 15_000
    vector_dimensions: int = 64
    max_steps: int | None = None
    seed: int = 0
    limit_docs: int | None = None
    lemmatizer: bool = True
    overrides: dict[str, Any] = field(default_factory=dict)


def evaluate_model(nlp, path: Path) -> dict[str, float]:
    """UAS, LAS, UPOS, morphology and per-relation LAS F of ``nlp`` on a ``.spacy`` file."""
    docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    predicted = nlp.pipe(doc.text for doc in docs)
    examples = [Example(prediction, gold) for prediction, gold in zip(predicted, docs, strict=True)]
    scores = nlp.evaluate(examples)
    per_type = scores.get("dep_las_per_type") or {}
    result = {"uas": scores["dep_uas"], "las": scores["dep_las"], "upos": scores["pos_acc"],
              "morph": scores["morph_acc"], "lemma": scores.get("lemma_acc"), "sentences_f": scores.get("sents_f"),
              "tokens": sum(len(doc) for doc in docs)}
    for relation in RELATIONS:
        result[f"las_f_{relation}"] = per_type.get(relation, {}).get("f")
    return result


def install_model(best: Path, model_dir: Path) -> None:
    """Replace the trained files of ``model_dir`` with ``best``'s, keeping the config and card."""
    model_dir.mkdir(parents=True, exist_ok=True)
    for entry in model_dir.iterdir():
        if entry.name in KEPT_FILES:
            continue
        shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    for entry in best.iterdir():
        target = model_dir / entry.name
        shutil.copytree(entry, target) if entry.is_dir() else shutil.copy2(entry, target)


def folder_bytes(path: Path) -> int:
    return sum(entry.stat().st_size for entry in path.rglob("*") if entry.is_file())


def train_parser(plan: TrainingPlan, log=print) -> dict[str, Any]:
    """Run the whole recipe; returns the figures it also writes to ``scores.json``."""
    corpora_dir = plan.work_dir / "corpora"
    log(f"treebanks: converting {plan.ud_dir} -> {corpora_dir}")
    corpora: Corpora = prepare_corpora(plan.ud_dir, corpora_dir, seed=plan.seed, limit_docs=plan.limit_docs)
    log(f"treebanks: {corpora.train_docs:,} train docs ({corpora.train_tokens:,} tokens), "
        f"{corpora.dev_docs:,} dev docs; held out: {', '.join(corpora.tests)}")
    overrides = {"paths.train": str(corpora.train), "paths.dev": str(corpora.dev),
                 "system.seed": plan.seed}
    vectors_report = None
    if plan.vector_sources:
        vectors_dir = plan.work_dir / "vectors"
        vectors_report = build_vectors(plan.vector_sources, vectors_dir, rows=plan.vector_rows,
                                       dimensions=plan.vector_dimensions, seed=plan.seed, log=log)
        overrides["paths.vectors"] = str(vectors_dir)
    else:
        overrides["components.tok2vec.model.embed.include_static_vectors"] = False
    if plan.max_steps is not None:
        overrides["training.max_steps"] = plan.max_steps
    overrides.update(plan.overrides)
    output = plan.work_dir / "output"
    log(f"training with {plan.model_dir / CONFIG_NAME} (overrides: {overrides})")
    spacy_train(plan.model_dir / CONFIG_NAME, output, use_gpu=-1, overrides=overrides)
    recipe = {"train_files": list(corpora.train_files), "train_docs": corpora.train_docs,
              "train_tokens": corpora.train_tokens, "dev_docs": corpora.dev_docs, "seed": plan.seed,
              "overrides": {key: value for key, value in overrides.items() if not key.startswith("paths.")},
              "vectors": vectors_report}
    return finish_training(output / "model-best", plan.model_dir, corpora.tests, recipe,
                           lemmatizer=plan.lemmatizer, log=log)


def add_rule_lemmatizer(model_dir: Path) -> None:
    """Add spaCy's rule-based English lemmatizer (it reads the morphologizer's UPOS) to the model.

    Its tables come from the ``spacy-lookups-data`` package at training time
    and are saved inside the model, so running the model needs no extra package.
    """
    try:
        import spacy_lookups_data  # noqa: F401  (only checks the tables are installed)
    except ImportError as error:
        raise RuntimeError("the lemmatizer's tables need spacy-lookups-data: pip install '.[train]'") from error
    nlp = spacy.load(model_dir)
    nlp.add_pipe("lemmatizer", config={"mode": "rule"}).initialize()
    nlp.to_disk(model_dir)


def finish_training(best: Path, model_dir: Path, tests: dict[str, Path], recipe: dict[str, Any], *,
                    lemmatizer: bool = True, log=print) -> dict[str, Any]:
    """Install the checkpoint ``best`` into ``model_dir``, score it on ``tests``, write ``scores.json``.

    Also the way to finish a run stopped by hand: spaCy keeps ``model-best``
    up to date at every evaluation.
    """
    install_model(best, model_dir)
    if lemmatizer:
        add_rule_lemmatizer(model_dir)
    nlp = spacy.load(model_dir)
    report = dict(recipe, model_bytes=folder_bytes(model_dir),
                  held_out={name: evaluate_model(nlp, path) for name, path in tests.items()})
    (model_dir / SCORES_NAME).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    for name, scores in report["held_out"].items():
        log(f"held out {name}: UAS {scores['uas']:.3f} LAS {scores['las']:.3f} UPOS {scores['upos']:.3f}")
    return report


def default_vector_sources(corpus_dir: Path) -> tuple[Path, ...]:
    """The raw text the committed model's vectors were trained on (see the model card)."""
    return tuple(corpus_dir / name for name in ("whitehouse", "reuters21578"))
