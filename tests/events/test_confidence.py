"""Calibrated confidence: the model's arithmetic, its file, and the fit that produces it."""

from __future__ import annotations

import json

import pytest

from pipeline.config import MODELS_DIR
from pipeline.evaluate.calibrate import Sample, curve, fit
from pipeline.events.confidence import FEATURES, ConfidenceModel, calibrated, features, read_model

ROW = {"event_type": "negotiation", "rate_value": None, "event_date": "2025-05-01", "modality": "asserted"}


def test_features_of_a_row():
    assert features(ROW, 0.7) == {"score": 0.7, "rate": 0.0, "date": 1.0, "asserted": 1.0, "talks_or_deal": 1.0,
                                  "tariff_measure": 0.0}


def test_calibrated_is_the_logistic_of_the_weighted_sum():
    model = ConfidenceModel(-1.0, {name: 0.0 for name in FEATURES} | {"asserted": 1.0})
    assert calibrated(model, features(ROW, 0.7)) == 0.5
    assert calibrated(model, features({**ROW, "modality": "planned"}, 0.7)) == pytest.approx(0.269, abs=1e-3)


def test_the_project_model_reads(tmp_path):
    model = read_model(MODELS_DIR / "events" / "confidence.json")
    assert set(model.weights) == set(FEATURES)
    bad = tmp_path / "confidence.json"
    bad.write_text(json.dumps({"bias": 0, "weights": {"score": 1, "moon_phase": 2}}))
    with pytest.raises(ValueError, match="moon_phase"):
        read_model(bad)


def _sample(article, right, **values):
    base = {name: 0.0 for name in FEATURES}
    return Sample(article, base | values, right, values.get("score", 0.5))


def test_fit_learns_which_feature_marks_right_rows():
    data = ([_sample("a", True, asserted=1.0) for _ in range(8)] + [_sample("a", False, asserted=1.0)]
            + [_sample("b", False) for _ in range(8)] + [_sample("b", True)])
    model = fit(data)
    assert model.weights["asserted"] > 1.0
    # the L2 penalty pulls the 8-in-9 shares (0.89, 0.11) towards one half
    assert calibrated(model, data[0].values) > 0.65 > 0.35 > calibrated(model, data[-1].values)


def test_curve_counts_rows_and_share_right_per_band():
    bands = {band: (rows, share) for band, rows, share in curve([(0.1, False), (0.15, True), (0.9, True)])}
    assert bands["0.0–0.2"] == (2, 0.5) and bands["0.8–1.0"] == (1, 1.0) and bands["0.4–0.6"] == (0, None)
