"""Python's cyclic garbage collector, paused while a batch runs.

A normalize or events batch builds tens of thousands of objects that live until it
ends (the views, the rows) and makes no reference cycles: on the Reuters archive the
collector freed nothing in any batch, yet its passes over those objects still took
time (docs/architecture.md has the figures). Reference counting still frees
everything as before; cycles, should a batch make any, wait for the first
collection after it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector, then restore it as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
