"""Calibrated confidence: the chance that an event row is right in every field, from what the rules know.

The rules' score (`merge.confidence`: trigger strength plus the arguments
found) ranks rows, but its bands did not separate good rows from bad. The
``confidence`` column is instead a logistic model of that score and of
features of the row, fitted on the development gold (`pipeline.evaluate.calibrate`)
and stored as data in ``models/events/confidence.json``:

    confidence = 1 / (1 + exp(-(bias + Σ weight · feature)))

Features (`features`): ``score`` (the rules' score, 0–1), ``rate``, ``date``
(the row carries one), ``asserted`` (modality), ``talks_or_deal`` (negotiation
or agreement) and ``tariff_measure`` (a tariff_* type). "Right" is what the
evaluation calls fully right: type, actor, target, rate, date and modality
all agree with a gold event.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.events.types import TARIFF_TYPES, TWO_SIDED

FEATURES = ("score", "rate", "date", "asserted", "talks_or_deal", "tariff_measure")


@dataclass(frozen=True)
class ConfidenceModel:
    """Logistic weights over `FEATURES`; ``bias`` is the intercept."""

    bias: float
    weights: Mapping[str, float]


def features(row: Mapping[str, Any], score: float) -> dict[str, float]:
    """The model's features of an ``event_mentions`` row and the rules' score of its event."""
    return {"score": score, "rate": float(row.get("rate_value") is not None),
            "date": float(row.get("event_date") is not None), "asserted": float(row.get("modality") == "asserted"),
            "talks_or_deal": float(row.get("event_type") in TWO_SIDED),
            "tariff_measure": float(row.get("event_type") in TARIFF_TYPES)}


def calibrated(model: ConfidenceModel, values: Mapping[str, float]) -> float:
    """The model's probability for the feature ``values``, rounded to three places."""
    z = model.bias + sum(model.weights.get(name, 0.0) * values[name] for name in FEATURES)
    return round(1.0 / (1.0 + math.exp(-z)), 3)


def read_model(path: Path) -> ConfidenceModel:
    """The model of ``confidence.json``; a feature it does not know, or a missing one, fails with the name."""
    data = json.loads(path.read_text(encoding="utf-8"))
    weights = {name: float(value) for name, value in data["weights"].items()}
    if set(weights) != set(FEATURES):
        raise ValueError(f"{path}: weights {sorted(weights)} must be exactly {sorted(FEATURES)}")
    return ConfidenceModel(float(data["bias"]), weights)
