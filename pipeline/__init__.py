"""Trade-policy news → Parquet research tables (see README.md)."""

import os

__version__ = "0.1.0"

# Arrow allocates with the C library's malloc unless the environment chooses a pool. Arrow's
# own pools (jemalloc, mimalloc) keep what one batch freed for the next: over the 2025 month the
# memory normalize and events held after their batches grew by half, where with malloc it stays
# flat at the same speed (docs/performance.md). Arrow reads the variable when it first allocates,
# so it is set here, before any module imports pyarrow; worker processes inherit it.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
