"""The parse gate and the ``tokens`` rows: which sentences the parser reads, and what they become."""

from __future__ import annotations

import shutil
from functools import lru_cache

import pytest

from pipeline.config import MODELS_DIR
from pipeline.nlp.build import build_nlp
from pipeline.nlp.mentions import DocRows
from pipeline.nlp.syntax import PendingSentence, load_gate, load_parser, token_rows

TRADE_STORY = (
    "Steel and the weather\n\n"
    "WASHINGTON\n"
    "The United States imposed tariffs of 25% on steel from Canada. "
    "The weather in the capital was mild. "
    "Prices rose again in July. "
    "The trade minister said the talks had gone well. "
    "The last round was held in March 2019."
)
QUIET_STORY = "Markets calm\n\nLONDON, May 3\nShares rose in July. The chairman said results were good."


@lru_cache(maxsize=1)
def rule_pipeline():
    return build_nlp(MODELS_DIR)


def rows_for(text: str) -> DocRows:
    rows = DocRows(load_gate(MODELS_DIR))
    rows.add(rule_pipeline()(text), "a1", "2025-05")
    return rows


def parsed_texts(text: str, rows: DocRows) -> list[str]:
    sentences = rows.dicts("sentences")
    return [text[s["start_char"]:s["end_char"]] for s in sentences if s["parsed"]]


def parsed_under(models_dir, text: str, flags: dict[str, bool | None]) -> list[str]:
    """The sentences of ``text`` the gate of ``models_dir`` parses, given the article's flags."""
    rows = DocRows(load_gate(models_dir))
    rows.add(rule_pipeline()(text), "a1", "2025-05", flags)
    return parsed_texts(text, rows)


def write_gate(tmp_path, rows: str):
    (tmp_path / "parser").mkdir()
    (tmp_path / "parser" / "gate.csv").write_text(f"test,value\n{rows}", encoding="utf-8")
    return tmp_path


def test_only_sentences_a_rule_needs_are_parsed():
    rows = rows_for(TRADE_STORY)
    assert parsed_texts(TRADE_STORY, rows) == [
        "The United States imposed tariffs of 25% on steel from Canada.",  # an event trigger
        "Prices rose again in July.",  # a month without a year: its value depends on tense
        "The trade minister said the talks had gone well.",  # a reporting word
    ]


def test_rows_left_out_of_the_gate_select_nothing(tmp_path):
    (tmp_path / "parser").mkdir()
    (tmp_path / "parser" / "gate.csv").write_text("# dates only\ntest,value\narticle_has,trigger\n"
                                                  "date_kind,month\n", encoding="utf-8")
    rows = DocRows(load_gate(tmp_path))
    rows.add(rule_pipeline()(TRADE_STORY), "a1", "2025-05")
    assert parsed_texts(TRADE_STORY, rows) == ["Prices rose again in July."]


def test_an_article_without_a_trade_trigger_is_not_parsed():
    rows = rows_for(QUIET_STORY)
    assert not any(s["parsed"] for s in rows.dicts("sentences")) and rows.pending == []


def test_an_article_ingest_did_not_flag_as_trade_has_only_its_trigger_sentences_parsed():
    everything = parsed_texts(TRADE_STORY, rows_for(TRADE_STORY))
    triggers = ["The United States imposed tariffs of 25% on steel from Canada.",
                "The trade minister said the talks had gone well."]  # "talks"; not the month of "Prices rose …"
    for flags, parsed in (({"is_trade": False}, triggers),
                          ({"is_trade": True}, everything), ({"is_trade": None}, everything)):
        assert parsed_under(MODELS_DIR, TRADE_STORY, flags) == parsed, flags


def test_without_the_unflagged_row_an_article_not_flagged_as_trade_is_not_parsed(tmp_path):
    models = write_gate(tmp_path, "article_has,trigger\narticle_flag,is_trade\nsentence_has,trigger\ndate_kind,month\n")
    for flags, parsed in (({"is_trade": False}, []), ({"is_trade": True}, [
            "The United States imposed tariffs of 25% on steel from Canada.", "Prices rose again in July.",
            "The trade minister said the talks had gone well."])):
        assert parsed_under(models, TRADE_STORY, flags) == parsed, flags


def test_the_unflagged_row_needs_a_trigger_in_the_article(tmp_path):
    models = write_gate(tmp_path, "article_has,trigger\narticle_flag,is_trade\nsentence_has_unflagged,cue\n")
    for text, parsed in ((QUIET_STORY, []), (TRADE_STORY, ["The trade minister said the talks had gone well."])):
        assert parsed_under(models, text, {"is_trade": False}) == parsed, text


def test_a_gate_without_the_flag_row_parses_every_trigger_article(tmp_path):
    (tmp_path / "parser").mkdir()
    (tmp_path / "parser" / "gate.csv").write_text("test,value\narticle_has,trigger\nsentence_has,trigger\n",
                                                  encoding="utf-8")
    rows = DocRows(load_gate(tmp_path))
    rows.add(rule_pipeline()(TRADE_STORY), "a1", "2025-05", {"is_trade": False})
    assert parsed_texts(TRADE_STORY, rows) == ["The United States imposed tariffs of 25% on steel from Canada.",
                                               "The trade minister said the talks had gone well."]  # "talks"


def test_a_gate_flag_extract_does_not_read_is_refused(tmp_path):
    (tmp_path / "parser").mkdir()
    (tmp_path / "parser" / "gate.csv").write_text("test,value\narticle_flag,is_sports\n", encoding="utf-8")
    with pytest.raises(ValueError, match="is_sports"):
        load_gate(tmp_path)


def test_token_rows_index_the_article_text():
    rows = rows_for(TRADE_STORY)
    rows.parse(load_parser(MODELS_DIR))
    tokens = rows.dicts("tokens")
    assert tokens and not rows.pending
    sentences = {s["sentence_index"]: s for s in rows.dicts("sentences")}
    assert {t["sentence_index"] for t in tokens} == {i for i, s in sentences.items() if s["parsed"]}
    for token in tokens:
        sentence = sentences[token["sentence_index"]]
        assert TRADE_STORY[token["start_char"]:token["end_char"]] == token["text"]
        assert sentence["start_char"] <= token["start_char"] < token["end_char"] <= sentence["end_char"]
    for index in sentences:
        in_sentence = [t for t in tokens if t["sentence_index"] == index]
        assert [t["token_index"] for t in in_sentence] == list(range(len(in_sentence)))
        assert all(0 <= t["head_index"] < len(in_sentence) for t in in_sentence)
        assert all(t["upos"] and t["dep"] for t in in_sentence)


def test_token_rows_hold_what_each_token_says():
    # Heads before and after their token (a wrapped negative offset), punctuation without features,
    # a double space (a whitespace token) and an offset into the article.
    text = "The new tariffs on Canadian steel,  officials said, took effect on Monday."
    parsed = load_parser(MODELS_DIR)(text)
    sentence = PendingSentence("a1", 3, 40, text, "2025-03")
    expected = [("a1", 3, token.i, 40 + token.idx, 40 + token.idx + len(token.text), token.text,
                 token.lemma_ or None, token.pos_ or None, str(token.morph) or None, token.head.i,
                 token.dep_ or None, "2025-03") for token in parsed]
    assert token_rows(parsed, sentence) == expected
    heads = [row[9] - row[2] for row in expected]
    assert min(heads) < 0 < max(heads)
    assert None in [row[8] for row in expected] and any(row[5].isspace() for row in expected)


def test_the_table_has_the_declared_types():
    rows = rows_for(TRADE_STORY)
    rows.parse(load_parser(MODELS_DIR))
    table = rows.table("tokens")
    assert table.num_rows == len(rows.tokens) > 0
    assert str(table.schema.field("head_index").type) == "int32"


def test_a_gate_file_with_an_unknown_test_is_refused(tmp_path):
    models = tmp_path / "models"
    (models / "parser").mkdir(parents=True)
    shutil.copytree(MODELS_DIR / "quotes", models / "quotes")
    (models / "parser" / "gate.csv").write_text("test,value\nsentence_has,trigger\nparagraph_has,cue\n",
                                                encoding="utf-8")
    with pytest.raises(ValueError, match="gate.csv: row 3: test 'paragraph_has'"):
        load_gate(models)


def test_a_missing_parser_is_named(tmp_path):
    (tmp_path / "parser").mkdir()
    with pytest.raises(FileNotFoundError, match="holds no trained parser"):
        load_parser(tmp_path)


def test_the_lemmatizer_word_sets_give_the_lemmas_of_its_word_lists():
    import spacy

    as_loaded = spacy.load(MODELS_DIR / "parser")  # the lemmatizer's word lists as spaCy reads them
    with_sets = load_parser(MODELS_DIR)
    index = with_sets.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in index.values())
    text = ("The ministers raised tariffs on steel, saying the duties were fairer; exporters' margins "
            "narrowed and talks broke down after the agencies had been informed of the better offers.")
    lemmas = [token.lemma_ for token in with_sets(text)]
    assert lemmas == [token.lemma_ for token in as_loaded(text)]
    assert "tariff" in lemmas and "duty" in lemmas
