"""A news2025 gold file: its inputs located verbatim, only the sections it holds scored, per-field precision.

The records here are written for the test in the corpus's shape (id, publisher,
title, published, body); no text of the corpus is used.
"""

import json

import pytest

from pipeline.evaluate.command import Predictions, score_trade
from pipeline.evaluate.event_fields import field_precision
from pipeline.evaluate.gold import GoldEvent, load_gold
from pipeline.evaluate.locate import write_inputs
from pipeline.evaluate.match import NOT_IN_GOLD, SCORED
from pipeline.evaluate.trade import event_matches

RECORDS = [
    {"id": "bulwark-wire-0001", "publisher": "wire", "title": "Ottawa answers with duties",
     "published": "2025-02-03 10:15:00", "body": "Canada said on Monday it would put duties on U.S. steel."},
    {"id": "bulwark-wire-0002", "publisher": "wire", "title": "Markets close higher",
     "published": "2025-02-04 16:00:00", "body": "Stocks rose for a third day."},
    {"id": "bulwark-wire-0003", "publisher": "wire", "title": "Talks in Brussels",
     "published": "2025-02-05 08:00:00", "body": "The EU and Japan held trade talks."},
]


def gold_line(record, **sections):
    return json.dumps({"corpus": "news2025", "source_id": record["id"], "published_at": record["published"],
                       **sections})


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "shared" / "corpus" / "news2025"
    folder.mkdir(parents=True)
    lines = [json.dumps(r, ensure_ascii=False) for r in RECORDS]
    (folder / "news2025_en.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path / "shared", lines


def test_news2025_lines_are_copied_verbatim_and_only_those(corpus, tmp_path):
    shared, lines = corpus
    path = tmp_path / "gold.jsonl"
    path.write_text(gold_line(RECORDS[2], events=[]) + "\n" + gold_line(RECORDS[0], events=[]) + "\n")
    written = write_inputs(load_gold(path), tmp_path / "raw", shared=shared)
    assert [p.name for p in written] == ["news2025-gold.jsonl"]
    copied = written[0].read_text(encoding="utf-8").splitlines()
    assert copied == [lines[2], lines[0]]  # gold order, byte for byte


def test_a_missing_news2025_record_is_named(corpus, tmp_path):
    shared, _ = corpus
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"corpus": "news2025", "source_id": "bulwark-wire-9999", "events": []}) + "\n")
    with pytest.raises(FileNotFoundError, match="bulwark-wire-9999"):
        write_inputs(load_gold(path), tmp_path / "raw", shared=shared)


def test_absent_sections_are_not_scored_and_an_empty_list_is(tmp_path):
    path = tmp_path / "gold.jsonl"
    event = {"event_type": "tariff_imposed", "actor_iso3": "CAN", "target_iso3": ["USA"], "target_scope": "bilateral",
             "rate_value": None, "event_date": "2025-02-03", "modality": "planned",
             "evidence_start": "Canada said on Monday"}
    path.write_text(gold_line(RECORDS[0], events=[event]) + "\n" + gold_line(RECORDS[1], events=[]) + "\n")
    gold = load_gold(path)
    assert gold.records[0].annotates("events") and not gold.records[0].annotates("countries")
    spurious = {"article_ids": ["x"], "event_type": "negotiation", "actor_iso3": "USA", "target_iso3": ["CHN"],
                "target_scope": "bilateral", "evidence": "Stocks rose for a third day."}
    right = {"event_type": "tariff_imposed", "actor_iso3": "CAN", "target_iso3": ["USA"], "target_scope": "bilateral",
             "rate_value": None, "event_date": "2025-02-03", "modality": "planned",
             "evidence": "Canada said on Monday it would put duties on U.S. steel."}
    predicted = Predictions(tables={"articles": {}, "events": {RECORDS[0]["id"]: [right],
                                                               RECORDS[1]["id"]: [spurious]},
                                    "countries": {RECORDS[0]["id"]: [{"iso3": "CAN", "is_dateline": False}]}})
    sections = {s.name: s for s in score_trade(gold, predicted, {name: None for name in (
        "articles", "countries", "officials", "rates", "dates", "quotes", "events")})}
    assert sections["countries"].status == NOT_IN_GOLD and sections["quotes"].status == NOT_IN_GOLD
    events = sections["events"]
    assert events.status == SCORED
    # the empty list of the second record is scored: its row is a false positive
    assert (events.counts.tp, events.counts.fp, events.counts.fn) == (1, 1, 0)
    assert events.accuracies["fully_right"].correct == 1 and events.accuracies["fully_right"].total == 2


def gold_event(event_type="tariff_imposed", actor="USA", targets=("CHN",), rate=None, date=None,
               modality="asserted", evidence="The United States raised tariffs"):
    return GoldEvent(event_type, actor, tuple(targets), "bilateral", rate, date, modality, evidence)


def row(event_type="tariff_imposed", actor="USA", targets=("CHN",), rate=None, date=None, modality="asserted",
        evidence="The United States raised tariffs on Chinese goods."):
    return {"event_type": event_type, "actor_iso3": actor, "target_iso3": list(targets), "target_scope": "bilateral",
            "rate_value": rate, "event_date": date, "modality": modality, "evidence": evidence}


def precision(expected, found):
    pairs = [(g, p) for g, p in zip(range(len(expected)), range(len(found)), strict=False)
             if event_matches(expected[g], found[p])]
    out = field_precision(expected, found, pairs)
    return {name: (acc.correct, acc.total) for name, acc in out.items()}


def test_a_row_with_the_wrong_actor_still_counts_its_right_type_through_the_evidence():
    figures = precision([gold_event(rate=25, date="2025-02-01")],
                        [row(actor="CAN", rate=25, date="2025-02-01")])
    assert figures["precision_actor"] == (0, 1)
    assert figures["precision_type"] == (1, 1) and figures["precision_rate"] == (1, 1)
    assert figures["precision_date"] == (1, 1) and figures["fully_right"] == (0, 1)


def test_a_row_of_another_sentence_is_wrong_in_every_field():
    figures = precision([gold_event()], [row(evidence="Stocks rose.", actor="JPN")])
    assert all(correct == 0 for correct, _ in figures.values())


def test_a_fully_right_row_and_a_wrong_date():
    figures = precision([gold_event(date="2025-02-01"), gold_event(event_type="demand", targets=("JPN",))],
                        [row(date="2025-02-01"), row(event_type="demand", targets=("JPN",), date="1974")])
    assert figures["fully_right"] == (1, 2) and figures["precision_date"] == (1, 2)
    assert figures["precision_target"] == (2, 2)


def test_evaluate_scores_a_news2025_events_only_gold_end_to_end(corpus, tmp_path):
    """The whole command: lines located, stages run, only the events section scored."""
    from pipeline.evaluate.command import evaluate

    shared, _ = corpus
    event = {"event_type": "tariff_imposed", "actor_iso3": "CAN", "target_iso3": ["USA"],
             "target_scope": "bilateral", "rate_value": None, "event_date": None, "modality": "planned",
             "evidence_start": "Canada said on Monday"}
    path = tmp_path / "gold.jsonl"
    path.write_text(gold_line(RECORDS[0], events=[event]) + "\n" + gold_line(RECORDS[1], events=[]) + "\n")
    result = evaluate(path, out=tmp_path / "out", shared=shared)
    sections = {s.name: s for s in result.sections}
    assert sections["articles"].counts.tp == 2  # both records ingested under their ids
    assert sections["articles"].accuracies["published_at"].correct == 2  # gold published_at = `published`
    assert {name for name, s in sections.items() if s.status == NOT_IN_GOLD} == {
        "countries", "officials", "rates", "dates", "quotes"}
    events = sections["events"]
    assert events.status == SCORED and (events.counts.tp, events.counts.fn) == (1, 0)
    assert events.accuracies["precision_actor"].correct == events.accuracies["precision_actor"].total == 1
    assert set(events.accuracies) >= {"precision_actor", "precision_target", "precision_type", "precision_rate",
                                      "precision_date", "precision_modality", "fully_right"}
