"""Thin Typer app: one command per stage plus ``run``, ``evaluate`` and ``bench``.

Commands only parse arguments and call typed functions; the work lives in
`pipeline.stages`, `pipeline.runner` and friends. Exit codes: 0 finished
(rejects or not), 1 failed, 2 finished with rejects under `--fail-on-rejects`.
"""

from __future__ import annotations

import inspect
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, NoReturn, get_type_hints

import typer
from rich.console import Console
from rich.table import Table

from pipeline import io
from pipeline.config import FILE_KEYS, Settings, make_settings, read_settings_file
from pipeline.errors import LockedError, ModelsError, PipelineError
from pipeline.progress import configure_logging, ensure_logging, log_event
from pipeline.runner import EXIT_FAILED, RunSummary, run_stages, terminate_as_interrupt
from pipeline.schemas import TABLES

app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode="markdown",
    help="Turn trade-policy news into research tables (Parquet). "
         "Run `python -m pipeline run` for every stage, or one stage at a time.",
)
# soft_wrap: a message is never broken at the 80 columns Rich assumes without a terminal.
console = Console(stderr=True, soft_wrap=True)

Raw = Annotated[Path, typer.Option("--raw", help="A file or folder of raw articles.")]
Out = Annotated[Path, typer.Option("--out", help="Folder of the output tables.")]
Force = Annotated[bool, typer.Option("--force", help="Reprocess even what is unchanged.")]
Workers = Annotated[int, typer.Option("--workers", min=1, help="Worker processes (with --executor processes or dask; with local, spaCy processes "
                                                               "that reload the rules every batch: see docs/performance.md).")]
Executor = Annotated[str, typer.Option(
    "--executor", help="Where batches run: local (this process; --workers sets spaCy processes), processes, "
                       "or dask (a LocalCluster of --workers, or --scheduler ADDRESS).")]
Scheduler = Annotated[str | None, typer.Option("--scheduler", metavar="ADDRESS",
                                               help="Address of an existing Dask scheduler (with --executor dask).")]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Log every batch.")]
FailOnRejects = Annotated[bool, typer.Option(
    "--fail-on-rejects", help="Exit 2, not 0, when the run finished but rejected some inputs.")]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Say what each stage would process; run nothing, "
                                                        "write nothing.")]
Stages = Annotated[str | None, typer.Option("--stages", metavar="A,B", help="Only these stages (comma-separated), "
                                                                          "in pipeline order.")]
From = Annotated[str | None, typer.Option("--from", metavar="STAGE", help="This stage and every stage after it.")]
Models = Annotated[Path | None, typer.Option(
    "--models", envvar="TRADENEWS_MODELS", metavar="DIR",
    help="Folder of rule data (default: models/ beside the code; an installed package needs this).")]
MaxFileBytes = Annotated[int | None, typer.Option(
    "--max-file-bytes", envvar="TRADENEWS_MAX_FILE_BYTES", min=1, metavar="BYTES",
    help=f"Reject input files larger than this unread (default {Settings().max_file_bytes}).")]
SettingsFile = Annotated[Path | None, typer.Option(
    "--settings", envvar="TRADENEWS_SETTINGS", metavar="FILE",
    help=f"TOML file of limits, batch size and rules scope ({', '.join(FILE_KEYS)}); an option given here wins "
         "over it.")]
RulesScope = Annotated[str | None, typer.Option(
    "--rules-scope", envvar="TRADENEWS_RULES_SCOPE", metavar="all|trade",
    help=f"Articles extract runs every rule on: all, or trade (only those ingest flagged is_trade; the others get "
         f"their sentences only). Default {Settings().rules_scope}.")]
LogFormat = Annotated[str, typer.Option("--log-format", help="Log lines as logfmt (key=value pairs) or json "
                                                             "(one object a line).")]


def fail(event: str, error: object) -> NoReturn:
    """End the command with exit code 1 and one ``level=error`` log line saying why (never wrapped)."""
    ensure_logging()
    log_event(logging.ERROR, event=event, error=str(error))
    raise typer.Exit(EXIT_FAILED)


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD", param_hint=option) from None


PublishedDefault = Annotated[str | None, typer.Option(
    "--published-default", metavar="YYYY-MM-DD", help="Publication date for inputs that carry none.")]
Since = Annotated[str | None, typer.Option("--since", metavar="YYYY-MM-DD",
                                           help="Only articles published on or after this day.")]
Until = Annotated[str | None, typer.Option("--until", metavar="YYYY-MM-DD",
                                           help="Only articles published on or before this day.")]


def print_summary(summary: RunSummary, settings: Settings) -> None:
    """Print what the run did: per stage counts, rows per table, rejects, seconds."""
    stages = Table(title=f"run {summary.run_id}", show_lines=False)
    for column in ("stage", "processed", "skipped (unchanged)", "rows written", "rejects"):
        stages.add_column(column, justify="right" if column != "stage" else "left")
    for report in summary.reports:
        stages.add_row(report.stage, str(report.rows_in), str(report.skipped), str(report.rows_out),
                       str(len(report.rejects)))
    console.print(stages)
    tables = Table(title=f"tables in {settings.out}")
    tables.add_column("table")
    tables.add_column("rows", justify="right")
    for name in TABLES:
        if not name.startswith("_") and io.exists(settings.out, name):
            tables.add_row(name, str(io.read(settings.out, name, columns=[TABLES[name][0].name]).num_rows))
    console.print(tables)
    console.print(f"{summary.rejects} rejected this run; {summary.seconds:.1f} s")


@dataclass(frozen=True)
class StageOptions:
    """The options of the commands that run stages, declared once (ingest takes `INGEST_OPTIONS` of them)."""

    raw: Raw = Path("data/raw")
    out: Out = Path("data/processed")
    force: Force = False
    published_default: PublishedDefault = None
    since: Since = None
    until: Until = None
    workers: Workers = 1
    executor: Executor = "local"
    scheduler: Scheduler = None
    verbose: Verbose = False
    log_format: LogFormat = "logfmt"
    fail_on_rejects: FailOnRejects = False
    dry_run: DryRun = False
    stages: Stages = None
    from_stage: From = None
    models: Models = None
    max_file_bytes: MaxFileBytes = None
    settings_file: SettingsFile = None
    rules_scope: RulesScope = None

    def settings(self) -> Settings:
        """The run's settings (the settings file first, the options over it); a value they refuse is a usage error."""
        try:
            values = read_settings_file(self.settings_file) if self.settings_file else {}
            if self.max_file_bytes is not None:  # the option (or its environment variable) wins over the file
                values["max_file_bytes"] = self.max_file_bytes
            if self.rules_scope is not None:
                values["rules_scope"] = self.rules_scope
            return make_settings(**values, raw=self.raw, out=self.out, force=self.force, workers=self.workers,
                                 executor=self.executor, scheduler=self.scheduler, models_dir=self.models,
                                 published_default=_date(self.published_default, "--published-default"),
                                 since=_date(self.since, "--since"), until=_date(self.until, "--until"))
        except ValueError as error:
            raise typer.BadParameter(str(error)) from None


# Ingest reads files, not articles: the publication window and the executor do not apply to it.
INGEST_OPTIONS = ("raw", "out", "force", "published_default", "verbose", "log_format", "fail_on_rejects", "dry_run",
                  "models", "max_file_bytes", "settings_file")
# Choosing stages is for `run`; a stage's own command runs that stage.
ONE_STAGE_OPTIONS = tuple(f.name for f in fields(StageOptions)
                          if f.name not in ("stages", "from_stage", "max_file_bytes"))
# What `status` needs: where the inputs and tables are, and what a run would select.
STATUS_OPTIONS = ("raw", "out", "force", "published_default", "since", "until", "log_format", "stages", "from_stage",
                  "models", "max_file_bytes", "settings_file", "rules_scope")


def chosen_stages(stage_names: Sequence[str] | None, options: StageOptions) -> list[str]:
    """The command's stages (None: those ``--stages`` or ``--from`` select, every stage without them)."""
    from pipeline.stages.status import select_stages

    if stage_names is not None:
        return list(stage_names)
    try:
        names = [name.strip() for name in options.stages.split(",") if name.strip()] if options.stages else None
        return select_stages(names, options.from_stage)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--stages/--from") from None


def start_logging(options: StageOptions) -> None:
    """Configure the log lines as ``options`` ask; an unknown format is a usage error."""
    try:
        configure_logging(options.verbose, options.log_format)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--log-format") from None


def show_pending(settings: Settings, stage_names: Sequence[str]) -> None:
    """Log (and on a terminal, tabulate) what each stage would process now; run nothing."""
    from pipeline.stages.status import check_models, pending

    try:
        check_models(settings, stage_names)
        found = pending(settings, stage_names)
    except (PipelineError, OSError) as error:
        fail("failed", error)
    for item in found:
        log_event(stage=item.stage, event="pending", todo=item.todo, skipped=item.skipped, unit=item.unit,
                  rules_version=item.rules_version, **({"note": item.note} if item.note else {}))
    if console.is_terminal:
        table = Table(title=f"pending in {settings.out}")
        for column in ("stage", "to process", "skipped (done)", "note"):
            table.add_column(column, justify="right" if column.startswith(("to", "skipped")) else "left")
        for item in found:
            table.add_row(item.stage, f"{item.todo} {item.unit}", str(item.skipped), item.note)
        console.print(table)


def run_stage_commands(stage_names: Sequence[str], options: StageOptions) -> None:
    """Run ``stage_names`` with ``options``, print the summary on a terminal, and exit with the run's code.

    Without a terminal (cron, DVC, Airflow) the log lines are all there is: the failed stage's
    ``level=error`` line, or one for a refused lock, and ``event=run_end`` with the counts.
    With ``--dry-run`` it only says what each stage would process.
    """
    from pipeline.stages.registry import STAGES
    from pipeline.stages.status import check_models

    settings = options.settings()
    start_logging(options)
    if options.dry_run:
        show_pending(settings, stage_names)
        raise typer.Exit(0)
    try:
        check_models(settings, stage_names)
    except ModelsError as error:
        fail("refused", error)
    try:
        with terminate_as_interrupt():
            summary = run_stages(settings, [(name, STAGES[name]) for name in stage_names],
                                 fail_on_rejects=options.fail_on_rejects)
    except LockedError as error:
        fail("refused", error)
    except KeyboardInterrupt:  # the runner logged it and marked the stage interrupted
        raise typer.Exit(EXIT_FAILED) from None
    if console.is_terminal:
        print_summary(summary, settings)
        if summary.error:
            console.print(f"[red]error:[/red] {summary.error}")
    raise typer.Exit(summary.exit_code)


def option_signature(names: Sequence[str] | None) -> inspect.Signature:
    """Keyword parameters for the fields of `StageOptions` named in ``names`` (None: all): what Typer reads
    a command's options from, so every command shares one declaration of each option."""
    hints = get_type_hints(StageOptions, include_extras=True)
    return inspect.Signature([
        inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default, annotation=hints[f.name])
        for f in fields(StageOptions) if names is None or f.name in names])


def stage_command(name: str, stage_names: Sequence[str] | None, *, summary: str, epilog: str,
                  options: Sequence[str] | None = None) -> None:
    """Add command ``name``, which runs ``stage_names`` (None: every stage, in order) with `StageOptions`.

    The command's parameters are the fields of `StageOptions` (only ``options``, when given), so every
    stage command shares one declaration of each option; ``summary`` is its help.
    """

    def command(**values: Any) -> None:
        chosen = StageOptions(**values)
        run_stage_commands(chosen_stages(stage_names, chosen), chosen)

    command.__signature__ = option_signature(options)
    command.__name__ = name
    command.__doc__ = summary
    app.command(name, epilog=epilog)(command)


stage_command("ingest", ["ingest"], options=INGEST_OPTIONS,
              summary="Read raw files (text, JSON Lines, Reuters SGML, NewsML-G2, RSS/Atom, HTML) into `articles`.",
              epilog="Example: `python -m pipeline ingest --raw ../shared/corpus/reuters21578 --out /tmp/tables`")
stage_command("extract", ["extract"], options=ONE_STAGE_OPTIONS,
              summary="Find every span (countries, people, rates, dates, quotes …) in `articles` → `mentions`.",
              epilog="Example: `python -m pipeline extract --out data/processed --workers 2`")
stage_command("normalize", ["normalize"], options=ONE_STAGE_OPTIONS,
              summary="Normalize mentions → `countries`, `officials`, `rates`, `dates`, `quotes`.",
              epilog="Example: `python -m pipeline normalize --force` after changing a normalizer")
stage_command("events", ["events"], options=ONE_STAGE_OPTIONS, summary="Build trade-policy `events` from the normalized tables.",
              epilog="Example: `python -m pipeline events --since 2025-04-01`")
stage_command("run", None,
              summary="Run every stage in order: ingest, extract, normalize, events (and record `runs`); "
                      "`--from STAGE` or `--stages A,B` run fewer.",
              epilog="Example: `python -m pipeline run --from extract --since 2025-05-02 --until 2025-05-02 --force`")


def status(**values: Any) -> None:
    """Say what each stage would process now (new or changed files, articles not yet done); run nothing."""
    options = StageOptions(**values)
    start_logging(options)
    show_pending(options.settings(), chosen_stages(None, options))


status.__signature__ = option_signature(STATUS_OPTIONS)
app.command(epilog="Example: `python -m pipeline status --out data/processed`")(status)


@app.command(epilog="Example: `python -m pipeline compact --out data/processed` once a month, or after a "
                     "`--force` rerun")
def compact(out: Out = Path("data/processed"),
            table: Annotated[list[str] | None, typer.Option(
                "--table", help="Only this table (repeat for more; `_ledger/STAGE` for a ledger).")] = None) -> None:
    """Rewrite the partitions that nightly runs split into many small files as one file each (same rows)."""
    from pipeline.runner import compact_tables

    configure_logging()
    try:
        with terminate_as_interrupt():
            counts = compact_tables(make_settings(out=out, show_progress=False), table)
    except LockedError as error:
        fail("refused", error)
    except PipelineError as error:
        fail("failed", error)
    except KeyboardInterrupt:
        raise typer.Exit(EXIT_FAILED) from None
    if console.is_terminal:
        summary = Table("table", "files before", "files after")
        for name, (before, after) in counts.items():
            summary.add_row(name, str(before), str(after))
        console.print(summary)


@app.command(epilog="Example: `python -m pipeline query \"SELECT event_type, count(*) FROM events GROUP BY 1\"`")
def query(sql: Annotated[str, typer.Argument(help="SQL over the tables; each table is a view by its name.")],
          out: Out = Path("data/processed"),
          output: Annotated[Path | None, typer.Option("--output", help="Write the result to .csv or .parquet.")
                            ] = None,
          limit: Annotated[int, typer.Option("--limit", help="Rows to print (all are written).")] = 50) -> None:
    """Query the tables with DuckDB SQL; print a table or write CSV/Parquet."""
    from pipeline.query import QueryError, run_query, write_result

    try:
        frame = run_query(out, sql)
        if output is not None:
            write_result(frame, output)
            console.print(f"wrote {len(frame)} rows to {output}")
            return
    except QueryError as error:
        fail("query_failed", error)
    result = Table(show_lines=False)
    for column in frame.columns:
        result.add_column(str(column))
    for row in frame.head(limit).itertuples(index=False):
        result.add_row(*("" if value is None else str(value)[:80] for value in row))
    Console().print(result)
    if len(frame) > limit:
        console.print(f"{len(frame)} rows; showing {limit} (use --limit or --output)")


@app.command(epilog="Example: `python -m pipeline report --since 2025-04-01 --output april.html --screenshot april.png`")
def report(out: Out = Path("data/processed"),
           output: Annotated[Path | None, typer.Option("--output", help="HTML file to write.")] = None,
           since: Since = None, until: Until = None,
           screenshot: Annotated[Path | None, typer.Option(
               "--screenshot", help="Also draw the report with headless Chromium (Debian's `chromium`) into "
                                    "this PNG.")] = None) -> None:
    """Write a self-contained HTML report: run header, counts, rejects, events over time, tariff timeline, rates,
    pairs, speakers, evidence."""
    from datetime import UTC

    from pipeline.report import ReportWindow, write_report
    from pipeline.report.screenshot import ScreenshotError, take_screenshot

    target = output or out / "report.html"
    # The report's header is the one place the wall-clock time goes.
    path = write_report(out, target, ReportWindow(_date(since, "--since"), _date(until, "--until")),
                        generated_at=datetime.now(UTC))
    console.print(f"report written to {path.resolve()}")
    if screenshot is not None:
        try:
            take_screenshot(path, screenshot)
        except ScreenshotError as error:
            fail("screenshot", str(error))
        console.print(f"screenshot written to {screenshot.resolve()}")


@app.command(epilog="Example: `python -m pipeline dictionary --check`")
def dictionary(output: Annotated[Path, typer.Option("--output", help="Markdown file to write.")] = Path(
                   "docs/tables.md"),
               check: Annotated[bool, typer.Option("--check", help="Fail if the file is stale.")] = False) -> None:
    """Regenerate the data dictionary (docs/tables.md) from the schemas."""
    from pipeline.dictionary import render

    text = render()
    if check:
        current = output.read_text(encoding="utf-8") if output.exists() else ""
        if current != text:
            fail("stale", f"{output} is stale: run `python -m pipeline dictionary`")
        console.print(f"{output} is up to date")
        return
    output.write_text(text, encoding="utf-8")
    console.print(f"wrote {output}")


@app.command("build-model", epilog="Example: `python -m pipeline build-model` after editing a file under models/")
def build_model(models: Models = None) -> None:
    """Assemble the spaCy rule pipeline from `models/` and save it (extract also does this when stale)."""
    from pipeline.config import MODELS_DIR
    from pipeline.nlp.build import BUILT_DIR, load_nlp, pipeline_version

    models_dir = models or MODELS_DIR
    nlp = load_nlp(models_dir, rebuild=True)
    console.print(f"built {models_dir / BUILT_DIR} (rules version {pipeline_version(models_dir)}): "
                  f"components {', '.join(nlp.pipe_names)}")


@app.command(epilog="Example: `python -m pipeline evaluate --gold ../shared/gold/trade-dev.jsonl --verbose`")
def evaluate(gold: Annotated[Path, typer.Option("--gold", help="Gold annotations (JSON Lines).")],
             gold_format: Annotated[str | None, typer.Option(
                 "--format", help="trade or meantime (default: inferred from the file).")] = None,
             raw: Annotated[Path | None, typer.Option(
                 "--raw", help="Use this folder of inputs as is (default: the gold articles, located).")] = None,
             out: Annotated[Path | None, typer.Option("--out", help="Tables folder (default: a new temporary one).")
                            ] = None,
             report: Annotated[Path | None, typer.Option("--report", help="JSON report (default: OUT/evaluation.json).")
                               ] = None,
             shared: Annotated[Path | None, typer.Option(
                 "--shared", metavar="PATH",
                 help="Shared folder holding corpus/, which locates the gold articles and resolves a gold in the "
                      "span form (default: $TRADENEWS_SHARED, else ../shared beside the repository).")] = None,
             verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Per-article breakdown.")] = False) -> None:
    """Run the stages on the gold articles and score each section (precision, recall, F1)."""
    from pipeline.evaluate.command import evaluate as run_evaluation
    from pipeline.evaluate.command import write_report
    from pipeline.evaluate.gold import GoldError
    from pipeline.evaluate.render import print_evaluation

    try:
        result = run_evaluation(gold, fmt=gold_format, raw=raw, out=out, shared=shared)
    except (GoldError, FileNotFoundError, LockedError) as error:
        fail("failed", error)
    print_evaluation(result, Console(), verbose=verbose)
    path = write_report(result, report or result.out / "evaluation.json")
    console.print(f"tables in {result.out}; report written to {path}")


@app.command("gold-pack", epilog="Example: `python -m pipeline gold-pack my-gold.jsonl "
                                  "data/gold/news2025/my-gold.jsonl`")
def gold_pack(source: Annotated[Path, typer.Argument(metavar="IN", help="Trade gold file in the text form.")],
              dest: Annotated[Path, typer.Argument(metavar="OUT", help="Gold file to write in the span form.")],
              shared: Annotated[Path | None, typer.Option(
                  "--shared", metavar="PATH",
                  help="Shared folder holding corpus/ (default: $TRADENEWS_SHARED, else ../shared beside the "
                       "repository).")] = None,
              keep_notes: Annotated[bool, typer.Option(
                  "--keep-notes", help="Keep the annotators' notes (dropped by default: they may quote the "
                                       "article).")] = False) -> None:
    """Rewrite a trade gold file so it holds no article text: news2025 quotes become spans into the corpus
    record, checked by `text_sha256`; other corpora's lines are copied unchanged (data/gold/news2025/README.md)."""
    from pipeline.evaluate.corpus import shared_dir
    from pipeline.evaluate.pack import PackError, pack_gold

    try:
        result = pack_gold(source, dest, shared=shared or shared_dir(), keep_notes=keep_notes)
    except PackError as error:
        for unfound in error.unfound:
            console.print(f"not found: {unfound}", markup=False, highlight=False)
        fail("failed", f"{len(error.unfound)} texts not found verbatim; nothing written" if error.unfound else error)
    passed = ", ".join(f"{count} {corpus}" for corpus, count in sorted(result.passed.items())) or "none"
    console.print(f"wrote {result.path}: {result.packed} lines packed; unchanged: {passed}")


@app.command(epilog="Example: `python -m pipeline bench --limit 2000 --report bench.json`")
def bench(raw: Annotated[Path | None, typer.Option(
              "--raw", help="Corpus to time (default: the Reuters-21578 archive in the shared folder).")] = None,
          limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N articles.")] = None,
          repeat: Annotated[int | None, typer.Option(
              "--repeat", min=1, help="Read the corpus N times under new ids (SGML/JSON Lines), to see memory "
                                      "as the corpus grows.")] = None,
          stages: Annotated[str | None, typer.Option("--stages", help="Comma-separated stages (default: all).")
                            ] = None,
          report: Annotated[Path | None, typer.Option("--report", help="Write the figures as JSON.")] = None,
          compare: Annotated[bool, typer.Option(
              "--compare/--no-compare", help="Also time bare tokenization and the spaCy pipeline alone.")] = True,
          executor: Executor = "local", workers: Workers = 1,
          rules_scope: Annotated[str, typer.Option(
              "--rules-scope", metavar="all|trade", help="What extract runs its rules on (see `run --help`).")
                                 ] = Settings().rules_scope) -> None:
    """Time each stage (articles/s, words/s, peak memory) against bare spaCy tokenization."""
    from pipeline.bench.command import bench as run_bench
    from pipeline.bench.command import print_bench, write_report
    from pipeline.evaluate.locate import shared_dir

    source = raw or shared_dir() / "corpus" / "reuters21578"
    names = [name.strip() for name in stages.split(",") if name.strip()] if stages else None
    try:
        result = run_bench(source, limit=limit, repeat=repeat, stages=names, executor=executor, workers=workers,
                           compare=compare, rules_scope=rules_scope)
    except (ValueError, FileNotFoundError) as error:
        fail("failed", error)
    print_bench(result, Console())
    if report is not None:
        console.print(f"figures written to {write_report(result, report)}")


@app.command("train-parser", epilog="Example: `python -m pipeline train-parser --ud ../shared/ud`")
def train_parser(
        ud: Annotated[Path, typer.Option("--ud", help="Folder of Universal Dependencies treebanks (CoNLL-U).")],
        corpus: Annotated[Path | None, typer.Option(
            "--corpus", help="Folder of the raw corpora the word vectors are trained on (default: the shared "
                             "corpus folder); see --no-vectors.")] = None,
        vectors: Annotated[bool, typer.Option("--vectors/--no-vectors", help="Train and use word vectors.")] = True,
        lemmatizer: Annotated[bool, typer.Option(
            "--lemmatizer/--no-lemmatizer", help="Add the rule lemmatizer (needs spacy-lookups-data).")] = True,
        model: Annotated[Path, typer.Option("--model", help="Model folder (holds train.cfg; the trained "
                                                            "pipeline is written into it).")] = Path("models/parser"),
        work: Annotated[Path, typer.Option("--work", help="Folder for converted data and checkpoints.")] = Path(
            "data/parser-training"),
        steps: Annotated[int | None, typer.Option("--steps", min=1, help="Training steps (default: the config's).")
                         ] = None,
        seed: Annotated[int, typer.Option("--seed", help="Random seed (data split and training).")] = 0,
        limit_docs: Annotated[int | None, typer.Option(
            "--limit-docs", min=2, help="Train on only N documents (a quick check of the recipe).")] = None) -> None:
    """Train the dependency parser from UD treebanks into models/parser and score it on the held-out news set."""
    from pipeline.evaluate.locate import shared_dir
    from pipeline.parser.train import TrainingPlan, default_vector_sources
    from pipeline.parser.train import train_parser as run_training

    sources = default_vector_sources(corpus or shared_dir() / "corpus") if vectors else ()
    for path in (ud, model / "train.cfg", *sources):
        if not path.exists():
            fail("failed", f"{path} does not exist")
    plan = TrainingPlan(ud_dir=ud, model_dir=model, work_dir=work, vector_sources=sources, max_steps=steps,
                        seed=seed, limit_docs=limit_docs, lemmatizer=lemmatizer)
    report = run_training(plan, log=console.print)
    console.print(f"model written to {model} ({report['model_bytes'] / 1e6:.1f} MB); scores in {model}/scores.json")


def main() -> None:
    """Console-script entry point: exit 0 finished, 1 failed, 2 finished with rejects (`--fail-on-rejects`).

    Click exits 2 on a usage error (a misspelt option, a bad date); here that
    is 1, so a scheduler never reads a broken command line as "finished with
    rejects".
    """
    from typer import rich_utils

    try:
        code = typer.main.get_command(app).main(standalone_mode=False)
    except typer.TyperException as error:  # Typer's (vendored) click usage errors derive from it
        if console.is_terminal:
            rich_utils.rich_format_error(error)
        else:  # a log reader gets one line, not a boxed panel wrapped at 80 columns
            ensure_logging()
            log_event(logging.ERROR, event="usage", error=error.format_message())
        code = EXIT_FAILED
    except typer.Abort:
        console.print("aborted")
        code = EXIT_FAILED
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
