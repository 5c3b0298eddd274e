"""The parser's training recipe, kept alive on a handful of hand-annotated sentences.

A few training steps cannot make a good parser; these tests check that every
step of the recipe runs and leaves a model folder that spaCy loads, with the
project's own files kept and the held-out scores written.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import spacy

from pipeline.config import MODELS_DIR
from pipeline.parser.train import CONFIG_NAME, SCORES_NAME, TrainingPlan, train_parser
from pipeline.parser.treebanks import HELD_OUT, prepare_corpora, training_files

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "ud" / "project-sentences.conllu"


def make_ud(root: Path, copies: int = 4) -> Path:
    """A treebank folder shaped like ../shared/ud: a training file and the two held-out files."""
    ud = root / "ud"
    sentences = FIXTURE.read_text(encoding="utf-8")
    train = ud / "OWN" / "own-ud-train.conllu"
    train.parent.mkdir(parents=True)
    train.write_text("".join(sentences.replace("sent_id = project-", f"sent_id = copy{n}-")
                             for n in range(copies)), encoding="utf-8")
    for relative in HELD_OUT.values():
        (ud / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(FIXTURE, ud / relative)
    return ud


def test_held_out_files_never_train(tmp_path):
    ud = make_ud(tmp_path)
    names = [path.relative_to(ud).as_posix() for path in training_files(ud)]
    assert names == ["OWN/own-ud-train.conllu"]


def test_corpora_split_is_seeded_and_complete(tmp_path):
    ud = make_ud(tmp_path, copies=5)  # 30 sentences: three Docs of ten
    first = prepare_corpora(ud, tmp_path / "a", dev_share=0.3, seed=1)
    again = prepare_corpora(ud, tmp_path / "b", dev_share=0.3, seed=1)
    assert (first.train_docs, first.dev_docs) == (2, 1)
    assert first.train.read_bytes() == again.train.read_bytes()
    assert set(first.tests) == set(HELD_OUT)


def test_missing_held_out_file_is_named(tmp_path):
    ud = make_ud(tmp_path)
    (ud / HELD_OUT["pud"]).unlink()
    with pytest.raises(FileNotFoundError, match="en_pud-ud-test.conllu"):
        prepare_corpora(ud, tmp_path / "corpora")


def test_recipe_trains_a_loadable_model(tmp_path):
    ud = make_ud(tmp_path)
    raw = tmp_path / "raw"
    raw.mkdir()
    # Raw text for the word vectors: our own sentences, repeated so every word is frequent enough.
    (raw / "wire.txt").write_text("Tariffs and talks\n\n" + " ".join(
        ["Japan imposed tariffs on steel and Canada said talks would resume on Monday."] * 40) + "\n",
        encoding="utf-8")
    model = tmp_path / "model"
    model.mkdir()
    shutil.copy(MODELS_DIR / "parser" / CONFIG_NAME, model / CONFIG_NAME)
    (model / "README.md").write_text("card\n", encoding="utf-8")
    plan = TrainingPlan(ud_dir=ud, model_dir=model, work_dir=tmp_path / "work", vector_sources=(raw,),
                        vector_rows=50, vector_dimensions=8, max_steps=3,
                        overrides={"training.eval_frequency": 2})
    report = train_parser(plan, log=lambda message: None)

    nlp = spacy.load(model)
    assert nlp.pipe_names == ["tok2vec", "morphologizer", "parser", "lemmatizer"]
    assert nlp.vocab.vectors.shape == (report["vectors"]["rows"], 8) and report["vectors"]["rows"] > 0
    doc = nlp("Canada said talks would resume.")
    assert all(0 <= token.head.i < len(doc) for token in doc) and any(token.dep_ for token in doc)
    assert (model / "README.md").read_text(encoding="utf-8") == "card\n"  # the card survives a new model
    scores = json.loads((model / SCORES_NAME).read_text(encoding="utf-8"))
    assert set(scores["held_out"]) == set(HELD_OUT)
    for figures in scores["held_out"].values():
        assert 0.0 <= figures["las"] <= figures["uas"] <= 1.0
        assert figures["tokens"] == 41  # the six fixture sentences
