"""The rule components' shared base: batch processing through `nlp.pipe`."""

import pytest
import spacy
import srsly

from pipeline.config import MODELS_DIR
from pipeline.nlp.base import RuleComponent, load_saved
from pipeline.nlp.build import BUILT_DIR


class Recorder(RuleComponent):
    """A component that notes which Doc it saw, and when."""

    def __init__(self, name: str, log: list[tuple[str, str]]) -> None:
        super().__init__(spacy.blank("en"), name)
        self.log = log

    def __call__(self, doc):
        self.log.append((self.name, doc.text))
        return doc


def test_each_component_finishes_a_batch_before_the_next_component_starts_it():
    log: list[tuple[str, str]] = []
    first, second = Recorder("first", log), Recorder("second", log)
    make = spacy.blank("en").make_doc
    docs = [make(text) for text in ("one", "two", "three", "four", "five")]

    out = list(second.pipe(first.pipe(iter(docs), batch_size=2), batch_size=2))

    assert [doc.text for doc in out] == ["one", "two", "three", "four", "five"]
    assert log == [("first", "one"), ("first", "two"), ("second", "one"), ("second", "two"),
                   ("first", "three"), ("first", "four"), ("second", "three"), ("second", "four"),
                   ("first", "five"), ("second", "five")]


def test_nlp_pipe_finds_what_calling_the_pipeline_on_each_text_finds():
    nlp = spacy.blank("en")
    for name in ("trade_sentences_v1", "trade_rates_v1", "trade_dates_v1"):
        nlp.add_pipe(name)
    for _, component in nlp.pipeline:
        component.initialize(models_dir=str(MODELS_DIR))
    texts = ["Tariffs rose to 25% on Monday.", "A 10 pct duty from March 1.", "No figures here.",
             "Exports fell 3.5 percent in 1986 to 300 mln dlrs."]

    def found(doc):
        return {group: [(span.text, span.label_) for span in doc.spans[group]] for group in sorted(doc.spans)}

    assert [found(doc) for doc in nlp.pipe(texts, batch_size=3)] == [found(nlp(text)) for text in texts]


def tokenizer_settings(nlp) -> dict:
    """Everything a tokenizer serializes but the vocabulary: special cases, affix patterns, heuristics."""
    return srsly.msgpack_loads(nlp.tokenizer.to_bytes(exclude=["vocab"]))


@pytest.mark.parametrize("saved", [BUILT_DIR, "parser"])
def test_a_saved_pipeline_loads_with_the_tokenizer_it_saved(saved):
    from pipeline.nlp.build import load_nlp

    load_nlp(MODELS_DIR)  # builds models/.built when it is stale
    path = MODELS_DIR / saved
    as_saved = spacy.load(path)

    loaded = load_saved(path)

    assert tokenizer_settings(loaded) == tokenizer_settings(as_saved)
    text = "U.S. tariffs of 25% on $300 mln (C$400 mln) e-mail: a@b.com don't, Mr. O'Leary's 4/9/2025 Jan.-Feb."
    assert [t.text for t in loaded.make_doc(text)] == [t.text for t in as_saved.make_doc(text)]
