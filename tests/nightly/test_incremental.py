"""Incremental runs: each night processes only what is new or changed, and nothing lingers.

Two small stages built on `run_stage` stand in for extract and normalize, so the rules are
files under a temporary models folder the tests can edit: ``words`` finds listed words
(→ ``mentions``), ``counts`` (downstream of words) keeps articles with enough of them
(→ ``sentences``).
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import shutil
from collections.abc import Mapping
from datetime import date

import pandas as pd
import pyarrow as pa
import pytest

from pipeline.articles import short_hash
from pipeline.config import MODELS_DIR, Settings, make_settings
from pipeline.runner import run_stages
from pipeline.stages.run import run_stage
from pipeline.stages.spec import BatchResult, StageSpec, ledger_name, rules_version
from pipeline.stages.ingest import ingest

WORDS = StageSpec(name="words", reads=("articles",), writes=("mentions",), code=(), rules=("words",))
COUNTS = StageSpec(name="counts", reads=("articles", "mentions"), writes=("sentences",), code=(),
                   rules=("counts",), upstream="words")
REGISTRY = {"words": WORDS, "counts": COUNTS}
PRODUCERS = {"articles": "ingest", "mentions": "words"}


def words_batch(inputs: Mapping[str, pa.Table], settings: Settings) -> BatchResult:
    """A mention for every listed word; an article saying BOOM fails."""
    words = (settings.models_dir / "words" / "list.txt").read_text(encoding="utf-8").split()
    result = BatchResult(rows={"mentions": []})
    for article in inputs["articles"].to_pylist():
        if "BOOM" in article["text"]:
            result.failures[article["article_id"]] = "words failed: the article says BOOM"
            continue
        for word in words:
            for match in re.finditer(rf"\b{re.escape(word)}\b", article["text"]):
                result.rows["mentions"].append({
                    "article_id": article["article_id"], "kind": "organization", "text": word,
                    "mention_id": short_hash(article["article_id"], str(match.start())),
                    "start_char": match.start(), "end_char": match.end(), "sentence_index": 0,
                    "rule_id": f"words:{word}", "label": None, "published_month": article["published_month"]})
    return result


def counts_batch(inputs: Mapping[str, pa.Table], settings: Settings) -> BatchResult:
    """One row per article with at least ``counts/min.txt`` mentions."""
    minimum = int((settings.models_dir / "counts" / "min.txt").read_text(encoding="utf-8"))
    found = inputs["mentions"].column("article_id").to_pylist()
    rows = [{"article_id": a["article_id"], "sentence_index": found.count(a["article_id"]), "start_char": 0,
             "end_char": 1, "paragraph_index": minimum, "parsed": False, "published_month": a["published_month"]}
            for a in inputs["articles"].to_pylist() if found.count(a["article_id"]) >= minimum]
    return BatchResult(rows={"sentences": rows})


def _stage(spec: StageSpec, function):
    def stage(settings: Settings, *, run_id: str):
        return run_stage(spec, function, settings, run_id=run_id, registry=REGISTRY, producers=PRODUCERS)
    return stage


STAGES = [("ingest", ingest), ("words", _stage(WORDS, words_batch)), ("counts", _stage(COUNTS, counts_batch))]


@pytest.fixture
def world(tmp_path, nightly):
    """A raw folder of 16 stories over four months, a models folder, and a runner."""
    raw, models = tmp_path / "raw", tmp_path / "models"
    nightly.write_batch(raw / "one", 16, seed=11, months=("2025-01", "2025-02", "2025-03", "2025-04"), prefix="s")
    (models / "words").mkdir(parents=True)
    (models / "counts").mkdir()
    (models / "words" / "list.txt").write_text("tariff tariffs imports\n", encoding="utf-8")
    (models / "counts" / "min.txt").write_text("2\n", encoding="utf-8")
    shutil.copytree(MODELS_DIR / "wire", models / "wire")  # ingest's rules (wire copy)
    shutil.copytree(MODELS_DIR / "relevance", models / "relevance")  # ingest's trade-story flag

    def run(**options):
        settings = make_settings(raw=raw, out=tmp_path / "out", models_dir=models, batch_size=5,
                                 show_progress=False, **options)
        return run_stages(settings, STAGES)

    return raw, models, tmp_path / "out", run


def counts(summary) -> dict[str, tuple[int, int]]:
    """``stage -> (rows_in, skipped)`` of a run."""
    return {r.stage: (r.rows_in, r.skipped) for r in summary.reports}


def test_a_second_run_processes_nothing(world):
    _, _, out, run = world
    assert counts(run()) == {"ingest": (16, 0), "words": (16, 0), "counts": (16, 0)}
    before = pd.read_parquet(out / "mentions")
    assert counts(run()) == {"ingest": (0, 16), "words": (0, 16), "counts": (0, 16)}
    after = pd.read_parquet(out / "mentions")
    assert len(before) > 16 and before.sort_values("mention_id").reset_index(drop=True).equals(
        after.sort_values("mention_id").reset_index(drop=True))


def test_new_files_alone_are_processed(world, nightly):
    raw, _, out, run = world
    run()
    nightly.write_batch(raw / "two", 5, seed=12, months=("2025-05",), prefix="n")
    assert counts(run()) == {"ingest": (5, 16), "words": (5, 16), "counts": (5, 16)}
    assert len(pd.read_parquet(out / "articles")) == 21


def test_force_reprocesses_everything_to_the_same_rows(world, nightly):
    _, _, out, run = world
    run()
    before = nightly.snapshot(out)
    assert counts(run(force=True)) == {"ingest": (16, 0), "words": (16, 0), "counts": (16, 0)}
    assert nightly.snapshot(out) == before


def test_a_changed_rule_reruns_its_stage_and_the_ones_after(world):
    _, models, out, run = world
    run()
    (models / "words" / "list.txt").write_text("tariff tariffs imports officials\n", encoding="utf-8")
    assert counts(run()) == {"ingest": (0, 16), "words": (16, 0), "counts": (16, 0)}
    assert "officials" in set(pd.read_parquet(out / "mentions").text)
    (models / "counts" / "min.txt").write_text("3\n", encoding="utf-8")
    assert counts(run()) == {"ingest": (0, 16), "words": (0, 16), "counts": (16, 0)}
    assert set(pd.read_parquet(out / "sentences").paragraph_index) == {3}
    (models / "words" / ".list.txt.swp").write_text("an editor's swap file is not a rule")
    assert counts(run()) == {"ingest": (0, 16), "words": (0, 16), "counts": (0, 16)}


def test_a_changed_file_replaces_its_article_everywhere(world, nightly):
    raw, _, out, run = world
    run()
    path = raw / "one" / "s001.txt"
    articles = pd.read_parquet(out / "articles")
    old_id = articles.loc[articles.source_id == "s001", "article_id"].item()
    path.write_text(path.read_text(encoding="utf-8") + "New tariff imports paragraph.\n", encoding="utf-8")
    summary = run()
    assert counts(summary) == {"ingest": (1, 15), "words": (1, 15), "counts": (1, 15)}
    assert {r.stage: r.pruned for r in summary.reports} == {"ingest": 0, "words": 1, "counts": 1}
    articles = pd.read_parquet(out / "articles")
    new_id = articles.loc[articles.source_id == "s001", "article_id"].item()
    assert new_id != old_id and len(articles) == 16
    for table in ("mentions", "sentences", ledger_name("words"), ledger_name("counts")):
        ids = set(pd.read_parquet(out / table).article_id)
        assert old_id not in ids and new_id in ids, table
    runs = pd.read_parquet(out / "runs")
    latest = runs[runs.run_id == summary.run_id].set_index("stage")
    assert latest.loc["words", "message"] == "removed the rows of 1 articles no longer in articles"


def test_an_article_that_vanishes_takes_its_rows_and_rejects_along(world):
    raw, _, out, run = world
    story = raw / "one" / "s002.txt"
    story.write_text(story.read_text(encoding="utf-8").replace("Story number", "BOOM"), encoding="utf-8")
    first = run()
    assert first.exit_code == 0 and first.rejects == 1  # finished; the reject is in rejects
    rejects = pd.read_parquet(out / "rejects")
    failed = rejects[rejects.stage == "words"]
    assert list(failed.reason) == ["stage_error"] and failed.source_path.item() == "one/s002.txt"
    assert counts(run())["words"] == (1, 15)  # a failed article is tried again every night
    story.write_text("Headline only\n", encoding="utf-8")  # now the file is rejected by ingest
    third = run()
    assert {r.stage: r.pruned for r in third.reports}["words"] == 1
    rejects = pd.read_parquet(out / "rejects")
    assert list(rejects.stage) == ["ingest"] and list(rejects.reason) == ["empty_body"]
    assert len(pd.read_parquet(out / "articles")) == 15


def test_since_and_until_select_articles_by_publication_date(world, nightly):
    raw, _, out, run = world
    nightly.write_story(raw / "undated", nightly.make_story(random.Random(1), "u001", date(2025, 2, 2)))
    (raw / "undated" / "u001.meta.json").unlink()
    summary = run(since=date(2025, 2, 1), until=date(2025, 3, 31))
    assert counts(summary)["ingest"] == (17, 0)  # ingest reads every new file, whatever its date
    articles = pd.read_parquet(out / "articles")
    dated = articles.published_at.notna()
    published = articles.published_at.dt.date
    window = dated & (published >= date(2025, 2, 1)) & (published <= date(2025, 3, 31))
    assert counts(summary)["words"] == (window.sum(), 0) and 0 < window.sum() < 16
    done = set(pd.read_parquet(out / ledger_name("words")).article_id)
    assert done == set(articles.loc[window, "article_id"])
    later = run()  # no window: the rest, the undated article included
    assert counts(later)["words"] == (17 - window.sum(), window.sum())


def test_a_probe_reads_every_batch_where_it_ran_and_once_it_is_written(world):
    raw, models, out, _ = world
    calls = []

    def words_failing_second_batch(inputs, settings):
        calls.append(inputs["articles"].num_rows)
        if len(calls) == 2:
            raise RuntimeError("the whole batch failed")
        return words_batch(inputs, settings)

    def probed(settings, *, run_id):
        return run_stage(WORDS, words_failing_second_batch, settings, run_id=run_id, registry=REGISTRY,
                         producers=PRODUCERS, probe=os.getpid)

    settings = make_settings(raw=raw, out=out, models_dir=models, batch_size=5, show_progress=False)
    summary = run_stages(settings, [("ingest", ingest), ("words", probed)])
    report = next(r for r in summary.reports if r.stage == "words")
    # 16 articles in batches of 5; the local executor runs them in this process.
    assert calls == [5, 5, 5, 1]
    assert report.probes == [(os.getpid(), os.getpid()), (None, os.getpid()), (os.getpid(), os.getpid()),
                             (os.getpid(), os.getpid())]
    assert len(report.rejects) == 5


def test_without_a_probe_nothing_is_read(world):
    _, _, _, run = world
    assert all(report.probes == [] for report in run().reports)


def test_rules_version_of_a_stage_names_nothing_outside_its_inputs(tmp_path):
    spec = StageSpec(name="solo", reads=("articles",), writes=("mentions",), code=(), rules=("solo",))
    settings = make_settings(models_dir=tmp_path)
    (tmp_path / "solo").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "solo" / "a.txt").write_text("one")
    first = rules_version(spec, {"solo": spec}, settings)
    (tmp_path / "other" / "b.txt").write_text("unrelated")
    assert rules_version(spec, {"solo": spec}, settings) == first
    (tmp_path / "solo" / "a.txt").write_text("two")
    assert rules_version(spec, {"solo": spec}, settings) != first


@pytest.mark.parametrize("as_table", [False, True])  # a batch may hand its rows over as dicts or as a table
@pytest.mark.parametrize(("change", "words"), [
    ({"article_id": "someone-else"}, "not in the batch it was given"),
    ({"published_month": "1999-01"}, "published_month='1999-01'; the article's is"),
])
def test_rows_that_would_escape_the_next_cleanup_are_refused(world, change, words, as_table):
    _, _, out, run = world

    def careless(inputs, settings):
        result = words_batch(inputs, settings)
        result.rows["mentions"][0].update(change)
        if as_table:
            result.rows["mentions"] = pa.Table.from_pylist(result.rows["mentions"])
        return result

    summary = run_stages(make_settings(raw=world[0], out=out, models_dir=world[1], show_progress=False),
                         [("ingest", ingest), ("words", _stage(WORDS, careless))])
    assert summary.exit_code == 1 and words in summary.error
    assert not (out / "mentions").exists() and not (out / ledger_name("words")).exists()


def words_killing_a_worker_once(inputs: Mapping[str, pa.Table], settings: Settings) -> BatchResult:
    """`words_batch`, but the first batch to run kills its worker process (SIGKILL), once per models folder."""
    marker = settings.models_dir.parent / "worker-died"
    if not marker.exists():
        marker.touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return words_batch(inputs, settings)


def test_a_batch_whose_worker_dies_is_retried_with_the_processes_executor(world, tmp_path, nightly):
    raw, models, out, run = world
    summary = run_stages(make_settings(raw=raw, out=out, models_dir=models, batch_size=5, show_progress=False,
                                       executor="processes", workers=2),
                         [("ingest", ingest), ("words", _stage(WORDS, words_killing_a_worker_once))])
    assert (tmp_path / "worker-died").exists()
    assert summary.error is None and summary.rejects == 0
    expected = tmp_path / "expected"
    run_stages(make_settings(raw=raw, out=expected, models_dir=models, batch_size=5, show_progress=False),
               [("ingest", ingest), ("words", _stage(WORDS, words_batch))])
    assert nightly.table_rows(out, "mentions") == nightly.table_rows(expected, "mentions")
