"""Helpers of the stage planner that work on whole runs' worth of ids."""

from __future__ import annotations

import pyarrow as pa

from pipeline.articles import short_hash
from pipeline.stages.plan import hash_strings


def test_hashing_slice_by_slice_gives_short_hash_of_all_the_strings():
    values = [f"{n:016x}:{n * 7919:016x}" for n in range(1_003)]
    chunked = pa.chunked_array([values[:400], values[400:]])
    assert hash_strings(chunked, chunk=100) == hash_strings(chunked) == short_hash(*values)
    assert hash_strings(pa.chunked_array([], type=pa.string())) == short_hash()
