"""What runs in each fresh process bench starts: one stage, the baseline, the spaCy pipeline or the parser alone.

Each prints one result line (`RESULT` and JSON) that `spawn` reads back.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pipeline.bench.memory import batch_memory, memory_now, peak_rss_mb
from pipeline.evaluate.stages import FAILED, OK

PIPE_BATCH = 64
RESULT = "BENCH-RESULT "


def child_stage(stage: str, raw: Path, out: Path, executor: str = "local", workers: int = 1,
                rules_scope: str = "all") -> dict[str, Any]:
    """Run one stage (in this process) and return its status, seconds and peak memory.

    With the processes or dask executor the batches run in worker processes;
    their largest peak is read from ``RUSAGE_CHILDREN`` once they have exited.
    Every batch also reports the high-water mark of the process that ran it;
    their largest in each tenth of the batches shows whether memory levels
    off as the run goes on.
    """
    from pipeline.config import make_settings
    from pipeline.evaluate.stages import run_watched
    from pipeline.stages.registry import PER_ARTICLE, STAGES, per_article_stage

    settings = make_settings(raw=raw, out=out, show_progress=False, executor=executor, workers=workers,
                             rules_scope=rules_scope)
    stages = dict(STAGES)
    if stage in PER_ARTICLE:  # ingest reads files, not batches of articles: nothing to probe
        stages[stage] = per_article_stage(stage, probe=memory_now)
    began = time.perf_counter()
    run = run_watched(settings, [stage], stages)
    seconds = time.perf_counter() - began
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    report = next((r for r in run.summary.reports if r.stage == stage), None)
    return {"status": run.status[stage], "seconds": seconds, "peak_rss_mb": peak_rss_mb(),
            "worker_peak_rss_mb": children if executor != "local" else None,
            **batch_memory(report.probes if report else []),
            "message": run.messages.get(stage)}


def article_texts(out: Path) -> list[str]:
    """The ``articles.text`` column of the tables under ``out``."""
    from pipeline import io

    return io.read(out, "articles", columns=["text"]).column("text").to_pylist()


def child_baseline(out: Path) -> dict[str, Any]:
    """Tokenize every article's text with ``spacy.blank("en")``; time the pipe alone."""
    import spacy

    texts = article_texts(out)
    nlp = spacy.blank("en")
    began = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=PIPE_BATCH):
        pass
    seconds = time.perf_counter() - began
    return {"status": OK, "seconds": seconds, "peak_rss_mb": peak_rss_mb(), "message": None}


def child_spacy_pipeline(out: Path) -> dict[str, Any]:
    """Run the rule pipeline over every article's text, as extract does but without tables; time the pipe alone."""
    from pipeline.config import MODELS_DIR
    from pipeline.nlp.base import make_doc_with_text
    from pipeline.stages.extract import PIPE_BATCH as EXTRACT_BATCH
    from pipeline.stages.extract import nlp_for

    texts = article_texts(out)
    nlp = nlp_for(MODELS_DIR)
    began = time.perf_counter()
    for _ in nlp.pipe((make_doc_with_text(nlp, text) for text in texts), batch_size=EXTRACT_BATCH):
        pass
    seconds = time.perf_counter() - began
    return {"status": OK, "seconds": seconds, "peak_rss_mb": peak_rss_mb(), "message": None}


def parsed_sentence_texts(out: Path) -> list[str]:
    """The text of every sentence extract parsed (``sentences.parsed``), in table order."""
    from pipeline import io

    texts = dict(zip(*io.read(out, "articles", columns=["article_id", "text"]).to_pydict().values()))
    sentences = io.read(out, "sentences", columns=["article_id", "start_char", "end_char", "parsed"]).to_pydict()
    return [texts[article][start:end] for article, start, end, parsed in zip(*sentences.values()) if parsed]


def parsing_counts(out: Path) -> dict[str, int]:
    """How many sentences and articles there are, how many of them extract parsed, and how many are trade stories."""
    from pipeline import io

    sentences = io.read(out, "sentences", columns=["article_id", "parsed"]).to_pydict()
    parsed_articles = {article for article, parsed in zip(*sentences.values()) if parsed}
    trade = io.read(out, "articles", columns=["is_trade"]).column("is_trade").to_pylist()
    return {"sentences": len(sentences["parsed"]), "sentences_parsed": sum(sentences["parsed"]),
            "articles": len(set(sentences["article_id"])), "articles_parsed": len(parsed_articles),
            "trade_articles": sum(1 for flag in trade if flag)}


def child_parser(out: Path) -> dict[str, Any]:
    """Parse the sentences extract parsed, with the parser alone; time the pipe alone."""
    from pipeline.config import MODELS_DIR
    from pipeline.nlp.syntax import load_parser

    texts = parsed_sentence_texts(out)
    parser = load_parser(MODELS_DIR)
    began = time.perf_counter()
    for _ in parser.pipe(texts, batch_size=256):
        pass
    seconds = time.perf_counter() - began
    return {"status": OK, "seconds": seconds, "peak_rss_mb": peak_rss_mb(), "message": None,
            "words": sum(len(text.split()) for text in texts)}


def spawn(args: Sequence[str]) -> dict[str, Any]:
    """Run ``python -m pipeline.bench --child …`` and read the result line it prints."""
    done = subprocess.run([sys.executable, "-m", "pipeline.bench", "--child", *args], capture_output=True,
                          text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(RESULT):
            return json.loads(line[len(RESULT):])
    tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
    return {"status": FAILED, "seconds": None, "peak_rss_mb": None,
            "message": f"child exited {done.returncode}: {' | '.join(tail)}"}


def child_main(argv: Sequence[str]) -> int:
    """Run the measurement ``argv`` names (``stage …``, ``baseline OUT``, ``spacy OUT`` or ``parser OUT``); print its result line."""
    kind, *rest = argv
    if kind == "stage":
        stage, raw, out, executor, workers, rules_scope = rest
        result = child_stage(stage, Path(raw), Path(out), executor, int(workers), rules_scope)
    elif kind == "baseline":
        result = child_baseline(Path(rest[0]))
    elif kind == "spacy":
        result = child_spacy_pipeline(Path(rest[0]))
    elif kind == "parser":
        result = child_parser(Path(rest[0]))
    else:
        raise SystemExit(f"unknown bench child {kind!r}; expected 'stage', 'baseline', 'spacy' or 'parser'")
    print(RESULT + json.dumps(result), flush=True)
    return 0
