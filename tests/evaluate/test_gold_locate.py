"""Loading gold files and writing exactly the gold articles' inputs."""

import json

import pytest

from pipeline.evaluate.gold import GoldError, GoldSet, MeantimeDoc, infer_format, load_gold
from pipeline.evaluate.locate import REUTERS_ELEMENT, LocateError, reuters_elements, write_inputs
from tests.readers.helpers import articles_of, read_path

TRADE_LINE = {"corpus": "seed", "source_id": "s1", "published_at": "2025-05-02", "countries": ["JPN"],
              "officials": [{"name": "Ryosei Akazawa", "title": "negotiator", "country_iso3": "JPN"}],
              "rates": [{"text": "24%", "value": 24, "unit": "percent", "rate_kind": "tariff"}],
              "dates": [{"text": "Thursday", "timex_type": "DATE", "value": "2025-05-01"}],
              "quotes": [{"start": "A deal", "speaker_name": "Ryosei Akazawa", "kind": "full"}],
              "events": [{"event_type": "negotiation", "actor_iso3": "JPN", "target_iso3": ["USA"],
                          "target_scope": "bilateral", "rate_value": None, "event_date": None,
                          "modality": "asserted", "evidence_start": "x"}]}


@pytest.mark.parametrize("record, expected", [
    (TRADE_LINE, "trade"),
    ({"doc_id": "1", "timexes": [], "text": ""}, "meantime"),
])
def test_infer_format(record, expected):
    assert infer_format(record) == expected


def test_infer_format_refuses_unknown_records():
    with pytest.raises(GoldError, match="--format"):
        infer_format({"id": "1", "text": "x"})


def test_load_trade_gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(TRADE_LINE) + "\n\n", encoding="utf-8")
    gold = load_gold(path)
    assert gold.format == "trade" and gold.keys == ["s1"]
    article = gold.records[0]
    assert article.rates[0].value == 24.0 and article.events[0].target_iso3 == ("USA",)


@pytest.mark.parametrize("content, message", [
    ("{not json\n", "line 1"),
    (json.dumps({"corpus": "seed"}) + "\n", "line 1"),
    ("\n", "no records"),
])
def test_load_gold_errors_name_the_line(tmp_path, content, message):
    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError, match=message):
        load_gold(path, "trade" if "corpus" in content else None)


def test_load_gold_refuses_unknown_format(tmp_path):
    with pytest.raises(GoldError, match="'xml'"):
        load_gold(tmp_path / "missing.jsonl", "xml")


def test_reuters_elements_take_only_the_wanted_newids():
    data = (b'<!DOCTYPE lewis SYSTEM "lewis.dtd">\n'
            b'<REUTERS TOPICS="NO" NEWID="1">\n<TEXT>one \xfc</TEXT>\n</REUTERS>\n'
            b'<REUTERS TOPICS="YES" OLDID="9" NEWID="12">\n<TEXT>two</TEXT>\n</REUTERS>\n')
    found = reuters_elements(data, {"12", "99"})
    assert list(found) == ["12"]
    assert found["12"].startswith(b"<REUTERS") and found["12"].endswith(b"</REUTERS>")


def test_unknown_corpus_is_refused(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({**TRADE_LINE, "corpus": "bloomberg"}) + "\n", encoding="utf-8")
    with pytest.raises(LocateError, match="bloomberg"):
        write_inputs(load_gold(path), tmp_path / "raw", shared=tmp_path)


def test_trade_dev_inputs_are_exactly_the_13_gold_articles(shared, tmp_path):
    gold = load_gold(shared / "gold" / "trade-dev.jsonl")
    written = write_inputs(gold, tmp_path, shared=shared)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["000_fdaf5c86bb7df86d.meta.json", "000_fdaf5c86bb7df86d.txt", "reut2-gold.sgm",
                     "whitehouse-gold.jsonl"]
    sgml = (tmp_path / "reut2-gold.sgm").read_bytes()
    newids = sorted(int(m.group(1)) for m in REUTERS_ELEMENT.finditer(sgml))
    lines = [json.loads(line) for line in (tmp_path / "whitehouse-gold.jsonl").read_text().splitlines()]
    seeds = [p for p in written if p.suffix == ".txt"]
    assert len(newids) + len(lines) + len(seeds) == 13
    expected = {(a.corpus, a.source_id) for a in gold.records}
    found = ({("reuters21578", str(i)) for i in newids} | {("whitehouse", r["id"]) for r in lines}
             | {("seed", p.stem) for p in seeds})
    assert found == expected


def test_meantime_inputs_are_one_line_per_document(shared, tmp_path):
    gold = load_gold(shared / "gold" / "meantime-dev.jsonl")
    (path,) = write_inputs(gold, tmp_path)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == gold.keys
    assert all(not r["text"].startswith(r["title"]) for r in records)
    assert all(len(r["date"]) == 10 and r["date"][4] == "-" for r in records)


def test_meantime_inputs_keep_backtick_quotation_marks(tmp_path):
    # MEANTIME opens quotations with two backticks; read as Markdown they would start a code span.
    doc = MeantimeDoc(doc_id="9", title="Talks end", dct="2007-03-01", url=None,
                      text="Talks end\n`` We are done , '' he said . `` Talks failed , '' she said .",
                      timexes=(), entities=(), values=(), speech_events=())
    (path,) = write_inputs(GoldSet(path=tmp_path / "g.jsonl", format="meantime", records=(doc,)), tmp_path)
    (article,) = articles_of(read_path(path))
    assert article.body.count("``") == 2 and "We are done" in article.body
