"""Printing an evaluation as readable tables (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from pipeline.evaluate.command import Evaluation
from pipeline.evaluate.match import SCORED, Accuracy, Counts


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _count(value: int | None) -> str:
    return "–" if value is None else str(value)


def _accuracies(accuracies: dict[str, Accuracy]) -> str:
    return "; ".join(f"{name} {_figure(acc.value)} ({acc.correct}/{acc.total})"
                     for name, acc in accuracies.items())


def _row(counts: Counts) -> list[str]:
    return [_figure(counts.precision), _figure(counts.recall), _figure(counts.f1),
            _count(counts.tp), _count(counts.fp), _count(counts.fn)]


def print_evaluation(evaluation: Evaluation, console: Console, *, verbose: bool = False) -> None:
    """Print stage statuses, one row per section, and with ``verbose`` each article's counts and misses."""
    stages = ", ".join(f"{name}: {status}" for name, status in evaluation.stages.items())
    console.print(f"[bold]{evaluation.gold}[/bold] ({evaluation.format}, {evaluation.articles} articles) — {stages}")
    table = Table(title="evaluation", show_lines=False)
    for column in ("section", "precision", "recall", "F1", "tp", "fp", "fn", "accuracy on matched"):
        table.add_column(column, justify="left" if column in ("section", "accuracy on matched") else "right")
    reasons: dict[str, list[str]] = {}
    for section in evaluation.sections:
        if section.status != SCORED:
            table.add_row(section.name, *(["–"] * 6), f"[yellow]{section.status}[/yellow]")
            reasons.setdefault(section.message or section.status, []).append(section.name)
            continue
        table.add_row(section.name, *_row(section.counts), _accuracies(section.accuracies))
    console.print(table)
    for message, names in reasons.items():
        console.print(f"{', '.join(names)}: {message}")
    if not verbose:
        return
    for section in evaluation.sections:
        if section.status != SCORED or not section.articles:
            continue
        detail = Table(title=f"{section.name}: per article", show_lines=False)
        for column in ("article", "P", "R", "F1", "tp", "fp", "fn", "missed", "spurious"):
            detail.add_column(column, overflow="fold")
        for article in section.articles:
            detail.add_row(article.key[:48], *_row(article.counts), "; ".join(article.missed)[:300],
                           "; ".join(article.spurious)[:300])
        console.print(detail)
