"""SQL over the tables with DuckDB: every table under ``--out`` is a view."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from pipeline import io
from pipeline.io import is_partitioned
from pipeline.schemas import TABLES


class QueryError(ValueError):
    """DuckDB refused the SQL; the message is DuckDB's own."""


def connect(out: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per table written under ``out``."""
    connection = duckdb.connect()
    for name, schema in TABLES.items():
        if name.startswith("_") or not io.exists(out, name):
            continue
        folder = io.table_dir(out, name)  # the published version, resolved once: a run may publish a new one meanwhile
        pattern = (folder / "**" / "*.parquet") if is_partitioned(schema) else (folder / "*.parquet")
        hive = "true" if is_partitioned(schema) else "false"
        source = str(pattern).replace("'", "''")
        connection.execute(f"CREATE VIEW \"{name}\" AS SELECT * FROM read_parquet('{source}', "
                           f"hive_partitioning = {hive}, union_by_name = true)")
    return connection


def run_query(out: Path, sql: str) -> pd.DataFrame:
    """Run ``sql`` over the tables under ``out`` and return the result as a DataFrame."""
    connection = connect(out)
    try:
        return connection.execute(sql).fetchdf()
    except duckdb.Error as error:
        raise QueryError(str(error)) from None
    finally:
        connection.close()


def write_result(frame: pd.DataFrame, output: Path) -> None:
    """Write a query result to ``.csv`` or ``.parquet`` (chosen by the suffix)."""
    suffix = output.suffix.lower()
    if suffix == ".csv":
        frame.to_csv(output, index=False)
    elif suffix in (".parquet", ".pq"):
        frame.to_parquet(output, index=False)
    else:
        raise QueryError(f"--output {output}: use a .csv or .parquet file name")
