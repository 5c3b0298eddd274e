"""The relevance flag at ingest, and ``rules_scope``: what extract does with articles that are not trade stories."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import StageOptions, app
from pipeline.config import Settings, make_settings
from pipeline.runner import run_stages
from pipeline.stages.registry import ORDER, STAGES

TRADE = {"id": "t1", "title": "Canada answers U.S. steel tariffs", "published": "2025-02-03",
         "text": "Canada said on Monday it would impose counter-tariffs of 25% on C$30 billion of U.S. goods. "
                 "Trade Minister Mary Ng said the duties would take effect on Tuesday."}
OTHER = {"id": "o1", "title": "Bank raises dividend", "published": "2025-02-03",
         "text": "Royal Bank of Canada raised its dividend on Monday. Chief Executive Dave McKay said in Toronto "
                 "that profit rose 4% in January."}


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in (TRADE, OTHER)), encoding="utf-8")
    return folder


def run_all(raw, out, **values):
    settings = make_settings(raw=raw, out=out, show_progress=False, **values)
    summary = run_stages(settings, [(name, STAGES[name]) for name in ORDER])
    assert summary.error is None, summary.error
    return {name: pd.read_parquet(out / name) for name in ("articles", "sentences", "mentions", "tokens")}


def by_source(tables, name):
    ids = dict(zip(tables["articles"].article_id, tables["articles"].source_id))
    return tables[name].assign(source_id=tables[name].article_id.map(ids))


def test_ingest_flags_the_trade_story_only(raw, tmp_path):
    articles = run_all(raw, tmp_path / "out")["articles"].set_index("source_id")
    assert articles.is_trade.to_dict() == {"t1": True, "o1": False}
    assert articles.trade_relevance["t1"] >= 0.5 > articles.trade_relevance["o1"] >= 0


def test_under_scope_trade_other_articles_get_their_sentences_and_nothing_else(raw, tmp_path):
    everything = run_all(raw, tmp_path / "all", rules_scope="all")
    trade_only = run_all(raw, tmp_path / "trade", rules_scope="trade")
    mentions = {scope: set(by_source(tables, "mentions").source_id)
                for scope, tables in (("all", everything), ("trade", trade_only))}
    assert mentions == {"all": {"t1", "o1"}, "trade": {"t1"}}

    def sentences(tables):
        rows = by_source(tables, "sentences").drop(columns=["article_id", "run_id"])
        return rows.sort_values(["source_id", "sentence_index"]).reset_index(drop=True)

    pd.testing.assert_frame_equal(sentences(everything), sentences(trade_only))
    # The trade story's own rows do not depend on the scope.
    keep = ["kind", "text", "start_char", "end_char", "rule_id"]
    rows = [by_source(t, "mentions").query("source_id == 't1'")[keep].sort_values(keep).reset_index(drop=True)
            for t in (everything, trade_only)]
    pd.testing.assert_frame_equal(*rows)


def test_the_parser_reads_only_trade_stories(raw, tmp_path):
    tokens = by_source(run_all(raw, tmp_path / "out", rules_scope="all"), "tokens")
    assert set(tokens.source_id) == {"t1"}


def test_the_scope_comes_from_an_option_or_a_settings_file(tmp_path):
    assert Settings().rules_scope == "all"
    assert StageOptions(rules_scope="trade").settings().rules_scope == "trade"
    settings_file = tmp_path / "tradenews.toml"
    settings_file.write_text('rules_scope = "trade"\n', encoding="utf-8")
    assert StageOptions(settings_file=settings_file).settings().rules_scope == "trade"
    assert StageOptions(settings_file=settings_file, rules_scope="all").settings().rules_scope == "all"


@pytest.mark.parametrize("args", [["--rules-scope", "some"], ["--settings", "FILE"]])
def test_an_unknown_scope_is_a_usage_error(raw, tmp_path, args):
    settings_file = tmp_path / "tradenews.toml"
    settings_file.write_text('rules_scope = "some"\n', encoding="utf-8")
    args = [str(settings_file) if a == "FILE" else a for a in args]
    result = CliRunner().invoke(app, ["extract", "--out", str(tmp_path / "out"), *args])
    assert result.exit_code != 0 and "rules_scope must be one of all, trade" in result.output, result.output
