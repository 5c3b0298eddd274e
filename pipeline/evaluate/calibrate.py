"""Fitting the events' confidence on a gold set, and the curve that shows whether it means something.

Run after ``python -m pipeline evaluate --gold FILE --out DIR``::

    python -m pipeline.evaluate.calibrate --gold FILE --out DIR [--write models/events/confidence.json]

Every ``event_mentions`` row of a gold article is labelled right when it
agrees with a gold event of its article in all six fields (type, actor,
target, rate, date, modality; `event_fields`). A logistic model of the
features of `pipeline.events.confidence` is fitted by Newton's method with an
L2 penalty (``L2``), and the share right per confidence band is printed for
the rules' score, for the model fitted on all rows (in sample), and for
models fitted with one article left out and applied to it (out of sample).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow.dataset as ds

from pipeline.evaluate.event_fields import FIELDS, align
from pipeline.evaluate.gold import load_gold
from pipeline.evaluate.match import greedy_match
from pipeline.evaluate.trade import event_matches
from pipeline.events.confidence import FEATURES, ConfidenceModel, calibrated, features

L2 = 1.0
BANDS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)


@dataclass(frozen=True)
class Sample:
    """One predicted row: its article, features and whether it is fully right."""

    article: str
    values: dict[str, float]
    right: bool
    score: float


def samples(gold_path: Path, out: Path) -> list[Sample]:
    """The labelled ``event_mentions`` rows of the gold articles found under ``out``."""
    gold = load_gold(gold_path)
    articles = ds.dataset(out / "articles").to_table(columns=["article_id", "source_id"]).to_pylist()
    key_of = {a["article_id"]: a["source_id"] for a in articles}
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in ds.dataset(out / "event_mentions").to_table().to_pylist():
        rows[key_of.get(row["article_id"], "")].append(row)
    out_samples = []
    for article in gold.records:
        expected, found = list(article.events), rows.get(article.source_id, [])
        aligned = align(expected, found, greedy_match(expected, found, event_matches))
        for row, event in zip(found, aligned, strict=True):
            right = event is not None and all(check(event, row) for check in FIELDS.values())
            out_samples.append(Sample(article.source_id, features(row, row["rule_score"]), right, row["rule_score"]))
    return out_samples


def fit(data: Sequence[Sample], *, l2: float = L2, steps: int = 50) -> ConfidenceModel:
    """Logistic regression by Newton's method with an L2 penalty on the weights (not the bias)."""
    x = np.array([[1.0, *(s.values[f] for f in FEATURES)] for s in data])
    y = np.array([float(s.right) for s in data])
    w = np.zeros(x.shape[1])
    penalty = np.diag([0.0] + [l2] * len(FEATURES))
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return ConfidenceModel(round(float(w[0]), 4), {f: round(float(v), 4) for f, v in zip(FEATURES, w[1:], strict=True)})


def curve(scored: Sequence[tuple[float, bool]]) -> list[tuple[str, int, float | None]]:
    """(band, rows, share right) for each confidence band."""
    out = []
    for low, high in zip(BANDS, BANDS[1:]):
        inside = [right for value, right in scored if low <= value < high]
        share = sum(inside) / len(inside) if inside else None
        out.append((f"{low:.1f}–{min(high, 1.0):.1f}", len(inside), share))
    return out


def leave_one_out(data: Sequence[Sample]) -> list[tuple[float, bool]]:
    """Each row scored by a model fitted without its article."""
    scored = []
    for article in sorted({s.article for s in data}):
        model = fit([s for s in data if s.article != article])
        scored += [(calibrated(model, s.values), s.right) for s in data if s.article == article]
    return scored


def _print(title: str, rows: list[tuple[str, int, float | None]], echo: Callable[[str], None]) -> None:
    echo(title)
    for band, count, share in rows:
        echo(f"  {band}  rows {count:3d}  right {'–' if share is None else f'{share:.2f}'}")


def main(argv: Sequence[str] | None = None) -> int:
    """Fit on ``--gold``/``--out``, print the curves, and with ``--write`` store the model."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True, help="tables of `evaluate --out` on that gold")
    parser.add_argument("--write", type=Path, help="write the fitted model here (confidence.json)")
    args = parser.parse_args(argv)
    data = samples(args.gold, args.out)
    model = fit(data)
    print(f"{len(data)} rows, {sum(s.right for s in data)} fully right; model {model}")
    _print("rules' score", curve([(s.score, s.right) for s in data]), print)
    _print("calibrated, in sample", curve([(calibrated(model, s.values), s.right) for s in data]), print)
    _print("calibrated, one article left out", curve(leave_one_out(data)), print)
    if args.write:
        args.write.write_text(json.dumps({
            "_about": "Logistic model of the events' confidence (pipeline/events/confidence.py), fitted by "
                      "pipeline/evaluate/calibrate.py on the development gold: the chance that a row is right "
                      "in all six fields.",
            "rows": len(data), "right": sum(s.right for s in data), "l2": L2,
            "bias": model.bias, "weights": dict(model.weights)}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
