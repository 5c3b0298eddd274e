"""The evaluate and bench commands end to end, asserting structure rather than today's scores.

Stages that are not built yet report "not built"; once they land the same
assertions hold with real figures.
"""

import json

import pytest
from typer.testing import CliRunner

from pipeline.bench.command import BASELINE_RUNS, baseline_figure, count_words
from pipeline.bench.inputs import limit_raw, repeat_raw
from pipeline.bench.memory import Memory, batch_memory, memory_now, tenths
from pipeline import io
from pipeline.cli import app
from pipeline.evaluate.locate import SGML_DOCTYPE
from pipeline.evaluate.command import MEANTIME_SECTIONS, TRADE_SECTIONS, evaluate

FIGURES = ("precision", "recall", "f1")


def assert_section_shape(name, section):
    assert section["status"] in ("scored", "not built"), f"{name}: {section}"
    if section["status"] == "not built":
        assert section["message"]
        return
    for figure in FIGURES:
        value = section[figure]
        assert value is None or 0.0 <= value <= 1.0, f"{name}.{figure} = {value}"
    assert section["tp"] >= 0 and section["fn"] >= 0 and (section["fp"] is None or section["fp"] >= 0)
    for accuracy in section["accuracy"].values():
        assert accuracy["value"] is None or 0.0 <= accuracy["value"] <= 1.0
        assert 0 <= accuracy["correct"] <= accuracy["total"]


def test_evaluate_trade_gold_cli(shared, tmp_path):
    report = tmp_path / "evaluation.json"
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(shared / "gold" / "trade-dev.jsonl"),
                                      "--out", str(tmp_path / "out"), "--report", str(report), "--verbose"])
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["format"] == "trade" and data["gold_articles"] == 13
    assert list(data["sections"]) == list(TRADE_SECTIONS)
    for name, section in data["sections"].items():
        assert_section_shape(name, section)
        assert name in result.output
    articles = data["sections"]["articles"]
    assert articles["status"] == "scored" and articles["tp"] + articles["fn"] == 13
    assert data["stages"]["ingest"] == "ok"
    # Every stage that ran is scored: "not built" only follows a stage that is not built.
    for name, (stage, _) in TRADE_SECTIONS.items():
        if data["sections"][name]["status"] == "not built" and data["stages"][stage] == "ok":
            assert "no normalizer writes" in data["sections"][name]["message"]
    assert "per article" in result.output


def test_evaluate_meantime_gold(shared, tmp_path):
    evaluation = evaluate(shared / "gold" / "meantime-dev.jsonl", out=tmp_path / "out")
    data = evaluation.as_dict()
    assert data["format"] == "meantime" and data["gold_articles"] == 60
    assert list(data["sections"]) == list(MEANTIME_SECTIONS)
    for name, section in data["sections"].items():
        assert_section_shape(name, section)
    assert data["sections"]["articles"]["tp"] == 60


def test_evaluate_refuses_an_unreadable_gold_file(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": 1}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(gold), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "--format" in result.output


def test_limit_raw_keeps_the_first_articles(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.sgm").write_bytes(b"".join(b'<REUTERS NEWID="%d">\n<TEXT>x</TEXT>\n</REUTERS>\n' % i
                                         for i in range(1, 4)))
    (raw / "b.jsonl").write_text("".join(json.dumps({"id": i, "text": "t"}) + "\n" for i in range(5)))
    (raw / "c.txt").write_text("Headline\n\nBody\n")
    limited = limit_raw(raw, 5, tmp_path / "limited")
    assert (limited / "a.sgm").read_bytes().count(b"<REUTERS ") == 3
    assert len((limited / "b.jsonl").read_text().splitlines()) == 2
    assert not (limited / "c.txt").exists()


def test_repeat_raw_multiplies_articles_under_new_ids(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.sgm").write_bytes(SGML_DOCTYPE + b"".join(
        b'<REUTERS NEWID="%d">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT><BODY>Story %d.</BODY></TEXT>\n'
        b'</REUTERS>\n' % (i, i) for i in range(1, 4)))
    (raw / "b.jsonl").write_text("".join(json.dumps({"id": i, "text": f"Record {i}.", "published_at": "2025-05-02"})
                                         + "\n" for i in range(2)))
    repeated = repeat_raw(raw, 3, tmp_path / "repeated")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["ingest", "--raw", str(repeated), "--out", str(out)])
    assert result.exit_code == 0, result.output
    articles = io.read(out, "articles", columns=["article_id", "text"]).to_pylist()
    assert len(articles) == 3 * 5 == len({a["article_id"] for a in articles})
    assert sorted({a["text"] for a in articles}) == sorted(["Story 1.", "Story 2.", "Story 3.", "Record 0.",
                                                           "Record 1."])


def test_repeat_raw_refuses_inputs_without_ids(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "c.txt").write_text("Headline\n\nBody\n")
    with pytest.raises(ValueError, match="c.txt"):
        repeat_raw(raw, 2, tmp_path / "repeated")
    assert not (tmp_path / "repeated").exists()


@pytest.mark.parametrize("peaks, expected", [([], []), ([5.0], [5.0]), ([1.0, 9.0, 2.0], [1.0, 9.0, 2.0]),
                                             ([float(i) for i in range(1, 31)], [3.0 * k for k in range(1, 11)]),
                                             ([4.0] * 25, [4.0] * 10)])
def test_tenths_take_the_largest_of_each_tenth(peaks, expected):
    assert tenths(peaks) == expected


def test_batch_memory_leaves_out_batches_without_a_reading():
    probes = [(Memory(100.0, 80.0), Memory(50.0, 40.0)),
              (None, Memory(52.0, 41.0)),  # the batch failed as a whole: no reading where it ran
              (Memory(120.0, None), Memory(53.0, None))]  # no /proc: no resident figures
    assert batch_memory(probes) == {"batch_peak_by_tenth_mb": [100.0, 120.0], "batch_rss_by_tenth_mb": [80.0],
                                    "caller_rss_by_tenth_mb": [40.0, 41.0]}


def test_memory_now_reads_this_process():
    reading = memory_now()
    assert reading.peak_mb > 10
    assert reading.resident_mb is None or 0 < reading.resident_mb <= reading.peak_mb + 1


@pytest.mark.parametrize("texts, words", [(["a b  c", "d\ne"], 5), ([], 0), ([""], 0)])
def test_count_words(texts, words):
    assert count_words(texts) == words


def test_the_baseline_is_the_median_run_and_keeps_every_run():
    runs = [{"status": "ok", "seconds": s, "peak_rss_mb": mb, "message": None}
            for s, mb in ((29.0, 190.0), (23.0, 180.0), (25.0, 185.0))]
    figure = baseline_figure(runs, articles=10, words=100)
    assert figure.status == "ok" and figure.seconds == 25.0 and figure.peak_rss_mb == 185.0
    assert figure.run_seconds == [29.0, 23.0, 25.0]
    assert figure.message == "median of 3 runs: 29.00, 23.00, 25.00 s"


def test_a_failed_baseline_run_fails_the_baseline():
    runs = [{"status": "ok", "seconds": 20.0, "peak_rss_mb": 180.0, "message": None},
            {"status": "failed", "seconds": None, "peak_rss_mb": None, "message": "child exited 1: boom"}]
    figure = baseline_figure(runs, articles=10, words=100)
    assert figure.status == "failed" and figure.seconds is None and figure.message == "child exited 1: boom"


def test_bench_limit_50_prints_every_figure(shared, tmp_path):
    report = tmp_path / "bench.json"
    result = CliRunner().invoke(app, ["bench", "--limit", "50", "--report", str(report)], terminal_width=160)
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    assert 0 < data["articles"] <= 50 and data["words"] > 0
    assert [f["name"] for f in data["stages"]] == ["ingest", "extract", "normalize", "events"]
    assert data["stages"][0]["status"] == "ok"
    for figure in [*data["stages"], data["baseline"]]:
        assert figure["status"] in ("ok", "not built", "not run"), figure
        assert figure["name"] in result.output
        if figure["status"] == "ok":
            assert figure["seconds"] > 0 and figure["articles_per_second"] > 0 and figure["words_per_second"] > 0
            assert figure["peak_rss_mb"] > 10
        else:
            assert figure["seconds"] is None and figure["message"]
    if data["baseline"]["status"] == "ok":
        assert len(data["baseline"]["run_seconds"]) == BASELINE_RUNS
        assert data["baseline"]["seconds"] == sorted(data["baseline"]["run_seconds"])[BASELINE_RUNS // 2]
        assert f"median of {BASELINE_RUNS} runs" in result.output
    for header in ("art/s", "words/s", "peak MB", "× base"):
        assert header in result.output
    extract = data["stages"][1]
    if extract["status"] == "ok":  # one batch of 50 articles: one figure
        assert len(extract["batch_peak_by_tenth_mb"]) == 1 and extract["batch_peak_by_tenth_mb"][0] > 10
        assert len(extract["batch_rss_by_tenth_mb"]) == 1
        # resident (/proc) and high-water (getrusage) are counted a little differently
        assert 10 < extract["batch_rss_by_tenth_mb"][0] <= 1.05 * extract["batch_peak_by_tenth_mb"][0]
        assert "memory held by the batch processes after their batches" in result.output
        # the stage's own process is the batch process here (local executor): the same figure, printed once
        assert len(extract["caller_rss_by_tenth_mb"]) == 1 and extract["caller_rss_by_tenth_mb"][0] > 10
        assert "the stage's own process" not in result.output
    if data["rule_pipeline"]:
        assert data["rule_pipeline"]["times_baseline"] > 0
        assert "bare tokenization" in result.output
    if extract["status"] == "ok":  # the spaCy pipeline alone is timed beside the stage
        alone = data["spacy_pipeline"]
        assert alone["status"] == "ok" and alone["seconds"] > 0 and alone["times_baseline"] > 0
        assert "spaCy rule pipeline alone" in result.output
        # the parser alone is timed over exactly the sentences extract parsed, and the share is printed
        parsing = data["parsing"]
        assert 0 <= parsing["sentences_parsed"] <= parsing["sentences"]
        assert 0 <= parsing["articles_parsed"] <= parsing["articles"] <= data["articles"]
        assert f"{parsing['sentences_parsed']:,} of {parsing['sentences']:,} sentences" in result.output
        assert data["parser"]["status"] == "ok" and data["parser"]["articles"] == parsing["articles_parsed"]
        assert "of extract's time" in result.output
