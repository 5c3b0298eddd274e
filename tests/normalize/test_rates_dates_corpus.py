"""Rates and dates on real copy: well-formed rows over Reuters-21578, and the trade gold's figures."""

import json
import re
from collections import Counter
from itertools import islice
from pathlib import Path

import pytest

from pipeline.articles import assemble
from pipeline.config import MODELS_DIR, make_settings
from pipeline.nlp.build import build_nlp
from pipeline.nlp.mentions import doc_rows
from pipeline.normalize.dates import load_dates, normalize_dates
from pipeline.normalize.money import normalize_money
from pipeline.normalize.rates import TRADE_KINDS, load_rates, normalize_rates
from pipeline.readers import read_file
from pipeline.schemas import conform
from pipeline.views import ArticleView, Mention, Sentence
from tests.conftest import needs_shared

TIMEX = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2}(?:-WE)?|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?|FY\d{4}|PT?\d+(?:\.\d+)?[DWMQYH]")


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(MODELS_DIR, ("trade_sentences_v1", "trade_rates_v1", "trade_dates_v1"))


def normalized(raw, nlp):
    """``{table: rows}`` of the rates, money and dates normalizers for one raw article."""
    row = assemble(raw, "run")
    mention_rows, sentence_rows = doc_rows(nlp(row["text"]), row["article_id"], row["published_month"])
    view = ArticleView(row["article_id"], row["text"], row["body_start"], row["headline"], row["dateline"],
                       row["published_at"])
    mentions = sorted((Mention(m["mention_id"], m["kind"], m["text"], m["start_char"], m["end_char"],
                               m["sentence_index"], m["rule_id"], m["label"]) for m in mention_rows),
                      key=lambda m: (m.start, m.end, m.kind))
    sentences = [Sentence(s["sentence_index"], s["start_char"], s["end_char"], s["paragraph_index"])
                 for s in sentence_rows]
    return row, {
        "rates": normalize_rates(view, mentions, sentences, {}, load_rates(MODELS_DIR)),
        "money": normalize_money(view, mentions, sentences, {}, None),
        "dates": normalize_dates(view, mentions, sentences, {}, load_dates(MODELS_DIR)),
    }


def overlap(gold_text: str, found_text: str) -> bool:
    """One text holds the other (the gold's "Today’s" and the span "Today")."""
    gold_text, found_text = gold_text.lower(), found_text.lower()
    return gold_text in found_text or found_text in gold_text


@pytest.mark.slow
def test_reuters_rows_are_well_formed(nlp):
    """300 wire stories: rows fit their schemas, values are TIMEX3, no date overlaps a rate or an amount."""
    path = needs_shared("corpus", "reuters21578", "reut2-000.sgm")
    articles = [item for item in read_file(path, path.name, make_settings()) if hasattr(item, "body")]
    counts: Counter[str] = Counter()
    for raw in islice(articles, 300):
        _, tables = normalized(raw, nlp)
        for table, rows in tables.items():
            counts[table] += len(rows)
            conform(table, [{**r, "run_id": "r", "published_month": "1987-03"} for r in rows])
        taken = [(r["start_char"], r["end_char"]) for r in tables["rates"] + tables["money"]]
        for row in tables["dates"]:
            assert not any(row["start_char"] < end and start < row["end_char"] for start, end in taken), row
            assert row["value"] is None or TIMEX.fullmatch(row["value"]), row
            assert row["resolved"] == (row["value"] is not None), row
    assert counts["dates"] > 500 and counts["rates"] > 100 and counts["money"] > 100


@pytest.mark.slow
def test_trade_gold_rates_and_dates(nlp):
    """On the trade gold: tariff-rate F1 (values among tariff/duty/tax/levy rows) and date value-F1
    (overlapping text and equal value, dateline left out) stay at least 0.93 and 0.85."""
    gold_path = needs_shared("gold", "trade-dev.jsonl")
    gold = {g["source_id"]: g for g in map(json.loads, gold_path.read_text(encoding="utf-8").splitlines())}
    corpus = needs_shared("corpus")
    files = [corpus / "reuters21578" / "reut2-{:03d}.sgm".format(n) for n in range(22)]
    files += [corpus / "whitehouse" / "whitehouse_trade.jsonl", needs_shared("seeds") / "000_fdaf5c86bb7df86d.txt"]
    rate_counts, date_counts = Counter(), Counter()
    seen = set()
    for path in files:
        for item in read_file(Path(path), Path(path).name, make_settings()):
            key = getattr(item, "source_id", None)
            if key not in gold or key in seen:
                continue
            seen.add(key)
            row, tables = normalized(item, nlp)
            expected = Counter(float(r["value"]) for r in gold[key]["rates"])
            found = Counter(r["value"] for r in tables["rates"] if r["rate_kind"] in TRADE_KINDS)
            rate_counts.update(tp=sum((expected & found).values()), fp=sum((found - expected).values()),
                               fn=sum((expected - found).values()))
            body = [r for r in tables["dates"] if r["start_char"] >= row["body_start"] or not row["dateline"]]
            unmatched = list(body)
            for date in gold[key]["dates"]:
                match = next((r for r in unmatched if r["value"] == date["value"] and overlap(date["text"], r["text"])),
                             None)
                if match:
                    unmatched.remove(match)
                    date_counts["tp"] += 1
                else:
                    date_counts["fn"] += 1
            date_counts["fp"] += len(unmatched)
    assert seen == set(gold)

    def f1(c):
        return 2 * c["tp"] / (2 * c["tp"] + c["fp"] + c["fn"])
    assert f1(rate_counts) >= 0.93, rate_counts
    assert f1(date_counts) >= 0.85, date_counts
