"""A process's memory: its high-water mark and what it holds, and their largest by tenth of the batches."""

from __future__ import annotations

import os
import resource
import sys
from collections.abc import Sequence
from typing import NamedTuple


def peak_rss_mb() -> float:
    """This process's memory high-water mark in MB (``ru_maxrss``: kilobytes on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def resident_mb() -> float | None:
    """Memory this process holds now (resident set, MB), from /proc; None on systems without it."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)
    except (OSError, ValueError, IndexError):
        return None


class Memory(NamedTuple):
    """One process's memory at one moment: its high-water mark and what it holds (None without /proc)."""

    peak_mb: float
    resident_mb: float | None


def memory_now() -> Memory:
    """This process's memory now: the probe bench gives the stage runner (`pipeline.stages.run`)."""
    return Memory(peak_rss_mb(), resident_mb())


def batch_memory(probes: Sequence[tuple[Memory | None, Memory]]) -> dict[str, list[float]]:
    """Per batch, by tenth of the batches: the batch processes' peak and resident memory, and the stage's own.

    A batch that failed as a whole has no reading where it ran; a reading
    without /proc has no resident figure. Both are left out.
    """
    ran = [worker for worker, _ in probes if worker is not None]
    return {"batch_peak_by_tenth_mb": tenths([m.peak_mb for m in ran]),
            "batch_rss_by_tenth_mb": tenths([m.resident_mb for m in ran if m.resident_mb is not None]),
            "caller_rss_by_tenth_mb": tenths([c.resident_mb for _, c in probes if c.resident_mb is not None])}


def tenths(peaks: Sequence[float]) -> list[float]:
    """The largest per-batch memory peak in each tenth of the batches, in batch order (fewer with few batches)."""
    if not peaks:
        return []
    parts = min(10, len(peaks))
    bounds = [round(len(peaks) * k / parts) for k in range(parts + 1)]
    return [max(peaks[bounds[k]:bounds[k + 1]]) for k in range(parts)]
