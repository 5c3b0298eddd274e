"""Executors return results in input order, retry failures, and report what still fails."""

import operator

import pytest

from pipeline.executors import ExecutorSettings, map_batches


@pytest.mark.parametrize("kind", ["local", "processes"])
def test_results_come_back_in_order(kind):
    payloads = [(i, 10) for i in range(9)]
    results = [result for _, result, error in map_batches(operator.add, payloads, ExecutorSettings(kind, workers=2))]
    assert results == [i + 10 for i in range(9)]


def test_a_failing_batch_is_reported_not_raised():
    outcomes = list(map_batches(operator.truediv, [(1, 1), (1, 0), (4, 2)], ExecutorSettings("processes", workers=2,
                                                                                           retries=1)))
    assert [r for _, r, _ in outcomes] == [1.0, None, 2.0]
    assert isinstance(outcomes[1][2], ZeroDivisionError)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"kind": "spark"}, "not one of"),
    ({"kind": "local", "scheduler": "tcp://x:8786"}, "only applies"),
    ({"kind": "local", "workers": 0}, "at least 1"),
])
def test_bad_executor_settings_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        ExecutorSettings(**kwargs)
