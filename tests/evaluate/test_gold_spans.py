"""The span form of a trade gold: packed from the text form, resolved back on loading, scored the same.

The corpus records are written here for the test in the news2025 shape (id,
publisher, title, published, body, url); no text of the corpus is used.
"""

import json

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate.command import evaluate, load_predictions, score_trade
from pipeline.evaluate.gold import GoldError, load_gold
from pipeline.evaluate.pack import PackError, pack_gold
from pipeline.evaluate.spans import SHA_KEY, SpanError, article_sha256, find_span, pack_line, resolve_line

RECORDS = [
    {"id": "harbor-desk-0001", "publisher": "desk", "title": "Ottawa answers with 25% duties",
     "published": "2025-02-03 10:15:00", "url": None,
     "body": "Canada said on Monday it would put 25% duties on U.S. steel. \"We will not back down,\" "
             "Finance Minister Dominic LeBlanc said."},
    {"id": "harbor-desk-0002", "publisher": "desk", "title": "Markets close higher",
     "published": "2025-02-04 16:00:00", "url": None, "body": "Stocks rose for a third day."},
]
EVENT = {"event_type": "tariff_imposed", "actor_iso3": "CAN", "target_iso3": ["USA"], "target_scope": "bilateral",
         "rate_value": 25, "event_date": "2025-02-03", "modality": "planned",
         "evidence_start": "Canada said on Monday it would"}
TEXT_LINE = {"corpus": "news2025", "source_id": RECORDS[0]["id"], "published_at": RECORDS[0]["published"],
             "countries": ["CAN", "USA"],
             "rates": [{"text": "25%", "value": 25, "unit": "percent", "rate_kind": "duty"}],
             "dates": [{"text": "Monday", "timex_type": "DATE", "value": "2025-02-03"}],
             "quotes": [{"start": "We will not back down", "speaker_name": "Dominic LeBlanc", "kind": "full"}],
             "events": [EVENT], "notes": "the annotator's words"}
EMPTY_LINE = {"corpus": "news2025", "source_id": RECORDS[1]["id"], "published_at": RECORDS[1]["published"],
              "events": []}
# A line of another corpus, written with its own spacing: it must come out byte for byte.
SEED_LINE = '{"corpus": "seed",   "source_id": "000_seed", "events": [{"event_type": "negotiation", ' \
            '"actor_iso3": "USA", "target_iso3": ["JPN"], "evidence_start": "Talks began"}]}'


@pytest.fixture
def shared(tmp_path):
    folder = tmp_path / "shared" / "corpus" / "news2025"
    folder.mkdir(parents=True)
    (folder / "news2025_en.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return tmp_path / "shared"


def write(path, *lines):
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines),
                    encoding="utf-8")
    return path


def test_a_text_is_found_in_the_title_first_then_in_the_body():
    assert find_span("25%", RECORDS[0]) == {"field": "title", "start": 20, "end": 23}
    assert find_span("Canada said", RECORDS[0]) == {"field": "body", "start": 0, "end": 11}
    assert find_span("Mexico", RECORDS[0]) is None


def test_a_packed_line_holds_no_text_and_resolves_to_the_original():
    packed, unfound = pack_line(TEXT_LINE, RECORDS[0])
    assert unfound == []
    assert packed["events"][0]["evidence_start"] == {"field": "body", "start": 0, "end": 30}
    assert packed["rates"][0]["text"]["field"] == "title"  # the title is looked in first
    assert "notes" not in packed and packed[SHA_KEY] == article_sha256(RECORDS[0])
    for phrase in ("Monday", "back down", "Canada said", "the annotator"):
        assert phrase not in json.dumps(packed)
    assert TEXT_LINE["events"][0]["evidence_start"] == "Canada said on Monday it would"  # the input is untouched
    resolved = resolve_line(packed, RECORDS[0])
    assert resolved == {key: value for key, value in TEXT_LINE.items() if key != "notes"}


def test_notes_are_kept_when_asked():
    line = {**TEXT_LINE, "events": [{**EVENT, "notes": "item note"}]}
    assert "notes" not in pack_line(line, RECORDS[0])[0]["events"][0]
    kept, _ = pack_line(line, RECORDS[0], keep_notes=True)
    assert kept["notes"] == "the annotator's words" and kept["events"][0]["notes"] == "item note"


@pytest.mark.parametrize("span, message", [
    ({"field": "body", "start": 10, "end": 999}, "outside the body"),
    ({"field": "body", "start": 5, "end": 5}, "outside the body"),
    ({"field": "headline", "start": 0, "end": 3}, "is not a span"),
])
def test_a_bad_span_names_the_source_id(span, message):
    line = {**EMPTY_LINE, "dates": [{"text": span, "timex_type": "DATE"}], SHA_KEY: article_sha256(RECORDS[1])}
    with pytest.raises(SpanError, match=f"harbor-desk-0002.*{message}"):
        resolve_line(line, RECORDS[1])


def test_pack_then_load_gives_the_text_form_and_other_corpora_pass_through(shared, tmp_path):
    source = write(tmp_path / "text.jsonl", TEXT_LINE, SEED_LINE, EMPTY_LINE)
    result = pack_gold(source, tmp_path / "packed.jsonl", shared=shared)
    assert result.packed == 2 and result.passed == {"seed": 1}
    lines = (tmp_path / "packed.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines[1] == SEED_LINE
    assert "back down" not in lines[0] and json.loads(lines[2])[SHA_KEY] == article_sha256(RECORDS[1])
    text_form = load_gold(write(tmp_path / "plain.jsonl", {k: v for k, v in TEXT_LINE.items() if k != "notes"},
                                SEED_LINE, EMPTY_LINE))
    assert load_gold(tmp_path / "packed.jsonl", shared=shared).records == text_form.records
    # packing a packed file changes nothing
    again = pack_gold(tmp_path / "packed.jsonl", tmp_path / "again.jsonl", shared=shared)
    assert again.packed == 0 and (tmp_path / "again.jsonl").read_text() == (tmp_path / "packed.jsonl").read_text()


def test_every_text_not_found_is_listed_and_nothing_is_written(shared, tmp_path):
    line = {**TEXT_LINE, "dates": [{"text": "Tuesday", "timex_type": "DATE", "value": "2025-02-04"}],
            "quotes": [{"start": "We shall not back down", "speaker_name": "Dominic LeBlanc", "kind": "full"}]}
    source = write(tmp_path / "text.jsonl", line, EMPTY_LINE)
    with pytest.raises(PackError) as raised:
        pack_gold(source, tmp_path / "packed.jsonl", shared=shared)
    assert [(u.source_id, u.where, u.text) for u in raised.value.unfound] == [
        ("harbor-desk-0001", "quotes[0].start", "We shall not back down"),
        ("harbor-desk-0001", "dates[0].text", "Tuesday")]
    assert not (tmp_path / "packed.jsonl").exists()


def test_the_gold_pack_command_writes_the_span_form_or_lists_what_it_cannot_find(shared, tmp_path):
    runner = CliRunner()
    source = write(tmp_path / "text.jsonl", TEXT_LINE, SEED_LINE)
    packed = tmp_path / "packed.jsonl"
    done = runner.invoke(app, ["gold-pack", str(source), str(packed), "--shared", str(shared)])
    assert done.exit_code == 0 and "1 lines packed; unchanged: 1 seed" in done.output
    assert "back down" not in packed.read_text(encoding="utf-8")
    missing = write(tmp_path / "missing.jsonl", {**EMPTY_LINE, "dates": [{"text": "Tuesday", "timex_type": "DATE"}]})
    failed = runner.invoke(app, ["gold-pack", str(missing), str(tmp_path / "not.jsonl"), "--shared", str(shared)])
    assert failed.exit_code == 1 and "not found: harbor-desk-0002 dates[0].text: 'Tuesday'" in failed.output
    assert not (tmp_path / "not.jsonl").exists()


def test_packing_an_article_missing_from_the_corpus_names_it(shared, tmp_path):
    source = write(tmp_path / "text.jsonl", {**EMPTY_LINE, "source_id": "harbor-desk-0404"})
    with pytest.raises(PackError, match="harbor-desk-0404"):
        pack_gold(source, tmp_path / "packed.jsonl", shared=shared)


def test_a_changed_corpus_record_or_a_missing_one_is_a_clear_error(shared, tmp_path):
    packed = pack_gold(write(tmp_path / "text.jsonl", TEXT_LINE), tmp_path / "packed.jsonl", shared=shared).path
    corpus = shared / "corpus" / "news2025" / "news2025_en.jsonl"
    changed = {**RECORDS[0], "body": RECORDS[0]["body"].replace("Monday", "Sunday")}
    corpus.write_text(json.dumps(changed) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match="line 1: source_id 'harbor-desk-0001': the news2025 record changed"):
        load_gold(packed, shared=shared)
    corpus.write_text(json.dumps(RECORDS[1]) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match="'harbor-desk-0001' is not in the news2025 corpus"):
        load_gold(packed, shared=shared)


def test_spans_of_a_corpus_without_a_span_form_are_refused(tmp_path):
    line = {"corpus": "whitehouse", "source_id": "wh-1", SHA_KEY: "0" * 64,
            "dates": [{"text": {"field": "body", "start": 0, "end": 4}}]}
    with pytest.raises(GoldError, match="'whitehouse' has no span form"):
        load_gold(write(tmp_path / "gold.jsonl", line), shared=tmp_path)


def test_evaluate_scores_the_packed_gold_as_the_text_form(shared, tmp_path):
    """The whole command on the packed file; its scores equal the text form's on the same tables."""
    text = write(tmp_path / "text.jsonl", TEXT_LINE, EMPTY_LINE)
    packed = pack_gold(text, tmp_path / "packed.jsonl", shared=shared).path
    result = evaluate(packed, out=tmp_path / "out", shared=shared)
    assert result.sections[0].counts.tp == 2  # both articles ingested under their ids
    text_gold = load_gold(text)
    ready = {section.name: None for section in result.sections}
    expected = score_trade(text_gold, load_predictions(tmp_path / "out", text_gold.keys), ready)
    assert [s.as_dict() for s in result.sections] == [s.as_dict() for s in expected]
    scored = {s.name: s for s in result.sections}
    assert scored["quotes"].counts.tp + scored["dates"].counts.tp + scored["events"].counts.tp > 0


def test_the_evaluate_command_reads_the_shared_folder_it_is_given(shared, tmp_path):
    packed = pack_gold(write(tmp_path / "text.jsonl", TEXT_LINE), tmp_path / "packed.jsonl", shared=shared).path
    runner = CliRunner()
    done = runner.invoke(app, ["evaluate", "--gold", str(packed), "--out", str(tmp_path / "out"),
                               "--shared", str(shared)])
    assert done.exit_code == 0, done.output
    assert json.loads((tmp_path / "out" / "evaluation.json").read_text(encoding="utf-8"))["sections"]
    elsewhere = runner.invoke(app, ["evaluate", "--gold", str(packed), "--out", str(tmp_path / "out2"),
                                    "--shared", str(tmp_path / "nowhere")])
    assert elsewhere.exit_code == 1 and "corpus cannot be read" in elsewhere.output
