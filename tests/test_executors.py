"""Executors return results in input order, retry failures, and report what still fails."""

import operator
import os
import signal
from concurrent.futures.process import BrokenProcessPool

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


def die_once(marker: str, value: int) -> int:
    """Return ``value``; the first call for ``marker`` (a file path) kills its own worker instead."""
    if value == 3 and not os.path.exists(marker):
        open(marker, "w").close()
        os.kill(os.getpid(), signal.SIGKILL)
    return value


def die_always(value: int) -> int:
    """Kill the worker for ``value`` 3, every time."""
    if value == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return value


def test_a_lost_worker_is_retried_in_a_fresh_pool(tmp_path):
    """Before, the retry went to the broken pool, which raised BrokenProcessPool out of the stage."""
    marker = str(tmp_path / "died")
    outcomes = list(map_batches(die_once, [(marker, i) for i in range(8)], ExecutorSettings("processes", workers=2)))
    assert os.path.exists(marker)  # a worker did die
    assert [(result, error) for _, result, error in outcomes] == [(i, None) for i in range(8)]


def test_a_batch_that_always_kills_its_worker_is_reported_and_the_others_finish():
    outcomes = list(map_batches(die_always, [(i,) for i in range(6)], ExecutorSettings("processes", workers=2)))
    assert [result for _, result, _ in outcomes] == [0, 1, 2, None, 4, 5]
    assert isinstance(outcomes[3][2], BrokenProcessPool)
