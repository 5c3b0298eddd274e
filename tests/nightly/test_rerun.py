"""A rerun equals a run from scratch on the same input: every table, row for row (``run_id`` aside).

The input is the set of raw files. An article two files hold stays while either holds it; a renamed
file is the same content under a new name, so it leaves neither stale nor doubled rows; a run killed
while it ingests a changed file leaves that file's articles in ``articles`` (old or new).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd

from pipeline.config import make_settings
from pipeline.io import KILL_HOOK
from pipeline.runner import run_stages
from pipeline.stages.registry import STAGES

KILLED = -9
MONTHS = ("2025-01", "2025-02", "2025-03")


def run(raw: Path, out: Path, stages: tuple[str, ...] = ("ingest",)) -> int:
    """Run ``stages`` in this process; return the exit code."""
    settings = make_settings(raw=raw, out=out, show_progress=False)
    return run_stages(settings, [(name, STAGES[name]) for name in stages]).exit_code


def story(number: int, *, corrected: bool = False) -> dict[str, str]:
    """One JSONL record; ``corrected`` changes its text (hence its article id), not its source id."""
    note = "Corrected figures." if corrected else "First figures."
    return {"id": f"s{number:03d}", "title": f"Tariff move number {number}",
            "published": f"{MONTHS[number % 3]}-{1 + number % 27:02d}T09:30:00Z",
            "text": f"Japan raised a {number}% tariff on steel from China on Thursday. {note}"}


def write_jsonl(path: Path, numbers: range | list[int], *, corrected: tuple[int, ...] = ()) -> None:
    """Write the stories ``numbers`` as one JSONL file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(story(n, corrected=n in corrected)) + "\n" for n in numbers),
                    encoding="utf-8")


def write_sgml(path: Path, numbers: range | list[int], *, corrected: tuple[int, ...] = ()) -> None:
    """Write the stories ``numbers`` as one Reuters-21578 SGML file."""
    parts = ['<!DOCTYPE lewis SYSTEM "lewis.dtd">\n']
    for n in numbers:
        body = story(n, corrected=n in corrected)["text"]
        parts.append(f'<REUTERS TOPICS="YES" NEWID="{1000 + n}">\n<DATE>{10 + n % 18}-MAR-1987 09:30:00.00</DATE>\n'
                     f"<TEXT>&#2;\n<TITLE>TARIFF MOVE NUMBER {n}</TITLE>\n"
                     f"<DATELINE>    TOKYO, March 10 - </DATELINE><BODY>{body}\n Reuter\n&#3;</BODY></TEXT>\n"
                     "</REUTERS>\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(parts), encoding="utf-8")


def assert_like_scratch(nightly, raw: Path, out: Path, stages: tuple[str, ...] = ("ingest",)) -> pd.DataFrame:
    """Rerun ``stages`` on ``out``, run them on a fresh folder, compare; return the articles."""
    run(raw, out, stages)
    fresh = out.with_name(out.name + "-fresh")
    shutil.rmtree(fresh, ignore_errors=True)
    run(raw, fresh, stages)
    nightly.assert_same_tables(out, fresh)
    return pd.read_parquet(out / "articles")


def test_an_article_stays_while_an_unchanged_file_still_holds_it(tmp_path, nightly):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_jsonl(raw / "a.jsonl", range(0, 20))
    write_jsonl(raw / "b.jsonl", range(10, 30))
    assert len(assert_like_scratch(nightly, raw, out)) == 30
    write_jsonl(raw / "b.jsonl", range(15, 30))  # b drops 10-14, which a still holds
    articles = assert_like_scratch(nightly, raw, out)
    assert len(articles) == 30
    assert set(articles[articles.source_id.isin({"s010", "s014"})].source_path) == {"a.jsonl"}
    write_jsonl(raw / "b.jsonl", range(15, 30), corrected=(15, 16))  # b corrects two that a holds too
    articles = assert_like_scratch(nightly, raw, out)
    assert len(articles) == 32 and (articles.source_id == "s015").sum() == 2
    (raw / "a.jsonl").unlink()  # a is archived away: its articles stay, b's old versions do not come back
    write_jsonl(raw / "b.jsonl", range(15, 30))
    run(raw, out)
    assert len(pd.read_parquet(out / "articles")) == 30


def test_an_sgml_file_renamed_to_an_earlier_name_then_corrected(tmp_path, nightly):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_sgml(raw / "reut2-009.sgm", range(0, 12))
    write_sgml(raw / "reut2-010.sgm", range(20, 26))
    run(raw, out)
    (raw / "reut2-010.sgm").rename(raw / "reut2-000.sgm")
    articles = assert_like_scratch(nightly, raw, out)
    assert set(articles.source_path) == {"reut2-009.sgm", "reut2-000.sgm"}
    write_sgml(raw / "reut2-000.sgm", range(20, 26), corrected=(21,))
    articles = assert_like_scratch(nightly, raw, out)
    assert len(articles) == 18 and articles.source_id.is_unique


def test_a_renamed_text_file_is_stored_once_with_its_derived_rows(tmp_path, nightly, built_stages):
    raw, out = tmp_path / "raw", tmp_path / "out"
    first, second, _ = nightly.write_batch(raw, 3, seed=11, months=("2025-04",), prefix="w")
    second.with_name(second.stem + ".meta.json").unlink()  # its source id is its name
    run(raw, out, built_stages)
    for path in (first, second):
        path.rename(path.with_name("renamed-" + path.name))
    meta = first.with_name(first.stem + ".meta.json")
    meta.rename(meta.with_name("renamed-" + meta.name))
    articles = assert_like_scratch(nightly, raw, out, built_stages)
    assert len(articles) == 3
    assert set(articles.source_path) == {"renamed-w000.txt", "renamed-w001.txt", "w002.txt"}


def test_a_run_killed_ingesting_a_changed_file_keeps_its_articles(tmp_path, nightly):
    raw, base = tmp_path / "raw", tmp_path / "base"
    write_jsonl(raw / "changing.jsonl", range(0, 12))
    write_jsonl(raw / "steady.jsonl", range(40, 52))
    run(raw, base)
    old = pd.read_parquet(base / "articles")
    write_jsonl(raw / "changing.jsonl", range(0, 10), corrected=tuple(range(0, 10, 2)))  # 10, 11 dropped
    reference = tmp_path / "reference"
    run(raw, reference)
    new = pd.read_parquet(reference / "articles")
    allowed = set(old.article_id) | set(new.article_id)
    points = [f"{n}:articles" for n in range(1, 9)] + ["1:rejects", "1:_ledger/ingest", "2:_ledger/ingest"]
    killed = 0
    for point in points:
        out = tmp_path / f"killed-{point.replace(':', '-').replace('/', '-')}"
        shutil.copytree(base, out)
        result = nightly.cli("ingest", "--raw", raw, "--out", out, env={KILL_HOOK: point})
        if result.returncode != KILLED:
            assert result.returncode == 0, result.stderr[-2000:]
            continue  # this run has fewer writes: the point lies past its end
        killed += 1
        nightly.assert_readable(out)
        articles = pd.read_parquet(out / "articles")
        assert set(articles.article_id) <= allowed, point
        assert set(new.source_id) <= set(articles.source_id), f"articles missing after a kill at {point}"
        assert run(raw, out) == 0
        nightly.assert_same_tables(out, reference)
    assert killed >= 8  # new parts of three months, old rows out of three, ledger twice
