"""Timing the stages and the baseline, each in a fresh process, and printing the figures.

Each stage runs in a fresh Python process (``python -m pipeline.bench
--child …``) that reports its own time and RSS high-water mark
(``getrusage(RUSAGE_SELF).ru_maxrss``), so one stage's memory never hides
another's. Stage time is measured inside the child around the stage call: it
includes loading the stage's rules (the spaCy pipeline for extract) but not
interpreter start-up. The baseline is ``spacy.blank("en")`` tokenizing the
same articles' text with ``nlp.pipe``, timed around the pipe alone: the floor
any spaCy pipeline pays. It is timed in `BASELINE_RUNS` fresh processes and
the median is the figure compared with, as one run of it varies from one
bench to the next on a shared machine. Words are whitespace-separated
words of ``articles.text``, the same count for every row.

Two figures compare with the baseline: the spaCy rule pipeline alone
(``nlp.pipe`` with every component over the same texts, in a fresh process,
timed like the baseline: no reading or writing of tables), and the stages
after ingest summed (extract + normalize + events, everything included).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pipeline.bench.children import article_texts, parsing_counts, spawn
from pipeline.bench.inputs import limit_raw, repeat_raw
from pipeline.evaluate.stages import FAILED, NOT_RUN, OK

BASELINE = "baseline"
SPACY_PIPELINE = "spaCy pipeline"
PARSER = "parser alone"
BASELINE_RUNS = 3  # an odd count: the median is one of the runs


@dataclass
class Figure:
    """One timed row: a stage or the baseline."""

    name: str
    status: str
    seconds: float | None = None
    articles: int = 0
    words: int = 0
    peak_rss_mb: float | None = None
    worker_peak_rss_mb: float | None = None  # largest worker process (processes/dask executors)
    # Memory high-water mark of the processes running the batches, largest in each tenth of the batches.
    batch_peak_by_tenth_mb: list[float] = field(default_factory=list)
    # What those processes held (resident) right after their batches, largest in each tenth.
    batch_rss_by_tenth_mb: list[float] = field(default_factory=list)
    # What the stage's own process (which reads inputs and writes tables) held after each batch, by tenth.
    caller_rss_by_tenth_mb: list[float] = field(default_factory=list)
    message: str | None = None
    times_baseline: float | None = None
    run_seconds: list[float] = field(default_factory=list)  # every run, when the figure is their median

    @property
    def articles_per_second(self) -> float | None:
        """Articles processed per second of the stage."""
        return self.articles / self.seconds if self.seconds and self.articles else None

    @property
    def words_per_second(self) -> float | None:
        """Words processed per second of the stage."""
        return self.words / self.seconds if self.seconds and self.words else None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready values, rates included."""
        return {**asdict(self), "articles_per_second": self.articles_per_second,
                "words_per_second": self.words_per_second}


@dataclass
class BenchResult:
    """Every figure of one bench run."""

    raw: Path
    limit: int | None
    repeat: int | None
    articles: int
    words: int
    stages: list[Figure] = field(default_factory=list)
    baseline: Figure | None = None
    spacy_pipeline: Figure | None = None  # nlp.pipe alone, no table I/O
    rule_pipeline: Figure | None = None  # the stages after ingest, summed
    parser: Figure | None = None  # the dependency parser alone, over the sentences extract parsed
    parsing: dict[str, int] = field(default_factory=dict)  # sentences and articles, all, parsed and trade
    rules_scope: str = "all"

    def as_dict(self) -> dict[str, Any]:
        """The ``--report`` JSON."""
        return {"raw": str(self.raw), "limit": self.limit, "repeat": self.repeat, "rules_scope": self.rules_scope,
                "articles": self.articles, "words": self.words,
                "stages": [f.as_dict() for f in self.stages],
                "baseline": self.baseline.as_dict() if self.baseline else None,
                "spacy_pipeline": self.spacy_pipeline.as_dict() if self.spacy_pipeline else None,
                "rule_pipeline": self.rule_pipeline.as_dict() if self.rule_pipeline else None,
                "parser": self.parser.as_dict() if self.parser else None, "parsing": self.parsing}


def count_words(texts: Sequence[str]) -> int:
    """Whitespace-separated words in ``texts``."""
    return sum(len(text.split()) for text in texts)


def bench(raw: Path, *, limit: int | None = None, repeat: int | None = None, stages: Sequence[str] | None = None,
          work: Path | None = None, executor: str = "local", workers: int = 1, compare: bool = True,
          rules_scope: str = "all") -> BenchResult:
    """Time each stage of the pipeline on ``raw`` in fresh processes, and the bare-tokenizer baseline.

    Stages run in pipeline order up to the last one asked for (later stages
    need earlier tables); only the stages asked for are reported. A stage that
    is not built stops the run: it and the stages after it are reported so.
    Without ``compare`` the baseline and the spaCy pipeline alone are not timed
    (a memory run at scale does not need them). ``rules_scope`` is the
    stages' setting (`pipeline.config.RULES_SCOPES`); the spaCy pipeline
    alone always reads every article.
    """
    from pipeline.stages.registry import ORDER

    wanted = list(stages) if stages else list(ORDER)
    unknown = [s for s in wanted if s not in ORDER]
    if unknown:
        raise ValueError(f"unknown stages {unknown}; choose from {', '.join(ORDER)}")
    if not raw.exists():
        raise FileNotFoundError(f"--raw {raw} does not exist")
    from pipeline.config import RULES_SCOPES

    if rules_scope not in RULES_SCOPES:
        raise ValueError(f"rules_scope must be one of {', '.join(RULES_SCOPES)}, got {rules_scope!r}")
    last = max(ORDER.index(s) for s in wanted)
    owned = work is None
    work = work if work is not None else Path(tempfile.mkdtemp(prefix="tradenews-bench-"))
    try:
        source = limit_raw(raw, limit, work / "raw") if limit else raw
        if repeat and repeat > 1:
            source = repeat_raw(source, repeat, work / "repeated")
        out = work / "out"
        figures: dict[str, Figure] = {}
        texts: list[str] = []
        blocked: str | None = None
        for stage in ORDER[: last + 1]:
            if blocked:
                figures[stage] = Figure(stage, NOT_RUN, message=f"needs {blocked!r}, which did not finish")
                continue
            result = spawn(["stage", stage, str(source), str(out), executor, str(workers), rules_scope])
            # A stage that did not finish has no throughput to report.
            seconds = result["seconds"] if result["status"] == OK else None
            figures[stage] = Figure(stage, result["status"], seconds, peak_rss_mb=result["peak_rss_mb"],
                                    worker_peak_rss_mb=result.get("worker_peak_rss_mb"),
                                    batch_peak_by_tenth_mb=result.get("batch_peak_by_tenth_mb") or [],
                                    batch_rss_by_tenth_mb=result.get("batch_rss_by_tenth_mb") or [],
                                    caller_rss_by_tenth_mb=result.get("caller_rss_by_tenth_mb") or [],
                                    message=result["message"])
            if result["status"] != OK:
                blocked = stage
            if stage == ORDER[0]:
                texts = article_texts(out)
        words = count_words(texts)
        for figure in figures.values():
            if figure.status == OK:
                figure.articles, figure.words = len(texts), words
        baseline = spacy_pipeline = parser = None
        parsing: dict[str, int] = {}
        if compare:
            baseline = baseline_figure([spawn(["baseline", str(out)]) for _ in range(BASELINE_RUNS)],
                                        len(texts), words)
        if compare and figures.get("extract") is not None and figures["extract"].status == OK:
            alone = spawn(["spacy", str(out)])
            spacy_pipeline = Figure(SPACY_PIPELINE, alone["status"], alone["seconds"], len(texts), words,
                                    alone["peak_rss_mb"], message=alone["message"])
        if figures.get("extract") is not None and figures["extract"].status == OK:
            parsing = parsing_counts(out)
            if compare:
                alone = spawn(["parser", str(out)])
                parser = Figure(PARSER, alone["status"], alone["seconds"], parsing["articles_parsed"],
                                alone.get("words") or 0, alone["peak_rss_mb"], message=alone["message"])
        reported = [figures[s] for s in ORDER if s in wanted]
        rule = _rule_pipeline(figures, len(texts), words)
        for figure in [*reported, *([spacy_pipeline] if spacy_pipeline else []), *([rule] if rule else [])]:
            if figure.seconds and baseline is not None and baseline.seconds:
                figure.times_baseline = figure.seconds / baseline.seconds
        return BenchResult(raw=raw, limit=limit, repeat=repeat, articles=len(texts), words=words, stages=reported,
                           baseline=baseline, spacy_pipeline=spacy_pipeline, rule_pipeline=rule, parser=parser,
                           parsing=parsing, rules_scope=rules_scope)
    finally:
        if owned:
            shutil.rmtree(work, ignore_errors=True)


def baseline_figure(runs: Sequence[dict[str, Any]], articles: int, words: int) -> Figure:
    """The baseline figure from its runs: the median run's seconds and memory, or the first failure."""
    failed = [run for run in runs if run["status"] != OK or not run["seconds"]]
    if failed:
        run = failed[0]
        return Figure(BASELINE, run["status"] if run["status"] != OK else FAILED, None, articles, words,
                      run["peak_rss_mb"], message=run["message"] or "the baseline reported no time")
    ordered = sorted(runs, key=lambda run: run["seconds"])
    median = ordered[len(ordered) // 2]
    seconds = [run["seconds"] for run in runs]
    return Figure(BASELINE, OK, median["seconds"], articles, words, median["peak_rss_mb"],
                  message=f"median of {len(runs)} runs: " + ", ".join(f"{s:.2f}" for s in seconds) + " s",
                  run_seconds=seconds)


def _rule_pipeline(figures: dict[str, Figure], articles: int, words: int) -> Figure | None:
    """Every built stage after ingest, summed (two or more): the figure compared with bare tokenization."""
    built = [f for name, f in figures.items() if name != "ingest" and f.status == OK and f.seconds]
    if len(built) < 2:  # one stage: its own row says it all
        return None
    return Figure("+".join(f.name for f in built), OK, sum(f.seconds for f in built),
                  articles, words, max(f.peak_rss_mb or 0 for f in built))


def write_report(result: BenchResult, path: Path) -> Path:
    """Write the figures as JSON to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result.as_dict(), indent=2), encoding="utf-8")
    return path


def print_bench(result: BenchResult, console) -> None:
    """Print one row per stage, the rule pipeline and the baseline (rich)."""
    from rich.table import Table

    table = Table(title=f"bench: {result.articles} articles, {result.words} words from {result.raw}"
                        + (f" (first {result.limit})" if result.limit else "")
                        + (f", read {result.repeat} times under new ids" if result.repeat else "")
                        + f", rules_scope {result.rules_scope}")
    for column in ("stage", "status", "seconds", "art/s", "words/s", "peak MB", "worker MB", "× base"):
        table.add_column(column, justify="left" if column in ("stage", "status") else "right")

    def cell(value: float | None, pattern: str) -> str:
        return "–" if value is None else format(value, pattern)

    rows = [*result.stages, *([result.spacy_pipeline] if result.spacy_pipeline else []),
            *([result.parser] if result.parser else []),
            *([result.rule_pipeline] if result.rule_pipeline else []),
            *([result.baseline] if result.baseline else [])]
    for f in rows:
        table.add_row(f.name, f.status, cell(f.seconds, ".2f"), cell(f.articles_per_second, ",.0f"),
                      cell(f.words_per_second, ",.0f"), cell(f.peak_rss_mb, ".0f"), cell(f.worker_peak_rss_mb, ".0f"),
                      cell(f.times_baseline, ".2f"))
    console.print(table)
    for f in rows:
        if f.message:
            console.print(f"{f.name}: {f.message}")
    for f in result.stages:
        if f.batch_rss_by_tenth_mb:
            console.print(f"{f.name}: memory held by the batch processes after their batches, by tenth of the "
                          "batches (MB): " + ", ".join(f"{mb:.0f}" for mb in f.batch_rss_by_tenth_mb))
        if f.batch_peak_by_tenth_mb:
            console.print(f"{f.name}: their memory peak (high-water mark) by tenth (MB): "
                          + ", ".join(f"{mb:.0f}" for mb in f.batch_peak_by_tenth_mb))
        if f.caller_rss_by_tenth_mb and f.worker_peak_rss_mb is not None:
            console.print(f"{f.name}: memory held by the stage's own process (reads inputs, writes tables) "
                          "after each batch, by tenth (MB): " + ", ".join(f"{mb:.0f}" for mb in f.caller_rss_by_tenth_mb))
    if result.spacy_pipeline and result.spacy_pipeline.times_baseline is not None:
        console.print(f"spaCy rule pipeline alone (no tables read or written): "
                      f"{result.spacy_pipeline.times_baseline:.2f}× bare tokenization")
    if result.rule_pipeline and result.rule_pipeline.times_baseline is not None:
        console.print(f"stages {result.rule_pipeline.name}, everything included: "
                      f"{result.rule_pipeline.times_baseline:.2f}× bare tokenization")
    counts = result.parsing
    if counts.get("sentences"):
        console.print(f"parsed: {counts['sentences_parsed']:,} of {counts['sentences']:,} sentences "
                      f"({counts['sentences_parsed'] / counts['sentences']:.1%}) in {counts['articles_parsed']:,} "
                      f"of {counts['articles']:,} articles")
    if counts.get("articles"):
        console.print(f"trade stories (articles.is_trade): {counts['trade_articles']:,} of {counts['articles']:,} "
                      f"articles ({counts['trade_articles'] / counts['articles']:.1%})")
    extract = next((f for f in result.stages if f.name == "extract" and f.seconds), None)
    if result.parser and result.parser.seconds is not None and extract is not None:
        console.print(f"the parser alone took {result.parser.seconds:.2f} s: {result.parser.seconds / extract.seconds:.1%} "
                      "of extract's time")
